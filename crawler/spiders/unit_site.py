"""The unit-site spider: crawl one unit's website, its pages and documents.

    scrapy crawl unit_site -a url=https://www.example.go.th -s OIT_DB=example.db

Pages on the unit's host are followed; documents (PDF, Office files) are fetched and handed to
the store pipeline, which extracts their text once per content hash. Links to other hosts are
recorded, not fetched. Evidence-like links are scheduled first so that a page cap still reaches
the ITA pages.
"""

from __future__ import annotations

import re

import scrapy
from scrapy.http import Response
from twisted.python.failure import Failure

from crawler.ita_index import parse_ita_index
from crawler.items import FetchedResource
from crawler.urls import ensure_scheme, is_onsite, link_priority, site_host
from oit.extract import extract, is_document_url, sniff_kind
from oit.fetch_errors import describe_failure

#: Item codes in a page's text: a page naming several is probably an ITA index page.
CODE_MENTION = re.compile(r"(?<![A-Za-z0-9])[Oo]\s?\.?\s?([0-9๐-๙]{1,2})(?![0-9๐-๙])")
SKIP_EXTENSIONS = re.compile(
    r"\.(jpe?g|png|gif|bmp|svg|webp|ico|css|js|mp3|mp4|avi|mov|wmv|zip|rar|7z|exe|iso|woff2?|ttf)(\?|$)",
    re.IGNORECASE,
)


class UnitSiteSpider(scrapy.Spider):
    name = "unit_site"

    def __init__(self, url: str = "", max_pages: int | str | None = None, **kwargs):
        super().__init__(**kwargs)
        if not url:
            raise ValueError("give the unit's homepage: scrapy crawl unit_site -a url=https://…")
        self.start_url = ensure_scheme(url)
        self.home_host = site_host(self.start_url)
        self._max_pages_arg = int(max_pages) if max_pages else None
        self.scheduled: set[str] = set()
        #: True when links were left unfetched because of the page cap.
        self.capped = False

    @property
    def max_pages(self) -> int:
        return self._max_pages_arg or self.settings.getint("OIT_MAX_PAGES", 3000)

    async def start(self):
        self.scheduled.add(self.start_url)
        yield scrapy.Request(
            self.start_url,
            callback=self.parse,
            errback=self.on_error,
            meta={"anchor": "หน้าแรก", "referrer": ""},
            priority=100,
        )

    # --- responses ----------------------------------------------------------------------------

    def parse(self, response: Response):
        content_type = response.headers.get(b"Content-Type", b"").decode("latin-1")
        kind = sniff_kind(response.body, content_type, response.url)
        base = self._resource(response, content_type, kind)
        if kind != "html":
            base.body = response.body
            yield base
            return
        ext = extract(response.body, content_type, response.url)
        base.extracted = ext
        base.body = response.body
        if response.status >= 400:
            base.error = f"HTTP {response.status}"
            yield base
            return
        if len(set(CODE_MENTION.findall(ext.text))) >= 5:
            base.ita_rows = [(r.code, r.label, r.url) for r in parse_ita_index(response.body, response.url)]
        requests = []
        for code, label, url in base.ita_rows:
            if url and is_onsite(url, self.home_host):
                req = self._follow(url, f"{code} {label}", response, bonus=20)
                if req is not None:
                    requests.append(req)
        for link in ext.links:
            onsite = is_onsite(link.url, self.home_host)
            base.links.append((link.url, link.text, link.kind, not onsite))
            if onsite and link.kind not in ("form",):
                req = self._follow(link.url, link.text, response)
                if req is not None:
                    requests.append(req)
        yield base
        yield from requests

    def on_error(self, failure: Failure):
        request = failure.request
        yield FetchedResource(
            url=request.url,
            kind="document" if is_document_url(request.url) else "html",
            depth=request.meta.get("depth", 0),
            referrer=request.meta.get("referrer", ""),
            anchor=request.meta.get("anchor", ""),
            error=describe_failure(failure),
        )

    # --- helpers ------------------------------------------------------------------------------

    def _resource(self, response: Response, content_type: str, kind: str) -> FetchedResource:
        request_url = response.request.url if response.request else response.url
        return FetchedResource(
            url=request_url,
            final_url=response.url,
            status=response.status,
            content_type=content_type,
            kind=kind,
            depth=response.meta.get("depth", 0),
            referrer=response.meta.get("referrer", ""),
            anchor=response.meta.get("anchor", ""),
        )

    def _follow(self, url: str, text: str, response: Response, bonus: int = 0) -> scrapy.Request | None:
        if url in self.scheduled or SKIP_EXTENSIONS.search(url):
            return None
        if len(self.scheduled) >= self.max_pages:
            self.capped = True
            return None
        self.scheduled.add(url)
        is_doc = is_document_url(url)
        return scrapy.Request(
            url,
            callback=self.parse,
            errback=self.on_error,
            priority=link_priority(url, text, is_doc) + bonus,
            meta={"anchor": text[:300], "referrer": response.url},
        )
