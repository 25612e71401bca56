"""SPARQL results on the wire: the formats, content negotiation, and the serializers.

SELECT and ASK answers as SPARQL 1.1 JSON, XML, CSV or TSV; CONSTRUCT and DESCRIBE answers as
Turtle, N-Triples, JSON-LD or RDF/XML. Terms are pyoxigraph terms; every language tag leaves in
its canonical case (``zh-Hant``), which Oxigraph's own writers would lower-case.

>>> import pyoxigraph as ox
>>> rows = [(ox.NamedNode("http://x/a"), ox.Literal("大阪府", language="zh-hant"))]
>>> print(serialize_solutions(["e", "label"], rows, "tsv").decode(), end="")
?e	?label
<http://x/a>	"大阪府"@zh-Hant
>>> negotiate("solutions", "text/csv;q=0.9, application/sparql-results+xml")
'xml'
"""
from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable, Sequence
from xml.sax.saxutils import escape, quoteattr

import pyoxigraph as ox

from .errors import TjkgError
from .terms import canonical_lang, fix_lang_tags

__all__ = ["MEDIA_TYPES", "FORMATS", "FORMAT_NAMES", "NotAcceptable", "negotiate", "parse_accept",
           "serialize_solutions", "serialize_boolean", "serialize_graph", "term_json", "PREFIXES"]

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
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"


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


def term_json(term) -> dict:
    """One RDF term in the SPARQL 1.1 JSON results form."""
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        out = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = canonical_lang(term.language)
        elif term.datatype.value != _XSD_STRING:
            out["datatype"] = term.datatype.value
        return out
    if isinstance(term, ox.Triple):
        return {"type": "triple", "value": {"subject": term_json(term.subject),
                                            "predicate": term_json(term.predicate),
                                            "object": term_json(term.object)}}
    raise TypeError(f"not an RDF term: {term!r}")


def _term_xml(term) -> str:
    if isinstance(term, ox.NamedNode):
        return f"<uri>{escape(term.value)}</uri>"
    if isinstance(term, ox.BlankNode):
        return f"<bnode>{escape(term.value)}</bnode>"
    if isinstance(term, ox.Literal):
        if term.language:
            return f"<literal xml:lang={quoteattr(canonical_lang(term.language))}>{escape(term.value)}</literal>"
        if term.datatype.value != _XSD_STRING:
            return f"<literal datatype={quoteattr(term.datatype.value)}>{escape(term.value)}</literal>"
        return f"<literal>{escape(term.value)}</literal>"
    if isinstance(term, ox.Triple):
        return (f"<triple><subject>{_term_xml(term.subject)}</subject><predicate>{_term_xml(term.predicate)}"
                f"</predicate><object>{_term_xml(term.object)}</object></triple>")
    raise TypeError(f"not an RDF term: {term!r}")


def _term_csv(term) -> str:
    if term is None:
        return ""
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if isinstance(term, (ox.NamedNode, ox.Literal)):
        return term.value
    return str(term)


def _term_tsv(term) -> str:
    if term is None:
        return ""
    if isinstance(term, ox.Literal) and term.language:
        return f"{ox.Literal(term.value)}@{canonical_lang(term.language)}"
    return str(term)


def serialize_solutions(variables: Sequence[str], rows: Iterable[Sequence], fmt: str) -> bytes:
    """SELECT rows (tuples of pyoxigraph terms or ``None``) in a results format."""
    if fmt == "json":
        bindings = [{v: term_json(t) for v, t in zip(variables, row) if t is not None} for row in rows]
        doc = {"head": {"vars": list(variables)}, "results": {"bindings": bindings}}
        return json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    if fmt == "xml":
        out = ['<?xml version="1.0" encoding="UTF-8"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">',
               "<head>", *(f"<variable name={quoteattr(v)}/>" for v in variables), "</head>", "<results>"]
        for row in rows:
            out.append("<result>" + "".join(f"<binding name={quoteattr(v)}>{_term_xml(t)}</binding>"
                                            for v, t in zip(variables, row) if t is not None) + "</result>")
        out += ["</results>", "</sparql>\n"]
        return "\n".join(out).encode("utf-8")
    if fmt == "csv":
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\r\n")
        writer.writerow(variables)
        writer.writerows([_term_csv(t) for t in row] for row in rows)
        return buf.getvalue().encode("utf-8")
    if fmt == "tsv":
        lines = ["\t".join(f"?{v}" for v in variables)]
        lines += ["\t".join(_term_tsv(t) for t in row) for row in rows]
        return ("\n".join(lines) + "\n").encode("utf-8")
    raise NotAcceptable(f"unknown results format {fmt!r}")


def serialize_boolean(value: bool, fmt: str) -> bytes:
    """An ASK answer in a results format (CSV and TSV: one line, ``true`` or ``false``)."""
    word = "true" if value else "false"
    if fmt == "json":
        return json.dumps({"head": {}, "boolean": bool(value)}, separators=(",", ":")).encode("utf-8")
    if fmt == "xml":
        return ('<?xml version="1.0" encoding="UTF-8"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">'
                f"<head/><boolean>{word}</boolean></sparql>\n").encode("utf-8")
    if fmt in ("csv", "tsv"):
        return f"{word}\n".encode()
    raise NotAcceptable(f"unknown results format {fmt!r}")


_JSONLD_LANG = re.compile(rb'("@language":\s*")([^"]+)(")')
_XML_LANG = re.compile(rb'(xml:lang=")([^"]+)(")')
_RDF_FORMATS = {"ttl": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES, "jsonld": ox.RdfFormat.JSON_LD,
                "rdfxml": ox.RdfFormat.RDF_XML}


def _canonical_tags(pattern: re.Pattern, data: bytes) -> bytes:
    return pattern.sub(lambda m: m.group(1) + canonical_lang(m.group(2).decode()).encode() + m.group(3), data)


def serialize_graph(triples: Sequence, fmt: str) -> bytes:
    """CONSTRUCT or DESCRIBE triples (pyoxigraph ``Triple``) in an RDF format.

    >>> t = ox.Triple(ox.NamedNode("http://x/a"), ox.NamedNode("http://x/p"), ox.Literal("大阪", language="zh-hant"))
    >>> serialize_graph([t], "jsonld")
    b'[{"@id":"http://x/a","http://x/p":[{"@language":"zh-Hant","@value":"\\xe5\\xa4\\xa7\\xe9\\x98\\xaa"}]}]'
    """
    if fmt not in _RDF_FORMATS:
        raise NotAcceptable(f"unknown RDF format {fmt!r}")
    prefixes = PREFIXES if fmt in ("ttl", "rdfxml") else None
    data = ox.serialize(triples, format=_RDF_FORMATS[fmt], prefixes=prefixes)
    if fmt == "jsonld":
        return _canonical_tags(_JSONLD_LANG, data)
    if fmt == "rdfxml":
        return _canonical_tags(_XML_LANG, data)
    return fix_lang_tags(data)
