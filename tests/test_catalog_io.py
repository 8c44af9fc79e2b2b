"""Catalog files in and out: ``oit catalog validate`` explains each problem (Thai and English, file and line), and
``oit catalog import`` turns a spreadsheet of NACC's items into a catalog file."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner

from checklist.catalog import bundled_catalogs
from checklist.catalog_check import catalog_problems
from oit.catalog_cli import catalog

THAI = re.compile("[\u0e01-\u0e5b]")

HEADER = """\
id: test-2570
fiscal_year: 2570
version: "0.1"
indicators:
  - {code: "9", name: "การเปิดเผยข้อมูล"}
sub_indicators:
  - {code: "9.1", name: "ข้อมูลพื้นฐาน", indicator: "9"}
bands:
  - {name: "ผ่าน", min: 0}
"""


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def _line_of(path: Path, text: str, nth: int = 1) -> int:
    """The 1-based line of the ``nth`` line of ``path`` that contains ``text``."""
    hits = [n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if text in line]
    return hits[nth - 1]


def _by_line(problems) -> dict[int, object]:
    return {p.line: p for p in problems}


# ── validate ────────────────────────────────────────────────────────────────────────────────────────────────────


def test_every_field_error_has_its_line_and_both_languages(tmp_path):
    path = _write(
        tmp_path,
        "bad.yaml",
        HEADER
        + """\
confidance: low
items:
  - code: O1
    name: "โครงสร้าง"
    sub_indicator: "9.1"
    year_rule: asessed
  - code: O2
    name: "ผู้บริหาร"
    sub_indicator: "9.1"
    elements:
      - id: phone
        label: "เบอร์โทรศัพท์"
      - id: email
        label: "อีเมล"
        pattern: "([a-z]+@"
  - code: X3
    sub_indicator: "9.1"
    termz: ["ข่าว"]
    confidence: sure
""",
    )
    problems = catalog_problems(path)
    at = _by_line(problems)
    assert len(problems) == 8, [p.render() for p in problems]
    for p in problems:
        assert p.file == path and THAI.search(p.message_th) and re.search("[a-z]{3}", p.message_en), p
    assert "`confidence`" in at[_line_of(path, "confidance")].message_en  # closest valid field suggested
    assert "did you mean 'assessed'" in at[_line_of(path, "asessed")].message_en
    assert at[_line_of(path, "asessed")].where == "items[0] (O1).year_rule"
    assert "no condition" in at[_line_of(path, "id: phone")].message_en
    assert "ไม่มีเงื่อนไข" in at[_line_of(path, "id: phone")].message_th
    assert at[_line_of(path, "id: phone")].where == "items[1] (O2).elements[0]"
    assert "regular expression" in at[_line_of(path, "pattern:")].message_en
    code_line = _line_of(path, "code: X3")
    on_code = [p.message_en for p in problems if p.line == code_line]  # the bad code, and the missing name
    assert any("O1..O99" in m for m in on_code) and any("missing required field `name`" in m for m in on_code)
    assert "did you mean `terms`" in at[_line_of(path, "termz")].message_en
    assert "'high', 'medium' or 'low'" in at[_line_of(path, "sure")].message_th
    assert [p.line for p in problems] == sorted(p.line for p in problems)


def test_catalog_wide_errors_are_all_found_by_code(tmp_path):
    path = _write(
        tmp_path,
        "wide.yaml",
        HEADER.replace(
            '"ข้อมูลพื้นฐาน", indicator: "9"}',
            '"ข้อมูลพื้นฐาน", indicator: "9"}\n  - {code: "10.1", name: "การป้องกัน", indicator: "10"}',
        )  # fmt: skip
        + """\
unit_types: [lao, city]
items:
  - code: O1
    name: "โครงสร้าง"
    sub_indicator: "9.1"
  - code: O2
    name: "ผู้บริหาร"
    sub_indicator: "9.9"
  - code: O1
    name: "ข้อมูลการติดต่อ"
    sub_indicator: "9.1"
  - code: O4
    name: "ข่าว"
    sub_indicator: "9.1"
    not_kinds: [plann]
""",
    )
    at = _by_line(catalog_problems(path))
    assert set(at) == {
        _line_of(path, 'indicator: "10"'),
        _line_of(path, "city"),
        _line_of(path, '"9.9"'),
        _line_of(path, "code: O1", 2),
        _line_of(path, "plann"),
    }
    dup = at[_line_of(path, "code: O1", 2)]
    assert "O1" in dup.message_en and f"line {_line_of(path, 'code: O1')}" in dup.message_en
    assert "ซ้ำ" in dup.message_th
    assert "ตัวชี้วัดย่อย 9.9" in at[_line_of(path, '"9.9"')].message_th
    assert at[_line_of(path, "plann")].where == "items[3] (O4).not_kinds"


def test_errors_of_an_extends_child_point_at_the_file_that_gives_the_field(tmp_path):
    base = _write(
        tmp_path,
        "base.yaml",
        HEADER
        + """\
items:
  - code: O1
    name: "โครงสร้าง"
    sub_indicator: "9.1"
    confidence: sure
  - code: O2
    name: "ผู้บริหาร"
    sub_indicator: "9.1"
    year_rule: nonee
""",
    )
    child = _write(
        tmp_path,
        "child.yaml",
        """\
extends: base.yaml
id: child-2571
fiscal_year: 2571
item_overrides:
  - code: O1
    confidence: high
    evidence_kind: pdf
  - code: O9
    name: "ไม่มีในต้นแบบ"
items:
  - code: O3
    name: "ข่าว"
    sub_indicator: "9.1"
    elements:
      - {id: news, label: "ข่าว"}
""",
    )
    problems = catalog_problems(child)
    where = {(p.file.name, p.line): p for p in problems}
    assert set(where) == {
        ("child.yaml", _line_of(child, "evidence_kind")),  # the override gives it
        ("child.yaml", _line_of(child, "code: O9")),  # the base has no O9
        ("child.yaml", _line_of(child, "id: news")),  # a whole item of the child
        ("base.yaml", _line_of(base, "nonee")),  # O2 comes from the base as it is
    }, [p.render() for p in problems]
    assert where["child.yaml", _line_of(child, "evidence_kind")].where == "items[0] (O1).evidence_kind"
    assert "O9" in where["child.yaml", _line_of(child, "code: O9")].message_th
    # O1's bad confidence of the base is replaced by the child: not a problem of the child.
    assert not any("sure" in p.message_en for p in problems)


def test_syntax_error_gives_the_line(tmp_path):
    path = _write(tmp_path, "syntax.yaml", HEADER + "items:\n  - code: O1\n    name: ข้อมูล: การติดต่อ\n")
    (problem,) = catalog_problems(path)
    assert problem.line == _line_of(path, "name: ข้อมูล")
    assert "YAML" in problem.message_en and "ไวยากรณ์" in problem.message_th
    quote = _write(tmp_path, "quote.yaml", HEADER + 'items:\n  - code: "O1\n    name: x\n')
    assert catalog_problems(quote)[0].line == _line_of(quote, 'code: "O1')


def test_bundled_catalogs_have_no_problems():
    for path in bundled_catalogs():
        assert catalog_problems(path) == [], path


def test_validate_command_prints_file_line_and_exits_1(tmp_path):
    good = _write(tmp_path, "good.yaml", HEADER + 'items:\n  - {code: O1, name: "โครงสร้าง", sub_indicator: "9.1"}\n')
    bad = _write(tmp_path, "bad.yaml", HEADER + 'items:\n  - {code: O1, name: "โครงสร้าง", sub_indicator: "9.2"}\n')
    runner = CliRunner()
    result = runner.invoke(catalog, ["validate", str(good)])
    assert result.exit_code == 0 and result.output.startswith(f"OK   {good}: test-2570, 1 items")
    result = runner.invoke(catalog, ["validate", str(good), str(bad)])
    assert result.exit_code == 1
    line = next(ln for ln in result.output.splitlines() if ln.startswith(f"{bad}:"))
    assert line.startswith(f"{bad}:{_line_of(bad, '9.2')}: ข้อ O1 อ้างถึงตัวชี้วัดย่อย 9.2")
    assert " / item O1 names unknown sub-indicator 9.2" in line
    assert f"OK   {good}" in result.output
    result = runner.invoke(catalog, ["validate"])
    assert result.exit_code == 0 and result.output.count("OK   ") == len(bundled_catalogs())


def test_all_top_level_errors_are_reported(tmp_path):
    path = _write(tmp_path, "top.yaml", 'id: top\nfiscal_year: "พ.ศ. 2570"\nitems: {O1: x}\n')
    problems = catalog_problems(path)
    missing = {(1, field) for field in ("version", "indicators", "sub_indicators", "bands")}  # at the first line
    assert {(p.line, p.where) for p in problems} == {*missing, (2, "fiscal_year"), (3, "items")}
    assert "`fiscal_year` must be a whole number, got 'พ.ศ. 2570'" in _by_line(problems)[2].message_en
    assert "ต้องเป็นรายการ" in _by_line(problems)[3].message_th


@pytest.mark.parametrize("text", ["", "- a\n- b\n"])
def test_a_file_that_is_not_a_mapping(tmp_path, text):
    path = _write(tmp_path, "list.yaml", text)
    (problem,) = catalog_problems(path)
    assert "mapping" in problem.message_en and THAI.search(problem.message_th)


# ── import ──────────────────────────────────────────────────────────────────────────────────────────────────────


def _import(*args: str):
    return CliRunner().invoke(catalog, ["import", *args])


def _xlsx(path: Path) -> Path:
    """NACC's table as agencies copy it: a title, English headers, the sub-indicator cell merged down its items,
    a section row, the header repeated after a page break."""
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    rows = [
        ["OIT items, fiscal year 2570"],
        ["Code", "Name", "Sub-indicator", "What must be shown", "Year rule"],
        ["O1", "โครงสร้าง", "9.1 ข้อมูลพื้นฐาน", "แผนผังโครงสร้าง", "-"],
        ["O2", "ข้อมูลผู้บริหาร", None, "ชื่อ ตำแหน่ง ช่องทางติดต่อ", None],
        ["O4", "แผนยุทธศาสตร์หรือแผนพัฒนาหน่วยงาน", None, "แผนที่ใช้ในปีที่ประเมิน", "assessed"],
        ["Code", "Name", "Sub-indicator", "What must be shown", "Year rule"],
        ["9.2 การบริหารงาน"],
        ["O12", "รายงานการกำกับติดตามการดำเนินงานและการใช้งบประมาณประจำปี รอบ 6 เดือน", "9.2", "", "รอบ 6 เดือน"],
        ["O13", "รายงานผลการดำเนินงานประจำปี", "9.2", "ผลการดำเนินงาน", "ปีงบประมาณ พ.ศ. ๒๕๖๙"],
        ["O44", "การเปิดเผยข้อมูลการใช้จ่ายเงินสวัสดิการ (ข้อใหม่)", "9.6 ข้อมูลการเงิน", "รายการเบิกจ่าย", "ทุกไตรมาส"],
    ]
    for row in rows:
        sheet.append(row)
    sheet.merge_cells("C3:C5")
    book.save(path)
    return path


def test_import_xlsx_reuses_base_items_and_maps_year_rules(tmp_path):
    out = tmp_path / "nacc-2570.yaml"
    result = _import(str(_xlsx(tmp_path / "items.xlsx")), "--id", "nacc-2570", "--base", "nacc-2566", "--out", str(out))
    assert result.exit_code == 0, result.output
    from checklist.catalog import load_catalog

    cat = load_catalog(out)
    base = load_catalog("nacc-2566")
    assert (cat.id, cat.fiscal_year, cat.confidence) == ("nacc-2570", 2570, "low")
    assert [it.code for it in cat.items] == ["O1", "O2", "O4", "O12", "O13", "O44"]
    rules = {it.code: it.year_rule.value for it in cat.items}
    assert rules == {
        "O1": "none",
        "O2": "none",
        "O4": "assessed",
        "O12": "first_half",
        "O13": "previous",
        "O44": "none",
    }
    for code in ("O1", "O2", "O4", "O12", "O13"):  # same code, same name: the base's terms and elements
        assert cat.item(code).elements == base.item(code).elements and cat.item(code).terms == base.item(code).terms
    assert cat.item("O2").sub_indicator == "9.1"  # the merged cell
    new = cat.item("O44")
    assert (new.sub_indicator, new.elements, new.confidence, new.criterion) == ("9.6", [], "low", "รายการเบิกจ่าย")
    assert new.terms == ["การเปิดเผยข้อมูลการใช้จ่ายเงินสวัสดิการ (ข้อใหม่)", "การเปิดเผยข้อมูลการใช้จ่ายเงินสวัสดิการ"]
    assert cat.sub_indicator_names()["9.6"] == "ข้อมูลการเงิน"
    assert cat.indicator_names() == {"9": "การเปิดเผยข้อมูล"} and [b.min for b in cat.bands] == [b.min for b in base.bands]
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# OIT items of fiscal year พ.ศ. 2570, imported from items.xlsx on ")
    assert "โครงสร้าง" in text  # readable Thai, not escapes
    output = result.output
    assert "6 items imported (5 from base, 1 new)" in output
    assert "row 6: the header again" in output and "row 7: section row: sub-indicator 9.2 การบริหารงาน" in output
    assert 'row 10: O44 year rule "ทุกไตรมาส"' in output
    assert "O44: no elements — only finding the item and its year are checked; add elements" in output
    assert f"wrote {out}" in output


def test_import_cp874_csv_with_thai_headers(tmp_path, monkeypatch):
    lines = [
        "ข้อ,ชื่อรายการ,ข้อมูลที่ต้องแสดง,ช่วงเวลา",
        "ตัวชี้วัดย่อยที่ 9.1 ข้อมูลพื้นฐาน,,,",
        "O1,โครงสร้าง,แผนผัง,ไม่กำหนด",
        "O๕,ข้อมูลการติดต่อ,ที่อยู่ เบอร์โทร,",
        "9.2 การบริหารงาน,,,",
        'O11,แผนดำเนินงานและการใช้งบประมาณประจำปี,"แผน, งบประมาณ",ปีปัจจุบัน',
        "O12,รายงานผลการใช้งบประมาณ,,ปีที่ประเมินหรือปีก่อนหน้า",
        "O13,รายงานผลการดำเนินงานประจำปี,,ปีก่อนหน้า",
        "O14,คู่มือการปฏิบัติงาน,,ตามความเหมาะสม",
        "รวม 6 ข้อ,,,",
    ]
    path = tmp_path / "รายการ.csv"
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("cp874"))
    monkeypatch.chdir(tmp_path)
    result = _import(str(path), "--year", "2570", "--base", "nacc-2566")
    assert result.exit_code == 0, result.output
    from checklist.catalog import load_catalog

    cat = load_catalog(tmp_path / "nacc-2570.yaml")  # the default --out
    base = load_catalog("nacc-2566")
    assert [it.code for it in cat.items] == ["O1", "O5", "O11", "O12", "O13", "O14"]
    assert {it.code: it.sub_indicator for it in cat.items} == {
        "O1": "9.1", "O5": "9.1", "O11": "9.2", "O12": "9.2", "O13": "9.2", "O14": "9.2"}  # fmt: skip
    rules = {it.code: it.year_rule.value for it in cat.items}
    assert rules == {"O1": "none", "O5": "none", "O11": "assessed", "O12": "assessed_or_previous", "O13": "previous",
                     "O14": "none"}  # fmt: skip
    assert cat.item("O5").elements == base.item("O5").elements
    assert cat.item("O11").elements == base.item("O11").elements
    assert cat.item("O12").elements == [] and cat.item("O14").elements == []  # other names than the base's
    assert cat.item("O11").criterion == base.item("O11").criterion  # the base's criterion, not the cell's
    assert "6 items imported (4 from base, 2 new)" in result.output
    assert 'row 9: O14 year rule "ตามความเหมาะสม"' in result.output
    assert "row 10: no item code (O1..O99): รวม 6 ข้อ" in result.output
    assert "row 2: section row: sub-indicator 9.1 ข้อมูลพื้นฐาน" in result.output
    assert "no sub-indicator column" in result.output


def test_import_refuses_to_overwrite(tmp_path):
    csv_file = tmp_path / "items.csv"
    csv_file.write_text("\ufeffcode,name,year rule\nO1,โครงสร้าง,none\n", encoding="utf-8")
    out = tmp_path / "mine.yaml"
    out.write_text("keep me\n", encoding="utf-8")
    result = _import(str(csv_file), "--id", "mine-2570", "--out", str(out))
    assert result.exit_code == 2 and "--force" in result.output and out.read_text(encoding="utf-8") == "keep me\n"
    result = _import(str(csv_file), "--id", "mine-2570", "--out", str(out), "--force")
    assert result.exit_code == 0, result.output
    from checklist.catalog import load_catalog

    cat = load_catalog(out)
    assert (cat.id, cat.confidence, cat.item("O1").terms, [b.name for b in cat.bands]) == (
        "mine-2570", "low", ["โครงสร้าง"], ["ผ่านดีเยี่ยม", "ผ่านดี", "ต้องปรับปรุง", "ต้องปรับปรุงโดยด่วน"])  # fmt: skip
    assert "no sub-indicator column" in result.output and "1 items imported (0 from base, 1 new)" in result.output


def test_import_needs_the_year(tmp_path):
    csv_file = tmp_path / "items.csv"
    csv_file.write_text("code,name\nO1,โครงสร้าง\n", encoding="utf-8")
    result = _import(str(csv_file), "--id", "mine")
    assert result.exit_code == 2 and "--year" in result.output
    result = _import(str(csv_file), "--id", "nacc-2570", "--year", "2569")
    assert result.exit_code == 2 and "2569" in result.output
    result = _import(str(csv_file), "--year", "2570", "--out", str(tmp_path / "x.yaml"))
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("", "none"), ("-", "none"), ("ไม่กำหนด", "none"), ("none", "none"),
        ("ปีที่ประเมิน", "assessed"), ("ปีปัจจุบัน", "assessed"), ("Assessed year", "assessed"),
        ("พ.ศ. 2570", "assessed"), ("ปีงบประมาณ พ.ศ. ๒๕๗๐", "assessed"), ("FY 2027", "assessed"),
        ("ปีก่อนหน้า", "previous"), ("ปีที่ผ่านมา", "previous"), ("previous", "previous"), ("พ.ศ. 2569", "previous"),
        ("รอบ 6 เดือน", "first_half"), ("ครึ่งปีแรก", "first_half"), ("ต.ค. 2569 – มี.ค. 2570", "first_half"),
        ("พ.ศ. 2569 หรือ 2570", "assessed_or_previous"), ("first_half", "first_half"),
        ("วิเคราะห์ผลการประเมินปีก่อน", "analysis_of_previous"),
        ("พ.ศ. 2560", None), ("ทุกไตรมาส", None),
    ],
)  # fmt: skip
def test_year_rule_cells(text, rule):
    from checklist.catalog_import import year_rule_of

    got = year_rule_of(text, 2570)
    assert (got.value if got else None) == rule


def test_headers_are_matched_loosely():
    from checklist.catalog_import import decode_csv, header_columns

    assert header_columns(["ข้อ", "ชื่อรายการ", "ตัวชี้วัดย่อย", "ข้อมูลที่ต้องแสดง", "ปี"]) == {
        "code": 0, "name": 1, "sub_indicator": 2, "criterion": 3, "year_rule": 4}  # fmt: skip
    assert header_columns(["รหัส", " ประเด็น ", "Sub - Indicator", "What must be shown", "Year Rule"]) == {
        "code": 0, "name": 1, "sub_indicator": 2, "criterion": 3, "year_rule": 4}  # fmt: skip
    thai = "ข้อ,ชื่อ\n"
    assert decode_csv(thai.encode("utf-8-sig")) == (thai, "utf-8-sig")
    assert decode_csv(thai.encode("utf-8")) == (thai, "utf-8")
    assert decode_csv(thai.encode("cp874")) == (thai, "cp874")


def test_a_fiscal_years_own_span_is_that_year() -> None:
    """"ปีงบประมาณ 2569 (1 ต.ค. 2568 – 30 ก.ย. 2569)" is the assessed year, not "this year or last": a date in
    October–December belongs to the next fiscal year."""
    from checklist.catalog import YearRule
    from checklist.catalog_import import year_rule_of

    assert year_rule_of("ปีงบประมาณ 2569 (1 ต.ค. 2568 – 30 ก.ย. 2569)", 2569) is YearRule.assessed
    assert year_rule_of("ตุลาคม 2567 – กันยายน 2568", 2569) is YearRule.previous


def test_headers_units_write_for_what_must_be_published():
    from checklist.catalog_import import header_columns

    cols = header_columns(["ตัวชี้วัดย่อย", "ข้อ", "ประเด็นการตรวจ", "ข้อมูลที่ต้องเผยแพร่", "ช่วงเวลา"])
    assert cols == {"sub_indicator": 0, "code": 1, "name": 2, "criterion": 3, "year_rule": 4}
