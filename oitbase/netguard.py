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
#: How every refusal begins (oitbase.fetch_errors.error_kind knows a refusal by it).
REFUSED_TEXT = "ไม่ตรวจที่อยู่ภายในเครือข่าย"

KINDS = (
    ("is_loopback", "loopback"),
    ("is_private", "private"),
    ("is_link_local", "link-local"),
    ("is_multicast", "multicast"),
    ("is_unspecified", "unspecified"),
    ("is_reserved", "reserved"),
    ("is_site_local", "site-local"),  # IPv6 fec0::/10 (deprecated, still not global); IPv4 has no such attribute
)
#: Not global, yet missing from Python 3.11's tables: all of 192.0.0.0/24 (IETF protocol assignments), 3fff::/20
#: (documentation, RFC 9637), 64:ff9b:1::/48 (local-use NAT64, RFC 8215), 100.64.0.0/10 (shared, carrier-grade NAT).
EXTRA_NETWORKS = (
    (ipaddress.ip_network("100.64.0.0/10"), "shared (carrier-grade NAT)"),
    (ipaddress.ip_network("192.0.0.0/24"), "reserved"),
    (ipaddress.ip_network("3fff::/20"), "documentation"),
    (ipaddress.ip_network("64:ff9b:1::/48"), "local-use NAT64"),
)


class AddressRefused(Exception):
    """A request to a host inside a private network; the message is one line, Thai and English. It names the host
    and the kind of address, not the address a name resolved to: the message reaches whoever asked for the check, who
    must not learn a private network's addresses from it (``.address`` keeps it for the logs)."""

    def __init__(self, host: str, address: str, reason: str):
        self.host, self.address, self.reason = host, address, reason
        super().__init__(f"{REFUSED_TEXT} (refused: {host}, a {reason} address)")


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
        if getattr(ip, attr, False):
            return name
    for network, name in EXTRA_NETWORKS:
        if ip.version == network.version and ip in network:
            return name
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


def checked_addresses(host: str, port: int = 80) -> list[str]:
    """The addresses of ``host`` (a name or a literal address), each allowed; :class:`AddressRefused` when any is
    refused, or when the name is ``localhost`` or under it (loopback by RFC 6761, whatever the resolver says: browsers
    treat it so). Connecting to one of these, rather than resolving again, leaves no room for DNS rebinding."""
    host = (host or "").strip().rstrip(".").lower()
    if host == "localhost" or host.endswith(".localhost"):
        raise AddressRefused(host, host, "loopback")
    ip = literal(host)
    addresses = [str(ip)] if ip is not None else resolve(host, port)
    for address in addresses:
        parsed = literal(address)
        if parsed is not None and (reason := refusal_reason(parsed)):
            raise AddressRefused(host, str(parsed), reason)
    return addresses


def check_host(host: str, port: int = 80) -> None:
    """Raise :class:`AddressRefused` when ``host`` (a name or a literal address) is or resolves to a refused address."""
    checked_addresses(host, port)


async def check_host_async(host: str, port: int = 80) -> None:
    """:func:`check_host` off the event loop."""
    await asyncio.to_thread(check_host, host, port)


def check_url(url: str) -> None:
    """Refuse a URL that is not http(s), has no host, or whose host is refused (:class:`AddressRefused`). A URL with a
    backslash is judged as Python reads it and as browsers and Scrapy do (a slash): ``http://10.0.0.1\\@example.com/``
    is 10.0.0.1 to a browser, ``http://example.com\\@10.0.0.1/`` to Python; both are refused."""
    url = url.strip()
    for reading in dict.fromkeys((url, url.replace("\\", "/"))):
        parts = urlsplit(reading)
        if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
            raise AddressRefused(parts.hostname or url[:100], parts.hostname or "", "non-web (only http and https)")
        try:
            port = parts.port or (443 if parts.scheme.lower() == "https" else 80)
        except ValueError:
            port = 80
        check_host(parts.hostname, port)
