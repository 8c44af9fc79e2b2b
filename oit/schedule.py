"""Scheduled batches: a crontab line or a systemd timer + service that runs ``oit batch UNITS …`` (docs/schedule.md).

Each entry carries an id: the crontab line ends in ``# oit-schedule:<id>``, the systemd units are
``oit-schedule-<id>.timer``/``.service``. The crontab program is ``$OIT_CRONTAB`` (default ``crontab``) and systemctl
``$OIT_SYSTEMCTL`` (default ``systemctl``), so tests (and unusual systems) can substitute them.
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

TAG = "# oit-schedule:"
ID_RE = re.compile(r"^[a-z0-9][a-z0-9-]{0,39}$")
EVERY = {"week": "0 2 * * 1", "weekly": "0 2 * * 1", "day": "0 2 * * *", "daily": "0 2 * * *"}
#: name, lowest, highest value of the five cron fields.
FIELDS = (("minute", 0, 59), ("hour", 0, 23), ("day of month", 1, 31), ("month", 1, 12), ("day of week", 0, 7))
MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
DAYS = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"]
SYSTEMD_DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
SYSTEM_UNIT_DIR = Path("/etc/systemd/system")


class ScheduleError(ValueError):
    """A schedule that cannot be made or installed; the message is for the user."""


@dataclass
class Entry:
    """One installed schedule."""

    id: str
    when: str  # cron expression or OnCalendar=
    command: str
    kind: str  # "cron" or "systemd"


# --- when ---------------------------------------------------------------------------------------------------------


def _value(text: str, index: int) -> int:
    name, low, high = FIELDS[index]
    names = MONTHS if index == 3 else DAYS if index == 4 else []
    if text.lower() in names:
        return names.index(text.lower()) + (1 if index == 3 else 0)
    if not text.isdigit():
        raise ScheduleError(f"cron field {name}: {text!r} is not a number")
    value = int(text)
    if not low <= value <= high:
        raise ScheduleError(f"cron field {name}: {value} is outside {low}–{high}")
    return value


def _check_field(text: str, index: int) -> None:
    name = FIELDS[index][0]
    for part in text.split(","):
        span, slash, step = part.partition("/")
        if slash and (not step.isdigit() or int(step) == 0):
            raise ScheduleError(f"cron field {name}: step {step!r} must be a positive number")
        if span == "*":
            continue
        first, dash, last = span.partition("-")
        if dash:
            if _value(first, index) > _value(last, index):
                raise ScheduleError(f"cron field {name}: range {span} goes backwards")
        elif slash:
            raise ScheduleError(f"cron field {name}: a step needs * or a range ({part!r})")
        else:
            _value(first, index)


def cron_expression(every: str) -> str:
    """``week``/``day`` or a 5-field cron expression, checked → the cron expression."""
    text = " ".join(every.split())
    if text.lower() in EVERY:
        return EVERY[text.lower()]
    parts = text.split(" ")
    if len(parts) != 5:
        raise ScheduleError(f"--every {every!r}: give week, day or 5 cron fields (minute hour day month weekday)")
    for index, part in enumerate(parts):
        _check_field(part, index)
    return text


def _calendar_field(text: str, index: int, width: int = 2) -> str:
    if text == "*":
        return "*"
    out = []
    for part in text.split(","):
        span, slash, step = part.partition("/")
        if span == "*":
            out.append(f"{FIELDS[index][1]:0{width}d}/{step}")
            continue
        first, dash, last = span.partition("-")
        if dash and slash:
            raise ScheduleError(f"cron field {FIELDS[index][0]}: {part!r} (a range with a step) has no OnCalendar form")
        a = f"{_value(first, index):0{width}d}"
        out.append(f"{a}..{_value(last, index):0{width}d}" if dash else a)
    return ",".join(out)


def on_calendar(cron: str) -> str:
    """The systemd ``OnCalendar=`` of a checked cron expression (ScheduleError if it has none)."""
    minute, hour, dom, month, dow = cron.split(" ")
    if dom != "*" and dow != "*":
        raise ScheduleError("cron runs when the day of month OR the weekday matches, OnCalendar when both do: "
                            "give only one of them for --systemd")  # fmt: skip
    days = ""
    if dow != "*":
        names = []
        for part in dow.split(","):
            first, dash, last = part.partition("-")
            if "/" in part or part == "*":
                raise ScheduleError(f"weekday {part!r} has no OnCalendar form; list the days (e.g. 1,3,5)")
            a, b = SYSTEMD_DAYS[_value(first, 4)], SYSTEMD_DAYS[_value(last, 4)] if dash else ""
            names.append(f"{a}..{b}" if dash else a)
        days = ",".join(names) + " "
    date = f"*-{_calendar_field(month, 3)}-{_calendar_field(dom, 2)}"
    return f"{days}{date} {_calendar_field(hour, 1)}:{_calendar_field(minute, 0)}:00"


# --- what ---------------------------------------------------------------------------------------------------------


def oit_program() -> list[str]:
    """How to run this ``oit``: the ``oit`` script beside the running Python, else ``python -m oit.cli``."""
    script = Path(sys.executable).with_name("oit")
    if script.is_file() and os.access(script, os.X_OK):
        return [str(script)]
    return [str(Path(sys.executable).absolute()), "-m", "oit.cli"]


def batch_command(units: Path, db: Path, out: Path, concurrency: int | None = None, smtp: str | None = None,
                  mail_from: str | None = None, webhook: str | None = None) -> list[str]:  # fmt: skip
    """The argv of the scheduled ``oit batch`` (absolute paths; never a password: it comes from the environment)."""
    argv = [*oit_program(), "batch", str(units.absolute()), "--db", str(db.absolute()), "--out", str(out.absolute())]
    if concurrency:
        argv += ["--concurrency", str(concurrency)]
    argv.append("--alerts")
    for option, value in (("--smtp", smtp), ("--mail-from", mail_from), ("--webhook", webhook)):
        if value:
            argv += [option, value]
    for arg in argv:
        if re.search(r"[\x00-\x1f\x7f]", arg):
            raise ScheduleError(f"{arg!r}: a path or option with a line break or control character cannot be scheduled")
    return argv


def cron_line(cron: str, argv: list[str], entry_id: str, env: dict[str, str] | None = None) -> str:
    """A crontab line: ``%`` escaped (cron would make it a newline), the id tag as a trailing shell comment."""
    prefix = " ".join(f"{k}={shlex.quote(v)}" for k, v in (env or {}).items())
    command = (prefix + " " if prefix else "") + shlex.join(argv)
    return f"{cron} {command.replace('%', chr(92) + '%')} {TAG}{entry_id}"


# --- crontab ------------------------------------------------------------------------------------------------------


def _run(argv: list[str], what: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    try:
        return subprocess.run(argv, input=stdin, capture_output=True, text=True, timeout=60)
    except FileNotFoundError:
        raise ScheduleError(f"ไม่พบคำสั่ง {argv[0]} (command not found; {what})") from None


def crontab_program() -> list[str]:
    return shlex.split(os.environ.get("OIT_CRONTAB", "crontab"))


def read_crontab() -> list[str]:
    """The user's crontab lines ([] if they have none)."""
    result = _run([*crontab_program(), "-l"], "set OIT_CRONTAB or use --systemd")
    if result.returncode != 0:
        if "no crontab" in result.stderr.lower():
            return []
        raise ScheduleError(f"crontab -l: {result.stderr.strip() or result.returncode}")
    return result.stdout.splitlines()


def write_crontab(lines: list[str]) -> None:
    result = _run([*crontab_program(), "-"], "set OIT_CRONTAB or use --systemd", "\n".join(lines) + "\n")
    if result.returncode != 0:
        raise ScheduleError(f"crontab -: {result.stderr.strip() or result.returncode}")


def cron_entries(lines: list[str]) -> list[Entry]:
    found = []
    for line in lines:
        head, tag, entry_id = line.rpartition(" " + TAG)
        if tag and not line.lstrip().startswith("#"):
            parts = head.split(" ", 5)
            found.append(Entry(entry_id.strip(), " ".join(parts[:5]), parts[5] if len(parts) > 5 else "", "cron"))
    return found


def install_cron(line: str) -> None:
    write_crontab([*read_crontab(), line])


def remove_cron(entry_id: str) -> bool:
    lines = read_crontab()
    keep = [ln for ln in lines if not ln.rstrip().endswith(" " + TAG + entry_id)]
    if len(keep) == len(lines):
        return False
    write_crontab(keep)
    return True


# --- systemd ------------------------------------------------------------------------------------------------------


def user_mode() -> bool:
    return os.geteuid() != 0


def default_unit_dir() -> Path:
    return Path.home() / ".config/systemd/user" if user_mode() else SYSTEM_UNIT_DIR


def systemctl_program() -> list[str]:
    return [*shlex.split(os.environ.get("OIT_SYSTEMCTL", "systemctl")), *(["--user"] if user_mode() else [])]


def exec_start(argv: list[str]) -> str:
    """``argv`` quoted for systemd's ``ExecStart=`` (double quotes; ``%`` and ``$`` doubled: no specifiers)."""

    def quote(arg: str) -> str:
        arg = arg.replace("\\", "\\\\").replace('"', '\\"').replace("%", "%%").replace("$", "$$")
        return f'"{arg}"'

    return " ".join(quote(a) for a in argv)


def env_file() -> str:
    """The optional EnvironmentFile of the service (OIT_SMTP_PASSWORD … live there, mode 600)."""
    return "~/.config/oit/alerts.env" if user_mode() else "/etc/oit/alerts.env"


def systemd_units(entry_id: str, calendar: str, argv: list[str], units_file: Path,
                  env: dict[str, str] | None = None) -> dict[str, str]:  # fmt: skip
    """File name → text of the timer and service (``env``: ``Environment=`` settings, never a password)."""
    name = f"oit-schedule-{entry_id}"
    settings = "".join(f"Environment={exec_start([f'{k}={v}'])}\n" for k, v in (env or {}).items())
    service = (
        f"[Unit]\nDescription=OIT self-check of the units in {str(units_file).replace('%', '%%')} ({name})\n\n"
        f"[Service]\nType=oneshot\nEnvironmentFile=-{env_file().replace('~', '%h')}\n{settings}"
        f"ExecStart={exec_start(argv)}\n"
    )
    timer = (
        f"[Unit]\nDescription=Run {name}.service ({calendar})\n\n"
        f"[Timer]\nOnCalendar={calendar}\nPersistent=true\nUnit={name}.service\n\n"
        "[Install]\nWantedBy=timers.target\n"
    )
    return {f"{name}.service": service, f"{name}.timer": timer}


def enable_hint(unit_dir: Path, entry_id: str) -> str:
    ctl = shlex.join(["systemctl", *(["--user"] if user_mode() else [])])
    return f"{ctl} daemon-reload && {ctl} enable --now oit-schedule-{entry_id}.timer (files in {unit_dir})"


def install_systemd(unit_dir: Path, files: dict[str, str], entry_id: str) -> None:
    """Write the unit files, reload systemd and enable the timer; a missing systemctl leaves the files and says how."""
    unit_dir.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (unit_dir / name).write_text(text, encoding="utf-8")
    for args in (["daemon-reload"], ["enable", "--now", f"oit-schedule-{entry_id}.timer"]):
        try:
            result = subprocess.run([*systemctl_program(), *args], capture_output=True, text=True, timeout=60)
        except FileNotFoundError:
            raise ScheduleError(f"ไม่พบ systemctl (not found): the files are written; enable with: "
                                f"{enable_hint(unit_dir, entry_id)}") from None  # fmt: skip
        if result.returncode != 0:
            raise ScheduleError(f"systemctl {' '.join(args)}: {result.stderr.strip() or result.returncode}; "
                                f"the files are written, enable with: {enable_hint(unit_dir, entry_id)}")  # fmt: skip


def systemd_entries(unit_dir: Path) -> list[Entry]:
    found = []
    for timer in sorted(unit_dir.glob("oit-schedule-*.timer")):
        entry_id = timer.name.removeprefix("oit-schedule-").removesuffix(".timer")
        when = _setting(timer, "OnCalendar")
        command = _setting(timer.with_suffix(".service"), "ExecStart")
        found.append(Entry(entry_id, when, command, "systemd"))
    return found


def _setting(path: Path, key: str) -> str:
    if not path.is_file():
        return ""
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith(key + "="):
            return line.partition("=")[2]
    return ""


def remove_systemd(unit_dir: Path, entry_id: str) -> bool:
    timer = unit_dir / f"oit-schedule-{entry_id}.timer"
    if not timer.is_file():
        return False
    try:
        subprocess.run([*systemctl_program(), "disable", "--now", timer.name], capture_output=True, timeout=60)
    except FileNotFoundError:
        pass  # nothing can be running without systemd
    timer.unlink()
    timer.with_suffix(".service").unlink(missing_ok=True)
    try:
        subprocess.run([*systemctl_program(), "daemon-reload"], capture_output=True, timeout=60)
    except FileNotFoundError:
        pass
    return True
