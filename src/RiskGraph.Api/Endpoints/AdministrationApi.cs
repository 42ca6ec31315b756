using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using RiskGraph.Api.Contracts;
using RiskGraph.Api.Services;
using RiskGraph.Model.Audit;
using RiskGraph.Model.Security;
using RiskGraph.Model.Storage;

namespace RiskGraph.Api.Endpoints;

/// <summary>The audit log and key management, for administrators.</summary>
public static class AdministrationApi
{
    public const int MaxPageSize = 1000;

    public static IEndpointRouteBuilder MapAdministrationApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/audit", GetAudit).WithName("GetAuditLog")
            .WithDescription("Every registered query and write (principal, department, role, purpose, route, subject, status, summary, before/after for writes), newest first; each entry's hash chains it to the one before, so `audit verify` detects a change. Filters: from, to, actor, subject.").WithTags("Administration")
            .WithSummary("The hash-chained audit log, newest first, filtered by time, actor and subject, paged (admin).")
            .ProducesValidationProblem();
        var keys = app.MapGroup("/api/keys").WithTags("Administration").Audited();
        keys.MapGet("", ListKeysAsync).WithName("ListApiKeys")
            .WithDescription("Name, role, department, region scope, creation, expiry and state of every key. Keys are stored only as SHA-256 hashes, so no answer can carry one.").WithSummary("Every API key with its role, department, scope and state; never the key (admin).");
        keys.MapPost("", CreateKeyAsync).WithName("CreateApiKey")
            .WithDescription("Creates a key with a role (analyst, system, credit_officer, admin), a department and optionally a region scope and an expiry day. The answer is the only time the key is shown; every API process accepts it within the key refresh interval.")
            .WithSummary("Create a key; the answer carries it once (admin).").ProducesValidationProblem();
        keys.MapDelete("/{name}", RevokeKeyAsync).WithName("RevokeApiKey")
            .WithDescription("Revokes the named key at once in the store; every API process refuses it within RiskGraph:Auth:KeyRefreshSeconds, without a restart.")
            .WithSummary("Revoke a key; every API process refuses it within the key refresh interval (admin).").ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    /// <param name="from">Entries at or after this instant (ISO 8601).</param>
    /// <param name="to">Entries before this instant.</param>
    /// <param name="actor">Only this principal's entries.</param>
    /// <param name="subject">Only entries about this USCC, record or person key.</param>
    /// <param name="page">1-based page.</param>
    /// <param name="pageSize">1 to 1000 (default 100).</param>
    private static Results<Ok<AuditPageResponse>, ValidationProblem> GetAudit(
        SqliteAuditLog log, DateTimeOffset? from = null, DateTimeOffset? to = null, string? actor = null, string? subject = null,
        int page = 1, [Microsoft.AspNetCore.Mvc.FromQuery(Name = "page_size")] int pageSize = 100)
    {
        if (page < 1) return ApiProblems.InvalidField("page", "page starts at 1.");
        if (pageSize is < 1 or > MaxPageSize) return ApiProblems.InvalidField("page_size", $"page_size must be between 1 and {MaxPageSize}.");
        if ((long)(page - 1) * pageSize > int.MaxValue) return ApiProblems.InvalidField("page", "page is beyond the end of any log.");
        var result = log.Read(new AuditQuery(from, to, actor, subject, page, pageSize));
        return TypedResults.Ok(new AuditPageResponse(page, pageSize, result.Total, result.Entries.Select(e => new AuditEntryResponse(
            e.Id, e.At, e.Actor, e.Department, e.Role, e.Purpose, e.Action, e.Method, e.Path, e.Subject, e.Status, e.Returned, e.Before, e.After,
            e.PrevHash, e.Hash)).ToArray()));
    }

    private static async Task<Ok<ApiKeyResponse[]>> ListKeysAsync(IGraphStore store, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return TypedResults.Ok((await ApiKeyAdministration.ListAsync(store, cancellationToken)).Select(k => ToResponse(k, now)).ToArray());
    }

    private static async Task<Results<Created<CreatedApiKeyResponse>, ValidationProblem>> CreateKeyAsync(
        CreateApiKeyRequest request, IGraphStore store, TimeProvider clock, HttpContext http, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Name)) return ApiProblems.InvalidField("name", "Name the principal the key is for.");
        if (!ApiRoles.TryParse(request.Role, out var role)) return ApiProblems.InvalidField("role", $"role must be one of {string.Join(", ", ApiRoles.All)}.");
        DateOnly? expires = null;
        if (request.Expires is { } text)
        {
            if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
                return ApiProblems.InvalidField("expires", "expires must be a date of the form yyyy-MM-dd.");
            expires = day;
        }
        http.Items[AuditRecorder.SubjectKey] = "key:" + request.Name;
        try
        {
            var now = clock.GetUtcNow();
            var (key, secret) = await ApiKeyAdministration.CreateAsync(store, request.Name, role, request.Department, request.Region, expires, now, cancellationToken);
            http.Items[AuditRecorder.AfterKey] = $"key {key.Name} {key.Role.Name()} active";
            return TypedResults.Created($"/api/keys/{Uri.EscapeDataString(key.Name)}", new CreatedApiKeyResponse(ToResponse(key, now), secret));
        }
        catch (ApiKeyException e)
        {
            return ApiProblems.InvalidField("name", e.Message);
        }
    }

    private static async Task<Results<Ok<ApiKeyResponse>, ProblemHttpResult>> RevokeKeyAsync(
        string name, IGraphStore store, TimeProvider clock, HttpContext http, CancellationToken cancellationToken)
    {
        http.Items[AuditRecorder.SubjectKey] = "key:" + name;
        try
        {
            var now = clock.GetUtcNow();
            var key = await ApiKeyAdministration.RevokeAsync(store, name, now, cancellationToken);
            http.Items[AuditRecorder.AfterKey] = $"key {key.Name} revoked";
            return TypedResults.Ok(ToResponse(key, now));
        }
        catch (ApiKeyException e)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown key", detail: e.Message);
        }
    }

    private static ApiKeyResponse ToResponse(ApiKey key, DateTimeOffset now) => new(
        key.Name, key.Role.Name(), key.Department, key.RegionScope, key.CreatedAt, key.ExpiresOn, key.RevokedAt,
        key.IsRevoked ? "revoked" : key.IsExpiredAt(now) ? "expired" : "active");
}
