"""Reading announcement files: formats, furniture, metadata, encodings and bad input."""
from __future__ import annotations

import codecs
import random
import re
from datetime import date
from pathlib import Path

import pytest

from graph.errors import SourceError
from graph.sources import SOURCE_SUFFIXES, announcement_id, detect_language, iter_sources, read_announcement

ROOT = Path(__file__).resolve().parent.parent
ANNOUNCEMENTS = ROOT / "data" / "announcements"
SEED = ANNOUNCEMENTS / "en-2019-10-15-tjpo-osaka-mou.txt"
TEXTS = sorted(ANNOUNCEMENTS.glob("*.txt"))
LANGUAGE = {"en": "en", "zh": "zh-Hant", "ja": "ja"}
# The encodings each language's texts are re-encoded in, and the codec we expect to be named.
REENCODINGS = {
    "en": {"utf-8-sig": "utf-8-sig", "utf-16": "utf-16", "utf-16-be": "utf-16"},  # BE: BOM added
    "zh": {"utf-8-sig": "utf-8-sig", "utf-16": "utf-16", "big5": "cp950", "cp950": "cp950"},
    "ja": {"utf-8-sig": "utf-8-sig", "utf-16": "utf-16", "shift_jis": "cp932", "cp932": "cp932",
           "euc_jp": "euc_jp", "iso2022_jp": "iso2022_jp"},
}


def _lang(path: Path) -> str:
    return path.name[:2]


def _fields(a):
    return a.title, a.text, a.published, a.modified, a.url, a.contact, a.language


def test_the_corpus_is_there():
    assert SEED in TEXTS
    assert {_lang(p) for p in TEXTS} == set(LANGUAGE)


def test_seed_page_is_stripped_of_furniture():
    a = read_announcement(SEED)
    assert a.id == "en-2019-10-15-tjpo-osaka-mou"
    assert a.title == ("Strengthening Partnership between Taiwan and Japan by Focusing on the Second "
                       "Largest Economic Cluster of Japan, the Kansai Area.")
    assert a.published == date(2019, 10, 15)
    assert a.modified == date(2020, 4, 8)
    assert a.contact == {
        "organization": "Information Technology Industries Division,Industrial Development Bureau, MOEA(IDB)",
        "person": "Mr.Chang",
        "phone": "+886 22754-1255 ext.2235",
    }
    assert a.language == "en" and a.encoding == "utf-8"
    assert a.text.startswith("Under the instruction of Ministry of Economic Affairs")
    assert a.text.endswith("creating a win-win situation for both Taiwan and Japan.")
    assert len(a.text.split("\n\n")) == 4
    for furniture in ("Number of Views", "Copyright", "Toll Free", "Published at", "Last modified",
                      "::: Home", "Contact", "Office Hours", "Best viewed", "Page Layout", "Sinyi Rd"):
        assert furniture not in a.text, furniture


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: p.stem)
def test_every_corpus_text(path):
    a = read_announcement(path)
    raw = path.read_text("utf-8")
    assert a.id == path.stem == announcement_id(path)
    assert a.language == LANGUAGE[_lang(path)]
    stated = re.search(r"Published at: (\d{4}-\d{2}-\d{2})", raw)
    assert (a.published.isoformat() if a.published else None) == (stated.group(1) if stated else None)
    assert a.title and a.title in raw and not a.text.startswith(a.title)
    assert "Published at" not in a.text and "Source:" not in a.text
    assert a.text.count("\n\n") >= 2 and "\n\n\n" not in a.text
    assert a.text == a.text.strip()


@pytest.mark.parametrize(
    "path,encoding",
    [(p, e) for p in TEXTS for e in REENCODINGS[_lang(p)]],
    ids=lambda v: v.stem if isinstance(v, Path) else v,
)
def test_reencoded_texts_read_the_same(path, encoding, tmp_path):
    reference = read_announcement(path)
    copy = tmp_path / path.name
    data = path.read_text("utf-8").encode(encoding)
    copy.write_bytes(codecs.BOM_UTF16_BE + data if encoding == "utf-16-be" else data)
    a = read_announcement(copy)
    assert _fields(a) == _fields(reference)
    assert a.encoding == REENCODINGS[_lang(path)][encoding]


@pytest.mark.parametrize("path", [p for p in TEXTS if _lang(p) != "en"], ids=lambda p: p.stem)
def test_short_legacy_encoded_texts_are_detected(path, tmp_path):
    """A title and one sentence: the short texts on which encoding detectors go wrong."""
    title, body = path.read_text("utf-8").split("\n", 1)
    sentence = re.search(r"[^\n]*?。", body.split("\n\n", 1)[1]).group(0)
    short = f"{title}\n\n{sentence}\n"
    for encoding, codec in REENCODINGS[_lang(path)].items():
        copy = tmp_path / f"{encoding}.txt"
        copy.write_bytes(short.encode(encoding))
        a = read_announcement(copy)
        assert (a.title, a.text, a.encoding) == (title, sentence, codec), encoding


def test_utf8_cut_in_the_middle_of_a_character(tmp_path):
    path = next(p for p in TEXTS if _lang(p) == "zh")
    cut = tmp_path / path.name
    cut.write_bytes(path.read_text("utf-8").rstrip().encode("utf-8")[:-1])
    a = read_announcement(cut)
    assert a.encoding == "utf-8"
    assert a.text == read_announcement(path).text[:-1] + "\ufffd"


def test_cp1252_crlf_and_nfc(tmp_path):
    raw = SEED.read_text("utf-8")
    copy = tmp_path / "seed.txt"
    copy.write_bytes(raw.replace("\n", "\r\n").encode("cp1252"))
    a = read_announcement(copy)
    assert a.encoding == "cp1252"
    assert _fields(a) == _fields(read_announcement(SEED))

    decomposed = tmp_path / "nfc.txt"
    decomposed.write_text("Cafe\u0301 MOU\n\nThe caf\u0065\u0301 signed（ＴＪＰＯ）.\n", encoding="utf-8")
    a = read_announcement(decomposed)
    assert a.title == "Caf\u00e9 MOU"
    assert a.text == "The caf\u00e9 signed（ＴＪＰＯ）."  # NFC, full-width forms kept


HTML_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="{charset}">
<title>News | Industrial Development Bureau</title>
<meta property="og:title" content="Not the title">
<meta property="article:published_time" content="2019-10-15T17:49:00+08:00">
<link rel="canonical" href="https://www.example.org/news?id=1&amp;lang=en">
<style>.x {{ color: red }} /* STYLEJUNK */</style>
<script>var junk = "SCRIPTJUNK <p>not text</p>";</script>
</head><body>
<header><h1>HEADERJUNK Site name</h1></header>
<nav><ul><li>Home NAVJUNK</li><li>News</li></ul></nav>
<div class="breadcrumb">::: Home &gt; News</div>
<article>
 <h1>{title}</h1>
 <ul class="meta"><li>Published at: 2019-10-15 17:49</li>
   <li>Last modified at: <time datetime="2020-04-08">2020/04/08</time></li></ul>
 <p>{first}</p>
 <p>MOU was signed on October 3rd.<br>Osaka is the 8th&nbsp;member.</p>
 <div>Both parties will cooperate.<div>In biotechnology &amp; electronics.</div></div>
 <table><tr><td>Contact Person:</td><td>Mr.Chang</td></tr>
        <tr><td>Contact Phone:</td><td>+886 22754-1255</td></tr></table>
 <p>Number of Views: 951</p>
 <aside>ASIDEJUNK</aside>
 <form><input value="x">FORMJUNK</form>
</article>
<footer>Copyright &copy; 2019 FOOTERJUNK</footer>
<noscript>NOSCRIPTJUNK</noscript>
</body></html>
"""


def test_html_page(tmp_path):
    page = tmp_path / "osaka.html"
    page.write_text(HTML_PAGE.format(
        charset="utf-8", title="Taiwan &amp; Japan Strengthen Partnership",
        first="Under the instruction of the Ministry of Economic Affairs &amp; its Industrial\n"
              "   Development Bureau, TJPO forged an alliance with <b>Osaka</b> Prefecture."),
        encoding="utf-8")
    a = read_announcement(page)
    assert a.title == "Taiwan & Japan Strengthen Partnership"
    assert (a.published, a.modified) == (date(2019, 10, 15), date(2020, 4, 8))
    assert a.url == "https://www.example.org/news?id=1&lang=en"
    assert a.contact == {"person": "Mr.Chang", "phone": "+886 22754-1255"}
    assert a.language == "en"
    assert a.text.split("\n\n") == [
        "Under the instruction of the Ministry of Economic Affairs & its Industrial Development Bureau, "
        "TJPO forged an alliance with Osaka Prefecture.",
        "MOU was signed on October 3rd.\nOsaka is the 8th member.",
        "Both parties will cooperate.",
        "In biotechnology & electronics.",
    ]
    for junk in ("JUNK", "not text", "color", "Home", "Views", "Copyright", "&amp;", "Contact"):
        assert junk not in a.text, junk


def test_big5_html_page_declaring_its_charset(tmp_path):
    page = tmp_path / "kagoshima.htm"
    page.write_bytes(HTML_PAGE.format(
        charset="big5", title="台日產業合作再傳佳績",
        first="台日產業合作推動辦公室（TJPO）今年2月7日與鹿兒島縣締結合作備忘錄，雙方將在食品、光學、電子等產業合作。"
    ).encode("cp950"))
    a = read_announcement(page)
    assert (a.title, a.encoding, a.language) == ("台日產業合作再傳佳績", "cp950", "zh-Hant")
    assert a.text.startswith("台日產業合作推動辦公室（TJPO）今年2月7日")


def test_html_title_falls_back_to_og_title_then_title(tmp_path):
    page = tmp_path / "p.html"
    page.write_text('<html><head><title>From title | Site</title></head><body>'
                    '<main><p>Body text.</p></main></body></html>', encoding="utf-8")
    assert read_announcement(page).title == "From title"
    page.write_text('<html><head><meta property="og:title" content="From OG"><title>T</title></head>'
                    '<body><p>Body text.</p></body></html>', encoding="utf-8")
    a = read_announcement(page)
    assert (a.title, a.text) == ("From OG", "Body text.")


def test_html_definition_list_dates_and_deep_nesting(tmp_path):
    page = tmp_path / "deep.html"
    page.write_text("<html><body><main><h1>Deep</h1><dl><dt>Published at</dt><dd>2023/12/13</dd>"
                    "<dt>Contact Person:</dt><dd>Ms. Lin</dd></dl>"
                    + "<div>" * 3000 + "Deep text." + "</div>" * 3000 + "</main></body></html>",
                    encoding="utf-8")
    a = read_announcement(page)
    assert (a.title, a.published, a.text) == ("Deep", date(2023, 12, 13), "Deep text.")
    assert a.contact == {"person": "Ms. Lin"}


def test_html_in_a_txt_file_is_parsed_as_html(tmp_path):
    page = tmp_path / "saved.txt"
    page.write_text("<!doctype html><html><body><h1>A title</h1><p>A &lt;body&gt;.</p></body></html>",
                    encoding="utf-8")
    a = read_announcement(page)
    assert (a.title, a.text) == ("A title", "A <body>.")


def test_markdown_with_front_matter(tmp_path):
    md = tmp_path / "kagoshima.md"
    md.write_text(
        "---\n"
        "title: TJPO 與鹿兒島縣簽署 MOU\n"
        "date: 2018-03-07\n"
        "updated: 民國107年3月8日\n"
        "url: https://example.org/kagoshima\n"
        "language: zh-TW\n"
        "---\n\n"
        "# TJPO 與鹿兒島縣簽署 MOU\n\n"
        "**台日產業合作推動辦公室**與[鹿兒島縣](https://www.pref.kagoshima.jp/)簽署*合作備忘錄*。\n\n"
        "## 合作領域\n\n"
        "- 食品、`光學`、電子\n"
        "> 雙方將共同努力。\n\n"
        "![logo](logo.png)\n",
        encoding="utf-8")
    a = read_announcement(md)
    assert a.title == "TJPO 與鹿兒島縣簽署 MOU"
    assert (a.published, a.modified) == (date(2018, 3, 7), date(2018, 3, 8))
    assert (a.url, a.language) == ("https://example.org/kagoshima", "zh-Hant")
    assert a.text.split("\n\n") == [
        "台日產業合作推動辦公室與鹿兒島縣簽署合作備忘錄。",
        "合作領域",
        "- 食品、光學、電子\n雙方將共同努力。",
        "logo",
    ]


def test_markdown_heading_is_the_title(tmp_path):
    md = tmp_path / "wakayama.md"
    md.write_text("# 和歌山県と台湾、覚書締結\n\n掲載日：平成26年2月27日\n\n"
                  "和歌山県は*台湾*の TJPO と覚書を締結した。snake_case_name は残る。\n", encoding="utf-8")
    a = read_announcement(md)
    assert (a.title, a.published, a.language) == ("和歌山県と台湾、覚書締結", date(2014, 2, 27), "ja")
    assert a.text == "和歌山県は台湾の TJPO と覚書を締結した。snake_case_name は残る。"


def test_markdown_with_bad_front_matter_names_the_file(tmp_path):
    md = tmp_path / "bad.md"
    md.write_text("---\ntitle: [unclosed\n---\n\nBody.\n", encoding="utf-8")
    with pytest.raises(SourceError, match=r"bad\.md: its front matter is not valid YAML"):
        read_announcement(md)


def test_plain_text_without_metadata(tmp_path):
    txt = tmp_path / "plain.txt"
    txt.write_text("\n\n  Denso invests in JASM  \nDenso will take a stake in JASM.\nTSMC owns JASM.\n\n\n"
                   "Construction starts in 2022.\n", encoding="utf-8")
    a = read_announcement(txt)
    assert a.title == "Denso invests in JASM"
    assert a.text == "Denso will take a stake in JASM.\nTSMC owns JASM.\n\nConstruction starts in 2022."
    assert (a.published, a.modified, a.url, a.contact) == (None, None, None, {})


def test_chinese_page_furniture(tmp_path):
    page = tmp_path / "zh-page.txt"
    page.write_text(
        "::: 首頁 > 新聞與公告 > 本部新聞\n\n"
        "　經濟部與日本大阪府簽署產業合作備忘錄\n"
        "發布日期：108-10-15\n更新日期：民國109年4月8日\n"
        "資料來源：https://www.moea.gov.tw/news/1\n\n"
        "　　經濟部工業局今日表示，台日產業合作推動辦公室與大阪府簽署合作備忘錄。\n\n"
        "雙方將在生技醫藥等領域合作。\n"
        "發布單位：工業局電子資訊組\n"
        "聯絡人：張先生　聯絡電話：02-2754-1255分機2235\n"
        "瀏覽人次：951\n服務時間：上午8:30~下午5:30\n"
        "經濟部工業局 版權所有 © 2019\n地址：106台北市大安區信義路三段41-3號\n",
        encoding="utf-8")
    a = read_announcement(page)
    assert a.title == "經濟部與日本大阪府簽署產業合作備忘錄"
    assert (a.published, a.modified) == (date(2019, 10, 15), date(2020, 4, 8))
    assert a.url == "https://www.moea.gov.tw/news/1"
    assert a.contact == {"organization": "工業局電子資訊組", "person": "張先生", "phone": "02-2754-1255分機2235"}
    assert a.text == "經濟部工業局今日表示，台日產業合作推動辦公室與大阪府簽署合作備忘錄。\n\n雙方將在生技醫藥等領域合作。"
    assert a.language == "zh-Hant"


def test_japanese_page_furniture(tmp_path):
    page = tmp_path / "ja-page.txt"
    page.write_text(
        "ホーム > 報道発表\n"
        "和歌山県、台湾のTJPOと産業連携覚書を締結\n"
        "掲載日：令和元年１０月１５日\n最終更新日：2020年4月8日\n\n"
        "和歌山県は台湾の台日産業連携推進オフィスと覚書を交わした。\n"
        "県内企業の海外展開を支援する。\n\n"
        "問い合わせ先：商工観光労働部 企業振興課\n担当：藤本\n電話：073-441-2760\n"
        "Copyright © Wakayama Prefecture. All Rights Reserved.\n",
        encoding="utf-8")
    a = read_announcement(page)
    assert a.title == "和歌山県、台湾のTJPOと産業連携覚書を締結"
    assert (a.published, a.modified) == (date(2019, 10, 15), date(2020, 4, 8))
    assert a.contact == {"organization": "商工観光労働部 企業振興課", "person": "藤本", "phone": "073-441-2760"}
    assert a.text == "和歌山県は台湾の台日産業連携推進オフィスと覚書を交わした。\n県内企業の海外展開を支援する。"
    assert a.language == "ja"


@pytest.mark.parametrize("line, published", [
    ("Date: 2023-03-09", date(2023, 3, 9)),
    ("日期：2024年1月19日", date(2024, 1, 19)),
    ("日付：2023年8月28日", date(2023, 8, 28)),
    ("電電公會會訊　第５２７期｜民國110年12月10日出刊", date(2021, 12, 10)),  # a newsletter's masthead
    ("Trade Bulletin Vol. 12 | 2024/03/03", date(2024, 3, 3)),
    ("10/22/2016 03:41 PM", date(2016, 10, 22)),  # a US stamp: the month first
    ("2024-09-05   |   Share  f  in  ✉", date(2024, 9, 5)),  # the stamp among the page's buttons
    ("日刊産業ニュース　2024年（令和６年）７月８日（月曜日）", date(2024, 7, 8)),  # a paper's masthead
])
def test_a_plain_date_line_above_the_title_is_the_publication_date(tmp_path, line, published):
    page = tmp_path / "page.txt"
    page.write_text(f"Home > News\n{line}\nViews: 12\n\nKobe and Tainan sign a pact\n\nKobe signed it.\n",
                    encoding="utf-8")
    a = read_announcement(page)
    assert (a.title, a.published, a.text) == ("Kobe and Tainan sign a pact", published, "Kobe signed it.")


@pytest.mark.parametrize("head, title, published", [
    ("News › Business › Industry\nPublished: 16 September 2022\n\nKobe and Tainan sign a pact",
     "Kobe and Tainan sign a pact", date(2022, 9, 16)),
    ("TAITRA | Newsroom\nDate: 2024/05/23    Category: Press Release\n\nKobe and Tainan sign a pact",
     "Kobe and Tainan sign a pact", date(2024, 5, 23)),
    ("NEWS RELEASE\n2019年10月2日\n\n神戸市と台南市が覚書を締結", "神戸市と台南市が覚書を締結", date(2019, 10, 2)),
    ("報道発表資料\n令和6年（2024年）2月6日\n\n神戸市と台南市が覚書を締結", "神戸市と台南市が覚書を締結", date(2024, 2, 6)),
    ("神戸市と台南市が覚書を締結\n2023年11月21日 午前6時30分", "神戸市と台南市が覚書を締結", date(2023, 11, 21)),
    ("經濟部產業發展署　新聞稿\n發布日期：2024-03-01\n\n臺南市與神戶市簽署備忘錄", "臺南市與神戶市簽署備忘錄", date(2024, 3, 1)),
    ("屏東縣政府全球資訊網　＞　最新消息　＞　縣政新聞\n\n臺南市與神戶市簽署備忘錄", "臺南市與神戶市簽署備忘錄", None),
])
def test_site_lines_above_the_title_are_furniture(tmp_path, head, title, published):
    page = tmp_path / "page.txt"
    page.write_text(f"{head}\n\nThe body.\n", encoding="utf-8")
    a = read_announcement(page)
    assert (a.title, a.published, a.text) == (title, published, "The body.")


def test_a_site_name_above_the_trail_and_a_counter_under_the_heading_lose_no_article(tmp_path):
    page = tmp_path / "city.txt"
    body = "Taoyuan City signed a memorandum of understanding with Tochigi Prefecture. " * 4
    page.write_text("Taoyuan City Government\n::: Home > News > City News\n\nTaoyuan and Tochigi sign an MOU\n\n"
                    f"Publish Date: 2023-05-24\nDepartment: Department of Economic Development\nViews: 1,382\n\n{body}\n\n"
                    "More text.\n", encoding="utf-8")
    a = read_announcement(page)
    assert a.title == "Taoyuan and Tochigi sign an MOU" and a.published == date(2023, 5, 24)
    assert a.text == f"{body.strip()}\n\nMore text."
    assert a.contact.get("organization") == "Department of Economic Development"


def test_a_body_line_that_only_looks_like_a_label_is_kept(tmp_path):
    page = tmp_path / "dates.txt"
    body = ("Date: to be announced.\nDates of the fair: 3-5 May.\nTelecom firms: 40 exhibitors.\nUpdated: the plan was revised.\n"
            "Visits: the delegation met TSMC.\nMobile: phones sold well.\nSource code was shared.")
    page.write_text(f"Trade fair\n\n{body}\n", encoding="utf-8")
    a = read_announcement(page)
    assert (a.text, a.published, a.modified, a.contact) == (body, None, None, {})


def _assert_source_error(path: Path, reason: str) -> None:
    with pytest.raises(SourceError) as caught:
        read_announcement(path)
    message = str(caught.value)
    assert str(path) in message and reason in message and "\n" not in message


def test_bad_inputs_name_the_file_and_the_reason(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    _assert_source_error(empty, "empty")
    blank = tmp_path / "blank.txt"
    blank.write_bytes(b" \r\n\t\n")
    _assert_source_error(blank, "empty")

    rng = random.Random(7)
    binary = tmp_path / "image.txt"
    binary.write_bytes(bytes(rng.randrange(256) for _ in range(2048)) + b"\x00\x00")
    _assert_source_error(binary, "binary")

    mojibake = tmp_path / "unknown.txt"
    mojibake.write_bytes(bytes(rng.randrange(0x80, 0x100) for _ in range(600)))
    _assert_source_error(mojibake, "encoding")

    _assert_source_error(tmp_path / "missing.txt", "does not exist")
    _assert_source_error(tmp_path, "is a directory")

    furniture = tmp_path / "furniture.txt"
    furniture.write_text(
        "::: Home >  News\n\nA title and nothing else\n  • Published at: 2019-10-15 17:49\n"
        "Number of Views: 12\n  • Toll Free: 0800-000-256\nCopyright © 2019 Industrial Development Bureau\n"
        "Best viewed with Edge/Firefox/Chrome\n", encoding="utf-8")
    _assert_source_error(furniture, "no announcement text")


def test_iter_sources_on_a_mixed_directory(tmp_path):
    for name in ("b.md", "a.txt", "c.html", "D.HTM", "e.pdf", "f.json", "sub/g.txt", "sub/deeper/h.md",
                 ".hidden/i.txt", ".j.txt", "k.txt.bak"):
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x", encoding="utf-8")
    (tmp_path / "folder.txt").mkdir()
    found = iter_sources(tmp_path)
    assert [p.relative_to(tmp_path).as_posix() for p in found] == [
        "D.HTM", "a.txt", "b.md", "c.html", "sub/deeper/h.md", "sub/g.txt"]
    assert {p.suffix.lower() for p in found} <= set(SOURCE_SUFFIXES)
    assert iter_sources(tmp_path / "a.txt") == [tmp_path / "a.txt"]
    with pytest.raises(SourceError, match="nowhere: does not exist"):
        iter_sources(tmp_path / "nowhere")


@pytest.mark.parametrize("text,language", [
    ("Osaka Prefecture signed an MOU with TJPO.", "en"),
    ("", "en"),
    ("Keelung Customs Office head Chen Shih-feng (陳世鋒) said the memorandum will help.", "en"),
    ("TSMC與Sony、Denso合資成立JASM", "zh-Hant"),
    ("外貿協會與三重縣商工會議所連合會簽署合作備忘錄", "zh-Hant"),
    ("TJPO與SAKOU TSUKASA、ROKUTAN SHOICHI出席簽約儀式", "zh-Hant"),
    ("和歌山県は覚書を締結した", "ja"),
    ("和歌山県産業振興", "ja"),  # no kana, but Japanese-only character forms
    ("ソニーとデンソー", "ja"),
])
def test_detect_language(text, language):
    assert detect_language(text) == language
