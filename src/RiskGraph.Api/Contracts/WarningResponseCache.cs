using System.Runtime.CompilerServices;
using System.Text.Json;
using RiskGraph.Model.Scoring;

namespace RiskGraph.Api.Contracts;

/// <summary>A warning answer with its JSON already written and its line for the audit log.</summary>
public sealed record CachedWarning(WarningResponse Response, byte[] Json, string Summary);

/// <summary>
/// Warning answers built once per scored graph and enterprise, down to their UTF-8 JSON: a served scored graph is
/// immutable, so an enterprise's answer cannot change until a new one is swapped in, and neither the reasons (a walk
/// over every tree), the class nor the serialisation need repeating for every call of another system. A batch of
/// 1,000 is then mostly a copy of bytes. Filled lazily, in chunks of <see cref="ChunkRows"/> enterprises allocated on
/// first use, so memory grows with what is asked and a change applied in place copies only the chunks it touches.
/// </summary>
public static class WarningResponseCache
{
    private const int ChunkShift = 10;
    private const int ChunkRows = 1 << ChunkShift;

    private static readonly ConditionalWeakTable<ScoredGraph, CachedWarning?[]?[]> Answers = new();

    public static CachedWarning For(ScoredGraph scored, int enterprise, JsonSerializerOptions json)
    {
        var chunks = Answers.GetValue(scored, s => new CachedWarning?[(s.Snapshot.EnterpriseCount + ChunkRows - 1) >> ChunkShift][]);
        // Two callers may build the same chunk or answer at once; both results are equal and either may stay.
        var chunk = chunks[enterprise >> ChunkShift] ??= new CachedWarning?[ChunkRows];
        return chunk[enterprise & (ChunkRows - 1)] ??= Build(scored, enterprise, json);
    }

    /// <summary>
    /// Hands the answers already built on <paramref name="from"/> to <paramref name="to"/>, a state with changes
    /// applied in place, except those of <paramref name="changedRows"/>: every other enterprise's answer is the same.
    /// A chunk holding none of them is shared by both states, which is sound because its answers are equal in both.
    /// </summary>
    public static void CarryOver(ScoredGraph from, ScoredGraph to, int[] changedRows)
    {
        if (!Answers.TryGetValue(from, out var built)) return;
        var chunks = (CachedWarning?[]?[])built.Clone();
        foreach (int row in changedRows)
        {
            int c = row >> ChunkShift;
            if (chunks[c] is not { } chunk) continue;
            if (ReferenceEquals(chunk, built[c])) chunks[c] = chunk = (CachedWarning?[])chunk.Clone();
            chunk[row & (ChunkRows - 1)] = null;
        }
        Answers.AddOrUpdate(to, chunks);
    }

    private static CachedWarning Build(ScoredGraph scored, int enterprise, JsonSerializerOptions json)
    {
        var response = scored.WarningFor(enterprise).ToWarningResponse(scored.Snapshot, enterprise,
            GroupDirectory.SummaryOf(scored.Snapshot, scored.Analytics.Groups, enterprise));
        return new CachedWarning(response, JsonSerializer.SerializeToUtf8Bytes(response, json),
            $"warning score {response.Score} level {response.Level} class {response.CreditClass.Class}");
    }
}
