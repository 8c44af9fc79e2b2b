"""The digit reader of the date pass: Thai digits drawn with TLWG fonts, read back from pixels.

No Tesseract here: the pictures are rendered by PyMuPDF at a scan's resolution, so these run in the
quick loop (the templates are built once per process, ~0.5 s)."""

from __future__ import annotations

import pytest

from oitbase.extract import thaidigits

pymupdf = pytest.importorskip("pymupdf")
pytestmark = pytest.mark.skipif(not (thaidigits.FONT_DIR / "Laksaman.ttf").exists(),
                                reason="TLWG fonts (fonts-thai-tlwg) not installed")


def word_picture(text: str, font: str = "Laksaman", dpi: int = 300, size: float = 16) -> tuple[bytes, int, int]:
    """``text`` at ``size`` pt on a white strip, as 8-bit gray samples at ``dpi``."""
    doc = pymupdf.open()
    page = doc.new_page(width=size * 0.8 * len(text) + 20, height=size * 2)
    page.insert_text((10, size * 1.4), text, fontsize=size, fontfile=str(thaidigits.FONT_DIR / f"{font}.ttf"),
                     fontname="f")
    pix = page.get_pixmap(dpi=dpi, colorspace=pymupdf.csGRAY)
    return pix.samples, pix.width, pix.height


@pytest.mark.parametrize("font", ["Laksaman", "Norasi", "Garuda", "Loma"])
def test_every_digit_is_read(font: str) -> None:
    read = thaidigits.read_digits(*word_picture("๐๑๒๓๔๕๖๗๘๙", font))
    assert read.digits == "๐๑๒๓๔๕๖๗๘๙"
    assert read.glyphs == 10 and read.distance < 0.2


@pytest.mark.parametrize("year", ["๒๕๖๖", "๒๕๖๗", "๒๕๖๘", "๒๕๖๙", "๒๕๔๐"])
def test_years_the_thai_ocr_model_cannot_write(year: str) -> None:
    # Tesseract's tha model has no ๔ ๖ ๗ ๘ ๙ and reads these as ๒๕๒๒, ๒๕๒๐, ๒๕๐๕ …
    assert thaidigits.read_digits(*word_picture(year, dpi=200)).digits == year


def test_letters_before_the_number_are_skipped() -> None:
    assert thaidigits.read_digits(*word_picture("พ.ศ.๒๕๖๗"), skip=2).digits == "๒๕๖๗"


def test_touching_digits_are_cut_apart() -> None:
    gray, width, height = word_picture("๒๕๖๗", dpi=300)
    # Thicken the strokes until neighbours touch (a dark, low-quality scan).
    ink = bytearray(gray)
    for y in range(height):
        for x in range(width - 3):
            if gray[y * width + x + 3] < 128:
                ink[y * width + x] = 0
    found = thaidigits.glyphs(bytes(ink), width, height)
    assert len(found) == 4
    assert thaidigits.read_digits(bytes(ink), width, height).digits == "๒๕๖๗"


def test_a_blank_picture_reads_nothing() -> None:
    read = thaidigits.read_digits(b"\xff" * 400, 20, 20)
    assert read.digits == "" and read.glyphs == 0
