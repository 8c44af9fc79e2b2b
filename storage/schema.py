"""The store's tables and their versioned migrations.

A store's version is ``PRAGMA user_version``: the number of :data:`MIGRATIONS` applied to it. Opening a store for
writing applies the missing steps in order, in one transaction, so a store is always at a known version and no
column is ever added on the fly. Stores written before the version was kept (version 0; their columns were added
as the code met them) are brought to the first version by step 1, which creates what they lack and keeps every row.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass

#: The tables as the first versioned store has them; the statements sqlite-utils wrote for stores of version 0.
BASELINE = [
    """CREATE TABLE IF NOT EXISTS "runs" ("id" INTEGER PRIMARY KEY, "unit_url" TEXT, "unit_name" TEXT,
    "unit_type" TEXT, "fiscal_year" INTEGER, "catalog_id" TEXT, "catalog_version" TEXT, "catalog_confidence" TEXT,
    "catalog_path" TEXT, "settings" TEXT, "started" TEXT, "finished" TEXT, "status" TEXT, "crawl_status" TEXT,
    "crawl_finished" TEXT, "crawl_stats" TEXT, "partial_reason" TEXT, "stats" TEXT, "score" TEXT, "warnings" TEXT,
    "tool_version" TEXT)""",
    """CREATE TABLE IF NOT EXISTS "texts" ("sha256" TEXT PRIMARY KEY, "kind" TEXT, "title" TEXT, "headings" TEXT,
    "text" TEXT, "folded" TEXT, "pages" TEXT, "methods" TEXT, "features" TEXT, "error" TEXT, "encoding" TEXT,
    "extracted_at" TEXT)""",
    # FTS5's trigram tokenizer finds Thai words without word boundaries; the triggers keep it in step with texts.
    """CREATE VIRTUAL TABLE IF NOT EXISTS "texts_fts" USING FTS5 ("title", "folded", tokenize='trigram',
    content="texts")""",
    """CREATE TRIGGER IF NOT EXISTS "texts_ai" AFTER INSERT ON "texts" BEGIN
      INSERT INTO "texts_fts" (rowid, "title", "folded") VALUES (new.rowid, new."title", new."folded");
    END""",
    """CREATE TRIGGER IF NOT EXISTS "texts_ad" AFTER DELETE ON "texts" BEGIN
      INSERT INTO "texts_fts" ("texts_fts", rowid, "title", "folded")
        VALUES('delete', old.rowid, old."title", old."folded");
    END""",
    """CREATE TRIGGER IF NOT EXISTS "texts_au" AFTER UPDATE ON "texts" BEGIN
      INSERT INTO "texts_fts" ("texts_fts", rowid, "title", "folded")
        VALUES('delete', old.rowid, old."title", old."folded");
      INSERT INTO "texts_fts" (rowid, "title", "folded") VALUES (new.rowid, new."title", new."folded");
    END""",
    """CREATE TABLE IF NOT EXISTS "resources" ("run_id" INTEGER REFERENCES "runs"("id"), "url" TEXT,
    "final_url" TEXT, "status" INTEGER, "content_type" TEXT, "kind" TEXT, "depth" INTEGER, "referrer" TEXT,
    "anchor" TEXT, "size" INTEGER, "sha256" TEXT, "error" TEXT, "fetched_at" TEXT,
    "offsite" INTEGER NOT NULL DEFAULT 0, "rendered" TEXT NOT NULL DEFAULT '', PRIMARY KEY ("run_id", "url"))""",
    'CREATE INDEX IF NOT EXISTS "idx_resources_sha256" ON "resources" ("sha256")',
    """CREATE VIEW IF NOT EXISTS "pages" AS select r.*, t.title, t.text from resources r
    left join texts t on t.sha256 = r.sha256 where r.kind = 'html'""",
    """CREATE VIEW IF NOT EXISTS "documents" AS select r.*, t.title, t.text, t.methods from resources r
    left join texts t on t.sha256 = r.sha256 where r.kind != 'html'""",
    """CREATE TABLE IF NOT EXISTS "links" ("run_id" INTEGER, "src" TEXT, "dst" TEXT, "text" TEXT, "kind" TEXT,
    "offsite" INTEGER, PRIMARY KEY ("run_id", "src", "dst", "kind"))""",
    'CREATE INDEX IF NOT EXISTS "idx_links_run_id_dst" ON "links" ("run_id", "dst")',
    # Links the crawl did not follow, and why (first page that linked them).
    """CREATE TABLE IF NOT EXISTS "skipped_links" ("run_id" INTEGER, "url" TEXT, "src" TEXT, "text" TEXT,
    "reason" TEXT, PRIMARY KEY ("run_id", "url"))""",
    """CREATE TABLE IF NOT EXISTS "ita_rows" ("run_id" INTEGER, "page_url" TEXT, "code" TEXT, "label" TEXT,
    "url" TEXT, "position" INTEGER, PRIMARY KEY ("run_id", "page_url", "code", "position"))""",
    """CREATE TABLE IF NOT EXISTS "results" ("run_id" INTEGER, "code" TEXT, "name" TEXT, "sub_indicator" TEXT,
    "status" TEXT, "confidence" REAL, "gain" REAL, "fix" TEXT, "criterion" TEXT, "missing" TEXT, "found" TEXT,
    "notes" TEXT, "catalog_confidence" TEXT, "skipped" TEXT, "doubts" TEXT, "position" INTEGER,
    PRIMARY KEY ("run_id", "code"))""",
    """CREATE TABLE IF NOT EXISTS "evidence" ("run_id" INTEGER, "code" TEXT, "rank" INTEGER, "url" TEXT,
    "title" TEXT, "snippet" TEXT, "kind" TEXT, "offsite" INTEGER, "where_" TEXT, "fiscal_year" INTEGER,
    "score" REAL, PRIMARY KEY ("run_id", "code", "rank"))""",
    """CREATE TABLE IF NOT EXISTS "unreadable" ("run_id" INTEGER, "url" TEXT, "reason" TEXT,
    PRIMARY KEY ("run_id", "url"))""",
]

#: Columns that version-0 stores gained on the fly (table, column, declaration); step 1 adds those missing.
LATE_COLUMNS = [
    ("resources", "offsite", "INTEGER NOT NULL DEFAULT 0"),
    ("resources", "rendered", "TEXT NOT NULL DEFAULT ''"),
    ("results", "skipped", "TEXT"),
    ("results", "doubts", "TEXT"),
]


def columns(conn: sqlite3.Connection, table: str) -> set[str]:
    return {row[1] for row in conn.execute(f'PRAGMA table_info("{table}")')}


def baseline(conn: sqlite3.Connection) -> None:
    """Create what is missing: every table of a new store; of a version-0 store, the tables and columns it lacks."""
    for sql in BASELINE:
        conn.execute(sql)
    for table, column, declaration in LATE_COLUMNS:
        if column not in columns(conn, table):
            conn.execute(f'ALTER TABLE "{table}" ADD COLUMN "{column}" {declaration}')


def drop_meta(conn: sqlite3.Connection) -> None:
    """Version-0 stores kept ``meta.schema_version = "1"``; the version is ``PRAGMA user_version`` now."""
    conn.execute('DROP TABLE IF EXISTS "meta"')


@dataclass(frozen=True)
class Migration:
    version: int  # the store's version once this step is applied
    apply: Callable[[sqlite3.Connection], None]
    #: Whether this code still reads a store that lacks this step (so read-only commands need not refuse it).
    readable_without: bool = True


#: Units, their addresses, evaluations apart from crawls, and batches (step 3).
UNITS = [
    """CREATE TABLE IF NOT EXISTS "units" ("id" INTEGER PRIMARY KEY, "code" TEXT UNIQUE, "name" TEXT, "url" TEXT,
    "url_key" TEXT, "type" TEXT, "province" TEXT, "parent" TEXT, "year" INTEGER, "catalog" TEXT, "email" TEXT,
    "webhook" TEXT, "added" TEXT, "updated" TEXT)""",
    'CREATE INDEX IF NOT EXISTS "idx_units_url_key" ON "units" ("url_key")',
    # Every address a unit was known by: the register's, and those its site redirected to.
    """CREATE TABLE IF NOT EXISTS "unit_urls" ("unit_id" INTEGER REFERENCES "units"("id"), "url" TEXT,
    "url_key" TEXT, "source" TEXT, "first_seen" TEXT, "last_seen" TEXT, PRIMARY KEY ("unit_id", "url"))""",
    'CREATE INDEX IF NOT EXISTS "idx_unit_urls_url_key" ON "unit_urls" ("url_key")',
    # A judgement of one crawl (a run) with one catalog version; a re-check adds one.
    """CREATE TABLE IF NOT EXISTS "evaluations" ("id" INTEGER PRIMARY KEY, "run_id" INTEGER REFERENCES "runs"("id"),
    "unit_id" INTEGER, "fiscal_year" INTEGER, "unit_type" TEXT, "catalog_id" TEXT, "catalog_version" TEXT,
    "catalog_confidence" TEXT, "catalog_path" TEXT, "finished" TEXT, "partial" INTEGER, "score" TEXT,
    "stats" TEXT, "warnings" TEXT, "unit_name" TEXT, "tool_version" TEXT, "settings" TEXT)""",
    'CREATE INDEX IF NOT EXISTS "idx_evaluations_run_id" ON "evaluations" ("run_id")',
    """CREATE TABLE IF NOT EXISTS "batches" ("id" INTEGER PRIMARY KEY, "source" TEXT, "started" TEXT,
    "finished" TEXT, "status" TEXT, "concurrency" INTEGER, "settings" TEXT)""",
    """CREATE TABLE IF NOT EXISTS "batch_units" ("batch_id" INTEGER REFERENCES "batches"("id"), "unit_id" INTEGER,
    "state" TEXT, "run_id" INTEGER, "evaluation_id" INTEGER, "reason" TEXT, "started" TEXT, "finished" TEXT,
    PRIMARY KEY ("batch_id", "unit_id"))""",
]
#: The verdict tables keyed by evaluation (step 3 rebuilds them: their key was the run).
VERDICTS = {
    "results": """CREATE TABLE "results" ("evaluation_id" INTEGER REFERENCES "evaluations"("id"), "run_id" INTEGER,
    "code" TEXT, "name" TEXT, "sub_indicator" TEXT, "status" TEXT, "confidence" REAL, "gain" REAL, "fix" TEXT,
    "criterion" TEXT, "missing" TEXT, "found" TEXT, "notes" TEXT, "catalog_confidence" TEXT, "skipped" TEXT,
    "doubts" TEXT, "position" INTEGER, PRIMARY KEY ("evaluation_id", "code"))""",
    "evidence": """CREATE TABLE "evidence" ("evaluation_id" INTEGER REFERENCES "evaluations"("id"), "run_id" INTEGER,
    "code" TEXT, "rank" INTEGER, "url" TEXT, "title" TEXT, "snippet" TEXT, "kind" TEXT, "offsite" INTEGER,
    "where_" TEXT, "fiscal_year" INTEGER, "score" REAL, PRIMARY KEY ("evaluation_id", "code", "rank"))""",
    "unreadable": """CREATE TABLE "unreadable" ("evaluation_id" INTEGER REFERENCES "evaluations"("id"),
    "run_id" INTEGER, "url" TEXT, "reason" TEXT, PRIMARY KEY ("evaluation_id", "url"))""",
}
#: Columns runs gain in step 3: the unit, the batch, and the crawl problem (crawl health) with its kind.
RUN_COLUMNS = [
    ("unit_id", "INTEGER"),
    ("batch_id", "INTEGER"),
    ("problem", "TEXT NOT NULL DEFAULT ''"),
    ("problem_kind", "TEXT NOT NULL DEFAULT ''"),
]


def units_and_evaluations(conn: sqlite3.Connection) -> None:
    """Step 3: units, evaluations and batches. Each judged run gets the evaluation of the same id (its verdicts
    move there); each run gets a unit, one per address key, so an http→https or www change keeps one history."""
    from oitbase.unitkey import url_key

    for sql in UNITS:
        conn.execute(sql)
    for column, declaration in RUN_COLUMNS:
        conn.execute(f'ALTER TABLE "runs" ADD COLUMN "{column}" {declaration}')
    conn.execute(
        """INSERT INTO "evaluations" ("id", "run_id", "fiscal_year", "unit_type", "catalog_id", "catalog_version",
        "catalog_confidence", "catalog_path", "finished", "partial", "score", "stats", "warnings", "unit_name",
        "tool_version", "settings")
        SELECT "id", "id", "fiscal_year", "unit_type", "catalog_id", "catalog_version", "catalog_confidence",
        "catalog_path", "finished", "status" = 'partial', "score", "stats", "warnings", "unit_name", "tool_version",
        "settings" FROM "runs" WHERE coalesce("score", '') != ''"""
    )
    for table, create in VERDICTS.items():
        old = columns(conn, table)
        conn.execute(f'ALTER TABLE "{table}" RENAME TO "{table}_v2"')
        conn.execute(create)
        names = ", ".join(f'"{c}"' for c in sorted(old & columns(conn, table)) if c != "evaluation_id")
        conn.execute(f'INSERT INTO "{table}" ("evaluation_id", {names}) SELECT "run_id", {names} FROM "{table}_v2"')
        conn.execute(f'DROP TABLE "{table}_v2"')
    if sqlite3.sqlite_version_info >= (3, 35):  # older SQLite cannot drop a column: they stay, unused
        for column in ("score", "stats"):  # the evaluation's now
            conn.execute(f'ALTER TABLE "runs" DROP COLUMN "{column}"')
    units: dict[str, int] = {}
    for run_id, url, name, started in conn.execute(
        'SELECT "id", "unit_url", "unit_name", "started" FROM "runs"'
    ).fetchall():
        key = url_key(url or "")
        if key not in units:
            cur = conn.execute(
                'INSERT INTO "units" ("name", "url", "url_key", "added", "updated") VALUES (?, ?, ?, ?, ?)',
                [name or "", url, key, started, started],
            )
            units[key] = cur.lastrowid
        conn.execute(
            'INSERT OR IGNORE INTO "unit_urls" ("unit_id", "url", "url_key", "source", "first_seen", "last_seen") '
            "VALUES (?, ?, ?, 'check', ?, ?)",
            [units[key], url, key, started, started],
        )
        conn.execute(
            'UPDATE "unit_urls" SET "last_seen" = ? WHERE "unit_id" = ? AND "url" = ?', [started, units[key], url]
        )
        conn.execute('UPDATE "runs" SET "unit_id" = ? WHERE "id" = ?', [units[key], run_id])
        conn.execute('UPDATE "evaluations" SET "unit_id" = ? WHERE "run_id" = ?', [units[key], run_id])


MIGRATIONS = [
    # Readers take the late columns as empty when they are missing.
    Migration(1, baseline, readable_without=True),
    Migration(2, drop_meta, readable_without=True),
    # The verdicts are keyed by evaluation: this code cannot read them as they were.
    Migration(3, units_and_evaluations, readable_without=False),
]
LATEST = MIGRATIONS[-1].version


def version_of(conn: sqlite3.Connection) -> int:
    return conn.execute("PRAGMA user_version").fetchone()[0]


def migrate(conn: sqlite3.Connection) -> tuple[int, int]:
    """Apply the steps the store lacks, in order and in one transaction; (version before, version after).

    The version is read again under the write lock, so two processes opening one old store migrate it once."""
    if version_of(conn) == LATEST:
        return LATEST, LATEST
    if conn.in_transaction:
        conn.commit()
    conn.execute("BEGIN IMMEDIATE")
    try:
        before = version_of(conn)
        for step in MIGRATIONS[before:]:
            step.apply(conn)
            conn.execute(f"PRAGMA user_version = {step.version}")
        conn.commit()
    except BaseException:
        conn.rollback()
        raise
    return before, max(before, LATEST)


def readable_as_is(version: int) -> bool:
    """Whether a store at ``version`` (older than :data:`LATEST`) can be read without migrating it."""
    return all(step.readable_without for step in MIGRATIONS[version:])
