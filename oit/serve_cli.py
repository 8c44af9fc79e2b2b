"""``oit serve``: the self-check web page (:mod:`oit.web`) on uvicorn."""

from __future__ import annotations

from pathlib import Path

import click

from oit.batch_cli import BROKER_HELP, broker_url
from oit.broker_batch import redacted as broker_url_shown
from oit.cli_common import fail


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="address to listen on")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535))
@click.option("--data", "data_dir", default="oit-web", show_default=True, type=click.Path(file_okay=False),
              help="directory of the checks, their store (oit.db) and work files")  # fmt: skip
@click.option("--allow-private", is_flag=True,
              help="also check sites on private, loopback or link-local addresses (an intranet; tests)")  # fmt: skip
@click.option("--workers", default=2, show_default=True, type=click.IntRange(1, 32),
              help="checks run at once by this server (without --broker)")  # fmt: skip
@click.option("--broker", envvar="OIT_BROKER", callback=broker_url,
              help=BROKER_HELP + "; `oit worker` processes run the checks")  # fmt: skip
@click.option("--max-active", default=20, show_default=True, type=click.IntRange(1),
              help="checks queued or running at once; more are refused until one ends")  # fmt: skip
@click.option("--per-client", default=2, show_default=True, type=click.IntRange(1),
              help="checks queued or running at once for one client address")  # fmt: skip
@click.option("--check-rate", default="10/hour", show_default=True,
              help="new checks one client may start (e.g. 10/hour, 3/minute)")  # fmt: skip
@click.option("--request-rate", default="600/minute", show_default=True, help="requests one client may make")
@click.option("--max-pages", default=3000, show_default=True, type=click.IntRange(min=1), help="pages + documents")
@click.option("--time-limit", default=60.0, show_default=True, type=click.FloatRange(min=1),
              help="minutes one check may take")  # fmt: skip
@click.option("--no-render", is_flag=True, help="do not render JavaScript pages with Chromium")
@click.option("--no-ocr", is_flag=True, help="do not OCR scanned pages")
@click.option("--secret", envvar="OIT_WEB_SECRET", default="",
              help="key of the form tokens (env OIT_WEB_SECRET; random per start when not given)")  # fmt: skip
@click.option("--forwarded-allow-ips", default="127.0.0.1", show_default=True,
              help="proxies whose X-Forwarded-For gives the client's address (rate limits are per client)")  # fmt: skip
def serve(host, port, data_dir, allow_private, workers, broker, max_active, per_client, check_rate, request_rate,  # noqa: ANN001
          max_pages, time_limit, no_render, no_ocr, secret, forwarded_allow_ips):  # fmt: skip
    """เปิดหน้าเว็บตรวจ — the self-check web page and its JSON API (Ctrl-C stops; checks under way resume later)."""
    import uvicorn
    from limits import parse

    from oit.web.app import create_app
    from oit.web.checks import WebSettings

    for rate in (check_rate, request_rate):
        try:
            parse(rate)
        except ValueError:
            fail(f"อัตราไม่ถูกต้อง (not a rate: {rate!r}; write e.g. 10/hour)", 2)
    settings = WebSettings(data_dir=Path(data_dir), allow_private=allow_private, workers=workers, broker=broker or "",
                           max_active=max_active, max_active_per_client=per_client, check_rate=check_rate,
                           request_rate=request_rate, max_pages=max_pages, time_limit=time_limit,
                           render=not no_render, ocr=not no_ocr, secret=secret)  # fmt: skip
    guard = "private addresses allowed" if allow_private else "private addresses refused"
    runs = f"workers of {broker_url_shown(broker)}" if broker else f"{workers} at a time here"
    click.echo(f"oit serve: http://{host}:{port}/ (checks: {runs}; {guard}; data in {data_dir})", err=True)
    uvicorn.run(create_app(settings), host=host, port=port, proxy_headers=True,
                forwarded_allow_ips=forwarded_allow_ips, log_level="warning", server_header=False)  # fmt: skip
