"""The unit-site spider: crawl one unit's website, its pages and documents.

    scrapy crawl unit_site -a url=https://www.example.go.th -s OIT_DB=example.db

Pages on the unit's host are followed; documents (PDF, Office files) are fetched and handed to
the store pipeline, which extracts their text once per content hash. Links to other hosts are
recorded, and fetched only when they are documents on a host listed in ``OIT_OFFSITE_DOCUMENTS``.

What makes it fit for real unit websites (see ``docs/crawling.md``):

* focused: links are scored by how likely they lead to OIT evidence (``crawler.focus``), the page
  cap counts downloads (``crawler.middlewares.PageBudget``) so the priorities decide what it keeps,
  and ``/sitemap.xml`` is read when present;
* ITA index pages and per-item pages are parsed into item rows (``crawler.ita_index``);
* pages that need JavaScript are rendered with chromium, only those (``crawler.render``);
* URLs are canonicalised (sessions, trackers, parameter order) and traps bounded (``crawler.traps``);
  a page whose text is the same as an earlier page's is stored but its links are not followed again;
* bodies are decoded from bytes by ``oitbase.extract`` (TIS-620, wrong charsets), never ``response.text``;
* resumable: ``OIT_RESUME`` continues an interrupted run from the store (``crawler.resume``).
"""

from __future__ import annotations

import hashlib
import itertools
import re
from urllib.parse import urljoin, urlsplit

import scrapy
from scrapy import signals
from scrapy.http import HtmlResponse, Response, TextResponse
from scrapy.utils.gz import gunzip
from scrapy.utils.sitemap import Sitemap
from twisted.internet import task
from twisted.python.failure import Failure

from crawler import render
from crawler.focus import Focus, is_pagination
from crawler.ita_index import MIN_CODES, parse_ita_index, parse_item_page
from crawler.items import FetchedResource, SkippedLink, skip_reason
from crawler.middlewares import AlreadyFetched, PageCapReached, Superseded
from crawler.offsite import OffsiteDocuments, direct_download
from crawler.settle import Settled
from crawler.traps import TrapGuard
from crawler.urls import canonical_url, ensure_scheme, is_onsite, site_host
from oitbase.extract import Extracted, extract, is_document_url, sniff_kind
from oitbase.fetch_errors import describe_failure
from oitbase.itemcodes import codes_mentioned

SKIP_EXTENSIONS = re.compile(
    r"\.(jpe?g|png|gif|bmp|svg|webp|ico|css|js|mp3|mp4|avi|mov|wmv|zip|rar|7z|exe|iso|woff2?|ttf)(\?|$)",
    re.IGNORECASE,
)
#: Skipped files a unit may have put its documents in: the report lists them.
ARCHIVE_EXTENSIONS = re.compile(r"\.(zip|rar|7z)(\?|$)", re.IGNORECASE)
#: Pages shorter than this are not compared for duplicate content (error stubs, empty lists).
MIN_DUPLICATE_TEXT = 200
#: Numbers the crawls of a process that shares its reactor (browser context names must not collide).
_CRAWLS = itertools.count(1)
#: Links over OIT_MAX_LINKS_PER_PAGE listed as skipped, per page (the rest are only counted).
MAX_LISTED_OVER_LIMIT = 100
#: How much better a waiting link must score when found again to be scheduled again (``UnitSiteSpider._request``).
RESCORE_GAIN = 10
#: Meta keys a rendering or a fallback carries over from the plain request.
CARRIED_META = ("depth", "referrer", "anchor", "oit_score", "oit_ita_code", "oit_ita_label", "oit_next_page")


def linked_url(meta: dict, url: str) -> str:
    """The URL a page linked, which the store keeps the answer under: after redirects it is the first
    URL of the chain (the engine finds the final one through ``final_url``)."""
    return meta.get("oit_url") or (meta.get("redirect_urls") or [url])[0]


class UnitSiteSpider(scrapy.Spider):
    name = "unit_site"

    def __init__(self, url: str = "", max_pages: int | str | None = None, **kwargs):
        super().__init__(**kwargs)
        if not url:
            raise ValueError("give the unit's homepage: scrapy crawl unit_site -a url=https://…")
        self.start_url = canonical_url(ensure_scheme(url))
        self.home_host = site_host(self.start_url)
        self._max_pages_arg = int(max_pages) if max_pages else None
        self.scheduled: set[str] = set()
        #: Links scheduled and not yet handed out: URL → the score and depth of its latest request
        #: (``crawler.middlewares.FirstRequestOnly`` lets the first of a URL's requests through, drops the others).
        self.pending: dict[str, tuple[int, int]] = {}
        #: URLs a resumed run already holds (``OIT_RESUME``).
        self.resumed_urls: set[str] = set()
        #: True when links were left unfetched because of the page cap.
        self.capped = False
        #: True once the verdicts have settled (``crawler.settle``): unlikely links are no longer fetched.
        self.settled = False
        #: Run warnings (Thai + English) the store pipeline adds to the run.
        self.run_warnings: list[str] = []
        self.text_hashes: dict[str, str] = {}
        self.rendered = 0
        self.render_off = "off"
        self.focus = Focus()
        self.traps = TrapGuard()
        self.offsite_docs = OffsiteDocuments([])
        self.contexts = render.RenderPages()
        #: Script signatures of the menus already rendered once (``render.script_signature``).
        self.rendered_menus: set[str] = set()
        #: What every page shares, from the homepage (``render.SiteTemplate``).
        self.template = render.SiteTemplate()
        self._sweeper = None

    @classmethod
    def from_crawler(cls, crawler, *args, **kwargs):
        spider = super().from_crawler(crawler, *args, **kwargs)
        settings = crawler.settings  # still mutable here (frozen after the spider is created)
        spider.render_off = render.configure(settings)
        spider.focus = Focus.from_settings(settings)
        spider.traps = TrapGuard.from_settings(settings)
        spider.offsite_docs = OffsiteDocuments.from_settings(settings)
        spider.contexts = render.RenderPages(
            settings.getint("OIT_RENDER_PAGES_PER_CONTEXT", 8),
            settings.getfloat("OIT_RENDER_PAGE_TIMEOUT", 60.0),
            settings.getfloat("OIT_RENDER_RESOURCE_TIMEOUT", 5.0),
            prefix=f"render{next(_CRAWLS)}" if settings.getbool("OIT_SHARED_REACTOR") else "render",
            guard=settings.getbool("OIT_REFUSE_PRIVATE"),
        )
        if not spider.render_off:
            crawler.signals.connect(spider._start_sweeper, signal=signals.spider_opened)
            crawler.signals.connect(spider._stop_sweeper, signal=signals.spider_closed)
        if settings.getbool("OIT_RESUME") and not settings.getint("OIT_RUN_ID"):
            from crawler.resume import find_resumable_run
            from storage import store

            run_id = find_resumable_run(store.open_db(settings.get("OIT_DB")), spider.start_url)
            if run_id:
                settings.set("OIT_RUN_ID", run_id, priority="cmdline")
        return spider

    @property
    def max_pages(self) -> int:
        return self._max_pages_arg or self.settings.getint("OIT_MAX_PAGES", 3000)

    def _start_sweeper(self) -> None:
        self._sweeper = task.LoopingCall(self._sweep)
        self._sweeper.start(5.0, now=False)

    def _stop_sweeper(self) -> None:
        if self._sweeper is not None and self._sweeper.running:
            self._sweeper.stop()
        self.crawler.stats.set_value("oit/render_resources_cut", self.contexts.resources_cut)

    def _sweep(self) -> None:
        if swept := self.contexts.sweep():
            self.crawler.stats.inc_value("oit/render_pages_swept", swept)

    def warn(self, text: str) -> None:
        if text not in self.run_warnings:
            self.run_warnings.append(text)
            self.logger.warning(text)

    async def start(self):
        if self.settings.getbool("OIT_RESUME") and self.settings.getint("OIT_RUN_ID"):
            for request in self._resume_requests():
                yield request
        if self.start_url not in self.resumed_urls:
            self.scheduled.add(self.start_url)
            yield scrapy.Request(
                self.start_url,
                callback=self.parse,
                errback=self.on_error,
                meta={"anchor": "หน้าแรก", "referrer": ""},
                priority=100,
            )
        if self.settings.getbool("OIT_SITEMAP", True):
            yield self._aux_request(urljoin(self.start_url, "/sitemap.xml"))

    def _resume_requests(self):
        from crawler.resume import fetched_urls, pending_links
        from storage import store

        db = store.open_db(self.settings.get("OIT_DB"))
        run_id = self.settings.getint("OIT_RUN_ID")
        self.resumed_urls = set(fetched_urls(db, run_id))
        self.scheduled |= self.resumed_urls
        for dst, text, src, depth in pending_links(db, run_id):
            url = canonical_url(dst)
            if not is_onsite(url, self.home_host):
                continue
            req = self._request(url, text, src, bonus=0, parent_score=0, depth=depth + 1)
            if req is not None:
                req.meta["depth"] = depth + 1
                yield req

    # --- responses ----------------------------------------------------------------------------

    def parse(self, response: Response):
        content_type = response.headers.get(b"Content-Type", b"").decode("latin-1")
        kind = sniff_kind(response.body, content_type, response.url)
        base = self._resource(response, content_type, kind)
        base.body = response.body
        if kind != "html":
            if response.status >= 400:
                base.error = f"HTTP {response.status}"
            yield base
            return
        ext = extract(response.body, content_type, response.url, keep_tree=True)
        if response.status < 400 and not base.offsite:
            min_text = self.settings.getint("OIT_RENDER_MIN_TEXT", 400)
            home = response.meta.get("depth", 0) == 0
            if home and not self.template.learnt:
                self.template.learn(response.body, ext)
            reason = render.needs_rendering(response.body, ext, min_text)
            if not reason and home and render.SCRIPT_TAG.search(response.body):
                reason = "homepage"  # menus are site-wide: one rendering of the homepage finds script-built ones
            if not reason and not home and self.template.script_built_content(response.body, ext, min_text):
                reason = "script-built content"  # the site's menu is there, the page's own content is not
            if reason:
                request = self._render_request(response, reason)
                if request is not None:
                    yield request
                    return
        yield from self._page(response, base, ext)

    def parse_rendered(self, response: Response):
        """The page after its scripts ran: store the rendered DOM and follow its links."""
        self.contexts.finished(response.request)
        if response.status >= 400:  # the server failed the second time: keep what the plain request got
            self.warn(f"เรนเดอร์ JavaScript ไม่สำเร็จ (rendering failed: HTTP {response.status}): {response.url}")
            yield from self._plain_page(response.request)
            return
        self.crawler.stats.inc_value("oit/render_ok")
        # The DOM comes back as text: decode it as Scrapy did and hand it on as UTF-8, whatever the
        # server's charset (a TIS-620 page must not be decoded twice).
        body = response.text.encode("utf-8")
        content_type = "text/html; charset=utf-8"
        base = self._resource(response, content_type, "html")
        base.url = response.meta.get("oit_url", base.url)
        base.body = body
        base.rendered = response.meta.get("oit_render", "rendered")
        ext = extract(body, content_type, response.url, keep_tree=True)
        yield from self._page(response, base, ext)

    def render_failed(self, failure: Failure):
        """Rendering failed (timed out, dropped, refused): keep the plain page."""
        self.contexts.finished(failure.request)
        self.warn(f"เรนเดอร์ JavaScript ไม่สำเร็จ (rendering failed: {describe_failure(failure)}): {failure.request.url}")
        yield from self._plain_page(failure.request)

    def _plain_page(self, request: scrapy.Request):
        """The page as the plain request got it, for a rendering that failed."""
        self.crawler.stats.inc_value("oit/render_failed")
        if signature := request.meta.get("oit_menu_signature"):
            self.rendered_menus.discard(signature)  # another page with the same menu may render it
        body, content_type, status, url = request.meta["oit_raw"]
        response = HtmlResponse(
            url=url, body=body, status=status, headers={"Content-Type": content_type}, request=request
        )
        base = self._resource(response, content_type, "html")
        base.url = request.meta.get("oit_url", base.url)
        base.body = body
        yield from self._page(response, base, extract(body, content_type, url, keep_tree=True))

    def parse_sitemap(self, response: Response):
        """URLs of ``/sitemap.xml`` (and of the sitemaps a sitemap index lists) are scheduled."""
        body = response.body
        if response.status != 200 or not body:
            return
        if body[:2] == b"\x1f\x8b":
            body = gunzip(body, max_size=self.settings.getint("DOWNLOAD_MAXSIZE"))
        try:
            sitemap = Sitemap(body)
        except Exception:  # noqa: BLE001 - a broken sitemap is just not used
            return
        for entry in sitemap:
            loc = canonical_url(urljoin(response.url, entry.get("loc", "")))
            if not is_onsite(loc, self.home_host):
                continue
            if sitemap.type == "sitemapindex":
                if self.crawler.stats.get_value("oit/sitemaps", 0) < 50:
                    yield self._aux_request(loc)
            elif req := self._request(
                loc, "", self.start_url, bonus=0, parent_score=0, depth=response.meta.get("depth", 0) + 1
            ):
                req.meta["depth"] = 1
                self.crawler.stats.inc_value("oit/sitemap_urls")
                yield req

    def on_error(self, failure: Failure):
        request = failure.request
        if failure.check(PageCapReached, Settled):
            rule = "page cap" if failure.check(PageCapReached) else "settled"
            yield SkippedLink(request.url, request.meta.get("referrer", ""), request.meta.get("anchor", ""),
                              skip_reason(rule))  # fmt: skip
            return
        if failure.check(AlreadyFetched, Superseded):
            return
        yield FetchedResource(
            url=linked_url(request.meta, request.url),
            final_url=request.url,
            kind="document" if is_document_url(request.url) else "html",
            depth=request.meta.get("depth", 0),
            referrer=request.meta.get("referrer", ""),
            anchor=request.meta.get("anchor", ""),
            error=describe_failure(failure),
            offsite=bool(request.meta.get("oit_offsite")),
        )

    def ignore_error(self, failure: Failure) -> None:
        return None

    # --- pages --------------------------------------------------------------------------------

    def _page(self, response: Response, base: FetchedResource, ext: Extracted):
        tree, ext.tree = ext.tree, None  # the item goes on to the store without the parsed page
        base.extracted = ext
        if response.status >= 400:
            base.error = f"HTTP {response.status}"
            yield base
            return
        if base.offsite:  # an admitted offsite page: stored, not followed
            yield base
            return
        if len(ext.text) >= MIN_DUPLICATE_TEXT:
            digest = hashlib.sha1(" ".join(ext.text.split()).encode("utf-8")).hexdigest()
            first = self.text_hashes.setdefault(digest, base.url)
            if first != base.url:
                self.crawler.stats.inc_value("oit/duplicate_pages")
                yield base  # the same content under another URL: its links are the first page's
                return
        base.ita_rows = self._ita_rows(response, ext, tree)
        parent = response.meta.get("oit_score", 0)
        depth_limit = self.settings.getint("DEPTH_LIMIT", 0)
        depth = response.meta.get("depth", 0) + 1
        too_deep = bool(depth_limit) and depth > depth_limit
        # the page's pager links keep its score; the other links of a list's later page inherit none of it
        on_page = {"page_url": response.url, "later_page": bool(response.meta.get("oit_next_page"))}
        requests = []
        for code, label, url in base.ita_rows:
            if url and is_onsite(url, self.home_host):
                meta = {"oit_ita_code": code, "oit_ita_label": label}
                req = self._request(url, f"{code} {label}", base.url, bonus=20, parent_score=parent, meta=meta,
                                    skipped=base.skipped, too_deep=too_deep, depth=depth, **on_page)  # fmt: skip
                if req is not None:
                    requests.append(req)
        max_links = self.settings.getint("OIT_MAX_LINKS_PER_PAGE", 2000) or len(ext.links)
        for n, link in enumerate(ext.links):
            onsite = is_onsite(link.url, self.home_host)
            url = canonical_url(link.url) if onsite else link.url
            if n >= max_links:  # a page of 50,000 links must not spend the whole page cap
                self.crawler.stats.inc_value("oit/links_over_page_limit")
                if n < max_links + MAX_LISTED_OVER_LIMIT:
                    base.skipped.append((url, link.text[:300], skip_reason("links per page", str(max_links))))
                continue
            base.links.append((url, link.text, link.kind, not onsite))
            if link.kind == "form":
                continue
            if onsite:
                req = self._request(url, link.text, base.url, parent_score=parent, skipped=base.skipped,
                                    too_deep=too_deep, depth=depth, **on_page)  # fmt: skip
            else:
                req = self._offsite_request(url, link.text, base.url, base.skipped)
            if req is not None:
                requests.append(req)
        yield base
        # likeliest first: Scrapy hands a page's output to the scheduler CONCURRENT_ITEMS at a time, and the
        # engine may pull the next request before a long page's last links are in
        yield from sorted(requests, key=lambda r: r.priority, reverse=True)

    def _ita_rows(self, response: Response, ext: Extracted, tree=None) -> list[tuple[str, str, str]]:
        """Rows of an ITA index page, or of one item's page (reached from an index row, or titled
        with a code); ``tree`` is the page extraction parsed, if it kept it."""
        # The tree extraction parsed (decoded by oitbase.extract: HTTP header, meta, TIS-620 sniffing); a page is
        # parsed once. Without one, decoded as Scrapy decodes it: lxml alone reads bytes of a TIS-620 page whose
        # charset is only in the header as Latin-1, and the rows' labels would be garbled.
        if tree is not None:
            body = tree
        else:
            body = response.text if isinstance(response, TextResponse) else response.body
        url = response.url
        rows = []
        if len(codes_mentioned(ext.text)) >= MIN_CODES:  # a page naming several codes is probably an index page
            rows = parse_ita_index(body, url)
        if not rows:
            code = response.meta.get("oit_ita_code", "")
            rows = parse_item_page(body, url, code, response.meta.get("oit_ita_label", ""))
        return [(r.code, r.label, canonical_url(r.url) if r.url else "") for r in rows]

    # --- requests -----------------------------------------------------------------------------

    def _request(
        self,
        url: str,
        text: str,
        referrer: str,
        bonus: int = 0,
        parent_score: int = 0,
        meta: dict | None = None,
        skipped: list | None = None,
        too_deep: bool = False,
        depth: int = 0,
        page_url: str = "",
        later_page: bool = False,
    ) -> scrapy.Request | None:
        """A request for an on-site URL (canonical), or None when it is scheduled or skipped; why a
        link is skipped goes to ``skipped`` as (url, text, reason). A link still waiting that is found again
        with a much better score (its anchor names an item, an ITA row links it; a sitemap listed it first)
        is scheduled again at that score, with what the better link says of it, at the smaller of the two
        depths (``depth``: clicks from the homepage, as Scrapy's ``DepthMiddleware`` will count them).
        ``page_url``: the page the link is on (its final URL), to tell its pager (``crawler.focus.is_pagination``);
        ``later_page``: that page is itself a list's next page."""
        queued = self.pending.get(url)
        if queued is None and url in self.scheduled:  # the hot path: a menu link every page repeats
            return None
        extra = dict(meta or {})
        next_page = bool(page_url) and is_pagination(url, text, page_url)
        if next_page:
            extra["oit_next_page"] = True
        scoring = {"next_page": next_page, "inherit": not later_page}
        priority_depth = 0  # DepthMiddleware subtracts the depth it counts, except where it is reset
        if queued is not None:
            score = self.focus.score(url, text, is_document_url(url), parent_score, **scoring) + bonus
            if score < queued[0] + RESCORE_GAIN:
                return None
            if queued[1] < depth:  # found deeper than it was first: as deep as its first link (DepthMiddleware
                # would count it, and drop it past DEPTH_LIMIT, at this page's depth + 1)
                extra |= {"depth_reset": True, "oit_min_depth": queued[1]}
                depth = priority_depth = queued[1]
            elif too_deep:
                return None
            self.crawler.stats.inc_value("oit/rescheduled")
        else:
            reason = self._why_not_fetched(url, too_deep)
            if reason is not None:
                if reason and skipped is not None:
                    skipped.append((url, text[:300], reason))
                return None
            self.scheduled.add(url)
            score = self.focus.score(url, text, is_document_url(url), parent_score, **scoring) + bonus
        self.pending[url] = (score, depth)
        return scrapy.Request(
            url,
            callback=self.parse,
            errback=self.on_error,
            dont_filter=True,  # a redirect to a page already fetched is kept under the linked URL
            priority=score - priority_depth * self.settings.getint("DEPTH_PRIORITY", 0) if priority_depth else score,
            meta={"anchor": text[:300], "referrer": referrer, "oit_score": score, "oit_pending": True, **extra},
        )

    def _why_not_fetched(self, url: str, too_deep: bool) -> str | None:
        """None when an on-site link is to be fetched; else why not ("" for files that are never
        evidence, such as images and scripts)."""
        path = urlsplit(url).path
        if SKIP_EXTENSIONS.search(path):
            return skip_reason("archive") if ARCHIVE_EXTENSIONS.search(path) else ""
        if trap := self.traps.check(url, count=not too_deep):  # a deeper page may link it again
            self.crawler.stats.inc_value(f"oit/trap/{trap}")
            return skip_reason("trap", trap)
        if too_deep:
            return skip_reason("depth")
        if len(self.scheduled) >= (self.settings.getint("OIT_MAX_FRONTIER", 0) or max(20 * self.max_pages, 20000)):
            self.capped = True
            return skip_reason("frontier")
        return None

    def _offsite_request(
        self, url: str, text: str, referrer: str, skipped: list | None = None
    ) -> scrapy.Request | None:
        fetch = self.offsite_docs.fetch_url(url) if self.offsite_docs else None
        if fetch is None:
            is_document = is_document_url(url) or direct_download(url) is not None
            if skipped is not None and is_document and url not in self.scheduled:
                self.scheduled.add(url)  # reported once
                skipped.append((url, text[:300], skip_reason("offsite")))
            return None
        if fetch in self.scheduled:
            return None
        self.scheduled.add(fetch)
        self.crawler.stats.inc_value("oit/offsite_documents")
        return scrapy.Request(
            fetch,
            callback=self.parse,
            errback=self.on_error,
            priority=self.focus.score(url, text, True),
            meta={"anchor": text[:300], "referrer": referrer, "oit_offsite": True, "oit_url": url},
        )

    def _aux_request(self, url: str) -> scrapy.Request:
        self.crawler.stats.inc_value("oit/sitemaps")
        return scrapy.Request(
            url, callback=self.parse_sitemap, errback=self.ignore_error, priority=90, meta={"oit_aux": True}
        )

    def _render_request(self, response: Response, reason: str) -> scrapy.Request | None:
        if self.render_off:
            if self.render_off != "off":
                self.warn(f"ไม่ได้เรนเดอร์หน้าที่ต้องใช้ JavaScript (JavaScript pages not rendered: {self.render_off})")
            return None
        signature = ""
        if reason in render.MENU_REASONS:
            # A menu on every page (the vendor-CMS mega-menu) is rendered once: its links are the same.
            signature = render.script_signature(response.body)
            if signature in self.rendered_menus:
                self.crawler.stats.inc_value("oit/render_skipped_same_menu")
                return None
            self.rendered_menus.add(signature)
        if self.rendered >= self.settings.getint("OIT_RENDER_MAX_PAGES", 100):
            self.crawler.stats.inc_value("oit/render_skipped_budget")
            self.warn("เรนเดอร์ JavaScript ครบจำนวนสูงสุดแล้ว (render cap reached: OIT_RENDER_MAX_PAGES)")
            return None
        self.rendered += 1
        self.crawler.stats.inc_value("oit/rendered")
        self.crawler.stats.inc_value(f"oit/rendered_why/{reason}")
        content_type = response.headers.get(b"Content-Type", b"").decode("latin-1")
        meta = {k: response.meta[k] for k in CARRIED_META if k in response.meta}
        meta.update(
            {
                "playwright": True,
                "playwright_page_init_callback": self.contexts.on_page,
                "dont_retry": True,  # the plain page is kept when rendering fails
                "dont_cache": True,  # the cached answer is the plain page, not its rendering
                "oit_menu_signature": signature,
                "playwright_context_kwargs": {
                    "ignore_https_errors": True,
                    "user_agent": self.settings.get("USER_AGENT"),
                },
                "oit_render": reason,
                "oit_url": linked_url(response.meta, response.request.url if response.request else response.url),
                "oit_raw": (response.body, content_type, response.status, response.url),
            }
        )
        return scrapy.Request(
            response.url,
            callback=self.parse_rendered,
            errback=self.render_failed,
            dont_filter=True,
            priority=response.meta.get("oit_score", 0) + 1,
            meta=meta,
        )

    def _resource(self, response: Response, content_type: str, kind: str) -> FetchedResource:
        return FetchedResource(
            url=linked_url(response.meta, response.request.url if response.request else response.url),
            final_url=response.url,
            status=response.status,
            content_type=content_type,
            kind=kind,
            depth=response.meta.get("depth", 0),
            referrer=response.meta.get("referrer", ""),
            anchor=response.meta.get("anchor", ""),
            offsite=bool(response.meta.get("oit_offsite")),
        )
