"""What the report shows: one function per chart, each reading one mart of the serving copy.

A chart whose mart or column is missing from the warehouse (an older or newer
build) is not an error: it becomes a note naming what is missing, so the rest
of the report still renders.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from html import escape

from pipelines.report import svg

MARTS = "marts"
TOP = 15


class Missing(Exception):
    """The mart or a column the chart needs is not in the warehouse."""


@dataclass
class Chart:
    id: str
    title: str
    mart: str
    caption: str = ""
    svg: str | None = None  # the drawing, or None with a note saying why
    note: str | None = None
    rows: int = 0  # data points drawn
    extra_html: str = ""  # e.g. a table below the drawing
    columns_used: list[str] = field(default_factory=list)


class Marts:
    """Read-only access to schema ``marts`` that knows which tables and columns exist."""

    def __init__(self, con):
        self.con = con
        self._columns: dict[str, set[str]] = defaultdict(set)
        for table, column in con.execute(
            "SELECT table_name, column_name FROM information_schema.columns "
            "WHERE table_catalog = current_database() AND table_schema = ?",
            [MARTS],
        ).fetchall():
            self._columns[table].add(column)

    def columns(self, mart: str) -> set[str]:
        return self._columns.get(mart, set())

    def require(self, mart: str, *columns: str) -> None:
        if mart not in self._columns:
            raise Missing(f"mart {MARTS}.{mart} is not available in this warehouse")
        absent = [c for c in columns if c not in self._columns[mart]]
        if absent:
            raise Missing(f"column {', '.join(absent)} not available in {MARTS}.{mart}")

    def first(self, mart: str, candidates: list[str], what: str) -> str:
        """The first of ``candidates`` that ``mart`` has; Missing names them all."""
        self.require(mart)
        for c in candidates:
            if c in self._columns[mart]:
                return c
        raise Missing(f"column {' / '.join(candidates)} ({what}) not available in {MARTS}.{mart}")

    def rows(self, sql: str, params: list | None = None) -> list[tuple]:
        return self.con.execute(sql, params or []).fetchall()


CHARTS: list[tuple[tuple[str, str, str], Callable[[Marts, Chart], None]]] = []


def chart(chart_id: str, title: str, mart: str):
    """Register a chart (in report order): ``draw(marts, chart)`` fills in the chart or raises Missing."""

    def register(draw: Callable[[Marts, Chart], None]):
        CHARTS.append(((chart_id, title, mart), draw))
        return draw

    return register


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _years(rows: list[tuple]) -> list[int]:
    """Every year from the first to the last (gaps shown as empty), unless that spans over 60 years."""
    years = sorted({int(r[0]) for r in rows if r[0] is not None})
    if years and years[-1] - years[0] <= 60:
        return list(range(years[0], years[-1] + 1))
    return years


def _stacked_by_year(rows: list[tuple], *, label: str, fmt=svg.number) -> tuple[str, int]:
    """rows: (year, series, value), year not null. Series ordered by their total, largest first."""
    years = _years(rows)
    totals: dict[str, float] = defaultdict(float)
    cells: dict[tuple[int, str], float] = defaultdict(float)
    for year, name, value in rows:
        name = name or "(not stated)"
        totals[name] += float(value or 0)
        cells[(int(year), name)] += float(value or 0)
    names = sorted(totals, key=lambda n: (-totals[n], n))
    series = {n: [cells[(y, n)] for y in years] for n in names}
    return svg.stacked_columns([str(y) for y in years], series, label=label, fmt=fmt), len(rows)


@chart("agreements-by-year-partner-type", "Agreements per year, by partner type", "fct_agreements")
def agreements_by_year_and_partner_type(m: Marts, c: Chart) -> None:
    m.require(c.mart, "agreement_year", "partner_type")
    rows = m.rows(
        f"SELECT agreement_year, partner_type, count(*) FROM {MARTS}.fct_agreements "
        "WHERE agreement_year IS NOT NULL GROUP BY ALL ORDER BY 1"
    )
    undated = m.rows(f"SELECT count(*) FROM {MARTS}.fct_agreements WHERE agreement_year IS NULL")[0][0]
    if not rows:
        raise Missing(f"no dated agreements in {MARTS}.fct_agreements")
    rows = [(y, (t or "").replace("_", " ") or None, n) for y, t, n in rows]
    c.svg, c.rows = _stacked_by_year(rows, label=c.title)
    c.caption = f"Distinct agreements by the year they were signed; {undated} without a stated year are not shown."


def _top(m: Marts, mart: str, column: str, *, where: str = "", limit: int = TOP) -> list[tuple[str, float]]:
    rows = m.rows(
        f"SELECT coalesce(CAST({_q(column)} AS VARCHAR), '(not stated)') AS k, count(*) AS n "
        f"FROM {MARTS}.{_q(mart)} {where} GROUP BY 1 ORDER BY n DESC, k LIMIT {int(limit)}"
    )
    return [(str(k), float(n)) for k, n in rows]


@chart("agreements-by-partner-province", "Agreements by partner province", "fct_agreements")
def agreements_by_partner_province(m: Marts, c: Chart) -> None:
    col = m.first(c.mart, ["partner_province"], "the partner's province or state")
    rows = _top(m, c.mart, col)
    c.svg, c.rows = svg.horizontal_bars(rows, label=c.title), len(rows)
    c.caption = f"The {TOP} provinces (or states) with the most agreements, by where the partner lies."
    c.columns_used = [col]


COUNTRY_COLUMNS = ["partner_country_code", "partner_country", "country"]


@chart("agreements-by-partner-country", "Agreements by partner country", "fct_agreements")
def agreements_by_partner_country(m: Marts, c: Chart) -> None:
    col = m.first(c.mart, COUNTRY_COLUMNS, "the partner's country")
    rows = _top(m, c.mart, col)
    c.svg, c.rows = svg.horizontal_bars(rows, label=c.title, color=svg.PALETTE[2]), len(rows)
    c.caption = f"Agreements by the partner's country (the {TOP} largest)."
    c.columns_used = [col]


SECTOR_SUFFIX = "_partner_agreement_count"


@chart("agreements-by-year-partner-sector", "Agreements per year, by partner sector", "agreements_per_year")
def agreements_by_year_and_partner_sector(m: Marts, c: Chart) -> None:
    m.require(c.mart, "agreement_year")
    cols = sorted(x for x in m.columns(c.mart) if x.endswith(SECTOR_SUFFIX))
    if not cols:
        raise Missing(f"columns <sector>{SECTOR_SUFFIX} not available in {MARTS}.{c.mart}")
    unions = " UNION ALL ".join(
        f"SELECT agreement_year, '{x[: -len(SECTOR_SUFFIX)]}' AS sector, {_q(x)} AS n "
        f"FROM {MARTS}.agreements_per_year WHERE agreement_year IS NOT NULL"
        for x in cols
    )
    rows = m.rows(f"SELECT * FROM ({unions}) ORDER BY 1, 2")
    if not rows:
        raise Missing(f"no dated agreements in {MARTS}.{c.mart}")
    c.svg, c.rows = _stacked_by_year(rows, label=c.title)
    c.caption = "Agreements (not partners) per year with a government, industry or academic partner, from the yearly rollup."
    c.columns_used = cols


_CONSTANT_USD = re.compile(r"(constant|20\d\d).*usd|usd.*(constant|20\d\d)")


def constant_usd_column(columns: set[str]) -> str | None:
    """The funding mart's constant-dollar column: a name with 'usd' and 'constant' or a base year.

    The committed total is preferred over the amount as stated (which may be per year).
    """
    found = sorted(c for c in columns if _CONSTANT_USD.search(c.lower()))
    total = [c for c in found if c.startswith("total")]
    return (total or found or [None])[0]


@chart("funding-by-year-constant-usd", "Funding committed per year, constant US dollars", "funding_commitments")
def funding_by_year_constant_usd(m: Marts, c: Chart) -> None:
    m.require(c.mart, "funding_year", "currency_code")
    col = constant_usd_column(m.columns(c.mart))
    if col is None:
        raise Missing(f"column for constant US dollars (e.g. total_committed_amount_usd_2024) not available in {MARTS}.{c.mart}")
    rows = m.rows(
        f"SELECT funding_year, currency_code, sum({_q(col)}) FROM {MARTS}.funding_commitments "
        f"WHERE funding_year IS NOT NULL AND {_q(col)} IS NOT NULL GROUP BY ALL ORDER BY 1"
    )
    left_out = m.rows(
        f"SELECT count(*) FROM {MARTS}.funding_commitments WHERE funding_year IS NULL OR {_q(col)} IS NULL"
    )[0][0]
    if not rows:
        raise Missing(f"no dated funding with a value in {col} in {MARTS}.{c.mart}")
    c.svg, c.rows = _stacked_by_year(rows, label=c.title, fmt=svg.money)
    c.caption = (
        f"Sum of <code>{col}</code> by the year of the commitment, stacked by the currency the page states; "
        f"{left_out} commitments without a year or a dollar value are not shown."
    )
    c.columns_used = [col]


@chart("platforms-by-type", "Platforms by type", "platform_counts")
def platforms_by_type(m: Marts, c: Chart) -> None:
    m.require(c.mart, "dimension", "dimension_value", "platform_count")
    rows = m.rows(
        f"SELECT coalesce(dimension_value, '(not stated)'), platform_count FROM {MARTS}.platform_counts "
        "WHERE dimension = 'platform_type' ORDER BY platform_count DESC, 1"
    )
    if not rows:
        raise Missing(f"no platform_type rows in {MARTS}.platform_counts")
    data = [(str(k).replace("_", " "), float(n)) for k, n in rows]
    c.svg, c.rows = svg.horizontal_bars(data, label=c.title, color=svg.PALETTE[1]), len(data)
    c.caption = "Distinct institutes, bases, centres, parks ... set up jointly, by type."


@chart("top-universities", "Universities with the most agreements", "fct_agreements")
def top_universities(m: Marts, c: Chart) -> None:
    m.require(c.mart, "university")
    rows = _top(m, c.mart, "university")
    c.svg, c.rows = svg.horizontal_bars(rows, label=c.title, color=svg.PALETTE[4]), len(rows)
    c.caption = f"The {TOP} universities with the most distinct agreements."


@chart("top-partners", "Partners with the most agreements", "fct_agreements")
def top_partners(m: Marts, c: Chart) -> None:
    m.require(c.mart, "partner")
    rows = _top(m, c.mart, "partner")
    c.svg, c.rows = svg.horizontal_bars(rows, label=c.title, color=svg.PALETTE[3]), len(rows)
    c.caption = f"The {TOP} partners (governments, agencies, companies, ...) with the most distinct agreements."


@chart("source-health", "Source health", "source_health")
def source_health(m: Marts, c: Chart) -> None:
    m.require(c.mart, "source_id", "health_status")
    rows = m.rows(f"SELECT health_status, count(*) FROM {MARTS}.source_health GROUP BY 1 ORDER BY 2 DESC, 1")
    if not rows:
        raise Missing(f"no sources in {MARTS}.source_health")
    data = [(str(k or "(unknown)"), float(n)) for k, n in rows]
    c.svg, c.rows = svg.horizontal_bars(data, label=c.title, color=svg.PALETTE[5]), len(data)
    cols = m.columns(c.mart)
    detail = [x for x in ("last_error_stage", "last_error", "last_fetch_error") if x in cols]
    select = ", ".join(_q(x) for x in ["source_id", "health_status", *detail])
    bad = m.rows(f"SELECT {select} FROM {MARTS}.source_health WHERE health_status <> 'ok' ORDER BY 2, 1")
    c.caption = f"Sources by the state of their last fetch, parse and extraction; {len(bad)} not ok."
    if bad:
        head = "".join(f"<th>{escape(h)}</th>" for h in ["source_id", "health_status", *detail])
        body = "".join(
            "<tr>" + "".join(f"<td>{escape(str(v) if v is not None else '')[:300]}</td>" for v in r) + "</tr>"
            for r in bad
        )
        c.extra_html = f'<table class="detail"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


def draw_all(m: Marts) -> list[Chart]:
    """Every chart, in report order; one that cannot be drawn carries a note saying what is missing."""
    charts = []
    for (cid, title, mart), draw in CHARTS:
        c = Chart(cid, title, mart)
        try:
            draw(m, c)
        except Missing as exc:
            c.svg, c.note = None, str(exc)
        charts.append(c)
    return charts
