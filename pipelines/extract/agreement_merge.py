"""One row per agreement statement on a page: repeated mentions of one signing merged, and undated agreements
dated by the page's one signing (convention 7).

Split out of ``agreements.py``; ``pipelines.extract.agreements`` re-exports these. Plain Python, no Dagster.
"""

from __future__ import annotations

import re

from pipelines.extract.names import same_entity


def merge(facts: list[dict], timeline: bool, signing: tuple[str, str] | None = None) -> list[dict]:
    """One row per (university, partner) statement: repeated mentions of one signing become one row.

    Same pair and same date merge; in a news page (not a timeline) an undated
    mention merges into a dated one of the same pair, unless one comes from a
    list of partners and the other does not (a summary and a single event), or
    the dated one is an earlier signing than the one the page reports
    (``signing``, ``page_signing``): "A and B have signed a 10-year agreement"
    beside "In 2018 A and B signed the memorandum that ..." are two.
    """
    out: list[dict] = []
    for f in facts:
        hit = None
        for g in out:
            if not (same_entity(f["university"], g["university"]) and (same_entity(f["partner"], g["partner"])
                                                                         or _short_form(f, g))):
                continue
            if f["date"] == g["date"]:
                if f["date"] is None and (timeline or listed(f) != listed(g)):
                    continue
                hit = g
                break
            if not timeline and (f["date"] is None or g["date"] is None) and listed(f) == listed(g) \
                    and not (_earlier_than(f["date"] or g["date"], signing) and _signs(f if g["date"] else g)):
                hit = g
                break
            if not timeline and _near(f, g):
                hit = g  # "recently signed" (month of the page) and "signed on Oct 29": one signing
                break
            if _tells_its_headline(g, f):
                hit = g  # "[2024-12-06] A and B renew PhD agreement" then "On December 3, A and B renewed ...":
                break    # the story's own sentence dates the signing its headline (stamped with the item's day) names
        if hit is None:
            out.append(f)
            continue
        longer = max(f["partner"], hit["partner"], key=len)
        if hit["date"] is None and f["date"] is not None or _finer(f, hit) or _tells_its_headline(hit, f):
            out[out.index(hit)] = hit = f
        hit["partner"] = longer
    return out


def _short_form(f: dict, g: dict) -> bool:
    """One company's name is the other's opening words and no place ("Schaeffler" of "Schaeffler Greater China"): the
    page's short form of one body. (Never a government's: "Nanshan District" is no short form of its bureau, nor a
    state of its board.)"""
    from pipelines.extract.places import table_place

    a, b = f["partner"], g["partner"]
    if not a or not b or a == b or not {f["partner_type"], g["partner_type"]} <= {"enterprise", "other"}:
        return False
    short, full = sorted((a, b), key=len)
    return full.startswith(short + " ") and len(short) >= 4 and table_place(short) is None and not re.search(
        r"\b(?:City|County|District|Prefecture|Province|State|Region|Borough|Council|Government)$", short)


def listed(f: dict) -> bool:
    """The row comes from a list of partners (rows of a page's own layouts may not say: not listed)."""
    return f.get("_enumerated", False)


def _tells_its_headline(head: dict, body: dict) -> bool:
    """``body`` comes from a full sentence among the first three after the headline (no closing punctuation)
    ``head`` comes from, both dated, the body as finely ("recently" is no finer date than the headline's day)."""
    h, b = head.get("_ev"), body.get("_ev")
    if h is None or b is None or not head["date"] or not body["date"] or h.text.rstrip().endswith((".", "!", "?", ";")):
        return False
    return 0 < b.index - h.index <= 3 and b.text.rstrip().endswith((".", "!", "?")) and \
        _RANK[body["date_precision"]] >= _RANK[head["date_precision"]]


_SIGNS = re.compile(r"\b(?:sign(?:s|ed)?|ink(?:s|ed)?|conclude[sd]?|seal(?:s|ed)?|enter(?:s|ed)? into|renew(?:s|ed)?)\b",
                    re.I)


def _signs(f: dict) -> bool:
    """The row's sentence tells a signing ("have signed a 10-year agreement"), not a standing relationship."""
    return f.get("_ev") is not None and bool(_SIGNS.search(f["_ev"].text))


def _earlier_than(date: str, signing: tuple[str, str] | None) -> bool:
    """``date`` is of a year before the page's own signing."""
    return signing is not None and date[:4] < signing[0][:4]


_RANK = {"day": 3, "month": 2, "year": 1, None: 0}  # how fine a date's precision is


def _finer(f: dict, g: dict) -> bool:
    return f["date"] is not None and _RANK[f["date_precision"]] > _RANK[g["date_precision"]]


def _near(f: dict, g: dict) -> bool:
    """A day and a month (or a month and a year) that can be the same signing: within about a month."""
    import datetime as dt

    if not f["date"] or not g["date"] or f["date_precision"] == g["date_precision"]:
        return False
    a, b = sorted((f["date"], g["date"]), key=len)
    if len(a) == 4:
        return b.startswith(a)
    try:
        da = dt.date.fromisoformat(a + "-15")
        db = dt.date.fromisoformat(b if len(b) == 10 else b + "-15")
    except ValueError:
        return False
    return abs((da - db).days) <= 35


def undate_after(facts: list[dict], published: str | None) -> None:
    """A signing the page reports cannot come after the page: a later date (compared at the coarser precision of
    the two) is another event's ("the centre will open in September 2026"); the page's signing dates it instead
    (``fill_dates``)."""
    for f in facts:
        n = min(len(f["date"] or ""), len(published or ""))
        if n and f["date"][:n] > published[:n]:
            f["date"], f["date_precision"] = None, None


def _months(date: str) -> int:
    return int(date[:4]) * 12 + int(date[5:7]) - 1


def page_signing(sign_dates: list[tuple[str, str]], timeline: bool,
                 published: str | None = None) -> tuple[str, str] | None:
    """The one signing a news page reports: (date, precision) of its first dated signing sentence; None on a
    timeline page or when the page reports signings at different times (an undated fact could be any)."""
    if timeline or not sign_dates:
        return None
    # "signed an agreement in 2016": history the page recalls, not the signing it reports; a year that a finer
    # date of the page's signing falls in ("41 MoUs in 2023" beside "on Friday") says nothing more
    finer = [(d, p) for d, p in sign_dates if p != "year"]
    if finer and len({d[:7] for d, _ in finer}) > 1 and published and len(published) == 10:
        # signings in two months, one of them the news of a page dated to the day (its month or the month before) and
        # the others earlier ("renewed on Monday" beside "the original MoU, signed in June 2019"): the news is
        # the signing the page reports, the earlier ones history it recalls
        news = [(d, p) for d, p in finer if 0 <= _months(published) - _months(d) <= 1]
        if len({d[:7] for d, _ in news}) == 1 and all(d[:7] < news[0][0][:7] for d, p in finer if (d, p) not in news):
            finer = news
    if not finer or len({d[:7] for d, _ in finer}) > 1:
        return None
    # (a year before the page's signing is history it recalls, "first concluded in 2012"; a later one, another
    # signing)
    if any(d[:4] > finer[0][0][:4] for d, p in sign_dates if p == "year"):
        return None
    return finer[0]


def fill_dates(facts: list[dict], sign_dates: list[tuple[str, str]], timeline: bool,
               published: str | None = None) -> None:
    """In a news page that reports one signing, an agreement no sentence dates is that signing: it takes the date
    of the page's signing (convention 7: the signing date beats the publication date)."""
    signing = page_signing(sign_dates, timeline, published)
    if signing is None:
        return
    date, precision = signing
    for f in facts:
        if f["date"] is None and not f.get("_undated"):
            f["date"], f["date_precision"] = date, precision


def fullest_agency_names(facts: list[dict]) -> None:
    """One name per agency on a page: "the Highways Department" a later sentence names is the "Tamil Nadu Highways
    Department" the page named in full (the one agency whose name ends so)."""
    kinds = ("government_agency", "ministry")
    names = {f["partner"] for f in facts if f.get("partner_type") in kinds and f.get("partner")}
    for f in facts:
        name = f.get("partner")
        if f.get("partner_type") in kinds and name and " " in name:
            longer = {n for n in names if n.endswith(" " + name)}
            if len(longer) == 1:
                f["partner"] = longer.pop()
