"""Where the graph lives: an embedded Oxigraph store (on disk or in memory), or a SPARQL server.

Both kinds answer the same small interface, :class:`Store`; :func:`open_store` picks one from a
location: a directory path, ``memory``, or the URL of a SPARQL 1.1 query endpoint.

Replacing an announcement's graph is one SPARQL update (``DROP GRAPH`` + ``INSERT DATA``), which
Oxigraph runs as one transaction and a SPARQL server as one request: readers never see half of
it, and a failure leaves the store as it was.
"""
from __future__ import annotations

import os
import shutil
import tempfile
import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import pyoxigraph as ox
from rdflib import Graph, URIRef
from rdflib.term import Node

from .errors import QueryError, StoreError
from .rdf import Quad
from .terms import fix_lang_tags, from_ox, to_ox

__all__ = ["Store", "EmbeddedStore", "SelectResult", "open_store", "default_location", "replace_update",
           "EXPORT_FORMATS"]

DEFAULT_STORE = ".tjkg/store"
EXPORT_FORMATS = {
    "trig": ox.RdfFormat.TRIG,
    "nq": ox.RdfFormat.N_QUADS,
    "ttl": ox.RdfFormat.TURTLE,
    "nt": ox.RdfFormat.N_TRIPLES,
    "jsonld": None,  # rdflib writes JSON-LD
}


@dataclass(frozen=True)
class SelectResult:
    """Rows of a SELECT query as rdflib terms (``None`` where a variable is unbound)."""

    variables: tuple[str, ...]
    rows: tuple[tuple[Node | None, ...], ...]

    def __len__(self) -> int:
        return len(self.rows)

    def page(self, offset: int = 0, limit: int | None = None) -> SelectResult:
        """The rows from ``offset`` on, at most ``limit`` of them (all when ``None``)."""
        end = None if limit is None else offset + limit
        return SelectResult(self.variables, self.rows[offset:end])


class Store(Protocol):
    """What tjkg needs of a store, embedded or remote."""

    location: str

    def select(self, sparql: str, bindings: dict[str, Node] | None = None) -> SelectResult: ...
    def ask(self, sparql: str, bindings: dict[str, Node] | None = None) -> bool: ...
    def construct(self, sparql: str, bindings: dict[str, Node] | None = None) -> Graph: ...
    def replace_graph(self, graph_iri: str, quads: list[Quad]) -> None: ...
    def remove_graph(self, graph_iri: str) -> None: ...
    def rebuild(self, quads: Iterable[Quad]) -> int: ...
    def dump(self, fmt: str) -> bytes: ...
    def __len__(self) -> int: ...


def default_location() -> str:
    """``TJKG_STORE`` if set, else ``.tjkg/store`` under the working directory."""
    return os.environ.get("TJKG_STORE") or DEFAULT_STORE


def _ntriples(quads: Iterable[Quad]) -> str:
    """Triples as N-Triples text (valid inside SPARQL INSERT DATA), escaped by Oxigraph."""
    triples = [ox.Triple(to_ox(s), to_ox(p), to_ox(o)) for s, p, o, _ in quads]
    return ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES).decode("utf-8") if triples else ""


def replace_update(graph_iri: str, quads: list[Quad]) -> str:
    """One SPARQL update that replaces the announcement's graph and adds its entity quads.

    Every IRI and literal is serialized by Oxigraph's N-Triples writer, never formatted in.
    """
    g = to_ox(URIRef(graph_iri))
    by_graph: dict[str, list[Quad]] = {}
    for q in quads:
        by_graph.setdefault(str(q[3]), []).append(q)
    blocks = [f"GRAPH {to_ox(URIRef(name))} {{\n{_ntriples(qs)}}}" for name, qs in by_graph.items()]
    update = f"DROP SILENT GRAPH {g}"
    if blocks:
        update += " ;\nINSERT DATA {\n" + "\n".join(blocks) + "\n}"
    return update


class EmbeddedStore:
    """An Oxigraph store on disk (or in memory with ``path=None``).

    Queries see the union of all named graphs as their default graph.
    """

    def __init__(self, path: str | Path | None = None) -> None:
        self.location = "memory" if path is None else str(path)
        try:
            if path is None:
                self.ox = ox.Store()
            else:
                Path(path).mkdir(parents=True, exist_ok=True)
                self.ox = ox.Store(str(path))
        except OSError as e:
            raise StoreError(f"{self.location}: cannot open the store ({e}); is another tjkg process using it?") from e

    # ---- queries ------------------------------------------------------------------------
    @classmethod
    def read_only(cls, path: str | Path) -> "EmbeddedStore":
        """A read-only view of a store directory (for query workers beside a writer)."""
        store = cls.__new__(cls)
        store.location = str(path)
        try:
            store.ox = ox.Store.read_only(str(path))
        except OSError as e:
            raise StoreError(f"{path}: cannot open the store read-only ({e})") from e
        return store

    def raw_query(self, sparql: str, bindings: dict[str, Node] | None = None):
        """The pyoxigraph result object (for serializing it natively, as the server does).

        Parameters are bound with a ``VALUES`` block in each WHERE group (graph.sparql), as for
        a SPARQL server: the same query behaves the same on both, and a bound value is visible
        to BIND and sub-selects (pyoxigraph's own substitutions are not).
        """
        from .sparql import bind_values

        if bindings:
            sparql = bind_values(sparql, bindings)
        try:
            return self.ox.query(sparql, use_default_graph_as_union=True)
        except SyntaxError as e:
            raise QueryError(f"malformed SPARQL: {e}") from e
        except (OSError, ValueError, RuntimeError) as e:
            raise QueryError(f"query failed: {e}") from e

    def select(self, sparql: str, bindings: dict[str, Node] | None = None) -> SelectResult:
        result = self.raw_query(sparql, bindings)
        if not isinstance(result, ox.QuerySolutions):
            raise QueryError("not a SELECT query: use ask() or construct()")
        names = tuple(v.value for v in result.variables)
        # a term seen before in this answer is converted once (labels, dates and IRIs repeat;
        # making an rdflib Literal costs more than hashing the pyoxigraph term)
        seen: dict = {}

        def term(t):
            if t is None:
                return None
            found = seen.get(t)
            if found is None:
                found = seen[t] = from_ox(t)
            return found

        columns = range(len(names))
        rows = tuple(tuple(term(sol[i]) for i in columns) for sol in result)
        return SelectResult(names, rows)

    def ask(self, sparql: str, bindings: dict[str, Node] | None = None) -> bool:
        result = self.raw_query(sparql, bindings)
        if not isinstance(result, ox.QueryBoolean):
            raise QueryError("not an ASK query")
        return bool(result)

    def construct(self, sparql: str, bindings: dict[str, Node] | None = None) -> Graph:
        result = self.raw_query(sparql, bindings)
        if not isinstance(result, ox.QueryTriples):
            raise QueryError("not a CONSTRUCT or DESCRIBE query")
        g = Graph()
        for t in result:
            g.add((from_ox(t.subject), from_ox(t.predicate), from_ox(t.object)))
        return g

    # ---- writes -------------------------------------------------------------------------
    def replace_graph(self, graph_iri: str, quads: list[Quad]) -> None:
        """Replace one announcement's graph (and add its entity quads) in one transaction."""
        try:
            self.ox.update(replace_update(graph_iri, quads))
        except (OSError, SyntaxError, ValueError) as e:
            raise StoreError(f"{self.location}: could not write graph {graph_iri}: {e}") from e

    def remove_graph(self, graph_iri: str) -> None:
        self.ox.update(f"DROP SILENT GRAPH {to_ox(URIRef(graph_iri))}")

    def rebuild(self, quads: Iterable[Quad]) -> int:
        """Replace the whole content with these quads, loaded in bulk. Returns the quad count.

        The quads are streamed to a temporary N-Quads file first, so memory stays flat and the
        store is only cleared once every quad has been produced.
        """
        def chunks() -> Iterator[bytes]:
            batch: list[ox.Quad] = []
            for s, p, o, g in quads:
                batch.append(ox.Quad(to_ox(s), to_ox(p), to_ox(o), to_ox(g)))
                if len(batch) >= 50_000:
                    yield ox.serialize(batch, format=ox.RdfFormat.N_QUADS)
                    batch = []
            if batch:
                yield ox.serialize(batch, format=ox.RdfFormat.N_QUADS)

        self.load_nquads(chunks(), lenient=True)  # Oxigraph wrote it: no need to check it again
        return len(self.ox)

    def load_nquads(self, chunks: Iterable[bytes], *, lenient: bool = False) -> None:
        """Replace the whole content with N-Quads text given in chunks, loaded in bulk.

        A failure while producing the chunks or loading them leaves the store as it was. On disk
        the chunks go straight into a new store beside this one, loaded while they are still being
        produced (Oxigraph parses and indexes in its own threads), and the new directory takes this
        one's place at the end; in memory they are written to a temporary file first and the store
        is cleared only once the last chunk has been produced. ``lenient`` skips validating IRIs
        while parsing (a quarter faster), for text that is known to be valid.
        """
        if self.location != "memory":
            self._load_beside(chunks, lenient)
            return
        with tempfile.TemporaryDirectory(prefix="tjkg-") as tmp:
            path = Path(tmp) / "all.nq"
            with path.open("wb") as out:
                for chunk in chunks:
                    out.write(chunk)
            self.ox.clear()
            try:
                self.ox.bulk_load(path=str(path), format=ox.RdfFormat.N_QUADS, lenient=lenient)
            except (OSError, SyntaxError, ValueError) as e:
                raise StoreError(f"{self.location}: bulk load failed: {e}") from e

    def _load_beside(self, chunks: Iterable[bytes], lenient: bool) -> None:
        here = Path(self.location)
        fresh_dir, old_dir = here.with_name(here.name + ".building"), here.with_name(here.name + ".replaced")
        for leftover in (fresh_dir, old_dir):  # from a build that was killed
            shutil.rmtree(leftover, ignore_errors=True)
        fresh = {"store": ox.Store(str(fresh_dir))}  # dropped (closed) before the directories move
        read_fd, write_fd = os.pipe()
        reader, writer = os.fdopen(read_fd, "rb"), os.fdopen(write_fd, "wb")
        failed: list[BaseException] = []

        def load() -> None:
            try:
                fresh["store"].bulk_load(input=reader, format=ox.RdfFormat.N_QUADS, lenient=lenient)
            except BaseException as e:  # re-raised in the building thread
                failed.append(e)
            finally:
                reader.close()

        loader = threading.Thread(target=load, name="tjkg-bulk-load", daemon=True)
        loader.start()
        try:
            try:
                for chunk in chunks:
                    writer.write(chunk)
            except BrokenPipeError:
                pass  # the loader stopped: its error is raised below
            finally:
                try:
                    writer.close()  # the end of the text for the loader
                except BrokenPipeError:
                    pass
                loader.join()
            if failed:
                raise StoreError(f"{self.location}: bulk load failed: {failed[0]}") from failed[0]
            fresh["store"].flush()
        except BaseException:
            fresh.clear()
            shutil.rmtree(fresh_dir, ignore_errors=True)
            raise
        fresh.clear()  # closes the new store, so that it can be moved
        self.ox = None  # and this one
        try:
            os.rename(here, old_dir)
            try:
                os.rename(fresh_dir, here)
            except OSError:
                os.rename(old_dir, here)
                raise
        except OSError as e:
            shutil.rmtree(fresh_dir, ignore_errors=True)
            raise StoreError(f"{self.location}: cannot put the new store in place ({e}); the old one is kept") from e
        finally:
            self.ox = ox.Store(str(here))
        shutil.rmtree(old_dir, ignore_errors=True)

    # ---- whole-store reads -------------------------------------------------------------
    def dump(self, fmt: str) -> bytes:
        """The whole store serialized (``trig``, ``nq``; ``ttl``/``nt`` give the union graph)."""
        if fmt not in EXPORT_FORMATS:
            raise StoreError(f"unknown export format {fmt!r}; choose one of {', '.join(EXPORT_FORMATS)}")
        if fmt == "jsonld":
            from .rdf import to_dataset

            return to_dataset(self.quads()).serialize(format="json-ld", indent=2).encode("utf-8")
        rdf_format = EXPORT_FORMATS[fmt]
        if rdf_format.supports_datasets:
            data = self.ox.dump(format=rdf_format)
        else:
            triples = {ox.Triple(q.subject, q.predicate, q.object) for q in self.ox}
            data = ox.serialize(sorted(triples, key=str), format=rdf_format)
        return fix_lang_tags(data)

    def quads(self) -> Iterator[Quad]:
        """Every quad, as rdflib terms."""
        for q in self.ox:
            yield (from_ox(q.subject), from_ox(q.predicate), from_ox(q.object), from_ox(q.graph_name))

    def graphs(self) -> list[str]:
        return sorted(g.value for g in self.ox.named_graphs() if isinstance(g, ox.NamedNode))

    def __len__(self) -> int:
        return len(self.ox)


def open_store(location: str | Path | None = None, *, update_url: str | None = None) -> Store:
    """Open a store: a directory, ``memory``, or a SPARQL endpoint URL (with ``update_url``).

    >>> store = open_store("memory")
    >>> len(store)
    0
    """
    loc = str(location) if location is not None else default_location()
    if loc == "memory":
        return EmbeddedStore(None)
    if loc.startswith(("http://", "https://")):
        from .remote import RemoteStore

        return RemoteStore(loc, update_url=update_url or os.environ.get("TJKG_UPDATE_URL") or loc)
    return EmbeddedStore(loc)
