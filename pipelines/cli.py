"""The ``partnerships`` command.

    partnerships extract PATH [--url URL] [--published YYYY-MM-DD]   facts of one page, as JSON
    partnerships crawl [--registry PATH] [--mode MODE] [--source ID ...]   fetch into the raw store
    partnerships eval [--gold DIR] [--pages DIR] [--part P] [--verbose]  score extraction against gold files
    partnerships run [--source ID ...] [--no-wait]                  the whole pipeline (Dagster runs)
    partnerships report [--out PATH]                                the HTML report of the marts
    partnerships sources                                            list the registry
"""

from __future__ import annotations

import argparse
import json
import os
import re
import signal
import sys
from pathlib import Path

from pipelines import settings

_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def _fail(message: str, code: int = 2) -> int:
    print(f"partnerships: error: {message}", file=sys.stderr)
    return code


def _registry_university(url: str | None) -> str | None:
    """The publishing university of a registered source whose URL is this page's."""
    if not url:
        return None
    from pipelines.registry import load_registry

    try:
        sources = load_registry(settings.registry_path())
    except Exception:  # noqa: BLE001 - the registry is a hint here, not required
        return None
    for source in sources:
        if source.url and source.url.rstrip("/") == url.rstrip("/"):
            return source.university
    return None


def cmd_extract(args: argparse.Namespace) -> int:
    from pipelines.parse import ParseError, parse_file

    path = Path(args.path)
    if path.suffix.lower() not in (".html", ".htm", ".pdf", ".txt"):
        return _fail(f"{path}: unsupported file type {path.suffix or '(none)'!r} (expected .html, .htm, .pdf or .txt)")
    if args.published and not _DATE.match(args.published):
        return _fail(f"--published {args.published!r}: expected YYYY-MM-DD, YYYY-MM or YYYY")
    try:
        page = parse_file(path)
    except ParseError as exc:
        return _fail(str(exc) if str(path) in str(exc) else f"{path}: {exc}")
    except OSError as exc:
        return _fail(f"{path}: cannot read: {exc.strerror or exc}")
    from pipelines.stages import extract_guarded

    try:
        result = extract_guarded(
            page.text,
            document_id=path.stem,
            url=args.url,
            published=args.published or page.published,
            title=page.title,
            university=_registry_university(args.url),
        )
    except ValueError as exc:
        return _fail(f"{path}: {exc}")
    json.dump(result, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    return 0


def cmd_eval(args: argparse.Namespace) -> int:
    from pipelines import evaluate

    argv = []
    if args.gold:
        argv += ["--gold", args.gold]
    if args.pages:
        argv += ["--pages", args.pages]
    if args.part:
        argv += ["--part", args.part]
    if args.verbose:
        argv.append("--verbose")
    return evaluate.main(argv)


def cmd_sources(args: argparse.Namespace) -> int:
    from pipelines.registry import RegistryError, load_registry

    try:
        sources = load_registry(args.registry or settings.registry_path(), include_disabled=True)
    except RegistryError as exc:
        return _fail(str(exc))
    for s in sources:
        flag = "" if s.enabled else "  (disabled)"
        print(f"{s.id:40} {s.kind:5} {s.url or '(snapshot only)'}{flag}")
    return 0


def cmd_run(args: argparse.Namespace) -> int:
    """One run over the sources, then the marts, recorded in $DAGSTER_HOME (default: the UI's .dagster_home/).

    One `partnerships run` per warehouse at a time (a second one queues, or exits 3 with
    --no-wait), checked before the slow part (loading Dagster and the definitions).
    """
    os.environ.setdefault("DO_NOT_TRACK", "1")
    from pipelines import run_control
    from pipelines.registry import RegistryError, load_registry

    try:
        known = {s.id for s in load_registry(settings.registry_path())}
    except RegistryError as exc:
        return _fail(str(exc))
    unknown = [s for s in args.source or [] if s not in known]
    if unknown:
        return _fail(f"unknown source id(s) {unknown}; see `partnerships sources`")
    signal.signal(signal.SIGTERM, signal.default_int_handler)  # SIGTERM stops a waiting run like Ctrl-C
    try:
        with run_control.exclusive_run(settings.warehouse_path(), wait=not args.no_wait):
            return _run_job(args)
    except run_control.RunBusy as exc:
        return _fail(str(exc), code=3)
    except run_control.RunStopped as exc:
        sys.stderr.flush()
        os._exit(128 + exc.signum)  # the run's worker thread is abandoned, not joined
    except KeyboardInterrupt:
        return _fail("stopped before the run started", code=130)


def _run_job(args: argparse.Namespace) -> int:
    from pipelines.runs import run_pipeline

    outcome = run_pipeline(args.source, log_level=args.log_level)
    for sid, error in outcome.failed.items():
        print(f"source {sid} failed (run {outcome.source_runs[sid]}):\n{error}", file=sys.stderr)
    if outcome.marts_error:
        print(f"the marts run {outcome.marts_run} failed:\n{outcome.marts_error}", file=sys.stderr)
    print_summary(settings.warehouse_path())
    if not outcome.success:
        return _fail(f"the pipeline run failed for {sorted(outcome.failed) or ['the marts']} (see the messages above)", code=1)
    return 0


def print_summary(warehouse_file: Path) -> None:
    """Where the warehouse and its serving copy are, and the marts' row counts.

    The counts come from the serving copy, opened read-only: the warehouse itself
    is opened only by the writers in the pool, so this never blocks a later run.
    """
    from pipelines.report import report_path
    from pipelines.serving import parquet_dir, relation_row_counts, serving_path

    serving = serving_path(warehouse_file)
    counts = relation_row_counts(serving, read_only=True)
    print(f"warehouse: {warehouse_file}")
    print(f"serving copy for BI tools: {serving}")
    print(f"marts as Parquet files: {parquet_dir(serving)}/")
    print(f"report: {report_path(serving)}")
    for name in ("fct_agreements", "agreements_per_year", "funding_commitments", "platform_counts"):
        print(f"  {name:24} {counts.get(name, 0):6} rows")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="partnerships", description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("extract", help="extract the facts of one page (.html, .htm, .pdf, .txt) as JSON")
    p.add_argument("path")
    p.add_argument("--url", help="the page's address (used for its date and publishing university)")
    p.add_argument("--published", help="publication date, YYYY-MM-DD (when the page does not say)")
    p.set_defaults(func=cmd_extract)

    p = sub.add_parser("eval", help="score extraction against gold annotations")
    p.add_argument("--gold", help="gold directory (default: ../shared/gold)")
    p.add_argument("--pages", help="directory of the pages' texts (default: found beside the gold directory)")
    p.add_argument("--part", choices=["development", "validation", "all"],
                   help="show only this part of the gold (default: development, validation and all)")
    p.add_argument("--verbose", action="store_true", help="list false positives and negatives, wrong fields")
    p.set_defaults(func=cmd_eval)

    p = sub.add_parser("sources", help="list the registered sources")
    p.add_argument("--registry", help="registry file (default: sources/registry.yml)")
    p.set_defaults(func=cmd_sources)

    p = sub.add_parser("run", help="run the whole pipeline (every source, then the marts)")
    p.add_argument("--source", action="append", help="refresh only this source (repeatable; then the marts)")
    p.add_argument("--log-level", default="INFO", choices=["DEBUG", "INFO", "WARNING", "ERROR"])
    p.add_argument("--no-wait", action="store_true",
                   help="if another run is using the warehouse, exit (code 3) instead of queueing behind it")
    p.set_defaults(func=cmd_run)

    from pipelines.crawl.cli import add_crawl_parser, run_crawl

    add_crawl_parser(sub).set_defaults(func=run_crawl)
    from pipelines.report.cli import add_report_parser, run_report

    add_report_parser(sub).set_defaults(func=run_report)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
