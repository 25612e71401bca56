"""The bulk build into the embedded store: worker processes and pyoxigraph terms give exactly
the store that the rdflib path gives, count it right, and report bad files."""
from __future__ import annotations

import shutil

import pyoxigraph as ox
import pytest

import graph
import graph.kg as kg_module
from graph.rdf import OXIGRAPH, extraction_quads, taxonomy_quads
from graph.sources import iter_sources
from graph.terms import to_ox
from tests.conftest import ROOT

ANNOUNCEMENTS = ROOT / "data" / "announcements"


HOSTILE = (
    'TJPO "signs" a \\ MOU with Osaka Prefecture <b>\n'
    "Published at: 2020-01-15\n\n"
    'The Taiwan-Japan Industrial Collaboration Promotion Office (TJPO) signed a memorandum of understanding '
    'with Osaka Prefecture on January 10, 2020, in the fields of "semiconductors" and C:\\robotics\\.\n'
    "The MOU was signed by Lin Chih-ming, CEO of TJPO, and Tanaka Hiroshi, Governor of Osaka Prefecture.\n"
)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """The seed announcements, twice over under two names (the same facts in two graphs), and one
    whose text has quotes, backslashes and brackets (escaped in N-Quads)."""
    root = tmp_path_factory.mktemp("corpus")
    for f in iter_sources(ANNOUNCEMENTS):
        shutil.copy(f, root / f.name)
        shutil.copy(f, root / f"copy-{f.name}")
    (root / "hostile.txt").write_text(HOSTILE, encoding="utf-8")
    return root


def _content(store) -> set[str]:
    return {str(q) for q in store.ox}


def test_oxigraph_terms_are_the_rdflib_terms(osaka_extraction):
    rdflib_quads = extraction_quads(osaka_extraction) + taxonomy_quads(osaka_extraction.entities)
    ox_quads = (extraction_quads(osaka_extraction, terms=OXIGRAPH)
                + taxonomy_quads(osaka_extraction.entities, terms=OXIGRAPH))
    assert [tuple(to_ox(t) for t in q) for q in rdflib_quads] == [tuple(q) for q in ox_quads]


def test_parallel_build_equals_sequential_and_rdflib_rebuild(corpus, tmp_path, monkeypatch):
    monkeypatch.setattr(kg_module, "PARALLEL_MIN_FILES", 1)
    parallel = graph.open(tmp_path / "parallel")
    report = parallel.build(corpus, workers=2)
    sequential = graph.open(tmp_path / "sequential")
    sequential.build(corpus, workers=1)

    reference = graph.open(tmp_path / "reference")

    def quads():
        for f in iter_sources(corpus):
            extraction, qs = kg_module._extract_file(f)
            yield from qs
            yield from taxonomy_quads(extraction.entities)

    reference.store.rebuild(quads())
    assert report.ok and len(report.ingested) == 2 * len(iter_sources(ANNOUNCEMENTS)) + 1
    assert _content(parallel.store) == _content(sequential.store) == _content(reference.store)
    titles = {q.object.value for q in parallel.store.ox if q.predicate.value == "https://schema.org/headline"}
    assert 'TJPO "signs" a \\ MOU with Osaka Prefecture <b>' in titles
    assert report.triples == len(parallel.store)


def test_a_bad_file_is_reported_and_the_rest_goes_in(corpus, tmp_path, monkeypatch):
    monkeypatch.setattr(kg_module, "PARALLEL_MIN_FILES", 1)
    mixed = tmp_path / "mixed"
    shutil.copytree(corpus, mixed)
    (mixed / "empty.txt").write_bytes(b"")
    kg = graph.open(tmp_path / "store")
    seen = []
    report = kg.build(mixed, workers=2, on_file=lambda f, err: seen.append((f.name, err)))
    assert [f for f, _ in report.failed] == [str(mixed / "empty.txt")]
    assert "empty" in report.failed[0][1]
    assert len(seen) == len(report.ingested) + 1
    assert report.triples == len(kg.store) > 0


def test_a_second_build_replaces_the_first(corpus, tmp_path):
    kg = graph.open(tmp_path / "store")
    first = kg.build(corpus).triples
    one = tmp_path / "one"
    one.mkdir()
    shutil.copy(next(iter(iter_sources(ANNOUNCEMENTS))), one)
    assert kg.build(one).triples == len(kg.store) < first
    graphs = {q.graph_name.value for q in kg.store.ox if isinstance(q.graph_name, ox.NamedNode)}
    assert [g.rsplit("/", 1)[-1] for g in graphs if "/announcement/" in g] == [
        next(iter(iter_sources(ANNOUNCEMENTS))).stem]


def test_ingest_reports_quads_written_without_counting_the_store(tmp_path):
    kg = graph.open(tmp_path / "store")
    report = kg.ingest(next(iter(iter_sources(ANNOUNCEMENTS))))
    assert report.triples is None and report.written > 0
    assert report.summary().endswith(f"{report.written} quads written")
