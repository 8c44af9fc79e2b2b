"""The Thai fix-it text of an item: what is missing, the catalog's advice, and where on this site to put it.

The catalog's ``fix`` says what to publish in general; this adds what the engine found lacking on *this*
site (the missing elements, the wrong year) and a concrete place: the item's row on the unit's own ITA
page, the page that already holds the item, or the menu where the unit keeps the other items of the same
sub-indicator.
"""

from __future__ import annotations

from dataclasses import dataclass

from checklist.catalog import Item
from checklist.sitedata import SiteData
from oitbase.model import ItemResult

#: The engine's note for an item with no candidate at all: says nothing the fix does not.
NOTHING_FOUND = "ไม่พบหน้าเว็บหรือเอกสารของรายการนี้บนเว็บไซต์"


@dataclass
class FixPlaces:
    """What the engine knows about where items sit on the site."""

    site: SiteData
    #: item code → URLs the unit's ITA index page links for it.
    ita_urls: dict[str, list[str]]
    #: item code → labels of ITA rows with an empty or placeholder link.
    ita_empty: dict[str, list[str]]
    index_pages: set[str]
    #: The assessed fiscal year.
    fy: int = 0

    def ita_where(self) -> str:
        """Click path of the unit's ITA index page (the one nearest to the homepage), "" without one."""
        if not self.index_pages:
            return ""
        paths = self.site.click_paths
        best = min(self.index_pages, key=lambda u: (len(paths.get(u, [])) if u in paths else 99, u))
        return self.site.where(best)


def _parent(where: str) -> str:
    """The menu a click path ends in ("หน้าแรก › ข้อมูลพื้นฐาน › โครงสร้าง" → "หน้าแรก › ข้อมูลพื้นฐาน")."""
    parts = where.split(" › ")
    return " › ".join(parts[:-1]) if len(parts) > 1 else where


def _similar_place(item: Item, results: list[ItemResult]) -> str:
    """Where the unit keeps passing items of the same sub-indicator (on its own site)."""
    for other in results:
        if other.code == item.code or other.sub_indicator != item.sub_indicator or other.status != "pass":
            continue
        ev = next((e for e in other.evidence if not e.offsite and e.where.startswith("หน้าแรก")), None)
        if ev is not None:
            return f"ในเมนูเดียวกับข้อ {other.code} {other.name} ({_parent(ev.where)})"
    return ""


def _wanted_years(item: Item, fy: int) -> set[int]:
    """The fiscal years the item's year rule accepts (empty: no rule)."""
    rule = item.year_rule.value
    if rule == "none" or not fy:
        return set()
    return {fy - 1, fy} if rule in ("previous", "assessed_or_previous") else {fy}


def place_for(item: Item, result: ItemResult, places: FixPlaces, results: list[ItemResult]) -> str:
    """Thai: where on this site the fixed evidence should go."""
    code = item.code
    ita = places.ita_where()
    onsite = next((e for e in result.evidence if not e.offsite and e.where.startswith("หน้าแรก")), None)
    wanted = _wanted_years(item, places.fy)
    if onsite is not None and onsite.fiscal_year and wanted and onsite.fiscal_year not in wanted:
        years = " หรือ ".join(str(y) for y in sorted(wanted, reverse=True))
        return f"เผยแพร่ฉบับของปี {years} ไว้ที่เดียวกับฉบับปี {onsite.fiscal_year} ({_parent(onsite.where)})"
    if onsite is not None and result.status in ("partial", "unknown"):
        kind = "เอกสาร" if onsite.kind == "document" else "หน้าเว็บ"
        place = f"แก้ไข{kind}เดิมที่ {onsite.where}"
        if code not in places.ita_urls and ita:
            place += f" และลิงก์จากแถวข้อ {code} ในหน้า ITA ({ita})"
        return place
    if code in places.ita_urls:
        return f"เปลี่ยนลิงก์ในแถวข้อ {code} ของหน้า ITA ({ita}) ให้ชี้ไปยังข้อมูลที่ถูกต้องบนเว็บไซต์หลัก"
    if code in places.ita_empty:
        return f"ใส่ลิงก์ในแถวข้อ {code} ของหน้า ITA ({ita}) ซึ่งยังว่างหรือใช้ไม่ได้"
    similar = _similar_place(item, results)
    if ita:
        return f"เพิ่มแถวข้อ {code} ในหน้า ITA ({ita})" + (f" และเผยแพร่ข้อมูล{similar}" if similar else "")
    if similar:
        return f"เผยแพร่{similar} และสร้างหน้า ITA ที่ลิงก์จากหน้าแรกโดยมีแถวข้อ {code}"
    return f"สร้างหน้า ITA (OIT) ที่ลิงก์จากหน้าแรก แล้วเพิ่มแถวข้อ {code} ลิงก์ไปยังข้อมูลบนเว็บไซต์หลัก"


def compose_fix(item: Item, result: ItemResult, places: FixPlaces, results: list[ItemResult]) -> str:
    """The fix-it text shown in every report for an item that does not pass (the catalog's for others)."""
    if result.status == "pass" or item.unknown:
        return item.fix
    parts = []
    missing = [m for m in result.missing if m != NOTHING_FOUND]
    if missing:
        parts.append("สิ่งที่ต้องเพิ่มหรือแก้: " + "; ".join(missing) + ".")
    elif result.status == "unknown":
        parts.append("เอกสารที่พบอ่านไม่ได้ (เช่น ภาพสแกน) ให้เผยแพร่เป็นไฟล์ที่มีข้อความหรือหน้าเว็บ.")
    if item.fix:
        parts.append(item.fix.strip())
    parts.append("ตำแหน่งที่แนะนำ: " + place_for(item, result, places, results))
    return " ".join(parts)
