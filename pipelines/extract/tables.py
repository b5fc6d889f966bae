"""Tables of figures: a header line naming what each column holds, then rows of a label and bare figures.

    City | Agreements signed with universities | Platforms jointly built | Municipal funds invested (million yuan)
    Jinan | 48 | 21 | 320

Each bare figure under a header that names a unit ("Agreements signed ..." -> agreement, "Platforms ..." ->
platform) is a count; under a header that names money ("funds invested (million yuan)") it is an amount in
that currency and scale. The row's label holds them when it names a body or a place ("Jinan" -> Jinan City),
else (a year, a programme) the page's actor does. Rows are read only under a header of the same number of
cells; cells with words of their own ("19 stations") are left to the sentence rules. A table a scrape laid
out one cell per line or with tabs (table_layout.py) is read the same way.

Plain Python, no Dagster; called by ``pipelines.extract`` per sentence, with the header the page gave last.
"""

from __future__ import annotations

import re

from pipelines.extract.context import SentenceView
from pipelines.extract.count_units import COMPOUND_UNITS, SHARE_LABEL, UNITS, own_companies, own_people
from pipelines.extract.lexicon import ENTERPRISE_SUFFIX
from pipelines.extract.money import CURRENCIES, SCALES, find_money
from pipelines.extract.table_layout import NUMBER_HEAD, name_cells

_SPLIT = re.compile(r"\s*\|\s*")
_FIGURE = re.compile(r"(?P<num>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s*\+?")
# the words of a column of money: "Municipal funds invested (million yuan)", "Programme value", "Funding"
_MONEY_WORDS = r"funds?|funding|invest\w*|budget|grants?|spending|value|amount"
_MONEY_HEAD = re.compile(rf"\b(?:{_MONEY_WORDS})\b|\((?P<unit>[^()]+)\)", re.I)
_KIND = (("investment", re.compile(r"\binvest", re.I)), ("contract_value", re.compile(r"\bcontract|\bresearch income", re.I)))


def cells(text: str) -> list[str] | None:
    """The cells of a table line ("A | B | C"): three or more, or two on a short line ("City | New platforms",
    "Suzhou | 68"); three or more names parted by " / " or by semicolons ("X Center / Y University / Z Co., Ltd. /
    2021"), or a header given in brackets after a caption ("Selected centers (name; host; co-builder; year):");
    else None."""
    if "|" not in text:
        return name_cells(text)
    parts = [c.strip() for c in _SPLIT.split(text.strip().strip("|"))]
    return parts if (len(parts) >= 3 or len(parts) == 2 and len(text) <= 60) and all(parts) else None


def bracket_row(text: str, width: int) -> list[str] | None:
    """A row of a list whose caption put its columns in brackets ("Selected co-built platforms (partner, year)"):
    the name, then the bracket's cells, parted from the right so that a company's commas stay in its name
    ("X Center (Jiangling Motors Co., Ltd., 2018)"); what follows a semicolon in the bracket is a remark."""
    m = re.fullmatch(r"(?P<name>[A-Z][^()]{3,120}?)\s*\((?P<inner>[^()]+)\)\.?", text.strip())
    if not m or width < 2:
        return None
    inner = m.group("inner").split(";")[0]
    parts = [c.strip() for c in inner.rsplit(",", width - 2)]
    return [m.group("name").strip(), *parts] if len(parts) == width - 1 and all(parts) else None


def cells_of(sentence) -> list[str] | None:
    """The cells of a sentence that is a table's line: laid out one cell per line or with tabs or runs of spaces
    (``text.py`` keeps them, table_layout.py), or "A | B | C"; None for any other sentence."""
    return sentence.info.get("cells") or cells(sentence.clean)


def is_header(parts: list[str]) -> bool:
    """A header names its columns: no cell is a bare figure, and some cell names a unit or money, or every
    column after the first is a year ("Indicator | 2022-23 | 2023-24": the rows' labels name the units)."""
    if len(parts) >= 3 and re.fullmatch(r"[A-Za-z][a-z]*(?: [a-z]+){0,2}", parts[0]) and all(
            _YEAR_HEAD.fullmatch(p) or target_column(p) or _CHANGE_HEAD.search(p) for p in parts[1:]) \
            and _YEAR_HEAD.fullmatch(parts[1]) \
            and not years_line(" | ".join(parts)):
        # "Indicator | 2023 | 2022", "Item | 2023 | Target for 2025", "Indicator | 2023 | Year-on-year": the rows'
        # labels name the units (a column of changes holds no figure of its own: "+20.3%"; three years
        # or more are a line of years, ``across_years``, which also reads a caption)
        return True
    return not any(_FIGURE.fullmatch(p) for p in parts) and (any(
        column_unit(p) or money_column(p) for p in parts[1:]) or all(_YEAR_HEAD.fullmatch(p) for p in parts[1:]))


# a column of a year: "2023", "2023-24", "2023/24", "FY2024", "FY 2023-24"
_YEAR_HEAD = re.compile(r"(?:FY\s?)?((?:19|20)\d\d)(?:\s?[-/\u2013]\s?(?:(?:19|20)?\d\d))?", re.I)
# a column of what is aimed at, not done: "Target for 2025", "2025 goal", "Planned", "Projected"
_TARGET_HEAD = re.compile(r"\b(?:targets?|goals?|planned|plans?|objectives?|projected|projections?|forecasts?)\b",
                          re.I)


# a column of changes: "Year-on-year", "Change", "Growth", "YoY"
_CHANGE_HEAD = re.compile(r"\b(?:year[- ]on[- ]year|yoy|change|growth|increase|y/y)\b", re.I)


def target_column(head: str) -> bool:
    """The column holds targets or plans ("Indicator | 2023 | Target for 2025"): its figures are no counts."""
    return bool(_TARGET_HEAD.search(head))


def is_row(parts: list[str], header: list[str]) -> bool:
    """A row of figures under ``header``: as many cells, one of them a figure (a year under a column of dates is
    none: "Stellantis | 2016 | ...")."""
    return len(parts) == len(header) and any((_FIGURE.fullmatch(p) or _MONEY_CELL.fullmatch(p)) and not is_date_cell(h, p)
                                             and not target_column(h) for h, p in zip(header[1:], parts[1:]))


# an amount written in a cell ("$148.2m", "£2.4 million"): a row of the table all the same (its money is left to the
# sentence rules), so the rows after it stay under the header
_MONEY_CELL = re.compile(r"(?:[A-Z]{0,3}[$\u20ac\u00a3\u00a5\u20b9])\s?\d[\d,.]*\s?(?:m|bn|k|million|billion)?", re.I)


# a column of dates: "Agreement since", "Year signed", "Date", "Opened", "Established"
_DATE_HEAD = re.compile(r"\b(?:since|years?|dates?|time|opened|established|founded|launched|started|began|set up|"
                        r"created|inaugurated)\b|"
                        r"\bsigned (?:in|on)\b", re.I)


def is_date_cell(head: str, cell: str) -> bool:
    """A year under a column whose header names a time ("Agreement since | 2016"): a date, never a count."""
    return bool(_DATE_HEAD.search(head) and _DATE_CELL.fullmatch(cell.strip()))


# a year, or a year and its month ("2019.06", "2021-7")
_DATE_CELL = re.compile(r"(?P<y>(?:19|20)\d\d)(?:[./-](?P<m>0?[1-9]|1[0-2]))?")


def date_cell(cell: str) -> str | None:
    """The date a date column's cell gives: "2019" -> "2019", "2019.06" -> "2019-06"."""
    m = _DATE_CELL.fullmatch(cell.strip())
    return None if m is None else m["y"] + (f"-{int(m['m']):02d}" if m["m"] else "")


def column_unit(head: str) -> str | None:
    """The unit a column's header counts: its first unit word ("Agreements signed with universities" ->
    agreement, the thing done, not the partner named after it); a money column counts none."""
    if money_column(head):
        return None
    low = re.findall(r"[a-z][\w&-]*", head.lower())
    for i, w in enumerate(low):
        if i + 1 < len(low) and f"{w} {low[i + 1]}" in COMPOUND_UNITS:
            return COMPOUND_UNITS[f"{w} {low[i + 1]}"]
        if w in UNITS:
            return UNITS[w]
    return None


def label_unit(label: str) -> str | None:
    """The unit a row's label counts: the head of its noun phrase, the last unit word before a preposition or a
    participle ("Enterprise Ireland Innovation Partnership projects" -> program, "Research collaboration
    agreements with companies" -> agreement); else the first unit word. A label of a share counts nothing
    ("Graduates staying in the North East (%)")."""
    if SHARE_LABEL.search(label):
        return None
    low = re.findall(r"[a-z][\w&-]*", label.lower())
    cut = next((i for i, w in enumerate(low) if w in ("with", "of", "for", "by", "under", "between", "in", "to", "at")
                or w.endswith("ed") and i > 0), len(low))
    for i in range(cut - 1, -1, -1):
        if i and f"{low[i - 1]} {low[i]}" in COMPOUND_UNITS:
            return COMPOUND_UNITS[f"{low[i - 1]} {low[i]}"]
        if low[i] in UNITS:
            return UNITS[low[i]]
    return column_unit(label)


def money_column(head: str) -> tuple[str, float] | None:
    """(currency, scale) of a column of amounts ("Municipal funds invested (million yuan)"), or None."""
    m = _MONEY_HEAD.search(head)
    if not m:
        return None
    words = (m.group("unit") or head).lower()
    currency = next((c for w, c in CURRENCIES.items() if re.search(rf"(?<!\w){re.escape(w)}(?!\w)", words)), None)
    if currency is None:
        return None
    scale = next((v for w, v in sorted(SCALES.items(), key=lambda kv: -len(kv[0]))
                  if len(w) > 2 and re.search(rf"\b{re.escape(w)}\b", words)), 1.0)
    return currency, scale


def label_holder(v: SentenceView, label: str, whole: bool = True) -> str | None:
    """The body a row's label names ("Virginia Tech", "Jinan"): a mention spanning the whole label, or (``whole``
    False, a table's first cell) any mention opening in it; never a place the label only locates."""
    from pipelines.extract.count_parse import _holder_name

    text = label.strip(" -*\u2022\t")
    start = len(label) - len(label.lstrip(" -*\u2022\t"))
    for m in v.mentions:
        inside = (m.start <= start + 1 and m.end >= start + len(text) - 1 and m.kind not in ("org", "placeholder")
                  if whole else m.start < len(label) + 2)
        if inside and not m.locative:
            name = _holder_name(v, m)
            if name:
                return name
    return None


def _number(cell: str) -> float | int:
    v = float(_FIGURE.fullmatch(cell).group("num").replace(",", ""))
    return int(v) if v.is_integer() else v


# a heading or lead-in that names what the table under it counts ("Cooperation agreements signed, by year:")
_CAPTION_MAX = 120
_COUNT_HEAD = re.compile(r"\s*(?:number|total|count|no\.?|quantity)\b", re.I)
_YEAR_ROW = re.compile(r"\s*(?P<year>(?:19|20)\d\d)\s*(?:[:|\t\u2013\u2014-]\s*)?(?P<num>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s*")


def caption(text: str) -> str | None:
    """A line that can caption a table of figures: short, no sentence (no closing full stop), naming a unit or
    money ("Number of joint platforms by year", "Funds invested (million yuan):"); else None."""
    t = text.strip()
    if len(t) > _CAPTION_MAX or cells(t) or t.endswith((".", "!", "?")) or _YEAR_ROW.fullmatch(t):
        return None
    return t if column_unit(t) or money_column(t) else None


def bare_year_header(text: str) -> bool:
    """ "Year | Number": a two-column header that leaves what is counted to the caption above it."""
    return bool(re.fullmatch(r"\s*years?\s*[|\t:]\s*(?:number|total|count|no\.?|quantity)\b[^|]*", text, re.I))


def with_caption(parts: list[str], caption_text: str | None) -> list[str]:
    """A header whose figure columns say only "Number" or "Total" counts what the caption above names."""
    if not caption_text:
        return parts
    return [caption_text if i and _COUNT_HEAD.match(p) and not column_unit(p) and not money_column(p) else p
            for i, p in enumerate(parts)]


def year_row(text: str, caption_text: str | None) -> tuple[list[str], list[str]] | None:
    """(header, cells) of a headerless row of a year and a figure ("2019 | 45", "2019: 45") under a caption that
    names what the figures are; None otherwise."""
    m = _YEAR_ROW.fullmatch(text)
    if not m or not caption_text:
        return None
    return ["Year", caption_text], [m.group("year"), m.group("num")]


def lists_bodies(header: list[str]) -> bool:
    """A header of three or more columns, no figure, one of them "Name" ("No. | Name | Supporting unit |
    Co-building unit"): its rows may each be a platform."""
    return len(header) >= 3 and not any(_FIGURE.fullmatch(h) for h in header) and (
        name_column(header) is not None
        # (or a column of platforms beside a column of their builders: "Center | Host university | Co-building
        # enterprise")
        or platform_column(header) is not None and partner_column(header) is not None)


_PARTNER_HEAD = re.compile(r"\b(?:co-?build\w*|co-?construct\w*|partner\w*|enterprises?|compan(?:y|ies)|"
                           r"cooperat\w*|joint(?:ly)?)\b", re.I)


def name_column(header: list[str]) -> int | None:
    """The column a header calls the bodies' names ("Name", "Platform name"), or None."""
    return next((i for i, h in enumerate(header) if re.fullmatch(r"(?:platform |project )?name", h.strip().lower())),
                None)


def row_number(parts: list[str]) -> bool:
    """The row opens on its number ("3 | X Institute | ...")."""
    return bool(re.fullmatch(r"\d{1,3}\.?", parts[0].strip()))


def numbered(header: list[str], parts: list[str]) -> bool:
    """A row of a table whose first column numbers the rows ("No. | Name | ..." / "3 | X Institute | ...")."""
    return bool(NUMBER_HEAD.fullmatch(header[0].strip())) and row_number(parts)


def _governments_only(v: SentenceView, start: int, end: int) -> bool:
    """The span names places' governments and nothing else ("Shunde District, Foshan City")."""
    rest = v.clean[start:end]
    for m in sorted(v.mentions, key=lambda m: -m.start):
        if start <= m.start and m.end <= end and v.resolve(m)[1] == "government":
            rest = rest[:m.start - start] + rest[m.end - start:]
    return not re.sub(r"[\s,;]|\band\b", "", rest)


# the marks of a cell left empty: a dash, a slash, "n/a" (a partner's cell may also say "none")
EMPTY_MARK = r"[-\u2013\u2014/]|n/?a"


def no_partner(header: list[str], parts: list[str]) -> bool:
    """The row leaves the builders' column empty ("X Center | Y University | -")."""
    col = partner_column(header)
    return col is not None and col < len(parts) and bool(
        re.fullmatch(rf"{EMPTY_MARK}|none", parts[col].strip(), re.I))


def partner_column(header: list[str]) -> int | None:
    """The column naming the body a platform is built with ("Co-building enterprise", "Partner"), or None."""
    platforms = platform_column(header)
    return next((i for i, h in enumerate(header) if _PARTNER_HEAD.search(h) and i != platforms), None)


def platform_column(header: list[str]) -> int | None:
    """The column of a table whose header names platforms ("No. | Platform | Co-building university"), or None."""
    from pipelines.extract.platform_founding import PLATFORM_NOUNS, PLATFORM_PLURALS

    for i, h in enumerate(header):
        words = re.findall(r"[a-z]+", h.lower())
        if words in (["city"], ["town"], ["district"], ["port"]):
            continue  # ("... | City": where each body is, a place)
        if any(w in ("platform", "platforms") or w in PLATFORM_NOUNS or w in PLATFORM_PLURALS for w in words) and not any(
                w in ("number", "no", "total") for w in words):
            return i
    # ("No. | Institution | Co-builders | City": the bodies a column of builders says were built together)
    for i, h in enumerate(header):
        if re.fullmatch(r"(?:name of (?:the )?)?(?:institutions?|organi[sz]ations?|bodies)(?: name)?", h.strip().lower()) \
                and any(_PARTNER_HEAD.search(g) for j, g in enumerate(header) if j != i):
            return i
    return None


def cell_offsets(text: str, parts: list[str]) -> list[tuple[int, int]]:
    """Each cell's (start, end) in the row's text ("A | B | C")."""
    offsets, pos = [], 0
    for p in parts:
        at = text.find(p, pos)
        offsets.append((at, at + len(p)))
        pos = at + len(p)
    return offsets


_AGREEMENT_ABOUT = re.compile(r"(?:[A-Z][a-z]+\s+)?(?i:agreements?|contracts?|memorandum|MoU)\s+(?i:on|for)\s+(?:the\s+)?"
                             r"(?:(?i:co-?build|co-?construct|jointly build|build|establish|construct|set up)\w*\s+"
                             r"(?:of\s+)?(?:the\s+|an?\s+)?)?(?=[A-Z])")


# a column of what a body is worth or was given: "Programme value", "Funding", "Investment", "Budget"
_VALUE_HEAD = re.compile(rf"\b(?:{_MONEY_WORDS}|commitments?|contributions?|pledges?)\b", re.I)
# what may follow an amount in its cell: how it recurs and for how long ("per year", "over five years")
_MONEY_TAIL = re.compile(r"\s*(?P<per>(?:per|a|each|every) year|annually|per annum)?\s*"
                         r"(?:(?:over|for) (?:the next )?\w+ years)?\s*")
# a column of what the partner gives ("Partner commitment", "Partner contribution"): the partner is the funder
_PARTNER_PAYS = re.compile(r"\b(?:partner|company|industry)(?:'s)? (?:commitment|contribution|funding|investment|pledge)",
                           re.I)


def row_money(v: SentenceView, header: list[str], parts: list[str], platforms: list[dict]) -> list[dict]:
    """The amount of a row of a list of bodies ("X Lab | Keppel Ltd | 2021 | S$12 million" under "Lab | Partner |
    Launched | Programme value"): the row's platform's money, of the kind its column says, dated by the row's
    year cell."""
    from pipelines.extract.money import find_money

    body = next((p for p in platforms if p.get("name")), None)
    if body is None or len(parts) != len(header):
        return []
    from pipelines.extract.funding import PERIOD, years_of

    out = []
    for head, cell in zip(header, parts):
        money = find_money(cell)
        if not _VALUE_HEAD.search(head) or len(money) != 1 or not cell.strip().startswith(money[0].text.strip()):
            continue
        m = money[0]
        # (the cell may say how the money recurs and for how long: "60 million yuan over five years", "15 million
        # yuan per year")
        tail = _MONEY_TAIL.fullmatch(cell.strip()[len(m.text.strip()):])
        if tail is None:
            continue
        period = PERIOD.search(cell)
        kind = "program_value" if re.search(r"\bvalue\b", head, re.I) else next(
            (k for k, p in _KIND if p.search(head)), "commitment")
        # (the first year of the date column's cell: "2019 (concluded 2023)")
        year = next((y.group(0) for h, c in zip(header, parts) if _DATE_HEAD.search(h)
                     for y in [re.match(r"\s*((?:19|20)\d\d)\b", c)] if y), None)
        out.append({"amount": int(m.amount) if float(m.amount).is_integer() else m.amount, "currency": m.currency,
                    "amount_usd_stated": m.usd_stated, "qualifier": m.qualifier,
                    "per": "year" if tail.group("per") else "total",
                    "period_years": years_of(period) if period else None,
                    "kind": kind, "funder": body.get("partner") if _PARTNER_PAYS.search(head) else None,
                    "recipient": body["name"], "date": year or body.get("date")})
    return out


def row_platforms(v: SentenceView, header: list[str], parts: list[str]) -> list[dict]:
    """A row of a table of platforms: the platform its column names (a name ending in a platform noun), the
    university another cell names, the page's government as partner (a government's page lists the platforms it
    built with universities), else a body another cell names."""
    from pipelines.extract.platform_founding import name_head
    from pipelines.extract.platforms import platform_type

    if len(parts) != len(header):
        return []

    def head_of(cell: str) -> str | None:
        # (a body's name is capitalised, or opens on a prefix that is: "e-Mobility ... Lab", "6G Networks Joint Lab")
        return name_head(cell) if re.match(r"[A-Z]|[a-z]-[A-Z]|\d+[A-Z]", cell) else None

    # the platform column by its header, else the cell that names a body ("No. | Project | ...": "X College")
    col = platform_column(header)
    if col is None:
        col = name_column(header)  # "Name | Co-building party | Year"
    if col is None:
        col = next((i for i, p in enumerate(parts) if i and head_of(p) and not _FIGURE.fullmatch(p)), None)
    if col is None:
        return []
    name, opened = parts[col], None
    # (a cell that names the agreement about the body: "Renewed agreement on co-building the NPU X Research Institute")
    about = _AGREEMENT_ABOUT.match(name)
    if about and about.end() < len(name):
        name = name[about.end():]
    year = re.fullmatch(r"(?P<name>.+?)\s*\((?P<year>(?:19|20)\d\d)\)", name)
    if year:  # "Energy Transition Hub (2024)" under "Joint platform (opened)": the year it opened
        name, opened = year.group("name"), year.group("year")
    head = head_of(name)
    site = re.fullmatch(r"(?P<name>.+?)\s*\([A-Z][^()]{1,40}\)", name) if not head else None
    if site:  # "Chongqing University Science Park (Shapingba)": the name with its site in brackets
        head = head_of(site.group("name"))
    if not head:
        return []
    if no_partner(header, parts):
        return []  # the builder's column is empty ("X Center | Y University | -"): built alone, no partnership
    offsets = cell_offsets(v.clean, parts)
    if _governments_only(v, *offsets[col]):
        # ("Shunde District, Foshan City | Industry-university-research cooperation agreement | 2018": a partner, no
        # body)
        return []
    university, partner = None, None
    for i, (a, b) in enumerate(offsets):
        if i == col:
            continue
        for m in v.mentions:
            if a <= m.start and m.end <= b:
                n, k = v.resolve(m)
                if k == "university" and university is None:
                    university = n
                elif n and k in ("enterprise", "government", "agency", "zone") and partner is None:
                    partner = n
    ctx = v.state.ctx
    if ctx.university and university and university != ctx.university and partner is None:
        # ("Sino-German Joint Laboratory of Power Transmission | RWTH Aachen University | Joint laboratory | 2017" on
        # Chongqing University's page: the other university in the row is the page's university's partner)
        university, partner = ctx.university, university
    if partner is None and partner_column(header) == 0 and col != 0:
        partner = label_partner(v, header, parts)  # a list of partners: the row's label is the body
    if partner is None and not ctx.university and ctx.main_actor() != university:
        partner = ctx.main_actor()
    university = university or ctx.university  # (a row that names no university is the page's own university's)
    if university is None:
        return []  # (a company's own laboratory on a government's list: no university's platform)
    # (a government's table of the platforms it approved is its announcement: dated by the page; a university's
    # list of its platforms says nothing of when each was set up)
    # (or a column of dates gives the year of each: "Name | Partner | Year")
    dated = next((date_cell(p) for i, (h, p) in enumerate(zip(header, parts)) if i != col and is_date_cell(h, p)), None)
    date = opened or dated or (v.state.published if not ctx.university else None)
    return [{"name": name, "platform_type": platform_type(name, head), "university": university,
             "partner": partner, "date": date, "_weak": False, "_founders": 2}]


def label_partner(v: SentenceView, header: list[str], parts: list[str]) -> str | None:
    """The body a row's first cell names under a header that calls that column the partners ("Partner | Agreement
    since | ..."): the name a mention gives it, else the cell as written (a company the model does not know)."""
    if partner_column(header) != 0 or len(parts) != len(header):
        return None
    label = parts[0].strip(" -*\u2022\t")
    if not re.match(r"[A-Z]", label) or len(label.split()) > 8:
        return None
    return label_holder(v, parts[0]) or label


def row_agreements(v: SentenceView, header: list[str], parts: list[str]) -> list[dict]:
    """A row of the page's table of its partners with the year of their agreement ("Partner | Agreement since |
    Joint platform" / "Stellantis | 2016 | ..."): the page's university's agreement with the row's body, of that
    year."""
    from pipelines.extract.agreement_types import agreement_type
    from pipelines.extract.names import partner_type
    from pipelines.extract.syntax import AGREEMENT_NOUNS

    actor = v.main_university()
    if actor is None or len(parts) != len(header):
        return []
    col = next((i for i, h in enumerate(header) if i and is_date_cell(h, parts[i])
                and any(w in AGREEMENT_NOUNS for w in re.findall(r"[a-z]+", h.lower()))), None)
    partner = label_partner(v, header, parts) if col is not None else None
    if partner is None or partner == actor:
        return []
    label = next((m for m in v.mentions if m.start < len(parts[0]) + 2 and m.party), None)
    date = date_cell(parts[col])
    return [{"date": date, "date_precision": "year" if len(date) == 4 else "month", "university": actor, "partner": partner,
             "partner_type": partner_type(label) if label else "other", "agreement_type": agreement_type(header[col]),
             "partner_province": label.province if label else None, "_row_holder": True}]


def contract_partner(v: SentenceView, header: list[str], parts: list[str]) -> str | None:
    """The body a row of a table of contracts names in its partners' column ("No. | Project | Cooperative unit |
    Contract amount (10,000 yuan)" / "1 | ... | Great Wall Motor Company Limited | 860"): the other side of the
    row's contract, or None (no column of contract money, no partners' column, an empty cell)."""
    if len(parts) != len(header) or not any(money_column(h) and re.search(r"\bcontract", h, re.I) for h in header):
        return None
    col = partner_column(header)
    if col is None or col == 0 or platform_column(header) == col:
        return None
    (a, b), cell = cell_offsets(v.clean, parts)[col], parts[col].strip()
    for m in v.mentions:
        if a <= m.start and m.end <= b:
            name, kind = v.resolve(m)
            if name and kind in ("enterprise", "government", "agency", "zone", "institute"):
                return name
    # (a company the recogniser does not know: the cell as written, when it reads as a company's name)
    return cell if ENTERPRISE_SUFFIX.search(cell) and re.match(r"[A-Z]", cell) and len(cell.split()) <= 10 else None


def _contract_date(v: SentenceView) -> tuple[str | None, str | None]:
    """A contract row's own date, else the year of the lead the table is listed under."""
    date, precision = v.fact_date()
    if date is None and v.state.last_year:
        return v.state.last_year, "year"
    return date, precision


def row_contracts(v: SentenceView, header: list[str], parts: list[str]) -> list[dict]:
    """A row of a table of the page's university's contracts with a partners' column: its agreement with the row's
    body (devset convention: a research contract with a company is an agreement), dated as the row's money."""
    from pipelines.extract.agreement_types import with_partner
    from pipelines.extract.names import partner_type

    university = v.state.ctx.university
    partner = contract_partner(v, header, parts)
    if university is None or partner is None or partner == university:
        return []
    a, b = cell_offsets(v.clean, parts)[partner_column(header)]
    mention = next((m for m in v.mentions if a <= m.start and m.end <= b and v.resolve(m)[0] == partner), None)
    ptype = partner_type(mention) if mention else "enterprise"
    date, precision = _contract_date(v)
    return [{"date": date, "date_precision": precision if date else None, "university": university, "partner": partner,
             "partner_type": ptype, "agreement_type": with_partner("other", ptype),
             "partner_province": mention.province if mention else None}]


_YEARS_LINE = re.compile(r"(?:[A-Za-z][\w ]{0,30}?[\s:|]+)?(?P<years>(?:(?:19|20)\d\d[\s|]+){2,}(?:19|20)\d\d)\s*")


def years_line(text: str) -> list[str] | None:
    """The years of a header that lays a table's years across one line ("Year 2019 2020 2021 2022"), or None."""
    m = _YEARS_LINE.fullmatch(text.strip())
    return re.findall(r"(?:19|20)\d\d", m.group("years")) if m else None


def across_years(v: SentenceView, years: list[str], caption_text: str | None) -> list[dict]:
    """Counts of a row under a line of years: a label and one figure per year ("Agreements signed 12 15 20 25"),
    what the label (else the caption) counts, for the page's actor, one count per year."""
    m = re.fullmatch(rf"(?P<label>[A-Za-z][^\d|]*?)[\s:|]+(?P<figs>(?:\d[\d,]*[\s|]+){{{len(years) - 1}}}\d[\d,]*)\s*",
                     v.clean.strip())
    if not m:
        return []
    unit = label_unit(m.group("label")) or (column_unit(caption_text) if caption_text else None)
    if unit is None or unit == "enterprise" and own_companies(m.group("label"), v.clean):
        return []  # ("Spin-out companies formed 3 4 5": the university's own companies, no partners)
    figs = re.findall(r"\d[\d,]*", m.group("figs"))
    holder = v.state.ctx.main_actor()
    words = frozenset(re.findall(r"[a-z][\w&-]*", m.group("label").lower()))
    return [{"quantity": int(f.replace(",", "")), "qualifier": "exact", "unit": unit, "subject": holder,
             "_words": words, "_head": unit, "_definite": False, "_row": f"{m.group('label')} {y}"}
            for y, f in zip(years, figs)]


def row_facts(v: SentenceView, header: list[str], parts: list[str] | None = None) -> tuple[list[dict], list[dict]]:
    """(counts, funding) of one table row under ``header`` (its cells: ``parts``, else the sentence's)."""
    parts = parts or cells_of(v.sentence) or []
    label = parts[0]
    holder = label_holder(v, label, whole=False)
    if holder is None and not re.fullmatch(r"(?:19|20)\d\d", label):
        from pipelines.extract.names import table_place
        place = table_place(label)
        holder = place.canonical if place is not None else None
    holder = holder or v.state.ctx.main_actor()
    date, _ = v.fact_date()
    if re.fullmatch(r"(?:19|20)\d\d", label):
        date = label  # a row per year
    counts, funding = [], []
    latest = max((y.group(1) for h in header[1:] if (y := _YEAR_HEAD.fullmatch(h))), default="")
    # (the university a row names receives the row's money: "1 | X College | Y University | Z City | 300")
    recipient = next((n for m in v.mentions for n, k in [v.resolve(m)] if k == "university" and n != holder), None)
    contractor = contract_partner(v, header, parts)
    if contractor and v.state.ctx.university:
        # a row of the university's table of contracts: the body in the partners' column pays, the university gets
        holder, recipient = contractor, recipient or v.state.ctx.university
        date = date or _contract_date(v)[0]
    for head, cell in zip(header[1:], parts[1:]):
        year = _YEAR_HEAD.fullmatch(head)
        cash = find_money(cell) if _MONEY_CELL.fullmatch(cell) and year and _MONEY_HEAD.search(label) else []
        if cash and year.group(1) == latest:
            # an amount in a cell under the latest year ("Value of industry research income | $148.2m | $131.9m"):
            # the label says what the money is, the column its year
            from pipelines.extract.funding import _dollar
            currency = _dollar(v) if cash[0].currency == "USD" and cell.lstrip().startswith("$") else cash[0].currency
            kind = next((k for k, p in _KIND if p.search(label)), "commitment")
            contract = kind == "contract_value"
            funding.append({"amount": cash[0].amount, "currency": currency, "amount_usd_stated": None,
                            "qualifier": "exact", "per": "total", "period_years": None, "kind": kind,
                            "funder": None if contract else holder,
                            "recipient": (recipient or holder) if contract else recipient, "date": year.group(1)})
            continue
        if not _FIGURE.fullmatch(cell) or is_date_cell(head, cell) or target_column(head):
            continue
        money = money_column(head)
        if money is None and year and money_column(label):
            # a row of money under a column per year ("Value of technology contracts (billion yuan) | 4.7"): the
            # label says the currency and what the money is, the column its year
            money, head, date = money_column(label), label, year.group(1)
        if money:
            currency, scale = money
            amount = _number(cell) * scale
            kind = next((k for k, p in _KIND if p.search(head)), "commitment")
            per = "year" if re.search(r"\b(?:per|a|each) (?:year|annum)\b|\bannual", head, re.I) else "total"
            funder, to = holder, recipient
            if kind == "contract_value" and not contractor:
                # what the page's actor's contracts are worth ("Contract amount (100 million yuan) | 8.65"): its
                # partners pay, unnamed; a university is paid
                funder, to = None, recipient or (holder if holder == v.state.ctx.university else None)
            funding.append({"amount": int(amount) if float(amount).is_integer() else amount, "currency": currency,
                            "amount_usd_stated": None, "qualifier": "exact", "per": per, "period_years": None,
                            "kind": kind, "funder": funder, "recipient": to, "date": date})
            continue
        unit = column_unit(head)
        if unit is None and _YEAR_HEAD.fullmatch(head):
            head = label  # a column per year: the row's label says what is counted, for the page's actor
            unit = label_unit(label)
            holder = v.state.ctx.main_actor()
        if unit is None or unit == "enterprise" and own_companies(f"{label} {head}", v.clean):
            continue
        if unit == "person" and own_people(head):
            continue  # "Full-time students | 42,610 | 43,050": a university's own people, no figure of cooperation
        if not float(_number(cell)).is_integer():
            continue  # a count is whole: "Satisfaction score of partner organisations (out of 5) | 4.31" is a score
        words = frozenset(re.findall(r"[a-z][\w&-]*", head.lower()))
        # (``_row``: two rows with one figure are two counts, not a figure the page repeats)
        counts.append({"quantity": _number(cell), "qualifier": "exact", "unit": unit, "subject": holder,
                       "_words": words, "_head": unit, "_definite": False, "_row": label})
    return counts, funding
