"""Resumable crawls: the SQLite store is the crawl's state.

Every fetched URL is a ``resources`` row and every link seen a ``links`` row, both committed as
they arrive, so an interrupted run (Ctrl+C, a killed process, a lost connection) can continue:
``OIT_RESUME=True`` with ``OIT_RUN_ID`` of that run makes the spider skip what the run holds and
schedule the links it had seen but not fetched (:func:`pending_links`). Scrapy's own ``JOBDIR``
works too (all requests are picklable), but it loses the requests in flight when a crawl stops.

The queries (:func:`find_resumable_run`, :func:`fetched_urls`, :func:`pending_links`) are the
store's (:mod:`storage.store`), named here for the spider.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

from storage.store import fetched_urls, find_resumable_run, pending_links

__all__ = ["fetched_urls", "find_resumable_run", "pending_links", "state_dir"]


def state_dir(db_path: str | Path | None, unit_url: str) -> Path:
    """Per-unit directory for crawl state (the HTTP cache) next to the store."""
    parts = urlsplit(unit_url)
    host = re.sub(r"[^A-Za-z0-9.-]+", "_", parts.netloc or "site")
    base = Path(db_path).resolve().parent if db_path else Path.cwd()
    return base / "oit-cache" / host
