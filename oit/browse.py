"""``oit browse``: the store in Datasette, read-only, with canned queries across units (the SQL: storage.browse).

Datasette runs as a child process (``python -m datasette serve``) so Ctrl-C stops both. By default the file is
opened in Datasette's immutable mode (SQLite ``immutable=1``: no write connection exists, nothing is copied); a store
that a batch is still writing is better served with ``--live`` (read-only ``mode=ro`` connections that see new
rows; Datasette writes only through write-enabled canned queries, and these have none).
"""

from __future__ import annotations

import importlib.util
import ipaddress
import json
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

import click

from oit.cli_common import STORE_TO_READ, fail
from storage import browse as browse_sql
from storage import store

#: Query name → (title, description): Thai first, English in parentheses.
QUERIES: dict[str, tuple[str, str]] = {
    "units_failing_item": (
        "หน่วยงานที่ยังไม่ผ่านข้อที่ระบุ (units not passing an item)",
        "ผลตรวจล่าสุดของแต่ละหน่วยงานที่ข้อนี้ไม่ผ่าน ผ่านบางส่วน หรือยังสรุปไม่ได้ ใส่รหัสข้อ เช่น O12 "
        "(each unit's latest evaluation where this item is fail, partial or unknown; give the item code, e.g. O12)",
    ),
    "score_per_unit": (
        "คะแนน OIT ของแต่ละหน่วยงาน (OIT score per unit)",
        "คะแนนและระดับจากผลตรวจล่าสุดของแต่ละหน่วยงาน (score and band of each unit's latest evaluation)",
    ),
    "evidence_disappeared": (
        "หลักฐานที่หายไป (evidence that disappeared)",
        "ข้อที่ผลตรวจครั้งก่อนพบหลักฐาน แต่ผลตรวจล่าสุดไม่พบ พร้อมลิงก์เดิม "
        "(items whose previous crawl had evidence and whose latest has none, with the previous URLs)",
    ),
    "crawl_problems": (
        "ปัญหาในการเก็บข้อมูลเว็บไซต์ (crawl problems)",
        "รอบการเก็บข้อมูลที่มีปัญหา เช่น เข้าเว็บไซต์ไม่ได้ (crawls that hit a problem, e.g. the site unreachable)",
    ),
}

#: Datasette settings: generous time for the window functions of the canned queries, pages of 100 rows.
SETTINGS = {"sql_time_limit_ms": "5000", "default_page_size": "100", "max_returned_rows": "5000"}


def metadata(db_name: str) -> dict:
    """Datasette metadata for the store served as ``db_name``: titles and the canned queries (none writes)."""
    queries = {
        name: {"title": title, "description": description, "sql": browse_sql.CANNED_SQL[name].strip()}
        for name, (title, description) in QUERIES.items()
    }
    return {
        "title": "oit — ผลตรวจเว็บไซต์ตามเกณฑ์ OIT (OIT self-check results)",
        "description": "ข้อมูลอ่านอย่างเดียว (read-only)",
        "databases": {db_name: {"queries": queries}},
    }


def datasette_command(db: Path, metadata_file: Path, host: str, port: int, *, live: bool = False,
                      open_browser: bool = False) -> list[str]:  # fmt: skip
    """The ``python -m datasette serve`` command line that serves ``db`` read-only."""
    command = [sys.executable, "-m", "datasette", "serve"]
    command += [str(db)] if live else ["-i", str(db)]
    command += ["--metadata", str(metadata_file), "--host", host, "--port", str(port)]
    for name, value in SETTINGS.items():
        command += ["--setting", name, value]
    if open_browser:
        command.append("--open")
    return command


def check_store(db: Path) -> None:
    """Refuse (``fail``) a file that is not an oit store, or a store without the tables the queries read."""
    try:
        database = store.open_db(db, read_only=True)
    except store.StoreError as exc:
        fail(f"เปิดฐานข้อมูลไม่ได้ (cannot browse): {exc}")
    try:
        missing = browse_sql.missing_tables(database)
    finally:
        database.conn.close()
    if missing:
        fail(
            f"{db} ยังไม่มีตาราง {', '.join(missing)} (the store predates many-units: no {', '.join(missing)} "
            f"table); `{store.UPGRADE_COMMAND} {db}` brings it up to date"
        )


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def serve(db: Path, host: str = "127.0.0.1", port: int = 8001, *, open_browser: bool = True, live: bool = False) -> int:
    """Serve ``db`` in Datasette until it stops or Ctrl-C; the exit code of Datasette (0 after Ctrl-C)."""
    if importlib.util.find_spec("datasette") is None:
        fail("ไม่พบ Datasette (datasette is not installed): pip install datasette")
    check_store(db)
    from datasette.utils import tilde_encode

    name = db.stem
    with tempfile.TemporaryDirectory(prefix="oit-browse-") as tmp:
        meta = Path(tmp) / "metadata.json"
        meta.write_text(json.dumps(metadata(name), ensure_ascii=False, indent=2), encoding="utf-8")
        command = datasette_command(db, meta, host, port, live=live, open_browser=open_browser)
        shown = f"[{host}]" if ":" in host else host
        url = f"http://{shown}:{port}/{tilde_encode(name)}"
        click.echo(f"เปิดดูผลตรวจได้ที่ (browse the results at) {url}")
        click.echo("กด Ctrl-C เพื่อหยุด (Ctrl-C stops it)")
        if not is_loopback(host):
            click.echo(
                f"คำเตือน: ทุกเครื่องที่เข้าถึง {host} ได้จะเห็นข้อมูลนี้ (warning: anyone who can reach {host} sees this store)",
                err=True,
            )
        # Ctrl-C stops it, as it says, even when its parent ignores SIGINT (a script's background job passes that on
        # to this process and to Datasette); `oit check` handles it the same way (through Scrapy).
        signal.signal(signal.SIGINT, signal.default_int_handler)
        child = subprocess.Popen(command)  # noqa: S603 - our own interpreter and arguments
        try:
            return child.wait()
        except KeyboardInterrupt:
            stop(child)
            click.echo("หยุดแล้ว (stopped)", err=True)
            return 0


def stop(child: subprocess.Popen, timeout: float = 10) -> None:
    """Stop Datasette as Ctrl-C would (it may have had the signal already), then harder if it lingers."""
    if child.poll() is None:
        child.send_signal(signal.SIGINT)
    try:
        child.wait(timeout)
    except subprocess.TimeoutExpired:
        child.kill()
        child.wait()


@click.command("browse")
@click.option("--db", type=STORE_TO_READ, required=True, help="The store (SQLite file) to browse.")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to serve on.")
@click.option("--port", type=click.IntRange(1, 65535), default=8001, show_default=True, help="Port to serve on.")
@click.option("--open/--no-open", "open_browser", default=True, help="Open a web browser on the page.")
@click.option("--live", is_flag=True, help="See rows a running batch adds (read-only connections, not immutable).")
def browse_command(db: Path, host: str, port: int, open_browser: bool, live: bool) -> None:
    """เปิดดูผลตรวจในเว็บเบราว์เซอร์ด้วย Datasette แบบอ่านอย่างเดียว (browse the store in Datasette, read-only)."""
    sys.exit(serve(db, host, port, open_browser=open_browser, live=live))
