"""Second OCR pass of a scanned page's date lines, when the first pass read no usable year.

Tesseract's Thai model cannot write ๔ ๖ ๗ ๘ ๙ (see :mod:`oitbase.extract.thaidigits`), so the year
of a scan printed in Thai digits ("ประกาศ ณ วันที่ ๑๕ ตุลาคม พ.ศ. ๒๕๖๖") comes out as "๒๕๒๒" and
the checklist would find no year. For such a page this pass:

1. picks the date regions from the first pass's line boxes: lines with a date cue (ปีงบประมาณ,
   พ.ศ., วันที่, เดือน, a month name) plus a line of context above and below, grouped, at most
   :data:`MAX_REGIONS` per page (the first ones, where the header ที่/วันที่/เรื่อง is, and the
   last, where "ประกาศ ณ วันที่" / "สั่ง ณ วันที่" sits above the signature). A first page without
   any cue line gets its top and bottom bands instead, and one whose cues hold no date line (a
   title with พ.ศ. but no "ณ วันที่": the first pass may have dropped that line) also the rest of
   the page below its last cue;
2. renders each region again at :data:`ZOOM` times the first pass's resolution (300 → 400 dpi)
   and OCRs it with ``--psm`` :data:`PSM` (a uniform block instead of the page layout);
3. re-reads every number holding Thai digits on those lines with the digit reader, and
4. returns the date lines read this way, for the caller to append to the page's text (the
   first pass's text is never replaced).

At most :data:`MAX_PAGES` pages of a document, and never past :data:`BUDGET_S` seconds or the
document's deadline.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from oitbase import thaidates
from oitbase.extract import thaidigits
from oitbase.extract.ocr import Box, OcrLine, OcrResult, Raster
from oitbase.thai import clean, to_arabic_digits

#: The second pass renders a region at this many times the first pass's resolution.
ZOOM = 4 / 3
#: Tesseract page segmentation of a region: one uniform block of text.
PSM = 6
MAX_REGIONS = 3
MAX_PAGES = 2
#: Seconds the second pass may take for one document (on top of the first pass); a region is
#: not started with less than MIN_REGION_S left.
BUDGET_S = 15.0
MIN_REGION_S = 2.0
#: Template distance above which a glyph is not taken as a digit (the first pass's text is kept).
MAX_DIGIT_DISTANCE = 0.3
#: A "๒๕xx" number read as no plausible year may take a glyph's next-nearest digit this much farther.
YEAR_PRIOR_SLACK = 0.08
#: A first page without any date cue line: these bands (fractions of the page height) are read.
FALLBACK_BANDS = ((0.0, 0.3), (0.65, 1.0))
#: Appended to PageText.method when the pass added date lines to the page's text (what it did, also
#: when it added nothing, is in PageText.second_pass).
METHOD_SUFFIX = "+dates"

_CUE_RE = re.compile(
    rf"{thaidates.MONTH}|ปี\s?งบ|งบ\s?ประมาณ|พ\s?[.,:]{{0,3}}\s?ศ|วัน\s?ที|เดือน|ประกาศ\s?ณ|สั่ง\s?ณ"
)
#: A line of a date (not only a year): a month name, วันที่ or เดือน.
_DATE_CUE_RE = re.compile(rf"{thaidates.MONTH}|วัน\s?ที|เดือน")
_THAI_DIGIT = re.compile("[๐-๙]")
_LATIN_DAY = re.compile("^[A-Za-z@%«»©&]{1,4}$")
_MONTH_START_RE = re.compile(rf"(?:{thaidates.MONTH})")
_NUMBERISH = re.compile("^[๐-๙0-9oO]+$")
#: Letters Tesseract writes for a Thai digit it cannot read ("๒๕๖ซ" for ๒๕๖๗), taken into a number
#: when they touch it.
_LOOKALIKE = re.compile("^[ซดสoO]$")
#: Words of one number are closer than this (in line heights): the Thai model sometimes drops a
#: digit it cannot read (๖, ๗ …) and leaves a gap of about one digit.
_NUMBER_GAP = 1.1


def has_cue(text: str) -> bool:
    return _CUE_RE.search(text) is not None


def needs_date_pass(text: str, *, layer: str = "") -> bool:
    """True when the OCR text of a page holds no usable year: none in a year context, or only
    corrected ones, or only ones written in Thai digits (which the Thai model cannot read
    reliably: ๖ comes out as ๒, ๗ as ๐ …). A year in Arabic digits ("พ.ศ. 2559") is usable, and
    so is any year of the page's text ``layer`` (a page whose pictures were OCRed in addition)."""
    if any(m.kind != "law" and not m.corrected for m in thaidates.find_years(clean(layer), correct=False)):
        return False
    text = clean(text)
    for mention in thaidates.find_years(text):
        if mention.kind == "law" or mention.corrected:
            continue
        written = text[mention.span[0] : mention.span[1]]
        if not _THAI_DIGIT.search(written):
            return False
    return True


def date_regions(result: OcrResult, *, first_page: bool) -> list[tuple[int, int]]:
    """Vertical bands (top, bottom, in pixels of the first pass's image) to read again."""
    height = result.size[1]
    cues = [line for line in result.lines if has_cue(line.text())]
    if not cues:
        return [(int(a * height), int(b * height)) for a, b in FALLBACK_BANDS] if first_page and height else []
    below: tuple[int, int] | None = None
    if first_page and not any(_DATE_CUE_RE.search(line.text()) for line in cues):
        # A header with พ.ศ./ปีงบประมาณ but no date line: the first pass may have dropped the line
        # "ประกาศ ณ วันที่ …" (noise around it): read the rest of the page below the header too.
        below = (max(line.box[3] for line in cues), height)
    groups: list[list[OcrLine]] = []
    for line in sorted(cues, key=lambda ln: ln.box[1]):
        if groups and line.box[1] - groups[-1][-1].box[3] < 1.5 * max(1, line.height):
            groups[-1].append(line)
        else:
            groups.append([line])
    if len(groups) > MAX_REGIONS:
        groups = groups[: MAX_REGIONS - 1] + groups[-1:]
    bands = []
    for group in groups:
        pad = max(line.height for line in group)
        top, bottom = max(0, min(ln.box[1] for ln in group) - pad), min(height, max(ln.box[3] for ln in group) + pad)
        if bands and top <= bands[-1][1]:
            bands[-1] = (bands[-1][0], bottom)
        else:
            bands.append((top, bottom))
    if below and below[1] - below[0] > 0:
        bands.append((max(below[0], bands[-1][1]), below[1]))
    return bands


@dataclass
class Picture:
    """An 8-bit gray picture: what a region was OCRed from, kept to read digits in it."""

    samples: bytes
    width: int
    height: int
    dpi: int = 96

    def raster(self) -> Raster:
        """The picture for Tesseract."""
        return Raster(self.samples, self.width, self.height, self.width, self.dpi)

    def crop(self, box: Box) -> tuple[bytearray, int, int, int]:
        """(samples, width, height, left) of ``box`` clipped to the picture."""
        x0, y0 = max(0, box[0]), max(0, box[1])
        x1, y1 = min(self.width, box[2]), min(self.height, box[3])
        out = bytearray()
        for y in range(y0, y1):
            out += self.samples[y * self.width + x0 : y * self.width + x1]
        return out, max(0, x1 - x0), max(0, y1 - y0), x0


def _before_month(words: list[tuple[str, Box]], i: int) -> bool:
    """True when the words after ``i`` start with a month name."""
    following = "".join(w for w, _ in words[i + 1 : i + 14])
    return _MONTH_START_RE.match(following) is not None


def _runs(line: OcrLine) -> list[tuple[int, int]]:
    """(first, last) word indexes of each number on the line holding a Thai digit, and of each
    short Latin word just before a month name (the day, which the English model took over:
    "lool" for ๒๗, "od" for ๒๖)."""
    out, i, words = [], 0, line.words
    while i < len(words):
        if _LATIN_DAY.match(words[i][0]) and _before_month(words, i):
            out.append((i, i))
            i += 1
            continue
        if not _NUMBERISH.match(words[i][0]):
            i += 1
            continue
        j = i
        while j + 1 < len(words):
            word, gap = words[j + 1][0], words[j + 1][1][0] - words[j][1][2]
            if _NUMBERISH.match(word) and gap < _NUMBER_GAP * line.height:
                j += 1
            elif _LOOKALIKE.match(word) and gap < 0.3 * line.height:
                j += 1
            else:
                break
        if any(_THAI_DIGIT.search(w) for w, _ in words[i : j + 1]):
            out.append((i, j))
        i = j + 1
    return out


def read_number(picture: Picture, line: OcrLine, first: int, last: int) -> str | None:
    """The Thai digits of words ``first``..``last`` of ``line`` read by the digit reader, or None
    when a glyph matches no digit template well.

    Tesseract's boxes of Thai characters are approximate, so the number is taken as the glyphs
    between the word before it and the word after it (or half a line height past its ends)."""
    words, h = line.words, line.height
    left, right = words[first][1][0], max(box[2] for _, box in words[first : last + 1])
    margin = int(0.12 * h)
    before = words[first - 1][1][2] if first > 0 else None
    after = words[last + 1][1][0] if last + 1 < len(words) else None
    lo = before if before is not None and before <= left else left - (margin if before is not None else h // 2)
    hi = after if after is not None and after >= right else right + (margin if after is not None else h // 2)
    pad = int(0.3 * h)
    gray, width, height, x0 = picture.crop((lo - pad, line.box[1] - h // 6, hi + pad, line.box[3] + h // 6))
    glyphs = [g for g in thaidigits.glyphs(gray, width, height) if lo <= x0 + (g.x0 + g.x1) / 2 <= hi]
    if not glyphs or len(glyphs) > 8:
        return None
    ranked = [thaidigits.ranked(glyph) for glyph in glyphs]
    if any(not r or r[0][1] > MAX_DIGIT_DISTANCE for r in ranked):
        return None
    digits = "".join(r[0][0] for r in ranked)
    return _as_year(digits, ranked) if len(digits) == 4 else digits


def _as_year(digits: str, ranked: list[list[tuple[str, float]]]) -> str:
    """Four digits that are no plausible year but become one when a single glyph takes its
    second- or third-nearest digit (within :data:`YEAR_PRIOR_SLACK` of its nearest): that year."""
    lo, hi = thaidates.recent_years()
    if not digits.startswith("๒๕") or lo <= int(to_arabic_digits(digits)) <= hi:
        return digits
    best: tuple[float, str] | None = None
    for i, choices in enumerate(ranked):
        for digit, distance in choices[1:3]:
            extra = distance - choices[0][1]
            candidate = digits[:i] + digit + digits[i + 1 :]
            if extra <= YEAR_PRIOR_SLACK and lo <= int(to_arabic_digits(candidate)) <= hi:
                best = min(best, (extra, candidate)) if best else (extra, candidate)
    return best[1] if best else digits


def reread_line(picture: Picture, line: OcrLine) -> tuple[str, int, int]:
    """(line text with its Thai-digit numbers read again, numbers read, numbers changed)."""
    words = list(line.words)
    read = changed = 0
    for first, last in reversed(_runs(line)):
        digits = read_number(picture, line, first, last)
        if digits is None:
            continue
        read += 1
        written = "".join(w for w, _ in words[first : last + 1])
        changed += digits != written
        box = (words[first][1][0], line.box[1], words[last][1][2], line.box[3])
        words[first : last + 1] = [(digits, box)]
    return OcrLine(line.box, words).text(), read, changed


@dataclass
class DatePass:
    """What the second pass did on one page."""

    regions: int = 0
    numbers: int = 0
    changed: int = 0
    seconds: float = 0.0
    #: (height on the page in first-pass pixels, text) of each date line read.
    lines: list[tuple[float, str]] = field(default_factory=list)

    def note(self) -> str:
        return (f"date lines OCRed again: {self.regions} region(s) at {ZOOM:.2f}× --psm {PSM}, "
                f"{self.numbers} number(s) re-read ({self.changed} changed), {self.seconds:.1f} s")


def read_region(picture: Picture, result: OcrResult) -> tuple[list[tuple[float, str]], int, int]:
    """(date lines with their heights in the region's pixels, numbers read, numbers changed) of a
    region's OCR result."""
    lines, read, changed = [], 0, 0
    for line in result.lines:
        text, n, c = reread_line(picture, line)
        read, changed = read + n, changed + c
        if has_cue(text) and re.search("[0-9๐-๙]", text):
            lines.append(((line.box[1] + line.box[3]) / 2, text))
    return lines, read, changed


def merge(text: str, first: OcrResult, found: list[tuple[float, str]]) -> str:
    """``text`` (the page's first-pass text) with each date line inserted after the first-pass line
    at the same height, so a document's header stays at its start; lines that cannot be placed
    go at the end. Nothing of ``text`` is changed."""
    lines = text.split("\n")
    keys = ["".join(line.split()) for line in lines]
    placed: dict[int, list[str]] = {}
    tail: list[str] = []
    for y, date_line in found:
        near = min(first.lines, key=lambda ln: abs((ln.box[1] + ln.box[3]) / 2 - y), default=None)
        index = None
        if near is not None and abs((near.box[1] + near.box[3]) / 2 - y) <= near.height:
            key = "".join(w for w, _ in near.words)
            index = next((i for i, k in enumerate(keys) if k and k == key), None)
        if index is None:
            tail.append(date_line)
        else:
            placed.setdefault(index, []).append(date_line)
    out = []
    for i, line in enumerate(lines):
        out += [line, *placed.get(i, [])]
    return "\n".join(out + (["", *tail] if tail else []))


def run_page(result: OcrResult, render: Callable[[int, int], Picture],
             ocr: Callable[[list[Picture]], list[OcrResult]], *, first_page: bool, deadline: float) -> DatePass | None:
    """The second pass of one page. ``render(top, bottom)`` draws a band (first-pass pixels) at
    :data:`ZOOM`; ``ocr(pictures)`` OCRs them with :data:`PSM` (all at once: they are independent). None when no
    region is worth it, or the digit reader has no templates (no TLWG fonts)."""
    if not thaidigits.available():
        return None
    regions = date_regions(result, first_page=first_page)
    if not regions:
        return None
    start = time.monotonic()
    done = DatePass()
    bands = []
    for top, bottom in regions:
        if time.monotonic() + MIN_REGION_S >= deadline:
            break
        bands.append((top, bottom, render(top, bottom)))
    for (top, bottom, picture), read_back in zip(bands, ocr([p for _, _, p in bands]), strict=True):
        lines, read, changed = read_region(picture, read_back)
        zoom = picture.height / max(1, bottom - top)
        done.regions += 1
        done.numbers += read
        done.changed += changed
        done.lines += [(top + y / zoom, text) for y, text in lines]
    done.seconds = round(time.monotonic() - start, 2)
    return done if done.regions else None
