"""Pictures (PNG, JPEG, GIF, TIFF, BMP, WebP) and HTML pages rendered by Chromium, read by OCR.

Chromium prints a page to PDF (``--print-to-pdf``), so long pages are cut into printed pages,
and :func:`oitbase.extract.pdf.extract_pdf` decides page by page what needs OCR: text drawn with
web fonts over Private Use Area code points (pdf2htmlEX) or text that is only in pictures.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

from oitbase.extract import Extracted, PageText, datepass, first_lines, text_features
from oitbase.extract.ocr import DEFAULT_LANG, PAGE_TIMEOUT_S, OcrError, OcrPool, OcrResult, Raster, ocr_raster

#: Pictures narrower than this are enlarged (Tesseract wants letters ≥ ~20 px high).
MIN_OCR_WIDTH = 1600
CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--no-first-run", "--disable-sync", "--no-pdf-header-footer",
    "--hide-scrollbars", "--mute-audio",
]
_HEAD_RE = re.compile(rb"<head[^>]*>", re.IGNORECASE)


def image_pages(body: bytes, max_pages: int = 300) -> list[Raster]:
    """Each frame of a picture in gray, enlarged when small. Raises on unreadable data."""
    import pymupdf

    out = []
    with pymupdf.open(stream=body) as doc:  # MuPDF sniffs the image type; TIFF frames are pages
        for page in list(doc)[:max_pages]:
            zoom = max(1.0, min(4.0, MIN_OCR_WIDTH / max(1.0, page.rect.width)))
            out.append(Raster.of(page.get_pixmap(matrix=pymupdf.Matrix(zoom, zoom), colorspace=pymupdf.csGRAY)))
    return out


def extract_image(body: bytes, url: str = "", *, max_pages: int = 300, ocr_lang: str = DEFAULT_LANG,
                  deadline: float | None = None, date_pass: bool = True) -> Extracted:
    """OCR every frame of a picture (kind "image", method "image-ocr"; "image-ocr+dates" when the
    date lines were read a second time, see :mod:`oitbase.extract.datepass`)."""
    try:
        frames = image_pages(body, max_pages)
    except Exception as exc:  # MuPDF raises several types on broken images
        return Extracted(kind="image", error=f"เปิดไฟล์รูปภาพไม่ได้ (corrupt image: {exc})")
    pages: list[PageText] = []
    results: dict[int, OcrResult] = {}
    for number, frame in enumerate(frames, 1):
        timeout = PAGE_TIMEOUT_S if deadline is None else deadline - time.monotonic()
        if timeout <= 0:
            break
        try:
            result = ocr_raster(frame, lang=ocr_lang, timeout=min(timeout, PAGE_TIMEOUT_S),
                                boxes=date_pass and datepass.needs_date_pass)
        except OcrError as exc:
            return Extracted(kind="image", error=f"อ่านข้อความในรูปภาพไม่ได้ (OCR failed: {exc})")
        results[len(pages)] = result
        pages.append(PageText(number=number, text=result.text, method="image-ocr", chars=len(result.text),
                              confidence=result.confidence))
    stats = _date_pass(body, pages, results, ocr_lang, deadline) if date_pass and results else {}
    text = "\n\n".join(p.text for p in pages)
    features = text_features(text) | {"pages": len(frames), "image": len(frames)}
    if stats.get("date_pass"):
        features.update(pages_date_pass=stats["date_pass"], date_pass_numbers=stats["date_pass_numbers"])
    error = "" if len(pages) == len(frames) else "อ่านไฟล์ไม่เสร็จในเวลาที่กำหนด (timed out during OCR)"
    return Extracted(kind="image", title=next(iter(first_lines(text, 1)), ""), headings=first_lines(text),
                     text=text, pages=pages, features=features, error=error)


def _date_pass(body: bytes, pages: list[PageText], results: dict[int, OcrResult], lang: str,
               deadline: float | None) -> dict[str, int]:
    """The date pass re-renders its bands from the picture's own frames (the first pass's size gives the scale)."""
    import pymupdf

    from oitbase.extract.pdf import date_pass_pages

    with pymupdf.open(stream=body) as doc, OcrPool(lang=lang) as pool:
        return date_pass_pages(doc.load_page, pages, results, pool, deadline)


def chromium_path() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")


def render_html_pdf(body: bytes, url: str = "", *, allow_network: bool = False,
                    timeout: float = 60.0) -> bytes | None:
    """Print an HTML page to PDF with headless Chromium; None when Chromium is missing or fails.

    Offline by default (every host name fails to resolve; ``data:`` fonts and images still
    load). With ``allow_network`` a ``<base href=url>`` lets relative pictures load.
    """
    exe = chromium_path()
    if not exe:
        return None
    if allow_network and url and b"<base" not in body[:4096].lower():
        base = b'<base href="' + url.encode("utf-8", "replace").replace(b'"', b"%22") + b'">'
        body = _HEAD_RE.sub(lambda m: m.group() + base, body, count=1) if _HEAD_RE.search(body) else base + body
    with tempfile.TemporaryDirectory(prefix="oit-chromium-") as tmp:
        page, pdf = Path(tmp) / "page.html", Path(tmp) / "page.pdf"
        page.write_bytes(body)
        flags = [*CHROMIUM_FLAGS, f"--user-data-dir={tmp}/profile", f"--print-to-pdf={pdf}"]
        if not allow_network:
            flags.append("--host-resolver-rules=MAP * ~NOTFOUND")
        try:
            subprocess.run([exe, *flags, page.as_uri()], capture_output=True, timeout=timeout)
        except (OSError, subprocess.SubprocessError):
            return None
        return pdf.read_bytes() if pdf.exists() and pdf.stat().st_size else None
