"""Incremental re-crawls: Scrapy's HTTP cache, revalidated on every run.

``RevalidatePolicy`` stores 200 responses that carry a validator (``ETag`` or ``Last-Modified``)
and never trusts them without asking: each re-crawl sends ``If-None-Match``/``If-Modified-Since``,
and a ``304 Not Modified`` is answered from the cache (the spider sees the stored body; the store
pipeline finds its content hash and does not extract it again). Responses without validators are
not stored: they are fetched again, and their content hash still saves the extraction.

``UnitCacheStorage`` keeps one cache per unit next to the SQLite store
(``<db dir>/oit-cache/<host>/httpcache``, see :func:`crawler.resume.state_dir`) unless
``HTTPCACHE_DIR`` is set.
"""

from __future__ import annotations

from pathlib import Path

from scrapy import Request, Spider
from scrapy.extensions.httpcache import FilesystemCacheStorage, RFC2616Policy
from scrapy.http import Response


class RevalidatePolicy(RFC2616Policy):
    def should_cache_request(self, request: Request) -> bool:
        return not request.meta.get("playwright") and super().should_cache_request(request)

    def should_cache_response(self, response: Response, request: Request) -> bool:
        if response.status != 200 or b"no-store" in self._parse_cachecontrol(response):
            return False
        return b"ETag" in response.headers or b"Last-Modified" in response.headers

    def is_cached_response_fresh(self, cachedresponse: Response, request: Request) -> bool:
        self._set_conditional_validators(request, cachedresponse)
        return False

    def is_cached_response_valid(self, cachedresponse: Response, response: Response, request: Request) -> bool:
        return response.status == 304


class UnitCacheStorage(FilesystemCacheStorage):
    """A unit's cache; on a unit's first crawl (an empty cache) no request is looked up in it: what this crawl
    stores is for the next one, and a lookup costs a request fingerprint and a file check per request."""

    def open_spider(self, spider: Spider) -> None:
        from crawler.resume import state_dir

        if not spider.settings.get("HTTPCACHE_DIR"):
            self.cachedir = str(state_dir(spider.settings.get("OIT_DB"), spider.start_url) / "httpcache")
        super().open_spider(spider)
        entries = Path(self.cachedir, spider.name)
        self.empty_at_open = not entries.is_dir() or next(entries.iterdir(), None) is None

    def retrieve_response(self, spider: Spider, request: Request) -> Response | None:
        if self.empty_at_open:
            return None
        return super().retrieve_response(spider, request)
