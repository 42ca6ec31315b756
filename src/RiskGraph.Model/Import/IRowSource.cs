namespace RiskGraph.Model.Import;

/// <summary>
/// Where a <see cref="CsvRow"/> comes from: a CSV file (<see cref="CsvTable"/>) or records sent to the ingestion API
/// (<see cref="RecordSource"/>). Both are validated by the same parsers, so a field means the same in either.
/// </summary>
internal interface IRowSource
{
    DateOnly LatestEventDay { get; }

    int IndexOf(string column);

    bool Has(string column);

    ImportException Error(int line, string column, string reason);
}
