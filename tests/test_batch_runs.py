"""`partnerships run` over many sources: one Dagster run, each source still recorded on its own partition.

run_pipeline (the shell's `partnerships run`, without the marts) over the seed
sources, one of them failing: one refresh_source run covers them all; the
failing source's partitions are failed and its check says why, the others are
materialized with their own metadata. Then the same again with nothing
changed: still one run, every source checked (a materialization each), and no
page parsed, no document extracted, no work file rewritten, no staging write.
"""

from __future__ import annotations

import dagster as dg
import duckdb
import pytest

from pipelines import load_state, runs, stages
from pipelines.defs.alerts import run_failure_alert
from pipelines.defs.sources import registered_sources, source_partitions
from pipelines.registry import Source

FAILING = "hunan_dost_brochure"  # the seed registry's one PDF; its parser is made to crash


def mats(instance, run_id) -> dict[tuple[str, str], dict]:
    records = instance.get_records_for_run(run_id, of_type=dg.DagsterEventType.ASSET_MATERIALIZATION, limit=10_000).records
    found = {}
    for r in records:
        m = r.event_log_entry.dagster_event.event_specific_data.materialization
        found[(m.asset_key.to_user_string(), m.partition)] = {k: getattr(v, "value", v) for k, v in m.metadata.items()}
    return found


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

    with dg.instance_for_test() as instance:
        first = runs.run_pipeline(None, log_level="WARNING", instance=instance, marts=False)
        assert len(set(first.source_runs.values())) == 1 and set(first.source_runs) == set(ids), "one run for all"
        run = instance.get_run_by_id(first.source_runs[ids[0]])
        assert (run.tags["dagster/asset_partition_range_start"], run.tags["dagster/asset_partition_range_end"]) == (ids[0], ids[-1])
        assert set(first.failed) == {FAILING} and "simulated parser crash" in first.failed[FAILING]
        status = instance.get_status_by_partition(dg.AssetKey(["raw", "agreements"]), ids, source_partitions)
        assert status == {s: dg.AssetPartitionStatus.FAILED if s == FAILING else dg.AssetPartitionStatus.MATERIALIZED for s in ids}
        checks = {(e.check_name, e.partition): e for e in instance.get_records_for_run(
            run.run_id, of_type=dg.DagsterEventType.ASSET_CHECK_EVALUATION, limit=10_000).records
            for e in [e.event_log_entry.dagster_event.event_specific_data]}
        assert not checks[("parse_ok", FAILING)].passed and "simulated parser crash" in checks[("parse_ok", FAILING)].description
        assert all(checks[("parse_ok", s)].passed for s in ok)
        recorded = mats(instance, run.run_id)
        parsed = {s: recorded[("documents", s)]["parsed"] for s in ids}
        assert all(parsed[s] >= 1 for s in ok) and parsed[FAILING] == 0
        assert {recorded[("facts", s)]["agreements"] for s in ok} != {0}, "each source its own fact counts"
        assert all(("raw/agreements", s) in recorded for s in ok) and ("raw/agreements", FAILING) not in recorded
        # the run-failure alert names the failed source, not the range
        failures = [r.event_log_entry.dagster_event for r in instance.get_records_for_run(
            run.run_id, of_type=dg.DagsterEventType.STEP_FAILURE).records]
        alert = run_failure_alert(run, failures, None)
        assert alert.source == FAILING and "simulated parser crash" in alert.error
        version = staging_version()
        files = {p: p.stat().st_mtime_ns for p in work.rglob("*.json")}

        again = runs.run_pipeline(None, log_level="WARNING", instance=instance, marts=False)
        assert len(set(again.source_runs.values())) == 1 and set(again.failed) == {FAILING}
        recorded = mats(instance, again.source_runs[ids[0]])
        for s in ids:  # every source was checked (its partitions materialized) ...
            assert recorded[("raw_pages", s)]["pages_changed"] == 0, s
            assert recorded[("documents", s)]["parsed"] == 0, s  # ... and nothing parsed,
            assert recorded[("facts", s)]["extracted"] == 0, s  # nothing extracted,
        for s in ok:
            assert recorded[("raw/agreements", s)]["unchanged"] is True, s  # nothing written to staging
        assert staging_version() == version
        assert {p: p.stat().st_mtime_ns for p in work.rglob("*.json") if "/pages/" not in str(p)} == {
            p: t for p, t in files.items() if "/pages/" not in str(p)}

        one = runs.run_pipeline([ok[1]], log_level="WARNING", instance=instance, marts=False)  # `partnerships run SOURCE`
        assert one.success and instance.get_run_by_id(one.source_runs[ok[1]]).tags["dagster/partition"] == ok[1]


def test_partition_ranges_follow_the_partitions_order(monkeypatch):
    order = ["a", "b", "c", "d", "e"]
    monkeypatch.delenv(runs.SOURCES_PER_RUN_ENV, raising=False)
    assert runs.partition_ranges(order, order) == [order]
    assert runs.partition_ranges(["d", "a", "b"], order) == [["a", "b"], ["d"]]
    assert runs.partition_ranges(["e", "zz"], order) == [["e"], ["zz"]]
    monkeypatch.setenv(runs.SOURCES_PER_RUN_ENV, "2")
    assert runs.partition_ranges(order, order) == [["a", "b"], ["c", "d"], ["e"]]
    monkeypatch.setenv(runs.SOURCES_PER_RUN_ENV, "two")
    with pytest.raises(ValueError, match="PARTNERSHIPS_SOURCES_PER_RUN='two'"):
        runs.partition_ranges(order, order)


def test_a_skipped_dbt_build_records_every_model_in_dependency_order(warehouse_env):
    """A no-change night's marts run: dbt is skipped and each model recorded as unchanged; Dagster wants a
    multi-asset's outputs upstream first (yielded in set order, the marts run of every no-change rerun failed)."""
    from pipelines.definitions import defs
    from pipelines.defs.models import dbt_build_state, dbt_models

    warehouse_env.parent.mkdir(parents=True)
    with duckdb.connect(str(warehouse_env)) as con:
        con.execute("create schema marts; create table marts.fct_agreements (x int)")  # a built warehouse
    load_state.mark_dbt_built(warehouse_env, dbt_build_state(warehouse_env)[0])  # built over these very inputs
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
