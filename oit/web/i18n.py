"""The web page's words in Thai (the default) and English. The catalog's own texts (item names, what is missing,
how to fix it) are Thai in both: NACC publishes them in Thai, and the templates mark them ``lang="th"``."""

from __future__ import annotations

LANGUAGES = ("th", "en")

TEXT: dict[str, tuple[str, str]] = {
    "app_title": ("ตรวจความพร้อม OIT ด้วยตนเอง", "OIT self-check"),
    "tagline": (
        "ตรวจเว็บไซต์ของหน่วยงานตามแบบ OIT ของการประเมิน ITA ก่อนส่งจริง",
        "Check a unit's website against the OIT part of the ITA assessment before you submit",
    ),
    "other_language": ("English", "ภาษาไทย"),
    "url": ("ที่อยู่เว็บไซต์ของหน่วยงาน", "The unit's website address"),
    "url_hint": ("เช่น https://www.example.go.th", "e.g. https://www.example.go.th"),
    "year": ("ปีงบประมาณที่ประเมิน (พ.ศ.)", "Fiscal year assessed (Buddhist era)"),
    "unit_type": ("ประเภทหน่วยงาน", "Type of unit"),
    "type_lao": ("องค์กรปกครองส่วนท้องถิ่น (อบต. เทศบาล อบจ.)", "Local administration (SAO, municipality, PAO)"),
    "type_agency": (
        "หน่วยงานภาครัฐ (กรม สำนักงาน โรงพยาบาล โรงเรียน)",
        "Government agency (department, office, hospital, school)",
    ),
    "type_school": ("วิทยาลัยอาชีวศึกษา (สอศ.)", "Vocational college (OVEC)"),
    "start": ("เริ่มตรวจ", "Start the check"),
    "privacy": (
        "ระบบจะเปิดอ่านหน้าเว็บและเอกสารสาธารณะของเว็บไซต์นี้ และเก็บผลไว้ให้ดูย้อนหลังได้",
        "The check reads this website's public pages and documents and keeps the result so it can be seen again",
    ),
    "recent": ("การตรวจล่าสุด", "Recent checks"),
    "checking": ("กำลังตรวจ", "Checking"),
    "state_queued": ("รอคิว", "Waiting in the queue"),
    "state_running": ("กำลังตรวจ", "Checking"),
    "state_done": ("ตรวจเสร็จแล้ว", "Done"),
    "state_failed": ("ตรวจไม่สำเร็จ", "The check failed"),
    "state_interrupted": ("การตรวจหยุดกลางคัน", "The check was interrupted"),
    "stage_crawling": ("กำลังอ่านหน้าเว็บและเอกสาร", "Reading pages and documents"),
    "stage_judging": ("กำลังตรวจรายข้อ", "Judging the items"),
    "pages": ("หน้าเว็บ", "pages"),
    "documents": ("เอกสาร", "documents"),
    "ocr_pages": ("หน้าสแกนที่อ่านด้วย OCR", "scanned pages read by OCR"),
    "items_listed": ("ข้อที่พบบนหน้า ITA", "items listed on the ITA page"),
    "progress_note": (
        "ปิดหน้านี้ได้ การตรวจยังทำต่อ เปิดลิงก์นี้อีกครั้งเพื่อดูผล",
        "You may close this page: the check goes on. Open this link again to see the result",
    ),
    "progress_broker": (
        "การตรวจทำบนเครื่องตรวจอื่น จะแสดงผลเมื่อเสร็จ",
        "The check runs on a worker machine: the result shows when it is done",
    ),
    "resume": ("ตรวจต่อจากที่ค้าง", "Continue the check"),
    "again": ("ตรวจใหม่", "Check again"),
    "why": ("สาเหตุ", "Why"),
    "score": ("คะแนน OIT ที่คาดการณ์", "Predicted OIT score"),
    "band": ("ระดับ", "Band"),
    "iit_eit": (
        "คะแนนนี้คาดการณ์จากแบบ OIT เพียงแบบเดียว ผลการประเมิน ITA ขั้นสุดท้ายต้องรวมคะแนนแบบ IIT และ EIT ด้วย "
        "และคะแนน OIT จริงขึ้นกับการพิจารณาของผู้ตรวจประเมิน",
        "This predicts the OIT score alone: the final ITA result also counts the IIT and EIT surveys, and the real "
        "OIT score is the assessors' judgement",
    ),
    "fixes": ("สิ่งที่ควรแก้ก่อน", "Fix these first"),
    "fixes_note": ("เรียงตามคะแนนที่จะได้เพิ่มถ้าแก้ข้อนั้นผ่าน", "Ranked by the score each fix would add"),
    "no_fixes": ("ไม่มีข้อที่ต้องแก้", "Nothing to fix"),
    "points": ("คะแนน", "points"),
    "missing": ("สิ่งที่ยังขาด", "What is missing"),
    "how_to_fix": ("วิธีแก้", "How to fix it"),
    "evidence": ("หลักฐาน", "Evidence"),
    "evidence_found": ("หลักฐานที่พบ", "Evidence found"),
    "items": ("ผลรายข้อ", "Items"),
    "summary": ("สรุปผล", "Summary"),
    "status_pass": ("ผ่าน", "passed"),
    "status_partial": ("ผ่านบางส่วน", "partly"),
    "status_fail": ("ไม่ผ่าน", "failed"),
    "status_unknown": ("ตรวจไม่ได้", "not checked"),
    "unreadable": ("อ่านไม่ได้", "Could not be read"),
    "skipped": ("ลิงก์ที่ไม่ได้เปิด", "Links not followed"),
    "none": ("ไม่มี", "None"),
    "address": ("ที่อยู่ (URL)", "Address (URL)"),
    "link_text": ("ข้อความลิงก์", "Link text"),
    "downloads": ("ดาวน์โหลดรายงาน", "Download the report"),
    "download_html": ("รายงาน HTML", "HTML report"),
    "download_json": ("ข้อมูล JSON", "JSON data"),
    "download_csv": ("ตาราง CSV", "CSV table"),
    "download_md": ("Markdown", "Markdown"),
    "download_sheet_csv": ("แบบตอบ ITAS (CSV)", "ITAS answer sheet (CSV)"),
    "download_sheet_xlsx": ("แบบตอบ ITAS (Excel)", "ITAS answer sheet (Excel)"),
    "history": ("ผลการตรวจครั้งก่อนของหน่วยงานนี้", "Earlier checks of this unit"),
    "trend_alt": ("กราฟคะแนน OIT ตามรอบการตรวจ", "Chart of the OIT score over the checks"),
    "when": ("เวลา", "When"),
    "this_check": ("ครั้งนี้", "this check"),
    "crawl_problem": ("ปัญหาการเก็บข้อมูล", "Crawl problem"),
    "crawl_problem_note": (
        'ผลครั้งนี้ไม่ใช่ผลของเว็บไซต์: ข้อที่ไม่ผ่านถูกนับเป็น "ตรวจไม่ได้"',
        "This is not the site's result: items not found are shown as not checked",
    ),
    "partial": (
        "ผลบางส่วน: การตรวจครั้งนี้ไม่ครบถ้วน คะแนนอาจต่ำกว่าความจริง",
        "Partial result: the check did not finish, the score may be too low",
    ),
    "catalog_notice": ("เกณฑ์ที่ใช้ตรวจ", "The list used"),
    "review": ("ควรตรวจด้วยตา", "check by eye"),
    "confidence": ("ความมั่นใจ", "confidence"),
    "criterion": ("เกณฑ์ของข้อนี้", "The item's criterion"),
    "found": ("สิ่งที่พบแล้ว", "What was found"),
    "doubts": ("เหตุที่ยังไม่แน่ใจ", "Why it is uncertain"),
    "api": ("API สำหรับระบบอื่น (OpenAPI)", "API for other systems (OpenAPI)"),
    "disclaimer": (
        "ผลนี้เป็นการตรวจด้วยเครื่องมืออัตโนมัติเพื่อเตรียมความพร้อม ไม่ใช่ผลการประเมินอย่างเป็นทางการของสำนักงาน ป.ป.ช.",
        "An automatic self-check to prepare: not NACC's official assessment",
    ),
    "not_found": ("ไม่พบหน้านี้", "Page not found"),
    "error": ("เกิดข้อผิดพลาด", "Something went wrong"),
    "error_note": ("ลองใหม่อีกครั้งภายหลัง", "Please try again later"),
    "back": ("กลับหน้าแรก", "Back to the start"),
}


def pick(lang: str | None) -> str:
    return lang if lang in LANGUAGES else "th"


def translator(lang: str):  # noqa: ANN201 - a Jinja global
    """``t("key")`` in the templates: the text in ``lang`` (the key itself if unknown, so a gap is visible)."""
    index = LANGUAGES.index(pick(lang))

    def t(key: str) -> str:
        pair = TEXT.get(key)
        return pair[index] if pair else key

    return t


#: Refusals, each in Thai and English (the JSON API gives both; the page the one of its language).
ERRORS: dict[str, tuple[str, str]] = {
    "csrf": ("แบบฟอร์มหมดอายุ โปรดโหลดหน้าใหม่แล้วส่งอีกครั้ง", "The form has expired: reload the page and send it again"),
    "rate": ("ส่งคำขอถี่เกินไป โปรดรอสักครู่แล้วลองใหม่", "Too many requests: wait a while and try again"),
    "busy": ("มีการตรวจค้างอยู่มากเกินไป โปรดลองใหม่ภายหลัง", "Too many checks are under way: try again later"),
    "client_busy": (
        "คุณมีการตรวจที่ยังไม่เสร็จอยู่แล้ว โปรดรอให้เสร็จก่อน",
        "You already have checks under way: wait for them to finish",
    ),
    "year": ("ไม่มีรายการของปีงบประมาณนี้", "There is no list for this fiscal year"),
    "unit_type": ("ประเภทหน่วยงานไม่ถูกต้อง", "Unknown type of unit"),
    "url": ("ตรวจได้เฉพาะเว็บไซต์ http:// หรือ https://", "Only http:// and https:// websites can be checked"),
    "address": (
        "ไม่ตรวจที่อยู่ภายในเครือข่าย (ที่อยู่ส่วนตัว ภายในเครื่อง หรือสงวนไว้)",
        "Websites inside private networks (private, loopback, link-local or reserved addresses) are not checked",
    ),
    "not_found": ("ไม่พบการตรวจนี้", "No such check"),
    "not_done": ("การตรวจยังไม่เสร็จ", "The check is not finished"),
    "not_resumable": ("การตรวจนี้ไม่ได้หยุดกลางคัน", "This check was not interrupted"),
    "json": ("ส่งข้อมูลแบบ JSON (Content-Type: application/json)", "Send JSON (Content-Type: application/json)"),
    "invalid": ("ข้อมูลที่ส่งมาไม่ถูกต้อง", "The request is not valid"),
    "error": ("เกิดข้อผิดพลาดภายในระบบ", "Internal error"),
}
