"""GraphML, GEXF and CSV exports of the sample graph: they read back with the same nodes,
edges, kinds, labels in three languages and evidence, in UTF-8."""
from __future__ import annotations

import xml.etree.ElementTree as ET

import networkx as nx
import pandas as pd
import pytest

from graph.exports import ExportError, write_csv, write_gexf, write_graphml, write_network
from graph.network import to_networkx
from tests.network_sample import EVIL, KUMAMOTO, OSAKA, SIGNING_JA, TJPO, XSS_LABEL, XSS_LABEL_JA, sample_store


@pytest.fixture(scope="module", params=["agreement", "collapsed"])
def G(request):
    return to_networkx(sample_store(), view=request.param)


def _keys(G):
    return sorted((u, v, k) for u, v, k in G.edges(keys=True))


def test_graphml_reads_back_with_kinds_labels_and_evidence(G, tmp_path):
    path = write_graphml(G, tmp_path / "g.graphml")
    H = nx.read_graphml(path, force_multigraph=True)
    assert sorted(H) == sorted(G) and _keys(H) == _keys(G)
    assert H.nodes[KUMAMOTO]["label_ja"] == "熊本県" and H.nodes[KUMAMOTO]["label_zh_Hant"] == "熊本縣"
    assert H.nodes[EVIL]["label_en"] == XSS_LABEL and H.nodes[EVIL]["label_ja"] == XSS_LABEL_JA
    assert H.nodes[TJPO]["type"] == "Agency"
    edges = [d for u, v, d in H.edges(data=True) if {u, v} & {OSAKA} and SIGNING_JA in d.get("evidence", "")]
    assert edges and all("[ja-osaka]" in d["evidence"] and d["weight"] == 2 for d in edges)
    assert path.read_bytes().startswith(b"<?xml version='1.0' encoding='utf-8'?>")


def test_gexf_opens_with_types_labels_and_colours(G, tmp_path):
    path = write_gexf(G, tmp_path / "g.gexf")
    ns = {"g": "http://www.gexf.net/1.2draft", "viz": "http://www.gexf.net/1.2draft/viz"}
    root = ET.parse(path).getroot()
    nodes = root.findall(".//g:node", ns)
    assert len(nodes) == G.number_of_nodes() and len(root.findall(".//g:edge", ns)) == G.number_of_edges()
    tjpo = next(n for n in nodes if n.get("id") == TJPO)
    assert tjpo.get("label") == "Taiwan-Japan Industrial Collaboration Promotion Office"
    colour = tjpo.find("viz:color", ns)
    assert (colour.get("r"), colour.get("g"), colour.get("b")) == ("78", "121", "167")  # the Agency colour
    H = nx.read_gexf(path)
    assert H.nodes[TJPO]["type"] == "Agency" and H.number_of_edges() == G.number_of_edges()


def test_csv_tables_hold_every_node_edge_and_sentence(G, tmp_path):
    paths = write_csv(G, tmp_path / "tables")
    assert [p.name for p in paths] == ["nodes.csv", "edges.csv", "evidence.csv"]
    nodes, edges, evidence = (pd.read_csv(p, encoding="utf-8") for p in paths)
    assert len(nodes) == G.number_of_nodes() and len(edges) == G.number_of_edges()
    assert set(nodes.columns) >= {"id", "label", "type", "label_en", "label_zh_Hant", "label_ja", "alt_labels"}
    assert nodes.set_index("id").loc[OSAKA, "label_ja"] == "大阪府"
    sentences = sum(len(d.get("evidence") or []) for _, _, d in G.edges(data=True))
    facts = sum(len(f["evidence"]) for _, a in G.nodes(data=True) for f in a.get("facts", []))
    assert len(evidence) == sentences + facts
    assert SIGNING_JA in set(evidence["sentence"]) and "ja" in set(evidence["lang"])


def test_bad_targets_and_formats_are_clean_errors(G, tmp_path):
    with pytest.raises(ExportError, match="does not exist"):
        write_graphml(G, tmp_path / "missing" / "g.graphml")
    with pytest.raises(ExportError, match="unknown network format 'dot'"):
        write_network(G, tmp_path / "g.dot", "dot")
    assert write_network(G, tmp_path / "g.gexf", "gexf") == [tmp_path / "g.gexf"]
