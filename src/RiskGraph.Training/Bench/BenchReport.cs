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

    /// <summary>Guarantee circles (SCCs of the guarantee graph), mutual guarantees, triangles and contagion rounds for the whole graph.</summary>
    [JsonPropertyName("guarantee_circles_s")] public double GuaranteeCirclesSeconds { get; init; }

    /// <summary>Conglomerates: equity penetration of every enterprise and the resolution to top controllers.</summary>
    [JsonPropertyName("groups_s")] public double GroupsSeconds { get; init; }

    [JsonPropertyName("guarantee_circles")] public int GuaranteeCircleCount { get; init; }
    [JsonPropertyName("groups")] public int GroupCount { get; init; }

    /// <summary>One person view (every enterprise of a person with role, share, class) without HTTP, over up to 2,000 persons: median and 99th percentile.</summary>
    [JsonPropertyName("person_view_p50_ms")] public double PersonViewP50Ms { get; init; }
    [JsonPropertyName("person_view_p99_ms")] public double PersonViewP99Ms { get; init; }

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

    /// <summary>Exact TreeSHAP values of every feature for one warning (the reasons' cost alone): median and 99th percentile.</summary>
    [JsonPropertyName("shap_p50_us")] public double? ShapP50Microseconds { get; init; }

    [JsonPropertyName("shap_p99_us")] public double? ShapP99Microseconds { get; init; }

    /// <summary>Members of each of the 10 watch lists (radius 1) of the watch-list step (issue #20).</summary>
    [JsonPropertyName("watch_members_per_list")] public int? WatchMembers { get; init; }

    /// <summary>Building the 10 watch indexes (done when lists or relations change, not per batch).</summary>
    [JsonPropertyName("watch_index_s")] public double? WatchIndexSeconds { get; init; }

    [JsonPropertyName("watch_events")] public int? WatchEvents { get; init; }

    /// <summary>Deriving the events of a batch of 10,000 changes for the 10 lists, from the two states and the change feed.</summary>
    [JsonPropertyName("watch_events_s")] public double? WatchEventsSeconds { get; init; }

    /// <summary>Storing those events (and history points) in one transaction of the embedded store.</summary>
    [JsonPropertyName("watch_store_s")] public double? WatchStoreSeconds { get; init; }

    /// <summary>Events read back from the store's feed by cursor, 1,000 a page, details parsed.</summary>
    [JsonPropertyName("watch_feed_events_per_s")] public double? WatchFeedEventsPerSecond { get; init; }

    /// <summary>Process peak working set after our own algorithms, before QuikGraph's graph was built.</summary>
    /// <summary>A single penalty or repair, from the store write to the served state showing it (in process), p99 and p50.</summary>
    [JsonPropertyName("reflect_p99_ms")] public double? ReflectP99Ms { get; init; }
    [JsonPropertyName("reflect_p50_ms")] public double? ReflectP50Ms { get; init; }

    /// <summary>Sustained ingestion of 1,000-record batches into the embedded store, applied in place, while 32 readers ask for warnings.</summary>
    [JsonPropertyName("ingest_records_per_s")] public double? IngestRecordsPerSecond { get; init; }
    [JsonPropertyName("ingest_read_p99_ms")] public double? IngestReadP99Ms { get; init; }

    /// <summary>The same batches into Neo4j when NEO4J_URL names a server, else null.</summary>
    [JsonPropertyName("ingest_neo4j_records_per_s")] public double? IngestNeo4jRecordsPerSecond { get; init; }

    /// <summary>One background refresh: snapshot from the store, whole-graph analytics, every score.</summary>
    [JsonPropertyName("refresh_s")] public double? RefreshSeconds { get; init; }

    [JsonPropertyName("peak_working_set_mb")] public double PeakWorkingSetMb { get; init; }

    /// <summary>
    /// Per stage (generate, import, load, algorithms, features, training, batch_scoring, serving): seconds, its own
    /// peak working set, the working set and live managed heap at its end.
    /// </summary>
    [JsonPropertyName("stages")] public IReadOnlyList<BenchStage> Stages { get; init; } = [];

    /// <summary>Process peak working set at the end, QuikGraph's object graph included.</summary>
    [JsonPropertyName("peak_working_set_with_quikgraph_mb")] public double PeakWorkingSetWithQuikGraphMb { get; init; }
}
