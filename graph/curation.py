"""Curation as data: a curator's judgements, applied to every extraction.

``data/curation.yaml`` holds five lists, each entry with a ``reason``::

    aliases:    [{entity: tjpo, name: "TJ Promotion Office", reason: ...}]
    same:       [{a: "Hirosaki City", b: "Hirosaki-shi", reason: ...}]
    not_same:   [{a: "Lee Shi-Bing", b: "David Tawei Lee", reason: ...}]
    reject:     [{subject: ..., predicate: ..., object: ..., reason: ...}]
    add:        [{announcement: <id>, subject: ..., predicate: ..., object: ..., date: ..., evidence: ..., reason: ...}]

An entity is named by a gazetteer id (``tjpo``), an entity IRI, or a name (its label or any
mention, compared by :func:`graph.normalize.name_key`). A malformed file raises
:class:`graph.errors.CurationError` naming the file and line, and nothing is applied.
:func:`likely_duplicates` lists entity pairs a curator may want to judge.

Examples
--------
>>> c = Curation.from_text("reject:\\n  - {subject: A, predicate: partOf, object: B, reason: wrong}\\n")
>>> len(c.reject)
1
>>> Curation.from_text("reject:\\n  - {subject: A}\\n")
Traceback (most recent call last):
...
graph.errors.CurationError: <text>:2: reject entry lacks 'predicate', 'object', 'reason'
"""
from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass, field, replace
from pathlib import Path

import yaml

from .errors import CurationError
from .ids import entity_iri
from .models import Entity, Extraction, Relation
from .normalize import fold_cjk, name_key, person_key
from .resolve import similar

__all__ = ["Curation", "load_curation", "default_path", "likely_duplicates"]

_SPEC = {
    "aliases": ({"entity", "name", "reason"}, set()),
    "same": ({"a", "b", "reason"}, set()),
    "not_same": ({"a", "b", "reason"}, set()),
    "reject": ({"subject", "predicate", "object", "reason"}, {"announcement"}),
    "add": ({"announcement", "subject", "predicate", "object", "reason"}, {"date", "evidence", "confidence"}),
}


@functools.lru_cache(maxsize=1)
def default_path() -> Path:
    """``data/curation.yaml`` of the repository."""
    return Path(__file__).resolve().parent.parent / "data" / "curation.yaml"


@dataclass(frozen=True)
class Curation:
    """The parsed curation file; :meth:`apply` applies it to one extraction."""

    aliases: tuple[dict, ...] = ()
    same: tuple[dict, ...] = ()
    not_same: tuple[dict, ...] = ()
    reject: tuple[dict, ...] = ()
    add: tuple[dict, ...] = ()
    source: str = field(default="<text>", compare=False)

    @classmethod
    def from_text(cls, text: str, source: str = "<text>") -> "Curation":
        """Parse and validate curation YAML; raise :class:`CurationError` naming the line."""
        try:
            root = yaml.compose(text, Loader=yaml.SafeLoader)
        except yaml.YAMLError as e:
            mark = getattr(e, "problem_mark", None)
            line = mark.line + 1 if mark else 1
            raise CurationError(f"{source}:{line}: not valid YAML ({getattr(e, 'problem', e)})") from e
        if root is None:
            return cls(source=source)
        if not isinstance(root, yaml.MappingNode):
            raise CurationError(f"{source}:{root.start_mark.line + 1}: expected a mapping of lists ({', '.join(_SPEC)})")
        lists: dict[str, list[dict]] = {k: [] for k in _SPEC}
        for key_node, value_node in root.value:
            key = key_node.value
            line = key_node.start_mark.line + 1
            if key not in _SPEC:
                raise CurationError(f"{source}:{line}: unknown section {key!r} (expected one of {', '.join(_SPEC)})")
            if isinstance(value_node, yaml.ScalarNode) and value_node.value in ("", "null", "~"):
                continue
            if not isinstance(value_node, yaml.SequenceNode):
                raise CurationError(f"{source}:{line}: {key} must be a list")
            need, optional = _SPEC[key]
            for item in value_node.value:
                iline = item.start_mark.line + 1
                if not isinstance(item, yaml.MappingNode):
                    raise CurationError(f"{source}:{iline}: {key} entry must be a mapping")
                entry = {}
                for k, v in item.value:
                    if k.value not in need | optional:
                        raise CurationError(f"{source}:{k.start_mark.line + 1}: {key} entry has unknown key {k.value!r}")
                    if not isinstance(v, yaml.ScalarNode) or not str(v.value).strip():
                        raise CurationError(f"{source}:{v.start_mark.line + 1}: {key}.{k.value} must be a non-empty text")
                    entry[k.value] = str(v.value)
                missing = sorted(need - set(entry), key=["subject", "predicate", "object", "entity", "name", "a", "b", "announcement", "reason"].index)
                if missing:
                    raise CurationError(f"{source}:{iline}: {key} entry lacks {', '.join(repr(m) for m in missing)}")
                entry["line"] = iline
                lists[key].append(entry)
        return cls(**{k: tuple(v) for k, v in lists.items()}, source=source)

    def apply(self, extraction: Extraction) -> Extraction:
        """The extraction with aliases, merges, splits, rejections and additions applied."""
        if not (self.aliases or self.same or self.not_same or self.reject or self.add):
            return extraction
        ents = {e.id: e for e in extraction.entities}
        index = _NameIndex(ents.values())
        ann = extraction.announcement
        hay = _haystack(ann.title + "\n" + ann.text + "\n" + "\n".join(m for e in ents.values() for m in e.mentions))
        remap: dict[str, str] = {}
        blocked = {frozenset((name_key(x["a"]), name_key(x["b"]))) for x in self.not_same}

        def merge(keep: str, drop: str) -> None:
            if keep == drop or keep not in ents or drop not in ents:
                return
            a, b = ents[keep], ents.pop(drop)
            ents[keep] = replace(a, mentions=tuple(dict.fromkeys(a.mentions + b.mentions)))
            remap[drop] = keep
            for k, v in list(remap.items()):
                if v == drop:
                    remap[k] = keep

        for x in self.aliases:
            target = _as_iri(x["entity"])
            for eid in index.find(x["name"]):
                if eid != target and target in ents and not _blocked(blocked, ents[target], ents[eid]):
                    merge(target, eid)
            if target in ents:
                e = ents[target]
                ents[target] = replace(e, mentions=tuple(dict.fromkeys(e.mentions + (x["name"],))))
        for x in self.same:
            a = index.find(x["a"]) or ([_as_iri(x["a"])] if _as_iri(x["a"]) in ents else [])
            b = index.find(x["b"]) or ([_as_iri(x["b"])] if _as_iri(x["b"]) in ents else [])
            if a and b:
                merge(remap.get(a[0], a[0]), remap.get(b[0], b[0]))
        for x in self.not_same:
            if not _maybe_in(x["a"], hay):
                continue  # the announcement cannot name it: skip the index
            for eid in index.find(x["a"]):
                eid = remap.get(eid, eid)
                e = ents.get(eid)
                if e is None:
                    continue
                bkey = name_key(x["b"])
                moved = tuple(m for m in e.mentions if name_key(m) == bkey)
                if moved and len(moved) < len(e.mentions):
                    ents[eid] = replace(e, mentions=tuple(m for m in e.mentions if name_key(m) != bkey))
                    new_id = entity_iri(f"{e.type.lower()}/curated-{bkey.replace(' ', '-')}")
                    ents[new_id] = Entity(new_id, e.type, moved[0], e.lang, moved)
        relations = []
        for r in extraction.relations:
            r = replace(r, subject=remap.get(r.subject, r.subject), object=remap.get(r.object, r.object))
            if any(self._rejects(x, r, ents, extraction) for x in self.reject):
                continue
            relations.append(r)
        ann_id = extraction.announcement.id
        for x in self.add:
            if x["announcement"] != ann_id:
                continue
            subj = _resolve_name(x["subject"], ents, index)
            obj = _resolve_name(x["object"], ents, index) if x["predicate"] not in ("memberOrdinal", "partnerCount") else x["object"]
            relations.append(Relation(subj, x["predicate"], obj, x.get("evidence", f"curation: {x['reason']}"),
                                      float(x.get("confidence", 1.0)), x.get("date"), None, (("reason", x["reason"]),),
                                      None, "curation"))
        entities = tuple(ents.values())
        return Extraction(extraction.announcement, entities, tuple(relations), extraction.extractor)

    def _rejects(self, x: dict, r: Relation, ents: dict, extraction: Extraction) -> bool:
        if x.get("announcement") and x["announcement"] != extraction.announcement.id:
            return False
        if x["predicate"] != r.predicate:
            return False
        return _names(x["subject"], r.subject, ents) and _names(x["object"], r.object, ents)


def _as_iri(ref: str) -> str:
    return ref if ref.startswith(("http://", "https://")) else entity_iri(ref)


def _names(ref: str, value: str, ents: dict) -> bool:
    if ref == value or _as_iri(ref) == value:
        return True
    e = ents.get(value)
    key = name_key(ref)
    if e is None:
        return name_key(value) == key
    return any(name_key(n) == key for n in (e.label, *e.mentions))


def _blocked(blocked: set, a: Entity, b: Entity) -> bool:
    ka = {name_key(n) for n in (a.label, *a.mentions)}
    kb = {name_key(n) for n in (b.label, *b.mentions)}
    return any(frozenset((x, y)) in blocked for x in ka for y in kb)


def _resolve_name(ref: str, ents: dict, index: "_NameIndex") -> str:
    hits = index.find(ref)
    return hits[0] if hits else _as_iri(ref)


def _haystack(text: str) -> str:
    return fold_cjk(unicodedata.normalize("NFKC", text).casefold())


def _maybe_in(ref: str, hay: str) -> bool:
    """Whether every word of a name occurs in the announcement (a cheap test before the
    name index, which normalizes every mention)."""
    return all(w in hay for w in re.findall(r"\w+", fold_cjk(unicodedata.normalize("NFKC", ref).casefold())))


class _NameIndex:
    """Entity ids by name key, built on first use."""

    def __init__(self, entities) -> None:
        self._entities = list(entities)
        self._by: dict[str, list[str]] | None = None

    @property
    def by(self) -> dict[str, list[str]]:
        if self._by is None:
            self._by = self._build(self._entities)
        return self._by

    @staticmethod
    def _build(entities) -> dict[str, list[str]]:
        by: dict[str, list[str]] = {}
        for e in entities:
            by.setdefault(e.id, []).append(e.id)
            for n in (e.label, *e.mentions):
                by.setdefault(name_key(n), []).append(e.id)
                if e.type == "Person":
                    by.setdefault("p:" + person_key(n), []).append(e.id)
        return by

    def find(self, ref: str) -> list[str]:
        got = self.by.get(ref) or self.by.get(_as_iri(ref)) or self.by.get(name_key(ref)) or self.by.get("p:" + person_key(ref)) or []
        return list(dict.fromkeys(got))


@functools.lru_cache(maxsize=4)
def _load(path: str, mtime: int, size: int) -> Curation:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except UnicodeDecodeError as e:
        raise CurationError(f"{path}: not UTF-8 ({e.reason})") from e
    return Curation.from_text(text, source=path)


def load_curation(path: str | Path | None = None) -> Curation:
    """Read the curation file (default :func:`default_path`); a missing default file is an
    empty curation, a missing named file an error."""
    p = Path(path) if path is not None else default_path()
    if not p.exists():
        if path is None:
            return Curation(source=str(p))
        raise CurationError(f"{p}: curation file not found")
    st = p.stat()
    return _load(str(p), st.st_mtime_ns, st.st_size)


def likely_duplicates(entities, threshold: float = 0.9) -> list[tuple[Entity, Entity, str]]:
    """Pairs of entities (from one or many extractions) that may be one thing: same type,
    different ids, and the same name key, the same person key, or similar names. Each pair
    comes with the reason it was listed.

    >>> a = Entity("x:1", "Person", "Ohashi Mitsuo", "en")
    >>> b = Entity("x:2", "Person", "Mitsuo Ohashi", "en")
    >>> [(p.id, q.id, why) for p, q, why in likely_duplicates([a, b])]
    [('x:1', 'x:2', 'same person name in another order')]
    """
    uniq: dict[str, Entity] = {}
    for e in entities:
        uniq.setdefault(e.id, e)
    items = sorted(uniq.values(), key=lambda e: (e.type, e.id))
    out = []
    by_type: dict[str, list[Entity]] = {}
    for e in items:
        by_type.setdefault(e.type, []).append(e)
    for typ, group in by_type.items():
        for i, a in enumerate(group):
            for b in group[i + 1:]:
                names_a = {a.label, *a.mentions}
                names_b = {b.label, *b.mentions}
                if {name_key(n) for n in names_a} & {name_key(n) for n in names_b}:
                    out.append((a, b, "same name"))
                elif typ == "Person" and {person_key(n) for n in names_a} & {person_key(n) for n in names_b}:
                    out.append((a, b, "same person name in another order"))
                elif any(similar(x, y, max(threshold, 0.9)) for x in names_a for y in names_b):
                    out.append((a, b, "similar names"))
    return out
