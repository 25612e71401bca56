"""Dates of agreements: the day of the signing, not the day it was reported; a date stated
before the parties are named; a date in a sentence that restates a known agreement; a bare
news-style day ("12日在台北", "4日宣布"). The announcements are our own, one per rule."""
from __future__ import annotations

from datetime import date

from graph.dates import find_dates
from graph.extract import extract, to_json
from graph.models import Announcement


def dated(text: str, lang: str, published: date) -> dict[tuple[str, str, str], str | None]:
    data = to_json(extract(Announcement("t", "t.txt", "", text, lang, published), curation=False))
    label = {e["id"]: e["label"] for e in data["entities"]}
    return {(label.get(r["subject"], r["subject"]), r["predicate"], label.get(r["object"], r["object"])): r.get("date")
            for r in data["relations"]}


def mou_date(rels: dict, a: str, b: str) -> str | None:
    return rels.get((a, "signedMOUWith", b)) or rels.get((b, "signedMOUWith", a))


def test_the_signing_day_beats_the_day_it_was_said():
    rels = dated("Tainan City Government yesterday said it had signed an MOU with Osaka Prefecture. "
                 "The MOU was signed last Thursday in Osaka by Deputy Mayor Chen Wen-hua and Vice Governor Ken Sato.",
                 "en", date(2024, 6, 11))  # a Tuesday: yesterday = 10th, last Thursday = 6th
    assert mou_date(rels, "Tainan City Government", "Osaka Prefecture") == "2024-06-06"


def test_a_date_stated_before_the_parties_dates_the_agreements_after_it():
    rels = dated("Two cooperation agreements were signed on Friday (June 7) at a forum in Taipei. "
                 "In the first, Taoyuan City and Gifu Prefecture agreed to work together on logistics. "
                 "In the second, Taoyuan City and Ogaki City signed an MOU on tourism.",
                 "en", date(2024, 6, 8))
    assert mou_date(rels, "Taoyuan City", "Gifu Prefecture") == "2024-06-07" or \
        mou_date(rels, "Taoyuan City", "Ogaki City") == "2024-06-07"
    assert mou_date(rels, "Taoyuan City", "Ogaki City") == "2024-06-07"


def test_an_ordinal_sentence_still_dates_the_known_agreement():
    rels = dated("台日產業合作推動辦公室與日本島根縣簽署產業合作備忘錄。經濟部產業發展署轄下的台日產業合作推動辦公室於民國113年5月8日與島根縣簽署備忘錄，"
                 "島根縣成為第20個與該辦公室簽署的地方政府。", "zh-Hant", date(2024, 5, 10))
    assert mou_date(rels, "台日產業合作推動辦公室", "島根縣") == "2024-05-08"


def test_bare_news_days_before_a_place_or_a_report_verb():
    pub = date(2024, 3, 13)
    assert [d.iso for d in find_dates("外貿協會12日在台北與日本岐阜縣簽署備忘錄", pub)] == ["2024-03-12"]
    assert [d.iso for d in find_dates("晶華材料４日宣布", pub)] == ["2024-03-04"]
    assert [d.iso for d in find_dates("展期自3日至5日舉行，第2日在台中", pub)] == []
