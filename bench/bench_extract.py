"""Time the extractor on the shared pages: ``python bench/bench_extract.py [DIR ...]`` prints ms/page."""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pipelines.evaluate import parse_page_file  # noqa: E402
from pipelines.extract import extract_document  # noqa: E402

REPO = Path(__file__).resolve().parent.parent


def main(dirs: list[str]) -> int:
    dirs = dirs or [str(REPO.parent / "shared" / "seeds"), str(REPO.parent / "shared" / "devset" / "pages")]
    pages = [parse_page_file(p, p.stem) for d in dirs for p in sorted(Path(d).glob("*.txt"))]
    if not pages:
        print("no pages found in", dirs)
        return 1
    for p in pages:  # warm-up: reference table, regex caches
        extract_document(p.text, document_id=p.document_id, url=p.url)
    times = []
    for _ in range(5):
        for p in pages:
            t0 = time.perf_counter()
            extract_document(p.text, document_id=p.document_id, url=p.url)
            times.append((time.perf_counter() - t0) * 1000)
    chars = sum(len(p.text) for p in pages) / len(pages)
    print(f"{len(pages)} pages (avg {chars:.0f} chars), 5 rounds: mean {statistics.mean(times):.2f} ms/page, "
          f"median {statistics.median(times):.2f}, max {max(times):.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
