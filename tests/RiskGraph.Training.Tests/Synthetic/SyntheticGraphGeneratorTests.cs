using System.Globalization;
using System.Text;
using RiskGraph.Model.Domain;
using RiskGraph.Training.Synthetic;

namespace RiskGraph.Training.Tests.Synthetic;

/// <summary>One generated data set (2,500 enterprises), read back as string rows and shared by the tests below.</summary>
public sealed class GeneratedGraph : IDisposable
{
    public const int Enterprises = 2_500;
    public const int Seed = 20251231;

    public GeneratedGraph()
    {
        Folder = Path.Combine(Path.GetTempPath(), "riskgraph-synthetic-" + Guid.NewGuid().ToString("N"));
        Summary = SyntheticGraphGenerator.Generate(new SyntheticOptions(Enterprises, Seed), Folder);
        foreach (string file in SyntheticFiles.All)
        {
            string[] lines = File.ReadAllText(Path.Combine(Folder, file), Encoding.UTF8).Split('\n');
            Headers[file] = lines[0];
            // The file ends with "\n", so the last split element is empty.
            Rows[file] = lines[1..^1].Select(line => line.Split(',')).ToArray();
        }
    }

    public string Folder { get; }
    public SyntheticSummary Summary { get; }
    public Dictionary<string, string> Headers { get; } = [];
    public Dictionary<string, string[][]> Rows { get; } = [];

    public string[][] this[string file] => Rows[file];

    public void Dispose()
    {
        if (Directory.Exists(Folder)) Directory.Delete(Folder, recursive: true);
    }
}

public sealed class SyntheticGraphGeneratorTests(GeneratedGraph graph) : IClassFixture<GeneratedGraph>
{
    private static readonly DateOnly AsOf = new(2025, 12, 31);

    [Fact]
    public void Same_seed_gives_identical_bytes_in_every_file()
    {
        string again = TempFolder();
        try
        {
            SyntheticGraphGenerator.Generate(new SyntheticOptions(GeneratedGraph.Enterprises, GeneratedGraph.Seed), again);
            foreach (string file in SyntheticFiles.All)
            {
                Assert.True(File.ReadAllBytes(Path.Combine(graph.Folder, file)).AsSpan()
                    .SequenceEqual(File.ReadAllBytes(Path.Combine(again, file))), $"{file} differs between two runs");
            }
        }
        finally
        {
            Directory.Delete(again, recursive: true);
        }
    }

    [Fact]
    public void Different_seed_gives_different_data()
    {
        string other = TempFolder();
        try
        {
            SyntheticGraphGenerator.Generate(new SyntheticOptions(GeneratedGraph.Enterprises, GeneratedGraph.Seed + 1), other);
            foreach (string file in new[] { SyntheticFiles.Enterprises, SyntheticFiles.Persons, SyntheticFiles.SupplyLinks, SyntheticFiles.Labels })
            {
                Assert.NotEqual(File.ReadAllText(Path.Combine(graph.Folder, file)), File.ReadAllText(Path.Combine(other, file)));
            }
        }
        finally
        {
            Directory.Delete(other, recursive: true);
        }
    }

    [Fact]
    public void Files_follow_the_csv_contract()
    {
        Assert.Equal("uscc,registration_no,name,industry,region,founded,registered_capital,status", graph.Headers[SyntheticFiles.Enterprises]);
        Assert.Equal("holder_type,holder_id,uscc,share", graph.Headers[SyntheticFiles.Shareholdings]);
        Assert.Equal("record_id,uscc,kind,amount,decision_date,publication_date,department,catalogue_item", graph.Headers[SyntheticFiles.Penalties]);
        Assert.Equal("record_id,uscc,list_type,valid_from,valid_to,department,legal_basis,catalogue_item", graph.Headers[SyntheticFiles.ListEntries]);
        foreach (string file in SyntheticFiles.All)
        {
            byte[] bytes = File.ReadAllBytes(Path.Combine(graph.Folder, file));
            Assert.False(bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF, $"{file} has a BOM");
            Assert.DoesNotContain((byte)'\r', bytes);
            Assert.DoesNotContain((byte)'"', bytes);
            int columns = graph.Headers[file].Split(',').Length;
            Assert.All(graph[file], row => Assert.Equal(columns, row.Length));
        }
        var counts = graph.Summary.RowsPerFile.ToDictionary(kv => kv.Key, kv => kv.Value);
        foreach (string file in SyntheticFiles.All) Assert.Equal(graph[file].Length, counts[file]);
        Assert.Equal(GeneratedGraph.Enterprises, graph[SyntheticFiles.Enterprises].Length);
        Assert.Equal(GeneratedGraph.Enterprises, graph[SyntheticFiles.Labels].Length);
        Assert.Equal(GeneratedGraph.Enterprises, graph[SyntheticFiles.LegalRepresentatives].Length);
    }

    [Fact]
    public void Every_uscc_is_valid_and_unique_and_matches_its_region()
    {
        var enterprises = graph[SyntheticFiles.Enterprises];
        Assert.All(enterprises, e => Assert.Null(Uscc.Validate(e[0])));
        Assert.All(enterprises, e => Assert.Equal(e[4], e[0].Substring(2, 6)));
        Assert.Equal(enterprises.Length, enterprises.Select(e => e[0]).Distinct().Count());
        var registrationNumbers = enterprises.Select(e => e[1]).Where(r => r.Length > 0).ToArray();
        Assert.NotEmpty(registrationNumbers);
        Assert.All(registrationNumbers, r => Assert.Matches("^[0-9]{15}$", r));
        Assert.Equal(registrationNumbers.Length, registrationNumbers.Distinct().Count());
    }

    [Fact]
    public void Enterprise_columns_stay_in_their_domains()
    {
        foreach (var e in graph[SyntheticFiles.Enterprises])
        {
            Assert.Matches("^[A-T][0-9]{2}$", e[3]);
            Assert.Matches("^[1-9][0-9]{5}$", e[4]);
            Assert.True(DateOnly.ParseExact(e[5], "yyyy-MM-dd", CultureInfo.InvariantCulture) <= AsOf);
            Assert.True(long.Parse(e[6], CultureInfo.InvariantCulture) > 0);
            Assert.True(DomainNames.TryParse(e[7], out EnterpriseStatus _), e[7]);
            Assert.EndsWith("公司", e[2]);
        }
    }

    [Fact]
    public void Every_reference_resolves_to_an_enterprise_or_a_person()
    {
        var usccs = graph[SyntheticFiles.Enterprises].Select(e => e[0]).ToHashSet();
        var persons = graph[SyntheticFiles.Persons].Select(p => p[0]).ToHashSet();
        Assert.Equal(graph[SyntheticFiles.Persons].Length, persons.Count);

        Assert.All(graph[SyntheticFiles.LegalRepresentatives], r => { Assert.Contains(r[0], persons); Assert.Contains(r[1], usccs); });
        Assert.All(graph[SyntheticFiles.Executives], r => { Assert.Contains(r[0], persons); Assert.Contains(r[1], usccs); });
        Assert.All(graph[SyntheticFiles.Shareholdings], r =>
        {
            Assert.Contains(r[1], r[0] == "person" ? persons : usccs);
            Assert.Contains(r[2], usccs);
        });
        Assert.All(graph[SyntheticFiles.SupplyLinks], r => { Assert.Contains(r[0], usccs); Assert.Contains(r[1], usccs); });
        Assert.All(graph[SyntheticFiles.Guarantees], r => { Assert.Contains(r[0], usccs); Assert.Contains(r[1], usccs); });
        Assert.All(graph[SyntheticFiles.Penalties], r => Assert.Contains(r[1], usccs));
        Assert.All(graph[SyntheticFiles.ListEntries], r => Assert.Contains(r[1], usccs));
        Assert.Equal(graph[SyntheticFiles.Enterprises].Select(e => e[0]), graph[SyntheticFiles.Labels].Select(l => l[0]));
        Assert.Equal(usccs, graph[SyntheticFiles.LegalRepresentatives].Select(r => r[1]).ToHashSet());
    }

    [Fact]
    public void Shares_are_in_range_and_sum_to_at_most_one_per_enterprise()
    {
        var totals = new Dictionary<string, decimal>();
        var pairs = new HashSet<string>();
        foreach (var r in graph[SyntheticFiles.Shareholdings])
        {
            Assert.True(r[0] is "person" or "enterprise", r[0]);
            decimal share = decimal.Parse(r[3], CultureInfo.InvariantCulture);
            Assert.InRange(share, 0.0001m, 1m);
            totals[r[2]] = totals.GetValueOrDefault(r[2]) + share;
            Assert.True(pairs.Add(r[1] + ">" + r[2]), $"{r[1]} holds {r[2]} twice");
            Assert.NotEqual(r[1], r[2]);
        }
        Assert.All(totals.Values, total => Assert.True(total <= 1m, $"shares sum to {total}"));
        // Most enterprises are fully owned on record; group members sometimes leave part unrecorded.
        Assert.True(totals.Values.Count(t => t == 1m) > totals.Count / 2);
    }

    [Fact]
    public void Resident_id_numbers_carry_a_valid_gb11643_check_character()
    {
        Assert.All(graph[SyntheticFiles.Persons], p =>
        {
            Assert.Matches("^[1-9][0-9]{16}[0-9X]$", p[0]);
            Assert.Equal(ExpectedCheckCharacter(p[0]), p[0][17]);
            var birth = DateOnly.ParseExact(p[0].Substring(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture);
            Assert.InRange(AsOf.Year - birth.Year, 18, 80);
            Assert.InRange(p[1].Length, 2, 4);
        });
    }

    [Fact]
    public void Label_rate_is_in_a_sane_band()
    {
        Assert.All(graph[SyntheticFiles.Labels], l => Assert.True(l[1] is "0" or "1"));
        double rate = graph[SyntheticFiles.Labels].Count(l => l[1] == "1") / (double)GeneratedGraph.Enterprises;
        Assert.InRange(rate, 0.04, 0.11);
        Assert.Equal(rate, graph.Summary.LabelRate, 6);
    }

    [Fact]
    public void About_twenty_industries_and_thirty_regions_in_several_provinces_are_used()
    {
        var enterprises = graph[SyntheticFiles.Enterprises];
        Assert.InRange(enterprises.Select(e => e[3]).Distinct().Count(), 18, 22);
        Assert.InRange(enterprises.Select(e => e[4]).Distinct().Count(), 27, 32);
        Assert.True(enterprises.Select(e => e[4][..2]).Distinct().Count() >= 10);
        // Skewed sizes: the largest industry is several times the median one.
        var sizes = enterprises.GroupBy(e => e[3]).Select(g => g.Count()).OrderDescending().ToArray();
        Assert.True(sizes[0] > 3 * sizes[sizes.Length / 2]);
    }

    [Fact]
    public void Some_persons_sit_on_several_boards()
    {
        var boards = graph[SyntheticFiles.Executives].Concat(graph[SyntheticFiles.LegalRepresentatives])
            .GroupBy(r => r[0])
            .Select(g => g.Select(r => r[1]).Distinct().Count())
            .ToArray();
        Assert.True(boards.Count(b => b == 1) > boards.Length / 2, "most persons should be on one board");
        Assert.True(boards.Count(b => b >= 3) >= 20);
        Assert.True(boards.Max() >= 8);
        var titles = new[] { "chairman", "director", "general_manager", "supervisor", "cfo" };
        Assert.All(graph[SyntheticFiles.Executives], r => Assert.Contains(r[2], titles));
        Assert.Equal(graph[SyntheticFiles.Executives].Length,
            graph[SyntheticFiles.Executives].Select(r => r[0] + r[1]).Distinct().Count());
    }

    [Fact]
    public void A_shareholding_chain_of_depth_three_exists_and_some_holdings_are_circular()
    {
        var held = graph[SyntheticFiles.Shareholdings].Where(r => r[0] == "enterprise")
            .GroupBy(r => r[1]).ToDictionary(g => g.Key, g => g.Select(r => r[2]).ToArray());
        bool Reaches(string from, int depth) =>
            depth == 0 || (held.TryGetValue(from, out var next) && next.Any(n => Reaches(n, depth - 1)));
        Assert.Contains(held.Keys, holder => Reaches(holder, 3));
        Assert.True(HasCycle(held), "expected at least one cross-holding cycle");
    }

    [Fact]
    public void Guarantee_cycles_exist()
    {
        var guarantees = graph[SyntheticFiles.Guarantees];
        Assert.All(guarantees, g => Assert.NotEqual(g[0], g[1]));
        Assert.Equal(guarantees.Length, guarantees.Select(g => g[0] + ">" + g[1]).Distinct().Count());
        var edges = guarantees.GroupBy(g => g[0]).ToDictionary(g => g.Key, g => g.Select(r => r[1]).ToArray());
        Assert.True(HasCycle(edges));
    }

    [Fact]
    public void Supply_links_cross_industries_and_regions_and_have_core_buyers()
    {
        var enterprises = graph[SyntheticFiles.Enterprises].ToDictionary(e => e[0]);
        var links = graph[SyntheticFiles.SupplyLinks];
        Assert.True(links.Length > GeneratedGraph.Enterprises / 2);
        int crossIndustry = links.Count(l => enterprises[l[0]][3] != enterprises[l[1]][3]);
        int crossRegion = links.Count(l => enterprises[l[0]][4] != enterprises[l[1]][4]);
        int crossBoth = links.Count(l => enterprises[l[0]][3] != enterprises[l[1]][3] && enterprises[l[0]][4][..2] != enterprises[l[1]][4][..2]);
        Assert.True(crossIndustry > links.Length / 2);
        Assert.True(crossRegion > links.Length / 5);
        Assert.True(crossBoth > 0);
        Assert.All(links, l => Assert.True(decimal.Parse(l[2], CultureInfo.InvariantCulture) > 0));
        // Preferential attachment: the busiest buyer has far more suppliers than the typical one.
        int busiest = links.GroupBy(l => l[1]).Max(g => g.Count());
        Assert.True(busiest >= 20, $"busiest buyer has {busiest} suppliers");
    }

    [Fact]
    public void Records_are_on_or_before_the_observation_date_and_in_their_domains()
    {
        var founded = graph[SyntheticFiles.Enterprises].ToDictionary(e => e[0], e => Date(e[5]));
        var penalties = graph[SyntheticFiles.Penalties];
        Assert.NotEmpty(penalties);
        foreach (var p in penalties)
        {
            Assert.True(DomainNames.TryParse(p[2], out PenaltyKind kind), p[2]);
            decimal amount = decimal.Parse(p[3], CultureInfo.InvariantCulture);
            if (kind == PenaltyKind.Warning) Assert.Equal(0m, amount);
            Assert.True(amount >= 0);
            DateOnly decision = Date(p[4]), publication = Date(p[5]);
            Assert.True(founded[p[1]] <= decision && decision <= publication && publication <= AsOf, string.Join(",", p));
            Assert.NotEmpty(p[6]);
        }
        Assert.True(penalties.Count(p => p[2] is "warning" or "fine") > penalties.Length * 0.7);
        Assert.Equal(penalties.Length, penalties.Select(p => p[0]).Distinct().Count());

        var entries = graph[SyntheticFiles.ListEntries];
        foreach (var e in entries)
        {
            Assert.True(DomainNames.TryParse(e[2], out ListType _), e[2]);
            DateOnly from = Date(e[3]);
            Assert.True(founded[e[1]] <= from && from <= AsOf);
            if (e[4].Length > 0) Assert.True(from <= Date(e[4]) && Date(e[4]) <= AsOf);
        }
        Assert.Equal(entries.Length, entries.Select(e => e[0]).Distinct().Count());
        var byType = entries.GroupBy(e => e[2]).ToDictionary(g => g.Key, g => g.Count());
        Assert.True(byType["abnormal_operation"] > byType.GetValueOrDefault("serious_dishonesty"));
        Assert.True(byType.ContainsKey("red_list"));
        Assert.Contains(entries, e => e[4].Length > 0);
    }

    [Fact]
    public void Neighbours_with_records_raise_the_label_rate()
    {
        // The spread must reach observable records: firms related to a firm with records are positive more often.
        var negative = graph[SyntheticFiles.Penalties].Select(p => p[1])
            .Concat(graph[SyntheticFiles.ListEntries].Where(e => e[2] != "red_list").Select(e => e[1])).ToHashSet();
        var neighbours = new Dictionary<string, List<string>>();
        void Link(string a, string b)
        {
            if (!neighbours.TryGetValue(a, out var list)) neighbours[a] = list = [];
            list.Add(b);
        }
        foreach (var r in graph[SyntheticFiles.SupplyLinks].Concat(graph[SyntheticFiles.Guarantees]))
        {
            Link(r[0], r[1]);
            Link(r[1], r[0]);
        }
        foreach (var r in graph[SyntheticFiles.Shareholdings].Where(r => r[0] == "enterprise"))
        {
            Link(r[1], r[2]);
            Link(r[2], r[1]);
        }
        var labels = graph[SyntheticFiles.Labels].ToDictionary(l => l[0], l => l[1] == "1");
        var exposed = labels.Keys.Where(u => neighbours.TryGetValue(u, out var n) && n.Any(negative.Contains)).ToArray();
        var clean = labels.Keys.Except(exposed).ToArray();
        double exposedRate = exposed.Count(u => labels[u]) / (double)exposed.Length;
        double cleanRate = clean.Count(u => labels[u]) / (double)clean.Length;
        Assert.True(exposedRate > 1.5 * cleanRate, $"exposed {exposedRate:P1} vs clean {cleanRate:P1}");
    }

    [Fact]
    public void Options_check_their_ranges()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new SyntheticOptions(10, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SyntheticOptions(SyntheticOptions.MaxEnterprises + 1, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SyntheticOptions(1_000, 1, new DateOnly(1990, 1, 1)));
        var options = new SyntheticOptions(1_000, 1);
        Assert.Equal(new DateOnly(2025, 12, 31), options.AsOf);
        Assert.Throws<ArgumentOutOfRangeException>(() => options with { Enterprises = -5 });
    }

    // GB 11643-1999: weights 2^(17-i) mod 11, check value (12 - sum mod 11) mod 11, where 10 is written X.
    private static char ExpectedCheckCharacter(string id)
    {
        int sum = 0;
        for (int i = 0; i < 17; i++) sum += (id[i] - '0') * ((1 << (17 - i)) % 11);
        int check = (12 - sum % 11) % 11;
        return check == 10 ? 'X' : (char)('0' + check);
    }

    private static bool HasCycle(Dictionary<string, string[]> edges)
    {
        // Iterative three-colour depth-first search; a grey successor closes a cycle.
        var colour = new Dictionary<string, int>();
        foreach (string root in edges.Keys)
        {
            if (colour.ContainsKey(root)) continue;
            var stack = new Stack<(string Node, int Next)>();
            stack.Push((root, 0));
            colour[root] = 1;
            while (stack.Count > 0)
            {
                var (node, next) = stack.Pop();
                var successors = edges.GetValueOrDefault(node) ?? [];
                if (next < successors.Length)
                {
                    stack.Push((node, next + 1));
                    string successor = successors[next];
                    int state = colour.GetValueOrDefault(successor);
                    if (state == 1) return true;
                    if (state == 0)
                    {
                        colour[successor] = 1;
                        stack.Push((successor, 0));
                    }
                }
                else
                {
                    colour[node] = 2;
                }
            }
        }
        return false;
    }

    private static DateOnly Date(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string TempFolder() => Path.Combine(Path.GetTempPath(), "riskgraph-synthetic-" + Guid.NewGuid().ToString("N"));
}
