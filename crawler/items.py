"""Items the unit-site spider yields; ``crawler.pipelines.StorePipeline`` stores them."""

from __future__ import annotations

from dataclasses import dataclass, field

from oit.extract import Extracted


@dataclass
class FetchedResource:
    """One fetched URL (page or document), or a URL that could not be fetched (``error``)."""

    url: str
    final_url: str = ""
    status: int = 0
    content_type: str = ""
    kind: str = "other"  # html | pdf | docx | xlsx | odt | text | other
    depth: int = 0
    referrer: str = ""
    anchor: str = ""
    body: bytes | None = None
    #: Set for HTML pages, which the spider already parsed to follow their links.
    extracted: Extracted | None = None
    error: str = ""
    #: (dst, text, kind, offsite) of every link found on the page.
    links: list[tuple[str, str, str, bool]] = field(default_factory=list)
    #: (code, label, url) rows when the page is an ITA/OIT index page or one item's page.
    ita_rows: list[tuple[str, str, str]] = field(default_factory=list)
    #: On another host (fetched because ``OIT_OFFSITE_DOCUMENTS`` admits it).
    offsite: bool = False
    #: Why the page was rendered with JavaScript ("" when it was not).
    rendered: str = ""
