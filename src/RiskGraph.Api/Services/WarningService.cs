using Microsoft.Extensions.Options;
using RiskGraph.Api.Options;
using RiskGraph.Api.Replication;
using RiskGraph.Model;
using RiskGraph.Model.Features;
using RiskGraph.Model.Graph;
using RiskGraph.Model.Scoring;
using RiskGraph.Model.Storage;

namespace RiskGraph.Api.Services;

/// <summary>
/// Holds what the API answers from: the graph snapshot with its credit ledger and, once a model is trained, the
/// scored graph. Loading builds a complete new state and swaps one reference, so requests never see a
/// half-built or mixed state and need no locks.
/// </summary>
public sealed class WarningService(
    RiskGraphHome home, IGraphStore store, CreditClock clock, IOptions<RiskGraphOptions> options, ILogger<WarningService> logger,
    IAnalyticsCoordinator analyticsCoordinator)
{
    // Sequence: the store's change-feed number that the state reflects (every write up to it, maybe a few after).
    private sealed record ServingState(GraphSnapshot? Snapshot, GraphAnalytics? Analytics, ScoredGraph? Scored, string? Problem, long Sequence = 0);

    private readonly SemaphoreSlim _reloading = new(1, 1);
    private volatile ServingState _state = new(null, null, null, "loading");
    private bool _schemaReady;

    private GraphAnalyticsParameters AnalyticsParameters => new(Concurrency: options.Value.AnalyticsConcurrency);

    /// <summary>The scored graph, or null when no model is trained (see <see cref="Problem"/>).</summary>
    public ScoredGraph? Current => _state.Scored;

    /// <summary>The graph and credit ledger being served; present whenever the store could be read.</summary>
    public GraphSnapshot? Snapshot => _state.Snapshot;

    /// <summary>Communities, contagion and cross-boundary counts of <see cref="Snapshot"/>.</summary>
    public GraphAnalytics? Analytics => _state.Analytics;

    /// <summary>The change-feed sequence the served state reflects: every write with a number up to it is in every output.</summary>
    public long Sequence => _state.Sequence;

    /// <summary>Why no warnings can be served, or null when they can.</summary>
    public string? Problem => _state.Problem;

    /// <summary>
    /// Rebuilds from the store and the active model; one load at a time, so a burst of writes cannot interleave.
    /// Returns when the new state is being served, which is what lets a repair vanish "at once" from every output.
    /// </summary>
    public async Task LoadAsync(CancellationToken cancellationToken = default)
    {
        await _reloading.WaitAsync(cancellationToken);
        try
        {
            _state = await BuildStateAsync(cancellationToken);
        }
        finally
        {
            _reloading.Release();
        }
    }

    /// <summary>
    /// Switches the served model without touching the snapshot: the new scored graph is built completely, then
    /// the pointer file is written and the state swapped. Requests in flight keep the state they started with.
    /// </summary>
    /// <exception cref="ModelIncompatibleException">The model's feature schema differs from the one this code computes.</exception>
    public async Task ActivateAsync(string version, CancellationToken cancellationToken = default)
    {
        await _reloading.WaitAsync(cancellationToken);
        try
        {
            var registry = new ModelRegistry(home);
            var model = WarningModel.Load(registry.FolderOf(version));
            if (!model.Schema.SameLayoutAs(FeatureSchema.Current))
                throw new ModelIncompatibleException(
                    $"Model {version} was trained on feature schema {model.Schema.Version} ({model.Schema.Count} features); this service computes " +
                    $"schema {FeatureSchema.Current.Version} ({FeatureSchema.Current.Count} features). Retrain it with the current code.");
            var snapshot = _state.Snapshot ?? await GraphSnapshotLoader.LoadAsync(store, clock.Today, cancellationToken, clock.Periods);
            var analytics = _state.Analytics ?? await analyticsCoordinator.ObtainAsync(snapshot, AnalyticsParameters, cancellationToken);
            var scored = await Task.Run(() => ScoredGraph.Build(snapshot, model, version, analytics), cancellationToken);
            registry.Activate(version);
            _state = new ServingState(snapshot, analytics, scored, null, _state.Sequence);
            logger.LogInformation("Activated model {Version}", version);
        }
        finally
        {
            _reloading.Release();
        }
    }

    /// <summary>
    /// True when the store's change feed has moved past the served state (a write from the CLI, another API process
    /// or this one, on either kind of store), or once the clock has passed the served day, so publication periods
    /// end on time in a long-running service. The follower then reloads, without a restart.
    /// </summary>
    public async Task<bool> StoreChangedSinceLoadAsync(CancellationToken cancellationToken) =>
        (_state.Snapshot is { } served && served.AsOf != clock.Today) || await store.LatestSequenceAsync(cancellationToken) > _state.Sequence;

    private async Task<ServingState> BuildStateAsync(CancellationToken cancellationToken)
    {
        try
        {
            if (!_schemaReady)
            {
                // A new home has an empty store: create its schema so an empty graph loads instead of failing.
                await store.InitializeAsync(cancellationToken);
                _schemaReady = true;
            }
            // Read before the snapshot: the snapshot then holds at least every write up to this number.
            long sequence = await store.LatestSequenceAsync(cancellationToken);
            // The snapshot serves credit classes and checks even before any model is trained.
            var snapshot = await GraphSnapshotLoader.LoadAsync(store, clock.Today, cancellationToken, clock.Periods);
            // Computed here or loaded from the lease holder's published snapshot (see IAnalyticsCoordinator).
            var analytics = await analyticsCoordinator.ObtainAsync(snapshot, AnalyticsParameters, cancellationToken);
            var registry = new ModelRegistry(home);
            string? version = registry.ActiveVersion();
            if (version is null)
            {
                // The answer names no server path; the log, for operators, does.
                string problem = "No trained model in the home folder: run the train verb first.";
                logger.LogWarning("No trained model under {Models}: run the train verb first.", home.ModelsPath);
                return new ServingState(snapshot, analytics, null, problem, sequence);
            }
            var scored = ScoredGraph.Build(snapshot, WarningModel.Load(registry.FolderOf(version)), version, analytics);
            logger.LogInformation("Serving model {Version} on {Enterprises} enterprises as of {AsOf}",
                version, snapshot.EnterpriseCount, snapshot.AsOf.ToString("yyyy-MM-dd"));
            return new ServingState(snapshot, analytics, scored, null, sequence);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Keep serving what was loaded before, if anything; health reports the problem.
            logger.LogError(e, "Loading the snapshot or model failed");
            var previous = _state;
            return previous with { Problem = $"Loading the snapshot or model failed: {e.Message}" };
        }
    }
}

/// <summary>A model whose feature layout does not match the running code.</summary>
public sealed class ModelIncompatibleException(string message) : Exception(message);
