"""Process helpers for `partnerships run` (plain Python, Linux /proc where available).

* ``proc_start`` and ``process_alive``: is the process that recorded a pid still
  the same process (a pid can be reused; its start time cannot)?
* ``child_pids`` and ``stop_children``: stop the children a run started (dbt).
* ``dbt_child_main`` is the ``partnerships-dbt`` command: dbt, but stopped by the
  kernel when the process that started it dies, so a killed run leaves no dbt
  holding the DuckDB lock. ``dbt_executable`` names it for the Dagster dbt resource.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import os
import signal
import sys
import time
from pathlib import Path


def proc_start(pid: int) -> str | None:
    """The start time of a process (clock ticks since boot), to tell a live pid from a reused one."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    return stat.rsplit(")", 1)[1].split()[19]  # field 22, counted after "pid (comm)"


def process_alive(pid: int, started: str | None) -> bool:
    if Path("/proc/self/stat").exists():
        now = proc_start(pid)
        return now is not None and (started is None or now == started)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def child_pids(pid: int | None = None) -> list[int]:
    """Direct children of a process, started from any of its threads (Linux /proc; empty elsewhere)."""
    pid = pid or os.getpid()
    found: list[int] = []
    for children in Path(f"/proc/{pid}/task").glob("*/children"):
        with contextlib.suppress(OSError, ValueError):
            found += [int(p) for p in children.read_text().split()]
    return found


def stop_children(timeout: float = 10.0) -> None:
    """SIGTERM this process's children (dbt), then SIGKILL those still alive after ``timeout``."""
    children = child_pids()
    for pid in children:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGTERM)
    deadline = time.monotonic() + timeout
    while children and time.monotonic() < deadline:
        for pid in list(children):
            with contextlib.suppress(ChildProcessError):
                if os.waitpid(pid, os.WNOHANG)[0] == pid:
                    children.remove(pid)
            if pid in children and not Path(f"/proc/{pid}").exists():
                children.remove(pid)
        time.sleep(0.1)
    for pid in children:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)


def dbt_child_main() -> None:
    """`partnerships-dbt`: exec dbt, but ask the kernel to stop it when its parent dies.

    dagster-dbt starts dbt as a child process; if the run is SIGKILLed, a plain
    dbt would go on and keep the DuckDB file locked. PR_SET_PDEATHSIG survives
    exec, so dbt itself gets SIGTERM when the process that started it dies.
    """
    parent = os.getppid()
    libc_name = ctypes.util.find_library("c")
    if sys.platform.startswith("linux") and libc_name:
        pr_set_pdeathsig = 1
        ctypes.CDLL(libc_name, use_errno=True).prctl(pr_set_pdeathsig, signal.SIGTERM, 0, 0, 0)
        if parent == 1 or os.getppid() != parent:  # the parent died before prctl took effect
            sys.exit(143)
    dbt = Path(sys.executable).parent / "dbt"
    executable = str(dbt) if dbt.exists() else "dbt"
    os.execvp(executable, [executable, *sys.argv[1:]])


def dbt_executable() -> str:
    """The dbt command the Dagster dbt resource runs: partnerships-dbt beside this Python, else dbt."""
    wrapper = Path(sys.executable).parent / "partnerships-dbt"
    return str(wrapper) if wrapper.exists() else "dbt"
