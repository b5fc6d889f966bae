"""Set-based staging loads: many sources in one load, one transaction; what each source keeps or loses."""

import duckdb
import pytest

from pipelines import load_state, warehouse
from pipelines.warehouse import SourceLoad


def fact(doc, i, **kw):
    return {"fact_id": f"{doc}-{i}", "document_id": doc, "url": f"http://x/{doc}", "evidence": "e",
            "evidence_start": 0, "evidence_end": 1, "extracted_at": "2026-01-02T03:04:05+00:00", **kw}


def doc(doc_id):
    return {"document_id": doc_id, "url": f"http://x/{doc_id}", "text": "t", "text_chars": 1}


@pytest.fixture
def con():
    c = duckdb.connect()
    yield c
    c.close()


def q(con, sql):
    return sorted(con.execute(sql).fetchall())


def test_many_sources_in_one_load_each_with_its_own_rows_and_report(con):
    loads = [SourceLoad(f"s{i}", documents=[doc(f"d{i}")], facts={"agreements": [fact(f"d{i}", 1, partner=f"P{i}")]},
                        fetches=[{"url": f"u{i}", "ok": True, "fetched_at": "2026-01-02 03:04:05"}], fingerprint=f"f{i}")
             for i in range(3)]
    reports = warehouse.load_sources(con, loads)
    assert q(con, "select source_id, partner from raw.agreements") == [("s0", "P0"), ("s1", "P1"), ("s2", "P2")]
    assert {sid: r.inserted["agreements"] for sid, r in reports.items()} == {"s0": 1, "s1": 1, "s2": 1}
    assert load_state.loaded_fingerprints(con) == {"s0": "f0", "s1": "f1", "s2": "f2"}
    # a second load of two of them: replaced, not duplicated; the third untouched
    reports = warehouse.load_sources(con, [SourceLoad("s0", documents=[doc("d0")], facts={"agreements": []}),
                                           SourceLoad("s1", documents=[doc("d1")], facts={"agreements": [fact("d1", 2, partner="Q")]})])
    assert q(con, "select source_id, partner from raw.agreements") == [("s1", "Q"), ("s2", "P2")]
    assert reports["s0"].deleted["agreements"] == 1 and reports["s1"].total["agreements"] == 1
    assert q(con, "select source_id from raw.fetches") == [("s2",)]  # s0, s1 logged no fetch this time


def test_removed_documents_leave_only_when_the_load_says_which_to_keep(con):
    warehouse.load_source(con, "s", documents=[doc("a"), doc("b"), doc("c")],
                          facts={"counts": [fact("a", 1), fact("b", 1), fact("c", 1)]})
    # b failed this time (kept); c is gone from the source (dropped); a reloaded
    warehouse.load_source(con, "s", documents=[doc("a")], facts={"counts": [fact("a", 2)]}, keep_documents=["b"])
    assert q(con, "select fact_id from raw.counts") == [("a-2",), ("b-1",)]
    assert q(con, "select document_id from raw.documents") == [("a",), ("b",)]


def test_a_bad_value_in_one_source_rolls_back_the_whole_load(con):
    warehouse.load_sources(con, [SourceLoad("s1", documents=[doc("d1")], facts={"agreements": [fact("d1", 1)]}, fingerprint="old")])
    with pytest.raises(duckdb.Error):
        warehouse.load_sources(con, [
            SourceLoad("s2", documents=[doc("d2")], facts={"agreements": [fact("d2", 1)]}, fingerprint="x"),
            SourceLoad("s1", documents=[doc("d1")], facts={"agreements": [fact("d1", 2, evidence_start="NaN?")]}, fingerprint="new"),
        ])
    assert q(con, "select source_id, fact_id from raw.agreements") == [("s1", "d1-1")]
    assert load_state.loaded_fingerprints(con) == {"s1": "old"}
    with pytest.raises(ValueError, match="appears twice"):
        warehouse.load_sources(con, [SourceLoad("s1"), SourceLoad("s1")])
