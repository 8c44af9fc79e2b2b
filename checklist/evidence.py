"""What a page or document is, before what it says: its evidence type, and whether it holds anything yet.

Pure functions of one ``Resource`` and the catalog's vocabulary (``checklist/vocabulary.yaml``):

* :func:`subject_of` reads the subject a person reads first: the text after "เรื่อง" in the first lines of a
  Thai official document, else its title or first heading;
* :func:`evidence_type` names the type that subject starts with (plan, report, announcement, activity …);
* :func:`placeholder_reason` says why a resource that names an item still holds no evidence ("under
  construction", "nothing yet").
"""

from __future__ import annotations

import re

from checklist.catalog import EvidenceType, Placeholders
from checklist.sitedata import Resource
from oitbase.thai import fold

#: How many of a document's first lines may hold its "เรื่อง" line (header, number, date come first).
SUBJECT_LINES = 25
#: "เรื่อง" opening a line, or inside the heading line of an announcement, order or memo
#: ("ประกาศองค์การบริหารส่วนตำบล… เรื่อง …"); not the counter word ("แล้วเสร็จ ๑ เรื่อง").
_SUBJECT = re.compile(r"^เรื่อง\s*[:：]?\s*(.+)|^(?:ประกาศ|คำสั่ง|บันทึก|ระเบียบ|ข้อบัญญัติ|เทศบัญญัติ)\S*.*?\sเรื่อง\s*[:：]?\s*(.+)")
#: Title noise of exported files ("Microsoft Word - รายงานผล.docx").
_TITLE_NOISE = re.compile(r"^(?:microsoft\s+(?:word|excel|powerpoint)\s*-\s*)|\.(?:docx?|xlsx?|pdf|pptx?)$", re.I)
_LEADING_NOISE = re.compile(r"^[\s\d๐-๙.()\-–:•*#O]*(?=\S)")


def _lines(text: str, limit: int) -> list[str]:
    out = []
    for line in text.splitlines():
        line = " ".join(line.split())
        if line:
            out.append(line)
            if len(out) >= limit:
                break
    return out


#: What a form leaves to be filled in: dots, underscores, dashes.
_BLANK_FILL = re.compile(r"[\s.…_\-–—]+")


def subject_of(res: Resource) -> tuple[str, str]:
    """(subject, what stands before it): "เรื่อง …" of a document's first lines with its heading line
    ("ประกาศองค์การบริหารส่วนตำบล…"), else the title or first heading (and "")."""
    if res.is_document:
        lines = _lines(res.body or res.text, SUBJECT_LINES)
        for i, line in enumerate(lines):
            m = _SUBJECT.match(line)
            if m:
                subject = (m.group(1) or m.group(2)).strip()
                if not _BLANK_FILL.sub("", subject):
                    continue  # a form's blank to fill in ("เรื่อง ............"): not a subject
                if len(subject) < 8 and i + 1 < len(lines):
                    subject = f"{subject} {lines[i + 1]}"
                start = m.start(1) if m.group(1) else m.start(2)
                before = line[:start].removesuffix("เรื่อง").strip() if m.group(2) else ""
                before = before or next((ln for ln in reversed(lines[:i]) if ln), "")
                return subject, before
    for text in [res.title, *res.headings[:1]]:
        text = _TITLE_NOISE.sub("", text.strip())
        if text:
            return text, ""
    if res.is_document:
        head = _lines(res.body or res.text, 3)
        return (" ".join(head), "") if head else ("", "")
    return "", ""


def subject_key(text: str, fillers: list[str]) -> str:
    """The folded subject without leading numbers, bullets and filler words ("เผยแพร่…")."""
    key = fold(_LEADING_NOISE.sub("", text))
    for filler in sorted((fold(f) for f in fillers), key=len, reverse=True):
        if filler and key.startswith(filler):
            return key[len(filler):]
    return key


def _type_of(text: str, types: list[EvidenceType], fillers: list[str]) -> EvidenceType | None:
    key = subject_key(text, fillers)
    best: tuple[int, EvidenceType] | None = None
    for t in types:
        for phrase in t.starts:
            p = fold(phrase)
            if p and key.startswith(p) and (best is None or len(p) > best[0]):
                best = (len(p), t)
    return best[1] if best else None


def evidence_type(res: Resource, types: list[EvidenceType], fillers: list[str] = ()) -> EvidenceType | None:
    """The type of ``res`` by its subject (or, failing that, by the line its subject hangs on), or None."""
    return evidence_type_of(*subject_of(res), types, fillers)


def evidence_type_of(
    subject: str, before: str, types: list[EvidenceType], fillers: list[str] = ()
) -> EvidenceType | None:
    """:func:`evidence_type` of a subject already read by :func:`subject_of`."""
    if not subject:
        return None
    return _type_of(subject, types, list(fillers)) or (_type_of(before, types, list(fillers)) if before else None)


def _has_any(folded_line: str, phrases: list[str]) -> bool:
    return any(p and p in folded_line for p in phrases)


#: A document longer than this (characters) is never a placeholder notice.
DOCUMENT_TOO_LONG = 30_000


def placeholder_reason(res: Resource, words: Placeholders, names: list[str] = ()) -> str:
    """Why ``res`` holds no evidence yet ("" when it may): it only says it is under construction or has
    nothing yet, or (a page) it has no text of its own at all. ``names``: texts that name the resource
    (title, link texts), which are not content of their own."""
    if res.is_document and len(res.text) > DOCUMENT_TOO_LONG:
        return ""  # a document this long holds more than a notice (and is not folded line by line per item)
    strong = [fold(p) for p in words.phrases]
    companions = [fold(p) for p in words.companion_phrases]
    not_own = {fold(n) for n in [res.title, *res.headings, *names] if n}
    found = ""
    rest = 0
    total = 0
    for line in (res.body or res.text).splitlines():
        key = fold(line)
        if not key or key in not_own or any(key in n for n in not_own if len(key) >= 6):
            continue
        total += len(key)
        hit = next((p for p in strong if p in key), "")
        if hit:
            found = found or line.strip()
            continue
        if len(key) < 120 and _has_any(key, companions):
            continue
        rest += len(key)
    if res.features.get("form") and not res.is_document:
        return ""  # a page with a form offers something, whatever else it says
    if found and (rest < words.max_rest or (total < words.short_page and rest < words.max_share * total)):
        return f"มีเพียงข้อความว่ายังไม่มีข้อมูลหรืออยู่ระหว่างปรับปรุง ({_short(found)})"
    if not res.is_document and total < 400:
        lines = [fold(line) for line in (res.body or res.text).splitlines()]
        for phrase in words.short_phrases:
            if any(_said_not_counted(line, fold(phrase)) for line in lines):
                return f"หน้าเว็บยังไม่มีข้อมูล ({phrase})"
    if not res.is_document and total < words.min_own_text and not res.features.get("image"):
        return "หน้าเว็บว่าง ไม่มีเนื้อหา"
    return ""


#: What follows, on its line, a phrase that counts something: "อยู่ระหว่างดำเนินการ 1 เรื่อง", "ไม่มีข้อมูล : 0"
#: (a year, "ไม่มีข้อมูล 2569", is no count).
_COUNT_AFTER = re.compile(r"[:=(\-]{0,2}(?!25\d\d)\d")


def _said_not_counted(key: str, phrase: str) -> bool:
    """``phrase`` occurs in the folded line ``key`` at least once not as the label of a number (a statistics
    table's "อยู่ระหว่างดำเนินการ 1 เรื่อง" is content; "อยู่ระหว่างดำเนินการ" alone is not)."""
    start = key.find(phrase)
    while start >= 0:
        if not _COUNT_AFTER.match(key, start + len(phrase)):
            return True
        start = key.find(phrase, start + 1)
    return False


def _short(text: str, width: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"
