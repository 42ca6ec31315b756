using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using RiskGraph.Api.Contracts;
using RiskGraph.Api.Services;
using RiskGraph.Model.Credit;
using RiskGraph.Model.Graph;
using RiskGraph.Model.Monitoring;
using RiskGraph.Model.Scoring;

namespace RiskGraph.Api.Endpoints;

/// <summary>
/// An enterprise's class, score and level over time ("since when, and why"): every class change and level crossing kept.
/// Points carry the wall-clock instant the change was served (as the change feed does), not the credit clock's day.
/// </summary>
public static class HistoryApi
{
    public static IEndpointRouteBuilder MapHistoryApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/enterprises/{uscc}/history", GetAsync).WithName("GetEnterpriseHistory").WithTags("Monitoring").Audited()
            .WithSummary("The enterprise's credit class, score and level over time, each change with the records that moved it.")
            .WithDescription("from and to are days (yyyy-MM-dd, China time) or instants (ISO 8601); default the whole history up to now. " +
                             "current is what is served now.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return app;
    }

    /// <param name="from">First day or instant (default: the beginning).</param>
    /// <param name="to">Last day (inclusive) or instant (default: now).</param>
    private static async Task<Results<Ok<HistoryResponse>, ValidationProblem, ProblemHttpResult>> GetAsync(
        string uscc, IWatchStore store, WarningService service, HttpContext http, CancellationToken cancellationToken,
        string? from = null, string? to = null)
    {
        if (ApiProblems.CheckUscc(uscc) is { } invalid) return invalid;
        if (!TryParse(from, endOfDay: false, DateTimeOffset.UnixEpoch, out var start)) return ApiProblems.InvalidField("from", "from is yyyy-MM-dd or an ISO 8601 instant.");
        if (!TryParse(to, endOfDay: true, DateTimeOffset.UtcNow, out var end)) return ApiProblems.InvalidField("to", "to is yyyy-MM-dd or an ISO 8601 instant.");
        if (end < start) return ApiProblems.InvalidField("to", "to is before from.");
        if (service.Snapshot is not { } snapshot) return ApiProblems.Unavailable(service.Problem ?? "The store could not be read.");
        int e = snapshot.Ids.IdOf(uscc);
        if (e == IdMap.NotFound || !snapshot.Ids.IsEnterprise(e)) return ApiProblems.UnknownEnterprise(uscc);
        http.Items[AuditRecorder.SubjectKey] = uscc;
        var scored = service.Current is { } current && ReferenceEquals(current.Snapshot, snapshot) ? current : null;
        double? score = scored?.Probability[e];
        var points = await store.HistoryAsync(uscc, start, end, cancellationToken);
        var items = new HistoryPointResponse[points.Count];
        for (int i = 0; i < items.Length; i++)
        {
            var p = points[i];
            items[i] = new HistoryPointResponse(p.At, p.ChangeSequence, p.ClassBefore, p.ClassAfter, p.Rule, p.ScoreBefore, p.ScoreAfter,
                p.LevelBefore, p.LevelAfter, Causes(snapshot, p));
        }
        http.Items[AuditRecorder.ReturnedKey] = $"{items.Length} history points";
        return TypedResults.Ok(new HistoryResponse(uscc, snapshot.Enterprises.Names[e], start, end,
            new HistoryStateResponse(snapshot.Classes[e].Name(), score is { } s ? Math.Round(s, 6) : null, score is { } t ? WarningLevels.LevelOf(t) : null,
                service.Sequence), items));
    }

    /// <summary>The records behind a point, with what they are and their status now (a repaired record says so).</summary>
    private static HistoryCauseResponse[] Causes(GraphSnapshot snapshot, HistoryPoint point)
    {
        var keys = JsonSerializer.Deserialize<string[]>(point.Causes) ?? [];
        var causes = new HistoryCauseResponse[keys.Length];
        for (int i = 0; i < keys.Length; i++)
        {
            int owner = snapshot.Ledger.OwnerOf(keys[i]);
            string? type = null;
            if (owner >= 0)
            {
                foreach (var p in snapshot.Ledger.PenaltiesOf(owner)) if (p.RecordId == keys[i]) type = "penalty";
                type ??= "list_entry";
            }
            causes[i] = new HistoryCauseResponse(keys[i], type ?? "commitment", snapshot.Ledger.StatusOf(keys[i])?.Name());
        }
        return causes;
    }

    private static bool TryParse(string? text, bool endOfDay, DateTimeOffset fallback, out DateTimeOffset value)
    {
        value = fallback;
        if (string.IsNullOrEmpty(text)) return true;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            // Days are China's (UTC+8), as everywhere in the credit rules.
            var china = new DateTimeOffset(day.ToDateTime(endOfDay ? TimeOnly.MaxValue : TimeOnly.MinValue), TimeSpan.FromHours(8));
            value = china.ToUniversalTime();
            return true;
        }
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value);
    }
}
