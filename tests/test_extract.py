"""Extraction on our own test announcements (tests/fixtures/extraction/), one rule each, and
on bad input. The fixtures use bodies and people the gazetteer does not know, so the rules,
not the gazetteer, must find them."""
from __future__ import annotations

import time
from pathlib import Path

import pytest

from graph.extract import extract, to_json
from graph.models import Announcement
from graph.sources import read_announcement

FIX = Path(__file__).parent / "fixtures" / "extraction"


def facts(path_or_ann) -> tuple[dict, set]:
    ann = read_announcement(FIX / path_or_ann) if isinstance(path_or_ann, str) else path_or_ann
    data = to_json(extract(ann))
    label = {e["id"]: e["label"] for e in data["entities"]}
    triples = set()
    for r in data["relations"]:
        s, o = label.get(r["subject"], r["subject"]), label.get(r["object"], r["object"])
        triples.add((s, r["predicate"], o))
        if r["predicate"] == "signedMOUWith":  # symmetric
            triples.add((o, r["predicate"], s))
    return data, triples


def ann(text: str, lang: str = "en", title: str = "", published=None) -> Announcement:
    return Announcement("t", "t.txt", title, text, lang, published)


def test_english_multiparty_mou_signatories_witness_fields():
    data, t = facts("en-tpma-tottori-mou.txt")
    tpma, tottori, fund = "Taiwan Precision Machinery Association", "Tottori Prefecture", "Tottori Industrial Support Foundation"
    assert {(tpma, "signedMOUWith", tottori), (tpma, "signedMOUWith", fund), (tottori, "signedMOUWith", fund)} <= t
    assert ("Chen Wen-hsiung", "signatoryOf", tpma) in t
    assert ("Hirai Shinji", "signatoryOf", tottori) in t
    assert ("Lin Mei-hua", "witnessOf", tpma) in t
    assert ("Lin Mei-hua", "holdsPosition", "Industrial Development Administration") in t
    assert {(tottori, "cooperatesIn", f) for f in ("machine tools", "robotics", "semiconductor equipment")} <= t
    assert (tottori, "memberOrdinal", "12") in t and (tpma, "partnerCount", "25") in t
    assert (tpma, "facilitatedInvestment", "Fanuc Corporation") in t
    assert ("Fanuc Corporation", "investedIn", "Taichung City") in t
    mou = [r for r in data["relations"] if r["predicate"] == "signedMOUWith"]
    assert {r["date"] for r in mou} == {"2021-03-05"} and len({r["agreement"] for r in mou}) == 1
    tpma_ent = next(e for e in data["entities"] if e["label"] == tpma)
    assert "TPMA" in tpma_ent["mentions"] and tpma_ent["type"] == "Organization"


def test_chinese_mou_posts_sides_and_partner_count():
    _, t = facts("zh-kaohsiung-fukuoka-mou.txt")
    bureau = "高雄市經濟發展局"
    assert (bureau, "signedMOUWith", "福岡縣") in t
    assert ("廖泰翔", "holdsPosition", bureau) in t and ("廖泰翔", "signatoryOf", bureau) in t
    assert ("TAKAHASHI KENJI", "signatoryOf", "福岡縣") in t  # via 福岡縣商工部 part of 福岡縣
    assert ("福岡縣商工部", "partOf", "福岡縣") in t
    assert ("陳其邁", "holdsPosition", "高雄市") in t and ("陳其邁", "witnessOf", bureau) in t
    assert {(bureau, "cooperatesIn", f) for f in ("半導體", "綠能", "智慧機械")} <= t
    assert (bureau, "partnerCount", "15") in t
    assert not any(p == "signedMOUWith" and "日本" in (s, o) for s, p, o in t)


def test_japanese_mou_name_before_title_and_ordinal():
    _, t = facts("ja-niigata-tpma-mou.txt")
    assoc = "台湾精密機械協会"
    assert ("新潟県", "signedMOUWith", assoc) in t
    assert ("山田太郎", "signatoryOf", "新潟県") in t and ("林志明", "signatoryOf", assoc) in t
    assert ("花角英世", "witnessOf", "新潟県") in t and ("花角英世", "holdsPosition", "新潟県") in t
    assert ("県産業労働部", "partOf", "新潟県") in t
    assert ("新潟県", "memberOrdinal", "3") in t and (assoc, "signedMOUWith", "福井県") in t
    assert {("新潟県", "cooperatesIn", "工作機械"), ("新潟県", "cooperatesIn", "半導体")} <= t
    assert not any(o == "今後" for _, _, o in t)


def test_between_countries_and_signatory_bodies():
    text = ("A memorandum of understanding between Taiwan and Japan was signed on May 2. It was signed by "
            "Wang Ta-ming, Chairman of the Taiwan Fisheries Association, and Kato Ken, President of the "
            "Japan Fisheries Federation.")
    _, t = facts(ann(text))
    assert ("Taiwan", "signedMOUWith", "Japan") in t
    assert ("Taiwan Fisheries Association", "signedMOUWith", "Japan Fisheries Federation") in t
    assert ("Kato Ken", "signatoryOf", "Japan Fisheries Federation") in t


def test_person_short_forms_join_the_full_name():
    text = ("Governor Sato Taro of Akita Prefecture met Mayor Lin Yi-fan. Governor Sato said the "
            "visit was useful, and Lin agreed.")
    data, _ = facts(ann(text))
    sato = [e for e in data["entities"] if e["type"] == "Person" and "Sato" in e["mentions"]]
    assert len(sato) == 1 and "Sato Taro" in sato[0]["mentions"]


def test_contract_shape():
    data, _ = facts("en-tpma-tottori-mou.txt")
    assert set(data) == {"source", "entities", "relations"}
    assert data["source"]["language"] == "en" and data["source"]["published"] == "2021-04-02"
    for e in data["entities"]:
        assert {"id", "type", "label", "mentions"} <= set(e) and e["id"].startswith("https://")
    for r in data["relations"]:
        assert {"subject", "predicate", "object", "date", "evidence", "confidence", "extractor"} <= set(r)
        assert 0 <= r["confidence"] <= 1 and r["evidence"]
        if "span" in r:
            assert r["evidence"] in read_announcement(FIX / "en-tpma-tottori-mou.txt").text


@pytest.mark.parametrize("text,lang", [
    ("", "en"), ("no names here at all.", "en"), ("（（（「「『", "zh-Hant"), ("&amp; &lt;b&gt; MOU (((", "en"),
    ("ＴＪＰＯ與鹿兒島縣簽署ＭＯＵ。", "zh-Hant"), ("Osaka Prefecture と 台北市 signed MOU with 大阪府.", "ja"),
])
def test_bad_input_never_raises(text, lang):
    data = to_json(extract(ann(text, lang)))
    assert isinstance(data["entities"], list)


def test_full_width_forms_are_recognized():
    data, _ = facts(ann("ＴＪＰＯ與鹿兒島縣簽署合作備忘錄。", "zh-Hant"))
    assert any("ＴＪＰＯ" in e["mentions"] for e in data["entities"])


def test_time_is_linear_in_length():
    unit = (FIX / "en-tpma-tottori-mou.txt").read_text(encoding="utf-8")
    small = ann(unit * 20)
    big = ann(unit * 80)
    t0 = time.perf_counter()
    extract(small)
    t1 = time.perf_counter()
    extract(big)
    t2 = time.perf_counter()
    assert (t2 - t1) < 8 * (t1 - t0) + 0.5  # 4x the text: far from quadratic


def test_megabytes_do_not_hang():
    # 2 MB here to keep the suite fast; bench/extract_speed.py --huge times 10 MB (about 26 s)
    text = ("Tainan City signed an MOU with Hirosaki City. " * 40 + "\n") * 100
    text += "(" * 1000 + "A " * 100_000 + "「" * 1000 + "臺" * 100_000
    t0 = time.perf_counter()
    extract(ann(text))
    assert time.perf_counter() - t0 < 30


def test_his_agency_is_the_body_named_before():
    text = ("Japan's envoy Kato Hiroshi said this is a good year for ties. In March, the Kansai Trade Council "
            "was renamed the Kansai-Taiwan Trade Council. Kato said his agency will work closely with TAITRA.")
    _, t = facts(ann(text))
    assert ("Kato Hiroshi", "holdsPosition", "Kansai-Taiwan Trade Council") in t
    assert not any(p == "holdsPosition" and o == "Taiwan External Trade Development Council" for _, p, o in t)
