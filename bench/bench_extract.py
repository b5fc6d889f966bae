"""Time the extractor (NLP pipeline included) on the shared pages.

``python bench/bench_extract.py [DIR ...]`` prints, per page one at a time, the median and 95th-percentile ms per
page over five rounds (after a warm-up that loads the spaCy model and the reference tables), and the throughput of
the batched ``extract_documents`` over all pages (one ``nlp.pipe`` over every sentence).
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pipelines.evaluate import parse_page_file  # noqa: E402
from pipelines.extract import extract_document, extract_documents  # noqa: E402
from pipelines.extract.nlp import model_name  # noqa: E402

REPO = Path(__file__).resolve().parent.parent


def main(dirs: list[str]) -> int:
    dirs = dirs or [str(REPO.parent / "shared" / "seeds"), str(REPO.parent / "shared" / "devset" / "pages")]
    pages = [parse_page_file(p, p.stem) for d in dirs for p in sorted(Path(d).glob("*.txt"))]
    if not pages:
        print("no pages found in", dirs)
        return 1
    t0 = time.perf_counter()
    for p in pages:  # warm-up: model, reference tables, caches
        extract_document(p.text, document_id=p.document_id, url=p.url)
    warm = time.perf_counter() - t0
    times = []
    for _ in range(5):
        for p in pages:
            t0 = time.perf_counter()
            extract_document(p.text, document_id=p.document_id, url=p.url)
            times.append((time.perf_counter() - t0) * 1000)
    times.sort()
    p95 = times[int(0.95 * (len(times) - 1))]
    chars = sum(len(p.text) for p in pages) / len(pages)
    batch = []
    for _ in range(3):
        t0 = time.perf_counter()
        extract_documents([dict(text=p.text, document_id=p.document_id, url=p.url) for p in pages])
        batch.append((time.perf_counter() - t0) * 1000 / len(pages))
    print(f"model {model_name()}; {len(pages)} pages (avg {chars:.0f} chars); first pass incl. model load {warm:.1f} s")
    print(f"one page at a time, 5 rounds: median {statistics.median(times):.1f} ms/page, p95 {p95:.1f}, "
          f"max {times[-1]:.1f}")
    print(f"batched (extract_documents, one nlp.pipe), 3 rounds: median {statistics.median(batch):.1f} ms/page")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
