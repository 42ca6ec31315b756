using System.Text;
using System.Text.Json;
using RiskGraph.Model.Storage.Neo4j;
using static RiskGraph.Model.Storage.Neo4j.Neo4jJson;

namespace RiskGraph.Model.Monitoring;

/// <summary>
/// The monitoring data on the Neo4j server of the graph store: :WatchList nodes (members as a list property),
/// :WatchEvent, :EnterpriseHistory, :WatchWebhook and :WebhookOutbox nodes, and :WatchCounter/:WatchMeta nodes for
/// positions and cursors. Writes that number or check run in one explicit transaction that first write-locks a
/// counter or the list node, so concurrent processes serialize on it exactly as SQLite's write lock does.
/// </summary>
public sealed partial class Neo4jWatchStore(Neo4jGraphStore graphStore) : IWatchStore
{
    private const string ListReturn = "l.id, l.name, l.owner, l.department, l.radius, l.min_level, l.created_at, size(l.members), l.revision";
    private const string EventReturn = "e.pos, e.id, e.list_id, e.member, e.enterprise, e.kind, e.change_seq, e.at, e.record_id, e.detail";
    private const string DeliveryReturn = "d.id, d.webhook_id, d.event_id, d.event_pos, d.attempts, d.next_at, d.state, d.last_status, d.last_error, d.delivered_at";
    private const string HistoryReturn =
        "h.id, h.uscc, h.at, h.change_seq, h.class_before, h.class_after, h.rule, h.score_before, h.score_after, h.level_before, h.level_after, h.causes";

    private static readonly (string Label, string Property, bool Unique)[] Keys =
    [
        ("WatchList", "id", true), ("WatchEvent", "id", true), ("EnterpriseHistory", "id", true), ("WatchWebhook", "id", true),
        ("WebhookOutbox", "id", true), ("WatchCounter", "name", true), ("WatchMeta", "name", true),
        ("WatchList", "owner", false), ("WatchEvent", "list_id", false), ("WatchEvent", "record_id", false), ("EnterpriseHistory", "uscc", false),
        ("WatchWebhook", "list_id", false), ("WebhookOutbox", "state", false), ("WebhookOutbox", "webhook_id", false),
    ];

    private readonly Neo4jHttpClient _client = graphStore.Client;

    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        await _client.ConnectAsync(cancellationToken);
        bool named = _client.ServerVersion >= new Version(4, 4);
        foreach (var (label, property, unique) in Keys)
        {
            string name = $"watch_{label.ToLowerInvariant()}_{property}";
            string ddl = (unique, named) switch
            {
                (true, true) => $"CREATE CONSTRAINT {name} IF NOT EXISTS FOR (n:{label}) REQUIRE n.{property} IS UNIQUE",
                (true, false) => $"CREATE CONSTRAINT ON (n:{label}) ASSERT n.{property} IS UNIQUE",
                (false, true) => $"CREATE INDEX {name} IF NOT EXISTS FOR (n:{label}) ON (n.{property})",
                _ => $"CREATE INDEX ON :{label}({property})",
            };
            try
            {
                await _client.RunAsync(new Neo4jStatement(ddl), cancellationToken);
            }
            catch (Neo4jException e) when (Neo4jSchema.AlreadyExists(e))
            {
                // Present already.
            }
        }
    }

    public async Task CreateListAsync(WatchList list, IReadOnlyList<string> members, CancellationToken cancellationToken = default)
    {
        await _client.RunAsync([
            new Neo4jStatement("""
                CREATE (l:WatchList {id: $id, name: $name, owner: $owner, department: $dept, radius: $radius, min_level: $min, created_at: $at,
                                     revision: 0, members: $members})
                """, P(("id", list.Id), ("name", list.Name), ("owner", list.Owner), ("dept", list.Department), ("radius", list.Radius),
                ("min", list.MinLevel), ("at", SqliteWatchStore.Instant(list.CreatedAt)), ("members", members.ToArray()))),
            BumpVersion,
        ], cancellationToken);
    }

    public async Task<WatchList?> FindListAsync(string id, CancellationToken cancellationToken = default)
    {
        var result = await _client.RunAsync(new Neo4jStatement($"MATCH (l:WatchList {{id: $id}}) RETURN {ListReturn}", P(("id", id))), cancellationToken);
        return result.Rows.Count == 0 ? null : ReadList(result.Rows[0]);
    }

    public async Task<IReadOnlyList<WatchList>> ListsAsync(string? owner, CancellationToken cancellationToken = default)
    {
        var result = await _client.RunAsync(new Neo4jStatement(
            $"MATCH (l:WatchList) WHERE $owner IS NULL OR l.owner = $owner RETURN {ListReturn} ORDER BY l.created_at, l.id", P(("owner", owner))), cancellationToken);
        return result.Rows.Select(ReadList).ToArray();
    }

    public async Task<IReadOnlyList<string>> MembersAsync(string listId, CancellationToken cancellationToken = default)
    {
        var result = await _client.RunAsync(new Neo4jStatement("MATCH (l:WatchList {id: $id}) RETURN l.members", P(("id", listId))), cancellationToken);
        if (result.Rows.Count == 0) return [];
        var members = result.Rows[0][0].EnumerateArray().Select(Text).ToArray();
        Array.Sort(members, StringComparer.Ordinal);
        return members;
    }

    public async Task<int> ChangeMembersAsync(string listId, IReadOnlyList<string> members, bool remove, CancellationToken cancellationToken = default)
    {
        await using var transaction = await _client.BeginTransactionAsync(cancellationToken);
        // The SET write-locks the list: a concurrent change waits, then reads what this one wrote.
        var read = await transaction.RunAsync([new Neo4jStatement(
            "MATCH (l:WatchList {id: $id}) SET l.revision = l.revision + 1 RETURN l.members", P(("id", listId)))], cancellationToken);
        if (read[0].Rows.Count == 0) return 0;
        var set = new HashSet<string>(read[0].Rows[0][0].EnumerateArray().Select(Text), StringComparer.Ordinal);
        foreach (string m in members)
        {
            if (remove) set.Remove(m);
            else set.Add(m);
        }
        await transaction.CommitAsync([
            new Neo4jStatement("MATCH (l:WatchList {id: $id}) SET l.members = $members", P(("id", listId), ("members", set.ToArray()))), BumpVersion,
        ], cancellationToken);
        return set.Count;
    }

    public async Task<bool> DeleteListAsync(string id, CancellationToken cancellationToken = default)
    {
        var results = await _client.RunAsync([
            new Neo4jStatement("OPTIONAL MATCH (l:WatchList {id: $id}) RETURN count(l)", P(("id", id))),
            new Neo4jStatement("""
                MATCH (w:WatchWebhook {list_id: $id}) OPTIONAL MATCH (d:WebhookOutbox {webhook_id: w.id}) DETACH DELETE d, w
                """, P(("id", id))),
            new Neo4jStatement("MATCH (e:WatchEvent {list_id: $id}) DETACH DELETE e", P(("id", id))),
            new Neo4jStatement("MATCH (l:WatchList {id: $id}) DETACH DELETE l", P(("id", id))),
            BumpVersion,
        ], cancellationToken);
        return Integer(results[0].Rows[0][0]) > 0;
    }

    public Task<long> ListsVersionAsync(CancellationToken cancellationToken = default) => MetaAsync("lists_version", cancellationToken);

    public Task<long> DerivedThroughAsync(CancellationToken cancellationToken = default) => MetaAsync("derived_through", cancellationToken);

    private async Task<long> MetaAsync(string name, CancellationToken cancellationToken)
    {
        var result = await _client.RunAsync(new Neo4jStatement("MATCH (m:WatchMeta {name: $name}) RETURN m.value", P(("name", name))), cancellationToken);
        return result.Rows.Count == 0 ? 0 : Integer(result.Rows[0][0]);
    }

    private static Neo4jStatement BumpVersion => new(
        "MERGE (m:WatchMeta {name: 'lists_version'}) ON CREATE SET m.value = 0 SET m.value = m.value + 1");

    internal static IReadOnlyDictionary<string, object?> P(params (string Name, object? Value)[] values)
    {
        var map = new Dictionary<string, object?>(values.Length);
        foreach (var (name, value) in values) map[name] = value;
        return map;
    }

    private static WatchList ReadList(JsonElement r) =>
        new(Text(r[0]), Text(r[1]), Text(r[2]), Text(r[3]), (int)Integer(r[4]), NullableText(r[5]), Instant(r[6]), (int)Integer(r[7]), Integer(r[8]));

    internal static WatchEvent ReadEvent(JsonElement r) =>
        new(Integer(r[0]), Text(r[1]), Text(r[2]), Text(r[3]), Text(r[4]), Text(r[5]), Integer(r[6]), Instant(r[7]), NullableText(r[8]), Encoding.UTF8.GetBytes(Text(r[9])));

    internal static WebhookDelivery ReadDelivery(JsonElement r) =>
        new(Text(r[0]), Text(r[1]), Text(r[2]), Integer(r[3]), (int)Integer(r[4]), Instant(r[5]), Text(r[6]),
            r[7].ValueKind == JsonValueKind.Null ? null : (int)Integer(r[7]), NullableText(r[8]), NullableInstant(r[9]));

    internal static HistoryPoint ReadHistory(JsonElement r) =>
        new(Text(r[0]), Text(r[1]), Instant(r[2]), Integer(r[3]), NullableText(r[4]), Text(r[5]), NullableText(r[6]), NullableFloat(r[7]),
            NullableFloat(r[8]), NullableText(r[9]), NullableText(r[10]), Text(r[11]));
}
