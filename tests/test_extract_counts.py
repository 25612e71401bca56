"""Partner counts and ordinals in shapes beyond "with N partners": "brings the number of its
partners to N" (the new partner is the Nth), 夥伴已增至N個, Nの団体と連携, 計N件の覚書,
full-width ６番目, "X, a port city in Y, is the fourth city to sign", "the third Taiwanese
company to sign". Our own texts."""
from __future__ import annotations

from datetime import date

from graph.extract import extract, to_json
from graph.models import Announcement


def triples(text: str, lang: str = "en") -> set[tuple[str, str, str]]:
    data = to_json(extract(Announcement("t", "t.txt", "", text, lang, date(2024, 6, 1)), curation=False))
    label = {e["id"]: e["label"] for e in data["entities"]}
    return {(label.get(r["subject"], r["subject"]), r["predicate"], label.get(r["object"], r["object"]))
            for r in data["relations"]}


def test_brings_the_number_to():
    t = triples("The Taiwan Machine Tool Association (TMTA) signed an MOU with the Gifu Industry Organization on "
                "Friday. TMTA said the pact brings the number of its Japanese partner organisations to 17.")
    assert ("Taiwan Machine Tool Association", "partnerCount", "17") in t
    assert ("Gifu Industry Organization", "memberOrdinal", "17") in t


def test_ordinal_subject_before_an_apposition_and_company_ordinals():
    t = triples("Yatsushiro, a port city in Kumamoto Prefecture, is the fourth Japanese city to sign a cooperation "
                "agreement with Tainan. Kaga Wafer Inc. is the third Taiwanese company to sign a siting agreement with Hokkaido.")
    assert ("Yatsushiro City", "memberOrdinal", "4") in t and ("Kumamoto Prefecture", "memberOrdinal", "4") not in t
    assert ("Kaga Wafer Inc.", "memberOrdinal", "3") in t


def test_japanese_counts_and_full_width_ordinal():
    t = triples("TJPOはこれまでに日本の自治体や産業支援機関など75の団体と連携している。"
                "TAITRAは、日本の自治体・団体と計１８件の覚書を結んでいます。富山県は、TAITRAと覚書を締結する７番目の日本の自治体となります。", "ja")
    assert ("TJPO", "partnerCount", "75") in t
    assert any(s_ == "partnerCount" and o == "18" for _, s_, o in t)
    assert ("富山県", "memberOrdinal", "7") in t


def test_chinese_partners_rise_to():
    t = triples("外貿協會與日本岐阜縣產業經濟振興中心簽署合作備忘錄。此次簽約後，外貿協會在日本簽有合作備忘錄的夥伴已增至39個單位。", "zh-Hant")
    assert ("外貿協會", "partnerCount", "39") in t
