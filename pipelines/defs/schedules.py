"""Jobs and the nightly schedule.

Each night at 02:00 China time the schedule asks for one `refresh_source` run
over the range of every source partition (the `sources` partitions, in step
with the registry): one run's overhead a night, not one per source; each
source's outcome is still recorded on its own partition (pipelines/defs/ingest.py).
$PARTNERSHIPS_SOURCES_PER_RUN splits the night into runs of at most that many
sources (to spread them over several run workers).
The marts follow by declarative automation (`marts_automation`, see
models.py) once the sources' runs are done; `refresh_marts` is the same as a
job, for the shell and the launchpad.
"""


import dagster as dg

from pipelines.defs.ingest import documents, facts, raw_pages, source_registry, staging_tables
from pipelines.defs.models import dbt_models, serving_copy
from pipelines.defs.sources import current_source_ids, registry_error
from pipelines.runs import partition_ranges, range_tags

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
def nightly_schedule(context: dg.ScheduleEvaluationContext) -> list[dg.RunRequest] | dg.SkipReason:
    error = registry_error()
    if error:
        return dg.SkipReason(f"no sources to refresh: {error}")
    keys = current_source_ids(context.instance)
    if not keys:
        return dg.SkipReason("no source partitions yet (source_registry_sensor adds them from sources/registry.yml)")
    day = f"{context.scheduled_execution_time:%Y-%m-%d}"
    ranges = partition_ranges(keys, keys)  # one range; several with $PARTNERSHIPS_SOURCES_PER_RUN
    return [
        dg.RunRequest(run_key=f"nightly-{day}" + (f"-{i}" if i else ""), **range_tags(r)) for i, r in enumerate(ranges)
    ]
