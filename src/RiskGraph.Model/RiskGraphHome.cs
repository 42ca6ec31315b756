namespace RiskGraph.Model;

/// <summary>
/// The one folder that the CLI and the API share: the embedded store, the person-key secret and the models.
/// Defaults to ./.riskgraph; the environment variable RISKGRAPH_HOME overrides it.
/// </summary>
public sealed class RiskGraphHome
{
    public const string EnvironmentVariable = "RISKGRAPH_HOME";
    public const string DefaultFolder = ".riskgraph";

    public RiskGraphHome(string path)
    {
        Root = Path.GetFullPath(path);
    }

    public string Root { get; }

    public string StorePath => Path.Combine(Root, "store.db");

    public string ModelsPath => Path.Combine(Root, "models");

    public string PersonKeyPath => Path.Combine(Root, "person-key.secret");

    public string AuditPath => Path.Combine(Root, "audit.db");

    /// <summary>The home named by RISKGRAPH_HOME, else ./.riskgraph under the current directory.</summary>
    public static RiskGraphHome FromEnvironment()
    {
        string? configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
        return new RiskGraphHome(string.IsNullOrWhiteSpace(configured) ? DefaultFolder : configured);
    }

    public RiskGraphHome EnsureExists()
    {
        Directory.CreateDirectory(Root);
        Directory.CreateDirectory(ModelsPath);
        return this;
    }
}
