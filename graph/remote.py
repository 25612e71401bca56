"""A store on a shared SPARQL 1.1 server (Oxigraph server, Fuseki, GraphDB, Virtuoso, Neptune).

:class:`RemoteStore` answers the same interface as the embedded store over the SPARQL 1.1
Protocol: queries are POSTed form-encoded to the query URL, updates to the update URL.

- Parameters are bound by a ``VALUES`` block (:func:`graph.sparql.bind_values`), each term
  written by Oxigraph's N-Triples writer; a SPARQL server has no parameter protocol.
- Replacing an announcement's graph is one update request, so readers never see half of it.
- Credentials come from the environment only: ``TJKG_AUTH`` (a bearer token) or
  ``TJKG_USER`` and ``TJKG_PASSWORD`` (HTTP Basic); never from a command line.
- A server that is down or answers an error raises :class:`~graph.errors.RemoteStoreError`
  whose one-line message names the URL.

Queries do not rely on the server's default graph being the union of the named graphs (servers
differ): tjkg writes every triple into a named graph, and reads them with ``GRAPH`` patterns.
"""
from __future__ import annotations

import base64
import os
import socket
import tempfile
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterable, Iterator
from pathlib import Path

import pyoxigraph as ox
from rdflib import URIRef
from rdflib.term import Node

from .errors import QueryError, RemoteStoreError
from .ids import BASE
from .rdf import Quad
from .sparql import bind_values
from .store import EXPORT_FORMATS, EmbeddedStore, replace_update
from .terms import from_ox, to_ox

__all__ = ["RemoteStore", "auth_headers", "BATCH_QUADS"]

BATCH_QUADS = 20_000  # quads per INSERT DATA request when rebuilding
_ACCEPT = ("application/sparql-results+json, application/n-triples;q=0.9, text/turtle;q=0.8, "
           "application/sparql-results+xml;q=0.5")
_RESULT_FORMATS = {
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
    "text/tab-separated-values": ox.QueryResultsFormat.TSV,
}
_ALL_QUADS = "SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } }"


def auth_headers(environ: dict[str, str] | None = None) -> dict[str, str]:
    """The ``Authorization`` header from ``TJKG_AUTH`` or ``TJKG_USER``/``TJKG_PASSWORD``.

    >>> auth_headers({"TJKG_AUTH": "t0k"})
    {'Authorization': 'Bearer t0k'}
    >>> auth_headers({"TJKG_USER": "ann", "TJKG_PASSWORD": "pw"})
    {'Authorization': 'Basic YW5uOnB3'}
    >>> auth_headers({})
    {}
    """
    env = os.environ if environ is None else environ
    if env.get("TJKG_AUTH"):
        return {"Authorization": f"Bearer {env['TJKG_AUTH']}"}
    if env.get("TJKG_USER"):
        pair = f"{env['TJKG_USER']}:{env.get('TJKG_PASSWORD', '')}".encode()
        return {"Authorization": "Basic " + base64.b64encode(pair).decode("ascii")}
    return {}


def _one_line(text: str, limit: int = 300) -> str:
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1] + "…"


class RemoteStore:
    """A SPARQL 1.1 server as a tjkg store.

    Parameters
    ----------
    query_url
        The server's SPARQL query endpoint (``http://127.0.0.1:7878/query`` for Oxigraph).
    update_url
        Its update endpoint; the query URL when not given (Fuseki and Virtuoso take both there).
    timeout
        Seconds to wait for an answer.

    Examples
    --------
    >>> store = RemoteStore("http://127.0.0.1:9/query")
    >>> store.location, store.update_url
    ('http://127.0.0.1:9/query', 'http://127.0.0.1:9/query')
    """

    def __init__(self, query_url: str, update_url: str | None = None, *, timeout: float = 60.0) -> None:
        for url in (query_url, update_url):
            if url is not None and not url.startswith(("http://", "https://")):
                raise RemoteStoreError(f"{url}: not an http(s) URL of a SPARQL endpoint")
        self.location = query_url
        self.query_url = query_url
        self.update_url = update_url or query_url
        self.timeout = timeout

    def __repr__(self) -> str:
        return f"RemoteStore({self.query_url!r}, update_url={self.update_url!r})"

    # ---- HTTP ------------------------------------------------------------------------------
    def _post(self, url: str, form: dict[str, str], accept: str, *, what: str) -> tuple[str, bytes]:
        """POST a form; the answer's media type and body. Errors name the URL, on one line."""
        data = urllib.parse.urlencode(form).encode("utf-8")
        headers = {"Content-Type": "application/x-www-form-urlencoded; charset=utf-8", "Accept": accept,
                   "User-Agent": "tjkg", **auth_headers()}
        request = urllib.request.Request(url, data=data, headers=headers, method="POST")
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                media_type = response.headers.get_content_type()
                return media_type, response.read()
        except urllib.error.HTTPError as e:
            detail = _one_line(e.read().decode("utf-8", "replace")) if e.fp else ""
            if e.code == 400 and what == "query":
                raise QueryError(f"{url}: the server rejected the query: {detail or e.reason}") from None
            hint = " (set TJKG_USER and TJKG_PASSWORD, or TJKG_AUTH)" if e.code in (401, 403) else ""
            raise RemoteStoreError(f"{url}: the server answered {e.code} {e.reason} to a {what}{hint}"
                                   + (f": {detail}" if detail else "")) from None
        except (TimeoutError, socket.timeout):
            raise RemoteStoreError(f"{url}: no answer within {self.timeout:g} s") from None
        except urllib.error.URLError as e:
            raise RemoteStoreError(f"{url}: cannot reach the SPARQL server ({_one_line(str(e.reason))})") from None
        except (ConnectionError, OSError) as e:
            raise RemoteStoreError(f"{url}: the connection failed ({_one_line(str(e))})") from None

    def _update(self, sparql: str) -> None:
        self._post(self.update_url, {"update": sparql}, "*/*", what="update")

    # ---- queries ---------------------------------------------------------------------------
    def raw_query(self, sparql: str, bindings: dict[str, Node] | None = None):
        """The answer as pyoxigraph objects, like the embedded store's: ``QuerySolutions``,
        ``QueryBoolean`` or ``QueryTriples``."""
        text = bind_values(sparql, bindings)
        media_type, body = self._post(self.query_url, {"query": text}, _ACCEPT, what="query")
        try:
            if media_type in _RESULT_FORMATS:
                return ox.parse_query_results(body, format=_RESULT_FORMATS[media_type])
            rdf_format = ox.RdfFormat.from_media_type(media_type)
            if rdf_format is not None:
                # a CONSTRUCT or DESCRIBE answer, read back as the embedded store gives it
                graph = ox.Store()
                graph.extend(ox.parse(body, format=rdf_format))
                return graph.query("CONSTRUCT WHERE { ?s ?p ?o }")
        except (SyntaxError, ValueError) as e:
            raise RemoteStoreError(f"{self.query_url}: unreadable {media_type} answer ({_one_line(str(e))})") from None
        raise RemoteStoreError(f"{self.query_url}: answered {media_type}, which is not a SPARQL result format")

    # the embedded store's conversions of pyoxigraph results apply unchanged
    select = EmbeddedStore.select
    ask = EmbeddedStore.ask

    construct = EmbeddedStore.construct

    # ---- writes ----------------------------------------------------------------------------
    def replace_graph(self, graph_iri: str, quads: list[Quad]) -> None:
        """Replace one announcement's graph (and add its entity quads): one update request."""
        self._update(replace_update(graph_iri, quads))

    def remove_graph(self, graph_iri: str) -> None:
        self._update(f"DROP SILENT GRAPH {to_ox(URIRef(graph_iri))}")

    def rebuild(self, quads: Iterable[Quad]) -> int:
        """Replace tjkg's graphs on the server with these quads. Returns the server's quad count.

        The quads are written to a temporary file first, so nothing on the server changes
        unless every quad could be produced. Then the graphs tjkg owns (those under its base
        IRI, and every graph the new quads name) are dropped and the quads sent in batches of
        :data:`BATCH_QUADS`; other graphs on a shared server are left alone.
        """
        with tempfile.TemporaryDirectory(prefix="tjkg-") as tmp:
            path = Path(tmp) / "all.nq"
            names: set[str] = set()
            with path.open("wb") as out:
                batch: list[ox.Quad] = []
                for s, p, o, g in quads:
                    names.add(str(g))
                    batch.append(ox.Quad(to_ox(s), to_ox(p), to_ox(o), to_ox(g)))
                    if len(batch) >= 50_000:
                        out.write(ox.serialize(batch, format=ox.RdfFormat.N_QUADS))
                        batch = []
                if batch:
                    out.write(ox.serialize(batch, format=ox.RdfFormat.N_QUADS))
            names |= {g for g in self.graphs() if g.startswith(BASE)}
            drops = " ;\n".join(f"DROP SILENT GRAPH {to_ox(URIRef(g))}" for g in sorted(names))
            if drops:
                self._update(drops)
            sent = 0
            batch = []
            for quad in ox.parse(path=str(path), format=ox.RdfFormat.N_QUADS):
                batch.append(quad)
                if len(batch) >= BATCH_QUADS:
                    sent += self._insert(batch, sent)
                    batch = []
            if batch:
                self._insert(batch, sent)
        return len(self)

    def _insert(self, quads: list[ox.Quad], sent: int) -> int:
        by_graph: dict[str, list[ox.Triple]] = {}
        for q in quads:
            by_graph.setdefault(str(q.graph_name), []).append(ox.Triple(q.subject, q.predicate, q.object))
        blocks = [f"GRAPH {name} {{\n{ox.serialize(ts, format=ox.RdfFormat.N_TRIPLES).decode('utf-8')}}}"
                  for name, ts in by_graph.items()]
        try:
            self._update("INSERT DATA {\n" + "\n".join(blocks) + "\n}")
        except RemoteStoreError as e:
            raise RemoteStoreError(f"{e} (rebuild stopped after {sent} quads; run it again)") from None
        return len(quads)

    # ---- whole-store reads -----------------------------------------------------------------
    def quads(self) -> Iterator[Quad]:
        """Every quad in the server's named graphs, as rdflib terms."""
        result = self.raw_query(_ALL_QUADS)
        for sol in result:
            yield (from_ox(sol["s"]), from_ox(sol["p"]), from_ox(sol["o"]), from_ox(sol["g"]))

    def dump(self, fmt: str) -> bytes:
        """The named graphs serialized as the embedded store would (``trig``, ``nq``, ``jsonld``;
        ``ttl``/``nt`` merge them): the quads are copied into an in-memory store first."""
        if fmt not in EXPORT_FORMATS:
            raise RemoteStoreError(f"unknown export format {fmt!r}; choose one of {', '.join(EXPORT_FORMATS)}")
        copy = EmbeddedStore(None)
        copy.ox.extend(ox.Quad(s["s"], s["p"], s["o"], s["g"]) for s in self.raw_query(_ALL_QUADS))
        return copy.dump(fmt)

    def graphs(self) -> list[str]:
        """The IRIs of the server's named graphs."""
        result = self.raw_query("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
        return sorted(sol["g"].value for sol in result if isinstance(sol["g"], ox.NamedNode))

    def __len__(self) -> int:
        result = self.raw_query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
        return int(next(iter(result))["n"].value)
