using Microsoft.AspNetCore.Http.HttpResults;
using RiskGraph.Api.Contracts;
using RiskGraph.Api.Reports;
using RiskGraph.Api.Services;
using RiskGraph.Model.Graph;
using RiskGraph.Model.Storage;

namespace RiskGraph.Api.Endpoints;

/// <summary>The dedicated credit report (专用信用报告) of one enterprise, as JSON or as PDF.</summary>
public static class ReportApi
{
    public static IEndpointRouteBuilder MapReportApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/enterprises/{uscc}/report", GetReportAsync)
            .WithName("GetCreditReport")
            .WithDescription("The dedicated credit report as JSON, or as PDF with Accept: application/pdf or format=pdf: identity, class with rules and records, records in force, repairs, commitments, the outcome of every check purpose, the warning with its reasons and the controllers.").WithTags("Credit").AuditedWithPurpose()
            .WithSummary("Credit report: identity, class with rules and records, records in force, repairs, commitments, checks, warning, controllers. " +
                         "PDF with Accept: application/pdf or ?format=pdf, JSON otherwise.")
            .Produces<CreditReportResponse>(StatusCodes.Status200OK, "application/json", "application/pdf")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return app;
    }

    /// <param name="format">json or pdf; without it the Accept header decides.</param>
    private static async Task<Results<Ok<CreditReportResponse>, FileContentHttpResult, ValidationProblem, ProblemHttpResult>> GetReportAsync(
        string uscc, WarningService service, IGraphStore store, TimeProvider clock, IConfiguration configuration, HttpContext http,
        string? format = null, CancellationToken cancellationToken = default)
    {
        if (ApiProblems.CheckUscc(uscc) is { } invalid) return invalid;
        if (format is not (null or "json" or "pdf")) return ApiProblems.InvalidField("format", "format must be json or pdf.");
        bool pdf = format == "pdf" || (format is null && http.Request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("application/pdf", StringComparison.OrdinalIgnoreCase)));
        if (service.Snapshot is not { } snapshot) return ApiProblems.Unavailable(service.Problem ?? "The store could not be read.");
        int id = snapshot.Ids.IdOf(uscc);
        if (id == IdMap.NotFound || !snapshot.Ids.IsEnterprise(id)) return ApiProblems.UnknownEnterprise(uscc);

        var registered = await store.FindEnterpriseAsync(uscc, cancellationToken);
        var report = CreditReportAssembler.Build(snapshot, service.Current, id, registered, CreditAudience.Of(http), clock.GetUtcNow());
        http.Items[AuditRecorder.ReturnedKey] = $"credit report ({(pdf ? "pdf" : "json")}, {report.View} view), class {report.CreditClass.Class}";
        if (!pdf) return TypedResults.Ok(report);
        try
        {
            CreditReportPdf.UseFont(configuration["RiskGraph:ReportFont"] ?? CjkFontResolver.DebianPath);
            byte[] bytes = await Task.Run(() => CreditReportPdf.Render(report), cancellationToken);
            return TypedResults.File(bytes, "application/pdf", $"credit-report-{uscc}-{report.AsOf:yyyyMMdd}.pdf");
        }
        catch (FileNotFoundException e)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "PDF reports unavailable", detail: e.Message);
        }
    }
}
