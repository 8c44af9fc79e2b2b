"""Batches in the store: a check of many units, with each unit's state, so a killed batch resumes where it was."""

from __future__ import annotations

import json

from storage.store import Database, now_iso

#: A unit's state in a batch: not started, crawling or judging, judged, or could not be checked.
STATES = ("pending", "running", "done", "problem")


def start_batch(db: Database, source: str, unit_ids: list[int], concurrency: int, settings: dict) -> int:
    batch_id = (
        db["batches"]
        .insert(
            {
                "source": source,
                "started": now_iso(),
                "status": "running",
                "concurrency": concurrency,
                "settings": json.dumps(settings, ensure_ascii=False),
            }
        )
        .last_pk
    )
    db["batch_units"].insert_all(
        [{"batch_id": batch_id, "unit_id": u, "state": "pending", "reason": ""} for u in unit_ids],
        pk=("batch_id", "unit_id"),
    )
    return batch_id


def open_batch(db: Database, source: str) -> dict | None:
    """The newest unfinished batch of the same units file, or None."""
    rows = list(
        db.query("select * from batches where source = ? and status = 'running' order by id desc limit 1", [source])
    )
    return rows[0] if rows else None


def add_batch_units(db: Database, batch_id: int, unit_ids: list[int]) -> None:
    """Units of the file that the batch did not hold yet (the file gained rows since)."""
    db["batch_units"].insert_all(
        [{"batch_id": batch_id, "unit_id": u, "state": "pending", "reason": ""} for u in unit_ids],
        pk=("batch_id", "unit_id"),
        ignore=True,
    )


def batch_units(db: Database, batch_id: int) -> list[dict]:
    return list(db.query("select * from batch_units where batch_id = ? order by rowid", [batch_id]))


def set_unit_state(db: Database, batch_id: int, unit_id: int, state: str, **fields: object) -> None:
    if state not in STATES:
        raise ValueError(f"unknown batch state {state!r}")
    stamp = {"started": now_iso()} if state == "running" else {"finished": now_iso()} if state != "pending" else {}
    db["batch_units"].update((batch_id, unit_id), {"state": state, **stamp, **fields})


def finish_batch(db: Database, batch_id: int) -> None:
    db["batches"].update(batch_id, {"status": "done", "finished": now_iso()})


def get_batch(db: Database, batch_id: int) -> dict:
    rows = list(db.query("select * from batches where id = ?", [batch_id]))
    if not rows:
        raise LookupError(f"batch {batch_id} is not in the store")
    return rows[0]


def unfinished_batches(db: Database, source: str) -> list[dict]:
    """Every unfinished batch of the same units file, newest first."""
    return list(db.query("select * from batches where source = ? and status = 'running' order by id desc", [source]))


def latest_batch(db: Database) -> dict | None:
    rows = list(db.query("select * from batches order by id desc limit 1"))
    return rows[0] if rows else None


def set_batch_settings(db: Database, batch_id: int, settings: dict) -> None:
    db["batches"].update(batch_id, {"settings": json.dumps(settings, ensure_ascii=False)})


def unit_run(db: Database, batch_id: int, unit_id: int) -> int | None:
    """The newest run the batch made for the unit (also one begun just before a kill, before it was recorded)."""
    rows = list(db.query("select max(id) as id from runs where batch_id = ? and unit_id = ?", [batch_id, unit_id]))
    return rows[0]["id"] if rows else None
