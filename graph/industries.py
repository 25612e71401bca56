"""Industries and fields named in an announcement, found by cue phrases.

English: lists after "in the field(s) of", "collaboration in", "enterprises in"... and
"<modifier> industry" phrases; Chinese and Japanese: lists ending in 等產業(領域), 分野, などでの,
or items ending in 業 followed by 發達 / 活躍. Every item keeps the form written and, when it
ends in a head word (industry, 產業, 業...), the form without it, so that "electronics
industry" and "electronics" name one field. Cue lists live in ``data/patterns/<lang>.yaml``.

Examples
--------
>>> [i.text for i in find_industries("cooperation in agriculture, tourism, culture and sports.", "en", [])]
['agriculture', 'tourism', 'culture', 'sports']
>>> [i.forms for i in find_industries("雙方將在食品、生技醫藥等產業領域合作", "zh-Hant", [])]
[('食品',), ('生技醫藥',)]
"""
from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass

from .cues import alternation, load_cues
from .recognize import BULLET, Mention, near_matches, fold, is_cjk

__all__ = ["IndustryMention", "find_industries"]


@dataclass(frozen=True)
class IndustryMention:
    """An industry named at ``start:end``; ``forms`` is the written form and its core."""

    start: int
    end: int
    text: str
    forms: tuple[str, ...]
    trait: bool = False  # what a place or company is known for ("漁業が盛ん", "a video game company"), no field of cooperation


_EN_STOP = re.compile(r"\s+(?:to|together|with|by|which|that|who|for|from|as|will|would|is|are|was|were|has|have|"
                      r"in|at|on|so|while|through|between|among|under|via)\b|[.;:!?()\"“”]|\s+and\s+(?:to|will|the\s+\w+\s+will)\b")
# "food and beverage", "oil and gas": one field each, not two
_EN_SPLIT = re.compile(r"\s*,\s*(?:and\s+|or\s+)?|\s+and\s+(?!(?:beverages?|gas|apparel|communications?\s+technology)\b)"
                       r"|\s+or\s+|\s+as well as\s+")
_EN_ITEM = re.compile(r"(?:the\s+|a\s+|an\s+)?((?:[A-Za-z][a-z-]*\s+){0,3}[A-Za-z][a-z-]*)")
# "... joint research in four fields:" then one field per bulleted line
_EN_LIST_CUE = re.compile(r"\b(?:in|on|across|covering)\s+(?:the\s+)?(?:following\s+|these\s+|\w+\s+)?(?:key\s+)?"
                          r"(?:fields|areas|sectors|industries|domains)\s*:[ \t]*\n", re.I)
_BULLET_LINE = re.compile(rf"[ \t]*{BULLET}[ \t]+(?P<item>[^\n]+?)[ \t]*[,;.]?[ \t]*(?:\n|$)")
_EN_COUNTED = re.compile(r"(?:the\s+following\s+|these\s+|[a-z]+\s+)?(?:key\s+)?(?:fields|areas|sectors|industries|domains)\s*:[ \t]*(?=\S)")
_EN_HEADS = re.compile(r"\s+(?:industry|industries|sector|sectors|field|fields|technology|technologies|business|businesses)$")
_EN_VERB_CUE = re.compile(r"(?:work|working|cooperate|collaborate|join)\b", re.I)
_EN_DESCRIPTOR = re.compile(r"(?<![\w-])(?:a|an|the|its|their|Japanese|Taiwanese|Japan's|Taiwan's|world's)\s+"
                            r"((?:[a-z][a-z-]+\s+){1,4})(company|firm|maker|manufacturer|foundry|producer|supplier|giant)\b")
_EN_NESTED = re.compile(r"(?:the\s+)?(?:fields?|areas?|sectors?|domains?|industries|realms?)\s+(?:of|such\s+as|including)\s+")
_EN_TO_VERB = re.compile(r"\s*,\s*(?:and\s+)?to\s+[a-z]+\s+(?:the\s+)?|\s+and\s+to\s+[a-z]+\s+(?:the\s+)?")
_EN_ON_COOP = re.compile(r"\bon\s+((?:[a-z][a-z-]+\s+){1,2})(?:cooperation|collaboration|exchanges?|partnership)\b")
_EN_VERBISH = {"said", "says", "announced", "noted", "added", "stated", "told", "reported", "to", "will", "be", "is", "are", "was", "were", "has", "have", "help", "promote", "continue", "seek",
               "bring", "make", "develop", "expand", "strengthen", "deepen", "create", "other", "more", "each"}


# fields whose name starts with an -ing word ("manufacturing technology", "food processing" is not one)
_ING_FIELDS = {"manufacturing", "processing", "engineering", "shipbuilding", "mining", "banking", "marketing",
               "packaging", "printing", "computing", "recycling", "farming", "fishing", "clothing", "housing",
               "building", "cooling", "lighting", "heating", "advertising", "publishing", "gaming", "machining",
               "tooling", "accounting", "consulting", "catering", "shipping", "trading", "retailing", "sewing"}


def _en(text: str, mentions: list[Mention]) -> list[IndustryMention]:
    cues = load_cues("en")
    covered = bytearray(len(text) + 1)
    for m in mentions:
        covered[m.start:m.end] = b"\x01" * (m.end - m.start)
    stop = {w.lower() for w in cues.words("field_stop_ci")}
    out: list[IndustryMention] = []

    def add(s: int, e: int, capital_ok: bool = False) -> bool:
        item = text[s:e]
        words = item.split()
        if not words or len(words) > 4 or any(covered[s:e]) or words[0].lower() in _EN_VERBISH:
            return False
        if len(words) >= 2 and words[0].lower().endswith("ing") and words[0].lower() not in _ING_FIELDS \
                and words[1].lower() not in ("and", "or") \
                and (len(words) > 2 or words[1].lower() in ("a", "an", "the") or words[1].endswith("s")):
            return False  # "exchanging trade missions", "running a platform": an activity, not a field
        if any(not re.fullmatch(r"[A-Za-z][a-z-]*", w) for w in words) or \
                words[0][0].isupper() and words[0] != "Internet" and not capital_ok:
            return False
        if capital_ok and words[0][1:].islower():
            item = item[:1].lower() + item[1:]  # "• Smart machinery": the bullet's capital, not a name's
        core = _EN_HEADS.sub("", item)
        if not core or words[0].lower() in stop or core.split()[-1].lower() in stop:
            return False
        out.append(IndustryMention(s, e, item, tuple(dict.fromkeys((item, core)))))
        return True

    for cue in cues.lower_rx("field_cues_ci").finditer(fold(text)):
        start = cue.end()
        while start < len(text) and text[start] == " ":
            start += 1
        nested = _EN_NESTED.match(text, start)  # "cooperation in the fields of ..."
        if nested:
            start = nested.end()
        counted = _EN_COUNTED.match(text, start)  # "work together in four fields: A, B and C"
        if counted:
            start = counted.end()
        seg = text[start:start + 240]
        verbs = _EN_TO_VERB.search(seg) if _EN_VERB_CUE.match(cue.group()) else None
        if verbs:
            # "work together against trafficking and smuggling, to share intelligence and to
            # address tariff issues": the items are what each verb takes
            cut = re.search(r"[.;:!?()\"“”]", seg)
            seg = seg[:cut.start()] if cut else seg
            parts = _EN_TO_VERB.split(seg)
            pos = 0
            for part in parts:
                at = seg.find(part, pos)
                pos = at + len(part)
                m = _EN_ITEM.fullmatch(part.strip())
                if m:
                    s = start + at + (len(part) - len(part.lstrip())) + m.start(1)
                    add(s, s + len(m.group(1)))
            continue
        cut = _EN_STOP.search(seg)
        seg = seg[:cut.start()] if cut else seg
        pos = 0
        for part in _EN_SPLIT.split(seg):
            at = seg.find(part, pos)
            pos = at + len(part)
            m = _EN_ITEM.fullmatch(part.strip())
            if not m or not part.strip():
                break
            s = start + at + (len(part) - len(part.lstrip())) + m.start(1)
            if not add(s, s + len(m.group(1))):
                break
    for cue in _EN_LIST_CUE.finditer(text):
        pos = cue.end()
        while (line := _BULLET_LINE.match(text, pos)) is not None:
            item = re.sub(r"^(?:and|or)\s+", "", line.group("item"))
            start = line.end("item") - len(item)
            add(start, line.end("item"), capital_ok=True)  # a bullet may start with a capital
            pos = line.end()
    for m in _EN_ON_COOP.finditer(text):  # "a memorandum on aquaculture cooperation"
        words = m.group(1).split()
        if words and words[0].lower() not in stop and words[-1].lower() not in stop:
            add(m.start(1), m.start(1) + len(m.group(1).rstrip()))
    for m in _EN_DESCRIPTOR.finditer(text):  # "video game company Capcom", "semiconductor foundry"
        words = m.group(1).split()
        while words and words[0].lower() in stop:
            words = words[1:]
        if not words or words[-1].lower() in stop or any(w.lower() in _EN_VERBISH for w in words):
            continue
        s = m.start(1) + m.group(1).rindex(" ".join(words))
        core_end = s + len(" ".join(words))
        if any(covered[s:m.end()]) or any(s < o.end and o.start < m.end() for o in out):
            continue
        item = text[s:m.end()]
        core = text[s:core_end]
        out.append(IndustryMention(s, m.end() if m.group(2).startswith("foundr") else core_end,
                                   item if m.group(2).startswith("foundr") else core, tuple(dict.fromkeys((item, core))), True))
    heads = re.compile(r"\b((?:[a-z][a-z-]+\s+){1,2})(industry|industries|sector)\b")
    for m in heads.finditer(text):
        words = m.group(1).split()
        while words and words[0].lower() in stop:
            words = words[1:]
        if not words or words[-1].lower() in stop:
            continue
        s = m.start(1) + m.group(1).index(words[0])
        if any(s >= o.start and m.end() <= o.end for o in out):
            continue
        add(s, m.end())
    return out


_CJK_GENERIC_ITEMS = frozenset({"部品", "零件", "研究", "設備", "材料", "技術", "技术", "産業技術", "產業技術", "製品", "產品",
                                "商品", "產業", "産業", "領域", "分野", "研究開発", "研發", "交流", "合作", "協力", "連携"})


def _split_items(items: str, sep: str) -> list[str]:
    """A CJK list cut at its separators, except a single character joined by ・ to the next word
    ("光・電子技術" is one field)."""
    pieces = re.split(f"({sep})", items)
    parts = [pieces[0]]
    for k in range(1, len(pieces) - 1, 2):
        if pieces[k] == "・" and len(parts[-1]) == 1:
            parts[-1] += pieces[k] + pieces[k + 1]
        else:
            parts.append(pieces[k + 1])
    return parts


_CJK_ITEM_END = re.compile(r"(?:[（(][A-Za-z0-9]{2,10}[）)]|[0-9０-９一二三四五六七八九十兩两]+(?:大|個|个|項|项|つの)(?:合作|協力|連携)?)$")
_CJK_ADVERB = re.compile(r"(?:也|亦|都|均|皆)?(?:十分|相當|相当|非常|很|極為|極其|較為|特に|とても)?$")


def _cjk(text: str, lang: str, mentions: list[Mention]) -> list[IndustryMention]:
    cues = load_cues(lang)
    covered = bytearray(len(text) + 1)
    for m in mentions:
        covered[m.start:m.end] = b"\x01" * (m.end - m.start)
    # an item may end with its acronym in brackets: "醫藥品委託開發製造（CDMO）"
    item = r"(?:(?!等|及|與|与|和)[\u4e00-\u9fff\u30a1-\u30fcＡ-Ｚａ-ｚA-Za-z]){1,10}(?:[（(][A-Za-z0-9]{2,10}[）)])?"
    sep = r"(?:、|及び|および|並びに|及|與|与|和|や|・)"
    tails = alternation(cues.words("field_tails"))
    verbs = alternation(cues.words("field_verbs"))
    lead = re.compile(r".*(?:在|於|涵蓋|包括|包含|例如|如|範圍|以|是|為|將|的|針對|聚焦|加強|推動|目前|也|新增|增加|納入|擴大至|擴及|"
                      r"延伸至|、|，|は|が|を|で|に|また)")
    heads = tuple(cues.words("field_item_heads"))
    stopwords = cues.set("delimiters") | _CJK_GENERIC_ITEMS  # "部品", "研究": no field on their own
    out: list[IndustryMention] = []
    counted = r"(?:の|等)?[0-9０-９一二三四五六七八九十兩两]+(?:大|個|个|項|项|つの)?(?:分野|領域|産業|產業)(?!團體|団体|協會|協会|公會|公会|組織)"  # "資安兩個領域"  # "精密機械、電子部品、医療機器の３分野"
    by_tail = re.compile(rf"(?P<list>{item}(?:{sep}{item}){{0,12}})(?:{counted}|{tails})")
    by_maker = re.compile(rf"(?P<list>{item})(?:メーカー|大手|大廠|製造商|廠商)(?=[、，である的の])")
    by_trait = re.compile(rf"(?P<list>{item}(?:{sep}{item}){{0,8}})(?:也|亦|都|均|皆)?(?:十分|相當|非常|很|極為|較為|特に)?(?:{verbs})")
    patterns = [by_tail, by_maker, by_trait]
    anchor = re.compile(f"(?:{tails})|(?:{verbs})|{counted}|メーカー|大手|大廠|製造商|廠商")
    for rx in patterns:
        for m in near_matches(rx, anchor, text, 12, 150):
            s0 = m.start("list")
            parts = _split_items(m.group("list"), sep)
            pos = s0
            found = []
            for i, part in enumerate(parts):
                at = text.find(part, pos)
                pos = at + len(part)
                if rx is by_trait and i == len(parts) - 1:
                    part = _CJK_ADVERB.sub("", part)  # "石油化學工業也十分" + 發達
                if i == 0:
                    cut = lead.match(part)
                    if cut:
                        at += cut.end()
                        part = part[cut.end():]
                part = _CJK_ITEM_END.sub("", part)  # "保健食品三大" + 領域, "製造（CDMO）"
                if rx is by_trait and i == len(parts) - 1 and not part.endswith(heads):
                    found = []
                    break
                if not 2 <= len(part) <= 8 or any(covered[at:at + len(part)]) or part in stopwords:
                    continue
                core = part
                for h in sorted(heads, key=len, reverse=True):
                    if part.endswith(h) and len(part) - len(h) >= 2 and not (h == "工業" and part.endswith("加工業")):
                        core = part[: -len(h)]
                        break
                found.append(IndustryMention(at, at + len(part), part, tuple(dict.fromkeys((part, core))), rx is not by_tail))
            out += found
    seen = set()
    uniq = []
    for i in sorted(out, key=lambda x: (x.start, -x.end)):
        if any(i.start < j.end and j.start < i.end for j in uniq):
            continue
        if (i.start, i.end) not in seen:
            seen.add((i.start, i.end))
            uniq.append(i)
    return uniq


# ---------------------------------------------------------------- known fields without a cue

# A sentence speaks of fields when it has one of these words; a known industry named in it
# ("cooperate in semiconductors", "green energy is a key sector", 綠能產業合作, 観光と教育の交流)
# is then a field even without a cue phrase before a list.
_CONTEXT = {
    "en": re.compile(r"\b(?:cooperat|collaborat|exchange|partner|sector|industr|field|business|invest|focus|"
                     r"areas?\b|work(?:ing)?\s+together|strength|opportunit|potential|advantage|ties\b|synerg)", re.I),
    "zh-Hant": re.compile(r"合作|交流|產業|産業|領域|方面|投資|優勢|商機|聚焦|布局|佈局|攜手|鏈結|連結|夥伴"),
    "ja": re.compile(r"連携|協力|交流|産業|分野|投資|協業|提携|強み|領域|面で|関する"),
}
# What may follow a known field written as a noun ("semiconductors and", "green energy is"),
# and what may precede it in CJK text (a delimiter or a verb taking a field).
_EN_AFTER = re.compile(r"(?:\s*[,.;:)!?]|\s*$|\s+(?:and|or|as|is|are|was|were|will|has|have|in|to|for|with|at|among|"
                       r"through|between|which|that|industry|industries|sector|sectors|field|fields|business|businesses|"
                       r"cooperation|collaboration|exchanges?|partnership|development|projects?|supply\s+chains?)\b)")
_EN_BEFORE = {"in", "of", "and", "or", "on", "as", "such", "including", "like", "for", "to", "with", "into", "both",
              "namely", "especially", "particularly", "notably", "from", "about", "around", "toward", "towards", "across"}
_CJK_AFTER = set("、，,。及與与和や・との等產産業領分方合交連協技相在是為将將也都並并とな」）)") | {""}
_CJK_BEFORE = set("、，,。及與与和や・との在於于「（(以對对就含括如是為为、")
_CJK_VERB_BEFORE = re.compile(r"(?:發展|发展|推動|推动|促進|促进|加強|加强|深化|拓展|聚焦|投入|布局|佈局|強化|振興|推進|推进|"
                              r"包括|涵蓋|例如|支援|育成|進出|参入|強み)$")


@functools.lru_cache(maxsize=4)
def _lexicon(gaz) -> dict[str, re.Pattern]:
    """The gazetteer's industry names as one pattern per script: English forms as written
    (lower case, bounded by non-letters), CJK forms of two or more characters."""
    en, cjk = set(), set()
    for form, entry in gaz.surface_forms():
        if entry.type != "Industry" or len(form) < 2:
            continue
        if form.isascii():
            if form[:1].islower() and len(form) >= 4:
                en.add(form)
        elif not re.search(r"[A-Za-z]", form):
            cjk.add(form)
    return {"en": re.compile(rf"(?<![\w-])(?:{alternation(en)})(?![\w-])" if en else r"(?!x)x"),
            "cjk": re.compile(alternation(cjk) if cjk else r"(?!x)x")}


def _known(text: str, lang: str, mentions: list[Mention], gaz, found: list[IndustryMention],
           sents: list[tuple[int, int]] | None) -> list[IndustryMention]:
    """Known industries (gazetteer names) in sentences that speak of fields, written where a
    noun stands (:data:`_EN_AFTER`, :data:`_CJK_AFTER`), not inside a name or a found field."""
    from .recognize import sentences

    rx = _lexicon(gaz)["en" if lang == "en" else "cjk"]
    context = _CONTEXT.get(lang, _CONTEXT["en"])
    covered = bytearray(len(text) + 1)
    for m in mentions:
        covered[m.start:m.end] = b"\x01" * (m.end - m.start)
    for f in found:
        covered[f.start:f.end] = b"\x01" * (f.end - f.start)
    generic = {w.lower() for w in load_cues(lang).words("field_lexicon_stop")}
    out: list[IndustryMention] = []
    sents = sents if sents is not None else sentences(text, lang)
    starts = [a for a, _ in sents]
    cued = set()
    for c in context.finditer(text):  # the sentences that speak of fields, in one pass
        i = bisect.bisect_right(starts, c.start()) - 1
        if i >= 0 and c.start() < sents[i][1]:
            cued.add(i)
    for i in sorted(cued):
        s, e = sents[i]
        hits = list(rx.finditer(text, s, e))
        for m in hits:
            a, b = m.start(), m.end()
            if any(covered[a:b]):
                continue
            if m.group().lower() in generic:
                continue  # "economic and trade cooperation": too common a word to be a field uncued
            if lang == "en":
                before = re.search(r"(?:^|[\s(])([\w'’-]+)\s+$", text[max(s, a - 30):a])
                if not _EN_AFTER.match(text, b, e) or (before and before.group(1).lower() not in _EN_BEFORE
                                                         and not re.search(r"\w['’]s$", before.group(1))):
                    continue  # "semiconductor materials", "government building", "companies' matchmaking"
            else:
                nxt, prev = text[b:b + 1], text[a - 1:a] if a > s else ""
                if nxt not in _CJK_AFTER and not text.startswith(("など", "分野", "領域", "方面", "産業", "產業"), b):
                    continue
                if prev and prev.strip() and is_cjk(prev) and prev not in _CJK_BEFORE and not _CJK_VERB_BEFORE.search(text, max(s, a - 3), a):
                    continue  # "光電子": the tail of a longer word
                if is_cjk(prev) and is_cjk(text[a]) and _KANA.match(prev) and _KANA.match(text[a]):
                    continue
            item = m.group()
            core = _HEAD_TAIL.sub("", item) or item
            out.append(IndustryMention(a, b, item, tuple(dict.fromkeys((item, core)))))
            covered[a:b] = b"\x01" * (b - a)
    return out


_HEAD_TAIL = re.compile(r"\s+(?:industry|industries|sector|sectors)$|(?<=..)(?:產業|産業)$")
_KANA = re.compile("[\u30a1-\u30fc]")


# a line that lists fields after a label: "Fields: semiconductors; smart agriculture", "合作領域：半導體、綠能"
_FIELD_LINE = re.compile(r"^[ \t]*(?:(?:key\s+)?(?:fields?|areas?|sectors?)(?:\s+of\s+cooperation)?|合作領域|合作項目|重點領域|領域|"
                         r"分野|協力分野|連携分野)[ \t]*[:：][ \t]*(?P<items>[^\n]+)", re.I | re.M)
_FIELD_ITEM_SEP = re.compile(r"\s*(?:[;；,，、/／]|\band\b|及|與|和)\s*")
_FIELD_ITEM = re.compile(r"[A-Za-z][a-z-]*(?:\s+[a-z][a-z-]*){0,3}|[\u3040-\u30ff\u3400-\u9fff]{2,16}")


# a heading of fields and its list: "２　連携分野\n（１）航空宇宙\n（２）次世代モビリティ"
# (also "６　主な内容" over an annex's list, and a sentence leading into a list: "雙方將在以下領域合作：")
FIELD_HEADING = re.compile(r"^[ \t\u3000]*(?:[0-9０-９]{1,2}[.．、)）]?[ \t\u3000]*)?(?:連携分野|協力分野|合作領域|合作項目|重點領域|"
                            r"主な内容|主な協力内容|協力内容|連携内容|合作內容|主要合作內容|"
                            r"(?:key\s+)?(?:fields|areas|sectors)(?:\s+of\s+cooperation)?)[ \t\u3000]*[:：]?[ \t]*\n"
                            r"|^[^\n]{0,80}?(?:以下|下列|次)の?(?:領域|項目|方面|分野)[^\n]{0,30}[:：。][ \t]*\n", re.I | re.M)
FIELD_LIST_ITEM = re.compile(r"[ \t\u3000]*(?:[（(][0-9０-９一二三四五六七八九十]{1,2}[）)]|[0-9０-９]{1,2}[.．)）]|[一二三四五六七八九十]{1,2}[、.．]|"
                             r"[・•\-*])[ \t\u3000]*(?P<item>[^\n]{2,40})\n?")
# an item's words around its fields: "台日企業跨境融資" (who), "観光および教育旅行の相互促進" (what is done)
_ITEM_WHO = re.compile(r"^(?:台日|臺日|日台|日臺|雙方|双方|兩國|両国|兩地|両地)?(?:企業|廠商)?(?:間)?")
_ITEM_TAIL = re.compile(r"(?:分野|領域|における|への|に関する|の相互|の促進|の支援|之|的|等|など|での)")
_CJK_ITEM_SEP = re.compile(r"[、，,；;]|及び|および|並びに|ならびに|及|與|与|和")


def _item_fields(item: str) -> list[str]:
    """The fields a list item names: "數位金融與永續金融之經驗交流" -> 數位金融, 永續金融;
    "展示会・商談会への相互参加の支援" -> 展示会・商談会; an English item is one field as written.

    >>> _item_fields("數位金融與永續金融之經驗交流"), _item_fields("観光および教育旅行の相互促進")
    (['數位金融', '永續金融'], ['観光', '教育旅行'])
    """
    item = item.strip().rstrip(".。；;，,")
    if item.isascii():
        return [item]
    inner = re.search(r"[（(]([^）)]+)[）)]", item)
    if inner:  # "産業・経済（次世代モビリティ、半導体関連産業、物流）": the fields in brackets
        item = inner.group(1)
    out = []
    for part in _CJK_ITEM_SEP.split(item):
        part = _ITEM_WHO.sub("", part.strip())
        tail = _ITEM_TAIL.search(part)
        part = part[:tail.start()] if tail else part
        if 2 <= len(part) <= 16 and part not in _NOT_FIELDS:
            out.append(part)
    return out


_NOT_FIELDS = frozenset({"合作", "交流", "支援", "促進", "推動", "相互", "協力", "連携", "企業間交流", "情報交換", "資訊交流"})


def _labelled(text: str, mentions: list[Mention], found: list[IndustryMention]) -> list[IndustryMention]:
    """The items of labelled field lines, each a field (a label says what they are), and of
    the list under a heading of fields."""
    taken = [(m.start, m.end) for m in mentions] + [(i.start, i.end) for i in found]
    out = []
    for head in FIELD_HEADING.finditer(text):
        pos = head.end()
        while (li := FIELD_LIST_ITEM.match(text, pos)) is not None:
            at = li.start("item")
            for item in _item_fields(li.group("item")):
                start = text.index(item, at)
                if _FIELD_ITEM.fullmatch(item) and not any(a < start + len(item) and start < b for a, b in taken):
                    written = item[:1].lower() + item[1:] if item[1:2].islower() else item
                    out.append(IndustryMention(start, start + len(item), written, (written,)))
            pos = li.end()
    for line in _FIELD_LINE.finditer(text):
        pos = line.start("items")
        for part in _FIELD_ITEM_SEP.split(line.group("items")):
            at = text.index(part, pos) if part else pos
            pos = at + len(part)
            item = part.strip().rstrip(".。")
            if not _FIELD_ITEM.fullmatch(item) or any(a < at + len(item) and at < b for a, b in taken):
                continue
            written = item[:1].lower() + item[1:] if item[1:2].islower() else item  # "Semiconductors" at a line's start
            out.append(IndustryMention(at, at + len(item), written, (written,)))
    return out


def find_industries(text: str, lang: str, mentions: list[Mention], gaz=None,
                    sents: list[tuple[int, int]] | None = None) -> list[IndustryMention]:
    """Industry mentions of ``text`` in text order; ``mentions`` (organizations, places) are
    never industries. With ``gaz`` (a :class:`graph.gazetteer.Gazetteer`), known industries
    named without a cue phrase count too, in sentences that speak of fields (``sents``: the
    sentence spans, when already known).

    >>> from graph.gazetteer import Gazetteer
    >>> [i.text for i in find_industries("Both sides see potential in semiconductors and green energy.", "en", [], Gazetteer.load())]
    ['semiconductors', 'green energy']
    """
    found = _en(text, mentions) if lang == "en" else _cjk(text, lang, mentions)
    found += _labelled(text, mentions, found)
    if gaz is not None:
        found += _known(text, lang, mentions, gaz, found, sents)
    return sorted(found, key=lambda i: i.start)
