"""tjkg: the knowledge graph of Taiwan-Japan industrial ties.

Three lines from announcements to a DataFrame::

    import graph
    kg = graph.open()                     # the default store, .tjkg/store (or a path, or "memory")
    kg.query("mou-partners")              # a saved query as a pandas DataFrame, language tags kept

Importing does no work: each name is loaded when first used.
"""
from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

__all__ = [
    "open",
    "KnowledgeGraph",
    "IngestReport",
    "read_announcement",
    "Announcement",
    "Entity",
    "Relation",
    "Extraction",
    "TjkgError",
    "__version__",
]
__version__ = "0.1.0"

_WHERE = {
    "open": "kg",
    "KnowledgeGraph": "kg",
    "IngestReport": "kg",
    "read_announcement": "sources",
    "Announcement": "models",
    "Entity": "models",
    "Relation": "models",
    "Extraction": "models",
    "TjkgError": "errors",
}

if TYPE_CHECKING:  # pragma: no cover
    from .errors import TjkgError
    from .kg import IngestReport, KnowledgeGraph, open
    from .models import Announcement, Entity, Extraction, Relation
    from .sources import read_announcement


def __getattr__(name: str):
    if name in _WHERE:
        module = import_module(f".{_WHERE[name]}", __name__)
        return getattr(module, name)
    raise AttributeError(f"module 'graph' has no attribute {name!r}")
