"""``oit worker --broker redis://…``: take units from the queue and check them (see :mod:`oit.tasks`)."""

from __future__ import annotations

import os
import socket

import click

from oit.batch_cli import BROKER_HELP, broker_url
from oit.cli_common import fail


@click.command()
@click.option("--broker", required=True, envvar="OIT_BROKER", callback=broker_url, help=BROKER_HELP)
@click.option("--concurrency", default=4, show_default=True, type=click.IntRange(1, 64),
              help="units checked at once (each crawl runs in its own process, one host at a time)")  # fmt: skip
@click.option("--name", default=lambda: f"oit-{socket.gethostname()}-{os.getpid()}",
              help="the worker's name, shown by `oit batch --status`  [default: oit-HOST-PID]")  # fmt: skip
@click.option("--visibility-timeout", default=7200.0, show_default=True, type=click.FloatRange(min=10),
              help="seconds after which a unit taken by a worker that died is given to another; longer than the "
                   "longest unit (a unit's time limit is capped at 80 % of it)")  # fmt: skip
@click.option("--loglevel", default="WARNING", show_default=True,
              type=click.Choice(["DEBUG", "INFO", "WARNING", "ERROR"], case_sensitive=False))  # fmt: skip
@click.option("--restore-every", default=0.0, hidden=True, type=float,
              help="seconds between sweeps for units past their visibility timeout (tests)")  # fmt: skip
def worker(broker, concurrency, name, visibility_timeout, loglevel, restore_every):  # noqa: ANN001
    """ผู้ตรวจ — check units sent by `oit batch --broker` (Celery worker; Ctrl-C finishes the units under way)."""
    from oit import tasks

    tasks.configure(broker, visibility_timeout=visibility_timeout, restore_every=restore_every)
    argv = ["worker", "--pool=threads", f"--concurrency={concurrency}", f"--queues={tasks.QUEUE}",
            f"--hostname={name}", f"--loglevel={loglevel}", "--without-gossip", "--without-mingle",
            "--events"]  # fmt: skip
    try:
        tasks.app.worker_main(argv)
    except Exception as exc:  # noqa: BLE001 - one line, never a traceback
        fail(f"ผู้ตรวจหยุดทำงาน (the worker stopped: {type(exc).__name__}: {exc})", 1)
