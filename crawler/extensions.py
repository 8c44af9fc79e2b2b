"""Terminal progress while crawling: pages, documents, errors and OIT items found so far."""

from __future__ import annotations

import sys
import time

from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from scrapy.utils.defer import _schedule_coro

from crawler.items import FetchedResource
from crawler.signals import CRAWL_ABANDONED, EXTRACT_WAITING, OCR_PAGE
from oitbase.itemnames import ItemNames


class Progress:
    """Prints one progress line to stderr (rewritten in place on a terminal).

    "Items found so far" counts the items of ``OIT_ITEM_NAMES`` (the catalog's, given by ``oit check``) whose name
    appears in the title, headings or link text of a fetched page or document: a cheap signal while crawling, not
    the final verdict. Without the setting the line has no item count.
    """

    def __init__(self, crawler: Crawler, matcher: ItemNames | None, interval: float = 0.5, label: str = ""):
        self.crawler = crawler
        #: Printed before each line (OIT_PROGRESS_LABEL, e.g. the unit of a batch); lines are then never
        #: rewritten in place, as several crawls share the terminal.
        self.label = label
        self.matcher = matcher
        self.interval = interval
        self.counts = {"pages": 0, "documents": 0, "errors": 0}
        self.found: set[str] = set()
        self.total_items = matcher.total if matcher else 0
        self.last = 0.0
        self.tty = sys.stderr.isatty() and not label
        #: The document being OCR'd: (name, pages done, pages).
        self.ocr: tuple[str, int, int] | None = None
        self.ocr_pages = 0

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Progress:
        if not crawler.settings.getbool("OIT_PROGRESS", True):
            raise NotConfigured
        names = ItemNames.from_setting(crawler.settings.get("OIT_ITEM_NAMES"))
        ext = cls(crawler, names, label=crawler.settings.get("OIT_PROGRESS_LABEL") or "")
        crawler.signals.connect(ext.item_scraped, signal=signals.item_scraped)
        crawler.signals.connect(ext.spider_closed, signal=signals.spider_closed)
        crawler.signals.connect(ext.ocr_page, signal=OCR_PAGE)
        return ext

    def ocr_page(self, url: str, done: int, total: int) -> None:
        self.ocr = (url.rsplit("/", 1)[-1][:40], done, total)
        self.ocr_pages += 1
        self._maybe_print()

    def item_scraped(self, item: FetchedResource, spider) -> None:
        if not isinstance(item, FetchedResource):
            return
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
        if self.label:
            line = f"[{self.label}] {line}"
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


#: Why a crawl was ended early, for the run's partial reason (Thai + English).
STOP_REASONS = {
    "stalled": "การตรวจหยุดเพราะไม่มีความคืบหน้า {seconds:.0f} วินาที (no progress for {seconds:.0f} s: OIT_STALL_TIMEOUT)",
    "time_limit": "การตรวจหยุดเมื่อครบเวลาที่กำหนด {seconds:.0f} วินาที (time limit of {seconds:.0f} s reached)",
}


class Watchdog:
    """Ends a crawl that makes no progress, and a crawl that runs past its time budget.

    Progress is a response, a stored item or an OCR'd page. No progress for ``OIT_STALL_TIMEOUT``
    seconds (0: off) closes the spider as "stalled"; ``OIT_CRAWL_TIME_LIMIT`` seconds after the
    start (0: none) it is closed as "time_limit". Either way the run is partial and says why. If the
    spider has still not closed ``OIT_STOP_GRACE`` seconds later (a download or a page that never
    ends), the crawl is abandoned (``CRAWL_ABANDONED``: the run is finished as it is) and the reactor
    is stopped: whatever was stored is judged. With ``OIT_SHARED_REACTOR`` (several crawls in one
    process, :func:`oit.crawl_many.crawl_many`) the reactor is left running for the other crawls:
    whoever runs them treats the abandoned one as done and stops the reactor when all are.
    """

    def __init__(
        self,
        crawler: Crawler,
        stall: float,
        time_limit: float,
        grace: float,
        interval: float = 1.0,
        shared_reactor: bool = False,
    ):
        self.crawler = crawler
        self.shared_reactor = shared_reactor
        self.stall = stall
        self.time_limit = time_limit
        self.grace = grace
        self.interval = interval
        self.started = self.last_progress = time.monotonic()
        self.stopping_since = 0.0
        self.loop = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Watchdog:
        s = crawler.settings
        stall, limit = s.getfloat("OIT_STALL_TIMEOUT", 120.0), s.getfloat("OIT_CRAWL_TIME_LIMIT", 0.0)
        if stall <= 0 and limit <= 0:
            raise NotConfigured
        interval = min(1.0, max(stall, 0.1) / 10)
        ext = cls(crawler, stall, limit, s.getfloat("OIT_STOP_GRACE", 30.0), interval, s.getbool("OIT_SHARED_REACTOR"))
        progress = (signals.response_received, signals.item_scraped, signals.item_dropped, OCR_PAGE, EXTRACT_WAITING)
        for signal in progress:
            crawler.signals.connect(ext.progress, signal=signal)
        crawler.signals.connect(ext.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(ext.spider_closed, signal=signals.spider_closed)
        return ext

    def progress(self, *args, **kwargs) -> None:
        self.last_progress = time.monotonic()

    def spider_opened(self, spider) -> None:
        from twisted.internet import task

        self.started = self.last_progress = time.monotonic()
        self.loop = task.LoopingCall(self.tick)
        self.loop.start(self.interval, now=False)

    def spider_closed(self, spider, reason) -> None:
        if self.loop is not None and self.loop.running:
            self.loop.stop()

    def tick(self, now: float | None = None) -> str:
        """Check the clocks; returns the reason the crawl is being stopped ("" while it is not)."""
        now = time.monotonic() if now is None else now
        if self.stopping_since:
            if now - self.stopping_since > self.grace:
                self._hard_stop()
            return "stopping"
        reason = ""
        if self.time_limit > 0 and now - self.started >= self.time_limit:
            reason, seconds = "time_limit", self.time_limit
        elif self.stall > 0 and now - self.last_progress >= self.stall:
            reason, seconds = "stalled", self.stall
        if reason:
            self.stopping_since = now
            self.crawler.stats.set_value("oit/stop_reason", STOP_REASONS[reason].format(seconds=seconds))
            _schedule_coro(self.crawler.engine.close_spider_async(reason=reason))
        return reason

    def _hard_stop(self) -> None:
        """The spider did not close in time (a download or a page that never ends holds it open): the
        run is finished as it is (``CRAWL_ABANDONED``) and the reactor is stopped at once, without
        Scrapy's graceful shutdown, which would wait for that download; the check then judges what
        is stored. In a shared reactor only the signal is sent (the stuck download may linger until
        the reactor stops)."""
        from twisted.internet import reactor

        self.crawler.stats.set_value("oit/hard_stop", 1)
        if self.loop is not None and self.loop.running:
            self.loop.stop()
        self.crawler.signals.send_catch_log(CRAWL_ABANDONED, spider=self.crawler.spider, reason="abandoned")
        if self.shared_reactor:
            return
        if reactor.running:
            reactor.crash()
            reactor.getThreadPool().stop()  # its threads would keep the process alive
