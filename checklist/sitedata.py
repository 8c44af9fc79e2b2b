"""What the checklist engine knows about a crawled site: a pure, in-memory view of one stored run."""

from __future__ import annotations

import json
from collections import Counter, deque
from dataclasses import dataclass, field
from functools import cached_property

from oitbase.itemcodes import ItaRow
from oitbase.model import SkippedLink
from oitbase.thai import Folded, fold
from storage import store

#: A page with less own text than this (besides its links and title) is a list of links.
LINK_LIST_OWN_TEXT = 120


@dataclass
class Resource:
    """A fetched page or document with its cleaned text."""

    url: str
    kind: str  # html | pdf | docx | …
    status: int = 200
    title: str = ""
    headings: list[str] = field(default_factory=list)
    text: str = ""
    features: dict[str, int] = field(default_factory=dict)
    error: str = ""
    depth: int = 0
    final_url: str = ""
    #: Texts of the links that lead here (including ITA index labels).
    anchors: list[str] = field(default_factory=list)
    #: Text with the site's boilerplate lines (menus, footers) removed; set by ``SiteData``.
    body: str = ""
    #: How the text was read, per page ("text-layer", "ocr", "docx" …; see ``oitbase.extract.PageText.method``).
    methods: list[str] = field(default_factory=list)

    @property
    def ocr_read(self) -> bool:
        """Whether (part of) the text was read by OCR, which misreads letters and digits."""
        return any("ocr" in m for m in self.methods) or bool(self.features.get("pages_ocr"))

    @property
    def is_document(self) -> bool:
        return self.kind != "html"

    @property
    def readable(self) -> bool:
        return not self.error and self.status < 400 and bool(self.text.strip())

    @cached_property
    def folded(self) -> Folded:
        """Title, headings and the whole text, folded for phrase matching."""
        return Folded("\n".join([self.title, *self.headings, self.text]))

    @cached_property
    def folded_names(self) -> Folded:
        """What names this resource: link texts to it, its title and headings."""
        return Folded("\n".join([*self.anchors, self.title, *self.headings]))

    @cached_property
    def folded_head(self) -> Folded:
        """The start of the page's own text (boilerplate removed)."""
        return Folded((self.body or self.text)[:3000])


@dataclass
class Link:
    """A stored link from the resource ``src`` to the URL ``dst`` (what extraction finds is ``ExtractedLink``)."""

    src: str
    dst: str
    text: str
    kind: str = "a"
    offsite: bool = False


@dataclass
class SiteData:
    home: str
    resources: dict[str, Resource]
    links: list[Link] = field(default_factory=list)
    ita_rows: list[ItaRow] = field(default_factory=list)
    #: True when the crawl did not finish (cap, interruption): missing items are less certain.
    partial: bool = False
    #: Links the crawl did not follow (and that no other page led it to), with the reason.
    skipped: list[SkippedLink] = field(default_factory=list)

    def __post_init__(self) -> None:
        by_final = {r.final_url: r for r in self.resources.values() if r.final_url}
        self._alias = {u: r for u, r in by_final.items() if u not in self.resources}
        for link in self.links:
            target = self.get(link.dst)
            if target is not None and link.text:
                target.anchors.append(link.text)
        for row in self.ita_rows:
            target = self.get(row.url)
            if target is not None:
                target.anchors.append(f"{row.code} {row.label}")
        self._strip_boilerplate()

    def get(self, url: str) -> Resource | None:
        return self.resources.get(url) or self._alias.get(url)

    def _strip_boilerplate(self) -> None:
        """Lines repeated on many pages (menus, footers) are not what a page is about."""
        pages = [r for r in self.resources.values() if r.kind == "html" and r.text]
        counts = Counter(line for r in pages for line in set(r.text.splitlines()) if line.strip())
        limit = max(3, int(0.3 * len(pages)))
        common = {line for line, n in counts.items() if n >= limit}
        for r in self.resources.values():
            if r.kind == "html":
                r.body = "\n".join(line for line in r.text.splitlines() if line not in common)
            else:
                r.body = r.text

    @cached_property
    def link_lists(self) -> set[str]:
        """Pages whose own text is little more than links to documents, other sites or dead ends (an item
        page holding only a title and a download link): not evidence themselves, what they link to is."""
        out = set()
        for res in self.resources.values():
            if res.is_document or not res.readable:
                continue
            links = self.outlinks.get(res.url, [])
            leads_out = [
                lk for lk in links if lk.offsite or (t := self.get(lk.dst)) is None or t.is_document or not t.readable
            ]
            if not leads_out:
                continue
            if _own_text_chars(res, links) < LINK_LIST_OWN_TEXT:
                out.add(res.url)
        return out

    @cached_property
    def navigation(self) -> set[str]:
        """Targets of the site's menus: URLs linked from many pages (as boilerplate lines are repeated)."""
        pages = [r for r in self.resources.values() if r.kind == "html"]
        limit = max(3, int(0.3 * len(pages)))
        sources: dict[str, set[str]] = {}
        for link in self.links:
            sources.setdefault(link.dst, set()).add(link.src)
        return {dst for dst, srcs in sources.items() if len(srcs) >= limit}

    @cached_property
    def outlinks(self) -> dict[str, list[Link]]:
        out: dict[str, list[Link]] = {}
        for link in self.links:
            out.setdefault(link.src, []).append(link)
        return out

    @cached_property
    def click_paths(self) -> dict[str, list[str]]:
        """Shortest chain of link texts from the homepage to each URL (breadth-first)."""
        paths: dict[str, list[str]] = {self.home: []}
        queue = deque([self.home])
        while queue:
            src = queue.popleft()
            for link in self.outlinks.get(src, []):
                if link.dst in paths:
                    continue
                paths[link.dst] = [*paths[src], link.text or link.dst.rsplit("/", 1)[-1]]
                if not link.offsite:
                    queue.append(link.dst)
        return paths

    def where(self, url: str) -> str:
        """Thai click path from the homepage, e.g. "หน้าแรก › ITA › O1 โครงสร้าง"."""
        path = self.click_paths.get(url)
        if path is None:
            res = self.get(url)
            path = self.click_paths.get(res.url) if res is not None else None
        if path is None:
            return "ไม่พบทางเข้าจากหน้าแรก"
        return " › ".join(["หน้าแรก", *[" ".join(p.split())[:60] for p in path]])


def _own_text_chars(res: Resource, links: list[Link]) -> int:
    """Folded characters of a page's own text: without its title, headings and the texts of its links.

    Whole lines equal to a link text go (menus); long link texts inside a line go too (download tables:
    "1 แผนการดำเนินงาน ประจำปี 2566 ดาวน์โหลด"), short ones stay ("No Gift" inside a paragraph).
    """
    texts = {fold(lk.text) for lk in links}
    not_own = texts | {fold(res.title), *(fold(h) for h in res.headings)}
    long_texts = sorted((t for t in texts if len(t) >= 10), key=len, reverse=True)
    own = 0
    for line in res.body.splitlines():
        key = fold(line)
        if not key or key in not_own:
            continue
        for t in long_texts:
            if t in key:
                key = key.replace(t, "")
        own += len(key)
    return own


def load_site(db: store.Database, run_id: int) -> SiteData:
    """Read one run from the store (the engine's only I/O, kept here at the edge)."""
    run = store.get_run(db, run_id)
    resources: dict[str, Resource] = {}
    for row in store.run_resources(db, run_id):
        resources[row["url"]] = Resource(
            url=row["url"],
            kind=row["kind"] or "other",
            status=row["status"] or 0,
            title=row["t_title"] or "",
            headings=json.loads(row["headings"] or "[]"),
            text=row["text"] or "",
            features=json.loads(row["features"] or "{}"),
            error=row["error"] or row["t_error"] or "",
            depth=row["depth"] or 0,
            final_url=row["final_url"] or "",
            methods=[m for m in (row["methods"] or "").split(",") if m],
        )
    links = [
        Link(r["src"], r["dst"], r["text"] or "", r["kind"] or "a", bool(r["offsite"]))
        for r in store.run_links(db, run_id)
    ]
    rows = [ItaRow(r["page_url"], r["code"], r["label"] or "", r["url"] or "") for r in store.run_ita_rows(db, run_id)]
    return SiteData(
        home=run["unit_url"],
        resources=resources,
        links=links,
        ita_rows=rows,
        partial=(run.get("crawl_status") == "partial"),
        skipped=store.load_skipped(db, run_id),
    )
