"""The typed values that flow between the stages: Announcement -> Extraction -> RDF.

All are frozen dataclasses; the stages between them are pure functions.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date

__all__ = ["Announcement", "Entity", "Relation", "Extraction", "ENTITY_TYPES", "RELATION_KINDS", "stable_id"]

ENTITY_TYPES = (
    "Agency", "Prefecture", "City", "Company", "Person", "Industry", "Country", "Region", "Organization",
)

RELATION_KINDS = (
    "signedMOUWith", "signatoryOf", "witnessOf", "holdsPosition", "investedIn", "facilitatedInvestment",
    "cooperatesIn", "locatedIn", "partOf", "memberOrdinal", "partnerCount",
)


def stable_id(*parts: object, length: int = 16) -> str:
    """A deterministic short id from the parts, so that reruns give the same ids.

    >>> stable_id("a", 1) == stable_id("a", 1)
    True
    >>> len(stable_id("x"))
    16
    """
    digest = hashlib.sha256("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()
    return digest[:length]


@dataclass(frozen=True)
class Announcement:
    """One announcement, decoded and stripped of page furniture.

    ``id`` is a stable slug (the file name without extension); ``text`` is the body only.
    ``language`` is one of ``en``, ``zh-Hant``, ``ja``.
    """

    id: str
    path: str
    title: str
    text: str
    language: str
    published: date | None = None
    modified: date | None = None
    url: str | None = None
    encoding: str = "utf-8"
    contact: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Entity:
    """A resolved entity: a stable IRI, a type, a canonical label and the mentions seen."""

    id: str
    type: str
    label: str
    lang: str
    mentions: tuple[str, ...] = ()
    labels: tuple[tuple[str, str], ...] = ()  # (text, language tag) known from the gazetteer
    confidence: float = 1.0


@dataclass(frozen=True)
class Relation:
    """One extracted fact with its provenance.

    ``object`` is an entity IRI, or a literal string for ``memberOrdinal``/``partnerCount``.
    ``agreement`` names the agreement event (an IRI) the fact belongs to, for MOU facts.
    ``qualifiers`` holds extra detail: ``role`` (a post's title), ``side`` (the party a
    signatory signs for), ``amount``, ``stake``...
    """

    subject: str
    predicate: str
    object: str
    evidence: str
    confidence: float
    date: str | None = None
    agreement: str | None = None
    qualifiers: tuple[tuple[str, str], ...] = ()
    span: tuple[int, int] | None = None
    extractor: str = ""

    @property
    def id(self) -> str:
        """Deterministic id of this statement: a hash of its parts."""
        return stable_id(self.subject, self.predicate, self.object, self.date, self.agreement, self.evidence)

    def qualifier(self, key: str) -> str | None:
        return dict(self.qualifiers).get(key)


@dataclass(frozen=True)
class Extraction:
    """What one announcement yields."""

    announcement: Announcement
    entities: tuple[Entity, ...]
    relations: tuple[Relation, ...]
    extractor: str = ""
