# ruff: noqa: E501  (long Thai prose and page templates read better unwrapped)
"""Hard cases of the crawl's early stop (``oit check`` without ``--full``), written from how real unit sites look.

The contract a user depends on: on realistic unit sites the item statuses of the default check equal those of
``oit check --full``. Each case is a small อบต./เทศบาล site (real-looking item pages in one template with the
address in the footer, an ITA page with a row per item) plus a news archive of 450–950 plain news pages, the
padding that makes the early stop trigger, with item evidence placed where an early stop could miss it:

* WordPress (``/?p=N``, a Thai-slug category paginated 1 … current±2 … last, the sitemap WordPress writes): the
  two six-month reports of the year posted as news in May, nine category pages down, PDFs ``doc_2567_03.pdf`` /
  "คลิกที่นี่"; the ITA page links O37 to the category and leaves O12 empty. The anchors of the posts name the
  items and the ITA page points at their category: the statuses must be equal.
* A PHP CMS whose lists are tables (plain title, the only link "รายละเอียด" to ``view.php?id=N``, ``?page=N``):
  the procurement plan of the year is one of the oldest rows of ข่าวประกาศ, the ITA page links last year's plan.
  No link on the way names it: equal statuses, or a miss the report discloses.
* A "ดาวน์โหลดเอกสาร" table paginated ``?page=N`` (bare file names as anchors) that the ITA page gives for O34
  and O36, their files on its last two pages: equal.
* The municipal CMS of a real อบต. site (``/public/list/data/detail/id/N/menu/M``) whose lists cut titles to 60
  characters, so the anchor of the risk assessment of the year stops before its subject, and whose procurement
  news (anchors "11 ธ.ค. 2566 ประกาศผู้ชนะการเสนอราคา …") is what O20 links: equal, or a disclosed miss.

A disclosed miss: every item that differs passes with ``--full`` only, and the default report's warnings say the
crawl settled. Every site is built in a temporary directory and served on 127.0.0.1 with no latency: unpaced for
``--full``, at ``DEFAULT_PACE`` responses a second for the default check (unpaced, a local server hands out the
whole archive before a judgement is back and nothing settles; a real unit server is slower still). Each case
takes about a minute on 2 cores. Nothing reaches the internet.
"""

from __future__ import annotations

import datetime as dt
import json
import random
from dataclasses import dataclass, field
from html import escape
from pathlib import Path
from urllib.parse import quote

import pytest

from sitegen.model import ITEM_NAMES
from sitegen.pdfdoc import render_pdf
from sitegen.serve import Pace, serve_directory
from sitegen.thai import MONTHS, MONTHS_SHORT
from tests.fixture_sites import placeholder_png
from tests.helpers import check_report

YEAR = 2567
#: The day the sites are "checked": inside the ITA window of FY 2567, when the year's news fills the archive.
TODAY = dt.date(2024, 6, 10)

# ───────────────────────────────────────── the unit and its pages ─────────────────────────────────────────


@dataclass
class Unit:
    name: str
    short: str
    kind: str  # "อบต." | "เทศบาล"
    subdistrict: str
    district: str
    province: str
    postcode: str
    phone: str
    fax: str
    email: str
    facebook: str

    @property
    def head(self) -> str:
        return "นายกเทศมนตรีตำบล" + self.subdistrict if self.kind == "เทศบาล" else "นายก" + self.name

    @property
    def clerk(self) -> str:
        return "ปลัดเทศบาล" if self.kind == "เทศบาล" else "ปลัด" + self.name

    @property
    def address(self) -> str:
        return f"เลขที่ 99 หมู่ที่ 4 ตำบล{self.subdistrict} อำเภอ{self.district} จังหวัด{self.province} {self.postcode}"


NAKHAM = Unit("องค์การบริหารส่วนตำบลนาคำ", "อบต.นาคำ", "อบต.", "นาคำ", "ศรีสงคราม", "นครพนม", "48150",
              "0-4259-1234", "0-4259-1235", "saraban@nakham.go.th", "https://www.facebook.com/nakham.sao")
NONGWAENG = Unit("เทศบาลตำบลหนองแวง", "ทต.หนองแวง", "เทศบาล", "หนองแวง", "เมืองขอนแก่น", "ขอนแก่น", "40000",
                 "0-4324-5678", "0-4324-5679", "saraban@nongwaeng.go.th", "https://www.facebook.com/nongwaeng.city")
BANLAO = Unit("เทศบาลตำบลบ้านเหล่า", "ทต.บ้านเหล่า", "เทศบาล", "บ้านเหล่า", "เมืองอุดรธานี", "อุดรธานี", "41000",
              "0-4221-4567", "0-4221-4568", "saraban@banlao.go.th", "https://www.facebook.com/banlao.city")
PHUTHONG = Unit("องค์การบริหารส่วนตำบลภูทอง", "อบต.ภูทอง", "อบต.", "ภูทอง", "ภูกระดึง", "เลย", "42180",
                "0-4203-9209", "0-4203-9210", "saraban@phuthong.go.th", "https://www.facebook.com/phuthong.sao")

PAGE = """<!DOCTYPE html>
<html lang="th">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title} – {name}</title></head>
<body>
<header><a href="/"><img src="/img/logo.png" alt="ตราสัญลักษณ์{name}" width="80"></a>
<strong>{name}</strong> <span>อำเภอ{district} จังหวัด{province}</span></header>
<nav><ul>{menu}</ul></nav>
<main><h1>{title}</h1>
{body}
</main>
<aside>{sidebar}</aside>
<footer><p><strong>{name}</strong><br>{address}<br>โทรศัพท์ {phone} โทรสาร {fax}<br>อีเมล {email}</p>
<p>เวลาทำการ วันจันทร์ - วันศุกร์ เวลา 08.30 - 16.30 น. (เว้นวันหยุดราชการ)</p>
<p>ติดตามเราได้ที่ <a href="{facebook}">Facebook {short}</a></p>
<p>Copyright © 2566 {name} All rights reserved.</p></footer>
</body></html>
"""


class UnitSite:
    """A unit's site written as files that :func:`sitegen.serve.serve_directory` serves: every HTML page inside
    one template (menu, sidebar, footer with the address), every URL (queries included) routed through
    ``routes.json``; an unknown query answers 404 as a PHP or WordPress site does."""

    def __init__(self, root: Path, unit: Unit, menu: list[tuple[str, str]]):
        self.root, self.unit = Path(root), unit
        self.menu = "".join(f'<li><a href="{href}">{escape(label)}</a></li>' for label, href in menu)
        self.sidebar = ""
        self.routes: dict[str, dict] = {}
        self.images: set[str] = {"/img/logo.png"}

    def page(self, url: str, title: str, body: str, sidebar: bool = True) -> str:
        file = f"_pages/{len(self.routes):05d}.html"
        u = self.unit
        text = PAGE.format(title=escape(title), body=body, menu=self.menu, sidebar=self.sidebar if sidebar else "",
                           name=u.name, short=u.short, district=u.district, province=u.province, address=u.address,
                           phone=u.phone, fax=u.fax, email=u.email, facebook=u.facebook)  # fmt: skip
        (self.root / file).parent.mkdir(parents=True, exist_ok=True)
        (self.root / file).write_text(text, encoding="utf-8")
        self.routes[url] = {"file": file}
        return url

    def pdf(self, url: str, title: str, html: str, day: dt.date, landscape: bool = False) -> str:
        render_pdf(html, self.root / url.lstrip("/"), title, day.strftime("%Y%m%d"), landscape=landscape)
        return url

    def image(self, url: str) -> str:
        self.images.add(url)
        return url

    def absolute(self, url: str, text: str) -> None:
        """A file the site writes with absolute URLs (``{base}``: scheme and host), see :func:`absolute_routes`."""
        folder = self.root / "_absolute"
        folder.mkdir(parents=True, exist_ok=True)
        index = json.loads((folder / "index.json").read_text(encoding="utf-8")) if (folder / "index.json").exists() else {}
        index[url] = f"{len(index)}.xml"
        (folder / index[url]).write_text(text, encoding="utf-8")
        (folder / "index.json").write_text(json.dumps(index), encoding="utf-8")

    def finish(self) -> None:
        for src in self.images:
            target = self.root / src.lstrip("/")
            target.parent.mkdir(parents=True, exist_ok=True)
            wide = "chart" in src or "gallery" in src
            target.write_bytes(placeholder_png(480 if wide else 120, 300 if wide else 150, src))
        data = {"routes": self.routes, "strict_query": True}
        (self.root / "routes.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def th_date(day: dt.date, short: bool = False) -> str:
    if short:
        return f"{day.day} {MONTHS_SHORT[day.month - 1]} {day.year + 543}"
    return f"{day.day} {MONTHS[day.month - 1]} {day.year + 543}"


BASIC_URLS = {"O1": "/about/structure/", "O2": "/about/executives/", "O3": "/about/authority/", "O5": "/contact/",
              "O10": "/privacy/"}


def basic_pages(site: UnitSite, urls: dict[str, str] | None = None) -> dict[str, str]:
    """The item pages every unit has (structure, executives, duties, contact, privacy) at ``urls`` (code → URL,
    ``BASIC_URLS`` by default): code → URL, with the unit's Facebook page for O9."""
    u, img = site.unit, site.image
    at = {**BASIC_URLS, **(urls or {})}
    deputy = "รองนายกเทศมนตรี" if u.kind == "เทศบาล" else "รองนายก" + u.name
    council = "ประธานสภาเทศบาล" if u.kind == "เทศบาล" else "ประธานสภา" + u.name
    office = "สำนักปลัดเทศบาล" if u.kind == "เทศบาล" else "สำนักปลัด"
    divisions = [office, "กองคลัง", "กองช่าง", "กองการศึกษา ศาสนาและวัฒนธรรม", "กองสวัสดิการสังคม"]
    site.page(at["O1"], "โครงสร้างส่วนราชการ",
              f"<p>โครงสร้างการบริหารงานของ{u.name} แบ่งออกเป็นฝ่ายการเมืองและฝ่ายประจำ ดังนี้</p>"
              f"<p><img src='{img('/img/orgchart.png')}' alt='แผนผังโครงสร้างองค์กร' width='600'></p>"
              f"<h3>ฝ่ายบริหาร (ฝ่ายการเมือง)</h3><ul><li>{u.head}</li><li>{deputy} คนที่ 1</li><li>{deputy} คนที่ 2</li>"
              f"<li>เลขานุการ{u.head}</li></ul><h3>ฝ่ายนิติบัญญัติ</h3><ul><li>{council}</li><li>รอง{council}</li>"
              f"<li>สมาชิกสภา{u.short} จำนวน 12 คน</li></ul><h3>ฝ่ายประจำ</h3><ul><li>{u.clerk}</li><li>รอง{u.clerk}</li>"
              + "".join(f"<li>{'หัวหน้า' if d.startswith('สำนัก') else 'ผู้อำนวยการ'}{d}</li>" for d in divisions)
              + "</ul><h3>ส่วนราชการภายใน</h3><ul>" + "".join(f"<li>{d}</li>" for d in divisions) + "</ul>")
    people = [(u.head, "นายสมชาย ศรีสุข", "081-234-5678"), (deputy + " คนที่ 1", "นายประเสริฐ บุญเรือง", "089-345-6789"),
              (deputy + " คนที่ 2", "นางสุภาพร แก้วมณี", "086-456-7890"), ("เลขานุการ" + u.head, "นายวิชัย ทองดี", "087-567-8901"),
              (council, "นายบุญมี สายสุวรรณ", "088-678-9012"), (u.clerk, "นางวนิดา พรหมมา", "081-789-0123"),
              ("รอง" + u.clerk, "นายธนากร จันทร์แก้ว", "089-890-1234")]
    cards = "".join(f"<div class='person'><img src='{img(f'/img/exec{i}.png')}' alt='{escape(who)}' width='120'>"
                    f"<p><b>{who}</b><br>{role}<br>โทร. {tel}</p></div>" for i, (role, who, tel) in enumerate(people, 1))
    site.page(at["O2"], "คณะผู้บริหาร", f"<p>คณะผู้บริหาร{u.name}</p><div class='people'>{cards}</div>")
    law = ("พระราชบัญญัติเทศบาล พ.ศ. 2496 และที่แก้ไขเพิ่มเติม มาตรา 50 และมาตรา 51" if u.kind == "เทศบาล" else
           "พระราชบัญญัติสภาตำบลและองค์การบริหารส่วนตำบล พ.ศ. 2537 และที่แก้ไขเพิ่มเติม มาตรา 66 มาตรา 67 และมาตรา 68")
    duties = ["จัดให้มีและบำรุงรักษาทางน้ำและทางบก", "รักษาความสะอาดของถนน ทางน้ำ ทางเดิน และที่สาธารณะ รวมทั้งกำจัดขยะมูลฝอย",
              "ป้องกันโรคและระงับโรคติดต่อ", "ป้องกันและบรรเทาสาธารณภัย", "ส่งเสริมการศึกษา ศาสนา และวัฒนธรรม",
              "ส่งเสริมการพัฒนาสตรี เด็ก เยาวชน ผู้สูงอายุ และผู้พิการ"]
    site.page(at["O3"], "อำนาจหน้าที่",
              f"<p>{u.name} มีอำนาจหน้าที่ในการพัฒนาตำบลทั้งในด้านเศรษฐกิจ สังคม และวัฒนธรรม ตาม{law} "
              "และพระราชบัญญัติกำหนดแผนและขั้นตอนการกระจายอำนาจให้แก่องค์กรปกครองส่วนท้องถิ่น พ.ศ. 2542 มาตรา 16 ดังนี้</p><ol>"
              + "".join(f"<li>{d}</li>" for d in duties) + "</ol>")
    site.page(at["O5"], "ติดต่อเรา",
              f"<h3>{u.name}</h3><p>ที่ทำการ {u.address}</p><p>โทรศัพท์ {u.phone} โทรสาร {u.fax}</p><p>อีเมล: {u.email}</p>"
              "<h3>แผนที่ตั้งสำนักงาน</h3><iframe src='https://www.google.com/maps/embed?pb=!1m18!1m12!1m3!1d3830.1"
              "!2d103.74512!3d17.63021!2m3!1f0!2f0!3f0!3m2!1i1024!2i768!4f13.1!5e0!3m2!1sth!2sth' width='600' "
              "height='450' style='border:0;' allowfullscreen='' loading='lazy'></iframe>")
    site.page(at["O10"], "นโยบายคุ้มครองข้อมูลส่วนบุคคล",
              f"<p>{u.name} ให้ความสำคัญกับการคุ้มครองข้อมูลส่วนบุคคลของผู้ใช้บริการ ตามพระราชบัญญัติคุ้มครองข้อมูลส่วนบุคคล "
              "พ.ศ. 2562 หน่วยงานจะเก็บรวบรวม ใช้ หรือเปิดเผยข้อมูลส่วนบุคคลเท่าที่จำเป็นตามวัตถุประสงค์ที่แจ้งไว้</p>"
              "<p>เจ้าของข้อมูลส่วนบุคคลมีสิทธิขอเข้าถึง ขอแก้ไข หรือขอลบข้อมูลส่วนบุคคลของตนได้ที่สำนักปลัด</p>")
    return {**at, "O9": u.facebook}


def ita_page(site: UnitSite, url: str, links: dict[str, str], note: str = "") -> str:
    """The unit's ITA page of the year: a row for each of the 43 items, its link or an empty "#"."""
    rows = []
    for code, name in ITEM_NAMES.items():
        href = links.get(code, "#")
        rows.append(f"<tr><td>{code}</td><td>{escape(name)}</td><td><a href='{escape(href)}'>คลิกที่นี่</a></td></tr>")
    title = f"การประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ (ITA) ประจำปีงบประมาณ พ.ศ. {YEAR}"
    body = (f"<p>{site.unit.name} เปิดเผยข้อมูลสาธารณะ (OIT) ประจำปีงบประมาณ พ.ศ. {YEAR} ตามแบบวัด ดังนี้ {note}</p>"
            "<table><tr><th>ข้อ</th><th>ข้อมูล</th><th>ลิงก์</th></tr>" + "".join(rows) + "</table>")
    return site.page(url, title, body)


# ───────────────────────────────────────── documents of the items ─────────────────────────────────────────


def announcement(unit: Unit, subject: str, paras: list[str], day: dt.date, extra: str = "") -> str:
    """An official ประกาศ with subject, body, date line and the signature of the head of the unit."""
    body = "".join(f"<p>&nbsp;&nbsp;&nbsp;&nbsp;{p}</p>" for p in paras)
    return (f"<h1>ประกาศ{unit.name}</h1><p class='c'>เรื่อง {subject}</p><p class='c'>**********************</p>"
            f"{body}{extra}<p>&nbsp;&nbsp;&nbsp;&nbsp;จึงประกาศให้ทราบโดยทั่วกัน</p>"
            f"<p class='c'>ประกาศ ณ วันที่ {th_date(day)}</p>"
            f"<p class='c'><br>(ลงชื่อ) ..............................<br>(นายสมชาย ศรีสุข)<br>{unit.head}</p>")


def no_gift_pdf(site: UnitSite, url: str, year: int) -> str:
    u, day = site.unit, dt.date(year - 544, 10, 2)
    subject = f"เจตนารมณ์ไม่รับของขวัญและของกำนัลทุกชนิดจากการปฏิบัติหน้าที่ (No Gift Policy) ประจำปีงบประมาณ พ.ศ. {year}"
    html = announcement(u, subject, [
        f"เพื่อให้การปฏิบัติงานของ{u.name}เป็นไปด้วยความโปร่งใส ตามแนวทางของสำนักงาน ป.ป.ช. และนโยบายของรัฐบาลในการป้องกันการทุจริต",
        f"ข้าพเจ้า นายสมชาย ศรีสุข {u.head} พร้อมด้วยคณะผู้บริหาร สมาชิกสภา พนักงานและพนักงานจ้าง "
        "ขอประกาศเจตนารมณ์ว่าจะไม่รับของขวัญและของกำนัลทุกชนิดจากการปฏิบัติหน้าที่ (No Gift Policy)"], day)
    return site.pdf(url, f"ประกาศเจตนารมณ์ No Gift Policy ประจำปี {year}", html, day)


def anti_corruption_plan_pdf(site: UnitSite, url: str) -> str:
    u, start = site.unit, YEAR - 1
    title = f"แผนปฏิบัติการป้องกันการทุจริต 4 ปี (พ.ศ. {start} - {start + 3})"
    rows = "".join(f"<tr><td>{p}</td><td>{b:,}</td><td>{start + 1}</td></tr>" for p, b in [
        ("โครงการอบรมคุณธรรมจริยธรรมแก่ผู้บริหาร สมาชิกสภา และพนักงาน", 30000), ("มาตรการป้องกันผลประโยชน์ทับซ้อน", 0),
        ("กิจกรรมเผยแพร่ข้อมูลข่าวสารด้านการจัดซื้อจัดจ้าง", 10000), ("มาตรการจัดการเรื่องร้องเรียนการทุจริต", 5000)])
    html = (f"<h1>{title}</h1><p class='c'>{u.name}</p><p class='c'><br>สำนักปลัด<br>{u.name}<br>อำเภอ{u.district} "
            f"จังหวัด{u.province}</p><table><tr><th>โครงการ/กิจกรรม/มาตรการ</th><th>งบประมาณ (บาท)</th>"
            f"<th>ปีที่ดำเนินการ</th></tr>{rows}</table>")
    return site.pdf(url, title, html, dt.date(2023, 9, 30))


GOODS = [("จัดซื้อวัสดุสำนักงาน", 18500), ("จัดซื้อน้ำมันเชื้อเพลิง", 25000), ("จ้างซ่อมแซมรถบรรทุกน้ำ", 32000),
         ("จัดซื้ออาหารเสริม (นม) โรงเรียน", 98000), ("จ้างเหมาจัดทำป้ายประชาสัมพันธ์", 4500),
         ("จัดซื้อวัสดุก่อสร้าง", 45600), ("จ้างก่อสร้างถนน คสล. หมู่ที่ 7", 485000), ("จัดซื้อวัสดุคอมพิวเตอร์", 12900)]


def procurement_plan_pdf(site: UnitSite, url: str, year: int) -> str:
    u, day = site.unit, dt.date(year - 544, 11, 5)
    rows = "".join(f"<tr><td>{i}</td><td>{g}</td><td>{b:,}</td><td>{MONTHS[(i + 9) % 12]}</td></tr>"
                   for i, (g, b) in enumerate(GOODS, 1))
    table = (f"<table><tr><th>ลำดับ</th><th>รายการ</th><th>วงเงินงบประมาณ (บาท)</th><th>คาดว่าจะประกาศจัดซื้อจัดจ้าง</th></tr>"
             f"{rows}</table>")
    subject = f"เผยแพร่แผนการจัดซื้อจัดจ้าง ประจำปีงบประมาณ พ.ศ. {year}"
    html = announcement(u, subject, [
        "ตามพระราชบัญญัติการจัดซื้อจัดจ้างและการบริหารพัสดุภาครัฐ พ.ศ. 2560 มาตรา 11 กำหนดให้หน่วยงานของรัฐจัดทำแผนการ"
        "จัดซื้อจัดจ้างประจำปี และประกาศเผยแพร่ในระบบเครือข่ายสารสนเทศของกรมบัญชีกลางและของหน่วยงานของรัฐ",
        f"{u.name} จึงขอประกาศเผยแพร่แผนการจัดซื้อจัดจ้าง ประจำปีงบประมาณ พ.ศ. {year} ตามเอกสารแนบท้ายประกาศนี้"],
        day, extra=table)
    return site.pdf(url, f"ประกาศเผยแพร่แผนการจัดซื้อจัดจ้าง ประจำปีงบประมาณ พ.ศ. {year}", html, day)


RISKS = [("การเรียกรับผลประโยชน์ในการพิจารณาอนุญาตก่อสร้างอาคาร", "กองช่าง", 3, 4),
         ("ผลประโยชน์ทับซ้อนในการจัดซื้อจัดจ้าง เจ้าหน้าที่มีความสัมพันธ์กับผู้เสนอราคา", "กองคลัง", 3, 5),
         ("การรับสินบนเพื่อลดหย่อนการประเมินภาษีที่ดินและสิ่งปลูกสร้าง", "กองคลัง", 2, 4),
         ("การใช้ทรัพย์สินของทางราชการเพื่อประโยชน์ส่วนตน", "สำนักปลัด", 2, 2)]


def risk_assessment_pdf(site: UnitSite, url: str, year: int) -> str:
    u = site.unit
    title = f"รายงานการประเมินความเสี่ยงการทุจริตและประพฤติมิชอบ ประจำปีงบประมาณ พ.ศ. {year}"
    rows = "".join(
        f"<tr><td>{i}</td><td>{e}</td><td>{unit}</td><td>{c}</td><td>{m}</td><td>{c * m}</td>"
        f"<td>{'สูง' if c * m >= 12 else 'ปานกลาง' if c * m >= 6 else 'ต่ำ'}</td>"
        "<td>กำหนดขั้นตอนและระยะเวลาให้ชัดเจน เผยแพร่ขั้นตอนต่อสาธารณะ ให้เจ้าหน้าที่ลงนามไม่มีส่วนได้เสีย</td></tr>"
        for i, (e, unit, c, m) in enumerate(RISKS, 1))
    html = (f"<h1>{title}</h1><p class='c'>{u.name}</p>"
            "<p>การประเมินใช้เกณฑ์ระดับความเสี่ยง = โอกาส (1-5) × ผลกระทบ (1-5): 12-25 สูง, 6-11 ปานกลาง, 1-5 ต่ำ</p>"
            "<table><tr><th>ที่</th><th>เหตุการณ์ความเสี่ยงการทุจริต</th><th>หน่วยงาน</th><th>โอกาส</th><th>ผลกระทบ</th>"
            f"<th>คะแนน</th><th>ระดับความเสี่ยง</th><th>มาตรการป้องกันความเสี่ยง</th></tr>{rows}</table>")
    return site.pdf(url, title, html, dt.date(year - 544, 11, 20), landscape=True)


# ───────────────────────────────────────── the news archive (padding) ─────────────────────────────────────────

TITLES = ["โครงการประเพณีลอยกระทง ประจำปี พ.ศ.{y}", "กิจกรรมวันเด็กแห่งชาติ ประจำปี {y}",
          "ประชาสัมพันธ์การชำระภาษีที่ดินและสิ่งปลูกสร้าง ประจำปี {y}", "ร่วมพิธีวางพวงมาลา เนื่องในวันปิยมหาราช",
          "ออกหน่วยบริการประชาชนเคลื่อนที่ หมู่ที่ {n}", "กิจกรรมจิตอาสาพัฒนา ทำความสะอาดถนนสาธารณะ หมู่ที่ {n}",
          "ฉีดพ่นหมอกควันกำจัดยุงลาย ป้องกันไข้เลือดออก หมู่ที่ {n}", "มอบถุงยังชีพช่วยเหลือผู้ประสบอุทกภัย หมู่ที่ {n}",
          "ซ่อมแซมไฟฟ้าส่องสว่างสาธารณะ หมู่ที่ {n}", "โครงการส่งเสริมกีฬาและนันทนาการ ประจำปี {y}",
          "ประชาสัมพันธ์รับสมัครเด็กเล็กเข้าศูนย์พัฒนาเด็กเล็ก", "กิจกรรมคัดแยกขยะในชุมชน หมู่ที่ {n}",
          "ตรวจวัดความดันโลหิตผู้สูงอายุ ชมรมผู้สูงอายุตำบล", "ประชาสัมพันธ์การลงทะเบียนรับเงินเบี้ยยังชีพผู้สูงอายุ",
          "ซ่อมแซมถนนลูกรังเพื่อการเกษตร หมู่ที่ {n}", "แจกจ่ายน้ำอุปโภคบริโภคช่วยเหลือภัยแล้ง หมู่ที่ {n}",
          "ร่วมงานบุญประเพณีบุญบั้งไฟ บ้านหนองบัว หมู่ที่ {n}", "อบรมให้ความรู้การป้องกันอัคคีภัยในชุมชน",
          "ขุดลอกรางระบายน้ำ ป้องกันน้ำท่วมขัง หมู่ที่ {n}", "ตัดแต่งกิ่งไม้ริมทางสาธารณะ หมู่ที่ {n}",
          "กิจกรรมปลูกต้นไม้เฉลิมพระเกียรติ", "ฉีดวัคซีนป้องกันโรคพิษสุนัขบ้า หมู่ที่ {n}",
          "มอบเบี้ยยังชีพคนพิการ ประจำเดือน", "ต้อนรับคณะศึกษาดูงานจากต่างจังหวัด"]  # fmt: skip
FILLER = ("วันนี้ {unit} นำโดยคณะผู้บริหาร พนักงาน และผู้นำชุมชน ได้ร่วมกันดำเนินกิจกรรมดังกล่าว เพื่อประโยชน์สุขของประชาชน"
          "ในพื้นที่ตำบล ซึ่งได้รับความร่วมมือจากประชาชนเป็นอย่างดี ทั้งนี้ หากประชาชนท่านใดต้องการความช่วยเหลือหรือมีข้อสงสัย "
          "สามารถติดต่อได้ที่สำนักงานในวันและเวลาราชการ หรือทางโทรศัพท์ตามที่อยู่ด้านล่าง")


@dataclass
class Post:
    """A news post: its date, title, HTML body (the filler when empty) and attachments (href, anchor)."""

    day: dt.date
    title: str
    body: str = ""
    files: list[tuple[str, str]] = field(default_factory=list)
    id: int = 0
    url: str = ""


def padding_posts(count: int, newest: dt.date, per_day: float, seed: int) -> list[Post]:
    """``count`` plain news posts, ``per_day`` a day from ``newest`` back (a busy unit posts every day)."""
    rng = random.Random(seed)
    posts = []
    for i in range(count):
        day = newest - dt.timedelta(days=int(i / per_day))
        title = rng.choice(TITLES).format(y=day.year + 543 + (day.month >= 10), n=rng.randint(1, 14))
        posts.append(Post(day, title))
    return posts


def post_body(site: UnitSite, post: Post) -> str:
    body = post.body or (f"<p>{FILLER.format(unit=site.unit.name)}</p>"
                         f"<p><img src='{site.image('/img/gallery-news.png')}' width='480' alt='ภาพกิจกรรม'></p>")
    files = "".join(f"<p>ไฟล์แนบ: <a href='{href}'>{escape(anchor)}</a></p>" for href, anchor in post.files)
    return f"<p class='meta'>โพสต์เมื่อ {th_date(post.day)} โดย admin</p>{body}{files}"


def write_posts(site: UnitSite, posts: list[Post], url: str = "/?p={id}", nav: bool = False) -> None:
    """The posts' pages at ``url``; ``nav``: with the links to the previous and next post, titled (WordPress)."""
    for post in posts:
        post.url = url.format(id=post.id)
    for n, post in enumerate(posts):
        near = [p for p in (posts[n - 1] if n else None, posts[n + 1] if n + 1 < len(posts) else None) if p and nav]
        links = " | ".join(f"<a href='{p.url}'>{'« ' if p.day >= post.day else ''}{escape(p.title)}"
                         f"{' »' if p.day < post.day else ''}</a>" for p in near)  # fmt: skip
        site.page(post.url, post.title, post_body(site, post) + (f"<p class='post-nav'>{links}</p>" if links else ""))


def wp_pagination(base: str, page: int, pages: int) -> str:
    """WordPress's paginate_links: 1 … current±2 … last, with ก่อนหน้า/ถัดไป."""

    def href(n: int) -> str:
        return base if n == 1 else f"{base}page/{n}/"

    shown = sorted({1, pages, *range(max(1, page - 2), min(pages, page + 2) + 1)})
    out, last = [], 0
    if page > 1:
        out.append(f"<a class='prev' href='{href(page - 1)}'>« ก่อนหน้า</a>")
    for n in shown:
        if n - last > 1:
            out.append("<span>…</span>")
        out.append(f"<span class='current'>{n}</span>" if n == page else f"<a href='{href(n)}'>{n}</a>")
        last = n
    if page < pages:
        out.append(f"<a class='next' href='{href(page + 1)}'>ถัดไป »</a>")
    return "<nav class='pagination'>" + " ".join(out) + "</nav>"


def wp_listing(site: UnitSite, base: str, title: str, posts: list[Post], per_page: int = 10) -> None:
    """A WordPress archive (category or month): title links, excerpt, "อ่านต่อ", paginated /page/N/."""
    pages = max(1, -(-len(posts) // per_page))
    for page in range(1, pages + 1):
        entries = "".join(
            f"<article><h2><a href='{p.url}'>{escape(p.title)}</a></h2><div class='date'>{th_date(p.day)}</div>"
            f"<p>{escape(FILLER.format(unit=site.unit.short)[:120])}…</p><a class='more' href='{p.url}'>อ่านต่อ »</a></article>"
            for p in posts[(page - 1) * per_page: page * per_page])
        site.page(base if page == 1 else f"{base}page/{page}/", title + (f" – หน้า {page}" if page > 1 else ""),
                  entries + wp_pagination(base, page, pages))


def table_list(site: UnitSite, url: str, title: str, posts: list[Post], per_page: int = 10, detail: str = "รายละเอียด",
               width: int = 0) -> None:
    """A PHP CMS list as Thai units run them: a table (ลำดับ | เรื่อง | วันที่ | link), every page number shown.
    ``width``: titles cut to this many characters with "..." (0: the whole title, as plain text)."""
    pages = max(1, -(-len(posts) // per_page))
    sep = "&" if "?" in url else "?"
    for page in range(1, pages + 1):
        rows = []
        for n, p in enumerate(posts[(page - 1) * per_page: page * per_page], (page - 1) * per_page + 1):
            if width:
                cut = p.title if len(p.title) <= width else p.title[:width] + "..."
                rows.append(f"<tr><td>{n}</td><td><a href='{p.url}'>{escape(cut)}</a></td><td>{th_date(p.day, True)}</td></tr>")
            else:
                rows.append(f"<tr><td>{n}</td><td>{escape(p.title)}</td><td>{th_date(p.day, True)}</td>"
                            f"<td><a href='{p.url}'>{detail}</a></td></tr>")
        numbers = " ".join(f"<b>{n}</b>" if n == page else f"<a href='{url}{sep}page={n}'>{n}</a>"
                           for n in range(1, pages + 1))
        head = "<tr><th>ลำดับ</th><th>เรื่อง</th><th>วันที่</th>" + ("" if width else "<th></th>") + "</tr>"
        site.page(url if page == 1 else f"{url}{sep}page={page}", title,
                  f"<table>{head}{''.join(rows)}</table><p class='pages'>หน้า: {numbers}</p>")


def home_page(site: UnitSite, posts: list[Post], more: str, extra: str = "") -> None:
    latest = "".join(f"<li><a href='{p.url}'>{escape(p.title)}</a> <small>{th_date(p.day, True)}</small> "
                     f"<a href='{p.url}'>อ่านต่อ</a></li>" for p in posts[:10])
    site.page("/", "หน้าแรก", f"<h2>ข่าวประชาสัมพันธ์</h2><ul>{latest}</ul><p><a href='{more}'>ดูทั้งหมด</a></p>{extra}")


# ───────────────────────────────────────── checking twice ─────────────────────────────────────────

def absolute_routes(site_dir: Path) -> dict:
    """Routes of the files a site writes with absolute URLs (``_absolute/<name>`` holds ``{base}``, e.g. the
    sitemaps a WordPress site generates): served with the base URL the request came to."""

    def route(text: str, ctype: str):
        def answer(handler) -> None:
            body = text.replace("{base}", f"http://{handler.headers['Host']}").encode("utf-8")
            handler.send_response(200)
            handler.send_header("Content-Type", ctype)
            handler.send_header("Content-Length", str(len(body)))
            handler.end_headers()
            handler.wfile.write(body)

        return answer

    folder = site_dir / "_absolute"
    files = json.loads((folder / "index.json").read_text(encoding="utf-8")) if folder.is_dir() else {}
    return {url: route((folder / name).read_text(encoding="utf-8"), "application/xml") for url, name in files.items()}


#: Responses a second of the server for the default check: a fast unit server (real ones answer slower). Unpaced,
#: a local server hands out the whole archive before a judgement (a few seconds) is back, and nothing settles.
DEFAULT_PACE = 20


def check_both(site_dir: Path, work: Path) -> tuple[dict, dict]:
    """``oit check`` of the served site with the default (early stop; the server answering ``DEFAULT_PACE``
    times a second, no latency) and with ``--full`` (unpaced), into separate stores."""
    routes = absolute_routes(site_dir)
    with serve_directory(site_dir, routes=routes, pace=Pace(latency=0.0, per_second=DEFAULT_PACE)) as url:
        default = check_report(url, work / "default", "default", year=str(YEAR))
    with serve_directory(site_dir, routes=routes) as url:
        full = check_report(url, work / "full", "full", "--full", year=str(YEAR))
    return default, full


def statuses(report: dict) -> dict[str, str]:
    return {it["code"]: it["status"] for it in report["items"]}


def settled(report: dict) -> bool:
    return any("settled" in w for w in report["warnings"])


def explain(default: dict, full: dict, codes: tuple[str, ...]) -> str:
    a, b = statuses(default), statuses(full)
    diff = {c: (a.get(c), b.get(c)) for c in sorted(set(a) | set(b)) if a.get(c) != b.get(c)}
    return (f"differing (default, --full): {diff}; watched: {({c: (a.get(c), b.get(c)) for c in codes})}; "
            f"default settled: {settled(default)}; fetched default/full: {default['stats'].get('pages')}+"
            f"{default['stats'].get('documents')} / {full['stats'].get('pages')}+{full['stats'].get('documents')}")


def assert_same_statuses(default: dict, full: dict, codes: tuple[str, ...]) -> None:
    """The contract: every item has the status --full gives it; ``codes`` (the placed evidences) pass with --full."""
    assert all(statuses(full)[c] == "pass" for c in codes), "the case is void: " + explain(default, full, codes)
    assert statuses(default) == statuses(full), explain(default, full, codes)


def assert_same_or_disclosed_miss(default: dict, full: dict, codes: tuple[str, ...]) -> None:
    """Where the evidence hangs only on links with no hint at all: equal statuses, or a miss the report discloses —
    every item that differs passes only with --full (the default never claims more than --full), and the default
    report's warnings say the crawl settled."""
    assert all(statuses(full)[c] == "pass" for c in codes), "the case is void: " + explain(default, full, codes)
    a, b = statuses(default), statuses(full)
    differing = [c for c in b if a.get(c) != b[c]]
    if not differing:
        return
    assert all(b[c] == "pass" and a.get(c) != "pass" for c in differing), explain(default, full, codes)
    assert settled(default), "a miss the default report does not disclose: " + explain(default, full, codes)


# ───────────────────────────────────────── more documents ─────────────────────────────────────────


def six_month_report_pdf(site: UnitSite, url: str) -> str:
    u = site.unit
    title = f"รายงานการกำกับติดตามการดำเนินงานและการใช้จ่ายงบประมาณ ประจำปีงบประมาณ พ.ศ. {YEAR} รอบ 6 เดือน"
    rows = "".join(f"<tr><td>{p}</td><td>{b:,}</td><td>{int(b * 0.55):,}</td><td>{st}</td></tr>" for p, b, st in [
        ("โครงการก่อสร้างถนนคอนกรีตเสริมเหล็ก หมู่ที่ 3", 450000, "ดำเนินการแล้วเสร็จ"),
        ("โครงการแข่งขันกีฬาต้านยาเสพติด", 80000, "ดำเนินการแล้วเสร็จ"), ("โครงการอาหารกลางวันศูนย์พัฒนาเด็กเล็ก", 320000,
        "อยู่ระหว่างดำเนินการ"), ("โครงการฝึกอบรมอาชีพกลุ่มสตรี", 40000, "ยังไม่ดำเนินการ")])
    html = (f"<h1>{title}</h1><p class='c'>(ตุลาคม {YEAR - 1} – มีนาคม {YEAR})</p><p class='c'>กองยุทธศาสตร์และงบประมาณ<br>{u.name}</p>"
            f"<p>ผลการดำเนินงานและการใช้จ่ายงบประมาณ ในรอบ 6 เดือน ระหว่างเดือนตุลาคม {YEAR - 1} – มีนาคม {YEAR} "
            f"(ต.ค. {str(YEAR - 1)[-2:]} – มี.ค. {str(YEAR)[-2:]}) มีรายละเอียดดังนี้</p><table><tr><th>โครงการ</th>"
            f"<th>งบประมาณตามแผน</th><th>เบิกจ่ายแล้ว</th><th>สถานะ</th></tr>{rows}</table>"
            "<p>ปัญหา อุปสรรค: การเบิกจ่ายงบลงทุนล่าช้าเนื่องจากอยู่ระหว่างขั้นตอนการจัดซื้อจัดจ้าง</p>")
    return site.pdf(url, title, html, dt.date(2024, 4, 20))


def anti_corruption_six_month_pdf(site: UnitSite, url: str) -> str:
    u = site.unit
    title = f"รายงานการกำกับติดตามการดำเนินการป้องกันการทุจริต ประจำปีงบประมาณ พ.ศ. {YEAR} รอบ 6 เดือน"
    rows = "".join(f"<tr><td>{p}</td><td>{r}</td></tr>" for p, r in [
        ("โครงการอบรมคุณธรรมจริยธรรม", "ดำเนินการแล้ว"), ("มาตรการป้องกันผลประโยชน์ทับซ้อน", "ดำเนินการแล้ว"),
        ("กิจกรรมเผยแพร่ข้อมูลการจัดซื้อจัดจ้าง", "อยู่ระหว่างดำเนินการ")])
    html = (f"<h1>{title}</h1><p class='c'>(ตุลาคม {YEAR - 1} – มีนาคม {YEAR})</p><p class='c'>สำนักปลัด<br>{u.name}</p>"
            f"<table><tr><th>โครงการ/กิจกรรม</th><th>ผลการดำเนินงาน</th></tr>{rows}</table>")
    return site.pdf(url, title, html, dt.date(2024, 4, 22))


def insert_at(posts: list[Post], index: int, post: Post) -> Post:
    """Put ``post`` at ``index`` of the archive (newest first), dated as the post it pushes down."""
    post.day = posts[index].day
    posts.insert(index, post)
    return post


def number(posts: list[Post], first_id: int = 3100) -> list[Post]:
    """Post ids as a CMS gives them: growing with the date (the newest has the largest), with gaps."""
    for n, post in enumerate(reversed(posts)):
        post.id = first_id + n * 3 + (n % 3)
    return posts


# ───────────────────────────────────────── the cases ─────────────────────────────────────────


def build_wordpress(root: Path) -> tuple[str, ...]:
    """เทศบาลตำบลหนองแวง on WordPress: ~950 news posts (``/?p=N``, three a day), the category
    ``/category/ข่าวประชาสัมพันธ์/`` paginated as WordPress does (1 … current±2 … last), the sitemap WordPress
    writes (``/sitemap.xml``: every post, oldest first). The two six-month reports of the year were posted as news
    in May 2567, on the category's page 9, each with its PDF attached (the bare file name ``doc_2567_03.pdf``,
    "คลิกที่นี่" on a scanner's ``scan0012.pdf``). The ITA page links O37 to the news category ("ดูที่ข่าว
    ประชาสัมพันธ์") and leaves O12 empty. Page 9 is five pagination links from the category; in the sitemap the
    posts are among the last."""
    category = quote("/category/ข่าวประชาสัมพันธ์/")
    site = UnitSite(root, NONGWAENG, [("หน้าแรก", "/"), ("โครงสร้าง", "/about/structure/"),
                                      ("ผู้บริหาร", "/about/executives/"), ("อำนาจหน้าที่", "/about/authority/"),
                                      ("ข่าวประชาสัมพันธ์", category), ("ITA", "/ita-2567/"), ("ติดต่อเรา", "/contact/"),
                                      ("นโยบายคุ้มครองข้อมูลส่วนบุคคล", "/privacy/")])  # fmt: skip
    links = basic_pages(site)
    posts = padding_posts(700, TODAY, 3, seed=11)
    six = insert_at(posts, 83, Post(TODAY, f"รายงานการกำกับติดตามการดำเนินงานและการใช้จ่ายงบประมาณ ประจำปี พ.ศ. {YEAR} รอบ 6 เดือน",
                                    "<p>เผยแพร่รายงานการกำกับติดตามการดำเนินงานและการใช้จ่ายงบประมาณ รอบ 6 เดือน "
                                    f"(ตุลาคม {YEAR - 1} – มีนาคม {YEAR}) รายละเอียดตามเอกสารแนบ</p>",
                                    [("/wp-content/uploads/2024/05/scan0012.pdf", "คลิกที่นี่")]))
    anti = insert_at(posts, 86, Post(TODAY, f"รายงานการกำกับติดตามการดำเนินการป้องกันการทุจริตประจำปี รอบ 6 เดือน ปีงบประมาณ {YEAR}",
                                     "<p>เผยแพร่รายงานการกำกับติดตามการดำเนินการป้องกันการทุจริต ประจำปีงบประมาณ "
                                     f"พ.ศ. {YEAR} รอบ 6 เดือน รายละเอียดตามไฟล์แนบ</p>",
                                     [("/wp-content/uploads/2024/05/doc_2567_03.pdf", "doc_2567_03.pdf")]))
    six_month_report_pdf(site, "/wp-content/uploads/2024/05/scan0012.pdf")
    anti_corruption_six_month_pdf(site, "/wp-content/uploads/2024/05/doc_2567_03.pdf")
    number(posts)
    for post in posts:
        post.url = f"/?p={post.id}"
    site.sidebar = (f"<section><h3>เรื่องล่าสุด</h3><ul>{''.join(f'<li><a href={chr(39)}{p.url}{chr(39)}>{escape(p.title)}</a></li>' for p in posts[:5])}</ul></section>"
                    f"<section><h3>หมวดหมู่</h3><ul><li><a href='{category}'>ข่าวประชาสัมพันธ์</a></li></ul></section>")
    write_posts(site, posts, nav=True)
    wp_listing(site, category, "หมวดหมู่: ข่าวประชาสัมพันธ์", posts)
    assert {posts.index(six) // 10 + 1, posts.index(anti) // 10 + 1} == {9}
    links |= {"O7": category, "O37": category}
    ita_page(site, "/ita-2567/", links, "(รายงานที่เผยแพร่เป็นข่าว ดูที่ข่าวประชาสัมพันธ์)")
    home_page(site, posts, category)
    urls = "".join(f"<url><loc>{{base}}{p.url}</loc><lastmod>{p.day.isoformat()}</lastmod></url>" for p in reversed(posts))
    site.absolute("/sitemap.xml", "<?xml version='1.0' encoding='UTF-8'?><sitemapindex xmlns='http://www.sitemaps.org/"
                  "schemas/sitemap/0.9'><sitemap><loc>{base}/wp-sitemap-posts-post-1.xml</loc></sitemap></sitemapindex>")
    site.absolute("/wp-sitemap-posts-post-1.xml", "<?xml version='1.0' encoding='UTF-8'?><urlset xmlns='http://www."
                  f"sitemaps.org/schemas/sitemap/0.9'>{urls}</urlset>")
    site.finish()
    return ("O12", "O37")


@pytest.mark.slow
def test_wordpress_reports_posted_as_news_behind_the_category_the_ita_page_links(tmp_path):
    codes = build_wordpress(tmp_path / "site")
    default, full = check_both(tmp_path / "site", tmp_path)
    assert_same_statuses(default, full, codes)


NOTICES = ["ประกาศรับสมัครบุคคลเพื่อเลือกสรรเป็นพนักงานจ้างทั่วไป", "ประกาศวันหยุดราชการ และการให้บริการในช่วงเทศกาล",
           "ประกาศรายชื่อผู้มีสิทธิรับเงินอุดหนุนเพื่อการเลี้ยงดูเด็กแรกเกิด", "ประกาศงดจ่ายน้ำประปาชั่วคราว หมู่ที่ {n}",
           "ประกาศรายชื่อผู้มีสิทธิรับเงินเบี้ยยังชีพผู้สูงอายุ รายใหม่", "ประชาสัมพันธ์การยื่นแบบขออนุญาตก่อสร้างอาคาร",
           "ประกาศขยายเวลาการชำระภาษีที่ดินและสิ่งปลูกสร้าง", "ประกาศผลการคัดเลือกเด็กเล็กเข้าศูนย์พัฒนาเด็กเล็ก",
           "ประกาศเรื่องการเลี้ยงสุนัขและแมวในเขตชุมชน", "ประกาศปิดเส้นทางชั่วคราว เพื่อซ่อมแซมสะพาน หมู่ที่ {n}"]  # fmt: skip


def notice_posts(count: int, newest: dt.date, per_day: int, seed: int) -> list[Post]:
    """``count`` announcements of daily life (recruitment, holidays, water cuts): the "ข่าวประกาศ" list."""
    posts = padding_posts(count, newest, per_day, seed)
    rng = random.Random(seed)
    for post in posts:
        post.title = rng.choice(NOTICES).format(n=rng.randint(1, 14))
    return posts


def build_table_list(root: Path) -> tuple[str, ...]:
    """อบต.นาคำ on a PHP CMS: two lists as tables (ลำดับ | เรื่อง | วันที่ | รายละเอียด), "ข่าวประชาสัมพันธ์"
    (950 rows) and "ข่าวประกาศ" (850 rows), paginated ``?page=N`` with every page number shown, titles as plain
    text, the only link "รายละเอียด" to ``view.php?id=N``. The procurement plan of the year was posted in ข่าวประกาศ
    on 5 Nov 2566 (one of its oldest rows) with its PDF behind "คลิกที่นี่"; the ITA page still links last year's
    plan for O19. Nothing that links the plan's page names it: a disclosed miss is the honest worst case."""
    site = UnitSite(root, NAKHAM, [("หน้าแรก", "/"), ("โครงสร้าง", "/about/structure/"),
                                   ("ผู้บริหาร", "/about/executives/"), ("อำนาจหน้าที่", "/about/authority/"),
                                   ("ข่าวประชาสัมพันธ์", "/news/list.php"), ("ข่าวประกาศ", "/notice/list.php"),
                                   ("ITA", "/ita.php?year=2567"), ("ติดต่อเรา", "/contact/"),
                                   ("นโยบายคุ้มครองข้อมูลส่วนบุคคล", "/privacy/")])  # fmt: skip
    links = basic_pages(site)
    u = site.unit
    news = number(padding_posts(450, TODAY, 2, seed=12))
    write_posts(site, news, "/news/view.php?id={id}")
    table_list(site, "/news/list.php", "ข่าวประชาสัมพันธ์", news)
    notices = notice_posts(260, TODAY, 1, seed=13)
    insert_at(notices, 218, Post(TODAY, f"ประกาศเผยแพร่แผนการจัดซื้อจัดจ้าง ประจำปีงบประมาณ พ.ศ. {YEAR}",
                                 f"<p>{u.name} ขอประกาศเผยแพร่แผนการจัดซื้อจัดจ้าง ประจำปีงบประมาณ พ.ศ. {YEAR} "
                                 "ตามพระราชบัญญัติการจัดซื้อจัดจ้างและการบริหารพัสดุภาครัฐ พ.ศ. 2560 มาตรา 11</p>"
                                 "<p>ดาวน์โหลดเอกสาร</p>", [("/uploads/files/doc_2567_05.pdf", "คลิกที่นี่")]))
    number(notices, first_id=12000)
    write_posts(site, notices, "/notice/view.php?id={id}")
    table_list(site, "/notice/list.php", "ข่าวประกาศ", notices)
    procurement_plan_pdf(site, "/uploads/files/doc_2567_05.pdf", YEAR)
    procurement_plan_pdf(site, "/uploads/files/plan_2566.pdf", YEAR - 1)
    links |= {"O7": "/news/list.php", "O19": "/uploads/files/plan_2566.pdf"}
    ita_page(site, "/ita.php?year=2567", links)
    home_page(site, news, "/news/list.php")
    site.finish()
    return ("O19",)


@pytest.mark.slow
def test_a_table_list_with_only_a_details_link_is_at_worst_a_disclosed_miss(tmp_path):
    codes = build_table_list(tmp_path / "site")
    default, full = check_both(tmp_path / "site", tmp_path)
    assert_same_or_disclosed_miss(default, full, codes)


FORMS = ["แบบคำร้องทั่วไป", "แบบคำขออนุญาตก่อสร้างอาคาร ดัดแปลงอาคาร หรือรื้อถอนอาคาร (ข.1)",
         "แบบคำขอลงทะเบียนรับเงินเบี้ยยังชีพผู้สูงอายุ", "แบบคำขอลงทะเบียนรับเงินเบี้ยความพิการ",
         "แบบแสดงรายการที่ดินและสิ่งปลูกสร้าง (ภ.ด.ส.3)", "แบบคำขอรับใบอนุญาตจัดตั้งสถานที่จำหน่ายอาหาร",
         "แบบคำขอใช้รถบรรทุกน้ำเพื่อช่วยเหลือประชาชน", "แบบคำขอติดตั้งมาตรวัดน้ำประปา",
         "แผ่นพับประชาสัมพันธ์การชำระภาษีที่ดินและสิ่งปลูกสร้าง", "แบบคำขอรับการสงเคราะห์ผู้ป่วยเอดส์",
         "ประกาศรับสมัครเด็กเล็กเข้าศูนย์พัฒนาเด็กเล็ก", "แบบคำขอจดทะเบียนพาณิชย์"]  # fmt: skip


def build_downloads(root: Path) -> tuple[str, ...]:
    """เทศบาลตำบลบ้านเหล่า keeps every file in one "ดาวน์โหลดเอกสาร" table (ลำดับ | ชื่อเอกสาร | วันที่ |
    ไฟล์), newest first, 12 a page, ``?page=N`` with every page number shown; the link is the bare file name
    (``doc_2567_03.pdf``) and the name of the document is plain text. The ITA page sends O34 and O36 to this
    section ("ดาวน์โหลดที่เมนูดาวน์โหลดเอกสาร"); the risk assessment (20 Nov 2566) and the anti-corruption plan
    (30 Sep 2566) are on its last pages (16 and 17), behind 200 forms uploaded since. News: 550 posts."""
    site = UnitSite(root, BANLAO, [("หน้าแรก", "/"), ("โครงสร้าง", "/about/structure/"),
                                   ("ผู้บริหาร", "/about/executives/"), ("อำนาจหน้าที่", "/about/authority/"),
                                   ("ข่าวประชาสัมพันธ์", "/news/index.php"), ("ดาวน์โหลดเอกสาร", "/download/index.php"),
                                   ("ITA", "/ita/index.php"), ("ติดต่อเรา", "/contact/")])  # fmt: skip
    links = basic_pages(site)
    news = number(padding_posts(550, TODAY, 2.5, seed=21))
    write_posts(site, news, "/news/detail.php?id={id}")
    table_list(site, "/news/index.php", "ข่าวประชาสัมพันธ์", news, width=200)
    rng = random.Random(22)
    files = []  # (day, name of the document, file name) newest first
    for i in range(200):
        day = TODAY - dt.timedelta(days=i * 203 // 188)
        files.append((day, rng.choice(FORMS), f"doc_{day.year + 543}_{200 - i:03d}.pdf"))
    files.insert(188, (dt.date(2023, 11, 20), f"รายงานการประเมินความเสี่ยงการทุจริตและประพฤติมิชอบ ประจำปีงบประมาณ พ.ศ. {YEAR}",
                       "doc_2567_03.pdf"))
    files.append((dt.date(2023, 9, 30), f"แผนปฏิบัติการป้องกันการทุจริต 4 ปี (พ.ศ. {YEAR - 1} - {YEAR + 2})",
                       "doc_2566_41.pdf"))
    per_page = 12
    pages = -(-len(files) // per_page)
    for day, title, name in files:
        url = f"/download/files/{name}"
        if name == "doc_2567_03.pdf":
            risk_assessment_pdf(site, url, YEAR)
        elif name == "doc_2566_41.pdf":
            anti_corruption_plan_pdf(site, url)
        else:
            words = " ".join(rng.choice(FILLER.split()) for _ in range(60))
            site.pdf(url, title, f"<h1>{escape(title)}</h1><p class='c'>{site.unit.name}</p><p>ชื่อ-สกุล ............ "
                               f"ที่อยู่ ............ {words}</p>", day)
    for page in range(1, pages + 1):
        rows = "".join(f"<tr><td>{n}</td><td>{escape(title)}</td><td>{th_date(day, True)}</td>"
                       f"<td><a href='/download/files/{name}'>{name}</a></td></tr>"
                       for n, (day, title, name) in enumerate(files[(page - 1) * per_page: page * per_page],
                                                              (page - 1) * per_page + 1))
        numbers = " ".join(f"<b>{n}</b>" if n == page else f"<a href='/download/index.php?page={n}'>{n}</a>"
                           for n in range(1, pages + 1))
        site.page("/download/index.php" if page == 1 else f"/download/index.php?page={page}", "ดาวน์โหลดเอกสาร",
                  "<table><tr><th>ลำดับ</th><th>ชื่อเอกสาร</th><th>วันที่</th><th>ไฟล์</th></tr>"
                  f"{rows}</table><p class='pages'>หน้า: {numbers}</p>")
    assert {files.index(f) // per_page + 1 for f in files if f[2] in ("doc_2567_03.pdf", "doc_2566_41.pdf")} == {16, 17}
    links |= {"O7": "/news/index.php", "O34": "/download/index.php", "O36": "/download/index.php"}
    ita_page(site, "/ita/index.php", links, "(ข้อ O34 และ O36 ดาวน์โหลดที่เมนูดาวน์โหลดเอกสาร)")
    home_page(site, news, "/news/index.php")
    site.finish()
    return ("O34", "O36")


@pytest.mark.slow
def test_a_download_section_paginated_deep_that_the_ita_page_links(tmp_path):
    codes = build_downloads(tmp_path / "site")
    default, full = check_both(tmp_path / "site", tmp_path)
    assert_same_statuses(default, full, codes)


#: Part of the menu of a real อบต. site on a municipal CMS (phukradung-home-2567.html of ../shared/realdocs).
CMS_MENU = [("ประวัติและข้อมูลสภาพทั่วไป", "/public/list/data/index/menu/1142"), ("ผู้นำชุมชน", "/public/person/data/chart/structure_id/30/menu/1170"),
            ("สถานที่สำคัญ", "/public/list/data/index/menu/1173"), ("วิสัยทัศน์และพันธกิจ", "/public/list/data/index/menu/1168"),
            ("สารจากผู้บริหาร", "/public/list/data/index/menu/1550"), ("สมาชิกสภา", "/public/person/data/chart/structure_id/18/menu/1181"),
            ("จดหมายข่าว", "/public/list/data/index/menu/1625"), ("กิจกรรม/ผลงาน", "/public/list/data/index/menu/1559"),
            ("รางวัลแห่งความภาคภูมิใจ", "/public/list/data/index/menu/1599"), ("แหล่งท่องเที่ยว", "/public/list/data/index/menu/1619"),
            ("ผลิตภัณฑ์ชุมชน/ภูมิปัญญาท้องถิ่น", "/public/list/data/index/menu/1171"), ("ศูนย์ยุติธรรมชุมชน", "/public/list/data/index/menu/1647"),
            ("อปพร.", "/public/list/data/index/menu/1605"), ("กู้ชีพ", "/public/list/data/index/menu/1607")]  # fmt: skip


def build_cms_cut_titles(root: Path) -> tuple[str, ...]:
    """อบต.ภูทอง on the municipal CMS of อบต.ภูกระดึง's real site: lists ``/public/list/data/index/menu/M``
    (``/page/N``), details ``/public/list/data/detail/id/N/menu/M``, and list anchors cut to 60 characters with
    "..." as on the real homepage. The risk assessment of the year was posted in ข่าวประชาสัมพันธ์/ข่าวประกาศ
    (menu 1554) as "ประกาศองค์การบริหารส่วนตำบลภูทอง เรื่อง ผลการประเมินความเสี่ยงการทุจริต…", one of the
    oldest of 600 rows (the CMS went live on 1 Nov 2566): its anchor is cut before the subject. The ITA page (menu 1685) sends O34 to menu 5016
    "การประเมินความเสี่ยงเพื่อป้องกันการทุจริต", which still holds only last year's. Procurement news (menu 1236,
    150 announcements of the year, anchors "11 ธ.ค. 2566 ประกาศผู้ชนะการเสนอราคา …") is what O20 links."""
    ita, news_menu, proc_menu, risk_menu = (f"/public/list/data/index/menu/{m}" for m in (1685, 1554, 1236, 5016))
    urls = {"O1": "/public/list/data/index/menu/1144", "O2": "/public/person/data/chart/structure_id/17/menu/1180",
            "O3": "/public/list/data/index/menu/1224", "O5": "/public/list/data/index/menu/1623",
            "O10": "/public/list/data/index/menu/1700"}
    site = UnitSite(root, PHUTHONG, [("หน้าแรก", "/"), ("โครงสร้างส่วนราชการ", urls["O1"]), ("คณะผู้บริหาร", urls["O2"]),
                                     ("องค์การบริหารส่วนตำบล", urls["O3"]), ("ข่าวประชาสัมพันธ์/ข่าวประกาศ", news_menu),
                                     ("ข่าวจัดซื้อจัดจ้าง " + PHUTHONG.short, proc_menu),
                                     ("การประเมินความเสี่ยงเพื่อป้องกันการทุจริต", risk_menu), ("ITA", ita),
                                     ("ติดต่อ/แผนที่", urls["O5"]), ("นโยบายคุ้มครองข้อมูลส่วนบุคคล", urls["O10"]),
                                     *CMS_MENU])  # fmt: skip
    links = basic_pages(site, urls)
    for label, href in CMS_MENU:
        site.page(href, label, f"<p>{label} {site.unit.name}</p><p>{FILLER.format(unit=site.unit.name)}</p>")
    u = site.unit

    def cms_list(menu: str, title: str, posts: list[Post], dated: bool = False) -> None:
        per_page = 10
        pages = -(-len(posts) // per_page)
        for page in range(1, pages + 1):
            rows = []
            for p in posts[(page - 1) * per_page: page * per_page]:
                text = (f"{th_date(p.day, True)} " if dated else "") + p.title
                text = text if len(text) <= 60 else text[:60] + "..."
                rows.append(f"<div class='list-item'><span class='date'>{th_date(p.day, True)}</span> "
                            f"<a href='{p.url}'>{escape(text)}</a></div>")
            numbers = " ".join(f"<b>{n}</b>" if n == page else f"<a href='{menu}/page/{n}'>{n}</a>" for n in range(1, pages + 1))
            site.page(menu if page == 1 else f"{menu}/page/{page}", title, "".join(rows) + f"<p class='pages'>{numbers}</p>")

    news = padding_posts(600, TODAY, 2.7, seed=31)  # the CMS went live on 1 Nov 2566
    subject = f"ผลการประเมินความเสี่ยงการทุจริตและประพฤติมิชอบ ประจำปีงบประมาณ พ.ศ. {YEAR}"
    cut_title = f"ประกาศ{u.name} เรื่อง {subject}"
    assert "ความเสี่ยงการทุจริต" not in cut_title[:60]  # the anchor stops before what names the item
    when = next(i for i, p in enumerate(news) if p.day <= dt.date(2023, 11, 20))
    insert_at(news, when, Post(TODAY, cut_title, f"<p>{cut_title} รายละเอียดตามเอกสารแนบ</p>",
                               [("/public/list_upload/backend/list_2893/files_8841_1.pdf", "ดาวน์โหลดเอกสาร")]))
    risk_assessment_pdf(site, "/public/list_upload/backend/list_2893/files_8841_1.pdf", YEAR)
    number(news, first_id=2100)
    write_posts(site, news, "/public/list/data/detail/id/{id}/menu/1554")
    cms_list(news_menu, "ข่าวประชาสัมพันธ์/ข่าวประกาศ", news)
    rng = random.Random(32)
    procurement = []
    for i in range(150):
        day = TODAY - dt.timedelta(days=i * 3 // 2)
        goods, budget = rng.choice(GOODS)
        kind = rng.choice(["ประกาศผู้ชนะการเสนอราคา", "ประกาศราคากลาง", "ประกาศประกวดราคา"])
        post = Post(day, f"{kind} {goods} โดยวิธีเฉพาะเจาะจง")
        post.body = announcement(u, post.title, [f"ตามที่{u.name} ได้มีโครงการ{goods} ผู้ได้รับการคัดเลือก ได้แก่ "
                                                 f"ร้านสมใจพาณิชย์ โดยเสนอราคาเป็นเงินทั้งสิ้น {budget:,} บาท "
                                                 "(รวมภาษีมูลค่าเพิ่มและค่าใช้จ่ายอื่น ๆ ทั้งปวง)"], day)
        procurement.append(post)
    number(procurement, first_id=9000)
    write_posts(site, procurement, "/public/list/data/detail/id/{id}/menu/1236")
    cms_list(proc_menu, "ข่าวจัดซื้อจัดจ้าง " + u.short, procurement, dated=True)
    old = Post(dt.date(2022, 11, 25), f"ประกาศ{u.name} เรื่อง ผลการประเมินความเสี่ยงการทุจริตและประพฤติมิชอบ ประจำปีงบประมาณ พ.ศ. {YEAR - 1}",
               "<p>รายละเอียดตามเอกสารแนบ</p>", [("/public/list_upload/backend/list_1960/files_5120_1.pdf", "ดาวน์โหลดเอกสาร")], id=1960)
    risk_assessment_pdf(site, "/public/list_upload/backend/list_1960/files_5120_1.pdf", YEAR - 1)
    write_posts(site, [old], "/public/list/data/detail/id/{id}/menu/5016")
    cms_list(risk_menu, "การประเมินความเสี่ยงเพื่อป้องกันการทุจริต", [old])
    links |= {"O7": news_menu, "O20": proc_menu, "O34": risk_menu}
    ita_page(site, ita, links)
    home_page(site, news, news_menu, "<h2>ข่าวจัดซื้อจัดจ้าง</h2><ul>" + "".join(
        f"<li><a href='{p.url}'>{th_date(p.day, True)} {escape(p.title)}</a></li>" for p in procurement[:8])
        + f"</ul><p><a href='{proc_menu}/'>ดูทั้งหมด</a></p>")
    site.finish()
    return ("O20", "O34")


@pytest.mark.slow
def test_list_anchors_cut_before_the_subject_are_at_worst_a_disclosed_miss(tmp_path):
    codes = build_cms_cut_titles(tmp_path / "site")
    default, full = check_both(tmp_path / "site", tmp_path)
    assert_same_or_disclosed_miss(default, full, codes)
