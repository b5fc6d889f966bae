"""Tables of a page's signings: a header with a column of the bodies signed with and a column of the days they
were signed ("Sl. No. | Partner organisation | Date of signing | Area / Purpose"), then one row per agreement
("1 | Tata Steel Limited | 24.04.2023 | Sponsored research"). Each row is the page's university's agreement with
the row's body, dated by its date cell.

A table of figures (``tables.py``) has figures in its rows; this one has names and dates, and its header says the
dates are signings (or an agreement noun names what the table lists, in the header or the line before it). Plain
Python, no Dagster; called by ``extract/__init__.py`` for each line of cells.
"""

from __future__ import annotations

import re

from pipelines.extract.agreement_types import agreement_type, with_partner
from pipelines.extract.context import SentenceView
from pipelines.extract.names import partner_type
from pipelines.extract.syntax import AGREEMENT_NOUNS
from pipelines.extract.tables import EMPTY_MARK, cell_offsets

# a column of the bodies signed with: "Partner organisation", "Name of the company", "MoU signed with", "Industry"
_PARTNER_HEAD = re.compile(r"\b(?:partner\w*|organi[sz]ations?|institutions?|compan(?:y|ies)|industry|enterprises?|"
                           r"firms?|localit(?:y|ies)|count(?:y|ies)|cit(?:y|ies)|municipalit(?:y|ies)|governments?|"
                           r"counterparts?|signed with|(?:mou|moa|agreement) with)\b", re.I)
# a column of when: "Date of signing", "Signed on", "Date", "Year"
_DATE_HEAD = re.compile(r"\b(?:dates?|signed(?: on| in)?|signing|signature|concluded|years?)\b", re.I)
# a date cell left empty ("Titan Company Limited | — | Internships"): the row's agreement, undated
_NO_DATE = re.compile(rf"\s*(?:{EMPTY_MARK})?\s*", re.I)
# a column of what was agreed: "Cooperation content", "Content", "Project", "Purpose", "Area"
_CONTENT_HEAD = re.compile(r"\b(?:content|project|purpose|area|subject|scope|field|title)s?\b", re.I)
# a cell that is one name: capitalised words and the words that join them ("Robert Bosch Engineering and Business
# Solutions"), no comma, bracket or second column
_ONE_NAME = re.compile(r"[A-Z][\w.'-]*(?:\s+(?:[A-Z][\w.'-]*|and|&|of|for|the))*")
_SIGNING = re.compile(r"\bsign(?:ed|ing|ature)\b", re.I)
# a row's agreement that is only meant ("to be signed", "proposed")
_NOT_YET = re.compile(r"\b(?:to be signed|proposed|planned|draft|under (?:negotiation|discussion))\b", re.I)


def _agreement_words(text: str) -> bool:
    return any(w in AGREEMENT_NOUNS for w in re.findall(r"[a-z]+", text.lower()))


def signing_header(parts: list[str] | None, before: str) -> tuple[int, int, bool] | None:
    """(partner column, date column, marked) of a header of a table of signings, or None. ``before``: the line above
    it (a caption such as "MoUs signed during the calendar year 2023"). ``marked``: the header or its caption says
    the rows are signings; else (a third column of what was agreed: "No. | Partner | Cooperation content | Date")
    only rows whose own cells name an agreement are signings."""
    if not parts or len(parts) < 2 or any(re.search(r"\d", p) for p in parts):
        return None  # (a row, not a header)
    date = next((i for i, p in enumerate(parts) if _DATE_HEAD.search(p) and len(p.split()) <= 5), None)
    partner = next((i for i, p in enumerate(parts) if i != date and _PARTNER_HEAD.search(p) and len(p.split()) <= 6),
                   None)
    if date is None or partner is None:
        return None
    # the dates are signings: its header says so ("Date of signing"), or the table or its caption lists agreements
    marked = bool(_SIGNING.search(parts[date]) or _agreement_words(" ".join(parts)) or _agreement_words(before))
    if not marked and not (len(parts) >= 3 and any(_CONTENT_HEAD.search(p) for i, p in enumerate(parts)
                                                   if i not in (partner, date))):
        return None
    return partner, date, marked


def signing_row(v: SentenceView, header: tuple[int, int, bool, int], parts: list[str]) -> list[dict]:
    """The agreement a row of a table of signings records: the page's university with the body of its partner
    cell, on the day (or in the month or year) of its date cell; none for a row that is no signing yet."""
    partner_col, date_col, marked, width = header
    actor = v.main_university()
    if actor is None or len(parts) != width or _NOT_YET.search(v.clean):
        return []
    what = " ".join(p for i, p in enumerate(parts) if i not in (partner_col, date_col))
    if not marked and not _agreement_words(what):
        return []  # ("Letter of intent on green transportation", "Under negotiation": no agreement signed)
    offsets = cell_offsets(v.clean, parts)
    (ps, pe), (ds, de) = offsets[partner_col], offsets[date_col]
    date = next(((d.value, d.precision) for d in v.dates if d.value and ds <= d.start and d.end <= de), None)
    cell = re.fullmatch(r"\s*((?:19|20)\d\d)(?:[./-](\d{1,2}))?\s*", v.clean[ds:de])
    if date is None and cell:
        # a cell of a year and a month ("2019.03", "2021/5"), which the date reader leaves: month precision
        month = int(cell.group(2)) if cell.group(2) else None
        date = (f"{cell.group(1)}-{month:02d}", "month") if month and 1 <= month <= 12 else (cell.group(1), "year")
    undated = date is None and marked and bool(_NO_DATE.fullmatch(v.clean[ds:de]))
    if undated:
        date = (None, None)
    if date is None:
        return []
    # the cell's first body ("Steel Authority of India Ltd (SAIL), Rourkela Steel Plant": the company, not its
    # short form or its plant); a body of its own the recogniser reads as a platform ("Odisha Space Applications
    # Centre (ORSAC)") is the partner all the same
    m = next((m for m in v.mentions if ps <= m.start and m.end <= pe and (m.party or m.kind == "platform")
              and not m.locative), None)
    if m is None:
        return []
    name, _ = v.resolve(m)
    cell = v.clean[ps:pe].strip()
    if (m.start > ps or m.end < pe) and _ONE_NAME.fullmatch(cell) and re.search(r"\s(?:and|&)\s", cell) and all(
            x.kind in ("enterprise", "org") for x in v.mentions if ps <= x.start and x.end <= pe):
        # a cell of one company's name the recogniser read in part, on one side of its "and" ("Robert Bosch
        # Engineering and Business Solutions" read as "Business Solutions"): the cell is the body's name
        name = cell
    if not name or name == actor:
        return []
    ptype = partner_type(m)
    return [{"date": date[0], "date_precision": date[1], "university": actor, "partner": name,
             "partner_type": ptype, "agreement_type": with_partner(agreement_type(what), ptype),
             "partner_province": m.province, **({"_undated": True} if undated else {})}]
