"""Tests for oitbase.extract: fixtures are built at test time (no binary files committed)."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest

from oitbase.extract import Extracted, extract, is_document_url, sniff_kind

REALDOCS = Path(__file__).resolve().parents[2] / "shared" / "realdocs"
FONT_DIR = Path("/usr/share/fonts/truetype/tlwg")
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def strip_marks(text: str) -> str:
    """Remove PUA tone marks, Thai combining marks and whitespace, for layer-independent checks."""
    text = re.sub(r"[\uf700-\uf71a\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]", "", text)
    return "".join(text.replace("\u0e33", "\u0e32").split())


def realdoc(name: str) -> bytes:
    path = REALDOCS / name
    if not path.exists():
        pytest.skip(f"{path} not available")
    return path.read_bytes()


def html_doc(body: str, head: str = "") -> str:
    return f"<!DOCTYPE html><html><head>{head}</head><body>{body}</body></html>"


# --------------------------------------------------------------------------- fixtures


def make_thai_pdf(html: str, *, link: str | None = None) -> bytes:
    pymupdf = pytest.importorskip("pymupdf")
    if not (FONT_DIR / "Laksaman.ttf").exists():
        pytest.skip("Thai font Laksaman.ttf not installed")
    css = "@font-face {font-family: th; src: url(Laksaman.ttf);} * {font-family: th;}"
    story = pymupdf.Story(html=html, user_css=css, archive=pymupdf.Archive(str(FONT_DIR)))
    buf = io.BytesIO()
    writer = pymupdf.DocumentWriter(buf)
    more = True
    while more:
        dev = writer.begin_page(pymupdf.paper_rect("a4"))
        more, _ = story.place(pymupdf.Rect(50, 50, 545, 792))
        story.draw(dev)
        writer.end_page()
    writer.close()
    if link is None:
        return buf.getvalue()
    doc = pymupdf.open(stream=buf.getvalue(), filetype="pdf")
    doc[0].insert_link({"kind": pymupdf.LINK_URI, "from": pymupdf.Rect(50, 50, 300, 80), "uri": link})
    return doc.tobytes()


def make_ascii_pdf(pages: int, **save: object) -> bytes:
    pymupdf = pytest.importorskip("pymupdf")
    doc = pymupdf.open()
    for n in range(1, pages + 1):
        doc.new_page().insert_text((72, 72), f"Page {n} of the procurement plan, phone 02 123 4567")
    doc.set_metadata({"title": "Microsoft Word - plan.docx"})
    return doc.tobytes(**save)


def make_docx() -> bytes:
    docx = pytest.importorskip("docx")
    from docx.opc.constants import RELATIONSHIP_TYPE
    from docx.oxml.ns import qn
    from docx.oxml.parser import OxmlElement

    doc = docx.Document()
    doc.core_properties.title = ""
    doc.sections[0].header.paragraphs[0].text = "เทศบาลตำบลหางดง หัวกระดาษ"
    doc.sections[0].footer.paragraphs[0].text = "โทร 053-441-234 ท้ายกระดาษ"
    doc.add_paragraph("รายงานผลการจัดซื้อจัดจ้าง ประจำปีงบประมาณ 2567")
    doc.add_paragraph("เรียน นายกเทศมนตรี")
    table = doc.add_table(rows=2, cols=3)
    for r, row in enumerate([("ลำดับ", "รายการ", "วงเงิน"), ("1", "จัดซื้อวัสดุสำนักงาน", "15,000")]):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    para = doc.add_paragraph("ดูเพิ่มเติม: ")
    rid = doc.part.relate_to("https://www.hangdong.go.th/ita", RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    hyperlink = OxmlElement("w:hyperlink")
    hyperlink.set(qn("r:id"), rid)
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "เว็บไซต์ ITA"
    run.append(text)
    hyperlink.append(run)
    para._p.append(hyperlink)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def make_xlsx() -> bytes:
    openpyxl = pytest.importorskip("openpyxl")
    import datetime as dt

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "สขร.1"
    ws.append(["ลำดับ", "งานที่จัดซื้อ", "วงเงิน", "วันที่"])
    ws.append([1, "จัดซื้อน้ำดื่ม", 1500.0, dt.datetime(2024, 10, 1)])
    ws.append([])
    ws.append([2, "จ้างเหมาทำความสะอาด", 2500.5, None])
    ws2 = wb.create_sheet("สรุป")
    ws2["B2"] = "รวมทั้งสิ้น"
    ws2["C2"] = 4000.5
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


_ODF_NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:xlink="http://www.w3.org/1999/xlink" office:version="1.2"'
)


def make_odf(mimetype: str, body: str) -> bytes:
    content = f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {_ODF_NS}>' \
              f"<office:body>{body}</office:body></office:document-content>"
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("mimetype", mimetype, compress_type=zipfile.ZIP_STORED)
        zf.writestr("content.xml", content)
    return buf.getvalue()


# --------------------------------------------------------------------------- sniffing


@pytest.mark.parametrize(
    ("body", "content_type", "url", "kind"),
    [
        (b"%PDF-1.7\n...", "text/html", "https://x.go.th/view.php?id=1", "pdf"),
        (b"<!DOCTYPE html><html><body>x</body></html>", "application/pdf", "https://x.go.th/a.pdf", "html"),
        (b"  <html><body>x</body></html>", "", "", "html"),
        (OLE_MAGIC + b"\0" * 100, "application/msword", "https://x.go.th/a.doc", "other"),
        (b"plain words", "text/plain; charset=utf-8", "https://x.go.th/readme", "text"),
        (b"a,b\n1,2\n", "application/octet-stream", "https://x.go.th/data.csv", "text"),
        (b"\x89PNG\r\n\x1a\n", "", "https://x.go.th/map.pdf", "other"),
    ],
)
def test_sniff_kind_prefers_magic_bytes_then_content_type_then_extension(body, content_type, url, kind):
    assert sniff_kind(body, content_type, url) == kind


def test_sniff_kind_recognises_office_zips_by_their_members():
    assert sniff_kind(make_docx(), "application/octet-stream", "https://x.go.th/download?id=5") == "docx"
    assert sniff_kind(b"PK\x03\x04broken", "", "https://x.go.th/download") == "other"
    assert sniff_kind(b"PK\x03\x04broken", "", "https://x.go.th/a.docx") == "docx"
    assert sniff_kind(make_xlsx(), "", "") == "xlsx"
    odt = make_odf("application/vnd.oasis.opendocument.text", "<office:text/>")
    assert sniff_kind(odt, "application/zip", "https://x.go.th/f") == "odt"


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://x.go.th/files/plan.PDF", True),
        ("https://x.go.th/files/plan.pdf?v=3", True),
        ("https://x.go.th/files/report.xlsx#sheet", True),
        ("https://x.go.th/files/%E0%B8%9B%E0%B8%A3%E0%B8%B0%E0%B8%81%E0%B8%B2%E0%B8%A8.docx", True),
        ("https://x.go.th/a.rtf", True),
        ("https://x.go.th/pdf/list.php", False),
        ("https://x.go.th/viewer.html?file=a.pdf", False),
        ("https://x.go.th/", False),
    ],
)
def test_is_document_url(url, expected):
    assert is_document_url(url) is expected


# --------------------------------------------------------------------------- HTML decoding

THAI = "องค์การบริหารส่วนตำบลภูกระดึง ข้อมูลการติดต่อ"


def test_tis620_with_meta_charset_is_decoded_as_cp874():
    page = html_doc(f"<p>{THAI}</p>", '<meta http-equiv="Content-Type" content="text/html; charset=tis-620">')
    ex = extract(page.encode("cp874"), "text/html", "http://x.go.th/")
    assert ex.encoding == "cp874"
    assert THAI in ex.text


def test_tis620_without_any_declaration_is_detected():
    ex = extract(html_doc(f"<p>{THAI}</p>").encode("cp874"), "text/html", "http://x.go.th/")
    assert ex.encoding == "cp874"
    assert THAI in ex.text


def test_tis620_page_wrongly_declaring_utf8_falls_back_to_cp874():
    page = html_doc(f"<p>{THAI}</p>", '<meta charset="utf-8">')
    ex = extract(page.encode("cp874"), "text/html; charset=UTF-8", "http://x.go.th/")
    assert ex.encoding == "cp874"
    assert THAI in ex.text
    assert "\ufffd" not in ex.text


def test_tis620_page_labelled_latin1_is_read_as_thai():
    page = html_doc(f"<p>{THAI}</p>", '<meta charset="iso-8859-1">')
    ex = extract(page.encode("cp874"), "text/html", "http://x.go.th/")
    assert THAI in ex.text


def test_utf8_page_behind_a_wrong_tis620_header_stays_utf8():
    page = html_doc(f"<p>{THAI}</p>", '<meta charset="windows-874">')
    ex = extract(page.encode("utf-8"), "text/html; charset=tis-620", "http://x.go.th/")
    assert ex.encoding == "utf-8"
    assert THAI in ex.text


def test_numeric_character_references_under_windows_1252_come_out_thai():
    def refs(s: str) -> str:
        return "".join(f"&#{ord(c)};" for c in s)

    page = html_doc(f"<p>{refs('อำนาจหน้าที่')}\xa0{refs('ของเทศบาล')}</p>", '<meta charset="windows-1252">')
    page = page.encode("cp1252")
    ex = extract(page, "text/html", "http://x.go.th/")
    assert "อำนาจหน้าที่ ของเทศบาล" in " ".join(ex.text.split())


def test_bom_wins_over_declarations():
    page = html_doc(f"<p>{THAI}</p>", '<meta charset="tis-620">')
    ex = extract(b"\xef\xbb\xbf" + page.encode("utf-8"), "text/html; charset=tis-620", "http://x.go.th/")
    assert ex.encoding == "utf-8"
    assert THAI in ex.text


# --------------------------------------------------------------------------- HTML text


def test_visible_text_drops_scripts_styles_and_comments_and_separates_blocks():
    page = html_doc(
        "<script>var hidden='สคริปต์';</script><style>.x{}</style><noscript>เปิด JS</noscript>"
        "<!-- <p>ข้อความในคอมเมนต์</p> -->"
        "<div>บรรทัดแรก\n   ต่อกัน</div><p>บรรทัด<b>ที่สอง</b></p>"
        "<table><tr><td>ลำดับ</td><td>รายการ</td></tr></table>",
        "<title> หน้าแรก  อบต. </title>",
    )
    ex = extract(page.encode(), "text/html; charset=utf-8", "http://x.go.th/")
    assert ex.title == "หน้าแรก อบต."
    lines = ex.text.split("\n")
    assert "บรรทัดแรก ต่อกัน" in lines
    assert "บรรทัดที่สอง" in lines
    assert "ลำดับ รายการ" in lines
    for hidden in ("สคริปต์", "เปิด JS", "ข้อความในคอมเมนต์", ".x{}"):
        assert hidden not in ex.text
    assert ex.features["table"] == 1
    assert ex.features["text_chars"] == len(ex.text)


def test_headings_and_title_fallback_to_h1():
    page = html_doc("<h1>ข้อมูลพื้นฐาน</h1><h2>อำนาจหน้าที่</h2><h4>ย่อย</h4><h3>โครงสร้าง</h3>")
    ex = extract(page.encode(), "text/html", "http://x.go.th/")
    assert ex.title == "ข้อมูลพื้นฐาน"
    assert ex.headings == ["ข้อมูลพื้นฐาน", "อำนาจหน้าที่", "โครงสร้าง"]


# --------------------------------------------------------------------------- HTML links


def links_of(ex: Extracted, kind: str | None = None) -> dict[str, str]:
    return {link.url: link.text for link in ex.links if kind is None or link.kind == kind}


def test_links_are_resolved_against_base_href_and_cleaned():
    page = html_doc(
        '<a href=" ita/o1.php#top ">O1 <img src="x.png" alt="โครงสร้าง"></a>'
        '<a href="/news?id=2" title="ข่าว">อ่านต่อ</a>'
        '<a href="https://other.go.th/a">ภายนอก</a>',
        '<base href="http://www.x.go.th/main/">',
    )
    ex = extract(page.encode(), "text/html", "http://x.go.th/index.php")
    links = links_of(ex, "a")
    assert links["http://www.x.go.th/main/ita/o1.php"] == "O1 โครงสร้าง"
    assert links["http://www.x.go.th/news?id=2"] == "อ่านต่อ ข่าว"
    assert "https://other.go.th/a" in links


def test_placeholder_mailto_and_tel_links_are_not_links_but_counted():
    page = html_doc(
        '<a href="">ว่าง</a><a href="#">เมนู</a><a href="#!">เมนู2</a><a href="javascript:void(0)">x</a>'
        '<a href="mailto:saraban@x.go.th">อีเมล</a><a href="tel:+6653441234">โทร</a>'
    )
    ex = extract(page.encode(), "text/html", "http://x.go.th/")
    assert ex.links == []
    assert ex.features["email"] == 1
    assert ex.features["phone"] == 1
    assert ex.features["placeholder_links"] == 4
    assert ex.features["script_links"] == 0


def test_links_inside_html_comments_are_ignored():
    page = html_doc(
        '<ul><li><a href="/ita/o10.php">O10</a></li></ul>'
        '<!-- old menu <a href="/old/hidden-menu.php">เมนูเก่า</a> -->'
        '<!--[if IE]><a href="/ie-only.php">IE</a><![endif]-->'
    )
    ex = extract(page.encode(), "text/html", "http://x.go.th/")
    assert [link.url for link in ex.links] == ["http://x.go.th/ita/o10.php"]
    assert "เมนูเก่า" not in ex.text


def test_onclick_urls_are_extracted_and_counted_as_script_links():
    page = html_doc(
        "<a href=\"#\" onclick=\"window.open('/files/o12.pdf','_blank')\">ผลการดำเนินงาน</a>"
        "<span onclick=\"location.href='/ita/o13.php'\">รายงาน</span>"
        "<a href=\"javascript:openDoc('docs/plan.docx')\">แผน</a>"
        "<a onclick=\"javascript:void(0)\" href=\"/ita/o1.php\">O1</a>"
        "<button onclick=\"openTab(event, 'news')\">แท็บข่าว</button>"
    )
    ex = extract(page.encode(), "text/html", "http://x.go.th/")
    onclick = links_of(ex, "onclick")
    assert onclick["http://x.go.th/files/o12.pdf"] == "ผลการดำเนินงาน"
    assert onclick["http://x.go.th/ita/o13.php"] == "รายงาน"
    assert "http://x.go.th/docs/plan.docx" in onclick
    assert links_of(ex, "a") == {"http://x.go.th/ita/o1.php": "O1"}
    assert ex.features["script_links"] == 3


def test_other_link_sources_have_their_kinds():
    page = html_doc(
        '<img usemap="#m"><map name="m"><area href="/o2.php" alt="ผู้บริหาร"></map>'
        '<iframe src="https://www.youtube.com/embed/abc" title="วีดิทัศน์"></iframe>'
        '<embed src="/files/o3.pdf"><object data="/files/o4.pdf"></object>'
        '<form action="/complaint/save.php"><input name="a"></form>'
    )
    ex = extract(page.encode(), "text/html", "http://x.go.th/")
    kinds = {link.url: link.kind for link in ex.links}
    assert kinds == {
        "http://x.go.th/o2.php": "area",
        "https://www.youtube.com/embed/abc": "iframe",
        "http://x.go.th/files/o3.pdf": "embed",
        "http://x.go.th/files/o4.pdf": "embed",
        "http://x.go.th/complaint/save.php": "form",
    }
    assert links_of(ex)["http://x.go.th/o2.php"] == "ผู้บริหาร"
    assert ex.features["iframe"] == 1


def test_meta_refresh_and_frames_are_followed():
    page = "<html><head><meta http-equiv='refresh' content='0; URL=/main/index.php'></head>" \
           "<frameset><frame src='menu.html'><frame src='home.html'></frameset></html>"
    ex = extract(page.encode(), "text/html", "http://x.go.th/")
    assert {link.url for link in ex.links} == {
        "http://x.go.th/main/index.php", "http://x.go.th/menu.html", "http://x.go.th/home.html",
    }


def test_deeply_nested_unclosed_tags_do_not_lose_text():
    page = "<html><body>" + "<font size=2>ข้อ " * 3000 + "ท้ายหน้า <a href='/o1.php'>O1</a></body></html>"
    ex = extract(page.encode(), "text/html", "http://x.go.th/")
    assert ex.text.endswith("ท้ายหน้า O1")
    assert [link.url for link in ex.links] == ["http://x.go.th/o1.php"]


def test_pdf_viewer_urls_yield_the_document_url():
    page = html_doc(
        '<iframe src="/pdfjs/web/viewer.html?file=../../files/o5.pdf"></iframe>'
        '<a href="https://docs.google.com/viewer?url=https%3A%2F%2Fx.go.th%2Fita%2Fo6.pdf&embedded=true">O6</a>'
        '<a href="/flowpaper/view.php?doc=%E0%B8%A3%E0%B8%B2%E0%B8%A2%E0%B8%87%E0%B8%B2%E0%B8%99.pdf">O7</a>'
        '<a href="/view.php?id=12&page=2">ไม่ใช่เอกสาร</a>'
    )
    ex = extract(page.encode(), "text/html", "http://x.go.th/ita/index.php")
    viewer = links_of(ex, "viewer")
    assert set(viewer) == {
        "http://x.go.th/files/o5.pdf",
        "https://x.go.th/ita/o6.pdf",
        "http://x.go.th/flowpaper/รายงาน.pdf",
    }
    assert viewer["https://x.go.th/ita/o6.pdf"] == "O6"
    assert "http://x.go.th/pdfjs/web/viewer.html?file=../../files/o5.pdf" in links_of(ex, "iframe")


# --------------------------------------------------------------------------- HTML features


def test_map_form_image_phone_and_email_features():
    page = html_doc(
        '<iframe src="https://www.google.com/maps/embed?pb=!1m18"></iframe>'
        '<a href="https://maps.app.goo.gl/AbCd">แผนที่</a>'
        '<img src="/images/logo.png"><img src="/img/icon-fb.png"><img src="/upload/news1.jpg">'
        '<img src="/upload/p2.jpg" class="banner-top"><img src="/upload/map.jpg" alt="แผนที่ตั้ง">'
        '<form action="/contact.php"><input name="n"><input type="email" name="e">'
        "<textarea></textarea></form>"
        '<form action="/search.php"><input name="q"><input type="submit"></form>'
        "<p>โทรศัพท์ 0-4203-9209 โทรสาร 042-039209 มือถือ ๐๘๑-๒๓๔-๕๖๗๘ "
        "อีเมล saraban_04420301@dla.go.th, info@x.go.th</p><p>งบประมาณ 1,234,567 บาท ปี 2567</p>"
    )
    ex = extract(page.encode(), "text/html", "http://x.go.th/contact")
    f = ex.features
    assert f["map"] == 3  # google maps iframe, maps.app.goo.gl link, map image
    assert f["form"] == 1
    assert f["image"] == 2  # news1.jpg and map.jpg; logo/icon/banner are decoration
    assert f["phone"] == 2  # 0-4203-9209 and 042-039209 are the same number
    assert f["email"] == 2


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("โทร. 02 123 4567", 1),
        ("โทร ๐๕๓-๔๔๑-๒๓๔", 1),
        ("+66 2 123 4567", 1),
        ("เลขประจำตัวผู้เสียภาษี 0-9940-00123-45-6", 0),
        ("วันที่ 01-02-2567 จำนวน 1,500,000 บาท", 0),
    ],
)
def test_thai_phone_number_detection(text, count):
    ex = extract(html_doc(f"<p>{text}</p>").encode(), "text/html", "http://x.go.th/")
    assert ex.features["phone"] == count


# --------------------------------------------------------------------------- real HTML


def test_real_word_export_page_decodes_thai_references():
    ex = extract(realdoc("hangdong-authority-word-export.html"), "text/html", "http://hangdong.go.th/power.htm")
    text = " ".join(ex.text.split())
    assert "อำนาจหน้าที่ของเทศบาลและการบริหารงานสภาเทศบาล" in text
    assert "เทศบาลตำบลหางดง มีโครงสร้างการบริหารงาน" in text
    assert "พระราชบัญญัติเทศบาล พ.ศ. 2496" in text
    assert "mso-" not in ex.text  # Word's CSS and XML islands are not text
    assert ex.error == ""


def test_real_homepage_links_and_no_comment_only_links():
    ex = extract(realdoc("phukradung-home-2567.html"), "text/html", "https://phukradungsao.go.th/public/")
    assert ex.encoding == "utf-8"
    assert ex.title.startswith("-องค์การบริหารส่วนตำบลภูกระดึง")
    links = links_of(ex)
    pairs = {(link.url, link.text) for link in ex.links}
    assert ("https://phukradungsao.go.th/public/list/data/index/menu/1685", "ITA") in pairs
    assert "https://itas.nacc.go.th/go/eit/lglly5" in links
    assert "https://itas.nacc.go.th/go/iit/lglly5" in links
    assert "https://phukradungsao.go.th/public/complaintgeneral/data/index/menu/5003" in links
    assert "https://phukradungsao.go.th/public/fraudcomplaint/data/index/menu/5005" in links
    # Only inside <!-- … --> in the file: a share URL, commented-out CSS/JS and an image.
    for url in ex.links:
        assert "pinterest.com" not in url.url
        assert "bootstrap" not in url.url
        assert "up-arrow" not in url.url
    assert all(not link.url.endswith("#tab-menu-1141") for link in ex.links)
    assert "โทรศัพท์ 0-4203-9209" in ex.text
    assert "โครงการประเพณีลอยกระทง ประจำปี พ.ศ.2567" in ex.text
    assert ex.features["phone"] >= 1
    assert ex.features["map"] >= 1  # the footer's Google Maps link


# --------------------------------------------------------------------------- plain text


def test_plain_text_and_csv_are_decoded_with_cp874_fallback():
    ex = extract("ลำดับ,รายการ\r\n1,จัดซื้อ\r\n".encode("cp874"), "text/csv", "http://x.go.th/a.csv")
    assert ex.kind == "text"
    assert ex.encoding == "cp874"
    assert ex.text.startswith("ลำดับ,รายการ\n1,จัดซื้อ")
    assert ex.pages[0].method == "text"


# --------------------------------------------------------------------------- PDF


def test_thai_pdf_text_layer_keeps_the_letters():
    pdf = make_thai_pdf(
        "<h1>ประกาศองค์การบริหารส่วนตำบลภูกระดึง</h1><p>เรื่อง ราชการใสสะอาด ติดต่อ 042-039209</p>",
        link="https://www.google.com/maps/place/Phu+Kradueng",
    )
    ex = extract(pdf, "application/pdf", "https://x.go.th/files/a.pdf")
    assert ex.kind == "pdf"
    assert ex.error == ""
    assert ex.pages[0].method == "text-layer"
    assert ex.pages[0].chars == len(ex.pages[0].text) > 0
    assert strip_marks("ประกาศองค์การบริหารส่วนตำบลภูกระดึง") in strip_marks(ex.text)
    assert strip_marks("ราชการใสสะอาด") in strip_marks(ex.text)
    assert strip_marks(ex.title) == strip_marks("ประกาศองค์การบริหารส่วนตำบลภูกระดึง")
    assert ex.headings and strip_marks(ex.headings[0]) == strip_marks(ex.title)
    assert ex.features["phone"] == 1
    assert ex.features["pages"] == 1
    assert [(link.url, link.kind) for link in ex.links] == [
        ("https://www.google.com/maps/place/Phu+Kradueng", "a")
    ]
    assert ex.features["map"] == 1


def test_pdf_junk_metadata_title_is_replaced_by_first_line_and_max_pages_is_respected():
    ex = extract(make_ascii_pdf(5), "application/pdf", "https://x.go.th/plan.pdf", max_pages=3)
    assert ex.title == "Page 1 of the procurement plan, phone 02 123 4567"
    assert [p.number for p in ex.pages] == [1, 2, 3]
    assert ex.features["pages"] == 5
    assert ex.features["pages_skipped"] == 2
    assert ex.text.split("\n\n")[2].startswith("Page 3")


@pytest.mark.parametrize(
    ("meta_title", "expected"),
    [
        ("คำสั่งแต่งตั้งคณะทำงาน ITA", "คำสั่งแต่งตั้งคณะทำงาน ITA"),
        ("479E214BD1D7961D5E783225EF50320E", "Page 1 of the procurement plan, phone 02 123 4567"),
        ("งานนำเสนอ PowerPoint", "Page 1 of the procurement plan, phone 02 123 4567"),
        ("scan0001.pdf", "Page 1 of the procurement plan, phone 02 123 4567"),
    ],
)
def test_pdf_title_uses_metadata_only_when_it_looks_real(meta_title, expected):
    pymupdf = pytest.importorskip("pymupdf")
    doc = pymupdf.open(stream=make_ascii_pdf(1), filetype="pdf")
    doc.set_metadata({"title": meta_title})
    assert extract(doc.tobytes(), "application/pdf", "https://x.go.th/a.pdf").title == expected


def test_encrypted_pdf_reports_error_without_raising():
    pymupdf = pytest.importorskip("pymupdf")
    pdf = make_ascii_pdf(1, encryption=pymupdf.PDF_ENCRYPT_AES_256, user_pw="secret", owner_pw="owner")
    ex = extract(pdf, "application/pdf", "https://x.go.th/locked.pdf")
    assert ex.kind == "pdf"
    assert "encrypted" in ex.error
    assert "เปิดไฟล์ไม่ได้" in ex.error
    assert ex.text == ""


@pytest.mark.parametrize("cut", [40, 200])
def test_truncated_pdf_reports_error_without_raising(cut):
    ex = extract(make_ascii_pdf(2)[:cut], "application/pdf", "https://x.go.th/broken.pdf")
    assert ex.kind == "pdf"
    assert ex.error.startswith("เปิดไฟล์ไม่ได้")
    assert ex.pages == []


def test_scanned_like_pdf_pages_are_flagged_without_text():
    pymupdf = pytest.importorskip("pymupdf")
    doc = pymupdf.open()
    doc.new_page()
    ex = extract(doc.tobytes(), "application/pdf", "https://x.go.th/scan.pdf")
    assert ex.error == ""
    assert ex.features["pages_without_text"] == 1


# --------------------------------------------------------------------------- Office


def test_docx_includes_tables_headers_footers_and_hyperlinks():
    ex = extract(make_docx(), "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                 "https://x.go.th/files/report.docx")
    assert ex.kind == "docx"
    assert ex.error == ""
    assert ex.title == "รายงานผลการจัดซื้อจัดจ้าง ประจำปีงบประมาณ 2567"
    assert ex.headings[:2] == ["รายงานผลการจัดซื้อจัดจ้าง ประจำปีงบประมาณ 2567", "เรียน นายกเทศมนตรี"]
    lines = ex.text.split("\n")
    assert "ลำดับ\tรายการ\tวงเงิน" in lines
    assert "1\tจัดซื้อวัสดุสำนักงาน\t15,000" in lines
    assert "เทศบาลตำบลหางดง หัวกระดาษ" in lines
    assert "ดูเพิ่มเติม: เว็บไซต์ ITA" in lines
    assert ex.features["table"] == 1
    assert ex.features["phone"] == 1  # from the footer
    assert [(link.url, link.text) for link in ex.links] == [("https://www.hangdong.go.th/ita", "เว็บไซต์ ITA")]
    assert ex.pages[0].method == "docx"


def test_xlsx_sheets_are_pages_with_tab_separated_cells():
    ex = extract(make_xlsx(), "", "https://x.go.th/files/sor-kor-ror.xlsx")
    assert ex.kind == "xlsx"
    assert ex.error == ""
    assert [p.method for p in ex.pages] == ["xlsx", "xlsx"]
    assert ex.pages[0].text.split("\n") == [
        "ลำดับ\tงานที่จัดซื้อ\tวงเงิน\tวันที่",
        "1\tจัดซื้อน้ำดื่ม\t1500\t2024-10-01",
        "2\tจ้างเหมาทำความสะอาด\t2500.5",
    ]
    assert ex.pages[1].text == "\tรวมทั้งสิ้น\t4000.5"
    assert ex.title == "ลำดับ งานที่จัดซื้อ วงเงิน วันที่"
    assert ex.features["pages"] == 2


def test_odt_and_ods_are_read_from_content_xml():
    odt = make_odf(
        "application/vnd.oasis.opendocument.text",
        "<office:text><text:h>คู่มือการปฏิบัติงาน</text:h>"
        "<text:p>ขั้นตอน<text:s text:c='2'/>ที่ 1<text:tab/>ยื่นคำร้อง</text:p>"
        "<table:table><table:table-row><table:table-cell><text:p>ก</text:p></table:table-cell>"
        "<table:table-cell><text:p>ข</text:p></table:table-cell></table:table-row></table:table>"
        "<text:p><text:a xlink:href='https://x.go.th/manual'>ลิงก์คู่มือ</text:a></text:p></office:text>",
    )
    ex = extract(odt, "", "https://x.go.th/manual.odt")
    assert ex.kind == "odt"
    assert ex.text.split("\n") == ["คู่มือการปฏิบัติงาน", "ขั้นตอน  ที่ 1\tยื่นคำร้อง", "ก\tข", "ลิงก์คู่มือ"]
    assert ex.title == "คู่มือการปฏิบัติงาน"
    assert [link.url for link in ex.links] == ["https://x.go.th/manual"]

    ods = make_odf(
        "application/vnd.oasis.opendocument.spreadsheet",
        "<office:spreadsheet><table:table table:name='a'><table:table-row>"
        "<table:table-cell><text:p>รายการ</text:p></table:table-cell>"
        "<table:table-cell table:number-columns-repeated='2'><text:p>0</text:p></table:table-cell>"
        "<table:table-cell table:number-columns-repeated='1000'/></table:table-row></table:table>"
        "<table:table table:name='b'><table:table-row><table:table-cell><text:p>สรุป</text:p>"
        "</table:table-cell></table:table-row></table:table></office:spreadsheet>",
    )
    ex = extract(ods, "", "https://x.go.th/a.ods")
    assert [p.text for p in ex.pages] == ["รายการ\t0\t0", "สรุป"]


def test_legacy_and_broken_office_files_report_errors():
    ole = OLE_MAGIC + b"\0" * 512
    doc = extract(ole, "application/msword", "https://x.go.th/files/plan.doc")
    assert doc.kind == "other"
    assert "ยังไม่รองรับ" in doc.error and "legacy .doc" in doc.error
    xls = extract(ole, "application/octet-stream", "https://x.go.th/files/budget.XLS")
    assert "legacy .xls" in xls.error

    broken = make_docx()[:300]
    ex = extract(broken, "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                 "https://x.go.th/files/report.docx")
    assert ex.kind == "docx"
    assert ex.error.startswith("เปิดไฟล์ไม่ได้")
    bad_xlsx = extract(b"PK\x03\x04garbage", "", "https://x.go.th/a.xlsx")
    assert bad_xlsx.kind == "xlsx" and bad_xlsx.error.startswith("เปิดไฟล์ไม่ได้")


def test_empty_and_unknown_bodies_do_not_raise():
    assert extract(b"", "application/pdf", "https://x.go.th/a.pdf").error
    other = extract(b"\x89PNG\r\n\x1a\n0000", "image/png", "https://x.go.th/a.png")
    assert other.kind == "other" and "image/png" in other.error


# --------------------------------------------------------------------------- real PDFs


def test_real_pdf_thai_text_survives():
    ex = extract(realdoc("phichai-royal-gazette.pdf"), "application/pdf", "https://x.go.th/g.pdf")
    assert ex.error == ""
    assert ex.features["pages"] == len(ex.pages)
    assert ex.features["text_chars"] > 1000


def test_real_scanned_pdf_is_readable_but_has_pages_without_text():
    ex = extract(realdoc("poknoi-scan-59.pdf"), "application/pdf", "https://x.go.th/scan.pdf")
    assert ex.error == ""
    assert ex.features["pages_without_text"] == ex.features["pages"] >= 1
    assert ex.features["image"] >= 1
