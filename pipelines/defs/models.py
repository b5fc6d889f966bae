"""dbt models as Dagster assets, and the serving copy that BI tools read.

Kept up to date by declarative automation: when any source's staging tables
are updated (a nightly run, a one-source backfill, `partnerships run`), the
`marts_automation` sensor requests the dbt models and then the serving copy,
once no upstream run is still in progress. Marts and the serving copy carry a
freshness policy: refreshed every night between 02:00 and 04:00 China time.
"""


import graphlib
import shutil
import uuid
from collections.abc import Iterator, Mapping
from datetime import timedelta
from pathlib import Path
from typing import Any

import dagster as dg
from dagster_dbt import DagsterDbtTranslator, DbtCliResource, dbt_assets
from dagster_dbt.errors import DagsterDbtCliRuntimeError

from pipelines import dbt_stream, load_state, serving
from pipelines import warehouse as wh
from pipelines.dbt_project import dbt_project, ensure_manifest
from pipelines.defs.ingest import TRANSIENT_RETRY
from pipelines.defs.resources import WarehouseResource

ensure_manifest()
dbt_stream.install()  # fetch_row_counts() below without dagster's busy wait (a performance fix only)

# Like AutomationCondition.eager(), without its `~any_deps_missing()`: a source
# whose partition has never materialized (new, or failing since it was added)
# must not keep the marts from refreshing with every other source.
ON_UPSTREAM_CHANGE = (
    dg.AutomationCondition.any_deps_updated().since_last_handled()
    & ~dg.AutomationCondition.any_deps_in_progress()
    & ~dg.AutomationCondition.in_progress()
).with_label("on upstream change")

# Seeds have no upstream: built when missing (a fresh warehouse) or when their CSV changed.
SEED_CONDITION = (
    (dg.AutomationCondition.missing() | dg.AutomationCondition.code_version_changed())
    & ~dg.AutomationCondition.in_progress()
).with_label("missing or changed")

# A failing dbt node is not transient: retrying the whole build would only repeat it.
_TRANSIENT_DBT = ("Could not set lock", "database is locked", "Conflicting lock")

# The nightly schedule starts at 02:00 Asia/Shanghai; marts must be rebuilt by 04:00.
NIGHTLY_FRESHNESS = dg.FreshnessPolicy.cron(
    deadline_cron="0 4 * * *", lower_bound_delta=timedelta(hours=2), timezone="Asia/Shanghai"
)

KEEP_DBT_TARGETS = 3  # dagster-dbt writes target/dbt_models-<run>-<hash>/ per invocation: keep the newest few


class PartnershipsTranslator(DagsterDbtTranslator):
    """Groups follow the dbt folder layers; dbt sources map to the staging assets ["raw", <table>];
    every model refreshes on upstream change; marts carry the nightly freshness policy."""

    def get_group_name(self, dbt_resource_props: Mapping[str, Any]) -> str | None:
        fqn = dbt_resource_props.get("fqn") or []
        if dbt_resource_props.get("resource_type") == "seed":
            return "reference"
        for layer in ("staging", "intermediate", "marts"):
            if layer in fqn:
                return layer
        return super().get_group_name(dbt_resource_props)

    def get_automation_condition(self, dbt_resource_props: Mapping[str, Any]) -> dg.AutomationCondition | None:
        return SEED_CONDITION if dbt_resource_props.get("resource_type") == "seed" else ON_UPSTREAM_CHANGE

    def get_asset_spec(self, manifest: Mapping[str, Any], unique_id: str, project) -> dg.AssetSpec:
        spec = super().get_asset_spec(manifest, unique_id, project)
        props = self.get_resource_props(manifest, unique_id)
        if props.get("resource_type") == "model" and "marts" in (props.get("fqn") or []):
            spec = spec.replace_attributes(freshness_policy=NIGHTLY_FRESHNESS)
        return spec


def release_dbt_duckdb() -> None:
    """Close the DuckDB database dbt-duckdb keeps open in this process after fetch_row_counts().

    Otherwise the next step in the same process (in-process runs: `partnerships
    run`, tests) cannot open the warehouse with its own configuration.
    """
    try:
        from dbt.adapters.duckdb.connections import DuckDBConnectionManager
    except ImportError:  # pragma: no cover - dbt-duckdb is a dependency
        return
    with DuckDBConnectionManager._LOCK:  # noqa: SLF001 - no public close for the shared environment
        env = DuckDBConnectionManager._ENV  # noqa: SLF001
        if env is not None:
            env.close()
            DuckDBConnectionManager._ENV = None  # noqa: SLF001


def prune_dbt_targets(target_root: Path, keep: int = KEEP_DBT_TARGETS) -> list[Path]:
    """Delete all but the newest ``keep`` per-invocation target folders (dbt_models-*); return those deleted."""
    folders = sorted(
        (p for p in Path(target_root).glob("dbt_models-*") if p.is_dir()), key=lambda p: p.stat().st_mtime, reverse=True
    )
    for old in folders[keep:]:
        shutil.rmtree(old, ignore_errors=True)
    return folders[keep:]


DBT_BUILD_MARK = load_state.DBT_BUILD_MARK


def dbt_inputs_fingerprint() -> str:
    return load_state.dbt_inputs_fingerprint(Path(dbt_project.project_dir))


def dbt_build_state(warehouse_file: Path) -> tuple[str, str | None]:
    """(what a build now would see, what the last complete build saw): equal means nothing to rebuild."""
    return load_state.dbt_build_state(warehouse_file, Path(dbt_project.project_dir))


@dbt_assets(
    manifest=dbt_project.manifest_path,
    project=dbt_project,
    dagster_dbt_translator=PartnershipsTranslator(),
    exclude="resource_type:unit_test",
    pool="warehouse",
    retry_policy=TRANSIENT_RETRY,
)
def dbt_models(context: dg.AssetExecutionContext, dbt: DbtCliResource, warehouse: WarehouseResource) -> Iterator:
    """`dbt build` (models, seeds and data tests; unit tests run in CI, not in production), with row counts.

    The build is skipped when no staging table was written and no dbt file changed since the last complete
    build, and the serving copy exists: each model is then recorded as checked and unchanged (same data
    version as its inputs), so the nightly freshness policy stays green on a night when no page changed.
    When sources were checked since (raw.source_checks: every run checks every source), `source_health`
    alone is rebuilt first (`dbt build --select source_health`, with its data tests), so it shows the
    new check times; the marts are not rebuilt (load_state.dbt_plan)."""
    plan, now, checks = load_state.dbt_plan(warehouse.file, Path(dbt_project.project_dir))
    if plan != "build" and serving.serving_path(warehouse.file).is_file():
        health = next((k for k in context.selected_asset_keys if k.path[-1] == load_state.CHECKS_MODEL), None)
        rows = None
        if plan == "checks" and health is not None:
            rows = build_checks_model(context, dbt, warehouse.file)
            load_state.mark_checks_built(warehouse.file, checks)
            context.log.info(f"dbt: only sources were checked: {load_state.CHECKS_MODEL} rebuilt alone ({rows} rows)")
        else:
            context.log.info(f"dbt build skipped: no staging table and no dbt file changed since the last build ({now})")
        # in dependency order: Dagster refuses a multi-asset's outputs yielded before their upstream ones
        deps = context.assets_def.asset_deps
        for key in graphlib.TopologicalSorter({k: deps.get(k, set()) for k in context.selected_asset_keys}).static_order():
            if key not in context.selected_asset_keys:
                continue
            if key == health and rows is not None:
                yield dg.MaterializeResult(
                    asset_key=key, data_version=dg.DataVersion(f"{now}|{checks}"),
                    metadata={"dbt_build": f"{load_state.CHECKS_MODEL} alone: sources checked, no staging table changed",
                              "dagster/row_count": rows})
                continue
            yield dg.MaterializeResult(
                asset_key=key, data_version=dg.DataVersion(now),
                metadata={"dbt_build": "skipped: inputs unchanged since the last complete build"})
        return
    invocation = dbt.cli(["build", "--exclude-resource-type", "unit_test"], context=context)
    try:
        yield from invocation.stream().fetch_row_counts()
    except DagsterDbtCliRuntimeError as exc:
        if any(marker in str(exc) for marker in _TRANSIENT_DBT):
            raise  # retried by TRANSIENT_RETRY
        raise dg.Failure(description=str(exc), allow_retries=False) from exc
    finally:
        release_dbt_duckdb()
        prune_dbt_targets(Path(dbt_project.project_dir) / "target")
    if not context.is_subset:  # only a complete, successful build vouches for every model
        load_state.mark_dbt_built(warehouse.file, now, checks)


def build_checks_model(context: dg.AssetExecutionContext, dbt: DbtCliResource, warehouse_file: Path) -> int:
    """`dbt build` of source_health alone (and its data tests): the night's checks, without the marts.
    Returns its row count."""
    project = Path(dbt_project.project_dir)
    target = project / "target" / f"dbt_models-{context.run_id[:7]}-checks-{uuid.uuid4().hex[:7]}"
    try:
        dbt.cli(["build", "--select", load_state.CHECKS_MODEL, "--exclude-resource-type", "unit_test"],
                manifest=dbt_project.manifest_path, dagster_dbt_translator=PartnershipsTranslator(),
                target_path=target).wait()
    except DagsterDbtCliRuntimeError as exc:
        if any(marker in str(exc) for marker in _TRANSIENT_DBT):
            raise  # retried by TRANSIENT_RETRY
        raise dg.Failure(description=str(exc), allow_retries=False) from exc
    finally:
        prune_dbt_targets(project / "target")
    with wh.connect(warehouse_file) as con:
        return wh.scalar(con, f"SELECT count(*) FROM marts.{load_state.CHECKS_MODEL}")


@dg.asset(
    deps=[dbt_models],
    group_name="serving",
    kinds={"duckdb"},
    pool="warehouse",
    retry_policy=TRANSIENT_RETRY,
    automation_condition=ON_UPSTREAM_CHANGE,
    freshness_policy=NIGHTLY_FRESHNESS,
    output_required=False,
    description="A read-only copy of the warehouse for BI tools, swapped in atomically after each build "
    "that changed a mart (checked but not republished otherwise).",
)
def serving_copy(context: dg.AssetExecutionContext, warehouse: WarehouseResource) -> Iterator:
    published = serving.publish_if_changed(warehouse.file)
    if published is None:
        context.log.info("serving copy not republished: no mart changed since it was last published")
        yield dg.MaterializeResult(metadata={"republished": False, "path": dg.MetadataValue.path(
            str(serving.serving_path(warehouse.file)))})  # checked tonight, still current: fresh
        return
    target, counts, patched = published
    if patched is not None:
        context.log.info(f"serving copy patched: {', '.join(patched)} rewritten in a copy of the served file")
    yield dg.MaterializeResult(
        metadata={
            "path": dg.MetadataValue.path(str(target)),
            "republished": True,
            "published_as": ("patched: " + ", ".join(patched)) if patched is not None else "whole copy",
            "dagster/row_count": sum(counts.values()),
            "tables": dg.MetadataValue.table(
                records=[dg.TableRecord({"relation": t, "rows": n}) for t, n in sorted(counts.items())],
                schema=dg.TableSchema(columns=[dg.TableColumn("relation", "string"), dg.TableColumn("rows", "int")]),
            ),
        }
    )


marts_automation = dg.AutomationConditionSensorDefinition(
    "marts_automation",
    target=dg.AssetSelection.assets(dbt_models, serving_copy) | dg.AssetSelection.keys("marts_parquet", "report"),
    default_status=dg.DefaultSensorStatus.RUNNING,
    minimum_interval_seconds=30,
    description="Refreshes the dbt models and the serving copy when a source's staging tables change.",
)
