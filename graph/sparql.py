"""SPARQL query text, read the way a SPARQL parser reads it: tokens, query form, SERVICE, bindings.

A query is split into tokens by the SPARQL 1.1 lexical rules (IRIs, strings, comments,
variables, language tags are each one token), so a keyword written inside a string, an IRI or
a comment is never taken for a keyword. On top of the tokens:

- :func:`query_form` names the form (``SELECT``, ``ASK``, ``CONSTRUCT``, ``DESCRIBE``) or the
  first update operation;
- :func:`uses_service` finds a ``SERVICE`` clause (a federated query, which would make the
  server send a request elsewhere);
- :func:`bind_values` binds variables by a ``VALUES`` block placed at the start of the WHERE
  group of the query and of each of its sub-queries, each term written by Oxigraph's
  N-Triples writer: the portable way to pass parameters to any SPARQL 1.1 server, which has
  no parameter protocol of its own.

>>> query_form('PREFIX ex: <http://ex/> SELECT * WHERE { ?s ex:p "SERVICE" }')
'SELECT'
>>> uses_service('SELECT * WHERE { ?s <http://ex/service> "SERVICE" } # SERVICE')
False
>>> uses_service('SELECT * WHERE { SERVICE <http://ex/sparql> { ?s ?p ?o } }')
True
"""
from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from rdflib import Literal, URIRef
from rdflib.term import Node

from .errors import QueryError
from .terms import to_ox

__all__ = ["Token", "tokenize", "query_form", "uses_service", "bind_values", "values_block",
           "QUERY_FORMS", "UPDATE_OPERATIONS"]

QUERY_FORMS = ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE")
UPDATE_OPERATIONS = ("INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH")

# The SPARQL 1.1 terminals that can hide a keyword, tried in this order at every position.
_LEXER = re.compile(
    r"""
    (?P<ws>\s+)
  | (?P<comment>\#[^\r\n]*)
  | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
  | (?P<string>'''(?:[^'\\]|\\.|'(?!''))*'''
              | \"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"
              | '(?:[^'\\\r\n]|\\.)*'
              | "(?:[^"\\\r\n]|\\.)*")
  | (?P<var>[?$][^\W]+)
  | (?P<lang>@[A-Za-z]+(?:-[A-Za-z0-9]+)*)
  | (?P<word>[^\W\d](?:[\w.:%\\-]*[\w:%\\-])?|[\w.:%\\-]*:[\w.:%\\-]*[\w:%\\-]|_:[\w.-]*\w)
  | (?P<number>\d+(?:\.\d*)?(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?)
  | (?P<punct>\^\^|&&|\|\||<=|>=|!=|.)
    """,
    re.VERBOSE | re.DOTALL,
)
_VARNAME = re.compile(r"\w+")
# a word is a keyword only when it is a bare name: no prefix colon, no escape, no percent code
_KEYWORD = re.compile(r"[A-Za-z]+")


@dataclass(frozen=True)
class Token:
    """One lexical token: its kind, its text and where it starts in the query."""

    kind: str
    text: str
    start: int

    @property
    def end(self) -> int:
        return self.start + len(self.text)

    def keyword(self) -> str | None:
        """The upper-cased keyword if this token is a bare word, else ``None``."""
        if self.kind == "word" and _KEYWORD.fullmatch(self.text):
            return self.text.upper()
        return None


def tokenize(sparql: str) -> Iterator[Token]:
    """The tokens of a query, whitespace and comments left out.

    >>> [t.text for t in tokenize('ASK { ?s <http://x/a#b> "a } b" } # done')]
    ['ASK', '{', '?s', '<http://x/a#b>', '"a } b"', '}']
    >>> [t.kind for t in tokenize('"x"@zh-Hant ex:service ?service')]
    ['string', 'lang', 'word', 'var']
    """
    pos = 0
    while pos < len(sparql):
        m = _LEXER.match(sparql, pos)
        assert m is not None  # the last alternative matches any character
        kind = m.lastgroup or "punct"
        if kind not in ("ws", "comment"):
            yield Token(kind, m.group(), pos)
        pos = m.end()


def query_form(sparql: str) -> str:
    """The query form (``SELECT``, ``ASK``, ``CONSTRUCT``, ``DESCRIBE``) or update operation
    (``INSERT``, ``DELETE``, ``DROP``...) the text starts with, after its prologue.

    >>> query_form("# hi\\nBASE <http://x/> PREFIX a: <http://a/> ask {}")
    'ASK'
    >>> query_form("PREFIX : <http://a/> INSERT DATA { :a :b :c }")
    'INSERT'

    Raises
    ------
    QueryError
        When the text does not start like a query or an update.
    """
    tokens = iter(list(tokenize(sparql)))
    for token in tokens:
        word = token.keyword()
        if word == "BASE":
            next(tokens, None)
        elif word == "PREFIX":
            next(tokens, None)
            next(tokens, None)
        elif word in QUERY_FORMS or word in UPDATE_OPERATIONS:
            return word
        else:
            break
    raise QueryError("malformed SPARQL: expected SELECT, ASK, CONSTRUCT or DESCRIBE after the prologue")


def uses_service(sparql: str) -> bool:
    """Whether the query has a ``SERVICE`` clause (a federated query).

    Only a bare keyword counts: ``SERVICE`` in a string, an IRI, a comment, a variable name, a
    language tag or a prefixed name is data.

    >>> uses_service('SELECT * WHERE { ?s ?p "x"@service . ?service a ex:SERVICE }')
    False
    >>> uses_service("SELECT * WHERE {?s ?p ?o .service?x{?a ?b ?c}}")
    True
    """
    return any(t.keyword() == "SERVICE" for t in tokenize(sparql))


def _term_text(name: str, term: Node) -> str:
    if not isinstance(term, (URIRef, Literal)):
        raise QueryError(f"cannot bind ?{name} to {term!r}: only IRIs and literals can be bound")
    try:
        return str(to_ox(term))  # Oxigraph's N-Triples writer escapes quotes, braces, newlines
    except ValueError as e:
        raise QueryError(f"cannot bind ?{name}: {e}") from e


def values_block(bindings: Mapping[str, Node]) -> str:
    """A one-row ``VALUES`` block binding each variable to its term.

    >>> values_block({"name": Literal('say "hi" }'), "e": URIRef("http://x/a")})
    'VALUES (?name ?e) { ("say \\\\"hi\\\\" }" <http://x/a>) }'
    """
    for name in bindings:
        if not _VARNAME.fullmatch(name):
            raise QueryError(f"cannot bind {name!r}: not a SPARQL variable name")
    names = " ".join(f"?{name}" for name in bindings)
    terms = " ".join(_term_text(name, term) for name, term in bindings.items())
    return f"VALUES ({names}) {{ ({terms}) }}"


def _matching_brace(tokens: list[Token], i: int) -> int:
    """Index of the ``}`` closing the ``{`` at ``tokens[i]``."""
    depth = 0
    for j in range(i, len(tokens)):
        if tokens[j].text == "{" and tokens[j].kind == "punct":
            depth += 1
        elif tokens[j].text == "}" and tokens[j].kind == "punct":
            depth -= 1
            if depth == 0:
                return j
    raise QueryError("malformed SPARQL: unbalanced braces")


def _group_after(tokens: list[Token], i: int) -> int | None:
    """Index of the first ``{`` after ``tokens[i]`` at the same nesting depth, if any."""
    depth = 0
    for j in range(i + 1, len(tokens)):
        t = tokens[j]
        if t.kind != "punct":
            continue
        if t.text == "{":
            if depth == 0:
                return j
            depth += 1
        elif t.text == "(":
            depth += 1
        elif t.text == ")":
            depth -= 1
        elif t.text == "}":
            return None
    return None


def _where_groups(tokens: list[Token]) -> list[int]:
    """Indexes of the ``{`` opening the WHERE group of the query and of every sub-query."""
    groups: list[int] = []
    for i, t in enumerate(tokens):
        word = t.keyword()
        if word in ("SELECT", "ASK", "DESCRIBE"):
            j = _group_after(tokens, i)
            if j is not None:
                groups.append(j)
        elif word == "CONSTRUCT":
            nxt = tokens[i + 1] if i + 1 < len(tokens) else None
            if nxt is not None and nxt.keyword() == "WHERE":
                raise QueryError("cannot bind parameters in the short form CONSTRUCT WHERE { ... }; "
                                 "write CONSTRUCT { template } WHERE { pattern }")
            if nxt is not None and nxt.text == "{":
                j = _group_after(tokens, _matching_brace(tokens, i + 1))
                if j is not None:
                    groups.append(j)
    return groups


def bind_values(sparql: str, bindings: Mapping[str, Node] | None) -> str:
    """The query with the variables bound: a ``VALUES`` block opens the WHERE group of the
    query and of each sub-query (so a parameter used inside a sub-select is bound there too).

    >>> print(bind_values('SELECT ?e WHERE { ?e ?p ?name }', {"name": Literal("a } b")}))
    SELECT ?e WHERE { VALUES (?name) { ("a } b") } ?e ?p ?name }
    >>> q = 'SELECT ?e { { SELECT ?e WHERE { ?e ?p ?l FILTER(?l = ?n) } } }'
    >>> bind_values(q, {"n": Literal("x", lang="en")}).count('VALUES (?n) { ("x"@en) }')
    2

    Raises
    ------
    QueryError
        When a name is not a variable name, a term cannot be bound (a blank node), or the
        query has no WHERE group to bind in.
    """
    if not bindings:
        return sparql
    block = values_block(bindings)
    tokens = list(tokenize(sparql))
    groups = _where_groups(tokens)
    if not groups:
        raise QueryError(f"cannot bind {', '.join('?' + n for n in bindings)}: the query has no WHERE group")
    out, last = [], 0
    for j in groups:
        cut = tokens[j].end
        out += [sparql[last:cut], " ", block]
        last = cut
    out.append(sparql[last:])
    return "".join(out)
