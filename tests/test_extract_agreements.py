"""One agreement per MOU event: every fact about one signing (parties, signatories, witnesses,
fields) carries the same agreement IRI and the same, most precise date, even when the text
names the parties with a vague date in one sentence and the signatories with the day later.
The announcements are our own; their bodies and people are not in the gazetteer."""
from __future__ import annotations

from datetime import date

from graph.extract import extract, to_json
from graph.ids import agreement_iri
from graph.models import Announcement


def run(text: str, lang: str, published: date) -> tuple[dict, dict]:
    data = to_json(extract(Announcement("t", "t.txt", "", text, lang, published), curation=False))
    label = {e["id"]: e["label"] for e in data["entities"]}
    return data, label


def mou_facts(data: dict) -> list[dict]:
    kinds = {"signedMOUWith", "signatoryOf", "witnessOf", "cooperatesIn"}
    return [r for r in data["relations"] if r["predicate"] in kinds and r.get("agreement")]


def assert_one_agreement(data: dict, label: dict, day: str, parties: set[str]) -> dict:
    facts = mou_facts(data)
    assert {r["agreement"] for r in facts} and len({r["agreement"] for r in facts}) == 1, facts
    assert {r["date"] for r in facts} == {day}
    pair = [r for r in facts if r["predicate"] == "signedMOUWith"]
    assert {label[pair[0]["subject"]], label[pair[0]["object"]]} == parties
    ids = {pair[0]["subject"], pair[0]["object"]}
    assert facts[0]["agreement"] == agreement_iri(sorted(ids), day)
    sides = {}
    for r in facts:
        if r["predicate"] in ("signatoryOf", "witnessOf"):
            assert r["object"] in ids  # the object is always a party of the agreement
            sides[(label[r["subject"]], r["predicate"])] = label[r["object"]]
    return sides


def test_english_signatories_later_than_the_parties():
    text = ("Kumagaya City forged a partnership with the Hsinchu Science Park Bureau this year. "
            "The memorandum of understanding was signed by Mayor Ono Kenta of Kumagaya City and "
            "Director-General Hsu Chia-wei of the Hsinchu Science Park Bureau on July 8, and was witnessed "
            "by Tsai Ming-te, Deputy Director of the Kumagaya Chamber of Commerce. "
            "Both parties will cooperate in the fields of logistics and robotics.")
    data, label = run(text, "en", date(2022, 7, 20))
    sides = assert_one_agreement(data, label, "2022-07-08", {"Kumagaya City", "Hsinchu Science Park Bureau"})
    assert sides[("Ono Kenta", "signatoryOf")] == "Kumagaya City"
    assert sides[("Hsu Chia-wei", "signatoryOf")] == "Hsinchu Science Park Bureau"
    assert sides[("Tsai Ming-te", "witnessOf")] == "Kumagaya City"  # its name says Kumagaya
    assert any(r["predicate"] == "cooperatesIn" for r in mou_facts(data))


def test_chinese_signing_day_in_a_later_sentence():
    text = ("屏東縣政府今年與日本宮崎縣締結農業合作備忘錄。簽署儀式於5月12日舉行，由屏東縣副縣長李建華與"
            "宮崎縣副知事山本浩二代表雙方簽署，屏東縣議會議長張正雄到場見證。雙方將在農業、觀光等領域合作。")
    data, label = run(text, "zh-Hant", date(2023, 5, 20))
    sides = assert_one_agreement(data, label, "2023-05-12", {"屏東縣", "宮崎縣"})  # 屏東縣政府 is the county
    assert sides[("李建華", "signatoryOf")] == "屏東縣"
    assert sides[("山本浩二", "signatoryOf")] == "宮崎縣"
    assert len(sides) == 3  # "代表雙方簽署" names no third signatory


def test_japanese_signing_ceremony_sentence_gives_the_day():
    text = ("静岡県は今年、台湾の新北市と経済交流に関する覚書を締結した。調印式は6月3日に静岡市内で行われ、"
            "静岡県の川口一郎副知事と新北市の陳明志副市長が覚書に署名し、台北駐日経済文化代表処の林志豪副代表が立ち会った。")
    data, label = run(text, "ja", date(2024, 6, 10))
    sides = assert_one_agreement(data, label, "2024-06-03", {"静岡県", "新北市"})
    assert sides[("川口一郎", "signatoryOf")] == "静岡県"
    assert sides[("陳明志", "signatoryOf")] == "新北市"
    assert sides[("林志豪", "witnessOf")] == "新北市"  # a Taiwanese office witnesses for the Taiwanese party


def test_a_separate_mou_is_a_second_agreement():
    text = ("On May 2, Keelung City signed an MOU with Miyako City. Mayor Lin Chen-yu of Keelung City witnessed "
            "a separate MOU signed by the Keelung Fishermen's Association and the Miyako Fisheries Cooperative.")
    data, label = run(text, "en", date(2023, 5, 10))
    agreements = {r["agreement"] for r in mou_facts(data)}
    assert len(agreements) == 2
    pairs = {frozenset((label[r["subject"]], label[r["object"]])) for r in data["relations"]
             if r["predicate"] == "signedMOUWith"}
    assert frozenset(("Keelung City", "Miyako City")) in pairs
