"""Crawled text is untrusted in every output: the one place that makes it safe in spreadsheet cells and links.

- Spreadsheet cells (CSV and XLSX): text that a spreadsheet would run as a formula (OWASP "CSV injection":
  it starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return, also after leading whitespace) gets a
  leading ``'`` in CSV; in XLSX it is written as a string cell with Excel's "quote prefix" style, never as a
  formula. Numbers the tool writes itself (scores, counts) stay numbers.
- Text files: lone surrogates become U+FFFD (``encodable``) instead of failing the UTF-8 write.
- Terminal text (``plain``): control characters (escape sequences), bidi and other format characters removed.
- Links (HTML ``href``, Markdown link destinations): only absolute http(s) URLs; anything else
  (``javascript:``, ``data:``, ``vbscript:``, ``file:``, relative, unparsable) is shown as text only.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any
from urllib.parse import quote, unquote, urlsplit

#: First characters that make Excel, LibreOffice or Google Sheets read a cell as a formula (with the full-width
#: forms, which some East Asian Excel input modes turn into the ASCII ones).
FORMULA_START = ("=", "+", "-", "@", "\uff1d", "\uff0b", "\uff0d", "\uff20")
#: Characters an XLSX file cannot hold (openpyxl refuses them with IllegalCharacterError).
_XLSX_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
#: Longest text an Excel cell holds.
XLSX_MAX_CHARS = 32767
_SURROGATE = re.compile("[\ud800-\udfff]")
_NOT_IN_LINK = re.compile("[\x00-\x1f\x7f\ud800-\udfff]")
_C0_OR_SPACE = "".join(map(chr, range(0x21)))
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def plain(text: str) -> str:
    """Text from a crawled site made safe for a terminal: control characters (escape sequences), bidi and
    other format characters (U+202E …) and line/paragraph separators removed."""
    text = _CONTROLS.sub("", text)
    return "".join(ch for ch in text if unicodedata.category(ch) not in ("Cf", "Zl", "Zp"))


def is_number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def looks_like_formula(text: str) -> bool:
    """True if a spreadsheet could read ``text`` as a formula."""
    return text[:1] in ("\t", "\r") or text.lstrip()[:1] in FORMULA_START


def encodable(text: str) -> str:
    """``text`` with lone surrogates (bytes a crawled page could not decode) as U+FFFD, so UTF-8 can write it."""
    return _SURROGATE.sub("\ufffd", text)


def csv_cell(value: object) -> Any:
    """A CSV cell: numbers as they are, text with a leading ``'`` if it could be read as a formula."""
    if is_number(value):
        return value
    text = "" if value is None else str(value)
    return "'" + text if looks_like_formula(text) else text


def set_xlsx_cell(cell: Any, value: object) -> None:
    """Put ``value`` into an openpyxl cell: numbers as numbers, anything else as a string cell (never a formula,
    whatever it starts with; openpyxl makes every str starting with ``=`` a formula unless told otherwise).

    Text that could be read as a formula also gets Excel's quote prefix, so it stays text when someone edits the
    cell. Characters XLSX cannot hold become spaces and over-long text is cut to Excel's limit.
    """
    if is_number(value):
        cell.value = value
        return
    text = _XLSX_ILLEGAL.sub(" ", encodable("" if value is None else str(value)))[:XLSX_MAX_CHARS]
    cell.value = text
    cell.data_type = "s"
    if looks_like_formula(text):
        cell.quotePrefix = True


def safe_href(url: object) -> str | None:
    """The URL if it is safe to link to (absolute http/https), else None (show it as text only)."""
    if not isinstance(url, str):
        return None
    url = url.strip(_C0_OR_SPACE)
    if _NOT_IN_LINK.search(url):  # browsers drop tabs/newlines inside a URL: "java\tscript:" would run
        return None
    try:
        parts = urlsplit(url)
    except ValueError:  # e.g. "http://[x" (bad IPv6 literal)
        return None
    return url if parts.scheme.lower() in ("http", "https") and parts.netloc else None


def url_host(url: str) -> str:
    """Host name of ``url``, "" if there is none or the URL cannot be parsed."""
    try:
        return urlsplit(url).hostname or ""
    except ValueError:
        return ""


def display_url(url: str) -> str:
    """A URL as a person reads it: percent-encoded Thai file names decoded (the link keeps the URL)."""
    text = unquote(url, errors="replace") if isinstance(url, str) else ""
    return _XLSX_ILLEGAL.sub(" ", encodable(text))


def safe_relative_href(path: object) -> str | None:
    """A link to one of our own files next to the page: a plain relative path (``units/7/report.html``,
    ``../b/r.html``), percent-encoded; None for anything else (a scheme such as ``javascript:``, ``//host``, ``/abs``,
    backslashes, control characters)."""
    if not isinstance(path, str) or not path or path != path.strip() or _NOT_IN_LINK.search(path):
        return None
    if path.startswith("/") or "\\" in path or ":" in path.split("/", 1)[0]:
        return None
    return quote(path, safe="/-._~%")
