"""Store every fetched resource in the SQLite store, extracting each distinct file's text once."""

from __future__ import annotations

import asyncio
import contextlib
import functools
import hashlib
import json
import logging
import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime

from scrapy import Spider, signals
from scrapy.crawler import Crawler
from twisted.internet import task

from crawler.document_reader import READER
from crawler.items import FetchedResource, SkippedLink
from crawler.signals import CRAWL_ABANDONED, EXTRACT_WAITING, OCR_PAGE
from oitbase import __version__
from oitbase.extract import Extracted, extract_in_pool
from oitbase.thai import clean, fold, fold_cleaned
from oitbase.thai_repair import needed, repair
from storage import store

logger = logging.getLogger(__name__)

#: Why a document without an extraction error holds no text: pages that looked scanned (OCR off,
#: or it read nothing), or a file with no text at all (blank PDF pages, an empty sheet).
NO_TEXT = {
    "scan": "ไม่มีข้อความให้อ่าน อาจเป็นไฟล์สแกน (no text layer: scanned document?)",
    "empty": "ไม่มีข้อความในไฟล์ (the file holds no text)",
}

#: One extraction at a time in the process: crawls sharing a reactor (``oit.crawl_many``) each have their own
#: extraction thread, and PyMuPDF is not thread-safe. A crawl waiting for it sends EXTRACT_WAITING every
#: EXTRACT_WAIT_BEAT seconds, so that its watchdog does not take the wait for a stall.
EXTRACT_LOCK = threading.Lock()
EXTRACT_WAIT_BEAT = 1.0
#: Scrapy stats kept in the run's crawl stats (besides the ``oit/`` and ``httpcache/`` ones): what crawl health
#: (``checklist.health``) reads.
KEPT_STATS = (
    "oit/",
    "httpcache/",
    "robotstxt/",
    "retry/",
    "downloader/response_status_count/",
    "downloader/exception_type_count/",
    "downloader/request_count",
    "downloader/response_count",
    "playwright/browser_count",
    "playwright/page_count",
)


def text_row(sha: str, ext: Extracted) -> dict:
    """The ``texts`` row of an extraction: cleaned text (one Thai normalisation, plus the sara am
    repair of :mod:`oitbase.thai_repair` where the document needs it) and its fold.

    The text is already capped by :func:`oitbase.extract.extract` (``features["text_cut_at"]``)."""
    text = clean(ext.text)
    sara_am = needed(text)
    text = repair(text, sara_am)
    error = ext.error
    if not error and not text.strip() and ext.kind not in ("html", "other"):
        scanned = ext.features.get("pages_need_ocr", 0) or ext.features.get("pages_ocr", 0)
        error = NO_TEXT["scan" if scanned or ext.kind == "pdf" and ext.features.get("image") else "empty"]
    return {
        "sha256": sha,
        "kind": ext.kind,
        "title": repair(clean(ext.title), sara_am),
        "headings": json.dumps([repair(clean(h), sara_am) for h in ext.headings], ensure_ascii=False),
        "text": text,
        "folded": fold(text) if sara_am else fold_cleaned(text),  # unrepaired, it is clean(ext.text)
        "pages": json.dumps(
            [
                {
                    "number": p.number,
                    "method": p.method,
                    "chars": p.chars,
                    "confidence": p.confidence,
                    "quality": p.quality,
                }
                for p in ext.pages
            ],
            ensure_ascii=False,
        ),
        "methods": ",".join(sorted({p.method for p in ext.pages})),
        "features": json.dumps(ext.features, ensure_ascii=False),
        "error": error,
        "encoding": ext.encoding,
        "extracted_at": store.now_iso(),
    }


class StorePipeline:
    def __init__(self, crawler: Crawler):
        self.crawler = crawler
        self.settings = crawler.settings
        self.db = None
        self.writer: store.CrawlWriter | None = None
        self._flusher: task.LoopingCall | None = None
        self.run_id = 0
        self.counts = {"pages": 0, "documents": 0, "errors": 0, "cached": 0}
        self.executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="oit-extract")
        self.in_flight: dict[str, asyncio.Future] = {}

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> StorePipeline:
        pipeline = cls(crawler)
        # The close reason (page count, Ctrl+C …) is only known to the spider_closed signal, which
        # comes after the pipelines' close_spider: the run is finished there.
        crawler.signals.connect(pipeline.spider_closed, signal=signals.spider_closed)
        crawler.signals.connect(pipeline.spider_closed, signal=CRAWL_ABANDONED)
        return pipeline

    def open_spider(self) -> None:
        spider = self.crawler.spider
        self.db = store.open_db(self.settings.get("OIT_DB"))
        self.run_id = self.settings.getint("OIT_RUN_ID") or store.start_run(
            self.db,
            unit_url=getattr(spider, "start_url", ""),
            unit_type=self.settings.get("OIT_UNIT_TYPE"),
            fiscal_year=self.settings.getint("OIT_FISCAL_YEAR") or None,
            settings={"source": "scrapy crawl"},
            tool_version=__version__,
        )
        spider.run_id = self.run_id
        self.writer = store.CrawlWriter(self.db)
        self._flusher = task.LoopingCall(self._flush_due)
        self._flusher.start(self.writer.max_seconds, now=False)

    def _flush_due(self) -> None:
        if self.writer is not None and self.writer.due():
            self.writer.flush()

    def spider_closed(self, spider: Spider, reason: str) -> None:
        self.executor.shutdown(wait=False, cancel_futures=True)
        if self._flusher is not None and self._flusher.running:
            self._flusher.stop()
        if self.db is None:
            return
        self.writer.flush()
        partial_reason = ""
        if stop_reason := self.crawler.stats.get_value("oit/stop_reason"):
            partial_reason = stop_reason  # the watchdog ended it (no progress, time limit)
        elif getattr(spider, "capped", False):
            partial_reason = "ถึงจำนวนหน้าสูงสุดที่กำหนด (page cap reached)"
        elif reason != "finished":
            partial_reason = f"การตรวจถูกหยุดก่อนเสร็จ (crawl stopped: {reason})"
        run = store.get_run(self.db, self.run_id)
        warnings = json.loads(run.get("warnings") or "[]")
        warnings += [w for w in getattr(spider, "run_warnings", []) if w not in warnings]
        store.update_run(
            self.db,
            self.run_id,
            crawl_status="partial" if partial_reason else "complete",
            partial_reason=partial_reason,
            crawl_finished=store.now_iso(),
            crawl_stats={**self._crawl_stats(), "close_reason": reason},
            warnings=warnings,
        )

    def _crawl_stats(self) -> dict:
        """Counts of this process, the run's totals (a resumed run has two parts) and crawler stats."""
        stats = self.crawler.stats.get_stats()
        extra = {k.removeprefix("oit/").replace("/", "_"): v for k, v in stats.items() if k.startswith(KEPT_STATS)}
        if isinstance(started := stats.get("start_time"), datetime):
            extra["elapsed_seconds"] = round((datetime.now(UTC) - started.astimezone(UTC)).total_seconds(), 1)
        return {**self.counts, "run_totals": store.run_totals(self.db, self.run_id), **extra}

    def _ocr_pending(self, cached: dict) -> bool:
        return self.settings.getbool("OIT_OCR", True) and store.unread_scanned_pages(cached.get("features")) > 0

    def _needs_worker(self, item: FetchedResource) -> bool:
        """Documents, and HTML pages whose text is unusable or only in images, are extracted off the reactor."""
        ext = item.extracted
        if ext is None:
            return True
        return self.settings.getbool("OIT_OCR", True) and bool(
            ext.features.get("unusable_text") or ext.features.get("text_in_images")
        )

    async def _extract(self, item: FetchedResource) -> Extracted:
        """Extract in one worker thread, which hands the file to the reader process (:mod:`crawler.document_reader`)
        or, with ``OIT_EXTRACT_PROCESS`` off, reads it itself (PyMuPDF is not thread-safe)."""
        url = item.final_url or item.url
        loop = asyncio.get_running_loop()

        def on_page(done: int, total: int) -> None:
            send = functools.partial(self.crawler.signals.send_catch_log, OCR_PAGE, url=url, done=done, total=total)
            loop.call_soon_threadsafe(send)

        deadline_s = self.settings.getfloat("OIT_DOC_TIMEOUT", 300.0)
        options = {
            "ocr": self.settings.getbool("OIT_OCR", True),
            "ocr_workers": self.settings.getint("OIT_OCR_WORKERS", 2),
            "max_pages": self.settings.getint("OIT_DOC_MAX_PAGES", 300),
            "deadline_s": deadline_s,
            "max_bytes": self.settings.getint("OIT_DOC_MAX_MB", 100) * 1024 * 1024,
            "on_page": on_page,
        }
        if self.settings.getbool("OIT_EXTRACT_PROCESS", True):
            # The reader gets the deadline and a margin for its own start (imports) and the pipe.
            job = functools.partial(READER.read, item.body, item.content_type, url, timeout=deadline_s + 60, **options)
        else:
            job = functools.partial(extract_in_pool, item.body, item.content_type, url, **options)
        waiting = functools.partial(self.crawler.signals.send_catch_log, EXTRACT_WAITING)

        def locked() -> Extracted:
            while not EXTRACT_LOCK.acquire(timeout=EXTRACT_WAIT_BEAT):
                with contextlib.suppress(RuntimeError):  # the loop is closed: the process is ending
                    loop.call_soon_threadsafe(waiting)
            try:
                return job()
            finally:
                EXTRACT_LOCK.release()

        try:
            return await loop.run_in_executor(self.executor, locked)
        except Exception as exc:  # a broken file must not stop the crawl: record why
            logger.exception("extraction failed for %s", url)
            kind = item.kind if item.kind != "html" else "other"
            return Extracted(kind=kind, error=f"อ่านไฟล์ไม่สำเร็จ (extraction failed: {type(exc).__name__}: {exc})")

    async def process_item(self, item: FetchedResource | SkippedLink) -> FetchedResource | SkippedLink:
        if isinstance(item, SkippedLink):
            self.writer.add("skipped_links", [{"run_id": self.run_id, "url": item.url, "src": item.src,
                                               "text": item.text, "reason": item.reason}])  # fmt: skip
            return item
        sha = ""
        text_error = ""
        if item.body is not None:
            sha = hashlib.sha256(item.body).hexdigest()
            cached = self.writer.text(sha)
            if cached is not None and self._ocr_pending(cached):
                cached = None  # extracted earlier without OCR: read the scanned pages now
            if cached is None and sha in self.in_flight:
                await self.in_flight[sha]  # the same file under another URL: extract it once
                text_error = (self.writer.text(sha) or {}).get("error") or ""
            elif cached is None:
                done: asyncio.Future = asyncio.get_running_loop().create_future()
                self.in_flight[sha] = done
                try:
                    ext = await self._extract(item) if self._needs_worker(item) else item.extracted
                    row = text_row(sha, ext)
                    self.writer.add("texts", [row])
                    text_error = row["error"]
                finally:
                    done.set_result(None)
                    self.in_flight.pop(sha, None)
            else:
                self.counts["cached"] += 1
                text_error = cached["error"] or ""
        error = item.error or text_error
        self.writer.add(
            "resources",
            [{
                "fetched_at": store.now_iso(),
                "run_id": self.run_id,
                "url": item.url,
                "final_url": item.final_url or item.url,
                "status": item.status,
                "content_type": item.content_type,
                "kind": item.kind,
                "depth": item.depth,
                "referrer": item.referrer,
                "anchor": item.anchor,
                "size": len(item.body) if item.body is not None else 0,
                "sha256": sha,
                "error": error,
                "offsite": int(item.offsite),
                "rendered": item.rendered,
            }],
        )
        self.writer.add(
            "links",
            [
                {"run_id": self.run_id, "src": item.url, "dst": dst, "text": text, "kind": kind, "offsite": int(off)}
                for dst, text, kind, off in item.links
            ],
        )
        self.writer.add(
            "skipped_links",
            [
                {"run_id": self.run_id, "url": dst, "src": item.url, "text": text, "reason": reason}
                for dst, text, reason in item.skipped
            ],
        )
        self.writer.add(
            "ita_rows",
            [
                {"run_id": self.run_id, "page_url": item.url, "code": c, "label": lab, "url": u, "position": i}
                for i, (c, lab, u) in enumerate(item.ita_rows)
            ],
        )
        key = "errors" if error else ("pages" if item.kind == "html" else "documents")
        self.counts[key] += 1
        item.body = None  # keep memory flat on big crawls
        return item
