"""The warehouse's staging layer: DuckDB tables in schema ``raw``.

Plain Python (no Dagster). Writes are idempotent per source: the rows of the
documents being reloaded are deleted and re-inserted in one transaction, so a
re-run or a backfill never duplicates, and a document that failed this time
keeps its last good rows. dbt reads these tables as sources.

DuckDB allows one writing process; every function here opens its own
connection and closes it before returning, so no connection outlives a step.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import duckdb

SCHEMA = "raw"

# Column name -> DuckDB type, per staging table. The order is the insert order.
PROVENANCE = {
    "fact_id": "VARCHAR",
    "source_id": "VARCHAR",
    "document_id": "VARCHAR",
    "url": "VARCHAR",
    "evidence": "VARCHAR",
    "evidence_start": "INTEGER",
    "evidence_end": "INTEGER",
    "extracted_at": "TIMESTAMP",
}

TABLES: dict[str, dict[str, str]] = {
    "fetches": {
        "source_id": "VARCHAR",
        "url": "VARCHAR",
        "final_url": "VARCHAR",
        "mode": "VARCHAR",
        "status": "INTEGER",
        "ok": "BOOLEAN",
        "changed": "BOOLEAN",
        "content_hash": "VARCHAR",
        "bytes": "BIGINT",
        "error": "VARCHAR",
        "fetched_at": "TIMESTAMP",
    },
    "documents": {
        "document_id": "VARCHAR",
        "source_id": "VARCHAR",
        "url": "VARCHAR",
        "title": "VARCHAR",
        "published": "VARCHAR",
        "university": "VARCHAR",
        "content_hash": "VARCHAR",
        "text_chars": "INTEGER",
        "text": "VARCHAR",
        "parsed_at": "TIMESTAMP",
    },
    "agreements": {
        **PROVENANCE,
        "date": "VARCHAR",
        "date_precision": "VARCHAR",
        "university": "VARCHAR",
        "partner": "VARCHAR",
        "partner_type": "VARCHAR",
        "partner_province": "VARCHAR",
        "agreement_type": "VARCHAR",
    },
    "funding": {
        **PROVENANCE,
        "amount": "DOUBLE",
        "currency": "VARCHAR",
        "amount_usd_stated": "DOUBLE",
        "qualifier": "VARCHAR",
        "per": "VARCHAR",
        "period_years": "INTEGER",
        "kind": "VARCHAR",
        "funder": "VARCHAR",
        "recipient": "VARCHAR",
        "date": "VARCHAR",
    },
    "platforms": {
        **PROVENANCE,
        "name": "VARCHAR",
        "platform_type": "VARCHAR",
        "university": "VARCHAR",
        "partner": "VARCHAR",
        "date": "VARCHAR",
    },
    "counts": {
        **PROVENANCE,
        "quantity": "DOUBLE",
        "qualifier": "VARCHAR",
        "unit": "VARCHAR",
        "subject": "VARCHAR",
    },
    # One row per document that failed to fetch, parse or extract in a run.
    "errors": {
        "source_id": "VARCHAR",
        "document_id": "VARCHAR",
        "url": "VARCHAR",
        "stage": "VARCHAR",
        "error": "VARCHAR",
        "occurred_at": "TIMESTAMP",
    },
}

FACT_TABLES = ("agreements", "funding", "platforms", "counts")


def _ddl(table: str) -> str:
    cols = ", ".join(f'"{name}" {typ}' for name, typ in TABLES[table].items())
    return f"CREATE TABLE IF NOT EXISTS {SCHEMA}.{table} ({cols})"


@contextlib.contextmanager
def connect(path: str | Path, *, read_only: bool = False) -> Iterator[duckdb.DuckDBPyConnection]:
    """Open the warehouse, yield the connection, and always close it."""
    path = Path(path)
    if not read_only:
        path.parent.mkdir(parents=True, exist_ok=True)
    con = duckdb.connect(str(path), read_only=read_only)
    try:
        yield con
    finally:
        con.close()


def ensure_schema(con: duckdb.DuckDBPyConnection) -> None:
    """Create schema ``raw`` and every staging table if missing."""
    con.execute(f"CREATE SCHEMA IF NOT EXISTS {SCHEMA}")
    for table in TABLES:
        con.execute(_ddl(table))
