namespace RiskGraph.Training.Evaluation.Generic;

/// <summary>
/// A bad input file, pinned to the cell that is wrong. The message is exactly <c>FILE:LINE:COLUMN: reason</c>
/// (1-based, as editors count) so the CLI can print it after <c>error: </c> and an editor can jump to it.
/// </summary>
public sealed class InputFileException(string file, int line, int column, string reason)
    : Exception($"{file}:{line}:{column}: {reason}")
{
    public string File { get; } = file;

    public int Line { get; } = line;

    public int Column { get; } = column;

    public string Reason { get; } = reason;
}

/// <summary>Input that parses but cannot be evaluated, e.g. too few risky nodes for the requested folds.</summary>
public sealed class EvaluationInputException(string message) : Exception(message);
