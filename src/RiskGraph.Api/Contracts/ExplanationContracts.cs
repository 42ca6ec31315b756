namespace RiskGraph.Api.Contracts;

/// <summary>
/// One feature of the served model for one enterprise: its value, its contribution to the raw score (log-odds),
/// whether it raises or lowers the risk, its share of the whole movement away from the bias, and the median of
/// the same feature over the enterprise's industry (the peer comparison an analyst reads it against).
/// </summary>
public sealed record ExplanationFactor(
    string Feature, string Description, double Value, double Contribution, string Direction, double ShareOfMovement,
    double IndustryMedian);

/// <param name="Peers">Enterprises of the same industry the medians are taken over (the enterprise included).</param>
/// <param name="Factors">Every feature with a non-zero contribution, largest movement first.</param>
public sealed record ExplanationResponse(
    string Uscc, string Industry, int Peers, double Score, string Level, double Bias, double RawScore, string ModelVersion,
    DateOnly AsOf, IReadOnlyList<ExplanationFactor> Factors);
