using RiskGraph.Model.Domain;

namespace RiskGraph.Model.Credit;

/// <summary>Record counts, completeness and timeliness for one source department.</summary>
/// <param name="Completeness">Share of its records with every required field filled.</param>
/// <param name="PublishedOnTime">Share of its penalties published within 7 working days of the decision (null without penalties).</param>
public sealed record SourceQuality(
    string Department, int Penalties, int ListEntries, int Commitments, double Completeness, double? PublishedOnTime, int LatePenalties);

/// <summary>
/// Data quality per source (R56-R58): the "双公示" target is online publication within 7 working days of the
/// decision (「“双公示”信息自作出行政决定之日起 7 个工作日内上网公开」), counted on China's working-day calendar.
/// </summary>
public static class DataQualityReport
{
    public const int PublicationWorkingDays = 7;

    public static IReadOnlyList<SourceQuality> Build(
        IEnumerable<Penalty> penalties, IEnumerable<ListEntry> listEntries, IEnumerable<Commitment> commitments, WorkingCalendar? calendar = null)
    {
        calendar ??= WorkingCalendar.China;
        var sources = new SortedDictionary<string, Accumulator>(StringComparer.Ordinal);
        Accumulator Source(string department) =>
            sources.TryGetValue(department, out var a) ? a : sources[department] = new Accumulator();

        foreach (var p in penalties)
        {
            var a = Source(p.Department);
            a.Penalties++;
            a.Complete += IsComplete(p) ? 1 : 0;
            if (calendar.WorkingDaysBetween(p.DecisionDate, p.PublicationDate) <= PublicationWorkingDays) a.OnTime++;
            else a.Late++;
        }
        foreach (var l in listEntries)
        {
            var a = Source(l.Department);
            a.ListEntries++;
            a.Complete += IsComplete(l) ? 1 : 0;
        }
        foreach (var c in commitments)
        {
            var a = Source(c.Department);
            a.Commitments++;
            a.Complete += string.IsNullOrWhiteSpace(c.Matter) ? 0 : 1;
        }
        return sources.Select(s => new SourceQuality(
            s.Key, s.Value.Penalties, s.Value.ListEntries, s.Value.Commitments,
            Math.Round((double)s.Value.Complete / Math.Max(1, s.Value.Penalties + s.Value.ListEntries + s.Value.Commitments), 4),
            s.Value.Penalties == 0 ? null : Math.Round((double)s.Value.OnTime / s.Value.Penalties, 4),
            s.Value.Late)).ToList();
    }

    private static bool IsComplete(Penalty p) =>
        !string.IsNullOrWhiteSpace(p.RecordId) && !string.IsNullOrWhiteSpace(p.Department) && !string.IsNullOrWhiteSpace(p.CatalogueItem)
        && p.PublicationDate >= p.DecisionDate
        && (p.Kind == PenaltyKind.Warning || p.Kind is PenaltyKind.Suspension or PenaltyKind.LicenceRevoked || p.Amount > 0);

    private static bool IsComplete(ListEntry l) =>
        !string.IsNullOrWhiteSpace(l.RecordId) && !string.IsNullOrWhiteSpace(l.Department)
        && !string.IsNullOrWhiteSpace(l.LegalBasis) && !string.IsNullOrWhiteSpace(l.CatalogueItem);

    private sealed class Accumulator
    {
        public int Penalties, ListEntries, Commitments, Complete, OnTime, Late;
    }
}
