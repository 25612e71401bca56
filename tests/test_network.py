"""RDF -> networkx on a real Oxigraph store (and a real Oxigraph server): both views hold
every fact, with predicates, language tags, parallel edges and the evidence of every
announcement that states a fact."""
from __future__ import annotations

import networkx as nx
import pytest
from rdflib import URIRef

from graph.ids import announcement_iri
from graph.network import NetworkError, find_node, label_of, lang_tag, to_networkx
from graph.store import open_store
from graph.vocab import PREDICATES
from tests.network_sample import (
    BIO, CHEN, EVIL, IDB, INV_JASM, JAPAN, JASM, KUMAMOTO, MOU_EVIL, MOU_OSAKA, OSAKA, SEMI, SIGNING_EN, SIGNING_JA,
    TAIWAN, TANAKA, TJPO, TSMC, XSS_EVIDENCE, XSS_LABEL, load_sample, sample_store,
)


@pytest.fixture(scope="module")
def store():
    return sample_store()


@pytest.fixture(scope="module")
def agreement(store):
    return to_networkx(store, view="agreement")


@pytest.fixture(scope="module")
def collapsed(store):
    return to_networkx(store, view="collapsed")


def test_node_and_edge_counts_match_the_hand_count(agreement, collapsed):
    assert (agreement.number_of_nodes(), agreement.number_of_edges()) == (20, 23)
    assert (collapsed.number_of_nodes(), collapsed.number_of_edges()) == (15, 18)
    assert agreement.graph["view"] == "agreement" and collapsed.graph["view"] == "collapsed"


def test_a_fact_stated_twice_is_one_edge_with_the_evidence_of_both(collapsed):
    edge = collapsed.edges[TJPO, OSAKA, "signedMOUWith"]
    assert edge["announcements"] == [announcement_iri("en-osaka"), announcement_iri("ja-osaka")]
    assert [(e.sentence, e.lang) for e in edge["evidence"]] == [(SIGNING_EN, "en"), (SIGNING_JA, "ja")]
    assert edge["confidence"] == 0.9 and edge["date"] == "2019-10-03"
    assert edge["predicate"] == str(PREDICATES["signedMOUWith"]) and edge["kind"] == "signedMOUWith"
    assert edge["agreements"] == [MOU_OSAKA]


def test_labels_keep_every_language_with_canonical_tags(collapsed):
    labels = collapsed.nodes[TJPO]["labels"]
    assert set(labels) == {"en", "zh-Hant", "ja"}
    assert labels["zh-Hant"] == ["台日產業合作推動辦公室"] and labels["ja"][0] == "台日産業連携推進オフィス"
    assert labels["en"][0] == "Taiwan-Japan Industrial Collaboration Promotion Office" and "TJPO" in labels["en"]
    assert collapsed.nodes[TJPO]["type"] == "Agency"
    assert label_of(collapsed.nodes[TANAKA], "zh") == "Tanaka Hiroshi"  # no Chinese label: English
    assert label_of(collapsed.nodes[TANAKA], "ja") == "田中博"
    assert collapsed.nodes[EVIL]["label"] == XSS_LABEL


def test_nothing_is_lost_every_stated_triple_is_an_edge_of_the_collapsed_view(store, collapsed):
    kinds = {str(p): k for k, p in PREDICATES.items() if k not in ("memberOrdinal", "partnerCount")}
    values = " ".join(f"<{p}>" for p in kinds)
    rows = store.select(f"SELECT DISTINCT ?s ?p ?o WHERE {{ GRAPH ?g {{ VALUES ?p {{ {values} }} ?s ?p ?o }} }}").rows
    stated = {(str(s), str(p), str(o)) for s, p, o in rows}
    edges = {(u, d["predicate"], v) for u, v, d in collapsed.edges(data=True)}
    assert stated == edges and len(stated) == 18
    # a number is a fact on its node, with its evidence
    (fact,) = collapsed.nodes[OSAKA]["facts"]
    assert (fact["kind"], fact["value"], fact["evidence"][0].sentence) == (
        "memberOrdinal", "8", "Osaka is the 8th partner of TJPO.")


def test_parallel_edges_keep_their_kinds(collapsed):
    assert set(collapsed[CHEN][TJPO]) == {"holdsPosition", "signatoryOf"}
    assert collapsed.edges[CHEN, TJPO, "holdsPosition"]["roles"] == ["CEO"]


def test_agreement_view_has_event_nodes_with_parties_signatories_and_fields(agreement):
    mou = agreement.nodes[MOU_OSAKA]
    assert mou["type"] == "Agreement" and mou["date"] == "2019-10-03"
    assert mou["labels"] == {"en": ["MOU 2019-10-03"], "zh-Hant": ["合作備忘錄 2019-10-03"], "ja": ["覚書 2019-10-03"]}
    assert mou["announcements"] == [announcement_iri("en-osaka"), announcement_iri("ja-osaka")]
    assert {u for u, _, k in agreement.in_edges(MOU_OSAKA, keys=True) if k == "party"} == {TJPO, OSAKA}
    party = agreement.edges[OSAKA, MOU_OSAKA, "party"]
    assert {e.sentence for e in party["evidence"]} == {SIGNING_EN, SIGNING_JA}
    assert agreement.edges[TANAKA, MOU_OSAKA, "signatory"]["for_party"] == [OSAKA]
    field = agreement.edges[MOU_OSAKA, BIO, "field"]
    assert field["date"] == "2019-10-03"  # the sentence has no date: the agreement's
    assert field["evidence"][0].sentence == "They will cooperate in biotechnology."
    assert not agreement.has_edge(TJPO, OSAKA)  # the MOU is the event node, not a direct edge


def test_investments_are_event_nodes_with_investor_target_and_facilitator(agreement):
    assert agreement.nodes[INV_JASM]["type"] == "Investment" and agreement.nodes[INV_JASM]["date"] == "2021-10"
    assert agreement.has_edge(JASM, INV_JASM, "investor") and agreement.has_edge(INV_JASM, KUMAMOTO, "investmentTarget")
    facilitator = agreement.edges[TJPO, INV_JASM, "facilitator"]
    assert facilitator["evidence"][0].sentence == "TJPO helped JASM's investment."
    # facts outside any event stay direct edges
    assert agreement.has_edge(TJPO, IDB, "partOf") and agreement.has_edge(CHEN, TJPO, "holdsPosition")


def test_announcements_metadata_and_evidence_languages(agreement, collapsed):
    meta = collapsed.graph["announcements"][announcement_iri("zh-tsmc")]
    assert (meta["id"], meta["title"], meta["published"], meta["language"]) == (
        "zh-tsmc", "台積電赴日投資", "2021-11-10", "zh-Hant")
    assert collapsed.edges[TSMC, JAPAN, "investedIn"]["evidence"][0].lang == "zh-Hant"
    assert agreement.edges[EVIL, MOU_EVIL, "party"]["evidence"][0].sentence == XSS_EVIDENCE


def test_the_same_store_gives_the_same_graph_and_reloading_changes_nothing(store, agreement):
    again = to_networkx(store, view="agreement")
    assert list(again.nodes(data=True)) == list(agreement.nodes(data=True))
    assert list(again.edges(keys=True, data=True)) == list(agreement.edges(keys=True, data=True))
    reloaded = open_store("memory")
    load_sample(reloaded)
    load_sample(reloaded)
    assert list(to_networkx(reloaded).edges(keys=True, data=True)) == list(agreement.edges(keys=True, data=True))


def test_a_triple_without_a_statement_is_an_edge_without_evidence(store):
    extra = open_store("memory")
    load_sample(extra)
    curation = "https://tjkg.example/graph/curation"
    extra.replace_graph(curation, [(URIRef(JASM), PREDICATES["locatedIn"], URIRef(JAPAN), URIRef(curation))])
    G = to_networkx(extra, view="collapsed")
    edge = G.edges[JASM, JAPAN, "locatedIn"]
    assert edge["evidence"] == [] and edge["announcements"] == [curation] and edge["confidence"] is None


def test_a_sparql_server_gives_the_same_graph(tmp_path, agreement):
    from tests.serving import oxigraph_server

    with oxigraph_server(tmp_path / "oxigraph") as url:
        remote = open_store(url + "/query", update_url=url + "/update")
        load_sample(remote)
        G = to_networkx(remote, view="agreement")
    assert list(G.nodes(data=True)) == list(agreement.nodes(data=True))
    assert list(G.edges(keys=True, data=True)) == list(agreement.edges(keys=True, data=True))


def test_a_store_with_select_only_gives_the_same_graph(store, collapsed):
    class SelectOnly:  # a store answering the Store protocol's select() and nothing more
        location = "select-only"

        def select(self, sparql, bindings=None):
            return store.select(sparql, bindings)

    G = to_networkx(SelectOnly(), view="collapsed")
    assert list(G.edges(keys=True, data=True)) == list(collapsed.edges(keys=True, data=True))
    assert list(G.nodes(data=True)) == list(collapsed.nodes(data=True))


def test_a_knowledge_graph_object_is_accepted(store, collapsed):
    import graph

    kg = graph.open("memory")
    load_sample(kg.store)
    assert nx.utils.graphs_equal(to_networkx(kg, view="collapsed"), collapsed)


def _structure(G):
    return list(G.nodes), list(G.edges(keys=True)), {n: (a["type"], a["label"]) for n, a in G.nodes(data=True)}


@pytest.mark.parametrize("view", ["agreement", "collapsed"])
def test_without_evidence_the_graph_has_the_same_nodes_and_edges(store, view, agreement, collapsed):
    full = agreement if view == "agreement" else collapsed
    lean = to_networkx(store, view=view, evidence=False)
    assert _structure(lean) == _structure(full)
    edge = lean.edges[TJPO, MOU_OSAKA, "party"] if view == "agreement" else lean.edges[TJPO, OSAKA, "signedMOUWith"]
    assert edge["evidence"] == [] and edge["confidence"] is None
    assert edge["date"] == "2019-10-03"  # from the agreement


@pytest.mark.parametrize("view", ["agreement", "collapsed"])
def test_without_evidence_a_synthetic_corpus_gives_the_same_structure(tmp_path, view):
    import graph
    from bench.corpus import generate

    generate(60, tmp_path / "corpus", seed=3)
    kg = graph.open("memory")
    kg.build(tmp_path / "corpus")
    full = to_networkx(kg, view=view)
    assert full.number_of_edges() > 200
    assert _structure(to_networkx(kg, view=view, evidence=False)) == _structure(full)


def test_bad_view_and_bad_store_are_clean_errors(store):
    with pytest.raises(NetworkError, match="unknown view 'party'"):
        to_networkx(store, view="party")
    with pytest.raises(NetworkError, match="not a knowledge graph or store"):
        to_networkx(42)


def test_find_node_by_any_label_in_any_language(collapsed):
    assert find_node(collapsed, "熊本県") == KUMAMOTO
    assert find_node(collapsed, "熊本縣") == KUMAMOTO  # the Chinese form of the same name
    assert find_node(collapsed, "TJPO") == TJPO
    assert find_node(collapsed, "  taiwan-japan industrial collaboration promotion office ") == TJPO
    assert find_node(collapsed, "biotech") == BIO  # a part of one label only
    assert find_node(collapsed, "半導体") == SEMI
    assert find_node(collapsed, TAIWAN) == TAIWAN
    with pytest.raises(NetworkError, match="'Prefecture' matches 2 entities"):
        find_node(collapsed, "Prefecture")
    with pytest.raises(NetworkError, match="no entity named 'Atlantis'"):
        find_node(collapsed, "Atlantis")
    with pytest.raises(NetworkError, match="empty entity name"):
        find_node(collapsed, " ")


def test_lang_tag_names_the_choices():
    assert [lang_tag(x) for x in ("en", "zh", "zh-Hant", "ja")] == ["en", "zh-Hant", "zh-Hant", "ja"]
    with pytest.raises(NetworkError, match="unknown language 'fr': choose en, zh or ja"):
        lang_tag("fr")


def test_a_fact_whose_agreement_node_is_missing_stays_a_direct_edge():
    from graph.rdf import extraction_quads
    from tests.network_sample import sample_extractions

    osaka = sample_extractions()[0]
    quads = [q for q in extraction_quads(osaka) if str(q[0]) != MOU_OSAKA]  # no agreement node
    partial = open_store("memory")
    partial.replace_graph(announcement_iri("en-osaka"), quads)
    G = to_networkx(partial, view="agreement")
    assert MOU_OSAKA not in G
    assert G.edges[TJPO, OSAKA, "signedMOUWith"]["agreements"] == [MOU_OSAKA]
