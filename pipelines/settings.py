"""Paths and environment settings shared by every layer.

One environment variable names the warehouse, and dbt's profiles.yml reads the
same one, so Python and dbt always write the same file.
"""

from __future__ import annotations

import os
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent

WAREHOUSE_ENV = "PARTNERSHIPS_WAREHOUSE"
DEFAULT_WAREHOUSE = REPO_ROOT / "warehouse" / "partnerships.duckdb"

RAW_STORE_ENV = "PARTNERSHIPS_RAW_STORE"
FETCH_MODE_ENV = "PARTNERSHIPS_FETCH_MODE"
REGISTRY_ENV = "PARTNERSHIPS_REGISTRY"


def warehouse_path() -> Path:
    """The DuckDB warehouse file: $PARTNERSHIPS_WAREHOUSE or warehouse/partnerships.duckdb."""
    value = os.environ.get(WAREHOUSE_ENV)
    return Path(value).expanduser().resolve() if value else DEFAULT_WAREHOUSE


def raw_store_path() -> Path:
    """The raw page store: $PARTNERSHIPS_RAW_STORE or ``raw/`` beside the warehouse file."""
    value = os.environ.get(RAW_STORE_ENV)
    return Path(value).expanduser().resolve() if value else warehouse_path().parent / "raw"


def registry_path() -> Path:
    """The source registry: $PARTNERSHIPS_REGISTRY or sources/registry.yml."""
    value = os.environ.get(REGISTRY_ENV)
    return Path(value).expanduser().resolve() if value else REPO_ROOT / "sources" / "registry.yml"
