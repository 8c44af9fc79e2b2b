"""Dictionary repair of the display text of Word, PowerPoint and Canva exports (and OCR).

PDFs exported from Word with a Thai font subset that has no ToUnicode entry for ำ come out with
sara am lost ("สานักงาน", "ตาบล", "ดาเนินการ" for สำนักงาน, ตำบล, ดำเนินการ); some fonts swap the
other way and every sara aa comes out as sara am ("ผู้บริหำร" for ผู้บริหาร). Other subsets misplace
or lose marks and insert spaces inside words (see "Marks and spaces" below). :func:`oitbase.thai.fold`
forgives all of this for matching; this module repairs the *display* text (``texts.text``,
snippets, reports, ``oit extract``) with the pythainlp word list.

How (:func:`repair`, applied to text that is already :func:`oitbase.thai.clean`):

* Sara am. The text is cut into runs of Thai letters and marks. A run holding า or ำ is
  segmented into dictionary words by dynamic programming, once as it is and once allowing any า
  to be read as ำ (or ำ as า). Cost: 1000 per character outside a dictionary word, 10 per word, 1
  per changed character, so a reading is changed only when it covers more of the run with
  dictionary words, or the same with fewer words ("จัด|ทา" → "จัดทำ", "สา|นัก|งาน" → "สำนักงาน"),
  and a run that is a dictionary word as it is never changes. Per document and direction, the
  changes are counted against the characters of that kind that stayed (the ำ kept, for า→ำ).
  Only a document where the changes are at least 2 and at least :data:`MIN_SHARE` of them is
  repaired, so clean text from a good PDF is never touched.
* Marks and spaces, on the text with its sara am repaired: only stretches that are outside any
  dictionary word are touched, and only where one edit makes the whole stretch and its
  neighbouring words dictionary words (details at :data:`SPACING`). Each kind of edit is applied
  to a document only when it makes at least :data:`MIN_CHANGES` edits and at least
  :data:`MIN_MARK_SHARE` of the document's stretches outside words are repaired by it.

:func:`needed` works the decisions out once per document; :func:`repair` applies them (to the
text, and to its title and headings). Runs, tokens and damaged stretches are cached, so a long
document costs one segmentation per distinct run.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterator
from functools import lru_cache
from itertools import product
from pathlib import Path

SARA_AA = "\u0e32"  # า
SARA_AM = "\u0e33"  # ำ
_SWAP = {SARA_AA: SARA_AM, SARA_AM: SARA_AA}

#: A document is repaired in one direction when that direction changes at least this share of
#: the characters concerned (changes / (changes + same characters kept as they are)).
MIN_SHARE = 0.25
#: ... and at least this many characters.
MIN_CHANGES = 2
#: A kind of mark or spacing edit is applied to a document when it makes at least MIN_CHANGES
#: edits and repairs at least this share of the document's stretches outside dictionary words
#: (names, abbreviations and damage): one mark lost in a long list of names is not damage.
MIN_MARK_SHARE = 0.05

_UNKNOWN, _WORD, _FLIP = 1000, 10, 1
_MAX_WORD = 40  # longer dictionary entries are not tried
#: Entries of each cache of words and chunks: the same words recur within a document and across a site's pages,
#: but a crawl holds the process for hours and must not keep every chunk it ever saw (~12 MB over 2,000
#: pages).
CACHE = 20_000
# Thai letters, vowels and marks (not digits, ฯ, ๆ or the currency sign).
_RUN = re.compile("[\u0e01-\u0e2e\u0e30-\u0e3a\u0e40-\u0e45\u0e47-\u0e4e]+")


class _SortedWords:
    """The dictionary, as the repairs ask it: ``get(s)`` is True for a word, False for the start of a word only,
    None for neither; ``s in words`` is True for both.

    A sorted tuple and a binary search: a dict of every prefix answers faster but holds 230,000 strings (~27 MB in
    every crawl), while the repairs' own caches make most questions rare."""

    def __init__(self, words: list[str]) -> None:
        self.words = tuple(sorted(set(words)))

    def get(self, s: str, default: bool | None = None) -> bool | None:
        words = self.words
        i = bisect_left(words, s)
        if i == len(words) or not words[i].startswith(s):
            return default
        return words[i] == s

    def __contains__(self, s: str) -> bool:
        return self.get(s) is not None


def _corpus(name: str) -> Iterator[str]:
    """The lines of one of pythainlp's word lists, read here one at a time: pythainlp's readers keep each list they
    read for the life of the process (the 106,000 lines of its TNC frequencies alone ~14 MB in every crawl), and
    importing pythainlp costs 3 MB more."""
    from importlib.util import find_spec

    spec = find_spec("pythainlp")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("pythainlp is not installed")
    with Path(next(iter(spec.submodule_search_locations)), "corpus", name).open(encoding="utf-8-sig") as lines:
        for line in lines:
            yield line.rstrip("\r\n")


@lru_cache(maxsize=1)
def _dictionary() -> _SortedWords:
    """The pythainlp dictionary words (without spaces, at most ``_MAX_WORD`` characters)."""
    return _SortedWords([w for w in _corpus("words_th.txt") if w and " " not in w and len(w) <= _MAX_WORD])


def is_word(token: str) -> bool:
    """True when ``token`` is in the pythainlp Thai word list."""
    return _dictionary().get(token, False)


@lru_cache(maxsize=CACHE)
def repair_run(run: str, flips: str) -> str:
    """``run`` with the characters in ``flips`` (า and/or ำ) swapped where that makes a better
    dictionary segmentation (see the module docstring); ``run`` itself when nothing is better."""
    trie = _dictionary()
    if trie.get(run) or not any(c in run for c in flips):
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
                if s in trie and nxt.get(s, inf) > nflip:
                    nxt[s] = nflip
                if alt:
                    s = cand + alt
                    if s in trie and nxt.get(s, inf) > nflip + 1:
                        nxt[s] = nflip + 1
            if not nxt:
                break
            cands = nxt
            for cand, nflip in cands.items():
                if trie.get(cand):
                    cost = base + _WORD + nflip * _FLIP
                    if cost < best[j + 1]:
                        best[j + 1], back[j + 1] = cost, (i, cand)
    out, k = [], n
    while k > 0:
        i, piece = back[k]
        out.append(piece)
        k = i
    return "".join(reversed(out))


def _runs(text: str) -> Counter[str]:
    """How often each Thai run occurs in ``text`` (a page repeats its words: each is repaired once)."""
    return Counter(_RUN.findall(text))


def _changes(runs: Counter[str], flips: str) -> tuple[dict[str, str], int]:
    """Repaired runs of a text whose :func:`_runs` are ``runs`` ({run: repaired}), and the number of characters
    changed."""
    repaired: dict[str, str] = {}
    changed = 0
    for run, count in runs.items():
        new = repair_run(run, flips)
        if new != run:
            repaired[run] = new
            changed += count * sum(a != b for a, b in zip(run, new, strict=True))
    return repaired, changed


# --------------------------------------------------------------------------- marks and spaces

#: Kinds of mark and spacing damage, as the letters :func:`needed` returns. What the reader sees
#: is a dictionary word; what the text layer holds is not:
#:
#: * "s", placement and spacing: a tone mark one consonant late ("ขอ้มูล", "เมือ่", "ผูบ้ริหาร"), a
#:   leading vowel before the marks of the consonant in front of it ("นเี้รียกว่า"), a space inside
#:   a word, often right after the misplaced glyph ("ขอ้ มูล", "ช่ องทาง", "เป็ น", "พอกน้ อย");
#: * "x": a Latin letter where a Canva font had a tone mark ("ดlานการปgองกัน" for ด้านการป้องกัน):
#:   each letter stands for the mark most of the document's words read best with;
#: * "u": sara u lost and a space left in its place ("สาธารณส ข" for สาธารณสุข);
#: * "t": marks a common long word lost or has wrong (OCR, some Word fonts: "ทัวไป", "พื่นฐาน", "ปงบประมาณ"),
#:   and two upper vowels on one letter ("ปืี").
#:
#: A line is cut into chunks of Thai tokens joined by single spaces, and each token into
#: dictionary words (:func:`_pieces`). A *region* is a stretch of characters outside any word. The
#: region and two (then one) dictionary words on each side form a window; one edit of the kinds
#: allowed, together with dropping spaces that touch the region, is kept only when the whole window
#: then reads as dictionary words and the edit lies inside one of them (a space dropped has a word
#: across it, a moved mark ends up in the word of both its old and its new letter). So a space
#: between two words, or a stretch that is a name, stays as it is. Among such readings the one with
#: the fewest words, then the fewest edits, wins. "t" restores marks only in words of 3 consonants
#: or more that are not one syllable, common in the Thai National Corpus, and readable in one way
#: only (:func:`_restore`), since names are the usual stretches outside the dictionary.
SPACING, LATIN_MARK, LOST_LOWER, MARK_EDIT = "s", "x", "u", "t"
_ALL_KINDS = SPACING + LOST_LOWER + MARK_EDIT  # the kinds of :func:`_fix_chunk` (x is done per document)

_TONES = "\u0e48\u0e49\u0e4a\u0e4b"  # ่ ้ ๊ ๋
_MARKS = _TONES + "\u0e4c\u0e4d"  # + ์ ํ
_UPPER = "\u0e31\u0e34\u0e35\u0e36\u0e37\u0e47"  # ั ิ ี ึ ื ็
_LOWER = "\u0e38\u0e39\u0e3a"  # ุ ู ฺ
_VOWEL_MARKS = _UPPER + _LOWER
_COMBINING = _VOWEL_MARKS + _MARKS
_CONSONANTS = frozenset(chr(c) for c in range(0x0E01, 0x0E2F))
_LEADING = "\u0e40\u0e41\u0e42\u0e43\u0e44"  # เ แ โ ใ ไ
_NEUTRAL = "\u0e2f\u0e46"  # ฯ ๆ: not letters of a word, not damage either
# Thai tokens joined by single spaces; a single Latin letter between Thai characters belongs to
# the token (a Canva tone mark).
_CHUNK = re.compile("[\u0e01-\u0e4e]+(?:(?: |[a-zA-Z])[\u0e01-\u0e4e]+)*")
_EDIT_COST = {SPACING: 1, LATIN_MARK: 1, LOST_LOWER: 2, MARK_EDIT: 3}
#: One-letter words the pythainlp list lacks: words when they stand alone ("ประกาศ ณ วันที่").
_EXTRA_WORDS = frozenset("ณธ")
_SPACE_COST = 1
_MAX_WINDOW = 48  # characters: longer damaged stretches are left alone
_MAX_SPACES = 3  # removable spaces in a window tried in every combination


@lru_cache(maxsize=CACHE)
def _pieces(token: str) -> tuple[tuple[int, int, bool], ...]:
    """The best dictionary segmentation of ``token`` (no spaces): ``(start, end, is_word)`` pieces,
    every character outside a word being a piece of its own (same costs as :func:`repair_run`)."""
    trie = _dictionary()
    n = len(token)
    if trie.get(token) or token in _EXTRA_WORDS:
        return ((0, n, True),)
    inf = 1 << 60
    best = [inf] * (n + 1)
    back = [(0, False)] * (n + 1)
    best[0] = 0
    for i in range(n):
        base = best[i]
        if base == inf:
            continue
        if token[i] in _NEUTRAL:
            if base + _WORD < best[i + 1]:
                best[i + 1], back[i + 1] = base + _WORD, (i, True)
            continue
        if base + _UNKNOWN < best[i + 1]:
            best[i + 1], back[i + 1] = base + _UNKNOWN, (i, False)
        cost = base + _WORD
        for j in range(i + 1, min(n, i + _MAX_WORD) + 1):
            known = trie.get(token[i:j])
            if known is None:
                break
            if known and cost < best[j]:
                best[j], back[j] = cost, (i, True)
    out, k = [], n
    while k > 0:
        i, known = back[k]
        out.append((i, k, known))
        k = i
    return tuple(reversed(out))


def _chunk_pieces(chunk: str) -> list[tuple[int, int, bool]]:
    """:func:`_pieces` of each space-separated token of ``chunk``, in chunk positions."""
    out: list[tuple[int, int, bool]] = []
    at = 0
    for token in chunk.split(" "):
        out += [(at + a, at + b, known) for a, b, known in _pieces(token)]
        at += len(token) + 1
    return out


@lru_cache(maxsize=1)
def _syllables() -> frozenset[str]:
    return frozenset(filter(None, _corpus("syllables_th.txt")))


def _is_long(word: str) -> bool:
    """At least 3 consonants and more than one syllable ("ทั่วไป", "พื้นฐาน"; not "อึ่ง", "สุรา")."""
    return sum(c in _CONSONANTS for c in word) >= 3 and word not in _syllables()


def _reads_as_words(text: str, joins: list[tuple[int, int]]) -> int | None:
    """The number of words when every space-separated token of ``text`` is a sequence of dictionary
    words and each pair of positions in ``joins`` lies inside one word; None otherwise."""
    pieces = _chunk_pieces(text)
    if not all(known for *_, known in pieces):
        return None
    for i, j in joins:
        if not any(a <= i and j < b for a, b, _ in pieces):
            return None
    return len(pieces)


def _cluster_has_tone(chars: list[str], k: int) -> bool:
    """Whether the cluster ending at ``chars[k]`` (a consonant and its vowel marks) has a tone mark."""
    while k >= 0 and chars[k] in _COMBINING:
        if chars[k] in _MARKS:
            return True
        k -= 1
    return False


def _content_edits(w: str, lo: int, hi: int, kinds: str):
    """One edit of ``w`` near ``w[lo:hi]``: (chars, origins, joins, cost, kind), where origins[i] is
    the position in ``w`` of chars[i] (-1 when inserted) and joins are pairs of positions in chars
    that must lie inside one word."""
    chars, n = list(w), len(w)
    origin = list(range(n))
    near = range(max(0, lo - 1), min(n, hi + 1))
    if SPACING in kinds:
        for q in near:
            # a tone mark one consonant late: "ขอ้" -> "ข้อ", "เมือ่" -> "เมื่อ", "ผูบ้" -> "ผู้บ"
            if (chars[q] in _TONES and q >= 2 and chars[q - 1] in _CONSONANTS
                    and (chars[q - 2] in _CONSONANTS or chars[q - 2] in _VOWEL_MARKS)
                    and not _cluster_has_tone(chars, q - 2)):
                order = [*range(q - 1), q, q - 1, *range(q + 1, n)]
                yield [chars[i] for i in order], order, [(q - 2, q)], _EDIT_COST[SPACING], SPACING
            # a leading vowel before the marks of the consonant in front: "นเี้" -> "นี้เ"
            if chars[q] in _LEADING and q >= 1 and chars[q - 1] in _CONSONANTS and q + 1 < n \
                    and chars[q + 1] in _COMBINING:
                end = q + 1
                while end < n and chars[end] in _COMBINING:
                    end += 1
                order = [*range(q), *range(q + 1, end), q, *range(end, n)]
                yield [chars[i] for i in order], order, [], _EDIT_COST[SPACING], SPACING
    if LOST_LOWER in kinds:
        for q in range(1, n - 1):
            if chars[q] == " " and chars[q - 1] in _CONSONANTS and chars[q + 1] in _CONSONANTS:
                for vowel in "\u0e38\u0e39":
                    yield [*chars[:q], vowel, *chars[q + 1:]], origin, [(q - 1, q + 1)], \
                        _EDIT_COST[LOST_LOWER], LOST_LOWER
    if MARK_EDIT in kinds:
        # two upper vowels on one consonant, one of them stray: "ปืี" -> "ปี"
        for q in near:
            if q >= 1 and chars[q] in _UPPER and (chars[q - 1] in _UPPER or q + 1 < n and chars[q + 1] in _UPPER):
                order = [*range(q), *range(q + 1, n)]
                yield ([chars[i] for i in order], order, [(q - 1, q)] if q + 1 < n else [],
                       _EDIT_COST[MARK_EDIT], MARK_EDIT)


#: Marks that OCR and some fonts drop or misread: tone marks, thanthakhat, upper and lower vowels.
_RESTORABLE = _TONES + "\u0e4c" + _UPPER + "\u0e38\u0e39"
_MAX_RESTORED = 2  # marks restored in one word
#: A word gets marks back only when it is common: at least this many occurrences in the Thai
#: National Corpus (pythainlp's ``tnc``): ทั่วไป 8,978, ครุภัณฑ์ 141; not the names คุณากร 15, ชีวิน 65.
_MIN_FREQUENCY = 100


def _strip(word: str) -> str:
    return "".join(c for c in word if c not in _RESTORABLE)


@lru_cache(maxsize=1)
def _restorable_words() -> tuple[dict[str, tuple[str, ...]], frozenset[str]]:
    """Long (:func:`_is_long`) and common (:data:`_MIN_FREQUENCY`) dictionary words by their form
    without :data:`_RESTORABLE` marks, and every prefix of those forms."""
    common = {word for word, count in (line.split("\t")[:2] for line in _corpus("tnc_freq.txt") if "\t" in line)
              if int(count) >= _MIN_FREQUENCY}
    index: dict[str, list[str]] = {}
    for word in (w for w in common if _dictionary().get(w)):
        bare = _strip(word)
        if bare != word and _is_long(word):
            index.setdefault(bare, []).append(word)
    prefixes = frozenset(bare[:k] for bare in index for k in range(1, len(bare) + 1))
    return {bare: tuple(sorted(words)) for bare, words in index.items()}, prefixes


def _clusters(text: str) -> list[tuple[str, str]]:
    """(letter, marks on it) for each letter of ``text``."""
    out: list[tuple[str, str]] = []
    for c in text:
        if c in _RESTORABLE and out:
            out[-1] = (out[-1][0], out[-1][1] + c)
        else:
            out.append((c, ""))
    return out


def _restored_marks(piece: str, word: str) -> int | None:
    """How many marks ``word`` has that ``piece`` (the same letters) lacks or has wrong: a tone mark
    read as another tone mark counts one; None when ``piece`` has a mark ``word`` has not."""
    edits = 0
    for (letter, marks), (wletter, wmarks) in zip(_clusters(piece), _clusters(word), strict=True):
        if letter != wletter:
            return None
        extra = [m for m in marks if m not in wmarks]
        missing = [m for m in wmarks if m not in marks]
        if len(extra) > 1 or extra and not (extra[0] in _TONES and any(m in _TONES for m in missing)):
            return None
        edits += len(missing)
    return edits


@lru_cache(maxsize=CACHE)
def _restore(token: str) -> tuple[str, int, int] | None:
    """``token`` read as dictionary words where long words may have lost or misread marks ("บนทก" ->
    "บันทึก", "ทัวไป" -> "ทั่วไป", "พื่นฐาน" -> "พื้นฐาน"): (reading, words, marks restored), or
    None when some character stays outside every word or no mark is restored."""
    trie = _dictionary()
    index, bare_prefixes = _restorable_words()
    n = len(token)
    inf = 1 << 60
    best: list[tuple[int, int, int]] = [(inf, 0, 0)] * (n + 1)  # cost, words, restored
    back: list[tuple[int, str]] = [(0, "")] * (n + 1)
    best[0] = (0, 0, 0)
    for i in range(n):
        cost, words, restored = best[i]
        if cost == inf:
            continue
        bare = ""
        for j in range(i + 1, min(n, i + _MAX_WORD) + 1):
            piece = token[i:j]
            if token[j - 1] not in _RESTORABLE:
                bare += token[j - 1]
            known = trie.get(piece)
            in_bare = bare in bare_prefixes
            if known is None and not in_bare:
                break
            if j < n and token[j] in _RESTORABLE:
                continue  # a word ends after the marks of its last letter
            if known and cost + _WORD < best[j][0]:
                best[j], back[j] = (cost + _WORD, words + 1, restored), (i, piece)
            if not in_bare or known:
                continue
            # only a word the letters can be read as in one way ("ทัวไป": ทั่วไป; not "วนท": วันที่ or วันทิ)
            fits = [(edits, word) for word in index.get(bare, ())
                    if (edits := _restored_marks(piece, word)) and edits <= _MAX_RESTORED]
            if len(fits) == 1:
                edits, word = fits[0]
                new = cost + _WORD + edits * _EDIT_COST[MARK_EDIT]
                if new < best[j][0]:
                    best[j], back[j] = (new, words + 1, restored + edits), (i, word)
    if best[n][0] == inf or not best[n][2]:
        return None
    out, k = [], n
    while k > 0:
        i, piece = back[k]
        out.append(piece)
        k = i
    return "".join(reversed(out)), best[n][1], best[n][2]


@lru_cache(maxsize=CACHE)
def _covered(token: str) -> bool:
    """Whether ``token`` (no spaces) reads as dictionary words with nothing left over (the same as
    every piece of :func:`_pieces` being a word, found without costs)."""
    trie = _dictionary()
    n = len(token)
    i = 0  # most tokens are covered by their longest words: try that first
    if token in _EXTRA_WORDS:
        return True
    while i < n:
        end = i + 1 if token[i] in _NEUTRAL else 0
        for j in range(i + 1, min(n, i + _MAX_WORD) + 1):
            known = trie.get(token[i:j])
            if known is None:
                break
            if known:
                end = j
        if not end:
            break
        i = end
    if i == n:
        return True
    reach = [False] * (n + 1)
    reach[0] = True
    for i in range(n):
        if not reach[i]:
            continue
        if token[i] in _NEUTRAL:
            reach[i + 1] = True
            continue
        for j in range(i + 1, min(n, i + _MAX_WORD) + 1):
            known = trie.get(token[i:j])
            if known is None:
                break
            if known:
                reach[j] = True
    return reach[n]


@lru_cache(maxsize=64)
def _space_drops(n: int, every: bool = True) -> list[tuple[int, ...]]:
    """Which of ``n`` removable spaces to drop: every subset (``every`` and up to :data:`_MAX_SPACES`),
    else none, each one alone, and all."""
    if every and n <= _MAX_SPACES:
        return [tuple(b for b in range(n) if mask >> b & 1) for mask in range(1 << n)]
    return [(), *((b,) for b in range(n)), tuple(range(n))]


@lru_cache(maxsize=CACHE)  # the same damaged words come back all through a document
def _best_fix(w: str, lo: int, hi: int, removable: frozenset[int], kinds: str) -> tuple[str, str] | None:
    """The best repair of window ``w`` whose characters ``w[lo:hi]`` are outside any dictionary word:
    (new window, kind), or None when no allowed edit makes the whole window dictionary words.
    ``removable``: positions of the spaces in ``w`` that may be dropped."""
    best: tuple[int, str, str] | None = None
    edits = [([*w], list(range(len(w))), [], 0, SPACING)]
    edits += _content_edits(w, lo, hi, kinds)
    seen: dict[str, int] = {}  # candidate -> lowest edit cost it was tried with
    for chars, origin, joins, cost, kind in edits:
        spaces = [i for i, o in enumerate(origin) if o in removable and chars[i] == " "] if SPACING in kinds else []
        for picks in _space_drops(len(spaces), not cost):  # with an edit: its own space, or all
            if not picks and cost == 0:
                continue
            drop = {spaces[b] for b in picks}
            keep = [i for i in range(len(chars)) if i not in drop] if drop else range(len(chars))
            text = "".join([chars[i] for i in keep]) if drop else "".join(chars)
            if seen.get(text, 1 << 30) <= cost + len(drop):
                continue
            seen[text] = cost + len(drop)
            if not all(_covered(token) for token in text.split(" ")):
                continue
            where = {old: new for new, old in enumerate(keep)}
            pairs = [(where[i], where[j]) for i, j in joins if i in where and j in where]
            pairs += [(where[i - 1], where[i + 1]) for i in drop]
            nwords = _reads_as_words(text, pairs)
            if nwords is None:
                continue
            score = nwords * _WORD + cost + len(drop) * _SPACE_COST
            if best is None or score < best[0]:
                best = (score, text, kind if cost else SPACING)
    if MARK_EDIT in kinds:  # lost or misread marks of long words
        readings = [_restore(token) if _pieces(token) and not all(k for *_, k in _pieces(token)) else None
                    for token in w.split(" ")]
        if any(readings):
            tokens = [r[0] if r else t for r, t in zip(readings, w.split(" "), strict=True)]
            text = " ".join(tokens)
            nwords = _reads_as_words(text, [])
            if nwords is not None:
                score = nwords * _WORD + sum(r[2] for r in readings if r) * _EDIT_COST[MARK_EDIT]
                if best is None or score < best[0]:
                    best = (score, text, MARK_EDIT)
    return None if best is None else (best[1], best[2])


def _fix_chunk(chunk: str, kinds: str) -> tuple[str, str, int]:
    """``chunk`` with its damaged words repaired by edits of ``kinds``, the kind of each edit, and
    the number of damaged stretches (regions) it had."""
    if all(_covered(token) for token in chunk.split(" ")):
        return chunk, "", 0
    return _fix_damaged_chunk(chunk, kinds)


@lru_cache(maxsize=CACHE)  # only chunks with damage: most chunks of a site are whole words, and its tokens cached
def _fix_damaged_chunk(chunk: str, kinds: str) -> tuple[str, str, int]:
    made = ""
    pos = regions = 0
    while True:
        pieces = _chunk_pieces(chunk)
        start = next((k for k, (a, _, known) in enumerate(pieces) if not known and a >= pos), None)
        if start is None:
            return chunk, made, regions
        regions += 1
        end = start  # the region: unknown pieces in a row, possibly across one space
        while end + 1 < len(pieces) and not pieces[end + 1][2] and pieces[end + 1][0] - pieces[end][1] <= 1:
            end += 1
        unknown = {i for s, e, known in pieces if not known for i in range(s, e)}
        # spaces around a word that stands alone ("ตามประกาศ ณ วันที่", "อื่น ๆ") are real
        standalone = {i for s, e, _ in pieces if e - s == 1 and (chunk[s] in _EXTRA_WORDS or chunk[s] in _NEUTRAL)
                      for i in (s - 1, e)}
        fix = window = None
        b = pieces[end][1]
        for k in (2, 1):  # the wider window first: more context for the dictionary
            # the window: the region and k pieces on each side; damage inside the window, or
            # touching it, joins the region ("เ|ลม|่" is one damaged word, not two)
            first, last = start, end
            while True:
                lo, hi = max(0, first - k), min(len(pieces), last + k + 1) - 1
                if lo > 0 and not pieces[lo - 1][2] and pieces[lo - 1][1] == pieces[lo][0]:
                    lo -= 1
                if hi + 1 < len(pieces) and not pieces[hi + 1][2] and pieces[hi + 1][0] == pieces[hi][1]:
                    hi += 1
                inner = [j for j in range(lo, hi + 1) if not pieces[j][2]]
                if inner[0] == first and inner[-1] == last:
                    break
                first, last = inner[0], inner[-1]
            a, b = pieces[first][0], max(b, pieces[last][1])
            wa, wb = pieces[lo][0], pieces[hi][1]
            if wb - wa > _MAX_WINDOW or (wa, wb) == window:
                continue
            window = (wa, wb)
            removable = frozenset(i - wa for i in range(wa, wb)
                                  if chunk[i] == " " and (i - 1 in unknown or i + 1 in unknown)
                                  and i not in standalone)
            fix = _best_fix(chunk[wa:wb], a - wa, pieces[last][1] - wa, removable, kinds)
            if fix:
                break
        if fix is None:
            pos = b
            continue
        new, kind = fix
        chunk = chunk[:wa] + new + chunk[wb:]
        made += kind
        pos = wa + len(new)


def _chunks(text: str):
    """The (start, end) of each chunk of ``text``, without a token that touches a full stop: "พ" and
    "ศ" of "พ.ศ." are abbreviations, not damage."""
    for m in _CHUNK.finditer(text):
        start, end = m.span()
        if end < len(text) and text[end] == ".":
            end = text.rfind(" ", start, end)
        if start > 0 and text[start - 1] == "." and end > start:
            cut = text.find(" ", start, end)
            start = end if cut < 0 else cut + 1
        if end > start:
            yield start, end


def _mark_changes(text: str, kinds: str) -> tuple[list[tuple[int, int, str]], str, int]:
    """Repaired chunks of ``text`` ((start, end, repaired)), the kinds of all edits made and the
    number of damaged stretches."""
    repaired = []
    made = ""
    regions = 0
    for start, end in _chunks(text):
        chunk = text[start:end]
        new, kinds_made, n = _fix_chunk(chunk, _ALL_KINDS)  # as :func:`needed` worked it out
        if kinds != _ALL_KINDS and not set(kinds_made) <= set(kinds):
            new, kinds_made, n = _fix_chunk(chunk, kinds)
        regions += n
        if kinds_made:
            repaired.append((start, end, new))
            made += kinds_made
    return repaired, made, regions


# A Latin letter between Thai characters, where a Canva font's positioned tone mark came out.
_LATIN_SITE = re.compile("(?<=[\u0e01-\u0e4e])[a-zA-Z](?=[\u0e01-\u0e4e])")
# possessive, and only from the start of a Thai run: linear in the text
_LATIN_TOKEN = re.compile("(?<![\u0e01-\u0e4e])[\u0e01-\u0e4e]++(?:[a-zA-Z][\u0e01-\u0e4e]++)+")
_LATIN_MAP = re.compile("x((?:[a-zA-Z][\u0e48-\u0e4c])+)")
_LATIN_MAX_SITES = 3  # per token, for the vote (5 ** 3 readings)


def _unknown(token: str) -> tuple[int, int]:
    """(characters outside any dictionary word, pieces) of ``token``."""
    pieces = _pieces(token)
    return sum(b - a for a, b, known in pieces if not known), len(pieces)


def _latin_marks(text: str) -> dict[str, str]:
    """Which tone mark each Latin letter stands for in ``text``: every token holding such letters
    votes for the marks of its best dictionary readings (fewest characters outside words, then
    fewest words), a letter takes the mark with most votes."""
    votes: dict[str, dict[str, int]] = {}
    for token in {m.group() for m in _LATIN_TOKEN.finditer(text)}:
        sites = [i for i, c in enumerate(token) if c.isascii()]
        if len(sites) > _LATIN_MAX_SITES:
            continue
        readings = []
        for marks in product(_TONES + "\u0e4c", repeat=len(sites)):
            chars = list(token)
            for i, mark in zip(sites, marks, strict=True):
                chars[i] = mark
            readings.append((_unknown("".join(chars)), marks))
        best = min(score for score, _ in readings)
        if best[0] >= _unknown(token)[0] - len(sites):  # no reading is better than dropping the letters
            continue
        for score, marks in readings:
            if score == best:
                for i, mark in zip(sites, marks, strict=True):
                    counts = votes.setdefault(token[i], {})
                    counts[mark] = counts.get(mark, 0) + 1
    return {letter: max(counts, key=lambda m: (counts[m], m)) for letter, counts in votes.items()}


def _latin_changes(text: str, marks: dict[str, str]) -> dict[str, str]:
    """Tokens of ``text`` whose Latin letters, read as ``marks``, leave fewer characters outside
    dictionary words ({token: repaired})."""
    out = {}
    for token in {m.group() for m in _LATIN_TOKEN.finditer(text)}:
        new = _LATIN_SITE.sub(lambda m: marks.get(m.group(), m.group()), token)
        if new != token and _unknown(new)[0] < _unknown(token)[0]:
            out[token] = new
    return out


def _parse(directions: str) -> tuple[str, str, dict[str, str]]:
    """(sara am directions, mark kinds, Latin letter -> tone mark) of a :func:`needed` result."""
    m = _LATIN_MAP.search(directions)
    latin = dict(zip(m.group(1)[::2], m.group(1)[1::2], strict=True)) if m else {}
    rest = _LATIN_MAP.sub("", directions)
    return ("".join(c for c in (SARA_AA, SARA_AM) if c in rest),
            "".join(k for k in _ALL_KINDS if k in rest), latin)


def _sara_am_needed(text: str) -> str:
    directions = ""
    runs = _runs(text)
    for flip in (SARA_AA, SARA_AM):
        kept_same = text.count(_SWAP[flip])  # e.g. the ำ already there, for the า→ำ repair
        _, changed = _changes(runs, flip)
        if changed >= MIN_CHANGES and changed >= MIN_SHARE * (changed + kept_same):
            directions += flip
    return directions


def _repair_sara_am(text: str, directions: str) -> str:
    if not directions:
        return text
    repaired, _ = _changes(_runs(text), directions)
    if not repaired:
        return text
    return _RUN.sub(lambda m: repaired.get(m.group(), m.group()), text)


def _repair_latin(text: str, marks: dict[str, str]) -> tuple[str, int]:
    repaired = _latin_changes(text, marks)
    if not repaired:
        return text, 0
    count = 0

    def sub(m: re.Match[str]) -> str:
        nonlocal count
        new = repaired.get(m.group())
        if new is None:
            return m.group()
        count += sum(a != b for a, b in zip(m.group(), new, strict=True))
        return new

    return _LATIN_TOKEN.sub(sub, text), count


def _apply(text: str, repaired: list[tuple[int, int, str]]) -> str:
    out, at = [], 0
    for start, end, new in repaired:
        out += [text[at:start], new]
        at = end
    return "".join(out) + text[at:]


def _plan(text: str) -> tuple[str, str, list[tuple[int, int, str]]]:
    """(:func:`needed` of ``text``, ``text`` with its sara am and Latin letters repaired, the chunk
    repairs of every kind on that text)."""
    directions = _sara_am_needed(text)
    text = _repair_sara_am(text, directions)
    marks = _latin_marks(text)
    if marks:
        latin, count = _repair_latin(text, marks)
        if count >= MIN_CHANGES:
            directions += "x" + "".join(letter + mark for letter, mark in sorted(marks.items()))
            text = latin
    repaired, made, regions = _mark_changes(text, _ALL_KINDS)
    kinds = "".join(k for k in _ALL_KINDS if made.count(k) >= max(MIN_CHANGES, MIN_MARK_SHARE * regions))
    return directions + kinds, text, repaired


def needed(text: str) -> str:
    """The repairs ``text`` (already :func:`oitbase.thai.clean`) needs, for :func:`repair`: "" when none.

    "า" (lost sara am: า read as ำ where that makes words), "ำ" (swapped font: ำ read as า), then
    "x" and the tone mark each Latin letter stands for ("xl\u0e49k\u0e48"), then the kinds of mark
    and spacing edits ("s", "u", "t": see :data:`SPACING`) that make at least :data:`MIN_CHANGES`
    edits and repair at least :data:`MIN_MARK_SHARE` of the stretches outside dictionary words."""
    return _plan(text)[0]


def repair(text: str, directions: str | None = None) -> str:
    """``text`` (already :func:`oitbase.thai.clean`) with lost or swapped sara am, Canva's Latin
    letters and misplaced, dropped or spaced-apart marks repaired.

    ``directions`` is the result of :func:`needed`; by default it is worked out from ``text``
    itself. Only sara am, and the marks, spaces and vowels of stretches that are not dictionary
    words, change; digits, Latin words and line breaks stay.
    """
    if directions is None:
        directions, text, repaired = _plan(text)
        kinds = _parse(directions)[1]
        if kinds == _ALL_KINDS:
            return _apply(text, repaired)
        return _apply(text, _mark_changes(text, kinds)[0]) if kinds else text
    if not directions:
        return text
    sara_am, kinds, latin = _parse(directions)
    text = _repair_sara_am(text, sara_am)
    if latin:
        text, _ = _repair_latin(text, latin)
    return _apply(text, _mark_changes(text, kinds)[0]) if kinds else text


def word_share(text: str, limit: int = 3000) -> float | None:
    """Share of the Thai letters of ``text`` (its first ``limit`` characters) that the dictionary segmentation
    puts inside words: about 0.9 or more for well-read Thai, far lower for OCR that misread letters. None when
    there is too little Thai to tell."""
    total = known = 0
    for m in _RUN.finditer(text[:limit]):
        total += len(m.group())
        # One-letter "words" are what the segmentation leaves of misread text, not words read.
        known += sum(b - a for a, b, is_word in _pieces(m.group()) if is_word and b - a > 1)
    return known / total if total >= 50 else None
