"""``oit schedule add|list|remove`` with a fake crontab and a fake systemctl (neither cron nor systemd runs here)."""

from __future__ import annotations

import shlex
import stat
from pathlib import Path

import pytest

from oit.schedule import ScheduleError, cron_expression, on_calendar
from tests.helpers import run_oit_here

FAKE_CRONTAB = """#!/bin/sh
# crontab -l / crontab - on a file, as the real one does on the user's table
case "$1" in
  -l) if [ -f "$FAKE_TABLE" ]; then cat "$FAKE_TABLE"; else echo "no crontab for tester" >&2; exit 1; fi ;;
  -) cat > "$FAKE_TABLE" ;;
  *) exit 2 ;;
esac
"""
FAKE_SYSTEMCTL = """#!/bin/sh
echo "$@" >> "$FAKE_LOG"
"""


def script(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    path.chmod(path.stat().st_mode | stat.S_IXUSR)
    return path


@pytest.fixture
def table(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The fake crontab's file (it starts with a line of the user's own, which must survive)."""
    monkeypatch.setenv("OIT_CRONTAB", str(script(tmp_path / "crontab", FAKE_CRONTAB)))
    monkeypatch.setenv("FAKE_TABLE", str(tmp_path / "table"))
    (tmp_path / "table").write_text("30 4 * * * /usr/bin/backup # mine\n", encoding="utf-8")
    return tmp_path / "table"


@pytest.fixture
def units(tmp_path: Path) -> Path:
    folder = tmp_path / "my units; rm -rf ~"
    folder.mkdir()
    path = folder / "หน่วยงาน $(id).csv"
    path.write_text("code,name,url\n1,อบต.ก,https://a.go.th\n", encoding="utf-8")
    return path


def test_add_list_remove_round_trip(table: Path, units: Path, tmp_path: Path) -> None:
    result = run_oit_here("schedule", "add", str(units), "--every", "week", "--id", "weekly1", "--db",
                          str(tmp_path / "b.db"), "--smtp", "mail.go.th:587", "--webhook", "https://hook.go.th/x",
                          "--unit-dir", str(tmp_path / "none"))  # fmt: skip
    assert result.returncode == 0, result.stderr
    lines = table.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "30 4 * * * /usr/bin/backup # mine"
    assert lines[1].startswith("0 2 * * 1 ") and lines[1].endswith(" # oit-schedule:weekly1")

    listed = run_oit_here("schedule", "list", "--unit-dir", str(tmp_path / "none"))
    assert listed.returncode == 0 and "weekly1" in listed.stdout and "0 2 * * 1" in listed.stdout
    assert "backup" not in listed.stdout

    assert run_oit_here("schedule", "remove", "weekly1", "--unit-dir", str(tmp_path / "none")).returncode == 0
    assert table.read_text(encoding="utf-8").splitlines() == ["30 4 * * * /usr/bin/backup # mine"]
    again = run_oit_here("schedule", "remove", "weekly1", "--unit-dir", str(tmp_path / "none"))
    assert again.returncode == 1 and "weekly1" in again.stderr


def test_the_line_is_an_oit_batch_with_absolute_paths_safely_quoted(table: Path, units: Path) -> None:
    result = run_oit_here("schedule", "add", str(units), "--every", "day", "--concurrency", "4", "--print",
                          "--db", "rel/x.db", "--mail-from", "oit@go.th")  # fmt: skip
    assert result.returncode == 0, result.stderr
    line = result.stdout.strip()
    assert table.read_text(encoding="utf-8").count("\n") == 1  # --print installed nothing
    fields = line.split(" ", 5)
    assert fields[:5] == ["0", "2", "*", "*", "*"]
    argv = shlex.split(fields[5], comments=True)  # the shell sees this; the id tag is a comment
    batch = argv.index("batch")
    assert Path(argv[0]).is_absolute() and (argv[0].endswith("oit") or argv[1:3] == ["-m", "oit.cli"])
    assert argv[batch + 1] == str(units)  # one argument, ';' and '$(…)' inside the quotes
    options = {arg: argv[i + 1] for i, arg in enumerate(argv[:-1]) if arg.startswith("--") and arg != "--alerts"}
    assert Path(options["--db"]).is_absolute() and options["--db"].endswith("rel/x.db")
    assert Path(options["--out"]).is_absolute()
    assert options["--concurrency"] == "4" and options["--mail-from"] == "oit@go.th"
    assert "--alerts" in argv and "PASSWORD" not in line.upper()


@pytest.mark.parametrize("every", ["0 2 * *", "61 2 * * *", "0 24 * * *", "0 2 0 * *", "0 2 * 13 *", "0 2 * * 8",
                                   "5-1 * * * *", "*/0 * * * *", "x 2 * * *", "monthly"])  # fmt: skip
def test_bad_cron_is_refused_with_one_line(table: Path, units: Path, every: str) -> None:
    result = run_oit_here("schedule", "add", str(units), "--every", every)
    assert result.returncode == 2
    assert result.stderr.startswith("oit: ") and result.stderr.count("\n") == 1, result.stderr
    assert table.read_text(encoding="utf-8").count("\n") == 1


def test_cron_to_on_calendar() -> None:
    assert on_calendar(cron_expression("week")) == "Mon *-*-* 02:00:00"
    assert on_calendar(cron_expression("day")) == "*-*-* 02:00:00"
    assert on_calendar(cron_expression("*/15 1-5 * * mon-fri")) == "Mon..Fri *-*-* 01..05:00/15:00"
    assert on_calendar(cron_expression("0 3 1,15 * *")) == "*-*-01,15 03:00:00"
    with pytest.raises(ScheduleError, match="OR"):
        on_calendar(cron_expression("0 3 1 * 1"))
    with pytest.raises(ScheduleError, match="OnCalendar"):
        on_calendar(cron_expression("0 1-9/2 * * *"))


def test_systemd_units_written_and_enabled(tmp_path: Path, units: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OIT_SYSTEMCTL", str(script(tmp_path / "systemctl", FAKE_SYSTEMCTL)))
    monkeypatch.setenv("FAKE_LOG", str(tmp_path / "log"))
    monkeypatch.setenv("OIT_CRONTAB", str(tmp_path / "no-crontab"))
    unit_dir = tmp_path / "units"
    pw = tmp_path / "pw"
    pw.write_text("secret", encoding="utf-8")
    result = run_oit_here("schedule", "add", str(units), "--every", "week", "--systemd", "--unit-dir", str(unit_dir),
                          "--id", "w1", "--password-file", str(pw))  # fmt: skip
    assert result.returncode == 0, result.stderr
    service = (unit_dir / "oit-schedule-w1.service").read_text(encoding="utf-8")
    timer = (unit_dir / "oit-schedule-w1.timer").read_text(encoding="utf-8")
    assert "OnCalendar=Mon *-*-* 02:00:00" in timer and "WantedBy=timers.target" in timer
    exec_line = next(ln for ln in service.splitlines() if ln.startswith("ExecStart="))
    argv = shlex.split(exec_line.removeprefix("ExecStart=").replace("$$", "$"))
    assert argv[argv.index("batch") + 1] == str(units)
    assert "EnvironmentFile=-" in service and f'Environment="OIT_SMTP_PASSWORD_FILE={pw}"' in service
    assert "secret" not in service
    log = (tmp_path / "log").read_text(encoding="utf-8")
    assert "daemon-reload" in log and "enable --now oit-schedule-w1.timer" in log

    listed = run_oit_here("schedule", "list", "--unit-dir", str(unit_dir))
    assert "w1" in listed.stdout and "systemd" in listed.stdout
    assert run_oit_here("schedule", "remove", "w1", "--unit-dir", str(unit_dir)).returncode == 0
    assert not list(unit_dir.iterdir())
    assert "disable --now oit-schedule-w1.timer" in (tmp_path / "log").read_text(encoding="utf-8")


def test_missing_systemctl_keeps_the_files_and_says_how(tmp_path: Path, units: Path, monkeypatch) -> None:  # noqa: ANN001
    monkeypatch.setenv("OIT_SYSTEMCTL", str(tmp_path / "no-such-systemctl"))
    unit_dir = tmp_path / "units"
    result = run_oit_here("schedule", "add", str(units), "--every", "day", "--systemd", "--unit-dir", str(unit_dir),
                          "--id", "d1")  # fmt: skip
    assert result.returncode == 1
    assert "enable --now oit-schedule-d1.timer" in result.stderr and result.stderr.count("\n") == 1
    assert (unit_dir / "oit-schedule-d1.timer").is_file()


def test_the_scheduled_command_is_one_the_batch_accepts(tmp_path):
    from oit.batch_cli import batch
    from oit.schedule import batch_command

    units = tmp_path / "units.csv"
    units.write_text("code,name,url\n", encoding="utf-8")
    argv = batch_command(
        units, tmp_path / "oit.db", tmp_path / "out", 3, "127.0.0.1:2525", "oit@x.go.th", "https://h.example/"
    )
    args = argv[argv.index("batch") + 1 :]
    ctx = batch.make_context("batch", args)
    assert ctx.params["units_file"] == units and ctx.params["concurrency"] == 3 and ctx.params["alerts"]
    assert ctx.params["smtp"] == "127.0.0.1:2525" and ctx.params["webhook"] == "https://h.example/"
