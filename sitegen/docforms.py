"""The hard document forms seen on real unit websites (see shared/realdocs): scans, broken fonts, Excel.

- ``scan``: every page is a slightly rotated grey JPEG at 150–200 dpi with some dust; no text layer at all.
- ``broken``: the page is an image (what a reader sees is fine) under an invisible text layer of Greek letters,
  like the LAO accounting system's PDFs whose fonts have no Unicode map (ASCII digits survive).
- ``xlsx``: the document's tables as an Excel workbook (monthly procurement sheets, statistics).
- Thai-digit poor scans (``Doc.thai_scan``): every digit of the document is a Thai digit (ประกาศ ณ วันที่ ๑๕
  ตุลาคม พ.ศ. ๒๕๖๖, as typed in TH SarabunIT๙), scanned at 100–120 dpi with blur, toner specks, white
  drop-outs and up to 2° of skew, as an old office copier does: OCR confuses digits, a reader still sees the year.
"""

from __future__ import annotations

import datetime as dt
import random
import re
from html.parser import HTMLParser
from pathlib import Path

from .thai import td

DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
_GREEK = [chr(c) for c in range(0x0391, 0x03CA) if c != 0x03A2]


def garble(text: str) -> str:
    """Thai letters (and Thai digits) → Greek letters, as a font without ToUnicode extracts."""
    return "".join(_GREEK[(ord(ch) - 0x0E01) % len(_GREEK)] if "\u0e01" <= ch <= "\u0e5b" else ch for ch in text)


_TEXT = re.compile(r"(<[^>]*>|&#?\w+;)|([^<&]+)")


def thai_digits_html(html: str) -> str:
    """Every digit of the text (not of tags or character references) as a Thai digit."""
    return _TEXT.sub(lambda m: m.group(1) or td(m.group(2)), html)


def _page_image(page, dpi: int, angle: float = 0.0, gray: bool = False, quality: int = 60,
                blur: float = 1.0) -> bytes:
    """The page as a JPEG; ``blur`` > 1 renders at ``dpi / blur`` and scales up (a soft, out-of-focus copy)."""
    import pymupdf

    zoom = dpi / 72 / blur
    mat = pymupdf.Matrix(zoom, zoom).prerotate(angle)
    pix = page.get_pixmap(matrix=mat, colorspace=pymupdf.csGRAY if gray else pymupdf.csRGB, alpha=False)
    if blur > 1:
        pix = pymupdf.Pixmap(pix, round(pix.width * blur), round(pix.height * blur))
    return pix.tobytes("jpeg", jpg_quality=quality)


def _soil(page, rng: random.Random, poor: bool) -> None:
    """Dust and toner specks; for a poor copy also a grey cast, white drop-outs and copier streaks."""
    w, h = page.rect.width, page.rect.height
    for _ in range(rng.randint(60, 140) if poor else rng.randint(8, 30)):
        x, y = rng.uniform(0, w), rng.uniform(0, h)
        page.draw_circle((x, y), rng.uniform(0.3, 1.0 if poor else 1.2), color=None, fill=(0.3, 0.3, 0.3))
    if not poor:
        return
    for _ in range(rng.randint(150, 300)):  # toner drop-outs that break strokes
        x, y = rng.uniform(0, w), rng.uniform(0, h)
        page.draw_circle((x, y), rng.uniform(0.25, 0.55), color=None, fill=(1, 1, 1))
    for _ in range(rng.randint(1, 3)):
        x = rng.uniform(0, w)
        page.draw_line((x, 0), (x + rng.uniform(-3, 3), h), color=(0.55, 0.55, 0.55), width=rng.uniform(0.3, 0.8))
    page.draw_rect(page.rect, color=None, fill=(0.55, 0.55, 0.5), fill_opacity=rng.uniform(0.10, 0.18))


def make_scan(path: Path, seed: str, poor: bool = False) -> None:
    """Replace the text PDF at ``path`` by an image-only scan of it (``poor``: a worse copy, see above)."""
    import pymupdf

    rng = random.Random(seed)
    src = pymupdf.open(path)
    out = pymupdf.open()
    for page in src:
        _soil(page, rng, poor)
        if poor:
            angle = rng.choice((-1, 1)) * rng.uniform(0.8, 2.0)
            img = _page_image(page, rng.choice((100, 110, 120)), angle, gray=True,
                              quality=rng.randint(30, 42), blur=rng.uniform(1.3, 1.6))
        else:
            img = _page_image(page, rng.choice((150, 175, 200)), rng.uniform(-0.8, 0.8), gray=True)
        new = out.new_page(width=page.rect.width, height=page.rect.height)
        new.insert_image(new.rect, stream=img)
    meta = dict(src.metadata or {})
    meta.update({"producer": "Canon iR2630 / Adobe PSL 1.3e", "creator": "", "title": ""})
    out.set_metadata(meta)
    data = out.tobytes(deflate=True, garbage=3, no_new_id=True)
    src.close()
    path.write_bytes(data)


def make_broken(path: Path, seed: str) -> None:
    """Replace the text PDF at ``path`` by page images under an invisible Greek-letter text layer."""
    import pymupdf

    src = pymupdf.open(path)
    out = pymupdf.open()
    for page in src:
        new = out.new_page(width=page.rect.width, height=page.rect.height)
        new.insert_image(new.rect, stream=_page_image(page, 150))
        for block in page.get_text("dict")["blocks"]:
            for line in block.get("lines", []):
                text = "".join(span["text"] for span in line["spans"])
                if not text.strip():
                    continue
                size = line["spans"][0]["size"]
                origin = line["spans"][0]["origin"]
                new.insert_text(origin, garble(text), fontsize=size, fontname="msss", fontfile=str(DEJAVU),
                                render_mode=3)
    meta = dict(src.metadata or {})
    meta.update({"producer": "Microsoft Reporting Services 12.0.0.0", "creator": "Microsoft Reporting Services"})
    out.set_metadata(meta)
    data = out.tobytes(deflate=True, garbage=3, no_new_id=True)
    src.close()
    path.write_bytes(data)


class _Tables(HTMLParser):
    """Heading/paragraph lines and tables (rows of cell text) from the simple HTML of content.py."""

    def __init__(self) -> None:
        super().__init__()
        self.lines: list[str] = []
        self.tables: list[list[list[str]]] = []
        self.buf: list[str] = []
        self.in_table = False

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            self.in_table = True
            self.tables.append([])
        elif tag == "tr" and self.in_table:
            self.tables[-1].append([])
        elif tag in ("td", "th", "h1", "h2", "p"):
            self.buf = []
        elif tag == "br":
            self.buf.append(" ")

    def handle_endtag(self, tag):
        text = " ".join("".join(self.buf).split())
        if tag in ("td", "th") and self.in_table and self.tables[-1]:
            self.tables[-1][-1].append(text)
        elif tag == "table":
            self.in_table = False
        elif tag in ("h1", "h2", "p") and not self.in_table and text:
            self.lines.append(text)
        if tag in ("td", "th", "h1", "h2", "p"):
            self.buf = []

    def handle_data(self, data):
        self.buf.append(data)


def render_xlsx(html: str, path: Path, title: str, date: str) -> None:
    """The document's title lines and tables as one worksheet (numbers stay text, as typed by clerks)."""
    import openpyxl
    from openpyxl.styles import Font

    parsed = _Tables()
    parsed.feed(html)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    for line in parsed.lines[:3]:
        ws.append([line])
        ws.cell(ws.max_row, 1).font = Font(bold=True, size=14)
    for table in parsed.tables:
        ws.append([])
        for i, row in enumerate(table):
            ws.append(row)
            if i == 0:
                for cell in ws[ws.max_row]:
                    cell.font = Font(bold=True)
    for line in parsed.lines[3:]:
        ws.append([line])
    for col in "ABCDEFGHI":
        ws.column_dimensions[col].width = 22
    when = dt.datetime.strptime(date, "%Y%m%d")
    wb.properties.title = title
    wb.properties.creator = "admin"
    wb.properties.created = when
    wb.properties.modified = when
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(str(path))
