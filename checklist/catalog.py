"""Catalog files: one YAML file per assessment scheme and fiscal year, validated by this schema.

A catalog is data. A user adds next year's list by writing a new YAML file (or one that
``extends`` the previous year and overrides what changed) and passing it with ``--catalog``;
no code changes. See ``docs/catalog.md`` for the field-by-field description.
"""

from __future__ import annotations

import re
from enum import StrEnum
from functools import cache
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

CATALOG_DIR = Path(__file__).parent / "catalogs"
#: Evidence types and placeholder words every catalog uses unless it gives its own.
VOCABULARY_FILE = Path(__file__).parent / "vocabulary.yaml"

#: libyaml's parser when PyYAML has it (about 10× faster on the 1,200-line catalogs).
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

Confidence = Literal["high", "medium", "low"]
CONFIDENCE_RANK = {"low": 0, "medium": 1, "high": 2}
LOW_CONFIDENCE_NOTICE = (
    "เกณฑ์ของแคตตาล็อกนี้มีความเชื่อมั่นต่ำ: ยังไม่ได้ยืนยันกับคู่มือการประเมินฉบับทางการ ใช้ผลเป็นแนวทางเท่านั้น "
    "(low-confidence catalog: its criteria are not confirmed against the official manual)"
)
#: lao: อปท. (อบต., เทศบาล, อบจ.); agency: other government units; school: schools and colleges (sector lists).
UNIT_TYPES = ("lao", "agency", "school")
#: Spellings users may give for the unit types.
UNIT_TYPE_ALIASES = {
    "lao": "lao",
    "อปท.": "lao",
    "อปท": "lao",
    "local": "lao",
    "agency": "agency",
    "หน่วยงาน": "agency",
    "ส่วนราชการ": "agency",
    "school": "school",
    "college": "school",
    "สถานศึกษา": "school",
    "วิทยาลัย": "school",
    "โรงเรียน": "school",
}


class YearRule(StrEnum):
    """Which period the evidence must be about, relative to the assessed fiscal year (FY)."""

    none = "none"  # no year requirement (structure, contact, laws …)
    assessed = "assessed"  # about FY itself (plans, announcements of FY)
    first_half = "first_half"  # the first six months of FY (1 Oct FY-1 – 31 Mar FY)
    previous = "previous"  # the previous FY (annual reports)
    assessed_or_previous = "assessed_or_previous"
    analysis_of_previous = "analysis_of_previous"  # O42: analyses FY-1's ITA, measures for FY
    dated_items = "dated_items"  # a list (news) with at least one entry dated within FY
    #: a school's report of the last academic year that has ended (ปีการศึกษา, May–March): FY-2 or FY-1
    previous_academic_year = "previous_academic_year"


#: Page features the extraction counts (``oitbase.extract``: ``Extracted.features``) that a catalog may name.
PAGE_FEATURES = frozenset(
    {"text_chars", "phone", "email", "map", "form", "image", "table", "iframe", "script_links",
     "placeholder_links", "mailto", "tel", "pages", "pages_without_text"}
)  # fmt: skip


def valid_feature(name: str | None) -> str | None:
    if name is not None and name not in PAGE_FEATURES:
        raise ValueError(f"unknown page feature {name!r} (known: {', '.join(sorted(PAGE_FEATURES))})")
    return name


def valid_regex(pattern: str | None) -> str | None:
    if pattern is not None:
        try:
            re.compile(pattern)
        except re.error as exc:
            raise ValueError(f"pattern {pattern!r} is not a valid regular expression: {exc}") from exc
    return pattern


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Element(Strict):
    """A required element of an item, found in the evidence's text or page features.

    It is present when *every* condition given holds: at least one phrase of ``any``,
    every phrase of ``all``, the regular expression ``pattern`` (on cleaned text), and the
    page ``feature`` (see ``checklist.features``), at least ``min_count`` times for ``any``.
    Phrases are compared after Thai folding (``oitbase.thai.fold``), so spelling damage from PDF
    extraction (lost sara am, split tone marks, Thai digits) does not matter.
    """

    id: str
    label: str  # Thai, shown when missing
    any: list[str] = Field(default_factory=list)
    all: list[str] = Field(default_factory=list)
    pattern: str | None = None
    feature: str | None = None
    #: The element is also present when the resource has this page feature, whatever its text says
    #: (an online channel: the phrases that name one, or a form on the page).
    or_feature: str | None = None
    min_count: int = 1
    #: An element that is not required is reported as a remark only.
    required: bool = True
    #: Check the element for EACH person listed (executives): the page's own text is cut into one block per
    #: person, a block starting at a line that begins with one of ``person_markers`` (a position: "นายก",
    #: "รองนายก", "ปลัด" …) or with a name (นาย/นาง/นางสาว/ดร. …). ``any``/``all``/``pattern`` must hold in
    #: every block; ``feature`` must be counted at least once per person on the page (photos: images ≥ persons).
    per_person: bool = False
    person_markers: list[str] = Field(default_factory=list)
    #: Signed by one of these positions: near the end of the document a signature ("ลงชื่อ", or a name in
    #: brackets "(นายสมชาย ใจดี)") followed within a few lines by a position line that starts with one of them
    #: (or says the signer acts for it: "ปฏิบัติหน้าที่นายก…", "รักษาราชการแทน…").
    signed_by: list[str] = Field(default_factory=list)

    @field_validator("pattern")
    @classmethod
    def _compiles(cls, v: str | None) -> str | None:
        return valid_regex(v)

    @field_validator("feature", "or_feature")
    @classmethod
    def _known_feature(cls, v: str | None) -> str | None:
        return valid_feature(v)

    @model_validator(mode="after")
    def _has_condition(self) -> Element:
        if not (self.any or self.all or self.pattern or self.feature or self.signed_by):
            raise ValueError(f"element {self.id!r} has no condition (any, all, pattern, feature or signed_by)")
        if self.per_person and not self.person_markers:
            raise ValueError(f"element {self.id!r}: per_person needs person_markers (the positions listed)")
        if self.person_markers and not self.per_person:
            raise ValueError(f"element {self.id!r}: person_markers is only used with per_person: true")
        return self


class Forbid(Strict):
    """A negative rule: evidence that matches it does not count (e.g. "no risk found").

    It fires when a phrase of ``any`` (or ``pattern``) is present and no phrase of ``unless_any``
    is. ``label`` says, in Thai, why the evidence does not count.
    """

    id: str
    label: str
    any: list[str] = Field(default_factory=list)
    pattern: str | None = None
    unless_any: list[str] = Field(default_factory=list)
    #: The rule does not fire on a resource with this page feature (a form: the service is online after all).
    unless_feature: str | None = None

    @field_validator("pattern")
    @classmethod
    def _compiles(cls, v: str | None) -> str | None:
        return valid_regex(v)

    @field_validator("unless_feature")
    @classmethod
    def _known_feature(cls, v: str | None) -> str | None:
        return valid_feature(v)

    @model_validator(mode="after")
    def _has_condition(self) -> Forbid:
        if not (self.any or self.pattern):
            raise ValueError(f"forbid rule {self.id!r} needs any or pattern")
        return self


class EvidenceType(Strict):
    """A kind of document or page (plan, report, announcement …), read from the start of its subject."""

    id: str
    label: str  # Thai, used in reasons: "เป็น<label> ไม่ใช่หลักฐานของข้อนี้"
    starts: list[str] = Field(min_length=1)
    #: A resource with this page feature is not of this type, whatever its subject says (a page titled
    #: "แบบคำร้องออนไลน์" that holds a form to fill in is the online service, not a form to download).
    unless_feature: str | None = None

    @field_validator("unless_feature")
    @classmethod
    def _known_feature(cls, v: str | None) -> str | None:
        return valid_feature(v)


class Placeholders(Strict):
    """Words of pages and documents that exist but hold nothing yet (see ``checklist/vocabulary.yaml``)."""

    phrases: list[str] = Field(default_factory=list)
    short_phrases: list[str] = Field(default_factory=list)
    companion_phrases: list[str] = Field(default_factory=list)
    max_rest: int = 250
    max_share: float = 0.5
    short_page: int = 1500
    min_own_text: int = 40


class ItemOverride(Strict):
    """Per unit-type changes to an item (``variants: {lao: {...}}``)."""

    name: str | None = None
    terms: list[str] | None = None
    elements: list[Element] | None = None
    extra_elements: list[Element] = Field(default_factory=list)
    #: Elements that replace the (base or replaced) element with the same id, e.g. who must sign in an อปท.
    element_overrides: list[Element] = Field(default_factory=list)
    fix: str | None = None
    criterion: str | None = None


class Item(Strict):
    code: str  # "O1"
    name: str  # Thai name as NACC writes it
    sub_indicator: str  # "9.1"
    #: Phrases that name the item (Thai name, common synonyms, English): matched in link texts,
    #: titles, headings and content. The first one is the most specific.
    terms: list[str] = Field(default_factory=list)
    #: ASCII fragments that often appear in URLs of this item's pages ("structure", "executive").
    url_hints: list[str] = Field(default_factory=list)
    #: Phrases that, in a title or link text, mean the page is about another item.
    exclude_terms: list[str] = Field(default_factory=list)
    year_rule: YearRule = YearRule.none
    elements: list[Element] = Field(default_factory=list)
    forbid: list[Forbid] = Field(default_factory=list)
    #: Whether evidence on another host (Google Drive, Facebook, e-GP …) counts for this item.
    offsite_counts: bool = False
    #: Preferred evidence: a web page, a document, or either.
    evidence_kind: Literal["page", "document", "any"] = "any"
    #: Evidence types (``evidence_types`` ids) that are never this item's evidence, whatever they say:
    #: a plan is not a result report, an activity record is not a report, an announcement is not a summary.
    not_kinds: list[str] = Field(default_factory=list)
    criterion: str = ""  # Thai: what the assessors look for
    fix: str = ""  # Thai: what to publish, and where
    source: str = ""
    confidence: Confidence = "medium"
    #: True when the item exists but its name/criteria are not known for this year.
    unknown: bool = False
    variants: dict[str, ItemOverride] = Field(default_factory=dict)

    @field_validator("code")
    @classmethod
    def _code(cls, v: str) -> str:
        if not re.fullmatch(r"O\d{1,2}", v):
            raise ValueError(f"item code must look like O1..O99, got {v!r}")
        return v

    @field_validator("variants")
    @classmethod
    def _variant_keys(cls, v: dict[str, ItemOverride]) -> dict[str, ItemOverride]:
        for key in v:
            if key not in UNIT_TYPES:
                raise ValueError(f"unknown unit type {key!r} in variants (use {', '.join(UNIT_TYPES)})")
        return v

    def for_unit_type(self, unit_type: str) -> Item:
        """This item with the unit type's variant applied."""
        ov = self.variants.get(unit_type)
        if ov is None:
            return self
        data = self.model_dump()
        for key in ("name", "terms", "fix", "criterion"):
            val = getattr(ov, key)
            if val is not None:
                data[key] = val
        elements = ov.elements if ov.elements is not None else self.elements
        replaced = {e.id: e for e in ov.element_overrides}
        elements = [replaced.pop(e.id, e) for e in elements]
        if replaced:
            raise ValueError(f"item {self.code}: element_overrides name unknown elements {sorted(replaced)}")
        data["elements"] = [e.model_dump() for e in [*elements, *ov.extra_elements]]
        data["variants"] = {}
        return Item.model_validate(data)


class Indicator(Strict):
    code: str  # "9"
    name: str
    weight: float = 1.0


class SubIndicator(Strict):
    code: str  # "9.1"
    name: str
    indicator: str  # "9"


class Band(Strict):
    name: str
    min: float  # lowest OIT score of the band


class Catalog(Strict):
    id: str  # "nacc-2567"
    scheme: str = "nacc"  # the assessment scheme (NACC main list, or a sector variant)
    fiscal_year: int  # พ.ศ.
    version: str
    title: str = ""
    source: str = ""
    confidence: Confidence = "medium"
    notes: str = ""
    #: The id of the catalog whose list this one assumes for its year (``nacc-2570`` carries ``nacc-2569``
    #: forward until NACC publishes the 2570 list); reports say so prominently.
    assumed_from: str = ""
    #: The fiscal year of the list ``assumed_from`` names (default: the year its id ends in).
    assumed_year: int | None = None
    #: Thai (and English) words every report shows prominently above the score: what to keep in mind about
    #: this catalog (assumed, partial). Low-confidence catalogs without one get a default notice.
    notice: str = ""
    #: The unit types the catalog is for; the first is the default when the user names none.
    unit_types: list[str] = Field(default_factory=lambda: ["lao", "agency"], min_length=1)
    indicators: list[Indicator]
    sub_indicators: list[SubIndicator]
    #: Rating bands, any order; the band reached is the one with the highest ``min`` <= score.
    bands: list[Band]
    #: Shown beside the band: what the band means when only OIT is known.
    band_note: str = ""
    #: Kinds of evidence, for the items' ``not_kinds`` (default: ``checklist/vocabulary.yaml``).
    evidence_types: list[EvidenceType] = Field(default_factory=lambda: default_vocabulary()["evidence_types"])
    #: Leading words skipped before an evidence type is read ("เผยแพร่แผน…" is a plan).
    subject_fillers: list[str] = Field(default_factory=lambda: default_vocabulary()["subject_fillers"])
    placeholders: Placeholders = Field(default_factory=lambda: default_vocabulary()["placeholders"])
    items: list[Item]

    @model_validator(mode="after")
    def _consistent(self) -> Catalog:
        codes = [i.code for i in self.items]
        dup = {c for c in codes if codes.count(c) > 1}
        if dup:
            raise ValueError(f"duplicate item codes: {sorted(dup)}")
        ind = {i.code for i in self.indicators}
        subs = {s.code for s in self.sub_indicators}
        for s in self.sub_indicators:
            if s.indicator not in ind:
                raise ValueError(f"sub-indicator {s.code} names unknown indicator {s.indicator}")
        for it in self.items:
            if it.sub_indicator not in subs:
                raise ValueError(f"item {it.code} names unknown sub-indicator {it.sub_indicator}")
        kinds = {t.id for t in self.evidence_types}
        for it in self.items:
            unknown = set(it.not_kinds) - kinds
            if unknown:
                raise ValueError(f"item {it.code}: not_kinds names unknown evidence types {sorted(unknown)}")
        for ut in self.unit_types:
            if ut not in UNIT_TYPES:
                raise ValueError(f"unknown unit type {ut!r}")
        if not self.bands:
            raise ValueError("a catalog needs at least one rating band")
        if self.assumed_from:
            # An assumed list is no surer, item by item, than the catalog as a whole.
            rank = CONFIDENCE_RANK[self.confidence]
            for it in self.items:
                if CONFIDENCE_RANK[it.confidence] > rank:
                    it.confidence = self.confidence
        return self

    @model_validator(mode="after")
    def _assumed_year_known(self) -> Catalog:
        if self.assumed_from and self.assumed_year is None:
            m = re.fullmatch(r".+-(\d{4})", self.assumed_from)
            if not m:
                raise ValueError(
                    f"assumed_from {self.assumed_from!r} does not end in its year: give assumed_year (e.g. 2569)"
                )
            self.assumed_year = int(m.group(1))
        return self

    @property
    def shown_notice(self) -> str:
        """What every report shows prominently: which list an assumed catalog carries forward, the catalog's own
        notice, or a warning when its confidence is low."""
        parts = [assumed_notice(self)] if self.assumed_from else []
        if self.notice:
            parts.append(self.notice)
        if not parts and self.confidence == "low":
            parts.append(LOW_CONFIDENCE_NOTICE)
        return " · ".join(parts)

    def item(self, code: str) -> Item:
        for it in self.items:
            if it.code == code:
                return it
        raise KeyError(code)

    def items_for(self, unit_type: str) -> list[Item]:
        return [it.for_unit_type(unit_type) for it in self.items]

    def item_names(self, unit_type: str) -> dict[str, list[str]]:
        """{code: terms} of the known items for ``unit_type``: what the crawl matches link texts against to order
        its requests and count items on the progress line (the ``OIT_ITEM_NAMES`` setting, JSON-serialisable)."""
        return {it.code: list(it.terms) for it in self.items_for(unit_type) if not it.unknown}

    def sub_indicator_names(self) -> dict[str, str]:
        return {s.code: s.name for s in self.sub_indicators}

    def indicator_names(self) -> dict[str, str]:
        return {i.code: i.name for i in self.indicators}


#: Who publishes each scheme's list, for the notices.
PUBLISHER = {"nacc": ("สำนักงาน ป.ป.ช.", "NACC"), "ovec": ("สอศ.", "OVEC")}


def assumed_notice(cat: Catalog) -> str:
    """Thai and English: the list of another year (``cat.assumed_from``) is assumed for ``cat``'s year."""
    origin_year = cat.assumed_year or cat.fiscal_year
    year = cat.fiscal_year
    th_who, en_who = PUBLISHER.get(cat.scheme, (cat.scheme.upper(), cat.scheme.upper()))
    moved = "หนึ่งปี" if year - origin_year == 1 else f" {year - origin_year} ปี"
    return (
        f"ยังไม่มีรายการ OIT ของปี {year}: ตรวจตามรายการปี {origin_year} ({cat.assumed_from}) "
        f"โดยเลื่อนปีของเกณฑ์ไป{moved} จนกว่า{th_who} จะประกาศรายการปี {year} ผลเป็นการคาดการณ์ "
        f"(assumed from {origin_year} until {en_who} publishes the {year} list)"
    )


@cache
def default_vocabulary() -> dict:
    """The bundled evidence types and placeholder words, validated."""
    data = yaml.load(VOCABULARY_FILE.read_text(encoding="utf-8"), Loader=_Loader)  # noqa: S506 - a safe loader
    return {
        "evidence_types": [EvidenceType.model_validate(t) for t in data["evidence_types"]],
        "subject_fillers": list(data.get("subject_fillers", [])),
        "placeholders": Placeholders.model_validate(data["placeholders"]),
    }


class CatalogError(ValueError):
    """A catalog file that cannot be read or does not validate; the message names the file."""


def _merge(base: dict, child: dict) -> dict:
    """``extends``: the child's keys replace the base's; ``items`` merge by code."""
    out = {**base, **{k: v for k, v in child.items() if k not in ("extends", "items", "item_overrides")}}
    items = {it["code"]: dict(it) for it in base.get("items", [])}
    for ov in child.get("item_overrides", []) or []:
        code = ov["code"]
        if code not in items:
            raise CatalogError(f"item_overrides names {code}, which the base catalog does not have")
        items[code].update(ov)
    for it in child.get("items", []) or []:
        items[it["code"]] = it
    out["items"] = sorted(items.values(), key=lambda it: int(it["code"][1:]))
    return out


def _read_yaml(path: Path, _chain: tuple[Path, ...] = ()) -> dict:
    if path.resolve() in _chain:
        raise CatalogError(f"{path}: extends itself through {' → '.join(p.name for p in _chain)}")
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)  # noqa: S506 - a safe loader
    except (OSError, yaml.YAMLError) as exc:
        raise CatalogError(f"{path}: cannot read catalog: {exc}") from exc
    if not isinstance(data, dict):
        raise CatalogError(f"{path}: a catalog file must be a mapping")
    parent = data.get("extends")
    if parent:
        base_path = resolve_catalog_path(parent, relative_to=path.parent)
        base = _read_yaml(base_path, (*_chain, path.resolve()))
        for key in ("items", "item_overrides"):
            entries = data.get(key) or []
            if not isinstance(entries, list) or not all(isinstance(e, dict) and "code" in e for e in entries):
                raise CatalogError(f"{path}: every entry of {key} must be a mapping with a code")
        data = _merge(base, data)
    return data


def resolve_catalog_path(name: str | Path, relative_to: Path | None = None) -> Path:
    """A file path, or the id of a bundled catalog ("nacc-2567")."""
    p = Path(name)
    if relative_to is not None:
        # ``extends:`` of a file: beside that file first, so a file in the working directory never replaces the
        # base of a bundled catalog
        candidates = [relative_to / p, *([p] if p.is_absolute() else [])]
    else:
        candidates = [p]
    candidates += [CATALOG_DIR / p, CATALOG_DIR / f"{name}.yaml"]
    for c in candidates:
        if c.is_file():
            return c
    raise CatalogError(f"catalog not found: {name}")


def catalog_chain(name: str | Path) -> list[Path]:
    """The resolved files of a catalog and of every catalog it ``extends``, itself first."""
    out: list[Path] = []
    path = resolve_catalog_path(name)
    while path.resolve() not in out:
        out.append(path.resolve())
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader) or {}  # noqa: S506 - a safe loader
        parent = data.get("extends") if isinstance(data, dict) else None
        if not parent:
            break
        path = resolve_catalog_path(parent, relative_to=path.parent)
    return out


def load_catalog(name: str | Path) -> Catalog:
    path = resolve_catalog_path(name)
    data = _read_yaml(path)
    try:
        return Catalog.model_validate(data)
    except ValueError as exc:
        raise CatalogError(f"{path}: invalid catalog:\n{exc}") from exc


def bundled_catalogs() -> list[Path]:
    return sorted(CATALOG_DIR.glob("*.yaml"))


@cache
def _bundled_index() -> dict[tuple[str, int], Path]:
    index = {}
    for path in bundled_catalogs():
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader) or {}  # noqa: S506
        if "fiscal_year" in data or "extends" in data:
            cat = load_catalog(path)
            index[(cat.scheme, cat.fiscal_year)] = path
    return index


def catalog_for_year(fiscal_year: int, scheme: str = "nacc") -> Catalog:
    path = _bundled_index().get((scheme, fiscal_year))
    if path is None:
        years = sorted(y for s, y in _bundled_index() if s == scheme)
        raise CatalogError(
            f"no bundled {scheme} catalog for fiscal year {fiscal_year} (have: {years}); "
            "pass your own file with --catalog"
        )
    return load_catalog(path)


def normalise_unit_type(value: str) -> str:
    try:
        return UNIT_TYPE_ALIASES[value.strip().lower()]
    except KeyError as exc:
        raise ValueError(f"unknown unit type {value!r}: use อปท./lao, agency or school") from exc
