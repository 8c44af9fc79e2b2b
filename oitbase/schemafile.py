"""A JSON Schema file generated from pydantic models and kept in the repository: write it, or check it is current."""

from __future__ import annotations

import sys
from pathlib import Path


def write_or_check(path: Path, text: str, regenerate: str, argv: list[str] | None = None) -> int:
    """``python -m MODULE`` writes ``text`` to ``path``; with ``--check`` it only says whether the file is current
    (exit 1 naming ``regenerate`` when not)."""
    argv = sys.argv[1:] if argv is None else argv
    if "--check" in argv:
        if path.read_text(encoding="utf-8") != text:
            print(f"{path} is out of date: run {regenerate}", file=sys.stderr)
            return 1
        return 0
    path.write_text(text, encoding="utf-8")
    print(f"wrote {path}")
    return 0
