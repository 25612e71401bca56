"""The ``tjkg`` command: build, ingest, extract, query, export, stats, validate.

Data goes to standard output (UTF-8), talk to standard error; a user mistake is one line on
standard error and a non-zero exit, never a traceback.
"""
from __future__ import annotations

import json
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from .errors import TjkgError

__all__ = ["app", "main"]

app = typer.Typer(
    name="tjkg",
    help="The knowledge graph of Taiwan-Japan industrial ties: announcements in, a traceable RDF graph out.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

StoreOption = Annotated[
    Optional[str],
    typer.Option(
        "--store",
        envvar="TJKG_STORE",
        help="Store: a directory (default .tjkg/store), 'memory', or a SPARQL query endpoint URL.",
        show_default=False,
    ),
]
UpdateUrlOption = Annotated[
    Optional[str],
    typer.Option("--update-url", envvar="TJKG_UPDATE_URL",
                 help="SPARQL update endpoint of a shared server (default: the --store URL)."),
]


class QueryFormat(str, Enum):
    table = "table"
    csv = "csv"
    tsv = "tsv"
    json = "json"


class ExportFormat(str, Enum):
    trig = "trig"
    nq = "nq"
    ttl = "ttl"
    nt = "nt"
    jsonld = "jsonld"
    graphml = "graphml"
    gexf = "gexf"
    csv = "csv"


NETWORK_FORMATS = ("graphml", "gexf", "csv")


class View(str, Enum):
    agreement = "agreement"
    collapsed = "collapsed"


class Analysis(str, Enum):
    centrality = "centrality"
    communities = "communities"
    brokers = "brokers"
    timeline = "timeline"
    industries = "partner-industry"
    ego = "ego"


class Centrality(str, Enum):
    pagerank = "pagerank"
    degree = "degree"
    betweenness = "betweenness"


ViewOption = Annotated[View, typer.Option("--view", help="agreement: MOUs and investments as event nodes; "
                                          "collapsed: party to party.")]
SeedOption = Annotated[int, typer.Option("--seed", help="Seed of everything random (layout, sampling, Louvain).")]
LangOption = Annotated[str, typer.Option("--lang", help="Label language: en, zh or ja (falls back to what exists).")]


# rows a table on a terminal shows unless --limit says otherwise
TERMINAL_ROWS = 100


def _err(message: str) -> None:
    typer.echo(message, err=True)


def _open(store: str | None, update_url: str | None = None):
    from .kg import open as open_kg

    kg = open_kg(store, update_url=update_url)
    _err(f"store: {kg.location}")
    return kg


def _progress():
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    return Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                    console=Console(stderr=True), transient=True)


def _run_ingest(kg, path: str, *, rebuild: bool) -> None:
    from .sources import iter_sources

    files = iter_sources(path)
    with _progress() as progress:
        task = progress.add_task("building" if rebuild else "ingesting", total=len(files))

        def on_file(file: Path, error: str | None) -> None:
            if error:
                progress.console.print(f"error: {error}", markup=False, highlight=False)
            progress.advance(task)

        report = (kg.build if rebuild else kg.ingest)(path, on_file=on_file)
    _err(report.summary())
    if report.failed:
        raise typer.Exit(1)


@app.command()
def build(
    directory: Annotated[Path, typer.Argument(help="Directory of announcements (.txt, .md, .html).")] = Path("data/announcements"),
    store: StoreOption = None,
    update_url: UpdateUrlOption = None,
) -> None:
    """(Re)build the store from a directory of announcements."""
    _run_ingest(_open(store, update_url), str(directory), rebuild=True)


@app.command()
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="Announcement files or directories to add or replace.")],
    store: StoreOption = None,
    update_url: UpdateUrlOption = None,
) -> None:
    """Add or replace announcements; each replaces its own graph in one transaction."""
    kg = _open(store, update_url)
    failed = False
    for path in paths:
        try:
            _run_ingest(kg, str(path), rebuild=False)
        except typer.Exit:
            failed = True
        except TjkgError as e:
            _err(f"error: {e}")
            failed = True
    if failed:
        raise typer.Exit(1)


@app.command()
def extract(
    file: Annotated[Path, typer.Argument(help="One announcement file.")],
    format: Annotated[str, typer.Option("--format", "-f", help="json (the contract of DESIGN.md) or table.")] = "json",
) -> None:
    """Print what one announcement yields: entities and relations with evidence."""
    from .extract import extract as run_extract
    from .extract import to_json
    from .sources import read_announcement

    result = run_extract(read_announcement(file))
    doc = to_json(result)
    if format == "json":
        sys.stdout.write(json.dumps(doc, ensure_ascii=False, indent=2) + "\n")
    elif format == "table":
        from rich.console import Console
        from rich.table import Table

        console = Console()
        t = Table(title=f"{doc['source']['title']} ({doc['source']['language']}, {doc['source']['published']})")
        for col in ("type", "label", "mentions"):
            t.add_column(col)
        for e in doc["entities"]:
            t.add_row(e["type"], e["label"], "; ".join(e["mentions"]))
        console.print(t)
        labels = {e["id"]: e["label"] for e in doc["entities"]}
        r = Table(title="relations")
        for col in ("subject", "predicate", "object", "date", "confidence"):
            r.add_column(col)
        for rel in doc["relations"]:
            r.add_row(labels.get(rel["subject"], rel["subject"]), rel["predicate"],
                      labels.get(rel["object"], str(rel["object"])), rel.get("date") or "", f"{rel['confidence']:.2f}")
        console.print(r)
    else:
        raise TjkgError(f"unknown format {format!r}; choose json or table")


def _parse_params(params: list[str]) -> dict[str, str]:
    out = {}
    for item in params:
        if "=" not in item:
            raise TjkgError(f"--param {item!r}: write it as name=value")
        key, value = item.split("=", 1)
        out[key.strip().lstrip("?$")] = value
    return out


@app.command()
def query(
    query: Annotated[str, typer.Argument(help="A saved query's name, a .rq file, or SPARQL text.")],
    format: Annotated[Optional[QueryFormat], typer.Option("--format", "-f", help="Output format (default: table on a terminal, csv otherwise).")] = None,
    param: Annotated[list[str], typer.Option("--param", "-p", help="Bind a variable: name=value (repeatable).")] = [],  # noqa: B006
    limit: Annotated[Optional[int], typer.Option("--limit", min=0, help=f"Print at most this many rows; 0 for all (default: all, or {TERMINAL_ROWS} in a table on a terminal).")] = None,
    offset: Annotated[int, typer.Option("--offset", min=0, help="Skip this many rows first (with --limit: one page).")] = 0,
    store: StoreOption = None,
    update_url: UpdateUrlOption = None,
) -> None:
    """Run a saved query or any SPARQL SELECT; print a table, csv, tsv or json."""
    from .query import format_result, tagged_variables

    kg = _open(store, update_url)
    result = kg.select(query, **_parse_params(param))
    fmt = (format.value if format else ("table" if sys.stdout.isatty() else "csv"))
    on_terminal = fmt == "table" and sys.stdout.isatty()
    if limit is None and on_terminal:
        limit = TERMINAL_ROWS  # thousands of rows scrolled past help no one; the footer says how to get them
    page = result.page(offset, limit or None)
    if on_terminal:
        _print_rich_table(page)
    else:
        sys.stdout.write(format_result(page, fmt, tagged_variables(result)))
    if len(page) == len(result):
        _err(f"{len(result):,} rows")
    elif not page.rows:
        _err(f"no rows after row {offset:,}: the answer has {len(result):,}")
    else:
        _err(f"rows {offset + 1:,}-{offset + len(page):,} of {len(result):,} "
             f"(--limit 0 prints all; --offset N pages; --format csv for a file)")


def _print_rich_table(result) -> None:
    from rich.console import Console
    from rich.table import Table

    from .query import _text, table_columns

    shown = table_columns(result.variables)
    table = Table(show_lines=False)
    for i in shown:
        table.add_column(result.variables[i], overflow="fold")
    for row in result.rows:
        table.add_row(*(_text(row[i]) for i in shown))
    Console().print(table)


@app.command("list-queries")
def list_queries() -> None:
    """List the saved queries and what each answers."""
    from .query import saved_queries

    for name, q in saved_queries().items():
        params = f" (parameters: {', '.join(q.parameters)})" if q.parameters else ""
        typer.echo(f"{name}: {q.description}{params}")


@app.command()
def export(
    format: Annotated[ExportFormat, typer.Option("--format", "-f", help="RDF format.")] = ExportFormat.trig,
    output: Annotated[Optional[Path], typer.Option("--output", "-o", help="File to write (default: standard output).")] = None,
    store: StoreOption = None,
    update_url: UpdateUrlOption = None,
) -> None:
    """Write the whole graph as RDF (trig, nq, ttl, nt, jsonld) or as a network (graphml, gexf,
    csv: nodes.csv, edges.csv and evidence.csv in the -o directory)."""
    kg = _open(store, update_url)
    if format.value in NETWORK_FORMATS:
        from .exports import write_network
        from .network import to_networkx

        if output is None:
            raise TjkgError(f"--format {format.value} writes files: name them with -o PATH")
        for path in write_network(to_networkx(kg), output, format.value):
            _err(f"wrote {path}")
        return
    data = kg.export(format.value)
    if output:
        output.write_bytes(data)
        _err(f"wrote {output} ({len(data)} bytes)")
    else:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()


@app.command()
def stats(store: StoreOption = None, update_url: UpdateUrlOption = None) -> None:
    """Quads, announcements, entities by type, facts by relation kind."""
    s = _open(store, update_url).stats()
    typer.echo(f"quads: {s['quads']}")
    typer.echo(f"announcements: {s['announcements']}")
    typer.echo(f"agreements: {s['agreements']}  investments: {s['investments']}")
    typer.echo("entities:")
    for k, v in s["entities"].items():
        typer.echo(f"  {k:<14} {v}")
    typer.echo("facts:")
    for k, v in s["facts"].items():
        typer.echo(f"  {k:<22} {v}")


def _print_frame(df, fmt: str) -> None:
    """A DataFrame as a table (terminal), csv, tsv or json (records) on standard output."""
    if fmt == "table" and sys.stdout.isatty():
        from rich.console import Console
        from rich.table import Table

        table = Table()
        for col in df.columns:
            table.add_column(str(col), overflow="fold")
        for row in df.itertuples(index=False):
            table.add_row(*("" if v is None or v != v else str(v) for v in row))
        Console().print(table)
    elif fmt == "json":
        sys.stdout.write(df.to_json(orient="records", force_ascii=False, indent=2) + "\n")
    elif fmt in ("csv", "tsv", "table"):
        sys.stdout.write(df.to_csv(index=False, sep="\t" if fmt == "tsv" else ","))
    else:
        raise TjkgError(f"unknown format {fmt!r}; choose table, csv, tsv or json")


@app.command()
def analyze(
    what: Annotated[Analysis, typer.Argument(help="What to compute.")] = Analysis.centrality,
    kind: Annotated[Centrality, typer.Option("--kind", help="Centrality for 'centrality'.")] = Centrality.pagerank,
    focus: Annotated[Optional[str], typer.Option("--focus", help="The entity of 'ego' (any label or IRI).")] = None,
    hops: Annotated[int, typer.Option("--hops", help="Radius of 'ego'.")] = 1,
    top: Annotated[int, typer.Option("--top", help="How many rows (per type for centrality).")] = 20,
    view: ViewOption = View.agreement,
    seed: SeedOption = 0,
    lang: LangOption = "en",
    format: Annotated[QueryFormat, typer.Option("--format", "-f", help="table, csv, tsv or json.")] = QueryFormat.table,
    store: StoreOption = None,
    update_url: UpdateUrlOption = None,
) -> None:
    """Network analysis: centralities by type, communities, brokers between the two sides,
    timeline, partner x industry, ego network."""
    from . import analysis
    from .exports import node_frame
    from .network import find_node, to_networkx

    # centralities and communities need only the structure: read it without the evidence
    lean = what in (Analysis.centrality, Analysis.communities)
    G = to_networkx(_open(store, update_url), view=view.value, evidence=not lean)
    if what is Analysis.centrality:
        df = analysis.centralities(G, kind=kind.value, top=top, seed=seed, lang=lang)
    elif what is Analysis.communities:
        df = analysis.communities(G, seed=seed, top=top, lang=lang)
    elif what is Analysis.brokers:
        df = analysis.brokers(G, top=top, seed=seed, lang=lang)
    elif what is Analysis.timeline:
        df = analysis.timeline(G)
    elif what is Analysis.industries:
        df = analysis.partner_industry(G, lang=lang, top=top)
    else:
        if not focus:
            raise TjkgError("analyze ego needs --focus NAME")
        df = node_frame(analysis.ego(G, find_node(G, focus), hops=hops))
    _print_frame(df, format.value)


@app.command()
def path(
    source: Annotated[str, typer.Argument(help="One entity (any label, any language, or IRI).")],
    target: Annotated[str, typer.Argument(help="The other entity.")],
    max_paths: Annotated[int, typer.Option("--max-paths", help="How many shortest connections.")] = 3,
    view: ViewOption = View.agreement,
    lang: LangOption = "en",
    format: Annotated[QueryFormat, typer.Option("--format", "-f", help="table, csv, tsv or json.")] = QueryFormat.table,
    store: StoreOption = None,
    update_url: UpdateUrlOption = None,
) -> None:
    """How two entities are connected: the shortest paths, with the evidence for each hop."""
    from .analysis import paths_frame, shortest_paths
    from .network import to_networkx

    G = to_networkx(_open(store, update_url), view=view.value)
    paths = shortest_paths(G, source, target, max_paths=max_paths, lang=lang)
    if not paths:
        _err(f"{source!r} and {target!r} are not connected")
        raise typer.Exit(1)
    _print_frame(paths_frame(paths, announcements=G.graph.get("announcements")), format.value)


@app.command()
def render(
    output: Annotated[Path, typer.Option("--output", "-o", help="The HTML file to write (UTF-8, works offline).")] = Path("out/tjkg.html"),
    focus: Annotated[Optional[str], typer.Option("--focus", help="Show the neighbourhood of this entity.")] = None,
    hops: Annotated[int, typer.Option("--hops", help="Radius around --focus.")] = 1,
    type: Annotated[list[str], typer.Option("--type", help="Show only these entity types (repeatable).")] = [],  # noqa: B006
    kind: Annotated[list[str], typer.Option("--kind", help="Show only these relation kinds (repeatable).")] = [],  # noqa: B006
    size_by: Annotated[str, typer.Option("--size-by", help="pagerank, degree, betweenness or none.")] = "pagerank",
    max_nodes: Annotated[int, typer.Option("--max-nodes", help="Above this, only the most central part is drawn.")] = 1500,
    view: ViewOption = View.agreement,
    seed: SeedOption = 0,
    lang: LangOption = "en",
    store: StoreOption = None,
    update_url: UpdateUrlOption = None,
) -> None:
    """Write the interactive graph as one self-contained HTML file."""
    from .network import to_networkx
    from .render import write_html

    output.parent.mkdir(parents=True, exist_ok=True)
    G = to_networkx(_open(store, update_url), view=view.value)
    page = write_html(G, output, lang=lang, focus=focus, hops=hops, types=type or None, kinds=kind or None,
                      size_by=None if size_by == "none" else size_by, max_nodes=max_nodes, seed=seed)
    if page.note:
        _err(page.note)
    _err(f"wrote {output} ({page.nodes} nodes, {page.edges} edges); open it in a browser, no network needed")


@app.command()
def serve(
    host: Annotated[str, typer.Option("--host", help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", "-p", help="Port (0: a free one).")] = 8000,
    timeout: Annotated[float, typer.Option("--timeout", help="Seconds a query may run.")] = 30.0,
    max_rows: Annotated[Optional[int], typer.Option("--max-rows", help="Most rows a SELECT answers.")] = None,
    base: Annotated[Optional[str], typer.Option("--base", help="IRI base to dereference (default TJKG_BASE).")] = None,
    workers: Annotated[Optional[int], typer.Option("--workers", help="Queries run at once (default: twice the CPUs).")] = None,
    get: Annotated[Optional[str], typer.Option("--get", help="Answer one GET request for this path and exit.")] = None,
    accept: Annotated[str, typer.Option("--accept", help="Accept header of the --get request (e.g. text/html).")] = "*/*",
    store: StoreOption = None,
    update_url: UpdateUrlOption = None,
) -> None:
    """Serve /sparql (SPARQL 1.1 Protocol, read-only) and the explorer pages."""
    from . import server

    kg = _open(store, update_url)
    limits = {"max_rows": max_rows} if max_rows else {}
    if get is not None:
        status, headers, body = server.get(kg.store, get, {"Accept": accept}, base=base, **limits)
        sys.stdout.buffer.write(body)
        sys.stdout.flush()
        if status >= 400:
            raise typer.Exit(1)
        return
    server.serve(kg.store, host=host, port=port, timeout=timeout, base=base, workers=workers,
                 ready=lambda url: _err(f"serving {url} (SPARQL endpoint {url.rstrip('/')}/sparql); Ctrl-C stops"),
                 **limits)


@app.command()
def curate(
    directory: Annotated[Path, typer.Argument(help="Announcements to look through.")] = Path("data/announcements"),
    threshold: Annotated[float, typer.Option("--threshold", help="Name similarity (0-1) for fuzzy pairs.")] = 0.9,
) -> None:
    """List entities that may be one thing, for review in data/curation.yaml."""
    from .curation import likely_duplicates
    from .extract import extract as run_extract
    from .sources import iter_sources, read_announcement

    entities = []
    for file in iter_sources(directory):
        try:
            entities += run_extract(read_announcement(file)).entities
        except TjkgError as e:
            _err(f"error: {e}")
    pairs = likely_duplicates(entities, threshold=threshold)
    for a, b, why in pairs:
        typer.echo(f"{a.type}\t{a.label}\t{b.label}\t{why}\t{a.id}\t{b.id}")
    _err(f"{len(pairs)} pairs to review; record judgements in data/curation.yaml (same / not same)")


@app.command()
def validate(
    shapes: Annotated[Optional[Path], typer.Option("--shapes", help="SHACL shapes file (default: data/shapes.ttl).")] = None,
    store: StoreOption = None,
    update_url: UpdateUrlOption = None,
) -> None:
    """Check the graph against the SHACL shapes (pySHACL); exit 1 on a violation."""
    from .validate import validate as run_validate

    result = run_validate(_open(store, update_url), str(shapes) if shapes else None)
    for f in result.findings:
        typer.echo(f"{f.severity}: {f.focus} {f.path}: {f.message}")
    _err(f"{'conforms' if result.conforms else 'does not conform'}: {len(result.violations)} violations, "
         f"{len(result.findings) - len(result.violations)} warnings")
    if not result.conforms:
        raise typer.Exit(1)


def _usage_errors() -> tuple[type[Exception], ...]:
    """The exceptions of a bad command line: recent typer raises its own copy of click's."""
    errors: list[type[Exception]] = []
    if hasattr(typer, "TyperException"):
        errors.append(typer.TyperException)
    try:
        import click
    except ImportError:
        pass
    else:
        errors.append(click.ClickException)
    return tuple(errors)


def main() -> None:
    """Entry point of the ``tjkg`` console script."""
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8")
    try:
        code = app(standalone_mode=False)
    except TjkgError as e:
        _err(f"tjkg: error: {e}")
        sys.exit(e.exit_code)
    except typer.Exit as e:
        sys.exit(e.exit_code)
    except typer.Abort:
        _err("tjkg: aborted")
        sys.exit(130)
    except _usage_errors() as e:  # a missing argument, an option that is not a number, ...
        if hasattr(e, "show"):
            e.show()
        else:
            _err(f"tjkg: error: {e}")
        sys.exit(getattr(e, "exit_code", 2))
    sys.exit(code if isinstance(code, int) else 0)


if __name__ == "__main__":
    main()
