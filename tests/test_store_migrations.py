"""Versioned migrations of the store: old stores open with every row, newer ones are refused, reading never writes."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from pathlib import Path

import pytest

from checklist.sitedata import load_site
from oit.check import stored_report
from oitbase.thai import fold
from storage import schema, store
from tests.helpers import run_oit_here

#: Written by the code before versioned migrations (commit 69d5e0b); see its header.
OLD_STORE_SQL = Path(__file__).parent / "data" / "store-before-migrations.sql"
#: Written by the release before units and evaluations (store version 2); see its header.
V2_STORE_SQL = Path(__file__).parent / "data" / "store-v2.sql"
TABLES = ("runs", "texts", "resources", "links", "skipped_links", "ita_rows", "results", "evidence", "unreadable")


def old_store(path: Path, older: bool = False) -> Path:
    """The store of the SQL dump (version 0); ``older``: as stores made before the late columns and skipped links."""
    with sqlite3.connect(path) as conn:
        conn.executescript(OLD_STORE_SQL.read_text(encoding="utf-8"))
        if older:
            for table, column, _ in schema.LATE_COLUMNS:
                conn.execute(f'ALTER TABLE "{table}" DROP COLUMN "{column}"')
            conn.execute('DROP TABLE "skipped_links"')
    conn.close()
    return path


def counts(path: Path) -> dict[str, int]:
    with sqlite3.connect(path) as conn:
        names = {r[0] for r in conn.execute("select name from sqlite_master where type = 'table'")}
        out = {t: conn.execute(f'select count(*) from "{t}"').fetchone()[0] for t in TABLES if t in names}
    conn.close()
    return out


def layout(path: Path) -> dict[str, set[str]]:
    """Table/view/index/trigger name → its columns (tables and views) or nothing."""
    with sqlite3.connect(path) as conn:
        rows = conn.execute("select type, name from sqlite_master where name not like 'sqlite_%'").fetchall()
        out = {
            name: ({r[1] for r in conn.execute(f'PRAGMA table_info("{name}")')} if kind in ("table", "view") else set())
            for kind, name in rows
        }
    conn.close()
    return out


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def version(path: Path) -> int:
    with sqlite3.connect(path) as conn:
        v = conn.execute("PRAGMA user_version").fetchone()[0]
    conn.close()
    return v


def test_steps_are_numbered_in_order():
    assert [m.version for m in schema.MIGRATIONS] == list(range(1, len(schema.MIGRATIONS) + 1))
    assert schema.LATEST == store.SCHEMA_VERSION == len(schema.MIGRATIONS)


def test_a_new_store_is_at_the_latest_version(tmp_path):
    store.open_db(tmp_path / "new.db").conn.close()
    assert version(tmp_path / "new.db") == schema.LATEST
    assert "meta" not in layout(tmp_path / "new.db")


def test_a_store_of_the_code_before_migrations_is_brought_up_to_date(tmp_path):
    path = old_store(tmp_path / "old.db")
    before = counts(path)
    assert version(path) == 0 and before["results"] == 26 and before["runs"] == 2
    db = store.open_db(path)
    assert store.store_version(db) == schema.LATEST
    db.conn.close()
    assert counts(path) == before  # no row lost
    store.open_db(tmp_path / "new.db").conn.close()
    assert layout(path) == layout(tmp_path / "new.db")  # the same tables, columns, views, indexes and triggers

    db = store.open_db(path)
    report = stored_report(db, 1)
    assert len(report.items) == 26 and report.partial and report.fixes
    assert report.skipped and report.skipped[0].url == "http://unit.example/login"
    assert {r["url"] for r in store.search(db, fold("แผนดำเนินงาน"), run_id=1)} >= {"http://unit.example/plan.html"}
    site = load_site(db, 2)
    assert list(site.resources) == ["http://unit.example/"] and len(site.links) == 1
    with pytest.raises(LookupError, match="no results"):
        store.load_report(db, 2)
    run = store.start_run(db, unit_url="http://unit.example/", settings={})
    store.save_resource(
        db, {"run_id": run, "url": "http://unit.example/", "kind": "html", "offsite": 0, "rendered": ""}
    )
    assert store.fetched_urls(db, run) == {"http://unit.example/": 0}


def test_a_store_older_still_gets_the_columns_and_tables_it_lacks(tmp_path):
    path = old_store(tmp_path / "older.db", older=True)
    before = counts(path)
    assert "skipped_links" not in before and "doubts" not in layout(path)["results"]
    db = store.open_db(path)
    assert {"offsite", "rendered"} <= layout(path)["resources"] and {"skipped", "doubts"} <= layout(path)["results"]
    assert counts(path) == {**before, "skipped_links": 0}
    report = stored_report(db, 1)
    assert len(report.items) == 26 and all(it.skipped == [] and it.doubts == [] for it in report.items)


def test_reading_a_store_from_before_evaluations_names_the_upgrade_and_writes_nothing(tmp_path):
    path = old_store(tmp_path / "old.db")
    before = digest(path)
    for args in (["runs"], ["report", "--run", "1", "--format", "json"], ["search", "แผน"]):
        result = run_oit_here(args[0], "--db", str(path), *args[1:])
        assert result.returncode == 2 and f"oit upgrade-store --db {path}" in result.stderr
    assert digest(path) == before and version(path) == 0
    assert run_oit_here("upgrade-store", "--db", str(path)).returncode == 0
    result = run_oit_here("runs", "--db", str(path))
    assert result.returncode == 0 and len(result.stdout.splitlines()) == 2


def current_release_store(path: Path) -> Path:
    """The store of ``tests/data/store-v2.sql``: two judged checks of one unit by the release before evaluations."""
    with sqlite3.connect(path) as conn:
        conn.executescript(V2_STORE_SQL.read_text(encoding="utf-8"))
    conn.close()
    return path


def test_a_store_of_the_current_release_keeps_every_run_and_verdict(tmp_path):
    path = current_release_store(tmp_path / "v2.db")
    with sqlite3.connect(path) as conn:
        scores = dict(conn.execute("select id, score from runs").fetchall())
        verdicts = conn.execute("select run_id, code, status, fix from results order by run_id, code").fetchall()
        evidence = conn.execute("select run_id, code, rank, url from evidence order by 1, 2, 3").fetchall()
    conn.close()
    before = counts(path)
    assert version(path) == 2 and before["runs"] == 2 and before["results"] > 0
    db = store.open_db(path)
    assert store.store_version(db) == schema.LATEST
    after = counts(path)
    assert after == before  # no run, page, link, text or verdict lost
    # each judged run became an evaluation of the same number, with the same verdicts and evidence
    rows = {e["run_id"]: e for e in db.query("select * from evaluations")}
    assert sorted(rows) == [1, 2] and all(rows[r]["id"] == r and rows[r]["score"] == scores[r] for r in rows)
    assert list(db.execute("select run_id, code, status, fix from results order by run_id, code")) == verdicts
    assert list(db.execute("select evaluation_id, code, rank, url from evidence order by 1, 2, 3")) == evidence
    # the two checks are one unit's history
    unit_ids = {r["unit_id"] for r in db.query("select unit_id from runs")}
    assert len(unit_ids) == 1 and None not in unit_ids
    assert [e["run_id"] for e in store.list_evaluations(db, unit_ids.pop())] == [1, 2]
    report = stored_report(db, 2)
    assert report.evaluation_id == 2 and report.score.oit == json.loads(scores[2])["oit"] and report.items
    db.conn.close()
    store.open_db(tmp_path / "new.db").conn.close()
    assert layout(path) == layout(tmp_path / "new.db")


def test_a_recheck_adds_an_evaluation_and_keeps_the_old_one(tmp_path):
    path = current_release_store(tmp_path / "v2.db")
    store.upgrade(path)
    first = run_oit_here("report", "--db", str(path), "--run", "1", "--format", "json")
    result = run_oit_here("report", "--db", str(path), "--run", "1", "--recheck", "--format", "json")
    assert result.returncode == 0, result.stderr
    db = store.open_db(path, read_only=True)
    judged = [e["id"] for e in db.query("select id from evaluations where run_id = 1 order by id")]
    assert len(judged) == 2 and judged[0] == 1
    assert json.loads(result.stdout)["run"]["evaluation"] == judged[1]
    old = stored_report(db, evaluation_id=1)
    assert json.loads(first.stdout)["run"]["evaluation"] == 1 and len(old.items) == len(stored_report(db, 1).items)
    assert stored_report(db, 1).evaluation_id == judged[1]  # a run's report is its newest judgement


def test_reading_refuses_an_older_store_it_cannot_read_and_names_the_upgrade(tmp_path, monkeypatch):
    path = store.open_db(tmp_path / "s.db").conn.close() or tmp_path / "s.db"
    step = schema.Migration(schema.LATEST + 1, lambda conn: conn.execute("ALTER TABLE runs ADD COLUMN x TEXT"), False)
    monkeypatch.setattr(schema, "MIGRATIONS", [*schema.MIGRATIONS, step])
    monkeypatch.setattr(schema, "LATEST", step.version)
    before = digest(path)
    with pytest.raises(store.StoreError) as err:
        store.open_db(path, read_only=True)
    message = str(err.value)
    assert "\n" not in message and f"oit upgrade-store --db {path}" in message and "older" in message
    assert digest(path) == before
    assert store.upgrade(path) == (step.version - 1, step.version)
    store.open_db(path, read_only=True).conn.close()  # readable now


@pytest.mark.parametrize("read_only", [True, False], ids=["read-only", "writing"])
def test_a_store_of_a_newer_version_is_refused_in_one_line(tmp_path, read_only):
    path = tmp_path / "future.db"
    store.open_db(path).conn.close()
    with sqlite3.connect(path) as conn:
        conn.execute(f"PRAGMA user_version = {schema.LATEST + 1}")
    conn.close()
    before = digest(path)
    with pytest.raises(store.StoreError) as err:
        store.open_db(path, read_only=read_only)
    assert "\n" not in str(err.value) and "newer" in str(err.value) and str(path) in str(err.value)
    assert digest(path) == before


def test_a_failed_step_leaves_the_store_as_it_was(tmp_path, monkeypatch):
    path = old_store(tmp_path / "old.db", older=True)
    before_layout, before_counts = layout(path), counts(path)

    def broken(conn):
        conn.execute("CREATE TABLE half_done (x)")
        raise RuntimeError("step failed")

    monkeypatch.setattr(schema, "MIGRATIONS", [*schema.MIGRATIONS, schema.Migration(schema.LATEST + 1, broken)])
    monkeypatch.setattr(schema, "LATEST", schema.LATEST + 1)
    with pytest.raises(RuntimeError):
        store.open_db(path)
    assert version(path) == 0 and layout(path) == before_layout and counts(path) == before_counts


def test_upgrade_store_command(tmp_path):
    path = old_store(tmp_path / "old.db")
    result = run_oit_here("upgrade-store", "--db", str(path))
    assert result.returncode == 0, result.stderr
    assert f"version 0 → {schema.LATEST}" in result.stdout and version(path) == schema.LATEST
    assert "up to date" in run_oit_here("upgrade-store", "--db", str(path)).stdout
    junk = tmp_path / "notes.txt"
    junk.write_text("not a database\n" * 100, encoding="utf-8")
    result = run_oit_here("upgrade-store", "--db", str(junk))
    assert result.returncode != 0 and "notes.txt" in result.stderr and "Traceback" not in result.stderr
    assert junk.read_text(encoding="utf-8") == "not a database\n" * 100
