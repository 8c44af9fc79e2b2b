"""Throughput of workers through the broker: units per hour per worker, CPU-seconds per unit, peak memory.

    .venv/bin/python benchmarks/broker_benchmark.py [--units 8] [--workers 1] [--concurrency 4] [--latency 0.2]
                                                    [--per-second 2] [--no-ocr]

Builds a fleet of generated unit sites (``sitegen.fleet``, none down) and serves each as a slow unit server: every
response ``--latency`` seconds late and at most ``--per-second`` responses a second per site
(:class:`sitegen.serve.Pace`). Starts a Redis server on a free port, ``--workers`` ``oit worker`` processes at
``--concurrency`` and ``oit batch --broker`` on the fleet's register (JavaScript rendering off, OCR on unless
``--no-ocr``). Prints JSON: wall time, units per hour per worker, resources fetched per unit, CPU-seconds of the
workers' process trees per unit (crawl, extraction, OCR, judging) and per fetched resource, the coordinator's
CPU-seconds per unit (import, reports, roll-up), OCR pages, peak RSS of a worker's tree. docs/scaling.md turns
these into the projection for a national sweep.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from benchmarks.batch_benchmark import tree_rss  # noqa: E402
from tests.redis_server import redis_server  # noqa: E402

CLOCK = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid: int) -> float:
    """User + system CPU of ``pid`` and of the children it has waited for (its crawl processes)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return sum(int(fields[i]) for i in (11, 12, 13, 14)) / CLOCK


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--units", type=int, default=8)
    ap.add_argument("--workers", type=int, default=1)
    ap.add_argument("--concurrency", type=int, default=4, help="per worker (the default of `oit worker`)")
    ap.add_argument("--latency", type=float, default=0.2, help="seconds each response is late")
    ap.add_argument("--per-second", type=float, default=2.0, help="responses a second per site at most")
    ap.add_argument("--max-pages", type=int, default=3000)
    ap.add_argument("--no-ocr", action="store_true")
    ap.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "oit-broker-benchmark")
    args = ap.parse_args()

    from sitegen.fleet import build_fleet, serve_fleet, write_register

    fleet = build_fleet(args.work / "sites", args.units, down=0)
    run_dir = Path(tempfile.mkdtemp(prefix="run-", dir=args.work))
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    db = run_dir / "oit.db"
    with redis_server(run_dir / "redis") as broker, serve_fleet(fleet, latency=args.latency,
                                                                per_second=args.per_second):  # fmt: skip
        register = write_register(run_dir / "units.csv", fleet)
        workers = [
            subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "oit.cli",
                    "worker",
                    "--broker",
                    broker,
                    "--concurrency",
                    str(args.concurrency),
                    "--name",
                    f"bench{i}",
                ],
                cwd=REPO,
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )  # fmt: skip
            for i in range(args.workers)
        ]
        cmd = [sys.executable, "-m", "oit.cli", "batch", str(register), "--broker", broker, "--db", str(db),
               "--out", str(run_dir / "out"), "--max-pages", str(args.max_pages), "--no-alerts", "--no-render",
               "--time-limit", "60"]  # fmt: skip
        if args.no_ocr:
            cmd.append("--no-ocr")
        peak = [0]
        done = threading.Event()

        def sample() -> None:
            while not done.is_set():
                peak[0] = max([peak[0], *(tree_rss(w.pid)[0] for w in workers)])
                time.sleep(0.5)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        started = time.monotonic()
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        batch = subprocess.run(cmd, cwd=REPO, env=env, capture_output=True, text=True)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)  # the coordinator only: no worker has been waited for
        wall = time.monotonic() - started
        coordinator_cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
        done.set()
        sampler.join()
        cpu = sum(cpu_seconds(w.pid) for w in workers)
        for w in workers:
            w.terminate()
        for w in workers:
            w.wait(timeout=60)
    conn = sqlite3.connect(db)
    pages, documents = conn.execute(
        "select sum(kind = 'html' and error = ''), sum(kind != 'html' and error = '') from resources"
    ).fetchone()
    ocr_pages = conn.execute(
        "select coalesce(sum(json_extract(t.features, '$.pages_ocr')), 0) from texts t "
        "where t.sha256 in (select sha256 from resources)"
    ).fetchone()[0]
    states = dict(conn.execute("select state, count(*) from batch_units group by state").fetchall())
    per_worker = args.units / wall * 3600 / args.workers
    print(
        json.dumps(
            {
                "units": args.units,
                "workers": args.workers,
                "concurrency": args.concurrency,
                "latency_s": args.latency,
                "per_second_per_site": args.per_second,
                "ocr": not args.no_ocr,
                "exit_code": batch.returncode,
                "states": states,
                "wall_seconds": round(wall, 1),
                "units_per_hour_per_worker": round(per_worker, 1),
                "resources_per_unit": round((pages + documents) / args.units, 1),
                "pages": pages,
                "documents": documents,
                "ocr_pages": ocr_pages,
                "cpu_seconds_per_unit": round(cpu / args.units, 1),
                "cpu_seconds_per_resource": round(cpu / max(1, pages + documents), 3),
                "coordinator_cpu_seconds_per_unit": round(coordinator_cpu / args.units, 2),
                "peak_rss_worker_tree_mb": round(peak[0] / 2**20),
                "stderr_tail": batch.stderr.splitlines()[-2:],
            },
            ensure_ascii=False,
            indent=2,
        )
    )


if __name__ == "__main__":
    main()
