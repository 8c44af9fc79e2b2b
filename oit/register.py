"""Read a units register (one row per government unit and its website) from a CSV or XLSX file.

The header row names the columns, in English or Thai, in any case and order (``code, name, url, type, province,
parent`` and optionally ``year, catalog, email, webhook``); other columns are ignored. A header may carry both
languages (``รหัส (code)``). Cell text is untrusted: control and format characters are removed, spaces collapsed.
Every bad row is reported at once, with its row number as a spreadsheet shows it (the header is row 1).
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from urllib.parse import urlsplit

from pydantic import ValidationError

from checklist.catalog import normalise_unit_type
from crawler.urls import ensure_scheme
from oit.cli_common import plain
from oitbase.thai import to_arabic_digits
from oitbase.units import Unit

REQUIRED = ("code", "name", "url", "type", "province", "parent")
OPTIONAL = ("year", "catalog", "email", "webhook")

#: Header spellings (lower case, spaces, ``_``, ``-`` and ``.`` removed) → field.
HEADERS = {
    "code": "code", "unitcode": "code", "รหัส": "code", "รหัสหน่วยงาน": "code", "รหัสอปท": "code",
    "name": "name", "unitname": "name", "ชื่อ": "name", "ชื่อหน่วยงาน": "name", "หน่วยงาน": "name",
    "url": "url", "website": "url", "web": "url", "เว็บไซต์": "url", "เว็บ": "url", "ที่อยู่เว็บไซต์": "url",
    "type": "type", "unittype": "type", "ประเภท": "type", "ประเภทหน่วยงาน": "type",
    "province": "province", "จังหวัด": "province",
    "parent": "parent", "สังกัด": "parent", "หน่วยงานต้นสังกัด": "parent", "ต้นสังกัด": "parent",
    "year": "year", "fiscalyear": "year", "ปีงบประมาณ": "year", "ปีงบ": "year", "ปี": "year",
    "catalog": "catalog", "แบบตรวจ": "catalog",
    "email": "email", "อีเมล": "email", "อีเมล์": "email",
    "webhook": "webhook",
}  # fmt: skip

_HEADER_NOISE = re.compile(r"[\s_\-.]+")
_PAREN = re.compile(r"^(.*?)\s*[(（](.*?)[)）]\s*$")
_CSV_ENCODINGS = ("utf-8-sig", "cp874")


class UnitsFileError(ValueError):
    """The units file cannot be read, or some of its rows are wrong; the message lists every problem."""


def read_units(path: Path) -> list[Unit]:
    """The units of the register at ``path`` (``.csv`` or ``.xlsx``), in file order; blank rows skipped.

    Raises :class:`UnitsFileError` naming every bad row (missing column, empty code or url, duplicate code,
    a url that is not http(s), a year outside พ.ศ. 2500–2800, an unknown unit type)."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".csv":
        rows = _csv_rows(path)
    elif suffix == ".xlsx":
        rows = _xlsx_rows(path)
    else:
        raise UnitsFileError(
            f"{path}: อ่านได้เฉพาะไฟล์ .csv หรือ .xlsx (only .csv or .xlsx units files are read; "
            "save an .xls or .ods file as .xlsx or CSV)"
        )
    return _units(path, rows)


# --- reading the cells -------------------------------------------------------------------------------------------


def _csv_rows(path: Path) -> list[list[str]]:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise UnitsFileError(f"{path}: อ่านไฟล์ไม่ได้ (cannot read the file: {exc.strerror or exc})") from exc
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        encodings: tuple[str, ...] = ("utf-16",)  # Excel's "Unicode text"
    else:
        encodings = _CSV_ENCODINGS
    for encoding in encodings:
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise UnitsFileError(
            f"{path}: อ่านตัวอักษรในไฟล์ไม่ได้ ต้องเป็น UTF-8 หรือ TIS-620 (the file is neither UTF-8 nor TIS-620/cp874 text)"
        )
    first = text.split("\n", 1)[0]
    delimiter = max((",", ";", "\t"), key=first.count)
    try:
        return list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error as exc:
        raise UnitsFileError(f"{path}: ไฟล์ CSV เสีย (malformed CSV: {exc})") from exc


def _xlsx_rows(path: Path) -> list[list[str]]:
    import zipfile

    from openpyxl import load_workbook

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except (OSError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise UnitsFileError(f"{path}: เปิดไฟล์ Excel ไม่ได้ (cannot open the .xlsx file: {exc})") from exc
    try:
        if not workbook.worksheets:
            return []
        return [[_cell(v) for v in row] for row in workbook.worksheets[0].iter_rows(values_only=True)]
    finally:
        workbook.close()


def _cell(value: object) -> str:
    """An Excel cell as text: ``5340101.0`` (a number cell) → ``5340101``; empty → ``""``."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def clean(text: str) -> str:
    """Untrusted cell text made plain: no control or format characters, one space between words."""
    return " ".join(plain(text).split())


# --- the header and the rows -------------------------------------------------------------------------------------


def _field_of(header: str) -> str | None:
    text = clean(header).lower()
    candidates = [text]
    if m := _PAREN.match(text):
        candidates += [m.group(1), m.group(2)]
    for candidate in candidates:
        field = HEADERS.get(_HEADER_NOISE.sub("", candidate))
        if field:
            return field
    return None


def _header(path: Path, cells: list[str]) -> dict[str, int]:
    """Field → column index; UnitsFileError for a missing required column or one named twice."""
    columns: dict[str, int] = {}
    problems = []
    for index, cell in enumerate(cells):
        field = _field_of(cell)
        if field is None:
            continue
        if field in columns:
            problems.append(f"คอลัมน์ {field} ซ้ำ (column {field!r} appears twice: {clean(cell)!r})")
        columns.setdefault(field, index)
    missing = [f for f in REQUIRED if f not in columns]
    if missing:
        problems.append(
            f"ไม่มีคอลัมน์ {', '.join(missing)} ในแถวหัวตาราง (missing required column(s): {', '.join(missing)}; "
            f"the header row needs {', '.join(REQUIRED)})"
        )
    if problems:
        raise UnitsFileError(f"{path}: แถวหัวตาราง (header row) ผิด:\n" + "\n".join(f"  {p}" for p in problems))
    return columns


def _numbered(rows: Iterable[list[str]]) -> Iterator[tuple[int, list[str]]]:
    """(row number, cells) of the non-blank rows; the first row is 1."""
    for number, cells in enumerate(rows, start=1):
        if any(clean(c) for c in cells):
            yield number, cells


def _units(path: Path, rows: list[list[str]]) -> list[Unit]:
    numbered = _numbered(rows)
    first = next(numbered, None)
    if first is None:
        raise UnitsFileError(f"{path}: ไฟล์ว่าง (the units file is empty)")
    columns = _header(path, first[1])
    units: list[Unit] = []
    problems: list[str] = []
    seen: dict[str, int] = {}
    for number, cells in numbered:
        values = {f: clean(cells[i]) if i < len(cells) else "" for f, i in columns.items()}
        unit, wrong = _unit(values)
        code = values["code"]
        if code and code in seen:
            wrong.append(f"รหัส {code} ซ้ำกับแถว {seen[code]} (duplicate code {code}, also on row {seen[code]})")
        elif code:
            seen[code] = number
        if wrong:
            problems += [f"  แถว {number} (row {number}): {w}" for w in wrong]
        elif unit is not None:
            units.append(unit)
    if problems:
        raise UnitsFileError(
            f"{path}: มีแถวที่ผิด {len(problems)} จุด (the units file has {len(problems)} problem(s)):\n"
            + "\n".join(problems)
        )
    return units


def _unit(values: dict[str, str]) -> tuple[Unit | None, list[str]]:
    """The unit one row describes, or the problems with it."""
    wrong = []
    values["code"] = to_arabic_digits(values["code"])
    if not values["code"]:
        wrong.append("ไม่มีรหัสหน่วยงาน (empty code)")
    url = values["url"]
    if not url:
        wrong.append("ไม่มีเว็บไซต์ (empty url)")
    elif problem := url_problem(url):
        wrong.append(problem)
    year: int | None = None
    if values.get("year"):
        text = to_arabic_digits(values["year"])
        year = int(text) if text.isdigit() else None
        if year is None or not 2500 <= year <= 2800:
            wrong.append(
                f"ปีงบประมาณ {values['year']!r} ไม่ใช่ปี พ.ศ. (year {values['year']!r} is not a Buddhist-era "
                "fiscal year 2500–2800, e.g. 2569)"
            )
    unit_type = values.get("type", "")
    if unit_type:
        known = known_unit_type(unit_type)
        if known is None:
            wrong.append(
                f"ไม่รู้จักประเภทหน่วยงาน {unit_type!r} (unknown unit type {unit_type!r}: use อปท./lao, agency, "
                f"school or a scheme: {', '.join(_schemes())})"
            )
        unit_type = known or ""
    if wrong:
        return None, wrong
    fields = {k: v for k, v in values.items() if k != "year"}
    try:
        return Unit(**{**fields, "type": unit_type, "year": year}), []
    except ValidationError as exc:  # pragma: no cover - every field is a string checked above
        return None, [str(exc)]


def url_problem(url: str) -> str:
    """Why ``url`` is not a unit's website (empty: it is one); a bare host ``abc.go.th`` is one."""
    if any(ch.isspace() for ch in url):
        return f"เว็บไซต์ {url!r} มีช่องว่าง (url {url!r} contains spaces)"
    try:
        parts = urlsplit(ensure_scheme(url))
        host = parts.hostname or ""
        parts.port  # noqa: B018 - raises ValueError for a bad port
    except ValueError:
        parts, host = None, ""
    if parts is not None and host and parts.scheme.lower() not in ("http", "https"):
        return f"เว็บไซต์ {url!r} ไม่ใช่ http/https (url {url!r} is not http(s))"
    if parts is None or not host or "@" in parts.netloc or ("." not in host and host != "localhost"):
        return f"เว็บไซต์ {url!r} ไม่ใช่ที่อยู่เว็บ (url {url!r} is not a web address, e.g. https://www.abc.go.th)"
    return ""


def known_unit_type(value: str) -> str | None:
    """The register's unit type for ``value`` (``อปท.`` → ``lao``; a bundled catalog's scheme, ``ovec``, as is),
    or None when no bundled catalog knows it."""
    try:
        return normalise_unit_type(value)
    except ValueError:
        pass
    scheme = value.strip().lower()
    return scheme if scheme in _schemes() else None


def _schemes() -> list[str]:
    from checklist.catalog_years import bundled_schemes

    return sorted(bundled_schemes())
