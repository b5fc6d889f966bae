"""Open a local page in headless Chromium over the DevTools protocol and report what happened.

Collects uncaught script exceptions, console and log errors, every network
request the page made, the result of a JavaScript expression evaluated after
load, and a full-page screenshot. Used by the report's tests; needs Debian's
``chromium`` (installed by .ci/run) and the ``websockets`` client.
"""

from __future__ import annotations

import base64
import itertools
import json
import os
import shutil
import signal
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--no-first-run",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--remote-debugging-port=0",
    "--window-size=1280,900",
]


def chromium_binary() -> str | None:
    for name in ("chromium", "chromium-browser"):
        if path := shutil.which(name):
            return path
    return None


@dataclass
class PageVisit:
    errors: list[str] = field(default_factory=list)  # uncaught exceptions, console.error, log errors
    requests: list[str] = field(default_factory=list)  # every URL the page requested
    value: object = None  # the evaluated expression's value
    screenshot: Path | None = None


class _Cdp:
    def __init__(self, ws):
        self.ws, self.ids, self.events = ws, itertools.count(1), []

    def call(self, method: str, timeout: float = 30, **params):
        msg_id = next(self.ids)
        self.ws.send(json.dumps({"id": msg_id, "method": method, "params": params}))
        deadline = time.monotonic() + timeout
        while True:
            msg = json.loads(self.ws.recv(timeout=max(0.1, deadline - time.monotonic())))
            if msg.get("id") == msg_id:
                if "error" in msg:
                    raise RuntimeError(f"{method}: {msg['error']}")
                return msg.get("result", {})
            self.events.append(msg)

    def wait_for(self, method: str, timeout: float = 30) -> dict:
        deadline = time.monotonic() + timeout
        for i, ev in enumerate(self.events):
            if ev.get("method") == method:
                return self.events.pop(i)
        while True:
            msg = json.loads(self.ws.recv(timeout=max(0.1, deadline - time.monotonic())))
            if msg.get("method") == method:
                return msg
            self.events.append(msg)

    def drain(self, seconds: float) -> None:
        deadline = time.monotonic() + seconds
        while (left := deadline - time.monotonic()) > 0:
            try:
                self.events.append(json.loads(self.ws.recv(timeout=left)))
            except TimeoutError:
                return


def visit(page: Path, *, expression: str, screenshot: Path, binary: str | None = None) -> PageVisit:
    """Load ``page`` (a file), evaluate ``expression`` after load, take a full-page screenshot."""
    from websockets.sync.client import connect

    binary = binary or chromium_binary()
    if not binary:
        raise FileNotFoundError("chromium not found on PATH")
    with (
        tempfile.TemporaryDirectory(prefix="chromium-profile-", ignore_cleanup_errors=True) as profile,
        tempfile.TemporaryFile() as log,
    ):
        proc = subprocess.Popen(  # its own process group: its helpers are ended with it
            [binary, *FLAGS, f"--user-data-dir={profile}", "about:blank"],
            stdout=subprocess.DEVNULL,
            stderr=log,
            start_new_session=True,
        )
        try:
            port_file = Path(profile) / "DevToolsActivePort"
            deadline = time.monotonic() + 60
            while not (port_file.is_file() and port_file.read_text().count("\n") >= 1):
                if proc.poll() is not None:
                    log.seek(0)
                    raise RuntimeError(f"chromium exited early: {log.read().decode(errors='replace')[-2000:]}")
                if time.monotonic() > deadline:
                    raise TimeoutError("chromium did not open its DevTools port within 60 s")
                time.sleep(0.1)
            port = int(port_file.read_text().splitlines()[0])
            browser_path = port_file.read_text().splitlines()[1]
            with connect(f"ws://127.0.0.1:{port}{browser_path}", max_size=None) as bws:
                target = _Cdp(bws).call("Target.createTarget", url="about:blank")["targetId"]
            with connect(f"ws://127.0.0.1:{port}/devtools/page/{target}", max_size=None) as ws:
                return _visit(_Cdp(ws), page, expression, screenshot)
        finally:
            _end(proc)


def _end(proc: subprocess.Popen) -> None:
    """Stop the browser and its helper processes (the group it leads), and wait for it."""
    for sig, wait in ((signal.SIGTERM, 10), (signal.SIGKILL, 10)):
        try:
            os.killpg(proc.pid, sig)
        except ProcessLookupError:
            return
        try:
            proc.wait(timeout=wait)
            return
        except subprocess.TimeoutExpired:
            continue


def _visit(cdp: _Cdp, page: Path, expression: str, screenshot: Path) -> PageVisit:
    for domain in ("Page", "Runtime", "Log", "Network"):
        cdp.call(f"{domain}.enable")
    cdp.call("Page.navigate", url=page.resolve().as_uri())
    cdp.wait_for("Page.loadEventFired")
    cdp.drain(0.5)  # late errors (timers, onload handlers)
    result = cdp.call("Runtime.evaluate", expression=expression, returnByValue=True)
    shot = cdp.call("Page.captureScreenshot", format="png", captureBeyondViewport=True)
    screenshot.write_bytes(base64.b64decode(shot["data"]))
    out = PageVisit(value=result.get("result", {}).get("value"), screenshot=screenshot)
    if "exceptionDetails" in result:
        out.errors.append(f"evaluating the check: {result['exceptionDetails']}")
    for ev in cdp.events:
        method, params = ev.get("method"), ev.get("params", {})
        if method == "Runtime.exceptionThrown":
            details = params.get("exceptionDetails", {})
            out.errors.append(details.get("exception", {}).get("description") or details.get("text", "exception"))
        elif method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
            out.errors.append("console: " + " ".join(str(a.get("value", a.get("description"))) for a in params["args"]))
        elif method == "Log.entryAdded" and params.get("entry", {}).get("level") == "error":
            out.errors.append(f"log: {params['entry'].get('text')} {params['entry'].get('url', '')}")
        elif method == "Network.requestWillBeSent":
            out.requests.append(params["request"]["url"])
    return out
