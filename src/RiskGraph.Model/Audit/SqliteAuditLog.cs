using System.Globalization;
using Microsoft.Data.Sqlite;

namespace RiskGraph.Model.Audit;

/// <summary>
/// The append-only query log (§6.5: query/use registration). A file of its own, so it survives store swaps;
/// triggers make the database itself refuse UPDATE and DELETE, not just this code.
/// </summary>
public sealed class SqliteAuditLog
{
    private const string Schema = """
        PRAGMA journal_mode = WAL;
        CREATE TABLE IF NOT EXISTS audit_entry (
            id INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, requester TEXT NOT NULL, purpose TEXT NOT NULL,
            method TEXT NOT NULL, path TEXT NOT NULL, subject TEXT NOT NULL, status INTEGER NOT NULL, returned TEXT NOT NULL);
        CREATE INDEX IF NOT EXISTS audit_subject ON audit_entry (subject);
        CREATE TRIGGER IF NOT EXISTS audit_no_update BEFORE UPDATE ON audit_entry BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
        CREATE TRIGGER IF NOT EXISTS audit_no_delete BEFORE DELETE ON audit_entry BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
        """;

    private readonly string _connectionString;

    public SqliteAuditLog(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        _connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = true }.ToString();
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = Schema;
        command.ExecuteNonQuery();
    }

    public void Append(AuditEntry entry)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO audit_entry (at, requester, purpose, method, path, subject, status, returned)
            VALUES ($at, $requester, $purpose, $method, $path, $subject, $status, $returned)
            """;
        command.Parameters.AddWithValue("$at", entry.At.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture));
        command.Parameters.AddWithValue("$requester", entry.Requester);
        command.Parameters.AddWithValue("$purpose", entry.Purpose);
        command.Parameters.AddWithValue("$method", entry.Method);
        command.Parameters.AddWithValue("$path", entry.Path);
        command.Parameters.AddWithValue("$subject", entry.Subject);
        command.Parameters.AddWithValue("$status", entry.Status);
        command.Parameters.AddWithValue("$returned", entry.Returned);
        command.ExecuteNonQuery();
    }

    /// <summary>Newest first; optionally only one subject (USCC or person key).</summary>
    public IReadOnlyList<AuditEntry> Read(string? subject, int limit)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, at, requester, purpose, method, path, subject, status, returned FROM audit_entry"
            + (subject is null ? "" : " WHERE subject = $subject") + " ORDER BY id DESC LIMIT $limit";
        if (subject is not null) command.Parameters.AddWithValue("$subject", subject);
        command.Parameters.AddWithValue("$limit", limit);
        using var reader = command.ExecuteReader();
        var entries = new List<AuditEntry>();
        while (reader.Read())
        {
            entries.Add(new AuditEntry(
                reader.GetInt64(0), DateTimeOffset.Parse(reader.GetString(1), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
                reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5), reader.GetString(6), reader.GetInt32(7), reader.GetString(8)));
        }
        return entries;
    }

    /// <summary>Tries to rewrite history; used by tests to prove that the database refuses.</summary>
    internal void TryDeleteAll()
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM audit_entry";
        command.ExecuteNonQuery();
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        return connection;
    }
}
