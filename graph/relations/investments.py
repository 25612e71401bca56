"""Investments and their facilitation, stakes in joint ventures and subsidiaries, and where a
company sits."""
from __future__ import annotations

import re

from ..cues import Cues
from ..models import Relation
from ..recognize import _DEFINED_SELF, ORG_TYPES, PLACE_TYPES

from .doc import (
    Doc, Unit, _best_date, _chain, _chain_back, _each_once, _first_company, _hit_sentences, _rel, _sentence_dates,
    _type_of,
)
from .places import _level

__all__ = []

# ---------------------------------------------------------------- investments

_INVEST_WORD = re.compile(r"\binvest")
_EN_ACQUIRE = re.compile(r"\b(?:acquire|acquires|acquired|acquiring|acquisition\s+of|buy|buys|bought|purchase|purchases|purchased|take|takes|took|"
                         r"(?:pay|pays|paid|paying)\s+(?:[^.;]|\.(?=\d)){1,60}?\s+for)\s+"  # "pay 4.8 billion yen for a 60 percent stake"
                         r"(?:an?\s+)?(?:\d+(?:\.\d+)?\s?(?:%|percent|per\s+cent)\s+|minority\s+|majority\s+|controlling\s+)?"
                         r"(?:equity\s+)?(?=stake|shares|interest)")
_EN_APPOSITION = re.compile(r",\s+(?:a|an|the|which|who)\b[^,;]{0,120},|\s*,?\s*(?:said|says|announced|announces|stated)\b"
                            r"[^.;,]{0,30}?\bthat\s+it\b|\s+\([^()]{1,12}\)")
_MONEY = re.compile(r"(?:US\$|NT\$|JP¥|¥|\$|USD\s?|NTD\s?|JPY\s?)\s?\d[\d,.]*\s*(?:billion|million|thousand|bn|m)?"
                    r"|\d[\d,.]*\s*(?:billion|million|thousand)?\s*(?:yen|Japanese yen|NT dollars|US dollars|dollars)\b"
                    r"|\d[\d,.]*\s*(?:億|萬|万|千萬)\s*(?:日圓|日元|円|元|美元|新台幣|台幣)")
_STAKE = re.compile(r"(?:an?\s+)?(?:equity\s+)?stake\s+of\s+(?:more than\s+|less than\s+|about\s+)?\d+(?:\.\d+)?\s?(?:%|percent)"
                    r"|(?:minority|majority|controlling|\d+(?:\.\d+)?\s?(?:%|percent|per\s+cent))\s+(?:equity\s+)?stake")


def _investments(doc: Doc, cues: Cues, rels: list[Relation]) -> None:
    text = doc.text
    en = doc.lang == "en"
    fac = cues.rx("facilitation_cues_ci" if en else "facilitation_cues", bounded=en)
    inv = cues.rx("invest_verbs_ci" if en else "invest_verbs", bounded=en)
    if en:
        low = doc.lower
        hits = _hit_sentences(doc, cues.lower_rx("invest_verbs_ci"), cues.lower_rx("facilitation_cues_ci"),
                              _EN_ACQUIRE, _INVEST_WORD, _EN_BUILD_SITE_LOW, text=low)
    else:
        hits = _hit_sentences(doc, inv, fac, _CJK_BUILD_SITE)
    for i, (s, e) in enumerate(doc.sentences):
        if i not in hits:
            continue  # nothing about an investment here
        sent = text[s:e]
        money = _MONEY.search(sent)
        stake = _STAKE.search(sent) if en else None
        quals = []
        if money:
            quals.append(("amount", money.group().strip()))
        if stake:
            quals.append(("stake", stake.group().strip()))
        if en:
            f = re.search(rf"(?:{fac.pattern})\s+(?:the\s+|an\s+)?investments?\s+(?:in\s+(?:the\s+)?)?", sent, re.I)
            helped = re.search(rf"(?:{fac.pattern})\s+", sent, re.I) if not f else None
            if helped:
                comps = _chain(doc, s + helped.end(), e)
                the_co = re.match(r"(?:the|this)\s+(?:company|firm|maker|group|(?P<unit>subsidiary|unit))\b", text[s + helped.end():e])
                last = next((r for r in reversed(rels) if r.predicate == "investedIn"), None)
                last_inv = last.subject if last is not None else None
                if the_co and the_co.group("unit") and last is not None and _type_of(doc, last.object) == "Company":
                    last_inv = last.object  # "helped the subsidiary lease a plot": the firm invested in
                if not comps and the_co and last_inv is not None:  # "helped the company find a site"
                    comps = [Unit(s + helped.end(), s + helped.end() + the_co.end(), last_inv, "Company")]
                appos = re.match(r",\s+(?:a|an|the)\b[^,;]{0,100},", text[comps[-1].end:e]) if comps else None
                skip = appos.end() if appos else 0  # "helped X Co., a lens maker based in Y, open a line in Z"
                rest = text[comps[-1].end + skip:e] if comps else ""
                inv_in = re.match(r"\s+(?:to\s+)?(?:invest|set up|build|establish|open)\w*\s+(?:[\w-]+\s+){0,3}?in\s+(?:the\s+)?", rest)
                subj = [u for u in doc.units_in(s, s + helped.start()) if u.person is None and u.type in ORG_TYPES | {"Prefecture", "City"}
                        and u.start not in doc.qualifiers]
                if not subj and re.search(r"\b(?:it|the\s+(?:office|agency|bureau|association|organization))\s+(?:also\s+)?$", text[s:s + helped.start()], re.I) and i > 0:
                    ps, pe = doc.sentences[i - 1]  # "Among other cases, it helped X ...": the body the text spoke of
                    subj = [u for u in doc.units_in(ps, pe) if u.person is None and u.type in ("Agency", "Organization")][:1]
                while len(subj) >= 2 and re.fullmatch(r"\s+of\s+(?:the\s+)?", text[subj[-2].end:subj[-1].start]):
                    subj = subj[:-1]  # "the Department of X of the Ministry of Y, which helped": the department
                if comps and not inv_in and subj and all(c.type == "Company" for c in comps) and re.match(
                        r"\s+(?:to\s+)?(?:find|obtain|secure|get|acquire|arrange|complete|apply|locate|select|choose|pick|lease|rent|buy)\b"
                        r"|\s+with\s+(?:the\s+|its\s+)?(?:land|sites?|permits?|licen[cs]es?|utilit|water|power|hiring|recruit|"
                        r"financ|subsid|approvals?|applications?)", rest):  # ("helped X with land and permits")
                    helpers = [subj[-1]]  # "The Fukuoka Prefectural Government and Kurume City helped": each
                    while len(subj) > len(helpers) and re.fullmatch(r"\s*(?:,|and|,\s*and)\s+(?:the\s+)?",
                                                                     text[subj[-len(helpers) - 1].end:helpers[0].start]):
                        helpers.insert(0, subj[-len(helpers) - 1])
                    for c in comps:
                        for h in helpers:
                            rels.append(_rel(doc, h.entity, "facilitatedInvestment", c.entity, (s, e), 0.7))
                    continue
                if comps and inv_in and subj and all(c.type == "Company" for c in comps):
                    target = doc.unit_at(comps[-1].end + skip + inv_in.end())
                    for c in comps:
                        rels.append(_rel(doc, subj[-1].entity, "facilitatedInvestment", c.entity, (s, e), 0.75))
                        if target is not None and target.type in PLACE_TYPES | {"Company"}:
                            rels.append(_rel(doc, c.entity, "investedIn", target.entity, (s, e), 0.75, quals=tuple(quals)))
                    continue
            if f:
                subj = [u for u in doc.units_in(s, s + f.start()) if u.person is None and u.type in ORG_TYPES]
                target = doc.unit_at(s + f.end())
                by = re.search(r"\s+by\s+", sent[f.end():])
                companies = _chain(doc, s + f.end() + by.end(), e) if by else []
                for c in companies:
                    if subj:
                        rels.append(_rel(doc, subj[-1].entity, "facilitatedInvestment", c.entity, (s, e), 0.8))
                    if target is not None and target.type in PLACE_TYPES:
                        rels.append(_rel(doc, c.entity, "investedIn", target.entity, (s, e), 0.8, quals=tuple(quals)))
                continue
            passive = re.search(r"\binvestments?(?:\s+(?:application|plan|project|case|procedure)s?)?\s+(?:was|were|has\s+been|had\s+been|is|are)\s+(?:also\s+)?"
                                r"(?:facilitated|supported|assisted|promoted|helped|arranged|brokered)\s+by\s+(?:the\s+)?", sent, re.I)
            if passive:
                helper = doc.unit_at(s + passive.end())
                last = next((r for r in reversed(rels) if r.predicate == "investedIn"), None)
                helpers = ORG_TYPES | {"Prefecture", "City"}  # "supported by the Aichi Prefectural Government"
                if helper is not None and helper.person is None and helper.type in helpers and last is not None:
                    rels.append(_rel(doc, helper.entity, "facilitatedInvestment", last.subject, (s, e), 0.75))
                    for more in re.finditer(r"\s(?:and|as well as)\s+(?:also\s+)?by\s+(?:the\s+)?", text[helper.end:e]):
                        other = doc.unit_at(helper.end + more.end())  # "supported by X of Y and by Z"
                        if other is not None and other.person is None and other.type in helpers:
                            rels.append(_rel(doc, other.entity, "facilitatedInvestment", last.subject, (s, e), 0.75))
            found = len(rels)
            carried = None
            for v in list(inv.finditer(sent)) + list(_EN_ACQUIRE.finditer(sent)) + list(_EN_BUILD_SITE.finditer(sent)):
                vs = s + v.start()
                comps = [u for u in doc.units_in(s, vs) if u.type == "Company" and u.person is None]
                said = None
                if not comps:
                    said = re.search(r"\b(?:said|says|announced|stated)\s+(?:that\s+)?(?:the\s+company|the\s+firm|it)\b", text[s:vs])
                    speaker = _speaker_company(doc, s, s + said.start()) if said else None
                    comps = [speaker] if speaker is not None else []
                if not comps:
                    continue
                investor = comps[-1]
                gap = _EN_RESOLVED.sub(" ", _EN_APPOSITION.sub("", text[s + said.end() if said else investor.end:vs]))
                if carried is not None:
                    investor, gap = carried, ""  # the clause after "and to": the same firm invests
                if len(gap) > 60 or re.search(r";|\.(?!\d)", gap):  # (not the point of "JPY 2.5 billion")
                    continue
                clause = re.split(r"[.;](?!\d)", sent[v.end():v.end() + 200])[0]  # "NT$4.2 billion" goes on
                target = None
                # "in Kumamoto", "in its consolidated subsidiary TOK Taiwan"
                into = r"in|into|for" if re.search(r"capital|increase|injection", v.group(), re.I) else r"in|into"
                for t in re.finditer(rf"\b(?:{into})\s+(?:the\s+|its\s+|their\s+)?(?:(?:[\w-]+\s+){{0,2}}"
                                     r"(?:subsidiary|unit|affiliate|arm|venture)\s+)?", clause):  # ("a capital increase for X")
                    u = doc.unit_at(s + v.end() + t.end())
                    owned = doc.unit_at(u.end + 3) if u is not None and text.startswith(("'s ", "’s "), u.end) else None
                    u = owned or u  # "a stake in Taiwan's Formosa Wind": the firm
                    if u is not None and u.person is None and u.entity != investor.entity and \
                            (u.type in PLACE_TYPES or u.type == "Company" or _is_park(u)):
                        target = u
                        break
                if target is None:
                    continue
                when = _best_date(_sentence_dates(doc, s, e))
                # "Sony Semiconductor Solutions and Denso will take stakes in X": every company of the subject
                investors = [u for u in _chain_back(doc, vs, s) if u.type == "Company" and u.person is None]
                site = _en_site(doc, s + v.end() + (target.end - (s + v.end())), s + v.end() + len(clause), target)
                unit_in = _EN_UNIT_IN.match(text, target.end) if target.type == "Company" else None
                where = doc.unit_at(unit_in.end()) if unit_in else None
                if where is not None and where.person is None and where.type in ("City", "Prefecture"):
                    rels.append(_rel(doc, target.entity, "locatedIn", where.entity, (s, e), 0.75))
                    # ("X Co., Ltd., its wholly owned subsidiary in Kurume City")
                for who in investors if investor in investors else [investor]:
                    rels.append(_rel(doc, who.entity, "investedIn", target.entity, (s, e), 0.8, quals=tuple(quals),
                                     when=when))
                    if site is not None and site.entity != who.entity:
                        rels.append(_rel(doc, who.entity, "investedIn", site.entity, (s, e), 0.75, quals=tuple(quals), when=when))
                if not re.search(r"\s(?:and|as\s+well\s+as)\s+(?:to|will)\s+\w", text[s + v.end():e]):
                    break
                carried = investor  # "a capital increase in X and to build a new plant in Y": the next clause invests too
            helper = _EN_WITH_HELP.search(sent)
            if helper:  # "With the help of TJPO, Yaskawa set up a plant in Taoyuan"
                body = doc.unit_at(s + helper.end())
                if body is not None and body.person is None and body.type in ORG_TYPES | {"Prefecture", "City"}:
                    firms = {r.subject for r in rels[found:] if r.predicate == "investedIn"}
                    last = next((r.subject for r in reversed(rels) if r.predicate == "investedIn"), None)
                    if not firms and last is not None and _SITE_WORDS.search(sent):
                        firms = {last}  # "The plant site was secured with the assistance of X": the firm told of
                    for r in firms - {body.entity}:
                        rels.append(_rel(doc, body.entity, "facilitatedInvestment", r, (s, e), 0.7))
        else:
            _cjk_investments(doc, cues, s, e, quals, rels)


# "set up a robot plant in", "opened its first overseas factory in": a company investing in a place
# "(…) announces that its Board of Directors resolved today to carry out": the firm decides, the firm invests
_EN_UNIT_IN = re.compile(r",\s+(?:its|a|the)\s+(?:[\w-]+\s+){0,3}?(?:subsidiary|unit|affiliate|arm|plant|factory)\s+(?:in|based\s+in)\s+(?:the\s+)?")
_EN_RESOLVED = re.compile(r"\s*(?:[)）][\"”]?\s*)?(?:announce[sd]?|said|says|stated)(?:\s+today|\s+on\s+[A-Z][a-z]+(?:\s+\d{1,2})?)?\s+(?:that\s+)?(?:its\s+)?(?:board(?:\s+of\s+directors)?\s+)?"
                          r"(?:has\s+|had\s+)?(?:resolved|decided|approved|agreed)(?:\s+(?:today|on\s+[A-Z][a-z]+\s+\d{1,2}))?"
                          r"(?:\s+to\s+(?:carry\s+out|make|conduct|implement|undertake))?\s+(?:an?\s+|the\s+)?", re.I)
_EN_BUILD_SITE = re.compile(r"\b(?:build|builds|built|building|set(?:s|ting)?\s+up|establish(?:es|ed|ing)?|open(?:s|ed|ing)?|"
                            r"construct(?:s|ed|ing)?)\s+(?:an?\s+|the\s+|its\s+|their\s+)?(?:[\w-]+\s+){0,3}?"
                            r"(?:plants?|factory|factories|fabs?|facility|facilities|subsidiary|subsidiaries|production\s+base|"
                            r"R&D\s+(?:center|centre|base)|(?:research|development|design)\s+(?:center|centre)|production\s+lines?)\b", re.I)
_SITE_WORDS = re.compile(r"\b(?:site|plant|factory|fab|investment|land|permits?)\b", re.I)
_EN_BUILD_SITE_LOW = re.compile(_EN_BUILD_SITE.pattern.replace("R&D", "r&d"))  # for the lower-cased copy, faster
_EN_WITH_HELP = re.compile(r"\b(?:with\s+(?:the\s+)?(?:help|support|assistance|backing)\s+(?:of|from)|"
                           r"(?:helped|supported|assisted)\s+by)\s+(?:the\s+)?", re.I)
_EN_BUILD_IN = re.compile(r"\b(?:to\s+)?(?:build|set\s+up|establish|open|construct|expand|locate)\w*\s+(?:[\w-]+\s+){0,4}?(?:in|at)\s+(?:the\s+)?")


def _en_site(doc: Doc, pos: int, end: int, target: Unit) -> Unit | None:
    """The site an English investment clause names after its first target, when more specific:
    "invest NT$4 billion in Taiwan to build a plant in the Southern Taiwan Science Park"
    (a park or a smaller place than the target)."""
    m = _EN_BUILD_IN.search(doc.text, pos, end)
    if m is None:
        return None
    u = doc.unit_at(m.end())
    if u is None or u.person is not None or u.entity == target.entity:
        return None
    lu, lt = _level(u), _level(target)
    if (lu is not None and lt is not None and lu < lt) or (u.type == "Organization" and re.search(r"Park|Estate|Zone", u.mention.text if u.mention else "")):
        return u
    return None


def _speaker_company(doc: Doc, s: int, pos: int) -> Unit | None:
    """The company of the person who speaks before ``pos`` in a sentence ("河合董事長表示，將在台南
    投資設廠", "林社長は、台湾に新工場を建設する", "Chairman Lin said the company will invest in
    Kumamoto"): a unit standing for the company at the person's place."""
    people = [u for u in doc.units_in(s, pos) if u.person is not None]
    if not people:
        return None
    u = people[-1]
    org = next((o for _, o in doc.posts.get(u.entity, []) if o and _type_of(doc, o) == "Company"), None)
    return Unit(u.start, u.end, org, "Company") if org else None


def _is_park(u: Unit) -> bool:
    """Whether a unit is an industrial park or science park ("斗六工業區", "熊本テクノ団地")."""
    return u.person is None and bool(_PARK.search(u.mention.text if u.mention else ""))


# "於桃園設立機器人工廠", "研究開発拠点を新設", "新工場を建設": a company investing in a place
_CJK_BUILD_SITE = re.compile(r"(?:設立|興建|建設|建置|設置|新建|擴建|新設|開設|増設)[^，。、,]{0,14}?(?:工廠|廠房|新廠|據點|子公司|"
                             r"研發中心|物流中心|營運中心|生產基地|營運總部|分公司|生產線|合資公司)|(?:工場|工廠|拠点|子会社|現地法人|合弁会社|研究所|生産ライン)を"
                             r"(?:新設|建設|設立|開設|設置|増設|新たに設け)")
_CAPITAL_VERBS = frozenset({"增資", "注資", "入股", "收購", "併購", "增资", "出資", "出資し", "買収", "増資"})
_ACQUIRE_VERBS = frozenset({"收購", "併購", "買収"})
_CJK_SELF_FIRM = re.compile(r"本公司|當社|当社|弊社")
_FUNDED_BEFORE = re.compile(r"對(?:日本|台灣|臺灣|在日|海外)?(?:子公司|孫公司)?(?=[^對]{2,20}$)")
_UNIT_GAP = re.compile(r"\s*(?:[（(][^（）()]{1,12}[）)])?\s*")  # a body, then its unit: nothing between but its short name
_CJK_THIS_DEAL = re.compile(r"(?<![\u4e00-\u9fff])(?:本案|此案|該案|本件|本次收購|此次收購|本次投資|此次投資)")
_CJK_THIS_COMPANY = re.compile(r"該公司|同社|該社|其|同公司")
_PARK = re.compile(r"(?:園區|園区|工業區|工業区|団地|科學園|科学園|\b(?:Park|Industrial\s+Zone|Industrial\s+Estate|Processing\s+Zone))$")


_ARM_OF = re.compile(r"(?:の|的|之)(?:日本|台湾|台灣|臺灣|在日|現地)?(?:法人|子会社|子公司|現地法人|全額出資子会社)[、，,]?")
_JA_INVESTED_AT = re.compile(r"(?:市内|県内|町内|内)?(?:(?:北部|南部|東部|西部|中部|郊外|臨海部)?の(?:[^\s、。にをはが]{0,8}?)(?:工業団地|産業団地|工業地帯|テクノパーク))?"
                             r"(?:の?新?(?:工場|拠点|事業所|研究所|開発拠点|生産拠点))?に(?!続|次)")


_FACT_DATE = re.compile(r"事實發生日|事実発生日")


def _fact_date(doc: Doc):
    """A filing's "事實發生日：113/04/12": the day of what it reports, for facts whose sentence has no date."""
    label = _FACT_DATE.search(doc.text)
    if label is None:
        return None
    return next((d for d in doc.dates if label.end() <= d.start <= label.end() + 4), None)


def _cjk_investments(doc: Doc, cues: Cues, s: int, e: int, quals: list, rels: list[Relation]) -> None:
    """"Xは台南市に約30億円を投じて", "Xに約15億円を出資し", "X將投資35億元，在雲林縣…興建",
    "雙方將共同投資…在新竹科學園區設立", and their helpers: "投資業務處協助該公司…", "同社の進出を支援"."""
    text = doc.text
    inv = cues.rx("invest_verbs")
    fac = cues.rx("facilitation_cues")
    when = _best_date(_sentence_dates(doc, s, e)) or _fact_date(doc)
    units = [u for u in doc.units_in(s, e) if u.person is None]
    last_investor = next((r.subject for r in reversed(rels) if r.predicate == "investedIn"), None)
    for v in sorted([*inv.finditer(text, s, e), *_CJK_BUILD_SITE.finditer(text, s, e)], key=lambda m: m.start()):
        vs = v.start()
        comps = [u for u in units if u.type == "Company" and u.end <= vs]
        while len(comps) >= 2 and _ARM_OF.match(text, comps[0].end):
            comps = comps[1:]  # "環球晶円の日本法人、GWJは…投じて": the arm invests
        helped = [c for c in comps if fac.search(text, max(s, c.start - 12), c.start)]
        if helped:  # "東京分行協助國巨在千葉縣設立物流中心": the firm helped invests
            comps = helped
        own = _CJK_SELF_FIRM.search(text, s, vs)
        issuer = _first_company(doc) if own and (not comps or own.start() < comps[0].start) else None
        if issuer is not None:  # "本公司董事會決議對子公司X增資": the company whose notice it is
            comps = [issuer] + [c for c in comps if c.entity != issuer.entity]
        if not comps:
            speaker = _speaker_company(doc, s, vs)
            comps = [speaker] if speaker is not None else []
        if not comps:
            continue
        investors = [comps[0].entity]
        if re.search(r"雙方|双方|兩家|両社|兩公司|共同", text[comps[-1].end:vs]) and len({c.entity for c in comps}) >= 2:
            investors = list(dict.fromkeys(c.entity for c in comps))
        else:  # "ソニー…とデンソーはJASMに出資する", "A與B將入股C": the firms of the subject
            chain = [comps[0]]
            for c in comps[1:]:
                if not re.fullmatch(r"\s*(?:と|與|与|及|和|、|以及)\s*", text[chain[-1].end:c.start]):
                    break
                chain.append(c)
            if len(chain) >= 2 and re.match(r"\s*(?:[（(][^）)]{0,20}[）)])?\s*(?:は|が|も|將|将|分別|各自|均|皆)", text[chain[-1].end:vs]):
                investors = list(dict.fromkeys(c.entity for c in chain))
        funded = doc.unit_at(v.end()) if v.group() in _CAPITAL_VERBS or v.group().endswith(("子公司", "子会社")) else None
        if v.group() in _ACQUIRE_VERBS and (funded is None or funded.type != "Company"):
            clause_end = min([i for i in (text.find(c, v.end(), e) for c in "，。；") if i >= 0], default=e)
            funded = next((u for u in units if v.end() <= u.start < clause_end and u.type == "Company"), funded)
            # "收購秋田縣橫手市精密馬達製造商橫手精工株式會社全部股權": the firm bought, after where it is
        to = _FUNDED_BEFORE.search(text, max(s, vs - 24), vs) if v.group() in _CAPITAL_VERBS and funded is None else None
        if to is not None:  # "對日本子公司台旭日本株式會社增資"
            funded = next((u for u in units if u.start == to.end()), None)
        if funded is not None and funded.person is None and funded.type == "Company" and funded.entity not in investors:
            for who in investors:  # "以新臺幣85億元增資臺灣東京威力科創股份有限公司": the firm it puts capital into
                rels.append(_rel(doc, who, "investedIn", funded.entity, (s, e), 0.75, quals=tuple(quals), when=when))
        seat = doc.located.get(investors[0])
        cands = [u for u in units if comps[0].end <= u.start and u.end <= vs and u.entity not in investors
                 and u.entity != seat and (u.type in PLACE_TYPES or u.type == "Company" or _is_park(u)) and u.type != "Country"
                 and u.start not in doc.qualifiers]
        if v.group() in _ACQUIRE_VERBS and funded is not None and funded.type == "Company":
            cands = []  # "向東北成長夥伴收購X": the seller's region is not where the buyer invests
        # "台南市に", "新潟工場に", "聖籠町の工場に": where the money goes
        marked = [u for u in cands if doc.lang == "ja" and _JA_INVESTED_AT.match(text, u.end)]
        target = marked[-1] if marked else None
        right_before = [u for u in cands if text[u.start - 1:u.start] in ("在", "於", "于", "赴") and not text[u.end:vs].strip()]
        if target is None and right_before:
            target = right_before[-1]  # "將在富山縣投資約20億日圓，於滑川市興建工廠": where it invests
        if target is None:
            at = re.search(r"(?:在|於|于|赴)\s*", text[vs:e])
            after = doc.unit_at(vs + at.end()) if at else None
            while after is not None and after.type in PLACE_TYPES and (nxt := doc.unit_at(after.end)) is not None \
                    and nxt.person is None and nxt.type in PLACE_TYPES:
                after = nxt  # "在日本熊本縣菊陽町": the town
            if after is not None and after.person is None and (after.type in PLACE_TYPES or _is_park(after)):
                target = after
        if target is None and doc.lang != "ja" and cands:
            target = cands[-1]
        if target is None:  # "貝印投資臺中": the place right after the verb
            direct = doc.unit_at(v.end())
            if direct is not None and direct.person is None and direct.type in PLACE_TYPES and direct.type != "Country":
                target = direct
        if target is None:
            continue
        if funded is not None and funded.type == "Company" and v.group().endswith(("子公司", "子会社")) \
                and target.type in ("City", "Prefecture") and target.end <= vs:
            # "在東京設立銷售子公司昱晟日本株式會社": where the subsidiary is, not a second investment
            rels.append(_rel(doc, funded.entity, "locatedIn", target.entity, (s, e), 0.7))
            last_investor = investors[0]
            break
        for who in investors:
            rels.append(_rel(doc, who, "investedIn", target.entity, (s, e), 0.7, quals=tuple(quals), when=when))
        last_investor = investors[0]
        break
    for f in fac.finditer(text, s, e):
        helper = [u for u in units if u.end <= f.start() and u.type in ("Agency", "Organization", "Prefecture", "City")]
        if not helper:  # "兆豐銀行東京分行…協助國巨…設立": a bank or a trading house helps too
            helper = [u for u in units if u.end <= f.start() and u.type == "Company" and f.start() - u.end < 12]
        own = re.search(r"(?:^|[、，。\s])(市|県|縣|町)(?:は|も|が)", text[s:f.start()]) if doc.lang == "ja" else None
        if own:  # "市は同社の立地手続きを支援", "県も…補助金を交付する": the city or prefecture the text is about
            kind = "Prefecture" if own.group(1) in "県縣" else "City"
            first = next((u for u in doc.units if u.person is None and u.type == kind), None)
            helper = [first] if first is not None else helper
        elif len(helper) >= 2 and re.search(r"提供|給予|给予", text[helper[-1].end:f.start()]):
            helper = [helper[-1]]  # "感謝經濟部X（ＸＸ）在選址…過程中提供的協助": X helped
        if not helper:  # "雲林縣長張麗善表示，縣府將協助…": the speaker's government helps
            speakers = [u for u in doc.units_in(s, f.start()) if u.person is not None]
            org = next((o for _, o in doc.posts.get(speakers[-1].entity, []) if o and _type_of(doc, o) in
                        ("Agency", "Prefecture", "City")), None) if speakers else None
            helper = [Unit(s, s, org, _type_of(doc, org))] if org else []
        if not helper:
            continue
        company = next((u.entity for u in units if u.start >= f.end() and u.type == "Company"), None)
        if _CJK_SELF_FIRM.match(text, f.end()) and _first_company(doc) is not None:
            company = _first_company(doc).entity  # "將協助本公司辦理用地取得": the company whose notice it is
        deal = _CJK_THIS_DEAL.search(text, s, f.start())  # "本案由X協助媒合": the deal the text is about
        if deal and last_investor is None and (filer := _issuer(doc)) is not None:
            last_investor = filer.entity  # "本件は、TJPOから同社の紹介を受けた": the filing firm's deal
        if company is None and last_investor is not None and (
                deal or _CJK_THIS_COMPANY.search(text, s, e) or re.search(r"用地|進出|設廠|建廠|選址|廠商|拠点|據點|立地|補助金|助成|補助", text[s:e])):
            company = last_investor  # "協助該公司", "同社の進出を支援", "用地の取得を支援", "最大200億円を助成する"
        if company is not None and (deal or re.search(r"投資|設廠|建廠|選址|進出|用地|工場|投じ|出資|據點|拠点|立地|補助金|誘致|助成", text[s:e])
                                    or _CJK_BUILD_SITE.search(text, s, e)):
            helper = _each_once(helper)
            while len(helper) >= 2 and _UNIT_GAP.fullmatch(text, helper[0].end, helper[1].start):
                helper = helper[1:]  # "日本貿易振興機構（JETRO）秋田貿易資訊中心": the body's office helped
            helpers = [helper[0]]
            for h in helper[1:]:  # "熊本縣及合志市將協助": each of the bodies joined before the cue
                if re.fullmatch(r"\s*[及與与和、と]\s*", text[helpers[-1].end:h.start]):
                    helpers.append(h)
            for h in dict.fromkeys(h.entity for h in helpers):
                rels.append(_rel(doc, h, "facilitatedInvestment", company, (s, e), 0.7))
            break


# ---------------------------------------------------------------- subsidiaries
# "Taiwan Hoshino Aqua Co., Ltd., the local subsidiary of Osaka-based Hoshino Aqua Engineering Co., Ltd.":
# the parent has invested in its subsidiary.

_EN_SUBSIDIARY_OF = re.compile(r",\s+(?:the|a|an|its)\s+(?:[\w-]+\s+){0,3}?(?:subsidiary|unit|arm|affiliate)\s+of\s+(?:the\s+)?"
                               r"(?:[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)?-based\s+)?")


def _subsidiaries(doc: Doc, rels: list[Relation]) -> None:
    if doc.lang != "en":
        return
    for u in doc.units:
        if u.person is None and u.type == "Company" and (m := _EN_SUBSIDIARY_OF.match(doc.text, u.end)):
            parent = doc.unit_at(m.end())
            if parent is not None and parent.person is None and parent.type == "Company" and parent.entity != u.entity:
                span = next(((s, e) for s, e in doc.sentences if s <= u.start < e), (u.start, m.end()))
                rels.append(_rel(doc, parent.entity, "investedIn", u.entity, span, 0.75))


# ---------------------------------------------------------------- third-party allotments
# A listed firm issues new shares to an investor: 'issue new shares ... to Hsuanyu by way of third-party
# allotment', "| (5) Allottee | Hsuanyu Technology Corporation |", "X社を割当予定先とする第三者割当".

_ALLOTMENT = re.compile(r"third[- ]party\s+allotment|第三者割当", re.I)
_ALLOTTED_TO = re.compile(r"\bshares\b[^.;]{0,120}?\bto\s+(?:the\s+)?(?=[A-Z])")
_ALLOTTEE_LABEL = re.compile(r"(?:Allottee|割当予定先|割当先)(?:[ \t\u3000]*[|:：][ \t\u3000]*|[ \t\u3000]+)")
_ALLOTTEE_BEFORE = re.compile(r"を割当(?:予定)?先とする")


def _allotments(doc: Doc, rels: list[Relation]) -> None:
    """Who takes new shares the issuing firm allots: it invests in the issuer."""
    text = doc.text
    if not _ALLOTMENT.search(text):
        return
    issuer = _issuer(doc)
    if issuer is None:
        return
    takers = []
    for m in _ALLOTTEE_LABEL.finditer(text):
        takers.append((doc.unit_at(m.end()), m.start()))
    for m in _ALLOTTEE_BEFORE.finditer(text):
        takers.append((next((u for u in doc.units_in(max(0, m.start() - 60), m.start()) if u.end == m.start()), None), m.start()))
    for s, e in doc.sentences:
        if _ALLOTMENT.search(text, s, e) and (m := _ALLOTTED_TO.search(text, s, e)):
            takers.append((doc.unit_at(m.end()), m.start()))
    for u, at in takers:
        if u is not None and u.person is None and u.type == "Company" and u.entity != issuer.entity:
            span = next(((s, e) for s, e in doc.sentences if s <= at < e), (at, at))
            rels.append(_rel(doc, u.entity, "investedIn", issuer.entity, span, 0.75))


# ---------------------------------------------------------------- stakes and seats
# Who holds what share of a joint venture or subsidiary: "X, in which the Japanese company
# holds a 70% stake", "Y will hold the remaining 30%", "X, a unit in which the parent holds
# 85% and Z holds 15%", "「X」由A持股60%、B持股40%", "Aが90%、Bが10%を出資して設立した…「X」";
# and where a company sits in Japanese: "台中市に本社を置く…X", "本社は東広島市に置く", "X（新北市）".

_PCT = r"\d+(?:\.\d+)?\s*[%％]"
_EN_IN_WHICH = re.compile(rf"\bin\s+which\s+(?:the\s+(?:[A-Z][a-z]+\s+)?(?P<ref>company|parent|firm|group|maker)|(?P<it>it))?\s*"
                          rf"(?:will\s+)?(?:holds?|owns?|has|takes?)\s+(?:a\s+|an\s+)?(?P<pct>{_PCT})")
_EN_AND_HOLDS = re.compile(r"\s*(?:stake\s*)?(?:,\s*)?(?:and|while)\s+(?:the\s+)?")
_EN_HOLDS = re.compile(rf"\s+(?:will\s+)?(?:holds?|owns?|has|takes?)\s+(?:a\s+|an\s+|the\s+remaining\s+|the\s+other\s+|the\s+rest\s+of\s+)?(?P<pct>{_PCT})")
# "will be 51% owned by Formosa Plastics and 49% by Kanto Denka"
_EN_OWNED_BY = re.compile(rf"(?P<pct>{_PCT})\s+owned\s+by\s+(?:the\s+)?")
_EN_AND_PCT_BY = re.compile(rf",?\s+and\s+(?P<pct>{_PCT})\s+by\s+(?:the\s+)?")
_ZH_HOLDS = re.compile(rf"\s*持股\s*(?P<pct>{_PCT})")
_JA_HOLDS = re.compile(rf"(?:（[^）]{{0,20}}）|\([^)]{{0,20}}\))?\s*が\s*(?P<pct>{_PCT})")
_JA_SEAT_BEFORE = re.compile(r"に(?:本社|本部)(?:を置く|がある|を構える)")
_JA_SEAT_OF_SUBJECT = re.compile(r"に(?:本社工場|本社|本部|事務局|本店)を(?:置き|置いて|置いており|構え)")
_JA_SEAT_AFTER = re.compile(r"本社(?:は|を)\s*")


def _stakes(doc: Doc, rels: list[Relation]) -> None:
    text = doc.text
    main = next((r.subject for r in rels if r.predicate == "investedIn"), None) or \
        next((u.entity for u in doc.units if u.person is None and u.type == "Company"), None)

    def add(holder: str | None, venture: Unit | None, pct: str, span) -> None:
        if holder and venture is not None and venture.type == "Company" and holder != venture.entity:
            rels.append(_rel(doc, holder, "investedIn", venture.entity, span, 0.75, quals=(("stake", pct.strip()),)))

    venture: Unit | None = None
    for s, e in doc.sentences:
        if doc.lang == "en":
            for m in _EN_OWNED_BY.finditer(text, s, e):  # "X will be 51% owned by A and 49% by B"
                before = [u for u in doc.units_in(s, m.start()) if u.person is None and u.type == "Company"]
                holder = doc.unit_at(m.end())
                if before and holder is not None and holder.person is None:
                    add(holder.entity, before[-1], m.group("pct"), (s, e))
                    more = _EN_AND_PCT_BY.match(text, holder.end)
                    other = doc.unit_at(more.end()) if more else None
                    if other is not None and other.person is None:
                        add(other.entity, before[-1], more.group("pct"), (s, e))
            for m in _EN_IN_WHICH.finditer(text, s, e):
                before = [u for u in doc.units_in(s, m.start()) if u.person is None and u.type == "Company"]
                if not before:
                    continue
                venture = before[-1]
                holder = main if (m.group("ref") or m.group("it")) else None
                if holder is None:
                    u = doc.unit_at(m.start() + len(re.match(r"in\s+which\s+", text[m.start():]).group()))
                    holder = u.entity if u is not None and u.person is None else None
                add(holder, venture, m.group("pct"), (s, e))
                pos = m.end()
                while (a := _EN_AND_HOLDS.match(text, pos)) and (u := doc.unit_at(a.end())) is not None:
                    h = _EN_HOLDS.match(text, u.end)  # "... and the Development Bank of Japan holds 15%"
                    if h is None or u.person is not None:
                        break
                    add(u.entity, venture, h.group("pct"), (s, e))
                    pos = h.end()
            if venture is not None:
                for m in re.finditer(rf"\b(?:will\s+)?(?:holds?|owns?|takes?)\s+the\s+(?:remaining|other|rest\s+of\s+the)\s+(?P<pct>{_PCT})", text[s:e]):
                    who = [u for u in doc.units_in(s, s + m.start()) if u.person is None and u.type == "Company" and u.entity != venture.entity]
                    if who:
                        add(who[0].entity, venture, m.group("pct"), (s, e))  # "Sanwa ... will hold the remaining 30%"
        else:
            for u in doc.units_in(s, e):
                if u.person is not None or u.type != "Company":
                    continue
                m = re.match(r"[」』]?\s*由\s*", text[u.end:u.end + 4])
                if doc.lang != "ja" and m:  # "「X」由A持股60%、B持股40%"
                    pos = u.end + m.end()
                    while (h := doc.unit_at(pos)) is not None and (k := _ZH_HOLDS.match(text, h.end)):
                        add(h.entity, u, k.group("pct"), (s, e))
                        pos = k.end() + len(re.match(r"[、，,及和與]?\s*", text[k.end():]).group())
            if doc.lang == "ja":
                for m in re.finditer(r"を出資", text[s:e]):  # "Aが90%、Bが10%を出資して設立した…「X」"
                    holders = []
                    for u in doc.units_in(s, s + m.start()):
                        k = _JA_HOLDS.match(text, u.end)
                        if u.person is None and k:
                            holders.append((u.entity, k.group("pct")))
                    after = [u for u in doc.units_in(s + m.end(), e) if u.person is None and u.type == "Company"]
                    if holders and after:
                        for h, pct in holders:
                            add(h, after[0], pct, (s, e))
                        venture = after[0]
                for m in _JA_SHARES.finditer(text, s, e):  # "同社の発行済株式の30％を取得し": a stake in it
                    firms = [u for u in doc.units_in(s, m.start()) if u.person is None and u.type == "Company"]
                    own = _CJK_SELF_FIRM.search(text, s, m.start())
                    issuer = _issuer(doc) if own else None
                    holder = issuer if issuer is not None and (not firms or own.start() < firms[0].start) else \
                        (firms[0] if firms else None)
                    held = [u for u in firms if holder is None or u.entity != holder.entity]
                    if holder is not None and held and (m.group("ref") or re.fullmatch(
                            r"\s*[（(][^（）()]{0,30}[）)]|[」』）)]{0,2}", text[held[-1].end:m.start()])):
                        # ("聯嘉精密工業股份有限公司（以下「聯嘉精密」）の発行済株式の70.0％を取得")
                        add(holder.entity, held[-1], m.group("pct"), (s, e))


# "同社の発行済株式の30％を取得", "X株式会社の株式の51％を取得": a stake bought in that company
_JA_SHARES = re.compile(rf"(?P<ref>同社|該社)?の(?:発行済(?:み)?)?株式の?(?:約)?(?P<pct>{_PCT})(?:相当)?を取得")


_JA_BASE = re.compile(r"(?P<this>同社|当社|該社)?(?:が|は)(?=\S{1,12}?に(?:[^、。]{0,12}?)(?:生産拠点|製造拠点|拠点|新工場|工場|子会社|現地法人)を"
                      r"(?:設け|設置|設立|建設|開設|置))")


def _ja_bases(doc: Doc, rels: list[Relation]) -> None:
    """"同社が日本に生産拠点を設けるのは初めて", "X社は熊本県に子会社を設立した": the company
    invests in that place (同社: the company the text is about)."""
    text = doc.text
    for s, e in doc.sentences:
        # 同社: the investor of the last investment told before (not a joint venture's partner)
        told = [r for r in rels if r.predicate == "investedIn" and r.span and r.span[0] < s
                and not any(k == "stake" for k, _ in r.qualifiers)]
        last = max(told, key=lambda r: r.span[0]).subject if told else None
        for m in _JA_BASE.finditer(text, s, e):
            place = doc.unit_at(m.end())
            if place is None or place.person is not None or place.type not in PLACE_TYPES or not text.startswith("に", place.end):
                continue
            if m.group("this"):
                who = last
            else:
                before = next((u for u in reversed(doc.units_in(s, m.start())) if u.end == m.start()), None)
                who = before.entity if before is not None and before.type == "Company" else None
            if who is not None and who != place.entity:
                rels.append(_rel(doc, who, "investedIn", place.entity, (s, e), 0.7))


def _ja_seats(doc: Doc, rels: list[Relation]) -> None:
    text = doc.text

    def add(company: Unit | None, place: Unit | None, span, kinds=("Company",)) -> None:
        if company is not None and place is not None and company.type in kinds and place.type in ("City", "Prefecture") \
                and company.entity != place.entity:
            doc.located.setdefault(company.entity, place.entity)
            rels.append(_rel(doc, company.entity, "locatedIn", place.entity, span, 0.75))

    for s, e in doc.sentences:
        for m in _JA_SEAT_BEFORE.finditer(text, s, e):  # "台中市に本社を置く精密部品メーカーの X", "台中市に本部を置くPMC"
            place = next((u for u in reversed(doc.units_in(s, m.start())) if u.end == m.start()), None)
            comp = next((u for u in doc.units_in(m.end(), min(e, m.end() + 40)) if u.person is None), None)
            add(comp, place, (s, e), ORG_TYPES)
        for m in _JA_SEAT_OF_SUBJECT.finditer(text, s, e):  # "TAMA協会は東京都八王子市に事務局を置き"
            place = next((u for u in reversed(doc.units_in(s, m.start())) if u.end == m.start()), None)
            if place is not None and place.mention is not None and place.mention.text.endswith(("区", "區")):
                place = next((u for u in doc.units_in(s, place.start) if u.end == place.start), place)  # "新北市樹林区": the city
            topic = re.search(r"(?:は|が)、?[^、。は]*$", text[s:place.start]) if place is not None else None
            subject = next((u for u in reversed(doc.units_in(s, s + topic.start())) if u.end == s + topic.start()), None) \
                if topic else None
            add(subject, place, (s, e), ORG_TYPES)
        for m in _JA_SEAT_AFTER.finditer(text, s, e):  # "…「X」で、本社は東広島市に置く"
            place = doc.unit_at(m.end())
            if place is not None and re.match(r"に(?:置|あ)", text[place.end:place.end + 2]):
                comp = [u for u in doc.units_in(s, m.start()) if u.person is None and u.type == "Company"]
                add(comp[-1] if comp else None, place, (s, e))
        for u in doc.units_in(s, e):  # "宏偉電子股份有限公司（新北市）は": the seat in brackets
            if u.person is None and u.type == "Company" and text[u.end:u.end + 1] in "（(":
                place = doc.unit_at(u.end + 1)
                if place is not None and text[place.end:place.end + 1] in "）)":
                    add(u, place, (s, e))


# ---------------------------------------------------------------- outlines of companies
#
# A filing's outline of a company, a labelled line each: "（１）名称　北辰宏泰先進材料股份有限公司",
# "（２）所在地　台湾高雄市路竹区（…高雄園区内）", "（３）代表者　董事長　真鍋浩一",
# "（７）出資比率　当社60％、宏泰材料40％" (also 公司名稱 / 所在地 / 負責人 / 持股比例 in Chinese).

# A Japanese disclosure's header is one too: "会 社 名　菱和精工株式会社", "代表者名　代表取締役社長　杉本　隆",
# "問合せ先　取締役管理本部長　高田　美穂" (the officer to ask is the company's).
# An English filing writes them so too, or as a table's rows: "Company name: X", "| (3) Name and title of
# representative | Lin, Chia-Hao, Chairman |".
_OUTLINE_LINE = re.compile(r"^[ \t\u3000]*(?:\|[ \t]*)?(?:[（(]?[0-9０-９]{1,2}[）).．、]?[ \t\u3000]*)?(?P<label>名称|商号|公司名稱|名稱|所在地|本店所在地|"
                           r"本社所在地|代表者|代表者の役職・氏名|代表者名|負責人|出資比率|出資構成|持股比例|股權結構|"
                           r"会[ \u3000]?社[ \u3000]?名|會社名|問合せ先|問い合わせ先|お問合せ先|事業主体|立地場所|建設場所|"
                           r"Company name|Name|Head office|Headquarters|Location|Address|Representative|"
                           r"Name and title of representative|Inquiries|Contact)"
                           r"(?:[ \t\u3000]*[:：|][ \t\u3000]*|[ \t\u3000]+(?![a-z]))(?P<value>[^\n|]+?)[ \t|]*$", re.M)
_NAME_LABELS = ("名称", "商号", "公司名稱", "名稱", "会社名", "會社名", "事業主体", "Company name", "Name")
_HEAD_LABELS = ("代表者", "代表者の役職・氏名", "代表者名", "負責人", "問合せ先", "問い合わせ先", "お問合せ先", "Representative",
                "Name and title of representative", "Inquiries", "Contact")
_PLACE_LABELS = ("所在地", "本店所在地", "本社所在地", "立地場所", "建設場所", "Head office", "Headquarters", "Location", "Address")
_PARENT_STAKE = re.compile(r"[（(](?P<who>[^（）()、，の]{2,20})の\s*(?P<pct>\d+(?:\.\d+)?\s*[%％])\s*出資")
_OUTLINE_STAKE = re.compile(r"(?P<who>[^、，,；;\s\u3000]{1,20}?)\s*(?P<pct>\d+(?:\.\d+)?\s*[%％])")


def _outlines(doc: Doc, rels: list[Relation]) -> None:
    """The facts of each outline of a company: where it is, who heads it, who holds what share."""
    text = doc.text
    lines = list(_OUTLINE_LINE.finditer(text))
    block: list[re.Match] = []
    for k, line in enumerate(lines):
        block.append(line)
        if k + 1 < len(lines) and not _BLANK_LINE.search(text, line.end(), lines[k + 1].start()):
            continue  # the next labelled line, with no blank line before it, goes on the same outline
        _outline_facts(doc, block, rels)
        block = []


def _outline_facts(doc: Doc, block: list[re.Match], rels: list[Relation]) -> None:
    named = next((m for m in block if _label(m) in _NAME_LABELS), None)
    firm = next((u for u in doc.units_in(*named.span("value")) if u.person is None and u.type == "Company"), None) \
        if named is not None else None
    if firm is None:
        return
    issuer = _first_company(doc)
    for m in block:
        label, (vs, ve) = _label(m), m.span("value")
        units = doc.units_in(vs, ve)
        if label in _NAME_LABELS:  # "瑞嘉光電日本株式会社（瑞嘉光電の100％出資により設立予定）": its parent's stake
            for st in _PARENT_STAKE.finditer(doc.text, vs, ve):
                parent = next((u for u in doc.units_in(st.start("who"), st.end("who")) if u.person is None and u.type == "Company"), None)
                if parent is not None and parent.entity != firm.entity:
                    rels.append(_rel(doc, parent.entity, "investedIn", firm.entity, m.span(), 0.8,
                                     quals=(("stake", st.group("pct").strip()),)))
        elif label in _PLACE_LABELS:
            places = [u for u in units if u.person is None and u.type in ("City", "Prefecture")]
            parks = [u for u in units if u.person is None and _is_park(u)
                     and not re.match(r"[一二三四五六七八九十百0-9０-９]*[路街道]", doc.text[u.end:u.end + 5])]  # ("工業区三十八路": a road)
            for where in ([_most_local(places)] if places else []) + parks[:1]:
                rels.append(_rel(doc, firm.entity, "locatedIn", where.entity, m.span(), 0.8))
        elif label in _HEAD_LABELS:
            for u in units:
                if u.person is not None:
                    role = next((p.role for p in u.person.posts), None)
                    rels.append(_rel(doc, u.entity, "holdsPosition", firm.entity, m.span(), 0.8,
                                     quals=(("role", role),) if role else ()))
        else:  # the shares: "当社60％、宏泰材料40％"
            for st in _OUTLINE_STAKE.finditer(doc.text, vs, ve):
                holder = next((u for u in doc.units_in(st.start("who"), st.end("who")) if u.person is None
                               and u.type in ORG_TYPES), None)
                who = holder.entity if holder is not None else \
                    issuer.entity if issuer is not None and _CJK_SELF_FIRM.search(st.group("who")) else None
                if who and who != firm.entity:
                    rels.append(_rel(doc, who, "investedIn", firm.entity, m.span(), 0.8,
                                     quals=(("stake", st.group("pct").strip()),)))


def _issuer(doc: Doc) -> Unit | None:
    """The firm whose filing it is: the one it defines as 'the "Company"', or the one its header
    names ("会社名　株式会社北星精機"), else the first named (a title may name the firm bought first)."""
    defined = next((u for u in doc.units if u.person is None and u.type == "Company" and _DEFINED_SELF.match(doc.text, u.end)), None)
    if defined is not None:
        return defined
    for line in _OUTLINE_LINE.finditer(doc.text, 0, min(len(doc.text), 600)):
        if _label(line) in ("会社名", "會社名", "Company name"):
            firm = next((u for u in doc.units_in(*line.span("value")) if u.person is None and u.type == "Company"), None)
            if firm is not None:
                return firm
    return _first_company(doc)


def _label(line: re.Match) -> str:
    label = line.group("label")
    return label if label.isascii() else re.sub(r"[ \u3000]", "", label)  # "会 社 名": spaced out to the width of the others


def _most_local(places: list[Unit]) -> Unit:
    """Of the places written one after the other, the smallest municipality: "熊本県菊陽町" the
    town, "台湾高雄市路竹区" the city (a ward or district is part of its city), "Zhubei City, Hsinchu
    County" the city."""
    cities = [u for u in places if u.type == "City" and not (u.mention and u.mention.text.endswith(("区", "區")))]
    if places[0].mention is not None and places[0].mention.text.isascii():
        return cities[0] if cities else places[0]  # "Zhubei City, Hsinchu County, Taiwan": English starts small
    return cities[-1] if cities else places[-1]


_BLANK_LINE = re.compile(r"\n[ \t\u3000]*\n")
