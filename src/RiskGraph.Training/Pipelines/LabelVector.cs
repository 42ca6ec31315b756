using RiskGraph.Model.Domain;
using RiskGraph.Model.Graph;
using RiskGraph.Model.Storage;

namespace RiskGraph.Training.Pipelines;

/// <summary>Training labels aligned with enterprise ids: 1 risky, 0 not, -1 unknown.</summary>
public sealed class LabelVector(sbyte[] values)
{
    public sbyte[] Values { get; } = values;

    public bool IsRisky(int enterprise) => Values[enterprise] == 1;

    public static async Task<LabelVector> LoadAsync(IGraphStore store, GraphSnapshot snapshot, CancellationToken cancellationToken = default)
    {
        var values = new sbyte[snapshot.EnterpriseCount];
        Array.Fill(values, (sbyte)-1);
        await foreach (var label in store.ReadAllAsync<RiskLabel>(cancellationToken))
        {
            int id = snapshot.Ids.IdOf(label.Uscc);
            if (id != IdMap.NotFound) values[id] = label.Risky ? (sbyte)1 : (sbyte)0;
        }
        return new LabelVector(values);
    }
}
