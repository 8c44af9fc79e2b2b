"""Long Thai file names, as clerks save their documents before uploading them.

Real units upload "รายงานผลการดำเนินงานตามแผนปฏิบัติการป้องกันการทุจริต ประจำปีงบประมาณ พ.ศ. 2567 (รอบ 6 เดือน).pdf"
as it is: 50–90 Thai letters with spaces and parentheses. The page links it with a plain ``<a href>`` that
is percent-encoded as a browser copies it (every Thai letter is nine characters, so the href is longer
than 400 characters); WordPress-like sites keep it under ``/wp-content/uploads/YYYY/MM/``.

The name is the document's own title (so it says nothing the document does not), lengthened with the
unit's name, its place and a neutral note in parentheses ("(ฉบับเผยแพร่)") and shortened word by word when
too long. A name longer than a file system allows (255 bytes: about 80 Thai letters) is served through
``routes.json`` (see :meth:`sitegen.layouts.Layout.file_for`).
"""

from __future__ import annotations

import random
import re
import urllib.parse

MIN_THAI, MAX_THAI = 50, 90
#: Notes a clerk adds in parentheses; none of them says anything about the document's year or period.
NOTES = ("(ฉบับเผยแพร่)", "(ฉบับลงนาม)", "(ฉบับสมบูรณ์)", "(เผยแพร่บนเว็บไซต์)", "(1)", "(ฉบับแก้ไข)")
_UNSAFE = re.compile(r"[/\\:*?\"<>|#%\x00-\x1f]+")
_SPACES = re.compile(r"\s+")


def thai_letters(text: str) -> int:
    return sum(1 for ch in text if "\u0e01" <= ch <= "\u0e5b")


def _clean(title: str) -> str:
    return _SPACES.sub(" ", _UNSAFE.sub(" ", title)).strip()


def long_name(title: str, extras: list[str], rng: random.Random) -> str:
    """A file name (without extension) of MIN_THAI–MAX_THAI Thai letters built from ``title``."""
    target = rng.randint(MIN_THAI + 5, MAX_THAI - 5)
    note = rng.choice(NOTES)
    room = MAX_THAI - thai_letters(note)
    words = _clean(title).split(" ")
    while len(words) > 1 and thai_letters(" ".join(words)) > room:
        words.pop()
    name = " ".join(words)
    while thai_letters(name) > room:  # one long Thai word: cut it
        name = name[:-1]
    for piece in extras:
        if thai_letters(name) >= target:
            break
        if thai_letters(name + piece) <= room:
            name += " " + piece
    if thai_letters(name) < MIN_THAI or rng.random() < 0.7:
        name += " " + note
    return name


def encode(name: str) -> str:
    """The name percent-encoded as a browser writes it in a link (spaces and Thai encoded, parentheses kept)."""
    return urllib.parse.quote(name, safe="()")
