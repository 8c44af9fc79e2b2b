"""A downloader middleware for tests/test_render_faults.py: it drops the rendered responses of some pages,
as a filter or a size limit would, so that their callbacks never run."""

from __future__ import annotations

import re

from scrapy.exceptions import IgnoreRequest

DROPPED = re.compile(r"/p/(\d+)\.html$")


class DropSomeRenderings:
    def process_response(self, request, response):
        match = DROPPED.search(request.url)
        if request.meta.get("playwright") and match and int(match.group(1)) % 8 == 5:
            raise IgnoreRequest(f"dropped by the test: {request.url}")
        return response
