"""Relations between the entities of one announcement, sentence by sentence.

Every rule reads cue words from ``data/patterns/<lang>.yaml``: agreements (parties by "between
X and Y", "X signed ... with Y and Z", "X與Y及Z簽訂", "XはYと覚書を交わした"; signatories by
"signed by", 由…簽字, …が署名; witnesses by "witness", 見證, 立ち会い), posts, fields of
cooperation, investments and their facilitation, locations, parent bodies, ordinals ("the 8th
member", 2例目, "after six prefectures" + "again") and partner counts.

The result is a list of :class:`graph.models.Relation` with evidence sentence, span, date,
confidence and qualifiers. Agreements are resolved per announcement: every sentence with a
signing verb or a witness cue is an event, and events about one signing (the same parties, or
"the MOU was signed by ...", 雙方代表簽字, 締結式では…署名した) merge into one agreement whose IRI
and most precise date every fact about it carries (signedMOUWith, signatoryOf, witnessOf,
cooperatesIn). A signatory's or witness's ``side`` is the party their body is (part of), the
party that is part of their body, or the one party of their body's country; the object of
signatoryOf and witnessOf is always a party.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from datetime import date

from .cues import Cues, alternation, load_cues
from .dates import DateMention
from .ids import agreement_iri
from .models import Relation
from .people import Person
from .industries import FIELD_HEADING as _FIELD_HEADING, FIELD_LIST_ITEM as _FIELD_LIST_ITEM
from .recognize import BULLET, ORG_TYPES, PLACE_TYPES, Mention, fold, is_cjk

__all__ = ["Doc", "Unit", "find_relations", "Agreement", "Event"]

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
        nxt = re.match(r"[的の]", doc.text[u.end:u.end + 1])
        if doc.lang != "en" and nxt and u.type in PLACE_TYPES:
            pos = u.end + 1
            continue
        if doc.lang != "en" and u.type == "Country" and doc.unit_at(u.end) is not None:
            pos = u.end
            continue
        based = _BASED.match(doc.text, u.end) if doc.lang == "en" and u.type in PLACE_TYPES else None
        if based and doc.unit_at(based.end()) is not None:
            pos = based.end()  # "Miaoli-based National United University": where the party is
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
        acr = re.match(r"\s*[（(][^()（）]{1,12}[)）][」』]?|[」』]", doc.text[end:end + 16])
        if acr:
            end += acr.end()
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


# ---------------------------------------------------------------- agreements
#
# Agreements are resolved per document in two steps. Every sentence with a signing verb or a
# witness cue yields an :class:`Event` (the parties it names, its signatories and witnesses, its
# date); then events that speak of one signing (the same parties, or no parties but "the MOU was
# signed by ...") are merged into one :class:`Agreement`, whose IRI and date are computed once
# from the final parties and the most precise date, so that every fact about it agrees.

_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)\b|\b(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|"
                      r"eleventh|twelfth)\b|第\s*[0-9一二三四五六七八九十]+\s*[個位名家例番]|\d+\s*(?:例目|番目|件目)|に続いて|に次いで|先前已")
_SEPARATE = re.compile(r"\b(?:separate|another|second|other)\s+(?:[\w-]+\s+){0,2}?(?:MOU|MoU|memorandum|agreement|accord)"
                       r"|另(?:與|外|一)|別の|もう一つ", re.I)
_AFTER_SIGNING = re.compile(r"(?:を受け|後|以後|之後|以來|以来|を機に|を記念|式典後)")  # "締結を受け": a signing referred to
_CLAUSE_END = re.compile(r",\s+(?:[a-z]+ing|which|who|whose|where|to|and\s+(?:will|would|also))\b")
_AS_WITNESS = re.compile(r"\s+as\s+(?:a\s+|the\s+)?witness", re.I)  # "X and Y signed as witnesses": they witnessed
_PARENT_OF = re.compile(r"(?:的|之|の)?(?:日本|台灣|臺灣|台湾|在日|在台)?(?:子公司|子会社|孫公司|旗下(?:的)?|傘下の)")
_WITNESSED = re.compile(r"(?:見證|见证|觀禮|观礼)[^，,。；;、]{0,6}$")  # "到場見證三項簽約": the signing witnessed, told already
_THIS_SIGNING = re.compile(r"(?:這次|此次|本次|今次|是次|今回の?|この)$")  # "這次簽約可望…": the signing told already
# A signing only intended, expected or hoped for is no agreement yet: "plans to sign", "will
# sign ... next month", "預計明年簽署", "覚書を結ぶ方針", "締結を目指す".
_PLANNED_BEFORE_EN = re.compile(r"\b(?:will|would|shall|plans?\s+to|planning\s+to|aims?\s+to|aiming\s+to|hopes?\s+to|hoping\s+to|"
                                r"intends?\s+to|expected\s+to|set\s+to|scheduled\s+to|likely\s+to|seeks?\s+to|wants?\s+to|"
                                r"looks?\s+forward\s+to|looking\s+forward\s+to|in\s+talks\s+to|preparing\s+to)\s+(?:[a-z]+\s+){0,2}$")
_TODAY_EN = re.compile(r"\b(?:today|tonight|this\s+(?:morning|afternoon|evening))\b", re.I)
_PLANNED_BEFORE_ZH = re.compile(r"(?:預計|预计|計畫|計劃|计划|規劃|规划|擬|拟|希望|盼望?|期盼|期待|有望|可望|準備|准备|打算|考慮|研議|爭取|將|将|"
                                r"尚未|仍未|還未|还未|未能|沒有|没有)"
                                r"[^，,。；;、]{0,16}$")
_TODAY_CJK = re.compile(r"今天|今日|本日|當天|當日")
_PLANNED_AFTER_JA = re.compile(r"[^、。]{0,8}?(?:方針|予定|計画|見通し|見込み|意向|考え|検討|目指|に向け|たい|視野|協議|"
                               r"には至って(?:いない|おらず)|に至っていない|未定)")
_SAME_DAY = re.compile(r"\b(?:on\s+)?the\s+same\s+day\b|同日|當天|當日|同天|即日|(?:^|(?<=[。\n\s\u3000]))(?:あわせて|併せて)", re.I)
_BOTH = re.compile(r"\b(?:both|the\s+two)\s+(?:parties|sides|companies|firms|organizations|governments)\b"
                   r"|雙方|双方|兩家公司|両社|両者|兩者|両市|兩市|両県|三者|三方", re.I)


# "In the first, A and B signed ...", "第二項由…": an enumeration of agreements, not a rank
_ENUMERATION = re.compile(r"\s*(?:(?:in|under|for|with)\s+the\s+|the\s+)?(?:first|second|third|fourth|fifth|last|other)"
                          r"(?:\s+(?:one|agreement|pact|accord|MOU|memorandum|deal))?\s*,|\s*(?:其[一二三四]|第[一二三四五]項)[，,]?", re.I)


def _enumeration_end(sent: str) -> int:
    """Where an opening enumeration ("In the second,", "第二項") ends in ``sent``, else 0.

    >>> _enumeration_end("In the second, Taoyuan and Ogaki signed an MOU."), _enumeration_end("Osaka is the 8th.")
    (14, 0)
    """
    m = _ENUMERATION.match(sent)
    return m.end() if m else 0


_VENUE_AFTER = re.compile(r"(?:内の[^、。]{0,12}?|内)?(?:で|において|にて|にある)(?!の)|(?:舉行|舉辦|召開)|に(?!続|次|対|お)")
_OF_THE_AGREEMENT = re.compile(r"[的の](?:覚書|協定|合作備忘錄|備忘錄|協議|MOU|締結|簽署|簽約)")
_HELD_AT = re.compile(r"(?:で|において|にて)(?:行われ|開かれ|開催され|挙行され)|(?:舉行|舉辦)")
_VENUE_BEFORE = re.compile(r"(?:在|於|于|訪問|拜訪|前往|抵達|訪日|出訪)$")  # where, or where a delegation went


@dataclass
class Event:
    """What one sentence says about a signing."""

    sentence: tuple[int, int]
    parties: list[str]
    signers: list[Unit]
    witnesses: list[Unit]
    date: DateMention | None
    separate: bool = False
    no_new: bool = False
    both: bool = False


# the date of an earlier signing of the agreement renewed: "平成26年に結んだ…覚書を更新", "自民國108年首度簽署",
# "the agreement first signed in 2009"
_EARLIER_AFTER = re.compile(r"\s*(?:に(?:結んだ|締結した|締結された|交わした|署名した)|(?:首度|首次|第一次)(?:簽署|簽訂|締結))")
_FIRST_SIGNED = re.compile(r"\bfirst\s+(?=signed|concluded|inked)", re.I)
_EARLIER_BEFORE = re.compile(r"\bfirst\s+(?:signed|concluded|inked)\s+(?:in|on)\s+$", re.I)


def _event_date(doc: Doc, s: int, e: int, anchors: list[int]) -> DateMention | None:
    """The date of the signing a sentence reports: the most precise date in it, the one
    nearest a signing verb on a tie; "on the same day" / 同日 takes the last full date before."""
    ds = [d for d in _sentence_dates(doc, s, e) if not _EARLIER_AFTER.match(doc.text, d.end)
          and not _EARLIER_BEFORE.search(doc.text, max(s, d.start - 30), d.start)]
    if ds:
        rank = {"day": 0, "month": 1, "year": 2}
        return min(ds, key=lambda d: (rank[d.precision], _said_on(doc, d),
                                      min((abs(d.start - a) for a in anchors), default=0)))
    if _SAME_DAY.search(doc.text, s, e):
        before = [d for d in doc.dates if d.end <= s and d.precision == "day"]
        return before[-1] if before else None
    return None


def _en_witnesses(doc: Doc, s: int, e: int, wits: list, signers: list[Unit], people: list[Unit]) -> list[Unit]:
    """Witnesses around an English witness cue: "witnessed by X", "in the presence of X",
    "with X as witness", "X and Y ... were invited to witness", "X witnessed the signing"."""
    text = doc.text
    out: list[Unit] = []
    taken = {u.start for u in signers}
    for w in wits:
        pos, end = s + w.start(), s + w.end()
        by = re.match(r"(?:ed|es)?\s+by\s+(?:the\s+)?", text[end:end + 20])
        if by or w.group().lower().endswith(("presence of", " by")):
            for u in _chain(doc, end + (by.end() if by else 0) + (0 if by else len(re.match(r"\s*(?:the\s+)?", text[end:]).group())), e):
                if u.person is not None and u.start not in taken:
                    out.append(u)
                    taken.add(u.start)
            continue
        clause = max((s + b.end() for b in re.finditer(r",\s+(?:while|whereas|with)\s+|;\s+", text[s:pos])), default=s)
        before = [u for u in people if clause <= u.start and u.end <= pos and u.start not in taken]
        if not before and not any(u.end <= pos for u in people):
            # "Witnessing the signing were X, ..., and Y, ...": the witnesses follow the cue
            were = re.search(r"\b(?:were|was|are|is)\s+", text[end:e])
            before = [u for u in _chain(doc, end + were.end(), e) if u.person is not None] if were else []
        for u in before:
            out.append(u)
            taken.add(u.start)
        also = _AS_DID.search(text, end, e)  # "X flew in to witness it, as did Deputy Mayor Y"
        for u in [u for u in people if also and also.end() <= u.start and u.start not in taken]:
            out.append(u)
            taken.add(u.start)
    return out


def _headline_parts(doc: Doc, sign: re.Pattern) -> list[tuple[int, int]]:
    """The sentences, with a Chinese or Japanese headline cut into its parts when its signing part names its parties:
    "屏東宮崎攜手締約　縣府與宮崎縣簽署…備忘錄　屏科大、宮崎大學同步簽署…" (a full-width space between words,
    outside brackets, in a line without 。)."""
    out = []
    for s, e in doc.sentences:
        before = len(out)
        line = doc.text[s:e]
        if "。" in line or len(line) > 150 or "\u3000" not in line.strip():
            out.append((s, e))
            continue
        start, depth = s, 0
        for i in range(s, e):
            ch = doc.text[i]
            depth += (ch in "（(「『【") - (ch in "）)」』】")
            if ch == "\u3000" and depth <= 0 and i > start and is_cjk(doc.text[i - 1]) and i + 1 < e and is_cjk(doc.text[i + 1]):
                out.append((start, i))
                start = i + 1
        out.append((start, e))
        signing = [(a, b) for a, b in out[before:] if sign.search(doc.text, a, b)]
        named = [u for u in doc.units_in(*signing[-1]) if u.person is None and u.type in PARTY_TYPES] if signing else []
        joined = bool(signing) and re.match(r"\s*(?:並|也|且|另)?(?:與|与|和|跟)", doc.text[signing[-1][0]:signing[-1][1]])
        if len(named) < 2 and not (named and joined):  # ("並與中小機構續簽": its subject in the part before)
            out[before:] = [(s, e)]  # the signing part names no two parties: the others may
    return out


def _self_body(doc: Doc, ref: str) -> str | None:
    """The body a self-reference stands for: "本県", "縣府" the prefecture or county that issues
    the text, "本市" its city, "当社" the company whose notice it is."""
    if ref in ("当社", "弊社", "本公司"):
        firm = _first_company(doc)
        return firm.entity if firm is not None else None
    city = ref in ("本市", "当市", "市府") or (doc.lang == "zh-Hant" and ref in ("縣府", "本縣", "本府"))
    return doc.implied.get("City" if city else "Prefecture")


def _joined(doc: Doc, units: list[Unit]) -> bool:
    """Whether units follow each other joined by a list's commas and conjunctions only."""
    return all(re.fullmatch(r"\s*(?:[、，,]|及|與|与|和|以及|や|と)\s*", doc.text[a.end:b.start]) for a, b in zip(units, units[1:]))


_WITH_BEFORE = re.compile(r"(?:與|与|和|同|跟)\s*$")  # "…與" right before a partner's name


_WITH_WORDS = re.compile(r"[^與与和同跟，、。；：,;:]*$")


def _with_partner(doc: Doc, lo: int, u: Unit) -> bool:
    """Whether "與" stands before ``u`` with at most a descriptor between, and no other party:
    "與熊本大學", "與日本九州大學", "與日本半導體設備大廠東京威力科創"."""
    text = doc.text
    if _WITH_BEFORE.search(text, max(lo, u.start - 3), u.start):
        return True
    tail = _WITH_WORDS.search(text, lo, u.start)
    at = tail.start() - 1 if tail else -1
    return at >= lo and text[at] in "與与和同跟" and \
        all(x.type == "Country" for x in doc.units_in(at + 1, u.start) if x.person is None)


def _each_verb_its_partner(doc: Doc, parties: list[Unit], s: int, verbs: list) -> list[tuple[Unit, Unit]]:
    """"X…與A續簽備忘錄，並與B簽署新的備忘錄": a signing verb each, its partner after 與 before it;
    X signs with A and with B, not A with B."""
    if doc.lang == "ja" or len(verbs) < 2:
        return []
    text = doc.text
    starts = [s] + [s + v.end() for v in verbs[:-1]]
    partners = []
    for a, v in zip(starts, verbs):
        seg = [u for u in parties if a <= u.start < s + v.start()]
        withs = [u for u in seg if _with_partner(doc, max(a, u.start - 12), u)]
        if withs:
            partners.append(withs[0])
    subject = next((u for u in parties if u.start < (partners[0].start if partners else s)), None)
    if subject is None and len(partners) >= 2:  # "與關經連的備忘錄…；與大阪商工會議所的備忘錄…": the body told of
        topic = _topic_before(doc, s)
        subject = Unit(s, s, topic, _type_of(doc, topic)) if topic else None
    if len(partners) < 2 or subject is None or subject in partners:
        return []
    return [(subject, u) for u in partners]


def _one_with_each(doc: Doc, parties: list[Unit], s: int, e: int, cues: Cues) -> list[tuple[Unit, Unit]]:
    """One body and a list of partners, "竹科已與山形縣、長崎縣及熊本縣簽署", "鳥取県は新竹市、台中市、
    屏東県と協定を結んでいる": an agreement with each partner, not one among them all. Partners of
    one kind, and no one named signing: "昇陽精材與熊本縣、菊陽町…由…分別代表簽署" is one agreement of three."""
    if len(parties) < 3 or cues.rx("multilateral").search(doc.text, s, e) or len({u.type for u in parties[1:]}) > 1 \
            or any(u.person is not None for u in doc.units_in(s, e)):
        return []
    text = doc.text
    first, rest = parties[0], parties[1:]
    gap = text[first.end:rest[0].start]
    if doc.lang == "ja":
        ok = bool(re.search(r"(?:は|が|も)", gap) and re.match(r"\s*と", text[rest[-1].end:]))
    else:
        ok = bool(_WITH_BEFORE.search(gap))
    return [(first, u) for u in rest] if ok and _joined(doc, rest) else []


def _planned(sent: str, verb: re.Match, lang: str) -> bool:
    """Whether the signing verb ``verb`` of ``sent`` is only intended, expected or hoped for."""
    if lang == "en":
        return bool(_PLANNED_BEFORE_EN.search(sent, 0, verb.start())) and not _TODAY_EN.search(sent)
    if lang == "ja":
        return bool(_PLANNED_AFTER_JA.match(sent, verb.end()))
    return bool(_PLANNED_BEFORE_ZH.search(sent, 0, verb.start())) and not _TODAY_CJK.search(sent)


# "the agreement with Hachijuni Bank was signed by …; the agreement with Iyo Bank by …": a clause each
_CLAUSE_WITH_BY = re.compile(r"\s*(?:and\s+)?(?:the|an?)\s+(?:[a-z-]+\s+)?(?:agreement|MOU|MoU|memorandum(?:\s+of\s+understanding)?|"
                             r"accord|one)\s+with\s+(?:the\s+)?", re.I)
_CLAUSE_BY = re.compile(r"\s+(?:was\s+|were\s+)?(?:(?:signed|inked|concluded)\s+)?by\s+(?:the\s+)?")


def _each_clause_its_agreement(doc: Doc, s: int, e: int) -> list[Event]:
    """A sentence of clauses joined by semicolons, each naming an agreement's partner and who
    signed it, the later ones without the verb: an event each (none unless every clause does)."""
    text = doc.text
    if ";" not in text[s:e]:
        return []
    events = []
    start = s
    for part in text[s:e].split(";"):
        end = start + len(part)
        lead = _CLAUSE_WITH_BY.match(text, start, end)
        party = doc.unit_at(lead.end()) if lead else None
        by = _CLAUSE_BY.match(text, party.end, end) if party is not None and party.person is None else None
        if by is None:
            return []
        signers = [u for u in doc.units_in(by.end(), end) if u.person is not None]
        if not signers:
            return []
        events.append(Event((s, e), [_party_of(doc, party) or party.entity], signers, [], _event_date(doc, s, e, [])))
        start = end + 1
    return events if len(events) >= 2 else []


def _agreement_events(doc: Doc, cues: Cues) -> list[Event]:
    text = doc.text
    en = doc.lang == "en"
    mou = cues.rx("mou_nouns_ci" if en else "mou_nouns")
    sign = cues.rx("sign_verbs_ci" if en else "sign_verbs")
    witness = cues.rx("witness_cues_ci" if en else "witness_cues")
    events: list[Event] = []
    listed, blocks = _listed_agreements(doc, mou, sign, witness)
    rows, row_blocks = _labelled_rows(doc)
    blocks += row_blocks
    for s, e in (doc.sentences if en else _headline_parts(doc, sign)):
        if any(a <= s < b for a, b in blocks):
            continue  # a listed agreement's own lines: read with its item
        sent = text[s:e]
        if en and (each := _each_clause_its_agreement(doc, s, e)):
            events += each  # "the agreement with A was signed by X and Y; the agreement with B by X and Z"
            continue
        verbs = [v for v in sign.finditer(sent) if not _AFTER_SIGNING.match(sent, v.end()) and not _AS_WITNESS.match(sent, v.end())
                 and not (not en and (_THIS_SIGNING.search(sent, 0, v.start()) or _WITNESSED.search(sent, 0, v.start())))
                 and not _planned(sent, v, doc.lang)]
        wits = list(witness.finditer(sent))
        if not verbs and not wits and not (not en and _FORM_LABEL.search(sent)):
            continue  # (a form's "署名者" / "立会人" item is an event of its own)
        nouns = list(mou.finditer(sent))
        if nouns and en and re.search(r"\d+\s+(?:agreements|memorand|MOUs)", sent):
            continue  # "concluded 74 agreements": a count, not one agreement
        parties: list[Unit] = []
        signers: list[Unit] = []
        pairs: list[tuple[Unit, Unit]] = []
        by_agent = False
        fresh = False  # the last pair is an agreement the sentence calls new
        if en:
            for v in verbs:
                vs = s + v.start()
                back = _chain_back(doc, vs, s)
                rest = text[s + v.end():e]
                by = re.match(r"(?:\s+(?:on behalf of [^,;]{0,60}?|for\s+(?!the\s+first)[^,;]{0,40}?|jointly|together|separately|(?:last|this|next)\s+[A-Z]?[a-z]+|"
                              r"yesterday|today|(?:in|at|on)\s+[^,;.]{1,40}?))*\s+by\s+", rest)
                if by:
                    by_agent = True
                    for u in _chain(doc, s + v.end() + by.end(), e):
                        (signers if u.person else parties).append(u)
                    for more in re.finditer(r",?\s+and\s+by\s+(?:the\s+)?", text[s + v.end() + by.end():e]):
                        u = doc.unit_at(s + v.end() + by.end() + more.end())  # "by A, CEO of X and …, and by B"
                        if u is not None and u.person is not None and u not in signers:
                            signers.append(u)
                    continue
                if not back:  # "The Kaohsiung City Government yesterday said it had signed ...": the body that says so
                    said = re.search(r"(?:\s+(?:yesterday|today|on\s+[A-Z][a-z]+day))?\s+(?:said|says|announced|announces)\s+(?:that\s+)?"
                                     r"(?:it|they)\s+(?:had\s+|has\s+|have\s+)?$", text[s:vs])
                    back = _chain_back(doc, s + said.start(), s) if said else []
                if not back:  # "Niigata, a port city, has become the 12th city to sign an MOU with ...": the subject
                    became = _BECAME_THE_NTH.search(text, s, vs)
                    lead = s + len(text[s:vs]) - len(text[s:vs].lstrip())  # the sentence's first word
                    back = [u for u in _chain(doc, lead, became.start()) if u.person is None] if became else []
                if not back and _FIRST_PERSON.search(text, s, vs) and (who := _interviewee(doc)) is not None:
                    back = [who]  # "I signed it with …" in an interview's answer: the one interviewed
                kind = _THE_KIND_BEFORE.search(text, s, vs) if not back else None
                if kind:  # "..., where the prefecture signed an agreement with X": the one named before
                    word = kind.group(1).lower()
                    typ = "Prefecture" if word == "prefecture" else "City"
                    one = _first_company(doc) if word in ("company", "firm") else \
                        _last_of_type(doc, typ, s + kind.start()) if word in ("prefecture", "city", "county") else \
                        _last_named(doc, word, s + kind.start())
                    back = [one] if one is not None else []
                clause = _CLAUSE_END.search(rest, 0, 160)  # ", agreeing to connect A with B's …": another clause
                w = re.search(r"\bwith\s+", rest[:clause.start() if clause else 160])
                others = _chain(doc, s + v.end() + w.end(), e) if w and (nouns or back) else []
                if kind and back and back[0].entity in {u.entity for u in others}:
                    back = []  # "the company signed with Hitachi and Toshiba": not one of its own partners
                if not back and sum(u.person is None for u in others) >= 2 and _SUBJECT_WORD.search(text, s, vs):
                    continue  # "Acme Corp signed an MOU with A and B": a signer not known; A and B are no pair
                for u in back:
                    (signers if u.person else parties).append(u)
                if w and (nouns or back):
                    incl = _COUNT_INCLUDING.match(text, s + v.end() + w.end()) if not others else None
                    if incl and len(back) == 1:  # "MOUs with 45 local governments, including A, B and C": one each
                        included = [u for u in _chain(doc, incl.end(), e) if u.person is None]
                        pairs = [(back[0], u) for u in included]
                        others = included
                    if not others and back and back[0].person is not None:
                        # "I signed it with the university's president, Professor Kuo": who signed for the other side
                        others = [u for u in doc.units_in(s + v.end() + w.end(), e) if u.person is not None][:1]
                    for u in others:
                        (signers if u.person else parties).append(u)
                    bodies = [u for u in others if u.person is None]
                    if _PLURAL_MOU.search(rest[:w.start()]) and len(back) == 1 and len(bodies) >= 2:
                        pairs = [(back[0], u) for u in bodies]  # "signed MOUs with A and with B": one each
            for ob in re.finditer(r"\b(?:on behalf of|for)\s+(?:the\s+)?", sent):
                # "signed on behalf of Hokkaido by Vice Governor Uchida, on behalf of the company by its chairman, Lai",
                # "signed for TJPO by Hsieh ..., and for the prefecture by Ohara ..."
                body = doc.unit_at(s + ob.end())
                after = body.end if body is not None else s + ob.end()
                word = re.match(r"(?:company|firm|prefecture|city)\b", sent[ob.end():], re.I)
                if body is None and word:
                    body = _first_company(doc) if word.group(0).lower() in ("company", "firm") else \
                        _last_of_type(doc, word.group(0).title(), s + ob.start())
                    after += word.end()
                if body is None or body.person is not None:
                    continue
                by = re.match(r"[\w\s.-]{0,30}?\s+by\s+(?:the\s+)?(?:its\s+(?P<role>[a-z-]+(?:\s+[a-z-]+)?),\s+)?", text[after:e])
                who = doc.unit_at(after + by.end()) if by else None
                if who is None or who.person is None:
                    continue
                parties.append(body)
                signers.append(who)
                if not any(o for _, o in doc.posts.get(who.entity, [])):
                    doc.posts.setdefault(who.entity, []).append((by.group("role"), body.entity))
                    if by.group("role"):
                        doc.said_posts.append((who.entity, by.group("role"), body.entity, (s, e)))
            for u in doc.units_in(s, e):  # "Deputy Mayor Wang signed for the city and Vice Governor Saito for the prefecture"
                if u.person is not None and u not in signers and \
                        re.match(r"\s+(?:signed\s+|signs\s+)?(?:for|on\s+behalf\s+of)\s+(?:the|its|his|her)\s", text[u.end:e]):
                    signers.append(u)
            for n in nouns:
                btw = re.match(r"\s+(?:(?:was\s+|were\s+)?(?:signed|inked|concluded|sealed)\s+|"
                               r"(?:on\s+(?:(?!to\b|for\b|in\s+order)[\w-]+\s+){1,6})?)?between\s+", text[s + n.end():e])
                # ("an MOU on Friday to boost trade between A and B": what the trade is between, not the parties)
                if btw:
                    pos = s + n.end() + btw.end()
                    co = re.match(r"(?:the|this)\s+(?:company|firm)\s+and\s+(?:the\s+)?", text[pos:e])
                    if co and _first_company(doc) is not None:  # "between the company and the Bureau"
                        parties.append(_first_company(doc))
                        pos += co.end()
                    among = _chain(doc, pos, e, owners=True)
                    bodies = list({u.entity: u for u in parties if u.person is None}.values())
                    if len(bodies) == 2 and len(among) == 2 and _A_NEW.search(text, max(s, s + n.start() - 20), s + n.start()) \
                            and not {u.entity for u in bodies} & {u.entity for u in among}:
                        pairs = [(bodies[0], bodies[1]), (among[0], among[1])]  # "renewed X, and added a new MOU between A and B"
                        fresh = True
                    parties += among
        elif verbs and (nouns or re.search("簽字|署名|簽約|調印", sent)):
            last_verb = s + verbs[-1].start()
            in_people = [(u.person.prefix_start or u.start, u.end) for u in doc.units_in(s, e) if u.person]
            for u in doc.units_in(s, last_verb):
                if u.person is not None or any(a <= u.start and u.end <= b for a, b in in_people):
                    continue
                if u.start in doc.qualifiers:
                    continue
                after = text[u.end:u.end + 3]
                if u.type == "Country" and (re.match(r"\s*[0-9０-９一二三四五六七八九十]+\s*[個个]|[的の・「『]|[\u4e00-\u9fff]", after)
                                            or doc.unit_at(u.end)):
                    continue
                if u.type in PLACE_TYPES and re.match(r"[的の・]", after) and not (
                        parties and re.fullmatch(r"\s*(?:と|與|与|和|及)\s*", text[parties[-1].end:u.start])
                        and _OF_THE_AGREEMENT.match(text, u.end)):
                    continue  # but "佐賀県と嘉義県の覚書": the two whose agreement it is
                if u.type in PLACE_TYPES and re.match(r"\s*(?:兩地|两地|三地|兩市|両市)", text[u.end:u.end + 3]):
                    continue  # "在台北與大阪兩地同步舉行": where
                if u.type in PLACE_TYPES and _IN_NOTE.search(text, max(s, u.start - 12), u.start):
                    continue  # "大昌電子股份有限公司（本社：台湾桃園市、…）": where the firm sits
                if _OVERSEES.match(text, u.end):
                    continue  # "台湾経済部産業発展署が所管する「TJPO」と": the body over the party
                sub = _PARENT_OF.match(text, u.end)
                if sub and (nxt := doc.unit_at(sub.end())) is not None and nxt.person is None and nxt.type in ORG_TYPES:
                    continue  # "環球晶子公司GWJ與新潟縣簽署": the subsidiary signs, not its parent
                lead = _place_chain_start(doc, u, s)
                if u.type in PLACE_TYPES and (_VENUE_AFTER.match(text, u.end) or _VENUE_BEFORE.search(text, max(s, lead - 2), lead)):
                    continue  # "静岡市内で行われ", "在宮崎縣宮崎市與…", "訪問日本九州": where, not who
                if _HELD_AT.match(text, u.end):
                    continue  # "署名式は工研院本部で行われ": where the ceremony was held
                parties.append(u)
            pairs = _one_with_each(doc, parties, s, e, cues) or _each_verb_its_partner(doc, parties, s, verbs)
            withs = [u for u in parties if text.startswith(("との", "とも"), u.end)]
            if doc.lang == "ja" and len(withs) >= 2 and len(withs) == len(parties):
                # "北九州市との覚書締結や広島県との覚書更新が相次いだ": each a partner of the body the text is about
                topic = _topic_before(doc, s)
                pairs = [(Unit(s, s, topic, _type_of(doc, topic)), u) for u in withs] if topic else []
                parties = [] if not topic else parties
        people = [u for u in doc.units_in(s, e) if u.person]
        if en:
            witnesses = _en_witnesses(doc, s, e, wits, signers, people)
        else:
            signers, witnesses = [], []
            if nouns or re.search("簽字|署名|簽約|調印|見證|立ち会|立会|觀禮", sent):
                cue_pos = sorted([(s + v.start(), "sign") for v in verbs] + [(s + w.start(), "witness") for w in wits])
                topic_cues = [(s + v.end(), k) for v, k in [(v, "sign") for v in verbs] + [(w, "witness") for w in wits]
                              if re.match(r"(?:者)?(?:は|：|:)", sent[v.end():v.end() + 2])]
                if topic_cues:  # "署名はザイナスの松尾社長と永盛精機の林董事長で、…も立ち会いました": who follows the cue
                    first = min(topic_cues)
                    nxt = min((p for p, _ in cue_pos if p > first[0]), default=e)
                    clause = re.search(r"[、，,;；]", text[first[0] + 1:nxt])
                    nxt = first[0] + 1 + clause.start() if clause else nxt  # up to the clause's end
                    for u in people:
                        if first[0] <= u.start and u.end <= nxt:
                            (signers if first[1] == "sign" else witnesses).append(u)
                    done = {u.start for u in people if first[0] <= u.start and u.end <= nxt}
                else:
                    done = set()
                prev = s
                for pos, kind in cue_pos:
                    for u in people:
                        if prev <= u.start and u.end <= pos and u.start not in done:
                            done.add(u.start)
                            if re.match(r"[)）]", text[u.end:u.end + 1]) and re.search(r"[(（]", text[max(s, u.start - 8):u.end]):
                                continue  # "常陽銀行（頭取　岡田 俊彦）は": who heads the body, not who signed
                            (signers if kind == "sign" else witnesses).append(u)
                    prev = pos
        party_ids: list[str] = []
        for u in parties:
            pid = _party_of(doc, u)
            if pid and pid not in party_ids:
                party_ids.append(pid)
        own = _SELF_REF.search(text[s:s + verbs[-1].start()]) if not en and verbs else None
        home = _self_body(doc, own.group("ref")) if own else None
        if home and len(party_ids) < 2 and home not in party_ids:
            party_ids.insert(0, home)  # "県では、…TEEMAと覚書を締結しました", "縣府與宮崎縣簽署": the body that issues the text
        elif home and home not in party_ids and parties and re.fullmatch(r"\s*[、，及與与和と]\s*", text[s + own.end():parties[0].start]):
            party_ids.insert(0, home)  # "本公司、熊本縣及合志市…簽署三方立地協定": the issuer is one of the list
        elif home and len(party_ids) >= 2 and not pairs and home not in party_ids and own.start() < parties[0].start - s \
                and _joined(doc, parties) and (re.match(r"\s*と", text[parties[-1].end:]) if doc.lang == "ja"
                                               else _WITH_BEFORE.search(text, s, parties[0].start)):
            # "本県は、これまでに台南市、高雄市と覚書を締結しています": the issuing body with each
            pairs = [(Unit(s, s, home, _type_of(doc, home)), u) for u in parties]
        if not en and verbs and len(party_ids) == 1 and re.match(r"\s*(?:並|也|且|另)?(?:與|与|和|跟)", sent) \
                and text[s - 1:s] == "\u3000":
            # a headline's part "經濟部核准…\u3000並與中小機構續簽…": the part before names who signs
            prev = text.rfind("\u3000", 0, s - 1) + 1
            prev = max(prev, text.rfind("\n", 0, s - 1) + 1)
            first = next((u for u in doc.units_in(prev, s - 1) if u.start == prev and u.person is None
                          and u.type in ORG_TYPES), None)
            if first is not None and first.entity not in party_ids:
                party_ids.insert(0, first.entity)
        heading = _SELF_HEADING.search(text, max(0, s - 160), s) if not en and verbs and len(party_ids) == 1 else None
        if heading and not _has_subject(doc, s, s + verbs[-1].start()):
            # "（参考）本県の連携実績\n令和２年　台湾観光協会と…協定を締結": the issuing body's record
            home = _self_body(doc, heading.group("ref"))
            if home and home not in party_ids:
                party_ids.insert(0, home)
        if not en and verbs and len(party_ids) == 1 and not _has_subject(doc, s, s + verbs[-1].start()):
            topic = _topic_before(doc, s)  # "同日、永豊電子と覚書に調印した": the topic goes on
            if topic is not None and topic not in party_ids:
                party_ids.insert(0, topic)
        if en and not by_agent:
            for u in signers:  # "Mayor Li signed ... with Governor Mimura": their bodies sign
                pid = _party_of(doc, u)
                if pid and pid not in party_ids:
                    party_ids.append(pid)
        if not en:  # "３　署名者　長野県知事　宮坂　修" / "立会人　…": a form's labels, the people after them
            kinds = {k in _SIGN_LABELS for k in _LABEL_WORD.findall(sent)}
            for lab in _FORM_LABEL.finditer(sent):
                if lab.end() == len(sent) and _NOT_NUMBERING.search(sent, 0, lab.start()) and len(kinds) > 1:
                    continue  # "２．署名者・立会人": a heading; its items say which is which ("３．合意書の署名者": all sign)
                kind = signers if lab.group("kind") in _SIGN_LABELS else witnesses
                stop = _FORM_END.search(text, s + lab.end(), s + lab.end() + 300)
                end = stop.start() if stop else (len(text) if lab.end() == len(sent) else e)  # a last item: to the end
                for u in doc.units_in(s + lab.end(), end):
                    if u.person is not None and u not in signers and u not in witnesses:
                        kind.append(u)
        anchors = [s + v.start() for v in verbs] or [s + w.start() for w in wits]
        undated = list(sent)  # the sentence without its dates: "on May 21st" is no rank
        for d in doc.dates_in(s, e):
            undated[d.start - s:d.end - s] = " " * (d.end - d.start)
        undated = _FIRST_SIGNED.sub(" ", "".join(undated))  # "first signed in 2021" is no rank
        flags = {"separate": bool(_SEPARATE.search(sent)), "no_new": bool(_ORDINAL.search(undated, _enumeration_end(sent))),
                 "both": bool(_BOTH.search(sent))}
        pair_ids = [[_party_of(doc, a), _party_of(doc, b)] for a, b in pairs]
        if pair_ids and all(a and b and a != b for a, b in pair_ids) and not cues.rx("multilateral_ci").search(sent):
            bounds = [b.start for _, b in pairs] + [e]
            own = [[u for u in signers if bounds[k] <= u.start < bounds[k + 1]] for k in range(len(pairs))]
            split = all(own) and bounds == sorted(bounds)  # "與A…由X簽署；與B…則由Y簽署": each its own signers
            for k, ids in enumerate(pair_ids):
                told = {**flags, "no_new": False} if fresh and k == len(pair_ids) - 1 else flags  # "a new MOU between"
                events.append(Event((s, e), ids, own[k] if split else signers, witnesses,
                                    _event_date(doc, s, e, anchors), **told))
            continue
        events.append(Event((s, e), party_ids, signers, witnesses, _event_date(doc, s, e, anchors), **flags))
    for rows_, (lead_start, lead_end) in _table_agreements(doc, mou, sign):
        # "與日本三個團體簽署…由A簽字，B見證…整理如下：" above the table: its signer, witnesses and date are each row's
        lead = [ev for ev in events if lead_start <= ev.sentence[0] < lead_end and len(set(ev.parties)) < 2]
        for row in rows_:
            row.signers = [*row.signers, *(u for ev in lead for u in ev.signers)]
            row.witnesses = [*row.witnesses, *(u for ev in lead for u in ev.witnesses)]
            row.date = row.date or next((ev.date for ev in lead if ev.date), None)
        events = [ev for ev in events if not (rows_ and ev in lead)] + rows_
    if rows:
        events = sorted(events + rows, key=lambda ev: ev.sentence[0])
    if listed:
        # "Three MOUs were signed ..., witnessed by A and B" above the list: witnesses of each
        first = listed[0].sentence[0]
        lead = [ev for ev in events if not ev.parties and ev.sentence[1] <= first and first - ev.sentence[1] < _LIST_REACH]
        above = [d for d in doc.dates if first - _LIST_REACH <= d.start and d.end <= first]
        best = _best_date(above)
        when = next((d for d in reversed(above) if best and d.precision == best.precision), None)  # the nearest of the best
        for ev in listed:
            ev.witnesses = [*ev.witnesses, *(w for x in lead for w in x.witnesses)]
            ev.date = ev.date or when
        events = sorted([ev for ev in events if ev not in lead] + listed, key=lambda ev: ev.sentence[0])
    return events


# A table of agreements written as text, a row a line and cells between bars, under a line that
# says whose agreements they are: "First Bank's earlier partners are:" / "1 | The Shizuoka Bank,
# Ltd. | Shizuoka Prefecture | March 2014", "電電公會…簽署之合作備忘錄如下：" / "104年5月｜福岡縣｜IoT應用".
# cells between bars, or aligned with runs of spaces ("1    The Shizuoka Bank    Shizuoka Prefecture  2015-04")
_TABLE_ROW = re.compile(r"^[^\n|｜]*[|｜][^\n]*$|^[ \t]*\S(?:[^\n]*?\S)?(?:[ ]{2,}|\t)\S[^\n]*$", re.M)
_PARTNER_WORDS = re.compile(r"\bpartners?\b|\bagreements?\b|\bMOUs?\b|\bmemorand|夥伴|合作備忘錄|備忘錄|協定|覚書|提携先|締結先", re.I)


def _table_agreements(doc: Doc, mou: re.Pattern, sign: re.Pattern) -> list[tuple[list[Event], tuple[int, int]]]:
    """The tables of agreements, each as its rows' events and the span of the paragraph that leads
    into it."""
    text = doc.text
    tables = []
    rows = list(_TABLE_ROW.finditer(text))
    k = 0
    while k < len(rows):
        block = [rows[k]]
        while k + 1 < len(rows) and rows[k + 1].start() == block[-1].end() + 1:
            k += 1
            block.append(rows[k])
        k += 1
        if len(block) < 3:
            continue  # a header and two rows at least (a page's "Home | News" line is none)
        intro_end = block[0].start() - 1
        while intro_end > 0 and text[intro_end - 1] == "\n":
            intro_end -= 1  # a blank line between the table and the line that leads into it
        intro_start = text.rfind("\n", 0, max(0, intro_end - 1)) + 1
        last = list(re.finditer(r"[.。!?！？]\s+", text[intro_start:intro_end]))
        intro_start += last[-1].end() if last else 0  # the sentence that leads into the table
        intro = text[intro_start:intro_end]
        if not _PARTNER_WORDS.search(intro):
            continue
        para = text.rfind("\n\n", 0, intro_start) + 2 if text.rfind("\n\n", 0, intro_start) >= 0 else 0
        # the body the lead line names, else the one its paragraph starts with ("電電公會…簽署…本次簽署內容整理如下：")
        owner = next((u for span in ((intro_start, intro_end), (para, intro_end)) for u in doc.units_in(*span)
                      if u.person is None and u.type in PARTY_TYPES and u.type != "Country"), None)
        if owner is None:
            continue
        events = []
        for row in block[1:]:
            partner = next((u for u in doc.units_in(row.start(), row.end()) if u.person is None
                            and u.type in PARTY_TYPES and u.type != "Country" and u.entity != owner.entity), None)
            if partner is None:
                continue
            when = next(iter(doc.dates_in(row.start(), row.end())), None)
            signers = [u for u in doc.units_in(row.start(), row.end()) if u.person is not None]
            for u in signers:  # "｜濱松商工會議所｜會頭　鈴木晴夫｜": the partner's signer
                if not any(org for _, org in doc.posts.get(u.entity, [])):
                    doc.posts.setdefault(u.entity, []).append((next((p.role for p in u.person.posts), None), partner.entity))
            events.append(Event((row.start(), row.end()), [owner.entity, partner.entity], signers, [], when))
        tables.append((events, (para, intro_end)))
    return tables


# A list of agreements, an item each: "1. TJPO and Kumamoto Prefecture" (the two parties and
# nothing else), the lines under it "Signed by: X, CEO of TJPO, and Y, ..." and "Fields: ...",
# after a line that speaks of agreements signed ("The agreements signed at the summit:").
_ITEM = re.compile(r"^[ \t]*(?:[0-9０-９]{1,2}[.．、)）]|[(（][0-9０-９一二三四五六七八九十]{1,2}[)）]|[一二三四五六七八九十]{1,2}[、.．]|"
                   r"[\u2022\u30fb\u25aa\u25cf\u25a0\u25b6\u25ba\u25c6*\-–])[ \t]*"
                   r"(?:(?:MOU|MoU|Agreement|備忘錄|覚書|協定)\s*[0-9０-９]{1,2}\s*[:：]\s*)?", re.M)  # "▶ MOU 1："
_ITEM_JOIN = re.compile(r"\s*(?:[(（][^)）]{1,12}[)）])?\s*(?:and|&|與|与|及|和|と|、|×|/)\s*(?:the\s+)?")
_ITEM_END = re.compile(r"\s*(?:[(（][^)）]{1,12}[)）])?\s*[:：.。]?\s*$")
_SIGNED_LABEL = re.compile(r"^[ \t]*(?:signed\s+by|signatories|signatory|簽署人|簽約人|署名者|署名)\s*[:：]", re.I | re.M)
_WITNESS_LABEL = re.compile(r"^[ \t]*(?:witnessed\s+by|witnesses|witness|見證人|立会人|立ち会い)\s*[:：]", re.I | re.M)
_LIST_REACH = 600  # how far above the list its lead line may be


def _listed_agreements(doc: Doc, mou: re.Pattern, sign: re.Pattern, witness: re.Pattern) -> tuple[list[Event], list]:
    text = doc.text
    events: list[Event] = []
    blocks = []
    items = list(_ITEM.finditer(text))
    for k, it in enumerate(items):
        line_end = text.find("\n", it.end())
        line_end = len(text) if line_end < 0 else line_end
        units, starts = [], []
        for u in doc.units_in(it.end(), line_end):
            if units and units[-1].end == u.start and units[-1].type in PLACE_TYPES and u.type in PLACE_TYPES:
                units[-1] = u  # "宮崎縣日南市": the city
            elif not units or u.entity != units[-1].entity:  # "Institute (ITRI)": one party
                units.append(u)
                starts.append(u.start)
        if len(units) != 2 or any(u.person is not None or u.type not in PARTY_TYPES for u in units) \
                or starts[0] != it.end() or not _ITEM_JOIN.fullmatch(text, units[0].end, starts[1]) \
                or not _ITEM_END.fullmatch(text, units[1].end, line_end):
            continue
        nxt = items[k + 1].start() if k + 1 < len(items) else len(text)
        gap = re.search(r"\n[ \t]*\n", text[line_end:nxt])
        end = line_end + gap.start() if gap else nxt
        lead = text[max(0, it.start() - _LIST_REACH):it.start()]
        if not ((mou.search(lead) or mou.search(text, it.start(), it.end())) and (sign.search(lead) or sign.search(text, line_end, end))):
            continue  # a list of agreements signed: the line above says so, or the item's own lines
        signers: list[Unit] = []
        witnesses: list[Unit] = []
        for label, into in ((_SIGNED_LABEL, signers), (_WITNESS_LABEL, witnesses)):
            for m in label.finditer(text, line_end, end):
                stop = text.find("\n", m.end(), end)
                stop = end if stop < 0 else stop
                into += [u for u in doc.units_in(m.end(), stop) if u.person is not None]
                blocks.append((m.start(), stop))  # the labelled line is read here, not as a sentence
        parties = [p for p in (_party_of(doc, u) for u in units) if p]
        events.append(Event((it.start(), end), parties, signers, witnesses, None))
    return events, blocks


# a row of labelled cells: "・締結先：外貿協会 ｜ 署名者：ジェトロ 佐伯浩一理事長、外貿協会 林志遠董事長 ｜ 種別：更新"
_LABELLED_ROW = re.compile(r"^[^\n|｜]*?(?:締結先|締結相手|協定先|提携先|簽約對象|簽署對象|合作對象|partner|counterpart)\s*[:：]"
                          r"(?P<partner>[^|｜\n]+)[|｜][^\n]*?(?:署名者|署名|簽署人|簽約人|簽署者|signed\s+by|signatories)\s*[:：]"
                          r"(?P<signers>[^|｜\n]+)", re.I | re.M)


# the witnesses of every agreement told: "両覚書の署名式", "both agreements", "三項簽約"
_EVERY_AGREEMENT = re.compile(r"両(?:覚書|協定)|兩(?:份|項)?(?:備忘錄|協定|協議|簽約)|[二三四兩]項簽約|"
                              r"\b(?:both|all)\s+(?:the\s+)?(?:two\s+|three\s+)?(?:agreements|MOUs|memoranda|signings)\b", re.I)
_SAME_BODY = re.compile(r"(?:同|該|该)(?:局|社|市|県|縣|府|会|會|協会|協會|大学|大學|公司|署|処|處|部)")


def _labelled_rows(doc: Doc) -> tuple[list[Event], list]:
    """Agreements written as rows of labelled cells, the partner in one and who signed (each
    after the body they sign for) in another: the partner and the signers' bodies are the parties."""
    events, blocks = [], []
    for row in _LABELLED_ROW.finditer(doc.text):
        partner = next((u for u in doc.units_in(*row.span("partner")) if u.person is None and u.type in PARTY_TYPES), None)
        if partner is None:
            continue
        parties, signers, body, at = [partner.entity], [], None, row.start("signers")
        for u in doc.units_in(*row.span("signers")):
            if u.person is None:
                body = u.entity if u.type in PARTY_TYPES else None
                if body and body not in parties:
                    parties.append(body)
                continue
            if body is None and _SAME_BODY.search(doc.text, at, u.start):
                body = partner.entity  # "同局　廖俊賢局長": the partner's own
            signers.append(u)
            at = u.end
            if body and not any(org for _, org in doc.posts.get(u.entity, [])):
                role = next((p.role for p in u.person.posts), None)
                doc.posts.setdefault(u.entity, []).append((role, body))  # "ジェトロ大阪本部　中西真理子本部長"
                if role:
                    doc.said_posts.append((u.entity, role, body, row.span()))
            body = None
        events.append(Event(row.span(), parties, signers, [], None))
        blocks.append(row.span())
    return events, blocks


def _place_chain_start(doc: Doc, u: Unit, s: int) -> int:
    """Where the places written right before ``u`` start ("日本九州", "宮崎縣宮崎市"), else its start."""
    lead = u.start
    for v in reversed(doc.units_in(s, u.start)):
        if v.end != lead or v.type not in PLACE_TYPES:
            break
        lead = v.start
    return lead


# the issuing government named by itself at the start of a clause: "県では", "本県が", "縣府與"
_OVERSEES = re.compile(r"(?:が|の)(?:所管|管轄|運営|設置|設立)(?:する|している|した)|(?:所屬|所属|轄下|旗下)的?")
# a heading over a list of the issuing body's own agreements: "（参考）本県の台湾との連携実績"
_SELF_HEADING = re.compile(r"(?:^|\n)[^\n。]{0,8}(?P<ref>本県|当県|本縣|本市|当市|本府)の[^\n。]{0,24}\n(?:[^\n。]*\n){0,3}[^\n。]*$")
_IN_NOTE = re.compile(r"[（(][^（）()]*$")  # inside a bracket opened before
_SELF_REF = re.compile(r"(?:^|(?<=[、，。「（\u3000 )）.．:：\n]))(?P<ref>本県|当県|本縣|本府|縣府|県|本市|当市|市府|当社|弊社|本公司)"
                       r"(?=では|は|が|と|與|和|及|也|今|將|将|於|于|、|，)")


_NOT_NUMBERING = re.compile(r"[^\s\u30000-9０-９.．、()（）]")
_SIGN_LABELS = ("署名者", "署名人", "簽署人", "簽約人", "締結者")
_LABEL_WORD = re.compile(r"署名者|署名人|簽署人|簽約人|締結者|立会人|立ち会い人|立会者|見證人|見証人|見證者")
_FORM_LABEL = re.compile(rf"(?P<kind>{_LABEL_WORD.pattern})[】\]]?"
                         r"(?:[ \u3000:：\n]+|(?:則|分別)?(?:為|为|是|は)|として|$)")  # "見證人為外交部次長田中光"
# a form's item goes on over the lines after it up to the next numbered item or a blank line
_FORM_END = re.compile(r"\n(?=[ \u3000\t]*(?:[0-9０-９]+|[（(][0-9０-９]+[）)]|[一二三四五六七八九十]+[、.．]|[■●◆○・※【]|\n))")


_CJK_SUBJECT = re.compile(r"\s*(?:[（(][^）)]{0,30}[）)])?\s*(?:は|が|も|與|与|和|及|、)")


def _last_named(doc: Doc, head: str, pos: int) -> Unit | None:
    """The last body before ``pos`` whose name has the word ``head`` ("the bureau": the Science
    Park Bureau, also when written as its acronym; "the chamber": the Chamber of Commerce)."""
    for u in reversed(doc.units_in(0, pos)):
        label = _label_of(doc, u.entity) if u.person is None else None
        if label and re.search(rf"\b{head}\b", label, re.I):
            return u
    return None


def _last_of_type(doc: Doc, type_: str, pos: int) -> Unit | None:
    """The last unit of this type before ``pos`` ("the prefecture": the one named last), or
    named in a person's post ("Kumamoto Prefecture Governor Ikuo Kabashima")."""
    found = []
    for u in doc.units_in(0, pos):
        if u.person is None and u.type == type_ and u.start not in doc.qualifiers:
            found.append(u)
        elif u.person is not None:
            found += [Unit(u.start, u.end, org, type_) for _, org in doc.posts.get(u.entity, [])
                      if org and _type_of(doc, org) == type_]
    return found[-1] if found else None


def _first_company(doc: Doc) -> Unit | None:
    """The first company the announcement names: the one "the company" means when no other is near."""
    return next((u for u in doc.units if u.person is None and u.type == "Company"), None)


def _has_subject(doc: Doc, s: int, verb: int) -> bool:
    """Whether a Chinese or Japanese clause names its subject: a unit marked by は/が, or
    a unit at its start."""
    for u in doc.units_in(s, verb):
        if u.person is None and (u.start - s <= 1 or _CJK_SUBJECT.match(doc.text, u.end)):
            if u.start - s <= 1 or doc.text[u.end:u.end + 1] in "はが（(":
                return True
    return False


def _topic_before(doc: Doc, s: int) -> str | None:
    """The body a Chinese or Japanese text is about before position ``s``: the subject of
    the last sentence that has one (a company or body marked by は/が or opening it)."""
    for a, b in reversed([x for x in doc.sentences if x[1] <= s]):
        for u in doc.units_in(a, b):
            if u.person is None and u.type in ORG_TYPES and (
                    (u.start - a <= 1 and doc.lang != "ja") or doc.text[u.end:u.end + 1] in "はが" or re.match(r"\s*[（(][^）)]{0,30}[）)]\s*は", doc.text[u.end:u.end + 40])
                    or re.match(r"\s*(?:[（(][^）)]{0,30}[）)])?\s*。", doc.text[u.end:u.end + 40])):  # "…を支援するTJPO（ＴＪＰＯ）。"
                return u.entity
    return None


def _recent_companies(doc: Doc, s: int, n: int = 2) -> list[str]:
    """The last ``n`` different companies named before ``s`` ("両社", "the two companies")."""
    out: list[str] = []
    for u in reversed([u for u in doc.units if u.end <= s and u.person is None and u.type == "Company"]):
        if u.entity not in out:
            out.insert(0, u.entity)
        if len(out) == n:
            break
    return out


def _better(new: DateMention, old: DateMention) -> bool:
    rank = {"day": 0, "month": 1, "year": 2}
    return rank[new.precision] < rank[old.precision]


# --- Agreement dates -----------------------------------------------------------------
# A date that tells when something was said or announced ("yesterday said it had signed",
# "昨（4）日宣布") gives way to one that tells when the signing was ("inked last Tuesday").
# A sentence that dates a signing without naming its parties ("Three agreements were signed
# on Friday (Nov. 17)", "An agreement was signed on May 21") dates the agreements reported
# after it; one that only restates a known agreement with its rank ("became the 14th to sign
# with TJPO on December 5") still dates that agreement.

_SAID_AFTER = re.compile(r"\s*(?:[（(][^）)]{0,12}[)）])?\s*(?:said|says|announced|told|stated|noted|reported|"
                         r"宣布|宣佈|表示|指出|說|发表|發表|発表|公表)", re.I)
_SAID_BEFORE = re.compile(r"\b(?:said|announced|stated|told\s+\w+)\s+(?:on\s+)?$", re.I)


def _said_on(doc: Doc, d: DateMention) -> bool:
    """Whether date ``d`` is the day something was said or announced, not done."""
    return bool(_SAID_AFTER.match(doc.text, d.end) or _SAID_BEFORE.search(doc.text, max(0, d.start - 30), d.start))


def _date_wins(doc: Doc, new: DateMention | None, old: DateMention | None) -> bool:
    """Whether ``new`` should replace ``old`` as an agreement's date."""
    if new is None:
        return False
    if old is None or _better(new, old):
        return True
    return new.precision == old.precision and _said_on(doc, old) and not _said_on(doc, new)


def _date_known(doc: Doc, agreements: list, ev: Event) -> None:
    """Give the date of an event that restates a known agreement to the agreement that shares
    two of its parties."""
    if ev.date is None:
        return
    for ag in reversed(agreements):
        if len(set(ag.parties) & set(ev.parties)) >= 2:
            if _date_wins(doc, ev.date, ag.date):
                ag.date = ev.date
            return


def _resolve_agreements(doc: Doc, events: list[Event]) -> list[Agreement]:
    """Merge the events that report one signing (see the section comment)."""
    agreements: list[Agreement] = []
    pending: DateMention | None = None  # a signing date stated before its parties are named
    last: tuple[Agreement, int] | None = None  # where the last event without parties went, and where it ended
    signed_in: dict[tuple[int, int], list[Agreement]] = {}  # the agreements a sentence names, or names signers of
    last_signing: tuple[int, int] | None = None
    for ev in events:
        target = None
        if ev.parties and not ev.separate:
            new = set(ev.parties)
            for ag in reversed(agreements):
                old = set(ag.parties)
                if new <= old or (old <= new and len(old) < 2) or (old <= new and not ev.no_new):
                    target = ag
                    break
        elif not ev.parties and agreements and not ev.separate:
            # "The MOU was signed by ...", "雙方代表簽字": the last agreement, or the last one whose
            # parties the signatories' bodies are (two agreements named in a headline)
            signing = {_party_of(doc, u) for u in ev.signers} - {None}
            bodies = signing | {_party_of(doc, u) for u in ev.witnesses} - {None}
            tops = {_top_party(doc, b) for b in bodies}  # "商工労働部長": the prefecture's

            def shared(ag: Agreement) -> tuple[int, int, int]:  # the signers' bodies first, then the witnesses'
                return len(signing & set(ag.parties)), len(bodies & set(ag.parties)), len(tops & set(ag.parties))
            named = {u.entity for u in doc.units_in(*ev.sentence) if u.person is None}  # "北九州市で締結した": where, whose
            best = max((shared(ag) for ag in agreements), default=(0, 0, 0))
            tied = [ag for ag in reversed(agreements) if any(best) and shared(ag) == best]
            if last is not None and last[0] in tied and ev.sentence[0] - last[1] < 200:
                tied = [last[0]]  # "【署名者】… 【立会人】…": the witnesses of the signing just told
            target = next(iter(tied), None) or \
                next((ag for ag in reversed(agreements) if named & set(ag.parties)), agreements[-1])
            told = signed_in.get(last_signing) if last_signing else None
            if _EVERY_AGREEMENT.search(doc.text, *ev.sentence) and agreements[-1].date is not None:
                # "両覚書の署名式には…が立ち会いました": of each agreement signed that day
                told = [ag for ag in agreements if ag.date is not None and ag.date.iso == agreements[-1].date.iso]
                last_signing = ev.sentence
            if ev.witnesses and not ev.signers and not any(best) and not named & _all_parties(agreements) \
                    and told and len(told) >= 2 and ev.sentence[0] - last_signing[1] < 200:
                for ag in told:  # "A and B attended as witnesses" after two agreements or their signers: of each
                    ag.witnesses += [(u, ev.sentence) for u in ev.witnesses]
                continue
        elif not ev.parties and ev.both and re.search(r"社|公司|compan|firm", doc.text[ev.sentence[0]:ev.sentence[1]]):
            ev.parties = _recent_companies(doc, ev.sentence[0])  # "両社は同日、業務提携契約を締結した"
        if target is None:
            if not ev.parties and not (ev.signers or ev.witnesses):
                pending = ev.date or pending
                continue
            if ev.no_new and agreements and not ev.signers and not ev.witnesses:
                _date_known(doc, agreements, ev)
                continue  # "Osaka is the 8th ... to sign an MOU with TJPO": a known agreement
            target = Agreement(list(ev.parties), ev.date or pending, ev.sentence)
            agreements.append(target)
        else:
            for p in ev.parties:
                if p not in target.parties:
                    target.parties.append(p)
            if _date_wins(doc, ev.date, target.date):
                target.date = ev.date
        target.signatories += [(u, ev.sentence) for u in ev.signers]
        target.witnesses += [(u, ev.sentence) for u in ev.witnesses]
        if ev.signers or ev.parties:
            last_signing = ev.sentence
            signed_in.setdefault(ev.sentence, [])
            if target not in signed_in[ev.sentence]:
                signed_in[ev.sentence].append(target)
        last = (target, ev.sentence[1]) if not ev.parties else None
    for ag in agreements:
        # signatories of bodies when the parties named are countries ("between Taiwan and
        # Japan ... signed on behalf of the two governments by X of A and Y of B"): the bodies sign
        if ag.signatories and ag.parties and all(_type_of(doc, p) == "Country" for p in ag.parties):
            orgs = []
            for u, _ in ag.signatories:
                org = next((o for _, o in doc.posts.get(u.entity, []) if o), None)
                if org and org not in orgs and _type_of(doc, org) != "Country":
                    orgs.append(org)
            if len(orgs) >= 2:
                ag.principals = list(ag.parties)
                ag.parties = orgs
        # "signed by X of A and Y of B" with one party named: the signatories' bodies complete it
        if len(ag.parties) < 2:
            for u, _ in ag.signatories:
                org = next((o for _, o in doc.posts.get(u.entity, []) if o), None)
                if org and _side(doc, u.entity, ag.parties) is None and org not in ag.parties \
                        and _type_of(doc, org) != "Country":
                    ag.parties.append(_top_party(doc, org))
    return agreements


def _top_party(doc: Doc, org: str) -> str:
    """The body a signatory's unit belongs to, up to a prefecture or city: a department signs
    for its prefecture."""
    for x in _chain_up(doc, org):
        if _type_of(doc, x) in ("Prefecture", "City"):
            return x
    return org


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


def _side(doc: Doc, person: str, parties: list[str]) -> str | None:
    """The party a person acts for: the party their post's body is (part of), the party that
    is part of their body, or the one party of their body's country."""
    orgs = [o for _, o in doc.posts.get(person, []) if o]
    for o in orgs:
        for x in _chain_up(doc, o):
            if x in parties:
                return x
    for o in orgs:
        hits = [p for p in parties if o in _chain_up(doc, p)]
        if len(hits) == 1:
            return hits[0]
    for o in orgs:
        c = _country(doc, o)
        if c is not None:
            hits = [p for p in parties if _country(doc, p) == c]
            if len(hits) == 1:
                return hits[0]
    return None


_COMPANY_POSTS = re.compile(r"董事長|总经理|總經理|執行長|社長|会長|會長|取締役|CEO|President|Chairman|Chairwoman|Managing Director", re.I)


def _bare_post(doc: Doc, person: str) -> str | None:
    """The title a person is given without the body it is held at, if that is all the text says."""
    posts = doc.posts.get(person, [])
    if not posts or any(org for _, org in posts):
        return None
    return next((role for role, _ in posts if role), None)


def _post_fits(doc: Doc, role: str, body: str) -> bool:
    """Whether a title names a post at this body: its head ("署長" at "產業發展署", "縣長" at a
    county) or a company's officer at a company."""
    if _type_of(doc, body) == "Company":
        return bool(_COMPANY_POSTS.search(role))
    label = _label_of(doc, body) or ""
    return doc.lang != "en" and len(role) >= 2 and role[-1] == "長" and label[-1:] == role[-2]


def _respective(doc: Doc, ag: Agreement, signed: dict, rels: list[Relation]) -> None:
    """"由盧秀燕市長與河村隆之市長代表簽署": two mayors, their city only implied by the title, sign
    for the two cities in turn; the second one's post and side move to the city left."""
    left = [p for p in ag.parties if p not in signed.values()]
    order = sorted({u.entity: u.start for u, _ in ag.signatories}.items(), key=lambda kv: kv[1])
    for person, _ in order[1:]:
        side = signed.get(person)
        if len(left) != 1 or side is None or list(signed.values()).count(side) < 2 \
                or _type_of(doc, left[0]) != _type_of(doc, side):
            continue
        roles = [r for r, o in doc.posts.get(person, []) if o == side]
        if not roles:
            continue
        new = left.pop()
        signed[person] = new
        doc.posts[person] = [(r, new if o == side else o) for r, o in doc.posts[person]]
        rels[:] = [r for r in rels if not (r.subject == person and r.predicate == "holdsPosition" and r.object == side
                                           and r.confidence <= 0.6)]
        rels.append(_rel(doc, person, "holdsPosition", new, ag.sentence, 0.6, quals=(("role", roles[0]),)))


def _emit_agreements(doc: Doc, agreements: list[Agreement], rels: list[Relation]) -> None:
    for ag in agreements:
        iri = ag.iri()
        span = ag.sentence
        conf = 0.9 if len(ag.parties) >= 2 else 0.7
        for i, a in enumerate(ag.parties):
            for b in ag.parties[i + 1:]:
                rels.append(_rel(doc, a, "signedMOUWith", b, span, conf, when=ag.date, agreement=iri))
        for i, a in enumerate(ag.principals):
            for b in ag.principals[i + 1:]:
                # the governments the bodies signed for: a tie of their own, not parties of the
                # bodies' agreement (which keeps exactly the bodies that signed)
                rels.append(_rel(doc, a, "signedMOUWith", b, span, 0.75, when=ag.date))
        if not ag.parties:
            continue
        signed: dict[str, str | None] = {}
        for u, _ in ag.signatories:
            signed.setdefault(u.entity, _side(doc, u.entity, ag.parties))
        # one signatory per party: the one whose side is unknown signs for the party left
        left = [p for p in ag.parties if p not in signed.values()]
        unknown = [k for k, v in signed.items() if v is None]
        if len(unknown) == 1 and len(left) == 1:
            signed[unknown[0]] = left[0]
        _respective(doc, ag, signed, rels)
        for person, side in signed.items():  # "由署長楊志清…代表簽署": the post is at the body signed for
            role = _bare_post(doc, person)
            if side and role and _post_fits(doc, role, side):
                rels.append(_rel(doc, person, "holdsPosition", side, span, 0.6, quals=(("role", role),)))
        for kind, members in (("signatoryOf", ag.signatories), ("witnessOf", ag.witnesses)):
            done = set()
            for u, sspan in members:
                if u.entity in done:
                    continue
                done.add(u.entity)
                side = signed.get(u.entity) if kind == "signatoryOf" else _side(doc, u.entity, ag.parties)
                quals = (("side", side),) if side else ()
                rels.append(_rel(doc, u.entity, kind, side or ag.parties[0], sspan, 0.85 if side else 0.6,
                                 when=ag.date, agreement=iri, quals=quals))


# ---------------------------------------------------------------- fields of cooperation

_LIST_BLOCK = re.compile(rf"(?:\s*\n[ \t]*{BULLET}[ \t]+[^\n]+)+")


# a listed agreement's line of fields: "Fields: semiconductors; hydrogen energy", "合作領域：半導體"
_FIELD_LABEL = re.compile(r"\s*(?:fields?|areas?|sectors?|focus|scope|合作領域|合作項目|領域|重點領域|分野|協力分野|連携分野)"
                          r"(?:\s+of\s+cooperation)?\s*[:：]", re.I)


def _under_field_heading(text: str, pos: int) -> bool:
    """Whether ``pos`` is in the list under a heading of fields ("２　連携分野" and its items)."""
    heads = list(_FIELD_HEADING.finditer(text, max(0, pos - 300), pos + 1))
    if not heads:
        return False
    between = text[heads[-1].end():pos]
    return all(_FIELD_LIST_ITEM.fullmatch(line + "\n") for line in between.split("\n")[:-1])


def _fields(doc: Doc, cues: Cues, agreements: list[Agreement], rels: list[Relation]) -> None:
    if not doc.industries:
        return
    en = doc.lang == "en"
    both = re.compile(r"\b(?:both (?:parties|sides)|the (?:two|three|four) [a-z]+s|all (?:three|parties)|the (?:MOU|memorandum|agreement))\b"
                      if en else r"雙方|双方|兩者|両者|三方|備忘錄|覚書|協定|合意書|契約|兩地|両地", re.I)
    coop = re.compile(r"\b(?:cooperat\w*|collaborat\w*|exchanges?|partnership|work(?:ing)? together|opportunit\w+)\b"
                      if en else r"合作|連携|協力|交流|合作商機|拓銷|協業|提携|攜手|分野|領域|方面")
    istarts = [i[0] for i in doc.industries]
    for s, e in doc.sentences:
        if doc.text[s:e].rstrip().endswith((":", "：")):  # "in four fields:" and the list below it
            block = _LIST_BLOCK.match(doc.text, e)
            e = block.end() if block else e
        inds = [i for i in doc.industries[bisect_left(istarts, s):bisect_left(istarts, e)] if i[1] <= e]
        if not inds:
            continue
        sent = doc.text[s:e]
        headed = _under_field_heading(doc.text, s)
        if not coop.search(sent) and not both.search(sent) and not any(a.sentence[0] == s for a in agreements) \
                and not _FIELD_LABEL.match(sent) and not headed:
            continue  # (the signing sentence's own fields count: "signed an MOU on promoting X")

        orgs = [u for u in doc.units_in(s, e) if u.person is None and u.type != "Country"]
        ag = None
        if agreements:
            ag = max((a for a in agreements if a.sentence[0] <= s), key=lambda a: a.sentence[0], default=agreements[0])
            if headed:  # an annex's list: the agreement its lines above name
                near: dict[str, int] = {}
                for u in doc.units_in(max(0, s - 400), s):
                    near[u.entity] = u.start  # where each body was last named
                ag = max(reversed(agreements), key=lambda a: (len(set(near) & set(a.parties)),
                                                               min((near[p] for p in a.parties if p in near), default=-1)))
        subjects: list[str] = []
        if ag is not None and (both.search(sent) or ag.sentence == (s, e) or _FIELD_LABEL.match(sent)
                               or headed):  # the signing sentence names its fields
            subjects = list(ag.parties)
        elif orgs and orgs[0].start - s < 12 and orgs[0].type in ORG_TYPES | PLACE_TYPES:
            subjects = [orgs[0].entity]  # "貿協今年…涵蓋食品…等產業": that body's fields
            if ag is not None and orgs[0].entity not in ag.parties:
                ag = None
        elif ag is not None and not orgs:
            subjects = list(ag.parties)
        if not subjects:
            continue
        iri = ag.iri() if ag is not None and set(subjects) <= set(ag.parties) else None
        seen = set()
        for _, _, ind in inds:
            if ind in seen:
                continue
            seen.add(ind)
            for subj in subjects:
                rels.append(_rel(doc, subj, "cooperatesIn", ind, (s, e), 0.75, agreement=iri,
                                 when=ag.date if iri and ag is not None else None))


def _all_parties(agreements: list[Agreement]) -> set[str]:
    return {p for a in agreements for p in a.parties}


# ---------------------------------------------------------------- ordinals and counts

def _ordinals(doc: Doc, cues: Cues, agreements: list[Agreement], rels: list[Relation]) -> None:
    text = doc.text
    main = agreements[0] if agreements else None
    en = doc.lang == "en"
    nouns = alternation(cues.words("ordinal_nouns_ci" if en else "ordinal_nouns"))
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
_ORD_HINT_CJK = re.compile(r"第|例目|番目|件目|先前|之前|此前|已先後")
_DIGIT = re.compile(r"\d+")


def _hit_sentences(doc: Doc, *patterns: re.Pattern, text: str | None = None) -> set[int]:
    """The indices of the sentences in which any of ``patterns`` matches (one pass each over
    the text, instead of one search per sentence); ``text`` is a same-length copy to search."""
    starts = [s for s, _ in doc.sentences]
    hits: set[int] = set()
    for rx in patterns:
        for m in rx.finditer(text if text is not None else doc.text):
            i = bisect_right(starts, m.start()) - 1
            if i >= 0 and m.start() < doc.sentences[i][1]:
                hits.add(i)
    return hits


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
    nouns = alternation(cues.words("partner_nouns_ci" if en else "partner_nouns"))
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


# ---------------------------------------------------------------- investments

_INVEST_WORD = re.compile(r"\binvest")
_EN_ACQUIRE = re.compile(r"\b(?:acquire|acquires|acquired|acquiring|buy|buys|bought|purchase|purchases|purchased|take|takes|took)\s+"
                         r"(?:an?\s+)?(?:\d+(?:\.\d+)?\s?%\s+|minority\s+|majority\s+|controlling\s+)?(?:equity\s+)?(?=stake|shares|interest)")
_EN_ACQUIRE_LOW = re.compile(r"\b(?:acquire|acquires|acquired|acquiring|buy|buys|bought|purchase|purchases|purchased|take|takes|took)\s+"
                             r"(?:an?\s+)?(?:\d+(?:\.\d+)?\s?%\s+|minority\s+|majority\s+|controlling\s+)?(?:equity\s+)?(?=stake|shares|interest)")
_EN_APPOSITION = re.compile(r",\s+(?:a|an|the|which|who)\b[^,;]{0,120},|\s*,?\s*(?:said|says|announced|announces|stated)\b"
                            r"[^.;,]{0,30}?\bthat\s+it\b|\s+\([^()]{1,12}\)")
_MONEY = re.compile(r"(?:US\$|NT\$|JP¥|¥|\$|USD\s?|NTD\s?|JPY\s?)\s?\d[\d,.]*\s*(?:billion|million|thousand|bn|m)?"
                    r"|\d[\d,.]*\s*(?:billion|million|thousand)?\s*(?:yen|Japanese yen|NT dollars|US dollars|dollars)\b"
                    r"|\d[\d,.]*\s*(?:億|萬|万|千萬)\s*(?:日圓|日元|円|元|美元|新台幣|台幣)")
_STAKE = re.compile(r"(?:an?\s+)?(?:equity\s+)?stake\s+of\s+(?:more than\s+|less than\s+|about\s+)?\d+(?:\.\d+)?\s?%"
                    r"|(?:minority|majority|controlling|\d+(?:\.\d+)?\s?%)\s+(?:equity\s+)?stake")


def _investments(doc: Doc, cues: Cues, rels: list[Relation]) -> None:
    text = doc.text
    en = doc.lang == "en"
    fac = cues.rx("facilitation_cues_ci" if en else "facilitation_cues", bounded=en)
    inv = cues.rx("invest_verbs_ci" if en else "invest_verbs", bounded=en)
    if en:
        low = doc.lower
        hits = _hit_sentences(doc, cues.lower_rx("invest_verbs_ci"), cues.lower_rx("facilitation_cues_ci"),
                              _EN_ACQUIRE_LOW, _INVEST_WORD, _EN_BUILD_SITE_LOW, text=low)
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
                the_co = re.match(r"(?:the|this)\s+(?:company|firm|maker|group)\b", text[s + helped.end():e])
                last_inv = next((r.subject for r in reversed(rels) if r.predicate == "investedIn"), None)
                if not comps and the_co and last_inv is not None:  # "helped the company find a site"
                    comps = [Unit(s + helped.end(), s + helped.end() + the_co.end(), last_inv, "Company")]
                appos = re.match(r",\s+(?:a|an|the)\b[^,;]{0,100},", text[comps[-1].end:e]) if comps else None
                skip = appos.end() if appos else 0  # "helped X Co., a lens maker based in Y, open a line in Z"
                rest = text[comps[-1].end + skip:e] if comps else ""
                inv_in = re.match(r"\s+(?:to\s+)?(?:invest|set up|build|establish|open)\w*\s+(?:[\w-]+\s+){0,3}?in\s+(?:the\s+)?", rest)
                subj = [u for u in doc.units_in(s, s + helped.start()) if u.person is None and u.type in ORG_TYPES]
                if not subj and re.search(r"\b(?:it|the\s+(?:office|agency|bureau|association|organization))\s+(?:also\s+)?$", text[s:s + helped.start()], re.I) and i > 0:
                    ps, pe = doc.sentences[i - 1]  # "Among other cases, it helped X ...": the body the text spoke of
                    subj = [u for u in doc.units_in(ps, pe) if u.person is None and u.type in ("Agency", "Organization")][:1]
                while len(subj) >= 2 and re.fullmatch(r"\s+of\s+(?:the\s+)?", text[subj[-2].end:subj[-1].start]):
                    subj = subj[:-1]  # "the Department of X of the Ministry of Y, which helped": the department
                if comps and not inv_in and subj and all(c.type == "Company" for c in comps) and re.match(
                        r"\s+(?:to\s+)?(?:find|obtain|secure|get|acquire|arrange|complete|apply|locate|select|choose|pick)\b", rest):
                    for c in comps:
                        rels.append(_rel(doc, subj[-1].entity, "facilitatedInvestment", c.entity, (s, e), 0.7))
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
                if len(gap) > 60 or re.search(r"[.;]", gap):
                    continue
                clause = re.split(r"[.;](?!\d)", sent[v.end():v.end() + 200])[0]  # "NT$4.2 billion" goes on
                target = None
                # "in Kumamoto", "in its consolidated subsidiary TOK Taiwan"
                for t in re.finditer(r"\b(?:in|into)\s+(?:the\s+|its\s+|their\s+)?(?:(?:[\w-]+\s+){0,2}"
                                     r"(?:subsidiary|unit|affiliate|arm|venture)\s+)?", clause):
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
_EN_RESOLVED = re.compile(r"\s*(?:[)）][\"”]?\s*)?(?:announce[sd]?|said|says|stated)\s+(?:that\s+)?(?:its\s+)?(?:board(?:\s+of\s+directors)?\s+)?"
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
                             r"研發中心|生產基地|營運總部|分公司|生產線)|(?:工場|工廠|拠点|子会社|現地法人|研究所|生産ライン)を"
                             r"(?:新設|建設|設立|開設|設置|増設|新たに設け)")
_CAPITAL_VERBS = frozenset({"增資", "注資", "入股", "收購", "併購", "增资", "出資", "出資し", "買収", "増資"})
_CJK_SELF_FIRM = re.compile(r"本公司|當社|当社|弊社")
_FUNDED_BEFORE = re.compile(r"對(?:日本|台灣|臺灣|在日|海外)?(?:子公司|孫公司)?(?=[^對]{2,20}$)")
_CJK_THIS_COMPANY = re.compile(r"該公司|同社|該社|其|同公司")
_PARK = re.compile(r"(?:園區|園区|工業區|工業区|団地|科學園|科学園|\b(?:Park|Industrial\s+Zone|Industrial\s+Estate|Processing\s+Zone))$")


_ARM_OF = re.compile(r"(?:の|的|之)(?:日本|台湾|台灣|臺灣|在日|現地)?(?:法人|子会社|子公司|現地法人|全額出資子会社)[、，,]?")
_JA_INVESTED_AT = re.compile(r"(?:市内|県内|町内|内)?(?:の?新?(?:工場|拠点|事業所|研究所|開発拠点|生産拠点))?に(?!続|次)")


def _cjk_investments(doc: Doc, cues: Cues, s: int, e: int, quals: list, rels: list[Relation]) -> None:
    """"Xは台南市に約30億円を投じて", "Xに約15億円を出資し", "X將投資35億元，在雲林縣…興建",
    "雙方將共同投資…在新竹科學園區設立", and their helpers: "投資業務處協助該公司…", "同社の進出を支援"."""
    text = doc.text
    inv = cues.rx("invest_verbs")
    fac = cues.rx("facilitation_cues")
    when = _best_date(_sentence_dates(doc, s, e))
    units = [u for u in doc.units_in(s, e) if u.person is None]
    last_investor = next((r.subject for r in reversed(rels) if r.predicate == "investedIn"), None)
    for v in sorted([*inv.finditer(text, s, e), *_CJK_BUILD_SITE.finditer(text, s, e)], key=lambda m: m.start()):
        vs = v.start()
        comps = [u for u in units if u.type == "Company" and u.end <= vs]
        while len(comps) >= 2 and _ARM_OF.match(text, comps[0].end):
            comps = comps[1:]  # "環球晶円の日本法人、GWJは…投じて": the arm invests
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
        funded = doc.unit_at(v.end()) if v.group() in _CAPITAL_VERBS else None
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
        for who in investors:
            rels.append(_rel(doc, who, "investedIn", target.entity, (s, e), 0.7, quals=tuple(quals), when=when))
        last_investor = investors[0]
        break
    for f in fac.finditer(text, s, e):
        helper = [u for u in units if u.end <= f.start() and u.type in ("Agency", "Organization", "Prefecture", "City")]
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
        if company is None and last_investor is not None and (
                _CJK_THIS_COMPANY.search(text, s, e) or re.search(r"用地|進出|設廠|建廠|選址|廠商|拠点|據點|立地|補助金|助成|補助", text[s:e])):
            company = last_investor  # "協助該公司", "同社の進出を支援", "用地の取得を支援", "最大200億円を助成する"
        if company is not None and (re.search(r"投資|設廠|建廠|選址|進出|用地|工場|投じ|出資|據點|拠点|立地|補助金|誘致|助成", text[s:e])
                                    or _CJK_BUILD_SITE.search(text, s, e)):
            helpers = [helper[0]]
            for h in helper[1:]:  # "熊本縣及合志市將協助": each of the bodies joined before the cue
                if re.fullmatch(r"\s*[及與与和、と]\s*", text[helpers[-1].end:h.start]):
                    helpers.append(h)
            for h in dict.fromkeys(h.entity for h in helpers):
                rels.append(_rel(doc, h, "facilitatedInvestment", company, (s, e), 0.7))
            break


# ---------------------------------------------------------------- stakes and seats
# Who holds what share of a joint venture or subsidiary: "X, in which the Japanese company
# holds a 70% stake", "Y will hold the remaining 30%", "X, a unit in which the parent holds
# 85% and Z holds 15%", "「X」由A持股60%、B持股40%", "Aが90%、Bが10%を出資して設立した…「X」";
# and where a company sits in Japanese: "台中市に本社を置く…X", "本社は東広島市に置く", "X（新北市）".

_PCT = r"\d+(?:\.\d+)?\s*[%％]"
_EN_IN_WHICH = re.compile(rf"\bin\s+which\s+(?:the\s+(?:[A-Z][a-z]+\s+)?(?P<ref>company|parent|firm|group|maker)|(?P<it>it))?\s*"
                          rf"(?:will\s+)?(?:holds?|owns?|has|takes?)\s+(?:a\s+|an\s+)?(?P<pct>{_PCT})")
_EN_AND_HOLDS = re.compile(rf"\s*(?:stake\s*)?(?:,\s*)?(?:and|while)\s+(?:the\s+)?")
_EN_HOLDS = re.compile(rf"\s+(?:will\s+)?(?:holds?|owns?|has|takes?)\s+(?:a\s+|an\s+|the\s+remaining\s+|the\s+other\s+|the\s+rest\s+of\s+)?(?P<pct>{_PCT})")
_ZH_HOLDS = re.compile(rf"\s*持股\s*(?P<pct>{_PCT})")
_JA_HOLDS = re.compile(rf"(?:（[^）]{{0,20}}）|\([^)]{{0,20}}\))?\s*が\s*(?P<pct>{_PCT})")
_JA_SEAT_BEFORE = re.compile(r"に本社(?:を置く|がある|を構える)")
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

    def add(company: Unit | None, place: Unit | None, span) -> None:
        if company is not None and place is not None and company.type == "Company" and place.type in ("City", "Prefecture") \
                and company.entity != place.entity:
            doc.located.setdefault(company.entity, place.entity)
            rels.append(_rel(doc, company.entity, "locatedIn", place.entity, span, 0.75))

    for s, e in doc.sentences:
        for m in _JA_SEAT_BEFORE.finditer(text, s, e):  # "台中市に本社を置く精密部品メーカーの X"
            place = next((u for u in reversed(doc.units_in(s, m.start())) if u.end == m.start()), None)
            comp = next((u for u in doc.units_in(m.end(), min(e, m.end() + 40)) if u.person is None), None)
            add(comp, place, (s, e))
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
    heads = alternation(cues.words("locative_heads_ci")) if doc.lang == "en" else None
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
_CJK_SEAT = re.compile(r"(?:本社|總部|总部|本部|總公司)\s*(?:・|：|:|は|位於|位于|設於|设于|設在|在|所在地は)\s*")
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
                    add(company_before(m.start(), s), run[-1], (s, e))
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
                big = org_at.get(u.end + m.end())
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
_CJK_UNDER = re.compile(r"(?:轄下|辖下|所屬|所属|旗下|下轄|下辖|の下に置かれた|の下に置かれている|の下にある|傘下の|所管の|直属の|直轄の)(?:的)?")
_CJK_BELONGS = re.compile(r"(?:隸屬於|隶属于|隸屬|隶属|直屬於|直属於)")
_EN_UNDER = re.compile(r"\s*(?:\([A-Za-z]+\))?\s*,?\s+(?:which\s+|that\s+)?(?:operates|operating|works|working|functions|sits|"
                       r"is\s+based|is\s+housed|falls|is|was)\s+under\s+(?:the\s+)?(?:auspices\s+of\s+(?:the\s+)?)?")
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

    for s, e in doc.sentences:
        if cjk:
            for m in _CJK_UNDER.finditer(text, s, e):  # "經濟部產業發展署轄下的台日產業合作推動辦公室"
                big = next((u for u in reversed(doc.units_in(s, m.start())) if u.end == m.start()), None)
                small = doc.unit_at(m.end())
                if big is not None and small is not None and small.person is None:
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
                poss = re.match(r"['’]s\s+(?:own\s+)?", text[u.end:u.end + 8])
                if poss and u.type in ORG_TYPES | {"City", "Prefecture"}:
                    small = doc.unit_at(u.end + poss.end())  # "Kaohsiung City Government's Economic Development Bureau"
                    if small is not None and small.type == "Agency" and small.mention is not None and _SUB_BODY.search(small.mention.text):
                        add(small, u, (s, e))
                of = re.match(r"\s+of\s+(?:the\s+)?", text[u.end:u.end + 10])
                if of and u.type == "Agency" and u.mention is not None and _SUB_BODY.search(u.mention.text):
                    big = doc.unit_at(u.end + of.end())  # "the Port and Harbor Bureau of Kitakyushu City"
                    if big is not None and big.type in ("City", "Prefecture") and not re.match(r"['’]s\b", text[big.end:big.end + 3]):
                        add(u, big, (s, e))


# ---------------------------------------------------------------- posts

def _posts(doc: Doc, people: list[tuple[Unit, Person]], rels: list[Relation], org_of, agreements_first) -> None:
    for u, p in people:
        s = _sentence_of(doc, u.start, (u.start, u.end))
        for post in p.posts:
            org = org_of(post.org) if post.org is not None else None
            if org is None:
                continue
            rels.append(_rel(doc, u.entity, "holdsPosition", org, s, 0.85, quals=(("role", post.role),)))


_HIS_BODY = re.compile(r"\b(?:his|her)\s+(agency|organization|organisation|association|office|ministry|bureau|"
                       r"department|government|company|firm|group|city|prefecture|county)\b")


def _their_body(doc: Doc, rels: list[Relation]) -> None:
    """"Numata said ... his agency will keep working with the TJRA": the body a person
    speaks for, when no post names one, is the last body of that kind named before."""
    for m in _HIS_BODY.finditer(doc.text):
        s, e = _sentence_of(doc, m.start(), (m.start(), m.end()))
        people = [u for u in doc.units_in(s, m.start()) if u.person is not None]
        if not people or any(org for _, org in doc.posts.get(people[-1].entity, [])):
            continue
        want = ("Company",) if m.group(1) in ("company", "firm", "group") else \
            ("City", "Prefecture") if m.group(1) in ("city", "prefecture", "county") else ("Agency", "Organization")
        i = doc.sentences.index((s, e))
        lo = doc.sentences[max(0, i - 2)][0]
        bodies = [u for u in doc.units_in(lo, people[-1].start) if u.person is None and u.type in want] + \
                 [u for u in doc.units_in(people[-1].end, m.start()) if u.person is None and u.type in want]
        if bodies:
            role = next((r for r, org in doc.posts.get(people[-1].entity, []) if r), None)
            rels.append(_rel(doc, people[-1].entity, "holdsPosition", bodies[-1].entity, (s, e), 0.6,
                             quals=(("role", role),) if role else ()))


def find_relations(doc: Doc, people: list[tuple[Unit, Person]], org_of, implied, compound) -> list[Relation]:
    """Every relation of the announcement. ``people`` pairs each person unit with its
    :class:`graph.people.Person`; ``org_of`` maps a mention to its entity id; ``implied`` maps
    a title's implied type ("Prefecture" for 知事 / Governor) to the entity it means here;
    ``compound`` lists (part, whole, span) from names such as 經濟部工業局."""
    cues = load_cues(doc.lang)
    rels: list[Relation] = []
    doc.implied = dict(implied)
    implies = cues.mapping("title_implies")
    explicit: dict[str, set[str]] = {}
    for u, p in people:
        for post in p.posts:
            if post.org is not None and org_of(post.org) is not None:
                explicit.setdefault(u.entity, set()).add(post.role)
    for u, p in people:
        posts = []
        for post in p.posts:
            org = org_of(post.org) if post.org is not None else None
            if org is None and post.role in explicit.get(u.entity, ()):
                continue  # "Mayor Kitamura" after "Fujieda Mayor Kitamura Kazuhiro": the post is known
            if org is None:
                kind = implies.get(post.role.replace("Acting ", "").replace("former ", "")) or implies.get(post.role)
                org = implied.get(kind) if kind else None
                if org is not None:
                    s = _sentence_of(doc, u.start, (u.start, u.end))
                    rels.append(_rel(doc, u.entity, "holdsPosition", org, s, 0.6, quals=(("role", post.role),)))
            posts.append((post.role, org))
        doc.posts.setdefault(u.entity, [])
        for x in posts:
            if x not in doc.posts[u.entity]:
                doc.posts[u.entity].append(x)
    _parents(doc, rels, compound)
    _posts(doc, people, rels, org_of, None)
    if doc.lang == "en":
        _their_body(doc, rels)
    _places(doc, cues, rels)
    _more_places(doc, rels)
    _more_parents(doc, rels)
    agreements = _resolve_agreements(doc, _agreement_events(doc, cues))
    _emit_agreements(doc, agreements, rels)
    _fields(doc, cues, agreements, rels)
    for person, role, body, span in doc.said_posts:
        rels.append(_rel(doc, person, "holdsPosition", body, span, 0.7, quals=(("role", role),)))
    _ordinals(doc, cues, agreements, rels)
    _counts(doc, cues, rels)
    _more_counts(doc, agreements, rels)
    _investments(doc, cues, rels)
    _stakes(doc, rels)
    if doc.lang != "en":
        _ja_seats(doc, rels)
    if doc.lang == "ja":
        _ja_bases(doc, rels)
    # one statement per fact: the same triple from two sentences keeps the more confident one,
    # and of two as confident the dated one (a headline states a fact without its date)
    best: dict = {}
    for r in rels:
        key = (r.subject, r.predicate, r.object, r.agreement)
        if key not in best or (r.confidence, r.date is not None) > (best[key].confidence, best[key].date is not None):
            best[key] = r
    return list(best.values())
