namespace RiskGraph.Api.Extensions;

public static class ExplorerExtensions
{
    /// <summary>The network explorer's static page at /explorer/ (wwwroot/explorer).</summary>
    public static WebApplication UseRiskGraphExplorer(this WebApplication app)
    {
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.MapGet("/explorer", () => Results.Redirect("/explorer/")).ExcludeFromDescription();
        return app;
    }
}
