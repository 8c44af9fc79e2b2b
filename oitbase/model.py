"""The result model shared by the checklist engine, the scorer and the report renderers.

One pydantic model, written once: the engine turns stored pages/documents into ``ItemResult``s, the
scorer turns those into a ``ScoreCard``, and the renderers turn a ``Report`` into HTML/JSON/Markdown/CSV.
The JSON report is ``report.model_dump(mode="json", by_alias=True)`` and its JSON Schema
(``reports/report.schema.json``, written by ``python -m reports.schema``) is generated from these
classes, so a field, its type and its description are written here and nowhere else.

The JSON layout differs from the attribute layout on purpose, and only in these documented ways:

* a :class:`Report` field whose JSON place is in a group (``unit``, ``catalog``, ``run``) says so with
  :func:`_at` (``catalog_id`` is written as ``catalog.id`` and read back from there);
* ``band`` and ``band_note`` of the :class:`ScoreCard` are written beside ``score`` as
  ``band: {name, note}``;
* derived fields (``computed_field``) are written but ignored when reading: ``schema_version``, the top
  ``url`` (a copy of ``unit.url``), ``band``, ``summary``, ``items[].status_th``, ``items[].review``, and
  the details of ``fixes`` (the model holds only the item codes);
* every float is rounded to 2 decimals in JSON (:data:`Rounded`); Python dumps keep full precision.

Validation stays cheap (no custom field validators on the models built in bulk): ``Evidence`` and
``ItemResult`` are built thousands of times per run.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import (
    AliasPath,
    BaseModel,
    ConfigDict,
    Field,
    PlainSerializer,
    computed_field,
    field_serializer,
    field_validator,
    model_serializer,
    model_validator,
)

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

#: Version of the JSON layout; changes when a JSON field is added, renamed or removed.
SCHEMA_VERSION = "2"

#: A pass less sure than this is marked for checking by eye in every report.
REVIEW_BELOW = 0.6


def round2(x: float) -> float:
    """Round a number to 2 decimals (every float in the JSON output goes through this)."""
    return round(float(x), 2)


#: A float written to JSON rounded to 2 decimals.
Rounded = Annotated[float, PlainSerializer(round2, return_type=float, when_used="json")]
#: Confidence in a catalog's criteria (any text is kept; the schema lists the three values written).
CatalogConfidence = Annotated[
    str,
    Field(description="Confidence in the catalog's criteria.", json_schema_extra={"enum": ["high", "medium", "low"]}),
]
Count = Annotated[int, Field(ge=0)]


class _Model(BaseModel):
    # Serialization mode: every field is always written, so the schema requires every field. A JSON object
    # has no keys other than its fields (unknown keys are ignored when reading: derived fields come back).
    model_config = ConfigDict(
        json_schema_serialization_defaults_required=True,
        json_schema_extra={"additionalProperties": False},
    )


class Evidence(_Model):
    """One page or document that the engine took as evidence for an item."""

    url: str = Field(description="Page or document URL.")
    title: str = Field("", description="Link text or document/page title.")
    snippet: str = Field("", description="Text around the match.")
    kind: Literal["page", "document"] = Field("page", description="page or document.")
    offsite: bool = Field(False, description="Hosted outside the unit's main website (e.g. Google Drive, Facebook).")
    where: str = Field("", description="Click path from the homepage, Thai, e.g. 'หน้าแรก › ITA › O1 โครงสร้าง'.")
    fiscal_year: int | None = Field(
        None, description="Fiscal year (พ.ศ.) the evidence is about, when it could be read."
    )
    score: Rounded = Field(0.0, description="Engine-internal relevance score of this candidate for the item.")


class SkippedLink(_Model):
    """A link the crawl did not follow, and why (shown next to the item it could be evidence for)."""

    url: str
    reason: str = Field(description="Why it was not followed, Thai + English.")
    text: str = Field("", description="The link's text.")
    src: str = Field("", description="The page that linked it.")


class ItemResult(_Model):
    """The verdict on one OIT item, with its evidence."""

    code: str = Field(description="Item code, e.g. 'O1'.")
    name: str = Field(description="Thai item name.")
    sub_indicator: str = Field(description="Sub-indicator code, e.g. '9.1'.")
    status: Status = Field(
        description="pass (meets the criterion), partial (evidence found but something is missing), "
        "fail (no evidence), unknown (could not be checked, e.g. unreadable document)."
    )
    confidence: Rounded = Field(
        description="0..1, how sure the engine is of status.", json_schema_extra={"minimum": 0, "maximum": 1}
    )
    evidence: list[Evidence] = Field(default_factory=list, description="Evidence found, best first.")
    missing: list[str] = Field(
        default_factory=list, description="Thai descriptions of required elements or rules that were not met."
    )
    found: list[str] = Field(
        default_factory=list, description="Thai descriptions of required elements that were found."
    )
    notes: list[str] = Field(
        default_factory=list, description="Other remarks (off-site evidence, unreadable documents, wrong year …), Thai."
    )
    fix: str = Field("", description="Thai fix-it text for the unit (what to publish, and where, to pass).")
    criterion: str = Field("", description="What the criterion asks, Thai.")
    gain: Rounded = Field(0.0, description="OIT points gained if this item passed (filled by the scorer; 0 if passed).")
    catalog_confidence: CatalogConfidence = Field(
        "medium", description="Catalog confidence for this item's criteria (high / medium / low)."
    )
    skipped: list[SkippedLink] = Field(
        default_factory=list, description="Links the crawl did not follow that could have been this item's evidence."
    )
    doubts: list[str] = Field(
        default_factory=list,
        description="Why the verdict is not sure (Thai): text read by OCR, a year inferred, "
        "an evidence type not stated.",
    )

    @property
    def passed(self) -> bool:
        return self.status == "pass"

    @computed_field(description="Thai label of status: ผ่าน / ไม่ครบ / ไม่พบ / ตรวจไม่ได้.")  # type: ignore[prop-decorator]
    @property
    def status_th(self) -> str:
        return STATUS_TH.get(self.status, self.status)

    @computed_field(description="A pass with confidence below 0.6: the webmaster should check it by eye.")  # type: ignore[prop-decorator]
    @property
    def review(self) -> bool:
        """A pass the webmaster should check by eye: its confidence is below :data:`REVIEW_BELOW`."""
        return self.passed and self.confidence < REVIEW_BELOW


class ScoreCard(_Model):
    """Predicted scores, 0–100, rounded to 2 decimals in JSON (``band``/``band_note`` are written as ``band``)."""

    oit: Rounded = Field(description="Predicted OIT score, 0–100.")
    indicators: dict[str, Rounded] = Field(description='Indicator code -> score ({"9": 80.5, "10": 60.0}).')
    sub_indicators: dict[str, Rounded] = Field(description='Sub-indicator code -> score ({"9.1": 66.67}).')
    band: str = Field(description="Band that the OIT score alone reaches (Thai name from the catalog's rating scale).")
    band_note: str = Field("", description="Thai remark on the band.")


class Band(_Model):
    """The rating band that the OIT score alone reaches (the final ITA rating also needs IIT and EIT)."""

    name: str
    note: str


class Unreadable(_Model):
    """A URL the run could not read, and why (shown in every report)."""

    url: str
    reason: str = Field(description="Why, Thai.")


class Fix(_Model):
    """One item to fix, copied from its item (JSON only: the report holds the item codes)."""

    code: str
    name: str
    gain: Rounded
    fix: str
    missing: list[str]

    @classmethod
    def of(cls, code: str, item: ItemResult | None) -> Fix:
        if item is None:  # a fix code without an item: keep the code, leave the rest empty
            return cls(code=code, name="", gain=0.0, fix="", missing=[])
        return cls(code=code, name=item.name, gain=item.gain, fix=item.fix, missing=list(item.missing))


class Summary(_Model):
    """Item counts by status."""

    items_total: Count
    items_pass: Count
    items_partial: Count
    items_fail: Count
    items_unknown: Count
    items_review: Count = Field(description="Passes with low confidence, to check by eye.")

    @classmethod
    def of(cls, items: list[ItemResult]) -> Summary:
        counts = {f"items_{st}": sum(1 for it in items if it.status == st) for st in STATUSES}
        return cls(items_total=len(items), items_review=sum(1 for it in items if it.review), **counts)


def _at(group: str, key: str, *args: Any, **kwargs: Any) -> Any:
    """A :class:`Report` field written in JSON as ``group.key`` (e.g. ``catalog.id``) and read back from there."""
    return Field(*args, validation_alias=AliasPath(group, key), serialization_alias=f"{group}.{key}", **kwargs)


#: Order of the top-level keys of the JSON report (keys not listed come last, in model order).
JSON_ORDER = (
    "schema_version",
    "tool_version",
    "unit",
    "url",
    "fiscal_year",
    "catalog",
    "run",
    "score",
    "band",
    "sub_indicator_names",
    "indicator_names",
    "items",
    "fixes",
    "unreadable",
    "skipped",
    "stats",
    "warnings",
    "summary",
    "site_list",
)


def nest(flat: dict[str, Any]) -> dict[str, Any]:
    """Group the ``group.key`` entries of a flat dict under ``group`` and order the keys as :data:`JSON_ORDER`.

    Used on the report's data and on its schema's properties alike."""
    out: dict[str, Any] = {}
    for key, value in flat.items():
        group, dot, sub = key.partition(".")
        if dot:
            out.setdefault(group, {})[sub] = value
        else:
            out[key] = value
    rank = {k: i for i, k in enumerate(JSON_ORDER)}
    return dict(sorted(out.items(), key=lambda kv: rank.get(kv[0], len(rank))))


# The structure of ``site_list`` (``checklist.sitecodes.CatalogFit`` as a dict), which the model holds as a
# plain dict: described here for the schema only.
_SITE_LIST_SCHEMA = {
    "properties": {
        "rows_compared": {"type": "integer", "minimum": 0},
        "matched": {"type": "integer", "minimum": 0},
        "likely_out_of_date": {"type": "boolean"},
        "better_catalog": {"type": ["string", "null"]},
        "page_year": {"type": ["integer", "null"]},
        "summary_th": {"type": "string"},
        "summary_en": {"type": "string"},
        "mismatches": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["code", "site_label", "catalog_name", "kind", "message_th", "message_en"],
                "properties": {
                    "code": {"type": "string"},
                    "site_label": {"type": "string"},
                    "page_url": {"type": "string"},
                    "catalog_name": {"type": ["string", "null"]},
                    "kind": {"enum": ["not_in_catalog", "other_item", "different_name"]},
                    "named_item": {"type": ["string", "null"]},
                    "message_th": {"type": "string"},
                    "message_en": {"type": "string"},
                },
            },
        },
    }
}


class Report(_Model):
    """JSON report of one OIT self-check run."""

    model_config = ConfigDict(populate_by_name=True)

    tool_version: str = Field("", description="Version of oit-selfcheck that made the report.")
    unit_name: str = _at("unit", "name", description="Thai name of the unit.")
    url: str = _at("unit", "url", description="Homepage checked.")
    unit_type: str = _at("unit", "unit_type", description="lao (อปท.) or agency (หน่วยงานภาครัฐ)")
    fiscal_year: int = Field(description="Assessed fiscal year, Buddhist era (พ.ศ.).")
    catalog_id: str = _at("catalog", "id")
    catalog_version: str = _at("catalog", "version")
    catalog_confidence: CatalogConfidence = _at("catalog", "confidence")
    catalog_title: str = _at("catalog", "title", "", description="The catalog's Thai title.")
    catalog_notice: str = _at(
        "catalog",
        "notice",
        "",
        description="Shown prominently in every report: the list is assumed from another year, partial, "
        "or low confidence ('' if none).",
    )
    catalog_items_unknown: int = _at(
        "catalog",
        "items_unknown",
        0,
        description="Items the catalog marks unknown for the year (name or criteria not known): left out of the score.",
    )
    catalog_assumed_from: str = _at(
        "catalog",
        "assumed_from",
        "",
        description="Id of the catalog whose list is assumed for this year ('' when the year has its own list).",
    )
    run_id: int = _at("run", "id", description="Run (crawl) number in the store.")
    evaluation_id: int = _at(
        "run", "evaluation", 0, description="Evaluation number in the store: one judgement of the run's crawl."
    )
    started: str = _at("run", "started", description="ISO 8601 time.")
    finished: str = _at("run", "finished", description="ISO 8601 time.")
    partial: bool = _at("run", "partial", description="The run did not finish (e.g. time limit).")
    partial_reason: str = _at("run", "partial_reason", description="Why, Thai.")
    crawl_problem: str = _at(
        "run",
        "crawl_problem",
        "",
        description="Why the crawl cannot be trusted (fetched nothing, far less than last time, many errors), Thai "
        "and English; '' when it is fine. Items of such a run are never reported as failing.",
    )
    score: ScoreCard
    sub_indicator_names: dict[str, str] = Field(
        default_factory=dict, description="Sub-indicator code -> Thai name, in catalog order, for grouping in reports."
    )
    indicator_names: dict[str, str] = Field(
        default_factory=dict, description="Indicator code -> Thai name ('9' -> 'การเปิดเผยข้อมูล')."
    )
    items: list[ItemResult] = Field(description="One entry per OIT item, catalog order.")
    fixes: list[str] = Field(default_factory=list, description="Items to fix (failing items), best score gain first.")
    unreadable: list[Unreadable] = Field(
        default_factory=list, description="Every page/document the run could not read (or read only in part)."
    )
    skipped: list[SkippedLink] = Field(
        default_factory=list, description="Every link the crawl did not follow, with the reason."
    )
    stats: dict[str, int] = Field(default_factory=dict, description="Counters of the run (e.g. pages, documents).")
    warnings: list[str] = Field(default_factory=list, description="Thai warnings about the run.")
    site_list: dict[str, Any] = Field(
        default_factory=dict,
        description="How the unit's own ITA index page fits the catalog ({} when the site has no index page or "
        "nothing was compared): checklist.sitecodes.CatalogFit as a dict. mismatches: one entry per code whose "
        "row does not fit (kind not_in_catalog, other_item, different_name), with the site's label, the "
        "catalog's name and messages; likely_out_of_date: the catalog may be out of date or the page follows "
        "another year's list; better_catalog: the bundled catalog the page follows better.",
        json_schema_extra=_SITE_LIST_SCHEMA,
    )

    # --- derived (written to JSON, ignored when reading) ---

    @computed_field  # type: ignore[prop-decorator]
    @property
    def schema_version(self) -> Literal["2"]:
        return SCHEMA_VERSION

    @computed_field(alias="url", description="Same as unit.url.")  # type: ignore[prop-decorator]
    @property
    def top_url(self) -> str:
        return self.url

    @computed_field  # type: ignore[prop-decorator]
    @property
    def band(self) -> Band:
        return Band(name=self.score.band, note=self.score.band_note)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def summary(self) -> Summary:
        return Summary.of(self.items)

    @field_serializer("fixes", when_used="json")
    def _fixes_json(self, codes: list[str]) -> list[Fix]:
        by_code = {it.code: it for it in self.items}
        return [Fix.of(code, by_code.get(code)) for code in codes]

    @field_validator("fixes", mode="before")
    @classmethod
    def _fixes_codes(cls, value: Any) -> Any:
        if isinstance(value, list):
            return [f["code"] if isinstance(f, dict) else f for f in value]
        return value

    @model_validator(mode="before")
    @classmethod
    def _band_into_score(cls, data: Any) -> Any:
        """Reading JSON: ``band: {name, note}`` goes back into the score card."""
        if isinstance(data, dict) and isinstance(data.get("band"), dict) and isinstance(data.get("score"), dict):
            band = data["band"]
            score = {**data["score"], "band": band.get("name", ""), "band_note": band.get("note", "")}
            data = {**data, "score": score}
        return data

    @model_serializer(mode="wrap")
    def _json_layout(self, handler: Any, info: Any):  # no return type: the schema stays the model's
        data = handler(self)
        if not info.by_alias:
            return data
        score = data.get("score")
        if isinstance(score, dict):  # written as ``band`` beside the score
            score.pop("band", None)
            score.pop("band_note", None)
        return nest(data)

    # --- helpers ---

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
        return self.model_dump()

    def to_json_dict(self) -> dict[str, Any]:
        """The JSON report as a dict (schema version 1; floats rounded to 2 decimals)."""
        return self.model_dump(mode="json", by_alias=True)
