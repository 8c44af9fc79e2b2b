"""Check every unit of a register in one process: ``oit batch units.csv``.

The units are saved in the store's register, then checked several hosts at once in one crawl process
(:func:`oit.crawl_many.crawl_many_in_child`: many crawlers in one reactor, each polite to its own host). Each unit is
judged as soon as its crawl ends, its report written, its crawl health judged and, when items regressed since its
previous check or the crawl had a problem, alerts sent. A batch is kept in the store unit by unit, so running the same
command again after a kill continues it: units already done are not crawled again, an interrupted crawl is resumed.
A unit whose site is down is recorded as a crawl problem and the batch goes on. At the end the roll-up report
(``rollup.html``/``.csv``/``.json``) covers every unit of the batch.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path

from checklist.catalog import CatalogError
from checklist.catalog_years import bundled_schemes
from checklist.health import preflight_health
from oit.alerts import (
    AlertSent,
    AlertSettings,
    problem_email,
    problem_payload,
    recipients,
    regression_email,
    regression_payload,
    send_alerts,
)
from oit.api import CheckPlan, begin_check, crawl_ended_early, finish_check, plan_check
from oit.check import CheckError, CrawlOptions, stored_report
from oit.crawl_many import CrawlJob, crawl_many_in_child
from oit.history import previous_report_diff
from oit.register import read_units
from oitbase.model import Report
from oitbase.units import Unit, url_key
from reports import write_reports
from reports.output import REPORT_BASENAME
from reports.rollup import RollupRow, build_rollup, write_rollup
from storage import batches, store
from storage import units as store_units

Emit = Callable[[str, dict], None]
#: Why a crawl ended when it was stopped from outside: its unit is left for the next run of the batch.
UNFINISHED = ("not_started", "shutdown")


@dataclass
class BatchOptions:
    concurrency: int = 4
    #: The crawl options of every unit (``time_limit`` counts per unit, from the start of its crawl).
    crawl: CrawlOptions = field(default_factory=lambda: CrawlOptions(progress=False))
    formats: tuple[str, ...] = ("html", "json", "csv")
    #: Send alerts (None: none).
    alerts: AlertSettings | None = None
    #: Start a new batch even when an unfinished one of the same file is in the store.
    restart: bool = False
    #: Redis URL of a Celery broker: the units are checked by workers (``oit worker``); "" checks them here.
    broker: str = ""


@dataclass
class BatchResult:
    batch_id: int
    rows: list[RollupRow]
    paths: dict[str, Path]
    alerts: list[AlertSent] = field(default_factory=list)
    resumed: bool = False
    #: Units not finished (the batch was stopped): running the same command again continues them.
    left: int = 0


def unit_dir_name(unit: Unit) -> str:
    """A safe directory name for a unit's reports (its code; characters outside letters, digits, ``-._`` become _)."""
    return re.sub(r"[^\w.-]", "_", unit.code).strip("._") or "unit"


def plan_for(unit: Unit, unit_id: int, batch_id: int, db_path: Path, crawl: CrawlOptions) -> CheckPlan:
    """The check of one unit of the register: its year, catalog and type (a sector scheme's name picks the
    scheme); ValueError or CatalogError when the row asks for something there is not."""
    scheme = unit.type if unit.type in bundled_schemes() else None
    options = replace(crawl, extra=dict(crawl.extra), started=time.monotonic())
    plan = plan_check(
        unit.url,
        year=unit.year,
        scheme=scheme,
        catalog=unit.catalog or None,
        unit_type=None if scheme else unit.type or None,
        store=db_path,
        options=options,
    )
    plan.unit_id, plan.batch_id = unit_id, batch_id
    return plan


class Batch:
    """One run of ``oit batch``: the register saved, the batch found or started, then every unit checked."""

    def __init__(self, units_file: Path, db_path: Path, out_dir: Path, options: BatchOptions, emit: Emit) -> None:
        self.units_file, self.db_path, self.out_dir = Path(units_file), Path(db_path), Path(out_dir)
        self.options, self.emit = options, emit
        self.sent: list[AlertSent] = []
        self.db_path.parent.mkdir(parents=True, exist_ok=True)
        self.db = store.open_db(self.db_path)
        self.units: dict[int, Unit] = {}
        self.done = 0

    # --- the batch -----------------------------------------------------------------------------------------

    def run(self) -> BatchResult:
        units = read_units(self.units_file)
        for unit in units:
            unit_id, change, old_url = store_units.save_unit(self.db, unit)
            self.units[unit_id] = unit
            if change == "url_changed":
                self.emit("url_changed", {"code": unit.code, "from": old_url, "to": unit.url})
        source = str(self.units_file.resolve())
        found = None if self.options.restart else batches.open_batch(self.db, source)
        if found:
            self.batch_id = found["id"]
            batches.add_batch_units(self.db, self.batch_id, list(self.units))
        else:
            settings = {"concurrency": self.options.concurrency, "max_pages": self.options.crawl.max_pages}
            self.batch_id = batches.start_batch(
                self.db, source, list(self.units), self.options.concurrency, settings
            )  # fmt: skip
        states = {r["unit_id"]: r for r in batches.batch_units(self.db, self.batch_id) if r["unit_id"] in self.units}
        todo = [u for u, r in states.items() if r["state"] not in ("done", "problem")]
        self.total, self.done = len(states), len(states) - len(todo)
        self.emit("batch", {"id": self.batch_id, "resumed": bool(found), "units": self.total, "todo": len(todo)})
        self.check_units(todo, states)
        rows = self.rollup_rows()
        rollup = build_rollup(rows, title=f"ผลการตรวจ {self.units_file.name}", batch_id=self.batch_id,
                              generated=store.now_iso())  # fmt: skip
        paths = write_rollup(rollup, self.out_dir)
        left = [r for r in batches.batch_units(self.db, self.batch_id) if r["state"] not in ("done", "problem")]
        if left:  # stopped (Ctrl-C, the crawl process died): the same command continues it
            self.emit("interrupted", {"id": self.batch_id, "left": len(left)})
        else:
            batches.finish_batch(self.db, self.batch_id)
        return BatchResult(self.batch_id, rows, paths, self.sent, resumed=bool(found), left=len(left))

    def check_units(self, todo: list[int], states: dict[int, dict]) -> None:
        """Check the units not done yet, in this machine: several crawls at once in one crawl process."""
        jobs = self.prepare(todo, states)
        if jobs:
            crawl_many_in_child(jobs, self.options.concurrency, on_start=self.crawl_started, on_done=self.crawl_done)

    def prepare(self, todo: list[int], states: dict[int, dict]) -> list[CrawlJob]:
        """Plan each unit, check its homepage (several at once) and give it a run; units that cannot be checked are
        recorded as crawl problems. Returns the crawls to make, in register order."""
        plans: dict[int, CheckPlan] = {}
        for unit_id in todo:
            try:
                plans[unit_id] = plan_for(
                    self.units[unit_id], unit_id, self.batch_id, self.db_path, self.options.crawl
                )  # fmt: skip
            except (CatalogError, ValueError) as exc:
                self.unit_problem(unit_id, None, "", str(exc))
        jobs: dict[int, CrawlJob] = {}
        resumable = {u: states[u].get("run_id") or batches.unit_run(self.db, self.batch_id, u) for u in plans}
        with ThreadPoolExecutor(max_workers=8, thread_name_prefix="oit-preflight") as pool:
            begun = {u: pool.submit(self.begin, plan, resumable.get(u)) for u, plan in plans.items()}
            for unit_id, future in begun.items():
                try:
                    run_id, home_url, stage = future.result()
                except CheckError as exc:
                    health = preflight_health(str(exc))
                    self.not_checked(unit_id, health.kind, health.reason, str(exc))
                    continue
                except Exception as exc:  # noqa: BLE001 - one unit's failure never stops the batch
                    self.unit_problem(unit_id, None, "", f"ตรวจไม่ได้ (could not check: {type(exc).__name__}: {exc})")
                    continue
                batches.set_unit_state(self.db, self.batch_id, unit_id, "pending", run_id=run_id)
                if stage == "judged":  # killed after its judgement was stored
                    self.judged(unit_id, run_id)
                    continue
                if stage == "crawled":  # killed after its crawl, before its judgement
                    self.judge(unit_id, plans[unit_id], run_id)
                    continue
                plan = plans[unit_id]
                jobs[unit_id] = CrawlJob(
                    home_url, str(self.db_path), run_id, str(plan.choice.path), plan.choice.fiscal_year,
                    plan.unit_type, plan.options, key=self.units[unit_id].code, limit_from_turn=True,
                )  # fmt: skip
        self.plans = plans
        self.job_units = {job.run_id: unit_id for unit_id, job in jobs.items()}
        return [jobs[u] for u in todo if u in jobs]

    def begin(self, plan: CheckPlan, earlier_run: int | None) -> tuple[int, str, str]:
        """(run id, homepage URL, stage: crawl, crawled or judged) for one unit, in a worker thread (so on its own
        connection). A run the batch began before it was killed is continued, unless the unit's address changed."""
        if earlier_run:
            db = store.open_db(self.db_path)
            run = store.get_run(db, earlier_run)
            judged = store.latest_evaluation(db, earlier_run)
            db.conn.close()
            if url_key(run["unit_url"] or "") == url_key(plan.url) or judged:
                if judged:
                    return earlier_run, run["unit_url"], "judged"
                if run.get("crawl_status") == "complete":
                    return earlier_run, run["unit_url"], "crawled"
                plan.options.extra["OIT_RESUME"] = True
                return earlier_run, run["unit_url"], "crawl"
        db, run_id, home = begin_check(plan, None)
        db.conn.close()
        return run_id, home.url, "crawl"

    # --- one unit ------------------------------------------------------------------------------------------

    def crawl_started(self, job: CrawlJob) -> None:
        unit_id = self.job_units[job.run_id]
        unit = self.units[unit_id]
        batches.set_unit_state(self.db, self.batch_id, unit_id, "running")
        self.emit("unit", {"code": unit.code, "name": unit.name, "state": "crawling", "done": self.done,
                           "total": self.total})  # fmt: skip

    def crawl_done(self, job: CrawlJob, reason: str) -> None:
        unit_id = self.job_units[job.run_id]
        if reason in UNFINISHED or reason.startswith("process_ended"):
            return  # stopped from outside (Ctrl-C, the crawl process died): the next run of the batch resumes it
        if reason not in ("finished", "time_limit", "stalled", "abandoned"):
            crawl_ended_early(self.db, job.run_id, reason)
        self.judge(unit_id, self.plans[unit_id], job.run_id)

    def judge(self, unit_id: int, plan: CheckPlan, run_id: int) -> None:
        """Judge a crawled unit, write its reports, and alert on a crawl problem or a regression; a failure is that
        unit's problem, never the batch's."""
        try:
            report = finish_check(self.db, plan, run_id)
            self.judged(unit_id, run_id, report)
        except Exception as exc:  # noqa: BLE001 - one unit's failure never stops the batch
            self.unit_problem(unit_id, run_id, "", f"ตรวจไม่ได้ (could not judge: {type(exc).__name__}: {exc})")

    def judged(self, unit_id: int, run_id: int, report: Report | None = None) -> None:
        """A unit's judgement is stored: its reports, its state in the batch, its alerts (only when just judged)."""
        unit = self.units[unit_id]
        fresh = report is not None
        report = report or stored_report(self.db, run_id)
        paths = write_reports(report, self.out_dir / "units" / unit_dir_name(unit), formats=self.options.formats)
        run = store.get_run(self.db, run_id)
        state = "problem" if run.get("problem") else "done"
        batches.set_unit_state(self.db, self.batch_id, unit_id, state, evaluation_id=report.evaluation_id,
                               reason=run.get("problem") or "")  # fmt: skip
        self.done += 1
        self.emit("unit", {"code": unit.code, "name": unit.name, "state": state, "score": report.score.oit,
                           "band": report.score.band, "problem": run.get("problem") or "", "done": self.done,
                           "total": self.total, "report": str(paths.get("html", ""))})  # fmt: skip
        if not fresh:
            return
        if run.get("problem"):
            self.alert_problem(unit, run_id, run["problem_kind"], run["problem"])
        elif not report.partial:  # a crawl cut short (time limit) did not reach every item: nothing to compare
            self.alert_regressions(unit, unit_id, run_id, paths)

    def not_checked(self, unit_id: int, kind: str, reason: str, detail: str) -> None:
        """A unit that could not be crawled (its homepage failed, or it was given up): a failed run with the crawl
        problem, so that its history shows it."""
        run_id = store.start_run(
            self.db, unit_url=self.units[unit_id].url, unit_id=unit_id, batch_id=self.batch_id,
            crawl_status="failed", status="failed", partial_reason=detail,
        )  # fmt: skip
        store.update_run(self.db, run_id, problem=reason, problem_kind=kind)
        self.unit_problem(unit_id, run_id, kind, reason)

    def unit_problem(self, unit_id: int, run_id: int | None, kind: str, reason: str) -> None:
        unit = self.units[unit_id]
        batches.set_unit_state(self.db, self.batch_id, unit_id, "problem", run_id=run_id, reason=reason)
        self.done += 1
        self.emit("unit", {"code": unit.code, "name": unit.name, "state": "problem", "problem": reason,
                           "done": self.done, "total": getattr(self, "total", 0)})  # fmt: skip
        if run_id and kind and kind != "failed":  # "failed" is the tool's own failure, not the site's: not alerted
            self.alert_problem(unit, run_id, kind, reason)

    # --- alerts --------------------------------------------------------------------------------------------

    def alert_problem(self, unit: Unit, run_id: int, kind: str, reason: str) -> None:
        settings = self.options.alerts
        if settings is None:
            return
        payload = problem_payload(unit, run_id, kind, reason)
        to = recipients(unit, settings)
        self.send(unit, payload, problem_email(unit, payload, settings, to) if to else None)

    def alert_regressions(self, unit: Unit, unit_id: int, run_id: int, paths: dict[str, Path]) -> None:
        settings = self.options.alerts
        if settings is None:
            return
        changes = previous_report_diff(self.db, unit_id, run_id)
        if changes is None or not changes.regressions:
            return
        link = paths["html"].resolve().as_uri() if "html" in paths else ""
        to = recipients(unit, settings)
        message = regression_email(unit, changes, settings, to) if to else None
        self.send(unit, regression_payload(unit, changes, report_url=link), message)

    def send(self, unit: Unit, payload: dict, message: object) -> None:
        sent = send_alerts(unit, payload, message, self.options.alerts)
        self.sent.extend(sent)
        for s in sent:
            self.emit("alert", {"code": unit.code, "type": payload["type"], "channel": s.channel, "target": s.target,
                                "ok": s.ok, "error": s.error})  # fmt: skip

    # --- the roll-up ---------------------------------------------------------------------------------------

    def rollup_rows(self) -> list[RollupRow]:
        rows = []
        for r in batches.batch_units(self.db, self.batch_id):
            unit = self.units.get(r["unit_id"])
            if unit is None:
                continue
            report: Report | None = (
                stored_report(self.db, evaluation_id=r["evaluation_id"]) if r["evaluation_id"] else None
            )
            path = Path("units") / unit_dir_name(unit) / f"{REPORT_BASENAME}.html"
            rows.append(
                RollupRow(
                    unit=unit,
                    report=report,
                    problem=(r["reason"] or "") if r["state"] == "problem" else "",
                    run_id=r["run_id"] or 0,
                    evaluation_id=r["evaluation_id"] or 0,
                    report_path=path.as_posix() if (self.out_dir / path).exists() else "",
                )  # fmt: skip
            )
        return rows


def run_batch(
    units_file: Path, db_path: Path, out_dir: Path, options: BatchOptions | None = None, on_event: Emit | None = None
) -> BatchResult:
    """Check every unit of ``units_file`` (CSV/XLSX register) into the store ``db_path`` and write each unit's reports
    and the roll-up into ``out_dir``; ``on_event(name, data)`` hears "batch", "unit", "url_changed", "alert" and,
    with ``options.broker``, "queued"."""
    options = options or BatchOptions()
    kind = Batch
    if options.broker:
        from oit.broker_batch import BrokerBatch

        kind = BrokerBatch
    return kind(units_file, db_path, out_dir, options, on_event or (lambda n, d: None)).run()
