using System.Runtime.CompilerServices;
using RiskGraph.Model.Credit;
using RiskGraph.Model.Domain;

namespace RiskGraph.Model.Graph;

/// <summary>
/// Each enterprise's credit records, aggregated as of the snapshot date into flat arrays so that features and
/// neighbour scans read them without lookups.
/// </summary>
public sealed class CreditProfile
{
    public const int PenaltyKinds = 5;

    /// <summary>How far back a non-warning penalty still marks an enterprise as having a negative record.</summary>
    public const int NegativePenaltyYears = 3;

    private readonly ChunkedArray<CreditAggregate> _aggregates;

    public CreditProfile(int enterpriseCount)
    {
        _aggregates = new ChunkedArray<CreditAggregate>(enterpriseCount);
        Negative = new bool[enterpriseCount];
    }

    private CreditProfile(ChunkedArray<CreditAggregate> aggregates, bool[] negative) => (_aggregates, Negative) = (aggregates, negative);

    /// <summary>How many published penalties of this kind the enterprise has, decided on or before the snapshot date.</summary>
    public int PenaltyCount(int enterprise, PenaltyKind kind) => _aggregates[enterprise].Counts[(int)kind];

    /// <summary>Penalties of any kind decided in the 12 months before the snapshot date.</summary>
    public int RecentPenaltiesOf(int enterprise) => _aggregates[enterprise].Recent;

    /// <summary>Sum of fine and confiscation amounts, CNY.</summary>
    public double FineTotalOf(int enterprise) => _aggregates[enterprise].FineTotal;

    /// <summary>Bit (1 &lt;&lt; (int)ListType) is set when an entry of that list is in force on the snapshot date.</summary>
    public byte ListFlagsOf(int enterprise) => _aggregates[enterprise].ListFlags;

    /// <summary>
    /// A negative record: a non-warning penalty in the last three years, or an entry in force on a negative list
    /// (everything but the red list). This, not any label, is what neighbour-exposure features count. A flat array
    /// because whole-graph kernels scan it.
    /// </summary>
    public bool[] Negative { get; }

    /// <summary>
    /// A copy in which the given enterprises are aggregated again from <paramref name="ledger"/>: only the chunks
    /// holding them and the flat <see cref="Negative"/> flags (a byte per enterprise) are copied, only their records read.
    /// </summary>
    public CreditProfile With(ReadOnlySpan<int> touched, CreditLedger ledger, DateOnly asOf)
    {
        var negative = (bool[])Negative.Clone();
        var aggregates = _aggregates.With(touched, e => Aggregate(e, ledger, asOf, out negative[e]));
        return new CreditProfile(aggregates, negative);
    }

    /// <summary>Aggregates the published records of one enterprise into a profile no reader has seen yet (a full load).</summary>
    internal void Add(int enterprise, CreditLedger ledger, DateOnly asOf) =>
        _aggregates.Writable(enterprise) = Aggregate(enterprise, ledger, asOf, out Negative[enterprise]);

    /// <summary>The first enterprise whose aggregates or negative flag differ from <paramref name="other"/>'s, or -1 (for equality checks).</summary>
    public int FirstDifferenceFrom(CreditProfile other)
    {
        if (other.Negative.Length != Negative.Length) return Math.Min(other.Negative.Length, Negative.Length);
        for (int e = 0; e < Negative.Length; e++)
        {
            ref readonly var a = ref _aggregates[e];
            ref readonly var b = ref other._aggregates[e];
            bool same = Negative[e] == other.Negative[e] && a.Recent == b.Recent && a.FineTotal.Equals(b.FineTotal) && a.ListFlags == b.ListFlags;
            for (int kind = 0; same && kind < PenaltyKinds; kind++) same = a.Counts[kind] == b.Counts[kind];
            if (!same) return e;
        }
        return -1;
    }

    public bool IsListed(int enterprise, ListType list) => (ListFlagsOf(enterprise) & (1 << (int)list)) != 0;

    /// <summary>The one place both a full load and a patch aggregate an enterprise's records.</summary>
    private static CreditAggregate Aggregate(int enterprise, CreditLedger ledger, DateOnly asOf, out bool negative)
    {
        var aggregate = default(CreditAggregate);
        negative = false;
        // Only published records (not expired, repaired or revoked) reach features and scores, corrected ones at
        // their corrected values, which is why they are read from the ledger rather than from the store's rows.
        foreach (var p in ledger.PenaltiesOf(enterprise))
        {
            if (!ledger.IsPublished(p) || p.DecisionDate > asOf) continue;
            aggregate.Counts[(int)p.Kind]++;
            if (p.DecisionDate > asOf.AddYears(-1)) aggregate.Recent++;
            if (p.Kind is PenaltyKind.Fine or PenaltyKind.Confiscation) aggregate.FineTotal += p.Amount;
            if (p.Kind != PenaltyKind.Warning && p.DecisionDate > asOf.AddYears(-NegativePenaltyYears)) negative = true;
        }
        foreach (var l in ledger.ListEntriesOf(enterprise))
        {
            if (!ledger.IsPublished(l) || !l.IsInForceOn(asOf)) continue;
            aggregate.ListFlags |= (byte)(1 << (int)l.ListType);
            if (l.ListType != ListType.RedList) negative = true;
        }
        return aggregate;
    }

    private struct CreditAggregate
    {
        public PenaltyKindCounts Counts;
        public int Recent;
        public double FineTotal;
        public byte ListFlags;
    }

    [InlineArray(PenaltyKinds)]
    private struct PenaltyKindCounts
    {
        private int _count;
    }
}
