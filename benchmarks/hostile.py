"""The default ``oit check`` of the hostile site (``tests/hostile_site.py``), once: what the report says
about every fault, the wall time, the process tree's peak memory and the store's size.

    .venv/bin/python -m benchmarks.hostile            # ~2-3 minutes; prints a Markdown table
    .venv/bin/python -m benchmarks.hostile --keep DIR # keep the site, store and reports in DIR
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from tests.hostile_site import EVIDENCE_ITEMS, FAULTS, Fault, HostileSite, run_check, serve_hostile  # noqa: E402


def _stored(db: Path, url: str) -> tuple[str, dict] | None:
    con = sqlite3.connect(db)
    row = con.execute("select r.error, t.features from resources r left join texts t on t.sha256 = r.sha256 "
                      "where r.url = ?", [url]).fetchone()
    con.close()
    return None if row is None else (row[0] or "", json.loads(row[1] or "{}"))


def outcome(fault: Fault, site: HostileSite, unreadable: dict[str, str], db: Path) -> str:
    """What the report (or, for readable files, the store) says about ``fault``."""
    url = site.url(fault.path)
    requests = site.requests_to(fault.path.split("?")[0])
    if fault.expect == "trap":
        return f"followed {requests} times"
    if url in unreadable:
        return f"unreadable: {unreadable[url]}"
    stored = _stored(db, url)
    if stored is None:
        return f"not in the report ({requests} requests)"
    features = stored[1]
    notes = []
    if "pages_skipped" in features:
        notes.append(f"{features['pages'] - features['pages_skipped']:,} of {features['pages']:,} pages read")
    if "text_cut_at" in features:
        notes.append(f"text cut at {features['text_cut_at']:,} of {features['text_chars_total']:,} characters")
    if "html_bytes_cut" in features:
        notes.append(f"{features['html_bytes_cut']:,} bytes of HTML not parsed")
    return "read" + (": " + "; ".join(notes) if notes else "")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", type=Path, help="work directory to keep (default: a temporary one)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        work = args.keep or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        with serve_hostile(work) as site:
            run = run_check(site.base_url, work / "check")
        if run.returncode != 0:
            sys.exit(f"oit check failed ({run.returncode}):\n{run.stderr[-3000:]}")
        report = json.loads(run.report_path.read_text(encoding="utf-8"))
        unreadable = {u["url"]: u["reason"] for u in report["unreadable"]}
        print("| fault | expected | outcome in the report |")
        print("| --- | --- | --- |")
        for fault in FAULTS:
            text = outcome(fault, site, unreadable, run.db).replace("|", "\\|").replace("\n", " ")
            print(f"| {fault.key} (`{fault.path}`) | {fault.expect} | {text} |")
        evidence = ", ".join(f"{it['code']} {it['status']}" for it in report["items"] if it["code"] in EVIDENCE_ITEMS)
        by_name = ", ".join(f"{name} {size / 2**20:,.0f}" for name, size in sorted(run.peak_processes.items()))
        print()
        print(f"- wall time: {run.wall_s:,.1f} s; evidence items: {evidence}")
        print(f"- peak memory of the check's process tree: PSS {run.peak_pss / 2**20:,.0f} MB "
              f"(RSS summed over processes {run.peak_rss / 2**20:,.0f} MB); PSS at the peak by process: {by_name}")
        print(f"- store: {run.store_bytes / 2**20:,.1f} MB; unreadable entries: {len(unreadable)}; "
              f"pages {report['stats']['pages']}, documents {report['stats']['documents']}")


if __name__ == "__main__":
    main()
