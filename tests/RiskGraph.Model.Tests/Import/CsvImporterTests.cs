using RiskGraph.Model.Domain;
using RiskGraph.Model.Identity;
using RiskGraph.Model.Import;
using RiskGraph.Model.Storage.Sqlite;
using RiskGraph.Model.Tests.Support;

namespace RiskGraph.Model.Tests.Import;

public class CsvImporterTests
{
    private static readonly string A = Uscc.Compose('9', '1', "310115", "MA0000001");
    private static readonly string B = Uscc.Compose('9', '1', "120116", "MA0000002");
    private static readonly string Unknown = Uscc.Compose('9', '1', "120116", "MA0000009");
    private const string Id1 = "11010519491231002X", Id2 = "440524188001010014";
    private static readonly PersonKeyHasher Hasher = new(new byte[32]);

    private static void WriteValidFolder(TempFolder folder)
    {
        folder.Write("enterprises.csv", $"""
            uscc,registration_no,name,industry,region,founded,registered_capital,status
            {A},310115000000001,甲公司,C36,310115,2010-05-01,5000000,in_business
            {B},,乙公司,F51,120116,,1000000,suspended
            """);
        folder.Write("persons.csv", $"id_number,name\n{Id1},张三\n{Id2},李四\n");
        folder.Write("legal_representatives.csv", $"id_number,uscc\n{Id1},{A}\n{Id2},{B}\n");
        folder.Write("shareholdings.csv", $"holder_type,holder_id,uscc,share\nperson,{Id1},{A},0.7\nenterprise,{A},{B},0.51\n");
        folder.Write("supply_links.csv", $"supplier_uscc,buyer_uscc,annual_amount\n{B},{A},1200000.50\n");
        folder.Write("penalties.csv", $"record_id,uscc,kind,amount,decision_date,publication_date,department,catalogue_item\nX-1,{B},fine,30000,2025-01-02,2025-01-08,市场监管局,行政处罚-罚款\n");
        folder.Write("list_entries.csv", $"record_id,uscc,list_type,valid_from,valid_to,department,legal_basis\nL-1,{B},abnormal_operation,2025-02-01,,市场监管局,《企业经营异常名录管理暂行办法》\n");
        folder.Write("labels.csv", $"uscc,label\n{A},0\n{B},1\n");
    }

    private static async Task<string> DumpAsync(SqliteGraphStore store)
    {
        var lines = new List<string>();
        await foreach (var r in store.ReadAllAsync<Enterprise>()) lines.Add(r.ToString());
        await foreach (var r in store.ReadAllAsync<Person>()) lines.Add(r.ToString());
        await foreach (var r in store.ReadAllAsync<LegalRepresentative>()) lines.Add(r.ToString());
        await foreach (var r in store.ReadAllAsync<Shareholding>()) lines.Add(r.ToString());
        await foreach (var r in store.ReadAllAsync<SupplyLink>()) lines.Add(r.ToString());
        await foreach (var r in store.ReadAllAsync<Penalty>()) lines.Add(r.ToString());
        await foreach (var r in store.ReadAllAsync<ListEntry>()) lines.Add(r.ToString());
        await foreach (var r in store.ReadAllAsync<RiskLabel>()) lines.Add(r.ToString());
        return string.Join("\n", lines);
    }

    [Fact]
    public async Task ImportingTwice_LeavesTheSameStore()
    {
        using var folder = new TempFolder();
        WriteValidFolder(folder);
        await using var store = new SqliteGraphStore(folder.File("store.db"));
        var importer = new CsvImporter(store, Hasher);

        var first = await importer.ImportFolderAsync(folder.Path);
        string afterFirst = await DumpAsync(store);
        await importer.ImportFolderAsync(folder.Path);

        Assert.Equal(afterFirst, await DumpAsync(store));
        Assert.Equal(8, first.Count);
        Assert.Equal(2, await store.CountAsync<Enterprise>());
        Assert.Equal(2, await store.CountAsync<Shareholding>());
        Assert.Contains("1200000.5", afterFirst);
        Assert.Contains("CatalogueItem = 行政处罚-罚款", afterFirst);
        Assert.Contains("LegalBasis = 《企业经营异常名录管理暂行办法》, CatalogueItem = ", afterFirst);
    }

    [Fact]
    public async Task PersonIdNumbers_AreNeverStoredInClear()
    {
        using var folder = new TempFolder();
        WriteValidFolder(folder);
        await using var store = new SqliteGraphStore(folder.File("store.db"));
        await new CsvImporter(store, Hasher).ImportFolderAsync(folder.Path);
        string dump = await DumpAsync(store);
        Assert.DoesNotContain(Id1, dump);
        Assert.DoesNotContain("19491231", dump);
        Assert.Contains(Hasher.KeyOf(Id1), dump);
        Assert.DoesNotContain("19491231", await File.ReadAllTextAsync(folder.File("store.db")));
    }

    public static TheoryData<string, string, string> BadRows => new()
    {
        { "shareholdings.csv", $"holder_type,holder_id,uscc,share\nperson,{Id1},{A},0.7\nperson,{Id2},{B},1.5\n", "shareholdings.csv:3:4: share: 1.5 is outside (0, 1]" },
        { "shareholdings.csv", $"holder_type,holder_id,uscc,share\nperson,{Id1},{A},0.7\nperson,{Id2},{Unknown},0.2\n", $"shareholdings.csv:3:3: uscc: unknown enterprise {Unknown}" },
        { "shareholdings.csv", $"holder_type,holder_id,uscc,share\nperson,{Id1},{A},0.7\nperson,{Id2},{B}\n", "shareholdings.csv:3:4: expected 4 fields, found 3" },
        { "shareholdings.csv", $"holder_type,holder_id,uscc,share\nperson,{Id1},{A},abc\n", "shareholdings.csv:2:4: share: 'abc' is not a number" },
        { "shareholdings.csv", $"holder_type,holder_id,uscc,share\nperson,{Id1},{A[..17]}0,0.7\n", "shareholdings.csv:2:3: uscc: " },
        { "penalties.csv", $"record_id,uscc,kind,amount,decision_date,publication_date,department\nX-1,{B},fine,30000,2025-13-02,2025-01-08,d\n", "penalties.csv:2:5: decision_date: '2025-13-02' is not a date" },
        { "penalties.csv", $"record_id,uscc,kind,amount,decision_date,publication_date,department\nX-1,{B},jail,30000,2025-01-02,2025-01-08,d\n", "penalties.csv:2:3: kind: 'jail' is not one of" },
    };

    [Theory]
    [MemberData(nameof(BadRows))]
    public async Task ABadRow_FailsItsFile_NamingFileLineAndColumn_AndStoresNothingOfIt(string file, string content, string expected)
    {
        using var folder = new TempFolder();
        WriteValidFolder(folder);
        await using var store = new SqliteGraphStore(folder.File("store.db"));
        var importer = new CsvImporter(store, Hasher);
        await importer.ImportFolderAsync(folder.Path);
        string before = await DumpAsync(store);

        // A corrected re-delivery of the file with one bad row: nothing of it may replace what is stored.
        folder.Write(file, content);
        var error = await Assert.ThrowsAsync<ImportException>(() => importer.ImportFolderAsync(folder.Path));

        Assert.StartsWith(expected, error.Message);
        Assert.Equal(before, await DumpAsync(store));
    }

    [Fact]
    public async Task ABadFile_KeepsTheFilesImportedBeforeIt()
    {
        using var folder = new TempFolder();
        WriteValidFolder(folder);
        folder.Write("supply_links.csv", $"supplier_uscc,buyer_uscc,annual_amount\n{B},{A},10\n{B},{Unknown},20\n");
        await using var store = new SqliteGraphStore(folder.File("store.db"));

        var error = await Assert.ThrowsAsync<ImportException>(() => new CsvImporter(store, Hasher).ImportFolderAsync(folder.Path));

        Assert.Equal("supply_links.csv", error.File);
        Assert.Equal(3, error.Line);
        Assert.Equal(2, await store.CountAsync<Enterprise>());
        Assert.Equal(2, await store.CountAsync<Shareholding>());
        Assert.Equal(0, await store.CountAsync<SupplyLink>());
        Assert.Equal(0, await store.CountAsync<Penalty>());
    }

    [Fact]
    public async Task AStoreCreatedBeforeTheProvenanceColumns_GetsThemOnInitialisation()
    {
        using var folder = new TempFolder();
        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={folder.File("store.db")}"))
        {
            await connection.OpenAsync();
            var command = connection.CreateCommand();
            command.CommandText = "CREATE TABLE penalty (record_id TEXT PRIMARY KEY, uscc TEXT NOT NULL, kind TEXT NOT NULL, amount REAL NOT NULL, "
                + "decision_date TEXT NOT NULL, publication_date TEXT NOT NULL, department TEXT NOT NULL) WITHOUT ROWID";
            await command.ExecuteNonQueryAsync();
        }
        WriteValidFolder(folder);
        await using var store = new SqliteGraphStore(folder.File("store.db"));
        await new CsvImporter(store, Hasher).ImportFolderAsync(folder.Path);
        var penalty = Assert.Single(await store.ReadAllAsync<Penalty>().ToListAsync());
        Assert.Equal("行政处罚-罚款", penalty.CatalogueItem);
    }

    [Fact]
    public async Task AMissingColumn_IsReportedOnTheHeader()
    {
        using var folder = new TempFolder();
        folder.Write("enterprises.csv", $"uscc,name\n{A},甲\n");
        await using var store = new SqliteGraphStore(folder.File("store.db"));
        var error = await Assert.ThrowsAsync<ImportException>(() => new CsvImporter(store, Hasher).ImportFolderAsync(folder.Path));
        Assert.Equal("enterprises.csv:1:1: the header has no 'industry' column", error.Message);
    }
}
