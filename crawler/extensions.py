"""Terminal progress while crawling: pages, documents, errors and OIT items found so far."""

from __future__ import annotations

import sys
import time

from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured

from crawler.items import FetchedResource
from crawler.signals import OCR_PAGE


class Progress:
    """Prints one progress line to stderr (rewritten in place on a terminal).

    "Items found so far" counts catalog items whose name appears in the title, headings or link
    text of a fetched page or document: a cheap signal while crawling, not the final verdict.
    """

    def __init__(self, crawler: Crawler, matcher, interval: float = 0.5):
        self.crawler = crawler
        self.matcher = matcher
        self.interval = interval
        self.counts = {"pages": 0, "documents": 0, "errors": 0}
        self.found: set[str] = set()
        self.total_items = matcher.total if matcher else 0
        self.last = 0.0
        self.tty = sys.stderr.isatty()
        #: The document being OCR'd: (name, pages done, pages).
        self.ocr: tuple[str, int, int] | None = None
        self.ocr_pages = 0

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Progress:
        if not crawler.settings.getbool("OIT_PROGRESS", True):
            raise NotConfigured
        matcher = None
        catalog = crawler.settings.get("OIT_CATALOG")
        if catalog:
            from checklist.catalog import load_catalog
            from checklist.engine import ItemNameMatcher

            cat = load_catalog(catalog)
            matcher = ItemNameMatcher(cat.items_for(crawler.settings.get("OIT_UNIT_TYPE", "lao")))
        ext = cls(crawler, matcher)
        crawler.signals.connect(ext.item_scraped, signal=signals.item_scraped)
        crawler.signals.connect(ext.spider_closed, signal=signals.spider_closed)
        crawler.signals.connect(ext.ocr_page, signal=OCR_PAGE)
        return ext

    def ocr_page(self, url: str, done: int, total: int) -> None:
        self.ocr = (url.rsplit("/", 1)[-1][:40], done, total)
        self.ocr_pages += 1
        self._maybe_print()

    def item_scraped(self, item: FetchedResource, spider) -> None:
        if item.error:
            self.counts["errors"] += 1
        elif item.kind == "html":
            self.counts["pages"] += 1
        else:
            self.counts["documents"] += 1
        if self.matcher is not None and not item.error:
            title = item.extracted.title if item.extracted else ""
            heads = " ".join(item.extracted.headings) if item.extracted else ""
            self.found |= self.matcher.codes_named(" ".join((item.anchor, title, heads)))
        self._maybe_print()

    def _maybe_print(self) -> None:
        """At most every ``interval`` seconds on a terminal, every 5 s into a log file."""
        now = time.monotonic()
        if now - self.last >= (self.interval if self.tty else 5.0):
            self.last = now
            self._print()

    def spider_closed(self, spider, reason) -> None:
        self._print(final=True)

    def _print(self, final: bool = False) -> None:
        c = self.counts
        line = f"หน้าเว็บ {c['pages']} · เอกสาร {c['documents']} · อ่านไม่ได้ {c['errors']}"
        if self.total_items:
            line += f" · พบรายการ {len(self.found)}/{self.total_items}"
        if self.ocr is not None:
            name, done, total = self.ocr
            line += f" · OCR {self.ocr_pages} หน้า ({name} {done}/{total})"
        if self.tty:
            sys.stderr.write("\r\033[K" + line + ("\n" if final else ""))
        else:
            sys.stderr.write(line + "\n")
        sys.stderr.flush()
