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
