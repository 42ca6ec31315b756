using Microsoft.AspNetCore.Http.HttpResults;
using RiskGraph.Api.Contracts;
using RiskGraph.Api.Extensions;
using RiskGraph.Api.Services;
using RiskGraph.Model.Scoring;

namespace RiskGraph.Api.Endpoints;

/// <summary>
/// The explanation the analysts' panel reads: what raises the risk and what lowers it, each factor's share of the
/// movement, and the enterprise's value against its industry's median. The contributions are the served model's
/// own attribution (the same as the warning's reasons), so the panel and the warning never disagree.
/// </summary>
public static class ExplanationApi
{
    public static IEndpointRouteBuilder MapExplanationApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/enterprises/{uscc}/explanation", GetExplanation).WithName("GetExplanation").WithTags("Warnings").Audited()
            .WithSummary("Every factor that raises or lowers the enterprise's score, its share of the movement and its industry's median.")
            .WithDescription("Contributions are on the log-odds scale and add up with the bias to raw_score; share_of_movement is the "
                + "factor's absolute contribution over the sum of all absolute contributions; industry_median is taken over the "
                + "enterprises of the same industry in the served snapshot.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return app;
    }

    private static Results<Ok<ExplanationResponse>, ValidationProblem, ProblemHttpResult> GetExplanation(string uscc, WarningService service)
    {
        if (ApiProblems.CheckUscc(uscc) is { } invalid) return invalid;
        if (service.Current is not { } scored) return ApiProblems.Unavailable(service.Problem ?? "No model is served yet: train one first.");
        var snapshot = scored.Snapshot;
        int id = snapshot.Ids.IdOf(uscc);
        if (id < 0 || !snapshot.Ids.IsEnterprise(id)) return ApiProblems.UnknownEnterprise(uscc);

        var features = scored.Features;
        var contributions = new double[features.Columns];
        double raw = scored.Attribution.Explain(features.Row(id), contributions);
        double movement = 0;
        for (int f = 0; f < contributions.Length; f++) movement += Math.Abs(contributions[f]);
        var (medians, peers) = IndustryMedians(scored, snapshot.Enterprises.Industry[id]);

        var factors = new List<ExplanationFactor>();
        var schema = features.Schema;
        for (int f = 0; f < contributions.Length; f++)
        {
            if (contributions[f] == 0) continue;
            factors.Add(new ExplanationFactor(schema.Names[f], schema.Descriptions[f], Math.Round(features[id, f], 6), Math.Round(contributions[f], 6),
                contributions[f] > 0 ? "raises" : "lowers", Math.Round(Math.Abs(contributions[f]) / movement, 6), Math.Round(medians[f], 6)));
        }
        factors.Sort((x, y) => Math.Abs(y.Contribution).CompareTo(Math.Abs(x.Contribution)));
        double probability = scored.Probability[id];
        var a = snapshot.Enterprises;
        return TypedResults.Ok(new ExplanationResponse(uscc, a.IndustryCodes[a.Industry[id]], peers, Math.Round(probability, 6),
            WarningLevels.LevelOf(probability), Math.Round(scored.Attribution.Bias, 6), Math.Round(raw, 6), scored.ModelVersion, snapshot.AsOf, factors));
    }

    /// <summary>Per feature, the median over the enterprises of one industry: one pass to gather, one sort per feature.</summary>
    private static (double[] Medians, int Peers) IndustryMedians(ScoredGraph scored, int industry)
    {
        var a = scored.Snapshot.Enterprises;
        var features = scored.Features;
        int peers = 0;
        for (int e = 0; e < features.Rows; e++) if (a.Industry[e] == industry) peers++;
        var column = new float[peers];
        var medians = new double[features.Columns];
        for (int f = 0; f < features.Columns; f++)
        {
            int n = 0;
            for (int e = 0; e < features.Rows; e++) if (a.Industry[e] == industry) column[n++] = features[e, f];
            Array.Sort(column);
            medians[f] = peers == 0 ? double.NaN : peers % 2 == 1 ? column[peers / 2] : (column[peers / 2 - 1] + column[peers / 2]) / 2.0;
        }
        return (medians, peers);
    }
}
