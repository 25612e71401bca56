"""The ontology file and the closed namespace in code name the same terms."""
from __future__ import annotations

import pytest
from rdflib import OWL, RDF, Graph

from graph.ids import ONTOLOGY
from graph.paths import data_dir
from graph.vocab import PREDICATES, TJKG, TYPE_CLASSES


def _declared() -> set[str]:
    g = Graph().parse(data_dir() / "ontology.ttl")
    kinds = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty)
    return {str(s)[len(ONTOLOGY):] for k in kinds for s in g.subjects(RDF.type, k) if str(s).startswith(ONTOLOGY)}


def test_ontology_and_namespace_declare_the_same_terms():
    in_code = {name for name in TJKG.__annotations__}
    in_file = _declared()
    assert in_code - in_file == set(), "declared in graph/vocab.py only"
    assert in_file - in_code == set(), "declared in data/ontology.ttl only"


def test_misspelled_term_is_an_error():
    with pytest.raises(AttributeError):
        TJKG.signedMouWith  # noqa: B018


def test_every_relation_kind_and_entity_type_has_a_term():
    from graph.models import ENTITY_TYPES, RELATION_KINDS

    assert set(PREDICATES) == set(RELATION_KINDS)
    assert set(TYPE_CLASSES) == set(ENTITY_TYPES)
