"""The sources as Dagster partitions, kept in step with sources/registry.yml without a deploy.

The per-source assets are partitioned by a *dynamic* partitions definition,
``sources``, whose keys live in the Dagster instance, not in the code. The
``source_registry_sensor`` reads the registry file on every tick (every 30 s)
and adds the ids that are new and deletes the ids that are gone (or
``enabled: false``). So a source added to the registry becomes a partition,
and is refreshed by the next nightly run, without reloading the code location;
a removed source stops being scheduled, while its rows stay in the warehouse
and its runs and materializations stay in the instance's history.

``partnerships run`` applies the same sync before it runs, so the shell never
needs the daemon.
"""


import dagster as dg

from pipelines.registry import RegistryError, Source, load_registry
from pipelines.settings import registry_path

source_partitions = dg.DynamicPartitionsDefinition(name="sources")


def registered_sources() -> dict[str, Source]:
    """The enabled sources of the registry, read now (not at import), by id."""
    return {s.id: s for s in load_registry(registry_path())}


def registry_error() -> str | None:
    """The registry's one-line error, read now; None when it is valid."""
    try:
        load_registry(registry_path())
    except RegistryError as exc:
        return str(exc)
    return None


def source(source_id: str) -> Source:
    """The registry entry of one partition key; a clear error when the registry no longer has it."""
    sources = registered_sources()
    if source_id not in sources:
        raise dg.Failure(
            description=f"source {source_id!r} is not (or no longer) an enabled entry of {registry_path()}",
            allow_retries=False,
        )
    return sources[source_id]


def partition_changes(instance: dg.DagsterInstance, sources: dict[str, Source] | None = None) -> tuple[list[str], list[str]]:
    """(ids to add, ids to delete) to bring the instance's partitions in step with the registry."""
    wanted = list(sources if sources is not None else registered_sources())
    current = instance.get_dynamic_partitions(source_partitions.name)
    return [k for k in wanted if k not in current], [k for k in current if k not in wanted]


def sync_partitions(instance: dg.DagsterInstance) -> tuple[list[str], list[str]]:
    """Apply partition_changes directly (the shell's way; the daemon's way is the sensor)."""
    added, removed = partition_changes(instance)
    if added:
        instance.add_dynamic_partitions(source_partitions.name, added)
    for key in removed:
        instance.delete_dynamic_partition(source_partitions.name, key)
    return added, removed


def current_source_ids(instance: dg.DagsterInstance) -> list[str]:
    return list(instance.get_dynamic_partitions(source_partitions.name))


@dg.sensor(
    minimum_interval_seconds=30,
    default_status=dg.DefaultSensorStatus.RUNNING,
    description="Keeps the `sources` partitions in step with sources/registry.yml: new ids added, removed ids deleted.",
)
def source_registry_sensor(context: dg.SensorEvaluationContext) -> dg.SensorResult | dg.SkipReason:
    # A malformed registry raises RegistryError naming the file and entry: the tick shows failed, partitions untouched.
    added, removed = partition_changes(context.instance)
    if not added and not removed:
        return dg.SkipReason("partitions match the registry")
    context.log.info(f"registry sync: adding {added}, removing {removed}")
    requests = []
    if added:
        requests.append(source_partitions.build_add_request(added))
    if removed:
        requests.append(source_partitions.build_delete_request(removed))
    return dg.SensorResult(dynamic_partitions_requests=requests)
