"""Where tjkg finds its data (gazetteer, ontology, shapes, saved queries, curation).

The repository's data/ folder by default; ``TJKG_DATA`` points elsewhere.
"""
from __future__ import annotations

import os
from pathlib import Path

__all__ = ["data_dir"]


def data_dir() -> Path:
    """The data directory.

    >>> (data_dir() / "ontology.ttl").is_file()
    True
    """
    env = os.environ.get("TJKG_DATA")
    return Path(env) if env else Path(__file__).resolve().parent.parent / "data"
