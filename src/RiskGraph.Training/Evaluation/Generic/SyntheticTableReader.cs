namespace RiskGraph.Training.Evaluation.Generic;

/// <summary>One row of a synthetic file, reduced to the columns asked for, that can point an error at any of them.</summary>
internal sealed class SyntheticRow(CsvRecordReader reader, int[] columnPositions)
{
    public string[] Fields { get; } = new string[columnPositions.Length];

    public string this[int picked] => Fields[picked];

    /// <summary>An error at the file column behind the picked field <paramref name="picked"/>.</summary>
    public InputFileException Error(int picked, string reason) => reader.Error(columnPositions[picked] + 1, reason);
}

/// <summary>Reads one file of a RiskGraph synthetic folder by column name, handing each row's chosen fields to a callback.</summary>
internal static class SyntheticTableReader
{
    public static void ForEach(string folder, string file, string[] columns, Action<SyntheticRow> handle)
    {
        using var reader = new CsvRecordReader(Path.Combine(folder, file));
        var header = CsvHeader.Read(reader);
        int[] at = columns.Select(c => header.Require(c, reader)).ToArray();
        var fields = new List<string>();
        var row = new SyntheticRow(reader, at);
        while (reader.TryRead(fields))
        {
            header.CheckFieldCount(reader, fields);
            for (int i = 0; i < at.Length; i++) row.Fields[i] = fields[at[i]];
            handle(row);
        }
    }
}
