"""Each saved query on the real seed announcement, read and extracted by tjkg itself."""
from __future__ import annotations

import pytest

import graph
from tests.conftest import SEED


@pytest.fixture(scope="module")
def seed_kg():
    kg = graph.open("memory")
    report = kg.ingest(SEED)
    assert report.ok, report.failed
    return kg


def test_mou_partners_on_the_seed(seed_kg):
    df = seed_kg.query("mou-partners")
    osaka = df[(df["partyLabel"] == "Osaka Prefecture") & (df["date"] == "2019-10-03")]
    assert len(osaka) == 1
    row = osaka.iloc[0]
    assert row["partners"] == "Taiwan-Japan Industrial Collaboration Promotion Office"
    assert row["signatories"].startswith("Nishida Junichi")
    tjpo = df[(df["partners"] == "Osaka Prefecture") & (df["date"] == "2019-10-03")].iloc[0]
    assert tjpo["signatories"].startswith("Lu Cheng-chin")
    assert set(row["witnesses"].split("; ")) == {"Yang Chih-Ching", "Lee Shi-Bing"}
    assert {"biotechnology", "electronics", "metal processing"} <= set(row["fields"].split("; "))
    assert row["source"] == "en-2019-10-15-tjpo-osaka-mou"


def test_people_on_the_seed(seed_kg):
    df = seed_kg.query("people")
    posts = set(zip(df["personLabel"], df["role"]))
    assert {("Lu Cheng-chin", "CEO"), ("Lu Cheng-chin", "Deputy Director"), ("Nishida Junichi", "Director"),
            ("Yang Chih-Ching", "Deputy Director"), ("Lee Shi-Bing", "Director")} <= posts


def test_investments_on_the_seed(seed_kg):
    df = seed_kg.query("investments")
    investors = set(df["investorLabel"])
    assert {"Panasonic Corporation", "Takeda Pharmaceutical Company Limited"} <= investors
    assert set(df["targetLabel"]) == {"Taiwan"}
    assert set(df["facilitators"]) == {"Taiwan-Japan Industrial Collaboration Promotion Office"}


def test_industries_on_the_seed(seed_kg):
    df = seed_kg.query("industries")
    osaka = set(df[df["partnerLabel"] == "Osaka Prefecture"]["industryLabel"])
    assert {"biotechnology", "electronics", "metal processing"} <= osaka


def test_entity_on_the_seed_in_three_languages(seed_kg):
    for name in ("Osaka", "大阪府", "TJPO", "台日產業合作推動辦公室"):
        df = seed_kg.entity(name)
        assert len(df) > 0, name
        assert df["evidence"].str.len().min() > 20
        assert set(df["source"]) == {"en-2019-10-15-tjpo-osaka-mou"}


def test_announcements_on_the_seed(seed_kg):
    df = seed_kg.query("announcements")
    assert list(df["id"]) == ["en-2019-10-15-tjpo-osaka-mou"]
    assert df.loc[0, "published"] == "2019-10-15" and df.loc[0, "language"] == "en"
    assert df.loc[0, "facts"] >= 25
