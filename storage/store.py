"""The SQLite store (sqlite-utils): every run, page, document, link, extracted text and result.

Tables
------
``runs``        one row per check: unit, URL, time, catalog, settings, status, score.
``resources``   one row per fetched URL of a run (HTML pages and documents); views ``pages`` and
                ``documents`` show each kind.
``texts``       extracted text keyed by the SHA-256 of the fetched bytes, shared by all runs, so an
                unchanged file is never extracted twice. ``texts_fts`` indexes the folded text with
                FTS5's trigram tokenizer, which finds Thai words without word boundaries.
``links``       every link seen (on-site and off-site) with its text.
``ita_rows``    rows of the unit's ITA/OIT index page(s): item code, label, linked URL.
``results``     the verdict per item of a run; ``evidence`` its evidence rows; ``unreadable``
                what could not be read and why.

Reports are rebuilt from these tables alone (``load_report``).
"""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import sqlite_utils
from sqlite_utils.db import NotFoundError

from oitbase.model import Evidence, ItemResult, Report, ScoreCard, SkippedLink, Unreadable
from scoring.score import rank_fixes

SCHEMA_VERSION = 1


def now_iso() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()


class StoreError(LookupError):
    """The file is not a store this tool can read (not SQLite, no runs table); the message says so."""


def open_db(path: str | Path, read_only: bool = False) -> sqlite_utils.Database:
    """Open (and create or migrate) the store at ``path``; ``read_only``: open an existing store without writing
    to it (no schema change), for commands that only read."""
    if read_only:
        conn = sqlite3.connect(f"file:{Path(path).resolve()}?mode=ro", uri=True)
        db = sqlite_utils.Database(conn)
        try:
            names = db.table_names()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{path} is not an oit store (SQLite: {exc})") from exc
        if "runs" not in names:
            raise StoreError(f"{path} holds no oit runs")
        return db
    db = sqlite_utils.Database(path)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=NORMAL")
    ensure_schema(db)
    return db


def ensure_schema(db: sqlite_utils.Database) -> None:
    if "runs" not in db.table_names():
        db["runs"].create(
            {
                "id": int,
                "unit_url": str,
                "unit_name": str,
                "unit_type": str,
                "fiscal_year": int,
                "catalog_id": str,
                "catalog_version": str,
                "catalog_confidence": str,
                "catalog_path": str,
                "settings": str,
                "started": str,
                "finished": str,
                "status": str,  # running | complete | partial | failed
                "crawl_status": str,  # complete | partial (set by the crawler)
                "crawl_finished": str,
                "crawl_stats": str,
                "partial_reason": str,
                "stats": str,
                "score": str,
                "warnings": str,
                "tool_version": str,
            },
            pk="id",
        )
    if "texts" not in db.table_names():
        db["texts"].create(
            {
                "sha256": str,
                "kind": str,
                "title": str,
                "headings": str,
                "text": str,
                "folded": str,
                "pages": str,
                "methods": str,
                "features": str,
                "error": str,
                "encoding": str,
                "extracted_at": str,
            },
            pk="sha256",
        )
        db["texts"].enable_fts(["title", "folded"], tokenize="trigram", create_triggers=True)
    if "resources" not in db.table_names():
        db["resources"].create(
            {
                "run_id": int,
                "url": str,
                "final_url": str,
                "status": int,
                "content_type": str,
                "kind": str,
                "depth": int,
                "referrer": str,
                "anchor": str,
                "size": int,
                "sha256": str,
                "error": str,
                "fetched_at": str,
            },
            pk=("run_id", "url"),
            foreign_keys=[("run_id", "runs", "id")],
        )
        db["resources"].create_index(["sha256"])
        db.create_view(
            "pages",
            "select r.*, t.title, t.text from resources r left join texts t on t.sha256 = r.sha256 "
            "where r.kind = 'html'",
        )
        db.create_view(
            "documents",
            "select r.*, t.title, t.text, t.methods from resources r left join texts t "
            "on t.sha256 = r.sha256 where r.kind != 'html'",
        )
    if "links" not in db.table_names():
        db["links"].create(
            {"run_id": int, "src": str, "dst": str, "text": str, "kind": str, "offsite": int},
            pk=("run_id", "src", "dst", "kind"),
        )
        db["links"].create_index(["run_id", "dst"])
    if "skipped_links" not in db.table_names():
        # Links the crawl did not follow, and why (first page that linked them).
        db["skipped_links"].create(
            {"run_id": int, "url": str, "src": str, "text": str, "reason": str}, pk=("run_id", "url")
        )
    if "ita_rows" not in db.table_names():
        db["ita_rows"].create(
            {"run_id": int, "page_url": str, "code": str, "label": str, "url": str, "position": int},
            pk=("run_id", "page_url", "code", "position"),
        )
    if "results" not in db.table_names():
        db["results"].create(
            {
                "run_id": int,
                "code": str,
                "name": str,
                "sub_indicator": str,
                "status": str,
                "confidence": float,
                "gain": float,
                "fix": str,
                "criterion": str,
                "missing": str,
                "found": str,
                "notes": str,
                "catalog_confidence": str,
                "skipped": str,
                "doubts": str,
                "position": int,
            },
            pk=("run_id", "code"),
        )
        db["evidence"].create(
            {
                "run_id": int,
                "code": str,
                "rank": int,
                "url": str,
                "title": str,
                "snippet": str,
                "kind": str,
                "offsite": int,
                "where_": str,
                "fiscal_year": int,
                "score": float,
            },
            pk=("run_id", "code", "rank"),
        )
        db["unreadable"].create({"run_id": int, "url": str, "reason": str}, pk=("run_id", "url"))
    for column in ("skipped", "doubts"):  # stores made before skipped links / doubts were kept
        if column not in db["results"].columns_dict:
            db["results"].add_column(column, str)
    db["meta"].insert({"key": "schema_version", "value": str(SCHEMA_VERSION)}, pk="key", replace=True)


# --- runs -------------------------------------------------------------------------------------


def start_run(db: sqlite_utils.Database, **fields: Any) -> int:
    row = {"started": now_iso(), "status": "running", **fields}
    for key in ("settings", "stats", "warnings"):
        if key in row and not isinstance(row[key], str):
            row[key] = json.dumps(row[key], ensure_ascii=False)
    return db["runs"].insert(row).last_pk


def update_run(db: sqlite_utils.Database, run_id: int, **fields: Any) -> None:
    for key in ("settings", "stats", "score", "warnings", "crawl_stats"):
        if key in fields and not isinstance(fields[key], str):
            fields[key] = json.dumps(fields[key], ensure_ascii=False)
    db["runs"].update(run_id, fields, alter=True)


def get_run(db: sqlite_utils.Database, run_id: int | None = None) -> dict:
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


def list_runs(db: sqlite_utils.Database) -> list[dict]:
    return list(db.query("select * from runs order by id"))


# --- crawl data -------------------------------------------------------------------------------


def cached_text(db: sqlite_utils.Database, sha256: str) -> dict | None:
    rows = list(db.query("select * from texts where sha256 = ?", [sha256]))
    return rows[0] if rows else None


def save_text(db: sqlite_utils.Database, row: dict) -> None:
    db["texts"].insert(row, pk="sha256", replace=True)


def save_resource(db: sqlite_utils.Database, row: dict) -> None:
    db["resources"].insert({"fetched_at": now_iso(), **row}, pk=("run_id", "url"), replace=True)


def save_links(db: sqlite_utils.Database, rows: list[dict]) -> None:
    if rows:
        db["links"].insert_all(rows, pk=("run_id", "src", "dst", "kind"), ignore=True)


def save_skipped(db: sqlite_utils.Database, rows: list[dict]) -> None:
    if rows:
        db["skipped_links"].insert_all(rows, pk=("run_id", "url"), ignore=True)


def load_skipped(db: sqlite_utils.Database, run_id: int) -> list[SkippedLink]:
    """The links a run did not follow, less those it fetched after all (linked again from elsewhere)."""
    sql = (
        "select s.* from skipped_links s where s.run_id = ? and not exists "
        "(select 1 from resources r where r.run_id = s.run_id and r.url = s.url) order by s.url"
    )
    return [SkippedLink(url=r["url"], reason=r["reason"], text=r["text"] or "", src=r["src"] or "")
            for r in db.query(sql, [run_id])]  # fmt: skip


def save_ita_rows(db: sqlite_utils.Database, rows: list[dict]) -> None:
    if rows:
        db["ita_rows"].insert_all(rows, pk=("run_id", "page_url", "code", "position"), replace=True)


def search(db: sqlite_utils.Database, folded_query: str, run_id: int | None = None, limit: int = 20) -> list[dict]:
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


def save_results(db: sqlite_utils.Database, run_id: int, report: Report) -> None:
    """Store the verdicts, evidence, unreadable URLs and score of a run (replacing earlier ones)."""
    with db.conn:
        for table in ("results", "evidence", "unreadable"):
            db.execute(f"delete from {table} where run_id = ?", [run_id])
        db["results"].insert_all(
            [
                {
                    "run_id": run_id,
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
                    "run_id": run_id,
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
            [{"run_id": run_id, "url": u.url, "reason": u.reason} for u in report.unreadable],
            replace=True,
        )
        update_run(
            db,
            run_id,
            score=report.score.model_dump(),
            stats=report.stats,
            warnings=report.warnings,
            unit_name=report.unit_name,
        )


def load_report(db: sqlite_utils.Database, run_id: int | None = None) -> Report:
    """Rebuild the ``Report`` of a run from the store alone."""
    run = get_run(db, run_id)
    rid = run["id"]
    if not run.get("score"):
        raise LookupError(f"run {rid} has no results (it did not finish checking)")
    evidence: dict[str, list[Evidence]] = {}
    for row in db.query("select * from evidence where run_id = ? order by code, rank", [rid]):
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
        for row in db.query("select * from results where run_id = ? order by position", [rid])
    ]
    score = ScoreCard(**json.loads(run["score"]))
    settings = json.loads(run["settings"] or "{}")
    fixes = rank_fixes(items)
    return Report(
        unit_name=run["unit_name"] or "",
        url=run["unit_url"],
        fiscal_year=run["fiscal_year"],
        unit_type=run["unit_type"],
        catalog_id=run["catalog_id"],
        catalog_version=run["catalog_version"],
        catalog_confidence=run["catalog_confidence"] or "",
        run_id=rid,
        started=run["started"],
        finished=run["finished"] or "",
        partial=run["status"] == "partial",
        partial_reason=run["partial_reason"] or "",
        score=score,
        items=items,
        fixes=fixes,
        unreadable=[
            Unreadable(url=r["url"], reason=r["reason"])
            for r in db.query("select * from unreadable where run_id = ? order by url", [rid])
        ],
        skipped=load_skipped(db, rid),
        stats=json.loads(run["stats"] or "{}"),
        sub_indicator_names=settings.get("sub_indicator_names", {}),
        indicator_names=settings.get("indicator_names", {}),
        warnings=json.loads(run["warnings"] or "[]"),
        tool_version=run["tool_version"] or "",
        catalog_title=settings.get("catalog_title", ""),
        catalog_notice=settings.get("catalog_notice", ""),
        catalog_items_unknown=settings.get("catalog_items_unknown", 0),
        catalog_assumed_from=settings.get("catalog_assumed_from", ""),
        site_list=settings.get("site_list", {}),
    )
