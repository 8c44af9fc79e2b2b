"""JavaScript rendering of the few pages that need it, with scrapy-playwright and Debian's chromium.

The spider downloads every page plainly first. :func:`needs_rendering` then says whether the page
only makes sense after its scripts ran (little text, a menu built by a script, links that only a
script can follow); such a page is requested again through Playwright and its rendered DOM is what
the store keeps. ``OIT_RENDER_JS`` switches it (default on when ``OIT_CHROMIUM`` exists),
``OIT_RENDER_MAX_PAGES`` bounds it. Requests not marked for Playwright never start the browser.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import re
import time
import weakref
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from scrapy.core.downloader.handlers.http11 import HTTP11DownloadHandler

from oitbase.extract import Extracted

HANDLER = "crawler.render.OnDemandRenderHandler"
#: scrapy-playwright's handlers of this process (``crawler.playwright_handler`` adds each it makes).
PLAYWRIGHT_HANDLERS: weakref.WeakSet = weakref.WeakSet()
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-dev-shm-usage",
    # Memory: no per-site processes, no zygote, GPU in the browser process, no back/forward cache.
    "--disable-features=site-per-process,BackForwardCache,Translate,MediaRouter,OptimizationHints",
    "--disable-site-isolation-trials",
    "--disable-extensions",
    "--mute-audio",
    "--no-zygote",
    "--in-process-gpu",
    "--disable-software-rasterizer",
    "--disable-breakpad",
]
#: Scripts that write the page: DOM building, templating, AJAX.
BUILDS_DOM = re.compile(
    rb"document\.write|createElement|innerHTML|appendChild|insertAdjacentHTML|\.append\(|\.html\(|\.load\(|"
    rb"fetch\(|XMLHttpRequest|\$\.(?:get|ajax|getJSON)|new Vue|createApp|ReactDOM|ng-app",
    re.IGNORECASE,
)
SCRIPT_TAG = re.compile(rb"<script\b", re.IGNORECASE)
NOSCRIPT_HINT = re.compile("<noscript[^>]*>[^<]{0,200}(?:javascript|จาวาสคริปต์)".encode(), re.IGNORECASE)
SCRIPT_ELEMENT = re.compile(rb"<script\b([^>]*)>(.*?)</script\s*>", re.IGNORECASE | re.DOTALL)
#: Reasons that come from the site's menu (the same on every page), not from the page's own content:
#: one rendering per distinct set of scripts finds their links.
MENU_REASONS = frozenset({"script links", "homepage"})
#: Requests a rendering never needs.
ABORT_TYPES = {"image", "media", "font"}


def needs_rendering(body: bytes, ext: Extracted, min_text: int = 400, min_links: int = 5) -> str:
    """Why the page needs its scripts run ("" when it does not)."""
    if not SCRIPT_TAG.search(body):
        return ""
    links = [lk for lk in ext.links if lk.kind in ("a", "area", "onclick", "iframe")]
    builds = bool(BUILDS_DOM.search(body))
    if NOSCRIPT_HINT.search(body) and len(links) < min_links:
        return "noscript"
    if builds and len(links) < min_links:
        return "script-built menu"
    if builds and ext.features.get("text_chars", len(ext.text)) < min_text:
        return "little text"
    unresolved = ext.features.get("script_links", 0) - sum(1 for lk in ext.links if lk.kind == "onclick")
    if unresolved >= min_links:
        return "script links"
    return ""


def _normalised_scripts(body: bytes) -> list[tuple[bytes, bytes]]:
    """(normalised attributes + code, code) of each script element; numbers (ids, timestamps) ignored."""
    return [(re.sub(rb"\d+", b"0", attrs.strip() + b"\0" + code.strip()), code)
            for attrs, code in SCRIPT_ELEMENT.findall(body)]  # fmt: skip


class SiteTemplate:
    """What every page of the site shares (menus, footer, their scripts), learnt from the homepage.

    A page whose content a script of its own writes (``innerHTML``, ``document.write``, an AJAX load)
    can still show the site's whole mega-menu as plain text and links; measured against the template,
    its *own* text is what tells that the content is missing without the script.
    """

    def __init__(self) -> None:
        self.lines: set[str] = set()
        self.scripts: set[bytes] = set()
        self.learnt = False

    def learn(self, body: bytes, ext: Extracted) -> None:
        self.lines = {line.strip() for line in ext.text.splitlines() if line.strip()}
        self.scripts = {norm for norm, _ in _normalised_scripts(body)}
        self.learnt = True

    def own_text_chars(self, ext: Extracted) -> int:
        return sum(len(line.strip()) for line in ext.text.splitlines() if line.strip() not in self.lines)

    def own_builder(self, body: bytes) -> bool:
        """The page has a DOM-building script that the homepage does not have."""
        return any(norm not in self.scripts and BUILDS_DOM.search(code) for norm, code in _normalised_scripts(body))

    def script_built_content(self, body: bytes, ext: Extracted, min_text: int = 400) -> bool:
        return self.learnt and self.own_builder(body) and self.own_text_chars(ext) < min_text


def script_signature(body: bytes) -> str:
    """What the page's scripts are, ignoring numbers (ids, timestamps): pages built from one template
    share it."""
    digest = hashlib.sha1()
    for norm, _code in _normalised_scripts(body):
        digest.update(norm + b"\1")
    return digest.hexdigest()


def abort_request(request) -> bool:
    """PLAYWRIGHT_ABORT_REQUEST: skip images, media and fonts."""
    return request.resource_type in ABORT_TYPES


def configure(settings) -> str:
    """Install scrapy-playwright when rendering is on; returns "" or why rendering is off."""
    if not settings.getbool("OIT_RENDER_JS", True):
        return "off"
    chromium = settings.get("OIT_CHROMIUM") or "/usr/bin/chromium"
    if not Path(chromium).exists():
        return f"chromium not found ({chromium})"
    handlers = dict(settings.getdict("DOWNLOAD_HANDLERS"))
    handlers.setdefault("http", HANDLER)
    handlers.setdefault("https", HANDLER)
    settings.set("DOWNLOAD_HANDLERS", handlers, priority="spider")
    settings.set("PLAYWRIGHT_BROWSER_TYPE", "chromium", priority="spider")
    launch = {"executable_path": chromium, "headless": True, "args": CHROMIUM_ARGS}
    settings.set("PLAYWRIGHT_LAUNCH_OPTIONS", {**launch, **settings.getdict("PLAYWRIGHT_LAUNCH_OPTIONS")}, "spider")
    settings.set("PLAYWRIGHT_ABORT_REQUEST", settings.get("PLAYWRIGHT_ABORT_REQUEST") or abort_request, "spider")
    return ""


class RenderPages:
    """Every browser page and context the crawl opens, so that none can hold the browser forever.

    Pages are not handed to the spider (no ``playwright_include_page``): scrapy-playwright closes
    them itself after a response or an error. What it cannot close (a request cancelled, a script
    that never lets the page settle) :meth:`sweep` closes once the page is ``page_timeout`` seconds
    old; a closed page frees its slot, so later renderings never wait behind it.

    Contexts (long-lived ones leak memory) are named ``render-N`` (``<prefix>-N``). A request gets its context only
    when it is about to reach the browser (:class:`RenderContexts`, after the HTTP cache), so a
    request that never gets there (cached, dropped, refused by robots.txt) cannot keep a context
    waiting for it; ``per_context`` requests go to each context, and a context is closed once every
    request it was given has come back to the spider (:meth:`finished`), whatever happened to it.
    """

    def __init__(
        self,
        per_context: int = 8,
        page_timeout: float = 60.0,
        resource_timeout: float = 5.0,
        prefix: str = "render",
        guard: bool = False,
    ):
        self.per_context = max(1, per_context)
        #: Context names are ``<prefix>-N``: crawls sharing a process (oit.crawl_many) use different prefixes, as
        #: :meth:`finished` may look a context up by name among every handler of the process.
        self.prefix = prefix
        self.page_timeout = page_timeout
        self.resource_timeout = resource_timeout
        #: Resources that were cut off (timed out or failed).
        self.resources_cut = 0
        self.current = 0
        self.assigned: dict[str, int] = {}
        self.returned: dict[str, int] = {}
        #: context name → the browser context (known once one of its pages opened).
        self.contexts: dict[str, object] = {}
        #: page → opened at, for the pages still open.
        self.open: dict[object, float] = {}
        #: Pages the sweep had to close (timed out, dropped, cancelled).
        self.swept = 0
        self.contexts_closed = 0
        #: OIT_REFUSE_PRIVATE: every browser request (the page, its resources, each redirect hop) is checked
        self.guard = guard
        #: Browser requests refused for their address.
        self.refused = 0

    def assign(self, request) -> str:
        """Give a request that is about to reach the browser its context."""
        name = f"{self.prefix}-{self.current}"
        request.meta["playwright_context"] = name
        self.assigned[name] = self.assigned.get(name, 0) + 1
        if self.assigned[name] >= self.per_context:
            self.current += 1
        return name

    def finished(self, request) -> None:
        """The request came back to the spider (rendered or failed): close its context when it was the last."""
        name = request.meta.get("playwright_context", "")
        if name not in self.assigned:
            return
        self.returned[name] = self.returned.get(name, 0) + 1
        retired = name != f"{self.prefix}-{self.current}"
        if retired and self.returned[name] >= self.assigned[name]:
            # A context where no page ever opened (its page could not be created) is only known to
            # the download handler; it must be closed too, or it would hold a context slot for good.
            ctx = self.contexts.pop(name, None) or context_named(name)
            if ctx is not None:
                self.contexts_closed += 1
                _spawn(ctx.close())

    async def on_page(self, page, request) -> None:
        """``playwright_page_init_callback``: remember the page until it closes, and cut short the
        resources it loads."""
        self.open[page] = time.monotonic()
        self.contexts.setdefault(request.meta.get("playwright_context", ""), page.context)
        page.on("close", lambda _page=None: self.open.pop(page, None))
        await page.route("**", self._resource)

    async def _resource(self, route) -> None:
        """A script, style or data request of the page gets ``resource_timeout`` seconds: a statistics
        counter that never answers (common on unit sites) must not keep the page from loading while
        its content is already there. The page itself goes to scrapy-playwright's own handler."""
        request = route.request
        if self.guard:
            await self._guarded(route)
            return
        try:
            if request.is_navigation_request():
                await route.fallback()
            elif request.resource_type in ABORT_TYPES:
                await route.abort()
            else:
                response = await route.fetch(timeout=self.resource_timeout * 1000, max_redirects=5)
                await route.fulfill(response=response)
        except Exception:  # noqa: BLE001 - timed out, refused, or the page is gone
            self.resources_cut += 1
            with contextlib.suppress(Exception):
                await route.abort("timedout")

    async def _guarded(self, route) -> None:
        """A browser request under OIT_REFUSE_PRIVATE: fetched here, one redirect hop at a time (Playwright does not
        route the hops of a redirect), each hop's host checked first; a refused one is aborted."""
        from oitbase.netguard import AddressRefused, check_host_async

        request = route.request
        seconds = self.page_timeout if request.is_navigation_request() else self.resource_timeout
        url = request.url
        try:
            if request.resource_type in ABORT_TYPES:
                await route.abort()
                return
            for _hop in range(6):
                parts = urlsplit(url)
                if parts.scheme not in ("http", "https"):
                    raise AddressRefused(parts.hostname or "", "", "non-web")
                await check_host_async(parts.hostname or "", parts.port or (443 if parts.scheme == "https" else 80))
                response = await route.fetch(url=url, timeout=seconds * 1000, max_redirects=0)
                location = response.headers.get("location")
                if 300 <= response.status < 400 and location:
                    url = urljoin(url, location)
                    continue
                await route.fulfill(response=response)
                return
            await route.abort("failed")
        except AddressRefused:
            self.refused += 1
            with contextlib.suppress(Exception):
                await route.abort("blockedbyclient")
        except Exception:  # noqa: BLE001 - timed out, refused, or the page is gone
            self.resources_cut += 1
            with contextlib.suppress(Exception):
                await route.abort("timedout")

    def sweep(self, now: float | None = None) -> int:
        """Close the pages open longer than ``page_timeout``; returns how many."""
        now = time.monotonic() if now is None else now
        stale = [page for page, opened in self.open.items() if now - opened > self.page_timeout]
        for page in stale:
            self.open.pop(page, None)
            self.swept += 1
            _spawn(page.close())
        return len(stale)


class RenderContexts:
    """Downloader middleware (after the HTTP cache): a rendering request gets its browser context
    from the spider's :class:`RenderPages` only now, on its way to the browser."""

    def __init__(self, crawler):
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler) -> RenderContexts:
        return cls(crawler)

    def process_request(self, request) -> None:
        pages = getattr(self.crawler.spider, "contexts", None)
        if request.meta.get("playwright") and isinstance(pages, RenderPages):
            pages.assign(request)
        return None


def _spawn(coro) -> None:
    """Run a Playwright coroutine on the reactor's asyncio loop; a page or context that is already
    gone is not an error."""

    async def quietly():
        with contextlib.suppress(Exception):
            await coro

    asyncio.ensure_future(quietly())


def context_named(name: str):
    """The browser context ``name`` of any Playwright handler of the process, or None."""
    for handler in list(PLAYWRIGHT_HANDLERS):
        if (wrapper := handler.context_wrappers.get(name)) is not None:
            return wrapper.context
    return None


class OnDemandRenderHandler(HTTP11DownloadHandler):
    """Scrapy's HTTP download handler; a request to render goes to scrapy-playwright's handler, which is made (and
    Playwright imported, ~11 MB) with the first such request: most unit sites need none."""

    def __init__(self, crawler) -> None:
        super().__init__(crawler)
        self._renderer = None

    def renderer(self):
        if self._renderer is None:
            from crawler.playwright_handler import LazyPlaywrightHandler

            self._renderer = LazyPlaywrightHandler.from_crawler(self._crawler)
        return self._renderer

    async def download_request(self, request):
        if request.meta.get("playwright"):
            return await self.renderer().download_request(request)
        return await super().download_request(request)

    async def close(self) -> None:
        if self._renderer is not None:
            await self._renderer.close()
        await super().close()
