using System.Globalization;

namespace RiskGraph.Training.Evaluation.Generic;

/// <summary>
/// Each enterprise's own-record attributes as of the observation date, aggregated from the synthetic credit
/// records the way the product's own features read them: penalties decided by then (by kind, fine total, last
/// 12 months), list entries in force on the day, age, registered capital, status and breached commitments.
/// </summary>
internal sealed class SyntheticOwnAttributes
{
    public static readonly string[] PenaltyKinds = ["warning", "fine", "confiscation", "suspension", "licence_revoked"];
    public static readonly string[] ListTypes =
        ["abnormal_operation", "serious_violation", "serious_dishonesty", "dishonest_judgment_debtor", "red_list"];

    private readonly DateOnly _asOf;
    private readonly int[,] _penalties;
    private readonly double[] _fineTotal;
    private readonly int[] _recentPenalties;
    private readonly bool[,] _listed;
    private readonly int[] _breached;

    public SyntheticOwnAttributes(int enterprises, DateOnly asOf)
    {
        _asOf = asOf;
        _penalties = new int[enterprises, PenaltyKinds.Length];
        _fineTotal = new double[enterprises];
        _recentPenalties = new int[enterprises];
        _listed = new bool[enterprises, ListTypes.Length];
        _breached = new int[enterprises];
    }

    public static IEnumerable<string> Names =>
        PenaltyKinds.Select(k => $"penalty_{k}")
            .Concat(["fine_total", "penalties_last_12_months"])
            .Concat(ListTypes.Select(l => $"on_{l}"))
            .Concat(["age_years", "registered_capital", "not_in_business", "commitments_breached"]);

    public void AddPenalty(int enterprise, int kind, double amount, DateOnly decided)
    {
        if (decided > _asOf) return;
        _penalties[enterprise, kind]++;
        if (decided > _asOf.AddYears(-1)) _recentPenalties[enterprise]++;
        if (PenaltyKinds[kind] is "fine" or "confiscation") _fineTotal[enterprise] += amount;
    }

    public void AddListEntry(int enterprise, int list, DateOnly from, DateOnly? to)
    {
        if (from <= _asOf && (to is null || _asOf <= to.Value)) _listed[enterprise, list] = true;
    }

    public void AddBreachedCommitment(int enterprise) => _breached[enterprise]++;

    /// <summary>The attribute cells of one enterprise, in <see cref="Names"/> order, invariant culture.</summary>
    public IEnumerable<string> Cells(int enterprise, DateOnly founded, string capital, string status)
    {
        for (int k = 0; k < PenaltyKinds.Length; k++) yield return Int(_penalties[enterprise, k]);
        yield return _fineTotal[enterprise].ToString("0.##", CultureInfo.InvariantCulture);
        yield return Int(_recentPenalties[enterprise]);
        for (int l = 0; l < ListTypes.Length; l++) yield return _listed[enterprise, l] ? "1" : "0";
        yield return ((_asOf.DayNumber - founded.DayNumber) / 365.25).ToString("0.00", CultureInfo.InvariantCulture);
        yield return capital;
        yield return status == "in_business" ? "0" : "1";
        yield return Int(_breached[enterprise]);
    }

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);
}
