"""``oit batch UNITS_FILE``: check every unit of a register, with progress, resumable, and a roll-up report."""

from __future__ import annotations

from pathlib import Path

import click

from oit.cli_common import DIR_TO_WRITE, FILE_TO_WRITE, fail, plain

UNITS_FILE = click.Path(exists=True, dir_okay=False, path_type=Path)


def say(name: str, data: dict) -> None:
    """A progress line per unit and per event of the batch (on stderr; crawled text made plain)."""
    if name == "batch":
        what = "ตรวจต่อ (resuming)" if data["resumed"] else "เริ่ม (starting)"
        click.echo(f"oit: {what} ชุดการตรวจที่ {data['id']}: {data['todo']} จาก {data['units']} หน่วยงาน", err=True)
    elif name == "url_changed":
        click.echo(f"oit: {plain(data['code'])} ที่อยู่เว็บไซต์เปลี่ยน (URL changed): "
                   f"{plain(data['from'])} → {plain(data['to'])}", err=True)  # fmt: skip
    elif name == "unit":
        head = f"[{data['done']}/{data['total']}] {plain(data['code'])} {plain(data['name'])}"
        if data["state"] == "crawling":
            click.echo(f"{head}: กำลังตรวจ (crawling)", err=True)
        elif data["state"] == "problem":
            click.echo(f"{head}: ปัญหาการเก็บข้อมูล (crawl problem): {plain(data['problem'])}", err=True)
        else:
            click.echo(f"{head}: คะแนน {data['score']:.2f} ({plain(data['band'])})", err=True)
    elif name == "interrupted":
        click.echo(f"oit: ชุดการตรวจที่ {data['id']} ยังไม่เสร็จ {data['left']} หน่วยงาน: สั่งคำสั่งเดิมอีกครั้งเพื่อตรวจต่อ "
                   f"(batch {data['id']} stopped with {data['left']} units left: run the same command to resume)",
                   err=True)  # fmt: skip
    elif name == "queued":
        click.echo(f"oit: ส่ง {data['units']} หน่วยงานให้ผู้ตรวจ (queued for workers) ที่ {plain(data['broker'])}: "
                   f"รอผลจาก `oit worker` (waiting for workers)", err=True)  # fmt: skip
    elif name == "alert":
        ok = "ส่งแล้ว (sent)" if data["ok"] else f"ส่งไม่สำเร็จ (failed: {plain(data['error'])})"
        click.echo(f"    แจ้งเตือน {data['type']} {data['channel']} {plain(data['target'])}: {ok}", err=True)


def broker_url(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """A Redis URL (redis://, rediss:// or redis+socket://), checked before anything is read or sent."""
    if value and not value.startswith(("redis://", "rediss://", "redis+socket://")):
        raise click.BadParameter(f"ต้องเป็นที่อยู่ Redis เช่น redis://127.0.0.1:6379/0 (a Redis URL, not {value})")
    return value


BROKER_HELP = (
    "Redis URL of the task queue (Celery broker), e.g. redis://127.0.0.1:6379/0 (or OIT_BROKER, which keeps a "
    "password out of the process list)"
)


@click.command()
@click.argument("units_file", type=UNITS_FILE, required=False)
@click.option("--out", "out_dir", type=DIR_TO_WRITE, default=Path("oit-report/batch"), show_default=True,
              help="reports: units/<code>/ and the roll-up")  # fmt: skip
@click.option("--db", "db_path", type=FILE_TO_WRITE, default=Path("oit-report/oit.db"), show_default=True)
@click.option("--concurrency", default=4, show_default=True, type=click.IntRange(1, 64),
              help="units (hosts) crawled at once; each host is crawled politely on its own")  # fmt: skip
@click.option("--max-pages", default=3000, show_default=True, type=click.IntRange(min=1), help="per unit")
@click.option("--time-limit", default=30.0, show_default=True, type=click.FloatRange(min=0.5),
              help="minutes a unit's crawl may take")  # fmt: skip
@click.option("--alerts/--no-alerts", default=True, show_default=True,
              help="alert the unit's (and --webhook's) receivers on regressions and crawl problems")  # fmt: skip
@click.option("--smtp", help="SMTP server HOST:PORT for e-mail alerts (or OIT_SMTP_HOST/OIT_SMTP_PORT)")
@click.option("--mail-from", help="sender of e-mail alerts (or OIT_MAIL_FROM)")
@click.option("--webhook", help="URL every alert is also POSTed to (JSON; or OIT_ALERT_WEBHOOK)")
@click.option("--restart", is_flag=True, help="start a new batch even if one of this file is unfinished")
@click.option("--no-render", is_flag=True, help="do not render JavaScript pages with Chromium")
@click.option("--no-ocr", is_flag=True, help="do not OCR scanned pages")
@click.option("--ignore-robots", is_flag=True, help="ไม่ทำตาม robots.txt (only for your own sites)")
@click.option("--broker", envvar="OIT_BROKER", callback=broker_url,
              help=BROKER_HELP + "; workers (`oit worker`) check the units")  # fmt: skip
@click.option("--status", "show_status", is_flag=True,
              help="with --broker: show the queue, the workers and the newest batch of --db, then exit")  # fmt: skip
@click.option("--json", "as_json", is_flag=True, help="with --status: print it as JSON")
def batch(units_file, out_dir, db_path, concurrency, max_pages, time_limit, alerts, smtp, mail_from, webhook,
          restart, no_render, no_ocr, ignore_robots, broker, show_status, as_json):  # fmt: skip
    """ตรวจทุกหน่วยงานในทะเบียน — check every unit of a CSV/XLSX register (resumable) and write a roll-up.

    With --broker the units are checked by workers on other machines (`oit worker`) and the results written here."""
    if as_json and not show_status:
        fail("--json ใช้กับ --status (--json goes with --status)")
    if show_status:
        if not broker:
            fail("--status ต้องใช้กับ --broker (--status needs --broker)")
        show_broker_status(broker, db_path, as_json)
        return
    if units_file is None:
        fail("ต้องระบุไฟล์ทะเบียนหน่วยงาน (give the units file: oit batch UNITS_FILE)")
    from oit.alerts import AlertSettings
    from oit.batch import BatchOptions, run_batch
    from oit.check import CrawlOptions
    from oit.cli import crawl_switches
    from oit.register import UnitsFileError

    try:
        settings = AlertSettings.from_env(smtp=smtp, mail_from=mail_from, webhook=webhook) if alerts else None
    except ValueError as exc:
        fail(str(exc))
    crawl = CrawlOptions(max_pages=max_pages, obey_robots=not ignore_robots, progress=False,
                         time_limit=time_limit * 60, extra=crawl_switches(no_render, no_ocr, False, ""))  # fmt: skip
    options = BatchOptions(concurrency=concurrency, crawl=crawl, alerts=settings, restart=restart, broker=broker or "")
    try:
        result = run_batch(units_file, db_path, out_dir, options, on_event=say)
    except UnitsFileError as exc:
        fail(str(exc))
    except broker_errors() as exc:
        fail(f"ติดต่อคิวงานไม่ได้ (cannot reach the broker {redacted(broker or '')}: {exc})", 1)
    checked = [r for r in result.rows if not r.problem and r.report]
    problems = [r for r in result.rows if r.problem or not r.report]
    click.echo(f"ตรวจแล้ว {len(checked)} หน่วยงาน · ปัญหาการเก็บข้อมูล {len(problems)} "
               f"({len(checked)} checked, {len(problems)} crawl problems)")  # fmt: skip
    click.echo("รายงานรวม (roll-up): " + ", ".join(str(p) for p in result.paths.values()))


def show_broker_status(broker: str, db_path: Path, as_json: bool) -> None:
    """``oit batch --status``: the queue, each worker, the newest batch."""
    import json

    from oit.broker_batch import status

    try:
        info = status(broker, db_path)
    except broker_errors() as exc:
        fail(f"ติดต่อคิวงานไม่ได้ (cannot reach the broker {redacted(broker)}: {exc})", 1)
    if as_json:
        click.echo(json.dumps(info, ensure_ascii=False, indent=2))
        return
    click.echo(f"คิว (queue) {info['queue']} ที่ {info['broker']}: รอ {info['waiting']} (waiting), "
               f"ส่งให้ผู้ตรวจแล้วยังไม่เสร็จ {info['unacknowledged']} (delivered, not acknowledged)")  # fmt: skip
    if not info["workers"]:
        click.echo("ไม่มีผู้ตรวจออนไลน์ (no worker online): start one with `oit worker --broker …`")
    for name, w in sorted(info["workers"].items()):
        online = "ออนไลน์ (online)" if w["online"] else "ออฟไลน์ (offline)"
        running = ", ".join(plain(c) for c in w["running"]) or "-"
        click.echo(f"  {plain(name)}: {online} · กำลังตรวจ (running) {len(w['running'])}: {running} · "
                   f"เสร็จ (done) {w['done']} · ไม่สำเร็จ (failed) {w['failed']}")  # fmt: skip
    if b := info["batch"]:
        units = b["units"]
        counts = ", ".join(f"{k} {v}" for k, v in sorted(units.items()))
        click.echo(f"ชุดการตรวจที่ {b['id']} ({plain(b['source'])}, {b['status']}): {sum(units.values())} หน่วยงาน — "
                   f"{counts}")  # fmt: skip


def redacted(url: str) -> str:
    from oit.broker_batch import redacted as sanitize

    return sanitize(url)


def broker_errors() -> tuple[type[Exception], ...]:
    """What a broker that cannot be reached raises (imported only when an error is being matched)."""
    from kombu.exceptions import OperationalError
    from redis.exceptions import ConnectionError as RedisConnectionError

    return OperationalError, RedisConnectionError, ConnectionError
