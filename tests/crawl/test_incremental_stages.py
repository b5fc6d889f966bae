"""A nightly run only does the work that changed: an unchanged source costs no parse, no extraction and
no staging write; a changed one is reloaded; a page that left its index takes its facts with it (out of
the staging tables, and so, through a dbt build that is no longer skipped, out of the marts)."""

from __future__ import annotations

import duckdb

from pipelines import load_state, stages
from pipelines.defs.models import dbt_build_state, DBT_BUILD_MARK
from pipelines.registry import IndexSpec, Source
from test_live_stages import INDEX, article


def test_unchanged_source_skipped_at_every_stage_changed_reloaded_removed_leaves(serve, fast, store, tmp_path):
    server = serve("127.0.0.1")
    server.page("/robots.txt", "User-agent: *\nAllow: /\n", headers={"Content-Type": "text/plain"})

    def index(*ids):
        server.page("/news/", INDEX.format(items="".join(f'<li><a href="/news/{i}.htm">{i}</a></li>' for i in ids)))

    index(1, 2)
    server.page("/news/1.htm", article("One", "Example University signed a strategic cooperation agreement with Foshan City on May 5."))
    server.page("/news/2.htm", article("Two", "Example University and Huizhou City inked a framework agreement on May 6."))
    source = Source(id="example_news", publisher="Example University", university="Example University",
                    url=server.url("/news/"), index=IndexSpec(link_pattern=r"/news/\d+\.htm$", max_links=5))
    work = stages.WorkStore(tmp_path / "work")
    wh = tmp_path / "wh.duckdb"

    def nightly():
        stages.fetch([source], mode="live", store=store, work=work, settings=fast)
        parsed = stages.parse(source, store=store, work=work)
        extracted = stages.extract(source, work=work)
        with duckdb.connect(str(wh)) as con:
            loaded = stages.load(source, work=work, con=con)
            version = load_state.staging_version(con)
            partners = sorted(r[0] for r in con.execute("select partner from raw.agreements").fetchall())
        return parsed, extracted, loaded, version, partners

    def work_files():
        return {p.name: p.stat().st_mtime_ns for stage in ("documents", "facts") for p in (work.root / stage).glob("*.json")}

    _, _, loaded, v1, partners = nightly()
    assert loaded is not None and loaded.inserted["agreements"] == 2
    assert partners == ["Foshan City", "Huizhou City"]
    # a dbt build that saw this staging version would be up to date
    now, _ = dbt_build_state(wh)
    with duckdb.connect(str(wh)) as con:
        load_state.set_mark(con, DBT_BUILD_MARK, now)
    con = duckdb.connect(str(wh))
    con.execute("create schema marts; create table marts.fct_agreements (x int)")  # a built warehouse has marts
    con.close()
    assert dbt_build_state(wh)[0] == dbt_build_state(wh)[1]
    before = work_files()

    # nothing changed: no parse, no extraction, no work file rewritten, no staging write, no dbt build
    parsed, extracted, loaded, v2, partners = nightly()
    assert (parsed.processed, extracted.processed) == (0, 0)
    assert work_files() == before
    assert loaded is None and v2 == v1
    assert partners == ["Foshan City", "Huizhou City"]
    now, built = dbt_build_state(wh)
    assert now == built

    # article 2 edited, article 1 removed from the index: only 2 is re-parsed; 1's facts leave; dbt must rebuild
    index(2)
    server.page("/news/2.htm", article("Two", "Example University and Huizhou City inked a framework agreement on May 7."))
    parsed, extracted, loaded, v3, partners = nightly()
    assert (parsed.processed, parsed.reused) == (1, 0)
    assert extracted.processed == 1
    assert loaded is not None and loaded.deleted["agreements"] == 2 and loaded.inserted["agreements"] == 1
    assert partners == ["Huizhou City"] and v3 > v2
    with duckdb.connect(str(wh)) as con:
        assert con.execute("select document_id, date from raw.agreements").fetchall()[0][1] == "2023-05-07"
        assert con.execute("select count(*) from raw.documents").fetchall() == [(1,)]
    now, built = dbt_build_state(wh)
    assert now != built
