"""Dates in sentences (shape grammar + dateparser), one rule per case, on sentences written for these tests."""

from __future__ import annotations

import pytest

from pipelines.extract.dates import DateContext, date_from_text, date_from_url, find_dates, publication_date


def _first(sentence: str, published: str | None = None, **ctx) -> tuple[str | None, str | None]:
    found = [(d.value, d.precision) for d in find_dates(sentence, DateContext(published=published, **ctx)) if d.value]
    return found[0] if found else (None, None)


@pytest.mark.parametrize("sentence,expected", [
    # a range is its first day or month
    ("The expo ran on October 14-16, 2021 in Wuxi and closed with three signings.", ("2021-10-14", "day")),
    ("From 3 to 5 June 2018, the delegation toured three counties.", ("2018-06-03", "day")),
    ("The summer school, 30 November - 2 December 2019, hosted forty students.", ("2019-11-30", "day")),
    ("The teams met monthly from March to May 2020 to draft the plan.", ("2020-03", "month")),
    ("Visits took place between September and November 2022.", ("2022-09", "month")),
    ("The fund grew from 2016 to 2019.", ("2016", "year")),
    # full dates in their usual shapes
    ("The two sides signed the deal on 12 August 2017 in Hefei.", ("2017-08-12", "day")),
    ("On the 5th of March 2016 the park opened.", ("2016-03-05", "day")),
    ("On June 14th,2018 the college and the county met.", ("2018-06-14", "day")),
    ("The memorandum, dated 2015.06.18, runs for five years.", ("2015-06-18", "day")),
    ("双方于2015年6月18日签约。", ("2015-06-18", "day")),
    ("On Tuesday, May 9, 2017, the board approved it.", ("2017-05-09", "day")),
    # month and year, year after a preposition or in a season
    ("In late March 2021 the lab was unveiled.", ("2021-03", "month")),
    ("Construction started in autumn 2019.", ("2019", "year")),
    ("The centre will open in the first half of 2020.", ("2020", "year")),
    ("The partnership has grown since 2015.", ("2015", "year")),
])
def test_stated_dates(sentence, expected):
    assert _first(sentence) == expected


@pytest.mark.parametrize("sentence,day_first,expected", [
    ("The contract dated 03/04/2019 was renewed.", False, ("2019-03-04", "day")),  # US order by default
    ("The contract dated 03/04/2019 was renewed.", True, ("2019-04-03", "day")),   # a day-first site
    ("The contract dated 25/04/2019 was renewed.", False, ("2019-04-25", "day")),  # 25 can only be a day
    ("The contract dated 31/02/2019 was renewed.", True, (None, None)),            # no such day
])
def test_numeric_dates_follow_the_site_order(sentence, day_first, expected):
    assert _first(sentence, day_first=day_first) == expected


@pytest.mark.parametrize("sentence,published,expected", [
    ("On Aug 27 the two sides met in Kunming.", "2024-08-29", ("2024-08-27", "day")),
    ("The agreement was signed on December 30.", "2021-01-05", ("2020-12-30", "day")),  # the year before
    ("The forum opens on March 3.", "2020-03-01", ("2020-03-03", "day")),  # announced a few days ahead
    ("On the afternoon of 27th February the ceremony began.", "2024-02-29", ("2024-02-27", "day")),
    ("On September 1th, the two sides signed.", "2019-11", ("2019-09-01", "day")),  # a URL's month gives the year
    ("The base was set up in October.", "2016-12-20", ("2016-10", "month")),
    ("On Aug 27 the two sides met in Kunming.", None, (None, None)),  # no year anywhere: null
    ("The base was set up in October.", None, (None, None)),
])
def test_day_or_month_without_year_takes_the_publication_year(sentence, published, expected):
    assert _first(sentence, published) == expected


def test_unplaced_day_is_still_a_date_span():
    [d] = find_dates("On Aug 27 the two sides met.", DateContext())
    assert (d.kind, d.value, d.precision) == ("month_day", None, None)
    assert "On Aug 27 the two sides met."[d.start:d.end] == "Aug 27"


@pytest.mark.parametrize("sentence,published,expected", [
    # convention 7: "recently", "this week", "on Monday", "the other day" -> month
    ("The county recently signed a framework agreement with the university.", "2021-12-25", ("2021-12", "month")),
    ("The university signed three contracts this week.", "2022-03-02", ("2022-03", "month")),
    ("The mayor announced on Monday that the park will expand.", "2023-12-11", ("2023-12", "month")),
    ("The institute opened Friday in the city centre.", "2019-05-06", ("2019-05", "month")),
    ("I met the dean the other day.", "2020-06-15", ("2020-06", "month")),
    # the month of the day pointed to: the weekend before Tuesday 2 July 2019 is 29-30 June
    ("Over the weekend, the college signed with the district.", "2019-07-02", ("2019-06", "month")),
    ("The talks ended last week.", "2019-07-03", ("2019-06", "month")),
    # days
    ("The provincial government yesterday signed a memorandum with the university.", "2019-08-16",
     ("2019-08-15", "day")),
    ("The centre opens today.", "2019-08-16", ("2019-08-16", "day")),
    ("The lab was unveiled two days ago.", "2019-08-16", ("2019-08-14", "day")),
    # months and years
    ("The campus was completed last month.", "2020-01-10", ("2019-12", "month")),
    ("The city invested 5 million yuan last year.", "2019-08-29", ("2018", "year")),
    ("The programme expanded this year.", "2019-08-29", ("2019", "year")),
    ("The platform opened in March last year.", "2019-08-29", ("2018-03", "month")),
    ("The platform opened last March.", "2019-08-29", ("2019-03", "month")),
    ("The platform opened last March.", "2019-02-10", ("2018-03", "month")),
    # never finer than the publication date itself; nothing without one
    ("The provincial government yesterday signed a memorandum.", "2019-07", ("2019-07", "month")),
    ("The county recently signed a framework agreement.", "2019", ("2019", "year")),
    ("The county recently signed a framework agreement.", None, (None, None)),
    ("The provincial government yesterday signed a memorandum.", None, (None, None)),
])
def test_relative_words_at_the_conventions_precision(sentence, published, expected):
    assert _first(sentence, published) == expected


def test_same_day_and_that_year_refer_back():
    ctx = DateContext(published="2020-05-01", last_day="2020-04-28", last_year="2020")
    [d] = find_dates("On the same day, the two parties unveiled a plaque.", ctx)
    assert (d.kind, d.value, d.precision) == ("same_day", "2020-04-28", "day")
    [d] = find_dates("That year the park hosted 40 firms.", ctx)
    assert (d.kind, d.value, d.precision) == ("that_year", "2020", "year")
    [d] = find_dates("On the same day, the two parties unveiled a plaque.", DateContext())
    assert (d.kind, d.value) == ("same_day", None)


def test_a_dateline_is_kept_apart_from_the_event_date():
    sentence = "Lakeside University, June 25, 2019: On June 14, 2019, the signing ceremony was held."
    found = find_dates(sentence, DateContext())
    assert [(d.kind, d.value) for d in found] == [("dateline", "2019-06-25"), ("full", "2019-06-14")]


@pytest.mark.parametrize("sentence", [
    "The county paid 2,019 yuan per student.",
    "A total of 2020 students enrolled in the programme.",
    "The university is ranked in the Top 500 worldwide.",
    "Output rose by 20.19% on the year.",
    "Output rose by 2019 percent.",
    "the Outline (2021-2030) and Expo 2010",
    "Eleven 2011 collaborative innovation centres were set up.",
    "The two sides may sign in the coming weeks.",
    "Research since the 1990s has focused on batteries.",
    "The town has 1998 households.",
])
def test_numbers_that_are_not_dates(sentence):
    assert [d for d in find_dates(sentence, DateContext(published="2021-05-06")) if d.value] == []


def test_mentions_are_in_order_and_do_not_overlap():
    sentence = "Signed on March 3, 2019, renewed in May 2021 and expanded last year."
    found = find_dates(sentence, DateContext(published="2022-04-01"))
    assert [(d.kind, d.value) for d in found] == [("full", "2019-03-03"), ("month_year", "2021-05"),
                                                  ("rel_year", "2021")]
    assert all(a.end <= b.start for a, b in zip(found, found[1:]))


def test_bad_publication_date_is_a_clear_error():
    with pytest.raises(ValueError, match="'2019-13'"):
        find_dates("signed recently", DateContext(published="2019-13"))


@pytest.mark.parametrize("text,url,expected", [
    ("Title\nMar 8, 2020 Li Wenhua\nBody", None, "2020-03-08"),                     # date, then byline
    ("Title\nZhao Ming | 11/03/2020\nBody", "https://news.example.edu.cn/a.htm", "2020-11-03"),  # US order
    ("Title\nZhao Ming | 11/03/2020\nBody", "https://www.example.ac.uk/news/a", "2020-03-11"),   # UK order
    ("Title\nSource: Campus News | 2022-04-05 | Views: 88\nBody", None, "2022-04-05"),
    ("Title\nOffice of Communications 2023-03-09 457\nBody", None, "2023-03-09"),   # byline, date, counter
])
def test_publication_date_from_bylines(text, url, expected):
    assert date_from_text(text, url) == expected
    assert publication_date(text, url, None) == expected


def test_publication_date_from_an_id_in_the_url():
    assert date_from_url("https://news.example.com/post.php?story=20190412083015123") == "2019-04-12"
    assert date_from_url("https://news.example.com/post.php?story=20191312083015123") is None  # month 13


def test_a_newspaper_named_today_is_no_date():
    assert _first("A subscription to Lakeside Today costs little.", "2021-05-06") == (None, None)
    assert _first("Today the two sides signed.", "2021-05-06") == ("2021-05-06", "day")


def test_day_month_and_two_digit_year_reads_the_day_month():
    assert _first("Date - 06:09 PM, Thu - 6 October 22", "2022-10-06") == ("2022-10-06", "day")
