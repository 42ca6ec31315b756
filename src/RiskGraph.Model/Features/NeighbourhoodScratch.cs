using RiskGraph.Model.Domain;
using RiskGraph.Model.Graph;
using static RiskGraph.Model.Features.FeatureCatalog;

namespace RiskGraph.Model.Features;

/// <summary>
/// One thread's working memory for the degree and exposure features of one enterprise at a time: stamp arrays
/// sized to the graph, reused for every enterprise the thread handles.
/// </summary>
internal sealed class NeighbourhoodScratch
{
    private static readonly byte ExecutiveIn = EdgeKind.Incoming(RelationType.ExecutiveOf);
    private static readonly byte ShareholderIn = EdgeKind.Incoming(RelationType.ShareholderOf);
    private static readonly byte ShareholderOut = EdgeKind.Outgoing(RelationType.ShareholderOf);
    private static readonly byte SuppliesIn = EdgeKind.Incoming(RelationType.SuppliesTo);
    private static readonly byte SuppliesOut = EdgeKind.Outgoing(RelationType.SuppliesTo);
    private static readonly byte GuaranteesIn = EdgeKind.Incoming(RelationType.Guarantees);
    private static readonly byte GuaranteesOut = EdgeKind.Outgoing(RelationType.Guarantees);

    private readonly GraphSnapshot _snapshot;
    private readonly int[] _seen;
    private readonly int[] _industrySeen;
    private readonly int[] _regionSeen;
    private readonly int[] _siblingSeen;
    private int[] _firstHop = new int[256];

    public NeighbourhoodScratch(GraphSnapshot snapshot)
    {
        _snapshot = snapshot;
        _seen = new int[snapshot.Graph.NodeCount];
        _industrySeen = new int[snapshot.Enterprises.IndustryCodes.Length];
        _regionSeen = new int[snapshot.Enterprises.RegionCodes.Length];
        _siblingSeen = new int[snapshot.EnterpriseCount];
        Array.Fill(_seen, -1);
        Array.Fill(_siblingSeen, -1);
        Array.Fill(_industrySeen, -1);
        Array.Fill(_regionSeen, -1);
    }

    public void WriteExposure(int u, Span<float> row, int hubCap)
    {
        var graph = _snapshot.Graph;
        int[] offsets = graph.Offsets, targets = graph.Targets;
        byte[] kinds = graph.Kinds;
        bool[] negative = _snapshot.Credit.Negative;
        int enterprises = _snapshot.EnterpriseCount;
        int ownIndustry = _snapshot.Enterprises.Industry[u], ownRegion = _snapshot.Enterprises.Region[u];
        _industrySeen[ownIndustry] = u;
        _regionSeen[ownRegion] = u;
        _seen[u] = u;

        int firstHopCount = 0, enterprises1 = 0, negative1 = 0, enterprises2 = 0, negative2 = 0;
        for (int e = offsets[u]; e < offsets[u + 1]; e++)
        {
            int v = targets[e];
            byte kind = kinds[e];
            CountDegree(kind, row);
            bool negativeEnterprise = v < enterprises && negative[v];
            if (negativeEnterprise) CountNegativePartner(kind, row);
            if (_seen[v] == u) continue;
            _seen[v] = u;
            if (firstHopCount == _firstHop.Length) Array.Resize(ref _firstHop, firstHopCount * 2);
            _firstHop[firstHopCount++] = v;
            if (v >= enterprises) continue;
            enterprises1++;
            if (negativeEnterprise)
            {
                negative1++;
                CountBoundaries(v, ownIndustry, ownRegion, u, row);
            }
        }

        for (int i = 0; i < firstHopCount; i++)
        {
            int v = _firstHop[i];
            if (offsets[v + 1] - offsets[v] > hubCap) continue;
            bool viaPerson = v >= enterprises;
            for (int e = offsets[v]; e < offsets[v + 1]; e++)
            {
                int w = targets[e];
                if (_seen[w] == u) continue;
                _seen[w] = u;
                if (w >= enterprises) continue;
                enterprises2++;
                if (viaPerson) row[PersonLinkedEnterprises]++;
                if (!negative[w]) continue;
                negative2++;
                if (viaPerson) row[NegativePersonLinked]++;
                CountBoundaries(w, ownIndustry, ownRegion, u, row);
            }
        }

        row[Negative1Hop] = negative1;
        row[Negative1HopShare] = enterprises1 == 0 ? 0 : (float)negative1 / enterprises1;
        row[Negative2Hop] = negative1 + negative2;
        row[Negative2HopShare] = enterprises1 + enterprises2 == 0 ? 0 : (float)(negative1 + negative2) / (enterprises1 + enterprises2);
    }

    /// <summary>
    /// Negative enterprises among the other holdings of this enterprise's shareholders: risk elsewhere in the
    /// controlling group. Holders above the hub cap (funds, state holding companies) are not followed.
    /// </summary>
    public void WriteOwnershipSiblings(int u, Span<float> row, int hubCap)
    {
        var graph = _snapshot.Graph;
        int[] offsets = graph.Offsets, targets = graph.Targets;
        byte[] kinds = graph.Kinds;
        bool[] negative = _snapshot.Credit.Negative;
        int enterprises = _snapshot.EnterpriseCount, count = 0;
        _siblingSeen[u] = u;
        for (int e = offsets[u]; e < offsets[u + 1]; e++)
        {
            if (kinds[e] != ShareholderIn) continue;
            int holder = targets[e];
            if (offsets[holder + 1] - offsets[holder] > hubCap) continue;
            for (int f = offsets[holder]; f < offsets[holder + 1]; f++)
            {
                int held = targets[f];
                if (kinds[f] != ShareholderOut || held >= enterprises || _siblingSeen[held] == u) continue;
                _siblingSeen[held] = u;
                if (negative[held]) count++;
            }
        }
        row[OwnershipSiblingsNegative] = count;
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

    private void CountBoundaries(int w, int ownIndustry, int ownRegion, int stamp, Span<float> row)
    {
        int industry = _snapshot.Enterprises.Industry[w], region = _snapshot.Enterprises.Region[w];
        if (industry != ownIndustry) row[NegativeCrossIndustry2Hop]++;
        if (region != ownRegion) row[NegativeCrossRegion2Hop]++;
        if (_industrySeen[industry] != stamp)
        {
            _industrySeen[industry] = stamp;
            row[NegativeIndustries2Hop]++;
        }
        if (_regionSeen[region] != stamp)
        {
            _regionSeen[region] = stamp;
            row[NegativeRegions2Hop]++;
        }
    }
}
