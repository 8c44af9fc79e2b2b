"""A crawl that cannot be trusted is shown as a crawl problem: its items never fail, every report says why."""

from __future__ import annotations

from lxml import html as lxml_html

from oit.check import held_back
from oitbase.model import ItemResult
from reports import render
from tests.unit_reports import unit_report

PROBLEM = "ดึงข้อมูลได้ 1 หน้า น้อยกว่าครั้งก่อน (180) เกินครึ่ง (fetched 1 page, < 50 % of last time's 180) <b>x</b>"


def item(status: str) -> ItemResult:
    return ItemResult(code="O1", name="โครงสร้าง", sub_indicator="9.1", status=status, confidence=0.9)


def test_what_did_not_pass_is_not_checked_rather_than_failed():
    for status in ("fail", "partial"):
        held = held_back(item(status), PROBLEM)
        assert held.status == "unknown" and PROBLEM in held.notes[0]
    assert held_back(item("pass"), PROBLEM).status == "pass"
    assert held_back(item("unknown"), PROBLEM).notes == []


def test_every_report_format_says_the_crawl_had_a_problem():
    report = unit_report("อบต.ทดสอบ", 40.0, "Pfpu")
    report.crawl_problem = PROBLEM
    page = lxml_html.fromstring(render(report, "html"))
    (banner,) = page.xpath('//*[@id="crawl-problem"]')
    assert "fetched 1 page" in banner.text_content() and not banner.xpath(".//b")  # crawled text stays text
    assert "crawl problem" in render(report, "md")
    assert render(report, "json").count("fetched 1 page") == 1
    report.crawl_problem = ""
    assert not lxml_html.fromstring(render(report, "html")).xpath('//*[@id="crawl-problem"]')
