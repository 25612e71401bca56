"""RemoteStore against a real Oxigraph server on 127.0.0.1 (no union default graph): ingest,
idempotent and atomic replace, saved queries equal to the embedded store's, bound parameters
that try to break out, rebuild that spares other graphs, and clean errors."""
from __future__ import annotations

import http.server
import json
import threading
import urllib.parse
import urllib.request

import pytest
from rdflib import Literal, URIRef

from graph.errors import QueryError, RemoteStoreError
from graph.ids import announcement_iri
from graph.query import saved_queries, to_bindings
from graph.rdf import extraction_quads
from graph.remote import RemoteStore
from graph.store import open_store
from tests.conftest import OSAKA
from tests.serving import EVIL, EVIL_LABEL, free_port, load, oxigraph_server, sample_extractions

LABEL_QUERY = """PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?e WHERE { GRAPH ?g { ?e rdfs:label ?l } FILTER(STR(?l) = ?name) }"""


@pytest.fixture
def server_url(tmp_path):
    with oxigraph_server(tmp_path / "oxigraph") as url:
        yield url


@pytest.fixture
def remote(server_url):
    store = open_store(server_url + "/query", update_url=server_url + "/update")
    load(store)
    return store


@pytest.fixture
def embedded():
    store = open_store("memory")
    load(store)
    return store


def test_open_store_gives_a_remote_store(server_url):
    store = open_store(server_url + "/query", update_url=server_url + "/update")
    assert isinstance(store, RemoteStore) and store.location == server_url + "/query"
    assert len(store) == 0


def test_ingest_holds_the_same_quads_as_the_embedded_store(remote, embedded):
    assert len(remote) == len(embedded) > 100
    assert set(remote.quads()) == set(embedded.quads())
    assert remote.graphs() == embedded.graphs()


def test_replace_is_idempotent(remote):
    before = set(remote.quads())
    load(remote)
    load(remote)
    assert set(remote.quads()) == before


def test_readers_never_see_half_a_replaced_graph(remote):
    osaka = sample_extractions()[0]
    name = announcement_iri(osaka.announcement.id)
    quads = extraction_quads(osaka)
    count = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{name}> {{ ?s ?p ?o }} }}"
    full = int(remote.select(count).rows[0][0])
    seen: list[int] = []
    stop = threading.Event()

    def read():
        while not stop.is_set():
            seen.append(int(remote.select(count).rows[0][0]))

    reader = threading.Thread(target=read)
    reader.start()
    try:
        for _ in range(15):
            remote.replace_graph(name, quads)
    finally:
        stop.set()
        reader.join()
    assert seen and set(seen) == {full}


def _text(row) -> tuple[str, ...]:
    return tuple("" if term is None else str(term) for term in row)


@pytest.mark.parametrize("name", sorted(saved_queries()))
def test_saved_query_answers_as_on_the_embedded_store(remote, embedded, name):
    saved = saved_queries()[name]
    params = to_bindings({p: "Osaka" for p in saved.parameters})
    on_server = remote.select(saved.text, params)
    local = embedded.select(saved.text, params)
    assert on_server.rows, f"{name}: no rows on a server without a union default graph"
    assert on_server.variables == local.variables
    # compared by lexical form: SAMPLE() may pick another language's label of the same text
    assert sorted(map(_text, on_server.rows)) == sorted(map(_text, local.rows))


def test_labels_keep_their_language_tags(remote):
    rows = remote.select("""PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        SELECT ?l WHERE { GRAPH ?g { ?e rdfs:label ?l } FILTER(LANG(?l) != "en") }""").rows
    assert {r[0].language for r in rows} == {"zh-Hant", "ja"}


def test_a_bound_value_with_quotes_braces_and_markup_is_data(remote):
    assert remote.select(LABEL_QUERY, {"name": Literal(EVIL_LABEL)}).rows == ((URIRef(EVIL),),)
    size = len(remote)
    hostile = '"} } ; DROP ALL ; SELECT * WHERE { ?s ?p ?o } #'
    assert remote.select(LABEL_QUERY, {"name": Literal(hostile)}).rows == ()
    assert remote.ask("ASK { GRAPH ?g { ?e ?p ?name } }", {"name": Literal(hostile)}) is False
    assert len(remote) == size


def test_bound_iri_and_construct(remote):
    g = remote.construct("""PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        CONSTRUCT { ?e rdfs:label ?l } WHERE { GRAPH ?g { ?e rdfs:label ?l } }""", {"e": URIRef(EVIL)})
    assert {str(o) for o in g.objects()} == {EVIL_LABEL}


def test_bad_bindings_are_refused(remote):
    with pytest.raises(QueryError, match="not a SPARQL variable name"):
        remote.select(LABEL_QUERY, {"name) } DROP ALL {": Literal("x")})
    with pytest.raises(QueryError, match="cannot bind"):
        remote.select(LABEL_QUERY, {"name": URIRef("http://x/a> } DROP ALL { <b")})


def test_rebuild_replaces_tjkg_graphs_and_spares_others(remote, embedded):
    other = "<http://other.example/graph>"
    remote._update(f"INSERT DATA {{ GRAPH {other} {{ <http://o/a> <http://o/b> 'kept' }} }}")
    osaka_only = extraction_quads(sample_extractions()[0])
    count = remote.rebuild(iter(osaka_only))
    assert count == len(set(osaka_only)) + 1
    assert remote.ask(f"ASK {{ GRAPH {other} {{ ?s ?p 'kept' }} }}")
    assert not remote.ask(f"ASK {{ GRAPH ?g {{ <{EVIL}> ?p ?o }} }}")


def test_dump_formats(remote):
    trig = remote.dump("trig").decode()
    assert '"大阪府"@zh-Hant' in trig
    assert f"<{announcement_iri('en-2020-evil')}> {{" in trig
    nt = remote.dump("nt").decode()
    assert '"台日產業合作推動辦公室"@zh-Hant' in nt
    with pytest.raises(RemoteStoreError, match="unknown export format"):
        remote.dump("xlsx")


def test_malformed_query_names_the_server(remote):
    with pytest.raises(QueryError, match=r"^http://127\.0\.0\.1:\d+/query: the server rejected the query"):
        remote.select("SELEC nonsense")


def test_server_down_is_one_clean_line_naming_the_url():
    url = f"http://127.0.0.1:{free_port()}/query"
    store = RemoteStore(url, timeout=2)
    with pytest.raises(RemoteStoreError) as info:
        len(store)
    message = str(info.value)
    assert message.startswith(url + ": cannot reach the SPARQL server") and "\n" not in message
    with pytest.raises(RemoteStoreError, match="cannot reach"):
        store.replace_graph(announcement_iri("x"), [])


def test_error_answer_names_the_url(server_url):
    store = RemoteStore(server_url + "/nowhere", timeout=5)
    with pytest.raises(RemoteStoreError, match=r"/nowhere: the server answered 404"):
        store.replace_graph(announcement_iri("x"), [])


class _NeedsAuth(http.server.BaseHTTPRequestHandler):
    """A server that wants one bearer token and records what it was sent."""

    seen: list[str] = []

    def do_POST(self):  # noqa: N802
        self.seen.append(self.headers.get("Authorization", ""))
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        ok = self.headers.get("Authorization") == "Bearer s3cret"
        body = b'{"head":{"vars":["n"]},"results":{"bindings":[{"n":{"type":"literal","value":"7"}}]}}'
        self.send_response(200 if ok else 401)
        self.send_header("Content-Type", "application/sparql-results+json" if ok else "text/plain")
        self.send_header("Content-Length", str(len(body) if ok else 12))
        self.end_headers()
        self.wfile.write(body if ok else b"unauthorized")

    def log_message(self, *args):
        pass


def test_credentials_come_from_the_environment(monkeypatch):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _NeedsAuth)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_port}/sparql"
    try:
        monkeypatch.delenv("TJKG_AUTH", raising=False)
        monkeypatch.delenv("TJKG_USER", raising=False)
        with pytest.raises(RemoteStoreError, match="401.*TJKG_AUTH"):
            RemoteStore(url).select("SELECT ?n WHERE {}")
        monkeypatch.setenv("TJKG_AUTH", "s3cret")
        assert RemoteStore(url).select("SELECT ?n WHERE {}").rows == ((Literal("7"),),)
        assert _NeedsAuth.seen[-1] == "Bearer s3cret"
    finally:
        server.shutdown()
        server.server_close()


def test_serve_over_a_remote_store(remote, server_url):
    """``tjkg serve --store URL``: the endpoint and the explorer read the shared server."""
    from graph.server import make_server

    with make_server(remote, port=0, timeout=10, workers=2, log=None) as srv:
        srv.start()
        with urllib.request.urlopen(srv.url + "sparql?" + urllib.parse.urlencode(
                {"query": LABEL_QUERY.replace("?name", '"Osaka Prefecture"'), "format": "json"})) as r:
            assert json.load(r)["results"]["bindings"][0]["e"]["value"] == OSAKA
        page = urllib.request.urlopen(urllib.request.Request(srv.url + "id/jp-27", headers={"Accept": "text/html"}))
        html = page.read().decode("utf-8")
        assert "making Osaka the 8th member" in html and "大阪府" in html
        search = urllib.request.urlopen(srv.url + "search?q=" + urllib.parse.quote("大阪")).read().decode("utf-8")
        assert "/id/jp-27" in search


def test_serve_answers_502_when_the_remote_store_is_down():
    from graph.server import get

    url = f"http://127.0.0.1:{free_port()}/query"
    status, _, body = get(RemoteStore(url, timeout=2), "/sparql?query=ASK%7B%7D&format=json")
    assert status == 502 and body.decode().startswith(url + ": cannot reach")
