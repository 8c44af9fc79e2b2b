"""Thai dates, Buddhist-era years, fiscal years and reporting periods in document text.

Works on text that went through :func:`oitbase.thai.clean` (Thai or ASCII digits, mixed digits
such as "๒๕61" too). Keywords tolerate typical extraction damage: a lost or swapped sara am
("ประจาปี"), a space inside a word ("ปี งบประมาณ") and dropped tone marks.

The Thai fiscal year (ปีงบประมาณ) N พ.ศ. runs from 1 October (N-1)-543 CE to 30 September
N-543 CE. Every :class:`datetime.date` returned here is a normal (CE) date; every year called
``year``/``fy`` is a Buddhist-era (BE) year.

Year policy (:func:`find_years`): a bare 4-digit number is never taken as a year, except in a
range ("2566 - 2570") or after a keyword (พ.ศ., ปี, ประจำปี, ปีงบประมาณ, a month name).
Only BE years 2500-2600 count. CE years count only when written with "ค.ศ." (1990-2060; they
are converted to BE) because a plain 2024 may be an amount or a code. Two-digit years count
only after ปี/ปีงบ/ปีงบประมาณ or an abbreviated month ("ต.ค. 66"), and only for 2540-2599.

OCR'd date lines (:func:`read_year`): after a year keyword or a month, a 4-character year may be
written with spaces between its digits ("๒ ๕ ๖ ๗"), with letters OCR puts for digits ("๒๕o๖",
"๒๕๖ซ") and with misread digits. A year outside :func:`recent_years` (2540 to ten years from
now) is taken as a misread: the digits OCR confuses (:data:`DIGIT_CONFUSIONS`, measured on
Tesseract's Thai model, which has no ๔ ๖ ๗ ๘ ๙ at all) are tried, and the reading in range that
changes the fewest digits is kept, flagged ``corrected`` with the other readings in range as
``alternatives``. A year that is in range as read is never changed (๒๕๖๘ stays 2568 even if it
may be a misread ๒๕๖๖), nor is the year of a cited law, a range or a numeric date. Page numbers,
phone numbers, amounts ("๒,๕๖๗ บาท") and document numbers ("ที่ นม ๘๐๓๐๑/๒๕๖๖": the part after
the slash of a letter's number is its registration number; an order's "ที่ ๑๕๐/๒๕๖๓" carries
its year, but its date line says it too) are never years. :func:`main_year` uses the exact
mentions first and corrected ones only when no exact mention decides.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from oitbase.thai import SARA_AM, TONE_MARKS, to_arabic_digits

BE_OFFSET = 543
MIN_BE, MAX_BE = 2500, 2600
MIN_CE, MAX_CE = 1990, 2060
#: A year read from a scan outside [RECENT_MIN_BE, this year + RECENT_AHEAD] is taken as misread
#: (a full date: more than DATE_AHEAD years ahead).
RECENT_MIN_BE = 2540
RECENT_AHEAD = 5
DATE_AHEAD = 1
#: What an OCR engine reads for a digit: value read -> true values, likeliest first. Tesseract's
#: Thai model (``tha``, also ``script/Thai``) has only ๐ ๑ ๒ ๓ ๕ and writes ๖ as ๒ (or ๐), ๗ as
#: ๐/๓/๑, ๘ as ๕/๐, ๙ as ๕/๓/๑, ๔ as ๕ (measured on TLWG renders and the realdocs scans); the
#: others are the visual pairs of trial reports (๒/๖/๘, ๕/๙).
DIGIT_CONFUSIONS: dict[str, str] = {
    "0": "768", "1": "79", "2": "68", "3": "798", "5": "984", "6": "28", "8": "62", "9": "53",
    "4": "5", "7": "03",
}  # fmt: skip
#: Letters OCR writes for a digit inside a year (o/O for ๐, ด for ๑, ส for ๔, ซ for ๗).
LETTER_DIGITS: dict[str, str] = {"o": "0", "O": "0", "ด": "1", "ส": "4", "ซ": "7"}
_LOOKALIKES = "".join(LETTER_DIGITS)
_D = "[0-9๐-๙]"
_NOT_DIGIT_AFTER = "(?![0-9๐-๙])"
_NOT_DIGIT_BEFORE = "(?<![0-9๐-๙])"

# (month, full name, abbreviation)
_MONTHS: list[tuple[int, str, str]] = [
    (1, "มกราคม", "ม.ค."), (2, "กุมภาพันธ์", "ก.พ."), (3, "มีนาคม", "มี.ค."),
    (4, "เมษายน", "เม.ย."), (5, "พฤษภาคม", "พ.ค."), (6, "มิถุนายน", "มิ.ย."),
    (7, "กรกฎาคม", "ก.ค."), (8, "สิงหาคม", "ส.ค."), (9, "กันยายน", "ก.ย."),
    (10, "ตุลาคม", "ต.ค."), (11, "พฤศจิกายน", "พ.ย."), (12, "ธันวาคม", "ธ.ค."),
]  # fmt: skip


def _kw(word: str) -> str:
    """Regex for a Thai keyword, tolerant of extraction damage.

    Allows one whitespace between letters, a missing tone mark and ำ written as า / " า".
    """
    parts = []
    for ch in word:
        if ch in TONE_MARKS:
            parts.append(ch + "?")
        elif ch == SARA_AM:
            parts.append("(?:ำ|า)")
        elif ch == " ":
            parts.append(r"\s*")
        else:
            parts.append(re.escape(ch))
    return r"\s?".join(parts)


def _month_key(token: str) -> str:
    return re.sub(rf"[\s.{TONE_MARKS}]", "", token).replace(SARA_AM, "า")


_MONTH_BY_KEY: dict[str, tuple[int, bool]] = {}
for _no, _full, _abbr in _MONTHS:
    _MONTH_BY_KEY[_month_key(_full)] = (_no, False)
    _MONTH_BY_KEY[_month_key(_abbr)] = (_no, True)

_FULL = "|".join(_kw(full) for _, full, _ in sorted(_MONTHS, key=lambda m: -len(m[1])))
_DOTTED = "|".join(
    r"\s?\.\s?".join(_kw(p) for p in abbr.strip(".").split(".")) + r"\.?" for _, _, abbr in _MONTHS
)
_UNDOTTED = "|".join(abbr.replace(".", "") for _, _, abbr in _MONTHS)
#: A month name: full, abbreviated with dots ("ต.ค."), or without dots before a number ("ตค66").
MONTH = rf"(?:{_FULL}|(?:(?<![ก-ฮ])|(?<=เดือน))(?:{_DOTTED}|(?:{_UNDOTTED})\.?(?=\s*{_D})))"
# "พ.ศ.", "พ.ศ", "พศ", misread dots ("พ,ศ.", "พ.ศ:") and a form's dot leaders ("พ.ศ...๒๕๖๗").
_BE_MARK = r"พ\s?[.,:·]{0,3}\s?ศ(?:\s?[.,:·]{1,3})?"
_CE_MARK = r"ค\s?\.?\s?ศ\s?\.?"
#: Dot leaders and spaces between the parts of a date in a filled-in form.
_GAP = r"[\s.…_]*"
#: A written year: 4 digits (possibly spaced "๒ ๕ ๖ ๗" when it starts with 25), 4 characters with
#: OCR letters for digits ("๒๕o๖", not glued to a Thai word), or 2 digits.
_YTOK = (
    rf"(?:[๒2] {{0,2}}[๕5] {{0,2}}{_D} {{0,2}}{_D}|{_D}{{4}}|{_D}[0-9๐-๙{_LOOKALIKES}]{{3}}(?![ก-๛])|{_D}{{2}})"
)
_YEAR = rf"(?:{_BE_MARK}{_GAP})?({_YTOK}){_NOT_DIGIT_AFTER}"
_FISCAL_KW = rf"(?:{_kw('ปีงบประมาณ')}|{_kw('ปีงบ')}\.?|{_kw('งบประมาณ')}(?=\s*{_BE_MARK}))"
_YEAR_KW = rf"(?:{_kw('ประจำปี')}|ปี)"
# After a 2-digit number these words mean a count ("3 ปี 10 เดือน"), not a year.
_NOT_A_COUNT_RE = re.compile(r"(?!\s*(?:ปี|เดือน|วัน|คน|ราย|ครั้ง|บาท|ชั่วโมง|%|[.,:/]\d))")

# A Thai word where a date has its month: matched to a month name allowing OCR damage (_fuzzy_month).
_MONTHISH = r"[ก-ฮเแโใไ][ก-๛]{3,13}?"
_DATE_RE = re.compile(
    rf"{_NOT_DIGIT_BEFORE}({_D}{{1,2}}){_GAP}(?:{_kw('เดือน')}{_GAP})?({MONTH}|{_MONTHISH}){_GAP}{_YEAR}"
)
_NUM_DATE_RE = re.compile(
    rf"(?<![0-9๐-๙/.-])({_D}{{1,2}})([/-])({_D}{{1,2}})\2({_D}{{4}}|{_D}{{2}})(?![0-9๐-๙/])"
)
_ISO_DATE_RE = re.compile(rf"{_NOT_DIGIT_BEFORE}({_D}{{4}})-({_D}{{2}})-({_D}{{2}}){_NOT_DIGIT_AFTER}")
_MONTH_YEAR_RE = re.compile(rf"({MONTH}){_GAP}{_YEAR}")
_FISCAL_RE = re.compile(rf"{_FISCAL_KW}\s*{_YEAR}")
_BE_RE = re.compile(
    rf"(?:({_YEAR_KW})\s*(?:{_BE_MARK}{_GAP})?|{_BE_MARK}{_GAP})({_YTOK}){_NOT_DIGIT_AFTER}"
)
_CE_RE = re.compile(rf"{_CE_MARK}\s*({_D}{{4}}){_NOT_DIGIT_AFTER}")
_RANGE_RE = re.compile(
    rf"(?:{_BE_MARK}\s*)?{_NOT_DIGIT_BEFORE}({_D}{{4}})\s*(?:[-–—]|ถึง)\s*(?:{_BE_MARK}\s*)?"
    rf"({_D}{{4}}){_NOT_DIGIT_AFTER}"
)

_PREFIX = rf"(?:(?:{_kw('วันที่')}|{_kw('เดือน')}|{_kw('ตั้งแต่')})\s*)*"
_SIDE = rf"(?:({_D}{{1,2}})\s*)?({MONTH})(?:\s*(?:{_BE_MARK}\s*)?({_D}{{4}}|{_D}{{2}}){_NOT_DIGIT_AFTER})?"
_SEP = rf"\s*(?:[-–—~]|{_kw('จนถึง')}|{_kw('ถึง')})\s*"
_PERIOD_RE = re.compile(rf"{_NOT_DIGIT_BEFORE}{_SIDE}{_SEP}{_PREFIX}{_SIDE}")
_SIX = rf"(?:6|๖|{_kw('หก')})"
_SIX_MONTHS_RE = re.compile(
    rf"{_kw('รอบ')}\s*{_SIX}\s*{_kw('เดือน')}(?!\s*{_kw('หลัง')})"
    rf"|{_SIX}\s*{_kw('เดือน')}\s*{_kw('แรก')}"
    rf"|{_kw('ครึ่ง')}\s*(?:{_kw('ปี')}\s*(?:{_kw('งบประมาณ')}\s*)?)?{_kw('แรก')}"
)
# A range of quarters: "ไตรมาสที่ 1-2", "ไตรมาส ๑ และ ๒" (a single quarter is too often a
# deadline or a list number: "รายไตรมาส ๔.จัดทำ...").
_QUARTER_RE = re.compile(
    rf"{_kw('ไตรมาส')}\s*(?:{_kw('ที่')}\s*)?([1-4๑-๔])"
    rf"\s*(?:[-–—,]|{_kw('ถึง')}|{_kw('และ')})\s*(?:{_kw('ไตรมาส')}\s*)?(?:{_kw('ที่')}\s*)?"
    rf"([1-4๑-๔]){_NOT_DIGIT_AFTER}(?![.)]?[0-9๐-๙])"
)

YearKind = Literal["fiscal", "be", "range", "date", "law"]
# A พ.ศ. year shortly after one of these words is the year of a cited act or regulation
# ("พระราชบัญญัติข้อมูลข่าวสารของราชการ พ.ศ. ๒๕๔๐"), not the year the document is about.
_LAW_RE = re.compile(
    r"พระราชบัญญัติ|พ\.\s?ร\.\s?บ\.|พระราชกฤษฎีกา|พ\.\s?ร\.\s?ฎ\.|ระเบียบ|กฎกระทรวง|รัฐธรรมนูญ"
    r"|ข้อบังคับ|ประมวลกฎหมาย|มติคณะรัฐมนตรี"
)


@dataclass(frozen=True)
class YearReading:
    """How a written year token was read (:func:`read_year`).

    ``corrected``: the digits as written were not a plausible year and OCR confusions were undone
    (or letters read as digits); ``raw`` is the token as written and ``alternatives`` the other
    plausible readings (fewest changes first). A reading that is not corrected has no alternatives."""

    year: int
    corrected: bool = False
    raw: str = ""
    alternatives: tuple[int, ...] = ()
    #: Corrected, and another reading needs as few changes: the choice among them is a guess.
    ambiguous: bool = False


@dataclass(frozen=True)
class DateMention:
    date: dt.date
    span: tuple[int, int]
    text: str = ""
    #: The year (or, for a damaged month name, the month) was corrected: see :class:`YearReading`.
    corrected: bool = False


@dataclass(frozen=True)
class YearMention:
    """A year in the text. ``kind``: "fiscal" (ปีงบประมาณ 2567), "be" (พ.ศ./ปี/ประจำปี 2567 or
    ค.ศ. converted to BE), "range" (2566-2570: ``year`` is the start, ``end`` the last year)
    "date" (the year of a date or of a month name: "ต.ค. 66", "9 ธันวาคม 2563") or "law"
    (the พ.ศ. year closing a cited act or regulation: "พระราชบัญญัติ... พ.ศ. ๒๕๔๐")."""

    year: int
    kind: YearKind
    span: tuple[int, int]
    end: int | None = None
    #: The year was read from damaged digits (see :class:`YearReading`): ``raw`` as written,
    #: ``alternatives`` the other plausible readings.
    corrected: bool = False
    raw: str = ""
    alternatives: tuple[int, ...] = ()


@dataclass(frozen=True)
class MainYear:
    """What :func:`main_year` decided: the fiscal year, whether it rests only on corrected
    readings (then ``alternatives`` are the other fiscal years those readings allow), and the
    kind of evidence ("fiscal", "range", "be" or "date")."""

    year: int
    kind: str
    corrected: bool = False
    alternatives: tuple[int, ...] = ()


@dataclass(frozen=True)
class Period:
    """A reporting period. ``inferred`` is True when the dates were not written but derived
    from a phrase ("รอบ 6 เดือน", "ไตรมาสที่ 1-2") and a nearby fiscal year."""

    start: dt.date
    end: dt.date
    text: str
    inferred: bool = False
    span: tuple[int, int] = (0, 0)

    @property
    def fiscal_year(self) -> int:
        return fiscal_year_of(self.start)

    @property
    def months(self) -> int:
        return round(((self.end - self.start).days + 1) / 30.4375)

    def thai(self) -> str:
        """The period in Thai, e.g. "ต.ค. 2566 – มี.ค. 2567"."""
        abbr = {m: a for m, _, a in _MONTHS}
        start, end = self.start, self.end
        return f"{abbr[start.month]} {start.year + BE_OFFSET} – {abbr[end.month]} {end.year + BE_OFFSET}"

    def is_first_half_of(self, fy: int) -> bool:
        """True for roughly October (fy-1) .. March (fy): the start may be in Sep-Nov of
        fy-1 and the end in Feb-Apr of fy (one month of slack either way)."""
        start_ok = self.start.year == fy - BE_OFFSET - 1 and 9 <= self.start.month <= 11
        end_ok = self.end.year == fy - BE_OFFSET and 2 <= self.end.month <= 4
        return start_ok and end_ok


def _num(s: str) -> int:
    return int(to_arabic_digits(s))


def be_year(y: int) -> int:
    """A year as BE: 2-digit 67 -> 2567, CE 2024 -> 2567, BE 2567 unchanged."""
    if y < 100:
        return 2500 + y
    if 1800 <= y < 2300:
        return y + BE_OFFSET
    return y


def _plausible(be: int) -> bool:
    return MIN_BE <= be <= MAX_BE


def this_year(today: dt.date | None = None) -> int:
    return (today or dt.date.today()).year + BE_OFFSET


def recent_years(today: dt.date | None = None, *, dated: bool = False) -> tuple[int, int]:
    """BE years a document read from a scan may plausibly be about: 2540 to five years from now
    (a full date: to next year)."""
    return RECENT_MIN_BE, this_year(today) + (DATE_AHEAD if dated else RECENT_AHEAD)


def _alternatives(chars: str, lo: int, hi: int, now: int) -> list[tuple[int, int, int, int, int]]:
    """(changes, future, distance, rank, year) of every reading of 4 characters in [lo, hi]: each
    digit as written (0 changes) or one it is confused with (1 change, ranked by likelihood);
    letters must change. Among equal changes a year not after this one, then the one nearest to
    this year, then the likelier confusions come first."""
    options: list[list[tuple[str, int, int]]] = []
    for ch in chars:
        if ch.isdigit():
            opts = [(ch, 0, 0)] + [(alt, 1, rank) for rank, alt in enumerate(DIGIT_CONFUSIONS.get(ch, ""))]
        elif ch in LETTER_DIGITS:
            opts = [(LETTER_DIGITS[ch], 1, 0)]
        else:
            return []
        options.append(opts)
    out = []

    def walk(i: int, digits: str, changes: int, rank: int) -> None:
        if i == len(options):
            year = int(digits)
            if lo <= year <= hi:
                out.append((changes, int(year > now), abs(now - year), rank, year))
            return
        # Prune: the first two digits already fix the century and decade range.
        if i == 2 and not (lo // 100 <= int(digits) <= hi // 100):
            return
        for digit, cost, r in options[i]:
            walk(i + 1, digits + digit, changes + cost, rank + r)

    walk(0, "", 0, 0)
    return sorted(out)


def read_year(token: str, *, short_ok: bool = False, correct: bool = True, dated: bool = False,
              today: dt.date | None = None) -> YearReading | None:
    """The BE year written as ``token`` after a year keyword or a month, or None.

    Two digits count only with ``short_ok`` (2540-2599, never corrected). Four digits (spaces
    between them ignored) count when 2500-2600; with ``correct`` a token outside
    :func:`recent_years` or holding OCR letters for digits is read again through
    :data:`DIGIT_CONFUSIONS` / :data:`LETTER_DIGITS`, keeping the reading in range with the
    fewest changes (ties: not after this year, nearest to it, the likelier confusion). An old year that no
    confusion brings in range is kept as written ("พ.ศ. ๒๕๐๐"), and so is a year far ahead
    unless it is the year of a full date (``dated``: a date more than a year ahead is a misread,
    dropped when no confusion explains it)."""
    raw = "".join(token.split())
    chars = to_arabic_digits(raw)
    if len(chars) == 2:
        if chars.isdigit() and short_ok and int(chars) >= 40:
            return YearReading(2500 + int(chars))
        return None
    if len(chars) != 4 or sum(c.isdigit() for c in chars) < 2:
        return None
    lo, hi = recent_years(today, dated=dated)
    as_written = int(chars) if chars.isdigit() else None
    if as_written is not None and (lo <= as_written <= hi or not correct):
        return YearReading(as_written) if _plausible(as_written) else None
    if as_written is not None and as_written > hi and _plausible(as_written) and not dated:
        return YearReading(as_written)  # a target year is far ahead on purpose ("ภายในปี พ.ศ. ๒๕๘๐")
    if not correct:
        return None
    found = _alternatives(chars, lo, hi, this_year(today))
    if not found:
        if as_written is not None and MIN_BE <= as_written < lo:
            return YearReading(as_written)
        return None
    best_changes, year = found[0][0], found[0][-1]
    others = tuple(dict.fromkeys(f[-1] for f in found[1:] if f[0] <= best_changes + 1 and f[-1] != year))[:5]
    tied = any(f[0] == best_changes and f[-1] != year for f in found[1:])
    return YearReading(year, corrected=True, raw=raw, alternatives=others, ambiguous=tied)


def _year_token(token: str, *, short_ok: bool, correct: bool = False) -> int | None:
    """BE year of a written year token, or None if it is not a plausible year."""
    reading = read_year(token, short_ok=short_ok, correct=correct)
    return reading.year if reading else None


def _month(token: str) -> tuple[int, bool] | None:
    """(month number, is abbreviation) of a matched month token."""
    return _MONTH_BY_KEY.get(_month_key(token))


_MARKS_RE = re.compile(f"[{TONE_MARKS}\u0e31\u0e34-\u0e3a\u0e47\u0e4d\\s.]")
_FUZZY_KEYS = [(no, _MARKS_RE.sub("", full).replace(SARA_AM, "า")) for no, full, _ in _MONTHS]
_DEONG = _MARKS_RE.sub("", "เดือน")


def _edit_distance(a: str, b: str, limit: int) -> int:
    """Levenshtein distance, or ``limit + 1`` once it is known to exceed ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb))
        if min(cur) > limit:
            return limit + 1
        prev = cur
    return prev[-1]


def _fuzzy_month(token: str) -> int | None:
    """The month a full month name damaged by OCR stands for ("งันวาคม", "ก้นยายน", "ตูลาคม"):
    marks are ignored and one letter may differ (two in names of 8+ letters); None when no
    month or several are that close."""
    key = _MARKS_RE.sub("", token).replace(SARA_AM, "า")
    key = key.removeprefix(_DEONG)
    if len(key) < 4:
        return None
    hits = []
    for no, month_key in _FUZZY_KEYS:
        limit = 2 if len(month_key) >= 8 else 1
        if _edit_distance(key, month_key, limit) <= limit:
            hits.append(no)
    return hits[0] if len(hits) == 1 else None


def _make_date(be: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(be - BE_OFFSET, month, day)
    except ValueError:
        return None


def _last_day(be: int, month: int) -> int:
    return calendar.monthrange(be - BE_OFFSET, month)[1]


def _thai_dates(text: str, correct: bool = True) -> list[tuple[DateMention, YearReading]]:
    found = []
    for m in _DATE_RE.finditer(text):
        month = _month(m.group(2))
        fuzzy = False
        if month is None and (no := _fuzzy_month(m.group(2))):
            month, fuzzy = (no, False), True
        reading = read_year(m.group(3), short_ok=True, correct=correct, dated=True)
        if month and reading and (d := _make_date(reading.year, month[0], _num(m.group(1)))):
            found.append((DateMention(d, m.span(), m.group(), corrected=reading.corrected or fuzzy), reading))
    return found


def _numeric_dates(text: str) -> list[DateMention]:
    found = []
    for m in _NUM_DATE_RE.finditer(text):
        raw = _num(m.group(4))
        year = be_year(raw) if len(m.group(4)) == 4 else _year_token(m.group(4), short_ok=True)
        if year and _plausible(year) and (d := _make_date(year, _num(m.group(3)), _num(m.group(1)))):
            found.append(DateMention(d, m.span(), m.group()))
    for m in _ISO_DATE_RE.finditer(text):
        year = be_year(_num(m.group(1)))
        if _plausible(year) and (d := _make_date(year, _num(m.group(2)), _num(m.group(3)))):
            found.append(DateMention(d, m.span(), m.group()))
    return found


def find_dates(text: str, *, correct: bool = True) -> list[DateMention]:
    """Full dates: "๓๐ ก.ค. ๖๗", "วันที่ 1 ตุลาคม พ.ศ. 2566", "30/07/2567", "2024-07-30", and
    OCR'd ones ("วันที่...๕...เดือน...กันยายน...พ.ศ...๒๕๖๗", "๒๙ งันวาคม ๒ ๕ ๖ ๗"; a damaged
    month name or year is flagged ``corrected``; ``correct=False`` reads digits only as written)."""
    return sorted([d for d, _ in _thai_dates(text, correct)] + _numeric_dates(text), key=lambda m: m.span)


def parse_date(s: str) -> dt.date | None:
    """The first date written in ``s`` (see :func:`find_dates`), or None."""
    found = find_dates(s)
    return found[0].date if found else None


def fiscal_year_of(d: dt.date) -> int:
    """BE fiscal year a date falls in (1 Oct 2023 -> 2567)."""
    return d.year + BE_OFFSET + (1 if d.month >= 10 else 0)


def fiscal_year_bounds(fy: int) -> tuple[dt.date, dt.date]:
    """First and last day of BE fiscal year ``fy`` (2567 -> 2023-10-01, 2024-09-30)."""
    return dt.date(fy - BE_OFFSET - 1, 10, 1), dt.date(fy - BE_OFFSET, 9, 30)


def first_half(fy: int) -> tuple[dt.date, dt.date]:
    """The first six months of fiscal year ``fy`` (2567 -> 2023-10-01, 2024-03-31)."""
    return dt.date(fy - BE_OFFSET - 1, 10, 1), dt.date(fy - BE_OFFSET, 3, 31)


def _quarter_bounds(fy: int, first: int, last: int) -> tuple[dt.date, dt.date]:
    start_month = (first - 1) * 3 + 10
    start = dt.date(fy - BE_OFFSET - 1 + (start_month - 1) // 12, (start_month - 1) % 12 + 1, 1)
    end_month = (last - 1) * 3 + 12
    end_year, end_month = fy - BE_OFFSET - 1 + (end_month - 1) // 12, (end_month - 1) % 12 + 1
    return start, dt.date(end_year, end_month, calendar.monthrange(end_year, end_month)[1])


def _add(found: list[YearMention], taken: bytearray, mention: YearMention) -> None:
    """Keep ``mention`` unless it overlaps one kept before; ``taken`` marks used characters."""
    start, end = mention.span
    if not any(taken[start:end]):
        found.append(mention)
        taken[start:end] = b"\x01" * (end - start)


def _ranges(text: str) -> list[YearMention]:
    out = []
    for m in _RANGE_RE.finditer(text):
        first, last = _num(m.group(1)), _num(m.group(2))
        if _plausible(first) and _plausible(last) and 0 < last - first <= 20:
            out.append(YearMention(first, "range", m.span(), end=last))
    return out


def _mention(reading: YearReading, kind: YearKind, span: tuple[int, int]) -> YearMention:
    return YearMention(reading.year, kind, span, corrected=reading.corrected, raw=reading.raw,
                       alternatives=reading.alternatives)


def _fiscal(text: str, correct: bool = True) -> list[YearMention]:
    out = []
    for m in _FISCAL_RE.finditer(text):
        short_ok = len(m.group(1)) == 2 and _NOT_A_COUNT_RE.match(text, m.end()) is not None
        if reading := read_year(m.group(1), short_ok=short_ok, correct=correct):
            out.append(_mention(reading, "fiscal", m.span()))
    return out


def _month_years(text: str, correct: bool = True) -> list[YearMention]:
    out = []
    for date, reading in _thai_dates(text, correct):
        out.append(YearMention(be_year(date.date.year), "date", date.span, corrected=date.corrected,
                               raw=reading.raw, alternatives=reading.alternatives))
    out += [YearMention(be_year(d.date.year), "date", d.span) for d in _numeric_dates(text)]
    for m in _MONTH_YEAR_RE.finditer(text):
        month = _month(m.group(1))
        if month and (reading := read_year(m.group(2), short_ok=month[1], correct=correct)):
            out.append(_mention(reading, "date", m.span()))
    return out


def _cites_law(text: str, m: re.Match[str]) -> bool:
    """True when the พ.ศ. year ``m`` closes the title of an act or regulation: a law word
    comes up to 150 characters before it, in the same paragraph, with no other year between.
    """
    if m.group(1):  # "ปี 2567", "ประจำปี 2567" name the year itself
        return False
    before = text[max(0, m.start() - 150) : m.start()].rsplit("\n\n", 1)[-1]
    laws = list(_LAW_RE.finditer(before))
    return bool(laws) and not re.search(rf"{_BE_MARK}|{_D}{{4}}", before[laws[-1].end() :])


def _be(text: str, correct: bool = True) -> list[YearMention]:
    out = []
    for m in _BE_RE.finditer(text):
        short_ok = m.group(1) is not None and _NOT_A_COUNT_RE.match(text, m.end()) is not None
        if _cites_law(text, m):  # a law's year is old on purpose: never corrected
            if year := _year_token(m.group(2), short_ok=short_ok):
                out.append(YearMention(year, "law", m.span()))
        elif reading := read_year(m.group(2), short_ok=short_ok, correct=correct):
            out.append(_mention(reading, "be", m.span()))
    for m in _CE_RE.finditer(text):
        if MIN_CE <= (ce := _num(m.group(1))) <= MAX_CE:
            out.append(YearMention(ce + BE_OFFSET, "be", m.span()))
    return out


def find_years(text: str, *, correct: bool = True) -> list[YearMention]:
    """Year mentions, in text order, without overlaps (see the module docstring for the policy).

    When mentions overlap the more specific one wins: range, then fiscal, then date/month,
    then a plain พ.ศ./ปี year. With ``correct`` (the default) implausible years in a year
    context are read again through the OCR confusions and flagged ``corrected``; without it only
    the digits as written count (a clean text layer).
    """
    found: list[YearMention] = []
    taken = bytearray(len(text))
    for mention in _ranges(text):
        _add(found, taken, mention)
    for finder in (_fiscal, _month_years, _be):
        for mention in finder(text, correct):
            _add(found, taken, mention)
    return sorted(found, key=lambda m: m.span)


def main_fiscal_year(text: str, title: str = "") -> int | None:
    """The fiscal year (BE) a document is about, or None: :func:`main_year`'s year."""
    found = main_year(text, title)
    return found.year if found else None


def main_year(text: str, title: str = "", *, correct: bool = True) -> MainYear | None:
    """The fiscal year (BE) a document is about, and how sure the reading is; None without one.

    In order: the first fiscal-year mention in the title, then in the first 600 characters;
    the most frequent fiscal-year mention (ties: the later year); the first year of a range
    in the title or first 600 characters (a multi-year plan "ปีงบประมาณ 2561-2563"); the
    latest พ.ศ./ปี year that is not the year of a cited law; the fiscal year of the latest
    date or month mentioned. This runs on the exact mentions first; only when they decide
    nothing does it run again with the corrected ones (OCR'd digits, see :func:`read_year`),
    and the answer says ``corrected`` when every mention it rests on was corrected.
    """
    full = title + "\n" + text
    heads = [find_years(title, correct=correct), find_years(text[:600], correct=correct)]
    lazy: dict[str, list] = {}

    def mentions() -> list[YearMention]:  # the whole text is read only when the head decides nothing
        if "mentions" not in lazy:
            lazy["mentions"] = find_years(full, correct=correct)
        return lazy["mentions"]

    def dated() -> list[tuple[dt.date, YearMention | None]]:
        if "dated" not in lazy:
            lazy["dated"] = _dated(full, correct)
        return lazy["dated"]

    for exact in (True, False) if correct else (True,):
        if found := _decide(heads, mentions, dated, exact):
            return found
    return None


def _resting_on(year: int, kind: str, support: list[YearMention]) -> MainYear:
    corrected = all(m.corrected for m in support)
    alternatives = tuple(dict.fromkeys(a for m in support for a in m.alternatives if a != year)) if corrected else ()
    return MainYear(year, kind, corrected, alternatives)


def _decide(heads: list[list[YearMention]], mentions: Callable[[], list[YearMention]],
            dated: Callable[[], list[tuple[dt.date, YearMention | None]]], exact: bool) -> MainYear | None:
    def usable(found: list[YearMention], kind: str) -> list[YearMention]:
        return [m for m in found if m.kind == kind and not (exact and m.corrected)]

    for head in heads:
        if fiscal := usable(head, "fiscal"):
            return _resting_on(fiscal[0].year, "fiscal", fiscal[:1])
    fiscal_mentions = usable(mentions(), "fiscal")
    if counts := Counter(m.year for m in fiscal_mentions):
        year = max(counts, key=lambda y: (counts[y], y))
        return _resting_on(year, "fiscal", [m for m in fiscal_mentions if m.year == year])
    for head in heads:
        if ranges := usable(head, "range"):
            return MainYear(ranges[0].year, "range")
    if be := usable(mentions(), "be"):
        year = max(m.year for m in be)
        return _resting_on(year, "be", [m for m in be if m.year == year])
    days = [(d, m) for d, m in dated() if not (exact and m and m.corrected)]
    if not days:
        return None
    latest = max(d for d, _ in days)
    support = [m for d, m in days if d == latest]
    if any(m is None or not m.corrected for m in support):
        return MainYear(fiscal_year_of(latest), "date")
    shift = fiscal_year_of(latest) - (latest.year + BE_OFFSET)
    alternatives = tuple(dict.fromkeys(a + shift for m in support if m for a in m.alternatives))
    return MainYear(fiscal_year_of(latest), "date", True, alternatives)


def _dated(text: str, correct: bool) -> list[tuple[dt.date, YearMention | None]]:
    """Every full date and month ("ธันวาคม 2563" counts as its first day) in ``text``, with the
    year mention it rests on when that was corrected (else None)."""
    out: list[tuple[dt.date, YearMention | None]] = []
    for date, reading in _thai_dates(text, correct):
        mention = YearMention(reading.year, "date", date.span, corrected=date.corrected, raw=reading.raw,
                              alternatives=reading.alternatives)
        out.append((date.date, mention if date.corrected else None))
    out += [(d.date, None) for d in _numeric_dates(text)]
    for m in _MONTH_YEAR_RE.finditer(text):
        month = _month(m.group(1))
        if month and (reading := read_year(m.group(2), short_ok=month[1], correct=correct)):
            mention = _mention(reading, "date", m.span())
            out.append((dt.date(reading.year - BE_OFFSET, month[0], 1), mention if reading.corrected else None))
    return out


def _explicit_periods(text: str) -> list[Period]:
    out = []
    for m in _PERIOD_RE.finditer(text):
        d1, m1, y1, d2, m2, y2 = m.groups()
        month1, month2 = _month(m1), _month(m2)
        if not (month1 and month2 and (y1 or y2)):
            continue
        year1 = _year_token(y1, short_ok=True) if y1 else None
        year2 = _year_token(y2, short_ok=True) if y2 else None
        if year1 is None and year2 is None:
            continue
        if year1 is None:
            year1 = year2 if month1[0] <= month2[0] else year2 - 1
        if year2 is None:
            year2 = year1 if month2[0] >= month1[0] else year1 + 1
        start = _make_date(year1, month1[0], _num(d1) if d1 else 1)
        end = _make_date(year2, month2[0], _num(d2) if d2 else _last_day(year2, month2[0]))
        if start and end and start <= end and (end - start).days <= 2 * 366:
            out.append(Period(start, end, m.group(), span=m.span()))
    return out


def _nearby_year(mentions: list[YearMention], span: tuple[int, int], window: int = 300) -> int | None:
    """The fiscal or พ.ศ./ปี year mentioned closest to ``span`` (within ``window`` chars).

    A plain year counts as 20 characters further away than a fiscal one, so "รอบ 6 เดือน
    ของปี 2565" takes 2565 even when "ปีงบประมาณ 2564" follows a line later.
    """
    best: tuple[int, int] | None = None
    for m in mentions:
        if m.kind not in ("fiscal", "be"):
            continue
        distance = max(m.span[0] - span[1], span[0] - m.span[1], 0)
        if distance <= window:
            key = (distance + (0 if m.kind == "fiscal" else 20), m.year)
            best = min(best, key) if best else key
    return best[1] if best else None


def _inferred_periods(text: str, mentions: list[YearMention]) -> list[Period]:
    out = []
    for m in _SIX_MONTHS_RE.finditer(text):
        if fy := _nearby_year(mentions, m.span()):
            out.append(Period(*first_half(fy), m.group(), inferred=True, span=m.span()))
    for m in _QUARTER_RE.finditer(text):
        first, last = _num(m.group(1)), _num(m.group(2))
        if first < last and (fy := _nearby_year(mentions, m.span())):
            out.append(Period(*_quarter_bounds(fy, first, last), m.group(), inferred=True, span=m.span()))
    return out


def find_periods(text: str) -> list[Period]:
    """Reporting periods, in text order.

    Written month ranges ("ต.ค. 66 – มี.ค. 67", "1 ตุลาคม 2566 ถึง 31 มีนาคม 2567",
    "ตุลาคม – มีนาคม 2567": the missing year is chosen so the start precedes the end), and
    inferred ones: "รอบ 6 เดือน"/"6 เดือนแรก"/"ครึ่งปีแรก" (first half) and "ไตรมาสที่ 1-2"
    with a fiscal year mentioned within 300 characters. An inferred period equal to a written
    or earlier inferred one is dropped.
    """
    periods = _explicit_periods(text)
    seen = {(p.start, p.end) for p in periods}
    for period in _inferred_periods(text, find_years(text)):
        if (period.start, period.end) not in seen:
            seen.add((period.start, period.end))
            periods.append(period)
    return sorted(periods, key=lambda p: p.span)


def mentions_six_months(text: str) -> bool:
    """True when the text speaks of a six-month / first-half report: "รอบ 6 เดือน",
    "6 เดือนแรก", "ครึ่งปีแรก", "ไตรมาสที่ 1-2", or a written range of about six months
    that starts in October ("ตุลาคม 2566 – มีนาคม 2567")."""
    if _SIX_MONTHS_RE.search(text):
        return True
    for m in _QUARTER_RE.finditer(text):
        if _num(m.group(1)) == 1 and _num(m.group(2)) == 2:
            return True
    return any(p.start.month == 10 and 5 <= p.months <= 7 for p in _explicit_periods(text))
