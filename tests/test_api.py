"""The library API: ``oit.check_site`` called like a batch runner or a worker would, twice in one process."""

from __future__ import annotations

from pathlib import Path

import pytest

import oit
from checklist.catalog import CatalogError
from oit.check import CheckError, CrawlOptions
from sitegen.serve import serve_directory

pytestmark = pytest.mark.slow  # crawls a served site in child processes

PAGES = {
    "index.html": "<title>สำนักงานตัวอย่าง</title><a href='contact.html'>ติดต่อเรา</a> <a href='ita.html'>ITA</a>",
    "contact.html": "<title>ติดต่อเรา</title><p>เลขที่ 9 ถนนตัวอย่าง ตำบลในเมือง อำเภอเมือง จังหวัดตัวอย่าง 10100 "
    "โทร 02-123-4567 อีเมล saraban@example.go.th</p>",
    "ita.html": "<title>ITA 2570</title>" + "".join(f"<p>O{i} รายการที่ {i} <a href='contact.html'>ลิงก์</a></p>"
                                                 for i in range(1, 8)),  # fmt: skip
}


def _site(root: Path) -> Path:
    root.mkdir()
    for name, body in PAGES.items():
        (root / name).write_text(f"<html><head><meta charset='utf-8'></head><body>{body}</body></html>", "utf-8")
    return root


def test_check_site_twice_in_one_process(tmp_path: Path) -> None:
    """A long-lived process (worker, web app) checks site after site: each crawl runs in its own child process."""
    options = CrawlOptions(progress=False, extra={"OIT_RENDER_JS": False, "OIT_OCR": False})
    events: list[str] = []
    with serve_directory(_site(tmp_path / "site")) as base:
        first = oit.check_site(base, year=2570, unit_type="agency", store=tmp_path / "units.db", options=options,
                               on_event=lambda name, data: events.append(name))  # fmt: skip
        second = oit.check_site(base, year=2569, unit_type="agency", store=tmp_path / "units.db", options=options)
    assert (first.run_id, second.run_id) == (1, 2)
    assert (first.fiscal_year, first.catalog_id) == (2570, "nacc-2570") and "2569" in first.catalog_notice
    assert (second.fiscal_year, second.catalog_id) == (2569, "nacc-2569")
    assert first.stats["pages"] == 3 and first.url == base
    contact = {it.code: it for it in first.items}["O3"]
    assert contact.evidence and contact.evidence[0].url.endswith("contact.html")
    assert events == ["catalog", "crawl"]


def test_inputs_are_checked_before_the_network(tmp_path: Path) -> None:
    """127.0.0.1:9 refuses connections: each error below is about the input, raised before any request."""
    store = tmp_path / "never.db"
    with pytest.raises(CatalogError):
        oit.check_site("http://127.0.0.1:9/", catalog="no-such-catalog", store=store)
    with pytest.raises(ValueError, match="school"):
        oit.check_site("http://127.0.0.1:9/", scheme="ovec", unit_type="lao", store=store)
    with pytest.raises(CheckError):
        oit.check_site("http://127.0.0.1:9/", year=2570, store=store)
    assert not store.exists()  # nothing is written for a check that could not start
