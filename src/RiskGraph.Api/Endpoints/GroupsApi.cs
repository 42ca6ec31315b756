using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using RiskGraph.Api.Contracts;
using RiskGraph.Api.Extensions;
using RiskGraph.Api.Services;

namespace RiskGraph.Api.Endpoints;

/// <summary>Conglomerates (系族) by actual controller: the list and one group with its control tree.</summary>
public static class GroupsApi
{
    public const int MaxPageSize = 100, DetailMembers = 2_000;

    public static IEndpointRouteBuilder MapGroupsApi(this IEndpointRouteBuilder app)
    {
        // Groups name their controllers, persons among them: a purpose is required, as for the controllers route.
        app.MapGet("/api/groups", List)
            .WithName("ListGroups").WithTags("Risk patterns").AuditedWithPurpose().WithRequestTimeout(RequestLimitsExtensions.ExpensiveTimeout)
            .WithSummary("Conglomerates by top controller (persons and enterprises), largest first; paged.")
            .WithDescription("Each group with its controller, size, total registered capital, negative-record share, credit classes, industries, " +
                "regions and the guarantees and supply links between its members. Nested control is resolved to the top controller.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        app.MapGet("/api/groups/{id}", Get)
            .WithName("GetGroup").WithTags("Risk patterns").AuditedWithPurpose()
            .WithSummary("One conglomerate with its members, their depth in the control tree and immediate controller.")
            .WithDescription($"id is the group_id of the list (g_ and 24 hex digits, stable across reloads). At most {DetailMembers} members, riskiest first.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return app;
    }

    /// <param name="minSize">Smallest group listed (at least 2, the default).</param>
    private static Results<Ok<GroupsPage>, ValidationProblem, ProblemHttpResult> List(
        WarningService service, HttpContext http, [FromQuery(Name = "min_size")] int? minSize = null, int page = 1,
        [FromQuery(Name = "page_size")] int pageSize = 20)
    {
        http.Items[AuditRecorder.SubjectKey] = "groups";
        int min = minSize ?? 2;
        if (min < 2) return ApiProblems.InvalidField("min_size", "min_size must be at least 2: a group has two or more enterprises.");
        if (page < 1) return ApiProblems.InvalidField("page", "page starts at 1.");
        if (pageSize is < 1 or > MaxPageSize) return ApiProblems.InvalidField("page_size", $"page_size must be between 1 and {MaxPageSize}.");
        if (PatternState.From(service, out var unavailable) is not { } state) return unavailable!;

        var groups = state.Analytics.Groups;
        var visible = state.Visible(http);
        var selected = new List<int>();
        // Groups are numbered largest first, so the selection is already in order.
        for (int g = 0; g < groups.GroupCount && groups.SizeOf(g) >= min; g++)
            if (AnyVisible(state, g, visible)) selected.Add(g);
        var directory = GroupDirectory.For(state.Snapshot, groups);
        long offset = (long)(page - 1) * pageSize;
        var items = offset >= selected.Count ? [] : selected.Skip((int)offset).Take(pageSize).Select(g => directory.Describe(state.Snapshot, groups, g)).ToArray();
        http.Items[AuditRecorder.ReturnedKey] = $"{selected.Count} groups, page {page}";
        return TypedResults.Ok(new GroupsPage(page, pageSize, selected.Count, items));
    }

    /// <param name="id">The group's id: g_ and 24 hex digits.</param>
    private static Results<Ok<GroupDetailResponse>, ValidationProblem, ProblemHttpResult> Get(string id, WarningService service, HttpContext http)
    {
        http.Items[AuditRecorder.SubjectKey] = "group:" + ApiProblems.Echo(id);
        if (id.Length != 26 || !id.StartsWith("g_", StringComparison.Ordinal) || id.AsSpan(2).ContainsAnyExcept("0123456789abcdef"))
            return ApiProblems.InvalidField("id", $"'{ApiProblems.Echo(id)}' is not a group id (g_ and 24 hex digits).");
        if (PatternState.From(service, out var unavailable) is not { } state) return unavailable!;
        var groups = state.Analytics.Groups;
        int g = GroupDirectory.For(state.Snapshot, groups).GroupOf(id);
        var visible = state.Visible(http);
        // Outside the caller's region scope a group is reported exactly like an unknown one.
        if (g < 0 || !AnyVisible(state, g, visible))
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown group", detail: $"No group {id} in the served snapshot.");

        var snapshot = state.Snapshot;
        var shown = groups.MembersOf(g).ToArray().Where(m => PatternState.IsVisible(visible, snapshot, m)).ToArray();
        var members = state.Riskiest(shown).Take(DetailMembers).Select(m => new GroupMemberResponse(state.Summary(m), groups.Depth[m],
            groups.ControlledBy[m] < 0 ? null : snapshot.Ids.KeyOf(groups.ControlledBy[m]))).ToArray();
        http.Items[AuditRecorder.ReturnedKey] = $"group of {groups.SizeOf(g)}";
        return TypedResults.Ok(new GroupDetailResponse(GroupDirectory.For(snapshot, groups).Describe(snapshot, groups, g), members, shown.Length > members.Length));
    }

    private static bool AnyVisible(PatternState state, int group, bool[]? visible)
    {
        if (visible is null) return true;
        foreach (int m in state.Analytics.Groups.MembersOf(group))
            if (PatternState.IsVisible(visible, state.Snapshot, m)) return true;
        return false;
    }
}
