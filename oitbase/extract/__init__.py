"""Turn fetched bytes into raw text + structure (title, headings, pages, links, features).

Everything here is a pure function of ``(body, content_type, url)``: no network, no disk.
The text is *raw*: Thai normalisation (PUA tone marks, decomposed ``ํา``, zero-width
characters …) is done later by :mod:`oitbase.thai.clean`, so extractors must not drop characters.

The format modules (:mod:`.html`, :mod:`.pdf`, :mod:`.office`) are imported lazily by
:func:`extract`, so importing this package does not load PyMuPDF or openpyxl.
"""

from __future__ import annotations

import io
import re
import time
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl, unquote, urljoin, urlsplit

from oitbase.extract.limits import MAX_DOC_CHARS, MAX_PAGE_CHARS, MAX_RENDER_HTML_BYTES, limit_html
from oitbase.thai import to_arabic_digits

__all__ = [
    "DEFAULT_MAX_BYTES",
    "DEFAULT_MAX_PAGES",
    "DOCUMENT_EXTENSIONS",
    "Extracted",
    "ExtractedLink",
    "PageText",
    "extract",
    "extract_in_pool",
    "is_document_url",
    "sniff_kind",
]


@dataclass
class ExtractedLink:
    """A link one page or document contains, as extraction reads it (without the page's own URL). The store's
    links from one resource to another are ``checklist.sitedata.Link``."""

    #: Absolute, fragment removed, whitespace stripped.
    url: str
    #: Anchor text (plus img alt/title inside the anchor and the title attribute), collapsed.
    text: str
    #: "a", "iframe", "area", "form", "embed", "onclick", or "viewer" (a document URL taken
    #: out of a viewer's query string, e.g. pdf.js ``viewer.html?file=…``).
    kind: str = "a"


@dataclass
class PageText:
    number: int  # 1-based
    text: str
    #: "text-layer", "ocr" (page OCRed), "text-layer+ocr" (OCR of pictures appended), "html",
    #: "html-ocr" (rendered page OCRed), "image-ocr", "docx", "xlsx", "odt", "ods", "text",
    #: "doc"/"xls"/"ppt"/"rtf" (legacy files through catdoc). An OCR method ends in "+dates" when
    #: a second OCR pass of the page's date lines added lines to ``text`` (:mod:`oitbase.extract.datepass`).
    method: str
    chars: int
    #: Mean OCR word confidence 0–100 (Tesseract) for OCRed pages; None otherwise.
    confidence: float | None = None
    #: Why the text layer was judged unusable ("greek", "pua", "little-text", "mostly-image" …,
    #: see :data:`oitbase.extract.quality.REASONS`), plus OCR failures; "" when it was fine.
    quality: str = ""
    #: What a second OCR pass of the date lines did ("" when none was made): regions, numbers
    #: re-read and changed, seconds. The lines it read are appended to ``text``.
    second_pass: str = ""


@dataclass
class Extracted:
    """What one fetched body holds.

    ``features`` are counts. Always: "text_chars", "phone" (distinct Thai numbers), "email"
    (distinct addresses). HTML adds "map", "form", "image", "table", "iframe", "script_links",
    "placeholder_links", "mailto", "tel". PDF adds "pages", "image", "map" (link annotations
    to map sites), "pages_without_text" and, when relevant, "pages_skipped"/"pages_failed";
    OCR adds "pages_ocr" and, when the date lines were read a second time, "pages_date_pass" and
    "date_pass_numbers" (numbers re-read by the digit reader).
    Office adds "table", "image" (docx/odt), "pages" (sheets) and "pages_skipped"/"rows_skipped".
    """

    kind: str  # "html" | "pdf" | "docx" | "xlsx" | "odt" | "ods" | "text" | "other"
    title: str = ""
    #: h1–h3 for HTML; for documents the first non-empty lines (≤3) of page 1.
    headings: list[str] = field(default_factory=list)
    #: Whole raw text, pages joined with "\n\n".
    text: str = ""
    pages: list[PageText] = field(default_factory=list)
    links: list[ExtractedLink] = field(default_factory=list)
    features: dict[str, int] = field(default_factory=dict)
    #: Thai + English reason when the body could not be read, else "".
    error: str = ""
    #: HTML/text: the Python codec used to decode.
    encoding: str = ""
    #: HTML with ``extract(…, keep_tree=True)``: the parsed page (lxml), for a caller that reads more of it (the
    #: crawler's ITA rows) without parsing it again. Not picklable: ``extract`` drops it otherwise.
    tree: Any = field(default=None, repr=False, compare=False)


DOCUMENT_EXTENSIONS: tuple[str, ...] = (
    ".pdf", ".doc", ".docx", ".xls", ".xlsx", ".odt", ".ods", ".ppt", ".pptx", ".rtf",
)
_DOC_EXT_RE = re.compile(r"\.(?:pdf|docx?|xlsx?|od[ts]|pptx?|rtf)$", re.IGNORECASE)


def is_document_url(url: str) -> bool:
    """True when the URL's path (query and fragment ignored) ends in a document extension."""
    path = urlsplit(url.strip()).path
    return bool(_DOC_EXT_RE.search(unquote(path)))


# --------------------------------------------------------------------------- sniffing

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_IMAGE_MAGICS = (b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"RIFF", b"BM")
_HTML_START_RE = re.compile(rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title)\b",
                            re.IGNORECASE | re.DOTALL)
_HTML_ANY_RE = re.compile(rb"<(?:html|head|body)[\s>]", re.IGNORECASE)

_CT_KINDS: tuple[tuple[str, str], ...] = (
    ("text/html", "html"),
    ("application/xhtml", "html"),
    ("application/pdf", "pdf"),
    ("application/x-pdf", "pdf"),
    ("wordprocessingml", "docx"),
    ("spreadsheetml", "xlsx"),
    ("opendocument.text", "odt"),
    ("opendocument.spreadsheet", "ods"),
    ("text/plain", "text"),
    ("text/csv", "text"),
)
_EXT_KINDS: dict[str, str] = {
    "pdf": "pdf", "docx": "docx", "xlsx": "xlsx", "odt": "odt", "ods": "ods",
    "htm": "html", "html": "html", "xhtml": "html", "php": "html", "asp": "html",
    "aspx": "html", "jsp": "html", "txt": "text", "csv": "text",
}


def _zip_kind(body: bytes) -> str | None:
    """Kind of an OOXML/ODF zip, or None when it is not a readable zip of a known kind."""
    try:
        with zipfile.ZipFile(io.BytesIO(body)) as zf:
            names = set(zf.namelist())
            if "mimetype" in names:
                with zf.open("mimetype") as member:  # a bounded read: the member may be a bomb
                    mime = member.read(100).decode("ascii", "replace")
                if "opendocument.text" in mime:
                    return "odt"
                if "opendocument.spreadsheet" in mime:
                    return "ods"
    except (zipfile.BadZipFile, OSError, KeyError, RuntimeError, ValueError):
        return None
    if any(n.startswith("word/") for n in names):
        return "docx"
    if any(n.startswith("xl/") for n in names):
        return "xlsx"
    return "other"


def sniff_kind(body: bytes, content_type: str, url: str) -> str:
    """Kind of the body: magic bytes first, then content type, then the URL's extension."""
    head = body[:2048]
    if b"%PDF-" in body[:1024]:
        return "pdf"
    zipped = head.startswith(b"PK\x03\x04")
    if zipped:
        kind = _zip_kind(body)
        if kind is not None:
            return kind
    elif head.startswith(_OLE_MAGIC) or head.startswith(_IMAGE_MAGICS):
        return "other"
    else:
        stripped = head.lstrip(b"\xef\xbb\xbf")
        if _HTML_START_RE.match(stripped) or _HTML_ANY_RE.search(stripped):
            return "html"
    ct = content_type.lower()
    path = unquote(urlsplit(url.strip()).path).lower()
    ext = path.rsplit(".", 1)[-1] if "." in path.rsplit("/", 1)[-1] else ""
    hinted = [kind for needle, kind in _CT_KINDS if needle in ct] + [_EXT_KINDS.get(ext, "")]
    if zipped:  # a broken zip: only an Office hint makes it worth handing to an extractor
        return next((k for k in hinted if k in ("docx", "xlsx", "odt", "ods")), "other")
    if hinted[0]:
        return hinted[0]
    if ct.startswith("text/") or (not ct and head and b"\x00" not in head):
        return "text"
    return "other"


# --------------------------------------------------------------------------- features

_PHONE_RE = re.compile(
    r"(?=[+0])(?<!\d)(?<!\d[-.])"  # the lookahead first: most positions fail at once
    r"(?:\+66|0)[-. ]?[1-9](?:[-. ]?\d){7,8}"
    r"(?![-.]?\d)"
)
_EMAIL_RE = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
_MAP_URL_RE = re.compile(
    r"google\.[a-z.]+/maps|maps\.google\.|goo\.gl/maps|maps\.app\.goo\.gl|openstreetmap|"
    r"longdo\.com/map|map\.longdo",
    re.IGNORECASE,
)


def phone_numbers(text: str) -> set[str]:
    """Thai phone numbers in ``text`` (Thai or Arabic digits), normalised to digits only."""
    found = set()
    for m in _PHONE_RE.finditer(to_arabic_digits(text)):
        digits = re.sub(r"\D", "", m.group())
        if digits.startswith("66"):
            digits = "0" + digits[2:]
        found.add(digits)
    return found


def email_addresses(text: str) -> set[str]:
    return {m.group().lower().strip(".") for m in _EMAIL_RE.finditer(text)}


def is_map_url(url: str) -> bool:
    return bool(_MAP_URL_RE.search(url))


# --------------------------------------------------------------------------- links

_VIEWER_KEYS = {"file", "url", "src", "doc", "pdf", "document"}


def viewer_target(url: str) -> str | None:
    """The document URL carried in a viewer's query string (pdf.js ``?file=``, Google Docs
    viewer ``?url=``, FlowPaper ``?doc=`` …), resolved against the viewer URL; else None."""
    parts = urlsplit(url)
    for query in (parts.query, parts.fragment):
        for key, value in parse_qsl(query, keep_blank_values=False):
            if key.lower() not in _VIEWER_KEYS:
                continue
            value = value.strip()
            if "%2f" in value.lower() or "%3a" in value.lower():
                value = unquote(value)
            if value and is_document_url(value):
                return clean_url(urljoin(url, value))
    return None


def clean_url(url: str) -> str:
    """Strip whitespace (also tabs/newlines inside, as browsers do) and the fragment."""
    url = re.sub(r"[\t\n\r]", "", url.strip())
    return url.split("#", 1)[0]


def dedupe_links(links: list[ExtractedLink]) -> list[ExtractedLink]:
    """Drop exact (url, text, kind) repeats, keeping document order."""
    seen: set[tuple[str, str, str]] = set()
    out = []
    for link in links:
        key = (link.url, link.text, link.kind)
        if key not in seen:
            seen.add(key)
            out.append(link)
    return out


# --------------------------------------------------------------------------- text helpers

_JUNK_TITLE_RE = re.compile(
    r"^(?:microsoft\s+(?:word|excel|powerpoint)\s*-|untitled|document\d*$|ไม่มีชื่อ|"
    r"slide\s*\d*$|\d+$|[0-9a-f]{16,}$|(?:งานนำเสนอ\s*)?powerpoint(?:\s*presentation)?$|"
    r"งานนำเสนอ\s*powerpoint|presentation\d*$)|\.(?:docx?|xlsx?|pptx?|pdf|odt|rtf|jpe?g|png|tiff?)\s*$",
    re.IGNORECASE,
)


def real_title(meta_title: str | None) -> str:
    """The metadata title when it looks written by a person, else ""."""
    title = " ".join((meta_title or "").split())
    if len(title) < 3 or _JUNK_TITLE_RE.search(title) or not re.search(r"[^\W\d_]", title):
        return ""
    if " " not in title and "_" in title:  # a report or file id such as B_EstimateExpenseDetail_Print
        return ""
    return title


def first_lines(text: str, n: int = 3) -> list[str]:
    """The first ``n`` non-empty lines, whitespace collapsed."""
    out = []
    for line in text.splitlines():
        line = " ".join(line.split())
        if line:
            out.append(line)
            if len(out) == n:
                break
    return out


def text_features(text: str) -> dict[str, int]:
    return {
        "phone": len(phone_numbers(text)),
        "email": len(email_addresses(text)),
        "text_chars": len(text),
    }


def join_pages(pages: list[PageText]) -> str:
    return "\n\n".join(p.text for p in pages)


def cap_text(ext: Extracted, page_limit: int, doc_limit: int) -> Extracted:
    """Keep at most ``page_limit`` characters per page and ``doc_limit`` in all (see
    :mod:`oitbase.extract.limits`). A cut is recorded: the page's ``quality`` says "text cut at N
    characters", ``features["text_cut_at"]`` is the length kept and ``features["text_chars_total"]``
    the length read."""
    if len(ext.text) <= min(page_limit, doc_limit) and all(len(p.text) <= page_limit for p in ext.pages):
        return ext
    read = len(ext.text)
    pages = ext.pages or [PageText(number=1, text=ext.text, method=ext.kind, chars=len(ext.text))]
    kept = 0
    for page in pages:
        room = max(0, min(page_limit, doc_limit - kept))
        if len(page.text) > room:
            page.text = page.text[:room]
            page.chars = len(page.text)
            page.quality = f"{page.quality}; text cut at {room:,} characters".lstrip("; ")
        kept += len(page.text) + 2
    ext.text = join_pages(pages)
    if len(ext.text) >= read:  # only page separators were counted: nothing was cut
        return ext
    ext.features["text_cut_at"] = len(ext.text)
    ext.features["text_chars_total"] = read
    ext.features["text_chars"] = len(ext.text)
    return ext


# --------------------------------------------------------------------------- entry point

_LEGACY = {"doc": "Word", "xls": "Excel", "ppt": "PowerPoint", "rtf": "RTF"}

#: Default limits per document (see :func:`extract`).
DEFAULT_MAX_PAGES = 300
DEFAULT_MAX_BYTES = 200 * 1024 * 1024
#: Bodies whose text is drawn by web fonts over PUA code points, or HTML pages with pictures and
#: fewer non-space characters than this, are rendered by Chromium and OCRed (when ``ocr=True``).
HTML_IMAGE_ONLY_CHARS = 100


def _legacy_guess(body: bytes, content_type: str, url: str) -> str:
    """The file's extension, or the legacy Office/RTF kind its content type or first bytes suggest."""
    path = unquote(urlsplit(url.strip()).path).lower()
    ext = path.rsplit(".", 1)[-1] if "." in path.rsplit("/", 1)[-1] else ""
    ct = content_type.lower()
    if ext not in _LEGACY:
        if "msword" in ct:
            ext = "doc"
        elif "ms-excel" in ct:
            ext = "xls"
        elif "ms-powerpoint" in ct:
            ext = "ppt"
        elif "rtf" in ct or body.startswith(b"{\\rtf"):
            ext = "rtf"
    return ext


def _legacy_ext(body: bytes, content_type: str, url: str) -> str | None:
    """"doc", "xls", "ppt" or "rtf" when the body is a legacy Office/RTF file, else None."""
    ext = _legacy_guess(body, content_type, url)
    if ext not in _LEGACY:
        return None
    if ext == "rtf" and not body.lstrip()[:5].lower().startswith(b"{\\rtf"):
        return None
    # A real OLE2 header: byte-order mark FFFE and a 512- or 4096-byte sector size.
    if ext != "rtf" and not (body.startswith(_OLE_MAGIC) and body[28:30] == b"\xfe\xff"
                             and body[30:32] in (b"\x09\x00", b"\x0c\x00")):
        return None
    return ext


def _unsupported(body: bytes, content_type: str, url: str) -> Extracted:
    if not body:
        return Extracted(kind="other", error="ไฟล์ว่างเปล่า (empty body)")
    ext = _legacy_guess(body, content_type, url)
    if ext in _LEGACY:
        return Extracted(kind="other", error=f"ไฟล์ {_LEGACY[ext]} รูปแบบเก่ายังไม่รองรับ (legacy .{ext})")
    if body.startswith(b"PK\x03\x04"):
        return Extracted(kind="other", error="เปิดไฟล์ไม่ได้ (corrupt or unknown zip file)")
    if body[:8].startswith(_OLE_MAGIC):
        return Extracted(kind="other", error="ไฟล์ Office รูปแบบเก่ายังไม่รองรับ (legacy OLE document)")
    label = content_type.split(";")[0].strip() or ext or "unknown"
    return Extracted(kind="other", error=f"ยังไม่รองรับไฟล์ชนิดนี้ (unsupported type: {label})")


def _is_image(body: bytes) -> bool:
    return body.startswith(_IMAGE_MAGICS) or body.startswith((b"II*\x00", b"MM\x00*"))


def _html_needs_render(ext: Extracted) -> str:
    """Why an HTML page's text should come from a rendering ("pua", "text-in-images") or ""."""
    from oitbase.extract.quality import check_text

    check = check_text(ext.text)
    if check.reason in ("pua", "replacement", "greek", "latin1"):
        return check.reason
    nonspace = len("".join(ext.text.split()))
    if nonspace < HTML_IMAGE_ONLY_CHARS and ext.features.get("image", 0) > 0:
        return "text-in-images"
    return ""


def _html_ocr(ext: Extracted, body: bytes, url: str, reason: str, opts: dict) -> Extracted:
    """Replace an HTML page's text with the OCR of its Chromium rendering (method "html-ocr")."""
    from oitbase.extract.image import render_html_pdf
    from oitbase.extract.pdf import extract_pdf

    pdf = render_html_pdf(body, url, allow_network=opts.pop("allow_network", False))
    if pdf is None:
        ext.features["render_failed"] = 1
        return ext
    rendered = extract_pdf(pdf, url, **opts)
    ocred = [p for p in rendered.pages if p.method != "text-layer"]
    if not ocred:
        return ext
    rendered.pages = [p for p in rendered.pages if p.text.strip()] or rendered.pages[:1]
    for page in rendered.pages:
        if page.method.startswith("ocr"):
            page.method = "html-" + page.method
        page.quality = page.quality or reason
    ext.pages = rendered.pages
    ext.text = join_pages(rendered.pages)
    ext.features.update(text_features(ext.text))
    ext.features["pages_ocr"] = len(ocred)
    if rendered.error:
        ext.error = rendered.error
    if ext.title == "" or reason != "text-in-images":
        ext.headings = first_lines(ext.pages[0].text)
        ext.title = ext.title if reason == "text-in-images" else (ext.headings[:1] or [""])[0]
    return ext


def extract(body: bytes, content_type: str, url: str, *, max_pages: int = DEFAULT_MAX_PAGES,
            pages: Iterable[int] | None = None, ocr: bool = False, ocr_workers: int = 2,
            ocr_lang: str = "tha+eng", deadline_s: float | None = None, max_bytes: int = DEFAULT_MAX_BYTES,
            on_page: Callable[[int, int], None] | None = None, allow_network: bool = False,
            date_pass: bool = True, keep_tree: bool = False) -> Extracted:
    """Extract raw text and structure from a fetched body. Never raises on bad input:
    unreadable bodies come back with ``error`` set (Thai + English reason).

    * ``max_pages``: pages (PDF), sheets or frames read; the rest is counted in ``pages_skipped``.
    * ``pages``: 1-based page numbers to read instead (PDF only), e.g. ``pages=[1, 2]``.
    * ``ocr``: OCR pages whose text layer is unusable or missing, pictures, and HTML pages whose
      text is PUA or only in pictures (Tesseract ``ocr_lang``, ``ocr_workers`` processes at once).
      Off by default: without it such pages keep their (bad) layer and ``pages_need_ocr`` counts them.
    * ``deadline_s``: seconds allowed for the whole document; past it the text read so far is kept
      and ``error`` says the file timed out. ``max_bytes``: larger bodies are not opened.
    * ``on_page(done, total)``: OCR progress (called from this thread).
    * ``allow_network``: let Chromium fetch a rendered HTML page's pictures (off: fully offline).
    * ``date_pass``: with OCR, read the date lines of a scanned page again (higher resolution,
      another page segmentation, Thai digits re-read) when its OCR text holds no usable year; the
      lines read are added to the page's text (:mod:`oitbase.extract.datepass`).

    * ``keep_tree``: an HTML page's result keeps its parsed tree in ``tree``.
    """
    if len(body) > max_bytes:
        return Extracted(kind=sniff_kind(body[:4096], content_type, url),
                         error=f"ไฟล์ใหญ่เกินกำหนด (file too large: {len(body):,} bytes > {max_bytes:,})",
                         features={"bytes": len(body)})
    deadline = None if deadline_s is None else time.monotonic() + deadline_s
    ocr_opts = {"max_pages": max_pages, "ocr": ocr, "ocr_workers": ocr_workers, "ocr_lang": ocr_lang,
                "deadline": deadline, "on_page": on_page, "date_pass": date_pass}
    kind = sniff_kind(body, content_type, url)
    if kind in ("html", "text"):
        ext = cap_text(_extract_page(body, content_type, url, kind, ocr, ocr_opts, allow_network),
                       MAX_PAGE_CHARS, MAX_PAGE_CHARS)
        if not keep_tree:
            ext.tree = None
        return ext
    return cap_text(_extract_document(body, content_type, url, kind, pages, ocr_opts, deadline),
                    MAX_DOC_CHARS, MAX_DOC_CHARS)


def _extract_page(body: bytes, content_type: str, url: str, kind: str, ocr: bool, ocr_opts: dict,
                  allow_network: bool) -> Extracted:
    """An HTML page (at most :data:`~oitbase.extract.limits.MAX_HTML_BYTES` of it parsed) or a text body."""
    from oitbase.extract.html import extract_html, extract_plain_text

    if kind == "text":
        return extract_plain_text(body, content_type)
    parsed, cut = limit_html(body)
    ext = extract_html(parsed, content_type, url)
    if cut:
        ext.features["html_bytes_cut"] = cut
    reason = _html_needs_render(ext)
    if reason:
        ext.features["text_in_images" if reason == "text-in-images" else "unusable_text"] = 1
        if ocr:
            # Chromium gets the page with its inline pictures and fonts (pdf2htmlEX), unless it is huge.
            source = body if len(body) <= MAX_RENDER_HTML_BYTES else parsed
            ext = _html_ocr(ext, source, url, reason, {**ocr_opts, "allow_network": allow_network})
    return ext


def _extract_document(body: bytes, content_type: str, url: str, kind: str, pages: Iterable[int] | None,
                      ocr_opts: dict, deadline: float | None) -> Extracted:
    """A PDF, Office file, picture or legacy file."""
    max_pages, ocr_lang = ocr_opts["max_pages"], ocr_opts["ocr_lang"]
    if not body:
        return _unsupported(body, content_type, url)
    if kind == "pdf":
        from oitbase.extract.pdf import extract_pdf

        return extract_pdf(body, url, pages=pages, **ocr_opts)
    if kind in ("docx", "xlsx", "odt", "ods"):
        from oitbase.extract.office import extract_office

        return extract_office(body, kind, url, max_pages=max_pages)
    if ocr_opts["ocr"] and _is_image(body):
        from oitbase.extract.image import extract_image

        return extract_image(body, url, max_pages=max_pages, ocr_lang=ocr_lang, deadline=deadline,
                             date_pass=ocr_opts["date_pass"])
    if legacy := _legacy_ext(body, content_type, url):
        from oitbase.extract.legacy import extract_legacy

        timeout = 120.0 if deadline is None else max(1.0, deadline - time.monotonic())
        return extract_legacy(body, legacy, url, max_pages=max_pages, timeout=timeout)
    return _unsupported(body, content_type, url)


def extract_in_pool(body: bytes, content_type: str, url: str, **options: Any) -> Extracted:
    """:func:`extract` with OCR on by default, for a worker process or thread.

    A plain module-level function with picklable arguments and result, so it can be handed to
    ``loop.run_in_executor(executor, functools.partial(extract_in_pool, body, ct, url, ...))`` or
    ``ProcessPoolExecutor.submit``. ``on_page`` cannot cross a process boundary: pass it only
    with a thread executor.
    """
    options.setdefault("ocr", True)
    return extract(body, content_type, url, **options)
