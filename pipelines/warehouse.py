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
from typing import TYPE_CHECKING

import duckdb

if TYPE_CHECKING:
    import pandas

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


def scalar(con: duckdb.DuckDBPyConnection, sql: str, params: Sequence | None = None):
    """Run a statement and return the first column of its first row (result fully consumed)."""
    rows = con.execute(sql, params or []).fetchall()
    return rows[0][0] if rows else None


def _frame(table: str, rows: Sequence[Mapping]) -> "pandas.DataFrame":
    import pandas as pd

    columns = list(TABLES[table])
    frame = pd.DataFrame([{c: row.get(c) for c in columns} for row in rows], columns=columns)
    return frame.astype(object).where(frame.notna(), None)


@dataclass
class LoadReport:
    """What one per-source load did, table by table."""

    source_id: str
    inserted: dict[str, int]
    deleted: dict[str, int]
    total: dict[str, int]


def load_source(
    con: duckdb.DuckDBPyConnection,
    source_id: str,
    *,
    fetches: Sequence[Mapping] = (),
    documents: Sequence[Mapping] = (),
    facts: Mapping[str, Sequence[Mapping]] | None = None,
    errors: Sequence[Mapping] = (),
    replace_documents: Iterable[str] | None = None,
) -> LoadReport:
    """Replace one source's staging rows in one transaction.

    ``replace_documents`` names the documents whose rows are reloaded (default:
    the ids in ``documents``). Their documents and facts rows are deleted and
    the new ones inserted; rows of the source's other documents (for instance a
    document that failed to parse this time) stay as they were. ``fetches`` and
    ``errors`` are logs: the source's previous rows are replaced by this run's.

    A PostgreSQL connection (pipelines/warehouse_pg.py) is loaded there, the same way.
    """
    if not isinstance(con, duckdb.DuckDBPyConnection):
        from pipelines import warehouse_pg

        return warehouse_pg.load_source(con, source_id, fetches=fetches, documents=documents, facts=facts,
                                        errors=errors, replace_documents=replace_documents)
    facts = facts or {}
    doc_ids = sorted(set(replace_documents if replace_documents is not None else (d["document_id"] for d in documents)))
    for table, rows in facts.items():
        if table not in FACT_TABLES:
            raise ValueError(f"unknown fact table {table!r}")
        strays = {r["document_id"] for r in rows} - set(doc_ids)
        if strays:
            raise ValueError(f"{table}: rows for documents not being replaced: {sorted(strays)}")
    ensure_schema(con)
    inserted: dict[str, int] = {}
    deleted: dict[str, int] = {}
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute("CREATE OR REPLACE TEMP TABLE _replace_docs (document_id VARCHAR)")
        if doc_ids:
            con.executemany("INSERT INTO _replace_docs VALUES (?)", [(d,) for d in doc_ids])
        for table in ("documents", *FACT_TABLES):
            deleted[table] = scalar(
                con,
                f"DELETE FROM {SCHEMA}.{table} WHERE source_id = ? "
                "AND document_id IN (SELECT document_id FROM _replace_docs)",
                [source_id],
            )
        for table in ("fetches", "errors"):
            deleted[table] = scalar(con, f"DELETE FROM {SCHEMA}.{table} WHERE source_id = ?", [source_id])
        batches = {"fetches": fetches, "documents": documents, "errors": errors}
        batches.update({t: facts.get(t, ()) for t in FACT_TABLES})
        for table, rows in batches.items():
            bad = [r for r in rows if r.get("source_id") not in (None, source_id)]
            if bad:
                raise ValueError(f"{table}: row of source {bad[0].get('source_id')!r} in a load of {source_id!r}")
            rows = [{**r, "source_id": source_id} for r in rows]
            inserted[table] = len(rows)
            if rows:
                frame = _frame(table, rows)  # noqa: F841  (read by DuckDB's replacement scan)
                cols = ", ".join(f'"{c}"' for c in TABLES[table])
                con.execute(f"INSERT INTO {SCHEMA}.{table} ({cols}) SELECT {cols} FROM frame")
        con.execute("DROP TABLE _replace_docs")
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    total = {
        t: scalar(con, f"SELECT count(*) FROM {SCHEMA}.{t} WHERE source_id = ?", [source_id])
        for t in TABLES
    }
    return LoadReport(source_id=source_id, inserted=inserted, deleted=deleted, total=total)


def table_counts(path: str | Path) -> dict[str, int]:
    """Row counts of every staging table (for metadata and the CLI)."""
    with connect(path) as con:
        ensure_schema(con)
        return {t: scalar(con, f"SELECT count(*) FROM {SCHEMA}.{t}") for t in TABLES}


def now_utc() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


def to_json(value) -> str:
    return json.dumps(value, ensure_ascii=False, default=str)
