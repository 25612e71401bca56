"""The gazetteer: what tjkg knows before it reads anything, loaded from YAML data files.

Every ``*.yaml`` file in the gazetteer directory (``data/gazetteer/`` in the repository,
or ``$TJKG_DATA/gazetteer`` when the ``TJKG_DATA`` environment variable names another data
directory) holds a list of records, one per entity::

    - id: jp-27                      # stable key: lowercase ASCII, digits, hyphens
      type: Prefecture               # one of graph.models.ENTITY_TYPES
      labels: {en: [Osaka Prefecture], zh-Hant: [大阪府], ja: [大阪府]}   # preferred first
      aliases: [Osaka, 大阪, Osaka Prefectural Government]
      former_names: [{name: ..., lang: en, until: 2023-09}]
      parent: jp-kansai              # containing place, or the body an org is part of
      codes: {iso3166_2: JP-27}
      broader: [industry-x]          # industries only: the broader concepts

Loading validates the records (unknown keys, types, languages, duplicate ids, a ``parent``
or ``broader`` naming no record, cycles) and raises :class:`GazetteerError` with a one-line
message naming the file and the record.

Examples
--------
>>> gaz = Gazetteer.load()
>>> gaz.lookup("Osaka Prefecture")[0].id
'jp-27'
>>> [e.id for e in gaz.lookup("鹿兒島縣")] == [e.id for e in gaz.lookup("鹿児島県")]
True
>>> gaz.get("jp-27").label("ja")
'大阪府'
"""
from __future__ import annotations

import functools
import hashlib
import marshal
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import yaml

from .errors import TjkgError
from .models import ENTITY_TYPES
from . import normalize as normalize_module
from .normalize import name_key, person_key

__all__ = [
    "FormerName", "GazetteerEntry", "Gazetteer", "GazetteerError", "LANGUAGES", "default_directory", "cache_directory",
    "clear_cache",
]

LANGUAGES = ("en", "zh-Hant", "ja")
_FALLBACK = ("en", "zh-Hant", "ja")
_KEYS = frozenset({"id", "type", "labels", "aliases", "former_names", "parent", "codes", "broader"})
_FORMER_KEYS = frozenset({"name", "lang", "until"})
_CODE_KEYS = frozenset({"iso3166_1", "iso3166_2", "wikidata", "twse", "tpex", "tse"})
_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_UNTIL = re.compile(r"^\d{4}(?:-(?:0[1-9]|1[0-2]))?(?:-(?:0[1-9]|[12]\d|3[01]))?$")
_WIKIDATA = re.compile(r"^Q[1-9]\d*$")


class GazetteerError(TjkgError):
    """A gazetteer data file is unreadable or holds an invalid record; the message names both."""


@dataclass(frozen=True)
class FormerName:
    """A name an entity carried until a date (``YYYY`` or ``YYYY-MM``), in one language."""

    name: str
    lang: str
    until: str | None


@dataclass(frozen=True)
class GazetteerEntry:
    """One known entity.

    ``labels`` holds ``(text, lang)`` pairs, the preferred label of each language first;
    ``codes`` holds ``(scheme, code)`` pairs such as ``("iso3166_2", "JP-27")``.

    Examples
    --------
    >>> e = GazetteerEntry("x", "Country", (("日本", "ja"), ("Japan", "en")), ("JP",), (), None, (), ())
    >>> e.label(), e.label("ja"), e.label("zh-Hant")
    ('Japan', '日本', 'Japan')
    >>> e.names()
    ('日本', 'Japan', 'JP')
    """

    id: str
    type: str
    labels: tuple[tuple[str, str], ...]
    aliases: tuple[str, ...]
    former_names: tuple[FormerName, ...]
    parent: str | None
    codes: tuple[tuple[str, str], ...]
    broader: tuple[str, ...]

    def label(self, lang: str = "en") -> str:
        """The preferred label in ``lang``, falling back to English, Chinese, then Japanese."""
        for wanted in (lang, *_FALLBACK):
            for text, tag in self.labels:
                if tag == wanted:
                    return text
        return self.labels[0][0] if self.labels else self.id

    def labels_in(self, lang: str) -> tuple[str, ...]:
        """Every label in ``lang``, preferred first (no fallback)."""
        return tuple(text for text, tag in self.labels if tag == lang)

    def code(self, scheme: str) -> str | None:
        """The code in ``scheme`` (``iso3166_2``, ``wikidata``...), or None."""
        return dict(self.codes).get(scheme)

    def names(self) -> tuple[str, ...]:
        """Every surface form: labels, aliases, former names, without repeats, in that order."""
        forms = [text for text, _ in self.labels] + list(self.aliases) + [f.name for f in self.former_names]
        return tuple(dict.fromkeys(forms))


def default_directory() -> Path:
    """The gazetteer directory: ``$TJKG_DATA/gazetteer`` if set, else the repository's."""
    data = os.environ.get("TJKG_DATA")
    if data:
        return Path(data) / "gazetteer"
    return Path(__file__).resolve().parent.parent / "data" / "gazetteer"


class Gazetteer:
    """The loaded gazetteer: entries by id and by normalized name.

    Build it with :meth:`Gazetteer.load`; it is read-only afterwards.
    """

    def __init__(
        self,
        entries: tuple[GazetteerEntry, ...],
        directory: Path | None = None,
        index: dict[str, tuple[int, ...]] | None = None,
    ):
        self.directory = directory
        self._entries = entries
        self._by_id = {e.id: e for e in entries}
        if index is None:
            index = _build_index(entries)
        self._positions = index
        self._index = {key: tuple(entries[i] for i in hits) for key, hits in index.items()}
        self._children: dict[str, list[str]] = {}
        self._persons: dict[str, str] | None = None
        for entry in entries:
            if entry.parent:
                self._children.setdefault(entry.parent, []).append(entry.id)

    @classmethod
    def load(cls, directory: str | Path | None = None) -> "Gazetteer":
        """Load and validate every ``*.yaml`` file of ``directory`` (default:
        :func:`default_directory`).

        Cached twice: in memory (a second load of an unchanged directory is free) and on
        disk in :func:`cache_directory`, keyed by the files' contents, so a new process skips
        parsing and validating files that have not changed.

        Raises
        ------
        GazetteerError
            A file is missing, not YAML, or holds an invalid record.
        """
        path = Path(directory) if directory is not None else default_directory()
        if not path.is_dir():
            raise GazetteerError(f"{_show(path)}: gazetteer directory not found (set TJKG_DATA to the data directory)")
        files = sorted(path.glob("*.yaml"))
        stamp = tuple((f.name, st.st_mtime_ns, st.st_size) for f in files for st in [f.stat()])
        return _load_cached(str(path.resolve()), stamp)

    def get(self, id: str) -> GazetteerEntry | None:
        """The entry with this id, or None."""
        return self._by_id.get(id)

    def lookup(self, name: str, type: str | None = None) -> list[GazetteerEntry]:
        """Entries having ``name`` as a label, alias or former name, compared by
        :func:`graph.normalize.name_key`; preferred-label matches first, then labels, aliases,
        former names. ``type`` keeps only entries of that type."""
        hits = self._index.get(name_key(name), ())
        return [e for e in hits if type is None or e.type == type]

    def person(self, name: str) -> GazetteerEntry | None:
        """The Person entry named ``name`` in any order, script variant or with a title
        (compared by :func:`graph.normalize.person_key`), or None; a name two people share
        names no one.

        >>> gaz = Gazetteer.load()
        >>> gaz.person("Jia-chyuan Su").id == gaz.person("蘇嘉全").id == "person-su-jia-chyuan"
        True
        """
        if self._persons is None:
            index: dict[str, set[str]] = {}
            for entry in self._entries:
                if entry.type == "Person":
                    for form in entry.names():
                        index.setdefault(person_key(form), set()).add(entry.id)
            self._persons = {k: next(iter(v)) for k, v in index.items() if len(v) == 1}
        hit = self._persons.get(person_key(name))
        return self._by_id[hit] if hit else None

    def surface_forms(self) -> Iterator[tuple[str, GazetteerEntry]]:
        """Every ``(surface form, entry)`` pair, for building phrase matchers."""
        for entry in self._entries:
            for form in entry.names():
                yield form, entry

    def children(self, id: str) -> list[GazetteerEntry]:
        """Entries whose ``parent`` is ``id``."""
        return [self._by_id[c] for c in self._children.get(id, ())]

    def ancestors(self, id: str) -> list[GazetteerEntry]:
        """The chain of parents of ``id``, nearest first."""
        chain = []
        entry = self._by_id.get(id)
        while entry is not None and entry.parent:
            entry = self._by_id[entry.parent]
            chain.append(entry)
        return chain

    def narrower(self, id: str) -> list[GazetteerEntry]:
        """Industries whose ``broader`` includes ``id``."""
        return [e for e in self._entries if id in e.broader]

    def of_type(self, type: str) -> list[GazetteerEntry]:
        """Every entry of one type, in file order."""
        return [e for e in self._entries if e.type == type]

    def __iter__(self) -> Iterator[GazetteerEntry]:
        return iter(self._entries)

    def __len__(self) -> int:
        return len(self._entries)

    def __contains__(self, id: object) -> bool:
        return id in self._by_id

    def __repr__(self) -> str:
        return f"Gazetteer({len(self)} entries from {self.directory})"


def clear_cache() -> None:
    """Forget every gazetteer loaded in this process (the disk cache stays; it is keyed by
    the files' contents). A changed file is noticed anyway: the in-memory cache key holds
    each file's size and modification time."""
    _load_cached.cache_clear()


def _show(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def cache_directory() -> Path | None:
    """Where parsed gazetteers are kept between processes: ``$TJKG_CACHE`` if set (``none``
    turns the disk cache off), else ``$XDG_CACHE_HOME/tjkg`` or ``~/.cache/tjkg``."""
    value = os.environ.get("TJKG_CACHE")
    if value is not None:
        return None if value.strip().lower() in ("", "none", "off", "0") else Path(value)
    base = os.environ.get("XDG_CACHE_HOME")
    return (Path(base) if base else Path.home() / ".cache") / "tjkg"


def _build_index(entries: tuple[GazetteerEntry, ...]) -> dict[str, tuple[int, ...]]:
    """name_key -> positions of the entries having that name, best match first: the
    preferred label, other labels, aliases, former names; then file order."""
    ranked: dict[str, list[tuple[int, int]]] = {}
    for order, entry in enumerate(entries):
        for i, (text, _) in enumerate(entry.labels):
            ranked.setdefault(name_key(text), []).append((0 if i == 0 else 1, order))
        for text in entry.aliases:
            ranked.setdefault(name_key(text), []).append((2, order))
        for former in entry.former_names:
            ranked.setdefault(name_key(former.name), []).append((3, order))
    return {key: tuple(dict.fromkeys(order for _, order in sorted(hits))) for key, hits in ranked.items()}


@functools.lru_cache(maxsize=8)
def _load_cached(directory: str, stamp: tuple[tuple[str, int, int], ...]) -> Gazetteer:
    path = Path(directory)
    contents = [(path / name, (path / name).read_bytes()) for name, _, _ in stamp]
    digest = hashlib.sha256(_CACHE_VERSION.encode())
    for code in (Path(__file__), Path(normalize_module.__file__)):  # the index depends on both
        digest.update(code.read_bytes())
    for file, data in contents:
        digest.update(f"\0{file.name}\0{len(data)}\0".encode())
        digest.update(data)
    cache = cache_directory()
    prefix = "gazetteer-" + hashlib.sha256(directory.encode()).hexdigest()[:12] + "-"
    cache_file = cache / (prefix + digest.hexdigest()[:32] + ".marshal") if cache else None
    if cache_file is not None:
        cached = _read_cache(cache_file, path)
        if cached is not None:
            return cached
    entries: list[GazetteerEntry] = []
    origin: dict[str, Path] = {}
    for file, data in contents:
        for record in _parse(file, data):
            entry = _entry(file, record)
            if entry.id in origin:
                where = "" if origin[entry.id] == file else f" (first in {_show(origin[entry.id])})"
                raise GazetteerError(f"{_show(file)}: record {entry.id!r}: duplicate id{where}")
            origin[entry.id] = file
            entries.append(entry)
    _check_links(entries, origin)
    gazetteer = Gazetteer(tuple(entries), path)
    if cache_file is not None:
        _write_cache(cache_file, prefix, gazetteer)
    return gazetteer


_CACHE_VERSION = "tjkg-gazetteer-1"


def _read_cache(file: Path, directory: Path) -> Gazetteer | None:
    """The gazetteer stored in ``file``, or None when there is none or it is unreadable.
    marshal, not pickle: reading a cache file cannot run code."""
    try:
        rows, index = marshal.loads(file.read_bytes())
        entries = tuple(
            GazetteerEntry(eid, etype, labels, aliases, tuple(FormerName(*f) for f in former), parent, codes, broader)
            for eid, etype, labels, aliases, former, parent, codes, broader in rows
        )
        return Gazetteer(entries, directory, index)
    except (OSError, EOFError, ValueError, TypeError, IndexError, KeyError):
        return None


def _write_cache(file: Path, prefix: str, gazetteer: Gazetteer) -> None:
    """Store ``gazetteer`` in ``file`` (atomically) and drop older caches of the same
    directory; a cache that cannot be written is skipped silently."""
    rows = [
        (e.id, e.type, e.labels, e.aliases, tuple((f.name, f.lang, f.until) for f in e.former_names),
         e.parent, e.codes, e.broader)
        for e in gazetteer
    ]
    try:
        file.parent.mkdir(parents=True, exist_ok=True)
        tmp = file.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_bytes(marshal.dumps((rows, gazetteer._positions)))
        os.replace(tmp, file)
        for old in file.parent.glob(prefix + "*.marshal"):
            if old != file:
                old.unlink(missing_ok=True)
    except OSError:
        return


def _parse(file: Path, data: bytes) -> list[dict]:
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        parsed = yaml.load(data.decode("utf-8"), Loader=loader)
    except UnicodeDecodeError as e:
        raise GazetteerError(f"{_show(file)}: not UTF-8 ({e.reason} at byte {e.start})") from e
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark is not None else ""
        problem = getattr(e, "problem", None) or str(e).splitlines()[0]
        raise GazetteerError(f"{_show(file)}: invalid YAML{where}: {problem}") from e
    if parsed is None:
        return []
    if not isinstance(parsed, list):
        raise GazetteerError(f"{_show(file)}: expected a list of records, found {type(parsed).__name__}")
    for i, record in enumerate(parsed):
        if not isinstance(record, dict):
            raise GazetteerError(f"{_show(file)}: item {i + 1} is not a record (a mapping with id and type)")
    return parsed


def _strings(file: Path, rid: str, field: str, value: object) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise GazetteerError(f"{_show(file)}: record {rid!r}: {field} must be a list of non-empty strings")
    return tuple(v.strip() for v in value)


def _entry(file: Path, record: dict) -> GazetteerEntry:
    rid = record.get("id")
    if not isinstance(rid, str) or not rid:
        raise GazetteerError(f"{_show(file)}: a record without an id: {_brief(record)}")

    def fail(reason: str) -> GazetteerError:
        return GazetteerError(f"{_show(file)}: record {rid!r}: {reason}")

    if not _ID.match(rid):
        raise fail("id must be lowercase ASCII letters, digits and single hyphens")
    unknown = sorted(set(record) - _KEYS)
    if unknown:
        raise fail(f"unknown key {unknown[0]!r} (known: {', '.join(sorted(_KEYS))})")
    etype = record.get("type")
    if etype is None:
        raise fail("missing type")
    if etype not in ENTITY_TYPES:
        raise fail(f"unknown type {etype!r} (one of {', '.join(ENTITY_TYPES)})")

    raw_labels = record.get("labels")
    if not isinstance(raw_labels, dict) or not raw_labels:
        raise fail("labels must be a mapping of language to names, e.g. {en: [Osaka Prefecture]}")
    labels: list[tuple[str, str]] = []
    for lang, texts in raw_labels.items():
        if lang not in LANGUAGES:
            raise fail(f"unknown label language {lang!r} (one of {', '.join(LANGUAGES)})")
        labels += [(t, lang) for t in _strings(file, rid, f"labels.{lang}", texts)]
    if not labels:
        raise fail("no labels")

    former: list[FormerName] = []
    for item in record.get("former_names") or ():
        if not isinstance(item, dict) or not isinstance(item.get("name"), str) or not item["name"].strip():
            raise fail("former_names items need a name")
        extra = sorted(set(item) - _FORMER_KEYS)
        if extra:
            raise fail(f"former_names: unknown key {extra[0]!r}")
        lang = item.get("lang", "en")
        if lang not in LANGUAGES:
            raise fail(f"former name {item['name']!r}: unknown language {lang!r}")
        until = item.get("until")
        if until is not None:
            until = str(until)
            if not _UNTIL.match(until):
                raise fail(f"former name {item['name']!r}: until must be YYYY or YYYY-MM, not {until!r}")
        former.append(FormerName(item["name"].strip(), lang, until))

    parent = record.get("parent")
    if parent is not None and not isinstance(parent, str):
        raise fail("parent must be an id")
    if parent == rid:
        raise fail("parent is the record itself")

    raw_codes = record.get("codes") or {}
    if not isinstance(raw_codes, dict):
        raise fail("codes must be a mapping, e.g. {iso3166_2: JP-27}")
    codes: list[tuple[str, str]] = []
    for scheme, code in raw_codes.items():
        if scheme not in _CODE_KEYS:
            raise fail(f"unknown code scheme {scheme!r} (one of {', '.join(sorted(_CODE_KEYS))})")
        code = str(code)
        if scheme == "wikidata" and not _WIKIDATA.match(code):
            raise fail(f"wikidata id must look like Q123, not {code!r}")
        codes.append((scheme, code))

    broader = _strings(file, rid, "broader", record.get("broader"))
    if broader and etype != "Industry":
        raise fail("broader is for Industry records only")

    return GazetteerEntry(
        id=rid,
        type=etype,
        labels=tuple(labels),
        aliases=tuple(dict.fromkeys(_strings(file, rid, "aliases", record.get("aliases")))),
        former_names=tuple(former),
        parent=parent,
        codes=tuple(codes),
        broader=broader,
    )


def _check_links(entries: list[GazetteerEntry], origin: dict[str, Path]) -> None:
    for entry in entries:
        def fail(reason: str, entry: GazetteerEntry = entry) -> GazetteerError:
            return GazetteerError(f"{_show(origin[entry.id])}: record {entry.id!r}: {reason}")

        if entry.parent and entry.parent not in origin:
            raise fail(f"parent {entry.parent!r} names no record")
        for b in entry.broader:
            if b not in origin:
                raise fail(f"broader {b!r} names no record")
    by_id = {e.id: e for e in entries}
    for entry in entries:
        seen = {entry.id}
        current = entry
        while current.parent:
            if current.parent in seen:
                raise GazetteerError(f"{_show(origin[entry.id])}: record {entry.id!r}: parent chain loops back")
            seen.add(current.parent)
            current = by_id[current.parent]
    state: dict[str, int] = {}

    def visit(eid: str) -> None:
        state[eid] = 1
        for b in by_id[eid].broader:
            if state.get(b) == 1:
                raise GazetteerError(f"{_show(origin[eid])}: record {eid!r}: broader chain loops back through {b!r}")
            if b not in state:
                visit(b)
        state[eid] = 2

    for entry in entries:
        if entry.broader and entry.id not in state:
            visit(entry.id)


def _brief(record: dict) -> str:
    text = repr(record)
    return text if len(text) <= 80 else text[:77] + "..."
