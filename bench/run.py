"""The benchmark runner: ``python -m bench`` (``make bench``, ``BENCH_ARGS="--sizes ..."``).

For each size N (announcements of the synthetic corpus, :mod:`bench.corpus`) it measures

- extraction on one core (read + extract, a sample of the corpus) and how its time grows
  with the length of the text;
- ``tjkg build`` of the corpus as a child process: wall time, peak memory of all its
  processes, quads in the store, bytes on disk; and ``bulk_load`` of the store's N-Quads
  into a new store (the load rate alone);
- every saved query over HTTP (``graph.server`` in a child process), then in the embedded
  store (``graph.open(store).select``, and the engine alone);
- ingesting one new announcement into the store (the API, then ``tjkg ingest``);
- the same saved queries on rdflib's in-memory ``Dataset`` loaded with the same quads (up to
  ``--rdflib-max`` announcements: rdflib holds about 1.8 GiB per million quads);
- ``to_networkx``, PageRank, Louvain, the HTML explorer and sampled betweenness.

Corpora are kept in the work directory and reused; stores are removed after each size
unless ``--keep``. The table goes to stdout and, with the machine and the exact command, to
``bench/RESULTS.md``; the raw figures to ``results.json`` in the work directory.
"""
from __future__ import annotations

import argparse
import gc
import json
import os
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from dataclasses import asdict, dataclass, field
from pathlib import Path

from .measure import JsonLines, du, repeat, run_measured

__all__ = ["main", "Options", "parse_sizes", "DEFAULT_SIZES"]

DEFAULT_SIZES = (1000, 5000)
ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable


def parse_sizes(text: str) -> tuple[int, ...]:
    """Sizes like ``1000,10k,0.1M``.

    >>> parse_sizes("1000, 10k,1M")
    (1000, 10000, 1000000)
    """
    out = []
    for part in text.split(","):
        part = part.strip().lower()
        if not part:
            continue
        scale = {"k": 1_000, "m": 1_000_000}.get(part[-1], 1)
        number = part[:-1] if scale > 1 else part
        try:
            value = int(float(number) * scale)
        except ValueError:
            raise argparse.ArgumentTypeError(f"not a size: {part!r} (write 1000, 10k or 1M)") from None
        if value < 10:
            raise argparse.ArgumentTypeError(f"size {value} is too small: at least 10 announcements")
        out.append(value)
    if not out:
        raise argparse.ArgumentTypeError("no sizes given")
    return tuple(out)


@dataclass
class Options:
    sizes: tuple[int, ...] = DEFAULT_SIZES
    seed: int = 0
    workdir: Path = Path(tempfile.gettempdir()) / "tjkg-bench"
    rdflib_max: int = 10_000
    rdflib_timeout: float = 20.0
    timeout: float = 600.0
    budget: float = 3.0
    workers: int | None = None
    keep: bool = False
    skip: frozenset[str] = frozenset()
    output: Path | None = ROOT / "bench" / "RESULTS.md"
    command: str = ""
    notes: list[str] = field(default_factory=list)
    rdflib_stopped: dict[str, int] = field(default_factory=dict)  # query label -> size it was stopped at


STEPS = ("extract", "http", "queries", "ingest", "rdflib", "network")


# ---- small helpers -------------------------------------------------------------------------------
def _say(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def _env(workers: int | None = None) -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    if workers:
        env["TJKG_WORKERS"] = str(workers)
    return env


def _timing(t) -> dict[str, float]:
    return {"median": t.median, "p95": t.p95, "runs": t.runs}


def _corpus(n: int, opts: Options) -> Path:
    """The corpus of ``n`` announcements for the seed, generated once and reused."""
    from .corpus import MANIFEST, VERSION, generate

    path = opts.workdir / f"corpus-{n}-seed{opts.seed}"
    manifest = path / MANIFEST
    if manifest.exists():
        info = json.loads(manifest.read_text(encoding="utf-8"))
        if info.get("n") == n and info.get("seed") == opts.seed and info.get("version") == VERSION:
            return path
    shutil.rmtree(path, ignore_errors=True)
    _say(f"writing the corpus of {n:,} announcements")
    generate(n, path, opts.seed)
    return path


def _new_announcement(n: int, opts: Options) -> Path:
    """Announcement number ``n`` of the same corpus: new to the store of the first ``n``."""
    from .corpus import announcements

    *_, (name, data, *_rest) = announcements(n + 1, opts.seed)
    path = opts.workdir / f"new-{n}-seed{opts.seed}" / Path(name).name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


# ---- the steps -----------------------------------------------------------------------------------
def measure_extraction(corpus: Path, sample: int = 600) -> dict:
    """Read + extract on one core over an evenly spread sample; time against text length."""
    from graph.extract import extract
    from graph.models import Announcement
    from graph.sources import iter_sources, read_announcement

    files = iter_sources(corpus)
    step = max(1, len(files) // sample)
    picked = files[::step][:sample]
    for f in picked[:3]:  # matchers and gazetteer built once
        extract(read_announcement(f))
    times, lengths = [], []
    for f in picked:
        t = time.perf_counter()
        a = read_announcement(f)
        extract(a)
        times.append(time.perf_counter() - t)
        lengths.append(len(a.text))
    # least squares: seconds = a + b * characters
    mx, my = statistics.fmean(lengths), statistics.fmean(times)
    sxx = sum((x - mx) ** 2 for x in lengths)
    slope = sum((x - mx) * (y - my) for x, y in zip(lengths, times)) / sxx if sxx else 0.0
    base = read_announcement(sorted(picked, key=lambda f: f.stat().st_size)[len(picked) // 2])
    growth = {}
    for k in (1, 10, 50):
        big = Announcement(base.id, base.path, base.title, "\n\n".join([base.text] * k), base.language,
                           base.published)
        t = time.perf_counter()
        extract(big)
        growth[str(k)] = {"chars": len(big.text), "seconds": time.perf_counter() - t}
    return {"files": len(picked), "rate": len(picked) / sum(times), "median_ms": statistics.median(times) * 1e3,
            "mean_chars": mx, "ms_per_1k_chars": slope * 1e6, "ms_fixed": (my - slope * mx) * 1e3, "growth": growth}


def measure_build(corpus: Path, store: Path, opts: Options) -> dict:
    shutil.rmtree(store, ignore_errors=True)
    cmd = [PY, "-m", "graph.cli", "build", str(corpus), "--store", str(store)]
    m = run_measured(cmd, env=_env(opts.workers))
    if m.returncode != 0:
        raise RuntimeError(f"tjkg build failed ({m.returncode}):\n{m.stderr[-2000:]}")
    import pyoxigraph as ox

    s = ox.Store(str(store))
    quads = len(s)
    graphs = sum(1 for _ in s.named_graphs())
    del s
    gc.collect()
    return {"wall": m.wall, "cpu": m.cpu, "peak_rss": m.peak_rss, "max_rss": m.max_rss, "quads": quads, "graphs": graphs,
            "disk": du(str(store)), "summary": m.stderr.strip().splitlines()[-1] if m.stderr.strip() else "",
            "workers": opts.workers or os.cpu_count()}


def measure_load(store: Path, dump: Path) -> dict:
    """Dump the store as N-Quads, then time ``bulk_load`` of it into a new store (a child)."""
    import pyoxigraph as ox

    s = ox.Store(str(store))
    s.dump(output=str(dump), format=ox.RdfFormat.N_QUADS)
    del s
    gc.collect()
    target = Path(tempfile.mkdtemp(prefix="tjkg-load-", dir=dump.parent))
    code = ("import sys, time, pyoxigraph as ox\n"
            "s = ox.Store(sys.argv[2]); t = time.perf_counter()\n"
            "s.bulk_load(path=sys.argv[1], format=ox.RdfFormat.N_QUADS); s.flush()\n"
            "print(time.perf_counter() - t, len(s))")
    m = run_measured([PY, "-c", code, str(dump), str(target)])
    shutil.rmtree(target, ignore_errors=True)
    if m.returncode != 0:
        raise RuntimeError(f"bulk_load failed: {m.stderr[-2000:]}")
    seconds, quads = m.stdout.split()
    return {"seconds": float(seconds), "quads": int(quads), "peak_rss": m.peak_rss, "nquads_bytes": dump.stat().st_size}


def query_specs(store_path: Path) -> list[dict]:
    """Every saved query once; ``entity`` for a hub (TJPO) and for a small partner."""
    import graph
    from graph.query import saved_queries

    specs = []
    for name, q in saved_queries().items():
        if not q.parameters:
            specs.append({"label": name, "name": name, "params": {}})
        elif set(q.parameters) == {"name"}:
            kg = graph.open(store_path)
            small = kg.store.select("""
                PREFIX tjkg: <https://tjkg.example/ontology#>
                PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
                SELECT ?l WHERE { GRAPH ?g { ?e a tjkg:Company ; rdfs:label ?l FILTER(LANGMATCHES(LANG(?l), "en")) } }
                ORDER BY ?l LIMIT 1 OFFSET 25""").rows
            del kg
            gc.collect()
            specs.append({"label": f"{name} (hub: TJPO)", "name": name, "params": {"name": "TJPO"}})
            if small:
                specs.append({"label": f"{name} (small partner)", "name": name, "params": {"name": str(small[0][0])}})
    return specs


def measure_queries(store_path: Path, specs: list[dict], budget: float) -> dict:
    """Each saved query through ``select`` (rows as rdflib terms) and in the engine alone."""
    import graph
    from graph.query import saved_queries, to_bindings

    kg = graph.open(store_path)
    out = {}
    try:
        for spec in specs:
            rows = len(kg.select(spec["name"], **spec["params"]))
            api = repeat(lambda: kg.select(spec["name"], **spec["params"]), budget=budget)
            text = saved_queries()[spec["name"]].text
            bindings = to_bindings(spec["params"])

            def engine(text=text, bindings=bindings):
                for solution in kg.store.raw_query(text, bindings):
                    tuple(solution)

            eng = repeat(engine, budget=budget)
            out[spec["label"]] = {"rows": rows, **_timing(api), "engine_median": eng.median}
            _say(f"  {spec['label']}: {api.median * 1e3:.1f} ms median ({rows} rows), engine {eng.median * 1e3:.1f} ms")
    finally:
        del kg
        gc.collect()
    return out


# The least work a whole-graph listing can ask of the engine: one pattern, one stored string per
# announcement, no join and no sort. No saved query that lists every announcement can beat it.
FLOOR_QUERY = """PREFIX dcterms: <http://purl.org/dc/terms/>
SELECT ?announcement ?id WHERE { GRAPH ?announcement { ?announcement dcterms:identifier ?id } }"""


def measure_floor(store_path: Path, budget: float) -> dict:
    """The engine iterating ``FLOOR_QUERY``: what listing every announcement costs at the least."""
    import graph

    kg = graph.open(store_path)
    try:
        rows = sum(1 for _ in kg.store.raw_query(FLOOR_QUERY, {}))

        def engine() -> None:
            for solution in kg.store.raw_query(FLOOR_QUERY, {}):
                tuple(solution)

        timing = repeat(engine, budget=budget)
    finally:
        del kg
        gc.collect()
    _say(f"  engine floor: {timing.median * 1e3:.1f} ms median ({rows} rows)")
    return {"rows": rows, **_timing(timing)}


def measure_http(store_path: Path, specs: list[dict], budget: float, timeout: float) -> dict:
    """The saved queries as ``GET /queries/<name>?format=json`` from a server in a child process."""
    try:
        import graph.server  # noqa: F401
    except ImportError as e:
        return {"skipped": f"graph.server not importable: {e}"}
    import inspect

    from graph.server import serve

    # the server keeps answers (a store snapshot cannot change): switch that off, or a repeated
    # request would time the cache, not the query
    extra = {k: v for k, v in (("cache_mb", 0), ("warm", False)) if k in inspect.signature(serve).parameters}
    code = ("import sys, json\nfrom graph.server import serve\nfrom graph.store import open_store\n"
            "serve(open_store(sys.argv[1]), port=0, max_rows=10**9, timeout=float(sys.argv[2]), log=None,\n"
            "      ready=lambda url: print(url, flush=True), **json.loads(sys.argv[3]))\n")
    proc = subprocess.Popen([PY, "-c", code, str(store_path), str(timeout), json.dumps(extra)], stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, text=True, env=_env())
    out: dict = {"cache": "off" if extra.get("cache_mb") == 0 else "on"}
    try:
        url = proc.stdout.readline().strip().rstrip("/")
        if not url.startswith("http"):
            return {"skipped": "the server did not start"}
        for spec in specs:
            query = urllib.parse.urlencode({**spec["params"], "format": "json"})
            target = f"{url}/queries/{urllib.parse.quote(spec['name'])}?{query}"

            def fetch(target=target) -> None:
                with urllib.request.urlopen(target, timeout=timeout) as r:
                    r.read()

            try:
                t = repeat(fetch, budget=budget)
            except OSError as e:  # an HTTP error status or a refused query
                out[spec["label"]] = {"error": str(e)}
                continue
            out[spec["label"]] = _timing(t)
            _say(f"  HTTP {spec['label']}: {t.median * 1e3:.1f} ms median")
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
    return out


def measure_ingest(store_path: Path, new_file: Path) -> dict:
    """One new announcement into the store: the API (first time, then replacing), then the CLI."""
    import graph

    kg = graph.open(store_path)
    t = time.perf_counter()
    report = kg.ingest(new_file)
    first = time.perf_counter() - t
    if not report.ok:
        raise RuntimeError(f"ingest failed: {report.failed}")
    again = repeat(lambda: kg.ingest(new_file), min_runs=5, max_runs=10, budget=2.0, warmup=0)
    del kg
    gc.collect()
    m = run_measured([PY, "-m", "graph.cli", "ingest", str(new_file), "--store", str(store_path)], env=_env())
    return {"first": first, "replace_median": again.median, "cli_wall": m.wall, "cli_ok": m.returncode == 0,
            "quads": report.written}


def measure_rdflib(dump: Path, specs: list[dict], opts: Options, n: int) -> dict:
    """rdflib's in-memory Dataset on the same quads (child process; a stuck query is stopped,
    and not tried again at the bigger sizes of the same run)."""
    out: dict = {"queries": {}}
    for spec in specs:
        if spec["label"] in opts.rdflib_stopped:
            out["queries"][spec["label"]] = {"timeout": opts.rdflib_timeout, "at": opts.rdflib_stopped[spec["label"]]}
    todo = [spec for spec in specs if spec["label"] not in opts.rdflib_stopped]
    specs_file = dump.with_suffix(".specs.json")
    specs_file.write_text(json.dumps(todo), encoding="utf-8")
    start = 0
    while start < len(todo):
        child = JsonLines([PY, "-m", "bench.child", "rdflib", str(dump), str(specs_file), "--start", str(start)],
                          env=_env())
        # the first line comes after loading the dataset; each other after one query's runs
        for rec in child.records(timeout=lambda count: opts.timeout if count == 0 else opts.rdflib_timeout):
            if rec["step"] == "load":
                out.setdefault("load_seconds", rec["seconds"])
                out.setdefault("quads", rec["quads"])
                _say(f"  rdflib loaded {rec['quads']:,} quads in {rec['seconds']:.1f} s")
            else:
                out["queries"][rec["label"]] = {"median": statistics.median(rec["seconds"]), "rows": rec["rows"],
                                                "runs": len(rec["seconds"])}
                _say(f"  rdflib {rec['label']}: {statistics.median(rec['seconds']):.2f} s")
                start = rec["index"] + 1
        out["peak_rss"] = max(out.get("peak_rss", 0), child.peak_rss)
        if child.timed_out and start < len(todo):
            label = todo[start]["label"]
            out["queries"][label] = {"timeout": opts.rdflib_timeout}
            opts.rdflib_stopped[label] = n
            _say(f"  rdflib {label}: stopped after {opts.rdflib_timeout:.0f} s")
            start += 1
        elif not child.timed_out:
            if start < len(todo):
                out["error"] = child.stderr[-1500:]
            break
    specs_file.unlink(missing_ok=True)
    return out


def measure_network(store_path: Path, html: Path, opts: Options) -> dict:
    child = JsonLines([PY, "-m", "bench.child", "network", str(store_path), str(html), "100"], env=_env())
    out: dict = {}
    for rec in child.records(timeout=opts.timeout):
        out[rec.pop("step")] = rec
        _say(f"  network: {rec}")
    out["peak_rss"] = child.peak_rss
    if child.timed_out:
        out["stopped_after"] = opts.timeout
    elif child.proc is not None and child.proc.returncode:
        out["error"] = child.stderr[-1500:]
    return out


# ---- one size, then all -------------------------------------------------------------------------
def measure_size(n: int, opts: Options) -> dict:
    from .machine import load_average

    result: dict = {"n": n, "load_before": load_average()}
    t = time.perf_counter()
    corpus = _corpus(n, opts)
    manifest = json.loads((corpus / ".corpus.json").read_text(encoding="utf-8"))
    result["corpus"] = {"bytes": manifest["bytes"], "languages": manifest["languages"], "kinds": manifest["kinds"],
                        "seconds": time.perf_counter() - t}
    new_file = _new_announcement(n, opts)
    if "extract" not in opts.skip:
        _say(f"{n:,}: extraction on one core")
        result["extract"] = measure_extraction(corpus)
    store = opts.workdir / f"store-{n}"
    dump = opts.workdir / f"dump-{n}.nq"
    try:
        _say(f"{n:,}: tjkg build")
        result["build"] = measure_build(corpus, store, opts)
        _say(f"  {result['build']['quads']:,} quads in {result['build']['wall']:.1f} s, "
             f"peak {result['build']['peak_rss'] / 2**20:.0f} MiB")
        _say(f"{n:,}: bulk_load of the N-Quads dump")
        result["load"] = measure_load(store, dump)
        specs = query_specs(store)
        if "http" not in opts.skip:
            _say(f"{n:,}: saved queries over HTTP")
            result["http"] = measure_http(store, specs, opts.budget, opts.timeout)
        if "queries" not in opts.skip:
            _say(f"{n:,}: saved queries in the embedded store")
            result["queries"] = measure_queries(store, specs, opts.budget)
            result["floor"] = measure_floor(store, opts.budget)
        if "ingest" not in opts.skip:
            _say(f"{n:,}: ingest one announcement")
            result["ingest"] = measure_ingest(store, new_file)
        if "rdflib" not in opts.skip and n <= opts.rdflib_max:
            _say(f"{n:,}: rdflib reference")
            result["rdflib"] = measure_rdflib(dump, specs, opts, n)
        if "network" not in opts.skip:
            _say(f"{n:,}: networkx")
            result["network"] = measure_network(store, opts.workdir / f"explorer-{n}.html", opts)
    finally:
        dump.unlink(missing_ok=True)
        if not opts.keep:
            shutil.rmtree(store, ignore_errors=True)
    result["load_after"] = load_average()
    return result


def run(opts: Options) -> dict:
    from .machine import machine_info

    opts.workdir.mkdir(parents=True, exist_ok=True)
    results = {"command": opts.command, "started": time.strftime("%Y-%m-%d %H:%M:%S %Z"), "machine": machine_info(),
               "options": {k: (str(v) if isinstance(v, Path) else sorted(v) if isinstance(v, frozenset) else v)
                           for k, v in asdict(opts).items() if k not in ("command", "notes", "rdflib_stopped")},
               "sizes": {}}
    for n in opts.sizes:
        results["sizes"][str(n)] = measure_size(n, opts)
        (opts.workdir / "results.json").write_text(json.dumps(results, indent=2, ensure_ascii=False), encoding="utf-8")
    results["finished"] = time.strftime("%Y-%m-%d %H:%M:%S %Z")
    (opts.workdir / "results.json").write_text(json.dumps(results, indent=2, ensure_ascii=False), encoding="utf-8")
    return results


def main(argv: list[str] | None = None) -> int:
    from .report import render_markdown, render_table

    argv = list(sys.argv[1:] if argv is None else argv)
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=parse_sizes, default=DEFAULT_SIZES,
                        help="corpus sizes in announcements, e.g. 1000,10k,100k (default: %(default)s)")
    parser.add_argument("--seed", type=int, default=0, help="corpus seed (default: 0)")
    parser.add_argument("--workdir", type=Path, default=Options.workdir,
                        help="where corpora, stores and results.json go (default: %(default)s)")
    parser.add_argument("--rdflib-max", type=int, default=Options.rdflib_max,
                        help="largest size for the rdflib reference (default: %(default)s)")
    parser.add_argument("--rdflib-timeout", type=float, default=Options.rdflib_timeout,
                        help="seconds one rdflib query may run before it is stopped, and then skipped at the bigger "
                             "sizes (default: %(default)s)")
    parser.add_argument("--timeout", type=float, default=Options.timeout,
                        help="seconds a child step may go without a result before it is stopped (default: %(default)s)")
    parser.add_argument("--budget", type=float, default=Options.budget,
                        help="seconds of repeated runs per query timing (default: %(default)s)")
    parser.add_argument("--workers", type=int, default=None, help="extraction processes for tjkg build (default: CPUs)")
    parser.add_argument("--skip", default="", help=f"steps to leave out, comma-separated: {', '.join(STEPS)}")
    parser.add_argument("--keep", action="store_true", help="keep the stores in the work directory")
    parser.add_argument("--output", default=str(Options.output),
                        help="where to write the Markdown report ('-' for nowhere; default: %(default)s)")
    args = parser.parse_args(argv)
    skip = frozenset(s.strip() for s in args.skip.split(",") if s.strip())
    if skip - set(STEPS):
        parser.error(f"unknown step(s) to skip: {', '.join(sorted(skip - set(STEPS)))} (known: {', '.join(STEPS)})")
    opts = Options(sizes=args.sizes, seed=args.seed, workdir=args.workdir, rdflib_max=args.rdflib_max,
                   rdflib_timeout=args.rdflib_timeout,
                   timeout=args.timeout, budget=args.budget, workers=args.workers, keep=args.keep, skip=skip,
                   output=None if args.output == "-" else Path(args.output),
                   command=" ".join(["python -m bench", *map(shlex.quote, argv)]))
    results = run(opts)
    print(render_table(results))
    if opts.output is not None:
        opts.output.write_text(render_markdown(results), encoding="utf-8")
        _say(f"wrote {opts.output}")
    return 0

