"""What a synthetic announcement reports, before it is written in any language.

A :class:`Story` is one announcement's facts: MOU signings (parties, signatories with posts,
witnesses, fields, the hub's ordinal and partner count), investments (investor, target,
amount, stake, facilitator, spokesperson) and delegation visits. :func:`draw_story` draws one
from a :class:`~bench.world.World` with a seeded generator; :class:`Ledger` carries the only
state shared between announcements (how many partners each hub has signed with so far).
"""
from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta

from .lexicon import FACILITIES
from .world import Actor, Industry, Person, World

__all__ = ["Signing", "Investment", "Story", "Ledger", "draw_story", "KINDS", "FIRST_DAY", "DAYS"]

KINDS = (("mou", 55), ("investment", 30), ("delegation", 15))
FIRST_DAY = date(2006, 1, 1)
DAYS = 19 * 365
_FACILITATORS = {"tw": ("invest-taiwan", "tjpo", "moea-dois", "moea", "idb", "taitra"),
                 "jp": ("jetro", "jtea")}
_DELEGATION_LEADS = ("moea", "idb", "tjpo", "taitra", "moea-dois")
_DELEGATION_MEMBERS = ("idb", "moea-dois", "moea-doit", "invest-taiwan", "taitra", "itri", "iii")


@dataclass(frozen=True)
class Signing:
    parties: tuple[Actor, ...]
    signatories: tuple[Person, ...]  # one per party, same order
    witnesses: tuple[Person, ...]
    fields: tuple[Industry, ...]
    day: date
    ordinal: int | None = None  # parties[1] is the nth partner of parties[0]
    partners: int | None = None  # how many partners parties[0] says it has
    venue: Actor | None = None


@dataclass(frozen=True)
class Investment:
    investor: Actor
    target: Actor  # a place (country, prefecture, city) or a company
    day: date
    facility: tuple[str, str, str]
    amount: tuple[float, str] | None = None  # (value in units, "TWD" | "USD" | "JPY")
    stake: int | None = None
    facilitator: Actor | None = None
    speaker: Person | None = None


@dataclass(frozen=True)
class Story:
    index: int
    kind: str
    published: date
    signings: tuple[Signing, ...] = ()
    investments: tuple[Investment, ...] = ()
    leader: Person | None = None
    host: Actor | None = None
    visitors: tuple[Actor, ...] = ()
    helped: tuple[Actor, ...] = ()  # companies a hub says it helped invest before
    speakers: tuple[Person, ...] = ()  # officials quoted about a signing
    fillers: int = 0  # how many background paragraphs to add
    perspective: str = "tw"  # whose announcement it is: "jp" names the Japanese party first
    profile: tuple[Industry, ...] = ()  # industries the Japanese partner or host is known for


@dataclass
class Ledger:
    """State carried from one announcement to the next: each hub's partners so far."""

    partners: dict[str, set[str]] = field(default_factory=dict)

    def add_partner(self, hub: Actor, partner: Actor) -> int | None:
        """Record an agreement; the partner's ordinal if it is new to the hub, else None."""
        known = self.partners.setdefault(hub.key, set())
        if partner.key in known:
            return None
        known.add(partner.key)
        return len(known)

    def count(self, hub: Actor) -> int:
        return len(self.partners.get(hub.key, ()))


def _amount(rng: random.Random, scale: float = 1.0) -> tuple[float, str]:
    currency = rng.choices(("TWD", "USD", "JPY"), (45, 30, 25))[0]
    # log-uniform size, in billions of each currency's unit
    base = {"TWD": 10.0, "USD": 0.3, "JPY": 40.0}[currency] * scale
    value = base * 10 ** rng.uniform(-1.3, 1.0)
    return (round(value, 2 if value < 1 else 1), currency)


def _known(world: World, keys: tuple[str, ...]) -> list[Actor]:
    return [world.known[k] for k in keys if k in world.known]


def _signing(world: World, rng: random.Random, ledger: Ledger, day: date, parties: list[Actor],
             witness_pool: list[Actor]) -> Signing:
    year = day.year
    signatories = tuple(world.official(p, year, 0 if rng.random() < 0.55 else rng.randrange(1, 3)) for p in parties)
    witnesses: list[Person] = []
    for org in rng.sample(witness_pool, min(len(witness_pool), rng.choices((0, 1, 2, 3), (20, 40, 30, 10))[0])):
        person = world.official(org, year, rng.randrange(0, 2))
        if person.names not in {s.names for s in signatories} | {w.names for w in witnesses}:
            witnesses.append(person)
    hub = parties[0]
    ordinal = partners = None
    if hub.key in {a.key for a, _ in world.hubs["tw"]} and parties[1].side == "jp":
        n = ledger.add_partner(hub, parties[1])
        ordinal = n if n is not None and rng.random() < 0.6 else None
        partners = ledger.count(hub) + rng.randrange(0, 25) if rng.random() < 0.45 else None
    fields = tuple(world.fields(rng, rng.choices((1, 2, 3, 4), (25, 35, 25, 15))[0]))
    venue = parties[1].home or (parties[1] if parties[1].type in ("Prefecture", "City") else None)
    return Signing(tuple(parties), signatories, tuple(witnesses), fields, day, ordinal, partners, venue)


def _investment(world: World, rng: random.Random, day: date, side: str | None = None) -> Investment:
    side = side or ("jp" if rng.random() < 0.6 else "tw")
    other = "tw" if side == "jp" else "jp"
    investor = world.any_company(rng, side)
    roll = rng.random()
    if roll < 0.3:
        target = world.countries[other]
    elif roll < 0.8:
        target = world.place(rng, other)
    else:
        target = world.any_company(rng, other)
    stake = rng.choice((10, 15, 20, 25, 30, 34, 40, 49, 51, 60)) if target.type == "Company" and rng.random() < 0.6 else None
    fac_pool = _known(world, _FACILITATORS[other])
    facilitator = rng.choice(fac_pool) if fac_pool and rng.random() < 0.4 else None
    speaker = world.official(investor, day.year, rng.randrange(0, 2)) if rng.random() < 0.7 else None
    amount = _amount(rng) if rng.random() < 0.85 else None
    return Investment(investor, target, day, rng.choice(FACILITIES), amount, stake, facilitator, speaker)


def draw_story(world: World, rng: random.Random, index: int, ledger: Ledger) -> Story:
    """One announcement's facts, drawn with ``rng``; ``ledger`` counts hub partners."""
    kind = rng.choices([k for k, _ in KINDS], [w for _, w in KINDS])[0]
    published = FIRST_DAY + timedelta(days=rng.randrange(DAYS))
    day = published - timedelta(days=rng.choices((0, 1, 2, 5, 9, 20), (20, 30, 20, 15, 10, 5))[0])
    fillers = rng.choices(range(13), (2, 3, 5, 7, 9, 11, 12, 12, 11, 10, 8, 6, 4))[0]
    profile = tuple(world.fields(rng, 2))
    if kind == "mou":
        tw = world.party(rng, "tw")
        jp = world.party(rng, "jp")
        parties = [tw, jp]
        if rng.random() < 0.12:
            third = world.party(rng, "jp", ("city", "prefecture", "association", "org"))
            if third.key not in {tw.key, jp.key}:
                parties.append(third)
        pool = _known(world, ("idb", "moea", "tecro-japan", "teco-osaka", "teco-fukuoka", "jtea", "tjra", "meti"))
        pool = [a for a in pool if a.key not in {p.key for p in parties}]
        signing = _signing(world, rng, ledger, day, parties, pool + [p for p in parties if p.type in ("Prefecture", "City")])
        helped = tuple(world.any_company(rng, "jp") for _ in range(rng.choice((0, 0, 1, 2))))
        speakers = tuple(world.official(p, day.year, 0) for p in parties[:2] if rng.random() < 0.5)
        return Story(index, kind, published, signings=(signing,), helped=helped, speakers=speakers, fillers=fillers,
                     profile=profile, perspective="jp" if rng.random() < 0.25 else "tw")
    if kind == "investment":
        first = _investment(world, rng, day)
        more = (_investment(world, rng, day, first.investor.side),) if rng.random() < 0.2 else ()
        return Story(index, kind, published, investments=(first, *more), fillers=fillers)
    lead_org = rng.choice(_known(world, _DELEGATION_LEADS) or [world.party(rng, "tw")])
    leader = world.official(lead_org, day.year, rng.randrange(0, 3))
    members = [a for a in _known(world, _DELEGATION_MEMBERS) if a.key != lead_org.key]
    visitors = tuple(rng.sample(members, min(len(members), rng.randrange(1, 4))))
    host = world.place(rng, "jp")
    investments = tuple(_investment(world, rng, day, "jp") for _ in range(rng.choice((1, 1, 2, 3))))
    signings: tuple[Signing, ...] = ()
    if rng.random() < 0.5:
        a, b = world.any_company(rng, "jp"), world.party(rng, "tw", ("org", "company", "association"))
        if a.key != b.key:
            signings = (Signing((b, a), (), (leader,), tuple(world.fields(rng, 1)), day),)
    return Story(index, "delegation", published, signings=signings, investments=investments, leader=leader,
                 host=host, visitors=visitors, fillers=fillers, profile=profile)
