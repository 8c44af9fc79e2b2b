"""The one item-code reader (``oitbase.itemcodes``) in each of its uses."""

from __future__ import annotations

import pytest

from oitbase.itemcodes import ItaRow, code_and_name, code_at_start, codes_mentioned, split_code, whole_code

# --- a code at the start of a text: ITA index rows and headings, link texts ---------------------------------


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("O12 รายงานผลการดำเนินงาน", "O12"),
        ("o 2 ข้อมูลผู้บริหาร", "O2"),
        ("O.3 อำนาจหน้าที่", "O3"),
        ("O-4 แผน", "O4"),
        ("O05 คำสั่ง", "O5"),
        ("ข้อ o.5 คำสั่งแบ่งงาน", "O5"),
        ("ข้อO7", "O7"),
        ("O๑๒", "O12"),
        ("Ｏ１２ รายงาน", "O12"),
        ("Ｏ๓๓", "O33"),
        ("- O9: รายงาน", "O9"),
        ("(O10) แผน", "O10"),
    ],
)
def test_code_at_start_reads_the_written_forms(text, code):
    assert code_at_start(text) == code
    assert code_at_start(text, zero_for_letter=True) == code


@pytest.mark.parametrize(
    "text",
    ["O123 x", "ข้อมูลสาธารณะ O12", "Office 365", "OIT", "รายงาน O1", "O", "โครงสร้าง", "", "0๓๕ รายงาน", "01 ข่าว"],
)
def test_code_at_start_needs_the_code_first_and_the_letter(text):
    assert code_at_start(text) is None


def test_a_zero_for_the_letter_is_read_only_when_asked():
    # ITA index rows ("0๓๕" typed with a zero), not link texts, where "01 ข่าว" is a numbered list
    assert split_code("0๓๕ การดำเนินการเพื่อจัดการความเสี่ยง", zero_for_letter=True) == (
        "O35",
        " การดำเนินการเพื่อจัดการความเสี่ยง",
    )
    assert code_at_start("012", zero_for_letter=True) == "O12"
    assert code_at_start("0๓๕") is None


def test_split_code_gives_what_follows_the_code():
    assert split_code("O1 | โครงสร้าง | ลิงก์") == ("O1", " | โครงสร้าง | ลิงก์")
    assert split_code("O12.") == ("O12", ".")  # a dot after the number is the caller's (a label's separator)
    assert split_code("O1") == ("O1", "")
    assert split_code("โครงสร้าง") is None


# --- codes anywhere in a text: is this page an ITA index? ---------------------------------------------------


def test_codes_mentioned_anywhere_distinct_and_normalised():
    text = "ข้อมูล O1 โครงสร้าง, o 2 ผู้บริหาร O.3 และ O๔ (O05) Ｏ6 O1 O01 O๑"
    assert codes_mentioned(text) == {"O1", "O2", "O3", "O4", "O5", "O6"}


def test_codes_mentioned_not_inside_words_or_numbers():
    assert codes_mentioned("PRO12 Radio 1 Studio2 TO5 O123 video 12") == set()
    assert codes_mentioned("O   12") == set()  # spaced out: not one code
    assert codes_mentioned("") == set()


# --- a spreadsheet cell: the catalog import -----------------------------------------------------------------


@pytest.mark.parametrize(("cell", "code"), [("O1", "O1"), ("o 01", "O1"), ("ข้อ O๗", "O7"), ("O1.", "O1"),
                                            (" O-12 ", "O12"), ("Ｏ3", "O3")])  # fmt: skip
def test_whole_code_is_a_cell_that_is_only_a_code(cell, code):
    assert whole_code(cell) == code


@pytest.mark.parametrize("cell", ["O0", "O1 โครงสร้าง", "1", "O100", "โครงสร้าง", "", "ตัวชี้วัด 1"])
def test_whole_code_refuses_anything_else(cell):
    assert whole_code(cell) is None


def test_code_and_name_of_one_cell():
    assert code_and_name("O1 โครงสร้าง") == ("O1", "โครงสร้าง")
    assert code_and_name("O๒. ข้อมูลผู้บริหาร ") == ("O2", "ข้อมูลผู้บริหาร")
    assert code_and_name("ข้อ o 3   อำนาจหน้าที่") == ("O3", "อำนาจหน้าที่")
    for cell in ("O1", "O1.", "O1โครงสร้าง", "O0 ทดสอบ", "โครงสร้าง O1"):
        assert code_and_name(cell) is None


def test_ita_row_is_the_page_the_code_and_the_link():
    row = ItaRow("http://x.go.th/ita.html", "O1", "โครงสร้าง", "")
    assert (row.page_url, row.code, row.label, row.url) == ("http://x.go.th/ita.html", "O1", "โครงสร้าง", "")
