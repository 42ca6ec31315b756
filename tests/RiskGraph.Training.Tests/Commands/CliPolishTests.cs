using System.Diagnostics;
using RiskGraph.Training.Tests.Support;

namespace RiskGraph.Training.Tests.Commands;

/// <summary>The CLI as a user meets it: plain messages for bad numbers and empty homes, --home, progress lines in a log.</summary>
public sealed class CliPolishTests : IDisposable
{
    private static readonly string Sample = Path.Combine(RepositoryRoot.Path, "data", "synthetic");
    private readonly string _root = Path.Combine(Path.GetTempPath(), "riskgraph-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public void NegativeEnterprises_IsOnePlainSentence_NotAnException()
    {
        var outcome = Run(null, "generate", "--enterprises", "-5", "--out", Path.Combine(_root, "out"));
        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains("--enterprises must be at least 1; got -5.", outcome.Error);
        Assert.DoesNotContain("Exception", outcome.Error);
    }

    [Fact]
    public void TrainOnANewHome_SaysTheStoreIsNewAndEmptyAndWhere()
    {
        string home = Path.Combine(_root, "empty");
        var outcome = Run(null, "train", "--home", home);
        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains("new and empty", outcome.Error);
        Assert.Contains(home, outcome.Error);
    }

    [Fact]
    public void RedirectedImport_PrintsFileNOfMLines_AndHomeOptionWinsOverTheVariable()
    {
        string home = Path.Combine(_root, "from-option");
        var outcome = Run(Path.Combine(_root, "from-variable"), "import", Sample, "--home", home);
        Assert.True(outcome.ExitCode == 0, outcome.Error);
        int files = Directory.GetFiles(Sample, "*.csv").Length;
        Assert.Contains($"file 1 of {files} ", outcome.Output);
        Assert.Contains(" rows/s", outcome.Output);
        Assert.True(File.Exists(Path.Combine(home, "store.db")));
        Assert.False(Directory.Exists(Path.Combine(_root, "from-variable")));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    private static (int ExitCode, string Output, string Error) Run(string? homeVariable, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "RiskGraph.Training.dll"));
        foreach (string arg in args) start.ArgumentList.Add(arg);
        if (homeVariable is not null) start.Environment["RISKGRAPH_HOME"] = homeVariable;
        else start.Environment.Remove("RISKGRAPH_HOME");
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output.ReplaceLineEndings("\n"), error.Result.ReplaceLineEndings("\n"));
    }
}
