"""Entity resolution within one announcement and against the gazetteer."""
from graph.extract import extract
from graph.models import Announcement
from graph.resolve import entity_key, similar


def ents(text, lang="en"):
    return extract(Announcement("t", "t.txt", "", text, lang), curation=False).entities


def find(entities, name):
    return [e for e in entities if name in e.mentions or e.label == name]


def test_acronym_defined_with_commas_and_parentheses():
    es = ents("The Kyushu Semiconductor Promotion Council, KSPC, met the Taiwan Display Union Association "
              "(TDUA). KSPC and TDUA agreed.")
    assert len(find(es, "KSPC")) == 1 and "Kyushu Semiconductor Promotion Council" in find(es, "KSPC")[0].mentions
    assert find(es, "TDUA")[0] is find(es, "Taiwan Display Union Association")[0]


def test_cross_lingual_and_variant_forms_reach_one_gazetteer_entry():
    zh = find(ents("與鹿兒島縣簽署", "zh-Hant"), "鹿兒島縣")[0]
    ja = find(ents("鹿児島県と締結", "ja"), "鹿児島県")[0]
    en = find(ents("Kagoshima Prefecture signed."), "Kagoshima Prefecture")[0]
    assert zh.id == ja.id == en.id
    assert ("鹿児島県", "ja") in en.labels


def test_short_form_of_a_place():
    es = ents("Osaka Prefecture signed an MOU. Osaka has many firms.")
    assert len(find(es, "Osaka")) == 1 and find(es, "Osaka")[0] is find(es, "Osaka Prefecture")[0]


def test_person_name_order_and_surname_mentions():
    es = ents("Mitsuo Ohashi, Chairman of the Japan-Taiwan Exchange Association, spoke. Ohashi said more.")
    p = find(es, "Mitsuo Ohashi")[0]
    assert "Ohashi" in p.mentions
    assert entity_key("Person", "Ohashi Mitsuo") == entity_key("Person", "Mitsuo Ohashi")


def test_cjk_short_and_qualified_body_names_join():
    es = ents("經濟部工業局局長呂正華表示，工業局將持續推動。", "zh-Hant")
    assert find(es, "工業局")[0] is find(es, "經濟部工業局")[0]


def test_surname_with_title_joins_the_person_holding_it():
    es = ents("工業局局長呂正華與電子組組長呂正欽出席。呂局長指出合作成果。", "zh-Hant")
    hua = find(es, "呂正華")[0]
    assert "呂局長" not in find(es, "呂正欽")[0].mentions and len([e for e in es if e.type == "Person"]) == 2
    assert hua.type == "Person"


def test_fuzzy_only_above_threshold():
    assert similar("Taiwan Japan Relations Association", "Taiwan-Japan Relations Associaton")
    assert not similar("Osaka Prefecture", "Okayama Prefecture")
    assert not similar("Aomori", "Aomari")  # short names never match fuzzily
