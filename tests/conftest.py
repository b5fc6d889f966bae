"""Shared fixtures. Tests never touch the internet; each gets its own warehouse."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("DO_NOT_TRACK", "1")
os.environ.setdefault("DAGSTER_DISABLE_TELEMETRY", "1")
os.environ.setdefault("DBT_SEND_ANONYMOUS_USAGE_STATS", "false")
# The crawler refuses loopback/private addresses unless allowed; the tests' servers are on 127.0.0.0/8.
os.environ.setdefault("PARTNERSHIPS_CRAWL_ALLOW_NETWORKS", "127.0.0.0/8")

REPO_ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("PARTNERSHIPS_SHARED", REPO_ROOT.parent / "shared"))


@pytest.fixture
def warehouse_env(tmp_path, monkeypatch) -> Path:
    """Point the warehouse (and so the raw store and work files beside it) at a temp dir."""
    path = tmp_path / "wh" / "partnerships.duckdb"
    monkeypatch.setenv("PARTNERSHIPS_WAREHOUSE", str(path))
    monkeypatch.delenv("PARTNERSHIPS_RAW_STORE", raising=False)
    monkeypatch.setenv("PARTNERSHIPS_FETCH_MODE", "snapshot")
    return path


@pytest.fixture
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip(f"shared material not found at {SHARED}")
    return SHARED
