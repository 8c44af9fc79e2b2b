"""A unit end to end: how long ``oit check`` takes on a realistic unit site served at polite rates, and its memory.

    .venv/bin/python benchmarks/unit_benchmark.py [--pages 2000] [--documents 300] [--scanned 30]
        [--latency 0.2] [--per-second 2] [--slow 10] [--work DIR]

Builds one generated unit (``sitegen``: a static-layout site with its OIT items and ``truth.json``), pads it to
``--pages`` HTML pages (a news archive, pages of Thai text linking each other) and ``--documents`` documents (Thai
text PDFs, ``--scanned`` of them image-only scans), and serves it on 127.0.0.1 answering every response
``--latency`` seconds late and at most ``--per-second`` responses a second; ``--slow`` news pages take 8 s more.
Then times ``oit check`` from start to the written report, sampling the resident memory of its process tree
every 0.2 s, and says where the wall time went, from the store: the crawl (its floor at the server's rate is
resources ÷ per-second), the CPU the tree used (extraction, OCR, judging), and judging + reports after the crawl.
Prints JSON; ``--work`` keeps the site, the store and the report.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import random
import resource
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

#: Words of the news pages' filler text.
WORDS = ("ข่าว", "กิจกรรม", "ประชาสัมพันธ์", "โครงการ", "ตำบล", "ประชาชน", "ร่วมกัน", "พัฒนา", "ชุมชน", "วันที่",
         "ผู้บริหาร", "ประชุม", "สภา", "ท้องถิ่น", "บริการ", "สาธารณะ", "ถนน", "น้ำประปา", "ขยะ", "ผู้สูงอายุ")  # fmt: skip


def _filler(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words))


def _page(path: Path, title: str, body: str) -> None:
    path.write_text(f"<html><head><meta charset='utf-8'><title>{title}</title></head><body><h1>{title}</h1>{body}"
                    "</body></html>", encoding="utf-8")  # fmt: skip


def build(dest: Path, pages: int, documents: int, scanned: int, slow: int, seed: int = 7003) -> dict:
    """The unit's site under ``dest``: the generated unit plus the news archive that pads it; returns counts."""
    from sitegen.build import build_site
    from sitegen.docforms import make_scan
    from sitegen.pdfdoc import render_pdf
    from sitegen.sampler import sample_spec

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


def main() -> None:
    from batch_benchmark import run_sampled

    from sitegen.serve import Pace, serve_directory

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--pages", type=int, default=2000)
    ap.add_argument("--documents", type=int, default=300)
    ap.add_argument("--scanned", type=int, default=30)
    ap.add_argument("--latency", type=float, default=0.2, help="seconds every response is late")
    ap.add_argument("--per-second", type=float, default=2.0, help="responses a second the server gives at most")
    ap.add_argument("--slow", type=int, default=10, help="news pages that answer 8 s late")
    ap.add_argument("--work", type=Path, default=None, help="keep the site, store and report here")
    args = ap.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="oit-unit-benchmark-"))
    site = work / "site"
    built = time.monotonic()
    counts = build(site, args.pages, args.documents, args.scanned, args.slow)
    built = time.monotonic() - built
    db, out = work / "oit.db", work / "report"
    for old in work.glob("oit.db*"):
        old.unlink()
    pace = Pace(latency=args.latency, per_second=args.per_second)
    with serve_directory(site, pace=pace) as url:
        cap = counts["html_pages"] + counts["documents"] + 100  # the page cap is not what is measured
        cmd = [sys.executable, "-m", "oit.cli", "check", url, "--year", str(counts["fiscal_year"]), "--db", str(db),
               "--out", str(out), "--max-pages", str(cap), "--quiet"]  # fmt: skip
        proc, err, wall, peak = run_sampled(cmd)
        used = resource.getrusage(resource.RUSAGE_CHILDREN)  # the check and the processes it waited for
    conn = sqlite3.connect(db)
    run = conn.execute("select started, crawl_finished, crawl_stats from runs order by id desc limit 1").fetchone()
    fetched = conn.execute("select count(*) from resources").fetchone()[0]
    ocr_pages = conn.execute("select coalesce(sum(json_extract(features, '$.pages_ocr')), 0) from texts").fetchone()
    stats = json.loads(run[2] or "{}") if run else {}
    crawl = stats.get("elapsed_seconds")
    print(json.dumps({
        "site": counts,
        "build_seconds": round(built, 1),
        "server": {"latency_s": args.latency, "per_second": args.per_second},
        "exit_code": proc.returncode,
        "wall_seconds": round(wall, 1),
        "crawl_seconds": crawl,
        "after_crawl_seconds": round(wall - crawl, 1) if crawl is not None else None,
        "resources_fetched": fetched,
        "server_floor_seconds": round(fetched / args.per_second, 1) if args.per_second else 0,
        "ocr_pages": ocr_pages[0],
        "rendered_pages": stats.get("rendered", 0),
        "cpu_seconds_tree": round(used.ru_utime + used.ru_stime, 1),
        "peak_rss_tree_mb": round(peak[0] / 2**20),
        "peak_rss_largest_process_mb": round(peak[1] / 2**20),
        "work": str(work),
        "stderr_tail": err.splitlines()[-3:],
    }, ensure_ascii=False, indent=2))  # fmt: skip


if __name__ == "__main__":
    main()
