"""Links are resolved against the shortest form of the page's base that gives the same URL (a site's menus are then
resolved once): every link must resolve exactly as it does against the whole base."""

from __future__ import annotations

from itertools import product
from urllib.parse import urljoin

from oitbase.extract import clean_url, viewer_target
from oitbase.extract.html import JoinBases, _resolve, extract_html

BASES = [
    "http://a/b/c/d;p?q",  # RFC 3986, 5.4
    "http://a/b/c/d;p?q#f",
    "https://www.abt.go.th/",
    "https://www.abt.go.th",
    "https://www.abt.go.th?page=/x/y",
    "http://user:pw@abt.go.th:8080/news/2567/index.php?id=3&cat=/a/b",
    "http://127.0.0.1:8000/ita/o12.html",
    "https://abt.go.th/a/b/",
    "https://abt.go.th/index.php/component/content/article/9?Itemid=101",
    "https://abt.go.th/%E0%B8%82%E0%B9%88%E0%B8%B2%E0%B8%A7/list",
    "http://a",
    "file:///srv/site/index.html",
]
HREFS = [
    "g", "./g", "g/", "/g", "//g", "?y", "g?y", "#s", "g#s", "g?y#s", ";x", "g;x", "g;x?y#s", "", ".", "./", "..",
    "../", "../g", "../..", "../../", "../../g", "../../../g", "/./g", "/../g", "g.", ".g", "g..", "..g",
    "./../g", "./g/.", "g/./h", "g/../h", "g;x=1/./y", "g;x=1/../y", "http:g", "http://x/y/../z", "https://x",
    "HTTPS://X/Y", "ftp://ftp.x/f.pdf", "mailto:a@b", "c:x", "\\\\a\\b", "a b", "/a\tb", "ข่าว/หน้า 1.html",
    "/viewer.html?file=/files/o12.pdf", "pdfjs/web/viewer.html?file=..%2Ffiles%2Fo12.pdf", "?page=2&cat=/a/b",
    "index.php?option=com_content&view=article&id=9:ita-o12&catid=2", "//cdn.x/y.pdf", "javascript:void(0)",
]  # fmt: skip


def expected(base: str, href: str) -> tuple[str | None, str | None]:
    joined = urljoin(base, href)
    url = clean_url(joined)
    if not url or not url.lower().startswith(("http://", "https://", "ftp://", "file:")):
        return None, None
    return url, viewer_target(joined)


def test_every_link_resolves_as_against_the_whole_base() -> None:
    for base, href in product(BASES, HREFS):
        assert _resolve(JoinBases(base).key(href), href) == expected(base, href), (base, href)


def test_a_menu_link_on_pages_of_other_directories_resolves_on_each() -> None:
    menu = '<a href="/ita/index.html">ITA</a> <a href="o12.html">O12</a> <a href="?page=2">ถัดไป</a>'
    page = f"<html><body>{menu}</body></html>".encode()
    for url in ("https://abt.go.th/news/1.html", "https://abt.go.th/ita/", "https://abt.go.th/about/x?id=1"):
        links = [link.url for link in extract_html(page, "text/html; charset=utf-8", url).links]
        assert links == [urljoin(url, "/ita/index.html"), urljoin(url, "o12.html"), urljoin(url, "?page=2")]
