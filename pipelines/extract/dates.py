"""Dates: publication dates, timeline headings and dates inside sentences, with their precision.

A date is ``(value, precision)`` with value ``YYYY``, ``YYYY-MM`` or
``YYYY-MM-DD``. Dates in a sentence are found in two steps:

1. a compact grammar of date shapes finds the candidate spans (a full date,
   a range, a day and month, a month and year, a month or a year after a
   preposition, a relative word); a shape decides what a span states, so a
   number that is not a date ("2,019 yuan", "2020 students", "Top 500")
   never becomes one;
2. ``dateparser`` normalises each span (one cached English parser per
   setting: the document's publication date as ``RELATIVE_BASE``, dates
   preferred from the past, ``REQUIRE_PARTS`` the parts the span has), and
   the precision is the period dateparser reads (day, month, year).

Missing parts come from the document's publication date: a day and month
without a year take the year that puts them at most a week after
publication; without a publication date they stay unknown (value ``None``).
Relative words keep the precision the annotation conventions give them
(spec/facts.md, convention 7): "yesterday", "today" a day; "recently",
"this week", "the other day", "over the weekend", "(on) Monday" a month
(the month of the day they point to); "last month" a month; "last year",
"this year" a year; never finer than the publication date itself. A range
("November 5-6, 2019", "5-6 November 2019", "from March to May 2020") is
its first day or month. "That year" and "the same day" refer back to the
last date of the document (``DateContext.last_year`` / ``last_day``).
"""

from __future__ import annotations

import calendar
import datetime as _dt
import re
from dataclasses import dataclass
from functools import lru_cache

from dateparser.date import DateDataParser

from pipelines.parse.dates import date_from_line, day_first_for_url

__all__ = [
    "DateContext",
    "DateMention",
    "date_from_text",
    "date_from_url",
    "day_first_for_url",
    "find_dates",
    "heading_date",
    "section_year",
    "publication_date",
]

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
    "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9,
    "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}


def _mon(group: str) -> str:
    """A month name, Title or UPPER case only: "may", "march" in lower case are words."""
    names = sorted(MONTHS, key=len, reverse=True)
    alts = "|".join(f"{n.title()}|{n.upper()}" for n in names)
    return rf"(?P<{group}>{alts})\b(?:\s?\.)?"


_MON, _MON2 = _mon("mon"), _mon("mon2")
_D, _D2 = (rf"(?P<{g}>[0-3]?\d)(?:st|nd|rd|th)?(?!\d)" for g in ("d", "d2"))
_Y, _Y2 = (rf"(?<![\d.])(?<!\d,)(?P<{g}>(?:19|20)\d\d)(?![\d,]\d)" for g in ("y", "y2"))
_WDAY = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
_WD = rf"(?:{_WDAY},?\s+(?:the\s+)?)?"
_TO = r"\s*(?:-|–|—|~|\bto\b|\band\b|\btill\b|\buntil\b|\bthrough\b)\s*"
_YSEP = r"(?:,\s*|\s+)"  # between day and year: "June 14th,2018", "March 3 2011"
_MONEY = r"(?![\d,.]*\s*(?:yuan|rmb|renminbi|dollars?|usd|pounds?|euros?|million|billion|%|percent|per\s+cent)\b)"
_NUM_WORDS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}

# (kind, pattern, needs), longest shapes first: a span taken by an earlier shape is not read again.
# ``needs``: what a sentence must contain for the shape to be tried at all ("mon": a month name,
# "year": a 19xx/20xx number, a tuple: one of these lower-case words); most sentences have no
# date, and skipping the shapes they cannot hold keeps the cost per sentence low.
_SHAPES: list[tuple[str, re.Pattern[str], tuple]] = [
    # a news dateline opening the sentence ("Peking University, June 25, 2019: On June 14, ..."): the
    # report's date, kept apart (kind "dateline") from the event's date that follows
    ("dateline", re.compile(rf"^[A-Z][\w .,'’&()-]{{0,60}}?,\s+{_MON}\s*{_D}{_YSEP}{_Y}(?=\s*(?:[:–—]|-\s))"),
     ("mon", "year")),
    ("range", re.compile(rf"\b{_WD}{_MON}\s*{_D}{_TO}(?:{_MON2}\s*)?{_D2}{_YSEP}{_Y}"), ("mon", "year")),
    ("range", re.compile(rf"\b{_D}(?:\s+{_MON})?{_TO}{_D2}\s+(?:of\s+)?{_MON2},?\s+{_Y}"), ("mon", "year")),
    ("full", re.compile(rf"\b{_WD}{_MON}\s*{_D}{_YSEP}{_Y}"), ("mon", "year")),
    ("full", re.compile(rf"\b{_WD}{_D}\s+(?:of\s+)?{_MON},?\s+{_Y}"), ("mon", "year")),
    ("full", re.compile(r"(?<![\d.])(?P<y>(?:19|20)\d\d)\s*(?:[-/.]|年)\s*(?P<m>[01]?\d)\s*(?:[-/.]|月)\s*"
                        r"(?P<d>[0-3]?\d)(?![\d])\s*日?"), ("year",)),
    ("numeric", re.compile(r"(?<![\d./])(?P<a>[0-3]?\d)(?P<sep>[/.])(?P<b>[0-3]?\d)(?P=sep)(?P<y>(?:19|20)\d\d)(?!\d)"), ("year",)),
    ("range_month", re.compile(rf"\b(?i:from|between)\s+{_MON2}{_TO}{_MON},?\s+(?:of\s+)?{_Y}"), ("mon", "year")),
    ("range_month", re.compile(rf"\b{_MON2}\s*(?:-|–|—){_MON},?\s+{_Y}"), ("mon", "year")),
    # "on 8 January this year", "March 3 last year": a day of the year the page is of, or the one before
    ("month_rel", re.compile(rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+{_MON}\s+(?:of\s+)?(?P<rel>last|this)\s+year\b"),
     ("mon",)),
    ("month_rel", re.compile(rf"\b{_MON}\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<rel>last|this)\s+year\b"), ("mon",)),
    ("month_day", re.compile(rf"(?<!\d\s)\b{_WD}{_MON}\s*{_D}(?:{_TO}{_D2})?{_MONEY}(?!{_YSEP}(?:19|20)\d\d)"), ("mon",)),
    ("month_day", re.compile(rf"\b{_WD}{_D}(?:{_TO}{_D2})?\s+(?:of\s+)?{_MON}(?!,?\s+(?:19|20)\d\d)"), ("mon",)),
    ("month_year", re.compile(rf"\b{_MON},?\s+(?:of\s+)?{_Y}(?![-/]\d)"), ("mon", "year")),
    ("month_rel", re.compile(rf"\b{_MON}\s+(?:of\s+)?(?P<rel>last|this)\s+year\b"), ("mon",)),
    ("month_rel", re.compile(rf"\b(?P<before>[Ll]ast|[Tt]his\s+past)\s+{_MON}(?!\s*\d)"), ("mon",)),
    ("month", re.compile(rf"\b(?i:in|since|from|by|during|until|till|before|after|early|late|mid-?|end\s+of|"
                         rf"beginning\s+of|start\s+of|throughout)\s+(?i:early\s+|late\s+|mid-?)?{_MON}(?!\s*\d)"), ("mon",)),
    # a month coordinated after one ("in April and July respectively"): the same kind of date
    ("month", re.compile("(?:" + "|".join(rf"(?<=\b{m} and )" for m in (
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
        "December")) + rf"){_MON}(?!\s*\d)"), ("mon",)),
    # a month in brackets after what it dates ("agreements with A (March) and B (November)")
    ("month", re.compile(rf"(?<=\(){_MON}(?=\s*\))"), ("mon",)),
    # a month as a row's label ("- March: strategic cooperation agreement with ..."): the latest such month
    ("month", re.compile(rf"^\s*(?:[-*\u2022]\s+)?{_MON}(?=\s*[:\u2013\u2014]\s|\s+-\s)"), ("mon",)),
    ("year_range", re.compile(rf"\b(?:from|between)\s+(?:the\s+years?\s+)?{_Y}{_TO}{_Y2}\b", re.I), ("year",)),
    ("year", re.compile(rf"(?:\b(?:in|since|from|by|during|until|till|before|after|around|circa|as\s+of|year|"
                        rf"early|late|mid-?|end\s+of|beginning\s+of|start\s+of|(?:spring|summer|autumn|fall|winter)(?:\s+of)?|"
                        rf"(?:first|second)\s+half\s+of)\s+(?:the\s+(?:year\s+)?)?){_Y}(?!\s*(?:[-–/]|年)\s*\d)"
                        rf"(?!'?s\b){_MONEY}", re.I), ("year",)),  # "the 1990s" is a decade
    ("year", re.compile(rf"^{_Y}(?=,)"), ("year",)),
    # "The cooperation dates back to 2015, when HUST signed a framework agreement with ...": the year of the signing
    # its "when" clause tells (a cooperation that only "dates back to 2012" was signed at no date the page gives)
    ("year", re.compile(rf"\bback\s+to\s+{_Y}(?=,?\s+when\s+[^.;]*?\b(?:signed|inked|concluded|sealed)\b)"), ("year",)),
    # a founding year written after the body's name: "the X Lab (established 2018)", "the Y Lab (2020)",
    # "founded 1998", "est. 2005"
    # and a list row's year of signing or renewal: "... MoU, 2019 (renewed 2024).", "Partnership agreement, 2018."
    ("year", re.compile(rf"(?:\b(?:established|founded|launched|opened|set\s+up|created|est\.|renewed|signed|extended)\s+|"
                        rf"(?<=[A-Za-z] )\((?=\d{{4}}\)))"
                        rf"{_Y}(?!\s*(?:[-–/]|年)\s*\d)"), ("year",)),
    ("year", re.compile(rf"(?<=[A-Za-z], ){_Y}(?=\s*(?:[;(]|\.?$))"), ("year",)),
    # "Monday (14/7)": a weekday with its day and month in brackets (Indonesian and Malaysian news), of the page's
    # year (the latest such day not after publication)
    ("wday_dm", re.compile(rf"\b{_WDAY}\s*\((?P<d>[0-3]?\d)/(?P<m>[01]?\d)\)"), (("day",),)),
    # "this Wednesday (12)", "on Tuesday (12th)": a weekday with its day of the month in brackets (Brazilian and Portuguese news), a day of
    # the page's month like "on the 12th"
    ("day_only", re.compile(rf"\b{_WDAY}\s*\((?P<d>[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?\)"), (("day",),)),
    # lower case, or opening the sentence: "Bedford Today" is a newspaper
    ("rel_day", re.compile(r"\b(?:yesterday|today|tonight|this\s+(?:morning|afternoon|evening))\b"
                           r"|^(?:Yesterday|Today|Tonight|This\s+(?:morning|afternoon|evening))\b"), (("yesterday", "today", "tonight", "this "),)),
    ("rel_day", re.compile(r"\b(?P<n>\d|a|one|two|three|four|five|six|seven)\s+days?\s+ago\b", re.I), ((" ago",),)),
    ("rel_week", re.compile(rf"\b(?:recently|lately|the\s+other\s+day|in\s+recent\s+days|(?:earlier\s+)?this\s+week|"
                            rf"last\s+week|(?:over|during|at)\s+the\s+weekend|last\s+weekend|"
                            rf"(?:(?:on|last|this\s+past)\s+)?(?P<wday>{_WDAY})"
                            rf"(?:\s+(?:morning|afternoon|evening|night))?)\b", re.I), (("recent", "lately", "day", "week"),)),
    # "on the 16th": a day of the page's month (the latest such day, not after publication)
    # (not "on the 3rd floor", "on the 5th of May": a noun or a month after it; "on the 16th at Gwangju City
    # Hall" is a day, a place after it; "on the 14th it signed": a day, its clause's subject after it)
    ("day_only", re.compile(r"\b(?i:on)\s+the\s+(?P<d>[1-9]|[12]\d|3[01])(?:st|nd|rd|th)\b(?!\s+(?:of\s+)?(?:(?!(?:at|in|with|to|for|by|near)\b)\w+\s+)?[A-Z])"
                            r"(?!\s+(?!(?:at|in|and|with|when|to|for|as|by|after|before|during|under|the|a|an|this|that|it|they|we)\b)[a-z])"),
     (("th", "st", "nd", "rd"),)),
    ("rel_month", re.compile(r"\b(?:(?:earlier\s+)?this|(?P<last>last))\s+month\b", re.I), (("month",),)),
    # "During the year, X signed ...", "in the year under review": the year an annual report covers (no date on any
    # other page)
    ("report_year", re.compile(r"\b(?:during|over|in|throughout)\s+the\s+(?:year(?:\s+under\s+(?:review|report))?|"
                               r"reporting\s+(?:year|period))\b", re.I), (("year", "period"),)),
    ("rel_year", re.compile(r"\b(?:(?:earlier\s+|later\s+)?this|(?P<last>last))\s+year\b", re.I), (("year",),)),
    # "signed last fall", "this spring": a season of the page's year or the one before, year precision
    ("rel_season", re.compile(r"\b(?:(?P<last>last)|this(?:\s+past)?)\s+(?P<season>spring|summer|autumn|fall|winter)\b",
                              re.I), (("spring", "summer", "autumn", "fall", "winter"),)),
    ("that_year", re.compile(r"\b(?:that|the\s+same)\s+year\b", re.I), (("year",),)),
    # "Three years later the two sides inked ...": years after the year the text told last
    ("years_later", re.compile(r"\b(?P<n>a|one|two|three|four|five|six|seven|eight|nine|ten|\d)\s+years?\s+later\b",
                               re.I), (("later",),)),
    # "The next day, X signed ...", "two days later": days after the day the text told last
    ("days_later", re.compile(r"\b(?:(?:the\s+)?(?P<next>next|following)\s+day|(?P<n>a|one|two|three|four|five|six|"
                              r"seven|\d)\s+days?\s+later)\b", re.I), (("day",),)),
    ("same_day", re.compile(r"\b(?:the\s+same\s+(?:day|morning|afternoon|evening)|that\s+(?:day|morning|afternoon|"
                            r"evening))\b", re.I), (("day", "morning", "afternoon", "evening"),)),
    # the event the page told before: "At the same ceremony, ...", "On this occasion, ...", "at the same function"
    ("same_day", re.compile(r"\b(?:at|during|on)\s+(?:the\s+same|this|that)\s+(?:ceremony|event|function|occasion|"
                            r"signing\s+ceremony|forum|conference)\b", re.I), (("ceremony", "event", "function", "occasion", "forum", "conference"),)),
]

_ANY_MONTH = re.compile(r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)")
_ANY_YEAR = re.compile(r"(?:19|20)\d\d")

HEADING = re.compile(
    r"^\s*(?:(?P<mon>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?"
    r"|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?\s*,?\s*(?P<year>(?:19|20)\d\d)"
    r"|(?P<y2>(?:19|20)\d\d)(?:\s*[-./]\s*(?P<m2>[01]?\d))?)\s*$",
    re.I,
)
_PRECISION_RANK = {"year": 0, "month": 1, "day": 2}


@dataclass
class DateMention:
    start: int
    end: int
    value: str | None
    precision: str | None
    kind: str


@dataclass
class DateContext:
    published: str | None = None   # YYYY[-MM[-DD]]
    last_year: str | None = None
    last_day: str | None = None
    report_year: str | None = None  # the year an undated annual report covers ("Annual Report 2023")
    day_first: bool | None = None  # numeric "07/02/2019": see pipelines.parse.dates.day_first_for_url


# ------------------------------------------------------------------ dateparser


@lru_cache(maxsize=256)
def _parser(base: _dt.datetime, parts: tuple[str, ...], order: str) -> DateDataParser:
    return DateDataParser(
        languages=["en"],
        settings={
            "RELATIVE_BASE": base,
            "PREFER_DATES_FROM": "past",
            "PREFER_DAY_OF_MONTH": "first",
            "REQUIRE_PARTS": list(parts),
            "DATE_ORDER": order,
            "PARSERS": ["relative-time", "absolute-time"],
            "RETURN_AS_TIMEZONE_AWARE": False,
        },
    )


_FAR_BASE = _dt.datetime(2100, 1, 1)  # for spans that state their year: the base is never used


@lru_cache(maxsize=8192)
def _parse(span: str, base: _dt.datetime = _FAR_BASE, parts: tuple[str, ...] = (), order: str = "MDY"
           ) -> tuple[str, str] | None:
    """``span`` normalised by dateparser as (value, precision), or None when unreadable."""
    data = _parser(base, parts, order).get_date_data(span)
    when, period = data.date_obj, data.period
    if when is None:
        return None
    if period == "year":
        return f"{when.year:04d}", "year"
    if period == "month":
        return f"{when.year:04d}-{when.month:02d}", "month"
    return when.date().isoformat(), "day"


def _coarsen(value: tuple[str, str] | None, precision: str) -> tuple[str, str] | None:
    """``value`` at most at ``precision``."""
    if value is None or _PRECISION_RANK[value[1]] <= _PRECISION_RANK[precision]:
        return value
    return value[0][: {"year": 4, "month": 7}[precision]], precision


class _Published:
    """The publication date as relative base: its last day, its precision."""

    def __init__(self, published: str | None):
        self.precision: str | None = None
        self.end: _dt.datetime | None = None
        if not published:
            return
        try:
            parts = [int(p) for p in str(published).split("-")[:3]]
            y = parts[0]
            m = parts[1] if len(parts) > 1 else 12
            d = parts[2] if len(parts) > 2 else calendar.monthrange(y, m)[1]
            self.end = _dt.datetime(y, m, d)
        except (ValueError, calendar.IllegalMonthError) as err:
            raise ValueError(f"publication date {published!r} is not a date (YYYY[-MM[-DD]]): {err}") from None
        self.precision = ("year", "month", "day")[len(parts) - 1]

    def year_base(self) -> _dt.datetime | None:
        """The base that gives a day or month its year: a week after publication (an event
        announced a few days ahead), within the publication year when only the year is known."""
        if self.end is None:
            return None
        if self.precision == "year":
            return self.end
        return self.end + _dt.timedelta(days=7)


def _relative(expression: str, pub: _Published, precision: str) -> tuple[str, str] | None:
    if pub.end is None or pub.precision is None:
        return None
    found = _parse(expression, pub.end)
    if found is None:
        return None
    return _coarsen(_coarsen((found[0], "day") if len(found[0]) == 10 else found, precision), pub.precision)


def _month(name: str) -> int:
    return MONTHS[name.lower().rstrip(". ")]


def _value(kind: str, g: dict, ctx: DateContext, pub: _Published) -> tuple[str | None, str | None] | None:
    """(value, precision) of one candidate; (None, None) for a date the page cannot place;
    None when the span is not a date after all."""
    unknown = (None, None)
    if kind in ("range", "full", "dateline"):
        if g.get("m"):  # numeric year-first
            return _parse(f"{g['y']}-{int(g['m']):02d}-{int(g['d']):02d}", parts=("day", "month", "year"))
        first_month = g.get("mon") or g.get("mon2")  # a range is its first day: "5 October - 2 November 2019"
        return _parse(f"{_month(first_month)}/{int(g['d'])}/{g['y']}", parts=("day", "month", "year"))
    if kind == "numeric":
        a, b = int(g["a"]), int(g["b"])
        # (dots write the day first wherever they are used, as pipelines.parse.dates reads them: "12.01.2022")
        day_first = a > 12 or (b <= 12 and (bool(ctx.day_first) or g["sep"] == "."))
        return _parse(f"{g['a']}/{g['b']}/{g['y']}", parts=("day", "month", "year"),
                      order="DMY" if day_first else "MDY")
    if kind == "range_month":
        return _parse(f"{_month(g['mon2'])}/{g['y']}", parts=("month", "year"), order="MDY")
    if kind == "month_year":
        return _parse(f"{_month(g['mon'])}/{g['y']}", parts=("month", "year"), order="MDY")
    if kind in ("year", "year_range"):
        return _parse(g["y"], parts=("year",))
    base = pub.year_base()
    if base is not None and ctx.report_year and int(ctx.report_year) < base.year and kind in ("month_day", "month"):
        # a report on a year before its release ("Annual Report 2023", released in April 2024): its months are of
        # the year it reports on
        base = _dt.datetime(int(ctx.report_year), 12, 31)
    if base is None and (ctx.report_year or ctx.last_year) and kind in ("month_day", "month"):
        # an undated page that gave a year before ("continued to grow in 2023. ... In March, A and B signed"):
        # that year places the month (convention 7 leaves a month null only with no year anywhere on the page);
        # an annual report's months are of the year it reports on, whatever years it compares with
        base = _dt.datetime(int(ctx.report_year or ctx.last_year), 12, 31)
    if kind == "month_day":
        if base is None:
            return unknown
        mon = _month(g["mon"])
        if not 1 <= int(g["d"]) <= calendar.monthrange(2000, mon)[1]:
            return None
        return _parse(f"{calendar.month_name[mon]} {int(g['d'])}", base, ("day", "month")) or unknown
    if kind == "month":
        if base is None:
            return unknown
        return _parse(calendar.month_name[_month(g["mon"])], base, ("month",)) or unknown
    if kind == "month_rel":
        if pub.end is None:
            return unknown
        mon = _month(g["mon"])
        rel = (g.get("rel") or "").lower()
        if rel == "this":  # "March this year"
            year = pub.end.year
        elif rel == "last":  # "March last year"
            year = pub.end.year - 1
        else:  # "last March", "this past March": the latest March before publication
            year = pub.end.year if mon < pub.end.month else pub.end.year - 1
        day = g.get("d")
        if day and 1 <= int(day) <= calendar.monthrange(year, mon)[1]:
            return _parse(f"{calendar.month_name[mon]} {int(day)} {year}", parts=("day", "month", "year")) or unknown
        return _parse(f"{calendar.month_name[mon]} {year}", parts=("month", "year")) or unknown
    if kind == "wday_dm":
        day, month = int(g["d"]), int(g["m"])
        if pub.end is None or not 1 <= month <= 12:
            return unknown
        year = pub.end.year if (month, day) <= (pub.end.month, pub.end.day) else pub.end.year - 1
        if day > calendar.monthrange(year, month)[1]:
            return unknown
        return f"{year:04d}-{month:02d}-{day:02d}", "day"
    if kind == "day_only":
        if pub.end is None or pub.precision != "day":
            return unknown
        day, year, month = int(g["d"]), pub.end.year, pub.end.month
        if day > pub.end.day:  # (the 28th on a page of the 3rd: last month's)
            year, month = (year, month - 1) if month > 1 else (year - 1, 12)
        if day > calendar.monthrange(year, month)[1]:
            return unknown
        return f"{year:04d}-{month:02d}-{day:02d}", "day"
    if kind == "rel_day":
        n = g.get("n")
        if n:
            days = int(n) if n.isdigit() else _NUM_WORDS[n.lower()]
            expression = f"{days} days ago"
        else:
            word = g["_text"].lower()
            expression = "yesterday" if word == "yesterday" else "today"
        return _relative(expression, pub, "day") or unknown
    if kind == "rel_week":
        text = g["_text"].lower()
        if g.get("wday"):
            # "on Friday" in a page published on a Friday is that day, and any weekday a page names is within
            # days of its publication: convention 7 gives it the publication's month; but a weekday that is the
            # day the page dated just before ("signed on October 22 ... Also on Wednesday, ..."), within the week
            # before publication, is that day
            day = _weekday_of_last_day(g["wday"], ctx, pub)
            if day is not None:
                return day, "day"
            expression = "today"
        elif "weekend" in text:
            expression = "saturday"
        elif "last week" in text:
            expression = "1 week ago"
        else:  # recently, lately, the other day, this week: the publication month
            expression = "today"
        return _relative(expression, pub, "month") or unknown
    if kind == "rel_month":
        return _relative("1 month ago" if g.get("last") else "today", pub, "month") or unknown
    if kind == "rel_year":
        return _relative("1 year ago" if g.get("last") else "today", pub, "year") or unknown
    if kind == "rel_season":
        if pub.end is None:
            return unknown
        start = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}[g["season"].lower()]
        year = pub.end.year
        if g.get("last") and (start == 12 or pub.end.month <= start + 2):
            year -= 1  # (last autumn on a page of October: the year before's)
        return f"{year:04d}", "year"
    if kind == "report_year":
        return (ctx.report_year, "year") if ctx.report_year else None
    if kind == "that_year":
        return (ctx.last_year, "year") if ctx.last_year else unknown
    if kind == "years_later":
        n = g["n"].lower()
        step = int(n) if n.isdigit() else {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
                                           "seven": 7, "eight": 8, "nine": 9, "ten": 10}[n]
        year = int(ctx.last_year) + step if ctx.last_year else None
        return (f"{year:04d}", "year") if year and (pub.end is None or year <= pub.end.year) else unknown
    if kind == "same_day":
        return (ctx.last_day, "day") if ctx.last_day else unknown
    if kind == "days_later":
        n = (g.get("n") or "one").lower()
        step = 1 if g.get("next") else int(n) if n.isdigit() else _NUM_WORDS[n]
        if not ctx.last_day:
            return unknown
        day = _dt.date.fromisoformat(ctx.last_day) + _dt.timedelta(days=step)
        return (day.isoformat(), "day") if pub.end is None or day <= pub.end.date() else unknown
    raise ValueError(f"unknown date shape {kind!r}")


_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def _weekday_of_last_day(wday: str, ctx: "DateContext", pub: "_Published") -> str | None:
    """The page's last dated day, when it falls on ``wday`` within the six days before publication."""
    if not ctx.last_day or pub.end is None:
        return None
    try:
        last = _dt.date.fromisoformat(ctx.last_day)
    except ValueError:
        return None
    name = wday.lower().rstrip(".")
    if not any(w.startswith(name[:3]) for w in _WEEKDAYS) or _WEEKDAYS[last.weekday()][:3] != name[:3]:
        return None
    # (not the publication's own day, which a dateline gives: "Hale City, February 19: ... on Wednesday signed" keeps
    # the month convention 7 gives)
    return ctx.last_day if 0 < (pub.end.date() - last).days < 7 else None


def find_dates(text: str, ctx: DateContext) -> list[DateMention]:
    """Date expressions in a cleaned sentence, in order, non-overlapping (longest shapes first).

    ``kind`` names the shape: "range", "full", "numeric", "range_month", "month_day",
    "month_year", "month_rel", "month", "year_range", "year", "rel_day", "rel_week",
    "rel_month", "rel_year", "report_year", "that_year", "years_later", "days_later", "same_day", "joined_year" (a year joined to one of the
    others: "2023" of "renewed 2015 and 2023"), and "dateline" for the report's own
    date that opens a news sentence (not the date of the event it reports).

    A mention whose date the page cannot place ("on March 3" on an undated page) is kept
    with value and precision None, so that it still marks its span as a date."""
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    # (an undated page, a news roll's items each under its date stamp "[2024-12-06] ...": the last full date the
    # page gave is the base, convention 7's "no year anywhere on the page" being false)
    pub = _Published(ctx.published or ctx.last_day)
    lower = text.lower()
    has = {"mon": _ANY_MONTH.search(text) is not None, "year": _ANY_YEAR.search(text) is not None}
    for kind, pattern, needs in _SHAPES:
        if not all(has[n] if isinstance(n, str) else any(w in lower for w in n) for n in needs):
            continue
        for m in pattern.finditer(text):
            s, e = m.span()
            if any(s < te and ts < e for ts, te in taken):
                continue
            g = m.groupdict()
            g["_text"] = " ".join(m.group(0).split())
            val = _value(kind, g, ctx, pub)
            if val is None:
                continue
            found.append(DateMention(s, e, val[0], val[1], kind))
            taken.append((s, e))
    for d in [d for d in found if d.kind == "year" and d.value]:  # (kind "joined_year")
        # years joined to a year the shapes read: "renewed 2015 and 2023", "in 2019, 2021 and 2024"
        end = d.end
        while (m := _JOINED_YEAR.match(text, end)) and not any(m.start("y") < te and ts < m.end() for ts, te in taken):
            found.append(DateMention(m.start("y"), m.end("y"), m.group("y"), "year", "joined_year"))
            taken.append((m.start("y"), m.end("y")))
            end = m.end()
    found.sort(key=lambda d: d.start)
    return found


_JOINED_YEAR = re.compile(rf"\s*(?:,|,?\s+and)\s+{_Y}(?![-–/]\d)(?!\s*(?:{'|'.join(('yuan', 'million', 'billion', '%'))}))")


def heading_date(line: str) -> tuple[str, str] | None:
    """A line that is only a month and year ("Oct. 2018") or a year: a timeline heading."""
    m = HEADING.match(line.strip())
    if not m:
        return None
    g = m.groupdict()
    if g.get("mon"):
        return _parse(f"{_month(g['mon'])}/{g['year']}", parts=("month", "year"))
    if g.get("m2"):
        if not 1 <= int(g["m2"]) <= 12:
            return None
        return _parse(f"{int(g['m2'])}/{g['y2']}", parts=("month", "year"))
    return _parse(g["y2"], parts=("year",))


# a section's heading that names the one year it reviews ("I. Review of our work in 2024", "Highlights of 2023",
# "2022 in review"): short, no sentence's end
_SECTION_YEAR = re.compile(
    r"\W*(?:[IVX\d]{1,4}[.)]\s*)?(?:(?P<a>[A-Za-z][A-Za-z ,'&-]{2,45}?)\s+(?:in|of|for|during)\s+(?:the\s+year\s+)?"
    r"(?P<y>(?:19|20)\d\d)|(?P<y2>(?:19|20)\d\d)\s+(?:in\s+review|highlights|achievements|at\s+a\s+glance|"
    r"annual\s+(?:review|report)))\s*:?\s*", re.I)


def section_year(line: str, published: str | None) -> tuple[str, str] | None | bool:
    """A heading that reviews one year before the page's ("I. Review of our work in 2024"): that year, at year
    precision, dates the section's undated facts; a heading naming the page's year or a later one ("II. Major
    tasks for 2025") ends such a section (False); any other line: None."""
    s = line.strip()
    if not s or len(s) > 60 or s.endswith((".", "!", "?", ";", ",")):
        return None
    m = _SECTION_YEAR.fullmatch(s)
    if not m or len(s.split()) > 9:
        return None
    year = m.group("y") or m.group("y2")
    if published and year >= published[:4]:
        return False
    return year, "year"


# ------------------------------------------------------------------ publication date

_URL_DATES = [
    (re.compile(r"/((?:19|20)\d\d)-(\d\d)/(\d\d)/"), 3),
    (re.compile(r"/((?:19|20)\d\d)(\d\d)/(\d\d)/"), 3),
    (re.compile(r"/((?:19|20)\d\d)/(\d{1,2})/(\d{1,2})/"), 3),
    (re.compile(r"/((?:19|20)\d\d)/(\d\d)(\d\d)/"), 3),
    (re.compile(r"/((?:19|20)\d\d)-(\d\d)-(\d\d)/"), 3),
    (re.compile(r"/((?:19|20)\d\d)/(\d\d)/"), 2),
    (re.compile(r"/((?:19|20)\d\d)(\d\d)/"), 2),
    # an id that opens with the date, and a timestamp: "story=20160831141537908"
    (re.compile(r"[=/_-]((?:19|20)\d\d)(0[1-9]|1[0-2])([0-2]\d|3[01])(?:\d{6,9})?(?!\d)"), 3),
    # a year and its quarter: "/releases/2025/Q1/" (the year alone)
    (re.compile(r"/((?:19|20)\d\d)/[Qq][1-4]/"), 1),
]


def _ymd(y: int, m: int, d: int | None = None) -> str | None:
    try:
        if d is None:
            return f"{y:04d}-{m:02d}" if 1 <= m <= 12 else None
        return _dt.date(y, m, d).isoformat()
    except ValueError:
        return None


def date_from_url(url: str | None) -> str | None:
    """A date in a URL's path (/2022-03/07/, /201705/09/, /2014/11/) or an id that opens with one
    ("?story=20160831141537908"), at the precision it has."""
    if not url:
        return None
    path = re.sub(r"^[a-z]+://[^/]+", "", url, flags=re.I)
    for pat, n in _URL_DATES:
        m = pat.search(path)
        if not m:
            continue
        if n == 1:
            return m.group(1)
        if val := _ymd(*[int(x) for x in m.groups()[:n]]):
            return val
    return None


def date_from_text(text: str, url: str | None = None) -> str | None:
    """A date line near the top ("Updated:2019.08.29", "Date: April 01, 2021", "Mon, May 16 2022 13:30",
    "Nov 19, 2018 Du Yichen", "Chris Edwards | 07/02/2019"), read by the same rule the HTML parser uses
    for a page's visible date line; ``url`` decides the order of a numeric day and month."""
    day_first = day_first_for_url(url)
    above = 0  # the cell separators of the line above
    for line in text[:3000].splitlines():
        bars = max(line.count("|"), line.count("\t"))  # (a table's cells, by bars or by tabs)
        row = bool(bars) and bars == above
        above = bars if line.strip() else 0
        if row:
            continue  # a row under a header of as many cells ("Kiambu County | 14 February 2019 | ..."): its own date
        value = date_from_line(line, day_first=day_first)
        if value:
            return value
    return None


def publication_date(text: str, url: str | None, published: str | None) -> str | None:
    """The page's publication date: given, else a labelled date line in the text, else the URL path."""
    if published:
        return str(published)
    return date_from_text(text, url) or date_from_url(url) or _masthead_month(text)


_REPORT_TITLE = re.compile(r"\b(?:annual|yearly) report\W+((?:19|20)\d\d)(?![-/\u2013]\d)|"
                           r"\b((?:19|20)\d\d) (?:annual|yearly) report\b", re.I)


# a review of one year by its title: "ZZU local cooperation in 2023: a year in review", "2023 in review", "Work summary
# for 2023"
_REVIEW_TITLE = re.compile(r"\b(?:(?:a\s+)?year\s+in\s+review|in\s+review|annual\s+review|work\s+(?:summary|report))\b", re.I)
_LONE_YEAR = re.compile(r"(?<![\d/-])((?:19|20)\d\d)(?![-/\u2013]\d)")


def report_year(text: str, title: str | None) -> str | None:
    """The year an annual report or a year's review covers, from its title or its first three lines ("CNU ANNUAL
    REPORT 2023", "2023 Annual Report", "Local cooperation in 2023: a year in review"); None for any other page (and
    for a span, "Annual Report 2022-23")."""
    lines = ([title] if title else []) + [ln for ln in text.splitlines() if ln.strip()][:3]
    for line in lines:
        m = _REPORT_TITLE.search(line)
        if m:
            return m.group(1) or m.group(2)
        years = set(_LONE_YEAR.findall(line))
        if _REVIEW_TITLE.search(line) and len(years) == 1 and len(line) <= 150:
            return years.pop()
    return None


_MASTHEAD = re.compile(r"(?:^|\s)(?P<mon>January|February|March|April|May|June|July|August|September|October|November|"
                       r"December)\s+(?P<y>(?:19|20)\d\d)\s*$")


def _masthead_month(text: str) -> str | None:
    """A newsletter's or report's issue month, ending one of its first three lines ("ZZU NEWSLETTER   No. 4,
    November 2023"): the publication month."""
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()][:3]
    for line in lines:
        m = _MASTHEAD.search(line)
        if m and len(line) <= 120:
            return f"{m.group('y')}-{_month(m.group('mon')):02d}"
    return None
