"""Crawl benchmark: the unit-site spider against a plain Scrapy spider on the same generated site.

    .venv/bin/python benchmarks/crawl_benchmark.py [--pages 5000] [--documents 300] [--skip-report] [--repeat 3]
        [--profile DIR]

Builds the site (``benchmarks/crawl_site.py``), serves it from a separate process on 127.0.0.1,
then, each in its own process: (1) the plain spider (follows every on-site link, parses nothing),
(2) the unit-site spider storing everything in SQLite (extraction of every page and PDF included),
(3) ``oit check`` end to end (crawl, judge, score, write the reports). Both spiders get the same
politeness settings from ``crawler/settings.py``. Prints pages/s, peak RSS and the ratios as JSON.

``--repeat N`` runs the two spiders N times, alternately (the machine's load then weighs on both alike), and
compares the medians of pages/s and of peak RSS. ``--profile DIR`` also runs each spider once under cProfile
and writes ``DIR/plain.prof``, ``DIR/unit.prof`` and the functions that take the most time in ``DIR/*.txt``.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))


# --- the two spiders (run inside a child process) ------------------------------------------------


def _settings(extra: dict):
    from scrapy.settings import Settings

    settings = Settings()
    settings.setmodule("crawler.settings", priority="project")
    settings.setdict({"LOG_LEVEL": "ERROR", "OIT_PROGRESS": False, **extra}, priority="cmdline")
    return settings


def run_plain(url: str) -> dict:
    import scrapy
    from scrapy.crawler import CrawlerProcess
    from scrapy.linkextractors import LinkExtractor

    host = url.split("/")[2]
    counts = {"responses": 0}

    class PlainSpider(scrapy.Spider):
        name = "plain"
        extractor = LinkExtractor(deny_extensions=[])  # allow_domains does not match IP addresses

        async def start(self):
            yield scrapy.Request(url)

        def parse(self, response):
            counts["responses"] += 1
            if not isinstance(response, scrapy.http.TextResponse) or response.url.endswith(".pdf"):
                return
            for link in self.extractor.extract_links(response):
                if link.url.split("/")[2] == host:
                    yield scrapy.Request(link.url)

    # Same politeness as the unit-site spider; none of its extras (pipeline, cache, middlewares), nor its modules:
    # with the project's SPIDER_MODULES, Scrapy's spider loader would import the unit-site spider (and its
    # extraction, store and rendering modules) into this process too.
    settings = _settings({"ITEM_PIPELINES": {}, "EXTENSIONS": {}, "DOWNLOADER_MIDDLEWARES": {},
                          "HTTPCACHE_ENABLED": False, "DEPTH_LIMIT": 20, "SPIDER_MODULES": []})
    process = CrawlerProcess(settings)
    start = time.monotonic()
    process.crawl(PlainSpider)
    process.start()
    return {"responses": counts["responses"], "seconds": time.monotonic() - start}


def run_unit(url: str, db: str) -> dict:
    from scrapy.crawler import CrawlerProcess

    from crawler.spiders.unit_site import UnitSiteSpider

    extra = json.loads(os.environ.get("OIT_BENCH_SETTINGS") or "{}")  # --setting, for the unit spider only
    settings = _settings({"OIT_DB": db, "OIT_MAX_PAGES": 100_000, "DEPTH_LIMIT": 20, **extra})
    process = CrawlerProcess(settings)
    start = time.monotonic()
    process.crawl(UnitSiteSpider, url=url)
    process.start()
    seconds = time.monotonic() - start
    import sqlite_utils

    responses = sqlite_utils.Database(db).execute("select count(*) from resources").fetchone()[0]
    return {"responses": responses, "seconds": seconds}


def child(kind: str, url: str, db: str, profile: str = "") -> None:
    if profile:
        import cProfile
        import pstats

        profiler = cProfile.Profile()
        result = profiler.runcall(run_plain, url) if kind == "plain" else profiler.runcall(run_unit, url, db)
        profiler.dump_stats(f"{profile}/{kind}.prof")
        with open(f"{profile}/{kind}.txt", "w") as out:
            stats = pstats.Stats(profiler, stream=out)
            stats.sort_stats("cumulative").print_stats(60)
            stats.sort_stats("tottime").print_stats(40)
    else:
        result = run_plain(url) if kind == "plain" else run_unit(url, db)
    result["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    try:  # documents read in a process of their own (crawler.document_reader): its peak, once it has ended
        from crawler.document_reader import READER
    except ImportError:  # a checkout from before the reader
        READER = None
    if READER is not None and kind == "unit":
        READER.close()
        result["reader_peak_rss_mb"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print("RESULT " + json.dumps(result))


# --- the driver ----------------------------------------------------------------------------------


def _run_child(kind: str, url: str, db: str, profile: str = "", settings: dict | None = None) -> dict:
    env = {**os.environ, "PYTHONPATH": str(REPO), "PYTHONWARNINGS": "ignore",
           "OIT_BENCH_SETTINGS": json.dumps(settings or {})}  # fmt: skip
    if db:
        for old in Path(db).parent.glob(Path(db).name + "*"):  # each unit run starts from an empty store
            old.unlink()
    out = subprocess.run([sys.executable, __file__, "--child", kind, url, db, profile], capture_output=True,
                         text=True, env=env, cwd=REPO, check=True)
    line = next(ln for ln in out.stdout.splitlines() if ln.startswith("RESULT "))
    result = json.loads(line[7:])
    result["pages_per_s"] = round(result["responses"] / result["seconds"], 1)
    return result


def _median(runs: list[dict]) -> dict:
    """The median pages/s and peak RSS of runs (each run's figures in ``runs``)."""
    return {
        "responses": runs[0]["responses"],
        "pages_per_s": statistics.median(r["pages_per_s"] for r in runs),
        "peak_rss_mb": round(statistics.median(r["peak_rss_mb"] for r in runs), 1),
        "runs": [{"pages_per_s": r["pages_per_s"], "peak_rss_mb": round(r["peak_rss_mb"], 1)} for r in runs],
    } | ({"reader_peak_rss_mb": round(statistics.median(r["reader_peak_rss_mb"] for r in runs), 1)}
         if "reader_peak_rss_mb" in runs[0] else {})


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        child(*sys.argv[2:6])
        return
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=5000)
    parser.add_argument("--documents", type=int, default=300)
    parser.add_argument("--skip-report", action="store_true", help="do not time `oit check`")
    parser.add_argument("--repeat", type=int, default=1, help="runs of each spider, alternately (medians compared)")
    parser.add_argument("--profile", default="", help="also profile one run of each spider into this directory")
    parser.add_argument("--setting", action="append", default=[], metavar="NAME=VALUE",
                        help="a Scrapy setting for the unit spider (repeatable), e.g. OIT_EXTRACT_PROCESS=False")
    args = parser.parse_args()
    settings = dict(s.split("=", 1) for s in args.setting)
    sys.path.insert(0, str(REPO / "benchmarks"))
    from crawl_site import build

    from sitegen.ports import free_port

    with tempfile.TemporaryDirectory(prefix="oit-bench-") as tmp:
        tmp_path = Path(tmp)
        site = build(tmp_path / "site", args.pages, args.documents)
        port = free_port()
        server = subprocess.Popen([sys.executable, "-m", "sitegen.serve", str(tmp_path / "site"), "--port", str(port)],
                                  cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            time.sleep(1.0)
            url = f"http://127.0.0.1:{port}/"
            plains, units = [], []
            for _ in range(max(1, args.repeat)):
                plains.append(_run_child("plain", url, ""))
                units.append(_run_child("unit", url, str(tmp_path / "unit.db"), settings=settings))
                shutil.rmtree(tmp_path / "oit-cache", ignore_errors=True)  # the HTTP cache of a unit run
            plain, unit = _median(plains), _median(units)
            if args.profile:
                Path(args.profile).mkdir(parents=True, exist_ok=True)
                for kind in ("plain", "unit"):
                    _run_child(kind, url, str(tmp_path / "unit.db") if kind == "unit" else "",
                               str(Path(args.profile).resolve()), settings=settings)
                shutil.rmtree(tmp_path / "oit-cache", ignore_errors=True)
            report = None
            if not args.skip_report:
                start = time.monotonic()
                subprocess.run(
                    [sys.executable, "-m", "oit.cli", "check", url, "--year", "2567", "--max-pages", "100000",
                     "--max-depth", "20", "--db", str(tmp_path / "check.db"), "--out", str(tmp_path / "report"),
                     "--quiet"],
                    cwd=REPO, check=True, capture_output=True, env={**os.environ, "PYTHONPATH": str(REPO)},
                )
                report = round(time.monotonic() - start, 1)
        finally:
            server.terminate()
            server.wait(timeout=10)
    print(json.dumps({
        "site": site,
        "unit_settings": settings,
        "plain_scrapy": plain,
        "unit_site": unit,
        "speed_ratio": round(unit["pages_per_s"] / plain["pages_per_s"], 2),
        "memory_ratio": round(unit["peak_rss_mb"] / plain["peak_rss_mb"], 2),
        # The crawl process and its document reader together (they run at once), against plain Scrapy.
        "memory_ratio_with_reader": round((unit["peak_rss_mb"] + unit.get("reader_peak_rss_mb", 0))
                                          / plain["peak_rss_mb"], 2),
        "oit_check_seconds": report,
    }, indent=2))


if __name__ == "__main__":
    main()
