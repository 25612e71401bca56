"""The document relations are read from (its units, sentences and dates) and the helpers every rule
shares: coordination of units, parties of units, dates of sentences."""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from datetime import date

from ..dates import DateMention
from ..ids import agreement_iri
from ..models import Relation
from ..people import Person
from ..recognize import ORG_TYPES, PLACE_TYPES, Mention, fold


__all__ = ["Doc", "Unit", "Agreement", "PARTY_TYPES"]


PARTY_TYPES = ORG_TYPES | PLACE_TYPES
_WORD_ORD = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
             "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12}
_WORD_NUM = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
             "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}
_CJK_NUM = {"一": 1, "二": 2, "兩": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}


@dataclass(frozen=True)
class Unit:
    """A party-like span: an organization or place mention, or a person with the title and
    organization written before the name. ``entity`` is the entity id."""

    start: int
    end: int
    entity: str
    type: str
    person: Person | None = None
    mention: Mention | None = None


@dataclass
class Agreement:
    parties: list[str]
    date: DateMention | None
    sentence: tuple[int, int]
    signatories: list[tuple[Unit, tuple[int, int]]] = field(default_factory=list)
    witnesses: list[tuple[Unit, tuple[int, int]]] = field(default_factory=list)
    fields: list[tuple[str, tuple[int, int]]] = field(default_factory=list)
    principals: list[str] = field(default_factory=list)  # countries a body signed for

    def iri(self) -> str:
        return agreement_iri(self.parties, self.date.iso if self.date else None)


@dataclass
class Doc:
    """What the relation rules read: the text, its sentences, units, dates and industries."""

    text: str
    lang: str
    published: date | None
    sentences: list[tuple[int, int]]
    units: list[Unit]
    dates: list[DateMention]
    industries: list[tuple[int, int, str]]  # (start, end, entity id)
    extractor: str
    part_of: dict[str, str] = field(default_factory=dict)
    posts: dict[str, list[tuple[str, str | None]]] = field(default_factory=dict)  # person id -> (role, org id)
    home: dict[str, str] = field(default_factory=dict)  # entity -> its gazetteer parent or name's place
    named: dict[str, str] = field(default_factory=dict)  # entity -> the place its name starts with
    countries: frozenset = frozenset()  # the IRIs of countries
    located: dict[str, str] = field(default_factory=dict)  # entity -> place, from the text
    qualifiers: set = field(default_factory=set)
    types: dict[str, str] = field(default_factory=dict)  # entity -> type
    org_units: list = field(default_factory=list)  # every body's unit, also those inside a person's
    said_posts: list = field(default_factory=list)  # (person, role, body, sentence) stated in passing ("its chairman, Lai")
    implied: dict = field(default_factory=dict)  # "Prefecture"/"City" -> the one the text is about (県, 縣府)
    _starts: list | None = field(default=None, repr=False)
    _at: dict = field(default_factory=dict, repr=False)
    _date_starts: list = field(default_factory=list, repr=False)
    _lower: str | None = field(default=None, repr=False)
    _sstarts: list | None = field(default=None, repr=False)

    @property
    def sentence_starts(self) -> list[int]:
        if self._sstarts is None:
            self._sstarts = [s for s, _ in self.sentences]
        return self._sstarts

    @property
    def lower(self) -> str:
        """A same-length lower-cased copy of the text (:func:`graph.recognize.fold`)."""
        if self._lower is None:
            self._lower = fold(self.text)
        return self._lower  # starts of place units that qualify the unit before

    def _index(self) -> None:
        if self._starts is None or len(self._starts) != len(self.units):
            self.units.sort(key=lambda u: (u.start, -u.end))
            self._starts = [u.start for u in self.units]
            self._at = {}
            for u in self.units:
                self._at.setdefault(u.start, u)
            self._date_starts = [d.start for d in self.dates]

    def units_in(self, s: int, e: int) -> list[Unit]:
        """The units inside ``s:e``, in text order (binary search: linear time overall)."""
        self._index()
        return _inside(self.units, self._starts, s, e)

    def unit_at(self, pos: int) -> Unit | None:
        self._index()
        return self._at.get(pos)

    def dates_in(self, s: int, e: int) -> list[DateMention]:
        self._index()
        return _inside(self.dates, self._date_starts, s, e)


def _inside(items: list, starts: list[int], s: int, e: int) -> list:
    """The spans of ``items`` (sorted by start, ``starts`` their starts) that lie in ``s:e``."""
    out = []
    for i in range(bisect_left(starts, s), len(items)):
        x = items[i]
        if x.start >= e:
            break
        if x.end <= e:
            out.append(x)
    return out


def _sentence_of(doc: Doc, pos: int, default: tuple[int, int]) -> tuple[int, int]:
    """The sentence holding ``pos`` (or ``default``)."""
    i = bisect_right(doc.sentence_starts, pos) - 1
    if i >= 0 and pos < doc.sentences[i][1]:
        return doc.sentences[i]
    return default


def _rel(doc: Doc, subj: str, pred: str, obj: str, span: tuple[int, int], conf: float, *,
         when: DateMention | None = None, agreement: str | None = None, quals: tuple = ()) -> Relation:
    return Relation(subj, pred, obj, doc.text[span[0]:span[1]].strip(), round(conf, 2),
                    when.iso if when else None, agreement, tuple(quals), span, doc.extractor)


def _sentence_dates(doc: Doc, s: int, e: int) -> list[DateMention]:
    return doc.dates_in(s, e)


def _best_date(dates: list[DateMention]) -> DateMention | None:
    rank = {"day": 0, "month": 1, "year": 2}
    return min(dates, key=lambda d: rank[d.precision]) if dates else None


# ---------------------------------------------------------------- coordination

_EN_JOIN = re.compile(r"(?:\s*[,;]\s*(?:and\s+(?:with\s+)?|as well as\s+)?|\s+and\s+(?:with\s+)?|\s+as well as\s+|\s*&\s*)(?:by\s+)?(?:the\s+)?")
_EN_LEAD = re.compile(r"(?:the\s+|a\s+|an\s+)?(?:(?:Japan|Taiwan|China|Korea)['’]s\s+)?(?:(?:[a-z-]+\s+){0,4}?"
                      r"(?:company|firm|group|maker|manufacturer|government)\s+)?")
_CJK_JOIN = re.compile(r"[、,，]?\s*(?:及|與|和|以及|暨|、|や|と|並)\s*|\s*[、，]\s*")


_A_NEW = re.compile(r"\b(?:a|an|another|a\s+new|a\s+separate|a\s+second)\s+(?:[\w-]+\s+){0,2}$")
_BASED = re.compile(r"-(?:based|headquartered)\s+(?:the\s+)?")


# a place, then lower-case words that end in a kind of body in the plural ("Sagamihara robot makers")
_PLACE_OF_MANY = re.compile(r"(?:\s+[a-z][\w-]*){0,3}?\s+(?:makers|manufacturers|companies|firms|businesses|suppliers|"
                            r"producers|enterprises|exporters|startups|start-ups|universities|schools|hospitals|farmers)\b")


def _each_once(units: list[Unit]) -> list[Unit]:
    """Each body once, where first named: "經濟部中小及新創企業署（中企署）" is one body named twice."""
    seen: set[str] = set()
    return [u for u in units if not (u.entity in seen or seen.add(u.entity))]


def _chain(doc: Doc, pos: int, limit: int, owners: bool = False) -> list[Unit]:
    """Units coordinated from ``pos`` on: "X, Y and Z", "X及Y", "XとY"; with ``owners``, a unit
    before "'s" only owns the next ("NTHU's College of Semiconductor Research": the college)."""
    out: list[Unit] = []
    lead = _EN_LEAD.match(doc.text, pos) if doc.lang == "en" else None
    pos = lead.end() if lead else pos
    join = _EN_JOIN if doc.lang == "en" else _CJK_JOIN
    while pos < limit:
        u = doc.unit_at(pos)
        if u is None and doc.lang != "en":
            # "日本的三重縣…": skip a country or place modifier
            mod = doc.unit_at(pos)
            if mod is None:
                break
        if u is None:
            break
        nxt = re.match(r"[的の・･]", doc.text[u.end:u.end + 1])  # ("台湾・元泰商業銀行": the country of the bank)
        if doc.lang != "en" and nxt and u.type in PLACE_TYPES:
            pos = u.end + 1
            continue
        if doc.lang != "en" and u.type == "Country" and doc.unit_at(u.end) is not None:
            pos = u.end
            continue
        if doc.lang == "en" and u.type in PLACE_TYPES and _PLACE_OF_MANY.match(doc.text, u.end):
            break  # "with Sagamihara robot makers": firms of the place, not the place
        based = _BASED.match(doc.text, u.end) if doc.lang == "en" and u.type in PLACE_TYPES else None
        if based and doc.unit_at(based.end()) is not None:
            pos = based.end()  # "Miaoli-based National United University": where the party is
            continue
        if doc.lang == "en" and u.type in PLACE_TYPES and (pos_s := re.match(r"['’]s\s+[A-Z]", doc.text[u.end:u.end + 5])):
            if doc.unit_at(u.end + pos_s.end() - 1) is None:
                break  # "with Tokyo's TIRI": the place only owns the body after it
            pos = u.end + pos_s.end() - 1
            continue
        owner = re.match(r"['’]s\s+", doc.text[u.end:u.end + 4]) if owners and doc.lang == "en" else None
        if owner and doc.unit_at(u.end + owner.end()) is not None:
            pos = u.end + owner.end()
            continue
        out.append(u)
        end = u.end
        while True:  # "Fujieda City of Shizuoka Prefecture", "Hirosaki City, Aomori Prefecture"
            q = re.match(r",\s*(?:the\s+)?|\s+(?:of|in)\s+(?:the\s+)?|", doc.text[end:end + 12])
            qu = doc.unit_at(end + q.end())
            if qu is None or qu.start not in doc.qualifiers:
                break
            end = qu.end
        acr = re.match(r"\s*[（(][^()（）]{1,12}[)）][」』]?|[」』]", doc.text[end:end + 16]) or \
            (re.match(r"\s*\([^()\n]{1,80}\)|\)", doc.text[end:end + 84]) if u.person is not None else None)
        if acr:
            end += acr.end()  # ("Lin Cheng-hao (Chairman, Hengyu Precision Components) and Okubo Satoshi (…)")
        year = re.match(r"\s+in\s+(?:19|20)\d\d\b", doc.text[end:end + 12]) if doc.lang == "en" else None
        if year:
            end += year.end()  # "after Izumo City in 2019 and Kitami City in 2023": each with its year
        j = join.match(doc.text, end)
        if not j or j.end() >= limit:
            break
        if doc.lang == "en":
            lead = _EN_LEAD.match(doc.text, j.end())
            pos = lead.end()
        else:
            pos = j.end()
    return out


def _gap(doc: Doc, start: int, end: int) -> str:
    """The text between two positions without the place qualifiers in it ("of Shizuoka
    Prefecture", ", Aomori Prefecture"), which read as part of the unit before them."""
    out = []
    pos = start
    for q in sorted(doc.qualifiers):
        if start <= q < end:
            u = doc.unit_at(q)
            if u is None or u.end > end:
                continue
            lead = re.search(r"(?:,\s*|\s+(?:of|in)\s+)(?:the\s+)?$|$", doc.text[pos:q])
            out.append(doc.text[pos:pos + lead.start()])
            pos = u.end
    out.append(doc.text[pos:end])
    return "".join(out)


# a word before the verb that names who signs: "Acme Corp signed", "Officials signed", "It signed"
_SUBJECT_WORD = re.compile(r"(?<![\w-])(?:(?!(?:On|In|At|Last|This|Today|Yesterday|Earlier|Later|Also|Then)\b)[A-Z][a-z]+"
                           r"|it|they|we)\b(?=[^.]*$)")
_THE_KIND_BEFORE = re.compile(r"\bthe\s+(prefecture|city|county|company|firm|bureau|agency|office|association|university|"
                              r"foundation|council|chamber|institute|bank)\s+(?:has\s+|have\s+|had\s+|also\s+|then\s+)*$", re.I)
_COUNT_INCLUDING = re.compile(r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten)\s+(?:[\w-]+\s+){0,6}?[\w-]+"
                              r"(?:,?\s+(?:including|such\s+as|among\s+them|namely)\s+|,\s+)(?:the\s+)?(?=[A-Z])")
_PLURAL_MOU = re.compile(r"\b(?:memorandums|memoranda|MOUs|MoUs|agreements|accords|pacts)\b")
_BECAME_THE_NTH = re.compile(r"\s+(?:thus\s+|now\s+)?(?:has\s+become|have\s+become|becomes|became|become|is|was)\s+the\s+"
                             r"[\w\s,-]{0,60}?\bto\s+$")
_RELATIVE_BEFORE_VERB = re.compile(r",\s*(?:which|who|whose|leading|heading|visiting|accompanied\s+by|on\s+a\s+visit\s+to|an?\s+[\w-]+)\b[^;,]*"
                                   r"(?:,[^;,]*){0,2},\s*(?:(?:has|have|had|also|today|yesterday|jointly|formally)\s+)*$")


_AS_DID = re.compile(r",\s+as\s+did\s+")
_FIRST_PERSON = re.compile(r"(?:^|(?<=[\s:]))I\s+(?:have\s+|had\s+|also\s+|personally\s+)*$")
_SPOKE_WITH = re.compile(r"\b(?:spoke|talked|speaks|talks)\s+(?:with|to)\s+|\binterviewed\s+|\bsat\s+down\s+with\s+")


def _interviewee(doc: Doc) -> Unit | None:
    """The person an interview is with: "We spoke with Masaru Fujita, President of …"."""
    for m in _SPOKE_WITH.finditer(doc.text, 0, min(len(doc.text), 3000)):
        u = doc.unit_at(m.end())
        if u is not None and u.person is not None:
            return u
    return None


_OF_OWNER = re.compile(r"[)）]?\s*(?:[(（][A-Za-z&]{2,10}[)）])?\s*of\s+(?:the\s+)?")


def _chain_back(doc: Doc, pos: int, start: int) -> list[Unit]:
    """The units coordinated right before ``pos`` (a verb): "X and Y signed"."""
    if doc.lang == "en":  # "X, which operates under Y (Z), signed": the clause is no subject
        rel = _RELATIVE_BEFORE_VERB.search(doc.text, max(start, pos - 200), pos)
        if rel:
            pos = rel.start()
    before = [u for u in doc.units_in(start, pos) if (u.start not in doc.qualifiers or u.person is not None)
              and not ((u.type == "Country" or (u.type in PLACE_TYPES and doc.unit_at(u.end + 3) is not None))
                       and doc.text.startswith(("'s ", "’s "), u.end))  # "Japan's X", "Kyushu's SIIQ": X
              and not (doc.lang == "en" and _BASED.match(doc.text, u.end))]  # "Taichung-based X": X
    if not before:
        return []
    last = before[-1]
    gap = _gap(doc, last.end, pos)
    # the gap may start after an acronym in brackets that is itself a unit: "Institute (ITRI) has signed"
    ok = r"[\"”」]?[)）]?[\s,]*(?:[(（][A-Za-z&]{2,10}[)）][\s,]*|[(（]\s*[\"“][^\"”]{1,40}[\"”]\s*[)）][\s,]*)?(?:[A-Z]{2,8}[\s,]*)?(?:(?:has|have|had|also|will|would|officially|formally|jointly|then|today|yesterday|"\
         r"recently|once|again|successfully|both)\s+|"\
         r"(?:(?:on|last|this|next)\s+(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|(?:last|this|earlier\s+this)\s+(?:week|month))\s+|"\
         r"(?:on|in)\s+(?:[A-Z][a-z]+\.?\s+)?\d{1,2}(?:st|nd|rd|th)?(?:\s+[A-Z][a-z]+)?(?:,?\s*\d{4})?,?\s+)*$"  # "X on May 21st signed"
    if doc.lang == "en" and not re.match(ok, gap):
        return []
    chain = [last]
    seen_and = False
    for u in reversed(before[:-1]):
        between = _gap(doc, u.end, chain[0].start)
        if u.entity == chain[0].entity and re.fullmatch(r"[\s,]*(?:[(（]\s*(?:hereinafter\s+(?:referred\s+to\s+as\s+)?|以下)?[\"“「]?)?\s*(?:the\s+)?", between):
            chain[0] = u  # "the Taiwan-Japan ... Office, TJPO, forged", "Bureau (IDB)": one party
            continue
        if re.fullmatch(r"[\"”」]?[)）]?\s*(?:[(（][A-Za-z&]{2,10}[)）]\s*)?(?:,\s*)?(?:and|&|與|及|和|と)\s*(?:the\s+)?"
                        r"(?:[A-Z][a-z]+['’]s\s+)?", between):
            seen_and = True  # "X (ACR) and Japan's Y signed", "Taichung and Osaka's Chamber"
            chain.insert(0, u)
        elif seen_and and re.fullmatch(r"\s*[,、]\s*(?:the\s+)?", between):
            chain.insert(0, u)
        elif doc.lang == "en" and _OF_OWNER.fullmatch(between) and u.person is None and chain[0].person is None \
                and u.type in ORG_TYPES and chain[0].type in ORG_TYPES:
            chain[0] = u  # "the Science Park Bureau (STSPB) of the Council (NSTC) and X signed": the bureau signs
        else:
            break
    return chain


def _party_of(doc: Doc, u: Unit) -> str | None:
    if u.person is None:
        return u.entity if u.type in PARTY_TYPES else None
    for role, org in doc.posts.get(u.entity, []):
        if org:
            return org
    return None


# ---------------------------------------------------------------- what the document says of an entity

def _label_of(doc: Doc, entity: str) -> str | None:
    u = next((u for u in doc.units if u.entity == entity and u.mention is not None), None)
    return u.mention.text if u is not None else None


def _type_of(doc: Doc, entity: str) -> str | None:
    if entity in doc.types:
        return doc.types[entity]
    for u in doc.units:
        if u.entity == entity:
            return u.type
    return None


def _hit_sentences(doc: Doc, *patterns: re.Pattern, text: str | None = None) -> set[int]:
    """The indices of the sentences in which any of ``patterns`` matches (one pass each over
    the text, instead of one search per sentence); ``text`` is a same-length copy to search."""
    starts = [s for s, _ in doc.sentences]
    text = text if text is not None else doc.text
    hits: set[int] = set()
    for rx in patterns:
        pos = 0
        while (m := rx.search(text, pos)) is not None:
            i = bisect_right(starts, m.start()) - 1
            if i >= 0 and m.start() < doc.sentences[i][1]:
                hits.add(i)
                pos = max(m.end(), doc.sentences[i][1])  # one match is enough: on to the next sentence
            else:
                pos = max(m.end(), m.start() + 1)
    return hits


def _first_company(doc: Doc) -> Unit | None:
    """The first company the announcement names: the one "the company" means when no other is near."""
    return next((u for u in doc.units if u.person is None and u.type == "Company"), None)


def _country(doc: Doc, entity: str) -> str | None:
    chain = _chain_up(doc, entity)
    for x in chain:
        if x in doc.countries:
            return x
    for x in chain:  # "Taiwan-Japan Industrial Promotion Center" (part of III): its name says Taiwan
        place = doc.named.get(x)
        if place is not None and place not in chain:
            for y in _chain_up(doc, place):
                if y in doc.countries:
                    return y
    return None


def _chain_up(doc: Doc, entity: str, limit: int = 6) -> list[str]:
    """``entity`` and what it is part of or located in: the text's partOf facts, then the
    gazetteer's parents and the place its name starts with."""
    out = [entity]
    cur = entity
    while len(out) <= limit:
        nxt = doc.part_of.get(cur) or doc.located.get(cur) or doc.home.get(cur)
        if nxt is None or nxt in out:
            break
        out.append(nxt)
        cur = nxt
    return out
