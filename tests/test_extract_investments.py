"""Investments, stakes, helpers and company seats in shapes beyond the first rules: an amount
with a decimal point, the site named after the country ("in Taiwan to build a plant in the
X Science Park"), stakes in a joint venture in English, Chinese and Japanese, "supported by X
and by Y", "helped the company find a site", "helped X Co., a maker in Y, open a line in Z",
市内に…投じて, 本社を置く, a seat in brackets. Our own texts, one per rule."""
from __future__ import annotations

from datetime import date

from graph.extract import extract, to_json
from graph.models import Announcement


def facts(text: str, lang: str = "en") -> dict[tuple[str, str, str], dict]:
    data = to_json(extract(Announcement("t", "t.txt", "", text, lang, date(2024, 6, 1)), curation=False))
    label = {e["id"]: e["label"] for e in data["entities"]}
    return {(label.get(r["subject"], r["subject"]), r["predicate"], label.get(r["object"], r["object"])): r
            for r in data["relations"]}


def test_decimal_amount_country_then_site_and_two_helpers():
    t = facts("Kaga Fine Chemicals Co., Ltd., a maker of solvents headquartered in Fukui City, will invest NT$4.2 billion "
              "in Taiwan to build a plant in the Central Taiwan Science Park (CTSP) in Taichung. The investment was "
              "supported by the Department of Investment Services of the Ministry of Economic Affairs (MOEA) and by "
              "the Central Taiwan Science Park Bureau, which helped the company secure land.")
    assert ("Kaga Fine Chemicals Co., Ltd.", "investedIn", "Taiwan") in t
    assert ("Kaga Fine Chemicals Co., Ltd.", "investedIn", "Central Taiwan Science Park") in t
    assert ("Central Taiwan Science Park", "locatedIn", "Taichung City") in t  # "Park (CTSP) in Taichung"
    for helper in ("Department of Investment Services", "Central Taiwan Science Park Bureau"):
        assert (helper, "facilitatedInvestment", "Kaga Fine Chemicals Co., Ltd.") in t


def test_helped_the_company_and_helped_a_firm_with_an_apposition():
    t = facts("Ube Recycling Inc., a battery recycler, plans to invest NT$1.5 billion in Kaohsiung to build a plant. The Kaohsiung City "
              "Government's Economic Development Bureau helped the company find a site, officials said. "
              "TJPO also helped Suruga Optics Co., Ltd., a lens maker based in Numazu, open a production line in Tainan.")
    assert ("Ube Recycling Inc.", "investedIn", "Kaohsiung City") in t
    assert ("Economic Development Bureau", "facilitatedInvestment", "Ube Recycling Inc.") in t
    assert ("TJPO", "facilitatedInvestment", "Suruga Optics Co., Ltd.") in t
    assert ("Suruga Optics Co., Ltd.", "investedIn", "Tainan City") in t


def test_stakes_in_english():
    t = facts("Kaga Wafer Inc. will invest about 30 billion yen to build a plant in Sendai. The plant will belong to "
              "Kaga Wafer Japan K.K., a new unit in which the Taiwanese parent holds 80% and the Development Bank of "
              "Japan holds 20%.")
    assert t[("Kaga Wafer Inc.", "investedIn", "Kaga Wafer Japan K.K.")]["stake"] == "80%"
    assert t[("Development Bank of Japan", "investedIn", "Kaga Wafer Japan K.K.")]["stake"] == "20%"
    t = facts("Mino Glass Co., Ltd. will invest NT$2 billion in Tainan. The plant will be run by a new subsidiary, "
              "Mino Glass Taiwan Co., Ltd., in which the Japanese company holds a 60% stake. Anping Film Co., Ltd., "
              "a Tainan-based supplier, will hold the remaining 40%.")
    assert ("Mino Glass Co., Ltd.", "investedIn", "Mino Glass Taiwan Co., Ltd.") in t
    assert ("Anping Film Co., Ltd.", "investedIn", "Mino Glass Taiwan Co., Ltd.") in t


def test_stakes_in_chinese_and_japanese():
    t = facts("晶華材料股份有限公司宣布將與日本大和化成株式會社合資，在熊本縣菊陽町興建工廠。"
              "新公司「晶華九州株式會社」由晶華材料持股７０％、大和化成持股３０％。", "zh-Hant")
    assert ("晶華材料股份有限公司", "investedIn", "晶華九州株式會社") in t
    assert ("日本大和化成株式會社", "investedIn", "晶華九州株式會社") in t
    t = facts("永信電子股份有限公司（台中市）は10日、岡山県倉敷市に新工場を建設すると発表した。新工場を運営するのは、"
              "永信電子が80％、日本政策投資銀行が20％を出資して設立した日本法人「永信ジャパン株式会社」で、本社は倉敷市に置く。"
              "同社が日本に生産拠点を設けるのは初めて。", "ja")
    assert ("永信電子股份有限公司", "investedIn", "日本") in t and ("日本政策投資銀行", "investedIn", "日本") not in t
    assert ("永信電子股份有限公司", "investedIn", "永信ジャパン株式会社") in t
    assert ("日本政策投資銀行", "investedIn", "永信ジャパン株式会社") in t
    assert ("永信ジャパン株式会社", "locatedIn", "倉敷市") in t
    assert ("永信電子股份有限公司", "locatedIn", "台中市") in t


def test_japanese_seat_before_the_name_and_investment_within_a_city():
    t = facts("高雄市に本社を置く精密部品メーカーの南星精密工業股份有限公司は、熊本市内に約20億円を投じて新工場を建設する。", "ja")
    assert ("南星精密工業股份有限公司", "locatedIn", "高雄市") in t
    assert ("南星精密工業股份有限公司", "investedIn", "熊本市") in t


def test_ampersand_in_a_company_name_and_it_helped():
    t = facts("Mino Glass Co., Ltd. will invest NT$2 billion in Tainan. The plant will be run by Mino Glass Taiwan Co., "
              "Ltd., in which the Japanese company holds a 60% stake. Anping Coating & Film Co., Ltd. will hold the "
              "remaining 40%.")
    assert ("Anping Coating & Film Co., Ltd.", "investedIn", "Mino Glass Taiwan Co., Ltd.") in t
    t = facts("Since 2015 TJPO has built ties with 60 Japanese local governments. Among other cases, it helped "
              "Suruga Optics Co., Ltd., a lens maker based in Numazu, open a production line in Tainan.")
    assert ("TJPO", "facilitatedInvestment", "Suruga Optics Co., Ltd.") in t


def test_japanese_city_helps_and_the_company_sets_up_a_base():
    t = facts("熊本市は4日、台中市と協定を締結した。高雄市に本社を置く南星精密工業股份有限公司は今年3月、熊本市内に約20億円を投じて"
              "新工場を建設すると発表しており、市は同社の立地手続きを支援している。同社が日本に生産拠点を設けるのは初めて。", "ja")
    assert ("熊本市", "facilitatedInvestment", "南星精密工業股份有限公司") in t
    assert ("台中市", "facilitatedInvestment", "南星精密工業股份有限公司") not in t
    assert ("南星精密工業股份有限公司", "investedIn", "日本") in t


def test_a_place_with_ni_aru_is_where_the_next_name_lies():
    t = facts("日向食品株式会社は、屏東県にある屏東科技園区に約5億円を投じる。", "ja")
    assert ("日向食品株式会社", "locatedIn", "屏東県") not in t


def test_chinese_helpers_named_before_provided_help():
    t = facts("晶華材料股份有限公司將斥資30億日圓在熊本縣菊陽町設廠。經濟部與台日產業合作推動辦公室在選址過程中提供的協助，"
              "該公司表示感謝。", "zh-Hant")
    assert ("台日產業合作推動辦公室", "facilitatedInvestment", "晶華材料股份有限公司") in t
    assert ("經濟部", "facilitatedInvestment", "晶華材料股份有限公司") not in t
