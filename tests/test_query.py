"""Saved queries on the hand-made Osaka extraction; parameters bound, tags kept, formats."""
from __future__ import annotations

import json

import pytest

from graph.errors import QueryError
from graph.query import format_result, saved_queries


def test_every_saved_query_says_what_it_answers():
    queries = saved_queries()
    assert {"mou-partners", "people", "investments", "industries", "entity"} <= set(queries)
    for q in queries.values():
        assert q.text.startswith(f"# {q.name}: ") and len(q.description) > 20, q.name


def test_mou_partners_has_both_sides_with_signatories_and_posts(memory_kg):
    df = memory_kg.query("mou-partners")
    assert set(df["partyLabel"]) == {"Taiwan-Japan Industrial Collaboration Promotion Office", "Osaka Prefecture"}
    assert set(df["date"]) == {"2019-10-03"}
    tjpo = df[df["partyLabel"] == "Osaka Prefecture"].iloc[0]
    assert tjpo["partners"] == "Taiwan-Japan Industrial Collaboration Promotion Office"
    assert tjpo["signatories"] == "Nishida Junichi"
    lu = df[df["partyLabel"] != "Osaka Prefecture"].iloc[0]["signatories"]
    assert lu == "Lu Cheng-chin (CEO)"
    assert df["witnesses"].iloc[0] == "Yang Chih-Ching"
    assert df["fields"].iloc[0] == "biotechnology"
    assert set(df["partyLabel_lang"]) == {"en"}


def test_people_investments_industries(memory_kg):
    people = memory_kg.query("people")
    assert list(people[["personLabel", "role", "orgLabel"]].itertuples(index=False, name=None)) == [
        ("Lu Cheng-chin", "CEO", "Taiwan-Japan Industrial Collaboration Promotion Office")]
    assert people.loc[0, "role_lang"] == "en"
    inv = memory_kg.query("investments")
    assert inv.loc[0, "investorLabel"] == "Panasonic Corporation" and inv.loc[0, "targetLabel"] == "Taiwan"
    assert inv.loc[0, "facilitators"] == "Taiwan-Japan Industrial Collaboration Promotion Office"
    ind = memory_kg.query("industries")
    assert ind.loc[0, "industryLabel"] == "biotechnology" and ind.loc[0, "announcements"] == 1


@pytest.mark.parametrize("name", ["Osaka", "大阪府", "osaka prefecture"])
def test_entity_query_finds_by_any_label_in_any_language(memory_kg, name):
    df = memory_kg.entity(name)
    assert "2019-10-03" in set(df["date"].dropna())
    assert df["evidence"].str.contains("October 3rd").any()
    assert set(df["source"]) == {"en-2019-10-15-tjpo-osaka-mou"}


def test_entity_name_is_bound_not_formatted(memory_kg):
    hostile_names = [
        'Osaka" } ?s ?p ?o . FILTER("1',
        "x'> <y",
        "</script><img src=x onerror=alert(1)>",
    ]
    for hostile in hostile_names:
        assert len(memory_kg.entity(hostile)) == 0


def test_saved_query_without_its_parameter_says_so(memory_kg):
    with pytest.raises(QueryError, match="needs a value for: name"):
        memory_kg.query("entity")


def test_output_formats_keep_tags_and_utf8(memory_kg):
    result = memory_kg.select("people")
    doc = json.loads(format_result(result, "json"))
    assert doc["results"]["bindings"][0]["role"] == {"type": "literal", "value": "CEO", "xml:lang": "en"}
    csv_text = format_result(result, "csv")
    assert csv_text.splitlines()[0].startswith("personLabel,personLabel_lang,role,role_lang")
    assert "\t" in format_result(result, "tsv")
    assert "CEO@en" in format_result(result, "table")
    labels = memory_kg.query("""PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        SELECT ?l WHERE { GRAPH ?g { <https://tjkg.example/id/jp-27> rdfs:label ?l } } ORDER BY ?l""")
    assert set(labels["l_lang"]) == {"en", "ja", "zh-Hant"}


def test_unknown_saved_query_and_bad_text(memory_kg):
    with pytest.raises(QueryError, match="neither a saved query"):
        memory_kg.query("no-such-query")
    with pytest.raises(QueryError, match="malformed SPARQL"):
        memory_kg.query("SELECT ?x WHERE {")


def test_signatory_with_only_a_chinese_label_is_listed(osaka_extraction):
    """A person known only by a CJK name must not drop out of the signatories column."""
    import dataclasses

    import graph
    from graph.ids import announcement_iri
    from graph.rdf import extraction_quads
    from tests.conftest import NISHIDA

    entities = tuple(dataclasses.replace(e, label="西田淳一", lang="zh-Hant", mentions=("西田淳一",))
                     if e.id == NISHIDA else e for e in osaka_extraction.entities)
    announcement = dataclasses.replace(osaka_extraction.announcement, language="zh-Hant")
    ex = dataclasses.replace(osaka_extraction, entities=entities, announcement=announcement)
    kg = graph.open("memory")
    kg.store.replace_graph(announcement_iri(ex.announcement.id), extraction_quads(ex))
    df = kg.query("mou-partners")
    osaka = df[df["party"] == "https://tjkg.example/id/jp-27"].iloc[0]
    assert osaka["signatories"] == "西田淳一"
