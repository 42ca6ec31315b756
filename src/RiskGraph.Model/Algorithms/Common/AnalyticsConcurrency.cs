
namespace RiskGraph.Model.Algorithms.Common;

/// <summary>
/// How many threads an analytics run uses. Parameter records take <see cref="Auto"/> (0) by default, which means
/// one thread per processor of this machine, so a 32-core server uses 32 without configuration while any run can
/// still ask for a fixed count. Results never depend on the count (see <see cref="NodeBatches"/>).
/// </summary>
public static class AnalyticsConcurrency
{
    /// <summary>The default of every <c>Concurrency</c> parameter: resolve to <see cref="ProcessorDefault"/>.</summary>
    public const int Auto = 0;

    public const int Max = 256;

    /// <summary><see cref="Environment.ProcessorCount"/>, capped at <see cref="Max"/>.</summary>
    public static int ProcessorDefault => Math.Min(Environment.ProcessorCount, Max);

    /// <summary>The thread count a record stores: <see cref="Auto"/> becomes the processor count, anything else stays.</summary>
    public static int Resolve(int requested) => requested == Auto ? ProcessorDefault : requested;
}
