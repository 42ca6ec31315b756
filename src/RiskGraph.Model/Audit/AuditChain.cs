using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace RiskGraph.Model.Audit;

/// <summary>
/// The hash chain over the audit log: each entry's hash covers the previous entry's hash and every field of its
/// own, so editing, inserting or removing a row changes every hash after it. Fields are length-prefixed so that no
/// two different entries serialise to the same text.
/// </summary>
public static class AuditChain
{
    /// <summary>The previous hash of the first entry.</summary>
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    public static string HashOf(AuditEntry entry, string prevHash)
    {
        var text = new StringBuilder(256);
        Field(text, prevHash);
        Field(text, entry.Id.ToString(CultureInfo.InvariantCulture));
        Field(text, entry.At.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture));
        Field(text, entry.Actor);
        Field(text, entry.Department);
        Field(text, entry.Role);
        Field(text, entry.Purpose);
        Field(text, entry.Action);
        Field(text, entry.Method);
        Field(text, entry.Path);
        Field(text, entry.Subject);
        Field(text, entry.Status.ToString(CultureInfo.InvariantCulture));
        Field(text, entry.Returned);
        Field(text, entry.Before);
        Field(text, entry.After);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>Checks entries in chain order; the first whose link or hash does not hold is named.</summary>
    public static AuditVerification Verify(IEnumerable<AuditEntry> entriesInOrder)
    {
        string previous = Genesis;
        long expectedId = 1, count = 0;
        foreach (var entry in entriesInOrder)
        {
            count++;
            if (entry.Id != expectedId) return new(count, entry.Id, $"entry {entry.Id} follows entry {expectedId - 1}: entries are missing");
            if (entry.PrevHash != previous) return new(count, entry.Id, $"entry {entry.Id} does not link to the hash of entry {entry.Id - 1}");
            if (HashOf(entry, previous) != entry.Hash) return new(count, entry.Id, $"entry {entry.Id} was changed after it was written");
            previous = entry.Hash;
            expectedId++;
        }
        return new(count, null, null);
    }

    private static void Field(StringBuilder text, string? value)
    {
        if (value is null)
        {
            text.Append("-1:");
            return;
        }
        text.Append(value.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(value).Append('|');
    }
}
