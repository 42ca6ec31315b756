using System.Text.Json;
using System.Text.Json.Serialization;

namespace RiskGraph.Api.Extensions;

public static class JsonExtensions
{
    /// <summary>snake_case field names, the vocabulary of the CSV files and the feature schema.</summary>
    /// Binding failures are thrown in every environment and answered by <see cref="BadRequestHandler"/> with the field named.
    public static IServiceCollection AddRiskGraphJson(this IServiceCollection services)
    {
        services.ConfigureHttpJsonOptions(options =>
        {
            options.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
            options.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
            options.SerializerOptions.Converters.Add(new ControlCharacterFreeText());
        });
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.AddExceptionHandler<BadRequestHandler>();
        return services;
    }
}
