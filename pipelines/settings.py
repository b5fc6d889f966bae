"""Paths and environment settings shared by every layer.

One environment variable names the warehouse, and dbt's profiles.yml reads the
same one, so Python and dbt always write the same file.

The warehouse is DuckDB by default; PARTNERSHIPS_TARGET=postgres with
PARTNERSHIPS_PG_URL=postgresql://user:password@host:port/dbname puts the
staging tables (pipelines/warehouse_pg.py) and dbt's models in PostgreSQL
instead. dbt's profile cannot read a URL: the URL's parts are exported as
PARTNERSHIPS_PG_HOST/PORT/USER/PASSWORD/DBNAME (pg_dbt_env) when this module
is imported, for the dbt that runs in or below this process.
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

TARGET_ENV = "PARTNERSHIPS_TARGET"  # dbt target and staging writer: duckdb (default) | postgres
TARGETS = ("duckdb", "postgres")
PG_URL_ENV = "PARTNERSHIPS_PG_URL"


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


def warehouse_target() -> str:
    """Where the warehouse lives: ``duckdb`` (default) or ``postgres`` ($PARTNERSHIPS_TARGET)."""
    value = (os.environ.get(TARGET_ENV) or "duckdb").strip().lower()
    if value not in TARGETS:
        raise ValueError(f"{TARGET_ENV}={os.environ.get(TARGET_ENV)!r}: expected one of {', '.join(TARGETS)}")
    return value


def pg_url(value: str | None = None) -> str:
    """The PostgreSQL warehouse's URL ($PARTNERSHIPS_PG_URL unless given), as SQLAlchemy takes it
    (postgresql+psycopg2://...)."""
    value = value or os.environ.get(PG_URL_ENV)
    if not value:
        raise ValueError(f"{TARGET_ENV}=postgres needs {PG_URL_ENV}=postgresql://user:password@host:port/dbname")
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        url = make_url(value)
    except ArgumentError:
        raise ValueError(f"{PG_URL_ENV} is not a URL: expected postgresql://user:password@host:port/dbname") from None
    if url.get_backend_name() != "postgresql":
        raise ValueError(f"{PG_URL_ENV}={url.render_as_string(hide_password=True)}: not a postgresql:// URL")
    return url.set(drivername="postgresql+psycopg2").render_as_string(hide_password=False)


def pg_dbt_env(url: str) -> dict[str, str]:
    """The PARTNERSHIPS_PG_* variables profiles.yml's postgres output reads, from a URL."""
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    return {
        "PARTNERSHIPS_PG_HOST": parsed.host or "localhost",
        "PARTNERSHIPS_PG_PORT": str(parsed.port or 5432),
        "PARTNERSHIPS_PG_USER": parsed.username or "postgres",
        "PARTNERSHIPS_PG_PASSWORD": parsed.password or "",
        "PARTNERSHIPS_PG_DBNAME": parsed.database or "postgres",
    }


if os.environ.get(PG_URL_ENV):  # the URL wins over stale parts
    try:
        os.environ.update(pg_dbt_env(os.environ[PG_URL_ENV]))
    except Exception:  # noqa: BLE001 - a malformed URL: pg_url() names it when the target needs it
        pass
