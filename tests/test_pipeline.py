"""The whole Dagster graph, run as the daemon runs it, into a warehouse in a temp dir.

Loads the real definitions; refreshes the bundled sources one run per source
(as a backfill from the UI launches them, BackfillPolicy multi_run(1); the
nightly schedule's one run over all of them is tests/test_batch_runs.py), one
of them failing, lets declarative automation request the
marts, and checks the marts against facts the seed pages state, and that the
failing source is red where people look and the on-call engineer is alerted
while the others reach the marts. One pipeline run and one dbt build serve
both: they were two tests, each with its own dbt build over every model.
"""

from __future__ import annotations

import json
import os
import threading
from datetime import datetime
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path
from zoneinfo import ZoneInfo

import dagster as dg
import duckdb
import pytest

from pipelines import alerts
from pipelines.dbt_project import dbt_project
from pipelines.defs.alerts import AlertResource, check_failure_alerts, run_failure_alert_sensor
from pipelines.definitions import defs as load_defs
from pipelines.defs.models import NIGHTLY_FRESHNESS, prune_dbt_targets
from pipelines.defs.schedules import nightly_schedule
from pipelines.defs.sources import registered_sources, source_partitions, sync_partitions
from pipelines.registry import load_registry

XTU = "xtu_university_government"
XAUT = "chinadaily_education_xaut"
# The source made to fail (its parser crashes): it states no agreement or funding the checks below need.
FAILING = "hunan_dost_brochure"
REPO_ROOT = Path(__file__).resolve().parent.parent
QUIET = {"loggers": {"console": {"config": {"log_level": "WARNING"}}}}


@pytest.fixture(scope="module")
def definitions() -> dg.Definitions:
    return load_defs()


def query(path, sql):
    con = duckdb.connect(str(path), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def refresh(definitions, instance, source_ids) -> dict[str, dg.ExecuteInProcessResult]:
    """One refresh_source run per source, as a backfill (multi_run(1)) launches them."""
    job = definitions.resolve_job_def("refresh_source")
    return {
        sid: job.execute_in_process(instance=instance, partition_key=sid, raise_on_error=False, run_config=QUIET)
        for sid in source_ids
    }


def automate(definitions, instance, cursor, launch=True):
    """One tick of the marts automation; launch what it requests (as the daemon would), return (keys, result, cursor)."""
    tick = dg.evaluate_automation_conditions(defs=definitions, instance=instance, cursor=cursor)
    keys = {ap.asset_key for ap in tick._requested_asset_partitions}  # noqa: SLF001 - no public accessor for all keys
    if not keys or not launch:
        return keys, None, tick.cursor
    job = definitions.resolve_job_def("refresh_marts")
    result = job.execute_in_process(instance=instance, asset_selection=sorted(keys), raise_on_error=False, run_config=QUIET)
    return keys, result, tick.cursor


def materializations(result) -> dict[str, dict]:
    return {e.asset_key.to_user_string(): e.materialization.metadata for e in result.get_asset_materialization_events()}


def test_definitions_load_and_validate(definitions):
    dg.Definitions.validate_loadable(definitions)
    keys = {k.to_user_string() for k in definitions.resolve_all_asset_keys()}
    for key in ("raw_pages", "documents", "facts", "raw/agreements", "marts/fct_agreements", "marts/agreements_per_year",
                "marts/funding_commitments", "marts/platform_counts", "serving_copy", "marts_parquet", "report"):
        assert key in keys, key
    # partitions are dynamic (kept in step with the registry by a sensor), one run per source in a backfill
    raw_pages = definitions.resolve_assets_def("raw_pages")
    assert raw_pages.partitions_def == source_partitions
    assert raw_pages.backfill_policy.max_partitions_per_run == 1
    for name in ("source_registry_sensor", "marts_automation", "run_failure_alert", "check_failure_alert",
                 "failed_sources_rerun"):
        assert definitions.resolve_sensor_def(name).default_status == dg.DefaultSensorStatus.RUNNING, name
    # marts and the serving copy: declarative automation and a freshness policy; transient failures retried
    mart = definitions.resolve_assets_def(dg.AssetKey(["marts", "fct_agreements"]))
    spec = next(s for s in mart.specs if s.key == dg.AssetKey(["marts", "fct_agreements"]))
    assert spec.automation_condition is not None and spec.freshness_policy == NIGHTLY_FRESHNESS
    serving = definitions.resolve_assets_def("serving_copy")
    assert serving.specs_by_key[dg.AssetKey("serving_copy")].freshness_policy == NIGHTLY_FRESHNESS
    for key in ("raw_pages", "raw/agreements", "marts/fct_agreements", "serving_copy"):
        policy = definitions.resolve_assets_def(dg.AssetKey.from_user_string(key)).op.retry_policy
        assert policy.max_retries >= 1 and policy.backoff == dg.Backoff.EXPONENTIAL, key


def test_registry_sensor_adds_and_removes_partitions_and_the_schedule_follows(definitions, tmp_path, monkeypatch):
    registry = tmp_path / "registry.yml"
    entries = (REPO_ROOT / "sources" / "registry.yml").read_text()
    registry.write_text(entries)
    monkeypatch.setenv("PARTNERSHIPS_REGISTRY", str(registry))
    sensor = definitions.resolve_sensor_def("source_registry_sensor")
    schedule = definitions.resolve_schedule_def("nightly_schedule")
    tick_time = datetime(2026, 11, 25, 2, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
    assert schedule.default_status == dg.DefaultScheduleStatus.RUNNING
    with dg.instance_for_test() as instance:

        def sensor_tick():
            result = sensor(dg.build_sensor_context(instance=instance))
            if isinstance(result, dg.SensorResult):
                for request in result.dynamic_partitions_requests:  # what the daemon applies after a tick
                    if isinstance(request, dg.AddDynamicPartitionsRequest):
                        instance.add_dynamic_partitions(request.partitions_def_name, list(request.partition_keys))
                    else:
                        for key in request.partition_keys:
                            instance.delete_dynamic_partition(request.partitions_def_name, key)
            return result

        def scheduled() -> dg.RunRequest:
            """The nightly tick's request: one refresh_sources run, over the registry as it is when it runs."""
            req = schedule(dg.build_schedule_context(instance=instance, scheduled_execution_time=tick_time))
            assert isinstance(req, dg.RunRequest) and req.run_key == "nightly-2026-11-25" and req.partition_key is None
            return req

        # first tick: every registered source becomes a partition; the nightly tick asks one run over them all
        sensor_tick()
        ids = [s.id for s in load_registry(registry)]
        assert instance.get_dynamic_partitions("sources") == ids
        assert schedule.job_name == "refresh_sources"
        scheduled()
        assert isinstance(sensor_tick(), dg.SkipReason)  # in step: nothing to do

        # a new registry entry becomes a partition without reloading any code
        registry.write_text(entries + "\n  - id: new_source\n    publisher: Somebody\n    snapshot: xtu_university_government.html\n")
        sensor_tick()
        assert "new_source" in instance.get_dynamic_partitions("sources")

        # a removed entry is no longer a partition, so no longer scheduled
        registry.write_text(entries.replace("  - id: hunan_dost_brochure", "  - id: hunan_dost_brochure\n    enabled: false"))
        sensor_tick()
        assert set(instance.get_dynamic_partitions("sources")) == set(ids) - {"hunan_dost_brochure"}
        scheduled()

        # a malformed registry fails the tick with a message naming the file; partitions stay as they are
        registry.write_text("sources: [{id: Bad Id, publisher: x, snapshot: y}]\n")
        with pytest.raises(Exception, match="registry.yml"):
            sensor_tick()
        assert set(instance.get_dynamic_partitions("sources")) == set(ids) - {"hunan_dost_brochure"}


class _Collect(BaseHTTPRequestHandler):
    received: list[dict] = []

    def do_POST(self):  # noqa: N802 - http.server's name
        body = self.rfile.read(int(self.headers["content-length"]))
        self.received.append(json.loads(body))
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def webhook():
    """A loopback HTTP server standing in for the alert webhook; yields (url, received alerts)."""
    _Collect.received = []
    server = HTTPServer(("127.0.0.1", 0), _Collect)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/hook", _Collect.received
    finally:
        server.shutdown()
        server.server_close()


@pytest.mark.timeout(1800)  # a dbt build over every model: minutes on a loaded 2-core machine
def test_every_source_then_the_marts_by_automation_one_failing_red_and_alerted(
    definitions, warehouse_env, tmp_path, monkeypatch, webhook
):
    import pipelines.parse as parse_module

    real_parse = parse_module.parse_bytes

    def failing_parse(body, **kwargs):
        if kwargs.get("kind") == "pdf":  # the failing source is the registry's one PDF
            raise ValueError("simulated parser crash " + "with a long explanation " * 10)
        return real_parse(body, **kwargs)

    monkeypatch.setattr(parse_module, "parse_bytes", failing_parse)
    url, received = webhook
    wh = warehouse_env
    target = Path(dbt_project.project_dir) / "target"
    for i in range(6):  # leftovers of earlier dbt invocations, older than anything this run writes
        (target / f"dbt_models-old-{i}").mkdir(parents=True, exist_ok=True)
        os.utime(target / f"dbt_models-old-{i}", (1000 + i, 1000 + i))  # mkdirs share one coarse-clock mtime
    with dg.instance_for_test() as instance:
        sync_partitions(instance)
        first, _, cursor = automate(definitions, instance, None, launch=False)  # first tick: the daemon starts
        seeds = {dg.AssetKey(["reference", name]) for name in
                 ("divisions", "exchange_rates_yearly", "states", "universities", "us_cpi_u_annual")}
        assert first and first <= seeds, f"only missing seeds; no source changed yet: {first}"
        assert FAILING in registered_sources()
        runs = refresh(definitions, instance, list(registered_sources()))
        # the failing source's run is a failure, every other one a success
        assert {s for s, r in runs.items() if not r.success} == {FAILING}
        # its partition is failed, the others' materialized
        status = instance.get_status_by_partition(dg.AssetKey(["raw", "agreements"]), [FAILING, XAUT], source_partitions)
        assert status[FAILING] == dg.AssetPartitionStatus.FAILED
        assert status[XAUT] == dg.AssetPartitionStatus.MATERIALIZED
        # its own per-partition check failed, severity ERROR, with the whole error
        evaluation = next(e for e in runs[FAILING].get_asset_check_evaluations() if e.check_name == "parse_ok")
        assert (evaluation.passed, evaluation.severity, evaluation.partition) == (
            False, dg.AssetCheckSeverity.ERROR, FAILING)
        assert "simulated parser crash" in evaluation.description
        assert evaluation.description.count("with a long explanation") == 10, "the error is not cut"
        assert all(e.passed for e in runs[XAUT].get_asset_check_evaluations())

        requested, marts, cursor = automate(definitions, instance, cursor)
        assert {dg.AssetKey(["marts", "fct_agreements"]), dg.AssetKey("serving_copy")} <= requested
        assert first <= requested  # the seeds still missing: built with the models
        assert marts.success
        idle, _, cursor = automate(definitions, instance, cursor)  # (the daemon ticks every 30 s)
        assert not idle, "nothing changed: no second marts run"

        # the run-failure sensor posts an alert naming the source and the error to the configured webhook
        failed_run = instance.get_run_by_id(runs[FAILING].run_id)
        failure = instance.all_logs(failed_run.run_id, of_type=dg.DagsterEventType.RUN_FAILURE)[0].dagster_event
        context = dg.build_run_status_sensor_context(
            sensor_name="run_failure_alert", dagster_instance=instance, dagster_run=failed_run, dagster_event=failure,
            resources={"alert_hook": AlertResource()},
        ).for_run_failure()
        monkeypatch.setenv(alerts.WEBHOOK_ENV, url)
        run_failure_alert_sensor(context)
        assert len(received) == 1
        alert = received[0]
        assert alert["kind"] == "run_failure" and alert["source"] == FAILING and alert["run_id"] == failed_run.run_id
        assert "simulated parser crash" in alert["error"] and FAILING in alert["text"]

        # the check-failure sensor: one alert for the failed ERROR check, none for the passing ones
        check_keys = definitions.resolve_asset_graph().asset_check_keys
        found, last = check_failure_alerts(instance, check_keys, after=0)
        assert [(a.kind, a.source) for a in found] == [("check_failure", FAILING)]
        assert "parse_ok" in found[0].summary and "simulated parser crash" in found[0].error
        sensor = definitions.resolve_sensor_def("check_failure_alert")
        with dg.build_sensor_context(instance=instance, cursor="0", resources={"alert_hook": AlertResource()},
                                     repository_def=definitions.get_repository_def()) as ctx:
            sensor(ctx)
        assert [a["kind"] for a in received] == ["run_failure", "check_failure"]
        assert check_failure_alerts(instance, check_keys, after=last) == ([], last), "nothing new: no repeated alert"

        # per-source metadata: each source's partition has its own pages, fact counts and errors tables
        xtu = materializations(runs[XTU])
        assert xtu["raw_pages"]["pages"].value.records[0].data["url"]
        counts = {r.data["fact_type"]: r.data["count"] for r in xtu["facts"]["fact_counts"].value.records}
        assert counts["agreements"] == xtu["facts"]["agreements"].value  # noqa: the table and the number agree
        assert [c.name for c in xtu["facts"]["fact_counts"].value.schema.columns] == ["fact_type", "count"]
        n_xtu = query(wh, f"select count(*) from raw.agreements where source_id = '{XTU}'")[0][0]
        assert counts["agreements"] == n_xtu > 0
        other = materializations(runs[XAUT])["facts"]["fact_counts"].value.records
        assert {r.data["fact_type"]: r.data["count"] for r in other} != counts
        checks = {(e.check_name, e.partition): e.passed for r in runs.values() for e in r.get_asset_check_evaluations()}
        assert checks[("fetch_ok", XTU)] and checks[("extract_ok", XAUT)]

        # a night on which nothing changed: the nightly refresh_sources run checks every source and writes no
        # staging table; automation then rebuilds source_health alone (not the marts) and the serving copy is
        # patched, so analysts see every source checked tonight, and the failing one's error
        serving = wh.parent / "serving" / wh.name
        health_sql = "select source_id, last_checked_at, last_changed_at, last_fetched_at from marts.source_health"
        before = {r[0]: r[1:] for r in query(serving, health_sql)}
        assert set(before) == set(registered_sources()) and all(r[0] is not None for r in before.values())
        agreements_before = query(serving, "select * from marts.fct_agreements order by all")
        nightly = definitions.resolve_job_def("refresh_sources").execute_in_process(
            instance=instance, raise_on_error=False, run_config=QUIET)
        assert not nightly.success, "the failing source still fails: the nightly run is red"
        requested, quiet, cursor = automate(definitions, instance, cursor)
        names = {k.path[-1] for k in requested}
        assert {"source_health", "serving_copy"} <= names and not names & {"fct_agreements", "source_health_history"}
        assert quiet.success
        done = materializations(quiet)
        assert done["marts/source_health"]["dbt_build"].value.startswith("source_health alone")
        assert done["serving_copy"]["published_as"].value.startswith("patched")
        after = {r[0]: r[1:] for r in query(serving, health_sql)}
        for sid, (checked, changed, fetched) in after.items():
            assert checked > before[sid][0] and fetched == checked, sid  # checked tonight, and shown as tonight's fetch
            assert changed == before[sid][1], sid  # nothing changed since the first night
        assert query(serving, "select * from marts.fct_agreements order by all") == agreements_before
        (failing,) = query(serving, "select health_status, last_check_outcome, last_check_error_stage, last_check_error "
                                    f"from marts.source_health where source_id = '{FAILING}'")
        assert failing[:3] == ("errors", "errors", "parse") and "simulated parser crash" in failing[3]

    # every source but the failing one produced a document, and every fact's evidence is a verbatim slice of
    # its document; the failure is in the warehouse (raw.errors, source_health), the others' facts in the marts
    docs = dict(query(wh, "select source_id, count(*) from raw.documents group by 1"))
    assert set(docs) == set(registered_sources()) - {FAILING}
    errors = query(wh, "select source_id, stage, error from raw.errors")
    assert [(s, st) for s, st, _ in errors] == [(FAILING, "parse")] and "simulated parser crash" in errors[0][2]
    assert query(wh, f"select health_status from marts.source_health where source_id = '{FAILING}'") == [("errors",)]
    assert query(wh, f"select count(*) from marts.fct_agreements where contains(source_ids, '{XAUT}')")[0][0] > 0
    assert query(wh, f"select count(*) from marts.fct_reported_counts where contains(source_ids, '{XAUT}')")[0][0] > 0
    assert query(wh, f"select count(*) from marts.fact_evidence where source_id = '{FAILING}'") == [(0,)]
    bad = query(
        wh,
        """select a.fact_id from raw.agreements a join raw.documents d using (source_id, document_id)
           where substr(d.text, a.evidence_start + 1, a.evidence_end - a.evidence_start) <> a.evidence""",
    )
    assert bad == []
    for mart in ("fct_agreements", "agreements_per_year", "funding_commitments", "platform_counts"):
        assert query(wh, f"select count(*) from marts.{mart}")[0][0] > 0, mart
    years = {r[0] for r in query(wh, "select agreement_year from marts.agreements_per_year where agreement_year is not null")}
    assert {2005, 2012, 2013, 2014, 2018} <= years
    partners = {r[0] for r in query(wh, "select partner from marts.fct_agreements where university = 'Xiangtan University'")}
    assert {"Huaihua City", "Changde City", "Yuhu District"} <= partners
    funding = query(wh, "select amount, currency_code, per from marts.funding_commitments")
    assert (100_000_000, "CNY", "year") in {(round(a), c, p) for a, c, p in funding}

    # dbt row counts come from dagster-dbt's fetch_row_counts()
    mats = materializations(marts)
    (n_agreements,) = query(wh, "select count(*) from marts.fct_agreements")[0]
    assert mats["marts/fct_agreements"]["dagster/row_count"].value == n_agreements
    serving = wh.parent / "serving" / wh.name
    assert query(serving, "select count(*) from marts.fct_agreements") == [(n_agreements,)]
    # per-invocation dbt target folders do not pile up
    assert len(list(target.glob("dbt_models-*"))) <= 3
    assert not (target / "dbt_models-old-0").exists()

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


def test_prune_dbt_targets_keeps_the_newest(tmp_path):
    for i in range(5):
        (tmp_path / f"dbt_models-{i}").mkdir()
        os.utime(tmp_path / f"dbt_models-{i}", (1000 + i, 1000 + i))
    (tmp_path / "manifest.json").write_text("{}")
    deleted = prune_dbt_targets(tmp_path, keep=2)
    assert sorted(p.name for p in deleted) == ["dbt_models-0", "dbt_models-1", "dbt_models-2"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dbt_models-3", "dbt_models-4", "manifest.json"]


def test_nightly_schedule_skips_without_partitions():
    with dg.instance_for_test() as instance:
        tick = datetime(2026, 11, 25, 2, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
        result = nightly_schedule(dg.build_schedule_context(instance=instance, scheduled_execution_time=tick))
        assert isinstance(result, dg.SkipReason)


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
