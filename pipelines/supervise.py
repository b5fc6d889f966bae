"""Run a command and leave none of its processes behind: `make ui` runs `dg dev` through this.

    python -m pipelines.supervise [--grace SECONDS] -- COMMAND [ARG ...]

`dg dev` stops its webserver and daemon on Ctrl-C or SIGTERM, but not the run
workers the code server started: a code server told to stop waits for its runs
to finish, and a run launched by the daemon in the second the UI was stopped
never saw the signal. Such a run went on alone, writing the warehouse, after
the UI was gone. So this launcher:

* becomes a *child subreaper* (Linux ``PR_SET_CHILD_SUBREAPER``): a process of
  the command whose parent exits (a run worker whose code server stopped) is
  re-parented to the launcher instead of to init, so it can still be found;
* starts the command in its own session and passes SIGINT, SIGTERM and SIGHUP
  on to that whole session's process group, once per signal (a terminal's
  Ctrl-C and `make` forwarding the same SIGTERM arrive as one);
* gives the command ``--grace`` seconds to exit after a stop signal, then
  SIGKILLs its process group (it must not wait for ever on a command that hangs
  on its way out);
* when the command has exited, sends SIGTERM to every process of it still
  alive (a Dagster run worker turns SIGTERM into an interrupt and marks its
  run failed), waits ``--grace`` seconds, then SIGKILLs what is left;
* asks the kernel to SIGTERM the command if the launcher itself dies.

Plain Python, Linux /proc; elsewhere it runs the command and only forwards
signals. Exits with the command's status (128 + N for a signal N).
"""

from __future__ import annotations

import argparse
import contextlib
import ctypes
import ctypes.util
import os
import signal
import subprocess
import sys
import time

from pipelines.processes import child_pids

PR_SET_PDEATHSIG = 1
PR_SET_CHILD_SUBREAPER = 36
FORWARDED = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)
SAME_SIGNAL_WINDOW_S = 1.0  # a signal repeated within this window is the same request, passed on once
DEFAULT_GRACE_S = 30.0


def _prctl(option: int, value: int) -> bool:
    name = ctypes.util.find_library("c")
    if not sys.platform.startswith("linux") or not name:
        return False
    return ctypes.CDLL(name, use_errno=True).prctl(option, value, 0, 0, 0) == 0


def descendants(pid: int | None = None) -> list[int]:
    """Every process below ``pid`` (default: this one), children first."""
    found: list[int] = []
    frontier = [pid or os.getpid()]
    while frontier:
        kids = child_pids(frontier.pop())
        found += [k for k in kids if k not in found]
        frontier += kids
    return found


def _reap() -> None:
    """Collect the exit status of any child that has ended (orphans re-parented here included)."""
    while True:
        try:
            pid, _ = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            return


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def sweep(grace: float, say=print) -> list[int]:
    """SIGTERM every process left below this one, SIGKILL those alive after ``grace`` s; return their pids."""
    _reap()
    left = [p for p in descendants() if _alive(p)]
    if not left:
        return []
    say(f"supervise: {len(left)} process(es) of the command outlived it (pids {', '.join(map(str, left))}): "
        f"SIGTERM, then SIGKILL after {grace:g} s")
    for pid in left:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGTERM)
    deadline = time.monotonic() + grace
    while time.monotonic() < deadline:
        _reap()
        # processes they start meanwhile are theirs to stop; anything still below us at the end goes too
        if not any(_alive(p) for p in descendants()):
            return left
        time.sleep(0.2)
    for pid in descendants():
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
    deadline = time.monotonic() + 10
    while any(_alive(p) for p in descendants()) and time.monotonic() < deadline:
        _reap()
        time.sleep(0.1)
    _reap()
    return left


def run(command: list[str], *, grace: float = DEFAULT_GRACE_S, say=print) -> int:
    """Run ``command`` as described in the module docstring; return its exit status."""
    handlers = {signum: signal.getsignal(signum) for signum in FORWARDED}
    _prctl(PR_SET_CHILD_SUBREAPER, 1)
    try:
        return _run(command, grace=grace, say=say)
    finally:
        # a process that calls run() and lives on (a test) must not go on adopting orphans it never reaps
        # (they stay zombies in their process group) nor keep our signal handlers
        _prctl(PR_SET_CHILD_SUBREAPER, 0)
        for signum, handler in handlers.items():
            signal.signal(signum, handler)


def _run(command: list[str], *, grace: float, say) -> int:
    last: dict[int, float] = {}
    group: list[int] = []

    def forward(signum, _frame) -> None:
        now = time.monotonic()
        if now - last.get(signum, -SAME_SIGNAL_WINDOW_S - 1) <= SAME_SIGNAL_WINDOW_S:
            return
        last[signum] = now
        for pgid in group:
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(pgid, signum)  # the command's whole group, as a terminal's Ctrl-C would reach it

    # handlers first: the command then starts with these signals at their defaults, even when this
    # launcher was started with them ignored (a background job of a shell ignores SIGINT, and Dagster
    # then ignores SIGTERM too: it maps SIGTERM to SIGINT's handler)
    for signum in FORWARDED:
        signal.signal(signum, forward)
    child = subprocess.Popen(command, start_new_session=True,
                             preexec_fn=lambda: _prctl(PR_SET_PDEATHSIG, signal.SIGTERM))
    group.append(child.pid)
    for signum in list(last):  # a signal that came while the command was starting
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(child.pid, signum)
    # a command told to stop gets ``grace`` seconds to exit; then its group is killed (dg dev has been seen to
    # hang on exit after "Dagster services shut down", and the launcher would wait for it for ever)
    while (code := child.poll()) is None:
        asked = min(last.values(), default=None)
        if asked is not None and time.monotonic() - asked > grace:
            say(f"supervise: the command did not exit {grace:g} s after the stop signal: SIGKILL")
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(child.pid, signal.SIGKILL)
            code = child.wait()
            break
        time.sleep(0.2)
    sweep(grace, say=say)
    return 128 - code if code < 0 else code


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m pipelines.supervise", description=__doc__.splitlines()[0])
    parser.add_argument("--grace", type=float, default=DEFAULT_GRACE_S,
                        help="seconds between SIGTERM and SIGKILL for processes that outlive the command")
    parser.add_argument("command", nargs=argparse.REMAINDER)
    args = parser.parse_args(argv)
    command = args.command[1:] if args.command[:1] == ["--"] else args.command
    if not command:
        parser.error("no command given")
    return run(command, grace=args.grace, say=lambda m: print(m, file=sys.stderr, flush=True))


if __name__ == "__main__":
    raise SystemExit(main())
