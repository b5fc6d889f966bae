"""A source that fails is red where people look, and the on-call engineer is alerted; the others reach the marts.

The end-to-end case (a refresh of every bundled source, one run per source as
a BackfillPolicy.multi_run(1) backfill launches them, where one source's page
cannot be parsed: its run, partition and ERROR check are red, both alert
sensors post to a loopback webhook, the other sources' facts reach the marts by
automation) is tests/test_pipeline.py's whole-graph test, which shares its one
dbt build with the marts checks. Here: the alert hook's default.
"""

from __future__ import annotations

import logging

from pipelines import alerts
from pipelines.defs.alerts import AlertResource


def test_without_a_webhook_the_alert_is_a_log_line(monkeypatch, caplog):
    monkeypatch.delenv(alerts.WEBHOOK_ENV, raising=False)
    with caplog.at_level(logging.WARNING, logger="partnerships.alerts"):
        AlertResource().send(alerts.Alert(kind="run_failure", source="s1", summary="run r1 failed", error="boom: all of it"))
    assert "source s1" in caplog.text and "boom: all of it" in caplog.text
