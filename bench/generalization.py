"""How well extraction generalizes: the dev set, our own held-out set, and the dev set again
with a gazetteer that lacks the entries written mostly because the dev texts name them.

Usage: .venv/bin/python bench/generalization.py [--verbose] [--keep DIR]

Extraction runs in process (one gazetteer load per setting); the predictions are written as
JSON files and scored by ../shared/eval/score.py with ``--pred-dir``, so the numbers are those
of the official scorer. ``--keep DIR`` leaves the ablated data directory and predictions there.
"""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from graph.extract import extract, to_json  # noqa: E402
from graph.gazetteer import Gazetteer  # noqa: E402
from graph.sources import read_announcement  # noqa: E402

SCORE = ROOT.parent / "shared" / "eval" / "score.py"
DEV = ROOT.parent / "shared" / "eval" / "dev"
HELDOUT = ROOT / "tests" / "fixtures" / "heldout"
HELDOUT2 = ROOT / "tests" / "fixtures" / "heldout2"  # written after tuning on the first held-out set
HELDOUT3 = ROOT / "tests" / "fixtures" / "heldout3"  # written after tuning on the second
BLIND = ROOT / "tests" / "fixtures" / "blind"  # written by another engineer without seeing the code
BLIND2 = ROOT / "tests" / "fixtures" / "blind2"  # the same, later, after the fixes the first one showed
BLIND3 = ROOT / "tests" / "fixtures" / "blind3"  # the same, after the fixes the second one showed
BLIND4 = ROOT / "tests" / "fixtures" / "blind4"  # the same, after the fixes the third one showed
BLIND5 = ROOT / "tests" / "fixtures" / "blind5"  # the same, after the fixes the fourth one showed
BLIND6 = ROOT / "tests" / "fixtures" / "blind6"  # the same, after the fixes the fifth one showed
BLIND7 = ROOT / "tests" / "fixtures" / "blind7"  # the same, after the fixes the sixth one showed
BLIND8 = ROOT / "tests" / "fixtures" / "blind8"  # the same, after the fixes the seventh one showed
BLIND9 = ROOT / "tests" / "fixtures" / "blind9"  # the same, after the fixes the eighth one showed, other shapes
BLIND10 = ROOT / "tests" / "fixtures" / "blind10"  # the same, after the fixes the ninth one showed, shapes unlike 1-9
BLIND11 = ROOT / "tests" / "fixtures" / "blind11"  # the same, after the fixes the tenth one showed, shapes unlike 1-10

# Gazetteer records that exist mostly because a dev text names them: narrow departments,
# chambers, divisions and people that an unseen announcement is unlikely to share.
DEV_FITTED = {
    "kagoshima-commerce-labor", "wakayama-enterprise-promotion", "osaka-commerce-labor",
    "mie-cci-federation", "tsu-cci", "kagoshima-industry-support-center", "idb-electronics-division",
    "tjipc", "keelung-customs", "company-kh-neochem",
    "person-kasai-noriyuki", "person-shimizu-terushi", "person-arima-koji", "person-mimura-shingo",
    "person-nisaka-yoshinobu", "person-numata-mikio",
}


def ablated_data(target: Path) -> Path:
    """A copy of data/ whose gazetteer lacks :data:`DEV_FITTED` (and anything naming them)."""
    shutil.copytree(ROOT / "data", target, dirs_exist_ok=True)
    gdir = target / "gazetteer"
    for file in sorted(gdir.glob("*.yaml")):
        records = yaml.safe_load(file.read_text(encoding="utf-8")) or []
        kept = []
        for r in records:
            if r["id"] in DEV_FITTED:
                continue
            if r.get("parent") in DEV_FITTED:
                r = {k: v for k, v in r.items() if k != "parent"}
            kept.append(r)
        file.write_text(yaml.safe_dump(kept, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return target


def predict(gold: Path, texts: Path, out: Path, gaz: Gazetteer) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for line in gold.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        item = json.loads(line)
        ann = read_announcement(texts / f"{item['id']}.txt")
        data = to_json(extract(ann, gazetteer=gaz))
        (out / f"{item['id']}.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def score(gold: Path, texts: Path, preds: Path, verbose: bool) -> dict:
    args = [sys.executable, str(SCORE), str(gold), str(texts), "--pred-dir", str(preds)]
    if verbose:
        print(subprocess.run(args + ["-v"], capture_output=True, text=True).stdout)
    return json.loads(subprocess.run(args + ["--json"], capture_output=True, text=True, check=True).stdout)


def main(argv: list[str]) -> int:
    verbose = "--verbose" in argv
    keep = Path(argv[argv.index("--keep") + 1]) if "--keep" in argv else None
    work = keep or Path(tempfile.mkdtemp(prefix="tjkg-gen-"))
    full = Gazetteer.load(ROOT / "data" / "gazetteer")
    ablated = Gazetteer.load(ablated_data(work / "data-ablated") / "gazetteer")
    runs = [("dev", DEV / "gold.jsonl", DEV / "texts", full),
            ("held-out", HELDOUT / "gold.jsonl", HELDOUT, full),
            ("held-out 2", HELDOUT2 / "gold.jsonl", HELDOUT2, full),
            ("held-out 3", HELDOUT3 / "gold.jsonl", HELDOUT3, full),
            ("blind (first seen at de1bdd8: 0.80 / 0.59)", BLIND / "gold.jsonl", BLIND, full),
            ("blind 2 (first seen at 0f2bfac: 0.78 / 0.59)", BLIND2 / "gold.jsonl", BLIND2, full),
            ("blind 3 (first seen at 9ec14cc: 0.72 / 0.44)", BLIND3 / "gold.jsonl", BLIND3, full),
            ("blind 4 (first seen at f609f76: 0.80 / 0.51)", BLIND4 / "gold.jsonl", BLIND4, full),
            ("blind 5 (first seen at edc0d99: 0.77 / 0.46)", BLIND5 / "gold.jsonl", BLIND5, full),
            ("blind 6 (first seen at 5f0df8f: 0.78 / 0.55)", BLIND6 / "gold.jsonl", BLIND6, full),
            ("blind 7 (first seen at 94932db: 0.81 / 0.66)", BLIND7 / "gold.jsonl", BLIND7, full),
            ("blind 8 (first seen at e108d2f: 0.84 / 0.62)", BLIND8 / "gold.jsonl", BLIND8, full),
            ("blind 9 (first seen at 5e278ad: 0.83 / 0.58)", BLIND9 / "gold.jsonl", BLIND9, full),
            ("blind 10 (first seen at b296383: 0.83 / 0.62)", BLIND10 / "gold.jsonl", BLIND10, full),
            ("blind 11 (first seen at 42e39a6: 0.80 / 0.52)", BLIND11 / "gold.jsonl", BLIND11, full),
            ("dev, gazetteer without dev-fitted entries", DEV / "gold.jsonl", DEV / "texts", ablated),
            ("held-out, same ablated gazetteer", HELDOUT / "gold.jsonl", HELDOUT, ablated)]
    print(f"{'set':<44} {'lang':<4} {'ent P':>6} {'ent R':>6} {'ent F1':>6} {'rel P':>6} {'rel R':>6} {'rel F1':>6} {'dates':>6}")
    for i, (name, gold, texts, gaz) in enumerate(runs):
        preds = work / f"pred-{i}"
        predict(gold, texts, preds, gaz)
        report = score(gold, texts, preds, verbose and i < 2)
        for lang in ("en", "zh", "ja", "all"):
            r = report.get(lang)
            if r is None:
                continue
            d = r["date_accuracy"]
            print(f"{name if lang == 'en' else '':<44} {lang:<4} {r['entity']['p']:6.2f} {r['entity']['r']:6.2f} "
                  f"{r['entity']['f1']:6.2f} {r['relation']['p']:6.2f} {r['relation']['r']:6.2f} "
                  f"{r['relation']['f1']:6.2f} {'' if d is None else f'{d:6.2f}':>6}")
    if keep is None:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
