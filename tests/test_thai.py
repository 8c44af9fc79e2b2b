"""Tests for oitbase.thai: clean/fold on real extraction damage from Thai government documents."""

from __future__ import annotations

import random
import time
from pathlib import Path

import pytest

from oitbase.thai import (
    Folded,
    clean,
    contains_any,
    fold,
    thai_ratio,
    to_arabic_digits,
    to_thai_digits,
)

REALDOCS = Path(__file__).resolve().parents[2] / "shared" / "realdocs"

# (damaged text as extracted, what the page shows) -- from /work/shared/realdocs/MANIFEST.md
DAMAGED = [
    ("สานักงานสาธารณสุขอาเภอหนองใหญ่", "สำนักงานสาธารณสุขอำเภอหนองใหญ่"),  # sara am lost
    ("ขอ้ มูล", "ข้อมูล"),  # tone mark split off by a space
    ("นำยกเทศมนตรีตำบลหำงดง", "นายกเทศมนตรีตำบลหางดง"),  # า/ำ swap
    ("ดานการปองกัน", "ด้านการป้องกัน"),  # Canva: tone marks dropped
    ("แผนปฏิ บั ติ ร าชการ", "แผนปฏิบัติราชการ"),  # letters spaced apart
    ("ข้ ำ พเจ้ ำ", "ข้าพเจ้า"),  # spaced letters + า/ำ swap
    ("ช่ องทาง", "ช่องทาง"),
    ("แจ้ งร้ องทุกข์", "แจ้งร้องทุกข์"),
    ("ที่ต้งั", "ที่ตั้ง"),  # mark order
    ("หนา้", "หน้า"),
    ("ทัง้ หมด", "ทั้งหมด"),
    ("อ าเภอ", "อำเภอ"),  # PyMuPDF: lost nikhahit comes out as a space
    ("ค ำกล่ำว", "คำกล่าว"),
    ("ให้คําแนะนํา", "ให้คำแนะนำ"),  # decomposed sara am
    ("ประจาปี งบประมาณ", "ประจำปีงบประมาณ"),
    ("ผู\u200bอํานวย", "ผู้อำนวย"),  # ZWSP + decomposed sara am (+ dropped tone mark)
    ("๒๕61-๒๕๖3", "2561-2563"),  # mixed digits
    ("พ.ศ. 2564", "พ.ศ. ๒๕๖๔"),  # ASCII digits drawn as Thai
]


@pytest.mark.parametrize(("damaged", "typed"), DAMAGED)
def test_fold_makes_damaged_text_equal_to_typed_text(damaged: str, typed: str) -> None:
    assert fold(damaged) == fold(typed)


@pytest.mark.parametrize(
    ("a", "b"),
    [("กิน", "กัน"), ("สุข", "สข"), ("ปีงบประมาณ", "ปงบประมาณ"), ("2566", "2567"), ("เก", "แก")],
)
def test_fold_keeps_other_letters_apart(a: str, b: str) -> None:
    assert fold(a) != fold(b)


def test_fold_erases_exactly_the_documented_characters() -> None:
    assert fold(" A\tB ๒๕61 – ที่ ก็ ศิลป์ ก๊ก ก๋ง\nน้ำ ") == "ab2561-ทีกศิลปกกกงนา"


def test_clean_maps_pua_tone_marks() -> None:
    assert clean("เจ\uf70bาหน\uf70bาที่") == "เจ้าหน้าที่"
    assert clean("ข\uf70bอกําหนด") == "ข้อกำหนด"
    assert clean("เป\uf712น") == "เป็น"
    assert clean("สภาพป\uf710ญหา") == "สภาพปัญหา"
    assert clean("การแพทย\uf70e") == "การแพทย์"
    assert clean("หน\uf70aวยงาน") == "หน่วยงาน"


def test_clean_real_esaraban_stamp_text() -> None:
    # phichai-esaraban-memo.pdf: PUA tone mark, ZWSP and decomposed sara am in one word
    assert clean("ผู\uf70b\u200bอํานวย\u200bการ") == "ผู้อำนวยการ"
    assert clean("ศิริ\u200bวัฒน\u200b\uf70e") == "ศิริวัฒน์"


def test_clean_composes_sara_am_in_every_order() -> None:
    assert clean("สํานักงาน") == "สำนักงาน"
    assert clean("ก\u0e4d\u0e48\u0e32") == "ก่ำ"  # nikhahit + tone + aa
    assert clean("ก\u0e48\u0e4d\u0e32") == "ก่ำ"  # tone + nikhahit + aa


def test_clean_repairs_mark_order() -> None:
    assert clean("ก\u0e48\u0e31ง") == "กั่ง"  # tone before mai han-akat
    assert clean("ก\u0e49\u0e38ง") == "กุ้ง"  # tone before lower vowel
    assert clean("ที่ต้งั") == "ที่ตั้ง"  # mai han-akat slipped to the next consonant
    assert clean("ปฏิบตั ิ") == "ปฏิบัติ"
    assert clean("หนา้") == "หน้า"
    assert clean("ขอ ้มูล") == "ขอ้มูล"  # a space can never come before a mark


def test_clean_removes_invisible_characters() -> None:
    assert clean("ข\u200bอ\ufeffมู\u00adล\u200c\u200d") == "ขอมูล"


def test_clean_whitespace() -> None:
    assert clean("  ก \t\u00a0 ข  \r\n\n\n\n  ค  \n") == "ก ข\n\nค"
    assert clean("a\n\nb") == "a\n\nb"


def test_clean_keeps_digits_and_text() -> None:
    assert clean("ปีงบประมาณ ๒๕61-๒๕๖3") == "ปีงบประมาณ ๒๕61-๒๕๖3"
    assert clean("สานักงาน") == "สานักงาน"  # clean does not guess lost letters


def _random_thai(rng: random.Random, n: int) -> str:
    alphabet = "กขงตนบมยรวอเแาำัิีุู่้๊๋์็ํ ๒5\n\t\u00a0\u200b\uf70a\uf70b\uf710"
    return "".join(rng.choice(alphabet) for _ in range(n))


@pytest.mark.parametrize("text", [d for d, _ in DAMAGED] + ["ต ้ งั", "ก\u0e48 \u0e31", "\n\n\nก\n\n\n"])
def test_clean_is_idempotent_on_damage(text: str) -> None:
    once = clean(text)
    assert clean(once) == once


def test_clean_is_idempotent_on_random_mark_soup() -> None:
    rng = random.Random(20240730)
    for _ in range(2000):
        text = _random_thai(rng, rng.randint(1, 40))
        once = clean(text)
        assert clean(once) == once, repr(text)


@pytest.mark.parametrize(("damaged", "typed"), DAMAGED)
def test_fold_is_idempotent(damaged: str, typed: str) -> None:
    assert fold(fold(damaged)) == fold(damaged)


def test_digit_helpers() -> None:
    assert to_arabic_digits("ที่ ๑๕๐/๒๕๖๓ 25๖๒") == "ที่ 150/2563 2562"
    assert to_thai_digits("พ.ศ. 2564") == "พ.ศ. ๒๕๖๔"


def test_folded_find_returns_span_in_cleaned_text() -> None:
    doc = Folded("คาสั่ง\n สานักงาน  สาธารณสุข อาเภอหนองใหญ่\nที่ต้งั โรงพยาบาล")
    span = doc.find("สำนักงานสาธารณสุขอำเภอหนองใหญ่")
    assert span is not None
    assert doc.cleaned[span[0] : span[1]] == "สานักงาน สาธารณสุข อาเภอหนองใหญ่"
    span = doc.find("ที่ตั้ง")
    assert span is not None and doc.cleaned[span[0] : span[1]] == "ที่ตั้ง"
    assert doc.find("โรงเรียน") is None


def test_folded_span_covers_trailing_tone_mark() -> None:
    doc = Folded("ตั้งอยู่ที่ หมู่ 5")
    span = doc.find("อยู่ที่")
    assert span is not None and doc.cleaned[span[0] : span[1]] == "อยู่ที่"


def test_folded_count_contains_and_empty_phrase() -> None:
    doc = Folded("ข้อมูล ขอ้ มูล ข้อมลู ขอมูล")
    assert doc.count("ข้อมูล") == 3  # "ข้อมลู" has sara uu moved after ล: not matched
    assert doc.contains("ขอ้มูล")
    assert not doc.contains("")
    assert doc.count(" ") == 0
    assert doc.find("่") is None


def test_folded_snippet() -> None:
    text = "ก" * 100 + " รายงานผลการดำเนินงาน " + "ข" * 100
    doc = Folded(text)
    snip = doc.snippet("รายงานผลการดาเนินงาน", width=40)
    assert snip.startswith("…") and snip.endswith("…")
    assert "รายงานผลการดำเนินงาน" in snip
    assert 35 <= len(snip) <= 45
    assert Folded("สั้น\nมาก").snippet("มาก") == "สั้น มาก"
    assert doc.snippet("ไม่มี") == ""


def test_folded_maps_positions_across_chunks() -> None:
    filler = "ข้อความ ทั่วไป\n" * 2000  # longer than one index chunk
    doc = Folded(filler + "เจ\uf70bาหน\uf70bาที่ผู\u200bอํานวยการ" + filler)
    span = doc.find("เจ้าหน้าที่ผู้อำนวยการ")
    assert span is not None
    assert doc.cleaned[span[0] : span[1]] == "เจ้าหน้าที่ผูอำนวยการ"


def test_contains_any_returns_first_phrase_in_given_order() -> None:
    doc = Folded("ช่ องทางการรับฟังความคิดเห็น ผ่านระบบโทรศัพท์")
    assert contains_any(doc, ["ร้องเรียน", "ผ่านระบบโทรศัพท์", "ช่องทาง"]) == "ผ่านระบบโทรศัพท์"
    assert contains_any(doc, ["ร้องเรียน"]) is None


def test_thai_ratio() -> None:
    assert thai_ratio("สำนักงาน ๒๕๖๔ 2564") == 1.0
    assert thai_ratio("ΡΑΠΟΡΤ ΕΠΙΚΡ 2561") == 0.0  # Greek glyphs from a font without ToUnicode
    assert thai_ratio("ITA ประจำปี") == pytest.approx(6 / 9)  # ี is a mark, not a letter
    assert thai_ratio("1234 ...") == 0.0


def test_fold_speed_on_one_megabyte() -> None:
    unit = "ประจาปี งบประมาณ ๒๕๖๗ ขอ้ มูล เจ\uf70bาหน\uf70bาที่ ผู\u200bอํานวย ITA O1\n"
    text = (unit * (1_000_000 // len(unit) + 1))[:1_000_000]
    start = time.perf_counter()
    doc = Folded(text)
    elapsed = time.perf_counter() - start
    assert doc.count("ข้อมูล") == text.count("ขอ้ มูล")
    assert elapsed < 1.5, f"Folded(1M chars) took {elapsed:.2f}s"


REAL_PHRASES = [
    ("hangdong-disaster-service-manual.pdf", "สำนักงานเทศบาลตำบลหางดง"),
    ("hangdong-integrity-statement.pdf", "ยึดหลักธรรมาภิบาลในการบริหารงาน"),
    ("hangdong-manpower-plan-2561-2563.pdf", "ปีงบประมาณ ๒๕61-๒๕๖3"),
    ("nysso-order.pdf", "คำสั่งสำนักงานสาธารณสุขอำเภอหนองใหญ่"),
    ("nysso-procurement-analysis.pdf", "เพื่อพัฒนาในรอบปีงบประมาณ พ.ศ.๒๕๖๒"),
    ("phichai-canva-anticorruption-plan.pdf", "ด้านการป้องกัน ปราบปรามการทุจริต"),
    ("phichai-contact.pdf", "ที่ตั้งโรงพยาบาลพิชัย"),
    ("phichai-esaraban-memo.pdf", "๑๕ กรกฎาคม ๒๕๖๘"),
    ("phichai-ethics-rules-pua.pdf", "ข้อกำหนดจริยธรรมเจ้าหน้าที่ของรัฐ"),
    ("phichai-opinion-channel.pdf", "ช่องทางการรับฟังความคิดเห็น"),
    ("phichai-procurement-analysis-2567.pdf", "ประจำปีงบประมาณ พ.ศ. ๒๕๖๗"),
    ("phichai-royal-gazette.pdf", "ให้ไว้ ณ วันที่ ๑๕ เมษายน พ.ศ. ๒๕๖๒"),
    ("poknoi-cost-sheet-por4.pdf", "ขยายผิวจราจรถนน คสล. ภายในหมู่บ้าน"),
    ("poknoi-egp-tender.pdf", "ประกวดราคาจ้างก่อสร้างอาคารอเนกประสงค์"),
]


@pytest.mark.parametrize(("name", "phrase"), REAL_PHRASES)
def test_rendered_phrases_are_found_in_real_pdf_text_layers(name: str, phrase: str) -> None:
    path = REALDOCS / name
    if not path.exists():
        pytest.skip(f"{path} not available")
    pymupdf = pytest.importorskip("pymupdf")
    with pymupdf.open(path) as pdf:
        text = "\n".join(page.get_text() for page in list(pdf)[:6])
    doc = Folded(text)
    span = doc.find(phrase)
    assert span is not None
    assert fold(doc.cleaned[span[0] : span[1]]) == fold(phrase)
