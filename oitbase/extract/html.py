"""HTML (and plain text) extraction: decoding, visible text, links and page features.

Decoding order (see :func:`decode_html`): BOM, then the declared charset (HTTP header, then
``<meta>``), then strict UTF-8, then cp874 when the bytes look like TIS-620, then UTF-8 with
replacement. Two overrides for real Thai sites: a body that is valid UTF-8 (with multi-byte
sequences) is read as UTF-8 whatever a legacy charset label says, and a page labelled with a
Latin charset (windows-1252/iso-8859-1) whose bytes look like TIS-620 is read as cp874.
"""

from __future__ import annotations

import codecs
import re
from functools import lru_cache
from urllib.parse import urljoin, urlsplit

import lxml.html
from lxml import etree

from oitbase.extract import (
    Extracted,
    ExtractedLink,
    PageText,
    clean_url,
    dedupe_links,
    email_addresses,
    first_lines,
    is_map_url,
    phone_numbers,
    text_features,
    viewer_target,
)
from oitbase.extract.scriptlinks import Functions, navigating_functions, script_urls

_THAI_LABELS = {"windows-874", "x-windows-874", "tis-620", "tis620", "iso-8859-11", "iso8859-11",
                "cp874", "dos-874", "x-cp874"}
_LATIN_CODECS = {"cp1252", "latin_1", "iso8859_1", "ascii"}
_META_CHARSET_RE = re.compile(rb"<meta[^>]*?charset\s*=\s*[\"']?\s*([A-Za-z0-9_:.+-]+)", re.IGNORECASE)
_HTTP_CHARSET_RE = re.compile(r"charset\s*=\s*[\"']?\s*([A-Za-z0-9_:.+-]+)", re.IGNORECASE)
_XML_DECL_RE = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)


def codec_for(label: str) -> str | None:
    """Python codec name for a charset label (Thai labels → cp874, Latin-1 → cp1252 as browsers do)."""
    label = label.strip().strip("\"'").lower()
    if label in _THAI_LABELS:
        return "cp874"
    if label in {"iso-8859-1", "latin1", "latin-1", "us-ascii", "ascii", "iso8859-1"}:
        return "cp1252"
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


_HIGH_BYTES = bytes(range(0x80, 0x100))
_TIS_BYTES = bytes(range(0xA1, 0xFC))


def looks_tis620(body: bytes) -> bool:
    """Many bytes in the TIS-620 Thai range 0xA1–0xFB, and few other high bytes."""
    high = len(body) - len(body.translate(None, _HIGH_BYTES))
    thai = len(body) - len(body.translate(None, _TIS_BYTES))
    return thai >= 4 and thai >= 0.8 * high


def _strict(body: bytes, codec: str) -> str | None:
    try:
        return body.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None


def declared_charsets(body: bytes, content_type: str) -> list[str]:
    """Python codecs declared by the HTTP header and the ``<meta>`` tags, in that order."""
    labels = []
    if m := _HTTP_CHARSET_RE.search(content_type or ""):
        labels.append(m.group(1))
    labels += [m.group(1).decode("ascii", "replace") for m in _META_CHARSET_RE.finditer(body[:16384])]
    out: list[str] = []
    for label in labels:
        codec = codec_for(label)
        if codec and codec not in out:
            out.append(codec)
    return out


def decode_html(body: bytes, content_type: str = "", *, use_meta: bool = True) -> tuple[str, str]:
    """Decode ``body``; returns ``(text, codec)``."""
    for bom, codec in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
                       (codecs.BOM_UTF16_BE, "utf-16-be")):
        if body.startswith(bom):
            return body[len(bom):].decode(codec, "replace"), codec
    ascii_only = body.isascii()
    utf8 = None if ascii_only else _strict(body, "utf-8")
    declared = declared_charsets(body if use_meta else b"", content_type)
    # Without a BOM, a UTF-16/32 label on a page whose <meta> we could read as ASCII is wrong.
    declared = [c for c in declared if not c.startswith(("utf-16", "utf-32", "utf_16", "utf_32"))]
    for codec in declared:
        if utf8 is not None and codec != "utf-8":
            return utf8, "utf-8"  # valid multi-byte UTF-8 beats a legacy label
        if codec in _LATIN_CODECS and not ascii_only and looks_tis620(body):
            return body.decode("cp874", "replace"), "cp874"
        if (text := _strict(body, codec)) is not None:
            return text, codec
    if ascii_only:
        return body.decode("ascii"), declared[0] if declared else "utf-8"
    if utf8 is not None:
        return utf8, "utf-8"
    if looks_tis620(body) and (text := _strict(body, "cp874")) is not None:
        return text, "cp874"
    if looks_tis620(body):
        return body.decode("cp874", "replace"), "cp874"
    return body.decode("utf-8", "replace"), "utf-8"


# --------------------------------------------------------------------------- text

_SKIP_TAGS = {"script", "style", "noscript", "template", "head", "title", "meta", "link"}
_BLOCK_TAGS = {
    "address", "article", "aside", "blockquote", "br", "caption", "center", "dd", "details", "dialog",
    "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4",
    "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "option", "p", "pre", "section", "summary",
    "table", "tbody", "thead", "tfoot", "tr", "ul", "iframe", "select", "textarea", "marquee",
}
_CELL_TAGS = {"td", "th"}


_BREAK = "\x00"  # block boundary marker; NUL never survives HTML parsing


_WS_RE = re.compile(r"\s+")


def _ws(text: str, pre: bool) -> str:
    """Source whitespace inside inline text is one space (newlines too), except in <pre>."""
    if pre:
        return text.replace("\n", _BREAK)
    return _WS_RE.sub(" ", text)


def _walk_text(root: etree._Element, out: list[str]) -> None:
    """Append visible text; ``_BREAK`` marks block boundaries. Comments are skipped, tails kept.

    Iterative (explicit stack) so that very deep trees from unclosed tags cannot overflow."""
    stack: list[tuple[etree._Element, bool, bool]] = [(root, False, False)]
    while stack:
        el, closing, pre = stack.pop()
        tag = el.tag.lower() if isinstance(el.tag, str) else None
        sep = _BREAK if tag in _BLOCK_TAGS else " " if tag in _CELL_TAGS else ""
        if closing:
            out.append(sep)
        elif tag is not None and tag not in _SKIP_TAGS:
            inner_pre = pre or tag == "pre"
            out.append(sep)
            if el.text:
                out.append(_ws(el.text, inner_pre))
            stack.append((el, True, pre))
            stack.extend((child, False, inner_pre) for child in reversed(el))
            continue
        if el.tail and el is not root:
            out.append(_ws(el.tail, pre))


def collapse(text: str) -> str:
    return " ".join(text.split())


def visible_text(root: etree._Element) -> str:
    body = root.find(".//body")
    out: list[str] = []
    _walk_text(body if body is not None else root, out)
    lines = (collapse(line) for line in "".join(out).split(_BREAK))
    return "\n".join(line for line in lines if line)


# --------------------------------------------------------------------------- links

_PLACEHOLDERS = {"", "#", "#!", "/#", "#top"}
_JS_NOOP_RE = re.compile(r"^\s*(?:javascript:)?\s*(?:void\s*\(?\s*0\s*\)?|return\s+false|;)?\s*;?\s*$",
                         re.IGNORECASE)


def _anchor_text(el: etree._Element) -> str:
    parts = [collapse(el.text_content())]
    for img in el.iter("img"):
        parts += [img.get("alt", ""), img.get("title", "")]
    parts.append(el.get("title", ""))
    seen: list[str] = []
    for part in (collapse(p) for p in parts):
        if part and part not in seen and not any(part in s for s in seen):
            seen.append(part)
    return " ".join(seen)


_SCHEME_AND_HOST = re.compile(r"[a-zA-Z][a-zA-Z0-9+.-]*://")


class JoinBases:
    """The shortest form of a page's base URL that resolves a given link as the whole base does, so that the
    links every page of a site repeats (its menus) are resolved once (:func:`_resolve` is cached on it):

    * ``scheme://host/path`` and ``/path``: the base's origin (only its scheme and host matter);
    * ``path``, ``../path``: the base's directory (its last segment, query and fragment do not matter);
    * ``?query``, ``//host``, anything else: the whole base."""

    def __init__(self, base: str) -> None:
        self.base = base
        parts = urlsplit(base)
        self.origin = f"{parts.scheme}://{parts.netloc}/" if parts.scheme and parts.netloc else base
        path = base.split("#", 1)[0].split("?", 1)[0]
        slash = path.rfind("/")
        self.directory = path[: slash + 1] if parts.netloc and slash > len(parts.scheme) + 2 else base

    def key(self, href: str) -> str:
        if href.startswith("/"):
            return self.base if href.startswith("//") else self.origin
        if _SCHEME_AND_HOST.match(href):
            return self.origin
        if not href or href[0] in "?#" or ":" in href.split("/", 1)[0]:  # "mailto:x", "c:x": left as they are
            return self.base
        return self.directory


@lru_cache(maxsize=20_000)
def _resolve(base: str, href: str) -> tuple[str | None, str | None]:
    """(the link's URL, the document a viewer link carries) of ``href`` on a page whose base is ``base``;
    (None, None) for a link that is not to a web or FTP address."""
    joined = urljoin(base, href)
    url = clean_url(joined)
    if not url or not url.lower().startswith(("http://", "https://", "ftp://", "file:")):
        return None, None
    return url, viewer_target(joined)


class _LinkCollector:
    def __init__(self, base: str, scripts: list[str] | None = None) -> None:
        self.bases = JoinBases(base)
        self.scripts = scripts or []
        self._functions: Functions | None = None
        self.links: list[ExtractedLink] = []
        self.counts = {"mailto": 0, "tel": 0, "placeholder_links": 0, "script_links": 0}
        self.emails: set[str] = set()
        self.phones: set[str] = set()

    def add(self, raw: str | None, text: str, kind: str) -> bool:
        """Add a link from an attribute value; False when it is a placeholder/script link."""
        value = (raw or "").strip()
        low = value.lower()
        if low.startswith("mailto:"):
            self.counts["mailto"] += 1
            self.emails |= email_addresses(value[7:])
            return False
        if low.startswith("tel:"):
            self.counts["tel"] += 1
            self.phones |= phone_numbers(value[4:]) or {re.sub(r"\D", "", value[4:])}
            return False
        if low in _PLACEHOLDERS or low.startswith("#") or low.startswith("javascript:"):
            self.counts["placeholder_links"] += 1
            return False
        url, target = _resolve(self.bases.key(value), value)
        if url is None:
            return False
        self.links.append(ExtractedLink(url=url, text=text, kind=kind))
        if target is not None:
            self.links.append(ExtractedLink(url=target, text=text, kind="viewer"))
        return True

    def add_script(self, el: etree._Element, href: str | None, text: str, anchor: bool = True) -> None:
        """Handle onclick handlers and ``javascript:`` hrefs on one element.

        ``script_links`` counts anchors whose target needs JavaScript, and other elements whose
        handler navigates somewhere (tab switches and votes are not links)."""
        scripts = [el.get("onclick") or ""]
        if href and href.strip().lower().startswith("javascript:"):
            scripts.append(href.strip()[11:])
        script = " ".join(s for s in scripts if s and not _JS_NOOP_RE.match(s))
        if not script:
            return
        if self._functions is None:
            self._functions = navigating_functions(self.scripts)
        urls = script_urls(script, self._functions)
        href_ok = bool(href) and not (href.strip().lower() in _PLACEHOLDERS
                                      or href.strip().startswith("#")
                                      or href.strip().lower().startswith("javascript:"))
        if not href_ok and (anchor or urls):
            self.counts["script_links"] += 1
        for u in urls:
            self.add(u, text, "onclick")


_REFRESH_RE = re.compile(r"url\s*=\s*(\S[^;]*)", re.IGNORECASE)


def _collect_links(root: etree._Element, page_url: str) -> _LinkCollector:
    base_el = root.find(".//base[@href]")
    base = urljoin(page_url, base_el.get("href").strip()) if base_el is not None else page_url
    inline_scripts = [el.text for el in root.iter("script") if el.text and not el.get("src")]
    col = _LinkCollector(base, inline_scripts)
    for el in root.iter(etree.Element):  # elements only: comments never yield links
        tag = el.tag.lower() if isinstance(el.tag, str) else ""
        if tag == "a":
            text = _anchor_text(el)
            href = el.get("href")
            if href is not None:
                col.add(href, text, "a")
            col.add_script(el, href, text)
        elif tag == "area":
            text = collapse(el.get("alt", "") or el.get("title", ""))
            col.add(el.get("href"), text, "area")
            col.add_script(el, el.get("href"), text)
        elif tag in ("iframe", "frame"):
            col.add(el.get("src") or el.get("data-src"), collapse(el.get("title", "")), "iframe")
        elif tag == "embed":
            col.add(el.get("src"), collapse(el.get("title", "")), "embed")
        elif tag == "object":
            col.add(el.get("data"), collapse(el.get("title", "")), "embed")
        elif tag == "form":
            if el.get("action"):
                col.add(el.get("action"), collapse(el.get("title", "") or el.get("name", "")), "form")
        elif tag == "meta" and (el.get("http-equiv") or "").lower() == "refresh":
            if m := _REFRESH_RE.search(el.get("content") or ""):
                col.add(m.group(1).strip("'\""), "", "a")  # landing pages that redirect
        elif el.get("onclick"):
            col.add_script(el, None, collapse(el.text_content())[:200], anchor=False)
    return col


# --------------------------------------------------------------------------- features

_DECOR_RE = re.compile(r"logo|icon|banner|bg|button", re.IGNORECASE)
_TEXT_INPUT_TYPES = {"", "text", "email", "tel", "search", "number", "url"}


def _page_features(root: etree._Element, text: str, col: _LinkCollector) -> dict[str, int]:
    body = root.find(".//body")
    scope = body if body is not None else root
    images = map_images = 0
    for img in scope.iter("img"):
        src, alt = img.get("src", "") or img.get("data-src", ""), img.get("alt", "")
        if src.startswith("data:"):
            src = ""  # inline base64 data, not a name
        if re.search(r"map|แผนที่", src + " " + alt, re.IGNORECASE):
            map_images += 1
        if not _DECOR_RE.search(" ".join((src, alt, img.get("class", "")))):
            images += 1
    forms = 0
    for form in root.iter("form"):
        inputs = [i for i in form.iter("input") if (i.get("type") or "").lower() in _TEXT_INPUT_TYPES]
        if any(True for _ in form.iter("textarea")) or len(inputs) >= 2:
            forms += 1
    map_links = sum(1 for link in col.links if link.kind != "viewer" and is_map_url(link.url))
    features = text_features(text)
    features.update({
        "map": map_links + map_images,
        "form": forms,
        "email": len(col.emails | email_addresses(text)),
        "phone": len(col.phones | phone_numbers(text)),
        "image": images,
        "table": sum(1 for _ in root.iter("table")),
        "iframe": sum(1 for _ in root.iter("iframe")),
        "script_links": col.counts["script_links"],
        "placeholder_links": col.counts["placeholder_links"],
        "mailto": col.counts["mailto"],
        "tel": col.counts["tel"],
    })
    return features


# --------------------------------------------------------------------------- entry points

_INLINE_TAG_RE = re.compile(r"</?(?:font|b|i|u|s|span|strong|em|small|big|center|o:p)\b[^>]*>", re.IGNORECASE)


def parse_html(text: str) -> etree._Element:
    """Parse decoded HTML. libxml2 silently drops everything nested deeper than its depth
    limit (256, or 2048 with huge_tree), which pages full of unclosed ``<font>`` tags reach;
    then the inline formatting tags are removed and the page is parsed again."""
    text = _XML_DECL_RE.sub("", text, count=1).replace("\x00", "")
    if not text.strip():
        text = "<html></html>"
    parser = lxml.html.HTMLParser(huge_tree=True)
    root = lxml.html.document_fromstring(text, parser=parser)
    if any("Excessive depth" in err.message for err in parser.error_log):
        root = lxml.html.document_fromstring(_INLINE_TAG_RE.sub("", text), parser=parser)
    return root


def extract_html(body: bytes, content_type: str, url: str) -> Extracted:
    decoded, encoding = decode_html(body, content_type)
    try:
        root = parse_html(decoded)
    except (etree.ParserError, ValueError) as exc:
        return Extracted(kind="html", encoding=encoding, error=f"อ่านหน้าเว็บไม่ได้ (HTML parse error: {exc})")
    text = visible_text(root)
    headings = [h for h in (collapse(el.text_content()) for el in root.iter("h1", "h2", "h3")) if h]
    title_el = root.find(".//title")
    title = collapse(title_el.text_content()) if title_el is not None else ""
    if not title:
        h1 = root.find(".//h1")
        title = collapse(h1.text_content()) if h1 is not None else ""
    if not title:  # e.g. Word "Save as HTML" pages often have neither
        title = next(iter(first_lines(text, 1)), "")
    col = _collect_links(root, url)
    return Extracted(
        kind="html",
        title=title,
        headings=headings,
        text=text,
        pages=[PageText(number=1, text=text, method="html", chars=len(text))],
        links=dedupe_links(col.links),
        features=_page_features(root, text, col),
        encoding=encoding,
        tree=root,
    )


def extract_plain_text(body: bytes, content_type: str) -> Extracted:
    """text/plain and CSV: decoded like HTML (no meta), line breaks normalised, nothing else."""
    decoded, encoding = decode_html(body, content_type, use_meta=False)
    text = decoded.replace("\r\n", "\n").replace("\r", "\n")
    lines = first_lines(text)
    return Extracted(
        kind="text",
        title=lines[0] if lines else "",
        headings=lines,
        text=text,
        pages=[PageText(number=1, text=text, method="text", chars=len(text))],
        features=text_features(text),
        encoding=encoding,
    )
