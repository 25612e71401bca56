"""The network in files other tools open: GraphML, GEXF (Gephi), and CSV tables.

GraphML and GEXF hold only scalar attributes, so :func:`flatten` turns the lists and dicts
of :func:`graph.network.to_networkx` into strings: the labels become ``label_en``,
``label_zh_Hant``, ``label_ja`` (preferred labels) and ``alt_labels`` (every other one, as
``text@lang``, one per line); the evidence of an edge becomes one line per sentence,
``sentence [announcement id]``. Node colours by type go into GEXF (``viz``), so the graph
opens in Gephi coloured as in the HTML explorer. ``weight`` is the number of announcements
stating the tie.

The CSV export writes three tables: ``nodes.csv``, ``edges.csv`` and ``evidence.csv`` (one row
per sentence, keyed by source, target and kind).

Examples
--------
>>> import networkx as nx
>>> G = nx.MultiDiGraph()
>>> G.add_node("a", type="Agency", labels={"en": ["TJPO"], "ja": ["台日オフィス"]})
>>> G.add_node("b", type="Prefecture", labels={"en": ["Osaka"]})
>>> G.add_edge("a", "b", key="signedMOUWith", kind="signedMOUWith", date="2019-10-03", evidence=[])
'signedMOUWith'
>>> F = flatten(G)
>>> F.nodes["a"]["label_ja"], F.edges["a", "b", "signedMOUWith"]["date"]
('台日オフィス', '2019-10-03')
"""
from __future__ import annotations

from pathlib import Path

import networkx as nx
import pandas as pd

from .errors import TjkgError
from .network import LANGUAGES, label_of

__all__ = ["flatten", "node_frame", "edge_frame", "evidence_frame", "write_graphml", "write_gexf", "write_csv",
           "ExportError", "NETWORK_FORMATS", "write_network"]

NETWORK_FORMATS = ("graphml", "gexf", "csv")


class ExportError(TjkgError):
    """A network export cannot be written (bad format, unwritable path)."""


def _tag_column(tag: str) -> str:
    return "label_" + tag.replace("-", "_")


def _announcement_id(G: nx.MultiDiGraph, iri: str) -> str:
    return (G.graph.get("announcements") or {}).get(iri, {}).get("id") or iri


def _node_row(G: nx.MultiDiGraph, node: str, attrs: dict) -> dict[str, object]:
    labels = attrs.get("labels") or {}
    row: dict[str, object] = {"id": node, "label": label_of(attrs, "en") or node, "type": attrs.get("type", "Other")}
    for tag in LANGUAGES:
        row[_tag_column(tag)] = (labels.get(tag) or [None])[0]
    alt = [f"{text}@{tag}" if tag else text for tag, values in sorted(labels.items())
           for i, text in enumerate(values) if i > 0 or tag not in LANGUAGES]
    row["alt_labels"] = "\n".join(alt) or None
    for key in ("date", "amount", "stake"):
        value = attrs.get(key)
        row[key] = "; ".join(value) if isinstance(value, list) else value
    facts = attrs.get("facts") or []
    row["facts"] = "; ".join(f"{f['kind']}={f['value']}" for f in facts) or None
    return row


def _edge_row(G: nx.MultiDiGraph, u: str, v: str, key: str, data: dict) -> dict[str, object]:
    evidence = data.get("evidence") or []
    announcements = data.get("announcements") or []
    return {
        "source": u, "target": v, "kind": data.get("kind", key), "predicate": data.get("predicate"),
        "date": data.get("date"), "dates": "; ".join(data.get("dates") or []) or None,
        "confidence": data.get("confidence"), "weight": max(1, len(announcements)),
        "announcements": " ".join(_announcement_id(G, a) for a in announcements) or None,
        "agreements": " ".join(data.get("agreements") or []) or None,
        "roles": "; ".join(data.get("roles") or []) or None,
        "for_party": " ".join(data.get("for_party") or []) or None,
        "evidence": "\n".join(f"{e.sentence} [{_announcement_id(G, e.announcement)}]" for e in evidence) or None,
    }


def flatten(G: nx.MultiDiGraph, *, colours: bool = False) -> nx.MultiDiGraph:
    """A copy of ``G`` with only scalar attributes (strings and numbers; nothing ``None``), as
    GraphML and GEXF need. ``colours`` adds GEXF ``viz`` colours by type."""
    F = nx.MultiDiGraph(view=G.graph.get("view", ""))
    if colours:
        from .render import TYPE_COLOURS

    for node, attrs in G.nodes(data=True):
        row = {k: v for k, v in _node_row(G, node, attrs).items() if v is not None and k != "id"}
        if colours:
            hex_colour = TYPE_COLOURS.get(row["type"], TYPE_COLOURS["Other"])
            r, g, b = (int(hex_colour[i:i + 2], 16) for i in (1, 3, 5))
            row["viz"] = {"color": {"r": r, "g": g, "b": b, "a": 1.0}}
        F.add_node(node, **row)
    for u, v, key, data in G.edges(keys=True, data=True):
        row = {k: val for k, val in _edge_row(G, u, v, key, data).items()
               if val is not None and k not in ("source", "target")}
        row["label"] = row["kind"]  # Gephi shows it on the edge
        F.add_edge(u, v, key=key, **row)
    return F


def node_frame(G: nx.MultiDiGraph) -> pd.DataFrame:
    """One row per node: ``id, label, type, label_en, label_zh_Hant, label_ja, alt_labels, date,
    amount, stake, facts``."""
    rows = [_node_row(G, n, a) for n, a in G.nodes(data=True)]
    columns = ["id", "label", "type", *map(_tag_column, LANGUAGES), "alt_labels", "date", "amount", "stake", "facts"]
    return pd.DataFrame(rows, columns=columns)


def edge_frame(G: nx.MultiDiGraph) -> pd.DataFrame:
    """One row per edge: ``source, target, kind, predicate, date, dates, confidence, weight,
    announcements, agreements, roles, for_party, evidence``."""
    rows = [_edge_row(G, u, v, k, d) for u, v, k, d in G.edges(keys=True, data=True)]
    columns = ["source", "target", "kind", "predicate", "date", "dates", "confidence", "weight", "announcements",
               "agreements", "roles", "for_party", "evidence"]
    return pd.DataFrame(rows, columns=columns)


def evidence_frame(G: nx.MultiDiGraph) -> pd.DataFrame:
    """One row per sentence of evidence of an edge or a fact: ``source, target, kind,
    announcement, sentence, lang, confidence, date`` (``target`` is the value of a fact)."""
    rows = []
    for u, v, key, data in G.edges(keys=True, data=True):
        for e in data.get("evidence") or []:
            rows.append((u, v, data.get("kind", key), _announcement_id(G, e.announcement), e.sentence, e.lang,
                         e.confidence, e.date))
    for node, attrs in G.nodes(data=True):
        for fact in attrs.get("facts") or []:
            for e in fact.get("evidence") or []:
                rows.append((node, str(fact["value"]), fact["kind"], _announcement_id(G, e.announcement), e.sentence,
                             e.lang, e.confidence, e.date))
    return pd.DataFrame(rows, columns=["source", "target", "kind", "announcement", "sentence", "lang", "confidence",
                                       "date"])


def _target(path: str | Path) -> Path:
    target = Path(path)
    if not target.parent.is_dir():
        raise ExportError(f"{target}: the folder {target.parent} does not exist")
    return target


def write_graphml(G: nx.MultiDiGraph, path: str | Path) -> Path:
    """Write ``G`` as GraphML (UTF-8); edge ids are the relation kinds. Returns the path."""
    target = _target(path)
    try:
        nx.write_graphml(flatten(G), target, encoding="utf-8", named_key_ids=True)
    except OSError as e:
        raise ExportError(f"{target}: cannot write ({e.strerror or e})") from e
    return target


def write_gexf(G: nx.MultiDiGraph, path: str | Path) -> Path:
    """Write ``G`` as GEXF 1.2 for Gephi (UTF-8), nodes coloured by type. Returns the path."""
    target = _target(path)
    try:
        nx.write_gexf(flatten(G, colours=True), target, encoding="utf-8", version="1.2draft")
    except OSError as e:
        raise ExportError(f"{target}: cannot write ({e.strerror or e})") from e
    return target


def write_csv(G: nx.MultiDiGraph, directory: str | Path) -> list[Path]:
    """Write ``nodes.csv``, ``edges.csv`` and ``evidence.csv`` (UTF-8) into ``directory``
    (created if missing). Returns the three paths."""
    folder = Path(directory)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        out = []
        for name, frame in (("nodes.csv", node_frame(G)), ("edges.csv", edge_frame(G)),
                            ("evidence.csv", evidence_frame(G))):
            frame.to_csv(folder / name, index=False, encoding="utf-8")
            out.append(folder / name)
    except OSError as e:
        raise ExportError(f"{folder}: cannot write the CSV tables ({e.strerror or e})") from e
    return out


def write_network(G: nx.MultiDiGraph, path: str | Path, fmt: str) -> list[Path]:
    """Write ``G`` in one of :data:`NETWORK_FORMATS` (``csv``: ``path`` is a folder)."""
    if fmt == "graphml":
        return [write_graphml(G, path)]
    if fmt == "gexf":
        return [write_gexf(G, path)]
    if fmt == "csv":
        return write_csv(G, path)
    raise ExportError(f"unknown network format {fmt!r}: choose one of {', '.join(NETWORK_FORMATS)}")
