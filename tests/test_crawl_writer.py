"""The crawl's batched writes to the store (``storage.store.CrawlWriter``): nothing lost, nothing read stale."""

from __future__ import annotations

import time

import pytest

from storage import store


@pytest.fixture
def db(tmp_path):
    db = store.open_db(tmp_path / "oit.db")
    yield db
    db.conn.close()


def _count(db, table: str) -> int:
    return db.execute(f'select count(*) from "{table}"').fetchone()[0]  # noqa: S608


def _text(sha: str, text: str = "ประกาศ") -> dict:
    return {"sha256": sha, "kind": "html", "title": "", "headings": "[]", "text": text, "folded": text,
            "pages": "[]", "methods": "html", "features": "{}", "error": "", "encoding": "utf-8",
            "extracted_at": store.now_iso()}  # fmt: skip


def test_queued_rows_are_written_in_one_batch_and_a_queued_text_is_found_before(db):
    writer = store.CrawlWriter(db, max_rows=100, max_seconds=60)
    writer.add("texts", [_text("a" * 64)])
    writer.add("resources", [{"run_id": 1, "url": "http://x/", "sha256": "a" * 64, "error": ""}])
    assert _count(db, "resources") == 0
    # The same file under another URL must not be extracted again while its text waits to be written.
    assert writer.text("a" * 64)["text"] == "ประกาศ"
    assert writer.text("b" * 64) is None
    writer.flush()
    assert _count(db, "resources") == 1 and store.cached_text(db, "a" * 64)["text"] == "ประกาศ"
    # The full-text index is kept up to date by the same writes.
    assert [r["url"] for r in store.search(db, "ประกาศ")] == ["http://x/"]


def test_a_full_batch_or_an_old_one_is_written_without_waiting_for_the_end(db):
    writer = store.CrawlWriter(db, max_rows=3, max_seconds=60)
    writer.add("links", [{"run_id": 1, "src": "http://x/", "dst": f"http://x/{n}", "text": "", "kind": "a",
                          "offsite": 0} for n in range(3)])  # fmt: skip
    assert _count(db, "links") == 3
    writer = store.CrawlWriter(db, max_rows=1000, max_seconds=0.05)
    writer.add("skipped_links", [{"run_id": 1, "url": "http://x/a.zip", "src": "http://x/", "text": "",
                                  "reason": "archive"}])  # fmt: skip
    assert not writer.due() and _count(db, "skipped_links") == 0
    time.sleep(0.06)
    assert writer.due()  # what the crawl's timer checks between items
    writer.flush()
    assert _count(db, "skipped_links") == 1 and not writer.due()


def test_a_resource_fetched_again_replaces_its_row_and_a_link_seen_again_is_kept_once(db):
    writer = store.CrawlWriter(db)
    for error in ("HTTP 500", ""):
        writer.add("resources", [{"run_id": 1, "url": "http://x/a", "error": error}])
        writer.add("links", [{"run_id": 1, "src": "http://x/", "dst": "http://x/a", "text": "ก", "kind": "a",
                              "offsite": 0}])  # fmt: skip
        writer.flush()
    assert [r["error"] for r in db.query("select error from resources")] == [""]
    assert _count(db, "links") == 1
