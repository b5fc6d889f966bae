"""Jobs and the nightly schedule.

Each night at 02:00 China time the schedule asks for one `refresh_sources` run
over every registered source (pipelines/defs/batch.py): one run's overhead a
night, not one per source, and events only for what changed; each failed
source is then run on its own (`failed_sources_rerun`), so it is its own red
run and red partition.
The marts follow by declarative automation (`marts_automation`, see
models.py) once the sources' runs are done; `refresh_marts` is the same as a
job, for the shell and the launchpad.
"""


import dagster as dg

from pipelines.defs.ingest import documents, facts, raw_pages, source_registry, staging_tables
from pipelines.defs.models import dbt_models, serving_copy
from pipelines.defs.sources import current_source_ids, registry_error
from pipelines.defs.alerts import RERUN_OF_TAG
from pipelines.defs.batch import failed_sources, refresh_sources

refresh_source = dg.define_asset_job(
    "refresh_source",
    selection=dg.AssetSelection.assets(source_registry, raw_pages, documents, facts, staging_tables),
    description="Fetch, parse, extract and load one source, or a range of them (partitions of `sources`): backfills, "
    "`partnerships run --source`, a failed source after `refresh_sources`; the marts follow by automation.",
)

refresh_marts = dg.define_asset_job(
    "refresh_marts",
    # the Parquet files and the report (pipelines/defs/outputs.py) follow the serving copy in the same run
    selection=dg.AssetSelection.assets(dbt_models, serving_copy) | dg.AssetSelection.keys("marts_parquet", "report"),
    description="dbt build over the staging tables, then publish the serving copy, the Parquet files and the report.",
)


@dg.schedule(
    job=refresh_sources,
    cron_schedule="0 2 * * *",
    execution_timezone="Asia/Shanghai",
    default_status=dg.DefaultScheduleStatus.RUNNING,
    description="Every night at 02:00 China time: one run over every registered source; then the marts, by automation.",
)
def nightly_schedule(context: dg.ScheduleEvaluationContext) -> dg.RunRequest | dg.SkipReason:
    error = registry_error()
    if error:
        return dg.SkipReason(f"no sources to refresh: {error}")
    keys = current_source_ids(context.instance)
    if not keys:
        return dg.SkipReason("no source partitions yet (source_registry_sensor adds them from sources/registry.yml)")
    return dg.RunRequest(run_key=f"nightly-{context.scheduled_execution_time:%Y-%m-%d}")


@dg.run_failure_sensor(
    name="failed_sources_rerun",
    monitored_jobs=[refresh_sources],
    request_job=refresh_source,
    default_status=dg.DefaultSensorStatus.RUNNING,
    minimum_interval_seconds=30,
    description="After a `refresh_sources` run in which sources failed: one `refresh_source` run per failed source, "
    "so each is its own red run and red partition (and recovers there if the error was transient).",
)
def failed_sources_rerun(context: dg.RunFailureSensorContext):
    if context.dagster_run.tags.get("partnerships/started_by") == "shell":
        return []  # `partnerships run` runs its failed sources itself (pipelines/runs.py)
    run_id = context.dagster_run.run_id
    return [dg.RunRequest(run_key=f"{run_id}-{sid}", partition_key=sid, tags={RERUN_OF_TAG: run_id})
            for sid in failed_sources(context.get_step_failure_events())]
