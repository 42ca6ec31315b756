using System.Globalization;
using Microsoft.Data.Sqlite;
using RiskGraph.Model.Storage.Sqlite;

namespace RiskGraph.Model.Monitoring;

/// <summary>
/// The monitoring tables in the embedded store's SQLite file. Writes take the file's write lock (BEGIN IMMEDIATE), so
/// event positions follow commit order across every process writing the file.
/// </summary>
public sealed class SqliteWatchStore(string path) : IWatchStore
{
    private readonly string _connectionString =
        new SqliteConnectionStringBuilder { DataSource = path, Pooling = true, DefaultTimeout = 5 }.ToString();

    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await ExecuteAsync(connection, null, "PRAGMA journal_mode = WAL;" + SqliteWatchSchema.CreateSql, cancellationToken);
    }

    public async Task CreateListAsync(WatchList list, IReadOnlyList<string> members, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: false);
        await ExecuteAsync(connection, transaction,
            "INSERT INTO watch_list (id, name, owner, department, radius, min_level, created_at) VALUES ($id, $name, $owner, $dept, $radius, $min, $at)",
            cancellationToken, ("$id", list.Id), ("$name", list.Name), ("$owner", list.Owner), ("$dept", list.Department), ("$radius", list.Radius),
            ("$min", list.MinLevel), ("$at", Instant(list.CreatedAt)));
        await WriteMembersAsync(connection, transaction, list.Id, members, remove: false, cancellationToken);
        await BumpVersionAsync(connection, transaction, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<WatchList?> FindListAsync(string id, CancellationToken cancellationToken = default)
    {
        var lists = await ReadListsAsync($"SELECT {SqliteWatchSchema.ListColumns} FROM watch_list l WHERE l.id = $p", id, cancellationToken);
        return lists.Count == 0 ? null : lists[0];
    }

    public Task<IReadOnlyList<WatchList>> ListsAsync(string? owner, CancellationToken cancellationToken = default) =>
        ReadListsAsync($"SELECT {SqliteWatchSchema.ListColumns} FROM watch_list l WHERE $p IS NULL OR l.owner = $p ORDER BY l.created_at, l.id", owner, cancellationToken);

    public async Task<IReadOnlyList<string>> MembersAsync(string listId, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, null, "SELECT uscc FROM watch_member WHERE list_id = $id ORDER BY uscc", ("$id", listId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var members = new List<string>();
        while (await reader.ReadAsync(cancellationToken)) members.Add(reader.GetString(0));
        return members;
    }

    public async Task<int> ChangeMembersAsync(string listId, IReadOnlyList<string> members, bool remove, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: false);
        await WriteMembersAsync(connection, transaction, listId, members, remove, cancellationToken);
        await ExecuteAsync(connection, transaction, "UPDATE watch_list SET revision = revision + 1 WHERE id = $id", cancellationToken, ("$id", listId));
        await BumpVersionAsync(connection, transaction, cancellationToken);
        await using var count = Command(connection, transaction, "SELECT COUNT(*) FROM watch_member WHERE list_id = $id", ("$id", listId));
        int total = (int)(long)(await count.ExecuteScalarAsync(cancellationToken))!;
        await transaction.CommitAsync(cancellationToken);
        return total;
    }

    public async Task<bool> DeleteListAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: false);
        int deleted = await ExecuteAsync(connection, transaction, "DELETE FROM watch_list WHERE id = $id", cancellationToken, ("$id", id));
        await ExecuteAsync(connection, transaction, """
            DELETE FROM watch_member WHERE list_id = $id;
            DELETE FROM webhook_outbox WHERE webhook_id IN (SELECT id FROM watch_webhook WHERE list_id = $id);
            DELETE FROM watch_webhook WHERE list_id = $id;
            DELETE FROM watch_event WHERE list_id = $id;
            """, cancellationToken, ("$id", id));
        await BumpVersionAsync(connection, transaction, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return deleted > 0;
    }

    public Task<long> ListsVersionAsync(CancellationToken cancellationToken = default) => MetaAsync("lists_version", cancellationToken);

    public Task<long> DerivedThroughAsync(CancellationToken cancellationToken = default) => MetaAsync("derived_through", cancellationToken);

    public async Task<int> AppendAsync(
        IReadOnlyList<WatchEvent> events, IReadOnlyList<HistoryPoint> history, long derivedThrough, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: false);
        await using var insert = Command(connection, transaction, """
            INSERT OR IGNORE INTO watch_event (id, list_id, member, enterprise, kind, change_seq, at, record_id, detail)
            VALUES ($id, $list, $member, $enterprise, $kind, $seq, $at, $record, CAST($detail AS TEXT))
            """);
        // Queued for every webhook of the list in the same transaction: an event is never stored without its deliveries.
        await using var queue = Command(connection, transaction, """
            INSERT OR IGNORE INTO webhook_outbox (id, webhook_id, event_id, event_pos, attempts, next_at, state)
            SELECT w.id || ':' || $id, w.id, $id, last_insert_rowid(), 0, $at, 'pending' FROM watch_webhook w WHERE w.list_id = $list
            """);
        var names = new[] { "$id", "$list", "$member", "$enterprise", "$kind", "$seq", "$at", "$record", "$detail" };
        foreach (string name in names) insert.Parameters.Add(new SqliteParameter { ParameterName = name });
        foreach (string name in new[] { "$id", "$at", "$list" }) queue.Parameters.Add(new SqliteParameter { ParameterName = name });
        int created = 0;
        foreach (var e in events)
        {
            object?[] values = [e.Id, e.ListId, e.Member, e.Enterprise, e.Kind, e.ChangeSequence, Instant(e.At), e.RecordId, e.Detail];
            for (int i = 0; i < values.Length; i++) insert.Parameters[i].Value = values[i] ?? DBNull.Value;
            if (await insert.ExecuteNonQueryAsync(cancellationToken) == 0) continue;
            created++;
            queue.Parameters[0].Value = e.Id;
            queue.Parameters[1].Value = Instant(e.At);
            queue.Parameters[2].Value = e.ListId;
            await queue.ExecuteNonQueryAsync(cancellationToken);
        }
        foreach (var h in history)
        {
            await ExecuteAsync(connection, transaction, $"""
                INSERT OR IGNORE INTO enterprise_history ({SqliteWatchSchema.HistoryColumns})
                VALUES ($id, $uscc, $at, $seq, $cb, $ca, $rule, $sb, $sa, $lb, $la, $causes)
                """, cancellationToken, ("$id", h.Id), ("$uscc", h.Uscc), ("$at", Instant(h.At)), ("$seq", h.ChangeSequence), ("$cb", h.ClassBefore),
                ("$ca", h.ClassAfter), ("$rule", h.Rule), ("$sb", h.ScoreBefore), ("$sa", h.ScoreAfter), ("$lb", h.LevelBefore), ("$la", h.LevelAfter),
                ("$causes", h.Causes));
        }
        await ExecuteAsync(connection, transaction,
            "INSERT INTO watch_meta (name, value) VALUES ('derived_through', $v) ON CONFLICT (name) DO UPDATE SET value = MAX(value, $v)",
            cancellationToken, ("$v", derivedThrough));
        await transaction.CommitAsync(cancellationToken);
        return created;
    }

    public async Task<IReadOnlyList<WatchEvent>> ReadEventsAsync(string listId, long after, int limit, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, null,
            $"SELECT {SqliteWatchSchema.EventColumns} FROM watch_event WHERE list_id = $list AND pos > $after ORDER BY pos LIMIT $limit",
            ("$list", listId), ("$after", after), ("$limit", limit));
        return await ReadEventsAsync(command, cancellationToken);
    }

    public async Task<IReadOnlyList<WatchEvent>> RecentEventsAsync(
        string listId, DateTimeOffset since, string kind, int limit, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, null,
            $"SELECT {SqliteWatchSchema.EventColumns} FROM watch_event WHERE list_id = $list AND kind = $kind AND at >= $since ORDER BY pos LIMIT $limit",
            ("$list", listId), ("$kind", kind), ("$since", Instant(since)), ("$limit", limit));
        return await ReadEventsAsync(command, cancellationToken);
    }

    public async Task<WatchEvent?> FindEventAsync(string eventId, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, null, $"SELECT {SqliteWatchSchema.EventColumns} FROM watch_event WHERE id = $id", ("$id", eventId));
        var events = await ReadEventsAsync(command, cancellationToken);
        return events.Count == 0 ? null : events[0];
    }

    public async Task<long> LatestPositionAsync(string listId, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, null, "SELECT COALESCE(MAX(pos), 0) FROM watch_event WHERE list_id = $list", ("$list", listId));
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public async Task<long> CountEventsSinceAsync(string listId, DateTimeOffset since, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, null, "SELECT COUNT(*) FROM watch_event WHERE list_id = $list AND at >= $since",
            ("$list", listId), ("$since", Instant(since)));
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public async Task<IReadOnlyList<string>> ListsWithRecordEventAsync(string recordId, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, null,
            "SELECT DISTINCT list_id FROM watch_event WHERE record_id = $record AND kind <> 'withdrawal' ORDER BY list_id", ("$record", recordId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var lists = new List<string>();
        while (await reader.ReadAsync(cancellationToken)) lists.Add(reader.GetString(0));
        return lists;
    }

    public async Task<IReadOnlyList<HistoryPoint>> HistoryAsync(string uscc, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, null,
            $"SELECT {SqliteWatchSchema.HistoryColumns} FROM enterprise_history WHERE uscc = $uscc AND at >= $from AND at <= $to ORDER BY at, change_seq, id",
            ("$uscc", uscc), ("$from", Instant(from)), ("$to", Instant(to)));
        await using var r = await command.ExecuteReaderAsync(cancellationToken);
        var points = new List<HistoryPoint>();
        while (await r.ReadAsync(cancellationToken))
        {
            points.Add(new HistoryPoint(r.GetString(0), r.GetString(1), ParseInstant(r.GetString(2)), r.GetInt64(3), Text(r, 4), r.GetString(5),
                Text(r, 6), r.IsDBNull(7) ? null : r.GetDouble(7), r.IsDBNull(8) ? null : r.GetDouble(8), Text(r, 9), Text(r, 10), r.GetString(11)));
        }
        return points;
    }

    public async Task AddWebhookAsync(WebhookSubscription webhook, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await ExecuteAsync(connection, null, "INSERT INTO watch_webhook (id, list_id, url, secret, created_at) VALUES ($id, $list, $url, $secret, $at)",
            cancellationToken, ("$id", webhook.Id), ("$list", webhook.ListId), ("$url", webhook.Url), ("$secret", webhook.Secret), ("$at", Instant(webhook.CreatedAt)));
    }

    public async Task<IReadOnlyList<WebhookSubscription>> WebhooksAsync(string listId, CancellationToken cancellationToken = default) =>
        await ReadWebhooksAsync("list_id", listId, cancellationToken);

    public async Task<WebhookSubscription?> FindWebhookAsync(string id, CancellationToken cancellationToken = default)
    {
        var hooks = await ReadWebhooksAsync("id", id, cancellationToken);
        return hooks.Count == 0 ? null : hooks[0];
    }

    public async Task<IReadOnlyList<WebhookDelivery>> DueDeliveriesAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, null,
            $"SELECT {SqliteWatchSchema.DeliveryColumns} FROM webhook_outbox WHERE state = 'pending' AND next_at <= $now ORDER BY event_pos, id LIMIT $limit",
            ("$now", Instant(now)), ("$limit", limit));
        return await ReadDeliveriesAsync(command, cancellationToken);
    }

    public async Task RecordDeliveryAsync(WebhookDelivery d, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await ExecuteAsync(connection, null, """
            UPDATE webhook_outbox SET attempts = $attempts, next_at = $next, state = $state, last_status = $status, last_error = $error,
                delivered_at = $delivered WHERE id = $id
            """, cancellationToken, ("$attempts", d.Attempts), ("$next", Instant(d.NextAt)), ("$state", d.State), ("$status", d.LastStatus),
            ("$error", d.LastError), ("$delivered", d.DeliveredAt is { } at ? Instant(at) : null), ("$id", d.Id));
    }

    public async Task<IReadOnlyList<WebhookDelivery>> DeliveriesAsync(string webhookId, int limit, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, null,
            $"SELECT {SqliteWatchSchema.DeliveryColumns} FROM webhook_outbox WHERE webhook_id = $id ORDER BY event_pos DESC LIMIT $limit",
            ("$id", webhookId), ("$limit", limit));
        return await ReadDeliveriesAsync(command, cancellationToken);
    }

    private async Task<IReadOnlyList<WebhookSubscription>> ReadWebhooksAsync(string column, string value, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, null,
            $"SELECT id, list_id, url, secret, created_at FROM watch_webhook WHERE {column} = $v ORDER BY created_at, id", ("$v", value));
        await using var r = await command.ExecuteReaderAsync(cancellationToken);
        var hooks = new List<WebhookSubscription>();
        while (await r.ReadAsync(cancellationToken))
            hooks.Add(new WebhookSubscription(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), ParseInstant(r.GetString(4))));
        return hooks;
    }

    private static async Task<IReadOnlyList<WatchEvent>> ReadEventsAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        await using var r = await command.ExecuteReaderAsync(cancellationToken);
        var events = new List<WatchEvent>();
        while (await r.ReadAsync(cancellationToken))
        {
            events.Add(new WatchEvent(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5), r.GetInt64(6),
                ParseInstant(r.GetString(7)), Text(r, 8), r.GetFieldValue<byte[]>(9)));
        }
        return events;
    }

    private static async Task<IReadOnlyList<WebhookDelivery>> ReadDeliveriesAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        await using var r = await command.ExecuteReaderAsync(cancellationToken);
        var deliveries = new List<WebhookDelivery>();
        while (await r.ReadAsync(cancellationToken))
        {
            deliveries.Add(new WebhookDelivery(r.GetString(0), r.GetString(1), r.GetString(2), r.GetInt64(3), r.GetInt32(4), ParseInstant(r.GetString(5)),
                r.GetString(6), r.IsDBNull(7) ? null : r.GetInt32(7), Text(r, 8), r.IsDBNull(9) ? null : ParseInstant(r.GetString(9))));
        }
        return deliveries;
    }

    private async Task<IReadOnlyList<WatchList>> ReadListsAsync(string sql, string? parameter, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, null, sql, ("$p", parameter));
        await using var r = await command.ExecuteReaderAsync(cancellationToken);
        var lists = new List<WatchList>();
        while (await r.ReadAsync(cancellationToken))
        {
            lists.Add(new WatchList(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetInt32(4), Text(r, 5),
                ParseInstant(r.GetString(6)), r.GetInt32(7), r.GetInt64(8)));
        }
        return lists;
    }

    private static async Task WriteMembersAsync(
        SqliteConnection connection, SqliteTransaction transaction, string listId, IReadOnlyList<string> members, bool remove, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, remove
            ? "DELETE FROM watch_member WHERE list_id = $list AND uscc = $uscc"
            : "INSERT OR IGNORE INTO watch_member (list_id, uscc) VALUES ($list, $uscc)", ("$list", listId));
        var uscc = command.Parameters.Add("$uscc", SqliteType.Text);
        command.Prepare();
        foreach (string member in members)
        {
            uscc.Value = member;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static Task BumpVersionAsync(SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken) =>
        ExecuteAsync(connection, transaction,
            "INSERT INTO watch_meta (name, value) VALUES ('lists_version', 1) ON CONFLICT (name) DO UPDATE SET value = value + 1", cancellationToken);

    private async Task<long> MetaAsync(string name, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, null, "SELECT COALESCE(MAX(value), 0) FROM watch_meta WHERE name = $n", ("$n", name));
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return command;
    }

    private static async Task<int> ExecuteAsync(
        SqliteConnection connection, SqliteTransaction? transaction, string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(connection, transaction, sql, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static string? Text(SqliteDataReader reader, int column) => reader.IsDBNull(column) ? null : reader.GetString(column);

    /// <summary>UTC, fixed width: stored instants compare correctly as text.</summary>
    internal static string Instant(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    private static DateTimeOffset ParseInstant(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        return await SqliteConnections.OpenAsync(_connectionString, cancellationToken);
    }
}
