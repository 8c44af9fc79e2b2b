"""OCR, limits, pictures, rendered HTML, legacy Office files and the ``oit extract`` command.

Fixtures are generated at test time: Thai text laid out by PyMuPDF with the TLWG Laksaman font,
rendered to pictures for the OCR cases.
"""

from __future__ import annotations

import base64
import json
import shutil
import subprocess
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest
from click.testing import CliRunner

from oit.extract import extract, extract_in_pool
from oit.extract.cli import extract_command, parse_pages
from oit.extract.image import chromium_path
from oit.extract.ocr import tesseract_available
from oit.extract.quality import check_text
from oit.thai import fuzzy_contains
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
