"""Items the unit-site spider yields; ``crawler.pipelines.StorePipeline`` stores them."""

from __future__ import annotations

from dataclasses import dataclass, field

from oitbase.extract import Extracted


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
    #: (dst, text, reason) of the links on the page that were not followed (``skip_reason``).
    skipped: list[tuple[str, str, str]] = field(default_factory=list)


@dataclass
class SkippedLink:
    """A link that was scheduled but not fetched (the page cap dropped it)."""

    url: str
    src: str
    text: str
    reason: str


#: Why a link was not followed, Thai + English, as the report shows it.
SKIP_REASONS = {
    "trap": "ถูกข้ามตามกฎกันลิงก์วนไม่รู้จบ (crawler trap rule: {detail})",
    "frontier": "มีลิงก์รอมากเกินกำหนด (too many links waiting: OIT_MAX_FRONTIER)",
    "page cap": "ถึงจำนวนหน้าสูงสุดที่กำหนดแล้ว (page cap reached: --max-pages)",
    "depth": "อยู่ลึกจากหน้าแรกเกินกำหนด (deeper than --max-depth)",
    "archive": "ไฟล์บีบอัด (zip/rar/7z) ไม่ได้เปิดอ่าน (archive files are not opened)",
    "links per page": (
        "หน้านี้มีลิงก์มากเกินกำหนด ติดตามเพียง {detail} ลิงก์แรก (more links on one page than OIT_MAX_LINKS_PER_PAGE)"
    ),
    "offsite": "อยู่นอกเว็บไซต์ของหน่วยงาน จึงไม่ได้ดาวน์โหลด (on another host: add it to --offsite-documents)",
    "settled": (
        "ไม่น่าจะเป็นหลักฐาน และผลการตรวจไม่เปลี่ยนแล้ว จึงไม่ได้เก็บ "
        "(unlikely evidence, not fetched once the verdicts had settled: --full fetches it)"
    ),
}


def skip_reason(rule: str, detail: str = "") -> str:
    return SKIP_REASONS[rule].format(detail=detail)
