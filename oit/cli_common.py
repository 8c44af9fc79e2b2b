"""What the ``oit`` sub-command modules share."""

from __future__ import annotations

import sys

import click


def fail(message: str, code: int = 2) -> None:
    """Print ``oit: message`` on stderr and exit with ``code`` (2: the user's input is wrong)."""
    click.echo(f"oit: {message}", err=True)
    sys.exit(code)
