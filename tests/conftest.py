"""Shared fixtures: a small hand-made extraction of the Osaka MOU, independent of the extractor,
so that the RDF, store and query layers are tested on known input."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from graph.ids import agreement_iri, entity_iri
from graph.models import Announcement, Entity, Extraction, Relation

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEED = ROOT / "data" / "announcements" / "en-2019-10-15-tjpo-osaka-mou.txt"

TJPO = entity_iri("tjpo")
OSAKA = entity_iri("jp-27")
LU = entity_iri("person/cheng-chin-lu")
NISHIDA = entity_iri("person/junichi-nishida")
YANG = entity_iri("person/chih-ching-yang")
BIO = entity_iri("industry-biotechnology")
PANASONIC = entity_iri("company-panasonic")
TAIWAN = entity_iri("tw")
MOU = agreement_iri([TJPO, OSAKA], "2019-10-03")
SIGNING = ("MOU was signed by Lu Cheng-chin, Deputy Director of Information Technology Industries Division "
           "and CEO of TJPO, and Nishida Junichi, Director of Osaka Prefect. Gov., Dep. of Commerce, Industry "
           "and Labor, on October 3rd.")


def make_extraction(announcement_id: str = "en-2019-10-15-tjpo-osaka-mou", *, language: str = "en",
                    title: str = "Strengthening Partnership between Taiwan and Japan") -> Extraction:
    a = Announcement(id=announcement_id, path=f"{announcement_id}.txt", title=title, text="...",
                     language=language, published=date(2019, 10, 15), modified=date(2020, 4, 8),
                     contact={"organization": "Information Technology Industries Division", "person": "Mr.Chang"})
    entities = (
        Entity(TJPO, "Agency", "Taiwan-Japan Industrial Collaboration Promotion Office", "en", ("TJPO",),
               (("Taiwan-Japan Industrial Collaboration Promotion Office", "en"), ("台日產業合作推動辦公室", "zh-Hant"),
                ("台日産業連携推進オフィス", "ja"))),
        Entity(OSAKA, "Prefecture", "Osaka Prefecture", "en", ("Osaka", "Osaka Prefect. Gov."),
               (("Osaka Prefecture", "en"), ("大阪府", "zh-Hant"), ("大阪府", "ja"))),
        Entity(LU, "Person", "Lu Cheng-chin", "en", ("Lu Cheng-chin",)),
        Entity(NISHIDA, "Person", "Nishida Junichi", "en", ("Nishida Junichi",)),
        Entity(YANG, "Person", "Yang Chih-Ching", "en", ("Yang Chih-Ching",)),
        Entity(BIO, "Industry", "biotechnology", "en", ("biotechnology",)),
        Entity(PANASONIC, "Company", "Panasonic Corporation", "en", ("Panasonic Corporation",)),
        Entity(TAIWAN, "Country", "Taiwan", "en", ("Taiwan",)),
    )
    x = "tjkg-test/0"
    relations = (
        Relation(TJPO, "signedMOUWith", OSAKA, SIGNING, 0.9, "2019-10-03", MOU, extractor=x),
        Relation(LU, "signatoryOf", TJPO, SIGNING, 0.9, "2019-10-03", MOU, (("side", TJPO),), extractor=x),
        Relation(NISHIDA, "signatoryOf", OSAKA, SIGNING, 0.9, "2019-10-03", MOU, (("side", OSAKA),), extractor=x),
        Relation(YANG, "witnessOf", TJPO, "Yang Chih-Ching ... witness the agreement.", 0.8, "2019-10-03", MOU,
                 extractor=x),
        Relation(TJPO, "cooperatesIn", BIO, "in the field of biotechnology", 0.8, None, MOU, extractor=x),
        Relation(LU, "holdsPosition", TJPO, SIGNING, 0.9, qualifiers=(("role", "CEO"),), extractor=x),
        Relation(OSAKA, "memberOrdinal", "8", "making Osaka the 8th member", 0.8, extractor=x),
        Relation(PANASONIC, "investedIn", TAIWAN, "investment in Taiwan by Panasonic Corporation", 0.8, extractor=x),
        Relation(TJPO, "facilitatedInvestment", PANASONIC, "TJPO has contributed to the investment", 0.8,
                 extractor=x),
    )
    return Extraction(a, entities, relations, extractor=x)


@pytest.fixture
def osaka_extraction() -> Extraction:
    return make_extraction()


@pytest.fixture
def extraction_factory():
    """``make_extraction(announcement_id, language=..., title=...)``: the same facts under another id."""
    return make_extraction


@pytest.fixture
def memory_kg(osaka_extraction):
    """A knowledge graph in memory holding the hand-made Osaka extraction."""
    import graph
    from graph.ids import announcement_iri
    from graph.rdf import extraction_quads

    kg = graph.open("memory")
    kg.store.replace_graph(announcement_iri(osaka_extraction.announcement.id), extraction_quads(osaka_extraction))
    return kg
