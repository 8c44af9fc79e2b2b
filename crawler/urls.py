"""URL helpers: what counts as the unit's own site, and how links are prioritised."""

from __future__ import annotations

import re
from urllib.parse import urlsplit, urlunsplit

#: Link texts and URL fragments that usually lead to OIT evidence.
ITA_HINTS = re.compile(
    r"ita|oit|คุณธรรม|โปร่งใส|เปิดเผยข้อมูล|ข้อมูลสาธารณะ|ทุจริต|ประมวลจริยธรรม|แผน|รายงาน|ประกาศ|"
    r"จัดซื้อ|จัดจ้าง|งบประมาณ|ติดต่อ|โครงสร้าง|ผู้บริหาร|บุคลากร|อำนาจหน้าที่|ร้องเรียน|คู่มือ|"
    r"กฎหมาย|สถิติ|นโยบาย|ความเสี่ยง|มาตรการ|e-service|download|ดาวน์โหลด",
    re.IGNORECASE,
)


def ensure_scheme(url: str) -> str:
    url = url.strip()
    if not re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*://", url):
        url = "http://" + url
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, parts.path or "/", parts.query, ""))


def site_host(url: str) -> str:
    """Host without a leading ``www.``, lower-case, without port."""
    host = (urlsplit(url).hostname or "").lower()
    return host[4:] if host.startswith("www.") else host


def is_onsite(url: str, home_host: str) -> bool:
    """Same host as the unit's homepage (``www.`` or not); subdomains are other sites."""
    return urlsplit(url).scheme in ("http", "https") and site_host(url) == home_host


def link_priority(url: str, text: str, is_document: bool) -> int:
    """Scheduling priority of a link: evidence-like links first."""
    prio = 0
    if ITA_HINTS.search(text or "") or ITA_HINTS.search(url):
        prio += 10
    if is_document:
        prio += 5
    return prio
