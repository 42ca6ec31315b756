namespace RiskGraph.Model.Credit;

/// <summary>A rule that matched, and the records that made it match.</summary>
public sealed record RuleMatch(CreditRule Rule, IReadOnlyList<string> RecordIds);

/// <summary>The class and every rule that matched, most severe first; the first rule decided the class.</summary>
public sealed record CreditClassification(CreditClass Class, IReadOnlyList<RuleMatch> Matches)
{
    public RuleMatch Decisive => Matches[0];
}
