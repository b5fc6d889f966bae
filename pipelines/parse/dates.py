"""Publication dates as a page's own metadata states them, at the precision stated.

``normalise_date`` turns a metadata value ("2021-01-19T10:32:00+08:00",
"2019.08.29", "2021年1月19日", "January 19, 2021", "2021-01") into
``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; it never adds a day or month the
value does not have. ``date_from_line`` reads a short visible date line
("Updated:2019.08.29", "Published: 2021-01-19", "2021-01-19 10:32"), also with
a byline beside the date ("Nov 19, 2018 Du Yichen", "Chris Edwards | 07/02/2019").

Numeric dates with the day and month both 12 or less ("07/02/2019") are read
in the order the site writes them: ``day_first_for_url`` says day first for
sites under .uk, .ie, .au, .nz, .za, .in, .sg, .my, .pk, .hk (British usage),
month first otherwise (US usage, which is also what Chinese sites writing
English use, e.g. SUSTech's "Chris Edwards | 07/02/2019" is 2 July). A part
above 12 decides by itself ("27/01/2019" is day first wherever it stands).
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
_MONTH = r"(?P<mon>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")(?:\s?\.)?"  # "Sept." "JUN ."

# Numeric year-first dates; separators - / . or 年 月 日; a time may follow.
_YMD = re.compile(
    r"(?<!\d)(?P<y>(?:19|20)\d{2})\s*(?:[-/.]|年)\s*(?P<m>\d{1,2})(?!\d)"
    r"(?:\s*(?:[-/.]|月)\s*(?P<d>\d{1,2})(?!\d)\s*日?|\s*月)?"
)
_YMD_COMPACT = re.compile(r"^(?P<y>(?:19|20)\d{2})(?P<m>\d{2})(?P<d>\d{2})(?:\d{4,6})?$")
_MDY = re.compile(
    r"\b" + _MONTH + r"\s*(?P<d>\d{1,2})(?:st|nd|rd|th)?(?:,\s*|\s+)(?P<y>(?:19|20)\d{2})\b", re.I
)  # "June 14th,2018"
_DMY = re.compile(r"\b(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH + r",?\s+(?P<y>(?:19|20)\d{2})\b", re.I)
# Day and month in numbers before the year: order decided by the site (see the module docstring).
_NUMERIC = re.compile(r"(?<![\d.])(?P<a>\d{1,2})\s*(?P<sep>[/.-])\s*(?P<b>\d{1,2})\s*(?P=sep)\s*(?P<y>(?:19|20)\d{2})(?!\d)")
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


# countries whose numeric dates put the day first (CLDR's short date patterns: "dd/MM/y" in Brazil, France,
# Germany, Kenya ...); the US writes the month first, and China, Japan and Korea the year first
_DAY_FIRST_TLDS = {"uk", "ie", "au", "nz", "za", "in", "sg", "my", "pk", "hk", "br", "pt", "es", "fr", "it", "de", "at",
                   "ch", "be", "nl", "dk", "no", "se", "fi", "pl", "cz", "gr", "tr", "ru", "mx", "ar", "cl", "co", "pe",
                   "ke", "ng", "gh", "eg", "ae", "sa", "il", "id", "vn", "th", "bd", "lk", "np"}


def day_first_for_url(url: str | None) -> bool:
    """Whether a site writes numeric dates day first ("07/02/2019" = 7 February): by its
    country domain (British usage), else month first (US usage)."""
    host = re.sub(r"^[a-z][a-z0-9+.-]*://", "", (url or "").strip().lower()).split("/", 1)[0].split(":", 1)[0]
    return host.rsplit(".", 1)[-1] in _DAY_FIRST_TLDS


def _numeric(m: re.Match[str], day_first: bool | None) -> str | None:
    a, b = int(m["a"]), int(m["b"])
    if a > 12 >= b:
        day, month = a, b
    elif b > 12 >= a:
        month, day = a, b
    else:
        # (dots write the day first wherever they are used: "05.02.2025" is 5 February, in Germany as on a .com)
        day, month = (a, b) if day_first or m["sep"] == "." else (b, a)
    return _build(m["y"], month, day)


def normalise_date(value: str | None, *, day_first: bool | None = None) -> str | None:
    """A date value from metadata as YYYY, YYYY-MM or YYYY-MM-DD; None if unreadable.
    ``day_first`` orders an ambiguous numeric day and month ("07/02/2019")."""
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
    if m := _NUMERIC.search(value):
        return _numeric(m, day_first)
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
_CLOCK = r"(?:(?:@|at)\s*)?(?:\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?(?:\s+(?:[A-Z]{2,4}|GMT[+-]\d{1,2}))?)"  # "09:14 pm IST"
# After a bare date: an optional time, then nothing, or a separator / source label and the rest.
_TIME_TAIL = re.compile(
    r"^,?\s*" + _CLOCK + r"?\s*"
    r"(?:$|[|｜丨/·]|(?:source|来源|author|作者|by|editor|编辑|责任编辑|views?|times|浏览|点击)\b\s*[:：]?)",
    re.I,
)
# A name token of a byline: a capitalised word, a run with Chinese characters, "By".
_NAME = r"(?:[A-Z][\w'’.&-]*|\S*[\u3400-\u9fff]\S*)"
# After a bare date: a time, then a short byline ("Nov 19, 2018 Du Yichen").
_BYLINE_TAIL = re.compile(r"^,?\s*" + _CLOCK + r"?\s*" + _NAME + r"(?:\s+" + _NAME + r"){0,3}\s*$")
# Before a date that ends the part: a short byline, a view counter ("By 吴婵Viewed 30 2019-07-12",
# "International Affairs Division 2024-02-29 193").
_BYLINE_HEAD = re.compile(
    r"^(?:(?:(?i:by|viewed|views?|hits)|" + _NAME + r"|of|and|for|the|&|\d{1,7})[\s:：,·]*){1,6}$"
)  # "Office of Communications"
_END_TAIL = re.compile(
    r"^,?\s*" + _CLOCK + r"?\s*(?:(?:views?|hits|clicks|times|浏览|点击)?\s*[:：]?\s*\d{0,7}\s*(?:views?|hits|times)?)\s*"
    r"(?:[\[(（]\s*\d*\s*[\])）])?\s*$",  # an empty counter: "2019-11-08  []"
    re.I,
)
# A news story's dateline: a place in capitals (with its state or country), a comma, the full date, then a colon
# or a dash before the story ("CHENNAI, 21 July 2023: ...", "RICHMOND, Va., Dec. 11, 2023 -- ...")
# (or the date in brackets: "FRANKFORT, Ky. (May 9, 2025) – ...")
_DATELINE = re.compile(r"^[A-Z][A-Z'.-]+(?: [A-Z][A-Z'.-]+){0,3}(?:,\s*[A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+)?)?"
                       r"(?:,\s*|\s*(?P<bracket>\()\s*)")
_DATELINE_END = re.compile(r"^\s*(?:[:\u2013\u2014]|-{1,2}|\((?:[A-Z]|$)|$)")
# parts of a date line: "|" separators, and a dash between spaces ("News - 09 November 2022 - Web desk")
_SEGMENTS = re.compile(r"\s*(?:[|｜丨]+)\s*|\s+[-\u2013\u2014]\s+")
MAX_DATE_LINE = 120
MAX_BYLINE_HEAD = 60


def _date_at_start(text: str) -> re.Match[str] | None:
    return _YMD.match(text) or _MDY.match(text) or _DMY.match(text) or _NUMERIC.match(text)


def _full_dates(text: str) -> list[re.Match[str]]:
    """Dates with a day in a segment, in order."""
    found = [m for p in (_YMD, _MDY, _DMY, _NUMERIC) for m in p.finditer(text) if p is not _YMD or m["d"]]
    return sorted(found, key=lambda m: m.start())


def _value(found: re.Match[str], day_first: bool | None) -> str | None:
    if found.re is _NUMERIC:
        return _numeric(found, day_first)
    return normalise_date(found.group(0))


def date_from_line(line: str, *, day_first: bool | None = None) -> str | None:
    """A date from a short visible date line near a title, or None.

    The line is cut at "|" separators; a part counts when it is a labelled
    date ("Updated:2019.08.29", "Published: 2021-01-19", "发布时间：2020-03-05"),
    starts with a full date followed by nothing but a time, a separator, a
    source/author label or a short byline ("2021-01-19 10:32", "January 19, 2021",
    "2021-01-19 10:32 Source: Xinhua", "Nov 19, 2018 Du Yichen"), or ends with a
    full date after a short byline and before a view counter ("Chris Edwards |
    07/02/2019", "International Affairs Division 2024-02-29 193"). A longer line
    counts only when it opens with a labelled date ("date 2023-12-11 RICHMOND, Va. ...").
    Free text is not read. ``day_first``: see ``day_first_for_url``.
    """
    line = " ".join(line.split())
    if not line or re.match(r"\d{1,3}\.? \|(?:[^|]*\|){2}", line):
        return None  # (a numbered row of a table, "3 | Tata Steel Limited | 24.04.2023 | ...", dates its own fact)
    dateline = _DATELINE.match(line)
    if dateline and (found := _date_at_start(line[dateline.end() :])) and found.groupdict().get("d") \
            and found.groupdict().get("y"):
        rest = line[dateline.end() + found.end() :]
        if re.match(r"\s*\)\s*(?:[:\u2013\u2014]|-{1,2})\s", rest) if dateline.group("bracket") else _DATELINE_END.match(rest):
            return _value(found, day_first)  # a news dateline: "CHENNAI, 21 July 2023: ..."
    opening = _WEEKDAY.sub("", line)
    if (found := _date_at_start(opening)) and found.groupdict().get("d") \
            and re.match(r"\s*(?:[\u2013\u2014]|-{1,2})\s", opening[found.end():]):
        return _value(found, day_first)  # a dateline without its place: "OCTOBER 8, 2024 — The University ..."
    if len(line) > MAX_DATE_LINE:
        label = _LABEL.match(line)
        found = _date_at_start(line[label.end() :]) if label else None
        return _value(found, day_first) if found else None
    for segment in _SEGMENTS.split(line):
        for label in _LABEL.finditer(segment):
            # ("Published on Wednesday, May 14, 2025": the weekday before the date)
            if found := _date_at_start(_WEEKDAY.sub("", segment[label.end() :])):
                return _value(found, day_first)
        bare = _WEEKDAY.sub("", segment)
        found = _date_at_start(bare)
        if found and found.groupdict().get("d"):
            tail = bare[found.end() :]
            if _TIME_TAIL.match(tail) or _BYLINE_TAIL.match(tail):
                return _value(found, day_first)
        for found in reversed(_full_dates(segment)):
            head, tail = segment[: found.start()].strip(), segment[found.end() :]
            if len(head) <= MAX_BYLINE_HEAD and (not head or _BYLINE_HEAD.match(head)) and _END_TAIL.match(tail):
                return _value(found, day_first)
            break  # only the last date can close a byline
    return None
