"""Which hosts a check may fetch when it must stay out of private networks (the web page's checks: SSRF).

A host is refused when any address it resolves to is not a global unicast address: private, loopback, link-local,
multicast, reserved, unspecified, shared (100.64/10), documentation … — IPv4 and IPv6, with the IPv4 address inside
an IPv4-mapped, 6to4 or Teredo IPv6 address judged as IPv4. A name that does not resolve is not refused here (the
fetch then fails with its own DNS error). :func:`resolve` is the one place names are resolved, so tests can stand in
for DNS.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from urllib.parse import urlsplit

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

KINDS = (
    ("is_loopback", "loopback"),
    ("is_private", "private"),
    ("is_link_local", "link-local"),
    ("is_multicast", "multicast"),
    ("is_unspecified", "unspecified"),
    ("is_reserved", "reserved"),
)


class AddressRefused(Exception):
    """A request to a host inside a private network; the message is one line, Thai and English."""

    def __init__(self, host: str, address: str, reason: str):
        self.host, self.address, self.reason = host, address, reason
        where = host if host == address else f"{host} resolves to {address}"
        super().__init__(f"ไม่ตรวจที่อยู่ภายในเครือข่าย (refused: {where}, a {reason} address)")


def embedded_v4(ip: IPAddress) -> IPAddress:
    """The IPv4 address an IPv6 one carries (mapped, 6to4, Teredo client), else the address itself."""
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            return ip.ipv4_mapped
        if ip.sixtofour is not None:
            return ip.sixtofour
        if ip.teredo is not None:
            return ip.teredo[1]
    return ip


def refusal_reason(ip: IPAddress) -> str:
    """Why ``ip`` may not be fetched ("" when it may)."""
    ip = embedded_v4(ip)
    for attr, name in KINDS:
        if getattr(ip, attr):
            return name
    if ip in ipaddress.ip_network("100.64.0.0/10"):
        return "shared (carrier-grade NAT)"
    if not ip.is_global:
        return "non-global"
    return ""


def resolve(host: str, port: int) -> list[str]:
    """Every address ``host`` resolves to ([] when it does not resolve)."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError, ValueError):
        return []
    return [info[4][0] for info in infos]


def literal(host: str) -> IPAddress | None:
    try:
        return ipaddress.ip_address(host.strip("[]").split("%")[0])
    except ValueError:
        return None


def check_host(host: str, port: int = 80) -> None:
    """Raise :class:`AddressRefused` when ``host`` (a name or a literal address) is or resolves to a refused address."""
    host = (host or "").strip().rstrip(".")
    ip = literal(host)
    addresses = [str(ip)] if ip is not None else resolve(host, port)
    for address in addresses:
        parsed = literal(address)
        if parsed is not None and (reason := refusal_reason(parsed)):
            raise AddressRefused(host, str(parsed), reason)


async def check_host_async(host: str, port: int = 80) -> None:
    """:func:`check_host` off the event loop."""
    await asyncio.to_thread(check_host, host, port)


def check_url(url: str) -> None:
    """Refuse a URL that is not http(s), has no host, or whose host is refused (:class:`AddressRefused`)."""
    parts = urlsplit(url.strip())
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise AddressRefused(parts.hostname or url[:100], parts.hostname or "", "non-web (only http and https)")
    try:
        port = parts.port or (443 if parts.scheme.lower() == "https" else 80)
    except ValueError:
        port = 80
    check_host(parts.hostname, port)
