"""The whole Dagster graph, materialized into a warehouse in a temp dir.

Loads the real definitions, runs the nightly job over every bundled source,
and checks the marts against facts the seed pages state.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import dagster as dg
import duckdb
import pytest

from pipelines.definitions import defs as load_defs
from pipelines.defs.ingest import SOURCES_BY_ID, source_partitions
from pipelines.defs.schedules import all_sources_tags, nightly_schedule

XTU = "xtu_university_government"
REPO_ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def definitions() -> dg.Definitions:
    return load_defs()


def query(path, sql):
    con = duckdb.connect(str(path), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def run_nightly(definitions, tags=None):
    job = definitions.resolve_job_def("nightly_refresh")
    with dg.instance_for_test() as instance:
        result = job.execute_in_process(instance=instance, tags=tags or all_sources_tags(), raise_on_error=False)
    failures = [e.message for e in result.all_events if e.is_failure]
    assert result.success, failures
    return result


def test_definitions_load_and_validate(definitions):
    dg.Definitions.validate_loadable(definitions)
    keys = {k.to_user_string() for k in definitions.resolve_all_asset_keys()}
    for key in ("raw_pages", "documents", "facts", "raw/agreements", "marts/fct_agreements", "marts/agreements_per_year",
                "marts/funding_commitments", "marts/platform_counts", "serving_copy", "marts_parquet", "report"):
        assert key in keys, key
    assert set(source_partitions.get_partition_keys()) == set(SOURCES_BY_ID)


def test_nightly_schedule_requests_one_run_over_every_source(definitions):
    tick = datetime(2026, 11, 25, 2, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
    request = nightly_schedule(dg.build_schedule_context(scheduled_execution_time=tick))
    assert request.run_key == "nightly-2026-11-25"
    keys = source_partitions.get_partition_keys()
    assert request.tags["dagster/asset_partition_range_start"] == keys[0]
    assert request.tags["dagster/asset_partition_range_end"] == keys[-1]
    assert definitions.resolve_schedule_def("nightly_schedule").default_status == dg.DefaultScheduleStatus.RUNNING


def test_the_whole_graph_builds_the_marts_from_the_seed_pages(definitions, warehouse_env):
    result = run_nightly(definitions)
    wh = warehouse_env

    # every source produced a document, and every fact's evidence is a verbatim slice of its document
    docs = dict(query(wh, "select source_id, count(*) from raw.documents group by 1"))
    assert set(docs) == set(SOURCES_BY_ID)
    bad = query(
        wh,
        """select a.fact_id from raw.agreements a join raw.documents d using (source_id, document_id)
           where substr(d.text, a.evidence_start + 1, a.evidence_end - a.evidence_start) <> a.evidence""",
    )
    assert bad == []

    # the four marts are filled
    for mart in ("fct_agreements", "agreements_per_year", "funding_commitments", "platform_counts"):
        assert query(wh, f"select count(*) from marts.{mart}")[0][0] > 0, mart

    # the Xiangtan University timeline's years reach agreements_per_year
    years = {r[0] for r in query(wh, "select agreement_year from marts.agreements_per_year where agreement_year is not null")}
    assert {2005, 2012, 2013, 2014, 2018} <= years
    partners = {r[0] for r in query(wh, "select partner from marts.fct_agreements where university = 'Xiangtan University'")}
    assert {"Huaihua City", "Changde City", "Yuhu District"} <= partners

    # the Lyuliang pledge: at least 100 million yuan each year
    funding = query(wh, "select amount, currency_code, per from marts.funding_commitments")
    assert (100_000_000, "CNY", "year") in {(round(a), c, p) for a, c, p in funding}

    # dbt materializations carry the row counts of their relations
    mats = {e.asset_key.to_user_string(): e.materialization.metadata for e in result.get_asset_materialization_events()}
    (n_agreements,) = query(wh, "select count(*) from marts.fct_agreements")[0]
    assert mats["marts/fct_agreements"]["dagster/row_count"].value == n_agreements

    # the serving copy for BI tools holds the same marts
    serving = wh.parent / "serving" / wh.name
    assert query(serving, "select count(*) from marts.fct_agreements") == query(wh, "select count(*) from marts.fct_agreements")

    # every mart is also a Parquet file beside it, with the mart's rows
    marts = {r[0] for r in query(wh, "select table_name from information_schema.tables where table_schema = 'marts'")}
    files = {p.stem: p for p in (serving.parent / "parquet").glob("*.parquet")}
    assert set(files) == marts
    for mart in ("fct_agreements", "funding_commitments", "source_health"):
        assert duckdb.sql(f"select count(*) from '{files[mart]}'").fetchall() == query(wh, f"select count(*) from marts.{mart}")

    # the report: the charts whose marts and columns exist are drawn from the real marts
    report = (serving.parent / "report.html").read_text()
    for chart in ("agreements-by-year-partner-type", "agreements-by-year-partner-sector",
                  "agreements-by-partner-province", "agreements-by-partner-country", "platforms-by-type",
                  "top-universities", "top-partners", "source-health"):
        assert f'id="{chart}" data-mart=' in report and report.split(f'id="{chart}"')[1].split("</figure>")[0].count("<svg") == 1, chart
    assert "Xiangtan University" in report
    assert mats["report"]["charts_drawn"].value + mats["report"]["charts_not_drawn"].value == 9


def test_rerun_is_idempotent_and_a_failing_source_keeps_its_data(definitions, warehouse_env, monkeypatch, tmp_path):
    run_nightly(definitions)
    wh = warehouse_env
    before = query(wh, "select source_id, count(*) from raw.agreements group by 1 order by 1")

    # same inputs again: nothing is duplicated, and nothing is re-parsed
    run_nightly(definitions)
    assert query(wh, "select source_id, count(*) from raw.agreements group by 1 order by 1") == before
    parsed = json.loads((wh.parent / "work" / "documents" / f"{XTU}.json").read_text())
    assert parsed["documents"][0]["document_id"] == XTU

    # a parser change (new parser version) meets a page it cannot parse: the error is recorded,
    # the page's previous document and facts stay, and the other sources are processed
    import pipelines.parse as parse_module
    from pipelines import stages

    real_parse = parse_module.parse_bytes

    def failing_parse(body, **kwargs):
        if "xtu.edu.cn" in (kwargs.get("url") or ""):
            raise ValueError("simulated parser crash")
        return real_parse(body, **kwargs)

    monkeypatch.setattr(parse_module, "parse_bytes", failing_parse)
    monkeypatch.setattr(stages, "parser_version", lambda: "parser-v2")
    run_nightly(definitions)
    assert query(wh, "select source_id, count(*) from raw.agreements group by 1 order by 1") == before
    errors = query(wh, "select source_id, stage, error from raw.errors")
    assert [(s, st) for s, st, _ in errors] == [(XTU, "parse")]
    assert "simulated parser crash" in errors[0][2] and "xtu.edu.cn" in errors[0][2]
    reparsed = json.loads((wh.parent / "work" / "documents" / "chinadaily_education_xaut.json").read_text())
    assert reparsed["documents"][0]["parser_version"] == "parser-v2"


def test_warehouse_writers_share_a_pool_of_one(definitions, tmp_path, monkeypatch):
    """Staging loads, dbt and the serving copy never run at the same time; fetch/parse/extract do not wait."""
    for key in ("raw/agreements", "raw/fetches", "marts/fct_agreements", "serving_copy"):
        assert definitions.resolve_assets_def(dg.AssetKey.from_user_string(key)).op.pool == "warehouse", key
    for key in ("raw_pages", "documents", "facts", "marts_parquet", "report"):  # the last two read the serving copy
        assert definitions.resolve_assets_def(dg.AssetKey.from_user_string(key)).op.pool is None, key
    home = tmp_path / "home"
    home.mkdir()
    (home / "dagster.yaml").write_text((REPO_ROOT / ".dagster_home" / "dagster.yaml").read_text())
    monkeypatch.setenv("DAGSTER_HOME", str(home))
    with dg.DagsterInstance.get() as instance:
        assert instance.get_concurrency_config().pool_config.default_pool_limit == 1
