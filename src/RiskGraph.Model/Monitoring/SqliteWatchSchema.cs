namespace RiskGraph.Model.Monitoring;

/// <summary>The monitoring tables inside the embedded store's file (beside the graph's, outside its change feed).</summary>
internal static class SqliteWatchSchema
{
    public const string CreateSql = """
        CREATE TABLE IF NOT EXISTS watch_list (
            id TEXT PRIMARY KEY, name TEXT NOT NULL, owner TEXT NOT NULL, department TEXT NOT NULL, radius INTEGER NOT NULL,
            min_level TEXT, created_at TEXT NOT NULL, revision INTEGER NOT NULL DEFAULT 0) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS watch_list_owner ON watch_list (owner);
        CREATE TABLE IF NOT EXISTS watch_member (list_id TEXT NOT NULL, uscc TEXT NOT NULL, PRIMARY KEY (list_id, uscc)) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS watch_meta (name TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS watch_event (
            pos INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, list_id TEXT NOT NULL, member TEXT NOT NULL,
            enterprise TEXT NOT NULL, kind TEXT NOT NULL, change_seq INTEGER NOT NULL, at TEXT NOT NULL, record_id TEXT, detail TEXT NOT NULL);
        CREATE INDEX IF NOT EXISTS watch_event_list ON watch_event (list_id, pos);
        CREATE INDEX IF NOT EXISTS watch_event_record ON watch_event (record_id);
        CREATE TABLE IF NOT EXISTS enterprise_history (
            id TEXT PRIMARY KEY, uscc TEXT NOT NULL, at TEXT NOT NULL, change_seq INTEGER NOT NULL, class_before TEXT, class_after TEXT NOT NULL,
            rule TEXT, score_before REAL, score_after REAL, level_before TEXT, level_after TEXT, causes TEXT NOT NULL) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS enterprise_history_uscc ON enterprise_history (uscc, at);
        CREATE TABLE IF NOT EXISTS watch_webhook (
            id TEXT PRIMARY KEY, list_id TEXT NOT NULL, url TEXT NOT NULL, secret TEXT NOT NULL, created_at TEXT NOT NULL) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS watch_webhook_list ON watch_webhook (list_id);
        CREATE TABLE IF NOT EXISTS webhook_outbox (
            id TEXT PRIMARY KEY, webhook_id TEXT NOT NULL, event_id TEXT NOT NULL, event_pos INTEGER NOT NULL, attempts INTEGER NOT NULL,
            next_at TEXT NOT NULL, state TEXT NOT NULL, last_status INTEGER, last_error TEXT, delivered_at TEXT) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS webhook_outbox_due ON webhook_outbox (state, next_at);
        CREATE INDEX IF NOT EXISTS webhook_outbox_webhook ON webhook_outbox (webhook_id, event_pos);
        """;

    public const string ListColumns =
        "l.id, l.name, l.owner, l.department, l.radius, l.min_level, l.created_at, (SELECT COUNT(*) FROM watch_member m WHERE m.list_id = l.id), l.revision";

    public const string EventColumns = "pos, id, list_id, member, enterprise, kind, change_seq, at, record_id, detail";

    public const string DeliveryColumns = "id, webhook_id, event_id, event_pos, attempts, next_at, state, last_status, last_error, delivered_at";

    public const string HistoryColumns =
        "id, uscc, at, change_seq, class_before, class_after, rule, score_before, score_after, level_before, level_after, causes";
}
