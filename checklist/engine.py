"""Match evidence to every catalog item and decide pass / partial / fail / unknown.

A pure function of stored data (``SiteData``) and a catalog: no network, no database.

For each item the engine ranks the site's pages and documents by how clearly they *name* the
item (the unit's own ITA index row, link texts, titles and headings, URL hints; body text counts
little because menus repeat on every page), then checks the best candidates against the item's
rules (``checklist.rules``). The first candidate that meets every rule is the evidence; otherwise
the closest one is reported with what it lacks.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import unquote, urlsplit

from checklist.catalog import Catalog, Item
from checklist.evidence import evidence_type, placeholder_reason, subject_key, subject_of
from checklist.fixes import FixPlaces, compose_fix
from checklist.rules import Outcome
from checklist.rules import evaluate as check_rules
from checklist.sitedata import Link, Resource, SiteData
from oitbase import thaidates
from oitbase.model import REVIEW_BELOW, Evidence, ItemResult, SkippedLink
from oitbase.thai import Folded, fold
from oitbase.thai_repair import word_share

#: A resource must reach this relevance to be considered evidence for an item.
THRESHOLD = 4.0
#: OCR'd evidence whose Thai reads as dictionary words at least this much is well read; below OCR_POOR,
#: badly (``oitbase.thai_repair.word_share``: the real scans of ../shared/realdocs read 0.92–0.95, an unrepaired
#: Word export 0.73).
OCR_GOOD = 0.85
OCR_POOR = 0.75
#: How many candidates per item are checked against the rules.
TOP_K = 10
ITA_ROW_BONUS = 10.0
ITA_CHILD_BONUS = 6.0


@dataclass
class Candidate:
    res: Resource
    score: float
    reasons: list[str] = field(default_factory=list)
    outcome: Outcome | None = None
    #: A page that only lists this item's documents: the documents are judged, not the page.
    container: bool = False


@dataclass
class _Context:
    site: SiteData
    fy: int
    catalog: Catalog
    #: item code → URLs the unit's (current-year) ITA index page links for it.
    ita_urls: dict[str, list[str]]
    #: item code → labels of ITA rows whose link is empty or a placeholder.
    ita_empty: dict[str, list[str]]
    #: The catalog's items for the unit type (to tell one item's documents from another's).
    items: list[Item] = field(default_factory=list)
    #: The ITA index pages themselves: indexes, never evidence.
    index_pages: set[str] = field(default_factory=set)
    _children: dict[str, set[str]] = field(default_factory=dict)
    _link_names: dict[int, Folded] = field(default_factory=dict)
    _item_names: list[tuple[Item, list[str]]] | None = None

    def ita_children(self, code: str) -> set[str]:
        """URLs linked from the pages the ITA index gives for ``code``, without the site's menus (the links every
        page carries are not what the item's page lists)."""
        if code not in self._children:
            nav = self.site.navigation
            self._children[code] = {
                lk.dst for u in self.ita_urls.get(code, []) for lk in self.site.outlinks.get(u, []) if lk.dst not in nav
            }
        return self._children[code]

    def item_names(self) -> list[tuple[Item, list[str]]]:
        """Each known item with its name and terms folded, those long enough to name it (folded once a site)."""
        if self._item_names is None:
            self._item_names = [
                (it, [t for t in map(fold, [it.name, *it.terms]) if len(t) >= OTHER_ITEM_TERM])
                for it in self.items if not it.unknown
            ]
        return self._item_names

    def link_name(self, link: Link) -> Folded:
        key = id(link)
        if key not in self._link_names:
            self._link_names[key] = Folded(link.text)
        return self._link_names[key]


def _ita_context(site: SiteData, fy: int) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """ITA rows from index pages of the assessed year (or of no stated year)."""
    urls: dict[str, list[str]] = {}
    empty: dict[str, list[str]] = {}
    page_year: dict[str, int | None] = {}
    for row in site.ita_rows:
        if row.page_url not in page_year:
            page = site.get(row.page_url)
            text = page.text[:3000] if page else ""
            page_year[row.page_url] = thaidates.main_fiscal_year(text, title=page.title if page else "")
        if page_year[row.page_url] not in (None, fy):
            continue
        if row.url:
            urls.setdefault(row.code, []).append(row.url)
        else:
            empty.setdefault(row.code, []).append(row.label)
    return urls, empty


def term_in(folded: Folded, term: str) -> bool:
    """The term, or every space-separated part of it ("รายงาน…การดำเนินงาน รอบ 6 เดือน" matches
    "รายงาน…การดำเนินงานและการใช้จ่ายงบประมาณ … รอบ 6 เดือน")."""
    if folded.contains(term):
        return True
    parts = term.split()
    return len(parts) > 1 and all(folded.contains(p) for p in parts)


def _name_score(item: Item, folded: Folded, first: float, other: float) -> tuple[float, str]:
    for i, term in enumerate(item.terms):
        if term_in(folded, term):
            return (first if i == 0 else other), term
    return 0.0, ""


def relevance(item: Item, res: Resource, ctx: _Context) -> Candidate:
    """How clearly ``res`` is the unit's evidence for ``item``."""
    cand = Candidate(res, 0.0)
    ita = ctx.ita_urls.get(item.code, [])
    if res.url in ita or (res.final_url and res.final_url in ita):
        cand.score += ITA_ROW_BONUS
        cand.reasons.append("ita")
    elif res.url in ctx.ita_children(item.code):
        cand.score += ITA_CHILD_BONUS
        cand.reasons.append("ita-child")
    s, term = _name_score(item, res.folded_names, 5.0, 4.0)
    if s:
        cand.score += s
        cand.reasons.append(f"name:{term}")
    url = res.url.lower()
    if any(h in url for h in item.url_hints):
        cand.score += 1.5
        cand.reasons.append("url")
    s, term = _name_score(item, res.folded_head, 2.0, 1.0)
    if s:
        cand.score += s
        cand.reasons.append(f"body:{term}")
    if any(res.folded_names.contains(t) for t in item.exclude_terms):
        cand.score -= 8.0
        cand.reasons.append("exclude")
    return cand


#: A page whose own text, besides its links, is shorter than this (folded characters) is only a list of links.
LIST_ONLY_TEXT = 300


def _lists_only_not_kinds(item: Item, res: Resource, ctx: _Context) -> str:
    """Why a page holds no evidence of ``item`` although its title names it: it only lists documents of types
    the item never takes (an E-Service page of blank forms to download), and offers nothing itself (no form)."""
    if res.is_document or not item.not_kinds or res.features.get("form"):
        return ""
    links = [lk for lk in ctx.site.outlinks.get(res.url, []) if lk.dst not in ctx.site.navigation]
    targets = [ctx.site.get(lk.dst) for lk in links if not lk.offsite]
    docs = [d for d in targets if d is not None and d.is_document]
    if not docs or any(lk.offsite for lk in links) or len(docs) < len(targets) or res.features.get("iframe"):
        return ""  # nothing listed, or also a system elsewhere, a page of the site (a login), an embedded one
    if res.folded.contains("QR") or res.folded.contains("คิวอาร์"):
        return ""  # "สแกน QR Code เพื่อยื่นคำร้องออนไลน์": the service is behind the picture
    types = ctx.catalog.evidence_types
    kinds = {d.url: evidence_type(d, types, ctx.catalog.subject_fillers) for d in docs}
    if any(k is None or k.id not in item.not_kinds for k in kinds.values()):
        return ""
    own = fold(res.body or res.text)
    for lk in links:
        own = own.replace(fold(lk.text), "") if lk.text else own
    for name in (res.title, *res.headings):
        own = own.replace(fold(name), "") if name else own
    if len(own) >= LIST_ONLY_TEXT:
        return ""
    labels = sorted({k.label for k in kinds.values() if k})
    return f"หน้านี้มีเพียงรายการ{'/'.join(labels)}ให้ดาวน์โหลด ({len(docs)} ไฟล์) ไม่ใช่หลักฐานที่ข้อนี้ต้องการ"


def _candidates(item: Item, ctx: _Context) -> list[Candidate]:
    cands = [relevance(item, r, ctx) for r in ctx.site.resources.values() if r.url not in ctx.index_pages]
    cands = [c for c in cands if c.score >= THRESHOLD]
    # Documents listed on a candidate page inherit part of its relevance (item page → PDFs).
    known = {c.res.url for c in cands}
    for c in list(cands):
        if c.res.is_document:
            continue
        for link in ctx.site.outlinks.get(c.res.url, []):
            child = ctx.site.get(link.dst)
            if child is None or not child.is_document or child.url in known:
                continue
            own = relevance(item, child, ctx)
            own.score = max(own.score, c.score * 0.8)
            own.reasons.append("listed-on-candidate")
            cands.append(own)
            known.add(child.url)
    if item.evidence_kind != "page":
        documents = {c.res.url for c in cands if c.res.is_document}
        for c in cands:
            if c.res.is_document:
                continue
            lists_documents = any(lk.dst in documents for lk in ctx.site.outlinks.get(c.res.url, []))
            c.container = lists_documents or c.res.url in ctx.site.link_lists
    cands.sort(key=lambda c: (-c.score, c.res.depth, c.res.url))
    return cands


def _offsite_candidates(item: Item, ctx: _Context) -> list[Link]:
    """Links to other hosts that name the item (or that its ITA row points to)."""
    ita = set(ctx.ita_urls.get(item.code, []))
    out = []
    for link in ctx.site.links:
        if not link.offsite:
            continue
        named = link.dst in ita or any(term_in(ctx.link_name(link), t) for t in item.terms)
        hinted = any(h in link.dst.lower() for h in item.url_hints)
        if hinted and not named and _names_other_item(item, link.text, ctx) is not None:
            continue  # a Facebook link "แจ้งเรื่องร้องเรียนการทุจริต" is the complaint channel, not the unit's page
        if named or (hinted and item.offsite_counts):
            out.append(link)
    return out


def _evidence(c: Candidate, ctx: _Context, snippet_terms: list[str]) -> Evidence:
    res = c.res
    snippet = ""
    for term in snippet_terms:
        snippet = res.folded.snippet(term, width=90)
        if snippet:
            break
    return Evidence(
        url=res.url,
        title=res.title or (res.anchors[0] if res.anchors else ""),
        snippet=snippet,
        kind="document" if res.is_document else "page",
        offsite=False,
        where=ctx.site.where(res.url),
        fiscal_year=c.outcome.year if c.outcome else None,
        score=round(c.score, 2),
    )


def _is_dead(res: Resource) -> bool:
    """A link that leads nowhere (HTTP error, DNS, timeout), as opposed to a file that cannot be read."""
    return res.status >= 400 or (res.status == 0 and bool(res.error))


def _dead_links_of_containers(item: Item, cands: list[Candidate], ctx: _Context) -> list[Resource]:
    """Dead links on the item's own list pages (a title and a download link that answers 404)."""
    out = []
    for c in cands:
        if not c.container:
            continue
        for link in ctx.site.outlinks.get(c.res.url, []):
            target = ctx.site.get(link.dst)
            if target is None or not _is_dead(target) or target in out:
                continue
            named = any(term_in(ctx.link_name(link), t) for t in item.terms)
            if named or c.res.url in ctx.ita_urls.get(item.code, []) or "name" in " ".join(c.reasons):
                out.append(target)
    return out


def _resource_evidence(res: Resource, ctx: _Context) -> Evidence:
    return _evidence(Candidate(res, 0.0), ctx, [])


def _offsite_evidence(link: Link, ctx: _Context) -> Evidence:
    return Evidence(
        url=link.dst,
        title=link.text,
        kind="document" if link.dst.lower().split("?")[0].endswith(".pdf") else "page",
        offsite=True,
        where=f"{ctx.site.where(link.src)} › {link.text}".strip(),
    )


def _pass_confidence(best: Candidate, item: Item) -> tuple[float, list[str]]:
    """How sure a pass is, from what was read: the ITA index pointed at it, its elements and year were
    found as written, its type is the one asked for; OCR text, an inferred year or an unstated type lower it.
    Returns (confidence, Thai doubts)."""
    out = best.outcome
    conf = 0.65 + (0.15 if "ita" in best.reasons or "ita-child" in best.reasons else 0.0)
    conf += 0.1 if item.elements else 0.0
    doubts = []
    cap = 0.95
    if out is not None and out.year_how == "stated":
        conf += 0.05
    elif out is not None and out.year_how == "inferred":
        conf -= 0.1
        doubts.append(f"ปีของหลักฐาน ({out.year}) อนุมานจากช่วงเวลาหรือวันที่ในเอกสาร ไม่ได้ระบุเป็นปีงบประมาณโดยตรง")
    elif out is not None and out.year_how == "corrected":
        cap = REVIEW_BELOW - 0.05
        doubts.append(f"ปีของหลักฐาน ({out.year}) อ่านจากตัวเลขไทยที่ OCR อ่านผิดแล้วแก้กลับ ควรดูปีในเอกสารด้วยตา")
    if best.res.ocr_read:
        share = word_share(best.res.body or best.res.text)
        cost = 0.1 if share is None or share >= OCR_GOOD else 0.2 if share >= OCR_POOR else 0.3
        conf -= cost
        read = f" (อ่านเป็นคำได้ {share:.0%})" if share is not None else ""
        doubts.append(f"ข้อความอ่านจากภาพสแกนด้วย OCR{read} อาจอ่านตัวอักษรหรือตัวเลขผิด")
        if (share is not None and share < OCR_POOR) or (out is not None and out.year_how == "inferred"):
            # Misread letters, or a year inferred from digits OCR may have misread: a person must look.
            cap = REVIEW_BELOW - 0.05
    if item.not_kinds and out is not None:
        if out.kind_named:
            conf += 0.05
        elif not out.kind:
            conf -= 0.05
            doubts.append("ไม่พบชื่อเรื่องที่บอกประเภทของเอกสาร จึงยืนยันไม่ได้ว่าเป็นเอกสารของข้อนี้")
    return max(0.3, min(conf, cap)), doubts


def _confidence(status: str, best: Candidate | None, item: Item, ctx: _Context) -> tuple[float, list[str]]:
    if status == "pass" and best is not None:
        return _pass_confidence(best, item)
    if status == "fail":
        return (0.5 if ctx.site.partial else 0.8), []
    if status == "partial":
        if best is not None and best.res.ocr_read:
            # What a scan lacks may only be what OCR could not read (a year in Thai digits, a faint line).
            return 0.5, ["หลักฐานที่ใกล้ที่สุดอ่านจากภาพสแกนด้วย OCR สิ่งที่ระบุว่าขาดอาจมีอยู่แต่อ่านไม่ออก ควรเปิดตรวจด้วยตา"]
        return 0.7, []
    return 0.3, []


def _listing_page(best: Candidate, cands: list[Candidate], ctx: _Context) -> Candidate | None:
    """For items answered with a page: the candidate page that lists the passing document."""
    if not best.res.is_document:
        return None
    pages = [c for c in cands if not c.res.is_document and c.res.readable]
    for c in pages:
        if any(lk.dst == best.res.url for lk in ctx.site.outlinks.get(c.res.url, [])):
            return c
    return None


def _judge(item: Item, res: Resource, ctx: _Context) -> Outcome:
    out = check_rules(item, res, ctx.fy, ctx.catalog.evidence_types, ctx.catalog.subject_fillers)
    other = other_item_named(item, res, ctx)
    if other is not None:
        out.forbidden.insert(0, f"ชื่อเรื่องของเอกสารเป็นของข้อ {other.code} {other.name} ไม่ใช่ของข้อนี้")
    return out


#: A term of another item must be at least this long (folded) to say a subject is that item's: short terms
#: ("สถิติ", "โครงสร้าง") name too many things.
OTHER_ITEM_TERM = 8


def other_item_named(item: Item, res: Resource, ctx: _Context) -> Item | None:
    """The item whose name the resource's subject starts with, when it is another item and the subject names
    this item in no way: a 5-year development plan (O4) linked under the annual plan (O11), the corruption-risk
    assessment (O34) under the actions taken (O35), a citizens' service manual under the staff manual. A
    subject that only mentions another item ("รายงานผลการดำเนินการตามแผนปฏิบัติการ…") is not that item's."""
    subject = subject_of(res)[0]
    return _names_other_item(item, subject, ctx) if subject else None


#: Words a subject may start with before another item's name: "รายงานการประเมินความเสี่ยง…" is the
#: risk assessment itself (O34), written up.
_REPORT_OF = ("รายงานผล", "รายงาน")


def _names_other_item(item: Item, text: str, ctx: _Context) -> Item | None:
    """Another item that ``text`` (a subject, a link text) starts with, when it names ``item`` in no way."""
    folded = Folded(text)
    if any(term_in(folded, t) for t in [item.name, *item.terms]):
        return None
    key = subject_key(text, ctx.catalog.subject_fillers)
    keys = [key] + [key[len(fold(w)):] for w in _REPORT_OF if key.startswith(fold(w))]
    best: tuple[int, Item] | None = None
    for other, terms in ctx.item_names():
        if other.code == item.code:
            continue
        for t in terms:
            if (best is None or len(t) > best[0]) and any(k.startswith(t) for k in keys):
                best = (len(t), other)
    return best[1] if best else None


def evaluate_item(item: Item, ctx: _Context) -> ItemResult:
    result = ItemResult(
        code=item.code,
        name=item.name,
        sub_indicator=item.sub_indicator,
        status="fail",
        confidence=0.0,
        fix=item.fix,
        criterion=item.criterion,
        catalog_confidence=item.confidence,
    )
    if item.unknown:
        result.status = "unknown"
        result.confidence = 0.0
        result.notes.append("เกณฑ์ของรายการนี้ยังไม่ทราบในแคตตาล็อกปีนี้ (catalog marks the item unknown)")
        # Not judged, but the closest page/document is still shown (with the year it is about).
        for c in _candidates(item, ctx)[:TOP_K]:
            if c.res.readable and not c.container:
                c.outcome = _judge(item, c.res, ctx)
                result.evidence = [_evidence(c, ctx, list(item.terms))]
                result.notes.append("หน้าเว็บหรือเอกสารที่น่าจะเป็นของข้อนี้ (ยังไม่ได้ตรวจตามเกณฑ์)")
                break
        return result
    terms = list(item.terms) + [p for el in item.elements for p in el.any]
    cands = _candidates(item, ctx)[:TOP_K]
    readable = [c for c in cands if c.res.readable and not c.container]
    for c in readable:
        c.outcome = _judge(item, c.res, ctx)
        empty = placeholder_reason(c.res, ctx.catalog.placeholders, c.res.anchors) or _lists_only_not_kinds(
            item, c.res, ctx
        )
        if empty:
            c.outcome.forbidden.insert(0, empty)
    passing = [c for c in readable if c.outcome.ok]
    if item.evidence_kind != "any":
        # Evidence of the preferred kind first (the page listing the documents, or the document itself).
        want_document = item.evidence_kind == "document"
        passing.sort(key=lambda c: c.res.is_document != want_document)
    offsite = _offsite_candidates(item, ctx)
    best: Candidate | None = None
    if passing:
        best = passing[0]
        result.status = "pass"
        result.evidence = [_evidence(c, ctx, terms) for c in passing[:3]]
        listing = _listing_page(best, cands, ctx) if item.evidence_kind == "page" else None
        if listing is not None:
            result.evidence.insert(0, _evidence(listing, ctx, terms))
        result.found = list(best.outcome.found)
        result.notes += best.outcome.remarks
    elif readable:
        best = min(readable, key=lambda c: (len(c.outcome.problems), -c.score))
        result.status = "partial"
        result.evidence = [_evidence(best, ctx, terms)]
        result.found = list(best.outcome.found)
        result.missing = best.outcome.problems
        result.notes += best.outcome.remarks
    if result.status != "pass" and offsite:
        hosts = ", ".join(sorted({urlsplit(lk.dst).hostname or "" for lk in offsite}))
        if item.offsite_counts:
            result.status = "pass"
            result.missing = []
            result.evidence = [_offsite_evidence(lk, ctx) for lk in offsite[:3]]
            result.notes.append(f"หลักฐานอยู่บนเว็บไซต์อื่น ({hosts}) ซึ่งนับได้สำหรับรายการนี้")
            result.confidence = 0.6
            return result
        result.evidence += [_offsite_evidence(lk, ctx) for lk in offsite[:2]]
        msg = f"พบเฉพาะลิงก์ไปยังเว็บไซต์อื่น ({hosts}): ข้อมูลต้องอยู่บนเว็บไซต์หลักของหน่วยงาน"
        if result.status == "fail":
            result.status = "partial"
            result.missing.append(msg)
        else:
            result.notes.append(msg)
    if result.status == "fail":
        unreadable = [c.res for c in cands if not c.res.readable and not c.container]
        dead = [r for r in unreadable if _is_dead(r)] + _dead_links_of_containers(item, cands, ctx)
        undecodable = [r for r in unreadable if not _is_dead(r)]
        if undecodable:
            result.status = "unknown"
            result.evidence = [_resource_evidence(r, ctx) for r in undecodable[:3]]
            result.notes += [f"อ่านไม่ได้: {r.url} ({r.error or 'ไม่มีข้อความ'})" for r in undecodable[:3]]
        elif dead:
            result.status = "partial"
            result.evidence = [_resource_evidence(r, ctx) for r in dead[:3]]
            result.missing += [f"ลิงก์ใช้ไม่ได้: {r.url} ({r.error or f'HTTP {r.status}'})" for r in dead[:3]]
        else:
            result.missing.append("ไม่พบหน้าเว็บหรือเอกสารของรายการนี้บนเว็บไซต์")
    for label in ctx.ita_empty.get(item.code, []):
        result.notes.append(f"หน้า ITA มีแถวของข้อ {item.code} ({label[:60]}) แต่ลิงก์ว่างหรือใช้ไม่ได้")
    if ctx.site.partial and result.status == "fail":
        result.notes.append("การตรวจเว็บไซต์ไม่ครบทุกหน้า: รายการนี้อาจอยู่ในหน้าที่ยังไม่ได้ตรวจ")
    result.confidence, result.doubts = _confidence(result.status, best, item, ctx)
    return result


def index_pages(site: SiteData) -> set[str]:
    """The unit's ITA index pages: pages whose rows name several item codes. They are never an item's evidence.
    A page of one item (its heading names the code, its rows are that item's documents) is not an index: what
    it says itself (a Do's & Don'ts table, a training record) may be the evidence."""
    codes: dict[str, set[str]] = {}
    for row in site.ita_rows:
        codes.setdefault(row.page_url, set()).add(row.code)
    return {page for page, named in codes.items() if len(named) > 1}


def evaluate_site(
    catalog: Catalog, site: SiteData, fiscal_year: int, unit_type: str, codes: set[str] | None = None
) -> list[ItemResult]:
    """Verdicts for every item of the catalog (or only the items ``codes``), in catalog order."""
    urls, empty = _ita_context(site, fiscal_year)
    ctx = _Context(
        site=site, fy=fiscal_year, catalog=catalog, ita_urls=urls, ita_empty=empty, index_pages=index_pages(site),
    )
    ctx.items = catalog.items_for(unit_type)
    items = [it for it in ctx.items if codes is None or it.code in codes]
    results = [evaluate_item(item, ctx) for item in items]
    places = FixPlaces(site, urls, empty, {row.page_url for row in site.ita_rows}, fiscal_year)
    skipped = named_skipped(site)
    for item, result in zip(items, results, strict=True):
        result.fix = compose_fix(item, result, places, results)
        if not result.passed:
            attach_skipped(item, result, ctx, skipped)
    return results


#: Skipped links shown per item at most.
MAX_SKIPPED_PER_ITEM = 10
#: A missing item that a skipped link may hold is not sure: its confidence is at most this.
SKIPPED_CONFIDENCE = 0.5


def named_skipped(site: SiteData) -> list[tuple[SkippedLink, str]]:
    """Each skipped link with what names it (its text and file name, folded), folded once per site."""
    return [
        (link, fold(f"{link.text} {unquote(urlsplit(link.url).path.rsplit('/', 1)[-1])}")) for link in site.skipped
    ]


def skipped_for(item: Item, ctx: _Context, skipped: list[tuple[SkippedLink, str]]) -> list[SkippedLink]:
    """Links the crawl did not follow that could be ``item``'s evidence: the ITA index linked them for
    the item, the item's own page linked them, or their text or file name names the item."""
    rows = {row.url for row in ctx.site.ita_rows if row.code == item.code}
    pages = set(ctx.ita_urls.get(item.code, []))
    terms = [fold(t) for t in item.terms if t]
    return [
        link for link, named in skipped if link.url in rows or link.src in pages or any(t in named for t in terms)
    ]


def attach_skipped(item: Item, result: ItemResult, ctx: _Context, skipped: list[tuple[SkippedLink, str]]) -> None:
    """Say, next to an item that did not pass, which links that could be its evidence were not followed."""
    links = skipped_for(item, ctx, skipped)
    if not links:
        return
    result.skipped = links[:MAX_SKIPPED_PER_ITEM]
    result.confidence = min(result.confidence, SKIPPED_CONFIDENCE)
    for link in result.skipped:
        result.notes.append(f"ไม่ได้เปิดลิงก์ {link.url}: {link.reason} (a link that was not followed)")
