"""Extraction -> RDF quads: one named graph per announcement, entity descriptions in one graph.

The announcement's graph (its IRI is the announcement's) holds the announcement's metadata,
the facts it states (direct edges), the events they belong to (agreements, investments, posts)
and, for every fact, an ``rdf:Statement`` node with its evidence sentence, confidence,
extractor and character span. Each entity's types and labels live once, in the entity graph
(``ids.ENTITY_GRAPH``), so that a label is never repeated per announcement.
"""
from __future__ import annotations

import functools
import re
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
           "RDFLIB", "OXIGRAPH", "NQUADS", "nquads_line"]

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


_ECHAR = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})
_NOT_IN_IRI = re.compile(r'[\x00-\x20<>"{}|^`\\]')


class _NQuads:
    """Terms as N-Quads text, for bulk loading: no term object is made at all.

    >>> NQUADS.lit('say "hi"\\n', lang="en"), NQUADS.lit(3, datatype=XSD.integer)
    ('"say \\\\"hi\\\\"\\\\n"@en', '"3"^^<http://www.w3.org/2001/XMLSchema#integer>')
    >>> NQUADS.iri("https://tjkg.example/id/a b")
    Traceback (most recent call last):
    ...
    ValueError: not an IRI (space, quote or bracket in it): 'https://tjkg.example/id/a b'
    """

    def __init__(self) -> None:
        self._vocab: dict[str, str] = {}

    @staticmethod
    def iri(value: str) -> str:
        if _NOT_IN_IRI.search(value):
            raise ValueError(f"not an IRI (space, quote or bracket in it): {value!r}")
        return f"<{value}>"

    def c(self, term: URIRef) -> str:
        text = self._vocab.get(term)
        if text is None:
            text = self._vocab[term] = self.iri(term)
        return text

    def lit(self, value: object, lang: str | None = None, datatype: URIRef | None = None) -> str:
        text = str(value).translate(_ECHAR)
        if lang:
            return f'"{text}"@{lang}'
        if datatype is not None:
            return f'"{text}"^^{self.c(datatype)}'
        return f'"{text}"'


def nquads_line(quad: tuple[str, str, str, str]) -> str:
    """One quad of :data:`NQUADS` terms as an N-Quads line.

    >>> nquads_line(("<s>", "<p>", '"o"', "<g>"))
    '<s> <p> "o" <g> .\\n'
    """
    return f"{quad[0]} {quad[1]} {quad[2]} {quad[3]} .\n"


class _Terms:
    """A namespace's terms by attribute, looked up once (rdflib's own lookup is slow in loops)."""

    def __init__(self, namespace) -> None:
        self._namespace = namespace

    def __getattr__(self, name: str) -> URIRef:
        if name.startswith("_"):  # not a term: keep introspection (copy, pickle, pytest) honest
            raise AttributeError(name)
        term = getattr(self._namespace, name)
        setattr(self, name, term)
        return term

    def __getitem__(self, name: str) -> URIRef:
        return getattr(self, name)


#: Term flavours for :func:`extraction_quads`: rdflib terms (the default), pyoxigraph terms, or
#: N-Quads text.
RDFLIB = _Rdflib()
OXIGRAPH = _Oxigraph()
NQUADS = _NQuads()
_ENTITY_GRAPH = URIRef(ENTITY_GRAPH)
_RDF, _RDFS, _SKOS, _DCTERMS, _PROV, _ORG, _SCHEMA, _TJKG = map(_Terms, (RDF, RDFS, SKOS, DCTERMS, PROV, ORG, SCHEMA, TJKG))


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
    quads: list[Quad] = [(node, c(_RDF.type), c(TYPE_CLASSES[entity.type]), g)]
    if entity.type == "Industry":
        quads.append((node, c(_RDF.type), c(_SKOS.Concept), g))
    labelled = {text for text, _ in entity.labels}
    seen_langs: set[str] = set()
    for text, tag in entity.labels:
        # the first label per language is the preferred one; others are alternatives
        pred = c(_RDFS.label) if tag not in seen_langs else c(_SKOS.altLabel)
        seen_langs.add(tag)
        quads.append((node, pred, t.lit(text, lang=tag), g))
    if lang not in seen_langs:
        quads.append((node, c(_RDFS.label), t.lit(entity.label, lang=lang), g))
    elif entity.label not in labelled:
        quads.append((node, c(_SKOS.altLabel), t.lit(entity.label, lang=lang), g))
    for mention in entity.mentions:
        if mention != entity.label and mention not in labelled:
            quads.append((node, c(_SKOS.altLabel), t.lit(mention, lang=lang), g))
    names = {text for text, _ in entity.labels} | {entity.label, *entity.mentions}
    for key in sorted({k for name in names for k in search_keys(name)}):
        quads.append((node, c(_TJKG.searchKey), t.lit(key), g))
    return quads


@functools.lru_cache(maxsize=100_000)
def search_keys(name: str) -> frozenset[str]:
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
    return frozenset((text.lower(), fold_cjk(text).lower()))


def _announcement_quads(ex: Extraction, g: URIRef, t) -> list[Quad]:
    c = t.c
    a = ex.announcement
    lang = a.language
    quads: list[Quad] = [
        (g, c(_RDF.type), c(_TJKG.Announcement), g),
        (g, c(_SCHEMA.headline), t.lit(a.title, lang=lang), g),
        (g, c(_SCHEMA.inLanguage), t.lit(lang), g),
        (g, c(_TJKG.sourcePath), t.lit(a.path), g),
        (g, c(_DCTERMS.identifier), t.lit(a.id), g),
    ]
    if a.published:
        quads.append((g, c(_SCHEMA.datePublished), t.lit(a.published.isoformat(), datatype=XSD.date), g))
    if a.modified:
        quads.append((g, c(_SCHEMA.dateModified), t.lit(a.modified.isoformat(), datatype=XSD.date), g))
    if a.url:
        quads.append((g, c(_SCHEMA.url), t.lit(a.url, datatype=XSD.anyURI), g))
    for key, pred in (("organization", c(_TJKG.contactOrganization)), ("person", c(_TJKG.contactPerson)),
                      ("phone", c(_TJKG.contactPhone))):
        if a.contact.get(key):
            quads.append((g, pred, t.lit(a.contact[key], lang=lang if key != "phone" else None), g))
    for entity in ex.entities:
        quads.append((g, c(_SCHEMA.mentions), t.iri(entity.id), g))
    return quads


def _statement_quads(rel: Relation, obj: Node, g: URIRef, lang: str, t) -> list[Quad]:
    c = t.c
    st = t.iri(statement_iri(rel.id))
    quads: list[Quad] = [
        (st, c(_RDF.type), c(_RDF.Statement), g),
        (st, c(_RDF.subject), t.iri(rel.subject), g),
        (st, c(_RDF.predicate), c(PREDICATES[rel.predicate]), g),
        (st, c(_RDF.object), obj, g),
        (st, c(_PROV.wasDerivedFrom), g, g),
        (st, c(_TJKG.evidence), t.lit(rel.evidence, lang=lang), g),
        (st, c(_TJKG.confidence), t.lit(f"{rel.confidence:.3f}", datatype=XSD.decimal), g),
    ]
    if rel.extractor:
        quads.append((st, c(_TJKG.extractor), t.lit(rel.extractor), g))
    if rel.span:
        quads.append((st, c(_TJKG.charStart), t.lit(rel.span[0], datatype=XSD.integer), g))
        quads.append((st, c(_TJKG.charEnd), t.lit(rel.span[1], datatype=XSD.integer), g))
    if rel.date and (d := _date(rel.date, t)) is not None:
        quads.append((st, c(_DCTERMS.date), d, g))
    if rel.agreement:
        quads.append((st, c(_TJKG.agreement), t.iri(rel.agreement), g))
    for key, value in rel.qualifiers:
        if key == "side":
            quads.append((st, c(_TJKG.side), t.iri(value), g))
        elif key == "role":
            quads.append((st, c(_TJKG.role), t.lit(value, lang=lang), g))
        elif key in ("amount", "stake"):
            quads.append((st, c(_TJKG[key]), t.lit(value), g))
    return quads


def _event_quads(rel: Relation, g: URIRef, lang: str, facilitators: dict[str, list[str]], t) -> list[Quad]:
    """The event nodes a fact belongs to: agreement, post, investment."""
    c = t.c
    s, o = t.iri(rel.subject), t.iri(rel.object) if rel.predicate not in LITERAL_KINDS else None
    quads: list[Quad] = []
    if rel.agreement:
        ag = t.iri(rel.agreement)
        quads.append((ag, c(_RDF.type), c(_TJKG.Agreement), g))
        if rel.date and (d := _date(rel.date, t)) is not None:
            quads.append((ag, c(_DCTERMS.date), d, g))
        if rel.predicate == "signedMOUWith":
            quads += [(ag, c(_TJKG.party), s, g), (ag, c(_TJKG.party), o, g)]
        elif rel.predicate in ("signatoryOf", "witnessOf"):
            role = c(_TJKG.signatory) if rel.predicate == "signatoryOf" else c(_TJKG.witness)
            quads += [(ag, role, s, g), (ag, c(_TJKG.party), o, g)]
        elif rel.predicate == "cooperatesIn":
            quads += [(ag, c(_TJKG.field), o, g), (ag, c(_TJKG.party), s, g)]
    if rel.predicate == "holdsPosition":
        role = rel.qualifier("role") or ""
        post = t.iri(post_iri(rel.subject, rel.object, role))
        quads += [(post, c(_RDF.type), c(_ORG.Post), g), (post, c(_ORG.heldBy), s, g), (post, c(_ORG.postIn), o, g),
                  (s, c(_ORG.holds), post, g)]
        if role:
            quads.append((post, c(_TJKG.role), t.lit(role, lang=lang), g))
    elif rel.predicate == "investedIn":
        inv = t.iri(investment_iri(rel.subject, rel.object, rel.date))
        quads += [(inv, c(_RDF.type), c(_TJKG.Investment), g), (inv, c(_TJKG.investor), s, g),
                  (inv, c(_TJKG.investmentTarget), o, g)]
        if rel.date and (d := _date(rel.date, t)) is not None:
            quads.append((inv, c(_DCTERMS.date), d, g))
        for key in ("amount", "stake"):
            if rel.qualifier(key):
                quads.append((inv, c(_TJKG[key]), t.lit(rel.qualifier(key)), g))
        for org in facilitators.get(rel.subject, ()):
            quads.append((inv, c(_TJKG.facilitator), t.iri(org), g))
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
            quads.append((t.iri(entity_iri(key)), c(_SKOS.broader), t.iri(iri), c(_ENTITY_GRAPH)))
            if parent not in done:
                labels = tuple((text, lang) for text, lang in broader.labels)
                quads += entity_quads(Entity(iri, "Industry", broader.label("en"), "en", (), labels), "en", terms=t)
            todo.append(parent)
    return quads
