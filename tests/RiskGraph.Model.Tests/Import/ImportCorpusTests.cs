using RiskGraph.Model.Identity;
using RiskGraph.Model.Import;
using RiskGraph.Model.Storage;
using RiskGraph.Model.Storage.Sqlite;
using RiskGraph.Model.Tests.Support;

namespace RiskGraph.Model.Tests.Import;

/// <summary>
/// Every corpus case against the embedded store. An error case is imported over a store holding base/, and must
/// fail with its expected error and leave the store as it was (counts and checksums of sorted dumps); the other
/// cases are imported into a fresh store and compared with a fresh import of base/ or with their row counts.
/// </summary>
public class ImportCorpusTests
{
    private static readonly PersonKeyHasher Hasher = new(new byte[32]);

    public static TheoryData<ImportCorpusCase> Cases()
    {
        var data = new TheoryData<ImportCorpusCase>();
        foreach (var c in ImportCorpusCase.All()) data.Add(c);
        return data;
    }

    [Fact]
    public void TheCorpus_CoversEveryCommittedCaseFile()
    {
        var named = ImportCorpusCase.All().Select(c => c.Name).ToHashSet();
        var unnamed = Directory.GetFiles(Path.Combine(ImportCorpusCase.Folder, "cases"))
            .Select(f => Path.GetFileNameWithoutExtension(f)).Where(f => !named.Contains(f)).ToList();
        Assert.True(unnamed.Count == 0, $"case files without a row in cases.tsv: {string.Join(", ", unnamed)}");
        Assert.True(named.Count >= 60, $"{named.Count} cases");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task EachCase_FailsWithItsError_AndLeavesTheStoreUnchanged_OrImportsAsExpected(ImportCorpusCase corpusCase)
    {
        using var folder = new TempFolder();
        await using var store = new SqliteGraphStore(folder.File("store.db"));
        await CheckAsync(corpusCase, store, folder);
    }

    /// <summary>The check of one case on any empty store; shared with the Neo4j run.</summary>
    internal static async Task CheckAsync(ImportCorpusCase corpusCase, IGraphStore store, TempFolder scratch)
    {
        string baseFolder = Directory.CreateDirectory(Path.Combine(scratch.Path, "base")).FullName;
        string caseFolder = Directory.CreateDirectory(Path.Combine(scratch.Path, "case")).FullName;
        ImportCorpusCase.WriteBase(baseFolder);
        corpusCase.WriteFolder(caseFolder);
        var options = corpusCase.ImportOptions;

        if (corpusCase.IsError)
        {
            await new CsvImporter(store, Hasher, new ImportOptions { Today = ImportCorpusCase.Today }).ImportFolderAsync(baseFolder);
            string before = await StoreFingerprint.OfAsync(store);
            var error = await Assert.ThrowsAsync<ImportException>(() => new CsvImporter(store, Hasher, options).ImportFolderAsync(caseFolder));
            Assert.StartsWith(corpusCase.ExpectedError, error.Message);
            Assert.Equal(before, await StoreFingerprint.OfAsync(store));
            return;
        }

        var imported = await new CsvImporter(store, Hasher, options).ImportFolderAsync(caseFolder);
        if (corpusCase.Expected == "same")
        {
            string actual = await StoreFingerprint.OfAsync(store);
            using var reference = new TempFolder();
            await using var referenceStore = new SqliteGraphStore(reference.File("store.db"));
            await new CsvImporter(referenceStore, Hasher, new ImportOptions { Today = ImportCorpusCase.Today }).ImportFolderAsync(baseFolder);
            Assert.Equal(await StoreFingerprint.OfAsync(referenceStore), actual);
            return;
        }
        Assert.StartsWith("rows: ", corpusCase.Expected);
        foreach (string expected in corpusCase.Expected["rows: ".Length..].Split(' '))
        {
            string[] parts = expected.Split('=');
            Assert.Equal($"{parts[0]}={parts[1]}", $"{parts[0]}={imported.Single(f => f.File == parts[0]).Rows}");
        }
    }
}
