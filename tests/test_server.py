"""The SPARQL endpoint of ``tjkg serve`` on 127.0.0.1, with SPARQLWrapper and plain HTTP as its
clients: formats, content negotiation, service description, dereferenceable IRIs, and what
it refuses (updates, SERVICE, malformed, oversized, too many rows, too slow, traversal)."""
from __future__ import annotations

import csv
import io
import json
import socket
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest
from rdflib import Graph, Literal, URIRef
from SPARQLWrapper import CSV, JSON, POST, POSTDIRECTLY, TSV, TURTLE, XML, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import QueryBadFormed

from graph.server import get, make_server
from graph.store import open_store
from tests.conftest import OSAKA
from tests.serving import EVIL_LABEL, filler_quads, load

TIMEOUT = 1.5
MAX_ROWS = 500
LABELS = """PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?label WHERE { GRAPH ?g { <https://tjkg.example/id/jp-27> rdfs:label ?label } } ORDER BY ?label"""
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


@pytest.fixture(scope="module")
def store():
    s = open_store("memory")
    load(s)
    s.replace_graph("https://tjkg.example/graph/filler", filler_quads())
    return s


@pytest.fixture(scope="module")
def server(store):
    with make_server(store, port=0, timeout=TIMEOUT, max_rows=MAX_ROWS, workers=3, log=None) as srv:
        srv.start()
        yield srv


@pytest.fixture
def endpoint(server):
    return server.url + "sparql"


def http(url: str, *, data: bytes | None = None, headers: dict[str, str] | None = None, method: str | None = None):
    """(status, headers, body) of one request, errors included."""
    request = urllib.request.Request(url, data=data, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(request, timeout=30) as r:
            return r.status, r.headers, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.headers, e.read()


def query_url(endpoint: str, query: str, **params) -> str:
    return endpoint + "?" + urllib.parse.urlencode({"query": query, **params})


def wrapper(endpoint: str, query: str, fmt) -> SPARQLWrapper:
    client = SPARQLWrapper(endpoint)
    client.setQuery(query)
    client.setReturnFormat(fmt)
    return client


# ---- formats ------------------------------------------------------------------------------------

def test_select_as_json_keeps_language_tags(endpoint):
    result = wrapper(endpoint, LABELS, JSON).queryAndConvert()
    labels = {(b["label"]["value"], b["label"].get("xml:lang")) for b in result["results"]["bindings"]}
    assert labels == {("Osaka Prefecture", "en"), ("大阪府", "zh-Hant"), ("大阪府", "ja")}


def test_select_as_xml(endpoint):
    doc = wrapper(endpoint, LABELS, XML).queryAndConvert()
    literals = {(n.firstChild.data, n.getAttribute("xml:lang")) for n in doc.getElementsByTagName("literal")}
    assert ("大阪府", "zh-Hant") in literals and len(literals) == 3


def test_select_as_csv_and_tsv(endpoint):
    rows = list(csv.reader(io.StringIO(wrapper(endpoint, LABELS, CSV).queryAndConvert().decode("utf-8"))))
    assert rows[0] == ["label"] and sorted(r[0] for r in rows[1:]) == ["Osaka Prefecture", "大阪府", "大阪府"]
    tsv = wrapper(endpoint, LABELS, TSV).queryAndConvert().decode("utf-8").splitlines()
    assert tsv[0] == "?label" and '"大阪府"@zh-Hant' in tsv


def test_construct_as_turtle(endpoint):
    query = """PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        CONSTRUCT { ?e rdfs:label ?l } WHERE { GRAPH ?g { ?e rdfs:label ?l } FILTER(?e = <%s>) }""" % OSAKA
    data = wrapper(endpoint, query, TURTLE).queryAndConvert()
    g = Graph().parse(data=data, format="turtle")
    label = URIRef("http://www.w3.org/2000/01/rdf-schema#label")
    assert (URIRef(OSAKA), label, Literal("大阪府", lang="zh-Hant")) in g
    assert b"@zh-Hant" in data


@pytest.mark.parametrize("accept, media", [
    ("application/n-triples", "application/n-triples"),
    ("application/ld+json", "application/ld+json"),
    ("application/rdf+xml", "application/rdf+xml"),
    ("*/*", "text/turtle"),
])
def test_construct_negotiates_rdf_formats(endpoint, accept, media):
    status, headers, body = http(query_url(endpoint, f"DESCRIBE <{OSAKA}>"), headers={"Accept": accept})
    assert status == 200 and headers.get_content_type() == media
    fmt = {"application/n-triples": "nt", "application/ld+json": "json-ld", "application/rdf+xml": "xml",
           "text/turtle": "turtle"}[media]
    assert len(Graph().parse(data=body, format=fmt)) > 0


def test_ask_and_post_forms(endpoint):
    client = wrapper(endpoint, f"ASK {{ GRAPH ?g {{ <{OSAKA}> ?p ?o }} }}", JSON)
    assert client.queryAndConvert()["boolean"] is True
    client.setMethod(POST)
    assert client.queryAndConvert()["boolean"] is True
    client.setRequestMethod(POSTDIRECTLY)
    assert client.queryAndConvert()["boolean"] is True


def test_format_parameter_wins_over_accept(endpoint):
    status, headers, body = http(query_url(endpoint, LABELS, format="csv"), headers={"Accept": "application/json"})
    assert status == 200 and headers.get_content_type() == "text/csv"
    status, _, body = http(query_url(endpoint, LABELS), headers={"Accept": "image/png"})
    assert status == 406 and b"image/png" in body


def test_service_description(endpoint):
    status, headers, body = http(endpoint, headers={"Accept": "text/turtle"})
    assert status == 200 and headers.get_content_type() == "text/turtle"
    sd = "http://www.w3.org/ns/sparql-service-description#"
    g = Graph().parse(data=body, format="turtle")
    service = next(g.subjects(URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), URIRef(sd + "Service")))
    assert g.value(service, URIRef(sd + "endpoint")) == URIRef(endpoint)
    assert (service, URIRef(sd + "feature"), URIRef(sd + "UnionDefaultGraph")) in g


# ---- dereferenceable IRIs ------------------------------------------------------------------------

def test_entity_iri_dereferences_by_accept(server):
    url = server.url + "id/jp-27"
    status, headers, body = http(url, headers={"Accept": "text/turtle"})
    assert status == 200 and headers.get_content_type() == "text/turtle"
    assert (URIRef(OSAKA), None, Literal("大阪府", lang="ja")) in Graph().parse(data=body, format="turtle")
    status, headers, body = http(url, headers={"Accept": "application/ld+json"})
    assert headers.get_content_type() == "application/ld+json"
    assert any(node.get("@id") == OSAKA for node in json.loads(body))
    status, headers, body = http(url, headers={"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"})
    assert status == 200 and headers.get_content_type() == "text/html" and "大阪府".encode() in body
    assert http(server.url + "id/no-such-thing", headers={"Accept": "text/turtle"})[0] == 404


def test_announcement_iri_dereferences(server):
    status, _, body = http(server.url + "announcement/en-2019-10-15-tjpo-osaka-mou", headers={"Accept": "text/turtle"})
    assert status == 200 and b"Strengthening Partnership between Taiwan and Japan" in body


# ---- refusals -----------------------------------------------------------------------------------

def test_updates_are_refused_in_every_form(endpoint, store):
    size = len(store)
    insert = "INSERT DATA { <http://x/a> <http://x/b> <http://x/c> }"
    answers = [
        http(query_url(endpoint, insert)),
        http(endpoint + "?" + urllib.parse.urlencode({"update": insert})),
        http(endpoint, data=urllib.parse.urlencode({"update": insert}).encode(),
             headers={"Content-Type": "application/x-www-form-urlencoded"}),
        http(endpoint, data=insert.encode(), headers={"Content-Type": "application/sparql-update"}),
        http(query_url(endpoint, "PREFIX x: <http://x/> DROP ALL")),
    ]
    for status, _, body in answers:
        assert status == 403 and b"read-only" in body
    assert len(store) == size


def test_service_is_refused_and_nothing_is_contacted(endpoint):
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(5)
    listener.settimeout(0.5)
    port = listener.getsockname()[1]
    try:
        for text in (f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{port}/sparql> {{ ?s ?p ?o }} }}",
                     f"select * where {{ ?s ?p ?o .service silent <http://127.0.0.1:{port}/>{{?a ?b ?c}} }}",
                     f"SELECT * WHERE {{ BIND(<http://127.0.0.1:{port}/> AS ?x) SERVICE ?x {{ ?s ?p ?o }} }}"):
            status, _, body = http(query_url(endpoint, text))
            assert status == 403 and b"SERVICE" in body
        dataset = (f"SELECT * FROM <http://127.0.0.1:{port}/a> FROM NAMED <http://127.0.0.1:{port}/b> "
                   f"WHERE {{ ?s ?p ?o }} LIMIT 1")  # names graphs of the store; fetches nothing
        assert http(query_url(endpoint, dataset, format="json"))[0] == 200
        assert http(query_url(endpoint, f"DESCRIBE <http://127.0.0.1:{port}/c>"))[0] == 200
        with pytest.raises(TimeoutError):
            listener.accept()
    finally:
        listener.close()
    status, _, body = http(query_url(endpoint, 'SELECT ?x WHERE { BIND("SERVICE <http://x/> {}" AS ?x) } # SERVICE',
                                     format="json"))
    assert status == 200 and b"SERVICE <http://x/> {}" in body


def test_malformed_query_gets_the_parser_message(endpoint):
    with pytest.raises(QueryBadFormed, match="error at 1:"):
        wrapper(endpoint, "SELECT ?x WHERE { ?x ?y }", JSON).query()
    status, _, body = http(query_url(endpoint, "SELEC nonsense"))
    assert status == 400 and b"error at" in body


def test_oversized_query_is_413(endpoint):
    huge = "SELECT * WHERE { ?s ?p ?o } #" + "x" * 100_000
    status, _, body = http(endpoint, data=huge.encode(), headers={"Content-Type": "application/sparql-query"})
    assert status == 413 and b"at most" in body
    status, _, _ = http(endpoint, data=urllib.parse.urlencode({"query": "ASK {} #" + "y" * 66_000}).encode(),
                        headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert status == 413
    assert http(query_url(endpoint, "ASK {}", format="json"))[0] == 200


def test_row_limit_is_422_with_advice(endpoint):
    status, _, body = http(query_url(endpoint, "SELECT * WHERE { GRAPH ?g { ?s ?p ?o } }", format="json"))
    assert status == 422 and f"more than {MAX_ROWS} rows".encode() in body and b"LIMIT" in body
    status, _, body = http(query_url(endpoint, "SELECT * WHERE { GRAPH ?g { ?s ?p ?o } } LIMIT 10", format="csv"))
    assert status == 200 and body.count(b"\r\n") == 11


def test_slow_query_is_stopped_while_others_are_answered(server, endpoint):
    pids_before = server.app.executor.pids()
    slow: dict = {}

    def run_slow():
        started = time.monotonic()
        slow["answer"] = http(query_url(endpoint, SLOW, format="json"))
        slow["seconds"] = time.monotonic() - started

    thread = threading.Thread(target=run_slow)
    thread.start()
    time.sleep(0.2)
    started = time.monotonic()
    status, _, body = http(query_url(endpoint, LABELS, format="json"))
    quick = time.monotonic() - started
    thread.join()
    assert status == 200 and "大阪府".encode() in body and quick < 1.0
    status, _, body = slow["answer"]
    assert status == 504 and b"stopped after 1.5 s" in body
    assert TIMEOUT <= slow["seconds"] < TIMEOUT + 2
    assert http(query_url(endpoint, LABELS, format="json"))[0] == 200
    deadline = time.monotonic() + 10
    while len(server.app.executor.pids()) < 3 and time.monotonic() < deadline:
        time.sleep(0.1)
    pids_after = server.app.executor.pids()
    assert len(pids_after) == 3 and pids_after != pids_before  # the stuck worker was replaced


def test_a_dead_worker_is_replaced_and_no_request_fails(server, endpoint):
    import os
    import signal

    victim = server.app.executor.pids()[0]
    os.kill(victim, signal.SIGKILL)
    time.sleep(0.2)
    for n in range(6):  # distinct texts, so that none is answered from the cache
        assert http(query_url(endpoint, LABELS + f" # {n} {time.time()}", format="json"))[0] == 200
    deadline = time.monotonic() + 10
    while (victim in server.app.executor.pids() or len(server.app.executor.pids()) < 3) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert victim not in server.app.executor.pids() and len(server.app.executor.pids()) == 3


def test_answers_are_kept_while_the_snapshot_cannot_change(store):
    import os
    import signal

    with make_server(store, port=0, workers=1, log=None, warm=False) as srv:
        srv.start()
        url = query_url(srv.url + "sparql", LABELS, format="csv")
        first = http(url)
        assert first[0] == 200
        os.kill(srv.app.executor.pids()[0], signal.SIGKILL)  # no worker can answer now
        again = http(url)
        assert again[0] == 200 and again[2] == first[2]
        as_json = http(query_url(srv.url + "sparql", LABELS, format="json"))  # other format, same answer
        assert as_json[0] == 200 and "大阪府".encode() in as_json[2]


@pytest.mark.parametrize("path", ["static/../server.py", "static/%2e%2e/server.py", "static/..%2fpool.py",
                                  "static/%2Fetc%2Fpasswd", "static//etc/passwd", "static/templates/base.html",
                                  "static/", "../../etc/passwd"])
def test_path_traversal_is_404(server, path):
    status, _, body = http(server.url + path)
    assert status == 404 and b"root:" not in body and b"import" not in body


def test_static_file_and_other_methods(server):
    status, headers, body = http(server.url + "static/favicon.svg")
    assert status == 200 and headers.get_content_type() == "image/svg+xml" and body.startswith(b"<svg")
    assert http(server.url + "static/favicon.svg", method="HEAD")[2] == b""
    assert http(server.url + "search", data=b"q=x", headers={"Content-Type": "text/plain"})[0] == 405
    assert http(server.url + "sparql", data=b"x", headers={"Content-Type": "text/plain"})[0] == 415
    assert http(query_url(server.url + "sparql", LABELS, **{"default-graph-uri": "http://x/"}))[0] == 400


def test_errors_answer_in_the_clients_language(server):
    status, headers, body = http(server.url + "nowhere", headers={"Accept": "application/json"})
    assert status == 404 and json.loads(body) == {"ok": False, "status": 404, "error": "nothing at /nowhere"}
    status, headers, body = http(server.url + "nowhere", headers={"Accept": "text/html"})
    assert headers.get_content_type() == "text/html" and b"nothing at /nowhere" in body
    status, headers, body = http(server.url + "nowhere", headers={"Accept": "text/plain"})
    assert body == b"nothing at /nowhere\n"


# ---- one-shot mode -------------------------------------------------------------------------------

def test_get_answers_without_a_socket(store):
    status, headers, body = get(store, "/search?q=%E5%A4%A7%E9%98%AA", {"Accept": "text/html"})
    assert status == 200 and headers["Content-Type"].startswith("text/html")
    assert "Osaka Prefecture".encode() in body
    status, _, body = get(store, "/search?q=evil", {"Accept": "text/html"})
    assert EVIL_LABEL.encode() not in body and b"&lt;script&gt;window.__xss = 1&lt;/script&gt;" in body
    status, headers, body = get(store, "/queries/mou-partners?format=csv")
    assert status == 200 and headers["Content-Type"].startswith("text/csv") and b"Osaka Prefecture" in body
    assert get(store, "/queries/entity?format=csv")[0] == 400
    assert get(store, "/queries/no-such-query")[0] == 404


# ---- answers within the row budget ------------------------------------------------------------

def test_pages_cut_long_answers_and_say_so(store):
    from graph.pool import ROWS, Job, execute

    rows = execute(store, Job("SELECT ?s WHERE { GRAPH ?g { ?s ?p ?o } }", ROWS, max_rows=7, truncate=True))
    assert rows.status == 200 and len(rows.value.rows) == 7 and rows.truncated
    exact = execute(store, Job("SELECT ?s WHERE { GRAPH ?g { ?s ?p ?o } } LIMIT 7", ROWS, max_rows=7))
    assert exact.status == 200 and len(exact.value.rows) == 7 and not exact.truncated
    triples = execute(store, Job("CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }", "nt", max_rows=5,
                                 truncate=True))
    assert triples.body.count(b"\n") == 5 and triples.truncated
    refused = execute(store, Job("CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }", "ttl", max_rows=5))
    assert refused.status == 422


@pytest.mark.parametrize("accept, tagged", [("application/ld+json", b'"@language":"zh-Hant"'),
                                            ("application/rdf+xml", b'xml:lang="zh-Hant"'),
                                            ("application/n-triples", '"大阪府"@zh-Hant'.encode())])
def test_every_rdf_format_keeps_canonical_tags(server, accept, tagged):
    status, _, body = http(server.url + "id/jp-27", headers={"Accept": accept})
    assert status == 200 and tagged in body and b"zh-hant" not in body


# ---- serve() as the CLI runs it ----------------------------------------------------------------

def test_serve_on_disk_store_stops_cleanly_on_sigterm(tmp_path, store):
    import signal
    import subprocess
    import sys

    disk = open_store(tmp_path / "store")
    disk.rebuild(store.quads())
    del disk  # closed: the server process opens it
    code = ("import sys; from graph.server import serve; from graph.store import open_store; "
            "serve(open_store(sys.argv[1]), port=0, workers=2, log=None, ready=lambda url: print(url, flush=True))")
    proc = subprocess.Popen([sys.executable, "-c", code, str(tmp_path / "store")], stdout=subprocess.PIPE, text=True)
    try:
        url = proc.stdout.readline().strip()
        assert url.startswith("http://127.0.0.1:")
        assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".store.serve-")]  # the workers' snapshot
        status, _, body = http(query_url(url + "sparql", LABELS, format="csv"))
        assert status == 200 and "大阪府".encode() in body
    finally:
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=20) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["store"]  # snapshot removed


def test_iris_in_any_script_dereference():
    from graph.ids import announcement_iri, entity_iri
    from graph.models import Announcement, Entity, Extraction, Relation
    from graph.rdf import extraction_quads

    kagoshima, tjpo = entity_iri("鹿兒島縣"), entity_iri("tjpo")
    ex = Extraction(Announcement("zh-1", "zh-1.txt", "鹿兒島", "", "zh-Hant"),
                    (Entity(kagoshima, "Prefecture", "鹿兒島縣", "zh-Hant"), Entity(tjpo, "Agency", "TJPO", "en")),
                    (Relation(tjpo, "signedMOUWith", kagoshima, "TJPO與鹿兒島縣簽署MOU。", 0.9, "2020-01-01"),))
    s = open_store("memory")
    s.replace_graph(announcement_iri("zh-1"), extraction_quads(ex))
    path = "/id/" + urllib.parse.quote("鹿兒島縣")
    status, _, body = get(s, path, {"Accept": "text/turtle"})
    assert status == 200 and "鹿兒島縣".encode() in body
    status, _, page = get(s, "/id/tjpo", {"Accept": "text/html"})
    assert f'href="{path}"'.encode() in page and "TJPO與鹿兒島縣簽署MOU。".encode() in page
