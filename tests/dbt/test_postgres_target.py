"""The same dbt project on PostgreSQL: staging rows loaded through the SQLAlchemy
writer (pipelines/warehouse_pg.py) into a fresh database, `dbt build` on the
postgres target (models, seeds, data tests, unit tests), and the marts
compared with a DuckDB build of the same rows.

Needs a PostgreSQL server: $PARTNERSHIPS_TEST_PG_URL (`.ci/run` starts one with
.ci/services.sh; locally `eval "$(bash .ci/services.sh)"`). The rows are the
hand-written sample of tests/dbt/test_dbt_build.py.
"""

from __future__ import annotations

import os
import uuid
from collections import defaultdict

import pytest

PG_URL = os.environ.get("PARTNERSHIPS_TEST_PG_URL")
if not PG_URL:
    pytest.skip(
        "PARTNERSHIPS_TEST_PG_URL is not set: no PostgreSQL server to build on "
        '(CI sets it; locally: eval "$(bash .ci/services.sh)")',
        allow_module_level=True,
    )

sa = pytest.importorskip("sqlalchemy")
dbt_main = pytest.importorskip("dbt.cli.main")
pytest.importorskip("dbt.adapters.postgres")

from pipelines import settings, warehouse, warehouse_pg  # noqa: E402
from tests.dbt.test_dbt_build import (  # noqa: E402
    AGREEMENTS, COUNTS, DOCUMENTS, ERRORS, FETCHES, FUNDING, PLATFORMS, at,
)

DBT_DIR = settings.REPO_ROOT / "dbt_project"

# Marts compared row for row count between the two builds, and measures compared by value.
COMPARED_MARTS = ("fct_agreements", "agreements_per_year", "funding_commitments", "dim_organizations")
MEASURES = {
    "agreements": "select sum(agreement_count) from marts.agreements_per_year",
    "usd_2024": "select round(sum(total_committed_amount_usd_2024)) from marts.funding_commitments",
    "countries": "select count(distinct country_code) from marts.dim_organizations",
}


def loads_per_source() -> dict[str, dict]:
    """The sample as one load_source call per source, as the pipeline's load stage makes them."""
    loads: dict[str, dict] = defaultdict(lambda: {"fetches": [], "documents": [], "errors": [],
                                                  "facts": {t: [] for t in warehouse.FACT_TABLES}})
    for doc_id, d in DOCUMENTS.items():
        loads[d["source_id"]]["documents"].append(
            dict(document_id=doc_id, content_hash=f"h_{doc_id}", text_chars=len(d["text"]), parsed_at=at(8, 30), **d))
    for table, rows in (("agreements", AGREEMENTS), ("funding", FUNDING), ("platforms", PLATFORMS), ("counts", COUNTS)):
        for row in rows:
            loads[row["source_id"]]["facts"][table].append(row)
    for row in FETCHES:
        loads[row["source_id"]]["fetches"].append(row)
    for row in ERRORS:
        loads[row["source_id"]]["errors"].append(row)
    return dict(loads)


def load(con) -> None:
    for source_id, batch in loads_per_source().items():
        report = warehouse.load_source(con, source_id, **batch)  # dispatches on the connection
        assert report.inserted["documents"] == len(batch["documents"])


def run_dbt(args: list[str], env: dict[str, str], work):
    with pytest.MonkeyPatch.context() as mp:
        for key, value in {"DO_NOT_TRACK": "1", "DBT_SEND_ANONYMOUS_USAGE_STATS": "false", **env}.items():
            mp.setenv(key, value)
        return dbt_main.dbtRunner().invoke([
            *args, "--project-dir", str(DBT_DIR), "--profiles-dir", str(DBT_DIR),
            "--target-path", str(work / "target"), "--log-path", str(work / "logs"), "--no-use-colors", "--quiet",
        ])


def statuses(res) -> dict[str, str]:
    return {r.node.unique_id: str(r.status) for r in res.result}


@pytest.fixture(scope="module")
def pg_database():
    """A fresh database on the test server, dropped afterwards."""
    admin = sa.create_engine(settings.pg_url(PG_URL), isolation_level="AUTOCOMMIT")
    name = f"partnerships_test_{uuid.uuid4().hex[:10]}"
    with admin.connect() as c:
        c.exec_driver_sql(f'CREATE DATABASE "{name}" ENCODING \'UTF8\' TEMPLATE template0')
    url = sa.engine.make_url(settings.pg_url(PG_URL)).set(database=name).render_as_string(hide_password=False)
    try:
        yield url
    finally:
        with admin.connect() as c:
            c.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.dispose()


@pytest.fixture(scope="module")
def pg_build(pg_database, tmp_path_factory):
    with warehouse_pg.connect(pg_database) as con:
        load(con)
        staged = warehouse.scalar(con, "select count(*) from raw.agreements")
    env = {settings.TARGET_ENV: "postgres", **settings.pg_dbt_env(pg_database)}
    res = run_dbt(["build"], env, tmp_path_factory.mktemp("dbt_pg"))
    assert res.exception is None, res.exception
    return res, staged


@pytest.fixture(scope="module")
def duckdb_counts(tmp_path_factory):
    """The same rows through the DuckDB writer, and the compared marts (with what they need) built there."""
    work = tmp_path_factory.mktemp("dbt_duckdb")
    path = work / "warehouse.duckdb"
    with warehouse.connect(path) as con:
        load(con)
    selection = [f"+{m}" for m in COMPARED_MARTS]
    res = run_dbt(["build", "--select", *selection, "--exclude-resource-type", "test", "unit_test"],
                  {settings.TARGET_ENV: "duckdb", settings.WAREHOUSE_ENV: str(path)}, work)
    assert res.success, res.exception or statuses(res)
    # dbt-duckdb keeps its read-write handle open in this process: open the file the same way
    with warehouse.connect(path) as con:
        counts = {m: warehouse.scalar(con, f"select count(*) from marts.{m}") for m in COMPARED_MARTS}
        counts.update({k: warehouse.scalar(con, sql) for k, sql in MEASURES.items()})
    return counts


def test_staging_rows_go_through_the_sqlalchemy_writer(pg_database, pg_build):
    _, staged = pg_build
    assert staged == len(AGREEMENTS)
    # reloading a source replaces its rows (no duplicates), as on DuckDB
    batch = loads_per_source()["xtu_news"]
    with warehouse_pg.connect(pg_database) as con:
        report = warehouse.load_source(con, "xtu_news", **batch)
        assert report.deleted["agreements"] == report.inserted["agreements"] == 2
        assert warehouse.scalar(con, "select count(*) from raw.agreements where source_id = ?", ["xtu_news"]) == 2


def test_dbt_build_passes_on_postgres_with_unit_tests(pg_build):
    res, _ = pg_build
    st = statuses(res)
    bad = {n: s for n, s in st.items() if s not in ("pass", "success", "warn")}
    assert res.success and not bad, bad
    assert sum(1 for r in res.result if r.node.resource_type == "unit_test") >= 8
    assert sum(1 for r in res.result if r.node.resource_type == "test") >= 50
    # the bad scraped values warn there as on DuckDB (unknown currency, unparseable date)
    warned = {n for n, s in st.items() if s == "warn"}
    assert any("relationships_stg_raw__funding_currency_code" in n for n in warned), warned
    assert any("expression_is_true_stg_raw__agreements" in n for n in warned), warned


def test_marts_match_the_duckdb_build(pg_database, pg_build, duckdb_counts):
    with warehouse_pg.connect(pg_database) as con:
        counts = {m: warehouse.scalar(con, f"select count(*) from marts.{m}") for m in COMPARED_MARTS}
        counts.update({k: warehouse.scalar(con, sql) for k, sql in MEASURES.items()})
        every_mart = [r[0] for r in con.execute(
            "select table_name from information_schema.tables where table_schema = 'marts'").fetchall()]
        empty = [m for m in every_mart if not warehouse.scalar(con, f'select count(*) from marts."{m}"')]
    assert all(counts[m] > 0 for m in COMPARED_MARTS), counts
    assert {k: float(v) for k, v in counts.items()} == {k: float(v) for k, v in duckdb_counts.items()}
    assert len(every_mart) >= 14 and not empty, (every_mart, empty)


def test_serving_copy_is_published_from_postgres(pg_database, pg_build, tmp_path, monkeypatch):
    from pipelines import serving

    monkeypatch.setenv(settings.TARGET_ENV, "postgres")
    monkeypatch.setenv(settings.PG_URL_ENV, pg_database)
    target, counts = serving.publish(tmp_path / "partnerships.duckdb")
    with warehouse_pg.connect(pg_database) as con:
        expected = {m: warehouse.scalar(con, f"select count(*) from marts.{m}") for m in COMPARED_MARTS}
    assert {m: counts[m] for m in COMPARED_MARTS} == expected
    with warehouse.connect(target, read_only=True) as duck:
        assert warehouse.scalar(duck, "select count(*) from marts.fct_agreements") == expected["fct_agreements"]
        # decimals keep their type: the report and the Parquet files see numbers, not text
        assert warehouse.scalar(duck, "select data_type from information_schema.columns where table_name = "
                                      "'funding_commitments' and column_name = 'amount_usd'") == "DECIMAL(18,2)"
    assert serving.export_parquet(target).rows["fct_agreements"] == expected["fct_agreements"]
