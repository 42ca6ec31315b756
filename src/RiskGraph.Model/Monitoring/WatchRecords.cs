namespace RiskGraph.Model.Monitoring;

/// <summary>
/// A watch list: enterprises a principal follows, and with <see cref="Radius"/> 1 or 2 also the enterprises within
/// that many hops of them. Owned by the principal (and department) that created it: nobody else sees it.
/// </summary>
/// <param name="Revision">Grows with every change of the members: an index built on an older revision is stale.</param>
/// <param name="MinLevel">Only events on enterprises at this warning level or above (null: every event).</param>
public sealed record WatchList(
    string Id, string Name, string Owner, string Department, int Radius, string? MinLevel, DateTimeOffset CreatedAt, int MemberCount, long Revision = 0)
{
    public const int MaxMembers = 100_000;
    public const int MaxRadius = 2;
}

/// <summary>
/// A risk event for one watch list, as stored. <see cref="Position"/> is the store's order (the feed cursor);
/// <see cref="Id"/> is derived from what happened, so deriving it twice (another replica, a restart) stores it once.
/// </summary>
/// <param name="Member">The watched member the event reaches.</param>
/// <param name="Enterprise">Where it happened: the member itself or an enterprise within the radius.</param>
/// <param name="RecordId">The penalty, list entry or commitment that raised it, else null.</param>
/// <param name="Detail">JSON object as UTF-8, as it is stored and sent: the kind's before/after values and the typed path from member to enterprise.</param>
public sealed record WatchEvent(
    long Position, string Id, string ListId, string Member, string Enterprise, string Kind, long ChangeSequence, DateTimeOffset At,
    string? RecordId, byte[] Detail);

/// <summary>One class change or warning-level crossing of an enterprise, kept for its history.</summary>
/// <param name="Causes">JSON array of the record keys written in the change that moved it.</param>
public sealed record HistoryPoint(
    string Id, string Uscc, DateTimeOffset At, long ChangeSequence, string? ClassBefore, string ClassAfter, string? Rule,
    double? ScoreBefore, double? ScoreAfter, string? LevelBefore, string? LevelAfter, string Causes);

/// <summary>A webhook of a watch list: every new event of the list is posted to <see cref="Url"/>, signed with <see cref="Secret"/>.</summary>
public sealed record WebhookSubscription(string Id, string ListId, string Url, string Secret, DateTimeOffset CreatedAt);

/// <summary>One event to deliver to one webhook: the outbox row, kept until delivered or given up, with its outcome.</summary>
/// <param name="State">pending, delivered or failed (retries exhausted).</param>
public sealed record WebhookDelivery(
    string Id, string WebhookId, string EventId, long EventPosition, int Attempts, DateTimeOffset NextAt, string State,
    int? LastStatus, string? LastError, DateTimeOffset? DeliveredAt);

/// <summary>The event kinds, as the API names them.</summary>
public static class WatchEventKinds
{
    public const string Penalty = "penalty";
    public const string ListEntry = "list_entry";
    public const string ListExit = "list_exit";
    public const string CommitmentBreached = "commitment_breached";
    public const string ClassChange = "class_change";
    public const string LevelCrossing = "level_crossing";
    public const string ControllerChange = "controller_change";
    public const string MajorShareholderChange = "major_shareholder_change";
    public const string DishonestRelation = "dishonest_relation";
    public const string Withdrawal = "withdrawal";

    public static readonly string[] All =
        [Penalty, ListEntry, ListExit, CommitmentBreached, ClassChange, LevelCrossing, ControllerChange, MajorShareholderChange, DishonestRelation, Withdrawal];
}
