"""The serving copy: what analysts' BI tools open.

DuckDB allows one writing process, and a reader holding the file open blocks
the writer. So BI tools never open the warehouse the pipeline writes: after
each build the whole database is copied into ``serving/partnerships.duckdb``
beside it, written to a temporary file first and swapped in with an atomic
rename. A BI tool that holds the old copy open keeps reading a consistent
snapshot; the next connection sees the new one.
"""

from __future__ import annotations

import os
from pathlib import Path

from pipelines import warehouse


def serving_path(warehouse_file: Path) -> Path:
    return Path(warehouse_file).parent / "serving" / Path(warehouse_file).name


def _row_counts(con) -> dict[str, int]:
    rels = con.execute(
        "SELECT table_schema, table_name FROM information_schema.tables "
        "WHERE table_catalog = current_database() AND table_schema NOT IN ('information_schema', 'pg_catalog')"
    ).fetchall()
    return {name: warehouse.scalar(con, f'SELECT count(*) FROM "{schema}"."{name}"') for schema, name in rels}


def relation_row_counts(warehouse_file: Path, *, read_only: bool = False) -> dict[str, int]:
    """Row counts of every table and view of the warehouse, by relation name."""
    with warehouse.connect(warehouse_file, read_only=read_only) as con:
        return _row_counts(con)


def publish(warehouse_file: Path, target: Path | None = None) -> tuple[Path, dict[str, int]]:
    """Copy the warehouse to the serving location atomically; return the path and table row counts."""
    target = target or serving_path(warehouse_file)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.tmp")
    tmp.unlink(missing_ok=True)
    with warehouse.connect(warehouse_file) as con:
        counts = _row_counts(con)
        db = con.execute("SELECT current_database()").fetchall()[0][0]
        con.execute(f"ATTACH '{tmp}' AS serving_tmp")
        try:
            con.execute(f'COPY FROM DATABASE "{db}" TO serving_tmp')
        finally:
            con.execute("DETACH serving_tmp")
    os.replace(tmp, target)
    return target, counts
