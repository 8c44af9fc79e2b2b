"""The SQLite store (sqlite-utils): every run, page, document, link, extracted text and result.

Tables
------
``units``       the register: one row per unit (code, name, URL, province …); ``unit_urls`` every
                address a unit was known by (:mod:`storage.units`).
``runs``        one row per crawl (what was fetched): unit, URL, time, settings, status, crawl problem.
``evaluations`` one row per judgement of a crawl with one catalog version: year, catalog, score; a
                re-check adds one. ``batches``/``batch_units``: checks of many units (:mod:`storage.batches`).
``resources``   one row per fetched URL of a run (HTML pages and documents); views ``pages`` and
                ``documents`` show each kind.
``texts``       extracted text keyed by the SHA-256 of the fetched bytes, shared by all runs, so an
                unchanged file is never extracted twice. ``texts_fts`` indexes the folded text with
                FTS5's trigram tokenizer, which finds Thai words without word boundaries.
``links``       every link seen (on-site and off-site) with its text; ``skipped_links`` those the
                crawl did not follow, and why.
``ita_rows``    rows of the unit's ITA/OIT index page(s): item code, label, linked URL.
``results``     the verdict per item of an evaluation; ``evidence`` its evidence rows;
                ``unreadable`` what could not be read and why.

Reports are rebuilt from these tables alone (``load_report``). The tables and their versioned
migrations are in :mod:`storage.schema`; every query the product makes is a function here.
"""

from __future__ import annotations

import json
import sqlite3
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import sqlite_utils
from sqlite_utils.db import NotFoundError

from storage import schema

if TYPE_CHECKING:
    from oitbase.model import Report, SkippedLink

#: The SQLite connection wrapper callers hold (they pass it back to this module's functions).
Database = sqlite_utils.Database
#: What SQLite raises for a damaged or foreign file, for callers that report it without importing sqlite3.
DatabaseError = sqlite3.DatabaseError
SCHEMA_VERSION = schema.LATEST


def now_iso() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()


class StoreError(LookupError):
    """The file is not a store this tool can read (not SQLite, no runs table, another version); the message says so."""


#: The command that brings an older store up to date (named in errors of read-only opens).
UPGRADE_COMMAND = "oit upgrade-store --db"


def open_db(path: str | Path, read_only: bool = False) -> Database:
    """Open the store at ``path``, creating it or applying the migrations it lacks (:mod:`storage.schema`).

    ``read_only``: open an existing store without writing to it, for commands that only read. An older store is read
    as it is when this code still reads its layout (:func:`storage.schema.readable_as_is`), else refused with the
    command that upgrades it. A store of a newer version than this code knows is refused either way."""
    if not read_only:
        return open_for_writing(path)[0]
    db, version = open_existing(path)
    if not schema.readable_as_is(version):
        db.conn.close()
        raise StoreError(
            f"{path} is an older oit store (version {version}, this oit uses {schema.LATEST}): "
            f"`{UPGRADE_COMMAND} {path}` brings it up to date"
        )
    return db


def open_existing(path: str | Path) -> tuple[Database, int]:
    """The oit store at ``path`` opened read-only, and its version; StoreError if it is none or a newer one."""
    conn = sqlite3.connect(f"file:{Path(path).resolve()}?mode=ro", uri=True)
    db = Database(conn)
    try:
        names = db.table_names()
        version = schema.version_of(conn)
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise StoreError(f"{path} is not an oit store (SQLite: {exc})") from exc
    if "runs" not in names:
        conn.close()
        raise StoreError(f"{path} holds no oit runs")
    refuse_newer(path, version, conn)
    return db, version


def open_for_writing(path: str | Path) -> tuple[Database, tuple[int, int]]:
    """The store at ``path`` (created if need be) opened for writing and migrated; with (version before, after)."""
    db = Database(path)
    try:
        version = schema.version_of(db.conn)
    except sqlite3.DatabaseError as exc:
        db.conn.close()
        raise StoreError(f"{path} is not an oit store (SQLite: {exc})") from exc
    refuse_newer(path, version, db.conn)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=NORMAL")
    return db, schema.migrate(db.conn)


def refuse_newer(path: str | Path, version: int, conn: sqlite3.Connection) -> None:
    """StoreError (closing ``conn``) for a store of a version this code does not know: it would misread it."""
    if version > schema.LATEST:
        conn.close()
        raise StoreError(
            f"{path} was written by a newer oit (store version {version}, this oit knows up to {schema.LATEST}): "
            "upgrade oit to use it"
        )


def store_version(db: Database) -> int:
    """The store's schema version (``PRAGMA user_version``)."""
    return schema.version_of(db.conn)


def upgrade(path: str | Path) -> tuple[int, int]:
    """Bring the existing store at ``path`` to the latest version; (version before, version after). A file that is
    not an oit store is refused unchanged."""
    open_existing(path)[0].conn.close()
    db, versions = open_for_writing(path)
    db.conn.close()
    return versions


# --- runs -------------------------------------------------------------------------------------


def start_run(db: Database, **fields: Any) -> int:
    row = {"started": now_iso(), "status": "running", **fields}
    for key in ("settings", "warnings"):
        if key in row and not isinstance(row[key], str):
            row[key] = json.dumps(row[key], ensure_ascii=False)
    return db["runs"].insert(row).last_pk


def update_run(db: Database, run_id: int, **fields: Any) -> None:
    for key in ("settings", "warnings", "crawl_stats"):
        if key in fields and not isinstance(fields[key], str):
            fields[key] = json.dumps(fields[key], ensure_ascii=False)
    db["runs"].update(run_id, fields)


def get_run(db: Database, run_id: int | None = None) -> dict:
    """The run ``run_id``, or the latest run when None."""
    if run_id is None:
        rows = list(db.query("select * from runs order by id desc limit 1"))
        if not rows:
            raise LookupError("the database holds no run")
        return rows[0]
    try:
        return db["runs"].get(run_id)
    except NotFoundError:
        raise LookupError(f"run {run_id} is not in the store (see `oit runs --db …`)") from None


def unit_runs(db: Database, unit_id: int) -> list[dict]:
    """The runs of a unit, oldest first."""
    return list(db.query("select * from runs where unit_id = ? order by id", [unit_id]))


def list_runs(db: Database) -> list[dict]:
    """Every run, oldest first, with the ``score`` (JSON) of its newest evaluation (None when never judged)."""
    sql = (
        "select r.*, (select e.score from evaluations e where e.run_id = r.id order by e.id desc limit 1) as score "
        "from runs r order by r.id"
    )
    return list(db.query(sql))


# --- crawl data -------------------------------------------------------------------------------


def cached_text(db: Database, sha256: str) -> dict | None:
    rows = list(db.query("select * from texts where sha256 = ?", [sha256]))
    return rows[0] if rows else None


def unread_scanned_pages(features: str | dict | None) -> int:
    """Pages of an extracted text that looked scanned and were not OCRed (OCR was off, or not reached)."""
    f = json.loads(features or "{}") if not isinstance(features, dict) else features
    return max(0, f.get("pages_need_ocr", 0) - f.get("pages_ocr", 0) - f.get("pages_ocr_failed", 0))


class CrawlWriter:
    """The rows of a running crawl, written in batches: one transaction per batch, one prepared statement per
    table and set of columns (no per-row introspection), so that storing does not cost more than crawling.

    ``add`` queues rows; the batch is written once it holds ``max_rows`` rows or ``max_seconds`` have passed since
    its first row (the caller also calls :meth:`flush` on a timer and when the crawl ends). Readers of the store
    (the progress of a running check, a resumed crawl) see a batch once it is written; :meth:`text` also sees the
    texts still queued. (Writing from a second thread was tried: SQLite then runs beside the crawl, but binding
    the rows holds Python's lock and the crawl was no faster.)"""

    #: How each table's rows are written: a newer row of the same key replaces the old one, or is dropped.
    CONFLICT = {"texts": "REPLACE", "resources": "REPLACE", "ita_rows": "REPLACE", "links": "IGNORE",
                "skipped_links": "IGNORE"}  # fmt: skip

    def __init__(self, db: Database, max_rows: int = 2000, max_seconds: float = 1.0) -> None:
        self.db = db
        self.max_rows = max_rows
        self.max_seconds = max_seconds
        self.queued: dict[tuple[str, tuple[str, ...]], list[tuple]] = {}
        self.queued_texts: dict[str, dict] = {}
        self.rows = 0
        self.first_at = 0.0

    def add(self, table: str, rows: list[dict]) -> None:
        for row in rows:
            self.queued.setdefault((table, tuple(row)), []).append(tuple(row.values()))
            if table == "texts":
                self.queued_texts[row["sha256"]] = row
        if rows and not self.rows:
            self.first_at = time.monotonic()
        self.rows += len(rows)
        if self.rows >= self.max_rows or self.due():
            self.flush()

    def due(self) -> bool:
        """True when the queued rows have waited ``max_seconds``."""
        return bool(self.rows) and time.monotonic() - self.first_at >= self.max_seconds

    def text(self, sha256: str) -> dict | None:
        """The text of ``sha256``, queued or stored (:func:`cached_text`)."""
        return self.queued_texts.get(sha256) or cached_text(self.db, sha256)

    def flush(self) -> None:
        """Write the queued rows in one transaction (texts first: resources name them)."""
        if not self.rows:
            return
        with self.db.conn:
            for (table, columns), values in sorted(self.queued.items(), key=lambda kv: kv[0][0] != "texts"):
                names = ", ".join(f'"{c}"' for c in columns)
                marks = ", ".join("?" * len(columns))
                sql = f'INSERT OR {self.CONFLICT[table]} INTO "{table}" ({names}) VALUES ({marks})'  # noqa: S608
                self.db.conn.executemany(sql, values)
        self.queued.clear()
        self.queued_texts.clear()
        self.rows = 0


def save_rows(db: Database, table: str, rows: list[dict]) -> None:
    """Write rows of a crawl table now, as :class:`CrawlWriter` writes its batches (the same conflict rules)."""
    writer = CrawlWriter(db)
    writer.add(table, rows)
    writer.flush()


def save_text(db: Database, row: dict) -> None:
    save_rows(db, "texts", [row])


def save_resource(db: Database, row: dict) -> None:
    save_rows(db, "resources", [{"fetched_at": now_iso(), **row}])


def save_links(db: Database, rows: list[dict]) -> None:
    save_rows(db, "links", rows)


def save_skipped(db: Database, rows: list[dict]) -> None:
    save_rows(db, "skipped_links", rows)


def load_skipped(db: Database, run_id: int) -> list[SkippedLink]:
    """The links a run did not follow, less those it fetched after all (linked again from elsewhere)."""
    sql = (
        "select s.* from skipped_links s where s.run_id = ? and not exists "
        "(select 1 from resources r where r.run_id = s.run_id and r.url = s.url) order by s.url"
    )
    from oitbase.model import SkippedLink  # pydantic: not imported by a crawl, which only writes

    return [SkippedLink(url=r["url"], reason=r["reason"], text=r["text"] or "", src=r["src"] or "")
            for r in db.query(sql, [run_id])]  # fmt: skip


def save_ita_rows(db: Database, rows: list[dict]) -> None:
    save_rows(db, "ita_rows", rows)


def run_totals(db: Database, run_id: int) -> dict[str, int]:
    """Pages, documents and errors a run holds, over all its crawl parts (a resumed run has several)."""
    sql = (
        "select sum(error = '' and kind = 'html') as pages, sum(error = '' and kind != 'html') as documents, "
        "sum(error != '') as errors from resources where run_id = ?"
    )
    row = next(iter(db.query(sql, [run_id])))
    return {k: v or 0 for k, v in row.items()}


def run_errors(db: Database, run_id: int) -> list[str]:
    """The error texts of a run's failed resources (why each could not be fetched or read)."""
    return [r["error"] for r in db.query("select error from resources where run_id = ? and error != ''", [run_id])]


def previous_healthy_run(db: Database, unit_id: int, before: int) -> int | None:
    """The unit's newest run before run ``before`` that fetched something and had no crawl problem, or None."""
    sql = (
        "select r.id from runs r where r.unit_id = ? and r.id < ? and coalesce(r.problem, '') = '' "
        "and exists (select 1 from resources s where s.run_id = r.id and s.error = '') order by r.id desc limit 1"
    )
    rows = list(db.query(sql, [unit_id, before]))
    return rows[0]["id"] if rows else None


def run_resources(db: Database, run_id: int) -> list[dict]:
    """The resources of a run, each with its extracted text's ``t_title``, ``headings``, ``text``, ``features``,
    ``t_error`` and ``methods`` (empty when the text is missing)."""
    sql = (
        "select r.*, t.title as t_title, t.headings, t.text, t.features, t.error as t_error, t.methods "
        "from resources r left join texts t on t.sha256 = r.sha256 where r.run_id = ?"
    )
    return list(db.query(sql, [run_id]))


def run_links(db: Database, run_id: int) -> list[dict]:
    return list(db.query("select * from links where run_id = ?", [run_id]))


def run_ita_rows(db: Database, run_id: int) -> list[dict]:
    """The ITA index rows of a run, page by page in the order they appear."""
    return list(db.query("select * from ita_rows where run_id = ? order by page_url, position", [run_id]))


# --- resuming a crawl -------------------------------------------------------------------------


def find_resumable_run(db: Database, unit_url: str, unit_id: int | None = None) -> int | None:
    """The newest run of ``unit_url`` (or of the unit ``unit_id``) whose crawl did not complete, or None."""
    rows = list(
        db.query(
            "select id from runs where (unit_url = ? or unit_id = ?) and coalesce(crawl_status, '') != 'complete' "
            "order by id desc limit 1",
            [unit_url, unit_id],
        )
    )
    return rows[0]["id"] if rows else None


def fetched_urls(db: Database, run_id: int) -> dict[str, int]:
    """URL → depth of every resource the run holds (fetched or failed)."""
    return {r["url"]: r["depth"] or 0 for r in db.query("select url, depth from resources where run_id = ?", [run_id])}


def pending_links(db: Database, run_id: int) -> list[tuple[str, str, str, int]]:
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


# --- search -----------------------------------------------------------------------------------


def search(db: Database, folded_query: str, run_id: int | None = None, limit: int = 20) -> list[dict]:
    """Full-text search over extracted texts (``folded_query`` from ``oitbase.thai.fold``)."""
    q = '"' + folded_query.replace('"', '""') + '"'
    sql = (
        "select r.run_id, r.url, t.title, t.text from texts_fts f join texts t on t.rowid = f.rowid "
        "join resources r on r.sha256 = t.sha256 where texts_fts match ?"
    )
    args: list[Any] = [q]
    if run_id is not None:
        sql += " and r.run_id = ?"
        args.append(run_id)
    sql += " order by r.run_id desc limit ?"
    args.append(limit)
    return list(db.query(sql, args))


# --- results ----------------------------------------------------------------------------------


def save_evaluation(
    db: Database, run_id: int, report: Report, catalog_path: str = "", settings: dict | None = None
) -> int:
    """Store a judgement of ``run_id``: an evaluation with its verdicts, evidence, unreadable URLs, score. Earlier
    evaluations of the run are kept (a re-check adds one). Returns the evaluation's id."""
    run = get_run(db, run_id)
    with db.conn:
        evaluation_id = (
            db["evaluations"]
            .insert(
                {
                    "run_id": run_id,
                    "unit_id": run.get("unit_id"),
                    "fiscal_year": report.fiscal_year,
                    "unit_type": report.unit_type,
                    "catalog_id": report.catalog_id,
                    "catalog_version": report.catalog_version,
                    "catalog_confidence": report.catalog_confidence,
                    "catalog_path": catalog_path,
                    "finished": report.finished,
                    "partial": int(report.partial),
                    "score": json.dumps(report.score.model_dump(), ensure_ascii=False),
                    "stats": json.dumps(report.stats, ensure_ascii=False),
                    "warnings": json.dumps(report.warnings, ensure_ascii=False),
                    "unit_name": report.unit_name,
                    "tool_version": report.tool_version,
                    "settings": json.dumps(settings or {}, ensure_ascii=False),
                }
            )
            .last_pk
        )
        keys = {"evaluation_id": evaluation_id, "run_id": run_id}
        db["results"].insert_all(
            [
                {
                    **keys,
                    "code": it.code,
                    "name": it.name,
                    "sub_indicator": it.sub_indicator,
                    "status": it.status,
                    "confidence": it.confidence,
                    "gain": it.gain,
                    "fix": it.fix,
                    "criterion": it.criterion,
                    "missing": json.dumps(it.missing, ensure_ascii=False),
                    "found": json.dumps(it.found, ensure_ascii=False),
                    "notes": json.dumps(it.notes, ensure_ascii=False),
                    "catalog_confidence": it.catalog_confidence,
                    "skipped": json.dumps([sk.model_dump() for sk in it.skipped], ensure_ascii=False),
                    "doubts": json.dumps(it.doubts, ensure_ascii=False),
                    "position": i,
                }
                for i, it in enumerate(report.items)
            ]
        )
        db["evidence"].insert_all(
            [
                {
                    **keys,
                    "code": it.code,
                    "rank": rank,
                    "url": ev.url,
                    "title": ev.title,
                    "snippet": ev.snippet,
                    "kind": ev.kind,
                    "offsite": int(ev.offsite),
                    "where_": ev.where,
                    "fiscal_year": ev.fiscal_year,
                    "score": ev.score,
                }
                for it in report.items
                for rank, ev in enumerate(it.evidence)
            ]
        )
        db["unreadable"].insert_all(
            [{**keys, "url": u.url, "reason": u.reason} for u in report.unreadable], replace=True
        )
        update_run(db, run_id, unit_name=report.unit_name)
    return evaluation_id


def latest_evaluation(db: Database, run_id: int) -> dict | None:
    """The newest evaluation of a run, or None when it was never judged."""
    rows = list(db.query("select * from evaluations where run_id = ? order by id desc limit 1", [run_id]))
    return rows[0] if rows else None


def get_evaluation(db: Database, evaluation_id: int) -> dict:
    try:
        return db["evaluations"].get(evaluation_id)
    except NotFoundError:
        raise LookupError(f"evaluation {evaluation_id} is not in the store") from None


def list_evaluations(db: Database, unit_id: int) -> list[dict]:
    """Every evaluation of a unit's runs, oldest first, each with its run's ``unit_url``, ``started``,
    ``problem`` and ``problem_kind``."""
    sql = (
        "select e.*, r.unit_url, r.started, r.problem, r.problem_kind from evaluations e "
        "join runs r on r.id = e.run_id where r.unit_id = ? order by e.id"
    )
    return list(db.query(sql, [unit_id]))


def load_report(db: Database, run_id: int | None = None, evaluation_id: int | None = None) -> Report:
    """Rebuild the ``Report`` of an evaluation (by default the newest of run ``run_id``, or of the latest run) from the
    store alone, but for ``fixes``, left empty: ranking the fixes is the scorer's (``oit.check.stored_report``)."""
    from oitbase.model import Evidence, ItemResult, Report, ScoreCard, SkippedLink, Unreadable

    if evaluation_id is not None:
        ev = get_evaluation(db, evaluation_id)
        run = get_run(db, ev["run_id"])
    else:
        run = get_run(db, run_id)
        ev = latest_evaluation(db, run["id"])
        if ev is None:
            raise LookupError(f"run {run['id']} has no results (it did not finish checking)")
    rid, eid = run["id"], ev["id"]
    evidence: dict[str, list[Evidence]] = {}
    for row in db.query("select * from evidence where evaluation_id = ? order by code, rank", [eid]):
        evidence.setdefault(row["code"], []).append(
            Evidence(
                url=row["url"],
                title=row["title"] or "",
                snippet=row["snippet"] or "",
                kind=row["kind"],
                offsite=bool(row["offsite"]),
                where=row["where_"] or "",
                fiscal_year=row["fiscal_year"],
                score=row["score"] or 0.0,
            )
        )
    items = [
        ItemResult(
            code=row["code"],
            name=row["name"],
            sub_indicator=row["sub_indicator"],
            status=row["status"],
            confidence=row["confidence"],
            evidence=evidence.get(row["code"], []),
            missing=json.loads(row["missing"] or "[]"),
            found=json.loads(row["found"] or "[]"),
            notes=json.loads(row["notes"] or "[]"),
            fix=row["fix"] or "",
            criterion=row["criterion"] or "",
            gain=row["gain"] or 0.0,
            catalog_confidence=row["catalog_confidence"] or "medium",
            skipped=[SkippedLink(**sk) for sk in json.loads(row.get("skipped") or "[]")],
            doubts=json.loads(row.get("doubts") or "[]"),
        )
        for row in db.query("select * from results where evaluation_id = ? order by position", [eid])
    ]
    settings = json.loads(ev["settings"] or "{}")
    return Report(
        unit_name=ev["unit_name"] or run["unit_name"] or "",
        url=run["unit_url"],
        fiscal_year=ev["fiscal_year"],
        unit_type=ev["unit_type"],
        catalog_id=ev["catalog_id"],
        catalog_version=ev["catalog_version"],
        catalog_confidence=ev["catalog_confidence"] or "",
        run_id=rid,
        evaluation_id=eid,
        started=run["started"],
        finished=ev["finished"] or "",
        partial=bool(ev["partial"]),
        partial_reason=run["partial_reason"] or "",
        crawl_problem=run.get("problem") or "",
        score=ScoreCard(**json.loads(ev["score"])),
        items=items,
        unreadable=[
            Unreadable(url=r["url"], reason=r["reason"])
            for r in db.query("select * from unreadable where evaluation_id = ? order by url", [eid])
        ],
        skipped=load_skipped(db, rid),
        stats=json.loads(ev["stats"] or "{}"),
        sub_indicator_names=settings.get("sub_indicator_names", {}),
        indicator_names=settings.get("indicator_names", {}),
        warnings=json.loads(ev["warnings"] or "[]"),
        tool_version=ev["tool_version"] or "",
        catalog_title=settings.get("catalog_title", ""),
        catalog_notice=settings.get("catalog_notice", ""),
        catalog_items_unknown=settings.get("catalog_items_unknown", 0),
        catalog_assumed_from=settings.get("catalog_assumed_from", ""),
        site_list=settings.get("site_list", {}),
    )
