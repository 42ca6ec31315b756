using System.Diagnostics;
using RiskGraph.Model.Import;

namespace RiskGraph.Training.Commands;

/// <summary>
/// Import progress for output that is not a terminal (a log file, a pipe): a line every few seconds and at each new
/// file — "file 3 of 11 penalties.csv (writing): 120,000 of 500,000 rows, 40,000 rows/s, about 10 s left" — so a
/// long import piped into a log shows it is alive. Reports arrive on the importing thread; lines are written there.
/// </summary>
internal sealed class LineProgress(int files, TimeSpan every, TextWriter output) : IProgress<ImportProgress>
{
    private readonly Stopwatch _sinceLine = Stopwatch.StartNew();
    private readonly Stopwatch _inFile = new();
    private string? _file;
    private int _fileNumber;

    public void Report(ImportProgress value)
    {
        bool newFile = value.File != _file;
        if (newFile)
        {
            _file = value.File;
            _fileNumber++;
            _inFile.Restart();
        }
        bool finished = value.Total > 0 && value.Done >= value.Total;
        if (!newFile && !finished && _sinceLine.Elapsed < every) return;
        _sinceLine.Restart();
        output.WriteLine(Describe(value));
    }

    private string Describe(ImportProgress value)
    {
        string head = $"file {_fileNumber} of {Math.Max(files, _fileNumber)} {value.File} ({value.Stage})";
        if (value.Total <= 0) return head;
        double seconds = Math.Max(_inFile.Elapsed.TotalSeconds, 1e-3);
        double rate = value.Done / seconds;
        string left = rate > 0 && value.Done < value.Total ? $", about {TimeSpan.FromSeconds((value.Total - value.Done) / rate):mm\\:ss} left" : "";
        return $"{head}: {value.Done:N0} of {value.Total:N0} rows, {rate:N0} rows/s{left}";
    }
}

/// <summary>Rows per second of a Spectre.Console progress task (its speed over the last samples).</summary>
internal sealed class RowsPerSecondColumn : Spectre.Console.ProgressColumn
{
    public override Spectre.Console.Rendering.IRenderable Render(Spectre.Console.Rendering.RenderOptions options, Spectre.Console.ProgressTask task, TimeSpan deltaTime) =>
        new Spectre.Console.Text($"{task.Speed ?? 0:N0} rows/s");
}
