"""Hostile pages through the stages (issue 8, items 3 and 5): a binary served as
application/octet-stream, a page whose text is over the cap, a step over its time
budget, a 400-digit number. Each ends as an error recorded for the page (raw.errors),
never a traceback, a hang or facts made from garbage."""

from __future__ import annotations

import time
from pathlib import Path

import duckdb
import pytest

from pipelines import limits, stages
from pipelines.limits import BudgetExceeded, PageLimits, StepFailed, run_with_budget
from pipelines.registry import Source

ELF = Path("/bin/ls").read_bytes() if Path("/bin/ls").is_file() else b"\x7fELF\x02\x01\x01" + b"\x00" * 4000
ARTICLE = ("<html><head><title>Deal</title></head><body><article><h1>Deal</h1>"
           "<p>Example University signed a strategic cooperation agreement with Foshan City on May 5, 2023.</p>"
           "{extra}</article></body></html>")


def nightly(source, store, work, con, settings, page_limits=None):
    stages.fetch([source], mode="live", store=store, work=work, settings=settings)
    parsed = stages.parse(source, store=store, work=work, limits=page_limits)
    extracted = stages.extract(source, work=work, limits=page_limits)
    stages.load(source, work=work, con=con)
    return parsed, extracted


@pytest.fixture
def con(tmp_path):
    con = duckdb.connect(str(tmp_path / "wh.duckdb"))
    yield con
    con.close()


def test_a_binary_served_as_octet_stream_is_an_unsupported_content_error(serve, store, fast, tmp_path, con):
    server = serve("127.0.0.1")
    server.page("/ls", ELF, headers={"Content-Type": "application/octet-stream"})
    source = Source(id="binary", publisher="X", url=server.url("/ls"))
    parsed, extracted = nightly(source, store, stages.WorkStore(tmp_path / "work"), con, fast)
    assert parsed.rows == [] and extracted.rows == []
    [error] = parsed.errors
    assert error["stage"] == "parse" and "unsupported content: an ELF executable" in error["error"]
    assert server.url("/ls") in error["error"]
    assert con.execute("select stage, error from raw.errors").fetchall() == [("parse", error["error"])]
    assert con.execute("select count(*) from raw.documents").fetchone() == (0,)
    assert con.execute("select count(*) from raw.funding").fetchone() == (0,)


def test_text_over_the_cap_is_cut_and_recorded_every_run(serve, store, fast, tmp_path, con):
    server = serve("127.0.0.1")
    filler = "".join(f"<p>Paragraph {i} of filler text about nothing in particular.</p>" for i in range(400))
    server.page("/big", ARTICLE.format(extra=filler))
    source = Source(id="big", publisher="X", university="Example University", url=server.url("/big"))
    work = stages.WorkStore(tmp_path / "work")
    cap = PageLimits(max_text_chars=2000)
    for run in range(2):  # the second run reuses the cut document: still an error
        parsed, extracted = nightly(source, store, work, con, fast, cap)
        assert len(parsed.rows) == 1 and len(parsed.rows[0]["text"]) <= 2000
        [error] = parsed.errors
        assert "over the cap of 2,000 (PARTNERSHIPS_MAX_TEXT_CHARS)" in error["error"]
        assert con.execute("select count(*) from raw.errors where stage = 'parse'").fetchone() == (1,)
        # the facts of the part kept are still extracted
        assert con.execute("select partner from raw.agreements").fetchall() == [("Foshan City",)]
    assert parsed.reused == 1


def test_a_400_digit_number_is_no_traceback_and_the_other_facts_stay(tmp_path):
    work = stages.WorkStore(tmp_path / "work")
    source = Source(id="numbers", publisher="X", university="Example University", snapshot="x.html")
    text = ("Example University signed a strategic cooperation agreement with Foshan City on May 5, 2023.\n\n"
            f"{'9' * 400} agreements were signed.")
    work.write("documents", source.id, {"documents": [
        {"document_id": "numbers", "source_id": source.id, "url": "http://x.example/n", "title": "N",
         "published": "2023", "university": "Example University", "text": text}]})
    result = stages.extract(source, work=work, limits=PageLimits())
    [error] = result.errors
    assert "absurdly long number" in error["error"] and "OverflowError" in error["error"]
    assert [a["partner"] for a in result.rows[0]["agreements"]] == ["Foshan City"]


def _slow(seconds: float) -> str:
    time.sleep(seconds)
    return "done"


def _boom() -> None:
    raise KeyError("missing")


def test_run_with_budget_stops_a_step_and_reports_failures():
    assert run_with_budget(_slow, 0.0, seconds=5, what="quick") == "done"
    started = time.monotonic()
    with pytest.raises(BudgetExceeded, match="slow page: stopped after 0.5s"):
        run_with_budget(_slow, 30.0, seconds=0.5, what="slow page")
    assert time.monotonic() - started < 10  # killed, not waited for
    with pytest.raises(StepFailed, match="KeyError: 'missing'"):
        run_with_budget(_boom, seconds=5)


def test_a_parse_over_the_budget_is_an_error_and_the_last_good_document_stays(serve, store, fast, tmp_path, con,
                                                                              monkeypatch):
    server = serve("127.0.0.1")
    server.page("/p", ARTICLE.format(extra=""))
    source = Source(id="slow", publisher="X", university="Example University", url=server.url("/p"))
    work = stages.WorkStore(tmp_path / "work")
    nightly(source, store, work, con, fast)  # a good first run
    server.page("/p", ARTICLE.format(extra="<p>Edited.</p>"))

    import pipelines.parse as parse_pkg

    real = parse_pkg.parse_bytes
    monkeypatch.setattr(parse_pkg, "parse_bytes", lambda *a, **k: (time.sleep(30), real(*a, **k))[1])
    parsed, _ = nightly(source, store, work, con, fast, PageLimits(page_seconds=1.0))
    [error] = parsed.errors
    assert "stopped after 1s, the time budget per page (PARTNERSHIPS_PAGE_SECONDS)" in error["error"]
    assert parsed.reused == 1 and "Edited" not in parsed.rows[0]["text"]  # last good document in use
    assert con.execute("select partner from raw.agreements").fetchall() == [("Foshan City",)]


def test_limits_from_the_environment():
    assert PageLimits.from_env({}) == PageLimits()
    got = PageLimits.from_env({limits.MAX_TEXT_CHARS_ENV: "5000", limits.PAGE_SECONDS_ENV: "2.5"})
    assert (got.max_text_chars, got.page_seconds) == (5000, 2.5)
    with pytest.raises(ValueError, match="PARTNERSHIPS_PAGE_SECONDS='soon'"):
        PageLimits.from_env({limits.PAGE_SECONDS_ENV: "soon"})
