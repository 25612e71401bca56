"""The explorer: server-rendered HTML pages over the graph, working with the network off.

- ``/`` the entry page: search box, what the graph holds, the latest announcements;
- ``/search?q=`` entities whose label in any language contains the words;
- ``/entity?iri=`` (and ``/id/...`` for IRIs under the base) an entity: its labels in every
  language, types, facts grouped by relation, each with its evidence sentence and a link to
  its announcement, and its neighbourhood drawn by the renderer of ``tjkg render``
  (``/entity/graph?iri=&hops=``);
- ``/announcement?iri=`` (and ``/announcement/<id>``) an announcement's metadata and facts;
- ``/queries`` the saved queries, ``/queries/<name>`` one of them with its results (``format=csv``
  downloads them);
- ``/sparql`` in a browser: a query form, a results table and a CSV download.

Pages are Jinja templates (graph/templates) with autoescaping on: every label, sentence and
title from an announcement is text, never markup. Pages load nothing from elsewhere and run no
script (a Content-Security-Policy says so to the browser); only the neighbourhood drawing runs
the renderer's inlined script. Every query binds its inputs (:func:`graph.sparql.bind_values`)
and reads named graphs with ``GRAPH`` patterns, so the pages work on any SPARQL server.
"""
from __future__ import annotations

import importlib.util
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, unquote, urlencode

from rdflib import Literal, URIRef
from rdflib.namespace import RDF, RDFS, SKOS

from .ids import ENTITY_GRAPH
from .results import MEDIA_TYPES, PREFIXES
from .vocab import KIND_OF_PREDICATE, SCHEMA
from .web import BadRequest, NotFound, Request, Response

__all__ = ["Explorer", "TermView", "LANGUAGES", "GRAPH_CSP"]

LANGUAGES = ("en", "zh-Hant", "ja")
_TEMPLATES = Path(__file__).resolve().parent / "templates"
# the neighbourhood drawing is the renderer's self-contained page: inline script, nothing else
GRAPH_CSP = ("default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; "
             "font-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'self'")
_PRE = "\n".join(f"PREFIX {p}: <{ns}>" for p, ns in PREFIXES.items()) + "\n"
_LABELS = (str(RDFS.label), str(SKOS.altLabel))
_HIDDEN = {str(RDF.type), *_LABELS}
EXAMPLE_QUERY = _PRE + """
SELECT ?entity ?type ?label WHERE {
  GRAPH ?g { ?entity a ?type ; rdfs:label ?label }
}
LIMIT 20
"""

Q_EXISTS = "ASK { GRAPH ?g { { ?this ?p ?o } UNION { ?s ?p ?this } } }"
Q_DESCRIBE = _PRE + """CONSTRUCT { ?this ?p ?o . ?s ?q ?this . ?st ?sp ?so } WHERE {
  { GRAPH ?g { ?this ?p ?o } }
  UNION { GRAPH ?g { ?s ?q ?this } }
  UNION { GRAPH ?g { ?st rdf:subject|rdf:object ?this ; ?sp ?so } } }"""
# Sort keys are computed strings (CONCAT), which Oxigraph compares in memory (a stored string is
# read from the store at every comparison), and no OPTIONAL sits inside GRAPH ?g with ?g unbound:
# both cost seconds on a large store.
Q_ABOUT = 'SELECT ?p ?o ?g WHERE { GRAPH ?g { ?this ?p ?o } } ORDER BY CONCAT("~", STR(?p)) ?o'
Q_REFERENCED = _PRE + """SELECT ?s ?p ?g WHERE { GRAPH ?g { ?s ?p ?this }
  FILTER(?p NOT IN (rdf:subject, rdf:object)) } ORDER BY CONCAT("~", STR(?p)) CONCAT("~", STR(?s))"""
Q_FACTS = _PRE + """SELECT ?dir ?pred ?other ?evidence ?date ?conf ?g WHERE {
  { GRAPH ?g { ?st rdf:subject ?this ; rdf:predicate ?pred ; rdf:object ?other } BIND("out" AS ?dir) }
  UNION
  { GRAPH ?g { ?st rdf:object ?this ; rdf:predicate ?pred ; rdf:subject ?other } BIND("in" AS ?dir) }
  GRAPH ?g { ?st tjkg:evidence ?evidence }
  OPTIONAL { GRAPH ?g { ?st dcterms:date ?date } }
  OPTIONAL { GRAPH ?g { ?st tjkg:confidence ?conf } }
} ORDER BY CONCAT("~", STR(?pred)) ?dir CONCAT("~", STR(?other)) CONCAT("~", STR(?g))"""
Q_STATEMENTS = _PRE + """SELECT ?s ?pred ?o ?evidence ?date ?conf WHERE { GRAPH ?this {
  ?st a rdf:Statement ; rdf:subject ?s ; rdf:predicate ?pred ; rdf:object ?o ; tjkg:evidence ?evidence .
  OPTIONAL { ?st dcterms:date ?date } OPTIONAL { ?st tjkg:confidence ?conf } } } ORDER BY ?pred ?s ?o"""
Q_SEARCH = _PRE + """SELECT ?e ?label ?type WHERE {
  GRAPH ?g { ?e rdfs:label|skos:altLabel ?label . ?e a ?type }
  FILTER(CONTAINS(LCASE(STR(?label)), LCASE(STR(?q))))
}"""
Q_TYPES = _PRE + """SELECT ?type (COUNT(DISTINCT ?e) AS ?n) WHERE { GRAPH ?g { ?e a ?type }
  FILTER(STRSTARTS(STR(?type), STR(tjkg:))) } GROUP BY ?type ORDER BY DESC(?n)"""
# the ten latest from two scans joined by hash, before anything is looked up per announcement
Q_LATEST = _PRE + """SELECT ?a ?title ?published ?lang WHERE {
  { SELECT ?a ?title ?published WHERE {
      { SELECT ?a ?title WHERE { GRAPH ?a { ?a schema:headline ?title } } }
      OPTIONAL { SELECT ?a ?published WHERE { GRAPH ?a { ?a schema:datePublished ?published } } } }
    ORDER BY DESC(?published) CONCAT("~", STR(?a)) LIMIT 10 }
  GRAPH ?a { ?a a tjkg:Announcement }
  OPTIONAL { GRAPH ?a { ?a schema:inLanguage ?lang } }
} ORDER BY DESC(?published) CONCAT("~", STR(?a))"""


@dataclass(frozen=True)
class TermView:
    """An RDF term as a page shows it: text, language tag or datatype, and a link for an IRI."""

    text: str
    href: str | None = None
    lang: str | None = None
    datatype: str | None = None
    iri: str | None = None


def _values(name: str, terms) -> str:
    """A ``VALUES`` block listing IRIs, each written by Oxigraph's N-Triples writer."""
    from .terms import to_ox

    return f"VALUES ?{name} {{ {' '.join(str(to_ox(URIRef(t))) for t in terms)} }}"


class Explorer:
    """The pages of one server (``app`` runs the queries and knows the settings)."""

    def __init__(self, app) -> None:
        self.app = app
        self.base = app.settings.base
        self._env = None
        self._namespaces = sorted({**PREFIXES, "id": self.base + "id/"}.items(), key=lambda kv: -len(kv[1]))

    # ---- plumbing ------------------------------------------------------------------------------
    def page_for(self, path: str):
        pages = {"/": self.home, "/search": self.search, "/entity": self.entity, "/entity/graph": self.entity_graph,
                 "/announcement": self.announcement, "/queries": self.queries}
        if path.startswith("/queries/"):
            return self.saved_query
        return pages.get(path)

    def _render(self, template: str, request: Request, status: int = 200, **context) -> Response:
        if self._env is None:
            from jinja2 import Environment, FileSystemLoader, StrictUndefined

            self._env = Environment(loader=FileSystemLoader(str(_TEMPLATES)), autoescape=True,
                                    undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
        lang = self.lang(request)
        switch = [(tag, "?" + urlencode({**{k: v[0] for k, v in request.params.items()}, "lang": tag}))
                  for tag in LANGUAGES]
        page = self._env.get_template(template).render(lang=lang, languages=switch, path=request.path, **context)
        return Response(status, page.encode("utf-8"), "text/html; charset=utf-8")

    @staticmethod
    def lang(request: Request) -> str:
        lang = request.param("lang") or "en"
        return lang if lang in LANGUAGES else "en"

    def compact(self, iri: str) -> str:
        """``prefix:local`` for an IRI in a known namespace, else the IRI."""
        for prefix, ns in self._namespaces:
            if iri.startswith(ns) and len(iri) > len(ns):
                return f"{prefix}:{iri[len(ns):]}"
        return iri

    def link(self, iri: str) -> str:
        """The local page of an IRI: its path under the base, else ``/entity?iri=``."""
        for folder in ("id/", "announcement/"):
            rest = iri[len(self.base + folder):]
            if (iri.startswith(self.base + folder) and rest and ".." not in rest.split("/")
                    and self.iri_of_path("/" + folder + rest) == iri):  # the path stands for this IRI exactly
                return "/" + folder + rest
        return "/entity?" + urlencode({"iri": iri})

    def iri_of_path(self, raw_path: str) -> str:
        """The IRI a ``/id/...`` or ``/announcement/...`` path stands for (percent-encoding as
        :mod:`graph.ids` writes it)."""
        rest = raw_path.lstrip("/")
        folder, _, tail = rest.partition("/")
        safe = "/-_.~" if folder == "id" else "-_.~"
        return self.base + folder + "/" + quote(unquote(tail), safe=safe)

    def view(self, term, labels: dict[str, dict[str, list[str]]] | None = None, lang: str = "en") -> TermView | None:
        if term is None:
            return None
        if isinstance(term, URIRef):
            iri = str(term)
            text = _pick(labels.get(iri), lang) if labels else None
            return TermView(text or self.compact(iri), self.link(iri), iri=iri)
        if isinstance(term, Literal):
            dt = self.compact(str(term.datatype)) if term.datatype and not term.language else None
            return TermView(str(term), lang=term.language, datatype=None if dt == "xsd:string" else dt)
        return TermView(str(term))

    def labels(self, iris) -> dict[str, dict[str, list[str]]]:
        """Labels (and announcement headlines) of these IRIs: IRI -> language -> labels, the
        preferred labels first."""
        iris = sorted({str(i) for i in iris if isinstance(i, (str, URIRef))})
        out: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
        for start in range(0, len(iris), 400):
            chunk = iris[start:start + 400]
            query = (_PRE + "SELECT ?x ?p ?l WHERE { " + _values("x", chunk)
                     + " VALUES ?p { rdfs:label skos:altLabel schema:headline } GRAPH ?g { ?x ?p ?l } }")
            rows = self.app.rows(query, limit=20 * len(chunk)).rows
            for x, p, label in sorted(rows, key=lambda r: (str(r[0]), str(r[1]) == str(SKOS.altLabel), str(r[2]))):
                out[str(x)][label.language or ""].append(str(label))
        return out

    def exists(self, term) -> bool:
        return bool(self.app.run(Q_EXISTS, bindings={"this": term}).value)

    @staticmethod
    def describe_query() -> str:
        """CONSTRUCT of what is said about ``?this``: its triples, the triples pointing to it,
        and the statements (with evidence) about it."""
        return Q_DESCRIBE

    # ---- pages ---------------------------------------------------------------------------------
    def home(self, request: Request) -> Response:
        types = [(self.compact(str(t)).split(":", 1)[-1], int(n)) for t, n in self.app.rows(Q_TYPES).rows]
        latest = [(self.link(str(a)), str(t), p and str(p), lg and str(lg))
                  for a, t, p, lg in self.app.rows(Q_LATEST).rows]
        return self._render("home.html", request, types=types, latest=latest)

    def search(self, request: Request) -> Response:
        q = (request.param("q") or "").strip()
        if len(q) > 200:
            raise BadRequest("the search text is longer than 200 characters")
        hits = []
        if q:
            rows = self.app.rows(Q_SEARCH, {"q": Literal(q)}, limit=2000).rows
            best: dict[str, tuple] = {}
            types: dict[str, set[str]] = defaultdict(set)
            folded = q.casefold()
            for e, label, typ in rows:
                text = str(label).casefold()
                rank = (0 if text == folded else 1 if text.startswith(folded) else 2, len(text), text)
                types[str(e)].add(str(typ))
                if str(e) not in best or rank < best[str(e)][0]:
                    best[str(e)] = (rank, label)
            ordered = sorted(best.items(), key=lambda kv: kv[1][0])[:100]
            labels = self.labels(e for e, _ in ordered)
            lang = self.lang(request)
            hits = [(TermView(_pick(labels.get(e), lang) or self.compact(e), self.link(e), iri=e), self.view(label),
                     ", ".join(sorted(self.compact(t).split(":", 1)[-1] for t in types[e]
                                      if t.startswith(PREFIXES["tjkg"])))) for e, (_, label) in ordered]
        return self._render("search.html", request, q=q, hits=hits)

    def page_of(self, request: Request, iri: str) -> Response:
        """The page of a dereferenced IRI: an announcement's or an entity's."""
        if iri.startswith(self.base + "announcement/"):
            return self._announcement_page(request, iri)
        return self._entity_page(request, iri)

    def entity(self, request: Request) -> Response:
        iri = request.param("iri")
        if not iri:
            raise BadRequest("give the entity's IRI: /entity?iri=...")
        if request.param("format") not in (None, "html"):
            return self.app.dereference(request, iri)
        return self.page_of(request, iri)

    def _entity_page(self, request: Request, iri: str) -> Response:
        from .server import iri_term

        this = {"this": iri_term(iri)}
        lang = self.lang(request)
        limit = self.app.settings.page_rows
        about = self.app.run(Q_ABOUT, bindings=this, max_rows=limit, truncate=True)
        facts = self.app.run(Q_FACTS, bindings=this, max_rows=limit, truncate=True)
        referenced = self.app.run(Q_REFERENCED, bindings=this, max_rows=limit, truncate=True)
        if not (about.value.rows or facts.value.rows or referenced.value.rows):
            raise NotFound(f"nothing is known about <{iri}>")
        mentioned = {iri}
        for rows in (about.value.rows, facts.value.rows, referenced.value.rows):
            for row in rows:
                mentioned.update(str(t) for t in row if isinstance(t, URIRef))
        labels = self.labels(mentioned)
        own = labels.get(iri, {})
        label_rows = [(tag, own[tag]) for tag in sorted(own, key=_lang_order)]
        types = [self.compact(str(o)) for p, o, _ in about.value.rows if str(p) == str(RDF.type)]
        # one item per fact (relation, direction, other side, date), with every sentence stating it
        facts_by_key: dict[tuple, dict] = {}
        for direction, pred, other, evidence, date, conf, g in facts.value.rows:
            key = (str(pred), str(direction), str(other), date and str(date))
            item = facts_by_key.setdefault(key, {"other": self.view(other, labels, lang), "date": date and str(date),
                                                 "evidence": []})
            item["evidence"].append({"text": str(evidence), "lang": evidence.language,
                                     "confidence": conf and str(conf), "source": self.view(g, labels, lang)})
        groups: dict[tuple[str, str], list] = defaultdict(list)
        for (pred, direction, _, _), item in facts_by_key.items():
            groups[(pred, direction)].append(item)
        fact_groups = [{"relation": KIND_OF_PREDICATE.get(pred, self.compact(pred)), "direction": direction,
                        "facts": items} for (pred, direction), items in sorted(groups.items())]
        properties: dict[str, list] = defaultdict(list)
        for p, o, g in about.value.rows:
            if str(p) not in _HIDDEN:
                properties[self.compact(str(p))].append((self.view(o, labels, lang), self.view(g, labels, lang)))
        refs: dict[str, list] = defaultdict(list)
        for s, p, g in referenced.value.rows:
            refs[self.compact(str(p))].append((self.view(s, labels, lang), self.view(g, labels, lang)))
        truncated = about.truncated or facts.truncated or referenced.truncated
        page = self.link(iri)
        rdf_links = [(name, page + ("&" if "?" in page else "?") + urlencode({"format": name}))
                     for name in ("ttl", "jsonld", "nt")]
        graph_src = None
        if importlib.util.find_spec("graph.render") is not None:
            graph_src = "/entity/graph?" + urlencode({"iri": iri, "hops": 1, "lang": lang})
        return self._render("entity.html", request, iri=iri, title=_pick(own, lang) or self.compact(iri),
                            types=types, label_rows=label_rows, fact_groups=fact_groups,
                            properties=sorted(properties.items()), referenced=sorted(refs.items()),
                            truncated=truncated, limit=limit, rdf_links=rdf_links, graph_src=graph_src)

    def entity_graph(self, request: Request) -> Response:
        """The neighbourhood of an entity drawn by ``tjkg render``'s renderer, as its own page."""
        from .server import iri_term

        iri = request.param("iri") or ""
        term = iri_term(iri)
        try:
            hops = max(1, min(3, int(request.param("hops") or 1)))
        except ValueError:
            raise BadRequest("hops must be 1, 2 or 3") from None
        if not self.exists(term):
            raise NotFound(f"nothing is known about <{iri}>")
        try:
            from .network import NetworkError, to_networkx
            from .render import render_html
        except ImportError:
            raise NotFound("the graph renderer is not installed") from None
        lang = self.lang(request)
        title = "Neighbourhood of " + (_pick(self.labels([iri]).get(iri), lang) or self.compact(iri))
        try:
            page = render_html(to_networkx(self.neighbourhood(iri, hops)), lang=lang, focus=iri, hops=hops,
                               title=title)
        except NetworkError as e:
            raise NotFound(f"no neighbourhood to draw: {e}") from None
        return Response(200, page.encode("utf-8"), "text/html; charset=utf-8", {"Content-Security-Policy": GRAPH_CSP})

    def neighbourhood(self, iri: str, hops: int, *, max_graphs: int = 200):
        """An in-memory store holding the announcements within ``hops`` of the entity, and the
        labels and types of everything in them."""
        from .store import open_store
        from .terms import to_ox

        import pyoxigraph as ox

        graphs: set[str] = set()
        nodes, frontier = {iri}, {iri}
        for _ in range(hops):
            if not frontier or len(graphs) >= max_graphs:
                break
            found = self.app.rows(_PRE + "SELECT DISTINCT ?g WHERE { " + _values("x", sorted(frontier)[:400])
                                  + " GRAPH ?g { { ?x ?p ?o } UNION { ?s ?p ?x } } FILTER(?g != <"
                                  + ENTITY_GRAPH + ">) }", limit=max_graphs).rows
            new = {str(g) for (g,) in found} - graphs
            graphs |= new
            if not new:
                break
            linked = self.app.rows(_PRE + "SELECT DISTINCT ?n WHERE { " + _values("g", sorted(new))
                                   + " GRAPH ?g { ?st rdf:subject|rdf:object ?n } FILTER(isIRI(?n)) }",
                                   limit=5000).rows
            frontier = {str(n) for (n,) in linked} - nodes
            nodes |= frontier
        store = open_store("memory")
        quads: list = []
        if graphs:
            rows = self.app.rows("SELECT ?s ?p ?o ?g WHERE { " + _values("g", sorted(graphs))
                                 + " GRAPH ?g { ?s ?p ?o } }", limit=100_000).rows
            quads += rows
            nodes |= {str(o) for _, _, o, _ in rows if isinstance(o, URIRef)} | {str(s) for s, _, _, _ in rows}
        ordered = sorted(nodes)
        for start in range(0, len(ordered), 400):
            quads += self.app.rows(_PRE + "SELECT ?s ?p ?o ?g WHERE { " + _values("s", ordered[start:start + 400])
                                   + " VALUES ?p { rdf:type rdfs:label skos:altLabel } GRAPH ?g { ?s ?p ?o } }",
                                   limit=100_000).rows
        store.ox.extend(ox.Quad(to_ox(s), to_ox(p), to_ox(o), to_ox(g)) for s, p, o, g in quads)
        return store

    def announcement(self, request: Request) -> Response:
        iri = request.param("iri")
        if not iri:
            raise BadRequest("give the announcement's IRI: /announcement?iri=...")
        return self._announcement_page(request, iri)

    def _announcement_page(self, request: Request, iri: str) -> Response:
        from .server import iri_term

        this = {"this": iri_term(iri)}
        lang = self.lang(request)
        meta = self.app.rows("SELECT ?p ?o WHERE { GRAPH ?this { ?this ?p ?o } } ORDER BY ?p ?o", this).rows
        if not meta:
            raise NotFound(f"no announcement <{iri}> in the graph")
        facts = self.app.run(Q_STATEMENTS, bindings=this, max_rows=self.app.settings.page_rows, truncate=True)
        mentioned = {str(o) for p, o in meta if str(p) == str(SCHEMA.mentions)}
        for s, _, o, *_ in facts.value.rows:
            mentioned |= {str(t) for t in (s, o) if isinstance(t, URIRef)}
        labels = self.labels(mentioned)
        fields, url = [], None
        for p, o in meta:
            if str(p) == str(SCHEMA.mentions):
                continue
            if str(p) == str(SCHEMA.url) and str(o).startswith(("http://", "https://")):
                url = str(o)
            fields.append((self.compact(str(p)), self.view(o)))
        groups: dict[str, list] = defaultdict(list)
        for s, pred, o, evidence, date, conf in facts.value.rows:
            groups[KIND_OF_PREDICATE.get(str(pred), self.compact(str(pred)))].append({
                "subject": self.view(s, labels, lang), "object": self.view(o, labels, lang),
                "evidence": str(evidence), "evidence_lang": evidence.language, "date": date and str(date),
                "confidence": conf and str(conf)})
        title = next((str(o) for p, o in meta if str(p) == str(SCHEMA.headline)), self.compact(iri))
        entities = sorted((self.view(URIRef(e), labels, lang) for e in mentioned), key=lambda v: v.text.casefold())
        return self._render("announcement.html", request, iri=iri, title=title, fields=fields, url=url,
                            entities=entities, fact_groups=sorted(groups.items()), truncated=facts.truncated,
                            limit=self.app.settings.page_rows)

    def queries(self, request: Request) -> Response:
        from .query import saved_queries

        return self._render("queries.html", request, queries=sorted(saved_queries().values(), key=lambda q: q.name))

    def saved_query(self, request: Request) -> Response:
        from .query import saved_queries, to_bindings

        name = request.path[len("/queries/"):]
        saved = saved_queries().get(name)
        if saved is None:
            raise NotFound(f"no saved query {name!r}; see /queries")
        values = {p: request.param(p, "") for p in saved.parameters}
        missing = [p for p, v in values.items() if not v.strip()]
        fmt = request.param("format")
        if fmt and fmt != "html":
            if missing:
                raise BadRequest(f"saved query {name!r} needs a value for: {', '.join(missing)}")
            if fmt not in ("csv", "tsv", "json", "xml"):
                raise BadRequest(f"format {fmt!r}: choose csv, tsv, json or xml")
            outcome = self.app.run(saved.text, fmt, bindings=to_bindings(values))
            return Response(200, outcome.body, MEDIA_TYPES[fmt] + "; charset=utf-8",
                            {"Content-Disposition": f'attachment; filename="{name}.{fmt}"'})
        table = None
        if not missing:
            outcome = self.app.run(saved.text, bindings=to_bindings(values), max_rows=self.app.settings.page_rows,
                                   truncate=True)
            table = self._table(outcome, request)
        download = f"/queries/{quote(name)}?" + urlencode({**values, "format": "csv"})
        return self._render("query.html", request, saved=saved, values=values, table=table,
                            download=None if missing else download)

    def sparql_page(self, request: Request, query: str) -> Response:
        """The SPARQL form, with the results of ``query`` when there is one."""
        table, text, error, status = None, None, None, 200
        if query:
            try:
                form = self.app.check_query(query)
                if form in ("CONSTRUCT", "DESCRIBE"):
                    text = self.app.run(query, "ttl", max_rows=self.app.settings.page_rows,
                                        truncate=True).body.decode("utf-8")
                else:
                    outcome = self.app.run(query, max_rows=self.app.settings.page_rows, truncate=True)
                    table = self._table(outcome, request)
            except Exception as e:  # shown on the page, with the status it would have
                status = getattr(e, "status", 400)
                error = " ".join(str(e).split())
        csv_link = None
        if table and table["kind"] == "rows":
            csv_link = "/sparql?" + urlencode({"query": query, "format": "csv"})
        return self._render("sparql.html", request, status, query=query or EXAMPLE_QUERY, table=table, text=text,
                            error=error, csv_link=csv_link)

    def _table(self, outcome, request: Request) -> dict:
        lang = self.lang(request)
        if outcome.kind == "boolean":
            return {"kind": "boolean", "value": outcome.value}
        result = outcome.value
        iris = {str(t) for row in result.rows for t in row if isinstance(t, URIRef)}
        labels = self.labels(iris) if len(iris) <= 2000 else {}
        rows = [[self.view(t, labels, lang) for t in row] for row in result.rows]
        return {"kind": "rows", "variables": result.variables, "rows": rows, "truncated": outcome.truncated,
                "limit": self.app.settings.page_rows}


def _lang_order(tag: str) -> tuple[int, str]:
    return (LANGUAGES.index(tag) if tag in LANGUAGES else len(LANGUAGES), tag)


def _pick(labels: dict[str, list[str]] | None, lang: str) -> str | None:
    """The label to show in ``lang``, falling back to English, Chinese, Japanese, any."""
    from .network import label_of

    return label_of({"labels": labels or {}}, lang) or None
