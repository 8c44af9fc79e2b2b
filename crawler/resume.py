"""Resumable crawls: the SQLite store is the crawl's state.

Every fetched URL is a ``resources`` row and every link seen a ``links`` row, both committed as
they arrive, so an interrupted run (Ctrl+C, a killed process, a lost connection) can continue:
``OIT_RESUME=True`` with ``OIT_RUN_ID`` of that run makes the spider skip what the run holds and
schedule the links it had seen but not fetched (:func:`pending_links`). Scrapy's own ``JOBDIR``
works too (all requests are picklable), but it loses the requests in flight when a crawl stops.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

import sqlite_utils


def state_dir(db_path: str | Path | None, unit_url: str) -> Path:
    """Per-unit directory for crawl state (the HTTP cache) next to the store."""
    parts = urlsplit(unit_url)
    host = re.sub(r"[^A-Za-z0-9.-]+", "_", parts.netloc or "site")
    base = Path(db_path).resolve().parent if db_path else Path.cwd()
    return base / "oit-cache" / host


def find_resumable_run(db: sqlite_utils.Database, unit_url: str) -> int | None:
    """The newest run of ``unit_url`` whose crawl did not complete, or None."""
    if "runs" not in db.table_names():
        return None
    rows = list(
        db.query(
            "select id from runs where unit_url = ? and coalesce(crawl_status, '') != 'complete' "
            "order by id desc limit 1",
            [unit_url],
        )
    )
    return rows[0]["id"] if rows else None


def fetched_urls(db: sqlite_utils.Database, run_id: int) -> dict[str, int]:
    """URL → depth of every resource the run holds (fetched or failed)."""
    return {r["url"]: r["depth"] or 0 for r in db.query("select url, depth from resources where run_id = ?", [run_id])}


def pending_links(db: sqlite_utils.Database, run_id: int) -> list[tuple[str, str, str, int]]:
    """(dst, text, src, depth of src) of on-site links and ITA rows the run saw but did not fetch."""
    sql = """
        select l.dst, l.text, l.src, coalesce(r.depth, 0) as depth from links l
        join resources r on r.run_id = l.run_id and r.url = l.src
        where l.run_id = ? and l.offsite = 0 and l.kind != 'form'
          and l.dst not in (select url from resources where run_id = ?)
        union
        select i.url, i.code || ' ' || i.label, i.page_url, coalesce(r.depth, 0) from ita_rows i
        join resources r on r.run_id = i.run_id and r.url = i.page_url
        where i.run_id = ? and i.url != '' and i.url not in (select url from resources where run_id = ?)
    """
    return [(r["dst"], r["text"] or "", r["src"], r["depth"]) for r in db.query(sql, [run_id] * 4)]
