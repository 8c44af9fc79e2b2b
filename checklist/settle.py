"""The verdicts of a crawl under way, for deciding that more fetching would not change them.

``crawler.settle`` runs this module in a child process (its ``OIT_SETTLE_COMMAND``, from :func:`command`) every few
hundred pages once the crawl is down to links that are unlikely to be evidence, and stops fetching those when two
snapshots give the same verdicts:

    python -m checklist.settle STORE RUN_ID CATALOG_PATH FISCAL_YEAR UNIT_TYPE

prints ``{"resources": n, "verdicts": {code: [status, evidence URL]}}`` as JSON. Judging runs in its own process so
the crawl keeps its memory and its core.
"""

from __future__ import annotations

import json
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from oitbase.model import ItemResult


def verdicts(items: list[ItemResult]) -> dict[str, list[str]]:
    """What must not change for a crawl to have settled: each item's status and the first evidence it was given."""
    return {it.code: [it.status, it.evidence[0].url if it.evidence else ""] for it in items}


def command(db_path: str, run_id: int, catalog_path: str, fiscal_year: int, unit_type: str) -> list[str]:
    """The command that prints a run's verdicts so far (``OIT_SETTLE_COMMAND`` of the crawl)."""
    return [sys.executable, "-m", "checklist.settle", str(db_path), str(run_id), str(catalog_path), str(fiscal_year),
            unit_type]  # fmt: skip


def snapshot(db_path: str, run_id: int, catalog_path: str, fiscal_year: int, unit_type: str) -> dict:
    """The verdicts of what the run has stored so far (read-only on the store)."""
    from checklist.catalog import load_catalog
    from checklist.engine import evaluate_site
    from checklist.sitedata import load_site
    from storage import store

    db = store.open_db(db_path, read_only=True)
    try:
        site = load_site(db, run_id)
    finally:
        db.conn.close()
    items = evaluate_site(load_catalog(catalog_path), site, fiscal_year, unit_type)
    return {"resources": len(site.resources), "verdicts": verdicts(items)}


def main(argv: list[str]) -> None:
    db_path, run_id, catalog_path, fiscal_year, unit_type = argv
    print(json.dumps(snapshot(db_path, int(run_id), catalog_path, int(fiscal_year), unit_type)))  # ASCII: any locale


if __name__ == "__main__":
    main(sys.argv[1:])
