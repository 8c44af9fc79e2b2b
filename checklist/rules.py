"""Declarative rules of a catalog item, evaluated on one piece of evidence.

Pure functions: (item, resource, fiscal year) → ``Outcome``. Element phrases are compared after
Thai folding; regular expressions see the cleaned text with Thai digits turned into ASCII ones.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from checklist.catalog import Element, EvidenceType, Forbid, Item, YearRule, default_vocabulary
from checklist.evidence import evidence_type_of, subject_of
from checklist.sitedata import Resource
from checklist.textparts import person_blocks, signed_by
from oitbase import thaidates
from oitbase.thai import Folded, fold, to_arabic_digits

#: How much of a document the year rules read (titles and first pages carry the year).
YEAR_WINDOW = 6000
#: A main year further back than this is taken as unreadable rather than as the document's year.
PLAUSIBLE_YEARS = 15


@dataclass
class Outcome:
    found: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    #: Negative rules that fired (Thai reasons).
    forbidden: list[str] = field(default_factory=list)
    #: None when the item has no year rule.
    year_ok: bool | None = None
    year: int | None = None
    year_note: str = ""
    #: How the year was known: "stated" (the document's main year), "inferred" (a range it covers, a
    #: date within the year, a year mentioned), "corrected" (digits OCR misread, read back), "" (no year
    #: rule, or not found).
    year_how: str = ""
    #: The evidence type read from the subject (``checklist.evidence``), "" when it has none.
    kind: str = ""
    #: The type is one the item asks for by name (its subject names the item), so the kind is sure.
    kind_named: bool = False
    remarks: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.missing and not self.forbidden and self.year_ok is not False

    @property
    def problems(self) -> list[str]:
        out = list(self.forbidden)
        if self.year_ok is False and self.year_note:
            out.append(self.year_note)
        return out + self.missing


@cache
def _regex(pattern: str) -> re.Pattern:
    return re.compile(pattern, re.IGNORECASE | re.MULTILINE)


def _feature_count(res: Resource, name: str) -> int:
    count = int(res.features.get(name, 0) or 0)
    if name == "map" and not count and res.is_document:
        # A document shows a map as a picture: accept a picture captioned แผนที่.
        if res.features.get("image", 0) and res.folded.contains("แผนที่"):
            count = 1
    return count


def element_present(el: Element, res: Resource, digits_text: str) -> bool:
    """Whether the element's conditions hold on the whole resource (``per_person`` is ignored here)."""
    if el.or_feature and _feature_count(res, el.or_feature):
        return True
    return _conditions_hold(el, res.folded, digits_text, res) and _signed(el, res)[0]


def _conditions_hold(el: Element, folded: Folded, digits_text: str, res: Resource | None) -> bool:
    """``any``/``all``/``pattern`` on the given text, and ``feature`` on ``res`` (when given)."""
    if el.any:
        if el.min_count <= 1:
            if not any(folded.contains(p) for p in el.any):
                return False
        elif sum(folded.count(p) for p in el.any) < el.min_count:
            return False
    if el.all and not all(folded.contains(p) for p in el.all):
        return False
    if el.pattern and not _regex(el.pattern).search(digits_text):
        return False
    if el.feature and res is not None:
        need = el.min_count if not el.any else 1
        if _feature_count(res, el.feature) < need:
            return False
    return True


def _signed(el: Element, res: Resource) -> tuple[bool, str]:
    if not el.signed_by:
        return True, ""
    return signed_by(res.body or res.text, el.signed_by)


def check_element(el: Element, res: Resource, digits_text: str) -> tuple[bool, str]:
    """(present, Thai detail of what is lacking: which persons, who signed …)."""
    if el.per_person:
        return _check_per_person(el, res)
    if el.or_feature and _feature_count(res, el.or_feature):
        return True, ""
    ok, detail = _signed(el, res)
    if not ok:
        return False, detail
    return _conditions_hold(el, res.folded, digits_text, res), ""


def _check_per_person(el: Element, res: Resource) -> tuple[bool, str]:
    body = res.body or res.text
    people = person_blocks(body, el.person_markers)
    if not people:
        # The list could not be cut per person (names in a picture, a table read as one line): judge the page's
        # own text (without menus and footer, whose phone numbers are the unit's, not the executives').
        own = Folded(body)
        ok = _conditions_hold(el, own, to_arabic_digits(own.cleaned), res)
        return ok, "" if ok else "ไม่พบรายชื่อพร้อมตำแหน่งที่แยกตรวจรายคนได้"
    if el.feature and _feature_count(res, el.feature) < len(people):
        return False, f"พบ {_feature_count(res, el.feature)} รายการ แต่มีผู้บริหาร {len(people)} คน"
    if not (el.any or el.all or el.pattern):
        return True, ""
    lacking = []
    for person in people:
        folded = Folded(person.text)
        if not _conditions_hold(el, folded, to_arabic_digits(folded.cleaned), None):
            lacking.append(person.who)
    if lacking:
        return False, f"ไม่มีใน {len(lacking)} จาก {len(people)} คน: " + "; ".join(lacking[:4])
    return True, ""


#: Folded words that, right before a phrase, deny it ("ไม่ได้ดำเนินการ", "ยังไม่", "มิได้").
_NEGATIONS = tuple(fold(w) for w in ("ไม่", "มิได้", "มิใช่"))
#: How far back (folded characters) a negation reaches: "ไม่ได้จัดกิจกรรม", "ยังไม่ได้มีการจัดอบรม".
_NEGATION_REACH = 10
#: Folded words right before a phrase that make it a plan or a wish, not a fact: "จะจัดกิจกรรม",
#: "พิจารณาจัดกิจกรรมในปีถัดไป", "เมื่อดำเนินการแล้วเสร็จ", "ให้แล้วเสร็จภายใน".
_NOT_YET = tuple(fold(w) for w in ("จะ", "พิจารณา", "เตรียม", "วางแผน", "เมื่อ", "ให้", "หาก", "คาดว่า"))


def affirmed(folded: str, phrase: str) -> bool:
    """Whether ``phrase`` (folded) occurs in ``folded`` at least once as a fact: not within reach of a
    negation ("ได้ดำเนินการ" in "ไม่ได้ดำเนินการ", "จัดกิจกรรม" in "ไม่ได้จัดกิจกรรม") and not right after a
    word of intent ("จะพิจารณาจัดกิจกรรม", "เมื่อดำเนินการแล้วเสร็จ")."""
    start = folded.find(phrase)
    while start >= 0:
        before = folded[max(0, start - _NEGATION_REACH):start]
        if not any(neg in before for neg in _NEGATIONS) and not before.endswith(_NOT_YET):
            return True
        start = folded.find(phrase, start + 1)
    return False


def forbid_fires(rule: Forbid, res: Resource, digits_text: str) -> bool:
    hit = any(res.folded.contains(p) for p in rule.any) or bool(
        rule.pattern and _regex(rule.pattern).search(digits_text)
    )
    if not hit or (rule.unless_feature and _feature_count(res, rule.unless_feature)):
        return False
    return not any(affirmed(res.folded.folded, fold(p)) for p in rule.unless_any if fold(p))


def kind_conflict(item: Item, res: Resource, types: list[EvidenceType], fillers: list[str]) -> tuple[str, bool, str]:
    """(type id, named, Thai reason when the type is one the item never takes). A subject that names the
    item itself ("ประกาศ … เรื่อง รายงานผลการดำเนินงานประจำปี") is never a conflict."""
    subject, before = subject_of(res)
    kind = evidence_type_of(subject, before, types, fillers)
    if kind is None:
        return "", False, ""
    names = [fold(t) for t in (item.name, *item.terms[:1]) if t]
    if any(n and n in fold(subject) for n in names):
        return kind.id, True, ""
    if kind.unless_feature and _feature_count(res, kind.unless_feature):
        return "", False, ""
    if kind.id in item.not_kinds:
        return kind.id, False, f"เอกสารนี้เป็น{kind.label} ({subject[:60]}) ไม่ใช่หลักฐานที่ข้อนี้ต้องการ"
    return kind.id, False, ""


#: Evidence types that record an event: they are about the year it took place, not the years of a plan
#: they mention ("ประชุมประชาคมเพื่อจัดทำแผนพัฒนาท้องถิ่น (พ.ศ. 2566–2570)" held in March 2566).
EVENT_KINDS = ("activity", "minutes")
#: A main year this far after the assessed year is a misread (OCR: ๒๕๖๖ read as ๒๕๘๖), not a year.
FUTURE_YEARS = 6


def check_year(rule: YearRule, res: Resource, fy: int, kind: str = "") -> tuple[bool | None, int | None, str, str]:
    """(ok, year the evidence is about, Thai note, how the year was known: "stated"/"inferred"/"")
    for the item's year rule; ``kind`` is the resource's evidence type."""
    if rule is YearRule.none:
        return None, None, "", ""
    # The page's own text: menus and sidebars repeat other years (news dates, "© 2567").
    head = res.body[:YEAR_WINDOW]
    title = " ".join([res.title, *res.headings, *res.anchors[:3]])
    reading = thaidates.main_year(head, title=title)
    main = reading.year if reading else None
    if main is not None and not fy - PLAUSIBLE_YEARS <= main <= fy + FUTURE_YEARS:
        main = None  # OCR misreads Thai digits (๖ as ๒ or ๘: "๒๕๒๒", "๒๕๘๖"): such a year is not evidence
    mentions = thaidates.find_years(title + "\n" + head)
    mentioned = {m.year for m in mentions}
    # A multi-year plan ("พ.ศ. 2566-2570") is about every year it covers.
    mentioned |= {y for m in mentions if m.kind == "range" and m.end for y in range(m.year, m.end + 1)}
    if rule is YearRule.first_half:
        return _check_first_half(res, fy, main)
    if rule is YearRule.previous_academic_year:
        return _check_academic_year(title + "\n" + head, fy)
    if rule is YearRule.dated_items:
        if _dated_within(res.body, {fy}):
            return True, fy, "", "stated"
        return False, main, f"ไม่พบรายการที่ลงวันที่ในปีงบประมาณ {fy} (1 ต.ค. {fy - 1} – 30 ก.ย. {fy})", ""
    accepted = {
        YearRule.assessed: {fy},
        YearRule.previous: {fy - 1, fy},
        YearRule.assessed_or_previous: {fy - 1, fy},
        YearRule.analysis_of_previous: {fy},
    }[rule]
    if reading is not None and reading.corrected and main is not None:
        # The year rests only on digits OCR misread and that were corrected (๖ read as ๒): accept when one of
        # the readings is the year asked for, never reject on such a guess.
        options = {main, *reading.alternatives} & accepted
        if options:
            return True, max(options), "", "corrected"
        main = None
    if kind in EVENT_KINDS and rule is not YearRule.analysis_of_previous:
        # An event is about the year it took place: its dates decide, not the plan years it mentions.
        dated = [thaidates.fiscal_year_of(m.date) for m in thaidates.find_dates(title + "\n" + head)]
        if any(y in accepted for y in dated):
            return True, max(y for y in dated if y in accepted), "", "stated"
        if dated:
            year = max(dated)
            return False, year, f"กิจกรรมจัดขึ้นในปีงบประมาณ {year} ไม่ใช่ปี {_years_th(accepted)}", "stated"
    if rule is YearRule.analysis_of_previous:
        # The unit analyses FY-1's ITA result (often titled with FY-1) and sets measures for FY.
        everywhere = {m.year for m in thaidates.find_years(res.body)} | mentioned
        if main in (fy - 1, fy) and fy in everywhere:
            return True, fy, "", "stated"
    elif main in accepted:
        return True, main, "", "stated"
    elif accepted & mentioned and any(m.kind == "range" for m in mentions) and kind not in EVENT_KINDS:
        return True, max(accepted & mentioned), "", "stated"
    if main is None:
        if accepted & mentioned or _dated_within(head, accepted):
            return True, fy, "", "inferred"
        return False, None, f"ไม่ระบุปีงบประมาณ (ต้องเป็นข้อมูลปี {_years_th(accepted)})", ""
    return False, main, f"เป็นข้อมูลปี {main} ไม่ใช่ปี {_years_th(accepted)}", "stated"


#: "ปีการศึกษา 2568", "ปีการศึกษา พ.ศ. ๒๕๖๘" on folded text (spaces gone, digits Arabic, the sara ue that PDF
#: extraction moves "ปีการศกึษา" either side of ก).
_ACADEMIC_YEAR = re.compile(r"ปีการศ(?:ึก|กึ)ษา(?:พ\.?ศ\.?)?(25[5-9]\d)(?!\d)")


def _check_academic_year(text: str, fy: int) -> tuple[bool | None, int | None, str, str]:
    """A report of the last academic year that has ended. An academic year runs May–March: during FY (Oct FY-1 –
    Sep FY) that is FY-1 (ended in March FY) or, before its report is out, FY-2."""
    accepted = {fy - 2, fy - 1}
    m = _ACADEMIC_YEAR.search(fold(text))  # the first: the title or the cover states the report's year
    if not m:
        return False, None, f"ไม่ระบุปีการศึกษา (ต้องเป็นรายงานปีการศึกษา {_years_th(accepted)})", ""
    year = int(m.group(1))
    if year in accepted:
        return True, year, "", "stated"
    return False, year, f"เป็นรายงานปีการศึกษา {year} ไม่ใช่ปีการศึกษา {_years_th(accepted)}", "stated"


def _years_th(years: set[int]) -> str:
    return " หรือ ".join(str(y) for y in sorted(years, reverse=True))


def _dated_within(text: str, fiscal_years: set[int]) -> bool:
    return any(thaidates.fiscal_year_of(m.date) in fiscal_years for m in thaidates.find_dates(text))


def _check_first_half(res: Resource, fy: int, main: int | None) -> tuple[bool | None, int | None, str, str]:
    want = f"ต้องครอบคลุม 1 ต.ค. {fy - 1} – 31 มี.ค. {fy} (รอบ 6 เดือนแรกของปีงบประมาณ {fy})"
    periods = thaidates.find_periods(" ".join([res.title, *res.headings]) + "\n" + res.body[:YEAR_WINDOW])
    # A period in years no report can be about is misread digits ("ตุลาคม ๒๕๒๒ – มีนาคม ๒๕๒๓" for ๒๕๖๖–๒๕๖๗),
    # as for the main year: it is no evidence either way.
    periods = [p for p in periods if fy - PLAUSIBLE_YEARS <= p.fiscal_year <= fy + FUTURE_YEARS]
    # Written dates beat a period inferred from "รอบ 6 เดือน" + a fiscal year.
    periods = [p for p in periods if not p.inferred] or periods
    first = [p for p in periods if p.is_first_half_of(fy)]
    if first:
        return True, fy, "", "inferred" if all(p.inferred for p in first) else "stated"
    if periods:
        p = periods[0]
        note = f"ช่วงเวลาของรายงานคือ {p.text} ({p.thai()}) ซึ่งไม่ใช่รอบ 6 เดือนที่ประเมิน: {want}"
        return False, p.fiscal_year, note, "stated"
    if main is not None and main != fy:
        return False, main, f"เป็นข้อมูลปี {main}: {want}", "stated"
    return False, main, f"ไม่ระบุช่วงเวลาของรายงาน: {want}", ""


def evaluate(
    item: Item, res: Resource, fy: int, types: list[EvidenceType] | None = None, fillers: list[str] | None = None
) -> Outcome:
    """Check one resource against the item's evidence types, elements, negative rules and year rule
    (``types``/``fillers``: the catalog's vocabulary; the bundled one by default)."""
    out = Outcome()
    vocab = default_vocabulary()
    out.kind, out.kind_named, conflict = kind_conflict(
        item, res, vocab["evidence_types"] if types is None else types,
        vocab["subject_fillers"] if fillers is None else fillers,
    )
    digits_text = to_arabic_digits(res.folded.cleaned)
    for el in item.elements:
        present, detail = check_element(el, res, digits_text)
        label = f"{el.label} ({detail})" if detail else el.label
        if present:
            out.found.append(el.label)
        elif el.required:
            out.missing.append(label)
        else:
            out.remarks.append(f"ไม่พบ (ไม่บังคับ): {label}")
    out.forbidden = [rule.label for rule in item.forbid if forbid_fires(rule, res, digits_text)]
    if conflict:
        out.forbidden.insert(0, conflict)
    out.year_ok, out.year, out.year_note, out.year_how = check_year(item.year_rule, res, fy, out.kind)
    return out
