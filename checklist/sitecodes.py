"""Does the unit's own ITA index list the items of the catalog we judge with?

Units list the year's items on their ITA index page ("O1 | โครงสร้าง | ลิงก์" …). When that list does
not follow the catalog (the site numbers the 43 items of 2566 while we check the 26 of 2569, or lists
O27–O30 beyond a catalog that stops at O26), the report must say so at once, item by item: either the
catalog is out of date, or the site's page follows another year's list.

:func:`compare_site_codes` is pure (no I/O): a catalog, a :class:`~checklist.sitedata.SiteData` and the
assessed year in, a :class:`CatalogFit` out. It is conservative: labels are often abbreviated
("โครงสร้าง" for "โครงสร้าง หน้าที่และอำนาจ"), longer than the name, numbered, dated ("… ประจำปี 2570") or
written in Thai digits, so a label counts as the catalog's item whenever it resembles it at all, and a
mismatch is only said when the label clearly names another item or clearly names none and is long
enough to judge. Catalog codes the site does not list are counted, never reported one by one.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import Literal

from checklist.catalog import Catalog, Item
from checklist.engine import OTHER_ITEM_TERM, term_in
from checklist.sitedata import ItaRow, SiteData
from oitbase import thaidates
from oitbase.itemcodes import LETTERS
from oitbase.thai import Folded, clean, fold

MismatchKind = Literal["not_in_catalog", "other_item", "different_name"]

#: A page with rows for at least this many codes is an index page (``crawler.ita_index.MIN_CODES``); rows of
#: pages with fewer are an item's own page, which repeats the label of the index row that led there.
INDEX_MIN_CODES = 5
#: A label needs this many letters (Thai or Latin) before it may be said to name no item.
MIN_JUDGED_LETTERS = 4
#: A label is the catalog's own item when, against the item's name or one of its terms, the difflib ratio
#: reaches OWN_RATIO, or the shorter text is found in the longer one, in order, to OWN_COVER of its length
#: (an abbreviation that drops words: "รายงานผลการจัดการความเสี่ยง"). Lenient: a miss here is an alarm.
OWN_RATIO = 0.75
OWN_COVER = 0.85
#: Common pieces of at least this many folded characters count for OWN_COVER (shorter ones, "การ", are chance).
COVER_BLOCK = 3
#: …and the shorter text must be this long for OWN_COVER to apply.
COVER_MIN = 6
#: Below this resemblance to its own item a long enough label "names no item" (different_name); between it
#: and the match thresholds the label is unclear and not reported.
DIFFERENT_BELOW = 0.8
#: A label names another item when one of that item's terms of OTHER_ITEM_TERM or more folded characters
#: opens it (or makes OTHER_SHARE of it), when it is a piece of that item's name (at least OTHER_ITEM_TERM
#: characters), or when their ratio reaches OTHER_RATIO; and that item only: the next best must be weaker by
#: OTHER_MARGIN.
OTHER_RATIO = 0.85
OTHER_MARGIN = 1.25
#: A phrase of another item inside the label (not at its start) must make this share of it.
OTHER_SHARE = 0.75
#: A long phrase of another item (OPENING_TERM folded characters or more) also names it when it opens the label
#: with words put in between: OPEN_COVER of it found in order within twice its length.
OPENING_TERM = 15
OPEN_COVER = 0.9
#: A very long label (a row that also lists its documents) is read for another item's name in its head only.
LABEL_HEAD = 120
#: The catalog is likely out of date (or the page follows another list) at this many mismatches, or when at
#: least this share of the compared codes mismatch (and at least two do: one odd row of three is no trend).
OUT_OF_DATE_MISMATCHES = 3
OUT_OF_DATE_SHARE = 0.2
#: Labels are quoted in messages up to this many characters.
QUOTE_CHARS = 80

# --- label cleaning -----------------------------------------------------------------------------------------

_DIGIT = "0-9๐-๙"
#: What a row may start with before the name: bullets, "ข้อ 1", "ข้อที่ 1.", "(1)", "1)", the code again "O1:".
_PREFIX = re.compile(
    rf"^[\W_]*(?:ข้อ(?:ที่)?(?=[\s{_DIGIT}{LETTERS}])\s*)?"  # "ข้อ", "ข้อที่" (not the ข้อ of ข้อมูล)
    rf"(?:[{LETTERS}]\s*\.?\s*(?=[{_DIGIT}]))?"  # the code's letter (oitbase.itemcodes), when digits follow
    rf"(?:\(?[{_DIGIT}]{{1,2}}(?![{_DIGIT}])\s*[.):\-–|]?)?[\W_]*"
)
#: Link words and URLs that table rows carry after the name ("… คลิก", "… ดาวน์โหลด", "… https://…").
_LINK_WORDS = re.compile(
    r"https?://\S+|www\.\S+|คลิกที่นี่|คลิก|ลิงก์|ลิงค์|ดาวน์โหลด|ดาวโหลด|รายละเอียด|ดูข้อมูล|อ่านต่อ|เปิดดู"
    r"|\b(?:link|click|download|here)\b",
    re.IGNORECASE,
)
#: A year said in the label ("ประจำปีงบประมาณ พ.ศ. 2570", "ปี 2569", "พ.ศ.. 2568", "2566-2570").
_YEAR = re.compile(
    rf"(?:ประจำ\s*)?(?:ปี\s*)?(?:งบประมาณ\s*)?(?:พ\s*\.\s*ศ\s*\.*\s*)?[{_DIGIT}]{{4}}"
    rf"(?:\s*[-–]\s*(?:[{_DIGIT}]{{4}}|[{_DIGIT}]{{2}}))?(?![{_DIGIT}])"
)
_EMPTY_BRACKETS = re.compile(r"\(\s*\)|\[\s*\]")
_LETTER = re.compile(r"[\u0e01-\u0e30\u0e32\u0e33\u0e40-\u0e46A-Za-z]")
#: Script text that row texts carry when a link is written by JavaScript ("document.write('<a href=…").
_SCRIPT = re.compile(r"(?:document\.write(?:ln)?\s*\(|javascript:|<a\s+href).*", re.IGNORECASE | re.DOTALL)
#: Thai read as Latin-1 (a TIS-620 page whose charset only the HTTP header gave): "ËÁÒÂ·Õè" for "หมายที่".
_MOJIBAKE = re.compile(r"[\u00a1-\u00fb]")
_THAI = re.compile(r"[\u0e01-\u0e5b]")


def _unmangle(text: str) -> str:
    """Thai that was decoded as Latin-1, decoded again as TIS-620; any other text as it is."""
    if len(_MOJIBAKE.findall(text)) < 3 or _THAI.search(text):
        return text
    try:
        fixed = text.encode("latin-1").decode("cp874")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return text
    return fixed if len(_THAI.findall(fixed)) >= 3 else text


def display_label(label: str) -> str:
    """The row's label as the site writes it, without numbering, the code, link words, URLs and script."""
    text = _SCRIPT.sub(" ", _unmangle(label))
    text = " ".join(clean(text).split())
    text = _LINK_WORDS.sub(" ", text)
    text = _PREFIX.sub("", text, count=1)
    return " ".join(text.split()).strip(" :.-–|/")


def label_key(label: str) -> str:
    """The folded form a label is compared on: :func:`display_label` without the years it states."""
    return fold(_EMPTY_BRACKETS.sub(" ", _YEAR.sub(" ", display_label(label))))


def _letters(text: str) -> int:
    return len(_LETTER.findall(text))


def quote(text: str, limit: int = QUOTE_CHARS) -> str:
    """``text`` on one line, cut to ``limit`` characters."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


# --- resemblance ----------------------------------------------------------------------------------------------


def _cover(a: str, b: str) -> float:
    """Share of the shorter text found in the longer one, in order, in pieces of COVER_BLOCK characters or more."""
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    if len(short) < COVER_MIN:
        return 0.0
    blocks = SequenceMatcher(None, short, long_, autojunk=False).get_matching_blocks()
    return sum(blk.size for blk in blocks if blk.size >= COVER_BLOCK) / len(short)


def _opens(term: str, key: str) -> bool:
    """``term`` opens ``key`` with a few words put in between ("รายงานผลการดำเนินงานตามแผนปฏิบัติการป้องกัน
    ปราบปรามการทุจริต…" for "…ป้องกันการทุจริต"): both start alike and OPEN_COVER of the term is found in order."""
    if not key.startswith(term[:COVER_MIN]):
        return False
    window = key[: 2 * len(term)]
    blocks = SequenceMatcher(None, term, window, autojunk=False).get_matching_blocks()
    return sum(blk.size for blk in blocks if blk.size >= COVER_BLOCK) >= OPEN_COVER * len(term)


def _ratio(a: str, b: str, at_least: float = 0.0) -> float:
    """difflib's ratio of ``a`` and ``b``; 0.0 when it is below ``at_least`` (cheap bounds first)."""
    if not a or not b or 2 * min(len(a), len(b)) < at_least * (len(a) + len(b)):
        return 0.0
    sm = SequenceMatcher(None, a, b, autojunk=False)
    if sm.quick_ratio() < at_least:
        return 0.0
    r = sm.ratio()
    return r if r >= at_least else 0.0


@dataclass
class _ItemKeys:
    item: Item
    #: The name and terms, raw (for ``term_in``) and folded without years.
    phrases: list[str]
    keys: list[str]

    @classmethod
    def of(cls, item: Item) -> _ItemKeys:
        phrases = [p for p in dict.fromkeys([item.name, *item.terms]) if p and fold(p)]
        keys = list(dict.fromkeys(k for k in (fold(_YEAR.sub(" ", p)) for p in phrases) if k))
        return cls(item, phrases, keys)

    def own_score(self, label: Folded, key: str) -> float:
        """How much the label resembles this item: 1.0 when a term is in it or it is in a term, else the
        best ratio or cover (each scaled so that its threshold reads as 1.0)."""
        if any(term_in(label, p) for p in self.phrases):
            return 1.0
        if _letters(label.cleaned) >= MIN_JUDGED_LETTERS and any(key in k for k in self.keys):
            return 1.0
        best = 0.0
        for k in self.keys:
            best = max(best, _ratio(key, k, DIFFERENT_BELOW * OWN_RATIO) / OWN_RATIO, _cover(key, k) / OWN_COVER)
        return min(best, 1.0)

    def names_strength(self, key: str) -> float:
        """How clearly the folded label ``key`` names this item (0 when it does not): the length of the phrase
        found. A phrase of the item must open the label or make most of it ("การดำเนินการตามนโยบาย…" is the
        action taken, not the policy), the label must be a long piece of the item's name, or the two alike."""
        best = 0.0
        for k in self.keys:
            pos = key.find(k) if len(k) >= OTHER_ITEM_TERM else -1
            if pos == 0 or (pos > 0 and len(k) >= OTHER_SHARE * len(key)):
                best = max(best, float(len(k)))
            if len(key) >= OTHER_ITEM_TERM and key in k:  # weighed by how much of the phrase it is
                best = max(best, len(key) * len(key) / len(k))
            if len(k) >= OPENING_TERM and _opens(k, key):
                best = max(best, float(len(k)))
            best = max(best, _ratio(key, k, OTHER_RATIO) * len(k))
        return best


# --- results ----------------------------------------------------------------------------------------------------


@dataclass
class CodeMismatch:
    """One code of the site's ITA index that does not fit the catalog."""

    code: str
    #: The site's label as it writes it (numbering and link words removed).
    site_label: str
    #: The index page the row is on.
    page_url: str
    #: The catalog's name for ``code`` (None when the catalog has no such code).
    catalog_name: str | None
    kind: MismatchKind
    #: The catalog item the site's label names, when it clearly names one ("O12").
    named_item: str | None
    message_th: str
    message_en: str
    #: The catalog's name of ``named_item``.
    named_name: str | None = None


@dataclass
class CatalogFit:
    """How the site's ITA index fits a catalog."""

    #: Codes compared: matched or mismatched (codes whose catalog item is unknown, and labels too short or too
    #: unclear to judge, are counted apart).
    rows_compared: int
    matched: int
    mismatches: list[CodeMismatch]
    likely_out_of_date: bool
    #: Among the other catalogs, the id of the one the site's rows match clearly better.
    better_catalog: str | None
    #: The fiscal year the compared index pages state (None when they state none); when the site's only
    #: index pages are of another year, that year, and nothing is compared.
    page_year: int | None
    summary_th: str
    summary_en: str
    #: The catalog compared with, and the assessed fiscal year.
    catalog_id: str = ""
    fiscal_year: int = 0
    #: Codes whose catalog item is ``unknown: true`` (guessed names): neither match nor mismatch.
    unknown_items: int = 0
    #: Codes whose labels are too short (or too unclear) to judge and do not match.
    unjudged: int = 0
    #: Catalog codes the site's index does not list (units often omit rows; not reported one by one).
    missing_on_site: int = 0
    #: Index pages the rows compared come from (when nothing was compared for another year's page: those pages).
    pages: list[str] = field(default_factory=list)
    #: The better catalog's item count, for "your ITA page follows nacc-2567 (43 items)".
    better_items: int = 0

    @property
    def other_year_page(self) -> bool:
        """The site's index pages are all of another year than the assessed one (nothing was compared)."""
        return self.page_year is not None and self.page_year != self.fiscal_year and self.rows_compared == 0


# --- row selection ----------------------------------------------------------------------------------------


def index_page_years(site: SiteData) -> dict[str, int | None]:
    """The fiscal year each page with ITA rows is about (as the engine reads it: title and first 3,000 chars)."""
    years: dict[str, int | None] = {}
    for url in dict.fromkeys(row.page_url for row in site.ita_rows):
        page = site.get(url)
        years[url] = thaidates.main_fiscal_year(page.text[:3000], title=page.title) if page else None
    return years


def _select_rows(site: SiteData, fy: int) -> tuple[list[ItaRow], int | None, list[str]]:
    """Rows to compare, the year their pages state, and those pages.

    Rows of the assessed year's index pages or of pages that state no year (as the engine takes them).
    When the site has index pages but all of another year, no rows, that year and its pages. Item pages (fewer than
    INDEX_MIN_CODES codes) repeat their index row's label: used only when the site has no index page."""
    years = index_page_years(site)
    codes: dict[str, set[str]] = {}
    for row in site.ita_rows:
        codes.setdefault(row.page_url, set()).add(row.code)
    index = [u for u in years if len(codes[u]) >= INDEX_MIN_CODES]
    pages = [u for u in (index or list(years)) if years[u] in (None, fy)]
    if index and not pages:
        other = Counter(years[u] for u in index)
        year = max(other, key=lambda y: (other[y], y or 0))
        return [], year, [u for u in index if years[u] == year]
    chosen = set(pages)
    page_year = fy if any(years[u] == fy for u in pages) else None
    return [r for r in site.ita_rows if r.page_url in chosen], page_year, pages


# --- comparison -----------------------------------------------------------------------------------------------

#: Per-label outcomes, best first: a label that matches wins; one that resembles its item a little keeps the
#: code from being reported; then the informative mismatches; an empty or too short label tells nothing.
_RANK = {"matched": 0, "unclear": 1, "other_item": 2, "different_name": 3, "short": 4}


@dataclass
class _Verdict:
    outcome: str
    row: ItaRow
    named: Item | None = None


def _code_number(code: str) -> int:
    digits = code[1:]
    return int(digits) if digits.isdigit() else 0


def _named_item(keys: list[_ItemKeys], key: str, skip: str = "") -> Item | None:
    """The one item (other than ``skip``) the folded label clearly names, or None (none, or several alike)."""
    head = key[:LABEL_HEAD]
    scored = sorted(
        ((k.names_strength(head), k.item) for k in keys if k.item.code != skip),
        key=lambda t: -t[0],
    )
    if not scored or scored[0][0] <= 0:
        return None
    if len(scored) > 1 and scored[1][0] * OTHER_MARGIN > scored[0][0]:
        return None
    return scored[0][1]


def _judge(row: ItaRow, own: _ItemKeys, keys: list[_ItemKeys]) -> _Verdict:
    shown = display_label(row.label)
    key = label_key(row.label)
    label = Folded(_YEAR.sub(" ", shown))
    score = own.own_score(label, key) if key else 0.0
    if score >= 1.0:
        return _Verdict("matched", row)
    named = _named_item(keys, key, skip=own.item.code) if key else None
    if named is not None:
        return _Verdict("other_item", row, named)
    if _letters(label.cleaned) < MIN_JUDGED_LETTERS:
        return _Verdict("short", row)
    if score >= DIFFERENT_BELOW:
        return _Verdict("unclear", row)
    return _Verdict("different_name", row)


def _first(rows: list[ItaRow]) -> ItaRow:
    """The row with the longest label (the most to quote)."""
    return max(rows, key=lambda r: len(display_label(r.label)))


def _name_of(item: Item) -> tuple[str, str]:
    """How messages name a catalog item, Thai and English: its name, or for an item the catalog marks unknown
    its first term, said to be a guess."""
    if item.unknown and item.terms:
        return f"“{quote(item.terms[0])}” (ชื่อที่คาดไว้)", f"“{quote(item.terms[0])}” (guessed name)"
    return f"“{quote(item.name)}”", f"“{quote(item.name)}”"


def _messages(
    kind: str, code: str, label: str, own: Item | None, named: Item | None, catalog: Catalog, last: str
) -> tuple[str, str]:
    shown = display_label(label)
    q = f"“{quote(shown)}”" if shown else "(ไม่มีชื่อ)"
    qe = f"“{quote(shown)}”" if shown else "(no name)"
    named_th, named_en = _name_of(named) if named is not None else ("", "")
    if kind == "not_in_catalog":
        also_th = f" ชื่อนี้คือข้อ {named.code} {named_th} ของรายการ" if named is not None else ""
        also_en = f"; that name is the catalog's {named.code} {named_en}" if named is not None else ""
        if _code_number(code) < _code_number(last):  # a gap in the catalog's numbering, not beyond its end
            return (
                f"หน้า ITA ของเว็บไซต์มีข้อ {code} {q} แต่รายการ {catalog.id} ไม่มีข้อ {code}{also_th}",
                f"The site's ITA page lists {code} {qe}, but catalog {catalog.id} has no {code}{also_en}",
            )
        return (
            f"หน้า ITA ของเว็บไซต์มีข้อ {code} {q} แต่รายการ {catalog.id} มีถึง {last} เท่านั้น{also_th}",
            f"The site's ITA page lists {code} {qe}, but catalog {catalog.id} stops at {last}{also_en}",
        )
    assert own is not None
    own_th, own_en = _name_of(own)
    if kind == "other_item" and named is not None:
        return (
            f"ข้อ {code} บนหน้า ITA ของเว็บไซต์ {q} ตรงกับข้อ {named.code} {named_th} ของรายการ "
            f"ไม่ใช่ข้อ {code} {own_th} (เลขข้อไม่ตรงกัน)",
            f"{code} on the site's ITA page {qe} is the catalog's {named.code} {named_en}, not {code} {own_en}: "
            "the numbering differs",
        )
    return (
        f"ข้อ {code} บนหน้า ITA ของเว็บไซต์ {q} ไม่ตรงกับชื่อข้อ {code} ของรายการ {own_th}",
        f"{code} on the site's ITA page {qe} does not match the catalog's {code} {own_en}",
    )


@dataclass
class _Tally:
    matched: int = 0
    unknown: int = 0
    unjudged: int = 0
    mismatches: list[CodeMismatch] = field(default_factory=list)


def _compare_rows(catalog: Catalog, rows: list[ItaRow], unit_type: str) -> _Tally:
    items = catalog.items_for(unit_type)
    keys = [_ItemKeys.of(it) for it in items]
    by_code = {k.item.code: k for k in keys}
    last = max(items, key=lambda it: _code_number(it.code)).code if items else "O0"
    grouped: dict[str, list[ItaRow]] = {}
    for row in rows:
        grouped.setdefault(row.code, []).append(row)
    tally = _Tally()
    for code in sorted(grouped, key=_code_number):
        code_rows = list({(r.label, r.page_url): r for r in grouped[code]}.values())
        own = by_code.get(code)
        if own is None:
            if _code_number(code) <= 0:
                continue
            row = _first(code_rows)
            named = None
            for r in code_rows:
                key = label_key(r.label)
                named = _named_item(keys, key) if key else None
                if named is not None:
                    row = r
                    break
            th, en = _messages("not_in_catalog", code, row.label, None, named, catalog, last)
            tally.mismatches.append(CodeMismatch(code, display_label(row.label), row.page_url, None,
                                                 "not_in_catalog", named.code if named else None, th, en,
                                                 named.name if named else None))  # fmt: skip
            continue
        if own.item.unknown:
            tally.unknown += 1
            continue
        verdicts = [_judge(r, own, keys) for r in code_rows]
        best = min(verdicts, key=lambda v: (_RANK[v.outcome], -len(display_label(v.row.label))))
        if best.outcome == "matched":
            tally.matched += 1
        elif best.outcome in ("unclear", "short"):
            tally.unjudged += 1
        else:
            kind: MismatchKind = "other_item" if best.outcome == "other_item" else "different_name"
            th, en = _messages(kind, code, best.row.label, own.item, best.named, catalog, last)
            tally.mismatches.append(CodeMismatch(
                code, display_label(best.row.label), best.row.page_url, own.item.name, kind,
                best.named.code if best.named else None, th, en, best.named.name if best.named else None,
            ))  # fmt: skip
    return tally


def _out_of_date(mismatches: int, compared: int) -> bool:
    if mismatches >= OUT_OF_DATE_MISMATCHES:
        return True
    return mismatches >= 2 and compared > 0 and mismatches / compared >= OUT_OF_DATE_SHARE


def _better(
    base: _Tally, catalog: Catalog, rows: list[ItaRow], unit_type: str, others: Sequence[Catalog]
) -> tuple[Catalog, _Tally] | None:
    """The other catalog the rows match clearly better: more codes matched, at most half the mismatches."""
    if not base.mismatches:
        return None
    best: tuple[Catalog, _Tally] | None = None
    for other in others:
        if other.id == catalog.id:
            continue
        t = _compare_rows(other, rows, unit_type)
        if t.matched <= base.matched or len(t.mismatches) * 2 > len(base.mismatches):
            continue
        if best is None or (t.matched, -len(t.mismatches), other.fiscal_year) > (
            best[1].matched,
            -len(best[1].mismatches),
            best[0].fiscal_year,
        ):
            best = (other, t)
    return best


def compare_site_codes(
    catalog: Catalog, site: SiteData, fiscal_year: int, unit_type: str, others: Sequence[Catalog] = ()
) -> CatalogFit:
    """Compare the codes and names of the site's own ITA index with ``catalog``'s items (see the module doc).

    ``others`` are other catalogs (e.g. all bundled ones) to name the one the site's index follows when it
    follows ``catalog`` badly."""
    rows, page_year, pages = _select_rows(site, fiscal_year)
    n_items = len(catalog.items)
    if not rows:
        th, en = _summary_no_rows(catalog, fiscal_year, page_year)
        return CatalogFit(
            0, 0, [], False, None, page_year, th, en, catalog_id=catalog.id, fiscal_year=fiscal_year, pages=pages
        )
    tally = _compare_rows(catalog, rows, unit_type)
    compared = tally.matched + len(tally.mismatches)
    listed = {r.code for r in rows}
    missing = sum(1 for it in catalog.items if it.code not in listed)
    out_of_date = _out_of_date(len(tally.mismatches), compared)
    better = _better(tally, catalog, rows, unit_type, others) if out_of_date else None
    fit = CatalogFit(
        compared, tally.matched, tally.mismatches, out_of_date, better[0].id if better else None, page_year,
        "", "", catalog_id=catalog.id, fiscal_year=fiscal_year,
        unknown_items=tally.unknown, unjudged=tally.unjudged, missing_on_site=missing, pages=pages,
        better_items=len(better[0].items) if better else 0,
    )  # fmt: skip
    fit.summary_th, fit.summary_en = _summary(fit, catalog, n_items)
    return fit


def _summary_no_rows(catalog: Catalog, fy: int, page_year: int | None) -> tuple[str, str]:
    if page_year is not None and page_year != fy:
        return (
            f"หน้า ITA ของเว็บไซต์เป็นของปี {page_year} ไม่ใช่ปี {fy} ที่ประเมิน จึงไม่ได้เทียบเลขข้อกับรายการ {catalog.id} ทีละข้อ",
            f"The site's ITA page is for {page_year}, not the assessed {fy}: its codes were not compared with "
            f"catalog {catalog.id}",
        )
    return (
        "ไม่พบหน้ารวมข้อ ITA (O1, O2 …) ของหน่วยงาน จึงไม่ได้เทียบเลขข้อกับรายการ",
        "No ITA index page (O1, O2 …) found on the site: its codes were not compared with the catalog",
    )


def _summary(fit: CatalogFit, catalog: Catalog, n_items: int) -> tuple[str, str]:
    n = len(fit.mismatches)
    if not n:
        return (
            f"เลขข้อและชื่อบนหน้า ITA ของเว็บไซต์ตรงกับรายการ {catalog.id} ({fit.matched} ข้อที่เทียบได้)",
            f"The site's ITA page follows catalog {catalog.id} ({fit.matched} codes compared)",
        )
    head_th = f"หน้า ITA ของเว็บไซต์ไม่ตรงกับรายการ {catalog.id} ({n_items} ข้อ) {n} จาก {fit.rows_compared} ข้อ"
    head_en = (
        f"The site's ITA page differs from catalog {catalog.id} ({n_items} items) in {n} of {fit.rows_compared} codes"
    )
    if not fit.likely_out_of_date:
        return head_th + " (ดูรายข้อ)", head_en + " (see the items)"
    th = head_th + ": รายการที่ใช้ตรวจอาจไม่ทันสมัย หรือหน้า ITA ของเว็บไซต์ใช้รายการของปีอื่น"
    en = head_en + ": the catalog may be out of date, or the site's page follows another year's list"
    if catalog.assumed_from:
        th += f" (รายการปี {catalog.fiscal_year} นี้ใช้รายการของ {catalog.assumed_from} ไปก่อน)"
        en += f" (this {catalog.fiscal_year} catalog assumes the list of {catalog.assumed_from})"
    if fit.better_catalog:
        th += f" หน้า ITA ของเว็บไซต์ตรงกับรายการ {fit.better_catalog} ({fit.better_items} ข้อ) มากกว่า"
        en += f"; the site's ITA page follows the list of {fit.better_catalog} ({fit.better_items} items)"
    return th, en
