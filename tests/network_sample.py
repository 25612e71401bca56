"""A small hand-made graph for the network, analysis, export and render tests.

Five announcements: the TJPO-Osaka MOU stated twice (in English and in Japanese), an MOU with
Kumamoto with an investment TJPO helped, TSMC investing in Japan (in Traditional Chinese),
and an MOU with a company whose labels and evidence are hostile markup. Labels in three
languages; places and bodies tied by ``locatedIn`` and ``partOf`` so that the Taiwanese and
Japanese sides follow from the graph alone.

What the views must hold, counted by hand (see tests/test_network.py):

- agreement view: 15 entities + 3 agreements + 2 investments = 20 nodes, 23 edges;
- collapsed view: 15 nodes, 18 edges.
"""
from __future__ import annotations

from datetime import date

from graph.ids import agreement_iri, announcement_iri, entity_iri, investment_iri
from graph.models import Announcement, Entity, Extraction, Relation
from graph.rdf import extraction_quads

XSS_LABEL = "<img src=x onerror=alert(1)>"
XSS_LABEL_JA = "</script><script>window.__pwned = 1</script>"
XSS_EVIDENCE = 'Evil Corp </script><img src=x onerror="window.__pwned = 2"> signed with TJPO.'

TJPO, IDB, MOEA = entity_iri("tjpo"), entity_iri("tw-idb"), entity_iri("tw-moea")
TAIWAN, JAPAN = entity_iri("tw"), entity_iri("jp")
OSAKA, KUMAMOTO = entity_iri("jp-27"), entity_iri("jp-43")
CHEN, TANAKA, SATO = (entity_iri(f"person/{k}") for k in ("chen-mei-ling", "tanaka-hiroshi", "sato-yuki"))
BIO, SEMI = entity_iri("industry-biotechnology"), entity_iri("industry-semiconductors")
JASM, TSMC, EVIL = entity_iri("company-jasm"), entity_iri("company-tsmc"), entity_iri("company/evil")

MOU_OSAKA = agreement_iri([TJPO, OSAKA], "2019-10-03")
MOU_KUMAMOTO = agreement_iri([TJPO, KUMAMOTO], "2017-05-12")
MOU_EVIL = agreement_iri([TJPO, EVIL], "2020-01-15")
INV_JASM = investment_iri(JASM, KUMAMOTO, "2021-10")
INV_TSMC = investment_iri(TSMC, JAPAN, "2021")

SIGNING_EN = ("The MOU was signed by Chen Mei-ling, CEO of TJPO, and Tanaka Hiroshi of Osaka Prefecture "
              "on October 3rd, witnessed by Sato Yuki.")
SIGNING_JA = "台日産業連携推進オフィスと大阪府は2019年10月3日に覚書を締結した。"


def _entity(iri: str, type_: str, en: str, zh: str | None = None, ja: str | None = None,
            mentions: tuple[str, ...] = ()) -> Entity:
    labels = tuple((t, lang) for t, lang in ((en, "en"), (zh, "zh-Hant"), (ja, "ja")) if t)
    return Entity(iri, type_, en, "en", mentions, labels)


ENTITIES = {
    TJPO: _entity(TJPO, "Agency", "Taiwan-Japan Industrial Collaboration Promotion Office", "台日產業合作推動辦公室",
                  "台日産業連携推進オフィス", ("TJPO",)),
    IDB: _entity(IDB, "Agency", "Industrial Development Bureau", "經濟部工業局", "経済部工業局"),
    MOEA: _entity(MOEA, "Agency", "Ministry of Economic Affairs", "經濟部", "経済部"),
    TAIWAN: _entity(TAIWAN, "Country", "Taiwan", "臺灣", "台湾"),
    JAPAN: _entity(JAPAN, "Country", "Japan", "日本", "日本"),
    OSAKA: _entity(OSAKA, "Prefecture", "Osaka Prefecture", "大阪府", "大阪府", ("Osaka",)),
    KUMAMOTO: _entity(KUMAMOTO, "Prefecture", "Kumamoto Prefecture", "熊本縣", "熊本県"),
    CHEN: _entity(CHEN, "Person", "Chen Mei-ling", "陳美玲"),
    TANAKA: _entity(TANAKA, "Person", "Tanaka Hiroshi", None, "田中博"),
    SATO: _entity(SATO, "Person", "Sato Yuki", None, "佐藤由紀"),
    BIO: _entity(BIO, "Industry", "biotechnology", "生物科技", "バイオテクノロジー"),
    SEMI: _entity(SEMI, "Industry", "semiconductors", "半導體", "半導体"),
    JASM: _entity(JASM, "Company", "Japan Advanced Semiconductor Manufacturing", None, "JASM株式会社"),
    TSMC: _entity(TSMC, "Company", "Taiwan Semiconductor Manufacturing Company", "台灣積體電路製造", "台湾積体電路製造"),
    EVIL: _entity(EVIL, "Company", XSS_LABEL, None, XSS_LABEL_JA),
}


def _announcement(aid: str, lang: str, title: str, published: date, relations: list[Relation]) -> Extraction:
    ann = Announcement(id=aid, path=f"{aid}.txt", title=title, text="...", language=lang, published=published)
    used = {r.subject for r in relations} | {r.object for r in relations if r.object in ENTITIES}
    return Extraction(ann, tuple(ENTITIES[e] for e in ENTITIES if e in used), tuple(relations), extractor="test")


def sample_extractions() -> list[Extraction]:
    """The five announcements."""
    osaka_en = _announcement("en-osaka", "en", "TJPO signs an MOU with Osaka Prefecture", date(2019, 10, 15), [
        Relation(TJPO, "signedMOUWith", OSAKA, SIGNING_EN, 0.9, "2019-10-03", MOU_OSAKA),
        Relation(CHEN, "signatoryOf", TJPO, SIGNING_EN, 0.9, "2019-10-03", MOU_OSAKA, (("side", TJPO),)),
        Relation(TANAKA, "signatoryOf", OSAKA, SIGNING_EN, 0.9, "2019-10-03", MOU_OSAKA, (("side", OSAKA),)),
        Relation(SATO, "witnessOf", OSAKA, SIGNING_EN, 0.7, "2019-10-03", MOU_OSAKA),
        Relation(TJPO, "cooperatesIn", BIO, "They will cooperate in biotechnology.", 0.8, None, MOU_OSAKA),
        Relation(CHEN, "holdsPosition", TJPO, SIGNING_EN, 0.9, qualifiers=(("role", "CEO"),)),
        Relation(OSAKA, "memberOrdinal", "8", "Osaka is the 8th partner of TJPO.", 0.8),
    ])
    osaka_ja = _announcement("ja-osaka", "ja", "台日産業連携推進オフィスと大阪府が覚書", date(2019, 10, 16), [
        Relation(TJPO, "signedMOUWith", OSAKA, SIGNING_JA, 0.85, "2019-10-03", MOU_OSAKA),
    ])
    kumamoto = _announcement("en-kumamoto", "en", "TJPO and Kumamoto sign an MOU", date(2017, 5, 20), [
        Relation(TJPO, "signedMOUWith", KUMAMOTO, "TJPO and Kumamoto Prefecture signed an MOU.", 0.9,
                 "2017-05-12", MOU_KUMAMOTO),
        Relation(TJPO, "cooperatesIn", SEMI, "The MOU covers semiconductors.", 0.8, "2017-05-12", MOU_KUMAMOTO),
        Relation(JASM, "investedIn", KUMAMOTO, "JASM will build a plant in Kumamoto.", 0.8, "2021-10"),
        Relation(TJPO, "facilitatedInvestment", JASM, "TJPO helped JASM's investment.", 0.7),
        Relation(KUMAMOTO, "locatedIn", JAPAN, "Kumamoto Prefecture in Japan", 0.95),
        Relation(TJPO, "partOf", IDB, "TJPO, an office of the Industrial Development Bureau", 0.9),
        Relation(IDB, "partOf", MOEA, "the Industrial Development Bureau of the MOEA", 0.9),
        Relation(MOEA, "locatedIn", TAIWAN, "the Ministry of Economic Affairs of Taiwan", 0.9),
    ])
    tsmc = _announcement("zh-tsmc", "zh-Hant", "台積電赴日投資", date(2021, 11, 10), [
        Relation(TSMC, "investedIn", JAPAN, "台積電宣布赴日本投資設廠。", 0.8, "2021"),
        Relation(TSMC, "locatedIn", TAIWAN, "台積電總部位於臺灣。", 0.9),
    ])
    evil = _announcement("en-evil", "en", "Hostile </title><script>window.__pwned = 3</script>", date(2020, 2, 2), [
        Relation(TJPO, "signedMOUWith", EVIL, XSS_EVIDENCE, 0.6, "2020-01-15", MOU_EVIL),
        Relation(EVIL, "cooperatesIn", SEMI, XSS_EVIDENCE, 0.6, "2020-01-15", MOU_EVIL),
    ])
    return [osaka_en, osaka_ja, kumamoto, tsmc, evil]


def load_sample(store) -> None:
    """Write the five announcements into ``store``, one named graph each."""
    for ex in sample_extractions():
        store.replace_graph(announcement_iri(ex.announcement.id), extraction_quads(ex))


def sample_store():
    """An in-memory store holding the sample."""
    from graph.store import open_store

    store = open_store("memory")
    load_sample(store)
    return store
