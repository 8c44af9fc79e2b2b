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
    elif name == "alert":
        ok = "ส่งแล้ว (sent)" if data["ok"] else f"ส่งไม่สำเร็จ (failed: {plain(data['error'])})"
        click.echo(f"    แจ้งเตือน {data['type']} {data['channel']} {plain(data['target'])}: {ok}", err=True)


@click.command()
@click.argument("units_file", type=UNITS_FILE)
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
def batch(units_file, out_dir, db_path, concurrency, max_pages, time_limit, alerts, smtp, mail_from, webhook,
          restart, no_render, no_ocr, ignore_robots):  # fmt: skip
    """ตรวจทุกหน่วยงานในทะเบียน — check every unit of a CSV/XLSX register (resumable) and write a roll-up."""
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
    options = BatchOptions(concurrency=concurrency, crawl=crawl, alerts=settings, restart=restart)
    try:
        result = run_batch(units_file, db_path, out_dir, options, on_event=say)
    except UnitsFileError as exc:
        fail(str(exc))
    checked = [r for r in result.rows if not r.problem and r.report]
    problems = [r for r in result.rows if r.problem or not r.report]
    click.echo(f"ตรวจแล้ว {len(checked)} หน่วยงาน · ปัญหาการเก็บข้อมูล {len(problems)} "
               f"({len(checked)} checked, {len(problems)} crawl problems)")  # fmt: skip
    click.echo("รายงานรวม (roll-up): " + ", ".join(str(p) for p in result.paths.values()))
