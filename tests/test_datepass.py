"""The date pass's decisions, on OCR results made by hand (no Tesseract): when a page needs it,
which regions it reads, which words are numbers, and how its lines join the first pass's text."""

from __future__ import annotations

import pytest

from oitbase.extract import datepass
from oitbase.extract.ocr import OcrLine, OcrResult, parse_tsv


def line(top: int, text: str, *, height: int = 40, left: int = 100, char: int = 20) -> OcrLine:
    """A Thai line as Tesseract's TSV gives it: one word per character (a space starts a new word
    after a gap)."""
    words, x = [], left
    for ch in text:
        if ch == " ":
            x += height
            continue
        words.append((ch, (x, top, x + char, top + height)))
        x += char
    return OcrLine((left, top, x, top + height), words)


def result(*lines: OcrLine, size: tuple[int, int] = (2480, 3508)) -> OcrResult:
    return OcrResult(text="\n".join(ln.text() for ln in lines), confidence=90.0, lines=list(lines), size=size)


@pytest.mark.parametrize(
    ("text", "needed"),
    [
        ("ประกาศ ณ วันที่ ๑๕ ตุลาคม พ.ศ. ๒๕๒๒", True),  # Thai digits from the Thai model: unverified
        ("ประจำปีงบประมาณ พ.ศ. ๒๕๖๗", True),  # even when plausible: the model cannot write ๖ or ๗
        ("บันทึกข้อความ เรื่อง รายงานผล", True),  # no year at all
        ("ประจำปีงบประมาณ พ.ศ. 2559", False),  # Arabic digits are read reliably
        ("ณ วันที่ 24/9/2558", False),
        ("ตามพระราชบัญญัติข้อมูลข่าวสารของราชการ พ.ศ. 2540", True),  # a law's year says nothing
    ],
)
def test_needs_date_pass(text: str, needed: bool) -> None:
    assert datepass.needs_date_pass(text) is needed


def test_a_year_in_the_text_layer_makes_the_pass_needless() -> None:
    # A slide: its title year is in the text layer, the OCR of its picture has only Thai digits.
    assert not datepass.needs_date_pass("ประจำปี ๒๕๒๐", layer="นโยบาย ประจำปีงบประมาณ 2564")
    assert not datepass.needs_date_pass("", layer="พ.ศ.๒๕๖๕ – ปัจจุบัน")  # Thai digits of a text layer are real
    assert datepass.needs_date_pass("ประจำปี ๒๕๒๐", layer="ผู้บริหาร")


def test_regions_are_the_date_lines_with_context() -> None:
    header = line(300, "ที่ อต ๐๐๓๓.๓๐๒/๕๐๑๕ วันที่ ๒๕ สิงหาคม ๒๕๒๐")
    subject = line(360, "เรื่อง รายงานผล ประจำปีงบประมาณ พ.ศ.๒๕๒")
    body = [line(500 + 60 * i, "เนื้อหาของบันทึก") for i in range(10)]
    signature = line(2600, "ประกาศ ณ วันที่ ๑๕ ตุลาคม พ.ศ. ๒๕๒๒")
    regions = datepass.date_regions(result(header, subject, *body, signature), first_page=True)
    assert regions == [(260, 440), (2560, 2680)]  # header + subject grouped; the signature line


def test_regions_of_a_first_page_without_cues_are_its_bands() -> None:
    regions = datepass.date_regions(result(line(300, "บนทกขอความ")), first_page=True)
    assert regions == [(0, 1052), (2280, 3508)]
    assert datepass.date_regions(result(line(300, "บนทกขอความ")), first_page=False) == []


def test_a_title_year_without_date_line_reads_the_rest_of_the_page() -> None:
    # The first pass dropped "ประกาศ ณ วันที่ …" (noise around it): only the title has พ.ศ.
    regions = datepass.date_regions(result(line(300, "เรื่อง แผน ประจำปีงบประมาณ พ.ศ. ๒๕๒๕")), first_page=True)
    assert regions == [(260, 380), (380, 3508)]


def test_numbers_on_a_line() -> None:
    ln = line(0, "วันที่ ๒๕ สิงหาคม ๒๕๒ซ โทร 055")
    words = [w for w, _ in ln.words]
    runs = [("".join(words[a : b + 1])) for a, b in datepass._runs(ln)]
    assert runs == ["๒๕", "๒๕๒ซ"]  # ซ touching the digits is one; Arabic-only numbers are left alone


def test_a_latin_word_before_a_month_is_the_day() -> None:
    ln = OcrLine((0, 0, 900, 40), [("ณ", (0, 0, 20, 40)), ("lool", (60, 0, 140, 40))]
                 + [(ch, (180 + 20 * i, 0, 200 + 20 * i, 40)) for i, ch in enumerate("กันยายน")])
    assert datepass._runs(ln) == [(1, 1)]


def test_merge_inserts_each_date_line_after_its_first_pass_line() -> None:
    first = result(line(300, "บันทึกข้อความ"), line(360, "วันที่ ๒๕ สิงหาคม ๒๕๒๐"), line(420, "เรื่อง รายงาน"))
    merged = datepass.merge(first.text, first, [(380.0, "วันที่ ๒๙ สิงหาคม ๒๕๖๗"), (3000.0, "พ.ศ. ๒๕๖๗")])
    assert merged.splitlines() == [
        "บันทึกข้อความ", "วันที่ ๒๕ สิงหาคม ๒๕๒๐", "วันที่ ๒๙ สิงหาคม ๒๕๖๗", "เรื่อง รายงาน", "", "พ.ศ. ๒๕๖๗",
    ]  # fmt: skip
    assert all(old in merged.splitlines() for old in first.text.splitlines())  # nothing replaced


def test_parse_tsv_lines_and_size() -> None:
    tsv = "\n".join([
        "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext",
        "1\t1\t0\t0\t0\t0\t0\t0\t2480\t3508\t-1\t",
        "4\t1\t1\t1\t1\t0\t100\t300\t200\t40\t-1\t",
        "5\t1\t1\t1\t1\t1\t100\t300\t20\t40\t95\t๒",
        "5\t1\t1\t1\t1\t2\t121\t300\t20\t40\t95\t๕",
    ])  # fmt: skip
    lines, size = parse_tsv(tsv)
    assert size == (2480, 3508)
    assert [ln.text() for ln in lines] == ["๒๕"] and lines[0].box == (100, 300, 300, 340)
