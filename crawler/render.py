"""JavaScript rendering of the few pages that need it, with scrapy-playwright and Debian's chromium.

The spider downloads every page plainly first. :func:`needs_rendering` then says whether the page
only makes sense after its scripts ran (little text, a menu built by a script, links that only a
script can follow); such a page is requested again through Playwright and its rendered DOM is what
the store keeps. ``OIT_RENDER_JS`` switches it (default on when ``OIT_CHROMIUM`` exists),
``OIT_RENDER_MAX_PAGES`` bounds it. Requests not marked for Playwright never start the browser.
"""

from __future__ import annotations

import re
from pathlib import Path

from oit.extract import Extracted

HANDLER = "scrapy_playwright.handler.ScrapyPlaywrightDownloadHandler"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-dev-shm-usage",
]
#: Scripts that write the page: DOM building, templating, AJAX.
BUILDS_DOM = re.compile(
    rb"document\.write|createElement|innerHTML|appendChild|insertAdjacentHTML|\.append\(|\.html\(|\.load\(|"
    rb"fetch\(|XMLHttpRequest|\$\.(?:get|ajax|getJSON)|new Vue|createApp|ReactDOM|ng-app",
    re.IGNORECASE,
)
SCRIPT_TAG = re.compile(rb"<script\b", re.IGNORECASE)
NOSCRIPT_HINT = re.compile("<noscript[^>]*>[^<]{0,200}(?:javascript|จาวาสคริปต์)".encode(), re.IGNORECASE)
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


class ContextRotation:
    """Browser contexts named ``render-N``, each used for ``per_context`` pages and then closed:
    long-lived contexts leak memory."""

    def __init__(self, per_context: int = 8):
        self.per_context = per_context
        self.issued = 0
        self.done: dict[str, int] = {}

    def next_name(self) -> str:
        name = f"render-{self.issued // self.per_context}"
        self.issued += 1
        return name

    async def release(self, page, name: str) -> None:
        """Close the page, and its context once all its pages are done."""
        await page.close()
        self.done[name] = self.done.get(name, 0) + 1
        if self.done[name] >= self.per_context:
            await page.context.close()
