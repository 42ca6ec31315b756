namespace RiskGraph.Model.Storage;

/// <summary>What <see cref="IGraphStore.AppendOnceAsync{T}"/> did.</summary>
/// <param name="Appended">This call stored its decision; false when a decision on the same subject was stored before.</param>
/// <param name="Stored">The decision the store holds: this call's when appended, otherwise the earlier one.</param>
public sealed record OnceWrite<T>(bool Appended, T Stored) where T : class;
