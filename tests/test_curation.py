"""Curation as data: aliases, same / not same, rejected and added facts; malformed files."""
import pytest

from graph.curation import Curation, likely_duplicates, load_curation
from graph.errors import CurationError
from graph.extract import extract
from graph.models import Announcement, Entity

TEXT = ("On May 2, Hirosaki City signed an MOU with the Tsugaru Apple Growers Association. "
        "The MOU covers agriculture and tourism.")


def run(yaml_text):
    ann = Announcement("cur-test", "t.txt", "", TEXT, "en")
    return extract(ann, curation=Curation.from_text(yaml_text))


def triples(x):
    lab = {e.id: e.label for e in x.entities}
    return {(lab.get(r.subject, r.subject), r.predicate, lab.get(r.object, r.object)) for r in x.relations}


def test_reject_removes_a_fact_and_add_adds_one():
    base = triples(run(""))
    assert ("Hirosaki City", "cooperatesIn", "tourism") in base
    x = run("""
reject:
  - {subject: Hirosaki City, predicate: cooperatesIn, object: tourism, reason: not in the MOU}
add:
  - {announcement: cur-test, subject: Hirosaki City, predicate: locatedIn, object: jp-02, reason: known}
""")
    t = triples(x)
    assert ("Hirosaki City", "cooperatesIn", "tourism") not in t
    added = [r for r in x.relations if r.predicate == "locatedIn" and r.extractor == "curation"]
    assert added and added[0].object.endswith("/jp-02") and ("reason", "known") in added[0].qualifiers


def test_alias_and_same_merge_entities():
    x = run("""
aliases:
  - {entity: jp-02-hirosaki, name: Tsugaru Apple Growers Association, reason: test merge by alias}
""")
    names = [e for e in x.entities if "Tsugaru Apple Growers Association" in e.mentions]
    assert len(names) == 1
    y = run("""
same:
  - {a: Hirosaki City, b: Tsugaru Apple Growers Association, reason: test}
""")
    merged = [e for e in y.entities if "Hirosaki City" in e.mentions]
    assert len(merged) == 1 and "Tsugaru Apple Growers Association" in merged[0].mentions


@pytest.mark.parametrize("text,line,words", [
    ("reject:\n  - {subject: A, predicate: partOf}\n", 2, "lacks 'object', 'reason'"),
    ("same:\n  - a: X\n    b: Y\n    reason: r\n    colour: red\n", 5, "unknown key 'colour'"),
    ("bogus: []\n", 1, "unknown section"),
    ("add: [\n", 2, "not valid YAML"),
    ("aliases: {entity: x}\n", 1, "must be a list"),
])
def test_malformed_file_names_the_line(text, line, words):
    with pytest.raises(CurationError) as err:
        Curation.from_text(text, source="curation.yaml")
    assert f"curation.yaml:{line}:" in str(err.value) and words in str(err.value)


def test_malformed_file_applies_nothing(tmp_path):
    bad = tmp_path / "c.yaml"
    bad.write_text("reject:\n  - {subject: A}\n", encoding="utf-8")
    with pytest.raises(CurationError):
        load_curation(bad)


def test_repository_curation_file_is_valid():
    assert isinstance(load_curation(), Curation)


def test_likely_duplicates_lists_same_type_pairs_only():
    a = Entity("x:1", "Organization", "Tsugaru Apple Growers Association", "en")
    b = Entity("x:2", "Organization", "Tsugaru Apple Growers Asociation", "en")
    c = Entity("x:3", "City", "Tsugaru Apple Growers Association", "en")
    pairs = [(p.id, q.id) for p, q, _ in likely_duplicates([a, b, c])]
    assert pairs == [("x:1", "x:2")]
