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


def test_people_resolve_against_the_gazetteer_in_any_language_and_order():
    zh = find(ents("蘇嘉全董事長出席簽署儀式。", "zh-Hant"), "蘇嘉全")[0]
    en = find(ents("The MOU was signed by Jia-chyuan Su, Chairman of the Taiwan-Japan Relations Association."),
              "Jia-chyuan Su")[0]
    assert zh.id == en.id and zh.id.endswith("/person-su-jia-chyuan")


def test_a_new_person_keeps_one_key_across_languages_when_the_text_gives_the_characters():
    en = find(ents("Keelung Customs Office head Chen Shih-feng (陳世鋒) said the memorandum will help."), "陳世鋒")[0]
    zh = find(ents("基隆關關務長陳世鋒表示，備忘錄將有助通關。", "zh-Hant"), "陳世鋒")[0]
    assert en.id == zh.id
    a = find(ents("Mayor Tanaka Hiroshi of Kumagaya City spoke."), "Tanaka Hiroshi")[0]
    b = find(ents("Hiroshi Tanaka, Mayor of Kumagaya City, spoke."), "Hiroshi Tanaka")[0]
    assert a.id == b.id


def test_one_word_aliases_that_are_words_match_only_as_written():
    es = ents("Sharp Corporation opened a plant. Prices saw a sharp rise in Canon City.")
    assert find(es, "Sharp Corporation") and not find(es, "sharp")


def test_a_known_department_name_inside_a_longer_name_is_not_that_department():
    es = ents("藤本陽司県商工観光労働部長が署名した。", "ja")
    assert not find(es, "労働部") and find(es, "県商工観光労働部")
