namespace RiskGraph.Model.Import;

/// <summary>A valid file whose write to the store failed (store unreachable, out of resources): its transaction was rolled back.</summary>
public sealed class ImportWriteException(string file, Exception inner)
    : Exception($"{file}: writing to the store failed: {inner.Message}", inner)
{
    public string File { get; } = file;
}
