"""The web page's checks (``web.db`` beside the store, see :mod:`oit.web.checks`) and the progress of a running
check read from its own store."""

from __future__ import annotations

import datetime as dt
import secrets
import sqlite3
from contextlib import closing
from pathlib import Path

import sqlite_utils

ACTIVE = ("queued", "running")


def now_iso() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


class CheckBook:
    """The records of the web's checks (``web.db``): one connection per call, so any thread may use it."""

    def __init__(self, path: Path):
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        with self._db() as db:
            db["checks"].create(
                {
                    "id": str, "url": str, "year": int, "unit_type": str, "client": str, "state": str,
                    "created": str, "started": str, "finished": str, "reason": str, "task_id": str,
                    "run_id": int, "evaluation_id": int, "unit_id": int, "score": float, "band": str,
                    "resumes": int,
                },
                pk="id", if_not_exists=True, not_null={"url", "state"}, defaults={"resumes": 0},
            )  # fmt: skip
            db["checks"].create_index(["state"], if_not_exists=True)
            db["checks"].create_index(["unit_id"], if_not_exists=True)

    def _db(self) -> closing:
        conn = sqlite3.connect(self.path, timeout=30, check_same_thread=False)
        conn.execute("PRAGMA journal_mode=WAL")
        return _Closing(sqlite_utils.Database(conn))

    def add(self, url: str, year: int, unit_type: str, client: str) -> str:
        check_id = secrets.token_urlsafe(12)
        row = {"id": check_id, "url": url, "year": year, "unit_type": unit_type, "client": client,
               "state": "queued", "created": now_iso()}  # fmt: skip
        with self._db() as db:
            db["checks"].insert(row)
        return check_id

    def get(self, check_id: str) -> dict | None:
        with self._db() as db:
            rows = list(db["checks"].rows_where("id = ?", [check_id]))
        return rows[0] if rows else None

    def update(self, check_id: str, **fields) -> None:  # noqa: ANN003 - columns of ``checks``
        with self._db() as db:
            db["checks"].update(check_id, fields)

    def where(self, sql: str, args: list | tuple = ()) -> list[dict]:
        with self._db() as db:
            return list(db["checks"].rows_where(sql, list(args), order_by="created"))

    def active(self, client: str | None = None) -> list[dict]:
        marks = ",".join("?" * len(ACTIVE))
        if client is None:
            return self.where(f"state in ({marks})", ACTIVE)
        return self.where(f"state in ({marks}) and client = ?", (*ACTIVE, client))

    def same_active(self, url: str, year: int, unit_type: str) -> dict | None:
        marks = ",".join("?" * len(ACTIVE))
        rows = self.where(
            f"state in ({marks}) and url = ? and year = ? and unit_type = ?", (*ACTIVE, url, year, unit_type)
        )
        return rows[0] if rows else None

    def by_run(self, run_ids: list[int]) -> dict[int, str]:
        """run id → the id of the web check that made it."""
        if not run_ids:
            return {}
        marks = ",".join("?" * len(run_ids))
        return {r["run_id"]: r["id"] for r in self.where(f"run_id in ({marks})", run_ids)}


class _Closing:
    def __init__(self, db: sqlite_utils.Database):
        self.db = db

    def __enter__(self) -> sqlite_utils.Database:
        return self.db

    def __exit__(self, *exc: object) -> None:
        if exc[0] is None:
            self.db.conn.commit()
        self.db.conn.close()


def crawl_progress(work: Path) -> dict:
    """What the crawl of a running local check has done so far, read from its own store (empty when not started)."""
    path = work / "oit.db"
    if not path.exists():
        return {}
    try:
        with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=2)) as conn:
            kinds = dict(conn.execute("select kind, count(*) from resources group by kind").fetchall())
            ocr = conn.execute(
                "select coalesce(sum(json_extract(t.features, '$.pages_ocr')), 0) from texts t"
                " where t.sha256 in (select sha256 from resources)"
            ).fetchone()[0]
            items = conn.execute("select count(distinct code) from ita_rows where code != ''").fetchone()[0]
            crawled = conn.execute("select count(*) from runs where crawl_finished is not null").fetchone()[0]
    except sqlite3.Error:  # being created or migrated: nothing to show yet
        return {}
    documents = sum(n for kind, n in kinds.items() if kind not in ("html", "text", "other", "", None))
    return {"pages": kinds.get("html", 0), "documents": documents, "ocr_pages": int(ocr or 0),
            "items_listed": items, "stage": "judging" if crawled else "crawling"}  # fmt: skip
