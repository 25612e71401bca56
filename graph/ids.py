"""Stable IRIs for everything tjkg names.

One base for all of them (``TJKG_BASE`` overrides it, for a deployment that serves its own
IRIs); the ``.example`` top-level domain is reserved, so the default base claims nothing.
"""
from __future__ import annotations

import os
import re
import unicodedata
from urllib.parse import quote

from .models import stable_id

__all__ = [
    "BASE", "ONTOLOGY", "ENTITY_GRAPH", "entity_iri", "announcement_iri", "agreement_iri",
    "investment_iri", "statement_iri", "post_iri", "slug",
]

BASE = os.environ.get("TJKG_BASE", "https://tjkg.example/")
ONTOLOGY = "https://tjkg.example/ontology#"  # the vocabulary's IRI never moves with the base
ENTITY_GRAPH = BASE + "graph/entities"


def slug(text: str) -> str:
    """A readable, stable key for a name in any script.

    >>> slug("Osaka Prefect. Gov.")
    'osaka-prefect-gov'
    >>> slug("鹿兒島縣")
    '鹿兒島縣'
    """
    text = unicodedata.normalize("NFKC", text).casefold()
    text = re.sub(r"[^\w]+", "-", text, flags=re.UNICODE).strip("-_")
    return text or "unnamed"


def entity_iri(key: str) -> str:
    """The IRI of an entity from its key (a gazetteer id, or ``type/slug`` for a new one).

    >>> entity_iri("jp-27")
    'https://tjkg.example/id/jp-27'
    """
    return BASE + "id/" + quote(key, safe="/-_.~")


def announcement_iri(announcement_id: str) -> str:
    """The announcement's IRI, which is also the IRI of its named graph."""
    return BASE + "announcement/" + quote(announcement_id, safe="-_.~")


def agreement_iri(party_iris: list[str] | tuple[str, ...], date: str | None) -> str:
    """The agreement between these parties on this date: the same MOU read in two
    announcements (or two languages) gets the same IRI."""
    return BASE + "id/agreement/" + stable_id("agreement", *sorted(set(party_iris)), date or "")


def investment_iri(investor: str, target: str, date: str | None) -> str:
    return BASE + "id/investment/" + stable_id("investment", investor, target, date or "")


def post_iri(person: str, org: str, role: str) -> str:
    return BASE + "id/post/" + stable_id("post", person, org, role)


def statement_iri(statement_id: str) -> str:
    return BASE + "statement/" + statement_id
