"""Read Thai digits (๐–๙) from a picture of a word: the digit reader of the date pass.

Tesseract's Thai models (Debian ``tesseract-ocr-tha`` and ``tesseract-ocr-script-thai``, both
``synth20170629``) know only five Thai digits: their character sets hold ๐ ๑ ๒ ๓ ๕ and no
๔ ๖ ๗ ๘ ๙, so "๒๕๖๗" can only come out as "๒๕๒๓", "๒๕๒๐", "๒๕๐๕" … whatever the resolution
or page segmentation. This module re-reads the digits of a word that Tesseract found: the word's
box is binarised (Otsu), cut into connected components (a Thai digit is one stroke), and each
component is matched against templates of the ten digits drawn with the installed TLWG fonts
(``fonts-thai-tlwg``: Laksaman is the free TH Sarabun, the face of official documents).

Pure Python on small crops (a year is ~4 components of ~50 × 50 px): a few milliseconds per word.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from oitbase.thai import THAI_DIGITS

FONT_DIR = Path("/usr/share/fonts/truetype/tlwg")
#: Template faces: upright TLWG fonts whose digits look like printed official documents.
TEMPLATE_FONTS = (
    "Laksaman", "Laksaman-Bold", "Norasi", "Norasi-Bold", "Kinnari", "Kinnari-Bold", "Garuda",
    "Garuda-Bold", "Loma", "Loma-Bold", "Waree", "Waree-Bold", "Umpush", "Umpush-Bold", "TlwgTypo",
    "Sawasdee",
)  # fmt: skip
GRID = 14
#: A component wider than 1.45 line heights is that many touching digits of this width (in heights).
SPLIT_WIDTH = 0.95
#: Weight of the aspect-ratio term against the grid distance.
ASPECT_WEIGHT = 6.0


@dataclass(frozen=True)
class Glyph:
    """One connected component: its box in the crop and its normalised picture."""

    x0: int
    y0: int
    x1: int
    y1: int
    cells: tuple[float, ...]

    @property
    def width(self) -> int:
        return self.x1 - self.x0

    @property
    def height(self) -> int:
        return self.y1 - self.y0


@dataclass(frozen=True)
class DigitRead:
    """The digits read from a word picture, with the mean template distance (lower is surer)."""

    digits: str
    distance: float
    glyphs: int


def otsu(gray: bytes | bytearray) -> int:
    """Otsu's threshold of 8-bit gray samples (ink is darker than it)."""
    hist = [0] * 256
    for v in gray:
        hist[v] += 1
    total = len(gray)
    sum_all = sum(i * h for i, h in enumerate(hist))
    best, threshold, w_b, sum_b = -1.0, 128, 0, 0
    for t in range(256):
        w_b += hist[t]
        if w_b == 0:
            continue
        w_f = total - w_b
        if w_f == 0:
            break
        sum_b += t * hist[t]
        m_b, m_f = sum_b / w_b, (sum_all - sum_b) / w_f
        between = w_b * w_f * (m_b - m_f) ** 2
        if between > best:
            best, threshold = between, t
    return threshold


def _components(ink: bytearray, width: int, height: int) -> list[list[int]]:
    """8-connected components of the ink mask: lists of pixel indexes."""
    seen = bytearray(len(ink))
    out = []
    start = ink.find(1)
    while start >= 0:
        if seen[start]:
            start = ink.find(1, start + 1)
            continue
        seen[start] = 1
        stack, pixels = [start], []
        while stack:
            p = stack.pop()
            pixels.append(p)
            y, x = divmod(p, width)
            for dy in (-1, 0, 1):
                ny = y + dy
                if ny < 0 or ny >= height:
                    continue
                row = ny * width
                for dx in (-1, 0, 1):
                    nx = x + dx
                    if 0 <= nx < width:
                        q = row + nx
                        if ink[q] and not seen[q]:
                            seen[q] = 1
                            stack.append(q)
        out.append(pixels)
        start = ink.find(1, start + 1)
    return out


def _split(box: list, pieces: int, width: int) -> list[list]:
    """Cut a component of ``pieces`` touching glyphs at the emptiest columns near the even cuts."""
    x0, x1, pixels = box[0], box[2], box[4]
    columns = [0] * (x1 - x0)
    for p in pixels:
        columns[p % width - x0] += 1
    span = x1 - x0
    cuts = []
    for i in range(1, pieces):
        centre = i * span // pieces
        lo, hi = max(1, centre - span // (3 * pieces)), min(span - 1, centre + span // (3 * pieces))
        cuts.append(x0 + min(range(lo, hi + 1), key=lambda c: (columns[c], abs(c - centre))))
    bounds = [x0, *cuts, x1]
    out = []
    for a, b in zip(bounds, bounds[1:], strict=False):
        part = [p for p in pixels if a <= p % width < b]
        if part:
            ys = [p // width for p in part]
            out.append([a, min(ys), b, max(ys) + 1, part])
    return out


def _normalise(pixels: list[int], width: int) -> Glyph:
    xs = [p % width for p in pixels]
    ys = [p // width for p in pixels]
    x0, x1, y0, y1 = min(xs), max(xs) + 1, min(ys), max(ys) + 1
    w, h = x1 - x0, y1 - y0
    counts = [0] * (GRID * GRID)
    for x, y in zip(xs, ys, strict=True):
        cx = min(GRID - 1, (x - x0) * GRID // w)
        cy = min(GRID - 1, (y - y0) * GRID // h)
        counts[cy * GRID + cx] += 1
    cell_area = max(1.0, w * h / (GRID * GRID))
    cells = tuple(min(1.0, c / cell_area) for c in counts)
    return Glyph(x0, y0, x1, y1, cells)


def glyphs(gray: bytes | bytearray, width: int, height: int, threshold: int | None = None, *,
           split: bool = True) -> list[Glyph]:
    """The word's components left to right, specks dropped and pieces of one stroke merged.

    A speck is smaller than 1/3 of the tallest component in both directions (dots of "พ.ศ.",
    scan noise); components overlapping by more than half of the narrower one horizontally are
    parts of one glyph (a stroke broken by the scan) and are merged."""
    if width <= 0 or height <= 0:
        return []
    t = otsu(gray) if threshold is None else threshold
    ink = bytearray(1 if v <= t else 0 for v in gray)
    comps = [c for c in _components(ink, width, height) if len(c) >= 4]
    if not comps:
        return []
    boxes = []
    for pixels in comps:
        xs = [p % width for p in pixels]
        ys = [p // width for p in pixels]
        boxes.append([min(xs), min(ys), max(xs) + 1, max(ys) + 1, pixels])
    tallest = max(b[3] - b[1] for b in boxes)
    boxes = [b for b in boxes if (b[3] - b[1]) * 3 >= tallest or (b[2] - b[0]) * 3 >= tallest]
    boxes.sort(key=lambda b: b[0])
    merged: list[list] = []
    for box in boxes:
        if merged:
            last = merged[-1]
            overlap = min(last[2], box[2]) - max(last[0], box[0])
            if overlap * 2 > min(last[2] - last[0], box[2] - box[0]):
                last[0], last[1] = min(last[0], box[0]), min(last[1], box[1])
                last[2], last[3] = max(last[2], box[2]), max(last[3], box[3])
                last[4] = last[4] + box[4]
                continue
        merged.append(box)
    heights = sorted(b[3] - b[1] for b in merged)
    ref = heights[len(heights) // 2]
    out = []
    for box in merged:
        wide = split and box[2] - box[0] > 1.45 * ref
        pieces = round((box[2] - box[0]) / (SPLIT_WIDTH * ref)) if wide else 1
        out += _split(box, pieces, width) if pieces > 1 else [box]
    return [_normalise(b[4], width) for b in out]


@cache
def templates() -> tuple[tuple[str, Glyph], ...]:
    """(digit, glyph) for each digit in each installed template font (empty without the fonts)."""
    import pymupdf

    out = []
    for name in TEMPLATE_FONTS:
        path = FONT_DIR / f"{name}.ttf"
        if not path.exists():
            continue
        # One page per font, the digits spaced apart, so each is one component.
        doc = pymupdf.open()
        page = doc.new_page(width=40 * len(THAI_DIGITS), height=40)
        font = pymupdf.Font(fontfile=str(path))
        writer = pymupdf.TextWriter(page.rect)
        for i, digit in enumerate(THAI_DIGITS):
            writer.append((8 + 40 * i, 28), digit, font=font, fontsize=22)
        writer.write_text(page)
        pix = page.get_pixmap(dpi=144, colorspace=pymupdf.csGRAY)
        found = glyphs(pix.samples, pix.width, pix.height, threshold=128, split=False)
        if len(found) == len(THAI_DIGITS):
            out += zip(THAI_DIGITS, found, strict=True)
    return tuple(out)


def available() -> bool:
    return bool(templates())


def _distance(a: Glyph, b: Glyph) -> float:
    grid = sum((x - y) ** 2 for x, y in zip(a.cells, b.cells, strict=True)) / len(a.cells)
    aspect = math.log(max(1, a.width) / max(1, a.height)) - math.log(max(1, b.width) / max(1, b.height))
    return grid + ASPECT_WEIGHT * aspect * aspect / 100


def ranked(glyph: Glyph) -> list[tuple[str, float]]:
    """Every digit with its distance to the glyph (its nearest template), nearest first."""
    best: dict[str, float] = {}
    for digit, tmpl in templates():
        d = _distance(glyph, tmpl)
        if d < best.get(digit, math.inf):
            best[digit] = d
    return sorted(best.items(), key=lambda item: item[1])


def classify(glyph: Glyph) -> tuple[str, float]:
    """(nearest digit, its distance); ("", inf) without templates."""
    found = ranked(glyph)
    return found[0] if found else ("", math.inf)


def read_digits(gray: bytes | bytearray, width: int, height: int, *, skip: int = 0) -> DigitRead:
    """The Thai digits drawn in a word picture (8-bit gray, ``width`` × ``height``).

    ``skip`` leading glyphs are letters ("พ.ศ.๒๕๖๗" read as one word: skip 2 for พ and ศ)."""
    found = glyphs(gray, width, height)[skip:]
    digits, total = [], 0.0
    for glyph in found:
        digit, dist = classify(glyph)
        digits.append(digit)
        total += dist
    return DigitRead("".join(digits), round(total / len(found), 4) if found else math.inf, len(found))
