"""``partnerships crawl``: fetch and store pages without Dagster.

    partnerships crawl [--registry PATH] [--mode MODE] [--source ID ...] [--store DIR]

Prints one line per page (outcome, HTTP status, bytes, changed or not, source,
URL, error or note) and a summary. Exit status: 0 when at least one page has a
usable copy, 1 when every page failed, 2 for bad input (registry, mode, source id,
settings).
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path
from typing import TextIO

from pipelines.crawl.config import FETCH_MODES, CrawlConfigError, CrawlSettings, check_mode, fetch_mode_from_env
from pipelines.crawl.crawler import PageResult, crawl_sources
from pipelines.crawl.store import RawStore, StoreError
from pipelines.registry import DEFAULT_REGISTRY, RegistryError, load_registry
from pipelines.settings import FETCH_MODE_ENV, REGISTRY_ENV, raw_store_path

EXIT_OK, EXIT_ALL_FAILED, EXIT_BAD_INPUT = 0, 1, 2


def add_crawl_parser(subparsers: argparse._SubParsersAction) -> argparse.ArgumentParser:
    """Register the ``crawl`` sub-command; its handler is ``args.func = run_crawl``."""
    parser = subparsers.add_parser(
        "crawl",
        help="fetch the sources into the raw store (no Dagster)",
        description="Fetch (or load the bundled snapshots of) the registry's sources into "
                    "the raw store, printing one line per page and a summary.",
    )
    configure_parser(parser)
    return parser


def configure_parser(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    parser.add_argument("--registry", metavar="PATH", default=None,
                        help=f"registry file (default ${REGISTRY_ENV} or {DEFAULT_REGISTRY})")
    parser.add_argument("--mode", default=None,
                        help=f"fetch mode: {', '.join(FETCH_MODES)} (default ${FETCH_MODE_ENV} "
                             "or snapshot)")
    parser.add_argument("--source", metavar="ID", dest="sources", action="extend", nargs="+",
                        default=None,
                        help="only these source ids (repeatable; a disabled source runs when named)")
    parser.add_argument("--store", metavar="DIR", default=None,
                        help="raw store directory (default $PARTNERSHIPS_RAW_STORE or raw/ "
                             "beside the warehouse)")
    parser.set_defaults(func=run_crawl)
    return parser


def format_result(r: PageResult) -> str:
    if r.ok and r.from_fallback:
        outcome = "FALLBACK"
    elif r.ok:
        outcome = "OK"
    else:
        outcome = "FAILED"
    status = str(r.status) if r.status is not None else "-"
    if not r.ok:
        changed = "-"
    else:
        changed = "changed" if r.changed else "unchanged"
    where = r.url or r.store_key
    line = f"{outcome:<8} {status:>3} {r.bytes:>10,d} B  {changed:<9}  {r.source_id}  {where}"
    if r.is_index:
        line += "  [index]"
    if r.error:
        line += f"  error: {r.error}"
    if r.note:
        line += f"  ({r.note})"
    return line


def summarize(results: list[PageResult], *, mode: str, store: RawStore, seconds: float) -> str:
    ok = [r for r in results if r.ok]
    failed = len(results) - len(ok)
    changed = sum(r.changed for r in ok)
    fallback = sum(r.from_fallback for r in ok)
    return (f"crawl ({mode}): {len(results)} page(s) in {seconds:.1f} s: {len(ok)} ok "
            f"({changed} changed, {len(ok) - changed} unchanged, {fallback} from fallback), "
            f"{failed} failed; store {store.root}")


def run_crawl(args: argparse.Namespace, *, out: TextIO | None = None,
              err: TextIO | None = None) -> int:
    out = out or sys.stdout
    err = err or sys.stderr
    registry = args.registry or os.environ.get(REGISTRY_ENV) or DEFAULT_REGISTRY
    try:
        mode = check_mode(args.mode) if args.mode else fetch_mode_from_env()
        settings = CrawlSettings.from_env()
        wanted = list(dict.fromkeys(args.sources or []))
        sources = load_registry(Path(registry), include_disabled=bool(wanted))
        if wanted:
            by_id = {s.id: s for s in sources}
            unknown = [sid for sid in wanted if sid not in by_id]
            if unknown:
                raise RegistryError(f"{registry}: unknown source id(s): {', '.join(unknown)}")
            sources = [by_id[sid] for sid in wanted]
        store = RawStore(args.store or raw_store_path())
    except (CrawlConfigError, RegistryError, StoreError) as exc:
        print(f"partnerships crawl: {exc}", file=err)
        return EXIT_BAD_INPUT
    if not sources:
        print(f"partnerships crawl: {registry}: no enabled sources", file=err)
        return EXIT_BAD_INPUT

    started = time.monotonic()

    def show(result: PageResult) -> None:
        print(format_result(result), file=out, flush=True)

    results = crawl_sources(sources, mode=mode, store=store, settings=settings, on_result=show)
    print(summarize(results, mode=mode, store=store, seconds=time.monotonic() - started), file=out)
    if results and not any(r.ok for r in results):
        return EXIT_ALL_FAILED
    return EXIT_OK


def main(argv: list[str] | None = None) -> int:
    parser = configure_parser(argparse.ArgumentParser(prog="partnerships crawl"))
    args = parser.parse_args(argv)
    return run_crawl(args)


if __name__ == "__main__":
    raise SystemExit(main())
