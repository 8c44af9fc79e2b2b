# ruff: noqa: E501  (long Thai prose and table rows read better unwrapped)
"""Pages that are not OIT evidence but make the site look real: news, tourism, OTOP, galleries, archives."""

from __future__ import annotations

from .content import Ctx, esc
from .model import Doc, Page
from .thai import date_th, fy_months, iso, td

_NEWS = [
    "ประชาสัมพันธ์การชำระภาษีที่ดินและสิ่งปลูกสร้าง ประจำปี {y}",
    "โครงการประเพณีลอยกระทง ประจำปี พ.ศ. {y0}",
    "กิจกรรมจิตอาสาพัฒนา ทำความสะอาดถนนและที่สาธารณะ",
    "ตั้งจุดบริการประชาชนช่วงเทศกาลปีใหม่ {y}",
    "ประชาสัมพันธ์รับสมัครเด็กเข้าศูนย์พัฒนาเด็กเล็ก ปีการศึกษา {y}",
    "การประชุมสภา สมัยสามัญ สมัยที่ 1 ประจำปี {y}",
    "ฉีดพ่นหมอกควันป้องกันโรคไข้เลือดออก",
    "มอบถุงยังชีพช่วยเหลือผู้ประสบอุทกภัย",
    "โครงการแข่งขันกีฬาต้านยาเสพติด ประจำปี {y}",
    "ประชาสัมพันธ์การลงทะเบียนเบี้ยยังชีพผู้สูงอายุ ปีงบประมาณ {y1}",
    "รณรงค์ลดการเผาในที่โล่ง ป้องกันหมอกควันและฝุ่นละออง PM 2.5",
    "โครงการวันเด็กแห่งชาติ ประจำปี {y}",
    "ประกาศรับสมัครบุคคลเพื่อสรรหาเป็นพนักงานจ้าง",
    "กิจกรรมวันท้องถิ่นไทย 18 มีนาคม {y}",
    "ประชาสัมพันธ์ช่องทางแจ้งเหตุสาธารณภัย โทร 199",
    "โครงการสงกรานต์ สืบสานประเพณี รดน้ำดำหัวผู้สูงอายุ {y}",
]


def news_pages(c: Ctx) -> list[Page]:
    months = fy_months(c.fy)[:8]
    pages = []
    for i, title in enumerate(_NEWS):
        m, y = months[min(i // 2, 7)]
        day = c.rng.randint(1, 28)
        text = title.format(y=c.fy, y0=c.fy - 1, y1=c.fy + 1)
        body = (f"<p>วันที่ {date_th(day, m, y, False)} {esc(c.name)} โดย{esc(c.org.head)} "
                f"{esc(c.who(c.org.head))} {esc(text)} ณ ตำบล{esc(c.spec.subdistrict)}</p>"
                f"<p><img src='{{img}}/gal{i % 12 + 1}.png' width='400' alt='ภาพข่าว'></p>")
        pages.append(Page(f"news-{i + 1}", text, body, "news", iso(day, m, y)))
    pages.sort(key=lambda p: p.date, reverse=True)
    return pages


def extra_pages(c: Ctx) -> list[Page]:
    s = c.spec
    villages = ["บ้าน" + v for v in ["หนองบัว", "โนนสูง", "ดอนแดง", "หนองแวง", "โคกกลาง", "นาดี", "ห้วยทราย", "ป่าหวาย"]]
    pages = [
        Page("history", "ประวัติความเป็นมา", f"<p>{esc(c.name)} ยกฐานะจากสภาตำบล{esc(s.subdistrict)} เมื่อปี พ.ศ. 2539 "
             "ตั้งอยู่ทางทิศตะวันออกของอำเภอ ประชาชนส่วนใหญ่ประกอบอาชีพเกษตรกรรม ทำนา ปลูกอ้อยและมันสำปะหลัง</p>", "about"),
        Page("vision", "วิสัยทัศน์/พันธกิจ", f"<p>วิสัยทัศน์: ตำบล{esc(s.subdistrict)}น่าอยู่ เศรษฐกิจพอเพียง ประชาชนมีคุณภาพชีวิตที่ดี</p>"
             "<ol><li>พัฒนาโครงสร้างพื้นฐาน</li><li>ส่งเสริมคุณภาพชีวิต</li><li>บริหารจัดการบ้านเมืองที่ดี</li></ol>", "about"),
        Page("general", "ข้อมูลพื้นฐาน", "<p>จำนวนหมู่บ้าน " + td(len(villages), False) + " หมู่บ้าน ได้แก่</p>"
             + c.table(["หมู่ที่", "ชื่อหมู่บ้าน", "ประชากร (คน)"],
                       [[i, v, c.rng.randint(300, 1200)] for i, v in enumerate(villages, 1)]), "about"),
    ]
    for div in c.org.divisions[:3]:
        role = next(r for r in c.org.people if r.endswith(div))
        pages.append(Page(f"staff-{len(pages)}", f"บุคลากร{div}",
                          f"<ul><li>{esc(c.who(role))} {esc(role)}</li><li>{esc(c.who(c.org.clerk))}"
                          f" (รักษาการ) เจ้าพนักงานธุรการ</li></ul>", "personnel"))
    for name in ["วัดป่าศรีสว่าง", "อ่างเก็บน้ำห้วยทราย", "ตลาดชุมชนเช้าวันอาทิตย์"]:
        pages.append(Page(f"tour-{len(pages)}", f"แหล่งท่องเที่ยว: {name}",
                          f"<p>{name} ตั้งอยู่ในเขตตำบล{esc(s.subdistrict)} เป็นสถานที่ท่องเที่ยวที่สำคัญ</p>"
                          f"<p><img src='{{img}}/gal{len(pages) % 12 + 1}.png' width='400' alt='{name}'></p>", "tourism"))
    for name in ["ผ้าไหมมัดหมี่", "ข้าวหอมมะลิอินทรีย์", "เครื่องจักสานไม้ไผ่"]:
        pages.append(Page(f"otop-{len(pages)}", f"ผลิตภัณฑ์ OTOP: {name}",
                          f"<p>{name} ผลิตภัณฑ์ชุมชนของกลุ่มแม่บ้านตำบล{esc(s.subdistrict)} ราคาเริ่มต้น "
                          f"{c.rng.randint(1, 9) * 50} บาท</p>", "tourism"))
    for i in range(4):
        pages.append(Page(f"gallery-{i + 1}", f"ภาพกิจกรรม ชุดที่ {i + 1}",
                          "".join(f"<img src='{{img}}/gal{(i * 3 + k) % 12 + 1}.png' width='250' alt='ภาพกิจกรรม'>"
                                  for k in range(3)), "news"))
    return pages


def archive_docs(c: Ctx) -> tuple[Page, list[Doc]]:
    """Budget bylaws of several years and older ITA documents (none of them is current evidence)."""
    docs = []
    for year in (c.fy, c.fy - 1, c.fy - 2):
        t = c.thai_digits()
        title = f"{c.org.bylaw}งบประมาณรายจ่ายประจำปีงบประมาณ พ.ศ. {year}"
        html = c.cover(title, c.name, t) + c.table(
            ["แผนงาน", "งบประมาณ (บาท)"],
            [[x, td(f"{c.rng.randint(10, 300) * 10000:,}", t)] for x in
             ["แผนงานบริหารงานทั่วไป", "แผนงานการศึกษา", "แผนงานสาธารณสุข", "แผนงานเคหะและชุมชน", "แผนงานงบกลาง"]])
        docs.append(c.doc(title, html, year, 15, 9, year - 1))
    old = c.fy - 2
    t = c.thai_digits()
    title = f"มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณ พ.ศ. {old}"
    docs.append(c.doc(title, c.cover(title, c.name, t) + c.paras(
        f"การวิเคราะห์ผลการประเมิน ITA ประจำปี {td(old - 1, t)} และมาตรการ (เอกสารปีเก่า)"), old, 10, 1, old))
    page = Page("budget-archive", "ข้อบัญญัติงบประมาณ/เอกสารย้อนหลัง",
                "<p>เอกสารงบประมาณและเอกสารเผยแพร่ย้อนหลัง</p>", "budget")
    return page, docs
