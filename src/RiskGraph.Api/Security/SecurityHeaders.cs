namespace RiskGraph.Api.Security;

/// <summary>
/// Response headers against misconfiguration (OWASP API8): no MIME sniffing, no framing anywhere, and for the
/// explorer a Content-Security-Policy that allows only its own scripts (no inline script) and API calls. Inline
/// styles are allowed: cytoscape sizes its canvases through style attributes.
/// </summary>
public static class SecurityHeaders
{
    public const string ExplorerPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; " +
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static WebApplication UseRiskGraphSecurityHeaders(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments("/explorer") ? ExplorerPolicy : "frame-ancestors 'none'";
            return next(context);
        });
        return app;
    }
}
