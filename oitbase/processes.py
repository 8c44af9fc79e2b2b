"""Child processes that end with their parent: a crawl left running after ``kill -9`` of its batch or worker would go
on loading a site nobody is checking any more."""

from __future__ import annotations

import contextlib
import ctypes
import os
import signal
import sys
from collections.abc import Callable

PR_SET_PDEATHSIG = 1


def die_with_parent(parent_pid: int) -> None:
    """Ask Linux to SIGKILL this process when the thread that started it ends (no-op elsewhere); exit at once when
    the parent ``parent_pid`` is already gone."""
    if sys.platform.startswith("linux"):
        try:
            ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        except (OSError, AttributeError):
            pass
    if os.getppid() != parent_pid:
        os._exit(1)


def run_as_child(parent_pid: int, target: Callable, *args: object) -> None:
    """The body of a ``multiprocessing`` child that ends with its parent, in a process group of its own:
    ``Process(target=run_as_child, args=(os.getpid(), target, *args))``. A terminal's Ctrl-C then reaches only the
    parent, which decides: a batch or a check passes it on once (the crawl stops and what it fetched is judged), a
    worker's warm shutdown lets the crawls under way finish."""
    die_with_parent(parent_pid)
    with contextlib.suppress(OSError):
        os.setpgrp()
    target(*args)
