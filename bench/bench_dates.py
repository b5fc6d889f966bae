"""Time date finding per sentence: ``python bench/bench_dates.py [DIR ...]``.

Reads the shared pages (``*.txt``: seeds and devset by default), cuts them
into sentences (lines, then ". "), and times ``find_dates`` on every sentence
with each page's publication date, twice: with the span cache cleared before
each page (the cost of a new page; the cached dateparser parsers are kept, as
in a run), and warm, the least of five runs per sentence. Times are CPU time of this process (the machine is shared:
wall time would count other processes' work). Target: mean under 1 ms per
sentence cold. Exit status 1 when the cold mean misses it.
"""

from __future__ import annotations

import re
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pipelines.extract import dates  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
TARGET_MS = 1.0


def _pages(dirs: list[str]) -> list[tuple[str, list[str]]]:
    pages = []
    for d in dirs:
        for path in sorted(Path(d).glob("*.txt")):
            text = path.read_text(encoding="utf-8", errors="replace")
            url = next((line[4:].strip() for line in text.splitlines()[:2] if line.startswith("URL:")), None)
            published = dates.publication_date(text, url, None)
            sentences = [s for line in text.splitlines() for s in re.split(r"(?<=[.!?])\s+", line) if s.strip()]
            pages.append((published, sentences))
    return pages


def _run(pages: list[tuple[str, list[str]]], cold: bool, repeats: int = 1) -> tuple[list[float], int]:
    """ms per sentence (the least of ``repeats`` runs: the machine's noise is not the code's cost)."""
    per_sentence, mentions = [], 0
    for published, sentences in pages:
        if cold:
            dates._parse.cache_clear()
        ctx = dates.DateContext(published=published)
        for s in sentences:
            best = float("inf")
            for _ in range(repeats):
                t0 = time.process_time()
                found = dates.find_dates(s, ctx)
                best = min(best, (time.process_time() - t0) * 1000)
            per_sentence.append(best)
            mentions += len(found)
    return per_sentence, mentions


def main(dirs: list[str]) -> int:
    dirs = dirs or [str(REPO.parent / "shared" / "seeds"), str(REPO.parent / "shared" / "devset" / "pages")]
    pages = _pages(dirs)
    if not pages:
        print("no pages found in", dirs)
        return 1
    _run(pages[:3], cold=True)  # warm-up: dateparser's English data, regex compilation
    cold, mentions = _run(pages, cold=True)
    warm, _ = _run(pages, cold=False, repeats=5)
    for name, times in (("cold", cold), ("warm, least of 5", warm)):
        p95 = statistics.quantiles(times, n=20)[-1]
        print(f"{name}: {len(times)} sentences of {len(pages)} pages, {mentions} date mentions: "
              f"mean {statistics.mean(times):.3f} ms/sentence, median {statistics.median(times):.3f}, "
              f"p95 {p95:.3f}, max {max(times):.2f}")
    ok = statistics.mean(cold) < TARGET_MS
    print(f"target: cold mean < {TARGET_MS} ms/sentence: {'met' if ok else 'MISSED'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
