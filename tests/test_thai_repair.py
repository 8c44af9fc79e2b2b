"""Tests for oit.thai_repair: lost and swapped sara am repaired with the pythainlp word list.

The broken words are taken from the text layers of /work/shared/realdocs (MANIFEST.md hard cases).
"""

from __future__ import annotations

import time

import pytest

from crawler.pipelines import text_row
from oit.extract import Extracted
from oit.thai import clean, fold
from oit.thai_repair import is_word, needed, repair, repair_run

# (text layer, what the page shows): sara am lost (Word export, WinAnsi subset without ำ)
LOST = [
    ("สานักงาน", "สำนักงาน"),
    ("ตาบล", "ตำบล"),
    ("ดาเนินการ", "ดำเนินการ"),
    ("กาหนด", "กำหนด"),
    ("จากัด", "จำกัด"),
    ("คาแนะนา", "คำแนะนำ"),
    ("คานา", "คำนำ"),
    ("จัดทาโดย", "จัดทำโดย"),  # "จัด|ทา|โดย": every piece is a word, the repaired run has fewer
    ("ต่าสุด", "ต่ำสุด"),  # tone mark before the lost ำ
    ("ทาหน้าที่", "ทำหน้าที่"),
    ("ประจาปีงบประมาณ", "ประจำปีงบประมาณ"),
    ("สานักงานเทศบาลตาบลหางดง", "สำนักงานเทศบาลตำบลหางดง"),
    ("คาสั่งสานักงานสาธารณสุขอาเภอหนองใหญ่", "คำสั่งสำนักงานสาธารณสุขอำเภอหนองใหญ่"),
    ("ห้างหุ้นส่วนจากัด", "ห้างหุ้นส่วนจำกัด"),
    ("สาหรับตาแหน่งเจ้าพนักงานธุรการ", "สำหรับตำแหน่งเจ้าพนักงานธุรการ"),
]
# every sara aa drawn as sara am (hangdong-integrity-statement.pdf); the real ำ stay
SWAPPED = [
    ("ผู้บริหำร", "ผู้บริหาร"),
    ("คำกล่ำวแสดงเจตจำนงของผู้บริหำร", "คำกล่าวแสดงเจตจำนงของผู้บริหาร"),
    ("นำยกเทศมนตรีตำบลหำงดง", "นายกเทศมนตรีตำบลหางดง"),
    ("ภำยใต้อำนำจหน้ำที่ของเทศบำลตำบลหำงดง", "ภายใต้อำนาจหน้าที่ของเทศบาลตำบลหางดง"),
    ("และด้ำนกำรบำบัดทุกข์บำรุงสุข", "และด้านการบำบัดทุกข์บำรุงสุข"),
    ("นำยจำรูญ", "นายจำรูญ"),
]
# correct text that must never change, whichever direction is allowed
CORRECT = ["นำมา", "ทำงาน", "กำหนดการ", "ตามที่", "สามารถ", "ทา", "นา", "คา", "น้า", "กา", "ราคา",
           "หางดง", "นายจำรูญ", "พรรณานิคม", "ชลบุรี", "เบญจวุฒิ", "ครุฑเมือง", "อุตรดิตถ์", "มาตรา",
           "สาธารณสุข", "ประชาชน", "คานอำนาจ", "การทางการเมือง"]

# A paragraph of each kind, as the text layer has it (several faults, like a real page).
BROKEN_PAGE = ("ประกาศเทศบาลตาบลพอกน้อย\nเรื่อง ประกาศรายชื่อผู้ชนะการเสนอราคา\n"
               "ตามประกาศเทศบาลตาบลพอกน้อย ซึ่งมีผู้ผ่านการพิจารณาคุณสมบัติให้เป็นผู้เสนอราคาจานวน 20 ราย\n"
               "1. บริษัท เจ เจ เอ็น คอนซัลแทนส์ จากัด ซึ่งเป็นผู้เสนอราคาต่าสุด")
FIXED_PAGE = ("ประกาศเทศบาลตำบลพอกน้อย\nเรื่อง ประกาศรายชื่อผู้ชนะการเสนอราคา\n"
              "ตามประกาศเทศบาลตำบลพอกน้อย ซึ่งมีผู้ผ่านการพิจารณาคุณสมบัติให้เป็นผู้เสนอราคาจำนวน 20 ราย\n"
              "1. บริษัท เจ เจ เอ็น คอนซัลแทนส์ จำกัด ซึ่งเป็นผู้เสนอราคาต่ำสุด")
SWAPPED_PAGE = ("คำกล่ำวแสดงเจตจำนงของผู้บริหำร\nข้ำพเจ้ำ นำยจำรูญ เร่งถนอมทรัพย์ นำยกเทศมนตรีตำบลหำงดง "
                "ขอแสดงเจตจำนง ต่อเจ้ำหน้ำที่ในหน่วยงำนต่อสำธำรณชน")
SWAPPED_FIXED = ("คำกล่าวแสดงเจตจำนงของผู้บริหาร\nข้าพเจ้า นายจำรูญ เร่งถนอมทรัพย์ นายกเทศมนตรีตำบลหางดง "
                 "ขอแสดงเจตจำนง ต่อเจ้าหน้าที่ในหน่วยงานต่อสาธารณชน")
# Good text (phukradung-home-2567.html): "ของชา" alone would read as "ของชำ", but the page has
# plenty of ำ, so the document is not repaired.
GOOD_PAGE = ("องค์การบริหารส่วนตำบลภูกระดึง อำเภอภูกระดึง จังหวัดเลย คำถามที่พบบ่อย การดำเนินงาน "
             "สถานที่สำคัญ ร่วมขบวนแห่งานประจำปีของชา ตามที่กำหนดการ นำมาใช้ ทำงาน สามารถ")


@pytest.mark.parametrize(("broken", "shown"), LOST)
def test_lost_sara_am_is_put_back(broken, shown):
    assert not is_word(broken) or broken == "คานา"
    assert repair_run(broken, "า") == shown
    assert repair_run(broken, "าำ") == shown


@pytest.mark.parametrize(("broken", "shown"), SWAPPED)
def test_sara_aa_drawn_as_sara_am_is_put_back(broken, shown):
    assert repair_run(broken, "ำ") == shown
    assert repair_run(broken, "าำ") == shown


@pytest.mark.parametrize("word", CORRECT)
def test_correct_words_never_change(word):
    for flips in ("า", "ำ", "าำ"):
        assert repair_run(word, flips) == word


def test_a_broken_page_is_repaired_in_the_lost_direction_only():
    assert needed(BROKEN_PAGE) == "า"
    assert repair(BROKEN_PAGE) == FIXED_PAGE


def test_a_swapped_page_is_repaired_in_the_swapped_direction_only():
    assert needed(SWAPPED_PAGE) == "ำ"
    assert repair(SWAPPED_PAGE) == SWAPPED_FIXED


@pytest.mark.parametrize("text", [GOOD_PAGE, FIXED_PAGE, SWAPPED_FIXED, "", "hello 123", "ตาม"])
def test_good_text_is_not_touched(text):
    assert needed(text) == ""
    assert repair(text) == text


def test_one_stray_non_word_does_not_trigger_the_repair():
    # a single "ตาบล" in otherwise ำ-free text is not enough evidence (MIN_CHANGES)
    assert repair("ตาบลในเมือง โรงพยาบาลพิชัย") == "ตาบลในเมือง โรงพยาบาลพิชัย"


def test_repair_keeps_fold_spacing_digits_and_latin():
    for text in (BROKEN_PAGE, SWAPPED_PAGE):
        out = repair(text)
        assert fold(out) == fold(text)
        assert out.replace("ำ", "า") == text.replace("ำ", "า")
        assert repair(out) == out  # idempotent: the repaired text has its ำ back


def test_directions_worked_out_once_apply_to_title_and_headings():
    assert repair("ตาบลพอกน้อย", needed(BROKEN_PAGE)) == "ตำบลพอกน้อย"
    assert repair("ตาบลพอกน้อย", "") == "ตาบลพอกน้อย"


def test_stored_text_row_is_repaired_and_its_fold_unchanged():
    ext = Extracted(kind="pdf", title="", headings=["ประกาศเทศบาลตาบลพอกน้อย"], text=BROKEN_PAGE)
    row = text_row("0" * 64, ext)
    assert row["text"] == FIXED_PAGE
    assert row["folded"] == fold(clean(BROKEN_PAGE))
    assert "ประกาศเทศบาลตำบลพอกน้อย" in row["headings"]


def test_a_300_page_document_costs_well_under_a_few_seconds():
    repair("")  # load the dictionary
    # ~5,000 distinct runs, ~450,000 characters: about a 300-page Word export (the run cache
    # does not help across distinct runs)
    runs = [a + b + c for a, _ in LOST for b, _ in LOST for c in CORRECT]
    text = "\n".join(" ".join(runs[i : i + 8]) for i in range(0, len(runs), 8))
    text = (text + "\n") * max(1, 450_000 // len(text))
    start = time.perf_counter()
    out = repair(text)
    assert time.perf_counter() - start < 3.0
    # a few artificial joins stay ("ตาบลการทางการเมือง" reads as the dictionary words ตาบ|ลการ|…)
    assert out.count("ตาบล") < text.count("ตาบล") / 10
