"""What the ``oit`` sub-command modules share."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from oitbase.thai import to_arabic_digits
from reports.safety import plain  # noqa: F401 - one definition, re-exported for the CLI


def fail(message: str, code: int = 2) -> None:
    """Print ``oit: message`` on stderr and exit with ``code`` (2: the user's input is wrong)."""
    click.echo(f"oit: {message}", err=True)
    sys.exit(code)


class OneLineErrors(click.Group):
    """A command group whose usage errors (a bad value, a missing option) are one line, as every other error:
    ``oit: <message> (oit COMMAND --help)``, exit 2, never a traceback."""

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):  # noqa: ANN001
        try:
            code = super().main(args, prog_name or "oit", complete_var, standalone_mode=False, **extra)
        except click.UsageError as exc:
            where = exc.ctx.command_path if exc.ctx is not None else "oit"
            fail(f"{exc.format_message()} ({where} --help)", exc.exit_code)
        except click.ClickException as exc:
            fail(exc.format_message(), exc.exit_code)
        except click.exceptions.Abort:
            fail("หยุดแล้ว (aborted)", 1)
        if standalone_mode:
            sys.exit(code if isinstance(code, int) else 0)
        return code


class FiscalYear(click.ParamType):
    """A fiscal year in the Buddhist era (พ.ศ.), as NACC numbers its lists; a Christian-era year is refused with
    the พ.ศ. year it stands for (a Thai fiscal year is named by the year it ends in: FY 2026 = ปีงบประมาณ 2569)."""

    name = "พ.ศ."

    def convert(self, value, param, ctx):  # noqa: ANN001 - click's signature
        if isinstance(value, int):
            year = value
        else:
            try:
                year = int(to_arabic_digits(str(value).strip()))
            except ValueError:
                self.fail(f"{value!r} is not a year (ปีงบประมาณ พ.ศ., e.g. 2569)", param, ctx)
        if 1900 <= year < 2400:
            hint = f"{year} looks like a Christian-era year: give the fiscal year in พ.ศ. ({year} → {year + 543})"
            self.fail(hint, param, ctx)
        if not 2500 <= year <= 2800:
            self.fail(f"{year} is not a fiscal year in พ.ศ. (e.g. 2569)", param, ctx)
        return year


#: ``--db`` of a command that reads the store: it must exist and be a file.
STORE_TO_READ = click.Path(exists=True, dir_okay=False, path_type=Path)
#: A file the command writes (``--db`` of ``check``, ``--json``, ``-o``): not a directory.
FILE_TO_WRITE = click.Path(dir_okay=False, path_type=Path)
#: A directory the command writes into (``--out``): not a file.
DIR_TO_WRITE = click.Path(file_okay=False, path_type=Path)
