"""Dates written in English, Chinese and Japanese announcements, as ISO 8601 strings.

A date without a year takes the publication year (the year before when that would put it
after publication, unless its sentence speaks of the future: "will hold on March 12");
a day alone in news style ("高雄市は7日、") is that day of the publication's month; ROC years (民國101年, 101年) and Japanese eras (平成24年, 令和6年) are
converted; relative dates (yesterday, 昨日, 今年, 去年, 今（2018）年, 本月) count from the
publication date. Without a publication date a day and month stay yearless ("--07-17",
xsd:gMonthDay) and relative dates are dropped.

Examples
--------
>>> from datetime import date
>>> [d.iso for d in find_dates("signed on October 3rd", date(2019, 10, 15))]
['2019-10-03']
>>> [d.iso for d in find_dates("平成24年3月に設けた", None)]
['2012-03']
>>> [d.iso for d in find_dates("今（2018）年2月7日再與鹿兒島縣締結MOU", None)]
['2018-02-07']
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

__all__ = ["DateMention", "find_dates", "to_iso", "ERAS"]

ERAS = {"明治": 1867, "大正": 1911, "昭和": 1925, "平成": 1988, "令和": 2018, "民國": 1911, "民国": 1911}

_MONTHS = {m: i for i, ms in enumerate((
    ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
    ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sept", "sep"),
    ("october", "oct"), ("november", "nov"), ("december", "dec")), start=1) for m in ms}
_WEEKDAYS = {d: i for i, d in enumerate(("monday", "tuesday", "wednesday", "thursday", "friday",
                                         "saturday", "sunday"))}
_MONTH_RE = "|".join(sorted(_MONTHS, key=len, reverse=True))
_DAY = r"(?P<d>[0-3]?\d)(?:st|nd|rd|th)?"
_ZDIGIT = str.maketrans("０１２３４５６７８９", "0123456789")
_LOWER = {**_ZDIGIT, **{c: c + 32 for c in range(ord("A"), ord("Z") + 1)}}
_CJK_NUM = {"元": 1, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}

# matched against a folded copy of the text (same length: ASCII lower case, full-width digits)
_PATTERNS = tuple((kind, re.compile(rx)) for kind, rx in (
    ("iso", r"(?<!\d)(?P<y>(?:19|20)\d\d)[-/.](?P<m>[01]?\d)[-/.](?P<d>[0-3]?\d)(?!\d)"),
    # "113/04/12", "113-04-12": a ROC year (民國), as Taiwanese filings and releases write dates
    ("roc", r"(?<![\d/.-])(?P<y>1[0-4]\d)[/.-](?P<m>1[0-2]|0?[1-9])[/.-](?P<d>3[01]|[12]\d|0?[1-9])(?![\d/.-])"),
    ("iso_month", r"(?<![\d/.-])(?P<y>(?:19|20)\d\d)[-/.](?P<m>1[0-2]|0?[1-9])(?![\d/.-])"),  # "2015-04" in a table
    ("cjk", r"(?=[0-9明大昭平令民今去昨前本来來上先下])(?:(?P<era>明治|大正|昭和|平成|令和|民國|民国)\s*(?P<ey>元|\d{1,3})\s*年"
            r"(?:\s*[（(]\s*\d{4}\s*年?\s*[)）])?|"  # "平成31年（2019年）4月"
            r"(?P<rel>今|去|昨|前|明|本)\s*[（(]\s*(?P<ry>\d{4})\s*[)）]\s*年|"
            r"(?P<y>\d{2,4})\s*年|(?P<ryw>今年|去年|昨年|前年|明年|来年|來年|本年))?\s*"
            r"(?:(?P<m>1[0-2]|0?[1-9])\s*月|(?P<rm>本月|今月|上月|先月|下月|來月|来月))?\s*"
            r"(?:(?P<d>3[01]|[12]\d|0?[1-9])\s*[日号號])?"),
    ("en_mdy", rf"\b(?P<mn>{_MONTH_RE})\.?\s+{_DAY}\b(?:,?\s+(?P<y>(?:19|20)\d\d)\b)?"),
    ("en_dmy", rf"\b{_DAY}\s+(?:of\s+)?(?P<mn>{_MONTH_RE})\.?(?:,?\s+(?P<y>(?:19|20)\d\d)\b)?"),
    ("en_my", rf"\b(?P<mn>{_MONTH_RE})\.?,?\s+(?P<y>(?:19|20)\d\d)\b"),
    ("en_rel", r"\b(?P<w>yesterday|today|this morning|this afternoon|this evening|this year|last year|next year|this month|"
               r"last month)\b"),
    # "In 2018 the bureau signed", "since 2014": a year alone after a preposition of time
    ("en_y", r"\b(?:in|since|back\s+in|from|until)\s+(?P<y>(?:19|20)\d\d)\b(?![-/.]\d|\s*(?:%|percent|yen|units|people))"),
    ("en_wd", r"\b(?:on|last|this\s+past|past)\s+(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b"),
    # "signed on the 19th": a day of the publication's month, as news style writes it
    ("en_day", r"\bon\s+the\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)\b(?!\s+(?:of|floor|anniversary|century|day|time|edition))"),
    ("ja_rel", r"(?P<w>昨日|昨天|本日|今日|今天|前日)"),
    ("cjk_rel_day", r"(?P<w>昨|今|前|本|明)\s*[（(]\s*(?P<d>[0-3]?\d)\s*[)）]\s*[日号號]"),
    # "本（3）月19日": this month, its number in brackets
    ("cjk_rel_month", r"(?P<w>本|今)\s*[（(]\s*(?P<m>1[0-2]|0?[1-9])\s*[)）]\s*月\s*(?:(?P<d>3[01]|[12]\d|0?[1-9])\s*[日号號])?"),
    # "上週四（11/14）", "last Thursday (11/14)": a month and day in brackets after a weekday
    ("md_bracket", r"[（(]\s*(?P<m>1[0-2]|0?[1-9])\s*/\s*(?P<d>3[01]|[12]\d|0?[1-9])\s*[)）]"),
))


_NEWS_DAY = re.compile(r"\s*[、，,]")
_BEFORE_DAY = frozenset("はが、，於在\u3000\n")  # (a paragraph that starts with its day: "　13日、")
_CJK_CHAR = re.compile("[\u3040-\u30ff\u3400-\u9fff]")
_CJK_KINDS = frozenset({"cjk", "ja_rel", "cjk_rel_day", "cjk_rel_month", "roc"})


# "貿協12日在台北簽署", "昇陽精材4日宣布", "同社は15日発表した": a bare day right after the body
# that acts and right before the place or the verb of a news report
_DAY_VERB_AFTER = re.compile(r"\s*(?:在|於|于|與|与|和|赴|前往|宣布|宣佈|表示|指出|發布|發佈|公布|發表|舉行|舉辦|召開|簽署|簽訂|簽定|"
                             r"締結|出席|拜會|訪問|に|と|発表|公表|開催|調印|署名|付で)")
_DAY_NOT_AFTER = frozenset("0123456789第每至到~〜～－-、，,月年")


def _news_day_verb(text: str, start: int, end: int) -> bool:
    """Whether the bare day at ``text[start:end]`` ("12日") is a news report's day: a Chinese
    or Japanese character before it (not a digit, 第, 至, a list comma) and a place
    preposition or a reporting verb after it.

    >>> t = "貿協12日在台北簽署；第3日在；至15日舉行"
    >>> [_news_day_verb(t, a, a + 3) for a in (2, 12, 17)]
    [True, False, False]
    """
    before = text[start - 1:start]
    if not before or before in _DAY_NOT_AFTER or not _CJK_CHAR.match(before) and before not in "）)」』\u3000\n":
        return False
    weekday = _WEEKDAY_NOTE.match(text, end)  # "17日（星期三）在縣府簽署", "15日（水）に発表"
    return _DAY_VERB_AFTER.match(text, weekday.end() if weekday else end) is not None


_WEEKDAY_NOTE = re.compile(r"\s*[（(]\s*(?:星期|週|周|禮拜)?[一二三四五六日天月火水木金土](?:曜日?)?\s*[)）]")


@dataclass(frozen=True)
class DateMention:
    """A date found in a text: its span, the ISO string and its precision ("day", "month", "year")."""

    start: int
    end: int
    iso: str
    precision: str


def to_iso(year: int | None, month: int | None = None, day: int | None = None) -> str | None:
    """ISO 8601 for a full or partial date; a yearless day is written "--MM-DD".

    >>> to_iso(2019, 10, 3), to_iso(2012, 3), to_iso(None, 7, 17), to_iso(None, None, 3)
    ('2019-10-03', '2012-03', '--07-17', '---03')
    """
    if year is None:
        if month and day:
            return f"--{month:02d}-{day:02d}"
        return f"---{day:02d}" if day else None
    try:
        if day and month:
            return date(year, month, day).isoformat()
    except ValueError:
        return None
    if month:
        return f"{year:04d}-{month:02d}"
    return f"{year:04d}"


_FUTURE = re.compile(r"\b(?:will|shall|to be held|is scheduled|are scheduled|plans? to|next)\b|將|预计|預計|計畫|計劃|即將|擬|予定|見込み|する[。、]|を開く|開催する",
                     re.IGNORECASE)


def _infer_year(month: int, day: int | None, published: date | None, future: bool = False) -> int | None:
    if published is None:
        return None
    year = published.year
    try:
        if date(year, month, day or 1) > published and not future:
            year -= 1
    except ValueError:
        return None
    return year


def _year_of(m: re.Match, published: date | None) -> tuple[int | None, bool]:
    """The explicit or relative year of a CJK date match; the flag says whether one was written."""
    g = m.groupdict()
    if g.get("era"):
        n = 1 if g["ey"] == "元" else int(g["ey"])
        return ERAS[g["era"]] + n, True
    if g.get("ry"):
        return int(g["ry"]), True
    if g.get("y"):
        y = int(g["y"])
        if y < 1000:
            return (y + 1911 if 1 <= y <= 150 else None), y <= 150
        return (y if 1900 <= y <= 2100 else None), 1900 <= y <= 2100
    if g.get("ryw"):
        if published is None:
            return None, True
        off = {"今年": 0, "本年": 0, "去年": -1, "昨年": -1, "前年": -2, "明年": 1, "来年": 1, "來年": 1}
        return published.year + off[g["ryw"]], True
    return None, False


def _future_at(text: str, start: int, end: int) -> bool:
    """Whether the sentence around a date speaks of the future ("will hold on March 12",
    "3月12日に開催する"): a yearless date there is not rolled back a year."""
    a = max(text.rfind(c, 0, start) for c in ".。!?！？\n")
    b = min((i for i in (text.find(c, end) for c in ".。!?！？\n") if i >= 0), default=len(text))
    return bool(_FUTURE.search(text, a + 1, b + 1))


def _cjk(m: re.Match, published: date | None, future: bool = False) -> tuple[str, str] | None:
    g = m.groupdict()
    year, has_year = _year_of(m, published)
    month = int(g["m"]) if g.get("m") else None
    day = int(g["d"]) if g.get("d") else None
    if g.get("rm"):
        if published is None:
            month = None
            if day is None:
                return None
        else:
            off = 0 if g["rm"] in ("本月", "今月") else (-1 if g["rm"] in ("上月", "先月") else 1)
            y, mo = divmod(published.year * 12 + published.month - 1 + off, 12)
            year, month, has_year = y, mo + 1, True
    if has_year and year is None:
        return None
    if g.get("y") and len(g["y"]) < 4 and month is None:
        return None  # "30年" alone is a duration more often than an ROC year
    if not has_year and month is None:
        return None  # a bare "3日" is too weak alone
    if not has_year:
        year = _infer_year(month, day, published, future)
    if year is None and month is None and day is None:
        return None
    iso = to_iso(year, month, day)
    if iso is None:
        return None
    return iso, ("day" if day else "month" if month else "year")


def _english(kind: str, m: re.Match, published: date | None, future: bool = False) -> tuple[str, str] | None:
    g = m.groupdict()
    if kind == "en_rel":
        if published is None:
            return None
        w = g["w"].lower()
        if w in ("yesterday", "today") or w in ("this morning", "this afternoon", "this evening"):
            return (published - timedelta(days=1 if w == "yesterday" else 0)).isoformat(), "day"
        if w.endswith("month"):
            y, mo = divmod(published.year * 12 + published.month - 1 - (w == "last month"), 12)
            return to_iso(y, mo + 1), "month"
        return to_iso(published.year + {"this": 0, "last": -1, "next": 1}[w.split()[0]]), "year"
    if kind == "en_y":
        return to_iso(int(g["y"])), "year"
    if kind == "en_wd":
        if published is None:
            return None
        back = (published.weekday() - _WEEKDAYS[g["wd"].lower()]) % 7
        return (published - timedelta(days=back)).isoformat(), "day"
    month = _MONTHS[g["mn"].lower()]
    day = int(g["d"]) if g.get("d") else None
    if day is not None and not 1 <= day <= 31:
        return None
    year = int(g["y"]) if g.get("y") else _infer_year(month, day, published, future)
    iso = to_iso(year, month, day)
    return (iso, "day" if day else "month") if iso else None


def _day_in(month: str | None, day: int, published: date | None) -> tuple[str, str] | None:
    """Day ``day`` of ``month`` ("2023-11"), unless that is no day or after the publication."""
    if month is None:
        return None
    try:
        d = date(int(month[:4]), int(month[5:7]), day)
    except ValueError:
        return None
    return (d.isoformat(), "day") if published is None or d <= published else None


def _day_of_month(day: int, published: date | None) -> tuple[str, str] | None:
    """"昨（18）日": the 18th of the publication's month, or of the month before when the
    18th is later than the publication day."""
    if published is None or not 1 <= day <= 31:
        return None
    y, mo = published.year, published.month
    if day > published.day:
        y, mo = divmod(y * 12 + mo - 2, 12)
        mo += 1
    iso = to_iso(y, mo, day)
    return (iso, "day") if iso else None


def find_dates(text: str, published: date | None = None) -> list[DateMention]:
    """Every date in ``text``, left to right, without overlaps (the longest wins).

    >>> from datetime import date
    >>> pub = date(2018, 3, 7)
    >>> [d.iso for d in find_dates("民國101年3月5日；去年；本月3日；昨日；平成31年（2019年）4月", pub)]
    ['2012-03-05', '2017', '2018-03-03', '2018-03-06', '2019-04']
    >>> [d.iso for d in find_dates("On December 28 and on July 17; signed on the 5th", pub)]
    ['2017-12-28', '2017-07-17', '2018-03-05']
    >>> [d.iso for d in find_dates("事實發生日：113/04/12", None)]
    ['2024-04-12']
    >>> [d.iso for d in find_dates("On July 17, 2019; in 2018; 2015-04", None)]
    ['2019-07-17', '2018', '2015-04']
    >>> [d.iso for d in find_dates("It will open on March 12.", date(2014, 2, 27))]  # not rolled back
    ['2014-03-12']
    >>> [d.iso for d in find_dates("長崎県と高雄市は7日、覚書を交わした", date(2023, 3, 9))]
    ['2023-03-07']
    >>> [d.iso for d in find_dates("11月13日から訪台した。\u300015日には覚書を締結した", date(2023, 12, 15))]
    ['2023-11-13', '2023-11-15']
    >>> [d.iso for d in find_dates("昨（18）日宣布；今（2）日", date(2024, 1, 19))]
    ['2024-01-18', '2024-01-02']
    """
    text = text.translate(_LOWER)
    found: list[DateMention] = []
    cjk = _CJK_CHAR.search(text) is not None
    for kind, rx in _PATTERNS:
        if not cjk and kind in _CJK_KINDS:
            continue  # no Chinese or Japanese date without a Chinese or Japanese character
        told: str | None = None  # the month of the last full date told before ("11月13日から…15日には")
        for m in rx.finditer(text):
            if m.end() == m.start():
                continue
            if kind == "cjk":
                got = _cjk(m, published, published is not None and _future_at(text, m.start(), m.end()))
                if got is None and m["d"] and not (m["m"] or m["y"] or m["era"] or m["rm"] or m["ryw"] or m["ry"]) \
                        and (_NEWS_DAY.match(text, m.end()) and text[m.start() - 1:m.start()] in _BEFORE_DAY
                             or _news_day_verb(text, m.start(), m.end())):
                    got = _day_in(told, int(m["d"]), published) or _day_of_month(int(m["d"]), published)
                    # "高雄市は7日、": the 7th of the month told last, else of this month
                elif got is not None and m["m"] and got[1] == "day" and not got[0].startswith("--"):
                    told = got[0][:7]
            elif kind == "ja_rel":
                if published is None:
                    continue
                w = m.group("w")
                back = 1 if w in ("昨日", "昨天", "前日") else 0
                got = (published - timedelta(days=back)).isoformat(), "day"
            elif kind == "cjk_rel_day":
                got = _day_of_month(int(m["d"]), published)
            elif kind == "cjk_rel_month":
                month, day = int(m["m"]), int(m["d"]) if m["d"] else None
                iso = to_iso(published.year, month, day) if published else to_iso(None, month, day)
                got = (iso, "day" if day else "month") if iso else None
            elif kind == "md_bracket":
                month, day = int(m["m"]), int(m["d"])
                try:
                    date(2000, month, day)  # a day some year has
                    iso = to_iso(_infer_year(month, day, published), month, day)
                except ValueError:
                    iso = None
                got = (iso, "day") if iso else None
            elif kind == "en_day":
                got = _day_of_month(int(m["d"]), published)
            elif kind == "iso_month":
                got = to_iso(int(m["y"]), int(m["m"])), "month"
            elif kind == "roc":
                try:
                    got = date(int(m["y"]) + 1911, int(m["m"]), int(m["d"])).isoformat(), "day"
                except ValueError:
                    got = None
            elif kind == "iso":
                try:
                    got = date(int(m["y"]), int(m["m"]), int(m["d"])).isoformat(), "day"
                except ValueError:
                    got = None
            else:
                got = _english(kind, m, published, published is not None and kind in ("en_mdy", "en_dmy")
                               and _future_at(text, m.start(), m.end()))
            if got:
                s, e = m.start(), m.end()
                while e > s and text[e - 1].isspace():
                    e -= 1
                found.append(DateMention(s, e, got[0], got[1]))
    found.sort(key=lambda d: (d.start, -(d.end - d.start)))
    out: list[DateMention] = []
    for d in found:
        if out and d.start < out[-1].end:
            continue
        out.append(d)
    return out
