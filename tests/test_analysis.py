"""Network analysis on the hand-made sample (tests/network_sample.py), in both views; the
expected figures are worked out by hand from the sample's facts."""
from __future__ import annotations

import math

import networkx as nx
import pandas as pd
import pytest

from graph import analysis as A
from graph.gazetteer import Gazetteer
from graph.network import NetworkError, to_networkx
from tests.network_sample import (
    BIO, CHEN, EVIL, IDB, JAPAN, JASM, KUMAMOTO, MOEA, OSAKA, SATO, SEMI, SIGNING_EN, SIGNING_JA, TAIWAN, TANAKA,
    TJPO, TSMC, sample_store,
)


@pytest.fixture(scope="module")
def views():
    store = sample_store()
    return {view: to_networkx(store, view=view) for view in ("agreement", "collapsed")}


@pytest.fixture(params=["agreement", "collapsed"])
def G(request, views):
    return views[request.param]


def test_pagerank_matches_the_closed_form_of_a_star():
    leaves = 5
    G = nx.MultiDiGraph([("hub", f"leaf{i}") for i in range(leaves)])
    pr = A.scores(G, "pagerank")
    n, alpha = leaves + 1, 0.85
    # hub = b + a * leaves * leaf and leaf = b + a * hub / leaves, with b = (1 - a) / n
    base = (1 - alpha) / n
    hub = base * (1 + alpha * leaves) / (1 - alpha * alpha)
    leaf = base + alpha * hub / leaves
    assert math.isclose(pr["hub"], hub, rel_tol=1e-8) and math.isclose(pr["leaf0"], leaf, rel_tol=1e-8)
    assert math.isclose(sum(pr.values()), 1.0)


def test_pagerank_counts_parallel_edges_as_weight():
    G = nx.MultiDiGraph([("a", "b", "x"), ("a", "b", "y"), ("a", "c", "x")])
    pr = A.scores(G, "pagerank")
    assert pr["b"] > pr["c"] and math.isclose(sum(pr.values()), 1.0)


def test_the_hub_is_the_most_central_agency(G):
    table = A.centralities(G, kind="pagerank", top=1)
    assert list(table.columns) == ["type", "rank", "node", "label", "score"]
    assert table.set_index("type").loc["Agency", "node"] == TJPO
    assert not set(table["type"]) & {"Agreement", "Investment"}  # events are not listed
    assert table["rank"].eq(1).all() and table["type"].is_unique
    overall = A.centralities(G, kind="pagerank", by_type=False, top=3)
    assert overall.loc[0, "node"] == TJPO and list(overall["rank"]) == [1, 2, 3]


def test_degree_counts_distinct_neighbours(views):
    G = views["collapsed"]
    degree = A.scores(G, "degree")
    # OSAKA, KUMAMOTO, EVIL, BIO, SEMI, JASM, IDB, CHEN (two edges with CHEN count once)
    assert degree[TJPO] == pytest.approx(8 / 14)
    assert A.centralities(G, kind="degree", lang="ja", by_type=False, top=1).loc[0, "label"] == "台日産業連携推進オフィス"


def test_betweenness_exact_and_sampled_are_seeded(G):
    exact = A.scores(G, "betweenness")
    assert max(exact, key=exact.get) == TJPO
    first = A.scores(G, "betweenness", k=5, seed=3)
    assert first == A.scores(G, "betweenness", k=5, seed=3)
    with pytest.raises(NetworkError, match="unknown centrality 'closeness'"):
        A.scores(G, "closeness")


def test_communities_are_seeded_and_cover_every_entity_once(G):
    first = A.communities(G, seed=7, top=None)
    assert first.equals(A.communities(G, seed=7, top=None))
    entities = {n for n, a in G.nodes(data=True) if a["type"] not in ("Agreement", "Investment")}
    assert set(first["node"]) == entities and first["node"].is_unique
    sizes = first.groupby("community")["node"].count()
    assert (sizes == first.groupby("community")["size"].first()).all()
    assert list(sizes) == sorted(sizes, reverse=True)
    assert A.communities(G, seed=7, top=1)["community"].eq(1).all()


def test_sides_follow_places_parts_posts_and_signatures(G):
    side = A.sides(G, gazetteer=False)
    assert side == {TAIWAN: "TW", MOEA: "TW", IDB: "TW", TJPO: "TW", CHEN: "TW", TSMC: "TW",
                    JAPAN: "JP", OSAKA: "JP", KUMAMOTO: "JP", TANAKA: "JP"}
    assert SATO not in side and JASM not in side and EVIL not in side


def test_sides_use_the_gazetteer_codes(tmp_path, G):
    (tmp_path / "companies.yaml").write_text(
        "- id: company-jasm\n  type: Company\n  labels: {en: [JASM]}\n  codes: {tse: '9999'}\n", encoding="utf-8")
    side = A.sides(G, gazetteer=Gazetteer.load(tmp_path))
    assert side[JASM] == "JP"


def test_the_office_is_the_first_broker(G):
    table = A.brokers(G, gazetteer=False)
    assert list(table.columns) == ["rank", "node", "label", "type", "side", "score", "tw_partners", "jp_partners"]
    first = table.iloc[0]
    assert first["node"] == TJPO and first["rank"] == 1 and first["side"] == "TW"
    assert first["jp_partners"] >= 2  # Osaka and Kumamoto, directly or through their agreements
    assert (table["score"] > 0).all() and list(table["score"]) == sorted(table["score"], reverse=True)
    assert not set(table["type"]) & {"Industry", "Country", "Region"}  # places and topics are not actors
    assert len(A.brokers(G, gazetteer=False, top=2)) == 2


def test_no_bridge_without_both_sides(views):
    G = views["collapsed"].subgraph([TJPO, IDB, MOEA, TAIWAN]).copy()
    table = A.brokers(G, gazetteer=False)
    assert table.empty and "score" in table.columns


def test_shortest_path_in_the_collapsed_view_carries_the_evidence_of_each_hop(views):
    G = views["collapsed"]
    (path,) = A.shortest_paths(G, "Tanaka Hiroshi", "熊本県")
    assert [(h.source, h.target) for h in path] == [(TANAKA, OSAKA), (OSAKA, TJPO), (TJPO, KUMAMOTO)]
    (tie,) = path[1].ties
    assert tie.kind == "signedMOUWith" and tie.forward is False  # stated as TJPO -> Osaka
    assert [e.sentence for e in tie.evidence] == [SIGNING_EN, SIGNING_JA]
    frame = A.paths_frame([path], announcements=G.graph["announcements"])
    assert list(frame.columns) == ["path", "hop", "source_label", "relation", "target_label", "date", "sentence",
                                   "announcement"]
    assert len(frame) == 1 + 2 + 1 and list(frame[frame["hop"] == 2]["announcement"]) == ["en-osaka", "ja-osaka"]
    assert frame.loc[1, "relation"] == "← signedMOUWith"


def test_shortest_paths_in_the_agreement_view_go_through_events(views):
    G = views["agreement"]
    paths = A.shortest_paths(G, TANAKA, KUMAMOTO, max_paths=5)
    assert len(paths) == 2 and all(len(p) == 4 for p in paths)  # via the Kumamoto MOU, or the JASM investment
    assert {p[2].target_label for p in paths} == {"MOU 2017-05-12", "Investment 2021-10"}
    assert len(A.shortest_paths(G, TANAKA, KUMAMOTO, max_paths=1)) == 1


def test_unconnected_or_same_entities(views):
    G = views["collapsed"].copy()
    G.add_node("https://tjkg.example/id/alone", type="City", labels={"en": ["Nowhere"]})
    assert A.shortest_paths(G, "Nowhere", TJPO) == []
    with pytest.raises(NetworkError, match="name the same entity"):
        A.shortest_paths(G, "TJPO", TJPO)
    with pytest.raises(NetworkError, match="max_paths must be at least 1"):
        A.shortest_paths(G, "TJPO", OSAKA, max_paths=0)


def test_ego_network_counts_events_as_free_steps(views):
    agreement = A.ego(views["agreement"], "大阪府", hops=1)
    entities = {n for n, a in agreement.nodes(data=True) if a["type"] not in ("Agreement", "Investment")}
    assert entities == {OSAKA, TJPO, CHEN, TANAKA, SATO, BIO}
    assert agreement.number_of_nodes() == 7  # and the Osaka MOU; TJPO's other events tie nobody shown
    assert set(A.ego(views["collapsed"], "Osaka Prefecture", hops=1)) == {OSAKA, TJPO, TANAKA, SATO}
    assert set(A.ego(views["collapsed"], OSAKA, hops=0)) == {OSAKA}
    assert agreement.graph["announcements"] == views["agreement"].graph["announcements"]
    with pytest.raises(NetworkError, match="hops must be 0 or more"):
        A.ego(views["collapsed"], OSAKA, hops=-1)


def test_timeline_is_the_same_in_both_views(views):
    expected = pd.DataFrame([
        (2017, "Agreement", "Agency", 1), (2017, "Agreement", "Prefecture", 1),
        (2019, "Agreement", "Agency", 1), (2019, "Agreement", "Prefecture", 1),
        (2020, "Agreement", "Agency", 1), (2020, "Agreement", "Company", 1),
        (2021, "Investment", "Country", 1), (2021, "Investment", "Prefecture", 1),
    ], columns=["year", "kind", "partner_type", "count"]).astype({"year": "Int64"})
    for view in ("agreement", "collapsed"):
        pd.testing.assert_frame_equal(A.timeline(views[view]), expected)


def test_partner_industry_is_the_same_in_both_views(views):
    tables = [A.partner_industry(views[v]) for v in ("agreement", "collapsed")]
    pd.testing.assert_frame_equal(tables[0], tables[1])
    pairs = {(r.partner, r.industry): r.count for r in tables[0].itertuples()}
    assert pairs == {(TJPO, SEMI): 2, (KUMAMOTO, SEMI): 1, (EVIL, SEMI): 1, (TJPO, BIO): 1, (OSAKA, BIO): 1}
    wide = A.partner_industry(views["agreement"], wide=True, lang="ja")
    assert wide.loc["台日産業連携推進オフィス", "半導体"] == 2 and wide.loc["大阪府", "半導体"] == 0
    assert len(A.partner_industry(views["agreement"], top=2)) == 2
