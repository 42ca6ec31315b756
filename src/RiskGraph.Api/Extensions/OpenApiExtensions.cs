using Microsoft.OpenApi;

namespace RiskGraph.Api.Extensions;

public static class OpenApiExtensions
{
    public static IServiceCollection AddRiskGraphOpenApi(this IServiceCollection services)
    {
        services.AddEndpointsApiExplorer();
        services.AddSwaggerGen(options =>
        {
            options.SwaggerDoc("v1", new OpenApiInfo
            {
                Title = "RiskGraph",
                Version = "v1",
                Description = "Cross-industry, cross-region early warning of enterprise credit risk from association graphs. " +
                    "Every route but /health needs an API key (X-Api-Key or a bearer token); errors are ProblemDetails naming the field.",
                // The terms are served beside the explorer; the server below is the one they refer to.
                License = new OpenApiLicense { Name = "Proprietary", Url = new Uri("http://127.0.0.1:5080/explorer/licence.txt") },
            });
            // A fixed server (the set-up command's address) keeps the document the same whoever asks for it.
            options.AddServer(new OpenApiServer { Url = "http://127.0.0.1:5080", Description = "The API as scripts/setup.sh serves it" });
            options.SupportNonNullableReferenceTypes();
            options.NonNullableReferenceTypesAsRequired();
            options.SchemaFilter<OpenApiSchemaFilter>();
            options.OperationFilter<OpenApiExamples>();
            options.OperationFilter<OpenApiPdfFilter>();
            options.DocumentFilter<OpenApiDocumentFilter>();
            options.AddSecurityDefinition(OpenApiSecurityFilter.ApiKeyScheme, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = "X-Api-Key",
                Description = "An API key (rgk_…) from the CLI verb 'keys create', or keys.txt in the home folder after set-up.",
            });
            options.AddSecurityDefinition(OpenApiSecurityFilter.BearerScheme, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "The same API key as a bearer token, or a JWT from the configured identity provider.",
            });
            options.OperationFilter<OpenApiSecurityFilter>();
            string xml = Path.Combine(AppContext.BaseDirectory, "RiskGraph.Api.xml");
            if (File.Exists(xml)) options.IncludeXmlComments(xml);
        });
        return services;
    }

    /// <summary>The OpenAPI document at /swagger/v1/swagger.json and Swagger UI at /swagger.</summary>
    public static WebApplication UseRiskGraphSwagger(this WebApplication app)
    {
        // Only requests under /swagger pass through Swashbuckle's middleware: every other request, the warnings of
        // calling systems above all, skips its path matching.
        app.UseWhen(context => context.Request.Path.StartsWithSegments("/swagger"), swagger =>
        {
            swagger.UseSwagger();
            swagger.UseSwaggerUI(options => options.RoutePrefix = "swagger");
        });
        return app;
    }
}
