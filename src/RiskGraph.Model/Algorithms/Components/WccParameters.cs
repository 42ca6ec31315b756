
namespace RiskGraph.Model.Algorithms.Components;

/// <summary>Weakly connected components take no tuning; the record exists so every algorithm has the same shape.</summary>
public sealed record WccParameters
{
    public void Validate()
    {
    }
}
