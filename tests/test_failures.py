"""A source that fails is red where people look, and the on-call engineer is alerted; the others reach the marts.

A two-source backfill (BackfillPolicy.multi_run(1): one run per source, as the
backfill daemon launches them) where one source's page cannot be parsed.
"""

from __future__ import annotations

import json
import logging
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import dagster as dg
import pytest

from pipelines import alerts
from pipelines.defs.alerts import AlertResource, check_failure_alerts, run_failure_alert_sensor
from pipelines.defs.sources import source_partitions, sync_partitions
from tests.test_pipeline import automate, definitions, query, refresh  # noqa: F401 - the module fixture

XTU = "xtu_university_government"
XAUT = "chinadaily_education_xaut"


class _Collect(BaseHTTPRequestHandler):
    received: list[dict] = []

    def do_POST(self):  # noqa: N802 - http.server's name
        body = self.rfile.read(int(self.headers["content-length"]))
        self.received.append(json.loads(body))
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def webhook():
    """A loopback HTTP server standing in for the alert webhook; yields (url, received alerts)."""
    _Collect.received = []
    server = HTTPServer(("127.0.0.1", 0), _Collect)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/hook", _Collect.received
    finally:
        server.shutdown()
        server.server_close()


@pytest.mark.timeout(1800)  # a dbt build over every model: minutes on a loaded 2-core machine
def test_one_failing_source_is_red_alerted_and_the_other_reaches_the_marts(definitions, warehouse_env, monkeypatch, webhook):
    import pipelines.parse as parse_module

    real_parse = parse_module.parse_bytes

    def failing_parse(body, **kwargs):
        if "xtu.edu.cn" in (kwargs.get("url") or ""):
            raise ValueError("simulated parser crash " + "with a long explanation " * 10)
        return real_parse(body, **kwargs)

    monkeypatch.setattr(parse_module, "parse_bytes", failing_parse)
    url, received = webhook
    with dg.instance_for_test() as instance:
        sync_partitions(instance)
        cursor = automate(definitions, instance, None, launch=False)[2]
        runs = refresh(definitions, instance, [XTU, XAUT])

        # the failing source's run is a failure, the other's a success
        assert not runs[XTU].success and runs[XAUT].success
        # its partition is failed, the other's materialized
        status = instance.get_status_by_partition(dg.AssetKey(["raw", "agreements"]), [XTU, XAUT], source_partitions)
        assert status[XTU] == dg.AssetPartitionStatus.FAILED
        assert status[XAUT] == dg.AssetPartitionStatus.MATERIALIZED
        # its own per-partition check failed, severity ERROR, with the whole error
        evaluation = next(e for e in runs[XTU].get_asset_check_evaluations() if e.check_name == "parse_ok")
        assert (evaluation.passed, evaluation.severity, evaluation.partition) == (False, dg.AssetCheckSeverity.ERROR, XTU)
        assert "simulated parser crash" in evaluation.description and "xtu.edu.cn" in evaluation.description
        assert evaluation.description.count("with a long explanation") == 10, "the error is not cut"
        assert all(e.passed for e in runs[XAUT].get_asset_check_evaluations())

        # the marts refresh by automation, with the good source's facts; the failure is in the warehouse
        requested, marts, _ = automate(definitions, instance, cursor)
        assert dg.AssetKey(["marts", "fct_agreements"]) in requested and marts.success
        wh = warehouse_env
        assert query(wh, f"select count(*) from marts.fct_agreements where contains(source_ids, '{XAUT}')")[0][0] > 0
        assert query(wh, f"select count(*) from marts.fct_agreements where contains(source_ids, '{XTU}')")[0][0] == 0
        errors = query(wh, "select source_id, stage, error from raw.errors")
        assert [(s, st) for s, st, _ in errors] == [(XTU, "parse")] and "simulated parser crash" in errors[0][2]

        # the run-failure sensor posts an alert naming the source and the error to the configured webhook
        failed_run = instance.get_run_by_id(runs[XTU].run_id)
        failure = instance.all_logs(failed_run.run_id, of_type=dg.DagsterEventType.RUN_FAILURE)[0].dagster_event
        context = dg.build_run_status_sensor_context(
            sensor_name="run_failure_alert", dagster_instance=instance, dagster_run=failed_run, dagster_event=failure,
            resources={"alert_hook": AlertResource()},
        ).for_run_failure()
        monkeypatch.setenv(alerts.WEBHOOK_ENV, url)
        run_failure_alert_sensor(context)
        assert len(received) == 1
        alert = received[0]
        assert alert["kind"] == "run_failure" and alert["source"] == XTU and alert["run_id"] == failed_run.run_id
        assert "simulated parser crash" in alert["error"] and XTU in alert["text"]

        # the check-failure sensor: one alert for the failed ERROR check, none for the passing ones
        check_keys = definitions.resolve_asset_graph().asset_check_keys
        found, last = check_failure_alerts(instance, check_keys, after=0)
        assert [(a.kind, a.source) for a in found] == [("check_failure", XTU)]
        assert "parse_ok" in found[0].summary and "simulated parser crash" in found[0].error
        sensor = definitions.resolve_sensor_def("check_failure_alert")
        with dg.build_sensor_context(instance=instance, cursor="0", resources={"alert_hook": AlertResource()},
                                     repository_def=definitions.get_repository_def()) as ctx:
            sensor(ctx)
        assert [a["kind"] for a in received] == ["run_failure", "check_failure"]
        assert check_failure_alerts(instance, check_keys, after=last) == ([], last), "nothing new: no repeated alert"


def test_without_a_webhook_the_alert_is_a_log_line(monkeypatch, caplog):
    monkeypatch.delenv(alerts.WEBHOOK_ENV, raising=False)
    with caplog.at_level(logging.WARNING, logger="partnerships.alerts"):
        AlertResource().send(alerts.Alert(kind="run_failure", source="s1", summary="run r1 failed", error="boom: all of it"))
    assert "source s1" in caplog.text and "boom: all of it" in caplog.text
