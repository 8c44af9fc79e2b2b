"""URL helpers: what counts as the unit's own site, and one canonical spelling per page.

Canonical URLs are what the crawler schedules, stores and links to, so that a page reached as
``?b=2&a=1;jsessionid=…`` and ``?a=1&b=2`` is fetched once and the click paths of the report
still join up.
"""

from __future__ import annotations

import functools
import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from w3lib.url import canonicalize_url

#: Query parameters that carry a session, a tracker or a view option, never a different page.
VOLATILE_PARAMS = re.compile(
    r"^(?:phpsessid|jsessionid|sid|sessid|sessionid|session_id|aspsessionid\w*|cfid|cftoken|"
    r"utm_\w+|fbclid|gclid|_ga|__utm\w*|mc_[ce]id|ref_src|_|ts|timestamp|rnd|rand|random|nocache|"
    r"sort|sortby|sort_by|orderby|order_by|print)$",
    re.IGNORECASE,
)
#: Query parameters that number the pages of a list (``?page=2``, WordPress ``?paged=2``, Joomla ``?limitstart=20``).
PAGE_PARAMS = re.compile(
    r"^(?:page|paged|pg|pages|pageno|page_no|pagenum|page_num|pagenumber|currentpage|current_page|cpage|p_page|"
    r"pageindex|page_index|per_page|start|limitstart|offset|begin|pagestart|hal|halaman)$",
    re.IGNORECASE,
)
#: Path segments that number the pages of a list (``/page/2/``, ``/page-2``).
PAGE_SEGMENT = re.compile(r"/(?:page|pg)[/_-]?\d+(?=/|$)", re.IGNORECASE)
#: URLs remembered by the pure helpers below: a site's menu links recur on every page.
URL_CACHE = 8192
#: ``;jsessionid=…`` path parameters (Java servers) and ``(S(…))`` cookieless ASP.NET sessions.
PATH_SESSION = re.compile(r";(?:jsessionid|phpsessid|sid)=[^/?#]*|/\(S\([a-z0-9]+\)\)", re.IGNORECASE)


def ensure_scheme(url: str) -> str:
    """``url`` with ``http://`` in front when it has no scheme (``www.abc.go.th``, ``localhost:8000``); a URL of
    another scheme keeps it (``mailto:a@b``, ``file:/x``), for the caller to refuse, rather than becoming a host."""
    url = url.strip()
    if not re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:(?!\d)", url):
        url = "http://" + url
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, parts.path or "/", parts.query, ""))


@functools.lru_cache(maxsize=URL_CACHE)
def site_host(url: str) -> str:
    """Host without a leading ``www.``, lower-case, without port."""
    host = (urlsplit(url).hostname or "").lower()
    return host[4:] if host.startswith("www.") else host


@functools.lru_cache(maxsize=URL_CACHE)
def is_onsite(url: str, home_host: str) -> bool:
    """Same host as the unit's homepage (``www.`` or not); subdomains are other sites."""
    return urlsplit(url).scheme in ("http", "https") and site_host(url) == home_host


@functools.lru_cache(maxsize=URL_CACHE)
def canonical_url(url: str) -> str:
    """One spelling per page: no fragment, no session or tracking parameters, sorted query,
    percent-encoding normalised (w3lib, as Scrapy's fingerprints), default port dropped."""
    url = PATH_SESSION.sub("", url.strip())
    parts = urlsplit(url)
    if parts.query:
        pairs = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not VOLATILE_PARAMS.match(k)]
        parts = parts._replace(query=urlencode(pairs))
    netloc = parts.netloc.lower()
    if (parts.scheme == "http" and netloc.endswith(":80")) or (parts.scheme == "https" and netloc.endswith(":443")):
        netloc = netloc.rsplit(":", 1)[0]
    parts = parts._replace(netloc=netloc, path=re.sub(r"/{2,}", "/", parts.path) or "/")
    return canonicalize_url(urlunsplit(parts), keep_fragments=False)


@functools.lru_cache(maxsize=URL_CACHE)
def list_url(url: str) -> str:
    """``url`` without what numbers the pages of a list (``?page=N``, ``/page/N/``): the pages of one list share it."""
    parts = urlsplit(url)
    pairs = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
             if not (PAGE_PARAMS.match(k) and v.isdigit())]  # fmt: skip
    path = PAGE_SEGMENT.sub("", parts.path).rstrip("/") or "/"
    return urlunsplit((parts.scheme, parts.netloc.lower(), path, urlencode(sorted(pairs)), ""))


def is_next_page(url: str, parent_url: str) -> bool:
    """``url`` is another page of the list ``parent_url`` shows, not the same page, by their URLs alone (a CMS that
    numbers its pages ``?page=<id>`` looks the same: :func:`crawler.focus.is_pagination` also reads the link)."""
    return bool(parent_url) and url != parent_url and list_url(url) == list_url(parent_url)
