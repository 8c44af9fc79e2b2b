"""One unit over time: the rendering of ``oit history`` (its checks) and ``oit diff`` (what changed between two).

Pure: a :class:`~oitbase.units.Unit`, its :class:`HistoryPoint`s and a :class:`~reports.changes.ReportDiff` in,
text out. Terminal text goes through :func:`~reports.safety.plain` (a site's text may hold escape sequences).
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass

from oitbase.model import STATUS_TH
from oitbase.units import Unit

from .changes import CHANGE_TH, ItemChange, ReportDiff
from .charts import trend_svg
from .html import _env, when
from .markdown import esc, mlink
from .safety import display_url, plain

HISTORY_FORMATS = ("text", "json")
DIFF_FORMATS = ("text", "md", "html", "json")
#: Kinds of change in the order shown: regressions first.
KIND_ORDER = ("newly_failing", "evidence_gone", "evidence_moved", "fixed")
CHANGE_EN = {
    "newly_failing": "newly failing",
    "evidence_gone": "evidence gone",
    "evidence_moved": "evidence moved",
    "fixed": "fixed",
}
PROBLEM_TH = "ปัญหาการเก็บข้อมูล (crawl problem)"


@dataclass
class HistoryPoint:
    """One check of the unit (oldest first in a history)."""

    run_id: int
    evaluation_id: int
    finished: str
    fiscal_year: int
    catalog_id: str
    score: float | None  # None: the check had a crawl problem
    band: str
    problem: str = ""  # crawl problem, score None


def _fmt_check(fmt: str, allowed: tuple[str, ...]) -> None:
    if fmt not in allowed:
        raise ValueError(f"unknown format {fmt!r} (one of {', '.join(allowed)})")


def _unit_line(unit: Unit) -> str:
    return plain(" ".join(x for x in (unit.code, unit.name, unit.url) if x))


def _score(score: float | None) -> str:
    return "–" if score is None else f"{score:.2f}"


def kinds(diff: ReportDiff) -> list[tuple[str, list[ItemChange]]]:
    """``(kind, changes)`` for every kind that has changes, regressions first."""
    return [(k, diff.of_kind(k)) for k in KIND_ORDER if diff.of_kind(k)]


def trend_points(points: list[HistoryPoint]) -> list[tuple[str, float | None]]:
    return [(when(p.finished)[:10] or f"รอบ {p.run_id}", None if p.problem else p.score) for p in points]


def render_history(unit: Unit, points: list[HistoryPoint], fmt: str) -> str:
    """The unit's checks, oldest first, as ``text`` (terminal) or ``json``."""
    _fmt_check(fmt, HISTORY_FORMATS)
    if fmt == "json":
        data = {"unit": unit.model_dump(mode="json"), "history": [asdict(p) for p in points]}
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    out = [f"ประวัติการตรวจ (history): {_unit_line(unit)}"]
    if not points:
        out.append("  ยังไม่เคยตรวจ (no checks yet)")
    for p in points:
        run = f"รอบ (run) {p.run_id}" + (f" ผล (evaluation) {p.evaluation_id}" if p.evaluation_id else "")
        head = f"  {plain(when(p.finished))}  {run}  ปี {p.fiscal_year}  {plain(p.catalog_id)}"
        if p.problem or p.score is None:
            out.append(f"{head}  {PROBLEM_TH}: {plain(p.problem or '-')}")
        else:
            out.append(f"{head}  {p.score:6.2f}  {plain(p.band)}")
    return "\n".join(out) + "\n"


def _text_diff(unit: Unit, diff: ReportDiff) -> str:
    out = [
        f"เปลี่ยนแปลง (changes): {_unit_line(unit)}",
        f"  รอบ {diff.run_before} ({plain(when(diff.finished_before))}) → รอบ {diff.run_after} "
        f"({plain(when(diff.finished_after))})",
        f"  คะแนน (score): {diff.score_before:.2f} {plain(diff.band_before)} → {diff.score_after:.2f} "
        f"{plain(diff.band_after)} ({diff.score_after - diff.score_before:+.2f})",
    ]
    if diff.url_before != diff.url_after:
        out.append(f"  เว็บไซต์ (site): {plain(diff.url_before)} → {plain(diff.url_after)}")
    for kind, changes in kinds(diff):
        out.append(f"\n{CHANGE_TH[kind]} ({CHANGE_EN[kind]}): {len(changes)}")
        for c in changes:
            status = f"{STATUS_TH[c.status_before]} → {STATUS_TH[c.status_after]}"
            out.append(f"  {plain(c.code)} {plain(c.name)}: {status}")
            out.append(f"    หลักฐาน (evidence): {_urls_text(c.evidence_before)} → {_urls_text(c.evidence_after)}")
            if c.regression and c.missing:
                out.append(f"    ขาด (missing): {plain('; '.join(c.missing))}")
            if c.regression and c.fix:
                out.append(f"    วิธีแก้ (fix): {plain(c.fix)}")
    if not diff.changes:
        out.append("\n  ไม่มีข้อที่เปลี่ยน (no item changed)")
    out.append(f"\n  ไม่เปลี่ยน (unchanged): {diff.unchanged} ข้อ")
    return "\n".join(out) + "\n"


def _urls_text(urls: list[str]) -> str:
    return plain(" ".join(display_url(u) for u in urls[:2])) or "-"


def _md_diff(unit: Unit, diff: ReportDiff) -> str:
    out = [
        f"# เปลี่ยนแปลง (changes): {esc(unit.name or unit.code)}",
        "",
        f"- รหัส (code): {esc(unit.code)}",
        f"- เว็บไซต์ (site): {mlink(diff.url_after)}",
        f"- รอบ {diff.run_before} ({esc(when(diff.finished_before))}) → รอบ {diff.run_after} "
        f"({esc(when(diff.finished_after))})",
        f"- คะแนน (score): **{diff.score_before:.2f}** {esc(diff.band_before)} → **{diff.score_after:.2f}** "
        f"{esc(diff.band_after)} ({diff.score_after - diff.score_before:+.2f})",
        "",
    ]
    for kind, changes in kinds(diff):
        out += [f"## {CHANGE_TH[kind]} ({CHANGE_EN[kind]}): {len(changes)}", ""]
        for c in changes:
            status = f"{STATUS_TH[c.status_before]} → {STATUS_TH[c.status_after]}"
            out.append(f"- **{esc(c.code)} {esc(c.name)}**: {status}")
            before = ", ".join(mlink(u) for u in c.evidence_before[:2]) or "-"
            after = ", ".join(mlink(u) for u in c.evidence_after[:2]) or "-"
            out.append(f"  - หลักฐาน (evidence): {before} → {after}")
            if c.regression and c.missing:
                out.append(f"  - ขาด (missing): {esc('; '.join(c.missing))}")
            if c.regression and c.fix:
                out.append(f"  - วิธีแก้ (fix): {esc(c.fix)}")
        out.append("")
    if not diff.changes:
        out += ["ไม่มีข้อที่เปลี่ยน (no item changed)", ""]
    out.append(f"ไม่เปลี่ยน (unchanged): {diff.unchanged} ข้อ")
    return "\n".join(out) + "\n"


def render_diff(unit: Unit, diff: ReportDiff, points: list[HistoryPoint], fmt: str) -> str:
    """What changed between two checks of the unit, as ``text``, ``md``, ``html`` (with the score trend over
    ``points``) or ``json``."""
    _fmt_check(fmt, DIFF_FORMATS)
    if fmt == "json":
        data = {
            "unit": unit.model_dump(mode="json"),
            "diff": diff.model_dump(mode="json"),
            "history": [asdict(p) for p in points],
        }
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    if fmt == "md":
        return _md_diff(unit, diff)
    if fmt == "html":
        trend = trend_svg(trend_points(points)) if points else ""
        return (
            _env()
            .get_template("unit_diff.html.j2")
            .render(
                unit=unit,
                d=diff,
                groups=kinds(diff),
                CHANGE_TH=CHANGE_TH,
                CHANGE_EN=CHANGE_EN,
                trend=trend,
                points=points,
            )
        )
    return _text_diff(unit, diff)
