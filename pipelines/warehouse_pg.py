"""The staging layer in PostgreSQL: schema ``raw``, written through SQLAlchemy.

Plain Python (no Dagster). The same tables, columns and per-source semantics
as pipelines/warehouse.py (DuckDB): a load replaces one source's rows of the
documents being reloaded, and its fetch and error logs, in one transaction;
the source's other documents keep their last good rows. Used when
PARTNERSHIPS_TARGET=postgres (pipelines/settings.py): ``warehouse.load_source``
hands a connection from :func:`connect` to :func:`load_source` here, so the
pipeline's stages call one interface whatever the target.

Column types follow warehouse.TABLES (VARCHAR -> text, DOUBLE -> double
precision, TIMESTAMP -> timestamp without time zone, ...).
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence

import sqlalchemy as sa

from pipelines import source_checks, warehouse
from pipelines.warehouse import FACT_TABLES, SCHEMA, TABLES, LoadReport

_TYPES = {
    "VARCHAR": sa.Text,
    "INTEGER": sa.Integer,
    "BIGINT": sa.BigInteger,
    "DOUBLE": sa.Double,
    "BOOLEAN": sa.Boolean,
    "TIMESTAMP": sa.DateTime,
}

METADATA = sa.MetaData(schema=SCHEMA)
TABLE_DEFS: dict[str, sa.Table] = {
    name: sa.Table(name, METADATA, *(sa.Column(col, _TYPES[typ]()) for col, typ in columns.items()))
    for name, columns in TABLES.items()
}
# raw.source_checks (pipelines/source_checks.py): each source's latest check, written by every staging step
CHECKS = sa.Table(source_checks.TABLE, METADATA,
                  *(sa.Column(col, _TYPES[typ]()) for col, typ in source_checks.COLUMNS.items()))


class PgConnection:
    """A PostgreSQL warehouse connection with the small part of DuckDB's connection API the
    pipeline uses on any warehouse: ``execute(sql, params).fetchall()`` with ``?`` placeholders
    (so ``warehouse.scalar`` works on both). Statements outside a load autocommit."""

    def __init__(self, engine: sa.Engine):
        self.engine = engine
        self._conn = engine.connect().execution_options(isolation_level="AUTOCOMMIT")

    def execute(self, sql: str, params: Sequence | None = None):
        if params:
            # qmark (DuckDB) -> pyformat (psycopg2); '%' literals doubled first
            sql = re.sub(r"\?", "%s", sql.replace("%", "%%"))
            return self._conn.exec_driver_sql(sql, tuple(params))
        return self._conn.exec_driver_sql(sql)

    def close(self) -> None:
        self._conn.close()
        self.engine.dispose()


@contextlib.contextmanager
def connect(url: str) -> Iterator[PgConnection]:
    """Open the PostgreSQL warehouse at ``url`` (SQLAlchemy URL), yield it, and always close it."""
    con = PgConnection(sa.create_engine(url, pool_pre_ping=True))
    try:
        yield con
    finally:
        con.close()


def ensure_schema(con: PgConnection | sa.Connection) -> None:
    """Create schema ``raw`` and every staging table if missing."""
    if isinstance(con, PgConnection):
        with con.engine.begin() as tx:
            ensure_schema(tx)
        return
    con.execute(sa.text(f"CREATE SCHEMA IF NOT EXISTS {SCHEMA}"))
    METADATA.create_all(con, checkfirst=True)


def load_source(
    con: PgConnection,
    source_id: str,
    *,
    fetches: Sequence[Mapping] = (),
    documents: Sequence[Mapping] = (),
    facts: Mapping[str, Sequence[Mapping]] | None = None,
    errors: Sequence[Mapping] = (),
    replace_documents: Iterable[str] | None = None,
) -> LoadReport:
    """Replace one source's staging rows in one transaction (see warehouse.load_source)."""
    doc_ids, batches = warehouse._check(warehouse.SourceLoad(  # noqa: SLF001 - the one validation of a load
        source_id, fetches=fetches, documents=documents, facts=facts, errors=errors,
        replace_documents=replace_documents))
    prepared = {t: [{**{c: r.get(c) for c in TABLES[t]}, "source_id": source_id} for r in rows]
                for t, rows in batches.items()}
    ensure_schema(con)
    inserted: dict[str, int] = {}
    deleted: dict[str, int] = {}
    with con.engine.begin() as tx:
        for table in ("documents", *FACT_TABLES):
            t = TABLE_DEFS[table]
            deleted[table] = tx.execute(
                t.delete().where(t.c.source_id == source_id, t.c.document_id.in_(doc_ids))
            ).rowcount
        for table in ("fetches", "errors"):
            t = TABLE_DEFS[table]
            deleted[table] = tx.execute(t.delete().where(t.c.source_id == source_id)).rowcount
        for table, rows in prepared.items():
            inserted[table] = len(rows)
            if rows:
                tx.execute(TABLE_DEFS[table].insert(), rows)
    with con.engine.connect() as read:
        total = {
            t: read.execute(
                sa.select(sa.func.count()).select_from(TABLE_DEFS[t]).where(TABLE_DEFS[t].c.source_id == source_id)
            ).scalar_one()
            for t in TABLES
        }
    return LoadReport(source_id=source_id, inserted=inserted, deleted=deleted, total=total)


def record_checks(con: PgConnection, rows: Sequence[Mapping]) -> None:
    """Replace the checked sources' rows of raw.source_checks, in one transaction."""
    ensure_schema(con)
    if not rows:
        return
    ids = [r["source_id"] for r in rows]
    with con.engine.begin() as tx:
        previous = dict(tx.execute(sa.select(CHECKS.c.source_id, CHECKS.c.last_ok_at).where(CHECKS.c.source_id.in_(ids))).all())
        rows = source_checks.with_last_ok(rows, previous)
        tx.execute(CHECKS.delete().where(CHECKS.c.source_id.in_(ids)))
        tx.execute(CHECKS.insert(), [{c: r.get(c) for c in source_checks.COLUMNS} for r in rows])


def table_counts(url: str) -> dict[str, int]:
    """Row counts of every staging table."""
    with connect(url) as con:
        ensure_schema(con)
        return {t: warehouse.scalar(con, f"SELECT count(*) FROM {SCHEMA}.{t}") for t in TABLES}


# ---------------------------------------------------------------- serving copy

SERVING_SCHEMAS = ("marts", "reference")

_DUCKDB_TYPES = {
    "text": "VARCHAR",
    "character varying": "VARCHAR",
    "integer": "INTEGER",
    "bigint": "BIGINT",
    "smallint": "SMALLINT",
    "double precision": "DOUBLE",
    "real": "FLOAT",
    "boolean": "BOOLEAN",
    "date": "DATE",
    "timestamp without time zone": "TIMESTAMP",
    "timestamp with time zone": "TIMESTAMPTZ",
    "ARRAY": "VARCHAR[]",
}


def _duckdb_type(data_type: str, precision, scale) -> str:
    if data_type == "numeric":
        return f"DECIMAL({precision},{scale})" if precision is not None else "DOUBLE"
    return _DUCKDB_TYPES.get(data_type, "VARCHAR")


def copy_to_duckdb(url: str, target, schemas: tuple[str, ...] = SERVING_SCHEMAS) -> dict[str, int]:
    """Copy the tables of ``schemas`` of the PostgreSQL warehouse into a new DuckDB file ``target``
    (the serving copy BI tools, the Parquet export and the report read); return rows per table."""
    import duckdb
    import pandas as pd

    counts: dict[str, int] = {}
    engine = sa.create_engine(url)
    try:
        with engine.connect() as pg, contextlib.closing(duckdb.connect(str(target))) as duck:
            columns = pg.execute(
                sa.text(
                    "select c.table_schema, c.table_name, c.column_name, c.data_type, c.numeric_precision, "
                    "c.numeric_scale from information_schema.columns as c join information_schema.tables as t "
                    "using (table_catalog, table_schema, table_name) where t.table_type = 'BASE TABLE' "
                    "and c.table_schema = any(:schemas) order by c.table_schema, c.table_name, c.ordinal_position"
                ),
                {"schemas": list(schemas)},
            ).fetchall()
            tables: dict[tuple[str, str], list[tuple[str, str]]] = {}
            for schema, table, column, data_type, precision, scale in columns:
                tables.setdefault((schema, table), []).append((column, _duckdb_type(data_type, precision, scale)))
            for schema in schemas:
                duck.execute(f'CREATE SCHEMA IF NOT EXISTS "{schema}"')
            for (schema, table), cols in tables.items():
                duck.execute(f'CREATE TABLE "{schema}"."{table}" ({", ".join(f"{chr(34)}{c}{chr(34)} {t}" for c, t in cols)})')
                rows = pg.execute(sa.text(f'select * from "{schema}"."{table}"')).fetchall()
                if rows:
                    # one set-based insert from a frame (DuckDB's executemany runs row by row)
                    frame = pd.DataFrame([tuple(r) for r in rows], columns=[c for c, _ in cols], dtype=object)
                    casts = ", ".join(f'cast("{c}" as {t})' for c, t in cols)
                    duck.register("_pg_rows", frame)
                    duck.execute(f'INSERT INTO "{schema}"."{table}" SELECT {casts} FROM _pg_rows')
                    duck.unregister("_pg_rows")
                counts[table] = len(rows)
    finally:
        engine.dispose()
    return counts
