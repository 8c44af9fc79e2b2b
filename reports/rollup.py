"""The roll-up of a batch over many units: ranking, units × items matrix, items failed most, distribution of
scores, per-province and per-parent summaries; written as one HTML page, a CSV and a JSON file.

Pure: :class:`RollupRow` in (a unit of the register with its latest report, or the reason it could not be
checked), a :class:`Rollup` out. A unit with a problem is listed with its reason and is never ranked, never in a
mean and never counted as failing an item.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from pathlib import Path
from statistics import fmean

from pydantic import BaseModel, Field

from oitbase.model import Report
from oitbase.units import Unit

from .charts import hbar_svg, histogram, score_histogram_svg
from .csvout import BOM
from .html import _env
from .safety import csv_cell, encodable, safe_relative_href

#: NACC's pass mark of the ITA (``ผ่าน`` from 85); the OIT score alone only predicts it.
PASS_MARK = 85.0
NO_REPORT = "ไม่มีผลการตรวจ (no report)"
UNSET = "(ไม่ระบุ)"
#: A failing item: evidence missing (fail) or incomplete (partial).
FAILING = ("fail", "partial")
CHECKED = ("pass", "partial", "fail")
#: Items in the items-failed-most chart (the table lists all).
TOP_FAILED = 10


@dataclass
class RollupRow:
    """One unit of the batch."""

    unit: Unit
    report: Report | None  # its latest report; None when the unit could not be checked
    problem: str = ""  # crawl problem / why it could not be checked (Thai + English); "" when fine
    run_id: int = 0
    evaluation_id: int = 0
    report_path: str = ""  # relative path of the unit's own HTML report (linked from the roll-up), may be ""


class RankedUnit(BaseModel):
    rank: int = Field(description="1 = best predicted OIT score of the batch.")
    code: str
    name: str
    province: str
    parent: str
    url: str
    score: float = Field(description="Predicted OIT score, 0–100.")
    band: str = Field(description="Band the OIT score alone reaches (the catalog's Thai name).")
    passing: bool = Field(description=f"Score at least the ITA pass mark ({PASS_MARK:g}).")
    items_failing: int = Field(description="Items fail or partial.")
    items_checked: int = Field(description="Items pass, partial or fail (unknown left out).")
    run_id: int
    evaluation_id: int
    report_path: str = Field("", description="Relative path of the unit's own HTML report ('' if none or unsafe).")


class ProblemUnit(BaseModel):
    code: str
    name: str
    province: str
    parent: str
    url: str
    problem: str = Field(description="Why the unit could not be checked, Thai + English.")
    run_id: int
    report_path: str = ""


class ItemColumn(BaseModel):
    code: str
    name: str


class MatrixRow(BaseModel):
    code: str = Field(description="Unit code.")
    name: str
    cells: dict[str, str] = Field(
        description="Item code → pass/partial/fail/unknown; '' when the unit has no such item or could not be checked."
    )
    problem: str = ""


class ItemFailure(BaseModel):
    code: str
    name: str
    failing: int = Field(description="Checked units where the item is fail or partial.")
    checked: int = Field(description="Checked units where the item is pass, partial or fail.")
    share: float = Field(description="failing / checked, 0..1.")


class HistogramBin(BaseModel):
    low: float
    high: float = Field(description="A bin holds low <= score < high (the last one also 100).")
    count: int


class GroupSummary(BaseModel):
    name: str = Field(description=f"Province or parent body; {UNSET} when the register leaves it empty.")
    units: int
    checked: int
    problems: int
    mean: float | None = Field(description="Mean predicted OIT score of the checked units (None: none checked).")
    min: float | None
    max: float | None
    passing: int = Field(description=f"Checked units scoring at least {PASS_MARK:g}.")
    bands: dict[str, int] = Field(description="Band name → checked units in it.")


class Rollup(BaseModel):
    """The roll-up of one batch (``rollup.json`` is its ``model_dump(mode="json")``)."""

    title: str
    batch_id: int
    generated: str = Field(description="When the roll-up was made, ISO 8601.")
    pass_mark: float = PASS_MARK
    totals: GroupSummary = Field(description="The whole batch (name: the title).")
    ranked: list[RankedUnit] = Field(description="Checked units, best predicted OIT score first.")
    problems: list[ProblemUnit] = Field(description="Units that could not be checked, with the reason.")
    items: list[ItemColumn] = Field(
        description="Matrix columns: item codes in the first report's catalog order, "
        "then codes only later reports have."
    )
    matrix: list[MatrixRow] = Field(description="One row per unit, ranked units first, then the problem units.")
    failed_most: list[ItemFailure] = Field(description="Items failing in at least one unit, most failing first.")
    histogram: list[HistogramBin] = Field(description="Distribution of the checked units' scores, 10 bins of 0–100.")
    provinces: list[GroupSummary]
    parents: list[GroupSummary]


def _is_problem(row: RollupRow) -> bool:
    return row.report is None or bool(row.problem)


def summarize(name: str, rows: list[RollupRow]) -> GroupSummary:
    scores = [r.report.score.oit for r in rows if not _is_problem(r)]  # type: ignore[union-attr]
    bands: dict[str, int] = {}
    for r in rows:
        if not _is_problem(r):
            bands[r.report.score.band] = bands.get(r.report.score.band, 0) + 1  # type: ignore[union-attr]
    return GroupSummary(
        name=name,
        units=len(rows),
        checked=len(scores),
        problems=len(rows) - len(scores),
        mean=round(fmean(scores), 2) if scores else None,
        min=min(scores, default=None),
        max=max(scores, default=None),
        passing=sum(s >= PASS_MARK for s in scores),
        bands=bands,
    )


def by_group(rows: list[RollupRow], field: str) -> list[GroupSummary]:
    """One summary per value of the unit's ``field`` (province, parent), named ones in name order, unset last."""
    groups: dict[str, list[RollupRow]] = {}
    for r in rows:
        groups.setdefault(getattr(r.unit, field).strip(), []).append(r)
    return [summarize(k or UNSET, groups[k]) for k in sorted(groups, key=lambda k: (not k, k))]


def item_columns(reports: list[Report]) -> list[ItemColumn]:
    seen: dict[str, str] = {}
    for rep in reports:
        for it in rep.items:
            seen.setdefault(it.code, it.name)
    return [ItemColumn(code=c, name=n) for c, n in seen.items()]


def build_rollup(rows: list[RollupRow], title: str = "", batch_id: int = 0, generated: str = "") -> Rollup:
    """The roll-up of a batch (pure)."""
    checked = sorted(
        (r for r in rows if not _is_problem(r)),
        key=lambda r: (-r.report.score.oit, r.unit.name, r.unit.code),  # type: ignore[union-attr]
    )
    broken = [r for r in rows if _is_problem(r)]
    columns = item_columns([r.report for r in rows if not _is_problem(r)])  # type: ignore[misc]
    ranked, matrix = [], []
    for rank, r in enumerate(checked, 1):
        rep = r.report
        assert rep is not None
        status = {it.code: it.status for it in rep.items}
        ranked.append(
            RankedUnit(
                rank=rank,
                **_where(r.unit),
                score=rep.score.oit,
                band=rep.score.band,
                passing=rep.score.oit >= PASS_MARK,
                items_failing=sum(s in FAILING for s in status.values()),
                items_checked=sum(s in CHECKED for s in status.values()),
                run_id=r.run_id or rep.run_id,
                evaluation_id=r.evaluation_id,
                report_path=_rel(r.report_path),
            )
        )
        cells = {c.code: status.get(c.code, "") for c in columns}
        matrix.append(MatrixRow(code=r.unit.code, name=r.unit.name, cells=cells))
    problems = []
    for r in broken:
        reason = r.problem or NO_REPORT
        problems.append(ProblemUnit(**_where(r.unit), problem=reason, run_id=r.run_id, report_path=_rel(r.report_path)))
        empty = dict.fromkeys((c.code for c in columns), "")
        matrix.append(MatrixRow(code=r.unit.code, name=r.unit.name, cells=empty, problem=reason))
    return Rollup(
        title=title or "สรุปผลตรวจ OIT หลายหน่วยงาน (OIT roll-up)",
        batch_id=batch_id,
        generated=generated,
        totals=summarize(title or "ทั้งหมด (all)", rows),
        ranked=ranked,
        problems=problems,
        items=columns,
        matrix=matrix,
        failed_most=failed_most(columns, matrix),
        histogram=[HistogramBin(low=lo, high=hi, count=n) for lo, hi, n in histogram([u.score for u in ranked])],
        provinces=by_group(rows, "province"),
        parents=by_group(rows, "parent"),
    )


def _where(unit: Unit) -> dict[str, str]:
    return {"code": unit.code, "name": unit.name, "province": unit.province, "parent": unit.parent, "url": unit.url}


def _rel(path: str) -> str:
    return path if safe_relative_href(path) else ""


def failed_most(columns: list[ItemColumn], matrix: list[MatrixRow]) -> list[ItemFailure]:
    """Items failing (fail or partial) in at least one checked unit, most failing first, then catalog order."""
    out = []
    for col in columns:
        cells = [row.cells[col.code] for row in matrix if not row.problem]
        failing, checked = sum(c in FAILING for c in cells), sum(c in CHECKED for c in cells)
        if failing:
            out.append(
                ItemFailure(
                    code=col.code, name=col.name, failing=failing, checked=checked, share=round(failing / checked, 4)
                )
            )
    return sorted(out, key=lambda f: (-f.failing, -f.share))


def render_rollup_html(rollup: Rollup) -> str:
    charts = {
        "histogram": score_histogram_svg([u.score for u in rollup.ranked]),
        "failed": hbar_svg(
            [(f"{f.code} {f.name}", f.share, f"{f.failing}/{f.checked}") for f in rollup.failed_most[:TOP_FAILED]]
        ),
    }
    return _env().get_template("rollup.html.j2").render(r=rollup, charts=charts)


CSV_COLUMNS = ("code", "name", "province", "parent", "url", "score", "band", "problem")


def render_rollup_csv(rollup: Rollup) -> str:
    """One row per unit (ranked first, then the problem units); starts with a BOM."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow([*CSV_COLUMNS, *(csv_cell(c.code) for c in rollup.items)])
    cells = {row.code: row.cells for row in rollup.matrix}
    units: list[RankedUnit | ProblemUnit] = [*rollup.ranked, *rollup.problems]
    for u in units:
        fixed = [u.code, u.name, u.province, u.parent, u.url]
        score, band, problem = (u.score, u.band, "") if isinstance(u, RankedUnit) else ("", "", u.problem)
        row = [*fixed, score, band, problem, *(cells.get(u.code, {}).get(c.code, "") for c in rollup.items)]
        w.writerow([csv_cell(v) for v in row])
    return BOM + buf.getvalue()


def write_rollup(rollup: Rollup, out_dir: Path) -> dict[str, Path]:
    """Write ``rollup.html``, ``rollup.csv`` and ``rollup.json`` into ``out_dir``; returns format → path."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    texts = {
        "html": render_rollup_html(rollup),
        "csv": render_rollup_csv(rollup),
        "json": json.dumps(rollup.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n",
    }
    paths = {}
    for fmt, text in texts.items():
        path = out_dir / f"rollup.{fmt}"
        path.write_text(encodable(text), encoding="utf-8", newline="")
        paths[fmt] = path
    return paths
