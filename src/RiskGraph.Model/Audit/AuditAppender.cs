using Microsoft.Data.Sqlite;

namespace RiskGraph.Model.Audit;

/// <summary>
/// The audit log's write path: one open connection whose statements are prepared once, so a group commit costs its
/// rows and one commit, not a connection, pragmas and statement preparation each time. Each group numbers and chains
/// its entries after the last stored one inside BEGIN IMMEDIATE, so two processes appending to one file still form
/// one chain.
/// </summary>
public sealed class AuditAppender : IDisposable
{
    private static readonly string[] ParameterNames =
        ["$id", "$at", "$actor", "$department", "$role", "$purpose", "$action", "$method", "$path", "$subject", "$status", "$returned", "$before", "$after", "$prev", "$hash"];

    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _last;
    private readonly SqliteCommand _insert;
    private readonly SqliteParameter[] _parameters;

    internal AuditAppender(SqliteConnection connection)
    {
        _connection = connection;
        _last = connection.CreateCommand();
        _last.CommandText = "SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1";
        _insert = connection.CreateCommand();
        _insert.CommandText = $"INSERT INTO audit_log ({SqliteAuditLog.Columns}) VALUES ({string.Join(", ", ParameterNames)})";
        _parameters = ParameterNames.Select(name => _insert.Parameters.Add(name, SqliteType.Text)).ToArray();
    }

    public IReadOnlyList<AuditEntry> AppendGroup(IReadOnlyList<AuditEntry> entries)
    {
        using var transaction = _connection.BeginTransaction(deferred: false);
        _last.Transaction = transaction;
        _insert.Transaction = transaction;
        long lastId = 0;
        string lastHash = AuditChain.Genesis;
        using (var reader = _last.ExecuteReader())
        {
            if (reader.Read())
            {
                lastId = reader.GetInt64(0);
                lastHash = reader.GetString(1);
            }
        }
        var committed = new AuditEntry[entries.Count];
        for (int i = 0; i < entries.Count; i++)
        {
            var entry = entries[i].Bounded() with { Id = ++lastId, PrevHash = lastHash };
            entry = entry with { Hash = AuditChain.HashOf(entry, lastHash) };
            object?[] values =
            [
                entry.Id, SqliteAuditLog.Instant(entry.At), entry.Actor, entry.Department, entry.Role, entry.Purpose, entry.Action, entry.Method,
                entry.Path, entry.Subject, entry.Status, entry.Returned, entry.Before, entry.After, entry.PrevHash, entry.Hash,
            ];
            for (int p = 0; p < values.Length; p++) _parameters[p].Value = values[p] ?? DBNull.Value;
            _insert.ExecuteNonQuery();
            committed[i] = entry;
            lastHash = entry.Hash;
        }
        transaction.Commit();
        return committed;
    }

    /// <summary>
    /// Checkpoints on the appender's own connection, between two of its commits: with no commit racing it, what is left
    /// is copied (little, after the writer's passive checkpoints aside) and the next commit starts the WAL over.
    /// </summary>
    public void Checkpoint() => PassiveCheckpoint(_connection);

    internal static int PassiveCheckpoint(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(PASSIVE)";
        using var reader = command.ExecuteReader();
        // One row: busy, frames in the WAL (-1 when not in WAL mode), frames copied.
        return reader.Read() ? Math.Max(0, reader.GetInt32(1)) : 0;
    }

    public void Dispose()
    {
        _last.Dispose();
        _insert.Dispose();
        _connection.Dispose();
    }
}
