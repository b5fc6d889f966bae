"""Benchmark: parse and extract of 1, 10 and 50 MB pages (issue 8, item 5).

For each size, a news-like HTML page (nested containers, link lists,
paragraphs with dates, amounts and names) is parsed with
``pipelines.parse.parse_bytes``, its main text cut to the cap
(``PARTNERSHIPS_MAX_TEXT_CHARS``, default 200,000 characters) and
extracted, each in its own forked worker (as the stages run them, but with no
time budget, to measure the full cost). Prints seconds per MB and the peak
memory of the workers, and checks that parsing is linear: the CPU time per MB
at the largest size is at most 1.5 x that at the smallest (CPU time: on a
shared machine the wall time also counts the other processes' load).

    python bench/bench_bigpage.py [--sizes 1 10 50]
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pipelines.limits import PageLimits, cap_text, run_with_budget  # noqa: E402
from pipelines.parse import parse_bytes  # noqa: E402
from pipelines.stages import extract_guarded  # noqa: E402

LINEARITY_TARGET = 1.5

BLOCK = """<div class="item"><div class="inner"><h3>Cooperation news {i}</h3>
<p>On {day} May 2021, Example University {i} signed a strategic cooperation agreement with the People's
Government of Foshan City, Guangdong Province. The city will invest 30 million yuan in a joint research
platform for advanced manufacturing, and the university will train 200 engineers each year.</p>
<ul class="related"><li><a href="/news/{i}a.htm">Related story</a></li><li><a href="/news/{i}b.htm">Another</a></li>
<li><a href="/news/{i}c.htm">More</a></li></ul></div></div>
"""


def page(size_mb: float) -> bytes:
    head = ("<!DOCTYPE html><html><head><meta charset='utf-8'><title>Big page</title></head><body>"
            "<nav><a href='/'>Home</a></nav><div class='content'><h1>Big page</h1>")
    parts, size, i = [head], len(head), 0
    target = int(size_mb * 1_000_000)
    while size < target:
        block = BLOCK.format(i=i, day=1 + i % 28)
        parts.append(block)
        size += len(block)
        i += 1
    parts.append("</div><footer>Copyright 2021</footer></body></html>")
    return "".join(parts).encode()


def children_cpu_s() -> float:
    """CPU seconds (user + system) of the reaped worker processes so far."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def peak_children_mb() -> float:
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=float, nargs="+", default=[1, 10, 50])
    args = parser.parse_args(argv)
    limits = PageLimits.from_env()
    rows = []
    for size in sorted(args.sizes):
        body = page(size)
        mb = len(body) / 1e6
        started, cpu = time.perf_counter(), children_cpu_s()
        parsed = run_with_budget(parse_bytes, body, content_type="text/html; charset=utf-8", url="bench",
                                 kind="html", seconds=3600, what="parse")
        parse_s, parse_cpu = time.perf_counter() - started, children_cpu_s() - cpu
        text, cut_from = cap_text(parsed.text, limits.max_text_chars)
        started = time.perf_counter()
        facts = run_with_budget(extract_guarded, text, document_id="bench", url=None, published="2021",
                                title=parsed.title, university=None, seconds=3600, what="extract")
        extract_s = time.perf_counter() - started
        n_facts = sum(len(facts.get(t, [])) for t in ("agreements", "funding", "platforms", "counts"))
        rows.append((mb, parse_cpu, extract_s))
        verdict = "within" if parse_s + extract_s <= limits.page_seconds else "OVER (recorded as an error)"
        print(f"{mb:6.1f} MB: parse {parse_s:7.1f} s ({parse_s / mb:5.2f} s/MB; CPU {parse_cpu:.1f} s, "
              f"{parse_cpu / mb:.2f} s/MB), text {len(parsed.text):>11,} chars"
              f"{' (cut to ' + format(len(text), ',') + ')' if cut_from else ''}, extract {extract_s:6.1f} s, "
              f"{n_facts} facts; peak worker memory so far {peak_children_mb():,.0f} MB; "
              f"{verdict} the {limits.page_seconds:g} s page budget", flush=True)
    first, last = rows[0], rows[-1]
    ratio = (last[1] / last[0]) / (first[1] / first[0])
    print(f"parse CPU time per MB, largest / smallest page: {ratio:.2f} (target <= {LINEARITY_TARGET}: linear; "
          "CPU time, not wall time: on a shared machine other processes stretch the wall time)")
    return 0 if ratio <= LINEARITY_TARGET else 1


if __name__ == "__main__":
    os.environ.setdefault("DO_NOT_TRACK", "1")
    raise SystemExit(main())
