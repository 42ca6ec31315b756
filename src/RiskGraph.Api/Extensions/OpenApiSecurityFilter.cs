using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.OpenApi;
using RiskGraph.Api.Services;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace RiskGraph.Api.Extensions;

/// <summary>
/// Marks every operation that needs a key with both security schemes (so Swagger UI's "Authorize" sends the key) and
/// documents the 401, 403 and 429 answers as ProblemDetails; anonymous operations say that they need no credentials.
/// </summary>
public sealed class OpenApiSecurityFilter : IOperationFilter
{
    public const string ApiKeyScheme = "ApiKey";
    public const string BearerScheme = "Bearer";

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var metadata = context.ApiDescription.ActionDescriptor.EndpointMetadata;
        if (metadata.OfType<IAllowAnonymous>().Any() || !metadata.OfType<IAuthorizeData>().Any())
        {
            // An empty requirement says "no credentials needed" (a key, if sent, only adds detail to /health).
            operation.Security = [new OpenApiSecurityRequirement()];
            return;
        }
        operation.Security =
        [
            new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiKeyScheme, context.Document)] = [] },
            new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, context.Document)] = [] },
        ];
        if (metadata.OfType<RequiresPurposeMetadata>().Any())
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = AuditRecorder.PurposeHeader,
                In = ParameterLocation.Header,
                Required = true,
                Description = "The purpose of the query, registered in the audit log: one of RiskGraph:Auth:Purposes " +
                    "(by default supervision, credit_check, loan_review, research); 400 without it.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            });
        }
        operation.Responses ??= new OpenApiResponses();
        operation.Responses.TryAdd("401", Problem(context, "No valid API key or token."));
        operation.Responses.TryAdd("403", Problem(context, "The key's role may not call this route."));
        operation.Responses.TryAdd("429", Problem(context, "The rate limit of the key's role was reached; see Retry-After."));
    }

    private static OpenApiResponse Problem(OperationFilterContext context, string description) => new()
    {
        Description = description,
        Content = new Dictionary<string, OpenApiMediaType>
        {
            ["application/problem+json"] = new() { Schema = context.SchemaGenerator.GenerateSchema(typeof(ProblemDetails), context.SchemaRepository) },
        },
    };
}
