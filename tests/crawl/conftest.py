"""Fixtures for the crawler tests: loopback servers, a temporary store, fast settings."""

from __future__ import annotations

import socket
from collections.abc import Callable, Iterator

import pytest

from crawl_loopback import LoopbackServer
from pipelines import registry
from pipelines.crawl import CrawlSettings, RawStore


def _loopback_ok(host: str) -> bool:
    try:
        with socket.socket() as s:
            s.bind((host, 0))
        return True
    except OSError:
        return False


@pytest.fixture
def serve() -> Iterator[Callable[[str], LoopbackServer]]:
    """``serve("127.0.0.2")`` starts a server on that loopback address (stopped after the test)."""
    started: list[LoopbackServer] = []

    def make(host: str = "127.0.0.1") -> LoopbackServer:
        if not _loopback_ok(host):
            pytest.skip(f"cannot bind loopback address {host} on this system")
        server = LoopbackServer(host).start()
        started.append(server)
        return server

    yield make
    for server in started:
        server.stop()


@pytest.fixture
def store(tmp_path) -> RawStore:
    return RawStore(tmp_path / "raw")


@pytest.fixture
def fast() -> CrawlSettings:
    """Settings for tests: no politeness delay, short timeouts and backoff, no proxies."""
    return CrawlSettings(
        user_agent="PartnershipsBot/test (+https://example.invalid/bot)",
        delay_seconds=0.0, jitter_seconds=0.0, timeout_seconds=2.0,
        max_seconds_per_page=5.0, max_retries=2, backoff_base=0.01, backoff_max=0.05,
        max_retry_after=5.0, trust_env=False,
        allow_networks=("127.0.0.0/8",),  # the loopback test servers (refused by default)
    )


@pytest.fixture
def snapshot_dir(tmp_path, monkeypatch):
    """Point Source.snapshot_path at a temporary folder."""
    path = tmp_path / "snapshots"
    path.mkdir()
    monkeypatch.setattr(registry, "SNAPSHOT_DIR", path)
    return path
