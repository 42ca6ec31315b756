using System.Text.Json;
using System.Text.Json.Serialization;

namespace RiskGraph.Model.Features;

/// <summary>
/// The names and order of the model's input features, versioned and saved next to every model, so that a
/// model is never fed a vector laid out by different code. Own-record attributes come first, as one block, so an
/// attributes-only model is the same schema cut at <see cref="AttributeCount"/>.
/// </summary>
public sealed record FeatureSchema(
    [property: JsonPropertyName("version")] string Version,
    [property: JsonPropertyName("names")] IReadOnlyList<string> Names,
    [property: JsonPropertyName("attribute_count")] int AttributeCount,
    [property: JsonPropertyName("descriptions")] IReadOnlyList<string> Descriptions)
{
    public const string FileName = "feature-schema.json";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public static FeatureSchema Current { get; } = new(
        FeatureCatalog.Version, FeatureCatalog.Names, FeatureCatalog.AttributeCount, FeatureCatalog.Descriptions);

    public int Count => Names.Count;

    /// <summary>The attributes-only schema: the first <see cref="AttributeCount"/> features.</summary>
    public FeatureSchema AttributesOnly() =>
        this with { Version = Version + "-attributes", Names = Names.Take(AttributeCount).ToArray(), Descriptions = Descriptions.Take(AttributeCount).ToArray() };

    public bool SameLayoutAs(FeatureSchema other) => Version == other.Version && Names.SequenceEqual(other.Names);

    public void Save(string path) => File.WriteAllText(path, JsonSerializer.Serialize(this, Json));

    public static FeatureSchema Load(string path) =>
        JsonSerializer.Deserialize<FeatureSchema>(File.ReadAllText(path), Json)
        ?? throw new InvalidDataException($"{path} holds no feature schema.");
}
