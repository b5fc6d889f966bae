"""`partnerships run` killed, stopped, or started twice: nothing blocks, nothing is lost.

The end-to-end tests run the real console script as separate processes, each
against its own DAGSTER_HOME and warehouse in a temp dir, over the smallest
bundled source.
"""

from __future__ import annotations

import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import dagster as dg
import duckdb
import pytest

from pipelines import cli, processes, run_control
from tests.shell_env import shell_env

REPO_ROOT = Path(__file__).resolve().parent.parent
SOURCE = "chinadaily_education_xaut"
EXE = Path(sys.executable).parent / "partnerships"


@pytest.fixture
def run_env(tmp_path, monkeypatch) -> dict[str, str]:
    home = tmp_path / "dagster_home"
    home.mkdir()
    (home / "dagster.yaml").write_text((REPO_ROOT / ".dagster_home" / "dagster.yaml").read_text())
    env = shell_env(tmp_path, home)
    monkeypatch.setenv("DAGSTER_HOME", str(home))
    return env


def start_run(env, *extra: str, log: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [str(EXE), "run", "--source", SOURCE, *extra],
        cwd=REPO_ROOT, env=env, stdout=log.open("wb"), stderr=subprocess.STDOUT,
    )


def wait_for(predicate, timeout: float, what: str, proc: subprocess.Popen | None = None, log: Path | None = None):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        if proc is not None and proc.poll() is not None:
            pytest.fail(f"process exited ({proc.returncode}) before {what}:\n{tail(log)}")
        time.sleep(0.5)
    pytest.fail(f"timed out after {timeout} s waiting for {what}:\n{tail(log)}")


def tail(log: Path | None, n: int = 4000) -> str:
    return log.read_text(errors="replace")[-n:] if log and log.exists() else ""


def descendants(pid: int) -> list[int]:
    found, frontier = [], [pid]
    while frontier:
        parent = frontier.pop()
        kids = processes.child_pids(parent)
        found += kids
        frontier += kids
    return found


def cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return ""


@pytest.mark.timeout(1800)  # two pipeline runs, in separate processes
def test_killed_run_blocks_nothing_and_a_second_run_queues_behind_the_first(run_env, tmp_path):
    """Two runs started together: the second queues, saying so. The first is SIGKILLed while dbt
    builds: its dbt dies with it, and the second marks it failed, frees its pool slot and completes."""
    log_a, log_b, log_c = tmp_path / "a.log", tmp_path / "b.log", tmp_path / "c.log"
    first = start_run(run_env, log=log_a)
    wait_for(lambda: (Path(run_env["PARTNERSHIPS_WAREHOUSE"]).parent / run_control.LOCK_NAME).exists(),
             120, "the first run to take the warehouse", first, log_a)
    second = start_run(run_env, log=log_b)
    try:
        wait_for(lambda: "another `partnerships run`" in tail(log_b), 120, "the second run to say it waits", second, log_b)
        assert f"pid {first.pid}" in tail(log_b)

        # a third one asked not to wait says clearly that a run is going on, and leaves
        third = start_run(run_env, "--no-wait", log=log_c)
        assert third.wait(timeout=600) == 3
        assert "another `partnerships run`" in tail(log_c) and "is running on" in tail(log_c)

        dbt = wait_for(lambda: [p for p in descendants(first.pid) if " build" in cmdline(p) and "dbt" in cmdline(p)],
                       300, "the first run's dbt build", first, log_a)
        first.send_signal(signal.SIGKILL)
        first.wait(timeout=30)
        wait_for(lambda: not any(Path(f"/proc/{p}").exists() and "dbt" in cmdline(p) for p in dbt),
                 30, "the killed run's dbt to exit")

        assert second.wait(timeout=1500) == 0, tail(log_b)
    finally:
        for proc in (first, second):
            if proc.poll() is None:
                proc.kill()
                proc.wait()
    out = log_b.read_text(errors="replace")
    said = [line for line in out.splitlines() if line.startswith("partnerships:")]
    assert any(f"(pid {first.pid}) died without finishing: marked it failed and freed its pool slots" in line
               for line in said), said
    assert "fct_agreements" in out

    with dg.DagsterInstance.get() as instance:
        runs = instance.get_runs()
        # each `partnerships run` is a refresh_source run, then a refresh_marts run; the first was
        # killed in its marts run (dbt build), everything else succeeded
        statuses = sorted((r.job_name, r.status.value) for r in runs)
        assert statuses == [("refresh_marts", "FAILURE"), ("refresh_marts", "SUCCESS"),
                            ("refresh_source", "SUCCESS"), ("refresh_source", "SUCCESS")], statuses
        killed = next(r for r in runs if r.status == dg.DagsterRunStatus.FAILURE)
        assert killed.tags[run_control.PID_TAG] == str(first.pid)
        assert not instance.event_log_storage.get_concurrency_run_ids()  # no slot left held
        # runs from the shell are runs in the UI: recorded in this DAGSTER_HOME as the source's partition,
        # and the registry's sources became its partitions without a daemon (was tests/test_shell_runs.py's
        # own pipeline run; this run is the same `partnerships run --source`, so it is checked here)
        assert [r.tags.get("dagster/partition") for r in runs if r.job_name == "refresh_source"] == [SOURCE, SOURCE]
        assert SOURCE in instance.get_dynamic_partitions("sources")

    # nothing lost: the source's documents and facts reached the warehouse and the serving copy
    wh = Path(run_env["PARTNERSHIPS_WAREHOUSE"])
    for path in (wh, wh.parent / "serving" / wh.name):
        con = duckdb.connect(str(path), read_only=True)
        try:
            assert con.execute("select count(*) from raw.documents where source_id = ?", [SOURCE]).fetchone()[0] > 0
            assert con.execute("select count(*) from marts.fct_agreements").fetchone()[0] > 0
        finally:
            con.close()


@pytest.mark.timeout(900)
def test_sigterm_stops_a_run_waiting_for_the_pool_and_says_what_it_waited_for(run_env, tmp_path):
    """A live run (here a stand-in) holds the warehouse slot: the new run says so, and SIGTERM stops it
    at once, marked canceled, with no slot left to it."""
    blocker = str(uuid.uuid4())
    with dg.DagsterInstance.get() as instance:
        instance.add_run(dg.DagsterRun(job_name="ui_launched_run", run_id=blocker, status=dg.DagsterRunStatus.STARTED))
        storage = instance.event_log_storage
        storage.set_concurrency_slots(run_control.POOL, 1)
        assert storage.claim_concurrency_slot(run_control.POOL, blocker, "dbt_models").is_claimed

    log = tmp_path / "run.log"
    proc = start_run(run_env, log=log)
    try:
        wait_for(lambda: "waiting: step" in tail(log), 300, "the run to report its pool wait", proc, log)
        said = log.read_text(errors="replace")
        assert f"slot of pool '{run_control.POOL}'" in said and blocker in said, said
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=60) == 128 + signal.SIGTERM
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert "stopped and marked canceled" in tail(log)

    with dg.DagsterInstance.get() as instance:
        (stopped,) = [r for r in instance.get_runs() if r.run_id != blocker]
        assert stopped.status == dg.DagsterRunStatus.CANCELED
        assert instance.event_log_storage.get_concurrency_run_ids() == {blocker}


def test_the_summary_reads_the_serving_copy_while_a_writer_holds_the_warehouse(tmp_path, capsys):
    """After a run, the row counts never open the warehouse (where a writer may be at work)."""
    wh = tmp_path / "partnerships.duckdb"
    serving = tmp_path / "serving" / wh.name
    serving.parent.mkdir()
    with duckdb.connect(str(serving)) as con:
        con.execute("create schema marts; create table marts.fct_agreements as select range as i from range(7)")
    writer = subprocess.Popen(
        [sys.executable, "-c", f"import duckdb, sys, time; c = duckdb.connect({str(wh)!r}); "
         "c.execute('create table t(i int)'); print('locked', flush=True); time.sleep(60)"],
        stdout=subprocess.PIPE, text=True,
    )
    try:
        assert writer.stdout.readline().strip() == "locked"
        cli.print_summary(wh)
    finally:
        writer.kill()
        writer.wait()
    out = capsys.readouterr().out
    assert "fct_agreements" in out and " 7 rows" in out


def test_a_dead_cli_run_is_recognised_and_a_live_one_is_left_alone(run_env):
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    with dg.DagsterInstance.get() as instance:
        live_tags = run_control.this_process_tags()
        dead_tags = {**live_tags, run_control.PID_TAG: str(dead.pid), run_control.PROC_START_TAG: "1"}
        for run_id, tags in (("live", live_tags), ("dead", dead_tags)):
            instance.add_run(dg.DagsterRun(job_name="nightly_refresh", run_id=run_id,
                                           status=dg.DagsterRunStatus.STARTED, tags=tags))
        instance.event_log_storage.set_concurrency_slots(run_control.POOL, 2)
        for run_id in ("live", "dead"):
            assert instance.event_log_storage.claim_concurrency_slot(run_control.POOL, run_id, "step").is_claimed
        messages = []
        assert run_control.recover_dead_runs(instance, say=messages.append) == ["dead"]
        assert instance.get_run_by_id("dead").status == dg.DagsterRunStatus.FAILURE
        assert instance.get_run_by_id("live").status == dg.DagsterRunStatus.STARTED
        assert instance.event_log_storage.get_concurrency_run_ids() == {"live"}
        assert "dead" in messages[0]
