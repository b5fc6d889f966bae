"""Crawl benchmark: N loopback hosts with M pages each, a per-host politeness delay.

    python bench/bench_crawl.py [--hosts 20] [--pages 25] [--delay 0.2]

Starts one HTTP server per loopback address (127.0.0.2, 127.0.0.3, ...) in a
child process, crawls every page live into a temporary raw store with the given
per-host delay and no jitter, and prints the wall time and its ratio to the
politeness bound (pages x delay: the time one host's pages need when requests to
a host are spaced by the delay and hosts run in parallel). Target: ratio <= 1.3.
Exit status 1 when a page fails or the ratio misses the target.
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pipelines.crawl import CrawlSettings, RawStore, crawl_sources  # noqa: E402
from pipelines.registry import Source  # noqa: E402

TARGET = 1.3


def _page(host: str, n: int) -> bytes:
    para = (f"<p>Host {host}, article {n}: the university and the provincial government "
            "signed a strategic cooperation agreement on research platforms.</p>\n")
    return f"<html><head><title>{host} {n}</title></head><body>{para * 60}</body></html>".encode()


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args) -> None:
        pass

    def do_GET(self) -> None:  # noqa: N802
        host = self.server.server_address[0]
        if self.path.startswith("/p/"):
            body, status = _page(host, int(self.path[3:])), 200
        else:  # robots.txt and anything else: 404 (no rules)
            body, status = b"not found", 404
        self.send_response(status)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def _serve(hosts: list[str], ports, ready, stop) -> None:
    servers = []
    for i, host in enumerate(hosts):
        httpd = ThreadingHTTPServer((host, 0), _Handler)
        httpd.daemon_threads = True
        ports[i] = httpd.server_address[1]
        threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05},
                         daemon=True).start()
        servers.append(httpd)
    ready.set()
    stop.wait()
    for httpd in servers:
        httpd.shutdown()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--hosts", type=int, default=20)
    parser.add_argument("--pages", type=int, default=25)
    parser.add_argument("--delay", type=float, default=0.2)
    args = parser.parse_args(argv)
    if not 1 <= args.hosts <= 250:
        parser.error("--hosts must be between 1 and 250")

    hosts = [f"127.0.0.{i}" for i in range(2, 2 + args.hosts)]
    ctx = mp.get_context("spawn")
    ports = ctx.Array("i", len(hosts))
    ready, stop = ctx.Event(), ctx.Event()
    proc = ctx.Process(target=_serve, args=(hosts, ports, ready, stop), daemon=True)
    proc.start()
    try:
        if not ready.wait(30):
            print("bench: the loopback servers did not start", file=sys.stderr)
            return 1
        sources = [
            Source(id=f"h{h}_p{p}", publisher="bench", url=f"http://{host}:{ports[h]}/p/{p}")
            for p in range(args.pages) for h, host in enumerate(hosts)
        ]
        settings = CrawlSettings(
            user_agent="PartnershipsBot/bench (+https://example.invalid/bench)",
            delay_seconds=args.delay, jitter_seconds=0.0, trust_env=False,
            max_connections=max(16, args.hosts), allow_networks=("127.0.0.0/8",),
        )
        with tempfile.TemporaryDirectory(prefix="bench-crawl-") as tmp:
            store = RawStore(tmp)
            started = time.perf_counter()
            results = crawl_sources(sources, mode="live", store=store, settings=settings)
            wall = time.perf_counter() - started
    finally:
        stop.set()
        proc.join(5)
        if proc.is_alive():
            proc.terminate()

    failed = [r for r in results if not r.ok]
    total_bytes = sum(r.bytes for r in results if r.ok)
    bound = args.pages * args.delay
    ratio = wall / bound if bound else float("nan")
    print(f"crawl: {len(results)} pages from {args.hosts} hosts ({args.pages} each), "
          f"{total_bytes / 1e6:.1f} MB, {len(failed)} failed")
    print(f"wall time: {wall:.2f} s; politeness bound: {args.pages} x {args.delay:g} s = {bound:.2f} s; "
          f"ratio: {ratio:.2f} (target <= {TARGET})")
    for r in failed[:5]:
        print(f"  failed: {r.error}")
    return 0 if not failed and ratio <= TARGET else 1


if __name__ == "__main__":
    os.environ.setdefault("DO_NOT_TRACK", "1")
    raise SystemExit(main())
