"""``oit history`` and ``oit diff`` rendering (#13): the checks of one unit, and what changed between two of them."""

from __future__ import annotations

import json

import pytest
from lxml import html as lxml_html

from oitbase.model import Evidence
from oitbase.units import Unit
from reports import HistoryPoint, render_diff, render_history
from reports.changes import CHANGE_TH, compare_reports
from tests.unit_reports import unit_report

UNIT = Unit(code="6190101", name="อบต. ทดสอบ\x1b[2J", url="https://tambon.go.th", province="สระบุรี")
FIX_O2 = "เผยแพร่ O2"


@pytest.fixture(scope="module")
def diff():
    before = unit_report("ทดสอบ", 88.0, "PPfP")
    after = unit_report("ทดสอบ", 71.0, "PfPP")
    before.item("O1").evidence = [Evidence(url="https://tambon.go.th/old/o1.pdf")]
    after.item("O1").evidence = [Evidence(url="https://tambon.go.th/new/o1.pdf")]
    before.item("O2").evidence = [Evidence(url="https://tambon.go.th/o2")]
    after.item("O2").missing = ["\u202eรายงาน\x1b]0;x\x07ประจำปี"]
    before.run_id, after.run_id = 5, 8
    after.finished = "2025-06-01T10:00:00+07:00"
    return compare_reports(before, after, evaluations=(11, 17))


POINTS = [
    HistoryPoint(5, 11, "2025-03-01T09:30:00+07:00", 2568, "nacc-2568", 88.0, "ผ่านดี"),
    HistoryPoint(6, 0, "2025-04-01T09:30:00+07:00", 2568, "nacc-2568", None, "", "DNS ไม่พบ (no such host)"),
    HistoryPoint(8, 17, "2025-06-01T10:00:00+07:00", 2568, "nacc-2568", 71.0, "ต้องปรับปรุง"),
]


def test_text_diff_lists_the_regression_with_its_fix_and_the_score(diff) -> None:
    text = render_diff(UNIT, diff, POINTS, "text")
    assert "88.00" in text and "71.00" in text and "-17.00" in text
    regression = text.index(CHANGE_TH["newly_failing"])
    fixed = text.index(CHANGE_TH["fixed"])
    assert regression < fixed  # regressions first
    block = text[regression:fixed]
    assert "O2" in block and "ผ่าน → ไม่พบ" in block and f"วิธีแก้ (fix): {FIX_O2}" in block
    assert "https://tambon.go.th/o2 → -" in block
    fixed_block = text[fixed:]
    assert "O3" in fixed_block and "ไม่พบ → ผ่าน" in fixed_block and "วิธีแก้" not in fixed_block
    assert CHANGE_TH["evidence_moved"] in text and "old/o1.pdf → https://tambon.go.th/new/o1.pdf" in text


def test_terminal_text_has_no_control_or_bidi_characters(diff) -> None:
    for text in (render_diff(UNIT, diff, POINTS, "text"), render_history(UNIT, POINTS, "text")):
        assert not any(ord(c) < 32 and c != "\n" or c in "\x7f\u202e" for c in text)
    assert "รายงาน]0;xประจำปี" in render_diff(UNIT, diff, POINTS, "text")


def test_html_diff_has_the_trend_chart_and_escapes_crawled_text(diff) -> None:
    diff.changes[0].evidence_after = ["javascript:alert(1)"]
    diff.changes[0].name = "<script>alert(1)</script>"
    page = render_diff(UNIT, diff, POINTS, "html")
    doc = lxml_html.document_fromstring(page)
    assert doc.get("lang") == "th" and not doc.xpath("//script")
    svg = doc.xpath("//*[local-name()='svg']")
    assert len(svg) == 1 and svg[0].get("role") == "img"
    assert len(svg[0].xpath(".//*[local-name()='circle']")) == 2  # the check with a crawl problem is not a point
    assert len(svg[0].xpath(".//*[@class='problem']")) == 1
    assert not [a for a in doc.xpath("//a/@href") if not a.startswith("https://")]
    assert FIX_O2 in doc.xpath("string(//div[contains(@class,'k-newly_failing')])")
    assert "<script>alert(1)</script>" in doc.text_content()


def test_markdown_and_json_diff(diff) -> None:
    md = render_diff(UNIT, diff, POINTS, "md")
    assert f"## {CHANGE_TH['newly_failing']}" in md and FIX_O2 in md
    assert "[https://tambon.go.th/o2](<https://tambon.go.th/o2>)" in md
    data = json.loads(render_diff(UNIT, diff, POINTS, "json"))
    assert data["unit"]["code"] == "6190101" and data["diff"]["score_after"] == 71.0
    assert [c["kind"] for c in data["diff"]["changes"]] == ["evidence_moved", "newly_failing", "fixed"]
    assert [p["score"] for p in data["history"]] == [88.0, None, 71.0]


def test_history_text_and_json() -> None:
    text = render_history(UNIT, POINTS, "text")
    lines = text.splitlines()
    assert "6190101" in lines[0] and len(lines) == 4
    assert "88.00" in lines[1] and "ผ่านดี" in lines[1]
    assert "ปัญหาการเก็บข้อมูล (crawl problem): DNS ไม่พบ" in lines[2]
    assert json.loads(render_history(UNIT, POINTS, "json"))["history"][1]["problem"].startswith("DNS")
    assert "ยังไม่เคยตรวจ" in render_history(UNIT, [], "text")


def test_an_unknown_format_is_refused(diff) -> None:
    with pytest.raises(ValueError, match="unknown format"):
        render_diff(UNIT, diff, POINTS, "xlsx")
    with pytest.raises(ValueError, match="unknown format"):
        render_history(UNIT, POINTS, "html")
