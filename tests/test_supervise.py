"""`make ui`'s launcher (pipelines/supervise.py): stopping it leaves no process of the command behind.

The stand-in for `dg dev` starts a worker that, like a Dagster run worker launched in the second the UI
was stopped, never heeds the stop signal and outlives its parent. Run directly, that worker goes on after
the command has stopped; through the launcher, it is stopped.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs Linux /proc")

COMMAND = textwrap.dedent("""
    import subprocess, sys, time
    # the worker writes its pid once it ignores SIGTERM and SIGINT
    subprocess.Popen([sys.executable, "-c", "import os, signal, sys, time; "
                      "signal.signal(signal.SIGTERM, signal.SIG_IGN); signal.signal(signal.SIGINT, signal.SIG_IGN); "
                      "open(sys.argv[1], 'w').write(str(os.getpid())); time.sleep(600)", sys.argv[1]])
    time.sleep(600)  # stopped by the signal; the worker is left to itself
""")


def alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def wait_for_file(path: Path, proc: subprocess.Popen) -> int:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if path.exists() and path.read_text():
            return int(path.read_text())
        assert proc.poll() is None, "the command exited early"
        time.sleep(0.1)
    pytest.fail("the command did not start its worker")


def ignore_stop_signals() -> None:
    """As a background job of a non-interactive shell starts: SIGINT ignored (and here SIGTERM too)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)


@pytest.mark.parametrize(("signum", "started_ignoring"),
                         [(signal.SIGTERM, False), (signal.SIGINT, False), (signal.SIGTERM, True)])
def test_stopping_the_launcher_stops_a_worker_that_outlives_the_command(tmp_path, signum, started_ignoring):
    script, pid_file = tmp_path / "command.py", tmp_path / "worker.pid"
    script.write_text(COMMAND)
    proc = subprocess.Popen([sys.executable, "-m", "pipelines.supervise", "--grace", "1", "--",
                             sys.executable, str(script), str(pid_file)],
                            cwd=Path(__file__).resolve().parent.parent, stderr=subprocess.PIPE, text=True,
                            preexec_fn=ignore_stop_signals if started_ignoring else None)
    worker = wait_for_file(pid_file, proc)
    try:
        proc.send_signal(signum)  # the signal reaches the launcher only (as `make` passes SIGTERM on)
        assert proc.wait(timeout=60) == 128 + signum  # the command's status: stopped by the signal
        assert not alive(worker), "the worker outlived `make ui`"
        assert f"pids {worker}" in proc.stderr.read()
    finally:
        if alive(worker):
            os.kill(worker, signal.SIGKILL)
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def test_without_the_launcher_the_worker_outlives_the_command(tmp_path):
    """The fault the launcher is there for: stopping the command alone leaves its worker running."""
    script, pid_file = tmp_path / "command.py", tmp_path / "worker.pid"
    script.write_text(COMMAND)
    proc = subprocess.Popen([sys.executable, str(script), str(pid_file)], start_new_session=True)
    worker = wait_for_file(pid_file, proc)
    try:
        os.killpg(proc.pid, signal.SIGTERM)  # the whole group, as a terminal's Ctrl-C
        proc.wait(timeout=30)
        time.sleep(0.5)
        assert alive(worker)
    finally:
        os.kill(worker, signal.SIGKILL)


def run_in_a_fresh_process(script: str) -> subprocess.CompletedProcess:
    """``script`` run by a Python process of its own, whose only children are the ones the script starts.

    supervise.run() sweeps every process below the process that calls it; in the pytest process that would be
    pytest's own helpers too (multiprocessing's resource tracker, started by earlier tests and deaf to SIGTERM:
    the sweep waited its 30 s default grace for it, then SIGKILLed it, and "nothing left" was never true).
    """
    return subprocess.run([sys.executable, "-c", textwrap.dedent(script)], cwd=Path(__file__).resolve().parent.parent,
                          capture_output=True, text=True, timeout=120)


def test_the_command_status_is_passed_on_and_nothing_is_swept_when_nothing_is_left():
    done = run_in_a_fresh_process("""
        import sys
        from pipelines import supervise
        print(supervise.main(["--", sys.executable, "-c", "raise SystemExit(7)"]))
    """)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "7"
    assert "supervise:" not in done.stderr, done.stderr  # nothing outlived the command: nothing swept


def test_a_command_that_ignores_the_stop_signal_is_killed_after_the_grace(tmp_path):
    """dg dev has hung on its way out after saying it shut down: the launcher must not wait for it for ever."""
    started = tmp_path / "started"
    stubborn = ("import signal, sys, time; signal.signal(signal.SIGTERM, signal.SIG_IGN); "
                "open(sys.argv[1], 'w').write('1'); time.sleep(600)")
    proc = subprocess.Popen([sys.executable, "-m", "pipelines.supervise", "--grace", "1", "--",
                             sys.executable, "-c", stubborn, str(started)],
                            cwd=Path(__file__).resolve().parent.parent, stderr=subprocess.PIPE, text=True)
    try:
        wait_for_file(started, proc)
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=30) == 128 + signal.SIGKILL
        assert "did not exit 1 s after the stop signal" in proc.stderr.read()
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def test_run_in_process_leaves_its_caller_no_subreaper_and_its_own_signal_handlers(tmp_path):
    """A caller that lives on (here a Python process of the test's own, which calls run() in-process and goes on)
    must not adopt orphans it never reaps: in the suite, when pytest was the caller, `make ui`'s launcher, orphaned
    when make exited, became a zombie of pytest and kept the make ui test waiting."""
    done = run_in_a_fresh_process("""
        import ctypes, ctypes.util, signal, sys
        from pipelines import supervise
        before = signal.getsignal(signal.SIGTERM)
        assert supervise.main(["--", sys.executable, "-c", "pass"]) == 0
        assert signal.getsignal(signal.SIGTERM) is before
        flag = ctypes.c_int(-1)
        libc = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)
        assert libc.prctl(37, ctypes.byref(flag), 0, 0, 0) == 0  # PR_GET_CHILD_SUBREAPER
        assert flag.value == 0
        print("checked")
    """)
    assert done.returncode == 0 and done.stdout.strip() == "checked", done.stdout + done.stderr
