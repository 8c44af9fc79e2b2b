"""What the ``oit`` sub-command modules share."""

from __future__ import annotations

import re
import sys
import unicodedata

import click


def fail(message: str, code: int = 2) -> None:
    """Print ``oit: message`` on stderr and exit with ``code`` (2: the user's input is wrong)."""
    click.echo(f"oit: {message}", err=True)
    sys.exit(code)


_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def plain(text: str) -> str:
    """Text from a crawled site made safe for a terminal: control characters (escape sequences), bidi and
    other format characters (U+202E …) and line/paragraph separators removed."""
    text = _CONTROLS.sub("", text)
    return "".join(ch for ch in text if unicodedata.category(ch) not in ("Cf", "Zl", "Zp"))


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
