using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace RiskGraph.Model.Backup;

/// <summary>What one backup archive holds, written into it as manifest.json.</summary>
/// <param name="Files">Every file of the archive (manifest aside) with its size and SHA-256, checked on restore.</param>
/// <param name="NotCovered">What the archive does not hold, in words (e.g. a Neo4j graph store).</param>
public sealed record BackupManifest(int FormatVersion, DateTimeOffset CreatedUtc, string Home, IReadOnlyList<BackupFile> Files, IReadOnlyList<string> NotCovered);

public sealed record BackupFile(string Path, long Bytes, string Sha256);

/// <summary>
/// One archive of a home, taken while the API runs: the embedded store, the audit log and the inspection plans through
/// SQLite's online backup API (each database a consistent copy even while it is written; a plain file copy of a WAL
/// database can tear), plus the person-key secret, keys.txt and the model registry, which are written once and
/// never changed in place. API keys live in the store, so they come with it.
/// </summary>
public static class HomeBackup
{
    public const string ManifestName = "manifest.json";
    private const int FormatVersion = 1;

    /// <summary>The databases of a home, copied with the online backup API when present.</summary>
    public static readonly string[] Databases = ["store.db", "audit.db", "inspection-plans.db"];

    /// <summary>Plain files of a home, copied when present.</summary>
    private static readonly string[] Secrets = ["person-key.secret", "keys.txt"];

    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, WriteIndented = true };

    /// <param name="includeStore">False when the graph store is Neo4j: store.db is then not the store, and is left out.</param>
    public static BackupManifest Create(RiskGraphHome home, string archivePath, bool includeStore, IProgress<string>? progress = null)
    {
        if (!Directory.Exists(home.Root)) throw new DirectoryNotFoundException($"there is no home at {home.Root}");
        string staging = Path.Combine(Path.GetTempPath(), "riskgraph-backup-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(staging);
        try
        {
            var notCovered = new List<string>();
            foreach (string database in Databases)
            {
                string source = Path.Combine(home.Root, database);
                if (database == "store.db" && !includeStore)
                {
                    notCovered.Add("the graph store: it is Neo4j; back it up with neo4j-admin dump (see the README)");
                    continue;
                }
                if (!File.Exists(source)) continue;
                progress?.Report($"copying {database} (online backup)");
                CopyOnline(source, Path.Combine(staging, database));
            }
            foreach (string secret in Secrets)
            {
                string source = Path.Combine(home.Root, secret);
                if (File.Exists(source)) File.Copy(source, Path.Combine(staging, secret));
            }
            if (Directory.Exists(home.ModelsPath))
            {
                progress?.Report("copying the model registry");
                CopyFolder(home.ModelsPath, Path.Combine(staging, "models"));
            }
            notCovered.Add("anything outside the home folder (appsettings.json, environment variables such as RISKGRAPH_PERSON_KEY)");

            var files = Directory.EnumerateFiles(staging, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
                .Select(f => new BackupFile(Path.GetRelativePath(staging, f).Replace('\\', '/'), new FileInfo(f).Length, Sha256Of(f))).ToArray();
            var manifest = new BackupManifest(FormatVersion, DateTimeOffset.UtcNow, home.Root, files, notCovered);
            File.WriteAllText(Path.Combine(staging, ManifestName), JsonSerializer.Serialize(manifest, Json));

            // Written beside the target and moved into place: a failed backup never leaves a half archive under its name.
            string partial = archivePath + ".partial";
            if (File.Exists(partial)) File.Delete(partial);
            ZipFile.CreateFromDirectory(staging, partial, CompressionLevel.Fastest, includeBaseDirectory: false);
            File.Move(partial, archivePath, overwrite: true);
            return manifest;
        }
        finally
        {
            Directory.Delete(staging, recursive: true);
        }
    }

    /// <summary>Unpacks an archive into a home that is empty or does not exist yet, checking every file's hash.</summary>
    /// <exception cref="InvalidOperationException">The home holds files already, or the archive is damaged.</exception>
    public static BackupManifest Restore(string archivePath, RiskGraphHome home)
    {
        if (!File.Exists(archivePath)) throw new FileNotFoundException($"no backup archive at {archivePath}");
        if (Directory.Exists(home.Root) && Directory.EnumerateFileSystemEntries(home.Root).Any())
            throw new InvalidOperationException($"{home.Root} is not empty; restore only into a new or empty home (nothing was changed)");
        using var zip = ZipFile.OpenRead(archivePath);
        var manifestEntry = zip.GetEntry(ManifestName) ?? throw new InvalidOperationException($"{archivePath} has no {ManifestName}: not a RiskGraph backup");
        BackupManifest manifest;
        using (var stream = manifestEntry.Open())
            manifest = JsonSerializer.Deserialize<BackupManifest>(stream, Json) ?? throw new InvalidOperationException("the manifest is empty");
        if (manifest.FormatVersion != FormatVersion)
            throw new InvalidOperationException($"backup format {manifest.FormatVersion} is not the one this version reads ({FormatVersion})");

        string staging = home.Root.TrimEnd(Path.DirectorySeparatorChar) + ".restoring-" + Guid.NewGuid().ToString("N")[..8];
        Directory.CreateDirectory(staging);
        try
        {
            zip.ExtractToDirectory(staging);
            foreach (var file in manifest.Files)
            {
                string path = Path.Combine(staging, file.Path);
                if (!File.Exists(path) || new FileInfo(path).Length != file.Bytes || Sha256Of(path) != file.Sha256)
                    throw new InvalidOperationException($"{file.Path} in {archivePath} is damaged (size or SHA-256 differs from the manifest); nothing was restored");
            }
            File.Delete(Path.Combine(staging, ManifestName));
            if (Directory.Exists(home.Root)) Directory.Delete(home.Root);
            Directory.Move(staging, home.Root);
            home.EnsureExists();
            // Secrets stay readable by the owner only, whatever the archive recorded.
            foreach (string secret in Secrets)
            {
                string path = Path.Combine(home.Root, secret);
                if (File.Exists(path) && !OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
            return manifest;
        }
        catch
        {
            if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
            throw;
        }
    }

    private static void CopyOnline(string source, string destination)
    {
        // Pooling off: the copies are closed (and their files complete) when this returns.
        using var from = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = source, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        using var to = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = destination, Pooling = false }.ToString());
        from.Open();
        to.Open();
        from.BackupDatabase(to);
        // A self-contained file: the copy is switched out of WAL mode so it needs no -wal/-shm companions.
        using var journal = to.CreateCommand();
        journal.CommandText = "PRAGMA journal_mode=DELETE;";
        journal.ExecuteNonQuery();
    }

    private static void CopyFolder(string source, string destination)
    {
        foreach (string file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            string target = Path.Combine(destination, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    private static string Sha256Of(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
