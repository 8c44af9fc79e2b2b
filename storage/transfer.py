"""Move one crawl from a store to another: a worker crawls into its own store and sends the crawl to the coordinator.

:func:`export_run` takes a run's row and everything its crawl stored (resources, their extracted texts, links,
skipped links, ITA index rows) as plain JSON-ready rows; :func:`import_run` adds them to another store as a new run
(the run's id is the receiving store's; texts are shared by their hash, so one already there is kept). The verdicts
are not part of it: the receiver stores the judgement itself (``store.save_evaluation``), so that a crawl is judged
once. :func:`pack`/:func:`unpack` make a bundle a compact string for a message (JSON, zlib, base64).
"""

from __future__ import annotations

import base64
import json
import zlib

from storage import store
from storage.store import Database

#: Bundle format: bump when its tables or columns change incompatibly.
BUNDLE_FORMAT = "oit-crawl/1"
#: The run's crawl tables (each keyed by run_id) in the order they are imported.
CRAWL_TABLES = ("resources", "links", "skipped_links", "ita_rows")
#: Columns of a run that are the receiving store's own, never copied.
OWN_RUN_COLUMNS = ("id", "unit_id", "batch_id")


class BundleError(ValueError):
    """A bundle that is not a crawl this code can import."""


def export_run(db: Database, run_id: int) -> dict:
    """The run ``run_id`` and its crawl as rows (``{"format", "run", "texts", <table>: [rows]}``)."""
    run = {k: v for k, v in db["runs"].get(run_id).items() if k not in OWN_RUN_COLUMNS}
    bundle: dict = {"format": BUNDLE_FORMAT, "run": run}
    for table in CRAWL_TABLES:
        rows = db.query(f'select * from "{table}" where run_id = ?', [run_id])  # noqa: S608 - a fixed table name
        bundle[table] = [{k: v for k, v in row.items() if k != "run_id"} for row in rows]
    sql = "select t.* from texts t where t.sha256 in (select sha256 from resources where run_id = ?)"
    bundle["texts"] = list(db.query(sql, [run_id]))
    return bundle


def import_run(db: Database, bundle: dict, **run_fields: object) -> int:
    """Add a crawl exported by :func:`export_run` as a new run (``run_fields`` set or override the run's columns,
    e.g. ``unit_id``, ``batch_id``); returns the new run's id. All of it or nothing is written."""
    if not isinstance(bundle, dict) or bundle.get("format") != BUNDLE_FORMAT:
        found = bundle.get("format") if isinstance(bundle, dict) else type(bundle).__name__
        raise BundleError(f"not a crawl bundle of format {BUNDLE_FORMAT} (got {found!r})")
    with db.conn:
        run = {k: v for k, v in bundle["run"].items() if k not in OWN_RUN_COLUMNS}
        run_id = db["runs"].insert(known(db, "runs", {**run, **run_fields})).last_pk
        save_texts(db, bundle["texts"])
        for table in CRAWL_TABLES:
            rows = [known(db, table, {**row, "run_id": run_id}) for row in bundle.get(table, [])]
            if rows:
                db[table].insert_all(rows)
    return run_id


def known(db: Database, table: str, row: dict) -> dict:
    """The columns of ``row`` that ``table`` has here (a store of an older SQLite or tool version has other ones)."""
    columns = db[table].columns_dict
    return {k: v for k, v in row.items() if k in columns}


def save_texts(db: Database, texts: list[dict]) -> None:
    """Texts are shared by their hash: one not here is added, one here is replaced only when it still has scanned
    pages to read that the incoming one read (as a crawl with OCR does with a text extracted without it)."""
    if not texts:
        return
    here = {r["sha256"]: r for r in db.query(
        f"select sha256, features from texts where sha256 in ({', '.join('?' * len(texts))})",  # noqa: S608
        [t["sha256"] for t in texts])}  # fmt: skip
    rows = [
        known(db, "texts", t)
        for t in texts
        if t["sha256"] not in here
        or store.unread_scanned_pages(here[t["sha256"]]["features"]) > store.unread_scanned_pages(t.get("features"))
    ]
    if rows:
        db["texts"].upsert_all(rows, pk="sha256")  # an update keeps the full-text index in step (trigger)


def pack(data: dict) -> str:
    """A JSON-ready ``data`` as a compact ASCII string (for a task's result)."""
    raw = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()
    return base64.b64encode(zlib.compress(raw, 6)).decode("ascii")


def unpack(text: str) -> dict:
    try:
        return json.loads(zlib.decompress(base64.b64decode(text)))
    except (ValueError, zlib.error) as exc:
        raise BundleError(f"a crawl bundle that cannot be read: {exc}") from exc
