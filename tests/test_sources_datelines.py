"""News-style publication stamps, bylines and datelines read by graph.sources."""
from datetime import date

import pytest

from graph.sources import read_announcement


@pytest.mark.parametrize("stamp,published", [
    ("Tue, Apr 2, 2024", date(2024, 4, 2)),
    ("Thursday, 2 May 2024 09:15", date(2024, 5, 2)),
    ("June 4, 2024", date(2024, 6, 4)),
    ("2024/6/4 07:00", date(2024, 6, 4)),
    ("2024年6月4日 18:30", date(2024, 6, 4)),
    ("令和６年６月４日", date(2024, 6, 4)),
    ("２０２４年６月４日（火）", date(2024, 6, 4)),
    ("２０２４年６月４日　【記者王小明／台中報導】", date(2024, 6, 4)),
    ("2024/06/04 10:05　記者李大華／高雄報導", date(2024, 6, 4)),
    ("民國113年6月4日", date(2024, 6, 4)),
])
def test_a_date_line_under_the_title_is_the_publication_date(tmp_path, stamp, published):
    page = tmp_path / "news.txt"
    page.write_text(f"Sakura Tools opens a plant\n{stamp}\n\nSakura Tools opened a plant in Tainan.\n",
                    encoding="utf-8")
    a = read_announcement(page)
    assert a.published == published
    assert a.title == "Sakura Tools opens a plant"
    assert a.text == "Sakura Tools opened a plant in Tainan."


@pytest.mark.parametrize("page_text,published,text", [
    pytest.param("Osaka and Tainan sign pact\n\nBy Staff Writer\nWed, Jan 10, 2024\n\n"
                 "Tainan said yesterday it signed a pact with Osaka.\n",
                 date(2024, 1, 10), "Tainan said yesterday it signed a pact with Osaka.", id="byline and date"),
    pytest.param("Forum in Tainan\nMarch 3, 2024\n\nTAINAN, Mar. 3 (CNA) - Two pacts were signed on Friday.\n",
                 date(2024, 3, 3), "Two pacts were signed on Friday.", id="yearless dateline after a date line"),
    pytest.param("台中市與大阪簽約\n2024/03/13 14:25\n\n（中央社記者王大明台中13日電）台中市12日與大阪府簽署備忘錄。\n",
                 date(2024, 3, 13), "台中市12日與大阪府簽署備忘錄。", id="Chinese agency dateline"),
    pytest.param("Advantech to invest in Aichi\n\nNAGOYA – 3 July 2024 – Advantech Co., Ltd. said it will invest.\n",
                 date(2024, 7, 3), "Advantech Co., Ltd. said it will invest.", id="wire dateline, dashes, day first"),
])
def test_stamps_bylines_and_datelines_are_furniture_and_date_the_page(tmp_path, page_text, published, text):
    page = tmp_path / "news.txt"
    page.write_text(page_text, encoding="utf-8")
    a = read_announcement(page)
    assert (a.published, a.text) == (published, text)


def test_english_dateline_dates_the_report_and_leaves_the_text(tmp_path):
    page = tmp_path / "dateline.txt"
    page.write_text("Maker picks Sendai\n\nSENDAI, July 8, 2024 - Kirin Wafer Inc. will invest in Sendai.\n\n"
                    "NAGOYA, July 1, 2024 - an older item quoted in the body stays.\n", encoding="utf-8")
    a = read_announcement(page)
    assert a.published == date(2024, 7, 8)
    assert a.text.startswith("Kirin Wafer Inc. will invest in Sendai.")
    assert "NAGOYA, July 1, 2024 -" in a.text


def test_html_entities_in_a_text_file_are_decoded(tmp_path):
    page = tmp_path / "entities.txt"
    page.write_text("Home &raquo; Business\n\nJapan&#8217;s Kirin &amp; Co. to build plant\n"
                    "Posted: 7 Oct 2022\n\nKirin &amp; Co. will build a plant. AT&T is not an entity.\n",
                    encoding="utf-8")
    a = read_announcement(page)
    assert a.title == "Japan’s Kirin & Co. to build plant"
    assert a.text == "Kirin & Co. will build a plant. AT&T is not an entity."
    assert a.published == date(2022, 10, 7)


def test_a_dated_sentence_in_the_body_is_not_a_date_line(tmp_path):
    page = tmp_path / "body.txt"
    page.write_text("Pact signed\n\nThe pact was signed on May 3, 2024.\n\nMay 3, 2024\n", encoding="utf-8")
    a = read_announcement(page)
    assert a.published is None
    assert a.text == "The pact was signed on May 3, 2024.\n\nMay 3, 2024"


@pytest.mark.parametrize("page_text,title,published", [
    pytest.param("Kaohsiung Bank | Newsroom\n\nFOR IMMEDIATE RELEASE\nKaohsiung, March 4, 2024\n\n"
                 "Kaohsiung Bank signs pact with a Shiga lender\n\nKaohsiung Bank signed a pact.\n",
                 "Kaohsiung Bank signs pact with a Shiga lender", date(2024, 3, 4), id="release mark, place and date"),
    pytest.param("Focus | Politics | Business | Society\nBusiness\n\nTainan signs pact with Japanese town\n\n"
                 "10/18/2023 07:35 PM\n\nTainan signed a pact on Wednesday.\n",
                 "Tainan signs pact with Japanese town", date(2023, 10, 18), id="section name, headline, date"),
    pytest.param("Home > News\nFont size: S | M | L    Print    Share: Facebook  LINE  X\n\n"
                 "Tainan signs pact with Japanese town\n\nRelease Date: 2023-10-18\n\nTainan signed a pact on Wednesday.\n",
                 "Tainan signs pact with Japanese town", date(2023, 10, 18), id="page tools"),
])
def test_what_stands_above_the_headline_is_furniture(tmp_path, page_text, title, published):
    page = tmp_path / "release.txt"
    page.write_text(page_text, encoding="utf-8")
    a = read_announcement(page)
    assert (a.title, a.published) == (title, published)
    assert a.text.endswith("signed a pact.") or a.text.endswith("signed a pact on Wednesday.")
