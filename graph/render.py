"""The graph as one self-contained HTML page to explore in a browser, with the network off.

The page inlines vis-network's script and stylesheet from the installed pyvis package
(nothing is fetched: a Content-Security-Policy forbids every request and every script but
the page's own); the graph travels as JSON in a ``<script type="application/json">`` block
with ``<``, ``>``, ``&`` and line separators escaped, read with ``JSON.parse``; every label and
sentence reaches the page through ``textContent``, never as markup.

What the page offers: colours by type with a legend, node size by a centrality, labels in
English, Chinese or Japanese (falling back to what exists), tooltips and a details panel with
every label and the evidence sentences with their announcement, a search box over the labels
in every language, filters by type and relation kind, and a neighbourhood view (N hops around
the selected entity). Positions are computed here (a seeded force-directed layout), so the
page draws at once with physics off and the same graph and seed always give the same page.

Graphs above ``max_nodes`` (default 1,500) are cut to their most central part; the page and
:attr:`Page.note` say what was left out and how to see it.

Examples
--------
>>> import networkx as nx
>>> G = nx.MultiDiGraph()
>>> G.add_node("a", type="Agency", labels={"en": ["TJPO </script>"]})
>>> G.add_node("b", type="Prefecture", labels={"en": ["Osaka"], "ja": ["大阪府"]})
>>> G.add_edge("a", "b", key="signedMOUWith", kind="signedMOUWith")
'signedMOUWith'
>>> page = render(G, lang="ja")
>>> page.nodes, page.edges, page.note is None
(2, 1, True)
>>> "TJPO </script>" in page.html, "TJPO \\\\u003c/script\\\\u003e" in page.html
(False, True)
"""
from __future__ import annotations

import base64
import hashlib
import html
import json
import logging
import math
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import networkx as nx
import numpy as np

from .analysis import CENTRALITIES, ego, prune_events, scores
from .errors import TjkgError
from .models import ENTITY_TYPES, RELATION_KINDS
from .network import EVENT_ROLES, EVENT_TYPES, find_node, is_event, label_of, lang_tag, search_key
from .normalize import CJK_VARIANTS

__all__ = ["Page", "render", "render_html", "write_html", "layout", "TYPE_COLOURS", "KIND_COLOURS", "RenderError"]

log = logging.getLogger(__name__)

TYPE_COLOURS: dict[str, str] = {
    "Agency": "#4e79a7", "Prefecture": "#e15759", "City": "#f28e2b", "Company": "#59a14f",
    "Person": "#b07aa1", "Industry": "#edc948", "Country": "#76b7b2", "Region": "#9c755f",
    "Organization": "#ff9da7", "Agreement": "#555555", "Investment": "#17becf", "Other": "#bab0ac",
}
KIND_COLOURS: dict[str, str] = {
    "signedMOUWith": "#8c8c8c", "party": "#8c8c8c", "signatoryOf": "#b07aa1", "signatory": "#b07aa1",
    "witnessOf": "#d4a6c8", "witness": "#d4a6c8", "holdsPosition": "#9d7660", "investedIn": "#59a14f",
    "investor": "#59a14f", "investmentTarget": "#59a14f", "facilitatedInvestment": "#86bcb6",
    "facilitator": "#86bcb6", "cooperatesIn": "#d7b500", "field": "#d7b500", "locatedIn": "#bab0ac",
    "partOf": "#4e79a7", "broader": "#f1ce63",
}
_UNDIRECTED = frozenset({"signedMOUWith"})
_KNOWN_TYPES = (*ENTITY_TYPES, *EVENT_TYPES, "Other")
_KNOWN_KINDS = (*RELATION_KINDS, *EVENT_ROLES, "broader")
_VIS = "vis-9.1.2"


class RenderError(TjkgError):
    """The page cannot be built or written (bad option, unwritable path, missing vis-network)."""


@dataclass(frozen=True)
class Page:
    """A rendered page: its HTML, what it shows, what the graph holds, and the note saying
    what was left out (``None`` when nothing was)."""

    html: str
    nodes: int
    edges: int
    total_nodes: int
    total_edges: int
    note: str | None


# ---- layout ---------------------------------------------------------------------------------

def layout(G: nx.Graph, *, seed: int = 0, iterations: int | None = None) -> dict[str, tuple[float, float]]:
    """Seeded force-directed positions (Fruchterman-Reingold with a pull to the centre, in
    numpy), scaled to pixels: the same graph and seed give the same positions.

    The repulsion is computed between all pairs, in blocks (memory stays flat); above 500
    nodes the number of iterations drops (43 at 1,500 nodes, 15 from 5,500 on), which keeps a
    1,500-node layout under a second.

    >>> pos = layout(nx.path_graph(["a", "b", "c"]), seed=1)
    >>> pos == layout(nx.path_graph(["a", "b", "c"]), seed=1), sorted(pos)
    (True, ['a', 'b', 'c'])
    """
    nodes = list(G)
    n = len(nodes)
    if n == 0:
        return {}
    if n == 1:
        return {nodes[0]: (0.0, 0.0)}
    if iterations is None:
        iterations = max(15, min(100, int(100 * (500 / n) ** 0.75)))
    index = {node: i for i, node in enumerate(nodes)}
    pairs = {(min(index[u], index[v]), max(index[u], index[v])) for u, v in G.edges() if u != v}
    u = np.fromiter((a for a, _ in pairs), dtype=np.int64, count=len(pairs))
    v = np.fromiter((b for _, b in pairs), dtype=np.int64, count=len(pairs))
    rng = np.random.default_rng(seed)
    pos = rng.uniform(-1.0, 1.0, size=(n, 2))
    k2 = 4.0 / n  # squared ideal distance for an area of 2 x 2
    k = math.sqrt(k2)
    block = max(1, 4_000_000 // n)
    temperature = 0.2
    cooling = temperature / (iterations + 1)
    disp = np.empty((n, 2))
    k2_32 = np.float32(k2)
    for _ in range(iterations):
        # repulsion k^2 / d between all pairs, in float32 on the direct differences (no
        # BLAS: single-threaded, and twice as fast as a matrix product on a busy machine)
        x32, y32 = pos[:, 0].astype(np.float32), pos[:, 1].astype(np.float32)
        for start in range(0, n, block):
            stop = min(n, start + block)
            dx = x32[start:stop, None] - x32[None, :]
            dy = y32[start:stop, None] - y32[None, :]
            force = dx * dx
            force += dy * dy
            np.maximum(force, np.float32(1e-9), out=force)
            np.divide(k2_32, force, out=force)
            dx *= force
            dy *= force
            disp[start:stop, 0] = dx.sum(axis=1, dtype=np.float64)
            disp[start:stop, 1] = dy.sum(axis=1, dtype=np.float64)
        x, y = pos[:, 0], pos[:, 1]
        dx_sum, dy_sum = disp[:, 0], disp[:, 1]
        if len(u):
            ex, ey = x[u] - x[v], y[u] - y[v]
            pull = np.sqrt(ex * ex + ey * ey) / k
            fx, fy = ex * pull, ey * pull
            dx_sum += np.bincount(v, fx, minlength=n) - np.bincount(u, fx, minlength=n)
            dy_sum += np.bincount(v, fy, minlength=n) - np.bincount(u, fy, minlength=n)
        dx_sum -= 2.0 * x / k  # gravity keeps the separate components together
        dy_sum -= 2.0 * y / k
        length = np.sqrt(dx_sum * dx_sum + dy_sum * dy_sum)
        np.maximum(length, 1e-12, out=length)
        step = np.minimum(length, temperature) / length
        pos += disp * step[:, None]
        temperature -= cooling
    x, y = pos[:, 0] - pos[:, 0].mean(), pos[:, 1] - pos[:, 1].mean()
    extent = max(float(np.abs(x).max()), float(np.abs(y).max()), 1e-9)
    radius = 35.0 * math.sqrt(n) + 150.0
    scale = radius / extent
    return {node: (round(float(x[i] * scale), 1), round(float(y[i] * scale), 1)) for i, node in enumerate(nodes)}


# ---- choosing what to show ----------------------------------------------------------------------

def _check(values, known: tuple[str, ...], what: str) -> set[str] | None:
    if values is None:
        return None
    chosen = {values} if isinstance(values, str) else set(values)
    unknown = sorted(chosen - set(known))
    if unknown:
        raise RenderError(f"unknown {what} {unknown[0]!r}: choose among {', '.join(known)}")
    return chosen


def _select(G: nx.MultiDiGraph, *, focus, hops, types, kinds) -> tuple[nx.MultiDiGraph, str | None]:
    """The part of ``G`` asked for: the neighbourhood of ``focus``, then the types and kinds."""
    start = None
    H = G
    if focus is not None:
        start = find_node(G, focus)
        H = ego(G, start, hops=hops)
    wanted_types = _check(types, _KNOWN_TYPES, "type")
    wanted_kinds = _check(kinds, _KNOWN_KINDS, "relation kind")
    if wanted_types is None and wanted_kinds is None:
        return H, start
    keep = [n for n, a in H.nodes(data=True)
            if wanted_types is None or a.get("type", "Other") in wanted_types or is_event(a) or n == start]
    sub = H.subgraph(keep)
    if wanted_kinds is not None:
        sub = nx.restricted_view(sub, [], [(u, v, k) for u, v, k in sub.edges(keys=True) if k not in wanted_kinds])
    return sub.subgraph(prune_events(sub, list(sub), keep=start)).copy(), start


def _cut(H: nx.MultiDiGraph, score: dict, max_nodes: int, start: str | None) -> list[str]:
    ranked = sorted(H, key=lambda n: (n != start, -score.get(n, 0.0), n))
    return prune_events(H, ranked[:max_nodes], keep=start)


# ---- the page ---------------------------------------------------------------------------------

def render(G: nx.MultiDiGraph, *, lang: str = "en", focus: str | None = None, hops: int = 1,
           types=None, kinds=None, size_by: str | None = "pagerank", max_nodes: int = 1500, seed: int = 0,
           title: str | None = None) -> Page:
    """Build the explorer page of ``G`` (from :func:`graph.network.to_networkx`).

    Parameters
    ----------
    lang
        ``en``, ``zh`` or ``ja``: the labels drawn (the page can switch).
    focus, hops
        Show only the neighbourhood of this entity (a name in any language, or an IRI).
    types, kinds
        Show only these entity types / relation kinds (event nodes stay while they tie two
        shown entities).
    size_by
        ``pagerank``, ``degree``, ``betweenness`` or ``None`` (all nodes one size); also decides
        which nodes stay when the graph is cut.
    max_nodes
        Above this many nodes, only the most central are shown, with a note.
    seed
        Seed of the layout (and of sampled betweenness).
    title
        The page title (default: "tjkg network").
    """
    tag = lang_tag(lang)
    if size_by is not None and size_by not in CENTRALITIES:
        raise RenderError(f"unknown size_by {size_by!r}: choose one of {', '.join(CENTRALITIES)} or none")
    if max_nodes < 1:
        raise RenderError(f"max_nodes must be at least 1, not {max_nodes}")
    H, start = _select(G, focus=focus, hops=hops, types=types, kinds=kinds)
    score = scores(H, size_by, seed=seed) if size_by else {}
    note = None
    if H.number_of_nodes() > max_nodes:
        shown = H.subgraph(_cut(H, score, max_nodes, start)).copy()
        note = (f"This graph has {H.number_of_nodes():,} nodes and {H.number_of_edges():,} edges; the page shows "
                f"the {shown.number_of_nodes():,} most central by {size_by or 'IRI order'} "
                f"({shown.number_of_edges():,} edges). Left out: "
                f"{H.number_of_nodes() - shown.number_of_nodes():,} nodes and "
                f"{H.number_of_edges() - shown.number_of_edges():,} edges. To see them, focus on an entity "
                f"(--focus NAME --hops N) or show fewer entity types or relation kinds (--type, --kind).")
        log.warning("%s", note)
        H = shown
    payload = _payload(H, score, tag, seed, note, title or "tjkg network", focus=start)
    return Page(_html(payload, tag, title or "tjkg network"), H.number_of_nodes(), H.number_of_edges(),
                G.number_of_nodes(), G.number_of_edges(), note)


def render_html(G: nx.MultiDiGraph, **options) -> str:
    """The HTML of :func:`render` (same options)."""
    return render(G, **options).html


def write_html(G: nx.MultiDiGraph, path: str | Path, **options) -> Page:
    """Write the page of :func:`render` (same options) to ``path``, in UTF-8; returns the Page."""
    page = render(G, **options)
    target = Path(path)
    try:
        target.write_text(page.html, encoding="utf-8")
    except OSError as e:
        raise RenderError(f"{target}: cannot write the page ({e.strerror or e})") from e
    return page


def _payload(H: nx.MultiDiGraph, score: dict, lang: str, seed: int, note: str | None, title: str,
             focus: str | None) -> dict:
    nodes = list(H)
    index = {n: i for i, n in enumerate(nodes)}
    pos = layout(H, seed=seed)
    top = max(score.values(), default=0.0) or 1.0
    announcements: dict[str, int] = {}
    ann_rows: list[list] = []
    sentences: dict[tuple, int] = {}
    sent_rows: list[list] = []
    meta = H.graph.get("announcements") or {}

    def evidence(items) -> list[list]:
        out = []
        for ev in items or ():
            a = announcements.get(ev.announcement)
            if a is None:
                m = meta.get(ev.announcement, {})
                a = announcements[ev.announcement] = len(ann_rows)
                ann_rows.append([m.get("id") or ev.announcement, m.get("title"), m.get("published"), m.get("url")])
            key = (ev.sentence, ev.lang)
            s = sentences.get(key)
            if s is None:
                s = sentences[key] = len(sent_rows)
                sent_rows.append([ev.sentence, ev.lang])
            out.append([a, s, ev.confidence, ev.date])
        return out

    node_rows = []
    type_counts: dict[str, int] = {}
    for n in nodes:
        attrs = H.nodes[n]
        t = attrs.get("type", "Other")
        t = t if t in TYPE_COLOURS else "Other"
        type_counts[t] = type_counts.get(t, 0) + 1
        labels = attrs.get("labels") or {"": [str(attrs.get("label") or n)]}
        size = 10.0 + 30.0 * math.sqrt(max(score.get(n, 0.0), 0.0) / top) if score else 14.0
        row = {"i": str(n), "t": t, "s": round(size, 1), "x": pos[n][0], "y": pos[n][1], "l": labels,
               "k": "\u0001".join(search_key(x) for values in labels.values() for x in values)}
        for key in ("date", "amount", "stake"):
            if attrs.get(key):
                row[key] = attrs[key]
        if attrs.get("facts"):
            row["f"] = [[f["kind"], str(f["value"]), evidence(f.get("evidence"))] for f in attrs["facts"]]
        node_rows.append(row)
    edge_rows = []
    kind_counts: dict[str, int] = {}
    parallel: dict[tuple[str, str], int] = {}
    for u, v, key, data in H.edges(keys=True, data=True):
        kind = str(data.get("kind", key))
        kind_counts[kind] = kind_counts.get(kind, 0) + 1
        pair = (index[u], index[v]) if index[u] <= index[v] else (index[v], index[u])
        nth = parallel[pair] = parallel.get(pair, -1) + 1
        row = {"f": index[u], "t": index[v], "k": kind, "d": data.get("date"), "c": data.get("confidence"),
               "e": evidence(data.get("evidence"))}
        if nth:
            row["p"] = nth
        if data.get("roles"):
            row["roles"] = list(data["roles"])
        if data.get("for_party"):
            row["for_party"] = [label_of(H.nodes[p], lang) if p in H else p for p in data["for_party"]]
        edge_rows.append(row)
    return {
        "title": title, "lang": lang, "note": note, "focus": index.get(focus) if focus else None,
        "types": [{"name": t, "color": TYPE_COLOURS[t], "count": type_counts[t]}
                  for t in TYPE_COLOURS if t in type_counts],
        "kinds": [{"name": k, "color": KIND_COLOURS.get(k, "#999999"), "count": kind_counts[k],
                   "directed": k not in _UNDIRECTED} for k in sorted(kind_counts)],
        "announcements": ann_rows, "sentences": sent_rows, "nodes": node_rows, "edges": edge_rows,
        "events": list(EVENT_TYPES), "cjk": CJK_VARIANTS,
    }


def _json_for_html(data: dict) -> str:
    """JSON that cannot end the ``<script>`` block it sits in, nor be read as markup.

    >>> _json_for_html({"a": "</script><b>&\\u2028"})
    '{"a":"\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e\\\\u0026\\\\u2028"}'
    """
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    for raw, escaped in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"),
                         ("\u2029", "\\u2029")):
        text = text.replace(raw, escaped)
    return text


def _asset(name: str) -> str:
    try:
        return (resources.files("pyvis") / "lib" / _VIS / name).read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError) as e:
        raise RenderError(f"vis-network not found in the pyvis package ({name}); reinstall pyvis") from e


def _inline(text: str, closing: str) -> str:
    """Text safe inside a ``<script>`` or ``<style>`` element."""
    return text.replace(f"</{closing}", f"<\\/{closing}").replace("<!--", "<\\!--")


def _sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def _html(payload: dict, lang: str, title: str) -> str:
    vis_js = _inline(_asset("vis-network.min.js"), "script")
    vis_css = _inline(_asset("vis-network.css"), "style")
    app_js = _APP_JS
    csp = (f"default-src 'none'; script-src {_sha256(vis_js)} {_sha256(app_js)}; style-src 'unsafe-inline'; "
           "img-src data:; font-src data:; base-uri 'none'; form-action 'none'")
    return _PAGE.format(
        lang=html.escape(lang), title=html.escape(title), csp=html.escape(csp), vis_css=vis_css, css=_CSS,
        data=_json_for_html(payload), vis_js=vis_js, app_js=app_js,
    )


_PAGE = """<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>{vis_css}</style>
<style>{css}</style>
</head>
<body>
<header>
  <h1 id="tjkg-title"></h1>
  <input id="tjkg-search" type="search" placeholder="Search any label, any language" autocomplete="off"
         aria-label="Search entities">
  <label>Labels <select id="tjkg-lang" aria-label="Label language">
    <option value="en">English</option><option value="zh-Hant">中文</option><option value="ja">日本語</option>
  </select></label>
  <label>Hops <select id="tjkg-hops" aria-label="Hops around the selection">
    <option>1</option><option>2</option><option>3</option></select></label>
  <button id="tjkg-around" type="button">Neighbourhood of selection</button>
  <button id="tjkg-all" type="button">Show all</button>
  <span id="tjkg-status" role="status"></span>
</header>
<div id="tjkg-note" hidden></div>
<main>
  <nav id="tjkg-side">
    <ul id="tjkg-results" hidden></ul>
    <h2>Entity types</h2><ul id="tjkg-types" class="legend"></ul>
    <h2>Relations</h2><ul id="tjkg-kinds" class="legend"></ul>
  </nav>
  <div id="tjkg-network"></div>
  <aside id="tjkg-details"><p class="hint">Click a node or an edge to see its labels and evidence.</p></aside>
</main>
<div id="tjkg-tip" hidden></div>
<script type="application/json" id="tjkg-data">{data}</script>
<script>{vis_js}</script>
<script>{app_js}</script>
</body>
</html>
"""

_CSS = """
html, body { margin: 0; height: 100%; font: 14px/1.4 system-ui, sans-serif; color: #222; background: #fff; }
body { display: flex; flex-direction: column; }
header { display: flex; flex-wrap: wrap; gap: .6em; align-items: center; padding: .4em .8em;
         border-bottom: 1px solid #ddd; background: #f7f7f7; }
header h1 { font-size: 1.05em; margin: 0 1em 0 0; }
#tjkg-search { width: 22em; padding: .25em .4em; }
#tjkg-status { color: #555; margin-left: auto; }
#tjkg-note { background: #fff4d6; border-bottom: 1px solid #e6c770; padding: .4em .8em; }
main { flex: 1; display: flex; min-height: 0; }
#tjkg-side { width: 15em; overflow: auto; padding: .4em .8em; border-right: 1px solid #ddd; }
#tjkg-side h2 { font-size: .95em; margin: .8em 0 .3em; }
#tjkg-network { flex: 1; min-width: 0; }
#tjkg-details { width: 24em; overflow: auto; padding: .4em .8em; border-left: 1px solid #ddd; }
#tjkg-details h2 { font-size: 1.1em; margin: .3em 0; }
#tjkg-details h3 { font-size: .95em; margin: .8em 0 .2em; }
.legend, #tjkg-results { list-style: none; margin: 0; padding: 0; }
.legend li { display: flex; align-items: center; gap: .35em; margin: .15em 0; }
.swatch { display: inline-block; width: .9em; height: .9em; border-radius: 50%; flex: none; }
.line { display: inline-block; width: 1.4em; height: .25em; flex: none; }
.count { color: #777; margin-left: auto; }
#tjkg-results { border: 1px solid #ccc; margin-bottom: .6em; max-height: 18em; overflow: auto; }
#tjkg-results li { padding: .2em .4em; cursor: pointer; }
#tjkg-results li:hover, #tjkg-results li.active { background: #e8f0fe; }
.meta { color: #666; font-size: .9em; }
.tie { margin: .5em 0; padding-top: .3em; border-top: 1px solid #eee; }
.evidence { margin: .2em 0 .2em 1em; padding: 0; }
.evidence li { margin: .2em 0; }
.source { color: #666; font-size: .85em; }
dl.labels { margin: 0; display: grid; grid-template-columns: auto 1fr; gap: .1em .6em; }
dl.labels dt { color: #666; }
dl.labels dd { margin: 0; }
#tjkg-tip { position: fixed; z-index: 10; max-width: 28em; background: #fff; border: 1px solid #aaa;
            box-shadow: 0 2px 6px rgba(0,0,0,.2); padding: .4em .6em; pointer-events: none; font-size: .9em; }
.hint { color: #777; }
"""

_APP_JS = r"""
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("tjkg-data").textContent);
  var FALLBACK = ["en", "zh-Hant", "ja"];
  var LANG_NAMES = {"en": "English", "zh-Hant": "中文", "ja": "日本語", "": "no language"};
  var nodesData = data.nodes, edgesData = data.edges;
  var events = new Set(data.events);
  var typeColor = {}, kindInfo = {};
  data.types.forEach(function (t) { typeColor[t.name] = t.color; });
  data.kinds.forEach(function (k) { kindInfo[k.name] = k; });
  var incident = nodesData.map(function () { return []; });
  edgesData.forEach(function (e, i) { incident[e.f].push(i); if (e.t !== e.f) incident[e.t].push(i); });
  var state = {lang: data.lang, types: new Set(data.types.map(function (t) { return t.name; })),
               kinds: new Set(data.kinds.map(function (k) { return k.name; })), around: null, selected: null};

  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    if (cls) { e.className = cls; }
    return e;
  }
  function labelOf(n, lang) {
    var order = [lang].concat(FALLBACK), i, k;
    for (i = 0; i < order.length; i++) { k = n.l[order[i]]; if (k && k.length) { return k[0]; } }
    for (k in n.l) { if (n.l[k].length) { return n.l[k][0]; } }
    return n.i;
  }
  function fold(text) {
    var s = text.normalize("NFKC").toLowerCase().replace(/\s+/g, " ").trim(), out = "", i, ch;
    for (i = 0; i < s.length; i++) { ch = s[i]; out += Object.prototype.hasOwnProperty.call(data.cjk, ch) ? data.cjk[ch] : ch; }
    return out;
  }

  document.getElementById("tjkg-title").textContent = data.title;
  if (data.note) { var note = document.getElementById("tjkg-note"); note.textContent = data.note; note.hidden = false; }
  var langSelect = document.getElementById("tjkg-lang");
  langSelect.value = state.lang;

  function nodeView(n, i) {
    var color = typeColor[n.t] || "#bab0ac";
    return {id: i, label: labelOf(n, state.lang), x: n.x, y: n.y, size: n.s,
            shape: n.t === "Agreement" ? "diamond" : (n.t === "Investment" ? "square" : "dot"),
            color: {background: color, border: "#333", highlight: {background: color, border: "#000"}}};
  }
  function edgeView(e, i) {
    var k = kindInfo[e.k];
    return {id: i, from: e.f, to: e.t, color: {color: k.color, highlight: "#000"},
            arrows: k.directed ? {to: {enabled: true, scaleFactor: 0.5}} : {to: {enabled: false}},
            smooth: e.p ? {enabled: true, type: "curvedCW", roundness: 0.15 * e.p} : {enabled: false}};
  }
  var nodes = new vis.DataSet(nodesData.map(nodeView));
  var edges = new vis.DataSet(edgesData.map(edgeView));
  var big = nodesData.length > 800;
  var network = new vis.Network(document.getElementById("tjkg-network"), {nodes: nodes, edges: edges}, {
    physics: {enabled: false},
    layout: {improvedLayout: false, randomSeed: 0},
    interaction: {hover: true, tooltipDelay: 150, hideEdgesOnDrag: big, hideEdgesOnZoom: big, multiselect: false},
    nodes: {borderWidth: 1, font: {size: 14, color: "#222"}},
    edges: {width: 1, selectionWidth: 2}
  });

  // ---- visibility: type and relation filters, neighbourhood --------------------------------
  function aroundSet(start, hops) {
    var dist = new Map([[start, 0]]), queue = [start], here, d, i, e, there, step;
    while (queue.length) {
      here = queue.shift();
      for (i = 0; i < incident[here].length; i++) {
        e = edgesData[incident[here][i]];
        if (!state.kinds.has(e.k)) { continue; }
        there = e.f === here ? e.t : e.f;
        step = events.has(nodesData[there].t) ? 0 : 1;
        d = dist.get(here) + step;
        if (d <= hops && (!dist.has(there) || d < dist.get(there))) {
          dist.set(there, d);
          if (step === 0) { queue.unshift(there); } else { queue.push(there); }
        }
      }
    }
    return dist;
  }
  function applyVisibility() {
    var shownNodes = 0, shownEdges = 0, nodeUpdates = [], edgeUpdates = [];
    var visible = nodesData.map(function (n, i) {
      return state.types.has(n.t) && (!state.around || state.around.has(i));
    });
    nodesData.forEach(function (n, i) {
      nodeUpdates.push({id: i, hidden: !visible[i]});
      if (visible[i]) { shownNodes++; }
    });
    edgesData.forEach(function (e, i) {
      var on = state.kinds.has(e.k) && visible[e.f] && visible[e.t];
      edgeUpdates.push({id: i, hidden: !on});
      if (on) { shownEdges++; }
    });
    nodes.update(nodeUpdates);
    edges.update(edgeUpdates);
    api.shown = {nodes: shownNodes, edges: shownEdges};
    document.getElementById("tjkg-status").textContent = "Showing " + shownNodes + " of " + nodesData.length +
      " nodes, " + shownEdges + " of " + edgesData.length + " edges";
  }

  function legend(listId, items, isKind) {
    var list = document.getElementById(listId);
    items.forEach(function (item) {
      var li = el("li"), box = el("input"), mark = el("span", null, isKind ? "line" : "swatch"), label = el("label");
      box.type = "checkbox"; box.checked = true; box.setAttribute("data-name", item.name);
      box.id = listId + "-" + list.children.length;
      label.htmlFor = box.id;
      label.textContent = item.name + (isKind && item.directed ? " →" : "");
      mark.style.backgroundColor = item.color;
      box.addEventListener("change", function () {
        var set = isKind ? state.kinds : state.types;
        if (box.checked) { set.add(item.name); } else { set.delete(item.name); }
        applyVisibility();
      });
      li.appendChild(box); li.appendChild(mark); li.appendChild(label); li.appendChild(el("span", item.count, "count"));
      list.appendChild(li);
    });
  }
  legend("tjkg-types", data.types, false);
  legend("tjkg-kinds", data.kinds, true);

  // ---- details: labels, facts, ties and their evidence -------------------------------------
  function sourceText(a) {
    var ann = data.announcements[a], parts = [ann[0]];
    if (ann[2]) { parts.push(ann[2]); }
    return (ann[1] ? ann[1] + " — " : "") + parts.join(", ");
  }
  function evidenceList(items, limit) {
    var ul = el("ul", null, "evidence"), shown = limit ? items.slice(0, limit) : items;
    shown.forEach(function (ev) {
      var sentence = data.sentences[ev[1]], li = el("li");
      li.appendChild(el("q", sentence[0] === null ? "(no sentence)" : sentence[0]));
      if (sentence[1]) { li.lastChild.lang = sentence[1]; }
      var src = "source: " + sourceText(ev[0]);
      if (ev[2] !== null && ev[2] !== undefined) { src += " · confidence " + ev[2]; }
      li.appendChild(el("div", src, "source"));
      var ann = data.announcements[ev[0]];
      if (!limit && ann[3] && /^https?:\/\//i.test(ann[3])) {
        var link = el("a", ann[3], "source"); link.href = ann[3]; link.rel = "noopener noreferrer";
        li.appendChild(link);
      }
      ul.appendChild(li);
    });
    if (limit && items.length > limit) { ul.appendChild(el("li", "… " + (items.length - limit) + " more: click for all", "meta")); }
    return ul;
  }
  function labelsBlock(n) {
    var dl = el("dl", null, "labels"), tags = Object.keys(n.l).sort();
    tags.forEach(function (tag) {
      dl.appendChild(el("dt", LANG_NAMES[tag] || tag));
      var dd = el("dd", n.l[tag].join(" · "));
      if (tag) { dd.lang = tag; }
      dl.appendChild(dd);
    });
    return dl;
  }
  function tieBlock(e, from, limit) {
    var div = el("div", null, "tie"), other = e.f === from ? e.t : e.f;
    var arrow = kindInfo[e.k].directed ? (e.f === from ? e.k + " →" : "← " + e.k) : e.k;
    div.appendChild(el("strong", arrow + " "));
    div.appendChild(el("span", labelOf(nodesData[other], state.lang)));
    var bits = [];
    if (e.d) { bits.push(e.d); }
    if (e.roles) { bits.push("role: " + e.roles.join(", ")); }
    if (e.for_party) { bits.push("for: " + e.for_party.join(", ")); }
    if (bits.length) { div.appendChild(el("div", bits.join(" · "), "meta")); }
    if (e.e.length) { div.appendChild(evidenceList(e.e, limit)); }
    return div;
  }
  function showNode(i) {
    var n = nodesData[i], box = document.getElementById("tjkg-details");
    box.replaceChildren();
    box.appendChild(el("h2", labelOf(n, state.lang)));
    box.appendChild(el("div", n.t + (n.date ? " · " + n.date : ""), "meta"));
    box.appendChild(el("div", n.i, "meta"));
    box.appendChild(el("h3", "Labels"));
    box.appendChild(labelsBlock(n));
    if (n.f) {
      box.appendChild(el("h3", "Facts"));
      n.f.forEach(function (f) { var d = el("div", f[0] + ": " + f[1], "tie"); d.appendChild(evidenceList(f[2])); box.appendChild(d); });
    }
    box.appendChild(el("h3", "Ties (" + incident[i].length + ")"));
    incident[i].forEach(function (j) { box.appendChild(tieBlock(edgesData[j], i)); });
  }
  function showEdge(j) {
    var e = edgesData[j], box = document.getElementById("tjkg-details");
    box.replaceChildren();
    box.appendChild(el("h2", labelOf(nodesData[e.f], state.lang) + " — " + labelOf(nodesData[e.t], state.lang)));
    box.appendChild(tieBlock(e, e.f));
  }

  // ---- tooltips ------------------------------------------------------------------------------
  var tip = document.getElementById("tjkg-tip");
  function showTip(content, pointer) {
    var rect = document.getElementById("tjkg-network").getBoundingClientRect();
    tip.replaceChildren(content);
    tip.style.left = Math.min(window.innerWidth - 320, rect.left + pointer.x + 14) + "px";
    tip.style.top = Math.min(window.innerHeight - 80, rect.top + pointer.y + 14) + "px";
    tip.hidden = false;
  }
  network.on("hoverNode", function (p) {
    var n = nodesData[p.node], box = el("div");
    box.appendChild(el("strong", labelOf(n, state.lang)));
    box.appendChild(el("div", n.t, "meta"));
    box.appendChild(labelsBlock(n));
    incident[p.node].slice(0, 3).forEach(function (j) { box.appendChild(tieBlock(edgesData[j], p.node, 2)); });
    if (incident[p.node].length > 3) { box.appendChild(el("div", "… " + (incident[p.node].length - 3) + " more ties: click for all", "meta")); }
    showTip(box, p.pointer.DOM);
  });
  network.on("hoverEdge", function (p) {
    var e = edgesData[p.edge], box = el("div");
    box.appendChild(el("strong", labelOf(nodesData[e.f], state.lang) + " — " + labelOf(nodesData[e.t], state.lang)));
    box.appendChild(tieBlock(e, e.f, 3));
    showTip(box, p.pointer.DOM);
  });
  network.on("blurNode", function () { tip.hidden = true; });
  network.on("blurEdge", function () { tip.hidden = true; });
  network.on("dragStart", function () { tip.hidden = true; });
  network.on("click", function (p) {
    tip.hidden = true;
    if (p.nodes.length) { state.selected = p.nodes[0]; showNode(p.nodes[0]); }
    else if (p.edges.length) { showEdge(p.edges[0]); }
  });

  // ---- search, selection, language, neighbourhood ------------------------------------------------
  function select(i) {
    state.selected = i;
    network.selectNodes([i]);
    network.focus(i, {scale: Math.max(network.getScale(), 1.0), animation: false});
    showNode(i);
  }
  var results = document.getElementById("tjkg-results"), search = document.getElementById("tjkg-search");
  var matches = [];
  function find(query) {
    var q = fold(query), out = [], i;
    if (!q) { return out; }
    for (i = 0; i < nodesData.length && out.length < 30; i++) { if (nodesData[i].k.indexOf(q) >= 0) { out.push(i); } }
    return out;
  }
  search.addEventListener("input", function () {
    matches = find(search.value);
    results.replaceChildren();
    matches.forEach(function (i, rank) {
      var n = nodesData[i], li = el("li"), all = [];
      li.appendChild(el("span", labelOf(n, state.lang)));
      Object.keys(n.l).forEach(function (t) { all = all.concat(n.l[t]); });
      li.appendChild(el("div", n.t + " · " + all.join(" · "), "meta"));
      if (rank === 0) { li.className = "active"; }
      li.addEventListener("click", function () { select(i); });
      results.appendChild(li);
    });
    if (search.value && !matches.length) { results.appendChild(el("li", "no match", "meta")); }
    results.hidden = !search.value;
  });
  search.addEventListener("keydown", function (ev) {
    if (ev.key === "Enter" && matches.length) { select(matches[0]); }
  });
  langSelect.addEventListener("change", function () {
    state.lang = langSelect.value;
    nodes.update(nodesData.map(function (n, i) { return {id: i, label: labelOf(n, state.lang)}; }));
    if (state.selected !== null) { showNode(state.selected); }
  });
  document.getElementById("tjkg-around").addEventListener("click", function () {
    if (state.selected === null) { return; }
    state.around = aroundSet(state.selected, Number(document.getElementById("tjkg-hops").value));
    applyVisibility();
    network.fit({nodes: Array.from(state.around.keys()), animation: false});
  });
  document.getElementById("tjkg-all").addEventListener("click", function () {
    state.around = null; applyVisibility(); network.fit({animation: false});
  });

  var api = {network: network, nodes: nodes, edges: edges, data: data, select: function (iri) {
    var i = nodesData.findIndex(function (n) { return n.i === iri; });
    if (i >= 0) { select(i); }
    return i;
  }, find: find, counts: {nodes: nodesData.length, edges: edgesData.length}, shown: null};
  window.tjkg = api;
  window.tjkgNetwork = network;
  applyVisibility();
  network.once("afterDrawing", function () {
    if (data.focus !== null && data.focus !== undefined) { select(data.focus); }
    window.tjkgReady = true;
  });
  network.fit({animation: false});
}());
"""
