"""Keeping `partnerships run` safe to kill, to stop and to start twice.

The warehouse writers of every run share the Dagster pool ``warehouse`` (one
slot). A run that dies without finishing (SIGKILL, power loss) would keep its
slot for ever, and every later run would wait on it. So:

* ``exclusive_run`` — one ``partnerships run`` per warehouse at a time: an
  advisory lock file beside the warehouse. The kernel releases it when the
  holder dies, however it dies. A second run waits for the first (saying so)
  or, with ``wait=False``, says that one is running and stops.
* ``recover_dead_runs`` — before a run starts: runs recorded by an earlier
  ``partnerships run`` on this machine whose process is gone are marked failed,
  and the pool slots of every finished or dead run are freed.
* ``supervise`` — the job executes in a worker thread while the main thread
  watches it: it says which run holds the pool slot a waiting step needs, and
  on SIGINT/SIGTERM it stops the run at once (marked canceled, its slots freed,
  its child processes stopped) instead of waiting for a slot that may never come.
* dbt runs through ``partnerships-dbt`` (``pipelines.processes.dbt_child_main``),
  which asks the kernel to end dbt when the process that started it dies, so a
  killed run leaves no dbt holding the DuckDB lock.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import signal
import socket
import sys
import threading
import time
from collections.abc import Callable, Iterator
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from pipelines.processes import proc_start, process_alive, stop_children

LAUNCHER_TAG = "partnerships/launched_by"
PID_TAG = "partnerships/pid"
PROC_START_TAG = "partnerships/proc_start"
HOST_TAG = "partnerships/host"
LOCK_NAME = ".partnerships-run.lock"
POOL = "warehouse"
WAIT_MESSAGE_EVERY_S = 60.0

Say = Callable[[str], None]


def say_stderr(message: str) -> None:
    print(f"partnerships: {message}", file=sys.stderr, flush=True)


class RunBusy(Exception):
    """Another `partnerships run` holds the warehouse."""


class RunStopped(Exception):
    """The run was stopped by SIGINT/SIGTERM."""

    def __init__(self, signum: int):
        super().__init__(signal.Signals(signum).name)
        self.signum = signum


def this_process_tags() -> dict[str, str]:
    """Run tags that let a later run tell whether this run's process is still alive."""
    tags = {LAUNCHER_TAG: "cli", PID_TAG: str(os.getpid()), HOST_TAG: socket.gethostname()}
    started = proc_start(os.getpid())
    if started:
        tags[PROC_START_TAG] = started
    return tags


# ---------------------------------------------------------------- one run per warehouse


def _lock_path(warehouse_file: Path) -> Path:
    return Path(warehouse_file).parent / LOCK_NAME


def _holder(fd: int) -> str:
    try:
        text = os.pread(fd, 512, 0).decode(errors="replace").strip()
    except OSError:
        text = ""
    return text or "a process"


@contextlib.contextmanager
def exclusive_run(warehouse_file: Path, *, wait: bool = True, say: Say = say_stderr) -> Iterator[None]:
    """Hold the warehouse's run lock for the duration; wait for it (saying why) or raise RunBusy."""
    path = _lock_path(warehouse_file)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = _holder(fd)
            if not wait:
                raise RunBusy(
                    f"another `partnerships run` ({holder}) is running on {warehouse_file}; "
                    "try again when it has finished, or leave out --no-wait to queue behind it"
                ) from None
            say(
                f"waiting: another `partnerships run` ({holder}) is running on {warehouse_file}; "
                "this run starts when it has finished (Ctrl-C to give up)"
            )
            fcntl.flock(fd, fcntl.LOCK_EX)
            say("the other run has finished; starting")
        os.ftruncate(fd, 0)
        stamp = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M:%S UTC")
        os.pwrite(fd, f"pid {os.getpid()} on {socket.gethostname()}, started {stamp}\n".encode(), 0)
        yield
    finally:
        os.close(fd)  # closing the descriptor releases the lock


# ---------------------------------------------------------------- dead runs and their pool slots


def recover_dead_runs(instance: Any, say: Say = say_stderr) -> list[str]:
    """Mark failed the unfinished runs of earlier `partnerships run` processes that are gone, and free
    the pool slots of every finished run. Returns the ids of the runs marked failed."""
    from dagster import DagsterRunStatus, RunsFilter

    host = socket.gethostname()
    unfinished = [DagsterRunStatus.NOT_STARTED, DagsterRunStatus.STARTING, DagsterRunStatus.STARTED,
                  DagsterRunStatus.CANCELING]
    failed = []
    for run in instance.get_runs(filters=RunsFilter(statuses=unfinished, tags={LAUNCHER_TAG: "cli"})):
        if run.tags.get(HOST_TAG) != host or not run.tags.get(PID_TAG, "").isdigit():
            continue  # started on another machine: its process cannot be seen from here
        pid = int(run.tags[PID_TAG])
        if process_alive(pid, run.tags.get(PROC_START_TAG)):
            continue
        instance.report_run_failed(
            run,
            f"The process of this run (`partnerships run`, pid {pid}) is gone: it was killed or crashed. "
            "Marked failed by a later run, which freed its warehouse pool slots.",
        )
        failed.append(run.run_id)
        say(f"run {run.run_id} (pid {pid}) died without finishing: marked it failed and freed its pool slots")

    storage = instance.event_log_storage
    if storage.supports_global_concurrency_limits:
        for run_id in storage.get_concurrency_run_ids():
            run = instance.get_run_by_id(run_id)
            if run is None or run.is_finished:
                storage.free_concurrency_slots_for_run(run_id)
    return failed


def _blocking_runs(instance: Any, run_id: str) -> str | None:
    """If this run has a step waiting for a slot of the pool, a sentence naming who holds it."""
    storage = instance.event_log_storage
    if not storage.supports_global_concurrency_limits:
        return None
    info = storage.get_concurrency_info(POOL)
    waiting = [p.step_key for p in info.pending_steps if p.run_id == run_id and p.assigned_timestamp is None]
    if not waiting:
        return None
    holders = []
    for slot in info.claimed_slots:
        if slot.run_id == run_id:
            continue
        run = instance.get_run_by_id(slot.run_id)
        pid = f", pid {run.tags[PID_TAG]}" if run is not None and PID_TAG in run.tags else ""
        status = run.status.value if run is not None else "unknown"
        holders.append(f"run {slot.run_id} (step {slot.step_key}, {status}{pid})")
    held = "; held by " + ", ".join(holders) if holders else ""
    return f"step {waiting[0]} is waiting for a slot of pool '{POOL}' (limit {info.limit}){held}"


# ---------------------------------------------------------------- supervision


def supervise(execute: Callable[[], Any], *, instance: Any, run_id: str, say: Say = say_stderr) -> Any:
    """Run ``execute`` (the job) in a worker thread; report pool waits; stop at once on SIGINT/SIGTERM.

    On a signal the run is marked canceled, its pool slots freed and its child
    processes stopped, then RunStopped is raised: the caller should exit at once
    (the worker thread is a daemon thread and dies with the process).
    """
    outcome: dict[str, Any] = {}
    stop: list[int] = []

    def work() -> None:
        try:
            outcome["result"] = execute()
        except BaseException as exc:  # noqa: BLE001 - handed to the main thread
            outcome["error"] = exc

    def on_signal(signum, _frame) -> None:
        stop.append(signum)

    terminal = None
    if say is say_stderr:
        # Dagster captures the run's stderr into its compute logs, mirrored to the terminal by a child
        # process that a stop ends: write to the terminal's stderr directly, kept aside before the run.
        terminal = os.dup(2)

        def say(message: str) -> None:
            with contextlib.suppress(OSError):
                os.write(terminal, f"partnerships: {message}\n".encode())

    previous = {s: signal.signal(s, on_signal) for s in (signal.SIGINT, signal.SIGTERM)}
    worker = threading.Thread(target=work, name="partnerships-run", daemon=True)
    try:
        worker.start()
        last_said, last_message = 0.0, None
        while worker.is_alive():
            worker.join(timeout=0.5)
            if stop:
                break
            try:
                message = _blocking_runs(instance, run_id)
            except Exception:  # noqa: BLE001 - a report, never a reason to fail the run
                message = None
            if message and (message != last_message or time.monotonic() - last_said > WAIT_MESSAGE_EVERY_S):
                say(f"waiting: {message}")
                last_said, last_message = time.monotonic(), message
        if stop:
            _cancel(instance, run_id, stop[0], say)
            raise RunStopped(stop[0])
    finally:
        for s, handler in previous.items():
            signal.signal(s, handler)
        if terminal is not None:
            os.close(terminal)
    if "error" in outcome:
        raise outcome["error"]
    return outcome["result"]


def _cancel(instance: Any, run_id: str, signum: int, say: Say) -> None:
    name = signal.Signals(signum).name
    say(f"{name} received: stopping run {run_id}")
    stop_children()
    run = instance.get_run_by_id(run_id)
    if run is not None and not run.is_finished:
        instance.report_run_canceled(run, f"Stopped by {name} to `partnerships run` (pid {os.getpid()}).")
    if instance.event_log_storage.supports_global_concurrency_limits:
        instance.event_log_storage.free_concurrency_slots_for_run(run_id)
    say(f"run {run_id} stopped and marked canceled; its pool slots are free")
