"""``oit serve --broker``: the web page's checks run by ``oit worker`` through a real Redis (slow)."""

from __future__ import annotations

import time
from pathlib import Path

import httpx
import pytest

from sitegen.demo import build_demo_site
from sitegen.serve import serve_directory
from tests.redis_server import redis_server
from tests.test_broker import start_worker, stop
from tests.test_web_browser import start_server, stop_server

pytestmark = pytest.mark.slow


def wait_for(base: str, check_id: str, states: tuple[str, ...], seconds: float = 240) -> dict:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        state = httpx.get(f"{base}/api/checks/{check_id}").json()
        if state["state"] in states:
            return state
        time.sleep(0.5)
    raise AssertionError(f"still {state['state']} after {seconds} s: {state}")


def test_a_check_runs_on_a_worker_and_survives_a_server_restart(tmp_path: Path) -> None:
    site_root = tmp_path / "site"
    truth = build_demo_site(site_root)
    with redis_server(tmp_path / "redis") as broker, serve_directory(site_root) as site:
        worker = start_worker(broker, "web-w", tmp_path / "worker.log", concurrency=1)
        proc, base = start_server(tmp_path / "web", "--allow-private", "--broker", broker)
        try:
            check = httpx.post(base + "/api/checks", json={"url": site, "year": truth["fiscal_year"]}).json()
            assert check["state"] == "queued"
            stop_server(proc)  # the server stops; the task is the worker's, and the restarted server takes its result
            proc, base = start_server(tmp_path / "web", "--allow-private", "--broker", broker)
            done = wait_for(base, check["id"], ("done", "failed", "interrupted"))
            assert done["state"] == "done", done
            report = httpx.get(f"{base}/api/checks/{check['id']}/report.json").json()
            assert report["score"]["oit"] == done["score"] and len(report["items"]) > 30
            page = httpx.get(f"{base}/checks/{check['id']}").text
            assert 'id="fixes"' in page and "/units/" not in page  # one check of the unit: no trend chart yet
            again = httpx.post(base + "/api/checks", json={"url": site, "year": truth["fiscal_year"]}).json()
            assert wait_for(base, again["id"], ("done", "failed"))["state"] == "done"
            page = httpx.get(f"{base}/checks/{again['id']}").text
            assert f'/checks/{check["id"]}' in page and "trend.svg" in page  # the history links the first check
            svg = httpx.get(base + "/units/1/trend.svg")
            assert svg.status_code == 200 and svg.headers["content-type"].startswith("image/svg+xml")
        finally:
            stop_server(proc)
            stop(worker)
