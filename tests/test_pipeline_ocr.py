"""A scanned PDF met while crawling is OCR'd by the store pipeline and judged like any other document."""

from __future__ import annotations

import pytest
import sqlite_utils

from oitbase.extract.ocr import tesseract_available
from oitbase.thai import Folded
from sitegen.docforms import make_scan
from sitegen.pdfdoc import render_pdf
from sitegen.serve import serve_directory
from tests.helpers import check_report

pytestmark = pytest.mark.skipif(not tesseract_available(), reason="Tesseract with the Thai model is not installed")

RISK = (
    "<h1>รายงานการประเมินความเสี่ยงการทุจริตและประพฤติมิชอบ</h1>"
    "<h2>ประจำปีงบประมาณ พ.ศ. 2567</h2>"
    "<p>องค์การบริหารส่วนตำบลทดสอบ ได้ประเมินความเสี่ยงการทุจริตในการจัดซื้อจัดจ้าง "
    "และการใช้ทรัพย์สินของทางราชการ</p>"
)


def test_scanned_document_is_read_by_ocr_during_the_crawl(tmp_path):
    site = tmp_path / "site"
    (site / "files").mkdir(parents=True)
    render_pdf(RISK, site / "files" / "risk.pdf", "ประเมินความเสี่ยง", "2024-01-15")
    make_scan(site / "files" / "risk.pdf", "seed")
    (site / "index.html").write_text(
        "<html><head><meta charset='utf-8'><title>อบต.ทดสอบ</title></head><body>"
        "<a href='/files/risk.pdf'>การประเมินความเสี่ยงการทุจริต ปี 2567</a></body></html>",
        encoding="utf-8",
    )
    with serve_directory(site) as base:
        report = check_report(base, tmp_path, "r")
    row = next(iter(sqlite_utils.Database(tmp_path / "x.db").query("select * from documents")))
    assert "ocr" in row["methods"]
    assert Folded(row["text"]).contains("ประเมินความเสี่ยงการทุจริต")
    assert report["unreadable"] == []
    o34 = next(it for it in report["items"] if it["code"] == "O34")
    assert o34["status"] in ("pass", "partial") and o34["evidence"][0]["url"].endswith("risk.pdf")
