using RiskGraph.Model;
using RiskGraph.Model.Identity;
using RiskGraph.Model.Import;
using RiskGraph.Model.Storage.Sqlite;
using RiskGraph.Training.Pipelines;
using RiskGraph.Training.Synthetic;

namespace RiskGraph.Training.Tests.Support;

/// <summary>A temporary RiskGraph home with a generated, imported and trained graph: the whole main job, small.</summary>
public sealed class TrainedHome : IDisposable
{
    private TrainedHome(string root, string data, TrainingOutcome outcome)
    {
        Root = root;
        DataFolder = data;
        Outcome = outcome;
    }

    public string Root { get; }

    public string DataFolder { get; }

    public RiskGraphHome Home => new(Path.Combine(Root, "home"));

    public TrainingOutcome Outcome { get; }

    public static async Task<TrainedHome> CreateAsync(int enterprises = 3_000, int seed = 7, WarningTrainerOptions? options = null)
    {
        string root = Path.Combine(Path.GetTempPath(), "riskgraph-tests", Guid.NewGuid().ToString("N"));
        string data = Path.Combine(root, "data");
        var home = new RiskGraphHome(Path.Combine(root, "home")).EnsureExists();
        SyntheticGraphGenerator.Generate(new SyntheticOptions(enterprises, seed), data);
        await using var store = new SqliteGraphStore(home.StorePath);
        await new CsvImporter(store, new PersonKeyHasher(new byte[32])).ImportFolderAsync(data);
        var outcome = await TrainingRun.RunAsync(home, store, options ?? new WarningTrainerOptions(Seed: seed, NumberOfTrees: 60));
        return new TrainedHome(root, data, outcome);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // Litter in the temp folder must not fail a test.
        }
    }
}
