namespace RiskGraph.Model;

/// <summary>
/// The one folder that the CLI and the API share: the embedded store, the person-key secret and the models.
/// Defaults to ./.riskgraph; the environment variable RISKGRAPH_HOME overrides it. The model registry may live
/// elsewhere (RISKGRAPH_MODEL_REGISTRY, or RiskGraph:ModelRegistryPath in the API): a folder every replica and the
/// CLI share, so a model trained or activated anywhere is served everywhere.
/// </summary>
public sealed class RiskGraphHome
{
    public const string EnvironmentVariable = "RISKGRAPH_HOME";
    public const string RegistryEnvironmentVariable = "RISKGRAPH_MODEL_REGISTRY";
    public const string DefaultFolder = ".riskgraph";

    /// <param name="modelRegistry">A shared model registry folder; null or empty keeps it at {home}/models.</param>
    public RiskGraphHome(string path, string? modelRegistry = null)
    {
        Root = Path.GetFullPath(path);
        ModelsPath = string.IsNullOrWhiteSpace(modelRegistry) ? Path.Combine(Root, "models") : Path.GetFullPath(modelRegistry);
    }

    public string Root { get; }

    public string StorePath => Path.Combine(Root, "store.db");

    /// <summary>The model registry: {home}/models unless a shared folder was configured.</summary>
    public string ModelsPath { get; }

    /// <summary>Published whole-graph analytics snapshots, beside the models so every replica that shares the registry sees them.</summary>
    public string AnalyticsPath => Path.Combine(ModelsPath, "analytics");

    public string PersonKeyPath => Path.Combine(Root, "person-key.secret");

    public string AuditPath => Path.Combine(Root, "audit.db");

    /// <summary>The home named by RISKGRAPH_HOME, else ./.riskgraph under the current directory.</summary>
    public static RiskGraphHome FromEnvironment()
    {
        string? configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
        return new RiskGraphHome(string.IsNullOrWhiteSpace(configured) ? DefaultFolder : configured,
            Environment.GetEnvironmentVariable(RegistryEnvironmentVariable));
    }

    public RiskGraphHome EnsureExists()
    {
        Directory.CreateDirectory(Root);
        Directory.CreateDirectory(ModelsPath);
        return this;
    }
}
