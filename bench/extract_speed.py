"""Extraction speed: announcements per second on one core, and time against text length.

Usage: .venv/bin/python bench/extract_speed.py [DIR] [--repeat N] [--synthetic N] [--huge] [--profile]

DIR defaults to ../shared/eval/dev/texts. ``--synthetic N`` (default 300) also generates N
announcements with bench/corpus.py (seeded) and times those of 2-5 KB, the size the target
(>= 100 a second, comfortably >= 200) is stated for. ``--huge`` times one 10 MB announcement;
``--profile`` prints the 25 costliest functions (cProfile) of the synthetic run.
"""
from __future__ import annotations

import cProfile
import pstats
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.corpus import generate  # noqa: E402
from graph.extract import extract  # noqa: E402
from graph.models import Announcement  # noqa: E402
from graph.sources import iter_sources, read_announcement  # noqa: E402


def _rate(anns: list[Announcement], repeat: int) -> tuple[float, float]:
    t0 = time.perf_counter()
    for _ in range(repeat):
        for a in anns:
            extract(a)
    dt = time.perf_counter() - t0
    n = repeat * len(anns)
    return n / dt, 1000 * dt / n


def _option(argv: list[str], name: str, default: int) -> int:
    if name in argv:
        value = argv[argv.index(name) + 1]
        argv.remove(name)
        argv.remove(value)
        return int(value)
    return default


def main(argv: list[str]) -> int:
    argv = list(argv)
    repeat = _option(argv, "--repeat", 20)
    synthetic = _option(argv, "--synthetic", 300)
    args = [a for a in argv if not a.startswith("--")]
    folder = Path(args[0]) if args else Path(__file__).resolve().parents[2] / "shared" / "eval" / "dev" / "texts"
    anns = [read_announcement(p) for p in iter_sources(folder)]
    extract(anns[0])  # build the matchers once
    size = sum(len(a.text.encode("utf-8")) for a in anns) / len(anns)
    rate, ms = _rate(anns, repeat)
    print(f"{repeat * len(anns)} extractions of {len(anns)} announcements in {folder.name}/ (mean {size / 1024:.1f} KB): "
          f"{rate:.0f} announcements/s, {ms:.1f} ms each")
    if synthetic:
        with tempfile.TemporaryDirectory() as tmp:
            generate(synthetic, tmp, seed=7)
            corpus = [read_announcement(p) for p in iter_sources(Path(tmp))]
        sized = [a for a in corpus if 2000 <= len(a.text.encode("utf-8")) <= 5000]
        mean = sum(len(a.text.encode("utf-8")) for a in sized) / max(1, len(sized)) / 1024
        rate, ms = _rate(sized, 3)
        print(f"{3 * len(sized)} extractions of {len(sized)} synthetic 2-5 KB announcements (mean {mean:.1f} KB, "
              f"en/zh/ja): {rate:.0f} announcements/s, {ms:.1f} ms each")
        if "--profile" in argv:
            prof = cProfile.Profile()
            prof.enable()
            _rate(sized, 1)
            prof.disable()
            pstats.Stats(prof).sort_stats("tottime").print_stats(25)
    base = anns[0]
    for k in (1, 10, 100):
        big = Announcement(base.id, base.path, base.title, base.text * k, base.language, base.published)
        t = time.perf_counter()
        extract(big)
        print(f"  text x{k:<4} {len(big.text) / 1024:8.0f} KB  {time.perf_counter() - t:7.3f} s")
    if "--huge" in argv:
        text = (base.text + "\n") * (10_000_000 // (len(base.text) + 1))
        t = time.perf_counter()
        extract(Announcement("huge", "huge.txt", "", text, "en", base.published))
        print(f"  10 MB announcement: {time.perf_counter() - t:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
