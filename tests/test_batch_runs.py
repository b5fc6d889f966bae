"""`partnerships run` over every source: one Dagster run, each source still recorded on its own partition.

run_pipeline (the shell's `partnerships run`, without the marts) over the seed
sources, one of them failing: one refresh_sources run covers them all, then the
failing source gets its own refresh_source run; its partitions are failed and
its check says why, the others are materialized with their own metadata. Then
the same again with nothing changed: still one run, every source checked (its
raw_pages partition materialized), and no page parsed, no document extracted,
no work file rewritten, no staging write, no per-source event beyond the check.
"""

from __future__ import annotations

import dagster as dg
import duckdb

from pipelines import load_state, runs, source_checks, stages
from pipelines.definitions import defs
from pipelines.defs.alerts import RERUN_OF_TAG, check_failure_alerts, repeated_failure, run_failure_alert
from pipelines.defs.schedules import failed_sources_rerun
from pipelines.defs.sources import registered_sources, source_partitions
from pipelines.registry import Source

FAILING = "hunan_dost_brochure"  # the seed registry's one PDF; its parser is made to crash


def events(instance, run_id, kind) -> list:
    return [r.event_log_entry.dagster_event for r in instance.get_records_for_run(run_id, of_type=kind, limit=10_000).records]


def mats(instance, run_id) -> dict[tuple[str, str], dict]:
    found = {}
    for e in events(instance, run_id, dg.DagsterEventType.ASSET_MATERIALIZATION):
        m = e.event_specific_data.materialization
        found[(m.asset_key.to_user_string(), m.partition)] = {k: getattr(v, "value", v) for k, v in m.metadata.items()}
    return found


def checks(instance, run_id) -> dict[tuple[str, str], object]:
    return {(c.check_name, c.partition): c for c in (
        e.event_specific_data for e in events(instance, run_id, dg.DagsterEventType.ASSET_CHECK_EVALUATION))}


def test_one_run_over_every_source_and_a_no_change_rerun_does_no_source_work(warehouse_env, monkeypatch):
    import pipelines.parse as parse_module

    real_parse = parse_module.parse_bytes

    def failing_parse(body, **kwargs):
        if kwargs.get("kind") == "pdf":
            raise ValueError("simulated parser crash")
        return real_parse(body, **kwargs)

    monkeypatch.setattr(parse_module, "parse_bytes", failing_parse)
    ids = list(registered_sources())
    ok = [s for s in ids if s != FAILING]
    work = warehouse_env.parent / "work"

    def staging_version():
        with duckdb.connect(str(warehouse_env), read_only=True) as con:
            return load_state.staging_version(con)

    def recorded_checks():
        with duckdb.connect(str(warehouse_env), read_only=True) as con:
            return source_checks.latest(con)

    def work_files():  # the parse and extraction outputs (the fetch log is rewritten by every fetch)
        return {p: p.stat().st_mtime_ns for stage in ("documents", "facts") for p in (work / stage).glob("*.json")}

    with dg.instance_for_test() as instance:
        first = runs.run_pipeline(None, log_level="WARNING", instance=instance, marts=False)
        batch = instance.get_run_by_id(first.source_runs[ok[0]])
        assert batch.job_name == "refresh_sources" and {first.source_runs[s] for s in ok} == {batch.run_id}
        # the failing source: named by the batch run, then its own refresh_source run, red
        assert set(first.failed) == {FAILING} and "simulated parser crash" in first.failed[FAILING]
        own = instance.get_run_by_id(first.source_runs[FAILING])
        assert (own.job_name, own.tags["dagster/partition"], own.status) == ("refresh_source", FAILING, dg.DagsterRunStatus.FAILURE)
        assert sorted(r.job_name for r in instance.get_runs()) == ["refresh_source", "refresh_sources"]
        status = instance.get_status_by_partition(dg.AssetKey(["raw", "agreements"]), ids, source_partitions)
        assert status == {s: dg.AssetPartitionStatus.FAILED if s == FAILING else dg.AssetPartitionStatus.MATERIALIZED for s in ids}
        evaluations = checks(instance, batch.run_id)
        assert not evaluations[("parse_ok", FAILING)].passed
        assert "simulated parser crash" in evaluations[("parse_ok", FAILING)].description
        assert all(evaluations[("parse_ok", s)].passed and evaluations[("extract_ok", s)].passed for s in ok)
        recorded = mats(instance, batch.run_id)
        assert all(recorded[("documents", s)]["parsed"] >= 1 for s in ok)
        assert len({recorded[("facts", s)]["agreements"] for s in ok}) > 1, "each source its own fact counts"
        assert all(("raw/agreements", s) in recorded for s in ok) and ("raw/agreements", FAILING) not in recorded
        # the run-failure alert names the failed source
        failures = events(instance, batch.run_id, dg.DagsterEventType.STEP_FAILURE)
        alert = run_failure_alert(batch, failures, None)
        assert alert.source == FAILING and "simulated parser crash" in alert.error
        # one alert for the failing source, not one per run: its own rerun failed with the same errors, so
        # neither the rerun's failure nor its failed check is alerted again (the batch run's are)
        own_failures = events(instance, own.run_id, dg.DagsterEventType.STEP_FAILURE)
        assert own.tags[RERUN_OF_TAG] == batch.run_id
        assert repeated_failure(instance, own, own_failures) and not repeated_failure(instance, batch, failures)
        check_keys = defs().resolve_asset_graph().asset_check_keys
        found, _ = check_failure_alerts(instance, check_keys, after=0)
        assert [(a.source, a.run_id) for a in found] == [(FAILING, batch.run_id)] and "parse_ok" in found[0].summary
        # the nightly (daemon) run's failed sources: the failed_sources_rerun sensor asks each its own run;
        # a shell run's it leaves alone (`partnerships run` has run them already)
        def rerun_requests(run):
            return failed_sources_rerun(dg.build_run_status_sensor_context(
                sensor_name="failed_sources_rerun", dagster_instance=instance, dagster_run=run,
                dagster_event=events(instance, batch.run_id, dg.DagsterEventType.RUN_FAILURE)[0]).for_run_failure())

        assert rerun_requests(batch) == []
        nightly = batch.with_tags({k: v for k, v in batch.tags.items() if k != "partnerships/started_by"})
        (request,) = rerun_requests(nightly)
        assert request.partition_key == FAILING and request.run_key == f"{batch.run_id}-{FAILING}"
        version, files = staging_version(), work_files()
        # every source's check is recorded: the failing one with its error, the others changed (first load)
        first_checks = recorded_checks()
        assert {s: c["outcome"] for s, c in first_checks.items()} == {s: "errors" if s == FAILING else "changed" for s in ids}
        assert "simulated parser crash" in first_checks[FAILING]["error"]
        assert first_checks[FAILING]["error_stage"] == "parse"
        # (the failing source's last check is its own rerun's)
        assert {s: c["run_id"] for s, c in first_checks.items()} == {**dict.fromkeys(ok, batch.run_id), FAILING: own.run_id}

        again = runs.run_pipeline(None, log_level="WARNING", instance=instance, marts=False)
        assert set(again.failed) == {FAILING}
        batch = instance.get_run_by_id(again.source_runs[ok[0]])
        recorded = mats(instance, batch.run_id)
        # every source was checked: its pages fetched (none changed) and its raw_pages partition materialized ...
        assert {key for key in recorded if key[0] == "raw_pages"} == {("raw_pages", s) for s in ids}
        assert all(recorded[("raw_pages", s)]["pages_changed"] == 0 for s in ids)
        # ... and nothing else: nothing parsed, extracted or written to staging, no check re-evaluated but the
        # failing one's; only the checks are recorded (raw.source_checks, one materialization for all sources)
        assert {key for key in recorded if key[0] != "raw_pages"} == {("raw/source_checks", None)}
        assert recorded[("raw/source_checks", None)]["unchanged"] == len(ok)
        checks_now = recorded_checks()
        assert {s: c["outcome"] for s, c in checks_now.items()} == {s: "errors" if s == FAILING else "unchanged" for s in ids}
        assert all(checks_now[s]["checked_at"] > first_checks[s]["checked_at"] for s in ids), "every source checked again"
        assert {s: c["run_id"] for s, c in checks_now.items()} == {
            **dict.fromkeys(ok, batch.run_id), FAILING: again.source_runs[FAILING]}
        assert {s for _, s in checks(instance, batch.run_id)} == {FAILING}
        assert staging_version() == version and work_files() == files

        pair = runs.run_pipeline(ok[:2], log_level="WARNING", instance=instance, marts=False)  # `partnerships run --source A B`
        run = instance.get_run_by_id(pair.source_runs[ok[0]])
        assert pair.success and pair.source_runs[ok[1]] == run.run_id and run.job_name == "refresh_source"
        assert (run.tags["dagster/asset_partition_range_start"], run.tags["dagster/asset_partition_range_end"]) == (ok[0], ok[1])
        recorded = mats(instance, run.run_id)
        assert {recorded[("documents", s)]["parsed"] for s in ok[:2]} == {0}
        assert all(recorded[("raw/agreements", s)]["unchanged"] is True for s in ok[:2])

        one = runs.run_pipeline([ok[2]], log_level="WARNING", instance=instance, marts=False)  # `partnerships run --source A`
        assert one.success and instance.get_run_by_id(one.source_runs[ok[2]]).tags["dagster/partition"] == ok[2]
        # a rerun whose batch run did not fail that way (here: a run without failures) is alerted
        assert not repeated_failure(instance, own.with_tags({**own.tags, RERUN_OF_TAG: run.run_id}), own_failures)


def test_partition_ranges_follow_the_partitions_order():
    order = ["a", "b", "c", "d", "e"]
    assert runs.partition_ranges(order, order) == [order]
    assert runs.partition_ranges(["d", "a", "b"], order) == [["a", "b"], ["d"]]
    assert runs.partition_ranges(["e", "zz"], order) == [["e"], ["zz"]]



def test_a_skipped_dbt_build_records_every_model_in_dependency_order(warehouse_env):
    """A no-change night's marts run: dbt is skipped and each model recorded as unchanged; Dagster wants a
    multi-asset's outputs upstream first (yielded in set order, the marts run of every no-change rerun failed)."""
    from pipelines.definitions import defs
    from pipelines.defs.models import dbt_build_state, dbt_models

    warehouse_env.parent.mkdir(parents=True)
    with duckdb.connect(str(warehouse_env)) as con:
        con.execute("create schema marts; create table marts.fct_agreements (x int)")  # a built warehouse
    # built over these very inputs and these source checks
    load_state.mark_dbt_built(warehouse_env, dbt_build_state(warehouse_env)[0], load_state.checks_state(warehouse_env)[0])
    serving = warehouse_env.parent / "serving" / warehouse_env.name
    serving.parent.mkdir()
    serving.write_bytes(b"")
    keys = sorted(dbt_models.keys)
    with dg.instance_for_test() as instance:
        result = defs().resolve_job_def("refresh_marts").execute_in_process(
            instance=instance, asset_selection=keys, raise_on_error=False)
        assert result.success
        recorded = {e.asset_key: e.materialization.metadata for e in result.get_asset_materialization_events()}
    assert set(recorded) == set(keys)
    assert all("skipped" in m["dbt_build"].value for m in recorded.values())


def test_a_stage_crash_is_the_sources_error_and_keeps_its_last_good_rows(tmp_path):
    work = stages.WorkStore(tmp_path / "work")
    src = Source(id="s1", publisher="P", snapshot="s1.html")
    good = {"source_id": "s1", "documents": [{"document": {"id": "s1"}, "agreements": [{"partner": "X"}]}], "errors": []}
    work.write("facts", "s1", good)
    work.write("pages", "s1", {"source_id": "s1", "pages": [{"url": "u", "content_hash": "h", "ok": True}]})
    result = stages.record_failure("extract", src, work=work, message="extract crashed: OSError: disk")
    assert result.rows == good["documents"] and work.read("facts", "s1")["documents"] == good["documents"]
    stages.record_failure("fetch", src, work=work, message="fetch crashed: boom")
    assert work.read("pages", "s1")["pages"][0]["content_hash"] == "h", "the last good copy stays in use"
    assert [(e["stage"], e["error"]) for e in stages.source_errors("s1", work=work)] == [
        ("fetch", "fetch crashed: boom"), ("extract", "extract crashed: OSError: disk")]
