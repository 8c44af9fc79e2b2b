"""Regression and crawl-problem alerts: the webhook JSON (against its schema), the Thai e-mail over SMTP, header
injection from crawled text, and receivers that fail."""

from __future__ import annotations

import email
import email.policy
import json
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import jsonschema
import pytest
from aiosmtpd.controller import Controller

from oit.alert_schema import SCHEMA_PATH, schema_text
from oit.alerts import (
    AlertSettings,
    addresses,
    problem_email,
    problem_payload,
    regression_email,
    regression_payload,
    send_alerts,
)
from oitbase.units import Unit
from reports.changes import ItemChange, ReportDiff
from sitegen.ports import free_port

SCHEMA = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


def make_diff() -> ReportDiff:
    def change(code: str, kind: str, before: str, after: str, ev_before: list[str], ev_after: list[str]) -> ItemChange:
        return ItemChange(
            code=code, name=f"ชื่อข้อ {code}", kind=kind, status_before=before, status_after=after,
            evidence_before=ev_before, evidence_after=ev_after, fix=f"เผยแพร่ {code} บนเว็บไซต์",
            missing=["รายงานรอบ 6 เดือน"], gain=2.5,
        )  # fmt: skip

    return ReportDiff(
        url_before="https://abc.go.th/",
        url_after="https://abc.go.th/",
        run_before=3,
        run_after=7,
        evaluation_before=4,
        evaluation_after=9,
        finished_before="2026-01-05T02:10:00",
        finished_after="2026-01-12T02:11:00",
        score_before=87.5,
        score_after=72.0,
        band_before="A",
        band_after="B",
        changes=[
            change("O12", "newly_failing", "pass", "fail", ["https://abc.go.th/o12.pdf"], []),
            change("O20", "newly_failing", "pass", "partial", ["https://abc.go.th/o20.pdf"], ["https://abc.go.th/x"]),
            change("O33", "evidence_gone", "pass", "pass", ["https://abc.go.th/o33.pdf"], []),
            change("O05", "fixed", "fail", "pass", [], ["https://abc.go.th/o5"]),
        ],
    )


UNIT = Unit(code="6300101", name="อบต.ทดสอบ", url="https://abc.go.th/", province="ตาก", parent="อำเภอเมืองตาก")


@contextmanager
def receiver(status: int = 200) -> Iterator[tuple[str, list[dict]]]:
    """An HTTP server on 127.0.0.1 that records each POST (headers and JSON body) and answers ``status``."""
    got: list[dict] = []

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802 - http.server's name
            body = self.rfile.read(int(self.headers["Content-Length"]))
            got.append({"content_type": self.headers["Content-Type"], "json": json.loads(body.decode("utf-8"))})
            self.send_response(status)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/hook", got
    finally:
        server.shutdown()
        server.server_close()


class Inbox:
    def __init__(self) -> None:
        self.messages: list[tuple[list[str], email.message.EmailMessage]] = []

    async def handle_DATA(self, server, session, envelope):  # noqa: ANN001, N802 - aiosmtpd's handler interface
        msg = email.message_from_bytes(envelope.original_content, policy=email.policy.default)
        self.messages.append((list(envelope.rcpt_tos), msg))
        return "250 OK"


@pytest.fixture
def smtp() -> Iterator[tuple[AlertSettings, Inbox]]:
    inbox = Inbox()
    port = free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield AlertSettings(smtp_host="127.0.0.1", smtp_port=port, mail_from="oit@province.go.th", timeout=5), inbox
    finally:
        controller.stop()


def test_schema_file_is_generated_from_the_models() -> None:
    assert SCHEMA_PATH.read_text(encoding="utf-8") == schema_text(), "run python -m oit.alert_schema"


def test_regression_is_posted_as_json_that_the_schema_accepts() -> None:
    diff = make_diff()
    payload = regression_payload(UNIT, diff, report_url="https://reports.example/6300101/")
    with receiver() as (url, got):
        sent = send_alerts(UNIT.model_copy(update={"webhook": url}), payload, None, AlertSettings(timeout=5))
    assert [(s.channel, s.ok) for s in sent] == [("webhook", True)]
    assert got[0]["content_type"] == "application/json; charset=utf-8"
    body = got[0]["json"]
    jsonschema.validate(body, SCHEMA)
    assert body["schema"] == "oit-alert/1" and body["type"] == "regression"
    assert [it["code"] for it in body["items"]] == ["O12", "O20", "O33"]  # the fixed O05 is no regression
    assert body["unit"]["name"] == "อบต.ทดสอบ" and body["run"]["before"] == 3 and body["run"]["after"] == 7
    assert body["score"] == {"before": 87.5, "after": 72.0, "band_before": "A", "band_after": "B"}


def test_crawl_problem_payload_matches_the_schema_and_a_bad_kind_is_refused() -> None:
    payload = problem_payload(UNIT, 8, "dns", "Name or service not known", previous={"run": 7, "pages": 812})
    jsonschema.validate(payload, SCHEMA)
    assert payload["problem"] == {"kind": "dns", "reason": "Name or service not known"}
    with pytest.raises(ValueError):
        problem_payload(UNIT, 8, "exploded", "?")
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({**payload, "type": "regression"}, SCHEMA)


def test_both_the_units_and_the_default_webhook_get_it_and_a_failing_one_is_reported() -> None:
    payload = problem_payload(UNIT, 8, "down", "HTTP 503")
    with receiver(200) as (own, got_own), receiver(500) as (default, got_default):
        sent = send_alerts(UNIT.model_copy(update={"webhook": own}), payload, None, AlertSettings(webhook=default))
    assert len(got_own) == 1 and len(got_default) == 1
    assert [(s.target, s.ok) for s in sent] == [(own, True), (default, False)]
    assert "500" in sent[1].error


def test_dead_webhook_and_non_http_url_are_failures_not_exceptions() -> None:
    dead = f"http://127.0.0.1:{free_port()}/hook"  # nothing listens
    payload = problem_payload(UNIT, 1, "timeout", "x")
    start = time.monotonic()
    sent = send_alerts(UNIT.model_copy(update={"webhook": dead}), payload, None, AlertSettings(timeout=2))
    assert time.monotonic() - start < 2
    assert not sent[0].ok and sent[0].error
    sent = send_alerts(UNIT.model_copy(update={"webhook": "file:///etc/passwd"}), payload, None, AlertSettings())
    assert not sent[0].ok and "http" in sent[0].error


def test_thai_email_over_smtp(smtp: tuple[AlertSettings, Inbox]) -> None:
    settings, inbox = smtp
    diff = make_diff()
    message = regression_email(UNIT, diff, settings, ["head@abc.go.th", "not an address"])
    sent = send_alerts(UNIT, regression_payload(UNIT, diff), message, settings)
    assert [(s.channel, s.ok) for s in sent] == [("email", True)], sent
    rcpts, msg = inbox.messages[0]
    assert rcpts == ["head@abc.go.th"]
    assert msg["Subject"] == "[OIT] อบต.ทดสอบ: 2 ข้อไม่ผ่านแล้ว, 1 ข้อหลักฐานหายไป คะแนน 87.5 → 72.0"
    body = msg.get_content()
    assert "O12 ชื่อข้อ O12 — ไม่ผ่านแล้ว: ผ่าน → ไม่พบ" in body
    assert "https://abc.go.th/o12.pdf" in body and "วิธีแก้ (fix): เผยแพร่ O12 บนเว็บไซต์" in body
    assert "87.50 (A) → 72.00 (B)" in body
    assert "O05" not in body


def test_unit_name_cannot_inject_a_header(smtp: tuple[AlertSettings, Inbox]) -> None:
    settings, inbox = smtp
    evil = UNIT.model_copy(update={"name": "อบต.ร้าย\r\nBcc: x@evil.example\r\n\r\nbody", "email": "a@abc.go.th"})
    diff = make_diff()
    message = regression_email(evil, diff, settings, ["a@abc.go.th", "b@abc.go.th\r\nBcc: y@evil.example"])
    assert send_alerts(evil, {}, message, settings)[0].ok
    rcpts, msg = inbox.messages[0]
    assert msg["Bcc"] is None and rcpts == ["a@abc.go.th"]
    assert "\n" not in msg["Subject"] and msg["Subject"].startswith("[OIT] อบต.ร้าย Bcc: x@evil.example body:")
    problem = problem_email(evil, problem_payload(evil, 2, "tls", "bad\r\nX-Evil: 1"), settings, ["a@abc.go.th"])
    assert problem["X-Evil"] is None and problem["Bcc"] is None


def test_no_smtp_host_is_a_failure_and_addresses_are_filtered() -> None:
    message = regression_email(UNIT, make_diff(), AlertSettings(), ["a@abc.go.th"])
    (sent,) = send_alerts(UNIT, {}, message, AlertSettings())
    assert not sent.ok and "SMTP" in sent.error
    found = addresses("a@x.go.th, b@y.go.th;a@x.go.th", "evil\r\n@x.go.th, c@z.go.th")
    assert found == ["a@x.go.th", "b@y.go.th", "c@z.go.th"]


def test_settings_from_env_and_overrides(tmp_path) -> None:  # noqa: ANN001 - pytest fixture
    secret = tmp_path / "pw"
    secret.write_text("s3cret\n", encoding="utf-8")
    env = {"OIT_SMTP_HOST": "mail.go.th", "OIT_SMTP_PORT": "587", "OIT_SMTP_STARTTLS": "yes",
           "OIT_SMTP_PASSWORD_FILE": str(secret), "OIT_MAIL_FROM": "oit@go.th"}  # fmt: skip
    settings = AlertSettings.from_env(env, webhook="https://hook.example/", mail_from=None)
    assert (settings.smtp_host, settings.smtp_port, settings.starttls) == ("mail.go.th", 587, True)
    assert settings.smtp_password == "s3cret" and settings.mail_from == "oit@go.th"
    assert settings.webhook == "https://hook.example/"
    assert AlertSettings.from_env(env, smtp="127.0.0.1:2525").smtp_port == 2525
