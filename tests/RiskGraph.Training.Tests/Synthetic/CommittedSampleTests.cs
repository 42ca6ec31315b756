using RiskGraph.Model.Import;
using RiskGraph.Training.Synthetic;
using RiskGraph.Training.Tests.Support;

namespace RiskGraph.Training.Tests.Synthetic;

public class CommittedSampleTests
{
    [Fact]
    public void TheCommittedSample_IsExactlyWhatTheGeneratorWritesForItsSeed()
    {
        string committed = Path.Combine(RepositoryRoot.Path, "data", "synthetic");
        string fresh = Path.Combine(Path.GetTempPath(), "riskgraph-tests", Guid.NewGuid().ToString("N"));
        try
        {
            SyntheticGraphGenerator.Generate(new SyntheticOptions(2000, 42), fresh);
            foreach (string file in CsvImporter.FileNames)
            {
                // Inspections and person lists are importable but not generated: neither side may have them then.
                bool generated = File.Exists(Path.Combine(fresh, file));
                Assert.True(generated == File.Exists(Path.Combine(committed, file)), $"data/synthetic/{file}: committed and generated disagree on its presence.");
                if (!generated) continue;
                Assert.True(
                    File.ReadAllBytes(Path.Combine(committed, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(fresh, file))),
                    $"data/synthetic/{file} differs from generate --enterprises 2000 --seed 42: regenerate it.");
            }
        }
        finally
        {
            Directory.Delete(fresh, recursive: true);
        }
    }
}
