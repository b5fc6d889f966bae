"""Crawler configuration: :class:`CrawlSettings` and the fetch mode.

Every setting has an environment variable (read by :meth:`CrawlSettings.from_env`);
a bad value raises :class:`CrawlConfigError` naming the variable.
"""

from __future__ import annotations

import dataclasses
import os
from dataclasses import dataclass

from pipelines.crawl.netguard import AddressPolicy, parse_networks
from pipelines.settings import FETCH_MODE_ENV

FETCH_MODES = ("snapshot", "live", "live_fallback")
DEFAULT_FETCH_MODE = "snapshot"

DEFAULT_USER_AGENT = (
    "PartnershipsBot/0.1 (+https://github.com/partnerships-warehouse/partnerships; "
    "university partnership research crawler)"
)


class CrawlConfigError(ValueError):
    """A crawler setting or fetch mode is invalid; the message names it."""


def check_mode(mode: str) -> str:
    """Return ``mode`` if it is a known fetch mode, else raise CrawlConfigError."""
    if mode not in FETCH_MODES:
        raise CrawlConfigError(f"unknown fetch mode {mode!r}: expected one of {', '.join(FETCH_MODES)}")
    return mode


def fetch_mode_from_env(default: str = DEFAULT_FETCH_MODE) -> str:
    """The fetch mode named by $PARTNERSHIPS_FETCH_MODE (default ``snapshot``)."""
    value = os.environ.get(FETCH_MODE_ENV, "").strip() or default
    try:
        return check_mode(value)
    except CrawlConfigError as exc:
        raise CrawlConfigError(f"${FETCH_MODE_ENV}: {exc}") from None


# field name -> environment variable
ENV_VARS = {
    "user_agent": "PARTNERSHIPS_USER_AGENT",
    "delay_seconds": "PARTNERSHIPS_CRAWL_DELAY",
    "jitter_seconds": "PARTNERSHIPS_CRAWL_JITTER",
    "timeout_seconds": "PARTNERSHIPS_CRAWL_TIMEOUT",
    "max_bytes": "PARTNERSHIPS_CRAWL_MAX_BYTES",
    "max_seconds_per_page": "PARTNERSHIPS_CRAWL_MAX_SECONDS",
    "max_retries": "PARTNERSHIPS_CRAWL_RETRIES",
    "backoff_base": "PARTNERSHIPS_CRAWL_BACKOFF",
    "backoff_max": "PARTNERSHIPS_CRAWL_BACKOFF_MAX",
    "max_retry_after": "PARTNERSHIPS_CRAWL_MAX_RETRY_AFTER",
    "max_connections": "PARTNERSHIPS_CRAWL_MAX_CONNECTIONS",
    "max_redirects": "PARTNERSHIPS_CRAWL_MAX_REDIRECTS",
    "respect_robots": "PARTNERSHIPS_CRAWL_RESPECT_ROBOTS",
    "max_crawl_delay": "PARTNERSHIPS_CRAWL_MAX_ROBOTS_DELAY",
    "trust_env": "PARTNERSHIPS_CRAWL_TRUST_ENV",
    "allow_networks": "PARTNERSHIPS_CRAWL_ALLOW_NETWORKS",
}

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off"}


@dataclass(frozen=True)
class CrawlSettings:
    """How the live crawler behaves. Times are seconds, sizes bytes."""

    user_agent: str = DEFAULT_USER_AGENT
    delay_seconds: float = 1.0  # pause between two requests to the same host
    jitter_seconds: float = 0.5  # plus a random 0..jitter on each pause
    timeout_seconds: float = 20.0  # connect / read / write / pool timeout
    max_bytes: int = 25 * 1024 * 1024  # body size cap (streamed; aborted past it)
    max_seconds_per_page: float = 60.0  # whole-response time cap for one attempt
    max_retries: int = 3  # retries after the first attempt (408, 429, 5xx, read errors)
    backoff_base: float = 1.0  # retry n waits backoff_base * 2**n (plus jitter)
    backoff_max: float = 60.0  # ... capped at this
    max_retry_after: float = 120.0  # a longer Retry-After gives up instead of waiting
    max_connections: int = 16  # open connections across all hosts
    max_redirects: int = 10
    respect_robots: bool = True
    max_crawl_delay: float = 30.0  # robots.txt Crawl-delay is honoured up to this
    trust_env: bool = True  # use HTTP(S)_PROXY / NO_PROXY from the environment
    # non-public networks (loopback, private, link-local ...) the crawler may reach: CIDRs; none by default
    allow_networks: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if not isinstance(self.user_agent, str) or not self.user_agent.strip():
            raise CrawlConfigError("user_agent must be a non-empty string")
        for name in ("delay_seconds", "jitter_seconds", "backoff_base", "backoff_max",
                     "max_retry_after", "max_crawl_delay"):
            if getattr(self, name) < 0:
                raise CrawlConfigError(f"{name} must be >= 0, got {getattr(self, name)!r}")
        for name in ("timeout_seconds", "max_seconds_per_page"):
            if getattr(self, name) <= 0:
                raise CrawlConfigError(f"{name} must be > 0, got {getattr(self, name)!r}")
        for name in ("max_bytes", "max_connections"):
            if getattr(self, name) < 1:
                raise CrawlConfigError(f"{name} must be >= 1, got {getattr(self, name)!r}")
        for name in ("max_retries", "max_redirects"):
            if getattr(self, name) < 0:
                raise CrawlConfigError(f"{name} must be >= 0, got {getattr(self, name)!r}")
        if isinstance(self.allow_networks, str):
            object.__setattr__(self, "allow_networks", tuple(self.allow_networks.split(",")))
        try:
            parse_networks(self.allow_networks)
        except ValueError as exc:
            raise CrawlConfigError(f"allow_networks: {exc}") from None

    @property
    def address_policy(self) -> AddressPolicy:
        """The addresses the crawler may connect to (public ones, plus ``allow_networks``)."""
        return AddressPolicy(parse_networks(self.allow_networks))

    @property
    def robots_agent(self) -> str:
        """The product token robots.txt rules are matched against (``PartnershipsBot``)."""
        return self.user_agent.split("/", 1)[0].split()[0]

    def replace(self, **changes) -> CrawlSettings:
        return dataclasses.replace(self, **changes)

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None, **overrides) -> CrawlSettings:
        """Defaults, then the PARTNERSHIPS_* environment variables, then ``overrides``."""
        env = os.environ if environ is None else environ
        values: dict[str, object] = {}
        types = {f.name: f.type for f in dataclasses.fields(cls)}
        for name, var in ENV_VARS.items():
            raw = env.get(var)
            if raw is None or raw.strip() == "":
                continue
            raw = raw.strip()
            kind = types[name]
            try:
                if kind in ("bool", bool):
                    if raw.lower() in _TRUE:
                        values[name] = True
                    elif raw.lower() in _FALSE:
                        values[name] = False
                    else:
                        raise ValueError("expected true/false")
                elif kind in ("int", int):
                    values[name] = int(raw)
                elif kind in ("float", float):
                    values[name] = float(raw)
                elif name == "allow_networks":
                    values[name] = tuple(v.strip() for v in raw.split(",") if v.strip())
                    parse_networks(values[name])
                else:
                    values[name] = raw
            except ValueError as exc:
                raise CrawlConfigError(f"${var}={raw!r}: {exc}") from None
        values.update(overrides)
        try:
            return cls(**values)
        except CrawlConfigError as exc:
            raise CrawlConfigError(f"crawl settings from environment: {exc}") from None
