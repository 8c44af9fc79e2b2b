"""Extraction benchmarks on the realdocs set; prints Markdown (see docs/extraction.md).

    .venv/bin/python -m benchmarks.bench_extract [--part text|ocr|recall|all] [--repeat N]

* text: text-layer PDF pages/s, ``oitbase.extract.extract`` (PyMuPDF, quality checks, no OCR) against
  ``pdftotext`` on the same files (every page of every realdocs PDF that has a text layer).
* ocr: seconds per page, this project's OCR path (render at 300 dpi + Tesseract) against the
  ``tesseract`` CLI alone on the same pre-rendered page images (PNG files); one page at a time, then every page of
  four scans two at once (2 CLI processes against ``extract(ocr_workers=2)``, without and with the date pass);
  each figure the best of ``--repeat`` runs. Also runs on a checkout from before the Tesseract library was used
  (``ocr_image`` on PNG bytes), so one script measures before and after.
* recall: group-A phrase recall per file, OCR on, pages the phrases were read from.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from benchmarks.realdocs import found_phrases, load_manifest
from oitbase.extract import extract

SCANNED = ["phichai-scan-16.pdf", "phichai-scan-19.pdf", "phichai-scan-moit1-2-68.pdf", "poknoi-scan-59.pdf",
           "poknoi-budget-expense-detail-2561.pdf", "poknoi-budget-revenue-report-2561.pdf"]


def bench_text(repeat: int) -> str:
    docs = [d for d in load_manifest() if d.name.endswith(".pdf") and d.name not in SCANNED]
    pages = 0
    ours = theirs = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        pages = 0
        for d in docs:
            pages += len(extract(d.path.read_bytes(), "application/pdf", d.name).pages)
        ours = min(ours, time.perf_counter() - t0)
        t0 = time.perf_counter()
        for d in docs:
            subprocess.run(["pdftotext", "-enc", "UTF-8", str(d.path), "-"], capture_output=True, check=True)
        theirs = min(theirs, time.perf_counter() - t0)
    return (f"| text-layer PDFs ({len(docs)} files, {pages} pages) | oit extract (no OCR) | {ours:.2f} s | "
            f"{pages / ours:.0f} pages/s |\n"
            f"| same files | pdftotext | {theirs:.2f} s | {pages / theirs:.0f} pages/s |")


TESSERACT = ["-l", "tha+eng", "--psm", "4"]


def _cli(path: Path, env: dict) -> float:
    """Seconds the ``tesseract`` CLI takes on one page image file."""
    t0 = time.perf_counter()
    subprocess.run(["tesseract", str(path), str(path.with_suffix("")), *TESSERACT], capture_output=True, check=True,
                   env=env)  # fmt: skip
    return time.perf_counter() - t0


def _our_ocr():  # noqa: ANN202 - (render, ocr) of this checkout
    """This checkout's way of rendering one page for OCR and OCRing it."""
    from oitbase.extract import ocr, pdf

    if hasattr(ocr, "ocr_raster"):
        return pdf.render_page, ocr.ocr_raster
    return pdf.render_page_png, ocr.ocr_image  # before: PNG bytes to a tesseract process


def _best(repeat: int, run) -> float:  # noqa: ANN001
    """The fewest seconds ``run()`` took in ``repeat`` runs."""
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - t0)
    return best


def bench_ocr(repeat: int) -> str:
    """The CLI always reads a PNG file of the page at the resolution this project renders (300 dpi, grayscale): the
    baseline does not move with the format the project hands Tesseract."""
    import pymupdf

    render, ocr = _our_ocr()
    docs = {d.name: d for d in load_manifest()}
    rows = []
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    with tempfile.TemporaryDirectory() as tmp:
        cli_total = ours_total = 0.0
        for name in SCANNED:
            path = Path(tmp) / f"{name}.png"
            with pymupdf.open(docs[name].path) as doc:
                path.write_bytes(doc[0].get_pixmap(dpi=300, colorspace=pymupdf.csGRAY).tobytes("png"))
                cli = _best(repeat, lambda path=path: _cli(path, env))
                render_s = _best(repeat, lambda doc=doc: render(doc[0]))
                picture = render(doc[0])
            ours = _best(repeat, lambda picture=picture: ocr(picture)) + render_s
            confidence = ocr(picture).confidence
            cli_total += cli
            ours_total += ours
            rows.append(f"| {name} p1 | {cli:.2f} s | {ours:.2f} s (render {render_s:.2f} s) | {confidence} |")
        n = len(SCANNED)
        rows.append(f"| **mean per page** | **{cli_total / n:.2f} s** | **{ours_total / n:.2f} s** "
                    f"({ours_total / cli_total:.2f}×) | |")  # fmt: skip
        # Both cores: every page of the four scans, 2 tesseract CLI processes at once against extract(ocr_workers=2).
        pages = []
        for name in SCANNED[:4]:
            with pymupdf.open(docs[name].path) as doc:
                for number, page in enumerate(doc):
                    path = Path(tmp) / f"{name}-{number}.png"
                    path.write_bytes(page.get_pixmap(dpi=300, colorspace=pymupdf.csGRAY).tobytes("png"))
                    pages.append(path)

        def cli_both() -> None:
            with ThreadPoolExecutor(2) as pool:
                list(pool.map(lambda path: _cli(path, env), pages))

        cli_wall = _best(repeat, cli_both)
    walls = {}
    for date_pass in (False, True):
        def ours_both(date_pass: bool = date_pass) -> None:
            for name in SCANNED[:4]:
                extract(docs[name].path.read_bytes(), "application/pdf", name, ocr=True, ocr_workers=2,
                        date_pass=date_pass)  # fmt: skip

        walls[date_pass] = _best(repeat, ours_both)
    count = len(pages)
    rows.append(f"| 4 scans, all {count} pages, 2 at once (wall per page) | {cli_wall / count:.2f} s | "
                f"{walls[False] / count:.2f} s ({walls[False] / cli_wall:.2f}×); with the date pass "
                f"{walls[True] / count:.2f} s ({walls[True] / cli_wall:.2f}×) | |")  # fmt: skip
    return "\n".join(rows)


def bench_recall() -> str:
    rows, hits_total, total = [], 0, 0
    for d in load_manifest():
        t0 = time.perf_counter()
        ext = extract(d.path.read_bytes(), "", d.name, pages=d.phrase_pages, ocr=True)
        seconds = time.perf_counter() - t0
        hits = found_phrases(ext, d.phrases)
        hits_total += sum(hits)
        total += len(hits)
        methods = ",".join(sorted({p.method for p in ext.pages}))
        missed = "; ".join(p for p, h in zip(d.phrases, hits, strict=True) if not h)
        pages = ",".join(map(str, d.phrase_pages))
        rows.append(f"| {d.name} | {pages} | {methods} | {sum(hits)}/{len(hits)} | {seconds:.1f} s | {missed} |")
    rows.append(f"| **total** | | | **{hits_total}/{total} = {100 * hits_total / total:.1f} %** | | |")
    return "\n".join(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--part", choices=["text", "ocr", "recall", "all"], default="all")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    if not load_manifest():
        raise SystemExit("realdocs not found (set OIT_REALDOCS)")
    if args.part in ("text", "all"):
        print("| input | tool | time | throughput |\n|---|---|---|---|")
        print(bench_text(args.repeat), flush=True)
    if args.part in ("ocr", "all"):
        print("\n| page | tesseract CLI | oit OCR (render + tesseract) | confidence |\n|---|---|---|---|")
        print(bench_ocr(args.repeat), flush=True)
    if args.part in ("recall", "all"):
        print("\n| file | pages | methods | group A found | time | missed |\n|---|---|---|---|---|---|")
        print(bench_recall(), flush=True)


if __name__ == "__main__":
    main()
