using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using RiskGraph.Model.Graph;

namespace RiskGraph.Training.Bench;

/// <summary>
/// An independent modularity figure for the bench graph: <c>scripts/louvain_reference.py</c> runs python-igraph's
/// multilevel (Louvain) community detection on the same graph and also recomputes the modularity of our
/// partition with igraph's own code. The graph is handed over as its relation list (each relation once, so
/// parallel relations become edge weights there, which is exactly the multigraph our Louvain sees) and our
/// membership per node. Without a Python that can import igraph the figures are null and the note says why;
/// nothing is ever estimated in their place.
/// </summary>
internal static class LouvainReference
{
    public sealed record Outcome(double? Modularity, double? OursByReference, double? Seconds, int? Communities, string Note);

    public static Outcome Run(CsrGraph graph, int[] community, string folder, IProgress<string>? log)
    {
        string? script = FindScript();
        if (script is null) return Missing("scripts/louvain_reference.py not found next to the working directory or the executable");
        string python = Environment.GetEnvironmentVariable("RISKGRAPH_PYTHON") ?? (File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3");
        var (probeCode, probeOutput) = Execute(python, ["-c", "import igraph; print(igraph.__version__)"]);
        if (probeCode != 0) return Missing($"{python} cannot import igraph (install python3-igraph): {probeOutput.Trim()}");

        string edges = Path.Combine(folder, "louvain-edges.txt"), membership = Path.Combine(folder, "louvain-membership.txt");
        WriteEdges(graph, edges);
        File.WriteAllLines(membership, Array.ConvertAll(community, c => c.ToString(CultureInfo.InvariantCulture)));
        log?.Report($"running python-igraph {probeOutput.Trim()} multilevel on the same graph ...");
        var (code, output) = Execute(python, [script, edges, membership]);
        if (code != 0) return Missing($"{script} failed: {output.Trim()}");
        using var json = JsonDocument.Parse(output.Trim().Split('\n')[^1]);
        var root = json.RootElement;
        return new Outcome(root.GetProperty("modularity").GetDouble(), root.GetProperty("ours_modularity").GetDouble(),
            root.GetProperty("seconds").GetDouble(), root.GetProperty("communities").GetInt32(), $"python-igraph {probeOutput.Trim()} community_multilevel, one thread");
    }

    private static Outcome Missing(string note) => new(null, null, null, null, note);

    /// <summary>Each relation once, from its source end ("u v" per line); the CSR holds it at both ends.</summary>
    private static void WriteEdges(CsrGraph graph, string path)
    {
        using var writer = new StreamWriter(path);
        writer.WriteLine(graph.NodeCount.ToString(CultureInfo.InvariantCulture));
        for (int v = 0; v < graph.NodeCount; v++)
            for (int e = graph.Offsets[v]; e < graph.Offsets[v + 1]; e++)
                if (!EdgeKind.IsIncoming(graph.Kinds[e]))
                {
                    writer.Write(v);
                    writer.Write(' ');
                    writer.Write(graph.Targets[e]);
                    writer.Write('\n');
                }
    }

    private static string? FindScript()
    {
        foreach (string start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                string candidate = Path.Combine(dir.FullName, "scripts", "louvain_reference.py");
                if (File.Exists(candidate)) return candidate;
            }
        return null;
    }

    private static (int Code, string Output) Execute(string file, string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string argument in arguments) start.ArgumentList.Add(argument);
        try
        {
            using var process = Process.Start(start)!;
            var stderr = process.StandardError.ReadToEndAsync();
            string stdout = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, process.ExitCode == 0 ? stdout : stderr.Result + stdout);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return (-1, e.Message);
        }
    }
}
