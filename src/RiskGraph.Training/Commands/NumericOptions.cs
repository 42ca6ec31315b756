using System.CommandLine;

namespace RiskGraph.Training.Commands;

/// <summary>Range checks for numeric options, so `--enterprises -5` is one plain sentence and exit code 1, not an exception.</summary>
internal static class NumericOptions
{
    public static Option<int> AtLeast(this Option<int> option, int minimum, int maximum = int.MaxValue)
    {
        option.Validators.Add(result =>
        {
            int value = result.GetValueOrDefault<int>();
            if (value < minimum || value > maximum)
                result.AddError(maximum == int.MaxValue
                    ? $"{option.Name} must be at least {minimum:N0}; got {value:N0}."
                    : $"{option.Name} must be between {minimum:N0} and {maximum:N0}; got {value:N0}.");
        });
        return option;
    }
}
