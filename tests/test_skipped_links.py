"""Nothing linked is silently dropped: a document with a long Thai name is fetched, and every link that is
not followed is in the report with its reason, next to the item it could have been evidence for."""

from __future__ import annotations

from urllib.parse import quote

import pytest

from tests.crawler_support import SiteServer, db_rows, html, pdf_bytes, run_spider
from tests.helpers import check_report

LONG_NAME = "รายงานผลการดำเนินงานตามแผนปฏิบัติการป้องกันการทุจริต ประจำปีงบประมาณ พ.ศ. 2567 (รอบ 6 เดือน).pdf"
ARCHIVE = "แผนการดำเนินงานประจำปี 2567.zip"
DEEP_DOC = "คู่มือการปฏิบัติงาน 2567.pdf"
MANY_PARAMS = "/list.php?a=1&b=2&c=3&d=4&e=5&f=6&g=7&h=8&i=9"


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    work = tmp_path_factory.mktemp("skipped")
    long_href = "/wp-content/uploads/2024/04/" + quote(LONG_NAME)
    pages = {
        "/": html(
            "องค์การบริหารส่วนตำบลทดสอบ",
            '<a href="/ita.html">การเปิดเผยข้อมูลสาธารณะ (ITA)</a> <a href="/a.html">เกี่ยวกับเรา</a>'
            + "ข้อมูลทั่วไปของตำบล " * 30,
        ),
        "/ita.html": html(
            "ITA 2567",
            f'<a href="{long_href}">O10 การดำเนินการตามแผนป้องกันการทุจริต รอบ 6 เดือน</a>'
            f' <a href="/files/{quote(ARCHIVE)}">แผนการดำเนินงานประจำปี</a>'
            ' <a href="https://drive.google.com/file/d/1AbCdEfGhIjKlMnOpQrSt/view">แผนการใช้จ่ายงบประมาณประจำปี.pdf</a>'
            f' <a href="{MANY_PARAMS}">รายการ</a>' + "การเปิดเผยข้อมูล " * 30,
        ),
        "/a.html": html("เกี่ยวกับเรา", '<a href="/b.html">ประวัติ</a>' + "ประวัติความเป็นมา " * 30),
        "/b.html": html("ประวัติ", f'<a href="/docs/{quote(DEEP_DOC)}">คู่มือการปฏิบัติงาน</a>' + "ตำบล " * 60),
        "/wp-content/uploads/2024/04/" + LONG_NAME: pdf_bytes("Anti-corruption plan progress report, 6 months"),
    }
    with SiteServer(pages).serve() as base:
        data = check_report(base, work, "r", "--max-depth", "2", "--no-render", "--ignore-robots")
    return base, data


def test_a_long_thai_file_name_is_fetched(report):
    base, data = report
    skipped = {sk["url"] for sk in data["skipped"]}
    assert not any(quote(LONG_NAME) in url or LONG_NAME in url for url in skipped)
    assert not any(LONG_NAME in u["url"] or quote(LONG_NAME) in u["url"] for u in data["unreadable"])
    assert data["stats"]["documents"] >= 1


def test_every_skipped_link_has_its_reason(report):
    base, data = report
    reasons = {sk["url"]: sk["reason"] for sk in data["skipped"]}
    assert "archive" in reasons[base + "files/" + quote(ARCHIVE)]
    assert "another host" in reasons["https://drive.google.com/file/d/1AbCdEfGhIjKlMnOpQrSt/view"]
    assert "deeper than --max-depth" in reasons[base + "docs/" + quote(DEEP_DOC)]
    many = next(url for url in reasons if "list.php" in url)
    assert "too many parameters" in reasons[many]
    assert data["stats"]["skipped_links"] == len(data["skipped"])


def test_skipped_links_stand_next_to_the_item_they_could_prove(report):
    base, data = report
    items = {it["code"]: it for it in data["items"]}
    for it in items.values():
        if it["status"] == "pass":
            assert not it["skipped"]
    plan_items = [it for it in items.values() if any(ARCHIVE[:10] in sk["text"] or "zip" in sk["url"]
                                                      for sk in it["skipped"])]  # fmt: skip
    assert plan_items, "the archive named like the annual plan is shown next to that item"
    for it in plan_items:
        assert any("ไม่ได้เปิดลิงก์" in note for note in it["notes"])
        assert it["confidence"] <= 0.5  # a fail that a skipped link may disprove is not sure


def test_a_redirect_loop_is_reported_not_dropped(tmp_path):
    pages = {
        "/": html("อบต.ทดสอบ", '<a href="/loop/a.html">ประกาศ</a>'),
        "/loop/a.html": (302, {"Location": "/loop/b.html"}, b""),
        "/loop/b.html": (302, {"Location": "/loop/a.html"}, b""),
    }
    db = tmp_path / "loop.db"
    with SiteServer(pages).serve() as base:
        run_spider(base, db, "OIT_RENDER_JS=False", "ROBOTSTXT_OBEY=False")
    errors = {r["url"]: r["error"] for r in db_rows(db, "select url, error from resources")}
    assert "redirect loop" in errors[base + "loop/a.html"]  # under the URL that was linked


def test_a_link_that_redirects_to_a_page_fetched_already_is_kept(tmp_path):
    """An ITA row often links an old URL that redirects to a page the menu links too: the row's URL must not
    be dropped as a duplicate, or the item would lose its evidence."""
    pages = {
        "/": html("อบต.ทดสอบ", '<a href="/structure.html">โครงสร้าง</a> <a href="/ita.html">ITA</a>'),
        "/ita.html": html("ITA", '<a href="/index.php?id=1">O1 โครงสร้าง</a>'),
        "/index.php?id=1": (301, {"Location": "/structure.html"}, b""),
        "/structure.html": html("โครงสร้างส่วนราชการ", "แผนผังโครงสร้าง " * 30),
    }
    db = tmp_path / "redirect.db"
    with SiteServer(pages).serve() as base:
        run_spider(base, db, "OIT_RENDER_JS=False", "ROBOTSTXT_OBEY=False")
    rows = {r["url"]: r for r in db_rows(db, "select url, final_url, error from resources")}
    assert rows[base + "index.php?id=1"]["final_url"] == base + "structure.html"
    assert rows[base + "structure.html"]["error"] == ""
