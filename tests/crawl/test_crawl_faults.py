"""Integration tests: real HTTP servers on loopback addresses, with faults.

Each test ends by checking the stored state (the fetch index and the bodies) and
the error the crawler reports.
"""

from __future__ import annotations

import time

import pytest

from crawl_loopback import send
from pipelines.crawl import crawl_sources
from pipelines.crawl.links import host_of
from pipelines.registry import IndexSpec, Source

PAGE = b"<html><head><title>T</title></head><body><p>Agreement signed.</p></body></html>"


def src(url: str, **kw) -> Source:
    return Source(id=kw.pop("id", "s1"), publisher="Test", url=url, **kw)


def crawl_one(source, store, settings, mode="live"):
    results = crawl_sources([source], mode=mode, store=store, settings=settings)
    assert len(results) == 1
    return results[0]


def test_slow_response_past_timeout_is_an_error_after_retries(serve, store, fast):
    server = serve("127.0.0.1")

    def slow(req, n):
        time.sleep(1.0)
        send(req, 200, PAGE)

    server.routes["/slow"] = slow
    settings = fast.replace(timeout_seconds=0.2, max_retries=1)
    started = time.monotonic()
    r = crawl_one(src(server.url("/slow")), store, settings)
    assert time.monotonic() - started < 3.0
    assert not r.ok and r.content_hash is None
    assert "timed out" in r.error and server.url("/slow") in r.error
    assert r.attempts == 2 and server.hits["/slow"] == 2
    latest = store.latest(server.url("/slow"))
    assert latest is not None and not latest.ok and "timed out" in latest.error
    assert store.latest_good(server.url("/slow")) is None


def test_time_cap_per_page_aborts_a_dribbling_body(serve, store, fast):
    server = serve("127.0.0.1")

    def dribble(req, n):
        req.send_response(200)
        req.send_header("Content-Length", "200")
        req.end_headers()
        try:
            for _ in range(20):  # each chunk arrives well within the read timeout
                req.wfile.write(b"x" * 10)
                req.wfile.flush()
                time.sleep(0.1)
        except OSError:
            pass

    server.routes["/drip"] = dribble
    settings = fast.replace(timeout_seconds=1.0, max_seconds_per_page=0.5)
    r = crawl_one(src(server.url("/drip")), store, settings)
    assert not r.ok
    assert "time cap" in r.error and server.url("/drip") in r.error
    assert server.hits["/drip"] == 1  # a time-cap overrun is not retried


def test_500_then_200_is_retried_and_stored(serve, store, fast):
    server = serve("127.0.0.1")

    def flaky(req, n):
        if n == 1:
            send(req, 500, b"oops")
        else:
            send(req, 200, PAGE)

    server.routes["/flaky"] = flaky
    r = crawl_one(src(server.url("/flaky")), store, fast)
    assert r.ok and r.status == 200 and r.changed and r.error is None
    assert r.attempts == 2
    assert store.read_body(r.content_hash) == PAGE
    rec = store.latest_good(server.url("/flaky"))
    assert rec.content_hash == r.content_hash and rec.status == 200 and rec.attempts == 2


def test_429_honours_retry_after(serve, store, fast):
    server = serve("127.0.0.1")

    def limited(req, n):
        if n == 1:
            send(req, 429, b"slow down", {"Retry-After": "1"})
        else:
            send(req, 200, PAGE)

    server.routes["/limited"] = limited
    r = crawl_one(src(server.url("/limited")), store, fast)  # backoff alone would be 0.01 s
    assert r.ok and r.attempts == 2
    first, second = [s.at for s in server.seen if s.path == "/limited"]
    assert second - first >= 0.95
    assert store.read_body(r.content_hash) == PAGE


def test_truncated_body_keeps_the_last_good_copy(serve, store, fast):
    server = serve("127.0.0.1")
    state = {"truncate": False}

    def page(req, n):
        if state["truncate"]:
            req.send_response(200)
            req.send_header("Content-Length", str(len(PAGE) + 500))
            req.end_headers()
            req.wfile.write(PAGE[:40])
            req.close_connection = True
        else:
            send(req, 200, PAGE)

    server.routes["/article"] = page
    source = src(server.url("/article"))
    good = crawl_one(source, store, fast)
    assert good.ok

    state["truncate"] = True
    bad = crawl_one(source, store, fast)
    assert not bad.ok and not bad.changed
    assert "RemoteProtocolError" in bad.error and server.url("/article") in bad.error
    assert "gave up after 3 attempts" in bad.error
    assert bad.content_hash == good.content_hash  # the copy in use stays the last good one
    assert store.latest(source.url).error == bad.error
    assert store.latest_good(source.url).content_hash == good.content_hash
    assert store.read_body(good.content_hash) == PAGE

    fallback = crawl_one(source, store, fast, mode="live_fallback")
    assert fallback.ok and fallback.from_fallback and not fallback.changed
    assert fallback.content_hash == good.content_hash and "RemoteProtocolError" in fallback.error


def test_gbk_page_whose_header_claims_utf8_is_stored_intact(serve, store, fast):
    server = serve("127.0.0.1")
    text = "湘潭大学与湖南省人民政府签署战略合作协议"
    body = f"<html><head><title>合作</title></head><body><p>{text}</p></body></html>".encode("gbk")
    server.page("/gbk", body, headers={"Content-Type": "text/html; charset=utf-8"})
    r = crawl_one(src(server.url("/gbk")), store, fast)
    assert r.ok and r.charset == "utf-8"  # what the header said, kept for the decoder
    assert store.read_body(r.content_hash) == body
    assert store.latest_good(server.url("/gbk")).content_type == "text/html; charset=utf-8"
    with pytest.raises(UnicodeDecodeError):
        body.decode("utf-8")
    decode = pytest.importorskip("pipelines.parse.decode")
    decoded, encoding = decode.decode_bytes(store.read_body(r.content_hash), r.content_type)
    assert text in decoded and encoding.lower().replace("-", "") in {"gb18030", "gbk"}


def test_redirect_to_another_host_is_refused_unless_allowed(serve, store, fast):
    home = serve("127.0.0.2")
    other = serve("127.0.0.3")
    other.page("/landing", PAGE)
    home.page("/moved", b"", status=302, headers={"Location": other.url("/landing")})

    refused = crawl_one(src(home.url("/moved")), store, fast)
    assert not refused.ok
    assert "redirect to another site (127.0.0.3) refused" in refused.error
    assert home.url("/moved") in refused.error
    assert other.hits.get("/landing") is None  # never requested
    assert store.latest(home.url("/moved")).status == 302

    allowed = crawl_one(src(home.url("/moved"), allow_hosts=("127.0.0.3",)), store, fast)
    assert allowed.ok and allowed.error is None
    assert allowed.final_url == other.url("/landing") and host_of(allowed.final_url) == "127.0.0.3"
    assert store.read_body(allowed.content_hash) == PAGE
    assert store.latest_good(home.url("/moved")).final_url == other.url("/landing")


def test_redirect_within_the_same_host_is_followed(serve, store, fast):
    server = serve("127.0.0.1")
    server.page("/old", b"", status=301, headers={"Location": "/new"})
    server.page("/new", PAGE)
    r = crawl_one(src(server.url("/old")), store, fast)
    assert r.ok and r.final_url == server.url("/new")


def test_redirect_to_file_scheme_is_refused(serve, store, fast):
    server = serve("127.0.0.1")
    server.page("/sneaky", b"", status=302, headers={"Location": "file:///etc/passwd"})
    r = crawl_one(src(server.url("/sneaky"), allow_hosts=("localhost", "")), store, fast)
    assert not r.ok
    assert "non-HTTP scheme 'file'" in r.error and server.url("/sneaky") in r.error
    assert store.latest_good(server.url("/sneaky")) is None
    assert not any((store.root / "bodies").rglob("*")) or all(
        p.is_dir() for p in (store.root / "bodies").rglob("*"))


def test_page_past_the_size_cap_is_aborted(serve, store, fast):
    server = serve("127.0.0.1")
    big = b"<html>" + b"a" * 5000 + b"</html>"
    server.page("/declared", big)

    def chunked(req, n):  # no Content-Length: the cap has to be enforced while streaming
        req.send_response(200)
        req.send_header("Content-Type", "text/html")
        req.send_header("Transfer-Encoding", "chunked")
        req.end_headers()
        try:
            for _ in range(50):
                chunk = b"b" * 200
                req.wfile.write(f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n")
            req.wfile.write(b"0\r\n\r\n")
        except OSError:
            pass

    server.routes["/streamed"] = chunked
    settings = fast.replace(max_bytes=1000)
    declared = crawl_one(src(server.url("/declared")), store, settings)
    assert not declared.ok and "Content-Length 5013 exceeds the 1000-byte size cap" in declared.error
    streamed = crawl_one(src(server.url("/streamed"), id="s2"), store, settings)
    assert not streamed.ok and "exceeds the 1000-byte size cap (aborted)" in streamed.error
    assert server.hits["/streamed"] == 1  # not retried
    for url in (server.url("/declared"), server.url("/streamed")):
        assert store.latest_good(url) is None and "size cap" in store.latest(url).error


def test_robots_disallow_is_obeyed(serve, store, fast):
    server = serve("127.0.0.1")
    server.page("/robots.txt", "User-agent: *\nDisallow: /private/\n",
                headers={"Content-Type": "text/plain"})
    server.page("/private/page", PAGE)
    server.page("/public/page", PAGE)
    results = crawl_sources([src(server.url("/private/page"), id="priv"),
                             src(server.url("/public/page"), id="pub")],
                            mode="live", store=store, settings=fast)
    blocked, allowed = results
    assert not blocked.ok and "disallowed by" in blocked.error and "robots.txt" in blocked.error
    assert server.url("/private/page") in blocked.error
    assert allowed.ok
    assert "/private/page" not in server.paths()
    assert server.paths().count("/robots.txt") == 1  # cached per host
    assert store.latest(server.url("/private/page")).error == blocked.error
    # every request identified itself
    assert all(s.headers["user-agent"] == fast.user_agent for s in server.seen)


def test_etag_round_trip_ends_in_304(serve, store, fast):
    server = serve("127.0.0.1")

    def tagged(req, n):
        if req.headers.get("If-None-Match") == '"v1"':
            req.send_response(304)
            req.send_header("ETag", '"v1"')
            req.send_header("Content-Length", "0")
            req.end_headers()
        else:
            send(req, 200, PAGE, {"ETag": '"v1"', "Last-Modified": "Mon, 03 Nov 2025 10:00:00 GMT"})

    server.routes["/tagged"] = tagged
    source = src(server.url("/tagged"))
    first = crawl_one(source, store, fast)
    assert first.ok and first.changed and first.status == 200
    second = crawl_one(source, store, fast)
    assert second.ok and second.status == 304 and second.not_modified and not second.changed
    assert second.content_hash == first.content_hash and second.bytes == len(PAGE)
    requests = [s for s in server.seen if s.path == "/tagged"]
    assert "if-none-match" not in requests[0].headers
    assert requests[1].headers["if-none-match"] == '"v1"'
    assert requests[1].headers["if-modified-since"] == "Mon, 03 Nov 2025 10:00:00 GMT"
    history = store.history(source.url)
    assert [h.status for h in history] == [200, 304]
    assert history[1].not_modified and history[1].content_hash == first.content_hash
    assert store.latest_good(source.url).etag == '"v1"'


def test_unchanged_body_without_validators_is_not_changed(serve, store, fast):
    server = serve("127.0.0.1")
    server.page("/plain", PAGE)
    source = src(server.url("/plain"))
    assert crawl_one(source, store, fast).changed
    again = crawl_one(source, store, fast)
    assert again.ok and again.status == 200 and not again.changed
    server.page("/plain", PAGE.replace(b"signed", b"renewed"))
    assert crawl_one(source, store, fast).changed


def test_politeness_is_per_host_and_hosts_run_in_parallel(serve, store, fast):
    hosts = [serve(f"127.0.0.{i}") for i in (2, 3, 4)]
    sources = []
    for h_i, server in enumerate(hosts):
        for p in range(4):
            server.page(f"/p{p}", PAGE)
            sources.append(src(server.url(f"/p{p}"), id=f"h{h_i}_p{p}"))
    settings = fast.replace(delay_seconds=0.15)
    started = time.monotonic()
    results = crawl_sources(sources, mode="live", store=store, settings=settings)
    wall = time.monotonic() - started
    assert all(r.ok for r in results)
    for server in hosts:
        times = sorted(s.at for s in server.seen)  # robots.txt + 4 pages
        assert len(times) == 5
        gaps = [b - a for a, b in zip(times, times[1:])]
        assert min(gaps) >= 0.14
    # 5 requests per host spaced 0.15 s: ~0.6 s if hosts run in parallel, ~1.9 s if not
    assert wall < 1.3


def test_index_source_follows_matching_links_one_level(serve, store, fast):
    server = serve("127.0.0.1")
    links = "".join(f'<a href="/news/{i}.htm">n{i}</a>' for i in range(5))
    server.page("/news/", f'<html><body>{links}<a href="/about.htm">about</a>'
                          f'<a href="/news/0.htm#top">dup</a></body></html>')
    for i in range(5):
        server.page(f"/news/{i}.htm", f'<html><body>article {i} <a href="/news/deep.htm">deeper</a>'
                                      f'</body></html>')
    source = Source(id="idx", publisher="T", url=server.url("/news/"),
                    index=IndexSpec(link_pattern=r"/news/\d+\.htm$", max_links=3))
    results = crawl_sources([source], mode="live", store=store, settings=fast)
    assert [r.is_index for r in results] == [True, False, False, False]
    assert [r.url for r in results[1:]] == [server.url(f"/news/{i}.htm") for i in range(3)]
    assert all(r.ok and r.source_id == "idx" for r in results)
    assert results[0].parent_url is None
    assert all(r.parent_url == source.url for r in results[1:])
    assert "/news/deep.htm" not in server.paths() and "/about.htm" not in server.paths()
    assert len({r.page_id for r in results}) == 4
    assert [r.url for r in store.latest_good_for_source("idx")] == [r.url for r in results]
