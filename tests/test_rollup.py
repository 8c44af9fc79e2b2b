"""The roll-up of a batch (#13): ranking, units × items matrix, items failed most, province summaries, the charts,
and the safety of its HTML and CSV (unit names and links come from a register and from crawled sites)."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from lxml import etree
from lxml import html as lxml_html

from oitbase.units import Unit
from reports import RollupRow, build_rollup, write_rollup
from reports.charts import hbar_svg, histogram, score_histogram_svg, trend_svg
from reports.rollup import render_rollup_html
from reports.safety import safe_relative_href
from tests.unit_reports import CODES, unit_report


def batch() -> list[RollupRow]:
    """5 units over 2 provinces; one (สระบุรี) could not be checked."""

    def unit(code: str, name: str, province: str, parent: str = "อำเภอเมือง") -> Unit:
        return Unit(code=code, name=name, url=f"https://{code}.go.th", province=province, parent=parent)

    return [
        RollupRow(unit("001", "อบต. ก", "สระบุรี"), unit_report("ก", 72.5, "PpfP"), report_path="units/001/report.html"),
        RollupRow(unit("002", "อบต. ข", "สระบุรี"), unit_report("ข", 91.0, "PPPp")),
        RollupRow(unit("003", "อบต. ค", "ลพบุรี", "อำเภอบ้านหมี่"), unit_report("ค", 40.0, "ffuP")),
        RollupRow(unit("004", "อบต. ง", "ลพบุรี", "อำเภอบ้านหมี่"), unit_report("ง", 86.0, "PPfP")),
        RollupRow(unit("005", "อบต. จ", "สระบุรี"), None, problem="เว็บไซต์ไม่ตอบ (site unreachable)", run_id=9),
    ]


@pytest.fixture(scope="module")
def rollup():
    return build_rollup(batch(), title="อำเภอเมือง", batch_id=3, generated="2025-03-02T08:00:00+07:00")


def test_units_are_ranked_best_first_and_the_problem_unit_is_listed_apart(rollup) -> None:
    assert [u.code for u in rollup.ranked] == ["002", "004", "001", "003"]
    assert [u.rank for u in rollup.ranked] == [1, 2, 3, 4]
    assert [(p.code, p.problem, p.run_id) for p in rollup.problems] == [("005", "เว็บไซต์ไม่ตอบ (site unreachable)", 9)]
    assert (rollup.totals.units, rollup.totals.checked, rollup.totals.problems) == (5, 4, 1)
    assert rollup.totals.mean == pytest.approx((72.5 + 91 + 40 + 86) / 4, abs=0.01)
    assert rollup.totals.passing == 2  # 91 and 86 reach 85


def test_matrix_has_a_status_per_item_and_empty_cells_for_the_problem_unit(rollup) -> None:
    assert [c.code for c in rollup.items] == list(CODES)
    rows = {row.code: row for row in rollup.matrix}
    assert rows["001"].cells == {"O1": "pass", "O2": "partial", "O3": "fail", "O4": "pass"}
    assert rows["003"].cells["O3"] == "unknown"
    assert rows["005"].cells == dict.fromkeys(CODES, "") and rows["005"].problem
    assert [row.code for row in rollup.matrix] == ["002", "004", "001", "003", "005"]


def test_item_columns_follow_the_first_report_then_add_codes_only_later_reports_have() -> None:
    rows = batch()[:2]
    rows[1] = RollupRow(rows[1].unit, unit_report("ข", 60, "fPf", codes=("O2", "O9", "O1")))
    rollup = build_rollup(rows)
    assert [c.code for c in rollup.items] == ["O1", "O2", "O3", "O4", "O9"]
    assert {r.code: r.cells["O3"] for r in rollup.matrix} == {"001": "fail", "002": ""}


def test_items_failed_most_count_fail_and_partial_of_checked_units_only(rollup) -> None:
    failed = {f.code: (f.failing, f.checked) for f in rollup.failed_most}
    # O3: fail in 001 and 004, unknown in 003 (not checked), pass in 002; the problem unit counts nowhere
    assert failed == {"O3": (2, 3), "O1": (1, 4), "O2": (2, 4), "O4": (1, 4)}
    assert [f.code for f in rollup.failed_most][:2] == ["O3", "O2"]  # same count: the higher share first
    assert rollup.failed_most[0].share == pytest.approx(2 / 3, abs=1e-3)


def test_province_and_parent_summaries(rollup) -> None:
    prov = {g.name: g for g in rollup.provinces}
    assert set(prov) == {"สระบุรี", "ลพบุรี"}
    s = prov["สระบุรี"]
    assert (s.units, s.checked, s.problems, s.min, s.max, s.passing) == (3, 2, 1, 72.5, 91.0, 1)
    assert s.mean == pytest.approx(81.75)
    assert s.bands == {"ต้องปรับปรุง": 1, "ผ่านดี": 1}
    lop = prov["ลพบุรี"]
    assert (lop.units, lop.checked, lop.mean, lop.passing) == (2, 2, 63.0, 1)
    assert {g.name: g.units for g in rollup.parents} == {"อำเภอเมือง": 3, "อำเภอบ้านหมี่": 2}


def test_a_batch_where_nothing_could_be_checked_still_renders() -> None:
    rollup = build_rollup([RollupRow(Unit(code="9", url="https://9.go.th"), None)])
    assert rollup.ranked == [] and rollup.problems[0].problem  # a reason even when none was given
    assert rollup.totals.mean is None and rollup.items == []
    lxml_html.document_fromstring(render_rollup_html(rollup))


def test_histogram_svg_has_one_bar_per_bin_and_counts_sum_to_the_checked_units(rollup) -> None:
    scores = [u.score for u in rollup.ranked]
    svg = etree.fromstring(str(score_histogram_svg(scores)).encode())
    ns = {"s": "http://www.w3.org/2000/svg"}
    bars = svg.findall(".//s:rect[@class='bar']", ns)
    assert len(bars) == 10
    assert sum(int(b.get("data-count")) for b in bars) == len(scores) == 4
    assert svg.get("role") == "img" and svg.find("s:title", ns).text.startswith("การกระจาย")
    assert svg.get("width") == "100%" and svg.findall(".//s:script", ns) == []
    assert [b.count for b in rollup.histogram] == [n for _, _, n in histogram(scores)]
    assert histogram([0, 9.99, 10, 100, 100], bins=10)[0][2] == 2 and histogram([100], bins=10)[-1][2] == 1


def test_charts_escape_their_text() -> None:
    evil = "<script>alert(1)</script>"
    for svg in (trend_svg([(evil, 50.0)], title=evil), hbar_svg([(evil, 0.5, "1/2")], title=evil)):
        tree = etree.fromstring(str(svg).encode())  # well-formed XML: nothing leaked out of its text
        assert not tree.findall(".//{http://www.w3.org/2000/svg}script") and "<script>" not in str(svg)


def test_trend_svg_breaks_the_line_at_a_crawl_problem() -> None:
    svg = etree.fromstring(str(trend_svg([("a", 60.0), ("b", 70.0), ("c", None), ("d", 80.0), ("e", 75.0)])).encode())
    ns = {"s": "http://www.w3.org/2000/svg"}
    assert len(svg.findall(".//s:polyline", ns)) == 2  # a–b and d–e, nothing across c
    assert len(svg.findall(".//s:circle", ns)) == 4
    assert len(svg.findall(".//s:text[@class='problem']", ns)) == 1


def test_csv_has_one_row_per_unit_and_guards_formula_names(tmp_path) -> None:
    rows = batch()
    rows[2].unit.name = '=HYPERLINK("http://evil")'
    paths = write_rollup(build_rollup(rows), tmp_path)
    raw = paths["csv"].read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    table = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert table[0] == ["code", "name", "province", "parent", "url", "score", "band", "problem", *CODES]
    assert len(table) == 1 + 5
    by_code = {r[0]: r for r in table[1:]}
    assert by_code["003"][1] == '\'=HYPERLINK("http://evil")'
    assert by_code["001"][5:8] == ["72.5", "ต้องปรับปรุง", ""] and by_code["001"][8:] == [
        "pass",
        "partial",
        "fail",
        "pass",
    ]
    assert by_code["005"][5:] == ["", "", "เว็บไซต์ไม่ตอบ (site unreachable)", "", "", "", ""]
    data = json.loads(paths["json"].read_text("utf-8"))
    assert [u["code"] for u in data["ranked"]] == ["002", "004", "001", "003"]
    assert paths["html"].name == "rollup.html"


def test_html_escapes_names_links_only_safe_targets_and_is_well_formed() -> None:
    rows = batch()
    rows[1].unit.name = "<script>alert('x')</script>อบต."
    rows[1].report_path = "javascript:alert(1)"
    rows[3].unit.url = "javascript:alert(2)"
    rows[3].report_path = "//evil.example/r.html"
    page = render_rollup_html(build_rollup(rows))
    doc = lxml_html.document_fromstring(page)
    assert doc.get("lang") == "th"
    assert not doc.xpath("//script") and "<script>alert" not in page
    assert "<script>alert('x')</script>อบต." in doc.text_content()
    hrefs = [a.get("href") for a in doc.xpath("//a")]
    assert "units/001/report.html" in hrefs
    assert all(h.startswith("https://") or not re.match(r"^[a-z]+:|^//", h) for h in hrefs), hrefs
    assert not any("javascript" in h or "evil" in h for h in hrefs)
    # the matrix scrolls in its own container; the charts are inline SVG
    assert "overflow-x" in doc.xpath("//style")[0].text
    matrix = doc.get_element_by_id("matrix")
    assert "scroll" in matrix.get("class") and len(matrix.xpath(".//tbody/tr")) == 5
    problem_row = matrix.xpath(".//tbody/tr")[-1]
    assert "ปัญหาการเก็บข้อมูล (crawl problem): เว็บไซต์ไม่ตอบ" in problem_row.text_content()
    assert len(doc.xpath("//*[local-name()='svg']")) == 2
    assert not doc.xpath("//link | //img | //iframe | //*[@src]")


@pytest.mark.parametrize(
    ("path", "ok"),
    [
        ("units/001/report.html", True),
        ("../b/report.html", True),
        ("javascript:alert(1)", False),
        ("JavaScript:alert(1)", False),
        (" javascript:alert(1)", False),
        ("//evil.example/x", False),
        ("/etc/passwd", False),
        ("a\\b.html", False),
        ("a\nb.html", False),
        ("data:text/html,x", False),
        ("", False),
    ],
)
def test_only_plain_relative_report_paths_are_linked(path: str, ok: bool) -> None:
    assert (safe_relative_href(path) is not None) is ok


CHROMIUM = Path("/usr/bin/chromium")


@pytest.mark.slow
@pytest.mark.skipif(not CHROMIUM.exists(), reason="needs /usr/bin/chromium")
def test_pages_do_not_scroll_sideways_on_a_360px_phone(tmp_path, rollup) -> None:
    from playwright.sync_api import sync_playwright

    rows = batch()
    rows[0].unit.name = "องค์การบริหารส่วนตำบล" * 4
    rows[0].unit.url = "https://" + "long-subdomain." * 8 + "go.th/index.php?page=" + "x" * 80
    page = write_rollup(build_rollup(rows), tmp_path)["html"]
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM))
        tab = browser.new_page(viewport={"width": 360, "height": 800})
        tab.goto(page.as_uri())
        widths = tab.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
        matrix = tab.evaluate("getComputedStyle(document.getElementById('matrix')).overflowX")
        browser.close()
    assert widths[0] <= widths[1] == 360
    assert matrix == "auto"
