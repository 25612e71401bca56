"""Cue words and patterns per language, loaded from ``data/patterns/<lang>.yaml``.

The extractor's knowledge of how announcements are written (post titles, organization head
nouns, legal forms, agreement and witness verbs, field cues...) is data, not code: a curator
extends a list in the YAML file and every rule that reads it picks the new word up.

Examples
--------
>>> cues = load_cues("en")
>>> "Bureau" in cues.words("org_heads")
True
>>> bool(cues.rx("titles").fullmatch("Deputy Director"))
True
"""
from __future__ import annotations

import functools
import re
from pathlib import Path

import yaml

from .errors import ExtractionError

__all__ = ["Cues", "load_cues", "patterns_directory", "alternation", "word_trie"]


def patterns_directory() -> Path:
    """The directory of the cue files (``data/patterns`` in the repository)."""
    return Path(__file__).resolve().parent.parent / "data" / "patterns"


def alternation(words, fold_case: bool = False) -> str:
    """A regex alternation of literal words in which the longest word that matches wins.

    The words are factored by common prefix (a trie), each word's continuations tried before
    it ends: the same matches as listing the words longest first, but Python's engine then
    tests a text position against one branch per first character instead of every word, which
    matters for lists of hundreds of titles or head nouns. ``fold_case`` lower-cases the words
    first, for a pattern compiled with ``re.IGNORECASE`` (where "Co" and "corporation" share a
    prefix).

    >>> alternation(["Co.", "Corporation"])
    'Co(?:\\\\.|rporation)'
    >>> re.fullmatch(alternation(["Dr", "Director", "Deputy"]), "Director") is not None
    True
    """
    return _alternation(frozenset(w.lower() if fold_case else w for w in words if w))


@functools.lru_cache(maxsize=512)  # rules ask for the same cue lists on every announcement
def _alternation(words: frozenset) -> str:
    return _trie_pattern(word_trie(words))


def word_trie(words) -> dict:
    """The characters of ``words`` as nested dicts; the key "" marks a word's end.

    >>> word_trie(["ab", "a"])
    {'a': {'b': {'': {}}, '': {}}}
    """
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}
    return trie


def _trie_pattern(node: dict) -> str:
    ends = "" in node
    branches = [re.escape(ch) + _trie_pattern(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends:  # greedy: the longer words first, then the word that ends here
        body = "(?:" + "|".join(branches) + ")?"
    return body


class Cues:
    """The cue lists of one language, with compiled alternations built on first use."""

    def __init__(self, lang: str, data: dict, directory: str | None = None):
        self.lang = lang
        self.directory = directory
        self._data = data
        self._rx: dict[tuple, re.Pattern] = {}
        self._words: dict[str, list[str]] = {}
        self._sets: dict[tuple[str, ...], frozenset] = {}

    def words(self, key: str) -> list[str]:
        """The list under ``key`` (a string value is split into its characters)."""
        if key not in self._words:
            self._words[key] = self._read(key)
        return list(self._words[key])

    def set(self, *keys: str) -> frozenset:
        """The words of one or more keys as a frozen set (cached).

        >>> "Ministry" in load_cues("en").set("org_heads", "titles")
        True
        """
        if keys not in self._sets:
            self._sets[keys] = frozenset(w for k in keys for w in self.words(k))
        return self._sets[keys]

    def _read(self, key: str) -> list[str]:
        value = self._data.get(key, [])
        if isinstance(value, dict) and "from" in value:  # "{from: ja}": the list kept in another language's file
            return load_cues(str(value["from"]), self.directory).words(key)
        if isinstance(value, str):
            return list(value)
        return [str(v) for v in value]

    def mapping(self, key: str) -> dict:
        """The mapping under ``key`` (empty when absent)."""
        value = self._data.get(key) or {}
        return dict(value)

    def lower_rx(self, key: str) -> re.Pattern:
        """The words of ``key`` lower-cased, bounded, as a case-sensitive pattern: for
        searching a lower-cased copy of the text (:func:`graph.recognize.fold`), which is
        faster than a case-insensitive pattern.

        >>> bool(load_cues("en").lower_rx("sign_verbs_ci").search("they signed"))
        True
        """
        cache_key = ("lower", key)
        if cache_key not in self._rx:
            body = alternation(self.words(key), fold_case=True) or r"(?!x)x"
            self._rx[cache_key] = re.compile(rf"(?<![\w-])(?:{body})(?![\w-])")
        return self._rx[cache_key]

    def rx(self, key: str, *, bounded: bool | None = None) -> re.Pattern:
        """The words of ``key`` as one compiled alternation; keys ending in ``_ci`` ignore case.

        ``bounded`` (default: for English) puts word boundaries around the alternation.
        """
        if bounded is None:
            bounded = self.lang == "en"
        cache_key = (key, bounded)
        if cache_key not in self._rx:
            body = alternation(self.words(key), fold_case=key.endswith("_ci")) or r"(?!x)x"
            if bounded:
                body = rf"(?<![\w-])(?:{body})(?![\w-])"
            flags = re.IGNORECASE if key.endswith("_ci") else 0
            self._rx[cache_key] = re.compile(body, flags)
        return self._rx[cache_key]


@functools.lru_cache(maxsize=8)
def load_cues(lang: str, directory: str | None = None) -> Cues:
    """The cues of ``lang`` ("en", "zh-Hant", "ja"); cached.

    Raises
    ------
    ExtractionError
        The cue file is missing or is not a YAML mapping.
    """
    path = Path(directory) if directory else patterns_directory()
    file = path / f"{lang}.yaml"
    try:
        data = yaml.safe_load(file.read_text(encoding="utf-8"))
    except FileNotFoundError as e:
        raise ExtractionError(f"{file}: no cue file for language {lang!r}") from e
    except yaml.YAMLError as e:
        raise ExtractionError(f"{file}: not valid YAML ({e})") from e
    if not isinstance(data, dict):
        raise ExtractionError(f"{file}: expected a mapping of cue lists")
    return Cues(lang, data, directory)
