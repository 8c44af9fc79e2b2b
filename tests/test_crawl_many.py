"""Several units crawled at once in one child process and one reactor (oit.crawl_many), into one store."""

from __future__ import annotations

import contextlib
import json
import time
from pathlib import Path

import pytest

from checklist.health import crawl_health
from oit.check import CrawlOptions
from oit.crawl_many import CrawlJob, crawl_many_in_child
from sitegen.ports import free_port
from sitegen.serve import FAULTS_FILE, serve_directory
from storage import store

pytestmark = pytest.mark.slow  # crawls served sites in child processes

PAGES = 20


def small_site(root: Path, name: str, pages: int = PAGES, hanging: bool = False) -> Path:
    """A unit site of ``pages`` pages linked from its homepage; ``hanging``: one more page that never answers."""
    root.mkdir(parents=True)
    links = [f"<a href='p{i}.html'>{name} หน้า {i}</a>" for i in range(pages)]
    if hanging:
        links.insert(0, "<a href='slow.html'>ข่าว</a>")
        (root / "slow.html").write_text("<html><body>never sent</body></html>", "utf-8")
        (root / FAULTS_FILE).write_text(json.dumps({"faults": {"/slow.html": {"delay": 300}}}), "utf-8")

    def page(title: str, body: str) -> str:
        return f"<html><head><meta charset='utf-8'><title>{title}</title></head><body>{body}</body></html>"

    (root / "index.html").write_text(page(name, " ".join(links)), "utf-8")
    for i in range(pages):
        text = f"<h1>{name} หน้า {i}</h1><p>ข้อความของหน้า {i} " * 5 + "</p><a href='index.html'>หน้าแรก</a>"
        (root / f"p{i}.html").write_text(page(f"{name} {i}", text), "utf-8")
    return root


def options(stall_timeout: float = 30, **extra) -> CrawlOptions:
    """Small crawls; only a site meant to hang gets a short stall timeout (a loaded machine can pause a crawl)."""
    base = {"OIT_RENDER_JS": False, "OIT_OCR": False, "OIT_SITEMAP": False, "HTTPCACHE_ENABLED": False}
    return CrawlOptions(progress=False, obey_robots=False, stall_timeout=stall_timeout, extra={**base, **extra})


def make_jobs(db_path: Path, urls: dict[str, str], opts: dict[str, CrawlOptions] | None = None) -> list[CrawlJob]:
    db = store.open_db(db_path)
    jobs = []
    for key, url in urls.items():
        run_id = store.start_run(db, unit_url=url, unit_type="agency", fiscal_year=2570)
        option = (opts or {}).get(key) or options()
        jobs.append(CrawlJob(url, str(db_path), run_id, "", 2570, "agency", option, key=key))
    db.conn.close()
    return jobs


class Events:
    """on_start/on_done in the parent: the order, the reasons and how many crawls ran at once."""

    def __init__(self):
        self.log: list[tuple[str, str]] = []
        self.reasons: dict[str, str] = {}
        self.running = self.most = 0

    def start(self, job: CrawlJob) -> None:
        self.log.append(("start", job.key))
        self.running += 1
        self.most = max(self.most, self.running)

    def done(self, job: CrawlJob, reason: str) -> None:
        self.log.append(("done", job.key))
        self.running -= 1
        self.reasons[job.key] = reason


def stored(db_path: Path) -> dict[int, list[str]]:
    db = store.open_db(db_path)
    out: dict[int, list[str]] = {}
    for run in store.list_runs(db):
        out[run["id"]] = [r["url"] for r in store.run_resources(db, run["id"])]
    db.conn.close()
    return out


def test_units_crawl_at_once_and_a_dead_or_hanging_one_stops_no_other(tmp_path: Path) -> None:
    db_path = tmp_path / "units.db"
    dead = f"http://127.0.0.1:{free_port()}/"
    with contextlib.ExitStack() as stack:
        urls = {
            key: stack.enter_context(serve_directory(small_site(tmp_path / key, f"หน่วยงาน {key}", hanging=key == "c")))
            for key in ("a", "b", "c")
        }
        urls["dead"] = dead
        grace = {"c": options(4, OIT_STOP_GRACE=2, DOWNLOAD_TIMEOUT=300)}
        jobs = make_jobs(db_path, urls, grace)
        events = Events()
        started = time.monotonic()
        code = crawl_many_in_child(jobs, concurrency=2, on_start=events.start, on_done=events.done)
        elapsed = time.monotonic() - started
    assert code == 0
    assert elapsed < 60  # the hanging download (300 s) did not hold the batch
    assert sorted(events.reasons) == ["a", "b", "c", "dead"]
    assert events.most == 2  # two at a time, never more
    assert events.reasons["a"] == events.reasons["b"] == events.reasons["dead"] == "finished"
    assert events.reasons["c"] == "abandoned"

    runs = stored(db_path)
    db = store.open_db(db_path)
    for job in jobs:
        urls_of_run = runs[job.run_id]
        assert urls_of_run and all(u.startswith(job.home_url) for u in urls_of_run), job.key  # its own run id
        run = store.get_run(db, job.run_id)
        totals = store.run_totals(db, job.run_id)
        errors = [r["error"] for r in store.run_resources(db, job.run_id) if r["error"]]
        health = crawl_health(totals, json.loads(run["crawl_stats"] or "{}"), errors, previous=None)
        if job.key in ("a", "b"):
            assert totals["pages"] == PAGES + 2 and run["crawl_status"] == "complete"
            assert health.ok
        elif job.key == "c":  # what it fetched before it hung is kept; the run says why it is partial
            assert totals["pages"] >= PAGES and run["crawl_status"] == "partial"
            assert "no progress for 4 s" in run["partial_reason"]
        else:
            assert totals == {"pages": 0, "documents": 0, "errors": 1}
            assert health.kind == "down", health


def test_one_host_is_crawled_by_one_crawler_at_a_time(tmp_path: Path) -> None:
    """Two units on one host (different paths) are not crawled at once: politeness is per host, not per unit."""
    root = tmp_path / "host"
    root.mkdir()
    small_site(root / "u1", "หน่วยงานหนึ่ง", pages=5)
    small_site(root / "u2", "หน่วยงานสอง", pages=5)
    db_path = tmp_path / "units.db"
    with serve_directory(root) as base:
        jobs = make_jobs(db_path, {"u1": base + "u1/index.html", "u2": base + "u2/index.html"})
        events = Events()
        assert crawl_many_in_child(jobs, concurrency=2, on_start=events.start, on_done=events.done) == 0
    assert events.log == [("start", "u1"), ("done", "u1"), ("start", "u2"), ("done", "u2")]
    assert events.reasons == {"u1": "finished", "u2": "finished"}


def test_a_job_that_cannot_start_is_reported_and_the_rest_run(tmp_path: Path) -> None:
    db_path = tmp_path / "units.db"
    with serve_directory(small_site(tmp_path / "a", "หน่วยงาน", pages=3)) as base:
        jobs = make_jobs(db_path, {"bad": base, "good": base + "index.html"})
        jobs[0].catalog_path = str(tmp_path / "no-such-catalog.yaml")
        events = Events()
        assert crawl_many_in_child(jobs, concurrency=1, on_done=events.done) == 0
    assert events.reasons["bad"].startswith("error: ") and events.reasons["good"] == "finished"
    assert len(stored(db_path)[jobs[1].run_id]) == 4


def test_four_units_at_once_take_less_time_than_one_after_another(tmp_path: Path) -> None:
    """The measured figures: 4 sites of 20 pages at concurrency 1 and 4 (printed; run with -s to see them)."""
    walls = {}
    with contextlib.ExitStack() as stack:
        urls = {k: stack.enter_context(serve_directory(small_site(tmp_path / k, f"หน่วยงาน {k}"))) for k in "abcd"}
        for concurrency in (1, 4):
            jobs = make_jobs(tmp_path / f"c{concurrency}.db", urls)
            started = time.monotonic()
            assert crawl_many_in_child(jobs, concurrency=concurrency) == 0
            walls[concurrency] = time.monotonic() - started
            runs = stored(tmp_path / f"c{concurrency}.db")
            assert all(len(runs[job.run_id]) == PAGES + 2 for job in jobs)  # /, index.html, the pages
    print(f"4 sites × {PAGES + 2} pages: concurrency 1 {walls[1]:.1f} s, concurrency 4 {walls[4]:.1f} s")
    assert walls[4] < walls[1]
