"""Report renderers: JSON (schema + round trip), HTML, Markdown, CSV, ITAS answer sheet."""

from __future__ import annotations

import csv
import html
import io
import json
from html.parser import HTMLParser
from pathlib import Path

import jsonschema
import pytest

from oitbase.model import STATUS_TH, Evidence, ItemResult, Report, ScoreCard, Unreadable
from reports import (
    FORMATS,
    answer_sheet_rows,
    render,
    report_from_json_dict,
    report_to_json_dict,
    write_answer_sheet_csv,
    write_reports,
)

SCHEMA_PATH = Path(__file__).resolve().parents[1] / "reports" / "report.schema.json"
SITE = "https://www.bangkrachao.go.th"
EVIL_TITLE = "<script>alert('x')</script>ประกาศ"


def make_report() -> Report:
    """A realistic partial run of a small อบต. with all four statuses in two sub-indicators."""
    items = [
        ItemResult(
            code="O1",
            name="โครงสร้าง",
            sub_indicator="9.1",
            status="pass",
            confidence=0.95,
            evidence=[
                Evidence(
                    url=f"{SITE}/structure",
                    title="โครงสร้างองค์การบริหารส่วนตำบล",
                    snippet="แผนผังโครงสร้าง สำนักปลัด กองคลัง กองช่าง",
                    where="หน้าแรก › ข้อมูลหน่วยงาน › โครงสร้าง",
                    score=8.5,
                )
            ],
            found=["แผนผังแสดงโครงสร้างการแบ่งส่วนราชการ", "ตำแหน่งที่สำคัญ"],
            fix="",
            criterion="แสดงแผนผังโครงสร้างการแบ่งส่วนราชการของหน่วยงาน",
            gain=0.0,
            catalog_confidence="high",
        ),
        ItemResult(
            code="O2",
            name="ข้อมูลผู้บริหาร",
            sub_indicator="9.1",
            status="partial",
            confidence=0.7,
            evidence=[
                Evidence(
                    url=f"{SITE}/executives?id=2&lang=th",
                    title=EVIL_TITLE,
                    snippet="นายกองค์การบริหารส่วนตำบล รองนายก",
                    where="หน้าแรก › ผู้บริหาร",
                    score=5.25,
                )
            ],
            missing=["ช่องทางการติดต่อของผู้บริหาร (โทรศัพท์ | อีเมล)"],
            found=["ชื่อ-นามสกุล", "ตำแหน่ง", "รูปถ่าย"],
            fix="เพิ่มหมายเลขโทรศัพท์และอีเมลของผู้บริหารแต่ละคนในหน้าผู้บริหาร",
            criterion="แสดงรายนามผู้บริหารสูงสุด ตำแหน่ง รูปถ่าย และช่องทางการติดต่อ",
            gain=1.25,
        ),
        ItemResult(
            code="O3",
            name="อำนาจหน้าที่",
            sub_indicator="9.1",
            status="fail",
            confidence=0.8,
            missing=["อำนาจหน้าที่ตามกฎหมาย"],
            fix="เผยแพร่อำนาจหน้าที่ตาม พ.ร.บ. สภาตำบลและองค์การบริหารส่วนตำบล ไว้ที่เมนูข้อมูลหน่วยงาน",
            criterion="แสดงอำนาจหน้าที่ของหน่วยงานตามที่กฎหมายกำหนด",
            gain=2.5,
        ),
        ItemResult(
            code="O4",
            name="แผนพัฒนาท้องถิ่น",
            sub_indicator="9.1",
            status="unknown",
            confidence=0.3,
            evidence=[
                Evidence(
                    url=f"{SITE}/files/plan2566-2570.pdf",
                    title="แผนพัฒนาท้องถิ่น (พ.ศ. 2566-2570)",
                    kind="document",
                    where="หน้าแรก › แผนงาน › แผนพัฒนาท้องถิ่น",
                    fiscal_year=2568,
                    score=3.0,
                )
            ],
            notes=["เอกสาร PDF เป็นภาพสแกน อ่านข้อความไม่ได้"],
            fix="เผยแพร่แผนพัฒนาท้องถิ่นเป็น PDF ที่มีข้อความ (ไม่ใช่ภาพสแกน)",
            gain=0.75,
            catalog_confidence="medium",
        ),
        ItemResult(
            code="O10",
            name="แผนดำเนินงานและการใช้จ่ายงบประมาณประจำปี",
            sub_indicator="9.2",
            status="pass",
            confidence=0.9,
            evidence=[
                Evidence(
                    url="https://drive.google.com/file/d/1AbCdEf/view",
                    title="แผนการดำเนินงาน ประจำปีงบประมาณ พ.ศ. 2568",
                    kind="document",
                    offsite=True,
                    where="หน้าแรก › ITA › O10 (ลิงก์ไป Google Drive)",
                    fiscal_year=2568,
                    score=7.75,
                )
            ],
            notes=["หลักฐานอยู่นอกเว็บไซต์หลัก (Google Drive)"],
            gain=0.0,
        ),
        ItemResult(
            code="O11",
            name="รายงานการกำกับติดตามการดำเนินงานประจำปี รอบ 6 เดือน",
            sub_indicator="9.2",
            status="fail",
            confidence=0.85,
            missing=["รายงานรอบ 6 เดือนแรกของปีงบประมาณ พ.ศ. 2568"],
            fix="เผยแพร่รายงานความก้าวหน้าการดำเนินงาน (ต.ค. 2567 – มี.ค. 2568)",
            gain=3.1,
        ),
        ItemResult(
            code="O12",
            name="รายงานผลการดำเนินงานประจำปี",
            sub_indicator="9.2",
            status="partial",
            confidence=0.6,
            evidence=[
                Evidence(
                    url="javascript:alert(1)",
                    title="รายงานผล",
                    where="หน้าแรก › รายงาน",
                    fiscal_year=2566,
                )
            ],
            missing=["รายงานของปีงบประมาณ พ.ศ. 2567"],
            notes=["พบเฉพาะรายงานปี พ.ศ. 2566"],
            fix='=HYPERLINK("http://evil") เผยแพร่รายงานผลการดำเนินงานประจำปี พ.ศ. 2567',
            gain=1.9,
        ),
    ]
    return Report(
        unit_name="องค์การบริหารส่วนตำบลบางกระเจ้า",
        url=SITE,
        fiscal_year=2568,
        unit_type="lao",
        catalog_id="ita-2568-lao",
        catalog_version="2568.1",
        catalog_confidence="medium",
        run_id=42,
        started="2025-03-15T09:00:00+07:00",
        finished="2025-03-15T09:42:10+07:00",
        partial=True,
        partial_reason="หมดเวลาที่กำหนด (40 นาที) ก่อนอ่านเอกสารครบ",
        score=ScoreCard(
            oit=72.35,
            indicators={"9": 80.5, "10": 60.0},
            sub_indicators={"9.1": 66.67, "9.2": 50.0, "10.1": 60.0},
            band="C",
            band_note="คะแนน OIT อย่างเดียวอยู่ในช่วง 65.00–74.99",
        ),
        items=items,
        fixes=["O11", "O3", "O12", "O2", "O4"],
        unreadable=[
            Unreadable(url=f"{SITE}/files/plan2566-2570.pdf", reason="PDF เป็นภาพสแกน ไม่มีข้อความ"),
            Unreadable(url=f"{SITE}/files/report.docx", reason="HTTP 404"),
        ],
        stats={"pages": 118, "documents": 37, "unreadable": 2},
        sub_indicator_names={"9.1": "ข้อมูลพื้นฐาน", "9.2": "การบริหารงาน", "10.1": "การดำเนินการเพื่อป้องกันการทุจริต"},
        warnings=["เว็บไซต์ตอบช้า บางหน้าอาจยังไม่ได้อ่าน"],
        tool_version="0.1.0",
    )


@pytest.fixture
def report() -> Report:
    return make_report()


@pytest.fixture(scope="module")
def page() -> str:
    return render(make_report(), "html")


# --- JSON ---------------------------------------------------------------------------------------


def test_json_validates_against_schema(report: Report) -> None:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    data = json.loads(render(report, "json"))
    jsonschema.Draft202012Validator(schema).validate(data)
    assert data["schema_version"] == "2"
    assert data["url"] == data["unit"]["url"] == SITE
    assert [f["code"] for f in data["fixes"]] == report.fixes
    assert data["fixes"][0] == {
        "code": "O11",
        "name": report.item("O11").name,
        "gain": 3.1,
        "fix": report.item("O11").fix,
        "missing": report.item("O11").missing,
    }
    assert data["summary"] == {
        "items_total": 7,
        "items_pass": 2,
        "items_partial": 2,
        "items_fail": 2,
        "items_unknown": 1,
        "items_review": 0,
    }
    assert data["items"][1]["status_th"] == STATUS_TH["partial"]


def test_checked_in_schema_is_the_generated_one() -> None:
    from reports.schema import REGENERATE, schema_text

    assert SCHEMA_PATH.read_text(encoding="utf-8") == schema_text(), (
        f"reports/report.schema.json is out of date with oitbase/model.py: run {REGENERATE}"
    )


def test_json_is_the_model_dump(report: Report) -> None:
    """The JSON is written from the model: every JSON key of an item, evidence or skipped link is a field."""
    data = report_to_json_dict(report)
    it = report.items[0]
    assert set(data["items"][0]) == set(type(it).model_fields) | set(type(it).model_computed_fields)
    ev = it.evidence[0]
    assert set(data["items"][0]["evidence"][0]) == set(type(ev).model_fields)
    assert data["items"][0] == it.model_dump(mode="json")


def test_schema_rejects_a_key_the_model_does_not_have(report: Report) -> None:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    data = report_to_json_dict(report)
    data["items"][0]["extra"] = 1
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft202012Validator(schema).validate(data)
    del data["items"][0]["extra"]
    data["catalog"]["colour"] = "red"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft202012Validator(schema).validate(data)


def test_json_keeps_full_precision_in_python_dumps(report: Report) -> None:
    report.score.oit = 72.34567
    assert report.score.model_dump()["oit"] == 72.34567  # the store keeps what the scorer computed
    assert report_to_json_dict(report)["score"]["oit"] == 72.35


def test_json_text_is_thai_and_indented(report: Report) -> None:
    text = render(report, "json")
    assert "องค์การบริหารส่วนตำบลบางกระเจ้า" in text  # ensure_ascii=False
    assert '\n  "schema_version": "2"' in text


def test_json_round_trip(report: Report) -> None:
    data = report_to_json_dict(report)
    assert report_from_json_dict(data) == report
    assert report_from_json_dict(json.loads(json.dumps(data, ensure_ascii=False))) == report


def test_json_rounds_numbers(report: Report) -> None:
    report.score.oit = 72.34567
    report.items[0].confidence = 0.8567
    report.items[0].evidence[0].score = 1 / 3
    data = report_to_json_dict(report)
    assert data["score"]["oit"] == 72.35
    assert data["items"][0]["confidence"] == 0.86
    assert data["items"][0]["evidence"][0]["score"] == 0.33
    again = report_to_json_dict(report_from_json_dict(data))
    assert again == data


def test_json_rejects_other_schema_version(report: Report) -> None:
    data = report_to_json_dict(report)
    data["schema_version"] = "1"
    with pytest.raises(ValueError):
        report_from_json_dict(data)


# --- HTML ---------------------------------------------------------------------------------------


class _Resources(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.external: list[str] = []
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        for t, attr in (("link", "href"), ("script", "src"), ("img", "src"), ("iframe", "src")):
            if tag == t and a.get(attr):
                self.external.append(a[attr] or "")
        if tag == "a" and a.get("href"):
            self.links.append(a["href"] or "")


def _parse(page: str) -> _Resources:
    p = _Resources()
    p.feed(page)
    return p


def test_html_header_score_and_band(page: str) -> None:
    assert '<html lang="th">' in page
    assert 'name="viewport"' in page
    assert "องค์การบริหารส่วนตำบลบางกระเจ้า" in page
    assert "72.35" in page
    assert "ระดับ: C" in page
    assert "คะแนน OIT อย่างเดียวอยู่ในช่วง 65.00–74.99" in page
    assert "IIT" in page and "EIT" in page
    assert "2568" in page and "ita-2568-lao" in page and "2568.1" in page


def test_html_partial_banner(page: str, report: Report) -> None:
    assert 'id="partial"' in page and "ผลบางส่วน" in page
    assert report.partial_reason in page
    report.partial = False
    assert 'id="partial"' not in render(report, "html")


def test_html_fix_list_before_items_and_by_gain(page: str, report: Report) -> None:
    fixes_at, items_at = page.index('id="fixes"'), page.index('id="items"')
    assert page.index("สิ่งที่ควรแก้ก่อน") < items_at
    assert fixes_at < items_at < page.index('id="unreadable"')
    positions = [page.index(f'data-code="{code}"') for code in report.fixes]
    assert positions == sorted(positions)
    assert all(fixes_at < p < items_at for p in positions)
    gains = [report.item(c).gain for c in report.fixes]
    assert gains == sorted(gains, reverse=True)
    assert "+3.10 คะแนน" in page


def test_html_items_statuses_and_evidence_links(page: str, report: Report) -> None:
    items_html = page[page.index('id="items"') :]
    for it in report.items:
        assert f'id="item-{it.code}"' in items_html
    for label in STATUS_TH.values():
        assert label in items_html
    links = _parse(page).links
    for it in report.items:
        for ev in it.evidence:
            if ev.url.startswith("http"):
                assert ev.url in links
    assert "ลิงก์นอกเว็บไซต์หลัก" in items_html
    assert "ข้อมูลพื้นฐาน" in items_html and "การบริหารงาน" in items_html
    assert "<details>" in items_html and "เกณฑ์ของข้อนี้" in items_html
    assert items_html.index("9.1 ข้อมูลพื้นฐาน") < items_html.index("9.2 การบริหารงาน")


def test_html_unreadable_and_warnings(page: str, report: Report) -> None:
    tail = page[page.index('id="unreadable"') :]
    for u in report.unreadable:
        assert html.escape(u.url) in tail and u.reason in tail
    assert report.warnings[0] in tail
    assert "0.1.0" in page[page.index("<footer>") :]


def test_html_is_self_contained(page: str) -> None:
    assert _parse(page).external == []
    assert "@import" not in page and "url(" not in page
    assert "<script" not in page.lower()


def test_html_escapes_untrusted_text(page: str) -> None:
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert" in page
    assert 'href="javascript:' not in page
    assert html.escape(f"{SITE}/executives?id=2&lang=th") in page


# --- Markdown -----------------------------------------------------------------------------------


def test_markdown_tables_and_order(report: Report) -> None:
    md = render(report, "md")
    assert "| O1 | โครงสร้าง | ผ่าน | 95% |" in md
    assert "| O3 | อำนาจหน้าที่ | ไม่พบ | 80% |" in md
    assert "| O4 | แผนพัฒนาท้องถิ่น | ตรวจไม่ได้ | 30% |" in md
    assert "ผลบางส่วน" in md and "72.35" in md
    assert md.index("สิ่งที่ควรแก้ก่อน") < md.index("## ผลรายข้อ") < md.index("## อ่านไม่ได้")
    assert md.index("**O11") < md.index("**O3") < md.index("**O12")
    assert "(โทรศัพท์ \\| อีเมล)" in md  # a pipe inside a cell does not break the table
    assert "\\<script\\>" in md and "<script>" not in md
    assert "ลิงก์นอกเว็บไซต์หลัก" in md
    assert "](<javascript:" not in md and "รายงานผล (javascript:alert(1))" in md


# --- CSV and answer sheet -----------------------------------------------------------------------


def _read_csv(text: str) -> list[dict[str, str]]:
    assert text.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"))))


def test_csv_rows(report: Report) -> None:
    rows = _read_csv(render(report, "csv"))
    assert [r["code"] for r in rows] == [it.code for it in report.items]
    o2 = rows[1]
    assert o2["name"] == "ข้อมูลผู้บริหาร"
    assert o2["status"] == "partial" and o2["status_th"] == "ไม่ครบ"
    assert o2["evidence_where"] == "หน้าแรก › ผู้บริหาร"
    assert o2["gain"] == "1.25" and o2["confidence"] == "0.70"
    assert rows[4]["evidence_url"] == "https://drive.google.com/file/d/1AbCdEf/view"
    assert rows[2]["missing"] == "อำนาจหน้าที่ตามกฎหมาย"
    assert rows[6]["fix"].startswith("'=HYPERLINK")  # no formula injection in Excel


def test_answer_sheet(report: Report, tmp_path: Path) -> None:
    rows = answer_sheet_rows(report)
    assert [r["code"] for r in rows] == [it.code for it in report.items]
    for row, it in zip(rows, report.items, strict=True):
        assert row["answer"] == ("มี" if it.status == "pass" else "ไม่มี")
        assert set(row) == {"code", "name", "answer", "url", "where", "status", "note", "catalog"}
        assert row["catalog"].startswith(report.catalog_id)
        assert bool(row["note"]) == (it.status != "pass" and bool(it.missing or it.notes))
    assert rows[0]["url"] == f"{SITE}/structure"
    assert rows[0]["where"] == "หน้าแรก › ข้อมูลหน่วยงาน › โครงสร้าง"
    assert rows[4]["where"].endswith("ลิงก์ไปยังเว็บไซต์อื่น (drive.google.com)")
    path = write_answer_sheet_csv(report, tmp_path / "sheet" / "answers.csv")
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    back = _read_csv(raw.decode("utf-8"))
    assert list(back[0]) == [
        "ข้อ",
        "รายการ",
        "คำตอบ (มี/ไม่มี)",
        "URL บนเว็บไซต์หลัก",
        "คำอธิบายตำแหน่งข้อมูล (เส้นทางจากหน้าแรก)",
        "ผลตรวจ",
        "สิ่งที่ต้องแก้ก่อนตอบ มี",
        "เกณฑ์ที่ใช้ตรวจ",
    ]
    assert [r["คำตอบ (มี/ไม่มี)"] for r in back] == [r["answer"] for r in rows]
    assert back[4]["รายการ"] == "แผนดำเนินงานและการใช้จ่ายงบประมาณประจำปี"


# --- render / write_reports ---------------------------------------------------------------------


def test_write_reports(report: Report, tmp_path: Path) -> None:
    paths = write_reports(report, tmp_path / "out")
    assert set(paths) == {*FORMATS, "answer-sheet-csv", "answer-sheet-xlsx"}
    assert paths["answer-sheet-xlsx"].name == "itas-answer-sheet.xlsx"
    assert paths.pop("answer-sheet-csv").read_bytes().startswith(b"\xef\xbb\xbf")
    paths.pop("answer-sheet-xlsx")
    for fmt, path in paths.items():
        assert path.name == f"oit-report.{fmt}"
        assert path.read_bytes().decode("utf-8") == render(report, fmt)
    assert paths["csv"].read_bytes().startswith(b"\xef\xbb\xbf")
    assert not paths["json"].read_bytes().startswith(b"\xef\xbb\xbf")
    data = json.loads(paths["json"].read_text(encoding="utf-8"))
    assert report_from_json_dict(data) == report
    only = write_reports(report, tmp_path / "two", formats=("json", "md"), basename="x", answer_sheet=False)
    assert sorted(p.name for p in only.values()) == ["x.json", "x.md"]


def test_render_unknown_format(report: Report) -> None:
    with pytest.raises(ValueError):
        render(report, "pdf")


def test_empty_report_renders() -> None:
    r = Report(
        unit_name="หน่วยงานทดสอบ",
        url="https://example.go.th",
        fiscal_year=2568,
        unit_type="agency",
        catalog_id="ita-2568-agency",
        catalog_version="1",
        catalog_confidence="low",
        run_id=1,
        started="",
        finished="",
        partial=False,
        partial_reason="",
        score=ScoreCard(oit=0.0, indicators={}, sub_indicators={}, band="F"),
        items=[],
    )
    for fmt in FORMATS:
        assert render(r, fmt)
    assert report_from_json_dict(report_to_json_dict(r)) == r


def test_low_confidence_pass_is_marked_for_review_in_every_format(report: Report) -> None:
    it = next(i for i in report.items if i.passed)
    it.confidence = 0.5
    it.doubts = ["ข้อความอ่านจากภาพสแกนด้วย OCR (อ่านเป็นคำได้ 62%) อาจอ่านตัวอักษรหรือตัวเลขผิด"]
    data = json.loads(render(report, "json"))
    item = next(i for i in data["items"] if i["code"] == it.code)
    assert item["review"] is True and item["doubts"] == it.doubts
    assert data["summary"]["items_review"] == 1
    html = render(report, "html")
    assert "ควรตรวจด้วยตา" in html and "อ่านเป็นคำได้ 62%" in html
    md = render(report, "md")
    assert f"| {it.code} |" in md and "(ควรตรวจด้วยตา)" in md
    row = next(r for r in _read_csv(render(report, "csv")) if r["code"] == it.code)
    assert row["review"] == "yes"
    others = [r for r in _read_csv(render(report, "csv")) if r["code"] != it.code]
    assert all(r["review"] == "" for r in others)
