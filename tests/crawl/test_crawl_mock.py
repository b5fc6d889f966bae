"""Unit tests of the fetcher and crawl logic with ``httpx.MockTransport`` (no sockets)."""

from __future__ import annotations

import asyncio
import time
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime

import httpx
import pytest

from pipelines.crawl import CrawlConfigError, Fetcher, crawl_sources
from pipelines.crawl.fetcher import parse_retry_after
from pipelines.registry import IndexSpec, Source

PAGE = b"<html><body><p>Memorandum of understanding.</p></body></html>"


class Web:
    """A fake web for MockTransport: routes by full URL, records every request."""

    def __init__(self, routes=None):
        self.routes = dict(routes or {})
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        route = self.routes.get(str(request.url))
        if route is None:
            return httpx.Response(404, content=b"nope")
        if callable(route):
            return route(request)
        return route

    @property
    def transport(self) -> httpx.MockTransport:
        return httpx.MockTransport(self)

    def urls(self) -> list[str]:
        return [str(r.url) for r in self.requests]


def no_network(request):
    raise AssertionError(f"unexpected request to {request.url}")


def html(body=PAGE, status=200, **headers) -> httpx.Response:
    return httpx.Response(status, content=body,
                          headers={"Content-Type": "text/html; charset=utf-8", **headers})


def run(sources, store, settings, web, mode="live", **kw):
    transport = web.transport if isinstance(web, Web) else httpx.MockTransport(web)
    return crawl_sources(sources, mode=mode, store=store, settings=settings, transport=transport, **kw)


def src(url, id="s1", **kw) -> Source:
    return Source(id=id, publisher="Test", url=url, **kw)


# ---- requests, retries ----------------------------------------------------------------

def test_identifying_user_agent_and_robots_once_per_origin(store, fast):
    web = Web({"https://a.example.org/1": html(), "https://a.example.org/2": html()})
    results = run([src("https://a.example.org/1"), src("https://a.example.org/2", id="s2")],
                  store, fast, web)
    assert all(r.ok for r in results)
    assert web.urls().count("https://a.example.org/robots.txt") == 1
    assert {r.headers["user-agent"] for r in web.requests} == {fast.user_agent}


def test_retries_5xx_then_gives_up_naming_the_url(store, fast):
    web = Web({"https://a.example.org/down": html(b"busy", status=503)})
    [r] = run([src("https://a.example.org/down")], store, fast, web)
    assert not r.ok and r.status == 503 and r.attempts == fast.max_retries + 1
    assert r.error == "https://a.example.org/down: HTTP 503 Service Unavailable (gave up after 3 attempts)"
    assert web.urls().count("https://a.example.org/down") == 3
    rec = store.latest("https://a.example.org/down")
    assert rec.status == 503 and not rec.ok and rec.attempts == 3


@pytest.mark.parametrize("status", [408, 429, 500, 502, 504])
def test_retryable_statuses(store, fast, status):
    calls = []

    def flaky(request):
        calls.append(1)
        return html(b"later", status=status) if len(calls) == 1 else html()

    [r] = run([src("https://a.example.org/p")], store, fast, Web({"https://a.example.org/p": flaky}))
    assert r.ok and r.attempts == 2


def test_404_is_not_retried(store, fast):
    web = Web()
    [r] = run([src("https://a.example.org/gone")], store, fast, web)
    assert not r.ok and r.status == 404 and r.attempts == 1
    assert r.error == "https://a.example.org/gone: HTTP 404 Not Found"
    assert web.urls().count("https://a.example.org/gone") == 1


def test_read_error_is_retried(store, fast):
    calls = []

    def broken(request):
        calls.append(1)
        if len(calls) == 1:
            raise httpx.ReadError("connection reset", request=request)
        return html()

    [r] = run([src("https://a.example.org/p")], store, fast, Web({"https://a.example.org/p": broken}))
    assert r.ok and r.attempts == 2


def test_retry_after_beyond_the_cap_gives_up_at_once(store, fast):
    web = Web({"https://a.example.org/p": html(b"", status=429, **{"Retry-After": "3600"})})
    [r] = run([src("https://a.example.org/p")], store, fast, web)
    assert not r.ok and r.attempts == 1
    assert "Retry-After 3600s exceeds the 5s cap, not retrying" in r.error


def test_parse_retry_after():
    now = datetime(2025, 1, 1, 12, 0, tzinfo=timezone.utc)
    assert parse_retry_after("120") == 120.0
    assert parse_retry_after(format_datetime(now + timedelta(seconds=30), usegmt=True), now=now) == 30.0
    assert parse_retry_after(format_datetime(now - timedelta(days=1), usegmt=True), now=now) == 0.0
    assert parse_retry_after("soon") is None
    assert parse_retry_after(None) is None


def test_unexpected_exception_on_one_page_does_not_stop_the_run(store, fast):
    def boom(request):
        raise RuntimeError("transport exploded")

    web = Web({"https://a.example.org/bad": boom, "https://b.example.org/good": html()})
    bad, good = run([src("https://a.example.org/bad"), src("https://b.example.org/good", id="s2")],
                    store, fast, web)
    assert not bad.ok and "unexpected error" in bad.error and "https://a.example.org/bad" in bad.error
    assert "transport exploded" in bad.error
    assert good.ok


def test_non_http_source_url_is_a_clear_error(store, fast):
    [r] = run([src("ftp://files.example.org/report.pdf")], store, fast, Web())
    assert not r.ok and "ftp://files.example.org/report.pdf" in r.error and "not an http(s) URL" in r.error


def test_empty_body_is_not_a_good_copy(store, fast):
    web = Web({"https://a.example.org/empty": html(b"")})
    [r] = run([src("https://a.example.org/empty")], store, fast, web)
    assert not r.ok and "empty body" in r.error
    assert store.latest_good("https://a.example.org/empty") is None


def test_streamed_body_past_the_cap_without_content_length(store, fast):
    async def chunks():
        for _ in range(100):
            yield b"z" * 100

    web = Web({"https://a.example.org/big": lambda req: httpx.Response(200, content=chunks())})
    [r] = run([src("https://a.example.org/big")], store, fast.replace(max_bytes=1000), web)
    assert not r.ok and "exceeds the 1000-byte size cap (aborted)" in r.error


# ---- robots.txt ---------------------------------------------------------------------

def test_robots_unreachable_refuses_the_origin(store, fast):
    web = Web({"https://a.example.org/robots.txt": html(b"", status=503),
               "https://a.example.org/p": html()})
    [r] = run([src("https://a.example.org/p")], store, fast, web)
    assert not r.ok and "robots.txt at https://a.example.org/robots.txt unreachable (HTTP 503)" in r.error
    assert "https://a.example.org/p" not in web.urls()
    assert web.urls().count("https://a.example.org/robots.txt") == 2  # one retry


def test_robots_can_be_switched_off(store, fast):
    web = Web({"https://a.example.org/robots.txt": html(b"User-agent: *\nDisallow: /\n"),
               "https://a.example.org/p": html()})
    [r] = run([src("https://a.example.org/p")], store, fast.replace(respect_robots=False), web)
    assert r.ok and "https://a.example.org/robots.txt" not in web.urls()


def test_robots_rules_for_our_agent_and_crawl_delay(fast):
    robots = b"User-agent: PartnershipsBot\nDisallow: /secret\nCrawl-delay: 2\n\nUser-agent: *\nDisallow: /\n"
    web = Web({"https://a.example.org/robots.txt": httpx.Response(200, content=robots)})

    async def check():
        async with Fetcher(fast.replace(max_crawl_delay=1.5), transport=web.transport) as f:
            open_ = await f.robots_refusal("https://a.example.org/news/1")
            secret = await f.robots_refusal("https://a.example.org/secret/x")
            return open_, secret, f.gate("a.example.org").delay

    open_, secret, delay = asyncio.run(check())
    assert open_ is None
    assert secret == ("https://a.example.org/secret/x: disallowed by "
                      "https://a.example.org/robots.txt for PartnershipsBot")
    assert delay == 1.5  # Crawl-delay 2 honoured up to max_crawl_delay


# ---- redirects ----------------------------------------------------------------------

def test_redirect_within_the_site_across_subdomains(store, fast):
    web = Web({
        "http://www.xyz.edu.cn/a": httpx.Response(301, headers={"Location": "https://en.xyz.edu.cn/a"}),
        "https://en.xyz.edu.cn/a": html(),
    })
    [r] = run([src("http://www.xyz.edu.cn/a")], store, fast, web)
    assert r.ok and r.final_url == "https://en.xyz.edu.cn/a"


def test_redirect_to_another_edu_cn_site_is_refused(store, fast):
    web = Web({"http://www.xyz.edu.cn/a": httpx.Response(302, headers={"Location": "http://abc.edu.cn/"}),
               "http://abc.edu.cn/": html()})
    [r] = run([src("http://www.xyz.edu.cn/a")], store, fast, web)
    assert not r.ok and "redirect to another site (abc.edu.cn) refused" in r.error
    assert "http://abc.edu.cn/" not in web.urls()


def test_allowed_redirect_hosts_cover_subdomains(store, fast):
    web = Web({"https://a.example.org/p": httpx.Response(302, headers={"Location": "https://cdn.media.net/p"}),
               "https://cdn.media.net/p": html()})
    [r] = run([src("https://a.example.org/p", allow_hosts=("media.net",))], store, fast, web)
    assert r.ok and r.final_url == "https://cdn.media.net/p"
    assert "https://cdn.media.net/robots.txt" in web.urls()  # the other host's robots.txt too


def test_redirect_loop_is_capped(store, fast):
    web = Web({"https://a.example.org/x": httpx.Response(302, headers={"Location": "/y"}),
               "https://a.example.org/y": httpx.Response(302, headers={"Location": "/x"})})
    [r] = run([src("https://a.example.org/x")], store, fast.replace(max_redirects=3), web)
    assert not r.ok and r.error == "https://a.example.org/x: more than 3 redirects"


def test_redirect_without_location(store, fast):
    web = Web({"https://a.example.org/x": httpx.Response(302)})
    [r] = run([src("https://a.example.org/x")], store, fast, web)
    assert not r.ok and "redirect without a Location header" in r.error


# ---- store state across modes -------------------------------------------------------

def test_live_failure_keeps_the_last_good_copy_in_use(store, fast):
    url = "https://a.example.org/p"
    [good] = run([src(url)], store, fast, Web({url: html()}))
    [bad] = run([src(url)], store, fast, Web({url: html(b"err", status=500)}))
    assert not bad.ok and not bad.from_fallback and not bad.changed
    assert bad.content_hash == good.content_hash and bad.bytes == len(PAGE)
    assert bad.content_type == "text/html; charset=utf-8"
    assert store.latest_good(url).content_hash == good.content_hash
    assert store.latest(url).error == bad.error


def test_live_fallback_uses_the_snapshot_when_nothing_is_stored(store, fast, snapshot_dir):
    (snapshot_dir / "s1.html").write_bytes(PAGE)
    url = "https://a.example.org/p"
    [r] = run([src(url, snapshot="s1.html")], store, fast, Web({url: html(b"x", status=500)}),
              mode="live_fallback")
    assert r.ok and r.from_fallback and r.changed and r.status == 500
    assert "HTTP 500" in r.error and r.note == "fetch failed; using the bundled snapshot"
    assert store.read_body(r.content_hash) == PAGE
    assert store.latest_good(url).mode == "snapshot"


def test_live_fallback_with_nothing_to_fall_back_on(store, fast):
    url = "https://a.example.org/p"
    [r] = run([src(url)], store, fast, Web({url: html(b"x", status=500)}), mode="live_fallback")
    assert not r.ok and r.content_hash is None and "HTTP 500" in r.error


def test_unconditional_request_when_the_copy_in_use_is_a_snapshot(store, fast, snapshot_dir):
    (snapshot_dir / "s1.html").write_bytes(PAGE)
    url = "https://a.example.org/p"
    source = src(url, snapshot="s1.html")
    [snap] = run([source], store, fast, no_network, mode="snapshot")
    assert snap.ok
    web = Web({url: html(PAGE, ETag='"e1"')})
    [live] = run([source], store, fast, web)
    page_requests = [r for r in web.requests if str(r.url) == url]
    assert "if-none-match" not in page_requests[0].headers
    assert live.ok and not live.changed  # same bytes as the snapshot
    web2 = Web({url: lambda req: httpx.Response(304) if req.headers.get("if-none-match") == '"e1"' else html()})
    [again] = run([source], store, fast, web2)
    assert again.not_modified and again.content_hash == snap.content_hash


def test_304_to_an_unconditional_request_is_an_error(store, fast):
    url = "https://a.example.org/p"
    [r] = run([src(url)], store, fast, Web({url: httpx.Response(304)}))
    assert not r.ok and "304 Not Modified to an unconditional request" in r.error


# ---- snapshot mode ------------------------------------------------------------------

def test_snapshot_mode_records_through_the_store_without_network(store, fast, snapshot_dir):
    (snapshot_dir / "a.html").write_bytes(PAGE)
    (snapshot_dir / "b.pdf").write_bytes(b"%PDF-1.4 fake")
    sources = [src("https://a.example.org/p", id="a", snapshot="a.html"),
               Source(id="b", publisher="T", kind="pdf", snapshot="b.pdf")]
    a, b = run(sources, store, fast, no_network, mode="snapshot")
    assert a.ok and a.changed and a.mode == "snapshot" and a.url == "https://a.example.org/p"
    assert a.content_type == "text/html" and a.status is None
    assert b.ok and b.url is None and b.store_key == "snapshot://b" and b.content_type == "application/pdf"
    assert store.read_body(b.content_hash) == b"%PDF-1.4 fake"
    rec = store.latest_good("https://a.example.org/p")
    assert rec.mode == "snapshot" and rec.source_id == "a"

    a2, b2 = run(sources, store, fast, no_network, mode="snapshot")
    assert not a2.changed and not b2.changed and a2.content_hash == a.content_hash

    (snapshot_dir / "a.html").write_bytes(PAGE + b"<!-- edited -->")
    a3, _ = run(sources, store, fast, no_network, mode="snapshot")
    assert a3.changed and a3.content_hash != a.content_hash


def test_snapshot_mode_missing_file_names_it(store, fast, snapshot_dir):
    [r] = run([src("https://a.example.org/p", snapshot="missing.html")], store, fast, no_network,
              mode="snapshot")
    assert not r.ok and str(snapshot_dir / "missing.html") in r.error and "not found" in r.error


def test_snapshot_mode_without_snapshot_uses_the_stored_copy(store, fast):
    url = "https://a.example.org/p"
    [live] = run([src(url)], store, fast, Web({url: html()}))
    [r] = run([src(url)], store, fast, no_network, mode="snapshot")
    assert r.ok and r.from_fallback and r.content_hash == live.content_hash
    assert "no snapshot file" in r.note and "using the stored copy" in r.note


def test_snapshot_mode_does_not_follow_index_links(store, fast, snapshot_dir):
    (snapshot_dir / "i.html").write_bytes(b'<a href="/news/1.htm">1</a>')
    source = src("https://a.example.org/news/", snapshot="i.html",
                 index=IndexSpec(link_pattern=r"/news/\d+"))
    [r] = run([source], store, fast, no_network, mode="snapshot")
    assert r.ok and r.is_index


def test_snapshot_only_source_in_live_mode_says_so(store, fast, snapshot_dir):
    (snapshot_dir / "b.pdf").write_bytes(b"%PDF-1.4 brochure")
    source = Source(id="b", publisher="T", kind="pdf", snapshot="b.pdf")
    [r] = run([source], store, fast, no_network, mode="live")
    assert r.ok and r.error is None and r.from_fallback
    assert r.note == "snapshot-only source (no url): using the bundled copy"


# ---- index sources and API edges ------------------------------------------------------

def test_index_articles_are_conditional_on_the_next_run(store, fast):
    index_url = "https://news.example.org/list/"
    art = "https://news.example.org/list/2025/a1.htm"

    def article(req):
        if req.headers.get("if-none-match") == '"a1"':
            return httpx.Response(304)
        return html(b"<p>article</p>", ETag='"a1"')

    web = Web({index_url: html(b'<a href="2025/a1.htm">a1</a><a href="/other">x</a>'), art: article})
    source = src(index_url, index=IndexSpec(link_pattern=r"/list/\d{4}/", max_links=10))
    first = run([source], store, fast, web)
    assert [(r.url, r.is_index, r.changed) for r in first] == [(index_url, True, True), (art, False, True)]
    second = run([source], store, fast, web)
    assert [r.changed for r in second] == [False, False] and second[1].not_modified


def test_failed_index_page_in_live_mode_yields_no_articles(store, fast):
    index_url = "https://news.example.org/list/"
    source = src(index_url, index=IndexSpec(link_pattern=r"/list/"))
    results = run([source], store, fast, Web({index_url: html(b"", status=403)}))
    assert len(results) == 1 and not results[0].ok and results[0].is_index


def test_bad_mode_and_bad_source(store, fast):
    with pytest.raises(CrawlConfigError, match="unknown fetch mode 'online'"):
        crawl_sources([], mode="online", store=store, settings=fast)
    with pytest.raises(TypeError, match=r"sources\[0\]: expected a registry Source, got str"):
        crawl_sources(["https://a.example.org"], mode="live", store=store, settings=fast)


def test_works_when_called_inside_a_running_event_loop(store, fast):
    url = "https://a.example.org/p"

    async def inside():
        return run([src(url)], store, fast, Web({url: html()}))

    [r] = asyncio.run(inside())
    assert r.ok


def test_on_result_is_called_per_page_and_a_failing_callback_is_harmless(store, fast):
    seen = []

    def callback(result):
        seen.append(result.url)
        raise ValueError("printer on fire")

    urls = ["https://a.example.org/1", "https://b.example.org/2"]
    results = run([src(u, id=f"s{i}") for i, u in enumerate(urls)], store, fast,
                  Web({u: html() for u in urls}), on_result=callback)
    assert all(r.ok for r in results) and sorted(seen) == urls


def test_as_row_matches_the_fetches_table(store, fast):
    from pipelines.warehouse import TABLES

    url = "https://a.example.org/p"
    [r] = run([src(url)], store, fast, Web({url: html()}))
    row = r.as_row()
    assert list(row) == list(TABLES["fetches"])
    assert row["fetched_at"].tzinfo is not None and row["bytes"] == len(PAGE)


def test_delay_with_jitter_spaces_requests_to_one_host(store, fast):
    times = []

    def timed(request):
        times.append(time.monotonic())
        return html()

    urls = [f"https://a.example.org/{i}" for i in range(4)]
    settings = fast.replace(delay_seconds=0.05, jitter_seconds=0.05)
    results = run([src(u, id=f"s{i}") for i, u in enumerate(urls)], store, settings,
                  Web({u: timed for u in urls}))
    assert all(r.ok for r in results)
    gaps = [b - a for a, b in zip(times, times[1:])]
    assert len(gaps) == 3 and all(0.05 <= g < 0.2 for g in gaps)
