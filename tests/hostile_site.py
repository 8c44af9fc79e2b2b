"""A hostile unit website on 127.0.0.1: a small real site (sitegen) plus every fault a crawl can meet.

The site is a generated เทศบาล website (layout "static", ITA index page) whose items O1–O6 are
published as usual and the rest are missing. Its homepage and its ITA index page also link to the
:data:`FAULTS`: a redirect loop, HTTP 500s, a server that trickles one byte every 2 s, a response
claiming 3 GB, a gzip bomb, PDF bombs (a 1 GiB image, a 200-inch page, 5,000 pages, a file cut in
half), a zip-bomb DOCX, a billion-laughs XLSX, a page with 50,000 links, a 60 MB page, calendar and
deep-path traps, script/``javascript:`` and spreadsheet-formula texts in titles and links.

Every big or bomb body is built here at run time (in memory, from zero chunks): nothing big is in
the repository. Used by ``tests/test_hostile.py`` and ``benchmarks/hostile.py``::

    with serve_hostile(tmp_path) as site:
        run = run_check(site.base_url, tmp_path / "work")
"""

from __future__ import annotations

import contextlib
import functools
import io
import os
import re
import subprocess
import sys
import threading
import time
import zipfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from sitegen.serve import CONTENT_TYPES
from tests.crawler_support import SiteServer
from tests.helpers import REPO

GIB = 1 << 30
#: Items published normally (their pages and documents must still be judged).
EVIDENCE_ITEMS = ("O1", "O2", "O3", "O4", "O5", "O6")
XSS = '<script>alert("oit-xss")</script>'
FORMULAS = ('=HYPERLINK("http://127.0.0.1:9/steal","คลิก")', "+cmd|' /C calc'!A0", "-2+3", "@SUM(1+1)")


@dataclass(frozen=True)
class Fault:
    """One hostile URL: ``expect`` is what the report must say about it.

    ``"http-500"``, ``"timed-out"``, ``"too-large"`` (bombs and oversized bodies), ``"corrupt"``,
    ``"redirect"`` (loop): the URL is in the report's unreadable list with that reason;
    ``"read"``: readable, with what it holds bounded (pages, characters); ``"trap"``: followed
    only a bounded number of times."""

    key: str
    path: str
    label: str
    expect: str
    #: Item row of the ITA index page that links to it ("" = linked from the homepage only).
    item: str = ""


FAULTS: tuple[Fault, ...] = (
    Fault("redirect-loop", "/loop/a.html", "ประกาศรับสมัคร (เปลี่ยนเส้นทางวน)", "redirect"),
    Fault("http-500-page", "/error/report.html", "รายงานผลการดำเนินงาน", "http-500", "O13"),
    Fault("http-500-pdf", "/error/plan-2567.pdf", "แผนดำเนินงาน 2567 (PDF)", "http-500", "O11"),
    Fault("trickle", "/slow/announce-2567.pdf", "ประกาศจัดซื้อจัดจ้าง 2567", "timed-out", "O20"),
    Fault("claims-3gb", "/big/archive-2567.pdf", "คลังเอกสาร 2567", "too-large", "O22"),
    Fault("gzip-bomb", "/bomb/news.html", "ข่าวประชาสัมพันธ์", "too-large", "O7"),
    Fault("pdf-image-bomb", "/docs/stats-2567.pdf", "ข้อมูลสถิติ 2567", "too-large", "O16"),
    Fault("pdf-200-inch", "/docs/map-poster.pdf", "แผนที่ตำบล (โปสเตอร์)", "too-large", "O17"),
    Fault("pdf-5000-pages", "/docs/council-minutes.pdf", "รายงานการประชุมสภา", "read", "O21"),
    Fault("pdf-truncated", "/docs/report-6m-2567.pdf", "รายงานรอบ 6 เดือน 2567", "corrupt", "O12"),
    Fault("docx-zip-bomb", "/docs/hr-policy-2567.docx", "นโยบายบริหารทรัพยากรบุคคล", "too-large", "O23"),
    Fault("xlsx-billion-laughs", "/docs/complaints-2567.xlsx", "สถิติเรื่องร้องเรียน", "too-large", "O29"),
    Fault("links-50000", "/links.html", "ทะเบียนเอกสารทั้งหมด", "read"),
    Fault("html-60mb", "/huge.html", "ข่าวย้อนหลังทั้งหมด", "read", "O30"),
    Fault("calendar-trap", "/calendar.php?month=2024-01", "ปฏิทินกิจกรรม", "trap"),
    Fault("deep-path-trap", "/a/", "คลังภาพ", "trap"),
    Fault("script-texts", "/notice/xss.html", f"{XSS} ประกาศ", "read", "O8"),
    Fault("formula-texts", "/notice/formula.html", f"{FORMULAS[0]} ประกาศ", "read", "O10"),
)
#: Links of the 50,000-link page: ``/item.php?id=N``, a query pattern the crawler's trap rules
#: bound (numbered paths such as ``/item/N.html`` are bounded only by the page cap, which they use up).
LINK_COUNT = 50_000
HUGE_HTML_BYTES = 60_000_000
PAGES_5000 = 5000
TRICKLE_INTERVAL_S = 2.0


# --------------------------------------------------------------------------- bombs (built at run time)


@functools.lru_cache(maxsize=1)
def _deflated_zeros(size: int) -> tuple[bytes, int, int]:
    """(raw deflate stream, CRC-32, Adler-32) of ``size`` zero bytes, streamed 1 MiB at a time."""
    comp = zlib.compressobj(9, zlib.DEFLATED, -15)
    chunk = bytes(1 << 20)
    parts, crc, adler = [], 0, 1
    for _ in range(size // len(chunk)):
        parts.append(comp.compress(chunk))
        crc, adler = zlib.crc32(chunk, crc), zlib.adler32(chunk, adler)
    parts.append(comp.flush())
    return b"".join(parts), crc, adler


def gzip_bomb(size: int = GIB) -> bytes:
    """A gzip member that expands to ``size`` zero bytes (about 1 MB per GiB)."""
    raw, crc, _ = _deflated_zeros(size)
    header = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\xff"
    return header + raw + crc.to_bytes(4, "little") + (size & 0xFFFFFFFF).to_bytes(4, "little")


def zlib_zeros(size: int) -> bytes:
    """A zlib stream (PDF FlateDecode) of ``size`` zero bytes."""
    raw, _, adler = _deflated_zeros(size)
    return b"\x78\xda" + raw + adler.to_bytes(4, "big")


def raw_pdf(objects: list[bytes]) -> bytes:
    """A PDF from object bodies (object 1 is the catalog), with a correct xref table and trailer."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % off for off in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def pdf_image_bomb(side: int = 32768) -> bytes:
    """A one-page A4 PDF (a few KB) showing a ``side``² gray image: 1 GiB once decoded.

    The image stream is Flate inside Flate, so the file stays tiny."""
    inner = zlib_zeros(side * side)
    data = zlib.compress(inner, 9)
    content = b"q 595 0 0 842 0 0 cm /Im0 Do Q"
    return raw_pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im0 5 0 R >> >> "
        b"/Contents 4 0 R >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content),
        b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray /BitsPerComponent 8 "
        b"/Filter [/FlateDecode /FlateDecode] /Length %d >>\nstream\n" % (side, side, len(data)) + data
        + b"\nendstream",
    ])


def pdf_200_inch() -> bytes:
    """One 14,400 × 14,400 pt page (200 × 200 inches, the PDF maximum) of drawings, no text layer."""
    import pymupdf

    doc = pymupdf.open()
    page = doc.new_page(width=14400, height=14400)
    for i in range(40):
        page.draw_rect(pymupdf.Rect(300 * i, 300 * i, 300 * i + 2000, 300 * i + 400), color=(0, 0, 0),
                       fill=(0.2, 0.2, 0.2))
    data = doc.tobytes(deflate=True)
    doc.close()
    return data


def pdf_many_pages(pages: int = PAGES_5000) -> bytes:
    """A ``pages``-page PDF with a short Latin text on every page (written directly: PyMuPDF needs ~10 s)."""
    first = 4  # objects 1-3: catalog, page tree, font; then a page and its content stream per page
    kids = b" ".join(b"%d 0 R" % (first + 2 * i) for i in range(pages))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, pages),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    for n in range(1, pages + 1):
        text = b"BT /F1 12 Tf 72 770 Td (Council meeting minutes, page %d of %d) Tj ET" % (n, pages)
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> "
                       b"/Contents %d 0 R >>" % (first + 2 * n - 1))
        objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(text), text))
    return raw_pdf(objects)


def truncated(pdf: bytes) -> bytes:
    """The first half of a valid PDF (an upload that stopped in the middle)."""
    return pdf[: len(pdf) // 2]


_DOCX_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
)
_DOCX_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'officeDocument" Target="word/document.xml"/></Relationships>'
)


def docx_zip_bomb(size: int = GIB) -> bytes:
    """A DOCX whose word/document.xml (honestly declared) expands to ``size`` bytes of whitespace."""
    head = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w='
            '"http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>'
            'นโยบายการบริหารทรัพยากรบุคคล</w:t></w:r></w:p>').encode()
    tail = b"</w:body></w:document>"
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        zf.writestr("[Content_Types].xml", _DOCX_TYPES)
        zf.writestr("_rels/.rels", _DOCX_RELS)
        with zf.open("word/document.xml", "w", force_zip64=True) as member:
            member.write(head)
            spaces = b" " * (1 << 20)
            for _ in range((size - len(head) - len(tail)) // len(spaces)):
                member.write(spaces)
            member.write(tail)
    return buf.getvalue()


_LAUGHS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<!DOCTYPE lolz [\n<!ENTITY lol "lol">\n'
    + "".join(f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">\n' for i in range(1, 10))
    + "]>\n"
)


def xlsx_billion_laughs() -> bytes:
    """A real XLSX whose sharedStrings.xml and sheet XML define nested entities (10⁹ "lol"s)."""
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws["A1"], ws["B1"] = "สถิติเรื่องร้องเรียนการทุจริต ปี 2567", "laughs"
    buf = io.BytesIO()
    wb.save(buf)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(buf.getvalue())) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename).decode("utf-8")
            if info.filename in ("xl/sharedStrings.xml", "xl/worksheets/sheet1.xml"):
                data = _LAUGHS + re.sub(r"^<\?xml[^>]*\?>\s*", "", data).replace(">laughs<", ">&lol9;<")
            dst.writestr(info, data)
    return out.getvalue()


# --------------------------------------------------------------------------- pages

def _page(title: str, body: str) -> bytes:
    return (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{title}</title></head>"
            f"<body><h1>{title}</h1>{body}</body></html>").encode()


def links_page(count: int = LINK_COUNT) -> bytes:
    rows = "".join(f"<li><a href='/item.php?id={n}'>เอกสารเลขที่ {n}</a></li>" for n in range(1, count + 1))
    return _page("ทะเบียนเอกสารทั้งหมด", f"<ul>{rows}</ul>")


def huge_page(size: int = HUGE_HTML_BYTES) -> bytes:
    """An HTML page of ``size`` bytes: Thai news paragraphs, each numbered."""
    head = _page("ข่าวย้อนหลังทั้งหมด", "").removesuffix(b"</body></html>")
    para = "<p>ข่าวประชาสัมพันธ์ลำดับที่ {} เทศบาลตำบลดอนตูมจัดกิจกรรมพัฒนาชุมชนร่วมกับประชาชนในพื้นที่</p>\n"
    parts, total, n = [head], len(head), 0
    while total < size - 200:
        n += 1
        piece = para.format(n).encode()
        parts.append(piece)
        total += len(piece)
    body = b"".join(parts) + b"</body></html>"
    return body + b" " * max(0, size - len(body))


def script_page() -> bytes:
    links = (f"<a href='javascript:alert(\"oit-xss\")'>{XSS} O8 Q&amp;A</a>"
             f"<a href='/notice/formula.html'>&lt;script&gt;alert(\"oit-xss\")&lt;/script&gt;</a>")
    title = f"ประกาศ {XSS}".replace("<", "&lt;").replace(">", "&gt;")
    return (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>ประกาศ {XSS}</title></head>"
            f"<body><h1>{title}</h1><p>ถาม-ตอบ Q&amp;A กระดานถามตอบของเทศบาล</p>{links}</body></html>").encode()


def formula_page() -> bytes:
    links = "".join(f"<li><a href='/notice/xss.html'>{f}</a></li>" for f in FORMULAS)
    return (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{FORMULAS[0]}</title></head>"
            f"<body><h1>{FORMULAS[1]}</h1><p>{FORMULAS[2]} นโยบายคุ้มครองข้อมูลส่วนบุคคล {FORMULAS[3]}</p>"
            f"<ul>{links}</ul></body></html>").encode()


def calendar_page(month: str) -> bytes:
    """A month of an events calendar linking the next and previous months, forever."""
    try:
        year, mon = (int(x) for x in month.split("-", 1))
    except ValueError:
        year, mon = 2024, 1
    nxt = f"{year + mon // 12}-{mon % 12 + 1:02d}"
    prv = f"{year - (mon == 1)}-{(mon - 2) % 12 + 1:02d}"
    return _page(f"ปฏิทินกิจกรรม {year}-{mon:02d}",
                 f"<p>กิจกรรมประจำเดือน {mon:02d}/{year}</p><a href='/calendar.php?month={nxt}'>เดือนถัดไป</a> "
                 f"<a href='/calendar.php?month={prv}'>เดือนก่อน</a>")


# --------------------------------------------------------------------------- dynamic answers


def _write(handler: BaseHTTPRequestHandler, data: bytes) -> bool:
    try:
        handler.wfile.write(data)
        handler.wfile.flush()
        return True
    except OSError:  # the crawler gave up and closed the connection
        return False


def _headers(handler: BaseHTTPRequestHandler, status: int, headers: dict[str, str]) -> None:
    handler.send_response(status)
    for key, value in headers.items():
        handler.send_header(key, value)
    handler.end_headers()


def trickle(stop: threading.Event) -> Callable[[BaseHTTPRequestHandler], None]:
    """A PDF answer that sends one byte every :data:`TRICKLE_INTERVAL_S` seconds."""

    def answer(handler: BaseHTTPRequestHandler) -> None:
        _headers(handler, 200, {"Content-Type": "application/pdf", "Content-Length": "100000"})
        for byte in b"%PDF-1.4\n" + bytes(100000):
            if stop.wait(TRICKLE_INTERVAL_S) or not _write(handler, bytes([byte])):
                return

    return answer


def claims_3gb(stop: threading.Event) -> Callable[[BaseHTTPRequestHandler], None]:
    """Headers announcing 3 GB, then zeros until the client hangs up (at most 256 MiB)."""

    def answer(handler: BaseHTTPRequestHandler) -> None:
        _headers(handler, 200, {"Content-Type": "application/pdf", "Content-Length": str(3 * GIB)})
        chunk = bytes(1 << 16)
        for _ in range(4096):
            if stop.is_set() or not _write(handler, chunk):
                return

    return answer


def _html(status: int, body: bytes, **extra: str) -> tuple[int, dict[str, str], bytes]:
    return status, {"Content-Type": "text/html; charset=utf-8", **extra}, body


class Routes(dict):
    """Exact paths (``dict``) plus generated families: calendar months, deep paths, numbered items."""

    def get(self, path, default=None):  # noqa: D401 - SiteServer calls get(path)
        if path in self:
            return self[path]
        parts = urlsplit(path)
        if parts.path == "/calendar.php":
            return _html(200, calendar_page(parse_qs(parts.query).get("month", [""])[0]))
        if re.fullmatch(r"/(?:[ab]/)+", parts.path):
            depth = parts.path.count("/") - 1
            return _html(200, _page(f"คลังภาพ ระดับ {depth}", "<a href='a/'>อัลบั้ม a</a> <a href='b/'>อัลบั้ม b</a>"))
        if parts.path == "/item.php":
            n = parse_qs(parts.query).get("id", ["0"])[0]
            return _html(200, _page(f"เอกสารเลขที่ {n}", f"<p>รายละเอียดเอกสารเลขที่ {n}</p>"))
        return default


# --------------------------------------------------------------------------- the site


@dataclass
class HostileSite:
    base_url: str
    root: Path
    truth: dict
    server: SiteServer
    sizes: dict[str, int] = field(default_factory=dict)

    def url(self, path: str) -> str:
        return self.base_url.rstrip("/") + path

    def requests_to(self, prefix: str) -> int:
        return sum(1 for p in self.server.fetched() if p.startswith(prefix))


def _site_spec():
    from sitegen.demo import SECOND_SPEC
    from sitegen.model import ITEM_CODES
    from sitegen.plans import make_items

    states = {code: "missing" for code in ITEM_CODES if code not in EVIDENCE_ITEMS}
    return replace(SECOND_SPEC, seed=4242, fiscal_year=2567, ita_index=True, items=make_items(states))


def _link(fault: Fault) -> str:
    label = fault.label.replace("&", "&amp;")
    if fault.key != "script-texts":  # its label carries a real <script> element, as some CMSs print it
        label = label.replace("<", "&lt;")
    return f"<a href='{fault.path.replace('&', '&amp;')}'>{label}</a>"


def _file_pages(root: Path) -> dict[str, bytes | tuple[int, dict[str, str], bytes]]:
    pages: dict[str, bytes | tuple[int, dict[str, str], bytes]] = {}
    for path in root.rglob("*"):
        if path.is_file() and path.name != "truth.json":
            rel = "/" + path.relative_to(root).as_posix()
            ctype = CONTENT_TYPES.get(path.suffix.lower(), "application/octet-stream")
            pages[rel] = (200, {"Content-Type": ctype}, path.read_bytes())
    pages["/"] = pages["/index.html"]
    return pages


def build_pages(root: Path, stop: threading.Event) -> tuple[Routes, dict]:
    """Write the normal site under ``root`` and return every answer of the hostile one, and its truth."""
    import sitegen
    from sitegen.model import ITEM_NAMES

    truth = sitegen.build_site(_site_spec(), root)
    pages = Routes(_file_pages(root))
    ita = truth["ita_index"]
    home_links = "".join(f"<li>{_link(f)}</li>" for f in FAULTS)
    for path in ("/", "/index.html"):
        status, headers, body = pages[path]
        body = body.replace(b"</body>", f"<section><h2>ลิงก์น่าสนใจ</h2><ul>{home_links}</ul></section>"
                            "<script>var visits = 1;</script></body>".encode())
        pages[path] = (status, headers, body)
    status, headers, ita_body = pages[ita]
    for fault in FAULTS:
        if fault.item:
            empty = f"<tr><td>{fault.item}</td><td>{ITEM_NAMES[fault.item]}</td><td>-</td></tr>"
            row = f"<tr><td>{fault.item}</td><td>{ITEM_NAMES[fault.item]}</td><td>{_link(fault)}</td></tr>"
            assert empty in ita_body.decode(), f"no empty ITA row for {fault.item}"
            ita_body = ita_body.replace(empty.encode(), row.encode())
    pages[ita] = (status, headers, ita_body)
    archive_pdf = (root / "docs" / "archive").glob("*.pdf")
    pdf = "application/pdf"
    office = CONTENT_TYPES[".docx"], CONTENT_TYPES[".xlsx"]
    pages.update({
        "/loop/a.html": (302, {"Location": "/loop/b.html"}, b""),
        "/loop/b.html": (302, {"Location": "/loop/a.html"}, b""),
        "/error/report.html": _html(500, b"<h1>500 Internal Server Error</h1>"),
        "/error/plan-2567.pdf": (500, {"Content-Type": pdf}, b""),
        "/slow/announce-2567.pdf": trickle(stop),
        "/big/archive-2567.pdf": claims_3gb(stop),
        "/bomb/news.html": _html(200, gzip_bomb(), **{"Content-Encoding": "gzip"}),
        "/docs/stats-2567.pdf": (200, {"Content-Type": pdf}, pdf_image_bomb()),
        "/docs/map-poster.pdf": (200, {"Content-Type": pdf}, pdf_200_inch()),
        "/docs/council-minutes.pdf": (200, {"Content-Type": pdf}, pdf_many_pages()),
        "/docs/report-6m-2567.pdf": (200, {"Content-Type": pdf}, truncated(sorted(archive_pdf)[0].read_bytes())),
        "/docs/hr-policy-2567.docx": (200, {"Content-Type": office[0]}, docx_zip_bomb()),
        "/docs/complaints-2567.xlsx": (200, {"Content-Type": office[1]}, xlsx_billion_laughs()),
        "/links.html": _html(200, links_page()),
        "/huge.html": _html(200, huge_page()),
        "/notice/xss.html": _html(200, script_page()),
        "/notice/formula.html": _html(200, formula_page()),
    })
    return pages, truth


@contextlib.contextmanager
def serve_hostile(work: Path) -> Iterator[HostileSite]:
    """Build the hostile site under ``work/site`` and serve it on 127.0.0.1 (free port)."""
    stop = threading.Event()
    pages, truth = build_pages(Path(work) / "site", stop)
    sizes = {p: len(v[2]) for p, v in pages.items() if isinstance(v, tuple)}
    server = SiteServer(pages)
    try:
        with server.serve() as base_url:
            yield HostileSite(base_url, Path(work) / "site", truth, server, sizes)
    finally:
        stop.set()


# --------------------------------------------------------------------------- a measured check


@dataclass
class CheckRun:
    returncode: int
    wall_s: float
    #: Peak bytes of the process and all its descendants (chromium, node, tesseract …), summed:
    #: resident (RSS, shared pages counted in every process) and proportional (PSS).
    peak_rss: int
    peak_pss: int
    #: The processes at the PSS peak: name → PSS bytes (processes of one name summed).
    peak_processes: dict[str, int]
    store_bytes: int
    stdout: str
    stderr: str
    report_path: Path
    out_dir: Path
    db: Path


def _children(pid: int) -> list[int]:
    out = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        with contextlib.suppress(OSError):
            out += [int(c) for c in (task / "children").read_text().split()]
    return out


def _kib(text: str, key: str) -> int:
    m = re.search(rf"^{key}:\s+(\d+) kB", text, re.MULTILINE)
    return int(m.group(1)) * 1024 if m else 0


def tree_memory(pid: int) -> dict[int, tuple[str, int, int]]:
    """``{pid: (name, RSS, PSS)}`` in bytes of ``pid`` and all its descendants, from /proc.

    RSS counts memory shared between processes (chromium's renderers, libraries) once per process;
    PSS splits it between them, so the PSS of a tree adds up to what it really holds."""
    out: dict[int, tuple[str, int, int]] = {}
    todo = [pid]
    while todo:
        p = todo.pop()
        if p in out:
            continue
        with contextlib.suppress(OSError):
            status = Path(f"/proc/{p}/status").read_text()
            rollup = Path(f"/proc/{p}/smaps_rollup").read_text()
            name = re.search(r"^Name:\s*(.*)$", status, re.MULTILINE)
            out[p] = (name.group(1) if name else "?", _kib(status, "VmRSS"), _kib(rollup, "Pss"))
        todo += _children(p)
    return out


def store_size(db: Path) -> int:
    return sum(p.stat().st_size for p in db.parent.glob(db.name + "*") if p.is_file())


def run_check(base_url: str, work: Path, *extra: str, timeout: float = 900.0, poll_s: float = 0.2) -> CheckRun:
    """The default ``oit check`` (as ``tests.helpers.run_oit`` runs it) with its process tree's peak RSS."""
    work.mkdir(parents=True, exist_ok=True)
    db, out, report = work / "oit.db", work / "report", work / "report.json"
    args = [sys.executable, "-m", "oit.cli", "check", base_url, "--year", "2567", "--db", str(db),
            "--out", str(out), "--json", str(report), "--quiet", *extra]
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    started = time.monotonic()
    with open(work / "stdout.txt", "w+") as so, open(work / "stderr.txt", "w+") as se:
        proc = subprocess.Popen(args, stdout=so, stderr=se, env=env, cwd=REPO, start_new_session=True)
        peak_rss = peak_pss = 0
        at_peak: dict[str, int] = {}
        try:
            while proc.poll() is None:
                tree = tree_memory(proc.pid).values()
                peak_rss = max(peak_rss, sum(rss for _, rss, _ in tree))
                if (pss := sum(p for _, _, p in tree)) > peak_pss:
                    peak_pss, at_peak = pss, {}
                    for name, _, p in tree:
                        at_peak[name] = at_peak.get(name, 0) + p
                if time.monotonic() - started > timeout:
                    os.killpg(proc.pid, 9)
                    proc.wait()
                    raise subprocess.TimeoutExpired(args, timeout)
                time.sleep(poll_s)
        finally:
            if proc.poll() is None:
                os.killpg(proc.pid, 9)
        wall = time.monotonic() - started
        so.seek(0)
        se.seek(0)
        return CheckRun(proc.returncode, wall, peak_rss, peak_pss, at_peak, store_size(db), so.read(), se.read(),
                        report, out, db)
