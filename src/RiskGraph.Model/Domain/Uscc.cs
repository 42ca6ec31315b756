namespace RiskGraph.Model.Domain;

/// <summary>
/// Unified social credit code (统一社会信用代码) as defined by GB 32100-2015:
/// 18 characters from a 31-symbol alphabet, the last one a weighted mod-31 check character.
/// </summary>
public static class Uscc
{
    public const int Length = 18;

    /// <summary>The 31 symbols allowed by the standard: digits and upper-case letters without I, O, Z, S, V.</summary>
    public const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    // Weight of position i is 3^i mod 31. Because 31 is prime and no weight is 0 mod 31,
    // any single substituted character changes the weighted sum and is detected.
    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    /// <summary>Returns null when <paramref name="code"/> is a valid USCC, otherwise why it is not.</summary>
    public static string? Validate(string? code)
    {
        if (string.IsNullOrEmpty(code)) return "is empty";
        if (code.Length != Length) return $"must have {Length} characters, has {code.Length}";
        for (int i = 0; i < Length; i++)
        {
            if (ValueOf(code[i]) < 0)
                return $"character {i + 1} '{code[i]}' is not allowed (digits and upper-case letters except I, O, Z, S, V)";
        }
        for (int i = 2; i < 8; i++)
        {
            if (!char.IsAsciiDigit(code[i])) return $"characters 3-8 must be the 6-digit administrative division code";
        }
        char expected = CheckCharacter(code.AsSpan(0, Length - 1));
        return code[Length - 1] == expected ? null : $"check character is '{code[Length - 1]}', expected '{expected}'";
    }

    public static bool IsValid(string? code) => Validate(code) is null;

    /// <summary>Computes the 18th character for the first 17.</summary>
    public static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        if (first17.Length != Length - 1) throw new ArgumentException("Expected 17 characters.", nameof(first17));
        int sum = 0;
        for (int i = 0; i < first17.Length; i++)
        {
            int value = ValueOf(first17[i]);
            if (value < 0) throw new ArgumentException($"Character '{first17[i]}' is not in the USCC alphabet.", nameof(first17));
            sum += value * Weights[i];
        }
        int check = 31 - sum % 31;
        return Alphabet[check == 31 ? 0 : check];
    }

    /// <summary>Builds a valid code from its parts: authority (1 char), entity type (1), region (6 digits), organisation code (9).</summary>
    public static string Compose(char authority, char entityType, string regionCode, string organisationCode)
    {
        if (regionCode.Length != 6) throw new ArgumentException("Region code must have 6 digits.", nameof(regionCode));
        if (organisationCode.Length != 9) throw new ArgumentException("Organisation code must have 9 characters.", nameof(organisationCode));
        Span<char> buffer = stackalloc char[Length];
        buffer[0] = authority;
        buffer[1] = entityType;
        regionCode.AsSpan().CopyTo(buffer[2..]);
        organisationCode.AsSpan().CopyTo(buffer[8..]);
        buffer[17] = CheckCharacter(buffer[..17]);
        return new string(buffer);
    }

    private static int ValueOf(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'A' and <= 'Y' => Alphabet.IndexOf(c, 10),
        _ => -1,
    };
}
