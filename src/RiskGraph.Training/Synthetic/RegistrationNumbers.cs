using System.Globalization;

namespace RiskGraph.Training.Synthetic;

/// <summary>
/// The registration identifiers of an enterprise: the USCC (GB 32100-2015) and the legacy 15-digit business
/// registration number. Both are derived from the dense enterprise id through a bijection of the 8-digit space,
/// so they are unique without a lookup table and look unordered.
/// </summary>
internal sealed class RegistrationNumbers
{
    private const long Space = 100_000_000; // 8 digits

    // Weights of the organisation code check digit, GB 11714-1997.
    private static readonly int[] OrganisationWeights = [3, 7, 9, 10, 5, 8, 4, 2];

    private readonly long _orgMultiplier, _orgOffset, _regMultiplier, _regOffset;

    public RegistrationNumbers(Random rng)
    {
        _orgMultiplier = UnitOfSpace(rng);
        _orgOffset = rng.NextInt64(Space);
        _regMultiplier = UnitOfSpace(rng);
        _regOffset = rng.NextInt64(Space);
    }

    /// <summary>18-character USCC: authority 9 (market regulation), type 1 (enterprise), region, organisation code.</summary>
    public string Uscc(int id, string regionCode) =>
        Model.Domain.Uscc.Compose('9', '1', regionCode, OrganisationCode(Scramble(id, _orgMultiplier, _orgOffset)));

    /// <summary>15 digits: region, 8-digit sequence, ISO 7064 MOD 11,10 check digit.</summary>
    public string LegacyRegistrationNo(int id, string regionCode)
    {
        string first14 = regionCode + Scramble(id, _regMultiplier, _regOffset).ToString("D8", CultureInfo.InvariantCulture);
        return first14 + Mod11_10CheckDigit(first14);
    }

    /// <summary>8 digits plus the GB 11714 check character (0-9 or X).</summary>
    public static string OrganisationCode(long eightDigits)
    {
        string body = eightDigits.ToString("D8", CultureInfo.InvariantCulture);
        int sum = 0;
        for (int i = 0; i < 8; i++) sum += (body[i] - '0') * OrganisationWeights[i];
        int check = 11 - sum % 11;
        char c = check switch { 10 => 'X', 11 => '0', _ => (char)('0' + check) };
        return body + c;
    }

    /// <summary>ISO 7064 MOD 11,10 hybrid system, as used by the pre-2015 registration numbers.</summary>
    public static char Mod11_10CheckDigit(string digits)
    {
        int product = 10;
        foreach (char ch in digits)
        {
            int sum = (product + (ch - '0')) % 10;
            if (sum == 0) sum = 10;
            product = sum * 2 % 11;
        }
        return (char)('0' + (11 - product) % 10);
    }

    // x -> (a*x + b) mod 10^8 is a bijection when a is coprime to 10, so distinct ids give distinct numbers.
    private static long Scramble(int id, long multiplier, long offset) => (id * multiplier + offset) % Space;

    private static long UnitOfSpace(Random rng)
    {
        while (true)
        {
            long a = rng.NextInt64(Space / 10, Space);
            if (a % 2 != 0 && a % 5 != 0) return a;
        }
    }
}
