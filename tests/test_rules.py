# ruff: noqa: E501  (Thai fixture texts read better unwrapped)
"""Rule kinds one by one: per-person elements, signatures, negative rules, required sections, year and period
rules, and the schema checks that keep catalogs declarative."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from checklist.catalog import Element, Item, load_catalog
from checklist.rules import evaluate
from checklist.textparts import person_blocks, signatures, signed_by
from tests.test_rules_items import FY, PROBLEMS, SIGN, UNIT, resource

CAT = load_catalog("nacc-2566")
LAO = {it.code: it for it in CAT.items_for("lao")}
AGENCY = {it.code: it for it in CAT.items_for("agency")}

EXECUTIVES = [
    ("นายสมชาย ใจดี", "นายกองค์การบริหารส่วนตำบลหนองบัว", "081-234-5678"),
    ("นางสาวสมหญิง รักถิ่น", "รองนายกองค์การบริหารส่วนตำบลหนองบัว", "089-111-2233"),
    ("นายประเสริฐ ทองดี", "ปลัดองค์การบริหารส่วนตำบลหนองบัว", "086-555-0101"),
]
FOOTER = f"\n{UNIT} เลขที่ 99 หมู่ 5 โทรศัพท์ 043-123-456"


def _executives_page(rows: list[tuple[str, str, str]], position_first: bool = False) -> str:
    lines = ["คณะผู้บริหาร"]
    for name, position, phone in rows:
        lines += [position, name] if position_first else [name, position]
        if phone:
            lines.append(f"โทร. {phone}")
    return "\n".join(lines)


# ───────────────────────────── per person (executives) ─────────────────────────────


@pytest.mark.parametrize("position_first", [False, True])
def test_each_executive_has_a_phone(position_first: bool) -> None:
    page = _executives_page(EXECUTIVES, position_first)
    assert evaluate(LAO["O2"], resource(page, "html", {"image": 3}), FY).ok


@pytest.mark.parametrize("position_first", [False, True])
def test_one_executive_without_phone_is_named(position_first: bool) -> None:
    rows = [EXECUTIVES[0], (*EXECUTIVES[1][:2], ""), EXECUTIVES[2]]
    out = evaluate(LAO["O2"], resource(_executives_page(rows, position_first), "html", {"image": 3}), FY)
    assert not out.ok
    assert any("ไม่มีใน 1 จาก 3 คน" in m and "สมหญิง" in m for m in out.missing), out.missing


def test_the_units_footer_phone_does_not_count_for_the_executives() -> None:
    rows = [(name, position, "") for name, position, _ in EXECUTIVES]
    res = resource(_executives_page(rows) + FOOTER, "html", {"image": 3})
    res.body = _executives_page(rows)  # SiteData strips lines repeated on every page (menus, footer) from the body
    out = evaluate(LAO["O2"], res, FY)
    assert any("3 จาก 3 คน" in m for m in out.missing), out.missing


def test_fewer_photos_than_executives() -> None:
    out = evaluate(LAO["O2"], resource(_executives_page(EXECUTIVES), "html", {"image": 1}), FY)
    assert any("พบ 1 รายการ แต่มีผู้บริหาร 3 คน" in m for m in out.missing), out.missing


def test_email_is_a_contact_channel_too() -> None:
    rows = [(*EXECUTIVES[0][:2], ""), *EXECUTIVES[1:]]
    page = _executives_page(rows).replace(
        "นายกองค์การบริหารส่วนตำบลหนองบัว", "นายกองค์การบริหารส่วนตำบลหนองบัว\nอีเมล somchai@nongbua.go.th", 1
    )
    assert evaluate(LAO["O2"], resource(page, "html", {"image": 3}), FY).ok


def test_a_table_row_per_person_is_one_block() -> None:
    text = "ลำดับ ชื่อ ตำแหน่ง โทรศัพท์\n1. นายสมชาย ใจดี นายกเทศมนตรีตำบลหนองบัว 081-234-5678\n2. นางสมศรี ดีมาก รองนายกเทศมนตรี"
    blocks = person_blocks(text, ["นายก", "รองนายก"])
    assert [b.name.split()[1] for b in blocks] == ["นายสมชาย", "นางสมศรี"]
    assert "081-234-5678" in blocks[0].text and "081" not in blocks[1].text


def test_names_in_a_picture_fall_back_to_the_pages_own_text() -> None:
    page = "คณะผู้บริหาร\n(ภาพทำเนียบผู้บริหาร: นายก รองนายก ปลัด)\nติดต่อผู้บริหาร 043-123-456"
    out = evaluate(LAO["O2"], resource(page, "html", {"image": 1}), FY)
    assert not any("แต่ละคน" in m for m in out.missing), out.missing
    no_phone = "คณะผู้บริหาร\n(ภาพทำเนียบผู้บริหาร: นายก รองนายก ปลัด)"
    empty = evaluate(LAO["O2"], resource(no_phone, "html", {"image": 1}), FY)
    assert any("ไม่พบรายชื่อพร้อมตำแหน่ง" in m for m in empty.missing), empty.missing


# ───────────────────────────── signatures ─────────────────────────────

NO_GIFT = (
    f"ประกาศ{UNIT}\nเรื่อง เจตนารมณ์ไม่รับของขวัญและของกำนัลทุกชนิดจากการปฏิบัติหน้าที่ (No Gift Policy) "
    f"ประจำปีงบประมาณ พ.ศ. {{year}}\nข้าพเจ้าขอประกาศเจตนารมณ์ว่าจะไม่รับของขวัญ\n{{sign}}"
)


def test_no_gift_signed_by_the_mayor_for_the_assessed_year_passes() -> None:
    assert evaluate(LAO["O31"], resource(NO_GIFT.format(year=2566, sign=SIGN)), FY).ok


def test_no_gift_of_the_previous_year_fails() -> None:
    out = evaluate(LAO["O31"], resource(NO_GIFT.format(year=2565, sign=SIGN.replace("2565", "2564"))), FY)
    assert not out.ok and "เป็นข้อมูลปี 2565 ไม่ใช่ปี 2566" in out.problems


def test_no_gift_signed_by_a_deputy_fails_with_who_signed() -> None:
    sign = SIGN.replace("\nนายกองค์การ", "\nรองนายกองค์การ")
    out = evaluate(LAO["O31"], resource(NO_GIFT.format(year=2566, sign=sign)), FY)
    assert any("ผู้ลงนาม: รองนายก" in m for m in out.missing), out.missing


def test_acting_head_counts_as_the_head() -> None:
    sign = SIGN.replace("\nนายกองค์การ", "\nปลัดองค์การบริหารส่วนตำบล ปฏิบัติหน้าที่นายกองค์การ")
    assert evaluate(LAO["O31"], resource(NO_GIFT.format(year=2566, sign=sign)), FY).ok


def test_agency_no_gift_signed_by_the_director_general() -> None:
    sign = "ประกาศ ณ วันที่ 1 ตุลาคม พ.ศ. 2565\n(นายวิชัย เกษตรดี)\nอธิบดีกรมส่งเสริมการเกษตร"
    assert evaluate(AGENCY["O31"], resource(NO_GIFT.format(year=2566, sign=sign)), FY).ok
    staff = sign.replace("อธิบดี", "นักวิชาการเกษตรชำนาญการ ")
    assert not evaluate(AGENCY["O31"], resource(NO_GIFT.format(year=2566, sign=staff)), FY).ok


def test_a_name_in_the_body_is_not_a_signature() -> None:
    text = "ข้าพเจ้า นายสมชาย ใจดี นายกองค์การบริหารส่วนตำบลหนองบัว ขอประกาศ"
    assert signatures(text) == []
    assert signed_by(text, ["นายก"]) == (False, "ไม่พบส่วนลงนาม (ลงชื่อ ชื่อในวงเล็บ และตำแหน่ง)")


def test_optional_signature_is_a_remark_only() -> None:
    text = "ประกาศ เรื่อง เผยแพร่แผนการจัดซื้อจัดจ้าง ประจำปีงบประมาณ พ.ศ. 2566\nรายการ 5 รายการ วงเงิน 500,000 บาท"
    out = evaluate(LAO["O19"], resource(text), FY)
    assert out.ok and any("ลงนาม" in r for r in out.remarks)


# ───────────────────────────── negative rules ─────────────────────────────

RISK = "การประเมินความเสี่ยงการทุจริตและประพฤติมิชอบ ประจำปีงบประมาณ พ.ศ. 2566\n"


@pytest.mark.parametrize(
    "body,reason",
    [
        ("ผลการประเมิน: ไม่มีความเสี่ยงการทุจริต ระดับความเสี่ยงต่ำ มาตรการ: ควบคุมตามปกติ", "ไม่พบความเสี่ยง"),
        ("ไม่พบเหตุการณ์ความเสี่ยง ระดับความเสี่ยงต่ำ มาตรการ: ไม่มี", "ไม่พบความเสี่ยง"),
    ],
)
def test_no_risk_found_does_not_count(body: str, reason: str) -> None:
    out = evaluate(LAO["O34"], resource(RISK + body), FY)
    assert any(reason in p for p in out.forbidden), out.problems


def test_internal_control_risk_instead_of_corruption_risk() -> None:
    text = (
        "รายงานการประเมินผลการควบคุมภายใน (แบบ ปค.5) ประจำปีงบประมาณ พ.ศ. 2566\nความเสี่ยงด้านการเงิน: การจัดเก็บรายได้ไม่ครบ "
        "ระดับความเสี่ยงสูง มาตรการ: ติดตามลูกหนี้ภาษี"
    )
    out = evaluate(LAO["O34"], resource(text), FY)
    assert any("การควบคุมภายใน" in p for p in out.forbidden)
    assert "เป็นความเสี่ยงการทุจริตและประพฤติมิชอบ" in out.missing


def test_corruption_risk_assessment_mentioning_internal_control_still_counts() -> None:
    text = RISK + (
        "เหตุการณ์ความเสี่ยง: การเรียกรับสินบนในการตรวจรับงานจ้าง ระดับความเสี่ยงสูง\n"
        "มาตรการ: ใช้ระบบการควบคุมภายในตรวจสอบการตรวจรับ 2 ชั้น"
    )
    assert evaluate(LAO["O34"], resource(text), FY).ok


def test_o42_own_analysis_with_itas_wording_but_responsible_people_counts() -> None:
    text = (
        "มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณ พ.ศ. 2566\nการวิเคราะห์ผลการประเมิน ITA ปี 2565 "
        "โดยนำข้อเสนอแนะจากระบบ ITAS มาพิจารณา\nประเด็นที่ต้องพัฒนา: การตอบคำถาม Q&A\nมาตรการ: ตอบคำถามภายใน 3 วัน "
        "ผู้รับผิดชอบ: สำนักปลัด ขั้นตอน: 1) 2) 3) การติดตามผล: รายงานทุกเดือน"
    )
    assert evaluate(LAO["O42"], resource(text), FY).ok


# ───────────────────────────── required sections ─────────────────────────────

ANNUAL = "รายงานผลการดำเนินการป้องกันการทุจริตประจำปีงบประมาณ พ.ศ. 2565\nผลการดำเนินการตามแผนป้องกันการทุจริต 12 โครงการ\n"


@pytest.mark.parametrize(
    "section",
    [PROBLEMS, "ปัญหาและอุปสรรค: ไม่มี\nข้อเสนอแนะ: ไม่มี", "ในปีที่ผ่านมาไม่มีปัญหาและอุปสรรคในการดำเนินงาน"],
)
def test_problems_section_or_an_explicit_none(section: str) -> None:
    assert evaluate(LAO["O38"], resource(ANNUAL + section), FY).ok


# ───────────────────────────── years and periods ─────────────────────────────

SIX = "รายงานการกำกับติดตามการดำเนินงานและการใช้งบประมาณ รอบ 6 เดือน\n{period}\nผลการดำเนินงาน 20 โครงการ เบิกจ่ายงบประมาณ 4,100,000 บาท"


@pytest.mark.parametrize(
    "period,ok",
    [
        ("(1 ตุลาคม 2565 – 31 มีนาคม 2566)", True),
        ("ระหว่างเดือน ต.ค. 65 - มี.ค. 66", True),
        ("(1 เมษายน 2566 – 30 กันยายน 2566)", False),
        ("(1 ตุลาคม 2564 – 31 มีนาคม 2565)", False),
        ("", False),
    ],
)
def test_six_month_report_must_cover_october_to_march_of_the_assessed_year(period: str, ok: bool) -> None:
    out = evaluate(LAO["O12"], resource(SIX.format(period=period)), FY)
    assert out.ok is ok, out.problems
    if not ok:
        assert any("1 ต.ค. 2565 – 31 มี.ค. 2566" in p for p in out.problems)


@pytest.mark.parametrize("year,ok", [(2565, True), (2566, True), (2564, False)])
def test_annual_report_is_about_the_previous_year(year: int, ok: bool) -> None:
    text = f"รายงานผลการดำเนินงานประจำปีงบประมาณ พ.ศ. {year}\nผลการดำเนินงาน 40 โครงการ\n{PROBLEMS}"
    assert evaluate(LAO["O13"], resource(text), FY).ok is ok


def test_o42_analyses_the_previous_year_and_sets_measures_for_the_assessed_year() -> None:
    base = (
        "รายงานการวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใส ปี {a}\nมาตรการส่งเสริมคุณธรรม ประจำปีงบประมาณ พ.ศ. {b}\n"
        "ประเด็นที่ต้องพัฒนา มาตรการ ผู้รับผิดชอบ ขั้นตอน การติดตามผล"
    )
    assert evaluate(LAO["O42"], resource(base.format(a=2565, b=2566)), FY).ok
    assert not evaluate(LAO["O42"], resource(base.format(a=2564, b=2565)), FY).ok


# ───────────────────────────── schema ─────────────────────────────


def test_per_person_needs_markers() -> None:
    with pytest.raises(ValidationError, match="person_markers"):
        Element(id="x", label="x", pattern="0", per_person=True)
    with pytest.raises(ValidationError, match="per_person"):
        Element(id="x", label="x", pattern="0", person_markers=["นายก"])


def test_signed_by_is_a_condition_on_its_own() -> None:
    assert Element(id="s", label="ลงนาม", signed_by=["นายก"]).signed_by == ["นายก"]
    with pytest.raises(ValidationError, match="no condition"):
        Element(id="s", label="ลงนาม")


def test_element_overrides_replace_by_id_and_reject_unknown_ids() -> None:
    o31 = CAT.item("O31")
    assert [e.signed_by for e in LAO["O31"].elements if e.id == "signer"] == [["นายก"]]
    assert [e.id for e in LAO["O31"].elements] == [e.id for e in o31.elements]
    data = o31.model_dump()
    data["variants"] = {"lao": {"element_overrides": [{"id": "nope", "label": "x", "any": ["x"]}]}}
    with pytest.raises(ValueError, match="nope"):
        Item.model_validate(data).for_unit_type("lao")


def test_written_period_beats_one_inferred_from_the_fiscal_year():
    from checklist.catalog import catalog_for_year
    from checklist.rules import evaluate
    from tests.test_rules_items import resource

    item = catalog_for_year(2566).item("O12")
    text = (
        "รายงานการกำกับติดตามการดำเนินงานและการใช้งบประมาณ รอบ 6 เดือน ประจำปีงบประมาณ พ.ศ. 2566\n"
        "ผลการดำเนินงานโครงการ งบประมาณ เบิกจ่าย ระหว่างเดือนเมษายน 2566 – กันยายน 2566"
    )
    out = evaluate(item, resource(text), 2566)
    assert out.year_ok is False
    assert "เม.ย. 2566 – ก.ย. 2566" in out.year_note
