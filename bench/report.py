"""The benchmark's results as one table (one column per corpus size) and as bench/RESULTS.md.

>>> results = {"command": "python -m bench --sizes 1000", "machine": {}, "sizes": {"1000": {
...     "n": 1000, "corpus": {"bytes": 2_400_000}, "build": {"quads": 120_000, "wall": 8.0, "peak_rss": 2**30,
...     "disk": 24_000_000}}}}
>>> print(render_table(results).splitlines()[2])
| announcements (corpus) | 1,000 (2.3 MiB) |  |
"""
from __future__ import annotations

from collections.abc import Callable

__all__ = ["render_table", "render_markdown", "targets", "main"]

MIB = 2**20
GIB = 2**30
TARGET_SIZE = 100_000


def _ms(seconds: float | None) -> str:
    if seconds is None:
        return "–"
    ms = seconds * 1e3
    return f"{ms:.1f}" if ms < 10 else f"{ms:,.0f}"


def _s(seconds: float | None) -> str:
    if seconds is None:
        return "–"
    return f"{seconds:.2f}" if seconds < 10 else f"{seconds:,.1f}" if seconds < 100 else f"{seconds:,.0f}"


def _mem(nbytes: int | None) -> str:
    if not nbytes:
        return "–"
    return f"{nbytes / GIB:.2f} GiB" if nbytes >= GIB else f"{nbytes / MIB:,.0f} MiB"


def _get(r: dict, *path, default=None):
    for key in path:
        if not isinstance(r, dict) or key not in r:
            return default
        r = r[key]
    return r


def _query_labels(sizes: list[dict]) -> list[str]:
    labels: list[str] = []
    for r in sizes:
        for section in ("queries", "http"):
            for label, value in (_get(r, section, default={}) or {}).items():
                if label not in labels and isinstance(value, dict):
                    labels.append(label)
    return labels


def _rows(sizes: list[dict]) -> list[tuple[str, Callable[[dict], str], str]]:
    def corpus(r):
        return f"{r['n']:,} ({r['corpus']['bytes'] / MIB:.1f} MiB)"

    def extraction(r):
        e = r.get("extract")
        return f"{e['rate']:.0f}/s ({e['median_ms']:.1f} ms each)" if e else "–"

    def per_length(r):
        e = r.get("extract")
        return f"{e['ms_fixed']:.1f} ms + {e['ms_per_1k_chars']:.2f} ms per 1k chars" if e else "–"

    def growth(r):
        g = _get(r, "extract", "growth")
        if not g:
            return "–"
        return " / ".join(f"{v['seconds'] / v['chars'] * 1e6:.2f}" for v in g.values())

    def build_rate(r):
        b = r.get("build")
        return f"{r['n'] / b['wall']:,.0f} ann/s, {b['quads'] / b['wall']:,.0f} quads/s" if b else "–"

    def disk(r):
        b = r.get("build")
        return f"{b['disk'] / MIB:,.0f} MiB ({b['disk'] / b['quads']:.0f} B/quad)" if b and b.get("disk") else "–"

    def load(r):
        lo = r.get("load")
        return f"{_s(lo['seconds'])} s ({lo['quads'] / lo['seconds']:,.0f} quads/s)" if lo else "–"

    def ingest(r):
        i = r.get("ingest")
        return f"{_ms(i['first'])} / {_ms(i['replace_median'])} ms" if i else "–"

    def ingest_cli(r):
        i = r.get("ingest")
        return f"{_s(i['cli_wall'])} s" if i else "–"

    def rdflib_load(r):
        x = r.get("rdflib")
        if not x:
            return "–"
        return f"{_s(x.get('load_seconds'))} s, {_mem(x.get('peak_rss'))}"

    def net(step, extra: Callable[[dict], str] = lambda rec: ""):
        def cell(r):
            rec = _get(r, "network", step)
            if rec is None:
                return "stopped" if _get(r, "network", "stopped_after") else "–"
            if "skipped" in rec:
                return "skipped"
            return f"{_s(rec['seconds'])} s{extra(rec)}"
        return cell

    rows: list[tuple[str, Callable[[dict], str], str]] = [
        ("announcements (corpus)", corpus, ""),
        ("quads in the store", lambda r: f"{_get(r, 'build', 'quads', default=0):,}", ""),
        ("extraction, 1 process (read + extract)", extraction, ""),
        ("extraction time against text length", per_length, "linear"),
        ("one text x1 / x10 / x50: ms per 1k chars", growth, "flat"),
        ("tjkg build: wall time", lambda r: f"{_s(_get(r, 'build', 'wall'))} s", "< 600 s"),
        ("tjkg build: CPU time, all processes", lambda r: f"{_s(_get(r, 'build', 'cpu'))} s", ""),
        ("tjkg build: throughput", build_rate, ""),
        ("tjkg build: peak memory, all processes", lambda r: _mem(_get(r, "build", "peak_rss")), "< 4 GiB"),
        ("store on disk", disk, ""),
        ("bulk_load of the store's N-Quads", load, ">= 100,000 quads/s"),
        ("ingest 1 announcement (API): new / replace", ingest, "< 200 ms"),
        ("ingest 1 announcement: `tjkg ingest` process", ingest_cli, ""),
    ]
    for label in _query_labels(sizes):
        def embedded(r, label=label):
            q = _get(r, "queries", label)
            return f"{_ms(q['median'])} / {_ms(q['p95'])} ms ({q['rows']:,} rows)" if q else "–"

        def engine(r, label=label):
            q = _get(r, "queries", label)
            return f"{_ms(q['engine_median'])} ms" if q else "–"

        def http(r, label=label):
            q = _get(r, "http", label)
            if not q:
                return "–"
            return f"error: {q['error'][:40]}" if "error" in q else f"{_ms(q['median'])} / {_ms(q['p95'])} ms"

        def rdflib(r, label=label):
            q = _get(r, "rdflib", "queries", label)
            if not q:
                return "–"
            if "timeout" in q:
                if "at" in q:
                    return f"> {q['timeout']:.0f} s at {q['at']:,} (not run)"
                mine = _get(r, "queries", label, "median")
                ratio = f", > {q['timeout'] / mine:,.0f}x slower" if mine else ""
                return f"> {q['timeout']:.0f} s (stopped){ratio}"
            mine = _get(r, "queries", label, "median")
            ratio = f", {q['median'] / mine:,.0f}x slower" if mine else ""
            same = "" if _get(r, "queries", label, "rows") in (None, q["rows"]) else f", {q['rows']:,} rows!"
            return f"{_s(q['median'])} s{ratio}{same}"

        rows += [
            (f"query {label}: median / p95", embedded, "median < 50 ms"),
            (f"query {label}: engine alone, median", engine, ""),
            (f"query {label}: over HTTP, median / p95", http, ""),
            (f"query {label}: rdflib in-memory", rdflib, ">= 20x slower"),
        ]
    def floor(r):
        f = r.get("floor")
        return f"{_ms(f['median'])} ms ({f['rows']:,} rows)" if f else "–"

    rows += [
        ("engine floor: one stored string per announcement, median", floor, ""),
        ("rdflib Dataset: load, peak memory", rdflib_load, ""),
        ("to_networkx with evidence (nodes, edges)",
         net("to_networkx", lambda rec: f" ({rec['nodes']:,}, {rec['edges']:,})"), ""),
        ("to_networkx(evidence=False), the analysis graph",
         net("to_networkx_analysis", lambda rec: f" ({rec['nodes']:,}, {rec['edges']:,})"), ""),
        ("PageRank", net("pagerank"), "with to_networkx < 30 s"),
        ("Louvain communities", net("louvain"), ""),
        ("explorer HTML of the default view", net("render"), ""),
        ("betweenness (100 sampled sources)", net("betweenness"), ""),
        ("load average before / after", lambda r: " / ".join(
            f"{x[0]:.1f}" if x else "?" for x in (r.get("load_before"), r.get("load_after"))), ""),
    ]
    return rows


def render_table(results: dict) -> str:
    """One Markdown table: a row per measurement, a column per size, and the target."""
    sizes = [results["sizes"][k] for k in sorted(results["sizes"], key=int)]
    header = ["measurement", *(f"{r['n']:,}" for r in sizes), "target (100k)"]
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    for label, cell, target in _rows(sizes):
        values = []
        for r in sizes:
            try:
                values.append(cell(r))
            except (KeyError, TypeError, ZeroDivisionError):
                values.append("–")
        lines.append("| " + " | ".join([label, *values, target]) + " |")
    return "\n".join(lines)


def targets(results: dict) -> list[tuple[str, bool | None, str]]:
    """The issue's targets at 100k announcements: (target, met or None if not measured, value)."""
    r = results["sizes"].get(str(TARGET_SIZE))
    if r is None:
        return [("every target is stated for 100,000 announcements", None, "not run at that size")]
    out: list[tuple[str, bool | None, str]] = []
    b = r.get("build", {})
    out.append(("text to queryable store < 10 min", b.get("wall", 1e9) < 600, f"{_s(b.get('wall'))} s"))
    out.append(("peak memory < 4 GiB", b.get("peak_rss", 1e18) < 4 * GIB, _mem(b.get("peak_rss"))))
    lo = r.get("load")
    rate = lo["quads"] / lo["seconds"] if lo else 0
    out.append(("store load >= 100k triples/s", rate >= 100_000, f"{rate:,.0f} quads/s"))
    i = r.get("ingest")
    out.append(("ingest one announcement < 200 ms", i is not None and i["first"] < 0.2,
                f"{_ms(i['first'])} ms" if i else "not measured"))
    for label, q in (r.get("queries") or {}).items():
        out.append((f"query {label} median < 50 ms", q["median"] < 0.05, f"{_ms(q['median'])} ms"))
    net = r.get("network") or {}
    for step, what in (("to_networkx_analysis", "analysis graph"), ("to_networkx", "with evidence")):
        if step in net and "pagerank" in net:
            total = net[step]["seconds"] + net["pagerank"]["seconds"]
            out.append((f"to_networkx ({what}) + PageRank < 30 s", total < 30, f"{_s(total)} s"))
    return out


def render_markdown(results: dict) -> str:
    m = results.get("machine", {})
    machine = (f"{m.get('cpu', '?')}, {m.get('cores', '?')} cores, {m.get('memory_gib', '?')} GiB RAM, {m.get('os', '?')}; "
               f"Python {m.get('python', '?')}, pyoxigraph {m.get('pyoxigraph', '?')}, rdflib {m.get('rdflib', '?')}, "
               f"networkx {m.get('networkx', '?')}; commit {m.get('commit', '?')}")
    lines = [
        "# tjkg benchmark results", "",
        "Written by `python -m bench` (see bench/run.py for what each row measures). "
        "Synthetic corpus: `python -m bench.corpus N OUTDIR --seed 0`.", "",
        f"- command: `{results.get('command', '')}`",
        f"- machine: {machine}",
        f"- run: {results.get('started', '?')} to {results.get('finished', '?')}", "",
        render_table(results), "",
        "## Targets at 100,000 announcements", "",
    ]
    for target, met, value in targets(results):
        mark = "not measured" if met is None else "met" if met else "NOT met"
        lines.append(f"- {target}: {value} ({mark})")
    lines += ["", "## How to read it", "",
              "- Times are wall-clock; medians and 95th percentiles over repeated runs after one warm-up run.",
              "- Peak memory is the sum of the resident sets of `tjkg build` and its worker processes, sampled.",
              "- A query's 'median / p95' is `graph.open(store).select(name, **params)`: every row as "
              "rdflib terms (what `kg.select` and `kg.query` build on); 'engine alone' is pyoxigraph "
              "iterating every solution; 'over HTTP' is `GET /queries/<name>?format=json` from the "
              "server in another process, with its answer cache off.",
              "- 'engine floor' is pyoxigraph iterating the least a listing of every announcement can ask "
              "for: one pattern, one stored string per announcement (its identifier), no join, no sort "
              "(`FLOOR_QUERY` in bench/run.py). A saved query that returns every announcement, or more "
              "rows, cannot be faster than this.",
              "- Build throughput counts every step from text to a queryable store (reading, extraction "
              "in worker processes, N-Quads, bulk load); 'CPU time' adds up all its processes, so it does "
              "not depend on other work on the machine.",
              "- The rdflib reference loads the same N-Quads into `rdflib.Dataset(default_union=True)` "
              "and runs the same saved query text, parameters bound with a VALUES block as tjkg binds "
              "them for every store; a query still running after the time limit is stopped (shown as "
              "'> N s'); it is not run above "
              f"{results.get('options', {}).get('rdflib_max', '?'):,} announcements "
              "(about 1.8 GiB of memory per million quads).",
              "- A load average well above 0 before a size means other work shared the two cores.", ""]
    notes = results.get("notes") or []
    if notes:
        lines += ["## Notes", "", *[f"- {n}" for n in notes], ""]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """``python -m bench.report RESULTS_JSON [OUT_MD]``: render a run's results again."""
    import json
    import sys
    from pathlib import Path

    args = list(sys.argv[1:] if argv is None else argv)
    if not args:
        print(main.__doc__, file=sys.stderr)
        return 2
    results = json.loads(Path(args[0]).read_text(encoding="utf-8"))
    text = render_markdown(results)
    if len(args) > 1:
        Path(args[1]).write_text(text, encoding="utf-8")
    else:
        print(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
