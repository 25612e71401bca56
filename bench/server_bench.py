"""Benchmark: the saved queries over HTTP from ``tjkg serve`` on a big synthetic graph.

Target (issue 5): saved queries answered in under 50 ms (median) over HTTP on a 1M-triple
graph; p50/p95 and requests per second under 50 concurrent clients.

For each graph size: an on-disk store of synthetic announcements (bench/render_bench.py's
generator: MOUs, signatories, witnesses, fields, investments; labels in three languages) is
built, the server started on a free port, and then

1. each saved query is timed in the engine alone (pyoxigraph in this process) and over HTTP
   (``GET /queries/<name>?format=json`` on one keep-alive connection): the first request
   (computed by a worker) and ``--repeat`` more (answered from the server's cache, since a
   served snapshot cannot change; ``--cache-mb 0`` turns it off);
2. ``--clients`` clients send the saved queries in turn for ``--seconds`` seconds.

The clients run in this process, on the same cores as the server: the figures are a floor.

Usage::

    .venv/bin/python bench/server_bench.py                          # 100k and 1M triples
    .venv/bin/python bench/server_bench.py --triples 50k --seconds 5
"""
from __future__ import annotations

import argparse
import http.client
import os
import statistics
import sys
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.render_bench import synthetic_quads  # noqa: E402
from graph.query import saved_queries, to_bindings  # noqa: E402
from graph.server import make_server  # noqa: E402
from graph.sparql import bind_values  # noqa: E402
from graph.store import EmbeddedStore  # noqa: E402

__all__ = ["main"]

QUADS_PER_ANNOUNCEMENT = 108  # measured on the generator: 1,000 announcements give 108,750 quads


def _size(text: str) -> int:
    text = text.strip().lower()
    scale = {"k": 1_000, "m": 1_000_000}.get(text[-1:], 1)
    return int(float(text.rstrip("km")) * scale)


def _percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def _rss_mib(pids: list[int]) -> float:
    total = 0
    for pid in pids:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                total += int(line.split()[1])
    return total / 1024


def _params(store: EmbeddedStore) -> dict[str, str]:
    """A value for every parameter of the saved queries: a label that exists."""
    row = store.select("PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> SELECT ?l WHERE { GRAPH ?g { "
                       "?e a <https://tjkg.example/ontology#Agency> ; rdfs:label ?l FILTER(LANG(?l) = 'en') } } "
                       "LIMIT 1").rows
    return {"name": str(row[0][0]) if row else "Agency 1"}


def _get(conn: http.client.HTTPConnection, path: str) -> tuple[int, int, float]:
    started = time.perf_counter()
    conn.request("GET", path)
    response = conn.getresponse()
    body = response.read()
    return response.status, len(body), time.perf_counter() - started


def bench_size(triples: int, *, repeat: int, clients: int, seconds: float, workers: int, cache_mb: int) -> None:
    announcements = max(1, triples // QUADS_PER_ANNOUNCEMENT)
    with tempfile.TemporaryDirectory(prefix="tjkg-bench-") as tmp:
        t = time.perf_counter()
        store = EmbeddedStore(Path(tmp) / "store")
        count = store.rebuild(synthetic_quads(announcements, seed=0))
        print(f"\n== {count:,} quads ({announcements:,} announcements), loaded in {time.perf_counter() - t:.1f} s")
        params = _params(store)
        queries = saved_queries()
        paths = {}
        for name, saved in queries.items():
            values = {p: params.get(p, "x") for p in saved.parameters}
            paths[name] = f"/queries/{urllib.parse.quote(name)}?" + urllib.parse.urlencode({**values, "format": "json"})
        server = make_server(store, port=0, timeout=300, max_rows=1_000_000, workers=workers, log=None, warm=False,
                             cache_mb=cache_mb).start()
        host, port = server.httpd.server_address[:2]
        try:
            print(f"{'query':<14} {'rows':>7} {'engine p50':>11} {'HTTP first':>11} {'HTTP p50':>9} {'HTTP p95':>9} "
                  f"{'JSON':>8}")
            for name, saved in sorted(queries.items()):
                text = bind_values(saved.text, to_bindings({p: params.get(p, "x") for p in saved.parameters}))
                engine = []
                for _ in range(repeat):
                    started = time.perf_counter()
                    rows = len(list(store.raw_query(text)))
                    engine.append(time.perf_counter() - started)
                conn = http.client.HTTPConnection(host, port, timeout=600)
                over_http, size = [], 0
                for _ in range(repeat + 1):
                    status, size, seconds_taken = _get(conn, paths[name])
                    if status != 200:
                        raise SystemExit(f"{name}: HTTP {status}")
                    over_http.append(seconds_taken)
                conn.close()
                first, again = over_http[0], over_http[1:]
                print(f"{name:<14} {rows:>7,} {statistics.median(engine) * 1000:>9.1f}ms {first * 1000:>9.1f}ms "
                      f"{statistics.median(again) * 1000:>7.1f}ms {_percentile(again, 95) * 1000:>7.1f}ms "
                      f"{size / 1024:>6.0f}KB")
            _pages(server, store, repeat=repeat)
            _load(server, list(paths.values()), clients=clients, seconds=seconds)
        finally:
            server.close()


def _pages(server, store: EmbeddedStore, *, repeat: int) -> None:
    """The explorer pages, for the most connected entity (the worst case)."""
    hub = store.select("PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> SELECT ?e (COUNT(*) AS ?n) "
                       "WHERE { GRAPH ?g { ?st rdf:subject ?e } } GROUP BY ?e ORDER BY DESC(?n) LIMIT 1").rows[0][0]
    entity = "/entity?" + urllib.parse.urlencode({"iri": str(hub)})
    pages = {"home": "/", "search": "/search?q=agency+1", "entity (hub)": entity,
             "neighbourhood": "/entity/graph?" + urllib.parse.urlencode({"iri": str(hub), "hops": 1}),
             "sparql form": "/sparql?" + urllib.parse.urlencode({"query": "SELECT * WHERE { GRAPH ?g { ?s ?p ?o } } "
                                                                           "LIMIT 100"})}
    host, port = server.httpd.server_address[:2]
    conn = http.client.HTTPConnection(host, port, timeout=300)
    print(f"{'page':<14} {'HTTP p50':>9} {'HTTP p95':>9} {'size':>9}")
    for name, path in pages.items():
        times, size = [], 0
        for _ in range(max(3, repeat // 3)):
            status, size, taken = _get(conn, path)
            if status != 200:
                raise SystemExit(f"{name}: HTTP {status}")
            times.append(taken)
        print(f"{name:<14} {statistics.median(times) * 1000:>7.1f}ms {_percentile(times, 95) * 1000:>7.1f}ms "
              f"{size / 1024:>7.0f}KB")
    conn.close()


def _load(server, paths: list[str], *, clients: int, seconds: float) -> None:
    host, port = server.httpd.server_address[:2]
    pids = [os.getpid(), *server.app.executor.pids()]
    memory_before = _rss_mib(pids)
    latencies: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    barrier = threading.Barrier(clients + 1)
    deadline = [0.0]

    def client(n: int) -> None:
        conn = http.client.HTTPConnection(host, port, timeout=300)
        barrier.wait()
        i = n
        while time.monotonic() < deadline[0]:
            try:
                status, _, taken = _get(conn, paths[i % len(paths)])
            except (OSError, http.client.HTTPException) as e:
                with lock:
                    errors.append(f"{type(e).__name__}: {e}")
                conn.close()
                conn = http.client.HTTPConnection(host, port, timeout=300)
                continue
            i += 1
            with lock:
                latencies.append(taken)
                if status != 200:
                    errors.append(f"HTTP {status}")
        conn.close()

    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    for t in threads:
        t.start()
    deadline[0] = time.monotonic() + seconds
    started = time.monotonic()
    barrier.wait()
    for t in threads:
        t.join()
    elapsed = time.monotonic() - started
    memory_after = _rss_mib([os.getpid(), *server.app.executor.pids()])
    print(f"load: {clients} clients x {seconds:g} s, saved queries in turn: {len(latencies):,} answers, "
          f"{len(latencies) / elapsed:.1f} req/s, p50 {_percentile(latencies, 50) * 1000:.0f} ms, "
          f"p95 {_percentile(latencies, 95) * 1000:.0f} ms, errors {len(errors)}"
          + (f" (e.g. {errors[0]})" if errors else "")
          + f"; server + workers RSS {memory_before:.0f} -> {memory_after:.0f} MiB")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--triples", default="100k,1M", help="graph sizes, comma-separated (e.g. 50k,1M)")
    parser.add_argument("--repeat", type=int, default=15, help="timed runs of each query")
    parser.add_argument("--clients", type=int, default=50, help="concurrent clients in the load phase")
    parser.add_argument("--seconds", type=float, default=30, help="length of the load phase")
    parser.add_argument("--workers", type=int, default=0, help="query workers (default: the server's)")
    parser.add_argument("--cache-mb", type=int, default=256, help="the server's answer cache (0: none)")
    args = parser.parse_args(argv)
    for size in args.triples.split(","):
        bench_size(_size(size), repeat=args.repeat, clients=args.clients, seconds=args.seconds,
                   workers=args.workers or None, cache_mb=args.cache_mb)
    return 0


if __name__ == "__main__":
    sys.exit(main())
