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

from ..cues import load_cues
from ..models import Relation
from ..people import Person

from .agreements import Event, _agreement_events, _emit_agreements, _fields, _resolve_agreements
from .counts import _counts, _more_counts, _ordinals
from .doc import Agreement, Doc, Unit, _rel, _sentence_of
from .investments import _allotments, _investments, _ja_bases, _ja_seats, _outlines, _stakes, _subsidiaries
from .places import _more_parents, _more_places, _parents, _places

__all__ = ["Doc", "Unit", "find_relations", "Agreement", "Event"]

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
    _allotments(doc, rels)
    _subsidiaries(doc, rels)
    _outlines(doc, rels)
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
