"""Extraction: one announcement in, its entities and relations out.

:func:`extract` runs the stages of :mod:`graph.recognize` (organizations and places),
:mod:`graph.people` (people and posts), :mod:`graph.industries` (fields), :mod:`graph.dates`,
:mod:`graph.resolve` (one entity per thing) and :mod:`graph.relations` (facts), then applies the
curation file (:mod:`graph.curation`). :func:`to_json` gives the contract of DESIGN.md.

Run on one file: ``python -m graph.extract FILE`` prints the JSON; ``bench/extract_speed.py``
times it.

Examples
--------
>>> from graph.models import Announcement
>>> a = Announcement("x", "x.txt", "", "Tainan City signed an MOU with Hirosaki City.", "en")
>>> sorted(r["predicate"] for r in to_json(extract(a))["relations"])
['signedMOUWith']
"""
from __future__ import annotations

import bisect
import functools
import itertools
import json
import re
import sys

from .dates import find_dates
from .errors import ExtractionError, TjkgError
from .ids import entity_iri
from .industries import find_industries
from .models import Announcement, Entity, Extraction
from .normalize import name_key
from .people import Person, find_people
from .recognize import ORG_TYPES, PLACE_TYPES, find_mentions, fold, sentences
from .relations import Doc, Unit, find_relations
from .resolve import entity_key, resolve

__all__ = ["extract", "to_json", "EXTRACTOR", "VERSION", "main"]

VERSION = "0.3.0"
EXTRACTOR = f"tjkg-rules/{VERSION}"
MAX_CHARS = 400_000  # announcements are a few KB; a larger text is analysed in pieces


@functools.lru_cache(maxsize=1)
def _default_gazetteer():
    from .gazetteer import Gazetteer

    return Gazetteer.load()


def extract(announcement: Announcement, *, curation=None, gazetteer=None) -> Extraction:
    """The entities and relations of one announcement (pure: the same input gives the same
    output). ``curation`` is a :class:`graph.curation.Curation` (default: ``data/curation.yaml``,
    applied on every extraction; ``False`` for none);
    ``gazetteer`` a :class:`graph.gazetteer.Gazetteer` (default: the repository's)."""
    gaz = gazetteer if gazetteer is not None else _default_gazetteer()
    lang = announcement.language if announcement.language in ("en", "zh-Hant", "ja") else "en"
    head = (announcement.title or "").strip()
    extra = "\n".join(v for k, v in sorted(announcement.contact.items()) if k in ("organization", "person"))
    offset = len(head) + 2 if head else 0
    full = (head + "\n\n" if head else "") + announcement.text + ("\n\n" + extra if extra else "")
    try:
        if len(full) > MAX_CHARS:
            parts = _pieces(full, MAX_CHARS)
            results = [_analyse(full[a:b], a, lang, announcement, gaz) for a, b in parts]
            entities, relations = _merge(results)
        else:
            entities, relations = _analyse(full, 0, lang, announcement, gaz)
    except TjkgError:
        raise
    except (ValueError, KeyError, IndexError, RecursionError) as e:
        raise ExtractionError(f"{announcement.path}: extraction failed ({type(e).__name__}: {e})") from e
    text_len = len(announcement.text)
    fixed = []
    for r in relations:
        span = None
        if r.span is not None and r.span[0] >= offset and r.span[1] - offset <= text_len:
            span = (r.span[0] - offset, r.span[1] - offset)
        fixed.append(_replace_span(r, span))
    result = Extraction(announcement, tuple(entities), tuple(fixed), EXTRACTOR)
    if curation is None:
        from .curation import load_curation

        curation = load_curation()
    if curation is not False:
        result = curation.apply(result)
    return result


def _replace_span(r, span):
    from dataclasses import replace

    return replace(r, span=span)


def _pieces(text: str, size: int) -> list[tuple[int, int]]:
    out = []
    start = 0
    while start < len(text):
        end = min(len(text), start + size)
        if end < len(text):
            cut = text.rfind("\n", start + size // 2, end)
            end = cut + 1 if cut > start else end
        out.append((start, end))
        start = end
    return out


def _merge(results):
    ents: dict[str, Entity] = {}
    rels = {}
    for entities, relations in results:
        for e in entities:
            if e.id in ents:
                old = ents[e.id]
                ents[e.id] = Entity(e.id, old.type, max(old.label, e.label, key=len), old.lang,
                                    tuple(dict.fromkeys(old.mentions + e.mentions)), old.labels)
            else:
                ents[e.id] = e
        for r in relations:
            rels.setdefault((r.subject, r.predicate, r.object, r.agreement), r)
    return list(ents.values()), list(rels.values())


@functools.lru_cache(maxsize=4096)
def _name_keys(gaz, entry_id: str) -> tuple[str, ...]:
    return tuple(name_key(n) for n in gaz.get(entry_id).names())


def _own_level(name: str, lang: str) -> str:
    """The kind of place a department named "県…"/"縣府…"/"市…" belongs to: a Japanese
    prefecture, or in Chinese a Taiwanese county (縣府, 縣政府) or a city.

    >>> _own_level("県産業労働部", "ja"), _own_level("縣府經濟發展處", "zh-Hant"), _own_level("市經發局", "zh-Hant")
    ('Prefecture', 'City', 'City')
    """
    if name[0] == "市" or (lang == "zh-Hant" and name.startswith(("縣府", "縣政府"))):
        return "City"
    return "Prefecture"


def _parent_after_comma(text: str, parent) -> str | None:
    """The parent's English name after a comma or "of the": "Industrial Development Administration,
    Ministry of Economic Affairs" -> "Ministry of Economic Affairs", "Kaohsiung Office of the
    Japan-Taiwan Exchange Association" -> "Japan-Taiwan Exchange Association", else None."""
    return next((t for t, lang in parent.labels if lang == "en" and text.endswith((", " + t, " of the " + t, " of " + t))), None)


def _parent_written(text: str, gaz, parent_id: str) -> str | None:
    """The part of a Chinese or Japanese name that names its parent body, when it starts with
    one of the parent's names and goes on ("經濟部產業發展署" -> "經濟部"), else None."""
    keys = set(_name_keys(gaz, parent_id))
    for n in range(2, len(text) - 1):
        if name_key(text[:n]) in keys:
            return text[:n]
    return None


def _analyse(text: str, base: int, lang: str, ann: Announcement, gaz):
    from dataclasses import replace

    folded = fold(text)
    mentions = find_mentions(text, lang, gaz, folded=folded, body_start=len(ann.title or "") if not base else 0)
    people = find_people(text, lang, mentions)
    if people:  # a place name that is a person's surname ("Yamaguchi Takeshi") names no place
        parts = {w for p in people if not p.short and len(p.name.split()) >= 2 for w in p.name.split()}
        mentions = [m for m in mentions if not (m.text in parts and m.type in PLACE_TYPES and _SPEAKS.match(text, m.end))]
        names = sorted((p.start, p.end) for p in people)
        nstarts = [a for a, _ in names]
        mentions = [m for m in mentions if not ((k := bisect.bisect_right(nstarts, m.start)) and names[k - 1][1] >= m.end)]
    res = resolve(text, lang, mentions, people, gaz)
    sents = sentences(text, lang)
    industries = find_industries(text, lang, mentions, gaz, sents)
    entities = list(res.entities)
    ind_ids: list[tuple[int, int, str]] = []
    ind_ents: dict[str, Entity] = {}
    for i in industries:
        entry = None
        if gaz is not None:
            for form in i.forms[::-1]:
                hits = gaz.lookup(form, type="Industry")
                if hits:
                    entry = hits[0]
                    break
        iri = entity_iri(entry.id) if entry else entity_iri(entity_key("Industry", i.forms[-1]))
        old = ind_ents.get(iri)
        mentions_ = tuple(dict.fromkeys((old.mentions if old else ()) + i.forms))
        label = max([i.text] + ([old.label] if old else []), key=len)
        ind_ents[iri] = Entity(iri, "Industry", label, lang, mentions_, tuple(entry.labels) if entry else ())
        if not i.trait:
            ind_ids.append((i.start, i.end, iri))
    entities += list(ind_ents.values())
    units = []
    person_units = []
    spans = {m.span for m in mentions}
    for m in mentions:
        ent = res.of_span.get(m.span)
        if m.source == "acronym" and m.alias_of in spans and 0 <= m.start - m.alias_of[1] <= 3:
            continue  # "Full Name (ACR)": the acronym is part of its definition
        if ent:
            units.append(Unit(m.start, m.end, ent, m.type if m.type in ORG_TYPES | PLACE_TYPES else m.type, None, m))
    taken = {p.span for p in people}
    for s, e in res.name_parts:  # "Numata said ...": the name part alone is the person
        if (s, e) not in taken:
            people = people + [Person(s, e, text[s:e], (), short=True)]
    for p in people:
        ent = res.of_span.get(p.span)
        if ent is None:
            continue
        u = Unit(p.prefix_start if p.prefix_start is not None and p.prefix_start < p.start else p.start,
                 max(p.end, p.suffix_end or 0), ent, "Person", p, None)
        person_units.append((u, p))
    all_units = sorted(units, key=lambda u: (u.start, -u.end))
    # a person unit swallows the organization written before the name in it
    inside = sorted((u.start, u.end) for u, _ in person_units)
    starts_in = [a for a, _ in inside]
    reach = list(itertools.accumulate((b for _, b in inside), max))  # furthest end of a person span so far
    units = [u for u in units if not (inside and (k := bisect.bisect_right(starts_in, u.start)) and reach[k - 1] >= u.end)]
    units += [u for u, _ in person_units]
    units.sort(key=lambda u: (u.start, -u.end))
    type_of = {e.id: e.type for e in entities}
    first_of = {}
    for u in units:
        if u.person is None and not text.startswith(("-based", "-headquartered"), u.end):
            first_of.setdefault(type_of.get(u.entity, u.type), u.entity)  # (not a firm's seat: "a Tainan City-based maker")
    implied = {k: v for k, v in first_of.items() if k in ("Prefecture", "City")}
    places = [u for u in units if u.person is None and type_of.get(u.entity, u.type) in ("Prefecture", "City")]
    in_prefecture = next((b.entity for a, b in zip(places, places[1:]) if a.end == b.start and a.entity == implied.get("Prefecture")
                          and type_of.get(b.entity, b.type) == "City"), None)
    if in_prefecture is not None and lang == "ja":  # "青森県八戸市" before a mayor: the city in the prefecture, not a firm's seat named first
        implied["City"] = in_prefecture
    compound = []
    by_text = {fold(m.text): res.of_span[m.span] for m in mentions if m.span in res.of_span}
    for m in mentions:
        if m.span not in res.of_span:
            continue
        if m.parent is not None:
            parent = res.of_span.get(m.parent) or by_text.get(fold(text[m.parent[0]:m.parent[1]]))
            if parent is None and gaz is not None:
                written = text[m.parent[0]:m.parent[1]]
                hits = gaz.lookup(written)
                if hits:  # "交通部觀光署": the ministry is named inside the name, so it is an entity here too
                    parent = entity_iri(hits[0].id)
                    if parent not in type_of:
                        entities.append(Entity(parent, hits[0].type, written, lang, (written,), tuple(hits[0].labels)))
                        type_of[parent] = hits[0].type
            if parent is not None:
                compound.append((res.of_span[m.span], parent, m.span))
        elif m.type == "Agency" and m.entry is None and lang != "en" and m.text[0] in "県縣市" and \
                implied.get(_own_level(m.text, lang)):
            # "県産業労働部": a department of the prefecture the announcement is about;
            # "縣府經濟發展處" in Chinese: of the Taiwanese county it is about
            compound.append((res.of_span[m.span], implied[_own_level(m.text, lang)], m.span))
        elif m.entry and gaz is not None:
            entry = gaz.get(m.entry)
            if entry is not None and entry.parent and entry.type in ("Agency", "Organization"):
                parent = gaz.get(entry.parent)
                if entry.type == "Organization" and parent is not None and parent.type not in ("Agency", "Organization"):
                    parent = None  # an association's office is part of the association; where it is, is not partOf
                key = name_key(m.text)
                # "經濟部工業局", "Osaka Prefect. Gov., Dep. of ...": the name starts with its parent's
                if parent is not None and entity_iri(parent.id) in type_of and any(
                        key.startswith(n) and len(key) > len(n) for n in _name_keys(gaz, parent.id)):
                    compound.append((res.of_span[m.span], entity_iri(parent.id), m.span))
                elif parent is not None and (written := _parent_written(m.text, gaz, parent.id) if lang != "en"
                                             else _parent_after_comma(m.text, parent)):
                    # "經濟部產業發展署" alone: the ministry named inside the name is an entity here too
                    pid = entity_iri(parent.id)
                    entities.append(Entity(pid, parent.type, written, lang, (written,), tuple(parent.labels)))
                    type_of[pid] = parent.type
                    compound.append((res.of_span[m.span], pid, m.span))
    published = ann.published or _dateline(text[:400])
    doc = Doc(text, lang, published, sents, units, find_dates(text, published),
              ind_ids, EXTRACTOR)
    doc.types = type_of
    doc.org_units = [u for u in all_units if u.type in ORG_TYPES]
    doc.countries = _countries(gaz)
    doc.home, doc.named = _homes(entities, gaz)
    relations = find_relations(doc, person_units, lambda m: res.of_span.get(m.span), implied, compound)
    if base:
        relations = [replace(r, span=(r.span[0] + base, r.span[1] + base)) if r.span else r for r in relations]
    return entities, relations


def _dateline(head: str):
    """The publication date a text states at its top when the source gave none: the first full
    date ("SAPPORO, May 23, 2024 -", "Mon, Mar 13, 2023", "2024年5月23日").

    >>> str(_dateline("SAPPORO, May 23, 2024 - Everwin will invest"))
    '2024-05-23'
    """
    from datetime import date

    for d in find_dates(head, None):
        if d.precision == "day" and d.iso and len(d.iso) == 10:
            return date.fromisoformat(d.iso)
    return None


_SPEAKS = re.compile(r"\s+(?:said|says|noted|added|stated|told|explained|stressed|welcomed|praised|pointed|expressed|hoped)\b")


@functools.lru_cache(maxsize=4)
def _countries(gaz) -> frozenset:
    return frozenset(entity_iri(e.id) for e in gaz.of_type("Country")) if gaz is not None else frozenset()


def _homes(entities: list[Entity], gaz) -> tuple[dict[str, str], dict[str, str]]:
    """Where each entity belongs, for telling the side a person acts for: its gazetteer parent
    (and theirs, up the chain), and the place its name starts with ("鹿兒島產業支援中心",
    "Kagoshima Industry Support Center", "Taiwan-Japan Industrial Promotion Center")."""
    home: dict[str, str] = {}
    named: dict[str, str] = {}
    cores = {}
    for e in entities:
        if e.type in ("City", "Prefecture"):
            core = _PLACE_WORD.sub("", e.label)
            if len(core) >= (2 if not core.isascii() else 4):
                cores[core] = e.id
    if gaz is None:
        return home, named
    for e in entities:
        if e.type in ("Person", "Industry", "Country"):
            continue
        entry = gaz.get(e.id.rsplit("/id/", 1)[-1])
        cur = entry
        while cur is not None and cur.parent and entity_iri(cur.id) not in home:
            home[entity_iri(cur.id)] = entity_iri(cur.parent)
            cur = gaz.get(cur.parent)
        place = _name_place(e.label, gaz) or _doc_place(e, cores) or _legal_country(e, gaz)
        if place is not None and place != e.id:
            named[e.id] = place
    return home, named


_PLACE_WORD = re.compile(r"\s+(?:Prefecture|City|County|Township|Town|Village)$|(?<=[\u3400-\u9fff])[縣県府市町村郷鄉鎮区區]$")


_LEGAL_COUNTRY = ((re.compile(r"股份有限公司$|有限公司$"), "tw"), (re.compile(r"^(?:株式会社|株式會社|有限会社)|(?:株式会社|株式會社|有限会社)$"), "jp"))


def _legal_country(e: Entity, gaz) -> str | None:
    """The country a company's legal form says: 股份有限公司 is Taiwanese, 株式会社 Japanese."""
    if e.type != "Company":
        return None
    for rx, code in _LEGAL_COUNTRY:
        if any(rx.search(m) for m in (e.label, *e.mentions)) and gaz.get(code) is not None:
            return entity_iri(code)
    return None


def _doc_place(e: Entity, cores: dict[str, str]) -> str | None:
    """A place of this announcement whose bare name starts the body's name ("Kumagaya
    Chamber of Commerce" and "Kumagaya City")."""
    for core, iri in cores.items():
        if iri != e.id and e.label.startswith(core) and len(e.label) > len(core) + 1:
            return iri
    return None


def _name_place(label: str, gaz) -> str | None:
    """The place a body's name starts with, if the gazetteer knows it."""
    if label.isascii():
        words = label.replace("-", " ").split()
        cands = [" ".join(words[:k]) for k in (2, 1) if len(words) > k]
    else:
        cands = [label[:k] for k in (4, 3, 2) if len(label) > k + 1]
    for c in cands:
        hits = [h for h in gaz.lookup(c) if h.type in ("Prefecture", "City", "Country")]
        if hits:
            return entity_iri(hits[0].id)
    return None


def to_json(extraction: Extraction) -> dict:
    """The JSON object of DESIGN.md's contract for one extraction."""
    ann = extraction.announcement
    out = {
        "source": {"path": ann.path, "title": ann.title,
                   "published": ann.published.isoformat() if ann.published else None,
                   "language": ann.language},
        "entities": [],
        "relations": [],
    }
    for e in extraction.entities:
        item = {"id": e.id, "type": e.type, "label": e.label, "mentions": list(e.mentions)}
        if e.labels:
            item["labels"] = [{"text": t, "lang": l} for t, l in e.labels]
        out["entities"].append(item)
    for r in extraction.relations:
        item = {"subject": r.subject, "predicate": r.predicate, "object": r.object, "date": r.date,
                "evidence": r.evidence, "confidence": r.confidence}
        for k, v in r.qualifiers:
            item[k] = v
        if r.agreement:
            item["agreement"] = r.agreement
        item["extractor"] = r.extractor or extraction.extractor
        if r.span is not None:
            item["span"] = list(r.span)
        out["relations"].append(item)
    return out


def main(argv: list[str] | None = None) -> int:
    """``python -m graph.extract FILE``: the JSON of one announcement on stdout (UTF-8)."""
    argv = list(sys.argv[1:] if argv is None else argv)
    from .sources import read_announcement

    if len(argv) != 1:
        print("usage: python -m graph.extract FILE   (timing: python bench/extract_speed.py DIR)", file=sys.stderr)
        return 2
    try:
        result = extract(read_announcement(argv[0]))
    except TjkgError as e:
        print(f"error: {e}", file=sys.stderr)
        return e.exit_code
    sys.stdout.buffer.write((json.dumps(to_json(result), ensure_ascii=False, indent=1) + "\n").encode("utf-8"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
