"""The raw store: every fetched response, recorded before anything parses it.

Layout under the store root (default ``pipelines.settings.raw_store_path()``)::

    index.sqlite3        one row per page fetch (SQLite, WAL mode)
    bodies/ab/abcd...    response bodies, content-addressed by sha256 (hex)

Bodies are written atomically (temporary file, then rename) before the index row
that points at them, so a crash never leaves a row without its body. Parsing
reads only from here: a parser change re-parses without re-fetching.

Plain stdlib sqlite3, not DuckDB: DuckDB allows one writing process, and the
store is written while other processes read it. Each call opens its own
connection per thread, so a RawStore is safe to share between threads and processes.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import sqlite3
import tempfile
import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

INDEX_FILE = "index.sqlite3"
BODIES_DIR = "bodies"
_HASH = re.compile(r"^[0-9a-f]{64}$")

_SCHEMA = """
CREATE TABLE IF NOT EXISTS fetches (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    url           TEXT    NOT NULL,   -- the page's key: its URL (snapshot://<source> without one)
    final_url     TEXT,               -- after redirects
    source_id     TEXT,
    mode          TEXT    NOT NULL,   -- snapshot | live | live_fallback
    fetched_at    TEXT    NOT NULL,   -- ISO 8601, UTC
    status        INTEGER,            -- HTTP status of the final response (NULL: none)
    ok            INTEGER NOT NULL,   -- 1: content_hash is a usable copy of the page
    not_modified  INTEGER NOT NULL DEFAULT 0,  -- 1: a 304; content_hash is the previous copy
    headers       TEXT    NOT NULL DEFAULT '[]',  -- JSON [[name, value], ...]
    content_type  TEXT,
    charset       TEXT,               -- the charset the HTTP header declared
    content_hash  TEXT,               -- sha256 of the body (bodies/<2>/<hash>)
    bytes         INTEGER,
    etag          TEXT,
    last_modified TEXT,
    error         TEXT,
    attempts      INTEGER NOT NULL DEFAULT 0,
    elapsed_ms    INTEGER
);
CREATE INDEX IF NOT EXISTS fetches_by_url ON fetches (url, ok, id);
CREATE INDEX IF NOT EXISTS fetches_by_source ON fetches (source_id, ok, id);
"""


class StoreError(RuntimeError):
    """The raw store is missing something or is corrupt; the message names what."""


def content_hash(body: bytes) -> str:
    return hashlib.sha256(body).hexdigest()


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


def header_value(headers, name: str) -> str | None:
    """The first value of header ``name`` (case-insensitive) in a list of (key, value) pairs."""
    name = name.lower()
    for key, value in headers:
        if key.lower() == name:
            return value
    return None


@dataclass(frozen=True)
class FetchRecord:
    """One row of the fetch index."""

    url: str
    mode: str
    fetched_at: datetime
    ok: bool
    final_url: str | None = None
    source_id: str | None = None
    status: int | None = None
    not_modified: bool = False
    headers: tuple[tuple[str, str], ...] = field(default_factory=tuple)
    content_type: str | None = None
    charset: str | None = None
    content_hash: str | None = None
    bytes: int | None = None
    etag: str | None = None
    last_modified: str | None = None
    error: str | None = None
    attempts: int = 0
    elapsed_ms: int | None = None
    id: int | None = None

    def header(self, name: str) -> str | None:
        """The first value of response header ``name`` (case-insensitive)."""
        return header_value(self.headers, name)


_COLUMNS = [
    "url", "final_url", "source_id", "mode", "fetched_at", "status", "ok", "not_modified",
    "headers", "content_type", "charset", "content_hash", "bytes", "etag", "last_modified",
    "error", "attempts", "elapsed_ms",
]


def _row_to_record(row: sqlite3.Row) -> FetchRecord:
    fetched = datetime.fromisoformat(row["fetched_at"])
    if fetched.tzinfo is None:
        fetched = fetched.replace(tzinfo=timezone.utc)
    return FetchRecord(
        id=row["id"],
        url=row["url"],
        final_url=row["final_url"],
        source_id=row["source_id"],
        mode=row["mode"],
        fetched_at=fetched,
        status=row["status"],
        ok=bool(row["ok"]),
        not_modified=bool(row["not_modified"]),
        headers=tuple(tuple(pair) for pair in json.loads(row["headers"] or "[]")),
        content_type=row["content_type"],
        charset=row["charset"],
        content_hash=row["content_hash"],
        bytes=row["bytes"],
        etag=row["etag"],
        last_modified=row["last_modified"],
        error=row["error"],
        attempts=row["attempts"],
        elapsed_ms=row["elapsed_ms"],
    )


class RawStore:
    """Bodies by hash plus a fetch index. ``RawStore(root)`` creates ``root`` if needed."""

    def __init__(self, root: str | os.PathLike[str]) -> None:
        self.root = Path(root).expanduser()
        try:
            (self.root / BODIES_DIR).mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"raw store {self.root}: cannot create it: {exc}") from exc
        self.index_path = self.root / INDEX_FILE
        self._conns: dict[tuple[int, int], sqlite3.Connection] = {}
        try:
            with self._connect() as conn:
                conn.execute("PRAGMA journal_mode=WAL")
                conn.executescript(_SCHEMA)
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"raw store index {self.index_path}: {exc}") from exc

    def __repr__(self) -> str:
        return f"RawStore({str(self.root)!r})"

    @contextlib.contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        """This thread's connection (opened once per thread and process), in a transaction."""
        key = (os.getpid(), threading.get_ident())
        conn = self._conns.get(key)
        if conn is None:
            conn = sqlite3.connect(self.index_path, timeout=30.0, check_same_thread=False)
            conn.row_factory = sqlite3.Row
            conn.execute("PRAGMA synchronous=NORMAL")
            self._conns[key] = conn
        with conn:  # commit, or roll back on error
            yield conn

    def close(self) -> None:
        """Close the index connections this process opened (they reopen on next use)."""
        pid = os.getpid()
        for key in [k for k in self._conns if k[0] == pid]:
            with contextlib.suppress(sqlite3.Error):
                self._conns.pop(key).close()

    def __del__(self) -> None:
        with contextlib.suppress(Exception):
            self.close()

    # ---- bodies -------------------------------------------------------------------------

    def body_path(self, digest: str) -> Path:
        if not isinstance(digest, str) or not _HASH.match(digest):
            raise StoreError(f"raw store {self.root}: {digest!r} is not a sha256 hex digest")
        return self.root / BODIES_DIR / digest[:2] / digest

    def has_body(self, digest: str | None) -> bool:
        return bool(digest) and self.body_path(digest).is_file()

    def put_body(self, body: bytes) -> str:
        """Store ``body`` under its sha256 (once) and return the hex digest."""
        digest = content_hash(body)
        path = self.body_path(digest)
        if path.is_file() and path.stat().st_size == len(body):
            return digest
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(body)
            os.replace(tmp, path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
        return digest

    def read_body(self, content_hash_: str) -> bytes:
        """The body stored under ``content_hash_``; StoreError if missing or corrupt."""
        path = self.body_path(content_hash_)
        try:
            body = path.read_bytes()
        except FileNotFoundError:
            raise StoreError(f"raw store {self.root}: no body {content_hash_}") from None
        if content_hash(body) != content_hash_:
            raise StoreError(f"raw store {self.root}: body {content_hash_} is corrupt (hash mismatch)")
        return body

    # ---- fetch index --------------------------------------------------------------------

    def record(self, record: FetchRecord) -> FetchRecord:
        """Append ``record`` to the index and return it with its id.

        A record naming a ``content_hash`` must have its body stored first.
        """
        if record.content_hash is not None and not self.has_body(record.content_hash):
            raise StoreError(
                f"raw store {self.root}: record for {record.url} names body "
                f"{record.content_hash}, which is not stored"
            )
        fetched_at = record.fetched_at
        if fetched_at.tzinfo is None:
            fetched_at = fetched_at.replace(tzinfo=timezone.utc)
        values = {
            **{c: getattr(record, c) for c in _COLUMNS},
            "fetched_at": fetched_at.astimezone(timezone.utc).isoformat(),
            "ok": int(record.ok),
            "not_modified": int(record.not_modified),
            "headers": json.dumps([list(p) for p in record.headers], ensure_ascii=False),
        }
        sql = f"INSERT INTO fetches ({', '.join(_COLUMNS)}) VALUES ({', '.join('?' * len(_COLUMNS))})"
        with self._connect() as conn:
            cur = conn.execute(sql, [values[c] for c in _COLUMNS])
            new_id = cur.lastrowid
        return FetchRecord(**{**record.__dict__, "id": new_id, "fetched_at": fetched_at})

    def _query(self, sql: str, params: Sequence[object]) -> list[FetchRecord]:
        with self._connect() as conn:
            return [_row_to_record(r) for r in conn.execute(sql, params).fetchall()]

    def latest(self, url: str) -> FetchRecord | None:
        """The most recent fetch of ``url``, good or not."""
        rows = self._query("SELECT * FROM fetches WHERE url = ? ORDER BY id DESC LIMIT 1", [url])
        return rows[0] if rows else None

    def latest_good(self, url: str) -> FetchRecord | None:
        """The most recent fetch of ``url`` with a usable body (the copy in use)."""
        rows = self._query(
            "SELECT * FROM fetches WHERE url = ? AND ok = 1 ORDER BY id DESC LIMIT 1", [url]
        )
        return rows[0] if rows else None

    def latest_good_for_source(self, source_id: str) -> list[FetchRecord]:
        """The copy in use of every page recorded for ``source_id``, oldest page first."""
        return self._query(
            "SELECT * FROM fetches WHERE id IN ("
            " SELECT max(id) FROM fetches WHERE source_id = ? AND ok = 1 GROUP BY url"
            ") ORDER BY id",
            [source_id],
        )

    def history(self, url: str) -> list[FetchRecord]:
        """Every fetch of ``url``, oldest first."""
        return self._query("SELECT * FROM fetches WHERE url = ? ORDER BY id", [url])

    def read_latest_body(self, url: str) -> bytes | None:
        """The body of the copy in use of ``url``, or None if there is none."""
        rec = self.latest_good(url)
        return self.read_body(rec.content_hash) if rec and rec.content_hash else None
