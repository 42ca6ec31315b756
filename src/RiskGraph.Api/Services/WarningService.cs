using RiskGraph.Model;
using RiskGraph.Model.Graph;
using RiskGraph.Model.Scoring;
using RiskGraph.Model.Storage;

namespace RiskGraph.Api.Services;

/// <summary>
/// Holds the <see cref="ScoredGraph"/> the API answers from. Loading builds a complete new one and then swaps
/// the reference, so requests never see a half-built state and need no locks.
/// </summary>
public sealed class WarningService(RiskGraphHome home, IGraphStore store, ILogger<WarningService> logger)
{
    private volatile ScoredGraph? _current;
    private volatile string? _problem = "loading";

    public ScoredGraph? Current => _current;

    /// <summary>Why no warnings can be served, or null when they can.</summary>
    public string? Problem => _problem;

    public async Task LoadAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            var registry = new ModelRegistry(home);
            string? version = registry.ActiveVersion();
            if (version is null)
            {
                _problem = $"No trained model under {home.ModelsPath}: run the train verb first.";
                logger.LogWarning("{Problem}", _problem);
                return;
            }
            var model = WarningModel.Load(registry.FolderOf(version));
            var snapshot = await GraphSnapshotLoader.LoadAsync(store, cancellationToken: cancellationToken);
            _current = ScoredGraph.Build(snapshot, model, version);
            _problem = null;
            logger.LogInformation("Serving model {Version} on {Enterprises} enterprises as of {AsOf}", version, snapshot.EnterpriseCount, snapshot.AsOf.ToString("yyyy-MM-dd"));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Keep serving what was loaded before, if anything; health reports the problem.
            _problem = $"Loading the snapshot or model failed: {e.Message}";
            logger.LogError(e, "Loading the snapshot or model failed");
        }
    }
}
