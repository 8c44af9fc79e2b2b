"""Helpers of the crawler tests: a small site server with ETags, HTTPS and a request log, and the
unit-site spider run in a subprocess (Scrapy's reactor runs once per process)."""

from __future__ import annotations

import contextlib
import hashlib
import os
import ssl
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote

import sqlite_utils

from tests.helpers import REPO

#: path (with query) → body (HTML str, bytes) or (status, headers, body); or a callable of the handler.
Pages = dict[str, "str | bytes | tuple[int, dict[str, str], bytes] | Callable[[BaseHTTPRequestHandler], None]"]


class SiteServer:
    """Serve ``pages`` on 127.0.0.1; ``log`` holds (method, path, status) of every request."""

    def __init__(self, pages: Pages, etags: bool = False, tls: tuple[Path, Path] | None = None):
        self.pages = pages
        self.etags = etags
        self.tls = tls
        self.log: list[tuple[str, str, int]] = []
        self.lock = threading.Lock()

    def handler(self) -> type[BaseHTTPRequestHandler]:
        site = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, format: str, *args: object) -> None:  # noqa: A002
                pass

            def do_GET(self) -> None:  # noqa: N802
                page = site.pages.get(self.path)
                if page is None:  # a server decodes the path: Thai file names are keyed as written
                    page = site.pages.get(unquote(self.path))
                if callable(page):
                    site.record(self.path, 200)
                    page(self)
                    return
                if page is None:
                    status, headers, body = 404, {"Content-Type": "text/html"}, b"<h1>404</h1>"
                elif isinstance(page, tuple):
                    status, headers, body = page
                else:
                    body = page.encode("utf-8") if isinstance(page, str) else page
                    ctype = "application/pdf" if body.startswith(b"%PDF") else "text/html; charset=utf-8"
                    status, headers = 200, {"Content-Type": ctype}
                headers = dict(headers)
                if site.etags and status == 200:
                    tag = '"' + hashlib.sha1(body).hexdigest()[:16] + '"'
                    headers["ETag"] = tag
                    if self.headers.get("If-None-Match") == tag:
                        status, body = 304, b""
                site.record(self.path, status)
                self.send_response(status)
                for key, value in headers.items():
                    self.send_header(key, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        return Handler

    def record(self, path: str, status: int) -> None:
        with self.lock:
            self.log.append(("GET", path, status))

    def fetched(self, status: int | None = None) -> list[str]:
        return [p for _, p, s in self.log if status is None or s == status]

    @contextlib.contextmanager
    def serve(self) -> Iterator[str]:
        server = ThreadingHTTPServer(("127.0.0.1", 0), self.handler())
        server.daemon_threads = True
        scheme = "http"
        if self.tls:
            ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            ctx.load_cert_chain(str(self.tls[0]), str(self.tls[1]))
            server.socket = ctx.wrap_socket(server.socket, server_side=True)
            scheme = "https"
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        try:
            yield f"{scheme}://127.0.0.1:{server.server_address[1]}/"
        finally:
            server.shutdown()
            server.server_close()
            thread.join(timeout=5)


def send_html(handler: BaseHTTPRequestHandler, body: str | bytes, status: int = 200) -> None:
    """Answer a request from a page callable with an HTML body (UTF-8)."""
    data = body.encode("utf-8") if isinstance(body, str) else body
    handler.send_response(status)
    handler.send_header("Content-Type", "text/html; charset=utf-8")
    handler.send_header("Content-Length", str(len(data)))
    handler.end_headers()
    handler.wfile.write(data)


def html(title: str, body: str, head: str = "", charset: str = "utf-8") -> str:
    meta = f'<meta charset="{charset}">' if charset else ""
    return f"<!DOCTYPE html><html><head>{meta}<title>{title}</title>{head}</head><body>{body}</body></html>"


def pdf_bytes(text: str) -> bytes:
    """A one-page PDF with ``text`` (Thai needs a font: pages use Latin text)."""
    import pymupdf

    doc = pymupdf.open()
    page = doc.new_page()
    page.insert_text((72, 72), text)
    data = doc.tobytes()
    doc.close()
    return data


def run_spider(url: str, db: Path, *settings: str, timeout: int = 120) -> subprocess.CompletedProcess:
    """``scrapy crawl unit_site -a url=URL -s OIT_DB=DB -s …`` from the repo root."""
    args = [sys.executable, "-m", "scrapy", "crawl", "unit_site", "-a", f"url={url}", "-s", f"OIT_DB={db}"]
    args += ["-s", "OIT_PROGRESS=False", "-s", "LOG_LEVEL=ERROR", "-s", "AUTOTHROTTLE_START_DELAY=0"]
    for s in settings:
        args += ["-s", s]
    env = {**os.environ, "PYTHONPATH": str(REPO), "PYTHONWARNINGS": "ignore"}
    result = subprocess.run(args, capture_output=True, text=True, timeout=timeout, env=env, cwd=REPO)
    assert result.returncode == 0, result.stderr[-3000:]
    return result


def db_rows(db: Path, sql: str, args: list | None = None) -> list[dict]:
    return list(sqlite_utils.Database(db).query(sql, args or []))


def fetched_urls(db: Path, run_id: int | None = None) -> dict[str, dict]:
    rows = db_rows(db, "select * from resources" + (" where run_id = ?" if run_id else ""), [run_id] if run_id else [])
    return {r["url"]: r for r in rows}


def make_cert(directory: Path, expired: bool = True) -> tuple[Path, Path]:
    """A self-signed certificate for 127.0.0.1/localhost (expired unless told otherwise)."""
    import ipaddress

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")])
    now = datetime.now(UTC)
    start, end = (now - timedelta(days=400), now - timedelta(days=30)) if expired else (now, now + timedelta(days=30))
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(start)
        .not_valid_after(end)
        .add_extension(
            x509.SubjectAlternativeName([x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
            critical=False,
        )
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = directory / "cert.pem", directory / "key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    )
    return cert_path, key_path
