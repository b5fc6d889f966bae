"""Jobs and the nightly schedule.

Each night at 02:00 China time the schedule asks for one `refresh_source` run
over the range of every source partition (the `sources` partitions, in step
with the registry): one run's overhead a night, not one per source; each
source's outcome is still recorded on its own partition (pipelines/defs/ingest.py).
The marts follow by declarative automation (`marts_automation`, see
models.py) once the sources' runs are done; `refresh_marts` is the same as a
job, for the shell and the launchpad.
"""


import dagster as dg
from dagster._core.storage.tags import ASSET_PARTITION_RANGE_END_TAG, ASSET_PARTITION_RANGE_START_TAG

from pipelines.defs.ingest import documents, facts, raw_pages, source_registry, staging_tables
from pipelines.defs.models import dbt_models, serving_copy
from pipelines.defs.sources import current_source_ids, registry_error

refresh_source = dg.define_asset_job(
    "refresh_source",
    selection=dg.AssetSelection.assets(source_registry, raw_pages, documents, facts, staging_tables),
    description="Fetch, parse, extract and load one source (a partition of `sources`); the marts follow by automation.",
)

refresh_marts = dg.define_asset_job(
    "refresh_marts",
    # the Parquet files and the report (pipelines/defs/outputs.py) follow the serving copy in the same run
    selection=dg.AssetSelection.assets(dbt_models, serving_copy) | dg.AssetSelection.keys("marts_parquet", "report"),
    description="dbt build over the staging tables, then publish the serving copy, the Parquet files and the report.",
)


@dg.schedule(
    job=refresh_source,
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
    day = f"{context.scheduled_execution_time:%Y-%m-%d}"
    if len(keys) == 1:
        return dg.RunRequest(run_key=f"nightly-{day}", partition_key=keys[0])
    return dg.RunRequest(
        run_key=f"nightly-{day}",
        tags={ASSET_PARTITION_RANGE_START_TAG: keys[0], ASSET_PARTITION_RANGE_END_TAG: keys[-1]},
    )
