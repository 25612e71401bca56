"""The one exception tree of tjkg.

Every error a user can cause derives from :class:`TjkgError`; its message names the bad
input and, where there is one, the fix. The CLI prints it on one line and exits non-zero.
"""
from __future__ import annotations

__all__ = [
    "TjkgError",
    "SourceError",
    "ExtractionError",
    "CurationError",
    "StoreError",
    "QueryError",
    "RemoteStoreError",
]


class TjkgError(Exception):
    """Root of every error tjkg raises on purpose."""

    exit_code = 1


class SourceError(TjkgError):
    """An announcement file could not be read (missing, empty, binary, undecodable, no text)."""


class ExtractionError(TjkgError):
    """Extraction failed on an announcement."""


class CurationError(TjkgError):
    """The curation file is malformed; the message names the line."""


class StoreError(TjkgError):
    """The store could not be opened, read or written."""


class RemoteStoreError(StoreError):
    """A shared SPARQL server is down or answered an error; the message names its URL."""


class QueryError(TjkgError):
    """A SPARQL query is malformed or names an unknown saved query."""

    exit_code = 2
