using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using RiskGraph.Api.Contracts;
using RiskGraph.Api.Services;
using RiskGraph.Model.Credit;
using RiskGraph.Model.Domain;
using RiskGraph.Model.Supervision;

namespace RiskGraph.Api.Endpoints;

/// <summary>Publication of the lists in force (red and black lists included) and the regional credit indicators.</summary>
public static class PublicationApi
{
    public const int MaxPageSize = 500;

    public static IEndpointRouteBuilder MapPublicationApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/lists/{list_type}", GetList)
            .WithName("GetListEntries")
            .WithDescription("The entries of a list in force on as_of (default today, never later), newest first, with legal basis and determining department; red is the red list of enterprises still classed good, black the serious-dishonesty list. region is a 6-digit code or a 2- or 4-digit prefix.").WithTags("Publication").Audited()
            .WithSummary("Entries of a list in force on a day, with legal basis and determining department; red and black lists; paged.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        app.MapGet("/api/indicators", GetIndicators)
            .WithName("GetIndicators")
            .WithDescription("Per region and month (yyyy-MM, at most 36 months, default the last 12): entities by class, the share seriously dishonest against the 1 % target, the change from the month before and the trend.").WithTags("Publication").Audited()
            .WithSummary("Per region and month: entities by class and the seriously-dishonest share against the 1 % target, with trend.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return app;
    }

    /// <param name="listType">A list name (abnormal_operation, serious_violation, serious_dishonesty, dishonest_judgment_debtor, red_list) or red / black.</param>
    /// <param name="region">Region code or its 2- or 4-digit prefix.</param>
    /// <param name="asOf">The publication day (yyyy-MM-dd), at most the served day; default the served day.</param>
    private static Results<Ok<ListPublicationResponse>, ValidationProblem, ProblemHttpResult> GetList(
        [FromRoute(Name = "list_type")] string listType, WarningService service, HttpContext http, string? region = null,
        [FromQuery(Name = "as_of")] string? asOf = null, int page = 1, [FromQuery(Name = "page_size")] int pageSize = 100)
    {
        http.Items[AuditRecorder.SubjectKey] = "list:" + listType;
        if (!ListPublication.TryParse(listType, out _))
            return ApiProblems.InvalidField("list_type", $"list_type must be one of {string.Join(", ", ListPublication.Names)}.");
        if (ListPublication.ValidateRegion(region) is { } badRegion) return ApiProblems.InvalidField("region", badRegion);
        if (page < 1) return ApiProblems.InvalidField("page", "page starts at 1.");
        if (pageSize is < 1 or > MaxPageSize) return ApiProblems.InvalidField("page_size", $"page_size must be between 1 and {MaxPageSize}.");
        if (service.Snapshot is not { } snapshot) return ApiProblems.Unavailable(service.Problem ?? "The store could not be read.");
        var day = snapshot.AsOf;
        if (asOf is not null)
        {
            if (!DateOnly.TryParseExact(asOf, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day))
                return ApiProblems.InvalidField("as_of", "as_of must be a date as yyyy-MM-dd.");
            if (day > snapshot.AsOf) return ApiProblems.InvalidField("as_of", $"as_of must not be after the served day {snapshot.AsOf:yyyy-MM-dd}.");
        }

        var ledger = snapshot.Ledger.At(day);
        var entries = ListPublication.InForce(snapshot, ledger, listType, region);
        var items = entries.Skip((page - 1) * pageSize).Take(pageSize).Select(p => new PublishedEntryResponse(
            p.Entry.RecordId, p.Entry.Uscc, snapshot.Enterprises.Names[p.Enterprise], snapshot.Enterprises.RegionCodes[snapshot.Enterprises.Region[p.Enterprise]],
            p.Entry.ListType.Name(), p.Entry.ValidFrom, p.Entry.ValidTo, p.Entry.Department, p.Entry.LegalBasis, p.Entry.CatalogueItem, p.Status.Name())).ToArray();
        http.Items[AuditRecorder.ReturnedKey] = $"{entries.Count} entries of {listType} as of {day:yyyy-MM-dd}, page {page}";
        return TypedResults.Ok(new ListPublicationResponse(listType, region, day, page, pageSize, entries.Count, items));
    }

    /// <param name="region">Region code or its 2- or 4-digit prefix; default all regions.</param>
    /// <param name="from">First month, yyyy-MM; default 11 months before <paramref name="to"/>.</param>
    /// <param name="to">Last month, yyyy-MM, at most the served day's month; default that month.</param>
    private static Results<Ok<IndicatorsResponse>, ValidationProblem, ProblemHttpResult> GetIndicators(
        WarningService service, HttpContext http, string? region = null, string? from = null, string? to = null)
    {
        http.Items[AuditRecorder.SubjectKey] = "indicators:" + (region ?? "all");
        if (ListPublication.ValidateRegion(region) is { } badRegion) return ApiProblems.InvalidField("region", badRegion);
        if (service.Snapshot is not { } snapshot) return ApiProblems.Unavailable(service.Problem ?? "The store could not be read.");
        var served = new DateOnly(snapshot.AsOf.Year, snapshot.AsOf.Month, 1);
        if (!TryMonth(to, served, out var last)) return ApiProblems.InvalidField("to", "to must be a month as yyyy-MM.");
        if (!TryMonth(from, last.AddMonths(-11), out var first)) return ApiProblems.InvalidField("from", "from must be a month as yyyy-MM.");
        if (last > served) return ApiProblems.InvalidField("to", $"to must not be after the served month {served:yyyy-MM}.");
        if (first > last) return ApiProblems.InvalidField("from", "from must not be after to.");
        if (first < last.AddMonths(-(CreditIndicators.MaxMonths - 1)))
            return ApiProblems.InvalidField("from", $"Ask for at most {CreditIndicators.MaxMonths} months at a time.");

        var regions = CreditIndicators.Compute(snapshot, region, first, last);
        http.Items[AuditRecorder.ReturnedKey] = $"{regions.Count} regions, {first:yyyy-MM} to {last:yyyy-MM}";
        return TypedResults.Ok(new IndicatorsResponse(first.ToString("yyyy-MM"), last.ToString("yyyy-MM"), CreditIndicators.SeriouslyDishonestTarget,
            regions.Select(r => new RegionIndicatorsResponse(r.Region, r.Trend, r.Months.Select(m => new MonthIndicatorResponse(
                m.Month, m.AsOf, m.Entities, Enum.GetValues<CreditClass>().ToDictionary(c => c.Name(), c => m.ByClass[(int)c]),
                m.SeriouslyDishonestShare, m.MeetsTarget, m.Change)).ToArray())).ToArray()));
    }

    private static bool TryMonth(string? text, DateOnly fallback, out DateOnly month)
    {
        month = fallback;
        return text is null || DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out month);
    }
}
