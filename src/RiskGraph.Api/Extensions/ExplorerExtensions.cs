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
        // A newcomer opening the server's root lands on the explorer (Swagger UI and /health are linked from the README).
        app.Use((context, next) =>
        {
            if (context.Request.Path.Value is "/" && HttpMethods.IsGet(context.Request.Method))
            {
                context.Response.Redirect("/explorer/");
                return Task.CompletedTask;
            }
            return next(context);
        });
        app.UseWhen(context => context.Request.Path.StartsWithSegments("/explorer"), explorer =>
        {
            explorer.UseDefaultFiles();
            explorer.UseStaticFiles();
        });
        return app;
    }
}
