using RiskGraph.Api.Security;
using RiskGraph.Model.Audit;
using RiskGraph.Model.Security;

namespace RiskGraph.Api.Services;

/// <summary>
/// Registers a request in the audit log with the authenticated principal (name, department, role), the purpose,
/// route, subject and a summary of what was returned, and waits until the entry is committed. Endpoints put the
/// subject, the summary and, for writes, the status before and after in <see cref="HttpContext.Items"/>.
/// </summary>
public sealed class AuditRecorder(AuditWriter writer, TimeProvider clock)
{
    public const string SubjectKey = "audit.subject";
    public const string ReturnedKey = "audit.returned";
    public const string BeforeKey = "audit.before";
    public const string AfterKey = "audit.after";
    public const string PurposeHeader = "X-Purpose";

    public Task RecordAsync(HttpContext http, int status, string action)
    {
        var user = http.User;
        string purpose = http.Request.Headers[PurposeHeader].ToString();
        var entry = new AuditEntry(
            0, clock.GetUtcNow(), user.ActorName(), user.DepartmentOf(), user.RoleOf()?.Name() ?? "none",
            purpose.Length == 0 ? "unspecified" : purpose, action, http.Request.Method, http.Request.Path + http.Request.QueryString,
            http.Items[SubjectKey] as string ?? http.Request.RouteValues["uscc"] as string ?? "", status,
            http.Items[ReturnedKey] as string ?? $"status {status}", http.Items[BeforeKey] as string, http.Items[AfterKey] as string);
        return writer.AppendAsync(entry);
    }

    public Task RecordDeniedAsync(HttpContext http) => RecordAsync(http, StatusCodes.Status403Forbidden, "denied");
}
