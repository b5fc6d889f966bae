"""The staging load alone, at N sources: one bulk load versus a load per source, and the no-change rerun.

    python bench/bench_staging.py [--n 1000,5000] [--runs 3] [--seed 7]

The work files (pages, documents, facts) of N generated sources are written
directly (bench/corpus.py's pages and true facts stand in for parse and
extraction, so no model is loaded), then loaded into an empty warehouse three
ways: source by source (one transaction each, as each per-source run does), all
at once (pipelines.stage_load.load_many: one DELETE and one INSERT per table),
and again all at once with nothing changed (every source skipped by its
fingerprint) and with 5 % of the sources changed. Median wall and CPU seconds
over the runs. Target (issue 11): the staging step at N = 1,000 under 15 s.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import resource
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from pipelines import stages, warehouse  # noqa: E402
from pipelines.registry import Source  # noqa: E402


def write_work(n: int, seed: int, work: stages.WorkStore, edit: float = 0.0) -> list[Source]:
    """Work files of n generated sources (facts: the corpus's true facts, evidence = their sentence's position)."""
    import random

    import corpus

    rng = random.Random(seed)
    srcs = [corpus._source(rng, i) for i in range(n)]  # noqa: SLF001 - the generator's own pages
    edit_rng = random.Random(f"{seed}-{edit}")
    for i in sorted(edit_rng.sample(range(n), round(n * edit))) if edit else []:
        corpus._agreement(edit_rng, srcs[i]["page"], srcs[i]["university"], srcs[i]["university"])  # noqa: SLF001
    sources = []
    for s in srcs:
        text = " ".join(s["page"].sentences)
        doc_id = s["id"]
        h = hashlib.sha256(text.encode()).hexdigest()
        work.write("pages", s["id"], {"pages": [{"source_id": s["id"], "url": None, "final_url": None, "mode": "snapshot",
                                                 "status": None, "ok": True, "changed": True, "content_hash": h,
                                                 "bytes": len(text), "error": None, "fetched_at": "2026-11-30T02:00:00"}]})
        work.write("documents", s["id"], {"documents": [{"document_id": doc_id, "source_id": s["id"], "url": None,
                                                         "title": s["title"], "published": s["published"],
                                                         "university": s["university"], "content_hash": h, "text": text}],
                                          "errors": []})
        facts = {"document": {"id": doc_id}}
        for table, rows in s["page"].facts.items():
            facts[table] = [{**f, "document_id": doc_id, "url": None, "evidence": text[:80], "evidence_start": 0,
                             "evidence_end": 80} for f in rows]
        work.write("facts", s["id"], {"documents": [facts], "errors": []})
        sources.append(Source(id=s["id"], publisher=s["university"], snapshot=f"x/{s['id']}.html"))
    return sources


def _cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def timed(fn) -> tuple[float, float]:
    t, c = time.monotonic(), _cpu()
    fn()
    return time.monotonic() - t, _cpu() - c


def bench_n(n: int, runs: int, seed: int, loop: bool = True) -> dict:
    root = Path(tempfile.mkdtemp(prefix=f"bench-staging-{n}-"))
    try:
        work = stages.WorkStore(root / "work")
        sources = write_work(n, seed, work)
        rows = {"loop": [], "bulk": [], "rerun": [], "changed": []}
        for i in range(runs):
            if loop:
                with warehouse.connect(root / f"loop{i}.duckdb") as con:
                    rows["loop"].append(timed(lambda: [stages.load(s, work=work, con=con) for s in sources]))
            with warehouse.connect(root / f"bulk{i}.duckdb") as con:
                rows["bulk"].append(timed(lambda: stages.load_many(sources, work=work, con=con)))
                rows["rerun"].append(timed(lambda: stages.load_many(sources, work=work, con=con)))
                write_work(n, seed, work, edit=0.05)
                rows["changed"].append(timed(lambda: stages.load_many(sources, work=work, con=con)))
                facts = sum(warehouse.scalar(con, f"select count(*) from raw.{t}") for t in warehouse.FACT_TABLES)
                write_work(n, seed, work)
            (root / f"loop{i}.duckdb").unlink(missing_ok=True)
            (root / f"bulk{i}.duckdb").unlink()
        med = statistics.median
        return {"n": n, "runs": runs, "facts": facts,
                **{k: (med(w for w, _ in v), med(c for _, c in v)) if v else (float("nan"),) * 2 for k, v in rows.items()},
                "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}
    finally:
        shutil.rmtree(root, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", default=os.environ.get("BENCH_STAGING_N", "1000,5000"))
    parser.add_argument("--runs", type=int, default=int(os.environ.get("BENCH_RUNS", 3)))
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--loop-max", type=int, default=int(os.environ.get("BENCH_STAGING_LOOP_MAX", 1000)),
                        help="time the per-source loop only up to this N (it grows with N squared)")
    args = parser.parse_args(argv)
    print(f"staging load benchmark: N = {args.n}, {args.runs} run(s), load average {os.getloadavg()[0]:.1f} at start")
    print(f"{'N':>6} {'facts':>7} {'per-source loop':>18} {'one bulk load':>16} {'no-change rerun':>18} {'5% changed':>14} "
          f"{'peak RSS MB':>12}   (wall s / CPU s, medians)")
    for n in (int(x) for x in args.n.split(",") if x.strip()):
        r = bench_n(n, args.runs, args.seed, loop=n <= args.loop_max)
        cell = lambda k: f"{r[k][0]:.2f}/{r[k][1]:.2f}"  # noqa: E731
        print(f"{n:>6} {r['facts']:>7} {cell('loop'):>18} {cell('bulk'):>16} {cell('rerun'):>18} {cell('changed'):>14} "
              f"{r['rss_mb']:>12.0f}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
