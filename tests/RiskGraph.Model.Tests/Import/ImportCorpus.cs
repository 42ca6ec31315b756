using System.Text;
using RiskGraph.Model.Import;
using RiskGraph.Model.Tests.Storage;

namespace RiskGraph.Model.Tests.Import;

/// <summary>
/// The committed bad-input corpus (Import/Corpus): a valid folder <c>base/</c> and, per row of <c>cases.tsv</c>, a
/// file that replaces one of it. Read from the source tree so that the bytes tested are the bytes committed.
/// </summary>
public sealed record ImportCorpusCase(string Name, string File, string Options, string Expected)
{
    /// <summary>The day the corpus treats as today, so "in the future" means the same on every run.</summary>
    public static readonly DateOnly Today = new(2026, 6, 30);

    private static readonly Encoding Gb18030 = CreateGb18030();

    public static string Folder => Path.Combine(Neo4jTestServer.RepositoryRoot(), "tests", "RiskGraph.Model.Tests", "Import", "Corpus");

    public static IReadOnlyList<ImportCorpusCase> All() =>
        System.IO.File.ReadAllLines(Path.Combine(Folder, "cases.tsv"), Encoding.UTF8)
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split('\t'))
            .Select(f => new ImportCorpusCase(f[0], f[1], f[2], f[3]))
            .ToList();

    public bool IsError => Expected.StartsWith("error: ", StringComparison.Ordinal);

    public string ExpectedError => Expected["error: ".Length..];

    public ImportOptions ImportOptions => new()
    {
        Today = Today,
        Encoding = Options == "encoding=gb18030" ? ImportEncoding.Gb18030 : ImportEncoding.Utf8,
    };

    /// <summary>A copy of base/ with this case's file in place.</summary>
    public void WriteFolder(string folder)
    {
        foreach (string file in Directory.GetFiles(Path.Combine(Folder, "base")))
        {
            string copy = Path.Combine(folder, Path.GetFileName(file));
            // An import reads every file in one encoding, so a GB18030 case needs the rest of the folder in it too.
            if (Options == "encoding=gb18030") System.IO.File.WriteAllText(copy, System.IO.File.ReadAllText(file, Encoding.UTF8), Gb18030);
            else System.IO.File.Copy(file, copy, overwrite: true);
        }
        string target = Path.Combine(folder, File);
        if (Options == "generated") Generate(target);
        else System.IO.File.Copy(Path.Combine(Folder, "cases", Name + ".csv"), target, overwrite: true);
    }

    public static void WriteBase(string folder) =>
        new ImportCorpusCase("base", "enterprises.csv", "generated", "same").WriteFolder(folder);

    public override string ToString() => Name;

    private static Encoding CreateGb18030()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("GB18030");
    }

    /// <summary>The cases too big to commit, written from base/ at test time.</summary>
    private void Generate(string target)
    {
        string[] lines = System.IO.File.ReadAllLines(Path.Combine(Folder, "base", File), Encoding.UTF8);
        string[] first = lines[1].Split(',');
        switch (Name)
        {
            case "base":
                return;
            case "long-field":
                first[2] = new string('企', 1_001);
                break;
            case "long-line":
                first[2] = new string('a', 2 * ImportOptions.DefaultMaxLineBytes);
                break;
            default:
                throw new InvalidOperationException($"No generator for corpus case {Name}.");
        }
        lines[1] = string.Join(',', first);
        System.IO.File.WriteAllText(target, string.Join('\n', lines) + "\n", new UTF8Encoding(false));
    }
}
