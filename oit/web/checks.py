"""The checks people ask for on the web page: their records, and how they are carried out.

A check's record lives in ``<data>/web.db`` (:class:`CheckBook`); its crawl and verdicts go into the standard oit
store ``<data>/oit.db``, where the units register gives each site its history. A check is carried out as a worker
task is (:func:`oit.tasks.check_job`): in a bounded pool of this process by default, its store in
``<data>/work/<id>/`` (where its progress is read while it runs), or by ``oit worker`` processes when a broker is
given. Either way the result is imported here by :func:`oit.broker_batch.store_checked`, one writer at a time.

States: queued → running → done | failed; ``interrupted`` when the server stopped while the check was queued or
running in this process (it can be resumed: the crawl continues where it stopped).
"""

from __future__ import annotations

import json
import logging
import queue
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from oit.api import CheckPlan, plan_check
from oit.check import CrawlOptions
from oitbase.model import Report
from storage import store
from storage import units as store_units
from storage.web_checks import CheckBook, crawl_progress, now_iso

logger = logging.getLogger("oit.web")

#: unit types offered, and the scheme of each (vocational colleges have OVEC's list)
UNIT_TYPES = {"lao": "nacc", "agency": "nacc", "school": "ovec"}
#: seconds between two looks at the broker's results
POLL_SECONDS = 2.0


@dataclass
class WebSettings:
    """How ``oit serve`` runs checks (the CLI's options)."""

    data_dir: Path = Path("oit-web")
    allow_private: bool = False
    #: checks running at once in this process (ignored with a broker: the workers decide)
    workers: int = 2
    broker: str = ""
    #: checks queued or running at once, over all clients; more are refused until one ends
    max_active: int = 20
    #: checks queued or running at once for one client
    max_active_per_client: int = 2
    #: new checks one client may ask for (the ``limits`` notation)
    check_rate: str = "10/hour"
    #: requests of any kind one client may make
    request_rate: str = "600/minute"
    max_pages: int = 3000
    #: minutes one check may take
    time_limit: float = 60.0
    render: bool = True
    ocr: bool = True
    #: HMAC key of the form tokens (random per start when empty)
    secret: str = ""
    #: how a crawl is made (tests shorten it)
    extra: dict = field(default_factory=dict)

    @property
    def store_path(self) -> Path:
        return self.data_dir / "oit.db"

    @property
    def book_path(self) -> Path:
        return self.data_dir / "web.db"

    def work_dir(self, check_id: str) -> Path:
        return self.data_dir / "work" / check_id

    def crawl_options(self, resume: bool = False) -> CrawlOptions:
        extra = {"OIT_RENDER_JS": self.render, "OIT_OCR": self.ocr, **self.extra}
        return CrawlOptions(max_pages=self.max_pages, progress=False, time_limit=self.time_limit * 60, resume=resume,
                            refuse_private=not self.allow_private, extra=extra)  # fmt: skip


def plan_of(check: dict, settings: WebSettings, resume: bool = False) -> CheckPlan:
    """The check's plan (catalog of its year and unit type) on the web's store."""
    return plan_check(check["url"], year=check["year"], scheme=UNIT_TYPES.get(check["unit_type"], "nacc"),
                      unit_type=check["unit_type"], store=settings.store_path,
                      options=settings.crawl_options(resume=resume))  # fmt: skip


class CheckRunner:
    """Carries out the web's checks: a bounded pool here, or tasks for ``oit worker`` when a broker is given."""

    def __init__(self, settings: WebSettings, book: CheckBook):
        self.settings = settings
        self.book = book
        self.store_lock = threading.Lock()
        self.stopping = threading.Event()
        self.todo: queue.Queue = queue.Queue()
        self.follower: threading.Thread | None = None
        with self.open_store():
            pass  # created and migrated once, before any check writes to it
        if settings.broker:
            from oit import tasks

            tasks.configure(settings.broker)
            for check in book.active():  # the tasks of checks sent before are the workers'; one never sent is sent
                if not check.get("task_id"):
                    self.submit(check["id"])
            self.follower = threading.Thread(target=self.follow, name="oit-web-follow", daemon=True)
            self.follower.start()
        else:
            self.mark_interrupted()
            # daemon threads: a server that stops does not wait for its checks (their crawl processes end with it,
            # and the checks are marked interrupted at the next start)
            for n in range(max(1, settings.workers)):
                threading.Thread(target=self.work, name=f"oit-check-{n}", daemon=True).start()

    @contextmanager
    def open_store(self) -> Iterator[store.Database]:
        db = store.open_db(self.settings.store_path)
        try:
            yield db
        finally:
            db.conn.close()

    def mark_interrupted(self) -> None:
        """Checks this process was running when it stopped last: interrupted, to be resumed by the user."""
        for check in self.book.active():
            why = "เซิร์ฟเวอร์หยุดทำงานระหว่างการตรวจ (the server stopped while this check was under way)"
            self.book.update(check["id"], state="interrupted", reason=why, finished=now_iso())

    def submit(self, check_id: str, resume: bool = False) -> None:
        check = self.book.get(check_id)
        plan = plan_of(check, self.settings, resume=resume)
        if self.settings.broker:
            self.send(check, plan)
        else:
            self.todo.put((check_id, plan))

    def work(self) -> None:
        while not self.stopping.is_set():
            check_id, plan = self.todo.get()
            if check_id is not None:
                self.run_here(check_id, plan)

    # --- in this process ---------------------------------------------------------------------------------------

    def run_here(self, check_id: str, plan: CheckPlan) -> None:
        from oit import tasks
        from oit.broker_batch import task_job

        if self.stopping.is_set():
            return
        self.book.update(check_id, state="running", started=now_iso())
        work = self.settings.work_dir(check_id)
        try:
            result = tasks.check_job(task_job(plan, f"web-{check_id}"), work_dir=work)
        except Exception as exc:  # noqa: BLE001 - the check failed; the page says why, the log has the trace
            logger.exception("check %s failed", check_id)
            self.failed(check_id, f"การตรวจล้มเหลว (the check failed: {type(exc).__name__}: {str(exc)[:300]})")
            return
        if self.stopping.is_set() and result.get("state") != "checked":
            return  # stopped with the server: interrupted at the next start, resumable from its work directory
        self.receive(check_id, plan, result)

    # --- by workers --------------------------------------------------------------------------------------------

    def send(self, check: dict, plan: CheckPlan) -> None:
        from oit import tasks
        from oit.broker_batch import task_job

        task_id = f"oit-web-{check['id']}-{check.get('resumes') or 0}"
        tasks.check_unit.apply_async(args=[task_job(plan, f"web-{check['id']}")], task_id=task_id, queue=tasks.QUEUE)
        self.book.update(check["id"], task_id=task_id)

    def follow(self, poll: float = POLL_SECONDS) -> None:
        """Take the workers' results of the active checks (also those sent before this server started)."""
        from oit import tasks

        while not self.stopping.wait(poll):
            try:
                self.follow_once(tasks)
            except Exception:  # noqa: BLE001 - Redis out of reach for a moment: look again later
                logger.warning("could not read the broker", exc_info=True)

    def follow_once(self, tasks) -> None:  # noqa: ANN001 - the oit.tasks module
        client = tasks.redis_client()
        for check in self.book.active():
            if not check.get("task_id"):
                continue
            raw = client.get(tasks.result_key(check["task_id"]))
            if raw is not None:
                self.receive(check["id"], plan_of(check, self.settings), json.loads(raw))
                client.delete(tasks.result_key(check["task_id"]))
                continue
            meta = tasks.app.backend.get_task_meta(check["task_id"])
            if meta.get("status") in ("STARTED", "RETRY") and check["state"] == "queued":
                self.book.update(check["id"], state="running", started=now_iso())
            elif meta.get("status") in ("FAILURE", "REVOKED"):
                self.failed(check["id"], f"การตรวจล้มเหลว (the check failed on the worker: {meta.get('status')})")

    # --- results -----------------------------------------------------------------------------------------------

    def receive(self, check_id: str, plan: CheckPlan, result: dict) -> None:
        from oit.broker_batch import store_checked
        from storage import transfer

        if result.get("state") != "checked":
            self.failed(check_id, result.get("reason") or "การตรวจล้มเหลว (the check failed)")
            return
        try:
            bundle = transfer.unpack(result["crawl"])
            with self.store_lock, self.open_store() as db:
                home = bundle["run"].get("unit_url") or plan.url
                unit_id = store_units.unit_for_url(db, plan.url, home)
                run_id, report = store_checked(db, plan, unit_id, bundle)
        except Exception as exc:  # noqa: BLE001
            logger.exception("check %s: the result could not be stored", check_id)
            self.failed(check_id, f"เก็บผลไม่ได้ (could not store the result: {type(exc).__name__})")
            return
        self.book.update(check_id, state="done", finished=now_iso(), run_id=run_id, unit_id=unit_id,
                         evaluation_id=report.evaluation_id, score=report.score.oit, band=report.score.band,
                         reason=report.crawl_problem or "")  # fmt: skip
        shutil.rmtree(self.settings.work_dir(check_id), ignore_errors=True)

    def failed(self, check_id: str, reason: str) -> None:
        self.book.update(check_id, state="failed", finished=now_iso(), reason=reason)
        shutil.rmtree(self.settings.work_dir(check_id), ignore_errors=True)

    def progress(self, check: dict) -> dict:
        if check["state"] == "running" and not self.settings.broker:
            return crawl_progress(self.settings.work_dir(check["id"]))
        return {}

    def report(self, check: dict) -> Report:
        from oit.check import stored_report

        with self.open_store() as db:
            return stored_report(db, check["run_id"], check["evaluation_id"])

    def history(self, unit_id: int) -> list:
        from oit.history import history_points

        with self.open_store() as db:
            return history_points(db, unit_id)

    def close(self) -> None:
        self.stopping.set()
        for _ in range(max(1, self.settings.workers)):
            self.todo.put((None, None))
        if self.follower is not None:
            self.follower.join(timeout=POLL_SECONDS * 2)
