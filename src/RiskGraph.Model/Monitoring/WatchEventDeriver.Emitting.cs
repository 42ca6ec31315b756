using System.Collections.Concurrent;
using RiskGraph.Model.Graph;

namespace RiskGraph.Model.Monitoring;

public sealed partial class WatchEventDeriver
{
    /// <summary>Below this many events one thread writes them all: parallel rendering only pays for large batches.</summary>
    internal const int ParallelRenderingFrom = 4_096;

    private readonly WatchDetail _fieldsWriter = new();
    private readonly List<Occurrence> _occurrences = [];
    private readonly List<(int Occurrence, int List)> _pending = [];

    /// <summary>Something that happened to one enterprise, with its kind's fields already written once for all the lists that see it.</summary>
    private sealed record Occurrence(int Enterprise, string Kind, string Discriminator, long Sequence, DateTimeOffset At, string? RecordId, byte[] Fields);

    /// <summary>
    /// Records one event for every list watching enterprise <paramref name="e"/> (or only <paramref name="only"/>), with the
    /// path from the member that watches it. A list's min_level leaves out enterprises below it (before and after).
    /// The kind's fields are written here, once; the per-list part (member, path, id) is written by <see cref="Render"/>.
    /// </summary>
    private void Emit(int e, string kind, string discriminator, long sequence, DateTimeOffset at, string? recordId, Action<WatchDetail> write,
        IReadOnlyList<string>? only = null, string? levelBefore = null)
    {
        int first = _pending.Count;
        for (int l = 0; l < _lists.Count; l++)
        {
            var (list, index) = _lists[l];
            if (!index.IsWatched(e) || (only is not null && !only.Contains(list.Id)) || !MeetsMinLevel(list, e, levelBefore)) continue;
            _pending.Add((_occurrences.Count, l));
        }
        if (_pending.Count == first) return;
        write(_fieldsWriter.Start());
        _occurrences.Add(new Occurrence(e, kind, discriminator, sequence, at, recordId, _fieldsWriter.FinishFields()));
    }

    private bool MeetsMinLevel(WatchList list, int e, string? levelBefore)
    {
        if (list.MinLevel is null || _t.After.Scored is not { } scored) return true;
        int min = LevelIndex(list.MinLevel);
        return LevelIndex(scored.Probability[e]) >= min || (levelBefore is not null && LevelIndex(levelBefore) >= min);
    }

    /// <summary>
    /// Writes every pending event, in the order they were emitted (change by change, list by list). They are written
    /// enterprise by enterprise and list by list, so the events of one list about one enterprise share their watcher
    /// part, the lists that watch one enterprise share its node, and the arrays are read in order; each event reads only immutable state and has its own slot, so large
    /// batches are written on every core.
    /// </summary>
    private WatchEvent[] Render(int parallelFrom)
    {
        int count = _pending.Count;
        var keys = new long[count];
        var order = new int[count];
        for (int i = 0; i < count; i++)
        {
            var (o, l) = _pending[i];
            keys[i] = ((long)_occurrences[o].Enterprise << 32) | (uint)l;
            order[i] = i;
        }
        Array.Sort(keys, order);
        var events = new WatchEvent[count];
        if (count < parallelFrom)
        {
            using var detail = new WatchDetail();
            RenderRange(0, count, keys, order, events, detail);
            return events;
        }
        Parallel.ForEach(Partitioner.Create(0, count, 1_024), () => new WatchDetail(), (range, _, detail) =>
        {
            RenderRange(range.Item1, range.Item2, keys, order, events, detail);
            return detail;
        }, detail => detail.Dispose());
        return events;
    }

    private void RenderRange(int from, int to, long[] keys, int[] order, WatchEvent[] events, WatchDetail detail)
    {
        Span<int> nodes = stackalloc int[WatchIndex.MaxPathNodes];
        for (int i = from; i < to; i++)
        {
            var (o, l) = _pending[order[i]];
            var occurrence = _occurrences[o];
            var (list, index) = _lists[l];
            int e = occurrence.Enterprise, member = index.MemberOf(e);
            if (i == from || keys[i] != keys[i - 1]) detail.WriteWatcherPart(_after, member, e, index.PathTo(e, nodes));
            string uscc = _after.Ids.KeyOf(e);
            events[order[i]] = new WatchEvent(0, WatchDetail.StableId("ev_", list.Id, occurrence.Kind, uscc, occurrence.Discriminator), list.Id,
                _after.Ids.KeyOf(member), uscc, occurrence.Kind, occurrence.Sequence, occurrence.At, occurrence.RecordId, detail.Join(occurrence.Fields));
        }
    }
}
