namespace RiskGraph.Model.Import;

/// <param name="Stage">"validating" while the file is parsed and checked, "writing" while its transaction runs.</param>
public sealed record ImportProgress(string File, string Stage, int Done, int Total);

/// <param name="Rows">Rows written; the same file imported again writes the same rows.</param>
public sealed record ImportedFile(string File, int Rows, TimeSpan Elapsed);
