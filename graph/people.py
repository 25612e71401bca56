"""People and the posts they hold, found by post titles and apposition.

English: "Lu Cheng-chin, Deputy Director of X and CEO of Y", "Aomori Prefecture Governor
Mimura Shingo", "Vice Minister Yang of the MOEA", "Su Jia-chyuan (蘇嘉全)", "Mr.Chang".
Chinese and Japanese: "工業局局長呂正華", "TJPO執行長呂正欽", "理事長ROKUTAN SHOICHI",
"和歌山県の仁坂吉伸知事", "藤本陽司県商工観光労働部長", "張啓裕TJPO執行長", a surname with a
title ("呂局長", "仁坂知事") as a short mention, and posts joined to a name by 兼任, 的, を務める.
Titles, modifiers, surnames and delimiters come from ``data/patterns/<lang>.yaml``.

Examples
--------
>>> from graph.recognize import find_mentions
>>> t = "工業局局長呂正華指出"
>>> [(p.name, [(x.role, x.org.text if x.org else None) for x in p.posts]) for p in find_people(t, "zh-Hant", find_mentions(t, "zh-Hant", None))]
[('呂正華', [('局長', '工業局')])]
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from .cues import Cues, alternation, load_cues
from .normalize import fold_cjk
from .recognize import ORG_TYPES, PLACE_TYPES, FamilyNames, Mention, named_apart, near_matches

__all__ = ["Post", "Person", "find_people"]


@dataclass(frozen=True)
class Post:
    """A post as written: the title (with a modifier such as "Acting"), and the organization
    mention it is held at (None when the text names none)."""

    role: str
    org: Mention | None
    start: int
    end: int


@dataclass(frozen=True)
class Person:
    """A person's name in the text with the posts stated next to it.

    ``short`` marks a surname written with a title ("呂局長", "Governor Mimura"): a short
    mention of a person named in full elsewhere. ``alias`` is another written form seen
    beside the name ("蘇嘉全" in "Su Jia-chyuan (蘇嘉全)").
    """

    start: int
    end: int
    name: str
    posts: tuple[Post, ...] = ()
    short: bool = False
    alias: str | None = None
    prefix_start: int | None = None  # where the title / organization before the name starts
    suffix_end: int | None = None  # where the posts written after the name end

    @property
    def span(self) -> tuple[int, int]:
        return (self.start, self.end)


_NAME_TOKEN = r"[A-Z][a-z]+(?:-[A-Za-z][a-z]+)?"
_CAPS_NAME = r"[A-Z]{2,}(?:\s+[A-Z]{2,}){1,2}(?![A-Za-z])"


_COMMON_LOWER = frozenset({"head", "chief", "chair", "officer", "partner", "leader", "principal", "speaker", "manager",
                           "founder", "head", "advisor", "adviser", "professor", "counselor", "counsellor", "minister"})


@functools.lru_cache(maxsize=4)
def _en_rx(cues: Cues) -> dict:
    # titles as written in running text too ("Tseng, director-general of ...", "TAMI chairman
    # Chuang"), except lower-case words too common to mark a post
    low = [w.lower() for w in cues.words("titles") if w[:1].isupper() and w.lower() not in _COMMON_LOWER]
    titles = alternation(cues.words("titles") + low)
    mods = alternation(cues.words("title_modifiers") + ["vice", "deputy"])
    title_group = rf"(?:(?:{mods})\s+)?(?:{titles})(?:\s+(?:and|&)\s+(?:{titles}))*"
    # "KIMURA Tetsuya": a Japanese family name in capitals, then the given name
    name = rf"(?:[A-Z]{{3,}}\s+{_NAME_TOKEN}(?![\w-])|(?:[A-Z]{{2}}\s+)?{_NAME_TOKEN}(?:\s+{_NAME_TOKEN}){{0,2}})"
    hon = alternation(cues.words("honorifics"))
    return {
        "title_name": re.compile(rf"(?<![\w-])(?P<title>{title_group})\s+(?:(?:{hon})\.?\s*)?(?P<name>{name}|{_CAPS_NAME})(?![\w-])"),
        "appos": re.compile(rf"(?<![\w.-])(?:(?P<hon>{hon})\s*)?(?P<name>{name})(?:\s*[(（](?P<cjk>[\u4e00-\u9fff]{{2,4}})[)）])?,\s+(?:the\s+|an?\s+|(?P<owner>[A-Z][\w&.-]*)['’]s\s+)?(?=(?:{title_group})\b)"),
        "title": re.compile(rf"(?P<title>{title_group})(?![\w-])"),
        # "Lin Cheng-hao (Chairman, Hengyu Precision Components)", "Okubo Satoshi (Mayor of Yurihonjo City)"
        "bracket_post": re.compile(rf"(?<![\w.-])(?P<name>[A-Z]{{3,}} {_NAME_TOKEN}|{_NAME_TOKEN}(?: {_NAME_TOKEN}){{1,2}})"
                                   rf"\s*\((?=(?:{title_group})(?:,\s*|\s+of\s+)[A-Z])"),  # (one space between a name's words)
        "mod_end": re.compile(rf"(?:{mods})\s+$"),
        "title_of": re.compile(rf"(?<![\w-])(?P<title>{title_group})\s+of\s+(?:the\s+)?(?=[A-Z])"),
        "name": name,
        "its_title": re.compile(rf"\b(?:its|their|his|her|the\s+(?P<kind>[a-z]+)['’]s)\s+(?P<title>{title_group}),\s+(?P<name>{name})(?![\w-])"),
        "title_at": re.compile(rf"(?<![\w-])(?:{titles})(?![\w-])"),
        "cjk_alias": re.compile(rf"(?<![\w-])(?P<name>{name})\s*[(（](?P<cjk>[\u4e00-\u9fff]{{2,4}})[)）]"),
        "speaker": re.compile(rf"(?<![\w-])(?P<name>{_NAME_TOKEN}(?:\s+{_NAME_TOKEN}){{1,2}})\s+(?:said|says|noted|added|stated|told|explained|remarked|stressed|emphasized|pointed out|welcomed|praised|expressed)\b"),
        # "signed by Kenji Morimoto and by Prof. Liu ...", "witnessed by Tseng Wen-hsiung": a name after the agent's by
        "by_name": re.compile(rf"(?:\b(?:signed|witnessed|inked|countersigned)\s+by|,?\s+and\s+by)\s+(?:(?:{hon})\.?\s*)?"
                              rf"(?P<name>{_NAME_TOKEN}(?:\s+{_NAME_TOKEN}){{1,2}})(?![\w-])"),
        # a byline: "(By Chen Wen-li and Evelyn Kao)", "By Staff Writer Lin Mei-ling" at a line's start
        "byline": re.compile(rf"(?:^|[(（])[ \t]*By[ \t]+(?P<names>{_NAME_TOKEN}(?:\s+{_NAME_TOKEN}){{1,2}}"
                             rf"(?:(?:,\s*|\s+and\s+){_NAME_TOKEN}(?:\s+{_NAME_TOKEN}){{1,2}}){{0,3}})[ \t]*(?:[)）]|$)", re.M),
        # a form's line "President & CEO: Masahiro Sakai", "Representative: Kenji Morimoto, Chairman"
        "label_name": re.compile(rf"(?:^|(?<=[;(（]))[ \t]*(?P<title>{title_group})[ \t]*[:：][ \t]*(?P<name>{name})(?![\w-])", re.M),
        "honorific": re.compile(rf"(?<![\w-])(?:Mr|Ms|Mrs|Dr|Prof)\.?\s?(?P<name>{_NAME_TOKEN}(?:\s+{_NAME_TOKEN})?)(?![\w-])"),
        "link": re.compile(r"\s+(?:of|at|for|in|with)\s+(?:the\s+)?|,\s+(?:the\s+)?"),
        "more": re.compile(r"(?:,\s+|\s+and\s+|,\s+and\s+)(?:the\s+)?"),
    }


def _place_word_name(name: str, start: int, by_span: dict, mask, types=PLACE_TYPES) -> bool:
    """Whether the only mentions inside a name of two or three words are place names (or names
    of ``types``) that are each one of its words ("Yamaguchi Takeshi", "Kenta Ishikawa": a
    family name that is also a prefecture's)."""
    words = list(re.finditer(r"\S+", name))
    if len(words) < 2:
        return False
    places = 0
    for w in words:
        a, b = start + w.start(), start + w.end()
        m = by_span.get((a, b))
        if m is not None and m.type in types:
            places += 1
        elif _covered(a, b, mask):
            return False
    return 0 < places < len(words)


def _bad_name(name: str, cues: Cues) -> bool:
    stops = cues.set("stop_caps", "titles", "org_heads")
    stops |= {"Prefecture", "City", "County", "Government", "Japan", "Taiwan"}
    if len(name.split()) == 1:  # "Director General": the title's second word is no name
        stops |= {w for t in cues.words("titles") for w in t.split() if w[:1].isupper()}
    return any(tok in stops for tok in name.split())


def _covered(start: int, end: int, mentions) -> bool:
    """Whether a mention overlaps ``start:end``; ``mentions`` is a :class:`_Mask` (or a list)."""
    if isinstance(mentions, _Mask):
        return mentions.hit(start, end)
    return any(m.start < end and start < m.end for m in mentions)


class _Mask:
    """Which characters mentions cover, for constant-time overlap tests."""

    def __init__(self, text: str, mentions: list[Mention]) -> None:
        self.bits = bytearray(len(text) + 1)
        for m in mentions:
            self.bits[m.start:m.end] = b"\x01" * (m.end - m.start)

    def hit(self, start: int, end: int) -> bool:
        return any(self.bits[start:end])


def _org_at(pos: int, mentions_by_start: dict[int, Mention]) -> Mention | None:
    m = mentions_by_start.get(pos)
    if m is not None and (m.type in ORG_TYPES or m.type in PLACE_TYPES):
        return m
    return None


_PORTFOLIO = re.compile(r"(?:[A-Z][\w-]*|and|&)(?:[ \t]+(?:[A-Z][\w-]*|and|&)){0,5}(?P<at>[ \t]+(?:at|of)[ \t]+(?:the[ \t]+)?)")


def _en_posts(text: str, pos: int, rx: dict, by_start: dict[int, Mention], mentions: list[Mention]) -> tuple[list[Post], int]:
    """Posts written from ``pos`` on: "Deputy Director of X and CEO of Y"."""
    posts: list[Post] = []
    while True:
        t = rx["title"].match(text, pos)
        if not t:
            break
        role = t.group("title")
        end = t.end()
        org = None
        link = rx["link"].match(text, end)
        if link and _org_at(link.end(), by_start) is None and (area := _PORTFOLIO.match(text, link.end())) \
                and _org_at(area.end(), by_start) is not None:
            # "Vice President for Research and Development at Taiwan Tech": the portfolio, then the body
            role, link = text[t.start():area.start("at")].strip(), area
        if link:
            org = _org_at(link.end(), by_start)
            based = re.match(r"-(?:based|headquartered)\s+", text[org.end:org.end + 16]) if org is not None else None
            if based and (firm := _org_at(org.end + based.end(), by_start)) is not None:
                org = firm  # "an analyst at Taipei-based Grand Fortune Securities": the firm, not its city
            # "Osaka Prefect. Gov., Dep. of Commerce, Industry and Labor": the last of a chain
            while org is not None:
                nxt = re.match(r",\s*|['’]s\s+", text[org.end:org.end + 3])  # ("the City Government's Economic
                after = _org_at(org.end + nxt.end(), by_start) if nxt else None  # Development Bureau": the bureau)
                if after is None or after.type not in ORG_TYPES:
                    break
                org = after
            if org is not None:
                end = org.end
        posts.append(Post(role, org, t.start(), end))
        more = rx["more"].match(text, end)
        if not more or not rx["title"].match(text, more.end()):
            return posts, end
        pos = more.end()
    return posts, pos


def _find_en(text: str, mentions: list[Mention], cues: Cues) -> list[Person]:
    rx = _en_rx(cues)
    mask = _Mask(text, mentions)
    by_start = {m.start: m for m in mentions}
    by_end = {m.end: m for m in mentions}
    people: dict[tuple[int, int], Person] = {}

    def put(p: Person) -> None:
        old = people.get(p.span)
        if old is None:
            people[p.span] = p
        else:
            people[p.span] = Person(p.start, p.end, p.name, old.posts + p.posts, old.short and p.short,
                                    old.alias or p.alias, old.prefix_start or p.prefix_start,
                                    max(old.suffix_end or 0, p.suffix_end or 0) or None)

    by_span = {(x.start, x.end): x for x in mentions}
    for m in near_matches(rx["appos"], rx["title_at"], text, 12, 140):
        name = m.group("name")
        ns = m.start("name")
        if _bad_name(name, cues) or (_covered(ns, m.end("name"), mask) and not _place_word_name(name, ns, by_span, mask)):
            continue  # but "Yamaguchi Takeshi, Kenta Ishikawa, Executive Director of ...": a name part that is also a place
        if len(name.split()) < 2 and not m.group("hon"):
            continue
        posts, end = _en_posts(text, m.end(), rx, by_start, mentions)
        owner = _org_at(m.start("owner"), by_start) if m.group("owner") else None
        if owner is not None:  # "Chou Yu-ting, SOIC's president": the post is at the body named before it
            posts = [Post(p.role, p.org if p.org is not None and p.org.type in ORG_TYPES else owner, p.start, p.end)
                     for p in posts]  # ("Nuvoton's senior vice president for Japan operations": at Nuvoton)
        put(Person(m.start("name"), m.end("name"), name, tuple(posts), alias=m.group("cjk"), suffix_end=end))
    for m in rx["bracket_post"].finditer(text):
        name, ns = m.group("name"), m.start("name")
        if len(name.split()) < 2 or _bad_name(name, cues) or _covered(ns, m.end("name"), mask):
            continue
        posts, end = _en_posts(text, m.end(), rx, by_start, mentions)
        put(Person(ns, m.end("name"), name, tuple(posts), suffix_end=end))
    for m in near_matches(rx["title_name"], rx["title_at"], text, 60, 30):
        name = m.group("name")
        ns, ne = m.start("name"), m.end("name")
        if _bad_name(name, cues) or (_covered(ns, ne, mask) and
                                     not _place_word_name(name, ns, by_span, mask, PLACE_TYPES | {"Company"})):
            # "Director Yang Industrial Development Bureau": keep the name tokens before a mention;
            # but "Governor Kubota Shinji": a family name that is also a company's
            continue
        role = m.group("title")
        org = None
        prefix = m.start()
        before = by_end.get(m.start() - 1) or by_end.get(m.start() - 3)
        gap = text[before.end:m.start()] if before is not None else ""
        inside = next((x for x in mentions if x.start < m.start() < x.end < m.end("title")), None)
        if inside is not None and (inside.type in ORG_TYPES or inside.type in PLACE_TYPES):
            # "Changhua County Magistrate": the place's last word starts the title
            before, gap = inside, " "
            role = text[inside.end:m.end("title")].strip()
        if role[:1].islower() and not (before is not None and gap == " " and before.type in ORG_TYPES):
            continue  # "TAMI chairman Chuang" is a post; "the chairman Lai" alone is not
        if before is not None and gap in (" ", "'s ", "’s ") and (before.type in ORG_TYPES or before.type in PLACE_TYPES):
            org = before
            prefix = before.start
            mod = rx["mod_end"].search(text, max(0, prefix - 12), prefix)
            if mod:
                role = mod.group().strip() + " " + role
                prefix -= len(mod.group())
        after = re.match(r"\s+of\s+(?:the\s+)?", text[ne:ne + 12])
        suffix = None
        if org is None and after:
            org = _org_at(ne + after.end(), by_start)
            suffix = org.end if org is not None else None  # "Mayor Ono Kenta of Kumagaya City"
        short = len(name.split()) == 1
        put(Person(ns, ne, name, (Post(role, org, m.start(), m.end("title")),), short=short, prefix_start=prefix,
                   suffix_end=suffix))
    for m in near_matches(rx["title_of"], rx["title_at"], text, 30, 30):
        # "Director-General of the Industrial Development Administration Yang Chih-ching":
        # the title, its body, then the name
        org = by_start.get(m.end())
        if org is None or not (org.type in ORG_TYPES or org.type in PLACE_TYPES):
            continue
        n = re.match(rf"[ \t]+(?P<name>{rx['name']})(?![\w-])", text[org.end:org.end + 60])
        if not n:
            continue
        ns, ne = org.end + n.start("name"), org.end + n.end("name")
        name = n.group("name")
        if len(name.split()) < 2 or _bad_name(name, cues) or _covered(ns, ne, mask) or (ns, ne) in people:
            continue
        put(Person(ns, ne, name, (Post(m.group("title"), org, m.start(), org.end),), prefix_start=m.start()))
    for m in rx["its_title"].finditer(text):  # "on behalf of the company by its chairman, Lai Chien-hung"
        ns, ne = m.start("name"), m.end("name")
        if len(m.group("name").split()) >= 2 and not _bad_name(m.group("name"), cues) and not _covered(ns, ne, mask) \
                and (ns, ne) not in people:
            # "the center's director, Yamamoto Kazuo": the last body named before with that head word
            kind = m.group("kind")
            body = next((x for x in reversed(mentions) if kind and x.end <= m.start() and x.type in ORG_TYPES
                         and x.text.split()[-1].lower() == kind), None)
            put(Person(ns, ne, m.group("name"), (Post(m.group("title"), body, m.start(), m.end("title")),) if body else ()))
    for m in rx["cjk_alias"].finditer(text):
        name = m.group("name")
        if _bad_name(name, cues) or _covered(m.start("name"), m.end("name"), mask):
            continue
        put(Person(m.start("name"), m.end("name"), name, (), alias=m.group("cjk")))
    for m in rx["speaker"].finditer(text):
        ns, ne = m.start("name"), m.end("name")
        for tok in re.finditer(r"\S+\s*", m.group("name")):
            if _covered(ns, ns + len(tok.group().strip()), mask) or tok.group().strip() in cues.set("stop_caps"):
                ns += len(tok.group())
        name = text[ns:ne]
        if len(name.split()) >= 2 and not _bad_name(name, cues) and not any(p.start <= ns < p.end for p in people.values()):
            put(Person(ns, ne, name, ()))
    windows = {"by_name": (_BY_AT, 60, 24), "label_name": (_COLON_AT, 60, 70)}  # where each can match
    for key in ("by_name", "label_name"):
        anchor, after, before = windows[key]
        for m in near_matches(rx[key], anchor, text, after, before):
            ns, ne = m.start("name"), m.end("name")
            name = m.group("name")
            if len(name.split()) < 2 or _bad_name(name, cues) or any(p.start <= ns < p.end for p in people.values()) \
                    or (_covered(ns, ne, mask) and not _place_word_name(name, ns, by_span, mask)):
                continue
            posts = ()
            if key == "label_name":  # "Tokyo Ohka Kogyo Co., Ltd. (Head office: ...; President & CEO: X)": its company
                bracket = text.rfind("(", max(0, m.start() - 120), m.start())
                bracket = max(bracket, text.rfind("（", max(0, m.start() - 120), m.start()))
                org = by_end.get(bracket - 1) or by_end.get(bracket) if bracket > 0 and "\n" not in text[bracket:m.start()] else None
                posts = (Post(m.group("title"), org, m.start("title"), m.end("title")),)
            put(Person(ns, ne, name, posts))
    for m in rx["byline"].finditer(text):
        for n in re.finditer(rf"{_NAME_TOKEN}(?:\s+{_NAME_TOKEN}){{1,2}}", m.group("names")):
            ns, ne = m.start("names") + n.start(), m.start("names") + n.end()
            if not _bad_name(n.group(), cues) and not any(p.start <= ns < p.end for p in people.values()):
                put(Person(ns, ne, n.group(), ()))
    for m in rx["honorific"].finditer(text):
        if _covered(m.start(), m.end(), mask):
            continue
        inside = [p for p in people.values() if p.start <= m.end() and m.start() <= p.end]
        if inside:
            continue
        # "Mr. Hasegawa Tetsuya", "Dr. Kuo": the name without the honorific; a family name alone is short
        put(Person(m.start("name"), m.end("name"), m.group("name"), (), short=" " not in m.group("name")))
    return sorted(people.values(), key=lambda p: p.start)


# ---------------------------------------------------------------- Chinese and Japanese

@functools.lru_cache(maxsize=4)
def _cjk_rx(cues: Cues) -> dict:
    return {
        "titles": re.compile(alternation(cues.words("titles"))),
        "delim": re.compile(f"(?:{alternation(cues.words('delimiters'))})$"),
        "enders": cues.set("name_enders"),
        "surnames": cues.set("surnames"),
        "compound": tuple(cues.words("compound_surnames")),
        "jp_families": FamilyNames(fold_cjk(s) for s in cues.words("japanese_surnames")),
        "latin": re.compile(rf"\s?(?P<name>{_CAPS_NAME}|[A-Z][a-z]+(?:\s+[A-Z][a-z]+){{1,2}})"),
    }


# words that follow a name, never part of it: "議長川添勝擔任見證人", "處長廖文龍出席"
_AFTER_NAME = ("同時", "表示", "指出", "擔任", "担任", "出席", "致詞", "致辭", "見證", "共同", "率團", "率領",
               "代表", "簽署", "簽訂", "主持", "親自", "一同", "等人", "蒞臨", "與會", "分別", "出任", "兼任", "續任", "接任")


def _name_ends(text: str, pos: int, enders: frozenset) -> bool:
    """Whether a name visibly ends at ``pos``: punctuation, the text's end, a verb or a word
    that ends names ("與", "及") after it."""
    return pos >= len(text) or not ("\u4e00" <= text[pos] <= "\u9fff" or text[pos] == "々") \
        or text[pos:pos + 2] in _AFTER_NAME or text[pos] in enders


def _japanese_name_at(text: str, pos: int, rx: dict, covered_at) -> str | None:
    """A Japanese name starting at ``pos`` with a known family name, its given name up to
    where a verb, a particle or punctuation starts."""
    head = fold_cjk(text[pos:pos + 3])
    jp = next(iter(rx["jp_families"].starting(head)), None)
    if jp is None:
        return None
    given = ""
    at = pos + len(jp)
    for k, ch in enumerate(text[at:at + 3]):
        stop = _GIVEN_STOP if not given else _GIVEN_STOP_2
        if not ("\u4e00" <= ch <= "\u9fff" or ch == "々") or ch in stop \
                or (given and ch in rx["surnames"] and not _name_ends(text, at + k + 1, rx["enders"])) \
                or text[at + k:at + k + 2] in _AFTER_NAME or (k == 2 and ch not in _GIVEN_THIRD):
            break  # "日高誠簽署", "川添勝擔任": a verb; "健一郎": a third character that ends given names
        if covered_at(at + k):
            break
        given += ch
    return text[pos:at + len(given)] if given else None


def _name_after(text: str, pos: int, rx: dict, lang: str, covered_at) -> str | None:
    lat = rx["latin"].match(text, pos)
    if lat:
        return text[pos:lat.end()].lstrip()
    if lang == "ja":
        return None
    jp = _japanese_name_at(text, pos, rx, covered_at)
    if jp:  # a Japanese name in a Chinese text: "田中和也", "古川信弘", "松本健一", "中村浩"
        return jp
    run = ""
    i = pos
    chinese = text[pos:pos + 1] in rx["surnames"] or text.startswith(rx["compound"], pos)
    if not chinese and text[pos:pos + 1] in rx["enders"]:
        return None  # "知事今日抵台", "市長出席": no name follows the title
    # a Japanese given name may hold a character that ends a Chinese name ("一宏", "千代")
    enders = rx["enders"] if chinese else rx["enders"] - _JP_GIVEN
    cap = 5 if chinese else 6
    while i < len(text) and len(run) < cap and ("\u4e00" <= text[i] <= "\u9fff" or text[i] == "々"):
        if covered_at(i) or (run and text[i] in enders) or text[i:i + 2] in _AFTER_NAME:
            break
        run += text[i]
        i += 1
    if chinese and len(run) == 1 and pos + 3 <= len(text) and text[pos + 1] in _GIVEN_OK \
            and all("\u4e00" <= c <= "\u9fff" and not covered_at(pos + k) for k, c in enumerate(text[pos:pos + 3])) \
            and (pos + 3 == len(text) or not "\u4e00" <= text[pos + 3] <= "\u9fff" or text[pos + 3] in rx["enders"]):
        return text[pos:pos + 3]  # "劉和然與…": 和 is part of the name, 與 ends it
    if chinese and len(run) == 2 and text[i:i + 1] in _GIVEN_OK and not covered_at(i) \
            and (i + 1 == len(text) or not "\u4e00" <= text[i + 1] <= "\u9fff" or text[i + 1] in rx["enders"]):
        return text[pos:i + 1]  # "李國強及…": 強 is part of the name, 及 ends it
    if len(run) < 2:
        return None
    if run.startswith(rx["compound"]):
        return run[:4] if len(run) >= 3 else None
    if chinese:
        return run[:3] if len(run) >= 3 else run
    # a Japanese name the surname list lacks ("伊原木隆太", "津賀一宏"): four characters, or three
    # to five that end where the name visibly ends (a particle, a verb, punctuation)
    return run if len(run) == 4 or (3 <= len(run) <= 5 and len(run) < cap) else None


def _name_before(text: str, end: int, rx: dict, covered_at, lang: str, limit: int = 5) -> str:
    if lang == "ja":  # a given name in kana after a known family name: "中村あゆみ副知事", "佐藤ミキ課長"
        kana = _KANA_GIVEN.search(text, max(0, end - 5), end)
        if kana:
            family = fold_cjk(text[max(0, kana.start() - 3):kana.start()])
            jp = next(iter(rx["jp_families"].ending(family)), None)
            if jp and not any(covered_at(k) for k in range(kana.start() - len(jp), end)):
                return text[kana.start() - len(jp):end]
    spaced = _SPACED_BEFORE.search(text, max(0, end - 9), end)
    if spaced and not any(covered_at(k) for k in range(spaced.start("giv"), end)) and \
            (fold_cjk(spaced.group("fam")) in rx["jp_families"] or spaced.group("fam") in rx["surnames"]):
        if taken := _body_taken(text, end, len(spaced.group("giv")) - 1):
            return spaced.group()[:-taken]  # "佐々木　隆工学部長": 工 starts 工学部, a body the text names apart
        return spaced.group()  # "高山 雅彦会頭", "郭 正雄理事長": family and given name apart
    # "與河村隆之市長" (之 ends Chinese words), "山梨県の長崎幸太郎知事" (長崎 is a place too): a Japanese
    # family name the list knows and a given name, between a delimiter and the title
    for given in (3, 2, 1) if lang == "ja" else (2, 1):
        for family in (2, 3):
            at = end - given - family
            if at >= 0 and not any(covered_at(k) for k in range(at + family, end)) and \
                    fold_cjk(text[at:at + family]) in rx["jp_families"] and \
                    all("\u4e00" <= c <= "\u9fff" for c in text[at:end]) and text[at - 1:at] in "與与和及、，,由 \nのと":
                return text[at:end]
    i = end
    while i > 0 and end - i < limit and ("\u4e00" <= text[i - 1] <= "\u9fff" or text[i - 1] == "々") \
            and not covered_at(i - 1):
        if lang != "ja" and rx["delim"].search(text[max(0, i - 4):i]):
            break
        i -= 1
    name = text[i:end]
    taken = _body_taken(text, end, len(name) - 2)
    if taken and fold_cjk(name[:-taken]) in rx["jp_families"]:
        return name[:-taken]  # "佐々木工学部長": a family name alone, then a post named after 工学部
    if lang != "ja" and len(name) > 3 and not name.startswith(rx["compound"]) \
            and not rx["jp_families"].starting(fold_cjk(name)) and name[-3] in rx["surnames"]:
        return name[-3:]  # "本校陳文華校長", "農資學院林俊良院長": the words before the name are no part of it
    return name


def _body_taken(text: str, end: int, longest: int) -> int:
    """How many characters (up to ``longest``) before ``end`` start a body that a title after
    ``end`` is named after, a body the text names elsewhere after other words and not as a title
    ("佐々木　隆工学部長" and "茨城大学工学部は": 1); 0 if none."""
    for k in range(1, longest + 1):
        word = text[end - k:end + 2]
        if len(word) < k + 2 or "長" in word:
            return 0
        if named_apart(text, word, text[end - k - 1:end - k], unless_next="長"):
            return k
    return 0


_OFFICE_END = re.compile(r"(?:事務所|代表處|代表処|辦事處|弁事処|事務局)$")
_READING_BEFORE = re.compile(r"[（(][\u30a1-\u30ff・ A-Za-z.-]{2,20}[）)]$")
_BY_AT = re.compile(r"\bby\s")
_COLON_AT = re.compile(r"[:：]")
_SPACED_BEFORE = re.compile(r"(?<![\u4e00-\u9fff々])(?P<fam>[\u4e00-\u9fff々]{1,3})[ \u3000](?P<giv>[\u4e00-\u9fff々\u3041-\u3096]{1,3})$")
_KANA_GIVEN = re.compile(r"(?<![\u3041-\u3096\u30a1-\u30fa\u30fc])(?:[\u3041-\u3096]{2,4}|[\u30a1-\u30fa\u30fc]{2,4})$")
_GIVEN_STOP = set("與与及等表說说指在於于將将出到率為为是致今昨並并也亦則则兼同已共曾更透希強强認认提感")
_GIVEN_STOP_2 = set("與与及等在於于將将是為为表指說说代致稱称認认強强希")
_SELF_WORDS = frozenset({"当社", "同社", "弊社", "本社", "両社", "當社", "本公司", "該公司", "公司", "会社", "會社", "同行", "当行", "弊行",
                         "團體", "各團體", "団体", "單位", "各單位", "雙方", "兩校", "両校",
                         "本県", "当県", "同県", "本市", "当市", "同市", "本府", "同府", "本會", "該會"})
_ACRONYM_BEFORE = re.compile(r"[（(][A-Za-zＡ-Ｚａ-ｚ]{2,10}[）)][の的]$")
# a form's line: "長野県知事　小松 孝弘", "山梨県知事　小林真一郎" (a whole line's name after the title)
_SPACED_NAME = re.compile(r"[ \u3000]+(?P<name>[\u4e00-\u9fff々]{1,3}[ \u3000][\u4e00-\u9fff々\u3041-\u3096]{1,3}"
                          r"(?=[ \u3000]*(?:[ \u3000]氏)?[ \u3000]*(?:\n|$|[（(、。，）)｜|]))|[\u4e00-\u9fff々]{2,5}(?=[ \u3000]*(?:\n|$|[｜|]))"
                          r"|[\u4e00-\u9fff々]{2,4}(?=[、，；;]))")  # "新潟縣知事 高橋秀夫、聖籠町長…": a list of signers
_TITLE_COMMA_NAME = re.compile(r"(?:[、，]|である)\s*(?P<name>[\u4e00-\u9fff々]{2,5}?)(?:氏|さん|先生)")  # ("董事長である許文雄氏")
_JP_GIVEN = frozenset("一代")
_GIVEN_THIRD = frozenset("郎朗子彦介助美")  # the last character of a three-character given name
_GIVEN_OK = frozenset("和一同主親見更強")  # characters that end a name in a sentence, yet also stand inside one
_REPRESENT_VERB = set("雙双兩两各簽签出致該该本貴贵")


def _find_cjk(text: str, lang: str, mentions: list[Mention], cues: Cues) -> list[Person]:
    rx = _cjk_rx(cues)
    covered = bytearray(len(text) + 1)
    for m in mentions:
        covered[m.start:m.end] = b"\x01" * (m.end - m.start)
    by_end: dict[int, Mention] = {}
    for m in mentions:
        if m.type in ORG_TYPES or m.type in PLACE_TYPES:
            by_end[m.end] = m
    place_at = {m.start: m for m in mentions if m.type in PLACE_TYPES}
    people: list[Person] = []
    pending: list[tuple[Post, int]] = []  # posts waiting for the name that follows them
    for t in rx["titles"].finditer(text):
        ts, te = t.start(), t.end()
        if ts > 0 and text[ts - 1] == "副" and not covered[ts - 1]:
            ts -= 1  # "長友理恵副学長": 副 makes the title a deputy's, not part of the name
        if t.group() == "代表" and text[te:te + 1] in _REPRESENT_VERB:
            continue  # "代表雙方簽署": on behalf of, not a post
        if text[ts - 1:ts + 1] in ("公司", "会社", "會社") and ts > 0:
            continue  # "本公司長期供應": the company, then "long", not the title 司長
        if text[te:te + 1] in "會会" and not rx["titles"].match(text, te):
            continue  # "董事會決議", "理事会で": the board, not a post and a name
        if covered[ts] and not (ts + 1 in by_end and by_end[ts + 1].text.endswith(t.group()[0])):
            continue
        org = by_end.get(ts)
        if org is None and ts + 1 in by_end and by_end[ts + 1].text[-1] == text[ts]:
            org = by_end[ts + 1]  # "県商工観光労働部長": the department's 部 starts the title
            office = by_end.get(org.start)
            if office is not None and _OFFICE_END.search(office.text):
                org = office  # "交流協會台北事務所經濟部長高木誠": the office's economic division, not the ministry
        if org is None and people and people[-1].end == ts - 1 and text[ts - 1] in "、及與与和" and people[-1].posts \
                and people[-1].posts[-1].org is not None and people[-1].posts[-1].org.type in ORG_TYPES:
            org = people[-1].posts[-1].org  # "X公司董事長A、總經理B": B's post is at X too
        prefix = org.start if org is not None else ts
        if org is None and (reading := _READING_BEFORE.search(text, max(0, ts - 24), ts)):
            prefix = reading.start()  # "陳偉倫（ウィリアム・チェン）董事長": the name, its reading, the title
        post = Post(text[ts:te], org, prefix, te)
        covered_at = covered.__getitem__
        spaced = _SPACED_NAME.match(text, te)
        place = place_at.get(spaced.start("name")) if spaced else None
        if spaced and (not covered[spaced.start("name")] or (place is not None and fold_cjk(place.text) in rx["jp_families"])):
            # (a form's "産業労働部長　山口　誠": a family name that is also a place's)
            # a form's line "ＴＥＥＭＡ理事長　李　振宇", "公益財団法人…機構　理事長　小松　克也": family and
            # given name apart, the body before the title (maybe apart too)
            if org is None:  # "理事長　李 建宏" after the body and spaces, "常陽銀行（頭取　岡田 俊彦）"
                gap = re.search(r"[ \u3000]+$|[（(]$", text[max(0, ts - 4):ts]) or \
                    re.search(r"[（(][^（）()\n]{1,40}[、，,；;][ \u3000]*$", text[max(0, ts - 44):ts])
                org = by_end.get(ts - len(gap.group())) if gap else None
                bracket = gap is not None and gap.group()[0] in "（("  # the body stays a unit of its own
                # ("株式会社播州銀行（本店：兵庫県姫路市、頭取　井上　和彦）": a later item of the bracket)
                post = Post(post.role, org, org.start if org and not bracket else ts, te)
                prefix = post.start
            people.append(Person(spaced.start("name"), spaced.end("name"), spaced.group("name"), (post,), prefix_start=prefix))
            continue
        named = _TITLE_COMMA_NAME.match(text, te)
        if named and not covered[named.start("name")]:
            # "株式会社山田製作所の代表取締役社長、山田太郎氏は": the title, a comma, the name with 氏
            before = by_end.get(ts - 1) if org is None and text[ts - 1:ts] in ("の", "的") else None
            if before is not None:
                post, prefix = Post(post.role, before, before.start, te), before.start
            people.append(Person(named.start("name"), named.end("name"), named.group("name"), (post,), prefix_start=prefix))
            continue
        name = _name_after(text, te, rx, lang, covered_at)
        if name:
            start = te + (len(text[te:te + len(name) + 1]) - len(text[te:te + len(name) + 1].lstrip()))
            posts = [post] + [p for p, at in pending if 0 <= prefix - at <= 1]
            pending = [(p, at) for p, at in pending if not 0 <= prefix - at <= 1]
            people.append(Person(start, start + len(name), name, tuple(posts), prefix_start=prefix))
            continue
        name = _name_before(text, prefix, rx, covered_at, lang)
        if name in _SELF_WORDS or (lang == "ja" and rx["titles"].search(name)):
            name = ""  # "当社取締役常務執行役員の村上誠": "our company" and a title are no name
        if len(name) >= 2 or (name and name[0] in rx["surnames"]):
            short = (len(name) <= 2 and (name[0] in rx["surnames"] or lang == "ja")) or fold_cjk(name) in rx["jp_families"]
            if len(name) == 2 and lang != "ja" and name[0] in rx["surnames"]:
                short = False  # a two-character Chinese name
            s = text.rfind(name, 0, prefix)  # the name may end before the title ("佐々木　隆工学部長")
            first = s
            if org is None:
                # "工業局の呂正華副局長": the organization before の
                # (or right before the name: "鳥取大學原田浩司校長")
                named = name[0] in rx["surnames"] or bool(rx["jp_families"].starting(fold_cjk(name)))
                before = by_end.get(s - 1) if text[s - 1:s] in ("の", "的") else by_end.get(s) if named else None
                if before is None and text[s - 2:s] in ("から", "より"):  # "札幌分処から黄俊傑処長が立ち会った"
                    before = by_end.get(s - 2)
                acr = _ACRONYM_BEFORE.search(text, max(0, s - 14), s) if before is None else None
                if acr is not None:  # "台日産業連携推進オフィス（TJPO）の周家豪執行長"
                    before = by_end.get(acr.start())
                if before is not None and before.type in ORG_TYPES | PLACE_TYPES:
                    post = Post(post.role, before, before.start, te)
                    first = before.start
                elif s + len(name) < prefix:  # "佐々木　隆工学部長": the post is at the body named 工学部
                    body = text[s + len(name):te].removesuffix("長")
                    post = next((Post(post.role, m, post.start, te) for m in by_end.values()
                                 if m.type in ORG_TYPES and m.text.endswith(body)), post)
            posts = [post] + [p for p, at in pending if 0 <= first - at <= 1]
            pending = [(p, at) for p, at in pending if not 0 <= first - at <= 1]
            people.append(Person(s, s + len(name), name, tuple(posts), short=short, prefix_start=first, suffix_end=te))
            continue
        link = re.match(r"的|の|を務める|を務め、?|、", text[te:te + 5])
        named = _japanese_name_at(text, te + 1, rx, covered_at) if lang == "ja" and link and link.group() == "の" else None
        if named:  # "岡山県産業労働部長の藤原雅之と…": the title, の, the name
            people.append(Person(te + 1, te + 1 + len(named), named, (post,), prefix_start=prefix))
            continue
        if link:
            pending.append((post, te + link.end()))
            continue
        if re.search(r"(?:兼任|兼務|兼|擔任|出任|接任)$", text[max(0, prefix - 3):prefix]) and people:
            last = people[-1]
            people[-1] = Person(last.start, last.end, last.name, last.posts + (post,), last.short, last.alias,
                                last.prefix_start, last.suffix_end)
    return people


def find_people(text: str, lang: str, mentions: list[Mention]) -> list[Person]:
    """The people named in ``text`` with their posts, in text order; ``mentions`` are the
    organization and place mentions (:func:`graph.recognize.find_mentions`)."""
    cues = load_cues(lang)
    if lang == "en":
        return _find_en(text, mentions, cues)
    found = _find_cjk(text, lang, mentions, cues)
    # romanized names with posts inside a CJK text follow the English rules
    return found
