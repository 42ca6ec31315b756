using System.Globalization;

namespace RiskGraph.Training.Synthetic;

/// <summary>
/// Citizen identification numbers per GB 11643-1999: 6-digit birthplace code, 8-digit birth date, 3-digit
/// sequence (odd for men, even for women) and a check character over ISO 7064 MOD 11-2.
/// The generator keeps the first 17 digits as a long (a cheap, unique key) and appends the check character on output.
/// </summary>
internal static class ResidentId
{
    public const int Length = 18;

    // Weight of position i (1-based, from the left) is 2^(18-i) mod 11.
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

    // Indexed by (weighted sum mod 11): the character that makes the full number's MOD 11-2 residue equal 1.
    private const string CheckCharacters = "10X98765432";

    /// <summary>The first 17 digits as a number: birthplace, then yyyyMMdd, then the sequence.</summary>
    public static long Compose(int birthplace, DateOnly birthDate, int sequence)
    {
        if (birthplace is < 110000 or > 999999) throw new ArgumentOutOfRangeException(nameof(birthplace));
        if (sequence is < 0 or > 999) throw new ArgumentOutOfRangeException(nameof(sequence));
        long date = birthDate.Year * 10_000L + birthDate.Month * 100 + birthDate.Day;
        return (birthplace * 100_000_000L + date) * 1000 + sequence;
    }

    public static bool IsMale(long first17) => (first17 % 10) % 2 == 1;

    /// <summary>Check character for the 17 leading digits held in a long (the leading digit is never 0).</summary>
    public static char CheckCharacter(long first17)
    {
        int sum = 0;
        long rest = first17;
        for (int i = Weights.Length - 1; i >= 0; i--)
        {
            sum += (int)(rest % 10) * Weights[i];
            rest /= 10;
        }
        return CheckCharacters[sum % 11];
    }

    public static string Format(long first17) =>
        first17.ToString("D17", CultureInfo.InvariantCulture) + CheckCharacter(first17);

    public static bool IsValid(string? id)
    {
        if (id is null || id.Length != Length) return false;
        for (int i = 0; i < Length - 1; i++)
        {
            if (!char.IsAsciiDigit(id[i])) return false;
        }
        long first17 = long.Parse(id.AsSpan(0, Length - 1), NumberStyles.None, CultureInfo.InvariantCulture);
        return id[Length - 1] == CheckCharacter(first17);
    }
}
