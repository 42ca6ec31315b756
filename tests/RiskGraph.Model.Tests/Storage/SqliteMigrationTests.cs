using Microsoft.Data.Sqlite;
using RiskGraph.Model.Domain;
using RiskGraph.Model.Storage.Sqlite;
using RiskGraph.Model.Tests.Support;

namespace RiskGraph.Model.Tests.Storage;

public class SqliteMigrationTests
{
    [Fact]
    public async Task AStoreCreatedBeforeCorrectedValues_GetsTheColumnsAndReadsOldOutcomesWithoutACorrection()
    {
        using var folder = new TempFolder();
        {
            string path = folder.File("store.db");
            await using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
            {
                await connection.OpenAsync();
                var command = connection.CreateCommand();
                command.CommandText = """
                    CREATE TABLE objection_outcome (objection_id TEXT PRIMARY KEY, result TEXT NOT NULL, decided_by TEXT NOT NULL,
                        note TEXT NOT NULL, decided_at TEXT NOT NULL) WITHOUT ROWID;
                    INSERT INTO objection_outcome VALUES ('OB-1', 'corrected', '市场监管局', '更正', '2024-01-02T03:04:05.0000000+00:00');
                    """;
                await command.ExecuteNonQueryAsync();
            }
            await using var store = new SqliteGraphStore(path);
            await store.InitializeAsync();

            var old = Assert.Single(await store.ReadAllAsync<ObjectionOutcome>().ToListAsync());
            Assert.Null(old.Correction);
            var corrected = old with { Correction = new RecordCorrection(PenaltyKind.Warning, 0.5, new DateOnly(2024, 1, 1)) };
            await store.UpsertAsync([corrected]);
            Assert.Equal(corrected, Assert.Single(await store.ReadAllAsync<ObjectionOutcome>().ToListAsync()));
        }
    }
}
