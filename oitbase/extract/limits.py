"""Limits that keep one hostile or broken file from taking the crawl's memory or time.

A unit's website can serve anything: an HTML page of 60 MB, a DOCX whose 1 MB zip holds a 1 GiB
``document.xml``, an XLSX with nested XML entities ("billion laughs"), a PDF whose tiny Flate
stream expands to gigabytes, a 200-inch page. Every check here runs *before* the expensive step
(parse, decompress, render) and only looks at sizes declared in the file or at bounded prefixes.
The numbers are documented in ``docs/extraction.md``.
"""

from __future__ import annotations

import re
import zipfile
import zlib
from collections.abc import Iterator

#: Characters of text kept (stored and indexed) per HTML/plain-text page and per document.
MAX_PAGE_CHARS = 200_000
MAX_DOC_CHARS = 2_000_000
#: HTML bytes parsed (after large inline ``data:`` URIs are dropped); the rest is cut off.
MAX_HTML_BYTES = 8 * 1024 * 1024
#: An HTML page rendered by Chromium for OCR is sent whole (inline pictures and fonts) up to this size.
MAX_RENDER_HTML_BYTES = 32 * 1024 * 1024
#: ``data:`` URIs longer than this (pasted pictures) are dropped before an HTML page is parsed.
MAX_DATA_URI = 2048
#: Office zips: uncompressed bytes of one member, of all members, and the expansion ratio of a
#: member larger than :data:`ZIP_RATIO_FROM` bytes.
ZIP_MAX_MEMBER = 64 * 1024 * 1024
ZIP_MAX_TOTAL = 256 * 1024 * 1024
ZIP_MAX_RATIO = 200
ZIP_RATIO_FROM = 4 * 1024 * 1024
#: Bytes of an XML member read to look for a DTD (OOXML and ODF never have one).
XML_PROLOG_BYTES = 64 * 1024
#: PDF: decoded bytes of one page's content stream, pixels of one image, and the lowest
#: resolution worth OCRing (a larger page would need more than ``MAX_PIXELS`` at that dpi).
PDF_MAX_CONTENT_BYTES = 64 * 1024 * 1024
PDF_MAX_IMAGE_PIXELS = 256_000_000
MIN_OCR_DPI = 72

TOO_LARGE = "ไฟล์ใหญ่เกินกำหนด"
CORRUPT = "ไฟล์เสียหาย เปิดไม่ได้"


def too_large(reason: str) -> str:
    return f"{TOO_LARGE} ({reason})"


def mib(n: int) -> str:
    return f"{n / 1024 / 1024:,.0f} MiB"


# --------------------------------------------------------------------------- HTML

_DATA_URI_RE = re.compile(rb"data:[^\s\"'()<>]{%d,}" % MAX_DATA_URI)


def limit_html(body: bytes) -> tuple[bytes, int]:
    """``(body to parse, bytes cut off)``: large inline ``data:`` URIs dropped, then at most
    :data:`MAX_HTML_BYTES`, cut before the last tag that starts inside the limit."""
    if len(body) > MAX_DATA_URI and b"data:" in body:
        body = _DATA_URI_RE.sub(b"data:", body)
    if len(body) <= MAX_HTML_BYTES:
        return body, 0
    end = body.rfind(b"<", MAX_HTML_BYTES // 2, MAX_HTML_BYTES)
    end = end if end > 0 else MAX_HTML_BYTES
    return body[:end], len(body) - end


# --------------------------------------------------------------------------- zip / XML


_DTD_RE = re.compile(rb"<!(?:DOCTYPE|ENTITY)", re.IGNORECASE)
_COMMENT_RE = re.compile(rb"<!--.*?-->|<\?.*?\?>", re.DOTALL)


def _xml_prolog(zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    with zf.open(info) as member:
        return member.read(XML_PROLOG_BYTES)


def zip_bomb_reason(zf: zipfile.ZipFile) -> str:
    """Why an Office zip must not be opened ("" when it is fine): members that expand past the
    limits (declared sizes, which :mod:`zipfile` also enforces while reading), or an XML member
    with a DTD (entity expansion: OOXML and ODF forbid DTDs)."""
    total = 0
    for info in zf.infolist():
        total += info.file_size
        if info.file_size > ZIP_MAX_MEMBER:
            return too_large(f"zip bomb: {info.filename} expands to {info.file_size:,} bytes > {mib(ZIP_MAX_MEMBER)}")
        ratio = info.file_size / max(1, info.compress_size)
        if info.file_size > ZIP_RATIO_FROM and ratio > ZIP_MAX_RATIO:
            return too_large(f"zip bomb: {info.filename} expands {ratio:,.0f} times")
        if total > ZIP_MAX_TOTAL:
            return too_large(f"zip bomb: members expand to more than {mib(ZIP_MAX_TOTAL)}")
    for info in zf.infolist():
        if info.filename.lower().endswith((".xml", ".rels")):
            head = _xml_prolog(zf, info)
            root = re.search(rb"<[A-Za-z_]", _COMMENT_RE.sub(b"", head))
            prolog = head if root is None else _COMMENT_RE.sub(b"", head)[: root.start()]
            if _DTD_RE.search(prolog):
                return too_large(f"XML entity bomb: DTD in {info.filename}")
    return ""


# --------------------------------------------------------------------------- PDF streams


def _inflate(chunks: Iterator[bytes]) -> Iterator[bytes]:
    """One FlateDecode layer over a stream of chunks, at most 1 MiB out at a time."""
    dec = zlib.decompressobj()
    for chunk in chunks:
        data = dec.decompress(chunk, 1 << 20)
        while True:
            if data:
                yield data
            if not dec.unconsumed_tail:
                break
            data = dec.decompress(dec.unconsumed_tail, 1 << 20)


def inflated_size(raw: bytes, layers: int, limit: int) -> int | None:
    """Size of ``raw`` after ``layers`` FlateDecode filters, or None once it passes ``limit``.

    Streams through the layers, so a bomb is never held in memory; broken data counts up to
    where it breaks (MuPDF reads what it can)."""
    stream: Iterator[bytes] = iter([raw])
    for _ in range(layers):
        stream = _inflate(stream)
    size = 0
    try:
        for data in stream:
            size += len(data)
            if size > limit:
                return None
    except zlib.error:
        pass
    return size
