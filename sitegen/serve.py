"""Serve a directory (e.g. a generated test site) over HTTP on localhost, with optional fixed routes.

``routes`` maps a request path, including its query string, to either a callable that writes the whole
response through the handler, or a fixed ``(status, headers, body)`` tuple. Tests use it to serve
TIS-620 pages, slow answers, errors and redirects next to the static files.

A served directory may also hold ``routes.json`` (written by :mod:`sitegen` for CMS-like sites)::

    {"html_type": "text/html; charset=tis-620",
     "routes": {"/index.php?_mod=cGFnZQ&type=MTI": {"file": "q/3f2a.html", "type": "text/html",
                                                   "headers": {"Content-Disposition": "inline"}}}}

``routes`` maps a URL (path plus query; matched after percent-decoding, whatever the order of the query
parameters) to a file under the directory, with an optional Content-Type and extra headers. ``html_type``
replaces the default Content-Type of ``.html`` files (e.g. to serve a TIS-620 site). The file itself is
not served under its own name. With ``"strict_query": true`` a URL with a query string that is not in
``routes`` answers 404 (as WordPress does for an unknown ``?page_id=``) instead of the file of its path.

A served directory may also hold ``_faults.json`` (written by :mod:`sitegen.jspages`), which makes some
URLs misbehave as real unit servers do::

    {"faults": {"/js/plugins/stat-412.js": {"delay": 300},
                "/api/content/233.json": {"status": 500},
                "/news/ลอยกระทง/": {"close": true, "after": 1}}}

URLs are matched as in ``routes``. ``after: N`` lets the first N GET/HEAD requests of the URL through
untouched; later ones first wait ``delay`` seconds (cut short when the server stops), then either close
the connection without any response (``close``), or answer ``status`` with a short HTML body, or are served
normally. Without the file (the default) nothing changes. Neither file is served under its own name.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import posixpath
import threading
import time
import urllib.parse
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

Route = Callable[[BaseHTTPRequestHandler], None] | tuple[int, dict[str, str], bytes]

CONTENT_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".htm": "text/html; charset=utf-8",
    ".pdf": "application/pdf",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".xml": "application/xml",
    ".txt": "text/plain; charset=utf-8",
    ".json": "application/json",
    ".css": "text/css",
    ".js": "application/javascript",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".svg": "image/svg+xml",
}


ROUTES_FILE = "routes.json"
FAULTS_FILE = "_faults.json"


def route_key(url: str) -> str:
    """Normalised form of a request URL: decoded path plus its query parameters in sorted order."""
    parts = urllib.parse.urlsplit(url)
    query = sorted(urllib.parse.parse_qsl(parts.query, keep_blank_values=True))
    path = urllib.parse.unquote(parts.path) or "/"
    return path + ("?" + urllib.parse.urlencode(query) if query else "")


def load_file_routes(root: Path) -> tuple[dict[str, dict], str | None, bool]:
    """(normalised URL → route entry, html Content-Type override, strict_query) from ``root/routes.json``."""
    path = root / ROUTES_FILE
    if not path.is_file():
        return {}, None, False
    data = json.loads(path.read_text(encoding="utf-8"))
    routes = {route_key(url): entry for url, entry in data.get("routes", {}).items()}
    return routes, data.get("html_type"), bool(data.get("strict_query"))


def load_faults(root: Path) -> dict[str, dict]:
    """Normalised URL → fault entry (``delay``, ``status``, ``close``, ``after``) from ``root/_faults.json``."""
    path = root / FAULTS_FILE
    if not path.is_file():
        return {}
    data = json.loads(path.read_text(encoding="utf-8"))
    return {route_key(url): dict(entry) for url, entry in data.get("faults", {}).items()}


@dataclass
class Pace:
    """How fast a slow unit server answers: each response ``latency`` seconds late, and at most ``per_second``
    responses a second (a request beyond that waits its turn). The default answers at once."""

    latency: float = 0.0
    per_second: float = 0.0
    _next: float = field(default=0.0, init=False, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, init=False, repr=False)

    def wait(self, stop: threading.Event) -> None:
        delay = self.latency
        if self.per_second:
            with self._lock:
                now = time.monotonic()
                slot = max(now, self._next)
                self._next = slot + 1 / self.per_second
            delay += slot - now
        if delay > 0:
            stop.wait(delay)


def _make_handler(
    root: Path, routes: dict[str, Route], stop: threading.Event | None = None, pace: Pace | None = None
) -> type[BaseHTTPRequestHandler]:
    file_routes, html_type, strict = load_file_routes(root)
    hidden = {(root / e["file"]).resolve() for e in file_routes.values()}
    faults = load_faults(root)
    seen: dict[str, int] = {}
    lock = threading.Lock()
    stop = stop or threading.Event()

    class Handler(BaseHTTPRequestHandler):
        server_version = "oit-serve/1"

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - silent
            pass

        def _send(self, status: int, headers: dict[str, str], body: bytes, head: bool) -> None:
            self.send_response(status)
            for key, value in headers.items():
                self.send_header(key, value)
            if not any(k.lower() == "content-length" for k in headers):
                self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if not head:
                self.wfile.write(body)

        def _file(self) -> Path | None:
            path = urllib.parse.unquote(urllib.parse.urlsplit(self.path).path)
            clean = posixpath.normpath(path).lstrip("/")
            if clean.startswith(".."):
                return None
            target = (root / clean) if clean not in ("", ".") else root
            try:
                if target.is_dir():
                    if not path.endswith("/"):
                        return target  # redirect handled by caller
                    target = target / "index.html"
                return target if target.is_file() else None
            except OSError:  # a name too long for the file system (long Thai names are routed): 404
                return None

        def _fault(self, head: bool) -> bool:
            """Play the URL's fault from ``_faults.json``; True when the request is answered (or dropped)."""
            key = route_key(self.path)
            fault = faults.get(key)
            if fault is None:
                return False
            with lock:
                seen[key] = seen.get(key, 0) + 1
                count = seen[key]
            if count <= int(fault.get("after", 0)):
                return False
            if fault.get("delay"):
                stop.wait(float(fault["delay"]))
            if fault.get("close") or stop.is_set():
                self.close_connection = True
                return True
            if fault.get("status"):
                status = int(fault["status"])
                body = f"<h1>{status} {self.responses.get(status, ('Error',))[0]}</h1>".encode()
                self._send(status, {"Content-Type": "text/html; charset=utf-8"}, body, head)
                return True
            return False

        def _serve(self, head: bool = False) -> None:
            if pace is not None:
                pace.wait(stop)
            if not faults:
                self._answer(head)
                return
            try:  # a client that gave up on a delayed answer is not an error
                if not self._fault(head):
                    self._answer(head)
            except (BrokenPipeError, ConnectionResetError):
                self.close_connection = True

        def _answer(self, head: bool) -> None:
            route = routes.get(self.path)
            if route is not None:
                if callable(route):
                    route(self)
                else:
                    self._send(*route, head=head)
                return
            entry = file_routes.get(route_key(self.path))
            if entry is not None and not (root / entry["file"]).is_file():
                entry = None
                if not strict:
                    self._send(404, {"Content-Type": "text/html; charset=utf-8"}, b"<h1>404 Not Found</h1>", head)
                    return
            if entry is not None:
                file = root / entry["file"]
                ctype = entry.get("type") or CONTENT_TYPES.get(file.suffix.lower(), "application/octet-stream")
                if file.suffix.lower() in (".html", ".htm") and not entry.get("type") and html_type:
                    ctype = html_type
                self._send(200, {"Content-Type": ctype, **entry.get("headers", {})}, file.read_bytes(), head)
                return
            target = None if strict and urllib.parse.urlsplit(self.path).query else self._file()
            if target is not None and target.resolve() in hidden:
                target = None
            if target is None:
                self._send(404, {"Content-Type": "text/html; charset=utf-8"}, b"<h1>404 Not Found</h1>", head)
            elif target.is_dir():
                parts = urllib.parse.urlsplit(self.path)
                location = parts.path + "/" + (f"?{parts.query}" if parts.query else "")
                self._send(301, {"Location": location}, b"", head)
            else:
                ctype = CONTENT_TYPES.get(target.suffix.lower(), "application/octet-stream")
                if target.suffix.lower() in (".html", ".htm") and html_type:
                    ctype = html_type
                if target.name in (ROUTES_FILE, FAULTS_FILE) and target.parent == root:
                    self._send(404, {"Content-Type": "text/html; charset=utf-8"}, b"<h1>404 Not Found</h1>", head)
                    return
                self._send(200, {"Content-Type": ctype}, target.read_bytes(), head)

        def do_GET(self) -> None:  # noqa: N802
            self._serve()

        def do_HEAD(self) -> None:  # noqa: N802
            self._serve(head=True)

    return Handler


@contextlib.contextmanager
def serve_directory(
    root: Path, host: str = "127.0.0.1", port: int = 0, routes: dict[str, Route] | None = None, pace: Pace | None = None
) -> Iterator[str]:
    """Serve ``root`` in a daemon thread (answering at ``pace``); yield the base URL, e.g. ``http://127.0.0.1:PORT/``."""
    stop = threading.Event()
    handler = _make_handler(Path(root).resolve(), dict(routes or {}), stop, pace)
    server = ThreadingHTTPServer((host, port), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, name="oit-serve", daemon=True)
    thread.start()
    try:
        yield f"http://{host}:{server.server_address[1]}/"
    finally:
        stop.set()  # release the requests a fault holds
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m sitegen.serve", description="Serve a directory locally.")
    parser.add_argument("directory", type=Path)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    args = parser.parse_args(argv)
    with serve_directory(args.directory, args.host, args.port) as url:
        print(f"serving {args.directory} at {url} (Ctrl+C to stop)", flush=True)
        with contextlib.suppress(KeyboardInterrupt):
            threading.Event().wait()


if __name__ == "__main__":
    main()
