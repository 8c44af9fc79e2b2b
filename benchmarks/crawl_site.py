"""Generate a large local unit website for the crawl benchmark (pages + PDFs, an ITA index page).

    python benchmarks/crawl_site.py DIR [--pages 5000] [--documents 300]

Layout (depth from the homepage): home (0) → 20 sections (1) → each section's list pages (2) →
content pages (3) → documents (4). Every page carries the site menu and Thai filler text, like a
real unit CMS; the ITA index page (depth 1) links 43 item pages (depth 2) with one document each.
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

SECTIONS = 20
PER_LIST = 25
WORDS = ("องค์การบริหารส่วนตำบล ประกาศ โครงการ ประจำปีงบประมาณ พ.ศ. 2567 การจัดซื้อจัดจ้าง ประชาชน "
         "ตำบล หมู่บ้าน ส่งเสริม พัฒนา คุณภาพชีวิต ผู้สูงอายุ เด็กและเยาวชน สาธารณสุข ถนน ประปา").split()


def _page(title: str, body: str, menu: str) -> str:
    return (
        f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>{title}</title></head><body>'
        f'<div class="menu">{menu}</div><h1>{title}</h1>{body}'
        '<div class="footer">องค์การบริหารส่วนตำบลทดสอบ โทร 042-000000</div></body></html>'
    )


def _filler(rng: random.Random, n: int = 120) -> str:
    return "<p>" + " ".join(rng.choice(WORDS) for _ in range(n)) + "</p>"


def _pdf(text: str) -> bytes:
    import pymupdf

    doc = pymupdf.open()
    doc.new_page().insert_text((72, 72), text)
    data = doc.tobytes()
    doc.close()
    return data


def build(root: Path, pages: int = 5000, documents: int = 300, seed: int = 7) -> dict:
    """Write the site under ``root``; returns counts."""
    rng = random.Random(seed)
    root.mkdir(parents=True, exist_ok=True)
    (root / "files").mkdir(exist_ok=True)
    menu = '<a href="/">หน้าแรก</a> <a href="/ita/index.html">ITA</a> ' + " ".join(
        f'<a href="/s{s}/index.html">หมวด {s}</a>' for s in range(SECTIONS)
    )
    per_section = pages // SECTIONS
    lists = -(-per_section // PER_LIST)
    doc_every = max(1, (pages - 43) // max(1, documents - 43))
    written_docs = 0
    n = 0
    for s in range(SECTIONS):
        sdir = root / f"s{s}"
        sdir.mkdir(exist_ok=True)
        list_links = " ".join(f'<a href="/s{s}/list{k}.html">หน้า {k + 1}</a>' for k in range(lists))
        (sdir / "index.html").write_text(_page(f"หมวด {s}", list_links + _filler(rng), menu), encoding="utf-8")
        for k in range(lists):
            items = []
            for j in range(PER_LIST):
                idx = k * PER_LIST + j
                if idx >= per_section:
                    break
                name = f"p{idx}.html"
                doc = ""
                if n % doc_every == 0 and written_docs < documents - 43:
                    fname = f"d{written_docs}.pdf"
                    (root / "files" / fname).write_bytes(_pdf(f"Document {written_docs} of section {s}"))
                    doc = f'<a href="/files/{fname}">เอกสารแนบ {written_docs}</a>'
                    written_docs += 1
                (sdir / name).write_text(_page(f"ข่าว {s}-{idx}", _filler(rng, 200) + doc, menu), encoding="utf-8")
                items.append(f'<li><a href="/s{s}/{name}">ข่าว {s}-{idx}</a></li>')
                n += 1
            (sdir / f"list{k}.html").write_text(_page(f"หมวด {s} หน้า {k + 1}", "<ul>" + "".join(items) + "</ul>",
                                                      menu), encoding="utf-8")
    ita = root / "ita"
    ita.mkdir(exist_ok=True)
    rows = []
    for code in range(1, 44):
        (root / "files" / f"o{code}.pdf").write_bytes(_pdf(f"OIT item O{code}"))
        (ita / f"o{code}.html").write_text(
            _page(f"O{code} รายการ {code}", f'<a href="/files/o{code}.pdf">เอกสาร O{code}</a>', menu), encoding="utf-8"
        )
        rows.append(f'<tr><td>O{code}</td><td>รายการ {code}</td><td><a href="/ita/o{code}.html">ลิงก์</a></td></tr>')
        written_docs += 1
        n += 1
    (ita / "index.html").write_text(_page("ITA 2567", "<table>" + "".join(rows) + "</table>", menu), encoding="utf-8")
    (root / "index.html").write_text(_page("อบต.ทดสอบ", _filler(rng), menu), encoding="utf-8")
    html_pages = n + SECTIONS * (lists + 1) + 2
    return {"html_pages": html_pages, "documents": written_docs, "total": html_pages + written_docs}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("directory", type=Path)
    parser.add_argument("--pages", type=int, default=5000)
    parser.add_argument("--documents", type=int, default=300)
    args = parser.parse_args()
    print(build(args.directory, args.pages, args.documents))


if __name__ == "__main__":
    main()
