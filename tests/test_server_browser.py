"""The explorer in real headless Chromium (Debian's, driven by Playwright), every request off
127.0.0.1 blocked: no console errors, search in any language, an entity page with evidence and
sources, a hostile label shown as text, the SPARQL form with its CSV download, saved queries,
and the neighbourhood drawing."""
from __future__ import annotations

import os
from urllib.parse import urlsplit

import pytest

from graph.server import make_server
from graph.store import open_store
from tests.serving import EVIL_EVIDENCE, EVIL_LABEL, load

CHROMIUM = "/usr/bin/chromium"
pytestmark = pytest.mark.skipif(not os.path.exists(CHROMIUM), reason="Debian's chromium is not installed")


@pytest.fixture(scope="module")
def server():
    store = open_store("memory")
    load(store)
    with make_server(store, port=0, timeout=10, workers=2, log=None) as srv:
        srv.start()
        yield srv


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--no-first-run"])
        yield b
        b.close()


@pytest.fixture
def page(browser, server):
    """A page that may only talk to the server; collects console errors and blocked requests."""
    context = browser.new_context()
    pg = context.new_page()
    pg.errors, pg.blocked = [], []

    def guard(route):
        host = urlsplit(route.request.url).hostname
        if route.request.url.startswith(("data:", "about:")) or host == "127.0.0.1":
            route.continue_()
        else:
            pg.blocked.append(route.request.url)
            route.abort()

    context.route("**/*", guard)
    pg.on("console", lambda m: pg.errors.append(m.text) if m.type == "error" else None)
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))
    pg.root = server.url.rstrip("/")
    yield pg
    context.close()
    assert not pg.blocked, f"requests off the machine: {pg.blocked}"
    assert not pg.errors, f"console errors: {pg.errors}"


def test_search_in_japanese_then_entity_page_with_evidence(page):
    page.goto(page.root + "/")
    page.get_by_role("searchbox", name="Search", exact=True).fill("大阪府")
    page.get_by_role("searchbox", name="Search", exact=True).press("Enter")
    page.wait_for_url("**/search?**")
    page.get_by_role("link", name="Osaka Prefecture").first.click()
    page.wait_for_url("**/id/jp-27**")
    assert page.locator("h1").inner_text() == "Osaka Prefecture"
    labels = page.locator("table.labels").inner_text()
    assert "@zh-Hant" in labels and "大阪府" in labels and "@ja" in labels
    assert page.locator("h3.relation", has_text="signedMOUWith").count() == 1
    evidence = page.locator("blockquote.evidence", has_text="making Osaka the 8th member")
    assert evidence.count() == 2  # the same fact, stated in two announcements
    page.get_by_role("link", name="Strengthening Partnership between Taiwan and Japan").first.click()
    page.wait_for_url("**/announcement/**")
    assert page.locator("h1").inner_text() == "Strengthening Partnership between Taiwan and Japan"
    assert page.locator("blockquote.evidence", has_text="on October 3rd").count() >= 1


def test_language_switch_shows_other_labels(page):
    page.goto(page.root + "/id/jp-27?lang=ja")
    assert page.locator("h1").inner_text() == "大阪府"


def test_hostile_label_and_sentence_are_text(page):
    page.goto(page.root + "/search?q=evil")
    link = page.get_by_role("link", name=EVIL_LABEL)
    assert link.count() == 1
    link.click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == EVIL_LABEL
    assert page.locator("blockquote.evidence").first.inner_text() == EVIL_EVIDENCE
    assert page.locator("main img, main script").count() == 0
    page.get_by_role("link", name="Evil </title><script>window.__xss = 3</script>").first.click()
    page.wait_for_load_state()
    assert "</title>" in page.locator("h1").inner_text()
    assert page.evaluate("window.__xss") is None


def test_sparql_form_table_and_csv_download(page):
    page.goto(page.root + "/sparql")
    query = ("PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> SELECT ?label WHERE { GRAPH ?g { "
             "<https://tjkg.example/id/jp-27> rdfs:label ?label } } ORDER BY ?label")
    page.get_by_role("textbox", name="SPARQL query").fill(query)
    page.get_by_role("button", name="Run query").click()
    page.wait_for_url("**/sparql?query=**")
    cells = page.locator("table.results tbody td").all_inner_texts()
    assert {c.strip() for c in cells} == {"Osaka Prefecture@en", "大阪府@zh-Hant", "大阪府@ja"}
    with page.expect_download() as download:
        page.get_by_role("link", name="Download CSV").click()
    text = open(download.value.path(), encoding="utf-8").read()
    assert text.splitlines() == ["label", "Osaka Prefecture", "大阪府", "大阪府"]


def test_sparql_form_shows_errors_on_the_page(page):
    page.goto(page.root + "/sparql")
    page.get_by_role("textbox", name="SPARQL query").fill("SELECT * WHERE { SERVICE <http://example.org/> {} }")
    page.get_by_role("button", name="Run query").click()
    page.wait_for_url("**/sparql?query=**")
    assert "SERVICE" in page.locator(".error").inner_text()
    # the browser logs the page's own 403 status, and nothing else
    assert page.errors == ["Failed to load resource: the server responded with a status of 403 (Forbidden)"]
    page.errors.clear()


def test_saved_queries_with_results(page):
    page.goto(page.root + "/queries")
    page.get_by_role("link", name="mou-partners").click()
    page.wait_for_url("**/queries/mou-partners")
    assert page.locator("table.results").inner_text().count("Osaka Prefecture") >= 1
    page.goto(page.root + "/queries/entity")
    page.get_by_role("textbox", name="name").fill("TJPO")
    page.get_by_role("button", name="Run").click()
    page.wait_for_url("**/queries/entity?**")
    assert "Panasonic Corporation" in page.locator("table.results").inner_text()


def test_neighbourhood_is_drawn_by_the_renderer(page):
    page.goto(page.root + "/id/tjpo")
    frame = page.frame_locator("iframe.graph")
    frame.locator("#tjkg-network canvas").wait_for(timeout=20_000)
    assert frame.locator("#tjkg-types li").count() >= 3
