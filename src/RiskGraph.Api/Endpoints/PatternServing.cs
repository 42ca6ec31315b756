using Microsoft.AspNetCore.Http.HttpResults;
using RiskGraph.Api.Contracts;
using RiskGraph.Api.Security;
using RiskGraph.Api.Services;
using RiskGraph.Model.Features;
using RiskGraph.Model.Graph;
using RiskGraph.Model.Scoring;

namespace RiskGraph.Api.Endpoints;

/// <summary>What the risk-pattern routes answer from: one served snapshot with its analytics and, when trained, its scores.</summary>
internal sealed record PatternState(GraphSnapshot Snapshot, GraphAnalytics Analytics, ScoredGraph? Scored)
{
    /// <summary>The served state, or the 503 to answer when the store or the analytics are not there yet.</summary>
    public static PatternState? From(WarningService service, out ProblemHttpResult? problem)
    {
        problem = null;
        // The scored graph carries its own snapshot and analytics: prefer it, so all three are from one load.
        if (service.Current is { } scored) return new PatternState(scored.Snapshot, scored.Analytics, scored);
        if (service.Snapshot is { } snapshot && service.Analytics is { } analytics) return new PatternState(snapshot, analytics, null);
        problem = ApiProblems.Unavailable(service.Problem ?? "The store could not be read.");
        return null;
    }

    /// <summary>The enterprise id of a route's USCC, or -1 with the 404 answer (the USCC is checked before, see <see cref="ApiProblems.CheckUscc(string?, string)"/>).</summary>
    public int Enterprise(string uscc, out ProblemHttpResult? notFound)
    {
        int id = Snapshot.Ids.IdOf(uscc);
        notFound = id != IdMap.NotFound && Snapshot.Ids.IsEnterprise(id) ? null : ApiProblems.UnknownEnterprise(uscc);
        return notFound is null ? id : -1;
    }

    public EnterpriseSummary Summary(int enterprise) => SearchApi.Summary(Snapshot, Scored, enterprise);

    /// <summary>Riskiest first: by score when scored, else by credit class; ties by id.</summary>
    public IEnumerable<int> Riskiest(IEnumerable<int> enterprises) => Scored is { } scored
        ? enterprises.OrderByDescending(e => scored.Probability[e]).ThenBy(e => e)
        : enterprises.OrderByDescending(e => (int)Snapshot.Classes[e]).ThenBy(e => e);

    /// <summary>Region indexes the caller may see, null when unrestricted.</summary>
    public bool[]? Visible(HttpContext http) => http.User.RegionMask(Snapshot.Enterprises.RegionCodes);

    public static bool IsVisible(bool[]? visible, GraphSnapshot snapshot, int enterprise) =>
        visible is null || visible[snapshot.Enterprises.Region[enterprise]];
}
