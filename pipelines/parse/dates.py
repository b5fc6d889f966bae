"""Publication dates as a page's own metadata states them, at the precision stated.

``normalise_date`` turns a metadata value ("2021-01-19T10:32:00+08:00",
"2019.08.29", "2021年1月19日", "January 19, 2021", "2021-01") into
``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; it never adds a day or month the
value does not have. ``date_from_line`` reads a short visible date line
("Updated:2019.08.29", "Published: 2021-01-19", "2021-01-19 10:32").
"""

from __future__ import annotations

import datetime as dt
import re
from email.utils import parsedate_to_datetime

_MONTHS = {
    name: i
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<mon>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"

# Numeric year-first dates; separators - / . or 年 月 日; a time may follow.
_YMD = re.compile(
    r"(?<!\d)(?P<y>(?:19|20)\d{2})\s*(?:[-/.]|年)\s*(?P<m>\d{1,2})(?!\d)"
    r"(?:\s*(?:[-/.]|月)\s*(?P<d>\d{1,2})(?!\d)\s*日?|\s*月)?"
)
_YMD_COMPACT = re.compile(r"^(?P<y>(?:19|20)\d{2})(?P<m>\d{2})(?P<d>\d{2})(?:\d{4,6})?$")
_MDY = re.compile(r"\b" + _MONTH + r"\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>(?:19|20)\d{2})\b", re.I)
_DMY = re.compile(r"\b(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r",?\s+(?P<y>(?:19|20)\d{2})\b", re.I)
_MY = re.compile(r"\b" + _MONTH + r",?\s+(?P<y>(?:19|20)\d{2})\b", re.I)
_YEAR = re.compile(r"^\s*(?P<y>(?:19|20)\d{2})\s*$")


def _build(year: str, month: str | int | None = None, day: str | int | None = None) -> str | None:
    y = int(year)
    if month is None:
        return f"{y:04d}"
    m = int(month)
    if not 1 <= m <= 12:
        return None
    if day is None:
        return f"{y:04d}-{m:02d}"
    try:
        return dt.date(y, m, int(day)).isoformat()
    except ValueError:
        return None


def normalise_date(value: str | None) -> str | None:
    """A date value from metadata as YYYY, YYYY-MM or YYYY-MM-DD; None if unreadable."""
    if not value:
        return None
    value = value.strip()
    if not value:
        return None
    if m := _YMD_COMPACT.match(value):
        return _build(m["y"], m["m"], m["d"])
    if m := _YMD.search(value):
        return _build(m["y"], m["m"], m["d"])
    for pattern in (_MDY, _DMY):
        if m := pattern.search(value):
            return _build(m["y"], _MONTHS[m["mon"].lower()], m["d"])
    if m := _MY.search(value):
        return _build(m["y"], _MONTHS[m["mon"].lower()])
    if m := _YEAR.match(value):
        return _build(m["y"])
    try:  # RFC 2822, e.g. "Tue, 19 Jan 2021 10:32:00 +0800"
        return parsedate_to_datetime(value).date().isoformat()
    except (TypeError, ValueError, IndexError):
        return None


_LABEL = re.compile(
    r"(?:^|(?<=[\s(（\[]))"
    r"(?:(?:last\s+)?updated(?:\s+on)?|update\s+time|published(?:\s+on)?|publish(?:ed)?\s+(?:date|time)|"
    r"date\s+published|posted(?:\s+on)?|post\s+time|release\s+(?:date|time)|released(?:\s+on)?|issued(?:\s+on)?|"
    r"pubdate|date|time|发布时间|发布日期|发表时间|发布于|更新时间|日期|时间)"
    r"\s*[:：]?\s*",
    re.I,
)
_WEEKDAY = re.compile(r"^(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|mon|tue|wed|thu|fri|sat|sun)\.?,?\s+", re.I)
# After a bare date: an optional time, then nothing, or a separator / source label and the rest.
_TIME_TAIL = re.compile(
    r"^,?\s*(?:\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?)?\s*"
    r"(?:$|[|｜丨/·]|(?:source|来源|author|作者|by|editor|编辑|责任编辑|views?|times|浏览|点击)\b\s*[:：]?)",
    re.I,
)
_SEGMENTS = re.compile(r"\s*[|｜丨]\s*")
MAX_DATE_LINE = 120


def _date_at_start(text: str) -> re.Match[str] | None:
    return _YMD.match(text) or _MDY.match(text) or _DMY.match(text)


def date_from_line(line: str) -> str | None:
    """A date from a short visible date line near a title, or None.

    The line is cut at "|" separators; a part counts when it is a labelled
    date ("Updated:2019.08.29", "Published: 2021-01-19", "发布时间：2020-03-05")
    or starts with a full date followed by nothing but a time, a separator or
    a source/author label ("2021-01-19 10:32", "January 19, 2021",
    "2021-01-19 10:32 Source: Xinhua"). Free text is not read.
    """
    line = " ".join(line.split())
    if not line or len(line) > MAX_DATE_LINE:
        return None
    for segment in _SEGMENTS.split(line):
        for label in _LABEL.finditer(segment):
            if found := _date_at_start(segment[label.end() :]):
                return normalise_date(found.group(0))
        bare = _WEEKDAY.sub("", segment)
        found = _date_at_start(bare)
        if found and found.groupdict().get("d") and _TIME_TAIL.match(bare[found.end() :]):
            return normalise_date(found.group(0))
    return None
