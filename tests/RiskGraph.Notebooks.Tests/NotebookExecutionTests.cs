using System.Reflection;
using Xunit.Abstractions;

namespace RiskGraph.Notebooks.Tests;

/// <summary>Every notebook in notebooks/ must run top to bottom against the current code: that is what keeps them from rotting.</summary>
public sealed class NotebookExecutionTests(ITestOutputHelper output)
{
    /// <summary>Read by the notebooks' setup cell: load the DLLs built in the same configuration as this test, not a stale other build.</summary>
    private const string ConfigurationVariable = "RISKGRAPH_BUILD_CONFIGURATION";

    private const int MinimumCodeCells = 3;

    // Training dominates; a generous cap still stops a hung cell from hanging the whole CI run.
    private static readonly TimeSpan CellTimeout = TimeSpan.FromMinutes(3);

    public static TheoryData<string> Notebooks() => new(RepositoryLayout.NotebookFileNames());

    [Fact]
    public void Notebooks_folder_holds_notebooks() => Assert.NotEmpty(RepositoryLayout.NotebookFileNames());

    [Theory]
    [MemberData(nameof(Notebooks))]
    public async Task Every_code_cell_runs_without_error(string notebook)
    {
        string? configuration = typeof(NotebookExecutionTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration;
        if (!string.IsNullOrEmpty(configuration)) Environment.SetEnvironmentVariable(ConfigurationVariable, configuration);

        // RISKGRAPH_NOTEBOOKS_SAVE=1 writes the outputs back into the notebook (how the committed outputs are made).
        bool save = Environment.GetEnvironmentVariable("RISKGRAPH_NOTEBOOKS_SAVE") == "1";
        var run = await NotebookRunner.RunAsync(Path.Combine(RepositoryLayout.NotebooksFolder, notebook), CellTimeout, save);

        foreach (var cell in run.Cells)
            output.WriteLine($"cell {cell.CellIndex,2}: {cell.Elapsed.TotalSeconds,6:F1} s, {cell.Outputs} output(s)  {cell.FirstLine}");
        output.WriteLine($"{run.Name}: {run.Elapsed.TotalSeconds:F1} s");

        if (run.FirstFailure is { } failed)
            Assert.Fail($"{run.Name}, cell {failed.CellIndex} (0-based, markdown cells counted; starts \"{failed.FirstLine}\") failed:"
                + Environment.NewLine + string.Join(Environment.NewLine, failed.Errors));
        Assert.True(run.CodeCells >= MinimumCodeCells, $"{run.Name} has {run.CodeCells} code cells; at least {MinimumCodeCells} expected.");
        Assert.True(run.Cells.Any(c => c.Outputs > 0), $"{run.Name}: no cell produced any output.");
    }
}
