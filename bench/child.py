"""Benchmark steps that run in a child process of the runner, printing one JSON object per
finished measurement (so that the runner can stop a step that takes too long, and still keep
what was measured before it).

``python -m bench.child network STORE HTML``
    ``to_networkx`` of the whole store, PageRank, betweenness (``k`` sampled sources),
    Louvain communities, and the HTML explorer of the default view written to HTML.
``python -m bench.child rdflib NQUADS SPECS [--start I]``
    The reference: an rdflib ``Dataset`` (default graph = union of the named graphs) loaded
    from the N-Quads file, then the saved queries of SPECS (a JSON list of
    ``{"label", "name", "params"}``) run with rdflib's own SPARQL engine, parameters bound
    with VALUES as tjkg binds them for every store.
"""
from __future__ import annotations

import json
import sys
import time

__all__ = ["main"]


def _emit(**record) -> None:
    print(json.dumps(record, ensure_ascii=False), flush=True)


def _timed(fn):
    t = time.perf_counter()
    value = fn()
    return value, time.perf_counter() - t


def network(store_path: str, html_path: str, k: int = 100) -> None:
    import graph
    from graph.network import to_networkx

    kg = graph.open(store_path)
    # the analysis graph (no evidence sentences), what centralities and communities are run on
    A, seconds = _timed(lambda: to_networkx(kg, evidence=False))
    _emit(step="to_networkx_analysis", seconds=seconds, nodes=A.number_of_nodes(), edges=A.number_of_edges())
    from graph import analysis

    _, seconds = _timed(lambda: analysis.scores(A, "pagerank"))
    _emit(step="pagerank", seconds=seconds)
    _, seconds = _timed(lambda: analysis.communities(A, seed=0, top=None))
    _emit(step="louvain", seconds=seconds)
    _, seconds = _timed(lambda: analysis.scores(A, "betweenness", k=min(k, A.number_of_nodes()), seed=0))
    _emit(step="betweenness", seconds=seconds, k=k)
    del A
    # the full graph, every edge with its evidence sentences: what the explorer page shows
    G, seconds = _timed(lambda: to_networkx(kg))
    _emit(step="to_networkx", seconds=seconds, nodes=G.number_of_nodes(), edges=G.number_of_edges())
    from graph.render import write_html

    page, seconds = _timed(lambda: write_html(G, html_path))
    _emit(step="render", seconds=seconds, nodes=page.nodes, edges=page.edges)


def rdflib_reference(nquads: str, specs_path: str, start: int = 0, runs: int = 3, budget: float = 30.0) -> None:
    from rdflib import Dataset

    from graph.query import saved_queries, to_bindings
    from graph.sparql import bind_values

    saved = saved_queries()
    with open(specs_path, encoding="utf-8") as f:
        specs = json.load(f)
    ds = Dataset(default_union=True)
    _, seconds = _timed(lambda: ds.parse(nquads, format="nquads"))
    _emit(step="load", seconds=seconds, quads=len(ds))
    for i, spec in enumerate(specs):
        if i < start:
            continue
        # parameters bound as the stores bind them: a VALUES block in every WHERE group
        text = bind_values(saved[spec["name"]].text, to_bindings(spec["params"]))
        times, rows = [], 0
        while len(times) < runs and (not times or sum(times) < budget):
            result, seconds = _timed(lambda: list(ds.query(text)))
            times.append(seconds)
            rows = len(result)
        _emit(step="query", index=i, label=spec["label"], seconds=times, rows=rows)


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if not args:
        print(__doc__, file=sys.stderr)
        return 2
    if args[0] == "network" and len(args) >= 3:
        network(args[1], args[2], int(args[3]) if len(args) > 3 else 100)
        return 0
    if args[0] == "rdflib" and len(args) >= 3:
        start = int(args[args.index("--start") + 1]) if "--start" in args else 0
        rdflib_reference(args[1], args[2], start)
        return 0
    print(f"unknown step: {' '.join(args)}\n{__doc__}", file=sys.stderr)
    return 2


if __name__ == "__main__":
    raise SystemExit(main())
