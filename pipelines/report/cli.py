"""``partnerships report [--out PATH]``: write the HTML report from the serving copy."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def add_report_parser(sub) -> argparse.ArgumentParser:
    p = sub.add_parser("report", help="write the HTML report of the marts (reads the serving copy)")
    p.add_argument("--out", help="where to write it (default: report.html beside the serving copy)")
    p.add_argument("--serving", help="the serving copy to read (default: the one beside $PARTNERSHIPS_WAREHOUSE)")
    return p


def run_report(args: argparse.Namespace) -> int:
    from pipelines import settings
    from pipelines.report import build_report
    from pipelines.serving import serving_path

    source = Path(args.serving) if args.serving else serving_path(settings.warehouse_path())
    try:
        built = build_report(source, Path(args.out) if args.out else None)
    except FileNotFoundError as exc:
        print(f"partnerships: error: {exc}", file=sys.stderr)
        return 2
    print(f"report: {built.path}")
    for c in built.missing:
        print(f"  not drawn: {c.title}: {c.note}", file=sys.stderr)
    return 0
