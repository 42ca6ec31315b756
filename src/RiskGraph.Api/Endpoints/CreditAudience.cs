using RiskGraph.Model.Credit;

namespace RiskGraph.Api.Endpoints;

/// <summary>
/// Which view of a credit file a request gets. The full view (repaired records' details, originals of corrected
/// records) is for credit officers and administrators; everyone else gets the public view. Roles come from
/// whatever authentication the host configures; without one nobody has a role, so the public view is the default.
/// </summary>
internal static class CreditAudience
{
    public static CreditFileView Of(HttpContext http) =>
        http.User.IsInRole("credit_officer") || http.User.IsInRole("admin") ? CreditFileView.CreditOfficer : CreditFileView.Public;
}
