"""Date values from metadata and visible date lines: the stated precision, never an invented day."""

from __future__ import annotations

import pytest

from pipelines.parse.dates import date_from_line, day_first_for_url, normalise_date


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2021-01-19T10:32:00+08:00", "2021-01-19"),
        ("2019.08.29", "2019-08-29"),
        ("2019/8/9", "2019-08-09"),
        ("2021年1月19日", "2021-01-19"),
        ("2021年1月", "2021-01"),
        ("2021-01", "2021-01"),
        ("2021", "2021"),
        ("20210119", "2021-01-19"),
        ("January 19, 2021", "2021-01-19"),
        ("19 Jan 2021", "2021-01-19"),
        ("Sept. 2018", "2018-09"),
        ("Tue, 19 Jan 2021 10:32:00 +0800", "2021-01-19"),
        ("2021-02-30", None),
        ("2021-13-01", None),
        ("", None),
        (None, None),
        ("soon", None),
    ],
)
def test_normalise_date(value, expected):
    assert normalise_date(value) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Updated:2019.08.29", "2019-08-29"),
        ("Published: 2021-01-19", "2021-01-19"),
        ("2021-01-19 10:32", "2021-01-19"),
        ("2021-01-19 10:32 | Source: Xinhua", "2021-01-19"),
        ("chinadaily.com.cn | Updated: 2021-01-19 10:32", "2021-01-19"),
        ("Source: City News  Date: 2020/3/5", "2020-03-05"),
        ("发布时间：2020-03-05 10:00:00", "2020-03-05"),
        ("Updated: January 5, 2020", "2020-01-05"),
        ("By Zhang San | 2021-01-19", "2021-01-19"),
        ("January 19, 2021", "2021-01-19"),
        ("Tuesday, January 19, 2021 10:32 am", "2021-01-19"),
        ("Release time: 2021-01-19 Views: 120", "2021-01-19"),
        ("时间：2021-01-19 来源：新闻网 作者：张三", "2021-01-19"),
        ("2021年01月19日 10:32 来源：人民网", "2021-01-19"),
        ("Last updated: 2019-08", "2019-08"),
        # bylines beside the date, and the shapes sites print
        ("Mar 8, 2020 Li Wenhua", "2020-03-08"),
        ("Zhao Ming | 11/23/2020", "2020-11-23"),
        ("Zhao Ming | 11/03/2020", "2020-11-03"),  # month first unless the site is day-first
        ("Date: March 02, 2022", "2022-03-02"),
        ("Updated: 2020.05.06", "2020-05-06"),
        ("Wed, Jun 8 2016 09:15 times", "2016-06-08"),
        ("Source: Campus News | 2022-04-05 | Views: 88", "2022-04-05"),
        ("Campus Daily |  release time:May 9th,2017", "2017-05-09"),
        ("SEP . 3 2018", "2018-09-03"),
        ("Published 4 Oct, 2023", "2023-10-04"),
        ("Published on 06 Sep 2024", "2024-09-06"),
        ("Office of Communications 2023-03-09 457", "2023-03-09"),
        ("By 李华Viewed 12 2021-10-08", "2021-10-08"),
        ("2020-11-08  []", "2020-11-08"),
        (" date 2022-01-05 BEIJING - The university and the city opened a joint laboratory for batteries, "
         "the third such laboratory in the district, officials said.", "2022-01-05"),
        # not date lines
        ("2021-01-19 the city signed a deal with the university", None),
        ("In 2021-01-19 the city signed", None),
        ("Oct. 2018", None),
        ("January 19, 2021, the city and the university signed a deal", None),
        ("2019", None),
        ("Updated: soon", None),
        ("The ceremony was held on 2021-01-19", None),
        ("Nov 19, 2018 the two sides signed a deal", None),
        ("the delegation arrived | 2021-01-19 and signed", None),
        ("Zhao Ming | 02/30/2020", None),
        ("Published: " + "x" * 200 + " 2021-01-19", None),
    ],
)
def test_date_from_line(line, expected):
    assert date_from_line(line) == expected


@pytest.mark.parametrize(
    ("line", "day_first", "expected"),
    [
        ("Zhao Ming | 11/03/2020", True, "2020-03-11"),
        ("Zhao Ming | 11/03/2020", False, "2020-11-03"),
        ("Zhao Ming | 23/11/2020", False, "2020-11-23"),  # 23 can only be the day
        ("Zhao Ming | 11/23/2020", True, "2020-11-23"),
    ],
)
def test_numeric_day_and_month_in_the_sites_order(line, day_first, expected):
    assert date_from_line(line, day_first=day_first) == expected


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://www.example.ac.uk/news/item", True),
        ("http://news.example.edu.au/x", True),
        ("https://www.example.ac.za:8443/a", True),
        ("https://example.in/", True),
        ("https://www.example.com/news", False),
        ("https://en.example.edu.cn/info/1.htm", False),
        ("https://www.example.edu/news", False),
        (None, False),
    ],
)
def test_day_first_by_site(url, expected):
    assert day_first_for_url(url) is expected


def test_dotted_dates_datelines_without_a_place_and_times_after_an_at_sign():
    from pipelines.parse.dates import date_from_line
    assert date_from_line("05.02.2025", day_first=False) == "2025-02-05"  # dots write the day first
    assert date_from_line("07/02/2019", day_first=False) == "2019-07-02"  # slashes follow the site
    assert date_from_line("OCTOBER 8, 2024 — Orion University and the City of Kaveri have entered into an "
                          "interlocal agreement to expand the region's cyber workforce pipeline.") == "2024-10-08"
    assert date_from_line("By Mohd Farhaan Shah - August 22, 2024 @ 7:41pm") == "2024-08-22"
    assert date_from_line("In 2024 - a year of growth - Orion University signed twelve agreements with cities "
                          "across the region and beyond, more than in any year before.") is None


def test_last_month_name_at_the_start_of_a_sentence():
    from pipelines.extract.dates import DateContext, find_dates

    got = [(d.value, d.precision) for d in find_dates("Last October, the city signed agreements.",
                                                      DateContext(published="2024-03-20"))]
    assert got == [("2023-10", "month")]


def test_on_the_nth_is_a_day_of_the_pages_month():
    from pipelines.extract.dates import DateContext, find_dates

    def got(text):
        return [(d.value, d.precision) for d in find_dates(text, DateContext(published="2025-04-18"))]

    assert got("The province signed a business agreement on the 16th.") == [("2025-04-16", "day")]
    assert got("On the 28th, the two sides signed.") == [("2025-03-28", "day")]  # after the page's day: last month's
    assert got("The lab is on the 3rd floor.") == []


def test_a_dateline_with_its_date_in_brackets():
    assert date_from_line("FRANKFORT, Ky. (May 9, 2025) \u2013 The Kentucky Cabinet for Economic Development and "
                          "the University of Kentucky signed a memorandum on Thursday.") == "2025-05-09"
    # (a place and an agency in brackets, no date: nothing)
    assert date_from_line("RICHMOND, Va. (WRIC) \u2013 The university signed a memorandum.") is None
