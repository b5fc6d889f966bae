"""Alerting sensors: every failed run and every failed ERROR-severity asset check becomes an alert.

The alert goes through `AlertResource`, whose hook is a log line by default and
a JSON POST when $PARTNERSHIPS_ALERT_WEBHOOK (or the resource's `webhook_url`)
is set; see pipelines/alerts.py. The alert names the source (the run's or the
check's partition) and carries the whole error.
"""


import dagster as dg

from pipelines import alerts


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
    alert_hook.send(run_failure_alert(context.dagster_run, context.get_step_failure_events(), context.failure_event))


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
