using System.Text;
using RiskGraph.Model.Storage.Neo4j;
using static RiskGraph.Model.Storage.Neo4j.Neo4jJson;

namespace RiskGraph.Model.Monitoring;

public sealed partial class Neo4jWatchStore
{
    public async Task<int> AppendAsync(
        IReadOnlyList<WatchEvent> events, IReadOnlyList<HistoryPoint> history, long derivedThrough, CancellationToken cancellationToken = default)
    {
        await using var transaction = await _client.BeginTransactionAsync(cancellationToken);
        // Setting the counter write-locks it until commit: positions are handed out in commit order, never twice.
        var ids = events.Select(e => e.Id).Distinct(StringComparer.Ordinal).ToArray();
        var first = await transaction.RunAsync([
            new Neo4jStatement("MERGE (c:WatchCounter {name: 'events'}) ON CREATE SET c.seq = 0 SET c.locked_at = $now RETURN c.seq",
                P(("now", SqliteWatchStore.Instant(DateTimeOffset.UtcNow)))),
            new Neo4jStatement("UNWIND $ids AS id MATCH (e:WatchEvent {id: id}) RETURN e.id", P(("ids", ids))),
        ], cancellationToken);
        long seq = Integer(first[0].Rows[0][0]);
        var stored = new HashSet<string>(first[1].Rows.Select(r => Text(r[0])), StringComparer.Ordinal);
        var rows = new List<IReadOnlyDictionary<string, object?>>();
        foreach (var e in events)
        {
            if (!stored.Add(e.Id)) continue;
            rows.Add(P(("id", e.Id), ("pos", ++seq), ("list_id", e.ListId), ("member", e.Member), ("enterprise", e.Enterprise), ("kind", e.Kind),
                ("change_seq", e.ChangeSequence), ("at", SqliteWatchStore.Instant(e.At)), ("record_id", e.RecordId), ("detail", Encoding.UTF8.GetString(e.Detail))));
        }
        var points = history.Select(h => P(("id", h.Id), ("uscc", h.Uscc), ("at", SqliteWatchStore.Instant(h.At)), ("change_seq", h.ChangeSequence),
            ("class_before", h.ClassBefore), ("class_after", h.ClassAfter), ("rule", h.Rule), ("score_before", h.ScoreBefore),
            ("score_after", h.ScoreAfter), ("level_before", h.LevelBefore), ("level_after", h.LevelAfter), ("causes", h.Causes))).ToArray();
        await transaction.CommitAsync([
            new Neo4jStatement("""
                UNWIND $rows AS r
                CREATE (e:WatchEvent) SET e = r
                WITH e
                MATCH (w:WatchWebhook {list_id: e.list_id})
                CREATE (:WebhookOutbox {id: w.id + ':' + e.id, webhook_id: w.id, event_id: e.id, event_pos: e.pos, attempts: 0, next_at: e.at, state: 'pending'})
                """, P(("rows", rows))),
            new Neo4jStatement("UNWIND $points AS p MERGE (h:EnterpriseHistory {id: p.id}) ON CREATE SET h = p", P(("points", points))),
            new Neo4jStatement("MATCH (c:WatchCounter {name: 'events'}) SET c.seq = $seq", P(("seq", seq))),
            new Neo4jStatement("""
                MERGE (m:WatchMeta {name: 'derived_through'}) ON CREATE SET m.value = 0
                SET m.value = CASE WHEN m.value > $v THEN m.value ELSE $v END
                """, P(("v", derivedThrough))),
        ], cancellationToken);
        return rows.Count;
    }

    public async Task<IReadOnlyList<WatchEvent>> ReadEventsAsync(string listId, long after, int limit, CancellationToken cancellationToken = default) =>
        await EventsAsync("e.list_id = $list AND e.pos > $after", "ORDER BY e.pos LIMIT $limit",
            P(("list", listId), ("after", after), ("limit", limit)), cancellationToken);

    public async Task<IReadOnlyList<WatchEvent>> RecentEventsAsync(
        string listId, DateTimeOffset since, string kind, int limit, CancellationToken cancellationToken = default) =>
        await EventsAsync("e.list_id = $list AND e.kind = $kind AND e.at >= $since", "ORDER BY e.pos LIMIT $limit",
            P(("list", listId), ("kind", kind), ("since", SqliteWatchStore.Instant(since)), ("limit", limit)), cancellationToken);

    public async Task<WatchEvent?> FindEventAsync(string eventId, CancellationToken cancellationToken = default)
    {
        var events = await EventsAsync("e.id = $id", "", P(("id", eventId)), cancellationToken);
        return events.Count == 0 ? null : events[0];
    }

    private async Task<IReadOnlyList<WatchEvent>> EventsAsync(
        string where, string tail, IReadOnlyDictionary<string, object?> parameters, CancellationToken cancellationToken)
    {
        var result = await _client.RunAsync(new Neo4jStatement($"MATCH (e:WatchEvent) WHERE {where} RETURN {EventReturn} {tail}", parameters), cancellationToken);
        return result.Rows.Select(ReadEvent).ToArray();
    }

    public async Task<long> LatestPositionAsync(string listId, CancellationToken cancellationToken = default) =>
        await ScalarAsync("MATCH (e:WatchEvent) WHERE e.list_id = $list RETURN coalesce(max(e.pos), 0)", P(("list", listId)), cancellationToken);

    public async Task<long> CountEventsSinceAsync(string listId, DateTimeOffset since, CancellationToken cancellationToken = default) =>
        await ScalarAsync("MATCH (e:WatchEvent) WHERE e.list_id = $list AND e.at >= $since RETURN count(e)",
            P(("list", listId), ("since", SqliteWatchStore.Instant(since))), cancellationToken);

    private async Task<long> ScalarAsync(string cypher, IReadOnlyDictionary<string, object?> parameters, CancellationToken cancellationToken)
    {
        var result = await _client.RunAsync(new Neo4jStatement(cypher, parameters), cancellationToken);
        return Integer(result.Rows[0][0]);
    }

    public async Task<IReadOnlyList<string>> ListsWithRecordEventAsync(string recordId, CancellationToken cancellationToken = default)
    {
        var result = await _client.RunAsync(new Neo4jStatement(
            "MATCH (e:WatchEvent) WHERE e.record_id = $record AND e.kind <> 'withdrawal' RETURN DISTINCT e.list_id ORDER BY e.list_id",
            P(("record", recordId))), cancellationToken);
        return result.Rows.Select(r => Text(r[0])).ToArray();
    }

    public async Task<IReadOnlyList<HistoryPoint>> HistoryAsync(string uscc, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default)
    {
        var result = await _client.RunAsync(new Neo4jStatement(
            $"MATCH (h:EnterpriseHistory) WHERE h.uscc = $uscc AND h.at >= $from AND h.at <= $to RETURN {HistoryReturn} ORDER BY h.at, h.change_seq, h.id",
            P(("uscc", uscc), ("from", SqliteWatchStore.Instant(from)), ("to", SqliteWatchStore.Instant(to)))), cancellationToken);
        return result.Rows.Select(ReadHistory).ToArray();
    }

    public async Task AddWebhookAsync(WebhookSubscription webhook, CancellationToken cancellationToken = default) =>
        await _client.RunAsync(new Neo4jStatement(
            "CREATE (:WatchWebhook {id: $id, list_id: $list, url: $url, secret: $secret, created_at: $at})",
            P(("id", webhook.Id), ("list", webhook.ListId), ("url", webhook.Url), ("secret", webhook.Secret), ("at", SqliteWatchStore.Instant(webhook.CreatedAt)))),
            cancellationToken);

    public Task<IReadOnlyList<WebhookSubscription>> WebhooksAsync(string listId, CancellationToken cancellationToken = default) =>
        WebhooksWhereAsync("w.list_id = $v", listId, cancellationToken);

    public async Task<WebhookSubscription?> FindWebhookAsync(string id, CancellationToken cancellationToken = default)
    {
        var hooks = await WebhooksWhereAsync("w.id = $v", id, cancellationToken);
        return hooks.Count == 0 ? null : hooks[0];
    }

    private async Task<IReadOnlyList<WebhookSubscription>> WebhooksWhereAsync(string where, string value, CancellationToken cancellationToken)
    {
        var result = await _client.RunAsync(new Neo4jStatement(
            $"MATCH (w:WatchWebhook) WHERE {where} RETURN w.id, w.list_id, w.url, w.secret, w.created_at ORDER BY w.created_at, w.id", P(("v", value))),
            cancellationToken);
        return result.Rows.Select(r => new WebhookSubscription(Text(r[0]), Text(r[1]), Text(r[2]), Text(r[3]), Instant(r[4]))).ToArray();
    }

    public async Task<IReadOnlyList<WebhookDelivery>> DueDeliveriesAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken = default)
    {
        var result = await _client.RunAsync(new Neo4jStatement(
            $"MATCH (d:WebhookOutbox) WHERE d.state = 'pending' AND d.next_at <= $now RETURN {DeliveryReturn} ORDER BY d.event_pos, d.id LIMIT $limit",
            P(("now", SqliteWatchStore.Instant(now)), ("limit", limit))), cancellationToken);
        return result.Rows.Select(ReadDelivery).ToArray();
    }

    public async Task RecordDeliveryAsync(WebhookDelivery d, CancellationToken cancellationToken = default) =>
        await _client.RunAsync(new Neo4jStatement("""
            MATCH (d:WebhookOutbox {id: $id})
            SET d.attempts = $attempts, d.next_at = $next, d.state = $state, d.last_status = $status, d.last_error = $error, d.delivered_at = $delivered
            """, P(("id", d.Id), ("attempts", d.Attempts), ("next", SqliteWatchStore.Instant(d.NextAt)), ("state", d.State), ("status", d.LastStatus),
            ("error", d.LastError), ("delivered", d.DeliveredAt is { } at ? SqliteWatchStore.Instant(at) : null))), cancellationToken);

    public async Task<IReadOnlyList<WebhookDelivery>> DeliveriesAsync(string webhookId, int limit, CancellationToken cancellationToken = default)
    {
        var result = await _client.RunAsync(new Neo4jStatement(
            $"MATCH (d:WebhookOutbox) WHERE d.webhook_id = $id RETURN {DeliveryReturn} ORDER BY d.event_pos DESC LIMIT $limit",
            P(("id", webhookId), ("limit", limit))), cancellationToken);
        return result.Rows.Select(ReadDelivery).ToArray();
    }
}
