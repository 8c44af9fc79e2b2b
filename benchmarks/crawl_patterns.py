"""Crawl patterns of real unit websites: what the default ``oit check`` renders, loses and how long it takes.

Three generated fixtures (``sitegen``), each checked once with the default options:

* ``vendor-cms``: the LAO vendor CMS with a ``javascript:`` mega-menu on every page (``js_links``);
* ``long-names``: a WordPress-like เทศบาล whose documents have long Thai file names (``long_names``);
* ``render-faults``: 60 script-built pages, 12 of whose renderings fail (``script_pages``, ``render_faults``).

For each: wall time, peak RSS and PSS of the check (process tree: chromium and node included; RSS counts
shared pages once per process, PSS splits them), pages rendered (and why), documents the site
links vs documents fetched, links skipped with their reasons, item agreement with the ground truth.
``--render-cost`` checks each fixture a second time with ``--no-render``: what rendering costs, in seconds per
rendered page ((wall with − wall without) ÷ pages rendered), and how many browsers the check started.

    .venv/bin/python benchmarks/crawl_patterns.py                 # this checkout
    .venv/bin/python benchmarks/crawl_patterns.py --code /tmp/old # the oit code of another checkout
                                                                  # (fixtures still built by this one)
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sitegen import SiteSpec, build_site, make_items, sample_spec  # noqa: E402
from sitegen.serve import serve_directory  # noqa: E402
from tests.hostile_site import tree_memory  # noqa: E402

FIXTURES = {
    "vendor-cms": {"layout": "lao_cms", "js_links": True, "js_link_only": ("O1", "O2", "O10", "O12", "O20")},
    "long-names": {"layout": "wordpress", "long_names": 1.0},
    "render-faults": {"layout": "static", "script_pages": 60, "render_faults": 12},
}
TIMEOUT = 1800


def fixture_spec(name: str, seed: int) -> SiteSpec:
    base = sample_spec(seed)
    plain = {"items": make_items({}), "encoding": "utf-8", "js_menu": False, "js_only": (), "scan_share": 0.0,
             "broken_share": 0.0, "long_names": 0.0, "js_links": False, "js_link_only": (), "script_pages": 0,
             "render_faults": 0}  # fmt: skip
    return SiteSpec(**{**base.__dict__, **plain, **FIXTURES[name]})


def run_check(url: str, fy: int, out: Path, code: Path, timeout: int,
              extra: tuple[str, ...] = ()) -> tuple[dict | None, float, tuple, str]:  # fmt: skip
    cmd = [sys.executable, "-m", "oit.cli", "check", url, "--year", str(fy), "--db", str(out / "oit.db"),
           "--out", str(out / "report"), "--json", str(out / "report.json"), "--format", "json", "--quiet", *extra]
    env = {**os.environ, "PYTHONPATH": str(code)}
    started = time.monotonic()
    proc = subprocess.Popen(cmd, cwd=code, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    peak_rss = peak_pss = 0
    stop = threading.Event()

    def watch() -> None:
        nonlocal peak_rss, peak_pss
        while not stop.is_set():
            tree = tree_memory(proc.pid).values()
            peak_rss = max(peak_rss, sum(rss for _, rss, _ in tree))
            peak_pss = max(peak_pss, sum(pss for _, _, pss in tree))
            stop.wait(0.5)

    watcher = threading.Thread(target=watch, daemon=True)
    watcher.start()
    try:
        _, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        _, err = proc.communicate()
        err = f"did not end within {timeout} s"
    stop.set()
    watcher.join()
    elapsed = time.monotonic() - started
    report_file = out / "report.json"
    report = json.loads(report_file.read_text(encoding="utf-8")) if report_file.is_file() else None
    return report, elapsed, (peak_rss >> 20, peak_pss >> 20), "" if proc.returncode == 0 else err[-500:]


def measure(name: str, seed: int, work: Path, code: Path, timeout: int, render_cost: bool = False) -> dict:
    import sqlite_utils

    spec = fixture_spec(name, seed)
    truth = build_site(spec, work / name / "site")
    out = work / name / "run"
    with serve_directory(work / name / "site") as url:
        report, elapsed, (peak_rss, peak_pss), error = run_check(url, spec.fiscal_year, out, code, timeout)
        unrendered = None
        if render_cost:
            unrendered = run_check(url, spec.fiscal_year, work / name / "run-no-render", code, timeout,
                                   ("--no-render",))[1]  # fmt: skip
    db = sqlite_utils.Database(out / "oit.db")
    run = next(iter(db.query("select crawl_stats, partial_reason from runs order by id desc limit 1")), {})
    stats = json.loads(run.get("crawl_stats") or "{}")
    documents = [r["url"] for r in db.query("select url from resources where kind != 'html' and error = ''")]
    # Rendered pages from the stored pages (the crawl's counters are missing when a check was killed).
    rendered = {r["rendered"]: r["n"] for r in db.query(
        "select rendered, count(*) as n from resources where rendered != '' group by rendered")}  # fmt: skip
    site_documents = [p for p in (work / name / "site").rglob("*") if p.suffix.lower() in (".pdf", ".docx", ".xlsx")]
    items = (report or {}).get("items", [])
    got = {it["code"]: it["status"] for it in items}
    agree = sum(1 for c, t in truth["items"].items() if (t["expect"] == "pass") == (got.get(c) == "pass"))
    skipped = Counter(sk["reason"] for sk in (report or {}).get("skipped", []))
    return {
        "fixture": name,
        "seconds": round(elapsed, 1),
        "peak_rss_mb": peak_rss,
        "peak_pss_mb": peak_pss,
        "rendered": sum(rendered.values()),
        "rendered_why": rendered,
        "browsers_started": stats.get("playwright_browser_count", 0),
        "seconds_without_rendering": round(unrendered, 1) if unrendered is not None else None,
        "seconds_per_rendered_page": round((elapsed - unrendered) / sum(rendered.values()), 2)
        if unrendered is not None and rendered else None,
        "render_ok": stats.get("render_ok"),
        "render_failed": stats.get("render_failed"),
        "render_skipped_same_menu": stats.get("render_skipped_same_menu", 0),
        "site_documents": len(site_documents),
        "documents_fetched": len(documents),
        "trap_long_url": stats.get("trap_long URL", 0),
        "skipped": dict(skipped),
        "items_agree": f"{agree}/{len(truth['items'])}",
        "partial_reason": run.get("partial_reason") or "",
        "error": error,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--code", type=Path, default=ROOT, help="checkout whose oit code runs the check")
    parser.add_argument("--seed", type=int, default=3001)
    parser.add_argument("--only", choices=sorted(FIXTURES), action="append")
    parser.add_argument("--timeout", type=int, default=TIMEOUT, help="seconds a check may take before it is killed")
    parser.add_argument("--render-cost", action="store_true", help="check each fixture again without rendering")
    args = parser.parse_args(argv)
    timeout = args.timeout
    with tempfile.TemporaryDirectory(prefix="oit-patterns-") as tmp:
        rows = [measure(name, args.seed, Path(tmp), args.code.resolve(), timeout, args.render_cost)
                for name in (args.only or FIXTURES)]
    print("| fixture | wall s | peak RSS / PSS MB | rendered (why) | render ok/failed | same-menu skips "
          "| documents on site → fetched | skipped links | items agree | partial | browsers | s / rendered page |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|")
    for r in rows:
        why = ", ".join(f"{k} {v}" for k, v in r["rendered_why"].items())
        skipped = sum(r["skipped"].values())
        print(f"| {r['fixture']} | {r['seconds']} | {r['peak_rss_mb']} / {r['peak_pss_mb']} | "
              f"{r['rendered']} ({why}) | "
              f"{r['render_ok']}/{r['render_failed']} | {r['render_skipped_same_menu']} | "
              f"{r['site_documents']} → {r['documents_fetched']} | {skipped} | {r['items_agree']} | "
              f"{r['partial_reason'] or '-'}{' ERROR ' + r['error'] if r['error'] else ''} | "
              f"{r['browsers_started']} | {r['seconds_per_rendered_page'] or '-'} |")
    print(json.dumps(rows, ensure_ascii=False, indent=1), file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
