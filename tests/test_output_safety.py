"""Crawled content is untrusted in every output: a report whose crawled fields (unit name, page titles, link
texts, evidence URLs, snippets, unreadable-file reasons …) hold hostile values is written with ``write_reports``
and the files are checked: no formula in CSV/XLSX, no executable markup or non-http(s) link in HTML or
Markdown, JSON keeps the values as plain data, and nothing is lost (the hostile text is still shown as text)."""

from __future__ import annotations

import csv
import io
import json
import re
import zipfile
from pathlib import Path

import pytest
from lxml import etree
from lxml import html as lxml_html
from openpyxl import load_workbook

from oitbase.model import Evidence, Report, Unreadable
from reports import report_from_json_dict, write_reports
from reports.safety import safe_href
from tests.test_reports import make_report

FORMULAS = ['=HYPERLINK("http://x","y")', "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)", " =1+1", "\t=1+1", "\r=1+1"]
MARKUP = ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "[x](javascript:alert(1))", "**ตัวหนา** `code`"]
BAD_URLS = [
    "javascript:alert(1)",
    " JaVaScRiPt:alert(1)",
    "java\tscript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "file:///etc/passwd",
    "//evil.example/x",
    "http://[bad",
    '"><script>alert(1)</script>',
]
GOOD_URL = 'https://www.bangkrachao.go.th/ประกาศ/a|b c<d>\\e"f'
THAI = "ประกาศ องค์การบริหารส่วนตำบล ปีงบประมาณ พ.ศ. 2568"
HOSTILE = [*FORMULAS, *MARKUP, "javascript:alert(1)", THAI, "หน้า\x0cสอง\x00"]


def hostile_report() -> Report:
    """``make_report`` with hostile values in every field that comes from the crawled site."""
    r = make_report()
    r.unit_name = '<script>alert(1)</script>=HYPERLINK("http://x","y") ' + THAI
    r.url = "javascript:alert(1)"
    r.partial_reason = "<img src=x onerror=alert(1)>"
    r.warnings = list(HOSTILE)
    r.unreadable = [Unreadable(url=u, reason=text) for u, text in zip(BAD_URLS, HOSTILE, strict=False)]
    r.unreadable.append(Unreadable(url=GOOD_URL, reason=FORMULAS[0]))
    urls = [*BAD_URLS, GOOD_URL]
    for i, it in enumerate(r.items):
        it.evidence = [
            Evidence(
                url=urls[(i + j) % len(urls)],
                title=HOSTILE[(i + j) % len(HOSTILE)],
                snippet=HOSTILE[(i + j + 1) % len(HOSTILE)],
                kind="document" if j % 2 else "page",
                offsite=j == 1,
                where=HOSTILE[(i + j + 2) % len(HOSTILE)],
            )
            for j in range(3)
        ]
        it.missing = [HOSTILE[i % len(HOSTILE)], *it.missing]
        it.notes = [HOSTILE[(i + 3) % len(HOSTILE)], *it.notes]
        it.found = list(MARKUP)
    r.items[0].name = FORMULAS[0]
    r.items[1].fix = FORMULAS[1]
    # the site's own ITA index rows (labels and the messages quoting them) come from the site too
    r.site_list = {
        "rows_compared": 3, "matched": 1, "likely_out_of_date": True, "better_catalog": None, "page_year": None,
        "summary_th": HOSTILE[1], "summary_en": HOSTILE[2],
        "mismatches": [
            {"code": "O7", "site_label": text, "page_url": GOOD_URL, "catalog_name": "x", "kind": "different_name",
             "named_item": None, "message_th": f"ข้อ O7 บนเว็บไซต์ \"{text}\"", "message_en": text}
            for text in HOSTILE
        ],
    }  # fmt: skip
    return r


@pytest.fixture(scope="module")
def written(tmp_path_factory) -> dict[str, Path]:
    return write_reports(hostile_report(), tmp_path_factory.mktemp("hostile"))


def _formula_like(text: str) -> bool:
    """What a spreadsheet could read as a formula (OWASP CSV injection), written out here independently."""
    return text[:1] in ("\t", "\r") or text.lstrip()[:1] in ("=", "+", "-", "@", "＝", "＋", "－", "＠")


# --- CSV ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["csv", "answer-sheet-csv"])
def test_csv_cells_are_neutralised(written: dict[str, Path], name: str) -> None:
    text = written[name].read_text(encoding="utf-8-sig")
    cells = [c for row in csv.reader(io.StringIO(text)) for c in row]
    assert not [c for c in cells if _formula_like(c)]
    # nothing lost: the text is there, behind one quote
    assert "'" + FORMULAS[0] in cells and "'" + FORMULAS[2] in cells  # item name, evidence path


def test_csv_numbers_stay_numbers(written: dict[str, Path]) -> None:
    rows = list(csv.DictReader(io.StringIO(written["csv"].read_text(encoding="utf-8-sig"))))
    for row in rows:
        assert float(row["confidence"]) >= 0 and float(row["gain"]) >= 0
    assert rows[0]["name"] == "'" + FORMULAS[0]


# --- XLSX ---------------------------------------------------------------------------------------


def test_xlsx_has_no_formula_elements(written: dict[str, Path]) -> None:
    with zipfile.ZipFile(written["answer-sheet-xlsx"]) as z:
        sheets = [n for n in z.namelist() if n.startswith("xl/worksheets/") and n.endswith(".xml")]
        assert len(sheets) == 2
        for name in sheets:
            root = etree.fromstring(z.read(name))
            assert root.xpath("//*[local-name()='f']") == [], name


def test_xlsx_cells_are_strings_not_formulas(written: dict[str, Path]) -> None:
    wb = load_workbook(written["answer-sheet-xlsx"])
    values = []
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if cell.value is None:
                    continue
                assert cell.data_type == "s" and isinstance(cell.value, str), (ws.title, cell.coordinate)
                if _formula_like(cell.value):
                    assert cell.quotePrefix, (ws.title, cell.coordinate)  # stays text when edited in Excel
                values.append(cell.value)
        for link in ws._hyperlinks:
            assert link.target.startswith(("http://", "https://")), link.target
    assert FORMULAS[0] in values and FORMULAS[2] in values  # shown as the site wrote them, not run
    info = dict(wb["ข้อมูลการตรวจ"].iter_rows(values_only=True))
    assert info["หน่วยงาน"] == hostile_report().unit_name
    assert info["เว็บไซต์หลัก"] == "javascript:alert(1)"


def test_xlsx_characters_it_cannot_hold_become_spaces(tmp_path: Path) -> None:
    r = make_report()
    r.unit_name = "อบต.\x0cบางกระเจ้า\x00"
    r.items[0].evidence[0].url = "https://www.bangkrachao.go.th/a\x0bb"
    wb = load_workbook(write_reports(r, tmp_path, formats=())["answer-sheet-xlsx"])
    assert dict(wb["ข้อมูลการตรวจ"].iter_rows(values_only=True))["หน่วยงาน"] == "อบต. บางกระเจ้า "
    assert wb["ITAS"]["D2"].value == "https://www.bangkrachao.go.th/a b" and wb["ITAS"]["D2"].hyperlink is None


def test_undecodable_text_does_not_stop_the_reports(tmp_path: Path) -> None:
    r = make_report()
    r.unit_name = "อบต.\udcffบางกระเจ้า"
    r.items[0].name = "=โครงสร้าง\udcff"
    r.items[0].evidence[0].url = "https://www.bangkrachao.go.th/\udcff"
    paths = write_reports(r, tmp_path)
    assert "อบต.\ufffdบางกระเจ้า" in paths["html"].read_text(encoding="utf-8")
    assert "'=โครงสร้าง\ufffd" in paths["answer-sheet-csv"].read_text(encoding="utf-8")
    ws = load_workbook(paths["answer-sheet-xlsx"])["ITAS"]
    assert ws["B2"].value == "=โครงสร้าง\ufffd" and ws["D2"].hyperlink is None


# --- HTML ---------------------------------------------------------------------------------------


#: Elements that could run code, load something or send something; the report needs none of them.
FORBIDDEN_TAGS = ("script", "img", "iframe", "frame", "object", "embed", "svg", "math", "base", "form", "link")


@pytest.fixture(scope="module")
def doc(written: dict[str, Path]):
    return lxml_html.fromstring(written["html"].read_text(encoding="utf-8"))


def test_html_has_no_executable_markup(doc) -> None:
    for tag in FORBIDDEN_TAGS:
        assert doc.xpath(f"//{tag}") == [], tag
    assert doc.xpath("//meta[@http-equiv='refresh']") == []
    for el in doc.iter():
        if not isinstance(el.tag, str):
            continue
        for attr, value in el.attrib.items():
            assert not attr.lower().startswith("on"), (el.tag, attr)
            assert attr.lower() not in ("src", "srcdoc", "formaction", "action", "xlink:href"), (el.tag, attr)
            assert "javascript:" not in value.lower(), (el.tag, attr, value)
    csp = doc.xpath("//meta[@http-equiv='Content-Security-Policy']/@content")
    assert csp and "default-src 'none'" in csp[0]


def test_html_links_are_http_only(doc) -> None:
    hrefs = doc.xpath("//@href")
    assert hrefs and all(h.startswith(("http://", "https://")) for h in hrefs), hrefs
    assert set(hrefs) == {GOOD_URL}


def test_html_shows_hostile_text_as_text(doc) -> None:
    text = doc.text_content()
    for value in [*MARKUP, FORMULAS[0], THAI, BAD_URLS[0], "data:text/html,<script>alert(1)</script>"]:
        assert value in text, value
    assert doc.xpath("//h1")[0].text_content() == hostile_report().unit_name
    assert "<script>alert(1)</script>" in doc.xpath("//title")[0].text_content()


# --- Markdown -----------------------------------------------------------------------------------

#: A CommonMark backslash escape: the punctuation after it is literal text.
_ESCAPED = re.compile(r"\\[!-/:-@\[-`{-~]")
_LINK = re.compile(r"\]\(<([^<>\n]*)>\)")


def _markdown(written: dict[str, Path]) -> tuple[str, str]:
    """The Markdown text, and the same with every escaped character blanked (what the parser sees as syntax)."""
    md = written["md"].read_text(encoding="utf-8")
    return md, _ESCAPED.sub("\x00\x00", md)


def test_markdown_has_no_raw_html(written: dict[str, Path]) -> None:
    _, syntax = _markdown(written)
    without_links = _LINK.sub("]()", syntax).replace("<br>", "")  # <br> in table cells is the tool's own
    assert re.findall(r"<[A-Za-z/!?]", without_links) == []


def test_markdown_links_are_http_only(written: dict[str, Path]) -> None:
    md, syntax = _markdown(written)
    assert syntax.count("](") == len(_LINK.findall(syntax))  # every link has a <…> destination
    dests = [md[m.start(1) : m.end(1)] for m in _LINK.finditer(syntax)]
    assert dests and all(re.fullmatch(r"https?://[^\s<>|\\]+", d) for d in dests), dests
    assert "javascript:" not in "".join(dests).lower()
    assert "%7C" in dests[0] and "%5C" in dests[0]  # | and \ in the URL cannot split a cell or escape


def test_markdown_tables_keep_their_columns(written: dict[str, Path]) -> None:
    _, syntax = _markdown(written)
    header = 0
    rows = 0
    for line in syntax.splitlines():
        if not line.startswith("|"):
            header = 0
        elif not header:
            header = line.count("|")  # a table's header row: its columns
        elif not line.startswith("|---"):
            rows += 1
            assert line.count("|") == header, line  # a crawled | cannot add a column
    assert rows >= 30  # the items table and the site-list table were read


def test_markdown_shows_hostile_text_as_text(written: dict[str, Path]) -> None:
    md, _ = _markdown(written)
    plain = re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", md)
    for value in ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "[x](javascript:alert(1))", THAI]:
        assert value in plain, value


# --- JSON ---------------------------------------------------------------------------------------


def test_json_keeps_hostile_values_as_data(written: dict[str, Path]) -> None:
    data = json.loads(written["json"].read_text(encoding="utf-8"))
    report = hostile_report()
    assert report_from_json_dict(data) == report
    assert data["unit"]["name"] == report.unit_name and data["url"] == "javascript:alert(1)"


# --- the link rule --------------------------------------------------------------------------------


@pytest.mark.parametrize("url", [*BAD_URLS, "", "relative/page.html", "mailto:a@b.go.th", "https://", "http:x"])
def test_safe_href_refuses(url: str) -> None:
    assert safe_href(url) is None


@pytest.mark.parametrize("url", ["https://www.example.go.th/", "HTTP://EXAMPLE.GO.TH/a?b=1&c=2", GOOD_URL])
def test_safe_href_keeps_http_urls(url: str) -> None:
    assert safe_href(url) == url


def test_thai_file_names_are_shown_decoded_and_linked_encoded():
    from reports.markdown import mlink
    from reports.safety import display_url

    url = "https://www.example.go.th/docs/%E0%B9%81%E0%B8%9C%E0%B8%99%20(1).pdf"
    assert display_url(url) == "https://www.example.go.th/docs/แผน (1).pdf"
    assert display_url("https://x.go.th/a%00b%ZZ") == "https://x.go.th/a b%ZZ"  # no control character survives
    md = mlink(url)
    assert "แผน" in md and "%E0%B9%81" in md  # shown as read, linked as it is
