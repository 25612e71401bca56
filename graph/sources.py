"""Read announcement files (text, HTML, Markdown) into :class:`~graph.models.Announcement`.

A file is decoded (UTF-8, UTF-16/32 with a BOM, Big5, Shift_JIS, EUC-JP, ISO-2022-JP,
Windows-1252), normalized (``\\n`` newlines, Unicode NFC; full-width characters are kept),
parsed by its kind (``.html``/``.htm``, ``.md``, anything else as text) and stripped of page
furniture: breadcrumbs, publication and modification lines, contact blocks, view counters,
office hours, copyright footers. What remains is the title and the body, paragraphs separated
by a blank line.

>>> import tempfile, pathlib
>>> with tempfile.TemporaryDirectory() as d:
...     p = pathlib.Path(d, "tjpo-mou.txt")
...     _ = p.write_text("TJPO signs MOU\\nPublished at: 2019/10/15\\n\\nTJPO signed an MOU.\\n",
...                      encoding="utf-8")
...     a = read_announcement(p)
>>> (a.id, a.title, a.published.isoformat(), a.text, a.language)
('tjpo-mou', 'TJPO signs MOU', '2019-10-15', 'TJPO signed an MOU.', 'en')
"""
from __future__ import annotations

import codecs
import html
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from .errors import SourceError
from .models import Announcement

__all__ = ["read_announcement", "iter_sources", "detect_language", "announcement_id", "SOURCE_SUFFIXES"]

#: The file suffixes :func:`iter_sources` collects from a directory.
SOURCE_SUFFIXES = (".txt", ".md", ".html", ".htm")

_HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
_MARKDOWN_SUFFIXES = {".md", ".markdown"}


# --------------------------------------------------------------------------------------
# Public API
# --------------------------------------------------------------------------------------


def announcement_id(path: str | Path) -> str:
    """The stable id of an announcement: its file name without the extension.

    >>> announcement_id("data/announcements/en-2019-10-15-tjpo-osaka-mou.txt")
    'en-2019-10-15-tjpo-osaka-mou'
    """
    return Path(path).stem


def iter_sources(path: str | Path) -> list[Path]:
    """The announcement files under ``path``: itself for a file, else its sorted source files.

    A directory is searched recursively for ``*.txt``, ``*.md``, ``*.html`` and ``*.htm``
    (case-insensitive), skipping hidden files and folders (a name starting with ``.``).
    Raises :class:`~graph.errors.SourceError` when ``path`` does not exist.

    >>> iter_sources("no/such/place")
    Traceback (most recent call last):
    ...
    graph.errors.SourceError: no/such/place: does not exist
    """
    root = Path(path)
    if root.is_file():
        return [root]
    if not root.is_dir():
        raise SourceError(f"{root}: does not exist")
    found = []
    for p in root.rglob("*"):
        rel = p.relative_to(root).parts
        if any(part.startswith(".") for part in rel):
            continue
        if p.suffix.lower() in SOURCE_SUFFIXES and p.is_file():
            found.append(p)
    return sorted(found)


_KANA_RE = re.compile(r"[\u3041-\u309f\u30a0-\u30ff\u31f0-\u31ff\uff66-\uff9d]")
_HAN_RE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")
_LATIN_RE = re.compile(r"[A-Za-z\u00c0-\u024f]")
# Japanese-only (shinjitai or kokuji) forms: none of them is in Big5, so Traditional Chinese
# never writes them.
_JA_ONLY_RE = re.compile("[県覚産経駅沢売読労働込対応単図価検変営栄発関済転伝鉄様児広区]")


def detect_language(text: str) -> str:
    """The language of an announcement: ``"en"``, ``"zh-Hant"`` or ``"ja"``.

    Han characters and kana count as CJK text; CJK dominates when it outweighs the Latin
    letters (one CJK character weighing as five letters, about a word). CJK text is Japanese when kana or
    Japanese-only character forms make up at least 2% of it, otherwise Traditional Chinese.
    Everything else is English.

    >>> detect_language("TJPO signed an MOU with Osaka Prefecture.")
    'en'
    >>> detect_language("台日產業合作推動辦公室與鹿兒島縣簽署MOU")
    'zh-Hant'
    >>> detect_language("和歌山県と台湾、産業連携の覚書を締結")
    'ja'
    >>> detect_language("Su Jia-chyuan (蘇嘉全) signed the memorandum in Taipei.")
    'en'
    """
    kana = len(_KANA_RE.findall(text))
    han = len(_HAN_RE.findall(text))
    cjk = kana + han
    if cjk == 0 or cjk * 5 < len(_LATIN_RE.findall(text)):
        return "en"
    japanese = kana + len(_JA_ONLY_RE.findall(text))
    return "ja" if japanese >= max(1.0, 0.02 * cjk) else "zh-Hant"


def read_announcement(path: str | Path) -> Announcement:
    """Read, decode and parse one announcement file.

    Raises :class:`~graph.errors.SourceError`, whose one-line message names the file and the
    reason, when the file does not exist, is a directory, is empty, is binary, has an
    encoding that cannot be detected, or holds no announcement text besides page furniture.

    >>> read_announcement("missing.txt")
    Traceback (most recent call last):
    ...
    graph.errors.SourceError: missing.txt: does not exist
    """
    p = Path(path)
    if p.is_dir():
        raise SourceError(f"{p}: is a directory, not an announcement file")
    if not p.exists():
        raise SourceError(f"{p}: does not exist")
    try:
        data = p.read_bytes()
    except OSError as e:
        raise SourceError(f"{p}: cannot be read ({e.strerror or e})") from e
    raw, encoding = _decode(data, p)
    text = _normalize(raw)
    if not text.strip():
        raise SourceError(f"{p}: is empty")

    suffix = p.suffix.lower()
    if suffix in _HTML_SUFFIXES or _looks_like_html(text):
        page = _parse_html(text)
    elif suffix in _MARKDOWN_SUFFIXES:
        page = _parse_markdown(text, p)
    else:
        page = _parse_lines(_unescape_entities(text).split("\n"), _Page())

    if not page.paragraphs:
        raise SourceError(f"{p}: has no announcement text (only page furniture)")
    body = "\n\n".join("\n".join(lines) for lines in page.paragraphs)
    title = page.title or ""
    language = page.language or detect_language(f"{title}\n{body}")
    return Announcement(
        id=announcement_id(p),
        path=str(p),
        title=title,
        text=body,
        language=language,
        published=page.published,
        modified=page.modified,
        url=page.url,
        encoding=encoding,
        contact=dict(page.contact),
    )


# --------------------------------------------------------------------------------------
# Decoding
# --------------------------------------------------------------------------------------

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# The legacy encodings tried when the bytes are not UTF-8, as Python codecs, each with the
# names charset-normalizer or a page's declaration may give the same family.
_LEGACY = {
    "cp950": ("cp950", "big5", "big5hkscs", "big5-tw", "csbig5", "x-x-big5"),
    "cp932": ("cp932", "shift_jis", "shift-jis", "sjis", "ms932", "windows-31j", "shift_jis_2004",
              "shift_jisx0213", "x-sjis"),
    "euc_jp": ("euc_jp", "euc-jp", "eucjp", "euc_jis_2004", "euc_jisx0213", "x-euc-jp"),
    "cp1252": ("cp1252", "windows-1252", "latin_1", "latin-1", "iso-8859-1", "iso8859-1", "ascii",
               "us-ascii"),
}
_FAMILY = {alias: codec for codec, aliases in _LEGACY.items() for alias in aliases}
_FALLBACK_CODEC = {"euc_jp": "euc_jis_2004", "cp950": "big5hkscs"}

# Very frequent characters of Traditional Chinese and Japanese announcements, and their
# punctuation: a correctly decoded CJK text is full of them, a mis-decoded one is not.
_COMMON = frozenset(
    "的一是在不了有和人這中大為上個國以要他時來用們生到作地於出就分對成會可主發年動同工也能下過子說"
    "產種面而方後多定行學法所民得經十三之進著等部度家電力裡如水化高自二理起小物現實加量都兩體制機當使"
    "點從業本去把性好應開它合還因由其些然前外天政四日那社義事平形相全表間樣與關各重新線內數正心反明看"
    "原又利比或但質氣第向道命此變條只沒結解問意建月公無系很情者最立代想已通並提直題程展五果料員位入常"
    "文總次品式活設及管特件長求頭基資邊流路級少圖山統接知較將組見計別手期根論運指區強放決西被做必先回"
    "則任取據處府市縣協署簽備忘錄台灣臺企投技術交易局長辦室處院委會議商貿簽約雙方合作推動產業廠股份公司"
    "の、。「」『』（）・：，；！？　にはをがとでてたしいるかなもれらりこすまっくうよつ県会国経済関発産湾"
    "覚書締結連携推進式署名企業振興課部長知事市町村府社株式会社海外事業"
)
_TYPICAL_RANGES = (
    (0x3000, 0x303F), (0x3041, 0x30FF), (0x4E00, 0x9FFF), (0xFF01, 0xFF5E), (0x2010, 0x206F),
    (0x00C0, 0x00D6), (0x00D8, 0x00F6), (0x00F8, 0x00FF), (0x2100, 0x214F), (0x2190, 0x21FF),
    (0x25A0, 0x25FF),
)
_LATIN1_SIGNS = frozenset("\xa0©®°±·«»¼½¾§")
_CONTROL_BYTES = bytes(b for b in range(0x20) if b not in (0x09, 0x0A, 0x0C, 0x0D, 0x1B))
_ESC_ISO2022_JP = re.compile(rb"\x1b\$[@B]|\x1b\(J")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.IGNORECASE)


def _decode(data: bytes, path: Path) -> tuple[str, str]:
    """Decode a file's bytes; return the text and the Python codec name used."""
    if not data.strip():
        raise SourceError(f"{path}: is empty")
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec), codec
            except UnicodeDecodeError as e:
                name = codec.removesuffix("-sig").upper()
                raise SourceError(f"{path}: starts with a {name} byte-order mark but is not valid "
                                  f"{name} (byte {e.start})") from e
    if _is_binary(data):
        raise SourceError(f"{path}: is a binary file, not text")
    if _ESC_ISO2022_JP.search(data):
        try:
            return data.decode("iso2022_jp"), "iso2022_jp"
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    damaged = _damaged_utf8(data)
    if damaged is not None:
        return damaged, "utf-8"
    declared = _META_CHARSET.search(data[:4096])
    if declared:
        codec = _FAMILY.get(declared.group(1).decode("ascii").lower())
        text = _try_decode(data, codec) if codec else None
        if text is not None and _plausibility(text) >= 0.9:
            return text, codecs.lookup(codec).name
    best = _best_legacy(data)
    if best is None:
        raise SourceError(f"{path}: cannot detect its text encoding (not UTF-8, Big5, Shift_JIS "
                          f"or EUC-JP); save it as UTF-8")
    return best


def _damaged_utf8(data: bytes) -> str | None:
    """UTF-8 with a few bad bytes (say, a character cut at the end), or None.

    Accepted when the text holds valid multi-byte characters, at most one bad sequence per
    hundred of them, and reads as plausible text; each bad sequence becomes U+FFFD. Legacy
    encodings give far more bad sequences, or stray accents and symbols.
    """
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.decode("utf-8", errors="ignore").count("\ufffd")
    valid = sum(1 for c in text if ord(c) > 0x7F) - bad
    if not valid or bad > max(1, valid // 100):
        return None
    return text if _plausibility(text[:_SCORE_CHARS].replace("\ufffd", "")) >= 0.9 else None


def _is_binary(data: bytes) -> bool:
    """NUL bytes, or more than 5% control bytes other than tab, newlines, form feed and ESC."""
    if b"\x00" in data:
        return True
    sample = data[:65536]
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    return controls > 0.05 * len(sample)


def _try_decode(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None


_SCORE_CHARS = 20000  # the decoding is checked whole, but scored on its beginning


def _best_legacy(data: bytes) -> tuple[str, str] | None:
    """The most plausible strict decoding among the legacy encodings, or None.

    charset-normalizer's own guess is unreliable on short CJK texts (it takes Shift_JIS for
    Korean, EUC-JP for Big5, or finds nothing), so every legacy encoding is tried and each
    decoding is scored: our plausibility (which rewards common CJK characters) minus a
    quarter of charset-normalizer's mess ratio (which punishes mojibake, but also mixed
    Latin and CJK words such as "TJPOは").
    """
    from charset_normalizer.md import mess_ratio  # imported here: only needed for legacy files

    best: tuple[float, str, str] | None = None
    for codec in _LEGACY:
        used = codec
        text = _try_decode(data, codec)
        if text is None and codec in _FALLBACK_CODEC:
            used = _FALLBACK_CODEC[codec]
            text = _try_decode(data, used)
        if text is None:
            continue
        sample = text[:_SCORE_CHARS]
        score = _plausibility(sample) - 0.25 * mess_ratio(sample, 1.0)
        if best is None or score > best[0]:
            best = (score, text, codecs.lookup(used).name)
    if best is None or best[0] < 0.7:
        return None
    return best[1], best[2]


def _plausibility(text: str) -> float:
    """How much ``text`` looks like real en/zh/ja prose: about 1 or more when it does.

    Each visible character scores 1 when it is ASCII or of a script and block our languages
    use, 1.5 when it is one of the very common CJK characters, 0 otherwise (half-width kana,
    private use, Hangul, compatibility forms...), -1 for a control character.
    """
    total = 0.0
    n = 0
    for c in text:
        if c.isspace():
            continue
        n += 1
        o = ord(c)
        if o < 0x20 or 0x7F <= o < 0xA0:
            total -= 1
        elif o < 0x7F:
            total += 1
        elif c in _COMMON:
            total += 1.5
        elif c in _LATIN1_SIGNS or any(lo <= o <= hi for lo, hi in _TYPICAL_RANGES):
            total += 1
    return total / n if n else 0.0


def _normalize(text: str) -> str:
    """``\\n`` newlines, no BOM, Unicode NFC (never NFKC: full-width forms stay as written)."""
    text = text.lstrip("\ufeff")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u2028", "\n").replace("\u2029", "\n\n").replace("\x0c", "\n")
    return unicodedata.normalize("NFC", text)


# --------------------------------------------------------------------------------------
# Page model and the line classifier shared by all formats
# --------------------------------------------------------------------------------------


@dataclass
class _Page:
    """What the parsers collect (internal, mutable while one file is parsed)."""

    title: str | None = None
    published: date | None = None
    modified: date | None = None
    url: str | None = None
    language: str | None = None
    contact: dict[str, str] = field(default_factory=dict)
    paragraphs: list[list[str]] = field(default_factory=list)


_DATE_KINDS = {"published", "modified"}
_BODY_BEFORE_TAIL = 200  # characters of body text before a contact or counter line can end it
_CONTACT_KINDS = {"organization", "person", "phone"}
_TAIL_KINDS = _CONTACT_KINDS | {"views"}  # these end the body when they follow it
_NUMERIC_KINDS = {"views", "phone", "phone?", "numbers"}  # their values hold a number

_LABELS = {
    "published": (
        "published at", "published on", "published", "publish date", "publication date",
        "date published", "release date", "released on", "posted on", "posted at", "posted",
        "date", "issue date", "issued on", "日期", "日付",
        "發布日期", "發佈日期", "公告日期", "發布時間", "發佈時間", "刊登日期", "上稿日期", "發文日期",
        "新聞日期", "公布日期", "發稿日期", "發言日期", "掲載日", "掲載日時", "公開日", "公開日時", "発表日",
        "公表日", "配信日", "登録日",
    ),
    "modified": (
        "last modified at", "last modified on", "last modified", "modified at", "modified on",
        "last updated", "last updated on", "updated at", "updated on", "updated",
        "更新日期", "更新時間", "修改日期", "最後更新", "最後更新日期", "最後更新時間", "資料更新日期",
        "更新日", "更新日時", "最終更新日", "最終更新",
    ),
    "url": ("url", "link", "original url", "原文網址", "網址", "原文連結"),
    "source": ("source", "來源", "資料來源", "新聞來源", "出典", "出所", "情報源"),
    "organization": (
        "contact organization", "contact unit", "contact department", "contact division",
        "contact agency", "department", "publishing department", "publishing unit", "issued by", "承辦單位", "聯絡單位", "聯繫單位", "發布單位", "發佈單位", "新聞聯絡單位",
        "問い合わせ", "問い合わせ先", "お問い合わせ", "お問い合わせ先", "問合せ先", "問合せ",
        "担当課", "担当部署", "所管課",
    ),
    "person": (
        "contact person", "contact name", "contact", "聯絡人", "聯繫人", "承辦人", "新聞聯絡人",
        "發言人", "担当", "担当者",
    ),
    "phone": ("contact phone", "contact tel", "contact telephone", "contact number", "聯絡電話",
              "聯繫電話", "承辦人電話"),
    "phone?": ("tel", "telephone", "phone", "電話", "ＴＥＬ", "電話番号", "代表電話"),
    "views": (
        "number of views", "views", "page views", "hits", "visits", "瀏覽人次", "瀏覽次數", "點閱次數",
        "點閱數", "點閱率", "閱覽次數", "人氣", "閲覧数", "閲覧回数", "アクセス数",
    ),
    "numbers": (
        "office hours", "service hours", "opening hours", "toll free", "toll-free", "mobile", "fax",
        "last updated of page layout", "site updated", "服務時間", "上班時間", "辦公時間", "免付費電話",
        "免費服務專線", "服務專線", "總機", "傳真", "手機", "網站更新日期", "ＦＡＸ", "ファクス",
        "ファックス", "受付時間", "開庁時間",
    ),
    "furniture": (
        "e-mail", "email", "address", "地址", "電子郵件", "電子信箱", "メール", "電子メール", "住所", "所在地",
    ),
}
_LABEL_KIND = {label.casefold(): kind for kind, labels in _LABELS.items() for label in labels}
_LABEL_ALT = "|".join(
    re.escape(label).replace(r"\ ", r"\s+").replace(r"\-", r"[-\s]?")
    for label in sorted(_LABEL_KIND, key=len, reverse=True)
)
_BULLET = r"[\s\u2022\u00b7\u2027\u30fb\u25aa\u25cf\u25cb\u25c6\u25a0\u25a1\u25ba\u2023\u2219*\-–—]*"
_LABEL_LINE = re.compile(rf"^{_BULLET}(?P<label>{_LABEL_ALT})(?P<rest>.*)$", re.IGNORECASE)
_INNER_LABEL = re.compile(rf"[\s\u3000]+(?:{_LABEL_ALT})\s*[:：]", re.IGNORECASE)
_COLON = re.compile(r"^\s*[:：]\s*")
_NUMERIC_START = re.compile(r"^\s+[\d０-９+＋(（]|^[\d０-９]")

_BREADCRUMB = re.compile(
    r"^\s*(?::::|(?:home|首頁|首页|ホーム|トップ(?:ページ)?|top)\s*[>＞»›/]|"
    r"(?:現在位置|目前位置|您的位置|你的位置|現在の位置|現在地|所在位置)\s*[:：]?)",
    re.IGNORECASE,
)
# Above the title: "News › Business › Industry", "TAITRA | Newsroom", "NEWS RELEASE", "報道発表資料",
# "經濟部產業發展署　新聞稿", "【本報台南訊】"
_TRAIL_SEP = re.compile(r"\s*(?:[›»＞>]|[|｜])\s*")
_RELEASE_MARK = re.compile(
    r"^(?:[^:：\d]{0,30}?[\s\u3000]+)?(?:news\s*releases?|press\s*releases?|news\s*room|newsroom|media\s*releases?|news|"
    r"(?:for\s+)?immediate\s+release|for\s+release|media\s+advisory|"
    r"報道発表資料|報道発表|報道資料|記者発表資料|プレスリリース|ニュースリリース|お知らせ|"
    r"新聞稿|新聞資料|新聞發布|新聞公告|最新消息|新聞與公告|本部新聞)$", re.IGNORECASE)
_BRACKET_DATELINE = re.compile(r"^【[^】]{1,20}(?:訊|讯|報導|报导|電|电)】$")


# a page's tools above the title: "Font size: S | M | L  Print  Share: Facebook", "字級：小 中 大", "文字サイズ"
_PAGE_TOOLS = re.compile(r"^[［\[【]?(?:font\s*size|text\s*size|share|print|字級|字體大小|文字大小|分享|列印|文字サイズ|文字の大きさ|印刷|シェア)"
                         r"\s*[:：|｜]?", re.IGNORECASE)


def _is_header_furniture(line: str) -> bool:
    """A line above the title that is the site's, not the announcement's: a trail of short
    sections, a press-release mark, a bracketed dateline, the page's tools."""
    if len(line) <= 120 and _PAGE_TOOLS.match(line) and (len(line) <= 12 or re.search(r"[|｜:：］\]】]", line)):
        return True
    parts = _TRAIL_SEP.split(line)
    if len(parts) >= 2 and all(0 < len(x) <= 25 and len(x.split()) <= 4 for x in parts):
        return True
    return bool(_RELEASE_MARK.match(line) or _BRACKET_DATELINE.match(line))


# A site footer: the page's tail starts at it.
_FOOTER = re.compile(
    r"copyright\s*(?:©|\(c\)|\d{4})|all rights reserved|best viewed|版權所有|著作權所有|版權宣告|"
    r"最佳瀏覽|建議使用.{0,30}瀏覽器|瀏覽器.{0,20}最佳|著作権|無断転載|推奨ブラウザ",
    re.IGNORECASE,
)
# Furniture that may sit anywhere (a photo credit, a "back to top" link): only the line goes.
_FURNITURE = re.compile(r"^\W{0,3}(?:©|\(c\)\s*\d{4})|back to top|回頁首|回到頁首|ページの先頭へ|ページトップへ",
                        re.IGNORECASE)


def _label(line: str) -> list[tuple[str, str]] | None:
    """The (kind, value) pairs of a metadata or furniture line, or None for a text line.

    A label is followed by a colon, or, for dates, phones and counters, directly by the
    value; the value must fit the label (a date, a number...). A line ``label:`` gives
    ``[(kind, "")]``: its value may be on the next line. A value holding another
    ``label:`` is split there.

    >>> _label("  • Contact Person:Mr.Chang")
    [('person', 'Mr.Chang')]
    >>> _label("聯絡人：張先生　聯絡電話：02-2754-1255")
    [('person', '張先生'), ('phone', '02-2754-1255')]
    >>> _label("Updated: the plan was revised in May.") is None
    True
    """
    m = _LABEL_LINE.match(line)
    if not m:
        return None
    kind = _LABEL_KIND.get(re.sub(r"\s+", " ", m.group("label")).casefold())
    if kind is None:  # a label spelled with another hyphen or spacing
        squashed = re.sub(r"[\s\-]+", "", m.group("label")).casefold()
        kind = next((k for lab, k in _LABEL_KIND.items() if re.sub(r"[\s\-]+", "", lab) == squashed),
                    None)
        if kind is None:
            return None
    rest = m.group("rest")
    sep = _COLON.match(rest)
    if sep:
        value = rest[sep.end():]
        if not value.strip():
            return [(kind, "")]
    elif not rest.strip() and kind in _DATE_KINDS:
        return [(kind, "")]
    elif kind in _DATE_KINDS and (rest[:1].isspace() or not m.group("label").isascii()):
        value = rest
    elif kind in _NUMERIC_KINDS and _NUMERIC_START.match(rest):
        value = rest
    else:
        return None
    pairs = [(kind, value.strip())]
    inner = _INNER_LABEL.search(value)
    if inner:
        more = _label(value[inner.start():].strip())
        if more is not None and more[-1][1]:
            pairs = [(kind, value[:inner.start()].strip())] + more
    return pairs if all(_fits(k, v) for k, v in pairs) else None


def _fits(kind: str, value: str) -> bool:
    """Whether ``value`` is what a ``kind`` label announces (so that a body line is not eaten)."""
    if kind in _DATE_KINDS:
        return _parse_meta_date(value) is not None
    if kind == "views":
        return bool(re.match(r"[\d０-９][\d０-９,，]*\s*\D{0,6}$", value))
    if kind in _NUMERIC_KINDS:
        return bool(re.search(r"[\d０-９]", value))
    return bool(value)


def _apply(page: _Page, kind: str, value: str) -> None:
    """Record one metadata value in ``page`` (the first value of each field wins)."""
    value = re.sub(r"\s+", " ", value).strip()
    if not value:
        return
    if kind in _DATE_KINDS:
        if getattr(page, kind) is None:
            setattr(page, kind, _parse_meta_date(value))
    elif kind in ("url", "source"):
        url = re.search(r"https?://\S+", value)
        if url and page.url is None:
            page.url = url.group(0).rstrip(").,;）")
    elif kind in _CONTACT_KINDS:
        page.contact.setdefault(kind, value)
    elif kind == "phone?" and page.contact and "phone" not in page.contact:
        page.contact["phone"] = value  # a plain "Tel:" right in a contact block


def _same_text(a: str, b: str) -> bool:
    return re.sub(r"\s+", " ", a).strip().casefold() == re.sub(r"\s+", " ", b).strip().casefold()


def _parse_lines(lines: list[str], page: _Page) -> _Page:
    """Split lines into title, metadata, furniture and body paragraphs.

    The title is ``page.title`` when the caller found one, else the first line that is not
    furniture. Body text starts after it. Once the body has text, a contact line, a view
    counter or a footer line (copyright, best-viewed-with...) starts the page's tail: every
    text line after it is furniture too. Metadata lines are read wherever they are.
    """
    state = "body" if page.title else "head"
    paragraph: list[str] = []
    pending: str | None = None  # a "label:" line whose value is on the next line

    def close() -> None:
        nonlocal paragraph
        if paragraph:
            page.paragraphs.append(paragraph)
            paragraph = []

    for raw in lines:
        line = raw.strip()
        if not line:
            close()
            continue
        if state == "tail" and _ANNEX.fullmatch(line):
            state = "body"  # "別紙", "Annex": the release's attachment after its contact lines is text again
            continue
        if pending is not None:
            kind, pending = pending, None
            if _fits(kind, line):
                _apply(page, kind, line)
                continue
        masthead = _MASTHEAD.match(line) if state == "head" and page.published is None else None
        stamped = _date_line(_ERA_NOTE.sub("", masthead.group("date"))) if masthead else None
        if stamped is not None:
            page.published = stamped  # a paper's masthead: "日刊産業ニュース　2024年（令和６年）７月８日（月曜日）"
            continue
        if state == "head" and len(line) <= 80 and _ISSUE_MARK.search(line):
            # a newsletter's masthead: "電電公會會訊　第５２７期｜民國110年12月10日出刊", "Vol. 12 | March 3, 2024"
            found = _DATE_ONLY.search(line.translate(_FULLWIDTH_DIGITS))
            issued = _parse_meta_date(found.group()) if found else None
            if issued is not None:
                page.published = page.published or issued
                continue
        if _BREADCRUMB.match(line) or (state == "head" and _is_header_furniture(line)):
            if state == "head" and page.published is None:
                page.published = _date_line(line)  # "2024-09-05 | Share f in": the stamp among the buttons
            if state == "body" and not page.paragraphs and not paragraph:
                page.title, state = None, "head"  # "Taoyuan City Government" above the trail: the site's name
            continue
        if state == "body" and not paragraph and len(page.paragraphs) == 1 and len(page.paragraphs[0]) == 1 \
                and page.title and len(page.title) <= 30 and len(page.title.split()) <= 3 \
                and len(page.paragraphs[0][0]) <= 200 and not page.paragraphs[0][0].endswith((".", "。")) \
                and (stamped := _date_line(line)) is not None:
            # "Business" / "Hsinchu County signs pact…" / "10/18/2023 07:35 PM": a section's name, then the
            # headline and its date
            page.title, page.paragraphs = page.paragraphs[0][0], []
            page.published = page.published or stamped
            continue
        if not page.paragraphs and (state == "head" or all(_BYLINE.match(x) for x in paragraph)):
            if _BYLINE.match(line) and (page.title or state == "body"):
                continue  # "By Staff Writer" under the title
            stamped = _date_line(line)
            if stamped is not None:
                page.published = page.published or stamped
                continue  # "Mon, Mar 13, 2023", "2024年7月5日 6:00", "２０２３年１２月５日　【記者…】"
        if state == "body" and not page.paragraphs and not paragraph:
            line = _strip_dateline(line, page)
            if not line:
                continue
        pairs = _label(line)
        if pairs is not None:
            for kind, value in pairs:
                _apply(page, kind, value)
            if not pairs[-1][1]:
                pending = pairs[-1][0]
            body_chars = sum(len(x) for para in page.paragraphs for x in para) + sum(len(x) for x in paragraph)
            if state == "body" and body_chars >= _BODY_BEFORE_TAIL and any(k in _TAIL_KINDS for k, _ in pairs):
                close()  # (a "Views:" line under a heading, before the article, ends nothing)
                state = "tail"
            continue
        if len(line) <= 200 and _FOOTER.search(line):
            if page.paragraphs or paragraph:
                close()
                state = "tail"
            continue
        if len(line) <= 200 and _FURNITURE.search(line):
            continue
        if state == "head":
            page.title = line
            state = "body"
        elif state == "body":
            if not page.paragraphs and not paragraph and page.title and _same_text(line, page.title):
                continue  # the title repeated at the top of the body
            paragraph.append(line)
    close()
    if not page.paragraphs and page.title and len(page.title) > 200:
        # a single paragraph and nothing else: it is the body; its first sentence the title
        page.paragraphs = [[page.title]]
        first = re.match(r"(.{10,200}?[.!?。！？])(?:\s|$)", page.title)
        page.title = first.group(1) if first else page.title[:200]
    return page


# --------------------------------------------------------------------------------------
# HTML
# --------------------------------------------------------------------------------------

_HTML_START = re.compile(r"<(?:!doctype\s+html|html[\s>]|head[\s>])", re.IGNORECASE)
_JUNK_SELECTOR = ", ".join((
    "script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form",
    "iframe", "svg", "button", "select", "textarea", "[hidden]", "[aria-hidden=true]",
    "[role=navigation]", "[role=banner]", "[role=contentinfo]", "[role=search]",
    "[role=complementary]",
))
_BLOCK_TAGS = frozenset((
    "address article aside blockquote caption center dd details dialog div dl dt fieldset "
    "figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section "
    "summary table tbody thead tfoot tr ul"
).split())
_CELL_TAGS = frozenset(("td", "th"))
_HTML_SPACE = re.compile(r"[ \t\n\r\f\v\xa0]+")
_PUBLISHED_META = ("article:published_time", "og:published_time", "datepublished", "date",
                   "dc.date", "dc.date.issued", "dcterms.issued", "dcterms.date", "pubdate",
                   "publishdate", "publish-date")
_MODIFIED_META = ("article:modified_time", "og:updated_time", "datemodified", "dcterms.modified",
                  "last-modified", "dc.date.modified")


def _looks_like_html(text: str) -> bool:
    """Whether a text starts (after comments) with a doctype, ``<html>`` or ``<head>``."""
    head = text[:4096].lstrip()
    while head.startswith("<!--"):
        end = head.find("-->")
        if end < 0:
            return False
        head = head[end + 3:].lstrip()
    return bool(_HTML_START.match(head))


def _parse_html(text: str) -> _Page:
    """Metadata from ``<meta>``/``<time>``, the title from ``<h1>``, og:title or ``<title>``,
    and the lines of ``<article>``/``<main>``/``<body>`` without scripts, navigation, headers,
    footers, asides and forms."""
    from selectolax.lexbor import LexborHTMLParser  # imported here: only needed for HTML

    tree = LexborHTMLParser(text)
    page = _Page()
    metas: dict[str, str] = {}
    for meta in tree.css("meta"):
        attrs = meta.attributes
        key = (attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or "").casefold()
        if key and attrs.get("content") and key not in metas:
            metas[key] = attrs["content"]
    for key in _PUBLISHED_META:
        if page.published is None and key in metas:
            page.published = _parse_meta_date(metas[key])
    for key in _MODIFIED_META:
        if page.modified is None and key in metas:
            page.modified = _parse_meta_date(metas[key])
    canonical = tree.css_first("link[rel=canonical]")
    url = metas.get("og:url") or (canonical.attributes.get("href") if canonical else None)
    if url and re.match(r"https?://", url):
        page.url = url.strip()

    root = (tree.css_first("article") or tree.css_first("main") or tree.css_first("[role=main]")
            or tree.body or tree.root)
    if root is None:
        return page
    for node in root.css("time"):
        stamp = _parse_meta_date(node.attributes.get("datetime") or node.text(deep=True))
        field_name = "modified" if (node.attributes.get("itemprop") or "").casefold() == "datemodified" \
            else "published"
        if stamp is not None and getattr(page, field_name) is None:
            setattr(page, field_name, stamp)

    chrome = {"nav", "aside", "footer"} | ({"header"} if root.tag in ("body", "html") else set())
    heading = next((h for h in root.css("h1") if not _inside(h, root, chrome)), None)
    title = _collapse(heading.text(deep=True)) if heading is not None else ""
    if heading is not None:
        heading.decompose()
    if not title:
        title = _collapse(metas.get("og:title", ""))
    if not title:
        node = tree.css_first("title")
        title = re.split(r"\s+[|｜]\s+|｜", _collapse(node.text(deep=True)))[0] if node else ""
    page.title = title or None

    for junk in root.css(_JUNK_SELECTOR):
        junk.decompose()
    return _parse_lines(_html_lines(root), page)


def _inside(node, root, tags: set[str]) -> bool:
    """Whether ``node`` sits inside an element named in ``tags``, below ``root``."""
    parent = node.parent
    while parent is not None and parent.mem_id != root.mem_id:
        if parent.tag in tags:
            return True
        parent = parent.parent
    return False


def _collapse(text: str) -> str:
    return _HTML_SPACE.sub(" ", text or "").strip()


def _html_lines(root) -> list[str]:
    """The text of ``root`` as lines, a blank line between blocks, ``<br>`` a line break.

    Walks the tree with an explicit stack, so deep nesting cannot exhaust the recursion limit.
    """
    parts: list[str] = []
    stack: list[tuple[object, bool, bool]] = [(root, False, False)]  # (node, closing, in <pre>)
    while stack:
        node, closing, pre = stack.pop()
        if closing:
            parts.append("\n\n")
            continue
        tag = node.tag
        if tag == "-text":
            value = node.text_content or ""
            parts.append(value if pre else _HTML_SPACE.sub(" ", value))
            continue
        if tag == "br":
            parts.append("\n")
            continue
        if tag in _CELL_TAGS:
            parts.append(" ")
        if tag in _BLOCK_TAGS:
            parts.append("\n\n")
            stack.append((node, True, pre))
        children = list(node.iter(include_text=True))
        inner_pre = pre or tag == "pre"
        for child in reversed(children):
            if child.tag != "-comment":
                stack.append((child, False, inner_pre))
    return "".join(parts).split("\n")


# --------------------------------------------------------------------------------------
# Markdown
# --------------------------------------------------------------------------------------

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
_MD_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)(?:\s+#+)?\s*$")
_MD_RULE = re.compile(r"^\s{0,3}(?:[=]{2,}|[-]{3,}|[*]{3,}|[_]{3,})\s*$")
_MD_FENCE = re.compile(r"^\s{0,3}(```|~~~)")
_MD_REFDEF = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*\S+")
_MD_INLINE = (
    (re.compile(r"!\[([^\]]*)\]\([^)]*\)"), r"\1"),
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),
    (re.compile(r"\[([^\]]+)\]\[[^\]]*\]"), r"\1"),
    (re.compile(r"<(https?://[^>\s]+)>"), r"\1"),
    (re.compile(r"</?[A-Za-z][^>]*>"), ""),
    (re.compile(r"`([^`]+)`"), r"\1"),
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),
    (re.compile(r"(?<!\*)\*(?=[^\s*])(.+?)(?<=[^\s*])\*(?!\*)"), r"\1"),  # may be intraword
    # "_" may not be intraword (as in CommonMark), so snake_case names survive
    (re.compile(r"(?<![\w_])_(?=\S)(.+?)(?<=\S)_(?![\w_])"), r"\1"),
    (re.compile(r"~~(?=\S)(.+?)(?<=\S)~~"), r"\1"),
)
_LANGUAGE_TAGS = {"en": "en", "ja": "ja", "jp": "ja", "zh": "zh-Hant"}


def _parse_markdown(text: str, path: Path) -> _Page:
    """Front matter, the first ``# heading`` as the title, and lines with their markup stripped
    (headings, emphasis, links, images, inline code and HTML, quotes, fences, rules)."""
    page = _Page()
    front = _FRONT_MATTER.match(text)
    if front:
        _read_front_matter(front.group(1), page, path)
        text = text[front.end():]
    text = re.sub(r"<!--.*?-->", "", text, flags=re.DOTALL)
    lines: list[str] = []
    fenced = False
    heading_used = False
    for line in text.split("\n"):
        if _MD_FENCE.match(line):
            fenced = not fenced
            continue
        if fenced:
            lines.append(line)
            continue
        if _MD_RULE.match(line) or _MD_REFDEF.match(line):
            lines.append("")
            continue
        line = re.sub(r"^\s{0,3}(?:>\s?)+", "", line)
        heading = _MD_HEADING.match(line)
        if heading:
            line = heading.group(2)
        for pattern, repl in _MD_INLINE:
            line = pattern.sub(repl, line)
        line = html.unescape(line)
        if heading and not heading_used and not _has_text(lines):
            heading_used = True
            if page.title is None and len(heading.group(1)) == 1:
                page.title = line.strip()
                continue
            if page.title and _same_text(line, page.title):
                continue
        if heading:  # a heading is a paragraph of its own
            lines.extend(("", line, ""))
        else:
            lines.append(line)
    return _parse_lines(lines, page)


def _has_text(lines: list[str]) -> bool:
    return any(line.strip() for line in lines)


def _read_front_matter(source: str, page: _Page, path: Path) -> None:
    import yaml  # imported here: only needed for Markdown with front matter

    try:
        meta = yaml.safe_load(source)
    except yaml.YAMLError as e:
        where = getattr(e, "problem_mark", None)
        at = f" (line {where.line + 2})" if where is not None else ""
        raise SourceError(f"{path}: its front matter is not valid YAML{at}") from e
    if meta is None:
        return
    if not isinstance(meta, dict):
        raise SourceError(f"{path}: its front matter must be a mapping of keys to values")
    meta = {str(k).casefold(): v for k, v in meta.items()}
    if isinstance(meta.get("title"), (str, int, float)):
        page.title = str(meta["title"]).strip() or None
    for key, attr in (("published", "published"), ("date", "published"), ("pubdate", "published"),
                      ("modified", "modified"), ("updated", "modified"), ("lastmod", "modified")):
        if key in meta and getattr(page, attr) is None:
            setattr(page, attr, _meta_value_date(meta[key]))
    for key in ("url", "link", "source"):
        value = meta.get(key)
        if page.url is None and isinstance(value, str) and re.match(r"https?://", value.strip()):
            page.url = value.strip()
    language = meta.get("language") or meta.get("lang")
    if isinstance(language, str):
        page.language = _LANGUAGE_TAGS.get(re.split(r"[-_]", language.strip().casefold())[0])


def _meta_value_date(value: object) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return _parse_meta_date(str(value)) if value is not None else None


# --------------------------------------------------------------------------------------
# Dates in metadata lines
# --------------------------------------------------------------------------------------

_FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９／．－", "0123456789/.-")
_ERAS = {"令和": 2018, "平成": 1988, "昭和": 1925, "大正": 1911, "R": 2018, "H": 1988, "S": 1925}
_WESTERN_YEAR = r"(?:\s*[（(]\s*\d{4}\s*年?\s*[)）])?"  # "令和6年（2024年）2月6日"
_ERA_DATE = re.compile(rf"(令和|平成|昭和|大正)\s*(元|\d{{1,2}})\s*年{_WESTERN_YEAR}\s*(\d{{1,2}})\s*月\s*(\d{{1,2}})\s*日")
_ERA_SHORT = re.compile(r"(?<![A-Za-z])([RHS])\s?(\d{1,2})[./](\d{1,2})[./](\d{1,2})(?!\d)")
_ROC_DATE = re.compile(r"(?:民國|民国)\s*(\d{1,3})\s*[年/.\-]\s*(\d{1,2})\s*[月/.\-]\s*(\d{1,2})")
_YMD = re.compile(r"(?<!\d)(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})(?!\d)")
_ROC_SHORT = re.compile(r"(?<!\d)(\d{2,3})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})(?!\d)")
_MONTHS = {m: i for i, names in enumerate((
    ("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",),
    ("jun", "june"), ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"),
    ("oct", "october"), ("nov", "november"), ("dec", "december"),
), start=1) for m in names}
_MONTH_ALT = "|".join(sorted(_MONTHS, key=len, reverse=True))
_NUMERIC_MDY = re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})/(\d{4})(?![\d/])")  # "10/22/2016": month first (day first past 12)
_MDY = re.compile(rf"\b({_MONTH_ALT})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b", re.IGNORECASE)
_DMY = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+({_MONTH_ALT})\.?,?\s+(\d{{4}})\b", re.IGNORECASE)


def _parse_meta_date(value: str) -> date | None:
    """The date written in a metadata value, or None.

    >>> [_parse_meta_date(v).isoformat() for v in (
    ...     "2019-10-15 17:49", "2019/10/15", "2019.10.15", "2019年10月15日", "民國108年10月15日",
    ...     "108年10月15日", "108/10/15", "令和元年10月15日", "平成31年4月30日", "２０１９年１０月１５日",
    ...     "October 15, 2019", "15 Oct 2019", "2019-10-15T09:49:00Z")]
    ... # doctest: +NORMALIZE_WHITESPACE
    ['2019-10-15', '2019-10-15', '2019-10-15', '2019-10-15', '2019-10-15', '2019-10-15',
     '2019-10-15', '2019-10-15', '2019-04-30', '2019-10-15', '2019-10-15', '2019-10-15',
     '2019-10-15']
    >>> _parse_meta_date("2019-02-30") is None and _parse_meta_date("soon") is None
    True
    """
    s = value.translate(_FULLWIDTH_DIGITS)
    candidates: list[tuple[int, int, int]] = []
    for m in _ERA_DATE.finditer(s):
        year = 1 if m.group(2) == "元" else int(m.group(2))
        candidates.append((_ERAS[m.group(1)] + year, int(m.group(3)), int(m.group(4))))
    for m in _ERA_SHORT.finditer(s):
        candidates.append((_ERAS[m.group(1)] + int(m.group(2)), int(m.group(3)), int(m.group(4))))
    for m in _ROC_DATE.finditer(s):
        candidates.append((int(m.group(1)) + 1911, int(m.group(2)), int(m.group(3))))
    for m in _YMD.finditer(s):
        candidates.append((int(m.group(1)), int(m.group(2)), int(m.group(3))))
    for m in _ROC_SHORT.finditer(s):
        candidates.append((int(m.group(1)) + 1911, int(m.group(2)), int(m.group(3))))
    for m in _MDY.finditer(s):
        candidates.append((int(m.group(3)), _MONTHS[m.group(1).casefold()], int(m.group(2))))
    for m in _DMY.finditer(s):
        candidates.append((int(m.group(3)), _MONTHS[m.group(2).casefold()], int(m.group(1))))
    for m in _NUMERIC_MDY.finditer(s):
        a, b = int(m.group(1)), int(m.group(2))
        candidates.append((int(m.group(3)), a, b) if a <= 12 else (int(m.group(3)), b, a))
    for year, month, day in candidates:
        try:
            return date(year, month, day)
        except ValueError:
            continue
    return None


# --------------------------------------------------------------------------------------
# News-style date lines, bylines and datelines
# --------------------------------------------------------------------------------------

_ENTITY = re.compile(r"&(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6});")
_BYLINE = re.compile(r"^(?:by|text by|story by)\s+[A-Z][\w.'’-]*(?:\s+[A-Za-z][\w.'’-]*){0,5}$", re.IGNORECASE)
_WEEKDAY_EN = r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|rsday|urday)?"
# "Mon, ", and a place's name before it on a release's date line: "Taipei, November 28, 2019"
_DATE_LEAD = re.compile(rf"^\s*(?:(?i:{_WEEKDAY_EN})\.?,?\s+|(?:[A-Z][A-Za-z.'’-]+\s+){{0,2}}[A-Z][A-Za-z.'’-]+,\s+(?=(?i:{_MONTH_ALT})\b|\d))")
_DATE_TAIL = re.compile(
    r"\s*(?:[（(]\s*(?:[月火水木金土日]|[月火水木金土日]曜日?|[一二三四五六日天]|週[一二三四五六日天]|星期[一二三四五六日天]|"
    rf"{_WEEKDAY_EN}\.?)\s*[)）])|"  # "（木）", "(Thu)"
    r"[\s\u3000]*(?:\d{1,2}:\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?|JST|CST|GMT[+-]?\d*|UTC[+-]?\d*|\(?(?:JST|CST)\)?)?)|"  # times
    r"[\s\u3000]*(?:午前|午後|上午|下午)?\s*\d{1,2}\s*[時时點点](?:\s*\d{1,2}\s*分)?|"  # "午前6時30分", "下午3點"
    r"[\s\u3000|｜/／-]*(?:【[^】]{0,40}】|［[^］]{0,40}］|\[[^\]]{0,40}\]|記者\S{0,30}(?:報導|报导|報道)|"
    r"(?:updated|更新|公開|掲載|発表|發布|發佈)|(?:by|text by)\s+[A-Z][\w .'’-]{0,40})\s*$",  # bylines, "更新"
    re.IGNORECASE)
_DATE_ONLY = re.compile(
    rf"(?:令和|平成|昭和|民國|民国)\s*(?:元|\d{{1,3}})\s*年{_WESTERN_YEAR}\s*\d{{1,2}}\s*月\s*\d{{1,2}}\s*日|"
    r"\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|\d{4}\s*[-/.]\s*\d{1,2}\s*[-/.]\s*\d{1,2}|"
    r"\d{2,3}\s*[-/.]\s*\d{1,2}\s*[-/.]\s*\d{1,2}|\d{1,2}/\d{1,2}/\d{4}|"
    rf"(?:{_MONTH_ALT})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{_MONTH_ALT})\.?,?\s+\d{{4}}",
    re.IGNORECASE)
# "SAPPORO, May 23, 2024 - ", "TAICHUNG, Nov. 18 (CNA) - ": a city in capitals, a date, a dash
# "NAGOYA – 3 July 2024 – ": the same with dashes, the day first
_DATELINE_EN = re.compile(
    rf"^(?P<place>[A-Z][A-Z.'’-]+(?:\s+[A-Z][A-Z.'’-]+){{0,3}})(?:,\s+|\s+[-–—]+\s+)(?P<date>(?:{_MONTH_ALT})\.?\s+\d{{1,2}}"
    rf"(?:,\s*\d{{4}})?|\d{{1,2}}\s+(?:{_MONTH_ALT})\.?,?\s+\d{{4}})(?:\s*\([A-Za-z. ]{{1,20}}\))?\s*[-–—]+\s+", re.IGNORECASE)
# "（中央社記者王大明台北13日電）", "【記者林小華／台北報導】" at the start of a paragraph
_DATELINE_ZH = re.compile(r"^[\s\u3000]*(?:[（(][^（）()\n]{0,30}?\d{1,2}\s*日\s*(?:電|电)[）)]|"
                          r"【[^】\n]{0,30}(?:報導|报导|電|电)】)[\s\u3000]*")


def _unescape_entities(text: str) -> str:
    """HTML character references left in a text file ("Japan&#8217;s", "&raquo;"), decoded;
    only complete ones (with their ``;``), so "AT&T" stays.

    >>> _unescape_entities("Japan&#8217;s &quot;plant&quot; &raquo; AT&T &nbsp;x")
    'Japan’s "plant" » AT&T \xa0x'
    """
    if "&" not in text:
        return text
    return _ENTITY.sub(lambda m: html.unescape(m.group(0)), text)


_ANNEX = re.compile(r"[【\[(（]?\s*(?:別紙|別添|別記|附件|附錄|附表|参考資料|參考資料|Annex|Appendix|Attachment)\s*[0-9０-９一二三四]*\s*[】\])）]?",
                    re.IGNORECASE)
_MASTHEAD = re.compile(r"^(?P<name>[^\s。、，,.:：]{2,16})[ \t\u3000]+(?P<date>[^。]{6,40})$")
_ERA_NOTE = re.compile(r"[（(](?:令和|平成|昭和|民國|民国)\s*[0-9０-９元]{1,3}\s*年[）)]")  # "2024年（令和６年）７月"
_ISSUE_MARK = re.compile(r"第\s*[0-9０-９]+\s*[期號号]|\b(?:Vol|No|Issue)\.?\s*\d+|[0-9０-９]+\s*月号")


def _date_line(line: str) -> date | None:
    """The date of a line that holds nothing but a date, with its weekday, time and byline
    (a news page's publication stamp), else None.

    >>> [str(_date_line(x)) for x in ("Mon, Mar 13, 2023", "2024年7月5日 6:00", "2024/2/16 05:00",
    ...     "令和５年１１月１０日", "２０２３年１２月５日　【記者林小華／台北報導】", "November 18, 2023",
    ...     "2024/06/05 05:30　記者王小明／嘉義報導", "Signed on May 3, 2024 in Taipei", "Taipei, November 28, 2019")]
    ... # doctest: +NORMALIZE_WHITESPACE
    ['2023-03-13', '2024-07-05', '2024-02-16', '2023-11-10', '2023-12-05', '2023-11-18',
     '2024-06-05', 'None', '2019-11-28']
    """
    if len(line) > 80:
        return None
    parts = re.split(r"\s[|｜]\s", line)
    if len(parts) > 1 and all(len(x.strip()) <= 30 for x in parts[1:]):
        line = parts[0]  # "2024-09-05   |   Share  f  in": the stamp, then the page's buttons
    s = line.translate(_FULLWIDTH_DIGITS).strip()
    s = _DATE_LEAD.sub("", s)
    for _ in range(4):  # weekday, time, byline... peeled from the end
        t = _DATE_TAIL.sub("", s, count=1).strip(" \u3000,|")
        if t == s:
            break
        s = t
    m = _DATE_ONLY.fullmatch(s)
    return _parse_meta_date(s) if m else None


def _strip_dateline(line: str, page: _Page) -> str:
    """A paragraph's opening dateline removed ("SAPPORO, May 23, 2024 - Everwin will..." ->
    "Everwin will..."), its date taken as the publication date when none is known yet: the
    dateline dates the report, not what the report tells.

    >>> p = _Page(); _strip_dateline("SAPPORO, May 23, 2024 - Everwin will invest.", p), str(p.published)
    ('Everwin will invest.', '2024-05-23')
    >>> _strip_dateline("（中央社記者王大明台北13日電）貿協12日在台北簽署。", p)
    '貿協12日在台北簽署。'
    >>> _strip_dateline("JAPAN, Taiwan sign - a pact", p)
    'JAPAN, Taiwan sign - a pact'
    """
    m = _DATELINE_EN.match(line)
    if m and m.group("place").upper() == m.group("place"):
        if page.published is None:
            page.published = _parse_meta_date(m.group("date"))
        return line[m.end():]
    m = _DATELINE_ZH.match(line)
    if m:
        return line[m.end():]
    return line
