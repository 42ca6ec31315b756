using System.Text;

namespace RiskGraph.Training.Evaluation.Generic;

/// <summary>
/// Reads a comma-separated file one record per line, keeping the 1-based line number for error messages.
/// Fields may be double-quoted (a doubled quote inside stands for one quote); a quoted field cannot span lines,
/// which keeps line numbers honest. Completely empty lines are skipped so that a trailing blank line is harmless.
/// </summary>
public sealed class CsvRecordReader : IDisposable
{
    private readonly StreamReader _reader;
    private readonly StringBuilder _field = new();

    public CsvRecordReader(string path)
    {
        FilePath = path;
        // UTF-8 with or without a byte-order mark; the BOM must not end up in the first header name.
        _reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
    }

    /// <summary>The path as the caller gave it; error messages name the file this way.</summary>
    public string FilePath { get; }

    /// <summary>Line number of the record last returned by <see cref="TryRead"/>.</summary>
    public int LineNumber { get; private set; }

    /// <summary>Reads the next non-empty line into <paramref name="fields"/>; false at end of file.</summary>
    public bool TryRead(List<string> fields)
    {
        while (true)
        {
            string? line = _reader.ReadLine();
            if (line is null) return false;
            LineNumber++;
            if (line.Length == 0) continue;
            Split(line, fields);
            return true;
        }
    }

    public InputFileException Error(int column, string reason) => new(FilePath, LineNumber, column, reason);

    private void Split(string line, List<string> fields)
    {
        fields.Clear();
        int i = 0;
        while (true)
        {
            _field.Clear();
            if (i < line.Length && line[i] == '"') i = ReadQuoted(line, i + 1, fields.Count + 1);
            else
            {
                while (i < line.Length && line[i] != ',') _field.Append(line[i++]);
            }
            fields.Add(_field.ToString());
            if (i >= line.Length) return;
            i++; // past the comma; a trailing comma yields one more, empty, field
        }
    }

    /// <summary>Reads a quoted field starting after its opening quote; returns the index after the closing quote.</summary>
    private int ReadQuoted(string line, int i, int column)
    {
        while (i < line.Length)
        {
            char c = line[i++];
            if (c != '"')
            {
                _field.Append(c);
                continue;
            }
            if (i < line.Length && line[i] == '"')
            {
                _field.Append('"');
                i++;
                continue;
            }
            if (i < line.Length && line[i] != ',') throw Error(column, "unexpected character after a closing quote");
            return i;
        }
        throw Error(column, "quoted field is not closed on this line");
    }

    public void Dispose() => _reader.Dispose();
}
