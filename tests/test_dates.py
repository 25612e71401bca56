"""Dates in English, Chinese and Japanese, as ISO strings."""
from datetime import date

import pytest

from graph.dates import find_dates, to_iso


def iso(text, published=None):
    return [d.iso for d in find_dates(text, published)]


@pytest.mark.parametrize("text,pub,want", [
    ("signed on October 3rd", date(2019, 10, 15), ["2019-10-03"]),
    ("signed on December 28", date(2020, 1, 5), ["2019-12-28"]),  # would be after publication
    ("On December 4, 2017, the mayor", None, ["2017-12-04"]),
    ("set up in December 1972", None, ["1972-12"]),
    ("on 3 March 2021", None, ["2021-03-05"][:0] or ["2021-03-03"]),
    ("published 2019/10/15", None, ["2019-10-15"]),
    ("2018年2月7日", None, ["2018-02-07"]),
    ("今（2018）年2月7日再與鹿兒島縣締結", date(2018, 3, 7), ["2018-02-07"]),
    ("民國101年3月5日", None, ["2012-03-05"]),
    ("101年3月", None, ["2012-03"]),
    ("平成24年3月に設けた", None, ["2012-03"]),
    ("令和6年", None, ["2024"]),
    ("昭和47年9月", None, ["1972-09"]),
    ("平成元年", None, ["1989"]),
    ("和歌山県は2月27日、", date(2014, 2, 27), ["2014-02-27"]),
    ("本月3日", date(2018, 3, 7), ["2018-03-03"]),
    ("去年", date(2018, 3, 7), ["2017"]),
    ("今年11月", date(2018, 3, 7), ["2018-11"]),
    ("昨日", date(2018, 3, 7), ["2018-03-06"]),
    ("yesterday", date(2018, 3, 7), ["2018-03-06"]),
    ("last year", date(2018, 3, 7), ["2017"]),
    ("２０１８年２月７日", None, ["2018-02-07"]),
    ("高山市17日（星期三）在縣府簽署", date(2023, 5, 18), ["2023-05-17"]),  # a day with its weekday
    ("同社は15日（水）に発表した", date(2023, 11, 20), ["2023-11-15"]),
])
def test_forms(text, pub, want):
    assert iso(text, pub) == want


def test_no_publication_date_keeps_day_and_month_without_a_year():
    assert iso("On July 17, the company signed") == ["--07-17"]
    assert iso("去年", None) == []


def test_durations_are_not_roc_years():
    assert iso("過去30年來") == []


def test_to_iso_rejects_impossible_days():
    assert to_iso(2019, 2, 30) is None


def test_spans_point_into_the_text():
    text = "The MOU was signed on May 17 in Taipei."
    d = find_dates(text, date(2017, 5, 19))[0]
    assert text[d.start:d.end] == "May 17" and d.precision == "day"


def test_future_events_keep_the_publication_year():
    assert iso("県は3月12日に交流会を開催する。", date(2014, 2, 27)) == ["2014-03-12"]
    assert iso("The fair will open on March 12.", date(2014, 2, 27)) == ["2014-03-12"]
    assert iso("It opened on March 12.", date(2014, 2, 27)) == ["2013-03-12"]


def test_yesterday_with_the_day_in_brackets():
    assert iso("昨（18）日宣布", date(2024, 1, 19)) == ["2024-01-18"]
    assert iso("今（28）日", date(2024, 2, 3)) == ["2024-01-28"]


def test_this_past_weekday_is_the_last_one_before_publication():
    found = find_dates("This past Friday, the two signed a research agreement.", date(2026, 3, 18))
    assert [(d.iso, d.precision) for d in found] == [("2026-03-13", "day")]
