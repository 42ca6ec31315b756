using System.Text.Json.Serialization;

namespace RiskGraph.Training.Bench;

/// <summary>
/// What <see cref="GraphBench"/> measured on one synthetic graph. Times are wall-clock on this machine with every
/// algorithm at <see cref="Concurrency"/> threads; the QuikGraph figures come from the largest subgraph it handled within
/// its time budget (the whole graph when <see cref="QuikGraphNodes"/> equals <see cref="Nodes"/>).
/// </summary>
public sealed record BenchReport
{
    [JsonPropertyName("enterprises")] public int Enterprises { get; init; }
    [JsonPropertyName("seed")] public int Seed { get; init; }
    [JsonPropertyName("processors")] public int Processors { get; init; } = Environment.ProcessorCount;

    /// <summary>Threads every algorithm was given (<c>--concurrency</c>; default one per processor).</summary>
    [JsonPropertyName("concurrency")] public int Concurrency { get; init; }

    /// <summary>Enterprises plus persons.</summary>
    [JsonPropertyName("nodes")] public int Nodes { get; init; }

    /// <summary>Relations (each is stored as two edge slots in the CSR graph).</summary>
    [JsonPropertyName("edges")] public long Edges { get; init; }

    [JsonPropertyName("generate_s")] public double GenerateSeconds { get; init; }
    [JsonPropertyName("import_s")] public double ImportSeconds { get; init; }
    [JsonPropertyName("load_s")] public double LoadSeconds { get; init; }

    /// <summary>Our PageRank as the analytics run it: on the locality-ordered graph (ordering not included).</summary>
    [JsonPropertyName("pagerank_ms_per_iter")] public double PageRankMsPerIteration { get; init; }

    /// <summary>The plain pull kernel (<see cref="ReferencePageRank"/>) in the same run, graph as loaded.</summary>
    [JsonPropertyName("pagerank_reference_ms_per_iter")] public double PageRankReferenceMsPerIteration { get; init; }

    /// <summary>Ours on the graph as loaded, so the gain of the ordering itself is visible.</summary>
    [JsonPropertyName("pagerank_unordered_ms_per_iter")] public double PageRankUnorderedMsPerIteration { get; init; }

    /// <summary>Largest score difference between ours and the reference (float shares, summation order).</summary>
    [JsonPropertyName("pagerank_reference_max_diff")] public double PageRankReferenceMaxDifference { get; init; }

    /// <summary>One-off cost of the locality order (breadth-first sweep and the renumbered CSR).</summary>
    [JsonPropertyName("locality_order_ms")] public double LocalityOrderMs { get; init; }
    [JsonPropertyName("weighted_pagerank_ms_per_iter")] public double WeightedPageRankMsPerIteration { get; init; }

    [JsonPropertyName("quikgraph_pagerank_ms_per_iter")] public double QuikGraphPageRankMsPerIteration { get; init; }
    [JsonPropertyName("quikgraph_nodes")] public int QuikGraphNodes { get; init; }
    [JsonPropertyName("quikgraph_edges")] public long QuikGraphEdges { get; init; }

    /// <summary>Our PageRank on exactly the graph QuikGraph ran on, so the speed-up compares like with like.</summary>
    [JsonPropertyName("pagerank_ms_per_iter_on_quikgraph_graph")] public double PageRankMsPerIterationOnQuikGraphGraph { get; init; }
    [JsonPropertyName("pagerank_speedup_vs_quikgraph")] public double PageRankSpeedupVsQuikGraph { get; init; }

    [JsonPropertyName("wcc_ms")] public double WccMs { get; init; }
    /// <summary>Louvain as the analytics run it, on the locality order (built once, see <see cref="LocalityOrderMs"/>).</summary>
    [JsonPropertyName("louvain_ms")] public double LouvainMs { get; init; }
    [JsonPropertyName("louvain_s")] public double LouvainSeconds { get; init; }
    [JsonPropertyName("louvain_communities")] public int LouvainCommunities { get; init; }
    [JsonPropertyName("louvain_modularity")] public double LouvainModularity { get; init; }
    [JsonPropertyName("louvain_levels")] public int LouvainLevels { get; init; }

    /// <summary>python-igraph's multilevel Louvain on the same graph (<c>scripts/louvain_reference.py</c>); null when unavailable.</summary>
    [JsonPropertyName("louvain_reference_modularity")] public double? LouvainReferenceModularity { get; init; }

    /// <summary>Our partition's modularity recomputed by igraph on the same graph: checks <see cref="LouvainModularity"/>.</summary>
    [JsonPropertyName("louvain_modularity_by_reference")] public double? LouvainModularityByReference { get; init; }
    [JsonPropertyName("louvain_reference_communities")] public int? LouvainReferenceCommunities { get; init; }
    [JsonPropertyName("louvain_reference_s")] public double? LouvainReferenceSeconds { get; init; }

    /// <summary>What produced the reference figures, or why there are none.</summary>
    [JsonPropertyName("louvain_reference_note")] public string? LouvainReferenceNote { get; init; }
    [JsonPropertyName("personalized_pagerank_ms")] public double PersonalizedPageRankMs { get; init; }
    [JsonPropertyName("supply_chain_contagion_ms")] public double SupplyChainContagionMs { get; init; }
    [JsonPropertyName("exposure_2hop_all_s")] public double Exposure2HopAllSeconds { get; init; }
    [JsonPropertyName("cross_boundary_3hop_all_s")] public double CrossBoundary3HopAllSeconds { get; init; }
    [JsonPropertyName("single_queries_ms")] public double SingleQueriesMs { get; init; }

    /// <summary>
    /// All features for all enterprises, whole-graph analytics and their locality order included:
    /// <c>new FeatureExtractor(snapshot, new FeatureExtractorParameters(Concurrency: n)).Compute()</c>.
    /// </summary>
    [JsonPropertyName("features_s")] public double FeaturesSeconds { get; init; }

    /// <summary>Batch scoring of all enterprises; filled in by the caller, which holds a trained model.</summary>
    [JsonPropertyName("scoring_s")] public double? ScoringSeconds { get; init; }

    /// <summary>Training the calibrated warning model on 80 % of the labelled enterprises.</summary>
    [JsonPropertyName("training_s")] public double? TrainingSeconds { get; init; }

    /// <summary>One warning with its class and reasons from the scored graph, without HTTP: median and 99th percentile.</summary>
    [JsonPropertyName("warning_p50_us")] public double? WarningP50Microseconds { get; init; }

    [JsonPropertyName("warning_p99_us")] public double? WarningP99Microseconds { get; init; }

    /// <summary>Process peak working set after our own algorithms, before QuikGraph's graph was built.</summary>
    [JsonPropertyName("peak_working_set_mb")] public double PeakWorkingSetMb { get; init; }

    /// <summary>
    /// Per stage (generate, import, load, algorithms, features, training, batch_scoring, serving): seconds, its own
    /// peak working set, the working set and live managed heap at its end.
    /// </summary>
    [JsonPropertyName("stages")] public IReadOnlyList<BenchStage> Stages { get; init; } = [];

    /// <summary>Process peak working set at the end, QuikGraph's object graph included.</summary>
    [JsonPropertyName("peak_working_set_with_quikgraph_mb")] public double PeakWorkingSetWithQuikGraphMb { get; init; }
}
