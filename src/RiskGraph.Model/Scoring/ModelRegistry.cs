using System.Text.Json;

namespace RiskGraph.Model.Scoring;

/// <summary>
/// Model versions under {home}/models: one folder per version (v001, v002, ...) holding model.zip,
/// feature-schema.json, metrics.json and model.json; the file ACTIVE names the version being served.
/// </summary>
public sealed class ModelRegistry(RiskGraphHome home)
{
    public const string ManifestFileName = "model.json";
    public const string MetricsFileName = "metrics.json";
    public const string HoldoutFileName = "holdout.txt";
    private const string ActiveFileName = "ACTIVE";
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public string FolderOf(string version) => Path.Combine(home.ModelsPath, version);

    public IReadOnlyList<string> Versions() =>
        Directory.Exists(home.ModelsPath)
            ? Directory.GetDirectories(home.ModelsPath).Select(Path.GetFileName).OfType<string>()
                .Where(v => v.StartsWith('v') && File.Exists(Path.Combine(home.ModelsPath, v, ManifestFileName)))
                .Order(StringComparer.Ordinal).ToArray()
            : [];

    public string NextVersion()
    {
        int last = Versions().Select(v => int.TryParse(v.AsSpan(1), out int n) ? n : 0).DefaultIfEmpty(0).Max();
        return $"v{last + 1:D3}";
    }

    public string? ActiveVersion()
    {
        string path = Path.Combine(home.ModelsPath, ActiveFileName);
        if (!File.Exists(path)) return null;
        string version = File.ReadAllText(path).Trim();
        return Versions().Contains(version) ? version : null;
    }

    public void Activate(string version)
    {
        if (!Versions().Contains(version)) throw new ArgumentException($"No model version {version}.", nameof(version));
        // Write then rename, so a reader never sees a half-written pointer.
        string path = Path.Combine(home.ModelsPath, ActiveFileName);
        File.WriteAllText(path + ".tmp", version);
        File.Move(path + ".tmp", path, overwrite: true);
    }

    public void WriteManifest(ModelManifest manifest, TrainingReport report)
    {
        string folder = FolderOf(manifest.Version);
        File.WriteAllText(Path.Combine(folder, MetricsFileName), JsonSerializer.Serialize(report, Json));
        File.WriteAllText(Path.Combine(folder, ManifestFileName), JsonSerializer.Serialize(manifest, Json));
    }

    /// <summary>Writes the USCCs a model was tested on and never trained on, so later comparisons can be fair.</summary>
    public void WriteHoldout(string version, IEnumerable<string> usccs) =>
        File.WriteAllLines(Path.Combine(FolderOf(version), HoldoutFileName), usccs.Order(StringComparer.Ordinal));

    /// <summary>The model's held-out USCCs, or null when it was saved without them.</summary>
    public IReadOnlySet<string>? ReadHoldout(string version)
    {
        string path = Path.Combine(FolderOf(version), HoldoutFileName);
        return File.Exists(path) ? File.ReadLines(path).ToHashSet(StringComparer.Ordinal) : null;
    }

    public ModelManifest ReadManifest(string version) =>
        JsonSerializer.Deserialize<ModelManifest>(File.ReadAllText(Path.Combine(FolderOf(version), ManifestFileName)), Json)
        ?? throw new InvalidDataException($"Model {version} has an empty manifest.");

    public TrainingReport ReadReport(string version) =>
        JsonSerializer.Deserialize<TrainingReport>(File.ReadAllText(Path.Combine(FolderOf(version), MetricsFileName)), Json)
        ?? throw new InvalidDataException($"Model {version} has empty metrics.");
}
