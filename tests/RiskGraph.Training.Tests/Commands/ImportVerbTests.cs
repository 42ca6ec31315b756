using System.Diagnostics;
using System.Text;
using Microsoft.Data.Sqlite;
using RiskGraph.Training.Tests.Support;

namespace RiskGraph.Training.Tests.Commands;

/// <summary>The import verb as a user runs it: a separate process, its exit code and its one <c>error:</c> line.</summary>
public sealed class ImportVerbTests : IDisposable
{
    private static readonly string Base = Path.Combine(RepositoryRoot.Path, "tests", "RiskGraph.Model.Tests", "Import", "Corpus", "base");
    private readonly string _root = Path.Combine(Path.GetTempPath(), "riskgraph-tests", Guid.NewGuid().ToString("N"));

    private string Home => Path.Combine(_root, "home");

    [Fact]
    public void GbkFiles_FailWithOneErrorLine_AndImportWithEncodingGb18030()
    {
        string folder = Folder(Gb18030());

        var refused = Run("import", folder);
        Assert.Equal(1, refused.ExitCode);
        Assert.StartsWith("error: enterprises.csv:2:3: not UTF-8 (looks like GB18030/GBK)\nnothing was stored", refused.Error);

        var converted = Run("import", folder, "--encoding", "gb18030");
        Assert.True(converted.ExitCode == 0, converted.Error);
        Assert.Contains("上海宏卓Café贸易有限公司", StoredNames());
    }

    [Fact]
    public void AnOverlongLine_FailsWithAnErrorLine_NamingFileLineAndColumn()
    {
        string folder = Folder(Encoding.UTF8);
        File.AppendAllText(Path.Combine(folder, "guarantees.csv"), "913101156022154390," + new string('9', 3 << 20) + ",1\n");

        var outcome = Run("import", folder, "--max-line-bytes", "2097152");

        Assert.Equal(1, outcome.ExitCode);
        Assert.StartsWith("error: guarantees.csv:3:2: the line is longer than 2,097,152 bytes\n", outcome.Error);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // Litter in the temp folder must not fail the test.
        }
    }

    private static Encoding Gb18030()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("GB18030");
    }

    private string Folder(Encoding encoding)
    {
        string folder = Directory.CreateDirectory(Path.Combine(_root, "csv")).FullName;
        foreach (string file in Directory.GetFiles(Base))
            File.WriteAllText(Path.Combine(folder, Path.GetFileName(file)), File.ReadAllText(file, Encoding.UTF8), encoding);
        return folder;
    }

    private List<string> StoredNames()
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(Home, "store.db")};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM enterprise ORDER BY uscc";
        using var reader = command.ExecuteReader();
        var names = new List<string>();
        while (reader.Read()) names.Add(reader.GetString(0));
        return names;
    }

    private (int ExitCode, string Error) Run(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "RiskGraph.Training.dll"));
        foreach (string arg in args) start.ArgumentList.Add(arg);
        start.Environment["RISKGRAPH_HOME"] = Home;
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, error.Result.ReplaceLineEndings("\n"));
    }
}
