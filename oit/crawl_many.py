"""Several units' crawls at once in one process: one Twisted reactor, one Scrapy crawler per unit.

:func:`crawl_many` runs at most ``concurrency`` crawlers at a time in one ``CrawlerProcess`` and starts the next
job when one ends. Politeness is per host, as each crawler has its own downloader (``CONCURRENT_REQUESTS_PER_DOMAIN``,
AutoThrottle, robots.txt); two jobs on the same host never run at the same time. What the crawlers share is made
safe for it (``OIT_SHARED_REACTOR``): the watchdog abandons only its own crawl (the run is finished as it is and the
job counts as done; its stuck download may linger until the reactor stops), browser contexts are named per crawl,
and document extraction takes turns on one lock (PyMuPDF is not thread-safe). Each crawler's pipeline has its own
connection to the store; they all run in the reactor thread, so their writes never overlap.

:func:`crawl_many_in_child` runs it in a fresh child process (a reactor runs once per process) and calls
``on_start``/``on_done`` in the parent: the child sends one event per job start and end over a queue.

``on_done(job, reason)`` gets how the crawl ended: Scrapy's close reason ("finished", "shutdown" on Ctrl-C, …),
the watchdog's ("stalled", "time_limit"), "abandoned" (it would not close), "error: <text>" (an exception while
setting up or crawling; the other crawls go on), "not_started" (stopped before its turn) or, from the child,
"process_ended: <exit code>" (the child died while the job ran).
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
import os
import queue
import signal
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from urllib.parse import urlsplit

from checklist import settle
from checklist.catalog import load_catalog
from crawler.urls import ensure_scheme
from oit.check import CrawlOptions
from oitbase.processes import run_as_child
from storage import store

logger = logging.getLogger(__name__)


@dataclass
class CrawlJob:
    """One unit's crawl: its homepage, the store and run to write, and how to crawl."""

    home_url: str
    db_path: str
    run_id: int
    catalog_path: str
    fiscal_year: int
    unit_type: str
    options: CrawlOptions
    #: The caller's id for the job (the unit's code); the progress label of a batch.
    key: str = ""
    #: The time limit counts from the job's turn (a batch's unit), not from ``options.started`` (a single check).
    limit_from_turn: bool = False

    @property
    def host(self) -> str:
        return politeness_host(self.home_url)


def politeness_host(url: str) -> str:
    """The host (and port when one is given) that politeness is counted by: one crawl at a time per host."""
    parts = urlsplit(ensure_scheme(url))
    host = (parts.hostname or "").lower()
    return f"{host}:{parts.port}" if parts.port else host


OnStart = Callable[[CrawlJob], None]
OnDone = Callable[[CrawlJob, str], None]


def crawl_settings(job: CrawlJob, shared_reactor: bool = False, label: str = ""):  # noqa: ANN201 - scrapy Settings
    """The Scrapy settings of one job: ``crawler.settings`` with the job's options on top. ``shared_reactor``: the
    crawler shares its reactor with others (:data:`crawler.settings.OIT_SHARED_REACTOR`); ``label``: printed before
    its progress lines."""
    from scrapy.settings import Settings

    options = job.options
    settings = Settings()
    settings.setmodule("crawler.settings", priority="project")
    settings.setdict(
        {
            "OIT_DB": job.db_path,
            "OIT_RUN_ID": job.run_id,
            "OIT_MAX_PAGES": options.max_pages,
            "DEPTH_LIMIT": options.max_depth,
            "ROBOTSTXT_OBEY": options.obey_robots,
            "OIT_ITEM_NAMES": load_catalog(job.catalog_path).item_names(job.unit_type) if job.catalog_path else {},
            "OIT_FISCAL_YEAR": job.fiscal_year,
            "OIT_UNIT_TYPE": job.unit_type,
            "OIT_SETTLE": options.settle and bool(job.catalog_path),
            "OIT_SETTLE_COMMAND": settle.command(job.db_path, job.run_id, job.catalog_path, job.fiscal_year,
                                                 job.unit_type) if job.catalog_path else [],  # fmt: skip
            "OIT_PROGRESS": options.progress,
            "OIT_PROGRESS_LABEL": label,
            "LOG_LEVEL": options.log_level,
            "OIT_CRAWL_TIME_LIMIT": options.crawl_time_limit(),
            "OIT_STALL_TIMEOUT": options.stall_timeout,
            "OIT_SHARED_REACTOR": shared_reactor,
            "OIT_REFUSE_PRIVATE": options.refuse_private,
            **options.extra,
        },
        priority="cmdline",
    )
    return settings


def _safely(callback: Callable | None, *args: object) -> None:
    """A caller's callback; its exception is logged, not raised into the reactor (the other crawls go on)."""
    if callback is None:
        return
    try:
        callback(*args)
    except Exception:
        logger.exception("crawl_many callback %s failed", getattr(callback, "__name__", callback))


def _mark_partial(job: CrawlJob, stop_reason: str, reason: str) -> None:
    """The pipeline finishes the run before Scrapy records why the spider closed ("shutdown" on Ctrl-C): say it."""
    if not stop_reason and reason == "finished":
        return
    db = store.open_db(job.db_path)
    try:
        if not store.get_run(db, job.run_id).get("partial_reason"):
            store.update_run(
                db,
                job.run_id,
                crawl_status="partial",
                partial_reason=stop_reason or f"การตรวจถูกหยุดก่อนเสร็จ (crawl stopped: {reason})",
            )
    finally:
        db.conn.close()


class _Batch:
    """The jobs of one :func:`crawl_many` call and the crawlers running them."""

    def __init__(self, jobs: list[CrawlJob], concurrency: int, on_start: OnStart | None, on_done: OnDone | None):
        from scrapy.crawler import CrawlerProcess

        batch = self

        class Process(CrawlerProcess):
            def stop(self):  # noqa: ANN202 - Ctrl-C (or a caller) stops the crawls: start no more
                batch.stopping = True
                return super().stop()

        self.jobs = jobs
        self.concurrency = max(1, concurrency)
        self.on_start, self.on_done = on_start, on_done
        self.pending = list(range(len(jobs)))
        self.active: dict[int, object] = {}  # job index → its Crawler
        self.lingering: dict[int, object] = {}  # abandoned crawlers that have not closed
        self.done: set[int] = set()
        self.stopping = False
        self.entered = time.monotonic()
        self.process = Process(self._base_settings())

    def _base_settings(self):  # noqa: ANN202
        """The process's settings (logging, reactor, thread pool): ``crawler.settings`` and the first job's log level,
        at "project" priority. Scrapy merges them into every crawler's settings, where the job's own ("cmdline")
        win: no job setting may be here at a higher priority, or it would apply to every job."""
        from scrapy.settings import Settings

        settings = Settings()
        settings.setmodule("crawler.settings", priority="project")
        settings.set("LOG_LEVEL", self.jobs[0].options.log_level, priority="project")
        if any(job.options.refuse_private for job in self.jobs):  # the resolver is the process's
            settings.set("TWISTED_DNS_RESOLVER", "crawler.guard.GuardedResolver", priority="project")
        return settings

    def run(self) -> None:
        from scrapy.utils.reactor import install_reactor, is_reactor_installed

        settings = self.process.settings
        if not is_reactor_installed():
            install_reactor(settings["TWISTED_REACTOR"], settings["ASYNCIO_EVENT_LOOP"])
        from twisted.internet import reactor

        reactor.callWhenRunning(self.fill)
        self.process.start(stop_after_crawl=False)
        for i in self.pending:
            _safely(self.on_done, self.jobs[i], "not_started")
        for i in sorted(set(self.active) - self.done):  # the reactor was stopped under it
            _safely(self.on_done, self.jobs[i], "abandoned")

    def fill(self) -> None:
        """Start jobs while there is room: a job whose host is being crawled waits for that crawl."""
        while not self.stopping and len(self.active) < self.concurrency:
            busy = {self.jobs[i].host for i in self.active}
            ready = next((i for i in self.pending if self.jobs[i].host not in busy), None)
            if ready is None:
                break
            self.pending.remove(ready)
            self.start(ready)
        if not self.active and (self.stopping or not self.pending):
            self.stop_reactor()

    def start(self, i: int) -> None:
        from scrapy.crawler import Crawler

        from crawler.signals import CRAWL_ABANDONED
        from crawler.spiders.unit_site import UnitSiteSpider

        job = self.jobs[i]
        queued_for = time.monotonic() - self.entered  # a job's time limit counts from its turn, not the batch's start
        started = time.monotonic() if job.limit_from_turn else job.options.started + queued_for
        job_now = replace(job, options=replace(job.options, started=started))
        label = (job.key or job.host) if len(self.jobs) > 1 else ""
        try:
            crawler = Crawler(UnitSiteSpider, crawl_settings(job_now, shared_reactor=True, label=label))
        except Exception as exc:  # a bad catalog, bad settings: this job only
            logger.exception("crawl of %s could not start", job.home_url)
            self.done.add(i)
            _safely(self.on_done, job, f"error: {type(exc).__name__}: {exc}")
            return
        self.active[i] = crawler
        _safely(self.on_start, job)

        def abandoned(spider=None, reason: str = "abandoned") -> None:  # noqa: ANN001
            self.lingering[i] = crawler
            self.finish(i, "abandoned")

        crawler.signals.connect(abandoned, signal=CRAWL_ABANDONED, weak=False)
        d = self.process.crawl(crawler, url=job.home_url)
        d.addBoth(self.ended, i, crawler)

    def ended(self, result: object, i: int, crawler) -> None:  # noqa: ANN001
        """A crawler's Deferred fired: the crawl ended (or failed)."""
        from twisted.python.failure import Failure

        self.lingering.pop(i, None)
        if isinstance(result, Failure):
            logger.error("crawl of %s failed: %s", self.jobs[i].home_url, result.getTraceback())
            reason = f"error: {result.type.__name__}: {result.getErrorMessage()}"
        else:
            stats = crawler.stats.get_stats()
            reason = stats.get("finish_reason") or "finished"
            if i not in self.done:
                try:
                    _mark_partial(self.jobs[i], stats.get("oit/stop_reason") or "", reason)
                except Exception:
                    logger.exception("run %s: could not record how the crawl ended", self.jobs[i].run_id)
        self.finish(i, reason)

    def finish(self, i: int, reason: str) -> None:
        if i in self.done:
            return
        self.done.add(i)
        self.active.pop(i, None)
        _safely(self.on_done, self.jobs[i], reason)
        self.fill()

    def stop_reactor(self) -> None:
        """All jobs are done: stop the reactor; at once when an abandoned crawl still holds a download (a graceful
        stop would wait for it)."""
        from twisted.internet import reactor

        if not reactor.running:
            return
        if self.lingering:
            reactor.crash()
            reactor.getThreadPool().stop()  # its threads would keep the process alive
        else:
            with contextlib.suppress(RuntimeError):
                reactor.stop()


def crawl_many(
    jobs: Iterable[CrawlJob],
    concurrency: int = 4,
    on_start: OnStart | None = None,
    on_done: OnDone | None = None,
) -> None:
    """Crawl ``jobs`` in this process, at most ``concurrency`` at a time, in one reactor (once per process: Twisted's
    reactor cannot restart). ``on_start(job)`` is called when a job's crawler starts, ``on_done(job, reason)`` when
    it ends (see the module's docstring for the reasons); both in the reactor thread, keep them short. A job's
    ``options.time_limit`` is counted from ``options.started`` plus the time it waited for its turn."""
    jobs = list(jobs)
    if jobs:
        _Batch(jobs, concurrency, on_start, on_done).run()


def _child(jobs: list[CrawlJob], concurrency: int, events) -> None:  # noqa: ANN001 - a multiprocessing queue
    index = {id(job): i for i, job in enumerate(jobs)}
    crawl_many(
        jobs,
        concurrency,
        on_start=lambda job: events.put(("start", index[id(job)], "")),
        on_done=lambda job, reason: events.put(("done", index[id(job)], reason)),
    )


def crawl_many_in_child(
    jobs: Iterable[CrawlJob],
    concurrency: int = 4,
    on_start: OnStart | None = None,
    on_done: OnDone | None = None,
) -> int:
    """:func:`crawl_many` in a fresh child process (a new reactor); ``on_start``/``on_done`` are called here, in
    the caller's thread, as the child reports each job's start and end. Ctrl-C is passed on to the child (the crawls
    stop as in the foreground; jobs not started get "not_started"). A job the child did not report as done gets
    "process_ended: <exit code>" (started) or "not_started". Returns the child's exit code."""
    jobs = list(jobs)
    if not jobs:
        return 0
    ctx = multiprocessing.get_context("spawn")
    events = ctx.Queue()
    child = ctx.Process(
        target=run_as_child, args=(os.getpid(), _child, jobs, concurrency, events), name="oit-crawl-many"
    )
    child.start()
    started: set[int] = set()
    done: set[int] = set()

    def handle(event: tuple[str, int, str]) -> None:
        name, i, reason = event
        if name == "start":
            started.add(i)
            _safely(on_start, jobs[i])
        elif i not in done:
            done.add(i)
            _safely(on_done, jobs[i], reason)

    while True:
        try:
            try:
                handle(events.get(timeout=0.2))
                continue
            except queue.Empty:
                pass
            if not child.is_alive():
                break
        except KeyboardInterrupt:
            if child.pid is not None and child.is_alive():
                os.kill(child.pid, signal.SIGINT)
    child.join()
    with contextlib.suppress(queue.Empty):
        while True:  # what the child sent just before it ended
            handle(events.get(timeout=0.5))
    code = child.exitcode or 0
    for i in range(len(jobs)):
        if i not in done:
            _safely(on_done, jobs[i], f"process_ended: {code}" if i in started else "not_started")
    return code
