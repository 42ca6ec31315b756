using Microsoft.Extensions.Options;
using RiskGraph.Api.Contracts;
using RiskGraph.Api.Options;
using RiskGraph.Api.Replication;
using RiskGraph.Model;
using RiskGraph.Model.Features;
using RiskGraph.Model.Graph;
using RiskGraph.Model.Scoring;
using RiskGraph.Model.Serving;
using RiskGraph.Model.Storage;

namespace RiskGraph.Api.Services;

/// <summary>
/// Holds what the API answers from (<see cref="ServedState"/>) and keeps it level with the store's change feed.
/// Credit records written anywhere are applied in place within milliseconds (<see cref="CatchUpAsync"/>); changes
/// of structure (enterprises, relations, a bulk import), a new day and the periodic refresh of the whole-graph
/// analytics rebuild a complete new state in the background (<see cref="RefreshAsync"/>) while the old one serves.
/// Every new state is built completely and swapped in with one reference, so requests need no locks.
/// </summary>
public sealed class WarningService(
    RiskGraphHome home, IGraphStore store, CreditClock clock, IOptions<RiskGraphOptions> options, ILogger<WarningService> logger,
    TimeProvider time, IEnumerable<IServingStateListener> listeners, IAnalyticsCoordinator analyticsCoordinator)
{
    private readonly IServingStateListener[] _listeners = listeners.ToArray();

    // One writer of the state at a time: catching up, swapping in a refresh, activating a model.
    private readonly SemaphoreSlim _swapping = new(1, 1);
    // One full rebuild at a time; it runs outside _swapping so that catching up goes on meanwhile.
    private readonly SemaphoreSlim _rebuilding = new(1, 1);
    private volatile ServedState _state = ServedState.Loading;
    private volatile bool _rebuildNeeded;
    private int _changesSinceRefresh;
    private bool _schemaReady;

    private GraphAnalyticsParameters AnalyticsParameters => new(Concurrency: options.Value.AnalyticsConcurrency);

    /// <summary>The whole served state, read once per request where several parts must agree.</summary>
    public ServedState State => _state;

    /// <summary>The scored graph, or null when no model is trained (see <see cref="Problem"/>).</summary>
    public ScoredGraph? Current => _state.Scored;

    /// <summary>The graph and credit ledger being served; present whenever the store could be read.</summary>
    public GraphSnapshot? Snapshot => _state.Snapshot;

    /// <summary>Communities, contagion and cross-boundary counts, as of <see cref="ServedState.AnalyticsAsOf"/>.</summary>
    public GraphAnalytics? Analytics => _state.Analytics;

    /// <summary>The change-feed sequence the served state reflects: every write with a number up to it is in every output.</summary>
    public long Sequence => _state.Sequence;

    /// <summary>Why no warnings can be served, or null when they can.</summary>
    public string? Problem => _state.Problem;

    /// <summary>Why the last background refresh failed (it is retried), or null.</summary>
    public string? RefreshProblem { get; private set; }

    /// <summary>Whether a change waits for a full rebuild (structure, a bulk import or a new day).</summary>
    public bool RebuildPending => _rebuildNeeded;

    /// <summary>Whether the background refresh is due: a rebuild is pending, or enough changes or time passed since the last.</summary>
    public bool RefreshDue =>
        _rebuildNeeded || RefreshProblem is not null || (_state.Snapshot is { } s && s.AsOf != clock.Today)
        || (_changesSinceRefresh > 0 && (_changesSinceRefresh >= options.Value.RefreshAfterChanges
            || time.GetUtcNow() - _state.AnalyticsAsOf.At >= TimeSpan.FromSeconds(options.Value.RefreshAfterSeconds)));

    /// <summary>Builds the first state, before the server accepts requests.</summary>
    public async Task LoadAsync(CancellationToken cancellationToken = default) => await RefreshAsync(cancellationToken);

    /// <summary>
    /// Applies every change the store has committed since the served state, in place when they are credit records;
    /// returns whether the served state now reflects them all (false while a structural change waits for the
    /// background rebuild). Writes call this so that their answer can say <c>reflected: true</c>.
    /// </summary>
    public async Task<bool> CatchUpAsync(CancellationToken cancellationToken = default)
    {
        if (_state.Snapshot is null) return false;
        await _swapping.WaitAsync(cancellationToken);
        try
        {
            var before = _state;
            var changed = new List<int>();
            _state = await CatchUpFromAsync(_state, cancellationToken, changed);
            await NotifyListenersAsync(before, _state, cancellationToken, changed);
            return !_rebuildNeeded;
        }
        finally
        {
            _swapping.Release();
        }
    }

    /// <summary>
    /// Rebuilds the whole state from the store (snapshot, analytics, scores) outside the swap lock, then applies the
    /// changes committed meanwhile and swaps it in. A failure keeps the last good state serving and shows on
    /// <c>/health</c> through <see cref="RefreshProblem"/>; the refresher retries.
    /// </summary>
    public async Task RefreshAsync(CancellationToken cancellationToken = default)
    {
        await _rebuilding.WaitAsync(cancellationToken);
        try
        {
            bool structural = _rebuildNeeded;
            _rebuildNeeded = false;
            int changesCovered = _changesSinceRefresh;
            long started = System.Diagnostics.Stopwatch.GetTimestamp();
            var (rebuilt, failure) = await BuildStateAsync(cancellationToken);
            RiskGraph.Model.Diagnostics.RiskGraphMetrics.RecordRefresh(started);
            await _swapping.WaitAsync(cancellationToken);
            try
            {
                _changesSinceRefresh -= changesCovered;
                // A failed rebuild returns the state it started from: the structural change still waits for the retry.
                if (failure is not null) _rebuildNeeded |= structural;
                var before = _state;
                _state = rebuilt.Snapshot is null ? rebuilt : await CatchUpFromAsync(rebuilt, cancellationToken);
                // Only now is the problem over: health must not say healthy while the old state is still served.
                RefreshProblem = failure;
                await NotifyListenersAsync(before, _state, cancellationToken);
            }
            finally
            {
                _swapping.Release();
            }
        }
        finally
        {
            _rebuilding.Release();
        }
    }

    /// <summary>
    /// Switches the served model without touching the snapshot: the new scored graph is built completely, then
    /// the pointer file is written and the state swapped. Requests in flight keep the state they started with.
    /// </summary>
    /// <exception cref="ModelIncompatibleException">The model's feature schema differs from the one this code computes.</exception>
    public async Task ActivateAsync(string version, CancellationToken cancellationToken = default)
    {
        await _swapping.WaitAsync(cancellationToken);
        try
        {
            var registry = new ModelRegistry(home);
            var model = WarningModel.Load(registry.FolderOf(version));
            if (!model.Schema.SameLayoutAs(FeatureSchema.Current))
                throw new ModelIncompatibleException(
                    $"Model {version} was trained on feature schema {model.Schema.Version} ({model.Schema.Count} features); this service computes " +
                    $"schema {FeatureSchema.Current.Version} ({FeatureSchema.Current.Count} features). Retrain it with the current code.");
            var state = _state;
            var snapshot = state.Snapshot ?? await GraphSnapshotLoader.LoadAsync(store, clock.Today, cancellationToken, clock.Periods);
            var analytics = state.Analytics ?? await analyticsCoordinator.ObtainAsync(snapshot, AnalyticsParameters, cancellationToken);
            var scored = await Task.Run(() => ScoredGraph.Build(snapshot, model, version, analytics), cancellationToken);
            registry.Activate(version);
            var before = _state;
            _state = state with { Snapshot = snapshot, Analytics = analytics, Scored = scored, Problem = null };
            await NotifyListenersAsync(before, _state, cancellationToken);
            logger.LogInformation("Activated model {Version}", version);
        }
        finally
        {
            _swapping.Release();
        }
    }

    /// <summary>True when the store's change feed has moved past the served state.</summary>
    public async Task<bool> StoreChangedSinceLoadAsync(CancellationToken cancellationToken) =>
        await store.LatestSequenceAsync(cancellationToken) > _state.Sequence;

    /// <param name="changed">Gets the enterprises whose warnings may differ, batch after batch (unsorted, with repeats).</param>
    private async Task<ServedState> CatchUpFromAsync(ServedState state, CancellationToken cancellationToken, List<int>? changed = null)
    {
        if (_rebuildNeeded) return state;
        void Applied(ServedState before, ServedState after, int[] changedRows)
        {
            // Answers built for enterprises the batch did not touch stay valid in the new state.
            if (before.Scored is { } from && after.Scored is { } to) WarningResponseCache.CarryOver(from, to, changedRows);
            changed?.AddRange(changedRows);
        }
        var result = await FeedCatchUp.RunAsync(state, store, time.GetUtcNow, new FeatureExtractorParameters().HubFanOutCap, Applied, cancellationToken);
        // Structure changed: the background refresh rebuilds; until then outputs show the state before it.
        if (result.NeedsRebuild) _rebuildNeeded = true;
        _changesSinceRefresh += result.ChangesApplied;
        return result.State;
    }

    /// <summary>
    /// Tells every <see cref="IServingStateListener"/> that the served state moved, with the change-feed entries
    /// between the two states. A failed reload (same snapshot and scores) is no transition.
    /// </summary>
    /// <param name="changed">The enterprises an in-place catch-up rescored; null after a rebuild or a model switch.</param>
    private async Task NotifyListenersAsync(ServedState before, ServedState after, CancellationToken cancellationToken, List<int>? changed = null)
    {
        if (_listeners.Length == 0 || after.Snapshot is null) return;
        if (ReferenceEquals(before.Snapshot, after.Snapshot) && ReferenceEquals(before.Scored, after.Scored)) return;
        var changes = new List<StoreChange>();
        try
        {
            for (long since = before.Sequence; before.Snapshot is not null && since < after.Sequence;)
            {
                var page = await store.ReadChangesAsync(since, 1000, cancellationToken);
                if (page.Count == 0) break;
                foreach (var change in page) if (change.Sequence <= after.Sequence) changes.Add(change);
                since = page[^1].Sequence;
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Listeners keep their own cursor and read what they missed on the next transition.
            logger.LogWarning("The changes between sequences {Before} and {After} could not be read: {Message}", before.Sequence, after.Sequence, e.Message);
            return;
        }
        var transition = new ServingTransition(
            before.Snapshot is null ? null : new ServingPoint(before.Snapshot, before.Analytics, before.Scored, before.Sequence),
            new ServingPoint(after.Snapshot, after.Analytics, after.Scored, after.Sequence), changes, DateTimeOffset.UtcNow,
            changed is null ? null : ChangedInPlace(before, after, changed));
        foreach (var listener in _listeners)
        {
            try
            {
                listener.OnStateAdvanced(transition);
            }
            catch (Exception e)
            {
                logger.LogError(e, "A serving-state listener failed");
            }
        }
    }

    // Only an in-place move keeps ids and the model: then the rows rescored are all that can differ.
    private static int[]? ChangedInPlace(ServedState before, ServedState after, List<int> changed)
    {
        if (before.Snapshot?.Ids != after.Snapshot?.Ids || before.Scored?.ModelVersion != after.Scored?.ModelVersion) return null;
        changed.Sort();
        var distinct = new List<int>(changed.Count);
        foreach (int e in changed) if (distinct.Count == 0 || distinct[^1] != e) distinct.Add(e);
        return [.. distinct];
    }

    /// <returns>The new state, or on failure the state it started from with the reason (also set at once on <see cref="RefreshProblem"/>).</returns>
    private async Task<(ServedState State, string? Failure)> BuildStateAsync(CancellationToken cancellationToken)
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
            var reached = new FeedPoint(await store.LatestSequenceAsync(cancellationToken), time.GetUtcNow());
            // The snapshot serves credit classes and checks even before any model is trained.
            var snapshot = await GraphSnapshotLoader.LoadAsync(store, clock.Today, cancellationToken, clock.Periods);
            if (snapshot.EnterpriseCount == 0 && _state.Snapshot is null)
                logger.LogWarning("The store is new and empty (home {Home}): import data with the import verb, then train.", home.Root);
            // Computed here or loaded from the lease holder's published snapshot (see IAnalyticsCoordinator).
            var analytics = await analyticsCoordinator.ObtainAsync(snapshot, AnalyticsParameters, cancellationToken);
            var registry = new ModelRegistry(home);
            string? version = registry.ActiveVersion();
            if (version is null)
            {
                // The answer names no server path; the log, for operators, does.
                string problem = "No trained model in the home folder: run the train verb first.";
                logger.LogWarning("No trained model under {Models}: run the train verb first.", home.ModelsPath);
                return (new ServedState(snapshot, analytics, null, problem, reached, reached), null);
            }
            var scored = await Task.Run(() => ScoredGraph.Build(snapshot, WarningModel.Load(registry.FolderOf(version)), version, analytics), cancellationToken);
            if (_state.Scored?.ModelVersion != version || _state.Snapshot is null)
                logger.LogInformation("Serving model {Version} on {Enterprises} enterprises as of {AsOf}",
                    version, snapshot.EnterpriseCount, snapshot.AsOf.ToString("yyyy-MM-dd"));
            return (new ServedState(snapshot, analytics, scored, null, reached, reached), null);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Keep serving what was loaded before, if anything; health reports the problem.
            logger.LogError(e, "Loading the snapshot or model failed");
            string failure = RefreshProblem = $"Loading the snapshot or model failed: {e.Message}";
            // With a state to serve, serving goes on from it (health shows RefreshProblem); without one, say why.
            return (_state.Snapshot is null ? _state with { Problem = failure } : _state, failure);
        }
    }
}

/// <summary>A model whose feature layout does not match the running code.</summary>
public sealed class ModelIncompatibleException(string message) : Exception(message);
