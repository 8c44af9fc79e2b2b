"""Stop fetching what cannot change a verdict (setting ``OIT_SETTLE``, on for ``oit check``; ``--full`` turns it off).

A unit's site is a few dozen pages and documents that can be evidence and, behind them, a news archive of thousands
that cannot: at the 2 requests a second a polite crawl makes, the archive is most of the wait. The scheduler pops
the likeliest links first (``crawler.focus``), so once it hands out links that score at most
``OIT_SETTLE_SCORE`` every likelier link found so far has been fetched. From then on :class:`Settle` judges the
stored run (``OIT_SETTLE_COMMAND``, a child process printing the verdicts as JSON: ``oit check`` gives
``python -m checklist.settle …``) each time ``OIT_SETTLE_WINDOW`` more such unlikely pages
have been fetched (or a quarter of all fetched, when that is more); when two judgements in a row give every item the
same status and the same first evidence, the crawl has settled. :class:`SettledFilter` then refuses the unlikely
links still waiting, and those found later, as skipped links with their reason; likelier links (a document on an
archive page, a link naming an item) are still fetched. The run says so in its warnings.
"""

from __future__ import annotations

import json
import logging
import subprocess
import threading

from scrapy import Request, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import IgnoreRequest, NotConfigured
from scrapy.http import Response

logger = logging.getLogger(__name__)

#: One judgement at a time per process (several crawls may share one).
_JUDGING = threading.Lock()
#: Seconds a judgement may take before it is given up (the crawl then goes on as if it had not settled).
JUDGE_TIMEOUT = 600.0

SETTLED_WARNING = (
    "หยุดเก็บลิงก์ที่ไม่น่าจะเป็นหลักฐานแล้ว เพราะผลการตรวจไม่เปลี่ยนหลังเก็บเพิ่ม {window:,} หน้า "
    "ลิงก์ที่ไม่ได้เก็บอยู่ในรายการลิงก์ที่ข้าม (settled: the verdicts did not change over the last {window:,} "
    "unlikely pages fetched, so links unlikely to be evidence were not fetched; `oit check --full` fetches them)"
)


class Settled(IgnoreRequest):
    """A link unlikely to be evidence, not fetched because the crawl has settled."""


def is_unlikely(request: Request, threshold: int) -> bool:
    """A page or document the spider scored as unlikely evidence (not a sitemap, a rendering or an off-site file)."""
    meta = request.meta
    if meta.get("oit_aux") or meta.get("oit_render") or meta.get("oit_offsite") or "oit_score" not in meta:
        return False
    return meta["oit_score"] <= threshold


class Settle:
    def __init__(self, crawler: Crawler, command: list[str], window: int, threshold: int):
        self.crawler = crawler
        self.command = command
        self.window = window
        self.threshold = threshold
        self.fetched = 0
        self.unlikely_since = 0
        #: Unlikely pages fetched between the last two judgements.
        self.last_window = 0
        self.previous: dict | None = None
        self.judging = False
        self.process: subprocess.Popen | None = None
        self.closed = False

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Settle:
        s = crawler.settings
        command = s.getlist("OIT_SETTLE_COMMAND")
        if not (s.getbool("OIT_SETTLE") and command):
            raise NotConfigured
        ext = cls(crawler, command, s.getint("OIT_SETTLE_WINDOW", 150), s.getint("OIT_SETTLE_SCORE", 5))
        crawler.signals.connect(ext.response_received, signal=signals.response_received)
        crawler.signals.connect(ext.spider_closed, signal=signals.spider_closed)
        return ext

    def response_received(self, response: Response, request: Request, spider) -> None:
        if request.meta.get("oit_aux") or request.meta.get("oit_render"):
            return
        self.fetched += 1
        if getattr(spider, "settled", False) or not is_unlikely(request, self.threshold):
            return
        self.unlikely_since += 1
        if not self.judging and self.unlikely_since >= max(self.window, self.fetched // 4):
            self._judge(spider)

    def _judge(self, spider) -> None:
        from twisted.internet import threads

        self.judging, self.last_window, self.unlikely_since = True, self.unlikely_since, 0
        self.crawler.stats.inc_value("oit/settle_judgements")
        d = threads.deferToThread(self._run_judgement)
        d.addCallback(self._judged, spider)
        d.addErrback(self._failed)

    def _run_judgement(self) -> dict:
        with _JUDGING:  # held until the judgement ends: the crawls of a process judge one after another
            if self.closed:
                raise RuntimeError("the crawl ended")
            self.process = subprocess.Popen(self.command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            try:
                out, err = self.process.communicate(timeout=JUDGE_TIMEOUT)
            except subprocess.TimeoutExpired:
                self.process.kill()
                raise
        if self.process.returncode:
            raise RuntimeError(f"judging ended with code {self.process.returncode}: {err.strip()[-300:]}")
        return json.loads(out)

    def _judged(self, snapshot: dict, spider) -> None:
        self.judging = False
        verdicts = snapshot["verdicts"]
        if self.previous is not None and self.previous == verdicts and not self.closed:
            spider.settled = True
            self.crawler.stats.set_value("oit/settled_after", self.fetched)
            spider.warn(SETTLED_WARNING.format(window=self.last_window))
        self.previous = verdicts

    def _failed(self, failure) -> None:
        self.judging = False
        if not self.closed:
            logger.warning("could not judge the crawl so far: %s", failure.getErrorMessage())
            self.crawler.stats.inc_value("oit/settle_failed")

    def spider_closed(self, spider, reason) -> None:
        self.closed = True
        if self.process is not None and self.process.poll() is None:
            self.process.kill()


class SettledFilter:
    """Refuses the unlikely links of a crawl that has settled (downloader middleware)."""

    def __init__(self, crawler: Crawler, threshold: int):
        self.crawler = crawler
        self.threshold = threshold

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> SettledFilter:
        if not crawler.settings.getbool("OIT_SETTLE"):
            raise NotConfigured
        return cls(crawler, crawler.settings.getint("OIT_SETTLE_SCORE", 5))

    def process_request(self, request: Request) -> None:
        if getattr(self.crawler.spider, "settled", False) and is_unlikely(request, self.threshold):
            if not request.meta.get("retry_times") and not request.meta.get("redirect_times"):
                self.crawler.stats.inc_value("oit/settled_skipped")
                raise Settled(request.url)
        return None
