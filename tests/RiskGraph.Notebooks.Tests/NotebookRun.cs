namespace RiskGraph.Notebooks.Tests;

/// <summary>What one code cell did when it ran.</summary>
/// <param name="CellIndex">Position among all the notebook's cells (markdown included), 0-based, as an editor shows it.</param>
/// <param name="Errors">CommandFailed and ErrorProduced messages; empty when the cell succeeded.</param>
/// <param name="Outputs">Values displayed, returned or written to stdout/stderr.</param>
internal sealed record CellRun(int CellIndex, string FirstLine, IReadOnlyList<string> Errors, int Outputs, TimeSpan Elapsed)
{
    public bool Failed => Errors.Count > 0;
}

/// <summary>The cells of one notebook run in order; the run stops at the first failing cell.</summary>
internal sealed record NotebookRun(string Name, int CodeCells, IReadOnlyList<CellRun> Cells, TimeSpan Elapsed)
{
    public CellRun? FirstFailure => Cells.FirstOrDefault(c => c.Failed);
}
