using RiskGraph.Model.Domain;
using RiskGraph.Model.Identity;
using RiskGraph.Model.Import;
using RiskGraph.Model.Storage.Sqlite;
using RiskGraph.Model.Tests.Support;

namespace RiskGraph.Model.Tests.Import;

public class SupervisionImportTests
{
    private static readonly string A = Uscc.Compose('9', '1', "310115", "MA0000001");
    private const string Listed = "11010519491231002X";
    private static readonly PersonKeyHasher Hasher = new(new byte[32]);

    [Fact]
    public async Task InspectionsAndPersonListEntries_AreImported_WithTheIdNumberKeptOnlyAsItsKeyedHash()
    {
        using var folder = new TempFolder();
        folder.Write("enterprises.csv", $"uscc,name,industry,region,founded,registered_capital,status\n{A},甲公司,C36,310115,2010-05-01,5000000,in_business\n");
        folder.Write("inspections.csv",
            $"inspection_id,uscc,inspected_on,outcome,department,inspectors,note,plan_id\nIN-1,{A},2025-11-03,unreachable,市场监管局,执法员甲;执法员乙,登记住所无法联系,\n");
        folder.Write("person_list_entries.csv",
            $"record_id,id_number,list_type,valid_from,valid_to,department,legal_basis\nPL-1,{Listed},dishonest_judgment_debtor,2025-06-01,,人民法院,\n");
        await using var store = new SqliteGraphStore(folder.File("store.db"));

        await new CsvImporter(store, Hasher).ImportFolderAsync(folder.Path);

        var inspection = Assert.Single(await store.ReadAllAsync<Inspection>().ToListAsync());
        Assert.Equal(new Inspection("IN-1", A, new DateOnly(2025, 11, 3), InspectionOutcome.Unreachable, "市场监管局", "执法员甲,执法员乙", "登记住所无法联系"), inspection);
        var entry = Assert.Single(await store.ReadAllAsync<PersonListEntry>().ToListAsync());
        Assert.Equal(Hasher.KeyOf(Listed), entry.PersonKey);
        Assert.DoesNotContain(Listed, File.ReadAllText(folder.File("store.db")));
    }

    [Theory]
    [InlineData("inspections.csv", "inspection_id,uscc,inspected_on,outcome,department,inspectors\nIN-1,@,2025-11-03,closed,d,a\n", "outcome")]
    [InlineData("person_list_entries.csv", "record_id,id_number,list_type,valid_from,valid_to,department\nPL-1,123,restricted_executive,2025-06-01,,d\n", "id_number")]
    [InlineData("person_list_entries.csv", "record_id,id_number,list_type,valid_from,valid_to,department\nPL-1,11010519491231002X,restricted_executive,2025-06-01,2025-01-01,d\n", "valid_to")]
    public async Task ABadRow_FailsTheFileNamingTheColumn(string file, string content, string column)
    {
        using var folder = new TempFolder();
        folder.Write("enterprises.csv", $"uscc,name,industry,region,founded,registered_capital,status\n{A},甲公司,C36,310115,2010-05-01,5000000,in_business\n");
        folder.Write(file, content.Replace("@", A));
        await using var store = new SqliteGraphStore(folder.File("store.db"));
        var error = await Assert.ThrowsAsync<ImportException>(() => new CsvImporter(store, Hasher).ImportFolderAsync(folder.Path));
        Assert.Equal(file, error.File);
        Assert.Contains(column, error.Message);
    }
}
