"""The report: one self-contained HTML page of charts over the marts, readable offline.

Plain Python (no Dagster). It opens only the serving copy, read-only, so it
never blocks the pipeline's writer. Charts are inline SVG drawn here
(pipelines/report/svg.py): the page loads nothing, runs no script and works
from a file, an e-mail attachment or a shared drive.

    from pipelines.report import build_report
    build_report(serving_file, out_file)
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from pipelines.report.charts import Chart, Marts, draw_all
from pipelines.report.page import render


@dataclass(frozen=True)
class Report:
    path: Path
    charts: list[Chart]

    @property
    def missing(self) -> list[Chart]:
        """Charts that could not be drawn (their note says why)."""
        return [c for c in self.charts if c.svg is None]


def report_path(serving_file: Path) -> Path:
    """The default place of the report: ``report.html`` beside the serving copy."""
    return Path(serving_file).parent / "report.html"


def build_report(serving_file: Path, out: Path | None = None, *, parquet_dir: Path | None = None) -> Report:
    """Read the serving copy (read-only) and write the report to ``out`` atomically."""
    from pipelines import serving, warehouse

    serving_file = Path(serving_file)
    if not serving_file.is_file():
        raise FileNotFoundError(f"{serving_file}: no serving copy to report on (build the warehouse first: make run)")
    out = Path(out) if out else report_path(serving_file)
    parquet_dir = Path(parquet_dir) if parquet_dir else serving.parquet_dir(serving_file)
    with warehouse.connect(serving_file, read_only=True) as con:
        marts = Marts(con)
        charts = draw_all(marts)
        headline = _headline(marts)
    html = render(charts, headline=headline, source=serving_file, out=out, parquet_dir=parquet_dir)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(f".{out.name}.tmp")
    tmp.write_text(html, encoding="utf-8")
    os.replace(tmp, out)
    return Report(path=out, charts=charts)


def _headline(m: Marts) -> list[tuple[str, str, int | None]]:
    """(label, mart, row count or None when the mart is missing) for the figures atop the page."""
    out = []
    for label, mart in (
        ("agreements", "fct_agreements"),
        ("funding commitments", "funding_commitments"),
        ("platforms", "fct_platforms"),
        ("documents", "dim_documents"),
        ("sources", "source_health"),
    ):
        n = m.rows(f'SELECT count(*) FROM marts."{mart}"')[0][0] if m.columns(mart) else None
        out.append((label, mart, n))
    return out


__all__ = ["Report", "build_report", "report_path"]
