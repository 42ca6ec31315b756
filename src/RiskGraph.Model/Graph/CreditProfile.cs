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

    public CreditProfile(int enterpriseCount)
    {
        PenaltyCounts = new int[enterpriseCount * PenaltyKinds];
        RecentPenalties = new int[enterpriseCount];
        FineTotals = new double[enterpriseCount];
        ListFlags = new byte[enterpriseCount];
        Negative = new bool[enterpriseCount];
    }

    /// <summary>Row-major [enterprise, (int)PenaltyKind].</summary>
    public int[] PenaltyCounts { get; }

    /// <summary>Penalties of any kind decided in the 12 months before the snapshot date.</summary>
    public int[] RecentPenalties { get; }

    /// <summary>Sum of fine and confiscation amounts, CNY.</summary>
    public double[] FineTotals { get; }

    /// <summary>Bit (1 &lt;&lt; (int)ListType) is set when an entry of that list is in force on the snapshot date.</summary>
    public byte[] ListFlags { get; }

    /// <summary>
    /// A negative record: a non-warning penalty in the last three years, or an entry in force on a negative list
    /// (everything but the red list). This, not any label, is what neighbour-exposure features count.
    /// </summary>
    public bool[] Negative { get; }

    private CreditProfile(CreditProfile other)
    {
        PenaltyCounts = (int[])other.PenaltyCounts.Clone();
        RecentPenalties = (int[])other.RecentPenalties.Clone();
        FineTotals = (double[])other.FineTotals.Clone();
        ListFlags = (byte[])other.ListFlags.Clone();
        Negative = (bool[])other.Negative.Clone();
    }

    /// <summary>
    /// A copy in which the given enterprises are aggregated again from <paramref name="ledger"/>: the arrays are
    /// copied whole (a few bytes per enterprise), only the touched enterprises' records are read.
    /// </summary>
    public CreditProfile With(ReadOnlySpan<int> touched, CreditLedger ledger, DateOnly asOf)
    {
        var copy = new CreditProfile(this);
        foreach (int e in touched)
        {
            copy.PenaltyCounts.AsSpan(e * PenaltyKinds, PenaltyKinds).Clear();
            (copy.RecentPenalties[e], copy.FineTotals[e], copy.ListFlags[e], copy.Negative[e]) = (0, 0, 0, false);
            copy.Add(e, ledger, asOf);
        }
        return copy;
    }

    /// <summary>Aggregates the published records of one enterprise; the one place both a full load and a patch do it.</summary>
    internal void Add(int enterprise, CreditLedger ledger, DateOnly asOf)
    {
        // Only published records (not expired, repaired or revoked) reach features and scores, corrected ones at
        // their corrected values, which is why they are read from the ledger rather than from the store's rows.
        foreach (var p in ledger.PenaltiesOf(enterprise))
        {
            if (ledger.IsPublished(p)) AddPenalty(enterprise, p, asOf);
        }
        foreach (var l in ledger.ListEntriesOf(enterprise))
        {
            if (ledger.IsPublished(l)) AddListEntry(enterprise, l, asOf);
        }
    }

    public bool IsListed(int enterprise, ListType list) => (ListFlags[enterprise] & (1 << (int)list)) != 0;

    internal void AddPenalty(int enterprise, Penalty penalty, DateOnly asOf)
    {
        if (penalty.DecisionDate > asOf) return;
        PenaltyCounts[enterprise * PenaltyKinds + (int)penalty.Kind]++;
        if (penalty.DecisionDate > asOf.AddYears(-1)) RecentPenalties[enterprise]++;
        if (penalty.Kind is PenaltyKind.Fine or PenaltyKind.Confiscation) FineTotals[enterprise] += penalty.Amount;
        if (penalty.Kind != PenaltyKind.Warning && penalty.DecisionDate > asOf.AddYears(-NegativePenaltyYears)) Negative[enterprise] = true;
    }

    internal void AddListEntry(int enterprise, ListEntry entry, DateOnly asOf)
    {
        if (!entry.IsInForceOn(asOf)) return;
        ListFlags[enterprise] |= (byte)(1 << (int)entry.ListType);
        if (entry.ListType != ListType.RedList) Negative[enterprise] = true;
    }
}
