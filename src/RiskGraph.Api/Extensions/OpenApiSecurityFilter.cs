using Microsoft.AspNetCore.Authorization;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace RiskGraph.Api.Extensions;

/// <summary>
/// Marks every operation that needs a key with both security schemes (so Swagger UI's "Authorize" sends the key) and
/// documents the 401 and 403 answers; anonymous operations get neither.
/// </summary>
public sealed class OpenApiSecurityFilter : IOperationFilter
{
    public const string ApiKeyScheme = "ApiKey";
    public const string BearerScheme = "Bearer";

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var metadata = context.ApiDescription.ActionDescriptor.EndpointMetadata;
        if (metadata.OfType<IAllowAnonymous>().Any() || !metadata.OfType<IAuthorizeData>().Any()) return;
        operation.Security =
        [
            new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiKeyScheme, context.Document)] = [] },
            new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, context.Document)] = [] },
        ];
        operation.Responses ??= new OpenApiResponses();
        operation.Responses.TryAdd("401", new OpenApiResponse { Description = "No valid API key or token." });
        operation.Responses.TryAdd("403", new OpenApiResponse { Description = "The key's role may not call this route." });
        operation.Responses.TryAdd("429", new OpenApiResponse { Description = "The rate limit of the key's role was reached; see Retry-After." });
    }
}
