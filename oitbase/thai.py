"""Thai text normalisation shared by every matcher.

Text extracted from Thai government PDFs and web pages is damaged in a few recurring ways
(see ``../shared/realdocs/MANIFEST.md``): Private Use Area code points for tone marks,
decomposed or lost sara am, spaces inside words, tone marks in the wrong order or dropped,
zero-width characters, and Thai and Arabic digits used interchangeably.

Two levels of normalisation are offered:

* :func:`clean` gives a *display* form: standard code points, repaired mark order, tidy
  whitespace. It never changes letters or digits, so it is safe to show to users.
* :func:`fold` gives a *matching key*: ``clean`` plus the deliberate erasure of everything
  that extraction damage makes unreliable. Fold both the document and the searched phrase,
  then compare with plain substring search. :class:`Folded` does this once per document and
  maps hits back to the cleaned text.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Iterable
from itertools import islice

THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙"
ARABIC_DIGITS = "0123456789"
_TO_ARABIC = str.maketrans(THAI_DIGITS, ARABIC_DIGITS)
_THAI_DIGIT_RE = re.compile(f"[{THAI_DIGITS}]")
_TO_THAI = str.maketrans(ARABIC_DIGITS, THAI_DIGITS)

SARA_AA = "\u0e32"  # า
SARA_AM = "\u0e33"  # ำ
NIKHAHIT = "\u0e4d"  # ํ
MAI_HAN_AKAT = "\u0e31"  # ั

#: Tone marks plus thanthakhat (่ ้ ๊ ๋ ์): they sit on top of any upper or lower vowel.
TONE_MARKS = "\u0e48\u0e49\u0e4a\u0e4b\u0e4c"
#: Upper vowels and mai taikhu (ั ิ ี ึ ื ็): written before a tone mark in a cluster.
UPPER_VOWELS = "\u0e31\u0e34\u0e35\u0e36\u0e37\u0e47"
#: Lower vowels and phinthu (ุ ู ฺ).
LOWER_VOWELS = "\u0e38\u0e39\u0e3a"
COMBINING = TONE_MARKS + UPPER_VOWELS + LOWER_VOWELS + NIKHAHIT
CONSONANTS = "".join(chr(c) for c in range(0x0E01, 0x0E2F))  # ก..ฮ

# Windows (U+F700..U+F71A) and Mac (U+F884..U+F89E) Thai PUA glyph code points, as used by
# HarfBuzz's Thai shaper. They are positioned variants of the standard marks ("shifted down",
# "shifted left", ...), and of ญ/ฐ without their lower part.
_PUA = {
    0xF700: "ฐ", 0xF701: "ิ", 0xF702: "ี", 0xF703: "ึ", 0xF704: "ื",
    0xF705: "่", 0xF706: "้", 0xF707: "๊", 0xF708: "๋", 0xF709: "์",
    0xF70A: "่", 0xF70B: "้", 0xF70C: "๊", 0xF70D: "๋", 0xF70E: "์",
    0xF70F: "ญ", 0xF710: "ั", 0xF711: "ํ", 0xF712: "็",
    0xF713: "่", 0xF714: "้", 0xF715: "๊", 0xF716: "๋", 0xF717: "์",
    0xF718: "ุ", 0xF719: "ู", 0xF71A: "ฺ",
    0xF884: "ั", 0xF885: "ิ", 0xF886: "ี", 0xF887: "ึ", 0xF888: "ื", 0xF889: "็",
    0xF88A: "่", 0xF88B: "่", 0xF88C: "่", 0xF88D: "้", 0xF88E: "้", 0xF88F: "้",
    0xF890: "๊", 0xF891: "๊", 0xF892: "๊", 0xF893: "๋", 0xF894: "๋", 0xF895: "๋",
    0xF896: "์", 0xF897: "์", 0xF898: "์", 0xF899: "ํ", 0xF89A: "ญ", 0xF89B: "ุ",
    0xF89C: "ู", 0xF89D: "ฺ", 0xF89E: "ฐ",
}  # fmt: skip
#: Invisible characters removed by :func:`clean`.
ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
_PRE_TABLE = {**_PUA, **{ord(c): None for c in ZERO_WIDTH}}
_PRE_CHARS = re.compile("[" + "".join(map(chr, _PUA)) + ZERO_WIDTH + "]")

# Whitespace (``str.isspace``) other than space and \n\r\f\v, which are handled separately.
_OTHER_HSPACE = "\t\x1c-\x1f\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
_T, _U, _L, _C = TONE_MARKS, UPPER_VOWELS, LOWER_VOWELS, CONSONANTS
# Whitespace can never precede a combining mark or a following vowel (ะ า ำ ๅ): such a space
# is always an extraction artefact ("ขอ ้", "ต าแหน่ง", "ร าชการ").
_SPACE_BEFORE_MARK = re.compile(rf"\s+(?=[{COMBINING}\u0e30\u0e32\u0e33\u0e45])")
_TONE_BEFORE_VOWEL = re.compile(rf"([{_T}]+)([{_U}{_L}]+)")
_VOWEL_BEFORE_TONE = re.compile(rf"([\u0e32\u0e33])([{_T}]+)")  # "หนา้" -> "หน้า"
# A mai han-akat must be followed by a consonant or a tone mark. When it is not, it slipped
# one consonant to the right ("ที่ต้งั" -> "ที่ตั้ง", "ปฏิบตัิ" -> "ปฏิบัติ").
_STRAY_HAN_AKAT = re.compile(rf"([{_C}])([{_T}]?)([{_C}]){MAI_HAN_AKAT}(?![{_C}{_T}])")
_STRAY_HAN_AKAT_HINT = re.compile(rf"{MAI_HAN_AKAT}(?![{_C}{_T}])")
_SARA_AM_PARTS = re.compile(rf"{NIKHAHIT}([{_T}]?){SARA_AA}")  # "ํา", "ํ่า" -> "ำ", "่ำ"
_DOUBLE_MARK = re.compile(rf"([{COMBINING}])\1+")
_REPAIRS: list[tuple[re.Pattern[str], str]] = [
    (_SPACE_BEFORE_MARK, ""),
    (_TONE_BEFORE_VOWEL, r"\2\1"),
    (_VOWEL_BEFORE_TONE, r"\2\1"),
    (_SARA_AM_PARTS, rf"\1{SARA_AM}"),
    (_DOUBLE_MARK, r"\1"),
]
# NFC can only change a token holding a character outside these ranges (for Thai it would
# only move lower vowels before tone marks, which ``_TONE_BEFORE_VOWEL`` does), so the costly
# normalisation is skipped for plain Thai/Latin text.
_MAY_NEED_NFC = re.compile(r"[^\x00-\u02ff\u0e00-\u0e7f\u2002-\u206f]")
# Only runs that need a change: 2+ spaces, or any run holding a tab, nbsp, etc.
_HSPACE_RUN = re.compile(rf" [ {_OTHER_HSPACE}]+|[{_OTHER_HSPACE}][ {_OTHER_HSPACE}]*")
_MANY_NEWLINES = re.compile(r"\n{3,}")

_THAI_LETTER = re.compile(r"[\u0e01-\u0e30\u0e32\u0e33\u0e40-\u0e46]")
_ANY_LETTER = re.compile(r"[^\W\d_]")


def to_arabic_digits(s: str) -> str:
    """Replace Thai digits ๐-๙ with 0-9 (everything else unchanged)."""
    # A dict-based translate costs tens of ns a character: a page without Thai digits is only scanned.
    return s.translate(_TO_ARABIC) if _THAI_DIGIT_RE.search(s) else s


def to_thai_digits(s: str) -> str:
    """Replace 0-9 with Thai digits ๐-๙ (everything else unchanged)."""
    return s.translate(_TO_THAI)


def _nfc(text: str, max_tokens: int = 2000) -> str:
    """NFC, applied only to the whitespace-delimited tokens that may need it.

    NFC only acts inside a combining sequence, which never spans whitespace, so normalising
    just those tokens is exact. Text with many such tokens is normalised as a whole.
    """
    hits = list(islice(_MAY_NEED_NFC.finditer(text), max_tokens))
    if len(hits) == max_tokens:
        return unicodedata.normalize("NFC", text)
    out, last = [], 0
    for hit in hits:
        if hit.start() < last:
            continue
        a, b = hit.start(), hit.end()
        while a > last and not text[a - 1].isspace():
            a -= 1
        while b < len(text) and not text[b].isspace():
            b += 1
        out += [text[last:a], unicodedata.normalize("NFC", text[a:b])]
        last = b
    out.append(text[last:])
    return "".join(out)


def _repair_marks(text: str) -> tuple[str, int]:
    """One pass of mark repairs; returns the text and the number of changes."""
    changes = 0
    for pattern, repl in _REPAIRS:
        text, n = pattern.subn(repl, text)
        changes += n
    if _STRAY_HAN_AKAT_HINT.search(text):  # rare: skip the costly pattern on clean text
        text, n = _STRAY_HAN_AKAT.subn(rf"\1{MAI_HAN_AKAT}\2\3", text)
        changes += n
    return text, changes


def _tidy_whitespace(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n").replace("\v", "\n")
    text = _HSPACE_RUN.sub(" ", text).replace(" \n", "\n").replace("\n ", "\n")
    return _MANY_NEWLINES.sub("\n\n", text).strip()


def clean(text: str) -> str:
    """Return the display form of extracted Thai text.

    Maps Thai PUA glyphs to standard code points, removes zero-width characters and soft
    hyphens, applies NFC, repairs the order of marks inside a cluster (upper/lower vowel
    before tone mark, tone mark before า/ำ, a slipped ั), composes sara am ("ํา" -> "ำ",
    "ํ่า" -> "่ำ"), removes spaces in front of combining marks and following vowels, collapses
    runs of horizontal whitespace to one space, strips spaces at both ends of each line,
    collapses 3+ newlines to 2 and strips the whole text. Letters and digits are kept.
    Idempotent: ``clean(clean(t)) == clean(t)``.
    """
    if _PRE_CHARS.search(text):
        text = text.translate(_PRE_TABLE)
    text = _nfc(text)
    for _ in range(4):  # a repair can expose another one ("ต ้ งั"); stop when stable
        text, changes = _repair_marks(text)
        if not changes:
            break
    return _tidy_whitespace(text)


#: Characters :func:`fold` erases. After :func:`clean` the only whitespace left is " " and "\n".
_FOLD_ERASE = " \n" + TONE_MARKS + "\u0e47"
_ASCII_UPPER = re.compile(r"[A-Z]+")
_FOLD_REPLACE = [(SARA_AM, SARA_AA), *zip(THAI_DIGITS, ARABIC_DIGITS, strict=True)]
_FOLD_REPLACE += [(dash, "-") for dash in "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"]


def _fold_cleaned(text: str) -> str:
    """The per-character part of :func:`fold`, for text that is already clean.

    It only erases or replaces single characters, which is what lets :class:`Folded` map
    folded positions back. (``str.replace`` chains are several times faster than a
    dict-based ``str.translate`` on Thai text.)
    """
    for ch in _FOLD_ERASE:
        if ch in text:
            text = text.replace(ch, "")
    for old, new in _FOLD_REPLACE:
        if old in text:
            text = text.replace(old, new)
    return _ASCII_UPPER.sub(lambda m: m.group().lower(), text)


def fold(text: str) -> str:
    """Return the matching key of ``text``: apply it to the document AND the phrase.

    ``clean(text)``, then character by character:

    * Thai digits ๐-๙ become ASCII 0-9 ("๒๕61" -> "2561");
    * ALL whitespace is erased (spaces, newlines, tabs: "ขอ้ มูล", "ร าชการ" match);
    * sara am ำ becomes sara aa า (lost sara am "สานักงาน" and า/ำ swaps "นำยก" match);
    * tone marks ่ ้ ๊ ๋, thanthakhat ์ and mai taikhu ็ are erased (dropped/moved marks match);
    * ASCII A-Z become a-z; Unicode dashes (‐ ‑ ‒ – — ― −) become "-".

    Everything else (consonants, other vowels, punctuation) is kept as it is.
    """
    return _fold_cleaned(clean(text))


def fold_cleaned(text: str) -> str:
    """:func:`fold` of a text that is already clean (``clean(text) == text``), without cleaning it again."""
    return _fold_cleaned(text)


class Folded:
    """A text folded once, for many fast phrase look-ups.

    ``.cleaned`` is :func:`clean` of the text and ``.folded`` is :func:`fold` of it. Because
    folding a cleaned text is a per-character translation that only deletes or replaces
    characters, folded positions map back to cleaned positions; the map is built lazily in
    chunks, so ``contains``/``count`` cost one ``str.find``/``str.count`` on the folded text.
    An empty (after folding) phrase is never found.
    """

    _CHUNK = 2048

    def __init__(self, text: str) -> None:
        self.cleaned = clean(text)
        self.folded = _fold_cleaned(self.cleaned)
        self._chunk_starts: list[int] | None = None

    def __len__(self) -> int:
        return len(self.folded)

    def contains(self, phrase: str) -> bool:
        key = fold(phrase)
        return bool(key) and key in self.folded

    def count(self, phrase: str) -> int:
        """Number of non-overlapping hits."""
        key = fold(phrase)
        return self.folded.count(key) if key else 0

    def find(self, phrase: str) -> tuple[int, int] | None:
        """Span ``(start, end)`` in ``.cleaned`` of the first hit, or None.

        The span covers any erased marks right after the last matched letter, so a hit on
        "ที่" spans the tone mark too.
        """
        key = fold(phrase)
        pos = self.folded.find(key) if key else -1
        if pos < 0:
            return None
        start = self._to_cleaned(pos)
        end = self._to_cleaned(pos + len(key) - 1) + 1
        while end < len(self.cleaned) and self.cleaned[end] in TONE_MARKS + "\u0e47":
            end += 1
        return start, end

    def snippet(self, phrase: str, width: int = 80) -> str:
        """About ``width`` characters of cleaned text around the first hit ("" if none).

        Newlines become spaces; "…" marks text cut off on either side.
        """
        span = self.find(phrase)
        if span is None:
            return ""
        start, end = span
        margin = max(0, (width - (end - start)) // 2)
        lo, hi = max(0, start - margin), min(len(self.cleaned), end + margin)
        text = " ".join(self.cleaned[lo:hi].split())
        return ("…" if lo > 0 else "") + text + ("…" if hi < len(self.cleaned) else "")

    def _index(self) -> list[int]:
        if self._chunk_starts is None:
            starts, total = [], 0
            for i in range(0, len(self.cleaned), self._CHUNK):
                starts.append(total)
                total += len(_fold_cleaned(self.cleaned[i : i + self._CHUNK]))
            self._chunk_starts = starts
        return self._chunk_starts

    def _to_cleaned(self, fpos: int) -> int:
        """Position in ``.cleaned`` of the character at ``fpos`` in ``.folded``."""
        starts = self._index()
        k = bisect_right(starts, fpos) - 1
        count, i = starts[k], k * self._CHUNK
        while True:
            if self.cleaned[i] not in _FOLD_ERASE:
                if count == fpos:
                    return i
                count += 1
            i += 1


def contains_any(folded: Folded, phrases: Iterable[str]) -> str | None:
    """The first of ``phrases`` (in the given order) found in ``folded``, or None."""
    for phrase in phrases:
        if folded.contains(phrase):
            return phrase
    return None


def thai_ratio(text: str) -> float:
    """Share of Thai letters among all letters (0.0 when there are no letters).

    Combining marks and digits are not letters. A PDF text layer that should be Thai but
    comes out as Greek or Latin garbage (fonts without ToUnicode) scores near 0.
    """
    letters = len(_ANY_LETTER.findall(text))
    return len(_THAI_LETTER.findall(text)) / letters if letters else 0.0


# --------------------------------------------------------------------------- fuzzy matching

#: Default tolerance of :func:`fuzzy_contains`: edits allowed per character of the folded phrase.
FUZZY_TOLERANCE = 0.10


def fuzzy_distance(key: str, folded_text: str) -> int:
    """Fewest Levenshtein edits turning ``key`` into some substring of ``folded_text``.

    Both arguments should already be folded (:func:`fold`). Myers' bit-parallel algorithm
    (semi-global variant): one pass over the text with Python integers as bit vectors, so
    it is linear in the text length for any phrase length.
    """
    m = len(key)
    if m == 0:
        return 0
    peq: dict[str, int] = {}
    for i, ch in enumerate(key):
        peq[ch] = peq.get(ch, 0) | (1 << i)
    mask = (1 << m) - 1
    high = 1 << (m - 1)
    pv, mv, score, best = mask, 0, m, m
    for ch in folded_text:
        eq = peq.get(ch, 0)
        xv = eq | mv
        xh = (((eq & pv) + pv) ^ pv) | eq
        ph = mv | (~(xh | pv) & mask)
        mh = pv & xh
        if ph & high:
            score += 1
        elif mh & high:
            score -= 1
            if score < best:
                best = score
                if best == 0:
                    return 0
        ph = (ph << 1) & mask
        mh = (mh << 1) & mask
        pv = mh | (~(xv | ph) & mask)
        mv = ph & xv
    return best


def fuzzy_contains(text: str | Folded, phrase: str, tolerance: float = FUZZY_TOLERANCE) -> bool:
    """True when ``phrase`` occurs in ``text`` after :func:`fold`, allowing a few edits.

    The rule (used by the realdocs tests and benchmarks): fold both; an exact substring hit
    counts; otherwise some substring of the folded text must be within
    ``floor(tolerance × len(folded phrase))`` Levenshtein edits (insertions, deletions,
    substitutions) of the folded phrase. With the default 10 %, a 12-letter phrase may have
    one wrong letter (OCR misreads, a dropped sara u), a 25-letter phrase two.
    """
    folded = text.folded if isinstance(text, Folded) else fold(text)
    key = fold(phrase)
    if not key:
        return False
    if key in folded:
        return True
    allowed = int(tolerance * len(key))
    return allowed > 0 and fuzzy_distance(key, folded) <= allowed


# --------------------------------------------------------------------------- spaced-apart letters

#: One-consonant Thai words that often stand alone between spaces: never glued to neighbours.
_STANDALONE = frozenset("ณ ๆ ฯ ก็ ที่ มี ดี ปี ผู้ สู่ นี้ ดู ถ้ ธ".split())
_THAI_TOKEN = re.compile(r"[\u0e01-\u0e4e]+")
_FRAGMENT = re.compile(rf"[{CONSONANTS}][{COMBINING}]*")
_SPACED_RUN = re.compile(r"[\u0e01-\u0e4e]+(?: [\u0e01-\u0e4e]+)+")


def _is_fragment(token: str) -> bool:
    """A lone consonant with its marks ("บั", "ติ", "ร", "ป้"): a piece of a word, not a word."""
    return bool(_FRAGMENT.fullmatch(token)) and token not in _STANDALONE


def rejoin_spaced_letters(text: str) -> str:
    """Glue Thai letters that justified lines spread apart: "แผนปฏิ บั ติ ร าชการ" -> "แผนปฏิบัติราชการ".

    Run after :func:`clean` (which already removes spaces before marks and following vowels,
    "ร าชการ" -> "ราชการ"). A single space between two Thai tokens is removed when either token is
    a *fragment*: one consonant with only combining marks, which is not one of the common
    one-consonant words (ที่, มี, ปี, ณ …). For display only: :func:`fold` erases all whitespace,
    so matching never needs it.
    """

    def glue(run: re.Match[str]) -> str:
        tokens = run.group().split(" ")
        out = tokens[0]
        for prev, tok in zip(tokens, tokens[1:], strict=False):
            out += tok if _is_fragment(prev) or _is_fragment(tok) else " " + tok
        return out

    return _SPACED_RUN.sub(glue, clean(text))
