"""Extraction -> RDF quads: one named graph per announcement, entity descriptions in one graph.

The announcement's graph (its IRI is the announcement's) holds the announcement's metadata,
the facts it states (direct edges), the events they belong to (agreements, investments, posts)
and, for every fact, an ``rdf:Statement`` node with its evidence sentence, confidence,
extractor and character span. Each entity's types and labels live once, in the entity graph
(``ids.ENTITY_GRAPH``), so that a label is never repeated per announcement.
"""
from __future__ import annotations

from collections.abc import Iterable

from rdflib import OWL, RDF, RDFS, SKOS, XSD, BNode, Dataset, Literal, URIRef
from rdflib.namespace import DCTERMS, ORG, PROV
from rdflib.term import Node

from .ids import ENTITY_GRAPH, announcement_iri, investment_iri, post_iri, statement_iri
from .models import Entity, Extraction, Relation
from .vocab import PREDICATES, SCHEMA, TJKG, TYPE_CLASSES

__all__ = ["extraction_quads", "entity_quads", "taxonomy_quads", "to_dataset", "Quad", "LITERAL_KINDS"]

Quad = tuple[Node, Node, Node, URIRef]
LITERAL_KINDS = frozenset({"memberOrdinal", "partnerCount"})
_ENTITY_GRAPH = URIRef(ENTITY_GRAPH)


def _date(value: str | None) -> Literal | None:
    """An ISO date literal typed as precisely as the text allows (2019-10-03, 2019-10, 2019)."""
    if not value:
        return None
    if len(value) == 10:
        return Literal(value, datatype=XSD.date)
    if len(value) == 7:
        return Literal(value, datatype=XSD.gYearMonth)
    if len(value) == 4 and value.isdigit():
        return Literal(value, datatype=XSD.gYear)
    return Literal(value)


def _literal_object(value: str) -> Literal:
    digits = "".join(ch for ch in value if ch.isdigit())
    return Literal(int(digits), datatype=XSD.integer) if digits else Literal(value)


def entity_quads(entity: Entity, lang: str) -> list[Quad]:
    """Type and labels of one entity, for the entity graph.

    Known labels (from the gazetteer) keep their own language tags; a label seen only in a
    text takes the text's language. Every mention becomes a ``skos:altLabel``.
    """
    g = _ENTITY_GRAPH
    node = URIRef(entity.id)
    quads: list[Quad] = [(node, RDF.type, TYPE_CLASSES[entity.type], g)]
    if entity.type == "Industry":
        quads.append((node, RDF.type, SKOS.Concept, g))
    labelled = {text for text, _ in entity.labels}
    seen_langs: set[str] = set()
    for text, tag in entity.labels:
        # the first label per language is the preferred one; others are alternatives
        pred = RDFS.label if tag not in seen_langs else SKOS.altLabel
        seen_langs.add(tag)
        quads.append((node, pred, Literal(text, lang=tag), g))
    if lang not in seen_langs:
        quads.append((node, RDFS.label, Literal(entity.label, lang=lang), g))
    elif entity.label not in labelled:
        quads.append((node, SKOS.altLabel, Literal(entity.label, lang=lang), g))
    for mention in entity.mentions:
        if mention != entity.label and mention not in labelled:
            quads.append((node, SKOS.altLabel, Literal(mention, lang=lang), g))
    return quads


def _announcement_quads(ex: Extraction, g: URIRef) -> list[Quad]:
    a = ex.announcement
    lang = a.language
    quads: list[Quad] = [
        (g, RDF.type, TJKG.Announcement, g),
        (g, SCHEMA.headline, Literal(a.title, lang=lang), g),
        (g, SCHEMA.inLanguage, Literal(lang), g),
        (g, TJKG.sourcePath, Literal(a.path), g),
        (g, DCTERMS.identifier, Literal(a.id), g),
    ]
    if a.published:
        quads.append((g, SCHEMA.datePublished, Literal(a.published.isoformat(), datatype=XSD.date), g))
    if a.modified:
        quads.append((g, SCHEMA.dateModified, Literal(a.modified.isoformat(), datatype=XSD.date), g))
    if a.url:
        quads.append((g, SCHEMA.url, Literal(a.url, datatype=XSD.anyURI), g))
    for key, pred in (("organization", TJKG.contactOrganization), ("person", TJKG.contactPerson),
                      ("phone", TJKG.contactPhone)):
        if a.contact.get(key):
            quads.append((g, pred, Literal(a.contact[key], lang=lang if key != "phone" else None), g))
    for entity in ex.entities:
        quads.append((g, SCHEMA.mentions, URIRef(entity.id), g))
    return quads


def _statement_quads(rel: Relation, obj: Node, g: URIRef, lang: str) -> list[Quad]:
    st = URIRef(statement_iri(rel.id))
    quads: list[Quad] = [
        (st, RDF.type, RDF.Statement, g),
        (st, RDF.subject, URIRef(rel.subject), g),
        (st, RDF.predicate, PREDICATES[rel.predicate], g),
        (st, RDF.object, obj, g),
        (st, PROV.wasDerivedFrom, g, g),
        (st, TJKG.evidence, Literal(rel.evidence, lang=lang), g),
        (st, TJKG.confidence, Literal(f"{rel.confidence:.3f}", datatype=XSD.decimal), g),
    ]
    if rel.extractor:
        quads.append((st, TJKG.extractor, Literal(rel.extractor), g))
    if rel.span:
        quads.append((st, TJKG.charStart, Literal(rel.span[0], datatype=XSD.integer), g))
        quads.append((st, TJKG.charEnd, Literal(rel.span[1], datatype=XSD.integer), g))
    if rel.date and (d := _date(rel.date)) is not None:
        quads.append((st, DCTERMS.date, d, g))
    if rel.agreement:
        quads.append((st, TJKG.agreement, URIRef(rel.agreement), g))
    for key, value in rel.qualifiers:
        if key == "side":
            quads.append((st, TJKG.side, URIRef(value), g))
        elif key == "role":
            quads.append((st, TJKG.role, Literal(value, lang=lang), g))
        elif key in ("amount", "stake"):
            quads.append((st, TJKG[key], Literal(value), g))
    return quads


def _event_quads(rel: Relation, g: URIRef, lang: str, facilitators: dict[str, list[str]]) -> list[Quad]:
    """The event nodes a fact belongs to: agreement, post, investment."""
    s, o = URIRef(rel.subject), URIRef(rel.object) if rel.predicate not in LITERAL_KINDS else None
    quads: list[Quad] = []
    if rel.agreement:
        ag = URIRef(rel.agreement)
        quads.append((ag, RDF.type, TJKG.Agreement, g))
        if rel.date and (d := _date(rel.date)) is not None:
            quads.append((ag, DCTERMS.date, d, g))
        if rel.predicate == "signedMOUWith":
            quads += [(ag, TJKG.party, s, g), (ag, TJKG.party, o, g)]
        elif rel.predicate in ("signatoryOf", "witnessOf"):
            role = TJKG.signatory if rel.predicate == "signatoryOf" else TJKG.witness
            quads += [(ag, role, s, g), (ag, TJKG.party, o, g)]
        elif rel.predicate == "cooperatesIn":
            quads += [(ag, TJKG.field, o, g), (ag, TJKG.party, s, g)]
    if rel.predicate == "holdsPosition":
        role = rel.qualifier("role") or ""
        post = URIRef(post_iri(rel.subject, rel.object, role))
        quads += [(post, RDF.type, ORG.Post, g), (post, ORG.heldBy, s, g), (post, ORG.postIn, o, g),
                  (s, ORG.holds, post, g)]
        if role:
            quads.append((post, TJKG.role, Literal(role, lang=lang), g))
    elif rel.predicate == "investedIn":
        inv = URIRef(investment_iri(rel.subject, rel.object, rel.date))
        quads += [(inv, RDF.type, TJKG.Investment, g), (inv, TJKG.investor, s, g),
                  (inv, TJKG.investmentTarget, o, g)]
        if rel.date and (d := _date(rel.date)) is not None:
            quads.append((inv, DCTERMS.date, d, g))
        for key in ("amount", "stake"):
            if rel.qualifier(key):
                quads.append((inv, TJKG[key], Literal(rel.qualifier(key)), g))
        for org in facilitators.get(rel.subject, ()):
            quads.append((inv, TJKG.facilitator, URIRef(org), g))
    return quads


def extraction_quads(ex: Extraction) -> list[Quad]:
    """Every quad an announcement contributes: its own graph plus its entities' descriptions.

    >>> from graph.models import Announcement, Extraction
    >>> a = Announcement(id="x", path="x.txt", title="T", text="", language="en")
    >>> quads = extraction_quads(Extraction(a, (), ()))
    >>> {str(q[3]) for q in quads}
    {'https://tjkg.example/announcement/x'}
    """
    g = URIRef(announcement_iri(ex.announcement.id))
    lang = ex.announcement.language
    quads = _announcement_quads(ex, g)
    for entity in ex.entities:
        quads += entity_quads(entity, lang)
    facilitators: dict[str, list[str]] = {}
    for rel in ex.relations:
        if rel.predicate == "facilitatedInvestment":
            facilitators.setdefault(rel.object, []).append(rel.subject)
    for rel in ex.relations:
        obj: Node = _literal_object(rel.object) if rel.predicate in LITERAL_KINDS else URIRef(rel.object)
        quads.append((URIRef(rel.subject), PREDICATES[rel.predicate], obj, g))
        quads += _statement_quads(rel, obj, g, lang)
        quads += _event_quads(rel, g, lang, facilitators)
    return list(dict.fromkeys(quads))  # same order every run, no repeats


def to_dataset(quads: Iterable[Quad]) -> Dataset:
    """An rdflib Dataset holding the quads, with the usual prefixes bound."""
    ds = Dataset()
    for prefix, ns in (("tjkg", TJKG._NS), ("schema", SCHEMA), ("org", ORG), ("prov", PROV),
                       ("skos", SKOS), ("dcterms", DCTERMS), ("owl", OWL)):
        ds.bind(prefix, ns)
    for s, p, o, g in quads:
        if isinstance(s, BNode):
            raise ValueError("tjkg never writes blank nodes: every node has a stable IRI")
        ds.add((s, p, o, g))
    return ds


def taxonomy_quads(entities: Iterable[Entity]) -> list[Quad]:
    """The industry taxonomy above the industries an announcement names: ``skos:broader`` up to
    the top, with the broader concepts' labels, in the entity graph."""
    from .gazetteer import Gazetteer
    from .ids import entity_iri

    prefix = entity_iri("")
    gaz = Gazetteer.load()
    quads: list[Quad] = []
    todo = [e.id[len(prefix):] for e in entities if e.type == "Industry" and e.id.startswith(prefix)]
    done: set[str] = set()
    while todo:
        key = todo.pop()
        if key in done or (entry := gaz.get(key)) is None:
            continue
        done.add(key)
        for parent in entry.broader:
            if (broader := gaz.get(parent)) is None:
                continue
            node = URIRef(entity_iri(parent))
            quads.append((URIRef(entity_iri(key)), SKOS.broader, node, _ENTITY_GRAPH))
            if parent not in done:
                labels = tuple((t, lang) for t, lang in broader.labels)
                quads += entity_quads(Entity(node, "Industry", broader.label("en"), "en", (), labels), "en")
            todo.append(parent)
    return quads
