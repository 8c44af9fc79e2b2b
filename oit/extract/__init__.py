"""Turn fetched bytes into raw text + structure (title, headings, pages, links, features).

Everything here is a pure function of ``(body, content_type, url)``: no network, no disk.
The text is *raw*: Thai normalisation (PUA tone marks, decomposed ``ํา``, zero-width
characters …) is done later by :mod:`oit.thai.clean`, so extractors must not drop characters.

The format modules (:mod:`.html`, :mod:`.pdf`, :mod:`.office`) are imported lazily by
:func:`extract`, so importing this package does not load PyMuPDF or openpyxl.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field
from urllib.parse import parse_qsl, unquote, urljoin, urlsplit

__all__ = [
    "DOCUMENT_EXTENSIONS",
    "Extracted",
    "Link",
    "PageText",
    "extract",
    "is_document_url",
    "sniff_kind",
]


@dataclass
class Link:
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
    method: str  # "text-layer", "html", "docx", "xlsx", "odt", "ods", "text"
    chars: int


@dataclass
class Extracted:
    """What one fetched body holds.

    ``features`` are counts. Always: "text_chars", "phone" (distinct Thai numbers), "email"
    (distinct addresses). HTML adds "map", "form", "image", "table", "iframe", "script_links",
    "placeholder_links", "mailto", "tel". PDF adds "pages", "image", "map" (link annotations
    to map sites), "pages_without_text" and, when relevant, "pages_skipped"/"pages_failed".
    Office adds "table", "image" (docx/odt), "pages" (sheets) and "pages_skipped"/"rows_skipped".
    """

    kind: str  # "html" | "pdf" | "docx" | "xlsx" | "odt" | "ods" | "text" | "other"
    title: str = ""
    #: h1–h3 for HTML; for documents the first non-empty lines (≤3) of page 1.
    headings: list[str] = field(default_factory=list)
    #: Whole raw text, pages joined with "\n\n".
    text: str = ""
    pages: list[PageText] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    features: dict[str, int] = field(default_factory=dict)
    #: Thai + English reason when the body could not be read, else "".
    error: str = ""
    #: HTML/text: the Python codec used to decode.
    encoding: str = ""


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
                mime = zf.read("mimetype")[:100].decode("ascii", "replace")
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

_THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
_PHONE_RE = re.compile(
    r"(?<!\d)(?<!\d[-.])"
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
    for m in _PHONE_RE.finditer(text.translate(_THAI_DIGITS)):
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


def dedupe_links(links: list[Link]) -> list[Link]:
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


# --------------------------------------------------------------------------- entry point

_LEGACY = {"doc": "Word", "xls": "Excel", "ppt": "PowerPoint", "rtf": "RTF"}


def _unsupported(body: bytes, content_type: str, url: str) -> Extracted:
    if not body:
        return Extracted(kind="other", error="ไฟล์ว่างเปล่า (empty body)")
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
    if ext in _LEGACY:
        return Extracted(kind="other", error=f"ไฟล์ {_LEGACY[ext]} รูปแบบเก่ายังไม่รองรับ (legacy .{ext})")
    if body.startswith(b"PK\x03\x04"):
        return Extracted(kind="other", error="เปิดไฟล์ไม่ได้ (corrupt or unknown zip file)")
    if body[:8].startswith(_OLE_MAGIC):
        return Extracted(kind="other", error="ไฟล์ Office รูปแบบเก่ายังไม่รองรับ (legacy OLE document)")
    label = content_type.split(";")[0].strip() or ext or "unknown"
    return Extracted(kind="other", error=f"ยังไม่รองรับไฟล์ชนิดนี้ (unsupported type: {label})")


def extract(body: bytes, content_type: str, url: str, *, max_pages: int = 300) -> Extracted:
    """Extract raw text and structure from a fetched body. Never raises on bad input:
    unreadable bodies come back with ``error`` set."""
    kind = sniff_kind(body, content_type, url)
    if kind == "html":
        from oit.extract.html import extract_html

        return extract_html(body, content_type, url)
    if kind == "text":
        from oit.extract.html import extract_plain_text

        return extract_plain_text(body, content_type)
    if kind == "pdf":
        from oit.extract.pdf import extract_pdf

        return extract_pdf(body, url, max_pages=max_pages)
    if kind in ("docx", "xlsx", "odt", "ods"):
        from oit.extract.office import extract_office

        return extract_office(body, kind, url, max_pages=max_pages)
    return _unsupported(body, content_type, url)
