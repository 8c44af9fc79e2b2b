"""NACC's table of OIT items (a spreadsheet) into a catalog file: ``oit catalog import``.

The table has a row an item: its code (O1 …), name, sub-indicator ("9.1 ข้อมูลพื้นฐาน"), what must be shown and
the year rule, under a header row in Thai or English. ``rows_to_catalog`` is the pure part (table rows in, a catalog
dict and what it could not map out); ``read_table`` reads a file (xlsx, or csv in UTF-8 or the Thai Windows
encoding), ``catalog_yaml`` writes the result. Items whose code and name match an item of a base catalog keep its
terms, elements and rules; the others are new, with only their name as a term and no elements, at low confidence.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

import yaml

from checklist.catalog import Catalog, Item, YearRule
from checklist.diff import name_similarity
from oitbase.itemcodes import code_and_name, whole_code
from oitbase.thai import clean, fold, to_arabic_digits

#: A base item is reused when its code is the row's and its name at least this similar (``name_similarity``).
CLOSE_NAME = 0.8
#: Rows searched for the header.
HEADER_ROWS = 30
#: Header words of each column, compared after lowercasing and removing spaces and punctuation; the column whose
#: longest word a header cell contains wins ("ข้อมูลที่ต้องแสดง" is what must be shown, not the code "ข้อ").
COLUMNS = {
    "code": ("ข้อ", "รหัส", "รหัสข้อ", "code", "itemcode", "oit"),
    "name": ("ชื่อ", "ชื่อรายการ", "รายการ", "ประเด็น", "ประเด็นการประเมิน", "ชื่อข้อมูล", "name", "item", "title"),
    "sub_indicator": ("ตัวชี้วัดย่อย", "ตัวชี้วัด", "subindicator", "indicator"),
    "criterion": ("รายละเอียด", "ข้อมูลที่ต้องแสดง", "ข้อมูลที่ต้องเผยแพร่", "สิ่งที่ต้องเผยแพร่", "ข้อมูลที่ต้องมี",
                  "รายละเอียดข้อมูล", "องค์ประกอบ", "เกณฑ์", "เกณฑ์การพิจารณา", "whatmustbeshown", "mustbeshown",
                  "criterion", "criteria", "details", "description"),
    "year_rule": ("ปี", "ช่วงเวลา", "ระยะเวลา", "ปีที่ต้องแสดง", "yearrule", "year", "period"),
}  # fmt: skip
COLUMN_LABELS = {
    "code": "code",
    "name": "name",
    "sub_indicator": "sub-indicator",
    "criterion": "what must be shown",
    "year_rule": "year rule",
}
#: Without a base: NACC's indicators of the OIT (2566 on).
INDICATOR_NAMES = {"9": "การเปิดเผยข้อมูล", "10": "การป้องกันการทุจริต"}
#: Without a base: the 2566+ bands of the OIT alone.
BANDS = [
    {"name": "ผ่านดีเยี่ยม", "min": 95},
    {"name": "ผ่านดี", "min": 85},
    {"name": "ต้องปรับปรุง", "min": 70},
    {"name": "ต้องปรับปรุงโดยด่วน", "min": 0},
]
BAND_NOTE = (
    "ระดับที่แสดงคิดจากคะแนน OIT อย่างเดียว ระดับผลการประเมินจริงขึ้นกับคะแนน IIT และ EIT ด้วย: ผ่านดีเยี่ยม/ผ่านดี "
    "ต้องได้คะแนนรวมและทุกเครื่องมือไม่ต่ำกว่าเกณฑ์ (95/85) หากคะแนนรวมตั้งแต่ 85 แต่มีเครื่องมือใดต่ำกว่า 85 จะได้ระดับ "
    '"ผ่าน" ต่ำกว่า 70 คือ ต้องปรับปรุงโดยด่วน'
)

_SUB = re.compile(r"(?:ตัวชี้วัด(?:ย่อย)?\s*(?:ที่)?|sub-?\s*indicator)?\s*(\d{1,2})\.(\d{1,2})\s*[:.\-–]?\s*(.*)", re.I)
_INDICATOR = re.compile(r"(?:ตัวชี้วัด\s*(?:ที่)?|indicator)\s*(\d{1,2})\s*[:.\-–]?\s*(.*)", re.I)
#: Catalog fields of the vocabulary, copied from a base that gives its own.
_VOCABULARY = ("evidence_types", "subject_fillers", "placeholders")
_HEADER_PUNCT = re.compile(r"[\s\-_/.:()\[\]*#]+")


class ImportFileError(ValueError):
    """A table that cannot be read or has no item columns; the message says why."""


@dataclass
class Note:
    """A row or cell the import could not take as it is."""

    row: int | None
    text: str

    def render(self) -> str:
        return f"row {self.row}: {self.text}" if self.row else self.text


@dataclass
class ImportResult:
    catalog: dict
    reused: list[str] = field(default_factory=list)  # item codes taken from the base
    new: list[str] = field(default_factory=list)
    skipped: list[Note] = field(default_factory=list)  # rows that are not items
    unmapped: list[Note] = field(default_factory=list)  # cells it could not map, and what it used instead
    todo: list[str] = field(default_factory=list)  # what to add by hand


# ── cells ───────────────────────────────────────────────────────────────────────────────────────────────────────


def cell_text(value: Any) -> str:
    """A spreadsheet cell as one line of clean text ("" for an empty cell; 2570.0 → "2570")."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    elif isinstance(value, datetime | date):
        value = value.isoformat()
    return " ".join(clean(str(value)).split())


def sub_indicator_of(text: str) -> tuple[str, str] | None:
    """ "9.1 ข้อมูลพื้นฐาน", "ตัวชี้วัดย่อยที่ ๙.๑" → ("9.1", name or "")."""
    m = _SUB.fullmatch(to_arabic_digits(text).strip())
    return (f"{int(m.group(1))}.{int(m.group(2))}", m.group(3).strip()) if m else None


def _indicator_of(text: str) -> tuple[str, str] | None:
    m = _INDICATOR.fullmatch(to_arabic_digits(text).strip())
    return (str(int(m.group(1))), m.group(2).strip()) if m else None


_NONE_WORDS = ("ไม่กำหนด", "ไม่ระบุ", "ไม่มีกำหนด", "ไม่จำกัด", "none", "notrequired", "norule")
_ANALYSIS_WORDS = ("วิเคราะห์", "analysis", "analyse", "analyze")
_DATED_WORDS = ("ลงวันที่", "รายการในปี", "dated")
_FIRST_HALF_WORDS = ("ครึ่งปีแรก", "หกเดือน", "firsthalf", "sixmonths", "halfyear", "1ต.ค.-31มี.ค.")
_ASSESSED_WORDS = ("ปีที่ประเมิน", "ปีปัจจุบัน", "ปีงบประมาณปัจจุบัน", "ปีนี้", "assessed", "current", "thisyear")
_PREVIOUS_WORDS = ("ปีก่อน", "ปีที่ผ่านมา", "ปีที่แล้ว", "ย้อนหลัง", "previous", "lastyear", "prior")


#: Merged cells are filled with their value at most this many rows and columns on.
MERGED_SPAN = 200
#: A month of the first quarter of a fiscal year just before a year: "1 ต.ค. 2568" is in FY 2569.
_FIRST_QUARTER = re.compile(r"(ต\.ค\.|ตุลาคม|พ\.ย\.|พฤศจิกายน|ธ\.ค\.|ธันวาคม|oct\w*|nov\w*|dec\w*)\.?\s*$")


def year_rule_of(text: str, fiscal_year: int) -> YearRule | None:
    """The ``YearRule`` a year-rule cell says (Thai or English words, or years พ.ศ./ค.ศ. relative to
    ``fiscal_year``); None when it says none of them."""
    t = to_arabic_digits(text).strip().lower()
    compact = re.sub(r"\s+", "", t)
    if compact in ("", "-", "–", "—", "n/a", "na") or any(w in compact for w in _NONE_WORDS):
        return YearRule.none
    if compact in {r.value for r in YearRule}:
        return YearRule(compact)
    if any(w in compact for w in _ANALYSIS_WORDS):
        return YearRule.analysis_of_previous
    if any(w in compact for w in _DATED_WORDS):
        return YearRule.dated_items
    halves = re.search(r"(?<!\d)6(?:เดือน|months?)", compact) or any(w in compact for w in _FIRST_HALF_WORDS)
    if halves or (re.search(r"ต\.ค\.|ตุลาคม|oct", compact) and re.search(r"มี\.ค\.|มีนาคม|mar", compact)):
        return YearRule.first_half
    assessed = any(w in compact for w in _ASSESSED_WORDS)
    previous = any(w in compact for w in _PREVIOUS_WORDS)
    for m in re.finditer(r"(?<!\d)(\d{4})(?!\d)", t):
        year = int(m.group(1))
        year += 543 if year < 2300 else 0  # ค.ศ.
        if _FIRST_QUARTER.search(t[max(0, m.start() - 14) : m.start()]):
            year += 1  # a date in Oct–Dec belongs to the next fiscal year
        if year == fiscal_year:
            assessed = True
        elif year == fiscal_year - 1:
            previous = True
        else:
            return None
    if assessed and previous:
        return YearRule.assessed_or_previous
    if assessed:
        return YearRule.assessed
    if previous:
        return YearRule.previous
    return None


def _header_key(text: str) -> str:
    return _HEADER_PUNCT.sub("", text.lower())


def header_columns(cells: Sequence[str]) -> dict[str, int]:
    """Column kind → index for a header row (loose: case, spaces and punctuation do not matter)."""
    best: dict[str, tuple[int, int]] = {}  # kind → (length of the word matched, index)
    for index, cell in enumerate(cells):
        key = _header_key(cell)
        if not key or whole_code(cell):
            continue
        scores = [(len(w), kind) for kind, words in COLUMNS.items() for w in map(_header_key, words) if w in key]
        if scores:
            length, kind = max(scores)
            if length > best.get(kind, (0, 0))[0]:
                best[kind] = (length, index)
    return {kind: index for kind, (_, index) in best.items()}


def find_header(rows: Sequence[tuple[int, Sequence[str]]]) -> tuple[int | None, dict[str, int]]:
    """(position of the header row in ``rows``, its columns); (None, the default order) when no row of the first
    ``HEADER_ROWS`` has both a code and a name column but rows start with an item code; raises ImportFileError when
    neither."""
    for pos, (_, cells) in enumerate(rows[:HEADER_ROWS]):
        columns = header_columns(cells)
        if "code" in columns and "name" in columns:
            return pos, columns
    if any(cells and whole_code(cells[0]) for _, cells in rows[:HEADER_ROWS]):
        return None, {kind: i for i, kind in enumerate(COLUMN_LABELS)}
    raise ImportFileError(
        "no header row with a code column (ข้อ/รหัส/code) and a name column (ชื่อ/รายการ/ประเด็น/name) "
        f"in the first {HEADER_ROWS} rows"
    )


def short_names(name: str) -> list[str]:
    """Obvious shorter names: without what is in brackets and without a trailing "ประจำปี(งบประมาณ) (พ.ศ. 2570)"."""
    short = re.sub(r"\s*\([^)]*\)", " ", name)
    short = re.sub(r"\s*(?:ประจำปี(?:งบประมาณ)?)?\s*(?:(?:พ\.ศ\.|ปี)\s*[0-9๐-๙]{4})?\s*$", "", short)
    short = " ".join(short.split())
    return [short] if len(short) >= 4 and fold(short) != fold(name) else []


def import_id_and_year(catalog_id: str | None, year: int | None, scheme: str) -> tuple[str, int]:
    """``--id`` and ``--year`` of an import: the year from the id ("nacc-2570") when not given, the id
    ``<scheme>-<year>`` when not given; ValueError when neither says the year, or they disagree."""
    in_id = re.search(r"(?<!\d)(2[45]\d\d)$", catalog_id or "")
    if year is None and in_id is None:
        raise ValueError("give --year (พ.ศ., e.g. 2570) or an --id that ends in the year (nacc-2570)")
    if year is not None and in_id is not None and int(in_id.group(1)) != year:
        raise ValueError(f"--id {catalog_id} ends in {in_id.group(1)} but --year is {year}")
    year = year if year is not None else int(in_id.group(1))
    if not 2400 <= year <= 2700:
        raise ValueError(f"--year {year}: give the fiscal year in พ.ศ. (e.g. 2570)")
    return catalog_id or f"{scheme}-{year}", year


# ── rows → catalog ──────────────────────────────────────────────────────────────────────────────────────────────


@dataclass
class _Row:
    row: int
    code: str
    name: str
    sub: str | None
    criterion: str
    year_rule: YearRule


class _Importer:
    def __init__(self, fiscal_year: int, base: Catalog | None) -> None:
        self.fiscal_year, self.base = fiscal_year, base
        self.result = ImportResult(catalog={})
        self.sub_names: dict[str, str] = {}
        self.indicator_names: dict[str, str] = {}

    def skip(self, row: int, why: str) -> None:
        self.result.skipped.append(Note(row, why))

    def unmapped(self, row: int | None, text: str) -> None:
        self.result.unmapped.append(Note(row, text))

    def section(self, cells: list[str]) -> tuple[str, str | None] | None:
        """(what the row is, the sub-indicator of the rows below it) for a row that names a sub-indicator or an
        indicator; None for another row."""
        first = next((c for c in cells if c), "")
        sub = sub_indicator_of(first)
        if sub:
            code, name = sub
            if name:
                self.sub_names.setdefault(code, name)
            return f"section row: sub-indicator {code} {name}".rstrip(), code
        indicator = _indicator_of(first)
        if indicator and indicator[1]:
            self.indicator_names.setdefault(*indicator)
            return f"section row: indicator {indicator[0]} {indicator[1]}", None
        return None

    def rows(self, rows: Sequence[tuple[int, Sequence[Any]]]) -> list[_Row]:
        table = [(n, [cell_text(c) for c in cells]) for n, cells in rows]
        header_pos, columns = find_header(table)
        if header_pos is None:
            self.unmapped(None, "no header row: columns read as " + ", ".join(COLUMN_LABELS.values()))
        for kind, label in COLUMN_LABELS.items():
            if kind not in columns and kind != "code":
                self.unmapped(None, f"no {label} column")

        def get(cells: list[str], kind: str) -> str:
            i = columns.get(kind)
            return cells[i] if i is not None and i < len(cells) else ""

        out: list[_Row] = []
        seen: dict[str, int] = {}
        current_sub: str | None = None
        for n, cells in table[header_pos + 1 if header_pos is not None else 0 :]:
            if not any(cells):
                continue
            code, name = whole_code(get(cells, "code")), get(cells, "name")
            both = code_and_name(get(cells, "code"))
            if code is None and both and not name:
                code, name = both
            if code is None:
                section = self.section(cells)
                if header_pos is not None and header_columns(cells) == columns:
                    self.skip(n, "the header again")
                elif section is not None:
                    self.skip(n, section[0])
                    current_sub = section[1] or current_sub
                else:
                    self.skip(n, "no item code (O1..O99): " + " | ".join(c for c in cells if c)[:80])
                continue
            if code in seen:
                self.skip(n, f"{code} again (row {seen[code]} is kept)")
                continue
            seen[code] = n
            sub = self.sub_of(n, code, get(cells, "sub_indicator"), current_sub)
            current_sub = sub or current_sub
            rule_text = get(cells, "year_rule")
            rule = year_rule_of(rule_text, self.fiscal_year)
            if rule is None:
                self.unmapped(n, f'{code} year rule "{rule_text}": not a year rule it knows; year_rule: none')
                rule = YearRule.none
            out.append(_Row(n, code, name, sub, get(cells, "criterion"), rule))
        return out

    def sub_of(self, n: int, code: str, text: str, current: str | None) -> str | None:
        if not text:
            return current
        sub = sub_indicator_of(text)
        if sub:
            if sub[1]:
                self.sub_names.setdefault(sub[0], sub[1])
            return sub[0]
        known = {**(self.base.sub_indicator_names() if self.base else {}), **self.sub_names}
        by_name = next((c for c, name in known.items() if fold(name) == fold(text)), None)
        if by_name:
            return by_name
        self.unmapped(n, f'{code} sub-indicator "{text}": no code like 9.1')
        return current

    def base_item(self, row: _Row) -> Item | None:
        if self.base is None:
            return None
        items = {it.code: it for it in self.base.items if not it.unknown}
        it = items.get(row.code)
        if it is not None and row.name:
            names = [it.name, *it.terms[:1]]
            if max(name_similarity(row.name, n) for n in names) >= CLOSE_NAME:
                return it
        if row.name:
            others = (o for o in items.values() if o.code != row.code)
            other = next((o for o in others if name_similarity(row.name, o.name) >= CLOSE_NAME), None)
            if other is not None:
                self.result.todo.append(
                    f"{row.code}: its name is that of {self.base.id} {other.code} ({other.name}); not reused, "
                    "the codes differ: copy what fits from it"
                )
        return None

    def item(self, row: _Row, source_name: str) -> dict:
        base = self.base_item(row)
        where = f"{source_name} row {row.row}"
        if base is not None:
            self.result.reused.append(row.code)
            data = base.model_dump(mode="json", exclude_unset=True)
            data.update(name=row.name, sub_indicator=row.sub, year_rule=row.year_rule.value)
            data["source"] = f"{where}; terms, elements and rules from {self.base.id} {base.code}"
        else:
            self.result.new.append(row.code)
            data = {"code": row.code, "name": row.name, "sub_indicator": row.sub}
            if row.name:
                data["terms"] = [row.name, *short_names(row.name)]
            else:
                data.update(name=f"ไม่ทราบชื่อรายการ ({row.code})", unknown=True)
                self.unmapped(row.row, f"{row.code} has no name: unknown: true (left out of the score)")
            data.update(year_rule=row.year_rule.value, elements=[], criterion=row.criterion, source=where)
            data["confidence"] = "low"
            if not row.criterion:
                del data["criterion"]
            if row.name:
                self.result.todo.append(
                    f"{row.code}: no elements — only finding the item and its year are checked; add elements"
                )
        return {key: data[key] for key in Item.model_fields if key in data}


def rows_to_catalog(
    rows: Iterable[tuple[int, Sequence[Any]]],
    *,
    catalog_id: str,
    fiscal_year: int,
    scheme: str = "nacc",
    base: Catalog | None = None,
    source_name: str = "the table",
    imported_on: date | None = None,
) -> ImportResult:
    """A catalog (a dict that validates as ``Catalog``) from table rows ``(row number, cells)``, and what it could
    not map. ``base``: items with the same code and a close name keep its terms, elements and rules (name,
    sub-indicator and year rule are the table's); indicators, bands and vocabulary come from it too."""
    imp = _Importer(fiscal_year, base)
    result = imp.result
    table = imp.rows(list(rows))
    if not table:
        raise ImportFileError("no item rows (codes O1..O99) under the header")
    first_sub = next((row.sub for row in table if row.sub), "9.1")
    for row in table:
        if row.sub is None:
            in_base = next((it.sub_indicator for it in (base.items if base else []) if it.code == row.code), None)
            row.sub = in_base or first_sub
            imp.unmapped(row.row, f"{row.code} has no sub-indicator: {row.sub}" + (" (the base's)" if in_base else ""))
    items = [imp.item(row, source_name) for row in table]
    items.sort(key=lambda it: int(it["code"][1:]))
    base_subs = base.sub_indicator_names() if base else {}
    base_indicators = {i.code: i for i in base.indicators} if base else {}
    subs = []
    for code in sorted({it["sub_indicator"] for it in items}, key=lambda c: tuple(int(p) for p in c.split("."))):
        name = imp.sub_names.get(code) or base_subs.get(code)
        if not name:
            name = f"ตัวชี้วัดย่อยที่ {code}"
            imp.unmapped(None, f"sub-indicator {code} has no name: {name}")
        subs.append({"code": code, "name": name, "indicator": code.split(".")[0]})
    indicators = []
    for code in sorted({s["indicator"] for s in subs}, key=int):
        known = base_indicators.get(code)
        name = imp.indicator_names.get(code) or (known.name if known else INDICATOR_NAMES.get(code))
        if not name:
            name = f"ตัวชี้วัดที่ {code}"
            imp.unmapped(None, f"indicator {code} has no name: {name}")
        indicators.append({"code": code, "name": name, "weight": known.weight if known else 1.0})
    all_from_base = base is not None and not result.new
    counts = f"{len(items)} items" + (f", {len(result.reused)} from {base.id}, {len(result.new)} new" if base else "")
    notes = f"Imported from {source_name}" + (f" on {imported_on.isoformat()}" if imported_on else "") + f": {counts}."
    if result.new:
        notes += " New items have no elements: only finding the item and its year are checked."
    cat: dict[str, Any] = {
        "id": catalog_id,
        "scheme": scheme,
        "fiscal_year": fiscal_year,
        "version": "0.1",
        "title": f"ITA ปีงบประมาณ พ.ศ. {fiscal_year} – แบบวัดการเปิดเผยข้อมูลสาธารณะ (OIT) {len(items)} ข้อ",
        "source": f"{source_name}" + (f"; terms, elements and rules of matching items from {base.id}" if base else ""),
        "confidence": base.confidence if all_from_base else "low",
        "notes": notes,
    }
    if base is not None:
        cat["unit_types"] = list(base.unit_types)
    cat.update(indicators=indicators, sub_indicators=subs)
    cat["bands"] = [b.model_dump(mode="json") for b in base.bands] if base else [dict(b) for b in BANDS]
    cat["band_note"] = base.band_note if base else BAND_NOTE
    for key in _VOCABULARY:
        if base is not None and key in base.model_fields_set:
            cat[key] = base.model_dump(mode="json", include={key})[key]
    cat["items"] = items
    Catalog.model_validate(cat)
    result.catalog = cat
    return result


def render_report(result: ImportResult, out: Path | None = None) -> list[str]:
    """The summary ``oit catalog import`` prints."""
    n, reused, new = len(result.catalog["items"]), len(result.reused), len(result.new)
    lines = [f"{n} items imported ({reused} from base, {new} new)"]
    for title, notes in (("skipped rows", result.skipped), ("unmapped", result.unmapped)):
        if notes:
            lines += [f"{title}:", *(f"  {note.render()}" for note in notes)]
    if result.todo:
        lines += ["to do:", *(f"  {text}" for text in result.todo)]
    if out is not None:
        lines.append(f"wrote {out}")
    return lines


# ── files ───────────────────────────────────────────────────────────────────────────────────────────────────────


def decode_csv(raw: bytes) -> tuple[str, str]:
    """(text, encoding): UTF-8 with or without BOM, UTF-16 with BOM, else the Thai Windows code page cp874."""
    if raw.startswith(codecs.BOM_UTF8):
        return raw[len(codecs.BOM_UTF8) :].decode("utf-8"), "utf-8-sig"
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return raw.decode("utf-16"), "utf-16"
    for encoding in ("utf-8", "cp874"):
        try:
            return raw.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    raise ImportFileError("the CSV file is neither UTF-8 nor Thai Windows (cp874) text")


def read_table(path: Path) -> list[tuple[int, list[Any]]]:
    """The rows ``(row number, cells)`` of a spreadsheet: the first sheet of an xlsx file with an item header (merged
    cells filled with their value), or a CSV file (delimiter , ; or tab)."""
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        return _read_xlsx(path)
    if suffix in (".csv", ".tsv", ".txt"):
        try:
            text, _ = decode_csv(path.read_bytes())
        except OSError as exc:
            raise ImportFileError(f"cannot read {path}: {exc}") from exc
        try:
            dialect: Any = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
        except csv.Error:
            dialect = csv.excel
        return list(enumerate(csv.reader(io.StringIO(text), dialect), 1))
    raise ImportFileError(f"{path.name}: give an .xlsx or .csv file (save an .xls file as .xlsx first)")


def _read_xlsx(path: Path) -> list[tuple[int, list[Any]]]:
    import openpyxl

    try:
        book = openpyxl.load_workbook(path, data_only=True)
    except Exception as exc:  # openpyxl raises zipfile, KeyError and its own errors on broken files
        raise ImportFileError(f"cannot read {path.name} as an xlsx workbook: {exc}") from exc
    sheets = []
    for sheet in book.worksheets:
        for cells in list(sheet.merged_cells.ranges):
            value = sheet.cell(cells.min_row, cells.min_col).value
            sheet.unmerge_cells(str(cells))
            # A table's merged cells span a few rows or columns; a crafted sheet may merge a million.
            max_row = min(cells.max_row, cells.min_row + MERGED_SPAN)
            max_col = min(cells.max_col, cells.min_col + MERGED_SPAN)
            for row in range(cells.min_row, max_row + 1):
                for col in range(cells.min_col, max_col + 1):
                    sheet.cell(row, col).value = value
        rows = [(n, list(cells)) for n, cells in enumerate(sheet.iter_rows(values_only=True), 1)]
        sheets.append(rows)
        try:
            find_header([(n, [cell_text(c) for c in cells]) for n, cells in rows])
            return rows
        except ImportFileError:
            continue
    return sheets[0] if sheets else []


class _Dumper(yaml.SafeDumper):
    """Lists indented under their key, short lists and flat mappings on one line, text with line breaks as a
    block."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        return super().increase_indent(flow, False)


def _flat(values: Iterable[Any]) -> bool:
    return all(isinstance(v, str | int | float | bool) for v in values)


_Dumper.add_representer(
    list,
    lambda d, data: d.represent_sequence(
        "tag:yaml.org,2002:seq", data, flow_style=bool(data) and _flat(data) and len(str(data)) <= 100
    ),
)
_Dumper.add_representer(
    dict,
    lambda d, data: d.represent_mapping(
        "tag:yaml.org,2002:map", data, flow_style=_flat(data.values()) and len(str(data)) <= 100
    ),
)
_Dumper.add_representer(
    str,
    lambda d, data: d.represent_scalar("tag:yaml.org,2002:str", data, style="|" if "\n" in data else None),
)


def catalog_yaml(result: ImportResult, source: str, imported_on: date) -> str:
    """The catalog as a readable YAML file, with a header comment on where it came from."""
    cat = result.catalog
    header = [
        f"# OIT items of fiscal year พ.ศ. {cat['fiscal_year']}, imported from {source} on {imported_on.isoformat()}"
        " by `oit catalog import`.",
    ]
    if result.new:
        header.append(
            f"# {len(result.new)} new items ({', '.join(result.new)}) have no elements yet: only finding the item and "
            "its year are checked. Add elements, then run `oit catalog validate`."
        )
    groups = [("indicators",), ("sub_indicators",), ("bands", "band_note"), _VOCABULARY]
    grouped = {key for group in groups for key in group} | {"items"}
    sections = [{k: v for k, v in cat.items() if k not in grouped}]
    sections += [{k: cat[k] for k in group if k in cat} for group in groups]
    dump = {"Dumper": _Dumper, "allow_unicode": True, "sort_keys": False, "width": 116}
    chunks = ["\n".join(header) + "\n", *(yaml.dump(section, **dump) for section in sections if section)]
    items = [
        "\n".join("  " + line if line else line for line in yaml.dump([it], **dump).splitlines()) + "\n"
        for it in cat["items"]
    ]
    chunks.append("items:\n" + "\n".join(items))
    return "\n".join(chunks)
