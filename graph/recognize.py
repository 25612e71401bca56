"""Entity mentions in an announcement: gazetteer names, organizations, companies, places.

Recognition works on a *folded* copy of the text (:func:`fold`: same length, case, width and
CJK character variants folded), so that every span found points into the original text. The
gazetteer's surface forms are compiled once into one trie-shaped regular expression (linear in
the text); organizations, companies and places beyond the gazetteer are found by head nouns,
legal forms and place suffixes read from ``data/patterns/<lang>.yaml`` (:mod:`graph.cues`).
People and their posts are found by :mod:`graph.people`.

Examples
--------
>>> [(m.text, m.type) for m in find_mentions("Hirosaki City signed.", "en", None)]
[('Hirosaki City', 'City')]
>>> [(m.text, m.type) for m in find_mentions("津商工會及外貿協會", "zh-Hant", None)]
[('津商工會', 'Organization'), ('外貿協會', 'Organization')]
"""
from __future__ import annotations

import bisect
import functools
import re
import unicodedata
from dataclasses import dataclass, replace

from .cues import Cues, alternation, load_cues, word_trie
from .normalize import CJK_VARIANTS

__all__ = [
    "Mention", "fold", "sentences", "find_mentions", "gazetteer_mentions", "is_cjk", "IDEO", "CJK",
    "ORG_TYPES", "PLACE_TYPES", "MAX_NAME", "near_matches", "occurrences", "FamilyNames", "named_apart",
]

IDEO = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
KANA = "\u30a1-\u30fa\u30fc"
CJK = IDEO + KANA
ORG_TYPES = frozenset({"Agency", "Organization", "Company"})
PLACE_TYPES = frozenset({"Country", "Region", "Prefecture", "City"})
MAX_NAME = 80  # no name is longer; bounds every scan

_FOLD: dict[int, str] = {ord(k): v for k, v in CJK_VARIANTS.items()}
_FOLD.update({c: chr(c - 0xFEE0).lower() for c in range(0xFF01, 0xFF5F)})
_FOLD.update({c: chr(c + 32) for c in range(ord("A"), ord("Z") + 1)})
_FOLD.update({ord(c): "-" for c in "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"})
_FOLD.update({0x3000: " ", 0xA0: " ", 0x2019: "'", 0x2018: "'", 0x201C: '"', 0x201D: '"'})


def fold(text: str) -> str:
    """A same-length copy of ``text`` for matching: ASCII lower case, full-width forms to
    ASCII, CJK variants to one form (:data:`graph.normalize.CJK_VARIANTS`).

    >>> fold("ＴＪＰＯ與鹿兒島縣")
    'tjpo与鹿児島県'
    >>> len(fold("臺灣 Osaka")) == len("臺灣 Osaka")
    True
    """
    return text.translate(_FOLD)


def is_cjk(ch: str) -> bool:
    """Whether ``ch`` is a CJK ideograph or katakana."""
    return bool(ch) and ("\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff" or "\u30a1" <= ch <= "\u30fc")


def occurrences(text: str, word: str, ok=None):
    """The spans where ``word`` occurs in ``text``, left to right without overlaps, kept where
    ``ok(start, end)`` holds: a plain search, so that names found in one announcement need not
    be compiled as patterns (and do not push the rules' patterns out of ``re``'s cache).

    >>> text = "TOK and TOKYO; TOK"
    >>> list(occurrences(text, "TOK", lambda s, e: not text[e:e + 1].isalnum()))
    [(0, 3), (15, 18)]
    """
    n = len(word)
    i = text.find(word)
    while i >= 0:
        if ok is None or ok(i, i + n):
            yield i, i + n
            i = text.find(word, i + n)
        else:
            i = text.find(word, i + 1)


def _word_char(ch: str) -> bool:
    """What ``\\w`` matches (letters, digits of any script, the underscore)."""
    return ch.isalnum() or ch == "_"


_ABBREV = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Dr|Prof|St|No|Co|Corp|Inc|Ltd|Dep|Dept|Gov|Govt|Prefect|Pref|Jr|Sr|"
                     r"vs|etc|Intl|Assn|Sec|Rd|Ave|ext|approx|U\.S|U\.K|e\.g|i\.e|[A-Z])\.)$")
_MONTH_DOT = re.compile(r"\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.$")
_EN_END = re.compile(r"[.!?]+[\"'”’)]*(?=\s+[\"'“‘(]?[A-Z0-9])|\n\s*\n|\n(?=\s*[•*\-–]|\s*[A-Z][^\n]{0,80}\n)")
_CJK_END = re.compile(r"[。！？!?]+[」』”）)]*|\n+")


# the mark that starts a list item on its own line ("•", "・", "*", "-", "1.", "2)")
BULLET = r"(?:[\u2022\u00b7\u30fb\u25aa\u25cf\u25a0*\-–]|\d{1,2}[.)])"


def sentences(text: str, lang: str) -> list[tuple[int, int]]:
    """Sentence spans of ``text``: English splits after ``.!?`` before a capital (not after
    abbreviations such as "Mr." or "Gov."), Chinese and Japanese after ``。！？`` (a closing
    「」 quote stays with its sentence); blank lines always split.

    >>> t = "MOU was signed by Mr. Lu. Both parties agreed."
    >>> [t[s:e] for s, e in sentences(t, "en")]
    ['MOU was signed by Mr. Lu.', 'Both parties agreed.']
    >>> t = "It was signed on Feb. 26 by Mr. Lu. Both agreed."
    >>> [t[s:e] for s, e in sentences(t, "en")]
    ['It was signed on Feb. 26 by Mr. Lu.', 'Both agreed.']
    >>> t = "覚書を交わした。「連携を進める。」と述べた。"
    >>> [t[s:e] for s, e in sentences(t, "ja")]
    ['覚書を交わした。', '「連携を進める。」と述べた。']
    >>> t = "甲社（以下「甲」という。）と覚書を交わした。"
    >>> [t[s:e] for s, e in sentences(t, "ja")]
    ['甲社（以下「甲」という。）と覚書を交わした。']
    """
    spans: list[tuple[int, int]] = []
    start = 0
    rx = _EN_END if lang == "en" else _CJK_END
    depth = 0
    last = 0
    for m in rx.finditer(text):
        if lang != "en":
            seg = text[last:m.start()]
            # inside quotes or brackets: "（以下「鼎盛精密」といいます。）との間で" goes on
            depth += sum(map(seg.count, "「『（(")) - sum(map(seg.count, "」』）)"))
            last = m.start()
            if depth > 0 and "\n" not in m.group() and m.end() - start < 400:
                continue
            depth = 0
        elif m.group().startswith(".") and (_ABBREV.search(text[max(0, m.start() - 12):m.start() + 1]) or
                                            _MONTH_DOT.search(text, max(0, m.start() - 5), m.start() + 1)
                                            and text[m.end():m.end() + 3].lstrip()[:1].isdigit()):
            continue  # "Mr. Lu", "on Feb. 26 by"
        end = m.end()
        _add_span(text, start, end, spans)
        start = end
    _add_span(text, start, len(text), spans)
    return spans


def _add_span(text: str, start: int, end: int, spans: list) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))


@dataclass(frozen=True)
class Mention:
    """A span of the text naming an entity.

    ``entry`` is a gazetteer id when the name is known; ``source`` says how it was found
    ("gazetteer", "pattern", "acronym"...); ``alias_of`` is the span of another mention this
    one names the same thing as (an acronym's definition, a qualified name's core);
    ``parent`` is the span of an organization this one is a part of, when its name says so.
    """

    start: int
    end: int
    text: str
    type: str
    entry: str | None = None
    source: str = "pattern"
    alias_of: tuple[int, int] | None = None
    parent: tuple[int, int] | None = None

    @property
    def span(self) -> tuple[int, int]:
        return (self.start, self.end)


# ---------------------------------------------------------------- gazetteer matching

def _trie_regex(words) -> dict[str, re.Pattern]:
    """One compiled trie-shaped pattern per first character (Python's ``re`` tries the
    branches of an alternation one by one, so a per-character table keeps matching linear)."""
    trie = word_trie(words)

    def build(node: dict, last: str) -> str:
        alts = []
        for ch in sorted(k for k in node if k):
            token = r"\s+" if ch == " " else re.escape(ch)
            alts.append(token + build(node[ch], ch))
        if "" in node:
            alts.append(r"(?![a-z0-9$]|-(?!based\b|headquartered\b))" if last.isascii() and last.isalnum() else "")
        if len(alts) == 1:
            return alts[0] if not alts[0] or len(node) == 1 else f"(?:{alts[0]})"
        return "(?:" + "|".join(alts) + ")"

    return {ch: re.compile((r"(?<![a-z0-9-])" if ch.isascii() and ch.isalnum() else "") + re.escape(ch) + build(trie[ch], ch))
            for ch in trie if ch}


def _usable(surface: str, folded: str) -> bool:
    if len(folded) < 2 or len(folded) > MAX_NAME:
        return False
    if folded.isascii() and (len(folded) < 3 and not surface.isupper()):
        return False
    if folded.isascii() and surface.islower():
        return False  # lower-case aliases ("osaka") would fire on any word
    return True


@functools.lru_cache(maxsize=4)
def _gazetteer_matcher(gaz) -> tuple[dict[str, re.Pattern], re.Pattern, dict[str, tuple[str, str, bool]]]:
    table: dict[str, tuple[str, str, bool]] = {}
    for surface, entry in gaz.surface_forms():
        if entry.type == "Industry" or entry.type == "Person":
            continue
        key = re.sub(r"\s+", " ", fold(surface).strip())
        if not _usable(surface, key) or key in table:
            continue
        hits = gaz.lookup(surface)
        best = hits[0] if hits else entry
        # an acronym ("TOK") or a one-word name that is also a word ("Sharp", "Canon"): as written only
        exact = surface.isascii() and ((surface.isupper() and len(surface) <= 6) or (" " not in surface and surface[:1].isupper()))
        table[key] = (best.id, best.type, surface if exact else "")
    by_first = _trie_regex(table)
    # where a name can start: a word's first letter (ASCII), or any CJK or other character
    ascii_first = "".join(re.escape(c) for c in sorted(by_first) if c.isascii() and c.isalnum())
    other_first = "".join(re.escape(c) for c in sorted(by_first) if not (c.isascii() and c.isalnum()))
    alts = ([rf"(?<![a-z0-9-])[{ascii_first}]"] if ascii_first else []) + ([f"[{other_first}]"] if other_first else [])
    starts = re.compile("|".join(alts)) if alts else re.compile(r"(?!x)x")
    return by_first, starts, table


_KATA = re.compile(f"[{KANA}]")
_AFTER_SHORT = set("與与及和的在於于是為为將将已簽签、，。と・の）」 \n今昨去本近另則则亦也再曾正仍均皆即表指說说認认強强希預预計计透向對对自從从並并")


def _standalone(text: str, s: int, e: int, typ: str) -> bool:
    """Whether a gazetteer name stands alone: katakana names not inside a longer katakana
    word ("ローム" in "アバローム"), two-character CJK company names not glued to the next
    word ("日產" in "台日產業")."""
    if _KATA.match(text[s]) and s > 0 and _KATA.match(text[s - 1]):
        return False
    if _KATA.match(text[e - 1]) and e < len(text) and _KATA.match(text[e]):
        return False
    if e - s <= 2 and typ in ("Company", "Organization") and is_cjk(text[s]) and e < len(text):
        nxt = text[e]
        if is_cjk(nxt) and nxt not in _AFTER_SHORT:
            return False
    if typ in ("Agency", "Organization") and s > 0 and "\u4e00" <= text[s] <= "\u9fff" and "\u4e00" <= text[s - 1] <= "\u9fff" \
            and text[s - 1] not in _BEFORE_NAME and text[s - 1] not in _HEAD_END:
        return False  # "労働部" inside "県商工観光労働部": the tail of a longer name
    return True


_BEFORE_NAME = set("與与及和的在於于由向對对為为是將将已並并等、，暨同跟赴往到至從从之經经待")


def gazetteer_mentions(text: str, folded: str, gaz) -> list[Mention]:
    """Every gazetteer name in ``text``, leftmost-longest, without overlaps."""
    if gaz is None:
        return []
    by_first, starts, table = _gazetteer_matcher(gaz)
    out = []
    pos = 0
    n = len(folded)
    while pos < n:
        c = starts.search(folded, pos)
        if c is None:
            break
        m = by_first[c.group()].match(folded, c.start())
        if m is None:
            pos = c.start() + 1
            continue
        key = re.sub(r"\s+", " ", m.group())
        hit = table.get(key)
        written = text[m.start():m.end()]
        after_country = bool(out) and out[-1].end == m.start() and out[-1].type == "Country"  # "日本九州大學"
        if hit is None or (hit[2] and written != hit[2] and not (written.isupper() and len(written) > 1)) \
                or not (_standalone(text, m.start(), m.end(), hit[1]) or after_country):
            pos = c.start() + 1
            continue
        pos = m.end()
        out.append(Mention(m.start(), m.end(), text[m.start():m.end()], hit[1], hit[0], "gazetteer"))
    return out


# ---------------------------------------------------------------- English patterns

_CAPW = (r"(?:(?:Dep|Dept|Gov|Govt|Prefect|Pref|Co|Corp|Inc|Ltd|St|Intl|Assn|Univ|Natl|Mt)\.(?=[ \t,])"
         r"|[A-Z][\w&]*(?:-\w+)*(?:(?<=s)')?|[A-Z]\.)")  # ("Farmers' Association")


# "Bank of Kyoto on Monday": a day or a month after "on" ends a name ("Committee on Trade" does not)
_WHEN = (r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|January|February|March|April|May|June|July|August|"
         r"September|October|November|December")


@functools.lru_cache(maxsize=2)
def _en_rx(cues: Cues) -> dict[str, re.Pattern]:
    heads = alternation(cues.words("org_heads"))
    first = alternation(cues.words("org_heads_first"))
    legal = alternation(cues.words("legal_forms"))
    suffix_parts = []
    for kind, words in cues.mapping("place_suffixes").items():
        suffix_parts.append(f"(?P<{kind}>{alternation(words)})")
    conn = r"(?:(?:and|&|de|du)[ \t])?"
    word_list = rf"{_CAPW}(?:[ \t](?:and[ \t]|&[ \t]|of[ \t]|for[ \t]|on[ \t](?!{_WHEN}))?{_CAPW}){{0,6}}"
    return {
        # "Taipei Economic and Cultural Office in Osaka": an office or branch is named with its city;
        # "Hokkaido Bank in Sapporo", "Tongluo Science Park in Miaoli County" are not
        "org_final": re.compile(rf"(?<![\w-])(?:{_CAPW}[ \t]{conn}){{1,8}}(?:{heads})(?![\w-])"
                                rf"(?:(?:(?<=Office)|(?<=Branch)|(?<=Center)|(?<=Centre)|(?<=Bureau)|(?<=Division))"
                                rf"[ \t]in[ \t]{_CAPW}(?:[ \t]{_CAPW})?)?"),
        "org_first": re.compile(rf"(?<![\w-])(?:{first})[ \t](?:the[ \t])?{word_list}"
                                rf"(?:(?:,[ \t]*{_CAPW}(?:[ \t]{_CAPW}){{0,2}}){{1,4}},?[ \t](?:and|&)[ \t]{_CAPW}(?:[ \t]{_CAPW}){{0,2}})?"),
        # "Sanwa Coating & Film Co., Ltd.": an ampersand joins two words of a company's name
        "company": re.compile(rf"(?<![\w-])(?:{_CAPW}[ \t](?:&[ \t])?){{0,5}}{_CAPW},?[ \t](?:{legal})(?![\w-])(?:[ \t]*,?[ \t]*(?:Ltd\.|Inc\.|Limited))?"),
        "place": re.compile(rf"(?<![\w-])(?:{_CAPW}[ \t]){{0,2}}{_CAPW}[ \t](?:{'|'.join(suffix_parts)})(?![\w-])"
                            rf"(?:[ \t]Gov(?:ernment|\.|t\.?)?)?(?![\w-])"),
        "area": re.compile(r"(?<![\w-])([A-Z][a-z]+)[ \t](area|region)\b"),
        "government": re.compile(r"(?<![\w-])(?:(?:Japanese|Taiwanese|Chinese|Korean|American|Japan's|Taiwan's)[ \t]government)\b"),
        "acronym_def": re.compile(r"[ \t]*[(（][ \t]*([A-Z][A-Za-z&]{1,9})[ \t]*[)）]"),
        "acronym_comma": re.compile(r",[ \t]*([A-Z]{2,8}|[A-Z][A-Za-z]{1,3}[A-Z]{1,6}),"),
        "apposition_company": re.compile(
            r"(?<![\w-])([A-Z][\w&-]*(?:[ \t][A-Z][\w&-]*){0,3}),[ \t](?:a|an|the)[ \t](?:[\w-]+[ \t]){0,4}"
            r"(?:company|firm|maker|manufacturer|producer|conglomerate|carmaker|automaker|chipmaker|"
            r"foundry|supplier|retailer|startup|start-up|enterprise|corporation|developer|operator|distributor|"
            r"trading\s+house|vendor|provider)\b"),
        # "The venture, Formosa Kanto Specialty Gases, will be…": a joint venture's name after the word
        "venture_named": re.compile(r"\b(?:[Jj]oint[ \t])?(?:venture|company|subsidiary),[ \t]([A-Z][\w&-]*(?:[ \t][A-Z][\w&-]*){1,4}),"),
        "company_noun": re.compile(
            r"\b(?:company|firm|maker|manufacturer|producer|conglomerate|carmaker|automaker|chipmaker|"
            r"giant|group)[ \t]([A-Z][\w&-]*(?:[ \t][A-Z][\w&-]*){0,2})"),
        "heads_at": re.compile(rf"(?<![\w-])(?:{heads})(?![\w-])"),
        "first_nested": re.compile(rf"\s+of\s+the\s+(?=(?:{first})\s)"),
        "legal_at": re.compile(rf"(?:{legal})(?![\w-])"),
        "suffix_at": re.compile(rf"(?<![\w-])(?:{alternation([w for ws in cues.mapping('place_suffixes').values() for w in ws])})(?![\w-])"),
        "title_in": re.compile(rf"\s+(?:{alternation([w for w in cues.words('titles') if w[:1].isupper() and w not in cues.set('org_heads')])})\s+[A-Z]"),
        "caps_run": re.compile(rf"{_CAPW}(?:[ \t](?:of[ \t]|for[ \t]|and[ \t])?{_CAPW}){{0,8}}"),
    }


def near_matches(rx: re.Pattern, anchor: re.Pattern, text: str, after: int, before: int = 130):
    """The matches of ``rx`` that can only occur near a match of ``anchor`` (a name's head
    word, legal form or place suffix): ``rx`` runs on those windows only, so the costly
    multi-word patterns do not start at every capitalized word of the text."""
    lo = hi = -1
    windows = []
    for a in anchor.finditer(text):
        s, e = max(0, a.start() - before), min(len(text), a.end() + after)
        if s <= hi:
            hi = max(hi, e)
        else:
            if hi >= 0:
                windows.append((lo, hi))
            lo, hi = s, e
    if hi >= 0:
        windows.append((lo, hi))
    for s, e in windows:
        yield from rx.finditer(text, s, e)


def _clean_en(text: str, start: int, end: int, cues: Cues) -> tuple[int, int]:
    """Trim leading stop words, possessives and a trailing non-abbreviation period."""
    stops = cues.set("stop_caps", "titles", "title_modifiers")
    while True:
        # "Ltd. and The Iyo Bank": a legal form ends the name before; no name starts with one
        lead = re.match(r"(?:of|and|for|in|on|at|the|to|by|with|as|(?:Ltd|Inc|Co|Corp)\.,?)\s+", text[start:end])
        if lead:
            start += lead.end()
            continue
        seg = text[start:end]
        m = re.match(r"([A-Z][\w’']*)(?:['’]s)?\s+", seg)
        if not m:
            break
        word = m.group(1)
        possessive = re.match(r"[A-Z][\w]*['’]s\s", seg)
        if word in stops or possessive or word.lower() in ("the", "a", "an"):
            start += m.end()
            continue
        break
    if text[start:end].startswith(("the ", "The ")):
        start += 4
    based = re.match(r"[A-Z][\w]*(?:\s[A-Z][\w]*)?-(?:based|headquartered)\s+", text[start:end]) or \
        re.match(r"[A-Z][a-z]+-(?:owned|run|backed|controlled|funded|listed|affiliated)\s+", text[start:end])
    if based:
        start += based.end()  # "Uwajima-based Nanyo Suisan Co., Ltd.", "State-owned Land Bank of Taiwan"
    if end > start and text[end - 1] == "." and not _ABBREV.search(text[max(start, end - 8):end]):
        end -= 1
    return start, end


_PERSON_AND = re.compile(r"\b[A-Z][a-z]+\s[A-Z][a-z]+-[a-z]+\s+and\s+(?:the\s+)?")
_EN_TOWN_OF = re.compile(r"\b(?:in|at|near|from|of)\s+([A-Z][a-z]{3,}(?:\s+City)?),\s+")
# words before "and" inside one name: "Taipei Economic and Cultural Office", "Commerce and Industry"
_AND_IN_NAME = re.compile(r"(?:Economic|Cultural|Commerce|Trade|Science|Technology|Economy|Industry|Labor|Labour|"
                          r"Transportation|Tourism|Agriculture|Health|Welfare)$")


_LISTED_WORDS = re.compile(r"(?:^|(?<=\s))((?:[A-Z][a-z]+[ \t]+){0,2}(?:[A-Z][a-z]+,\s+)+)$")
_AND_OWNER = re.compile(r"\s+and\s+(?:[A-Z][a-z]+|[A-Z]{2,8})$")
# a body's own organ, never a party: "its Board of Directors resolved"
_ORGAN = re.compile(r"(?:the\s+)?Board\s+of\s+(?:Directors|Trustees|Auditors|Governors)|Board|General\s+Meeting(?:\s+of\s+Shareholders)?")


def _en_mentions(text: str, base: list[Mention], cues: Cues) -> list[Mention]:
    rx = _en_rx(cues)
    agency = cues.set("agency_heads")
    out: list[Mention] = []
    by_start = {m.start: m for m in base}
    base = sorted(base, key=lambda m: m.start)
    base_starts = [m.start for m in base]
    titles = cues.set("titles") - cues.set("org_heads")
    heads = cues.set("org_heads")

    def add(s: int, e: int, typ: str, **kw) -> None:
        first = s
        s, e = _clean_en(text, s, e, cues)
        if typ == "Company" and s - 4 >= first and text.startswith("The ", s - 4):
            s -= 4  # "The Shiga Bank, Ltd.": a registered name that starts with "The"
        listed = _LISTED_WORDS.search(text, max(0, s - 40), s)
        if listed and set(re.findall(r"[A-Z][a-z]+", listed.group(1))) & heads:
            listed = None  # "Industrial Policy Division, Economic and Labor Department": a body, then another
        if listed and (" and " in text[s:e] or " & " in text[s:e]) and typ in ORG_TYPES:
            s = listed.start(1)  # "the Commerce, Tourism and Labor Department", "Fukuoka Industry, Science & Technology Foundation"
        for b in base[bisect.bisect_left(base_starts, s + 1):bisect.bisect_left(base_starts, e)]:
            of = re.search(r"\s+of\s+(?:the\s+)?$", text[s:b.start])
            if of and b.end > e and b.type in ORG_TYPES:
                e = s + of.start()  # "the Science and Technology Division of the Taipei Economic and Cultural
                break  # Representative Office in Japan": the division ends where a known body's name starts
        plural_owner = _PLURAL_OWNER.search(text, s, e)
        if plural_owner and any(b.end == plural_owner.start() for b in base):
            s = plural_owner.end()  # "the Ministry of Economic Affairs' Water Resources Agency": the agency (but a
            # "Farmers' Association" is one name)
        owner = _AND_OWNER.search(text, s, e)
        if owner and owner.end() == e and (text.startswith(("'s", "’s"), e) or owner.group().split()[-1].isupper()):
            e = owner.start()  # "the Taichung Chamber of Commerce and Japan's Nagoya Chamber", "College of X and CIES": two bodies
        of_owner = _OF_OWNER_END.search(text, s, e)
        if of_owner and text.startswith(("'s", "’s"), e):
            e = of_owner.start()  # "the Department of Industrial Technology of Taiwan's Ministry of …": of the ministry
        if e - s >= 3 and e - s <= MAX_NAME and not text[s:e].lower() in ("the", "and") \
                and not _ORGAN.fullmatch(text, s, e):
            out.append(Mention(s, e, text[s:e], typ, **kw))

    for m in near_matches(rx["org_final"], rx["heads_at"], text, 45):
        body = m.group()
        tail = re.search(r"\s+in\s+\S.*$", body)
        core = body[:tail.start()] if tail else body
        end = m.start() + len(core)
        if tail:
            place = by_start.get(m.start() + tail.start() + tail.group().index("in") + 3)
            if place is not None and place.type in PLACE_TYPES and place.end <= m.end():
                end = place.end
        # "Tottori Prefecture and the Tottori ... Foundation": a known name, then another
        start = m.start()
        for b in base[bisect.bisect_left(base_starts, start):bisect.bisect_left(base_starts, end)]:
            if start <= b.start and b.end < end:
                joint = re.match(r"(?:,|\s+and)\s+(?:the\s+)?", text[b.end:end])
                if joint:
                    start = b.end + joint.end()
        # "Governor Okubo Masaharu and Utsunomiya Chamber of Commerce", "Lee Ming-che and Hiroshima
        # University": a name after "and" that starts with a place is a body of its own; "the City
        # Department of Economic Development and Utsunomiya City": the place ends the first body
        for b in base[bisect.bisect_left(base_starts, start):bisect.bisect_left(base_starts, end)]:
            conj = re.search(r"\s+and\s+(?:the\s+)?$", text[start:b.start]) if b.start > start else None
            if conj and b.type in PLACE_TYPES and not _AND_IN_NAME.search(text[start:start + conj.start()]):
                if b.end >= end:
                    end = start + conj.start()
                else:
                    start = b.start
                break
        person_and = _PERSON_AND.search(text, start, end)
        if person_and:  # "Lee Ming-che and Hiroshima University": a romanized name, then the body
            start = person_and.end()
        if any(w in titles for w in text[start:end].split()[:-1]):
            continue  # "HMC President Liao Chih-ming and Academy": people, not a body
        last = text[start:end].split()[-1]
        head_word = core.split()[-1]
        typ = "Agency" if head_word in agency or last in agency else \
            "Company" if last in cues.set("company_heads") else "Organization"
        s0, e0 = _clean_en(text, start, end, cues)
        if len(text[s0:e0].split()) >= 2:
            add(s0, e0, typ)
    first_rx = rx["first_nested"]
    for m in rx["org_first"].finditer(text):
        head = m.group().split()[0]
        nested = first_rx.search(m.group(), len(head))
        if nested:  # "Agency of the Ministry of Agriculture": the ministry is a body of its own
            inner = rx["org_first"].match(text, m.start() + nested.end())
            if inner:
                ihead = inner.group().split()[0]
                ityp = "Agency" if ihead.rstrip(".") in {h.rstrip(".") for h in agency} else "Organization"
                add(inner.start(), inner.end(), ityp)
            continue
        typ = "Agency" if head.rstrip(".") in {h.rstrip(".") for h in agency} or head in ("Dep.", "Dept.") else \
            "Company" if head in cues.set("company_heads") else "Organization"
        s, e = m.start(), m.end()
        cut = rx["title_in"].search(text, s + len(head), e)
        if cut:  # "University of Technology President Hiroshi Endo": the name ends before the title
            e = cut.start()
        for b in base[bisect.bisect_left(base_starts, s + len(head)):bisect.bisect_left(base_starts, e)]:
            conj = re.search(r"\s+and\s+(?:the\s+)?$", text[s:b.start])
            if conj and b.type in PLACE_TYPES and not _AND_IN_NAME.search(text[s:s + conj.start()]):
                e = s + conj.start()  # "Department of Economic Development and Utsunomiya City Mayor …"
                break
        # "Japan Chamber" + "Chamber of Commerce": one name
        for o in out:
            if o.end > s and o.start < s and o.text.endswith(head):
                s = o.start
        add(s, e, typ)
    for m in near_matches(rx["company"], rx["legal_at"], text, 16):
        add(m.start(), m.end(), "Company")
    for m in near_matches(rx["place"], rx["suffix_at"], text, 14):
        kind = next(k for k in ("Prefecture", "City", "Region") if m.groupdict().get(k))
        s, e = _clean_en(text, m.start(), m.end(), cues)
        core = by_start.get(s)
        if m.group().rstrip().endswith(("Government", "Gov.", "Govt", "Govt.")) and kind != "Prefecture":
            kind = "Agency" if core is None else kind
        if core is not None and core.type in PLACE_TYPES and core.end < e:
            out.append(Mention(s, e, text[s:e], core.type, core.entry, "pattern", alias_of=core.span))
        elif e - s > 3:
            out.append(Mention(s, e, text[s:e], kind))
    for m in _EN_TOWN_OF.finditer(text):  # "in Higashihiroshima, Hiroshima Prefecture": a city in it
        pref = by_start.get(m.end())
        if pref is not None and pref.type == "Prefecture" and m.start(1) not in by_start:
            out.append(Mention(m.start(1), m.end(1), m.group(1), "City"))
    for m in rx["area"].finditer(text):
        core = by_start.get(m.start())
        if core is not None and core.type == "Region" and core.end == m.start(1) + len(m.group(1)):
            out.append(Mention(m.start(), m.end(), m.group(), "Region", core.entry, "pattern", alias_of=core.span))
    for m in rx["government"].finditer(text):
        out.append(Mention(m.start(), m.end(), m.group(), "Agency"))
    for rxname in ("apposition_company", "company_noun", "venture_named"):
        for m in rx[rxname].finditer(text):
            s, e = _clean_en(text, m.start(1), m.end(1), cues)
            if e > s + 1 and text[s:e].split()[0] not in cues.set("stop_caps"):
                out.append(Mention(s, e, text[s:e], "Company", source="context"))
    return out


# "（TJPO）", "（工研院）", and a short name defined with a word: "（以下「台湾安川」）", "（以下簡稱工研院）",
# '(hereinafter "TJPO")'
_ACRONYM_DEF = re.compile(r"\s*[(（]\s*(?P<said>(?:以下|下稱|下称|簡稱|简称|略稱|略称|hereinafter(?:\s+referred\s+to\s+as)?)[、，,:：\s]*"
                          r"(?:簡稱|简称|稱|称|は)?\s*)?[「『\"“]?([A-Z]{2,8}[\u4e00-\u9fff]{1,3}(?=[」』\"”)）])|[A-ZＡ-Ｚ][A-Za-z&Ａ-Ｚａ-ｚ]{1,9}|(?<=[\"“])[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){1,3}(?=[\"”])|"
                          r"[\u4e00-\u9fff\u30a1-\u30fc]{2,6})[」』\"”]?"
                          r"\s*(?:という。?)?(?:[、，,][^)）\n]{1,24})?[)）]")  # ("（GWJ、新潟県聖籠町）": where it sits, after it)
# the short name last in a bracket of particulars: "（本店：台北市、董事長　劉　建國、以下「元泰銀行」）"
_ACRONYM_LATE = re.compile(r"\s*[(（][^（）()\n]{1,60}?[、，,；;]\s*(?P<said>(?:以下|下稱|下称|hereinafter(?:\s+referred\s+to\s+as)?)"
                           r"[、，,:：\s]*(?:簡稱|简称|稱|称|は)?\s*)[「『\"“]([A-ZＡ-Ｚ][A-Za-z&Ａ-Ｚａ-ｚ]{1,9}|[\u4e00-\u9fff\u30a1-\u30fc]{2,6})"
                           r"[」』\"”]\s*(?:という。?|といいます。?)?[)）]")
_NAME_IN_ENGLISH = re.compile(r"\s*[（(]\s*(?:英文名稱|英文名称|英文名|英語名|英文|English\s+name)\s*[:：]\s*([A-Za-z][^（）()\n]{2,80}?)\s*[）)]")
_DEFINED_SELF = re.compile(r"\s*[(（]\s*(?:hereinafter(?:\s+referred\s+to\s+as)?\s+)?(?:the\s+)?[\"“](?:the\s+)?"
                           r"(?P<word>Company|Bank|Corporation)[\"”]\s*[)）]")
# a kind of firm before its name: "…品廠", "…通路商", "…製造商" (not 商業, 商事, 商會: words of a name)
_FIRM_KIND = re.compile(r"[\u4e00-\u9fff]{1,4}(?:廠|商)(?![業事會会社店船工務號号銀行])(?=[\u4e00-\u9fff\u30a1-\u30fc]{2})")
_VERBS_BEFORE_A_PARK = frozenset({"推動", "打造", "進駐", "擴建", "開發", "規劃"})
_COUNTRY_OF = re.compile(r"(?:台湾|臺灣|台灣|日本)(?:の|的)")
_PLURAL_OWNER = re.compile(r"(?<=s)['’]\s+(?=[A-Z])")
_OF_OWNER_END = re.compile(r"\s+of\s+(?:the\s+)?[A-Z][\w-]*$")
_ACRONYM_BEFORE_NAME = re.compile(r"(?<![\w-])([A-Z]{2,8}),\s+the\s+$")
_ACRONYM_COMMA = re.compile(r",\s*(?:or\s+|known\s+as\s+|also\s+known\s+as\s+)?([A-Z]{2,8}|[A-Z][A-Za-z]{1,3}[A-Z]{1,6})[,.;]")


def _acronyms(text: str, mentions: list[Mention], cues: Cues | None) -> list[Mention]:
    """Acronyms defined in the text: "Full Name (ACR)", "Full Name, ACR," and "全名（ACR）"."""
    out: list[Mention] = []
    by_end = {}
    for m in mentions:
        if m.type in ORG_TYPES or m.type in PLACE_TYPES:
            prev = by_end.get(m.end)
            if prev is None or prev.end - prev.start < m.end - m.start:
                by_end[m.end] = m
    defined: dict[str, Mention] = {}
    for end, full in by_end.items():
        for rx in (_ACRONYM_DEF, _ACRONYM_LATE, _ACRONYM_COMMA):
            d = rx.match(text, end, end + (100 if rx is _ACRONYM_LATE else 40))
            if not d:
                continue
            group = 1 if rx is _ACRONYM_COMMA else 2
            acr = d.group(group)
            plain = unicodedata.normalize("NFKC", acr)
            latin = plain.isascii()  # "（TJPO）", "（ＪＥＩＴＡ）"
            quoted = text[d.start(group) - 1:d.start(group)] in "\"“" and acr in full.text.split()  # 'X Valve Corp. ("X")'
            if latin and sum(c.isupper() for c in plain) < 2 and not quoted or acr == full.text \
                    or _is_agreement(full.text, cues):
                continue
            said = rx is not _ACRONYM_COMMA and d.group("said")
            mixed = re.fullmatch(r"[A-Z]{2,8}(?P<tail>[\u4e00-\u9fff]{1,3})", acr)  # "（TAMA協会）": letters, then the head
            if not latin and not (_abbreviates(acr, full.text) or (said and in_order(acr, full.text))
                                  or (mixed and full.text.endswith(mixed.group("tail")))):
                continue  # "昇陽精密材料股份有限公司（昇陽精材）", "工業技術研究院（工研院）": a short name
            s = d.start(group)
            known = next((m for m in mentions if m.start == s and m.end == s + len(acr) and m.entry is not None), None)
            if known is not None and full.entry is None and known.type in ORG_TYPES and full.type in ORG_TYPES:
                # "日本電子情報技術產業協會（ＪＥＩＴＡ）": a name the gazetteer lacks, defined by an acronym it knows
                full = Mention(full.start, full.end, full.text, known.type, known.entry, "defined")
                out.append(full)
            out.append(Mention(s, s + len(acr), acr, full.type, full.entry, "acronym", alias_of=full.span))
            defined.setdefault(acr, full)
            break
    # "SOIC, the Ship and Ocean Industries R&D Center, is …": an acronym used before it is spelled out
    for end, full in by_end.items():
        before = _ACRONYM_BEFORE_NAME.search(text, max(0, full.start - 16), full.start)
        if before is None or full.type not in ORG_TYPES or before.group(1) in defined:
            continue
        acr = before.group(1)
        capitals = iter(c for c in full.text if c.isupper())
        if all(c in capitals for c in acr):  # its letters are the name's capitals, in order
            out.append(Mention(before.start(1), before.end(1), acr, full.type, full.entry, "acronym", alias_of=full.span))
            defined[acr] = full
    # bare "Name (ACR)" whose initials spell the acronym: a name without a head noun
    for d in re.finditer(r"((?:[A-Z][\w-]*\s+(?:(?:of|for|and|the)\s+)?){1,7}[A-Z][\w-]*)\s*[(（]([A-Z][A-Za-z]{1,8})[)）]", text):
        name, acr = d.group(1), d.group(2)
        words = name.split()
        while words and words[0] in ("The", "A", "An", "In", "On", "At", "By", "Under", "With", "For"):
            words = words[1:]
        if not words or acr in defined or _is_agreement(" ".join(words), cues):
            continue
        initials = "".join(w[0] for w in words if w[0].isupper())
        if initials.lower() != acr.lower().replace("o", "", 0) and initials.lower() != acr.lower():
            all_init = "".join(w[0] for w in words)
            if all_init.lower() != acr.lower():
                continue
        s = d.start(1) + len(name) - len(" ".join(words))
        e = d.start(1) + len(name)
        if any(m.start <= s < m.end or m.start < e <= m.end for m in mentions):
            continue
        full = Mention(s, e, text[s:e], "Organization", source="acronym-definition")
        out.append(full)
        a = d.start(2)
        out.append(Mention(a, a + len(acr), acr, full.type, None, "acronym", alias_of=full.span))
        defined[acr] = full
    # its name in another script: "聯嘉精密工業股份有限公司（英文名：Lianjia Precision Industry Co., Ltd.）"
    for end, full in by_end.items():
        d = _NAME_IN_ENGLISH.match(text, end, end + 100) if full.type in ORG_TYPES else None
        if d:
            out.append(Mention(d.start(1), d.end(1), d.group(1), full.type, full.entry, "acronym", alias_of=full.span))
    # a filing's defined term for its issuer: 'Kurashiki Fine Ceramics Co., Ltd. (the "Company")', then "the Company"
    for end, full in by_end.items():
        d = _DEFINED_SELF.match(text, end, end + 40) if full.type == "Company" else None
        if d:
            word = d.group("word")
            for w in re.finditer(rf"(?<=\bthe ){word}\b|(?<=\bThe ){word}\b", text):
                if w.start() != d.start("word"):
                    out.append(Mention(w.start(), w.end(), word, full.type, full.entry, "acronym", alias_of=full.span))
            break
    # later uses of every defined acronym
    for acr, full in defined.items():
        for ms, me in occurrences(text, acr, _acronym_at(text) if acr.isascii() else None):
            out.append(Mention(ms, me, acr, full.type, full.entry, "acronym", alias_of=full.span))
    return out


def _acronym_at(text: str):
    """An acronym stands alone: no ASCII letter, digit or hyphen on either side."""
    def ok(s: int, e: int) -> bool:
        return not (s > 0 and _ACRONYM_CHAR.match(text, s - 1)) and not _ACRONYM_CHAR.match(text, e)
    return ok


_ACRONYM_CHAR = re.compile(r"[A-Za-z0-9-]")


def _en_word_at(text: str):
    """A short name stands alone: no word character or hyphen before it, no word character
    after it, and a hyphen after it only in "-based" or "-headquartered"."""
    def ok(s: int, e: int) -> bool:
        if s > 0 and (_word_char(text[s - 1]) or text[s - 1] == "-"):
            return False
        if e < len(text) and (_word_char(text[e]) or text[e] == "-" and not text.startswith(("based", "headquartered"), e + 1)):
            return False
        return True
    return ok


def _abbreviates(short: str, full: str) -> bool:
    """Whether a Chinese or Japanese short name takes its characters, in order, from the full
    name, starting with its first ("台積電" of "台灣積體電路製造股份有限公司").

    >>> _abbreviates("工研院", "工業技術研究院"), _abbreviates("研究院", "工業技術研究院")
    (True, False)
    """
    return short[0] == full[0] and len(short) < len(full) and in_order(short, full)


def in_order(short: str, long: str, start: int = 0) -> bool:
    """Whether the characters of ``short`` appear in ``long`` in order, from ``start`` on.

    >>> in_order("經發局", "經濟發展局"), in_order("局發", "經濟發展局")
    (True, False)
    """
    for ch in short:
        start = long.find(ch, start)
        if start < 0:
            return False
        start += 1
    return True


def _is_agreement(name: str, cues: Cues | None) -> bool:
    """Whether a name is an agreement's ("Memorandum of Understanding"), not a body's."""
    if cues is None:
        return False
    return bool(cues.rx("mou_nouns_ci").search(name)) if cues.lang == "en" else False


# ---------------------------------------------------------------- CJK patterns

@functools.lru_cache(maxsize=2)
def _cjk_rx(cues: Cues) -> dict[str, re.Pattern]:
    return {
        "heads": re.compile(alternation(cues.words("org_heads") + cues.words("legal_forms"))),
        "delim": re.compile(f"(?:{alternation(cues.words('delimiters'))})$"),
        "titles": re.compile(alternation(cues.words("titles"))),
        "non_org": re.compile(f"(?:{alternation(cues.words('non_org_words'))})$"),
        "kind": re.compile(f"(?:{alternation(cues.words('kind_names'))})$"),
    }


_NOT_HEAD_AFTER = {
    "部": "分門署份隊落位品材", "會": "議談見員場計同展期後中上長", "組": "織成團合件", "課": "題程", "院": "校",
    "室": "內外", "處": "理於", "局": "面勢限部", "司": "機令会", "股": "份票東權权", "科": "技學大", "会": "議談見員場計同期長",
    "署": "名", "省": "略思", "庁": "舎", "班": "長", "係": "る", "中心": "的",
}


_TAIWAN = frozenset({"台灣", "台湾", "臺灣"})
# the forms of foundations, associations and agencies, before 法人: "公益財團法人", "独立行政法人"
_FOUNDATION_FORMS = "公益財團|公益財団|一般財團|一般財団|一般社團|一般社団|公益社團|公益社団|獨立行政|独立行政"
_FOUNDATION = re.compile(rf"(?:{_FOUNDATION_FORMS}|財團|財団|社團|社団)法人")
_JURIDICAL_FIRST = re.compile(rf"(?:{_FOUNDATION_FORMS})法人"
                              r"(?P<name>[\u4e00-\u9fff\u3005\u30a1-\u30fcA-Za-z0-9０-９]{2,14}?)"
                              r"(?=[｜|、，,。（(「」』\s]|$|は|が|と|の|に|で|も|與|与|及|和|的|於|在|將|将|簽)")
_GIVEN_NAME_HEADS = frozenset({"司"})  # heads that also end Japanese given names ("浩司", "健司")
# the form of a Japanese juridical person that starts its name: "國立大學法人", "一般社団法人", "株式會社"
_JURIDICAL = re.compile(rf"(?:國立大學|国立大学|公立大學|公立大学|學校|学校|{_FOUNDATION_FORMS})法人|株式會社|株式会社")
_TAIWAN_LEGAL_FORMS = frozenset({"股份有限公司", "有限公司"})


def _left_run(text: str, pos: int, rx_delim: re.Pattern, ends: dict[int, Mention], limit: int = 10,
              starts: frozenset = frozenset(), taiwan_firm: bool = False, college: bool = False) -> int:
    """Where a CJK name ending at ``pos`` starts: back over ideographs and katakana, and over
    whole mentions, up to a delimiter word, punctuation, kana particle or digit. A Taiwanese
    firm's registered name may start with Taiwan ("台灣安川電機股份有限公司", a subsidiary)."""
    start = pos
    run = 0
    while start > 0:
        m = ends.get(start)
        if m is not None and m.type == "Country" and not text.startswith("政府", start) and start in starts \
                and not (taiwan_firm and m.text in _TAIWAN):
            break
        if m is not None and (m.type in ORG_TYPES or m.type in PLACE_TYPES):
            start = m.start
            continue
        ch = text[start - 1]
        kana = _KANA_WORD.search(text, max(0, start - 8), start) if run and "\u3041" <= ch <= "\u3096" else None
        if kana is None and "\u3041" <= ch <= "\u3096":  # "株式会社しまなみ銀行": a name in hiragana after its legal form
            kana = _KANA_AFTER_FORM.search(text, max(0, start - 14), start)
        elif kana and _PARTICLE_CHARS & set(kana.group()) and not _KANA_AFTER_FORM.search(text, max(0, start - 14), start):
            kana = None
        if kana:  # "諏訪圏ものづくり推進機構", "やまなし産業支援機構": a word in hiragana inside the name
            start = kana.start()
            run += kana.end() - kana.start()
            continue
        if not is_cjk(ch) or run >= limit:
            break
        d = rx_delim.search(text[max(0, start - 4):start])
        if d and not (d.group() == "和" and start - 1 not in ends and text[start - 2:start - 1] not in _HEAD_END) \
                and not (college and d.group() == "及" and start - 1 not in ends and text[start - 2:start - 1] not in _HEAD_END) \
                and not (d.group() == "暨" and start - 1 not in ends and text[start - 2:start - 1] not in _HEAD_END
                         and is_cjk(text[start - 2:start - 1] or " ")) \
                and text[start - 1:start + 1] not in _NAME_WORDS \
                and not (d.group() == "本" and text[start - 2:start] != "日本"
                         and _jp_family_names().ending(text[max(0, start - 3):start])):
            break  # but "大和化成", "昭和電工", "農業暨自然資源學院": 和 / 暨 join two bodies only after a body's head,
            # and 及 in a college's name ("智慧半導體及永續製造學院"); "同業公会", "全国", "自動車", "自然": words of a name;
            # 本 ends a family name ("松本秀樹米子商工会議所会頭") as well as starting "本協定"
        start -= 1
        run += 1
    return start


# heads that make a body only right after the body it belongs to ("経済部投資促進司")
_AFTER_A_BODY_ONLY = {"ja": frozenset({"司"})}
_NAME_WORDS = frozenset({"同業", "全国", "全國", "自動", "自然"})  # a delimiter's character starting a word of a body's name
_HEAD_END = set("會会社司局處処部市縣県府院所廳庁課室團団國国")
# four or more hiragana without a particle's character (に, て, は, を, が, で, と, へ, や, か, ら, る, た, し)
_KANA_WORD = re.compile(r"(?<![\u3041-\u3096])[\u3041-\u3096]{4,8}$")
_KANA_AFTER_FORM = re.compile(r"(?<=株式会社|株式會社|有限会社|合同会社)[\u3041-\u3096ー]{2,8}$")
_PARTICLE_CHARS = set("にてはをがでとへやからるたし")


_TRADER = re.compile(r"(?:日商|台商|臺商)(?P<name>[\u4e00-\u9fff\u30a1-\u30fc]{2,8}?)(?=代表|董事長|社長|總經理|會長|執行長|"
                     r"在|於|將|與|及|和|、|，|。|的|已|宣布|表示|投資|設廠|來台|赴|今|昨|也|亦|並|共同|合作)")
# "生技大廠大江生醫，", "刀具大廠貝印投資臺中": a firm named after what it is a big maker of
_MAKER = re.compile(r"(?:大廠|龍頭大廠|(?<=[品料械材計板體])廠)(?P<name>[\u4e00-\u9fff\u30a1-\u30fc]{2,6}?)"
                    r"(?=投資|在|於|將|宣布|表示|與|和|及|已|也|今|昨|的|赴|來台|設|[，、。（(])")
# "設立台灣子公司台灣三井金屬以來": a subsidiary named after the word
_SUBSIDIARY_NAMED = re.compile(r"(?:子公司|孫公司|子会社|現地法人)(?P<name>[\u4e00-\u9fff\u30a1-\u30fcA-Za-z]{2,10}?)"
                               r"(?=以來|以来|[，,。、（(]|於|在|的|是|為|は|が|を|と|の)")
_TRADER_NOT_NAME = re.compile(r"加碼|擴大|持續|增資|紛紛|積極|大舉|看好|競相|陸續|相繼|首度|再度|今年|去年|"
                              r"來台|來臺|赴台|赴臺|在台|在臺|赴日|在日|對台|對臺|之")  # "日商來台投資金額": Japanese firms; "…廠之一"
# a name that ends in 業 after a product ("家具業", "半導體業"): an industry; a firm's name ends in
# 工業, 産業, 興業, 企業, 事業 and the like ("三菱重工業", "飛驒產業")
_AN_INDUSTRY = re.compile(r"[^工産產興林鉱礦企實実事商]業$")
_CJK_LEGAL_FIRST = re.compile(r"(?:株式会社|株式會社|有限会社|合同会社)\s?(?P<name>[\u4e00-\u9fff\u3005\u30a1-\u30fcA-Za-z]{2,12})")


@functools.lru_cache(maxsize=1)
def _cjk_surnames() -> frozenset:
    """Chinese family names (both scripts' lists): the first character of a name before a title."""
    return load_cues("zh-Hant").set("surnames") | load_cues("ja").set("surnames")


@functools.lru_cache(maxsize=1)
def _cjk_family_names() -> frozenset:
    """Family names, Chinese (one character) and Japanese, as written before a space."""
    return _cjk_surnames() | _jp_family_names().names


def _ends_with_head(s: str, heads: re.Pattern) -> bool:
    """Whether ``s`` ends with an organization's head word ("農資學院")."""
    return any(m.end() == len(s) for m in heads.finditer(s, max(0, len(s) - 4)))


def _is_name(s: str) -> bool:
    """Whether ``s`` reads as a person's name: a Chinese family name and one or two more
    characters, or a known Japanese family name and up to three more."""
    return (2 <= len(s) <= 3 and s[0] in _cjk_surnames()) or \
        any(1 <= len(s) - len(f) <= 3 for f in _jp_family_names().starting(s))


_SPACED_FAMILY = re.compile(r"(?<![\u4e00-\u9fff々])(?P<fam>[\u4e00-\u9fff々]{1,3})[ \u3000]$")


@functools.lru_cache(maxsize=1)
def _jp_surnames() -> tuple[str, ...]:
    return tuple(load_cues("ja").words("japanese_surnames"))


class FamilyNames:
    """A set of family names looked up by the start or end of a text, longest first (a set
    lookup per length instead of a scan of a thousand names).

    >>> names = FamilyNames(["佐藤", "佐々木", "木"])
    >>> names.starting("佐々木健"), names.ending("鈴木"), "佐藤" in names
    (['佐々木'], ['木'], True)
    """

    def __init__(self, names) -> None:
        self.names = frozenset(names)
        self.lengths = sorted({len(n) for n in self.names}, reverse=True)

    def __contains__(self, name: str) -> bool:
        return name in self.names

    def starting(self, text: str) -> list[str]:
        return [text[:k] for k in self.lengths if k <= len(text) and text[:k] in self.names]

    def ending(self, text: str) -> list[str]:
        return [text[-k:] for k in self.lengths if k <= len(text) and text[-k:] in self.names]


@functools.lru_cache(maxsize=1)
def _jp_family_names() -> FamilyNames:
    return FamilyNames(_jp_surnames())


def _name_before_body(text: str, seg: str, head: str) -> int:
    """How many characters of ``seg`` are a Japanese name, when what follows it (with the head)
    is a body the text names elsewhere: "河野雅之" + "商工労働部" in "河野雅之商工労働部長" when
    "山口県商工労働部" heads the release; 0 when there is no such name."""
    for family in _jp_family_names().starting(seg):
        for given in (2, 1, 3):
            rest = seg[len(family) + given:] + head
            if len(rest) >= 3 and text.count(rest) >= 2:
                return len(family) + given
    return 0


def _name_then_body(text: str, seg: str, head: str, shared: bool, city_stems: set) -> int:
    """How many characters of ``seg`` are a Japanese name before a body and its title: "河野雅之商工労働部長"
    (the title holds the head), "松本秀樹米子商工会議所会頭" (the title after it), when the text names the
    body on its own or the body starts with a city the text names (米子市); 0 when none."""
    cut = _name_before_body(text, seg, head)
    if cut and (shared or named_apart(text, seg[cut:] + head, seg[cut - 1])):
        return cut
    return next((i for stem in city_stems if (i := seg.find(stem)) >= 3 and _jp_family_names().starting(seg)), 0)


def named_apart(text: str, body: str, before: str, unless_next: str = "") -> bool:
    """Whether ``body`` is written somewhere after another character than ``before`` (and not
    followed by ``unless_next``): named on its own, not only inside a longer name.

    >>> named_apart("米子商工会議所は…松本秀樹米子商工会議所会頭", "米子商工会議所", "樹")
    True
    >>> named_apart("宮城電機推進協議會…宮城電機推進協議會秘書長", "推進協議會", "機")
    False
    """
    return any(text[m.start() - 1:m.start()] != before and not (unless_next and text.startswith(unless_next, m.end()))
               for m in re.finditer(re.escape(body), text))


def _cjk_mentions(text: str, base: list[Mention], cues: Cues) -> list[Mention]:
    rx = _cjk_rx(cues)
    agency = cues.set("agency_heads")
    legal = cues.set("legal_forms")
    pref_chars = set("".join(cues.mapping("place_suffixes").get("Prefecture", [])))
    covered = [False] * (len(text) + 1)
    for m in base:
        for i in range(m.start, m.end):
            covered[i] = True
    ends: dict[int, Mention] = {}
    for m in base:
        if m.end not in ends or ends[m.end].end - ends[m.end].start < m.end - m.start:
            ends[m.end] = m
    city_stems = {m.text[:-1] for m in base if m.type == "City" and m.text.endswith("市") and len(m.text) >= 3}
    titles_at = rx["titles"].match
    title_cover: dict[int, int] = {}
    for t in rx["titles"].finditer(text):
        for i in range(t.start(), t.end()):
            title_cover[i] = t.start()
    out: list[Mention] = []
    starts = frozenset(m.start for m in base if m.type in PLACE_TYPES or m.type in ORG_TYPES)
    glued = {}  # a known body glued to the words before it: "産業" + "労働部"
    for m in base:
        if m.type in ORG_TYPES and m.start > 0 and "\u4e00" <= text[m.start - 1] <= "\u9fff" \
                and text[m.start - 1] not in _BEFORE_NAME \
                and (m.start not in ends) and not rx["delim"].search(text[max(0, m.start - 4):m.start]):
            glued[m.end] = m
    for h in rx["heads"].finditer(text):
        hs, he = h.start(), h.end()
        head = h.group()
        if he in glued and covered[hs]:
            g = glued[he]
            for i in range(g.start, g.end):
                covered[i] = False
            hs = g.start + (hs - g.start)
        if covered[hs] or rx["non_org"].search(text[max(0, he - 6):he]):
            continue
        shared = hs in title_cover
        if shared and title_cover[hs] != hs:
            continue  # "副局長": the head belongs to the title
        nxt = text[he:he + 1]
        if nxt and nxt in _NOT_HEAD_AFTER.get(head, ""):
            continue
        if nxt == "長" and text[hs - 1:hs] == head:
            continue  # "局長" after "工業局": the title's own head
        start = _left_run(text, hs, rx["delim"], ends, starts=starts, taiwan_firm=head in _TAIWAN_LEGAL_FORMS,
                          college=head in ("學院", "学院"))  # "智慧半導體及永續製造學院": one college
        form = next((f for f in _JURIDICAL.finditer(text, max(0, start - 12), hs) if f.start() < start
                     and f.group().endswith("法人") and all(is_cjk(c) for c in text[f.end():start])), None)
        if form is not None:
            start = form.start()  # "一般社団法人首都圏産業活性化協会": a long name, its juridical form first
        if head in _PARK_HEADS and text[start:start + 2] in _VERBS_BEFORE_A_PARK and hs - start >= 4:
            start += 2  # "推動彰濱工業區轉型": promote, then the park
        if head in legal and (kind := _FIRM_KIND.search(text, start, hs - 2)) is not None:
            start = kind.end()  # "日本特用化學品廠瀨戶內化學工業株式會社", "化學品通路商昱晟化學股份有限公司": what it is, then its name
        lead = start
        if (country := _COUNTRY_OF.match(text, start, hs)) is not None:
            start = country.end()  # "台湾の経済部投資促進司": of Taiwan, the ministry's department
        if start == hs or (shared and hs - start < 2):
            continue
        if (kind := rx["kind"].search(text, max(0, he - 6), he)) and kind.start() <= start:
            continue  # "台湾の商業銀行": a kind of body, no name before it
        if re.search(r"[0-9０-９一二三四五六七八九十百千]+\s*[個家所名]$", text[max(0, start - 8):start]) \
                or re.search(r"[0-9０-９]\s*$", text[max(0, start - 3):start]) and text[start:start + 1] in "個家所名":
            continue  # "12個地方商工會": a kind of body, not one
        # "藤本陽司県商工観光労働部": a person's name before a bare 県 / 市 starts no org
        seg = text[start:hs]
        if shared and 2 <= len(seg) <= 5 and (seg[0] in _cjk_surnames() or seg.endswith("副")
                                              or _jp_family_names().starting(seg)):
            continue  # "張家銘局長", "呉志明副院長": a name, then a title whose first character is a head
        own_body = None
        if text[start - 1:start + 1] in ("本會", "本会", "本社", "本校", "本院") and hs - start >= 3:
            start += 1  # "本會國際事務處": this body's department, named after 本會
            own_body = min((m for m in base + out if m.type == "Organization"), key=lambda m: m.start, default=None)
            # (the first body named: the one whose news it is)
        if shared and (lead := titles_at(text, start)) and lead.end() < hs:
            continue  # "取締役管理本部長": a post whose words name a division, not a body named by itself
        if (shared or titles_at(text, he)) and len(seg) >= 5 and (cut := _name_then_body(text, seg, head, shared, city_stems)):
            start += cut  # "河野雅之商工労働部長": a name, then a post named after a body the text names again
            seg = text[start:hs]
        elif shared and len(seg) >= 3 and text[start - 1:start] in "\u3000 " and start >= 2 \
                and _jp_family_names().ending(text[max(0, start - 4):start - 1]):
            # "前田　由美国際経済課長", "佐々木　隆工学部長": family name, space, given name, then the post
            cut = next((g for g in (2, 1, 3) if len(seg) - g >= 2 and text.count(seg[g:] + head) >= 2), 2)
            start += cut
            seg = text[start:hs]
        if shared and len(seg) <= 3 and any(_jp_family_names().starting(text[start - k:hs]) for k in (1, 2) if start >= k):
            continue  # "山本裕子本部長": 本 of the family name bounds words too
        if shared and len(seg) <= 3 and (fam := _SPACED_FAMILY.search(text, max(0, start - 5), start)) \
                and fam.group("fam") in _cjk_family_names():
            continue  # "陳 俊宏局長": the given name, after the family name and a space
        if text[start:he] in _jp_family_names():
            continue  # "阿部守一知事", "服部": a family name that ends like a body
        body_end = max((m.end for m in base + out if m.start == start and m.end < hs and m.type in ORG_TYPES), default=None)
        given_head = not shared and head in _GIVEN_NAME_HEADS and titles_at(text, he)
        if body_end is not None and (shared or given_head) and _is_name(text[body_end:hs] + ("" if shared else head)):
            continue  # "鳥取大學原田浩司校長": a body, a person's name, a title
        if given_head and _jp_family_names().starting(seg) and _is_name(seg + head):
            continue  # "與原田浩司校長": a Japanese given name ending like a body (司), then a title
        if shared and any(_is_name(seg[-k:]) and _ends_with_head(seg[:-k], rx["heads"]) for k in (3, 2) if len(seg) > k + 1):
            continue  # "農資學院林俊良院長": a body the patterns do not name alone, a name, a title
        post = rx["titles"].search(text, start, hs)
        if post and post.group()[-1] in "長事" and hs - post.end() >= 2 and not title_cover.get(hs):
            continue  # "ＪＥＩＴＡ會長小川浩司": a title and a name (浩司) ending like a body
        if start not in {m.start for m in base} and not _JURIDICAL.match(text, start):
            # (but "公益財團法人京都高度技術研究所": after a juridical form comes the name, 京都 and all)
            for i in range(2, len(seg)):
                if seg[i] in pref_chars or seg[i] == "市":
                    if (start + i) not in ends:
                        start = start + i
                        break
        prefix = None
        for m in base + out:
            if m.start in (start, lead) and m.end <= hs and (prefix is None or m.end > prefix.end):
                prefix = m  # (a known name may hold the country: "台湾の経済部")
        if head in _AFTER_A_BODY_ONLY.get(cues.lang, ()) and (prefix is None or prefix.type not in ORG_TYPES):
            continue  # "大塚健司": in Japanese 司 ends given names; a department only after its ministry
        if prefix is not None and prefix.end == hs and head not in legal:
            # place + head only: its government or a body of it ("三重縣政府"); org + head: a new body
            pass
        if prefix is not None and prefix.start == start and prefix.type in ("Prefecture", "City") \
                and head in _PARK_HEADS and hs - prefix.end >= 2 and prefix.text[-1] in _PLACE_SUFFIX_CHARS:
            start, prefix = prefix.end, None  # "桃園市觀音工業區": the park, in the city before it
        typ = "Company" if head in legal or head in cues.set("company_heads") else \
            ("Agency" if head in agency and not _FOUNDATION.search(text, start, min(hs, start + 9)) else "Organization")
        # ("公益財團法人大阪產業局": a foundation, whatever its head, and no government's part)
        parent = None
        if prefix is not None and prefix.end < hs and prefix.type in ORG_TYPES \
                and not (prefix.type == "Company" and head[-1] in "會会"):
            parent = prefix.span  # (but a firm's name starts no association's: "日本航空" and "日本航空宇宙工業會")
        elif prefix is not None and prefix.end < hs and prefix.type in ("Prefecture", "City") and typ == "Agency":
            parent = prefix.span
        elif own_body is not None:
            parent = own_body.span
        if text[start:start + 2] in ("日本", "台灣", "臺灣", "台湾") and (_JURIDICAL.match(text, start + 2)
                                                                  or text[start + 2:start + 3] in "・･"):
            start += 3 if text[start + 2] in "・･" else 2
            # "日本國立大學法人鳥取大學", "台湾・鼎盛精密股份有限公司": the country before the name is no part of it
        m = Mention(start, he, text[start:he], typ, parent=parent)
        out.append(m)
        for i in range(start, he):
            covered[i] = True
        ends[he] = m
    # companies with the legal form first: "株式会社北斗精工"
    for lf in _CJK_LEGAL_FIRST.finditer(text):
        if covered[lf.start()] or covered[lf.end() - 1]:
            continue
        name = lf.group("name")
        if rx["non_org"].search(name):
            continue
        m = Mention(lf.start(), lf.end(), lf.group(), "Company")
        out.append(m)
        for i in range(lf.start(), lf.end()):
            covered[i] = True
    # bodies with their juridical form first and no head word: "公益財團法人京都產業21"
    for jf in _JURIDICAL_FIRST.finditer(text):
        if covered[jf.start()] or covered[jf.end() - 1] or rx["non_org"].search(jf.group("name")):
            continue
        out.append(Mention(jf.start(), jf.end(), jf.group(), "Organization"))
        for i in range(jf.start(), jf.end()):
            covered[i] = True
    # "日商大森精機", "台商晶旭": a firm named after 日商 / 台商 (a Japanese / Taiwanese company)
    for sm in _SUBSIDIARY_NAMED.finditer(text):  # (its name may hold its country's and its parent's: "台灣三井金屬")
        if not rx["non_org"].search(sm.group("name")) and not _TRADER_NOT_NAME.match(sm.group("name")) \
                and not rx["titles"].fullmatch(sm.group("name")):  # "兼任子公司代表取締役": a post there
            out.append(Mention(sm.start("name"), sm.end("name"), sm.group("name"), "Company"))
    for tm in list(_TRADER.finditer(text)) + list(_MAKER.finditer(text)):
        s0, e0 = tm.start("name"), tm.end("name")
        if _TRADER_NOT_NAME.match(tm.group("name")):
            continue  # "日商加碼投資臺灣": Japanese firms, then what they do
        if _AN_INDUSTRY.search(tm.group("name")):
            continue  # "日商家具業投資案": Japanese firms of an industry, not one firm
        if covered[s0] or covered[e0 - 1] or rx["non_org"].search(tm.group("name")):
            continue
        out.append(Mention(s0, e0, tm.group("name"), "Company"))
        for i in range(s0, e0):
            covered[i] = True
    # a known body qualified by its country or government: "台湾政府" + "経済部"
    qualified = []
    for m in base:
        if m.type not in ORG_TYPES:
            continue
        before = ends.get(m.start)
        if before is not None and before.text.endswith("政府") and before.start < m.start:
            qualified.append(Mention(before.start, m.end, text[before.start:m.end], m.type, m.entry, "pattern",
                                     alias_of=m.span))
        elif before is not None and before.type == "Agency" and m.type == "Agency" and m.entry and before.entry \
                and before.start < m.start:
            # "経済部" + "投資業務処": one name of the part, which names its whole
            qualified.append(Mention(before.start, m.end, text[before.start:m.end], m.type, m.entry, "pattern",
                                     alias_of=m.span, parent=before.span))
    return out + qualified


def _select(mentions: list[Mention]) -> list[Mention]:
    """Keep the longest of overlapping mentions (gazetteer first on equal length); acronym
    mentions inside a longer one are dropped too."""
    rank = {"gazetteer": 0, "defined": 0, "acronym": 1}
    ordered = sorted(mentions, key=lambda m: (-(m.end - m.start), rank.get(m.source, 2), m.start))
    taken = bytearray(max((m.end for m in mentions), default=0) + 1)
    keep = []
    for m in ordered:
        if any(taken[m.start:m.end]):
            continue
        keep.append(m)
        taken[m.start:m.end] = b"\x01" * (m.end - m.start)
    return sorted(keep, key=lambda m: m.start)


def find_mentions(text: str, lang: str, gaz, *, folded: str | None = None, body_start: int = 0) -> list[Mention]:
    """Every entity mention of ``text`` except people and industries, without overlaps,
    in text order. ``gaz`` is a :class:`graph.gazetteer.Gazetteer` (or None). English name
    patterns are not applied before ``body_start`` (a title in title case)."""
    folded = folded if folded is not None else fold(text)
    cues = load_cues(lang)
    base = gazetteer_mentions(text, folded, gaz)
    if lang == "en":
        found = [m for m in _en_mentions(text, base, cues) if m.start >= body_start] + _ministries(text, gaz)
        found = [x for m in found for x in _unit_of(_link(m, gaz), gaz)]
        owned = {m.span: m.parent for m in found if m.parent is not None}  # kept whichever pattern's mention is selected
        both = _select(base + found)
        both = _select(both + [Mention(m.start, arm.end(), text[m.start:arm.end()], "Company") for m in both
                               if m.type == "Company" and (arm := _EN_JAPAN_ARM.match(text, m.end))])
        both = _renamed(text, _select(both + _acronyms(text, both, cues)))
        both = _select(both + _short_forms(text, both, lang, cues, gaz))
        offices = _local_offices(text, both)
        owned.update((m.span, m.parent) for m in offices)
        both = _select(both + offices)
        return [replace(m, parent=owned[m.span]) if m.parent is None and m.span in owned else m for m in both]
    titles = cues.rx("titles")
    # "日高知事": 知 starts the title, so 高知 (Kochi) is not named there
    base = [_directed_city(text, m) for m in base
            if not (m.type in PLACE_TYPES and m.text[-1] not in _PLACE_SUFFIX_CHARS
                    and (t := titles.match(text, m.end - 1)) and t.end() > m.end)]
    # "日台中小企業": 中 starts 中小企業 (small and medium firms), so 台中 is not named there
    base = [m for m in base if not (m.type in PLACE_TYPES and m.text.endswith("中") and text.startswith("小企業", m.end))]
    base, places = _cjk_places(text, base, cues)
    found = _cjk_mentions(text, base + places, cues)
    found = [_link(m, gaz) for m in found + places + _latin_firms(text) + _japan_arms(text, base, gaz)]
    both = _select(base + found)
    both = _select(both + _acronyms(text, both, cues))
    both = _select(both + _same_body(text, both))
    return _select(both + _short_forms(text, both, lang, cues, gaz))


# a firm named in Latin letters inside Chinese or Japanese text, with its legal form:
# "子公司GlobalWafers Japan Co., Ltd.與", "Covalent Materials株式會社"
_LATIN_WORD = r"[A-Z][A-Za-z0-9&.'-]*"
_LATIN_FIRM = re.compile(
    rf"(?<![A-Za-z0-9&.-]){_LATIN_WORD}(?:[ \t]+(?:&[ \t]+)?{_LATIN_WORD}){{0,5}}"
    r"(?:,?[ \t]+(?:Co\.,?[ \t]*Ltd\.?|Company[ \t]+Limited|Corporation|Corp\.|Inc\.|Ltd\.|Limited|K\.K\.|GmbH|LLC)"
    r"|[ \t]?(?:株式會社|株式会社|股份有限公司|有限公司))")


_RENAMED = re.compile(r"\b(?:was|were|has\s+been|had\s+been|is\s+now)\s+(?:renamed|rebranded)\s+(?:as\s+|to\s+)?")


def _renamed(text: str, mentions: list[Mention]) -> list[Mention]:
    """'It bought X. The company was renamed Y, or NTCJ': Y is X's new name; X and what abbreviates it name Y."""
    by_start = {m.start: m for m in mentions}
    renamed: dict[tuple[int, int], tuple[int, int]] = {}
    for r in _RENAMED.finditer(text):
        new = by_start.get(r.end())
        old = next((m for m in reversed(mentions) if m.end <= r.start() and m.type == "Company" and m.alias_of is None
                    and r.start() - m.end < 300), None)
        if new is not None and old is not None and new.type == "Company" and new.text != old.text:
            renamed[old.span] = new.span  # the new name names the firm; the old one is another name of it
    if not renamed:
        return mentions
    return [replace(m, alias_of=renamed[m.alias_of or m.span]) if (m.alias_of or m.span) in renamed else m
            for m in mentions]


# "Nuvoton Technology Corporation Japan, or NTCJ": a firm's Japanese arm named after it
_EN_JAPAN_ARM = re.compile(r"\s+Japan(?:,?\s+(?:K\.K\.|Co\.,\s*Ltd\.|Inc\.|Ltd\.))?(?=[,.;:)]|\s+(?:or|and|is|was|has|signed|will)\b)")
_JAPAN_ARM = re.compile(r"[・･]?ジャパン(?:株式会社)?")


def _japan_arms(text: str, base: list[Mention], gaz=None) -> list[Mention]:
    """A firm's Japanese arm named after it: "グローバルウェーハズ・ジャパン" is not the parent; nor
    is its arm in a region, the region's name written right after it ("キオクシア岩手", "東京エレクトロン宮城")."""
    out = []
    regions = _region_stems(gaz)
    for m in base:
        if m.type not in ORG_TYPES:
            continue
        arm = _JAPAN_ARM.match(text, m.end) if m.type == "Company" else None
        if arm is not None and not _KATA.match(text[arm.end():arm.end() + 1] or " "):
            out.append(Mention(m.start, arm.end(), text[m.start:arm.end()], "Company"))
            continue
        stem = next((r for r in regions if text.startswith(r, m.end)), None)
        end = m.end + len(stem) if stem else 0
        if stem and _KATA.match(text[m.end - 1]) and not ("\u4e00" <= text[end:end + 1] <= "\u9fff"):
            if m.type == "Company":
                out.append(Mention(m.start, end, text[m.start:end], "Company"))
            else:  # "ジェトロ奈良": the body's office there
                out.append(Mention(m.start, end, text[m.start:end], "Organization", parent=m.span))
    return out


@functools.lru_cache(maxsize=4)
def _region_stems(gaz) -> tuple[str, ...]:
    """Japanese prefectures' names without 県 / 府 / 都 ("岩手", "大阪", "北海道") and the big regions."""
    stems = {"九州", "東北", "関西", "北陸", "中部"}
    for e in gaz.of_type("Prefecture") if gaz is not None else ():
        for n in e.names():
            if len(n) >= 3 and n[-1] in "県縣府都" and not n.isascii():
                stems.add(n[:-1])
            elif n == "北海道":
                stems.add(n)
    return tuple(sorted(stems, key=len, reverse=True))


def _latin_firms(text: str) -> list[Mention]:
    return [Mention(m.start(), m.end(), m.group(), "Company") for m in _LATIN_FIRM.finditer(text)]


# "同会の陳美玲理事長", "該會": the body of that kind named last before
_SAME_BODY = re.compile(r"(?:同|該)(?P<head>協会|協會|公会|公會|機構|大学|大學|センター|会|會)(?![\u4e00-\u9fff])")
# a body named by its kind alone before its head's title: "與公社理事長比嘉健二簽署" (the 公社 named before)
_KIND_BEFORE_TITLE = re.compile(r"(?<=[與与及和、，,])(?P<head>公社|公會|公会|協會|協会|商會|財團|財団)(?=理事長|會長|会長|董事長|總經理|社長)")


def _same_body(text: str, mentions: list[Mention]) -> list[Mention]:
    out = []
    for m in [*_SAME_BODY.finditer(text), *_KIND_BEFORE_TITLE.finditer(text)]:
        head = m.group("head")
        prev = [x for x in mentions if x.end <= m.start() and x.type in ORG_TYPES and x.text.endswith(head)]
        if prev:
            full = prev[-1]
            out.append(Mention(m.start(), m.end(), m.group(), full.type, full.entry, "anaphor", alias_of=full.span))
    return out


_PLACE_SUFFIX_CHARS = set("縣県市府都道町村區区鄉鎮州")


def _directed_city(text: str, m: Mention) -> Mention:
    """"東広島市", "東大阪市": a known city's name after 東 / 西 / 南 / 北 names another city.

    >>> _directed_city("広島県東広島市に", Mention(4, 7, "広島市", "City", "jp-34-hiroshima")).text
    '東広島市'
    """
    if m.type != "City" or m.start == 0 or text[m.start - 1] not in "東西南北" or not m.text.endswith(("市", "町")):
        return m
    if m.start >= 2 and text[m.start - 2] in "中極近遠以":  # "中東", "以東": a direction, not a name
        return m
    return Mention(m.start - 1, m.end, text[m.start - 1:m.end], "City", None, m.source)


_MINISTER_OF = re.compile(r"(?<![\w-])Minister\s+of\s+(?:the\s+)?(?P<rest>[A-Z][\w-]*(?:\s+(?:[A-Z][\w-]*|and|&)){0,7})")


def _ministries(text: str, gaz) -> list[Mention]:
    """The ministry a minister's title names: "Vice Minister of Transportation and
    Communications Chen Yen-po" names the Ministry of Transportation and Communications, when
    the gazetteer knows it; the mention spans the words written ("Transportation and
    Communications"). The longest known name wins, so the person's name after it stays out.

    >>> from graph.gazetteer import Gazetteer
    >>> [(m.text, m.entry) for m in _ministries("Minister of Economic Affairs Kung Ming-hsin said", Gazetteer.load())]
    [('Economic Affairs', 'moea')]
    """
    if gaz is None or "Minister" not in text:
        return []
    out = []
    for m in _MINISTER_OF.finditer(text):
        words = list(re.finditer(r"\S+", m.group("rest")))
        for k in range(len(words), 0, -1):
            if words[k - 1].group() in ("and", "&"):
                continue
            s, e = m.start("rest"), m.start("rest") + words[k - 1].end()
            hits = [h for h in gaz.lookup("Ministry of " + text[s:e]) if h.type == "Agency"]
            if hits:
                out.append(Mention(s, e, text[s:e], "Agency", hits[0].id, "pattern"))
                break
    return out


# ---------------------------------------------------------------- short forms and CJK places

_EN_PLACE_WORD = re.compile(r"\s+(?:City|County|Prefecture|Township|Town|Village)$")
_CJK_LEGAL_LEAD = re.compile(r"^(?:株式会社|株式會社|有限会社|合同会社)")


def _short_forms(text: str, mentions: list[Mention], lang: str, cues: Cues, gaz) -> list[Mention]:
    """Later mentions of a name written in full once: "Fujieda" for "Fujieda City" (also in
    "Fujieda-based"), "Koshin Seiki" and "Mito Optical" for "Koshin Seiki Co., Ltd." and "Mito
    Optical Devices Inc.", "大和化成" for "大和化成株式會社", "晶旭" for "台灣晶旭科技股份有限公司",
    "北斗精工" for "株式会社北斗精工". Only names the gazetteer does not give another meaning."""
    legal = sorted(cues.words("legal_forms"), key=len, reverse=True)
    generic = cues.set("company_generic")
    forms: dict[str, Mention] = {}
    heads_seen: dict[str, set] = {}
    by_span = {m.span: m for m in mentions}
    for m in mentions:
        if m.source == "acronym" or m.alias_of is not None:
            continue
        cands: list[str] = []
        if lang == "en" or m.text.isascii():
            if m.type in ("City", "Prefecture") and m.entry is None:
                core = _EN_PLACE_WORD.sub("", m.text)
                if core != m.text and len(core) >= 4:
                    cands.append(core)
            elif m.type == "Company":
                core = m.text
                for lf in legal:
                    if core.endswith(lf) and len(core) > len(lf) + 2:
                        core = core[: -len(lf)].rstrip(" ,")
                        break
                if core.startswith("The ") and len(core.split()) >= 3:
                    core = core[4:]  # "The Hachijuni Bank, Ltd.": "Hachijuni Bank"
                words = core.split()
                if core != m.text and len(words) >= 2:
                    cands.append(core)
                if len(words) >= 3:
                    cands.append(" ".join(words[:2]))
                if len(words) >= 2 and core != m.text and len(words[0]) >= 4 and words[0][1:].islower() \
                        and words[0] not in generic:
                    cands.append(words[0])  # "Seikai Heavy Industries Co., Ltd." … "Seikai president Yoshida"
                if len(words) == 2 and words[1] in generic and len(words[0]) >= 4:
                    cands.append(words[0])
        elif m.type == "Company":
            if m.entry is None and len(m.text) >= 3 and not any(
                    x.type == "Company" and x.text != m.text and x.text.startswith(m.text) for x in mentions):
                cands.append(m.text)  # "馬達大廠昱晟電機 … 昱晟電機董事長": a firm a cue named, written again
            core = _CJK_LEGAL_LEAD.sub("", m.text)
            for lf in legal:
                if core.endswith(lf) and len(core) > len(lf) + 1:
                    core = core[: -len(lf)]
                    break
            core = re.sub(r"^(?:台灣|臺灣|台湾|日本|日商|台商)", "", core)
            if core != m.text and len(core) >= 2:
                cands.append(core)
                for g in sorted(generic, key=len, reverse=True):
                    if core.endswith(g) and len(core) - len(g) >= 2:
                        cands.append(core[: -len(g)])
                        break
        if lang != "en" and m.type == "Organization" and m.text.endswith(("大學", "大学")):
            cands += _university_short_forms(m.text)  # "屏科大" for "國立屏東科技大學", "興大" for "中興大學"
        if (lang == "en" or m.text.isascii()) and m.type in ("Organization", "Agency") and m.entry is None \
                and len(m.text.split()) >= 3 and m.text.split()[-1] in cues.set("org_heads"):
            heads_seen.setdefault(m.text.split()[-1], set()).add(m.span)
        for c in cands:
            if c in forms or c.split()[0] in cues.set("stop_caps"):
                continue
            if gaz is not None and any(h.type != m.type for h in gaz.lookup(c)):
                continue
            # "荏原" is "荏原製作所" (whose name it starts), not "台灣荏原精密" (whose name it was cut from)
            starts = [x for x in mentions if x.type == "Company" and x.text != m.text and x.text.startswith(c)
                      and not x.text.isascii() and x.alias_of is None]
            forms[c] = starts[0] if starts and not m.text.startswith(c) else m
    for head, spans in heads_seen.items():  # "the Academy", "Academy Rector X": the one academy named in full
        names = {by_span[sp].text for sp in spans}
        if len(names) == 1 and head not in forms:
            forms[head] = by_span[min(spans)]
    out: list[Mention] = []
    for c, full in forms.items():
        for fs, fe in occurrences(text, c, _en_word_at(text) if c.isascii() else None):
            if full.start <= fs < full.end:
                continue
            if text.startswith(full.text, fs):  # the whole name written again: "Hua Nan Commercial Bank Chairman"
                fe, c_at = fs + len(full.text), full.text
            else:
                c_at = c
            out.append(Mention(fs, fe, c_at, full.type, full.entry, "short", alias_of=full.span))
    if lang == "en":  # "the Nagoya chamber", "the Taichung bureau": the one body named in full with that word and head
        for ref in _THE_WORD_HEAD.finditer(text):
            word, head = ref.group("word"), ref.group("head")
            full = [m for m in mentions if m.type in ORG_TYPES and m.alias_of is None and m.text.split()[0] == word
                    and head in m.text.lower().split()]
            if len({m.text for m in full}) == 1:
                s, e = ref.start("word"), ref.end("head")
                out.append(Mention(s, e, text[s:e], full[0].type, full[0].entry, "short", alias_of=full[0].span))
    return out


def _university_short_forms(name: str) -> list[str]:
    """How Chinese writes a university's name short: the first character of each two-character
    word and 大 ("國立屏東科技大學": 屏科大), or either character of a one-word name ("中興大學": 中大, 興大).

    >>> _university_short_forms("國立屏東科技大學"), _university_short_forms("中興大學")
    (['屏科大'], ['中大', '興大'])
    """
    core = re.sub(r"^(?:國立|国立|市立|私立|縣立|県立)", "", name)[:-2]
    if len(core) < 2 or len(core) % 2 or len(core) > 6:
        return []
    if len(core) == 2:
        return [core[0] + "大", core[1] + "大"]
    return ["".join(core[k] for k in range(0, len(core), 2)) + "大"]


_THE_WORD_HEAD = re.compile(r"\bthe\s+(?P<word>[A-Z][\w-]+)\s+(?P<head>chamber|association|bureau|university|institute|"
                            r"council|federation|office|agency|park|bank|center|centre|foundation|society|academy)\b")


_CJK_PLACE_SUFFIX = re.compile("[市町村區区鎮鄉郷]")
_PLACE_NOT = frozenset(("都市", "城市", "門市", "上市", "超市", "股市", "夜市", "縣市", "県市", "各市", "本市", "該市", "全市",
                        "同市", "両市", "兩市", "当市", "同町", "各町", "本町", "市町", "町村", "農村", "漁村", "山村",
                        "郷村", "鄉村", "市區", "市区", "地區", "地区", "社區", "園區", "園区", "特區", "學區", "校區", "城鎮",
                        "小鎮", "重鎮", "家鄉", "故鄉", "同鄉", "城區", "山區", "災區", "景區"))
_PLACE_LEFT = set("、，,及與与和と・の「（(や在於赴往到至從从訪访由與与")
# "桃園市觀音工業區" is a park in the city; "屏東農業生物科技園区" names its county without the suffix
_PLACE_SUFFIX_CHARS = frozenset("市縣県郡區区町鄉郷鎮村")
_PARK_HEADS = frozenset(("工業區", "工業区", "園區", "園区", "工業園區", "科學園區", "科学園区", "団地", "工業団地"))
_PARK_END = ("工業區", "工業区", "園區", "園区", "特區", "団地", "學區", "校區")


def _cjk_places(text: str, base: list[Mention], cues: Cues) -> tuple[list[Mention], list[Mention]]:
    """Cities, towns and townships the gazetteer does not know: a name and 市/町/村/區/鎮/鄉
    right after a prefecture or county ("長野縣諏訪市", "福井県鯖江市") or after a delimiter
    ("、鳴門市及び", "及唐津市"). A short gazetteer city glued to the end of a longer name
    ("津市" in "唐津市") gives way to it."""
    ends = {m.end: m for m in base}
    covered = bytearray(len(text) + 1)
    for m in base:
        covered[m.start:m.end] = b"\x01" * (m.end - m.start)
    drop = set()
    out: list[Mention] = []
    for m in base:  # "唐津市": not 津市
        if m.type != "City" or m.end - m.start > 2 or m.start == 0 or m.start in ends:
            continue
        j = m.start
        while j > 0 and m.start - j < 2 and is_cjk(text[j - 1]) and text[j - 1] not in _PLACE_LEFT and not covered[j - 1]:
            j -= 1
        if j < m.start and (j == 0 or text[j - 1] in _PLACE_LEFT or not is_cjk(text[j - 1]) or j in ends):
            drop.add(m.span)
            out.append(Mention(j, m.end, text[j:m.end], "City"))
            covered[j:m.start] = b"\x01" * (m.start - j)
    for s in _CJK_PLACE_SUFFIX.finditer(text):
        e = s.end()
        if covered[s.start()] or text[e:e + 1] in ("場", "民", "内", "內", "役", "議", "立", "營", "営", "況", "值", "値",
                                                  "府", "政"):  # "率領市府團隊", "市政新聞"
            continue
        if text[s.start() - 1:s.start()] == "副":
            continue  # 副市長
        start = None
        for k in range(1, 5):
            i = s.start() - k
            if i < 0 or not (is_cjk(text[i]) or text[i] == "々") or covered[i] or _KATA.match(text[i]):
                break
            prev = ends.get(i)
            if prev is not None and prev.type in ("Prefecture", "City") and prev.type != "Country":
                start = i
                break
            if k >= 2 and (i == 0 or text[i - 1] in _PLACE_LEFT or not is_cjk(text[i - 1])):
                start = i
                break
        if start is None:
            continue
        word = text[start:e]
        if word[0] == "日" and text[start - 1:start].isdigit():
            continue  # "26日…市": a date's 日 starts no name
        after_place = ends.get(start) is not None  # "岐阜縣各務原市": a name after its prefecture
        if after_place and (t := cues.rx("titles").match(text, start - 1)) and t.end() > start:
            continue  # "合志市長西村正志": the title 市長, then a family name ending in 村
        if word in _PLACE_NOT or "・" in word or (word[0] in "本該该同各全兩両當当此每毎" and not after_place) or word.endswith(_PARK_END) \
                or (word.endswith("都市") and not word.endswith("京都市")) \
                or cues.rx("titles").search(word):  # "副知事村上": a title, then a name; "友好都市", "中心都市": a kind of city
            continue
        if text[e:e + 1] == "長" and (cues.lang == "ja" or text[start - 1:start] == "の" or word[:-1] in _jp_family_names()
                                     or _jp_family_names().starting(word[:-1])
                                     or (len(word) in (3, 4) and word[0] in _cjk_surnames())):
            continue  # "森下隆市長", "盧秀燕市長", "河村隆之市長": a name and a title; "田中市長則說": a family name
        out.append(Mention(start, e, word, "City"))
        covered[start:e] = b"\x01" * (e - start)
    for word in {m.text for m in out if len(m.text) >= 3}:  # "隱岐之島町議會": the town named again
        for fs, fe in occurrences(text, word):
            if not any(covered[fs:fe]):
                out.append(Mention(fs, fe, word, "City"))
                covered[fs:fe] = b"\x01" * (fe - fs)
    return [m for m in base if m.span not in drop], out


def _local_offices(text: str, mentions: list[Mention]) -> list[Mention]:
    """"JETRO Fukushima", "TECO Osaka": a body's acronym, then the place of its office there
    (a place named by itself, without "City" or "Prefecture"): the office, part of the body."""
    out = []
    for a, b in zip(mentions, mentions[1:]):
        if a.type in ("Agency", "Organization") and a.text.isupper() and 2 <= len(a.text) <= 6 and text[a.end:b.start] == " " \
                and b.type in ("Prefecture", "City") and " " not in b.text and not re.match(r"[\w'’-]", text[b.end:b.end + 1]):
            out.append(Mention(a.start, b.end, text[a.start:b.end], "Organization", source="pattern", parent=a.span))
    return out


_UNIT_OF = re.compile(r"(?P<unit>(?:[A-Z][\w&'-]*,?[ \t]+(?:and[ \t]+|&[ \t]+)?){1,6}(?:Division|Department|Section|Office|Bureau))"
                      r"[ \t]+of[ \t]+(?:the[ \t]+)?(?P<owner>[A-Z][^\n]*)$")


def _unit_of(m: Mention, gaz) -> list[Mention]:
    """"Industrial Policy Division of Miyagi Prefecture": the division, named by itself, part of
    the prefecture the name ends with (when that is a known place or body); else the mention."""
    u = _UNIT_OF.match(m.text) if m.type in ("Agency", "Organization") and m.entry is None and gaz is not None else None
    hits = gaz.lookup(u.group("owner")) if u else None
    if not hits:
        return [m]
    owner = Mention(m.start + u.start("owner"), m.end, u.group("owner"), hits[0].type, hits[0].id, m.source)
    return [Mention(m.start, m.start + u.end("unit"), u.group("unit"), "Agency", source=m.source, parent=owner.span), owner]


def _link(m: Mention, gaz) -> Mention:
    """A pattern mention whose text is a gazetteer name gets that entry."""
    if gaz is None or m.entry is not None:
        return m
    hits = gaz.lookup(m.text)
    if hits:
        return replace(m, entry=hits[0].id, type=hits[0].type)
    return m
