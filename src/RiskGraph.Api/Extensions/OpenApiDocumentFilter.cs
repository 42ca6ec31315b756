using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace RiskGraph.Api.Extensions;

/// <summary>
/// Document-wide parts the routes cannot carry: a description for every tag (a route with a tag missing here makes
/// the lint in scripts/openapi.sh fail, which is the point), and the trace_id every ProblemDetails answer carries.
/// </summary>
public sealed class OpenApiDocumentFilter : IDocumentFilter
{
    public static readonly IReadOnlyDictionary<string, string> TagDescriptions = new Dictionary<string, string>
    {
        ["Warnings"] = "Early-warning scores (calibrated probability, level) with their additive reasons, one enterprise or a batch.",
        ["Checks"] = "The check on every application: lists in force, class, restrictions for a purpose; person checks and person list entries.",
        ["Network"] = "The association network around an enterprise: shareholders, executives, supply and guarantee links.",
        ["Credit"] = "Credit files and reports, credit repair and objections against records.",
        ["Search"] = "Search enterprises by USCC prefix or name, riskiest first.",
        ["Analytics"] = "Association analysis of one enterprise: ultimate controllers, k-hop exposure, Louvain community.",
        ["Alerts"] = "Ranked cross-industry and cross-region early warnings with the path that crosses the boundary.",
        ["Governance"] = "Data quality per source department.",
        ["Models"] = "The model registry: versions with their metrics, and switching the served model.",
        ["Changes"] = "The store's change feed: every committed write, numbered in its own transaction.",
        ["Publication"] = "Lists for publication (red and black lists included) and regional credit indicators.",
        ["Inspections"] = "Inspection results written back into the class, and \"double random, one public\" spot-check plans.",
        ["Ingestion"] = "Live ingestion of penalties, list entries and commitments, validated like the CSV import.",
        ["Administration"] = "Operators only: the hash-chained audit log and API keys.",
        ["Health"] = "Liveness and readiness of the store and the model.",
        ["Exports"] = "Server-side Excel (.xlsx) of the tables on the analyst's screen: network nodes and edges, alert and search lists.",
        ["Monitoring"] = "Watch lists, the risk events near their members with the path that brings them, history, feed, stream and signed webhooks.",
        ["Risk patterns"] = "Guarantee circles, conglomerates by actual controller, the enterprises of a person and supply-chain tiers.",
    };

    public void Apply(OpenApiDocument document, DocumentFilterContext context)
    {
        var used = document.Paths.Values.SelectMany(p => p.Operations?.Values.AsEnumerable() ?? []).SelectMany(o => o.Tags ?? new HashSet<OpenApiTagReference>())
            .Select(t => t.Name).Where(n => n is not null).Distinct().OrderBy(n => n, StringComparer.Ordinal);
        document.Tags = new HashSet<OpenApiTag>(used.Select(name => new OpenApiTag
        {
            Name = name,
            Description = TagDescriptions.TryGetValue(name!, out var description) ? description : null,
        }));
        foreach (string problem in new[] { "ProblemDetails", "HttpValidationProblemDetails" })
        {
            if (document.Components?.Schemas?.TryGetValue(problem, out var schema) == true && schema is OpenApiSchema details && details.Properties is not null)
                details.Properties["trace_id"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.String,
                    Description = "The request's W3C trace id, also in the server log and the traces: quote it when reporting a problem.",
                    Example = JsonValue.Create("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00"),
                };
        }
    }
}
