"""PDF extraction with PyMuPDF: the text layer of each page, link annotations and features.

Scanned pages come back with little or no text (counted in ``pages_without_text``); OCR is a
separate step. Map detection only uses link annotations to map URLs: the word "แผนที่" next
to a picture says nothing about whether a map is really there.
"""

from __future__ import annotations

import pymupdf

from oit.extract import (
    Extracted,
    Link,
    PageText,
    clean_url,
    dedupe_links,
    first_lines,
    is_map_url,
    join_pages,
    real_title,
    text_features,
    viewer_target,
)

#: Pages with fewer non-space characters than this count as "without text" (likely scans).
MIN_PAGE_CHARS = 20

def _page_links(page: pymupdf.Page) -> list[Link]:
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
        links.append(Link(url=url, text=text, kind="a"))
        if (target := viewer_target(url)) is not None:
            links.append(Link(url=target, text=text, kind="viewer"))
    return links


def _error(message: str, **features: int) -> Extracted:
    return Extracted(kind="pdf", error=message, features=dict(features))


def extract_pdf(body: bytes, url: str = "", *, max_pages: int = 300) -> Extracted:
    try:
        doc = pymupdf.open(stream=body, filetype="pdf")
    except Exception as exc:  # MuPDF raises several types for broken files
        return _error(f"เปิดไฟล์ไม่ได้ (corrupt PDF: {exc})")
    with doc:
        if doc.needs_pass:
            return _error("เปิดไฟล์ไม่ได้ (encrypted PDF)")
        try:
            page_count = doc.page_count
        except Exception:
            page_count = 0
        if page_count == 0:
            return _error("เปิดไฟล์ไม่ได้ (PDF มี 0 หน้า / PDF has no pages)", pages=0)
        pages: list[PageText] = []
        links: list[Link] = []
        images = failed = empty = 0
        for number in range(min(page_count, max_pages)):
            try:
                page = doc.load_page(number)
                # No sort=True: on real files it drops characters (overlapping duplicate
                # text, tone marks, control codes that encode digits in broken fonts).
                text = page.get_text("text")
                images += len(page.get_images())
                links += _page_links(page)
            except Exception:  # one bad page must not lose the others
                failed += 1
                text = ""
            text = text.rstrip("\n")
            if len("".join(text.split())) < MIN_PAGE_CHARS:
                empty += 1
            pages.append(PageText(number=number + 1, text=text, method="text-layer", chars=len(text)))
        meta_title = (doc.metadata or {}).get("title", "")
    if failed == len(pages):
        return _error("เปิดไฟล์ไม่ได้ (corrupt PDF: no page could be read)", pages=page_count)
    text = join_pages(pages)
    headings = first_lines(pages[0].text)
    features = text_features(text)
    features.update({
        "pages": page_count,
        "image": images,
        "map": sum(1 for link in links if link.kind != "viewer" and is_map_url(link.url)),
        "pages_without_text": empty,
    })
    if page_count > max_pages:
        features["pages_skipped"] = page_count - max_pages
    if failed:
        features["pages_failed"] = failed
    return Extracted(
        kind="pdf",
        title=real_title(meta_title) or next(iter(first_lines(text, 1)), ""),
        headings=headings,
        text=text,
        pages=pages,
        links=dedupe_links(links),
        features=features,
    )
