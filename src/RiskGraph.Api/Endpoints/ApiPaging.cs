using Microsoft.AspNetCore.Http.HttpResults;

namespace RiskGraph.Api.Endpoints;

/// <summary>The page and page_size of list routes: checked the same way everywhere, sliced without overflow.</summary>
internal static class ApiPaging
{
    public static ValidationProblem? Check(int page, int pageSize, int maxPageSize)
    {
        if (page < 1) return ApiProblems.InvalidField("page", "page starts at 1.");
        if (pageSize < 1 || pageSize > maxPageSize) return ApiProblems.InvalidField("page_size", $"page_size must be between 1 and {maxPageSize}.");
        return null;
    }

    public static T[] Slice<T>(IReadOnlyList<T> all, int page, int pageSize)
    {
        long offset = (long)(page - 1) * pageSize;
        return offset >= all.Count ? [] : all.Skip((int)offset).Take(pageSize).ToArray();
    }
}
