using System.Security.Cryptography;
using System.Text;

namespace RiskGraph.Model.Identity;

/// <summary>
/// Turns a national ID number into the person's identity in the store: an HMAC-SHA256 under a secret key,
/// so the clear number is never stored, yet the same person from two sources resolves to one node.
/// Without the key, the hash cannot be reversed by enumerating the (small) space of valid ID numbers.
/// </summary>
public sealed class PersonKeyHasher
{
    public const string EnvironmentVariable = "RISKGRAPH_PERSON_KEY";
    private const int KeyBytes = 32;
    private readonly byte[] _key;

    public PersonKeyHasher(byte[] key)
    {
        if (key.Length < 16) throw new ArgumentException("The person-key secret must have at least 16 bytes.", nameof(key));
        _key = key;
    }

    /// <summary>Uses RISKGRAPH_PERSON_KEY when set, else the home's secret file, created with a random key on first use.</summary>
    public static PersonKeyHasher ForHome(RiskGraphHome home)
    {
        string? configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrEmpty(configured)) return new PersonKeyHasher(SHA256.HashData(Encoding.UTF8.GetBytes(configured)));

        home.EnsureExists();
        if (!File.Exists(home.PersonKeyPath))
        {
            File.WriteAllBytes(home.PersonKeyPath, RandomNumberGenerator.GetBytes(KeyBytes));
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(home.PersonKeyPath, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        return new PersonKeyHasher(File.ReadAllBytes(home.PersonKeyPath));
    }

    /// <summary>"p_" followed by 24 hex digits (96 bits) of the HMAC.</summary>
    public string KeyOf(string idNumber)
    {
        Span<byte> mac = stackalloc byte[32];
        HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(idNumber.Trim().ToUpperInvariant()), mac);
        return "p_" + Convert.ToHexStringLower(mac[..12]);
    }

    /// <summary>Shows the first 3 and last 4 characters only, e.g. 310***********123X.</summary>
    public static string Mask(string idNumber)
    {
        string id = idNumber.Trim();
        if (id.Length <= 7) return new string('*', id.Length);
        return string.Concat(id.AsSpan(0, 3), new string('*', id.Length - 7), id.AsSpan(id.Length - 4));
    }
}
