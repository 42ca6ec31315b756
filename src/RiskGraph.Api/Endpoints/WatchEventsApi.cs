using System.Globalization;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using RiskGraph.Api.Contracts;
using RiskGraph.Api.Monitoring;
using RiskGraph.Api.Options;
using RiskGraph.Api.Services;
using RiskGraph.Model.Monitoring;

namespace RiskGraph.Api.Endpoints;

/// <summary>A watch list's events: the cursor-paged feed and the live stream of server-sent events on the same feed.</summary>
public static class WatchEventsApi
{
    public const int MaxLimit = 1000;

    public static IEndpointRouteBuilder MapWatchEventsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/watchlists/{id}/events", ReadAsync).WithName("GetWatchListEvents").WithTags("Monitoring").Audited()
            .WithSummary("The list's events after a cursor, oldest first: at least once, with stable ids, kept across restarts.")
            .WithDescription("Start without after (or after=0); pass next_cursor as after to read on. Each event names the watched member, the " +
                             "enterprise where it happened, the typed path between them, the change sequence and the time.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        app.MapGet("/api/watchlists/{id}/stream", Stream).WithName("StreamWatchListEvents").WithTags("Monitoring").Audited()
            .WithSummary("The same events as server-sent events (text/event-stream), live; the SSE id is the cursor.")
            .WithDescription("Resumes after the Last-Event-ID header, else after the after parameter, else from the newest event on.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    /// <param name="after">The cursor of the last event read (default 0: from the first).</param>
    /// <param name="limit">At most this many events, 1 to 1000 (default 100).</param>
    private static async Task<Results<Ok<WatchEventsResponse>, ValidationProblem, ProblemHttpResult>> ReadAsync(
        string id, IWatchStore store, HttpContext http, CancellationToken cancellationToken, string? after = null, int limit = 100)
    {
        if (ParseCursor(after) is not { } cursor) return ApiProblems.InvalidField("after", "after is a cursor from an earlier answer (a number, 0 or more).");
        if (limit is < 1 or > MaxLimit) return ApiProblems.InvalidField("limit", $"limit must be between 1 and {MaxLimit}.");
        if (await WatchListsApi.OwnedAsync(store, id, http, cancellationToken) is null) return WatchListsApi.UnknownList(id);
        var events = await store.ReadEventsAsync(id, cursor, limit + 1, cancellationToken);
        bool more = events.Count > limit;
        var items = new WatchEventResponse[Math.Min(events.Count, limit)];
        for (int i = 0; i < items.Length; i++) items[i] = WatchContracts.ToResponse(events[i]);
        http.Items[Services.AuditRecorder.ReturnedKey] = $"{items.Length} events after {cursor}";
        return TypedResults.Ok(new WatchEventsResponse(items, items.Length == 0 ? WatchContracts.Cursor(cursor) : items[^1].Cursor, more));
    }

    private static async Task<Results<ServerSentEventsResult<string>, ValidationProblem, ProblemHttpResult>> Stream(
        string id, IWatchStore store, WatchFeedSignal signal, IOptions<MonitoringOptions> options, IOptions<JsonOptions> json, HttpContext http,
        CancellationToken cancellationToken, string? after = null)
    {
        string? resume = http.Request.Headers["Last-Event-ID"].FirstOrDefault() ?? after;
        long? cursor = resume is null ? null : ParseCursor(resume);
        if (resume is not null && cursor is null) return ApiProblems.InvalidField("after", "after (or Last-Event-ID) is a cursor from an earlier event.");
        if (await WatchListsApi.OwnedAsync(store, id, http, cancellationToken) is null) return WatchListsApi.UnknownList(id);
        // Without a cursor the stream starts at the newest event: a live view, not a replay of the whole feed.
        long start = cursor ?? await store.LatestPositionAsync(id, cancellationToken);
        var poll = TimeSpan.FromMilliseconds(options.Value.StreamPollMilliseconds);
        return TypedResults.ServerSentEvents(Follow(store, signal, id, start, poll, json.Value.SerializerOptions, cancellationToken));
    }

    private static async IAsyncEnumerable<SseItem<string>> Follow(
        IWatchStore store, WatchFeedSignal signal, string id, long cursor, TimeSpan poll, JsonSerializerOptions json,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // A comment-free first item tells the client the stream is open before any event arrives.
        yield return new SseItem<string>(WatchContracts.Cursor(cursor), "ready") { EventId = WatchContracts.Cursor(cursor) };
        while (!cancellationToken.IsCancellationRequested)
        {
            var events = await store.ReadEventsAsync(id, cursor, 100, cancellationToken);
            foreach (var e in events)
            {
                cursor = e.Position;
                yield return new SseItem<string>(JsonSerializer.Serialize(WatchContracts.ToResponse(e), json), "watch_event")
                {
                    EventId = WatchContracts.Cursor(e.Position),
                };
            }
            if (events.Count == 0) await signal.WaitAsync(poll, cancellationToken);
        }
    }

    internal static long? ParseCursor(string? text) =>
        text is null or "" ? 0 : long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out long value) ? value : null;
}
