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


@pytest.mark.parametrize("text", ["", "- a\n- b\n"])
def test_a_file_that_is_not_a_mapping(tmp_path, text):
    path = _write(tmp_path, "list.yaml", text)
    (problem,) = catalog_problems(path)
    assert "mapping" in problem.message_en and THAI.search(problem.message_th)
