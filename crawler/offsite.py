"""Documents on other hosts (Google Drive, e-GP, a province's file server) that the catalog needs.

Links to other hosts are always recorded; their documents are fetched only when the host or URL
matches ``OIT_OFFSITE_DOCUMENTS`` (default: none). Entries are host globs (``drive.google.com``,
``*.gprocurement.go.th``) or URL globs (``https://process3.gprocurement.go.th/egp2procmainWeb/*``).
A host glob admits document URLs (``.pdf``, Office files, Google Drive/Docs files); a URL glob admits
every URL it matches. Offsite resources are stored with ``offsite = 1``; their links are not
followed.
"""

from __future__ import annotations

import re
from fnmatch import fnmatch
from urllib.parse import urlsplit

from oitbase.extract import is_document_url

DRIVE_FILE = re.compile(r"^https?://drive\.google\.com/(?:file/d/|open\?id=|uc\?(?:[^#]*&)?id=)([\w-]{10,})")
DOCS_FILE = re.compile(r"^https?://docs\.google\.com/(document|spreadsheets|presentation)/d/([\w-]{10,})")
DOCS_EXPORT = {"document": "pdf", "spreadsheets": "xlsx", "presentation": "pdf"}


def direct_download(url: str) -> str | None:
    """The download URL of a Google Drive/Docs file link, else None."""
    if m := DRIVE_FILE.match(url):
        return f"https://drive.google.com/uc?export=download&id={m.group(1)}"
    if m := DOCS_FILE.match(url):
        kind, doc_id = m.groups()
        return f"https://docs.google.com/{kind}/d/{doc_id}/export?format={DOCS_EXPORT[kind]}"
    return None


class OffsiteDocuments:
    def __init__(self, patterns: list[str]):
        self.hosts = [p.lower() for p in patterns if p and "/" not in p]
        self.urls = [p for p in patterns if p and "/" in p]

    @classmethod
    def from_settings(cls, settings) -> OffsiteDocuments:
        return cls([p.strip() for p in settings.getlist("OIT_OFFSITE_DOCUMENTS") if p.strip()])

    def __bool__(self) -> bool:
        return bool(self.hosts or self.urls)

    def fetch_url(self, url: str) -> str | None:
        """What to download for an offsite link, or None when it is only recorded."""
        if any(fnmatch(url, p) for p in self.urls):
            return direct_download(url) or url
        host = (urlsplit(url).hostname or "").lower()
        if not any(fnmatch(host, p) for p in self.hosts):
            return None
        if direct := direct_download(url):
            return direct
        return url if is_document_url(url) else None
