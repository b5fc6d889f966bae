"""Smoke test: the Dagster webserver, started as its own process, serves the asset graph."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def webserver(tmp_path):
    port = free_port()
    home = tmp_path / "dagster_home"
    home.mkdir()
    (home / "dagster.yaml").write_text((REPO_ROOT / ".dagster_home" / "dagster.yaml").read_text())
    env = {**os.environ, "DAGSTER_HOME": str(home), "DO_NOT_TRACK": "1",
           "PARTNERSHIPS_WAREHOUSE": str(tmp_path / "wh" / "partnerships.duckdb")}
    exe = Path(sys.executable).parent / "dagster-webserver"
    proc = subprocess.Popen(
        [str(exe), "-w", "workspace.yaml", "-h", "127.0.0.1", "-p", str(port)],
        cwd=REPO_ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            if proc.poll() is not None:
                pytest.fail(f"webserver exited early:\n{proc.stdout.read().decode(errors='replace')[-3000:]}")
            try:
                if httpx.get(f"{base}/server_info", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.5)
        else:
            pytest.fail("webserver did not answer /server_info within 120 s")
        yield base
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


def test_webserver_serves_the_asset_graph(webserver):
    query = "{ assetNodes { assetKey { path } dependencyKeys { path } } }"
    deadline = time.monotonic() + 120
    while True:  # the code location loads in the background after the server answers
        reply = httpx.post(f"{webserver}/graphql", json={"query": query}, timeout=30).json()
        nodes = (reply.get("data") or {}).get("assetNodes") or []
        if nodes or time.monotonic() > deadline:
            break
        time.sleep(1)
    keys = {"/".join(n["assetKey"]["path"]) for n in nodes}
    assert {"raw_pages", "documents", "facts", "raw/agreements", "marts/fct_agreements", "serving_copy"} <= keys, reply
    deps = {"/".join(n["assetKey"]["path"]): {"/".join(d["path"]) for d in n["dependencyKeys"]} for n in nodes}
    assert "facts" in deps["raw/agreements"]
    assert "documents" in deps["facts"]
