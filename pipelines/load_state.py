"""The pipeline's own bookkeeping in the warehouse (schema ``pipeline_state``; not a dbt source).

- ``source_loads``: per source, the fingerprint of what its last staging load
  wrote and a growing sequence number, so an unchanged source is not written
  again and ``staging_version`` tells whether any staging table changed;
- ``marks``: named values, such as the staging version and dbt project
  fingerprint the last complete dbt build saw (pipelines/defs/models.py).

Written in the same transaction as the staging rows they describe.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path

import duckdb

STATE_SCHEMA = "pipeline_state"


def ensure_state(con: duckdb.DuckDBPyConnection) -> None:
    """The pipeline's own bookkeeping (not a dbt source): what each source's last load was, and marks
    such as the staging load a dbt build last saw."""
    present = con.execute(
        "SELECT count(*) FROM duckdb_tables() WHERE database_name = current_database() AND schema_name = ? "
        "AND table_name IN ('source_loads', 'marks')",
        [STATE_SCHEMA],
    ).fetchall()[0][0]
    if present == 2:
        return
    con.execute(f"CREATE SCHEMA IF NOT EXISTS {STATE_SCHEMA}")
    con.execute(f"CREATE SEQUENCE IF NOT EXISTS {STATE_SCHEMA}.load_seq")
    con.execute(
        f"CREATE TABLE IF NOT EXISTS {STATE_SCHEMA}.source_loads "
        "(source_id VARCHAR PRIMARY KEY, fingerprint VARCHAR, load_seq BIGINT, loaded_at TIMESTAMP)"
    )
    con.execute(f"CREATE TABLE IF NOT EXISTS {STATE_SCHEMA}.marks (name VARCHAR PRIMARY KEY, value VARCHAR)")


def record_loads(con: duckdb.DuckDBPyConnection, scope: str) -> None:
    """Record the sources of a load (a table of source_id, fingerprint) as loaded now, in its transaction."""
    con.execute(
        f"INSERT OR REPLACE INTO {STATE_SCHEMA}.source_loads "
        f"SELECT source_id, fingerprint, nextval('{STATE_SCHEMA}.load_seq'), current_timestamp::TIMESTAMP FROM {scope}"
    )


def loaded_fingerprints(con: duckdb.DuckDBPyConnection, source_ids: Iterable[str] | None = None) -> dict[str, str | None]:
    """The fingerprint recorded by each source's last load."""
    ensure_state(con)
    rows = con.execute(f"SELECT source_id, fingerprint FROM {STATE_SCHEMA}.source_loads").fetchall()
    wanted = None if source_ids is None else set(source_ids)
    return {sid: fp for sid, fp in rows if wanted is None or sid in wanted}


def staging_version(con: duckdb.DuckDBPyConnection) -> int:
    """A number that grows with every staging load that wrote something (0: none yet)."""
    ensure_state(con)
    return int(con.execute(f"SELECT coalesce(max(load_seq), 0) FROM {STATE_SCHEMA}.source_loads").fetchall()[0][0])


def get_mark(con: duckdb.DuckDBPyConnection, name: str) -> str | None:
    ensure_state(con)
    rows = con.execute(f"SELECT value FROM {STATE_SCHEMA}.marks WHERE name = ?", [name]).fetchall()
    return rows[0][0] if rows else None


def set_mark(con: duckdb.DuckDBPyConnection, name: str, value: str | None) -> None:
    ensure_state(con)
    if value is None:
        con.execute(f"DELETE FROM {STATE_SCHEMA}.marks WHERE name = ?", [name])
    else:
        con.execute(f"INSERT OR REPLACE INTO {STATE_SCHEMA}.marks VALUES (?, ?)", [name, value])


# ---------------------------------------------------------------- the dbt build's inputs

DBT_BUILD_MARK = "dbt_build"  # marks: the staging version and dbt project fingerprint the last complete build saw


def dbt_inputs_fingerprint(project_dir: Path) -> str:
    """A fingerprint of what a dbt build reads besides the staging tables: models, macros, seeds, tests, settings."""
    root = Path(project_dir)
    digest = hashlib.sha256()
    for folder in ("models", "macros", "seeds", "tests", "snapshots"):
        for path in sorted((root / folder).rglob("*")):
            if path.is_file():
                digest.update(path.relative_to(root).as_posix().encode())
                digest.update(path.read_bytes())
    for name in ("dbt_project.yml", "profiles.yml", "packages.yml"):
        if (root / name).is_file():
            digest.update(name.encode())
            digest.update((root / name).read_bytes())
    return digest.hexdigest()[:16]


def dbt_build_state(warehouse_file: Path, project_dir: Path) -> tuple[str, str | None]:
    """(what a build now would see, what the last complete build saw; None if there are no marts):
    equal means no staging table and no dbt file changed since, so the build can be skipped."""
    from pipelines import warehouse

    with warehouse.connect(warehouse_file) as con:
        built = get_mark(con, DBT_BUILD_MARK)
        has_marts = con.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_catalog = current_database() "
            "AND table_schema = 'marts'"
        ).fetchall()[0][0]
        now = f"{staging_version(con)}:{dbt_inputs_fingerprint(project_dir)}"
    return now, (built if has_marts else None)


def mark_dbt_built(warehouse_file: Path, state: str, checks: str | None = None) -> None:
    """Record that a complete dbt build succeeded over the inputs ``state`` (from dbt_build_state), and
    over the source checks ``checks`` (from checks_state) when given."""
    from pipelines import warehouse

    with warehouse.connect(warehouse_file) as con:
        set_mark(con, DBT_BUILD_MARK, state)
        if checks is not None:
            set_mark(con, CHECKS_BUILD_MARK, checks)


# ---------------------------------------------------------------- the source checks (pipelines/source_checks.py)

CHECKS_BUILD_MARK = "dbt_checks"  # marks: the raw.source_checks version source_health was last built over
CHECKS_MODEL = "source_health"  # the one model that reads raw.source_checks (stg_raw__source_checks is a view)


def checks_state(warehouse_file: Path) -> tuple[str, str | None]:
    """(the source checks now, those source_health was last built over): unequal after any run that checked
    a source, even when nothing changed; then source_health alone is rebuilt (dbt_plan)."""
    from pipelines import source_checks, warehouse

    with warehouse.connect(warehouse_file) as con:
        return source_checks.checks_version(con), get_mark(con, CHECKS_BUILD_MARK)


def mark_checks_built(warehouse_file: Path, checks: str) -> None:
    from pipelines import warehouse

    with warehouse.connect(warehouse_file) as con:
        set_mark(con, CHECKS_BUILD_MARK, checks)


def dbt_plan(warehouse_file: Path, project_dir: Path) -> tuple[str, str, str]:
    """What the next dbt build must do, and the inputs it sees: ("build" | "checks" | "skip", build state,
    checks state). "build": a staging table or a dbt file changed since the last complete build (or there
    are no marts); "checks": only sources were checked (a no-change night): rebuild source_health alone;
    "skip": nothing new."""
    now, built = dbt_build_state(warehouse_file, project_dir)
    checks_now, checks_built = checks_state(warehouse_file)
    plan = "build" if now != built else "checks" if checks_now != checks_built else "skip"
    return plan, now, checks_now
