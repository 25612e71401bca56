"""Ordinals and partner counts: "the 8th member", 2例目, "after six prefectures", "with 40 local
governments"."""
from __future__ import annotations

import re

from ..cues import Cues, alternation
from ..models import Relation
from ..recognize import ORG_TYPES, PLACE_TYPES

from .agreements import _SELF_REF, _self_body
from .doc import (
    Agreement, Doc, PARTY_TYPES, Unit, _CJK_NUM, _WORD_ORD, _chain, _hit_sentences, _label_of, _rel,
    _sentence_dates, _sentence_of, _type_of,
)

__all__ = []

# ---------------------------------------------------------------- ordinals and counts

def _ordinals(doc: Doc, cues: Cues, agreements: list[Agreement], rels: list[Relation]) -> None:
    text = doc.text
    main = agreements[0] if agreements else None
    en = doc.lang == "en"
    nouns = alternation(cues.words("ordinal_nouns_ci" if en else "ordinal_nouns"), fold_case=en)
    hits = _hit_sentences(doc, _ORD_HINT_EN if en else _ORD_HINT_CJK)
    for i, (s, e) in enumerate(doc.sentences):
        if i not in hits:
            continue  # no ordinal in the sentence
        sent = text[s:e]
        n = None
        subj = None
        if en:
            m = re.search(rf"\b(?:the\s+)?(\d+)(?:st|nd|rd|th)\s+(?:[\w-]+\s+){{0,3}}?(?:{nouns})\b", sent, re.I) or \
                re.search(rf"\b(?:the\s+)?({'|'.join(_WORD_ORD)})\s+(?:[\w-]+\s+){{0,3}}?(?:{nouns})\b", sent, re.I)
            if m and (re.search(r"\b(?:sign|signed|signs|MOU|memorand|agreement|partner|member|alliance)", sent, re.I)):
                raw = m.group(1).lower()
                n = int(raw) if raw.isdigit() else _WORD_ORD[raw]
                appos = re.search(r",\s+(?:a|an|the)\s[^,]{0,100},(?=\s*(?:is|was|becomes|became|has\s+become|will\s+be)\s+(?:now\s+)?(?:the\s+)?$)",
                                  text[s:s + m.start()])
                cut = s + appos.start() if appos else s + m.start()  # "Kitakyushu, a port city in Fukuoka, is the fourth"
                units = [u for u in doc.units_in(s, cut) if u.person is None]
                if units:
                    u = units[-1]
                    between = text[u.end:s + m.start()] if not appos else text[s + appos.end():s + m.start()]
                    made = re.search(r"\b(?:making|make|makes|made)\s+$", text[s:u.start])
                    linked = re.fullmatch(r"\s*,?\s*(?:(?:is|was|becomes|became|has\s+become|will\s+be|as)\s+)(?:now\s+)?", between)
                    if (made and re.fullmatch(r"\s*", between)) or linked:
                        subj = u.entity
        else:
            m = re.search(rf"第\s*([0-9]+|[一二三四五六七八九十]+)\s*(?:{nouns})", sent) or \
                re.search(r"(\d+)\s*(?:例目|番目|件目)", sent)
            if m:
                raw = m.group(1)
                n = int(raw) if raw.isdigit() else _CJK_NUM.get(raw)
                # "佐賀縣是…第3個", "徳島県が3番目となる", "諏訪市為第12個"
                marked = [u for u in doc.units_in(s, s + m.start()) if u.person is None and u.type != "Country"
                          and re.match(r"\s*(?:は|が|是|為|为|成為|成为|則是|也是)", text[u.end:u.end + 3])
                          and not re.search(r"のは|ことは|的是", text[u.end:s + m.start()])]  # "鯖江市が…結ぶのは": an event
                if marked:
                    subj = marked[-1].entity
            elif (first := _FIRST_TIME.search(sent)) and main is not None and len(main.parties) == 2 \
                    and (own := _SELF_REF.search(text, s, s + first.start())) is not None \
                    and (home := _self_body(doc, own.group("ref"))) in main.parties:
                # "本県が台湾の地方政府と覚書を締結するのは、今回が初めてです": its first partner of that kind
                n, subj = 1, next(p for p in main.parties if p != home)
            else:
                m = re.search(r"(?:先前|之前|此前|已先後)[^。]{0,12}?與[^。]{0,6}?([0-9]+|[一二三四五六七八九十])\s*個[^。]{0,40}?再與", sent)
                if m:
                    raw = m.group(1)
                    n = (int(raw) if raw.isdigit() else _CJK_NUM.get(raw, 0)) + 1
                    again = s + sent.index("再與", m.start()) + 2
                    u = doc.unit_at(again)
                    if u is not None:
                        subj = u.entity
        if not n or not (cues.rx("mou_nouns_ci" if en else "mou_nouns").search(sent)
                         or cues.rx("sign_verbs_ci" if en else "sign_verbs").search(sent) or subj):
            continue
        in_sent = {u.entity for u in doc.units_in(s, e)}
        if subj is None and main is not None and len(main.parties) == 2 and en:
            # "It is the academy's third partnership": the other party is the third
            owner = re.search(r"\bthe\s+([a-z]+)['’]s\s+", sent)
            if owner:
                own = [p for p in main.parties if (_label_of(doc, p) or "").lower().endswith(owner.group(1))]
                if len(own) == 1:
                    subj = next(p for p in main.parties if p != own[0])
        if subj is None and main is not None:
            outside = [p for p in main.parties if p not in in_sent]
            places = [p for p in main.parties if _type_of(doc, p) in ("Prefecture", "City")]
            subj = outside[0] if len(outside) == 1 else (places[0] if len(places) == 1 else None)
        if subj is None:
            continue
        rels.append(_rel(doc, subj, "memberOrdinal", str(n), (s, e), 0.8))
        # the partners before it: "Following 7 cities including A, B and C", "三重県に続いて"
        if main is None:
            continue
        present = [p for p in main.parties if p != subj and p in in_sent]  # "宜蘭県と協定を結んだ…"
        counterpart = present[0] if len(present) == 1 else next((p for p in main.parties if p != subj), None)
        if counterpart is None:
            continue
        before: list[Unit] = []
        inc = (re.search(r"\bincluding\s+(?:the\s+)?", sent)
               or re.search(r"\b(?:after|following|joining|Following|After|Joining)\s+(?:the\s+)?", sent)) if en else None
        if inc:  # "Following 7 cities including A, B and C", "Following A, B and C, X is the 11th", "after A and B"
            before = _chain(doc, s + inc.end(), e)
        elif not en:
            for c in re.finditer(r"に続いて|に続き|に次いで|に次ぎ|之後|之后", sent):
                units = [u for u in doc.units_in(s, s + c.start()) if u.person is None
                         and _YEAR_NOTE.fullmatch(text, u.end, s + c.start())]
                if units:  # "繼熊本縣、宮崎縣之後", "静岡県、群馬県に次いで", "繼山形縣（2018年）、長崎縣…之後": the whole list
                    chain = [units[-1]]
                    for u in reversed([u for u in doc.units_in(s, units[-1].start) if u.person is None]):
                        if re.fullmatch(r"\s*(?:[（(][^）)]{0,12}[）)])?\s*[、，,及與与和と]\s*", text[u.end:chain[0].start]):
                            chain.insert(0, u)
                        else:
                            break
                    before += chain
        dates = _sentence_dates(doc, s, e)
        for u in before:
            if u.entity not in (subj, counterpart) and u.type in PARTY_TYPES:
                note = _YEAR_NOTE.match(text, u.end)  # the year its own agreement was signed, in brackets
                when = next((d for d in dates if note and u.end < d.start and d.end <= note.end()), None)
                rels.append(_rel(doc, counterpart, "signedMOUWith", u.entity, (s, e), 0.7, when=when))


_YEAR_NOTE = re.compile(r"\s*(?:[（(][^）)]{0,12}[）)])?\s*")  # "山形縣（2018年）": a note after a name
_ORD_HINT_EN = re.compile(r"\d(?:st|nd|rd|th)\b|\b(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth)\b", re.I)
_ORD_HINT_CJK = re.compile(r"第|例目|番目|件目|先前|之前|此前|已先後|初めて")
_FIRST_TIME = re.compile(r"(?:今回が|今回は)?初めて")
_DIGIT = re.compile(r"\d+")


_EN_BRINGS = re.compile(r"\b(?:brings|bringing|brought|raises|raising|raised|takes|taking|took|increases|increasing|increased)\s+"
                        r"the\s+(?:total\s+)?number\s+of\s+(?:its|their|the\s+\w+['’]s)?\s*(?:[\w-]+\s+){0,4}?to\s+(\d[\d,]*)\b", re.I)
_ZH_RISES = re.compile(r"(?:增至|增加至|增加到|增為|達到|已達)\s*(\d+)\s*(?:個|家|所|位)")
_JA_PARTNERS = re.compile(r"(\d+)\s*(?:の|個の|件の)?\s*(?:団体|自治体|機関|組織|地域|企業)(?:と|との)(?:連携|協力|提携|覚書|協定)|"
                          r"計\s*(\d+)\s*件の(?:覚書|協定|MOU|連携協定)")


def _more_counts(doc: Doc, agreements: list[Agreement], rels: list[Relation]) -> None:
    """Partner counts in shapes the rule above does not read: "the pact brings the number of its
    partners to 23" (and the new partner is the 23rd), "夥伴已增至44個", "80の団体と連携",
    "計21件の覚書を結んで"."""
    text = doc.text
    rx = _EN_BRINGS if doc.lang == "en" else _JA_PARTNERS if doc.lang == "ja" else _ZH_RISES
    for m in rx.finditer(text):  # one pass over the text
        s, e = _sentence_of(doc, m.start(), (m.start(), m.end()))
        n = (m.group(1) or m.group(m.lastindex)).replace(",", "")
        orgs = [u for u in doc.units_in(s, m.start()) if u.person is None and u.type in ORG_TYPES]
        if doc.lang == "ja":
            orgs = [u for u in orgs if re.match(r"(?:（[^）]{0,20}）)?\s*(?:は|が)", text[u.end:u.end + 24])]
        if not orgs:
            continue
        owner = orgs[0] if doc.lang == "ja" else orgs[-1]
        rels.append(_rel(doc, owner.entity, "partnerCount", str(int(n)), (s, e), 0.75))
        if doc.lang == "en" and re.search(r"\b(?:pact|agreement|MOU|memorandum|deal)\b", text[s:m.start()], re.I):
            # "the pact brings the number of its partners to 23": its partner in that pact is the 23rd
            ag = next((a for a in reversed(agreements) if owner.entity in a.parties and len(a.parties) == 2
                       and a.sentence[0] <= s), None)
            if ag is not None:
                other = next(p for p in ag.parties if p != owner.entity)
                rels.append(_rel(doc, other, "memberOrdinal", str(int(n)), (s, e), 0.7))


def _counts(doc: Doc, cues: Cues, rels: list[Relation]) -> None:
    en = doc.lang == "en"
    nouns = alternation(cues.words("partner_nouns_ci" if en else "partner_nouns"), fold_case=en)
    pcues = cues.rx("partner_cues_ci" if en else "partner_cues", bounded=False)
    hits = _hit_sentences(doc, _DIGIT)
    for i, (s, e) in enumerate(doc.sentences):
        if i not in hits:
            continue
        sent = doc.text[s:e]
        if en:
            m = re.search(rf"\bwith\s+(?:more than\s+|over\s+|about\s+|around\s+|nearly\s+)?(\d[\d,]*)\s+(?:[\w-]+\s+){{0,2}}?(?:{nouns})\b", sent, re.I)
        else:
            m = re.search(rf"(?:和|與|同|跟)[^，。]{{0,6}}?([0-9]+)\s*個\s*[^，。]{{0,12}}?(?:{nouns})", sent)
            if m and re.search(r"再與", sent[m.end():]):
                m = None
        if not m or not pcues.search(sent):
            continue
        units = [u for u in doc.units_in(s, s + m.start()) if u.person is None and u.type in ORG_TYPES | PLACE_TYPES]
        clauses = [(s + c.start(), s + c.end()) for c in re.finditer(r",\s*(?:which|who|whose)\b[^,]*,", sent[:m.start()])]
        units = [u for u in units if u.type != "Country" and not any(a <= u.start < b for a, b in clauses)]
        if not units:
            continue
        n = m.group(1).replace(",", "")
        rels.append(_rel(doc, units[-1].entity, "partnerCount", n, (s, e), 0.75))
