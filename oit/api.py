"""The library API: check a unit's website and get its ``Report``.

The ``oit`` CLI is a thin layer over :func:`check_site` (as sqlite-utils' CLI is over its library); the batch
runner, the worker and the web app call the same function. Everything a user gives is checked before the network
is touched: the catalog and year (:class:`checklist.catalog.CatalogError`), the unit type (``ValueError``), then the
homepage (:class:`oit.check.CheckError`).

    from oit import check_site
    report = check_site("https://www.example.go.th", store="units.db", unit_type="lao")
    print(report.score.oit, report.catalog_notice)

Scrapy's Twisted reactor runs once per process: by default the crawl runs in a child process, so a long-lived
process may call :func:`check_site` again and again. ``in_process=True`` crawls in the calling process (the CLI does:
it checks one site and exits, and Ctrl-C then reaches Scrapy directly).
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from checklist.catalog import Catalog, normalise_unit_type
from checklist.catalog_years import CatalogChoice, choose_catalog
from crawler.urls import ensure_scheme
from oit.check import CrawlOptions, Homepage, assess_crawl, crawl, evaluate_run, preflight
from oitbase import __version__
from oitbase.model import Report
from oitbase.processes import run_as_child
from storage import store
from storage import units as store_units


def unit_type_for(cat: Catalog, unit_type: str | None) -> str:
    """The unit type given (normalised), else the catalog's first; ``ValueError`` for one it has no list for."""
    ut = normalise_unit_type(unit_type) if unit_type else cat.unit_types[0]
    if ut not in cat.unit_types:
        raise ValueError(
            f"แคตตาล็อก {cat.id} ใช้กับหน่วยงานประเภท {', '.join(cat.unit_types)} เท่านั้น "
            f"(catalog {cat.id} is for unit types {', '.join(cat.unit_types)}, not {ut}; choose another catalog)"
        )
    return ut


@dataclass
class CheckPlan:
    """What a check will do, decided before any network use."""

    url: str
    choice: CatalogChoice
    unit_type: str
    store: Path
    options: CrawlOptions = field(default_factory=CrawlOptions)
    #: The unit in the store's register (None: the unit known by the URL, or a new one).
    unit_id: int | None = None
    batch_id: int | None = None


def plan_check(
    url: str,
    *,
    year: int | None = None,
    scheme: str | None = None,
    catalog: str | Path | None = None,
    unit_type: str | None = None,
    store: str | Path = "oit-report/oit.db",
    options: CrawlOptions | None = None,
) -> CheckPlan:
    """Check the user's inputs and choose the catalog (no network)."""
    parts = urlsplit(ensure_scheme(url))
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError(f"ตรวจได้เฉพาะเว็บไซต์ http:// หรือ https:// (not a website address: {url})")
    choice = choose_catalog(year, scheme, catalog)
    return CheckPlan(url, choice, unit_type_for(choice.catalog, unit_type), Path(store), options or CrawlOptions())


def check_site(
    url: str,
    *,
    year: int | None = None,
    scheme: str | None = None,
    catalog: str | Path | None = None,
    unit_type: str | None = None,
    store: str | Path = "oit-report/oit.db",
    options: CrawlOptions | None = None,
    on_event: Callable[[str, dict], None] | None = None,
    in_process: bool = False,
) -> Report:
    """Crawl ``url``, judge every item of the catalog and return the report (kept in the SQLite ``store``).

    ``year`` defaults to the fiscal year under way; ``scheme``/``catalog`` choose the list (see
    ``checklist.catalog_years``); ``options`` are the crawl's limits and switches. ``on_event(name, data)`` hears
    "catalog" (the catalog chosen, whether carried forward), "resume" (an unfinished run continued) and "crawl" (the
    crawl starts). Writing report files is the caller's: ``reports.write_reports(report, out_dir)``.
    """
    plan = plan_check(
        url, year=year, scheme=scheme, catalog=catalog, unit_type=unit_type, store=store, options=options
    )  # fmt: skip
    return run_plan(plan, on_event=on_event, in_process=in_process)


def run_plan(plan: CheckPlan, on_event: Callable[[str, dict], None] | None = None, in_process: bool = False) -> Report:
    """Carry out a :class:`CheckPlan`: homepage check, crawl, crawl health, judgement."""
    db, run_id, home = begin_check(plan, on_event)
    args = (home.url, str(plan.store), run_id, str(plan.choice.path), plan.choice.fiscal_year, plan.unit_type)
    if in_process:
        crawl(*args, plan.options)
    elif code := crawl_in_child(*args, plan.options):
        crawl_ended_early(db, run_id, f"the crawl process ended with code {code}")
    return finish_check(db, plan, run_id)


def begin_check(
    plan: CheckPlan, on_event: Callable[[str, dict], None] | None = None
) -> tuple[store.Database, int, Homepage]:
    """The homepage check (:class:`oit.check.CheckError` when it fails) and the run to crawl into: a new one, or with
    ``options.resume`` the unit's unfinished one. Returns the open store, the run's id and the homepage."""
    emit = on_event or (lambda name, data: None)
    cat, fy, options = plan.choice.catalog, plan.choice.fiscal_year, plan.options
    emit("catalog", {"id": cat.id, "fiscal_year": fy, "carried": plan.choice.carried, "path": str(plan.choice.path)})
    home = preflight(plan.url, refuse_private=options.refuse_private)
    plan.store.parent.mkdir(parents=True, exist_ok=True)
    db = store.open_db(plan.store)
    unit_id = plan.unit_id or store_units.unit_for_url(db, plan.url, home.url)
    if plan.unit_id:
        store_units.record_url(db, unit_id, home.url, "redirect" if home.url != plan.url else "check")
    resumed = store.find_resumable_run(db, home.url, unit_id) if options.resume else None
    if resumed is not None:
        emit("resume", {"run_id": resumed})
        options.extra.update({"OIT_RESUME": True})
    run_id = resumed or store.start_run(
        db,
        unit_url=home.url,
        unit_id=unit_id,
        batch_id=plan.batch_id,
        unit_type=plan.unit_type,
        fiscal_year=fy,
        catalog_id=cat.id,
        catalog_version=cat.version,
        catalog_confidence=cat.confidence,
        catalog_path=str(plan.choice.path),
        settings={"max_pages": options.max_pages, "max_depth": options.max_depth, "obey_robots": options.obey_robots},
        warnings=home.warnings,
        tool_version=__version__,
    )
    emit("crawl", {"url": home.url, "run_id": run_id, "fiscal_year": fy, "catalog": cat.id})
    return db, run_id, home


def crawl_ended_early(db: store.Database, run_id: int, why: str) -> None:
    """Record that a run's crawl stopped before it finished (unless the crawl said why itself)."""
    if not store.get_run(db, run_id).get("partial_reason"):
        store.update_run(db, run_id, crawl_status="partial", partial_reason=f"การตรวจหยุดก่อนเสร็จ ({why})")


def finish_check(db: store.Database, plan: CheckPlan, run_id: int) -> Report:
    """After the crawl: judge its health against the unit's previous crawl, then judge the site."""
    assess_crawl(db, run_id)
    return evaluate_run(db, run_id, plan.choice.catalog, plan.choice.fiscal_year, plan.unit_type, str(plan.choice.path))


#: Seconds a crawl process may run past its time limit (its own watchdog should have ended it) before it is killed.
CHILD_GRACE = 300.0


def crawl_in_child(*args) -> int:  # noqa: ANN002 - the arguments of oit.check.crawl
    """:func:`oit.check.crawl` in a fresh child process (a new Twisted reactor). Ctrl-C is passed on to it, so the
    crawl stops as it would in the foreground and what it fetched is still judged; the child ends with this process
    (``kill -9`` of it leaves no crawl running), and is killed when it outlives its time limit by
    :data:`CHILD_GRACE`. Returns the child's exit code (negative: the signal that ended it)."""
    options: CrawlOptions = args[-1]
    limit = options.crawl_time_limit()
    deadline = time.monotonic() + limit + CHILD_GRACE if limit else None
    child = multiprocessing.get_context("spawn").Process(
        target=run_as_child, args=(os.getpid(), crawl, *args), name="oit-crawl"
    )
    child.start()
    while True:
        try:
            child.join(None if deadline is None else max(0.0, deadline - time.monotonic()))
            if child.is_alive():  # stuck past its time limit: the crawl's own watchdog did not end it
                child.kill()
                child.join()
            return child.exitcode or 0
        except KeyboardInterrupt:
            if child.pid is not None and child.is_alive():
                os.kill(child.pid, signal.SIGINT)
