"""Documents read in a process of their own: the crawl process does not load the PDF library, a reader that dies
or hangs costs one file, not the crawl, and OCR progress still reaches the crawl."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from crawler.document_reader import DocumentReader, ReaderStopped
from oitbase.extract.ocr import tesseract_available
from oitbase.thai import fuzzy_contains
from tests.test_extract import make_thai_pdf
from tests.test_extract_ocr import HTML, TITLE, scanned_pdf

REPO = Path(__file__).resolve().parent.parent
needs_ocr = pytest.mark.skipif(not tesseract_available(), reason="Tesseract with the Thai model is not installed")


@pytest.fixture
def reader():
    reader = DocumentReader()
    yield reader
    reader.stop()


def _crawl_script(tmp_path: Path, then: str) -> str:
    """Python code that reads a Thai PDF through the process's reader, as a crawl process does, then runs ``then``."""
    pdf = tmp_path / "a.pdf"
    pdf.write_bytes(make_thai_pdf(HTML))
    return (
        "import sys, time\n"
        "from pathlib import Path\n"
        "from crawler.document_reader import READER\n"
        f"ext = READER.read(Path({str(pdf)!r}).read_bytes(), 'application/pdf', 'https://x.go.th/a.pdf')\n"
        f"{then}\n"
    )


def test_a_pdf_is_read_without_loading_the_pdf_library_in_the_caller(tmp_path):
    code = _crawl_script(tmp_path, "print('pymupdf' in sys.modules, ext.kind, ext.pages[0].method)\nprint(ext.text)")
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=120,
                         env={**os.environ, "PYTHONPATH": str(REPO)}, check=True).stdout  # fmt: skip
    first, text = out.split("\n", 1)
    assert first == "False pdf text-layer"
    assert fuzzy_contains(text, TITLE)


@needs_ocr
def test_ocr_progress_comes_back_from_the_reader(reader):
    calls = []
    ext = reader.read(scanned_pdf(2), "application/pdf", "https://x.go.th/scan.pdf", ocr=True,
                      on_page=lambda done, total: calls.append((done, total)))  # fmt: skip
    assert [p.method for p in ext.pages] == ["ocr", "ocr"] and fuzzy_contains(ext.text, TITLE)
    deadline = time.monotonic() + 10  # progress travels on its own queue
    while calls[-1:] != [(2, 2)] and time.monotonic() < deadline:
        time.sleep(0.05)
    assert calls[0] == (0, 2) and calls[-1] == (2, 2)


@needs_ocr
def test_a_reader_killed_while_reading_costs_that_file_only(reader):
    reader.read(make_thai_pdf(HTML), "application/pdf", "https://x.go.th/warm.pdf")  # the reader is running
    pid = reader.pid()
    assert pid

    def kill_soon():
        time.sleep(0.5)
        os.kill(pid, signal.SIGKILL)  # as a crash of the PDF library or Tesseract would end it

    threading.Thread(target=kill_soon).start()
    with pytest.raises(ReaderStopped, match="ended while reading"):
        reader.read(scanned_pdf(6), "application/pdf", "https://x.go.th/scan.pdf", ocr=True, ocr_workers=1)
    ext = reader.read(make_thai_pdf(HTML), "application/pdf", "https://x.go.th/next.pdf")
    assert fuzzy_contains(ext.text, TITLE) and reader.pid() != pid


@needs_ocr
def test_a_reader_that_takes_too_long_is_stopped_and_replaced(reader):
    with pytest.raises(ReaderStopped, match="no result"):
        reader.read(scanned_pdf(6), "application/pdf", "https://x.go.th/scan.pdf", ocr=True, ocr_workers=1,
                    timeout=1.0)  # fmt: skip
    ext = reader.read(make_thai_pdf(HTML), "application/pdf", "https://x.go.th/next.pdf")
    assert fuzzy_contains(ext.text, TITLE)


def test_the_reader_ends_when_the_crawl_process_is_killed(tmp_path):
    code = _crawl_script(tmp_path, "print(READER.pid(), flush=True)\ntime.sleep(120)")
    crawl = subprocess.Popen([sys.executable, "-c", code], cwd=REPO, stdout=subprocess.PIPE, text=True,
                             env={**os.environ, "PYTHONPATH": str(REPO)})  # fmt: skip
    try:
        reader_pid = int(crawl.stdout.readline())
        os.kill(crawl.pid, signal.SIGKILL)  # as a killed worker takes its crawl processes with it
        crawl.wait(timeout=10)
        deadline = time.monotonic() + 10
        while Path(f"/proc/{reader_pid}").exists() and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not Path(f"/proc/{reader_pid}").exists(), "the reader outlived the crawl process"
    finally:
        crawl.kill()


def _read_once(path: str) -> None:
    from crawler.document_reader import READER

    READER.read(Path(path).read_bytes(), "application/pdf", "https://x.go.th/a.pdf")


def test_a_crawl_process_that_is_a_multiprocessing_child_ends_with_its_reader_running(tmp_path):
    # oit.api.crawl_in_child: a multiprocessing child joins its own children as it ends; an idle reader must not
    # keep it waiting (it did, and every web check hung at its end).
    import multiprocessing

    pdf = tmp_path / "a.pdf"
    pdf.write_bytes(make_thai_pdf(HTML))
    crawl = multiprocessing.get_context("spawn").Process(target=_read_once, args=(str(pdf),))
    crawl.start()
    crawl.join(60)
    alive = crawl.is_alive()
    crawl.kill()
    assert not alive and crawl.exitcode == 0
