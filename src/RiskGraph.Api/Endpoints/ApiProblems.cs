using Microsoft.AspNetCore.Http.HttpResults;
using RiskGraph.Model.Domain;

namespace RiskGraph.Api.Endpoints;

/// <summary>The API's error answers, all ProblemDetails: 400 names the field, 404 and 503 say what to do.</summary>
internal static class ApiProblems
{
    public static ValidationProblem InvalidField(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, title: $"Invalid {field}");

    /// <summary>Null when <paramref name="uscc"/> is well-formed, else the 400 answer.</summary>
    public static ValidationProblem? CheckUscc(string? uscc, string field = "uscc")
    {
        string? problem = Uscc.Validate(uscc);
        return problem is null ? null : InvalidField(field, $"'{Echo(uscc)}' is not a valid unified social credit code: {problem}.");
    }

    /// <summary>
    /// The same check for the code at <paramref name="index"/> of a list: the field name (<c>usccs[17]</c>) is written
    /// only for a code that fails, not for each of the thousand that pass.
    /// </summary>
    public static ValidationProblem? CheckUscc(string? uscc, string list, int index) =>
        Uscc.Validate(uscc) is null ? null : CheckUscc(uscc, $"{list}[{index}]");

    /// <summary>A value quoted back in an error, cut to a few dozen characters: an error never grows with the input.</summary>
    public static string Echo(string? value) =>
        value is null ? "" : value.Length <= 40 ? value : string.Concat(value.AsSpan(0, 40), $"… ({value.Length:N0} characters)");

    public static ProblemHttpResult UnknownEnterprise(string uscc) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown enterprise",
            detail: $"No enterprise with USCC {Echo(uscc)} is in the store.");

    public static ProblemHttpResult Unavailable(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Warnings unavailable", detail: detail);
}
