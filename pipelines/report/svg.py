"""Charts as inline SVG, drawn in plain Python: no JavaScript, no fonts or files to fetch.

Each function returns one ``<svg>`` element (a string) that scales to the
width of its container. Hovering a bar shows its exact value (SVG ``<title>``).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from html import escape

# Colour-blind-safe palette (Okabe-Ito), then greys for the long tail.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000",
           "#999999", "#BBBBBB", "#666666", "#DDDDDD"]
FONT = "font-family:system-ui,-apple-system,'Segoe UI',Roboto,'Noto Sans',sans-serif"


def number(value: float) -> str:
    """A count as analysts read it: 12, 1,234 (thousands separated), 2.5 when not whole."""
    if value == int(value):
        return f"{int(value):,}"
    return f"{value:,.1f}"


def money(value: float) -> str:
    """US dollars, short: $950, $12.3k, $4.5M, $1.2B."""
    for limit, suffix in ((1e9, "B"), (1e6, "M"), (1e3, "k")):
        if abs(value) >= limit:
            return f"${value / limit:,.1f}{suffix}"
    return f"${value:,.0f}"


def _nice_max(value: float, *, whole: bool = False) -> tuple[float, float]:
    """An axis maximum >= value and a tick step: 1, 2 or 5 times a power of ten, about 5 ticks.

    ``whole``: the values are counts, so the step is at least 1.
    """
    if value <= 0:
        return 1.0, 1.0
    raw = max(value / 5, 1.0) if whole else value / 5
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 5, 10) if m * power >= raw)
    return step * math.ceil(value / step), step


def _short(label: str, limit: int) -> str:
    return label if len(label) <= limit else label[: limit - 1] + "…"


def _svg(width: int, height: int, body: str, label: str) -> str:
    return (
        f'<svg class="chart-svg" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="100%" role="img" aria-label="{escape(label)}" style="{FONT};font-size:12px;max-width:{width}px">'
        f"{body}</svg>"
    )


def horizontal_bars(
    rows: Sequence[tuple[str, float]],
    *,
    label: str,
    fmt: Callable[[float], str] = number,
    color: str = PALETTE[0],
    width: int = 760,
    label_width: int = 260,
) -> str:
    """One bar per (label, value), in the order given."""
    bar_h, gap, top = 20, 6, 8
    height = top + len(rows) * (bar_h + gap) + 8
    vmax = max((v for _, v in rows), default=0) or 1
    plot = width - label_width - 90
    parts = []
    for i, (name, value) in enumerate(rows):
        y = top + i * (bar_h + gap)
        w = max(1.0, plot * value / vmax) if value > 0 else 0
        parts.append(
            f'<g class="bar"><title>{escape(name)}: {escape(fmt(value))}</title>'
            f'<text x="{label_width - 8}" y="{y + bar_h * 0.7:.1f}" text-anchor="end" fill="#222">'
            f"{escape(_short(name, 38))}</text>"
            f'<rect x="{label_width}" y="{y}" width="{w:.1f}" height="{bar_h}" fill="{color}" rx="2"/>'
            f'<text x="{label_width + w + 6:.1f}" y="{y + bar_h * 0.7:.1f}" fill="#444">{escape(fmt(value))}</text></g>'
        )
    return _svg(width, height, "".join(parts), label)


def stacked_columns(
    categories: Sequence[str],
    series: dict[str, Sequence[float]],
    *,
    label: str,
    fmt: Callable[[float], str] = number,
    width: int = 760,
    height: int = 320,
) -> str:
    """One column per category (e.g. a year), stacked by series (e.g. partner type), with a legend and a y axis."""
    names = list(series)
    totals = [sum(series[s][i] for s in names) for i in range(len(categories))]
    whole = all(float(v).is_integer() for s in names for v in series[s])
    vmax, step = _nice_max(max(totals, default=0), whole=whole)
    legend_rows = math.ceil(len(names) / 4)
    left, right, top, bottom = 64, 12, 10 + legend_rows * 18, 36
    plot_w, plot_h = width - left - right, height - top - bottom
    slot = plot_w / max(1, len(categories))
    col_w = max(2.0, slot * 0.72)
    parts = []
    for k, name in enumerate(names):  # legend
        lx, ly = left + (k % 4) * (plot_w / 4), 4 + (k // 4) * 18
        parts.append(
            f'<rect x="{lx:.1f}" y="{ly}" width="11" height="11" fill="{PALETTE[k % len(PALETTE)]}"/>'
            f'<text x="{lx + 15:.1f}" y="{ly + 10}" fill="#222">{escape(_short(name, 24))}</text>'
        )
    tick = 0.0
    while tick <= vmax + 1e-9:  # y axis
        y = top + plot_h - plot_h * tick / vmax
        parts.append(
            f'<line x1="{left}" x2="{width - right}" y1="{y:.1f}" y2="{y:.1f}" stroke="#e3e3e3"/>'
            f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end" fill="#555">{escape(fmt(tick))}</text>'
        )
        tick += step
    every = max(1, math.ceil(len(categories) / 16))  # at most ~16 x labels
    for i, cat in enumerate(categories):
        x = left + i * slot + (slot - col_w) / 2
        base = top + plot_h
        for k, name in enumerate(names):
            value = series[name][i]
            if value <= 0:
                continue
            h = plot_h * value / vmax
            base -= h
            parts.append(
                f'<rect x="{x:.1f}" y="{base:.1f}" width="{col_w:.1f}" height="{h:.1f}" '
                f'fill="{PALETTE[k % len(PALETTE)]}"><title>{escape(cat)} · {escape(name)}: {escape(fmt(value))}'
                f"</title></rect>"
            )
        if i % every == 0:
            parts.append(
                f'<text x="{x + col_w / 2:.1f}" y="{top + plot_h + 16}" text-anchor="middle" fill="#555">'
                f"{escape(cat)}</text>"
            )
    parts.append(f'<line x1="{left}" x2="{width - right}" y1="{top + plot_h}" y2="{top + plot_h}" stroke="#888"/>')
    return _svg(width, height, "".join(parts), label)
