"""Scrapy settings of the unit-site crawler (``scrapy crawl unit_site -a url=…`` from the repo root).

``oit check`` runs the same spider in-process with these settings plus its own overrides.
"""

from oitbase import __version__

BOT_NAME = "oit-selfcheck"
SPIDER_MODULES = ["crawler.spiders"]
NEWSPIDER_MODULE = "crawler.spiders"

USER_AGENT = (
    f"oit-selfcheck/{__version__} (ITA/OIT self-check of a Thai government website; "
    "+https://github.com/oit-selfcheck/oit-selfcheck)"
)

# Scrapy 2.19 turns on a RemoteControl extension that executes code sent over HTTP: keep it off.
REMOTE_CONTROL_ENABLED = False
TELNETCONSOLE_ENABLED = False

# Politeness: obey robots.txt unless the unit checks its own site (--ignore-robots); at most 4
# requests at a time per host, slowed down by AutoThrottle when the server slows down.
ROBOTSTXT_OBEY = True
CONCURRENT_REQUESTS = 16
CONCURRENT_REQUESTS_PER_DOMAIN = 4
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 0.25
AUTOTHROTTLE_MAX_DELAY = 10
AUTOTHROTTLE_TARGET_CONCURRENCY = 2.0
DOWNLOAD_TIMEOUT = 30
# Retries with exponential backoff (crawler.middlewares.Backoff), also on 429 "Too Many Requests".
RETRY_ENABLED = True
RETRY_TIMES = 2
DOWNLOAD_MAXSIZE = 60 * 1024 * 1024
DOWNLOAD_WARNSIZE = 0
DEPTH_LIMIT = 6
# Focused crawling: the spider gives evidence-like links high priorities (crawler.focus); the depth
# is subtracted, so among equally likely links the shallow ones come first.
DEPTH_PRIORITY = 1
SCHEDULER_DISK_QUEUE = "scrapy.squeues.PickleFifoDiskQueue"
# Scrapy works through each response's output (the page's item and its links) with this many asyncio tasks, all
# started for every response whatever it yields: the default 100 cost ~15 % of the crawl's speed on 5,565 resources
# (docs/performance.md). A page yields one item, which alone may wait (for its document's reading).
CONCURRENT_ITEMS = 16
SCHEDULER_MEMORY_QUEUE = "scrapy.squeues.FifoMemoryQueue"

# TLS: unit servers often have expired or self-signed certificates, and old ones old ciphers. The
# crawl goes on (no verification, lowest OpenSSL security level: public pages are only read) and
# crawler.middlewares.TlsCertificateCheck reports each host's certificate problems as run warnings.
DOWNLOAD_VERIFY_CERTIFICATES = False
DOWNLOADER_CLIENT_TLS_CIPHERS = "DEFAULT:@SECLEVEL=0"

# Incremental re-crawls: revalidate with ETag/Last-Modified (crawler.httpcache); one cache per unit
# next to the store (oit-cache/<host>/httpcache) unless HTTPCACHE_DIR is set.
HTTPCACHE_ENABLED = True
HTTPCACHE_POLICY = "crawler.httpcache.RevalidatePolicy"
HTTPCACHE_STORAGE = "crawler.httpcache.UnitCacheStorage"
HTTPCACHE_DIR = ""

DOWNLOADER_MIDDLEWARES = {
    "crawler.guard.AddressGuard": 50,
    "crawler.middlewares.FirstRequestOnly": 99,  # before robots.txt (100): a refused link is not scheduled again
    "crawler.settle.SettledFilter": 110,
    "crawler.middlewares.PageBudget": 120,
    "crawler.middlewares.Backoff": 560,
    "crawler.middlewares.TlsCertificateCheck": 570,
    "crawler.middlewares.RedirectLoop": 650,
    "crawler.render.RenderContexts": 990,
}

# JavaScript rendering with scrapy-playwright (installed by the spider when OIT_RENDER_JS is on and
# OIT_CHROMIUM exists; see crawler.render). Small contexts, recycled by the spider.
#: Two pages rendered at a time, in one browser context at a time (each page is a renderer process).
PLAYWRIGHT_MAX_PAGES_PER_CONTEXT = 2
PLAYWRIGHT_MAX_CONTEXTS = 1
PLAYWRIGHT_DEFAULT_NAVIGATION_TIMEOUT = 20_000

# Error pages are evidence too (a dead link in the ITA page is worth reporting).
HTTPERROR_ALLOW_ALL = True
REDIRECT_ENABLED = True
COOKIES_ENABLED = True

FEED_EXPORT_ENCODING = "utf-8"
# Scrapy re-parses a generator callback's source on every response to look for "return value"
# (its cache misses for bound methods): ~2 ms per response, the largest single cost on big sites.
WARN_ON_GENERATOR_RETURN_VALUE = False
LOG_LEVEL = "INFO"

ITEM_PIPELINES = {"crawler.pipelines.StorePipeline": 300}
EXTENSIONS = {"crawler.extensions.Progress": 500, "crawler.extensions.Watchdog": 510, "crawler.settle.Settle": 520}

# --- oit settings (overridable with -s NAME=value) ---
#: SQLite file the run is stored in.
OIT_DB = "oit.db"
#: Existing run id to store into (``oit check`` creates it); a new run is created when 0.
OIT_RUN_ID = 0
#: Page cap (HTML pages and documents together).
OIT_MAX_PAGES = 3000
#: Item names, {code: [terms]} (JSON text with -s): links naming an item are fetched sooner, and the progress
#: line counts the items found so far. ``oit check`` gives the known items of the catalog it checks against.
OIT_ITEM_NAMES: dict[str, list[str]] = {}
OIT_FISCAL_YEAR = 0
OIT_UNIT_TYPE = "lao"
#: Stop fetching links unlikely to be evidence once the verdicts no longer change (crawler.settle): needs
#: OIT_SETTLE_COMMAND, the command that prints the verdicts of the run stored so far as JSON (``oit check`` gives
#: ``python -m checklist.settle STORE RUN CATALOG YEAR UNIT_TYPE``).
OIT_SETTLE = True
OIT_SETTLE_COMMAND: list[str] = []
#: Unlikely pages fetched between two judgements (at least; a quarter of all fetched when that is more).
OIT_SETTLE_WINDOW = 150
#: Links the focus scores at most this are unlikely evidence (crawler.focus): no hint of their own, and at most a
#: small share of their page's score (a page the archive's list pages link, not one an ITA or item page links).
OIT_SETTLE_SCORE = 5
#: Progress line on stderr.
OIT_PROGRESS = True
#: Per-document extraction limits.
OIT_DOC_MAX_PAGES = 300
#: OCR pages without a usable text layer (scans, broken fonts) with Tesseract tha+eng.
OIT_OCR = True
#: Pages OCRed at once (one per core).
OIT_OCR_WORKERS = 2
#: Seconds one document may take to extract (OCR included); pages read by then are kept.
OIT_DOC_TIMEOUT = 300.0
#: Larger files are recorded as unreadable, with the reason.
OIT_DOC_MAX_MB = 100
#: Read documents in a process of their own (crawler.document_reader): the crawl process does not load the PDF
#: library, and a file that crashes it does not end the crawl.
OIT_EXTRACT_PROCESS = True
#: Read /sitemap.xml (and the sitemaps it lists) when present.
OIT_SITEMAP = True
#: Render pages that need JavaScript (chromium at OIT_CHROMIUM); at most OIT_RENDER_MAX_PAGES of them.
OIT_RENDER_JS = True
OIT_CHROMIUM = "/usr/bin/chromium"
OIT_RENDER_MAX_PAGES = 100
#: A browser page still open after this many seconds (a script that never settles, a request that
#: was dropped or cancelled) is closed, so it cannot hold the browser.
OIT_RENDER_PAGE_TIMEOUT = 60.0
#: Seconds a script, style or data request of a rendered page may take before it is cut off (a
#: statistics counter that never answers must not keep the page from loading).
OIT_RENDER_RESOURCE_TIMEOUT = 5.0
#: Pages a browser context renders before it is closed and a new one opened.
OIT_RENDER_PAGES_PER_CONTEXT = 8
#: A page with scripts that build the DOM and less visible text than this is rendered.
OIT_RENDER_MIN_TEXT = 400
#: Hosts (globs) or URL globs whose documents are fetched although they are on another host, e.g.
#: "drive.google.com,docs.google.com,*.gprocurement.go.th". Default: none (offsite links are only recorded).
OIT_OFFSITE_DOCUMENTS: list[str] = []
#: Continue the run OIT_RUN_ID (or the newest incomplete run of the URL) instead of starting over.
OIT_RESUME = False
#: Refuse every request to a host inside a private network (crawler.guard): the web page's checks, unless
#: `oit serve --allow-private`. Off for `oit check` (a webmaster may check an intranet site).
OIT_REFUSE_PRIVATE = False
#: Traps: URLs longer than this, more URLs per pattern (path with numbers replaced + parameter
#: names), calendar pages per pattern, and parameter-name combinations per path are not followed.
OIT_TRAP_MAX_URL_LENGTH = 400
OIT_TRAP_MAX_PER_PATTERN = 1000
OIT_TRAP_MAX_CALENDAR = 24
OIT_TRAP_MAX_COMBINATIONS = 60
#: Links followed from one page at most (in page order); the rest are counted, and the first of them
#: listed, as skipped.
OIT_MAX_LINKS_PER_PAGE = 2000
#: Links kept waiting at most (0: 20 × the page cap, at least 20,000).
OIT_MAX_FRONTIER = 0
#: Retry backoff: base · 2^(retry-1) seconds, at most OIT_RETRY_BACKOFF_MAX (Retry-After wins).
OIT_RETRY_BACKOFF = True
OIT_RETRY_BACKOFF_BASE = 1.0
OIT_RETRY_BACKOFF_MAX = 30.0
#: Report invalid TLS certificates (expired, self-signed, wrong name) as run warnings.
OIT_TLS_CHECK = True
#: Watchdog (crawler.extensions.Watchdog): a crawl with no response, stored item or OCR'd page for
#: this many seconds ends itself as partial ("stalled"; 0: off) …
OIT_STALL_TIMEOUT = 120.0
#: … and so does a crawl running longer than this many seconds ("time_limit"; 0: no limit).
OIT_CRAWL_TIME_LIMIT = 0.0
#: Seconds a stopping crawl may take to close before the reactor is stopped.
OIT_STOP_GRACE = 30.0
#: Several crawls share this process's reactor (oit.crawl_many): a crawl that will not close is
#: abandoned alone, the reactor is left to the others.
OIT_SHARED_REACTOR = False
#: Printed before each progress line (the unit, when several crawls share a terminal).
OIT_PROGRESS_LABEL = ""
