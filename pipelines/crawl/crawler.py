"""``crawl_sources``: fetch (or load the snapshot of) every source into the raw store.

One :class:`PageResult` per page: the source's own page, and for index sources
the article pages found on it. Every page is recorded in the store before its
result is returned, so parsing always reads from the store.

Modes:

* ``snapshot``: the bundled copy (``Source.snapshot_path``) is recorded as a
  fetch with mode ``snapshot``; nothing goes on the network; index pages are not
  followed.
* ``live``: fetch from the web. A failed fetch is recorded with its error;
  the result is ``ok=False`` and the last good copy stays the one in use
  (``content_hash`` names it; the store's ``latest_good`` still returns it).
* ``live_fallback``: like ``live``, but a failed fetch is served from the last
  good stored copy, or else the bundled snapshot: ``ok=True``,
  ``from_fallback=True``, ``error`` still says what failed.

A source without a url is snapshot-only: in the live modes its bundled copy is
used (``from_fallback=True`` and a ``note`` saying so), not an error.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import hashlib
import logging
import mimetypes
import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path

import httpx

from pipelines.crawl.config import CrawlSettings, check_mode
from pipelines.crawl.fetcher import Fetcher
from pipelines.crawl.links import extract_links, host_allowed, host_of, same_site
from pipelines.crawl.store import FetchRecord, RawStore, StoreError, utcnow
from pipelines.parse.sniff import content_kind
from pipelines.registry import Source
from pipelines.settings import raw_store_path

log = logging.getLogger("pipelines.crawl")

KIND_CONTENT_TYPES = {"html": "text/html", "pdf": "application/pdf"}


@dataclass(frozen=True)
class PageResult:
    """The outcome for one page. ``content_hash`` names the copy in use in the store."""

    source_id: str
    url: str | None  # the page's live URL (None: snapshot-only source)
    final_url: str | None  # after redirects
    mode: str  # the run's fetch mode
    status: int | None  # HTTP status of this fetch (None: no HTTP response / snapshot)
    ok: bool  # a usable body is available (content_hash)
    changed: bool  # the body in use differs from the previous good copy
    content_hash: str | None  # the copy in use (the last good one when this fetch failed)
    content_type: str | None
    charset: str | None  # charset declared by the HTTP header, if any
    bytes: int  # size of the copy in use (0: none)
    error: str | None  # why this fetch failed, naming the URL
    fetched_at: datetime  # UTC, when this fetch ran
    from_fallback: bool = False  # the copy in use did not come from this run's live fetch
    is_index: bool = False  # the page is an index (list) page
    not_modified: bool = False  # the server answered 304 to our conditional GET
    store_key: str = ""  # the URL the store indexes this page by
    kind: str = "html"  # the source's kind (html | pdf)
    parent_url: str | None = None  # for an article: the index page it was found on
    note: str | None = None  # human-readable remark (fallback used, snapshot-only ...)
    attempts: int = 0
    elapsed_seconds: float = 0.0

    @property
    def page_id(self) -> str:
        """A stable id for the page: the source id, plus a URL hash for index articles."""
        if self.parent_url is None:
            return self.source_id
        return f"{self.source_id}__{hashlib.sha256(self.store_key.encode()).hexdigest()[:12]}"

    def as_row(self) -> dict:
        """The columns of the warehouse's ``raw.fetches`` table."""
        return {
            "source_id": self.source_id,
            "url": self.url or self.store_key,
            "final_url": self.final_url,
            "mode": self.mode,
            "status": self.status,
            "ok": self.ok,
            "changed": self.changed,
            "content_hash": self.content_hash,
            "bytes": self.bytes,
            "error": self.error,
            "fetched_at": self.fetched_at,
        }

    def to_dict(self) -> dict:
        d = asdict(self)
        d["fetched_at"] = self.fetched_at.isoformat()
        d["page_id"] = self.page_id
        return d


def store_key(source: Source) -> str:
    """The store's key for a source's own page: its URL, or ``snapshot://<id>``."""
    return source.url or f"snapshot://{source.id}"


def _open_store(store: RawStore | str | os.PathLike[str] | None) -> RawStore:
    if isinstance(store, RawStore):
        return store
    return RawStore(raw_store_path() if store is None else store)


class _Crawl:
    def __init__(self, mode: str, store: RawStore, fetcher: Fetcher | None,
                 on_result: Callable[[PageResult], None] | None) -> None:
        self.mode = mode
        self.store = store
        self.fetcher = fetcher
        self.on_result = on_result

    def emit(self, result: PageResult) -> PageResult:
        if self.on_result is not None:
            try:
                self.on_result(result)
            except Exception:  # a reporting callback must not lose the crawl
                log.exception("on_result callback failed for %s", result.store_key)
        return result

    # ---- building results -----------------------------------------------------------

    def _result(self, source: Source, key: str, *, is_index: bool, parent: str | None,
                **fields) -> PageResult:
        base = dict(source_id=source.id, url=key if not key.startswith("snapshot://") else None,
                    final_url=None, mode=self.mode, status=None, ok=False, changed=False,
                    content_hash=None, content_type=None, charset=None, bytes=0, error=None,
                    fetched_at=utcnow(), is_index=is_index, store_key=key, kind=source.kind,
                    parent_url=parent)
        base.update(fields)
        return self.emit(PageResult(**base))

    def _from_record(self, source: Source, key: str, rec: FetchRecord, *, is_index: bool,
                     parent: str | None, changed: bool, **fields) -> PageResult:
        values = dict(final_url=rec.final_url, status=rec.status, ok=True, changed=changed,
                      content_hash=rec.content_hash, content_type=rec.content_type,
                      charset=rec.charset, bytes=rec.bytes or 0, not_modified=rec.not_modified,
                      attempts=rec.attempts,
                      elapsed_seconds=(rec.elapsed_ms or 0) / 1000.0)
        values.update(fields)
        return self._result(source, key, is_index=is_index, parent=parent, **values)

    # ---- snapshots ------------------------------------------------------------------

    def _record_snapshot(self, source: Source, key: str) -> tuple[FetchRecord | None, str | None]:
        """Record the bundled snapshot as a fetch; (record, None) or (None, error)."""
        try:
            path = source.snapshot_path
        except ValueError as exc:  # a name that escapes sources/snapshots/
            return None, f"source {source.id}: {exc}"
        if path is None:
            return None, f"source {source.id}: no snapshot file in the registry"
        try:
            body = Path(path).read_bytes()
        except FileNotFoundError:
            return None, f"source {source.id}: snapshot file {path} not found"
        except OSError as exc:
            return None, f"source {source.id}: cannot read snapshot file {path}: {exc}"
        if not body:
            return None, f"source {source.id}: snapshot file {path} is empty"
        digest = self.store.put_body(body)
        content_type = mimetypes.guess_type(str(path))[0] or KIND_CONTENT_TYPES.get(source.kind)
        rec = self.store.record(FetchRecord(
            url=key, final_url=source.url or key, source_id=source.id, mode="snapshot",
            fetched_at=utcnow(), ok=True, content_type=content_type, content_hash=digest,
            bytes=len(body),
        ))
        return rec, None

    def snapshot_page(self, source: Source, *, note: str | None = None,
                      from_fallback: bool = False) -> PageResult:
        key = store_key(source)
        is_index = source.index is not None
        prev = self.store.latest_good(key)
        rec, error = self._record_snapshot(source, key)
        if rec is not None:
            changed = prev is None or prev.content_hash != rec.content_hash
            return self._from_record(source, key, rec, is_index=is_index, parent=None,
                                     changed=changed, note=note, from_fallback=from_fallback)
        if prev is not None and self.store.has_body(prev.content_hash):
            return self._from_record(
                source, key, prev, is_index=is_index, parent=None, changed=False,
                from_fallback=True, error=None,
                note=f"{error}; using the stored copy from {prev.fetched_at:%Y-%m-%d %H:%M}Z",
            )
        if source.snapshot is None and source.url:
            error += f" and nothing stored for {source.url}; fetch it with --mode live"
        return self._result(source, key, is_index=is_index, parent=None, error=error)

    # ---- live pages -----------------------------------------------------------------

    async def live_page(self, source: Source, url: str, *, is_index: bool,
                        parent: str | None) -> PageResult:
        assert self.fetcher is not None
        prev = self.store.latest_good(url)
        usable_prev = prev if prev is not None and self.store.has_body(prev.content_hash) else None
        etag = last_modified = None
        if usable_prev is not None and usable_prev.mode != "snapshot":
            etag, last_modified = usable_prev.etag, usable_prev.last_modified
        outcome = await self.fetcher.fetch(url, allow_hosts=source.allow_hosts, site=source.url,
                                           etag=etag, last_modified=last_modified)
        now = utcnow()
        common = dict(url=url, final_url=outcome.final_url, source_id=source.id, mode=self.mode,
                      fetched_at=now, status=outcome.status, headers=outcome.headers,
                      attempts=outcome.attempts, elapsed_ms=int(outcome.elapsed * 1000))
        error = outcome.error
        if outcome.not_modified and error is None:
            if usable_prev is None or not (etag or last_modified):
                error = f"{url}: HTTP 304 Not Modified to an unconditional request"
            else:
                rec = self.store.record(FetchRecord(
                    **common, ok=True, not_modified=True,
                    content_type=usable_prev.content_type, charset=usable_prev.charset,
                    content_hash=usable_prev.content_hash, bytes=usable_prev.bytes,
                    etag=outcome.header("etag") or usable_prev.etag,
                    last_modified=outcome.header("last-modified") or usable_prev.last_modified,
                ))
                return self._from_record(source, url, rec, is_index=is_index, parent=parent,
                                         changed=False)
        if error is None and outcome.body is not None:
            if not outcome.body:
                error = f"{url}: HTTP {outcome.status} with an empty body"
            else:
                digest = self.store.put_body(outcome.body)
                rec = self.store.record(FetchRecord(
                    **common, ok=True, content_type=outcome.content_type,
                    charset=outcome.charset, content_hash=digest, bytes=len(outcome.body),
                    etag=outcome.header("etag"), last_modified=outcome.header("last-modified"),
                ))
                changed = prev is None or prev.content_hash != digest
                return self._from_record(source, url, rec, is_index=is_index, parent=parent,
                                         changed=changed)
        error = error or f"{url}: no body received"
        self.store.record(FetchRecord(**common, ok=False, error=error,
                                      content_type=outcome.content_type, charset=outcome.charset))
        failed = dict(final_url=outcome.final_url, status=outcome.status, error=error,
                      attempts=outcome.attempts, elapsed_seconds=outcome.elapsed)
        if self.mode == "live_fallback":
            if usable_prev is not None:
                return self._from_record(
                    source, url, usable_prev, is_index=is_index, parent=parent, changed=False,
                    from_fallback=True, status=outcome.status, error=error,
                    attempts=outcome.attempts, elapsed_seconds=outcome.elapsed,
                    note=f"fetch failed; using the stored copy from "
                         f"{usable_prev.fetched_at:%Y-%m-%d %H:%M}Z",
                )
            if parent is None and source.snapshot is not None:
                rec, snap_error = self._record_snapshot(source, url)
                if rec is not None:
                    return self._from_record(
                        source, url, rec, is_index=is_index, parent=parent, changed=True,
                        from_fallback=True, status=outcome.status, error=error,
                        attempts=outcome.attempts, elapsed_seconds=outcome.elapsed,
                        note="fetch failed; using the bundled snapshot",
                    )
                failed["error"] = f"{error}; fallback failed: {snap_error}"
        if usable_prev is not None:
            failed.update(content_hash=usable_prev.content_hash, bytes=usable_prev.bytes or 0,
                          content_type=usable_prev.content_type, charset=usable_prev.charset)
        return self._result(source, url, is_index=is_index, parent=parent, **failed)

    # ---- sources --------------------------------------------------------------------

    async def source(self, source: Source) -> list[PageResult]:
        if self.mode == "snapshot":
            return [self.snapshot_page(source)]
        if not source.url:
            return [self.snapshot_page(
                source, from_fallback=True,
                note="snapshot-only source (no url): using the bundled copy")]
        main = await self.live_page(source, source.url, is_index=source.index is not None,
                                    parent=None)
        results = [main]
        if source.index is not None and main.ok and main.content_hash:
            try:
                body = self.store.read_body(main.content_hash)
                if content_kind(body, main.content_type, kind="html") != "html":
                    raise ValueError(f"not an HTML page ({main.content_type or 'no Content-Type'})")
                found = extract_links(body, main.final_url or source.url, source.index.link_pattern,
                                      len(body), charset=main.charset)  # all of them: filtered below
                links = [link for link in found  # never leave the source's site
                         if same_site(source.url, link) or host_allowed(host_of(link), source.allow_hosts)]
                if len(links) < len(found):
                    log.warning("source %s: %d link(s) on %s lead off the site and are not followed",
                                source.id, len(found) - len(links), source.url)
                links = links[:source.index.max_links]
            except Exception as exc:
                log.warning("source %s: cannot read links of %s: %s", source.id, source.url, exc)
                links = []
            articles = await asyncio.gather(*(
                self.safe(source, lambda link=link: self.live_page(
                    source, link, is_index=False, parent=source.url), url=link, parent=source.url)
                for link in links
            ))
            results.extend(r for group in articles for r in group)
        return results

    async def safe(self, source: Source, make, *, url: str | None = None,
                   parent: str | None = None) -> list[PageResult]:
        """Run one source/page coroutine; an unexpected error becomes an error result."""
        try:
            result = await make()
            return result if isinstance(result, list) else [result]
        except (StoreError, OSError) as exc:
            error = f"source {source.id}: raw store error for {url or store_key(source)}: {exc}"
        except Exception as exc:
            log.exception("source %s: unexpected error", source.id)
            error = f"source {source.id}: unexpected error for {url or store_key(source)}: " \
                    f"{type(exc).__name__}: {exc}"
        key = url or store_key(source)
        return [self._result(source, key, is_index=parent is None and source.index is not None,
                             parent=parent, error=error)]


async def acrawl_sources(
    sources: Iterable[Source],
    *,
    mode: str,
    store: RawStore | str | os.PathLike[str] | None,
    settings: CrawlSettings | None = None,
    transport: httpx.AsyncBaseTransport | None = None,
    on_result: Callable[[PageResult], None] | None = None,
) -> list[PageResult]:
    """The async form of :func:`crawl_sources`."""
    check_mode(mode)
    sources = list(sources)
    for i, s in enumerate(sources):
        if not isinstance(s, Source):
            raise TypeError(f"sources[{i}]: expected a registry Source, got {type(s).__name__}")
    raw = _open_store(store)
    settings = settings or CrawlSettings.from_env()
    if mode == "snapshot" or all(not s.url for s in sources):
        crawl = _Crawl(mode, raw, None, on_result)
        groups = [await crawl.safe(s, lambda s=s: crawl.source(s)) for s in sources]
    else:
        async with Fetcher(settings, transport=transport) as fetcher:
            crawl = _Crawl(mode, raw, fetcher, on_result)
            groups = await asyncio.gather(*(crawl.safe(s, lambda s=s: crawl.source(s))
                                            for s in sources))
    return [r for group in groups for r in group]


def crawl_sources(
    sources: Sequence[Source],
    *,
    mode: str,
    store: RawStore | str | os.PathLike[str] | None,
    settings: CrawlSettings | None = None,
    transport: httpx.AsyncBaseTransport | None = None,
    on_result: Callable[[PageResult], None] | None = None,
) -> list[PageResult]:
    """Fetch every source (per ``mode``) into ``store``; one PageResult per page.

    ``store`` is a RawStore, a directory, or None for ``raw_store_path()``.
    ``settings`` default to ``CrawlSettings.from_env()``. ``transport`` replaces
    httpx's network transport (tests). ``on_result`` is called as each page
    finishes. Never raises for a page's problem; raises CrawlConfigError for a
    bad mode and TypeError for something that is not a Source.
    """
    coro = acrawl_sources(sources, mode=mode, store=store, settings=settings,
                          transport=transport, on_result=on_result)
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(coro)
    # Called from inside a running event loop: run ours in a worker thread.
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coro).result()
