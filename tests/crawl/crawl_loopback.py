"""Loopback HTTP servers with scriptable faults, for the crawler's integration tests.

Each :class:`LoopbackServer` is a real ``ThreadingHTTPServer`` bound to one
loopback address (127.0.0.1, 127.0.0.2, ...), so "another host" is really
another host name as far as the crawler's politeness and redirect rules go.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Seen:
    path: str
    headers: dict[str, str]
    at: float  # time.monotonic()


Handler = Callable[[BaseHTTPRequestHandler, int], None]  # (request, nth hit of this path from 1)


def send(req: BaseHTTPRequestHandler, status: int, body: bytes = b"",
         headers: dict[str, str] | None = None, *, length: int | None = None) -> None:
    req.send_response(status)
    headers = dict(headers or {})
    headers.setdefault("Content-Type", "text/html; charset=utf-8")
    for k, v in headers.items():
        req.send_header(k, v)
    req.send_header("Content-Length", str(len(body) if length is None else length))
    req.end_headers()
    if body:
        req.wfile.write(body)


@dataclass
class LoopbackServer:
    host: str = "127.0.0.1"
    routes: dict[str, Handler] = field(default_factory=dict)
    seen: list[Seen] = field(default_factory=list)
    hits: dict[str, int] = field(default_factory=dict)

    def start(self) -> LoopbackServer:
        outer = self

        class _Req(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args) -> None:  # keep test output clean
                pass

            def do_GET(self) -> None:  # noqa: N802
                path = self.path
                outer.hits[path] = outer.hits.get(path, 0) + 1
                outer.seen.append(Seen(path, {k.lower(): v for k, v in self.headers.items()},
                                       time.monotonic()))
                handler = outer.routes.get(path)
                if handler is None:
                    send(self, 404, b"not found")
                    return
                handler(self, outer.hits[path])

        self._httpd = ThreadingHTTPServer((self.host, 0), _Req)
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(target=self._httpd.serve_forever,
                                        kwargs={"poll_interval": 0.02}, daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()

    @property
    def port(self) -> int:
        return self._httpd.server_address[1]

    def url(self, path: str = "/") -> str:
        return f"http://{self.host}:{self.port}{path}"

    def page(self, path: str, body: bytes | str, *, status: int = 200,
             headers: dict[str, str] | None = None) -> None:
        data = body.encode("utf-8") if isinstance(body, str) else body
        self.routes[path] = lambda req, n: send(req, status, data, headers)

    def paths(self) -> list[str]:
        return [s.path for s in self.seen]
