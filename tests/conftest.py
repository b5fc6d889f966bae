"""Shared fixtures. Tests never touch the internet; each gets its own warehouse."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

os.environ.setdefault("DO_NOT_TRACK", "1")
os.environ.setdefault("DAGSTER_DISABLE_TELEMETRY", "1")
os.environ.setdefault("DBT_SEND_ANONYMOUS_USAGE_STATS", "false")
# The crawler refuses loopback/private addresses unless allowed; the tests' servers are on 127.0.0.0/8.
os.environ.setdefault("PARTNERSHIPS_CRAWL_ALLOW_NETWORKS", "127.0.0.0/8")

REPO_ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("PARTNERSHIPS_SHARED", REPO_ROOT.parent / "shared"))


def _seed_registry() -> Path:
    """The bundled registry without its generated development-set block: the five seed pages.

    Tests that run the whole Dagster graph (several times each) run it over
    these; `make run` runs all 69 bundled pages, and tests/parse/test_snapshots.py
    checks every bundled page parses back to its text.
    """
    text = (REPO_ROOT / "sources" / "registry.yml").read_text(encoding="utf-8")
    marker = "  # ---- BEGIN GENERATED"
    path = Path(tempfile.mkdtemp(prefix="partnerships-registry-")) / "registry.yml"
    path.write_text(text.split(marker, 1)[0], encoding="utf-8")
    return path


# Set before any test module imports pipelines.defs (which reads the registry at import).
os.environ.setdefault("PARTNERSHIPS_REGISTRY", str(_seed_registry()))


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
