"""The default ``oit check`` of a hostile website ends, stays small, and loses nothing.

One check (module fixture) of ``tests/hostile_site.py``: redirect loop, HTTP 500s, a trickling
server, a 3 GB claim, gzip/zip/PDF bombs, billion laughs, a truncated PDF, 5,000 pages, 50,000
links, a 60 MB page, calendar and deep-path traps, script and formula texts. What a user depends
on: the check finishes, its process tree (chromium and node included) stays under 1 GiB, the
store under 100 MB, every bad file is in the unreadable list with the right reason, and the
unit's real evidence is still judged.
"""

from __future__ import annotations

import csv
import io
import json
import re
import sqlite3
import zipfile
import zlib

import pytest

from oitbase.extract.limits import MAX_DOC_CHARS, MAX_PAGE_CHARS, PDF_MAX_CONTENT_BYTES
from tests.hostile_site import EVIDENCE_ITEMS, FAULTS, PAGES_5000, CheckRun, HostileSite, run_check, serve_hostile

pytestmark = pytest.mark.slow

CHECK_TIMEOUT_S = 900
MEMORY_LIMIT = 1 << 30
STORE_LIMIT = 100 * 1024 * 1024
#: What the reason of each expected outcome must say (Thai or English), and must not say.
REASONS = {
    "http-500": (r"HTTP 500", r""),
    "timed-out": (r"timed out|ช้าเกินกำหนด", r""),
    "too-large": (r"ใหญ่เกินกำหนด|too large|larger than|exceeded DOWNLOAD_MAXSIZE|bomb", r"scanned|สแกน"),
    "corrupt": (r"corrupt|เสียหาย", r"scanned|สแกน"),
    "redirect": (r"redirect|เปลี่ยนเส้นทาง", r""),
}
class Checked:
    def __init__(self, site: HostileSite, run: CheckRun):
        self.site, self.run = site, run
        self.report = json.loads(run.report_path.read_text(encoding="utf-8"))
        self.unreadable = {u["url"]: u["reason"] for u in self.report["unreadable"]}
        self.items = {it["code"]: it for it in self.report["items"]}

    def stored(self, path: str) -> dict:
        db = sqlite3.connect(self.run.db)
        db.row_factory = sqlite3.Row
        row = db.execute("select r.url, r.error, t.text, t.pages, t.features from resources r "
                         "left join texts t on t.sha256 = r.sha256 where r.url = ?", [self.site.url(path)]).fetchone()
        db.close()
        assert row is not None, f"{path} was not stored"
        return dict(row)


@pytest.fixture(scope="module")
def checked(tmp_path_factory) -> Checked:
    work = tmp_path_factory.mktemp("hostile")
    with serve_hostile(work) as site:
        run = run_check(site.base_url, work / "check", timeout=CHECK_TIMEOUT_S)
    assert run.returncode == 0, run.stderr[-3000:]
    return Checked(site, run)


def test_check_ends_in_time(checked):
    assert checked.run.wall_s < CHECK_TIMEOUT_S
    assert checked.report["run"]["finished"]


def test_process_tree_memory_under_1_gib(checked):
    run = checked.run
    by_name = {name: f"{size >> 20} MB" for name, size in run.peak_processes.items()}
    assert run.peak_pss < MEMORY_LIMIT, f"peak PSS {run.peak_pss >> 20} MB (RSS {run.peak_rss >> 20} MB): {by_name}"


def test_store_under_100_mb(checked):
    assert 0 < checked.run.store_bytes < STORE_LIMIT


def test_every_fault_was_requested(checked):
    """The fixture really served each fault (a fault never fetched would prove nothing)."""
    for fault in FAULTS:
        assert checked.site.requests_to(fault.path.split("?")[0]) > 0, fault.key


@pytest.mark.parametrize(
    "fault",
    [f for f in FAULTS if f.expect in REASONS],
    ids=lambda f: f.key,
)
def test_bad_file_listed_with_right_reason(checked, fault):
    url = checked.site.url(fault.path)
    assert url in checked.unreadable, f"{fault.key} not in the unreadable list"
    reason = checked.unreadable[url]
    must, must_not = REASONS[fault.expect]
    assert re.search(must, reason, re.IGNORECASE), f"{fault.key}: {reason}"
    assert not (must_not and re.search(must_not, reason, re.IGNORECASE)), f"{fault.key}: {reason}"


def test_normal_evidence_still_judged(checked):
    for code in EVIDENCE_ITEMS:
        expected = checked.site.truth["items"][code]["expect"]
        assert checked.items[code]["status"] == expected, (code, checked.items[code]["missing"])


def test_5000_page_pdf_read_up_to_the_page_limit(checked):
    row = checked.stored("/docs/council-minutes.pdf")
    features = json.loads(row["features"])
    assert not row["error"] and "page 1 of 5000" in row["text"]
    assert len(json.loads(row["pages"])) == 300
    assert features["pages"] == PAGES_5000 and features["pages_skipped"] == PAGES_5000 - 300
    # readable, and the report says what was left out
    assert "4,700 of 5,000 pages not read" in checked.unreadable[checked.site.url("/docs/council-minutes.pdf")]


@pytest.mark.parametrize("path", ["/huge.html", "/links.html"])
def test_big_page_text_capped_and_cut_recorded(checked, path):
    row = checked.stored(path)
    features = json.loads(row["features"])
    assert not row["error"]
    assert len(row["text"]) <= MAX_PAGE_CHARS < features["text_chars_total"]
    assert features["text_cut_at"] == len(row["text"]) > MAX_PAGE_CHARS * 0.9
    assert "text cut at" in json.loads(row["pages"])[0]["quality"]
    assert "text cut at" in checked.unreadable[checked.site.url(path)]  # the report says so
    assert MAX_PAGE_CHARS < MAX_DOC_CHARS


@pytest.mark.parametrize("prefix, limit", [("/calendar.php", 30), ("/a/", 30), ("/item.php", 1000)])
def test_traps_followed_a_bounded_number_of_times(checked, prefix, limit):
    assert 0 < checked.site.requests_to(prefix) <= limit


def test_script_texts_do_not_reach_the_html_report_as_markup(checked):
    page = (checked.run.out_dir / "oit-report.html").read_text(encoding="utf-8")
    assert "oit-xss" in page  # the hostile texts are shown …
    assert '<script>alert("oit-xss")' not in page  # … as text, never as markup
    assert not re.search(r"""href\s*=\s*["']?\s*javascript:""", page, re.IGNORECASE)


def test_csv_cells_are_never_formulas(checked):
    for path in checked.run.out_dir.glob("*.csv"):
        with path.open(encoding="utf-8-sig", newline="") as fh:
            for row in csv.reader(fh):
                for cell in row:
                    assert not cell.startswith(("=", "+", "-", "@")), (path.name, cell)


# --------------------------------------------------------------------------- the limits on their own


def test_inflated_size_stops_at_the_limit_without_holding_the_bomb():
    from oitbase.extract.limits import inflated_size
    from tests.hostile_site import zlib_zeros

    bomb = zlib.compress(zlib_zeros(64 << 20), 9)  # Flate inside Flate: 64 MiB from a few hundred bytes
    assert len(bomb) < 4096
    assert inflated_size(bomb, 2, 8 << 20) is None
    assert inflated_size(bomb, 2, 128 << 20) == 64 << 20
    assert inflated_size(zlib.compress(b"BT (x) Tj ET"), 1, 100) == 12


def test_pdf_content_stream_bomb_is_refused_not_read():
    from oitbase.extract import extract
    from tests.hostile_site import raw_pdf, zlib_zeros

    content = zlib_zeros(PDF_MAX_CONTENT_BYTES + (1 << 20))
    pdf = raw_pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(content) + content + b"\nendstream",
    ])
    ext = extract(pdf, "application/pdf", "http://x/bomb.pdf")
    assert "decompression bomb" in ext.error and "page 1 content" in ext.error
    assert ext.features["pages_refused"] == 1


def test_dtd_hidden_after_a_comment_is_found():
    from oitbase.extract.limits import zip_bomb_reason

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("xl/sharedStrings.xml", '<?xml version="1.0"?><!-- <a> -->\n<!DOCTYPE x [<!ENTITY a "b">]><sst/>')
    with zipfile.ZipFile(buf) as zf:
        assert "XML entity bomb" in zip_bomb_reason(zf)
    ok = io.BytesIO()
    with zipfile.ZipFile(ok, "w") as zf:
        zf.writestr("word/document.xml", '<?xml version="1.0"?><w:document>&lt;!DOCTYPE in text</w:document>')
    with zipfile.ZipFile(ok) as zf:
        assert zip_bomb_reason(zf) == ""


def test_cap_text_cuts_documents_and_records_it():
    from oitbase.extract import Extracted, PageText, cap_text, join_pages

    pages = [PageText(number=n, text="ก" * 1000, method="text-layer", chars=1000) for n in (1, 2, 3)]
    ext = cap_text(Extracted(kind="pdf", text=join_pages(pages), pages=pages), 10_000, 1500)
    assert [p.chars for p in ext.pages] == [1000, 498, 0]
    assert ext.features["text_cut_at"] == len(ext.text) < 1500 + 4
    assert ext.features["text_chars_total"] == 3004
    assert "text cut at 498 characters" in ext.pages[1].quality
    small = Extracted(kind="html", text="abc", pages=[PageText(1, "abc", "html", 3)])
    assert "text_cut_at" not in cap_text(small, 10, 10).features
