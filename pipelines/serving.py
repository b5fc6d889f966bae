"""The serving copy: what analysts' BI tools open.

DuckDB allows one writing process, and a reader holding the file open blocks
the writer. So BI tools never open the warehouse the pipeline writes: after
each build the whole database is copied into ``serving/partnerships.duckdb``
beside it, written to a temporary file first and swapped in with an atomic
rename. A copy that fails (a full disk) removes its temporary file, and one left
by a killed run is removed by the next publish. A BI tool that holds the old
copy open keeps reading a consistent snapshot; the next connection sees the
new one.

Beside it, ``serving/parquet/<mart>.parquet`` holds each mart as a Parquet
file for notebooks and BI tools that read files (DuckDB, pandas, polars,
Spark). The files are written into a temporary directory first and each is
swapped in with an atomic rename, so a reader never sees a half-written file.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from pipelines import warehouse


def serving_path(warehouse_file: Path) -> Path:
    return Path(warehouse_file).parent / "serving" / Path(warehouse_file).name


MARTS_SCHEMA = "marts"


def parquet_dir(serving_file: Path) -> Path:
    """Where the marts' Parquet files are written: ``parquet/`` beside the serving copy."""
    return Path(serving_file).parent / "parquet"


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


def sql_string(value: object) -> str:
    """``value`` as a SQL string literal (single quotes doubled): a path with a quote or a space is safe."""
    return "'" + str(value).replace("'", "''") + "'"


def sql_identifier(value: str) -> str:
    """``value`` as a quoted SQL identifier (double quotes doubled)."""
    return '"' + value.replace('"', '""') + '"'


def _temp_files(target: Path) -> list[Path]:
    """The temporary copy publish() writes, and the write-ahead log DuckDB may leave beside it."""
    tmp = target.with_name(f".{target.name}.tmp")
    return [tmp, tmp.with_name(tmp.name + ".wal")]


def remove_leftovers(target: Path) -> list[Path]:
    """Delete a half-written temporary copy (a full disk, a killed run) left beside ``target``; return what went."""
    removed = [p for p in _temp_files(target) if p.exists()]
    for path in removed:
        path.unlink(missing_ok=True)
    return removed


def publish(warehouse_file: Path, target: Path | None = None) -> tuple[Path, dict[str, int]]:
    """Copy the warehouse to the serving location atomically; return the path and table row counts.

    The copy is written to a temporary file beside the target and renamed over it only when complete.
    A temporary copy left by an earlier publish that died (a full disk, a killed run) is removed first,
    and a failing copy removes its own before the error goes on: the serving copy in place is never
    touched and no half-written file stays behind to fill the disk.

    On the PostgreSQL target (pipelines/settings.py) the marts and reference tables are copied from
    there (pipelines/warehouse_pg.py), so the serving copy, the Parquet files and the report stay."""
    target = target or serving_path(warehouse_file)
    target.parent.mkdir(parents=True, exist_ok=True)
    remove_leftovers(target)
    tmp = _temp_files(target)[0]
    from pipelines import settings

    try:
        if settings.warehouse_target() == "postgres":
            from pipelines import warehouse_pg

            counts = warehouse_pg.copy_to_duckdb(settings.pg_url(), tmp)
        else:
            with _attached(warehouse_file, tmp) as (con, db):
                counts = _row_counts(con)
                con.execute(f"COPY FROM DATABASE {db} TO serving_tmp")
        os.replace(tmp, target)
    except BaseException:
        remove_leftovers(target)
        raise
    return target, counts


@contextlib.contextmanager
def _attached(warehouse_file: Path, tmp: Path):
    """A connection to the warehouse with the serving copy being written attached as ``serving_tmp``, and the
    warehouse's own database name (quoted); detached on the way out, whatever happens."""
    with warehouse.connect(warehouse_file) as con:
        db = sql_identifier(con.execute("SELECT current_database()").fetchall()[0][0])
        con.execute(f"ATTACH {sql_string(tmp)} AS serving_tmp")
        try:
            yield con, db
        finally:
            con.execute("DETACH serving_tmp")


UNSERVED_SCHEMAS = ("raw", "pipeline_state", "information_schema", "pg_catalog")
# Tables of those schemas that the served fingerprint covers all the same: raw.source_checks changes every
# night (each source's check time) and is what source_health's check columns are built from.
SERVED_RAW_TABLES = (("raw", "source_checks"),)
# A publish that changes at most this share of the served rows patches a copy of the served file
# (patch_published) instead of writing the whole database again (publish).
PATCH_MAX_SHARE = 0.5


def relation_fingerprints(con) -> dict[str, list]:
    """Per table dbt built (marts, intermediate, reference...; not raw, but SERVED_RAW_TABLES):
    ``"schema.name" -> [columns, row count, order-independent sum of row hashes]``. Equal: the same rows."""
    skip = ", ".join(f"'{s}'" for s in UNSERVED_SCHEMAS)
    extra = " OR ".join(f"(table_schema = '{s}' AND table_name = '{t}')" for s, t in SERVED_RAW_TABLES)
    rels = con.execute(
        "SELECT table_schema, table_name FROM information_schema.tables WHERE table_catalog = current_database() "
        f"AND table_type = 'BASE TABLE' AND (table_schema NOT IN ({skip}) OR {extra}) ORDER BY 1, 2"
    ).fetchall()
    found = {}
    for schema, name in rels:
        cols = con.execute(
            "SELECT column_name, data_type FROM information_schema.columns WHERE table_catalog = current_database() "
            "AND table_schema = ? AND table_name = ? ORDER BY ordinal_position",
            [schema, name],
        ).fetchall()
        n, total = con.execute(f'SELECT count(*), sum(hash(t)::HUGEINT) FROM "{schema}"."{name}" AS t').fetchall()[0]
        found[f"{schema}.{name}"] = [[list(c) for c in cols], n, str(total)]
    return found


def _digest(relations: dict[str, list]) -> str:
    import hashlib

    digest = hashlib.sha256()
    for rel, (cols, n, total) in sorted(relations.items()):
        digest.update(repr((rel, [tuple(c) for c in cols], n, total)).encode())
    return digest.hexdigest()


def built_fingerprint(con) -> str:
    """A fingerprint of every table dbt built (and SERVED_RAW_TABLES): relation names, columns, row counts
    and an order-independent sum of row hashes. Equal fingerprints: the same rows."""
    return _digest(relation_fingerprints(con))


def _fingerprint_file(target: Path) -> Path:
    return target.with_name(f".{target.name}.fingerprint")


def _read_stamp(target: Path) -> dict | None:
    """What the served copy was published from: {"fingerprint", "relations"} (an older stamp holds only the
    fingerprint)."""
    import json

    stamp = _fingerprint_file(target)
    if not stamp.is_file():
        return None
    text = stamp.read_text(encoding="utf-8").strip()
    try:
        return json.loads(text)
    except ValueError:
        return {"fingerprint": text, "relations": None}


def patchable(served: dict | None, relations: dict[str, list]) -> list[str] | None:
    """The relations to rewrite in a copy of the served file, or None when the whole database must be copied:
    no record of what is served, a relation added, removed or with other columns, or too many rows changed."""
    before = (served or {}).get("relations")
    if not before or set(before) != set(relations):
        return None
    if any(before[r][0] != relations[r][0] for r in relations):
        return None
    changed = sorted(r for r in relations if before[r] != relations[r])
    total = sum(n for _, n, _ in relations.values()) or 1
    if sum(relations[r][1] for r in changed) > PATCH_MAX_SHARE * total:
        return None
    return changed


def patch_published(warehouse_file: Path, target: Path, changed: list[str]) -> tuple[Path, dict[str, int]]:
    """A new serving copy made from the served one: its file copied, the ``changed`` tables' rows replaced
    by the warehouse's (their definitions, comments and constraints stay), then swapped in atomically.
    Costs a file copy and the changed rows, not a rewrite of the whole database."""
    remove_leftovers(target)
    tmp = _temp_files(target)[0]
    try:
        shutil.copyfile(target, tmp)
        with _attached(warehouse_file, tmp) as (con, db):
            counts = _row_counts(con)
            con.execute("BEGIN TRANSACTION")
            for rel in changed:
                name = ".".join(sql_identifier(part) for part in rel.split(".", 1))
                con.execute(f"DELETE FROM serving_tmp.{name}")
                con.execute(f"INSERT INTO serving_tmp.{name} SELECT * FROM {db}.{name}")
            con.execute("COMMIT")
        os.replace(tmp, target)
    except BaseException:
        remove_leftovers(target)
        raise
    return target, counts


class Published(NamedTuple):
    path: Path
    counts: dict[str, int]
    patched: list[str] | None  # the tables rewritten in a copy of the served file; None: the whole database copied


def publish_if_changed(warehouse_file: Path, target: Path | None = None) -> Published | None:
    """Publish unless the built tables are those of the copy last published (then None, nothing written).

    When few rows changed (a night on which only the sources' checks, and so source_health, changed), the
    served copy is patched (patch_published) instead of copied whole (publish)."""
    import json

    from pipelines import settings

    target = target or serving_path(warehouse_file)
    remove_leftovers(target)  # even when nothing is republished, a dead run's half copy goes
    with warehouse.connect(warehouse_file) as con:
        relations = relation_fingerprints(con)
    fingerprint = _digest(relations)
    served = _read_stamp(target)
    if target.is_file() and served and served.get("fingerprint") == fingerprint:
        return None
    changed = patchable(served, relations) if target.is_file() and settings.warehouse_target() == "duckdb" else None
    _fingerprint_file(target).unlink(missing_ok=True)  # never a stamp that vouches for a copy being replaced
    if changed is not None:
        published = Published(*patch_published(warehouse_file, target, changed), changed)
    else:
        published = Published(*publish(warehouse_file, target), None)
    _fingerprint_file(target).write_text(json.dumps({"fingerprint": fingerprint, "relations": relations}) + "\n",
                                         encoding="utf-8")
    return published


@dataclass(frozen=True)
class ParquetExport:
    directory: Path
    files: dict[str, Path]  # mart name -> file
    rows: dict[str, int]  # mart name -> rows written
    removed: list[str]  # files of marts that no longer exist, deleted


def export_parquet(serving_file: Path, directory: Path | None = None) -> ParquetExport:
    """Write every table of schema ``marts`` of the serving copy to ``<directory>/<mart>.parquet``.

    The serving copy is opened read-only. Files are written into a temporary
    directory, then each replaces its predecessor with an atomic rename; files of
    marts that no longer exist are removed last.
    """
    serving_file = Path(serving_file)
    if not serving_file.is_file():
        raise FileNotFoundError(f"{serving_file}: no serving copy to export (build the warehouse first: make run)")
    directory = Path(directory) if directory else parquet_dir(serving_file)
    directory.mkdir(parents=True, exist_ok=True)
    tmp = directory.parent / f".{directory.name}.tmp"
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir()
    rows: dict[str, int] = {}
    try:
        with warehouse.connect(serving_file, read_only=True) as con:
            marts = [
                r[0]
                for r in con.execute(
                    "SELECT table_name FROM information_schema.tables WHERE table_catalog = current_database() "
                    "AND table_schema = ? AND table_type = 'BASE TABLE' ORDER BY table_name",
                    [MARTS_SCHEMA],
                ).fetchall()
            ]
            for name in marts:
                target = str(tmp / f"{name}.parquet").replace("'", "''")
                con.execute(f"COPY \"{MARTS_SCHEMA}\".\"{name}\" TO '{target}' (FORMAT parquet, COMPRESSION zstd)")
                rows[name] = warehouse.scalar(con, f'SELECT count(*) FROM "{MARTS_SCHEMA}"."{name}"')
        files = {}
        for name in marts:
            files[name] = directory / f"{name}.parquet"
            os.replace(tmp / f"{name}.parquet", files[name])
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    removed = sorted(p.name for p in directory.glob("*.parquet") if p.stem not in rows)
    for name in removed:
        (directory / name).unlink(missing_ok=True)
    return ParquetExport(directory=directory, files=files, rows=rows, removed=removed)
