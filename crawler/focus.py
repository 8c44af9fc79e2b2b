"""Focused crawling: how likely a link leads to OIT evidence, as a Scrapy request priority.

A unit's homepage links hundreds of news items and photo albums next to one "ITA" menu entry. The
scheduler pops the highest priority first (``DEPTH_PRIORITY`` then subtracts the depth), so with a
page cap the ITA pages, the item pages and their documents are fetched before the news archive.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

#: The ITA/OIT pages themselves.
STRONG_HINTS = re.compile(
    r"(?<![a-z])(?:ita|oit|itas)(?![a-z])|การเปิดเผยข้อมูลสาธารณะ|คุณธรรมและความโปร่งใส|ประเมินคุณธรรม|"
    r"open\s*data\s*integrity|integrity\s*and\s*transparency",
    re.IGNORECASE,
)
#: Words of OIT item names and the menus that hold them.
HINTS = re.compile(
    r"คุณธรรม|โปร่งใส|เปิดเผยข้อมูล|ข้อมูลสาธารณะ|ทุจริต|ประมวลจริยธรรม|แผน|รายงาน|ประกาศ|"
    r"จัดซื้อ|จัดจ้าง|งบประมาณ|ติดต่อ|โครงสร้าง|ผู้บริหาร|บุคลากร|อำนาจหน้าที่|ร้องเรียน|คู่มือ|"
    r"กฎหมาย|สถิติ|นโยบาย|ความเสี่ยง|มาตรการ|e-service|download|ดาวน์โหลด|เอกสาร|procure|plan|report",
    re.IGNORECASE,
)
#: An item code at the start of a link text ("O12 …", "ข้อ o.5").
CODE_TEXT = re.compile(r"^\W{0,3}(?:ข้อ\s*)?[OoＯ]\s*\.?\s*[0-9๐-๙]{1,2}(?![0-9๐-๙])")
#: Sections that are large and rarely hold evidence.
NOISE = re.compile(
    r"gallery|album|photo|ภาพกิจกรรม|ภาพข่าว|webboard|กระดาน|guestbook|สมุดเยี่ยม|video|vdo|youtube|"
    r"calendar|ปฏิทิน|event|poll|โหวต|login|register|สมัครสมาชิก|rss|feed",
    re.IGNORECASE,
)


class ItemNames:
    """Which catalog items a link text names (folded Thai, as the checklist engine matches)."""

    def __init__(self, items):
        from oitbase.thai import fold

        self.fold = fold
        self.terms = [(it.code, [fold(t) for t in it.terms if t]) for it in items if not it.unknown]
        self.total = len(self.terms)
        self._cache: dict[str, set[str]] = {}

    def codes_named(self, text: str) -> set[str]:
        if (hit := self._cache.get(text)) is not None:
            return hit  # menus repeat the same link texts on every page
        key = self.fold(text)
        codes = {code for code, terms in self.terms if any(t in key for t in terms)}
        if len(self._cache) < 50_000:
            self._cache[text] = codes
        return codes


class Focus:
    """Scores links; ``matcher`` (:class:`ItemNames`) adds the catalog's item names."""

    def __init__(self, matcher=None):
        self.matcher = matcher

    @classmethod
    def from_settings(cls, settings) -> Focus:
        """Item names from ``OIT_CATALOG``, else from the newest complete bundled catalog; without
        them (no catalog, a broken one) links are scored by the built-in hints alone."""
        try:
            from checklist.catalog import bundled_catalogs, load_catalog
        except ImportError:
            return cls()
        unit_type = settings.get("OIT_UNIT_TYPE", "lao")
        names = [settings.get("OIT_CATALOG")] if settings.get("OIT_CATALOG") else sorted(bundled_catalogs())[::-1]
        for name in names:
            try:
                matcher = ItemNames(load_catalog(name).items_for(unit_type))
            except Exception:  # noqa: BLE001 - a bad catalog must not stop the crawl; it only orders it
                continue
            if matcher.total >= 30 or settings.get("OIT_CATALOG"):
                return cls(matcher)
        return cls()

    def score(self, url: str, text: str, is_document: bool, parent_score: int = 0) -> int:
        """Higher is fetched sooner. Typical range -20 … 110."""
        text = " ".join((text or "").split())[:300]
        path = urlsplit(url)._replace(scheme="", netloc="").geturl()
        score = 0
        if STRONG_HINTS.search(text) or STRONG_HINTS.search(path):
            score += 40
        if CODE_TEXT.match(text):
            score += 30
        if self.matcher is not None and text and self.matcher.codes_named(text):
            score += 20
        if HINTS.search(text) or HINTS.search(path):
            score += 10
        if is_document:
            score += 8 + (10 if score else 0)
        if NOISE.search(text) or NOISE.search(path):
            score -= 20
        score -= 2 * max(0, path.count("&") - 1)
        # Links found on an evidence-like page (an ITA page, an item page) inherit part of its score.
        return score + min(max(parent_score, 0) // 3, 20)
