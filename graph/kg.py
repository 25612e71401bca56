"""The knowledge graph as one object: open a store, ingest announcements, query, analyse.

>>> import graph
>>> kg = graph.open("memory")
>>> len(kg)
0
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .errors import TjkgError
from .store import Store, open_store

__all__ = ["KnowledgeGraph", "IngestReport", "open"]


@dataclass
class IngestReport:
    """What a build or an ingest did: files in, files failed (with the one-line reason)."""

    ingested: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    triples: int = 0

    @property
    def ok(self) -> bool:
        return not self.failed

    def summary(self) -> str:
        return f"{len(self.ingested)} ingested, {len(self.failed)} failed, {self.triples} triples in the store"


def _extract_file(path: Path):
    """Read, extract and turn into quads one file: (announcement id, extraction, quads)."""
    from .extract import extract
    from .rdf import extraction_quads
    from .sources import read_announcement

    announcement = read_announcement(path)
    extraction = extract(announcement)
    return extraction, extraction_quads(extraction)


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
    def ingest(self, path: str | Path, *, on_file: Callable[[Path, str | None], None] | None = None) -> IngestReport:
        """Add or replace announcements (a file or a directory): each file's graph is replaced
        in one transaction; a file that fails leaves the store as it was and the others go in."""
        from .ids import announcement_iri
        from .sources import iter_sources

        report = IngestReport()
        for file in iter_sources(path):
            try:
                extraction, quads = _extract_file(file)
                self.store.replace_graph(announcement_iri(extraction.announcement.id), quads + self._taxonomy(extraction))
            except TjkgError as e:
                report.failed.append((str(file), str(e)))
                on_file and on_file(file, str(e))
                continue
            report.ingested.append(str(file))
            on_file and on_file(file, None)
        report.triples = len(self.store)
        return report

    def build(self, directory: str | Path, *, on_file: Callable[[Path, str | None], None] | None = None) -> IngestReport:
        """Rebuild the whole store from a directory of announcements, loading in bulk.

        Files that fail are reported and skipped; the store is replaced only after every
        file has been read.
        """
        from .sources import iter_sources

        report = IngestReport()
        files = iter_sources(directory)

        def quads() -> Iterator:
            for file in files:
                try:
                    extraction, qs = _extract_file(file)
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
