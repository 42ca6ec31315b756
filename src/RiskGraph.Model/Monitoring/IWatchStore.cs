namespace RiskGraph.Model.Monitoring;

/// <summary>
/// Watch lists, their events, enterprise history and the webhook outbox, kept in the same store as the graph (the
/// embedded SQLite file or Neo4j), so every API process sees the same lists and delivers from the same outbox.
/// None of these writes enters the graph's change feed: they are not graph data and must not trigger reloads.
/// </summary>
public interface IWatchStore
{
    Task InitializeAsync(CancellationToken cancellationToken = default);

    Task CreateListAsync(WatchList list, IReadOnlyList<string> members, CancellationToken cancellationToken = default);

    Task<WatchList?> FindListAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>The lists of one owner (every list when null), oldest first.</summary>
    Task<IReadOnlyList<WatchList>> ListsAsync(string? owner, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<string>> MembersAsync(string listId, CancellationToken cancellationToken = default);

    /// <summary>Adds (or, when <paramref name="remove"/>, removes) members; returns the member count after.</summary>
    Task<int> ChangeMembersAsync(string listId, IReadOnlyList<string> members, bool remove, CancellationToken cancellationToken = default);

    /// <summary>Deletes the list with its members, events, webhooks and outbox; false when there was none.</summary>
    Task<bool> DeleteListAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>A number that changes whenever any list or its members change, so followers know to rebuild their index.</summary>
    Task<long> ListsVersionAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores the events not stored yet (by id), numbering them in order, queues each new one for every webhook of its list,
    /// keeps the history points, and records that changes through <paramref name="derivedThrough"/> were derived; one transaction.
    /// Returns how many events were new.
    /// </summary>
    Task<int> AppendAsync(IReadOnlyList<WatchEvent> events, IReadOnlyList<HistoryPoint> history, long derivedThrough, CancellationToken cancellationToken = default);

    /// <summary>The change-feed sequence events were derived through (0 before any).</summary>
    Task<long> DerivedThroughAsync(CancellationToken cancellationToken = default);

    /// <summary>The list's events after position <paramref name="after"/>, in order.</summary>
    Task<IReadOnlyList<WatchEvent>> ReadEventsAsync(string listId, long after, int limit, CancellationToken cancellationToken = default);

    /// <summary>The position of the list's newest event, 0 when it has none.</summary>
    Task<long> LatestPositionAsync(string listId, CancellationToken cancellationToken = default);

    /// <summary>Events stored on or after <paramref name="since"/>, per list.</summary>
    Task<long> CountEventsSinceAsync(string listId, DateTimeOffset since, CancellationToken cancellationToken = default);

    /// <summary>The list's events of one kind stored on or after <paramref name="since"/>, in order, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<WatchEvent>> RecentEventsAsync(string listId, DateTimeOffset since, string kind, int limit, CancellationToken cancellationToken = default);

    /// <summary>Which of the lists have an event raised by record <paramref name="recordId"/> (for withdrawals).</summary>
    Task<IReadOnlyList<string>> ListsWithRecordEventAsync(string recordId, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<HistoryPoint>> HistoryAsync(string uscc, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default);

    Task AddWebhookAsync(WebhookSubscription webhook, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<WebhookSubscription>> WebhooksAsync(string listId, CancellationToken cancellationToken = default);

    Task<WebhookSubscription?> FindWebhookAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Pending deliveries due at <paramref name="now"/>, oldest event first.</summary>
    Task<IReadOnlyList<WebhookDelivery>> DueDeliveriesAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken = default);

    Task<WatchEvent?> FindEventAsync(string eventId, CancellationToken cancellationToken = default);

    /// <summary>Records an attempt's outcome (state, attempts, next time, status, error).</summary>
    Task RecordDeliveryAsync(WebhookDelivery delivery, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<WebhookDelivery>> DeliveriesAsync(string webhookId, int limit, CancellationToken cancellationToken = default);
}
