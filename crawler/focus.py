"""Focused crawling: how likely a link leads to OIT evidence, as a Scrapy request priority.

A unit's homepage links hundreds of news items and photo albums next to one "ITA" menu entry. The
scheduler pops the highest priority first (``DEPTH_PRIORITY`` then subtracts the depth), so with a
page cap the ITA pages, the item pages and their documents are fetched before the news archive.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from crawler.urls import is_next_page
from oitbase.itemcodes import code_at_start
from oitbase.itemnames import ItemNames

#: What a list's next page loses of the list's score: a list the ITA index links keeps it over dozens of pages.
NEXT_PAGE_LOSS = 2
#: The text of a pager's links: a page number, arrows, "next"/"ถัดไป", "last"/"หน้าสุดท้าย".
PAGER_TEXT = re.compile(
    r"^(?:หน้า\s*)?[\d๐-๙]{1,5}$|^[«»‹›<>|.\s]+$|"
    r"^[«»‹›<>\s]*(?:ถัดไป|ก่อนหน้า|หน้าต่อไป|หน้าถัดไป|หน้าก่อน|หน้าแรก|หน้าสุดท้าย|สุดท้าย|แรกสุด|เก่ากว่า|ใหม่กว่า|"
    r"next|prev|previous|first|last|older|newer)(?:\s*(?:page|posts|entries|หน้า))?[«»‹›<>\s]*$",
    re.IGNORECASE,
)


def is_pagination(url: str, text: str, parent_url: str) -> bool:
    """A pager's link of the page ``parent_url`` to another page of the same list."""
    return bool(PAGER_TEXT.match(" ".join((text or "").split()))) and is_next_page(url, parent_url)


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
#: Sections that are large and rarely hold evidence.
NOISE = re.compile(
    r"gallery|album|photo|ภาพกิจกรรม|ภาพข่าว|webboard|กระดาน|guestbook|สมุดเยี่ยม|video|vdo|youtube|"
    r"calendar|ปฏิทิน|event|poll|โหวต|login|register|สมัครสมาชิก|rss|feed",
    re.IGNORECASE,
)


class Focus:
    """Scores links; ``matcher`` (:class:`oitbase.itemnames.ItemNames`) adds the items' names."""

    def __init__(self, matcher: ItemNames | None = None):
        self.matcher = matcher

    @classmethod
    def from_settings(cls, settings) -> Focus:
        """Item names from ``OIT_ITEM_NAMES`` (``{code: [terms]}``, which ``oit check`` takes from the catalog it
        checks against); without them links are scored by the built-in hints alone."""
        return cls(ItemNames.from_setting(settings.get("OIT_ITEM_NAMES")))

    def score(
        self,
        url: str,
        text: str,
        is_document: bool,
        parent_score: int = 0,
        *,
        next_page: bool = False,
        inherit: bool = True,
    ) -> int:
        """Higher is fetched sooner. Typical range -20 … 110. ``next_page`` (:func:`is_pagination`): the link is to
        another page of the list it is on, and keeps nearly all of that page's score, so the last page of a category
        the ITA index links is as likely as its first (an item's report posted as news sits there). ``inherit``
        False: the link is on such a later page, and gets nothing of its score (the posts listed there are as likely
        as their own words make them: an archive the ITA index links is not all evidence)."""
        text = " ".join((text or "").split())[:300]
        path = urlsplit(url)._replace(scheme="", netloc="").geturl()
        score = 0
        if STRONG_HINTS.search(text) or STRONG_HINTS.search(path):
            score += 40
        if code_at_start(text):
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
        if next_page:
            return max(score, parent_score - NEXT_PAGE_LOSS)
        return score + (min(max(parent_score, 0) // 3, 20) if inherit else 0)
