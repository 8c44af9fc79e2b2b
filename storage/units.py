"""The units register in the store: units, the addresses each was known by, and which unit a checked URL is.

A unit is found by its register code, else by the key of any address it was known by (:func:`oitbase.units.url_key`:
scheme, ``www.``, trailing slash and index file do not matter), so a site that moved keeps one history.
"""

from __future__ import annotations

from typing import Literal

from oitbase.units import Unit, url_key
from storage.store import Database, now_iso

Change = Literal["added", "updated", "unchanged", "url_changed"]
#: Register columns kept in ``units`` (besides ``url``).
FIELDS = ("name", "type", "province", "parent", "year", "catalog", "email", "webhook")


def record_url(db: Database, unit_id: int, url: str, source: str) -> None:
    """Remember that unit ``unit_id`` was known at ``url`` (source: register, redirect or check)."""
    now = now_iso()
    db.execute(
        "insert into unit_urls (unit_id, url, url_key, source, first_seen, last_seen) values (?, ?, ?, ?, ?, ?) "
        "on conflict (unit_id, url) do update set last_seen = excluded.last_seen",
        [unit_id, url, url_key(url), source, now, now],
    )
    db.conn.commit()


def unit_by_key(db: Database, key: str) -> dict | None:
    """The unit known by an address with ``key``: the unit registered at it, else the one unit that had it as an
    address (an address several units redirected to, e.g. a shared portal or a parking page, names none of them)."""
    rows = list(db.query("select * from units where url_key = ? order by code is null, id limit 1", [key]))
    if rows:
        return rows[0]
    sql = "select distinct u.* from unit_urls a join units u on u.id = a.unit_id where a.url_key = ? limit 2"
    rows = list(db.query(sql, [key]))
    return rows[0] if len(rows) == 1 else None


def get_unit(db: Database, unit_id: int) -> dict:
    rows = list(db.query("select * from units where id = ?", [unit_id]))
    if not rows:
        raise LookupError(f"unit {unit_id} is not in the store")
    return rows[0]


def find_unit(db: Database, ref: str) -> dict:
    """The unit a user names: its register code, or any address it was known by. LookupError when none."""
    rows = list(db.query("select * from units where code = ?", [ref.strip()]))
    if rows:
        return rows[0]
    if found := unit_by_key(db, url_key(ref)):
        return found
    raise LookupError(
        f"ไม่พบหน่วยงาน {ref} ในฐานข้อมูล (no unit with code or address {ref} in the store; see `oit units list --db …`)"
    )


def save_unit(db: Database, unit: Unit) -> tuple[int, Change, str]:
    """Add or update a register row; (unit id, what happened, the previous URL when it changed). A row whose code is
    new but whose address is a unit already checked without a register (``oit check``) adopts that unit."""
    now = now_iso()
    values = {f: getattr(unit, f) for f in FIELDS} | {"url": unit.url, "url_key": unit.key}
    rows = list(db.query("select * from units where code = ?", [unit.code]))
    if not rows:  # a unit checked at this address without a register becomes this row
        rows = list(db.query("select * from units where url_key = ? and code is null order by id limit 1", [unit.key]))
    if not rows:
        unit_id = db["units"].insert({"code": unit.code, **values, "added": now, "updated": now}).last_pk
        record_url(db, unit_id, unit.url, "register")
        return unit_id, "added", ""
    old = rows[0]
    changed = {k: v for k, v in values.items() if (old.get(k) or None) != (v or None)} | (
        {"code": unit.code} if old["code"] != unit.code else {}
    )
    if not changed:
        return old["id"], "unchanged", ""
    db["units"].update(old["id"], {**changed, "updated": now})
    record_url(db, old["id"], unit.url, "register")
    if old["url_key"] != unit.key:
        return old["id"], "url_changed", old["url"] or ""
    return old["id"], "updated", ""


def unit_for_url(db: Database, url: str, *aliases: str, name: str = "") -> int:
    """The unit checked at ``url``: the one known by that address or one of ``aliases`` (e.g. where it redirected),
    else a new unit outside the register. Every address given is recorded as the unit's."""
    unit_id = next((found["id"] for u in (url, *aliases) if (found := unit_by_key(db, url_key(u)))), None)
    if unit_id is None:
        now = now_iso()
        unit_id = (
            db["units"]
            .insert({"code": None, "name": name, "url": url, "url_key": url_key(url), "added": now, "updated": now})
            .last_pk
        )
    record_url(db, unit_id, url, "check")
    for alias in aliases:
        if alias != url:
            record_url(db, unit_id, alias, "redirect")
    return unit_id


def list_units(db: Database) -> list[dict]:
    """Every unit, register order (codes first), each with its number of runs and its newest run's id."""
    sql = (
        "select u.*, (select count(*) from runs r where r.unit_id = u.id) as runs, "
        "(select max(r.id) from runs r where r.unit_id = u.id) as last_run from units u "
        "order by u.code is null, u.id"
    )
    return list(db.query(sql))


def unit_addresses(db: Database, unit_id: int) -> list[dict]:
    """The addresses a unit was known by, first seen first."""
    return list(db.query("select * from unit_urls where unit_id = ? order by first_seen, url", [unit_id]))
