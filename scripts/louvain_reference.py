#!/usr/bin/env python3
"""Reference modularity for the bench verb: python-igraph's multilevel (Louvain) community detection.

Usage: louvain_reference.py EDGES MEMBERSHIP
  EDGES       first line the node count, then one relation per line, "u v" (0-based node ids); parallel
              relations are summed into one weighted edge, which is the multigraph RiskGraph's Louvain sees.
  MEMBERSHIP  RiskGraph's community per node id, one per line; igraph recomputes its modularity on the same
              weighted graph as an independent check of the figure RiskGraph reports.
Prints one JSON line: modularity (igraph's partition), ours_modularity, communities, seconds (multilevel only).
Needs python3-igraph (Debian) or `pip install igraph`.
"""
import json
import sys
import time

import igraph


def main(edges_path, membership_path):
    with open(edges_path) as f:
        nodes = int(f.readline())
        pairs = [tuple(map(int, line.split())) for line in f]
    graph = igraph.Graph(n=nodes, edges=pairs, directed=False)
    graph.es["weight"] = 1.0
    # Parallel relations become one edge whose weight is their number; self-relations are kept.
    graph.simplify(multiple=True, loops=False, combine_edges={"weight": "sum"})
    with open(membership_path) as f:
        ours = [int(line) for line in f]
    start = time.perf_counter()
    clusters = graph.community_multilevel(weights="weight")
    seconds = time.perf_counter() - start
    print(json.dumps({
        "modularity": graph.modularity(clusters.membership, weights="weight"),
        "ours_modularity": graph.modularity(ours, weights="weight"),
        "communities": len(clusters),
        "seconds": seconds,
    }))


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
