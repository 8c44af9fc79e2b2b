# ruff: noqa: E501  (Thai fixture texts read better unwrapped)
"""The year a check judges by default, catalogs carried forward to a year without a list, and `oit catalog new`."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from checklist.catalog import CATALOG_DIR as CATALOGS
from checklist.catalog import CatalogError, load_catalog
from checklist.catalog_years import carry_forward, choose_catalog, default_fiscal_year
from checklist.engine import evaluate_site
from checklist.sitedata import Link, Resource, SiteData
from oitbase.thai import clean
from tests.helpers import run_oit, run_oit_here

HOME = "http://unit.example/"


@pytest.mark.parametrize(
    ("today", "year"),
    [
        (dt.date(2026, 9, 30), 2569),
        (dt.date(2026, 10, 1), 2570),
        (dt.date(2026, 12, 2), 2570),
        (dt.date(2027, 9, 30), 2570),
        (dt.date(2027, 10, 1), 2571),
    ],
)
def test_default_year_is_the_fiscal_year_under_way(today: dt.date, year: int) -> None:
    assert default_fiscal_year(today) == year
    assert choose_catalog(today=today).fiscal_year == year


def test_before_1_october_2569_s_list_after_it_the_assumed_2570_list() -> None:
    before = choose_catalog(today=dt.date(2026, 9, 30))
    assert before.catalog.id == "nacc-2569" and not before.carried
    after = choose_catalog(today=dt.date(2026, 10, 1))
    cat = after.catalog
    assert (cat.id, cat.fiscal_year, cat.confidence, cat.assumed_from) == ("nacc-2570", 2570, "low", "nacc-2569")
    assert not after.carried and after.path.name == "nacc-2570.yaml"
    assert "2569" in cat.shown_notice and "2570" in cat.shown_notice and "assumed" in cat.shown_notice


def test_2570_carries_2569_items_with_every_item_low_confidence() -> None:
    old, new = load_catalog("nacc-2569"), load_catalog("nacc-2570")
    assert [(i.code, i.name, i.year_rule, i.unknown) for i in new.items] == [
        (i.code, i.name, i.year_rule, i.unknown) for i in old.items
    ]
    assert {i.confidence for i in new.items} == {"low"}


def test_a_year_without_a_file_carries_the_newest_list_forward() -> None:
    choice = choose_catalog(today=dt.date(2027, 10, 1))
    cat = choice.catalog
    assert choice.carried and choice.path.name == "nacc-2570.yaml"
    assert (cat.id, cat.fiscal_year, cat.assumed_from) == ("nacc-2571", 2571, "nacc-2569")
    assert "2571" in cat.shown_notice and "2569" in cat.shown_notice
    assert "2571" in cat.title and cat.title.count("สมมุติ") == 1


def test_a_catalog_file_asked_for_another_year_is_carried_to_it() -> None:
    choice = choose_catalog(2568, catalog_file="nacc-2567")
    assert choice.carried and choice.catalog.fiscal_year == 2568 and choice.catalog.assumed_from == "nacc-2567"
    assert choice.catalog.confidence == "low"
    same = choose_catalog(catalog_file="nacc-2567")
    assert not same.carried and same.fiscal_year == 2567 and same.catalog.shown_notice == ""


def test_unknown_scheme_and_years_before_every_list_are_refused() -> None:
    with pytest.raises(CatalogError, match="scheme 'police'"):
        choose_catalog(scheme="police")
    with pytest.raises(CatalogError, match="2560"):
        choose_catalog(2560)


# ───────────────────────────── a site dated 2570 judged by the default catalog ─────────────────────────────

ANTI_CORRUPTION_PLAN = """แผนปฏิบัติการป้องกันการทุจริต ประจำปีงบประมาณ พ.ศ. ๒๕๗๐
สำนักงานพัฒนาชุมชนจังหวัดตัวอย่าง
ส่วนที่ ๑ บทนำ หลักการและเหตุผล วัตถุประสงค์
ส่วนที่ ๒ โครงการ/กิจกรรม ตามแผนปฏิบัติการป้องกันการทุจริต
โครงการเสริมสร้างคุณธรรมจริยธรรมและความโปร่งใส งบประมาณ ๓๐,๐๐๐ บาท ระยะเวลาดำเนินการ ธันวาคม ๒๕๖๙ – มีนาคม ๒๕๗๐ ผู้รับผิดชอบ กลุ่มงานบริหารทั่วไป
กิจกรรมประกาศเจตนารมณ์ต่อต้านการทุจริต ไม่ใช้งบประมาณ ระยะเวลา ตุลาคม ๒๕๖๙ ผู้รับผิดชอบ ฝ่ายบริหาร
ตัวชี้วัด ร้อยละของบุคลากรที่เข้าร่วมกิจกรรม เป้าหมาย ร้อยละ ๙๐
ประกาศ ณ วันที่ ๑ ตุลาคม พ.ศ. ๒๕๖๙"""

PROCUREMENT_SUMMARY = """รายงานสรุปผลการจัดซื้อจัดจ้าง ประจำปีงบประมาณ พ.ศ. ๒๕๖๙
สำนักงานพัฒนาชุมชนจังหวัดตัวอย่าง
ผลการจัดซื้อจัดจ้าง จำนวนโครงการ ๔๒ โครงการ งบประมาณที่ใช้ในการจัดซื้อจัดจ้าง ๑,๒๕๐,๐๐๐ บาท
วิธีเฉพาะเจาะจง ๔๐ โครงการ วิธีประกวดราคาอิเล็กทรอนิกส์ (e-bidding) ๒ โครงการ
ปัญหา อุปสรรค และข้อเสนอแนะ ไม่มี
ข้อมูล ณ วันที่ ๑๕ ตุลาคม ๒๕๖๙"""


def _site() -> SiteData:
    def doc(path: str, text: str) -> Resource:
        return Resource(url=HOME + path, kind="pdf", title="", text=clean(text), features={})

    home = Resource(url=HOME, kind="html", title="หน้าแรก", text="สำนักงานพัฒนาชุมชนจังหวัดตัวอย่าง ยินดีต้อนรับ")
    docs = [doc("files/anti-corruption-plan-2570.pdf", ANTI_CORRUPTION_PLAN), doc("files/procurement-2569.pdf", PROCUREMENT_SUMMARY)]
    links = [
        Link(HOME, docs[0].url, "แผนปฏิบัติการป้องกันการทุจริต ประจำปีงบประมาณ พ.ศ. 2570"),
        Link(HOME, docs[1].url, "รายงานสรุปผลการจัดซื้อจัดจ้างประจำปี 2569"),
    ]
    return SiteData(home=HOME, resources={r.url: r for r in [home, *docs]}, links=links)


def _by_name(catalog, name: str):
    return next(it.code for it in catalog.items if it.name == name)


def _year_problems(result) -> list[str]:
    """The year rule's complaints ("เป็นข้อมูลปี 2569 ไม่ใช่ปี 2570", "ไม่ระบุปีงบประมาณ …")."""
    return [m for m in result.missing if "ไม่ใช่ปี" in m or m.startswith("ไม่ระบุปี")]


def test_documents_dated_2570_meet_the_default_catalogs_year_rules() -> None:
    choice = choose_catalog(today=dt.date(2026, 12, 2))
    cat = choice.catalog
    results = {r.code: r for r in evaluate_site(cat, _site(), choice.fiscal_year, "agency")}
    plan = results[_by_name(cat, "แผนปฏิบัติการป้องกันการทุจริต")]
    assert plan.evidence and plan.evidence[0].fiscal_year == 2570
    assert not _year_problems(plan), plan.missing
    report = results[_by_name(cat, "รายงานสรุปผลการจัดซื้อจัดจ้างประจำปี")]
    assert report.evidence and report.evidence[0].fiscal_year == 2569  # the previous year, as the rule asks
    assert not _year_problems(report), report.missing


def test_the_same_documents_are_the_wrong_year_for_2569() -> None:
    cat = load_catalog("nacc-2569")
    results = {r.code: r for r in evaluate_site(cat, _site(), 2569, "agency")}
    plan = results[_by_name(cat, "แผนปฏิบัติการป้องกันการทุจริต")]
    assert plan.status != "pass" and any("ไม่ใช่ปี 2569" in m for m in _year_problems(plan)), plan.missing


def test_carry_forward_in_memory_equals_the_file_that_catalog_new_writes(tmp_path: Path) -> None:
    out = tmp_path / "nacc-2571.yaml"
    result = run_oit_here("catalog", "new", "--year", "2571", "--from", "nacc-2570", "--out", str(out))
    assert result.returncode == 0, result.stderr
    written = load_catalog(out)
    in_memory = carry_forward(load_catalog("nacc-2570"), 2571)
    assert written.model_dump() == in_memory.model_dump()
    assert "item_overrides" in out.read_text(encoding="utf-8")  # the file says how to correct it
    again = run_oit_here("catalog", "new", "--year", "2571", "--from", "nacc-2570", "--out", str(out))
    assert again.returncode != 0 and "--force" in again.stderr
    back = run_oit_here("catalog", "new", "--year", "2569", "--from", "nacc-2570", "--out", str(tmp_path / "x.yaml"))
    assert back.returncode != 0 and "must be after" in back.stderr


def test_catalog_list_shows_scheme_year_items_unknown_and_confidence() -> None:
    result = run_oit_here("catalog", "list")
    assert result.returncode == 0, result.stderr
    rows = {line.split()[0]: line.split() for line in result.stdout.splitlines()[1:]}
    for year in range(2565, 2571):
        assert f"nacc-{year}" in rows, result.stdout
    cat = load_catalog("nacc-2570")
    unknown = sum(1 for it in cat.items if it.unknown)
    row = rows["nacc-2570"]
    assert row[1:3] == ["nacc", "2570"] and row[4:7] == [str(len(cat.items)), str(unknown), "low"]
    assert "assumed from nacc-2569" in " ".join(row)


@pytest.mark.slow
def test_check_without_a_year_judges_the_year_under_way_and_says_the_list_is_assumed(tmp_path: Path) -> None:
    import json

    from sitegen.serve import serve_directory

    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text(
        "<html><head><meta charset='utf-8'><title>สำนักงานตัวอย่าง</title></head><body>"
        "<a href='contact.html'>ติดต่อเรา</a></body></html>",
        encoding="utf-8",
    )
    (site / "contact.html").write_text(
        "<html><head><meta charset='utf-8'><title>ติดต่อเรา</title></head><body>"
        "<p>เลขที่ 9 ถนนตัวอย่าง ตำบลในเมือง อำเภอเมือง จังหวัดตัวอย่าง 10100 โทร 02-123-4567</p></body></html>",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    with serve_directory(site) as base:
        result = run_oit(
            "check", base, "--db", str(tmp_path / "x.db"), "--out", str(out), "--json", str(tmp_path / "r.json"),
            "--quiet", "--no-render", "--no-ocr", "--unit-type", "agency",
        )  # fmt: skip
        assumed = run_oit(
            "check", base, "--year", "2570", "--db", str(tmp_path / "x.db"), "--out", str(tmp_path / "o2570"),
            "--quiet", "--no-render", "--no-ocr", "--unit-type", "agency",
        )  # fmt: skip
    # FY 2570 has no published list (yet): the bundled one is assumed, and the report says so whatever the date
    assert assumed.returncode == 0, assumed.stderr[-3000:]
    assert "assumed from 2569" in assumed.stdout and "⚠ เกณฑ์ที่ใช้ตรวจ" in assumed.stdout
    assert result.returncode == 0, result.stderr[-3000:]
    report = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    choice = choose_catalog()
    today = dt.date.today()
    assert report["fiscal_year"] == today.year + 543 + (today.month >= 10) == choice.fiscal_year
    assert report["catalog"]["id"] == choice.catalog.id
    notice = report["catalog"]["notice"]
    assert notice == choice.catalog.shown_notice
    if choice.catalog.confidence == "low":
        # Said prominently everywhere: the terminal summary, the HTML banner, the Markdown quote, both CSVs.
        assert notice and f"เกณฑ์ที่ใช้ตรวจ: {notice[:40]}" in result.stdout
        assert 'id="catalog-notice"' in (out / "oit-report.html").read_text(encoding="utf-8")
        assert f"**⚠ เกณฑ์ที่ใช้ตรวจ:** {notice[:20]}" in (out / "oit-report.md").read_text(encoding="utf-8")
        for name in ("oit-report.csv", "itas-answer-sheet.csv"):
            assert f"{choice.catalog.id} v" in (out / name).read_text(encoding="utf-8-sig")
    assert report["catalog"]["items_unknown"] == sum(1 for it in choice.catalog.items if it.unknown)


def test_a_file_in_the_working_directory_never_replaces_a_bundled_catalogs_base(tmp_path, monkeypatch) -> None:
    """`oit catalog import` writes ./nacc-2569.yaml by default: the bundled nacc-2570 still extends the bundled
    2569 list, not the user's file."""
    (tmp_path / "nacc-2569.yaml").write_text("extends: nacc-2567\nid: nacc-2569\nfiscal_year: 2569\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert len(load_catalog("nacc-2570").items) == len(load_catalog(Path(CATALOGS) / "nacc-2569.yaml").items) == 26
    assert len(load_catalog("nacc-2569.yaml").items) == 43  # a file named by the user is the user's file
    assert len(load_catalog("nacc-2569").items) == 26  # an id is the bundled catalog


def test_a_custom_catalog_is_carried_under_its_own_name_and_never_backwards(tmp_path) -> None:
    own = tmp_path / "tambon.yaml"
    own.write_text("extends: nacc-2569\nid: tambon-custom\nversion: '1'\n", encoding="utf-8")
    carried = choose_catalog(2570, catalog_file=own).catalog
    assert (carried.id, carried.fiscal_year, carried.assumed_from, carried.assumed_year) == (
        "tambon-custom-2570", 2570, "tambon-custom", 2569,
    )  # fmt: skip
    assert "2569" in carried.shown_notice and "2570" in carried.shown_notice
    with pytest.raises(CatalogError, match="earlier FY 2568"):
        choose_catalog(2568, catalog_file="nacc-2569")


def test_terminal_text_from_a_site_loses_escapes_and_bidi_controls() -> None:
    from oit.cli_common import plain

    assert plain("O7 \x1b[2J\u202eโครงสร้าง\u2028x") == "O7 [2Jโครงสร้างx"
