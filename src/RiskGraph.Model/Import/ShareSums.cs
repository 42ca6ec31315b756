using System.Globalization;
using RiskGraph.Model.Domain;
using RiskGraph.Model.Storage;

namespace RiskGraph.Model.Import;

/// <summary>
/// Refuses a shareholdings file under which the shares held in some enterprise add up to more than 1 (beyond
/// <see cref="ImportOptions.ShareSumTolerance"/>). Such data cannot be true, and equity penetration on it would
/// report integrated shares above 100 % and several "controllers". Refused rather than flagged, because the
/// store is the system of record: nothing impossible gets in. Stored holdings the file does not replace count.
/// </summary>
internal static class ShareSums
{
    public static async Task CheckAsync(
        IReadOnlyList<Shareholding> rows, IReadOnlyList<int> lines, Func<int, string, string, ImportException> error, IGraphStore store,
        CancellationToken cancellationToken)
    {
        var sums = new Dictionary<string, Sum>(StringComparer.Ordinal);
        var inFile = new HashSet<(string, string)>();
        for (int i = 0; i < rows.Count; i++)
        {
            var s = rows[i];
            if (!sums.TryGetValue(s.Uscc, out var sum)) sums[s.Uscc] = sum = new Sum();
            sum.Total += s.Share;
            sum.Lines.Add(lines[i]);
            inFile.Add((s.Uscc, s.HolderKey));
        }
        if (sums.Count == 0) return;
        await foreach (var stored in store.ReadAllAsync<Shareholding>(cancellationToken))
        {
            if (sums.TryGetValue(stored.Uscc, out var sum) && !inFile.Contains((stored.Uscc, stored.HolderKey)))
            {
                sum.Total += stored.Share;
                sum.Stored++;
            }
        }
        // The enterprise whose last row comes first is reported, so the same file always gives the same error.
        foreach (var (uscc, sum) in sums.Where(p => p.Value.Total > 1 + ImportOptions.ShareSumTolerance).OrderBy(p => p.Value.Lines[^1]))
        {
            string stored = sum.Stored == 0 ? "" : $" and {sum.Stored} stored holding(s)";
            throw error(sum.Lines[^1], "share",
                $"the shares held in {uscc} add up to {sum.Total.ToString("0.######", CultureInfo.InvariantCulture)}, more than 1 " +
                $"(line(s) {string.Join(", ", sum.Lines.Take(10))}{(sum.Lines.Count > 10 ? ", …" : "")}{stored})");
        }
    }

    private sealed class Sum
    {
        public double Total;
        public int Stored;
        public List<int> Lines { get; } = [];
    }
}
