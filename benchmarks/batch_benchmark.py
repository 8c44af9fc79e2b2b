"""Batch throughput: units per hour of ``oit batch`` in one process at the default concurrency, and peak memory.

    .venv/bin/python benchmarks/batch_benchmark.py [--units 20] [--concurrency 4] [--max-pages 3000] [--render]

Builds a fleet of generated unit sites (``sitegen.fleet``: several layouts, one site down), serves each on its own
127.0.0.1 port, runs ``oit batch`` on its register (OCR on; JavaScript rendering off unless ``--render``) and samples
the resident memory of the whole process tree (the batch and its crawl process) every 0.2 s. Prints JSON: wall time,
units per hour, pages and documents fetched, peak RSS of the tree and of the largest process.
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))


def tree_rss(pid: int) -> tuple[int, int]:
    """(sum, max) resident set size in bytes of ``pid`` and its descendants (from /proc)."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            children.setdefault(int(stat[1]), []).append(int(entry.name))
            rss[int(entry.name)] = int(stat[21]) * os.sysconf("SC_PAGE_SIZE")
        except (OSError, IndexError, ValueError):
            continue
    todo, seen = [pid], []
    while todo:
        p = todo.pop()
        seen.append(p)
        todo.extend(children.get(p, []))
    sizes = [rss.get(p, 0) for p in seen]
    return sum(sizes), max(sizes or [0])


def run_sampled(cmd: list[str]) -> tuple[subprocess.Popen, str, float, tuple[int, int]]:
    """Run ``cmd`` from the repository, sampling the resident memory of its process tree every 0.2 s: (the finished
    process, its stderr, wall seconds, (peak RSS of the tree, of its largest process) in bytes)."""
    started = time.monotonic()
    proc = subprocess.Popen(cmd, cwd=REPO, env={**os.environ, "PYTHONPATH": str(REPO)},
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)  # fmt: skip
    peak = [0, 0]

    def sample() -> None:
        while proc.poll() is None:
            total, largest = tree_rss(proc.pid)
            peak[0], peak[1] = max(peak[0], total), max(peak[1], largest)
            time.sleep(0.2)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, err = proc.communicate()
    wall = time.monotonic() - started
    sampler.join()
    return proc, err, wall, (peak[0], peak[1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--units", type=int, default=20)
    ap.add_argument("--concurrency", type=int, default=4)
    ap.add_argument("--max-pages", type=int, default=3000)
    ap.add_argument("--render", action="store_true", help="render JavaScript pages (off by default)")
    ap.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "oit-batch-benchmark")
    args = ap.parse_args()

    from sitegen.fleet import build_fleet, serve_fleet, write_register

    t0 = time.monotonic()
    fleet = build_fleet(args.work / "sites", args.units)
    built = time.monotonic() - t0
    run_dir = Path(tempfile.mkdtemp(prefix="run-", dir=args.work))
    db = run_dir / "oit.db"
    with serve_fleet(fleet):
        register = write_register(run_dir / "units.csv", fleet)
        cmd = [sys.executable, "-m", "oit.cli", "batch", str(register), "--db", str(db), "--out", str(run_dir / "out"),
               "--concurrency", str(args.concurrency), "--max-pages", str(args.max_pages), "--no-alerts"]  # fmt: skip
        if not args.render:
            cmd.append("--no-render")
        proc, err, wall, peak = run_sampled(cmd)
    conn = sqlite3.connect(db)
    pages, documents = conn.execute(
        "select sum(kind = 'html' and error = ''), sum(kind != 'html' and error = '') from resources"
    ).fetchone()
    states = dict(conn.execute("select state, count(*) from batch_units group by state").fetchall())
    print(
        json.dumps(
            {
                "units": args.units,
                "concurrency": args.concurrency,
                "max_pages": args.max_pages,
                "layouts": sorted({u.layout for u in fleet}),
                "build_seconds": round(built, 1),
                "exit_code": proc.returncode,
                "wall_seconds": round(wall, 1),
                "units_per_hour": round(args.units / wall * 3600, 1),
                "states": states,
                "pages": pages,
                "documents": documents,
                "pages_per_second": round((pages + documents) / wall, 1),
                "peak_rss_tree_mb": round(peak[0] / 2**20),
                "peak_rss_largest_process_mb": round(peak[1] / 2**20),
                "stderr_tail": err.splitlines()[-3:],
            },
            ensure_ascii=False,
            indent=2,
        )
    )


if __name__ == "__main__":
    main()
