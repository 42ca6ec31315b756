namespace RiskGraph.Api.Extensions;

public static class ExplorerExtensions
{
    /// <summary>
    /// The network explorer's static page at /explorer/ (wwwroot/explorer); the default-files middleware also
    /// redirects /explorer to /explorer/.
    /// </summary>
    public static WebApplication UseRiskGraphExplorer(this WebApplication app)
    {
        app.UseDefaultFiles();
        app.UseStaticFiles();
        return app;
    }
}
