"""SPARQL for people: saved queries by name, parameters bound (never formatted), results as
pandas DataFrames that keep language tags and datatypes, and as csv/tsv/json/table text.
"""
from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from rdflib import XSD, Literal, URIRef
from rdflib.term import Node

from .errors import QueryError
from .paths import data_dir
from .store import SelectResult, Store

__all__ = ["SavedQuery", "saved_queries", "resolve_query", "to_bindings", "to_dataframe", "format_result",
           "OUTPUT_FORMATS", "run", "table_columns"]

OUTPUT_FORMATS = ("table", "csv", "tsv", "json")
_NUMERIC = {str(XSD.integer): int, str(XSD.int): int, str(XSD.long): int, str(XSD.decimal): float,
            str(XSD.double): float, str(XSD.float): float}


@dataclass(frozen=True)
class SavedQuery:
    """A query in data/queries/: its name (the file stem), what it answers (the first comment
    line), its text, and the variables it expects to be bound (``# @param ?name: ...`` lines)."""

    name: str
    description: str
    text: str
    parameters: tuple[str, ...]
    path: Path


_PARAM = re.compile(r"^#\s*@param\s+[?$](\w+)", re.M)


def _parameters(text: str) -> tuple[str, ...]:
    """The variables a saved query expects to be bound, declared as ``# @param ?name: ...``.

    >>> _parameters(chr(10).join(["# q: x", "# @param ?name: a label", "SELECT ..."]))
    ('name',)
    """
    return tuple(_PARAM.findall(text))


def saved_queries(directory: Path | None = None) -> dict[str, SavedQuery]:
    """The saved queries, by name.

    >>> "mou-partners" in saved_queries()
    True
    >>> saved_queries()["entity"].parameters
    ('name',)
    """
    directory = directory or data_dir() / "queries"
    out: dict[str, SavedQuery] = {}
    for path in sorted(directory.glob("*.rq")):
        text = path.read_text(encoding="utf-8")
        first = text.splitlines()[0] if text else ""
        description = first.lstrip("# ").split(":", 1)[-1].strip() if first.startswith("#") else ""
        out[path.stem] = SavedQuery(path.stem, description, text, _parameters(text), path)
    return out


def resolve_query(name_or_text: str) -> tuple[str, SavedQuery | None]:
    """A saved query's name, a path to a .rq file, or SPARQL text -> (SPARQL, saved query or None)."""
    saved = saved_queries()
    if name_or_text in saved:
        return saved[name_or_text].text, saved[name_or_text]
    if name_or_text.endswith((".rq", ".sparql")) and "\n" not in name_or_text:
        path = Path(name_or_text)
        if not path.is_file():
            raise QueryError(f"{name_or_text}: no such query file")
        return path.read_text(encoding="utf-8"), None
    if re.match(r"\s*(PREFIX|BASE|SELECT|ASK|CONSTRUCT|DESCRIBE|#)", name_or_text, flags=re.I):
        return name_or_text, None
    raise QueryError(f"{name_or_text!r} is neither a saved query ({', '.join(saved)}) nor SPARQL")


def to_bindings(params: dict[str, object]) -> dict[str, Node]:
    """Python values as RDF terms to bind: str -> plain literal, IRIs stay IRIs.

    >>> to_bindings({"name": "Osaka"})
    {'name': rdflib.term.Literal('Osaka')}
    """
    out: dict[str, Node] = {}
    for key, value in params.items():
        if isinstance(value, (URIRef, Literal)):
            out[key] = value
        else:
            out[key] = Literal(value)
    return out


def _cell(term: Node | None) -> tuple[object, str | None]:
    if term is None:
        return None, None
    if isinstance(term, Literal):
        if term.language:
            return str(term), term.language
        convert = _NUMERIC.get(str(term.datatype)) if term.datatype else None
        if convert:
            try:
                return convert(Decimal(str(term)) if convert is float else str(term)), None
            except (ValueError, ArithmeticError):
                return str(term), None
        return str(term), None
    return str(term), None


def tagged_variables(result: SelectResult) -> set[str]:
    """The variables bound to a language-tagged literal in some row."""
    return {var for i, var in enumerate(result.variables)
            if any(isinstance(row[i], Literal) and row[i].language for row in result.rows)}


def to_dataframe(result: SelectResult, tagged: set[str] | None = None):
    """A DataFrame with one column per variable, and ``<var>_lang`` beside every column that
    holds language-tagged literals (or beside the ``tagged`` ones, so that every page of an
    answer has the columns of the whole).

    >>> from graph.store import SelectResult
    >>> from rdflib import Literal
    >>> df = to_dataframe(SelectResult(("label",), ((Literal("大阪府", lang="ja"),),)))
    >>> list(df.columns), df.loc[0, "label_lang"]
    (['label', 'label_lang'], 'ja')
    """
    import pandas as pd

    columns: dict[str, list] = {}
    for i, var in enumerate(result.variables):
        values, langs = zip(*(_cell(row[i]) for row in result.rows)) if result.rows else ((), ())
        columns[var] = list(values)
        if (var in tagged) if tagged is not None else any(langs):
            columns[f"{var}_lang"] = list(langs)
    return pd.DataFrame(columns, columns=list(columns))


def _text(term: Node | None) -> str:
    if term is None:
        return ""
    if isinstance(term, Literal) and term.language:
        return f"{term}@{term.language}"
    return str(term)


def table_columns(variables: tuple[str, ...]) -> list[int]:
    """The columns a table for people shows: an IRI column is left out where its label column
    (``<name>Label``) is there; csv, tsv and json keep every column.

    >>> table_columns(("party", "partyLabel", "date"))
    [1, 2]
    """
    return [i for i, var in enumerate(variables) if f"{var}Label" not in variables]


def format_result(result: SelectResult, fmt: str, tagged: set[str] | None = None) -> str:
    """SELECT rows as csv, tsv, json (SPARQL 1.1 JSON results) or a plain-text table;
    ``tagged`` as for :func:`to_dataframe`."""
    if fmt == "json":
        bindings = []
        for row in result.rows:
            b = {}
            for var, term in zip(result.variables, row):
                if term is None:
                    continue
                if isinstance(term, URIRef):
                    b[var] = {"type": "uri", "value": str(term)}
                elif isinstance(term, Literal):
                    b[var] = {"type": "literal", "value": str(term)}
                    if term.language:
                        b[var]["xml:lang"] = term.language
                    elif term.datatype and term.datatype != XSD.string:
                        b[var]["datatype"] = str(term.datatype)
                else:
                    b[var] = {"type": "bnode", "value": str(term)}
            bindings.append(b)
        doc = {"head": {"vars": list(result.variables)}, "results": {"bindings": bindings}}
        return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
    if fmt in ("csv", "tsv"):
        buf = io.StringIO()
        writer = csv.writer(buf, delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
        df = to_dataframe(result, tagged)
        writer.writerow(df.columns)
        for row in df.itertuples(index=False):
            writer.writerow(["" if v is None or v != v else v for v in row])
        return buf.getvalue()
    if fmt == "table":
        shown = table_columns(result.variables)
        names = [result.variables[i] for i in shown]
        widths = [len(v) for v in names]
        cells = [[_text(row[i]) for i in shown] for row in result.rows]
        for row in cells:
            widths = [max(w, len(c)) for w, c in zip(widths, row)]
        lines = ["  ".join(v.ljust(w) for v, w in zip(names, widths))]
        lines += ["  ".join(c.ljust(w) for c, w in zip(row, widths)) for row in cells]
        return "\n".join(lines) + "\n"
    raise QueryError(f"unknown output format {fmt!r}; choose one of {', '.join(OUTPUT_FORMATS)}")


def run(store: Store, name_or_text: str, params: dict[str, object] | None = None) -> SelectResult:
    """Run a saved query (by name), a .rq file or SPARQL text with bound parameters."""
    sparql, saved = resolve_query(name_or_text)
    params = dict(params or {})
    if saved:
        missing = [p for p in saved.parameters if p not in params]
        if missing:
            raise QueryError(f"saved query {saved.name!r} needs a value for: {', '.join(missing)}"
                             f" (e.g. --param {missing[0]}=...)")
    return store.select(sparql, to_bindings(params))
