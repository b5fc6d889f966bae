import duckdb
import pytest

from pipelines import warehouse


def fact(doc, i, **kw):
    return {"fact_id": f"{doc}-{i}", "document_id": doc, "url": f"http://x/{doc}", "evidence": "e", "evidence_start": 0, "evidence_end": 1, **kw}


def doc(doc_id, text="text"):
    return {"document_id": doc_id, "url": f"http://x/{doc_id}", "text": text, "text_chars": len(text)}


@pytest.fixture
def con():
    c = duckdb.connect()
    yield c
    c.close()


def rows(con, sql):
    return con.execute(sql).fetchall()


def test_reloading_a_source_replaces_its_rows_instead_of_duplicating(con):
    for _ in range(3):
        report = warehouse.load_source(
            con, "s1", documents=[doc("d1")], facts={"agreements": [fact("d1", 1, partner="A"), fact("d1", 2, partner="B")]}
        )
    assert report.total["agreements"] == 2
    assert rows(con, "select count(*) from raw.documents") == [(1,)]


def test_a_document_not_reloaded_keeps_its_last_good_rows(con):
    warehouse.load_source(con, "s1", documents=[doc("d1"), doc("d2")], facts={"counts": [fact("d1", 1), fact("d2", 1)]})
    # d2 failed this time: only d1 is replaced
    warehouse.load_source(con, "s1", documents=[doc("d1")], facts={"counts": [fact("d1", 7)]})
    assert sorted(rows(con, "select fact_id from raw.counts")) == [("d1-7",), ("d2-1",)]


def test_sources_do_not_touch_each_other(con):
    warehouse.load_source(con, "a", documents=[doc("d1")], facts={"platforms": [fact("d1", 1, name="P")]})
    warehouse.load_source(con, "b", documents=[doc("d1")], facts={"platforms": []})
    assert rows(con, "select source_id, fact_id from raw.platforms") == [("a", "d1-1")]


def test_fetch_and_error_logs_are_replaced_per_source(con):
    warehouse.load_source(con, "a", fetches=[{"url": "u1", "ok": False}], errors=[{"stage": "fetch", "error": "boom"}])
    warehouse.load_source(con, "a", fetches=[{"url": "u1", "ok": True}])
    assert rows(con, "select ok from raw.fetches") == [(True,)]
    assert rows(con, "select count(*) from raw.errors") == [(0,)]


def test_a_failed_load_rolls_back_and_keeps_the_old_rows(con):
    warehouse.load_source(con, "s1", documents=[doc("d1")], facts={"agreements": [fact("d1", 1)]})
    bad = [fact("d1", 2, evidence_start="not a number")]
    with pytest.raises(Exception):
        warehouse.load_source(con, "s1", documents=[doc("d1")], facts={"agreements": bad})
    assert rows(con, "select fact_id from raw.agreements") == [("d1-1",)]


def test_facts_of_documents_outside_the_replaced_set_are_refused(con):
    with pytest.raises(ValueError, match="not being replaced"):
        warehouse.load_source(con, "s1", documents=[doc("d1")], facts={"agreements": [fact("d9", 1)]})
    with pytest.raises(ValueError, match="unknown fact table"):
        warehouse.load_source(con, "s1", documents=[doc("d1")], facts={"deals": []})


def test_connect_closes_the_file_so_another_process_can_write(tmp_path):
    path = tmp_path / "w.duckdb"
    with warehouse.connect(path) as c:
        warehouse.ensure_schema(c)
    # a second, independent connection can open it read-write: nothing is held
    other = duckdb.connect(str(path))
    assert other.execute("select count(*) from raw.agreements").fetchall() == [(0,)]
    other.close()
    assert warehouse.table_counts(path)["documents"] == 0
