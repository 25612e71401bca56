"""Extraction speed: announcements per second on one core, and time against text length.

Usage: .venv/bin/python bench/extract_speed.py [DIR] [--repeat N] [--huge]
DIR defaults to ../shared/eval/dev/texts. --huge also times one 10 MB announcement.
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from graph.extract import extract  # noqa: E402
from graph.models import Announcement  # noqa: E402
from graph.sources import iter_sources, read_announcement  # noqa: E402


def main(argv: list[str]) -> int:
    args = [a for a in argv if not a.startswith("--")]
    repeat = int(argv[argv.index("--repeat") + 1]) if "--repeat" in argv else 20
    if "--repeat" in argv:
        args.remove(str(repeat))
    folder = Path(args[0]) if args else Path(__file__).resolve().parents[2] / "shared" / "eval" / "dev" / "texts"
    anns = [read_announcement(p) for p in iter_sources(folder)]
    extract(anns[0])  # build the matchers once
    size = sum(len(a.text.encode("utf-8")) for a in anns) / len(anns)
    t0 = time.perf_counter()
    for _ in range(repeat):
        for a in anns:
            extract(a)
    dt = time.perf_counter() - t0
    n = repeat * len(anns)
    print(f"{n} extractions of {len(anns)} announcements (mean {size / 1024:.1f} KB): "
          f"{n / dt:.0f} announcements/s, {1000 * dt / n:.1f} ms each")
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
