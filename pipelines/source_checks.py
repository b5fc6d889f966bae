"""Each source's latest check: table ``raw.source_checks``, written by every staging step, changed or not.

Plain Python (no Dagster). The staging load writes a source's rows only when
they changed (pipelines/stage_load.py), so ``raw.fetches.fetched_at`` is the
last fetch that changed something. A night on which nothing changed must
still show that every source was checked, and when: so every staging step
records one row per source of its run here (the latest check only: a
source's row is replaced), whatever its load did. It is outside the load's
fingerprints and outside ``pipeline_state.source_loads``: writing it never
makes the staging tables look changed, so a no-change night still skips the
full dbt build. dbt reads it (``stg_raw__source_checks``) into
``source_health`` (``last_checked_at``, ``last_check_outcome``, ...); on a
night when only the checks changed, the pipeline rebuilds that one model
(pipelines/defs/models.py, ``load_state.dbt_plan``).

outcome, the first that applies: ``fetch_failed`` (a page's fetch failed),
``errors`` (a parse or extraction error), ``changed`` (the load rewrote the
source's staging rows), ``unchanged``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime, timezone

import duckdb

from pipelines import warehouse

TABLE = "source_checks"
COLUMNS: dict[str, str] = {
    "source_id": "VARCHAR",
    "checked_at": "TIMESTAMP",  # the check's last fetch (UTC)
    "outcome": "VARCHAR",  # fetch_failed | errors | changed | unchanged
    "pages": "INTEGER",  # pages fetched in the check
    "pages_changed": "INTEGER",  # of which the body changed
    "pages_failed": "INTEGER",  # of which the fetch failed
    "http_status": "INTEGER",  # of the first failed fetch, else of the source's first page
    "error_stage": "VARCHAR",  # of the first error (fetch, parse, extract)
    "error": "VARCHAR",  # the first error's message
    "error_count": "INTEGER",
    "run_id": "VARCHAR",  # the Dagster run that made the check (None outside Dagster)
    "last_ok_at": "TIMESTAMP",  # the last fetch with a usable body, in this check or an earlier one
}
OUTCOMES = ("fetch_failed", "errors", "changed", "unchanged")


def _utc(value) -> datetime | None:
    if not value:
        return None
    stamp = value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
    return stamp.astimezone(timezone.utc).replace(tzinfo=None) if stamp.tzinfo else stamp


def check_row(source_id: str, *, work, written: bool, run_id: str | None = None) -> dict:
    """The source's check as its work files of this run say it (pages fetched, errors), and whether its
    staging rows were rewritten (``written``)."""
    from pipelines.stage_load import source_errors

    log = work.read("pages", source_id) or {}
    pages = log.get("pages", [])
    errors = source_errors(source_id, work=work)
    failed = [p for p in pages if p.get("error")]
    stamps = [s for s in (_utc(p.get("fetched_at")) for p in pages) if s is not None]
    ok_stamps = [s for s in (_utc(p.get("fetched_at")) for p in pages if not p.get("error")) if s is not None]
    outcome = "fetch_failed" if failed else "errors" if errors else "changed" if written else "unchanged"
    return {
        "source_id": source_id,
        "checked_at": max(stamps) if stamps else _utc(log.get("fetched_at")),
        "outcome": outcome,
        "pages": len(pages),
        "pages_changed": sum(1 for p in pages if p.get("changed")),
        "pages_failed": len(failed),
        "http_status": (failed or pages or [{}])[0].get("status"),
        "error_stage": errors[0].get("stage") if errors else None,
        "error": errors[0].get("error") if errors else None,
        "error_count": len(errors),
        "run_id": run_id,
        "last_ok_at": max(ok_stamps) if ok_stamps else None,  # record() keeps the previous one when None
    }


def _exists(con: duckdb.DuckDBPyConnection) -> bool:
    return bool(con.execute(
        "SELECT count(*) FROM duckdb_tables() WHERE database_name = current_database() AND schema_name = ? "
        "AND table_name = ?", [warehouse.SCHEMA, TABLE]).fetchall()[0][0])


def ensure_table(con: duckdb.DuckDBPyConnection) -> None:
    cols = ", ".join(f'"{name}" {typ}' for name, typ in COLUMNS.items())
    con.execute(f"CREATE SCHEMA IF NOT EXISTS {warehouse.SCHEMA}")
    con.execute(f"CREATE TABLE IF NOT EXISTS {warehouse.SCHEMA}.{TABLE} ({cols})")


def record(con, rows: Sequence[Mapping]) -> None:
    """Replace the checked sources' rows with these, in one transaction (DuckDB or PostgreSQL)."""
    if not isinstance(con, duckdb.DuckDBPyConnection):
        from pipelines import warehouse_pg

        warehouse_pg.record_checks(con, rows)
        return
    ensure_table(con)
    if not rows:
        return
    previous = dict(con.execute(
        f"SELECT source_id, last_ok_at FROM {warehouse.SCHEMA}.{TABLE} WHERE source_id IN (SELECT unnest(?::VARCHAR[]))",
        [[r["source_id"] for r in rows]]).fetchall())
    rows = with_last_ok(rows, previous)
    names = list(COLUMNS)
    selects = ", ".join(f'unnest(?::{COLUMNS[c]}[]) AS "{c}"' for c in names)
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute(f"DELETE FROM {warehouse.SCHEMA}.{TABLE} WHERE source_id IN (SELECT unnest(?::VARCHAR[]))",
                    [[r["source_id"] for r in rows]])
        con.execute(f"INSERT INTO {warehouse.SCHEMA}.{TABLE} SELECT {selects}", [[r.get(c) for r in rows] for c in names])
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise


def with_last_ok(rows: Sequence[Mapping], previous: Mapping[str, datetime | None]) -> list[dict]:
    """The rows, each check without a usable fetch keeping its source's previous ``last_ok_at``."""
    return [{**r, "last_ok_at": r.get("last_ok_at") or previous.get(r["source_id"])} for r in rows]


def checks_version(con: duckdb.DuckDBPyConnection) -> str:
    """A fingerprint of every recorded check: it changes with every check recorded (a new check time)."""
    if not _exists(con):
        return "0:0"
    n, total = con.execute(f"SELECT count(*), coalesce(sum(hash(t)::HUGEINT), 0) FROM {warehouse.SCHEMA}.{TABLE} t").fetchall()[0]
    return f"{n}:{total}"


def latest(con, source_ids: Iterable[str] | None = None) -> dict[str, dict]:
    """{source id: its recorded check} (for tests and the CLI)."""
    if not _exists(con):
        return {}
    cur = con.execute(f"SELECT * FROM {warehouse.SCHEMA}.{TABLE}")
    names = [d[0] for d in cur.description]
    wanted = None if source_ids is None else set(source_ids)
    return {r[0]: dict(zip(names, r)) for r in cur.fetchall() if wanted is None or r[0] in wanted}
