using RiskGraph.Model.Tests.Storage;
using RiskGraph.Model.Tests.Support;

namespace RiskGraph.Model.Tests.Import;

/// <summary>The whole corpus against the Neo4j store: the same errors, and the store unchanged after each.</summary>
[Collection(Neo4jCollection.Name)]
public sealed class Neo4jImportCorpusTests
{
    [Neo4jFact]
    public async Task EveryCorpusCase_BehavesAsOnTheEmbeddedStore()
    {
        var failures = new List<string>();
        foreach (var corpusCase in ImportCorpusCase.All())
        {
            using var folder = new TempFolder();
            await using var store = await Neo4jTestServer.CreateEmptyStoreAsync();
            try
            {
                await ImportCorpusTests.CheckAsync(corpusCase, store, folder);
            }
            catch (Exception e) when (e is Xunit.Sdk.XunitException or RiskGraph.Model.Import.ImportException)
            {
                failures.Add($"{corpusCase.Name}: {e.Message}");
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}
