"""Run a check end to end: homepage check → crawl → checklist → score → stored results.

``judge_site`` is the pure part (a run's row and its loaded site data + catalog in, ``Report`` out);
``evaluate_run`` loads a stored crawl, judges it and saves the verdicts; ``crawl`` and ``preflight`` are
the network edges.
"""

from __future__ import annotations

import json
import re
import time
from dataclasses import asdict, dataclass, field

import httpcore
import httpx

from checklist.catalog import Catalog, bundled_catalogs, load_catalog
from checklist.engine import evaluate_site
from checklist.health import CrawlHealth, crawl_health
from checklist.sitecodes import compare_site_codes
from checklist.sitedata import SiteData, load_site
from crawler.urls import ensure_scheme
from oitbase import __version__
from oitbase.extract import sniff_kind
from oitbase.fetch_errors import describe_httpx_error
from oitbase.model import ItemResult, Report, Unreadable
from oitbase.netguard import AddressRefused, check_url, checked_addresses
from scoring.score import rank_fixes, score_items
from storage import store


class CheckError(Exception):
    """A problem that stops a check before crawling; the message is one line, Thai and English."""


@dataclass
class Homepage:
    url: str  # after redirects
    title: str = ""
    warnings: list[str] = field(default_factory=list)


@dataclass
class CrawlOptions:
    max_pages: int = 3000
    max_depth: int = 6
    obey_robots: bool = True
    progress: bool = True
    log_level: str = "ERROR"
    #: Continue the newest unfinished run of the same unit instead of starting a new one.
    resume: bool = False
    #: Seconds the whole check may take (0: no limit), counted from ``started`` (when the options
    #: were made, i.e. when the check began); the crawl gets what is left less a share for judging.
    time_limit: float = 0.0
    started: float = field(default_factory=time.monotonic)
    #: Seconds without progress after which the crawl ends itself (0: never).
    stall_timeout: float = 120.0
    #: Stop fetching links unlikely to be evidence once the verdicts no longer change (crawler.settle);
    #: False fetches every page within the limits.
    settle: bool = True
    #: Refuse every request to a host inside a private network (oitbase.netguard): the web page's checks.
    refuse_private: bool = False
    #: Other Scrapy/oit settings (OIT_RENDER_JS, OIT_OCR, HTTPCACHE_ENABLED, OIT_OFFSITE_DOCUMENTS …).
    extra: dict = field(default_factory=dict)

    def crawl_time_limit(self) -> float:
        """Seconds the crawl may take (0: no limit)."""
        if not self.time_limit:
            return 0.0
        left = self.time_limit - (time.monotonic() - self.started)
        return max(10.0, left - min(120.0, 0.1 * self.time_limit))


UNIT_WORDS = (
    "องค์การบริหารส่วน",
    "เทศบาล",
    "อบต.",
    "อบจ.",
    "สำนักงาน",
    "โรงพยาบาล",
    "โรงเรียน",
    "กรม",
    "กระทรวง",
    "มหาวิทยาลัย",
    "สถาบัน",
    "ศูนย์",
    "กอง",
    "จังหวัด",
    "อำเภอ",
)
GENERIC_TITLE_PARTS = ("หน้าหลัก", "หน้าแรก", "home", "homepage", "welcome", "ยินดีต้อนรับ", "index", "main")


def unit_name_from_title(title: str) -> str:
    """The unit's name from its homepage title ("หน้าหลัก - องค์การบริหารส่วนตำบลหนองบัวทอง" → the name)."""
    parts = [p.strip() for p in re.split(r"\s+[-|–—:»]+\s+|\s*\|\s*|::", title) if p.strip()]
    parts = [p for p in parts if p.lower() not in GENERIC_TITLE_PARTS] or parts
    named = [p for p in parts if any(w in p for w in UNIT_WORDS)]
    return (named or parts or [""])[0]


def guarded(request: httpx.Request) -> None:
    """httpx request hook (called for the first request and for each redirect hop): refuse a private address."""
    check_url(str(request.url))


class PinnedBackend(httpcore.SyncBackend):
    """httpcore's sockets, connected only to an address the guard allowed: the name is resolved once, every address
    checked (:func:`oitbase.netguard.checked_addresses`) and one of those connected to, so a name that answers a
    public address to the check and a private one to the connection (DNS rebinding) gets nowhere. TLS still
    verifies the certificate against the name."""

    def connect_tcp(self, host, port, timeout=None, local_address=None, socket_options=None):  # noqa: ANN001, ANN201
        failure: Exception = httpcore.ConnectError(f"{host} does not resolve")
        for address in checked_addresses(host, port):
            try:
                return super().connect_tcp(address, port, timeout, local_address, socket_options)
            except httpcore.ConnectError as exc:
                failure = exc
        raise failure


def guarded_transport(verify: bool) -> httpx.HTTPTransport:
    transport = httpx.HTTPTransport(verify=verify)
    transport._pool._network_backend = PinnedBackend()  # httpx has no public way to give its pool a backend
    return transport


def preflight(url: str, timeout: float = 20.0, refuse_private: bool = False) -> Homepage:
    """Fetch the homepage once: unreachable sites and non-HTML homepages stop here. With ``refuse_private`` the URL
    and every redirect hop must be outside private networks (:mod:`oitbase.netguard`)."""
    url = ensure_scheme(url)
    headers = {"User-Agent": f"oit-selfcheck/{__version__} (ITA/OIT self-check)"}
    hooks = {"request": [guarded]} if refuse_private else {}
    warnings: list[str] = []
    try:
        try:
            resp = fetch_home(url, timeout, headers, hooks)
        except AddressRefused as exc:
            raise CheckError(str(exc)) from exc
    except httpx.ConnectError as exc:
        msg = describe_httpx_error(exc)
        if "TLS" not in msg:
            raise CheckError(f"{msg}: {url}") from exc
        try:
            resp = fetch_home(url, timeout, headers, hooks, verify=False)
        except AddressRefused as exc2:
            raise CheckError(str(exc2)) from exc2
        except httpx.HTTPError as exc2:
            raise CheckError(f"{describe_httpx_error(exc2)}: {url}") from exc2
        warnings.append(f"ใบรับรองความปลอดภัยของเว็บไซต์ไม่ถูกต้อง (invalid TLS certificate): {msg}")
    except httpx.HTTPError as exc:
        raise CheckError(f"{describe_httpx_error(exc)}: {url}") from exc
    if resp.status_code >= 400:
        raise CheckError(f"หน้าแรกตอบกลับ HTTP {resp.status_code} (homepage returned HTTP {resp.status_code}): {url}")
    content_type = resp.headers.get("content-type", "")
    kind = sniff_kind(resp.content[:4096], content_type, str(resp.url))
    if kind != "html":
        raise CheckError(f"หน้าแรกไม่ใช่หน้าเว็บ HTML (homepage is not an HTML page: {content_type or kind}): {resp.url}")
    return Homepage(url=str(resp.url), warnings=warnings)


def fetch_home(url: str, timeout: float, headers: dict, hooks: dict, verify: bool = True) -> httpx.Response:
    """GET the homepage, following redirects; with ``hooks`` (the guard) each hop is checked before it is sent and
    connected to a checked address only (:class:`PinnedBackend`)."""
    transport = guarded_transport(verify) if hooks else None
    with httpx.Client(follow_redirects=True, timeout=timeout, headers=headers, event_hooks=hooks, verify=verify,
                      transport=transport, trust_env=not hooks) as c:  # fmt: skip
        return c.get(url)


def crawl(
    home_url: str, db_path: str, run_id: int, catalog_path: str, fiscal_year: int, unit_type: str, options: CrawlOptions
) -> None:
    """Run the unit-site spider in this process (once per process: Twisted's reactor cannot restart): a one-job
    :func:`oit.crawl_many.crawl_many`; a crawl that failed with an exception raises CrawlFailed."""
    from oit.crawl_many import CrawlJob, crawl_many

    reasons: list[str] = []
    job = CrawlJob(home_url, db_path, run_id, catalog_path, fiscal_year, unit_type, options)
    crawl_many([job], concurrency=1, on_done=lambda _job, reason: reasons.append(reason))
    if reasons and reasons[0].startswith("error: "):
        raise CrawlFailed(reasons[0].removeprefix("error: "))


class CrawlFailed(RuntimeError):
    """The crawler raised (a bug, a bad setting): the text is the exception's."""


def assess_crawl(db: store.Database, run_id: int) -> CrawlHealth:
    """Judge a finished crawl's health (``checklist.health``) against the unit's previous healthy crawl and record
    it on the run: a crawl problem holds the run's items back from failing and is reported as such."""
    run = store.get_run(db, run_id)
    previous = store.previous_healthy_run(db, run["unit_id"], run_id) if run.get("unit_id") else None
    health = crawl_health(
        store.run_totals(db, run_id),
        json.loads(run.get("crawl_stats") or "{}"),
        store.run_errors(db, run_id),
        store.run_totals(db, previous) if previous else None,
    )
    store.update_run(db, run_id, problem=health.reason, problem_kind=health.kind)
    return health


def rendering_stats(crawl_stats: dict) -> dict[str, int]:
    """How many pages were rendered with JavaScript and why, from the crawl's counters."""
    keys = ("rendered", "render_failed", "render_skipped_same_menu", "render_skipped_budget")
    out = {k: int(crawl_stats.get(k, 0)) for k in keys}
    out.update({k: int(v) for k, v in crawl_stats.items() if k.startswith("rendered_why_")})
    return out


def partly_read(features: dict) -> str:
    """Why only part of a readable file was read ("" when all of it was), Thai + English."""
    parts = []
    if pages := features.get("pages_skipped"):
        total = features.get("pages", 0)
        parts.append(f"ไม่ได้อ่าน {pages:,} จาก {total:,} หน้า ({pages:,} of {total:,} pages not read: page limit)")
    if refused := features.get("pages_refused"):
        parts.append(f"หน้าใหญ่เกินกว่าจะอ่านได้ {refused:,} หน้า ({refused:,} pages too large to read)")
    if cut := features.get("text_cut_at"):
        total = features.get("text_chars_total", 0)
        parts.append(f"เก็บข้อความไว้ {cut:,} จาก {total:,} ตัวอักษร (text cut at {cut:,} of {total:,} characters)")
    if html_cut := features.get("html_bytes_cut"):
        parts.append(f"ไม่ได้อ่าน HTML ส่วนท้าย {html_cut:,} ไบต์ ({html_cut:,} bytes of HTML not parsed)")
    return "อ่านได้บางส่วน: " + "; ".join(parts) if parts else ""


def unreadable_of(site_resources) -> list[Unreadable]:
    """What could not be read, or only in part, and why."""
    out = []
    for res in site_resources:
        if res.error:
            out.append(Unreadable(url=res.url, reason=res.error))
        elif res.status >= 400:
            out.append(Unreadable(url=res.url, reason=f"HTTP {res.status}"))
        elif reason := partly_read(res.features):
            out.append(Unreadable(url=res.url, reason=reason))
    return sorted(out, key=lambda u: u.url)


def site_list_fit(catalog: Catalog, site, fiscal_year: int, unit_type: str) -> dict:
    """How the unit's ITA index fits ``catalog`` (see ``checklist.sitecodes``), as a dict for the report; when it
    does not fit, the bundled catalog it follows better is named."""
    fit = compare_site_codes(catalog, site, fiscal_year, unit_type)
    if fit.likely_out_of_date:
        others = [load_catalog(p) for p in bundled_catalogs()]
        fit = compare_site_codes(catalog, site, fiscal_year, unit_type, [c for c in others if c.id != catalog.id])
    return asdict(fit) if fit.rows_compared or fit.page_year else {}


#: Said of an item that a crawl problem leaves unjudged.
CRAWL_PROBLEM_NOTE = "ยังตัดสินไม่ได้เพราะการเก็บข้อมูลมีปัญหา (not judged: the crawl had a problem): "


def held_back(item: ItemResult, problem: str) -> ItemResult:
    """An item of a crawl that cannot be trusted: what did not pass is "unknown", never "fail" (the site may well
    have it: the crawl did not get there)."""
    if item.status in ("pass", "unknown"):
        return item
    return item.model_copy(update={"status": "unknown", "notes": [CRAWL_PROBLEM_NOTE + problem, *item.notes]})


def judge_site(run: dict, site: SiteData, catalog: Catalog, fiscal_year: int, unit_type: str, finished: str) -> Report:
    """Judge every item of ``catalog`` on a crawled site and score it (pure: no I/O). ``run``: the run's row in the
    store (unit URL, start, warnings, crawl stats); ``finished``: the time to record as the end of the check."""
    items = evaluate_site(catalog, site, fiscal_year, unit_type)
    if problem := run.get("problem"):
        items = [held_back(it, problem) for it in items]
    site_list = site_list_fit(catalog, site, fiscal_year, unit_type)
    by_code = {it.code: it for it in items}
    for m in site_list.get("mismatches", []):
        if m["code"] in by_code:
            by_code[m["code"]].notes.append(m["message_th"])
    score = score_items(catalog, items)
    home = site.get(site.home)
    resources = list(site.resources.values())
    stats = {
        "pages": sum(1 for r in resources if r.kind == "html" and r.readable),
        "documents": sum(1 for r in resources if r.is_document and r.readable),
        "unreadable": sum(1 for r in resources if not r.readable),
        "offsite_links": sum(1 for lk in site.links if lk.offsite),
        "ita_rows": len(site.ita_rows),
        "skipped_links": len(site.skipped),
        **rendering_stats(json.loads(run.get("crawl_stats") or "{}")),
        **{f"items_{s}": sum(1 for it in items if it.status == s) for s in ("pass", "partial", "fail", "unknown")},
    }
    return Report(
        unit_name=unit_name_from_title(home.title if home else "") or run.get("unit_name") or "",
        url=run["unit_url"],
        fiscal_year=fiscal_year,
        unit_type=unit_type,
        catalog_id=catalog.id,
        catalog_version=catalog.version,
        catalog_confidence=catalog.confidence,
        run_id=run["id"],
        started=run["started"],
        finished=finished,
        partial=site.partial,
        partial_reason=run.get("partial_reason") or "",
        crawl_problem=run.get("problem") or "",
        score=score,
        items=items,
        fixes=rank_fixes(items),
        unreadable=unreadable_of(resources),
        skipped=site.skipped,
        stats=stats,
        sub_indicator_names=catalog.sub_indicator_names(),
        indicator_names=catalog.indicator_names(),
        warnings=json.loads(run.get("warnings") or "[]"),
        tool_version=__version__,
        catalog_title=catalog.title,
        catalog_notice=catalog.shown_notice,
        catalog_items_unknown=sum(1 for it in catalog.items if it.unknown),
        catalog_assumed_from=catalog.assumed_from,
        site_list=site_list,
    )


def evaluate_run(
    db: store.Database,
    run_id: int,
    catalog: Catalog,
    fiscal_year: int,
    unit_type: str,
    catalog_path: str | None = None,
) -> Report:
    """Judge a stored crawl and store the judgement as a new evaluation (earlier ones are kept): load the run and its
    site, :func:`judge_site`, save the report with its catalog and settings; returns the report. ``catalog_path``: the
    file the catalog was loaded from (the base file of a carried catalog), kept for a later re-check."""
    run = store.get_run(db, run_id)
    site = load_site(db, run_id)
    report = judge_site(run, site, catalog, fiscal_year, unit_type, finished=store.now_iso())
    store.update_run(db, run_id, finished=report.finished, status="partial" if site.partial else "complete")
    settings = catalog_settings(catalog, report.site_list)
    report.evaluation_id = store.save_evaluation(db, run_id, report, catalog_path or "", settings)
    return report


def catalog_settings(catalog: Catalog, site_list: dict) -> dict:
    """What a run keeps of its catalog (names, notices) so that its report can be rebuilt from the store."""
    return {
        "sub_indicator_names": catalog.sub_indicator_names(),
        "indicator_names": catalog.indicator_names(),
        "catalog_title": catalog.title,
        "catalog_notice": catalog.shown_notice,
        "catalog_items_unknown": sum(1 for it in catalog.items if it.unknown),
        "catalog_assumed_from": catalog.assumed_from,
        "catalog_scheme": catalog.scheme,
        "site_list": site_list,
    }


def stored_report(db: store.Database, run_id: int | None = None, evaluation_id: int | None = None) -> Report:
    """The stored report of an evaluation (by default the newest of the run; of the latest run when None), with its
    fixes ranked by the scorer."""
    report = store.load_report(db, run_id, evaluation_id)
    report.fixes = rank_fixes(report.items)
    return report
