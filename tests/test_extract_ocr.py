"""OCR, limits, pictures, rendered HTML, legacy Office files and the ``oit extract`` command.

Fixtures are generated at test time: Thai text laid out by PyMuPDF with the TLWG Laksaman font,
rendered to pictures for the OCR cases.
"""

from __future__ import annotations

import base64
import json
import random
import shutil
import subprocess
import time
from concurrent.futures import ProcessPoolExecutor
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from benchmarks.realdocs import REALDOCS
from oitbase.extract import extract, extract_in_pool
from oitbase.extract.cli import extract_command, parse_pages
from oitbase.extract.image import chromium_path
from oitbase.extract.ocr import tesseract_available
from oitbase.extract.quality import check_text
from oitbase.thai import clean, fuzzy_contains, to_arabic_digits
from oitbase.thaidates import find_dates, find_years, main_fiscal_year, main_year
from tests.test_extract import make_thai_pdf

pymupdf = pytest.importorskip("pymupdf")
needs_ocr = pytest.mark.skipif(not tesseract_available(), reason="tesseract with the tha model not installed")
TITLE = "ประกาศองค์การบริหารส่วนตำบลภูกระดึง"
BODY = "เรื่อง แผนการจัดซื้อจัดจ้าง ประจำปีงบประมาณ"
HTML = f"<h1>{TITLE}</h1><p style='font-size:16pt'>{BODY}</p>"


def page_png(pdf: bytes, dpi: int = 200) -> bytes:
    with pymupdf.open(stream=pdf, filetype="pdf") as doc:
        return doc[0].get_pixmap(dpi=dpi, colorspace=pymupdf.csGRAY).tobytes("png")


def scanned_pdf(pages: int = 1) -> bytes:
    """An image-only PDF: each page a picture of Thai text, no text layer."""
    png = page_png(make_thai_pdf(HTML))
    doc = pymupdf.open()
    for _ in range(pages):
        page = doc.new_page(width=595, height=842)
        page.insert_image(page.rect, stream=png)
    return doc.tobytes()


# --------------------------------------------------------------------------- quality checks


@pytest.mark.parametrize(("text", "reason"), [
    ("ประกาศองค์การบริหารส่วนตำบลภูกระดึง เรื่อง แผนการจัดซื้อ", ""),
    ("Annual procurement plan of the district office, fiscal year 2024", ""),
    ("ขอ\uf70bมูลเจ\uf70bาหน\uf70bาที่ของหน่วยงานภาครัฐ", ""),  # Thai PUA: clean() maps it
    ("ΓΔΕΖΗΘΙΚΛΜΝΞΟΠΡΣΤΥΦΧΨΩ 2561 ΓΔΕΖΗΘΙΚ", "greek"),
    ("\ue0d9\ue11e\ue107\ue0d6\ue0fa\ue160\ue107\ue0fc\ue112\ue0ff\ue0e9\ue0dc\ue111\ue0dd\ue0ea\ue0dd" * 2, "pua"),
    ("\ufffd\ufffd\ufffd\ufffd\ufffd\ufffd\ufffd abc def ghi jkl mno", "replacement"),
    ("ÃÒÂ§Ò¹¼Å¡ÒÃ´Óà¹Ô¹§Ò¹»ÃÐ¨Ó»Õ", "latin1"),
    ("หน้า 1", "little-text"),
])
def test_text_layer_checks(text, reason):
    assert check_text(text).reason == reason


# --------------------------------------------------------------------------- OCR of PDFs and pictures


@needs_ocr
def test_scanned_pdf_pages_are_ocred_in_a_pool_with_progress():
    calls = []
    ext = extract(scanned_pdf(2), "application/pdf", "https://x.go.th/scan.pdf", ocr=True, ocr_workers=2,
                  on_page=lambda done, total: calls.append((done, total)))
    assert ext.error == ""
    assert [(p.method, p.quality) for p in ext.pages] == [("ocr", "little-text")] * 2
    assert all(p.confidence and p.confidence > 60 for p in ext.pages)
    assert fuzzy_contains(ext.text, TITLE) and fuzzy_contains(ext.text, BODY)
    assert calls[0] == (0, 2) and calls[-1] == (2, 2)
    assert ext.features["pages_ocr"] == 2 and ext.features["pages_without_text"] == 2


@needs_ocr
def test_page_selection_reads_only_the_named_pages():
    ext = extract(scanned_pdf(3), "application/pdf", "https://x.go.th/scan.pdf", ocr=True, pages=[2])
    assert [p.number for p in ext.pages] == [2]
    assert ext.features["pages_skipped"] == 2


def test_text_layer_pages_are_not_ocred():
    ext = extract(make_thai_pdf(HTML), "application/pdf", "https://x.go.th/a.pdf", ocr=True)
    assert [p.method for p in ext.pages] == ["text-layer"]
    assert "pages_need_ocr" not in ext.features


def _short_line_pdf(extra=None) -> bytes:
    """One page holding a single short line of text (too little to be a document's text), and ``extra`` ink."""
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    page.insert_text((72, 72), "Document 12")
    if extra:
        extra(page)
    return doc.tobytes()


def test_a_page_whose_only_ink_is_its_short_text_layer_is_not_ocred():
    # OCR could only read again the line the text layer holds: the page is kept as it is, not counted as scanned.
    ext = extract(_short_line_pdf(), "application/pdf", "https://x.go.th/d12.pdf")
    assert [p.method for p in ext.pages] == ["text-layer"]
    assert "Document 12" in ext.text
    assert "pages_need_ocr" not in ext.features


@pytest.mark.parametrize("ink", [
    pytest.param(lambda page: page.insert_image(pymupdf.Rect(72, 100, 523, 700), stream=page_png(make_thai_pdf(HTML))),
                 id="a scanned picture"),
    pytest.param(lambda page: page.draw_rect(pymupdf.Rect(72, 100, 523, 700), fill=(0, 0, 0)), id="vector drawing"),
])
def test_a_page_with_little_text_and_other_ink_still_needs_ocr(ink):
    # A stamp line over a scan, or text turned into outlines: OCR may read what the text layer lacks.
    ext = extract(_short_line_pdf(ink), "application/pdf", "https://x.go.th/d12.pdf")
    assert [p.quality for p in ext.pages] in (["little-text"], ["mostly-image"])
    assert ext.features["pages_need_ocr"] == 1


@needs_ocr
def test_pictures_are_ocred():
    png = page_png(make_thai_pdf(HTML))
    ext = extract(png, "image/png", "https://x.go.th/notice.png", ocr=True)
    assert ext.kind == "image" and ext.error == ""
    assert ext.pages[0].method == "image-ocr"
    assert fuzzy_contains(ext.text, TITLE)
    broken = extract(b"\x89PNG\r\n\x1a\n0000", "image/png", "https://x.go.th/a.png", ocr=True)
    assert broken.kind == "image" and broken.error.startswith("เปิดไฟล์รูปภาพไม่ได้")


@needs_ocr
@pytest.mark.skipif(chromium_path() is None, reason="chromium not installed")
def test_html_whose_text_is_only_in_a_picture_is_rendered_and_ocred():
    png = base64.b64encode(page_png(make_thai_pdf(HTML), dpi=100)).decode()
    body = f'<html><body><img src="data:image/png;base64,{png}" width="800"></body></html>'.encode()
    plain = extract(body, "text/html", "https://x.go.th/news.html")
    assert plain.features["text_in_images"] == 1 and plain.pages[0].method == "html"
    ext = extract(body, "text/html", "https://x.go.th/news.html", ocr=True)
    assert ext.kind == "html" and ext.pages[0].method in ("html-ocr", "text-layer+ocr")
    assert fuzzy_contains(ext.text, TITLE)


# --------------------------------------------------------------------------- limits and pools


def test_oversized_bodies_are_refused_with_the_reason():
    ext = extract(make_thai_pdf(HTML), "application/pdf", "https://x.go.th/a.pdf", max_bytes=100)
    assert ext.kind == "pdf" and ext.text == ""
    assert "ไฟล์ใหญ่เกินกำหนด" in ext.error and "file too large" in ext.error


@needs_ocr
def test_a_deadline_stops_ocr_and_is_recorded():
    ext = extract(scanned_pdf(3), "application/pdf", "https://x.go.th/scan.pdf", ocr=True, ocr_workers=1,
                  deadline_s=0.01)
    assert "timed out" in ext.error and "ไม่เสร็จ" in ext.error
    assert ext.features["timed_out"] == 1


@needs_ocr
def test_ocr_starts_no_process_per_page_and_keeps_its_engines(monkeypatch):
    # A scan's pages go to Tesseract's library as pixels: no tesseract process, no PNG, and the engines (each with
    # the Thai model loaded) serve the next pages and the next document.
    import tesserocr

    made = []

    class CountedEngine(tesserocr.PyTessBaseAPI):
        def __init__(self, *args, **kwargs):
            made.append(1)
            super().__init__(*args, **kwargs)

    def no_process(*args, **kwargs):
        raise AssertionError(f"OCR started a process: {args[:1]}")

    scan = scanned_pdf(3)
    monkeypatch.setattr(tesserocr, "PyTessBaseAPI", CountedEngine)
    monkeypatch.setattr(subprocess, "Popen", no_process)
    monkeypatch.setattr(pymupdf.Pixmap, "tobytes", no_process)
    for _ in range(2):
        ext = extract(scan, "application/pdf", "https://x.go.th/scan.pdf", ocr=True, ocr_workers=2)
        assert [p.method for p in ext.pages] == ["ocr"] * 3 and fuzzy_contains(ext.text, TITLE)
    assert len(made) <= 2  # at most one engine for each of the two workers, for six pages


@needs_ocr
def test_a_page_ocr_that_runs_past_its_time_is_stopped():
    from oitbase.extract.ocr import OcrError, Raster, ocr_raster

    dense = make_thai_pdf(f"<p style='font-size:7pt'>{(TITLE + ' ' + BODY + ' ') * 400}</p>")
    with pymupdf.open(stream=dense, filetype="pdf") as doc:
        pix = doc[0].get_pixmap(dpi=600, colorspace=pymupdf.csGRAY)
    raster = Raster.of(pix)
    started = time.monotonic()
    with pytest.raises(OcrError, match="timed out"):
        ocr_raster(raster, timeout=1.0)
    assert time.monotonic() - started < 15  # stopped near its limit, not after the whole page (a minute or more)


@needs_ocr
def test_extract_in_pool_runs_in_a_process_pool_with_ocr_on():
    with ProcessPoolExecutor(max_workers=1) as pool:
        ext = pool.submit(extract_in_pool, scanned_pdf(1), "application/pdf", "https://x.go.th/s.pdf").result()
    assert ext.pages[0].method == "ocr" and fuzzy_contains(ext.text, TITLE)


# --------------------------------------------------------------------------- legacy Office files


@pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice needed to make a .doc fixture")
def test_legacy_doc_is_read(tmp_path):
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.add_paragraph(TITLE)
    document.add_paragraph(BODY)
    document.save(tmp_path / "a.docx")
    subprocess.run(["soffice", f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless",
                    "--convert-to", "doc", "--outdir", str(tmp_path), str(tmp_path / "a.docx")],
                   capture_output=True, timeout=120, check=True)
    ext = extract((tmp_path / "a.doc").read_bytes(), "application/msword", "https://x.go.th/a.doc")
    assert ext.kind == "doc" and ext.error == ""
    assert fuzzy_contains(ext.text, TITLE) and fuzzy_contains(ext.text, BODY)


# --------------------------------------------------------------------------- oit extract


def test_parse_pages():
    assert parse_pages("1,3-5, 3") == [1, 3, 4, 5]
    assert parse_pages("") is None


def test_extract_command_prints_clean_text_and_json(tmp_path: Path):
    pdf = tmp_path / "a.pdf"
    pdf.write_bytes(make_thai_pdf("<p>ขอ\u0e49มูล สํานักงาน</p>"))
    result = CliRunner().invoke(extract_command, [str(pdf), "--no-ocr"])
    assert result.exit_code == 0, result.output
    assert "สำนักงาน" in result.output  # decomposed ํา composed: the normalised text
    result = CliRunner().invoke(extract_command, [str(pdf), "--json", "--no-ocr"])
    data = json.loads(result.output)
    assert data["kind"] == "pdf" and data["pages"][0]["method"] == "text-layer"
    assert data["pages"][0]["confidence"] is None
    broken = tmp_path / "b.pdf"
    broken.write_bytes(b"%PDF-1.4 broken")
    result = CliRunner().invoke(extract_command, [str(broken)])
    assert result.exit_code == 1 and "เปิดไฟล์ไม่ได้" in result.output


# --------------------------------------------------------------------------- date pass (second OCR pass)

UNIT = "องค์การบริหารส่วนตำบลหนองบัว"
#: (fiscal year in the title, signature date): every year has digits the Thai model cannot write.
OFFICIAL_DATES = [
    ("๒๕๖๗", "๑๕ ตุลาคม พ.ศ. ๒๕๖๖", date(2023, 10, 15)),
    ("๒๕๖๔", "๘ ตุลาคม พ.ศ. ๒๕๖๓", date(2020, 10, 8)),
    ("๒๕๖๙", "๔ กุมภาพันธ์ พ.ศ. ๒๕๖๙", date(2026, 2, 4)),
]


def official_scan(fiscal_year: str, date_line: str, *, seed: int = 0, dpi: int = 150, blur_dpi: int = 110,
                  noise: float = 0.004) -> bytes:
    """An image-only PDF of a one-page announcement ("ประกาศ…", "เรื่อง …", body, "ประกาศ ณ วันที่ …",
    signature) in TLWG Laksaman (the free TH Sarabun), scanned: 150 dpi, blurred (drawn at 110 dpi
    and enlarged) and speckled with noise."""
    font = pymupdf.Font(fontfile="/usr/share/fonts/truetype/tlwg/Laksaman.ttf")
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    writer = pymupdf.TextWriter(page.rect)

    def put(y: float, text: str, size: float = 16, x: float | None = None) -> None:
        left = (595 - font.text_length(text, fontsize=size)) / 2 if x is None else x
        writer.append((left, y), text, font=font, fontsize=size)

    put(110, f"ประกาศ{UNIT}", 18)
    put(135, f"เรื่อง แผนการจัดซื้อจัดจ้าง ประจำปีงบประมาณ พ.ศ. {fiscal_year}")
    put(150, "-" * 40, 12)
    for i, text in enumerate([f"ด้วย{UNIT} ได้จัดทำแผนการจัดซื้อจัดจ้างเพื่อให้การดำเนินงาน",
                              "เป็นไปด้วยความโปร่งใส ตรวจสอบได้ ตามระเบียบกระทรวงการคลังว่าด้วย",
                              "การจัดซื้อจัดจ้างและการบริหารพัสดุภาครัฐ จึงประกาศให้ทราบโดยทั่วกัน"]):
        put(190 + 24 * i, text, x=90)
    put(300, f"ประกาศ ณ วันที่ {date_line}", x=230)
    put(370, "(นายสมชาย ใจดี)", x=270)
    put(394, f"นายก{UNIT}", x=220)
    writer.write_text(page)
    small = page.get_pixmap(dpi=blur_dpi, colorspace=pymupdf.csGRAY)
    big = pymupdf.Pixmap(small, small.width * dpi // blur_dpi, small.height * dpi // blur_dpi, None)
    samples, rnd = bytearray(big.samples), random.Random(seed)
    for _ in range(int(len(samples) * noise)):
        samples[rnd.randrange(len(samples))] = rnd.choice((0, 90, 255))
    picture = pymupdf.Pixmap(pymupdf.csGRAY, big.width, big.height, bytes(samples), False)
    scan = pymupdf.open()
    scan.new_page(width=595, height=842).insert_image(pymupdf.Rect(0, 0, 595, 842), stream=picture.tobytes("png"))
    return scan.tobytes()


def _exact(text: str) -> tuple[set[date], set[int]]:
    """Full dates and fiscal years read without any correction."""
    text = clean(text)
    return ({d.date for d in find_dates(text) if not d.corrected},
            {m.year for m in find_years(text) if m.kind == "fiscal" and not m.corrected})


@needs_ocr
@pytest.mark.parametrize(("fiscal_year", "date_line", "signed"), OFFICIAL_DATES,
                         ids=[f"fy{to_arabic_digits(fy)}" for fy, _, _ in OFFICIAL_DATES])
def test_date_pass_recovers_thai_digit_years_the_first_pass_misses(fiscal_year, date_line, signed):
    pdf = official_scan(fiscal_year, date_line)
    fy = int(to_arabic_digits(fiscal_year))
    first = extract(pdf, "application/pdf", "https://x.go.th/plan.pdf", ocr=True, date_pass=False)
    dates, years = _exact(first.text)
    assert signed not in dates and fy not in years  # ๖ ๗ ๘ ๙ are read as ๒ ๐ ๕ …
    assert main_fiscal_year(clean(first.text)) != fy

    second = extract(pdf, "application/pdf", "https://x.go.th/plan.pdf", ocr=True)
    dates, years = _exact(second.text)
    assert signed in dates and fy in years
    found = main_year(clean(second.text))
    assert (found.year, found.corrected) == (fy, False)
    (page,) = second.pages
    assert page.method == "ocr+dates" and page.second_pass.startswith("date lines OCRed again")
    assert second.features["pages_date_pass"] == 1 and second.features["date_pass_numbers"] >= 2
    # The first pass's text is all there, in order; the second pass only adds lines.
    added = iter(second.pages[0].text.splitlines())
    assert all(line in added for line in first.pages[0].text.splitlines())


@needs_ocr
def test_date_pass_is_skipped_when_the_year_is_in_arabic_digits():
    html = "<h1>ประกาศเทศบาลตำบลพอกน้อย</h1><p style='font-size:16pt'>รายงานประมาณการรายจ่าย ประจำปีงบประมาณ พ.ศ. 2559</p>"
    png = page_png(make_thai_pdf(html))
    doc = pymupdf.open()
    doc.new_page(width=595, height=842).insert_image(pymupdf.Rect(0, 0, 595, 842), stream=png)
    ext = extract(doc.tobytes(), "application/pdf", "https://x.go.th/a.pdf", ocr=True)
    assert ext.pages[0].method == "ocr" and ext.pages[0].second_pass == ""
    assert "pages_date_pass" not in ext.features


#: Realdocs scans (Thai digits in TH SarabunIT๙) and the fiscal year their first page states.
SCANS = {"phichai-scan-16.pdf": 2567, "phichai-scan-19.pdf": 2568, "phichai-scan-moit1-2-68.pdf": 2568}


@needs_ocr
@pytest.mark.parametrize("name", sorted(SCANS))
def test_date_pass_reads_the_year_of_real_scans(name):
    path = REALDOCS / name
    if not path.exists():
        pytest.skip(f"{REALDOCS} not available")
    body = path.read_bytes()
    first = extract(body, "application/pdf", name, pages=[1], ocr=True, date_pass=False)
    second = extract(body, "application/pdf", name, pages=[1], ocr=True)
    assert SCANS[name] not in _exact(first.text)[1]
    assert main_fiscal_year(clean(first.text)) != SCANS[name]
    assert SCANS[name] in _exact(second.text)[1]
    found = main_year(clean(second.text))
    assert (found.year, found.corrected) == (SCANS[name], False)
    assert second.pages[0].method == "ocr+dates"
