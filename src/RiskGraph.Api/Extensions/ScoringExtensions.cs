using RiskGraph.Api.Services;

namespace RiskGraph.Api.Extensions;

public static class ScoringExtensions
{
    /// <summary>The warning service, loaded with the store's snapshot and the active model before requests are served.</summary>
    public static IServiceCollection AddRiskGraphScoring(this IServiceCollection services)
    {
        services.AddSingleton<WarningService>();
        services.AddHostedService<WarningServiceLoader>();
        services.AddHostedService<ActiveModelWatcher>();
        services.AddHostedService<ChangeFeedFollower>();
        services.AddHostedService<ServingRefresher>();
        return services;
    }
}

/// <summary>
/// Every response says how fresh the state behind it is: <c>RiskGraph-As-Of</c> is the change-feed sequence and time
/// of the records served, <c>RiskGraph-Analytics-As-Of</c> those of the whole-graph analytics (PageRank,
/// communities, contagion, boundary counts), which the background refresh brings level. Taken when the response
/// starts, so a write's answer already counts the write once it is reflected.
/// </summary>
public static class AsOfHeaders
{
    public const string DataHeader = "RiskGraph-As-Of";
    public const string AnalyticsHeader = "RiskGraph-Analytics-As-Of";

    public static WebApplication UseRiskGraphAsOfHeaders(this WebApplication app)
    {
        // Resolved per request, not here: building the pipeline must not construct the service (and validate its
        // options) outside the start-up error handling.
        app.Use((context, next) =>
        {
            var service = context.RequestServices.GetRequiredService<WarningService>();
            context.Response.OnStarting(static state =>
            {
                var (http, served) = ((HttpContext, WarningService))state;
                var current = served.State;
                http.Response.Headers[DataHeader] = Text(ref _data, current.Data);
                http.Response.Headers[AnalyticsHeader] = Text(ref _analytics, current.AnalyticsAsOf);
                return Task.CompletedTask;
            }, (context, service));
            return next(context);
        });
        return app;
    }

    // The served points change with each applied change or refresh, not with each request: their header text is kept
    // with the point it was written for, and written again only when the point differs.
    private static Written? _data, _analytics;

    private sealed record Written(RiskGraph.Model.Serving.FeedPoint Point, string Text);

    private static string Text(ref Written? last, RiskGraph.Model.Serving.FeedPoint point)
    {
        var seen = Volatile.Read(ref last);
        if (seen is not null && seen.Point == point) return seen.Text;
        var written = new Written(point, Format(point));
        Volatile.Write(ref last, written);
        return written.Text;
    }

    private static string Format(RiskGraph.Model.Serving.FeedPoint point) =>
        $"{point.Sequence}; {point.At.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture)}";
}
