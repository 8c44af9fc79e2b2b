"""What changed for a unit between two checks: items newly failing, fixed, evidence moved or gone, and the score.

Pure: two :class:`~oitbase.model.Report` in, a :class:`ReportDiff` out. ``oit diff`` renders it, the alerts send its
regressions. Items are paired by code (both reports use the catalog of their own year; an item only one of them has
is left out: it is a change of catalog, not of the site).
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from oitbase.model import ItemResult, Report, Status

ChangeKind = Literal["newly_failing", "fixed", "evidence_moved", "evidence_gone"]
#: Thai labels of the kinds of change, for every renderer.
CHANGE_TH: dict[str, str] = {
    "newly_failing": "ไม่ผ่านแล้ว",
    "fixed": "แก้แล้ว",
    "evidence_moved": "หลักฐานย้ายที่",
    "evidence_gone": "หลักฐานหายไป",
}
#: How good a status is; ``unknown`` (could not be checked) is not ranked, so it is never a change of verdict.
STATUS_RANK: dict[str, int] = {"fail": 0, "partial": 1, "pass": 2}


class ItemChange(BaseModel):
    """One item whose verdict or evidence changed between two checks."""

    code: str = Field(description="Item code, e.g. 'O12'.")
    name: str = Field(description="Thai item name.")
    kind: ChangeKind = Field(
        description="newly_failing: the verdict got worse (pass → partial/fail, partial → fail); fixed: it got better; "
        "evidence_moved: same verdict, the evidence is at other URLs; evidence_gone: the evidence it had is gone."
    )
    status_before: Status
    status_after: Status
    evidence_before: list[str] = Field(default_factory=list, description="Evidence URLs before, best first.")
    evidence_after: list[str] = Field(default_factory=list, description="Evidence URLs after, best first.")
    fix: str = Field("", description="Thai fix-it text of the item (what to publish, and where).")
    missing: list[str] = Field(default_factory=list, description="What the later check found missing, Thai.")
    gain: float = Field(0.0, description="OIT points the unit would gain back by fixing the item.")

    @property
    def regression(self) -> bool:
        return self.kind in ("newly_failing", "evidence_gone")


class ReportDiff(BaseModel):
    """Two checks of one unit compared."""

    url_before: str
    url_after: str
    run_before: int = Field(description="Run (crawl) id of the earlier check.")
    run_after: int = Field(description="Run (crawl) id of the later check.")
    evaluation_before: int = Field(0, description="Evaluation id of the earlier check (0: not stored).")
    evaluation_after: int = Field(0, description="Evaluation id of the later check (0: not stored).")
    finished_before: str = ""
    finished_after: str = ""
    score_before: float
    score_after: float
    band_before: str = ""
    band_after: str = ""
    changes: list[ItemChange] = Field(default_factory=list, description="Changed items, in the later catalog's order.")
    unchanged: int = Field(0, description="Items with the same verdict and evidence.")

    @property
    def regressions(self) -> list[ItemChange]:
        return [c for c in self.changes if c.regression]

    def of_kind(self, kind: str) -> list[ItemChange]:
        return [c for c in self.changes if c.kind == kind]


def evidence_urls(item: ItemResult) -> list[str]:
    return [ev.url for ev in item.evidence]


def change_kind(before: ItemResult, after: ItemResult) -> ChangeKind | None:
    """How one item changed (None: it did not, or a side could not be checked)."""
    rank_before, rank_after = STATUS_RANK.get(before.status), STATUS_RANK.get(after.status)
    if rank_before is None or rank_after is None:
        return None
    if rank_after < rank_before:
        return "newly_failing"
    if rank_after > rank_before:
        return "fixed"
    urls_before, urls_after = evidence_urls(before), evidence_urls(after)
    if urls_before and not urls_after:
        return "evidence_gone"
    if urls_before and urls_after and urls_before[0] != urls_after[0] and urls_before[0] not in urls_after:
        return "evidence_moved"
    return None


def compare_reports(before: Report, after: Report, evaluations: tuple[int, int] = (0, 0)) -> ReportDiff:
    """The changes from ``before`` to ``after`` (two checks of one unit, the earlier first)."""
    earlier = {it.code: it for it in before.items}
    changes: list[ItemChange] = []
    unchanged = 0
    for item in after.items:
        old = earlier.get(item.code)
        if old is None:
            continue
        kind = change_kind(old, item)
        if kind is None:
            unchanged += 1
            continue
        changes.append(
            ItemChange(
                code=item.code,
                name=item.name,
                kind=kind,
                status_before=old.status,
                status_after=item.status,
                evidence_before=evidence_urls(old),
                evidence_after=evidence_urls(item),
                fix=item.fix,
                missing=item.missing,
                gain=item.gain,
            )
        )
    return ReportDiff(
        url_before=before.url,
        url_after=after.url,
        run_before=before.run_id,
        run_after=after.run_id,
        evaluation_before=evaluations[0],
        evaluation_after=evaluations[1],
        finished_before=before.finished,
        finished_after=after.finished,
        score_before=before.score.oit,
        score_after=after.score.oit,
        band_before=before.score.band,
        band_after=after.score.band,
        changes=changes,
        unchanged=unchanged,
    )
