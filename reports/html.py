"""Self-contained, phone-friendly Thai HTML report (Jinja2, autoescaped)."""

from __future__ import annotations

from datetime import datetime
from functools import cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape

from oitbase.model import CONFIDENCE_TH, STATUS_TH, Report

from .jsonout import natural_key, report_to_json_dict
from .safety import display_url, safe_href, safe_relative_href

TEMPLATE_DIR = Path(__file__).parent / "templates"

UNIT_TYPE_TH = {"lao": "องค์กรปกครองส่วนท้องถิ่น (อปท.)", "agency": "หน่วยงานภาครัฐ", "school": "สถานศึกษา"}
CATALOG_REMARK_TH = {
    "high": "เกณฑ์ถอดจากคู่มือการประเมิน ITA ฉบับทางการของสำนักงาน ป.ป.ช. โดยตรง",
    "medium": "เกณฑ์บางข้อตีความจากคู่มือการประเมิน ITA อาจต่างจากการพิจารณาของผู้ตรวจประเมิน",
    "low": "เกณฑ์ยังไม่ได้ยืนยันกับคู่มือการประเมิน ITA ฉบับทางการ ใช้ผลเป็นแนวทางเท่านั้น",
}
STATS_TH = {
    "pages": "หน้าเว็บที่อ่าน",
    "documents": "เอกสารที่อ่าน",
    "unreadable": "อ่านไม่ได้",
    "offsite": "ลิงก์นอกเว็บไซต์หลัก",
    "requests": "คำขอทั้งหมด",
    "errors": "ข้อผิดพลาด",
    "offsite_links": "ลิงก์ไปเว็บไซต์อื่น",
    "ita_rows": "แถวในหน้า ITA",
    "skipped_links": "ลิงก์ที่ไม่ได้เปิด",
    "rendered": "หน้าที่เรนเดอร์ JavaScript",
    "render_failed": "เรนเดอร์ไม่สำเร็จ (ใช้หน้าเดิม)",
    "render_skipped_same_menu": "ไม่เรนเดอร์ซ้ำ (เมนูเดียวกัน)",
}
STATUS_ICON = {"pass": "✓", "partial": "!", "fail": "✗", "unknown": "?"}


def _num(x: float | None) -> str:
    return "–" if x is None else f"{float(x):.2f}"


def _pct(x: float) -> str:
    return f"{round(float(x) * 100)}%"


def _width(x: float) -> str:
    """CSS width (percent) of a 0–100 score bar."""
    return f"{min(max(float(x), 0.0), 100.0):.2f}"


def when(s: str) -> str:
    try:
        return datetime.fromisoformat(s).strftime("%Y-%m-%d %H:%M")
    except (TypeError, ValueError):
        return s


@cache
def _env() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATE_DIR),
        autoescape=select_autoescape(["html", "j2"], default=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(num=_num, pct=_pct, width=_width, when=when)
    env.globals.update(
        href=safe_href,
        rel_href=safe_relative_href,
        display_url=display_url,
        STATUS_TH=STATUS_TH,
        STATUS_ICON=STATUS_ICON,
        CONFIDENCE_TH=CONFIDENCE_TH,
        STATS_TH=STATS_TH,
    )
    return env


def groups(data: dict[str, Any]) -> list[dict[str, Any]]:
    """Items grouped by sub-indicator: catalog order of ``sub_indicator_names``, then the rest."""
    names: dict[str, str] = data["sub_indicator_names"]
    seen = {it["sub_indicator"] for it in data["items"]}
    order = [c for c in names if c in seen] + sorted(seen - set(names), key=natural_key)
    return [
        {
            "code": code,
            "name": names.get(code, ""),
            "score": data["score"]["sub_indicators"].get(code),
            "items": [it for it in data["items"] if it["sub_indicator"] == code],
        }
        for code in order
    ]


def fix_rows(data: dict[str, Any]) -> list[dict[str, Any]]:
    """``fixes`` with the item's status and best evidence URL added."""
    by_code = {it["code"]: it for it in data["items"]}
    rows = []
    for f in data["fixes"]:
        it = by_code.get(f["code"], {})
        ev = it.get("evidence") or [{}]
        rows.append({**f, "status": it.get("status", "unknown"), "evidence": ev[0]})
    return rows


def context(report: Report) -> dict[str, Any]:
    data = report_to_json_dict(report)
    sub_names = data["sub_indicator_names"]
    return {
        "r": data,
        "unit_type_th": UNIT_TYPE_TH.get(report.unit_type, report.unit_type),
        "catalog_confidence_th": CONFIDENCE_TH.get(report.catalog_confidence, report.catalog_confidence),
        "catalog_remark": CATALOG_REMARK_TH.get(report.catalog_confidence, ""),
        "indicators": sorted(
            ((k, data["indicator_names"].get(k, ""), v) for k, v in data["score"]["indicators"].items()),
            key=lambda t: natural_key(t[0]),
        ),
        "sub_indicators": sorted(
            ((k, sub_names.get(k, ""), v) for k, v in data["score"]["sub_indicators"].items()),
            key=lambda t: natural_key(t[0]),
        ),
        "fix_rows": fix_rows(data),
        "groups": groups(data),
    }


def render_html(report: Report) -> str:
    return _env().get_template("report.html.j2").render(**context(report))
