"""Parse a unit's ITA/OIT index page: rows that name an item code (O1 … O43) and their links.

Units list every item on one page ("O1 | โครงสร้าง | ลิงก์"), as table rows, list items or
paragraphs. Codes are written "O1", "o 1", "O.1", "O๑", and even with a zero for the letter
("0๓๕"). A row whose link is a placeholder ("#", "javascript:void(0)") is kept with an empty URL so
the report can say the link is empty. Links inside HTML comments do not exist for a browser and
are ignored.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urldefrag, urljoin

import lxml.html

from oit.thai import to_arabic_digits

#: An item code at the start of a row's text.
CODE_AT_START = re.compile(r"^\W{0,3}(?:ข้อ\s*)?[OoＯ0]\s*\.?\s*([0-9๐-๙]{1,2})(?![0-9๐-๙])")
PLACEHOLDERS = {"", "#", "#!", "javascript:void(0)", "javascript:void(0);", "javascript:;", "javascript:"}
MIN_CODES = 5


@dataclass
class ItaRow:
    code: str
    label: str
    url: str  # "" when the row's link is a placeholder or missing


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


def parse_ita_index(html: str | bytes, base_url: str) -> list[ItaRow]:
    """Rows of an ITA index page; empty when the page names fewer than ``MIN_CODES`` item codes."""
    try:
        doc = lxml.html.fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return []
    base = doc.find(".//base[@href]")
    base_url = urljoin(base_url, base.get("href")) if base is not None else base_url
    rows: list[ItaRow] = []
    for el in _row_elements(doc):
        text = _text(el)
        m = CODE_AT_START.match(text)
        if not m:
            continue
        code = f"O{int(to_arabic_digits(m.group(1)))}"
        label = text[m.end() :].strip(" :.-|")[:200]
        hrefs = [a.get("href", "").strip() for a in el.iter("a")]
        urls = [urldefrag(urljoin(base_url, h))[0] for h in hrefs if h.lower() not in PLACEHOLDERS]
        if not hrefs or not urls:
            rows.append(ItaRow(code, label, ""))
        for url in dict.fromkeys(urls):
            rows.append(ItaRow(code, label, url))
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
