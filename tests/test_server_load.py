"""50 clients at once against ``tjkg serve`` for a few seconds on 127.0.0.1: every request is
answered with the status expected of it (slow queries stopped with 504 among them), none is
lost, and the memory of the server and its workers stays flat."""
from __future__ import annotations

import http.client
import os
import threading
import time
import urllib.parse
from collections import Counter

import pytest

from graph.query import saved_queries
from graph.server import make_server
from graph.store import open_store
from tests.serving import filler_quads, load, rss_kib

CLIENTS = 50
SECONDS = float(os.environ.get("TJKG_LOAD_SECONDS", "4"))
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


def _requests():
    """(path, headers, expected status) that the clients cycle through."""
    out = []
    for name in sorted(saved_queries()):
        params = {"name": "Osaka"} if saved_queries()[name].parameters else {}
        out.append((f"/queries/{name}?" + urllib.parse.urlencode({**params, "format": "csv"}), {}, 200))
        out.append(("/sparql?" + urllib.parse.urlencode({"query": saved_queries()[name].text}),
                    {"Accept": "application/sparql-results+json"}, 200 if not params else 200))
    out += [("/search?q=osaka", {"Accept": "text/html"}, 200), ("/id/jp-27", {"Accept": "text/turtle"}, 200),
            ("/id/jp-27", {"Accept": "text/html"}, 200), ("/sparql?query=SELEC", {}, 400),
            ("/sparql?" + urllib.parse.urlencode({"update": "DROP ALL"}), {}, 403), ("/static/../x", {}, 404)]
    return out


@pytest.fixture(scope="module")
def server():
    store = open_store("memory")
    load(store)
    store.replace_graph("https://tjkg.example/graph/filler", filler_quads())
    with make_server(store, port=0, timeout=1.0, workers=4, log=None) as srv:
        srv.start()
        yield srv


def _memory(server) -> int:
    return rss_kib(os.getpid()) + sum(rss_kib(p) for p in server.app.executor.pids())


def _hammer(server, seconds: float) -> tuple[Counter, list[str], int]:
    host, port = server.httpd.server_address[:2]
    requests = _requests()
    outcomes: Counter = Counter()
    problems: list[str] = []
    sent = [0]
    lock = threading.Lock()
    deadline = time.monotonic() + seconds
    start = threading.Barrier(CLIENTS)

    def client(n: int) -> None:
        conn = http.client.HTTPConnection(host, port, timeout=30)
        start.wait()
        i = n
        while time.monotonic() < deadline:
            if n == 0 and i % 7 == 0:  # one client keeps sending queries that must be stopped
                path, headers, expected = "/sparql?" + urllib.parse.urlencode({"query": SLOW}), {}, 504
            else:
                path, headers, expected = requests[i % len(requests)]
            i += 1
            with lock:
                sent[0] += 1
            try:
                conn.request("GET", path, headers=headers)
                response = conn.getresponse()
                response.read()
                with lock:
                    outcomes[response.status] += 1
                    if response.status != expected:
                        problems.append(f"{path[:60]} -> {response.status}, expected {expected}")
            except (OSError, http.client.HTTPException) as e:
                with lock:
                    problems.append(f"{path[:60]} -> {type(e).__name__}: {e}")
                conn.close()
                conn = http.client.HTTPConnection(host, port, timeout=30)
        conn.close()

    threads = [threading.Thread(target=client, args=(n,)) for n in range(CLIENTS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return outcomes, problems, sent[0]


def test_fifty_clients_every_request_answered_and_memory_flat(server):
    _hammer(server, 1.0)  # warm up: workers' caches, templates, imports
    before = _memory(server)
    outcomes, problems, sent = _hammer(server, SECONDS)
    after = _memory(server)
    answered = sum(outcomes.values())
    assert not problems, f"{len(problems)} unexpected answers, e.g. {problems[:5]}"
    assert answered == sent and answered > 200, outcomes
    assert outcomes[504] >= 1  # the slow queries were stopped, and the rest went on
    assert after - before < 60 * 1024, f"memory grew from {before} KiB to {after} KiB"
