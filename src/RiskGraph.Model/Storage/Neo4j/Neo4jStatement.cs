using System.Text.Json;

namespace RiskGraph.Model.Storage.Neo4j;

/// <summary>One Cypher statement and its parameters, as sent in the "statements" array of the HTTP endpoint.</summary>
public sealed class Neo4jStatement
{
    private readonly Action<Utf8JsonWriter>? _writeParameters;

    public Neo4jStatement(string text, IReadOnlyDictionary<string, object?>? parameters = null)
    {
        Text = text;
        if (parameters is { Count: > 0 })
        {
            _writeParameters = writer =>
            {
                foreach (var (name, value) in parameters)
                {
                    writer.WritePropertyName(name);
                    Neo4jJson.WriteValue(writer, value);
                }
            };
        }
    }

    /// <summary>
    /// A statement whose parameters are written straight into the request: a batch of 10,000 rows then costs no
    /// intermediate dictionaries. <paramref name="writeParameters"/> writes the members of the parameters object.
    /// </summary>
    internal Neo4jStatement(string text, Action<Utf8JsonWriter> writeParameters)
    {
        Text = text;
        _writeParameters = writeParameters;
    }

    public string Text { get; }

    internal void WriteTo(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString("statement", Text);
        if (_writeParameters is not null)
        {
            writer.WriteStartObject("parameters");
            _writeParameters(writer);
            writer.WriteEndObject();
        }
        // Rows only: the default also returns per-value metadata (and "graph" on request) that we never read.
        writer.WriteStartArray("resultDataContents");
        writer.WriteStringValue("row");
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    public override string ToString() => Text;
}

/// <summary>The rows one statement returned; each row is a JSON array in column order.</summary>
public sealed record Neo4jResult(IReadOnlyList<string> Columns, IReadOnlyList<JsonElement> Rows)
{
    /// <summary>The single value of a one-row, one-column result such as a count.</summary>
    public JsonElement Single() =>
        Rows.Count == 1 && Rows[0].GetArrayLength() >= 1
            ? Rows[0][0]
            : throw new InvalidDataException($"Expected one row, Neo4j returned {Rows.Count}.");
}
