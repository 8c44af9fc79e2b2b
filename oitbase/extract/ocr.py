"""Thai OCR with Tesseract's library (tesserocr, on Debian's libtesseract + tesseract-ocr-tha).

Pages are handed over as 8-bit gray pixels (:class:`Raster`): nothing is encoded to PNG and
decoded again, no process is started per page, and each Tesseract engine (``tha+eng`` loaded
once) is kept for the next page (:func:`_engine`). ``--psm 4`` is best on Thai documents.
``OMP_THREAD_LIMIT=1`` (set before the library loads): Tesseract's own threads only slow two
engines at once down (a 1.9 s page took 10 s of wall time with them). The library releases the
GIL while it recognizes, so :class:`OcrPool`'s threads keep ``workers`` cores busy while page
rendering (PyMuPDF, not thread-safe) stays in the caller's thread.
"""

from __future__ import annotations

import os
import queue
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

os.environ.setdefault("OMP_THREAD_LIMIT", "1")  # read by libgomp when libtesseract loads

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
    #: Mean word confidence 0–100 reported by Tesseract; 0 when it found no word.
    confidence: float
    seconds: float = 0.0
    #: The text lines with their boxes (from the TSV output; only when asked for), and the OCRed image's size in
    #: pixels.
    lines: list[OcrLine] = field(default_factory=list)
    size: tuple[int, int] = (0, 0)


@dataclass(frozen=True)
class Raster:
    """An 8-bit gray picture as Tesseract reads it: ``stride`` bytes a row, ``dpi`` its resolution."""

    samples: bytes
    width: int
    height: int
    stride: int
    dpi: int = OCR_DPI

    @classmethod
    def of(cls, pixmap) -> Raster:  # noqa: ANN001 - a gray pymupdf.Pixmap (this module does not import PyMuPDF)
        return cls(pixmap.samples, pixmap.width, pixmap.height, pixmap.stride, pixmap.xres or OCR_DPI)


#: Where Debian's tesseract-ocr-* packages put the models (the first that exists is used when the library's own
#: default holds no Thai model, as with tesserocr's self-contained wheel).
TESSDATA_DIRS = ("/usr/share/tesseract-ocr/5/tessdata", "/usr/share/tesseract-ocr/4.00/tessdata")


@lru_cache(maxsize=4)
def _tessdata(lang: str) -> str | None:
    """The model folder that has every language of ``lang``, or None (no library, or no such model)."""
    try:
        import tesserocr
    except ImportError:
        return None
    wanted = set(lang.split("+"))
    folders = [os.environ.get("TESSDATA_PREFIX", ""), tesserocr.get_languages()[0], *TESSDATA_DIRS]
    for folder in filter(None, folders):
        path = Path(folder)
        if all((path / f"{code}.traineddata").is_file() for code in wanted):
            return str(path)
    return None


def tesseract_available(lang: str = DEFAULT_LANG) -> bool:
    """True when Tesseract's library and every language in ``lang`` are installed."""
    return _tessdata(lang) is not None


#: Idle engines by language: an engine serves one page at a time, and the next page of any document.
_IDLE: dict[str, queue.SimpleQueue] = {}


def _engine(lang: str):  # noqa: ANN202 - tesserocr.PyTessBaseAPI, imported lazily
    import tesserocr

    idle = _IDLE.setdefault(lang, queue.SimpleQueue())
    try:
        return idle.get_nowait()
    except queue.Empty:
        pass
    path = _tessdata(lang)
    if path is None:
        raise OcrError(f"Tesseract or its {lang} model is not installed")
    try:
        return tesserocr.PyTessBaseAPI(path=path, lang=lang, init=True)
    except RuntimeError as exc:
        raise OcrError(f"Tesseract did not start: {exc}") from exc


def parse_tsv(tsv: str) -> tuple[list[OcrLine], tuple[int, int]]:
    """Lines (level 4) with their words (level 5) from Tesseract's TSV, and the image size (level 1)."""
    lines: dict[tuple[str, ...], OcrLine] = {}
    size = (0, 0)
    for row in tsv.splitlines():  # a header line, if any, is no row of numbers
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


def ocr_raster(raster: Raster, *, lang: str = DEFAULT_LANG, psm: int = DEFAULT_PSM, timeout: float = PAGE_TIMEOUT_S,
               boxes: bool | Callable[[str], bool] = False) -> OcrResult:
    """OCR one picture: the text Tesseract writes for it (its ``txt`` output) and the mean word confidence, from
    one recognition. ``boxes`` (or ``boxes(text)``) asks for the lines with their words' boxes too (its ``tsv``
    output, which can cost a third as much again as the recognition on a page of tables): the date pass needs them,
    and only on pages whose text holds no usable year. Raises :class:`OcrError`."""
    start = time.monotonic()
    engine = _engine(lang)
    tsv = ""
    try:
        engine.SetPageSegMode(psm)
        engine.SetImageBytes(raster.samples, raster.width, raster.height, 1, raster.stride)
        engine.SetSourceResolution(raster.dpi)
        if not engine.Recognize(int(max(1.0, timeout) * 1000)):
            late = time.monotonic() - start >= max(1.0, timeout)
            raise OcrError(f"timed out after {timeout:.0f} s" if late else "tesseract failed: no text recognized")
        text = (engine.GetUTF8Text() or "").replace("\f", "").strip("\n")
        words = engine.AllWordConfidences()
        if boxes is True or (callable(boxes) and boxes(text)):
            tsv = engine.GetTSVText(0) or ""
    except RuntimeError as exc:
        raise OcrError(f"tesseract failed: {str(exc)[:200]}") from exc
    finally:
        engine.Clear()  # the page's pictures and results, not the models
        _IDLE[lang].put(engine)
    lines, _ = parse_tsv(tsv)
    return OcrResult(text=text, confidence=round(sum(words) / len(words), 1) if words else 0.0,
                     seconds=round(time.monotonic() - start, 2), lines=lines, size=(raster.width, raster.height))


class OcrPool:
    """Up to ``workers`` pictures OCRed at once. Use as a context manager."""

    def __init__(self, workers: int = 2, *, lang: str = DEFAULT_LANG, psm: int = DEFAULT_PSM) -> None:
        self.workers = max(1, workers)
        self.lang, self.psm = lang, psm
        self._executor = ThreadPoolExecutor(max_workers=self.workers, thread_name_prefix="oit-ocr")

    def submit(self, raster: Raster, timeout: float = PAGE_TIMEOUT_S, psm: int | None = None,
               boxes: bool | Callable[[str], bool] = False) -> Future[OcrResult]:
        return self._executor.submit(ocr_raster, raster, lang=self.lang, psm=psm or self.psm, timeout=timeout,
                                     boxes=boxes)

    def close(self) -> None:
        self._executor.shutdown(wait=True, cancel_futures=True)

    def __enter__(self) -> OcrPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
