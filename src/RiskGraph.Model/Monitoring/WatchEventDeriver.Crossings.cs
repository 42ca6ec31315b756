using System.Collections.Concurrent;
using System.Text.Json;
using RiskGraph.Model.Credit;
using RiskGraph.Model.Graph;
using RiskGraph.Model.Scoring;

namespace RiskGraph.Model.Monitoring;

public sealed partial class WatchEventDeriver
{
    private const int MovedReasons = 3;

    /// <summary>
    /// Class changes and level crossings: one pass comparing the before and after arrays (history is kept for every
    /// enterprise that moved) over the enterprises the transition says may have changed, or over all of them when it
    /// does not say; then events for the lists that watch the ones that moved. A model switch moves scores without
    /// anything happening to the enterprise, so it raises no level crossing.
    /// </summary>
    private void Crossings()
    {
        if (_before is null) return;
        ChunkedArray<CreditClass> classesBefore = _before.Classes, classesAfter = _after.Classes;
        ScoredGraph? scoredBefore = _t.IsModelSwitch ? null : _t.Before!.Scored, scoredAfter = _t.After.Scored;
        ChunkedArray<float>? pBefore = scoredBefore?.Probability, pAfter = scoredBefore is null ? null : scoredAfter?.Probability;
        // Bit 0: the class moved; bit 1: the level moved.
        int Compare(int e)
        {
            int b = BeforeOf(e);
            if (b < 0) return 0;
            bool classMoved = classesBefore[b] != classesAfter[e];
            bool levelMoved = pBefore is not null && pAfter is not null && LevelIndex(pBefore[b]) != LevelIndex(pAfter[e]);
            return (classMoved ? 1 : 0) | (levelMoved ? 2 : 0);
        }
        void Report(int e, int moved)
        {
            if (moved != 0) Moved(e, BeforeOf(e), (moved & 1) != 0, (moved & 2) != 0, scoredBefore, scoredAfter);
        }
        if (_t.ChangedEnterprises is { } changed && _beforeMap is null)
        {
            foreach (int e in changed) Report(e, Compare(e));
            return;
        }
        // Every enterprise compared: on every core, then those that moved reported in id order.
        var moves = new byte[_after.EnterpriseCount];
        Parallel.ForEach(Partitioner.Create(0, moves.Length, 1 << 16), range =>
        {
            for (int e = range.Item1; e < range.Item2; e++) moves[e] = (byte)Compare(e);
        });
        for (int e = 0; e < moves.Length; e++) Report(e, moves[e]);
    }

    private void Moved(int e, int b, bool classMoved, bool levelMoved, ScoredGraph? scoredBefore, ScoredGraph? scoredAfter)
    {
        string uscc = _after.Ids.KeyOf(e);
        string classBefore = _before!.Classes[b].Name(), classAfter = _after.Classes[e].Name();
        string? rule = classMoved ? DecisiveRule(e) : null;
        double? sb = scoredBefore?.Probability[b], sa = scoredAfter?.Probability[e];
        string? lb = sb is { } x ? WarningLevels.LevelOf(x) : null, la = sa is { } y ? WarningLevels.LevelOf(y) : null;
        long seq = _t.After.Sequence;
        string causes = JsonSerializer.Serialize(_causes.TryGetValue(e, out var keys) ? keys : []);
        _history.Add(new HistoryPoint(WatchDetail.StableId("h_", uscc, seq.ToString(), classBefore, classAfter, lb ?? "", la ?? ""),
            uscc, _t.At, seq, classBefore, classAfter, rule, sb, sa, lb, la, causes));
        if (classMoved)
        {
            Emit(e, WatchEventKinds.ClassChange, $"{seq}:{classBefore}>{classAfter}", seq, _t.At, null, d => d
                .Text("class_before", classBefore).Text("class_after", classAfter).Text("rule", rule));
        }
        if (levelMoved && scoredBefore is not null && scoredAfter is not null)
        {
            Emit(e, WatchEventKinds.LevelCrossing, $"{seq}:{lb}>{la}", seq, _t.At, null, d =>
            {
                d.Number("score_before", sb).Number("score_after", sa).Text("level_before", lb).Text("level_after", la)
                    .Text("direction", LevelIndex(la!) > LevelIndex(lb!) ? "up" : "down");
                WriteMovedReasons(d.Writer, scoredBefore, b, scoredAfter, e);
            }, levelBefore: lb);
        }
    }

    private string? DecisiveRule(int e)
    {
        var classification = CreditClassifier.Classify(_after.Ledger, e);
        return classification.Matches.Count == 0 ? null : classification.Decisive.Rule.Id;
    }

    /// <summary>The features whose contribution to the raw score moved most between the two states, largest move first.</summary>
    private static void WriteMovedReasons(Utf8JsonWriter w, ScoredGraph before, int b, ScoredGraph after, int e)
    {
        int columns = after.Features.Columns;
        var then = new double[columns];
        var now = new double[columns];
        before.Attribution.Explain(before.Features.Row(b), then);
        after.Attribution.Explain(after.Features.Row(e), now);
        var top = new int[Math.Min(MovedReasons, columns)];
        int count = 0;
        for (int c = 0; c < columns; c++)
        {
            double move = Math.Abs(now[c] - then[c]);
            if (move < 1e-9) continue;
            int at = count < top.Length ? count++ : top.Length;
            while (at > 0 && Math.Abs(now[top[at - 1]] - then[top[at - 1]]) < move)
            {
                if (at < top.Length) top[at] = top[at - 1];
                at--;
            }
            if (at < top.Length) top[at] = c;
        }
        w.WriteStartArray("reasons");
        for (int i = 0; i < count; i++)
        {
            int c = top[i];
            w.WriteStartObject();
            w.WriteString("feature", after.Features.Schema.Names[c]);
            w.WriteString("description", after.Features.Schema.Descriptions[c]);
            w.WriteNumber("contribution_before", Math.Round(then[c], 6));
            w.WriteNumber("contribution_after", Math.Round(now[c], 6));
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }
}
