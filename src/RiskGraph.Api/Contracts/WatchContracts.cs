using System.Text.Json;
using System.Text.Json.Serialization;
using RiskGraph.Model.Monitoring;

namespace RiskGraph.Api.Contracts;

/// <param name="Members">USCCs to watch, at most 100,000.</param>
/// <param name="Radius">0: the members only; 1 or 2: also the enterprises within that many hops (default 0).</param>
/// <param name="MinLevel">Only events on enterprises at this warning level or above: low, medium, high or critical.</param>
public sealed record CreateWatchListRequest(string? Name, IReadOnlyList<string>? Members, int? Radius, string? MinLevel);

public sealed record WatchMembersRequest(IReadOnlyList<string>? Members);

/// <param name="Members">The members (in the answer of a single list only).</param>
/// <param name="NotFound">Members not in the store now: kept, and watched once they are imported.</param>
public sealed record WatchListResponse(
    string Id, string Name, int Radius, string? MinLevel, int MemberCount, string Owner, string Department, DateTimeOffset CreatedAt,
    IReadOnlyList<string>? Members, IReadOnlyList<string>? NotFound);

public sealed record WatchListsResponse(IReadOnlyList<WatchListResponse> Items, int Page, int PageSize, int Total);

public sealed record WatchMembersResponse(string Id, int MemberCount, IReadOnlyList<string> NotFound);

/// <param name="Cursor">Pass as after to read the events that follow this one.</param>
/// <param name="Member">The watched member the event reaches.</param>
/// <param name="Enterprise">Where it happened (the member, or an enterprise within the radius).</param>
/// <param name="Path">The typed path from the member to the enterprise: nodes and edges, as in alerts.</param>
/// <param name="Detail">What happened: the kind's before and after values, the record, the reasons that moved most.</param>
public sealed record WatchEventResponse(
    string Id, string Cursor, string WatchlistId, string Kind, string Member, string Enterprise, long ChangeSequence, DateTimeOffset At,
    string? RecordId, JsonElement Path, JsonElement Detail);

/// <param name="NextCursor">Pass as after to read on (the given cursor again when nothing followed).</param>
public sealed record WatchEventsResponse(IReadOnlyList<WatchEventResponse> Items, string NextCursor, bool HasMore);

public sealed record WebhookRequest(string? Url);

/// <param name="Secret">The signing secret, shown only in this answer.</param>
public sealed record WebhookCreatedResponse(string Id, string WatchlistId, string Url, string Secret, string SignatureHeader, DateTimeOffset CreatedAt);

public sealed record WebhookDeliveryResponse(
    string EventId, string State, int Attempts, int? LastStatus, string? LastError, DateTimeOffset NextAt, DateTimeOffset? DeliveredAt);

public sealed record WebhookResponse(string Id, string WatchlistId, string Url, DateTimeOffset CreatedAt, IReadOnlyList<WebhookDeliveryResponse> Deliveries);

public sealed record WebhooksResponse(IReadOnlyList<WebhookResponse> Items, int Page, int PageSize, int Total);

/// <param name="ByLevel">Members by warning level (empty before a model is trained).</param>
/// <param name="ByClass">Members by credit class.</param>
/// <param name="BiggestMovers">Watched enterprises whose score moved most over the last 30 days' level crossings.</param>
public sealed record WatchSummaryResponse(
    string WatchlistId, int Members, int MembersInStore, IReadOnlyDictionary<string, int> ByLevel, IReadOnlyDictionary<string, int> ByClass,
    [property: JsonPropertyName("events_last_7_days")] long EventsLast7Days, [property: JsonPropertyName("events_last_30_days")] long EventsLast30Days, IReadOnlyList<WatchMoverResponse> BiggestMovers);

public sealed record WatchMoverResponse(string Uscc, string Name, double ScoreBefore, double Score, double Change, string? Level, string CreditClass);

public sealed record HistoryStateResponse(string CreditClass, double? Score, string? Level, long Sequence);

/// <param name="Causes">The records written in the change that moved the enterprise, with their current status.</param>
public sealed record HistoryPointResponse(
    DateTimeOffset At, long ChangeSequence, string? ClassBefore, string ClassAfter, string? Rule, double? ScoreBefore, double? ScoreAfter,
    string? LevelBefore, string? LevelAfter, IReadOnlyList<HistoryCauseResponse> Causes);

public sealed record HistoryCauseResponse(string RecordId, string? Type, string? Status);

/// <param name="Current">The class, score and level served now.</param>
/// <param name="Points">Every class change and level crossing in the range, oldest first.</param>
public sealed record HistoryResponse(string Uscc, string Name, DateTimeOffset From, DateTimeOffset To, HistoryStateResponse Current, IReadOnlyList<HistoryPointResponse> Points);

public static class WatchContracts
{
    public static WatchListResponse ToResponse(this WatchList list, IReadOnlyList<string>? members = null, IReadOnlyList<string>? notFound = null) =>
        new(list.Id, list.Name, list.Radius, list.MinLevel, list.MemberCount, list.Owner, list.Department, list.CreatedAt, members, notFound);

    /// <summary>The stored detail with its path lifted out: the path is part of every event, the rest depends on the kind.</summary>
    public static WatchEventResponse ToResponse(WatchEvent e)
    {
        using var document = JsonDocument.Parse(e.Detail);
        var root = document.RootElement;
        JsonElement path = root.TryGetProperty("path", out var p) ? p.Clone() : default;
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var property in root.EnumerateObject())
                if (property.Name != "path") property.WriteTo(writer);
            writer.WriteEndObject();
        }
        using var detail = JsonDocument.Parse(buffer.WrittenMemory);
        return new WatchEventResponse(e.Id, Cursor(e.Position), e.ListId, e.Kind, e.Member, e.Enterprise, e.ChangeSequence, e.At, e.RecordId,
            path, detail.RootElement.Clone());
    }

    public static string Cursor(long position) => position.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static WebhookDeliveryResponse ToResponse(this WebhookDelivery d) =>
        new(d.EventId, d.State, d.Attempts, d.LastStatus, d.LastError, d.NextAt, d.DeliveredAt);
}
