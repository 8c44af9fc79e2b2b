"""Tests for oitbase.thaidates: Thai dates, fiscal years and reporting periods."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from oitbase.thai import clean, to_arabic_digits
from oitbase.thaidates import (
    Period,
    be_year,
    find_dates,
    find_periods,
    find_years,
    first_half,
    fiscal_year_bounds,
    fiscal_year_of,
    main_fiscal_year,
    main_year,
    mentions_six_months,
    parse_date,
    read_year,
    recent_years,
)

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"


@pytest.mark.parametrize(("raw", "be"), [(67, 2567), (99, 2599), (2024, 2567), (1999, 2542), (2567, 2567)])
def test_be_year(raw: int, be: int) -> None:
    assert be_year(raw) == be


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("๓๐ ก.ค. ๖๗", date(2024, 7, 30)),
        ("30 กรกฎาคม 2567", date(2024, 7, 30)),
        ("วันที่ 1 ตุลาคม พ.ศ. 2566", date(2023, 10, 1)),
        ("30/07/2567", date(2024, 7, 30)),
        ("30/07/2024", date(2024, 7, 30)),
        ("30/7/67", date(2024, 7, 30)),
        ("1 ต.ค. 2566", date(2023, 10, 1)),
        ("๑๕ กรกฎาคม ๒๕๖๘", date(2025, 7, 15)),
        ("5 มค 67", date(2024, 1, 5)),
        ("12 ธค. 2567", date(2024, 12, 12)),
        ("๙ ธันวาคม พ.ศ.๒๕๖๓", date(2020, 12, 9)),
        ("๑๓ พฤศจิกายน 256๒", date(2019, 11, 13)),  # ASCII digits drawn as Thai, mixed
        ("1 พฤษภาคม ๒๕60", date(2017, 5, 1)),
        ("29 กุมภาพันธ์ 2567", date(2024, 2, 29)),
        ("ลงวันที่ 7 เมษายน 2560 ", date(2017, 4, 7)),
    ],
)
def test_parse_date(text: str, expected: date) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "29 กุมภาพันธ์ 2566",  # not a leap year
        "31 เมษายน 2567",
        "ที่ ๑๕๐/๒๕๖๓",  # an order number
        "ตุลาคม 2566",  # a month, not a date
        "30 กรกฎาคม 15 วัน",
        "โทร 055-832100",
        "",
    ],
)
def test_parse_date_rejects_non_dates(text: str) -> None:
    assert parse_date(text) is None


def test_find_dates_spans_and_order() -> None:
    text = "ประกาศ ณ วันที่ ๑ พฤษภาคม ๒๕๖๐ และ 30/07/2567"
    found = find_dates(text)
    assert [m.date for m in found] == [date(2017, 5, 1), date(2024, 7, 30)]
    assert text[found[0].span[0] : found[0].span[1]] == "๑ พฤษภาคม ๒๕๖๐"
    assert text[found[1].span[0] : found[1].span[1]] == "30/07/2567"


def test_fiscal_year_edges() -> None:
    assert fiscal_year_of(date(2024, 9, 30)) == 2567  # 30 ก.ย. 2567
    assert fiscal_year_of(date(2024, 10, 1)) == 2568  # 1 ต.ค. 2567
    assert fiscal_year_of(date(2024, 1, 1)) == 2567
    assert fiscal_year_of(parse_date("30 กันยายน 2567")) == 2567
    assert fiscal_year_of(parse_date("1 ตุลาคม 2567")) == 2568


def test_fiscal_year_bounds_and_first_half() -> None:
    assert fiscal_year_bounds(2567) == (date(2023, 10, 1), date(2024, 9, 30))
    assert first_half(2567) == (date(2023, 10, 1), date(2024, 3, 31))
    start, end = fiscal_year_bounds(2568)
    assert fiscal_year_of(start) == fiscal_year_of(end) == 2568
    assert fiscal_year_of(start - timedelta(days=1)) == 2567
    assert fiscal_year_of(end + timedelta(days=1)) == 2569


FIRST_HALF_2567 = (date(2023, 10, 1), date(2024, 3, 31))


@pytest.mark.parametrize(
    "text",
    [
        "ต.ค. 66 – มี.ค. 67",
        "ตุลาคม 2566 - มีนาคม 2567",
        "1 ตุลาคม 2566 ถึง 31 มีนาคม 2567",
        "(ตุลาคม ๒๕๖๖ – มีนาคม ๒๕๖๗)",
        "เดือนตุลาคม 2566 – เดือนมีนาคม 2567",
        "ต.ค.2566-มี.ค.2567",
        "ตุลาคม – มีนาคม 2567",
        "ระหว่างวันที่ 1 ตุลาคม 2566 ถึงวันที่ 31 มีนาคม 2567",
        "ต.ค.๖๖-มี.ค. ๖๗",
    ],
)
def test_find_periods_written_ranges(text: str) -> None:
    periods = find_periods(text)
    assert len(periods) == 1
    period = periods[0]
    assert (period.start, period.end) == FIRST_HALF_2567
    assert not period.inferred
    assert period.months == 6
    assert period.fiscal_year == 2567
    assert period.is_first_half_of(2567)


def test_year_inferred_for_first_month_of_range() -> None:
    (period,) = find_periods("ม.ค.- เม.ย.๖๖")
    assert (period.start, period.end) == (date(2023, 1, 1), date(2023, 4, 30))
    (period,) = find_periods("พฤศจิกายน – กุมภาพันธ์ 2568")
    assert (period.start, period.end) == (date(2024, 11, 1), date(2025, 2, 28))


@pytest.mark.parametrize(
    "text",
    [
        "รอบ 6 เดือน ประจำปีงบประมาณ พ.ศ. 2567",
        "รายงานผลการดำเนินงานรอบ ๖ เดือน ปีงบประมาณ ๒๕๖๗",
        "สรุปผล 6 เดือนแรก ของปีงบประมาณ 2567",
        "ผลการดำเนินงานครึ่งปีแรก ปีงบ 67",
        "ผลการดำเนินงานไตรมาสที่ 1-2 ปีงบประมาณ พ.ศ. 2567",
    ],
)
def test_find_periods_six_month_phrases_with_fiscal_year(text: str) -> None:
    periods = find_periods(text)
    assert len(periods) == 1
    assert (periods[0].start, periods[0].end) == FIRST_HALF_2567
    assert periods[0].inferred
    assert mentions_six_months(text)


def test_six_month_phrase_without_year_gives_no_period() -> None:
    assert find_periods("รายงานการกำกับติดตามการดำเนินงาน รอบ 6 เดือน") == []
    assert mentions_six_months("รายงานการกำกับติดตามการดำเนินงาน รอบ 6 เดือน")


def test_six_month_phrase_takes_the_nearest_year() -> None:
    text = "ควรจัดทำสรุปผลให้ครอบคลุมรอบ ๖ เดือนแรกของปี ๒๕๖๕ ข้อ O๒๔ ต้องแสดงผลของ\n\nปีงบประมาณ พ.ศ. ๒๕๖๔"
    (period,) = find_periods(text)
    assert period.is_first_half_of(2565)


def test_inferred_period_equal_to_written_one_is_dropped() -> None:
    periods = find_periods("รายงานรอบ 6 เดือน (ตุลาคม 2566 – มีนาคม 2567) ปีงบประมาณ 2567")
    assert len(periods) == 1 and not periods[0].inferred


def test_wrong_half_is_not_first_half() -> None:
    (period,) = find_periods("เมษายน 2567 – กันยายน 2567")
    assert period.months == 6
    assert not period.is_first_half_of(2567)
    assert not period.is_first_half_of(2568)
    assert not mentions_six_months("เมษายน 2567 – กันยายน 2567")


def test_first_half_of_the_right_fiscal_year_only() -> None:
    (period,) = find_periods("ต.ค. 65 – มี.ค. 66")
    assert period.is_first_half_of(2566)
    assert not period.is_first_half_of(2567)
    assert not period.is_first_half_of(2565)


def test_is_first_half_of_is_tolerant_by_a_month() -> None:
    assert Period(date(2023, 10, 1), date(2024, 4, 30), "ต.ค. 66 - เม.ย. 67").is_first_half_of(2567)
    assert Period(date(2023, 11, 1), date(2024, 3, 31), "พ.ย. 66 - มี.ค. 67").is_first_half_of(2567)
    assert not Period(date(2023, 10, 1), date(2024, 9, 30), "ทั้งปี").is_first_half_of(2567)
    assert not Period(date(2024, 1, 1), date(2024, 3, 31), "ไตรมาส 2").is_first_half_of(2567)


def test_mentions_six_months_negative() -> None:
    assert not mentions_six_months("รายงานผลการดำเนินงานประจำปีงบประมาณ 2567 รอบ 12 เดือน")
    assert not mentions_six_months("รอบ 6 เดือนหลัง ปีงบประมาณ 2567")


def _kinds(text: str) -> list[tuple[int, str]]:
    return [(m.year, m.kind) for m in find_years(text)]


def test_find_years_kinds() -> None:
    assert _kinds("ประจำปีงบประมาณ พ.ศ. ๒๕๖๖") == [(2566, "fiscal")]
    assert _kinds("ปีงบ 67") == [(2567, "fiscal")]
    assert _kinds("งบประมาณ พ.ศ. 2567") == [(2567, "fiscal")]
    assert _kinds("ประจาปี งบประมาณ 2564") == [(2564, "fiscal")]  # lost sara am, inserted space
    assert _kinds("โครงการประเพณีลอยกระทง ประจำปี พ.ศ.2567") == [(2567, "be")]
    assert _kinds("ข้อมูล ปี 2566") == [(2566, "be")]
    assert _kinds("ค.ศ. 2024") == [(2567, "be")]
    assert _kinds("ประกาศ ณ วันที่ ๑ พฤษภาคม ๒๕๖๐") == [(2560, "date")]
    assert _kinds("ดำเนินการ ต.ค. 66") == [(2566, "date")]
    assert _kinds("ตามพระราชบัญญัติข้อมูลข่าวสารของราชการ พ.ศ. ๒๕๔๐") == [(2540, "law")]


def test_find_years_ranges() -> None:
    (mention,) = find_years("ระยะที่ ๒ (พ.ศ. ๒๕๖๖-๒๕๗๐)")
    assert (mention.kind, mention.year, mention.end) == ("range", 2566, 2570)
    (mention,) = find_years("ปีงบประมาณ ๒๕61-๒๕๖3")
    assert (mention.kind, mention.year, mention.end) == ("range", 2561, 2563)
    (mention,) = find_years("แผนพัฒนา 2566 - 2570")
    assert (mention.year, mention.end) == (2566, 2570)


def test_find_years_spans() -> None:
    text = "รายงาน ประจำปีงบประมาณ พ.ศ. 2567 ของหน่วยงาน"
    (mention,) = find_years(text)
    assert text[mention.span[0] : mention.span[1]] == "ปีงบประมาณ พ.ศ. 2567"


def test_find_years_law_citation() -> None:
    text = "ตามพระราชบัญญัติ\nข้อมูลข่าวสารของราชการ พ.ศ.๒๕๖๐ และประจำปี พ.ศ. ๒๕๖๗"
    assert _kinds(text) == [(2560, "law"), (2567, "be")]


@pytest.mark.parametrize(
    "text",
    [
        "งบประมาณ 2550 บาท",  # an amount
        "ระยะเวลา 3 ปี 10 เดือน",  # 2-digit count, not a year
        "รหัส 2567",  # bare 4-digit number
        "ปี 2024",  # plain CE is ambiguous
        "ค.ศ. 1850",
        "พ.ศ. 3000",
        "ปีงบประมาณ 12",
    ],
)
def test_find_years_ignores_implausible_numbers(text: str) -> None:
    assert find_years(text) == []


def test_main_fiscal_year_prefers_title_and_head() -> None:
    body = "ตามที่ได้วิเคราะห์ผล ปีงบประมาณ พ.ศ. 2565 " * 5
    assert main_fiscal_year(body, title="รายงานผล ประจำปีงบประมาณ พ.ศ. 2566") == 2566
    assert main_fiscal_year("ประจำปีงบประมาณ 2567\n" + body) == 2567
    assert main_fiscal_year("x" * 700 + body + " ปีงบประมาณ 2566") == 2565  # most frequent


def test_main_fiscal_year_fallbacks() -> None:
    assert main_fiscal_year("แผนอัตรากำลัง ๓ ปี\nปีงบประมาณ ๒๕61-๒๕๖3") == 2561
    assert main_fiscal_year("โครงการ ประจำปี 2566 และ ประจำปี 2567") == 2567
    text = "ตามพระราชบัญญัติข้อมูลข่าวสารของราชการ พ.ศ.๒๕๔๐\n\nสั่ง ณ วันที่ ๙ ธันวาคม พ.ศ.๒๕๖๓"
    assert main_fiscal_year(text) == 2564  # the law year is skipped; the date is in FY 2564
    assert main_fiscal_year("ไม่มีปีเลย 12345") is None
    assert main_fiscal_year("") is None


@pytest.mark.parametrize(
    ("seed", "fiscal_year"), [("003", 2566), ("004", 2568), ("000", 2565), ("002", 2565)]
)
def test_main_fiscal_year_of_seed_documents(seed: str, fiscal_year: int) -> None:
    if not SEEDS.is_dir():
        pytest.skip(f"{SEEDS} not available")
    (path,) = SEEDS.glob(f"{seed}_*.txt")
    assert main_fiscal_year(clean(path.read_text(encoding="utf-8"))) == fiscal_year


def test_seed_003_periods() -> None:
    if not SEEDS.is_dir():
        pytest.skip(f"{SEEDS} not available")
    (path,) = SEEDS.glob("003_*.txt")
    periods = find_periods(clean(path.read_text(encoding="utf-8")))
    assert any(p.is_first_half_of(2566) and not p.inferred for p in periods)  # "ต.ค.๖๕-มี.ค. ๖๖"
    assert not any(p.is_first_half_of(2567) for p in periods)


# --------------------------------------------------------------------------- OCR'd date lines
# Tesseract's Thai model has no ๔ ๖ ๗ ๘ ๙: "๒๕๖๖" comes out as "๒๕๒๒", "๒๕๐๖" …; other engines
# and the visual pairs give o for ๐, ด for ๑, ส for ๔, ซ for ๗, ๙ for ๕ and digits spaced apart.


@pytest.mark.parametrize(
    ("token", "year", "raw"),
    [
        ("๒๕๒๖", 2566, "๒๕๒๖"),  # ๖ read as ๒
        ("๒๕๐๗", 2567, "๒๕๐๗"),  # ๖ read as ๐
        ("๒๕๒๘", 2568, "๒๕๒๘"),  # ๖ read as ๒, next to a real ๘
        ("๒๙๖๖", 2566, "๒๙๖๖"),  # ๕ read as ๙
        ("๒๕๖o", 2560, "๒๕๖o"),  # ๐ read as the letter o
        ("๒๕๖ด", 2561, "๒๕๖ด"),  # ๑ read as ด
        ("๒๕๖ส", 2564, "๒๕๖ส"),  # ๔ read as ส
        ("๒๕๖ซ", 2567, "๒๕๖ซ"),  # ๗ read as ซ
        ("256O", 2560, "256O"),
    ],
)
def test_read_year_undoes_ocr_confusions(token: str, year: int, raw: str) -> None:
    reading = read_year(token)
    assert (reading.year, reading.corrected, reading.raw) == (year, True, raw)


@pytest.mark.parametrize("token", ["๒๕๖๘", "๒๕๖๖", "2567", "๒๕๕๐", "๒๕61"])
def test_read_year_keeps_plausible_digits_as_written(token: str) -> None:
    reading = read_year(token)
    assert not reading.corrected and reading.alternatives == ()
    assert reading.year == int(to_arabic_digits(token))


def test_read_year_exposes_the_other_readings() -> None:
    reading = read_year("๒๕๒๓")  # the realdocs scan-16 ITA year (printed ๒๕๖๗)
    assert reading.corrected and reading.year == 2563  # the digits as read, but for the impossible ๒
    assert 2567 in reading.alternatives and 2568 in reading.alternatives
    assert read_year("๒๕๒๓", correct=False).year == 2523  # the old behaviour: digits as written


def test_read_year_without_a_plausible_reading() -> None:
    assert read_year("๒๕๐๐", correct=False).year == 2500  # as written, old: kept without corrections
    assert read_year("๑๒๓๔") is None
    assert read_year("๒๕๒") is None  # a digit lost
    assert read_year("๒๕ดด") is None  # letters for two digits: 2511, before the range
    assert read_year("๙๙๙๙") is None


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("ประจำปีงบประมาณ พ.ศ. ๒ ๕ ๖ ๗", 2567),  # spaced digits
        ("ประจำปีงบประมาณ พ.ศ. ๒๕ ๖๗", 2567),
        ("ประจำปีงบประมาณ พศ ๒๕๖๗", 2567),  # พ.ศ without dots
        ("ประจำปีงบประมาณ พ.ศ ๒๕๖๗", 2567),
        ("ประจำปีงบประมาณ พ,ศ, ๒๕๖๗", 2567),  # dots misread as commas
        ("ประจำปีงบประมาณ พ.ศ...๒๕๖๗", 2567),  # dot leaders of a form
    ],
)
def test_fiscal_year_variants_of_ocr(text: str, year: int) -> None:
    (mention,) = find_years(text)
    assert (mention.year, mention.kind, mention.corrected) == (year, "fiscal", False)


def test_find_years_flags_corrected_mentions() -> None:
    (mention,) = find_years("รายงานผล ประจำปีงบประมาณ พ.ศ.๒๕๒๖")
    assert (mention.year, mention.kind, mention.corrected, mention.raw) == (2566, "fiscal", True, "๒๕๒๖")
    (mention,) = find_years("รายงานผล ประจำปีงบประมาณ พ.ศ.๒๕๒๖", correct=False)
    assert (mention.year, mention.corrected) == (2526, False)  # the old behaviour, digits as written


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ประกาศ ณ วันที่ ๑๕ ตุลาคม พ.ศ. ๒๕๒๖", date(2023, 10, 15)),  # ๖ read as ๒
        ("สั่ง ณ วันที่ ๙ ธันวาคม พ.ศ.๒๕๖o", date(2017, 12, 9)),
        ("วันที่ ๒๙ สิงหาคม ๒ ๕ ๖ ๗", date(2024, 8, 29)),
        ("วันที่ ๒๙ งันวาคม ๒๕๖๗", date(2024, 12, 29)),  # ธ read as ง
        ("วันที่ ๑๕ ก้นยายน ๒๕๖๖", date(2023, 9, 15)),  # ั read as ้
        ("วันที่ ๑ ตูลาคม ๒๕๖๖", date(2023, 10, 1)),  # ุ read as ู
        ("วันที่...๕...เดือน.....กันยายน......พ.ศ...๒๕๖๗....", date(2024, 9, 5)),  # a filled-in form
        ("ให้ไว้ ณ วันที่ ๑๕ เมษายน พ.ศ. ๒๕๖๒", date(2019, 4, 15)),
    ],
)
def test_find_dates_in_ocr_date_lines(text: str, expected: date) -> None:
    (found,) = find_dates(text)
    assert found.date == expected


def test_damaged_dates_are_flagged() -> None:
    assert [d.corrected for d in find_dates("วันที่ ๒๙ งันวาคม ๒๕๖๗ และ ๑ ตุลาคม ๒๕๒๖ และ ๒ ตุลาคม ๒๕๖๖")] == [
        True, True, False,
    ]  # fmt: skip


@pytest.mark.parametrize(
    "text",
    [
        "จำนวนเงิน ๒,๕๖๗ บาท",  # an amount
        "งบประมาณ ๒๕๖๗ บาท",  # an amount after the word budget
        "รวมเป็นเงินทั้งสิ้น ๒ ๕๖๗ บาท",
        "โทร ๐-๕๕๔๑-๑๐๒๓ โทรสาร ๐ ๕๕๘๓ ๒๑๐๐",  # phone numbers
        "หน้า ๒๕ จาก ๖๗",  # page numbers
        "- ๒๕๖๗ -",
        "ที่ นม ๘๐๓๐๑/๒๕๖๖",  # a letter's number: the part after the slash is its registration number
        "ที่ อต ๐๐๓๓.๓๐๖/๕๐๑๙",
        "คำสั่ง ที่ ๑๕๐/๒๕๖๓",  # an order's year: its date line carries it too
        "ปีงบประมาณ ๒๕๒",  # a digit lost: not guessed
        "ปีงบประมาณ ๒๕๖ดังนี้",  # a letter glued to a Thai word is a word, not a digit
        "วันที่ ๓ ครั้ง ๒๕๖๖",  # no month
    ],
)
def test_ocr_tolerance_finds_no_false_years(text: str) -> None:
    assert find_years(text) == []
    assert find_dates(text) == []


def test_law_years_are_never_corrected() -> None:
    assert _kinds("พระราชบัญญัติคุ้มครองผู้บริโภค พ.ศ. ๒๕๒๒") == [(2522, "law")]
    (mention,) = find_years("พระราชบัญญัติคุ้มครองผู้บริโภค พ.ศ. ๒๕๒๒")
    assert not mention.corrected


def test_main_year_prefers_exact_mentions_to_corrected_ones() -> None:
    first_pass = "บันทึกข้อความ\nเรื่อง รายงานผล ประจำปีงบประมาณ พ.ศ.๒๕๒๓\n" + "เนื้อหา " * 100
    found = main_year(first_pass)
    assert (found.year, found.kind, found.corrected) == (2563, "fiscal", True)
    assert 2567 in found.alternatives
    assert main_fiscal_year(first_pass) == 2563
    # A second OCR pass of the date lines appended after the first pass's text decides.
    found = main_year(first_pass + "\nเรื่อง รายงานผล ประจำปีงบประมาณ พ.ศ.๒๕๖๗")
    assert (found.year, found.corrected, found.alternatives) == (2567, False, ())
    assert main_year("ไม่มีปี") is None
    assert main_year(first_pass, correct=False).year == 2523  # digits as written


def test_main_year_of_a_corrected_date() -> None:
    found = main_year("ประกาศ ณ วันที่ ๑๕ ตุลาคม พ.ศ. ๒๕๒๖")
    assert (found.year, found.kind, found.corrected) == (2567, "date", True)  # 15 Oct 2566 is in FY 2567


def test_recent_years_window() -> None:
    assert recent_years(date(2026, 12, 1)) == (2540, 2574)
    assert recent_years(date(2026, 12, 1), dated=True) == (2540, 2570)
    today = date(2026, 12, 1)
    assert read_year("๒๕๘๐", today=today).year == 2580  # a target year ("ภายในปี พ.ศ. ๒๕๘๐") stays
    reading = read_year("๒๕๘๐", dated=True, today=today)  # a date ten years ahead is a misread
    assert (reading.year, reading.corrected) == (2560, True)
    assert read_year("๒๕๗๙", dated=True, today=today) is None  # no confusion explains it
    assert read_year("๒๕๗๐", dated=True, today=today).year == 2570
