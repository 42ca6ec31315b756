using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using RiskGraph.Api.Contracts;
using RiskGraph.Api.Security;
using RiskGraph.Api.Services;
using RiskGraph.Model.Graph;
using RiskGraph.Model.Monitoring;

namespace RiskGraph.Api.Endpoints;

/// <summary>
/// Watch lists (R119, R120, R130: dynamic monitoring of key enterprises): create, read, change members, delete. A list
/// belongs to the principal and department that created it; anyone else gets the same 404 as for a list that does not exist.
/// </summary>
public static class WatchListsApi
{
    private static readonly string[] Levels = ["low", "medium", "high", "critical"];

    public static IEndpointRouteBuilder MapWatchListsApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/watchlists", CreateAsync).WithName("CreateWatchList").WithTags("Monitoring").Audited()
            .WithSummary("Create a watch list of up to 100,000 enterprises, optionally with their neighbourhood (radius 0–2) and a minimum warning level.")
            .WithDescription("Members are USCCs; codes not in the store yet are kept and reported in not_found. radius 1 or 2 also watches the enterprises " +
                             "within that many hops through shareholdings, shared persons, guarantees and supply links (hubs over 64 relations are not expanded).")
            .ProducesValidationProblem();
        app.MapGet("/api/watchlists", ListAsync).WithName("ListWatchLists").WithTags("Monitoring").Audited()
            .WithSummary("The caller's watch lists, oldest first.").WithDescription("Only lists the calling principal created.").ProducesValidationProblem();
        app.MapGet("/api/watchlists/{id}", ReadAsync).WithName("GetWatchList").WithTags("Monitoring").Audited()
            .WithSummary("One of the caller's watch lists with its members.").WithDescription("404 for another principal's list.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        app.MapDelete("/api/watchlists/{id}", DeleteAsync).WithName("DeleteWatchList").WithTags("Monitoring").Audited()
            .WithSummary("Delete a watch list with its events and webhooks.").WithDescription("404 for another principal's list.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        app.MapPost("/api/watchlists/{id}/members", AddMembersAsync).WithName("AddWatchListMembers").WithTags("Monitoring").Audited()
            .WithSummary("Add members to a watch list.").WithDescription("Idempotent: members already on the list stay once.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        app.MapPost("/api/watchlists/{id}/members/remove", RemoveMembersAsync).WithName("RemoveWatchListMembers").WithTags("Monitoring").Audited()
            .WithSummary("Remove members from a watch list.").WithDescription("Codes not on the list are ignored.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<Results<Created<WatchListResponse>, ValidationProblem>> CreateAsync(
        CreateWatchListRequest request, IWatchStore store, WarningService service, HttpContext http, CancellationToken cancellationToken)
    {
        string name = request.Name?.Trim() ?? "";
        if (name.Length is 0 or > 200) return ApiProblems.InvalidField("name", "name is required, at most 200 characters.");
        int radius = request.Radius ?? 0;
        if (radius is < 0 or > WatchList.MaxRadius) return ApiProblems.InvalidField("radius", $"radius must be 0, 1 or 2; got {radius}.");
        if (request.MinLevel is not null && !Levels.Contains(request.MinLevel))
            return ApiProblems.InvalidField("min_level", "min_level must be low, medium, high or critical.");
        if (CheckMembers(request.Members, allowEmpty: true) is { } problem) return problem;
        string[] members = Distinct(request.Members ?? []);
        var list = new WatchList("wl_" + Guid.NewGuid().ToString("N")[..20], name, http.User.ActorName(), http.User.DepartmentOf(), radius,
            request.MinLevel, DateTimeOffset.UtcNow, members.Length);
        await store.CreateListAsync(list, members, cancellationToken);
        http.Items[AuditRecorder.SubjectKey] = $"watchlist:{list.Id}";
        http.Items[AuditRecorder.ReturnedKey] = $"{members.Length} members, radius {radius}";
        return TypedResults.Created($"/api/watchlists/{list.Id}", list.ToResponse(null, NotFound(service.Snapshot, members)));
    }

    /// <param name="page">1-based page (default 1).</param>
    /// <param name="page_size">Lists per page, 1 to 500 (default 100).</param>
    private static async Task<Results<Ok<WatchListsResponse>, ValidationProblem>> ListAsync(
        IWatchStore store, HttpContext http, CancellationToken cancellationToken, int page = 1, int page_size = 100)
    {
        if (page < 1) return ApiProblems.InvalidField("page", "page starts at 1.");
        if (page_size is < 1 or > 500) return ApiProblems.InvalidField("page_size", "page_size must be between 1 and 500.");
        var lists = (await store.ListsAsync(http.User.ActorName(), cancellationToken)).Where(l => Owns(http.User, l)).ToArray();
        http.Items[AuditRecorder.SubjectKey] = "watchlists";
        return TypedResults.Ok(new WatchListsResponse(
            lists.Skip((page - 1) * page_size).Take(page_size).Select(l => l.ToResponse()).ToArray(), page, page_size, lists.Length));
    }

    private static async Task<Results<Ok<WatchListResponse>, ProblemHttpResult>> ReadAsync(
        string id, IWatchStore store, WarningService service, HttpContext http, CancellationToken cancellationToken)
    {
        if (await OwnedAsync(store, id, http, cancellationToken) is not { } list) return UnknownList(id);
        var members = await store.MembersAsync(id, cancellationToken);
        return TypedResults.Ok(list.ToResponse(members, NotFound(service.Snapshot, members)));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(string id, IWatchStore store, HttpContext http, CancellationToken cancellationToken)
    {
        if (await OwnedAsync(store, id, http, cancellationToken) is null) return UnknownList(id);
        await store.DeleteListAsync(id, cancellationToken);
        return TypedResults.NoContent();
    }

    private static Task<Results<Ok<WatchMembersResponse>, ValidationProblem, ProblemHttpResult>> AddMembersAsync(
        string id, WatchMembersRequest request, IWatchStore store, WarningService service, HttpContext http, CancellationToken cancellationToken) =>
        ChangeMembersAsync(id, request, remove: false, store, service, http, cancellationToken);

    private static Task<Results<Ok<WatchMembersResponse>, ValidationProblem, ProblemHttpResult>> RemoveMembersAsync(
        string id, WatchMembersRequest request, IWatchStore store, WarningService service, HttpContext http, CancellationToken cancellationToken) =>
        ChangeMembersAsync(id, request, remove: true, store, service, http, cancellationToken);

    private static async Task<Results<Ok<WatchMembersResponse>, ValidationProblem, ProblemHttpResult>> ChangeMembersAsync(
        string id, WatchMembersRequest request, bool remove, IWatchStore store, WarningService service, HttpContext http, CancellationToken cancellationToken)
    {
        if (await OwnedAsync(store, id, http, cancellationToken) is not { } list) return UnknownList(id);
        if (CheckMembers(request.Members, allowEmpty: false) is { } problem) return problem;
        string[] members = Distinct(request.Members!);
        if (!remove && list.MemberCount + members.Length > WatchList.MaxMembers)
        {
            var now = await store.MembersAsync(id, cancellationToken);
            if (now.Union(members).Count() > WatchList.MaxMembers)
                return ApiProblems.InvalidField("members", $"A watch list holds at most {WatchList.MaxMembers:N0} members.");
        }
        int count = await store.ChangeMembersAsync(id, members, remove, cancellationToken);
        http.Items[AuditRecorder.ReturnedKey] = $"{(remove ? "removed" : "added")} {members.Length}, now {count}";
        return TypedResults.Ok(new WatchMembersResponse(id, count, remove ? [] : NotFound(service.Snapshot, members)));
    }

    /// <summary>The list when it exists and the caller owns it; null otherwise (both answer the same 404).</summary>
    internal static async Task<WatchList?> OwnedAsync(IWatchStore store, string id, HttpContext http, CancellationToken cancellationToken)
    {
        http.Items[AuditRecorder.SubjectKey] = $"watchlist:{ApiProblems.Echo(id)}";
        var list = await store.FindListAsync(id, cancellationToken);
        return list is not null && Owns(http.User, list) ? list : null;
    }

    private static bool Owns(ClaimsPrincipal user, WatchList list) =>
        string.Equals(list.Owner, user.ActorName(), StringComparison.Ordinal) && string.Equals(list.Department, user.DepartmentOf(), StringComparison.Ordinal);

    internal static ProblemHttpResult UnknownList(string id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown watch list", detail: $"No watch list {ApiProblems.Echo(id)} of yours.");

    private static ValidationProblem? CheckMembers(IReadOnlyList<string>? members, bool allowEmpty)
    {
        if (members is null || members.Count == 0)
            return allowEmpty ? null : ApiProblems.InvalidField("members", "Send at least one USCC in members.");
        if (members.Count > WatchList.MaxMembers)
            return ApiProblems.InvalidField("members", $"At most {WatchList.MaxMembers:N0} members; got {members.Count:N0}.");
        for (int i = 0; i < members.Count; i++)
            if (ApiProblems.CheckUscc(members[i], "members", i) is { } problem) return problem;
        return null;
    }

    private static string[] Distinct(IReadOnlyList<string> members) => members.Distinct(StringComparer.Ordinal).ToArray();

    private static string[] NotFound(GraphSnapshot? snapshot, IReadOnlyList<string> members)
    {
        if (snapshot is null) return [];
        var missing = new List<string>();
        foreach (string uscc in members)
        {
            int id = snapshot.Ids.IdOf(uscc);
            if (id == IdMap.NotFound || !snapshot.Ids.IsEnterprise(id)) missing.Add(uscc);
        }
        return missing.ToArray();
    }
}
