namespace RiskGraph.Api.Extensions;

public static class ExplorerExtensions
{
    /// <summary>
    /// The network explorer's static page at /explorer/ (wwwroot/explorer); the default-files middleware also
    /// redirects /explorer to /explorer/. Only requests under /explorer look for files, so API calls never pay for
    /// a file-system lookup.
    /// </summary>
    public static WebApplication UseRiskGraphExplorer(this WebApplication app)
    {
        app.UseWhen(context => context.Request.Path.StartsWithSegments("/explorer"), explorer =>
        {
            explorer.UseDefaultFiles();
            explorer.UseStaticFiles();
        });
        return app;
    }
}
