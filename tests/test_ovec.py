# ruff: noqa: E501  (Thai fixture texts read better unwrapped)
"""The OVEC catalog (vocational colleges, FY 2569): its shape, and the engine on small in-memory college sites.

Each case is a page or document a college really publishes, written as colleges write it (Thai digits, พ.ศ.,
ปีการศึกษา), that must pass, and close near-misses that must not, each for the reason a college must be told.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

import pytest

from checklist.catalog import catalog_for_year, load_catalog
from checklist.engine import evaluate_site
from checklist.sitedata import Link, Resource, SiteData
from oitbase.model import ItemResult
from oitbase.thai import clean

CAT = load_catalog("ovec-2569")
FY = 2569
HOME = "http://www.bptech.ac.th/"

GROUPS = {
    "9.1": ["O1", "O2", "O3", "O4", "O5"],
    "9.2": ["O6", "O7", "O8", "O9"],
    "9.3": ["O10", "O11"],
    "9.4": ["O12", "O13", "O14", "O15"],
    "9.5": ["O16", "O17"],
    "10.1": ["O18", "O19"],
    "10.2": ["O20", "O21", "O22", "O23"],
}


# ─────────────────────────────── the catalog ───────────────────────────────


def test_catalog_is_the_23_item_college_list() -> None:
    assert (CAT.id, CAT.scheme, CAT.fiscal_year, CAT.unit_types) == ("ovec-2569", "ovec", 2569, ["school"])
    assert [it.code for it in CAT.items] == [f"O{n}" for n in range(1, 24)]
    assert not [it.code for it in CAT.items if it.unknown]
    assert {s: [it.code for it in CAT.items if it.sub_indicator == s] for s in GROUPS} == GROUPS
    assert {s.code: s.indicator for s in CAT.sub_indicators} == {s: s.split(".")[0] for s in GROUPS}
    # Sub-indicator names as the NACC 2568/2569 list writes them.
    assert CAT.sub_indicator_names() == catalog_for_year(2569).sub_indicator_names()
    assert CAT.notice and "O21" in CAT.notice and "O22" in CAT.notice
    assert {it.code for it in CAT.items if it.confidence == "low"} == {"O21", "O22"}
    assert {it.code for it in CAT.items if it.offsite_counts} == {"O14"}


def test_the_college_list_does_not_replace_the_agency_list() -> None:
    """A college picks the OVEC list by scheme; an agency checking FY 2569 still gets the NACC list."""
    assert catalog_for_year(FY, "ovec").id == "ovec-2569"
    assert catalog_for_year(FY).id == "nacc-2569"


# ─────────────────────────────── small college sites ───────────────────────────────


def _res(path: str, title: str, text: str, **features: int) -> Resource:
    kind = "pdf" if path.endswith(".pdf") else "html"
    return Resource(url=HOME + path, kind=kind, title=title, text=clean(f"{title}\n{text}"), features=dict(features))


def _site(resources: list[Resource], links: list[Link]) -> SiteData:
    """A site of fresh copies of ``resources`` (a site writes the link texts that lead to a resource into it)."""
    home = Resource(url=HOME, kind="html", title="หน้าแรก", text="หน้าแรก วิทยาลัยเทคนิคบ้านโป่ง ยินดีต้อนรับ")
    fresh = [replace(r, anchors=[], body="") for r in [home, *resources]]
    return SiteData(home=HOME, resources={r.url: r for r in fresh}, links=links)


def _judge(code: str, site: SiteData) -> ItemResult:
    (result,) = evaluate_site(CAT, site, FY, "school", codes={code})
    return result


def _judge_linked(code: str, res: Resource, label: str) -> ItemResult:
    """The item's verdict on a site whose menu links ``res`` as ``label``."""
    return _judge(code, _site([res], [Link(HOME, res.url, label)]))


@dataclass
class Case:
    code: str
    label: str  # the menu link a college gives the page or document
    good: Resource
    #: Near-misses and a phrase of why each must not pass (a missing element, the wrong year, a negative rule).
    misses: list[tuple[Resource, str]] = field(default_factory=list)


EXECUTIVES = """คณะผู้บริหารวิทยาลัยเทคนิคบ้านโป่ง
นายสมชาย ใจดี
ผู้อำนวยการวิทยาลัยเทคนิคบ้านโป่ง
โทร 081-234-5678 อีเมล somchai.j@bptech.ac.th
นางสาววิไลวรรณ ศรีสุข
รองผู้อำนวยการฝ่ายบริหารทรัพยากร
โทร 089-765-4321
นายประเสริฐ มั่นคง
รองผู้อำนวยการฝ่ายวิชาการ
Line ID: prasert.mk
ว่าที่ร้อยตรีธนากร พึ่งบุญ
รองผู้อำนวยการฝ่ายพัฒนากิจการนักเรียนนักศึกษา
โทร ๐๙๒-๑๑๑-๒๒๓๓"""

STRUCTURE = """แผนภูมิโครงสร้างการบริหารวิทยาลัยเทคนิคบ้านโป่ง
ผู้อำนวยการวิทยาลัย
รองผู้อำนวยการฝ่ายบริหารทรัพยากร: งานบริหารงานทั่วไป งานบุคลากร งานการเงิน งานบัญชี งานพัสดุ
รองผู้อำนวยการฝ่ายวิชาการ: แผนกวิชาช่างยนต์ แผนกวิชาช่างไฟฟ้ากำลัง งานพัฒนาหลักสูตรการเรียนการสอน"""
DUTIES = "อำนาจหน้าที่ของสถานศึกษา ตามระเบียบสำนักงานคณะกรรมการการอาชีวศึกษา ว่าด้วยการบริหารสถานศึกษา พ.ศ. ๒๕๕๓ สถานศึกษามีหน้าที่จัดการศึกษาวิชาชีพ"

DEVELOPMENT_PLAN = """แผนพัฒนาการจัดการศึกษา วิทยาลัยเทคนิคบ้านโป่ง
ระยะ 5 ปี (พ.ศ. ๒๕๖๖ – ๒๕๗๐)
สำนักงานคณะกรรมการการอาชีวศึกษา กระทรวงศึกษาธิการ
วิสัยทัศน์ ผลิตและพัฒนากำลังคนด้านอาชีวศึกษาให้มีคุณภาพ ได้มาตรฐานสากล
พันธกิจ 1. จัดการศึกษาด้านวิชาชีพให้ได้มาตรฐาน
เป้าประสงค์ ผู้สำเร็จการศึกษามีสมรรถนะตรงตามความต้องการของสถานประกอบการ
กลยุทธ์ที่ 1 ยกระดับคุณภาพผู้เรียน
ตัวชี้วัด ร้อยละของผู้สำเร็จการศึกษาที่มีงานทำหรือศึกษาต่อภายใน 1 ปี ค่าเป้าหมาย ร้อยละ 85"""

CONTACT = """ติดต่อเรา
วิทยาลัยเทคนิคบ้านโป่ง เลขที่ 99 หมู่ 3 ถนนแสงชูโต ตำบลท่าผา อำเภอบ้านโป่ง จังหวัดราชบุรี 70110
โทรศัพท์ 032-211-456 โทรสาร 032-211-457
อีเมล saraban@bptech.ac.th
Facebook : วิทยาลัยเทคนิคบ้านโป่ง
แผนที่ตั้งวิทยาลัย"""

LAWS = """1. พระราชบัญญัติการอาชีวศึกษา พ.ศ. ๒๕๕๑
2. พระราชบัญญัติการศึกษาแห่งชาติ พ.ศ. ๒๕๔๒ และที่แก้ไขเพิ่มเติม
3. พระราชบัญญัติข้อมูลข่าวสารของราชการ พ.ศ. ๒๕๔๐
4. พระราชบัญญัติการจัดซื้อจัดจ้างและการบริหารพัสดุภาครัฐ พ.ศ. ๒๕๖๐
5. กฎกระทรวงว่าด้วยระบบ หลักเกณฑ์ และวิธีการประกันคุณภาพการศึกษา พ.ศ. ๒๕๖๑
6. ระเบียบสำนักงานคณะกรรมการการอาชีวศึกษา ว่าด้วยการบริหารสถานศึกษา พ.ศ. ๒๕๕๓"""

ACTION_PLAN = """วิทยาลัยเทคนิคบ้านโป่ง สำนักงานคณะกรรมการการอาชีวศึกษา
ส่วนที่ 1 ผลการใช้จ่ายงบประมาณ ปีงบประมาณ พ.ศ. {prev} ได้รับจัดสรร 12,450,000 บาท เบิกจ่ายแล้ว ร้อยละ 98.6
ส่วนที่ 3 โครงการและงบประมาณ ปีงบประมาณ พ.ศ. {year}
ที่ โครงการ งบประมาณ (บาท) ระยะเวลาดำเนินการ ผู้รับผิดชอบ
1 โครงการพัฒนาทักษะวิชาชีพผู้เรียน 250,000 ต.ค. – มี.ค. ฝ่ายวิชาการ
2 โครงการอาชีวะอาสา 85,000 ธ.ค. – เม.ย. ฝ่ายพัฒนากิจการนักเรียนนักศึกษา"""

ANNUAL_REPORT = """วิทยาลัยเทคนิคบ้านโป่ง
ส่วนที่ 2 ผลการดำเนินงานตามแผนปฏิบัติการ ดำเนินโครงการแล้วเสร็จ 42 โครงการ จาก 45 โครงการ
ส่วนที่ 3 ผลการใช้จ่ายงบประมาณ ได้รับจัดสรร 12,450,000 บาท เบิกจ่าย 12,276,300 บาท คิดเป็นร้อยละ 98.60"""
PROBLEMS = "\nส่วนที่ 4 ปัญหา อุปสรรค และข้อเสนอแนะ\n1. งบประมาณได้รับจัดสรรล่าช้า ควรวางแผนการจัดซื้อล่วงหน้า"

SAR = """รายงานการประเมินตนเองของสถานศึกษา
(Self Assessment Report : SAR)
ประจำปีการศึกษา {year}
วิทยาลัยเทคนิคบ้านโป่ง
สังกัดสำนักงานคณะกรรมการการอาชีวศึกษา
ส่วนที่ 4 ผลการประเมินคุณภาพการศึกษาตามมาตรฐานการอาชีวศึกษา
มาตรฐานที่ 1 คุณลักษณะของผู้สำเร็จการศึกษาอาชีวศึกษาที่พึงประสงค์ ผลการประเมิน ระดับยอดเยี่ยม
จุดเด่น ผู้เรียนผ่านการประเมินมาตรฐานวิชาชีพ ร้อยละ 96
จุดที่ควรพัฒนา การพัฒนาทักษะภาษาต่างประเทศ"""

NEWS = """วิทยาลัยเทคนิคบ้านโป่งจัดพิธีไหว้ครู ประจำปีการศึกษา 2568  โพสต์เมื่อ 12 มิถุนายน 2568
นักศึกษาแผนกวิชาช่างยนต์ได้รับรางวัลชนะเลิศทักษะวิชาชีพระดับภาค  โพสต์เมื่อ ๑๘ ธันวาคม ๒๕๖๘
โครงการอาชีวะอาสาช่วงเทศกาลปีใหม่  ๒ ม.ค. ๖๙"""
OLD_NEWS = """วิทยาลัยเทคนิคบ้านโป่งจัดพิธีไหว้ครู  โพสต์เมื่อ 12 มิถุนายน 2567
นักศึกษาแผนกวิชาช่างยนต์ได้รับรางวัลชนะเลิศทักษะวิชาชีพระดับภาค  โพสต์เมื่อ 18 ธันวาคม 2566"""

ANNOUNCEMENTS = """ประกาศวิทยาลัยเทคนิคบ้านโป่ง เรื่อง ประกาศผู้ชนะการเสนอราคา ซื้อวัสดุฝึกแผนกวิชาช่างไฟฟ้ากำลัง โดยวิธีเฉพาะเจาะจง ประกาศ ณ วันที่ ๑๕ มกราคม พ.ศ. {y2}
ประกาศวิทยาลัยเทคนิคบ้านโป่ง เรื่อง ประกวดราคาจ้างปรับปรุงอาคารโรงฝึกงาน ด้วยวิธีประกวดราคาอิเล็กทรอนิกส์ (e-bidding) ราคากลาง 1,200,000 บาท ประกาศ ณ วันที่ ๒ ธันวาคม พ.ศ. {y1}"""

PROCUREMENT_REPORT = """วิทยาลัยเทคนิคบ้านโป่ง (1 ตุลาคม 2567 – 30 กันยายน 2568)
เดือน จำนวนโครงการ งบประมาณ (บาท)
ตุลาคม 2567 12 345,000
พฤศจิกายน 2567 9 210,500
ธันวาคม 2567 15 1,250,000
มกราคม 2568 8 98,400
กุมภาพันธ์ 2568 11 402,000
มีนาคม 2568 7 156,300
รวมทั้งสิ้น 62 โครงการ วงเงิน 2,462,200 บาท
ปัญหาและอุปสรรค ไม่มี"""
MONTHLY_SUMMARY = """แบบ สขร.1 สรุปผลการดำเนินการจัดซื้อจัดจ้างในรอบเดือน ตุลาคม 2567
วิทยาลัยเทคนิคบ้านโป่ง
งานที่จัดซื้อหรือจัดจ้าง วงเงินที่จัดซื้อ ราคากลาง วิธีซื้อหรือจ้าง ผู้เสนอราคา ผู้ได้รับการคัดเลือก
ซื้อวัสดุสำนักงาน 12,500 บาท วิธีเฉพาะเจาะจง ร้านสมใจ ราคาที่ตกลง 12,500 บาท"""

DIVISIONS = ["ฝ่ายบริหารทรัพยากร", "ฝ่ายแผนงานและความร่วมมือ", "ฝ่ายพัฒนากิจการนักเรียนนักศึกษา", "ฝ่ายวิชาการ"]
MANUALS = "\n".join(f"คู่มือการปฏิบัติงาน{d} ดาวน์โหลด" for d in DIVISIONS)

SERVICE_MANUAL = """คู่มือการให้บริการ งานทะเบียน วิทยาลัยเทคนิคบ้านโป่ง
การขอใบรับรองการเป็นนักเรียน นักศึกษา และใบแสดงผลการเรียน (Transcript)
ขั้นตอนการให้บริการ 1. ยื่นคำร้องที่งานทะเบียน 2. ชำระค่าธรรมเนียม 3. รับเอกสาร
ระยะเวลาดำเนินการ 3 วันทำการ
เอกสารที่ต้องใช้ สำเนาบัตรประจำตัวประชาชน รูปถ่าย 1 นิ้ว"""
REQUEST_FORM = """แบบคำร้องขอใบรับรองการเป็นนักเรียน นักศึกษา
ชื่อ-สกุล ........ รหัสประจำตัว ........ แผนกวิชา ........
ขอใบรับรอง จำนวน ..... ฉบับ ลงชื่อ ........ ผู้ยื่นคำร้อง"""

E_SERVICE = """ระบบขอเอกสารทางการศึกษาออนไลน์ กรอกแบบฟอร์มออนไลน์ แล้วรับเอกสารทางไปรษณีย์
ระบบแจ้งซ่อมออนไลน์ งานอาคารสถานที่"""
DOWNLOAD_ONLY = "ดาวน์โหลดแบบฟอร์ม คำร้องขอใบรับรองการเป็นนักศึกษา พิมพ์แบบฟอร์มแล้วยื่นด้วยตนเองที่งานทะเบียน"

SERVICE_STATS = """วิทยาลัยเทคนิคบ้านโป่ง ปีงบประมาณ พ.ศ. {year}
1. กิจกรรมศูนย์ซ่อมสร้างเพื่อชุมชน (Fix it Center) จำนวนผู้รับบริการ 1,245 คน ความพึงพอใจ ร้อยละ 92.40
2. กิจกรรมอาชีวะอาสาช่วงเทศกาล จำนวนผู้รับบริการ 3,580 คน ความพึงพอใจ ค่าเฉลี่ย 4.52
3. งานบริการงานทะเบียน (ขอเอกสารทางการศึกษา) จำนวน 860 ครั้ง ความพึงพอใจ ร้อยละ 89.75"""

HR = """หลักเกณฑ์การบริหารและพัฒนาทรัพยากรบุคคล วิทยาลัยเทคนิคบ้านโป่ง
1. การสรรหาและคัดเลือก ดำเนินการสรรหาครูอัตราจ้างตามระเบียบ
2. การพัฒนาบุคลากร ส่งเสริมให้ครูเข้ารับการอบรมอย่างน้อยปีละ 20 ชั่วโมง"""
HR_REST = """
3. การประเมินผลการปฏิบัติงาน ปีละ 2 ครั้ง ตามข้อตกลงในการพัฒนางาน
4. การเสริมสร้างขวัญกำลังใจ ยกย่องเชิดชูเกียรติครูดีเด่น"""

ETHICS = """1. ประมวลจริยธรรมข้าราชการพลเรือน และมาตรฐานจรรยาบรรณวิชาชีพครู
2. คู่มือแนวทางปฏิบัติ Do's & Don'ts สิ่งที่ควรทำและไม่ควรทำของบุคลากรวิทยาลัย
3. รายงานผลการอบรมเสริมสร้างจริยธรรมบุคลากร ประจำปีงบประมาณ พ.ศ. ๒๕๖๙ {training}"""

COMPLAINT_GUIDE = """คู่มือการจัดการเรื่องร้องเรียน วิทยาลัยเทคนิคบ้านโป่ง
ช่องทางการรับเรื่องร้องเรียน 1. ด้วยตนเอง ณ งานประชาสัมพันธ์ 2. ทางโทรศัพท์ 032-211-456 3. ทางเว็บไซต์ของวิทยาลัย
ผู้รับผิดชอบ งานประชาสัมพันธ์ ฝ่ายแผนงานและความร่วมมือ
ขั้นตอนการจัดการเรื่องร้องเรียน 1. รับเรื่องและลงทะเบียน 2. เสนอผู้อำนวยการพิจารณา 3. แจ้งผลแก่ผู้ร้องเรียน"""
WITHIN = "\nระยะเวลาดำเนินการ ภายใน 15 วันทำการ"

COMPLAINT_STATS = """วิทยาลัยเทคนิคบ้านโป่ง
เรื่องร้องเรียนทั้งหมด 3 เรื่อง ดำเนินการแล้วเสร็จ 2 เรื่อง อยู่ระหว่างดำเนินการ 1 เรื่อง
ประเภทเรื่อง การให้บริการของเจ้าหน้าที่ 2 เรื่อง อาคารสถานที่ 1 เรื่อง"""

NO_GIFT = """ประกาศวิทยาลัยเทคนิคบ้านโป่ง
เรื่อง นโยบายไม่รับของขวัญและของกำนัลทุกชนิดจากการปฏิบัติหน้าที่ (No Gift Policy)
ประจำปีงบประมาณ พ.ศ. ๒๕๖๙
วิทยาลัยเทคนิคบ้านโป่ง จึงประกาศเจตนารมณ์ให้ผู้บริหาร ครู และบุคลากรทุกคน ไม่รับของขวัญ ของกำนัล หรือประโยชน์อื่นใด
ประกาศ ณ วันที่ ๑ ตุลาคม พ.ศ. ๒๕๖๘
(ลงชื่อ)
{signer}"""
DIRECTOR = "(นายสมชาย ใจดี)\nผู้อำนวยการวิทยาลัยเทคนิคบ้านโป่ง"
ACTING = "(นางสาววิไลวรรณ ศรีสุข)\nรองผู้อำนวยการฝ่ายบริหารทรัพยากร รักษาราชการแทนผู้อำนวยการวิทยาลัยเทคนิคบ้านโป่ง"
DEPUTY = "(นางสาววิไลวรรณ ศรีสุข)\nรองผู้อำนวยการฝ่ายบริหารทรัพยากร"

RISK = """การประเมินความเสี่ยงการทุจริตและประพฤติมิชอบ ประจำปีงบประมาณ พ.ศ. ๒๕๖๙
วิทยาลัยเทคนิคบ้านโป่ง
เหตุการณ์ความเสี่ยง 1. การจัดซื้อจัดจ้างวัสดุฝึกเอื้อประโยชน์ให้ผู้ขายบางราย (ผลประโยชน์ทับซ้อน)
โอกาส 3 ผลกระทบ 4 ระดับความเสี่ยง สูง
เหตุการณ์ความเสี่ยง 2. การเรียกรับเงินในการรับนักเรียนนักศึกษา โอกาส 2 ผลกระทบ 4 ระดับความเสี่ยง ปานกลาง
มาตรการจัดการความเสี่ยง กำหนดให้คณะกรรมการตรวจรับพัสดุรายงานผู้บริหาร เผยแพร่ผลการรับนักเรียนบนเว็บไซต์"""
INTERNAL_CONTROL = """รายงานการประเมินผลการควบคุมภายใน ประจำปีงบประมาณ พ.ศ. ๒๕๖๙
วิทยาลัยเทคนิคบ้านโป่ง
แบบ ปค.5 รายงานการประเมินผลการควบคุมภายในและแผนการปรับปรุงการควบคุมภายใน
ภารกิจ งานพัสดุ ความเสี่ยงด้านการดำเนินงาน การเบิกจ่ายวัสดุล่าช้า ระดับความเสี่ยง ปานกลาง
การควบคุมที่มีอยู่ มาตรการ จัดทำทะเบียนคุมวัสดุ"""

ANTI_CORRUPTION_PLAN = """แผนปฏิบัติการป้องกันการทุจริต ประจำปีงบประมาณ พ.ศ. {year}
วิทยาลัยเทคนิคบ้านโป่ง
โครงการ/กิจกรรม งบประมาณ (บาท) ระยะเวลา ผู้รับผิดชอบ
1. โครงการเสริมสร้างคุณธรรมจริยธรรมและธรรมาภิบาลในสถานศึกษา 20,000 ธันวาคม งานบุคลากร
2. กิจกรรมประกาศเจตนารมณ์ต่อต้านการทุจริต ไม่ใช้งบประมาณ ตุลาคม ฝ่ายบริหารทรัพยากร"""
CURRICULUM = """หลักสูตรต้านทุจริตศึกษา (Anti-Corruption Education) ปีการศึกษา ๒๕๖๘ ปีงบประมาณ ๒๕๖๙
วิทยาลัยเทคนิคบ้านโป่ง
หน่วยการเรียนรู้ที่ 1 การแยกแยะระหว่างผลประโยชน์ส่วนตนและผลประโยชน์ส่วนรวม
กิจกรรมการเรียนรู้ โครงการโตไปไม่โกง"""

ITA_ORDER = """คำสั่งวิทยาลัยเทคนิคบ้านโป่ง ที่ ๑๒๕/{year}
เรื่อง แต่งตั้งคณะกรรมการดำเนินงานการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ (ITA) ประจำปีงบประมาณ พ.ศ. {year}
เพื่อให้การดำเนินงานตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในสถานศึกษาเป็นไปด้วยความเรียบร้อย จึงแต่งตั้งคณะกรรมการ ดังนี้
1. คณะกรรมการอำนวยการ 2. คณะกรรมการดำเนินงาน
สั่ง ณ วันที่ ๖ พฤศจิกายน พ.ศ. {signed}"""

CASES = [
    Case("O1", "โครงสร้างและอำนาจหน้าที่",
         _res("structure", "โครงสร้างและอำนาจหน้าที่", f"{STRUCTURE}\n{DUTIES}", image=1),
         [(_res("structure", "โครงสร้างการบริหาร", STRUCTURE, image=1), "อำนาจหน้าที่ของสถานศึกษา")]),
    Case("O2", "ผู้บริหาร",
         _res("executives", "ข้อมูลผู้บริหารสถานศึกษา", EXECUTIVES, image=4),
         [(_res("executives", "ข้อมูลผู้บริหารสถานศึกษา", EXECUTIVES.replace("Line ID: prasert.mk", "ประวัติการศึกษา ปริญญาโท ครุศาสตร์อุตสาหกรรม"), image=4),
           "ไม่มีใน 1 จาก 4 คน: นายประเสริฐ มั่นคง"),
          (_res("executives", "ข้อมูลผู้บริหารสถานศึกษา", EXECUTIVES, image=1), "พบ 1 รายการ แต่มีผู้บริหาร 4 คน")]),
    Case("O3", "แผนพัฒนาสถานศึกษา",
         _res("files/devplan.pdf", "แผนพัฒนาสถานศึกษา", DEVELOPMENT_PLAN),
         [(_res("files/devplan61.pdf", "แผนพัฒนาสถานศึกษา", DEVELOPMENT_PLAN.replace("๒๕๖๖ – ๒๕๗๐", "๒๕๖๑ – ๒๕๖๕")),
           "ไม่ใช่ปี 2569")]),
    Case("O4", "ติดต่อเรา",
         _res("contact", "ติดต่อเรา", CONTACT, email=1, map=1),
         [(_res("contact", "ติดต่อเรา", CONTACT.replace("Facebook : วิทยาลัยเทคนิคบ้านโป่ง\n", ""), email=1, map=1),
           "ช่องทางสื่อสังคมออนไลน์"),
          (_res("contact", "ติดต่อเรา", CONTACT, email=1), "แผนที่ตั้งสถานศึกษา")]),
    Case("O5", "กฎหมายที่เกี่ยวข้อง",
         _res("law", "กฎหมายที่เกี่ยวข้อง", LAWS),
         [(_res("law", "กฎหมายที่เกี่ยวข้อง", "\n".join(LAWS.splitlines()[:3])), "อย่างน้อย 5 ฉบับ"),
          (_res("files/act.pdf", "พระราชบัญญัติการอาชีวศึกษา", "พระราชบัญญัติการอาชีวศึกษา พ.ศ. ๒๕๕๑\nมาตรา ๑ พระราชบัญญัตินี้เรียกว่า พระราชบัญญัติการอาชีวศึกษา\nมาตรา ๒ พระราชบัญญัตินี้ให้ใช้บังคับ\nมาตรา ๓ ในพระราชบัญญัตินี้\nมาตรา ๔ พระราชบัญญัติ"),
           "ตัวบทกฎหมาย")]),
    Case("O6", "แผนปฏิบัติการประจำปี",
         _res("files/actionplan69.pdf", "แผนปฏิบัติการประจำปีงบประมาณ พ.ศ. ๒๕๖๙", ACTION_PLAN.format(prev="๒๕๖๘", year="๒๕๖๙")),
         [(_res("files/actionplan68.pdf", "แผนปฏิบัติการประจำปีงบประมาณ พ.ศ. ๒๕๖๘", ACTION_PLAN.format(prev="๒๕๖๗", year="๒๕๖๘")),
           "ไม่ใช่ปี 2569")]),
    Case("O7", "รายงานผลการดำเนินงานประจำปี",
         _res("files/report68.pdf", "รายงานผลการดำเนินงานประจำปีงบประมาณ พ.ศ. ๒๕๖๘", ANNUAL_REPORT + PROBLEMS),
         [(_res("files/report68b.pdf", "รายงานผลการดำเนินงานประจำปีงบประมาณ พ.ศ. ๒๕๖๘", ANNUAL_REPORT), "ปัญหา อุปสรรค และข้อเสนอแนะ"),
          (_res("files/actionplan69.pdf", "แผนปฏิบัติการประจำปีงบประมาณ พ.ศ. ๒๕๖๙", ACTION_PLAN.format(prev="๒๕๖๘", year="๒๕๖๙") + PROBLEMS),
           "เอกสารนี้เป็นแผน"),
          (_res("files/report66.pdf", "รายงานผลการดำเนินงานประจำปีงบประมาณ พ.ศ. ๒๕๖๖", ANNUAL_REPORT + PROBLEMS), "ไม่ใช่ปี")]),
    Case("O8", "รายงานการประเมินตนเอง (SAR)",
         _res("files/sar2568.pdf", "SAR ปีการศึกษา 2568", SAR.format(year="2568")),
         [(_res("files/sar2565.pdf", "SAR ปีการศึกษา 2565", SAR.format(year="๒๕๖๕")), "ไม่ใช่ปีการศึกษา 2568 หรือ 2567"),
          (_res("files/actionplan69.pdf", "แผนปฏิบัติการประจำปีงบประมาณ พ.ศ. ๒๕๖๙", "การประเมินตนเอง ปีการศึกษา 2568 " + ACTION_PLAN.format(prev="๒๕๖๘", year="๒๕๖๙")),
           "เอกสารนี้เป็นแผน")]),
    Case("O9", "ข่าวประชาสัมพันธ์",
         _res("news", "ข่าวประชาสัมพันธ์", NEWS),
         [(_res("news", "ข่าวประชาสัมพันธ์", OLD_NEWS), "ไม่พบรายการที่ลงวันที่ในปีงบประมาณ 2569")]),
    Case("O10", "ประกาศจัดซื้อจัดจ้าง",
         _res("procurement", "ประกาศจัดซื้อจัดจ้าง", ANNOUNCEMENTS.format(y1="๒๕๖๘", y2="๒๕๖๙")),
         [(_res("procurement", "ประกาศจัดซื้อจัดจ้าง", ANNOUNCEMENTS.format(y1="๒๕๖๖", y2="๒๕๖๗")), "ไม่ใช่ปี 2569")]),
    Case("O11", "รายงานผลการจัดซื้อจัดจ้างประจำปี",
         _res("files/proc68.pdf", "รายงานผลการจัดซื้อจัดจ้างประจำปีงบประมาณ พ.ศ. ๒๕๖๘", PROCUREMENT_REPORT),
         [(_res("files/skr-oct67.pdf", "สรุปผลการจัดซื้อจัดจ้าง เดือนตุลาคม 2567", MONTHLY_SUMMARY), "ข้อมูลการจัดซื้อจัดจ้างรายเดือน")]),
    Case("O12", "คู่มือการปฏิบัติงาน",
         _res("manuals", "คู่มือการปฏิบัติงาน", MANUALS),
         [(_res("manuals", "คู่มือการปฏิบัติงาน", "\n".join(MANUALS.splitlines()[:2])), "คู่มือของฝ่ายวิชาการ")]),
    Case("O13", "คู่มือการให้บริการ",
         _res("files/service-manual.pdf", "คู่มือการให้บริการ", SERVICE_MANUAL),
         [(_res("files/request-form.pdf", "แบบคำร้องขอใบรับรอง", REQUEST_FORM), "แบบฟอร์ม")]),
    Case("O14", "E-Service",
         _res("eservice", "E-Service", E_SERVICE, form=1),
         [(_res("eservice", "E-Service", DOWNLOAD_ONLY), "ไม่ใช่การให้บริการออนไลน์")]),
    Case("O15", "สถิติการให้บริการและความพึงพอใจ",
         _res("files/stat68.pdf", "สถิติการให้บริการและผลการสำรวจความพึงพอใจ", SERVICE_STATS.format(year="๒๕๖๘")),
         [(_res("files/stat68b.pdf", "สถิติการให้บริการและผลการสำรวจความพึงพอใจ", "\n".join(SERVICE_STATS.format(year="๒๕๖๘").splitlines()[:2])),
           "อย่างน้อย 3 กิจกรรม"),
          (_res("files/stat66.pdf", "สถิติการให้บริการและผลการสำรวจความพึงพอใจ", SERVICE_STATS.format(year="๒๕๖๖")), "ไม่ใช่ปี")]),
    Case("O16", "การบริหารและพัฒนาทรัพยากรบุคคล",
         _res("files/hr.pdf", "การบริหารและพัฒนาทรัพยากรบุคคล", HR + HR_REST),
         [(_res("files/hr.pdf", "การบริหารและพัฒนาทรัพยากรบุคคล", HR), "การเสริมสร้างขวัญกำลังใจ")]),
    Case("O17", "ประมวลจริยธรรมและการขับเคลื่อนจริยธรรม",
         _res("ethics", "ประมวลจริยธรรม", ETHICS.format(training="จัดอบรมเมื่อวันที่ ๒๐ ธันวาคม ๒๕๖๘ มีผู้เข้าร่วม 85 คน")),
         [(_res("ethics", "ประมวลจริยธรรม", ETHICS.format(training="ปีนี้ไม่ได้จัดอบรม เนื่องจากไม่ได้รับจัดสรรงบประมาณ")),
           "ไม่ได้ดำเนินการ"),
          (_res("ethics", "ประมวลจริยธรรม", ETHICS.format(training="").replace("๒๕๖๙", "๒๕๖๗")), "ไม่ใช่ปี 2569")]),
    Case("O18", "แนวปฏิบัติการจัดการเรื่องร้องเรียน",
         _res("files/complaint-guide.pdf", "คู่มือการจัดการเรื่องร้องเรียน", COMPLAINT_GUIDE + WITHIN),
         [(_res("files/complaint-guide.pdf", "คู่มือการจัดการเรื่องร้องเรียน", COMPLAINT_GUIDE), "ระยะเวลาดำเนินการ")]),
    Case("O19", "ข้อมูลสถิติเรื่องร้องเรียน",
         _res("files/cstat69.pdf", "ข้อมูลสถิติเรื่องร้องเรียน รอบ 6 เดือน ปีงบประมาณ พ.ศ. ๒๕๖๙ (1 ตุลาคม 2568 – 31 มีนาคม 2569)", COMPLAINT_STATS),
         [(_res("files/cstat68.pdf", "ข้อมูลสถิติเรื่องร้องเรียน ประจำปีงบประมาณ พ.ศ. ๒๕๖๘ (1 ตุลาคม 2567 – 30 กันยายน 2568)", COMPLAINT_STATS),
           "ไม่ใช่รอบ 6 เดือนที่ประเมิน")]),
    Case("O20", "ประกาศเจตนารมณ์นโยบาย No Gift Policy",
         _res("files/nogift69.pdf", "ประกาศนโยบาย No Gift Policy", NO_GIFT.format(signer=DIRECTOR)),
         [(_res("files/nogift69.pdf", "ประกาศนโยบาย No Gift Policy", NO_GIFT.format(signer=DEPUTY)), "ผู้ลงนาม: รองผู้อำนวยการ"),
          (_res("files/nogift68.pdf", "ประกาศนโยบาย No Gift Policy", NO_GIFT.format(signer=DIRECTOR).replace("๒๕๖๙", "๒๕๖๘").replace("๒๕๖๘\n(", "๒๕๖๗\n(")),
           "ไม่ใช่ปี 2569")]),
    Case("O21", "การประเมินความเสี่ยงการทุจริต",
         _res("files/risk69.pdf", "การประเมินความเสี่ยงการทุจริต", RISK),
         [(_res("files/ic69.pdf", "รายงานการประเมินผลการควบคุมภายใน", INTERNAL_CONTROL), "การประเมินผลการควบคุมภายใน ไม่ใช่ความเสี่ยงการทุจริต"),
          (_res("files/risk69b.pdf", "การประเมินความเสี่ยงการทุจริต", RISK + "\nสรุปผลการประเมิน ไม่พบความเสี่ยงการทุจริตในปีนี้"), "ไม่พบความเสี่ยง")]),
    Case("O22", "แผนปฏิบัติการป้องกันการทุจริต",
         _res("files/acplan69.pdf", "แผนปฏิบัติการป้องกันการทุจริต", ANTI_CORRUPTION_PLAN.format(year="๒๕๖๙")),
         [(_res("files/curriculum.pdf", "หลักสูตรต้านทุจริตศึกษา", CURRICULUM), "เป็นแผนปฏิบัติการป้องกันการทุจริต"),
          (_res("files/acplan68.pdf", "แผนปฏิบัติการป้องกันการทุจริต", ANTI_CORRUPTION_PLAN.format(year="๒๕๖๘")), "ไม่ใช่ปี 2569")]),
    Case("O23", "มาตรการส่งเสริมคุณธรรมและความโปร่งใส",
         _res("files/ita-order69.pdf", "คำสั่งแต่งตั้งคณะกรรมการ ITA", ITA_ORDER.format(year="๒๕๖๙", signed="๒๕๖๘")),
         [(_res("files/ita-order68.pdf", "คำสั่งแต่งตั้งคณะกรรมการ ITA", ITA_ORDER.format(year="๒๕๖๘", signed="๒๕๖๗")), "ไม่ใช่ปี 2569")]),
]  # fmt: skip


def test_cases_cover_every_item() -> None:
    assert [c.code for c in CASES] == [it.code for it in CAT.items]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.code)
def test_what_a_college_publishes_passes(case: Case) -> None:
    result = _judge_linked(case.code, case.good, case.label)
    assert result.status == "pass", (result.missing, result.notes)
    assert result.evidence[0].url == case.good.url


@pytest.mark.parametrize(
    ("code", "label", "res", "why"),
    [(c.code, c.label, res, why) for c in CASES for res, why in c.misses],
    ids=[f"{c.code}-{i}" for c in CASES for i in range(len(c.misses))],
)
def test_near_misses_do_not_pass_and_say_why(code: str, label: str, res: Resource, why: str) -> None:
    result = _judge_linked(code, res, label)
    assert result.status != "pass"
    assert why in " ".join(result.missing), result.missing


def test_sar_year_is_the_academic_year_written_either_way() -> None:
    """A SAR cover names only its ปีการศึกษา (no fiscal year, no date): it is judged by it, in Thai or Arabic digits."""
    for year in ("๒๕๖๗", "2568"):
        sar = _res(f"files/sar{year}.pdf", "SAR", SAR.format(year=year))
        assert _judge_linked("O8", sar, "รายงานการประเมินตนเอง").status == "pass", year


def test_no_complaints_is_a_statistic() -> None:
    stats = _res(
        "files/cstat69n.pdf",
        "ข้อมูลสถิติเรื่องร้องเรียน",
        "ข้อมูลสถิติเรื่องร้องเรียน รอบ 6 เดือน ปีงบประมาณ พ.ศ. ๒๕๖๙ (ตุลาคม ๒๕๖๘ – มีนาคม ๒๕๖๙)\nวิทยาลัยเทคนิคบ้านโป่ง ไม่มีเรื่องร้องเรียน",
    )
    assert _judge_linked("O19", stats, "ข้อมูลสถิติเรื่องร้องเรียน").status == "pass"


def test_no_gift_signed_by_the_acting_director_counts() -> None:
    ann = _res("files/nogift69.pdf", "ประกาศนโยบาย No Gift Policy", NO_GIFT.format(signer=ACTING))
    assert _judge_linked("O20", ann, "No Gift Policy").status == "pass"


def test_four_manuals_listed_on_one_page_pass_although_each_covers_one_division() -> None:
    """The college's manuals page links one PDF per division: the page is the evidence, not each PDF alone."""
    listing = _res("manuals", "คู่มือการปฏิบัติงาน", MANUALS)
    pdfs = [
        _res(
            f"files/manual{i}.pdf",
            f"คู่มือการปฏิบัติงาน{d}",
            f"คู่มือการปฏิบัติงาน{d} วิทยาลัยเทคนิคบ้านโป่ง\nขั้นตอนการปฏิบัติงาน 1. รับเรื่อง 2. ตรวจสอบ 3. เสนอผู้บริหาร",
        )
        for i, d in enumerate(DIVISIONS)
    ]
    links = [Link(HOME, listing.url, "คู่มือการปฏิบัติงาน")] + [Link(listing.url, p.url, "ดาวน์โหลด") for p in pdfs]
    result = _judge("O12", _site([listing, *pdfs], links))
    assert result.status == "pass" and result.evidence[0].url == listing.url
    one = _judge("O12", _site([pdfs[0]], [Link(HOME, pdfs[0].url, "คู่มือการปฏิบัติงาน")]))
    assert one.status != "pass" and "คู่มือของฝ่ายวิชาการ" in " ".join(one.missing)


def test_off_site_e_service_counts_but_a_facebook_page_is_no_contact_page() -> None:
    eservice = Link(HOME, "https://forms.gle/AbCdEf123", "E-Service ขอเอกสารทางการศึกษาออนไลน์", offsite=True)
    facebook = Link(HOME, "https://www.facebook.com/bptech", "ติดต่อเรา Facebook วิทยาลัยเทคนิคบ้านโป่ง", offsite=True)
    site = _site([], [eservice, facebook])
    assert _judge("O14", site).status == "pass"
    contact = _judge("O4", site)
    assert contact.status != "pass" and any("เว็บไซต์หลัก" in m for m in contact.missing)


def test_a_complete_college_site_passes_every_item_with_its_own_evidence() -> None:
    site = _site([c.good for c in CASES], [Link(HOME, c.good.url, c.label) for c in CASES])
    results = {r.code: r for r in evaluate_site(CAT, site, FY, "school")}
    assert {c.code: (results[c.code].status, results[c.code].evidence[0].url) for c in CASES} == {
        c.code: ("pass", c.good.url) for c in CASES
    }


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.code)
def test_no_item_passes_on_the_other_items_documents(case: Case) -> None:
    """Take one item's evidence away from the complete site: the item must not pass on a neighbour's document
    (the annual plan for the development plan, the SAR for the annual report, the HR rules for the ethics page)."""
    others = [c for c in CASES if c is not case]
    site = _site([c.good for c in others], [Link(HOME, c.good.url, c.label) for c in others])
    result = _judge(case.code, site)
    assert result.status != "pass", [e.url for e in result.evidence]


def test_sar_years_move_on_with_the_fiscal_year() -> None:
    """Carried to FY 2570 (no 2570 list yet), the last ended academic year is 2569 (or 2568 until its SAR is out)."""
    from checklist.catalog_years import choose_catalog

    choice = choose_catalog(2570, scheme="ovec")
    assert choice.carried and choice.catalog.assumed_from == "ovec-2569"
    site = lambda year: _site([_res("files/sar.pdf", "SAR", SAR.format(year=year))],  # noqa: E731
                              [Link(HOME, HOME + "files/sar.pdf", "รายงานการประเมินตนเอง")])  # fmt: skip
    verdict = lambda year: {r.code: r for r in evaluate_site(choice.catalog, site(year), 2570, "school")}["O8"]  # noqa: E731
    assert verdict("๒๕๖๙").status == "pass" and verdict("2568").status == "pass"
    assert verdict("2567").status != "pass"


def test_sar_year_survives_a_moved_sara_ue_and_the_cover_year_decides() -> None:
    moved = _res("files/sar67.pdf", "SAR", SAR.format(year="2567").replace("ปีการศึกษา", "ปีการศกึษา"))
    assert _judge_linked("O8", moved, "รายงานการประเมินตนเอง").status == "pass"
    old = _res("files/sar65.pdf", "SAR", SAR.format(year="2565") + "\nเป้าหมายปีการศึกษา 2567 ร้อยละ 80")
    assert _judge_linked("O8", old, "รายงานการประเมินตนเอง").status != "pass"  # a 2565 report, a 2567 target
