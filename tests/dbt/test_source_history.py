"""source_health keeps the fetch history: a source runs fine, then fails to fetch.

The pipeline's real stages (live fetch from a loopback server, parse, extract,
load) run one source twice: the first night the page is served, the second the
server answers 503. The load replaces the source's fetch log in `raw.fetches`,
so only dbt's incremental `source_health_history` remembers the good night:
after the failure source_health still shows when the source last succeeded and
its last good fetch, next to the failure; the history holds both runs with
their counts, even though the second build was a --full-refresh. (That a build
with nothing new appends nothing is the model's dbt unit test.)
"""

from __future__ import annotations

import pytest

from pipelines import stages
from pipelines.crawl import CrawlSettings, RawStore
from pipelines.registry import Source
from pipelines.warehouse import connect
from tests.crawl.crawl_loopback import LoopbackServer, send
from tests.dbt.test_dbt_build import rows, run_dbt, statuses

PAGE = """<html><head><title>Foshan agreement</title>
<meta property="article:published_time" content="2023-05-08"></head><body>
<article><h1>Foshan agreement</h1><p>Example University signed a strategic cooperation agreement with the
People's Government of Foshan City, Guangdong Province on May 5, 2023.</p></article></body></html>"""

# Only the two models and what they read: the staging views, then the history and the mart.
MODELS = ["--select", "+source_health", "+source_health_history"]
# The two models again, with their own data tests only.
JUST_THEM = ["--select", "source_health", "source_health_history", "--indirect-selection", "cautious"]


@pytest.fixture
def server():
    server = LoopbackServer("127.0.0.1").start()
    yield server
    server.stop()


def test_last_success_stays_known_after_a_failed_fetch(server, tmp_path):
    server.page("/robots.txt", "User-agent: *\nAllow: /\n", headers={"Content-Type": "text/plain"})
    server.page("/news/1.htm", PAGE)
    source = Source(id="example_news", publisher="Example University", university="Example University",
                    url=server.url("/news/1.htm"))
    settings = CrawlSettings(
        user_agent="PartnershipsBot/test", delay_seconds=0.0, jitter_seconds=0.0, timeout_seconds=2.0,
        max_seconds_per_page=5.0, max_retries=0, backoff_base=0.01, backoff_max=0.05, max_retry_after=1.0,
        trust_env=False, allow_networks=("127.0.0.0/8",),
    )
    store, work = RawStore(tmp_path / "raw"), stages.WorkStore(tmp_path / "work")
    warehouse = tmp_path / "wh.duckdb"

    def run_source() -> None:
        stages.fetch([source], mode="live", store=store, work=work, settings=settings)
        stages.parse(source, store=store, work=work)
        stages.extract(source, work=work)
        with connect(warehouse) as con:
            stages.load(source, work=work, con=con)

    def dbt(*args: str):
        res = run_dbt(list(args), warehouse, tmp_path)
        assert res.exception is None, res.exception
        assert res.success, {n: s for n, s in statuses(res).items() if s not in ("pass", "success", "warn")}
        return res

    def health() -> dict:
        with connect(warehouse) as con:
            (row,) = rows(con, "select * from marts.source_health")
            return row

    def history() -> list[dict]:
        with connect(warehouse) as con:
            return rows(con, "select * from marts.source_health_history order by recorded_at")

    # night 1: served, parsed, one agreement
    run_source()
    dbt("run", *MODELS)
    good = health()
    assert good["health_status"] == "ok" and good["agreement_fact_count"] >= 1
    assert (good["run_count"], good["failed_run_count"], good["consecutive_failed_runs"]) == (1, 0, 0)
    assert good["last_succeeded_run_at"] == good["first_run_at"] is not None and good["last_failed_run_at"] is None
    with connect(warehouse) as con:
        (ok_fetched_at,) = con.execute("select fetched_at from raw.fetches where ok").fetchone()
    assert good["last_ok_fetched_at"] == ok_fetched_at
    assert good["last_checked_at"] == good["last_fetched_at"] == good["last_changed_at"] == ok_fetched_at
    assert (good["last_check_outcome"], good["last_check_page_count"]) == ("changed", 1)

    # night 1b: the page is unchanged: nothing is reloaded, but the check is recorded and, with source_health
    # alone rebuilt, shows the new check time while the staging log keeps night 1's fetch
    run_source()
    with connect(warehouse) as con:
        assert con.execute("select fetched_at from raw.fetches").fetchall() == [(ok_fetched_at,)]
    dbt("run", "--select", "source_health")
    quiet = health()
    assert quiet["last_checked_at"] > ok_fetched_at and quiet["last_check_outcome"] == "unchanged"
    assert quiet["last_fetched_at"] == quiet["last_checked_at"] == quiet["last_ok_fetched_at"]
    assert quiet["last_changed_at"] == ok_fetched_at and quiet["last_check_error"] is None
    assert quiet["run_count"] == 1, "a check that changed nothing is no new run in the history"

    # night 2: the server fails; the load replaces the fetch log with the failed fetch
    server.routes["/news/1.htm"] = lambda req, n: send(req, 503, b"down for maintenance")
    run_source()
    with connect(warehouse) as con:
        assert con.execute("select ok, status from raw.fetches").fetchall() == [(False, 503)]
    # (--full-refresh: the history is not rebuilt, it keeps night 1; the two models' data tests run)
    res = dbt("build", "--full-refresh", "--exclude-resource-type", "unit_test", *JUST_THEM)
    assert any(r.node.resource_type == "test" and "source_health_history" in r.node.name for r in res.result)
    failed = health()
    assert failed["health_status"] == "fetch_failed" and failed["last_http_status"] == 503
    assert not failed["is_last_fetch_ok"] and "503" in failed["last_fetch_error"]
    # ... and the good night is still known
    assert failed["last_ok_fetched_at"] == quiet["last_checked_at"]
    assert (failed["last_check_outcome"], failed["last_check_http_status"], failed["last_check_error_stage"]) == (
        "fetch_failed", 503, "fetch")
    assert "503" in failed["last_check_error"] and failed["last_checked_at"] == failed["last_fetched_at"]
    assert failed["last_succeeded_run_at"] == good["last_succeeded_run_at"]
    assert failed["last_failed_run_at"] > failed["last_succeeded_run_at"]
    assert (failed["run_count"], failed["failed_run_count"], failed["consecutive_failed_runs"]) == (2, 1, 1)
    assert failed["agreement_fact_count"] == good["agreement_fact_count"], "the last good facts stay"

    runs = history()
    assert [(r["health_status"], r["is_failed"], r["is_last_fetch_ok"]) for r in runs] == [
        ("ok", False, True), ("fetch_failed", True, False)]
    assert runs[0]["run_at"] == good["first_run_at"] and runs[1]["run_at"] == failed["last_failed_run_at"]
    assert [r["agreement_fact_count"] for r in runs] == [good["agreement_fact_count"]] * 2  # counts over time
    assert runs[0]["last_ok_fetched_at"] == ok_fetched_at and runs[1]["last_ok_fetched_at"] is None
