# ruff: noqa: E501  (Thai fixture texts read better unwrapped)
"""The engine on small in-memory sites: the main-website policy, fix texts with a place, unknown items, seed 004."""

from __future__ import annotations

from checklist.catalog import catalog_for_year
from checklist.engine import evaluate_site
from checklist.sitedata import ItaRow, Link, Resource, SiteData
from oitbase.thai import clean
from tests.helpers import shared_path

HOME = "http://unit.example/"


def _page(path: str, title: str, text: str, kind: str = "html", **features: int) -> Resource:
    return Resource(url=HOME + path, kind=kind, title=title, text=clean(f"{title}\n{text}"), features=dict(features))


def _site(resources: list[Resource], links: list[Link], rows: list[ItaRow] | None = None) -> SiteData:
    home = Resource(url=HOME, kind="html", title="หน้าแรก", text="หน้าแรก องค์การบริหารส่วนตำบลหนองบัว ยินดีต้อนรับ")
    return SiteData(home=HOME, resources={r.url: r for r in [home, *resources]}, links=links, ita_rows=rows or [])


def _results(site: SiteData, fy: int = 2566) -> dict:
    return {r.code: r for r in evaluate_site(catalog_for_year(fy), site, fy, "lao")}


# ───────────────────────────── main-website policy ─────────────────────────────


def test_social_network_on_facebook_counts() -> None:
    site = _site([], [Link(HOME, "https://www.facebook.com/nongbua", "Facebook อบต.หนองบัว", offsite=True)])
    o9 = _results(site)["O9"]
    assert o9.status == "pass"
    assert o9.evidence[0].offsite and "facebook.com" in o9.evidence[0].url
    assert any("เว็บไซต์อื่น" in n for n in o9.notes)


def test_procurement_announcements_only_on_egp_do_not_count() -> None:
    link = Link(
        HOME, "https://process3.gprocurement.go.th/egp2procmainWeb/jsp/procsearch.sch", "ประกาศจัดซื้อจัดจ้าง", offsite=True
    )
    o20 = _results(_site([], [link]))["O20"]
    assert o20.status == "partial"
    assert any("เว็บไซต์หลัก" in m and "gprocurement.go.th" in m for m in o20.missing)
    assert o20.evidence[0].offsite


def test_plan_on_google_drive_does_not_count_but_is_shown() -> None:
    link = Link(HOME, "https://drive.google.com/file/d/1Ab/view", "แผนการจัดซื้อจัดจ้าง ประจำปีงบประมาณ 2566", offsite=True)
    o19 = _results(_site([], [link]))["O19"]
    assert o19.status == "partial" and "drive.google.com" in o19.evidence[0].url


# ───────────────────────────── fix texts ─────────────────────────────


def test_fix_names_what_is_missing_and_the_page_to_correct() -> None:
    contact = _page(
        "contact",
        "ติดต่อเรา",
        "องค์การบริหารส่วนตำบลหนองบัว เลขที่ 99 หมู่ 5 ตำบลหนองบัว จังหวัดขอนแก่น 40110 โทร 043-123-456",
        email=1,
    )
    site = _site([contact], [Link(HOME, contact.url, "ติดต่อเรา")])
    o5 = _results(site)["O5"]
    assert o5.status == "partial"
    assert o5.fix.startswith("สิ่งที่ต้องเพิ่มหรือแก้: แผนที่ตั้งหน่วยงาน")
    assert "ตำแหน่งที่แนะนำ: แก้ไขหน้าเว็บเดิมที่ หน้าแรก › ติดต่อเรา" in o5.fix


def test_fix_points_at_the_ita_row_and_similar_menus() -> None:
    ita = _page("ita", "ITA 2566", "การประเมินคุณธรรมและความโปร่งใส ปีงบประมาณ 2566 O1 O2 O3")
    law = _page("about/law", "กฎหมายที่เกี่ยวข้อง", "พระราชบัญญัติสภาตำบลและองค์การบริหารส่วนตำบล พ.ศ. 2537 ระเบียบกระทรวงมหาดไทย")
    links = [
        Link(HOME, ita.url, "ITA"),
        Link(HOME, HOME + "about", "ข้อมูลหน่วยงาน"),
        Link(HOME + "about", law.url, "กฎหมายที่เกี่ยวข้อง"),
    ]
    about = _page("about", "ข้อมูลหน่วยงาน", "ประวัติ วิสัยทัศน์ กฎหมายที่เกี่ยวข้อง")
    rows = [ItaRow(ita.url, "O6", "กฎหมายที่เกี่ยวข้อง", law.url), ItaRow(ita.url, "O3", "อำนาจหน้าที่", "")]
    results = _results(_site([ita, law, about], links, rows))
    assert results["O6"].status == "pass"
    assert "ใส่ลิงก์ในแถวข้อ O3 ของหน้า ITA (หน้าแรก › ITA)" in results["O3"].fix
    assert "เพิ่มแถวข้อ O10 ในหน้า ITA (หน้าแรก › ITA)" in results["O10"].fix
    assert "ในเมนูเดียวกับข้อ O6 กฎหมายที่เกี่ยวข้อง (หน้าแรก › ข้อมูลหน่วยงาน)" in results["O10"].fix


def test_wrong_year_fix_asks_for_the_assessed_years_edition() -> None:
    plan = _page(
        "files/plan.pdf",
        "ประกาศเผยแพร่แผนการจัดซื้อจัดจ้าง ประจำปีงบประมาณ พ.ศ. 2565",
        "รายการ 5 รายการ วงเงิน 500,000 บาท",
        kind="pdf",
    )
    menu = _page("procurement", "แผนการจัดซื้อจัดจ้าง", "แผนการจัดซื้อจัดจ้าง ประจำปี")
    links = [Link(HOME, menu.url, "แผนการจัดซื้อจัดจ้าง"), Link(menu.url, plan.url, "แผนการจัดซื้อจัดจ้าง ปี 2565")]
    o19 = _results(_site([menu, plan], links))["O19"]
    assert o19.status == "partial"
    assert "เผยแพร่ฉบับของปี 2566 ไว้ที่เดียวกับฉบับปี 2565 (หน้าแรก › แผนการจัดซื้อจัดจ้าง)" in o19.fix


def test_fix_without_any_ita_page() -> None:
    o3 = _results(_site([], []))["O3"]
    assert o3.status == "fail" and "สร้างหน้า ITA" in o3.fix and o3.fix.startswith("สรุปอำนาจหน้าที่")


# ───────────────────────────── unknown items, seed 004 ─────────────────────────────


def test_seed_004_is_the_2568_integrity_measures_report() -> None:
    """Seed 004 (เทศบาลนครปากเกร็ด) reports on the integrity measures of FY 2568: in the 2568 catalog that item
    (O28) is not known, so it is not judged, but the document is shown as its likely evidence, with its year."""
    text = clean(shared_path("seeds", "004_7085b3674d17acd7.txt").read_text(encoding="utf-8").replace("**", ""))
    doc = Resource(url=HOME + "files/004.pdf", kind="pdf", title=text.splitlines()[0], text=text)
    label = "รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ปี 2568"  # the unit's link
    results = _results(_site([doc], [Link(HOME, doc.url, label)]), fy=2568)
    o28 = results["O28"]
    assert o28.status == "unknown"
    assert o28.evidence and o28.evidence[0].url == doc.url and o28.evidence[0].fiscal_year == 2568
    assert not [c for c, r in results.items() if r.status == "pass" and r.evidence and r.evidence[0].url == doc.url]


# ───────────────────────────── pages that only list documents; pages of one item ─────────────────────────────

BLANK_FORM = "แบบคำร้องทั่วไป\nองค์การบริหารส่วนตำบลหนองบัว\nเขียนที่ ..............\nเรื่อง ....................\nเรียน นายกองค์การบริหารส่วนตำบลหนองบัว\nข้าพเจ้า .................... มีความประสงค์ ...................."


def _eservice_site(**features: int) -> SiteData:
    page = _page("eservice", "E-Service ยื่นคำร้องออนไลน์", "งานบริการประชาชน แบบฟอร์มสำหรับประชาชน เลือกแบบฟอร์มที่ต้องการ", **features)
    forms = [
        Resource(url=HOME + f"files/form{i}.pdf", kind="pdf", title="", text=clean(BLANK_FORM.replace("ทั่วไป", name)))
        for i, name in enumerate(["ทั่วไป", "ขอรับความช่วยเหลือ", "ขอใช้น้ำประปา"])
    ]
    links = [Link(HOME, page.url, "E-Service")] + [Link(page.url, f.url, f"แบบคำร้อง{i}") for i, f in enumerate(forms)]
    return _site([page, *forms], links)


def test_an_eservice_page_of_blank_forms_to_download_is_no_online_service() -> None:
    o18 = _results(_eservice_site())["O18"]
    assert o18.status != "pass"
    assert any("แบบฟอร์ม" in m and "ดาวน์โหลด" in m for m in o18.missing), o18.missing
    assert _results(_eservice_site(form=1))["O18"].status == "pass"  # the online form is on the page itself


def test_the_page_of_one_item_is_evidence_not_an_index() -> None:
    """A unit's ITA index links O6 to its own page; that page lists the laws itself and links one Act's PDF.
    The page (its rows name one code) is judged like any page, not skipped as an index."""
    ita = _page("ita", "ITA 2566", "O1 โครงสร้าง O2 ผู้บริหาร O6 กฎหมายที่เกี่ยวข้อง")
    laws = "\n".join(["พระราชบัญญัติสภาตำบลและองค์การบริหารส่วนตำบล พ.ศ. 2537", "พระราชบัญญัติกำหนดแผนและขั้นตอนการกระจายอำนาจ พ.ศ. 2542",
                      "พระราชบัญญัติข้อมูลข่าวสารของราชการ พ.ศ. 2540", "พระราชบัญญัติวิธีปฏิบัติราชการทางปกครอง พ.ศ. 2539",
                      "พระราชบัญญัติการจัดซื้อจัดจ้างและการบริหารพัสดุภาครัฐ พ.ศ. 2560", "ระเบียบกระทรวงมหาดไทยว่าด้วยการจัดทำแผนพัฒนาขององค์กรปกครองส่วนท้องถิ่น พ.ศ. 2548"])
    item = _page("ita/o6", "O6 กฎหมายที่เกี่ยวข้อง", laws)
    act = Resource(url=HOME + "files/act.pdf", kind="pdf", title="", text=clean("พระราชบัญญัติสภาตำบลและองค์การบริหารส่วนตำบล พ.ศ. 2537"))
    rows = [ItaRow(ita.url, "O1", "โครงสร้าง", HOME + "x"), ItaRow(ita.url, "O2", "ผู้บริหาร", HOME + "y"),
            ItaRow(ita.url, "O6", "กฎหมายที่เกี่ยวข้อง", item.url), ItaRow(item.url, "O6", "พระราชบัญญัติสภาตำบล", act.url)]
    links = [Link(HOME, ita.url, "ITA"), Link(ita.url, item.url, "O6"), Link(item.url, act.url, "พระราชบัญญัติสภาตำบล")]
    o6 = _results(_site([ita, item, act], links, rows))["O6"]
    assert o6.status == "pass" and o6.evidence[0].url == item.url, (o6.status, [e.url for e in o6.evidence], o6.missing)


def test_blank_forms_beside_a_system_of_the_site_or_a_qr_code_are_not_only_forms() -> None:
    """Blank forms next to the unit's own e-service system (a login page of the site), or under "สแกน QR Code
    เพื่อยื่นคำร้องออนไลน์", are not a page of forms only: the rule that fails form lists does not fire."""
    site = _eservice_site()
    page = site.resources[HOME + "eservice"]
    system = _page("eservice/app.php", "เข้าสู่ระบบ E-Service", "ชื่อผู้ใช้ รหัสผ่าน")
    site.resources[system.url] = system
    site.links.append(Link(page.url, system.url, "เข้าสู่ระบบยื่นคำร้องออนไลน์"))
    with_system = _results(site)["O18"]
    assert not any("ให้ดาวน์โหลด" in m for m in with_system.missing), with_system.missing
    qr = _eservice_site()
    qr_page = qr.resources[HOME + "eservice"]
    qr_page.text += "\nสแกน QR Code เพื่อยื่นคำร้องออนไลน์"
    qr_page.body = qr_page.text
    assert not any("ให้ดาวน์โหลด" in m for m in _results(qr)["O18"].missing)
