"""Writers for generated documents (PDF via PyMuPDF Story, DOCX via python-docx) and tiny PNG images."""

from __future__ import annotations

import io
import struct
import zlib
from html.parser import HTMLParser
from pathlib import Path

FONT_DIR = Path("/usr/share/fonts/truetype/tlwg")
_CSS = (
    "@font-face {font-family: th; src: url(Laksaman.ttf);}"
    "@font-face {font-family: th; font-weight: bold; src: url(Laksaman-Bold.ttf);}"
    "* {font-family: th; font-size: 14pt; line-height: 1.3}"
    "h1 {font-size: 18pt; text-align: center} h2 {font-size: 16pt} .c {text-align: center}"
    "table {border-collapse: collapse; width: 100%} td, th {border: 1px solid black; padding: 2px;"
    " font-size: 10pt; vertical-align: top}"
)
_PRODUCERS = ("Microsoft® Word 2016", "Microsoft® Word 2013", "Microsoft® Excel® 2016", "WPS Writer")
_archive = None


def _font_archive():
    global _archive
    if _archive is None:
        if not (FONT_DIR / "Laksaman.ttf").exists():
            raise RuntimeError(
                f"Thai fonts not found in {FONT_DIR}: install the Debian package fonts-thai-tlwg "
                "(apt-get install fonts-thai-tlwg) to generate test sites"
            )
        import pymupdf

        _archive = pymupdf.Archive(str(FONT_DIR))
    return _archive


def render_pdf(html: str, path: Path, title: str, date: str, producer_index: int = 0,
               landscape: bool = False) -> None:
    """Write ``html`` as an A4 PDF with fixed metadata so the bytes are reproducible."""
    import pymupdf

    buf = io.BytesIO()
    story = pymupdf.Story(html=html, user_css=_CSS, archive=_font_archive())
    writer = pymupdf.DocumentWriter(buf)
    page = pymupdf.paper_rect("a4-l" if landscape else "a4")
    where = page + (60, 54, -54, -54)
    more = 1
    while more:
        dev = writer.begin_page(page)
        more, _ = story.place(where)
        story.draw(dev)
        writer.end_page()
    writer.close()
    doc = pymupdf.open("pdf", buf.getvalue())
    stamp = f"D:{date}090000+07'00'"
    doc.set_metadata({"title": title, "creationDate": stamp, "modDate": stamp, "author": "",
                      "creator": "", "producer": _PRODUCERS[producer_index % len(_PRODUCERS)]})
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(doc.tobytes(deflate=True, no_new_id=True))
    doc.close()


class _DocxBuilder(HTMLParser):
    """Turn the small HTML subset used by content.py (h1/h2/p/li/table) into python-docx calls."""

    def __init__(self, document) -> None:
        super().__init__()
        self.d = document
        self.text: list[str] = []
        self.rows: list[list[str]] | None = None
        self.tag = "p"

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            self.rows = []
        elif tag == "tr" and self.rows is not None:
            self.rows.append([])
        elif tag in ("td", "th", "h1", "h2", "h3", "p", "li", "div"):
            self.text = []
            self.tag = tag
        elif tag == "br":
            self.text.append("\n")

    def handle_endtag(self, tag):
        text = " ".join("".join(self.text).split(" ")).strip()
        if tag in ("td", "th") and self.rows:
            self.rows[-1].append(text)
        elif tag == "table" and self.rows:
            width = max(len(r) for r in self.rows)
            table = self.d.add_table(rows=len(self.rows), cols=width)
            table.style = "Table Grid"
            for i, row in enumerate(self.rows):
                for j, cell in enumerate(row):
                    table.cell(i, j).text = cell
            self.rows = None
        elif tag in ("h1", "h2", "h3") and text:
            self.d.add_heading(text, level=int(tag[1]))
        elif tag in ("p", "li", "div") and text and self.rows is None:
            self.d.add_paragraph(("• " if tag == "li" else "") + text)
        if tag in ("td", "th", "h1", "h2", "h3", "p", "li", "div"):
            self.text = []

    def handle_data(self, data):
        self.text.append(data)


def render_docx(html: str, path: Path, title: str, date: str) -> None:
    import datetime as dt

    import docx

    document = docx.Document()
    _DocxBuilder(document).feed(html)
    props = document.core_properties
    props.title = title
    props.author = "admin"
    when = dt.datetime.strptime(date, "%Y%m%d")
    props.created = props.modified = when
    props.last_modified_by = "admin"
    path.parent.mkdir(parents=True, exist_ok=True)
    document.save(str(path))


def make_png(width: int, height: int, color: tuple[int, int, int], figure: bool = False,
             stripes: bool = False) -> bytes:
    """A small real PNG: a flat colour, a grey-background head-and-shoulders silhouette (``figure``), or
    diagonal black stripes on the colour (``stripes``: an "under construction" sign)."""
    rows = []
    cx, cy, r = width / 2, height * 0.36, width * 0.22
    for y in range(height):
        row = bytearray([0])
        for x in range(width):
            px = color
            if figure:
                head = (x - cx) ** 2 + (y - cy) ** 2 <= r * r
                body = y > height * 0.62 and abs(x - cx) < width * 0.42 - (height - y) * 0.1
                px = color if head or body else (226, 230, 236)
            elif stripes and (x + y) // 6 % 2:
                px = (20, 20, 20)
            row += bytes(px)
        rows.append(bytes(row))
    raw = zlib.compress(b"".join(rows), 9)

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", raw) + chunk(b"IEND", b"")
