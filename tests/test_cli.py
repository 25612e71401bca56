"""The tjkg command end to end, as a user runs it: real files, a real store on disk."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, SEED

TJKG = [sys.executable, "-m", "graph.cli"]


def tjkg(*args: str, cwd: Path, check: bool = True) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    env.pop("TJKG_STORE", None)
    out = subprocess.run([*TJKG, *args], cwd=cwd, capture_output=True, text=True, encoding="utf-8", env=env,
                         timeout=300)
    if check and out.returncode != 0:
        raise AssertionError(f"tjkg {' '.join(args)} exited {out.returncode}:\n{out.stderr}")
    return out


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    """A working directory with the seed and two other announcements built into .tjkg/store."""
    work = tmp_path_factory.mktemp("cli")
    corpus = work / "announcements"
    corpus.mkdir()
    shutil.copy(SEED, corpus)
    for name in ("zh-tjpo-kagoshima-mou-2018.txt", "ja-tjpo-wakayama-mou-2014.txt"):
        shutil.copy(ROOT / "data" / "announcements" / name, corpus)
    out = tjkg("build", "announcements", cwd=work)
    assert "3 ingested, 0 failed" in out.stderr
    assert "store: .tjkg/store" in out.stderr
    return work


def test_build_then_mou_partners_shows_osaka_with_both_signatories(built):
    out = tjkg("query", "mou-partners", "--format", "csv", cwd=built)
    rows = [line for line in out.stdout.splitlines() if "Osaka" in line and "2019-10-03" in line]
    assert rows, out.stdout
    assert any("Lu Cheng-chin" in r for r in rows) and any("Nishida Junichi" in r for r in rows)


def test_ingest_twice_is_idempotent(built):
    before = tjkg("stats", cwd=built).stdout
    tjkg("ingest", "announcements/en-2019-10-15-tjpo-osaka-mou.txt", cwd=built)
    tjkg("ingest", "announcements/en-2019-10-15-tjpo-osaka-mou.txt", cwd=built)
    assert tjkg("stats", cwd=built).stdout == before


def test_extract_prints_the_json_contract(built):
    out = tjkg("extract", str(SEED), "--format", "json", cwd=built)
    doc = json.loads(out.stdout)
    assert doc["source"]["published"] == "2019-10-15" and doc["source"]["language"] == "en"
    assert {"id", "type", "label", "mentions"} <= set(doc["entities"][0])
    kinds = {r["predicate"] for r in doc["relations"]}
    assert {"signedMOUWith", "signatoryOf", "witnessOf", "holdsPosition"} <= kinds


def test_query_formats_and_parameters(built):
    csv_out = tjkg("query", "entity", "--param", "name=大阪府", "--format", "csv", cwd=built).stdout
    assert "October 3rd" in csv_out
    js = json.loads(tjkg("query", "people", "--format", "json", cwd=built).stdout)
    langs = {b["personLabel"].get("xml:lang") for b in js["results"]["bindings"] if "personLabel" in b}
    assert langs & {"en", "zh-Hant", "ja"}
    tsv = tjkg("query", "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "--format", "tsv", cwd=built).stdout
    assert int(tsv.splitlines()[1]) > 100


def test_limit_and_offset_print_one_page_of_the_answer(built):
    whole = tjkg("query", "people", "--format", "csv", cwd=built)
    lines = whole.stdout.splitlines()
    assert len(lines) > 4 and f"{len(lines) - 1:,} rows" in whole.stderr
    page = tjkg("query", "people", "--format", "csv", "--limit", "2", "--offset", "1", cwd=built)
    assert page.stdout.splitlines() == [lines[0], lines[2], lines[3]]
    assert f"rows 2-3 of {len(lines) - 1:,}" in page.stderr
    past = tjkg("query", "people", "--format", "csv", "--offset", "100000", cwd=built)
    assert past.stdout.splitlines() == [lines[0]] and "no rows after row 100,000" in past.stderr


def test_a_table_on_a_terminal_shows_the_first_page_and_says_how_to_see_the_rest(built):
    import pty

    numbers = " ".join(str(i) for i in range(1000, 1150))
    sparql = f"SELECT ?n WHERE {{ VALUES ?n {{ {numbers} }} }} ORDER BY ?n"
    main, child = pty.openpty()
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "COLUMNS": "100"}
    proc = subprocess.Popen([*TJKG, "query", sparql], cwd=built, stdout=child, stderr=subprocess.PIPE, env=env)
    os.close(child)
    shown = b""
    while True:
        try:
            chunk = os.read(main, 65536)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        shown += chunk
    os.close(main)
    stderr = proc.stderr.read().decode("utf-8")
    assert proc.wait(timeout=120) == 0, stderr
    text = shown.decode("utf-8")
    assert "1099" in text and "1100" not in text  # the first 100 rows, in order
    assert "rows 1-100 of 150" in stderr and "--limit 0" in stderr


@pytest.mark.parametrize("args, names", [
    (("query",), "Missing argument 'query'"),
    (("render", "--seed", "abc"), "'--seed'"),
    (("query", "people", "--limit", "-1"), "'--limit'"),
])
def test_a_bad_command_line_says_what_is_wrong_without_a_traceback(built, args, names):
    out = tjkg(*args, cwd=built, check=False)
    assert out.returncode == 2
    assert names in out.stderr and "Traceback" not in out.stderr


def test_malformed_sparql_exits_2_with_position_and_no_traceback(built):
    out = tjkg("query", "SELECT ?x WHERE { ?x ?y }", cwd=built, check=False)
    assert out.returncode == 2
    assert "Traceback" not in out.stderr
    assert "malformed SPARQL" in out.stderr and "1:" in out.stderr


def test_export_formats(built, tmp_path):
    tjkg("export", "--format", "trig", "-o", str(tmp_path / "kg.trig"), cwd=built)
    text = (tmp_path / "kg.trig").read_text(encoding="utf-8")
    assert "@zh-Hant" in text and "@ja" in text
    nq = tjkg("export", "--format", "nq", cwd=built).stdout
    assert nq.count("\n") > 100


def test_bad_inputs_are_reported_and_the_good_files_still_go_in(tmp_path):
    corpus = tmp_path / "mixed"
    corpus.mkdir()
    shutil.copy(SEED, corpus)
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (corpus / "furniture.txt").write_text("::: Home > News\nNumber of Views: 12\n", encoding="utf-8")
    out = tjkg("build", "mixed", cwd=tmp_path, check=False)
    assert out.returncode == 1
    assert "1 ingested, 3 failed" in out.stderr
    for name in ("empty.txt", "binary.txt", "furniture.txt"):
        lines = [line for line in out.stderr.splitlines() if name in line]
        assert len(lines) == 1, out.stderr
    assert "Traceback" not in out.stderr
    before = tjkg("stats", cwd=tmp_path).stdout
    missing = tjkg("ingest", "mixed/empty.txt", "no-such-file.txt", cwd=tmp_path, check=False)
    assert missing.returncode == 1
    assert "no-such-file.txt" in missing.stderr and "Traceback" not in missing.stderr
    assert tjkg("stats", cwd=tmp_path).stdout == before


def test_help_documents_every_command_and_option():
    out = subprocess.run([*TJKG, "--help"], capture_output=True, text=True, check=True).stdout
    for command in ("build", "ingest", "extract", "query", "export", "stats", "validate"):
        assert command in out
        sub = subprocess.run([*TJKG, command, "--help"], capture_output=True, text=True, check=True).stdout
        assert "--store" in sub or command == "extract"


def test_readme_documents_every_command():
    import typer.main

    from graph.cli import app

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    names = [c.name for c in typer.main.get_command(app).commands.values()]
    assert names
    undocumented = [n for n in names if f"tjkg {n}" not in readme]
    assert not undocumented, f"commands missing from README.md: {undocumented}"


def test_render_writes_an_offline_page(built, tmp_path):
    target = tmp_path / "kg.html"
    out = tjkg("render", "-o", str(target), "--lang", "ja", cwd=built)
    assert "wrote" in out.stderr
    html = target.read_text(encoding="utf-8")
    assert "<script" in html and "https://" not in html.split("<body", 1)[0].replace("https://tjkg.example", "")


def test_analyze_path_and_network_exports(built, tmp_path):
    central = tjkg("analyze", "centrality", "--format", "csv", cwd=built).stdout
    assert central.splitlines()[0] == "type,rank,node,label,score"
    assert "Taiwan-Japan Industrial Collaboration Promotion Office" in central
    timeline = tjkg("analyze", "timeline", "--format", "json", cwd=built).stdout
    assert {row["year"] for row in json.loads(timeline)} >= {2014, 2018, 2019} or "2019" in timeline
    hops = tjkg("path", "Osaka Prefecture", "和歌山県", "--format", "csv", cwd=built).stdout
    assert "en-2019-10-15-tjpo-osaka-mou" in hops and "ja-tjpo-wakayama-mou-2014" in hops
    tjkg("export", "--format", "graphml", "-o", str(tmp_path / "kg.graphml"), cwd=built)
    assert "<graphml" in (tmp_path / "kg.graphml").read_text(encoding="utf-8")
    tjkg("export", "--format", "csv", "-o", str(tmp_path / "csv"), cwd=built)
    assert (tmp_path / "csv" / "nodes.csv").is_file() and (tmp_path / "csv" / "edges.csv").is_file()
    missing = tjkg("export", "--format", "gexf", cwd=built, check=False)
    assert missing.returncode != 0 and "-o" in missing.stderr


def test_serve_get_answers_one_request_without_a_socket(built):
    out = tjkg("serve", "--get", "/sparql?query=ASK%20%7B%20%3Fs%20%3Fp%20%3Fo%20%7D&format=json", cwd=built)
    assert json.loads(out.stdout)["boolean"] is True
