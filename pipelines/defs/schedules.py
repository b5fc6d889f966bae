"""The nightly refresh: every source, then the marts, in one run."""


import dagster as dg

from pipelines.defs.ingest import REGISTRY_ERROR, source_partitions

nightly_refresh = dg.define_asset_job(
    "nightly_refresh",
    selection=dg.AssetSelection.all(),
    description="Fetch, parse, extract and load every source, then dbt build and publish the serving copy.",
)


def all_sources_tags() -> dict[str, str]:
    """Run tags that make one run cover every source partition (the assets run the range in one go)."""
    keys = source_partitions.get_partition_keys()
    return {
        "dagster/asset_partition_range_start": keys[0],
        "dagster/asset_partition_range_end": keys[-1],
    }


@dg.schedule(
    job=nightly_refresh,
    cron_schedule="0 2 * * *",
    execution_timezone="Asia/Shanghai",
    default_status=dg.DefaultScheduleStatus.RUNNING,
    description="Every night at 02:00 China time: refresh every source, then the marts.",
)
def nightly_schedule(context: dg.ScheduleEvaluationContext) -> dg.RunRequest | dg.SkipReason:
    if REGISTRY_ERROR or not source_partitions.get_partition_keys():
        return dg.SkipReason(f"no sources to refresh: {REGISTRY_ERROR or 'the registry lists none'}")
    return dg.RunRequest(
        run_key=f"nightly-{context.scheduled_execution_time:%Y-%m-%d}",
        tags=all_sources_tags(),
    )
