"""Helpers for the server and remote-store tests: free ports, a real Oxigraph server process,
and a small graph with a second announcement in Traditional Chinese and a hostile label."""
from __future__ import annotations

import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

from graph.ids import announcement_iri, entity_iri
from graph.models import Entity, Relation
from tests.conftest import OSAKA, TJPO, make_extraction

OXIGRAPH = Path(sys.executable).parent / "oxigraph"
EVIL = entity_iri("company/evil")
EVIL_LABEL = '<script>window.__xss = 1</script> "Evil" } Corp'
EVIL_EVIDENCE = 'Evil Corp <img src=x onerror="window.__xss = 2"> invested in Osaka.'


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_port(port: int, timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            time.sleep(0.05)
    raise TimeoutError(f"nothing listens on 127.0.0.1:{port} after {timeout} s")


@contextmanager
def oxigraph_server(location: Path):
    """A real Oxigraph server on a free port, without a union default graph (like most
    servers); yields its base URL (``/query`` and ``/update`` beneath it)."""
    port = free_port()
    proc = subprocess.Popen([str(OXIGRAPH), "serve", "--location", str(location), "--bind", f"127.0.0.1:{port}"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        wait_for_port(port)
        yield f"http://127.0.0.1:{port}"
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def sample_extractions():
    """The hand-made Osaka extraction, the same facts in a zh-Hant announcement, and a hostile one."""
    osaka = make_extraction()
    zh = make_extraction("zh-2019-10-15-tjpo-osaka-mou", language="zh-Hant", title="台日產業合作 大阪府")
    evil_announcement = replace(osaka.announcement, id="en-2020-evil", path="en-2020-evil.txt",
                                title='Evil </title><script>window.__xss = 3</script>')
    evil = replace(
        osaka,
        announcement=evil_announcement,
        entities=(Entity(EVIL, "Company", EVIL_LABEL, "en", (EVIL_LABEL,)), *osaka.entities[:2]),
        relations=(Relation(EVIL, "investedIn", OSAKA, EVIL_EVIDENCE, 0.7, "2020-01-02", extractor="x"),
                   Relation(EVIL, "facilitatedInvestment", TJPO, EVIL_EVIDENCE, 0.5, extractor="x")),
    )
    return [osaka, zh, evil]



def load(store) -> None:
    """Write the sample extractions into a store, one announcement graph each."""
    from graph.rdf import extraction_quads

    for ex in sample_extractions():
        store.replace_graph(announcement_iri(ex.announcement.id), extraction_quads(ex))


def filler_quads(n: int = 2000):
    """``n`` triples in a graph of their own: enough for a three-way cartesian product to run
    for hours."""
    from rdflib import Literal, URIRef

    g = URIRef("https://tjkg.example/graph/filler")
    return [(URIRef(f"https://tjkg.example/id/filler/{i}"), URIRef("https://tjkg.example/ontology#n"), Literal(i), g)
            for i in range(n)]


def rss_kib(pid: int) -> int:
    """Resident memory of a process, from /proc."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise RuntimeError(f"no VmRSS for process {pid}")
