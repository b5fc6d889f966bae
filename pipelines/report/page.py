"""The report's HTML page: the charts, each naming and linking the mart it reads."""

from __future__ import annotations

import os
from datetime import datetime, timezone
from html import escape
from pathlib import Path

from pipelines.report.charts import Chart

CSS = """
body{margin:0;background:#f6f7f9;color:#1d1f23;font:14px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,'Noto Sans',sans-serif}
header{background:#fff;border-bottom:1px solid #dde1e6;padding:18px 28px}
h1{margin:0 0 4px;font-size:22px} h2{margin:0 0 2px;font-size:16px}
.meta{color:#5b6270;font-size:12px}
.figures{display:flex;flex-wrap:wrap;gap:10px;margin-top:12px}
.figure{background:#f0f3f7;border-radius:6px;padding:6px 12px}
.figure b{display:block;font-size:20px}
main{display:grid;grid-template-columns:repeat(auto-fill,minmax(520px,1fr));gap:18px;padding:18px 28px}
figure.chart{margin:0;background:#fff;border:1px solid #dde1e6;border-radius:8px;padding:14px 16px;overflow:auto}
figcaption{color:#5b6270;font-size:12px;margin:2px 0 10px}
a.mart{font-family:ui-monospace,SFMono-Regular,Menlo,monospace;font-size:12px}
p.note{background:#fff6e0;border:1px solid #f0d48a;border-radius:6px;padding:10px 12px;margin:8px 0}
table.detail{border-collapse:collapse;font-size:12px;margin-top:10px;width:100%}
table.detail th,table.detail td{border-bottom:1px solid #e5e7eb;padding:4px 6px;text-align:left;vertical-align:top}
footer{padding:0 28px 24px;color:#5b6270;font-size:12px}
"""


def _mart_link(mart: str, out: Path, parquet_dir: Path) -> str:
    """The mart's name, linking to its Parquet file (relative to the page) when that file exists."""
    name = f"marts.{mart}"
    target = parquet_dir / f"{mart}.parquet"
    if target.is_file():
        href = os.path.relpath(target, out.parent).replace(os.sep, "/")
        return f'<a class="mart" href="{escape(href)}" title="the mart as a Parquet file">{escape(name)}</a>'
    return f'<a class="mart" title="table {escape(name)} of the serving copy">{escape(name)}</a>'


def _figure(c: Chart, out: Path, parquet_dir: Path) -> str:
    body = c.svg if c.svg is not None else f'<p class="note missing">Not drawn: {escape(c.note or "")}.</p>'
    caption = c.caption if c.svg is not None else ""
    return (
        f'<figure class="chart" id="{escape(c.id)}" data-mart="{escape(c.mart)}" '
        f'data-state="{"drawn" if c.svg is not None else "missing"}">'
        f"<h2>{escape(c.title)}</h2>"
        f"<figcaption>{caption} Source: {_mart_link(c.mart, out, parquet_dir)}</figcaption>"
        f"{body}{c.extra_html if c.svg is not None else ''}</figure>"
    )


def render(
    charts: list[Chart], *, headline: list[tuple[str, str, int | None]], source: Path, out: Path, parquet_dir: Path
) -> str:
    figures = "".join(
        f'<div class="figure"><b>{n:,}</b>{escape(label)}</div>' for label, _, n in headline if n is not None
    )
    stamp = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    drawn = sum(1 for c in charts if c.svg is not None)
    return (
        "<!doctype html>\n"
        '<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        "<title>Partnerships — report</title>"
        f"<style>{CSS}</style></head><body>"
        "<header><h1>University–government partnerships</h1>"
        f'<div class="meta">Built {stamp} from <code>{escape(str(source))}</code> (schema <code>marts</code>). '
        f"{drawn} of {len(charts)} charts drawn. Every figure traces back to its sentences: see "
        "<code>marts.fact_evidence</code>.</div>"
        f'<div class="figures">{figures}</div></header>'
        f"<main>{''.join(_figure(c, out, parquet_dir) for c in charts)}</main>"
        "<footer>Self-contained page: no scripts, fonts or images are loaded from anywhere. "
        "Hover a bar for its exact value.</footer>"
        "</body></html>\n"
    )
