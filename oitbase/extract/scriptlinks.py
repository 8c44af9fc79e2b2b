"""Links that only a script follows, resolved without a browser.

Thai unit websites (vendor CMSs above all) write menus as ``<a href="javascript:void(0)"
onclick="window.location='/path'">``, ``<a href="javascript:gotoMenu(1143)">`` with a small function
defined inline on every page (``function gotoMenu(id){ location.href = '/menu/' + id; }``), or a
helper in an external file that takes the path (``openLink('/path', '_self')``). All of these say
where they go in the HTML itself, so the crawler reads them instead of starting a browser:

* a navigation (``location = …``, ``location.href = …``, ``location.assign/replace(…)``,
  ``window.open(…)``) whose target is a string, or strings joined with ``+``;
* a call of a function defined in the page's inline scripts whose body navigates to its
  parameters and strings joined with ``+``: the call's arguments are put in;
* a call of any other function with a quoted argument that looks like a URL (a path, an absolute
  URL, a file with a page or document extension).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_STR = r"""(?:'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*")"""
_TERM = rf"(?:{_STR}|[A-Za-z_$][\w$]*)"
_EXPR = rf"{_TERM}(?:\s*\+\s*{_TERM})*"
#: Navigations: group 1 is the target expression.
_NAVIGATION = re.compile(
    rf"(?:\blocation(?:\.href)?\s*=(?!=)\s*|\blocation\.(?:assign|replace)\s*\(\s*|"
    rf"(?:\bwindow\.|(?<![\w$.]))open\s*\(\s*)({_EXPR})"
)
_FUNCTION = re.compile(
    r"(?:\bfunction\s+([A-Za-z_$][\w$]*)\s*\(([^)]*)\)|\b([A-Za-z_$][\w$]*)\s*=\s*function\s*\(([^)]*)\))\s*\{"
)
_CALL = re.compile(r"\b([A-Za-z_$][\w$.]*)\s*\(([^()]*)\)")
_ARG = re.compile(rf"\s*({_STR}|-?\d+(?:\.\d+)?)\s*(?:,|$)")
_URL_LIKE = re.compile(
    r"^(?:https?://|/|\./|\.\./|\?)|\.(?:php|html?|aspx?|jsp|pdf|docx?|xlsx?|od[ts]|pptx?)(?:[?#]|$)", re.IGNORECASE
)
#: Calls whose string arguments are never URLs.
_NOT_NAVIGATION = {"alert", "confirm", "console.log", "setTimeout", "setInterval", "$", "jQuery"}


@dataclass(frozen=True)
class Template:
    """A navigation target built from strings and a function's parameters."""

    parts: tuple[tuple[bool, str], ...]  # (is a parameter, string or parameter name)

    def fill(self, params: list[str], args: list[str]) -> str | None:
        out = []
        for is_param, value in self.parts:
            if not is_param:
                out.append(value)
            elif value in params and params.index(value) < len(args):
                out.append(args[params.index(value)])
            else:
                return None
        return "".join(out)


def _unquote(literal: str) -> str:
    if literal[:1] in "'\"":
        return re.sub(r"\\(.)", r"\1", literal[1:-1])
    return literal


def _template(expr: str) -> Template:
    parts = []
    for term in re.findall(rf"{_STR}|[A-Za-z_$][\w$]*", expr):
        parts.append((False, _unquote(term)) if term[:1] in "'\"" else (True, term))
    return Template(tuple(parts))


def _body(code: str, start: int, limit: int = 4000) -> str:
    """The function body opening at ``code[start - 1] == "{"``, up to its closing brace."""
    depth, i, end = 1, start, min(len(code), start + limit)
    quote = ""
    while i < end and depth:
        ch = code[i]
        if quote:
            if ch == "\\":
                i += 1
            elif ch == quote:
                quote = ""
        elif ch in "'\"`":
            quote = ch
        elif ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
        i += 1
    return code[start : i - 1]


Functions = dict[str, tuple[list[str], list[Template]]]


def navigating_functions(scripts: list[str]) -> Functions:
    """Functions of the page's inline scripts that navigate: name → (parameters, targets)."""
    found: Functions = {}
    for code in scripts:
        for m in _FUNCTION.finditer(code):
            name, params = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
            targets = [_template(t.group(1)) for t in _NAVIGATION.finditer(_body(code, m.end()))]
            if targets:
                found[name] = ([p.strip() for p in params.split(",") if p.strip()], targets)
    return found


def _args(text: str) -> list[str] | None:
    args, pos = [], 0
    text = text.strip()
    while pos < len(text):
        m = _ARG.match(text, pos)
        if not m:
            return None
        args.append(_unquote(m.group(1)))
        pos = m.end()
    return args


def script_urls(script: str, functions: Functions | None = None) -> list[str]:
    """Where a handler (``onclick`` or the code of a ``javascript:`` href) navigates, in order."""
    urls: list[str] = []

    def add(url: str | None) -> None:
        if url and url.strip() and not url.lower().startswith("javascript:") and url not in urls:
            urls.append(url.strip())

    for m in _NAVIGATION.finditer(script):
        template = _template(m.group(1))
        add(template.fill([], []))  # only strings: a parameter here is a variable we cannot know
    for m in _CALL.finditer(script):
        name, args = m.group(1), _args(m.group(2))
        if args is None or name in _NOT_NAVIGATION or name.endswith(("open", "assign", "replace")):
            continue
        if functions and name in functions:
            params, targets = functions[name]
            for target in targets:
                add(target.fill(params, args))
        else:
            for arg in args:
                if _URL_LIKE.search(arg):
                    add(arg)
    return urls
