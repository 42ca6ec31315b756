namespace RiskGraph.Model.Audit;

/// <summary>
/// One registered query or write (查询登记, seed-requirements R224–R233): who (the authenticated principal, never a
/// header the caller chose), for which department and purpose, when, what was asked and what was returned; for writes
/// the record's status before and after. <see cref="PrevHash"/> and <see cref="Hash"/> chain the entries, so a changed
/// or removed row breaks the chain at that point.
/// </summary>
/// <param name="Id">Position in the chain, from 1; assigned when the entry is committed.</param>
/// <param name="Action">read, write or denied.</param>
/// <param name="Subject">The USCC, person key or search the entry is about (bounded in length).</param>
/// <param name="Returned">A short summary of the answer, never its payload.</param>
public sealed record AuditEntry(
    long Id, DateTimeOffset At, string Actor, string Department, string Role, string Purpose, string Action,
    string Method, string Path, string Subject, int Status, string Returned, string? Before = null, string? After = null,
    string PrevHash = "", string Hash = "")
{
    /// <summary>Longest text kept in any field: a rejected 25 MB request still writes one short row.</summary>
    public const int MaxFieldLength = 512;

    /// <summary>A batch lists every code it asked for (1,000 USCCs and commas fit); other subjects are one code.</summary>
    public const int MaxSubjectLength = 20_000;

    /// <summary>The subject of a batch query starts with this, followed by the codes, comma-separated.</summary>
    public const string BatchPrefix = "batch:";

    /// <summary>The entry with every text field cut to <see cref="MaxFieldLength"/> characters.</summary>
    public AuditEntry Bounded() => this with
    {
        Actor = Cut(Actor), Department = Cut(Department), Role = Cut(Role), Purpose = Cut(Purpose), Action = Cut(Action),
        Method = Cut(Method), Path = Cut(Path), Subject = Cut(Subject, MaxSubjectLength), Returned = Cut(Returned),
        Before = Before is null ? null : Cut(Before), After = After is null ? null : Cut(After),
    };

    private static string Cut(string text, int max = MaxFieldLength) => text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "…");
}

/// <summary>Which entries to read: a time range, an actor, a subject; newest first, one page at a time.</summary>
public sealed record AuditQuery(DateTimeOffset? From, DateTimeOffset? To, string? Actor, string? Subject, int Page, int PageSize);

/// <summary>One page of entries and how many match in all.</summary>
public sealed record AuditPage(IReadOnlyList<AuditEntry> Entries, long Total);

/// <summary>The outcome of recomputing the chain: how many entries were checked and the first that does not hold, if any.</summary>
public sealed record AuditVerification(long Checked, long? FirstBrokenId, string? Problem)
{
    public bool Intact => FirstBrokenId is null;
}
