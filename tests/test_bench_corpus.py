"""The benchmark corpus generator: deterministic by seed, and its files read and extract cleanly."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

if str(ROOT) not in sys.path:  # bench/ is not an installed package; `python -m pytest` finds it anyway
    sys.path.insert(0, str(ROOT))

from bench.corpus import MANIFEST, announcements, generate, main  # noqa: E402
from graph.sources import iter_sources, read_announcement  # noqa: E402


def _files(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_same_seed_same_files_other_seed_other_files(tmp_path):
    generate(40, tmp_path / "a", seed=7)
    generate(40, tmp_path / "b", seed=7)
    generate(40, tmp_path / "c", seed=8)
    a, b, c = (_files(tmp_path / x) for x in "abc")
    assert a == b
    assert len(a) == 41  # 40 announcements and the manifest
    assert set(a) != set(c)


def test_a_smaller_corpus_is_a_prefix_of_a_bigger_one():
    small = list(announcements(15, seed=3))
    big = list(announcements(30, seed=3))
    assert big[:15] == small


def test_files_read_in_three_languages_with_dates_and_furniture_stripped(tmp_path):
    info = generate(60, tmp_path, seed=1)
    manifest = json.loads((tmp_path / MANIFEST).read_text(encoding="utf-8"))
    assert manifest["n"] == 60 and manifest["seed"] == 1
    files = iter_sources(tmp_path)
    assert len(files) == 60  # the hidden manifest is not an announcement
    read = [read_announcement(f) for f in files]
    assert {a.language for a in read} == {"en", "zh-Hant", "ja"}
    assert sum(1 for a in read if a.published) >= 30
    for a in read:
        assert a.title and len(a.text) > 80
        assert "Number of Views" not in a.text and "瀏覽人次" not in a.text and "無断転載" not in a.text
    assert info.bytes / info.n > 1000


def test_extraction_finds_agreements_and_investments(tmp_path):
    extract = pytest.importorskip("graph.extract").extract
    generate(30, tmp_path, seed=2)
    predicates = set()
    for f in iter_sources(tmp_path):
        ex = extract(read_announcement(f))
        assert ex.entities, f
        predicates |= {r.predicate for r in ex.relations}
    assert {"signedMOUWith", "signatoryOf", "investedIn", "holdsPosition"} <= predicates


def test_command_line_refuses_a_non_empty_directory(tmp_path, capsys):
    (tmp_path / "x.txt").write_text("hello", encoding="utf-8")
    with pytest.raises(SystemExit, match="not an empty directory"):
        main(["3", str(tmp_path)])
    assert main(["3", str(tmp_path / "new"), "--seed", "4"]) == 0
    assert "wrote 3 announcements" in capsys.readouterr().err
