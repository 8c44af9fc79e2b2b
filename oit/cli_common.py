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
