using System.Diagnostics;
using System.Text.Json.Serialization;

namespace RiskGraph.Training.Bench;

/// <summary>One stage of the bench: its wall time and the memory it needed.</summary>
/// <param name="PeakWorkingSetMb">The process's peak resident set during this stage alone when <see cref="StageMeter.PeaksPerStage"/>, else since the start.</param>
/// <param name="WorkingSetMb">Resident set at the stage's end.</param>
/// <param name="ManagedHeapMb">Live managed heap at the stage's end (after a full collection): what the stage's results keep.</param>
public sealed record BenchStage(
    [property: JsonPropertyName("stage")] string Stage,
    [property: JsonPropertyName("seconds")] double Seconds,
    [property: JsonPropertyName("peak_working_set_mb")] double PeakWorkingSetMb,
    [property: JsonPropertyName("working_set_mb")] double WorkingSetMb,
    [property: JsonPropertyName("managed_heap_mb")] double ManagedHeapMb);

/// <summary>
/// Times stages and measures their memory. On Linux the kernel's peak resident set (VmHWM) is reset at each stage's
/// start by writing 5 to /proc/self/clear_refs, so each stage reports its own peak rather than the run's so far.
/// </summary>
public sealed class StageMeter
{
    private const double Mb = 1024.0 * 1024.0;
    private readonly List<BenchStage> _stages = [];
    private readonly Stopwatch _clock = new();

    public IReadOnlyList<BenchStage> Stages => _stages;

    /// <summary>Whether the peak could be reset between stages (Linux); otherwise peaks are cumulative.</summary>
    public bool PeaksPerStage { get; private set; } = true;

    /// <summary>The largest peak of any stage: the run's peak working set.</summary>
    public double PeakMb => _stages.Count == 0 ? 0 : _stages.Max(s => s.PeakWorkingSetMb);

    public void Begin()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            PeaksPerStage = false;
        }
        _clock.Restart();
    }

    /// <summary>Ends the stage begun last and returns its seconds.</summary>
    public double End(string stage)
    {
        double seconds = _clock.Elapsed.TotalSeconds;
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        double peak = process.PeakWorkingSet64 / Mb, resident = process.WorkingSet64 / Mb;
        double heap = GC.GetTotalMemory(forceFullCollection: true) / Mb;
        _stages.Add(new BenchStage(stage, seconds, peak, resident, heap));
        return seconds;
    }
}
