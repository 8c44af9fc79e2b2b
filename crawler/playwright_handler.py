"""scrapy-playwright's download handler as the crawl uses it (imported only when a page needs rendering)."""

from __future__ import annotations

import asyncio

from scrapy_playwright.handler import ScrapyPlaywrightDownloadHandler

from crawler.render import PLAYWRIGHT_HANDLERS


class LazyPlaywrightHandler(ScrapyPlaywrightDownloadHandler):
    """scrapy-playwright's download handler, but Playwright (a node process) starts with the first
    page that needs rendering, not with the engine. Made by :class:`crawler.render.OnDemandRenderHandler` (one
    per scheme, http and https) with the first request to render."""

    def __init__(self, crawler) -> None:
        super().__init__(crawler)
        self._start_lock = asyncio.Lock()
        PLAYWRIGHT_HANDLERS.add(self)

    async def _maybe_launch_in_thread(self) -> None:  # engine_started: not yet
        return None

    def _engine_started(self):  # older Scrapy: not yet
        return None

    async def _download_request(self, request, spider=None):
        async with self._start_lock:
            if getattr(self, "browser_provider", None) is None:
                await self._launch()
        return await super()._download_request(request, spider)
