"""The serving copy: any warehouse path works, and a failed or killed publish leaves no half-written copy."""

from __future__ import annotations

import contextlib

import duckdb
import pytest

from pipelines import serving, warehouse


def make_warehouse(path, rows: int) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with warehouse.connect(path) as con:
        con.execute("CREATE SCHEMA IF NOT EXISTS marts")
        con.execute(f"CREATE OR REPLACE TABLE marts.fct_agreements AS SELECT range AS i FROM range({rows})")


def served_rows(target) -> int:
    with warehouse.connect(target, read_only=True) as con:
        return con.execute("SELECT count(*) FROM marts.fct_agreements").fetchone()[0]


def test_a_warehouse_path_with_quotes_and_spaces_is_published(tmp_path):
    wh = tmp_path / "it's a \"dir\"" / 'we"ird name.duckdb'
    make_warehouse(wh, 5)
    target, counts = serving.publish(wh)
    assert target == wh.parent / "serving" / wh.name
    assert counts["fct_agreements"] == 5 and served_rows(target) == 5


class FullDisk:
    """A warehouse connection whose serving COPY writes part of the copy, then fails as on a full disk."""

    def __init__(self, con):
        self._con = con

    def execute(self, sql, *args):
        if sql.startswith("COPY FROM DATABASE"):
            self._con.execute("CREATE SCHEMA serving_tmp.marts")
            self._con.execute("CREATE TABLE serving_tmp.marts.half AS SELECT range AS i FROM range(100000)")
            raise duckdb.IOException('Could not write file ".partnerships.duckdb.tmp": No space left on device')
        return self._con.execute(sql, *args)

    def __getattr__(self, name):
        return getattr(self._con, name)


def test_a_copy_that_fails_half_written_is_removed_and_the_served_copy_stays(tmp_path, monkeypatch):
    wh = tmp_path / "partnerships.duckdb"
    make_warehouse(wh, 3)
    target, _ = serving.publish(wh)  # the copy BI tools read now
    make_warehouse(wh, 9)

    real_connect = warehouse.connect

    @contextlib.contextmanager
    def failing_connect(path, **kwargs):
        with real_connect(path, **kwargs) as con:
            yield FullDisk(con)

    monkeypatch.setattr(warehouse, "connect", failing_connect)
    with pytest.raises(duckdb.IOException, match="No space left"):
        serving.publish(wh)
    monkeypatch.setattr(warehouse, "connect", real_connect)

    assert sorted(p.name for p in target.parent.iterdir()) == [target.name]  # no temporary copy, no WAL
    assert served_rows(target) == 3  # the last good copy is still served
    assert serving.publish(wh)[1]["fct_agreements"] == 9


def test_a_half_copy_left_by_a_killed_run_is_removed_by_the_next_publish(tmp_path):
    wh = tmp_path / "partnerships.duckdb"
    make_warehouse(wh, 4)
    target = serving.serving_path(wh)
    assert serving.publish_if_changed(wh) is not None
    # a run killed while copying: a half-written temporary copy and its write-ahead log
    tmp = target.with_name(f".{target.name}.tmp")
    tmp.write_bytes(b"\0" * 4096)
    tmp.with_name(tmp.name + ".wal").write_bytes(b"garbage")

    assert serving.publish_if_changed(wh) is None  # nothing changed: not republished, but the leftovers go
    assert not tmp.exists() and not tmp.with_name(tmp.name + ".wal").exists()

    tmp.with_name(tmp.name + ".wal").write_bytes(b"garbage")  # a stale WAL must not be replayed into a new copy
    make_warehouse(wh, 6)
    assert serving.publish_if_changed(wh)[1]["fct_agreements"] == 6
    assert served_rows(target) == 6
    assert sorted(p.name for p in target.parent.iterdir()) == sorted([target.name, f".{target.name}.fingerprint"])


def test_a_small_change_patches_a_copy_of_the_served_file(tmp_path):
    """A night on which only source_health changed: the served file is copied and that table's rows replaced
    (its comments stay); a new mart (another set of relations) is a whole copy again."""
    wh = tmp_path / "partnerships.duckdb"
    make_warehouse(wh, 100)
    with warehouse.connect(wh) as con:
        con.execute("CREATE TABLE marts.source_health AS SELECT 's1' AS source_id, TIMESTAMP '2024-06-01' AS last_checked_at")
        con.execute("COMMENT ON COLUMN marts.source_health.last_checked_at IS 'when checked'")
    first = serving.publish_if_changed(wh)
    assert first.patched is None  # nothing served yet: the whole database
    with warehouse.connect(wh) as con:
        con.execute("UPDATE marts.source_health SET last_checked_at = TIMESTAMP '2024-06-02'")
    second = serving.publish_if_changed(wh)
    assert second.patched == ["marts.source_health"]
    target = serving.serving_path(wh)
    with warehouse.connect(target, read_only=True) as con:
        assert str(con.execute("SELECT last_checked_at FROM marts.source_health").fetchone()[0]) == "2024-06-02 00:00:00"
        assert con.execute("SELECT comment FROM duckdb_columns() WHERE table_name = 'source_health' "
                           "AND column_name = 'last_checked_at'").fetchone()[0] == "when checked"
    assert served_rows(target) == 100
    assert serving.publish_if_changed(wh) is None
    with warehouse.connect(wh) as con:
        con.execute("CREATE TABLE marts.new_mart AS SELECT 1 AS x")
    assert serving.publish_if_changed(wh).patched is None
    assert sorted(p.name for p in target.parent.iterdir()) == sorted([target.name, f".{target.name}.fingerprint"])
