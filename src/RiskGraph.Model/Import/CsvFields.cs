using System.Globalization;
using System.Text;

namespace RiskGraph.Model.Import;

/// <summary>
/// Splits one line into fields. A field may be quoted as in RFC 4180 (commas inside, <c>""</c> for a quote), but
/// not across lines. Every field is checked before anyone reads it: at most <see cref="ImportOptions.MaxFieldChars"/>
/// characters; no control or invisible formatting characters (zero-width spaces and direction marks make names
/// that look equal differ, and hide text); no U+FFFD, which only a wrong conversion upstream produces. Text is
/// otherwise stored as given: the service runs with invariant globalization, which has no Unicode normalization.
/// </summary>
internal sealed class CsvFields(CsvLineReader reader, ImportOptions options)
{
    private readonly StringBuilder _quoted = new();

    public string[] Split(string line, int expected)
    {
        var fields = new List<string>(expected);
        int i = 0;
        while (true)
        {
            int column = fields.Count + 1;
            string value;
            if (i < line.Length && line[i] == '"')
            {
                i = ReadQuoted(line, i + 1, column);
                value = _quoted.ToString();
            }
            else
            {
                int end = line.IndexOf(',', i);
                if (end < 0) end = line.Length;
                value = line[i..end];
                if (value.Contains('"'))
                    throw reader.Error(column, "a quote inside an unquoted field (quote the whole field and double the quote: \"a \"\"b\"\"\")");
                i = end;
            }
            fields.Add(Checked(value, column));
            if (i >= line.Length) return fields.ToArray();
            i++;
        }
    }

    /// <summary>Reads a quoted field starting after its opening quote; returns the index of the comma or end after it.</summary>
    private int ReadQuoted(string line, int i, int column)
    {
        _quoted.Clear();
        while (true)
        {
            if (i >= line.Length) throw reader.Error(column, "the quoted field is not closed on this line");
            char c = line[i++];
            if (c != '"')
            {
                _quoted.Append(c);
                continue;
            }
            if (i < line.Length && line[i] == '"')
            {
                _quoted.Append('"');
                i++;
                continue;
            }
            if (i < line.Length && line[i] != ',') throw reader.Error(column, "text after the closing quote of a quoted field");
            return i;
        }
    }

    private string Checked(string value, int column)
    {
        if (value.Length > options.MaxFieldChars)
            throw reader.Error(column, $"the field is longer than {options.MaxFieldChars:N0} characters ({value.Length:N0})");
        foreach (char c in value)
        {
            if (c < ' ' || (c >= '\u007F' && c <= '\u009F'))
                throw reader.Error(column, $"control character U+{(int)c:X4} in the field");
            if (c < '\u00AD') continue;
            if (c == '\uFFFD')
                throw reader.Error(column, "U+FFFD in the field: the text was damaged by a wrong conversion before it reached this file");
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format)
                throw reader.Error(column, $"invisible formatting character U+{(int)c:X4} in the field");
        }
        return value;
    }
}
