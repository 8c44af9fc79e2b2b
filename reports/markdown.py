"""Markdown report: same order as the HTML report, tables for items."""

from __future__ import annotations

from typing import Any

from oitbase.model import STATUS_TH, Report

from .html import CATALOG_REMARK_TH, CONFIDENCE_TH, UNIT_TYPE_TH, context, when
from .safety import display_url, safe_href

_ESCAPE = str.maketrans({c: "\\" + c for c in "\\`*_[]<>|#"})
#: Percent-encoded in a link destination ``<…>``: what would end it, escape in it or split a table cell.
_DEST_ESCAPE = str.maketrans({c: f"%{ord(c):02X}" for c in " <>\\|"})
BAR_CELLS = 20


def esc(text: object) -> str:
    """Escape Markdown/HTML syntax and keep the text on one line (safe in table cells)."""
    return " ".join(str(text).split()).translate(_ESCAPE)


def mlink(url: str, text: str = "") -> str:
    """A Markdown link for http(s) URLs; other URLs (javascript: …) as plain text."""
    link = safe_href(url)
    if link is None:
        return esc(text or url) + (f" ({esc(url)})" if text else "")
    return f"[{esc(text or display_url(link))}](<{link.translate(_DEST_ESCAPE)}>)"


def _bar(value: float) -> str:
    n = round(min(max(value, 0.0), 100.0) / 100 * BAR_CELLS)
    return "█" * n + "░" * (BAR_CELLS - n)


def _header(r: dict[str, Any], report: Report) -> list[str]:
    out = [
        f"# ผลตรวจ OIT: {esc(r['unit']['name'])}",
        "",
        f"- เว็บไซต์: {mlink(r['url'])}",
        f"- ประเภทหน่วยงาน: {esc(UNIT_TYPE_TH.get(report.unit_type, report.unit_type))}",
        f"- ปีงบประมาณ: พ.ศ. {r['fiscal_year']}",
        f"- เกณฑ์ที่ใช้: {esc(r['catalog']['id'])} รุ่น {esc(r['catalog']['version'])} "
        f"(ความเชื่อมั่นของเกณฑ์: {CONFIDENCE_TH.get(report.catalog_confidence, report.catalog_confidence)})",
        f"- เวลาตรวจ: {esc(when(r['run']['started']))} – {esc(when(r['run']['finished']))} (รอบที่ {r['run']['id']})",
        "",
    ]
    if r["catalog"]["notice"]:
        out += [f"> **⚠ เกณฑ์ที่ใช้ตรวจ:** {esc(r['catalog']['notice'])}", ""]
    if (r.get("site_list") or {}).get("likely_out_of_date"):
        out += [f"> **⚠ รายการบนหน้า ITA ของเว็บไซต์ไม่ตรงกับแคตตาล็อก:** {esc(r['site_list']['summary_th'])}", ""]
    if r["run"]["crawl_problem"]:
        out += [f"> **⚠ ปัญหาการเก็บข้อมูล (crawl problem):** {esc(r['run']['crawl_problem'])}", ""]
    if r["run"]["partial"]:
        reason = f" สาเหตุ: {esc(r['run']['partial_reason'])}" if r["run"]["partial_reason"] else ""
        out += [f"> **⚠ ผลบางส่วน:** การตรวจครั้งนี้ไม่ครบถ้วน คะแนนอาจต่ำกว่าความจริง{reason}", ""]
    return out


def _score(r: dict[str, Any], ctx: dict[str, Any]) -> list[str]:
    out = [
        "## คะแนน OIT ที่คาดการณ์",
        "",
        f"**{r['score']['oit']:.2f} / 100** — ระดับ **{esc(r['band']['name'])}**",
        "",
    ]
    if n := r["catalog"]["items_unknown"]:
        out += [f"ข้อที่แคตตาล็อกยังไม่ทราบชื่อหรือเกณฑ์ {n} ข้อ ไม่นับในคะแนน ({n} items unknown to the catalog)", ""]
    if r["band"]["note"]:
        out += [esc(r["band"]["note"]), ""]
    out += [
        "คะแนนนี้คาดการณ์จากแบบ OIT เพียงแบบเดียว ผลการประเมิน ITA ขั้นสุดท้ายต้องรวมคะแนนแบบ IIT "
        "และแบบ EIT ด้วย และคะแนน OIT จริงขึ้นกับการพิจารณาของผู้ตรวจประเมิน",
        "",
        "## คะแนนรายตัวชี้วัด",
        "",
        "| ตัวชี้วัด | คะแนน | |",
        "|---|---:|---|",
    ]
    out += [f"| ตัวชี้วัดที่ {esc(c)} {esc(n)} | {v:.2f} | `{_bar(v)}` |" for c, n, v in ctx["indicators"]]
    out += [f"| {esc(c)} {esc(n)} | {v:.2f} | `{_bar(v)}` |" for c, n, v in ctx["sub_indicators"]]
    s = r["summary"]
    out += ["", f"## สรุปผล {s['items_total']} ข้อ", ""]
    out += [f"- {STATUS_TH[st]}: {s['items_' + st]}" for st in ("pass", "partial", "fail", "unknown")]
    if s.get("items_review"):
        out.append(f"- ผ่านแต่ควรตรวจด้วยตา (ความมั่นใจต่ำ): {s['items_review']}")
    return out + [""]


def _site_list(r: dict[str, Any]) -> list[str]:
    """The unit's ITA index against the catalog, code by code (only when they differ)."""
    fit = r.get("site_list") or {}
    if fit.get("page_year") and fit["page_year"] != r["fiscal_year"] and not fit.get("mismatches"):
        return ["## หน้า ITA ของเว็บไซต์เทียบกับแคตตาล็อก", "", esc(fit["summary_th"]), ""]
    if not fit.get("mismatches"):
        return []
    out = [f"## หน้า ITA ของเว็บไซต์เทียบกับแคตตาล็อก ({len(fit['mismatches'])} ข้อไม่ตรง)", "", esc(fit["summary_th"]), ""]
    out += ["| ข้อ | บนเว็บไซต์ | ในแคตตาล็อก | หมายเหตุ |", "|---|---|---|---|"]
    out += [
        f"| {esc(m['code'])} | {esc(m['site_label'])} | {esc(m['catalog_name'] or '-')} | {esc(m['message_th'])} |"
        for m in fit["mismatches"]
    ]
    return out + [""]


def _fixes(ctx: dict[str, Any]) -> list[str]:
    out = ["## สิ่งที่ควรแก้ก่อน", ""]
    if not ctx["fix_rows"]:
        return out + ["ไม่มีข้อที่ต้องแก้", ""]
    for i, f in enumerate(ctx["fix_rows"], 1):
        out.append(
            f"{i}. **{esc(f['code'])} {esc(f['name'])}** (+{f['gain']:.2f} คะแนน, "
            f"{STATUS_TH.get(f['status'], f['status'])})"
        )
        if f["missing"]:
            out.append(f"   - สิ่งที่ยังขาด: {'; '.join(esc(m) for m in f['missing'])}")
        if f["fix"]:
            out.append(f"   - วิธีแก้: {esc(f['fix'])}")
        if f["evidence"].get("url"):
            out.append(f"   - หลักฐานที่พบ: {mlink(f['evidence']['url'], f['evidence'].get('title', ''))}")
    return out + [""]


def _evidence_cell(it: dict[str, Any]) -> str:
    parts = []
    for ev in it["evidence"]:
        cell = mlink(ev["url"], ev["title"])
        if ev["offsite"]:
            cell += " (ลิงก์นอกเว็บไซต์หลัก)"
        if ev["where"]:
            cell += f" — {esc(ev['where'])}"
        parts.append(cell)
    return "<br>".join(parts) or "–"


def _items(ctx: dict[str, Any]) -> list[str]:
    out = ["## ผลรายข้อ", ""]
    for g in ctx["groups"]:
        score = f" ({g['score']:.2f} คะแนน)" if g["score"] is not None else ""
        out += [
            f"### {esc(g['code'])} {esc(g['name'])}{score}",
            "",
            "| รหัส | รายการ | ผล | ความมั่นใจ | หลักฐาน | สิ่งที่ยังขาด | หมายเหตุ |",
            "|---|---|---|---:|---|---|---|",
        ]
        for it in g["items"]:
            missing = "<br>".join(esc(m) for m in it["missing"]) or "–"
            notes = "<br>".join(esc(n) for n in [*it.get("doubts", []), *it["notes"]]) or "–"
            status = esc(it["status_th"]) + (" (ควรตรวจด้วยตา)" if it.get("review") else "")
            out.append(
                f"| {esc(it['code'])} | {esc(it['name'])} | {status} | "
                f"{round(it['confidence'] * 100)}% | {_evidence_cell(it)} | {missing} | {notes} |"
            )
        out.append("")
    return out


def render_markdown(report: Report) -> str:
    ctx = context(report)
    r = ctx["r"]
    out = _header(r, report) + _score(r, ctx) + _site_list(r) + _fixes(ctx) + _items(ctx)
    out += [f"## อ่านไม่ได้ ({len(r['unreadable'])})", ""]
    if r["unreadable"]:
        out += ["| ที่อยู่ (URL) | สาเหตุ |", "|---|---|"]
        out += [f"| {mlink(u['url'])} | {esc(u['reason'])} |" for u in r["unreadable"]]
    else:
        out.append("ไม่มี")
    out.append("")
    if r["skipped"]:
        out += [f"## ลิงก์ที่ไม่ได้เปิด ({len(r['skipped'])})", "", "| ที่อยู่ (URL) | ข้อความลิงก์ | สาเหตุ |", "|---|---|---|"]
        out += [f"| {mlink(sk['url'])} | {esc(sk['text'])} | {esc(sk['reason'])} |" for sk in r["skipped"][:200]]
        if len(r["skipped"]) > 200:
            out.append(f"\n(แสดง 200 จาก {len(r['skipped'])} ลิงก์; ทั้งหมดอยู่ในรายงาน JSON)")
        out.append("")
    if r["warnings"]:
        out += ["## คำเตือน", ""] + [f"- {esc(w)}" for w in r["warnings"]] + [""]
    conf = report.catalog_confidence
    version = f" รุ่น {esc(r['tool_version'])}" if r["tool_version"] else ""
    catalog = f"{esc(r['catalog']['id'])} รุ่น {esc(r['catalog']['version'])}"
    out += [
        "---",
        "",
        f"สร้างโดย oit-selfcheck{version} · เกณฑ์ {catalog}  ",
        f"ความเชื่อมั่นของเกณฑ์: {CONFIDENCE_TH.get(conf, conf)} — {CATALOG_REMARK_TH.get(conf, '')}  ",
        "รายงานนี้เป็นการตรวจด้วยเครื่องมืออัตโนมัติเพื่อเตรียมความพร้อม ไม่ใช่ผลการประเมินอย่างเป็นทางการของสำนักงาน ป.ป.ช.",
        "",
    ]
    return "\n".join(out)
