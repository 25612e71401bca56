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
_VALUES_FACTS = " ".join(f"<{p}>" for p in _KIND_OF)
_VALUES_ROLES = " ".join(f"<{p}>" for p in EVENT_ROLES.values())

Q_TYPES = _PREFIXES + f"SELECT ?e ?t WHERE {{ GRAPH ?g {{ VALUES ?t {{ {_VALUES_TYPES} }} ?e a ?t }} }}"
Q_LABELS = _PREFIXES + """SELECT ?e ?p ?l (LANG(?l) AS ?lang) WHERE {
  GRAPH ?g { VALUES ?p { rdfs:label skos:altLabel } ?e ?p ?l } }"""
Q_ANNOUNCEMENTS = _PREFIXES + """SELECT ?g ?id ?title ?published ?url ?lang WHERE { GRAPH ?g {
  ?g a tjkg:Announcement .
  OPTIONAL { ?g dcterms:identifier ?id } OPTIONAL { ?g schema:headline ?title }
  OPTIONAL { ?g schema:datePublished ?published } OPTIONAL { ?g schema:url ?url }
  OPTIONAL { ?g schema:inLanguage ?lang } } }"""
Q_FACTS = _PREFIXES + f"SELECT ?g ?s ?p ?o WHERE {{ GRAPH ?g {{ VALUES ?p {{ {_VALUES_FACTS} }} ?s ?p ?o }} }}"
Q_STATEMENTS = _PREFIXES + """SELECT ?g ?s ?p ?o ?ev (LANG(?ev) AS ?evlang) ?conf ?date ?ag ?role ?side WHERE {
  GRAPH ?g { ?st rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o .
    OPTIONAL { ?st tjkg:evidence ?ev } OPTIONAL { ?st tjkg:confidence ?conf }
    OPTIONAL { ?st dcterms:date ?date } OPTIONAL { ?st tjkg:agreement ?ag }
    OPTIONAL { ?st tjkg:role ?role } OPTIONAL { ?st tjkg:side ?side } } }"""
Q_EVENTS = _PREFIXES + """SELECT ?g ?ev ?cls ?date ?amount ?stake WHERE { GRAPH ?g {
  VALUES ?cls { tjkg:Agreement tjkg:Investment } ?ev a ?cls .
  OPTIONAL { ?ev dcterms:date ?date } OPTIONAL { ?ev tjkg:amount ?amount } OPTIONAL { ?ev tjkg:stake ?stake } } }"""
Q_EVENT_ROLES = _PREFIXES + f"SELECT ?g ?ev ?r ?x WHERE {{ GRAPH ?g {{ VALUES ?r {{ {_VALUES_ROLES} }} ?ev ?r ?x }} }}"


def _store_of(kg):
    """The store behind a KnowledgeGraph, or the store itself."""
    store = getattr(kg, "store", kg)
    if not hasattr(store, "select"):
        raise NetworkError(f"not a knowledge graph or store: {type(kg).__name__}")
    return store


def _rows(store, sparql: str) -> Iterator[tuple[str | None, ...]]:
    """Rows of a SELECT as plain strings (IRIs and lexical forms), ``None`` where unbound.

    The embedded store is read through pyoxigraph directly, without building rdflib terms.
    """
    raw = getattr(store, "raw_query", None)
    if raw is not None:
        for solution in raw(sparql):
            yield tuple(None if t is None else t.value for t in solution)
        return
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


def _evidence_of(row: tuple, cache: dict[str, str]) -> Evidence:
    g, _, _, _, sentence, evlang, conf, date = row[:8]
    if sentence is not None:
        sentence = cache.setdefault(sentence, sentence)  # one string per sentence, however many facts
    return Evidence(g, sentence, canonical_lang(evlang) or None, float(conf) if conf is not None else None, date)


def _tail(iri: str) -> str:
    return unquote(iri.rstrip("/").rsplit("/", 1)[-1].rsplit("#", 1)[-1])


def to_networkx(kg, view: str = "agreement") -> nx.MultiDiGraph:
    """The graph in ``kg`` (a :class:`graph.kg.KnowledgeGraph` or a store) as a networkx
    MultiDiGraph; see the module documentation for what nodes and edges carry.

    Parameters
    ----------
    kg
        A KnowledgeGraph or any store with ``select`` (embedded or SPARQL server).
    view
        ``"agreement"`` (MOUs and investments as event nodes) or ``"collapsed"`` (party to party).
    """
    if view not in VIEWS:
        raise NetworkError(f"unknown view {view!r}: choose one of {', '.join(VIEWS)}")
    store = _store_of(kg)

    announcements: dict[str, dict] = {}
    for g, aid, title, published, url, lang in _rows(store, Q_ANNOUNCEMENTS):
        announcements.setdefault(g, {"id": aid or _tail(g), "title": title, "published": published, "url": url,
                                     "language": lang})

    # events (agreement view only, but their dates label the collapsed edges too)
    events: dict[str, dict] = {}
    for g, ev, cls, date, amount, stake in _rows(store, Q_EVENTS):
        meta = events.setdefault(ev, {"type": _TYPE_OF_CLASS[cls], "dates": set(), "announcements": set()})
        meta["announcements"].add(g)
        if date:
            meta["dates"].add(date)
        for key, value in (("amount", amount), ("stake", stake)):
            if value:
                meta.setdefault(key, set()).add(value)
    roles: dict[tuple[str, str, str], set[str]] = {}  # (event, role, entity) -> graphs
    investments: dict[tuple[str, str], list[str]] = {}  # (graph, investor) -> investments
    for g, ev, r, x in _rows(store, Q_EVENT_ROLES):
        role = _ROLE_OF_PREDICATE[r]
        roles.setdefault((ev, role, x), set()).add(g)
        if role == "investor":
            investments.setdefault((g, x), []).append(ev)

    edges: dict[tuple[str, str, str], _Edge] = {}
    facts: dict[tuple[str, str, str, str | None], _Edge] = {}  # (node, kind, value, agreement)
    covered: set[tuple[str, str, str, str]] = set()  # (g, s, kind, o) facts drawn as event edges
    stated: set[tuple[str, str, str]] = set()  # (s, kind, value) literal facts with a statement
    agreement_view = view == "agreement"

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

    sentences: dict[str, str] = {}
    for row in _rows(store, Q_STATEMENTS):
        g, s, p, o = row[:4]
        ag, role, side = row[8:]
        kind = _KIND_OF.get(p)
        if kind is None:
            continue
        ev = _evidence_of(row, sentences)
        if kind in _LITERAL_KINDS:
            fact(s, kind, o, ag).add(g, ev)
            stated.add((s, kind, o))
            continue
        if agreement_view:
            event_edges = _event_edges(g, s, kind, o, ag if ag in events else None, investments, roles)
            if event_edges:
                covered.add((g, s, kind, o))
                for u, v, key in event_edges:
                    party = o if key in ("signatory", "witness") else None
                    edge(u, v, key).add(g, ev, party=party)
                continue
        edge(s, o, kind).add(g, ev, agreement=ag, role=role, party=side if side and side != o else None)

    # direct triples: those without a statement node still become edges, without evidence
    for g, s, p, o in _rows(store, Q_FACTS):
        kind = _KIND_OF[p]
        if kind in _LITERAL_KINDS:
            if (s, kind, o) not in stated:
                fact(s, kind, o, None).add(g)
            continue
        if (g, s, kind, o) in covered:
            continue
        edge(s, o, kind).add(g)

    if agreement_view:
        for (ev, role, x), graphs in roles.items():
            u, v = (ev, x) if role in ("field", "investmentTarget") else (x, ev)
            found = edge(u, v, role)
            for g in graphs:
                found.add(g)

    return _assemble(store, view, announcements, events, edges, facts)


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


def _assemble(store, view: str, announcements: dict[str, dict], events: dict[str, dict],
              edges: dict[tuple[str, str, str], _Edge],
              facts: dict[tuple[str, str, str, str | None], _Edge]) -> nx.MultiDiGraph:
    """Nodes (typed entities, event nodes, every edge end) and edges, added in sorted order.

    An edge whose sentences give no date takes the date of its agreement or event.
    """
    types: dict[str, list[str]] = {}
    for e, t in _rows(store, Q_TYPES):
        name = _TYPE_OF_CLASS[t]
        if name in EVENT_TYPES:
            continue
        found = types.setdefault(e, [])
        if name not in found:
            found.append(name)
    labels: dict[str, dict[str, list[str]]] = {}
    alt: dict[str, dict[str, list[str]]] = {}
    lang_cache: dict[str, str] = {}
    for e, p, text, lang in _rows(store, Q_LABELS):
        tag = lang_cache.get(lang)
        if tag is None:
            tag = lang_cache[lang] = canonical_lang(lang) or ""
        target = labels if p == str(RDFS.label) else alt
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
    for (u, v, _), acc in edges.items():
        if not acc.has_dates():
            for ev in (*(acc.extra or {}).get("agreements", ()), u, v):
                if ev in events:
                    acc.add_dates(events[ev]["dates"])

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
    _add_edges(G, ((u, v, key, acc.attrs(key, published)) for (u, v, key), acc in sorted(edges.items())))
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

