"""Accuracy benchmark: run the real pipeline (crawl included) on generated sites and compare with ground truth.

    .venv/bin/python -m benchmarks.accuracy --sites 12 --split report

Seeds 1000–1999 are the tuning split (look at them while fixing the engine and crawler), seeds 2000–2999
the reporting split (only for the figures). Every site is built with :func:`sitegen.sample_spec`,
served on 127.0.0.1 and checked by ``python -m oit.cli check`` in a fresh process; at most two sites run at
once. Prints per-item precision/recall/F1 (positive = "pass"), overall item accuracy, the mean absolute
error of the predicted OIT score, the items that fail most and the total time; writes a JSON result file and
appends a dated section to docs/accuracy.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # python benchmarks/accuracy.py
    sys.path.insert(0, str(ROOT))

from benchmarks.metrics import SiteResult, summarise  # noqa: E402
from benchmarks.report import append_docs, print_summary  # noqa: E402

SPLITS = {"tuning": 1000, "report": 2000}
SITE_TIMEOUT = 600


def run_site(seed: int, work: Path, keep: bool) -> SiteResult:
    from checklist.catalog import catalog_for_year
    from scoring.score import compute_scores
    from sitegen import build_site, sample_spec
    from sitegen.serve import serve_directory

    started = time.monotonic()
    spec = sample_spec(seed)
    site = work / f"site-{seed}"
    truth = build_site(spec, site)
    built = time.monotonic() - started
    out = work / f"run-{seed}"
    json_file = out / "report.json"
    with serve_directory(site) as url:
        cmd = [sys.executable, "-m", "oit.cli", "check", url, "--year", str(spec.fiscal_year), "--db",
               str(out / "oit.db"), "--json", str(json_file), "--out", str(out / "report"), "--format", "json",
               "--quiet", "--unit-type", spec.unit_type]
        try:
            proc = subprocess.run(cmd, capture_output=True, text=True, timeout=SITE_TIMEOUT, cwd=str(ROOT))
            error = "" if proc.returncode == 0 else (proc.stderr or proc.stdout)[-2000:]
        except subprocess.TimeoutExpired:
            error = f"timeout after {SITE_TIMEOUT} s"
    report = json.loads(json_file.read_text(encoding="utf-8")) if json_file.is_file() else None
    cat = catalog_for_year(spec.fiscal_year)
    true_oit, _, _ = compute_scores(cat, {c: t["expect"] == "pass" for c, t in truth["items"].items()})
    unknown = {it.code for it in cat.items if it.unknown}
    if not keep:
        import shutil

        shutil.rmtree(site, ignore_errors=True)
    return SiteResult.make(seed, truth, report, true_oit, unknown, built, time.monotonic() - started, error)


def machine() -> dict[str, str]:
    mem = ""
    try:
        kb = int(next(line.split()[1] for line in Path("/proc/meminfo").read_text().splitlines()
                      if line.startswith("MemTotal")))
        mem = f"{kb / 1024 / 1024:.1f} GB"
    except (OSError, StopIteration, ValueError):
        pass
    return {"nproc": str(os.cpu_count() or 0), "ram": mem, "python": platform.python_version(),
            "platform": platform.platform(terse=True)}


def git_commit() -> str:
    try:
        out = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=str(ROOT))
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], capture_output=True,
                               text=True, cwd=str(ROOT)).stdout.strip()
        return out.stdout.strip() + ("+dirty" if dirty else "")
    except OSError:
        return "unknown"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.accuracy", description=__doc__.split("\n\n")[0])
    ap.add_argument("--sites", type=int, default=12, help="number of generated sites (default 12)")
    ap.add_argument("--split", choices=sorted(SPLITS), default="report")
    ap.add_argument("--start", type=int, default=0, help="first seed offset inside the split")
    ap.add_argument("--seeds", help="explicit comma-separated seeds (overrides --split/--start/--sites)")
    ap.add_argument("--jobs", type=int, default=2, help="sites checked at once (default 2, the machine has 2 cores)")
    ap.add_argument("--work", type=Path, help="directory for sites and runs (default: a temporary one)")
    ap.add_argument("--keep", action="store_true", help="keep the generated sites")
    ap.add_argument("--results", type=Path, default=ROOT / "benchmarks" / "results")
    ap.add_argument("--no-docs", action="store_true", help="do not append to docs/accuracy.md")
    args = ap.parse_args(argv)
    if args.seeds:
        seeds = [int(s) for s in args.seeds.split(",") if s.strip()]
        split = "custom"
    else:
        base = SPLITS[args.split] + args.start
        seeds = list(range(base, base + args.sites))
        split = args.split
    started = time.monotonic()
    work = args.work or Path(tempfile.mkdtemp(prefix="oit-accuracy-"))
    work.mkdir(parents=True, exist_ok=True)
    print(f"accuracy benchmark: {len(seeds)} sites of the {split} split ({seeds[0]}…{seeds[-1]}), "
          f"{args.jobs} at a time, work dir {work}", flush=True)
    results: list[SiteResult] = []
    with ThreadPoolExecutor(max_workers=max(1, min(args.jobs, 2))) as pool:
        for res in pool.map(lambda s: run_site(s, work, args.keep), seeds):
            results.append(res)
            print(res.line(), flush=True)
    summary = summarise(results)
    summary.update({"split": split, "seeds": seeds, "total_seconds": round(time.monotonic() - started, 1),
                    "date": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
                    "commit": git_commit(), "machine": machine()})
    print_summary(summary)
    args.results.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    out = args.results / f"accuracy-{split}-{stamp}.json"
    out.write_text(json.dumps({**summary, "sites": [r.as_dict() for r in results]}, ensure_ascii=False,
                              indent=1), encoding="utf-8")
    print(f"results: {out}")
    if not args.no_docs:
        append_docs(ROOT / "docs" / "accuracy.md", summary)
        print("appended to docs/accuracy.md")
    return 0


if __name__ == "__main__":
    sys.exit(main())
