using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using RiskGraph.Api.Endpoints;
using RiskGraph.Model.Storage;

namespace RiskGraph.Api.Security;

/// <summary>
/// Writes sent with an <c>Idempotency-Key</c> header (1–200 visible ASCII characters) are done once: the first
/// successful answer is kept in the store under the caller and the key, and a retry — after a lost answer, on any
/// replica, after a restart — gets that answer again (with <c>Idempotent-Replayed: true</c>) instead of writing
/// twice. The same key on another route or method is a 422. Failed answers are not kept, so a retry after a 503 writes.
/// </summary>
public sealed class IdempotencyFilter(IGraphStore store, IOptions<JsonOptions> json, TimeProvider clock) : IEndpointFilter
{
    public const string Header = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";
    private const int MaxKeyLength = 200;

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (!http.Request.Headers.TryGetValue(Header, out var values)) return await next(context);
        string key = values.ToString();
        if (key.Length is 0 or > MaxKeyLength || key.Any(c => c is < '!' or > '~'))
            return ApiProblems.InvalidField(Header, $"{Header} must be 1 to {MaxKeyLength} visible ASCII characters.");
        string id = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{http.User.ActorName()}\n{key}")));
        string method = http.Request.Method, path = http.Request.Path.Value ?? "";

        var stored = (await store.ReadByKeysAsync<IdempotentAnswer>([id], http.RequestAborted)).FirstOrDefault();
        if (stored is not null)
        {
            if (stored.Method != method || stored.Path != path)
                return TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: $"{Header} already used",
                    detail: $"This {Header} was used for another request ({stored.Method} {ApiProblems.Echo(stored.Path)}); use a new key for a new request.");
            http.Response.Headers[ReplayedHeader] = "true";
            return TypedResults.Text(stored.Body, "application/json", Encoding.UTF8, stored.Status);
        }

        var result = await next(context);
        var answer = result is INestedHttpResult nested ? nested.Result : result;
        if (answer is IStatusCodeHttpResult { StatusCode: >= 200 and < 300 and var status } and IValueHttpResult { Value: { } value })
        {
            string body = JsonSerializer.Serialize(value, value.GetType(), json.Value.SerializerOptions);
            await store.UpsertAsync<IdempotentAnswer>([new IdempotentAnswer(id, method, path, status, body, clock.GetUtcNow())],
                cancellationToken: http.RequestAborted);
        }
        return result;
    }
}
