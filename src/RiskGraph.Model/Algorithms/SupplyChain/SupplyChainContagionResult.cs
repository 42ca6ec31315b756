
namespace RiskGraph.Model.Algorithms.SupplyChain;

/// <summary>
/// Supply-chain risk per enterprise id. Each side is Σ over hops h of decay^h × the amount-weighted share of
/// risky enterprises h links away on that side, so 0.5 with decay 0.5 means "all direct suppliers are risky".
/// </summary>
/// <param name="UpstreamRisk">Risk arriving from suppliers, their suppliers, ... (links followed against the flow of goods).</param>
/// <param name="DownstreamRisk">Risk arriving from buyers, their buyers, ...</param>
/// <param name="Score">UpstreamWeight × UpstreamRisk + DownstreamWeight × DownstreamRisk.</param>
public sealed record SupplyChainContagionResult(double[] UpstreamRisk, double[] DownstreamRisk, double[] Score)
{
    public static SupplyChainContagionResult Empty { get; } = new([], [], []);
}
