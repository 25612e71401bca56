"""The tjkg vocabulary as a closed namespace: a misspelled term is an error, not a new IRI.

Mirrors data/ontology.ttl term for term (tests/test_vocab.py keeps them equal), and maps the
relation kinds of the extraction contract to RDF predicates.

>>> str(TJKG.Agreement)
'https://tjkg.example/ontology#Agreement'
"""
from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import ORG, DefinedNamespace

from .ids import ONTOLOGY

__all__ = ["TJKG", "SCHEMA", "PREDICATES", "KIND_OF_PREDICATE", "TYPE_CLASSES"]

SCHEMA = Namespace("https://schema.org/")


class TJKG(DefinedNamespace):
    """Terms declared in data/ontology.ttl."""

    _NS = Namespace(ONTOLOGY)
    _fail = True

    # entity types
    Agency: URIRef
    Organization: URIRef
    Company: URIRef
    Person: URIRef
    Country: URIRef
    Prefecture: URIRef
    City: URIRef
    Region: URIRef
    Industry: URIRef
    # events and sources
    Agreement: URIRef
    Investment: URIRef
    Announcement: URIRef
    # relations
    signedMOUWith: URIRef
    signatoryOf: URIRef
    witnessOf: URIRef
    holdsPosition: URIRef
    investedIn: URIRef
    facilitatedInvestment: URIRef
    cooperatesIn: URIRef
    locatedIn: URIRef
    memberOrdinal: URIRef
    partnerCount: URIRef
    # event structure
    party: URIRef
    signatory: URIRef
    witness: URIRef
    field: URIRef
    investor: URIRef
    investmentTarget: URIRef
    facilitator: URIRef
    amount: URIRef
    stake: URIRef
    role: URIRef
    # provenance
    evidence: URIRef
    confidence: URIRef
    charStart: URIRef
    charEnd: URIRef
    agreement: URIRef
    side: URIRef
    extractor: URIRef
    # announcements
    sourcePath: URIRef
    contactOrganization: URIRef
    contactPerson: URIRef
    contactPhone: URIRef
    isoCode: URIRef
    searchKey: URIRef


# relation kind (JSON contract) -> RDF predicate
PREDICATES: dict[str, URIRef] = {
    "signedMOUWith": TJKG.signedMOUWith,
    "signatoryOf": TJKG.signatoryOf,
    "witnessOf": TJKG.witnessOf,
    "holdsPosition": TJKG.holdsPosition,
    "investedIn": TJKG.investedIn,
    "facilitatedInvestment": TJKG.facilitatedInvestment,
    "cooperatesIn": TJKG.cooperatesIn,
    "locatedIn": TJKG.locatedIn,
    "partOf": ORG.subOrganizationOf,
    "memberOrdinal": TJKG.memberOrdinal,
    "partnerCount": TJKG.partnerCount,
}
KIND_OF_PREDICATE: dict[str, str] = {str(p): k for k, p in PREDICATES.items()}

TYPE_CLASSES: dict[str, URIRef] = {
    name: TJKG[name]
    for name in ("Agency", "Prefecture", "City", "Company", "Person", "Industry", "Country", "Region", "Organization")
}
