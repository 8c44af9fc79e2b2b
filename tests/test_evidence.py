# ruff: noqa: E501  (Thai fixture texts read better unwrapped)
"""What a resource is before what it says: evidence types, placeholder pages, "nothing was done" reports,
and the confidence of a pass. Texts are worded the way units write (header, "เรื่อง", body, signature)."""

from __future__ import annotations

import pytest

from checklist.catalog import default_vocabulary, load_catalog
from checklist.engine import evaluate_site
from checklist.evidence import evidence_type, placeholder_reason, subject_of
from checklist.rules import affirmed, evaluate
from checklist.sitedata import ItaRow, Link, Resource, SiteData
from oitbase.thai import fold

FY = 2567
UNIT = "องค์การบริหารส่วนตำบลหนองบัว"
SIGN = f"ประกาศ ณ วันที่ 2 ตุลาคม พ.ศ. 2566\n(ลงชื่อ) สมชาย ใจดี\n(นายสมชาย ใจดี)\nนายก{UNIT}"
VOCAB = default_vocabulary()
CAT = load_catalog("nacc-2567")


def doc(text: str, title: str = "", kind: str = "pdf", **kw) -> Resource:
    return Resource(url="https://www.nongbua.go.th/files/x.pdf", kind=kind, title=title, text=text, body=text, **kw)


def page(text: str, title: str = "", **kw) -> Resource:
    return Resource(url="https://www.nongbua.go.th/page/x", kind="html", title=title, text=text, body=text, **kw)


def kind_of(res: Resource) -> str:
    t = evidence_type(res, VOCAB["evidence_types"], VOCAB["subject_fillers"])
    return t.id if t else ""


@pytest.mark.parametrize(
    ("text", "title", "kind"),
    [
        (f"ประกาศ{UNIT}\nเรื่อง รายงานผลการดำเนินงานประจำปีงบประมาณ พ.ศ. 2566\n------\nตามที่...", "", "report"),
        (f"ประกาศ{UNIT}\nเรื่อง เผยแพร่แผนการจัดซื้อจัดจ้าง ประจำปีงบประมาณ พ.ศ. 2567", "", "plan"),
        (f"ประกาศ{UNIT}\nเรื่อง ประกาศเจตนารมณ์ไม่รับของขวัญและของกำนัลทุกชนิดจากการปฏิบัติหน้าที่ (No Gift Policy)", "", "announcement"),
        (f"ประกาศ{UNIT}\nเรื่อง ประกวดราคาจ้างก่อสร้างถนนคอนกรีตเสริมเหล็ก หมู่ที่ 5 ด้วยวิธีประกวดราคาอิเล็กทรอนิกส์", "", "announcement"),
        (f"ประกาศ{UNIT}\nเรื่อง ผลการประกวดราคาจ้างก่อสร้างถนน", "", "announcement"),
        (f"คำสั่ง{UNIT}\nที่ 215/2566\nเรื่อง แต่งตั้งคณะทำงานขับเคลื่อนจริยธรรม", "", "order"),
        ("ภาพกิจกรรม\nโครงการส่งเสริมคุณธรรมจริยธรรม No Gift Policy\nวันที่ 12 มกราคม 2567 ณ ห้องประชุม", "", "activity"),
        ("บันทึกข้อความ\nส่วนราชการ สำนักปลัด\nที่ นบ 80301/123 วันที่ 5 เมษายน 2567\nเรื่อง รายงานการประชุมคณะทำงาน ITA ครั้งที่ 1/2567", "", "minutes"),
        ("แผนปฏิบัติการป้องกันการทุจริต ประจำปีงบประมาณ พ.ศ. 2567", "แผนปฏิบัติการป้องกันการทุจริต ประจำปีงบประมาณ พ.ศ. 2567", "plan"),
        ("มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณ พ.ศ. 2567", "", "measures"),
        # no type stated: judged by the item's other rules only
        ("ข้อมูลสถิติการให้บริการประชาชน\nเดือน ตุลาคม 2566 จำนวน 120 ราย", "", ""),
        ("แบบ สขร.1\nสรุปผลการดำเนินการจัดซื้อจัดจ้างในรอบเดือน ตุลาคม 2566", "", ""),
    ],
)
def test_evidence_type_read_from_the_subject(text: str, title: str, kind: str) -> None:
    assert kind_of(doc(text, title)) == kind


def test_subject_is_the_text_after_reueang() -> None:
    subject, before = subject_of(doc(f"ประกาศ{UNIT}\nเรื่อง  รายงานผลการดำเนินงาน\nประจำปี 2566"))
    assert subject.startswith("รายงานผลการดำเนินงาน")
    assert before == f"ประกาศ{UNIT}"


def test_exported_file_title_noise_is_ignored() -> None:
    assert kind_of(doc("", title="Microsoft Word - รายงานผลการดำเนินงาน 2566.docx")) == "report"


def test_affirmed_ignores_denied_phrases() -> None:
    assert not affirmed(fold("ไม่ได้ดำเนินการ เนื่องจากไม่พบความเสี่ยง"), fold("ได้ดำเนินการ"))
    assert not affirmed(fold("ยังไม่ได้ดำเนินการ"), fold("ได้ดำเนินการ"))
    assert affirmed(fold("ข้อ 1 ยังไม่ได้ดำเนินการ ข้อ 2 ได้ดำเนินการแล้ว"), fold("ได้ดำเนินการ"))


def _item(code: str):
    return CAT.item(code).for_unit_type("lao")


RISK_ACTIONS_OK = (
    f"รายงานผลการดำเนินการเพื่อจัดการความเสี่ยงการทุจริตและประพฤติมิชอบ ประจำปีงบประมาณ พ.ศ. 2567\n{UNIT}\n"
    "เหตุการณ์ความเสี่ยงที่ 1 การเรียกรับผลประโยชน์ในการอนุมัติอนุญาตก่อสร้างอาคาร\n"
    "มาตรการ: กำหนดขั้นตอนและระยะเวลาการพิจารณาให้ชัดเจน เผยแพร่ขั้นตอนบนเว็บไซต์\n"
    "ผลการดำเนินการ: ได้ดำเนินการเผยแพร่ขั้นตอนแล้วเมื่อวันที่ 15 ธันวาคม 2566 ไม่พบการร้องเรียน\n"
    "เหตุการณ์ความเสี่ยงที่ 2 การใช้รถราชการเพื่อประโยชน์ส่วนตน\n"
    "ผลการดำเนินการ: ยังไม่ได้ดำเนินการ จะดำเนินการในไตรมาสที่ 3\n"
)
RISK_ACTIONS_NOTHING = (
    f"รายงานผลการดำเนินการเพื่อจัดการความเสี่ยงการทุจริตและประพฤติมิชอบ ประจำปีงบประมาณ พ.ศ. 2567\n{UNIT}\n"
    "ตามที่ได้ประเมินความเสี่ยงการทุจริตและประพฤติมิชอบประจำปีงบประมาณ พ.ศ. 2567 แล้ว\n"
    "ผลการดำเนินการ: ไม่ได้ดำเนินการ เนื่องจากไม่พบความเสี่ยงการทุจริตที่อยู่ในระดับสูง\n"
    "มาตรการ: -\n"
)


def test_nothing_done_report_fails_and_a_real_report_with_one_open_row_passes() -> None:
    item = _item("O35")
    good = evaluate(item, doc(RISK_ACTIONS_OK), FY)
    assert good.ok, good.problems
    bad = evaluate(item, doc(RISK_ACTIONS_NOTHING), FY)
    assert not bad.ok
    assert any("ไม่ได้ดำเนินการ" in p for p in bad.problems)


def test_neighbour_documents_of_another_kind_do_not_count() -> None:
    activity = doc(
        "ภาพกิจกรรม\nกิจกรรมเสริมสร้างวัฒนธรรมองค์กร No Gift Policy ประจำปีงบประมาณ พ.ศ. 2567\n"
        f"วันที่ 20 ธันวาคม 2566 {UNIT} จัดกิจกรรมประกาศเจตนารมณ์ไม่รับของขวัญ ผู้เข้าร่วม 45 คน\n"
        "รายงานผลการรับของขวัญ: ไม่มีผู้รับของขวัญ\n"
    )
    out = evaluate(_item("O33"), activity, FY)
    assert any("บันทึกกิจกรรม" in p for p in out.forbidden)
    plan = doc(
        f"แผนปฏิบัติการป้องกันการทุจริต ประจำปีงบประมาณ พ.ศ. 2567\n{UNIT}\nโครงการ งบประมาณ ผลการดำเนินงาน ปัญหา อุปสรรค",
        title="แผนปฏิบัติการป้องกันการทุจริต ประจำปีงบประมาณ พ.ศ. 2567",
    )
    out = evaluate(_item("O38"), plan, FY)
    assert any("เป็นแผน" in p for p in out.forbidden)


def test_a_subject_that_names_the_item_is_no_conflict() -> None:
    res = doc(f"ประกาศ{UNIT}\nเรื่อง ประกาศเจตนารมณ์นโยบาย No Gift Policy จากการปฏิบัติหน้าที่ ประจำปี 2567\n" + SIGN)
    out = evaluate(_item("O31"), res, FY)
    assert not any("ไม่ใช่หลักฐาน" in p for p in out.forbidden)


UNDER_CONSTRUCTION = (
    "E-Service\n"
    f"ระบบบริการออนไลน์ {UNIT}\n"
    f"ขณะนี้ระบบ E-Service ของ{UNIT} อยู่ระหว่างการปรับปรุงและพัฒนาระบบ เพื่อให้สามารถให้บริการประชาชนได้อย่างมีประสิทธิภาพ "
    "และรองรับการยื่นคำร้องออนไลน์ในทุกงานบริการ ทั้งงานขออนุญาตก่อสร้าง งานจัดเก็บภาษี และงานสวัสดิการสังคม\n"
    "ขออภัยในความไม่สะดวก\n"
    "สอบถามเพิ่มเติม โทร 042-123456 ในวันและเวลาราชการ\n"
)


def test_under_construction_page_is_a_placeholder_even_with_an_explanation() -> None:
    res = page(UNDER_CONSTRUCTION, title="E-Service")
    assert "อยู่ระหว่างการปรับปรุง" in placeholder_reason(res, CAT.placeholders)


def test_a_page_with_a_form_or_real_content_is_not_a_placeholder() -> None:
    with_form = page(UNDER_CONSTRUCTION, title="E-Service", features={"form": 1})
    assert placeholder_reason(with_form, CAT.placeholders) == ""
    stats = page(
        "สถิติเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ ประจำปีงบประมาณ พ.ศ. 2567\n"
        + "\n".join(f"เดือน{m} 2567 รับเรื่อง {n} เรื่อง ดำเนินการแล้วเสร็จ {n} เรื่อง อยู่ระหว่างดำเนินการ 0 เรื่อง"
                    for m, n in [("มกราคม", 1), ("กุมภาพันธ์", 0), ("มีนาคม", 2), ("เมษายน", 0), ("พฤษภาคม", 1)])
        + "\nหมายเหตุ ถนนสายบ้านหนองบัว-บ้านโนน อยู่ระหว่างปรับปรุงตามเรื่องร้องเรียนที่ 3/2567",
        title="สถิติเรื่องร้องเรียน",
    )
    assert placeholder_reason(stats, CAT.placeholders) == ""


def _site(res: Resource, code: str) -> SiteData:
    home, ita = "https://www.nongbua.go.th/", "https://www.nongbua.go.th/ita"
    return SiteData(
        home=home,
        resources={
            home: Resource(url=home, kind="html", title="หน้าแรก", text="หน้าแรก"),
            ita: Resource(url=ita, kind="html", title=f"ITA {FY}", text=f"ITA ประจำปีงบประมาณ {FY}"),
            res.url: res,
        },
        links=[Link(home, ita, "ITA"), Link(ita, res.url, f"{code} รายการ")],
        ita_rows=[ItaRow(ita, code, "รายการ", res.url)],
    )


def _result(res: Resource, code: str):
    return next(r for r in evaluate_site(CAT, _site(res, code), FY, "lao") if r.code == code)


def _misread(text: str) -> str:
    """Text as a poor scan reads: letters confused inside most words."""
    swaps = str.maketrans({"ด": "ค", "บ": "ป", "ร": "ธ", "ว": "จ", "ท": "ห", "ม": "ฆ"})
    return "\n".join(line if i == 0 else line.translate(swaps) for i, line in enumerate(text.splitlines()))


def test_ocr_read_pass_is_less_sure_and_says_why() -> None:
    typed = _result(doc(RISK_ACTIONS_OK), "O35")
    scanned = _result(doc(RISK_ACTIONS_OK, methods=["ocr"]), "O35")
    assert typed.passed and scanned.passed
    assert scanned.confidence < typed.confidence
    assert not typed.review and not typed.doubts
    assert any("OCR" in d for d in scanned.doubts)


def test_pass_on_a_badly_read_scan_is_marked_for_review() -> None:
    text = RISK_ACTIONS_OK + "\n".join(["การดำเนินการตามมาตรการป้องกันการทุจริตและประพฤติมิชอบของหน่วยงาน"] * 5)
    poor = _result(doc(_misread(text), methods=["ocr"]), "O35")
    assert poor.passed
    assert poor.review
    assert any("OCR" in d for d in poor.doubts)


def test_under_construction_e_service_page_fails() -> None:
    res = page(UNDER_CONSTRUCTION, title="E-Service")
    result = _result(res, "O18")
    assert not result.passed
    assert any("ปรับปรุง" in m for m in result.missing)


def test_online_channel_is_a_form_or_words_of_one_not_a_phone_number() -> None:
    item = _item("O28")
    phone_only = page(
        "ช่องทางการร้องเรียนการทุจริตและประพฤติมิชอบ\nท่านสามารถแจ้งเรื่องร้องเรียนการทุจริตได้ที่\n"
        "๑. ยื่นหนังสือด้วยตนเอง ณ สำนักปลัด\n๒. โทรศัพท์ ๐-๔๒๒๑-๙๓๖๐\n๓. ตู้รับเรื่องร้องเรียน หน้าสำนักงาน",
        title="ช่องทางการร้องเรียนการทุจริต",
    )
    assert not evaluate(item, phone_only, FY).ok
    with_form = page(phone_only.text, title=phone_only.title, features={"form": 1})
    assert evaluate(item, with_form, FY).ok
    by_line = page(phone_only.text + "\n๔. แจ้งผ่าน Line Official Account @nongbua", title=phone_only.title)
    assert evaluate(item, by_line, FY).ok


def test_download_only_e_service_fails_unless_the_page_has_a_form() -> None:
    item = _item("O18")
    text = ("E-Service\nดาวน์โหลดแบบคำร้องได้ที่นี่ กรอกข้อมูลแล้วนำมายื่นที่สำนักงาน ในวันและเวลาราชการ\n"
            "แบบคำร้องขอรับบริการน้ำอุปโภคบริโภค (PDF)\nแบบคำร้องทั่วไป (Word)")
    assert not evaluate(item, page(text, title="E-Service"), FY).ok
    assert evaluate(item, page(text, title="E-Service", features={"form": 1}), FY).ok


def test_subject_of_another_item_does_not_count() -> None:
    five_year = doc(f"แผนพัฒนาท้องถิ่น (พ.ศ. 2566 – 2570)\n{UNIT}\nยุทธศาสตร์ที่ 1 โครงการ งบประมาณ 2567 ระยะเวลา ต.ค. 2566",
                    title="แผนพัฒนาท้องถิ่น (พ.ศ. 2566 – 2570)")
    result = _result(five_year, "O11")
    assert not result.passed
    assert any("ข้อ O4" in m for m in result.missing)
    # A report ON a plan names the plan without being it.
    report = doc(f"รายงานผลการดำเนินงานตามแผนปฏิบัติการป้องกันการทุจริต ประจำปีงบประมาณ 2566\n{UNIT}\n"
                 "ผลการดำเนินงาน โครงการ 12 โครงการ ดำเนินการแล้ว 10 โครงการ\nปัญหา อุปสรรค และข้อเสนอแนะ: ไม่มี",
                 title="รายงานผลการดำเนินงานตามแผนปฏิบัติการป้องกันการทุจริต ประจำปีงบประมาณ 2566")
    assert not any("ข้อ O36" in m for m in _result(report, "O38").missing)


def test_an_event_is_about_the_year_it_took_place() -> None:
    item = _item("O30")
    held_2566 = page(
        "ข่าวกิจกรรม\nการประชุมประชาคมตำบล เพื่อจัดทำแผนพัฒนาท้องถิ่น (พ.ศ. ๒๕๖๖ – ๒๕๗๐)\n"
        "วันที่ ๑๔ มีนาคม ๒๕๖๖ จัดประชุมประชาคมตำบล มีผู้เข้าร่วม ๒๒๔ คน ร่วมกันพิจารณาโครงการ",
        title="ประชุมประชาคมตำบลเพื่อจัดทำแผนพัฒนาท้องถิ่น",
    )
    out = evaluate(item, held_2566, FY)
    assert out.year_ok is False and out.year == 2566
    held_2567 = page(held_2566.text.replace("๑๔ มีนาคม ๒๕๖๖", "๑๒ กุมภาพันธ์ ๒๕๖๗"), title=held_2566.title)
    assert evaluate(item, held_2567, FY).year_ok


def test_a_year_far_in_the_future_is_a_misread_not_the_documents_year() -> None:
    item = _item("O22")
    text = ("รายงานผลการจัดซื้อจัดจ้างประจำปีงบประมาณ พ.ศ. ๒๕๘๖\n"
            "ระหว่างวันที่ ๑ ตุลาคม ๒๕๖๕ ถึง ๓๐ กันยายน ๒๕๖๖\nงบประมาณ 3,500,000 บาท วิธีเฉพาะเจาะจง 120 โครงการ")
    out = evaluate(item, doc(text), FY)
    assert out.year != 2586


def test_what_a_scan_lacks_is_less_sure() -> None:
    text = RISK_ACTIONS_OK.replace("ประจำปีงบประมาณ พ.ศ. 2567", "").replace("2566", "")
    typed = _result(doc(text), "O35")
    scanned = _result(doc(text, methods=["ocr"]), "O35")
    assert typed.status == scanned.status == "partial"
    assert scanned.confidence < typed.confidence
    assert any("OCR" in d for d in scanned.doubts) and not typed.doubts


def test_a_year_read_back_from_misread_thai_digits_passes_for_review() -> None:
    text = ("แผนการดำเนินงาน ประจำปีงบประมาณ พ.ศ. ๒๕๒๗\n" + UNIT + "\n"
            "ยุทธศาสตร์ที่ ๑ โครงการก่อสร้างถนน งบประมาณ ๕๐๐,๐๐๐ บาท หน่วยงานรับผิดชอบ กองช่าง ระยะเวลา ต.ค. – ธ.ค.\n")
    out = evaluate(_item("O11"), doc(text, methods=["ocr"]), FY)
    assert out.year_ok and out.year == 2567 and out.year_how == "corrected"
    result = _result(doc(text, methods=["ocr"]), "O11")
    assert result.passed and result.review
    assert any("OCR อ่านผิด" in d for d in result.doubts)


def test_denied_and_intended_actions_are_not_facts() -> None:
    assert not affirmed(fold("ไม่ได้จัดกิจกรรมสร้างวัฒนธรรม No Gift Policy"), fold("จัดกิจกรรม"))
    assert not affirmed(fold("หน่วยงานจะพิจารณาจัดกิจกรรมในปีงบประมาณถัดไป"), fold("จัดกิจกรรม"))
    assert not affirmed(fold("จะแจ้งให้ทราบอีกครั้งเมื่อดำเนินการแล้วเสร็จ"), fold("ดำเนินการแล้ว"))
    assert affirmed(fold("เมื่อวันที่ 20 ธันวาคม 2566 ได้จัดกิจกรรมประกาศเจตนารมณ์"), fold("จัดกิจกรรม"))


def test_nothing_done_activity_page_fails() -> None:
    text = ("ในปีงบประมาณ พ.ศ. 2567 องค์การบริหารส่วนตำบลหนองบัว ไม่ได้จัดกิจกรรมสร้างวัฒนธรรม No Gift Policy "
            "เนื่องจากติดภารกิจเร่งด่วนด้านการป้องกันและบรรเทาสาธารณภัย\nหน่วยงานจะพิจารณาจัดกิจกรรมในปีงบประมาณถัดไป")
    out = evaluate(_item("O32"), page(text, title="กิจกรรมสร้างวัฒนธรรม No Gift Policy ปี 2567"), FY)
    assert any("ไม่ได้ดำเนินการ" in p for p in out.forbidden)


def test_a_long_explanation_does_not_hide_an_under_construction_page() -> None:
    text = (
        "ระบบบริการออนไลน์ (E-Service) ยังไม่เปิดให้บริการ\n"
        f"{UNIT} ขอเรียนแจ้งว่า ระบบบริการออนไลน์ (E-Service) อยู่ระหว่างดำเนินการปรับปรุง ขออภัยในความไม่สะดวก\n"
        f"{UNIT} ได้ดำเนินการปรับปรุงและพัฒนาระบบบริการออนไลน์ (E-Service) เพื่อรองรับการเปลี่ยนแปลงระบบเว็บไซต์ใหม่"
        "ตามมาตรฐานเว็บไซต์ภาครัฐ และเพื่อความปลอดภัยของข้อมูลผู้ใช้งาน หน่วยงานจะแจ้งให้ทราบอีกครั้งเมื่อดำเนินการแล้วเสร็จ\n"
        "สอบถามเพิ่มเติม โทร 0-4422-1006 สำนักปลัด"
    )
    assert placeholder_reason(page(text, title="E-Service"), CAT.placeholders)


def test_menu_links_of_the_items_page_are_not_its_evidence() -> None:
    home, ita, qa = "https://www.nongbua.go.th/", "https://www.nongbua.go.th/ita", "https://www.nongbua.go.th/qa"
    pages = {u: f"https://www.nongbua.go.th/p{i}" for i, u in enumerate(range(6))}
    menu = "หน้าแรก\nเกี่ยวกับเรา\nบุคลากร\nติดต่อเรา Facebook Line อีเมล"
    resources = {
        home: Resource(url=home, kind="html", title="หน้าแรก", text=menu),
        ita: Resource(url=ita, kind="html", title=f"ITA {FY}", text=f"ITA ประจำปีงบประมาณ {FY}\n" + menu),
        qa: Resource(url=qa, kind="html", title="กระดานถาม-ตอบ (Q&A)",
                     text="กระดานถาม-ตอบ (Q&A)\nอยู่ระหว่างการปรับปรุงระบบ ขออภัยในความไม่สะดวก\n" + menu),
    }
    links = [Link(home, ita, "ITA"), Link(ita, qa, "O8 Q&A")]
    for u in pages.values():
        resources[u] = Resource(url=u, kind="html", title="บุคลากร",
                                text="บุคลากร\nสอบถามข้อมูลเพิ่มเติม ส่งคำถามถึงเจ้าหน้าที่ได้ทาง Line\n" + menu)
        links += [Link(src, u, "บุคลากร") for src in (home, ita, qa, *pages.values()) if src != u]
    site = SiteData(home=home, resources=resources, links=links, ita_rows=[ItaRow(ita, "O8", "Q&A", qa)])
    result = evaluate_site(CAT, site, FY, "lao", codes={"O8"})[0]
    assert not result.passed


def test_the_write_up_of_another_items_document_is_that_items() -> None:
    assessment = doc(
        f"รายงานการประเมินความเสี่ยงการทุจริตและประพฤติมิชอบ ประจำปีงบประมาณ พ.ศ. ๒๕๖๗\n{UNIT}\n"
        "เหตุการณ์ความเสี่ยงการทุจริต ระดับความเสี่ยง สูง มาตรการป้องกันความเสี่ยง กำหนดขั้นตอนให้ชัดเจน ดำเนินการแล้ว",
        title="รายงานการประเมินความเสี่ยงการทุจริตและประพฤติมิชอบ ประจำปีงบประมาณ พ.ศ. 2567",
    )
    result = _result(assessment, "O35")
    assert not result.passed and any("ข้อ O34" in m for m in result.missing)
    assert _result(assessment, "O34").passed


def test_a_misread_period_is_no_evidence_either_way() -> None:
    text = ("รายงานการกำกับติดตามการดำเนินการป้องกันการทุจริตประจำปี รอบ ๖ เดือน\n"
            "ประจำปีงบประมาณ พ.ศ. ๒๕๖๗\nระหว่างเดือน ตุลาคม ๒๕๒๒ - มีนาคม ๒๕๒๓\n" + UNIT)
    out = evaluate(_item("O37"), doc(text, methods=["ocr"]), FY)
    assert "2522" not in out.year_note


def test_a_count_labelled_in_progress_is_a_statistic_not_a_notice() -> None:
    """Complaint statistics on a short page: "อยู่ระหว่างดำเนินการ ๑ เรื่อง" counts cases; the phrase alone says
    the page has nothing yet."""
    stats = page(
        "สถิติเรื่องร้องเรียน ปีงบประมาณ พ.ศ. ๒๕๖๙\nเรื่องร้องเรียนทั้งหมด ๓ เรื่อง\nดำเนินการแล้วเสร็จ ๒ เรื่อง\n"
        "อยู่ระหว่างดำเนินการ ๑ เรื่อง",
        title="สถิติเรื่องร้องเรียน",
    )
    assert placeholder_reason(stats, CAT.placeholders) == ""
    table = page("สถานะ | จำนวน\nอยู่ระหว่างดำเนินการ : 0\nไม่มีข้อมูล (0)", title="สถิติ")
    assert placeholder_reason(table, CAT.placeholders) == ""
    notice = page("ข้อมูลสถิติเรื่องร้องเรียน\nอยู่ระหว่างดำเนินการ", title="สถิติเรื่องร้องเรียน")
    assert "อยู่ระหว่างดำเนินการ" in placeholder_reason(notice, CAT.placeholders)


def test_a_number_on_the_next_line_or_a_year_is_no_count() -> None:
    """Only a number on the phrase's own line counts something: pagination below "ไม่พบข้อมูล", or the year of
    "ไม่มีข้อมูล 2569", leave an empty page empty."""
    for text in ("สถิติเรื่องร้องเรียน\nไม่พบข้อมูล\n1", "สถิติเรื่องร้องเรียน\nไม่มีข้อมูล 2569"):
        assert "หน้าเว็บยังไม่มีข้อมูล" in placeholder_reason(page(text, title="สถิติ"), CAT.placeholders), text
