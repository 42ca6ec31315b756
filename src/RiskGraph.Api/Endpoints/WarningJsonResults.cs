using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Metadata;
using RiskGraph.Api.Contracts;

namespace RiskGraph.Api.Endpoints;

/// <summary>
/// 200 answers written from cached JSON (<see cref="WarningResponseCache"/>); the OpenAPI document still shows the
/// typed contract they serialise.
/// </summary>
internal sealed class WarningJsonResult(CachedWarning warning) : IResult, IStatusCodeHttpResult, IEndpointMetadataProvider
{
    public int? StatusCode => StatusCodes.Status200OK;

    public Task ExecuteAsync(HttpContext http)
    {
        http.Response.StatusCode = StatusCodes.Status200OK;
        http.Response.ContentType = "application/json; charset=utf-8";
        http.Response.ContentLength = warning.Json.Length;
        return http.Response.Body.WriteAsync(warning.Json).AsTask();
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(WarningResponse), ["application/json"]));
}

/// <summary>A <see cref="BatchWarningResponse"/> written with each warning's cached JSON copied in whole.</summary>
internal sealed class BatchWarningJsonResult(IReadOnlyList<CachedWarning> warnings, IReadOnlyList<string> notFound, JsonSerializerOptions json)
    : IResult, IStatusCodeHttpResult, IEndpointMetadataProvider
{
    public int? StatusCode => StatusCodes.Status200OK;

    public async Task ExecuteAsync(HttpContext http)
    {
        http.Response.StatusCode = StatusCodes.Status200OK;
        http.Response.ContentType = "application/json; charset=utf-8";
        await using var writer = new Utf8JsonWriter(http.Response.BodyWriter, new JsonWriterOptions { SkipValidation = true });
        var naming = json.PropertyNamingPolicy ?? throw new InvalidOperationException("The API's JSON options name no naming policy.");
        writer.WriteStartObject();
        writer.WriteStartArray(naming.ConvertName(nameof(BatchWarningResponse.Warnings)));
        foreach (var warning in warnings) writer.WriteRawValue(warning.Json, skipInputValidation: true);
        writer.WriteEndArray();
        writer.WriteStartArray(naming.ConvertName(nameof(BatchWarningResponse.NotFound)));
        foreach (string uscc in notFound) writer.WriteStringValue(uscc);
        writer.WriteEndArray();
        writer.WriteEndObject();
        await writer.FlushAsync();
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(BatchWarningResponse), ["application/json"]));
}
