"""Network analysis of the graph from :func:`graph.network.to_networkx`.

Every function takes the graph first and the same keywords: ``top=`` (how many rows),
``seed=`` (everything random is seeded), ``lang=`` (``en``, ``zh``, ``ja``: the labels shown).
Tables come back as pandas DataFrames with tidy columns; nodes are named by IRI (``node``)
and by label (``label``).

The metrics see the graph as undirected, counting parallel edges as weight: a tie is a tie
whichever way the sentence states it. Event nodes (agreements, investments) take part in the
computation but are not listed: in the agreement view two parties are two steps apart, through
their agreement.

Examples
--------
>>> import networkx as nx
>>> G = nx.MultiDiGraph()
>>> G.add_node("a", type="Agency", labels={"en": ["TJPO"]})
>>> G.add_node("b", type="Prefecture", labels={"en": ["Osaka"], "ja": ["大阪府"]})
>>> G.add_node("c", type="Prefecture", labels={"en": ["Kumamoto"]})
>>> G.add_edge("a", "b", key="signedMOUWith", date="2019-10-03")
'signedMOUWith'
>>> G.add_edge("a", "c", key="signedMOUWith", date="2017-05-01")
'signedMOUWith'
>>> centralities(G, kind="degree", by_type=False, lang="ja")[["label", "score"]].values.tolist()
[['TJPO', 1.0], ['Kumamoto', 0.5], ['大阪府', 0.5]]
"""
from __future__ import annotations

import itertools
import logging
import random
from collections import Counter, deque
from collections.abc import Iterable
from dataclasses import dataclass

import networkx as nx
import numpy as np
import pandas as pd

from .network import Evidence, NetworkError, find_node, is_event, label_of
from .normalize import name_key

__all__ = [
    "CENTRALITIES", "scores", "centralities", "communities", "sides", "brokers", "Tie", "Hop",
    "shortest_paths", "paths_frame", "ego", "prune_events", "timeline", "partner_industry", "undirected",
]

log = logging.getLogger(__name__)

CENTRALITIES = ("pagerank", "degree", "betweenness")
_EXACT_BETWEENNESS = 2000  # nodes; above this, betweenness samples 500 sources unless k= says otherwise
_SAMPLED_SOURCES = 500


# ---- projections ---------------------------------------------------------------------------

def undirected(G: nx.MultiDiGraph) -> nx.Graph:
    """The simple undirected graph under ``G``: one edge per tied pair, ``weight`` = how many
    edges (of any kind, either way) tie them.

    >>> G = nx.MultiDiGraph([("a", "b", "x"), ("b", "a", "y"), ("b", "c", "x")])
    >>> sorted(undirected(G).edges(data="weight"))
    [('a', 'b', 2), ('b', 'c', 1)]
    """
    weights = Counter((u, v) if u <= v else (v, u) for u, v in G.edges())
    H = nx.Graph()
    H.add_nodes_from(G)
    H.add_weighted_edges_from((u, v, w) for (u, v), w in weights.items())
    return H


def _pagerank(G: nx.MultiDiGraph, alpha: float = 0.85, tol: float = 1.0e-10, max_iter: int = 200) -> dict:
    """PageRank of the undirected multigraph, by power iteration over edge arrays (numpy only:
    networkx's own pagerank needs scipy). Equal to ``nx.pagerank(G.to_undirected())``."""
    nodes = list(G)
    n = len(nodes)
    if n == 0:
        return {}
    index = {node: i for i, node in enumerate(nodes)}
    m = G.number_of_edges()
    src = np.fromiter((index[u] for u, _ in G.edges()), dtype=np.int64, count=m)
    dst = np.fromiter((index[v] for _, v in G.edges()), dtype=np.int64, count=m)
    loops = src == dst
    s = np.concatenate([src, dst[~loops]])  # a self-loop counts once each way, as in networkx
    d = np.concatenate([dst, src[~loops]])
    out = np.bincount(s, minlength=n).astype(float)
    dangling = out == 0
    weight = np.divide(1.0, out, out=np.zeros(n), where=~dangling)
    rank = np.full(n, 1.0 / n)
    for _ in range(max_iter):
        spread = np.bincount(d, weights=(rank * weight)[s], minlength=n)
        new = alpha * (spread + rank[dangling].sum() / n) + (1.0 - alpha) / n
        converged = np.abs(new - rank).sum() < n * tol
        rank = new
        if converged:
            break
    return dict(zip(nodes, rank.tolist()))


def scores(G: nx.MultiDiGraph, kind: str = "pagerank", *, seed: int = 0, k: int | None = None) -> dict:
    """One centrality for every node (events included), as a dict node -> score.

    ``pagerank`` (undirected, parallel edges as weight), ``degree`` (distinct neighbours over
    n - 1) or ``betweenness`` (exact up to 2,000 nodes, else ``k`` = 500 sampled sources,
    seeded; pass ``k`` to choose).

    >>> G = nx.MultiDiGraph([("a", "b"), ("b", "c")])
    >>> scores(G, "degree")
    {'a': 0.5, 'b': 1.0, 'c': 0.5}
    """
    if kind not in CENTRALITIES:
        raise NetworkError(f"unknown centrality {kind!r}: choose one of {', '.join(CENTRALITIES)}")
    n = G.number_of_nodes()
    if kind == "pagerank":
        return _pagerank(G)
    if kind == "degree":
        scale = 1.0 / (n - 1) if n > 1 else 1.0
        return {v: len(set(G._succ[v]) | set(G._pred[v])) * scale for v in G}
    if k is None and n > _EXACT_BETWEENNESS:
        k = _SAMPLED_SOURCES
        log.info("betweenness: %d nodes, sampling %d sources (seed %d)", n, k, seed)
    return nx.betweenness_centrality(undirected(G), k=min(k, n) if k else None, seed=seed)


def _entity_frame(G: nx.MultiDiGraph, values: dict, lang: str, column: str = "score") -> pd.DataFrame:
    rows = [(node, label_of(attrs, lang), attrs.get("type", "Other"), values[node])
            for node, attrs in G.nodes(data=True) if not is_event(attrs)]
    return pd.DataFrame(rows, columns=["node", "label", "type", column])


def centralities(G: nx.MultiDiGraph, *, kind: str = "pagerank", by_type: bool = True, top: int | None = 20,
                 seed: int = 0, k: int | None = None, lang: str = "en") -> pd.DataFrame:
    """The most central entities: columns ``type, rank, node, label, score``.

    With ``by_type`` the ``top`` of each entity type (ranks within the type), else the ``top``
    overall; ties are broken by label. ``kind`` and ``k`` as in :func:`scores`.
    """
    frame = _entity_frame(G, scores(G, kind, seed=seed, k=k), lang)
    frame = frame.sort_values(["score", "label", "node"], ascending=[False, True, True], kind="stable")
    if by_type:
        frame = frame.sort_values("type", kind="stable")
        frame["rank"] = frame.groupby("type").cumcount() + 1
    else:
        frame["rank"] = np.arange(1, len(frame) + 1)
    if top is not None:
        frame = frame[frame["rank"] <= top]
    frame = frame[["type", "rank", "node", "label", "score"]].reset_index(drop=True)
    frame.attrs["kind"] = kind
    return frame


def communities(G: nx.MultiDiGraph, *, seed: int = 0, resolution: float = 1.0, top: int | None = 20,
                lang: str = "en") -> pd.DataFrame:
    """Louvain communities (networkx, seeded) of the undirected weighted graph.

    One row per entity: ``community`` (1 = the largest), ``size`` (entities in it), ``node``,
    ``label``, ``type``; only the ``top`` largest communities. Event nodes take part but are
    neither listed nor counted.
    """
    H = undirected(G)
    found = nx.community.louvain_communities(H, weight="weight", resolution=resolution, seed=seed)
    groups = []
    for members in found:
        entities = sorted(m for m in members if not is_event(G.nodes[m]))
        if entities:
            groups.append(entities)
    groups.sort(key=lambda g: (-len(g), g[0]))
    if top is not None:
        groups = groups[:top]
    rows = [(i, len(members), node, label_of(G.nodes[node], lang), G.nodes[node].get("type", "Other"))
            for i, members in enumerate(groups, start=1) for node in members]
    frame = pd.DataFrame(rows, columns=["community", "size", "node", "label", "type"])
    return frame.sort_values(["community", "type", "label"], kind="stable").reset_index(drop=True)


# ---- the Taiwanese and the Japanese side -----------------------------------------------------

_COUNTRY_NAMES = {name_key(n): side for n, side in (
    ("Taiwan", "TW"), ("臺灣", "TW"), ("Republic of China", "TW"), ("中華民國", "TW"),
    ("Japan", "JP"), ("日本", "JP"), ("日本国", "JP"))}
_EXCHANGES = {"twse": "TW", "tpex": "TW", "tse": "JP"}
_SIDE_EDGES = ("locatedIn", "partOf", "holdsPosition", "signatoryOf")
_NOT_ACTORS = frozenset({"Industry", "Country", "Region"})


def _gazetteer_side(entry, gaz) -> str | None:
    for e in (entry, *gaz.ancestors(entry.id)):
        for scheme, code in e.codes:
            if scheme in ("iso3166_1", "iso3166_2") and code[:2] in ("TW", "JP"):
                return code[:2]
            if scheme in _EXCHANGES:
                return _EXCHANGES[scheme]
        if e.type == "Prefecture":
            return "JP"
    return None


def _default_gazetteer():
    from .errors import TjkgError
    from .gazetteer import Gazetteer

    try:
        return Gazetteer.load()
    except TjkgError as e:
        log.warning("sides: gazetteer not used (%s)", e)
        return None


def sides(G: nx.MultiDiGraph, *, gazetteer=None) -> dict[str, str]:
    """Which entities are Taiwanese (``"TW"``) and which Japanese (``"JP"``).

    The rule, first match wins:

    1. the gazetteer entry of the entity (its IRI is ``entity_iri(id)``) or of a parent of it
       has an ISO 3166 code starting ``TW``/``JP``, or a stock code of a Taiwanese (``twse``,
       ``tpex``) or Japanese (``tse``) exchange, or is a Prefecture;
    2. a Country node named Taiwan/Japan (any language); any Prefecture node (Japanese by
       definition of the type);
    3. then, repeatedly, an entity takes the one side of the entities it is ``locatedIn``,
       ``partOf``, ``holdsPosition`` at, or signs for (``signatoryOf``, or ``for_party`` of a
       ``signatory`` edge); two different sides there leave it undecided.

    ``gazetteer``: a :class:`graph.gazetteer.Gazetteer`; ``None`` loads the default one (and
    goes on without it if it cannot be read); ``False`` uses none.
    Entities with no side are left out of the result.

    >>> G = nx.MultiDiGraph()
    >>> G.add_node("jp", type="Country", labels={"ja": ["日本"]})
    >>> G.add_node("x", type="City", labels={"en": ["Kobe"]})
    >>> G.add_edge("x", "jp", key="locatedIn")
    'locatedIn'
    >>> sides(G, gazetteer=False)
    {'jp': 'JP', 'x': 'JP'}
    """
    from .ids import entity_iri

    gaz = _default_gazetteer() if gazetteer is None else (gazetteer or None)
    prefix = entity_iri("")
    side: dict[str, str] = {}
    for node, attrs in G.nodes(data=True):
        if is_event(attrs):
            continue
        entry = gaz.get(node[len(prefix):]) if gaz is not None and node.startswith(prefix) else None
        found = _gazetteer_side(entry, gaz) if entry is not None else None
        if found is None and attrs.get("type") == "Country":
            names = [t for values in (attrs.get("labels") or {}).values() for t in values]
            found = next((_COUNTRY_NAMES[k] for k in map(name_key, names) if k in _COUNTRY_NAMES), None)
        if found is None and attrs.get("type") == "Prefecture":
            found = "JP"
        if found:
            side[node] = found
    for _ in range(6):
        changed = False
        for node, attrs in G.nodes(data=True):
            if node in side or is_event(attrs):
                continue
            votes = {side[t] for _, t, key in G.out_edges(node, keys=True) if key in _SIDE_EDGES and t in side}
            for _, _, data in G.out_edges(node, data=True):
                if data.get("kind") == "signatory":
                    votes.update(side[p] for p in data.get("for_party", ()) if p in side)
            if len(votes) == 1:
                side[node] = votes.pop()
                changed = True
        if not changed:
            break
    return side


def _partners(G: nx.MultiDiGraph, node: str) -> set[str]:
    """The entities tied to ``node``, directly or through an event node."""
    out: set[str] = set()
    for other in itertools.chain(G._succ[node], G._pred[node]):
        if is_event(G.nodes[other]):
            out.update(x for x in itertools.chain(G._succ[other], G._pred[other]) if x != node)
        else:
            out.add(other)
    out.discard(node)
    return out


def brokers(G: nx.MultiDiGraph, *, top: int | None = 20, seed: int = 0, k: int | None = None,
            lang: str = "en", gazetteer=None) -> pd.DataFrame:
    """Entities that bridge the Taiwanese and the Japanese side.

    The score of an entity is its betweenness between the two sides: the share of shortest
    paths from a Taiwanese to a Japanese entity that pass through it (networkx
    ``betweenness_centrality_subset`` on the undirected graph, unnormalized). Only actors
    count, on the paths and in the list: industries, countries and regions are left out (two
    bodies are not tied by both naming "food", or both being in Japan). Sides come from
    :func:`sides`. Above 1,000 Taiwanese entities, ``k`` of them (default 1,000, seeded) serve
    as path sources. Columns: ``rank, node, label, type, side, score, tw_partners,
    jp_partners``; only entities with a score above zero.
    """
    side = sides(G, gazetteer=gazetteer)
    actors = G.subgraph([n for n, a in G.nodes(data=True) if a.get("type") not in _NOT_ACTORS])
    tw = sorted(n for n, s in side.items() if s == "TW" and n in actors)
    jp = sorted(n for n, s in side.items() if s == "JP" and n in actors)
    columns = ["rank", "node", "label", "type", "side", "score", "tw_partners", "jp_partners"]
    if not tw or not jp:
        log.warning("brokers: %d Taiwanese and %d Japanese entities; no bridge to find", len(tw), len(jp))
        return pd.DataFrame([], columns=columns)
    limit = k if k is not None else 1000
    if len(tw) > limit:
        tw = sorted(random.Random(seed).sample(tw, limit))
    between = nx.betweenness_centrality_subset(undirected(actors), sources=tw, targets=jp, normalized=False)
    rows = []
    for node, score in between.items():
        attrs = G.nodes[node]
        if score <= 0 or is_event(attrs):
            continue
        partners = _partners(G, node)
        rows.append((node, label_of(attrs, lang), attrs.get("type", "Other"), side.get(node), round(float(score), 6),
                     sum(side.get(p) == "TW" for p in partners), sum(side.get(p) == "JP" for p in partners)))
    rows.sort(key=lambda r: (-r[4], r[1], r[0]))
    if top is not None:
        rows = rows[:top]
    return pd.DataFrame([(i, *r) for i, r in enumerate(rows, start=1)], columns=columns)


# ---- paths and neighbourhoods --------------------------------------------------------------

@dataclass(frozen=True)
class Tie:
    """One edge of a hop: its kind, whether it runs from the hop's source to its target, its
    date and confidence, and the evidence for it."""

    kind: str
    forward: bool
    date: str | None
    confidence: float | None
    evidence: tuple[Evidence, ...]

    def as_dict(self) -> dict[str, object]:
        return {"kind": self.kind, "forward": self.forward, "date": self.date, "confidence": self.confidence,
                "evidence": [e.as_dict() for e in self.evidence]}


@dataclass(frozen=True)
class Hop:
    """One step of a path: from ``source`` to ``target`` (IRIs and labels), by every tie
    between the two."""

    source: str
    target: str
    source_label: str
    target_label: str
    ties: tuple[Tie, ...]

    def as_dict(self) -> dict[str, object]:
        return {"source": self.source, "target": self.target, "source_label": self.source_label,
                "target_label": self.target_label, "ties": [t.as_dict() for t in self.ties]}


def _hop(G: nx.MultiDiGraph, a: str, b: str, lang: str) -> Hop:
    ties = []
    for u, v, forward in ((a, b, True), (b, a, False)):
        for key, data in (G._succ[u].get(v) or {}).items():
            ties.append(Tie(data.get("kind", key), forward, data.get("date"), data.get("confidence"),
                            tuple(data.get("evidence") or ())))
    return Hop(a, b, label_of(G.nodes[a], lang), label_of(G.nodes[b], lang), tuple(ties))


def shortest_paths(G: nx.MultiDiGraph, source: str, target: str, *, max_paths: int = 3,
                   lang: str = "en") -> list[tuple[Hop, ...]]:
    """Up to ``max_paths`` shortest connections between two entities (names in any language,
    or IRIs), edges taken either way; each hop carries every tie between its two ends with
    the evidence. An empty list when they are not connected.

    >>> G = nx.MultiDiGraph()
    >>> G.add_edge("a", "b", key="signedMOUWith", kind="signedMOUWith", date="2019-10-03")
    'signedMOUWith'
    >>> G.add_edge("c", "b", key="holdsPosition", kind="holdsPosition")
    'holdsPosition'
    >>> [(h.source, h.target, h.ties[0].kind, h.ties[0].forward) for h in shortest_paths(G, "a", "c")[0]]
    [('a', 'b', 'signedMOUWith', True), ('b', 'c', 'holdsPosition', False)]
    """
    if max_paths < 1:
        raise NetworkError(f"max_paths must be at least 1, not {max_paths}")
    a, b = find_node(G, source), find_node(G, target)
    if a == b:
        raise NetworkError(f"{source!r} and {target!r} name the same entity")
    H = undirected(G)
    try:
        found = list(itertools.islice(nx.all_shortest_paths(H, a, b), max_paths))
    except nx.NetworkXNoPath:
        return []
    return [tuple(_hop(G, x, y, lang) for x, y in itertools.pairwise(path)) for path in found]


def paths_frame(paths: Iterable[tuple[Hop, ...]], *, announcements: dict | None = None) -> pd.DataFrame:
    """Paths as a table, one row per piece of evidence of each tie of each hop:
    ``path, hop, source_label, relation, target_label, date, sentence, announcement``.

    ``relation`` reads ``kind →`` or ``← kind`` (the direction of the stated fact);
    ``announcement`` is the announcement's id when ``announcements`` (``G.graph
    ["announcements"]``) is given, else its IRI.
    """
    meta = announcements or {}
    rows = []
    for p, path in enumerate(paths, start=1):
        for h, hop in enumerate(path, start=1):
            for tie in hop.ties:
                relation = f"{tie.kind} →" if tie.forward else f"← {tie.kind}"
                for ev in tie.evidence or (None,):
                    source = None if ev is None else meta.get(ev.announcement, {}).get("id", ev.announcement)
                    rows.append((p, h, hop.source_label, relation, hop.target_label, tie.date,
                                 None if ev is None else ev.sentence, source))
    return pd.DataFrame(rows, columns=["path", "hop", "source_label", "relation", "target_label", "date",
                                       "sentence", "announcement"])


def ego(G: nx.MultiDiGraph, node: str, *, hops: int = 1) -> nx.MultiDiGraph:
    """The neighbourhood of an entity (name or IRI) within ``hops`` steps, edges either way.

    Passing through an event node costs no step: with ``hops=1`` in the agreement view one
    sees the entity, its agreements and investments, and the entities on the other side of
    them; an event that ties fewer than two of the entities shown is left out. Returns a copy
    (with ``G.graph``).

    >>> G = nx.MultiDiGraph([("a", "m"), ("b", "m"), ("b", "c")])
    >>> G.nodes["m"]["type"] = "Agreement"
    >>> sorted(ego(G, "a", hops=1)), sorted(ego(G, "a", hops=0))
    (['a', 'b', 'm'], ['a'])
    """
    if hops < 0:
        raise NetworkError(f"hops must be 0 or more, not {hops}")
    start = find_node(G, node)
    dist = {start: 0}
    todo: deque[str] = deque([start])
    while todo:  # 0-1 breadth-first search: entering an event node is free
        here = todo.popleft()
        for there in itertools.chain(G._succ[here], G._pred[here]):
            step = 0 if is_event(G.nodes[there]) else 1
            d = dist[here] + step
            if d <= hops and d < dist.get(there, hops + 1):
                dist[there] = d
                (todo.appendleft if step == 0 else todo.append)(there)
    return G.subgraph(prune_events(G, dist, keep=start)).copy()


def prune_events(G: nx.MultiDiGraph, nodes: Iterable[str], *, keep: str | None = None) -> list[str]:
    """``nodes`` without the event nodes that tie fewer than two of them (an agreement whose
    other parties are left out says nothing); ``keep`` is never dropped.

    >>> G = nx.MultiDiGraph([("a", "m"), ("b", "m")])
    >>> G.nodes["m"]["type"] = "Agreement"
    >>> prune_events(G, ["a", "m"]), prune_events(G, ["a", "b", "m"])
    (['a'], ['a', 'b', 'm'])
    """
    chosen = list(dict.fromkeys(nodes))
    inside = set(chosen)

    def ties(n: str) -> int:
        return len((set(G._succ[n]) | set(G._pred[n])) & inside - {n})

    return [n for n in chosen if n == keep or not is_event(G.nodes[n]) or ties(n) >= 2]


# ---- agreements and investments over time -----------------------------------------------------

@dataclass(frozen=True)
class _Event:
    kind: str  # Agreement | Investment
    date: str | None
    partners: tuple[str, ...]  # parties of an agreement; targets of an investment
    fields: tuple[str, ...] = ()


def _events(G: nx.MultiDiGraph) -> list[_Event]:
    """Agreements and investments, from event nodes (agreement view) or from the stated
    facts (collapsed view): the two views give the same list."""
    if any(is_event(a) for _, a in G.nodes(data=True)):
        out = []
        for node, attrs in G.nodes(data=True):
            if attrs.get("type") == "Agreement":
                parties = sorted({u for u, _, k in G.in_edges(node, keys=True) if k == "party"})
                fields = sorted({v for _, v, k in G.out_edges(node, keys=True) if k == "field"})
                out.append(_Event("Agreement", attrs.get("date"), tuple(parties), tuple(fields)))
            elif attrs.get("type") == "Investment":
                targets = sorted({v for _, v, k in G.out_edges(node, keys=True) if k == "investmentTarget"})
                out.append(_Event("Investment", attrs.get("date"), tuple(targets)))
        return out
    agreements: dict[str, dict] = {}
    investments: dict[tuple, dict] = {}
    for u, v, key, data in G.edges(keys=True, data=True):
        if key in ("signedMOUWith", "cooperatesIn", "signatoryOf", "witnessOf"):
            ids = data.get("agreements") or ([f"{u} {v} {data.get('date')}"] if key == "signedMOUWith" else [])
            for ag in ids:
                rec = agreements.setdefault(ag, {"date": None, "parties": set(), "fields": set()})
                rec["date"] = min(filter(None, (rec["date"], data.get("date"))), default=None)
                if key == "signedMOUWith":
                    rec["parties"].update((u, v))
                elif key == "cooperatesIn":
                    rec["parties"].add(u)
                    rec["fields"].add(v)
                else:
                    rec["parties"].add(v)
        elif key == "investedIn":
            for date in data.get("dates") or [None]:
                investments.setdefault((u, v, date), {"date": date, "targets": {v}})
    return ([_Event("Agreement", r["date"], tuple(sorted(r["parties"])), tuple(sorted(r["fields"])))
             for r in agreements.values()]
            + [_Event("Investment", r["date"], tuple(sorted(r["targets"]))) for r in investments.values()])


def timeline(G: nx.MultiDiGraph) -> pd.DataFrame:
    """Agreements and investments per year, by partner type: columns ``year, kind,
    partner_type, count``.

    An agreement counts once under each type among its parties; an investment once under
    the type of its target (a country, a place, a company). ``year`` is empty when the date
    is unknown.
    """
    counts: Counter = Counter()
    for ev in _events(G):
        year = int(ev.date[:4]) if ev.date and ev.date[:4].isdigit() else None
        for t in sorted({G.nodes[p].get("type", "Other") for p in ev.partners}) or ["Other"]:
            counts[(year, ev.kind, t)] += 1
    rows = [(y, kind, t, n) for (y, kind, t), n in counts.items()]
    frame = pd.DataFrame(rows, columns=["year", "kind", "partner_type", "count"])
    frame["year"] = frame["year"].astype("Int64")
    return frame.sort_values(["year", "kind", "partner_type"], na_position="last", kind="stable").reset_index(drop=True)


def partner_industry(G: nx.MultiDiGraph, *, lang: str = "en", wide: bool = False, top: int | None = None
                     ) -> pd.DataFrame:
    """How often each partner cooperates in each industry: every party of an agreement is
    paired with each of its fields (and a ``cooperatesIn`` tie outside any agreement counts
    once). Tidy columns ``partner, partner_label, partner_type, industry, industry_label,
    count`` (``top`` rows, most first); with ``wide`` a crosstab of partner labels by industry
    labels instead.
    """
    counts: Counter = Counter()
    for ev in _events(G):
        for party in ev.partners if ev.kind == "Agreement" else ():
            for f in ev.fields:
                counts[(party, f)] += 1
    for u, v, key, data in G.edges(keys=True, data=True):
        if key == "cooperatesIn" and not data.get("agreements"):
            counts[(u, v)] += 1
    rows = [(p, label_of(G.nodes[p], lang), G.nodes[p].get("type", "Other"), f, label_of(G.nodes[f], lang), n)
            for (p, f), n in counts.items()]
    frame = pd.DataFrame(rows, columns=["partner", "partner_label", "partner_type", "industry", "industry_label",
                                        "count"])
    frame = frame.sort_values(["count", "partner_label", "industry_label"], ascending=[False, True, True],
                              kind="stable").reset_index(drop=True)
    if wide:
        return pd.crosstab(frame["partner_label"], frame["industry_label"], values=frame["count"],
                           aggfunc="sum").fillna(0).astype(int)
    return frame.head(top) if top is not None else frame
