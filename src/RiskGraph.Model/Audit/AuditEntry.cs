namespace RiskGraph.Model.Audit;

/// <summary>One query of an enterprise or person: who asked, why, when, what for, and what was returned.</summary>
public sealed record AuditEntry(
    long Id, DateTimeOffset At, string Requester, string Purpose, string Method, string Path, string Subject, int Status, string Returned);
