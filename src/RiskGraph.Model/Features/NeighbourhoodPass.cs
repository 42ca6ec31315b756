using RiskGraph.Model.Domain;
using RiskGraph.Model.Graph;
using static RiskGraph.Model.Features.FeatureCatalog;

namespace RiskGraph.Model.Features;

/// <summary>
/// One thread's fused walk of one enterprise's neighbourhood at a time: a single breadth-first search (all edge
/// kinds, hubs other than the enterprise reached but not expanded) yields, level by level, the degree and
/// partner counts (level 0's slots), the 1- and 2-hop exposure (levels 1 and 2), the ownership siblings (the
/// holdings of its shareholders, read while those shareholders are expanded into level 2 anyway) and, when asked
/// for, the risky enterprises across an industry or region boundary within 3 hops (levels 1 to 3). Before, each
/// of these walked the same neighbourhood again.
/// <para>
/// Memory stays small so it stays in cache: visited, shareholder and sibling marks are bit sets (386 KB each at
/// three million nodes) cleared through the lists of what was marked, never wholesale; industry and region
/// marks are stamped with the enterprise id. Nothing is allocated per enterprise or per edge.
/// </para>
/// </summary>
internal sealed class NeighbourhoodPass
{
    private static readonly byte ExecutiveIn = EdgeKind.Incoming(RelationType.ExecutiveOf);
    private static readonly byte ShareholderIn = EdgeKind.Incoming(RelationType.ShareholderOf);
    private static readonly byte ShareholderOut = EdgeKind.Outgoing(RelationType.ShareholderOf);
    private static readonly byte SuppliesIn = EdgeKind.Incoming(RelationType.SuppliesTo);
    private static readonly byte SuppliesOut = EdgeKind.Outgoing(RelationType.SuppliesTo);
    private static readonly byte GuaranteesIn = EdgeKind.Incoming(RelationType.Guarantees);
    private static readonly byte GuaranteesOut = EdgeKind.Outgoing(RelationType.Guarantees);

    private readonly int[] _offsets;
    private readonly int[] _targets;
    private readonly byte[] _kinds;
    private readonly bool[] _negative;
    private readonly int[] _industry;
    private readonly int[] _region;
    private readonly int _enterprises;
    private readonly int _hubCap;
    private readonly ulong[] _visited;
    private readonly ulong[] _holder;
    private readonly ulong[] _sibling;
    private readonly int[] _industrySeen;
    private readonly int[] _regionSeen;
    [ThreadStatic] private static ulong[][]? _spareSets;

    private int[] _queue = new int[256];
    private int[] _siblings = new int[64];
    private int _count;

    /// <summary>
    /// A walker over <paramref name="graph"/>, which is the snapshot's graph or its locality-ordered copy; the
    /// per-enterprise arrays must be indexed the same way (<see cref="Enterprises"/>).
    /// </summary>
    public NeighbourhoodPass(CsrGraph graph, Enterprises enterprises, int hubCap)
    {
        (_offsets, _targets, _kinds) = (graph.Offsets, graph.Targets, graph.Kinds);
        (_negative, _industry, _region) = (enterprises.Negative, enterprises.Industry, enterprises.Region);
        _enterprises = enterprises.Count;
        _hubCap = hubCap;
        int words = (graph.NodeCount + 63) >> 6;
        if (_spareSets is { } spare && spare[0].Length >= words)
        {
            (_visited, _holder, _sibling) = (spare[0], spare[1], spare[2]);
            _spareSets = null;
        }
        else
        {
            _visited = new ulong[words];
            _holder = new ulong[words];
            _sibling = new ulong[words];
        }
        _industrySeen = new int[enterprises.IndustryCount];
        _regionSeen = new int[enterprises.RegionCount];
        Array.Fill(_industrySeen, -1);
        Array.Fill(_regionSeen, -1);
    }

    /// <summary>
    /// Hands this pass's bit sets (cleared) to the next pass built on this thread. A live change builds a pass for a
    /// few rows, and three node-sized sets per change would otherwise land on the large-object heap every time.
    /// </summary>
    public void Release()
    {
        for (int i = 0; i < _count; i++) _visited[_queue[i] >> 6] = 0;
        _count = 0;
        _spareSets = [_visited, _holder, _sibling];
    }

    /// <summary>What the walk reads per enterprise, indexed by the walked graph's enterprise ids.</summary>
    public sealed record Enterprises(bool[] Negative, int[] Industry, int[] Region, int IndustryCount, int RegionCount)
    {
        public int Count => Negative.Length;

        public static Enterprises Of(GraphSnapshot snapshot, NodeOrdering? ordering)
        {
            var e = snapshot.Enterprises;
            bool[] negative = snapshot.Credit.Negative;
            if (ordering is null) return new(negative, e.Industry, e.Region, e.IndustryCodes.Length, e.RegionCodes.Length);
            int n = snapshot.EnterpriseCount;
            // Enterprises keep ids below the enterprise count under the ordering, so these stay enterprise-sized.
            var orderedNegative = new bool[n];
            var industry = new int[n];
            var region = new int[n];
            for (int u = 0; u < n; u++)
            {
                int id = ordering.NewId[u];
                orderedNegative[id] = negative[u];
                industry[id] = e.Industry[u];
                region[id] = e.Region[u];
            }
            return new(orderedNegative, industry, region, e.IndustryCodes.Length, e.RegionCodes.Length);
        }
    }

    /// <summary>Risky enterprises across the boundaries found by the last <see cref="Write"/> with a third level.</summary>
    public int CrossIndustry { get; private set; }

    public int CrossRegion { get; private set; }

    public int CrossBoth { get; private set; }

    /// <param name="crossBoundaryDepth">0 to skip the boundary counts, else 1 to 3: how far they look.</param>
    public void Write(int u, Span<float> row, int crossBoundaryDepth)
    {
        for (int i = 0; i < _count; i++) _visited[_queue[i] >> 6] = 0;
        _count = 0;
        CrossIndustry = CrossRegion = CrossBoth = 0;
        _industrySeen[_industry[u]] = u;
        _regionSeen[_region[u]] = u;
        Visit(u);
        var (firstEnd, enterprises1, negative1) = WriteFirstHop(u, row, crossBoundaryDepth >= 1);
        int secondEnd = WriteSecondHop(u, row, firstEnd, enterprises1, negative1, crossBoundaryDepth >= 2);
        if (crossBoundaryDepth >= 3) ThirdHop(u, firstEnd, secondEnd);
        for (int i = 1; i < firstEnd; i++) _holder[_queue[i] >> 6] = 0;
    }

    /// <returns>Where level 1 ends in the queue, and its enterprises and negative enterprises.</returns>
    private (int End, int Enterprises, int Negative) WriteFirstHop(int u, Span<float> row, bool crossCounts)
    {
        int enterprises1 = 0, negative1 = 0;
        for (int e = _offsets[u], end = _offsets[u + 1]; e < end; e++)
        {
            int v = _targets[e];
            byte kind = _kinds[e];
            CountDegree(kind, row);
            bool negativeEnterprise = v < _enterprises && _negative[v];
            if (negativeEnterprise) CountNegativePartner(kind, row);
            // Shareholders within the hub cap are followed to their other holdings in the second hop.
            if (kind == ShareholderIn && _offsets[v + 1] - _offsets[v] <= _hubCap) _holder[v >> 6] |= 1UL << v;
            if (!Visit(v) || v >= _enterprises) continue;
            enterprises1++;
            if (!negativeEnterprise) continue;
            negative1++;
            CountExposureBoundaries(v, u, row);
            if (crossCounts) CountCrossing(u, v);
        }
        row[Negative1Hop] = negative1;
        row[Negative1HopShare] = enterprises1 == 0 ? 0 : (float)negative1 / enterprises1;
        return (_count, enterprises1, negative1);
    }

    /// <returns>Where level 2 ends in the queue.</returns>
    private int WriteSecondHop(int u, Span<float> row, int firstEnd, int enterprises1, int negative1, bool crossCounts)
    {
        int enterprises2 = 0, negative2 = 0, siblingsNegative = 0, siblingCount = 0;
        for (int i = 1; i < firstEnd; i++)
        {
            int v = _queue[i], start = _offsets[v], end = _offsets[v + 1];
            if (end - start > _hubCap) continue;
            bool viaPerson = v >= _enterprises;
            bool holder = (_holder[v >> 6] & (1UL << v)) != 0;
            for (int f = start; f < end; f++)
            {
                int w = _targets[f];
                if (holder && _kinds[f] == ShareholderOut && w < _enterprises && w != u && MarkSibling(w, ref siblingCount) && _negative[w])
                    siblingsNegative++;
                if (!Visit(w) || w >= _enterprises) continue;
                enterprises2++;
                if (viaPerson) row[PersonLinkedEnterprises]++;
                if (!_negative[w]) continue;
                negative2++;
                if (viaPerson) row[NegativePersonLinked]++;
                CountExposureBoundaries(w, u, row);
                if (crossCounts) CountCrossing(u, w);
            }
        }
        for (int i = 0; i < siblingCount; i++) _sibling[_siblings[i] >> 6] = 0;
        row[OwnershipSiblingsNegative] = siblingsNegative;
        row[Negative2Hop] = negative1 + negative2;
        row[Negative2HopShare] = enterprises1 + enterprises2 == 0 ? 0 : (float)(negative1 + negative2) / (enterprises1 + enterprises2);
        return _count;
    }

    /// <summary>Level 3 only feeds the boundary counts, so nothing is written per node reached.</summary>
    private void ThirdHop(int u, int firstEnd, int secondEnd)
    {
        for (int i = firstEnd; i < secondEnd; i++)
        {
            int x = _queue[i], start = _offsets[x], end = _offsets[x + 1];
            if (end - start > _hubCap) continue;
            for (int f = start; f < end; f++)
            {
                int w = _targets[f];
                if (Visit(w) && w < _enterprises && _negative[w]) CountCrossing(u, w);
            }
        }
    }

    /// <summary>Marks a node visited and queues it; false if it already was.</summary>
    private bool Visit(int v)
    {
        ref ulong word = ref _visited[v >> 6];
        ulong bit = 1UL << v;
        if ((word & bit) != 0) return false;
        word |= bit;
        if (_count == _queue.Length) Array.Resize(ref _queue, _count * 2);
        _queue[_count++] = v;
        return true;
    }

    private bool MarkSibling(int w, ref int siblingCount)
    {
        ref ulong word = ref _sibling[w >> 6];
        ulong bit = 1UL << w;
        if ((word & bit) != 0) return false;
        word |= bit;
        if (siblingCount == _siblings.Length) Array.Resize(ref _siblings, siblingCount * 2);
        _siblings[siblingCount++] = w;
        return true;
    }

    private void CountCrossing(int u, int w)
    {
        bool industry = _industry[w] != _industry[u], region = _region[w] != _region[u];
        if (industry) CrossIndustry++;
        if (region) CrossRegion++;
        if (industry && region) CrossBoth++;
    }

    private void CountExposureBoundaries(int w, int u, Span<float> row)
    {
        int industry = _industry[w], region = _region[w];
        if (industry != _industry[u]) row[NegativeCrossIndustry2Hop]++;
        if (region != _region[u]) row[NegativeCrossRegion2Hop]++;
        if (_industrySeen[industry] != u)
        {
            _industrySeen[industry] = u;
            row[NegativeIndustries2Hop]++;
        }
        if (_regionSeen[region] != u)
        {
            _regionSeen[region] = u;
            row[NegativeRegions2Hop]++;
        }
    }

    private static void CountDegree(byte kind, Span<float> row)
    {
        if (kind == ExecutiveIn) row[Executives]++;
        else if (kind == ShareholderIn) row[Shareholders]++;
        else if (kind == ShareholderOut) row[Holdings]++;
        else if (kind == SuppliesIn) row[Suppliers]++;
        else if (kind == SuppliesOut) row[Buyers]++;
        else if (kind == GuaranteesIn) row[Guarantors]++;
        else if (kind == GuaranteesOut) row[Guaranteed]++;
    }

    private static void CountNegativePartner(byte kind, Span<float> row)
    {
        if (kind == SuppliesIn) row[NegativeSuppliers]++;
        else if (kind == SuppliesOut) row[NegativeBuyers]++;
        else if (kind == GuaranteesIn || kind == GuaranteesOut) row[NegativeGuaranteePartners]++;
        else if (kind == ShareholderIn || kind == ShareholderOut) row[NegativeShareholdingPartners]++;
    }
}
