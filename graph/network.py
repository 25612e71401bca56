"""RDF -> networkx: the knowledge graph as a ``MultiDiGraph`` with typed nodes and evidence.

Two views of the same facts:

``"agreement"`` (default)
    MOUs and investments are event nodes (``type`` ``Agreement`` / ``Investment``): a party
    points to its agreement (key ``party``), so do signatories (``signatory``) and witnesses
    (``witness``); an agreement points to its fields (``field``). An investor points to its
    investment (``investor``), the investment to its target (``investmentTarget``), a
    facilitator to the investment it helped (``facilitator``). Every other fact (posts,
    locations, parts, facts outside any event) stays a direct edge.
``"collapsed"``
    Every fact as stated, party to party: ``signedMOUWith``, ``signatoryOf``, ``investedIn``...

Nodes are keyed by IRI and carry ``type``, ``label`` (the English label, else any) and
``labels`` (language tag -> labels, the preferred one first). Edges are keyed by relation
kind (``G[u][v]["signedMOUWith"]``) and carry ``predicate`` (the RDF predicate's IRI),
``kind``, ``date`` (the earliest), ``dates``, ``confidence`` (the highest), ``evidence`` (a
list of :class:`Evidence`: announcement, sentence, language, confidence, date) and
``announcements``. The same fact stated in two announcements is one edge with two pieces of
evidence; two kinds of tie between the same pair are two parallel edges. Facts whose object
is a number (``memberOrdinal``, ``partnerCount``) are kept on their node under ``facts``.
``G.graph["announcements"]`` maps each announcement IRI to its id, title, date, URL and language.

Everything is fetched with a handful of SELECT queries and added in bulk, in sorted order, so
the same store always gives the same graph.

Examples
--------
>>> from graph.store import open_store
>>> from graph.ids import announcement_iri, entity_iri
>>> from graph.models import Announcement, Entity, Extraction, Relation
>>> from graph.rdf import extraction_quads
>>> a, b = entity_iri("tjpo"), entity_iri("jp-27")
>>> ex = Extraction(Announcement("n1", "n1.txt", "T", "", "en"),
...     (Entity(a, "Agency", "TJPO", "en"),
...      Entity(b, "Prefecture", "Osaka", "en", (), (("Osaka Prefecture", "en"), ("大阪府", "ja")))),
...     (Relation(a, "signedMOUWith", b, "TJPO and Osaka signed an MOU.", 0.9, "2019-10-03"),))
>>> store = open_store("memory")
>>> store.replace_graph(announcement_iri("n1"), extraction_quads(ex))
>>> G = to_networkx(store, view="collapsed")
>>> G.nodes[b]["label"], G.nodes[b]["labels"]
('Osaka Prefecture', {'en': ['Osaka Prefecture', 'Osaka'], 'ja': ['大阪府']})
>>> edge = G.edges[a, b, "signedMOUWith"]
>>> edge["date"], edge["evidence"][0].sentence
('2019-10-03', 'TJPO and Osaka signed an MOU.')
"""
from __future__ import annotations

import csv
import gc
import io
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from urllib.parse import unquote

import networkx as nx
from rdflib.namespace import DCTERMS, ORG, RDF, RDFS, SKOS

from .errors import TjkgError
from .models import ENTITY_TYPES
from .normalize import fold_cjk, name_key
from .terms import canonical_lang
from .vocab import KIND_OF_PREDICATE, PREDICATES, SCHEMA, TJKG

__all__ = [
    "to_networkx", "Evidence", "NetworkError", "VIEWS", "EVENT_TYPES", "EVENT_ROLES", "LANGUAGES",
    "find_node", "label_of", "search_key", "is_event", "lang_tag",
]

VIEWS = ("agreement", "collapsed")
EVENT_TYPES = ("Agreement", "Investment")
LANGUAGES = ("en", "zh-Hant", "ja")
# edge keys of the agreement view that link an entity and an event, and their predicates
EVENT_ROLES: dict[str, str] = {
    "party": str(TJKG.party), "signatory": str(TJKG.signatory), "witness": str(TJKG.witness),
    "field": str(TJKG.field), "investor": str(TJKG.investor), "investmentTarget": str(TJKG.investmentTarget),
    "facilitator": str(TJKG.facilitator),
}
_ROLE_OF_PREDICATE = {p: k for k, p in EVENT_ROLES.items()}
_KIND_OF = {**KIND_OF_PREDICATE, str(SKOS.broader): "broader"}
_PREDICATE_OF = {**{k: str(p) for k, p in PREDICATES.items()}, "broader": str(SKOS.broader), **EVENT_ROLES}
_LITERAL_KINDS = frozenset({"memberOrdinal", "partnerCount"})
_TYPE_OF_CLASS = {str(TJKG[t]): t for t in (*ENTITY_TYPES, *EVENT_TYPES)}
_EVENT_NAMES = {
    "Agreement": {"en": "MOU", "zh-Hant": "合作備忘錄", "ja": "覚書"},
    "Investment": {"en": "Investment", "zh-Hant": "投資", "ja": "投資"},
}
_LANG_ALIASES = {"zh": "zh-Hant", "zh-hant": "zh-Hant", "zh-tw": "zh-Hant", "en": "en", "ja": "ja"}


class NetworkError(TjkgError):
    """A name matches no node of the graph, or an option of the network functions is unknown."""


@dataclass(frozen=True, slots=True)
class Evidence:
    """One sentence that states a fact: its announcement (IRI), text, language, confidence, date."""

    announcement: str
    sentence: str | None
    lang: str | None
    confidence: float | None
    date: str | None

    def as_dict(self) -> dict[str, object]:
        """The evidence as a plain dict (for JSON)."""
        return {"announcement": self.announcement, "sentence": self.sentence, "lang": self.lang,
                "confidence": self.confidence, "date": self.date}


def lang_tag(lang: str) -> str:
    """The language tag for a user's choice: ``zh`` -> ``zh-Hant``; ``en`` and ``ja`` as they are.

    >>> lang_tag("zh"), lang_tag("JA")
    ('zh-Hant', 'ja')
    """
    tag = _LANG_ALIASES.get(lang.strip().lower())
    if tag is None:
        raise NetworkError(f"unknown language {lang!r}: choose en, zh or ja")
    return tag


def label_of(attrs: dict, lang: str = "en") -> str:
    """The best label of a node in ``lang`` (``en``, ``zh``/``zh-Hant``, ``ja``), falling back
    to English, Chinese, Japanese, any label, then the node's ``label``.

    >>> label_of({"labels": {"en": ["Osaka Prefecture"], "ja": ["大阪府"]}}, "ja")
    '大阪府'
    >>> label_of({"labels": {"ja": ["大阪府"]}}, "en")
    '大阪府'
    """
    labels = attrs.get("labels") or {}
    for tag in ((lang_tag(lang), *LANGUAGES) if lang != "en" else LANGUAGES):
        if labels.get(tag):
            return labels[tag][0]
    for values in labels.values():
        if values:
            return values[0]
    return attrs.get("label") or ""


def is_event(attrs: dict) -> bool:
    """True for the event nodes of the agreement view (agreements, investments)."""
    return attrs.get("type") in EVENT_TYPES


_WS = re.compile(r"\s+")


def search_key(text: str) -> str:
    """A loose key for finding a name inside a label: width, case, spacing and CJK character
    variants folded (the page's search box folds a query the same way).

    >>> search_key("ＴＪＰＯ  臺灣") == search_key("tjpo 台湾")
    True
    """
    return fold_cjk(_WS.sub(" ", unicodedata.normalize("NFKC", text).lower()).strip())


def find_node(G: nx.MultiDiGraph, name: str) -> str:
    """The node whose IRI is ``name`` or that has ``name`` as a label in any language.

    Labels are compared with :func:`graph.normalize.name_key` (case, width, spacing and CJK
    variants folded); if no label is equal, a label containing ``name`` is accepted when
    only one node has one.

    Raises
    ------
    NetworkError
        No node or several nodes match; the message lists candidates.

    Examples
    --------
    >>> G = nx.MultiDiGraph()
    >>> G.add_node("https://tjkg.example/id/jp-27", labels={"en": ["Osaka Prefecture"], "ja": ["大阪府"]})
    >>> find_node(G, "大阪府"), find_node(G, "osaka")
    ('https://tjkg.example/id/jp-27', 'https://tjkg.example/id/jp-27')
    """
    if not name or not name.strip():
        raise NetworkError("empty entity name: give a label in any language or an IRI")
    if name in G:
        return name
    wanted = name_key(name)
    exact: list[str] = []
    partial: list[str] = []
    loose = search_key(name)
    for node, attrs in G.nodes(data=True):
        texts = [t for values in (attrs.get("labels") or {}).values() for t in values] or [attrs.get("label") or ""]
        if any(name_key(t) == wanted for t in texts):
            exact.append(node)
        elif any(loose in search_key(t) for t in texts):
            partial.append(node)
    hits = exact or partial
    if len(hits) == 1:
        return hits[0]
    if not hits:
        raise NetworkError(f"no entity named {name!r} in the graph (try another spelling or language)")
    shown = "; ".join(f"{label_of(G.nodes[n])} <{n}>" for n in sorted(hits)[:5])
    more = f" and {len(hits) - 5} more" if len(hits) > 5 else ""
    raise NetworkError(f"{name!r} matches {len(hits)} entities: {shown}{more}; give a longer name or the IRI")


# ---- reading the store ---------------------------------------------------------------------

_PREFIXES = f"""PREFIX tjkg: <{TJKG._NS}>
PREFIX rdf: <{RDF}>
PREFIX rdfs: <{RDFS}>
PREFIX skos: <{SKOS}>
PREFIX dcterms: <{DCTERMS}>
PREFIX schema: <{SCHEMA}>
PREFIX org: <{ORG}>
"""
_VALUES_TYPES = " ".join(f"<{c}>" for c in _TYPE_OF_CLASS)

# Every query is one triple pattern, and the answers are joined here by key: at 100,000
# announcements Oxigraph scans a single pattern in time linear in its rows, while a join or an
# OPTIONAL inside GRAPH ?g grew to minutes (bench/RESULTS.md).
Q_TYPES = _PREFIXES + f"SELECT ?e ?t WHERE {{ GRAPH ?g {{ VALUES ?t {{ {_VALUES_TYPES} }} ?e a ?t }} }}"
Q_LABELS = _PREFIXES + """SELECT ?e ?p ?l (LANG(?l) AS ?lang) WHERE {
  GRAPH ?g { VALUES ?p { rdfs:label skos:altLabel } ?e ?p ?l } }"""
Q_ANNOUNCEMENTS = _PREFIXES + "SELECT ?g ?a WHERE { GRAPH ?g { ?a a tjkg:Announcement } }"
_ANNOUNCEMENT_FIELDS = {str(DCTERMS.identifier): "id", str(SCHEMA.headline): "title",
                        str(SCHEMA.datePublished): "published", str(SCHEMA.url): "url",
                        str(SCHEMA.inLanguage): "language"}
Q_ANNOUNCEMENT_FIELDS = _PREFIXES + f"""SELECT ?a ?p ?v WHERE {{ GRAPH ?g {{
  VALUES ?p {{ {" ".join(f"<{p}>" for p in _ANNOUNCEMENT_FIELDS)} }} ?a ?p ?v }} }}"""
# one query per predicate: the answer need not name it, and it can be read while the next runs
_FACT_QUERIES = {p: _PREFIXES + f"SELECT ?g ?s ?o WHERE {{ GRAPH ?g {{ ?s <{p}> ?o }} }}" for p in _KIND_OF}
_ROLE_QUERIES = {p: _PREFIXES + f"SELECT ?g ?ev ?x WHERE {{ GRAPH ?g {{ ?ev <{p}> ?x }} }}"
                 for p in EVENT_ROLES.values()}
Q_EVENTS = _PREFIXES + """SELECT ?g ?ev ?cls WHERE { GRAPH ?g {
  VALUES ?cls { tjkg:Agreement tjkg:Investment } ?ev a ?cls } }"""
Q_EVENT_AMOUNTS = _PREFIXES + """SELECT ?ev ?p ?v WHERE { GRAPH ?g {
  VALUES ?p { tjkg:amount tjkg:stake } ?ev ?p ?v } }"""
Q_DATES = _PREFIXES + "SELECT ?x ?d WHERE { GRAPH ?g { ?x dcterms:date ?d } }"  # events and statements
# a join of two patterns stays linear; it spares reading every statement's date when not needed
Q_EVENT_DATES = _PREFIXES + """SELECT ?x ?d WHERE { GRAPH ?g {
  VALUES ?cls { tjkg:Agreement tjkg:Investment } ?x a ?cls . ?x dcterms:date ?d } }"""
# A statement's IRI hashes its subject, predicate, object, date, agreement and sentence, so
# those read by statement alone; confidence and qualifiers may differ between announcements.
Q_STATEMENT_SUBJECTS = _PREFIXES + "SELECT ?g ?st ?s WHERE { GRAPH ?g { ?st rdf:subject ?s } }"
Q_STATEMENT_PREDICATES = _PREFIXES + "SELECT ?st ?p WHERE { GRAPH ?g { ?st rdf:predicate ?p } }"
Q_STATEMENT_OBJECTS = _PREFIXES + "SELECT ?st ?o WHERE { GRAPH ?g { ?st rdf:object ?o } }"
Q_STATEMENT_EVIDENCE = _PREFIXES + "SELECT ?st ?ev (LANG(?ev) AS ?lang) WHERE { GRAPH ?g { ?st tjkg:evidence ?ev } }"
Q_STATEMENT_AGREEMENTS = _PREFIXES + "SELECT ?st ?ag WHERE { GRAPH ?g { ?st tjkg:agreement ?ag } }"
Q_STATEMENT_CONFIDENCE = _PREFIXES + "SELECT ?g ?st ?c WHERE { GRAPH ?g { ?st tjkg:confidence ?c } }"
Q_STATEMENT_ROLES = _PREFIXES + "SELECT ?g ?st ?r WHERE { GRAPH ?g { ?st tjkg:role ?r } }"
Q_STATEMENT_SIDES = _PREFIXES + "SELECT ?g ?st ?x WHERE { GRAPH ?g { ?st tjkg:side ?x } }"
_STATEMENT_READS = [Q_STATEMENT_SUBJECTS, Q_STATEMENT_PREDICATES, Q_STATEMENT_OBJECTS, Q_STATEMENT_EVIDENCE,
                    Q_STATEMENT_AGREEMENTS, Q_STATEMENT_CONFIDENCE, Q_STATEMENT_ROLES, Q_STATEMENT_SIDES]
# the roles on an agreement that stand for an MOU fact's subject and object
_MOU_ROLES = {"signedMOUWith": ("party", "party"), "signatoryOf": ("signatory", "party"),
              "witnessOf": ("witness", "party"), "cooperatesIn": ("party", "field")}
_MOU_ROLE_NAMES = frozenset(r for pair in _MOU_ROLES.values() for r in pair)
_EVENT_KINDS = frozenset({*_MOU_ROLES, "investedIn", "facilitatedInvestment"})  # drawn as event edges


def _store_of(kg):
    """The store behind a KnowledgeGraph, or the store itself."""
    store = getattr(kg, "store", kg)
    if not hasattr(store, "select"):
        raise NetworkError(f"not a knowledge graph or store: {type(kg).__name__}")
    return store


def _fetch(store, queries: list[str]) -> list[Iterator[tuple[str | None, ...]]]:
    """The rows of several SELECTs as plain strings (IRIs and lexical forms).

    On the embedded store the queries run at once on two threads (the engine releases the GIL)
    and each answer is serialized as CSV by the engine itself: reading terms one by one from
    Python costs more than the query.
    """
    raw = getattr(store, "raw_query", None)
    if raw is None:
        return [_select_rows(store, q) for q in queries]
    from concurrent.futures import ThreadPoolExecutor

    import pyoxigraph as ox

    def answer(sparql: str) -> bytes:
        return raw(sparql).serialize(format=ox.QueryResultsFormat.CSV)

    pool = ThreadPoolExecutor(max_workers=2, thread_name_prefix="tjkg-network")
    futures = [pool.submit(answer, q) for q in queries]
    pool.shutdown(wait=False)
    return [_csv_rows(f) for f in futures]


def _csv_rows(future) -> Iterator[list[str]]:
    # every query here is one triple pattern, so no variable is ever unbound: an empty field is
    # an empty string (a literal without a language has LANG "")
    data = future.result()
    if b'"' not in data:  # no field is quoted: commas and line ends split it (3x faster)
        lines = data.decode("utf-8").split("\r\n")
        if lines[-1] == "":
            lines.pop()
        yield from (line.split(",") for line in lines[1:])
        return
    reader = csv.reader(io.StringIO(data.decode("utf-8"), newline=""))
    next(reader, None)  # the header
    yield from reader


def _select_rows(store, sparql: str) -> Iterator[tuple[str | None, ...]]:
    for row in store.select(sparql).rows:
        yield tuple(None if t is None else str(t) for t in row)


class _Edge:
    """What is known of one edge while the graph is being built (kept small: there are millions)."""

    __slots__ = ("evidence", "announcements", "extra")

    def __init__(self) -> None:
        self.evidence: list[Evidence] = []
        self.announcements: set[str] = set()
        self.extra: dict[str, set[str]] | None = None  # agreements, roles, for_party, dates

    def add(self, g: str, ev: Evidence | None = None, agreement: str | None = None,
            role: str | None = None, party: str | None = None) -> None:
        self.announcements.add(g)
        if ev is not None:
            self.evidence.append(ev)
        if agreement or role or party:
            extra = self.extra if self.extra is not None else self._extra()
            for key, value in (("agreements", agreement), ("roles", role), ("for_party", party)):
                if value:
                    extra.setdefault(key, set()).add(value)

    def _extra(self) -> dict[str, set[str]]:
        self.extra = {}
        return self.extra

    def add_dates(self, dates: set[str]) -> None:
        if dates:
            (self.extra if self.extra is not None else self._extra()).setdefault("dates", set()).update(dates)

    def has_dates(self) -> bool:
        return any(ev.date for ev in self.evidence)

    def attrs(self, kind: str, published: dict[str, str]) -> dict[str, object]:
        evidence = self.evidence
        if len(evidence) > 1:
            evidence = sorted(dict.fromkeys(evidence), key=lambda e: (
                published.get(e.announcement) or "", e.announcement, e.sentence or ""))
        extra = self.extra
        if len(evidence) == 1 and extra is None:  # most edges: one sentence, nothing else
            e = evidence[0]
            dates = [e.date] if e.date else []
            confidence = e.confidence
        elif not evidence:  # read without evidence
            dates = sorted(extra["dates"]) if extra and "dates" in extra else []
            confidence = None
        else:
            found = {e.date for e in evidence if e.date}
            if extra and "dates" in extra:
                found |= extra["dates"]
            dates = sorted(found)
            confidences = [e.confidence for e in evidence if e.confidence is not None]
            confidence = max(confidences) if confidences else None
        out: dict[str, object] = {
            "kind": kind, "predicate": _PREDICATE_OF[kind], "date": dates[0] if dates else None, "dates": dates,
            "confidence": confidence, "evidence": evidence,
            "announcements": sorted(self.announcements) if len(self.announcements) > 1 else list(self.announcements),
        }
        if extra:
            for key in ("agreements", "roles", "for_party"):
                if key in extra:
                    out[key] = sorted(extra[key])
        return out


def _tail(iri: str) -> str:
    return unquote(iri.rstrip("/").rsplit("/", 1)[-1].rsplit("#", 1)[-1])


def to_networkx(kg, view: str = "agreement", *, evidence: bool = True) -> nx.MultiDiGraph:
    """The graph in ``kg`` (a :class:`graph.kg.KnowledgeGraph` or a store) as a networkx
    MultiDiGraph; see the module documentation for what nodes and edges carry.

    Parameters
    ----------
    kg
        A KnowledgeGraph or any store with ``select`` (embedded or SPARQL server).
    view
        ``"agreement"`` (MOUs and investments as event nodes) or ``"collapsed"`` (party to party).
    evidence
        ``False`` reads the facts themselves instead of their statements: the same nodes and
        edges, several times faster on a large graph (what centrality and communities need),
        but edges carry no ``evidence``, ``confidence``, ``roles`` or ``for_party``, and take
        their dates from their agreement or investment only. One difference in the agreement
        view: a fact one announcement states both as part of an MOU and in a sentence of its
        own is drawn only through the agreement (with evidence, also as a direct edge).
    """
    if view not in VIEWS:
        raise NetworkError(f"unknown view {view!r}: choose one of {', '.join(VIEWS)}")
    store = _store_of(kg)
    # millions of small objects and no cycles among them: the cyclic collector would scan the
    # growing heap again and again (a quarter of the time at 10,000 announcements)
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _to_networkx(store, view, evidence)
    finally:
        if collecting:
            gc.enable()


def _to_networkx(store, view: str, evidence: bool) -> nx.MultiDiGraph:
    agreement_view = view == "agreement"
    # all at once, in the order they are read here: the answers are computed on two threads
    # while the first ones are read
    reads = _fetch(store, [*_ROLE_QUERIES.values(), Q_EVENTS, Q_EVENT_AMOUNTS, Q_DATES if evidence else Q_EVENT_DATES,
                           Q_ANNOUNCEMENTS,
                           Q_ANNOUNCEMENT_FIELDS, *(_STATEMENT_READS if evidence else ()),
                           *_FACT_QUERIES.values(), Q_TYPES, Q_LABELS])
    role_reads = [(p, reads.pop(0)) for p in _ROLE_QUERIES]
    event_rows, amount_rows, date_rows, ann_rows, field_rows = (reads.pop(0) for _ in range(5))
    statement_reads = [reads.pop(0) for _ in _STATEMENT_READS] if evidence else []
    fact_reads = [(p, reads.pop(0)) for p in _FACT_QUERIES]
    type_rows, label_rows = reads

    announcements: dict[str, dict] = {g: {} for g, a in ann_rows if a == g}
    for a, p, value in field_rows:
        meta = announcements.get(a)
        if meta is not None:
            meta.setdefault(_ANNOUNCEMENT_FIELDS[p], value)
    for g, meta in announcements.items():
        announcements[g] = {"id": meta.get("id") or _tail(g), "title": meta.get("title"),
                            "published": meta.get("published"), "url": meta.get("url"),
                            "language": meta.get("language")}

    # events (agreement view only, but their dates label the collapsed edges too)
    events: dict[str, dict] = {}
    for g, ev, cls in event_rows:
        meta = events.setdefault(ev, {"type": _TYPE_OF_CLASS[cls], "dates": set(), "announcements": set()})
        meta["announcements"].add(g)
    for ev, p, value in amount_rows:
        if ev in events:
            events[ev].setdefault(_tail(p), set()).add(value)
    dates: dict[str, str] = {}  # statement -> date
    for x, date in date_rows:
        if x in events:
            events[x]["dates"].add(date)
        elif evidence:
            dates[x] = date
    roles: dict[tuple[str, str, str], set[str]] = {}  # (event, role, entity) -> graphs
    investments: dict[tuple[str, str], list[str]] = {}  # (graph, investor) -> investments
    in_role: dict[tuple[str, str, str], set[str]] = {}  # (graph, role, entity) -> events (facts only)
    for r, rows in role_reads:
        role = _ROLE_OF_PREDICATE[r]
        by_role = not evidence and role in _MOU_ROLE_NAMES
        for g, ev, x in rows:
            found = roles.get((ev, role, x))
            if found is None:
                roles[(ev, role, x)] = {g}
            else:
                found.add(g)
            if role == "investor":
                investments.setdefault((g, x), []).append(ev)
            if by_role:
                found = in_role.get((g, role, x))
                if found is None:
                    in_role[(g, role, x)] = {ev}
                else:
                    found.add(ev)

    edges: dict[tuple[str, str, str], _Edge] = {}
    facts: dict[tuple[str, str, str, str | None], _Edge] = {}  # (node, kind, value, agreement)
    stated: set[tuple[str, str, str, str]] = set()  # (g, s, p, o) facts with a statement

    def edge(u: str, v: str, key: str) -> _Edge:
        found = edges.get((u, v, key))
        if found is None:
            found = edges[(u, v, key)] = _Edge()
        return found

    def fact(node: str, kind: str, value: str, agreement: str | None) -> _Edge:
        found = facts.get((node, kind, value, agreement))
        if found is None:
            found = facts[(node, kind, value, agreement)] = _Edge()
        return found

    for g, s, p, o, ev, ag, role, side in (_statements(statement_reads, dates) if evidence else ()):
        kind = _KIND_OF.get(p)
        if kind is None:
            continue
        stated.add((g, s, p, o))
        if kind in _LITERAL_KINDS:
            fact(s, kind, o, ag).add(g, ev)
            continue
        if agreement_view:
            event_edges = _event_edges(g, s, kind, o, ag if ag in events else None, investments, roles)
            if event_edges:
                for u, v, key in event_edges:
                    party = o if key in ("signatory", "witness") else None
                    edge(u, v, key).add(g, ev, party=party)
                continue
        edge(s, o, kind).add(g, ev, agreement=ag, role=role, party=side if side and side != o else None)

    # the facts themselves: with evidence, those that no statement tells (they become edges
    # without evidence); without, every fact, drawn as its statement would be
    stated_literals = {(s, _KIND_OF[p], o) for _, s, p, o in stated if _KIND_OF[p] in _LITERAL_KINDS}
    for p, rows in fact_reads:
        kind = _KIND_OF[p]
        for g, s, o in rows:
            if stated and (g, s, p, o) in stated:
                continue
            if kind in _LITERAL_KINDS:
                if (s, kind, o) not in stated_literals:
                    fact(s, kind, o, None).add(g)
                continue
            if evidence or kind not in _EVENT_KINDS:
                edge(s, o, kind).add(g)
                continue
            ag = None
            if kind in _MOU_ROLES:  # told as part of an agreement: its roles there say so
                role_s, role_o = _MOU_ROLES[kind]
                of_s = in_role.get((g, role_s, s))
                shared = of_s & in_role.get((g, role_o, o), set()) if of_s else None
                ag = min(shared) if shared else None
            if agreement_view and ag:
                continue  # its edges to the agreement come with the agreement's roles, from g too
            event_edges = _event_edges(g, s, kind, o, ag, investments, roles)
            if agreement_view and event_edges:
                for u, v, key in event_edges:
                    edge(u, v, key).add(g)
                continue
            found = edge(s, o, kind)
            found.add(g, agreement=ag)
            if kind == "investedIn":  # dated by its investment, as an agreement's facts are by it
                for u, v, _ in event_edges:
                    if u in events:
                        found.add_dates(events[u]["dates"])

    if agreement_view:
        for (ev, role, x), graphs in roles.items():
            u, v = (ev, x) if role in ("field", "investmentTarget") else (x, ev)
            edge(u, v, role).announcements.update(graphs)

    return _assemble(view, announcements, events, edges, facts, type_rows, label_rows)


def _statements(reads: list[Iterator], dates: dict[str, str]) -> Iterator[tuple]:
    """``(g, s, p, o, evidence, agreement, role, side)`` for every statement, joined from the
    answers of ``_STATEMENT_READS`` (in that order) and the statement dates."""
    subjects, predicates, objects, sentences, agreements, confidences, role_rows, side_rows = reads
    predicate = dict(predicates)
    obj = dict(objects)
    agreement = dict(agreements)
    texts: dict[str, str] = {}  # one string per sentence, however many facts it states
    sentence = {st: (texts.setdefault(text, text), canonical_lang(lang) or None) for st, text, lang in sentences}
    confidence = {(g, st): float(c) for g, st, c in confidences}
    role = {(g, st): r for g, st, r in role_rows}
    side = {(g, st): x for g, st, x in side_rows}
    for g, st, s in subjects:
        p = predicate.get(st)
        if p is None or p not in _KIND_OF:
            continue
        text, lang = sentence.get(st, (None, None))
        ev = Evidence(g, text, lang, confidence.get((g, st)), dates.get(st))
        yield g, s, p, obj.get(st), ev, agreement.get(st), role.get((g, st)), side.get((g, st))


def _event_edges(g: str, s: str, kind: str, o: str, ag: str | None,
                 investments: dict[tuple[str, str], list[str]],
                 roles: dict[tuple[str, str, str], set[str]]) -> list[tuple[str, str, str]]:
    """The event edges of the agreement view that a stated fact supports (empty: none).

    ``ag`` is the fact's agreement, if the store holds that agreement's node."""
    if ag:
        if kind == "signedMOUWith":
            return [(s, ag, "party"), (o, ag, "party")]
        if kind in ("signatoryOf", "witnessOf"):
            key = "signatory" if kind == "signatoryOf" else "witness"
            return [(s, ag, key), (o, ag, "party")]
        if kind == "cooperatesIn":
            return [(s, ag, "party"), (ag, o, "field")]
    if kind == "investedIn":
        return [e for inv in investments.get((g, s), ()) if (inv, "investmentTarget", o) in roles
                for e in ((s, inv, "investor"), (inv, o, "investmentTarget"))]
    if kind == "facilitatedInvestment":
        return [(s, inv, "facilitator") for inv in investments.get((g, o), ()) if (inv, "facilitator", s) in roles]
    return []


def _assemble(view: str, announcements: dict[str, dict], events: dict[str, dict],
              edges: dict[tuple[str, str, str], _Edge],
              facts: dict[tuple[str, str, str, str | None], _Edge], type_rows, label_rows) -> nx.MultiDiGraph:
    """Nodes (typed entities, event nodes, every edge end) and edges, added in sorted order.

    An edge whose sentences give no date takes the date of its agreement or event.
    """
    types: dict[str, list[str]] = {}
    for e, t in type_rows:
        name = _TYPE_OF_CLASS[t]
        if name in EVENT_TYPES:
            continue
        found = types.setdefault(e, [])
        if name not in found:
            found.append(name)
    labels: dict[str, dict[str, list[str]]] = {}
    alt: dict[str, dict[str, list[str]]] = {}
    lang_cache: dict[str, str] = {}
    rdfs_label = str(RDFS.label)
    for e, p, text, lang in label_rows:
        tag = lang_cache.get(lang)
        if tag is None:
            tag = lang_cache[lang] = canonical_lang(lang) or ""
        target = labels if p == rdfs_label else alt
        values = target.setdefault(e, {}).setdefault(tag, [])
        if text not in values:
            values.append(text)

    published = {g: meta.get("published") or "" for g, meta in announcements.items()}
    shown_events = events if view == "agreement" else {}
    nodes: set[str] = set(types) | set(shown_events)
    for u, v, _ in edges:
        nodes.add(u)
        nodes.add(v)
    node_facts: dict[str, list[dict]] = {}
    for (node, kind, value, agreement), acc in sorted(facts.items(), key=lambda kv: (kv[0][:3], kv[0][3] or "")):
        attrs = acc.attrs(kind, published)
        attrs.update(value=value, agreement=agreement)
        node_facts.setdefault(node, []).append(attrs)
    nodes.update(node_facts)
    G = nx.MultiDiGraph(view=view, announcements=announcements)
    rank = {t: i for i, t in enumerate(ENTITY_TYPES)}
    node_rows = []
    for node in sorted(nodes):
        if node in shown_events:
            attrs = _event_attrs(events[node])
        else:
            merged = {tag: list(values) for tag, values in labels.get(node, {}).items()}
            for tag, values in alt.get(node, {}).items():
                bucket = merged.setdefault(tag, [])
                bucket.extend(v for v in values if v not in bucket)
            found = types.get(node) or ["Other"]
            if len(found) > 1:
                found = sorted(found, key=lambda t: rank.get(t, len(rank)))
            attrs = {"type": found[0], "labels": dict(sorted(merged.items())) if len(merged) > 1 else merged}
            if len(found) > 1:
                attrs["types"] = found
            attrs["label"] = label_of(attrs) or _tail(node)
        if node in node_facts:
            attrs["facts"] = node_facts[node]
        node_rows.append((node, attrs))
    G.add_nodes_from(node_rows)
    event_dates = {ev: sorted(meta["dates"]) for ev, meta in events.items() if meta["dates"]}

    def edge_rows() -> Iterator[tuple[str, str, str, dict]]:
        for (u, v, key), acc in sorted(edges.items()):
            attrs = acc.attrs(key, published)
            if not acc.has_dates():  # no sentence gives a date: its agreement's or event's
                agreements = acc.extra.get("agreements", ()) if acc.extra else ()
                found = [event_dates[e] for e in ((*agreements, u, v) if agreements else (u, v)) if e in event_dates]
                if found:
                    dates = sorted(set(attrs["dates"]).union(*found)) if attrs["dates"] or len(found) > 1 \
                        else list(found[0])
                    attrs["dates"], attrs["date"] = dates, dates[0]
            yield u, v, key, attrs

    _add_edges(G, edge_rows())
    return G


def _add_edges(G: nx.MultiDiGraph, rows: Iterable[tuple[str, str, str, dict]]) -> None:
    """Add keyed edges between existing nodes, in bulk.

    Writes networkx's adjacency dicts directly (``_succ``/``_pred``, the layout every
    MultiDiGraph has had since networkx 2.0): ``add_edges_from`` spends most of its time
    building views, 2.5x slower on a million edges.
    """
    succ, pred = G._succ, G._pred
    for u, v, key, attrs in rows:
        keydict = succ[u].get(v)
        if keydict is None:
            keydict = succ[u][v] = pred[v][u] = G.edge_key_dict_factory()
        keydict[key] = attrs
    getattr(G, "__networkx_cache__", {}).clear()


def _event_attrs(meta: dict) -> dict[str, object]:
    dates = sorted(meta["dates"])
    date = dates[0] if dates else None
    names = _EVENT_NAMES[meta["type"]]
    attrs: dict[str, object] = {
        "type": meta["type"], "date": date, "dates": dates, "announcements": sorted(meta["announcements"]),
        "labels": {tag: [f"{name} {date}" if date else name] for tag, name in names.items()},
    }
    for key in ("amount", "stake"):
        if meta.get(key):
            attrs[key] = sorted(meta[key])
    attrs["label"] = attrs["labels"]["en"][0]
    return attrs

