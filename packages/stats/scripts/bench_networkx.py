"""Time networkx 2.8 on the benchmark graphs that `npm run bench -- --export out/` writes,
for the figures next to @mgraph/stats' in the README / report (same machine, same graphs).

Run: /usr/bin/python3 scripts/bench_networkx.py out/
"""
import json
import pathlib
import sys
import time

import networkx as nx

folder = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "out")
results = {"networkx": nx.__version__, "results": {}}
for path in sorted(folder.glob("graph-*.json")):
    data = json.loads(path.read_text())
    g = nx.Graph()
    g.add_nodes_from(range(1, data["n"] + 1))
    g.add_weighted_edges_from(data["edges"])
    timings = {}
    for name, run in [
        ("degree", lambda: dict(g.degree())),
        ("weightedDegree", lambda: dict(g.degree(weight="weight"))),
        ("clustering", lambda: nx.clustering(g)),
        ("clusteringWeighted", lambda: nx.clustering(g, weight="weight")),
        ("closeness", lambda: nx.closeness_centrality(g)),
        ("closenessDistance", lambda: nx.closeness_centrality(g, distance="weight")),
        ("eigenvector", lambda: nx.eigenvector_centrality(g, max_iter=1000)),
        ("betweenness", lambda: nx.betweenness_centrality(g)),
        ("betweennessDistance", lambda: nx.betweenness_centrality(g, weight="weight")),
    ]:
        start = time.perf_counter()
        run()
        timings[name] = time.perf_counter() - start
    results["results"][path.stem] = {"nodes": g.number_of_nodes(), "edges": g.number_of_edges(), "seconds": timings}
print(json.dumps(results, indent=2))
