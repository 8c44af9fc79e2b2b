"""A unit's history in the store: its checks with their scores, and what changed between two of them.

Each run (crawl) counts once, with its newest evaluation; a run stopped by the homepage check or whose crawl had a
problem is a point without a score, and is never compared (a crawl problem is not a change of the site).
"""

from __future__ import annotations

import json

from oit.check import stored_report
from oitbase.units import Unit
from reports.changes import ReportDiff, compare_reports
from reports.unit_history import HistoryPoint
from storage import store


def unit_model(row: dict) -> Unit:
    """The register row of a stored unit (a unit checked without a register has no code: its address stands in)."""
    fields = {k: row.get(k) or "" for k in ("name", "type", "province", "parent", "catalog", "email", "webhook")}
    return Unit(code=row.get("code") or "", url=row.get("url") or "", year=row.get("year"), **fields)


def history_points(db: store.Database, unit_id: int) -> list[HistoryPoint]:
    """The unit's checks, oldest first: one point per run, with its newest evaluation's score."""
    newest: dict[int, dict] = {}
    for ev in store.list_evaluations(db, unit_id):
        newest[ev["run_id"]] = ev
    points = []
    for run in store.unit_runs(db, unit_id):
        ev = newest.get(run["id"])
        score = json.loads(ev["score"]) if ev else {}
        problem = run.get("problem") or ("" if ev else run.get("partial_reason") or "")
        points.append(
            HistoryPoint(
                run_id=run["id"],
                evaluation_id=ev["id"] if ev else 0,
                finished=(ev or run).get("finished") or run.get("started") or "",
                fiscal_year=(ev or run).get("fiscal_year") or 0,
                catalog_id=(ev or run).get("catalog_id") or "",
                score=None if problem or not ev else score.get("oit"),
                band="" if problem else score.get("band", ""),
                problem=problem,
            )
        )
    return points


def comparable(points: list[HistoryPoint]) -> list[HistoryPoint]:
    """The points that can be compared: judged, from a crawl without a problem."""
    return [p for p in points if p.evaluation_id and p.score is not None]


def diff_unit(
    db: store.Database, unit_id: int, from_run: int | None = None, to_run: int | None = None
) -> tuple[ReportDiff, list[HistoryPoint]]:
    """What changed for the unit from run ``from_run`` to run ``to_run`` (default: its last two comparable checks of
    the same fiscal year and catalog, or the one before ``to_run``). LookupError when there is nothing to compare."""
    points = history_points(db, unit_id)
    usable = comparable(points)
    by_run = {p.run_id: p for p in points}
    for run in (from_run, to_run):
        if run is not None and run not in by_run:
            raise LookupError(f"run {run} is not a check of this unit (see `oit history`)")
        if run is not None and by_run[run] not in usable:
            raise LookupError(f"run {run} cannot be compared: {by_run[run].problem or 'it was never judged'}")
    after = by_run[to_run] if to_run is not None else (usable[-1] if usable else None)
    if after is None:
        raise LookupError("หน่วยงานนี้ยังไม่มีผลการตรวจที่เทียบได้ (the unit has no judged check to compare)")
    if from_run is not None:
        before = by_run[from_run]
    else:
        # a check of another year or list numbers its items differently: only the same catalog is compared
        earlier = [
            p for p in usable
            if p.run_id < after.run_id and (p.fiscal_year, p.catalog_id) == (after.fiscal_year, after.catalog_id)
        ]  # fmt: skip
        if not earlier:
            raise LookupError(
                f"ไม่มีการตรวจก่อนรอบ {after.run_id} ให้เทียบ (no earlier judged check than run {after.run_id} to compare)"
            )
        before = earlier[-1]
    old = stored_report(db, evaluation_id=before.evaluation_id)
    new = stored_report(db, evaluation_id=after.evaluation_id)
    return compare_reports(old, new, (before.evaluation_id, after.evaluation_id)), points


def previous_report_diff(db: store.Database, unit_id: int, run_id: int) -> ReportDiff | None:
    """The changes of run ``run_id`` since the unit's previous comparable check (None: no such check, or this run
    cannot be compared)."""
    try:
        return diff_unit(db, unit_id, to_run=run_id)[0]
    except LookupError:
        return None
