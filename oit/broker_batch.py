"""``oit batch UNITS --broker redis://…``: the batch's units checked by workers, its results written here.

The coordinator is :class:`oit.batch.Batch` with another way of checking units: each unit not done yet becomes one
``oit.check_unit`` task (:mod:`oit.tasks`) with a task id of its own (the batch's token and the unit), put on the
queue once (the ids sent are kept in Redis, so a coordinator run again after a kill sends only what it had not).
It then follows the tasks: a unit's start is shown when a worker takes it, and its result (the crawl and the report
a worker made) is written into this store, judged for crawl health against the unit's earlier crawls here, and then
handled exactly as a unit of a local batch (reports, state, alerts, roll-up). One result per unit is taken; a unit
already done is never imported again.

:func:`status` is ``oit batch --status``: the queue, the workers and what each is doing, and the newest batch.
"""

from __future__ import annotations

import json
import time
import uuid
from pathlib import Path

from checklist.catalog import CatalogError, bundled_catalogs
from oit import tasks
from oit.api import CheckPlan
from oit.batch import Batch, plan_for
from oit.check import assess_crawl, evaluate_run
from oitbase.model import Report
from storage import batches, store, transfer
from storage import units as store_units

#: Seconds between two looks at the tasks' states.
POLL_SECONDS = 1.0
#: What a task's result key holds once the coordinator has stored the result.
STORED = json.dumps({"state": "stored"})
STORED_RAW = STORED.encode()
#: Tasks whose keys are read in one round trip.
CHUNK = 500


def redacted(url: str) -> str:
    """A broker URL without its password (it is kept in the store and shown)."""
    from kombu.utils.url import maybe_sanitize_url

    return maybe_sanitize_url(url)


class BrokerBatch(Batch):
    """A batch whose units are checked by workers (``oit worker``) through the broker ``options.broker``."""

    def check_units(self, todo: list[int], states: dict[int, dict]) -> None:
        tasks.configure(self.options.broker)
        client = tasks.redis_client()
        token = self.token()
        self.cancel_replaced(client, token)
        sent = {m.decode() for m in client.smembers(tasks.sent_key(token))}
        self.plans, waiting = {}, {}
        for unit_id in todo:
            try:
                plan = plan_for(self.units[unit_id], unit_id, self.batch_id, self.db_path, self.options.crawl)
            except (CatalogError, ValueError) as exc:
                self.unit_problem(unit_id, None, "", str(exc))
                continue
            self.plans[unit_id] = plan
            task_id = f"oit-{token}-{unit_id}"
            earlier = states[unit_id].get("run_id") or batches.unit_run(self.db, self.batch_id, unit_id)
            if earlier and self.finish_earlier(unit_id, earlier, client.get(tasks.result_key(task_id)) == STORED_RAW):
                continue
            if task_id not in sent:
                tasks.check_unit.apply_async(args=[self.unit_job(unit_id, token)], task_id=task_id, queue=tasks.QUEUE)
                client.sadd(tasks.sent_key(token), task_id)
                client.expire(tasks.sent_key(token), tasks.KEEP_SECONDS)
            waiting[task_id] = unit_id
        self.emit("queued", {"id": self.batch_id, "units": len(waiting), "broker": redacted(self.options.broker)})
        self.follow(client, waiting)

    def token(self) -> str:
        """The batch's id on the broker (kept in the batch's settings; one is made for a batch begun without it)."""
        row = batches.get_batch(self.db, self.batch_id)
        settings = json.loads(row["settings"] or "{}")
        if not settings.get("broker_token"):
            settings.update(broker_token=uuid.uuid4().hex[:16], broker=redacted(self.options.broker))
            batches.set_batch_settings(self.db, self.batch_id, settings)
        return settings["broker_token"]

    def cancel_replaced(self, client, token: str) -> None:  # noqa: ANN001 - redis.Redis
        """Earlier unfinished batches of the same file (``--restart``): their tasks still queued are dropped."""
        for row in batches.unfinished_batches(self.db, str(self.units_file.resolve())):
            old = json.loads(row["settings"] or "{}").get("broker_token")
            if row["id"] != self.batch_id and old and old != token:
                client.set(tasks.cancel_key(old), 1, ex=tasks.KEEP_SECONDS)

    def finish_earlier(self, unit_id: int, run_id: int, imported: bool) -> bool:
        """A unit whose result was taken before the coordinator was stopped (``imported``: its crawl is in this store)
        or crawled by a local run of the batch: finish it here (True), or False to send it to the workers."""
        run = store.get_run(self.db, run_id)
        if store.latest_evaluation(self.db, run_id):
            self.judged(unit_id, run_id)
            return True
        if imported or run.get("crawl_status") == "complete":
            self.judge(unit_id, self.plans[unit_id], run_id)
            return True
        return False

    def unit_job(self, unit_id: int, token: str) -> dict:
        """The task's argument: everything a worker needs to check the unit as this store would (JSON)."""
        unit = self.units[unit_id]
        return task_job(self.plans[unit_id], token, unit.code, unit.name, named_catalog=bool(unit.catalog))

    def follow(self, client, waiting: dict[str, int]) -> None:  # noqa: ANN001 - redis.Redis
        """Until every task has a result: show the units workers take, and store each result as it comes (read one at
        a time: a result holds a whole crawl). A task that ended without a result (it failed outside the check, or was
        revoked) is that unit's problem. Ctrl-C stops following: the units left are resumed by the same command."""
        try:
            self.follow_until_done(client, waiting)
        except KeyboardInterrupt:  # the workers go on; the same command takes the results later
            return

    def follow_until_done(self, client, waiting: dict[str, int]) -> None:  # noqa: ANN001 - redis.Redis
        started: set[str] = set()
        while waiting:
            ids = list(waiting)
            for chunk in (ids[i : i + CHUNK] for i in range(0, len(ids), CHUNK)):
                pipe = client.pipeline(transaction=False)
                for task_id in chunk:
                    pipe.exists(tasks.result_key(task_id))
                ready = pipe.execute()
                states = self.task_states(client, chunk)
                for task_id, has_result, state in zip(chunk, ready, states, strict=True):
                    unit_id = waiting[task_id]
                    if has_result:
                        self.take_result(client, task_id, unit_id)
                        del waiting[task_id]
                    elif state.get("status") in ("FAILURE", "REVOKED"):
                        why = state.get("result")
                        text = f"{type(why).__name__}: {why}" if isinstance(why, BaseException) else state["status"]
                        self.unit_problem(unit_id, None, "", f"ตรวจไม่สำเร็จ (the task ended without a result: {text})")
                        del waiting[task_id]
                    elif task_id not in started and state.get("status") == "STARTED":
                        started.add(task_id)
                        self.unit_started(unit_id)
            if waiting:
                time.sleep(POLL_SECONDS)

    def take_result(self, client, task_id: str, unit_id: int) -> None:  # noqa: ANN001 - redis.Redis
        raw = client.get(tasks.result_key(task_id))
        if raw is None or raw == STORED_RAW:  # expired, or taken by an earlier run of this batch (finished there)
            gone = "ผลการตรวจหายไป (the result is gone from the broker: check the unit again with --restart)"
            self.unit_problem(unit_id, None, "", gone)
            return
        self.receive(unit_id, json.loads(raw))
        # the crawl is stored: keep only a marker, so that a delivery of the task again is still dropped
        client.set(tasks.result_key(task_id), STORED, xx=True, keepttl=True)

    def task_states(self, client, task_ids: list[str]) -> list[dict]:  # noqa: ANN001 - redis.Redis
        """Celery's state of each task (``{"status": "PENDING"}`` when it has none yet), read in one round trip."""
        backend = tasks.app.backend
        raws = client.mget([backend.get_key_for_task(t) for t in task_ids])
        return [backend.decode_result(raw) if raw else {"status": "PENDING"} for raw in raws]

    def unit_started(self, unit_id: int) -> None:
        unit = self.units[unit_id]
        batches.set_unit_state(self.db, self.batch_id, unit_id, "running")
        self.emit("unit", {"code": unit.code, "name": unit.name, "state": "crawling", "done": self.done,
                           "total": self.total})  # fmt: skip

    def receive(self, unit_id: int, result: dict) -> None:
        """Store one worker's result for a unit: its crawl as a run of this store and its judgement (or its crawl
        problem); a failure here is that unit's problem."""
        try:
            if result["state"] != "checked":
                self.not_checked(unit_id, result["kind"], result["reason"], result["reason"])
                return
            bundle = transfer.unpack(result["crawl"])
            run_id, report = self.store_result(unit_id, bundle)
            batches.set_unit_state(self.db, self.batch_id, unit_id, "pending", run_id=run_id)
            self.judged(unit_id, run_id, report)
        except Exception as exc:  # noqa: BLE001 - one unit's failure never stops the batch
            self.unit_problem(unit_id, None, "", f"เก็บผลไม่ได้ (could not store the result: {type(exc).__name__}: {exc})")

    def store_result(self, unit_id: int, bundle: dict) -> tuple[int, Report]:
        return store_checked(self.db, self.plans[unit_id], unit_id, bundle, batch_id=self.batch_id)


def task_job(plan: CheckPlan, token: str, code: str = "", name: str = "", named_catalog: bool = False) -> dict:
    """The argument of an ``oit.check_unit`` task: everything a worker needs to carry out ``plan`` as this store would
    (JSON). ``token`` names the batch (or web check) the task belongs to."""
    crawl = plan.options
    catalog_file = Path(plan.choice.path)
    bundled = catalog_file.resolve() in {Path(p).resolve() for p in bundled_catalogs()}
    return {
        "batch": token,
        "unit": {"code": code, "name": name},
        "url": plan.url,
        "year": plan.choice.fiscal_year,
        # a bundled catalog by its id when the register names it (else the year's of the scheme, as here); a
        # file of the user's is sent whole (one it `extends:` must be bundled)
        "scheme": plan.choice.catalog.scheme,
        "catalog": catalog_file.stem if bundled and named_catalog else None,
        "catalog_text": None if bundled else catalog_file.read_text(encoding="utf-8"),
        "unit_type": plan.unit_type,
        "options": {
            "max_pages": crawl.max_pages,
            "obey_robots": crawl.obey_robots,
            "time_limit": crawl.time_limit,
            "resume": crawl.resume,
            "refuse_private": crawl.refuse_private,
            "extra": {k: v for k, v in crawl.extra.items() if k != "OIT_RESUME"},
        },
    }


def store_checked(
    db: store.Database, plan: CheckPlan, unit_id: int, bundle: dict, batch_id: int | None = None
) -> tuple[int, Report]:
    """Import a worker's crawl (:func:`oit.tasks.check_job`) as a run of ``db``, judge its health against this unit's
    earlier crawls here, and keep the worker's report as its evaluation; when this store's history makes it a crawl
    problem the worker could not see (the site shrank since last time), the crawl is judged here instead. Returns
    (run id, report)."""
    path = str(plan.choice.path)
    run_id = transfer.import_run(db, bundle, unit_id=unit_id, batch_id=batch_id, catalog_path=path)
    home = bundle["run"].get("unit_url") or plan.url
    store_units.record_url(db, unit_id, home, "redirect" if home != plan.url else "check")
    worker_problem = bundle["run"].get("problem") or ""
    health = assess_crawl(db, run_id)
    if health.reason != worker_problem:
        report = evaluate_run(db, run_id, plan.choice.catalog, plan.choice.fiscal_year, plan.unit_type, path)
        return run_id, report
    report = Report.model_validate(bundle["report"])
    report.run_id = run_id
    settings = json.loads(bundle.get("evaluation_settings") or "{}")
    report.evaluation_id = store.save_evaluation(db, run_id, report, path, settings)
    return run_id, report


# --- oit batch --status ------------------------------------------------------------------------------------------


def status(broker: str, db_path: Path | None = None, timeout: float = 1.0) -> dict:
    """The queue (tasks waiting, delivered but not acknowledged), each live worker's running units with its done and
    failed counts for the store's newest batch, and that batch's units by state (when ``db_path`` exists)."""
    tasks.configure(broker)
    client = tasks.redis_client()
    with tasks.app.connection_for_write() as conn:
        try:
            waiting = conn.default_channel.queue_declare(tasks.QUEUE, passive=True).message_count
        except conn.channel_errors:  # Redis drops an empty queue's list: nothing waits
            waiting = 0
    out: dict = {"broker": redacted(broker), "queue": tasks.QUEUE, "waiting": waiting,
                 "unacknowledged": int(client.hlen("unacked")), "workers": {}, "batch": None}  # fmt: skip
    active = tasks.app.control.inspect(timeout=timeout).active() or {}
    for worker, running in active.items():
        codes = [((t.get("args") or [{}])[0].get("unit") or {}).get("code", "?") for t in running]
        out["workers"][worker] = {"running": codes, "done": 0, "failed": 0, "online": True}
    if db_path and Path(db_path).exists():
        db = store.open_db(db_path, read_only=True)
        if batch := batches.latest_batch(db):
            settings = json.loads(batch["settings"] or "{}")
            states: dict[str, int] = {}
            for r in batches.batch_units(db, batch["id"]):
                states[r["state"]] = states.get(r["state"], 0) + 1
            out["batch"] = {"id": batch["id"], "source": batch["source"], "status": batch["status"], "units": states}
            if token := settings.get("broker_token"):
                for field, count in client.hgetall(tasks.stats_key(token)).items():
                    worker, _, outcome = field.decode().rpartition(":")
                    entry = out["workers"].setdefault(worker, {"running": [], "done": 0, "failed": 0, "online": False})
                    entry[outcome] = int(count)
        db.conn.close()
    return out
