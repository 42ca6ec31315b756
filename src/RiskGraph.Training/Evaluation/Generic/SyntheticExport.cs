using System.Globalization;
using System.Text;
using RiskGraph.Training.Synthetic;

namespace RiskGraph.Training.Evaluation.Generic;

/// <summary>Files written by <see cref="SyntheticExport"/> and their data rows.</summary>
public sealed record SyntheticExportSummary(IReadOnlyDictionary<string, int> RowsPerFile);

/// <summary>
/// Converts a RiskGraph synthetic folder (data/synthetic/README.md) into the generic evaluation format:
/// <list type="bullet">
/// <item><c>nodes.csv</c>: <c>id,label,industry,region</c> + numeric own-record attributes for every enterprise
/// (id = USCC), and one row per person with an empty label and no attributes;</item>
/// <item><c>edges_shareholding.csv</c> (holder → held, weight = share), <c>edges_supply.csv</c> (supplier → buyer,
/// weight = annual amount), <c>edges_guarantee.csv</c> (guarantor → guaranteed, weight = amount);</item>
/// <item><c>edges_person.csv</c>: person → enterprise with a <c>type</c> column, <c>legal_representative</c> or
/// <c>executive</c>.</item>
/// </list>
/// Persons are named P0000001, P0000002, … in persons.csv order: the evaluation needs only their links, and an
/// export should not spread resident ID numbers (the importer never stores them in clear either).
/// </summary>
public static class SyntheticExport
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    public static SyntheticExportSummary Export(string from, string to, DateOnly? asOf = null)
    {
        Directory.CreateDirectory(to);
        var enterprises = new Dictionary<string, int>(StringComparer.Ordinal);
        var enterpriseRows = new List<string[]>();
        SyntheticTableReader.ForEach(from, "enterprises.csv", ["uscc", "industry", "region", "founded", "registered_capital", "status"],
            row =>
            {
                if (!enterprises.TryAdd(row[0], enterpriseRows.Count)) throw row.Error(0, $"duplicate enterprise '{row[0]}'");
                enterpriseRows.Add((string[])row.Fields.Clone());
            });
        var persons = new Dictionary<string, string>(StringComparer.Ordinal);
        SyntheticTableReader.ForEach(from, "persons.csv", ["id_number"],
            row => persons[row[0]] = "P" + (persons.Count + 1).ToString("D7", CultureInfo.InvariantCulture));

        var rows = new Dictionary<string, int>(StringComparer.Ordinal)
        {
            ["nodes.csv"] = WriteNodes(from, to, enterprises, enterpriseRows, persons, asOf ?? SyntheticOptions.DefaultAsOf),
        };
        string Enterprise(SyntheticRow row, int picked) =>
            enterprises.ContainsKey(row[picked]) ? row[picked] : throw row.Error(picked, $"unknown enterprise '{row[picked]}'");
        string Person(SyntheticRow row, int picked) =>
            persons.TryGetValue(row[picked], out string? alias) ? alias : throw row.Error(picked, "unknown person id number");

        rows["edges_shareholding.csv"] = WriteEdges(from, to, "shareholdings.csv", ["holder_type", "holder_id", "uscc", "share"],
            "edges_shareholding.csv", "src,dst,weight", row =>
            [row[0] == "person" ? Person(row, 1) : Enterprise(row, 1), Enterprise(row, 2), row[3]]);
        rows["edges_supply.csv"] = WriteEdges(from, to, "supply_links.csv", ["supplier_uscc", "buyer_uscc", "annual_amount"],
            "edges_supply.csv", "src,dst,weight", row => [Enterprise(row, 0), Enterprise(row, 1), row[2]]);
        rows["edges_guarantee.csv"] = WriteEdges(from, to, "guarantees.csv", ["guarantor_uscc", "guaranteed_uscc", "amount"],
            "edges_guarantee.csv", "src,dst,weight", row => [Enterprise(row, 0), Enterprise(row, 1), row[2]]);
        using (var writer = Open(to, "edges_person.csv", "src,dst,type"))
        {
            int count = CopyRows(from, "legal_representatives.csv", ["id_number", "uscc"], writer,
                row => [Person(row, 0), Enterprise(row, 1), "legal_representative"]);
            count += CopyRows(from, "executives.csv", ["id_number", "uscc"], writer,
                row => [Person(row, 0), Enterprise(row, 1), "executive"]);
            rows["edges_person.csv"] = count;
        }
        return new SyntheticExportSummary(rows);
    }

    private static int WriteNodes(
        string from, string to, Dictionary<string, int> enterprises, List<string[]> enterpriseRows, Dictionary<string, string> persons, DateOnly asOf)
    {
        var attributes = new SyntheticOwnAttributes(enterpriseRows.Count, asOf);
        SyntheticTableReader.ForEach(from, "penalties.csv", ["uscc", "kind", "amount", "decision_date"], row =>
        {
            int kind = Array.IndexOf(SyntheticOwnAttributes.PenaltyKinds, row[1]);
            if (kind < 0) throw row.Error(1, $"unknown penalty kind '{row[1]}'");
            attributes.AddPenalty(Id(enterprises, row), kind, Number(row, 2), Date(row, 3));
        });
        SyntheticTableReader.ForEach(from, "list_entries.csv", ["uscc", "list_type", "valid_from", "valid_to"], row =>
        {
            int list = Array.IndexOf(SyntheticOwnAttributes.ListTypes, row[1]);
            if (list < 0) throw row.Error(1, $"unknown list type '{row[1]}'");
            attributes.AddListEntry(Id(enterprises, row), list, Date(row, 2), row[3].Length == 0 ? null : Date(row, 3));
        });
        SyntheticTableReader.ForEach(from, "commitments.csv", ["uscc", "fulfilment"], row =>
        {
            if (row[1] == "breached") attributes.AddBreachedCommitment(Id(enterprises, row));
        });
        var labels = new string[enterpriseRows.Count];
        Array.Fill(labels, "");
        SyntheticTableReader.ForEach(from, "labels.csv", ["uscc", "label"], row => labels[Id(enterprises, row)] = row[1]);

        string[] names = SyntheticOwnAttributes.Names.ToArray();
        using var writer = Open(to, "nodes.csv", "id,label,industry,region," + string.Join(',', names));
        for (int e = 0; e < enterpriseRows.Count; e++)
        {
            string[] row = enterpriseRows[e];
            var cells = attributes.Cells(e, DateOnly.ParseExact(row[3], "yyyy-MM-dd", CultureInfo.InvariantCulture), row[4], row[5]);
            writer.Write(string.Join(',', new[] { row[0], labels[e], row[1], row[2] }.Concat(cells)) + "\n");
        }
        // A person has no label, no industry or region and no own attributes: only its links count.
        string empty = new(',', 3 + names.Length);
        foreach (string alias in persons.Values) writer.Write(alias + empty + "\n");
        return enterpriseRows.Count + persons.Count;
    }

    private static int WriteEdges(
        string from, string to, string source, string[] columns, string target, string header, Func<SyntheticRow, string[]> map)
    {
        using var writer = Open(to, target, header);
        return CopyRows(from, source, columns, writer, map);
    }

    private static int CopyRows(string from, string source, string[] columns, StreamWriter writer, Func<SyntheticRow, string[]> map)
    {
        int count = 0;
        SyntheticTableReader.ForEach(from, source, columns, row =>
        {
            writer.Write(string.Join(',', map(row)) + "\n");
            count++;
        });
        return count;
    }

    private static StreamWriter Open(string folder, string file, string header)
    {
        var writer = new StreamWriter(Path.Combine(folder, file), append: false, Utf8NoBom);
        writer.Write(header + "\n");
        return writer;
    }

    /// <summary>The dense id of the enterprise named in the row's first picked field.</summary>
    private static int Id(Dictionary<string, int> enterprises, SyntheticRow row) =>
        enterprises.TryGetValue(row[0], out int id) ? id : throw row.Error(0, $"unknown enterprise '{row[0]}'");

    private static DateOnly Date(SyntheticRow row, int picked) =>
        DateOnly.TryParseExact(row[picked], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date : throw row.Error(picked, $"not a yyyy-MM-dd date: '{row[picked]}'");

    private static double Number(SyntheticRow row, int picked) =>
        double.TryParse(row[picked], NumberStyles.Float, CultureInfo.InvariantCulture, out double value)
            ? value : throw row.Error(picked, $"not a number: '{row[picked]}'");
}
