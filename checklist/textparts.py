"""Parts of a page or document that some rules look at: the block of text about each listed person, and
the signature block of an announcement.

Pure text functions on *cleaned* text (``oitbase.thai.clean``); markers and positions are compared folded.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from oitbase.thai import fold

#: Thai honorifics and ranks that start a person's name. "นาย" is not followed by the position words นายก/นายอำเภอ.
NAME_PREFIX = (
    r"(?:นางสาว|นาง|นาย(?!ก(?:อง|เทศ|รัฐ|สภา|\s|$|\.|อบ)|อำเภอ)|น\.ส\.|ดร\.|ว่าที่\s*(?:ร\.?\s*ต\.?|ร้อยตรี)\s*"
    r"|[พร]\.\s?[ตท]\.\s?[อทต]\.|[จส]\.\s?[สอ]\.\s?[อทต]\.|ผศ\.|รศ\.|ศ\.)"
)
_NAME_LINE = re.compile(rf"^{NAME_PREFIX}\s*[ก-ฮ]")
_BRACKET_NAME = re.compile(rf"^\(\s*{NAME_PREFIX}[^)]{{2,80}}\)$")
#: Bullets, numbering and labels in front of a name or position ("1.", "-", "ตำแหน่ง:", "ชื่อ").
_LEAD = re.compile(r"^(?:[\-–•*·>●○■□▪◦]+|\(?[0-9๐-๙]{1,2}[.)]|ตำแหน่ง|ชื่อ(?:-สกุล|-นามสกุล)?|[:：\s])+")
_SIGN_MARK = re.compile(r"\(?\s*ลง(?:ชื่อ|นาม)\s*\)?")
_DOTS = re.compile(r"^[.…_\-\s]*$")
#: How a position line says that its signer acts for the position named.
ACTING = ("ปฏิบัติหน้าที่", "รักษาราชการแทน", "ปฏิบัติราชการแทน", "รักษาการแทน", "รักษาการ", "แทน")


def _lead_stripped(line: str) -> str:
    return _LEAD.sub("", line.strip()).strip()


def starts_with_any(line: str, phrases: list[str]) -> str | None:
    """The phrase (compared folded) that ``line`` starts with, after bullets/numbering/"ตำแหน่ง"."""
    key = fold(_lead_stripped(line))
    for p in sorted(phrases, key=len, reverse=True):
        fp = fold(p)
        if fp and key.startswith(fp):
            return p
    return None


def is_name_line(line: str) -> bool:
    return bool(_NAME_LINE.match(_lead_stripped(line)))


@dataclass
class PersonBlock:
    lines: list[str] = field(default_factory=list)
    name: str = ""
    position: str = ""

    @property
    def text(self) -> str:
        return "\n".join(self.lines)

    @property
    def who(self) -> str:
        """Short Thai label of the person: name (position)."""
        parts = [p for p in (self.name, self.position) if p]
        label = " – ".join(" ".join(p.split())[:50] for p in parts)
        return label or " ".join(self.text.split())[:50]


def person_blocks(text: str, markers: list[str]) -> list[PersonBlock]:
    """One block per listed person, in order.

    A line that starts with a position marker or with a name opens a new block unless the current block
    still lacks that kind of line, so "name / position / phone" and "position / name / phone" both give one
    block per person. A name line that names a position later on ("นายสมชาย ใจดี นายก อบต. โทร …", a table
    row) is both. Lines before the first person are a header; blocks without a position are dropped.
    """
    blocks: list[PersonBlock] = []
    cur: PersonBlock | None = None
    folded_markers = [fold(m) for m in markers]
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            continue
        pos = starts_with_any(line, markers) is not None
        name = not pos and is_name_line(line)
        if name and any(m and m in fold(line)[4:] for m in folded_markers):
            pos = True
        if pos or name:
            if cur is None or (pos and cur.position and not name) or (name and cur.name):
                cur = PersonBlock()
                blocks.append(cur)
            if name and not cur.name:
                cur.name = line
            if pos and not cur.position:
                cur.position = line
        if cur is not None:
            cur.lines.append(line)
    return [b for b in blocks if b.position]


@dataclass
class Signature:
    """A signature block: the signer's name (if written) and the position line under it."""

    name: str
    position: str


def signatures(text: str, lookahead: int = 4) -> list[Signature]:
    """Signature blocks: "ลงชื่อ"/"(ลงนาม)" or a bracketed name, then the first position line below it."""
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    out: list[Signature] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        mark = _SIGN_MARK.search(line)
        bracket = _BRACKET_NAME.match(line)
        if not (mark or bracket):
            i += 1
            continue
        name = line if bracket else ""
        position = ""
        rest = _SIGN_MARK.sub("", line).strip(" .…_") if mark else ""
        j = i + 1
        for j in range(i + 1, min(len(lines), i + 1 + lookahead)):
            cand = lines[j]
            if _BRACKET_NAME.match(cand) or is_name_line(cand):
                name = cand if _BRACKET_NAME.match(cand) else (name or cand)
                continue
            if _DOTS.match(cand) or _SIGN_MARK.fullmatch(cand):
                continue
            if _SIGN_MARK.search(cand):
                break
            position = cand
            break
        if not position and rest and not is_name_line(rest):
            position = rest
        if position or name:
            out.append(Signature(name, position))
        i = max(j, i + 1)
    return out


def signed_by(text: str, positions: list[str]) -> tuple[bool, str]:
    """(signed by one of ``positions``, Thai detail when not)."""
    found = signatures(text)
    for sig in found:
        if not sig.position:
            continue
        if starts_with_any(sig.position, positions):
            return True, ""
        key = fold(sig.position)
        if any(fold(a) + fold(p) in key for a in ACTING for p in positions):
            return True, ""
    shown = [s.position for s in found if s.position]
    if shown:
        return False, "ผู้ลงนาม: " + "; ".join(" ".join(p.split())[:60] for p in shown[:2])
    if found:
        return False, "มีชื่อผู้ลงนามแต่ไม่พบตำแหน่งใต้ชื่อ"
    return False, "ไม่พบส่วนลงนาม (ลงชื่อ ชื่อในวงเล็บ และตำแหน่ง)"
