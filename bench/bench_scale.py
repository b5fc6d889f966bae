"""Scale benchmark: the whole pipeline over N generated sources, first run and a no-change rerun.

    python bench/bench_scale.py [--n 200,1000,5000] [--runs 3] [--seed 7]
    BENCH_SCALE_N=200 BENCH_RUNS=1 make bench-scale          # a quick look

For each N a corpus is generated (bench/corpus.py, same seed: same pages), and
each run starts from an empty warehouse in a temporary folder: a first pass
(fetch from the snapshots, parse, extract, one bulk staging load, dbt build,
serving copy), then a second pass with nothing changed. Each pass runs in its
own child process, which reports the wall time of every stage, the extraction
time of every page it extracted, and peak resident memory: its own (the
pipeline) and that of its children (dbt, which holds DuckDB). The stages are
called as plain Python (pipelines.stages), as one Dagster run over every source
calls them; `--dagster` also times `partnerships run` itself (one Dagster run
over every source, then the marts run) over the first --dagster-n sources
(BENCH_DAGSTER_N, several N comma-separated; --dagster-runs medians): the
wall time of the command, of each stage (the Dagster steps' own durations,
read from the run's instance), the rerun's ratio, the peak RSS of its
processes, and what the rerun did per source (from its materializations).

Printed per N: medians over the runs of each stage's wall time, the rerun's
total and its ratio to the first run, peak RSS, and extraction ms per page
(median and p95). CPU seconds are printed beside wall times: the benchmark
machine is shared, and wall time there includes waiting for the CPU.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

STAGES = ("fetch", "parse", "extract", "staging", "dbt", "serving")


def _cpu() -> float:
    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def one_pass(registry: Path, root: Path) -> dict:
    """One nightly pass over every source of the registry, in this process; times per stage."""
    from pipelines import load_state, serving, stages
    from pipelines import warehouse as wh
    from pipelines.crawl import RawStore
    from pipelines.registry import load_registry

    wh_file = root / "partnerships.duckdb"
    store, work = RawStore(root / "raw"), stages.WorkStore(root / "work")
    sources = load_registry(registry)
    times, cpu, out = {}, {}, {"sources": len(sources)}

    def timed(stage, fn):
        t, c = time.monotonic(), _cpu()
        value = fn()
        times[stage], cpu[stage] = time.monotonic() - t, _cpu() - c
        return value

    timed("fetch", lambda: stages.fetch(sources, mode="snapshot", store=store, work=work))
    parsed = timed("parse", lambda: [stages.parse(s, store=store, work=work) for s in sources])
    extract_ms: list[float] = []

    def extract_all():
        results = []
        for s in sources:
            t = time.monotonic()
            r = stages.extract(s, work=work)
            if r.processed:
                extract_ms.append((time.monotonic() - t) * 1000 / r.processed)
            results.append(r)
        return results

    extracted = timed("extract", extract_all)

    def staging():
        with wh.connect(wh_file) as con:
            return stages.load_many(sources, work=work, con=con)

    loaded = timed("staging", staging)

    def dbt():  # as the dbt_models asset decides (load_state.dbt_plan)
        plan, now, checks = load_state.dbt_plan(wh_file, REPO / "dbt_project")
        if plan == "skip":
            return "skipped"
        env = {**os.environ, "PARTNERSHIPS_WAREHOUSE": str(wh_file)}
        only = ["--select", load_state.CHECKS_MODEL] if plan == "checks" else []
        cmd = [str(Path(sys.executable).parent / "dbt"), "build", *only, "--exclude-resource-type", "unit_test",
               "--profiles-dir", ".", "--target-path", str(root / "target"), "--log-path", str(root / "logs"), "--quiet"]
        rc = subprocess.call(cmd, cwd=REPO / "dbt_project", env=env)
        if rc == 0 and plan == "checks":
            load_state.mark_checks_built(wh_file, checks)
        elif rc == 0:
            load_state.mark_dbt_built(wh_file, now, checks)
        return f"{'source_health alone' if only else 'built'} (exit {rc})"

    out["dbt"] = timed("dbt", dbt)
    published = timed("serving", lambda: serving.publish_if_changed(wh_file))
    out["serving"] = "skipped" if published is None else "whole copy" if published.patched is None else "patched"
    out.update(
        times=times, cpu=cpu, extract_ms=extract_ms,
        parsed=sum(r.processed for r in parsed), extracted=sum(r.processed for r in extracted),
        loaded=len(loaded.reports), unchanged=len(loaded.unchanged),
        rss_mb=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        child_rss_mb=resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
    )
    with wh.connect(wh_file) as con:
        out["facts"] = sum(wh.scalar(con, f"select count(*) from raw.{t}") for t in wh.FACT_TABLES)
    return out


def _child(registry: Path, root: Path) -> dict:
    proc = subprocess.run([sys.executable, __file__, "--pass", str(registry), str(root)],
                          capture_output=True, text=True, env={**os.environ, "PYTHONUNBUFFERED": "1"})
    if proc.returncode:
        raise SystemExit(f"bench pass failed:\n{proc.stderr[-4000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


# the Dagster steps of `partnerships run` that make up each stage
# (refresh_sources fetches, parses and extracts in one step, which reports the split; its time recording the events
# counts under "extract"; a failed source's own refresh_source run adds its steps' times)
DAGSTER_STEPS = {"fetch": ("raw_pages",), "parse": ("documents",), "extract": ("facts", "fetch_parse_extract"),
                 "staging": ("staging_tables", "load_staging"), "dbt": ("dbt_models",),
                 "serving": ("serving_copy", "marts_parquet", "report")}


def _run_ids(home: Path) -> set[str]:
    import dagster as dg

    with dg.DagsterInstance.from_config(str(home)) as instance:
        return {r.run_id for r in instance.get_runs()}


def _dagster_stats(home: Path, before: set[str]) -> dict:
    """Per stage: the summed durations of its steps in the runs of one `partnerships run` (those not in
    ``before``: refresh_sources, a refresh_source per failed source, refresh_marts); and what the
    refresh_sources run did, from its events."""
    import dagster as dg

    with dg.DagsterInstance.from_config(str(home)) as instance:
        this = [r for r in instance.get_runs() if r.run_id not in before]
        source_run = next(r for r in this if r.job_name == "refresh_sources")
        steps = {}
        for run in this:  # this `partnerships run`: refresh_sources, refresh_source per failed source, refresh_marts
            for st in instance.get_run_step_stats(run.run_id):
                if st.start_time and st.end_time:
                    steps[st.step_key] = steps.get(st.step_key, 0.0) + st.end_time - st.start_time
        did = {"runs": len(this), "sources_checked": 0, "parse_written": 0, "extract_written": 0, "staging_written": 0,
               "events": 0}
        records = instance.get_records_for_run(source_run.run_id, limit=1_000_000).records
        did["events"] = len(records)
        names = {"raw_pages": "sources_checked", "documents": "parse_written", "facts": "extract_written",
                 "raw/agreements": "staging_written"}
        split = {}
        for rec in records:
            event = rec.event_log_entry.dagster_event
            if event is not None and event.is_step_materialization:
                key = event.event_specific_data.materialization.asset_key.to_user_string()
                if key in names:
                    did[names[key]] += 1
            elif event is not None and event.is_successful_output and event.step_key == "fetch_parse_extract":
                split = {k: v.value for k, v in event.step_output_data.metadata.items() if k.endswith("_s")}
    times = {stage: sum(steps.get(k, 0.0) for k in keys) for stage, keys in DAGSTER_STEPS.items()}
    if split:  # the step's own split of its time (the rest of the step: recording its events)
        times["fetch"] += split.get("fetch_s", 0.0)
        times["parse"] += split.get("parse_s", 0.0)
        times["extract"] -= split.get("fetch_s", 0.0) + split.get("parse_s", 0.0)
    return {"times": times, "did": did}


def _dagster_run(env: dict) -> tuple[float, int, float]:
    """One `partnerships run`: (wall s, exit code, peak RSS MB of it and its children)."""
    t = time.monotonic()
    proc = subprocess.Popen([str(Path(sys.executable).parent / "partnerships"), "run", "--log-level", "ERROR"], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.monotonic() - t
    proc.returncode = os.waitstatus_to_exitcode(status)
    return wall, proc.returncode, usage.ru_maxrss / 1024


def _dagster(registry: Path, n: int, root: Path, runs: int = 1) -> dict:
    """`partnerships run` twice (first, then nothing changed) over the first n sources, `runs` times, each
    time with its own DAGSTER_HOME and warehouse: medians of wall times, stage times and the ratio."""
    sub = root / f"registry-dagster-{n}.yml"
    lines = registry.read_text().splitlines()
    starts = [i for i, ln in enumerate(lines) if ln.startswith("  - id:")]
    end = starts[n] if n < len(starts) else len(lines)
    sub.write_text("\n".join(lines[:end]) + "\n")
    passes = []
    for i in range(runs):
        home = root / f"dagster_home-{n}-{i}"
        home.mkdir(parents=True, exist_ok=True)
        if (REPO / ".dagster_home" / "dagster.yaml").exists():  # the instance settings `make run` uses
            shutil.copy(REPO / ".dagster_home" / "dagster.yaml", home / "dagster.yaml")
        env = {**os.environ, "PARTNERSHIPS_REGISTRY": str(sub), "DAGSTER_HOME": str(home),
               "PARTNERSHIPS_WAREHOUSE": str(root / f"wh-{n}-{i}" / "partnerships.duckdb"),
               "PARTNERSHIPS_FETCH_MODE": "snapshot"}
        one = {}
        for label in ("first", "rerun"):
            before = _run_ids(home)
            wall, rc, rss = _dagster_run(env)
            try:
                stats = _dagster_stats(home, before)
            except Exception as exc:  # noqa: BLE001 - keep the wall times of a long run
                stats = {"times": dict.fromkeys(STAGES, float("nan")), "did": {"stats_error": repr(exc)}}
            one[label] = {"wall": wall, "exit": rc, "rss_mb": rss, **stats}
        print(f"  `partnerships run` N={n} run {i + 1}: first {one['first']['wall']:.1f} s, rerun {one['rerun']['wall']:.1f} s "
              f"(ratio {one['rerun']['wall'] / one['first']['wall']:.3f}), exit {one['first']['exit']}/{one['rerun']['exit']}; "
              f"rerun did {one['rerun']['did']}", flush=True)
        passes.append(one)
        shutil.rmtree(root / f"wh-{n}-{i}", ignore_errors=True)
    med = statistics.median
    return {
        "n": n, "runs": runs,
        "first_s": med(p["first"]["wall"] for p in passes), "rerun_s": med(p["rerun"]["wall"] for p in passes),
        "ratio": med(p["rerun"]["wall"] / p["first"]["wall"] for p in passes),
        "first_stages": {s: med(p["first"]["times"][s] for p in passes) for s in STAGES},
        "rerun_stages": {s: med(p["rerun"]["times"][s] for p in passes) for s in STAGES},
        "rss_mb": max(p[k]["rss_mb"] for p in passes for k in ("first", "rerun")),
        "exit": sorted({p[k]["exit"] for p in passes for k in ("first", "rerun")}),
        "rerun_did": passes[-1]["rerun"]["did"],
    }


def report_dagster(results: list[dict]) -> None:
    print("\n`partnerships run` (one Dagster run over every source, then the marts run): seconds, median over the runs "
          "(stage = its Dagster steps' durations; the total is the command's wall time)")
    print(f"{'N':>6} {'pass':>7} " + " ".join(f"{s:>8}" for s in STAGES) + f" {'total':>9}")
    for r in results:
        for label, key, total in (("first", "first_stages", r["first_s"]), ("rerun", "rerun_stages", r["rerun_s"])):
            print(f"{r['n']:>6} {label:>7} " + " ".join(f"{r[key][s]:8.2f}" for s in STAGES) + f" {total:9.2f}")
        print(f"{'':>6} no-change rerun / first run: {r['ratio']:.3f} ({r['runs']} run(s)); peak RSS {r['rss_mb']:.0f} MB; "
              f"exit codes {r['exit']}; rerun did {r['rerun_did']}")


def _p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1] if len(values) >= 2 else (values[0] if values else float("nan"))


def bench_n(n: int, runs: int, seed: int, keep: Path | None) -> dict:
    import corpus

    root = Path(tempfile.mkdtemp(prefix=f"bench-scale-{n}-"))
    try:
        info = corpus.generate(n, seed, root / "corpus")
        registry = root / "corpus" / "registry.yml"
        firsts, reruns = [], []
        for i in range(runs):
            work = root / f"run{i}"
            first, rerun = _child(registry, work), _child(registry, work)
            firsts.append(first)
            reruns.append(rerun)
            total1, total2 = sum(first["times"].values()), sum(rerun["times"].values())
            print(f"  N={n} run {i + 1}: first {total1:7.1f} s, rerun {total2:6.1f} s (ratio {total2 / total1:.3f}); "
                  f"rerun parsed {rerun['parsed']}, extracted {rerun['extracted']}, loaded {rerun['loaded']}, "
                  f"dbt {rerun['dbt']}, serving {rerun['serving']}", flush=True)
            shutil.rmtree(work, ignore_errors=True)
        med = statistics.median
        ms = [m for f in firsts for m in f["extract_ms"]]
        result = {
            "n": n, "runs": runs, "facts_generated": info["facts"], "facts_loaded": firsts[0]["facts"],
            "first": {s: med(f["times"][s] for f in firsts) for s in STAGES},
            "first_cpu": {s: med(f["cpu"][s] for f in firsts) for s in STAGES},
            "rerun": {s: med(r["times"][s] for r in reruns) for s in STAGES},
            "rerun_cpu": {s: med(r["cpu"][s] for r in reruns) for s in STAGES},
            "ratio_cpu": med(sum(r["cpu"].values()) / sum(f["cpu"].values()) for f, r in zip(firsts, reruns)),
            "first_total": med(sum(f["times"].values()) for f in firsts),
            "rerun_total": med(sum(r["times"].values()) for r in reruns),
            "ratio": med(sum(r["times"].values()) / sum(f["times"].values()) for f, r in zip(firsts, reruns)),
            "rss_mb": max(f["rss_mb"] for f in firsts + reruns),
            "dbt_rss_mb": max(f["child_rss_mb"] for f in firsts),
            "extract_ms_median": med(ms) if ms else None, "extract_ms_p95": _p95(ms) if ms else None,
            "rerun_work": {k: reruns[-1][k] for k in ("parsed", "extracted", "loaded", "dbt", "serving")},
        }
        if keep:
            shutil.copytree(root / "corpus", keep / f"corpus-{n}", dirs_exist_ok=True)
        return result
    finally:
        shutil.rmtree(root, ignore_errors=True)
        shutil.rmtree(corpus.SNAPSHOTS / "generated" / corpus.corpus_name(n, seed), ignore_errors=True)


def report(results: list[dict]) -> None:
    print("\nper-stage times, seconds: median over the runs (wall; CPU of the pass and its children)")
    print(f"{'N':>6} {'pass':>12} " + " ".join(f"{s:>8}" for s in STAGES) + f" {'total':>9}")
    for r in results:
        for label, key, total in (("first wall", "first", r["first_total"]), ("rerun wall", "rerun", r["rerun_total"]),
                                  ("first CPU", "first_cpu", None), ("rerun CPU", "rerun_cpu", None)):
            total = sum(r[key].values()) if total is None else total
            print(f"{r['n']:>6} {label:>12} " + " ".join(f"{r[key][s]:8.2f}" for s in STAGES) + f" {total:9.2f}")
        print(f"{'':>6} no-change rerun / first run: wall {r['ratio']:.3f}, CPU {r['ratio_cpu']:.3f}; "
              f"rerun did: {r['rerun_work']}")
    print(f"\n{'N':>6} {'peak RSS MB (pipeline)':>23} {'peak RSS MB (dbt)':>18} {'extract ms/page med':>20} {'p95':>8} {'facts':>8}")
    for r in results:
        print(f"{r['n']:>6} {r['rss_mb']:>23.0f} {r['dbt_rss_mb']:>18.0f} {r['extract_ms_median'] or 0:>20.1f} "
              f"{r['extract_ms_p95'] or 0:>8.1f} {r['facts_loaded']:>8}")


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] == "--pass":
        print(json.dumps(one_pass(Path(argv[1]), Path(argv[2]))))
        return 0
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", default=os.environ.get("BENCH_SCALE_N", "200,1000,5000"))
    parser.add_argument("--runs", type=int, default=int(os.environ.get("BENCH_RUNS", 3)))
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--dagster", action="store_true", help="also time `partnerships run` over --dagster-n sources")
    parser.add_argument("--dagster-n", default=os.environ.get("BENCH_DAGSTER_N", "200"), help="N, or N1,N2")
    parser.add_argument("--dagster-runs", type=int,
                        default=int(os.environ.get("BENCH_DAGSTER_RUNS") or os.environ.get("BENCH_RUNS") or 3))
    parser.add_argument("--json", type=Path, help="also write the results here")
    parser.add_argument("--keep", type=Path, help="keep the generated corpora here")
    args = parser.parse_args(argv)
    print(f"scale benchmark: N = {args.n}, {args.runs} run(s) each, seed {args.seed}; {os.cpu_count()} CPUs, "
          f"load average {os.getloadavg()[0]:.1f} at start", flush=True)
    results = [bench_n(int(n), args.runs, args.seed, args.keep) for n in args.n.split(",") if n.strip()]
    report(results)
    dag = []
    if args.dagster:
        import corpus

        sizes = [int(n) for n in str(args.dagster_n).split(",") if n.strip()]
        root = Path(tempfile.mkdtemp(prefix="bench-dagster-"))
        try:
            corpus.generate(max(sizes), args.seed, root / "corpus")
            dag = [_dagster(root / "corpus" / "registry.yml", n, root, args.dagster_runs) for n in sizes]
        finally:
            shutil.rmtree(root, ignore_errors=True)
            shutil.rmtree(corpus.SNAPSHOTS / "generated" / corpus.corpus_name(max(sizes), args.seed), ignore_errors=True)
        report_dagster(dag)
    if args.json:
        args.json.write_text(json.dumps({"results": results, "dagster": dag}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
