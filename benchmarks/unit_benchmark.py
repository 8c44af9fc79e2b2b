"""A unit end to end: how long ``oit check`` takes on a realistic unit site served at polite rates, and its memory.

    .venv/bin/python benchmarks/unit_benchmark.py [--pages 2000] [--documents 300] [--scanned 30]
        [--latency 0.2] [--per-second 2] [--slow 10] [--work DIR] [--full]

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
import json
import resource
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

def main() -> None:
    from batch_benchmark import run_sampled

    from sitegen.archive import build_padded_unit
    from sitegen.serve import Pace, serve_directory

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--pages", type=int, default=2000)
    ap.add_argument("--documents", type=int, default=300)
    ap.add_argument("--scanned", type=int, default=30)
    ap.add_argument("--latency", type=float, default=0.2, help="seconds every response is late")
    ap.add_argument("--per-second", type=float, default=2.0, help="responses a second the server gives at most")
    ap.add_argument("--slow", type=int, default=10, help="news pages that answer 8 s late")
    ap.add_argument("--work", type=Path, default=None, help="keep the site, store and report here")
    ap.add_argument("--full", action="store_true", help="check with --full (no early stop once the verdicts settle)")
    args = ap.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="oit-unit-benchmark-"))
    site = work / "site"
    built = time.monotonic()
    counts = build_padded_unit(site, args.pages, args.documents, args.scanned, args.slow)
    built = time.monotonic() - built
    db, out = work / "oit.db", work / "report"
    for old in work.glob("oit.db*"):
        old.unlink()
    pace = Pace(latency=args.latency, per_second=args.per_second)
    with serve_directory(site, pace=pace) as url:
        cap = counts["html_pages"] + counts["documents"] + 100  # the page cap is not what is measured
        cmd = [sys.executable, "-m", "oit.cli", "check", url, "--year", str(counts["fiscal_year"]), "--db", str(db),
               "--out", str(out), "--max-pages", str(cap), "--quiet", *(["--full"] if args.full else [])]  # fmt: skip
        proc, err, wall, peak = run_sampled(cmd)
        used = resource.getrusage(resource.RUSAGE_CHILDREN)  # the check and the processes it waited for
    conn = sqlite3.connect(db)
    run = conn.execute("select started, crawl_finished, crawl_stats from runs order by id desc limit 1").fetchone()
    fetched = conn.execute("select count(*) from resources").fetchone()[0]
    ocr_pages = conn.execute("select coalesce(sum(json_extract(features, '$.pages_ocr')), 0) from texts").fetchone()
    stats = json.loads(run[2] or "{}") if run else {}
    statuses = dict(conn.execute("select code, status from results where evaluation_id = (select max(id) from "
                                 "evaluations)").fetchall())  # fmt: skip
    truth = json.loads((site / "truth.json").read_text(encoding="utf-8"))["items"]
    agree = sum((statuses.get(code) == "pass") == (t["expect"] == "pass") for code, t in truth.items())
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
        "settled": {"after_resources": stats.get("settled_after"), "links_not_fetched": stats.get("settled_skipped", 0),
                    "judgements": stats.get("settle_judgements", 0)},  # fmt: skip
        "items_agreeing_with_truth": f"{agree}/{len(truth)}",
        "statuses": statuses,
        "cpu_seconds_tree": round(used.ru_utime + used.ru_stime, 1),
        "peak_rss_tree_mb": round(peak[0] / 2**20),
        "peak_rss_largest_process_mb": round(peak[1] / 2**20),
        "work": str(work),
        "stderr_tail": err.splitlines()[-3:],
    }, ensure_ascii=False, indent=2))  # fmt: skip


if __name__ == "__main__":
    main()
