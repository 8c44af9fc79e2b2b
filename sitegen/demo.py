"""Two ready-made specs with known defects, for demos and end-to-end tests."""

from __future__ import annotations

from pathlib import Path

from .build import build_site
from .model import SiteSpec
from .plans import make_items

DEMO_SPEC = SiteSpec(
    seed=2567,
    unit_name="องค์การบริหารส่วนตำบลหนองบัวทอง",
    unit_short="อบต.หนองบัวทอง",
    unit_type="lao",
    province="ขอนแก่น",
    district="บ้านไผ่",
    subdistrict="หนองบัวทอง",
    postcode="40110",
    domain="www.nongbuathong.go.th",
    fiscal_year=2567,
    layout="lao_cms",
    ita_index=True,
    items=make_items({
        "O2": "no_photo",
        "O5": "no_map",
        "O8": "placeholder",
        "O9": "offsite_only",
        "O12": "wrong_period",
        "O13": "no_problems",
        "O16": "missing",
        "O18": "offsite_only",
        "O19": ("wrong_year", "แผนการจัดซื้อจัดจ้างที่เผยแพร่เป็นของปีงบประมาณ 2566 และ 2565 ไม่มีของปี 2567 "
                              "(procurement plan of FY-1 only; O19 needs the assessed year's plan)"),
        "O31": ("wrong_year", "ประกาศเจตนารมณ์ No Gift Policy มีเฉพาะปี 2566 ไม่มีปี 2567 "
                              "(No Gift announcement of FY-1 only; O31 needs the assessed year)"),
        "O34": "no_risk",
        "O42": "copied_itas",
    }),
)

SECOND_SPEC = SiteSpec(
    seed=2566,
    unit_name="เทศบาลตำบลดอนตูม",
    unit_short="ทต.ดอนตูม",
    unit_type="lao",
    province="นครปฐม",
    district="บางเลน",
    subdistrict="ดอนตูม",
    postcode="73130",
    domain="www.dontoom.go.th",
    fiscal_year=2566,
    layout="static",
    ita_index=False,
    items=make_items({
        "O8": "placeholder",
        "O17": "wrong_year",
        "O20": ("offsite_only",
                "ประกาศจัดซื้อจัดจ้างมีเพียงลิงก์ไปยังโฟลเดอร์ Google Drive ไม่ได้เผยแพร่บนเว็บไซต์หลัก "
                "(procurement announcements only in a Google Drive folder: not on the unit's website)"),
        "O26": "no_problems",
        "O28": "missing",
        "O34": "general_risk",
        "O40": "missing",
    }),
)


def build_demo_site(dest: Path) -> dict:
    return build_site(DEMO_SPEC, dest)


def build_second_site(dest: Path) -> dict:
    return build_site(SECOND_SPEC, dest)
