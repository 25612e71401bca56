"""A synthetic corpus of announcements, deterministic by seed, for benchmarks.

``python -m bench.corpus N OUTDIR --seed S`` writes N announcement files under OUTDIR (one
folder per publication year), so anyone can build the same corpus and time
``tjkg build OUTDIR`` independently. Half are in English, three in ten in Traditional
Chinese, two in ten in Japanese; most are plain text (some scraped pages with breadcrumbs,
publication lines, contact blocks, view counters and footers, some bare), a few are HTML
pages, and a few Chinese and Japanese files are in Big5 or Shift_JIS. They report MOU
signings, investments and delegation visits between gazetteer entities and invented ones,
with a few hubs and many small partners (see :mod:`bench.world`).

File ``k`` depends only on the seed, ``k`` and the files before it, so the corpus of N is
the first N files of any bigger corpus with the same seed. A hidden ``.corpus.json`` in OUTDIR
records what was written.
"""
from __future__ import annotations

import argparse
import html
import json
import random
import sys
from collections import Counter
from dataclasses import asdict, dataclass
from datetime import date, timedelta
from pathlib import Path

from .stories import Ledger, Story, draw_story
from .world import World
from .writing import write

__all__ = ["generate", "CorpusInfo", "main", "LANGUAGE_MIX", "MANIFEST"]

LANGUAGE_MIX = (("en", 50), ("zh-Hant", 30), ("ja", 20))
MANIFEST = ".corpus.json"
VERSION = 1
_PREFIX = {"en": "en", "zh-Hant": "zh", "ja": "ja"}


@dataclass(frozen=True)
class CorpusInfo:
    """What :func:`generate` wrote."""

    n: int
    seed: int
    directory: str
    bytes: int
    languages: dict[str, int]
    kinds: dict[str, int]
    formats: dict[str, int]
    version: int = VERSION


# ---- page furniture --------------------------------------------------------------------------
def _site(story: Story, lang: str) -> tuple[str, str]:
    """The publishing body's name for the footer and contact lines: (name, surname of contact)."""
    from .lexicon import JP_SURNAMES, TW_SURNAMES

    rng = random.Random(story.index)
    if lang == "ja":
        return rng.choice(("産業振興課", "国際経済課", "商工政策課", "企業立地推進課")), rng.choice(JP_SURNAMES)[2]
    if lang == "zh-Hant":
        return rng.choice(("經濟部產業發展署", "臺日產業合作推動辦公室", "經濟部投資促進司", "外貿協會")), rng.choice(TW_SURNAMES)[1]
    return rng.choice(("Industrial Development Administration, MOEA", "Taiwan-Japan Industrial Collaboration "
                       "Promotion Office", "Department of Investment Promotion, MOEA")), rng.choice(TW_SURNAMES)[0]


def _time(rng: random.Random) -> str:
    return f"{rng.randrange(8, 19):02d}:{rng.randrange(60):02d}"


def _text_page(story: Story, lang: str, title: str, paras: list[str], rng: random.Random) -> str:
    pub: date = story.published
    body = "\n\n".join(paras)
    style = rng.choices(("portal", "plain", "bare", "source"), (30, 40, 20, 10))[0]
    site, contact = _site(story, lang)
    modified = pub + timedelta(days=rng.randrange(1, 400))
    if style == "bare":
        return f"{title}\n\n{body}\n"
    if style == "source":
        label = {"en": "Source", "zh-Hant": "資料來源", "ja": "出典"}[lang]
        sep = ": " if lang == "en" else "："
        return f"{title}\n{label}{sep}{site}\n\n{body}\n"
    if style == "plain":
        return f"{title}\nPublished at: {pub.isoformat()}\n\n{body}\n"
    views = rng.randrange(40, 5000)
    phone = f"{rng.randrange(2000, 2999)}-{rng.randrange(1000, 9999)}"
    if lang == "en":
        return (f"::: Home >  News\n\n\n{title}\n\n  • Published at: {pub.isoformat()} {_time(rng)}\n"
                f"  • Last modified at: {modified.isoformat()} {_time(rng)}\n\n{body}\n\n"
                f"  • Contact Organization:{site}\n  • Contact Person:Ms.{contact}\n"
                f"  • Contact Phone:+886 2{phone} ext.{rng.randrange(100, 9999)}\nNumber of Views: {views}\n"
                f"  • Office Hours: AM8:30~PM5:30\n{site}\nCopyright © {pub.year} {site}. All rights reserved.\n")
    if lang == "zh-Hant":
        roc = pub.year - 1911
        published = rng.choice((pub.isoformat(), f"{roc}-{pub.month:02d}-{pub.day:02d}", f"民國{roc}年{pub.month}月{pub.day}日"))
        return (f"首頁 > 新聞與公告 > 本署新聞\n{title}\n發布日期：{published}\n更新日期：{modified.isoformat()}\n\n{body}\n\n"
                f"聯絡人：{contact}先生　聯絡電話：02-{phone}\n瀏覽人次：{views}\n版權所有 © {site}\n")
    return (f"ホーム > 報道発表資料\n{title}\n掲載日：{pub.year}年{pub.month}月{pub.day}日\n\n{body}\n\n"
            f"問い合わせ先：{site}\n電話番号：0{rng.randrange(11, 99)}-{rng.randrange(100, 999)}-{rng.randrange(1000, 9999)}\n"
            f"Copyright © {site} 無断転載を禁じます\n")


def _html_page(story: Story, lang: str, title: str, paras: list[str], rng: random.Random) -> str:
    site, _ = _site(story, lang)
    e = html.escape
    home, news = {"en": ("Home", "News"), "zh-Hant": ("首頁", "新聞稿"), "ja": ("ホーム", "報道発表")}[lang]
    body = "\n".join(f"<p>{e(p)}</p>" for p in paras)
    return (f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n<title>{e(title)} | {e(site)}</title>\n'
            f'<meta property="article:published_time" content="{story.published.isoformat()}T{_time(rng)}:00+08:00">\n'
            f'<script>window.dataLayer = [];</script>\n</head>\n<body>\n<header><nav><a href="/">{home}</a> &gt; '
            f'<a href="/news">{news}</a></nav></header>\n<main>\n<article>\n<h1>{e(title)}</h1>\n{body}\n</article>\n'
            f'</main>\n<footer><p>Copyright &copy; {story.published.year} {e(site)}</p></footer>\n</body>\n</html>\n')


def _encode(text: str, lang: str, rng: random.Random) -> tuple[bytes, str]:
    legacy = {"zh-Hant": "cp950", "ja": "cp932"}.get(lang)
    if legacy and rng.random() < 0.05:
        try:
            return text.encode(legacy), legacy
        except UnicodeEncodeError:
            pass
    return text.encode("utf-8"), "utf-8"


# ---- the corpus ------------------------------------------------------------------------------
def announcements(n: int, seed: int = 0, world: World | None = None):
    """Yield ``(relative path, bytes, language, kind, format)`` for announcements 0..n-1."""
    world = world or World(seed)
    ledger = Ledger()
    langs, weights = zip(*LANGUAGE_MIX)
    for k in range(n):
        rng = random.Random(f"{seed}:announcement:{k}")
        story = draw_story(world, rng, k, ledger)
        lang = rng.choices(langs, weights)[0]
        title, paras = write(story, lang, rng)
        is_html = rng.random() < 0.08
        text = (_html_page if is_html else _text_page)(story, lang, title, paras, rng)
        data, encoding = _encode(text, lang, rng)
        suffix = "html" if is_html else "txt"
        name = f"{story.published.year}/{_PREFIX[lang]}-{story.published.isoformat()}-{story.kind}-{k:06d}.{suffix}"
        yield name, data, lang, story.kind, suffix if encoding == "utf-8" else f"{suffix}/{encoding}"


def generate(n: int, outdir: str | Path, seed: int = 0) -> CorpusInfo:
    """Write ``n`` announcements under ``outdir`` (which must be empty or absent)."""
    out = Path(outdir)
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        raise SystemExit(f"{out}: exists and is not an empty directory; choose a new OUTDIR")
    out.mkdir(parents=True, exist_ok=True)
    size = 0
    langs: Counter[str] = Counter()
    kinds: Counter[str] = Counter()
    formats: Counter[str] = Counter()
    made: set[Path] = set()
    for name, data, lang, kind, fmt in announcements(n, seed):
        path = out / name
        if path.parent not in made:
            path.parent.mkdir(exist_ok=True)
            made.add(path.parent)
        path.write_bytes(data)
        size += len(data)
        langs[lang] += 1
        kinds[kind] += 1
        formats[fmt] += 1
    info = CorpusInfo(n, seed, str(out), size, dict(langs), dict(kinds), dict(formats))
    record = {k: v for k, v in asdict(info).items() if k != "directory"}  # the same corpus anywhere
    (out / MANIFEST).write_text(json.dumps(record, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return info


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.corpus", description=__doc__.split("\n\n")[0])
    parser.add_argument("n", type=int, help="how many announcements to write")
    parser.add_argument("outdir", help="an empty or new directory to write them into")
    parser.add_argument("--seed", type=int, default=0, help="random seed (the same seed gives the same files)")
    args = parser.parse_args(argv)
    if args.n < 1:
        parser.error(f"N must be at least 1, not {args.n}")
    info = generate(args.n, args.outdir, args.seed)
    mib = info.bytes / 2**20
    print(f"wrote {info.n} announcements ({mib:.1f} MiB, {info.bytes // info.n} bytes on average) to {info.directory}; "
          f"languages {info.languages}; kinds {info.kinds}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
