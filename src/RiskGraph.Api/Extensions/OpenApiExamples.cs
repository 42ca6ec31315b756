using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Microsoft.OpenApi;
using RiskGraph.Api.Contracts;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace RiskGraph.Api.Extensions;

/// <summary>
/// Examples for the main routes (warning, batch, check), built from the contract records themselves and serialized
/// as the API serializes them, so an example cannot name a field the answer does not have or leave out one it must.
/// </summary>
public sealed class OpenApiExamples : IOperationFilter
{
    private const string Uscc = "91310112602215439L";

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    private static readonly CreditClassResponse Dishonest = new("dishonest", "失信", "red",
        new RuleResponse("red.up_to_5_penalties", "1 to 5 penalties other than warnings, fines up to CNY 500,000", "Tianjin classification §2", ["沪市监罚〔2025〕101号"]),
        [new RuleResponse("red.up_to_5_penalties", "1 to 5 penalties other than warnings, fines up to CNY 500,000", "Tianjin classification §2", ["沪市监罚〔2025〕101号"])]);

    private static readonly WarningResponse Warning = new(Uscc, "上海浦江精密机械有限公司", "C34", "310112", 0.4127, "high",
        [
            new ReasonResponse("exposure_negative_2hop_share", "Share of enterprises within 2 hops with a negative record", 0.25, 0.8123, "raises"),
            new ReasonResponse("penalties_last_12_months", "Penalties in the last 12 months", 1, 0.4051, "raises"),
        ],
        "v003", new DateOnly(2026, 12, 1), -0.3526, -2.4312, Dishonest, new GroupSummaryResponse("g_3f9a0c1d2e4b5a6978c0d1e2", "person", 7, 0.2857, 2));

    private static readonly Dictionary<string, (object? Request, object? Ok, string? InvalidField)> Examples = new()
    {
        ["GetWarning"] = (null, Warning, "uscc"),
        ["GetWarningsBatch"] = (new BatchWarningRequest([Uscc, "914403001922038216"]),
            new BatchWarningResponse([Warning], ["914403001922038216"]), "usccs[1]"),
        ["CheckApplicant"] = (new CheckRequest(Uscc, "procurement"),
            new CheckResponse(Uscc, "上海浦江精密机械有限公司", "procurement", Dishonest, [], [], [],
                new CommitmentEligibilityResponse(true, "No breached notification-commitment.", []), "key_inspection",
                new CheckWarningResponse(0.4127, "high", "v003"), new DateOnly(2026, 12, 1), []), "purpose"),
    };

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (operation.OperationId is null || !Examples.TryGetValue(operation.OperationId, out var example)) return;
        if (example.Request is not null && operation.RequestBody?.Content?.TryGetValue("application/json", out var request) == true && request is OpenApiMediaType requestType)
            requestType.Example = JsonSerializer.SerializeToNode(example.Request, Json);
        if (example.Ok is not null && operation.Responses?.TryGetValue("200", out var ok) == true && ok.Content?.TryGetValue("application/json", out var okType) == true && okType is OpenApiMediaType okMedia)
            okMedia.Example = JsonSerializer.SerializeToNode(example.Ok, Json);
        if (example.InvalidField is { } field && operation.Responses?.TryGetValue("400", out var bad) == true
            && bad.Content?.TryGetValue("application/problem+json", out var badType) == true && badType is OpenApiMediaType badMedia)
            badMedia.Example = new JsonObject
            {
                ["type"] = "https://tools.ietf.org/html/rfc9110#section-15.5.1",
                ["title"] = $"Invalid {field}",
                ["status"] = 400,
                ["errors"] = new JsonObject { [field] = new JsonArray("'9131011260221543' is not a valid unified social credit code: it has 16 characters, not 18.") },
                ["trace_id"] = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00",
            };
    }
}
