"""Runs started from the shell (`partnerships run`), recorded where the UI looks.

The instance is $DAGSTER_HOME, or, when it is unset, the repository's
`.dagster_home/` (the one `make ui` and `make run` use), so a run from the
shell is a run in the UI. Like the nightly schedule, every source is refreshed
by one `refresh_sources` run (pipelines/defs/batch.py: events only for what
changed), then each source that failed in it by its own `refresh_source` run
(its red run and red partition); `--source` ids are refreshed by
`refresh_source` runs over their partitions (one run per contiguous range of
them in the partitions' order). Then one `refresh_marts` run builds the marts
and the serving copy (the automation sensor, when the daemon runs, sees they
are up to date and does not repeat them). One run, not one per source:
Dagster's own cost per run (~20 s on this machine) no longer grows with the
number of sources.

Each run goes through pipelines.run_control: the instance's dead runs are
marked failed (their pool slots freed) first, each run is tagged with this
process's pid, and SIGINT/SIGTERM stop the current run at once (RunStopped).
The caller (`partnerships run`) holds the warehouse lock around all of it.
"""

from __future__ import annotations

import os
import uuid
from dataclasses import dataclass, field

from pipelines.settings import REPO_ROOT

DEFAULT_DAGSTER_HOME = REPO_ROOT / ".dagster_home"


def dagster_home() -> str:
    """$DAGSTER_HOME, defaulting (and set) to the repository's .dagster_home/, the UI's."""
    home = os.environ.setdefault("DAGSTER_HOME", str(DEFAULT_DAGSTER_HOME))
    os.makedirs(home, exist_ok=True)
    return home


@dataclass
class ShellRun:
    source_runs: dict[str, str] = field(default_factory=dict)  # source id -> run id
    failed: dict[str, str] = field(default_factory=dict)  # source id -> whole error text
    marts_run: str | None = None
    marts_error: str | None = None

    @property
    def success(self) -> bool:
        return not self.failed and self.marts_error is None


def partition_ranges(wanted: list[str], order: list[str]) -> list[list[str]]:
    """The wanted partition keys as runs of consecutive keys in the partitions' order (a run covers a range)."""
    wanted_set = set(wanted)
    ranges: list[list[str]] = []
    previous = None
    for i, key in enumerate(order):
        if key not in wanted_set:
            continue
        if previous is not None and previous == i - 1:
            ranges[-1].append(key)
        else:
            ranges.append([key])
        previous = i
    known = set(order)
    return ranges + [[key] for key in wanted if key not in known]  # not a partition: its run says so


def range_tags(keys: list[str]) -> dict:
    """Run arguments for one partition (its key) or a range of them (the range tags Dagster reads)."""
    from dagster._core.storage.tags import ASSET_PARTITION_RANGE_END_TAG, ASSET_PARTITION_RANGE_START_TAG

    if len(keys) == 1:
        return {"partition_key": keys[0]}
    return {"tags": {ASSET_PARTITION_RANGE_START_TAG: keys[0], ASSET_PARTITION_RANGE_END_TAG: keys[-1]}}


def _source_errors(result, keys: list[str]) -> dict[str, str]:
    """{source: its errors} for the sources of a failed run whose staging tables were not materialized."""
    done = {e.partition for e in result.get_asset_materialization_events() if e.asset_key.path[:1] == ["raw"]}
    checks: dict[str, list[str]] = {}
    for evaluation in result.get_asset_check_evaluations():
        if not evaluation.passed and evaluation.partition:
            checks.setdefault(evaluation.partition, []).append(evaluation.description or evaluation.check_name)
    whole = _errors(result)
    return {k: "\n".join(checks.get(k, [])) or whole for k in keys if k not in done}


def _errors(result) -> str:
    messages = []
    for event in result.all_events:
        if event.is_step_failure and event.step_failure_data.error:
            messages.append(event.step_failure_data.error.message.strip())
    return "\n".join(messages) or "run failed"


def _execute(job, *, instance, run_config: dict, tags: dict | None = None, **kwargs):
    """One job run in this process, tagged with its pid, supervised (pool waits said, signals stop it)."""
    from pipelines import run_control

    run_id = str(uuid.uuid4())
    tags = {**(tags or {}), "partnerships/started_by": "shell", **run_control.this_process_tags()}
    return run_control.supervise(
        lambda: job.execute_in_process(
            instance=instance, run_id=run_id, raise_on_error=False, run_config=run_config, tags=tags, **kwargs
        ),
        instance=instance,
        run_id=run_id,
    )


def run_pipeline(source_ids: list[str] | None, *, log_level: str = "INFO", instance=None, marts: bool = True) -> ShellRun:
    """Refresh the given sources (default: every registered one), then (unless ``marts`` is false) the marts,
    in the instance."""
    import dagster as dg

    from pipelines import run_control
    from pipelines.definitions import defs
    from pipelines.defs.alerts import RERUN_OF_TAG
    from pipelines.defs.batch import failed_sources
    from pipelines.defs.sources import current_source_ids, registered_sources, sync_partitions

    definitions = defs()
    run_config = {"loggers": {"console": {"config": {"log_level": log_level}}}}
    outcome = ShellRun()
    own = instance is None
    if own:
        dagster_home()
        instance = dg.DagsterInstance.get()
    try:
        run_control.recover_dead_runs(instance)
        sync_partitions(instance)  # the registry may have changed since the daemon last looked
        ingest = definitions.resolve_job_def("refresh_source")
        if source_ids:
            retry = partition_ranges(source_ids, current_source_ids(instance))
        else:  # every source: one refresh_sources run; each source that failed in it, then on its own
            batch = _execute(definitions.resolve_job_def("refresh_sources"), instance=instance, run_config=run_config)
            outcome.source_runs.update(dict.fromkeys(registered_sources(), batch.run_id))
            failed = failed_sources([e for e in batch.all_events if e.is_step_failure])
            if not batch.success and not failed:  # failed before naming sources (a bad registry, a crash)
                outcome.failed.update(dict.fromkeys(registered_sources(), _errors(batch)))
            retry = [[sid] for sid in failed]
            rerun_of = batch.run_id
        for keys in retry:
            extra = range_tags(keys)
            if not source_ids:  # a failed source's own run: its alert does not repeat the batch run's (alerts.py)
                extra = {**extra, "tags": {**extra.get("tags", {}), RERUN_OF_TAG: rerun_of}}
            result = _execute(ingest, instance=instance, run_config=run_config, **extra)
            outcome.source_runs.update(dict.fromkeys(keys, result.run_id))
            if not result.success:
                outcome.failed.update(_source_errors(result, keys) or {k: _errors(result) for k in keys})
        if marts:
            built = _execute(definitions.resolve_job_def("refresh_marts"), instance=instance, run_config=run_config)
            outcome.marts_run = built.run_id
            if not built.success:
                outcome.marts_error = _errors(built)
    finally:
        if own:
            instance.dispose()
    return outcome
