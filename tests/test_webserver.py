"""The README's UI command, run for real: `make ui` serves the asset graph over HTTP; `dg check defs` passes."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from tests.shell_env import shell_env

REPO_ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _env(tmp_path: Path) -> dict[str, str]:
    home = tmp_path / "dagster_home"
    home.mkdir(exist_ok=True)
    # the project's instance settings, with no run launched: the daemon's first automation tick submits the
    # missing seeds, and a run that starts in the second the test stops the UI would outlive the SIGTERM
    # and hold the process group (seen on a busy CI machine); this test is about serving and stopping
    config = (REPO_ROOT / ".dagster_home" / "dagster.yaml").read_text()
    assert "max_concurrent_runs: 4" in config
    (home / "dagster.yaml").write_text(config.replace("max_concurrent_runs: 4", "max_concurrent_runs: 0"))
    return shell_env(tmp_path, home)


@pytest.fixture
def make_ui(tmp_path):
    """`make ui PORT=<free port>` as its own process group; ended (SIGTERM to the group) after the test."""
    if shutil.which("make") is None:
        pytest.skip("make is not installed")
    port = free_port()
    log = (tmp_path / "ui.log").open("wb")
    proc = subprocess.Popen(
        ["make", "ui", f"PORT={port}"], cwd=REPO_ROOT, env=_env(tmp_path), stdout=log, stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"

    def output() -> str:
        return (tmp_path / "ui.log").read_text(errors="replace")[-3000:]

    try:
        deadline = time.monotonic() + 240
        while time.monotonic() < deadline:
            if proc.poll() is not None:
                pytest.fail(f"`make ui` exited early ({proc.returncode}):\n{output()}")
            try:
                if httpx.get(f"{base}/server_info", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(1)
        else:
            pytest.fail(f"`make ui` did not answer /server_info within 240 s:\n{output()}")
        yield base, proc
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGTERM)
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()
        log.close()


def ui_log(tmp_path: Path) -> str:
    return (tmp_path / "ui.log").read_text(errors="replace")[-3000:]


def processes_of(home: Path) -> list[int]:
    """Every process whose environment has DAGSTER_HOME=home: `make ui`'s, in any session or process group."""
    mark = f"DAGSTER_HOME={home}".encode() + b"\0"
    found = []
    for environ in Path("/proc").glob("[0-9]*/environ"):
        try:
            if mark in environ.read_bytes() and int(environ.parent.name) != os.getpid():
                found.append(int(environ.parent.name))
        except (OSError, ValueError):
            continue
    return found


def test_make_ui_serves_the_asset_graph_and_stops_cleanly(make_ui, tmp_path):
    base, proc = make_ui
    query = "{ assetNodes { assetKey { path } dependencyKeys { path } } }"
    deadline = time.monotonic() + 180
    while True:  # the code location loads in the background after the server answers
        reply = httpx.post(f"{base}/graphql", json={"query": query}, timeout=30).json()
        nodes = (reply.get("data") or {}).get("assetNodes") or []
        if nodes or time.monotonic() > deadline:
            break
        time.sleep(1)
    keys = {"/".join(n["assetKey"]["path"]) for n in nodes}
    assert {"raw_pages", "documents", "facts", "raw/agreements", "marts/fct_agreements", "serving_copy"} <= keys, reply
    deps = {"/".join(n["assetKey"]["path"]): {"/".join(d["path"]) for d in n["dependencyKeys"]} for n in nodes}
    assert "facts" in deps["raw/agreements"]
    assert "documents" in deps["facts"]
    assert "marts/fct_agreements" in deps["serving_copy"]

    # stops cleanly: SIGTERM to the group ends make and the launcher (pipelines/supervise.py), which stops
    # dg dev (the webserver and the daemon, in turn) and then whatever of it outlived dg dev
    os.killpg(proc.pid, signal.SIGTERM)
    stopped = time.monotonic()
    proc.wait(timeout=270)
    while time.monotonic() < stopped + 270:  # a hang guard: slow on a busy machine, never this slow
        try:
            os.killpg(proc.pid, 0)
        except ProcessLookupError:
            print(f"`make ui` stopped {time.monotonic() - stopped:.0f} s after SIGTERM")
            break  # no process of the group is left: the launcher has exited
        time.sleep(1)
    else:
        pytest.fail(f"processes of `make ui` were still running 270 s after SIGTERM:\n{ui_log(tmp_path)}")
    if Path("/proc/self/environ").exists():  # nor any process of it in another session (a run worker)
        left = processes_of(tmp_path / "dagster_home")
        assert not left, f"processes of `make ui` left running: {left}"
    with pytest.raises(httpx.HTTPError):
        httpx.get(f"{base}/server_info", timeout=2)  # and nothing answers on the port


def test_dg_check_defs_passes(tmp_path):
    done = subprocess.run(
        [str(BIN / "dg"), "check", "defs"], cwd=REPO_ROOT, env=_env(tmp_path), capture_output=True, text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    assert "All definitions loaded successfully" in done.stdout + done.stderr
