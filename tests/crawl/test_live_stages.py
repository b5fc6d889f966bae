"""Live fetching through the pipeline's stages, against a real loopback server:
an index source whose articles are found each night, unchanged pages not
re-parsed, and a failing page keeping its last good copy and facts."""

from __future__ import annotations

import duckdb

from crawl_loopback import send
from pipelines import stages
from pipelines.registry import IndexSpec, Source

INDEX = """<html><head><title>News</title></head><body>
<nav><a href="/">Home</a> <a href="/about.htm">About</a></nav>
<ul class="news">{items}</ul></body></html>"""

ARTICLE = """<html><head><title>{title}</title>
<meta property="article:published_time" content="2023-05-08"></head><body>
<nav><a href="/">Home</a></nav>
<article><h1>{title}</h1><p>{body}</p></article>
<footer>Copyright Example University</footer></body></html>"""


def article(title: str, body: str) -> str:
    return ARTICLE.format(title=title, body=body)


def rows(con, sql):
    return con.execute(sql).fetchall()


def test_index_source_live_incremental_and_failure_keeps_last_good(serve, fast, store, tmp_path):
    server = serve("127.0.0.1")
    server.page("/robots.txt", "User-agent: *\nAllow: /\n", headers={"Content-Type": "text/plain"})
    server.page("/news/", INDEX.format(items='<li><a href="/news/1.htm">One</a></li><li><a href="/news/2.htm">Two</a></li>'))
    server.page("/about.htm", article("About", "Not news."))
    server.page("/news/1.htm", article(
        "Foshan agreement",
        "Example University signed a strategic cooperation agreement with the People's Government of "
        "Foshan City, Guangdong Province on May 5.",
    ))
    server.page("/news/2.htm", article(
        "Huizhou agreement",
        "Example University and Huizhou City inked a framework agreement on talent training on May 6.",
    ))
    source = Source(
        id="example_news", publisher="Example University", university="Example University",
        url=server.url("/news/"), index=IndexSpec(link_pattern=r"/news/\d+\.htm$", max_links=5),
    )
    work = stages.WorkStore(tmp_path / "work")
    con = duckdb.connect(str(tmp_path / "wh.duckdb"))

    def nightly():
        stages.fetch([source], mode="live", store=store, work=work, settings=fast)
        parsed = stages.parse(source, store=store, work=work)
        extracted = stages.extract(source, work=work)
        stages.load(source, work=work, con=con)
        return parsed, extracted

    parsed, _ = nightly()
    assert parsed.processed == 2 and not parsed.errors
    assert "/about.htm" not in server.paths()  # only links matching the pattern are followed
    partners = sorted(r[0] for r in rows(con, "select partner from raw.agreements"))
    assert partners == ["Foshan City", "Huizhou City"]
    assert rows(con, "select distinct date from raw.agreements where partner = 'Foshan City'") == [("2023-05-05",)]

    # nothing changed on the site: nothing is re-parsed or re-extracted
    parsed, extracted = nightly()
    assert (parsed.processed, parsed.reused) == (0, 2)
    assert (extracted.processed, extracted.reused) == (0, 2)

    # a new article appears on the index, article 2 is edited, article 1 starts failing
    server.page("/news/", INDEX.format(items="".join(
        f'<li><a href="/news/{i}.htm">{i}</a></li>' for i in (1, 2, 3))))
    server.page("/news/2.htm", article(
        "Huizhou agreement",
        "Example University and Huizhou City inked a framework agreement on talent training on May 7.",
    ))
    server.page("/news/3.htm", article(
        "Zhuhai agreement",
        "Example University signed a co-construction agreement with Zhuhai City on May 9.",
    ))
    server.routes["/news/1.htm"] = lambda req, n: send(req, 500, b"down")
    parsed, _ = nightly()
    assert parsed.processed == 2 and parsed.reused == 1  # 2 edited + 3 new; 1 keeps its last good copy
    partners = sorted(r[0] for r in rows(con, "select partner from raw.agreements"))
    assert partners == ["Foshan City", "Huizhou City", "Zhuhai City"]
    assert rows(con, "select date from raw.agreements where partner = 'Huizhou City'") == [("2023-05-07",)]
    errors = rows(con, "select stage, url, error from raw.errors")
    assert len(errors) == 1 and errors[0][0] == "fetch" and errors[0][1].endswith("/news/1.htm")
    assert "500" in errors[0][2]
    con.close()
