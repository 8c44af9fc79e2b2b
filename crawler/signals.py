"""Custom Scrapy signals of the crawler."""

#: Sent (in the reactor thread) after each OCR'd page: kwargs url, done, total.
OCR_PAGE = object()
