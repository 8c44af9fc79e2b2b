"""Office documents: DOCX (python-docx), XLSX (openpyxl), ODT/ODS (content.xml via lxml).

DOCX text is read from the document XML rather than ``Document.paragraphs`` so that tables,
nested tables, text boxes and content controls are kept; headers and footers are appended
after the body (so the body's first lines stay the headings). Table rows become one line with
cells separated by tabs. Each XLSX/ODS sheet is one page.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Iterable, Iterator

from lxml import etree

from oitbase.extract import (
    Extracted,
    ExtractedLink,
    PageText,
    clean_url,
    dedupe_links,
    first_lines,
    real_title,
    text_features,
)
from oitbase.extract.limits import zip_bomb_reason

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_BLIP = "{http://schemas.openxmlformats.org/drawingml/2006/main}blip"
_VML_IMAGE = "{urn:schemas-microsoft-com:vml}imagedata"

#: Rows kept per spreadsheet sheet; the rest is counted in ``rows_skipped``.
MAX_ROWS_PER_SHEET = 50_000


def _corrupt(kind: str, exc: BaseException) -> Extracted:
    reason = "bad zip" if isinstance(exc, zipfile.BadZipFile) else f"{type(exc).__name__}: {exc}"
    return Extracted(kind=kind, error=f"เปิดไฟล์ไม่ได้ (corrupt {kind.upper()}: {reason})")


def _document(kind: str, pages: list[PageText], links: list[ExtractedLink], meta_title: str,
              features: dict[str, int]) -> Extracted:
    text = "\n\n".join(p.text for p in pages)
    headings = first_lines(pages[0].text) if pages else []
    feats = text_features(text)
    feats.update(features)
    return Extracted(
        kind=kind,
        title=real_title(meta_title) or next(iter(first_lines(text, 1)), ""),
        headings=headings,
        text=text,
        pages=pages,
        links=dedupe_links(links),
        features=feats,
    )


# --------------------------------------------------------------------------- DOCX


def _local(el: etree._Element) -> str:
    return el.tag.rsplit("}", 1)[-1] if isinstance(el.tag, str) else ""


def _children(el: etree._Element, name: str) -> Iterator[etree._Element]:
    """Children named ``name``, looking through content-control/custom-XML wrappers."""
    for child in el:
        local = _local(child)
        if local == name:
            yield child
        elif local in ("sdt", "sdtContent", "customXml"):
            yield from _children(child, name)


class _DocxText:
    """Walks WordprocessingML; collects lines and hyperlinks."""

    def __init__(self, rels: dict[str, str]) -> None:
        self.rels = rels
        self.links: list[ExtractedLink] = []

    def blocks(self, container: etree._Element) -> list[str]:
        lines: list[str] = []
        for child in container:
            name = _local(child)
            if name == "p":
                boxes: list[etree._Element] = []
                lines.append(self.inline(child, boxes))
                for box in boxes:
                    lines += self.blocks(box)
            elif name == "tbl":
                lines += self.table(child)
            elif name in ("sdt", "sdtContent", "customXml", "ins", "smartTag"):
                lines += self.blocks(child)
        return lines

    def table(self, tbl: etree._Element) -> list[str]:
        rows = []
        for tr in _children(tbl, "tr"):
            cells = [" ".join(line.strip() for line in self.blocks(tc) if line.strip())
                     for tc in _children(tr, "tc")]
            rows.append("\t".join(cells).rstrip("\t"))
        return rows

    def inline(self, el: etree._Element, boxes: list[etree._Element]) -> str:
        out: list[str] = []
        self._inline(el, out, boxes)
        return "".join(out)

    def _inline(self, el: etree._Element, out: list[str], boxes: list[etree._Element]) -> None:
        for child in el:
            name = _local(child)
            if name == "t":
                out.append(child.text or "")
            elif name == "tab" and _local(el) == "r":
                out.append("\t")
            elif name in ("br", "cr"):
                out.append("\n")
            elif name == "noBreakHyphen":
                out.append("-")
            elif name == "sym" and child.get(W + "char"):
                try:
                    out.append(chr(int(child.get(W + "char"), 16)))
                except ValueError:
                    pass
            elif name == "txbxContent":
                boxes.append(child)
            elif child.tag == _MC_FALLBACK or name in ("pPr", "rPr", "del", "instrText", "delText"):
                continue  # Fallback repeats the Choice content; deleted text is not shown
            elif name == "hyperlink":
                start = len(out)
                self._inline(child, out, boxes)
                target = self.rels.get(child.get(_R_ID, ""), "")
                if target.lower().startswith(("http://", "https://")):
                    text = " ".join("".join(out[start:]).split())
                    self.links.append(ExtractedLink(url=clean_url(target), text=text, kind="a"))
            else:
                self._inline(child, out, boxes)


def extract_docx(body: bytes, url: str = "") -> Extracted:
    import docx  # python-docx

    try:
        document = docx.Document(io.BytesIO(body))
        part = document.part
        rels = {rid: rel.target_ref for rid, rel in part.rels.items() if rel.is_external}
        walker = _DocxText(rels)
        lines = walker.blocks(document.element.body)
        extra: list[str] = []
        for rel in part.rels.values():
            if not rel.is_external and rel.reltype.endswith(("/header", "/footer")):
                hf = [line for line in _DocxText({}).blocks(rel.target_part.element) if line.strip()]
                if hf and "\n".join(hf) not in "\n".join(extra):
                    extra += hf
        body_el = document.element.body
        images = sum(1 for _ in body_el.iter(_BLIP)) + sum(1 for _ in body_el.iter(_VML_IMAGE))
        tables = sum(1 for _ in body_el.iter(W + "tbl"))
        meta_title = document.core_properties.title or ""
    except Exception as exc:  # python-docx/lxml/zipfile raise many types for broken files
        return _corrupt("docx", exc)
    text = "\n".join(lines + extra).strip("\n")
    pages = [PageText(number=1, text=text, method="docx", chars=len(text))]
    return _document("docx", pages, walker.links, meta_title, {"image": images, "table": tables})


# --------------------------------------------------------------------------- XLSX


def cell_text(value: object) -> str:
    """Spreadsheet cell value as shown: 12.0 → "12", dates without a zero time part."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time(0) else value.isoformat(sep=" ")
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return " ".join(str(value).splitlines())


def _rows_to_text(rows: Iterable[Iterable[str]], skipped: list[int]) -> str:
    lines = []
    for row in rows:
        line = "\t".join(row).rstrip("\t")
        if line.strip():
            if len(lines) >= MAX_ROWS_PER_SHEET:
                skipped[0] += 1
                continue
            lines.append(line)
    return "\n".join(lines)


def extract_xlsx(body: bytes, url: str = "", *, max_pages: int = 300) -> Extracted:
    import openpyxl

    pages: list[PageText] = []
    skipped = [0]
    try:
        wb = openpyxl.load_workbook(io.BytesIO(body), read_only=True, data_only=True)
        try:
            meta_title = wb.properties.title or ""
            sheets = wb.worksheets
            for number, ws in enumerate(sheets[:max_pages], start=1):
                if hasattr(ws, "reset_dimensions"):
                    ws.reset_dimensions()  # some writers store a wrong A1:A1 dimension
                rows = ([cell_text(v) for v in row] for row in ws.iter_rows(values_only=True))
                text = _rows_to_text(rows, skipped)
                pages.append(PageText(number=number, text=text, method="xlsx", chars=len(text)))
        finally:
            wb.close()
    except Exception as exc:  # openpyxl raises many types for broken files
        return _corrupt("xlsx", exc)
    features = {"pages": len(sheets), "table": sum(1 for p in pages if p.text)}
    if len(sheets) > max_pages:
        features["pages_skipped"] = len(sheets) - max_pages
    if skipped[0]:
        features["rows_skipped"] = skipped[0]
    return _document("xlsx", pages, [], meta_title, features)


# --------------------------------------------------------------------------- ODT / ODS

_TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
_DRAW_IMAGE = "{urn:oasis:names:tc:opendocument:xmlns:drawing:1.0}image"
_XLINK_HREF = "{http://www.w3.org/1999/xlink}href"
_DC_TITLE = "{http://purl.org/dc/elements/1.1/}title"
_ODF_BLOCKS = {_TEXT + "p", _TEXT + "h"}
_ODF_SKIP = {_OFFICE + "annotation", _TEXT + "note-citation", _TEXT + "tracked-changes"}
_MAX_REPEAT = 200


class _OdfText:
    def __init__(self) -> None:
        self.links: list[ExtractedLink] = []

    def walk(self, el: etree._Element, out: list[str], in_para: bool = False) -> None:
        """Append text; "\n" around paragraphs and after table rows, "\t" after table cells.

        Character data counts only inside paragraphs/headings, where ODF treats tabs and
        newlines in the XML source as spaces."""
        for child in el:
            tag = child.tag
            if not isinstance(tag, str) or tag in _ODF_SKIP:
                pass
            elif tag == _TEXT + "s":
                out.append(" " * int(child.get(_TEXT + "c", "1") or 1))
            elif tag == _TEXT + "tab":
                out.append("\t")
            elif tag == _TEXT + "line-break":
                out.append("\n")
            elif tag in (_TABLE + "table-cell", _TABLE + "covered-table-cell"):
                cell: list[str] = []
                self.walk(child, cell)
                value = " ".join("".join(cell).split())
                repeat = int(child.get(_TABLE + "number-columns-repeated", "1") or 1)
                out.append((value + "\t") * min(repeat, _MAX_REPEAT if value else 1))
            elif tag == _TABLE + "table-row":
                self.walk(child, out)
                out.append("\n")
            else:
                block = tag in _ODF_BLOCKS
                inner = in_para or block
                if tag == _TEXT + "a" and child.get(_XLINK_HREF, "").lower().startswith(("http:", "https:")):
                    link_text: list[str] = []
                    self.walk(child, link_text, True)
                    self.links.append(ExtractedLink(url=clean_url(child.get(_XLINK_HREF)),
                                           text=" ".join("".join(link_text).split())))
                out.append("\n" if block else "")
                if child.text and inner:
                    out.append(_odf_chars(child.text))
                self.walk(child, out, inner)
                out.append("\n" if block else "")
            if child.tail and in_para:
                out.append(_odf_chars(child.tail))

    def text(self, el: etree._Element) -> str:
        out: list[str] = []
        self.walk(el, out)
        lines = (line.rstrip("\t").rstrip() for line in "".join(out).split("\n"))
        return "\n".join(line for line in lines if line.strip())


def _odf_chars(text: str) -> str:
    return text.replace("\n", " ").replace("\t", " ").replace("\r", " ")


def _iter_tables(body: etree._Element) -> Iterator[etree._Element]:
    yield from body.iter(_TABLE + "table")


def extract_odf(body: bytes, kind: str, url: str = "", *, max_pages: int = 300) -> Extracted:
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)
    try:
        with zipfile.ZipFile(io.BytesIO(body)) as zf:
            root = etree.fromstring(zf.read("content.xml"), parser)
            meta = etree.fromstring(zf.read("meta.xml"), parser) if "meta.xml" in zf.namelist() else None
    except Exception as exc:  # bad zip, missing content.xml, broken XML
        return _corrupt(kind, exc)
    meta_title = ""
    if meta is not None and (t := meta.find(f".//{_DC_TITLE}")) is not None:
        meta_title = t.text or ""
    walker = _OdfText()
    office_body = root.find(_OFFICE + "body")
    office_body = office_body if office_body is not None else root
    features: dict[str, int] = {"table": sum(1 for _ in _iter_tables(office_body))}
    if kind == "ods":
        sheets = list(_iter_tables(office_body))
        pages = [PageText(number=n, text=(t := walker.text(sheet)), method="ods", chars=len(t))
                 for n, sheet in enumerate(sheets[:max_pages], start=1)]
        features["pages"] = len(sheets)
        if len(sheets) > max_pages:
            features["pages_skipped"] = len(sheets) - max_pages
    else:
        text = walker.text(office_body)
        pages = [PageText(number=1, text=text, method="odt", chars=len(text))]
        features["image"] = sum(1 for _ in office_body.iter(_DRAW_IMAGE))
    return _document(kind, pages, walker.links, meta_title, features)


# --------------------------------------------------------------------------- entry


def extract_office(body: bytes, kind: str, url: str = "", *, max_pages: int = 300) -> Extracted:
    """Read an Office zip, after :func:`~oitbase.extract.limits.zip_bomb_reason` found it safe to open."""
    try:
        with zipfile.ZipFile(io.BytesIO(body)) as zf:
            refusal = zip_bomb_reason(zf)
    except Exception:  # noqa: BLE001 - a bad zip: the readers below report it in their own words
        refusal = ""
    if refusal:
        return Extracted(kind=kind, error=refusal)
    if kind == "docx":
        return extract_docx(body, url)
    if kind == "xlsx":
        return extract_xlsx(body, url, max_pages=max_pages)
    return extract_odf(body, kind, url, max_pages=max_pages)
