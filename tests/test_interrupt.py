"""An interrupted crawl (Ctrl-C) still yields a report, marked partial, and the unit name comes from the title."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time

from oit.check import unit_name_from_title
from sitegen.serve import serve_directory
from tests.crawler_support import html, send_html
from tests.helpers import REPO, check_report

PAGES = 400


def _slow_page(i: int):
    def respond(handler) -> None:
        time.sleep(0.5)
        send_html(handler, html(f"ข่าว {i}", f"ข่าวที่ {i}"))

    return respond


def _wait_for_stored_pages(db_path, n: int, proc, timeout: float = 60) -> None:
    """Wait until the crawl has stored ``n`` resources (so Ctrl-C lands mid-crawl)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and proc.poll() is None:
        if db_path.exists():
            try:
                with sqlite3.connect(db_path) as conn:
                    if conn.execute("select count(*) from resources").fetchone()[0] >= n:
                        return
            except sqlite3.Error:
                pass
        time.sleep(0.2)
    raise AssertionError("the crawl did not start in time")


def test_ctrl_c_gives_a_partial_report(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    links = "".join(f"<a href='/news/{i}.html'>ข่าวประชาสัมพันธ์ {i}</a>\n" for i in range(PAGES))
    (site / "index.html").write_text(
        f"<html><head><meta charset='utf-8'><title>หน้าแรก - เทศบาลตำบลทดสอบ</title></head><body>{links}</body></html>",
        encoding="utf-8",
    )
    routes = {f"/news/{i}.html": _slow_page(i) for i in range(PAGES)}
    out = tmp_path / "r.json"
    with serve_directory(site, routes=routes) as base:
        proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "oit.cli",
                "check",
                base,
                "--year",
                "2567",
                "--db",
                str(tmp_path / "x.db"),
                "--out",
                str(tmp_path / "r"),
                "--json",
                str(out),
                "--quiet",
            ],
            cwd=REPO,
            env={**os.environ, "PYTHONPATH": str(REPO)},
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        _wait_for_stored_pages(tmp_path / "x.db", 5, proc)
        proc.send_signal(signal.SIGINT)
        stdout, stderr = proc.communicate(timeout=120)
    assert proc.returncode == 0, stderr[-2000:]
    report = json.loads(out.read_text(encoding="utf-8"))
    assert report["run"]["partial"] is True
    assert "หยุด" in report["run"]["partial_reason"]
    assert 0 < report["stats"]["pages"] < PAGES
    assert report["unit"]["name"] == "เทศบาลตำบลทดสอบ"
    assert "ผลบางส่วน" in stdout


def test_unit_name_from_homepage_titles():
    assert unit_name_from_title("หน้าหลัก - องค์การบริหารส่วนตำบลหนองบัวทอง") == "องค์การบริหารส่วนตำบลหนองบัวทอง"
    assert unit_name_from_title("เทศบาลตำบลดอนตูม | ประชุมประชาคมตำบล ปี 2566") == "เทศบาลตำบลดอนตูม"
    assert unit_name_from_title("Home | โรงพยาบาลพิชัย") == "โรงพยาบาลพิชัย"


def test_resume_continues_the_unfinished_run(tmp_path):
    site = tmp_path / "site"
    (site / "news").mkdir(parents=True)
    links = "".join(f"<a href='/news/{i}.html'>ข่าวประชาสัมพันธ์ {i}</a>\n" for i in range(30))
    (site / "index.html").write_text(f"<html><body>{links}</body></html>", encoding="utf-8")
    for i in range(30):
        (site / "news" / f"{i}.html").write_text(f"<html><body>ข่าวที่ {i} 1 ม.ค. 2567</body></html>", encoding="utf-8")
    with serve_directory(site) as base:
        first = check_report(base, tmp_path, "a", "--max-pages", "8")
        assert first["run"]["partial"] is True
        report = check_report(base, tmp_path, "b", "--resume")
    assert report["run"]["id"] == first["run"]["id"]
    assert report["run"]["partial"] is False
    assert report["stats"]["pages"] == 31
