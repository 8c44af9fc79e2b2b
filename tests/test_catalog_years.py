# ruff: noqa: E501  (Thai fixture texts read better unwrapped)
"""The FY 2568 and 2569 catalogs against ``reference/oit-items.md`` (the lists, the "FY 2568 / 2569 — further details"
section): item names, which items are unknown, year rules, required elements and remarks, and the engine on small
in-memory sites with a passing document and a near-miss for the items those details changed."""

from __future__ import annotations

import pytest

from checklist.catalog import Catalog, YearRule, load_catalog
from checklist.engine import evaluate_site
from checklist.sitedata import Link, Resource, SiteData
from oitbase.model import ItemResult
from oitbase.thai import clean, fold
from tests.helpers import shared_path

HOME = "http://unit.example/"

# ───────────────────────────── what the reference names ─────────────────────────────

#: The names the reference gives, exactly (section "FY 2568 — redesigned, shorter list"; O5 is "probably" this).
NAMES_2568 = {
    "O1": "โครงสร้างและอำนาจหน้าที่",
    "O2": "ข้อมูลผู้บริหาร",
    "O3": "ข้อมูลการติดต่อ",
    "O4": "ข่าวประชาสัมพันธ์",
    "O5": "แผนยุทธศาสตร์หรือแผนพัฒนาหน่วยงาน",
    "O6": "แผนและความก้าวหน้าในการดำเนินงานและการใช้จ่ายงบประมาณประจำปี",
    "O8": "คู่มือหรือแนวทางการปฏิบัติงานของเจ้าหน้าที่",
    "O9": "คู่มือหรือแนวทางการขอรับบริการสำหรับผู้รับบริการหรือผู้มาติดต่อ",
    "O10": "E-Service",
    "O11": "ข้อมูลสถิติการให้บริการ",
    "O12": "รายการการจัดซื้อจัดจ้างหรือการจัดหาพัสดุ และความก้าวหน้าการจัดซื้อจัดจ้าง",
    "O13": "รายงานผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุประจำปี",
    "O14": "แผนการบริหารและพัฒนาทรัพยากรบุคคล",
    "O15": "รายงานผลการบริหารและพัฒนาทรัพยากรบุคคลประจำปี",
    "O16": "ประมวลจริยธรรมและการขับเคลื่อนจริยธรรม",
    "O17": "แนวปฏิบัติการจัดการเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ",
    "O18": "ช่องทางแจ้งเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ",
    "O19": "ข้อมูลสถิติเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ",
    "O20": "การเปิดโอกาสให้เกิดการมีส่วนร่วม",
    "O21": "ประกาศเจตนารมณ์และการสร้างวัฒนธรรม ตามนโยบาย No Gift Policy",
    "O22": "รายงานการรับทรัพย์สินหรือประโยชน์อื่นใดโดยธรรมจรรยา",
    "O23": "การประเมินความเสี่ยงที่อาจเกิดการให้หรือรับสินบน",
    "O24": "รายงานผลการดำเนินการเพื่อจัดการความเสี่ยงการทุจริตและประพฤติมิชอบ",
    "O25": "แผนปฏิบัติการป้องกันการทุจริต",
    "O26": "รายงานผลการดำเนินการป้องกันการทุจริต",
}
#: Section "FY 2569 — partial": 26 items on one agency site, O2, O4, O6 and O7 not given.
NAMES_2569 = {
    "O1": "โครงสร้าง หน้าที่และอำนาจ",
    "O3": "ข้อมูลการติดต่อและช่องทางการสอบถาม",
    "O5": "แผนยุทธศาสตร์หรือแผนพัฒนาหน่วยงาน",
    "O8": "คู่มือหรือแนวทางการปฏิบัติงานของเจ้าหน้าที่",
    "O9": "คู่มือหรือแนวทางการขอรับบริการ",
    "O10": "ระบบการให้บริการผ่านช่องทางออนไลน์ (E-Service)",
    "O11": "สรุปผลการจัดซื้อจัดจ้างรายเดือน",
    "O12": "รายงานสรุปผลการจัดซื้อจัดจ้างประจำปี",
    "O13": "หลักเกณฑ์และแผนการบริหารและพัฒนาทรัพยากรบุคคล",
    "O14": "รายงานผลการบริหารและพัฒนาทรัพยากรบุคคล",
    "O15": "ประมวลจริยธรรมและการขับเคลื่อนจริยธรรม",
    "O16": "แนวปฏิบัติการจัดการเรื่องร้องเรียน",
    "O17": "ช่องทางแจ้งเรื่องร้องเรียน",
    "O18": "ข้อมูลสถิติเรื่องร้องเรียน",
    "O19": "ผลการเปิดโอกาสให้มีส่วนร่วมในการดำเนินงาน",
    "O20": "การขับเคลื่อนนโยบาย No Gift Policy และการเสริมสร้างความรู้เรื่องการรับทรัพย์สินโดยธรรมจรรยา",
    "O21": "การประเมินความเสี่ยงการทุจริต",
    "O22": "รายงานผลการดำเนินการตามแผนบริหารจัดการความเสี่ยงการทุจริต",
    "O23": "แผนปฏิบัติการป้องกันการทุจริต",
    "O24": "รายงานผลการดำเนินการป้องกันการทุจริต",
    "O25": "การนำผลการประเมิน ITA ไปสู่การพัฒนาองค์กร",
    "O26": "รายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน",
}
NAMES = {2568: NAMES_2568, 2569: NAMES_2569}
UNKNOWN = {2568: {"O7", "O27", "O28"}, 2569: {"O2", "O4", "O6", "O7"}}

#: Year rules the "further details" section lists (2568: one agency's ITA 2568 section, O24/O26 inferred; 2569: the
#: pattern of one agency). 2569 O11 is the monthly summaries of the assessed year; 2569 O20 the declaration's year.
YEAR_RULES = {
    2568: {
        "O12": YearRule.assessed,
        "O13": YearRule.previous, "O15": YearRule.previous, "O19": YearRule.previous,
        "O14": YearRule.assessed, "O23": YearRule.assessed, "O25": YearRule.assessed,
        "O24": YearRule.previous, "O26": YearRule.previous,
    },
    2569: {
        "O5": YearRule.assessed, "O13": YearRule.assessed, "O15": YearRule.assessed, "O19": YearRule.assessed,
        "O20": YearRule.assessed, "O21": YearRule.assessed, "O23": YearRule.assessed,
        "O11": YearRule.assessed,
        "O12": YearRule.previous, "O14": YearRule.previous, "O18": YearRule.previous, "O22": YearRule.previous,
        "O24": YearRule.previous, "O26": YearRule.previous,
    },
}  # fmt: skip


def _cat(fy: int) -> Catalog:
    return load_catalog(f"nacc-{fy}")


def _elements(fy: int, code: str, unit_type: str = "agency") -> dict:
    return {e.id: e for e in _cat(fy).item(code).for_unit_type(unit_type).elements}


@pytest.mark.parametrize("fy", (2568, 2569))
def test_known_items_carry_the_reference_names(fy: int) -> None:
    cat = _cat(fy)
    assert {it.code: it.name for it in cat.items if not it.unknown} == NAMES[fy]
    for code, name in NAMES[fy].items():
        assert fold(cat.item(code).terms[0]) == fold(name), code  # the official name is the first search term


#: Where each year's list stands in the reference (from its heading to the next one).
SECTIONS = {2568: ("## FY 2568 — redesigned", "## FY 2569"), 2569: ("## FY 2569 — partial", "## FY 2568 / 2569")}


@pytest.mark.parametrize("fy", (2568, 2569))
def test_the_names_above_are_the_references(fy: int) -> None:
    """The transcription above against ``reference/oit-items.md`` itself (skipped where ../shared is absent)."""
    text = shared_path("reference", "oit-items.md").read_text(encoding="utf-8")
    start, end = SECTIONS[fy]
    section = fold(text[text.index(start) : text.index(end, text.index(start) + len(start))])
    assert [code for code, name in NAMES[fy].items() if fold(name) not in section] == []


@pytest.mark.parametrize("fy", (2568, 2569))
def test_unknown_items_are_exactly_those_the_reference_does_not_name(fy: int) -> None:
    cat = _cat(fy)
    assert {it.code for it in cat.items if it.unknown} == UNKNOWN[fy]
    assert {it.code for it in cat.items} == set(NAMES[fy]) | UNKNOWN[fy]
    for code in UNKNOWN[fy]:
        item = cat.item(code)
        # Out of the score, but its likely content is still searched so the report can show what it found.
        assert item.confidence == "low" and item.terms and not item.elements, code
        assert "ไม่ทราบ" in item.name and "ไม่ทราบ" in item.criterion, code


def test_2568_has_28_items_and_the_two_after_o26_are_unconfirmed_placeholders() -> None:
    cat = _cat(2568)
    assert [it.code for it in cat.items] == [f"O{n}" for n in range(1, 29)]
    for code in ("O27", "O28"):
        item = cat.item(code)
        assert item.sub_indicator == "10.2" and item.unknown
        assert "no item after O26" in item.source and "26" in item.criterion


@pytest.mark.parametrize("fy", (2568, 2569))
def test_header_says_the_list_is_partial(fy: int) -> None:
    cat = _cat(fy)
    assert cat.confidence == "low"
    unknown = sorted(UNKNOWN[fy], key=lambda c: int(c[1:]))
    assert f"{len(unknown)} ข้อยังไม่ทราบเกณฑ์" in cat.notice and f"{len(unknown)} items are unknown" in cat.notice
    assert all(code in cat.notice for code in unknown)
    assert "ยังไม่ครบ" in cat.notice and "partial" in cat.notice
    assert "further details" in cat.source and "inferred" in cat.notes.lower()


@pytest.mark.parametrize(
    ("fy", "code", "rule"), [(fy, code, rule) for fy, rules in YEAR_RULES.items() for code, rule in rules.items()]
)
def test_year_rules(fy: int, code: str, rule: YearRule) -> None:
    assert _cat(fy).item(code).year_rule is rule


def test_confidence_follows_the_source() -> None:
    c68, c69 = _cat(2568), _cat(2569)
    # 2568: seen year rules are medium, inferred ones (O24, O26) low.
    assert {c68.item(c).confidence for c in ("O13", "O15", "O19")} == {"medium"}
    assert {c68.item(c).confidence for c in ("O24", "O26")} == {"low"}
    # 2569: items the further details describe are medium and say so in their source.
    for code in ("O3", "O10", "O11", "O12", "O13", "O15", "O17", "O19", "O20", "O21"):
        item = c69.item(code)
        assert item.confidence == "medium" and "further details" in item.source, code


# ───────────────────────────── elements in the data ─────────────────────────────


def test_2569_required_elements_and_remarks() -> None:
    o10 = _elements(2569, "O10")
    assert o10["online_service"].required
    assert not o10["user_manual"].required and not o10["usage_statistics"].required
    o11 = _elements(2569, "O11")
    assert {"item_bought", "budget_price", "method", "winner", "reason", "contract"} <= {
        i for i, e in o11.items() if e.required
    }
    assert not o11["first_two_quarters"].required and not o11["spreadsheet"].required
    o12 = _elements(2569, "O12")
    assert o12["full_year"].required and o12["problems"].required and not o12["monthly_summaries"].required
    o13 = _elements(2569, "O13")
    assert all(o13[i].required for i in ("hr_plan", "recruitment", "appointment", "promotion", "appraisal"))
    o15 = _elements(2569, "O15")
    assert all(o15[i].required for i in ("ethics_code", "working_group", "dos_donts", "training"))
    assert _elements(2569, "O3")["map"].feature == "map"
    o20 = _elements(2569, "O20")
    assert o20["declaration"].required and o20["gift_report"].required
    cat = _cat(2569)
    assert "invitation" in cat.item("O19").not_kinds and _elements(2569, "O19")["results"].required
    assert [f.id for f in cat.item("O17").forbid] == ["national_channels_only"]
    for code in ("O13", "O15", "O20"):  # parts usually listed together on the item's page
        assert cat.item(code).evidence_kind == "page", code
    assert "ปีของประกาศ" in cat.item("O20").criterion and "required element" in cat.item("O20").source


@pytest.mark.parametrize("unit_type", ("lao", "agency"))
def test_2568_executives_name_position_photo_contact_per_person(unit_type: str) -> None:
    els = _elements(2568, "O2", unit_type)
    assert {i for i, e in els.items() if e.per_person} == {"names", "photos", "phone"}
    if unit_type == "lao":
        assert {"political_side", "deputies", "permanent_side"} <= set(els)
        assert {"นายก", "รองนายก", "ปลัด"} <= set(els["names"].person_markers)


# ───────────────────────────── the engine on small sites ─────────────────────────────


def _res(path: str, title: str, text: str, kind: str = "html", **features: int) -> Resource:
    return Resource(url=HOME + path, kind=kind, title=title, text=clean(f"{title}\n{text}"), features=dict(features))


def _pdf(name: str, title: str, text: str) -> Resource:
    return _res(f"files/{name}.pdf", title, text, kind="pdf")


def _check(
    fy: int, code: str, resources: list[Resource], links: list[Link] | None = None, unit_type: str = "lao"
) -> ItemResult:
    """Judge one item on a site whose homepage links each resource under its title (or with ``links``)."""
    home = Resource(url=HOME, kind="html", title="หน้าแรก", text="หน้าแรก องค์การบริหารส่วนตำบลหนองบัว ยินดีต้อนรับ")
    if links is None:
        links = [Link(HOME, r.url, r.title) for r in resources]
    site = SiteData(home=HOME, resources={r.url: r for r in [home, *resources]}, links=links)
    (result,) = evaluate_site(_cat(fy), site, fy, unit_type, codes={code})
    return result


def _check_under(fy: int, code: str, res: Resource, label: str) -> ItemResult:
    """Judge one item on a site whose homepage links ``res`` under ``label`` (an ITA menu's wording)."""
    return _check(fy, code, [res], [Link(HOME, res.url, label)])


def _missing(result: ItemResult) -> str:
    return " | ".join(result.missing)


def _thai(year: int) -> str:
    return str(year).translate(str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙"))


def _procurement_report(start: str, end: str) -> str:
    """An annual procurement summary as units write it, covering ``start`` – ``end`` ("๑ ตุลาคม ๒๕๖๗")."""
    return f"""องค์การบริหารส่วนตำบลหนองบัว อำเภอเมือง จังหวัดขอนแก่น
ระหว่างวันที่ {start} ถึงวันที่ {end}
วิธีการจัดซื้อจัดจ้าง จำนวนโครงการ งบประมาณ (บาท)
วิธีเฉพาะเจาะจง ๑๒๐ ๔,๕๐๐,๐๐๐
วิธีประกวดราคาอิเล็กทรอนิกส์ (e-bidding) ๕ ๑๒,๓๐๐,๐๐๐
รวม ๑๒๕ โครงการ ๑๖,๘๐๐,๐๐๐ บาท
แนบ: สรุปผลการจัดซื้อจัดจ้างรายเดือน (แบบ สขร.๑) ทุกเดือนในช่วงดังกล่าว
ปัญหา อุปสรรค และข้อเสนอแนะ
๑. ผู้ประกอบการในพื้นที่มีน้อย ทำให้การเสนอราคามีการแข่งขันน้อย"""


def _procurement_doc(fy: int, start: str, end: str) -> Resource:
    title = f"รายงานสรุปผลการจัดซื้อจัดจ้าง ประจำปีงบประมาณ พ.ศ. {_thai(fy)}"
    return _pdf(f"o12-{fy}", title, _procurement_report(start, end))


def test_2569_o12_annual_procurement_summary_of_the_previous_year_passes() -> None:
    doc = _procurement_doc(2568, "๑ ตุลาคม ๒๕๖๗", "๓๐ กันยายน ๒๕๖๘")
    result = _check(2569, "O12", [doc])
    assert result.status == "pass", result.missing
    assert result.evidence[0].fiscal_year == 2568


def test_2569_o12_the_assessed_years_report_so_far_does_not_pass() -> None:
    """Dated with the assessed year and covering October–March only: the year rule `previous` also takes the
    assessed year (engine), so the whole-year element is what rejects it."""
    doc = _procurement_doc(2569, "๑ ตุลาคม ๒๕๖๘", "๓๑ มีนาคม ๒๕๖๙")
    result = _check(2569, "O12", [doc])
    assert result.status == "partial"
    assert "ครอบคลุมทั้งปีงบประมาณ ต.ค. – ก.ย." in _missing(result)


def test_2569_o12_the_report_of_two_years_back_fails_on_its_year() -> None:
    doc = _procurement_doc(2567, "๑ ตุลาคม ๒๕๖๖", "๓๐ กันยายน ๒๕๖๗")
    result = _check(2569, "O12", [doc])
    assert result.status == "partial" and "เป็นข้อมูลปี 2567" in _missing(result)


def _skr1_november(year: int) -> ItemResult:
    """2569 O11 on a สขร.1 (monthly procurement summary) of November of calendar year ``year`` (พ.ศ.)."""
    text = f"""องค์การบริหารส่วนตำบลหนองบัว
ลำดับ งานที่จัดซื้อหรือจัดจ้าง วงเงินที่จัดซื้อหรือจ้าง ราคากลาง วิธีซื้อหรือจ้าง รายชื่อผู้เสนอราคาและราคาที่เสนอ ผู้ได้รับการคัดเลือกและราคาที่ตกลงซื้อหรือจ้าง เหตุผลที่คัดเลือกโดยสังเขป เลขที่และวันที่ของสัญญาหรือข้อตกลง
๑ จัดซื้อวัสดุสำนักงาน ๑๒,๐๐๐ ๑๒,๐๐๐ เฉพาะเจาะจง ร้านสมใจ ๑๑,๙๐๐ ร้านสมใจ ๑๑,๙๐๐ ราคาต่ำสุด ใบสั่งซื้อ ๑๕/{_thai(year + 1)} ลว. ๑๐ พ.ย. {_thai(year)}"""
    title = f"แบบ สขร.๑ สรุปผลการดำเนินการจัดซื้อจัดจ้างในรอบเดือนพฤศจิกายน {_thai(year)}"
    return _check(2569, "O11", [_pdf(f"skr-{year}-11", title, text)])


def test_2569_o11_a_monthly_summary_of_the_assessed_year_passes_and_says_what_else_is_expected() -> None:
    result = _skr1_november(2568)  # November 2568 is in fiscal year 2569
    assert result.status == "pass", result.missing
    remarks = " ".join(result.notes)
    assert "ไตรมาสที่ 1–2" in remarks and "Excel" in remarks  # one month, a PDF only: remarks, not failures


def test_2569_o11_a_monthly_summary_of_the_previous_year_does_not_pass() -> None:
    result = _skr1_november(2567)
    assert result.status == "partial" and "เป็นข้อมูลปี 2568" in _missing(result)


NATIONAL = """ท่านสามารถแจ้งเรื่องร้องเรียนการทุจริตและประพฤติมิชอบได้ทางช่องทางต่อไปนี้
ศูนย์ดำรงธรรม กระทรวงมหาดไทย
สำนักงาน ป.ป.ช. ร้องเรียนออนไลน์
ศูนย์บริการประชาชน สำนักปลัดสำนักนายกรัฐมนตรี สายด่วน 1111"""
NATIONAL_LINKS = [
    Link(HOME + "complaint", "https://www.damrongdham.moi.go.th/", "ศูนย์ดำรงธรรม", offsite=True),
    Link(HOME + "complaint", "https://www.nacc.go.th/", "ร้องเรียนออนไลน์ สำนักงาน ป.ป.ช.", offsite=True),
]


def test_2569_o17_the_units_own_form_passes_with_national_links_added() -> None:
    page = _res(
        "complaint",
        "ช่องทางแจ้งเรื่องร้องเรียน",
        "แบบฟอร์มแจ้งเรื่องร้องเรียน องค์การบริหารส่วนตำบลหนองบัว\nชื่อ-สกุล (ไม่บังคับ)\nรายละเอียดเรื่องร้องเรียน\nส่งเรื่องร้องเรียน\n"
        + NATIONAL,
        form=1,
    )
    result = _check(2569, "O17", [page], [Link(HOME, page.url, page.title), *NATIONAL_LINKS])
    assert result.status == "pass", result.missing


#: The look-alike of 2566 O28 (tests/data/lookalikes): national hotlines and sites only, as pictures with captions.
NATIONAL_PICTURES = """องค์การบริหารส่วนตำบลคลองน้ำใสพัฒนา
ร้องเรียนการทุจริต แจ้งได้ที่
[ภาพ] ศูนย์ดำรงธรรม สายด่วน ๑๕๖๗ (คลิกเพื่อไปยังเว็บไซต์ศูนย์ดำรงธรรม)
[ภาพ] สำนักงาน ป.ป.ช. สายด่วน ๑๒๐๕ (คลิกเพื่อไปยังระบบร้องเรียนของ ป.ป.ช.)
[ภาพ] สำนักงาน ป.ป.ท. สายด่วน ๑๒๐๖ (คลิกเพื่อไปยังเว็บไซต์ ป.ป.ท.)
ร่วมกันต่อต้านการทุจริต เพื่อท้องถิ่นโปร่งใส"""


@pytest.mark.parametrize("text", [NATIONAL, NATIONAL_PICTURES], ids=["links", "pictures"])
def test_2569_o17_only_national_channels_do_not_pass(text: str) -> None:
    page = _res("complaint", "ช่องทางแจ้งเรื่องร้องเรียน", text, image=3)
    result = _check(2569, "O17", [page], [Link(HOME, page.url, page.title), *NATIONAL_LINKS])
    assert result.status == "partial"
    assert "ไม่พบช่องทางออนไลน์ของหน่วยงานเอง" in _missing(result)


def test_2569_o19_participation_results_pass() -> None:
    news = _res(
        "news/123",
        "องค์การบริหารส่วนตำบลหนองบัวจัดประชุมประชาคมหมู่บ้าน",
        "เมื่อวันที่ ๑๕ ธันวาคม ๒๕๖๘ องค์การบริหารส่วนตำบลหนองบัวได้จัดประชุมประชาคมหมู่บ้าน หมู่ที่ ๓ เพื่อรับฟังความคิดเห็นของประชาชนในการจัดทำแผนพัฒนาท้องถิ่น มีผู้เข้าร่วมจำนวน ๑๒๐ คน\nสรุปผลการรับฟังความคิดเห็น: ประชาชนเสนอโครงการก่อสร้างถนน ๕ โครงการ\nภาพกิจกรรม",
        image=4,
    )
    result = _check_under(2569, "O19", news, "การเปิดโอกาสให้มีส่วนร่วม")
    assert result.status == "pass", result.missing


def test_2569_o19_an_invitation_is_not_the_result() -> None:
    invitation = _pdf(
        "invite",
        "ขอเชิญประชาชนเข้าร่วมประชุมประชาคมหมู่บ้าน",
        "ประกาศองค์การบริหารส่วนตำบลหนองบัว\nเรื่อง ขอเชิญประชาชนเข้าร่วมประชุมประชาคมหมู่บ้าน เพื่อรับฟังความคิดเห็นในการจัดทำแผนพัฒนาท้องถิ่น\nในวันที่ ๑๕ ธันวาคม ๒๕๖๘ เวลา ๐๙.๐๐ น. ณ ศาลาประชาคมหมู่ที่ ๓\nจึงขอเชิญผู้มีส่วนได้ส่วนเสียเข้าร่วมโดยพร้อมเพรียงกัน",
    )
    result = _check_under(2569, "O19", invitation, "การเปิดโอกาสให้มีส่วนร่วม")
    assert result.status == "partial"
    missing = _missing(result)
    assert "หนังสือเชิญ" in missing and "ผลของการมีส่วนร่วม" in missing


NO_GIFT_PAGE = "การขับเคลื่อนนโยบาย No Gift Policy และการเสริมสร้างความรู้เรื่องการรับทรัพย์สินโดยธรรมจรรยา"
DECLARATION = "ประกาศเจตนารมณ์นโยบายไม่รับของขวัญและของกำนัลทุกชนิดจากการปฏิบัติหน้าที่ (No Gift Policy) ประจำปีงบประมาณ พ.ศ. {y}"
GIFT_REPORT = "รายงานผลการรับทรัพย์สินหรือประโยชน์อื่นใดโดยธรรมจรรยา ประจำปีงบประมาณ พ.ศ. {y} (ไม่มีการรับ)"


def test_2569_o20_declaration_of_the_assessed_year_and_last_years_gift_report_pass() -> None:
    page = _res("ita/o20", NO_GIFT_PAGE, DECLARATION.format(y="๒๕๖๙") + "\n" + GIFT_REPORT.format(y="๒๕๖๘"))
    result = _check(2569, "O20", [page])
    assert result.status == "pass", result.missing


def test_2569_o20_the_declaration_alone_lacks_the_gift_report() -> None:
    page = _res("ita/o20", NO_GIFT_PAGE, DECLARATION.format(y="๒๕๖๙"))
    result = _check(2569, "O20", [page])
    assert result.status == "partial" and "รายงานการรับทรัพย์สินหรือประโยชน์อื่นใดของปีงบประมาณก่อนหน้า" in _missing(result)


def test_2569_o20_last_years_declaration_does_not_pass() -> None:
    page = _res("ita/o20", NO_GIFT_PAGE, DECLARATION.format(y="๒๕๖๘") + "\n" + GIFT_REPORT.format(y="๒๕๖๗"))
    result = _check(2569, "O20", [page])
    assert result.status == "partial" and "เป็นข้อมูลปี 2568 ไม่ใช่ปี 2569" in _missing(result)


#: Items that need several documents (2569 O13 criteria and plan, O15 code, order, Do & Don't, training): the item's
#: page listing every part passes; one part alone (here a plan file, the code of ethics) lacks the others.
MULTI_PART = {
    "O13": (
        "หลักเกณฑ์และแผนการบริหารและพัฒนาทรัพยากรบุคคล",
        "หลักเกณฑ์การบริหารและพัฒนาทรัพยากรบุคคล: การสรรหาและคัดเลือก การแต่งตั้งและโยกย้าย การเลื่อนตำแหน่งและเลื่อนขั้นเงินเดือน การประเมินผลการปฏิบัติงาน\nแผนพัฒนาบุคลากร ประจำปีงบประมาณ พ.ศ. ๒๕๖๗ – ๒๕๖๙ (PDF)",
        "องค์การบริหารส่วนตำบลหนองบัว\nแผนพัฒนาบุคลากร ประจำปีงบประมาณ พ.ศ. ๒๕๖๗ – ๒๕๖๙ เพื่อพัฒนาพนักงานส่วนตำบลและพนักงานจ้าง\nโครงการฝึกอบรม",
        ("หลักเกณฑ์การสรรหา", "หลักเกณฑ์การแต่งตั้ง", "หลักเกณฑ์การเลื่อนตำแหน่ง", "หลักเกณฑ์การประเมินผลการปฏิบัติงาน"),
    ),
    "O15": (
        "ประมวลจริยธรรมและการขับเคลื่อนจริยธรรม",
        "ประมวลจริยธรรมของพนักงานส่วนท้องถิ่น (PDF)\nคำสั่งแต่งตั้งคณะทำงานขับเคลื่อนจริยธรรม ประจำปีงบประมาณ พ.ศ. ๒๕๖๙\nคู่มือ Do & Don't สำหรับเจ้าหน้าที่\nรายงานผลโครงการอบรมคุณธรรมจริยธรรม ประจำปี ๒๕๖๙",
        "ประมวลจริยธรรมของพนักงานส่วนท้องถิ่น ประจำปีงบประมาณ พ.ศ. ๒๕๖๙ (PDF)",
        ("คำสั่งแต่งตั้งคณะทำงาน", "Do & Don't", "การอบรม"),
    ),
}


@pytest.mark.parametrize("code", sorted(MULTI_PART))
def test_2569_multi_part_items_pass_on_the_items_page_not_on_one_part(code: str) -> None:
    title, every_part, one_part, lacking = MULTI_PART[code]
    assert _check(2569, code, [_res(f"ita/{code}", title, every_part)]).status == "pass"
    result = _check(2569, code, [_res(f"ita/{code}", title, one_part)])
    assert result.status == "partial"
    assert all(p in _missing(result) for p in lacking), result.missing


RISK = """การประเมินความเสี่ยงการทุจริต ประจำปีงบประมาณ พ.ศ. ๒๕๖๙ องค์การบริหารส่วนตำบลหนองบัว
เหตุการณ์ความเสี่ยงการทุจริต: {event}
ระดับความเสี่ยง: สูง (โอกาส ๔ ผลกระทบ ๓)
มาตรการจัดการความเสี่ยง: ตรวจสอบเอกสารการเบิกจ่ายทุกฉบับ และเผยแพร่ข้อมูลการเบิกจ่ายรายเดือน"""


def test_2569_o21_a_corruption_risk_assessment_may_include_budget_disbursement_risk() -> None:
    event = "การเบิกจ่ายงบประมาณโดยมิชอบ เจ้าหน้าที่อาจเรียกรับผลประโยชน์เพื่อเร่งการเบิกจ่าย (ความเสี่ยงด้านการเงิน)"
    doc = _pdf("risk", "การประเมินความเสี่ยงการทุจริต ประจำปีงบประมาณ พ.ศ. ๒๕๖๙", RISK.format(event=event))
    result = _check(2569, "O21", [doc])
    assert result.status == "pass", result.missing


def test_2569_o21_a_disbursement_risk_without_corruption_is_a_general_risk() -> None:
    text = "การประเมินความเสี่ยง ประจำปีงบประมาณ พ.ศ. ๒๕๖๙ องค์การบริหารส่วนตำบลหนองบัว\nเหตุการณ์ความเสี่ยง: การเบิกจ่ายงบประมาณล่าช้า (ความเสี่ยงด้านการเงิน)\nระดับความเสี่ยง: สูง\nมาตรการ: เร่งรัดการเบิกจ่าย"
    doc = _pdf("risk", "การประเมินความเสี่ยง ประจำปีงบประมาณ พ.ศ. ๒๕๖๙", text)
    result = _check_under(2569, "O21", doc, "O21 การประเมินความเสี่ยงการทุจริต")
    assert result.status == "partial" and "ความเสี่ยงทั่วไป" in _missing(result)


EXECUTIVES = """ผู้บริหารฝ่ายการเมือง
นายสมชาย ใจดี
นายกองค์การบริหารส่วนตำบลหนองบัว
โทร 081-234-5678
นายวิชัย รักดี
รองนายกองค์การบริหารส่วนตำบลหนองบัว
โทร 089-111-2222
ผู้บริหารฝ่ายประจำ
นางสาวสมหญิง รักถิ่น
ปลัดองค์การบริหารส่วนตำบลหนองบัว
โทร 043-123-456"""


def test_2568_o2_political_and_permanent_executives_each_with_name_photo_and_phone_pass() -> None:
    page = _res("executives", "ข้อมูลผู้บริหาร", EXECUTIVES, image=3)
    result = _check(2568, "O2", [page])
    assert result.status == "pass", result.missing


def test_2568_o2_an_executive_without_a_phone_or_no_permanent_side_does_not_pass() -> None:
    page = _res("executives", "ข้อมูลผู้บริหาร", EXECUTIVES.replace("โทร 089-111-2222\n", ""), image=3)
    result = _check(2568, "O2", [page])
    assert result.status == "partial" and "นายวิชัย รักดี" in _missing(result)
    political_only = _res("executives", "ข้อมูลผู้บริหาร", EXECUTIVES.split("ผู้บริหารฝ่ายประจำ")[0], image=2)
    assert "ผู้บริหารฝ่ายประจำ" in _missing(_check(2568, "O2", [political_only]))


COMPLAINT_STATS = """ข้อมูลสถิติเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ ประจำปีงบประมาณ พ.ศ. {y}
จำนวนเรื่องร้องเรียนทั้งหมด ๒ เรื่อง ดำเนินการแล้วเสร็จ ๒ เรื่อง อยู่ระหว่างดำเนินการ ๐ เรื่อง"""


@pytest.mark.parametrize(("fy", "code"), [(2568, "O19"), (2569, "O18")])
def test_complaint_statistics_are_of_the_previous_year(fy: int, code: str) -> None:
    def verdict(year: int) -> ItemResult:
        digits = _thai(year)
        doc = _pdf("stats", f"ข้อมูลสถิติเรื่องร้องเรียน ประจำปีงบประมาณ พ.ศ. {digits}", COMPLAINT_STATS.format(y=digits))
        return _check(fy, code, [doc])

    assert verdict(fy - 1).status == "pass"
    two_back = verdict(fy - 2)
    assert two_back.status == "partial" and f"เป็นข้อมูลปี {fy - 2}" in _missing(two_back)


def test_2569_o10_service_page_passes_manual_and_statistics_are_remarks() -> None:
    page = _res(
        "eservice",
        "ระบบการให้บริการผ่านช่องทางออนไลน์ (E-Service)",
        "ยื่นคำร้องออนไลน์ ขอรับบริการจัดเก็บขยะ ขอใช้รถบรรทุกน้ำ\nกรอกแบบฟอร์มแล้วกดส่ง",
        form=1,
    )
    result = _check(2569, "O10", [page])
    assert result.status == "pass", result.missing
    remarks = " ".join(result.notes)
    assert "คู่มือหรือวิธีการใช้งานระบบ E-Service" in remarks and "สถิติการใช้งานระบบ E-Service" in remarks
