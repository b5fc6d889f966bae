"""The HTML report: built from a small serving copy, opened in headless Chromium.

The browser tests skip only when Debian's chromium is not installed (.ci/run
installs it, so CI runs them).
"""

from __future__ import annotations

import json
import re
import struct
from pathlib import Path

import duckdb
import pytest

from pipelines import serving
from pipelines.cli import main as cli_main
from pipelines.report import build_report
from pipelines.report.charts import CHARTS, constant_usd_column
from report_browser import chromium_binary, visit

CHART_IDS = [spec[0] for spec, _ in CHARTS]

# Per chart: its id, and for each <figure>: how many <svg> it holds, its state and its note.
CHECK = """JSON.stringify([...document.querySelectorAll('figure.chart')].map(f => ({
  id: f.id, mart: f.dataset.mart, state: f.dataset.state,
  svgs: f.querySelectorAll('svg').length, bars: f.querySelectorAll('svg rect').length,
  width: f.querySelector('svg') ? f.querySelector('svg').getBoundingClientRect().width : 0,
  note: (f.querySelector('p.note') || {}).textContent || null,
  link: (f.querySelector('a.mart') || {}).getAttribute ? f.querySelector('a.mart').getAttribute('href') : null})))"""


def make_serving_copy(path: Path, *, country: bool = True, constant_usd: bool = True, platforms: bool = True) -> Path:
    """A serving copy with the marts' columns the report reads, and a few rows of each."""
    con = duckdb.connect(str(path))
    con.execute("CREATE SCHEMA marts")
    con.execute(
        f"""CREATE TABLE marts.fct_agreements AS SELECT * FROM (VALUES
            ('a1', 2018, 'province', 'Hunan', 'CN', 'Xiangtan University', 'Hunan Province'),
            ('a2', 2018, 'city', 'Hunan', 'CN', 'Xiangtan University', 'Huaihua City'),
            ('a3', 2019, 'enterprise', 'Guangdong', 'CN', 'Hunan University', 'Huawei'),
            ('a4', 2021, 'city', 'Hunan', 'CN', 'Hunan University', 'Changsha City'),
            ('a5', 2021, 'government_agency', NULL, 'GB', 'Tsinghua University', 'Innovate UK'),
            ('a6', NULL, 'other', NULL, NULL, 'Tsinghua University', 'Someone'))
            AS t(agreement_id, agreement_year, partner_type, partner_province, partner_country_code, university, partner)"""
    )
    if not country:
        con.execute("ALTER TABLE marts.fct_agreements DROP COLUMN partner_country_code")
    con.execute(
        """CREATE TABLE marts.agreements_per_year AS SELECT * FROM (VALUES
           (2018, 2, 2, 0, 0), (2019, 1, 0, 1, 0), (2020, 0, 0, 0, 0), (2021, 2, 2, 0, 0), (NULL, 1, 0, 0, 0))
           AS t(agreement_year, agreement_count, government_partner_agreement_count,
                industry_partner_agreement_count, academia_partner_agreement_count)"""
    )
    usd = ", total_committed_amount_usd_2024" if constant_usd else ""
    con.execute(
        f"""CREATE TABLE marts.funding_commitments AS SELECT funding_id, funding_year, currency_code, amount_usd{usd}
            FROM (VALUES ('f1', 2018, 'CNY', 1.4e7, 1.8e7), ('f2', 2021, 'GBP', 2.5e6, 2.9e6), ('f3', NULL, 'CNY', 1e6, 1.1e6))
            AS t(funding_id, funding_year, currency_code, amount_usd, total_committed_amount_usd_2024)"""
    )
    con.execute("CREATE TABLE marts.fct_platforms AS SELECT 'p' || i AS platform_id FROM range(3) r(i)")
    if platforms:
        con.execute(
            """CREATE TABLE marts.platform_counts AS SELECT * FROM (VALUES
               ('platform_type', 'institute', 2), ('platform_type', 'research_base', 1), ('university', 'Hunan University', 3))
               AS t(dimension, dimension_value, platform_count)"""
        )
    con.execute("CREATE TABLE marts.dim_documents AS SELECT 'd' || i AS document_id FROM range(4) r(i)")
    con.execute(
        """CREATE TABLE marts.source_health AS SELECT * FROM (VALUES
           ('xtu', 'ok', NULL, NULL), ('hnu', 'ok', NULL, NULL), ('broken_site', 'fetch_failed', 'fetch', 'HTTP 503 <b>'))
           AS t(source_id, health_status, last_error_stage, last_error)"""
    )
    con.close()
    return path


def test_constant_dollar_column_is_found_by_name():
    assert constant_usd_column({"amount_usd", "total_committed_amount_usd"}) is None
    assert constant_usd_column({"amount_usd_2024", "total_committed_amount_usd_2024"}) == "total_committed_amount_usd_2024"
    assert constant_usd_column({"amount_constant_usd"}) == "amount_constant_usd"


def test_report_draws_every_chart_and_links_its_mart(tmp_path):
    (tmp_path / "serving").mkdir()
    db = make_serving_copy(tmp_path / "serving" / "partnerships.duckdb")
    export = serving.export_parquet(db)
    built = build_report(db)
    assert built.path == db.parent / "report.html"
    assert [c.id for c in built.charts] == CHART_IDS and built.missing == []
    html = built.path.read_text()
    assert "<script" not in html and "http://" not in html.replace('xmlns="http://www.w3.org/2000/svg"', "")
    for c in built.charts:  # each chart names its mart and links to that mart's Parquet file
        assert f'href="parquet/{c.mart}.parquet"' in html.split(f'id="{c.id}"')[1].split("</figure>")[0]
        assert export.files[c.mart].is_file()
    # the figures drawn are the data's: agreement years 2018..2021 with the gap year, the error text escaped
    assert re.search(r">2020</text>", html) and "HTTP 503 &lt;b&gt;" in html
    assert "Innovate UK: 1" in html and "total_committed_amount_usd_2024" in html
    # the country chart reads the partner's country code; the sector chart the renamed rollup columns
    by_id = {c.id: c for c in built.charts}
    assert by_id["agreements-by-partner-country"].columns_used == ["partner_country_code"] and "GB: 1" in html
    assert by_id["agreements-by-year-partner-sector"].columns_used == [
        "academia_partner_agreement_count", "government_partner_agreement_count", "industry_partner_agreement_count"]


def test_report_degrades_with_a_note_when_a_column_or_mart_is_missing(tmp_path):
    db = make_serving_copy(tmp_path / "old.duckdb", country=False, constant_usd=False, platforms=False)
    out = tmp_path / "elsewhere" / "r.html"
    built = build_report(db, out)
    notes = {c.id: c.note for c in built.missing}
    assert notes == {
        "agreements-by-partner-country": "column partner_country_code / partner_country / country (the partner's country) not available in marts.fct_agreements",
        "funding-by-year-constant-usd": "column for constant US dollars (e.g. total_committed_amount_usd_2024) not available in marts.funding_commitments",
        "platforms-by-type": "mart marts.platform_counts is not available in this warehouse",
    }
    html = out.read_text()
    assert html.count('data-state="missing"') == 3 and html.count('data-state="drawn"') == len(CHART_IDS) - 3
    assert "not available in marts.fct_agreements" in html


def test_report_reads_the_serving_copy_read_only(tmp_path):
    db = make_serving_copy(tmp_path / "s.duckdb")
    holder = duckdb.connect(str(db), read_only=True)  # a BI tool holding the file open
    try:
        build_report(db, tmp_path / "r.html")
    finally:
        holder.close()


def test_cli_report_writes_the_page_or_says_what_is_missing(tmp_path, capsys):
    db = make_serving_copy(tmp_path / "s.duckdb", country=False)
    out = tmp_path / "out" / "report.html"
    assert cli_main(["report", "--serving", str(db), "--out", str(out)]) == 0
    captured = capsys.readouterr()
    assert f"report: {out}" in captured.out and out.is_file()
    assert "not drawn: Agreements by partner country: column partner_country_code" in captured.err
    assert cli_main(["report", "--serving", str(tmp_path / "nope.duckdb")]) == 2
    assert "nope.duckdb: no serving copy to report on" in capsys.readouterr().err


def _png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    return struct.unpack(">II", data[16:24])


needs_chromium = pytest.mark.skipif(
    chromium_binary() is None, reason="Debian's chromium is not installed (.ci/run installs it: apt-get install chromium)"
)


@needs_chromium
def test_the_report_renders_in_headless_chromium(tmp_path):
    (tmp_path / "serving").mkdir()
    db = make_serving_copy(tmp_path / "serving" / "partnerships.duckdb")
    serving.export_parquet(db)
    page = build_report(db).path
    result = visit(page, expression=CHECK, screenshot=tmp_path / "report.png")
    assert result.errors == []
    assert result.requests == [page.resolve().as_uri()], "the page must load nothing but itself"
    figures = json.loads(result.value)
    assert [f["id"] for f in figures] == CHART_IDS
    for f in figures:  # one drawing per chart, laid out with a real width, with bars in it
        assert (f["state"], f["svgs"], f["note"]) == ("drawn", 1, None), f
        assert f["width"] > 200 and f["bars"] >= 2, f
        assert f["link"] == f"parquet/{f['mart']}.parquet"
    width, height = _png_size(result.screenshot)
    assert width >= 1000 and height >= 900


@needs_chromium
def test_the_degraded_report_renders_its_notes_in_chromium(tmp_path):
    db = make_serving_copy(tmp_path / "s.duckdb", country=False, constant_usd=False)
    page = build_report(db, tmp_path / "r.html").path
    result = visit(page, expression=CHECK, screenshot=tmp_path / "r.png")
    assert result.errors == []
    figures = {f["id"]: f for f in json.loads(result.value)}
    assert len(figures) == len(CHART_IDS)
    for cid in ("agreements-by-partner-country", "funding-by-year-constant-usd"):
        assert figures[cid]["svgs"] == 0 and "not available" in figures[cid]["note"]
    assert figures["top-partners"]["svgs"] == 1


@needs_chromium
def test_the_browser_check_catches_script_errors_and_requests(tmp_path):
    """The harness itself: a page that throws and fetches is reported, so a clean report is a real result."""
    page = tmp_path / "broken.html"
    page.write_text(
        "<!doctype html><html><body><figure class='chart'></figure>"
        "<script>console.error('boom'); undefinedFunction();</script>"
        "<img src='http://127.0.0.1:9/missing.png'></body></html>"
    )
    result = visit(page, expression="document.querySelectorAll('figure.chart').length", screenshot=tmp_path / "b.png")
    assert result.value == 1
    assert any("undefinedFunction" in e for e in result.errors), result.errors
    assert any("boom" in e for e in result.errors), result.errors
    assert "http://127.0.0.1:9/missing.png" in result.requests
