"""A link is fetched at the best score it was found with: another page of a list keeps the list's score, and a link
waiting in the queue (a sitemap listed it) that an ITA row names later is scheduled again, at its first depth."""

from __future__ import annotations

import pytest
from scrapy import Request

from crawler.focus import Focus, is_pagination
from crawler.middlewares import FirstRequestOnly, Superseded
from crawler.settings import OIT_SETTLE_SCORE
from crawler.urls import is_next_page, list_url
from tests.crawler_support import SiteServer, fetched_urls, html, pdf_bytes, run_spider


@pytest.mark.parametrize(
    ("url", "parent"),
    [
        ("http://x/category/news/page/9/", "http://x/category/news/"),  # WordPress
        ("http://x/category/news/", "http://x/category/news/page/3/"),  # back to the first page
        ("http://x/download/index.php?page=17", "http://x/download/index.php"),
        ("http://x/list.php?cat=2&page=3", "http://x/list.php?page=2&cat=2"),
        ("http://x/index.php?option=com_content&view=category&id=8&limitstart=20",
         "http://x/index.php?option=com_content&view=category&id=8"),  # Joomla
        ("http://x/public/list/data/index/menu/5016/page/2", "http://x/public/list/data/index/menu/5016"),
    ],
)  # fmt: skip
def test_other_pages_of_a_list_are_its_pagination(url, parent):
    assert is_next_page(url, parent)


@pytest.mark.parametrize(
    ("url", "parent"),
    [
        ("http://x/?p=3105", "http://x/?p=3100"),  # WordPress posts
        ("http://x/news/view.php?id=3", "http://x/news/view.php?id=4"),
        ("http://x/list.php?cat=3&page=2", "http://x/list.php?cat=2"),  # another list
        ("http://x/list.php?page=all", "http://x/list.php"),  # not a page number
        ("http://x/category/news/", "http://x/category/news/"),  # the page itself
        ("http://x/category/news/page/2/", ""),
    ],
)
def test_posts_other_lists_and_the_page_itself_are_not(url, parent):
    assert not is_next_page(url, parent)


def test_list_url_drops_only_the_page_number():
    assert list_url("http://x/a/page/4/?cat=2&page=3") == list_url("http://x/a?cat=2") != list_url("http://x/a?cat=3")


@pytest.mark.parametrize("text", ["2", "๑๒", "หน้า 3", "ถัดไป »", "« ก่อนหน้า", "หน้าสุดท้าย", "Next", "»", "Older posts"])
def test_a_pager_reads_as_one(text):
    assert is_pagination("http://x/news.php?page=3", text, "http://x/news.php?page=2")


@pytest.mark.parametrize(
    ("url", "text", "parent"),
    [
        ("http://x/page/12", "ประวัติความเป็นมา", "http://x/page/45"),  # a CMS numbering its pages /page/<id>
        ("http://x/index.php?page=12", "อำนาจหน้าที่", "http://x/index.php?page=45"),
        ("http://x/news.php?page=3", "ข่าวที่ 3", "http://x/news.php?page=2"),
        ("http://x/?p=3105", "2", "http://x/?p=3100"),
    ],
)
def test_menus_and_posts_are_not_a_pager(url, text, parent):
    assert not is_pagination(url, text, parent)


def test_the_last_page_of_a_list_the_ita_index_links_is_as_likely_as_its_first():
    focus = Focus()
    category = "http://x/category/news/"
    listed = focus.score(category, "O37 การเปิดโอกาสให้เกิดการมีส่วนร่วม", False, parent_score=120) + 20
    page = category
    for n in (3, 5, 7, 9):  # WordPress shows current ± 2: page 9 is four clicks from the first
        url = f"{category}page/{n}/"
        assert is_pagination(url, str(n), page)
        listed = focus.score(url, str(n), False, parent_score=listed, next_page=True)
        page = url
    assert listed > 60
    # the posts listed there are as likely as their own words make them
    plain = focus.score("http://x/?p=9", "ชาวบ้านร่วมปลูกป่า", False, parent_score=listed, inherit=False)
    named = focus.score("http://x/?p=8", "รายงานผลการดำเนินงาน รอบ 6 เดือน", False, parent_score=listed, inherit=False)
    assert plain <= OIT_SETTLE_SCORE < named
    # a plain news list keeps its own low score page after page
    news = focus.score("http://x/news/", "ข่าว", False)
    assert focus.score("http://x/news/?page=2", "2", False, parent_score=news, next_page=True) <= news


class _Crawler:
    def __init__(self):
        self.stats = _Stats()
        self.spider = type("Spider", (), {"pending": {}})()


class _Stats(dict):
    def inc_value(self, key, count=1):
        self[key] = self.get(key, 0) + count


def test_only_the_first_request_of_a_link_handed_out_is_fetched():
    crawler = _Crawler()
    mw = FirstRequestOnly(crawler)
    crawler.spider.pending["http://x/a"] = (50, 1)
    better = Request("http://x/a", meta={"oit_pending": True, "oit_min_depth": 1, "depth": 0})
    assert mw.process_request(better) is None
    assert better.meta["depth"] == 1  # as deep as the link was first found
    assert "http://x/a" not in crawler.spider.pending
    with pytest.raises(Superseded):
        mw.process_request(Request("http://x/a", meta={"oit_pending": True, "depth": 1}))
    # a retry, a redirect hop and requests that are not the spider's links go through
    for meta in ({"oit_pending": True, "retry_times": 1}, {"oit_pending": True, "redirect_times": 1}, {}):
        assert mw.process_request(Request("http://x/a", meta=meta)) is None
    assert crawler.stats["oit/superseded"] == 1


ROWS = {"O1": "โครงสร้าง", "O2": "ข้อมูลผู้บริหาร", "O3": "อำนาจหน้าที่", "O4": "ข้อมูลการติดต่อ", "O5": "ข่าวประชาสัมพันธ์"}


def _site() -> dict:
    """A homepage linking the ITA page through another page (the ITA page is at depth 2, the limit, so its links are
    too deep); the sitemap lists 60 news pages, then the O12 page (no anchor, no hint: the
    scheduler would hand it out after the news); the ITA page's O12 row links that page, which links the report."""
    rows = "".join(f"<tr><td>{c}</td><td>{n}</td><td><a href='/p/{c}.html'>ดู</a></td></tr>" for c, n in ROWS.items())
    rows += "<tr><td>O12</td><td>รายงานผลการดำเนินงานประจำปี</td><td><a href='/item/12.html'>ดู</a></td></tr>"
    news = [f"/news/{n}.html" for n in range(60)]
    locs = "".join(f"<url><loc>{{base}}{u}</loc></url>" for u in [*news, "/item/12.html"])
    pages = {
        "/": html("หน้าแรก", "<a href='/about.html'>เกี่ยวกับเรา</a>"),
        "/about.html": html("เกี่ยวกับเรา", "<a href='/ita.html'>ITA</a>"),
        "/ita.html": html("ITA", f"<table>{rows}</table>"),
        "/item/12.html": html("ผลการดำเนินงาน", "<a href='/files/report.pdf'>ผลการดำเนินงาน ประจำปี</a>"),
        "/files/report.pdf": pdf_bytes("Annual report"),
        "/sitemap.xml": locs,
    }
    pages |= {u: html("ข่าว", "<p>ข่าวกิจกรรม</p>") for u in news}
    pages |= {f"/p/{c}.html": html(n, f"<p>{n}</p>") for c, n in ROWS.items()}
    return pages


def test_a_sitemap_link_an_ita_row_names_is_fetched_first_at_its_sitemap_depth(tmp_path):
    pages = _site()
    server = SiteServer(pages)
    with server.serve() as base:
        pages["/sitemap.xml"] = (
            "<?xml version='1.0'?><urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>"
            + pages["/sitemap.xml"].replace("{base}", base.rstrip("/"))
            + "</urlset>"
        )
        run_spider(base, tmp_path / "x.db", "OIT_MAX_PAGES=14", "DEPTH_LIMIT=2", "CONCURRENT_REQUESTS=1")
    fetched = {url.removeprefix(base.rstrip("/")): r for url, r in fetched_urls(tmp_path / "x.db").items()}
    # without rescheduling the page waits behind the 60 news pages (the cap stops the crawl first), and reached
    # from the ITA row it is at depth 3, past the limit
    assert "/item/12.html" in fetched and "/files/report.pdf" in fetched
    assert fetched["/item/12.html"]["depth"] == 1
    assert fetched["/item/12.html"]["anchor"].startswith("O12")  # what the ITA row says of it
    assert server.fetched().count("/item/12.html") == 1  # fetched once
