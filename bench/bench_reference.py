"""University reference benchmark: table load, index build and find_all speed.

    python bench/bench_reference.py [--pages DIR] [--repeat 5]

Loads the packaged universities table, builds the index, then times
``UniversityIndex.find_all`` on 2 KB pieces of text: a fixed synthetic text
(names, aliases, abbreviations) and, when the shared devset is present, every
2 KB piece of its pages. Prints ms per 2 KB (median and 95th percentile, best of
``--repeat`` runs per piece) with and without abbreviations. Target: median
<= 1.0 ms per 2 KB on the synthetic text; exit status 1 when it is missed.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipelines.reference import UniversityIndex, load_universities  # noqa: E402

TARGET_MS = 1.0
SYNTHETIC = (
    "Xiangtan University signed strategic cooperation agreements with Tsinghua University, "
    "Shanghai Jiaotong University and the local governments of Xiangtan and Zhuzhou; HUST, TJU and "
    "Monash University joined, as did the Institute of Physics, Chinese Academy of Sciences. "
) * 12


def _pieces(pages_dir: Path) -> list[str]:
    out = []
    for f in sorted(pages_dir.glob("*.txt")):
        text = f.read_text(encoding="utf-8")
        out += [text[i:i + 2048] for i in range(0, len(text), 2048)]
    return out


def _time(idx: UniversityIndex, pieces: list[str], repeat: int, abbreviations: bool) -> list[float]:
    per_piece = []
    for text in pieces:
        idx.find_all(text, abbreviations=abbreviations)  # warm
        best = float("inf")
        for _ in range(repeat):
            t0 = time.perf_counter()
            idx.find_all(text, abbreviations=abbreviations, page_url="https://www.example.com/news/1.html")
            best = min(best, time.perf_counter() - t0)
        per_piece.append(best * 1000)
    return per_piece


def _p95(values: list[float]) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(0.95 * (len(values) - 1))))]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--pages", type=Path, default=ROOT.parent / "shared" / "devset" / "pages")
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args(argv)

    t0 = time.perf_counter()
    rows = load_universities()
    t1 = time.perf_counter()
    idx = UniversityIndex(rows)
    t2 = time.perf_counter()
    print(f"table: {len(rows)} rows; load {t1 - t0:.2f} s, index build {t2 - t1:.2f} s")

    sets = [("synthetic", [SYNTHETIC[:2048]] * 20)]
    if args.pages.is_dir():
        sets.append((f"devset pages ({args.pages})", _pieces(args.pages)))
    else:
        print(f"(no pages at {args.pages}: synthetic text only)")
    ok = True
    for label, pieces in sets:
        for abbreviations in (False, True):
            ms = _time(idx, pieces, args.repeat, abbreviations)
            med = statistics.median(ms)
            print(f"{label}, abbreviations={abbreviations}: median {med:.3f} ms, p95 {_p95(ms):.3f} ms "
                  f"per 2 KB ({len(ms)} pieces)")
            if label == "synthetic" and med > TARGET_MS:
                ok = False
    print("target met" if ok else f"target missed: median > {TARGET_MS} ms per 2 KB on the synthetic text")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
