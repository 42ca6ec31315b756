
namespace RiskGraph.Model.Algorithms.SupplyChain;

public enum ChainDirection
{
    /// <summary>A supplier, a supplier's supplier, ...</summary>
    Upstream,

    /// <summary>A buyer, a buyer's buyer, ...</summary>
    Downstream,
}
