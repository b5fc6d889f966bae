"""Polite, incremental fetching of the registry's sources into the raw store.

Plain Python (no Dagster). The stable API used by the Dagster assets and the CLI::

    from pipelines.crawl import CrawlSettings, RawStore, crawl_sources, fetch_mode_from_env

    store = RawStore(raw_store_path())
    results = crawl_sources(sources, mode=fetch_mode_from_env(), store=store)
    for r in results:
        if r.ok and r.changed:
            body = store.read_body(r.content_hash)   # parse from the store, never the network

See docs/crawling.md.
"""

from pipelines.crawl.config import (
    DEFAULT_FETCH_MODE,
    DEFAULT_USER_AGENT,
    ENV_VARS,
    FETCH_MODES,
    CrawlConfigError,
    CrawlSettings,
    check_mode,
    fetch_mode_from_env,
)
from pipelines.crawl.crawler import PageResult, acrawl_sources, crawl_sources, store_key
from pipelines.crawl.fetcher import Fetcher, FetchOutcome
from pipelines.crawl.links import extract_links, same_site, site_of
from pipelines.crawl.store import FetchRecord, RawStore, StoreError, content_hash

__all__ = [
    "DEFAULT_FETCH_MODE",
    "DEFAULT_USER_AGENT",
    "ENV_VARS",
    "FETCH_MODES",
    "CrawlConfigError",
    "CrawlSettings",
    "FetchOutcome",
    "FetchRecord",
    "Fetcher",
    "PageResult",
    "RawStore",
    "StoreError",
    "acrawl_sources",
    "check_mode",
    "content_hash",
    "crawl_sources",
    "extract_links",
    "fetch_mode_from_env",
    "same_site",
    "site_of",
    "store_key",
]
