"""Extraction -> RDF quads: one named graph per announcement, entity descriptions in one graph.

The announcement's graph (its IRI is the announcement's) holds the announcement's metadata,
the facts it states (direct edges), the events they belong to (agreements, investments, posts)
and, for every fact, an ``rdf:Statement`` node with its evidence sentence, confidence,
extractor and character span. Each entity's types and labels live once, in the entity graph
(``ids.ENTITY_GRAPH``), so that a label is never repeated per announcement.
"""
from __future__ import annotations

import unicodedata

from collections.abc import Iterable

import pyoxigraph as ox
from rdflib import OWL, RDF, RDFS, SKOS, XSD, BNode, Dataset, Literal, URIRef
from rdflib.namespace import DCTERMS, ORG, PROV
from rdflib.term import Node

from .ids import ENTITY_GRAPH, announcement_iri, investment_iri, post_iri, statement_iri
from .models import Entity, Extraction, Relation
from .vocab import PREDICATES, SCHEMA, TJKG, TYPE_CLASSES

__all__ = ["extraction_quads", "entity_quads", "taxonomy_quads", "search_keys", "to_dataset", "Quad", "LITERAL_KINDS",
           "RDFLIB", "OXIGRAPH"]

Quad = tuple[Node, Node, Node, URIRef]
LITERAL_KINDS = frozenset({"memberOrdinal", "partnerCount"})


class _Rdflib:
    """Terms as rdflib objects: what users get."""

    iri = staticmethod(URIRef)
    lit = staticmethod(Literal)

    @staticmethod
    def c(term: URIRef) -> URIRef:
        """A vocabulary term (an rdflib constant)."""
        return term


class _Oxigraph:
    """Terms as pyoxigraph objects, for loading in bulk: no rdflib object is made per term."""

    iri = staticmethod(ox.NamedNode)

    def __init__(self) -> None:
        self._vocab: dict[str, ox.NamedNode] = {}

    def c(self, term: URIRef) -> ox.NamedNode:
        node = self._vocab.get(term)
        if node is None:
            node = self._vocab[term] = ox.NamedNode(term)
        return node

    def lit(self, value: object, lang: str | None = None, datatype: URIRef | None = None) -> ox.Literal:
        if lang:
            return ox.Literal(str(value), language=lang)
        if datatype is not None:
            return ox.Literal(str(value), datatype=self.c(datatype))
        return ox.Literal(str(value))


#: Term flavours for :func:`extraction_quads`: rdflib terms (the default) or pyoxigraph terms.
RDFLIB = _Rdflib()
OXIGRAPH = _Oxigraph()
_ENTITY_GRAPH = URIRef(ENTITY_GRAPH)


def _date(value: str | None, t=RDFLIB) -> Literal | None:
    """An ISO date literal typed as precisely as the text allows (2019-10-03, 2019-10, 2019)."""
    if not value:
        return None
    if len(value) == 10:
        return t.lit(value, datatype=XSD.date)
    if len(value) == 7:
        return t.lit(value, datatype=XSD.gYearMonth)
    if len(value) == 4 and value.isdigit():
        return t.lit(value, datatype=XSD.gYear)
    return t.lit(value)


def _literal_object(value: str, t=RDFLIB) -> Literal:
    digits = "".join(ch for ch in value if ch.isdigit())
    return t.lit(int(digits), datatype=XSD.integer) if digits else t.lit(value)


def entity_quads(entity: Entity, lang: str, *, terms=RDFLIB) -> list[Quad]:
    """Type and labels of one entity, for the entity graph.

    Known labels (from the gazetteer) keep their own language tags; a label seen only in a
    text takes the text's language. Every mention becomes a ``skos:altLabel``.
    ``terms`` is :data:`RDFLIB` (rdflib terms) or :data:`OXIGRAPH` (pyoxigraph terms).
    """
    t = terms
    c = t.c
    g = c(_ENTITY_GRAPH)
    node = t.iri(entity.id)
    quads: list[Quad] = [(node, c(RDF.type), c(TYPE_CLASSES[entity.type]), g)]
    if entity.type == "Industry":
        quads.append((node, c(RDF.type), c(SKOS.Concept), g))
    labelled = {text for text, _ in entity.labels}
    seen_langs: set[str] = set()
    for text, tag in entity.labels:
        # the first label per language is the preferred one; others are alternatives
        pred = c(RDFS.label) if tag not in seen_langs else c(SKOS.altLabel)
        seen_langs.add(tag)
        quads.append((node, pred, t.lit(text, lang=tag), g))
    if lang not in seen_langs:
        quads.append((node, c(RDFS.label), t.lit(entity.label, lang=lang), g))
    elif entity.label not in labelled:
        quads.append((node, c(SKOS.altLabel), t.lit(entity.label, lang=lang), g))
    for mention in entity.mentions:
        if mention != entity.label and mention not in labelled:
            quads.append((node, c(SKOS.altLabel), t.lit(mention, lang=lang), g))
    names = {text for text, _ in entity.labels} | {entity.label, *entity.mentions}
    for key in sorted({k for name in names for k in search_keys(name)}):
        quads.append((node, c(TJKG.searchKey), t.lit(key), g))
    return quads


def search_keys(name: str) -> set[str]:
    """The keys an entity is found by: the name in lower case (as SPARQL's ``LCASE`` writes it)
    and its CJK-variant-folded form, so that a lookup is one index hit instead of a scan of
    every label.

    >>> sorted(search_keys("鹿兒島縣"))
    ['鹿児島県', '鹿兒島縣']
    >>> sorted(search_keys("Osaka Prefecture"))
    ['osaka prefecture']
    """
    from .normalize import fold_cjk

    text = unicodedata.normalize("NFKC", name).strip()
    return {text.lower(), fold_cjk(text).lower()}


def _announcement_quads(ex: Extraction, g: URIRef, t) -> list[Quad]:
    c = t.c
    a = ex.announcement
    lang = a.language
    quads: list[Quad] = [
        (g, c(RDF.type), c(TJKG.Announcement), g),
        (g, c(SCHEMA.headline), t.lit(a.title, lang=lang), g),
        (g, c(SCHEMA.inLanguage), t.lit(lang), g),
        (g, c(TJKG.sourcePath), t.lit(a.path), g),
        (g, c(DCTERMS.identifier), t.lit(a.id), g),
    ]
    if a.published:
        quads.append((g, c(SCHEMA.datePublished), t.lit(a.published.isoformat(), datatype=XSD.date), g))
    if a.modified:
        quads.append((g, c(SCHEMA.dateModified), t.lit(a.modified.isoformat(), datatype=XSD.date), g))
    if a.url:
        quads.append((g, c(SCHEMA.url), t.lit(a.url, datatype=XSD.anyURI), g))
    for key, pred in (("organization", c(TJKG.contactOrganization)), ("person", c(TJKG.contactPerson)),
                      ("phone", c(TJKG.contactPhone))):
        if a.contact.get(key):
            quads.append((g, pred, t.lit(a.contact[key], lang=lang if key != "phone" else None), g))
    for entity in ex.entities:
        quads.append((g, c(SCHEMA.mentions), t.iri(entity.id), g))
    return quads


def _statement_quads(rel: Relation, obj: Node, g: URIRef, lang: str, t) -> list[Quad]:
    c = t.c
    st = t.iri(statement_iri(rel.id))
    quads: list[Quad] = [
        (st, c(RDF.type), c(RDF.Statement), g),
        (st, c(RDF.subject), t.iri(rel.subject), g),
        (st, c(RDF.predicate), c(PREDICATES[rel.predicate]), g),
        (st, c(RDF.object), obj, g),
        (st, c(PROV.wasDerivedFrom), g, g),
        (st, c(TJKG.evidence), t.lit(rel.evidence, lang=lang), g),
        (st, c(TJKG.confidence), t.lit(f"{rel.confidence:.3f}", datatype=XSD.decimal), g),
    ]
    if rel.extractor:
        quads.append((st, c(TJKG.extractor), t.lit(rel.extractor), g))
    if rel.span:
        quads.append((st, c(TJKG.charStart), t.lit(rel.span[0], datatype=XSD.integer), g))
        quads.append((st, c(TJKG.charEnd), t.lit(rel.span[1], datatype=XSD.integer), g))
    if rel.date and (d := _date(rel.date, t)) is not None:
        quads.append((st, c(DCTERMS.date), d, g))
    if rel.agreement:
        quads.append((st, c(TJKG.agreement), t.iri(rel.agreement), g))
    for key, value in rel.qualifiers:
        if key == "side":
            quads.append((st, c(TJKG.side), t.iri(value), g))
        elif key == "role":
            quads.append((st, c(TJKG.role), t.lit(value, lang=lang), g))
        elif key in ("amount", "stake"):
            quads.append((st, c(TJKG[key]), t.lit(value), g))
    return quads


def _event_quads(rel: Relation, g: URIRef, lang: str, facilitators: dict[str, list[str]], t) -> list[Quad]:
    """The event nodes a fact belongs to: agreement, post, investment."""
    c = t.c
    s, o = t.iri(rel.subject), t.iri(rel.object) if rel.predicate not in LITERAL_KINDS else None
    quads: list[Quad] = []
    if rel.agreement:
        ag = t.iri(rel.agreement)
        quads.append((ag, c(RDF.type), c(TJKG.Agreement), g))
        if rel.date and (d := _date(rel.date, t)) is not None:
            quads.append((ag, c(DCTERMS.date), d, g))
        if rel.predicate == "signedMOUWith":
            quads += [(ag, c(TJKG.party), s, g), (ag, c(TJKG.party), o, g)]
        elif rel.predicate in ("signatoryOf", "witnessOf"):
            role = c(TJKG.signatory) if rel.predicate == "signatoryOf" else c(TJKG.witness)
            quads += [(ag, role, s, g), (ag, c(TJKG.party), o, g)]
        elif rel.predicate == "cooperatesIn":
            quads += [(ag, c(TJKG.field), o, g), (ag, c(TJKG.party), s, g)]
    if rel.predicate == "holdsPosition":
        role = rel.qualifier("role") or ""
        post = t.iri(post_iri(rel.subject, rel.object, role))
        quads += [(post, c(RDF.type), c(ORG.Post), g), (post, c(ORG.heldBy), s, g), (post, c(ORG.postIn), o, g),
                  (s, c(ORG.holds), post, g)]
        if role:
            quads.append((post, c(TJKG.role), t.lit(role, lang=lang), g))
    elif rel.predicate == "investedIn":
        inv = t.iri(investment_iri(rel.subject, rel.object, rel.date))
        quads += [(inv, c(RDF.type), c(TJKG.Investment), g), (inv, c(TJKG.investor), s, g),
                  (inv, c(TJKG.investmentTarget), o, g)]
        if rel.date and (d := _date(rel.date, t)) is not None:
            quads.append((inv, c(DCTERMS.date), d, g))
        for key in ("amount", "stake"):
            if rel.qualifier(key):
                quads.append((inv, c(TJKG[key]), t.lit(rel.qualifier(key)), g))
        for org in facilitators.get(rel.subject, ()):
            quads.append((inv, c(TJKG.facilitator), t.iri(org), g))
    return quads


def extraction_quads(ex: Extraction, *, terms=RDFLIB) -> list[Quad]:
    """Every quad an announcement contributes: its own graph plus its entities' descriptions.

    The terms are rdflib's by default; ``terms=OXIGRAPH`` gives pyoxigraph terms (the same
    quads), which is what bulk loading wants.

    >>> from graph.models import Announcement, Extraction
    >>> a = Announcement(id="x", path="x.txt", title="T", text="", language="en")
    >>> quads = extraction_quads(Extraction(a, (), ()))
    >>> {str(q[3]) for q in quads}
    {'https://tjkg.example/announcement/x'}
    """
    t = terms
    c = t.c
    g = t.iri(announcement_iri(ex.announcement.id))
    lang = ex.announcement.language
    quads = _announcement_quads(ex, g, t)
    for entity in ex.entities:
        quads += entity_quads(entity, lang, terms=t)
    facilitators: dict[str, list[str]] = {}
    for rel in ex.relations:
        if rel.predicate == "facilitatedInvestment":
            facilitators.setdefault(rel.object, []).append(rel.subject)
    for rel in ex.relations:
        obj: Node = _literal_object(rel.object, t) if rel.predicate in LITERAL_KINDS else t.iri(rel.object)
        quads.append((t.iri(rel.subject), c(PREDICATES[rel.predicate]), obj, g))
        quads += _statement_quads(rel, obj, g, lang, t)
        quads += _event_quads(rel, g, lang, facilitators, t)
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


def taxonomy_quads(entities: Iterable[Entity], *, terms=RDFLIB, gazetteer=None) -> list[Quad]:
    """The industry taxonomy above the industries an announcement names: ``skos:broader`` up to
    the top, with the broader concepts' labels, in the entity graph. ``gazetteer`` defaults to
    :meth:`Gazetteer.load() <graph.gazetteer.Gazetteer.load>`; ``terms`` as in
    :func:`extraction_quads`."""
    from .gazetteer import Gazetteer
    from .ids import entity_iri

    t = terms
    c = t.c
    prefix = entity_iri("")
    gaz = gazetteer if gazetteer is not None else Gazetteer.load()
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
            iri = entity_iri(parent)
            quads.append((t.iri(entity_iri(key)), c(SKOS.broader), t.iri(iri), c(_ENTITY_GRAPH)))
            if parent not in done:
                labels = tuple((text, lang) for text, lang in broader.labels)
                quads += entity_quads(Entity(iri, "Industry", broader.label("en"), "en", (), labels), "en", terms=t)
            todo.append(parent)
    return quads
