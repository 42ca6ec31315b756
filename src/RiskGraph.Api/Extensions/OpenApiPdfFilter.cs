using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace RiskGraph.Api.Extensions;

/// <summary>
/// A route that answers JSON or PDF declares one response type for both media types; the PDF is a file, not that
/// record, so its media type gets a binary schema.
/// </summary>
public sealed class OpenApiPdfFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        if (operation.Responses?.TryGetValue("200", out var ok) != true || ok!.Content?.TryGetValue("application/pdf", out var pdf) != true) return;
        if (pdf is OpenApiMediaType media) media.Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" };
    }
}
