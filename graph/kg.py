"""The knowledge graph as one object: open a store, ingest announcements, query, analyse.

>>> import graph
>>> kg = graph.open("memory")
>>> len(kg)
0
"""
from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .errors import TjkgError
from .store import Store, open_store

__all__ = ["KnowledgeGraph", "IngestReport", "open"]


@dataclass
class IngestReport:
    """What a build or an ingest did: files in, files failed (with the one-line reason).

    ``triples`` is the store's size after a build; an ingest leaves it ``None`` (counting a big
    store takes seconds) and says how many quads it wrote in ``written``.

    >>> IngestReport(["a.txt"], [], written=12).summary()
    '1 ingested, 0 failed, 12 quads written'
    """

    ingested: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    triples: int | None = None
    written: int = 0

    @property
    def ok(self) -> bool:
        return not self.failed

    def summary(self) -> str:
        done = f"{len(self.ingested)} ingested, {len(self.failed)} failed"
        if self.triples is not None:
            return f"{done}, {self.triples} triples in the store"
        return f"{done}, {self.written} quads written"


def _curation(curation):
    """The curation to apply: ``None`` (the default file, read by the extractor), ``False``
    (none), a :class:`graph.curation.Curation`, or the path of a curation file (read now, so
    that a bad file stops the build with one message)."""
    from .curation import Curation, load_curation
    from .errors import CurationError

    if curation is None or curation is False or isinstance(curation, Curation):
        return curation
    if isinstance(curation, (str, os.PathLike)):
        return load_curation(curation)
    raise CurationError(f"curation must be a file path, a Curation or False, not {type(curation).__name__}")


def _extract_file(path: Path, curation=None):
    """Read, extract and turn into quads one file: (extraction, quads as rdflib terms)."""
    from .extract import extract
    from .rdf import extraction_quads
    from .sources import read_announcement

    announcement = read_announcement(path)
    extraction = extract(announcement, curation=curation)
    return extraction, extraction_quads(extraction)


# ---- building in bulk ----------------------------------------------------------------------
#: Builds of at least this many files extract in worker processes (one per CPU, or TJKG_WORKERS).
PARALLEL_MIN_FILES = 400
_gazetteer = None  # loaded once per worker process


def _file_nquads(path: Path, curation=None) -> tuple[str, str | None, str, bytes, bytes]:
    """One file for a bulk build: (path, error or None, announcement id, N-Quads of the
    announcement's graph, N-Quads of its entity descriptions). Runs in worker processes."""
    from .extract import extract
    from .ids import ENTITY_GRAPH
    from .rdf import NQUADS, extraction_quads, nquads_line
    from .sources import read_announcement

    try:
        extraction = extract(read_announcement(path), curation=curation)
        quads = extraction_quads(extraction, terms=NQUADS) + _taxonomy_nquads(extraction.entities)
        entity_graph = NQUADS.iri(ENTITY_GRAPH)
        own = "".join([nquads_line(q) for q in quads if q[3] != entity_graph]).encode("utf-8")
        # entity descriptions repeat from file to file: send each line once per process
        new = list(dict.fromkeys(q for q in quads if q[3] == entity_graph and q not in _sent))
        entities = "".join(map(nquads_line, new)).encode("utf-8")
        _sent.update(new)  # only once they are sure to be sent
    except TjkgError as e:
        return str(path), str(e), "", b"", b""
    except ValueError as e:  # a term that is not valid RDF (an IRI with a space...)
        return str(path), f"{path}: cannot be written as RDF: {e}", "", b"", b""
    return str(path), None, extraction.announcement.id, own, entities


_sent: set[tuple[str, str, str, str]] = set()  # entity-graph quads this process has already sent


_taxonomy_cache: dict[frozenset[str], list] = {}


def _taxonomy_nquads(entities) -> list:
    """The taxonomy quads (N-Quads terms) above these industries; the same set of industries
    comes back often, so each set is worked out once per process."""
    from .gazetteer import Gazetteer
    from .rdf import NQUADS, taxonomy_quads

    global _gazetteer
    industries = [e for e in entities if e.type == "Industry"]
    key = frozenset(e.id for e in industries)
    quads = _taxonomy_cache.get(key)
    if quads is None:
        if _gazetteer is None:
            _gazetteer = Gazetteer.load()
        quads = _taxonomy_cache[key] = taxonomy_quads(industries, terms=NQUADS, gazetteer=_gazetteer)
    return quads


def _workers(requested: int | None, files: int) -> int:
    if requested is None:
        requested = int(os.environ.get("TJKG_WORKERS") or 0) or (os.cpu_count() or 1)
    return 1 if files < PARALLEL_MIN_FILES else max(1, requested)


def _map_files(files: list[Path], workers: int, curation=None) -> Iterator[tuple[str, str | None, str, bytes, bytes]]:
    """:func:`_file_nquads` over the files, in order, in ``workers`` processes."""
    import functools

    global _gazetteer
    # per-build state, reset before the workers start (forked workers inherit it empty)
    _sent.clear()
    _taxonomy_cache.clear()
    _gazetteer = None

    one = functools.partial(_file_nquads, curation=curation)
    if workers <= 1:
        yield from map(one, files)
        return
    import multiprocessing
    import sys

    # fork on Linux: workers start at once and need no `if __name__ == "__main__"` guard in the
    # caller's script; they only extract and serialize, never touching the open store
    method = "fork" if sys.platform.startswith("linux") else "spawn"
    with multiprocessing.get_context(method).Pool(workers) as pool:
        yield from pool.imap(one, files, chunksize=8)


class KnowledgeGraph:
    """A tjkg graph in a store (embedded Oxigraph on disk or in memory, or a SPARQL server)."""

    def __init__(self, store: Store) -> None:
        self.store = store

    @property
    def location(self) -> str:
        return self.store.location

    def __len__(self) -> int:
        return len(self.store)

    def __repr__(self) -> str:
        return f"<KnowledgeGraph {self.location!r}: {len(self)} quads>"

    # ---- writing -------------------------------------------------------------------------
    def ingest(self, path: str | Path, *, on_file: Callable[[Path, str | None], None] | None = None,
               curation=None) -> IngestReport:
        """Add or replace announcements (a file or a directory): each file's graph is replaced
        in one transaction; a file that fails leaves the store as it was and the others go in.

        ``curation``: the curation file to apply (a path or a :class:`graph.curation.Curation`;
        default ``data/curation.yaml``; ``False`` for none).
        """
        from .ids import announcement_iri
        from .sources import iter_sources

        curation = _curation(curation)
        report = IngestReport()
        for file in iter_sources(path):
            try:
                extraction, quads = _extract_file(file, curation)
                quads += self._taxonomy(extraction)
                self.store.replace_graph(announcement_iri(extraction.announcement.id), quads)
            except TjkgError as e:
                report.failed.append((str(file), str(e)))
                on_file and on_file(file, str(e))
                continue
            report.ingested.append(str(file))
            report.written += len(quads)
            on_file and on_file(file, None)
        return report

    def build(self, directory: str | Path, *, on_file: Callable[[Path, str | None], None] | None = None,
              workers: int | None = None, curation=None) -> IngestReport:
        """Rebuild the whole store from a directory of announcements, loading in bulk.

        Files that fail are reported and skipped; the store is replaced only after every
        file has been read. Into the embedded store, a big build extracts in ``workers``
        processes (default: one per CPU, or ``TJKG_WORKERS``) and loads N-Quads in bulk.
        ``curation`` as in :meth:`ingest`.
        """
        from .sources import iter_sources
        from .store import EmbeddedStore

        curation = _curation(curation)
        files = iter_sources(directory)
        if isinstance(self.store, EmbeddedStore):
            return self._build_embedded(files, on_file, _workers(workers, len(files)), curation)
        report = IngestReport()

        def quads() -> Iterator:
            for file in files:
                try:
                    extraction, qs = _extract_file(file, curation)
                except TjkgError as e:
                    report.failed.append((str(file), str(e)))
                    on_file and on_file(file, str(e))
                    continue
                report.ingested.append(str(file))
                on_file and on_file(file, None)
                yield from qs
                yield from self._taxonomy(extraction)

        report.triples = self.store.rebuild(quads())
        return report

    def _build_embedded(self, files: list[Path], on_file, workers: int, curation=None) -> IngestReport:
        """The bulk build: every announcement's quads once, each entity description line once."""
        report = IngestReport()
        described: set[bytes] = set()
        ids: set[str] = set()
        lines = 0

        def chunks() -> Iterator[bytes]:
            nonlocal lines
            for path, error, aid, own, entities in _map_files(files, workers, curation):
                if error is not None:
                    report.failed.append((path, error))
                    on_file and on_file(Path(path), error)
                    continue
                report.ingested.append(path)
                ids.add(aid)
                on_file and on_file(Path(path), None)
                new = []
                for line in entities.splitlines(keepends=True):
                    if line not in described:
                        described.add(line)
                        new.append(line)
                lines += own.count(b"\n") + len(new)
                yield own
                yield b"".join(new)

        self.store.load_nquads(chunks(), lenient=True)  # IRIs checked and literals escaped by graph.rdf
        # announcement graphs are disjoint unless two files share an id: then count the store
        report.triples = lines if len(ids) == len(report.ingested) else len(self.store)
        return report

    @staticmethod
    def _taxonomy(extraction) -> list:
        from .rdf import taxonomy_quads

        return taxonomy_quads(extraction.entities)

    # ---- reading -------------------------------------------------------------------------
    def select(self, query: str, **params):
        """Run a saved query (by name), a .rq path or SPARQL text; rows as rdflib terms."""
        from .query import run

        return run(self.store, query, params)

    def query(self, query: str, **params):
        """Run a saved query (by name), a .rq path or SPARQL text; a pandas DataFrame.

        Keyword arguments are bound to the query's variables as RDF terms (never formatted into
        its text). Language-tagged columns get a ``<column>_lang`` companion.
        """
        from .query import to_dataframe

        return to_dataframe(self.select(query, **params))

    def entity(self, name: str):
        """Every fact about the entity with this label (any language), with its evidence."""
        return self.query("entity", name=name)

    def to_networkx(self, view: str = "agreement", *, evidence: bool = True):
        """The graph as a networkx ``MultiDiGraph``: typed nodes with labels in every language,
        edges keyed by relation kind with their evidence (see :mod:`graph.network`).

        ``view``: ``"agreement"`` (MOUs and investments as nodes) or ``"collapsed"`` (every
        fact party to party). ``evidence=False`` gives the same nodes and edges without their
        sentences and confidences, several times faster on a large graph (enough for
        centralities and communities).

        >>> import graph
        >>> G = graph.open("memory").to_networkx(view="collapsed")
        >>> G.number_of_nodes(), G.graph["view"]
        (0, 'collapsed')
        """
        from .network import to_networkx

        return to_networkx(self, view=view, evidence=evidence)

    def render(self, *, view: str = "agreement", height: int = 600, **options):
        """The interactive explorer page of the graph, to show inline in a notebook: an
        :class:`graph.notebook.Inline` (a sandboxed iframe in JupyterLab, Jupyter Notebook,
        VS Code and Colab); its ``.html`` is the page, ``.save(path)`` writes it.

        Options as in :func:`graph.render.render`: ``lang``, ``focus``, ``hops``, ``types``,
        ``kinds``, ``size_by``, ``max_nodes``, ``seed``, ``title``.

        >>> import graph
        >>> from graph.paths import data_dir
        >>> kg = graph.open("memory")
        >>> kg.ingest(data_dir() / "announcements" / "en-2019-10-15-tjpo-osaka-mou.txt").ok
        True
        >>> kg.render(focus="大阪府", hops=1, height=400)    # the last line of a cell: drawn inline
        <Inline page: ... nodes, ... edges, 400 px high>
        """
        from .notebook import render

        return render(self, view=view, height=height, **options)

    def dataset(self):
        """The whole graph as an rdflib Dataset (named graphs kept)."""
        from .rdf import to_dataset

        return to_dataset(self.store.quads())

    def export(self, fmt: str = "trig") -> bytes:
        """The whole graph serialized: trig, nq, ttl, nt or jsonld."""
        return self.store.dump(fmt)

    def stats(self) -> dict[str, object]:
        """Quads, announcements, entities by type, facts by relation kind."""
        from .query import run

        sparql_types = """
        PREFIX tjkg: <https://tjkg.example/ontology#>
        SELECT ?type (COUNT(DISTINCT ?e) AS ?n) WHERE { GRAPH ?g { ?e a ?type } FILTER(STRSTARTS(STR(?type), STR(tjkg:))) }
        GROUP BY ?type ORDER BY DESC(?n)"""
        sparql_facts = """
        PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
        SELECT ?p (COUNT(?st) AS ?n) WHERE { GRAPH ?g { ?st a rdf:Statement ; rdf:predicate ?p } }
        GROUP BY ?p ORDER BY DESC(?n)"""
        from .vocab import KIND_OF_PREDICATE

        types = {str(r[0]).rsplit("#", 1)[-1]: int(r[1]) for r in run(self.store, sparql_types).rows}
        facts = {KIND_OF_PREDICATE.get(str(r[0]), str(r[0])): int(r[1]) for r in run(self.store, sparql_facts).rows}
        return {
            "store": self.location,
            "quads": len(self.store),
            "announcements": types.pop("Announcement", 0),
            "entities": {k: v for k, v in types.items() if k not in ("Agreement", "Investment")},
            "agreements": types.get("Agreement", 0),
            "investments": types.get("Investment", 0),
            "facts": facts,
        }


def open(location: str | Path | None = None, *, update_url: str | None = None) -> KnowledgeGraph:  # noqa: A001
    """Open the graph: the default store (``TJKG_STORE`` or ``.tjkg/store``), a directory,
    ``"memory"``, or a SPARQL endpoint URL."""
    return KnowledgeGraph(open_store(location, update_url=update_url))
