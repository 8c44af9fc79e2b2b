"""Custom Scrapy signals of the crawler."""

#: Sent (in the reactor thread) after each OCR'd page: kwargs url, done, total.
OCR_PAGE = object()
#: Sent by the watchdog when a stopping crawl would not close and is abandoned (the reactor is
#: stopped right after): handlers get ``spider`` and ``reason`` like ``spider_closed``'s.
CRAWL_ABANDONED = object()
