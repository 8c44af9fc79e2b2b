"""PDF extraction with PyMuPDF: the text layer of each page, OCR where it is unusable, links, features.

Each selected page's text layer is judged by :func:`oitbase.extract.quality.check_text`. A page whose
layer is unusable (Greek/Coptic or Latin-1 letters from fonts without a Unicode map, foreign PUA
code points, replacement characters) or that has too little text but visible ink (scans,
outlined text) is OCRed when ``ocr=True`` (method "ocr"); a page with a little text over large
pictures gets the OCR text appended (method "text-layer+ocr"). Without OCR such pages keep their
layer and are counted in ``pages_need_ocr``. Pages are rendered here, in the caller's thread,
and OCRed by an :class:`~oitbase.extract.ocr.OcrPool` while the next pages are read.

Map detection only uses link annotations to map URLs: the word "แผนที่" next to a picture says
nothing about whether a map is really there.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from concurrent.futures import FIRST_COMPLETED, Future, wait
from dataclasses import dataclass
from functools import partial

import pymupdf

from oitbase.extract import (
    Extracted,
    ExtractedLink,
    PageText,
    clean_url,
    datepass,
    dedupe_links,
    first_lines,
    is_map_url,
    join_pages,
    real_title,
    text_features,
    viewer_target,
)
from oitbase.extract.limits import (
    CORRUPT,
    MIN_OCR_DPI,
    PDF_MAX_CONTENT_BYTES,
    PDF_MAX_IMAGE_PIXELS,
    inflated_size,
    mib,
    too_large,
)
from oitbase.extract.ocr import DEFAULT_LANG, OCR_DPI, PAGE_TIMEOUT_S, OcrError, OcrPool, OcrResult, Raster
from oitbase.extract.quality import MIN_PAGE_CHARS, REASONS, check_text

__all__ = ["MIN_PAGE_CHARS", "date_pass_pages", "extract_pdf", "render_page"]

#: A page with fewer non-space characters than this whose pictures cover at least
#: :data:`IMAGE_COVER` of its area is also OCRed (text-layer + OCR).
FEW_CHARS = 200
IMAGE_COVER = 0.3
#: Rendered page images are kept under this many pixels (posters, A0 plans).
MAX_PIXELS = 40_000_000

ProgressCallback = Callable[[int, int], None]


def _page_links(page: pymupdf.Page) -> list[ExtractedLink]:
    links = []
    for ln in page.get_links():
        uri = (ln.get("uri") or "").strip()
        if not uri or not uri.lower().startswith(("http://", "https://", "ftp://")):
            continue
        try:
            text = " ".join(page.get_textbox(ln["from"]).split())
        except (RuntimeError, ValueError, KeyError):
            text = ""
        url = clean_url(uri)
        links.append(ExtractedLink(url=url, text=text, kind="a"))
        if (target := viewer_target(url)) is not None:
            links.append(ExtractedLink(url=target, text=text, kind="viewer"))
    return links


def _error(message: str, **features: int) -> Extracted:
    return Extracted(kind="pdf", error=message, features=dict(features))


def render_page(page: pymupdf.Page, dpi: int = OCR_DPI) -> Raster:
    """The page in gray at ``dpi`` (less for very large pages), for OCR."""
    area = page.rect.width * page.rect.height / 72 / 72  # square inches
    if area * dpi * dpi > MAX_PIXELS:
        dpi = max(72, int((MAX_PIXELS / area) ** 0.5))
    return Raster.of(page.get_pixmap(dpi=dpi, colorspace=pymupdf.csGRAY))


def _has_ink(page: pymupdf.Page) -> bool:
    """Anything visible on the page besides its text layer (images, inline ones too, drawings such as outlined
    text, annotations)? A page whose only ink is its few characters of text has nothing more for OCR to read."""
    return bool(page.get_images() or page.get_image_info() or page.get_cdrawings() or page.first_annot)


def _flate_layers(doc: pymupdf.Document, xref: int) -> int:
    """How many FlateDecode filters a stream has (0 when it has none or other filters too)."""
    kind, value = doc.xref_get_key(xref, "Filter")
    names = value.strip("[]").split() if kind in ("name", "array") else []
    return len(names) if names and all(n in ("/FlateDecode", "/Fl") for n in names) else 0


def content_refusal(doc: pymupdf.Document, page: pymupdf.Page) -> str:
    """Why the page's text must not be read: a content stream that inflates past the limit."""
    for xref in page.get_contents():
        layers = _flate_layers(doc, xref)
        if layers and inflated_size(doc.xref_stream_raw(xref), layers, PDF_MAX_CONTENT_BYTES) is None:
            return f"decompression bomb: page {page.number + 1} content expands past {mib(PDF_MAX_CONTENT_BYTES)}"
    return ""


def render_refusal(page: pymupdf.Page) -> str:
    """Why the page must not be rendered for OCR ("" when it may): too large a page, or a picture
    with more pixels than a decoder should hold (decompression bomb)."""
    width, height = page.rect.width / 72, page.rect.height / 72
    if width * height * MIN_OCR_DPI * MIN_OCR_DPI > MAX_PIXELS:
        return f"page too large to OCR: page {page.number + 1} is {width:,.0f} × {height:,.0f} in"
    for img in page.get_images():
        w, h = img[2], img[3]
        if w * h > PDF_MAX_IMAGE_PIXELS:
            return f"decompression bomb: image of {w:,} × {h:,} px on page {page.number + 1}"
    return ""


def _image_cover(page: pymupdf.Page) -> float:
    """Share of the page area covered by images (overlaps counted twice, capped at 1)."""
    page_area = abs(page.rect) or 1.0
    covered = 0.0
    for info in page.get_image_info():
        box = pymupdf.Rect(info["bbox"]) & page.rect
        covered += abs(box) if box.is_valid else 0.0
    return min(1.0, covered / page_area)


def _ocr_need(page: pymupdf.Page, text: str) -> tuple[str, str]:
    """(mode, reason): mode "" (text layer is fine), "replace" or "add"."""
    check = check_text(text)
    if check.reason == "little-text":
        return ("replace", "little-text") if _has_ink(page) else ("", "")
    if check.reason:
        return "replace", check.reason
    if len("".join(text.split())) < FEW_CHARS and _image_cover(page) >= IMAGE_COVER:
        return "add", "mostly-image"
    return "", ""


@dataclass
class _Pending:
    index: int  # into the pages list
    mode: str  # "replace" | "add"


def select_pages(page_count: int, max_pages: int, pages: Iterable[int] | None) -> list[int]:
    """0-based page indexes to read: ``pages`` (1-based, out-of-range ignored) or the first ones."""
    if pages is None:
        return list(range(min(page_count, max_pages)))
    wanted = sorted({p - 1 for p in pages if 1 <= p <= page_count})
    return wanted[:max_pages]


def extract_pdf(body: bytes, url: str = "", *, max_pages: int = 300, pages: Iterable[int] | None = None,
                ocr: bool = False, ocr_workers: int = 2, ocr_lang: str = DEFAULT_LANG,
                deadline: float | None = None, on_page: ProgressCallback | None = None,
                date_pass: bool = True) -> Extracted:
    """Read a PDF. ``deadline`` is a :func:`time.monotonic` time; ``on_page(done, total)`` reports OCR.
    ``date_pass``: OCR the date lines of OCRed pages again when they hold no usable year
    (:mod:`oitbase.extract.datepass`)."""
    try:
        doc = pymupdf.open(stream=body, filetype="pdf")
    except Exception as exc:  # MuPDF raises several types for broken files
        return _error(f"เปิดไฟล์ไม่ได้ (corrupt PDF: {exc})")
    with doc:
        if doc.needs_pass:
            return _error("เปิดไฟล์ไม่ได้ (encrypted PDF)")
        # MuPDF rebuilds a damaged cross-reference table; without an end marker the file was cut short.
        truncated = doc.is_repaired and b"%%EOF" not in body[-1024:]
        try:
            page_count = doc.page_count
        except Exception:
            page_count = 0
        if page_count == 0:
            return _error("เปิดไฟล์ไม่ได้ (PDF มี 0 หน้า / PDF has no pages)", pages=0)
        if truncated:
            return _error(f"{CORRUPT} (corrupt PDF: file is cut short, no end marker after {len(body):,} bytes)",
                          pages=page_count, repaired=1)
        selected = select_pages(page_count, max_pages, pages)
        out: list[PageText] = []
        links: list[ExtractedLink] = []
        pending: dict[Future[OcrResult], _Pending] = {}
        images = failed = empty = need_ocr = 0
        refused: list[str] = []
        timed_out = False
        pool = OcrPool(ocr_workers, lang=ocr_lang) if ocr else None
        try:
            for number in selected:
                if deadline is not None and time.monotonic() > deadline:
                    timed_out = True
                    break
                try:
                    page = doc.load_page(number)
                    if refusal := content_refusal(doc, page):
                        refused.append(refusal)
                        text, mode, reason = "", "", refusal
                    else:
                        # No sort=True: on real files it drops characters (overlapping duplicate
                        # text, tone marks, control codes that encode digits in broken fonts).
                        text = page.get_text("text")
                        images += len(page.get_images())
                        links += _page_links(page)
                        mode, reason = _ocr_need(page, text)
                    if mode and (refusal := render_refusal(page)):
                        refused.append(refusal)
                        mode, reason = "", f"{reason}; {refusal}"
                except Exception:  # one bad page must not lose the others
                    failed += 1
                    text, mode, reason, page = "", "", "", None
                text = text.rstrip("\n")
                if len("".join(text.split())) < MIN_PAGE_CHARS:
                    empty += 1
                out.append(PageText(number=number + 1, text=text, method="text-layer", chars=len(text),
                                    quality=reason))
                if not mode:
                    continue
                need_ocr += 1
                if pool is not None and page is not None:
                    raster = render_page(page)
                    timeout = PAGE_TIMEOUT_S if deadline is None else max(1.0, deadline - time.monotonic())
                    # The date pass needs the lines' boxes, and only where the text read holds no usable year.
                    boxes = date_pass and partial(datepass.needs_date_pass, layer=text if mode == "add" else "")
                    job = pool.submit(raster, min(timeout, PAGE_TIMEOUT_S), boxes=boxes)
                    pending[job] = _Pending(len(out) - 1, mode)
            results: dict[int, OcrResult] = {}
            ocr_stats = _collect(pending, out, deadline, on_page, results)
            if pool is not None and results and date_pass:
                ocr_stats.update(date_pass_pages(lambda i: doc.load_page(out[i].number - 1), out, results, pool,
                                                 deadline))
        finally:
            if pool is not None:
                pool.close()
        meta_title = (doc.metadata or {}).get("title", "")
    timed_out = timed_out or ocr_stats["timed_out"] > 0
    if failed == len(out) and out:
        return _error("เปิดไฟล์ไม่ได้ (corrupt PDF: no page could be read)", pages=page_count)
    text = join_pages(out)
    features = text_features(text)
    features.update({
        "pages": page_count,
        "image": images,
        "map": sum(1 for link in links if link.kind != "viewer" and is_map_url(link.url)),
        "pages_without_text": empty,
    })
    if page_count > len(selected):
        features["pages_skipped"] = page_count - len(selected)
    if failed:
        features["pages_failed"] = failed
    if need_ocr:
        features["pages_need_ocr"] = need_ocr
    if refused:
        features["pages_refused"] = len(refused)
    for key in ("ocr", "ocr_failed", "date_pass"):
        if ocr_stats.get(key):
            features[f"pages_{key}"] = ocr_stats[key]
    if ocr_stats.get("date_pass"):
        features["date_pass_numbers"] = ocr_stats["date_pass_numbers"]
    error = ""
    if refused and not text.strip():
        error = too_large(refused[0])
    if timed_out:
        features["timed_out"] = 1
        error = (f"อ่านไฟล์ไม่เสร็จในเวลาที่กำหนด (timed out: {ocr_stats['ocr']} of {need_ocr} "
                 f"OCR pages done, {len(out)} of {len(selected)} pages read)")
    return Extracted(
        kind="pdf",
        title=real_title(meta_title) or next(iter(first_lines(text, 1)), ""),
        headings=first_lines(out[0].text) if out else [],
        text=text,
        pages=out,
        links=dedupe_links(links),
        features=features,
        error=error,
    )


def _collect(pending: dict[Future[OcrResult], _Pending], out: list[PageText], deadline: float | None,
             on_page: ProgressCallback | None, results: dict[int, OcrResult]) -> dict[str, int]:
    """Wait for the OCR futures and put their text into ``out`` (and each result, by page index, into
    ``results``)."""
    stats = {"ocr": 0, "ocr_failed": 0, "timed_out": 0}
    total, done = len(pending), 0
    if on_page and total:
        on_page(0, total)
    waiting = set(pending)
    while waiting:
        timeout = None if deadline is None else max(0.0, deadline - time.monotonic()) + 1.0
        finished, waiting = wait(waiting, timeout=timeout, return_when=FIRST_COMPLETED)
        if not finished:  # deadline passed: give up on the rest
            stats["timed_out"] += len(waiting)
            for fut in waiting:
                fut.cancel()
            break
        for fut in finished:
            done += 1
            job = pending[fut]
            page = out[job.index]
            try:
                result = fut.result()
            except OcrError as exc:
                stats["ocr_failed"] += 1
                if "timed out" in str(exc):
                    stats["timed_out"] += 1
                page.quality = f"{page.quality}; OCR failed: {exc}".lstrip("; ")
            else:
                stats["ocr"] += 1
                results[job.index] = result
                ocr_text = result.text.strip()
                if job.mode == "add" and page.text.strip():
                    page.text, page.method = f"{page.text}\n{ocr_text}", "text-layer+ocr"
                else:
                    page.text, page.method = ocr_text, "ocr"
                page.chars, page.confidence = len(page.text), result.confidence
            if on_page:
                on_page(done, total)
    return stats


def date_pass_pages(load_page: Callable[[int], pymupdf.Page], out: list[PageText], results: dict[int, OcrResult],
                    pool: OcrPool, deadline: float | None) -> dict[str, int]:
    """OCR the date lines of OCRed pages again where the first pass read no usable year
    (:mod:`oitbase.extract.datepass`): ``results`` are the first pass's by index into ``out``, and
    ``load_page(index)`` the page it read. The lines read are inserted into the page's text and its
    method gets "+dates"; ``second_pass`` says what was done (also when it read no date line)."""
    stop = time.monotonic() + datepass.BUDGET_S
    stop = stop if deadline is None else min(stop, deadline)
    stats = {"date_pass": 0, "date_pass_numbers": 0}
    first = min(results, default=0)
    for index in sorted(results)[: datepass.MAX_PAGES * 4]:
        if stats["date_pass"] >= datepass.MAX_PAGES or time.monotonic() >= stop:
            break
        result, page_text = results[index], out[index]
        ocr_part = result.text.strip()
        layer = page_text.text[: page_text.text.rfind(ocr_part)] if page_text.method.startswith("text-layer") else ""
        if not datepass.needs_date_pass(result.text, layer=layer) or not result.size[0]:
            continue
        try:
            page = load_page(index)
            done = datepass.run_page(result, _band_renderer(page, result.size[0]), _band_ocr(pool, stop),
                                     first_page=index == first, deadline=stop)
        except (OcrError, RuntimeError, ValueError) as exc:
            stopped = "out of time" if "timed out" in str(exc) else f"failed: {exc}"
            page_text.second_pass = f"date pass {stopped}"
            continue
        if done is None:
            continue
        stats["date_pass"] += 1
        stats["date_pass_numbers"] += done.numbers
        if done.lines:
            page_text.text = datepass.merge(page_text.text, result, done.lines)
            page_text.chars = len(page_text.text)
            page_text.method += datepass.METHOD_SUFFIX
        page_text.second_pass = done.note()
    return stats


def _band_renderer(page: pymupdf.Page, ocr_width: int) -> Callable[[int, int], datepass.Picture]:
    """Render a band given in pixels of the first pass's image, at :data:`datepass.ZOOM` times its scale."""
    scale = ocr_width / page.rect.width  # first-pass pixels per point
    zoom = scale * datepass.ZOOM
    if page.rect.width * zoom * page.rect.height * zoom > MAX_PIXELS:
        zoom = (MAX_PIXELS / (page.rect.width * page.rect.height)) ** 0.5

    def render(top: int, bottom: int) -> datepass.Picture:
        clip = pymupdf.Rect(page.rect.x0, page.rect.y0 + top / scale, page.rect.x1, page.rect.y0 + bottom / scale)
        pix = page.get_pixmap(matrix=pymupdf.Matrix(zoom, zoom), clip=clip, colorspace=pymupdf.csGRAY)
        return datepass.Picture(pix.samples, pix.width, pix.height, pix.xres)

    return render


def _band_ocr(pool: OcrPool, stop: float) -> Callable[[list[datepass.Picture]], list[OcrResult]]:
    """OCR a page's bands in ``pool``, as many at once as it OCRs pages."""
    def ocr(pictures: list[datepass.Picture]) -> list[OcrResult]:
        timeout = max(1.0, min(PAGE_TIMEOUT_S, stop - time.monotonic()))
        jobs = [pool.submit(picture.raster(), timeout, psm=datepass.PSM, boxes=True) for picture in pictures]
        return [job.result() for job in jobs]

    return ocr


def describe_quality(reason: str) -> str:
    """English words for a page's ``quality`` reason key."""
    return REASONS.get(reason, reason)
