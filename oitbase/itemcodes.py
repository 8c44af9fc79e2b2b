"""OIT item codes ("O1" … "O43") as units and lists write them, and the one normal form "O12".

Written forms: "O12", "o 12", "O.12", "O-12", "O012", "ข้อ o.5", Thai digits "O๑๒", a full-width letter "Ｏ12",
and, at the start of an ITA index row, a digit zero for the letter ("0๓๕"). One pattern reads them all; the ways
it is used differ on purpose, and each is a function here:

* :func:`split_code` — a code at the start of a text (an ITA index row, a heading, a link text), with what
  follows it. Up to three punctuation characters and "ข้อ" may come before the code. ``zero_for_letter=True``
  also takes "0" for the letter: right for the rows of a page already known to list codes (the ITA index
  parser), wrong for a link text alone, where "01 ข่าว" is a numbered list or a date.
* :func:`code_at_start` — the same, the code only.
* :func:`codes_mentioned` — codes anywhere in a text (a page naming five is probably an index page); a code
  there must not follow a letter or digit ("PRO12", "Radio 1"), and at most a space either side of its
  separator may sit inside it.
* :func:`whole_code` and :func:`code_and_name` — a spreadsheet cell that is only a code ("O1", "O1."), or a
  code, a space and the item's name ("O1 โครงสร้าง"), for the catalog import.

Every function returns the normal form: "O", then the number without leading zeros ("O๐๗" → "O7").
:class:`ItaRow` is a row of an index page that names a code: the crawler parses it, the store keeps it, the
checklist reads it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: Digits a code's number is written in: ASCII, Thai, full-width.
DIGITS = "0-9๐-๙０-９"
#: The code's letter: Latin O/o and the full-width Ｏ.
LETTERS = "OoＯ"
_ZEROS = "0๐０"

# The code after its letter: an optional "." or "-" (with spaces around it), leading zeros, one or two digits.
_NUMBER = rf"[.\-]?\s*[{_ZEROS}]*([{DIGITS}]{{1,2}})(?![{DIGITS}])"
_AT_START = rf"^\W{{0,3}}(?:ข้อ\s*)?[{LETTERS}]\s*{_NUMBER}"
#: A code at the start of a text: group 1 is its number.
CODE_AT_START = re.compile(_AT_START)
#: The same, also with a digit zero for the letter ("0๓๕", ITA index rows).
CODE_AT_START_OR_ZERO = re.compile(_AT_START.replace(f"[{LETTERS}]", f"[{LETTERS}0]", 1))
#: A code anywhere in a text: group 1 is its number.
CODE_MENTION = re.compile(rf"(?<![A-Za-z0-9])[{LETTERS}]\s?[.\-]?\s?[{_ZEROS}]*([{DIGITS}]{{1,2}})(?![{DIGITS}])")


def normal_code(number: str) -> str:
    """ "12", "๑๒", "012" → "O12"."""
    return f"O{int(number)}"  # int() reads Thai and full-width digits too


def split_code(text: str, *, zero_for_letter: bool = False) -> tuple[str, str] | None:
    """(code, the text after it) when ``text`` starts with an item code; None otherwise.

    ``zero_for_letter``: also read "0" as the letter ("0๓๕ …" → "O35"); see the module's note."""
    m = (CODE_AT_START_OR_ZERO if zero_for_letter else CODE_AT_START).match(text)
    return (normal_code(m.group(1)), text[m.end() :]) if m else None


def code_at_start(text: str, *, zero_for_letter: bool = False) -> str | None:
    """The code ``text`` starts with ("O12"), or None."""
    split = split_code(text, zero_for_letter=zero_for_letter)
    return split[0] if split else None


def codes_mentioned(text: str) -> set[str]:
    """The distinct codes written anywhere in ``text``."""
    return {normal_code(n) for n in CODE_MENTION.findall(text)}


def whole_code(text: str) -> str | None:
    """The code when ``text`` is a code and nothing else ("O1", "o 01", "ข้อ O๗", "O1."); None for anything
    else and for "O0"."""
    split = split_code(text.strip())
    if split is None or split[1] not in ("", ".") or split[0] == "O0":
        return None
    return split[0]


def code_and_name(text: str) -> tuple[str, str] | None:
    """(code, name) when ``text`` is a code, whitespace and a name ("O1 โครงสร้าง", "O1. โครงสร้าง"); else None."""
    split = split_code(text.strip())
    if split is None or split[0] == "O0":
        return None
    rest = split[1].removeprefix(".")
    if not rest[:1].isspace() or not rest.strip():
        return None
    return split[0], rest.strip()


@dataclass
class ItaRow:
    """A row of a unit's ITA/OIT index page (or of one item's page): the item code it names, its label, and the
    URL it links ("" when the link is missing or a placeholder such as "#")."""

    page_url: str
    code: str
    label: str
    url: str
