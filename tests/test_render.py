"""The explorer page as a document: self-contained, escaped, reproducible, cut with a note,
focused and filtered as asked. Its behaviour in a browser is tested in test_render_browser.py."""
from __future__ import annotations

import json
import logging
import re

import networkx as nx
import pytest

from graph.analysis import ego
from graph.network import NetworkError, to_networkx
from graph.render import RenderError, layout, render, write_html
from tests.network_sample import OSAKA, SIGNING_JA, XSS_EVIDENCE, XSS_LABEL, XSS_LABEL_JA, sample_store

DATA = re.compile(r'<script type="application/json" id="tjkg-data">(.*?)</script>', re.S)


@pytest.fixture(scope="module")
def G():
    return to_networkx(sample_store())


def payload(page_html: str) -> dict:
    (block,) = DATA.findall(page_html)
    return json.loads(block)


def test_the_page_is_self_contained(G):
    page = render(G)
    html = page.html
    assert not re.search(r"<(script|link|img|iframe)[^>]+(src|href)\s*=", html, re.I)  # nothing loaded
    assert len(re.findall(r"^<script", html, re.M)) == 3  # the data, vis-network, the explorer
    assert "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src &#x27;none&#x27;" in html
    assert "vis.Network" in html and "vis-network" in html  # the library itself, inline


def test_hostile_text_stays_inside_the_json_block(G):
    html = render(G).html
    for text in (XSS_LABEL, XSS_LABEL_JA, XSS_EVIDENCE, "</title><script>"):
        assert text not in html
    data = payload(html)  # the block still ends where it should, and parses
    labels = [x for n in data["nodes"] for values in n["l"].values() for x in values]
    assert XSS_LABEL in labels and XSS_LABEL_JA in labels
    assert [XSS_EVIDENCE, "en"] in data["sentences"]
    assert "Hostile </title><script>window.__pwned = 3</script>" in [a[1] for a in data["announcements"]]


def test_counts_evidence_and_languages_in_the_payload(G):
    page = render(G, lang="zh")
    data = payload(page.html)
    assert (page.nodes, page.edges, page.note) == (20, 23, None)
    assert len(data["nodes"]) == 20 and len(data["edges"]) == 23 and data["lang"] == "zh-Hant"
    assert '<html lang="zh-Hant">' in page.html
    osaka = next(n for n in data["nodes"] if n["i"] == OSAKA)
    assert osaka["l"]["ja"][0] == "大阪府" and osaka["t"] == "Prefecture"
    assert [SIGNING_JA, "ja"] in data["sentences"]
    assert {t["name"] for t in data["types"]} >= {"Agency", "Prefecture", "Agreement", "Investment"}
    assert {k["name"]: k["directed"] for k in data["kinds"]}["party"] is True


def test_the_same_graph_and_seed_give_the_same_page(G):
    assert render(G, seed=3).html == render(G, seed=3).html
    first, other = payload(render(G, seed=3).html), payload(render(G, seed=4).html)
    assert [(n["x"], n["y"]) for n in first["nodes"]] != [(n["x"], n["y"]) for n in other["nodes"]]


def test_a_big_graph_is_cut_to_its_most_central_part_with_a_note(G, caplog):
    with caplog.at_level(logging.WARNING, logger="graph.render"):
        page = render(G, max_nodes=6)
    assert page.nodes <= 6 and page.total_nodes == 20
    assert "This graph has 20 nodes and 23 edges" in page.note and "--focus NAME --hops N" in page.note
    assert page.note in caplog.text and payload(page.html)["note"] == page.note
    ids = {n["i"] for n in payload(page.html)["nodes"]}
    assert "https://tjkg.example/id/tjpo" in ids  # the hub stays


def test_focus_shows_the_neighbourhood(G):
    page = render(G, focus="大阪府", hops=1)
    assert page.nodes == ego(G, OSAKA, hops=1).number_of_nodes() == 7
    data = payload(page.html)
    assert data["nodes"][data["focus"]]["i"] == OSAKA
    with pytest.raises(NetworkError, match="no entity named 'Atlantis'"):
        render(G, focus="Atlantis")


def test_filters_by_type_and_kind(G):
    people = render(G, types=["Person", "Agency"])
    types = {n["t"] for n in payload(people.html)["nodes"]}
    assert types <= {"Person", "Agency", "Agreement", "Investment"} and "Person" in types
    parties = render(G, kinds="party")
    assert {e["k"] for e in payload(parties.html)["edges"]} == {"party"}
    with pytest.raises(RenderError, match="unknown type 'Planet'"):
        render(G, types=["Planet"])
    with pytest.raises(RenderError, match="unknown relation kind 'likes'"):
        render(G, kinds=["likes"])
    with pytest.raises(RenderError, match="unknown size_by 'closeness'"):
        render(G, size_by="closeness")


def test_sizes_follow_the_centrality(G):
    data = payload(render(G, size_by="degree").html)
    sizes = {n["i"]: n["s"] for n in data["nodes"] if n["t"] not in ("Agreement", "Investment")}
    assert max(sizes, key=sizes.get) == "https://tjkg.example/id/tjpo" and sizes[OSAKA] < sizes[max(sizes, key=sizes.get)]
    assert {n["s"] for n in payload(render(G, size_by=None).html)["nodes"]} == {14.0}


def test_write_html_writes_utf8(G, tmp_path):
    page = write_html(G, tmp_path / "graph.html", title="台日 <network>")
    text = (tmp_path / "graph.html").read_bytes().decode("utf-8")
    assert text == page.html and "<title>台日 &lt;network&gt;</title>" in text
    with pytest.raises(RenderError, match="cannot write the page"):
        write_html(G, tmp_path / "missing" / "graph.html")


def test_layout_is_finite_seeded_and_spreads_nodes():
    H = nx.disjoint_union(nx.path_graph(30), nx.complete_graph(5))
    H.add_node("alone")
    pos = layout(H, seed=1)
    assert pos == layout(H, seed=1) and set(pos) == set(H)
    xs = [p[0] for p in pos.values()]
    assert all(map(lambda v: v == v and abs(v) < 1e6, xs))
    closest = min(((a[0] - b[0]) ** 2 + (a[1] - b[1]) ** 2) ** 0.5
                  for i, a in enumerate(pos.values()) for b in list(pos.values())[i + 1:])
    assert closest > 1.0  # no two nodes drawn on top of each other


def test_a_plain_networkx_graph_renders_with_its_ids_as_labels():
    page = render(nx.path_graph(4, create_using=nx.MultiDiGraph))
    data = payload(page.html)
    assert (page.nodes, page.edges) == (4, 3)
    assert [n["l"] for n in data["nodes"]] == [{"": [str(i)]} for i in range(4)]
    assert {t["name"] for t in data["types"]} == {"Other"}
