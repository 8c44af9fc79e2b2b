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
from dataclasses import dataclass
from pathlib import Path

DEFAULT_LANG = "tha+eng"
DEFAULT_PSM = 4
#: Resolution pages are rendered at for OCR.
OCR_DPI = 300
#: Seconds one page may take when no deadline is nearer.
PAGE_TIMEOUT_S = 90.0


class OcrError(Exception):
    """Tesseract is missing, failed or timed out."""


@dataclass
class OcrResult:
    text: str
    #: Mean word confidence 0–100 reported by Tesseract (words with text only); 0 when none.
    confidence: float
    seconds: float = 0.0


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
        confidence = _confidence(tsv.read_text("utf-8", "replace")) if tsv.exists() else 0.0
    return OcrResult(text=text, confidence=confidence, seconds=round(time.monotonic() - start, 2))


class OcrPool:
    """Up to ``workers`` tesseract processes at once. Use as a context manager."""

    def __init__(self, workers: int = 2, *, lang: str = DEFAULT_LANG, psm: int = DEFAULT_PSM) -> None:
        self.workers = max(1, workers)
        self.lang, self.psm = lang, psm
        self._executor = ThreadPoolExecutor(max_workers=self.workers, thread_name_prefix="oit-ocr")

    def submit(self, image: bytes, timeout: float = PAGE_TIMEOUT_S) -> Future[OcrResult]:
        return self._executor.submit(ocr_image, image, lang=self.lang, psm=self.psm, timeout=timeout)

    def close(self) -> None:
        self._executor.shutdown(wait=True, cancel_futures=True)

    def __enter__(self) -> OcrPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
