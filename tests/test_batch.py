"""``oit batch``: a register of fixture units (two layouts or more, one site down) checked in one process, resumed after
a kill, the roll-up, history and diff, regression and crawl-problem alerts over a local webhook and SMTP server."""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from oit.alerts import AlertSettings
from oit.batch import BatchOptions, run_batch
from oit.check import CrawlOptions
from sitegen.fleet import build_fleet, serve_fleet, write_register
from storage import store
from tests.helpers import REPO, run_oit_here
from tests.test_alerts import receiver, smtp  # noqa: F401 - smtp is a fixture

pytestmark = pytest.mark.slow

#: Small crawls: the batch's behaviour, not the engine's accuracy, is under test.
CRAWL = ["--max-pages", "25", "--no-render", "--no-ocr"]


def options(max_pages: int = 25, **kw: object) -> BatchOptions:
    crawl = CrawlOptions(max_pages=max_pages, progress=False, extra={"OIT_RENDER_JS": False, "OIT_OCR": False})
    return BatchOptions(concurrency=4, crawl=crawl, **kw)


@pytest.fixture(scope="module")
def fleet(tmp_path_factory):  # noqa: ANN001, ANN201
    """20 units: 19 generated sites (several layouts and unit types) and one whose site is down. Built once for all
    test workers (the sites of a seed are always the same), under a lock."""
    base = tmp_path_factory.getbasetemp()  # a worker's is inside the session's
    root = (base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base) / "oit-fleet"
    root.mkdir(exist_ok=True)
    with open(root / ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        return build_fleet(root, 20)


def states(db_path: Path) -> dict[str, str]:
    db = store.open_db(db_path, read_only=True)
    sql = "select u.code, b.state from batch_units b join units u on u.id = b.unit_id"
    return {r["code"]: r["state"] for r in db.query(sql)}


def test_twenty_units_one_down_are_checked_and_rolled_up(fleet, tmp_path):  # noqa: ANN001
    assert len({u.layout for u in fleet}) >= 2
    events: list[tuple[str, dict]] = []
    with serve_fleet(fleet):
        register = write_register(tmp_path / "units.csv", fleet)
        result = run_batch(
            register, tmp_path / "oit.db", tmp_path / "out", options(), lambda n, d: events.append((n, d))
        )
    down = fleet[0]
    assert states(tmp_path / "oit.db") == {u.code: ("problem" if u is down else "done") for u in fleet}
    # each unit's own report, and none for the unit that could not be checked
    for unit in fleet[1:]:
        assert (tmp_path / "out" / "units" / unit.code / "oit-report.html").exists()
    assert not (tmp_path / "out" / "units" / down.code).exists()
    # progress per unit and overall: every unit ends once, the count reaches the total
    ends = [d for n, d in events if n == "unit" and d["state"] != "crawling"]
    assert sorted(d["code"] for d in ends) == sorted(u.code for u in fleet) and ends[-1]["done"] == 20
    rollup = json.loads((tmp_path / "out" / "rollup.json").read_text(encoding="utf-8"))
    assert len(rollup["ranked"]) == 19 and [p["code"] for p in rollup["problems"]] == [down.code]
    scores = [r["score"] for r in rollup["ranked"]]
    assert scores == sorted(scores, reverse=True)
    assert {r["code"]: r["score"] for r in rollup["ranked"]} == {
        r.unit.code: r.report.score.oit for r in result.rows if r.report and not r.problem
    }
    assert "connection refused" in rollup["problems"][0]["problem"]
    html = (tmp_path / "out" / "rollup.html").read_text(encoding="utf-8")
    assert "<svg" in html and "<script" not in html
    csv_rows = (tmp_path / "out" / "rollup.csv").read_text(encoding="utf-8-sig").splitlines()
    assert len(csv_rows) == 21
    # the same file again: a finished batch is not resumed, a new one checks every unit again
    with serve_fleet(fleet[:3]):
        again = run_batch(register, tmp_path / "oit.db", tmp_path / "out2", options())
    assert again.batch_id == result.batch_id + 1 and not again.resumed


def test_a_killed_batch_resumes_without_crawling_again_what_was_done(fleet, tmp_path):  # noqa: ANN001
    units = fleet[:6]
    db_path = tmp_path / "oit.db"
    with serve_fleet(units):
        register = write_register(tmp_path / "units.csv", units)
        args = ["batch", str(register), "--db", str(db_path), "--out", str(tmp_path / "out"), "--concurrency", "1"]
        env = {**os.environ, "PYTHONPATH": str(REPO)}
        proc = subprocess.Popen([sys.executable, "-m", "oit.cli", *args, *CRAWL], cwd=REPO, env=env,
                                stderr=subprocess.PIPE, text=True, start_new_session=True)  # fmt: skip
        judged = 0
        for line in proc.stderr:  # kill the whole batch (and its crawl process) once two units are judged
            judged += "คะแนน" in line
            if judged == 2:
                os.killpg(proc.pid, signal.SIGKILL)
                break
        proc.wait(timeout=60)
        before = states(db_path)
        done_before = {c for c, s in before.items() if s in ("done", "problem")}
        assert 2 <= len(done_before) < 6
        result = run_oit_here("batch", *args[1:], *CRAWL)
    assert result.returncode == 0, result.stderr
    assert "resuming" in result.stderr
    after = states(db_path)
    assert set(after) == {u.code for u in units} and all(s in ("done", "problem") for s in after.values())
    db = store.open_db(db_path, read_only=True)
    runs = {r["code"]: r["n"] for r in db.query(
        "select u.code, count(r.id) as n from units u join runs r on r.unit_id = u.id group by u.code")}  # fmt: skip
    assert all(runs[c] == 1 for c in done_before)  # not crawled again
    assert len(list(db.query("select id from batches"))) == 1


def test_regressions_and_crawl_problems_alert_and_show_in_history_and_diff(fleet, tmp_path, smtp):  # noqa: ANN001, F811
    settings, inbox = smtp
    units = fleet[1:4]
    db_path = tmp_path / "oit.db"
    with serve_fleet(units):
        register = write_register(tmp_path / "units.csv", units)
        first = run_batch(register, db_path, tmp_path / "out", options(max_pages=300))

    def evidence_page(row):  # noqa: ANN001, ANN202 - an item that passed on a page of the unit's own site
        own = [it for it in row.report.items if it.status == "pass" and it.evidence]
        return next(
            (it for it in own if it.evidence[0].url.startswith(row.unit.url) and it.evidence[0].url != row.unit.url),
            None,
        )

    # the second time: unit A lost one page that was evidence, unit B's site shrank to its homepage
    row_a = next(r for r in first.rows if evidence_page(r))
    a = next(u for u in units if u.code == row_a.unit.code)
    b = next(u for u in units if u is not a)
    passed = evidence_page(row_a)
    lost = passed.evidence[0].url.removeprefix(a.url)
    changed_a = tmp_path / "site-a"
    shutil.copytree(a.site_dir, changed_a)
    target = changed_a / lost.split("?")[0].split("#")[0]
    (target / "index.html" if target.is_dir() else target).unlink()
    shrunk_b = tmp_path / "site-b"
    shrunk_b.mkdir()
    (shrunk_b / "index.html").write_text("<html><head><title>ปิดปรับปรุง</title></head><body>ปิดปรับปรุงเว็บไซต์</body></html>",
                                         encoding="utf-8")  # fmt: skip
    with receiver() as (hook, posted), serve_fleet(units, instead={a.code: changed_a, b.code: shrunk_b}):
        alerts = AlertSettings(**{**settings.__dict__, "webhook": hook, "email": "province@example.go.th"})
        second = run_batch(register, db_path, tmp_path / "out2", options(300, alerts=alerts, restart=True))
        time.sleep(0.2)
    by_type = {}
    for p in posted:
        by_type.setdefault(p["json"]["type"], []).append(p["json"])
    regression = [p for p in by_type.get("regression", []) if p["unit"]["code"] == a.code]
    assert regression and passed.code in {i["code"] for i in regression[0]["items"]}
    assert regression[0]["score"]["after"] < regression[0]["score"]["before"]
    problems = by_type.get("crawl_problem", [])
    assert [p["unit"]["code"] for p in problems] == [b.code] and problems[0]["problem"]["kind"] == "shrunk"
    assert not [p for p in by_type.get("regression", []) if p["unit"]["code"] == b.code]  # not a compliance alert
    subjects = [m.get("Subject", "") for _, m in inbox.messages]
    assert len(inbox.messages) == len(posted) and any(a.name in s for s in subjects)
    # the shrunk crawl fails no item: what did not pass is "could not check"
    row_b = next(r for r in second.rows if r.unit.code == b.code)
    assert row_b.problem and row_b.report and not [it for it in row_b.report.items if it.status == "fail"]
    # history and diff from the CLI
    hist = run_oit_here("history", a.code, "--db", str(db_path), "--format", "json")
    assert hist.returncode == 0, hist.stderr
    points = json.loads(hist.stdout)["history"]
    assert len(points) == 2 and points[1]["score"] < points[0]["score"]
    diff = run_oit_here("diff", a.code, "--db", str(db_path), "--format", "json")
    changes = json.loads(diff.stdout)["diff"]["changes"]
    assert any(c["code"] == passed.code and c["kind"] in ("newly_failing", "evidence_gone") for c in changes)
    page = tmp_path / "diff.html"
    assert run_oit_here("diff", a.code, "--db", str(db_path), "--format", "html", "-o", str(page)).returncode == 0
    assert "<svg" in page.read_text(encoding="utf-8")
    # B's diff skips the problem crawl: nothing newer than the first check to compare
    assert run_oit_here("diff", b.code, "--db", str(db_path)).returncode == 2
    hist_b = json.loads(run_oit_here("history", b.code, "--db", str(db_path), "--format", "json").stdout)["history"]
    assert hist_b[1]["score"] is None and hist_b[1]["problem"]


def test_a_stopped_crawl_leaves_its_units_for_the_next_run_and_sends_nothing(fleet, tmp_path, monkeypatch):  # noqa: ANN001
    import oit.batch

    units = fleet[1:3]

    def stopped(jobs, concurrency, on_start, on_done):  # noqa: ANN001, ANN202 - Ctrl-C before any crawl ended
        for job in jobs:
            on_done(job, "not_started" if job is jobs[-1] else "shutdown")
        return 0

    with receiver() as (hook, posted), serve_fleet(units):
        register = write_register(tmp_path / "units.csv", units)
        monkeypatch.setattr(oit.batch, "crawl_many_in_child", stopped)
        first = run_batch(register, tmp_path / "oit.db", tmp_path / "out", options(alerts=AlertSettings(webhook=hook)))
        assert first.left == 2 and not posted  # not judged, no alert, the batch stays open
        assert set(states(tmp_path / "oit.db").values()) == {"pending"}
        monkeypatch.undo()
        again = run_batch(register, tmp_path / "oit.db", tmp_path / "out", options())
    assert again.resumed and again.batch_id == first.batch_id and again.left == 0
    assert set(states(tmp_path / "oit.db").values()) == {"done"}
    db = store.open_db(tmp_path / "oit.db", read_only=True)
    assert [r["n"] for r in db.query("select count(*) as n from runs group by unit_id")] == [1, 1]  # continued
