"""The ITAS answer sheet: per item มี/ไม่มี, the URL on the unit's main website and where it is, as CSV and XLSX.

In ITAS a unit answers each OIT item มี/ไม่มี, gives the URL where the data sits on its main website and may
explain where on the page it is. These files hold exactly that, one row per item, ready to copy: "มี" only for
items that pass (answering มี for an item that fails scores nothing and may be noted by the assessor).
"""

from __future__ import annotations

from pathlib import Path

from oitbase.model import STATUS_TH, Evidence, ItemResult, Report

from .csvout import _to_csv
from .safety import csv_cell, encodable, safe_href, set_xlsx_cell, url_host

ANSWER_YES, ANSWER_NO = "มี", "ไม่มี"
#: Column key → Thai header (CSV and XLSX), and the XLSX column width in characters.
COLUMNS: dict[str, tuple[str, int]] = {
    "code": ("ข้อ", 6),
    "name": ("รายการ", 48),
    "answer": ("คำตอบ (มี/ไม่มี)", 14),
    "url": ("URL บนเว็บไซต์หลัก", 60),
    "where": ("คำอธิบายตำแหน่งข้อมูล (เส้นทางจากหน้าแรก)", 60),
    "status": ("ผลตรวจ", 12),
    "note": ("สิ่งที่ต้องแก้ก่อนตอบ มี", 60),
    "catalog": ("เกณฑ์ที่ใช้ตรวจ", 30),
}
BASENAME = "itas-answer-sheet"


def _best_evidence(it: ItemResult) -> Evidence | None:
    """Evidence on the main website first: ITAS asks for the unit's own URL."""
    onsite = [e for e in it.evidence if not e.offsite]
    return (onsite or it.evidence or [None])[0]


def _where(ev: Evidence) -> str:
    """Short Thai explanation: the click path, the document's title, and a remark for other hosts."""
    where = ev.where or ""
    if ev.kind == "document" and ev.title and ev.title not in where:
        where = f"{where} (เอกสาร: {ev.title[:80]})" if where else f"เอกสาร: {ev.title[:80]}"
    if ev.offsite:
        where = f"{where} – ลิงก์ไปยังเว็บไซต์อื่น ({url_host(ev.url)})"
    return where


def _note(it: ItemResult) -> str:
    if it.review:
        return ("ควรตรวจด้วยตาก่อนตอบ มี: " + "; ".join(it.doubts))[:300]
    if it.passed:
        return ""
    if it.missing:
        return "; ".join(it.missing)[:300]
    return (it.notes[0] if it.notes else "")[:300]


def answer_sheet_rows(report: Report) -> list[dict]:
    """One row per item (keys of ``COLUMNS``): "มี" exactly for passing items.

    ``url``/``where`` are the best evidence of the item when there is any, also for items that do not pass, so
    the unit knows which page to fix; ``note`` says what to fix before answering มี.
    """
    rows = []
    for it in report.items:
        ev = _best_evidence(it)
        rows.append(
            {
                "code": it.code,
                "name": it.name,
                "answer": ANSWER_YES if it.passed else ANSWER_NO,
                "url": ev.url if ev else "",
                "where": _where(ev) if ev else "",
                "status": STATUS_TH.get(it.status, it.status),
                "note": _note(it),
                "catalog": report.catalog_label,
            }
        )
    return rows


def render_answer_sheet_csv(report: Report) -> str:
    """CSV text with a Thai header row; starts with a BOM (Excel)."""
    headers = {key: head for key, (head, _) in COLUMNS.items()}
    rows = [{headers[k]: csv_cell(v) for k, v in row.items()} for row in answer_sheet_rows(report)]
    return encodable(_to_csv(tuple(headers.values()), rows))


def write_answer_sheet_csv(report: Report, path: Path) -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render_answer_sheet_csv(report), encoding="utf-8", newline="")
    return path


def write_answer_sheet_xlsx(report: Report, path: Path) -> Path:
    """XLSX: Thai header row (bold, frozen), column widths, wrapped text, clickable URLs, and a second sheet
    that says which run, catalog and fiscal year the answers come from."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill

    wb = Workbook()
    ws = wb.active
    ws.title = "ITAS"
    keys = list(COLUMNS)
    ws.append([COLUMNS[k][0] for k in keys])
    for cell in ws[1]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDEBF7")
        cell.alignment = Alignment(vertical="center", wrap_text=True)
    for r, row in enumerate(answer_sheet_rows(report), 2):
        for c, key in enumerate(keys, 1):
            cell = ws.cell(row=r, column=c)
            set_xlsx_cell(cell, row[key])  # a string, never a formula, whatever the text starts with
            cell.alignment = Alignment(vertical="top", wrap_text=key in ("name", "where", "note"))
            if key == "url" and (link := safe_href(row[key])):
                cell.hyperlink = link
                cell.font = Font(color="0563C1", underline="single")
            if key == "answer":
                cell.font = Font(bold=True, color="006100" if row[key] == ANSWER_YES else "9C0006")
    for c, key in enumerate(keys, 1):
        ws.column_dimensions[ws.cell(row=1, column=c).column_letter].width = COLUMNS[key][1]
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = ws.dimensions
    info = wb.create_sheet("ข้อมูลการตรวจ")
    about = (
        ("หน่วยงาน", report.unit_name),
        ("เว็บไซต์หลัก", report.url),
        ("ปีงบประมาณ", str(report.fiscal_year)),
        ("แคตตาล็อก", f"{report.catalog_id} v{report.catalog_version} (ความเชื่อมั่น {report.catalog_confidence})"),
        ("คำเตือนเกณฑ์", report.catalog_notice or "-"),
        ("ตรวจเมื่อ", report.finished or report.started),
        ("หมายเหตุ", "ตอบ มี เฉพาะข้อที่ผลตรวจผ่าน; URL ต้องอยู่บนเว็บไซต์หลักของหน่วยงาน"),
    )
    for r, (label, value) in enumerate(about, 1):
        set_xlsx_cell(info.cell(row=r, column=1), label)
        set_xlsx_cell(info.cell(row=r, column=2), value)
        if label == "คำเตือนเกณฑ์" and report.catalog_notice:
            info.cell(row=r, column=2).font = Font(bold=True, color="9C0006")
            info.cell(row=r, column=2).alignment = Alignment(wrap_text=True, vertical="top")
    info.column_dimensions["A"].width = 16
    info.column_dimensions["B"].width = 80
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
    return path


def write_answer_sheet(report: Report, out_dir: Path, basename: str = BASENAME) -> dict[str, Path]:
    """Both files, ``<out_dir>/<basename>.csv`` and ``.xlsx``."""
    out_dir = Path(out_dir)
    return {
        "answer-sheet-csv": write_answer_sheet_csv(report, out_dir / f"{basename}.csv"),
        "answer-sheet-xlsx": write_answer_sheet_xlsx(report, out_dir / f"{basename}.xlsx"),
    }
