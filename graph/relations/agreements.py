"""Agreements: signing events sentence by sentence, resolved per document into agreements with
parties, signatories, witnesses, dates and fields of cooperation."""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from ..cues import Cues
from ..dates import DateMention
from ..models import Relation
from ..industries import FIELD_HEADING as _FIELD_HEADING, FIELD_LIST_ITEM as _FIELD_LIST_ITEM
from ..recognize import BULLET, ORG_TYPES, PLACE_TYPES, is_cjk

from .doc import (
    Agreement, Doc, PARTY_TYPES, Unit, _AS_DID, _A_NEW, _BECAME_THE_NTH, _COUNT_INCLUDING, _FIRST_PERSON,
    _PLURAL_MOU, _SUBJECT_WORD, _THE_KIND_BEFORE, _best_date, _chain, _chain_back, _chain_up, _country,
    _each_once, _first_company, _interviewee, _label_of, _party_of, _rel, _sentence_dates, _type_of,
)

__all__ = ["Event"]

# ---------------------------------------------------------------- agreements
#
# Agreements are resolved per document in two steps. Every sentence with a signing verb or a
# witness cue yields an :class:`Event` (the parties it names, its signatories and witnesses, its
# date); then events that speak of one signing (the same parties, or no parties but "the MOU was
# signed by ...") are merged into one :class:`Agreement`, whose IRI and date are computed once
# from the final parties and the most precise date, so that every fact about it agrees.

_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)\b|\b(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|"
                      r"eleventh|twelfth)\b|第\s*[0-9一二三四五六七八九十]+\s*[個位名家例番]|\d+\s*(?:例目|番目|件目)|に続いて|に続き|に次いで|先前已")
_SEPARATE = re.compile(r"\b(?:separate|another|second|third|fourth|other)\s+(?:[\w-]+\s+){0,2}?(?:MOU|MoU|memorandum|agreement|accord|pact|document)"
                       r"|另(?:與|外|一)|別の|もう一つ", re.I)
_AFTER_SIGNING = re.compile(r"(?:を受け|後|以後|之後|以來|以来|を機に|を記念|式典後)")  # "締結を受け": a signing referred to
_CLAUSE_END = re.compile(r",\s+(?:[a-z]+ing|which|who|whose|where|to|and\s+(?:will|would|also))\b")
_AS_WITNESS = re.compile(r"\s+as\s+(?:a\s+|the\s+)?witness", re.I)  # "X and Y signed as witnesses": they witnessed
_AFTER_OTHERS = re.compile(r"(?:繼|继)[^，。；]{1,60}?(?:之後|以後|之后|以后|後|后)")
_SOME_AGREEMENTS = re.compile(r"\b(?:two|three|four|five|several|[2-9])\s+(?:[\w-]+\s+){0,2}(?:agreements|MOUs|MoUs|memoranda|pacts)\b"
                              r"|[兩两二三四五六]\s*[份項项個个]\s*(?:合作)?(?:備忘錄|协议|協議|協定)|[二三四五]つの(?:覚書|協定)", re.I)
_NOUN_BETWEEN = re.compile(r"\b(?:an?\s+)?(?:memorandum\s+of\s+understanding|MOU|MoU|agreement|letter\s+of\s+intent)\s+"
                           r"(?:between|under\s+which|whereby)\s+(?:the\s+)?[A-Z]")
_PARENT_OF = re.compile(r"(?:的|之|の)?(?:日本|台灣|臺灣|台湾|在日|在台)?(?:子公司|子会社|孫公司|旗下(?:的)?|傘下の)")
_WITNESSED = re.compile(r"(?:見證|见证|觀禮|观礼)[^，,。；;、]{0,6}$")  # "到場見證三項簽約": the signing witnessed, told already
_THIS_SIGNING = re.compile(r"(?:這次|此次|本次|今次|是次|今回の?|この|兩項|两项|兩場|两场|三項|三场|三場|各項|両)$")  # "這次簽約可望…", "兩項簽約均由兩人擔任見證人": signings told already
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
_SAME_DAY = re.compile(r"\b(?:on\s+)?the\s+same\s+day\b|\bat\s+the\s+same\s+(?:ceremony|event|occasion)\b|同日|當天|當日|同天|即日|"
                       r"同一場合|同場合|同じ式典|同式典|(?:^|(?<=[。\n\s\u3000]))(?:あわせて|併せて)", re.I)
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


def _after_publication(doc: Doc, d: DateMention) -> bool:
    """Whether ``d`` lies wholly after the announcement's publication ("from next year"): what
    is to come, not when a signing took place."""
    if doc.published is None or d.iso.startswith("-"):
        return False
    return d.iso[:len(d.iso)] > doc.published.isoformat()[:len(d.iso)]


# a news dateline: "Taipei, Feb. 27 (CNA) ...", "TOKYO, May 23, 2024 - ...": when it was written
_DATELINE_BEFORE = re.compile(r"(?:^|\n)[ \t]*[A-Z][A-Za-z .]{1,30},[ \t]*$")
_DATELINE_AFTER = re.compile(r"[ \t]*(?:\([A-Za-z .]{2,20}\)|[-–—:][ \t])")


def _in_dateline(doc: Doc, d: DateMention) -> bool:
    return bool(_DATELINE_AFTER.match(doc.text, d.end) and _DATELINE_BEFORE.search(doc.text, max(0, d.start - 40), d.start))


def _event_date(doc: Doc, s: int, e: int, anchors: list[int]) -> DateMention | None:
    """The date of the signing a sentence reports: the most precise date in it, the one
    nearest a signing verb on a tie; "on the same day" / 同日 takes the last full date before."""
    ds = [d for d in _sentence_dates(doc, s, e) if not _EARLIER_AFTER.match(doc.text, d.end)
          and not _EARLIER_BEFORE.search(doc.text, max(s, d.start - 30), d.start) and not _after_publication(doc, d)
          and not _in_dateline(doc, d)]
    if ds:
        rank = {"day": 0, "month": 1, "year": 2}
        return min(ds, key=lambda d: (rank[d.precision], _said_on(doc, d),
                                      min((abs(d.start - a) for a in anchors), default=0)))
    if _SAME_DAY.search(doc.text, s, e):
        before = [d for d in doc.dates if d.end <= s and d.precision == "day"]
        return before[-1] if before else None
    line = doc.text.rfind("\n", 0, s) + 1
    item = _DATED_ITEM.match(doc.text, line)
    if item is not None and item.end() <= s:  # "・2月26日（木）　…。当所とIEATが協力覚書に署名。": the day its line gives
        return next((d for d in doc.dates_in(line, item.end()) if d.precision == "day"), None)
    return None


# a line of a schedule or timeline that starts with its date: "・2月26日（木）", "- March 5:", "2026年3月5日　"
_DATED_ITEM = re.compile(r"[ \t\u3000]*(?:[・•\-*■●◆]\s*)?(?:\d{4}年)?\d{1,2}月\d{1,2}日(?:[（(][^）)\n]{1,3}[）)])?[ \t\u3000:：]")


def _en_witnesses(doc: Doc, s: int, e: int, wits: list, signers: list[Unit], people: list[Unit]) -> list[Unit]:
    """Witnesses around an English witness cue: "witnessed by X", "in the presence of X",
    "with X as witness", "X and Y ... were invited to witness", "X witnessed the signing"."""
    text = doc.text
    out: list[Unit] = []
    taken = {u.start for u in signers}
    for w in wits:
        pos, end = s + w.start(), s + w.end()
        by = re.match(r"(?:ed|es)?\s+by\s*:?\s+(?:the\s+)?", text[end:end + 20])  # ("witnessed by: A; B; and C")
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
        if len(named) < 2 and not (named and joined) and len(signing) < 2:
            # ("並與中小機構續簽": its subject in the part before; two parts that each sign: two signings)
            out[before:] = [(s, e)]  # the signing part names no two parties: the others may
    return out


# "台湾ビジネスを支援する", "台灣企業": the country qualifies a noun, it signs nothing
_COUNTRY_NOUN = re.compile(r"[\u30a1-\u30fc]|企業|市場|進出|事業|産業|產業|廠商|業者|展開|拠点|據點|業務|ビジネス")
_DELEGATION = re.compile(r"\s*(?:ミッション|経済ミッション|訪問団|視察団|使節団|代表団|經貿訪問團|訪問團|參訪團|考察團|代表團|"
                         r"[Mm]ission|[Dd]elegation)")


def _self_body(doc: Doc, ref: str) -> str | None:
    """The body a self-reference stands for: "本県", "縣府" the prefecture or county that issues
    the text, "本市" its city, "当社" the company whose notice it is."""
    if ref in ("当社", "弊社", "本公司"):
        firm = _first_company(doc)
        return firm.entity if firm is not None else None
    if ref in ("当所", "本所", "弊所", "当会", "本会", "本會"):  # the chamber or association whose news it is
        bodies = [u for u in doc.units if u.person is None and u.type in ("Organization", "Agency")]
        # (of its kind first: "当所" a 商工会議所, "当会" an association; a partner may be named before it, in a title)
        body = next((u for u in bodies if (_label_of(doc, u.entity) or "").endswith(ref[-1])), None) or \
            next(iter(bodies), None)
        return body.entity if body is not None else None
    if ref in ("本学", "本校", "當校", "当校"):  # the university whose news it is
        school = next((u for u in doc.units if u.person is None and u.type == "Organization"
                       and re.search(r"大学|大學|University|学院|學院", _label_of(doc, u.entity) or "")), None)
        return school.entity if school is not None else None
    city = ref in ("本市", "当市", "市府") or (doc.lang == "zh-Hant" and ref in ("縣府", "本縣", "本府"))
    return doc.implied.get("City" if city else "Prefecture")


def _joined(doc: Doc, units: list[Unit]) -> bool:
    """Whether units follow each other joined by a list's commas and conjunctions only."""
    return all(re.fullmatch(r"\s*(?:[、，,]|及|與|与|和|以及|や|と)\s*", doc.text[a.end:b.start]) for a, b in zip(units, units[1:]))


_WITH_BEFORE = re.compile(r"(?:與|与|和|同|跟)\s*(?:日本|台灣|臺灣|台湾)?\s*$")  # "…與" (日本) right before a partner's name


_WITH_WORDS = re.compile(r"[^與与和同跟，、。；：,;:]*$")


def _with_partner(doc: Doc, lo: int, u: Unit) -> bool:
    """Whether "與" stands before ``u`` with at most a descriptor between, and no other party:
    "與熊本大學", "與日本九州大學", "與日本半導體設備大廠東京威力科創"."""
    text = doc.text
    if _WITH_BEFORE.search(text, max(lo, u.start - 3), u.start):
        return True
    tail = _WITH_WORDS.search(text, lo, u.start)
    at = tail.start() - 1 if tail else -1
    # ("與總部位於名古屋市的中部經濟連合會": a place in the descriptor, before 的)
    return at >= lo and text[at] in "與与和同跟" and \
        all(x.type == "Country" or (x.type in PLACE_TYPES and text[x.end:x.end + 1] == "的")
            for x in doc.units_in(at + 1, u.start) if x.person is None)


def _each_verb_its_partner(doc: Doc, parties: list[Unit], s: int, verbs: list) -> list[tuple[Unit, Unit]]:
    """"X…與A續簽備忘錄，並與B簽署新的備忘錄": a signing verb each, its partner after 與 before it;
    X signs with A and with B, not A with B."""
    if doc.lang == "ja" or len(verbs) < 2:
        return []
    starts = [s] + [s + v.end() for v in verbs[:-1]]
    partners = []
    own: dict[int, Unit] = {}  # a clause's own subject: "A與B簽署…，C與D簽署…"
    parties = _each_once(parties)  # "臺灣區車輛工業同業公會（車輛公會）"
    for a, v in zip(starts, verbs):
        seg = [u for u in parties if a <= u.start < s + v.start()
               and not (u.type in PLACE_TYPES and doc.text[u.end:u.end + 1] == "的")]  # "總部位於名古屋市的": where
        withs = [u for u in seg if _with_partner(doc, max(a, u.start - 12), u)]
        if withs:
            partners.append(withs[0])
            if partners[1:] and (before := [u for u in seg if u.start < withs[0].start and u not in withs]):
                own[len(partners) - 1] = before[0]
    subject = next((u for u in parties if u.start < (partners[0].start if partners else s)), None)
    if subject is None and len(partners) >= 2:  # "與關經連的備忘錄…；與大阪商工會議所的備忘錄…": the body told of
        topic = _topic_before(doc, s)
        subject = Unit(s, s, topic, _type_of(doc, topic)) if topic else None
    if len(partners) < 2 or subject is None or subject in partners:
        return []
    return [(own.get(k, subject), u) for k, u in enumerate(partners)]


_JA_SUBJECT_AFTER = re.compile(r"\s*(?:[（(][^）)]{1,20}[）)])?\s*(?:は|も|が)")
_JA_PARTNER_AFTER = re.compile(r"\s*(?:[（(][^）)]{1,20}[）)])?\s*と")


def _each_clause_its_pair(doc: Doc, parties: list[Unit], s: int, verbs: list) -> list[tuple[Unit, Unit]]:
    """"当所はAと…を締結したほか、BもCと覚書を交わしました": a signing verb each, its own subject
    (before は / も / が, or a self-reference) and partner (before と)."""
    if doc.lang != "ja" or len(verbs) < 2:
        return []
    text = doc.text
    pairs = []
    lo = s
    for v in verbs:
        hi = s + v.start()
        seg = [u for u in parties if lo <= u.start < hi]
        partner = next((u for u in seg if _JA_PARTNER_AFTER.match(text, u.end)), None)
        subject = next((u for u in seg if u is not partner and _JA_SUBJECT_AFTER.match(text, u.end)), None)
        own = _SELF_REF.search(text, lo, hi) if subject is None else None
        if own is not None and (home := _self_body(doc, own.group("ref"))):
            subject = Unit(own.start(), own.start(), home, _type_of(doc, home))
        if partner is not None and subject is not None and subject.entity != partner.entity:
            pairs.append((subject, partner))
        lo = s + v.end()
    return pairs if len(pairs) >= 2 else []


def _one_with_each(doc: Doc, parties: list[Unit], s: int, e: int, cues: Cues) -> list[tuple[Unit, Unit]]:
    """One body and a list of partners, "竹科已與山形縣、長崎縣及熊本縣簽署", "鳥取県は新竹市、台中市、
    屏東県と協定を結んでいる": an agreement with each partner, not one among them all. Partners of
    one kind, and no one named signing: "昇陽精材與熊本縣、菊陽町…由…分別代表簽署" is one agreement of three."""
    text = doc.text
    parties = _each_once(parties)
    # "與A、B及C（ASTEM）分別簽署": respectively, whatever kinds of body the partners are
    each = len(parties) >= 3 and bool(_RESPECTIVELY.match(text, parties[-1].end))
    if len(parties) < 3 or cues.rx("multilateral").search(doc.text, s, e) or \
            (len({u.type for u in parties[1:]}) > 1 and not each) or any(u.person is not None for u in doc.units_in(s, e)):
        return []
    first, rest = parties[0], parties[1:]
    gap = text[first.end:rest[0].start]
    if doc.lang == "ja":
        ok = bool(re.search(r"(?:は|が|も)", gap) and re.match(r"\s*と", text[rest[-1].end:]))
    else:
        ok = bool(_WITH_BEFORE.search(gap))
    return [(first, u) for u in rest] if ok and _joined(doc, rest) else []


_WITH_WITNESSES = re.compile(r"[^.;]{0,200}?\b(?:attending|present|looking\s+on|as)\s+(?:as\s+)?(?:a\s+|the\s+)?witness(?:es)?\b"
                             r"|[^.;]{0,200}?\blooking\s+on\b")
_RESPECTIVELY = re.compile(r"\s*(?:[（(][^）)]{1,20}[）)])?\s*(?:分別|各自|それぞれ)")


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
        if not verbs and not wits and not (not en and _FORM_LABEL.search(sent)) and not (en and _NOUN_BETWEEN.search(sent)):
            continue  # (a form's "署名者" / "立会人" item is an event of its own; "a memorandum between X and Y" names one)
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
                              r"yesterday|today|(?:in|at|on)\s+(?:[^,;.]|\.(?=\s+\d)|,(?=\s+[A-Z])){1,60}?))*,?\s+by\s+", rest)
                # ("on Feb. 26 by", "at SIT's Toyosu Campus in Koto City, Tokyo, by")
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
                if not back and _WE.search(text, s, vs) and (who := _interviewee(doc)) is not None \
                        and (firm := _party_of(doc, who)) is not None:
                    back = [Unit(who.start, who.start, firm, _type_of(doc, firm))]  # "we signed … with": the interviewee's firm
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
                if w and _WITH_WITNESSES.match(rest, w.end()):
                    w = None  # "signed it in Kochi, with the vice governor and X attending as witnesses"
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
                        re.match(r"(?:,[^,;]{1,60},)?\s+(?:signed\s+|signs\s+)?(?:for|on\s+behalf\s+of)\s+(?:the|its|his|her|us)\b",
                                 text[u.end:e]):  # ("Mori Takashi, the institute's president, signed for the university")
                    signers.append(u)
                elif u.person is not None and \
                        (f := re.match(r"\s+sign(?:ed|s)\s+(?:it\s+|the\s+\w+\s+)?(?:for|on\s+behalf\s+of)\s+", text[u.end:e])) \
                        and (body := doc.unit_at(u.end + f.end())) is not None and body.person is None and body.type in ORG_TYPES:
                    if u not in signers:
                        signers.append(u)  # "Chairman Kato Hideaki signed for CMN": he signs for that body
                    _post_at(doc, u, body.entity, (s, e))
                    if body.entity not in {p.entity for p in parties}:
                        parties.append(body)
            for n in nouns:
                btw = re.match(r"\s+(?:(?:was\s+|were\s+)?(?:signed|inked|concluded|sealed)\s+(?:(?:on|in)\s+[\w ,]{1,20}?\s+)?|"
                               r"(?:on\s+(?:(?!to\b|for\b|in\s+order)[\w-]+\s+){1,6})?)?between\s+"
                               r"|\s+(?:under\s+which|whereby)\s+(?=(?:the\s+)?[A-Z])", text[s + n.end():e])
                # ("a letter of intent under which A and B plan to …": its parties)
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
            earlier = [m.span() for m in _AFTER_OTHERS.finditer(sent)]
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
                if any(a <= u.start - s < b for a, b in earlier):
                    continue  # "繼北陸銀行、常陽銀行等之後，第15家與…簽署": partners before, not parties now
                sub = _PARENT_OF.match(text, u.end)
                if sub and (nxt := doc.unit_at(sub.end())) is not None and nxt.person is None and nxt.type in ORG_TYPES:
                    continue  # "環球晶子公司GWJ與新潟縣簽署": the subsidiary signs, not its parent
                lead = _place_chain_start(doc, u, s)
                if u.type in PLACE_TYPES and (_VENUE_AFTER.match(text, u.end) or _VENUE_BEFORE.search(text, max(s, lead - 2), lead)):
                    continue  # "静岡市内で行われ", "在宮崎縣宮崎市與…", "訪問日本九州": where, not who
                if _HELD_AT.match(text, u.end):
                    continue  # "署名式は工研院本部で行われ": where the ceremony was held
                if (said := _SPEAKER_SAID.match(text, u.end)) and doc.units_in(said.end(), last_verb):
                    continue  # "屏科大國際事務處指出，屏科大曾於2019年與…簽署": who tells it, not who signed
                parties.append(u)
            pairs = _one_with_each(doc, parties, s, e, cues) or _each_verb_its_partner(doc, parties, s, verbs) \
                or _each_clause_its_pair(doc, parties, s, verbs)
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
        # "台湾ミッション団", "訪日團": a delegation to the country, not the country, signs
        parties = [u for u in parties if not (u.type == "Country" and (_DELEGATION.match(text, u.end)
                                                                        or not en and _COUNTRY_NOUN.match(text, u.end)))]
        if _SOME_AGREEMENTS.search(sent):  # "Taiwan and Hiroshima Sign Two Agreements": the countries sign none
            parties = [u for u in parties if u.type != "Country"]
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
        elif home and home not in party_ids and parties and parties[-1].end <= s + own.start() and \
                re.fullmatch(r"\s*[、，及與与和と]\s*", text[parties[-1].end:s + own.start()]):
            party_ids.append(home)  # "群馬縣、太田市與本公司已於…共同簽署": last of the list
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
        if not en and not party_ids and _SIGNERS_COUNTED.search(sent) and len({u.entity for u in signers}) >= 2 and \
                len(bodies := _signers_bodies(doc, signers)) >= 2:
            # "工藤誠知事、川村隆市長、長宏新能源の陳偉倫董事長の3者が協定書に署名した": the signers' bodies sign
            party_ids += [b for b in bodies if b not in party_ids]
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
                if _INLINE_LABEL.search(lab.group()):
                    end = min(end, e)  # "…課長が立会人として出席しました。": a sentence's words, not a form's item
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
        events = []
        if owner is None:  # each row names its signers with their posts: "Lin Cheng-hao (Chairman, X); Okubo Satoshi (Mayor of Y)"
            for row in block[1:]:
                signers = [u for u in doc.units_in(row.start(), row.end()) if u.person is not None]
                bodies = _signers_bodies(doc, signers)
                if len(bodies) >= 2:
                    when = next(iter(doc.dates_in(row.start(), row.end())), None) or _best_date(doc.dates_in(intro_start, intro_end))
                    events.append(Event((row.start(), row.end()), bodies, signers, [], when))
            if events:
                tables.append((events, (para, intro_end)))
            continue
        for row in block[1:]:
            partner = next((u for u in doc.units_in(row.start(), row.end()) if u.person is None
                            and u.type in PARTY_TYPES and u.type != "Country" and u.entity != owner.entity), None)
            if partner is None:
                continue
            when = next(iter(doc.dates_in(row.start(), row.end())), None)
            signers = [u for u in doc.units_in(row.start(), row.end()) if u.person is not None]
            for u in signers:  # "｜濱松商工會議所｜會頭　鈴木晴夫｜": the partner's signer
                _post_at(doc, u, partner.entity, (row.start(), row.end()))
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
_EVERY_AGREEMENT = re.compile(r"両(?:覚書|協定)|兩(?:份|項)?(?:備忘錄|協定|協議|簽約)|[二三四五兩](?:項|份)(?:簽約|簽署|備忘錄)|各項簽署|"
                              r"\b(?:both|all)\s+(?:the\s+)?(?:two\s+|three\s+)?(?:agreements|MOUs|memoranda|signings)\b", re.I)
_SAME_BODY = re.compile(r"(?:同|該|该)(?:局|社|市|県|縣|府|会|會|協会|協會|大学|大學|公司|署|処|處|部)")


def _post_at(doc: Doc, u: Unit, body: str, span: tuple[int, int]) -> None:
    """A post at ``body`` for a person whose written post names no body (a table's or form's
    cell says whose it is)."""
    if any(org for _, org in doc.posts.get(u.entity, [])):
        return
    role = next((p.role for p in u.person.posts), None) if u.person is not None else None
    doc.posts.setdefault(u.entity, []).append((role, body))
    if role:
        doc.said_posts.append((u.entity, role, body, span))


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
            if body:
                _post_at(doc, u, body, row.span())  # "ジェトロ大阪本部　中西真理子本部長"
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
_SELF_REF = re.compile(r"(?:^|(?<=[、，。「（\u3000 )）.．:：\n與与和及]))(?P<ref>本県|当県|本縣|本府|縣府|県|本市|当市|市府|当社|弊社|本公司|"
                       r"本学|本校|當校|当校|当所|本所|弊所|当会|本会|本會)(?=では|は|が|と|與|和|及|也|今|將|将|於|于|已|、|，)")


_NOT_NUMBERING = re.compile(r"[^\s\u30000-9０-９.．、()（）]")
_SIGN_LABELS = ("署名者", "署名人", "簽署人", "簽約人", "締結者", "簽署代表", "簽約代表", "署名代表")
_LABEL_WORD = re.compile(r"署名者|署名人|簽署人|簽約人|締結者|簽署代表|簽約代表|署名代表|立会人|立ち会い人|立会者|見證人|見証人|見證者")
_FORM_LABEL = re.compile(rf"(?P<kind>{_LABEL_WORD.pattern})[】\]]?"
                         r"(?:[ \u3000:：\n]+|(?:則|分別)?(?:為|为|是|は)|として|$)")  # "見證人為外交部次長田中光"
_SIGNERS_COUNTED = re.compile(r"の(?:[2-9２-９]|二|三|四|五)者(?:が|は)")  # "…知事、…市長、…董事長の3者が署名した"
_WE = re.compile(r"(?:^|(?<=[\s:]))(?:we|We)\s+(?:have\s+|had\s+|also\s+|then\s+|jointly\s+)*$")


def _signers_bodies(doc: Doc, signers: list[Unit]) -> list[str]:
    """The bodies the signers hold posts at, each once, in the signers' order."""
    return list(dict.fromkeys(b for b in (_party_of(doc, u) for u in signers) if b))


_SPEAKER_SAID = re.compile(r"(?:也|亦|則|更)?(?:指出|表示|說明|說|强調|強調|透露|提到|によると|は述べ)[，,、：:]")
_INLINE_LABEL = re.compile(r"(?:為|为|是|は|として)$")
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


def _date_of_another(doc: Doc, ev: Event) -> bool:
    """Whether the event's date is that of a body it names besides its parties: "2019年の台中市工業会に続き"."""
    d = ev.date
    if d is None:
        return False
    other = doc.unit_at(d.end + 1) if doc.text[d.end:d.end + 1] in ("の", "的") else None
    if other is None and doc.text.startswith("in ", d.start):
        # "after Izumo City in 2019 and Kitami City in 2023": the dates of the agreements with those
        other = next((u for u in doc.units_in(max(0, d.start - 80), d.start) if u.end == d.start - 1), None)
    return other is not None and other.person is None and other.entity not in ev.parties


def _date_known(doc: Doc, agreements: list, ev: Event) -> None:
    """Give the date of an event that restates a known agreement to the agreement that shares
    two of its parties."""
    if ev.date is None or _date_of_another(doc, ev):
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
            every = _EVERY_AGREEMENT.search(doc.text, *ev.sentence) and agreements[-1].date is not None
            if every:  # "両覚書の署名式には…が立ち会いました", "Both signings were witnessed by": of each signed that day
                told = [ag for ag in agreements if ag.date is not None and ag.date.iso == agreements[-1].date.iso]
                last_signing = ev.sentence
            if ev.witnesses and not ev.signers and (every or not any(best) and not named & _all_parties(agreements)) \
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
            if ev.no_new and not ev.separate and agreements and not ev.signers and not ev.witnesses:
                _date_known(doc, agreements, ev)
                continue  # "Osaka is the 8th ... to sign an MOU with TJPO": a known agreement
            # an undated signing told after a dated one: the same occasion ("The second agreement links…")
            told_with = agreements[-1].date if agreements else None
            target = Agreement(list(ev.parties), ev.date or pending or told_with, ev.sentence)
            agreements.append(target)
        else:
            for p in ev.parties:
                if p not in target.parties:
                    target.parties.append(p)
            if _date_wins(doc, ev.date, target.date) and not _date_of_another(doc, ev):
                target.date = ev.date
        for u in ev.signers:  # "JAPIA會長鈴木邦彥" told with another agreement's signers: he signs the one JAPIA is party to
            body = _party_of(doc, u)
            own = next((ag for ag in reversed(agreements) if body in ag.parties), None) \
                if body and body not in target.parties else None
            (own or target).signatories.append((u, ev.sentence))
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
        pair = _PAIR_KIND.search(sent)
        typ = _PAIR_TYPES.get((pair.group("k") or pair.group("en") or "").lower()) if pair else None
        kin = [a for a in agreements if typ and all(_type_of(doc, p) == typ for p in a.parties)]
        if kin and ag not in kin:  # "両市は観光…で交流を深めます": the two cities' agreement, not the chambers'
            ag = max((a for a in kin if a.sentence[0] <= s), key=lambda a: a.sentence[0], default=kin[0])
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


# "両市", "兩縣", "the two cities": the agreement between bodies of that kind
_PAIR_KIND = re.compile(r"(?:両|兩|两)(?P<k>市|県|縣|社)|\bthe\s+two\s+(?P<en>cities|prefectures|counties|companies|firms|banks)\b")
_PAIR_TYPES = {"市": "City", "県": "Prefecture", "縣": "Prefecture", "社": "Company", "cities": "City",
               "prefectures": "Prefecture", "counties": "City", "companies": "Company", "firms": "Company",
               "banks": "Company"}


def _all_parties(agreements: list[Agreement]) -> set[str]:
    return {p for a in agreements for p in a.parties}
