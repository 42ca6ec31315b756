namespace RiskGraph.Model.Storage;

/// <summary>What <see cref="IGraphStore.AppendOnceAsync{T}"/> did.</summary>
/// <param name="Appended">This call stored its decision; false when a decision on the same subject was stored before.</param>
/// <param name="Stored">The decision the store holds: this call's when appended, otherwise the earlier one.</param>
/// <param name="Sequence">The change-feed number of the append; 0 when nothing was appended.</param>
public sealed record OnceWrite<T>(bool Appended, T Stored, long Sequence = 0) where T : class;
