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

    /// <param name="save">Writes the notebook back with each code cell's outputs and execution count, so the committed
    /// file shows its tables and charts on a code host.</param>
    public static async Task<NotebookRun> RunAsync(string path, TimeSpan cellTimeout, bool save = false)
    {
        var document = await ReadAsync(path);
        var clock = Stopwatch.StartNew();
        // Cells #load "setup.csx" beside the notebook, as an editor resolves it from the notebook's folder.
        string previousDirectory = Environment.CurrentDirectory;
        Environment.CurrentDirectory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        try
        {
            return await RunCellsAsync(path, document, clock, cellTimeout, save);
        }
        finally
        {
            Environment.CurrentDirectory = previousDirectory;
        }
    }

    private static async Task<NotebookRun> RunCellsAsync(string path, InteractiveDocument document, Stopwatch clock, TimeSpan cellTimeout, bool save)
    {
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
                ? await RunCellAsync(kernel, index, element, codeCells, cellTimeout)
                : new CellRun(index, FirstLine(element.Contents), [$"kernel '{element.KernelName}' is not C#; notebooks here are C# only"], 0, TimeSpan.Zero);
            cells.Add(cell);
            if (cell.Failed) break;
        }
        var run = new NotebookRun(Path.GetFileName(path), codeCells, cells, clock.Elapsed);
        if (save && run.FirstFailure is null) await File.WriteAllTextAsync(path, document.ToJupyterJson() + "\n");
        return run;
    }

    private static async Task<InteractiveDocument> ReadAsync(string path)
    {
        var kernels = new KernelInfoCollection { new KernelInfo(CSharpKernelName, "C#", ["c#", "C#"]) };
        kernels.DefaultKernelName = CSharpKernelName;
        await using var stream = File.OpenRead(path);
        return Notebook.Read(stream, kernels);
    }

    private static async Task<CellRun> RunCellAsync(CSharpKernel kernel, int index, InteractiveDocumentElement element, int executionCount, TimeSpan timeout)
    {
        string code = element.Contents;
        var clock = Stopwatch.StartNew();
        try
        {
            var result = await kernel.SendAsync(new SubmitCode(code, CSharpKernelName)).WaitAsync(timeout);
            var errors = result.Events.OfType<CommandFailed>().Select(f => f.Message)
                .Concat(result.Events.OfType<ErrorProduced>().Select(e => e.Message))
                .Distinct().ToArray();
            var displayed = result.Events.OfType<DisplayEvent>().Where(e => e is not ErrorProduced).ToArray();
            element.Outputs.Clear();
            element.Outputs.AddRange(displayed.Select(ToOutput));
            element.ExecutionOrder = executionCount;
            return new CellRun(index, FirstLine(code), errors, displayed.Length, clock.Elapsed);
        }
        catch (TimeoutException)
        {
            return new CellRun(index, FirstLine(code), [$"did not finish within {timeout.TotalSeconds:F0} s"], 0, clock.Elapsed);
        }
    }

    /// <summary>A displayed value as the Jupyter format stores it: printed text as a stream, everything else (returned values too) as display data by MIME type.</summary>
    private static InteractiveDocumentOutputElement ToOutput(DisplayEvent shown)
    {
        if (shown is StandardOutputValueProduced or StandardErrorValueProduced)
            return new TextElement(string.Concat(shown.FormattedValues.Select(v => v.Value)), shown is StandardErrorValueProduced ? "stderr" : "stdout");
        var data = shown.FormattedValues.ToDictionary(v => v.MimeType, v => (object)v.Value);
        return new DisplayElement(data);
    }

    private static string FirstLine(string code) =>
        code.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0) ?? "";
}
