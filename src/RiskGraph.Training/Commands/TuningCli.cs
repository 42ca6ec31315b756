using System.CommandLine;
using RiskGraph.Training.Pipelines;

namespace RiskGraph.Training.Commands;

/// <summary><c>--budget N</c> and <c>--trainer fasttree|lightgbm</c>, shared by train and retrain so both take the same tuned path.</summary>
internal sealed class TuningCli
{
    public Option<int> Budget { get; } = new("--budget")
    {
        Description = "Tuning trials on the training rows (early stopping plus a small search); 0 trains the given settings as they are.",
        DefaultValueFactory = _ => 6,
    };

    public Option<string> Trainer { get; } = CreateTrainer();

    public void AddTo(Command command)
    {
        command.Options.Add(Budget);
        command.Options.Add(Trainer);
    }

    /// <summary>The tuning asked for, or null with --budget 0.</summary>
    public TuningOptions? Read(ParseResult parse, int seed)
    {
        int budget = parse.GetValue(Budget);
        if (budget < 0) throw new ArgumentOutOfRangeException("--budget", "--budget must be 0 or more");
        return budget == 0 ? null : new TuningOptions(Budget: budget, Seed: seed, Trainer: parse.GetValue(Trainer)!);
    }

    public string ReadTrainer(ParseResult parse) => parse.GetValue(Trainer)!;

    private static Option<string> CreateTrainer()
    {
        var option = new Option<string>("--trainer") { Description = "fasttree or lightgbm.", DefaultValueFactory = _ => WarningTrainerOptions.FastTree };
        option.AcceptOnlyFromAmong(WarningTrainerOptions.FastTree, WarningTrainerOptions.LightGbm);
        return option;
    }
}
