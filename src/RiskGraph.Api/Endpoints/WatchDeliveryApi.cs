using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using RiskGraph.Api.Contracts;
using RiskGraph.Api.Monitoring;
using RiskGraph.Api.Services;
using RiskGraph.Model.Credit;
using RiskGraph.Model.Graph;
using RiskGraph.Model.Monitoring;
using RiskGraph.Model.Scoring;

namespace RiskGraph.Api.Endpoints;

/// <summary>A watch list's webhooks (signed pushes of its events, with their delivery outcomes) and its summary.</summary>
public static class WatchDeliveryApi
{
    private const int MaxWebhooks = 20;

    public static IEndpointRouteBuilder MapWatchDeliveryApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/watchlists/{id}/webhooks", CreateWebhookAsync).WithName("CreateWatchListWebhook").WithTags("Monitoring").Audited()
            .WithSummary("Register a webhook: every new event of the list is posted to the URL, signed with HMAC-SHA256.")
            .WithDescription("The host must be on RiskGraph:Monitoring:WebhookAllowedHosts; loopback and private addresses only when listed exactly. " +
                             "The secret is shown once. See the README for the signature recipe.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        app.MapGet("/api/watchlists/{id}/webhooks", ListWebhooksAsync).WithName("ListWatchListWebhooks").WithTags("Monitoring").Audited()
            .WithSummary("The list's webhooks with their latest deliveries and outcomes.").WithDescription("Secrets are never shown again.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        app.MapGet("/api/watchlists/{id}/summary", SummaryAsync).WithName("GetWatchListSummary").WithTags("Monitoring").Audited()
            .WithSummary("Members by warning level and credit class, events in the last 7 and 30 days, the biggest movers.")
            .WithDescription("Movers are the watched enterprises whose score moved most across the level crossings of the last 30 days.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static async Task<Results<Created<WebhookCreatedResponse>, ValidationProblem, ProblemHttpResult>> CreateWebhookAsync(
        string id, WebhookRequest request, IWatchStore store, WebhookTargetPolicy policy, HttpContext http, CancellationToken cancellationToken)
    {
        if (await WatchListsApi.OwnedAsync(store, id, http, cancellationToken) is null) return WatchListsApi.UnknownList(id);
        if (await policy.RefusalAsync(request.Url, cancellationToken) is { } refusal) return ApiProblems.InvalidField("url", refusal);
        if ((await store.WebhooksAsync(id, cancellationToken)).Count >= MaxWebhooks)
            return ApiProblems.InvalidField("url", $"A watch list has at most {MaxWebhooks} webhooks.");
        var webhook = new WebhookSubscription("wh_" + Guid.NewGuid().ToString("N")[..20], id, request.Url!, WebhookSignature.NewSecret(), DateTimeOffset.UtcNow);
        await store.AddWebhookAsync(webhook, cancellationToken);
        http.Items[AuditRecorder.ReturnedKey] = $"webhook {webhook.Id} to {new Uri(webhook.Url).IdnHost}";
        return TypedResults.Created($"/api/watchlists/{id}/webhooks",
            new WebhookCreatedResponse(webhook.Id, id, webhook.Url, webhook.Secret, WebhookSignature.Header, webhook.CreatedAt));
    }

    private static async Task<Results<Ok<WebhooksResponse>, ProblemHttpResult>> ListWebhooksAsync(
        string id, IWatchStore store, HttpContext http, CancellationToken cancellationToken)
    {
        if (await WatchListsApi.OwnedAsync(store, id, http, cancellationToken) is null) return WatchListsApi.UnknownList(id);
        var hooks = await store.WebhooksAsync(id, cancellationToken);
        var items = new List<WebhookResponse>(hooks.Count);
        foreach (var hook in hooks)
        {
            var deliveries = await store.DeliveriesAsync(hook.Id, 50, cancellationToken);
            items.Add(new WebhookResponse(hook.Id, id, hook.Url, hook.CreatedAt, deliveries.Select(d => d.ToResponse()).ToArray()));
        }
        return TypedResults.Ok(new WebhooksResponse(items, 1, MaxWebhooks, items.Count));
    }

    private static async Task<Results<Ok<WatchSummaryResponse>, ProblemHttpResult>> SummaryAsync(
        string id, IWatchStore store, WarningService service, HttpContext http, CancellationToken cancellationToken)
    {
        if (await WatchListsApi.OwnedAsync(store, id, http, cancellationToken) is null) return WatchListsApi.UnknownList(id);
        if (service.Snapshot is not { } snapshot) return ApiProblems.Unavailable(service.Problem ?? "The store could not be read.");
        var scored = service.Current is { } current && ReferenceEquals(current.Snapshot, snapshot) ? current : null;
        var members = await store.MembersAsync(id, cancellationToken);
        var byLevel = new Dictionary<string, int>();
        var byClass = new Dictionary<string, int>();
        int inStore = 0;
        foreach (string uscc in members)
        {
            int e = snapshot.Ids.IdOf(uscc);
            if (e == IdMap.NotFound || !snapshot.Ids.IsEnterprise(e)) continue;
            inStore++;
            string name = snapshot.Classes[e].Name();
            byClass[name] = byClass.GetValueOrDefault(name) + 1;
            if (scored is null) continue;
            string level = WarningLevels.LevelOf(scored.Probability[e]);
            byLevel[level] = byLevel.GetValueOrDefault(level) + 1;
        }
        var now = DateTimeOffset.UtcNow;
        long last7 = await store.CountEventsSinceAsync(id, now.AddDays(-7), cancellationToken);
        long last30 = await store.CountEventsSinceAsync(id, now.AddDays(-30), cancellationToken);
        var crossings = await store.RecentEventsAsync(id, now.AddDays(-30), WatchEventKinds.LevelCrossing, 10_000, cancellationToken);
        return TypedResults.Ok(new WatchSummaryResponse(id, members.Count, inStore, byLevel, byClass, last7, last30, Movers(crossings, snapshot, scored)));
    }

    /// <summary>Per enterprise, the first score before and the last score after its crossings; the ten largest moves.</summary>
    private static WatchMoverResponse[] Movers(IReadOnlyList<WatchEvent> crossings, GraphSnapshot snapshot, ScoredGraph? scored)
    {
        var moves = new Dictionary<string, (double Before, double After)>(StringComparer.Ordinal);
        foreach (var e in crossings)
        {
            using var detail = JsonDocument.Parse(e.Detail);
            var root = detail.RootElement;
            if (root.GetProperty("score_before").ValueKind != JsonValueKind.Number || root.GetProperty("score_after").ValueKind != JsonValueKind.Number) continue;
            double before = root.GetProperty("score_before").GetDouble(), after = root.GetProperty("score_after").GetDouble();
            moves[e.Enterprise] = moves.TryGetValue(e.Enterprise, out var known) ? (known.Before, after) : (before, after);
        }
        return moves.OrderByDescending(m => Math.Abs(m.Value.After - m.Value.Before)).ThenBy(m => m.Key, StringComparer.Ordinal).Take(10)
            .Select(m =>
            {
                int node = snapshot.Ids.IdOf(m.Key);
                bool known = node != IdMap.NotFound && snapshot.Ids.IsEnterprise(node);
                double? score = known && scored is not null ? scored.Probability[node] : null;
                return new WatchMoverResponse(m.Key, known ? snapshot.Enterprises.Names[node] : m.Key, m.Value.Before, m.Value.After,
                    Math.Round(m.Value.After - m.Value.Before, 6), score is { } s ? WarningLevels.LevelOf(s) : null,
                    known ? snapshot.Classes[node].Name() : "unknown");
            }).ToArray();
    }
}
