"""Crawler building blocks without a network: URLs, traps, focus, ITA index parsing, JS detection,
offsite rules, TLS certificate checks, retry backoff, the HTTP cache policy, the saved real homepage."""

from __future__ import annotations

import json
import re
from datetime import date

import pytest
from scrapy.http import HtmlResponse, Request
from scrapy.settings import Settings

from checklist.catalog import load_catalog
from crawler.focus import Focus
from crawler.ita_index import parse_ita_index, parse_item_page
from crawler.middlewares import Backoff, certificate_problems, parse_retry_after
from crawler.offsite import OffsiteDocuments, direct_download
from crawler.render import configure, needs_rendering
from crawler.traps import TrapGuard
from crawler.urls import canonical_url
from oitbase.extract import extract
from tests.helpers import shared_path


def test_canonical_url_drops_sessions_trackers_and_sorts():
    a = canonical_url("HTTP://Example.go.th:80/a//b;jsessionid=ABC?b=2&PHPSESSID=x&a=1&utm_source=fb#top")
    assert a == "http://example.go.th/a/b?a=1&b=2"
    assert canonical_url("http://x.go.th/p?id=5&sid=99") == canonical_url("http://x.go.th/p?id=5")
    assert canonical_url("http://x.go.th/ข่าว?id=1") == "http://x.go.th/%E0%B8%82%E0%B9%88%E0%B8%B2%E0%B8%A7?id=1"
    # identifiers stay
    assert canonical_url("http://x.go.th/download.php?file=a.pdf&dir=2567") == (
        "http://x.go.th/download.php?dir=2567&file=a.pdf"
    )


def test_calendar_is_bounded_and_far_years_are_traps():
    guard = TrapGuard(max_calendar=5, today=date(2024, 11, 1))
    ok = [guard.check(f"http://x/calendar.php?month={m}&year=2567") for m in range(1, 13)]
    assert ok[:5] == [""] * 5 and set(ok[5:]) == {"calendar"}
    assert guard.check("http://x/calendar.php?month=1&year=2599") == "calendar out of range"
    assert guard.check("http://x/event/2031/05/") == "calendar out of range"


def test_files_module_is_not_a_trap_but_endless_combinations_are():
    guard = TrapGuard(max_combinations=10)
    assert all(guard.check(f"http://x/download.php?id={i}") == "" for i in range(500))
    keys = ["cat", "type", "tag", "q", "year2", "unit", "grp"]
    combos = [f"http://x/list.php?{k1}=1&{k2}=2" for k1 in keys for k2 in keys if k1 < k2]
    results = [guard.check(u) for u in combos]
    assert results.count("") == 10 and "parameter combinations" in results
    assert guard.check("http://x/a/b/a/b/a/b/") == "repeating path"
    assert guard.check("http://x/p?" + "&".join(f"k{i}=1" for i in range(12))) == "too many parameters"


def test_focus_puts_evidence_before_news_and_albums():
    focus = Focus()
    ita = focus.score("http://x/public/list/data/index/menu/1685", "ITA", False)
    item = focus.score("http://x/p?id=4", "O12 รายงานผลการดำเนินงาน", False)
    doc = focus.score("http://x/files/plan.pdf", "แผนการจัดซื้อจัดจ้าง", True)
    news = focus.score("http://x/news/view/9", "ชาวบ้านร่วมปลูกป่า", False)
    album = focus.score("http://x/gallery/5", "ภาพกิจกรรม", False)
    assert min(ita, item, doc) > news > album
    assert focus.score("http://x/a", "x", False, parent_score=ita) > news


def test_focus_uses_the_item_names_it_is_given():
    names = load_catalog("nacc-2567").item_names("lao")
    text = "มาตรการส่งเสริมคุณธรรมและความโปร่งใส"
    plain = Focus.from_settings(Settings())
    assert plain.matcher is None  # no names: the built-in hints alone
    # as oit check gives them (a dict) and as "scrapy crawl -s OIT_ITEM_NAMES='{…}'" does (JSON text)
    for value in (names, json.dumps(names, ensure_ascii=False)):
        focus = Focus.from_settings(Settings({"OIT_ITEM_NAMES": value}))
        assert focus.matcher is not None and focus.matcher.total == len(names)
        assert focus.score("http://x/a", text, False) > focus.score("http://x/a", "x", False)
        assert focus.score("http://x/a", text, False) > plain.score("http://x/a", text, False)


def test_progress_line_counts_the_items_it_is_given():
    from scrapy.utils.test import get_crawler

    from crawler.extensions import Progress

    assert Progress.from_crawler(get_crawler(settings_dict={})).total_items == 0
    names = {"O1": ["โครงสร้าง"], "O2": ["ข้อมูลผู้บริหาร"]}
    progress = Progress.from_crawler(get_crawler(settings_dict={"OIT_ITEM_NAMES": names}))
    assert progress.total_items == 2
    assert progress.matcher.codes_named("ข้อมูลผู้บริหาร อบต.") == {"O2"}


ROWS_PAGE = """<html><body><table>
<tr><td>O1</td><td>โครงสร้าง</td><td><a href="/o1.html">ลิงก์</a></td></tr>
<tr><td>o 2</td><td>ข้อมูลผู้บริหาร</td><td><a href="#">ลิงก์</a></td></tr>
<tr><td>O.3</td><td>อำนาจหน้าที่</td><td><a href="/viewer.html?file=%2Ffiles%2Fo3.pdf">ดู</a></td></tr>
<tr><td>O๔</td><td>แผนพัฒนาท้องถิ่น</td><td><a href="/o4.html">ลิงก์</a></td></tr>
<tr><td>O5</td><td>คำสั่งแบ่งงาน</td><td><a href="/o5.html">ลิงก์</a></td></tr>
</table><!-- <a href="/o6.html">O6 ข้อมูลการติดต่อ</a> --></body></html>"""

SECTIONS_PAGE = """<html><body><div class="content">
<h3>O10 แผนการดำเนินงานประจำปี</h3><ul><li><a href="/f/plan.pdf">แผนการดำเนินงาน 2567</a></li></ul>
<h3>O11 รายงานการกำกับติดตามการดำเนินงาน รอบ 6 เดือน</h3>
<p><a href="/f/r6.pdf">รายงาน 6 เดือน</a> <a href="/f/r6b.pdf">ภาคผนวก</a></p>
<h3>O12 รายงานผลการดำเนินงานประจำปี</h3><p><a href="/f/annual.pdf">รายงานประจำปี</a></p>
<h3>O13 คู่มือการปฏิบัติงาน</h3><p><a href="/f/manual.pdf">คู่มือ</a></p>
<h3>O14 คู่มือการให้บริการ</h3><p><a href="/f/service.pdf">คู่มือบริการ</a></p>
</div><div class="footer"><a href="/contact.html">ติดต่อ</a></div></body></html>"""


def test_ita_index_rows_one_page_for_all_items():
    rows = parse_ita_index(ROWS_PAGE, "http://x.go.th/ita.html")
    got = {(r.code, r.url) for r in rows}
    assert {r.page_url for r in rows} == {"http://x.go.th/ita.html"}
    assert ("O1", "http://x.go.th/o1.html") in got
    assert ("O2", "") in got  # placeholder link: kept empty so the report can say so
    assert ("O3", "http://x.go.th/files/o3.pdf") in got  # the document a viewer shows
    assert ("O4", "http://x.go.th/o4.html") in got
    assert not any(r.code == "O6" for r in rows)  # commented out


def test_ita_index_sections_map_following_links_to_the_heading_code():
    rows = parse_ita_index(SECTIONS_PAGE, "http://x.go.th/ita.html")
    by_code: dict[str, list[str]] = {}
    for r in rows:
        by_code.setdefault(r.code, []).append(r.url.rsplit("/", 1)[-1])
    assert by_code["O10"] == ["plan.pdf"]
    assert by_code["O11"] == ["r6.pdf", "r6b.pdf"]
    assert by_code["O14"] == ["service.pdf"]
    assert "contact.html" not in sum(by_code.values(), [])


def test_item_page_code_from_title_or_from_the_index_row():
    page = """<html><head><title>O20 รายงานผลการจัดซื้อจัดจ้าง</title></head><body>
    <a href="/menu.html">เมนู</a><a href="/f/egp.pdf">สรุปผล</a><iframe src="/f/embed.pdf"></iframe></body></html>"""
    rows = parse_item_page(page, "http://x.go.th/o20.html")
    assert {(r.code, r.url) for r in rows} == {("O20", "http://x.go.th/f/egp.pdf"), ("O20", "http://x.go.th/f/embed.pdf")}
    plain = page.replace("O20 ", "")
    assert parse_item_page(plain, "http://x.go.th/o20.html") == []
    assert {r.code for r in parse_item_page(plain, "http://x.go.th/o20.html", code="O20", label="x")} == {"O20"}


def test_needs_rendering_detects_script_menus_only():
    js_menu = b"""<html><body><div id="menu"></div><script>
    var m=document.getElementById('menu'); var a=document.createElement('a'); a.href='/ita.html';
    m.appendChild(a);</script></body></html>"""
    assert needs_rendering(js_menu, extract(js_menu, "text/html", "http://x/")) == "script-built menu"
    static = ("<html><body>" + "".join(f'<a href="/p{i}">หน้า {i}</a>' for i in range(20)) + "<p>"
              + "ข้อความ " * 200 + "</p><script>var x=1;</script></body></html>").encode()
    assert needs_rendering(static, extract(static, "text/html", "http://x/")) == ""
    assert needs_rendering(b"<html><body>short</body></html>", extract(b"<html><body>short</body></html>",
                                                                       "text/html", "http://x/")) == ""


def test_render_configure_installs_playwright_only_when_possible(tmp_path):
    settings = Settings({"OIT_RENDER_JS": True, "OIT_CHROMIUM": str(tmp_path / "none")})
    assert "chromium not found" in configure(settings)
    assert not settings.getdict("DOWNLOAD_HANDLERS")
    fake = tmp_path / "chromium"
    fake.write_text("")
    settings = Settings({"OIT_RENDER_JS": True, "OIT_CHROMIUM": str(fake)})
    assert configure(settings) == ""
    assert settings.getdict("DOWNLOAD_HANDLERS")["https"] == "crawler.render.OnDemandRenderHandler"
    assert settings.getdict("PLAYWRIGHT_LAUNCH_OPTIONS")["executable_path"] == str(fake)
    assert configure(Settings({"OIT_RENDER_JS": False})) == "off"


def test_offsite_documents_rules():
    assert not OffsiteDocuments([])
    rules = OffsiteDocuments(["drive.google.com", "*.gprocurement.go.th", "https://egp.example/announce/*"])
    assert rules.fetch_url("https://drive.google.com/file/d/1AbCdEfGhIjKlMn/view?usp=sharing") == (
        "https://drive.google.com/uc?export=download&id=1AbCdEfGhIjKlMn"
    )
    assert rules.fetch_url("https://process3.gprocurement.go.th/x/plan.pdf")
    assert rules.fetch_url("https://process3.gprocurement.go.th/x/list.jsp") is None  # not a document
    assert rules.fetch_url("https://egp.example/announce/view?id=3") == "https://egp.example/announce/view?id=3"
    assert rules.fetch_url("https://www.facebook.com/unit/doc.pdf") is None
    assert direct_download("https://docs.google.com/spreadsheets/d/1AbCdEfGhIjKlMn/edit").endswith("format=xlsx")


def test_certificate_problems(tmp_path):
    from cryptography import x509

    from tests.crawler_support import make_cert

    cert = x509.load_pem_x509_certificate(make_cert(tmp_path, expired=True)[0].read_bytes())
    problems = " ".join(certificate_problems(cert, "127.0.0.1"))
    assert "expired" in problems and "self-signed" in problems and "mismatch" not in problems
    assert "mismatch" in " ".join(certificate_problems(cert, "www.other.go.th"))


def test_backoff_delays_grow_and_honour_retry_after():
    b = Backoff(base=1.0, maximum=10.0)
    assert 0.8 <= b.delay(1) <= 1.2 and 3.2 <= b.delay(3) <= 4.8 and b.delay(9) <= 12
    assert b.delay(1, retry_after=7) == 7
    assert parse_retry_after("120") == 120
    assert parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT") == 0
    assert parse_retry_after("soon") is None


def test_http_cache_policy_always_revalidates():
    from crawler.httpcache import RevalidatePolicy

    policy = RevalidatePolicy(Settings({"HTTPCACHE_IGNORE_SCHEMES": ["file"]}))
    req = Request("http://x/a.pdf")
    cached = HtmlResponse("http://x/a.pdf", body=b"x", headers={"ETag": '"v1"'})
    assert policy.should_cache_response(cached, req)
    assert not policy.should_cache_response(HtmlResponse("http://x/", body=b"x"), req)  # no validator
    assert not policy.is_cached_response_fresh(cached, req)
    assert req.headers[b"If-None-Match"] == b'"v1"'
    assert policy.is_cached_response_valid(cached, HtmlResponse("http://x/a.pdf", status=304), req)
    assert not policy.should_cache_request(Request("http://x/", meta={"playwright": True}))


def test_real_homepage_ita_links_found_and_commented_menu_not_counted():
    body = shared_path("realdocs", "phukradung-home-2567.html").read_bytes()
    url = "https://www.phukradung.go.th/public/"
    ext = extract(body, "text/html; charset=utf-8", url)
    urls = [lk.url for lk in ext.links]
    assert "https://www.phukradung.go.th/public/list/data/index/menu/1685" in urls  # the ITA menu entry
    assert any("itas.nacc.go.th" in u for u in urls)
    # The page keeps a whole copy of its menu inside an HTML comment: it adds no link at all.
    uncommented = re.sub(rb"<!--.*?-->", b"", body, flags=re.DOTALL)
    assert len(uncommented) < len(body) - 20_000
    assert [(lk.url, lk.text, lk.kind) for lk in extract(uncommented, "text/html", url).links] == [
        (lk.url, lk.text, lk.kind) for lk in ext.links
    ]
    marker = body.replace(b"<!--", b"<!-- <a href='/only-in-comment'>ITA</a>", 1)
    assert not any("only-in-comment" in lk.url for lk in extract(marker, "text/html", url).links)
    focus = Focus()
    ita = next(lk for lk in ext.links if lk.url.endswith("/menu/1685"))
    assert focus.score(ita.url, ita.text, False) >= 40


def test_trap_rules_read_the_decoded_url():
    """A Thai file name is long once percent-encoded, not as a person reads it; a really long one still is."""
    from urllib.parse import quote

    guard = TrapGuard()
    name = "รายงานผลการดำเนินงานตามแผนปฏิบัติการป้องกันการทุจริต ประจำปีงบประมาณ พ.ศ. 2567 (รอบ 6 เดือน).pdf"
    url = "https://www.example.go.th/wp-content/uploads/2024/04/" + quote(name)
    assert len(url) > 400
    assert guard.check(url) == ""
    assert guard.check("https://www.example.go.th/" + quote("ก" * 420)) == "long URL"
    assert guard.check("https://www.example.go.th/" + "/".join(quote("ปฏิทิน") for _ in range(3))) == "repeating path"


def _cms_page(own: str, scripts: str = "") -> bytes:
    menu = "".join(f'<li><a href="/public/list/data/index/menu/{n}">เมนูหลักของเว็บไซต์ หมวดที่ {n}</a></li>'
                   for n in range(40))  # fmt: skip
    template_js = "<script>$(function(){ $('.mega').append('<span class=caret></span>'); });</script>"
    return (f"<html><head><meta charset='utf-8'><title>อบต.ทดสอบ</title>{template_js}</head><body>"
            f"<ul class='mega'>{menu}</ul><div id='content'>{own}</div>{scripts}"
            "<footer>องค์การบริหารส่วนตำบลทดสอบ โทร 042-000000</footer></body></html>").encode()


def test_content_written_by_the_pages_own_script_is_rendered_behind_a_full_menu():
    """The vendor-CMS mega-menu gives every page plenty of text and links; what tells that a page's
    content needs its script is its own text, measured against the homepage's."""
    from crawler.render import SiteTemplate, needs_rendering
    from oitbase.extract import extract

    def ext(body: bytes):
        return extract(body, "text/html; charset=utf-8", "https://www.example.go.th/x")

    home = _cms_page("ยินดีต้อนรับสู่เว็บไซต์ " * 30)
    template = SiteTemplate()
    template.learn(home, ext(home))
    writes = "<script>document.getElementById('content').innerHTML = P.join('');</script>"
    scripted = _cms_page("", writes)
    assert needs_rendering(scripted, ext(scripted)) == ""  # the menu hides it from the page-level rule
    assert template.script_built_content(scripted, ext(scripted))
    static = _cms_page("ประกาศ เรื่อง การจัดซื้อจัดจ้าง ประจำปีงบประมาณ 2567 " * 12)
    assert not template.script_built_content(static, ext(static))  # its content is in the HTML
    tracker = _cms_page("", "<script>var _gaq = _gaq || []; _gaq.push(['_trackPageview']);</script>")
    assert not template.script_built_content(tracker, ext(tracker))  # a script of its own that writes nothing
    long_own = _cms_page("รายงานผลการดำเนินงาน " * 40, writes)
    assert not template.script_built_content(long_own, ext(long_own))  # it has its own content already
    same_as_home = _cms_page("")
    assert not template.script_built_content(same_as_home, ext(same_as_home))  # only the site's own scripts


def test_render_contexts_close_when_their_requests_came_back():
    """A context is closed once every request given to it came back, whatever happened to its pages, also
    when no page ever opened in it (only the download handler knows it then)."""
    import asyncio

    from scrapy import Request

    from crawler import render

    closed: list[str] = []

    class Context:
        def __init__(self, name):
            self.name = name

        async def close(self):
            closed.append(self.name)

    class Wrapper:
        def __init__(self, name):
            self.context = Context(name)

    class Handler:  # what render.context_named looks into
        context_wrappers = {"render-0": Wrapper("render-0")}

    async def run():
        handler = Handler()
        render.PLAYWRIGHT_HANDLERS.add(handler)
        pages = render.RenderPages(per_context=2)
        first, second, third = (Request(f"https://x.go.th/{n}", meta={"playwright": True}) for n in range(3))
        for request in (first, second, third):
            pages.assign(request)
        assert [r.meta["playwright_context"] for r in (first, second, third)] == ["render-0", "render-0", "render-1"]
        pages.finished(first)
        await asyncio.sleep(0)
        assert closed == []  # one of its requests is still out
        pages.finished(second)  # failed before any page opened: the context is found through the handler
        await asyncio.sleep(0)
        assert closed == ["render-0"]
        pages.finished(third)  # the current context stays open for the next requests
        await asyncio.sleep(0)
        assert closed == ["render-0"]
        render.PLAYWRIGHT_HANDLERS.discard(handler)

    asyncio.run(run())


def test_a_url_judged_without_counting_does_not_use_up_its_pattern():
    guard = TrapGuard(max_per_pattern=3)
    for _ in range(10):  # the same link, seen on many pages too deep to follow
        assert guard.check("https://x.go.th/list.php?cat=1&page=2", count=False) == ""
    assert all(guard.check(f"https://x.go.th/list.php?cat=1&page={n}") == "" for n in range(3))
    assert guard.check("https://x.go.th/list.php?cat=1&page=9") == "too many similar URLs"


def test_ita_rows_of_a_tis620_page_with_its_charset_only_in_the_header_read_thai():
    """The spider hands the index parser the page decoded (HTTP header), not raw bytes: lxml alone reads such bytes
    as Latin-1 and the labels would be garbled."""
    from crawler.spiders.unit_site import UnitSiteSpider

    rows = "".join(f"<tr><td>O{i}</td><td>{name}</td><td><a href='/o{i}.html'>คลิก</a></td></tr>"
                   for i, name in enumerate(["โครงสร้าง", "ข้อมูลผู้บริหาร", "อำนาจหน้าที่", "แผนพัฒนาท้องถิ่น",
                                             "ข้อมูลการติดต่อ", "กฎหมายที่เกี่ยวข้อง"], 1))  # fmt: skip
    body = f"<html><body><table>{rows}</table></body></html>".encode("tis-620")
    response = HtmlResponse(
        "http://unit.example/ita/", body=body, headers={"Content-Type": "text/html; charset=tis-620"}
    )
    ext = extract(body, "text/html; charset=tis-620", "http://unit.example/ita/", keep_tree=True)
    spider = UnitSiteSpider(url="http://unit.example/")
    # The tree extraction parsed (a page is parsed once), and, without one, the page as Scrapy decoded it.
    for tree in (ext.tree, None):
        got = spider._ita_rows(response, ext, tree)
        assert [code for code, _, _ in got] == ["O1", "O2", "O3", "O4", "O5", "O6"]
        assert got[0][1].startswith("โครงสร้าง") and got[2][1].startswith("อำนาจหน้าที่"), got
    assert ext.tree is not None and extract(body, "text/html", "http://unit.example/ita/").tree is None


@pytest.mark.parametrize(
    ("typed", "url"),
    [("www.abc.go.th", "http://www.abc.go.th/"), ("localhost:8000", "http://localhost:8000/"),
     ("abc.go.th:8080/p", "http://abc.go.th:8080/p"), ("mailto:a@abc.go.th", "mailto:a@abc.go.th"),
     ("file:/etc/passwd", "file:///etc/passwd")],
)  # fmt: skip
def test_a_scheme_is_added_only_where_there_is_none(typed: str, url: str) -> None:
    """Another scheme is kept, so the check refuses it, instead of becoming a host named "mailto" or "file"."""
    from crawler.urls import ensure_scheme
    from oit.api import plan_check

    assert ensure_scheme(typed) == url
    if not url.startswith("http"):
        with pytest.raises(ValueError, match="http"):
            plan_check(typed, year=2568)
