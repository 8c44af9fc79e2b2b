# ruff: noqa: E501  (long Thai prose and table rows read better unwrapped)
"""Item plans: states, the assessor's expected outcome, and why."""

from __future__ import annotations

from .content import expectation
from .model import ITEM_CODES, ITEM_NAMES, STATE_SUPPORT, ItemPlan

_REASONS = {
    "ok": "เผยแพร่ข้อมูลครบตามเกณฑ์ของปีที่ประเมิน (published, meets the criteria)",
    "missing": "ไม่พบข้อมูลบนเว็บไซต์ (nothing published)",
    "placeholder": "ลิงก์ในหน้า ITA/เมนูเป็น '#' หรือหน้าว่าง ไม่มีข้อมูลจริง (placeholder link or empty page)",
    "wrong_year": "เอกสารที่เผยแพร่ไม่ใช่ปีงบประมาณที่เกณฑ์กำหนด (document of the wrong fiscal year)",
    "wrong_period": "รายงานรอบ 6 เดือนไม่ได้ครอบคลุม ต.ค.–มี.ค. ของปีที่ประเมิน แต่เป็น เม.ย.–ก.ย. ของปีก่อน "
                    "(6-month report covers the wrong half-year)",
    "no_map": "ข้อมูลการติดต่อไม่มีแผนที่ตั้งหน่วยงาน ซึ่งผู้ประเมินกำหนดให้ต้องมี (contact page without a map; seed 000)",
    "no_problems": "รายงานประจำปีไม่มีหัวข้อ ปัญหา อุปสรรค และข้อเสนอแนะ (หรือ 'ไม่มี') "
                   "(annual report lacks the problems/obstacles/suggestions section; seeds 000, 003)",
    "no_risk": "ประเมินแล้วระบุว่าไม่พบความเสี่ยงการทุจริต ไม่ได้คะแนน (assessed 'no risk found' scores nothing; seed 002)",
    "general_risk": "เป็นการประเมินความเสี่ยงตามระบบควบคุมภายใน/ความเสี่ยงทั่วไป ไม่ใช่ความเสี่ยงการทุจริตและประพฤติมิชอบ "
                    "(general/internal-control risks only; seed 002)",
    "copied_itas": "คัดลอกข้อเสนอแนะจากระบบ ITAS โดยไม่วิเคราะห์เอง ไม่มีผู้รับผิดชอบ ขั้นตอน และการกำกับติดตาม "
                   "(pasted ITAS suggestions, no own analysis; seed 002)",
    "no_photo": "ข้อมูลผู้บริหารไม่มีรูปถ่ายและช่องทางการติดต่อ (executives without photo and phone)",
    "broken_link": "ลิงก์ไปยังข้อมูลเสีย เปิดแล้วพบ 404 ไม่พบหน้าเว็บ/ไฟล์ ผู้ประเมินเข้าถึงข้อมูลไม่ได้ "
                   "(the link answers 404: the assessor cannot open the evidence)",
    "under_construction": "หน้าของข้อมูลมีอยู่และลิงก์จากเมนู/หน้า ITA แต่แจ้งเพียงว่าอยู่ระหว่างปรับปรุงหรือพัฒนาระบบ ไม่มีข้อมูลหรือบริการจริง "
                          "ผู้ประเมินเปิดแล้วไม่พบข้อมูลตามเกณฑ์ (the page only says it is under construction: no data, no "
                          "working service, so nothing meets the criterion)",
    "nothing_done": "เอกสารของปีที่ประเมินระบุว่าไม่ได้ดำเนินการ (เช่น 'ไม่ได้ดำเนินการ เนื่องจากไม่พบความเสี่ยง') ข้อนี้ต้องแสดงการดำเนินการ/"
                    "ผลการดำเนินการในปีอย่างเป็นรูปธรรม (the document of the right year says nothing was done; the item "
                    "asks for the actions or results of the year; like O34's 'no risk found', it scores nothing)",
    "forms_to_download": "หน้า E-Service มีเพียงแบบฟอร์มคำร้องเปล่า (PDF/Word) ให้ดาวน์โหลดไปกรอกแล้วนำมายื่นที่สำนักงาน "
                         "ไม่มีระบบยื่นคำร้องออนไลน์ (only blank request forms to download, fill in by hand and hand in: "
                         "no online service; college fixture, 2026-12)",
    "neighbour_doc": "ลิงก์ของข้อนี้นำไปสู่เอกสารของข้อข้างเคียง (เช่น แผนแทนรายงานผล ประกาศแทนรายงาน) แม้ปีถูกต้อง "
                     "แต่ไม่ใช่ข้อมูลที่ข้อนี้กำหนด (the link leads to a neighbouring item's document of the right year: "
                     "a plan where a report is asked, an announcement or activity record where a report is asked)",
    "side_by_side": "หน้าของข้อนี้แสดงเอกสารของข้อข้างเคียงก่อน แล้วจึงเป็นเอกสารของข้อนี้ที่ถูกต้องครบตามเกณฑ์ "
                    "ผู้ประเมินพบเอกสารที่ถูกต้องบนหน้าเดียวกัน (the page lists the neighbour's document first and the "
                    "item's own correct document after it: the evidence is there)",
    "offsite_only": "มีเพียงลิงก์ไปยังพื้นที่ภายนอก (Google Drive/Facebook) ไม่ได้เผยแพร่ข้อมูลบนเว็บไซต์หลักของหน่วยงาน "
                    "(only an off-site link; the item must be on the unit's main website)",
}
_OFFSITE_PASS = {
    "O9": "Social Network คือช่องทาง Facebook/LINE ของหน่วยงานเอง ลิงก์จากเว็บไซต์หลักจึงผ่าน "
          "(a social-network link is exactly what O9 asks for)",
    "O18": "E-Service ผ่าน Google Forms ที่ลิงก์จากเว็บไซต์หลัก นับได้ เกณฑ์ O18 ต้องการช่องทางให้บริการออนไลน์ที่เข้าถึงได้จาก"
           "เว็บไซต์หน่วยงาน ไม่ได้กำหนดว่าต้องโฮสต์บนเว็บไซต์เอง (an online service channel reachable from the site "
           "counts; the criterion does not require self-hosting)",
}


def plan(code: str, state: str = "ok", reason: str = "") -> ItemPlan:
    if code not in ITEM_NAMES:
        raise ValueError(f"unknown item {code}")
    if state not in STATE_SUPPORT[code]:
        raise ValueError(f"state {state!r} is not supported for {code}")
    expect = expectation(code, state)
    if not reason:
        reason = _OFFSITE_PASS[code] if state == "offsite_only" and expect == "pass" else _REASONS[state]
    return ItemPlan(code, state, expect, reason)


def make_items(states: dict[str, str | tuple[str, str]] | None = None) -> dict[str, ItemPlan]:
    """All 43 items "ok" except ``states`` (code → state, or code → (state, reason))."""
    states = states or {}
    out = {}
    for code in ITEM_CODES:
        given = states.get(code, "ok")
        state, reason = given if isinstance(given, tuple) else (given, "")
        out[code] = plan(code, state, reason)
    return out
