"""The cast of the synthetic corpus: who signs, invests and speaks, and how often.

Known entities come from the gazetteer (agencies, prefectures, cities, organizations,
companies, industries); new ones are invented on demand (companies with legal forms,
associations, officials with names in each script), each from its own seeded generator, so
that entity number ``i`` is the same in every corpus built with the same seed.

Choices are skewed the way real announcements are: a few hubs (TJPO, TAITRA, MOEA...) take a
large share of the agreements, prefectures and cities follow a Zipf law over a shuffled order,
and companies and associations follow a power law with an unbounded tail, so a bigger corpus
keeps meeting new small partners.

>>> w = World(seed=1)
>>> import random
>>> a = w.party(random.Random(0), "tw")
>>> a.side, a.type in ("Agency", "City", "Organization", "Company")
('tw', True)
"""
from __future__ import annotations

import bisect
import functools
import random
from dataclasses import dataclass, field

from graph.gazetteer import Gazetteer, GazetteerEntry

from .lexicon import (ASSOCIATION_KINDS, JP_GIVEN, JP_LEGAL, JP_STEMS, JP_SURNAMES, POSTS, SECTORS, TW_GIVEN,
                      TW_LEGAL, TW_STEMS, TW_SURNAMES)

__all__ = ["Actor", "Person", "Industry", "World", "LANGS", "Zipf"]

LANGS = ("en", "zh-Hant", "ja")
_LI = {lang: i for i, lang in enumerate(LANGS)}

# the hubs: gazetteer id -> weight among the Taiwan-side parties (missing ids are skipped)
_TW_HUBS = {"tjpo": 26, "taitra": 10, "moea": 5, "idb": 5, "itri": 3, "tjra": 3, "iii": 2, "tjipc": 2,
            "invest-taiwan": 2}
_JP_HUBS = {"jetro": 4, "jtea": 3, "kankeiren": 1, "jcci": 1}
# weights of the kinds of party on each side
_TW_KINDS = (("hub", 58), ("city", 12), ("org", 10), ("company", 14), ("association", 6))
_JP_KINDS = (("hub", 6), ("prefecture", 30), ("city", 14), ("org", 10), ("company", 28), ("association", 12))
_HUB_POSTS = {"tjpo", "tjipc", "invest-taiwan", "taitra-tokyo", "taitra-osaka"}
_JP_ORG_PREFIXES = ("Japan", "Japanese", "Kansai", "Tokyo", "Osaka", "Kyoto", "Kyushu", "Tohoku")
_SUFFIXES_EN = (" Prefecture", " Metropolis", " City", " County")
_SUFFIXES_CJK = ("縣", "県", "府", "都", "市")


class Zipf:
    """Ranks ``0..n-1`` drawn with probability proportional to ``1 / (rank + 1) ** s``.

    >>> z = Zipf(10, 1.0)
    >>> r = random.Random(3)
    >>> draws = [z.sample(r) for _ in range(2000)]
    >>> draws.count(0) > draws.count(9) * 5
    True
    """

    def __init__(self, n: int, s: float) -> None:
        self.n = n
        total, cum = 0.0, []
        for rank in range(n):
            total += 1.0 / (rank + 1) ** s
            cum.append(total)
        self._cum = cum

    def sample(self, rng: random.Random) -> int:
        return min(bisect.bisect_left(self._cum, rng.random() * self._cum[-1]), self.n - 1)


def _power_rank(rng: random.Random, alpha: float, scale: float) -> int:
    """An unbounded rank >= 0 with P(rank >= r) = (1 + r / scale) ** -alpha (a Lomax tail:
    the head is flat over about ``scale`` ranks, then the probability falls as a power law)."""
    return int(scale * (rng.paretovariate(alpha) - 1.0))


@dataclass(frozen=True)
class Actor:
    """An organization or place that takes part in an announcement.

    ``names`` and ``short`` hold one form per language (en, zh-Hant, ja): the full name for
    the first mention, a short one (an acronym, a place name without its suffix) after.
    """

    key: str
    type: str
    side: str
    names: tuple[str, str, str]
    short: tuple[str, str, str]
    post_kind: str
    invented: bool = False
    industry: str | None = None
    home: "Actor | None" = None

    def name(self, lang: str) -> str:
        return self.names[_LI[lang]]

    def brief(self, lang: str) -> str:
        return self.short[_LI[lang]]


@dataclass(frozen=True)
class Person:
    """An official with a name in each language and a post at an organization."""

    names: tuple[str, str, str]
    surname: tuple[str, str, str]
    post: tuple[str, str, str]
    org: Actor
    side: str
    caps: str = ""  # the name as Chinese texts sometimes print Japanese names: SAKOU TSUKASA

    def name(self, lang: str) -> str:
        return self.names[_LI[lang]]

    def title(self, lang: str) -> str:
        return self.post[_LI[lang]]


@dataclass(frozen=True)
class Industry:
    key: str
    names: tuple[str, str, str]

    def name(self, lang: str) -> str:
        return self.names[_LI[lang]]


def _forms(entry: GazetteerEntry) -> tuple[str, str, str]:
    return tuple(entry.label(lang) for lang in LANGS)  # type: ignore[return-value]


def _strip_place(text: str) -> str:
    for suffix in _SUFFIXES_EN:
        if text.endswith(suffix) and len(text) > len(suffix) + 2:
            return text[: -len(suffix)]
    for suffix in _SUFFIXES_CJK:
        if text.endswith(suffix) and len(text) > 2:
            return text[:-1]
    return text


def _acronym(entry: GazetteerEntry) -> str | None:
    for form in (*(t for t, lang in entry.labels if lang == "en"), *entry.aliases):
        if form.isascii() and form.isupper() and 2 <= len(form) <= 6 and form.isalpha():
            return form
    return None


@dataclass(eq=False)
class World:
    """Everything the generator draws from, for one seed."""

    seed: int
    gazetteer: Gazetteer = field(default_factory=Gazetteer.load)

    def __post_init__(self) -> None:
        gaz = self.gazetteer
        order = random.Random(f"{self.seed}:order")
        self.known: dict[str, Actor] = {}
        groups: dict[tuple[str, str], list[Actor]] = {}
        for entry in gaz:
            if entry.type in ("Industry", "Person", "Region", "Country"):
                continue
            side = self._side(entry)
            if side is None:
                continue
            actor = self._known_actor(entry, side)
            self.known[entry.id] = actor
            kind = {"Prefecture": "prefecture", "City": "city", "Company": "company"}.get(entry.type, "org")
            groups.setdefault((side, kind), []).append(actor)
        for members in groups.values():
            order.shuffle(members)  # which prefecture is popular depends on the seed
        self.groups = groups
        self.zipf = {k: Zipf(len(v), 1.0) for k, v in groups.items()}
        self.hubs = {side: [(self.known[k], w) for k, w in hubs.items() if k in self.known]
                     for side, hubs in (("tw", _TW_HUBS), ("jp", _JP_HUBS))}
        self.industries = [Industry(e.id, _forms(e)) for e in gaz.of_type("Industry") if e.broader]
        order.shuffle(self.industries)
        self.industry_zipf = Zipf(len(self.industries), 0.9)
        self.industry_by_key = {i.key: i for i in self.industries}
        for e in gaz.of_type("Industry"):
            self.industry_by_key.setdefault(e.id, Industry(e.id, _forms(e)))
        self.countries = {side: self._country(side) for side in ("tw", "jp")}

    # ---- building actors ---------------------------------------------------------------
    def _side(self, entry: GazetteerEntry) -> str | None:
        chain = [entry.id] + [a.id for a in self.gazetteer.ancestors(entry.id)]
        if "tw" in chain:
            return "tw"
        if "jp" in chain:
            return "jp"
        codes = dict(entry.codes)
        if "twse" in codes or "tpex" in codes:
            return "tw"
        if "tse" in codes:
            return "jp"
        en = entry.label("en")
        if entry.type == "Company":
            return "jp" if "株式会社" in entry.label("ja") or any(
                "株式会社" in a for a in entry.aliases) else "tw"
        if entry.type in ("Organization", "Agency"):
            return "jp" if en.startswith(_JP_ORG_PREFIXES) else "tw"
        return None

    def _known_actor(self, entry: GazetteerEntry, side: str) -> Actor:
        names = _forms(entry)
        if entry.type in ("Prefecture", "City"):
            short = tuple(_strip_place(n) for n in names)
        else:
            acro = _acronym(entry)
            short = (acro or names[0], names[1], names[2]) if acro else names
            if acro and len(names[1]) > 12:
                short = (acro, acro, acro)
        en = names[0]
        if entry.id in _HUB_POSTS:
            post_kind = "hub"
        elif entry.type == "Agency":
            ministry = en.startswith("Ministry") or en.startswith("Government")
            if side == "jp":
                post_kind = "JPMinistry" if ministry else "JPAgency"
            else:
                post_kind = "Ministry" if ministry else "Office" if "Office" in en else "Agency"
        elif entry.type in POSTS:
            post_kind = entry.type
        else:
            post_kind = "Organization"
        return Actor(entry.id, entry.type, side, names, short, post_kind)  # type: ignore[arg-type]

    def _country(self, side: str) -> Actor:
        entry = self.gazetteer.get(side)
        names = _forms(entry) if entry else (("Taiwan", "臺灣", "台湾") if side == "tw" else ("Japan", "日本", "日本"))
        return Actor(side, "Country", side, names, names, "Agency")

    @functools.lru_cache(maxsize=200_000)  # noqa: B019 - one World per run, bounded
    def company(self, side: str, index: int) -> Actor:
        """Invented company ``index`` on a side: a stem, a sector and a legal form."""
        rng = random.Random(f"{self.seed}:company:{side}:{index}")
        stems = TW_STEMS if side == "tw" else JP_STEMS
        parts = rng.sample(stems, 3 if rng.random() < 0.35 else 2)
        rom = "".join(p[0].lower() for p in parts).capitalize()
        zh = "".join(p[1] for p in parts)
        ja = "".join(p[2] for p in parts)
        sector = rng.choice(SECTORS)
        legal = rng.choice(TW_LEGAL if side == "tw" else JP_LEGAL)
        base = (f"{rom} {sector[0]}", f"{zh}{sector[1]}", f"{ja}{sector[2]}")
        names = tuple(form.format(b) for form, b in zip(legal, base))
        home = self._place(rng, side)
        return Actor(f"{side}-company-{index}", "Company", side, names, base, "Company",  # type: ignore[arg-type]
                     invented=True, industry=sector[3], home=home)

    @functools.lru_cache(maxsize=50_000)  # noqa: B019
    def association(self, side: str, index: int) -> Actor:
        """Invented association ``index``: a place, a field and a kind of body."""
        rng = random.Random(f"{self.seed}:association:{side}:{index}")
        place = self._place(rng, side)
        sector = rng.choice(SECTORS)
        kind = rng.choice(ASSOCIATION_KINDS)
        names = tuple(pattern.format(place=place.brief(lang), field=sector[i])
                      for i, (lang, pattern) in enumerate(zip(LANGS, kind)))
        return Actor(f"{side}-association-{index}", "Organization", side, names, names,  # type: ignore[arg-type]
                     "Organization", invented=True, industry=sector[3], home=place)

    def _place(self, rng: random.Random, side: str) -> Actor:
        kind = "prefecture" if side == "jp" and rng.random() < 0.7 else "city"
        members = self.groups.get((side, kind)) or self.groups[(side, "city")]
        return members[self.zipf[(side, kind)].sample(rng) if (side, kind) in self.zipf else 0]

    # ---- drawing -----------------------------------------------------------------------
    def party(self, rng: random.Random, side: str, kinds: tuple[str, ...] | None = None) -> Actor:
        """One party of an agreement on ``side`` ("tw" or "jp"), hubs most often."""
        table = [(k, w) for k, w in (_TW_KINDS if side == "tw" else _JP_KINDS) if kinds is None or k in kinds]
        kind = rng.choices([k for k, _ in table], [w for _, w in table])[0]
        if kind == "hub" and self.hubs[side]:
            actors, weights = zip(*self.hubs[side])
            return rng.choices(actors, weights)[0]
        if kind == "company":
            return self.any_company(rng, side)
        if kind == "association":
            return self.association(side, _power_rank(rng, 0.6, 8.0))
        key = (side, {"hub": "org"}.get(kind, kind))
        members = self.groups.get(key)
        if not members:
            return self.any_company(rng, side)
        return members[self.zipf[key].sample(rng)]

    def any_company(self, rng: random.Random, side: str) -> Actor:
        """A company: the known ones are the head of the distribution, invented ones its tail."""
        known = self.groups.get((side, "company"), [])
        rank = _power_rank(rng, 0.45, 12.0)
        return known[rank] if rank < len(known) else self.company(side, rank - len(known))

    def place(self, rng: random.Random, side: str) -> Actor:
        return self._place(rng, side)

    def fields(self, rng: random.Random, k: int) -> list[Industry]:
        picked: dict[str, Industry] = {}
        while len(picked) < k:
            ind = self.industries[self.industry_zipf.sample(rng)]
            picked[ind.key] = ind
        return list(picked.values())

    def industry(self, key: str | None) -> Industry | None:
        return self.industry_by_key.get(key) if key else None

    def official(self, org: Actor, year: int, slot: int = 0) -> Person:
        """The person holding post ``slot`` at ``org`` in ``year`` (terms last four years)."""
        posts = POSTS[org.post_kind]
        post = posts[slot % len(posts)]
        rng = random.Random(f"{self.seed}:person:{org.key}:{(year + slot) // 4}:{slot}")
        side = org.side if rng.random() < 0.95 else ("jp" if org.side == "tw" else "tw")
        return _person(rng, side, post, org)


def _person(rng: random.Random, side: str, post: tuple[str, str, str], org: Actor) -> Person:
    if side == "tw":
        sur = rng.choice(TW_SURNAMES)
        given = rng.sample(TW_GIVEN, 2)
        rom = f"{given[0][0]}-{given[1][0].lower()}"
        en = f"{sur[0]} {rom}" if rng.random() < 0.8 else f"{rom} {sur[0]}"
        zh = sur[1] + given[0][1] + given[1][1]
        ja = sur[2] + given[0][2] + given[1][2]
        return Person((en, zh, ja), sur, post, org, side)
    sur = rng.choice(JP_SURNAMES)
    given = rng.choice(JP_GIVEN)
    en = f"{given[0]} {sur[0]}" if rng.random() < 0.6 else f"{sur[0]} {given[0]}"
    return Person((en, sur[1] + given[1], sur[2] + given[2]), sur, post, org, side,
                  caps=f"{sur[0].upper()} {given[0].upper()}")
