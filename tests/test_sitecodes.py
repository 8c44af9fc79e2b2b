"""The site's own ITA index against the catalog: renumbered lists, codes beyond the catalog, other years' pages."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import lxml.html
import pytest

from checklist.catalog import load_catalog
from checklist.sitecodes import CatalogFit, compare_site_codes, display_label, label_key
from checklist.sitedata import ItaRow, Resource, SiteData
from crawler.ita_index import parse_ita_index
from sitegen import build_site, sample_spec
from sitegen.demo import DEMO_SPEC
from sitegen.layouts import url_to_file
from sitegen.serve import load_file_routes, route_key
from tests.helpers import shared_path

HOME = "http://www.unit.go.th/"
ITA = HOME + "ita"
YEARS = (2565, 2566, 2567, 2568, 2569)


@pytest.fixture(scope="module")
def cats() -> dict[int, object]:
    return {y: load_catalog(f"nacc-{y}") for y in YEARS}


def _site(lines: list[tuple[str, str]], page: str = ITA, title: str = "", text: str = "") -> SiteData:
    rows = [ItaRow(page, code, label, f"{HOME}{code.lower()}") for code, label in lines]
    resources = {page: Resource(url=page, kind="html", title=title, text=text)} if title or text else {}
    return SiteData(home=HOME, resources=resources, ita_rows=rows)


def _lines(text: str) -> list[tuple[str, str]]:
    """ "O1 โครงสร้าง" lines → (code, label) pairs."""
    return [tuple(line.split(" ", 1)) for line in text.strip().splitlines()]  # type: ignore[misc]


def _compare(cats, site: SiteData, year: int, unit_type: str = "lao", catalog: int | None = None) -> CatalogFit:
    return compare_site_codes(cats[catalog or year], site, year, unit_type, list(cats.values()))


def _kinds(fit: CatalogFit) -> dict[str, str]:
    return {m.code: m.kind for m in fit.mismatches}


# --- a site that follows the catalog: no mismatch ---------------------------------------------------------------

#: How a อปท. writes the 2569 list: "ข้อ" and Thai digits, abbreviations, years, link words.
LAO_2569 = [
    ("O1", "ข้อ ๑ โครงสร้าง"),
    ("O2", "ข้อ ๒ ข้อมูลผู้บริหาร"),
    ("O3", "ข้อ ๓ ข้อมูลการติดต่อ | คลิก"),
    ("O4", "ข้อ ๔ ข่าวประชาสัมพันธ์"),
    ("O5", "ข้อ ๕ แผนพัฒนาท้องถิ่น (พ.ศ. ๒๕๖๖-๒๕๗๐)"),
    ("O6", "ข้อ ๖ แผนการดำเนินงาน ประจำปี ๒๕๖๙"),
    ("O7", "ข้อ ๗ รายงานผลการดำเนินงาน ประจำปี ๒๕๖๘"),
    ("O8", "ข้อ ๘ คู่มือการปฏิบัติงาน"),
    ("O9", "ข้อ ๙ คู่มือสำหรับประชาชน"),
    ("O10", "ข้อ ๑๐ E-Service https://www.unit.go.th/eservice"),
    ("O11", "ข้อ ๑๑ สรุปผลการจัดซื้อจัดจ้าง ดาวน์โหลด"),
    ("O12", "ข้อ ๑๒ รายงานผลการจัดซื้อจัดจ้าง ประจำปี ๒๕๖๘"),
    ("O13", "ข้อ ๑๓ แผนการบริหารและพัฒนาทรัพยากรบุคคล"),
    ("O14", "ข้อ ๑๔ รายงานผลการพัฒนาบุคลากร"),
    ("O15", "ข้อ ๑๕ ประมวลจริยธรรม"),
    ("O16", "ข้อ ๑๖ แนวปฏิบัติการจัดการเรื่องร้องเรียน"),
    ("O17", "ข้อ ๑๗ ช่องทางร้องเรียนการทุจริต"),
    ("O18", "ข้อ ๑๘ สถิติเรื่องร้องเรียน"),
    ("O19", "ข้อ ๑๙ การมีส่วนร่วม"),
    ("O20", "ข้อ ๒๐ No Gift Policy"),
    ("O21", "ข้อ ๒๑ การประเมินความเสี่ยงการทุจริต ๒๕๖๙"),
    ("O22", "ข้อ ๒๒ รายงานผลการบริหารจัดการความเสี่ยง"),
    ("O23", "ข้อ ๒๓ แผนป้องกันการทุจริต"),
    ("O24", "ข้อ ๒๔ รายงานผลการป้องกันการทุจริต"),
    ("O25", "ข้อ ๒๕ การนำผลการประเมิน ITA ไปพัฒนา"),
    ("O26", "ข้อ ๒๖ รายงานผลการส่งเสริมคุณธรรมและความโปร่งใส"),
]

#: A 2566/2567 อปท. index: the 43 items, shortened as units write them.
LAO_2567 = _lines("""
O1 โครงสร้างองค์กร
O2 ผู้บริหาร
O3 อำนาจหน้าที่ของ อบต.
O4 แผนพัฒนาท้องถิ่น (พ.ศ. 2566-2570)
O5 ช่องทางการติดต่อ
O6 กฎหมายและระเบียบที่เกี่ยวข้อง
O7 ข่าวสารประชาสัมพันธ์
O8 ถาม - ตอบ (Q&A)
O9 Facebook อบต.
O10 นโยบายคุ้มครองข้อมูลส่วนบุคคล (Privacy Policy)
O11 แผนการดำเนินงาน ประจำปีงบประมาณ พ.ศ. 2567
O12 รายงานการกำกับติดตามการดำเนินงาน ประจำปี 2567 รอบ 6 เดือน
O13 รายงานผลการดำเนินงาน ประจำปี 2566
O14 คู่มือการปฏิบัติงาน
O15 คู่มือสำหรับประชาชน
O16 สถิติการให้บริการ
O17 ผลการสำรวจความพึงพอใจ
O18 E-Service
O19 แผนการจัดซื้อจัดจ้าง ประจำปี 2567
O20 ประกาศจัดซื้อจัดจ้าง
O21 สรุปผลการจัดซื้อจัดจ้างรายเดือน
O22 รายงานผลการจัดซื้อจัดจ้าง ประจำปี 2566
O23 นโยบายการบริหารทรัพยากรบุคคล
O24 การดำเนินการตามนโยบายการบริหารทรัพยากรบุคคล
O25 หลักเกณฑ์การบริหารและพัฒนาทรัพยากรบุคคล
O26 รายงานผลการบริหารและพัฒนาทรัพยากรบุคคล ประจำปี 2566
O27 คู่มือการจัดการเรื่องร้องเรียนการทุจริต
O28 ช่องทางแจ้งเรื่องร้องเรียนการทุจริต
O29 สถิติเรื่องร้องเรียนการทุจริต
O30 การมีส่วนร่วมของประชาชน
O31 ประกาศเจตนารมณ์ No Gift Policy
O32 การสร้างวัฒนธรรม No Gift
O33 รายงานผลตามนโยบาย No Gift Policy
O34 การประเมินความเสี่ยงการทุจริต ประจำปี 2567
O35 การดำเนินการเพื่อจัดการความเสี่ยงการทุจริต
O36 แผนปฏิบัติการป้องกันการทุจริต (พ.ศ. 2566-2570)
O37 รายงานการกำกับติดตามการดำเนินการป้องกันการทุจริต รอบ 6 เดือน
O38 รายงานผลการดำเนินการป้องกันการทุจริต ประจำปี 2566
O39 ประมวลจริยธรรม
O40 การขับเคลื่อนจริยธรรม
O41 การประเมินจริยธรรม
O42 มาตรการส่งเสริมคุณธรรมและความโปร่งใส
O43 การดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใส
""")

#: A real agency's ITA page (2569 list, NACC's long names with the years they cover; O2/O4–O9 abbreviated).
AGENCY_2569 = _lines("""
O1 โครงสร้าง หน้าที่และอำนาจ
O2 ข้อมูลผู้บริหาร
O3 ข้อมูลการติดต่อและช่องทางการสอบถาม
O4 ข่าวประชาสัมพันธ์
O5 แผนยุทธศาสตร์
O8 คู่มือการปฏิบัติงาน การรับ-ส่งหนังสือ
O9 คู่มือการให้บริการข้อมูลข่าวสาร
O10 ระบบการให้บริการผ่านช่องทางออนไลน์ (E-SERVICE)
O11 สรุปผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุรายเดือน ประจำปีงบประมาณ พ.ศ. 2569
O12 รายงานสรุปผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุของหน่วยงาน ประจำปีงบประมาณ พ.ศ. 2568
O13 หลักเกณฑ์และแผนการบริหารและพัฒนาทรัพยากรบุคคล ประจำปีงบประมาณ พ.ศ. 2569
O14 รายงานผลการบริหารและพัฒนาทรัพยากรบุคคล ประจำปีงบประมาณ พ.ศ. 2568
O15 ประมวลจริยธรรมการขับเคลื่อนจริยธรรม
O16 แนวปฏิบัติการจัดการเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ
O17 ช่องทางแจ้งเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ
O18 ข้อมูลสถิติเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ ประจำปีงบประมาณ พ.ศ..2568
O19 ผลการเปิดโอกาสให้มีส่วนร่วมในการดำเนินงาน ปีงบประมาณ พ.ศ. 2569
O20 การขับเคลื่อนนโยบาย NO GIFT POLICY จากการปฏิบัติหน้าที่และการเสริมสร้างความรู้เกี่ยวกับหลักเกณฑ์การรับทรัพย์สิน
O21 การประเมินความเสี่ยงการทุจริตในหน่วยงานภาครัฐ ประจำปีงบประมาณ พ.ศ. 2569
O22 รายงานผลการดำเนินการตามแผนบริหารจัดการความเสี่ยงการทุจริตของหน่วยงาน ประจำปีงบประมาณ พ.ศ. 2568
O23 แผนปฏิบัติการป้องกันการทุจริต ปีงบประมาณ พ.ศ. 2569
O24 รายงานผลการดำเนินการป้องกันการทุจริต ปีงบประมาณ พ.ศ.. 2568
O25 การนำผลการประเมิน ITA ไปสู่การพัฒนาองค์กร
O26 รายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงานปีงบประมาณ พ.ศ.. 2568
""")

#: The same agency's page before it was updated: the 2568 list (28 items, O2/O5–O7 not listed).
AGENCY_2568 = _lines("""
O1 โครงสร้างและอำนาจหน้าที่
O3 ข้อมูลการติดต่อ
O4 ข่าวประชาสัมพันธ์
O8 คู่มือหรือแนวทางการปฏิบัติงานของเจ้าหน้าที่
O9 คู่มือหรือแนวทางการขอรับบริการสำหรับผู้รับบริการหรือผู้มาติดต่อ
O10 E–Service
O11 ข้อมูลสถิติการให้บริการ
O12 รายการการจัดซื้อจัดจ้างหรือการจัดหาพัสดุ และความก้าวหน้าการจัดซื้อจัดจ้างหรือการจัดหาพัสดุ
O13 รายงานผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุประจำปี พ.ศ. 2568
O14 แผนการบริหารและพัฒนาทรัพยากรบุคคลประจำปีงบประมาณ พ.ศ. 2569
O15 รายงานผลการบริหารและพัฒนาทรัพยากรบุคคลประจำปี พ.ศ. 2568
O16 ประมวลจริยธรรมและการขับเคลื่อนจริยธรรม
O17 แนวปฏิบัติการจัดการเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ
O18 ช่องทางแจ้งเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ
O19 ข้อมูลสถิติเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ ประจำปี พ.ศ. 2568
O20 การเปิดโอกาสให้เกิดการมีส่วนร่วม
O21 ประกาศเจตนารมณ์และการสร้างวัฒนธรรม ตามนโยบาย No Gift Policy จากการปฏิบัติหน้าที่
O22 รายงานการรับทรัพย์สินหรือประโยชน์อื่นใดโดยธรรมจรรยา
O23 การประเมินความเสี่ยงที่อาจเกิดการให้หรือรับสินบนจากการดำเนินงานตามภารกิจของหน่วยงานประจำปี พ.ศ. 2569
O24 รายงานผลการดำเนินการเพื่อจัดการความเสี่ยงการทุจริตและประพฤติมิชอบประจำปี พ.ศ. 2568
O25 แผนปฏิบัติการป้องกันปราบปรามการทุจริตและประพฤติมิชอบ และส่งเสริมคุณธรรมจริยธรรม ประจำปีงบประมาณ พ.ศ. 2569
O26 รายงานผลการดำเนินงานตามแผนปฏิบัติการป้องกันปราบปรามการทุจริตและประพฤติมิชอบ และส่งเสริมคุณธรรมจริยธรรม
""")


def test_site_that_follows_the_catalog_with_abbreviated_labels_has_no_mismatch(cats):
    fit = _compare(cats, _site(LAO_2569), 2569)
    assert fit.mismatches == []
    assert not fit.likely_out_of_date and fit.better_catalog is None
    assert fit.unknown_items == 4  # O2, O4, O6, O7: names the 2569 catalog only guesses
    assert fit.matched == fit.rows_compared == 22 and fit.unjudged == 0
    assert "nacc-2569" in fit.summary_th and "follows catalog nacc-2569" in fit.summary_en


@pytest.mark.parametrize("year", [2566, 2567])
def test_2566_2567_lists_with_abbreviated_labels_have_no_mismatch(cats, year):
    fit = _compare(cats, _site(LAO_2567), year)
    assert fit.mismatches == [] and fit.matched == 43 and not fit.likely_out_of_date


@pytest.mark.parametrize(("lines", "year"), [(AGENCY_2569, 2569), (AGENCY_2568, 2568)])
def test_real_agency_index_of_the_catalogs_year_has_no_mismatch(cats, lines, year):
    fit = _compare(cats, _site(lines), year, "agency")
    assert fit.mismatches == [] and fit.better_catalog is None
    assert fit.matched >= 20


@pytest.mark.parametrize("year", YEARS)
def test_each_catalogs_own_names_and_terms_match_it(cats, year):
    cat = cats[year]
    for pick in (lambda it: it.name, lambda it: it.terms[-1], lambda it: min(it.terms, key=len)):
        lines = [(it.code, pick(it)) for it in cat.items_for("lao") if not it.unknown]
        fit = _compare(cats, _site(lines), year)
        assert fit.mismatches == [], [m.message_en for m in fit.mismatches]


def test_missing_rows_are_counted_not_reported(cats):
    fit = _compare(cats, _site(LAO_2569[:10]), 2569)
    assert fit.mismatches == [] and fit.missing_on_site == 16 and not fit.likely_out_of_date


# --- another year's list ------------------------------------------------------------------------------------------


def test_2566_list_checked_with_2569_is_out_of_date_and_names_the_list_it_follows(cats):
    lines = [(it.code, it.name) for it in cats[2566].items]
    fit = _compare(cats, _site(lines), 2569)
    assert fit.likely_out_of_date
    assert fit.better_catalog in ("nacc-2566", "nacc-2567") and fit.better_items == 43
    kinds = _kinds(fit)
    assert {"other_item", "different_name", "not_in_catalog"} <= set(kinds.values())
    assert fit.matched <= 2 and len(fit.mismatches) >= 30
    # O21 of 2566 (monthly procurement summary) is O11 of 2569: renumbered.
    o21 = next(m for m in fit.mismatches if m.code == "O21")
    assert o21.kind == "other_item" and o21.named_item == "O11"
    assert o21.catalog_name == cats[2569].item("O21").name
    assert "O21" in o21.message_th and "O11" in o21.message_th and "สรุปผลการจัดซื้อจัดจ้าง" in o21.message_th
    assert o21.message_en.startswith("O21 on the site's ITA page")
    # O10 of 2566 (personal data policy) is no item of 2569.
    o10 = next(m for m in fit.mismatches if m.code == "O10")
    assert o10.kind == "different_name" and o10.named_item is None
    assert "นโยบายคุ้มครองข้อมูลส่วนบุคคล" in o10.message_th
    assert "nacc-2567" in fit.summary_th or "nacc-2566" in fit.summary_th
    assert "43" in fit.summary_en and "out of date" in fit.summary_en


def test_real_2568_list_on_a_2569_check(cats):
    fit = _compare(cats, _site(AGENCY_2568), 2569, "agency")
    assert fit.likely_out_of_date and fit.better_catalog == "nacc-2568"
    kinds = _kinds(fit)
    assert kinds["O11"] == "different_name"  # service statistics: not an item of 2569
    named = {m.code: m.named_item for m in fit.mismatches}
    assert named["O13"] == "O12" and named["O15"] == "O14" and named["O16"] == "O15" and named["O19"] == "O18"
    assert "O1" not in kinds and "O3" not in kinds  # the names that did not change match


def test_2569_list_checked_with_2568_names_nacc_2569(cats):
    fit = _compare(cats, _site(AGENCY_2569), 2568, "agency")
    assert fit.likely_out_of_date and fit.better_catalog == "nacc-2569" and fit.better_items == 26


def test_codes_beyond_the_catalog_are_each_not_in_catalog(cats):
    extra = [("O27", "แนวปฏิบัติการจัดการเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ"), ("O28", "ช่องทางแจ้งเรื่องร้องเรียน"),
             ("O29", "ข้อมูลสถิติเรื่องร้องเรียน"), ("O30", "การเปิดโอกาสให้เกิดการมีส่วนร่วม")]  # fmt: skip
    fit = _compare(cats, _site(LAO_2569 + extra), 2569)
    assert [m.code for m in fit.mismatches] == ["O27", "O28", "O29", "O30"]
    assert {m.kind for m in fit.mismatches} == {"not_in_catalog"}
    assert all(m.catalog_name is None for m in fit.mismatches)
    assert fit.likely_out_of_date  # at least three: the catalog may be out of date
    o27 = fit.mismatches[0]
    assert "O27" in o27.message_th and "O26" in o27.message_th and "แนวปฏิบัติการจัดการเรื่องร้องเรียน" in o27.message_th
    assert "stops at O26" in o27.message_en
    assert o27.named_item == "O16"  # the name is the catalog's O16
    assert "ไม่ทันสมัย" in fit.summary_th


def test_one_or_two_odd_rows_are_listed_but_do_not_flag_the_catalog(cats):
    lines = [*LAO_2569[:-1], ("O26", "รายงานผลการสำรวจความพึงพอใจการให้บริการ")]
    fit = _compare(cats, _site(lines), 2569)
    assert [m.kind for m in fit.mismatches] == ["different_name"]
    assert not fit.likely_out_of_date and fit.better_catalog is None
    assert "(see the items)" in fit.summary_en


def test_assumed_catalog_is_said_in_the_summary(cats):
    assumed = cats[2569].model_copy(update={"id": "nacc-2570", "fiscal_year": 2570, "assumed_from": "nacc-2569"})
    lines = [(it.code, it.name) for it in cats[2566].items]
    fit = compare_site_codes(assumed, _site(lines), 2570, "lao", [*cats.values(), assumed])
    assert (
        fit.likely_out_of_date and "nacc-2569" in fit.summary_th and "assumes the list of nacc-2569" in fit.summary_en
    )


# --- which pages, which rows --------------------------------------------------------------------------------------


def test_index_page_of_another_year_only_compares_nothing(cats):
    lines = [(it.code, it.name) for it in cats[2566].items]
    site = _site(lines, title="ITA ประจำปีงบประมาณ พ.ศ. 2566", text="การประเมินคุณธรรมและความโปร่งใส ปีงบประมาณ 2566")
    fit = _compare(cats, site, 2569)
    assert fit.rows_compared == 0 and fit.mismatches == [] and not fit.likely_out_of_date
    assert fit.page_year == 2566 and fit.other_year_page and fit.pages == [ITA]
    assert "2566" in fit.summary_th and "2569" in fit.summary_th and "is for 2566" in fit.summary_en


def test_current_years_page_is_used_and_the_old_one_left_out(cats):
    old = [ItaRow(HOME + "ita2566", it.code, it.name, "") for it in cats[2566].items]
    new = [ItaRow(ITA, code, label, "") for code, label in LAO_2569]
    resources = {
        HOME + "ita2566": Resource(url=HOME + "ita2566", kind="html", title="ITA ปีงบประมาณ พ.ศ. 2566"),
        ITA: Resource(url=ITA, kind="html", title="ITA ปีงบประมาณ พ.ศ. 2569"),
    }
    fit = _compare(cats, SiteData(home=HOME, resources=resources, ita_rows=old + new), 2569)
    assert fit.mismatches == [] and fit.page_year == 2569 and fit.pages == [ITA]


def test_a_page_without_a_year_is_compared(cats):
    fit = _compare(cats, _site(LAO_2569, title="ข้อมูลเปิดเผยสาธารณะ (OIT)"), 2569)
    assert fit.page_year is None and fit.rows_compared == 22


def test_no_index_page(cats):
    fit = _compare(cats, SiteData(home=HOME, resources={}), 2569)
    assert fit.rows_compared == 0 and fit.page_year is None and not fit.other_year_page
    assert "ITA" in fit.summary_th and fit.mismatches == []


def test_a_code_listed_several_times_is_one_entry_with_its_best_label(cats):
    lines = [*LAO_2569, ("O1", ""), ("O1", "คลิก"), ("O11", "แผนการจัดซื้อจัดจ้าง ประจำปี 2569")]
    other = [ItaRow(HOME + "ita-2", "O1", "โครงสร้างและอำนาจหน้าที่", ""), ItaRow(HOME + "ita-2", "O11", "", "")]
    site = _site(lines)
    site.ita_rows += other * 3
    fit = _compare(cats, site, 2569)
    assert fit.mismatches == [] and fit.matched == 22  # O11's good label wins over the wrong one


def test_a_mismatching_code_listed_on_several_pages_is_reported_once(cats):
    lines = [(it.code, it.name) for it in cats[2566].items]
    site = _site(lines)
    site.ita_rows += [ItaRow(HOME + "ita-copy", code, label, "") for code, label in lines]
    fit = _compare(cats, site, 2569)
    codes = [m.code for m in fit.mismatches]
    assert len(codes) == len(set(codes))


def test_thai_digits_kho_prefixes_numbering_and_link_words_are_not_the_label():
    assert display_label("ข้อ ๑. โครงสร้าง | คลิก") == "โครงสร้าง"
    assert display_label("ข้อที่ 12) รายงานผล https://x.go.th/a.pdf ดาวน์โหลด") == "รายงานผล"
    assert display_label("O1: โครงสร้าง") == "โครงสร้าง"
    assert display_label("(๑๑) แผนปฏิบัติการ ประจำปี ๒๕๗๐") == "แผนปฏิบัติการ ประจำปี ๒๕๗๐"
    assert display_label("ข้อมูลการติดต่อ") == "ข้อมูลการติดต่อ"  # the ข้อ of ข้อมูล stays
    assert display_label("Online service") == "Online service"  # the O of a word stays
    assert label_key("(๑๑) แผนปฏิบัติการ ประจำปีงบประมาณ พ.ศ. ๒๕๗๐") == label_key("แผนปฏิบัติการ")
    assert label_key("แผนพัฒนาท้องถิ่น (พ.ศ. 2566-2570)") == label_key("แผนพัฒนาท้องถิ่น")


def test_labels_with_thai_digits_and_kho_prefixes_match(cats):
    lines = [(code, f"ข้อ {code[1:].translate(str.maketrans('0123456789', '๐๑๒๓๔๕๖๗๘๙'))}. {label}")
             for code, label in LAO_2567]  # fmt: skip
    fit = _compare(cats, _site(lines), 2567)
    assert fit.mismatches == [] and fit.matched == 43


def test_thai_read_as_latin1_is_read_again():
    garbled = "กฎหมายที่เกี่ยวข้อง".encode("cp874").decode("latin-1")
    assert display_label(garbled + " document.write('<a href=\"/laws.html\">')") == "กฎหมายที่เกี่ยวข้อง"


def test_short_or_empty_labels_are_not_judged(cats):
    lines = [*LAO_2569[:5], ("O8", "คลิก"), ("O9", "-"), ("O12", "ITA"), ("O13", "")]
    fit = _compare(cats, _site(lines), 2569)
    assert fit.mismatches == [] and fit.unjudged == 4


def test_a_row_for_an_unknown_item_is_neither_match_nor_mismatch(cats):
    assert cats[2569].item("O2").unknown
    lines = [*LAO_2569[:1], ("O2", "ข้อมูลผู้บริหาร"), ("O3", "ข้อมูลการติดต่อ")]
    fit = _compare(cats, _site(lines), 2569)
    assert fit.unknown_items == 1 and fit.matched == 2 and fit.mismatches == []
    # Even a label that clearly names another item is no mismatch for an unknown one.
    lines = [*LAO_2569[:1], ("O2", "แผนปฏิบัติการป้องกันการทุจริต"), ("O3", "ข้อมูลการติดต่อ")]
    fit = _compare(cats, _site(lines), 2569)
    assert fit.unknown_items == 1 and fit.mismatches == []


def test_messages_quote_the_label_cut_to_80_characters(cats):
    long = "รายงานผลการสำรวจความพึงพอใจการให้บริการของประชาชนผู้มารับบริการ " * 3
    lines = [*LAO_2569[:-1], ("O26", long)]
    fit = _compare(cats, _site(lines), 2569)
    m = fit.mismatches[0]
    quoted = m.message_th.split("“")[1].split("”")[0]
    assert len(quoted) <= 80 and quoted.endswith("…")
    assert m.message_th.index("O26") < m.message_th.index("“")
    assert cats[2569].item("O26").name[:40] in m.message_th


# --- the site generator's and the saved real pages -------------------------------------------------------------


def _page_bytes(root: Path, url: str) -> bytes:
    routes = load_file_routes(root)[0]
    entry = routes.get(route_key(url))
    return (root / (entry["file"] if entry else url_to_file(url))).read_bytes()


def _site_from_index(raw: bytes, url: str, encoding: str) -> SiteData:
    """What the crawler stores of an ITA index page: rows parsed from the bytes as served, the page's text."""
    text = raw.decode({"tis-620": "cp874", "windows-874": "cp874"}.get(encoding, encoding), "replace")
    doc = lxml.html.fromstring(text)
    page = Resource(
        url=url, kind="html", title=doc.findtext(".//title") or "", text=" ".join(doc.text_content().split())
    )
    rows = [ItaRow(url, r.code, r.label, r.url) for r in parse_ita_index(raw, url)]
    return SiteData(home=HOME, resources={url: page}, ita_rows=rows)


#: The demo site (lao_cms), and a static TIS-620 site whose charset only the HTTP header gives (the rows parsed
#: from its bytes read Thai as Latin-1). Every layout writes the same index table; all layouts of 40 sampled
#: specs gave no mismatch when this module was written.
GENERATED = {"demo": DEMO_SPEC, "static_tis620": replace(sample_spec(37), ita_index=True)}


@pytest.fixture(scope="module", params=sorted(GENERATED))
def generated(request, tmp_path_factory):
    spec = GENERATED[request.param]
    root = tmp_path_factory.mktemp(f"sitecodes-{request.param}")
    truth = build_site(spec, root)
    url = truth["ita_index"]
    assert url, "the spec builds an ITA index page"
    return spec, truth, _site_from_index(_page_bytes(root, url), HOME.rstrip("/") + url, spec.encoding)


@pytest.mark.slow  # builds generated sites (about 10 s)
def test_generated_ita_index_fits_the_catalog_of_its_year(cats, generated):
    spec, truth, site = generated
    assert len({r.code for r in site.ita_rows}) == 43
    fy = truth["fiscal_year"]
    fit = _compare(cats, site, fy, spec.unit_type)
    assert fit.mismatches == [], [m.message_en for m in fit.mismatches]
    assert fit.matched == 43 and fit.page_year in (fy, None)


@pytest.mark.slow
def test_generated_ita_index_checked_with_2569_names_its_list(cats, generated):
    spec, truth, site = generated
    fit = _compare(cats, site, truth["fiscal_year"], spec.unit_type, catalog=2569)
    assert fit.likely_out_of_date and fit.better_catalog in ("nacc-2566", "nacc-2567")


def test_saved_real_homepage_has_no_ita_list(cats):
    path = shared_path("realdocs", "phukradung-home-2567.html")
    raw = path.read_bytes()
    site = _site_from_index(raw, HOME, "utf-8")
    assert site.ita_rows == []  # only a menu link "ITA": nothing to compare
    fit = _compare(cats, site, 2567)
    assert fit.rows_compared == 0 and fit.mismatches == [] and not fit.likely_out_of_date


def test_a_code_in_a_gap_of_the_catalogs_numbering_is_said_to_be_missing_not_beyond_the_end():
    """An imported list may skip codes (O1–O3, O5, O27): the site's O4 is "not in the list", not "beyond O27"."""
    base = load_catalog("nacc-2569")
    sparse = base.model_copy(update={"items": [it for it in base.items if it.code in ("O1", "O3", "O5", "O26")]})
    site = _site(_lines("O1 โครงสร้าง หน้าที่และอำนาจ\nO3 ข้อมูลการติดต่อ\nO4 ข่าวประชาสัมพันธ์\nO5 แผนยุทธศาสตร์"))
    fit = compare_site_codes(sparse, site, 2569, "agency")
    (gap,) = [m for m in fit.mismatches if m.code == "O4"]
    assert gap.kind == "not_in_catalog" and "ไม่มีข้อ O4" in gap.message_th and "has no O4" in gap.message_en
