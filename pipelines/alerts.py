"""Alerts for the on-call engineer: a log line by default, a webhook when one is configured.

Plain Python (no Dagster). The Dagster sensors in pipelines/defs/alerts.py
build an ``Alert`` for every failed run and every failed asset check and hand
it to a hook. The hook is pluggable: ``PARTNERSHIPS_ALERT_WEBHOOK=<url>`` posts
each alert as JSON (Slack-compatible: it has a ``text`` field); without it,
the alert is a WARNING line on the ``partnerships.alerts`` logger (in the
daemon's and the sensor tick's logs). Any callable taking an ``Alert`` can be
used instead (``AlertResource.hook`` in code).
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Callable
from dataclasses import asdict, dataclass

WEBHOOK_ENV = "PARTNERSHIPS_ALERT_WEBHOOK"
logger = logging.getLogger("partnerships.alerts")


@dataclass(frozen=True)
class Alert:
    kind: str  # "run_failure" | "check_failure"
    source: str | None  # the source id (partition key), when the failure is one source's
    summary: str  # one line: what failed
    error: str  # the whole error text
    run_id: str | None = None
    url: str | None = None  # where to look in the UI, when known

    @property
    def text(self) -> str:
        who = f"source {self.source}" if self.source else "pipeline"
        return f"[partnerships] {self.kind} ({who}): {self.summary}\n{self.error}"

    def as_json(self) -> dict:
        return {**asdict(self), "text": self.text}


AlertHook = Callable[[Alert], None]


def log_hook(alert: Alert) -> None:
    logger.warning(alert.text)


def webhook_hook(url: str, timeout: float = 10.0) -> AlertHook:
    """A hook that POSTs the alert as JSON to ``url``; a non-2xx answer raises (the sensor tick shows it)."""

    def post(alert: Alert) -> None:
        import httpx

        reply = httpx.post(url, content=json.dumps(alert.as_json(), ensure_ascii=False).encode(),
                           headers={"content-type": "application/json"}, timeout=timeout)
        reply.raise_for_status()

    return post


def hook_from_env(webhook_url: str | None = None) -> AlertHook:
    """The configured hook: the webhook (argument or $PARTNERSHIPS_ALERT_WEBHOOK) or the log line."""
    url = webhook_url or os.environ.get(WEBHOOK_ENV)
    return webhook_hook(url) if url else log_hook
