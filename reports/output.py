"""Render a ``Report`` to HTML, JSON, Markdown or CSV, and write report files."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from oitbase.model import Report

from .answer_sheet import write_answer_sheet
from .csvout import render_csv
from .formats import FORMATS
from .html import render_html
from .jsonout import report_to_json
from .markdown import render_markdown
from .safety import encodable

_RENDERERS: dict[str, Callable[[Report], str]] = {
    "html": render_html,
    "json": report_to_json,
    "md": render_markdown,
    "csv": render_csv,
}


def render(report: Report, fmt: str) -> str:
    """The report as text in ``fmt`` (one of ``FORMATS``), encodable as UTF-8. CSV text starts with a BOM."""
    try:
        renderer = _RENDERERS[fmt]
    except KeyError:
        raise ValueError(f"unknown report format {fmt!r}; choose from {', '.join(FORMATS)}") from None
    return encodable(renderer(report))


#: The file name (without suffix) of a unit's reports.
REPORT_BASENAME = "oit-report"


def write_reports(
    report: Report,
    out_dir: Path,
    formats: Iterable[str] = FORMATS,
    basename: str = REPORT_BASENAME,
    answer_sheet: bool = True,
) -> dict[str, Path]:
    """Write ``<out_dir>/<basename>.<fmt>`` for each format (UTF-8) and, unless ``answer_sheet`` is False, the
    ITAS answer sheet ``itas-answer-sheet.csv``/``.xlsx`` beside them; returns format (or
    ``answer-sheet-csv``/``answer-sheet-xlsx``) -> path."""
    out_dir = Path(out_dir)
    texts = {fmt: render(report, fmt) for fmt in formats}  # render all first: no half-written set
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = {}
    for fmt, text in texts.items():
        path = out_dir / f"{basename}.{fmt}"
        path.write_text(text, encoding="utf-8", newline="")
        paths[fmt] = path
    if answer_sheet:
        paths.update(write_answer_sheet(report, out_dir))
    return paths
