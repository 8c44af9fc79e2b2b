"""A unit's news archive: the thousands of pages behind a unit site's few dozen evidence pages.

Real units publish years of news (ข่าวประชาสัมพันธ์), each item a page of Thai text, some with an attached PDF,
listed fifty to a page under one "all news" link on the homepage. :func:`build_padded_unit` pads a generated unit
with such an archive; the unit benchmark and the tests of the crawl's early stop (``crawler.settle``) use it.
"""

from __future__ import annotations

import dataclasses
import json
import random
from pathlib import Path

from .build import build_site
from .docforms import make_scan
from .pdfdoc import render_pdf
from .sampler import sample_spec

#: Words of the news pages' filler text.
WORDS = ("ข่าว", "กิจกรรม", "ประชาสัมพันธ์", "โครงการ", "ตำบล", "ประชาชน", "ร่วมกัน", "พัฒนา", "ชุมชน", "วันที่",
         "ผู้บริหาร", "ประชุม", "สภา", "ท้องถิ่น", "บริการ", "สาธารณะ", "ถนน", "น้ำประปา", "ขยะ", "ผู้สูงอายุ")  # fmt: skip


def _filler(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words))


def _page(path: Path, title: str, body: str) -> None:
    path.write_text(f"<html><head><meta charset='utf-8'><title>{title}</title></head><body><h1>{title}</h1>{body}"
                    "</body></html>", encoding="utf-8")  # fmt: skip


def build_padded_unit(
    dest: Path, pages: int, documents: int, scanned: int = 0, slow: int = 0, seed: int = 7003
) -> dict:
    """A generated unit under ``dest`` padded to ``pages`` HTML pages and ``documents`` documents with a news
    archive (``scanned`` of its PDFs image-only, ``slow`` news pages answering 8 s late through ``_faults.json``);
    returns the counts and the unit's fiscal year. Its ``truth.json`` is the generated unit's."""

    spec = dataclasses.replace(sample_spec(seed), layout="static", encoding="utf-8")
    truth = build_site(spec, dest)
    own_html = sum(1 for _ in dest.rglob("*.html"))
    own_docs = sum(1 for p in dest.rglob("*") if p.suffix.lower() in (".pdf", ".docx", ".xlsx"))
    rng = random.Random(seed)
    news, files = dest / "news", dest / "news" / "files"
    files.mkdir(parents=True, exist_ok=True)
    n_pages, n_docs = max(1, pages - own_html), max(0, documents - own_docs)
    docs_per_page = -(-n_docs // n_pages) if n_docs else 0
    doc_no = 0
    for n in range(n_pages):
        links = [f'<a href="/news/{m}.html">ข่าวที่ {m}</a>' for m in (n - 1, n + 1, rng.randrange(n_pages)) if
                 0 <= m < n_pages]  # fmt: skip
        for _ in range(docs_per_page):
            if doc_no >= n_docs:
                break
            name = f"news-{doc_no}.pdf"
            html = f"<h1>เอกสารประกอบข่าวที่ {n}</h1><p>{_filler(rng, 80)}</p>"
            render_pdf(html, files / name, title=f"เอกสารประกอบข่าวที่ {n}", date="2567-03-01")
            if doc_no < scanned:
                make_scan(files / name, f"scan-{doc_no}")
            links.append(f'<a href="/news/files/{name}">เอกสารแนบ {doc_no}</a>')
            doc_no += 1
        _page(news / f"{n}.html", f"ข่าวประชาสัมพันธ์ที่ {n}", f"<p>{_filler(rng, 150)}</p><p>{' | '.join(links)}</p>")
    # The archive as units list it: an index of list pages, each listing 50 news pages (all within --max-depth).
    lists = range(0, n_pages, 50)
    for first in lists:
        listed = range(first, min(first + 50, n_pages))
        items = "".join(f'<li><a href="/news/{n}.html">ข่าวที่ {n}</a></li>' for n in listed)
        _page(news / f"list-{first}.html", f"ข่าวประชาสัมพันธ์ ลำดับ {first + 1}", f"<ul>{items}</ul>")
    index = "".join(f'<li><a href="/news/list-{first}.html">ข่าวลำดับ {first + 1}</a></li>' for first in lists)
    _page(news / "index.html", "ข่าวประชาสัมพันธ์", f"<ul>{index}</ul>")
    home = dest / "index.html"
    home.write_text(home.read_text(encoding="utf-8").replace(
        "</body>", '<p><a href="/news/index.html">ข่าวประชาสัมพันธ์ทั้งหมด</a></p></body>', 1), encoding="utf-8")
    faults = {f"/news/{n}.html": {"delay": 8} for n in rng.sample(range(n_pages), min(slow, n_pages))}
    (dest / "_faults.json").write_text(json.dumps({"faults": faults}), encoding="utf-8")
    return {"html_pages": own_html + n_pages + len(lists) + 1, "documents": own_docs + doc_no,
            "scanned_added": min(scanned, doc_no), "slow_pages": len(faults),
            "fiscal_year": truth.get("fiscal_year", spec.fiscal_year)}  # fmt: skip
