using System.Globalization;
using Microsoft.Data.Sqlite;
using RiskGraph.Model.Storage.Sqlite;

namespace RiskGraph.Model.Supervision;

/// <summary>
/// Spot-check plans and their draws, kept apart from the graph store (like the audit log) so that both store kinds
/// share it. Append-only: a plan is a published decision ("一公开"), so triggers refuse UPDATE and DELETE.
/// </summary>
public sealed class SqliteInspectionPlanLog
{
    private const string Schema = """
        PRAGMA journal_mode = WAL;
        CREATE TABLE IF NOT EXISTS inspection_plan (
            plan_id TEXT PRIMARY KEY, period TEXT NOT NULL, region TEXT NOT NULL, seed INTEGER NOT NULL, created_at TEXT NOT NULL,
            requester TEXT NOT NULL, plan_json TEXT NOT NULL, UNIQUE (period, region, seed));
        CREATE TABLE IF NOT EXISTS plan_assignment (
            plan_id TEXT NOT NULL, period TEXT NOT NULL, uscc TEXT NOT NULL, inspector TEXT NOT NULL, PRIMARY KEY (period, uscc, inspector));
        CREATE TRIGGER IF NOT EXISTS plan_no_update BEFORE UPDATE ON inspection_plan BEGIN SELECT RAISE(ABORT, 'plans are append-only'); END;
        CREATE TRIGGER IF NOT EXISTS plan_no_delete BEFORE DELETE ON inspection_plan BEGIN SELECT RAISE(ABORT, 'plans are append-only'); END;
        CREATE TRIGGER IF NOT EXISTS assignment_no_update BEFORE UPDATE ON plan_assignment BEGIN SELECT RAISE(ABORT, 'plans are append-only'); END;
        CREATE TRIGGER IF NOT EXISTS assignment_no_delete BEFORE DELETE ON plan_assignment BEGIN SELECT RAISE(ABORT, 'plans are append-only'); END;
        """;

    private readonly string _connectionString;

    public SqliteInspectionPlanLog(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        _connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = true }.ToString();
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = Schema;
        command.ExecuteNonQuery();
    }

    /// <summary>The stored plan JSON for the same period, region and seed, or null.</summary>
    public string? Find(string period, string? region, int seed)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT plan_json FROM inspection_plan WHERE period = $p AND region = $r AND seed = $s";
        command.Parameters.AddWithValue("$p", period);
        command.Parameters.AddWithValue("$r", region ?? "");
        command.Parameters.AddWithValue("$s", seed);
        return command.ExecuteScalar() as string;
    }

    public HashSet<(string Uscc, string Inspector)> AssignedIn(string period)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT uscc, inspector FROM plan_assignment WHERE period = $p";
        command.Parameters.AddWithValue("$p", period);
        var pairs = new HashSet<(string, string)>();
        using var reader = command.ExecuteReader();
        while (reader.Read()) pairs.Add((reader.GetString(0), reader.GetString(1)));
        return pairs;
    }

    /// <summary>Stores the plan and its assignments in one transaction.</summary>
    public void Save(SpotCheckPlan plan, string planJson, string requester, DateTimeOffset at)
    {
        using var connection = Open();
        using var transaction = connection.BeginTransaction();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = """
                INSERT INTO inspection_plan (plan_id, period, region, seed, created_at, requester, plan_json)
                VALUES ($id, $p, $r, $s, $at, $who, $json)
                """;
            command.Parameters.AddWithValue("$id", plan.PlanId);
            command.Parameters.AddWithValue("$p", plan.Period);
            command.Parameters.AddWithValue("$r", plan.Region ?? "");
            command.Parameters.AddWithValue("$s", plan.Seed);
            command.Parameters.AddWithValue("$at", at.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture));
            command.Parameters.AddWithValue("$who", requester);
            command.Parameters.AddWithValue("$json", planJson);
            command.ExecuteNonQuery();
        }
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "INSERT INTO plan_assignment (plan_id, period, uscc, inspector) VALUES ($id, $p, $u, $i)";
            var id = command.Parameters.AddWithValue("$id", plan.PlanId);
            var period = command.Parameters.AddWithValue("$p", plan.Period);
            var uscc = command.Parameters.Add("$u", SqliteType.Text);
            var inspector = command.Parameters.Add("$i", SqliteType.Text);
            foreach (var planned in plan.Draw)
            {
                foreach (string name in planned.Inspectors)
                {
                    uscc.Value = planned.Uscc;
                    inspector.Value = name;
                    command.ExecuteNonQuery();
                }
            }
        }
        transaction.Commit();
    }

    private SqliteConnection Open()
    {
        return SqliteConnections.Open(_connectionString);
    }
}
