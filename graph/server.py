"""``tjkg serve``: the SPARQL endpoint and the explorer pages over HTTP.

``/sparql`` speaks the SPARQL 1.1 Protocol (GET, POST form-encoded, POST
``application/sparql-query``), read-only: SELECT and ASK answers as JSON, XML, CSV or TSV,
CONSTRUCT and DESCRIBE as Turtle, N-Triples, JSON-LD or RDF/XML, chosen by the ``Accept``
header or a ``format`` parameter; without a query it gives its service description (a form
for a browser). What it refuses, and how:

=============================================  ======  ================================
update (``update=``, sparql-update, INSERT...)  403     read-only
``SERVICE`` clause                              403     the server sends no requests out
malformed query                                 400     the parser's message
query text over ``max_query_bytes``             413
answer over ``max_rows`` rows                   422     add LIMIT, or OFFSET to page
query running past ``timeout``                  504     the query is stopped
every query slot busy for ``timeout``           503     with Retry-After
no acceptable format                            406
=============================================  ======  ================================

The explorer pages (``/``, ``/search``, ``/entity``, ``/announcement``, ``/queries``) are in
:mod:`graph.explorer`; entity IRIs under the base (``<base>id/...``) dereference at
``/id/...``: HTML for a browser, Turtle, JSON-LD, N-Triples or RDF/XML for an RDF client.

Entry points: :func:`serve` (blocks), :func:`make_server` (for tests and embedding) and
:func:`get` (one request, no socket).

>>> from graph.store import open_store
>>> status, headers, body = get(open_store("memory"), "/sparql?query=ASK%20%7B%7D&format=json")
>>> status, headers["Content-Type"], body
(200, 'application/sparql-results+json; charset=utf-8', b'{"head":{},"boolean":true}')
"""
from __future__ import annotations

import os
import shutil
import signal
import sys
import tempfile
import threading
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs

import pyoxigraph as ox

from .errors import QueryError, TjkgError
from .ids import BASE
from .pool import ROWS, InlineExecutor, Job, Outcome, WorkerPool
from .results import MEDIA_TYPES, NotAcceptable, negotiate, serialize_graph
from .sparql import bind_values, query_form, uses_service
from .web import (BadRequest, Forbidden, HTTPError, MethodNotAllowed, NotFound, PayloadTooLarge, Request, Response,
                  UnsupportedMediaType, error_response, wants_html)

__all__ = ["serve", "make_server", "get", "App", "Settings", "Server", "DEFAULT_PORT", "MAX_ROWS", "KINDS"]

DEFAULT_PORT = 8000
MAX_ROWS = 100_000  # rows (or triples) an answer may have by default
KINDS = {"SELECT": "solutions", "ASK": "boolean", "CONSTRUCT": "graph", "DESCRIBE": "graph"}
_STATIC = Path(__file__).resolve().parent / "templates" / "static"
_SD = "http://www.w3.org/ns/sparql-service-description#"
_FORMATS_NS = "http://www.w3.org/ns/formats/"
_SD_FORMATS = ("SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV", "SPARQL_Results_TSV",
               "Turtle", "N-Triples", "JSON-LD", "RDF_XML")


@dataclass(frozen=True)
class Settings:
    """What a server allows.

    Parameters
    ----------
    timeout
        Seconds a query may run before it is stopped (and seconds to wait for a free slot).
    max_rows
        Rows (or triples) an answer may have; a bigger one is refused with 422.
    max_query_bytes
        Size of a query's text (UTF-8); a longer one is refused with 413.
    base
        The base of the IRIs that dereference here (``<base>id/x`` at ``/id/x``).
    page_rows
        Rows an explorer page shows before it says there are more.
    union_default_graph
        Whether the store's default graph is the union of its named graphs (said in the
        service description).
    """

    timeout: float = 30.0
    max_rows: int = MAX_ROWS
    max_query_bytes: int = 64 * 1024
    base: str = BASE
    page_rows: int = 500
    union_default_graph: bool = True


class App:
    """Requests in, responses out: routing, the SPARQL endpoint, dereferencing, static files."""

    def __init__(self, executor, settings: Settings) -> None:
        from .explorer import Explorer

        self.executor = executor
        self.settings = settings
        self.explorer = Explorer(self)

    # ---- running queries ---------------------------------------------------------------------
    def run(self, sparql: str, fmt: str = ROWS, *, bindings=None, max_rows: int | None = None,
            truncate: bool = False) -> Outcome:
        """Run a query through the executor; a failure raises an :class:`HTTPError` with its status."""
        job = Job(bind_values(sparql, bindings), fmt, max_rows or self.settings.max_rows, truncate)
        return _checked(self.executor.run(job, self.settings.timeout))

    def rows(self, sparql: str, bindings=None, *, limit: int | None = None):
        """The rows of an explorer query (at most ``limit``, default the page size)."""
        return self.run(sparql, bindings=bindings, max_rows=limit or self.settings.page_rows, truncate=True).value

    # ---- requests ---------------------------------------------------------------------------
    def handle(self, request: Request) -> Response:
        """The response to a request; never raises."""
        try:
            return self._route(request)
        except HTTPError as e:
            response = error_response(e, request)
            if e.status == 503:
                response.headers["Retry-After"] = "1"
            return response
        except NotAcceptable as e:
            return error_response(e, request, 406)
        except TjkgError as e:
            return error_response(e, request, 400)
        except Exception as e:  # a bug: answered, logged, and the server goes on
            traceback.print_exc(file=sys.stderr)
            return error_response(HTTPError(f"internal error ({type(e).__name__}); see the server's log"), request)

    def _route(self, request: Request) -> Response:
        path = request.path
        if request.method not in ("GET", "HEAD", "POST"):
            raise MethodNotAllowed(f"{request.method} is not supported here")
        if path == "/sparql":
            return self.sparql(request)
        if request.method == "POST":
            raise MethodNotAllowed(f"POST is only for /sparql, not {path}")
        if path.startswith("/static/"):
            return self.static(path[len("/static/"):])
        if path.startswith(("/id/", "/announcement/")):
            return self.dereference(request, self.explorer.iri_of_path(request.raw_path))
        page = self.explorer.page_for(path)
        if page is None:
            raise NotFound(f"nothing at {path}")
        return page(request)

    # ---- /sparql ------------------------------------------------------------------------------
    def _protocol_params(self, request: Request) -> dict[str, list[str]]:
        params = dict(request.params)
        if request.method != "POST":
            return params
        media = (request.header("content-type") or "").split(";")[0].strip().lower()
        if media == "application/x-www-form-urlencoded":
            try:
                form = parse_qs(request.body.decode("utf-8"), keep_blank_values=True)
            except UnicodeDecodeError:
                raise BadRequest("the form is not UTF-8") from None
            return params | form
        if media == "application/sparql-query":
            try:
                return params | {"query": [request.body.decode("utf-8")]}
            except UnicodeDecodeError:
                raise BadRequest("the query is not UTF-8") from None
        if media == "application/sparql-update":
            raise Forbidden("this endpoint is read-only: updates are refused")
        raise UnsupportedMediaType(f"POST a query as application/x-www-form-urlencoded or application/sparql-query, "
                                   f"not {media or 'no content type'}")

    def check_query(self, query: str) -> str:
        """The query's form, after the checks every query passes (size, read-only, no SERVICE)."""
        if len(query.encode("utf-8")) > self.settings.max_query_bytes:
            raise PayloadTooLarge(f"the query has {len(query.encode('utf-8'))} bytes; "
                                  f"this server takes at most {self.settings.max_query_bytes}")
        if uses_service(query):
            raise Forbidden("federated queries (SERVICE) are refused: this server never sends requests elsewhere")
        try:
            form = query_form(query)
        except QueryError:
            return ""  # not recognizable: the engine's parser says what is wrong
        if form not in KINDS:
            raise Forbidden(f"this endpoint is read-only: {form} is an update")
        return form

    def sparql(self, request: Request) -> Response:
        params = self._protocol_params(request)
        if "update" in params:
            raise Forbidden("this endpoint is read-only: updates are refused")
        if params.get("default-graph-uri") or params.get("named-graph-uri"):
            raise BadRequest("default-graph-uri and named-graph-uri are not supported; use FROM and FROM NAMED")
        query = (params.get("query") or [None])[0]
        fmt = (params.get("format") or params.get("output") or [None])[0]
        if fmt in (None, "html") and wants_html(request):
            return self.explorer.sparql_page(request, query or "")
        if query is None or not query.strip():
            return self.service_description(request, fmt)
        form = self.check_query(query)
        kind = KINDS.get(form, "solutions")
        name = negotiate(kind, request.header("accept"), fmt, html=True)
        if name == "html":
            return self.explorer.sparql_page(request, query)
        outcome = _checked(self.executor.run(Job(query, name, self.settings.max_rows), self.settings.timeout))
        return Response(200, outcome.body, _with_charset(outcome.media_type))

    def service_description(self, request: Request, fmt: str | None) -> Response:
        """The SPARQL 1.1 service description of this endpoint."""
        name = negotiate("graph", request.header("accept"), fmt)
        try:
            endpoint = ox.NamedNode(f"http://{request.header('host') or '127.0.0.1'}/sparql")
        except ValueError:
            endpoint = ox.NamedNode("http://127.0.0.1/sparql")
        sd = ox.NamedNode
        node = ox.BlankNode("service")
        triples = [
            ox.Triple(node, sd("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), sd(_SD + "Service")),
            ox.Triple(node, sd(_SD + "endpoint"), endpoint),
            ox.Triple(node, sd(_SD + "supportedLanguage"), sd(_SD + "SPARQL11Query")),
        ]
        triples += [ox.Triple(node, sd(_SD + "resultFormat"), sd(_FORMATS_NS + f)) for f in _SD_FORMATS]
        if self.settings.union_default_graph:
            triples.append(ox.Triple(node, sd(_SD + "feature"), sd(_SD + "UnionDefaultGraph")))
        return Response(200, serialize_graph(triples, name), _with_charset(MEDIA_TYPES[name]))

    # ---- dereferenceable IRIs -------------------------------------------------------------------
    def dereference(self, request: Request, iri: str) -> Response:
        """An IRI under the base: its page for a browser, its description for an RDF client."""
        fmt = request.param("format")
        name = negotiate("graph", request.header("accept"), fmt, html=True)
        if name == "html":
            return self.explorer.page_of(request, iri)
        term = iri_term(iri)
        if not self.explorer.exists(term):
            raise NotFound(f"nothing is known about <{iri}>")
        outcome = self.run(self.explorer.describe_query(), name, bindings={"this": term})
        return Response(200, outcome.body, _with_charset(outcome.media_type))

    # ---- static files -------------------------------------------------------------------------
    def static(self, name: str) -> Response:
        """A file shipped in graph/templates/static; anything else (``..``, absolute paths,
        sub-folders) is not found."""
        allowed = {p.name: p for p in _STATIC.iterdir() if p.is_file()} if _STATIC.is_dir() else {}
        if name not in allowed:
            raise NotFound(f"no static file {name!r}")
        media = {".svg": "image/svg+xml", ".txt": "text/plain; charset=utf-8"}.get(allowed[name].suffix,
                                                                                 "application/octet-stream")
        return Response(200, allowed[name].read_bytes(), media, {"Cache-Control": "max-age=3600"})


def _checked(outcome: Outcome) -> Outcome:
    """The outcome if it is an answer; else its status and message as an :class:`HTTPError`."""
    if outcome.status != 200:
        error = HTTPError(outcome.message)
        error.status = outcome.status
        raise error
    return outcome


def iri_term(iri: str):
    """An IRI as an rdflib term for binding (an invalid IRI is a 404, not an error)."""
    from rdflib import URIRef

    try:
        ox.NamedNode(iri)
    except ValueError:
        raise NotFound(f"not an IRI: {iri!r}") from None
    return URIRef(iri)


def _with_charset(media_type: str) -> str:
    textual = media_type.startswith("text/") or media_type.endswith(("+json", "+xml", "/json", "/n-triples"))
    return f"{media_type}; charset=utf-8" if textual and "charset" not in media_type else media_type


class _Handler(BaseHTTPRequestHandler):
    """One connection: reads a request, asks the app, writes the response."""

    protocol_version = "HTTP/1.1"
    server_version = "tjkg"
    timeout = 60  # seconds a client may take to send its request
    disable_nagle_algorithm = True  # headers and body leave at once, not after a delayed ACK
    app: App
    log = None

    def do_GET(self) -> None:  # noqa: N802
        self._answer()

    def do_HEAD(self) -> None:  # noqa: N802
        self._answer(body=False)

    def do_POST(self) -> None:  # noqa: N802
        self._answer()

    def _answer(self, body: bool = True) -> None:
        settings = self.app.settings
        try:
            length = int(self.headers.get("Content-Length") or 0)
        except ValueError:
            length = -1
        request = Request.from_target(self.command, self.path, dict(self.headers.items()))
        if length < 0:
            response = error_response(BadRequest("the Content-Length header is not a number"), request)
            self.close_connection = True
        elif length > 3 * settings.max_query_bytes + 4096:  # room for form encoding
            response = error_response(PayloadTooLarge(f"the request body has {length} bytes; this server takes "
                                                      f"queries of at most {settings.max_query_bytes}"), request)
            self.close_connection = True  # the body is not read
        elif self.headers.get("Transfer-Encoding", "").lower() == "chunked":
            response = error_response(HTTPError("send the body with a Content-Length"), request, 411)
            self.close_connection = True
        else:
            payload = self.rfile.read(length) if length else b""
            response = self.app.handle(Request.from_target(self.command, self.path, dict(self.headers.items()),
                                                           payload))
        self.send_response(response.status)
        for key, value in response.all_headers().items():
            self.send_header(key, value)
        self.end_headers()
        if body:
            self.wfile.write(response.body)

    def log_message(self, format: str, *args) -> None:  # noqa: A002
        if self.log is not None:
            self.log.write("%s - %s\n" % (self.address_string(), format % args))


class _HTTPServer(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 128  # many clients connect at once


class Server:
    """A running HTTP server over a store, not yet serving: call :meth:`serve_forever` (or
    :meth:`start` for a background thread), then :meth:`close`.

    Attributes
    ----------
    url
        ``http://host:port/`` with the port actually bound.
    app
        The :class:`App` (its ``executor`` runs the queries).
    """

    def __init__(self, app: App, host: str, port: int, cleanup: Callable[[], None], log=None) -> None:
        handler = type("Handler", (_Handler,), {"app": app, "log": log})
        self.httpd = _HTTPServer((host, port), handler)
        self.app = app
        self._cleanup = cleanup
        self._thread: threading.Thread | None = None
        bound_host, bound_port = self.httpd.server_address[:2]
        shown = f"[{bound_host}]" if ":" in str(bound_host) else bound_host
        self.url = f"http://{shown}:{bound_port}/"

    def serve_forever(self) -> None:
        self.httpd.serve_forever(poll_interval=0.2)

    def start(self) -> Server:
        self._thread = threading.Thread(target=self.serve_forever, name="tjkg-serve", daemon=True)
        self._thread.start()
        return self

    def close(self) -> None:
        if self._thread is not None:
            self.httpd.shutdown()
            self._thread.join()
        self.httpd.server_close()
        self.app.executor.close()
        self._cleanup()

    def __enter__(self) -> Server:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _snapshot(store) -> tuple[str, Callable[[], None]]:
    """A read-only copy of an embedded store for the query workers, and how to remove it.

    An on-disk store gets a RocksDB checkpoint beside it (hard links: instant, no space), so
    that no worker ever reads files the live store is compacting away; a memory store is
    written to a temporary directory.
    """
    if store.location == "memory":
        tmp = tempfile.mkdtemp(prefix="tjkg-serve-")
        copy = ox.Store(os.path.join(tmp, "store"))
        copy.bulk_extend(store.ox)
        copy.flush()
        del copy  # closed: the workers are its only readers
    else:
        location = Path(store.location).resolve()
        tmp = tempfile.mkdtemp(prefix=f".{location.name}.serve-", dir=location.parent)
        try:
            store.ox.backup(os.path.join(tmp, "store"))
        except OSError as e:
            shutil.rmtree(tmp, ignore_errors=True)
            raise TjkgError(f"{store.location}: cannot snapshot the store for serving ({e})") from None
    return os.path.join(tmp, "store"), lambda: shutil.rmtree(tmp, ignore_errors=True)


def _executor_for(store, workers: int, timeout: float, cache_mb: int):
    """A worker pool over a snapshot of an embedded store, or an inline executor for a remote
    store; and the clean-up to run when the server closes."""
    from .store import EmbeddedStore

    if not isinstance(store, EmbeddedStore):
        if hasattr(store, "timeout"):
            store.timeout = timeout
        return InlineExecutor(store, size=workers), lambda: None
    path, cleanup = _snapshot(store)
    try:
        return WorkerPool(path, size=workers, cache_bytes=cache_mb * 2**20), cleanup
    except TjkgError:
        cleanup()
        raise


def make_server(store, *, host: str = "127.0.0.1", port: int = DEFAULT_PORT, timeout: float = 30.0,
                max_rows: int = MAX_ROWS, base: str | None = None, workers: int | None = None,
                max_query_bytes: int = 64 * 1024, log=sys.stderr, warm: bool = True, cache_mb: int = 256) -> Server:
    """A server bound to ``host:port`` (``port=0``: a free port), ready to serve.

    ``workers`` is how many queries run at once (default: twice the CPU count, at least 2).
    ``log`` receives one line per request (``None``: silent). An embedded store is served from
    a snapshot that cannot change, so answers are kept (``cache_mb`` of them; 0: none); with
    ``warm``, the saved queries are answered once in the background, so that their first
    request is quick.
    """
    from .store import EmbeddedStore

    workers = workers or max(2, 2 * (os.cpu_count() or 1))
    settings = Settings(timeout=timeout, max_rows=max_rows, max_query_bytes=max_query_bytes, base=base or BASE,
                        union_default_graph=isinstance(store, EmbeddedStore))
    executor, cleanup = _executor_for(store, workers, timeout, cache_mb)
    try:
        server = Server(App(executor, settings), host, port, cleanup, log)
    except OSError as e:
        executor.close()
        cleanup()
        raise TjkgError(f"cannot listen on {host}:{port} ({e.strerror or e})") from None
    if warm and isinstance(executor, WorkerPool):
        threading.Thread(target=_warm, args=(server.app,), name="tjkg-warm", daemon=True).start()
    return server


def _warm(app: App) -> None:
    """Answer the saved queries without parameters once, in the background, so that their
    first request (download or page) is answered from the cache."""
    from .query import saved_queries

    for saved in saved_queries().values():
        if saved.parameters:
            continue
        for rows, truncate in ((app.settings.max_rows, False), (app.settings.page_rows, True)):
            app.executor.run(Job(saved.text, ROWS if truncate else "tsv", rows, truncate), app.settings.timeout)


def serve(store, *, host: str = "127.0.0.1", port: int = DEFAULT_PORT, timeout: float = 30.0,
          max_rows: int = MAX_ROWS, base: str | None = None, workers: int | None = None,
          max_query_bytes: int = 64 * 1024, ready: Callable[[str], None] | None = None, log=sys.stderr,
          warm: bool = True, cache_mb: int = 256) -> None:
    """Serve the store until interrupted (Ctrl-C or SIGTERM); see :func:`make_server` for the
    options. ``ready(url)`` is called once the server listens."""
    server = make_server(store, host=host, port=port, timeout=timeout, max_rows=max_rows, base=base,
                         workers=workers, max_query_bytes=max_query_bytes, log=log, warm=warm,
                         cache_mb=cache_mb)
    previous = None
    if threading.current_thread() is threading.main_thread():  # SIGTERM stops it as Ctrl-C does
        previous = signal.signal(signal.SIGTERM, _interrupt)
    try:
        if ready is not None:
            ready(server.url)
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.close()
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)


def _interrupt(signum, frame) -> None:
    raise KeyboardInterrupt


def get(store, path: str, headers: dict[str, str] | None = None, *, base: str | None = None,
        max_rows: int = MAX_ROWS) -> tuple[int, dict[str, str], bytes]:
    """Answer one GET request without a socket: ``(status, headers, body)``.

    The query runs in this process, without the time limit of a served query.
    """
    from .store import EmbeddedStore

    settings = Settings(max_rows=max_rows, base=base or BASE, union_default_graph=isinstance(store, EmbeddedStore))
    app = App(InlineExecutor(store, size=1), settings)
    response = app.handle(Request.from_target("GET", path, headers or {"Accept": "*/*"}))
    return response.status, response.all_headers(), response.body
