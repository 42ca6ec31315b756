namespace RiskGraph.Model.Identity;

/// <summary>Check of an 18-character resident ID number per GB 11643-1999 (ISO 7064 MOD 11-2).</summary>
public static class ResidentIdNumber
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCharacters = "10X98765432";

    /// <summary>Returns null when valid, otherwise why not.</summary>
    public static string? Validate(string? id)
    {
        if (string.IsNullOrEmpty(id)) return "is empty";
        if (id.Length != 18) return $"must have 18 characters, has {id.Length}";
        for (int i = 0; i < 17; i++)
        {
            if (!char.IsAsciiDigit(id[i])) return $"character {i + 1} must be a digit";
        }
        char expected = CheckCharacter(id.AsSpan(0, 17));
        return char.ToUpperInvariant(id[17]) == expected ? null : $"check character is '{id[17]}', expected '{expected}'";
    }

    public static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        int sum = 0;
        for (int i = 0; i < 17; i++) sum += (first17[i] - '0') * Weights[i];
        return CheckCharacters[sum % 11];
    }
}
