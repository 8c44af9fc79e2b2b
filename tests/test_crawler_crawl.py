"""The unit-site spider against small local sites, one ``scrapy crawl`` subprocess per crawl."""

from __future__ import annotations

import json
import re
import time
from collections import Counter

from tests.crawler_support import SiteServer, db_rows, fetched_urls, html, make_cert, pdf_bytes, run_spider
from tests.helpers import shared_path

PDF = pdf_bytes("Annual report 2567")


def _ita_index() -> str:
    rows = "".join(
        f'<tr><td>O{i}</td><td>รายการที่ {i}</td><td><a href="/ita/o{i}.html">ลิงก์</a></td></tr>' for i in range(1, 8)
    )
    return html("ITA 2567", f"<h1>การเปิดเผยข้อมูลสาธารณะ (OIT)</h1><table>{rows}</table>")


def test_focus_finds_evidence_under_a_page_cap(tmp_path):
    news = "".join(f'<li><a href="/news/{i}.html">ข่าวกิจกรรมชุมชน ครั้งที่ {i}</a></li>' for i in range(150))
    pages = {
        "/": html("อบต.ทดสอบ", f"<ul>{news}</ul><a href='/menu/1685'>ITA</a>"),
        "/menu/1685": _ita_index(),
    }
    for i in range(150):
        pages[f"/news/{i}.html"] = html(f"ข่าว {i}", f"<p>ข่าว {i}</p><a href='/news/{i}/photo.html'>ภาพ</a>")
    for i in range(1, 8):
        pages[f"/ita/o{i}.html"] = html(f"O{i} รายการที่ {i}", f"<a href='/files/o{i}.pdf'>เอกสาร O{i}</a>")
        pages[f"/files/o{i}.pdf"] = PDF
    site = SiteServer(pages)
    db = tmp_path / "c.db"
    with site.serve() as base:
        run_spider(base, db, "OIT_MAX_PAGES=25", "CONCURRENT_REQUESTS=4")
    got = {u.replace(base, "/") for u in fetched_urls(db)}
    assert len(got) <= 25
    assert "/menu/1685" in got
    assert {f"/ita/o{i}.html" for i in range(1, 8)} <= got
    assert {f"/files/o{i}.pdf" for i in range(1, 8)} <= got
    run = db_rows(db, "select * from runs")[0]
    assert run["crawl_status"] == "partial"
    rows = db_rows(db, "select code, url from ita_rows")
    assert {r["code"] for r in rows} >= {f"O{i}" for i in range(1, 8)}
    # A page per item: each item page's document is mapped to its code.
    assert {"code": "O3", "url": base + "files/o3.pdf"} in rows


def test_encodings_tis620_and_wrong_charsets(tmp_path):
    thai = "ข้อมูลการติดต่อองค์การบริหารส่วนตำบล"
    pages = {
        "/": html("home", "".join(f'<a href="/{p}">{p}</a> ' for p in ("a", "b", "c", "d")), charset=""),
        # short, no charset anywhere (Scrapy guesses cp932 here)
        "/a": (200, {"Content-Type": "text/html"}, f"<html><body><p>{thai}</p></body></html>".encode("cp874")),
        # declared windows-874 in the header only
        "/b": (200, {"Content-Type": "text/html; charset=windows-874"}, html(thai, f"<p>{thai} B</p>", charset="")
               .encode("cp874")),
        # declares utf-8, is TIS-620
        "/c": (200, {"Content-Type": "text/html; charset=utf-8"}, html("c", f"<p>{thai} C</p>").encode("cp874")),
        # declares tis-620, is UTF-8
        "/d": (200, {"Content-Type": "text/html"}, html("d", f"<p>{thai} D</p>", charset="tis-620").encode()),
    }
    db = tmp_path / "e.db"
    with SiteServer(pages).serve() as base:
        run_spider(base, db)
    texts = {r["url"].rsplit("/", 1)[-1]: r for r in db_rows(
        db, "select r.url, t.text, t.encoding from resources r join texts t on t.sha256 = r.sha256")}
    for name in "abcd":
        assert thai in texts[name]["text"], (name, texts[name])
    assert texts["a"]["encoding"] == "cp874" and texts["d"]["encoding"] == "utf-8"


def test_onclick_viewer_links_followed_comments_and_placeholders_ignored(tmp_path):
    body = """
    <a href="#">เมนู</a> <a href="#!">เมนู2</a> <a href="javascript:void(0)">เมนู3</a>
    <span onclick="window.open('/files/onclick.pdf')">แผนดำเนินงาน</span>
    <a href="/pdfjs/web/viewer.html?file=%2Ffiles%2Fpdfjs.pdf">รายงาน pdf.js</a>
    <a href="/flowpaper/view.php?doc=/files/flow.pdf">คู่มือ FlowPaper</a>
    <a href="https://docs.google.com/viewer?url=BASEfiles/gview.pdf&embedded=true">ประกาศ</a>
    <!-- <a href="/secret.html">ITA เก่า</a> -->
    """
    pages = {f"/files/{n}.pdf": PDF for n in ("onclick", "pdfjs", "flow", "gview")}
    pages["/secret.html"] = html("secret", "x")
    db = tmp_path / "o.db"
    site = SiteServer(pages)
    with site.serve() as base:
        pages["/"] = html("home", body.replace("BASE", base))
        run_spider(base, db)
    got = {u.replace(base, "/") for u in fetched_urls(db)}
    assert {"/files/onclick.pdf", "/files/pdfjs.pdf", "/files/flow.pdf", "/files/gview.pdf"} <= got
    assert "/secret.html" not in site.fetched()
    kinds = {r["dst"].replace(base, "/"): r["kind"] for r in db_rows(db, "select dst, kind from links")}
    assert kinds["/files/onclick.pdf"] == "onclick" and kinds["/files/pdfjs.pdf"] == "viewer"
    assert not any(d.endswith(("#", "#!")) or "javascript" in d or "secret" in d for d in kinds)


def _calendar(handler) -> None:
    m = re.search(r"month=(\d+)&year=(\d+)", handler.path)
    month, year = (int(m.group(1)), int(m.group(2))) if m else (1, 2567)
    nxt = (month % 12 + 1, year + (month == 12))
    body = html(f"ปฏิทิน {month}/{year}", f'<a href="/calendar.php?month={nxt[0]}&year={nxt[1]}">เดือนถัดไป</a>'
                f'<a href="/calendar.php?year={year}&month={month}&PHPSESSID=abc{month}">เดือนนี้</a>').encode()
    handler.send_response(200)
    handler.send_header("Content-Type", "text/html; charset=utf-8")
    handler.send_header("Content-Length", str(len(body)))
    handler.end_headers()
    handler.wfile.write(body)


def test_traps_sessions_duplicates_and_sitemap(tmp_path):
    same = html("ประกาศ", "<p>" + "ประกาศเรื่องการจัดซื้อจัดจ้าง " * 20 + "</p><a href='/after-dup.html'>ต่อ</a>")
    pages: dict = {
        "/": html("home", '<a href="/calendar.php?month=1&year=2567">ปฏิทินกิจกรรม</a>'
                  '<a href="/page.php?id=1;jsessionid=ZZ">ประกาศ</a> <a href="/page.php?PHPSESSID=1&id=1">ประกาศ</a>'
                  '<a href="/page.php?id=1&utm_source=x">ประกาศ</a> <a href="/copy.php?id=1">สำเนา</a>'),
        "/page.php?id=1": same,
        "/copy.php?id=1": same,
        "/after-dup.html": html("after", "x"),
        "/sitemap.xml": (200, {"Content-Type": "application/xml"}, (
            '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            "<url><loc>BASEonly-in-sitemap.html</loc></url></urlset>")),
        "/only-in-sitemap.html": html("O33 sitemap", "x"),
    }
    site = SiteServer(pages)
    db = tmp_path / "t.db"
    with site.serve() as base:
        status, headers, body = pages["/sitemap.xml"]
        pages["/sitemap.xml"] = (status, headers, body.replace("BASE", base).encode())
        for path in [p for p in pages if p.startswith("/calendar")]:
            del pages[path]
        for m in range(1, 13):
            for y in range(2560, 2600):
                pages[f"/calendar.php?month={m}&year={y}"] = _calendar
        run_spider(base, db, "OIT_TRAP_MAX_CALENDAR=6")
    hits = Counter(site.fetched())
    calendar = [p for p in hits if p.startswith("/calendar")]
    assert 1 <= len(calendar) <= 6
    assert hits["/page.php?id=1"] == 1  # three spellings, one page
    assert "/only-in-sitemap.html" in hits
    stats = json.loads(db_rows(db, "select crawl_stats from runs")[0]["crawl_stats"])
    assert stats["duplicate_pages"] == 1 and stats["trap_calendar"] >= 1


def test_robots_user_agent_and_retry_backoff(tmp_path):
    attempts: list[float] = []
    agents: list[str] = []

    def flaky(handler) -> None:
        attempts.append(time.monotonic())
        agents.append(handler.headers.get("User-Agent", ""))
        ok = len(attempts) > 2
        body = html("O1 ok", "ok").encode() if ok else b"busy"
        handler.send_response(200 if ok else 503)
        if not ok:
            handler.send_header("Retry-After", "1")
        handler.send_header("Content-Type", "text/html")
        handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        handler.wfile.write(body)

    pages = {
        "/robots.txt": (200, {"Content-Type": "text/plain"}, b"User-agent: *\nDisallow: /private/\n"),
        "/": html("home", '<a href="/private/a.html">ลับ</a><a href="/flaky.html">บริการ</a>'),
        "/private/a.html": html("private", "x"),
        "/flaky.html": flaky,
    }
    site = SiteServer(pages)
    with site.serve() as base:
        run_spider(base, tmp_path / "r.db")
        assert "/private/a.html" not in site.fetched()
        assert len(attempts) == 3 and attempts[2] - attempts[0] >= 1.8  # two Retry-After waits
        assert agents[0].startswith("oit-selfcheck/")
        run_spider(base, tmp_path / "r2.db", "ROBOTSTXT_OBEY=False")
        assert "/private/a.html" in site.fetched()


def _small_site() -> dict:
    links = "".join(f'<a href="/p{i}.html">แผน {i}</a> ' for i in range(8))
    pages = {"/": html("home", links)}
    for i in range(8):
        pages[f"/p{i}.html"] = html(f"p{i}", f'<p>หน้า {i}</p><a href="/files/d{i}.pdf">เอกสาร {i}</a>')
        pages[f"/files/d{i}.pdf"] = pdf_bytes(f"document {i}")
    return pages


def test_recrawl_revalidates_with_etags(tmp_path):
    site = SiteServer(_small_site(), etags=True)
    db = tmp_path / "i.db"
    with site.serve() as base:
        run_spider(base, db)
        first = len(site.log)
        run_spider(base, db)
    second = site.log[first:]
    not_modified = [p for _, p, s in second if s == 304]
    assert len(not_modified) >= 17  # 9 pages + 8 documents answered "not modified"
    runs = db_rows(db, "select id, crawl_stats from runs order by id")
    assert len(runs) == 2
    assert len(fetched_urls(db, runs[0]["id"])) == len(fetched_urls(db, runs[1]["id"])) == 17
    stats = json.loads(runs[1]["crawl_stats"])
    assert stats["cached"] == 17 and stats["httpcache_revalidate"] >= 17  # nothing extracted again
    assert (tmp_path / "oit-cache").is_dir()


def test_interrupted_crawl_resumes_in_the_same_run(tmp_path):
    site = SiteServer(_small_site())
    db = tmp_path / "s.db"
    with site.serve() as base:
        run_spider(base, db, "CLOSESPIDER_PAGECOUNT=4", "CONCURRENT_REQUESTS=1")
        run = db_rows(db, "select * from runs")[0]
        assert run["crawl_status"] == "partial"
        before = set(fetched_urls(db))
        assert 1 <= len(before) < 17
        run_spider(base, db, "OIT_RESUME=True", "CONCURRENT_REQUESTS=1")
    runs = db_rows(db, "select * from runs")
    assert len(runs) == 1 and runs[0]["crawl_status"] == "complete"
    assert len(fetched_urls(db)) == 17
    hits = Counter(p for p in site.fetched() if p not in ("/robots.txt", "/sitemap.xml"))
    assert sum(hits.values()) <= 17 + 1  # at most the one page in flight at the stop is fetched again


def test_offsite_documents_only_when_allowed(tmp_path):
    other = SiteServer({"/files/egp.pdf": PDF})
    with other.serve() as other_base:
        other_url = other_base.replace("127.0.0.1", "localhost") + "files/egp.pdf"
        site = SiteServer({"/": html("home", f'<a href="{other_url}">ประกาศ e-GP</a>')})
        with site.serve() as base:
            run_spider(base, tmp_path / "a.db")
            assert other.fetched() == []
            links = db_rows(tmp_path / "a.db", "select offsite from links where dst = ?", [other_url])
            assert links == [{"offsite": 1}]
            run_spider(base, tmp_path / "b.db", "OIT_OFFSITE_DOCUMENTS=localhost")
    assert other.fetched() == ["/robots.txt", "/files/egp.pdf"]  # its robots.txt is obeyed too
    row = fetched_urls(tmp_path / "b.db")[other_url]
    assert row["offsite"] == 1 and row["kind"] == "pdf" and not row["error"]


def test_expired_self_signed_certificate_is_crawled_and_reported(tmp_path):
    cert = make_cert(tmp_path, expired=True)
    site = SiteServer({"/": html("home", '<a href="/o1.html">โครงสร้าง</a>'), "/o1.html": html("O1", "x")}, tls=cert)
    db = tmp_path / "tls.db"
    with site.serve() as base:
        run_spider(base, db)
    assert set(fetched_urls(db)) == {base, base + "o1.html"}
    warnings = json.loads(db_rows(db, "select warnings from runs")[0]["warnings"])
    assert len(warnings) == 1 and "expired" in warnings[0] and "self-signed" in warnings[0]


def test_real_homepage_reaches_its_ita_page(tmp_path):
    body = shared_path("realdocs", "phukradung-home-2567.html").read_bytes()
    pages = {"/": (200, {"Content-Type": "text/html; charset=utf-8"}, body),
             "/public/list/data/index/menu/1685": html("ITA", "<h1>ITA 2567</h1>")}
    db = tmp_path / "p.db"
    site = SiteServer(pages)
    with site.serve() as base:
        run_spider(base, db, "OIT_MAX_PAGES=15")
    assert "/public/list/data/index/menu/1685" in site.fetched()
    links = db_rows(db, "select dst from links where src = ?", [base])
    assert any(r["dst"].endswith("/public/list/data/index/menu/1685") for r in links)
