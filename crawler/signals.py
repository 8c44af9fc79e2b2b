"""Custom Scrapy signals of the crawler."""

#: Sent (in the reactor thread) after each OCR'd page: kwargs url, done, total.
OCR_PAGE = object()
#: Sent by the watchdog when a stopping crawl would not close and is abandoned (the reactor is
#: stopped right after, unless OIT_SHARED_REACTOR: then only this crawl is given up): handlers get
#: ``spider`` and ``reason`` like ``spider_closed``'s.
CRAWL_ABANDONED = object()
#: Sent (in the reactor thread) every few seconds while a document waits for the extraction lock
#: that crawls sharing a process take turns on (PyMuPDF is not thread-safe): the crawl is not stalled.
EXTRACT_WAITING = object()
