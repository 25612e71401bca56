"""The notebooks and the inline display of the graph in Jupyter.

Each notebook in notebooks/ is committed without outputs and runs from top to bottom with
nbclient in a fresh kernel of this very environment (a ``python3`` kernel spec pointing at this
interpreter is put first on ``JUPYTER_PATH``), its working directory a temporary folder: every
cell runs without error, its checking cells (``# check:``) pass, it shows what it is about
(tables, figures, inline graphs), and it leaves the repository's data and the working folder as
they were.

The inline display (:mod:`graph.notebook`): the page sits in the ``srcdoc`` of a sandboxed
iframe that no label can break out of, checked on the markup and in real headless Chromium.
"""
from __future__ import annotations

import hashlib
import os
import sys
import time
from html.parser import HTMLParser
from pathlib import Path

import pytest

import graph
from graph.ids import agreement_iri, announcement_iri, entity_iri
from graph.models import Announcement, Entity, Extraction, Relation
from graph.notebook import Inline, render
from graph.rdf import extraction_quads
from graph.render import RenderError

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
CHROMIUM = Path("/usr/bin/chromium")
CELL_TIMEOUT = 300  # seconds for one cell; the notebooks take a few seconds each
IFRAME = '<iframe srcdoc="'

# what each notebook must show besides its checks: (outputs of that kind, at least how many)
SHOWS = {
    "01-quickstart": {"table": 8, "iframe": 2},
    "02-mou-network": {"table": 7, "figure": 2, "iframe": 1},
    "03-provenance-and-curation": {"table": 5, "iframe": 1},
}


# ---- the notebooks -------------------------------------------------------------------------------

def _kinds(output) -> list[str]:
    data = output.get("data", {})
    html = data.get("text/html", "")
    kinds = []
    if "image/png" in data:
        kinds.append("figure")
    if html.startswith(IFRAME):
        kinds.append("iframe")
    if "<table" in html and "dataframe" in html:
        kinds.append("table")
    return kinds


def _fingerprint(directory: Path) -> dict[str, str]:
    return {str(p.relative_to(directory)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(directory.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def kernel(tmp_path_factory):
    """A ``python3`` kernel spec that runs this interpreter, found before any other."""
    from ipykernel.kernelspec import install
    from jupyter_client.kernelspec import KernelSpecManager

    prefix = tmp_path_factory.mktemp("jupyter")
    install(kernel_name="python3", prefix=str(prefix))
    patch = pytest.MonkeyPatch()
    patch.setenv("JUPYTER_PATH", os.pathsep.join(filter(None, [str(prefix / "share" / "jupyter"),
                                                               os.environ.get("JUPYTER_PATH")])))
    spec = KernelSpecManager().get_kernel_spec("python3")
    assert spec.argv[0] == sys.executable, spec.argv
    yield "python3"
    patch.undo()


def test_the_three_notebooks_are_there():
    assert sorted(p.stem for p in NOTEBOOKS.glob("*.ipynb")) == sorted(SHOWS)


@pytest.mark.parametrize("name", sorted(SHOWS))
def test_committed_without_outputs(name):
    nb = nbformat.read(NOTEBOOKS / f"{name}.ipynb", as_version=4)
    nbformat.validate(nb)
    assert nb.metadata["kernelspec"]["name"] == "python3"
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert all(c.outputs == [] and c.execution_count is None for c in code), "clear the outputs before committing"
    checks = [c for c in code if c.source.startswith("# check:")]
    assert len(checks) >= 5 and all("assert " in c.source for c in checks)


@pytest.mark.parametrize("name", sorted(SHOWS))
def test_notebook_runs_and_its_checks_pass(name, kernel, tmp_path):
    nb = nbformat.read(NOTEBOOKS / f"{name}.ipynb", as_version=4)
    nb.cells.append(nbformat.v4.new_code_cell("import sys\nprint(sys.prefix)"))
    data_before = _fingerprint(ROOT / "data")
    client = nbclient.NotebookClient(nb, kernel_name=kernel, timeout=CELL_TIMEOUT, startup_timeout=120,
                                     resources={"metadata": {"path": str(tmp_path)}})
    started = time.perf_counter()
    try:
        client.execute()
    except nbclient.exceptions.CellExecutionError as e:
        pytest.fail(f"{name}.ipynb: a cell failed\n{e}", pytrace=False)
    seconds = time.perf_counter() - started
    print(f"{name}.ipynb ran in {seconds:.1f} s")

    code = [c for c in nb.cells if c.cell_type == "code"]
    assert all(c.execution_count for c in code)
    assert not [o for c in code for o in c.outputs if o.output_type == "error"]
    assert code[-1].outputs[0]["text"].strip() == sys.prefix  # the kernel ran this environment
    shown: dict[str, int] = {}
    for c in code:
        for o in c.outputs:
            for kind in _kinds(o):
                shown[kind] = shown.get(kind, 0) + 1
    for kind, least in SHOWS[name].items():
        assert shown.get(kind, 0) >= least, (kind, shown)
    assert _fingerprint(ROOT / "data") == data_before  # data/ (curation.yaml, the corpus) untouched
    assert list(tmp_path.iterdir()) == []  # no store or file left in the working folder


# ---- the inline display ---------------------------------------------------------------------------

HOSTILE = 'Evil "Corp" <img src=x onerror=alert(1)>'
HOSTILE_JA = "\"><img src=x onerror=alert(2)><iframe srcdoc='<script>alert(5)</script>'>"
HOSTILE_EVIDENCE = "Evil \"Corp\" ' onload='alert(3)' &quot; </iframe><script>alert(4)</script> signed with TJPO."


@pytest.fixture(scope="module")
def hostile_kg():
    """A graph in memory with markup, quotes and entities in a label and an evidence sentence."""
    tjpo, evil = entity_iri("tjpo"), entity_iri("company/evil-corp")
    ann = Announcement("en-evil", "en-evil.txt", "Evil </title>", HOSTILE_EVIDENCE, "en")
    ex = Extraction(ann, (
        Entity(tjpo, "Agency", "Taiwan-Japan Industrial Collaboration Promotion Office", "en", ("TJPO",)),
        Entity(evil, "Company", HOSTILE, "en", (), ((HOSTILE, "en"), (HOSTILE_JA, "ja"))),
    ), (Relation(tjpo, "signedMOUWith", evil, HOSTILE_EVIDENCE, 0.6, "2020-01-15", agreement_iri([tjpo, evil], "2020-01-15")),),
        "test")
    kg = graph.open("memory")
    kg.store.replace_graph(announcement_iri("en-evil"), extraction_quads(ex))
    return kg


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


def test_inline_page_is_one_sandboxed_iframe_whatever_the_labels(hostile_kg):
    shown = render(hostile_kg, height=420)
    assert isinstance(shown, Inline) and (shown.nodes, shown.edges) == (3, 2)
    frame = shown._repr_html_()
    parser = _Tags()
    parser.feed(frame)
    parser.close()
    assert [tag for tag, _ in parser.tags] == ["iframe"] and "".join(parser.text) == ""
    attrs = parser.tags[0][1]
    assert sorted(attrs) == ["referrerpolicy", "sandbox", "srcdoc", "style", "title"]
    assert attrs["sandbox"] == "allow-scripts"
    assert attrs["srcdoc"] == shown.html  # the whole page, exactly, once unescaped
    assert "height: 420px" in attrs["style"]
    assert "<img" not in frame and frame.count('"') == 10  # only the attributes' own quotes


def test_inline_page_saves_the_page(hostile_kg, tmp_path):
    shown = render(hostile_kg)
    assert shown.save(tmp_path / "page.html").read_text(encoding="utf-8") == shown.html
    with pytest.raises(RenderError, match="cannot write the page"):
        shown.save(tmp_path / "no" / "such" / "folder" / "page.html")


@pytest.mark.parametrize("height", [0, 199, 300.5, "600", True])
def test_inline_page_refuses_a_bad_height(hostile_kg, height):
    with pytest.raises(RenderError, match="height must be a whole number of pixels"):
        render(hostile_kg, height=height)


@pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian chromium is not installed at /usr/bin/chromium")
def test_inline_page_draws_in_chromium_and_runs_no_label(hostile_kg, tmp_path):
    from playwright.sync_api import sync_playwright

    shown = render(hostile_kg, height=500)
    host = tmp_path / "notebook.html"
    host.write_text(f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>host</title></head>"
                    f"<body><div class='output'>{shown._repr_html_()}</div></body></html>", encoding="utf-8")
    dialogs: list[str] = []
    errors: list[str] = []
    blocked: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_page(viewport={"width": 1200, "height": 800})
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.on("console", lambda m: m.type == "error" and errors.append(m.text))

        def route(r):
            if r.request.url.startswith(("file:", "data:", "about:")):
                r.continue_()
            else:
                blocked.append(r.request.url)
                r.abort()

        page.route("**/*", route)
        page.goto(host.as_uri())
        frame = page.frame_locator("iframe")
        frame.locator("#tjkg-network canvas").wait_for(timeout=30_000)
        inner = page.main_frame.child_frames[0]
        inner.wait_for_function("window.tjkgReady === true", timeout=30_000)

        assert inner.evaluate("[window.tjkg.nodes.length, window.tjkg.edges.length]") == [shown.nodes, shown.edges]
        labels = inner.evaluate("window.tjkg.data.nodes.map(n => n.l)")
        assert {"en": [HOSTILE], "ja": [HOSTILE_JA]} in labels
        inner.fill("#tjkg-search", "evil")
        inner.press("#tjkg-search", "Enter")
        assert HOSTILE in inner.inner_text("#tjkg-details")
        assert inner.evaluate("document.querySelectorAll('img, iframe').length") == 0
        # the page runs in an opaque origin: it cannot reach the notebook around it
        assert inner.evaluate("window.origin") == "null"
        assert inner.evaluate("(() => { try { return parent.document.title } catch (e) { return 'denied' } })()") == "denied"
        assert page.evaluate("document.querySelectorAll('img').length") == 0
        assert page.evaluate("document.querySelectorAll('iframe').length") == 1
        assert page.evaluate("document.querySelector('.output').children.length") == 1
        size = page.locator("iframe").bounding_box()
        assert size["height"] == pytest.approx(500, abs=1) and size["width"] > 1000
        browser.close()
    assert dialogs == [] and errors == [] and blocked == []


# ---- the facade methods the notebooks use -----------------------------------------------------

OSAKA_FILE = ROOT / "data" / "announcements" / "en-2019-10-15-tjpo-osaka-mou.txt"
ASK_OSAKA_MOU = """PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX tjkg: <https://tjkg.example/ontology#>
SELECT ?s ?o (COUNT(?st) AS ?n) WHERE { GRAPH ?g { ?st rdf:subject ?s ; rdf:predicate tjkg:signedMOUWith ; rdf:object ?o } }
GROUP BY ?s ?o"""
REJECT_OSAKA_MOU = """reject:
  - {announcement: en-2019-10-15-tjpo-osaka-mou, subject: tjpo, predicate: signedMOUWith, object: jp-27,
     reason: a test}
"""


def _osaka_mous(kg) -> int:
    from graph.ids import entity_iri as iri
    from rdflib import URIRef

    found = kg.query(ASK_OSAKA_MOU, s=URIRef(iri("tjpo")), o=URIRef(iri("jp-27")))
    return int(found["n"].sum())


@pytest.fixture(scope="module")
def two_files(tmp_path_factory):
    corpus = tmp_path_factory.mktemp("corpus")
    for name in (OSAKA_FILE.name, "zh-tjpo-kagoshima-mou-2018.txt"):
        (corpus / name).write_bytes((ROOT / "data" / "announcements" / name).read_bytes())
    return corpus


def test_kg_to_networkx_and_render_are_the_network_and_the_inline_page(hostile_kg):
    from graph.network import to_networkx

    G = hostile_kg.to_networkx(view="collapsed")
    assert sorted(G.edges(keys=True)) == sorted(to_networkx(hostile_kg, view="collapsed").edges(keys=True))
    shown = hostile_kg.render(view="collapsed", height=300, lang="ja")
    assert isinstance(shown, Inline) and shown.height == 300
    assert (shown.nodes, shown.edges) == (G.number_of_nodes(), G.number_of_edges())
    assert shown.html == render(G, lang="ja").html


@pytest.mark.parametrize("workers", [1, 2])
def test_build_and_ingest_apply_the_curation_file_given(two_files, tmp_path, monkeypatch, workers):
    import graph.kg

    monkeypatch.setattr(graph.kg, "PARALLEL_MIN_FILES", 1)  # two files are enough to use worker processes
    curation = tmp_path / "curation.yaml"
    curation.write_text(REJECT_OSAKA_MOU, encoding="utf-8")
    plain, curated = graph.open("memory"), graph.open("memory")
    assert plain.build(two_files, workers=workers).ok and curated.build(two_files, workers=workers, curation=curation).ok
    assert _osaka_mous(plain) == 1 and _osaka_mous(curated) == 0
    assert len(curated.query("mou-partners")) > 0  # the rest is there
    curated.ingest(two_files / OSAKA_FILE.name)  # without: the default curation, the fact is back
    assert _osaka_mous(curated) == 1
    curated.ingest(two_files / OSAKA_FILE.name, curation=str(curation))
    assert _osaka_mous(curated) == 0


def test_a_missing_or_malformed_curation_stops_the_build_with_one_message(two_files, tmp_path):
    from graph.errors import CurationError

    kg = graph.open("memory")
    with pytest.raises(CurationError, match="curation file not found"):
        kg.build(two_files, curation=tmp_path / "missing.yaml")
    bad = tmp_path / "bad.yaml"
    bad.write_text("reject:\n  - {subject: tjpo}\n", encoding="utf-8")
    with pytest.raises(CurationError, match=r"bad.yaml:2: reject entry lacks"):
        kg.ingest(two_files, curation=bad)
    with pytest.raises(CurationError, match="not int"):
        kg.build(two_files, curation=3)
    assert len(kg) == 0
