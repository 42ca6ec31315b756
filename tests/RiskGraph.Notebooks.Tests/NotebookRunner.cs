using System.Diagnostics;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.CSharp;
using Microsoft.DotNet.Interactive.Documents;
using Microsoft.DotNet.Interactive.Documents.Jupyter;
using Microsoft.DotNet.Interactive.Events;

namespace RiskGraph.Notebooks.Tests;

/// <summary>
/// Runs a notebook's code cells in order on a fresh in-process C# kernel, like "Run All" in Polyglot Notebooks.
/// Stops at the first failing cell, because every later cell depends on the state the earlier ones built.
/// </summary>
internal static class NotebookRunner
{
    public const string CSharpKernelName = "csharp";
    private const string MarkdownKernelName = "markdown";

    public static async Task<NotebookRun> RunAsync(string path, TimeSpan cellTimeout)
    {
        var document = await ReadAsync(path);
        var clock = Stopwatch.StartNew();
        // UseKernelHelpers brings display(), HTML() and friends into scope, as the dotnet-interactive tool does.
        using var kernel = new CSharpKernel().UseKernelHelpers();
        var cells = new List<CellRun>();
        int codeCells = 0;
        for (int index = 0; index < document.Elements.Count; index++)
        {
            var element = document.Elements[index];
            if (element.KernelName == MarkdownKernelName) continue;
            codeCells++;
            var cell = element.KernelName == CSharpKernelName
                ? await RunCellAsync(kernel, index, element.Contents, cellTimeout)
                : new CellRun(index, FirstLine(element.Contents), [$"kernel '{element.KernelName}' is not C#; notebooks here are C# only"], 0, TimeSpan.Zero);
            cells.Add(cell);
            if (cell.Failed) break;
        }
        return new NotebookRun(Path.GetFileName(path), codeCells, cells, clock.Elapsed);
    }

    private static async Task<InteractiveDocument> ReadAsync(string path)
    {
        var kernels = new KernelInfoCollection { new KernelInfo(CSharpKernelName, "C#", ["c#", "C#"]) };
        kernels.DefaultKernelName = CSharpKernelName;
        await using var stream = File.OpenRead(path);
        return Notebook.Read(stream, kernels);
    }

    private static async Task<CellRun> RunCellAsync(CSharpKernel kernel, int index, string code, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            var result = await kernel.SendAsync(new SubmitCode(code, CSharpKernelName)).WaitAsync(timeout);
            var errors = result.Events.OfType<CommandFailed>().Select(f => f.Message)
                .Concat(result.Events.OfType<ErrorProduced>().Select(e => e.Message))
                .Distinct().ToArray();
            int outputs = result.Events.OfType<DisplayEvent>().Count(e => e is not ErrorProduced);
            return new CellRun(index, FirstLine(code), errors, outputs, clock.Elapsed);
        }
        catch (TimeoutException)
        {
            return new CellRun(index, FirstLine(code), [$"did not finish within {timeout.TotalSeconds:F0} s"], 0, clock.Elapsed);
        }
    }

    private static string FirstLine(string code) =>
        code.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0) ?? "";
}
