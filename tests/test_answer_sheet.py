"""The ITAS answer sheet as XLSX: Thai header, widths, hyperlinks, frozen header, no formulas, and it opens in
LibreOffice (converted headless to CSV; skipped when soffice is not installed: Debian libreoffice-calc-nogui)."""

from __future__ import annotations

import csv
import io
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook

from reports import answer_sheet_rows, write_answer_sheet, write_answer_sheet_xlsx
from reports.answer_sheet import COLUMNS
from tests.test_reports import make_report


def test_xlsx_layout(tmp_path: Path) -> None:
    report = make_report()
    path = write_answer_sheet_xlsx(report, tmp_path / "a" / "sheet.xlsx")
    wb = load_workbook(path)
    ws = wb["ITAS"]
    assert [c.value for c in ws[1]] == [head for head, _ in COLUMNS.values()]
    assert ws[1][0].font.bold
    assert ws.freeze_panes == "A2"
    assert ws.column_dimensions["B"].width == COLUMNS["name"][1]
    rows = answer_sheet_rows(report)
    assert ws.max_row == len(rows) + 1
    for r, row in enumerate(rows, 2):
        assert ws.cell(row=r, column=1).value == row["code"]
        assert ws.cell(row=r, column=3).value == row["answer"]
        url = ws.cell(row=r, column=4)
        assert (url.value or "") == row["url"]
        if row["url"].startswith("http"):
            assert url.hyperlink.target == row["url"]
    assert all(c.data_type == "s" for row in ws.iter_rows(min_row=2) for c in row if c.value)
    assert "ปีงบประมาณ" in [c.value for c in wb["ข้อมูลการตรวจ"]["A"]]


def test_text_that_looks_like_a_formula_stays_text(tmp_path: Path) -> None:
    report = make_report()
    report.items[0].name = '=HYPERLINK("http://evil","x")'
    ws = load_workbook(write_answer_sheet_xlsx(report, tmp_path / "s.xlsx"))["ITAS"]
    assert ws["B2"].data_type == "s" and ws["B2"].value.startswith("=HYPERLINK")


def test_both_files_side_by_side(tmp_path: Path) -> None:
    paths = write_answer_sheet(make_report(), tmp_path, basename="itas")
    assert {p.name for p in paths.values()} == {"itas.csv", "itas.xlsx"}


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (libreoffice-calc-nogui) is not installed")
@pytest.mark.slow  # starts LibreOffice
def test_xlsx_opens_in_libreoffice(tmp_path: Path) -> None:
    report = make_report()
    xlsx = write_answer_sheet_xlsx(report, tmp_path / "sheet.xlsx")
    out = tmp_path / "lo"
    result = subprocess.run(
        [
            "soffice",
            "--headless",
            f"-env:UserInstallation=file://{tmp_path}/lo-{os.getpid()}",
            "--convert-to",
            "csv:Text - txt - csv (StarCalc):44,34,76",
            "--outdir",
            str(out),
            str(xlsx),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    converted = out / "sheet.csv"
    assert converted.exists(), result.stderr + result.stdout
    back = list(csv.reader(io.StringIO(converted.read_text(encoding="utf-8"))))
    assert back[0] == [head for head, _ in COLUMNS.values()]
    rows = answer_sheet_rows(report)
    assert [r[0] for r in back[1:]] == [r["code"] for r in rows]
    assert [r[2] for r in back[1:]] == [r["answer"] for r in rows]
    assert back[1][3] == rows[0]["url"]


def test_low_confidence_pass_asks_for_a_look_before_answering() -> None:
    from oitbase.model import ItemResult
    from reports.answer_sheet import _note

    it = ItemResult(code="O35", name="x", sub_indicator="10.1", status="pass", confidence=0.5,
                    doubts=["ข้อความอ่านจากภาพสแกนด้วย OCR"])
    assert _note(it).startswith("ควรตรวจด้วยตาก่อนตอบ มี") and "OCR" in _note(it)
    it.confidence = 0.9
    assert _note(it) == ""
