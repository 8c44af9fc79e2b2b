"""What keeps the web page safe to host: response headers (a Content-Security-Policy without inline scripts), the
form's CSRF token, per-client rate limits, and the addresses a check may fetch."""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import ipaddress
import secrets

from limits import parse
from limits.storage import MemoryStorage
from limits.strategies import MovingWindowRateLimiter
from starlette.requests import Request
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

#: Pages of the app: scripts and styles only from its own files; nothing framed, no plugin, forms post here only.
PAGE_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
    "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
#: A downloaded HTML report or chart (self-contained: inline styles, nothing else).
FILE_POLICY = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; sandbox"
)

#: Every answer's hardening headers (the page policy unless the answer set its own).
HARDENING = {
    b"content-security-policy": PAGE_POLICY.encode(),
    b"x-content-type-options": b"nosniff",
    b"referrer-policy": b"same-origin",
    b"x-frame-options": b"DENY",
    b"cross-origin-opener-policy": b"same-origin",
    b"permissions-policy": b"camera=(), microphone=(), geolocation=()",
}

CSRF_COOKIE = "oit_csrf"
CSRF_FIELD = "csrf_token"


class SecurityHeaders:
    """ASGI middleware: every response gets the page policy (unless it set its own) and the usual hardening."""

    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                names = {k.lower() for k, _ in headers}
                headers += [(k, v) for k, v in HARDENING.items() if k not in names]
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, with_headers)


def hardened(response: Response) -> Response:
    """``response`` with the hardening headers, for an answer made outside :class:`SecurityHeaders` (the error 500)."""
    for name, value in HARDENING.items():
        response.headers.setdefault(name.decode(), value.decode())
    return response


def csrf_token(secret: str, cookie: str) -> str:
    """The form's hidden token for this browser's cookie (HMAC: a page of another site can neither read nor make it)."""
    return hmac.new(secret.encode(), cookie.encode(), hashlib.sha256).hexdigest()


def new_csrf_cookie() -> str:
    return secrets.token_urlsafe(24)


def csrf_ok(request: Request, secret: str, token: str | None) -> bool:
    """The form came from a page of this app: its token matches this browser's cookie, and a browser's Origin (when
    it sends one) is this site."""
    cookie = request.cookies.get(CSRF_COOKIE, "")
    if not cookie or not token or not hmac.compare_digest(csrf_token(secret, cookie), token):
        return False
    origin = request.headers.get("origin")
    if origin and origin != "null":
        own = f"{request.url.scheme}://{request.url.netloc}"
        return origin == own
    return origin != "null"


def client_of(request: Request) -> str:
    """Who asks: the address the server sees (behind a proxy, uvicorn's --forwarded-allow-ips makes it the real one);
    for IPv6 its /64, as one customer or phone gets a whole /64 and could otherwise take a new address per check."""
    host = request.client.host if request.client else "unknown"
    try:
        ip = ipaddress.ip_address(host)
    except ValueError:
        return host
    if ip.version == 4:
        return str(ip)
    if ip.ipv4_mapped is not None:
        return str(ip.ipv4_mapped)
    return str(ipaddress.ip_network(f"{ip}/64", strict=False))


class RateLimits:
    """Moving-window limits per client, kept in memory (one server process)."""

    def __init__(self, checks: str, requests: str):
        self.limiter = MovingWindowRateLimiter(MemoryStorage())
        self.checks = parse(checks)
        self.requests = parse(requests)

    def allow_check(self, client: str) -> bool:
        return self.limiter.hit(self.checks, "check", client)

    def allow_request(self, client: str) -> bool:
        return self.limiter.hit(self.requests, "request", client)


async def refusal(url: str, allow_private: bool) -> str:
    """Why ``url`` may not be checked ("" when it may): not http(s), or (unless ``allow_private``) a host that resolves
    to an address inside a private network. The answer names the host and the kind of address, not the address a
    name resolves to (the page must not map a network's names). The crawl checks every request again."""
    if allow_private:
        return ""
    from oitbase.netguard import AddressRefused, check_url

    try:
        await asyncio.to_thread(check_url, url)
    except AddressRefused as exc:
        return f"{exc.host} ({exc.reason})"
    return ""
