"""RDF terms between rdflib (the API users see) and pyoxigraph (the store), and language tags.

Oxigraph stores language tags in lower case (``zh-hant``); tags are case-insensitive, but
people read ``zh-Hant``, so everything that leaves tjkg goes through :func:`canonical_lang`.
"""
from __future__ import annotations

import re

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef
from rdflib.term import Node

__all__ = ["canonical_lang", "to_ox", "from_ox", "fix_lang_tags"]

_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def canonical_lang(tag: str | None) -> str | None:
    """BCP 47 case conventions: language lower, script title, region upper.

    >>> canonical_lang("zh-hant")
    'zh-Hant'
    >>> canonical_lang("EN-us")
    'en-US'
    >>> canonical_lang(None) is None
    True
    """
    if not tag:
        return tag
    parts = tag.split("-")
    out = [parts[0].lower()]
    for part in parts[1:]:
        if len(part) == 4 and part.isalpha():
            out.append(part.title())
        elif len(part) == 2 and part.isalpha():
            out.append(part.upper())
        else:
            out.append(part.lower())
    return "-".join(out)


def to_ox(term: Node) -> ox.NamedNode | ox.Literal | ox.BlankNode:
    """An rdflib term as a pyoxigraph term."""
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    raise TypeError(f"not an RDF term: {term!r}")


def from_ox(term) -> Node | None:
    """A pyoxigraph term as an rdflib term (language tags in canonical case)."""
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=canonical_lang(term.language))
        if term.datatype.value == _XSD_STRING:  # RDF 1.1: a simple literal is an xsd:string
            return Literal(term.value)
        return Literal(term.value, datatype=URIRef(term.datatype.value))
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.DefaultGraph):
        return None
    raise TypeError(f"unsupported term: {term!r}")


# a language tag right after the closing quote of a literal (not an escaped quote)
_TAG = re.compile(rb'(?<!\\)"@([A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})+)(?=[\s,;.\]})])')


def fix_lang_tags(serialized: bytes) -> bytes:
    """Give the language tags in N-Triples/N-Quads/Turtle/TriG output their canonical case.

    >>> fix_lang_tags(b'<a> <b> "x"@zh-hant .')
    b'<a> <b> "x"@zh-Hant .'
    """
    return _TAG.sub(lambda m: b'"@' + canonical_lang(m.group(1).decode()).encode(), serialized)
