using RiskGraph.Model.Features;
using RiskGraph.Model.Graph;
using RiskGraph.Model.Scoring;
using RiskGraph.Model.Storage;

namespace RiskGraph.Model.Serving;

/// <summary>One served state: the snapshot, its analytics and scores (null before a model is trained), and the change-feed sequence it reflects.</summary>
public sealed record ServingPoint(GraphSnapshot? Snapshot, GraphAnalytics? Analytics, ScoredGraph? Scored, long Sequence);

/// <summary>
/// The served state moved from <see cref="Before"/> to <see cref="After"/>; <see cref="Changes"/> are the change-feed
/// entries committed between their sequences, oldest first. Listeners derive what happened from these three without
/// rebuilding anything. <see cref="Before"/> is null for the first state a process serves (nothing to compare with).
/// </summary>
/// <param name="At">When the new state began to be served.</param>
/// <param name="ChangedEnterprises">
/// The enterprises (ascending ids) whose class or score may differ between the two states, when the state moved in
/// place; null when it was rebuilt, and then every enterprise is compared.
/// </param>
public sealed record ServingTransition(
    ServingPoint? Before, ServingPoint After, IReadOnlyList<StoreChange> Changes, DateTimeOffset At, IReadOnlyList<int>? ChangedEnterprises = null)
{
    /// <summary>True when the model changed but the data did not (an activation): scores move without any risk event.</summary>
    public bool IsModelSwitch =>
        Before?.Scored is { } before && After.Scored is { } after && before.ModelVersion != after.ModelVersion;
}
