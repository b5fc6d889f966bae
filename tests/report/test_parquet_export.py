"""The marts as Parquet files beside the serving copy."""

from __future__ import annotations

import duckdb
import pytest

from pipelines import serving


def _serving_copy(path):
    con = duckdb.connect(str(path))
    con.execute("CREATE SCHEMA marts")
    con.execute("CREATE SCHEMA staging")
    con.execute("CREATE TABLE marts.fct_agreements AS SELECT i AS agreement_id, 'p' || i AS partner FROM range(5) r(i)")
    con.execute("CREATE TABLE marts.source_health AS SELECT 'xtu' AS source_id, 'ok' AS health_status")
    con.execute("CREATE VIEW staging.stg_x AS SELECT 1 AS x")
    con.close()
    return path


def test_one_file_per_mart_with_its_rows_and_stale_files_removed(tmp_path):
    db = _serving_copy(tmp_path / "partnerships.duckdb")
    first = serving.export_parquet(db)
    assert first.directory == tmp_path / "parquet"
    assert sorted(p.name for p in first.directory.iterdir()) == ["fct_agreements.parquet", "source_health.parquet"]
    assert first.rows == {"fct_agreements": 5, "source_health": 1}
    assert duckdb.sql(f"select sum(agreement_id), max(partner) from '{first.files['fct_agreements']}'").fetchall() == [(10, "p4")]

    # a reader holding the old file keeps a whole file while the next export swaps in a new one
    held = open(first.files["fct_agreements"], "rb")  # noqa: SIM115
    old_bytes = held.read()
    held.seek(0)
    con = duckdb.connect(str(db))
    con.execute("DROP TABLE marts.source_health")
    con.execute("INSERT INTO marts.fct_agreements SELECT 9, 'late'")
    con.close()
    second = serving.export_parquet(db)
    assert held.read() == old_bytes
    held.close()
    assert second.removed == ["source_health.parquet"]
    assert sorted(p.name for p in second.directory.iterdir()) == ["fct_agreements.parquet"]
    assert not (tmp_path / ".parquet.tmp").exists()
    assert duckdb.sql(f"select count(*) from '{second.files['fct_agreements']}'").fetchall() == [(6,)]


def test_no_serving_copy_is_a_clear_error(tmp_path):
    with pytest.raises(FileNotFoundError, match="missing.duckdb: no serving copy to export"):
        serving.export_parquet(tmp_path / "missing.duckdb")
