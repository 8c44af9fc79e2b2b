"""Crawl health (in the spirit of Spidermon's monitors): did a crawl fetch enough of the site to judge it?

Pure: a run's totals, its stored crawl stats and its resources' error texts in, a :class:`CrawlHealth` out. A crawl
that fetched nothing, much less than the unit's previous healthy crawl, or mostly errors is not a fair picture of
the site: a batch shows it as a crawl problem instead of a low score. Causes are read from the wordings of
:mod:`oitbase.fetch_errors` (one vocabulary for fetch failures).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from oitbase.fetch_errors import error_kind

#: Kind → what it means, Thai (English).
KIND_TEXT = {
    "empty": "ไม่ได้ข้อมูลจากเว็บไซต์เลย (nothing was fetched)",
    "dns": "หาชื่อโดเมนไม่พบ (DNS lookup failed)",
    "tls": "เชื่อมต่อแบบปลอดภัยไม่สำเร็จ (TLS error)",
    "timeout": "เซิร์ฟเวอร์ตอบช้าเกินกำหนด (the server timed out)",
    "robots": "robots.txt ไม่อนุญาตให้เข้าถึง (forbidden by robots.txt)",
    "blocked": "เซิร์ฟเวอร์ปฏิเสธการเข้าถึง (the server turned the crawler away: HTTP 401/403/429)",
    "private": "ที่อยู่อยู่ภายในเครือข่ายส่วนตัว (the address is inside a private network)",
    "down": "เว็บไซต์ไม่ตอบสนองหรือขัดข้อง (the site is down or failing)",
    "failed": "ตรวจไม่สำเร็จซ้ำหลายครั้ง (checking failed again and again)",
}
#: Error kinds that name a cause (the rest, e.g. "http" for a 404, are ordinary broken links).
CAUSES = ("dns", "tls", "timeout", "robots", "blocked", "private", "down")


@dataclass
class CrawlHealth:
    #: "" (healthy) | empty | shrunk | errors | dns | tls | timeout | robots | blocked | down | failed
    kind: str = ""
    #: Thai + English: what went wrong ("" when healthy).
    reason: str = ""

    @property
    def ok(self) -> bool:
        return not self.kind


def _stat(stats: dict, key: str) -> int:
    """A Scrapy stat as the pipeline stores it (``/`` flattened to ``_``) or under its own name."""
    value = stats.get(key.replace("/", "_"), stats.get(key, 0))
    return int(value) if isinstance(value, int | float) else 0


def error_causes(errors: list[str], crawl_stats: dict) -> Counter:
    """How many failures of each cause (:data:`CAUSES`) the error texts show (every failed request and every HTTP
    error page is a resource with its error text); requests refused by robots.txt also from the crawl's counter."""
    causes = Counter(k for k in map(error_kind, errors) if k in CAUSES)
    if not causes.get("robots"):
        if forbidden := _stat(crawl_stats, "robotstxt/forbidden"):
            causes["robots"] = forbidden
    return causes


def _dominant(causes: Counter) -> str:
    return causes.most_common(1)[0][0] if causes else ""


def crawl_health(
    totals: dict[str, int],
    crawl_stats: dict,
    errors: list[str],
    previous: dict[str, int] | None,
    shrink_below: float = 0.5,
    error_share: float = 0.5,
) -> CrawlHealth:
    """Judge a crawl. ``totals``: its pages, documents and errors (``storage.store.run_totals``); ``crawl_stats``:
    its stored crawl stats; ``errors``: the error texts of its failed resources; ``previous``: the totals of the
    unit's previous healthy crawl (None: none). Nothing fetched → the cause the errors show, else "empty"; fewer
    pages and documents than ``shrink_below`` × the previous crawl's → "shrunk"; errors at least ``error_share`` of
    what was requested, broken links (HTTP 404) aside → "errors" (with the dominant cause)."""
    fetched = int(totals.get("pages", 0)) + int(totals.get("documents", 0))
    failed = int(totals.get("errors", 0))
    causes = error_causes(errors, crawl_stats)
    if fetched == 0:
        cause = _dominant(causes)
        kind = cause or "empty"
        detail = f"; {KIND_TEXT[cause]} ×{causes[cause]}" if cause else ""
        return CrawlHealth(kind, f"ไม่ได้หน้าเว็บหรือเอกสารเลย (nothing fetched: {failed} errors){detail}")
    if previous:
        before = int(previous.get("pages", 0)) + int(previous.get("documents", 0))
        if before and fetched < shrink_below * before:
            share = "เกินครึ่ง" if shrink_below == 0.5 else f"ต่ำกว่า {shrink_below:.0%}"
            return CrawlHealth(
                "shrunk",
                f"ดึงข้อมูลได้ {fetched:,} หน้า น้อยกว่าครั้งก่อน ({before:,}) {share} "
                f"(fetched {fetched:,} pages, < {shrink_below:.0%} of last time's {before:,})",
            )
    requested = fetched + failed
    # A page the site answers "not found" (a broken link) is the site's own doing, and judged as such; only failures
    # with a cause (unreachable, refused, timed out, blocked …) say the crawl did not see the site.
    caused = sum(causes.values())
    if caused and caused >= error_share * (fetched + caused):
        cause = _dominant(causes)
        detail = f"; ส่วนใหญ่ (mostly): {KIND_TEXT[cause]}" if cause else ""
        return CrawlHealth(
            "errors",
            f"ดึงข้อมูลไม่สำเร็จ {failed:,} จาก {requested:,} รายการ ({failed:,} of {requested:,} requests failed)" + detail,
        )
    return CrawlHealth()


def preflight_health(message: str) -> CrawlHealth:
    """The health of a check stopped by the homepage check (``oit.check.preflight``'s CheckError text): dns, tls,
    timeout, blocked (HTTP 401/403/429), private (refused by the address guard) or down (refused, unreachable,
    another HTTP error, not a web page)."""
    kind = error_kind(message)
    if kind not in CAUSES or kind == "robots":
        kind = "down"
    return CrawlHealth(kind, f"{KIND_TEXT[kind]}: {message}")
