"""One-line, bilingual descriptions of fetch failures (Scrapy/Twisted and httpx)."""

from __future__ import annotations

import ssl

import httpx
from twisted.internet import error as terror
from twisted.python.failure import Failure


def describe_failure(failure: Failure) -> str:
    """Thai + English reason for a failed Scrapy request."""
    exc = failure.value
    name = type(exc).__name__
    if failure.check(terror.DNSLookupError):
        return "หาชื่อโดเมนไม่พบ (DNS lookup failed)"
    if failure.check(terror.TimeoutError, terror.TCPTimedOutError) or "Timeout" in name:
        return "เซิร์ฟเวอร์ตอบช้าเกินกำหนด (timed out)"
    if failure.check(terror.ConnectionRefusedError):
        return "เซิร์ฟเวอร์ปฏิเสธการเชื่อมต่อ (connection refused)"
    if "SSL" in name or "TLS" in name or "ssl" in str(exc).lower():
        return f"เชื่อมต่อแบบปลอดภัยไม่สำเร็จ (TLS error: {exc})"
    if "ResponseNeverReceived" in name or "ConnectionLost" in name or "ConnectionDone" in name:
        return "การเชื่อมต่อถูกตัดก่อนได้รับข้อมูล (connection lost)"
    if "IgnoreRequest" in name and "robots" in str(exc).lower():
        return "robots.txt ไม่อนุญาตให้เข้าถึง (forbidden by robots.txt)"
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
            return "หาชื่อโดเมนไม่พบ (DNS lookup failed)"
        if isinstance(cause, ssl.SSLError) or "ssl" in low or "certificate" in low or "tls" in low:
            return f"เชื่อมต่อแบบปลอดภัยไม่สำเร็จ (TLS error: {text})"
        if "refused" in low:
            return "เซิร์ฟเวอร์ปฏิเสธการเชื่อมต่อ (connection refused)"
        return f"เชื่อมต่อเว็บไซต์ไม่ได้ (cannot connect: {text})"
    if isinstance(exc, httpx.TimeoutException):
        return "เซิร์ฟเวอร์ตอบช้าเกินกำหนด (timed out)"
    if isinstance(exc, httpx.TooManyRedirects):
        return "เว็บไซต์เปลี่ยนเส้นทางวนซ้ำ (too many redirects)"
    return f"เข้าถึงเว็บไซต์ไม่ได้ ({type(exc).__name__}: {text})"
