"""``oit extract FILE``: print what the checker reads from one document.

The text printed is :func:`oitbase.thai.clean` of the extraction (what the store keeps and the
checker matches after :func:`oitbase.thai.fold`); ``--json`` adds, per page, the method used
(text-layer, ocr, text-layer+ocr, html-ocr, image-ocr …), the OCR confidence and why a text
layer was rejected.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import click

from oitbase.extract import DEFAULT_MAX_PAGES, Extracted, extract
from oitbase.thai import clean, fold
from oitbase.thai_repair import needed, repair


def parse_pages(spec: str | None) -> list[int] | None:
    """"1,3-5" -> [1, 3, 4, 5]; None/"" -> None (all pages)."""
    if not spec:
        return None
    pages: set[int] = set()
    for part in spec.split(","):
        part = part.strip()
        if not part:
            continue
        lo, _, hi = part.partition("-")
        try:
            first, last = int(lo), int(hi or lo)
        except ValueError as exc:
            raise click.BadParameter(f"not a page range: {part!r}", param_hint="--pages") from exc
        if first < 1 or last < first:
            raise click.BadParameter(f"not a page range: {part!r}", param_hint="--pages")
        pages.update(range(first, last + 1))
    return sorted(pages)


def to_json(path: str, ext: Extracted, seconds: float) -> dict:
    text = clean(ext.text)
    sara_am = needed(text)
    return {
        "file": path,
        "kind": ext.kind,
        "title": repair(clean(ext.title), sara_am),
        "error": ext.error,
        "seconds": round(seconds, 2),
        "features": ext.features,
        "methods": sorted({p.method for p in ext.pages}),
        "pages": [
            {"number": p.number, "method": p.method, "confidence": p.confidence, "quality": p.quality,
             "second_pass": p.second_pass, "chars": p.chars, "text": repair(clean(p.text), sara_am)}
            for p in ext.pages
        ],
        "text": repair(text, sara_am),
    }


@click.command("extract")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="JSON: per page the method, OCR confidence and text.")
@click.option("--ocr/--no-ocr", default=True, show_default=True,
              help="OCR pages without a usable text layer, pictures, PUA/image-only HTML.")
@click.option("--pages", "pages_spec", metavar="LIST", help="PDF pages to read, e.g. 1,2 or 3-5 (default: all).")
@click.option("--max-pages", type=click.IntRange(1), default=DEFAULT_MAX_PAGES, show_default=True)
@click.option("--timeout", "deadline_s", type=click.FloatRange(min=1), default=None,
              help="Seconds allowed for the whole document (default: no limit).")
@click.option("--max-mb", type=click.FloatRange(min=0.001), default=200.0, show_default=True,
              help="Larger files are not opened.")
@click.option("--workers", type=click.IntRange(1, 16), default=2, show_default=True,
              help="Tesseract processes at once.")
@click.option("--lang", default="tha+eng", show_default=True, help="Tesseract languages.")
@click.option("--folded", is_flag=True, help="Print the matching key (oitbase.thai.fold) instead of the text.")
@click.option("--content-type", default="", help="Content type hint (default: sniffed, then the file name).")
def extract_command(file: Path, as_json: bool, ocr: bool, pages_spec: str | None, max_pages: int,
                    deadline_s: float | None, max_mb: float, workers: int, lang: str, folded: bool,
                    content_type: str) -> None:
    """Print the normalised text of FILE (PDF, scan, picture, DOCX, XLSX, ODT, DOC, XLS, HTML)."""
    pages = parse_pages(pages_spec)
    show_progress = sys.stderr.isatty()

    def progress(done: int, total: int) -> None:
        if show_progress:
            click.echo(f"\rOCR {done}/{total} หน้า (pages)", err=True, nl=done == total)

    start = time.monotonic()
    ext = extract(file.read_bytes(), content_type, file.name, max_pages=max_pages, pages=pages, ocr=ocr,
                  ocr_workers=workers, ocr_lang=lang, deadline_s=deadline_s,
                  max_bytes=int(max_mb * 1024 * 1024), on_page=progress)
    seconds = time.monotonic() - start
    if as_json:
        click.echo(json.dumps(to_json(str(file), ext, seconds), ensure_ascii=False, indent=2))
    else:
        text = repair(clean(ext.text))
        click.echo(fold(text) if folded else text)
        if ext.error:
            click.echo(f"oit: {file}: {ext.error}", err=True)
    sys.exit(1 if ext.error and not ext.text.strip() else 0)
