"""Serve a directory (e.g. a generated test site) over HTTP on localhost, with optional fixed routes.

``routes`` maps a request path, including its query string, to either a callable that writes the whole
response through the handler, or a fixed ``(status, headers, body)`` tuple. Tests use it to serve
TIS-620 pages, slow answers, errors and redirects next to the static files.
"""

from __future__ import annotations

import argparse
import contextlib
import posixpath
import threading
import urllib.parse
from collections.abc import Callable, Iterator
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


def _make_handler(root: Path, routes: dict[str, Route]) -> type[BaseHTTPRequestHandler]:
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
            if target.is_dir():
                if not path.endswith("/"):
                    return target  # redirect handled by caller
                target = target / "index.html"
            return target if target.is_file() else None

        def _serve(self, head: bool = False) -> None:
            route = routes.get(self.path)
            if route is not None:
                if callable(route):
                    route(self)
                else:
                    self._send(*route, head=head)
                return
            target = self._file()
            if target is None:
                self._send(404, {"Content-Type": "text/html; charset=utf-8"}, b"<h1>404 Not Found</h1>", head)
            elif target.is_dir():
                parts = urllib.parse.urlsplit(self.path)
                location = parts.path + "/" + (f"?{parts.query}" if parts.query else "")
                self._send(301, {"Location": location}, b"", head)
            else:
                ctype = CONTENT_TYPES.get(target.suffix.lower(), "application/octet-stream")
                self._send(200, {"Content-Type": ctype}, target.read_bytes(), head)

        def do_GET(self) -> None:  # noqa: N802
            self._serve()

        def do_HEAD(self) -> None:  # noqa: N802
            self._serve(head=True)

    return Handler


@contextlib.contextmanager
def serve_directory(root: Path, host: str = "127.0.0.1", port: int = 0,
                    routes: dict[str, Route] | None = None) -> Iterator[str]:
    """Serve ``root`` in a daemon thread; yield the base URL, e.g. ``http://127.0.0.1:PORT/``."""
    server = ThreadingHTTPServer((host, port), _make_handler(Path(root).resolve(), dict(routes or {})))
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, name="oit-serve", daemon=True)
    thread.start()
    try:
        yield f"http://{host}:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m oit.serve", description="Serve a directory locally.")
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
