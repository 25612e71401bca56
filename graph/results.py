"""SPARQL results on the wire: the formats, content negotiation, and language tags.

SELECT and ASK answers as SPARQL 1.1 JSON, XML, CSV or TSV; CONSTRUCT and DESCRIBE answers as
Turtle, N-Triples, JSON-LD or RDF/XML, all written by Oxigraph's own (fast) writers; every
language tag then leaves in its canonical case (``zh-Hant``), which Oxigraph lower-cases.

>>> negotiate("solutions", "text/csv;q=0.9, application/sparql-results+xml")
'xml'
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

import pyoxigraph as ox

from .errors import TjkgError
from .terms import canonical_lang, fix_lang_tags

__all__ = ["MEDIA_TYPES", "FORMATS", "FORMAT_NAMES", "NotAcceptable", "negotiate", "parse_accept",
           "canonical_tags", "serialize_graph", "RESULTS_FORMATS", "RDF_FORMATS", "PREFIXES"]

# format name -> media type, per kind of answer, in the order the server prefers them
FORMATS: dict[str, dict[str, str]] = {
    "solutions": {"json": "application/sparql-results+json", "xml": "application/sparql-results+xml",
                  "csv": "text/csv", "tsv": "text/tab-separated-values"},
    "graph": {"ttl": "text/turtle", "nt": "application/n-triples", "jsonld": "application/ld+json",
              "rdfxml": "application/rdf+xml"},
}
FORMATS["boolean"] = FORMATS["solutions"]
MEDIA_TYPES = {name: media for kind in FORMATS.values() for name, media in kind.items()} | {"html": "text/html"}
# other media types clients send for the same formats
_ALIASES = {
    "solutions": {"application/json": "json", "text/javascript": "json", "application/javascript": "json",
                  "application/xml": "xml", "text/xml": "xml", "text/plain": "tsv"},
    "graph": {"application/x-turtle": "ttl", "application/turtle": "ttl", "text/plain": "nt",
              "application/json": "jsonld", "application/xml": "rdfxml", "text/xml": "rdfxml"},
}
_ALIASES["boolean"] = _ALIASES["solutions"]
# names accepted by the ``format`` parameter
FORMAT_NAMES = {"json": "json", "srj": "json", "xml": "xml", "srx": "xml", "csv": "csv", "tsv": "tsv",
                "ttl": "ttl", "turtle": "ttl", "nt": "nt", "ntriples": "nt", "n-triples": "nt",
                "jsonld": "jsonld", "json-ld": "jsonld", "rdfxml": "rdfxml", "rdf": "rdfxml", "xml-rdf": "rdfxml",
                "html": "html"}
PREFIXES = {
    "tjkg": "https://tjkg.example/ontology#", "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#", "xsd": "http://www.w3.org/2001/XMLSchema#",
    "skos": "http://www.w3.org/2004/02/skos/core#", "schema": "https://schema.org/",
    "dcterms": "http://purl.org/dc/terms/", "org": "http://www.w3.org/ns/org#", "prov": "http://www.w3.org/ns/prov#",
    "owl": "http://www.w3.org/2002/07/owl#",
}


class NotAcceptable(TjkgError):
    """No format the client accepts fits the answer (HTTP 406)."""

    status = 406


def parse_accept(header: str | None) -> list[tuple[str, float]]:
    """Media ranges and their quality, in the order given.

    >>> parse_accept("text/html, */*;q=0.1")
    [('text/html', 1.0), ('*/*', 0.1)]
    """
    out: list[tuple[str, float]] = []
    for part in (header or "*/*").split(","):
        media, *params = [p.strip() for p in part.split(";")]
        if not media:
            continue
        q = 1.0
        for p in params:
            key, _, value = p.partition("=")
            if key.strip().lower() == "q":
                try:
                    q = max(0.0, min(1.0, float(value)))
                except ValueError:
                    q = 0.0
        out.append((media.lower(), q))
    return out


def _quality(media: str, ranges: list[tuple[str, float]], aliases: Iterable[str] = (), *,
             wildcards: bool = True) -> float:
    """The quality the client gives this media type: from its most specific matching range."""
    best, specificity = 0.0, -1
    kinds = {media, *aliases}
    for rng, q in ranges:
        if rng in kinds:
            level = 2
        elif wildcards and rng.endswith("/*") and media.startswith(rng[:-1]):
            level = 1
        elif wildcards and rng == "*/*":
            level = 0
        else:
            continue
        if level > specificity or (level == specificity and q > best):
            best, specificity = q, level
    return best


def negotiate(kind: str, accept: str | None, fmt: str | None = None, *, html: bool = False) -> str:
    """The format name to answer with: the ``format`` parameter if given, else the format the
    ``Accept`` header prefers (``html`` only where a page exists), else the server's first.

    >>> negotiate("graph", "text/html,application/xhtml+xml,*/*;q=0.8", html=True)
    'html'
    >>> negotiate("graph", "*/*"), negotiate("solutions", None, "csv")
    ('ttl', 'csv')

    Raises
    ------
    NotAcceptable
        When the client accepts none of the formats, or names an unknown one.
    """
    offered = dict(FORMATS[kind])
    if html:
        offered["html"] = "text/html"
    if fmt:
        name = FORMAT_NAMES.get(fmt.lower())
        if name not in offered:
            raise NotAcceptable(f"format {fmt!r} does not fit a {kind} answer; choose one of {', '.join(offered)}")
        return name
    ranges = parse_accept(accept)
    aliases = _ALIASES[kind]
    scored = []
    for order, (name, media) in enumerate(offered.items()):
        names = [a for a, n in aliases.items() if n == name]
        if name == "html":  # a page only for clients that name HTML (browsers), not for */*
            q = _quality(media, ranges, ["application/xhtml+xml"], wildcards=False)
        else:
            q = _quality(media, ranges, names)
        scored.append((q, -order if name != "html" else 1, name))
    q, _, name = max(scored)
    if q <= 0:
        raise NotAcceptable(f"none of the accepted types ({accept}) fits a {kind} answer; "
                            f"accepted: {', '.join(offered.values())}")
    return name


# where a language tag sits in each format's output (never inside a literal, where a quote is
# escaped and a "<" is an entity)
_TAG_SITES = {
    "json": re.compile(rb'((?<!\\)"xml:lang":\s*")([^"]+)(")'),
    "jsonld": re.compile(rb'((?<!\\)"@language":\s*")([^"]+)(")'),
    "xml": re.compile(rb'(<literal xml:lang=")([^"]+)(")'),
    "rdfxml": re.compile(rb'(<[^<>]*\sxml:lang=")([^"]+)(")'),
}
RESULTS_FORMATS = {"json": ox.QueryResultsFormat.JSON, "xml": ox.QueryResultsFormat.XML,
                   "csv": ox.QueryResultsFormat.CSV, "tsv": ox.QueryResultsFormat.TSV}
RDF_FORMATS = {"ttl": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES, "jsonld": ox.RdfFormat.JSON_LD,
               "rdfxml": ox.RdfFormat.RDF_XML}


def canonical_tags(data: bytes, fmt: str) -> bytes:
    r"""Oxigraph's output with its (lower-cased) language tags in canonical case.

    >>> canonical_tags(b'{"value":"\\"xml:lang\\":\\"zh-hant\\"","xml:lang":"zh-hant"}', "json")
    b'{"value":"\\"xml:lang\\":\\"zh-hant\\"","xml:lang":"zh-Hant"}'
    >>> canonical_tags(b'?l\n"x"@zh-hant\n', "tsv")
    b'?l\n"x"@zh-Hant\n'
    """
    site = _TAG_SITES.get(fmt)
    if site is not None:
        return site.sub(lambda m: m.group(1) + canonical_lang(m.group(2).decode()).encode() + m.group(3), data)
    if fmt in ("tsv", "nt", "ttl"):
        return fix_lang_tags(data)
    return data


def serialize_graph(triples: Sequence, fmt: str) -> bytes:
    """Triples (pyoxigraph ``Triple``) in an RDF format, by Oxigraph's writers.

    >>> t = ox.Triple(ox.NamedNode("http://x/a"), ox.NamedNode("http://x/p"), ox.Literal("a", language="zh-hant"))
    >>> serialize_graph([t], "jsonld")
    b'[{"@id":"http://x/a","http://x/p":[{"@language":"zh-Hant","@value":"a"}]}]'
    """
    if fmt not in RDF_FORMATS:
        raise NotAcceptable(f"unknown RDF format {fmt!r}")
    prefixes = PREFIXES if fmt in ("ttl", "rdfxml") else None
    return canonical_tags(ox.serialize(triples, format=RDF_FORMATS[fmt], prefixes=prefixes), fmt)
