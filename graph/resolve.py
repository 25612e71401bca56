"""Entity resolution within an announcement and against the gazetteer.

Mentions of one thing become one entity: gazetteer names by their entry id (so "Osaka",
"Osaka Prefecture" and "大阪府" meet), acronyms defined in the text ("..., TJPO," and
"（TJPO）") with their full names, a CJK body's short name with its qualified one ("工業局" =
"經濟部工業局"), pattern names by :func:`graph.normalize.name_key` (台/臺, 県/縣, 啓/啟 fold
together), people by :func:`graph.normalize.person_key` (name order, hyphens) and a surname
written with a title ("呂局長", "Governor Mimura") with the one person it can be. Fuzzy matching
(:func:`similar`) only joins names of the same type above a threshold.

Examples
--------
>>> similar("Taiwan Japan Relations Association", "Taiwan-Japan Relations Associaton")
True
>>> similar("Osaka Prefecture", "Okayama Prefecture")
False
"""
from __future__ import annotations

import difflib
import functools
import re
from collections import Counter
from dataclasses import dataclass, field

from .cues import alternation, load_cues
from .ids import entity_iri, slug
from .models import Entity
from .normalize import name_key, person_key
from .people import Person
from .recognize import ORG_TYPES, PLACE_TYPES, Mention, fold, in_order

__all__ = ["Resolved", "resolve", "similar", "entity_key", "FUZZY_THRESHOLD"]

FUZZY_THRESHOLD = 0.93
_RUN = re.compile(r"[\w-]+")


def similar(a: str, b: str, threshold: float = FUZZY_THRESHOLD) -> bool:
    """Whether two names of the same type are close enough to be one (typos, spacing).
    Short names never match fuzzily."""
    ka, kb = name_key(a), name_key(b)
    if ka == kb:
        return True
    if min(len(ka), len(kb)) < 10:
        return False
    sm = difflib.SequenceMatcher(None, ka, kb)  # the cheap upper bounds first: most pairs fail them
    return sm.real_quick_ratio() >= threshold and sm.quick_ratio() >= threshold and sm.ratio() >= threshold


def entity_key(type_: str, label: str) -> str:
    """The id key of an entity the gazetteer does not know: ``type/slug``; a person's slug is
    order-independent.

    >>> entity_key("Person", "Ohashi Mitsuo") == entity_key("Person", "Mitsuo Ohashi")
    True
    """
    if type_ == "Person":
        return f"person/{slug(person_key(label))}"
    return f"{type_.lower()}/{slug(name_key(label))}"


@dataclass
class Resolved:
    """Entities of one announcement and which entity each mention and person names."""

    entities: list[Entity]
    of_span: dict[tuple[int, int], str] = field(default_factory=dict)  # mention/person span -> entity id
    person_of: dict[tuple[int, int], Person] = field(default_factory=dict)
    name_parts: list[tuple[int, int]] = field(default_factory=list)  # spans of a person's name part used alone


class _Union:
    def __init__(self) -> None:
        self.parent: dict = {}

    def find(self, x):
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a, b) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[rb] = ra


def _abbreviates(short: str, long: str) -> bool:
    """Whether a CJK body name is an abbreviation of a longer one: the same last character
    (its head), and its characters in order in a part of the longer name that starts with
    the same character ("經發局" in "經濟發展局", "投資處" in "經濟部投資業務處").

    >>> _abbreviates("經發局", "臺中市政府經濟發展局"), _abbreviates("工業局", "經濟部產業發展署")
    (True, False)
    """
    if not 2 <= len(short) < len(long) - 1 or short[-1] != long[-1] or short.isascii() or long.startswith(short):
        return False  # ("兆豐銀行東京分行" starts with "兆豐銀行": a branch of it, no longer form of its name)
    at = long.find(short[0])
    return at >= 0 and in_order(short, long, at)


def _short_target(p: Person, full: list[Person], lang: str) -> Person | None:
    """The full-named person a surname-with-title mention stands for, if there is one."""
    if lang == "en":
        cands = [f for f in full if p.name in re.split(r"[\s]+", f.name)]
    else:
        cands = [f for f in full if f.name.startswith(p.name) and len(f.name) > len(p.name)]
    names = {f.name for f in cands}
    if len(names) == 1:
        return cands[0]
    roles = {x.role for x in p.posts}
    with_role = {f.name: f for f in cands if roles & {x.role for x in f.posts}}
    if len(with_role) == 1:
        return next(iter(with_role.values()))
    return None


_DESCRIPTOR = re.compile(r"日商|台商|臺商|日系|台資|臺資|株式会社|株式會社")  # what a firm's name may carry before it


def _other_firm(a: Mention, b: Mention) -> bool:
    """Whether two CJK company names are two firms though one ends the other: words before
    the shorter name that are no mere descriptor ("台湾新和" + "大昌電子股份有限公司")."""
    if a.type != "Company" or b.type != "Company" or a.text.isascii() or b.text.isascii():
        return False
    short, long = sorted((fold(a.text), fold(b.text)), key=len)
    return long != short and long.endswith(short) and not _DESCRIPTOR.fullmatch(long[:len(long) - len(short)])


@functools.lru_cache(maxsize=1)
def _legal_form_at_end() -> re.Pattern:
    forms = alternation(load_cues("en").words("legal_forms"))
    return re.compile(rf",?\s+(?:{forms})(?:\s*,?\s*(?:Ltd\.?|Inc\.?|Limited))?$")


def _without_legal_form(name: str) -> str | None:
    """An English firm's name without its legal form, or None when it has none.

    >>> _without_legal_form("The Shiga Bank, Ltd."), _without_legal_form("Shiga Bank")
    ('The Shiga Bank', None)
    """
    m = _legal_form_at_end().search(name)
    return name[:m.start()] if m and m.start() > 0 else None


_CJK_LEGAL_FORM = re.compile(r"^(?:株式会社|株式會社)|(?:股份有限公司|有限公司|株式会社|株式會社)$")


def _without_cjk_legal_form(name: str) -> str | None:
    """A Chinese or Japanese firm's name without its legal form, or None when it has none.

    >>> _without_cjk_legal_form("臺灣中小企業銀行股份有限公司"), _without_cjk_legal_form("株式会社しまなみ銀行")
    ('臺灣中小企業銀行', 'しまなみ銀行')
    """
    bare = _CJK_LEGAL_FORM.sub("", name)
    return bare if bare != name and len(bare) >= 2 else None


def resolve(text: str, lang: str, mentions: list[Mention], people: list[Person], gaz) -> Resolved:
    """Group ``mentions`` and ``people`` into entities (see the module docstring)."""
    uf = _Union()
    items: dict[tuple[int, int], tuple[str, str, str | None]] = {}  # span -> (text, type, entry)
    by_span = {m.span: m for m in mentions}
    for m in mentions:
        items[m.span] = (m.text, m.type, m.entry)
        uf.find(m.span)
        if m.source == "anaphor":  # "同会": the body it points back to, by position alone
            if m.alias_of in by_span:
                uf.union(m.alias_of, m.span)
            continue
        if m.entry:
            uf.union(("gaz", m.entry), m.span)
        elif m.type in ORG_TYPES or m.type in PLACE_TYPES:
            group = "org" if m.type in ORG_TYPES else m.type
            uf.union(("name", group, name_key(m.text)), m.span)
        if m.alias_of and m.alias_of in by_span:
            uf.union(m.alias_of, m.span)
    # a CJK body named short and qualified: "工業局" / "經濟部工業局"
    if lang != "en":
        orgs = [m for m in mentions if m.type in ORG_TYPES and m.source != "anaphor"]
        longer = sorted({fold(m.text): m for m in orgs}.items(), key=lambda kv: -len(kv[0]))
        for m in orgs:
            fm = fold(m.text)
            for fl, big in longer:
                if _other_firm(m, big):
                    continue  # "台湾新和大昌電子股份有限公司" (a joint venture) is not "大昌電子股份有限公司"
                if len(fl) > len(fm) >= 2 and fl.endswith(fm) and (m.entry is None or big.entry in (None, m.entry)):
                    uf.union(big.span, m.span)
                    break
            else:
                # an abbreviation: "經發局" / "經濟發展局", "投資處" / "投資業務處", "臺中市經發局" / "臺中市政府經濟發展局"
                hits = {big.span: big for fl, big in longer if _abbreviates(fm, fl) and not _other_firm(m, big) and
                        (m.entry is None or big.entry in (None, m.entry))}
                roots = {uf.find(s) for s in hits}
                if len(roots) == 1:
                    uf.union(next(iter(hits)), m.span)
    # "The Shiga Bank, Ltd." / "Shiga Bank", "臺灣中小企業銀行股份有限公司" / "台湾中小企業銀行": a firm named with and
    # without its legal form
    bare_of = _without_legal_form if lang == "en" else _without_cjk_legal_form
    firms = {}
    for m in mentions:
        if m.type in ORG_TYPES and m.source != "anaphor" and (bare := bare_of(m.text)):
            firms.setdefault(name_key(bare), []).append(m)
    for m in mentions:
        for firm in firms.get(name_key(m.text), []) if m.type in ORG_TYPES else []:
            if m.entry is None or firm.entry in (None, m.entry):
                uf.union(firm.span, m.span)
    # fuzzy, same type only, names the gazetteer does not know
    loose = [m for m in mentions if m.entry is None and m.type in ORG_TYPES and m.source != "anaphor"]
    for i, a in enumerate(loose[:200]):
        for b in loose[i + 1:200]:
            if a.type == b.type and similar(a.text, b.text) and not _other_firm(a, b):
                uf.union(a.span, b.span)
    # people
    full = [p for p in people if not p.short]
    person_of: dict[tuple[int, int], Person] = {}
    for p in people:
        target = _short_target(p, full, lang) if p.short else None
        if target is None and not p.short and lang != "en" and len(p.name) == 2:
            # "河合董事長" after "董事長河合利樹": a two-character family name the surname lists lack
            target = _short_target(p, [f for f in full if f is not p and len(f.name) >= 4], lang)
        if p.short and target is None and lang != "en" and len(p.name) < 2:
            continue  # a bare surname with a title, and no one it can be
        items[p.span] = (p.name, "Person", None)
        person_of[p.span] = p
        key = ("person", person_key(target.name if target else p.name))
        uf.union(key, p.span)
        if target is not None:
            uf.union(target.span, p.span)
    # surnames and given names of romanized people used alone later ("Ohashi welcomed")
    extra_mentions: dict = {}
    token_spans: list[tuple[int, int, str]] = []  # "Ohashi welcomed ...": a name part used alone
    if lang == "en":
        token_owner: dict[str, set] = {}
        for p in full:
            for tok in p.name.split():
                if len(tok) >= 2 and tok[0].isupper() and not tok.startswith(("Mr", "Dr", "Ms")):
                    token_owner.setdefault(tok, set()).add(person_key(p.name))
        taken = bytearray(len(text) + 1)
        for span in items:
            taken[span[0]:span[1]] = b"\x01" * (span[1] - span[0])
        single = {tok: next(iter(owners)) for tok, owners in token_owner.items() if len(owners) == 1}
        if single:  # one pass for every name part
            # a part of letters and hyphens is a whole run of them: look runs up instead of
            # compiling this announcement's names into a pattern
            rx = _RUN if all(_RUN.fullmatch(t) for t in single) else \
                re.compile(r"(?<![\w-])(?:" + alternation(single) + r")(?![\w-])")
            for m in rx.finditer(text):
                if m.group() not in single:
                    continue
                if not any(taken[m.start():m.end()]):
                    extra_mentions.setdefault(("person", single[m.group()]), set()).add(m.group())
                    token_spans.append((m.start(), m.end(), single[m.group()]))
    for p in people:
        if p.alias:
            extra_mentions.setdefault(uf.find(p.span), set()).add(p.alias)
    # build entities
    groups: dict = {}
    for span in items:
        groups.setdefault(uf.find(span), []).append(span)
    entities: list[Entity] = []
    of_span: dict[tuple[int, int], str] = {}
    short_spans: list[tuple[int, int]] = []
    for root, spans in groups.items():
        spans.sort()
        texts = [items[s][0] for s in spans]
        types = [items[s][1] for s in spans]
        entries = [items[s][2] for s in spans if items[s][2]]
        entry = gaz.get(entries[0]) if (entries and gaz is not None) else None
        if entry is None and gaz is not None and types and all(t == "Person" for t in types):
            extra = sorted(extra_mentions.get(root, ()))
            entry = next((e for e in (gaz.person(t) for t in texts + extra) if e is not None), None)
        if entry is not None:
            typ = entry.type
        else:
            count = Counter(t for t in types)
            typ = max(count, key=lambda t: (count[t], t != "Organization"))
        mentions_out = list(dict.fromkeys(texts))
        for key in (root, ("person", person_key(texts[0])) if typ == "Person" else None):
            if key is not None:
                mentions_out += sorted(extra_mentions.get(key, ()))
        mentions_out = list(dict.fromkeys(mentions_out))
        label = _label(texts, entry, lang, typ)
        if entry is not None:
            iri = entity_iri(entry.id)
            labels = tuple(entry.labels)
        elif typ == "Person":
            # a new person's key: the name in Chinese characters when the text gives one (the same
            # in Chinese, Japanese and, beside the romanization, English texts), else the
            # romanized name in any order
            cjk = [t for t in mentions_out if t and not re.search(r"[A-Za-z]", t) and len(t) >= 2]
            iri = entity_iri(entity_key(typ, max(cjk, key=len) if cjk else label))
            labels = ()
        else:
            iri = entity_iri(entity_key(typ, label))
            labels = ()
        entities.append(Entity(iri, typ, label, lang, tuple(mentions_out), labels))
        for s in spans:
            of_span[s] = iri
    key_iri = {}
    for root, spans in groups.items():
        if items[spans[0]][1] == "Person":
            key_iri[("person", person_key(items[spans[0]][0]))] = of_span[spans[0]]
            for s in spans:
                key_iri.setdefault(("person", person_key(items[s][0])), of_span[s])
    for s, e, key in token_spans:
        iri = key_iri.get(("person", key))
        if iri is not None:
            of_span.setdefault((s, e), iri)
            short_spans.append((s, e))
    # one entity per id (two groups can reach the same key)
    merged: dict[str, Entity] = {}
    for e in entities:
        if e.id in merged:
            old = merged[e.id]
            ms = tuple(dict.fromkeys(old.mentions + e.mentions))
            label = max((old.label, e.label), key=len)
            merged[e.id] = Entity(e.id, old.type, label, old.lang, ms, old.labels)
        else:
            merged[e.id] = e
    return Resolved(list(merged.values()), of_span, person_of, short_spans)


@functools.lru_cache(maxsize=4096)
def _label_keys(entry) -> frozenset:
    return frozenset(name_key(t) for t, _ in entry.labels)


_COUNTRY_LEAD = re.compile(r"(?:Taiwan|Japan|China|Korea)['’]s\s+")


def _label(texts: list[str], entry, lang: str, typ: str) -> str:
    """The fullest form written: a gazetteer label seen in the text, else the longest mention."""
    if typ == "Person":
        return max(texts, key=lambda t: (len(t.split()), len(t)))
    if entry is not None:
        known = _label_keys(entry)
        seen = [t for t in texts if name_key(t) in known]
        if seen:
            return max(seen, key=len)
        whole = [t for t, l in entry.labels if l == lang and any(len(x) >= 4 and x in t for x in texts)]
        if whole:  # "Minister of Transportation and Communications": the ministry's name, in full
            return whole[0]
        inside = [t for t, l in entry.labels if l == lang and any(x.endswith(t) and _COUNTRY_LEAD.fullmatch(x[:-len(t)])
                                                                   for x in texts)]
        if inside:  # "Taiwan's Ministry of Economic Affairs": the name without its country
            return max(inside, key=len)
        chained = [t for t, l in entry.labels if l == lang and any(x.startswith(t + ", ") for x in texts)]
        if chained:  # "Industrial Development Administration, Ministry of Economic Affairs": the body, not its chain
            return max(chained, key=len)
    own_script = [t for t in texts if not t.isascii()] if lang != "en" else []
    return max(own_script or texts, key=len)  # ("聯嘉精密工業股份有限公司（英文名：Lianjia …）": the name in the text's script)
