"""Checks of units on workers through Celery with a Redis broker: one task = one unit check (:func:`oit.check_site`).

A worker (``oit worker --broker redis://…``) takes ``oit.check_unit`` tasks from the ``oit`` queue. Each task checks
one unit the way ``oit check`` does (homepage, crawl in a child process with the unit's time limit, crawl health,
judgement) into a store of its own, then sends back the crawl and the report (:mod:`storage.transfer`); the
coordinator (``oit batch --broker``) writes them into its store, so every result lands in one SQLite file and the
workers need no shared disk.

What makes it safe to kill a worker:

* late acknowledgement (``task_acks_late``), one task prefetched at a time, and a visibility timeout longer than the
  longest unit: a task whose worker died is delivered again, to another worker, once the timeout has passed (a
  live worker's sweep puts it back on the queue; ``reject_on_worker_lost`` matters only with a prefork pool);
* :class:`Attempts`: a unit that failed (an exception, or its worker died) three times is given up and sent back as
  a crawl problem of kind ``failed`` with the reasons;
* a task's result is written once, to its own Redis key (:func:`result_key`): a delivery of it again (the visibility
  timeout passed while it ran) is dropped, and the coordinator takes one result per unit: never two evaluations;
* :func:`host_turn`: a lock per host in Redis with a short expiry that the running task keeps extending, so no two
  workers crawl the same host at once, and a dead worker's lock lapses within a minute.

The pool is Celery's ``threads``: a task mostly waits for its crawl process, and threads let it start one
(``multiprocessing`` from a prefork child is not allowed). Celery's own time limits do not apply to threads; the
crawl's time limit and stall watchdog bound each task instead.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import random
import shutil
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

from celery import Celery
from celery.exceptions import Ignore

logger = logging.getLogger(__name__)

#: The queue units are put on.
QUEUE = "oit"
#: Deliveries of a unit that may fail before it is given up.
MAX_ATTEMPTS = 3
#: Default visibility timeout (seconds): a task not acknowledged this long after delivery is delivered again.
VISIBILITY_TIMEOUT = 2 * 3600
#: Seconds a host lock lives unless extended; the task holding it extends it every third of that.
HOST_LOCK_TTL = 60
#: How long the markers of a batch (done tasks, attempts, counters) are kept in Redis.
KEEP_SECONDS = 14 * 24 * 3600

app = Celery("oit", set_as_current=False)


def configure(broker: str, visibility_timeout: float = VISIBILITY_TIMEOUT, restore_every: float = 0) -> Celery:
    """Point :data:`app` at ``broker`` (also its result backend). ``restore_every``: seconds between a worker's sweeps
    for tasks past their visibility timeout (Kombu's default is about 100 s; tests use a few)."""
    transport = {"visibility_timeout": int(visibility_timeout)}
    if restore_every:
        transport.update({"unacked_restore_interval": restore_every, "unacked_restore_throttle": 1})
    app.conf.update(
        broker_url=broker,
        result_backend=broker,
        broker_transport_options=transport,
        result_backend_transport_options={"visibility_timeout": int(visibility_timeout)},
        broker_connection_retry_on_startup=True,
        task_acks_late=True,
        task_reject_on_worker_lost=True,
        task_acks_on_failure_or_timeout=True,
        task_track_started=True,
        task_default_queue=QUEUE,
        task_serializer="json",
        result_serializer="json",
        accept_content=["json"],
        result_expires=KEEP_SECONDS,
        worker_prefetch_multiplier=1,
        worker_send_task_events=True,
        task_send_sent_event=True,
        worker_hijack_root_logger=False,
    )
    app.conf.oit_visibility_timeout = visibility_timeout
    app._oit_redis = None  # the client of an earlier broker
    return app


# --- Redis keys --------------------------------------------------------------------------------------------------


def redis_client():  # noqa: ANN201 - redis.Redis
    """A Redis client on the broker's database."""
    import redis

    client = getattr(app, "_oit_redis", None)
    if client is None:
        client = app._oit_redis = redis.Redis.from_url(app.conf.broker_url)
    return client


def result_key(task_id: str) -> str:
    """Where a task's result is kept for the coordinator: written once (a second delivery never replaces it), apart
    from Celery's result backend, whose state a second delivery would overwrite."""
    return f"oit:result:{task_id}"


def stats_key(batch_token: str) -> str:
    """Hash of ``<worker>:done`` / ``<worker>:failed`` counts of one batch."""
    return f"oit:stats:{batch_token}"


def sent_key(batch_token: str) -> str:
    """Set of the task ids a batch has put on the queue."""
    return f"oit:sent:{batch_token}"


class Attempts:
    """The deliveries of one task that got to check (held the host's turn), and why earlier ones failed."""

    def __init__(self, client, task_id: str) -> None:  # noqa: ANN001 - redis.Redis
        self.client, self.key = client, f"oit:attempts:{task_id}"
        self.errors_key = f"oit:errors:{task_id}"

    def begin(self) -> int:
        """Count this delivery; an earlier one that left no error died with its worker. Returns its number."""
        n = int(self.client.incr(self.key))
        self.client.expire(self.key, KEEP_SECONDS)
        while self.client.llen(self.errors_key) < n - 1:
            self.failed("ผู้ตรวจหยุดทำงานระหว่างตรวจ (the worker stopped while checking it)")
        return n

    def failed(self, reason: str) -> None:
        self.client.rpush(self.errors_key, reason)
        self.client.expire(self.errors_key, KEEP_SECONDS)

    def reasons(self) -> list[str]:
        return [r.decode() for r in self.client.lrange(self.errors_key, 0, -1)]

    def given_up(self) -> str:
        """The crawl problem of a unit that failed :data:`MAX_ATTEMPTS` times (Thai + English, with each reason)."""
        reasons = self.reasons()[-MAX_ATTEMPTS:]
        listed = "; ".join(f"{i}. {r}" for i, r in enumerate(reasons, 1))
        return f"ตรวจไม่สำเร็จ {len(reasons)} ครั้ง (failed {len(reasons)} times): {listed}"


@contextlib.contextmanager
def host_turn(client, host: str, ttl: float = HOST_LOCK_TTL) -> Iterator[bool]:  # noqa: ANN001
    """Hold the turn of ``host`` (yields False when another worker has it): a Redis lock that expires after ``ttl``
    seconds unless a thread of this task extends it every ``ttl / 3``, so a killed worker's turn lapses."""
    from redis.exceptions import LockError

    lock = client.lock(f"oit:host:{host}", timeout=ttl, blocking=False, thread_local=False)
    if not lock.acquire():
        yield False
        return
    stop = threading.Event()

    def keep() -> None:
        while not stop.wait(ttl / 3):
            try:
                lock.extend(ttl, replace_ttl=True)
            except LockError:  # lost (expired while Redis was out of reach): another worker may have it now
                logger.warning("the turn of %s was lost", host)
                return
            except Exception:  # Redis out of reach for a moment: try again at the next beat
                logger.warning("could not extend the turn of %s", host, exc_info=True)

    keeper = threading.Thread(target=keep, name=f"oit-lock-{host}", daemon=True)
    keeper.start()
    try:
        yield True
    finally:
        stop.set()
        keeper.join()
        with contextlib.suppress(LockError):
            lock.release()


# --- the task ----------------------------------------------------------------------------------------------------


def cancel_key(batch_token: str) -> str:
    """Set when a batch is replaced (``oit batch --restart``): its tasks still queued are dropped."""
    return f"oit:cancelled:{batch_token}"


def problem(kind: str, reason: str) -> dict:
    return {"state": "problem", "kind": kind, "reason": reason}


@app.task(bind=True, name="oit.check_unit", acks_late=True, reject_on_worker_lost=True, max_retries=None)
def check_unit(self, job: dict) -> dict:  # noqa: ANN001 - a bound Celery task
    """Check one unit (``job`` from :meth:`oit.broker_batch.BrokerBatch.unit_job`) and keep what the coordinator
    stores at :func:`result_key`: ``{"state": "checked", "crawl": <packed bundle with the report>}`` or ``{"state":
    "problem", "kind", "reason"}``, with ``worker``, ``attempt`` and ``task_id``. The host's turn is taken after the
    homepage check, on the address the homepage redirected to, and held until the result is kept."""
    from oit.check import CheckError, preflight
    from oit.crawl_many import politeness_host

    client = redis_client()
    task_id = self.request.id
    if client.exists(result_key(task_id)) or client.exists(cancel_key(job["batch"])):
        raise Ignore()  # delivered again after it finished, or its batch was replaced
    worker = self.request.hostname or "worker"
    try:
        home = preflight(job["url"], refuse_private=bool(job["options"].get("refuse_private")))
    except CheckError as exc:
        return keep_result(client, job, task_id, worker, 0, homepage_problem(str(exc)))
    with host_turn(client, politeness_host(home.url)) as mine:
        if not mine:  # another worker is crawling this host: come back later, without counting an attempt
            raise self.retry(countdown=random.uniform(5, 15))
        attempts = Attempts(client, task_id)
        n = attempts.begin()
        if n > MAX_ATTEMPTS:
            return keep_result(client, job, task_id, worker, n, problem("failed", attempts.given_up()))
        try:
            result = check_job(job)
        except Exception as exc:  # noqa: BLE001 - a failed attempt is counted, and the unit tried again
            attempts.failed(f"{type(exc).__name__}: {exc}")
            if n < MAX_ATTEMPTS:
                raise self.retry(exc=exc, countdown=5) from exc
            result = problem("failed", attempts.given_up())
        return keep_result(client, job, task_id, worker, n, result)


def homepage_problem(message: str) -> dict:
    from checklist.health import preflight_health

    health = preflight_health(message)
    return problem(health.kind, health.reason)


def keep_result(client, job: dict, task_id: str, worker: str, attempt: int, result: dict) -> dict:  # noqa: ANN001
    """Keep a task's result for the coordinator, once (a later delivery's never replaces it), count it for the
    worker, and return it without the crawl (Celery's own result, for Flower)."""
    result.update(worker=worker, attempt=attempt, task_id=task_id)
    if client.set(result_key(task_id), json.dumps(result, ensure_ascii=False), nx=True, ex=KEEP_SECONDS):
        outcome = "done" if result["state"] == "checked" else "failed"
        client.hincrby(stats_key(job["batch"]), f"{worker}:{outcome}", 1)
        client.expire(stats_key(job["batch"]), KEEP_SECONDS)
    return {k: v for k, v in result.items() if k != "crawl"}


def check_job(job: dict, work_dir: Path | None = None) -> dict:
    """Check one unit into a store of its own (the library API, as ``oit check`` does) and pack its crawl and report.

    The store is ``<work_dir>/oit.db`` when ``work_dir`` is given (the caller's directory, kept: the web app reads
    the crawl's progress there, and a check interrupted there can be resumed with ``options.resume``); else a
    temporary directory of this worker, removed after."""
    from oit.api import check_site
    from oit.check import CheckError, CrawlOptions
    from storage import store, transfer

    started = time.monotonic()
    work = work_dir or Path(tempfile.mkdtemp(prefix="task-", dir=work_root()))
    work.mkdir(parents=True, exist_ok=True)
    try:
        catalog = job.get("catalog")
        if job.get("catalog_text"):
            catalog = work / "catalog.yaml"
            catalog.write_text(job["catalog_text"], encoding="utf-8")
        o = job["options"]
        cap = 0.8 * float(app.conf.get("oit_visibility_timeout") or VISIBILITY_TIMEOUT)
        limit = min(float(o.get("time_limit") or cap), cap)  # no limit given: the visibility timeout's
        options = CrawlOptions(max_pages=o["max_pages"], obey_robots=o["obey_robots"], progress=False,
                               time_limit=limit, resume=bool(o.get("resume")),
                               refuse_private=bool(o.get("refuse_private")),
                               extra=dict(o.get("extra") or {}))  # fmt: skip
        try:
            report = check_site(job["url"], year=job["year"], scheme=job.get("scheme"), catalog=catalog,
                                unit_type=job["unit_type"], store=work / "oit.db", options=options)  # fmt: skip
        except CheckError as exc:
            return homepage_problem(str(exc))
        db = store.open_db(work / "oit.db")
        evaluation = store.get_evaluation(db, report.evaluation_id)
        bundle = transfer.export_run(db, report.run_id)
        db.conn.close()
        bundle["report"] = report.model_dump(mode="json")
        bundle["evaluation_settings"] = evaluation["settings"]
        bundle["seconds"] = round(time.monotonic() - started, 1)
        return {"state": "checked", "crawl": transfer.pack(bundle)}
    finally:
        if work_dir is None:
            shutil.rmtree(work, ignore_errors=True)


def work_root() -> Path:
    """This worker process's directory for the stores of its tasks; those of worker processes that are gone (killed
    before they could clean up) are removed the first time."""
    root = Path(tempfile.gettempdir()) / f"oit-worker-{os.getpid()}"
    if not root.exists():
        for old in Path(tempfile.gettempdir()).glob("oit-worker-*"):
            pid = old.name.rsplit("-", 1)[-1]
            if pid.isdigit() and not Path(f"/proc/{pid}").exists():
                shutil.rmtree(old, ignore_errors=True)
        root.mkdir(parents=True, exist_ok=True)
    return root
