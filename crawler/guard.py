"""``OIT_REFUSE_PRIVATE``: no request of the crawl reaches a host inside a private network (the web page's checks).

Two layers: :class:`AddressGuard`, a downloader middleware before every other, refuses a request whose host is or
resolves to a refused address (:mod:`oitbase.netguard`), with the reason recorded against the URL (redirect hops,
robots.txt and sitemaps pass through it too); :class:`GuardedResolver`, the process's DNS resolver, refuses such an
address when the connection is made, so a name that resolves to a public address for the check and a private one
a moment later (DNS rebinding) still cannot reach inside. Browser requests are checked in :mod:`crawler.render`.
"""

from __future__ import annotations

import asyncio
from urllib.parse import urlsplit

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.exceptions import IgnoreRequest, NotConfigured
from scrapy.resolver import CachingThreadedResolver
from twisted.internet.error import DNSLookupError

from oitbase.netguard import AddressRefused, check_host, literal, refusal_reason


class PrivateAddress(IgnoreRequest):
    """The request's host is inside a private network; the text is :class:`AddressRefused`'s."""


def port_of(url: str) -> tuple[str, int]:
    parts = urlsplit(url)
    try:
        port = parts.port
    except ValueError:
        port = None
    return parts.hostname or "", port or (443 if parts.scheme == "https" else 80)


class AddressGuard:
    def __init__(self, crawler: Crawler):
        self.crawler = crawler
        #: host → why it is refused ("" when allowed), for this crawl
        self.verdicts: dict[str, str] = {}

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> AddressGuard:
        if not crawler.settings.getbool("OIT_REFUSE_PRIVATE"):
            raise NotConfigured
        return cls(crawler)

    async def process_request(self, request: Request) -> None:
        if urlsplit(request.url).scheme not in ("http", "https"):
            raise PrivateAddress(f"ตรวจได้เฉพาะ http และ https (refused: {request.url[:100]})")
        host, port = port_of(request.url)
        if host not in self.verdicts:
            try:
                await asyncio.to_thread(check_host, host, port)
                self.verdicts[host] = ""
            except AddressRefused as exc:
                self.verdicts[host] = str(exc)
        if why := self.verdicts[host]:
            self.crawler.stats.inc_value("oit/private_refused")
            raise PrivateAddress(why)
        return None


class GuardedResolver(CachingThreadedResolver):
    """Scrapy's caching resolver, refusing addresses inside private networks when a connection is made."""

    def getHostByName(self, name: str, timeout=()):  # noqa: ANN001, ANN201, N802 - Twisted's interface
        d = super().getHostByName(name, timeout)
        d.addCallback(self._checked, name)
        return d

    @staticmethod
    def _checked(address: str, name: str) -> str:
        ip = literal(address)
        if ip is not None and (reason := refusal_reason(ip)):
            raise DNSLookupError(str(AddressRefused(name, address, reason)))
        return address
