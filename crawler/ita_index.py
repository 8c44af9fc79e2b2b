"""Parse a unit's ITA/OIT index page(s): rows that name an item code (O1 … O43) and their links.

Units publish the index in three shapes:

* one page for all items, a row per item ("O1 | โครงสร้าง | ลิงก์") as table rows, list items or
  paragraphs;
* one page for all items, a *section* per item: a heading "O10 แผนดำเนินงาน" followed by the
  item's documents (the links up to the next code heading belong to that item);
* a page per item: the index links each code to its own page, whose heading (or the index row that
  led there) names the code and whose documents are that item's evidence (:func:`parse_item_page`).

Codes are written "O1", "o 1", "O.1", "O๑", and even with a zero for the letter ("0๓๕"): they are read by
``oitbase.itemcodes.split_code(…, zero_for_letter=True)``, and the rows are ``oitbase.itemcodes.ItaRow``. A row
whose link is a placeholder ("#", "javascript:void(0)") is kept with an empty URL so the report can
say the link is empty. Links inside HTML comments do not exist for a browser and are ignored.
"""

from __future__ import annotations

from urllib.parse import urldefrag, urljoin

import lxml.html

from oitbase.extract import is_document_url, viewer_target
from oitbase.itemcodes import ItaRow, split_code

PLACEHOLDERS = {"", "#", "#!", "javascript:void(0)", "javascript:void(0);", "javascript:;", "javascript:"}
MIN_CODES = 5
#: A section heading is short; longer text starting with "01" is a date or a sentence.
MAX_HEADING_CHARS = 200
HEADING_TAGS = {"h1", "h2", "h3", "h4", "h5", "h6", "p", "div", "span", "strong", "b", "td", "th", "dt", "li", "button"}


def _row_elements(doc: lxml.html.HtmlElement):
    """Candidate rows: table rows, list items, and block elements without nested blocks."""
    yield from doc.iter("tr")
    yield from doc.iter("li")
    for tag in ("p", "div", "h2", "h3", "h4", "h5", "dt"):
        for el in doc.iter(tag):
            if not any(child.tag in ("div", "p", "table", "ul", "ol", "tr", "li") for child in el.iterdescendants()):
                yield el


def _text(el: lxml.html.HtmlElement) -> str:
    return " ".join(" ".join(el.itertext()).split())


def _parse(html: str | bytes | lxml.etree._Element, base_url: str) -> tuple[lxml.html.HtmlElement | None, str]:
    """The page's tree (``html`` may be one already, as :func:`oitbase.extract.extract` keeps it) and its base URL."""
    if isinstance(html, lxml.etree._Element):
        base = html.find(".//base[@href]")
        return html, (urljoin(base_url, base.get("href")) if base is not None else base_url)
    try:
        try:
            doc = lxml.html.fromstring(html)
        except ValueError:
            if not isinstance(html, str):
                raise
            # a decoded page that still declares its encoding (<?xml … encoding=…?>): hand lxml UTF-8 bytes
            doc = lxml.html.fromstring(html.encode("utf-8"), parser=lxml.html.HTMLParser(encoding="utf-8"))
    except (ValueError, lxml.etree.ParserError):
        return None, base_url
    base = doc.find(".//base[@href]")
    return doc, (urljoin(base_url, base.get("href")) if base is not None else base_url)


def _href_url(href: str | None, base_url: str) -> str:
    """Absolute URL of a link, "" for placeholders; a viewer link gives the document it shows."""
    href = (href or "").strip()
    if href.lower() in PLACEHOLDERS or href.startswith("#") or href.lower().startswith("javascript:"):
        return ""
    url = urldefrag(urljoin(base_url, href))[0]
    return viewer_target(url) or url


def _code_of(text: str) -> tuple[str, str] | None:
    """(code, label) when ``text`` starts with an item code."""
    split = split_code(text, zero_for_letter=True)
    return (split[0], split[1].strip(" :.-|")[:200]) if split else None


def _section_rows(doc: lxml.html.HtmlElement, base_url: str, page_url: str) -> list[ItaRow]:
    """Rows of headings without links ("O10 แผนดำเนินงาน") followed by the item's links."""
    rows: list[ItaRow] = []
    current: tuple[str, str] | None = None
    container = None
    for el in doc.iter(lxml.etree.Element):
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag in HEADING_TAGS and not any(True for _ in el.iter("a")):
            text = _text(el)
            named = _code_of(text) if len(text) <= MAX_HEADING_CHARS else None
            if named and not any(_code_of(_text(c)) for c in el.iterdescendants() if c.tag in HEADING_TAGS):
                current, container = named, _section_container(el)
                continue
        if tag == "a" and current is not None and container is not None:
            if not _is_inside(el, container):
                current = container = None
                continue
            url = _href_url(el.get("href"), base_url)
            if url:
                rows.append(ItaRow(page_url, current[0], current[1], url))
    return rows


def _section_container(heading: lxml.html.HtmlElement) -> lxml.html.HtmlElement:
    """The nearest ancestor of ``heading`` that holds links after it: the section's extent."""
    el = heading.getparent()
    while el is not None and el.tag not in ("body", "html"):
        if any(a is not None for a in el.iter("a")):
            return el
        el = el.getparent()
    return heading.getparent() if heading.getparent() is not None else heading


def _is_inside(el: lxml.html.HtmlElement, container: lxml.html.HtmlElement) -> bool:
    return any(anc is container for anc in el.iterancestors())


def parse_item_page(
    html: str | bytes | lxml.etree._Element, base_url: str, code: str = "", label: str = ""
) -> list[ItaRow]:
    """Rows of a page that holds one item's evidence (the "page per item" shape).

    The code comes from the index row that linked here (``code``) or from the page's own title or
    first heading. Its rows are the links of the code's section when the page has one, else the
    page's documents (PDF/Office files and documents shown through viewers)."""
    page_url = base_url
    doc, base_url = _parse(html, base_url)
    if doc is None:
        return []
    if not code:
        for el in [doc.find(".//title"), *doc.iter("h1", "h2", "h3")]:
            if el is not None and (named := _code_of(_text(el))):
                code, label = named
                break
    if not code:
        return []
    section = [r for r in _section_rows(doc, base_url, page_url) if r.code == code]
    if section:
        return _dedupe(section)
    rows = []
    for a in doc.iter("a", "iframe", "embed"):
        url = _href_url(a.get("href") or a.get("src"), base_url)
        if url and is_document_url(url):
            rows.append(ItaRow(page_url, code, label, url))
    return _dedupe(rows)


def parse_ita_index(html: str | bytes | lxml.etree._Element, base_url: str) -> list[ItaRow]:
    """Rows of an ITA index page; empty when the page names fewer than ``MIN_CODES`` item codes."""
    page_url = base_url
    doc, base_url = _parse(html, base_url)
    if doc is None:
        return []
    rows: list[ItaRow] = []
    for el in _row_elements(doc):
        text = _text(el)
        named = _code_of(text)
        if not named:
            continue
        code, label = named
        hrefs = [a.get("href", "").strip() for a in el.iter("a")]
        urls = [u for u in (_href_url(h, base_url) for h in hrefs) if u]
        if not hrefs or not urls:
            rows.append(ItaRow(page_url, code, label, ""))
        for url in dict.fromkeys(urls):
            rows.append(ItaRow(page_url, code, label, url))
    # Section headings' links; a linkless row is dropped when its section supplies the links.
    sections = _section_rows(doc, base_url, page_url)
    linked = {r.code for r in sections}
    rows = [r for r in rows if r.url or r.code not in linked] + sections
    rows = _dedupe(rows)
    if len({r.code for r in rows}) < MIN_CODES:
        return []
    return rows


def _dedupe(rows: list[ItaRow]) -> list[ItaRow]:
    """Drop the duplicates that nested rows (a div inside a table row) produce, keeping order."""
    out, keys = [], set()
    for r in rows:
        key = (r.code, r.url)
        if key in keys:
            continue
        keys.add(key)
        out.append(r)
    return out
