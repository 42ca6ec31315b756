namespace RiskGraph.Model.Tests.Support;

/// <summary>A fresh folder under the system temp directory, deleted on dispose.</summary>
public sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "riskgraph-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Write(string name, string content) => System.IO.File.WriteAllText(File(name), content.ReplaceLineEndings("\n"));

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open only leaves litter in the temp folder; it must not fail the test.
        }
    }
}
