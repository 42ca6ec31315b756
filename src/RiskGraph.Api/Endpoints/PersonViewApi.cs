using Microsoft.AspNetCore.Http.HttpResults;
using RiskGraph.Api.Contracts;
using RiskGraph.Api.Services;
using RiskGraph.Model.Domain;
using RiskGraph.Model.Graph;
using RiskGraph.Model.Supervision;

namespace RiskGraph.Api.Endpoints;

/// <summary>"All companies of a person": the person view, by keyed hash only.</summary>
public static class PersonViewApi
{
    public static IEndpointRouteBuilder MapPersonViewApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/persons/{key}/enterprises", Get)
            .WithName("GetPersonEnterprises").WithTags("Risk patterns").AuditedWithPurpose()
            .WithSummary("Every enterprise a person (by keyed hash) represents, manages or holds, with role, share, class and score.")
            .WithDescription("key is the person key of the network and controllers routes (p_ and 24 hex digits). The person is shown by display " +
                "name only, never by ID number; negative_enterprises counts the enterprises with a negative record.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return app;
    }

    /// <param name="key">The person key: p_ and 24 hex digits.</param>
    private static Results<Ok<PersonEnterprisesResponse>, ValidationProblem, ProblemHttpResult> Get(string key, WarningService service, HttpContext http)
    {
        http.Items[AuditRecorder.SubjectKey] = "person:" + ApiProblems.Echo(key);
        if (key.Length != 26 || !key.StartsWith("p_", StringComparison.Ordinal) || key.AsSpan(2).ContainsAnyExcept("0123456789abcdef"))
            return ApiProblems.InvalidField("key", $"'{ApiProblems.Echo(key)}' is not a person key (p_ and 24 hex digits); ID numbers are never accepted here.");
        if (PatternState.From(service, out var unavailable) is not { } state) return unavailable!;
        var snapshot = state.Snapshot;
        int person = snapshot.Ids.IdOf(key);
        if (person == IdMap.NotFound || snapshot.Ids.IsEnterprise(person))
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown person", detail: "No person with this key is in the store.");

        var visible = state.Visible(http);
        var negative = snapshot.Credit.Negative;
        var items = PersonView.EnterprisesOf(snapshot, person)
            .Where(p => PatternState.IsVisible(visible, snapshot, p.Enterprise))
            .Select(p => new PersonHoldingResponse(state.Summary(p.Enterprise), p.Roles.Select(RoleName).ToArray(),
                p.Share is { } share ? Math.Round(share, 6) : null, negative[p.Enterprise]))
            .ToArray();
        int negatives = items.Count(i => i.Negative);
        http.Items[AuditRecorder.ReturnedKey] = $"{items.Length} enterprises, {negatives} with negative records";
        return TypedResults.Ok(new PersonEnterprisesResponse(key, snapshot.LabelOf(person), items.Length, negatives, items));
    }

    private static string RoleName(RelationType role) => role == RelationType.ShareholderOf ? "shareholder" : role.RoleName();
}
