"""Runs started from the shell (`partnerships run`), recorded where the UI looks.

The instance is $DAGSTER_HOME, or, when it is unset, the repository's
`.dagster_home/` (the one `make ui` and `make run` use), so a run from the
shell is a run in the UI. Like the nightly schedule, each source is its own
`refresh_source` run (partition = source id); then one `refresh_marts` run
builds the marts and the serving copy (the automation sensor, when the daemon
runs, sees they are up to date and does not repeat them).

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


def _errors(result) -> str:
    messages = []
    for event in result.all_events:
        if event.is_step_failure and event.step_failure_data.error:
            messages.append(event.step_failure_data.error.message.strip())
    return "\n".join(messages) or "run failed"


def _execute(job, *, instance, run_config: dict, **kwargs):
    """One job run in this process, tagged with its pid, supervised (pool waits said, signals stop it)."""
    from pipelines import run_control

    run_id = str(uuid.uuid4())
    tags = {"partnerships/started_by": "shell", **run_control.this_process_tags()}
    return run_control.supervise(
        lambda: job.execute_in_process(
            instance=instance, run_id=run_id, raise_on_error=False, run_config=run_config, tags=tags, **kwargs
        ),
        instance=instance,
        run_id=run_id,
    )


def run_pipeline(source_ids: list[str] | None, *, log_level: str = "INFO", instance=None) -> ShellRun:
    """Refresh the given sources (default: every registered one), then the marts, in the instance."""
    import dagster as dg

    from pipelines import run_control
    from pipelines.definitions import defs
    from pipelines.defs.sources import registered_sources, sync_partitions

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
        ids = source_ids or list(registered_sources())
        ingest = definitions.resolve_job_def("refresh_source")
        for sid in ids:
            result = _execute(ingest, instance=instance, run_config=run_config, partition_key=sid)
            outcome.source_runs[sid] = result.run_id
            if not result.success:
                outcome.failed[sid] = _errors(result)
        marts = _execute(definitions.resolve_job_def("refresh_marts"), instance=instance, run_config=run_config)
        outcome.marts_run = marts.run_id
        if not marts.success:
            outcome.marts_error = _errors(marts)
    finally:
        if own:
            instance.dispose()
    return outcome
