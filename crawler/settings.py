"""Scrapy settings of the unit-site crawler (``scrapy crawl unit_site -a url=…`` from the repo root).

``oit check`` runs the same spider in-process with these settings plus its own overrides.
"""

from oit import __version__

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

# Politeness: obey robots.txt unless the unit checks its own site (--ignore-robots).
ROBOTSTXT_OBEY = True
CONCURRENT_REQUESTS = 16
CONCURRENT_REQUESTS_PER_DOMAIN = 4
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 0.25
AUTOTHROTTLE_MAX_DELAY = 10
AUTOTHROTTLE_TARGET_CONCURRENCY = 2.0
DOWNLOAD_TIMEOUT = 30
RETRY_ENABLED = True
RETRY_TIMES = 2
DOWNLOAD_MAXSIZE = 60 * 1024 * 1024
DOWNLOAD_WARNSIZE = 0
DEPTH_LIMIT = 6
# Breadth-first-ish: shallow pages first, so a page cap keeps the menus' targets.
DEPTH_PRIORITY = 1
SCHEDULER_DISK_QUEUE = "scrapy.squeues.PickleFifoDiskQueue"
SCHEDULER_MEMORY_QUEUE = "scrapy.squeues.FifoMemoryQueue"

# Error pages are evidence too (a dead link in the ITA page is worth reporting).
HTTPERROR_ALLOW_ALL = True
REDIRECT_ENABLED = True
COOKIES_ENABLED = True

FEED_EXPORT_ENCODING = "utf-8"
LOG_LEVEL = "INFO"

ITEM_PIPELINES = {"crawler.pipelines.StorePipeline": 300}
EXTENSIONS = {"crawler.extensions.Progress": 500}

# --- oit settings (overridable with -s NAME=value) ---
#: SQLite file the run is stored in.
OIT_DB = "oit.db"
#: Existing run id to store into (``oit check`` creates it); a new run is created when 0.
OIT_RUN_ID = 0
#: Page cap (HTML pages and documents together).
OIT_MAX_PAGES = 3000
#: Catalog (bundled id or file) used for the progress line's "items found so far".
OIT_CATALOG = ""
OIT_FISCAL_YEAR = 0
OIT_UNIT_TYPE = "lao"
#: Progress line on stderr.
OIT_PROGRESS = True
#: Per-document extraction limits.
OIT_DOC_MAX_PAGES = 300
