using System.Text.Json;

namespace RiskGraph.Gateway;

/// <summary>snake_case, as the API answers.</summary>
public static class GatewayJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };
}
