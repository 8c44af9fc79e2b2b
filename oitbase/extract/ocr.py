"""Thai OCR with the ``tesseract`` binary (Debian tesseract-ocr + tesseract-ocr-tha).

One ``tesseract`` process per page image, ``OMP_THREAD_LIMIT=1`` each (Tesseract's own
threads only slow several processes down), ``--psm 4`` (best on Thai documents), ``tha+eng``.
:class:`OcrPool` keeps ``workers`` processes busy: the pool's threads only wait on their
subprocess, so page rendering (PyMuPDF, not thread-safe) stays in the caller's thread.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_LANG = "tha+eng"
DEFAULT_PSM = 4
#: Resolution pages are rendered at for OCR.
OCR_DPI = 300
#: Seconds one page may take when no deadline is nearer.
PAGE_TIMEOUT_S = 90.0


class OcrError(Exception):
    """Tesseract is missing, failed or timed out."""


#: A box in pixels of the OCRed image: (left, top, right, bottom).
Box = tuple[int, int, int, int]


@dataclass
class OcrLine:
    """One text line of Tesseract's TSV: its box and its words (for Thai, mostly one character
    each) with their boxes, in reading order."""

    box: Box
    words: list[tuple[str, Box]] = field(default_factory=list)

    @property
    def height(self) -> int:
        return self.box[3] - self.box[1]

    def text(self) -> str:
        """The words joined, with a space where the gap between two is over a third of the line height."""
        out, last_right = [], None
        for word, box in self.words:
            if last_right is not None and box[0] - last_right > self.height / 3:
                out.append(" ")
            out.append(word)
            last_right = box[2]
        return "".join(out)


@dataclass
class OcrResult:
    text: str
    #: Mean word confidence 0–100 reported by Tesseract (words with text only); 0 when none.
    confidence: float
    seconds: float = 0.0
    #: The text lines with their boxes (from the TSV output), and the OCRed image's size in pixels.
    lines: list[OcrLine] = field(default_factory=list)
    size: tuple[int, int] = (0, 0)


def tesseract_available(lang: str = DEFAULT_LANG) -> bool:
    """True when ``tesseract`` is on PATH and has every language in ``lang``."""
    exe = shutil.which("tesseract")
    if not exe:
        return False
    try:
        out = subprocess.run([exe, "--list-langs"], capture_output=True, text=True, timeout=20).stdout
    except (OSError, subprocess.SubprocessError):
        return False
    have = {line.strip() for line in out.splitlines()[1:]}
    return all(code in have for code in lang.split("+"))


def _confidence(tsv: str) -> float:
    confs = []
    for line in tsv.splitlines()[1:]:
        cols = line.split("\t")
        if len(cols) == 12 and cols[11].strip():
            try:
                conf = float(cols[10])
            except ValueError:
                continue
            if conf >= 0:
                confs.append(conf)
    return round(sum(confs) / len(confs), 1) if confs else 0.0


def parse_tsv(tsv: str) -> tuple[list[OcrLine], tuple[int, int]]:
    """Lines (level 4) with their words (level 5) from Tesseract's TSV, and the image size (level 1)."""
    lines: dict[tuple[str, ...], OcrLine] = {}
    size = (0, 0)
    for row in tsv.splitlines()[1:]:
        cols = row.split("\t")
        if len(cols) < 12:
            continue
        try:
            left, top, width, height = (int(c) for c in cols[6:10])
        except ValueError:
            continue
        box = (left, top, left + width, top + height)
        key = tuple(cols[1:5])
        if cols[0] == "1":
            size = (width, height)
        elif cols[0] == "4":
            lines[key] = OcrLine(box)
        elif cols[0] == "5" and cols[11].strip() and key in lines:
            lines[key].words.append((cols[11].strip(), box))
    return [line for line in lines.values() if line.words], size


def ocr_image(image: bytes, *, lang: str = DEFAULT_LANG, psm: int = DEFAULT_PSM,
              timeout: float = PAGE_TIMEOUT_S) -> OcrResult:
    """OCR one image (PNG, JPEG, TIFF … anything Leptonica reads). Raises :class:`OcrError`."""
    import time

    exe = shutil.which("tesseract")
    if not exe:
        raise OcrError("tesseract not installed")
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    start = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="oit-ocr-") as tmp:
        base = Path(tmp) / "out"
        try:
            proc = subprocess.run(
                [exe, "stdin", str(base), "-l", lang, "--psm", str(psm), "txt", "tsv"],
                input=image, capture_output=True, env=env, timeout=max(1.0, timeout),
            )
        except subprocess.TimeoutExpired as exc:
            raise OcrError(f"timed out after {timeout:.0f} s") from exc
        except OSError as exc:
            raise OcrError(str(exc)) from exc
        txt, tsv = base.with_suffix(".txt"), base.with_suffix(".tsv")
        if proc.returncode != 0 or not txt.exists():
            detail = proc.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or ["no output"]
            raise OcrError(f"tesseract failed: {detail[0][:200]}")
        text = txt.read_text("utf-8", "replace").replace("\f", "").strip("\n")
        tsv_text = tsv.read_text("utf-8", "replace") if tsv.exists() else ""
        confidence = _confidence(tsv_text)
        lines, size = parse_tsv(tsv_text)
    return OcrResult(text=text, confidence=confidence, seconds=round(time.monotonic() - start, 2), lines=lines,
                     size=size)


class OcrPool:
    """Up to ``workers`` tesseract processes at once. Use as a context manager."""

    def __init__(self, workers: int = 2, *, lang: str = DEFAULT_LANG, psm: int = DEFAULT_PSM) -> None:
        self.workers = max(1, workers)
        self.lang, self.psm = lang, psm
        self._executor = ThreadPoolExecutor(max_workers=self.workers, thread_name_prefix="oit-ocr")

    def submit(self, image: bytes, timeout: float = PAGE_TIMEOUT_S, psm: int | None = None) -> Future[OcrResult]:
        return self._executor.submit(ocr_image, image, lang=self.lang, psm=psm or self.psm, timeout=timeout)

    def close(self) -> None:
        self._executor.shutdown(wait=True, cancel_futures=True)

    def __enter__(self) -> OcrPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
