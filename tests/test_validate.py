"""SHACL shapes on real graphs: the hand-made extraction conforms; a broken agreement does not."""
from __future__ import annotations

from rdflib import URIRef

import graph
from graph.ids import announcement_iri
from graph.rdf import extraction_quads
from graph.validate import validate


def test_extraction_conforms(memory_kg):
    result = validate(memory_kg)
    assert result.conforms, result.violations


def test_agreement_with_one_party_and_fact_without_evidence_are_violations(osaka_extraction):
    from rdflib.namespace import RDF

    from graph.vocab import TJKG

    kg = graph.open("memory")
    name = URIRef(announcement_iri("broken"))
    quads = [q for q in extraction_quads(osaka_extraction) if q[1] != TJKG.evidence]
    quads = [(s, p, o, name) if str(g) != "https://tjkg.example/graph/entities" else (s, p, o, g)
             for s, p, o, g in quads]
    quads.append((URIRef("https://tjkg.example/id/agreement/lonely"), RDF.type, TJKG.Agreement, name))
    quads.append((URIRef("https://tjkg.example/id/agreement/lonely"), TJKG.party,
                  URIRef("https://tjkg.example/id/tjpo"), name))
    kg.store.replace_graph(str(name), quads)
    result = validate(kg)
    assert not result.conforms
    messages = {f.message for f in result.violations}
    assert "an agreement has at least two parties" in messages
    assert "every fact has its evidence sentence, language-tagged" in messages
