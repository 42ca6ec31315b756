using RiskGraph.Model.Domain;
using RiskGraph.Model.Identity;
using RiskGraph.Model.Import;
using RiskGraph.Model.Storage.Sqlite;
using RiskGraph.Model.Tests.Support;

namespace RiskGraph.Model.Tests.Import;

/// <summary>Registration numbers and names where a USCC is expected, in the CSV import and in ingestion.</summary>
public class EntityResolutionImportTests
{
    private static readonly string A = Uscc.Compose('9', '1', "310115", "MA0000001");
    private static readonly string B = Uscc.Compose('9', '1', "440300", "MA0000002");
    private static readonly string C = Uscc.Compose('9', '1', "330100", "MA0000003");
    private static readonly string D = Uscc.Compose('9', '1', "330100", "MA0000004");
    private static readonly PersonKeyHasher Hasher = new(new byte[32]);

    private static void WriteEnterprises(TempFolder folder) => folder.Write("enterprises.csv", $"""
        uscc,registration_no,name,industry,region,founded,registered_capital,status
        {A},310115000000001,上海华夏贸易有限公司,F51,310115,2010-05-01,5000000,in_business
        {B},440300000000002,深圳市新锐科技有限责任公司,I65,440300,2012-05-01,1000000,in_business
        {C},,杭州（滨江）信达电子有限公司,C39,330100,2012-05-01,1000000,in_business
        {D},,杭州(滨江)信达电子有限公司,C39,330100,2012-05-01,1000000,in_business
        """);

    [Fact]
    public async Task RelationsAndRecords_NamingEnterprisesByRegistrationNumberOrName_AreStoredUnderTheUscc()
    {
        using var folder = new TempFolder();
        WriteEnterprises(folder);
        folder.Write("guarantees.csv", $"guarantor_uscc,guaranteed_uscc,amount\n310115000000001,新锐科技（深圳）有限公司,1000\n{B},{A},500\n");
        folder.Write("penalties.csv",
            "record_id,registration_no,kind,amount,decision_date,publication_date,department\nX-1,440300000000002,fine,3000,2025-01-02,2025-01-08,市场监管局\n");
        await using var store = new SqliteGraphStore(folder.File("store.db"));
        var importer = new CsvImporter(store, Hasher);
        await importer.ImportFolderAsync(folder.Path);

        var guarantees = new List<Guarantee>();
        await foreach (var g in store.ReadAllAsync<Guarantee>()) guarantees.Add(g);
        Assert.Contains(guarantees, g => g.GuarantorUscc == A && g.GuaranteedUscc == B && g.Amount == 1000);
        var penalties = new List<Penalty>();
        await foreach (var p in store.ReadAllAsync<Penalty>()) penalties.Add(p);
        Assert.Equal(B, Assert.Single(penalties).Uscc);
        Assert.Equal(["registration_no", "name_region_moved", "registration_no"], importer.Resolutions.Select(r => r.Rule));
        Assert.Equal([A, B, B], importer.Resolutions.Select(r => r.Uscc));
    }

    [Theory]
    [InlineData("杭州〔滨江〕信达电子有限公司", "is ambiguous: name_normalized matches 2 enterprises")]
    [InlineData("华夏贸易有限公司", "only by name_region_missing")]
    [InlineData("310115000009999", "unknown registration number 310115000009999")]
    [InlineData("广州华夏贸易有限公司", "no enterprise is named")]
    public async Task AmbiguousWeakOrUnknownReferences_FailTheFileNamingTheField_AndStoreNothingOfIt(string reference, string reason)
    {
        using var folder = new TempFolder();
        WriteEnterprises(folder);
        folder.Write("guarantees.csv", $"guarantor_uscc,guaranteed_uscc,amount\n{A},{B},1\n{reference},{A},1000\n");
        await using var store = new SqliteGraphStore(folder.File("store.db"));
        var error = await Assert.ThrowsAsync<ImportException>(() => new CsvImporter(store, Hasher).ImportFolderAsync(folder.Path));
        Assert.Contains("guarantees.csv:3:1", error.Message);
        Assert.Contains(reason, error.Message);
        Assert.Equal(0, await store.CountAsync<Guarantee>());
    }

    [Fact]
    public void Ingestion_AcceptsRegistrationNoInPlaceOfTheUscc()
    {
        var resolver = new EnterpriseResolver(
            [new Enterprise(A, "310115000000001", "上海华夏贸易有限公司", "F51", "310115", null, 1, EnterpriseStatus.InBusiness)]);
        var batch = new RecordBatch([new Dictionary<string, string?>
        {
            ["record_id"] = "X-9", ["registration_no"] = "310115000000001", ["kind"] = "fine", ["amount"] = "100", ["decision_date"] = "2025-01-02",
            ["publication_date"] = "2025-01-03", ["department"] = "市场监管局",
        }], null, null);
        Assert.True(RecordIngestion.NeedsResolver(batch));
        var (penalties, _, _) = RecordIngestion.Parse(batch, _ => false, Hasher, new ImportOptions(), resolver);
        Assert.Equal(A, Assert.Single(penalties).Uscc);

        var unknown = batch with { Penalties = [new Dictionary<string, string?>(batch.Penalties![0]) { ["registration_no"] = "310115000000009" }] };
        var error = Assert.Throws<ImportException>(() => RecordIngestion.Parse(unknown, _ => false, Hasher, new ImportOptions(), resolver));
        Assert.Equal("penalties[0].uscc", error.Field);
    }
}
