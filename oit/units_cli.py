"""``oit units import|list``, ``oit history UNIT`` and ``oit diff UNIT``: the register and each unit's history."""

from __future__ import annotations

from pathlib import Path

import click

from oit.cli_common import FILE_TO_WRITE, STORE_TO_READ, fail, plain

UNITS_FILE = click.Path(exists=True, dir_okay=False, path_type=Path)
DEFAULT_STORE = Path("oit-report/oit.db")
CHANGE_TH = {"added": "เพิ่ม (added)", "updated": "ปรับปรุง (updated)", "unchanged": "ไม่เปลี่ยน (unchanged)"}


def import_register(db_path: Path, units_file: Path) -> list[tuple[object, int, str, str]]:
    """Read a units file and save its rows in the store: (unit, id, change, previous URL) per row."""
    from oit.register import read_units
    from storage import store
    from storage import units as store_units

    units = read_units(units_file)
    db_path.parent.mkdir(parents=True, exist_ok=True)
    db = store.open_db(db_path)
    return [(u, *store_units.save_unit(db, u)) for u in units]


def echo_import(rows: list[tuple[object, int, str, str]]) -> None:
    for unit, _, change, old_url in rows:
        if change == "url_changed":
            click.echo(f"{plain(unit.code)}  ที่อยู่เว็บไซต์เปลี่ยน (URL changed): {plain(old_url)} → {plain(unit.url)}")
        elif change != "unchanged":
            click.echo(f"{plain(unit.code)}  {CHANGE_TH[change]}  {plain(unit.name)}")
    counts = {c: sum(1 for r in rows if r[2] == c) for c in ("added", "updated", "url_changed", "unchanged")}
    click.echo(
        f"หน่วยงาน {len(rows)} แห่ง: เพิ่ม {counts['added']} · ปรับปรุง {counts['updated']} · เปลี่ยนที่อยู่ "
        f"{counts['url_changed']} · ไม่เปลี่ยน {counts['unchanged']} ({len(rows)} units)"
    )


@click.group()
def units() -> None:
    """ทะเบียนหน่วยงาน — the units register (code, name, URL, type, province, parent)."""


@units.command("import")
@click.argument("units_file", type=UNITS_FILE)
@click.option("--db", "db_path", type=FILE_TO_WRITE, default=DEFAULT_STORE, show_default=True)
def import_units(units_file, db_path):
    """นำเข้าทะเบียนหน่วยงานจาก CSV/XLSX — add or update units (a unit keeps its history when its URL changes)."""
    from oit.register import UnitsFileError

    try:
        echo_import(import_register(db_path, units_file))
    except UnitsFileError as exc:
        fail(str(exc))


@units.command("list")
@click.option("--db", "db_path", type=STORE_TO_READ, default=DEFAULT_STORE, show_default=True)
def list_units(db_path):
    """รายชื่อหน่วยงานในทะเบียน — the units, their addresses and number of checks."""
    from storage import store
    from storage import units as store_units

    try:
        db = store.open_db(db_path, read_only=True)
        rows = store_units.list_units(db)
    except (LookupError, store.DatabaseError) as exc:
        fail(str(exc))
    for row in rows:
        code = row["code"] or "-"
        where = " / ".join(x for x in (row["province"], row["parent"]) if x)
        click.echo(
            f"{plain(code):<12} {plain(row['name'] or ''):<40} {plain(where):<24} {plain(row['url'] or '')}  "
            f"ตรวจแล้ว {row['runs']} ครั้ง"
        )
    if not rows:
        click.echo("ยังไม่มีหน่วยงาน (no units: `oit units import units.csv`)")


def open_unit(db_path: Path, ref: str):  # noqa: ANN201 - (Database, unit row)
    from storage import store
    from storage.units import find_unit

    try:
        db = store.open_db(db_path, read_only=True)
        return db, find_unit(db, ref)
    except (LookupError, store.DatabaseError) as exc:
        fail(str(exc))
        raise  # unreachable


@click.command()
@click.argument("unit")
@click.option("--db", "db_path", type=STORE_TO_READ, default=DEFAULT_STORE, show_default=True)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def history(unit, db_path, fmt):
    """ประวัติการตรวจของหน่วยงาน — a unit's checks with their scores (UNIT: its code or any of its addresses)."""
    from oit.history import history_points, unit_model
    from reports.unit_history import render_history

    db, row = open_unit(db_path, unit)
    click.echo(render_history(unit_model(row), history_points(db, row["id"]), fmt), nl=False)


@click.command()
@click.argument("unit")
@click.option("--db", "db_path", type=STORE_TO_READ, default=DEFAULT_STORE, show_default=True)
@click.option("--from", "from_run", type=click.IntRange(min=1), help="run to compare from (default: the one before)")
@click.option("--to", "to_run", type=click.IntRange(min=1), help="run to compare to (default: the unit's latest)")
@click.option("--format", "fmt", type=click.Choice(["text", "md", "html", "json"]), default="text", show_default=True)
@click.option("--output", "-o", type=FILE_TO_WRITE, help="file to write (default: stdout)")
def diff(unit, db_path, from_run, to_run, fmt, output):
    """เทียบผลการตรวจสองครั้ง — what changed: items newly failing, fixed, evidence moved or gone, the score."""
    from oit.history import diff_unit, unit_model
    from reports.unit_history import render_diff

    db, row = open_unit(db_path, unit)
    try:
        changes, points = diff_unit(db, row["id"], from_run, to_run)
    except LookupError as exc:
        fail(str(exc))
    text = render_diff(unit_model(row), changes, points, fmt)
    if output:
        output.write_text(text, encoding="utf-8")
        click.echo(str(output), err=True)
    else:
        click.echo(text, nl=False)
