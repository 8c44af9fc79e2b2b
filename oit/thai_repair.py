"""Dictionary repair of sara am (ำ) in the display text of Word-export PDFs.

PDFs exported from Word with a Thai font subset that has no ToUnicode entry for ำ come out with
sara am lost ("สานักงาน", "ตาบล", "ดาเนินการ" for สำนักงาน, ตำบล, ดำเนินการ); some fonts swap the
other way and every sara aa comes out as sara am ("ผู้บริหำร" for ผู้บริหาร). :func:`oit.thai.fold`
forgives ำ/า for matching; this module repairs the *display* text (``texts.text``, snippets,
reports, ``oit extract``) with the pythainlp word list.

How (:func:`repair`, applied to text that is already :func:`oit.thai.clean`):

* The text is cut into runs of Thai letters and marks. A run holding า or ำ is segmented into
  dictionary words by dynamic programming, once as it is and once allowing any า to be read as
  ำ (or ำ as า). Cost: 1000 per character outside a dictionary word, 10 per word, 1 per changed
  character, so a reading is changed only when it covers more of the run with dictionary words,
  or the same with fewer words ("จัด|ทา" → "จัดทำ", "สา|นัก|งาน" → "สำนักงาน"), and a run that
  is a dictionary word as it is never changes.
* Per document and direction, the changes are counted against the characters of that kind that
  stayed (the ำ kept, for า→ำ). Only a document where the changes are at least 2 and at least
  :data:`MIN_SHARE` of them is repaired, so clean text from a good PDF is never touched.

Runs are cached, so a long document costs one segmentation per distinct run.
"""

from __future__ import annotations

import re
from functools import lru_cache

SARA_AA = "\u0e32"  # า
SARA_AM = "\u0e33"  # ำ
_SWAP = {SARA_AA: SARA_AM, SARA_AM: SARA_AA}

#: A document is repaired in one direction when that direction changes at least this share of
#: the characters concerned (changes / (changes + same characters kept as they are)).
MIN_SHARE = 0.25
#: ... and at least this many characters.
MIN_CHANGES = 2

_UNKNOWN, _WORD, _FLIP = 1000, 10, 1
_MAX_WORD = 40  # longer dictionary entries are not tried
# Thai letters, vowels and marks (not digits, ฯ, ๆ or the currency sign).
_RUN = re.compile("[\u0e01-\u0e2e\u0e30-\u0e3a\u0e40-\u0e45\u0e47-\u0e4e]+")


@lru_cache(maxsize=1)
def _dictionary() -> tuple[frozenset[str], frozenset[str]]:
    """The pythainlp word list and the set of all its prefixes."""
    from pythainlp.corpus import thai_words

    words = frozenset(w for w in thai_words() if w and " " not in w and len(w) <= _MAX_WORD)
    prefixes = frozenset(w[:k] for w in words for k in range(1, len(w) + 1))
    return words, prefixes


def is_word(token: str) -> bool:
    """True when ``token`` is in the pythainlp Thai word list."""
    return token in _dictionary()[0]


@lru_cache(maxsize=200_000)
def repair_run(run: str, flips: str) -> str:
    """``run`` with the characters in ``flips`` (า and/or ำ) swapped where that makes a better
    dictionary segmentation (see the module docstring); ``run`` itself when nothing is better."""
    words, prefixes = _dictionary()
    if run in words or not any(c in run for c in flips):
        return run
    n = len(run)
    inf = 1 << 60
    best = [inf] * (n + 1)
    back: list[tuple[int, str]] = [(0, "")] * (n + 1)
    best[0] = 0
    for i in range(n):
        base = best[i]
        if base == inf:
            continue
        if base + _UNKNOWN < best[i + 1]:
            best[i + 1], back[i + 1] = base + _UNKNOWN, (i, run[i])
        cands = {"": 0}  # prefix read so far -> fewest flips to read it
        for j in range(i, min(n, i + _MAX_WORD)):
            ch = run[j]
            alt = _SWAP[ch] if ch in flips else None
            nxt: dict[str, int] = {}
            for cand, nflip in cands.items():
                s = cand + ch
                if s in prefixes and nxt.get(s, inf) > nflip:
                    nxt[s] = nflip
                if alt:
                    s = cand + alt
                    if s in prefixes and nxt.get(s, inf) > nflip + 1:
                        nxt[s] = nflip + 1
            if not nxt:
                break
            cands = nxt
            for cand, nflip in cands.items():
                if cand in words:
                    cost = base + _WORD + nflip * _FLIP
                    if cost < best[j + 1]:
                        best[j + 1], back[j + 1] = cost, (i, cand)
    out, k = [], n
    while k > 0:
        i, piece = back[k]
        out.append(piece)
        k = i
    return "".join(reversed(out))


def _changes(text: str, flips: str) -> tuple[dict[str, str], int]:
    """Repaired runs of ``text`` ({run: repaired}) and the number of characters changed."""
    repaired: dict[str, str] = {}
    changed = 0
    for m in _RUN.finditer(text):
        run = m.group()
        if run in repaired:
            new = repaired[run]
        else:
            new = repaired[run] = repair_run(run, flips)
        if new != run:
            changed += sum(a != b for a, b in zip(run, new, strict=True))
    return {r: s for r, s in repaired.items() if r != s}, changed


def needed(text: str) -> str:
    """The directions in which ``text`` needs the repair: "" (none), "า" (lost sara am: า read as
    ำ where that makes words), "ำ" (swapped font: ำ read as า), or both."""
    directions = ""
    for flip in (SARA_AA, SARA_AM):
        kept_same = text.count(_SWAP[flip])  # e.g. the ำ already there, for the า→ำ repair
        _, changed = _changes(text, flip)
        if changed >= MIN_CHANGES and changed >= MIN_SHARE * (changed + kept_same):
            directions += flip
    return directions


def repair(text: str, directions: str | None = None) -> str:
    """``text`` (already :func:`oit.thai.clean`) with lost or swapped sara am repaired.

    ``directions`` is the result of :func:`needed`; by default it is worked out from ``text``
    itself. Letters other than า/ำ, marks, spaces and line breaks are never changed, so
    :func:`oit.thai.fold` of the result equals ``fold(text)``.
    """
    if directions is None:
        directions = needed(text)
    if not directions:
        return text
    repaired, _ = _changes(text, directions)
    if not repaired:
        return text
    return _RUN.sub(lambda m: repaired.get(m.group(), m.group()), text)
