"""The result model shared by the checklist engine, the scorer and the report renderers.

These are plain dataclasses so that every stage stays a pure function of stored data:
the engine turns stored pages/documents into ``ItemResult``s, the scorer turns those into a
``ScoreCard``, and the renderers turn a ``Report`` into HTML/JSON/Markdown/CSV.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Literal

Status = Literal["pass", "partial", "fail", "unknown"]
CONFIDENCE_TH = {"high": "สูง", "medium": "ปานกลาง", "low": "ต่ำ"}
STATUSES: tuple[Status, ...] = ("pass", "partial", "fail", "unknown")

#: Thai labels for statuses, used by every renderer.
STATUS_TH: dict[str, str] = {
    "pass": "ผ่าน",
    "partial": "ไม่ครบ",
    "fail": "ไม่พบ",
    "unknown": "ตรวจไม่ได้",
}


@dataclass
class Evidence:
    """One page or document that the engine took as evidence for an item."""

    url: str
    title: str = ""
    snippet: str = ""
    kind: Literal["page", "document"] = "page"
    offsite: bool = False
    #: Click path from the homepage, in Thai, e.g. "หน้าแรก › ITA › O1 โครงสร้าง".
    where: str = ""
    #: Fiscal year (พ.ศ.) the evidence is about, when it could be read.
    fiscal_year: int | None = None
    #: Relevance score of this candidate for the item (engine-internal scale).
    score: float = 0.0


@dataclass
class SkippedLink:
    """A link the crawl did not follow, and why (shown next to the item it could be evidence for)."""

    url: str
    reason: str
    text: str = ""
    #: The page that linked it.
    src: str = ""


#: A pass less sure than this is marked for checking by eye in every report.
REVIEW_BELOW = 0.6


@dataclass
class ItemResult:
    code: str
    name: str
    sub_indicator: str
    status: Status
    #: 0..1, how sure the engine is of ``status``.
    confidence: float
    evidence: list[Evidence] = field(default_factory=list)
    #: Thai descriptions of required elements or rules that were not met.
    missing: list[str] = field(default_factory=list)
    #: Thai descriptions of required elements that were found.
    found: list[str] = field(default_factory=list)
    #: Other remarks (off-site evidence, unreadable documents, wrong year …), Thai.
    notes: list[str] = field(default_factory=list)
    #: Thai fix-it text for the unit (what to publish and where).
    fix: str = ""
    #: What the criterion asks, Thai.
    criterion: str = ""
    #: OIT points gained if this item passed (filled by the scorer).
    gain: float = 0.0
    #: Catalog confidence for this item's criteria (high / medium / low).
    catalog_confidence: str = "medium"
    #: Links the crawl did not follow that could have been this item's evidence.
    skipped: list[SkippedLink] = field(default_factory=list)
    #: Why the verdict is not sure (Thai): text read by OCR, a year inferred, a type not stated …
    doubts: list[str] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        return self.status == "pass"

    @property
    def review(self) -> bool:
        """A pass the webmaster should check by eye: its confidence is below :data:`REVIEW_BELOW`."""
        return self.passed and self.confidence < REVIEW_BELOW


@dataclass
class ScoreCard:
    oit: float
    indicators: dict[str, float]
    sub_indicators: dict[str, float]
    #: Band that the OIT score alone reaches (Thai name from the catalog's rating scale).
    band: str
    band_note: str = ""


@dataclass
class Unreadable:
    """A URL the run could not read, and why (shown in every report)."""

    url: str
    reason: str


@dataclass
class Report:
    unit_name: str
    url: str
    fiscal_year: int
    unit_type: str
    catalog_id: str
    catalog_version: str
    catalog_confidence: str
    run_id: int
    started: str
    finished: str
    partial: bool
    partial_reason: str
    score: ScoreCard
    items: list[ItemResult]
    #: Item codes of failing items, best score gain first.
    fixes: list[str] = field(default_factory=list)
    unreadable: list[Unreadable] = field(default_factory=list)
    #: Every link the crawl did not follow, with the reason.
    skipped: list[SkippedLink] = field(default_factory=list)
    stats: dict[str, int] = field(default_factory=dict)
    #: Sub-indicator code -> Thai name, for grouping in reports.
    sub_indicator_names: dict[str, str] = field(default_factory=dict)
    #: Indicator code -> Thai name ("9" -> "การเปิดเผยข้อมูล").
    indicator_names: dict[str, str] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    tool_version: str = ""
    catalog_title: str = ""
    #: Shown prominently in every report: the list is assumed from another year, partial, or low confidence.
    catalog_notice: str = ""
    #: Items the catalog marks unknown for the year (name or criteria not known): left out of the score.
    catalog_items_unknown: int = 0
    #: The id of the catalog whose list is assumed for this year ("" when the year has its own list).
    catalog_assumed_from: str = ""
    #: How the unit's own ITA index page fits the catalog (``checklist.sitecodes.CatalogFit`` as a dict:
    #: rows_compared, matched, mismatches [{code, site_label, catalog_name, kind, message_th …}],
    #: likely_out_of_date, better_catalog, page_year, summary_th, summary_en …); empty when not compared.
    site_list: dict = field(default_factory=dict)

    @property
    def catalog_label(self) -> str:
        """Short Thai label of the catalog used, for one cell of a table: id, version, confidence, assumption."""
        th = CONFIDENCE_TH.get(self.catalog_confidence, self.catalog_confidence)
        label = f"{self.catalog_id} v{self.catalog_version} ความเชื่อมั่น{th}"
        if self.catalog_assumed_from:
            label += f" (สมมุติจากรายการ {self.catalog_assumed_from})"
        return label

    def item(self, code: str) -> ItemResult:
        for it in self.items:
            if it.code == code:
                return it
        raise KeyError(code)

    def to_dict(self) -> dict:
        return asdict(self)
