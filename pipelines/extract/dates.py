"""Dates: publication dates, timeline headings and dates inside sentences, with their precision.

A date is ``(value, precision)`` with value ``YYYY``, ``YYYY-MM`` or
``YYYY-MM-DD``. A day or month without a year takes the year of the
publication date (the year before when that would put it more than a week
after publication); without a publication year it stays unknown. Relative
words keep the precision they really have: "last year" is a year, "recently"
is nothing.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass

from pipelines.parse.dates import date_from_line

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
    "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9,
    "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
_MON = r"(?P<mon>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"

_PATTERNS = [
    ("ymd", re.compile(rf"\b{_YEAR}[-./](?P<m>[01]?\d)[-./](?P<d>[0-3]?\d)\b")),
    ("mdy", re.compile(rf"\b{_MON}\s+{_DAY},?\s+{_YEAR}\b")),
    ("dmy", re.compile(rf"\b{_DAY}\s+{_MON},?\s+{_YEAR}\b")),
    ("md", re.compile(rf"\b{_MON}\s+{_DAY}\b(?!,?\s*(?:19|20)\d\d)(?![\d,]*\s*(?:yuan|million|billion|%))")),
    ("my", re.compile(rf"\b{_MON}\s*,?\s+{_YEAR}\b")),
    ("mon_rel", re.compile(rf"\b{_MON}\s+(?:of\s+)?(?P<rel>last|this)\s+year\b")),
    ("m", re.compile(rf"\b(?:in|since|from|by|during|until|early|late|mid-?|end of)\s+(?:early\s+|late\s+)?{_MON}(?!\s*\d)\b", re.I)),
    ("y", re.compile(rf"(?:\b(?:in|since|from|by|during|until|of|year|early|late|end of|autumn of|spring of|summer of|winter of)\s+(?:the\s+(?:year\s+)?)?|^){_YEAR}\b(?![-/]\d)(?!\s*(?:yuan|million|billion|%))", re.I)),
    ("last_year", re.compile(r"\blast year\b", re.I)),
    ("this_year", re.compile(r"\bthis year\b", re.I)),
    ("that_year", re.compile(r"\b(?:that|the same) year\b", re.I)),
    ("same_day", re.compile(r"\b(?:the same day|that day)\b", re.I)),
]

HEADING = re.compile(rf"^\s*(?:{_MON}\s*,?\s*{_YEAR}|(?P<y2>(?:19|20)\d\d)(?:\s*[-./]\s*(?P<m2>[01]?\d))?)\s*$", re.I)


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


def _fmt(y: int, m: int | None = None, d: int | None = None) -> tuple[str, str] | None:
    try:
        if d is not None and m is not None:
            _dt.date(y, m, d)
            return f"{y:04d}-{m:02d}-{d:02d}", "day"
        if m is not None:
            if not 1 <= m <= 12:
                return None
            return f"{y:04d}-{m:02d}", "month"
        return f"{y:04d}", "year"
    except ValueError:
        return None


def _pub_parts(pub: str | None) -> tuple[int | None, int | None, int | None]:
    if not pub:
        return None, None, None
    parts = [int(p) for p in pub.split("-")]
    return (parts + [None, None])[:3]  # type: ignore[return-value]


def _infer_year(month: int, day: int | None, pub: str | None) -> int | None:
    py, pm, pd = _pub_parts(pub)
    if py is None:
        return None
    if pm is not None:
        pub_date = _dt.date(py, pm, pd or 28)
        try:
            cand = _dt.date(py, month, day or 1)
        except ValueError:
            return py
        if (cand - pub_date).days > 7:
            return py - 1
    return py


def find_dates(text: str, ctx: DateContext) -> list[DateMention]:
    """Date expressions in a cleaned sentence, in order, non-overlapping (longest first)."""
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    py = _pub_parts(ctx.published)[0]
    for kind, pat in _PATTERNS:
        for m in pat.finditer(text):
            s, e = m.span()
            if any(s < te and ts < e for ts, te in taken):
                continue
            g = m.groupdict()
            val = None
            if kind == "ymd":
                val = _fmt(int(g["year"]), int(g["m"]), int(g["d"]))
            elif kind in ("mdy", "dmy"):
                val = _fmt(int(g["year"]), MONTHS[g["mon"].lower().rstrip(".")], int(g["day"]))
            elif kind == "md":
                mon = MONTHS[g["mon"].lower().rstrip(".")]
                if g["mon"].lower() in ("may", "mar") and not re.match(r"[A-Z]", g["mon"]):
                    continue
                y = _infer_year(mon, int(g["day"]), ctx.published)
                val = _fmt(y, mon, int(g["day"])) if y else (None, None)
            elif kind == "my":
                val = _fmt(int(g["year"]), MONTHS[g["mon"].lower().rstrip(".")])
            elif kind == "m":
                if g["mon"].lower() == "may" and not g["mon"][0].isupper():
                    continue
                mon = MONTHS[g["mon"].lower().rstrip(".")]
                y = _infer_year(mon, None, ctx.published)
                val = _fmt(y, mon) if y else (None, None)
            elif kind == "y":
                val = _fmt(int(g["year"]))
            elif kind == "mon_rel":
                mon = MONTHS[g["mon"].lower().rstrip(".")]
                val = _fmt(py - (g["rel"].lower() == "last"), mon) if py else (None, None)
            elif kind == "last_year":
                val = _fmt(py - 1) if py else (None, None)
            elif kind == "this_year":
                val = _fmt(py) if py else (None, None)
            elif kind == "that_year":
                val = (ctx.last_year, "year") if ctx.last_year else (None, None)
            elif kind == "same_day":
                val = (ctx.last_day, "day") if ctx.last_day else (None, None)
            if val is None:
                continue
            found.append(DateMention(s, e, val[0], val[1], kind))
            taken.append((s, e))
    found.sort(key=lambda d: d.start)
    return found


def heading_date(line: str) -> tuple[str, str] | None:
    """A line that is only a month and year ("Oct. 2018") or a year: a timeline heading."""
    m = HEADING.match(line.strip())
    if not m:
        return None
    g = m.groupdict()
    if g.get("mon"):
        return _fmt(int(g["year"]), MONTHS[g["mon"].lower().rstrip(".")])
    if g.get("m2"):
        return _fmt(int(g["y2"]), int(g["m2"]))
    return _fmt(int(g["y2"]))


# ------------------------------------------------------------------ publication date

_URL_DATES = [
    (re.compile(r"/((?:19|20)\d\d)-(\d\d)/(\d\d)/"), 3),
    (re.compile(r"/((?:19|20)\d\d)(\d\d)/(\d\d)/"), 3),
    (re.compile(r"/((?:19|20)\d\d)/(\d{1,2})/(\d{1,2})/"), 3),
    (re.compile(r"/((?:19|20)\d\d)/(\d\d)(\d\d)/"), 3),
    (re.compile(r"/((?:19|20)\d\d)-(\d\d)-(\d\d)/"), 3),
    (re.compile(r"/((?:19|20)\d\d)/(\d\d)/"), 2),
    (re.compile(r"/((?:19|20)\d\d)(\d\d)/"), 2),
]


def date_from_url(url: str | None) -> str | None:
    if not url:
        return None
    path = re.sub(r"^[a-z]+://[^/]+", "", url, flags=re.I)
    for pat, n in _URL_DATES:
        m = pat.search(path)
        if not m:
            continue
        parts = [int(x) for x in m.groups()[:n]]
        val = _fmt(*parts)
        if val:
            return val[0]
    return None


def date_from_text(text: str) -> str | None:
    """A date line near the top ("Updated:2019.08.29", "Date: April 01, 2021", "Mon, May 16 2022 13:30"),
    read by the same rule the HTML parser uses for a page's visible date line."""
    for line in text[:3000].splitlines():
        value = date_from_line(line)
        if value:
            return value
    return None


def publication_date(text: str, url: str | None, published: str | None) -> str | None:
    """The page's publication date: given, else a labelled date line in the text, else the URL path."""
    if published:
        return str(published)
    return date_from_text(text) or date_from_url(url)
