using System.Globalization;
using Microsoft.Data.Sqlite;
using RiskGraph.Model.Storage.Sqlite;

namespace RiskGraph.Model.Audit;

/// <summary>
/// The append-only, hash-chained audit log (查询登记) in a SQLite file of its own, so it survives store swaps.
/// Triggers make the database itself refuse UPDATE and DELETE; the chain (<see cref="AuditChain"/>) reveals an edit
/// made around them. Entries are committed in groups: one transaction per group, which is what lets every audited
/// request be registered before it is answered without one disk commit per request.
/// </summary>
public sealed class SqliteAuditLog
{
    // audit_entry was the unchained table of the first release; it is left as it was and no longer written.
    // No index on subject (earlier releases' is dropped): a subject query must also find the batches that named the
    // code, so it scans every row with or without one (0.80 s against 0.54 s over 1.6 million entries), while keeping it
    // up wrote a random B-tree page per entry. Without it the audited warning route, on varied codes, went from about
    // 7,300 to 10,500 requests/s and its p99 from 23-57 ms to 10 ms, and stays there as the log grows. Actors repeat, so
    // the actor index grows at its end and is kept.
    private const string Schema = """
        PRAGMA journal_mode = WAL;
        CREATE TABLE IF NOT EXISTS audit_log (
            id INTEGER PRIMARY KEY, at TEXT NOT NULL, actor TEXT NOT NULL, department TEXT NOT NULL, role TEXT NOT NULL,
            purpose TEXT NOT NULL, action TEXT NOT NULL, method TEXT NOT NULL, path TEXT NOT NULL, subject TEXT NOT NULL,
            status INTEGER NOT NULL, returned TEXT NOT NULL, before TEXT, after TEXT, prev_hash TEXT NOT NULL, hash TEXT NOT NULL);
        DROP INDEX IF EXISTS audit_log_subject;
        CREATE INDEX IF NOT EXISTS audit_log_actor ON audit_log (actor);
        CREATE TRIGGER IF NOT EXISTS audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
        CREATE TRIGGER IF NOT EXISTS audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
        """;

    internal const string Columns = "id, at, actor, department, role, purpose, action, method, path, subject, status, returned, before, after, prev_hash, hash";

    private readonly string _connectionString;

    public SqliteAuditLog(string path)
    {
        Path = System.IO.Path.GetFullPath(path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        _connectionString = new SqliteConnectionStringBuilder { DataSource = Path, Pooling = true, DefaultTimeout = 5 }.ToString();
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = Schema;
        command.ExecuteNonQuery();
    }

    public string Path { get; }

    public void Append(AuditEntry entry) => AppendGroup([entry]);

    /// <summary>Commits <paramref name="entries"/> in one transaction on a connection of its own (see <see cref="AuditAppender"/>).</summary>
    public IReadOnlyList<AuditEntry> AppendGroup(IReadOnlyList<AuditEntry> entries)
    {
        using var appender = OpenAppender();
        return appender.AppendGroup(entries);
    }

    /// <summary>
    /// A connection with its statements prepared once, for the one writer that appends group after group. Its commits
    /// never checkpoint by themselves: SQLite would copy the WAL back and sync the file inside whichever commit crosses
    /// 1,000 pages, and every request waiting on that group would wait 10–25 ms for it. <see cref="AuditWriter"/>
    /// checkpoints aside with <see cref="Checkpoint"/> and lets the appender finish the job at a moment of its choosing.
    /// </summary>
    public AuditAppender OpenAppender()
    {
        var connection = Open();
        using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA wal_autocheckpoint = 0";
        pragma.ExecuteNonQuery();
        return new(connection);
    }

    /// <summary>
    /// Copies committed WAL frames back into the file on a connection of its own. PASSIVE never blocks the appender,
    /// which keeps committing meanwhile. Returns the frames in the WAL: it only starts over from its beginning after a
    /// checkpoint that found no commit racing it, which <see cref="AuditAppender.Checkpoint"/> provides.
    /// </summary>
    public int Checkpoint()
    {
        using var connection = Open();
        return AuditAppender.PassiveCheckpoint(connection);
    }

    /// <summary>Newest first, filtered and paged.</summary>
    public AuditPage Read(AuditQuery query)
    {
        using var connection = Open();
        var where = new List<string>();
        using var count = connection.CreateCommand();
        using var select = connection.CreateCommand();
        void Filter(string clause, string name, object? value)
        {
            if (value is null) return;
            where.Add(clause);
            count.Parameters.AddWithValue(name, value);
            select.Parameters.AddWithValue(name, value);
        }
        Filter("at >= $from", "$from", query.From is { } from ? Instant(from) : null);
        Filter("at < $to", "$to", query.To is { } to ? Instant(to) : null);
        Filter("actor = $actor", "$actor", query.Actor);
        // A subject is found in its own entries and in the batches that asked for it.
        Filter($"(subject = $subject OR (subject LIKE '{AuditEntry.BatchPrefix}%' AND instr(subject, $subject) > 0))", "$subject", query.Subject);
        string condition = where.Count == 0 ? "" : " WHERE " + string.Join(" AND ", where);
        count.CommandText = "SELECT count(*) FROM audit_log" + condition;
        long total = (long)count.ExecuteScalar()!;
        select.CommandText = $"SELECT {Columns} FROM audit_log{condition} ORDER BY id DESC LIMIT $limit OFFSET $offset";
        select.Parameters.AddWithValue("$limit", query.PageSize);
        select.Parameters.AddWithValue("$offset", checked((long)(query.Page - 1) * query.PageSize));
        return new AuditPage(ReadEntries(select).ToList(), total);
    }

    /// <summary>Recomputes the whole chain from the first entry.</summary>
    public AuditVerification Verify()
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM audit_log ORDER BY id";
        return AuditChain.Verify(ReadEntries(command));
    }

    private static IEnumerable<AuditEntry> ReadEntries(SqliteCommand command)
    {
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            yield return new AuditEntry(
                reader.GetInt64(0), DateTimeOffset.Parse(reader.GetString(1), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
                reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5), reader.GetString(6), reader.GetString(7),
                reader.GetString(8), reader.GetString(9), reader.GetInt32(10), reader.GetString(11),
                reader.IsDBNull(12) ? null : reader.GetString(12), reader.IsDBNull(13) ? null : reader.GetString(13),
                reader.GetString(14), reader.GetString(15));
        }
    }

    /// <summary>Tries to rewrite history; used by tests to prove that the database refuses.</summary>
    internal void TryDeleteAll()
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM audit_log";
        command.ExecuteNonQuery();
    }

    internal static string Instant(DateTimeOffset at) => at.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    private SqliteConnection Open()
    {
        var connection = SqliteConnections.Open(_connectionString);
        // WAL with NORMAL: a commit survives a killed process (it is in the WAL); only a power cut can lose the last ones.
        using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA synchronous = NORMAL";
        pragma.ExecuteNonQuery();
        return connection;
    }
}
