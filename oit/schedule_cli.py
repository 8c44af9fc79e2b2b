"""``oit schedule add|list|remove``: run ``oit batch`` on a schedule (crontab or a systemd timer); docs/schedule.md."""

from __future__ import annotations

import secrets
import shlex
from pathlib import Path

import click

from oit import schedule as sched
from oit.cli_common import DIR_TO_WRITE, FILE_TO_WRITE, fail

UNIT_DIR = click.Path(file_okay=False, path_type=Path)


@click.group()
def schedule():
    """ตั้งเวลาตรวจหลายหน่วยงาน — run `oit batch` on a schedule (crontab or systemd timer)."""


@schedule.command("add")
@click.argument("units_file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--every", required=True, help='week, day, or a cron expression in quotes ("0 3 * * 1-5")')
@click.option("--db", "db_path", type=FILE_TO_WRITE, default=Path("oit-report/oit.db"), show_default=True,
              help="SQLite store of the batch (made absolute here)")  # fmt: skip
@click.option("--out", "out_dir", type=DIR_TO_WRITE, default=Path("oit-report/batch"), show_default=True,
              help="report directory of the batch (made absolute here)")  # fmt: skip
@click.option("--concurrency", type=click.IntRange(min=1), help="units checked at once (default: the batch's)")
@click.option("--smtp", help="SMTP server HOST:PORT for alert e-mails (password: OIT_SMTP_PASSWORD, never here)")
@click.option("--mail-from", help="From address of alert e-mails")
@click.option("--webhook", help="URL every unit's alerts are POSTed to (beside the unit's own)")
@click.option("--password-file", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="file holding the SMTP password (mode 600), passed as OIT_SMTP_PASSWORD_FILE")  # fmt: skip
@click.option("--id", "entry_id", help="id of the entry (default: a random one)")
@click.option("--systemd", is_flag=True, help="install a systemd timer + service instead of a crontab line")
@click.option("--unit-dir", type=UNIT_DIR, help="where --systemd writes its units (default: /etc/systemd/system as "
              "root, else ~/.config/systemd/user)")  # fmt: skip
@click.option("--print", "print_only", is_flag=True, help="only print what would be installed")
def schedule_add(units_file, every, db_path, out_dir, concurrency, smtp, mail_from, webhook, password_file, entry_id,
                 systemd, unit_dir, print_only):  # fmt: skip
    """ตั้งเวลา — schedule `oit batch UNITS_FILE` (with alerts) every week, day or at a cron expression."""
    entry_id = entry_id or secrets.token_hex(4)
    if not sched.ID_RE.match(entry_id):
        fail(f"--id {entry_id!r}: use lower-case letters, digits and '-' (at most 40)")
    if webhook and not webhook.lower().startswith(("http://", "https://")):
        fail(f"--webhook {webhook!r}: must be an http:// or https:// URL")
    try:
        cron = sched.cron_expression(every)
        argv = sched.batch_command(units_file, db_path, out_dir, concurrency, smtp, mail_from, webhook)
        if systemd:
            calendar = sched.on_calendar(cron)
    except sched.ScheduleError as exc:
        fail(str(exc))
    env = {"OIT_SMTP_PASSWORD_FILE": str(password_file.absolute())} if password_file else None
    if systemd:
        files = sched.systemd_units(entry_id, calendar, argv, units_file.absolute(), env)
        target = unit_dir or sched.default_unit_dir()
        if print_only:
            for name, text in files.items():
                click.echo(f"# {target / name}\n{text}")
            return
        try:
            sched.install_systemd(target, files, entry_id)
        except sched.ScheduleError as exc:
            fail(str(exc), 1)
        click.echo(f"ติดตั้งแล้ว (installed) {entry_id}: oit-schedule-{entry_id}.timer, OnCalendar={calendar}")
        return
    line = sched.cron_line(cron, argv, entry_id, env)
    if print_only:
        click.echo(line)
        return
    try:
        sched.install_cron(line)
    except sched.ScheduleError as exc:
        fail(str(exc), 1)
    click.echo(f"ติดตั้งแล้ว (installed) {entry_id}: crontab `{cron}`")


@schedule.command("list")
@click.option("--unit-dir", type=UNIT_DIR, help="also list the systemd timers here (default: the --systemd default)")
def schedule_list(unit_dir):
    """รายการที่ตั้งเวลาไว้ — the installed oit schedules: id, when, command."""
    entries: list[sched.Entry] = []
    try:
        entries += sched.cron_entries(sched.read_crontab())
    except sched.ScheduleError as exc:
        click.echo(f"oit: crontab: {exc}", err=True)
    entries += sched.systemd_entries(unit_dir or sched.default_unit_dir())
    if not entries:
        click.echo("ไม่มีรายการที่ตั้งเวลาไว้ (no schedules)")
    for entry in entries:
        click.echo(f"{entry.id:<10} {entry.kind:<7} {entry.when:<24} {entry.command}")


@schedule.command("remove")
@click.argument("entry_id")
@click.option("--unit-dir", type=UNIT_DIR, help="where the systemd timers are (default: the --systemd default)")
def schedule_remove(entry_id, unit_dir):
    """ลบรายการ — remove the schedule ENTRY_ID (crontab line or systemd timer)."""
    if not sched.ID_RE.match(entry_id):
        fail(f"{shlex.quote(entry_id)} is not a schedule id (see `oit schedule list`)")
    removed = False
    try:
        removed = sched.remove_cron(entry_id)
    except sched.ScheduleError as exc:
        click.echo(f"oit: crontab: {exc}", err=True)
    removed = sched.remove_systemd(unit_dir or sched.default_unit_dir(), entry_id) or removed
    if not removed:
        fail(f"ไม่พบรายการ {entry_id} (no such schedule; see `oit schedule list`)", 1)
    click.echo(f"ลบแล้ว (removed) {entry_id}")
