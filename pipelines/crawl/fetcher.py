"""The polite HTTP fetcher: one request at a time per host, robots.txt, retries, caps.

asyncio + ``httpx.AsyncClient``. Each host has a :class:`HostGate` (a FIFO lock
plus the earliest time of its next request), so requests to one host are
serial and spaced by the delay (plus jitter), while different hosts proceed in
parallel, up to ``max_connections`` requests in flight overall.

:meth:`Fetcher.fetch` never raises for a network or HTTP problem: it returns a
:class:`FetchOutcome` whose ``error`` says what went wrong and names the URL.
"""

from __future__ import annotations

import asyncio
import contextlib
import email.utils
import logging
import random
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from datetime import datetime, timezone
from urllib.parse import urljoin, urlsplit

import httpx
from protego import Protego

from pipelines.crawl.config import CrawlSettings
from pipelines.crawl.links import HTTP_SCHEMES, host_allowed, host_of, same_site
from pipelines.crawl.netguard import AddressPolicy, BlockedAddress, guard_transport
from pipelines.crawl.store import header_value

log = logging.getLogger("pipelines.crawl")

RETRY_STATUSES = frozenset({408, 429, 500, 502, 503, 504}) | frozenset(range(505, 600))
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
ROBOTS_MAX_BYTES = 512 * 1024  # RFC 9309: parse at least 500 KiB
ACCEPT = "text/html,application/xhtml+xml,application/pdf;q=0.9,*/*;q=0.8"


@dataclass
class FetchOutcome:
    """What one page fetch (with its retries and redirects) produced."""

    url: str
    final_url: str
    status: int | None = None
    headers: tuple[tuple[str, str], ...] = ()
    body: bytes | None = None  # the body of a 2xx response
    not_modified: bool = False  # a 304 answered our conditional GET
    error: str | None = None
    attempts: int = 0
    elapsed: float = 0.0
    content_type: str | None = None
    charset: str | None = None
    redirects: list[str] = field(default_factory=list)

    def header(self, name: str) -> str | None:
        return header_value(self.headers, name)


class _Fatal(Exception):
    """A failure that retrying will not fix."""

    def __init__(self, message: str, *, url: str, status: int | None = None, headers=()) -> None:
        super().__init__(message)
        self.url, self.status, self.headers = url, status, tuple(headers)


class _Retryable(_Fatal):
    """A failure worth retrying (408, 429, 5xx, read errors, timeouts)."""

    def __init__(self, message: str, *, url: str, host: str, status: int | None = None,
                 headers=(), retry_after: float | None = None) -> None:
        super().__init__(message, url=url, status=status, headers=headers)
        self.host, self.retry_after = host, retry_after


def parse_retry_after(value: str | None, *, now: datetime | None = None) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or HTTP-date); None if absent/bad."""
    if value is None:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when is None:
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    now = now or datetime.now(timezone.utc)
    return max(0.0, (when - now).total_seconds())


class HostGate:
    """Serialises requests to one host and spaces them by ``delay`` (+ jitter)."""

    def __init__(self, delay: float, jitter: float, rng: random.Random) -> None:
        self.delay = delay
        self.jitter = jitter
        self._rng = rng
        self._lock = asyncio.Lock()
        self._next_at = 0.0  # loop.time() before which no request may start

    def _pause(self) -> float:
        return self.delay + (self._rng.uniform(0, self.jitter) if self.jitter > 0 else 0.0)

    def hold_off(self, seconds: float) -> None:
        """No request to this host for ``seconds`` from now (backoff, Retry-After)."""
        now = asyncio.get_running_loop().time()
        self._next_at = max(self._next_at, now + seconds)

    @contextlib.asynccontextmanager
    async def turn(self) -> AsyncIterator[None]:
        async with self._lock:
            loop = asyncio.get_running_loop()
            while (wait := self._next_at - loop.time()) > 0:
                await asyncio.sleep(wait)
            try:
                yield
            finally:
                self._next_at = max(self._next_at, loop.time() + self._pause())


@dataclass
class _Robots:
    parser: Protego | None = None  # None: no rules (allow everything) unless `refusal`
    refusal: str | None = None  # set: every URL of the origin is refused with this reason


class Fetcher:
    """Use as ``async with Fetcher(settings) as f: outcome = await f.fetch(url)``."""

    def __init__(self, settings: CrawlSettings, *, transport: httpx.AsyncBaseTransport | None = None,
                 rng: random.Random | None = None) -> None:
        self.settings = settings
        self._transport = transport
        self._rng = rng or random.Random()
        self._gates: dict[str, HostGate] = {}
        self._robots: dict[str, asyncio.Task[_Robots]] = {}
        self._client: httpx.AsyncClient | None = None
        self._sem: asyncio.Semaphore | None = None
        # Address checks guard the network: a transport given by the caller (tests) replaces it.
        self._policy: AddressPolicy | None = settings.address_policy if transport is None else None

    async def __aenter__(self) -> Fetcher:
        s = self.settings
        transport = self._transport
        if transport is None:
            limits = httpx.Limits(max_connections=s.max_connections, max_keepalive_connections=s.max_connections)
            transport = guard_transport(httpx.AsyncHTTPTransport(limits=limits), self.settings.address_policy)
        self._client = httpx.AsyncClient(
            headers={"User-Agent": s.user_agent, "Accept": ACCEPT},
            timeout=httpx.Timeout(s.timeout_seconds),
            limits=httpx.Limits(max_connections=s.max_connections,
                                max_keepalive_connections=s.max_connections),
            follow_redirects=False,
            transport=transport,
            trust_env=s.trust_env,
        )
        self._sem = asyncio.Semaphore(s.max_connections)
        return self

    async def __aexit__(self, *exc_info) -> None:
        for task in self._robots.values():
            task.cancel()
        if self._client is not None:
            await self._client.aclose()
            self._client = None

    def gate(self, host: str) -> HostGate:
        gate = self._gates.get(host)
        if gate is None:
            gate = self._gates[host] = HostGate(self.settings.delay_seconds,
                                                self.settings.jitter_seconds, self._rng)
        return gate

    # ---- robots.txt -----------------------------------------------------------------

    async def robots_refusal(self, url: str) -> str | None:
        """None if robots.txt lets us fetch ``url``, else the reason (naming the URL)."""
        if not self.settings.respect_robots:
            return None
        parts = urlsplit(url)
        origin = f"{parts.scheme.lower()}://{parts.netloc.lower()}"
        task = self._robots.get(origin)
        if task is None:
            task = self._robots[origin] = asyncio.ensure_future(self._load_robots(origin))
        robots = await asyncio.shield(task)
        if robots.refusal:
            return f"{url}: {robots.refusal}"
        if robots.parser is not None and not robots.parser.can_fetch(url, self.settings.robots_agent):
            return f"{url}: disallowed by {origin}/robots.txt for {self.settings.robots_agent}"
        return None

    async def _load_robots(self, origin: str) -> _Robots:
        """Fetch and parse ``origin``/robots.txt (RFC 9309 semantics).

        2xx: its rules. 4xx: no rules. 5xx or unreachable (after one retry):
        the whole origin is refused for this run.
        """
        url = f"{origin}/robots.txt"
        host = host_of(url)
        problem = ""
        for attempt in range(2):
            try:
                async with self.gate(host).turn(), self._sem:
                    async with asyncio.timeout(self.settings.max_seconds_per_page):
                        resp, body = await self._get_robots(url)
            except Exception as exc:  # any failure to read it counts as "unreachable"
                problem = f"{type(exc).__name__}: {exc}".rstrip(": ")
            else:
                if 200 <= resp.status_code < 300:
                    text = body.decode("utf-8", errors="replace")
                    try:
                        parser = Protego.parse(text)
                    except Exception as exc:  # a malformed file must not stop the crawl
                        log.warning("%s: unparseable robots.txt (%s); no rules applied", url, exc)
                        return _Robots()
                    self._apply_crawl_delay(host, parser)
                    return _Robots(parser=parser)
                if 400 <= resp.status_code < 500:
                    return _Robots()
                problem = f"HTTP {resp.status_code}"
            if attempt == 0:
                await asyncio.sleep(min(self.settings.backoff_base, self.settings.backoff_max))
        return _Robots(refusal=f"robots.txt at {url} unreachable ({problem}); not fetching (RFC 9309)")

    async def _get_robots(self, url: str) -> tuple[httpx.Response, bytes]:
        assert self._client is not None
        current = url
        for _ in range(5):  # RFC 9309: follow at least five redirects
            async with self._client.stream("GET", current) as resp:
                if resp.status_code in REDIRECT_STATUSES and resp.headers.get("location"):
                    nxt = urljoin(current, resp.headers["location"])
                    if urlsplit(nxt).scheme.lower() not in HTTP_SCHEMES:
                        return httpx.Response(404), b""  # treat as "no robots.txt"
                    if not same_site(url, nxt):  # never leave the site, not even for robots.txt
                        log.info("%s: redirect to another site (%s) not followed; no rules applied",
                                 url, host_of(nxt))
                        return httpx.Response(404), b""
                    current = nxt
                    continue
                chunks, size = [], 0
                async for chunk in resp.aiter_bytes():
                    chunks.append(chunk)
                    size += len(chunk)
                    if size >= ROBOTS_MAX_BYTES:
                        break
                return resp, b"".join(chunks)[:ROBOTS_MAX_BYTES]
        return httpx.Response(404), b""

    def _apply_crawl_delay(self, host: str, parser: Protego) -> None:
        try:
            crawl_delay = parser.crawl_delay(self.settings.robots_agent)
        except Exception:
            crawl_delay = None
        if crawl_delay:
            gate = self.gate(host)
            gate.delay = max(gate.delay, min(float(crawl_delay), self.settings.max_crawl_delay))

    # ---- pages ------------------------------------------------------------------------

    def _backoff(self, retry_number: int) -> float:
        s = self.settings
        base = min(s.backoff_max, s.backoff_base * (2 ** retry_number))
        return base + (self._rng.uniform(0, s.jitter_seconds) if s.jitter_seconds > 0 else 0.0)

    async def fetch(self, url: str, *, allow_hosts: tuple[str, ...] = (), site: str | None = None,
                    etag: str | None = None, last_modified: str | None = None) -> FetchOutcome:
        """GET ``url`` politely; conditional when ``etag``/``last_modified`` are given.

        Every request (``url`` and each redirect hop) must stay on the site of
        ``site`` (default: ``url`` itself) or a host in ``allow_hosts``, and
        resolve to an address the settings allow."""
        started = time.monotonic()
        conditional: dict[str, str] = {}
        if etag:
            conditional["If-None-Match"] = etag
        if last_modified:
            conditional["If-Modified-Since"] = last_modified
        attempts = 0
        while True:
            attempts += 1
            try:
                outcome = await self._attempt(url, allow_hosts, site or url, conditional)
            except _Retryable as exc:
                if attempts > self.settings.max_retries:
                    suffix = f" (gave up after {attempts} attempts)" if attempts > 1 else ""
                    return self._failed(url, exc, f"{exc}{suffix}", attempts, started)
                wait = self._backoff(attempts - 1)
                if exc.retry_after is not None:
                    if exc.retry_after > self.settings.max_retry_after:
                        msg = (f"{exc}; Retry-After {exc.retry_after:.0f}s exceeds the "
                               f"{self.settings.max_retry_after:.0f}s cap, not retrying")
                        return self._failed(url, exc, msg, attempts, started)
                    wait = max(wait, exc.retry_after)
                log.info("%s; retry %d in %.2fs", exc, attempts, wait)
                self.gate(exc.host).hold_off(wait)
                continue
            except _Fatal as exc:
                return self._failed(url, exc, str(exc), attempts, started)
            outcome.attempts = attempts
            outcome.elapsed = time.monotonic() - started
            return outcome

    @staticmethod
    def _failed(url: str, exc: _Fatal, message: str, attempts: int, started: float) -> FetchOutcome:
        return FetchOutcome(url=url, final_url=exc.url, status=exc.status, headers=exc.headers,
                            error=message, attempts=attempts, elapsed=time.monotonic() - started)

    async def _address_refusal(self, url: str) -> str | None:
        """Why ``url``'s host may not be contacted (its resolved addresses), or None."""
        if self._policy is None:
            return None
        parts = urlsplit(url)
        try:
            port = parts.port or (443 if parts.scheme.lower() == "https" else 80)
            await self._policy.allowed_addresses(parts.hostname or "", port)
        except BlockedAddress as exc:
            return f"{url}: {exc}"
        except (OSError, ValueError, UnicodeError):
            return None  # unresolvable: the request itself fails and says so (and is retried)
        return None

    async def _attempt(self, url: str, allowed_hosts: tuple[str, ...], site: str,
                       conditional: dict[str, str]) -> FetchOutcome:
        s = self.settings
        current = url
        redirects: list[str] = []
        if not (same_site(site, url) or host_allowed(host_of(url), allowed_hosts)):
            raise _Fatal(f"{url}: outside the source's site ({host_of(site)}) and not in allow_hosts; "
                         "not fetched", url=url)
        for _hop in range(s.max_redirects + 1):
            scheme = urlsplit(current).scheme.lower()
            if scheme not in HTTP_SCHEMES:
                raise _Fatal(f"{current}: not an http(s) URL (scheme {scheme!r})", url=current)
            refusal = await self._address_refusal(current)
            if refusal:
                raise _Fatal(refusal, url=current)
            refusal = await self.robots_refusal(current)
            if refusal:
                raise _Fatal(refusal, url=current)
            host = host_of(current)
            if not host:
                raise _Fatal(f"{current}: URL has no host", url=current)
            location = await self._request(current, host, conditional)
            if isinstance(location, FetchOutcome):
                location.url, location.redirects = url, redirects
                return location
            target, status = location
            target_scheme = urlsplit(target).scheme.lower()
            if target_scheme not in HTTP_SCHEMES:
                raise _Fatal(f"{current}: HTTP {status} redirect to non-HTTP scheme "
                             f"{target_scheme!r} ({target}) refused", url=current, status=status)
            if not (same_site(site, target) or host_allowed(host_of(target), allowed_hosts)):
                raise _Fatal(f"{current}: HTTP {status} redirect to another site "
                             f"({host_of(target)}) refused: not in allow_hosts",
                             url=current, status=status)
            redirects.append(target)
            current = target
        raise _Fatal(f"{url}: more than {s.max_redirects} redirects", url=current)

    async def _request(self, url: str, host: str,
                       conditional: dict[str, str]) -> FetchOutcome | tuple[str, int]:
        """One GET inside the host's turn: an outcome, or (redirect target, status)."""
        assert self._client is not None and self._sem is not None
        s = self.settings
        async with self.gate(host).turn(), self._sem:
            try:
                async with asyncio.timeout(s.max_seconds_per_page):
                    async with self._client.stream("GET", url, headers=conditional) as resp:
                        return await self._read(url, host, resp)
            except TimeoutError:
                raise _Fatal(f"{url}: exceeded the {s.max_seconds_per_page:g}s time cap per page",
                             url=url) from None
            except httpx.TimeoutException as exc:
                raise _Retryable(f"{url}: timed out ({type(exc).__name__}, "
                                 f"{s.timeout_seconds:g}s timeout)", url=url, host=host) from None
            except (httpx.UnsupportedProtocol, httpx.InvalidURL) as exc:
                raise _Fatal(f"{url}: {exc}", url=url) from None
            except BlockedAddress as exc:  # the connect-time check (e.g. a changed DNS answer)
                raise _Fatal(f"{url}: {exc}", url=url) from None
            except httpx.TransportError as exc:  # read/connect errors, truncated bodies
                raise _Retryable(f"{url}: {type(exc).__name__}: {exc}", url=url, host=host) from None

    async def _read(self, url: str, host: str, resp: httpx.Response) -> FetchOutcome | tuple[str, int]:
        s = self.settings
        status = resp.status_code
        headers = tuple(resp.headers.multi_items())
        if status in REDIRECT_STATUSES:
            location = resp.headers.get("location")
            if not location:
                raise _Fatal(f"{url}: HTTP {status} redirect without a Location header",
                             url=url, status=status, headers=headers)
            try:
                return urljoin(url, location.strip()), status
            except ValueError as exc:
                raise _Fatal(f"{url}: bad redirect Location {location!r}: {exc}",
                             url=url, status=status, headers=headers) from None
        common = dict(url=url, final_url=str(resp.url), status=status, headers=headers,
                      content_type=resp.headers.get("content-type"),
                      charset=resp.charset_encoding)
        if status == 304:
            return FetchOutcome(not_modified=True, **common)
        if status in RETRY_STATUSES:
            raise _Retryable(f"{url}: HTTP {status} {resp.reason_phrase}".rstrip(), url=url,
                             host=host, status=status, headers=headers,
                             retry_after=parse_retry_after(resp.headers.get("retry-after")))
        if not 200 <= status < 300:
            raise _Fatal(f"{url}: HTTP {status} {resp.reason_phrase}".rstrip(),
                         url=url, status=status, headers=headers)
        declared = resp.headers.get("content-length")
        if declared and declared.strip().isdigit() and int(declared) > s.max_bytes:
            raise _Fatal(f"{url}: Content-Length {int(declared)} exceeds the {s.max_bytes}-byte size cap",
                         url=url, status=status, headers=headers)
        chunks: list[bytes] = []
        size = 0
        async for chunk in resp.aiter_bytes():
            size += len(chunk)
            if size > s.max_bytes:
                raise _Fatal(f"{url}: body exceeds the {s.max_bytes}-byte size cap (aborted)",
                             url=url, status=status, headers=headers)
            chunks.append(chunk)
        return FetchOutcome(body=b"".join(chunks), **common)
