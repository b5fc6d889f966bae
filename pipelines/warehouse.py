"""The warehouse's staging layer: DuckDB tables in schema ``raw``.

Plain Python (no Dagster). Writes are idempotent per source: the rows of the
documents being reloaded are deleted and re-inserted in one transaction, so a
re-run or a backfill never duplicates, and a document that failed this time
keeps its last good rows. Loads are set-based: any number of sources are
loaded with one DELETE and one INSERT per table (load_sources), and schema
``pipeline_state`` records what each source's last load was, so an unchanged
source is not written again. dbt reads the ``raw`` tables as sources.

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

from pipelines import load_state

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
    """Create schema ``raw``, every staging table and ``raw.source_checks`` if missing (one statement when
    they all exist)."""
    from pipelines import source_checks

    names = [*TABLES, source_checks.TABLE]
    present = con.execute(
        "SELECT count(*) FROM duckdb_tables() WHERE database_name = current_database() AND schema_name = ? "
        "AND table_name IN (SELECT unnest(?::VARCHAR[]))",
        [SCHEMA, names],
    ).fetchall()[0][0]
    if present == len(names):
        return
    con.execute(f"CREATE SCHEMA IF NOT EXISTS {SCHEMA}")
    for table in TABLES:
        con.execute(_ddl(table))
    source_checks.ensure_table(con)


def scalar(con: duckdb.DuckDBPyConnection, sql: str, params: Sequence | None = None):
    """Run a statement and return the first column of its first row (result fully consumed)."""
    rows = con.execute(sql, params or []).fetchall()
    return rows[0][0] if rows else None


@dataclass
class LoadReport:
    """What one source's load did, table by table."""

    source_id: str
    inserted: dict[str, int]
    deleted: dict[str, int]
    total: dict[str, int]


@dataclass
class SourceLoad:
    """One source's rows for a bulk load (load_sources).

    ``replace_documents`` names the documents whose rows are reloaded (default:
    the ids in ``documents``). ``keep_documents`` None keeps every other
    document's rows as they were; a collection makes the load drop the source's
    documents that are in neither set (pages that left the source). Set
    ``fingerprint`` to record what was loaded (see ``loaded_fingerprints``).
    """

    source_id: str
    fetches: Sequence[Mapping] = ()
    documents: Sequence[Mapping] = ()
    facts: Mapping[str, Sequence[Mapping]] | None = None
    errors: Sequence[Mapping] = ()
    replace_documents: Iterable[str] | None = None
    keep_documents: Iterable[str] | None = None
    fingerprint: str | None = None


def load_source(con: duckdb.DuckDBPyConnection, source_id: str, **rows) -> LoadReport:
    """Replace one source's staging rows in one transaction (load_sources with one source).

    Rows of the source's documents not being replaced (for instance a document
    that failed to parse this time) stay as they were. ``fetches`` and
    ``errors`` are logs: the source's previous rows are replaced by this run's.

    A PostgreSQL connection (pipelines/warehouse_pg.py) is loaded there, the same way.
    """
    return load_sources(con, [SourceLoad(source_id, **rows)])[source_id]


def _check(load: SourceLoad) -> tuple[list[str], dict[str, list[dict]]]:
    """The document ids replaced and the rows per table, validated, source_id filled in."""
    facts = load.facts or {}
    replace = load.replace_documents if load.replace_documents is not None else (d["document_id"] for d in load.documents)
    doc_ids = sorted(set(replace))
    for table, rows in facts.items():
        if table not in FACT_TABLES:
            raise ValueError(f"unknown fact table {table!r}")
        strays = {r["document_id"] for r in rows} - set(doc_ids)
        if strays:
            raise ValueError(f"{table}: rows for documents not being replaced: {sorted(strays)}")
    batches = {"fetches": load.fetches, "documents": load.documents, "errors": load.errors}
    batches.update({t: facts.get(t, ()) for t in FACT_TABLES})
    out: dict[str, list[dict]] = {}
    for table, rows in batches.items():
        bad = [r for r in rows if r.get("source_id") not in (None, load.source_id)]
        if bad:
            raise ValueError(f"{table}: row of source {bad[0].get('source_id')!r} in a load of {load.source_id!r}")
        out[table] = [{**r, "source_id": load.source_id} for r in rows]
    return doc_ids, out


def _write_jsonl(path: Path, table: str, rows: Iterable[Mapping]) -> int:
    columns = list(TABLES[table])
    n = 0
    with open(path, "w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps({c: row.get(c) for c in columns}, ensure_ascii=False, default=str))
            fh.write("\n")
            n += 1
    return n


def _read_json(path: Path, table: str) -> str:
    """DuckDB's JSON reader over one staged file, typed as the staging table (a bad value fails the load)."""
    columns = ", ".join(f"'{name}': '{typ}'" for name, typ in TABLES[table].items())
    where = str(path).replace("'", "''")
    return f"read_json('{where}', format = 'newline_delimited', columns = {{{columns}}})"


def load_sources(con: duckdb.DuckDBPyConnection, loads: Sequence[SourceLoad]) -> dict[str, LoadReport]:
    """Replace many sources' staging rows at once: one delete and one insert per table, one transaction.

    The rows are written to newline-delimited JSON files and read back by
    DuckDB's JSON reader with the staging tables' types; keys of what to
    replace go to temporary tables, and each staging table gets one set-based
    DELETE and one INSERT ... SELECT, whatever the number of sources. A bad
    value (or any error) rolls back the whole load: every source keeps its
    previous rows.
    """
    import tempfile

    if not isinstance(con, duckdb.DuckDBPyConnection):  # the PostgreSQL target (pipelines/warehouse_pg.py)
        from pipelines import warehouse_pg

        return {ld.source_id: warehouse_pg.load_source(
            con, ld.source_id, fetches=ld.fetches, documents=ld.documents, facts=ld.facts, errors=ld.errors,
            replace_documents=ld.replace_documents) for ld in loads}
    checked = {}
    for load in loads:
        if load.source_id in checked:
            raise ValueError(f"source {load.source_id!r} appears twice in one load")
        checked[load.source_id] = _check(load)
    ensure_schema(con)
    load_state.ensure_state(con)
    inserted: dict[str, dict[str, int]] = {sid: {} for sid in checked}
    deleted: dict[str, dict[str, int]] = {sid: dict.fromkeys(TABLES, 0) for sid in checked}
    with tempfile.TemporaryDirectory(prefix="partnerships-load-") as tmp:
        files = {}
        for table in TABLES:
            files[table] = Path(tmp) / f"{table}.jsonl"
            _write_jsonl(files[table], table, (r for _, rows in checked.values() for r in rows[table]))
            for sid, (_, rows) in checked.items():
                inserted[sid][table] = len(rows[table])
        replace = [(sid, d) for sid, (docs, _) in checked.items() for d in docs]
        keep = [
            (load.source_id, d) for load in loads if load.keep_documents is not None for d in set(load.keep_documents)
        ]
        scope = [(load.source_id, load.keep_documents is not None, load.fingerprint) for load in loads]
        con.execute("BEGIN TRANSACTION")
        try:
            con.execute(
                "CREATE OR REPLACE TEMP TABLE _scope AS SELECT unnest(?::VARCHAR[]) AS source_id, "
                "unnest(?::BOOLEAN[]) AS drop_others, unnest(?::VARCHAR[]) AS fingerprint",
                [[x[0] for x in scope], [x[1] for x in scope], [x[2] for x in scope]],
            )
            for name, pairs in (("_replace", replace), ("_keep", keep)):
                con.execute(
                    f"CREATE OR REPLACE TEMP TABLE {name} AS "
                    "SELECT unnest(?::VARCHAR[]) AS source_id, unnest(?::VARCHAR[]) AS document_id",
                    [[p[0] for p in pairs], [p[1] for p in pairs]],
                )
            for table in ("documents", *FACT_TABLES):
                doomed = (
                    "t.source_id IN (SELECT source_id FROM _scope) AND ("
                    "EXISTS (SELECT 1 FROM _replace r WHERE r.source_id = t.source_id AND r.document_id = t.document_id) "
                    "OR (t.source_id IN (SELECT source_id FROM _scope WHERE drop_others) AND NOT EXISTS "
                    "(SELECT 1 FROM _keep k WHERE k.source_id = t.source_id AND k.document_id = t.document_id)))"
                )
                _delete(con, table, doomed, deleted)
            for table in ("fetches", "errors"):
                _delete(con, table, "t.source_id IN (SELECT source_id FROM _scope)", deleted)
            for table in TABLES:
                if any(inserted[sid][table] for sid in checked):
                    cols = ", ".join(f'"{c}"' for c in TABLES[table])
                    con.execute(f"INSERT INTO {SCHEMA}.{table} ({cols}) SELECT {cols} FROM {_read_json(files[table], table)}")
            load_state.record_loads(con, "_scope")
            con.execute("COMMIT")
        except Exception:
            con.execute("ROLLBACK")
            raise
    total = {sid: dict.fromkeys(TABLES, 0) for sid in checked}
    if checked:
        counts = " UNION ALL ".join(
            f"SELECT '{t}', source_id, count(*) FROM {SCHEMA}.{t} WHERE source_id IN (SELECT source_id FROM _scope) GROUP BY 2"
            for t in TABLES
        )
        for table, sid, n in con.execute(counts).fetchall():
            total[sid][table] = n
        con.execute("DROP TABLE _scope; DROP TABLE _replace; DROP TABLE _keep")
    return {sid: LoadReport(sid, inserted[sid], deleted[sid], total[sid]) for sid in checked}


def _delete(con, table: str, condition: str, deleted: dict[str, dict[str, int]]) -> None:
    """One set-based DELETE; the per-source counts come from what it returns."""
    from collections import Counter

    gone = Counter(r[0] for r in con.execute(f"DELETE FROM {SCHEMA}.{table} t WHERE {condition} RETURNING source_id").fetchall())
    for sid, n in gone.items():
        if sid in deleted:
            deleted[sid][table] = n


def table_counts(path: str | Path) -> dict[str, int]:
    """Row counts of every staging table (for metadata and the CLI)."""
    with connect(path) as con:
        ensure_schema(con)
        return {t: scalar(con, f"SELECT count(*) FROM {SCHEMA}.{t}") for t in TABLES}


def now_utc() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


def to_json(value) -> str:
    return json.dumps(value, ensure_ascii=False, default=str)
