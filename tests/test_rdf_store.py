"""The RDF model and the embedded store: expected graphs by isomorphism, idempotent replace,
atomic failure, counts over two announcements stating the same fact, exports."""
from __future__ import annotations

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.compare import graph_diff, isomorphic, to_isomorphic

import graph
from graph.errors import QueryError, StoreError
from graph.ids import ENTITY_GRAPH, announcement_iri
from graph.rdf import extraction_quads

PREFIXES = """
@prefix tjkg: <https://tjkg.example/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix id: <https://tjkg.example/id/> .
"""


def _graph(quads, name: str) -> Graph:
    g = Graph()
    for s, p, o, c in quads:
        if str(c) == name:
            g.add((s, p, o))
    return g


def _subgraph(g: Graph, subject) -> Graph:
    out = Graph()
    for t in g.triples((subject, None, None)):
        out.add(t)
    return out


def _assert_iso(actual: Graph, expected_ttl: str) -> None:
    expected = Graph().parse(data=PREFIXES + expected_ttl, format="turtle")
    if not isomorphic(actual, expected):
        _, only_actual, only_expected = graph_diff(to_isomorphic(actual), to_isomorphic(expected))
        raise AssertionError("only in actual:\n" + only_actual.serialize(format="nt")
                             + "\nonly in expected:\n" + only_expected.serialize(format="nt"))


def test_entity_description_is_the_expected_graph(osaka_extraction):
    entities = _graph(extraction_quads(osaka_extraction), ENTITY_GRAPH)
    _assert_iso(_subgraph(entities, URIRef("https://tjkg.example/id/jp-27")), """
        id:jp-27 a tjkg:Prefecture ;
            rdfs:label "Osaka Prefecture"@en, "大阪府"@zh-Hant, "大阪府"@ja ;
            skos:altLabel "Osaka"@en, "Osaka Prefect. Gov."@en ;
            tjkg:searchKey "osaka prefecture", "大阪府", "osaka", "osaka prefect. gov." .
    """)


def test_agreement_is_an_event_with_parties_signatories_witnesses_fields_date(osaka_extraction):
    from tests.conftest import MOU  # noqa: PLC0415

    name = announcement_iri(osaka_extraction.announcement.id)
    facts = _graph(extraction_quads(osaka_extraction), name)
    _assert_iso(_subgraph(facts, URIRef(MOU)), f"""
        <{MOU}> a tjkg:Agreement ;
            tjkg:party id:tjpo, id:jp-27 ;
            tjkg:signatory id:person\\/cheng-chin-lu, id:person\\/junichi-nishida ;
            tjkg:witness id:person\\/chih-ching-yang ;
            tjkg:field id:industry-biotechnology ;
            dcterms:date "2019-10-03"^^xsd:date .
    """)


def test_every_fact_has_a_statement_with_evidence_and_source(osaka_extraction):
    kg = graph.open("memory")
    kg.store.replace_graph(announcement_iri(osaka_extraction.announcement.id), extraction_quads(osaka_extraction))
    rows = kg.store.select("""
        PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
        PREFIX tjkg: <https://tjkg.example/ontology#>
        PREFIX prov: <http://www.w3.org/ns/prov#>
        SELECT ?st ?evidence ?src ?stated WHERE { GRAPH ?g {
          ?st a rdf:Statement ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ;
              tjkg:evidence ?evidence ; prov:wasDerivedFrom ?src .
          BIND(EXISTS { ?s ?p ?o } AS ?stated) } }""").rows
    assert len(rows) == len(osaka_extraction.relations)
    assert all(r[3].toPython() is True for r in rows), rows
    assert {str(r[2]) for r in rows} == {announcement_iri(osaka_extraction.announcement.id)}
    assert {r[1].language for r in rows} == {"en"}


def test_ingest_twice_changes_nothing(osaka_extraction):
    kg = graph.open("memory")
    name = announcement_iri(osaka_extraction.announcement.id)
    kg.store.replace_graph(name, extraction_quads(osaka_extraction))
    first = sorted(map(str, kg.store.quads()))
    kg.store.replace_graph(name, extraction_quads(osaka_extraction))
    assert sorted(map(str, kg.store.quads())) == first


def test_failed_replace_leaves_the_store_as_it_was(osaka_extraction, tmp_path):
    kg = graph.open(tmp_path / "store")
    name = announcement_iri(osaka_extraction.announcement.id)
    kg.store.replace_graph(name, extraction_quads(osaka_extraction))
    before = len(kg)
    bad = extraction_quads(osaka_extraction) + [
        (URIRef("https://tjkg.example/id/x"), URIRef("https://tjkg.example/p"), URIRef("not an iri <>"),
         URIRef(name))]
    with pytest.raises((StoreError, ValueError)):
        kg.store.replace_graph(name, bad)
    assert len(kg) == before


def test_count_over_two_announcements_stating_the_same_fact(extraction_factory):
    kg = graph.open("memory")
    for aid in ("a-en", "b-en"):
        ex = extraction_factory(aid)
        kg.store.replace_graph(announcement_iri(aid), extraction_quads(ex))
    df = kg.query("mou-partners")
    assert len(df) == 2  # one row per party of the one agreement, not one per announcement
    assert set(df["source"].iloc[0].split()) == {"a-en", "b-en"}
    n = kg.store.select("""PREFIX tjkg: <https://tjkg.example/ontology#>
        SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a tjkg:Agreement }""").rows[0][0]
    assert int(n) == 1
    labels = kg.store.select("""PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        SELECT ?l WHERE { GRAPH ?g { <https://tjkg.example/id/jp-27> rdfs:label ?l } }""").rows
    assert len(labels) == 3  # kept once, in the entity graph


def test_rebuild_on_disk_and_reopen(osaka_extraction, tmp_path):
    path = tmp_path / "store"
    kg = graph.open(path)
    n = kg.store.rebuild(iter(extraction_quads(osaka_extraction)))
    assert n == len(set(extraction_quads(osaka_extraction)))
    del kg
    import gc

    gc.collect()
    assert len(graph.open(path)) == n


def test_exports_keep_language_tags(memory_kg):
    trig = memory_kg.export("trig").decode("utf-8")
    assert '"大阪府"@zh-Hant' in trig
    ds = Graph().parse(data=memory_kg.export("nt"), format="nt")
    assert Literal("大阪府", lang="zh-Hant") in set(ds.objects())
    import json

    doc = json.loads(memory_kg.export("jsonld"))
    assert "zh-Hant" in json.dumps(doc, ensure_ascii=False)
    with pytest.raises(StoreError, match="unknown export format"):
        memory_kg.export("xml")


def test_dataset_is_an_rdflib_dataset_with_named_graphs(memory_kg):
    ds = memory_kg.dataset()
    names = {str(g.identifier) for g in ds.graphs()}
    assert ENTITY_GRAPH in names
    assert announcement_iri("en-2019-10-15-tjpo-osaka-mou") in names


def test_malformed_sparql_names_the_position(memory_kg):
    with pytest.raises(QueryError, match=r"1:\d+|line|position|column"):
        memory_kg.store.select("SELECT ?x WHERE { ?x ?y }")


def test_a_bulk_load_that_fails_on_disk_leaves_the_store_as_it_was(osaka_extraction, tmp_path):
    from graph.errors import StoreError
    from graph.store import EmbeddedStore

    path = tmp_path / "store"
    store = EmbeddedStore(path)
    n = store.rebuild(iter(extraction_quads(osaka_extraction)))

    def broken_chunks():  # text that is no N-Quads, after some that is
        yield b'<https://e/s> <https://e/p> "o" <https://e/g> .\n'
        yield b"<https://e/s> not n-quads at all\n"

    with pytest.raises(StoreError, match=f"{path}: bulk load failed"):
        store.load_nquads(broken_chunks())
    assert len(store) == n

    def failing_chunks():  # the producer fails half way
        yield b'<https://e/s> <https://e/p> "o" <https://e/g> .\n'
        raise RuntimeError("extraction stopped")

    with pytest.raises(RuntimeError, match="extraction stopped"):
        store.load_nquads(failing_chunks())
    assert len(store) == n and sorted(p.name for p in tmp_path.iterdir()) == ["store"]
    store.load_nquads(iter([b'<https://e/s> <https://e/p> "o" <https://e/g> .\n']))
    assert len(store) == 1 and len(EmbeddedStore.read_only(path)) == 1
