"""Date values from metadata and visible date lines: the stated precision, never an invented day."""

from __future__ import annotations

import pytest

from pipelines.parse.dates import date_from_line, normalise_date


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
        # not date lines
        ("2021-01-19 the city signed a deal with the university", None),
        ("In 2021-01-19 the city signed", None),
        ("Oct. 2018", None),
        ("January 19, 2021, the city and the university signed a deal", None),
        ("2019", None),
        ("Updated: soon", None),
        ("Published: " + "x" * 200 + " 2021-01-19", None),
    ],
)
def test_date_from_line(line, expected):
    assert date_from_line(line) == expected
