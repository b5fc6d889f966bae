"""Alerting sensors: every failed run and every failed ERROR-severity asset check becomes an alert.

Except repeats: a failed source's own rerun (tagged RERUN_OF_TAG) that fails with the very errors its
nightly `refresh_sources` run failed with for that source, and its checks that say what they said there,
are not alerted again; a rerun that fails otherwise is.

The alert goes through `AlertResource`, whose hook is a log line by default and
a JSON POST when $PARTNERSHIPS_ALERT_WEBHOOK (or the resource's `webhook_url`)
is set; see pipelines/alerts.py. The alert names the source (the run's or the
check's partition) and carries the whole error.
"""


import dagster as dg

from pipelines import alerts


# On a failed source's own `refresh_source` run (failed_sources_rerun, `partnerships run`): the id of the
# `refresh_sources` run it repeats. That run's alert already named the source with its whole error, so the
# rerun alerts only when it fails otherwise (repeated_failure): one alert per failing source and night.
RERUN_OF_TAG = "partnerships/rerun_of"


def _error_rows(step_failures, source: str) -> set[tuple]:
    """(stage, document, url, error) of ``source`` in the `errors` table a failed staging step carries."""
    rows = set()
    for event in step_failures:
        data = event.event_specific_data.user_failure_data if event.event_specific_data else None
        table = data.metadata.get("errors") if data is not None else None
        for record in getattr(getattr(table, "value", None), "records", None) or []:
            row = record.data
            if row.get("source_id") == source:
                rows.add((row.get("stage"), row.get("document_id"), row.get("url"), row.get("error")))
    return rows


def _step_failures(instance: dg.DagsterInstance, run_id: str) -> list:
    return [e.dagster_event for e in instance.all_logs(run_id, of_type=dg.DagsterEventType.STEP_FAILURE)]


def repeated_failure(instance: dg.DagsterInstance, run: dg.DagsterRun, step_failures) -> bool:
    """True when ``run`` is a failed source's own rerun that failed with exactly the errors its batch run
    already alerted for that source (a different error, or a crash, is alerted)."""
    parent, source = run.tags.get(RERUN_OF_TAG), run.tags.get("dagster/partition")
    if not parent or not source:
        return False
    mine = _error_rows(step_failures, source)
    return bool(mine) and mine == _error_rows(_step_failures(instance, parent), source)


def repeated_check(instance: dg.DagsterInstance, run_id: str | None, evaluation) -> bool:
    """True when a failed check of a failed source's rerun says what the same check said on the same
    source in its batch run (alerted then)."""
    run = instance.get_run_by_id(run_id) if run_id else None
    parent = run.tags.get(RERUN_OF_TAG) if run is not None else None
    if not parent:
        return False
    for record in instance.get_records_for_run(parent, of_type=dg.DagsterEventType.ASSET_CHECK_EVALUATION,
                                               limit=100_000).records:
        before = record.event_log_entry.dagster_event.event_specific_data
        if (before.check_name, before.asset_key, before.partition) == (
                evaluation.check_name, evaluation.asset_key, evaluation.partition):
            return not before.passed and before.description == evaluation.description
    return False


class AlertResource(dg.ConfigurableResource):
    """Where alerts go. `webhook_url` (default: $PARTNERSHIPS_ALERT_WEBHOOK) or, without one, a log line."""

    webhook_url: str | None = None

    def send(self, alert: alerts.Alert) -> None:
        alerts.hook_from_env(self.webhook_url)(alert)


def run_failure_alert(run: dg.DagsterRun, step_failures, failure_event) -> alerts.Alert:
    errors = [e.event_specific_data.error.message.strip() for e in step_failures if e.event_specific_data.error]
    error = "\n".join(errors) or (failure_event.message if failure_event else "") or "(no error message)"
    # a run of one source: its partition; a run over many: the sources its staging step failed
    failed = [
        e.event_specific_data.user_failure_data.metadata.get("failed_sources")
        for e in step_failures
        if e.event_specific_data.user_failure_data is not None
    ]
    source = run.tags.get("dagster/partition") or ", ".join(f.value for f in failed if f is not None) or None
    steps = ", ".join(e.step_key for e in step_failures if e.step_key) or "-"
    return alerts.Alert(
        kind="run_failure",
        source=source,
        summary=f"run {run.run_id} of job {run.job_name} failed (steps: {steps})",
        error=error,
        run_id=run.run_id,
    )


@dg.run_failure_sensor(
    name="run_failure_alert",
    default_status=dg.DefaultSensorStatus.RUNNING,
    minimum_interval_seconds=30,
    description="Sends an alert (log line or webhook) for every failed run, naming the source and the error.",
)
def run_failure_alert_sensor(context: dg.RunFailureSensorContext, alert_hook: AlertResource) -> None:
    failures = context.get_step_failure_events()
    if repeated_failure(context.instance, context.dagster_run, failures):
        context.log.info(f"run {context.dagster_run.run_id}: the same failure of source "
                         f"{context.dagster_run.tags.get('dagster/partition')} as in run "
                         f"{context.dagster_run.tags.get(RERUN_OF_TAG)}, alerted then; no second alert")
        return
    alert_hook.send(run_failure_alert(context.dagster_run, failures, context.failure_event))


def check_failure_alerts(
    instance: dg.DagsterInstance, check_keys, after: int | None, limit: int = 100
) -> tuple[list[alerts.Alert], int | None]:
    """Alerts for the failed ERROR checks recorded after execution id ``after``; and the new cursor.

    Reads each check's execution history (works on every event log storage,
    including the run-sharded SQLite one `make ui` uses).
    """
    from dagster._core.storage.asset_check_execution_record import AssetCheckExecutionRecordStatus

    found, cursor = [], after
    for key in sorted(check_keys, key=lambda k: k.to_user_string()):
        for record in instance.event_log_storage.get_asset_check_execution_history(key, limit=limit):
            if after is not None and record.id <= after:
                break  # newest first: the rest were seen on an earlier tick
            cursor = max(cursor or 0, record.id)
            if record.status != AssetCheckExecutionRecordStatus.FAILED or record.event is None:
                continue
            evaluation = record.event.dagster_event.event_specific_data
            if evaluation.severity != dg.AssetCheckSeverity.ERROR:
                continue
            if repeated_check(instance, record.run_id, evaluation):
                continue  # a failed source's rerun saying what its batch run said (alerted then)
            found.append(
                (record.id, alerts.Alert(
                    kind="check_failure",
                    source=evaluation.partition or record.partition,
                    summary=f"check {evaluation.check_name} on {evaluation.asset_key.to_user_string()} failed",
                    error=evaluation.description or "(no description)",
                    run_id=record.run_id,
                ))
            )
    return [a for _, a in sorted(found, key=lambda pair: pair[0])], cursor


@dg.sensor(
    name="check_failure_alert",
    default_status=dg.DefaultSensorStatus.RUNNING,
    minimum_interval_seconds=30,
    description="Sends an alert (log line or webhook) for every failed ERROR-severity asset check.",
)
def check_failure_alert_sensor(context: dg.SensorEvaluationContext, alert_hook: AlertResource) -> dg.SkipReason:
    check_keys = context.repository_def.asset_graph.asset_check_keys
    if context.cursor is None:
        # First tick: start from now, do not replay the whole history as alerts.
        _, cursor = check_failure_alerts(context.instance, check_keys, after=None, limit=1)
        context.update_cursor(str(cursor or 0))
        return dg.SkipReason("started watching asset check evaluations")
    found, cursor = check_failure_alerts(context.instance, check_keys, int(context.cursor))
    for alert in found:
        alert_hook.send(alert)
    context.update_cursor(str(cursor))
    return dg.SkipReason(f"{len(found)} alert(s) sent")
