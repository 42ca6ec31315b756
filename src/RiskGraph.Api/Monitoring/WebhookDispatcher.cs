using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using RiskGraph.Api.Contracts;
using RiskGraph.Api.Options;
using RiskGraph.Model.Monitoring;

namespace RiskGraph.Api.Monitoring;

/// <summary>
/// Delivers the webhook outbox. Every poll it takes the pending deliveries that are due, posts each event signed
/// (<see cref="WebhookSignature"/>) through the "webhooks" client, whose resilience pipeline retries 5xx, 408, 429 and
/// connection failures with exponential backoff; an attempt that still fails is put back with a wait of 2^attempts
/// seconds, and after WebhookMaxAttempts it is marked failed. Every outcome is recorded on the outbox row. The outbox
/// is in the store, so deliveries queued before a restart go out after it, from whichever process polls first
/// (at least once: a receiver dedupes on the event id header). Times are the wall clock's, like the change feed's
/// commit instants, not the credit clock's day.
/// </summary>
public sealed class WebhookDispatcher(
    IWatchStore store, IHttpClientFactory clients, IOptions<MonitoringOptions> options, IOptions<JsonOptions> json,
    ILogger<WebhookDispatcher> logger)
    : BackgroundService
{
    public const string ClientName = "webhooks";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(options.Value.WebhookPollMilliseconds));
        do
        {
            try
            {
                await DeliverDueAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning("The webhook outbox could not be read: {Message}", e.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One pass over the due deliveries; returns how many were attempted.</summary>
    public async Task<int> DeliverDueAsync(CancellationToken cancellationToken)
    {
        var due = await store.DueDeliveriesAsync(DateTimeOffset.UtcNow, 50, cancellationToken);
        foreach (var delivery in due) await DeliverAsync(delivery, cancellationToken);
        return due.Count;
    }

    private async Task DeliverAsync(WebhookDelivery delivery, CancellationToken cancellationToken)
    {
        var webhook = await store.FindWebhookAsync(delivery.WebhookId, cancellationToken);
        var watchEvent = await store.FindEventAsync(delivery.EventId, cancellationToken);
        if (webhook is null || watchEvent is null)
        {
            await store.RecordDeliveryAsync(delivery with { State = "failed", LastError = "the webhook or its event no longer exists" }, cancellationToken);
            return;
        }
        string body = JsonSerializer.Serialize(WatchContracts.ToResponse(watchEvent), json.Value.SerializerOptions);
        int attempts = delivery.Attempts + 1;
        int? status = null;
        string? error = null;
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, webhook.Url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            long timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
            request.Headers.Add(WebhookSignature.Header, WebhookSignature.Sign(webhook.Secret, timestamp, body));
            request.Headers.Add(WebhookSignature.EventHeader, watchEvent.Id);
            using var response = await clients.CreateClient(ClientName).SendAsync(request, cancellationToken);
            status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
            {
                await store.RecordDeliveryAsync(delivery with
                {
                    Attempts = attempts, State = "delivered", LastStatus = status, LastError = null, DeliveredAt = DateTimeOffset.UtcNow,
                }, cancellationToken);
                return;
            }
            error = $"HTTP {status}";
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or Polly.Timeout.TimeoutRejectedException && !cancellationToken.IsCancellationRequested)
        {
            error = e.Message;
        }
        bool giveUp = attempts >= options.Value.WebhookMaxAttempts;
        logger.LogWarning("Webhook {Webhook} delivery of {Event} failed (attempt {Attempt}): {Error}", webhook.Id, watchEvent.Id, attempts, error);
        await store.RecordDeliveryAsync(delivery with
        {
            Attempts = attempts, State = giveUp ? "failed" : "pending", LastStatus = status, LastError = error,
            NextAt = DateTimeOffset.UtcNow.AddSeconds(Math.Pow(2, Math.Min(attempts, 12))),
        }, cancellationToken);
    }
}
