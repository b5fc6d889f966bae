"""The raw store, the settings and the link helpers."""

from __future__ import annotations

import sqlite3
import threading
from datetime import datetime, timezone

import pytest

from pipelines.crawl import (
    CrawlConfigError,
    CrawlSettings,
    FetchRecord,
    RawStore,
    StoreError,
    content_hash,
    extract_links,
    fetch_mode_from_env,
    site_of,
)
from pipelines.crawl.links import host_allowed, same_site

NOW = datetime(2025, 11, 11, 8, 30, tzinfo=timezone.utc)


# ---- store ------------------------------------------------------------------------------

def test_bodies_are_content_addressed_and_verified(tmp_path):
    store = RawStore(tmp_path / "raw")
    digest = store.put_body(b"hello")
    assert digest == content_hash(b"hello")
    assert store.body_path(digest) == tmp_path / "raw" / "bodies" / digest[:2] / digest
    assert store.put_body(b"hello") == digest  # stored once
    assert store.read_body(digest) == b"hello"

    missing = content_hash(b"never stored")
    with pytest.raises(StoreError, match=f"no body {missing}"):
        store.read_body(missing)
    store.body_path(digest).write_bytes(b"tampered")
    with pytest.raises(StoreError, match="corrupt"):
        store.read_body(digest)
    with pytest.raises(StoreError, match="not a sha256 hex digest"):
        store.read_body("../../etc/passwd")


def test_records_need_their_body_first(tmp_path):
    store = RawStore(tmp_path)
    with pytest.raises(StoreError, match="names body .* which is not stored"):
        store.record(FetchRecord(url="https://x.org/", mode="live", fetched_at=NOW, ok=True,
                                 content_hash=content_hash(b"absent")))


def test_latest_good_history_and_per_source(tmp_path):
    store = RawStore(tmp_path)
    h1, h2 = store.put_body(b"v1"), store.put_body(b"v2")
    url = "https://x.org/a"
    store.record(FetchRecord(url=url, mode="live", fetched_at=NOW, ok=True, content_hash=h1,
                             source_id="s", status=200, headers=(("ETag", '"1"'), ("X-A", "b")),
                             etag='"1"'))
    store.record(FetchRecord(url=url, mode="live", fetched_at=NOW, ok=True, content_hash=h2,
                             source_id="s", status=200))
    store.record(FetchRecord(url=url, mode="live", fetched_at=NOW, ok=False, error="boom",
                             source_id="s", status=500))
    store.record(FetchRecord(url="https://x.org/b", mode="snapshot", fetched_at=NOW, ok=True,
                             content_hash=h1, source_id="s"))
    assert store.latest(url).error == "boom"
    assert store.latest_good(url).content_hash == h2
    assert store.read_latest_body(url) == b"v2"
    assert store.read_latest_body("https://x.org/none") is None
    history = store.history(url)
    assert [h.status for h in history] == [200, 200, 500]
    assert history[0].header("etag") == '"1"' and history[0].fetched_at == NOW
    assert [r.url for r in store.latest_good_for_source("s")] == [url, "https://x.org/b"]

    again = RawStore(tmp_path)  # persisted
    assert again.latest_good(url).content_hash == h2
    with sqlite3.connect(tmp_path / "index.sqlite3") as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_concurrent_writers(tmp_path):
    store = RawStore(tmp_path)

    def write(n):
        for i in range(25):
            h = store.put_body(f"{n}-{i}".encode())
            store.record(FetchRecord(url=f"https://x.org/{n}/{i}", mode="live", fetched_at=NOW,
                                     ok=True, content_hash=h))

    threads = [threading.Thread(target=write, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert all(store.latest_good(f"https://x.org/{n}/24") for n in range(4))
    with sqlite3.connect(tmp_path / "index.sqlite3") as conn:
        assert conn.execute("SELECT count(*) FROM fetches").fetchone()[0] == 100


def test_unusable_store_location_is_a_clear_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(StoreError, match=f"raw store {blocker}/raw"):
        RawStore(blocker / "raw")


# ---- settings ---------------------------------------------------------------------------

def test_settings_from_env():
    env = {"PARTNERSHIPS_USER_AGENT": "MyBot/2 (+mailto:me@example.org)",
           "PARTNERSHIPS_CRAWL_DELAY": "2.5", "PARTNERSHIPS_CRAWL_RETRIES": "5",
           "PARTNERSHIPS_CRAWL_RESPECT_ROBOTS": "yes", "PARTNERSHIPS_CRAWL_MAX_BYTES": "1000",
           "PARTNERSHIPS_CRAWL_JITTER": ""}
    s = CrawlSettings.from_env(env, timeout_seconds=3)
    assert (s.user_agent, s.delay_seconds, s.max_retries, s.respect_robots, s.max_bytes) == \
        ("MyBot/2 (+mailto:me@example.org)", 2.5, 5, True, 1000)
    assert s.jitter_seconds == CrawlSettings().jitter_seconds and s.timeout_seconds == 3
    assert s.robots_agent == "MyBot"
    assert CrawlSettings.from_env({"PARTNERSHIPS_CRAWL_RESPECT_ROBOTS": "off"}).respect_robots is False


@pytest.mark.parametrize("env, message", [
    ({"PARTNERSHIPS_CRAWL_DELAY": "soon"}, r"\$PARTNERSHIPS_CRAWL_DELAY='soon'"),
    ({"PARTNERSHIPS_CRAWL_RESPECT_ROBOTS": "maybe"}, "expected true/false"),
    ({"PARTNERSHIPS_CRAWL_DELAY": "-1"}, "delay_seconds must be >= 0"),
    ({"PARTNERSHIPS_CRAWL_MAX_BYTES": "0"}, "max_bytes must be >= 1"),
])
def test_bad_settings_name_the_variable(env, message):
    with pytest.raises(CrawlConfigError, match=message):
        CrawlSettings.from_env(env)


def test_fetch_mode_from_env(monkeypatch):
    monkeypatch.delenv("PARTNERSHIPS_FETCH_MODE", raising=False)
    assert fetch_mode_from_env() == "snapshot"
    monkeypatch.setenv("PARTNERSHIPS_FETCH_MODE", "live_fallback")
    assert fetch_mode_from_env() == "live_fallback"
    monkeypatch.setenv("PARTNERSHIPS_FETCH_MODE", "offline")
    with pytest.raises(CrawlConfigError, match=r"\$PARTNERSHIPS_FETCH_MODE: unknown fetch mode 'offline'"):
        fetch_mode_from_env()


# ---- links --------------------------------------------------------------------------------

def test_extract_links():
    page = """<html><head><base href="https://news.example.edu.cn/list/"></head><body>
      <a href="2025/1.htm">one</a> <a href="2025/1.htm#c">one again</a>
      <a href="https://news.example.edu.cn/list/2025/2.htm">two</a>
      <a href="javascript:void(0)">js</a> <a href="mailto:a@b.cn">mail</a>
      <a href="/about.htm">about</a> <a href="2025/3.htm">three</a> <a href="2025/4.htm">four</a>
      <a href="ftp://news.example.edu.cn/list/2025/5.htm">ftp</a>
    </body></html>""".encode()
    links = extract_links(page, "https://news.example.edu.cn/list/index.htm", r"/list/\d{4}/", 3)
    assert links == [f"https://news.example.edu.cn/list/2025/{i}.htm" for i in (1, 2, 3)]
    assert extract_links(page, "https://x.org/", r"/list/", 0) == []
    assert extract_links(b"", "https://x.org/", r".", 5) == []


def test_extract_links_from_a_gbk_index_page():
    page = '<meta charset="gbk"><a href="/xw/1.htm">合作新闻</a><a href="/xw/2.htm">签约</a>'.encode("gbk")
    assert extract_links(page, "http://www.x.edu.cn/xw/", r"/xw/\d+\.htm", 10) == [
        "http://www.x.edu.cn/xw/1.htm", "http://www.x.edu.cn/xw/2.htm"]


@pytest.mark.parametrize("host, site", [
    ("en.xtu.edu.cn", "xtu.edu.cn"), ("www.sc.gov.cn", "sc.gov.cn"),
    ("shanxi.chinadaily.com.cn", "chinadaily.com.cn"), ("www.example.org", "example.org"),
    ("a.b.ox.ac.uk", "ox.ac.uk"), ("127.0.0.2", "127.0.0.2"), ("localhost", "localhost"),
])
def test_site_of(host, site):
    assert site_of(host) == site


def test_same_site_and_allowed_hosts():
    assert same_site("http://www.xtu.edu.cn/a", "https://en.xtu.edu.cn/b")
    assert not same_site("http://www.xtu.edu.cn/a", "https://www.hnu.edu.cn/b")
    assert not same_site("http://127.0.0.2/", "http://127.0.0.3/")
    assert host_allowed("img.cdn.net", ("cdn.net",)) and host_allowed("cdn.net", ("*.cdn.net",))
    assert not host_allowed("evilcdn.net", ("cdn.net",)) and not host_allowed("x.org", ("",))
