"""Where places and bodies are (locatedIn) and which body is part of which (partOf)."""
from __future__ import annotations

import re
from bisect import bisect_left

from ..cues import Cues, alternation
from ..models import Relation
from ..recognize import ORG_TYPES, PLACE_TYPES

from .doc import Doc, Unit, _BASED, _country, _inside, _rel, _sentence_of

__all__ = []

# ---------------------------------------------------------------- places and parents

_SUB_CITY = re.compile(r"(?:Township|Town|Village|Ward|District)$|[鎮鄉郷町村區区]$")


def _level(u: Unit) -> float | None:
    """How large a place is: a township 0.5, a city or county 1, a prefecture 2, a region 3,
    a country 4 (None for non-places)."""
    base = {"City": 1, "Prefecture": 2, "Region": 3, "Country": 4}.get(u.type)
    if base == 1 and u.mention is not None and _SUB_CITY.search(u.mention.text):
        return 0.5
    return base


def _qualifier_pairs(doc: Doc) -> list[tuple[Unit, Unit, bool]]:
    """(unit, place, place_first) where the place qualifies the unit next to it: "Hirosaki
    City, Aomori Prefecture", "Fujieda City of Shizuoka Prefecture", "Mito Optical Devices Inc.
    of Hitachinaka City", "青森県弘前市", "雲林縣斗六工業區". A place that heads a list ("Pingtung
    County, Ehime Prefecture and Uwajima City") or lies in another country qualifies nothing."""
    text = doc.text
    units = [u for u in doc.units if u.person is None]
    out = []
    for i, (a, b) in enumerate(zip(units, units[1:])):
        if a.entity == b.entity:
            continue
        gap = text[a.end:b.start]
        la, lb = _level(a), _level(b)
        if doc.lang == "en":
            if lb is None or not re.fullmatch(r",\s*(?:the\s+)?|(?:\s*\([A-Z][A-Za-z&]{1,9}\)|[)）])?\s+(?:of|in)\s+(?:the\s+)?", gap):  # "Park (STSP) in Tainan"
                continue
            if la is not None and la >= lb:
                continue
            if re.match(r"['’]s\b", text[b.end:b.end + 3]):
                continue  # "of Taiwan's Institute": a possessive, not a qualifier
            if la is None and (a.type not in ("Company", "Organization") or "," in gap):
                continue
            nxt = units[i + 2] if i + 2 < len(units) else None
            if nxt is not None and re.fullmatch(r"\s*,?\s*(?:and|&)\s+(?:the\s+)?", text[b.end:nxt.start]) \
                    and _level(nxt) == lb:
                continue  # "A, B and C": a list of parties
            ca, cb = _country(doc, a.entity), _country(doc, b.entity)
            if ca is not None and cb is not None and ca != cb:
                continue
            out.append((a, b, False))
        elif gap == "":
            if la is not None and lb is not None and la > lb and a.type != "Country":
                out.append((b, a, True))  # 青森県弘前市
            elif la is not None and lb is None and b.type == "Organization" and a.type != "Country" \
                    and re.search(r"(?:工業區|園區|園区|工業団地|産業団地|団地)$", b.mention.text if b.mention else ""):
                out.append((b, a, True))  # 雲林縣斗六工業區
    return out


def _places(doc: Doc, cues: Cues, rels: list[Relation]) -> None:
    text = doc.text
    for small, big, first in _qualifier_pairs(doc):
        s = _sentence_of(doc, small.start, (small.start, small.end))
        doc.located.setdefault(small.entity, big.entity)
        doc.qualifiers.add(big.start)
        rels.append(_rel(doc, small.entity, "locatedIn", big.entity, s, 0.85 if big.type in PLACE_TYPES else 0.8))
    units = [u for u in doc.units if u.person is None]
    for a, b in zip(units, units[1:]):
        if a.type == "Country" and b.type == "Region" and re.fullmatch(r",\s*the\s+", text[a.end:b.start]):
            rels.append(_rel(doc, b.entity, "locatedIn", a.entity, (a.start, b.end), 0.7))
        based = _BASED.match(text, a.end) if doc.lang == "en" and a.type in PLACE_TYPES else None
        if based and based.end() == b.start and b.type in ORG_TYPES:  # "Miaoli-based National United University"
            doc.qualifiers.add(a.start)
            rels.append(_rel(doc, b.entity, "locatedIn", a.entity, _sentence_of(doc, a.start, (a.start, b.end)), 0.8))
    _seats(doc, rels)
    heads = alternation(cues.words("locative_heads_ci"), fold_case=True) if doc.lang == "en" else None
    for s, e in doc.sentences:
        sent = text[s:e]
        if doc.lang == "en":
            for m in re.finditer(rf"\b(?:is|was|are)\s+(?:a|an|the)\s+(?:[\w-]+\s+){{0,4}}?(?:{heads})\s+(?:located\s+|based\s+)?in\s+", sent, re.I):
                subj = [u for u in doc.units_in(s, s + m.start()) if u.person is None and u.type in ORG_TYPES]
                place = doc.unit_at(s + m.end())
                if subj and place is not None and place.type in PLACE_TYPES:
                    rels.append(_rel(doc, subj[-1].entity, "locatedIn", place.entity, (s, e), 0.8))
        else:
            for m in re.finditer(r"(?:為|是|位於|位在|は)", sent):
                left = [u for u in doc.units_in(s, s + m.start()) if u.end == s + m.start() and u.type == "City"]
                right = doc.unit_at(s + m.end())
                tail = sent[m.end():m.end() + 30]
                if left and right is not None and right.type in ("Prefecture", "Country") and re.search(r"縣治|県庁所在地|首府|首都|縣政府所在地|的", tail[:20]):
                    rels.append(_rel(doc, left[0].entity, "locatedIn", right.entity, (s, e), 0.8))


_EN_SEAT = re.compile(r"\b(?:headquartered|based|located|seated)\s+in\s+(?:the\s+)?")
_EN_APPOS_SEAT = re.compile(r",\s+(?:a|an)\s+(?:[\w-]+\s+){0,4}?(?:maker|company|firm|producer|manufacturer|supplier|"
                            r"builder|retailer|group)\s+(?:in|from|based\s+in)\s+(?:the\s+)?")
_CJK_SEAT = re.compile(r"(?:本社|本店|總部|总部|本部|總公司)\s*(?:・|：|:|は|位於|位于|設於|设于|設在|在|所在地は)\s*")
_CJK_OF = re.compile(r"[的の](?:[^、，。「」]{0,14}?(?:メーカー|大手|大廠|企業|会社|公司|廠商|業者)(?:である)?[、，]?)?")


def _seats(doc: Doc, rels: list[Relation]) -> None:
    """Where companies sit: "X, a maker headquartered in Ueda City", "Taichung-based X",
    "X, a Taichung-based builder", "X（本社・山形県米沢市）", "X總部位於大阪府堺市", "富山縣的X"."""
    text = doc.text

    def company_before(pos: int, s: int) -> Unit | None:
        cands = [u for u in doc.units_in(s, pos) if u.person is None and u.type == "Company"]
        return cands[-1] if cands else None

    def add(company: Unit | None, place: Unit | None, span) -> None:
        if company is not None and place is not None and place.type in ("City", "Prefecture", "Region") \
                and company.entity != place.entity:
            doc.located.setdefault(company.entity, place.entity)
            rels.append(_rel(doc, company.entity, "locatedIn", place.entity, span, 0.75))

    for s, e in doc.sentences:
        if doc.lang == "en":
            for m in _EN_APPOS_SEAT.finditer(text, s, e):
                add(company_before(m.start(), s), doc.unit_at(m.end()), (s, e))
            for m in _EN_SEAT.finditer(text, s, e):
                place = doc.unit_at(m.end())
                add(company_before(m.start(), s), place, (s, e))
            for m in re.finditer(r"-(?:based|headquartered)\b", text[s:e]):
                place = next((u for u in doc.units_in(s, s + m.start()) if u.end == s + m.start()), None)
                if place is None:
                    continue
                appos = re.search(r",\s+(?:a|an|the)\s+$", text[s:place.start])
                if appos:
                    add(company_before(s + appos.start(), s), place, (s, e))
                else:
                    nxt = [u for u in doc.units_in(s + m.end(), min(e, s + m.end() + 80)) if u.type == "Company"]
                    add(nxt[0] if nxt else None, place, (s, e))
        else:
            for m in _CJK_SEAT.finditer(text, s, e):
                run = []
                pos = m.end()
                while (u := doc.unit_at(pos)) is not None and u.type in PLACE_TYPES:
                    run.append(u)
                    pos = u.end
                if run:
                    # "總部位於日本富山縣高岡市的電池材料廠北越電材株式會社": the firm named after, if no firm before
                    after = [u for u in doc.units_in(run[-1].end, min(e, run[-1].end + 30)) if u.person is None] \
                        if text[run[-1].end:run[-1].end + 1] == "的" else []
                    firm = company_before(m.start(), s) or (after[0] if after and after[0].type == "Company" else None)
                    add(firm, run[-1], (s, e))
            for u in doc.units_in(s, e):
                if u.person is not None or u.type not in ("City", "Prefecture"):
                    continue
                m = _CJK_OF.match(text, u.end)
                if m:
                    c = doc.unit_at(m.end())
                    if c is not None and c.type == "Company" and c.person is None:
                        add(c, u, (s, e))


def _parents(doc: Doc, rels: list[Relation], compound: list[tuple[str, str, tuple[int, int]]]) -> None:
    text = doc.text
    seen = set()

    def add(a: str, b: str, span) -> None:
        if a != b and (a, b) not in seen:
            seen.add((a, b))
            doc.part_of.setdefault(a, b)
            rels.append(_rel(doc, a, "partOf", b, span, 0.8))

    for a, b, span in compound:
        s = _sentence_of(doc, span[0], span)
        add(a, b, s)
    units = doc.org_units or [u for u in doc.units if u.person is None and u.type in ORG_TYPES]
    org_at = {u.start: u for u in units}
    ustarts = [u.start for u in units]
    for s, e in doc.sentences:
        sent_units = [u for u in units[bisect_left(ustarts, s):bisect_left(ustarts, e)] if u.end <= e]
        for i, u in enumerate(sent_units):
            after = text[u.end:u.end + 16]
            m = re.match(r"\s*(?:\([A-Za-z]+\))?\s+of\s+(?:the\s+)?(?:(?:Japan|Taiwan|China|Korea)['’]s\s+)?", text[u.end:u.end + 30])
            if m and doc.lang == "en":
                plain = re.match(r"\s*(?:\([A-Za-z]+\))?\s+of\s+(?:the\s+)?", text[u.end:u.end + 30])
                # ("of Taiwan's Ministry of Economic Affairs": a name that holds its country's)
                big = org_at.get(u.end + m.end()) or org_at.get(u.end + plain.end())
                if big is not None and big.type in ORG_TYPES:
                    # "the IDB (IDB), the DOIS (DOIS) and the DoIT of the MOEA": the whole list
                    members = [u]
                    for prev in reversed(sent_units[:i]):
                        between = text[prev.end:members[0].start]
                        if re.fullmatch(r"\s*(?:\([A-Za-z]+\))?\s*(?:,\s*|\s+and\s+|,\s*and\s+)(?:the\s+)?", between):
                            members.insert(0, prev)
                        else:
                            break
                    for x in members:
                        add(x.entity, big.entity, (s, e))
            m = re.match(r"\s+and\s+its\s+", after)
            if m and doc.lang == "en":
                small = org_at.get(u.end + m.end())
                if small is not None and small.type in ORG_TYPES:
                    add(small.entity, u.entity, (s, e))
            spaced = _CJK_SPACE.match(text, u.end) if doc.lang != "en" and u.type in ORG_TYPES else None
            section = org_at.get(spaced.end()) if spaced else None
            if section is not None and section.mention is not None and _CJK_SECTION.search(section.mention.text) \
                    and not _CJK_SECTION.search(u.mention.text if u.mention else ""):
                add(section.entity, u.entity, (s, e))  # "埼玉県産業労働部　国際ビジネス課": the department's section
            acr = _CJK_ACRONYM_BRACKET.match(text, u.end) if doc.lang != "en" else None
            unit = org_at.get(acr.end()) if acr else None
            if unit is not None and unit.mention is not None and _CJK_SUB_BODY.search(unit.mention.text):
                add(unit.entity, u.entity, (s, e))  # "日本貿易振興機構（JETRO）秋田貿易資訊中心": its office
            # "the Industry and Labor Department, Niigata Prefectural Government", "the Industrial
            # Development Administration (IDA), Ministry of Economic Affairs": the body it is part of
            comma = re.match(r"\s*(?:\([A-Za-z]+\))?\s*,\s*", text[u.end:u.end + 20]) if doc.lang == "en" else None
            nxt = doc.unit_at(u.end + comma.end()) if comma else None
            if nxt is not None and nxt.person is None and (nxt.type in ORG_TYPES or nxt.type in ("Prefecture", "City")) \
                    and _SUB_BODY.search(u.mention.text if u.mention else ""):
                more = re.match(r"\s*(?:\([A-Za-z]+\))?\s*(?:,\s*)?and\s+(?:the\s+)?", text[nxt.end:nxt.end + 20])
                listed = doc.unit_at(nxt.end + more.end()) if more else None
                if listed is None or listed.person is not None:  # not "the X Division, the Y Bureau and the Z Office"
                    add(u.entity, nxt.entity, (s, e))


# ---------------------------------------------------------------- more places and parents
# Where a place lies and whose part a body is, in shapes the rules above do not read:
# a country before a place ("日本福井縣", "台湾・台北市", "台湾の屏東県"); "X位於日本山陰地區",
# "位於新竹市的X", "XはYに位置する"; "X, located in the Chubu region of Japan", "X, an industrial
# port city in Y"; "A轄下的B", "Aの下に置かれたB", "B, which operates under A"; "the Y Bureau of
# Z City", "Z City Government's Y Bureau".

_IN_THE_PREFECTURE = re.compile(r"(?:県内|縣內|県下|縣下)(?:では|には|で|の|に|的)?")
_CJK_LIES = re.compile(r"位於|位于|位在|地處|地处|坐落於|座落於")
_JA_LIES = re.compile(r"に位置|にある")
_EN_LIES = re.compile(r"\s*,?\s+(?:which\s+is\s+|that\s+is\s+|is\s+|was\s+)?(?:located|situated|lying|nestled)\s+in\s+(?:the\s+)?")
_EN_BOTH_IN = re.compile(r",\s+(?:both|all|each)\s+(?:located\s+|situated\s+)?in\s+(?:the\s+)?")
_EN_PLACE_APPOS = re.compile(r",\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,4}?(?:city|town|village|port|county|prefecture|region|"
                             r"municipality|township|district|island|capital|hub)\s+(?:in|of|on)\s+(?:the\s+)?", re.I)
# "AのB", "A的B", "Aの地方支分部局であるB": a ministry's, an office's or a body's unit
_CJK_OF_KIND = re.compile(r"[の的]|の[^、。，,「」（）()]{1,12}?である")
_CJK_PARENT = re.compile(r"(?:省|部|代表処|代表處|機構|協会|協會|公会|公會|大学|大學|銀行)$")
_CJK_UNIT = re.compile(r"(?:局|分処|分處|事務所|辦事處|支部|支店|分行|センター|中心|本部)$")
_CJK_UNDER = re.compile(r"(?:轄下|辖下|所屬|所属|旗下|下轄|下辖|の下に置かれた|の下に置かれている|の下にある|傘下の|所管の|直属の|直轄の)(?:的)?")
_CJK_BELONGS = re.compile(r"(?:隸屬於|隶属于|隸屬|隶属|直屬於|直属於)")
_EN_UNDER = re.compile(r"\s*(?:\([A-Za-z]+\))?\s*,?\s+(?:which\s+|that\s+)?(?:operates|operating|works|working|functions|sits|"
                       r"is\s+based|is\s+housed|falls|is|was)\s+under\s+(?:the\s+)?(?:auspices\s+of\s+(?:the\s+)?)?")
_CJK_SPACE = re.compile(r"[ \u3000]+")
_CJK_SECTION = re.compile(r"(?:課|室|係|班|科)$")
_CJK_ACRONYM_BRACKET = re.compile(r"[（(][A-Za-z]{2,10}[）)]")
_CJK_SUB_BODY = re.compile(r"(?:中心|辦事處|辦公室|事務所|分署|分處|分局|支部|支店|分行|センター|事務局|本部)$")
_SUB_BODY = re.compile(r"(?:Bureau|Department|Dept\.|Division|Office|Section|Center|Centre|Branch|Agency|Administration)$")


def _place_run(doc: Doc, pos: int, limit: int) -> list[Unit]:
    """The places written one after another from ``pos`` ("日本山陰地區", "宮城縣仙台市")."""
    run: list[Unit] = []
    while pos < limit and (u := doc.unit_at(pos)) is not None and u.person is None and u.type in PLACE_TYPES:
        run.append(u)
        pos = u.end
        if doc.lang == "en":
            m = re.match(r"\s+of\s+(?:the\s+)?", doc.text[pos:pos + 10])
            if m and doc.unit_at(pos + m.end()) is not None:
                pos += m.end()  # "the Chubu region of Japan"
    return run


def _lies_in(doc: Doc, small: Unit, run: list[Unit], span, conf: float, rels: list[Relation]) -> None:
    """``small`` lies in the last (most specific) place of ``run``; each place of the run in
    the one before it (largest first in Chinese and Japanese, last in English)."""
    if not run or small.entity == run[-1].entity:
        return
    ordered = run if doc.lang != "en" else list(reversed(run))
    inner = ordered[-1]
    ls, li = _level(small), _level(inner)
    if ls is not None and li is not None and ls >= li:
        return
    rels.append(_rel(doc, small.entity, "locatedIn", inner.entity, span, conf))
    doc.located.setdefault(small.entity, inner.entity)
    for big, part in zip(ordered, ordered[1:]):
        lb, lp = _level(big), _level(part)
        if lb is not None and lp is not None and lb > lp:
            rels.append(_rel(doc, part.entity, "locatedIn", big.entity, span, conf))


def _more_places(doc: Doc, rels: list[Relation]) -> None:
    text = doc.text
    units = [u for u in doc.units if u.person is None]
    cjk = doc.lang != "en"
    for a, b in zip(units, units[1:]):
        # "日本福井縣", "台湾・台北市", "台湾の屏東県": the place is in that country
        if cjk and a.type == "Country" and b.type in ("Prefecture", "City", "Region") and text[a.end:b.start] in ("", "・", "の", "･"):
            cb = _country(doc, b.entity)
            if cb is None or cb == a.entity:
                rels.append(_rel(doc, b.entity, "locatedIn", a.entity, _sentence_of(doc, a.start, (a.start, b.end)), 0.8))
        # "北陸地區福井縣": a region before its prefecture
        if cjk and a.type == "Region" and b.type in ("Prefecture", "City") and text[a.end:b.start] in ("", "の", "・"):
            rels.append(_rel(doc, b.entity, "locatedIn", a.entity, _sentence_of(doc, a.start, (a.start, b.end)), 0.75))
        # "米子市（鳥取県）", "Ube City (Yamaguchi Prefecture)": a city, its prefecture or county in brackets
        if a.type == "City" and b.type == "Prefecture" and text[a.end:b.start].strip() in ("（", "(") \
                and text[b.end:b.end + 1] in ("）", ")"):
            rels.append(_rel(doc, a.entity, "locatedIn", b.entity, _sentence_of(doc, a.start, (a.start, b.end)), 0.8))
    home = doc.implied.get("Prefecture")
    for s, e in doc.sentences:
        if cjk and home is not None:
            for m in _IN_THE_PREFECTURE.finditer(text, s, e):  # "県内では鯖江市の…": in the prefecture the text is about
                u = doc.unit_at(m.end())
                if u is not None and u.person is None and u.type == "City" and u.entity != home:
                    rels.append(_rel(doc, u.entity, "locatedIn", home, (s, e), 0.7))
        if cjk:
            for m in _CJK_LIES.finditer(text, s, e):
                run = _place_run(doc, m.end(), e)
                if not run:
                    continue
                left = next((u for u in reversed(doc.units_in(s, m.start())) if u.end == m.start() and u.person is None), None)
                if left is not None:
                    _lies_in(doc, left, run, (s, e), 0.8, rels)  # "鳥取縣位於日本山陰地區"
                elif text.startswith("的", run[-1].end):
                    x = doc.unit_at(run[-1].end + 1)  # "位於仙台市的東北大學"
                    if x is not None and x.person is None:
                        _lies_in(doc, x, run, (s, e), 0.8, rels)
            for m in _JA_LIES.finditer(text, s, e):
                run = []
                pos = m.start()
                while (u := next((v for v in reversed(doc.units_in(s, pos)) if v.end == pos), None)) is not None \
                        and u.person is None and u.type in PLACE_TYPES:
                    run.insert(0, u)
                    pos = u.start
                if not run:
                    continue
                x = doc.unit_at(m.end() + re.match(r"(?:する|している|した)?", text[m.end():]).end())
                topic = re.search(r"[はが]\s*$", text[max(s, pos - 2):pos])
                if x is not None and x.person is None:
                    _lies_in(doc, x, run, (s, e), 0.75, rels)  # "中国地方に位置する岡山県", "屏東県にある園区"
                elif topic and m.group() == "に位置":
                    left = next((u for u in reversed(doc.units_in(s, pos - len(topic.group()))) if u.person is None), None)
                    if left is not None and left.end >= pos - len(topic.group()) - 1:
                        _lies_in(doc, left, run, (s, e), 0.75, rels)  # "岡山県は中国地方に位置し"
        else:
            for u in doc.units_in(s, e):
                if u.person is not None:
                    continue
                m = _EN_LIES.match(text, u.end) or (_EN_PLACE_APPOS.match(text, u.end) if u.type in PLACE_TYPES else None)
                if m:
                    run = _place_run(doc, m.end(), e)
                    _lies_in(doc, u, run, (s, e), 0.8, rels)  # "X, located in the Chubu region of Japan"
                both = _EN_BOTH_IN.match(text, u.end) if u.type in ("City", "Region") else None
                if both:  # "Tsubame City and Sanjo City, both in Niigata Prefecture": each of them
                    run = _place_run(doc, both.end(), e)
                    listed = [u]
                    for x in reversed(doc.units_in(s, u.start)):
                        if x.person is not None or not re.fullmatch(r"\s*(?:,\s*(?:and\s+)?|and\s+)(?:the\s+)?",
                                                                    text[x.end:listed[-1].start]):
                            break
                        listed.append(x)
                    for x in listed:
                        if x.type in ("City", "Region"):
                            _lies_in(doc, x, run, (s, e), 0.75, rels)


def _more_parents(doc: Doc, rels: list[Relation]) -> None:
    text = doc.text
    cjk = doc.lang != "en"

    def add(a: Unit, b: Unit, span) -> None:
        if a.entity != b.entity and a.type in ORG_TYPES and b.person is None and b.type in ORG_TYPES | {"City", "Prefecture"}:
            doc.part_of.setdefault(a.entity, b.entity)
            rels.append(_rel(doc, a.entity, "partOf", b.entity, span, 0.8))

    org_starts = [u.start for u in doc.org_units]  # (the bodies inside people's names too, in text order)
    for s, e in doc.sentences:
        if cjk:
            for m in _CJK_UNDER.finditer(text, s, e):  # "經濟部產業發展署轄下的台日產業合作推動辦公室"
                big = next((u for u in reversed(doc.units_in(s, m.start())) if u.end == m.start()), None)
                small = doc.unit_at(m.end())
                if big is not None and small is not None and small.person is None:
                    add(small, big, (s, e))
            units = _inside(doc.org_units, org_starts, s, e) if doc.org_units \
                else [u for u in doc.units_in(s, e) if u.person is None]
            for big, small in zip(units, units[1:]):  # "経済産業省の東北経済産業局", "代表処の札幌分処": its unit
                gap = text[big.end:small.start]
                if big.type in ORG_TYPES and small.mention is not None and _CJK_UNIT.search(small.mention.text) \
                        and big.mention is not None and _CJK_PARENT.search(big.mention.text) \
                        and small.entity not in doc.part_of and _CJK_OF_KIND.fullmatch(gap):
                    add(small, big, (s, e))
            for m in _CJK_BELONGS.finditer(text, s, e):  # "TJPO隸屬於經濟部"
                small = next((u for u in reversed(doc.units_in(s, m.start())) if u.end == m.start()), None)
                big = doc.unit_at(m.end())
                if big is not None and small is not None and small.person is None:
                    add(small, big, (s, e))
        else:
            for u in doc.units_in(s, e):
                if u.person is not None:
                    continue
                m = _EN_UNDER.match(text, u.end)  # "TJPO, which operates under the IDA"
                if m:
                    big = doc.unit_at(m.end())
                    if big is not None:
                        add(u, big, (s, e))
                poss = re.match(r"['’]s\s+(?:own\s+)?", text[u.end:u.end + 8]) or \
                    (re.match(r"['’]\s+", text[u.end:u.end + 3]) if text[u.end - 1:u.end] == "s" else None)  # ("Affairs' X")
                if poss and u.type in ORG_TYPES | {"City", "Prefecture"}:
                    small = doc.unit_at(u.end + poss.end())  # "Kaohsiung City Government's Economic Development Bureau"
                    if small is not None and small.type == "Agency" and small.mention is not None and _SUB_BODY.search(small.mention.text):
                        add(small, u, (s, e))
                of = re.match(r"\s+of\s+(?:the\s+)?", text[u.end:u.end + 10])
                if of and u.type == "Agency" and u.mention is not None and _SUB_BODY.search(u.mention.text):
                    big = doc.unit_at(u.end + of.end())  # "the Port and Harbor Bureau of Kitakyushu City"
                    if big is not None and big.type in ("City", "Prefecture") and not re.match(r"['’]s\b", text[big.end:big.end + 3]):
                        add(u, big, (s, e))
