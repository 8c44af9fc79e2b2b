"""Crawler traps: calendars that never end, endless query combinations, looping paths.

``TrapGuard.check(url)`` is asked before a canonical URL is scheduled and says why it is a trap
("" when it is not); the rules read the decoded URL, not its percent-encoding. Bounds are per URL
*pattern* (the path with numbers replaced, plus the sorted parameter names), so a files module with
400 documents behind ``download.php?id=N`` is crawled while a calendar's next-month links stop after
a few months. Numbered paths without a query (``/news/view/1234``) are not bounded by pattern: the
page cap bounds them.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from datetime import date
from urllib.parse import parse_qsl, unquote, urlsplit

CALENDAR_KEYS = re.compile(
    r"^(?:y|m|d|yr|mo|year|month|day|date|ym|ymd|week|cal|caldate|cal_date|tdate|start|end|"
    r"from|to|time|mon|yy|mm|dd|date_from|date_to|monthyear)$",
    re.IGNORECASE,
)
CALENDAR_WORDS = re.compile(r"calendar|ปฏิทิน|agenda|event|schedule|diary|booking|/cal/|cal\.php", re.IGNORECASE)
DATE_IN_PATH = re.compile(r"/((?:19|20|25)\d{2})[/-](0?[1-9]|1[0-2])(?:[/-]\d{1,2})?(?=/|$)")
YEAR_VALUE = re.compile(r"(?<!\d)((?:19|20|25)\d{2})(?!\d)")


def pattern_of(url: str) -> str:
    """``/news/2567/12/5?id=9&page=2`` → ``/news/N/N/N?id&page``."""
    parts = urlsplit(url)
    keys = sorted({k for k, _ in parse_qsl(parts.query, keep_blank_values=True)})
    return re.sub(r"\d+", "N", parts.path) + ("?" + "&".join(keys) if keys else "")


class TrapGuard:
    def __init__(
        self,
        max_url_length: int = 400,
        max_params: int = 8,
        max_per_pattern: int = 1000,
        max_calendar: int = 24,
        max_combinations: int = 60,
        year_span: tuple[int, int] = (6, 1),
        today: date | None = None,
    ):
        self.max_url_length = max_url_length
        self.max_params = max_params
        self.max_per_pattern = max_per_pattern
        self.max_calendar = max_calendar
        self.max_combinations = max_combinations
        this_year = (today or date.today()).year
        #: Years a calendar may show, in both eras (พ.ศ. = ค.ศ. + 543).
        self.years = set(range(this_year - year_span[0], this_year + year_span[1] + 1))
        self.years |= {y + 543 for y in self.years}
        self.per_pattern: Counter[str] = Counter()
        #: path → distinct sets of parameter names seen on it (facet combinations).
        self.key_sets: defaultdict[str, set[str]] = defaultdict(set)
        self.trapped: Counter[str] = Counter()

    @classmethod
    def from_settings(cls, settings) -> TrapGuard:
        return cls(
            max_url_length=settings.getint("OIT_TRAP_MAX_URL_LENGTH", 400),
            max_per_pattern=settings.getint("OIT_TRAP_MAX_PER_PATTERN", 1000),
            max_calendar=settings.getint("OIT_TRAP_MAX_CALENDAR", 24),
            max_combinations=settings.getint("OIT_TRAP_MAX_COMBINATIONS", 60),
        )

    def is_calendar(self, url: str) -> bool:
        parts = urlsplit(url)
        keys = [k for k, _ in parse_qsl(parts.query)]
        return bool(DATE_IN_PATH.search(parts.path)) and bool(CALENDAR_WORDS.search(parts.path)) or (
            any(CALENDAR_KEYS.match(k) for k in keys) and (bool(CALENDAR_WORDS.search(url)) or len(keys) >= 2)
        )

    def check(self, url: str, count: bool = True) -> str:
        """Why ``url`` is a trap, or "" (and then it is counted against its pattern, unless ``count``
        is off: a URL that will not be fetched for another reason must not use up its pattern)."""
        # Rules judge the URL as a person reads it: a Thai file name of 50 letters is 450 characters
        # once percent-encoded, and must not count as long.
        url = unquote(url)
        reason = self._reason(url)
        if reason:
            self.trapped[reason] += 1
            return reason
        if not count:
            return ""
        parts = urlsplit(url)
        if parts.query:
            self.key_sets[parts.path].add(pattern_of(url))
        self.per_pattern[pattern_of(url)] += 1
        return ""

    def _reason(self, url: str) -> str:
        parts = urlsplit(url)
        if len(url) > self.max_url_length:
            return "long URL"
        params = parse_qsl(parts.query, keep_blank_values=True)
        if len(params) > self.max_params:
            return "too many parameters"
        segments = [s for s in parts.path.split("/") if s]
        if segments and Counter(segments).most_common(1)[0][1] >= 3:
            return "repeating path"
        pattern = pattern_of(url)
        if self.is_calendar(url):
            years = {int(y) for y in YEAR_VALUE.findall(parts.path + "?" + parts.query)}
            if years and not years & self.years:
                return "calendar out of range"
            if self.per_pattern[pattern] >= self.max_calendar:
                return "calendar"
        if parts.query and self.per_pattern[pattern] >= self.max_per_pattern:
            return "too many similar URLs"  # /news/view/N paths are real pages; ?a=…&b=… variants may not be
        seen = self.key_sets.get(parts.path, set())
        if parts.query and pattern not in seen and len(seen) >= self.max_combinations:
            return "parameter combinations"
        return ""
