"""Is a text layer usable? Page-by-page checks that decide when to OCR instead.

A PDF text layer (or an HTML text) can be present yet unreadable: fonts without a ToUnicode map
give Greek/Coptic or Latin-1 letters (the poknoi budget reports), pdf2htmlEX and some fonts give
Private Use Area code points outside the Thai PUA that :func:`oitbase.thai.clean` repairs,
broken maps give U+FFFD or control codes, and scans give no text at all.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from oitbase.thai import _PUA

#: Pages with fewer non-space characters than this hold "too little text" for a page.
MIN_PAGE_CHARS = 20
#: Share of suspicious characters (among non-space ones) above which a text layer is rejected.
MAX_BAD_SHARE = 0.2

_KNOWN_PUA = "".join(map(chr, _PUA))
_CATEGORIES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("greek", re.compile(r"[\u0370-\u03ff]")),
    ("pua", re.compile("[\ue000-\uf8ff]")),
    ("replacement", re.compile("\ufffd")),
    ("control", re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")),
    ("latin1", re.compile(r"[\u00c0-\u00ff]")),
)
_KNOWN_PUA_RE = re.compile(f"[{_KNOWN_PUA}]")

#: English words for the reasons, used in ``PageText.quality`` and error messages.
REASONS = {
    "greek": "Greek/Coptic letters: font without a Unicode map",
    "pua": "Private Use Area code points",
    "replacement": "replacement characters",
    "control": "control codes",
    "latin1": "Latin-1 letters: legacy Thai font encoding",
    "little-text": "too little text for the page",
}


@dataclass
class LayerCheck:
    #: "" when the text is usable, else a key of :data:`REASONS`.
    reason: str
    #: Share of characters in the worst category (0..1); for "little-text", the character count.
    share: float = 0.0

    @property
    def usable(self) -> bool:
        return not self.reason


def check_text(text: str, *, min_chars: int = MIN_PAGE_CHARS) -> LayerCheck:
    """Judge a page's text: too little of it, or too much of one suspicious kind.

    Thai PUA tone-mark glyphs (U+F700–F71A, U+F884–F89E) are not suspicious: ``clean`` maps
    them to standard code points exactly.
    """
    nonspace = len("".join(text.split()))  # str.split() splits at what str.isspace() calls space
    if nonspace < min_chars:
        return LayerCheck("little-text", float(nonspace))
    worst, worst_share = "", 0.0
    for name, pattern in _CATEGORIES:
        count = len(pattern.findall(text))
        if name == "pua" and count:
            count -= len(_KNOWN_PUA_RE.findall(text))
        share = count / nonspace
        if share > worst_share:
            worst, worst_share = name, share
    if worst_share >= MAX_BAD_SHARE:
        return LayerCheck(worst, worst_share)
    return LayerCheck("", worst_share)
