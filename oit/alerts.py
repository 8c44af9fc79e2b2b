"""Alerts after a unit is checked: a JSON webhook POST and a Thai e-mail, when items regressed or the crawl failed.

The batch builds the payload (:func:`regression_payload`, :func:`problem_payload`, schema ``oit-alert/1`` in
``oit/alert_schema.py``) and the e-mail (:func:`regression_email`, :func:`problem_email`), then calls
:func:`send_alerts`, which never raises: it returns one :class:`AlertSent` per channel and target.

Targets: a unit's own ``webhook``/``email`` (from the register) **and** the defaults of :class:`AlertSettings` (e.g.
the provincial office that watches every unit) both get the alert; the same target twice is sent once.
Crawled text is untrusted: what goes into a header has CR/LF and control characters removed.
"""

from __future__ import annotations

import os
import re
import smtplib
import ssl
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, fields
from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from pathlib import Path

import httpx

from oit.alert_schema import PROBLEM_TH, CrawlProblemAlert, RegressionAlert
from oitbase import __version__
from oitbase.model import STATUS_TH
from oitbase.units import Unit
from reports.changes import CHANGE_TH, ReportDiff
from reports.safety import safe_href

_CONTROLS = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_ADDRESS = re.compile(r"^[^@\s,;<>()\"\\]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$")


@dataclass
class AlertSettings:
    """Where and how alerts are sent; :meth:`from_env` reads ``OIT_*`` variables (see docs/alerts.md)."""

    smtp_host: str = ""
    smtp_port: int = 25
    smtp_user: str = ""
    smtp_password: str = ""
    starttls: bool = False
    mail_from: str = ""
    webhook: str = ""  # default webhook: gets every unit's alerts, beside the unit's own
    email: str = ""  # default recipients (comma-separated), beside the unit's own
    timeout: float = 10.0

    @classmethod
    def from_env(cls, env: dict[str, str] | None = None, **overrides: object) -> AlertSettings:
        """Settings from ``OIT_SMTP_HOST``, ``OIT_SMTP_PORT``, ``OIT_SMTP_USER``, ``OIT_SMTP_PASSWORD`` (or
        ``OIT_SMTP_PASSWORD_FILE``), ``OIT_SMTP_STARTTLS``, ``OIT_MAIL_FROM``, ``OIT_ALERT_WEBHOOK``,
        ``OIT_ALERT_EMAIL``, ``OIT_ALERT_TIMEOUT``; ``overrides`` (field names, or ``smtp="HOST:PORT"``) win, None
        values are ignored (a CLI option not given)."""
        env = os.environ if env is None else env
        password = env.get("OIT_SMTP_PASSWORD", "")
        if not password and env.get("OIT_SMTP_PASSWORD_FILE"):
            password = Path(env["OIT_SMTP_PASSWORD_FILE"]).read_text(encoding="utf-8").strip()
        settings = cls(
            smtp_host=env.get("OIT_SMTP_HOST", ""),
            smtp_port=int(env.get("OIT_SMTP_PORT") or 25),
            smtp_user=env.get("OIT_SMTP_USER", ""),
            smtp_password=password,
            starttls=env.get("OIT_SMTP_STARTTLS", "").lower() in ("1", "true", "yes", "on"),
            mail_from=env.get("OIT_MAIL_FROM", ""),
            webhook=env.get("OIT_ALERT_WEBHOOK", ""),
            email=env.get("OIT_ALERT_EMAIL", ""),
            timeout=float(env.get("OIT_ALERT_TIMEOUT") or 10.0),
        )
        smtp = overrides.pop("smtp", None)
        if smtp:
            settings.smtp_host, settings.smtp_port = parse_smtp(str(smtp))
        names = {f.name for f in fields(cls)}
        for key, value in overrides.items():
            if key not in names:
                raise TypeError(f"AlertSettings has no field {key!r}")
            if value is not None:
                setattr(settings, key, value)
        return settings


@dataclass
class AlertSent:
    """What happened on one channel: ``channel`` is ``webhook`` or ``email``, ``target`` the URL or addresses."""

    channel: str
    target: str
    ok: bool
    error: str = ""


def parse_smtp(text: str) -> tuple[str, int]:
    """``"mail.example.go.th:587"`` → ``("mail.example.go.th", 587)``; no port: 25."""
    host, sep, port = text.strip().rpartition(":")
    if not sep or not port.isdigit():
        return text.strip(), 25
    if not 0 < int(port) < 65536:
        raise ValueError(f"{port} is not a port (1–65535)")
    return host.strip("[]"), int(port)


def header_text(text: str, limit: int = 200) -> str:
    """Text safe in a mail header: no CR/LF or other control/format characters, whitespace collapsed, cut."""
    text = _CONTROLS.sub(" ", str(text))
    text = "".join(ch for ch in text if unicodedata.category(ch) != "Cf")
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def body_text(text: str) -> str:
    """One line of crawled text for the plain-text body (no control characters, no line breaks)."""
    return header_text(text, limit=2000)


def addresses(*texts: str) -> list[str]:
    """The valid e-mail addresses in comma/semicolon-separated ``texts``, each once, in order (a part with a line
    break or anything else in it is not an address: it is dropped whole)."""
    seen: list[str] = []
    for text in texts:
        for part in re.split(r"[,;]", text or ""):
            part = part.strip(" ")
            if _ADDRESS.match(part) and part.lower() not in (s.lower() for s in seen):
                seen.append(part)
    return seen


def recipients(unit: Unit, settings: AlertSettings) -> list[str]:
    """Who gets a unit's e-mail: the unit's own addresses, then the default ones."""
    return addresses(unit.email, settings.email)


def webhooks(unit: Unit, settings: AlertSettings) -> list[str]:
    """Where a unit's alert is POSTed: the unit's own webhook, then the default one (each once)."""
    targets = [u.strip() for u in (unit.webhook, settings.webhook) if u and u.strip()]
    return list(dict.fromkeys(targets))


def unit_label(unit: Unit) -> str:
    return unit.name or unit.code or unit.url


def _unit(unit: Unit) -> dict:
    return {"code": unit.code, "name": unit.name, "url": unit.url, "province": unit.province, "parent": unit.parent}


def regression_payload(unit: Unit, diff: ReportDiff, report_url: str = "") -> dict:
    """The ``regression`` payload of ``diff`` (its ``items`` are ``diff.regressions``; empty: send nothing)."""
    alert = RegressionAlert(
        unit=_unit(unit),
        run={
            "before": diff.run_before,
            "after": diff.run_after,
            "evaluation_before": diff.evaluation_before,
            "evaluation_after": diff.evaluation_after,
            "finished_before": diff.finished_before,
            "finished_after": diff.finished_after,
        },
        score={
            "before": round(diff.score_before, 2),
            "after": round(diff.score_after, 2),
            "band_before": diff.band_before,
            "band_after": diff.band_after,
        },
        items=[c.model_dump() for c in diff.regressions],
        report_url=report_url,
    )
    return alert.model_dump(mode="json", by_alias=True)


def problem_payload(unit: Unit, run_id: int, kind: str, problem: str, previous: dict | None = None) -> dict:
    """The ``crawl_problem`` payload: ``kind`` one of ``PROBLEM_TH``'s keys, ``problem`` the detail."""
    alert = CrawlProblemAlert(
        unit=_unit(unit), run={"id": run_id}, problem={"kind": kind, "reason": problem}, previous=previous
    )
    return alert.model_dump(mode="json", by_alias=True)


def _message(subject: str, body: str, settings: AlertSettings, to: list[str]) -> EmailMessage:
    msg = EmailMessage()
    msg["Subject"] = header_text(subject)
    msg["From"] = header_text(settings.mail_from) or "oit-selfcheck@localhost"
    msg["To"] = ", ".join(addresses(*to))
    msg["Date"] = formatdate(localtime=True)
    msg["Message-ID"] = make_msgid(domain="oit-selfcheck")
    msg["X-Mailer"] = f"oit-selfcheck {__version__}"
    msg.set_content(body, charset="utf-8")
    return msg


def _unit_lines(unit: Unit) -> list[str]:
    lines = [f"หน่วยงาน (unit): {body_text(unit_label(unit))} ({body_text(unit.code)})"]
    lines.append(f"เว็บไซต์ (website): {body_text(unit.url)}")
    if unit.province or unit.parent:
        lines.append(f"จังหวัด (province): {body_text(unit.province)}  สังกัด (parent): {body_text(unit.parent)}")
    return lines


def _url_lines(label: str, urls: list[str]) -> list[str]:
    if not urls:
        return [f"   {label}: -"]
    return [f"   {label}: {body_text(u) if safe_href(u) else '(ไม่ใช่ลิงก์ http) ' + body_text(u)}" for u in urls[:5]]


def regression_subject(unit: Unit, diff: ReportDiff) -> str:
    counts = [f"{len(diff.of_kind(k))} ข้อ{CHANGE_TH[k]}" for k in ("newly_failing", "evidence_gone") if diff.of_kind(k)]
    return f"[OIT] {unit_label(unit)}: {', '.join(counts)} คะแนน {diff.score_before:.1f} → {diff.score_after:.1f}"


def regression_email(unit: Unit, diff: ReportDiff, settings: AlertSettings, to: list[str]) -> EmailMessage:
    """The Thai plain-text e-mail of ``diff``'s regressions."""
    lines = _unit_lines(unit)
    lines += [
        f"ตรวจครั้งก่อน (before): run {diff.run_before} {diff.finished_before}".rstrip(),
        f"ตรวจครั้งนี้ (after): run {diff.run_after} {diff.finished_after}".rstrip(),
        f"คะแนน OIT (score): {diff.score_before:.2f} ({body_text(diff.band_before)}) → "
        f"{diff.score_after:.2f} ({body_text(diff.band_after)})",
        "",
        f"ข้อที่แย่ลง (regressions): {len(diff.regressions)} ข้อ",
    ]
    for n, item in enumerate(diff.regressions, 1):
        before, after = STATUS_TH.get(item.status_before), STATUS_TH.get(item.status_after)
        lines.append(f"{n}. {item.code} {body_text(item.name)} — {CHANGE_TH[item.kind]}: {before} → {after}")
        lines += _url_lines("หลักฐานเดิม (evidence before)", item.evidence_before)
        lines += _url_lines("หลักฐานครั้งนี้ (evidence after)", item.evidence_after)
        if item.missing:
            lines.append(f"   ที่ขาด (missing): {'; '.join(body_text(m) for m in item.missing)}")
        if item.fix:
            lines.append(f"   วิธีแก้ (fix): {body_text(item.fix)}")
        if item.gain:
            lines.append(f"   คะแนนที่จะได้คืน (gain): {item.gain:.2f}")
    lines += ["", "ส่งโดย oit-selfcheck (sent by the OIT self-check batch)."]
    return _message(regression_subject(unit, diff), "\n".join(lines) + "\n", settings, to)


def problem_email(unit: Unit, payload: dict, settings: AlertSettings, to: list[str]) -> EmailMessage:
    """The Thai e-mail of a ``crawl_problem`` payload."""
    kind = payload["problem"]["kind"]
    what = PROBLEM_TH.get(kind, kind)
    lines = _unit_lines(unit)
    lines += [
        f"การตรวจ (run): {payload['run']['id']}",
        f"ปัญหา (problem, {kind}): {what}",
        f"รายละเอียด (detail): {body_text(payload['problem']['reason'])}",
    ]
    if payload.get("previous"):
        prev = ", ".join(f"{body_text(str(k))}={body_text(str(v))}" for k, v in payload["previous"].items())
        lines.append(f"ครั้งก่อน (previous check): {prev}")
    lines += ["", "ส่งโดย oit-selfcheck (sent by the OIT self-check batch)."]
    subject = f"[OIT] {unit_label(unit)}: ตรวจเว็บไซต์ไม่สำเร็จ — {what}"
    return _message(subject, "\n".join(lines) + "\n", settings, to)


def post_webhook(url: str, payload: dict, timeout: float) -> AlertSent:
    """POST ``payload`` as JSON to ``url``; redirects are not followed (a 3xx is a failure that names the target)."""
    if not safe_href(url):
        return AlertSent("webhook", url, False, "webhook ต้องเป็น URL http:// หรือ https:// (must be an http(s) URL)")
    try:
        response = httpx.post(
            url,
            json=payload,
            headers={"Content-Type": "application/json; charset=utf-8", "User-Agent": f"oit-selfcheck/{__version__}"},
            timeout=timeout,
            follow_redirects=False,
        )
    except httpx.HTTPError as exc:
        return AlertSent("webhook", url, False, f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__)
    if response.is_redirect:
        where = header_text(response.headers.get("location", ""))
        return AlertSent("webhook", url, False, f"HTTP {response.status_code} → {where} (redirect not followed)")
    if response.status_code >= 400:
        return AlertSent("webhook", url, False, f"HTTP {response.status_code} {header_text(response.reason_phrase)}")
    return AlertSent("webhook", url, True)


def send_email(message: EmailMessage, settings: AlertSettings) -> AlertSent:
    """Send ``message`` by SMTP (SMTPS on port 465; STARTTLS and login when configured)."""
    target = message.get("To", "")
    if not target:
        return AlertSent("email", "", False, "ไม่มีผู้รับที่ถูกต้อง (no valid recipient)")
    if not settings.smtp_host:
        return AlertSent("email", target, False, "ไม่ได้ตั้ง SMTP (no SMTP host: --smtp or OIT_SMTP_HOST)")
    try:
        if settings.smtp_port == 465:
            client = smtplib.SMTP_SSL(settings.smtp_host, 465, timeout=settings.timeout)
        else:
            client = smtplib.SMTP(settings.smtp_host, settings.smtp_port, timeout=settings.timeout)
        with client:
            if settings.starttls and settings.smtp_port != 465:
                client.starttls(context=ssl.create_default_context())
            if settings.smtp_user:
                client.login(settings.smtp_user, settings.smtp_password)
            client.send_message(message)
    except (OSError, smtplib.SMTPException) as exc:
        return AlertSent("email", target, False, f"{type(exc).__name__}: {exc}")
    return AlertSent("email", target, True)


def send_alerts(unit: Unit, payload: dict, message: EmailMessage | None, settings: AlertSettings) -> list[AlertSent]:
    """POST ``payload`` to every webhook of ``unit`` and send ``message`` (if any); never raises."""
    sent = []
    for url in webhooks(unit, settings):
        sent.append(_safely("webhook", url, lambda url=url: post_webhook(url, payload, settings.timeout)))
    if message is not None:
        sent.append(_safely("email", str(message.get("To", "")), lambda: send_email(message, settings)))
    return sent


def _safely(channel: str, target: str, send: Callable[[], AlertSent]) -> AlertSent:
    try:
        return send()
    except Exception as exc:  # noqa: BLE001 - one channel failing must not stop the batch
        return AlertSent(channel, target, False, f"{type(exc).__name__}: {exc}")
