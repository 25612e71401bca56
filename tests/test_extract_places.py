"""Where places lie and whose part a body is, in shapes beyond "City, Prefecture": a country
before a place, 位於 / に位置 / "located in", "an industrial port city in", 轄下 / の下に置かれた /
"operates under", "X City Government's Bureau", a parent named inside a
name, and a county department (縣府…處) of the county the text is about. Our own texts."""
from __future__ import annotations

from datetime import date

from graph.extract import extract, to_json
from graph.models import Announcement


def triples(text: str, lang: str = "en") -> set[tuple[str, str, str]]:
    data = to_json(extract(Announcement("t", "t.txt", "", text, lang, date(2024, 6, 1)), curation=False))
    label = {e["id"]: e["label"] for e in data["entities"]}
    return {(label.get(r["subject"], r["subject"]), r["predicate"], label.get(r["object"], r["object"]))
            for r in data["relations"]}


def test_country_before_a_place_in_chinese_and_japanese():
    t = triples("彰化縣與日本岐阜縣簽署觀光交流備忘錄。", "zh-Hant")
    assert ("岐阜縣", "locatedIn", "日本") in t
    t = triples("高知県は台湾・台南市と覚書を締結した。台湾の屏東県とも交流している。", "ja")
    assert {("台南市", "locatedIn", "台湾"), ("屏東県", "locatedIn", "台湾")} <= t


def test_lies_in_a_region_of_a_country():
    t = triples("岡山縣位於日本中國地區，以機械產業聞名。", "zh-Hant")
    assert any(s == "岡山縣" and p == "locatedIn" and o.endswith("中國地區") for s, p, o in t)
    t = triples("宮城縣仙台市是日本東北地區最大的城市。位於仙台市的東北大學也出席。", "zh-Hant")
    assert ("東北地區", "locatedIn", "日本") in t
    assert ("東北大學", "locatedIn", "仙台市") in t
    t = triples("Ehime Prefecture, located in the Shikoku region of Japan, signed an MOU with Yunlin County.")
    assert ("Ehime Prefecture", "locatedIn", "Shikoku region") in t
    assert ("Ehime Prefecture", "locatedIn", "Japan") not in t


def test_appositive_place_noun_in_english():
    t = triples("Hakodate, an industrial port city in Hokkaido, signed a sister-port pact with Keelung.")
    assert ("Hakodate City", "locatedIn", "Hokkaido") in t


def test_bodies_under_a_parent():
    t = triples("經濟部國際貿易署轄下的台灣經貿中心與大分縣簽署備忘錄。", "zh-Hant")
    assert ("台灣經貿中心", "partOf", "經濟部國際貿易署") in t
    assert ("經濟部國際貿易署", "partOf", "經濟部") in t  # the ministry named inside the name
    t = triples("香川県は、台湾経済部産業発展署の下に置かれた台日産業連携推進オフィスと覚書を締結した。", "ja")
    assert ("台日産業連携推進オフィス", "partOf", "台湾経済部産業発展署") in t
    t = triples("The Taiwan Trade Center, which operates under the Bureau of Foreign Trade, met Oita officials.")
    assert ("Taiwan Trade Center", "partOf", "Bureau of Foreign Trade") in t


def test_a_city_governments_bureau_in_english():
    t = triples("The Tainan City Government's Economic Development Bureau signed an MOU with Sakata City.")
    assert ("Economic Development Bureau", "partOf", "Tainan City Government") in t


def test_county_department_belongs_to_the_taiwanese_county():
    t = triples("雲林縣政府與日本富山縣簽署產業交流備忘錄，富山縣副知事山田一郎出席。縣府經濟發展處表示將協助企業媒合。", "zh-Hant")
    parents = {o for s, p, o in t if p == "partOf" and "經濟發展處" in s}
    assert parents and not parents & {"富山縣"}
