"""oit.register.read_units: a units register from CSV (UTF-8, BOM, cp874) or XLSX, every bad row named."""

from __future__ import annotations

from pathlib import Path

import pytest

from oit.register import UnitsFileError, read_units, url_problem

HEADER = "code,name,url,type,province,parent,year,email\n"
ROWS = (
    "5340101,องค์การบริหารส่วนตำบลบ้านใหม่,https://www.banmai.go.th,อปท.,เชียงใหม่,อำเภอเมือง,2569,a@b.go.th\n"
    "5340102,เทศบาลตำบลนาดี,nadee.go.th,lao,ลำปาง,อำเภอเกาะคา,,\n"
)


def write(tmp_path: Path, text: str, encoding: str = "utf-8", name: str = "units.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def error_of(path: Path) -> str:
    with pytest.raises(UnitsFileError) as info:
        read_units(path)
    return str(info.value)


def test_csv_with_bom(tmp_path):
    units = read_units(write(tmp_path, HEADER + ROWS, "utf-8-sig"))
    assert [u.code for u in units] == ["5340101", "5340102"]
    first, second = units
    assert first.name == "องค์การบริหารส่วนตำบลบ้านใหม่"
    assert first.type == "lao" and first.year == 2569 and first.email == "a@b.go.th"
    assert second.url == "nadee.go.th" and second.key == "nadee.go.th" and second.year is None


def test_cp874_csv(tmp_path):
    path = write(tmp_path, HEADER + ROWS, "cp874")
    with pytest.raises(UnicodeDecodeError):
        path.read_bytes().decode("utf-8")
    units = read_units(path)
    assert units[1].name == "เทศบาลตำบลนาดี" and units[1].province == "ลำปาง"


def test_xlsx_with_thai_headers_and_number_cells(tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["ลำดับ", "รหัส", "ชื่อหน่วยงาน", "เว็บไซต์", "ประเภท", "จังหวัด", "สังกัด", "ปีงบประมาณ", "อีเมล"])
    sheet.append(
        [1, 5340101, "อบต.บ้าน\u202eใหม่\u200b", "https://banmai.go.th", "lao", "เชียงใหม่", "อำเภอเมือง", 2569, ""]
    )
    sheet.append([None] * 9)
    sheet.append([2, "1002", "วิทยาลัยเทคนิค ก", "http://tech-k.ac.th/", "ovec", "ลำปาง", "สอศ.", "๒๕๖๙", None])
    path = tmp_path / "units.xlsx"
    book.save(path)
    units = read_units(path)
    assert [u.code for u in units] == ["5340101", "1002"]
    assert units[0].name == "อบต.บ้านใหม่"  # bidi override and zero-width space gone
    assert units[0].year == 2569 and units[1].year == 2569
    assert units[1].type == "ovec"


def test_headers_in_both_languages_any_case_and_order(tmp_path):
    text = "URL , Unit Code,ชื่อ (name),Province,สังกัด (parent),Type\nhttps://a.go.th,001,ก\x1b[2J  ข,ตาก,อำเภอ,agency\n"
    (unit,) = read_units(write(tmp_path, text))
    assert (unit.code, unit.url, unit.name, unit.province, unit.parent, unit.type) == (
        "001",
        "https://a.go.th",
        "ก[2J ข",  # the terminal escape character gone, spaces collapsed
        "ตาก",
        "อำเภอ",
        "agency",
    )


def test_missing_required_column(tmp_path):
    message = error_of(write(tmp_path, "code,name,url,type\n1,a,https://a.go.th,lao\n"))
    assert "province" in message and "parent" in message and "missing required column" in message


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        (",ก,https://a.go.th,lao,ตาก,อำเภอ,", "empty code"),
        ("9,ก,,lao,ตาก,อำเภอ,", "empty url"),
        ("9,ก,ftp://a.go.th,lao,ตาก,อำเภอ,", "is not http(s)"),
        ("9,ก,javascript:alert(1),lao,ตาก,อำเภอ,", "is not a web address"),
        ("9,ก,https://a.go.th,lao,ตาก,อำเภอ,2026", "2500–2800"),
        ("9,ก,https://a.go.th,lao,ตาก,อำเภอ,ปีหน้า", "2500–2800"),
        ("9,ก,https://a.go.th,hospital,ตาก,อำเภอ,", "unknown unit type 'hospital'"),
    ],
)
def test_each_bad_row_named_with_its_number(tmp_path, row, expected):
    good = "1,ข,https://b.go.th,,ตาก,อำเภอ,\n"
    text = "code,name,url,type,province,parent,year\n" + good + "\n" + row + "\n"
    message = error_of(write(tmp_path, text))
    assert "row 4" in message and "แถว 4" in message  # header 1, good 2, blank 3
    assert expected in message
    assert "row 2" not in message


def test_every_bad_row_listed_and_duplicate_codes_refused(tmp_path):
    text = (
        "code,name,url,type,province,parent\n"
        "7,ก,https://a.go.th,lao,ตาก,อำเภอ\n"
        ",ข,https://b.go.th,lao,ตาก,อำเภอ\n"
        "7,ค,https://c.go.th,lao,ตาก,อำเภอ\n"
    )
    message = error_of(write(tmp_path, text))
    assert "row 3" in message and "empty code" in message
    assert "row 4" in message and "duplicate code 7, also on row 2" in message


def test_bad_files(tmp_path):
    assert "only .csv or .xlsx" in error_of(write(tmp_path, "x", name="units.xls"))
    assert "empty" in error_of(write(tmp_path, "\n\n"))
    assert "neither UTF-8 nor TIS-620" in error_of(_undecodable(tmp_path))
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"not a zip")
    assert "cannot open the .xlsx file" in error_of(broken)


def _undecodable(tmp_path: Path) -> Path:
    path = tmp_path / "bad.csv"
    path.write_bytes(HEADER.encode() + b"\xdb\xfc\xfd\xfe\n")  # undefined in cp874, invalid UTF-8
    return path


@pytest.mark.parametrize(
    ("url", "ok"),
    [
        ("abc.go.th", True),
        ("https://www.abc.go.th/index.php", True),
        ("http://127.0.0.1:8080/", True),
        ("mailto:a@abc.go.th", False),
        ("https://user:pw@abc.go.th/", False),
        ("https://abc.go.th/ a", False),
        ("intranet", False),
    ],
)
def test_url_problem(url, ok):
    assert (url_problem(url) == "") is ok
