"""One-line, bilingual descriptions of fetch failures (Scrapy/Twisted and httpx)."""

from __future__ import annotations

import re
import ssl

from twisted.internet import error as terror
from twisted.python.failure import Failure

from oitbase.netguard import REFUSED_TEXT as PRIVATE_REFUSED

#: The fixed wordings (a failure's text starts with one of these, or is it); :func:`error_kind` reads them back.
DNS_FAILED = "หาชื่อโดเมนไม่พบ (DNS lookup failed)"
TIMED_OUT = "เซิร์ฟเวอร์ตอบช้าเกินกำหนด (timed out)"
REFUSED = "เซิร์ฟเวอร์ปฏิเสธการเชื่อมต่อ (connection refused)"
TLS_FAILED = "เชื่อมต่อแบบปลอดภัยไม่สำเร็จ (TLS error"
CONNECTION_LOST = "การเชื่อมต่อถูกตัดก่อนได้รับข้อมูล (connection lost)"
ROBOTS_FORBIDDEN = "robots.txt ไม่อนุญาตให้เข้าถึง (forbidden by robots.txt)"
CANNOT_CONNECT = "เชื่อมต่อเว็บไซต์ไม่ได้ (cannot connect"
#: HTTP statuses that mean the server turned the crawler away (a firewall, rate limiting), not a missing page.
BLOCKING_STATUSES = (401, 403, 429)


def describe_failure(failure: Failure) -> str:
    """Thai + English reason for a failed Scrapy request."""
    exc = failure.value
    name = type(exc).__name__
    if PRIVATE_REFUSED in str(exc) or name == "PrivateAddress":  # oitbase.netguard's refusal
        return str(exc).split(": ", 1)[-1] if str(exc).startswith("DNS lookup failed") else str(exc)
    # Scrapy 2.13+ wraps Twisted's errors in its own (CannotResolveHostError, DownloadConnectionRefusedError …).
    if failure.check(terror.DNSLookupError) or name == "CannotResolveHostError":
        return DNS_FAILED
    if failure.check(terror.TimeoutError, terror.TCPTimedOutError) or "Timeout" in name:
        return TIMED_OUT
    if failure.check(terror.ConnectionRefusedError) or "ConnectionRefused" in name:
        return REFUSED
    if "SSL" in name or "TLS" in name or "ssl" in str(exc).lower():
        return f"{TLS_FAILED}: {exc})"
    if "ResponseNeverReceived" in name or "ConnectionLost" in name or "ConnectionDone" in name:
        return CONNECTION_LOST
    if "IgnoreRequest" in name and "robots" in str(exc).lower():
        return ROBOTS_FORBIDDEN
    if name == "RedirectLoopError":
        return f"เว็บไซต์เปลี่ยนเส้นทางวนซ้ำ (redirect loop: {exc})"
    if "max redirections" in str(exc).lower():
        return f"เว็บไซต์เปลี่ยนเส้นทางต่อกันมากเกินไป (too many redirects: {exc})"
    if "max size" in str(exc).lower() or "maxsize" in str(exc).lower():
        return f"ไฟล์ใหญ่เกินกำหนด (file too large: {exc})"
    if "IgnoreRequest" in name:
        return f"ไม่ได้ดาวน์โหลด ({exc})"
    return f"ดาวน์โหลดไม่สำเร็จ ({name}: {exc})"


def describe_httpx_error(exc: Exception) -> str:
    """Thai + English reason for a failed httpx request (the homepage check)."""
    import httpx  # here: a crawl, which only describes Twisted failures, does not hold httpx (and rich) in memory
    text = str(exc)
    cause = exc.__cause__ or exc.__context__
    if isinstance(exc, httpx.ConnectError):
        low = text.lower()
        if (
            "name or service not known" in low
            or "nodename nor servname" in low
            or "getaddrinfo" in low
            or ("temporary failure in name resolution" in low)
        ):
            return DNS_FAILED
        if isinstance(cause, ssl.SSLError) or "ssl" in low or "certificate" in low or "tls" in low:
            return f"{TLS_FAILED}: {text})"
        if "refused" in low:
            return REFUSED
        return f"{CANNOT_CONNECT}: {text})"
    if isinstance(exc, httpx.TimeoutException):
        return TIMED_OUT
    if isinstance(exc, httpx.TooManyRedirects):
        return "เว็บไซต์เปลี่ยนเส้นทางวนซ้ำ (too many redirects)"
    return f"เข้าถึงเว็บไซต์ไม่ได้ ({type(exc).__name__}: {text})"


def error_kind(message: str) -> str:
    """What kind of failure a message of this module (or a resource's "HTTP 403" error) names: "dns", "tls",
    "timeout", "robots", "blocked" (401, 403, 429), "private" (oitbase.netguard's refusal), "down" (refused, cut,
    cannot connect, HTTP 5xx), "http" (another HTTP error status) or "" (something else)."""
    if DNS_FAILED in message:
        return "dns"
    if TLS_FAILED in message:
        return "tls"
    if TIMED_OUT in message:
        return "timeout"
    if ROBOTS_FORBIDDEN in message:
        return "robots"
    if PRIVATE_REFUSED in message:
        return "private"
    if REFUSED in message or CONNECTION_LOST in message or CANNOT_CONNECT in message:
        return "down"
    if m := re.search(r"\bHTTP (\d{3})\b", message):
        status = int(m.group(1))
        return "blocked" if status in BLOCKING_STATUSES else "down" if status >= 500 else "http"
    return ""
