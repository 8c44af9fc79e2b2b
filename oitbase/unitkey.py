"""The key that keeps a unit's identity across the addresses of its website (no pydantic here: the store's
migrations and every crawl use it, and the register's models in :mod:`oitbase.units` need not load with them)."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

#: A trailing index file, which does not make another address.
INDEX_FILE = re.compile(r"/(?:index|default|home|main)\.(?:php|html?|aspx?|jsp)$", re.IGNORECASE)


def url_key(url: str) -> str:
    """What two addresses of one unit share: ``https://www.Abc.go.th/index.php`` → ``abc.go.th``;
    ``http://sites.google.com/view/school-x/`` → ``sites.google.com/view/school-x``."""
    text = url.strip()
    if "://" not in text:
        text = "http://" + text
    parts = urlsplit(text)
    host = (parts.hostname or "").lower().rstrip(".")
    host = host.removeprefix("www.")
    if parts.port and parts.port not in (80, 443):
        host = f"{host}:{parts.port}"
    path = INDEX_FILE.sub("", parts.path or "")
    path = re.sub(r"/+", "/", path).rstrip("/")
    return host + path
