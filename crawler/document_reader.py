"""Documents are read in a process of their own (setting ``OIT_EXTRACT_PROCESS``, on by default).

The crawl process then never loads the PDF library (PyMuPDF, 32 MB of a crawl's peak) or Tesseract's engines; a
file that crashes a library ends the reader, not the crawl (the file is recorded as unreadable and the next one
starts a new reader); and reading runs beside the crawl instead of taking turns with it for the GIL. One reader
serves the whole process (documents are read one at a time: :data:`crawler.pipelines.EXTRACT_LOCK`); it starts
with the first document, ignores the terminal's Ctrl-C (the crawl decides when to stop) and ends when the crawl
process does (within :data:`PARENT_CHECK_S` when that one is killed). A body is sent to it once, through the
pool's pipe; OCR progress comes back through a queue, to the caller's ``on_page``.
"""

from __future__ import annotations

import itertools
import os
import signal
import threading
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from concurrent.futures.process import BrokenProcessPool
from multiprocessing.context import SpawnContext, SpawnProcess
from typing import Any

from oitbase.extract import Extracted, extract_in_pool


class ReaderStopped(Exception):
    """The reader process ended while it read a file, or took longer than it may."""


#: Seconds between the reader's checks that the crawl process is still there.
PARENT_CHECK_S = 1.0
#: In the reader: where its OCR progress goes.
_progress: Any = None


def _start(progress: Any, parent: int) -> None:  # noqa: ANN401 - a multiprocessing queue
    global _progress
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _progress = progress
    threading.Thread(target=_end_with, args=(parent,), daemon=True, name="oit-reader-parent").start()


def _end_with(parent: int) -> None:
    """Exit once the crawl process is gone (killed, say): the reader holds both ends of its task pipe, so no end of
    file would tell it, and Linux's parent-death signal follows the thread that started it, not the process."""
    while os.getppid() == parent:
        time.sleep(PARENT_CHECK_S)
    os._exit(0)


def _read(token: int, body: bytes, content_type: str, url: str, options: dict) -> Extracted:
    def on_page(done: int, total: int) -> None:
        _progress.put((token, done, total))

    return extract_in_pool(body, content_type, url, on_page=on_page, **options)


class _ReaderProcess(SpawnProcess):
    """Spawned, not forked (the crawl process runs threads), and a daemon: a crawl process that is itself a
    multiprocessing child joins its other children as it ends, and would wait for an idle reader for ever."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:  # noqa: ANN401
        super().__init__(*args, **kwargs)
        self.daemon = True


class _ReaderContext(SpawnContext):
    Process = _ReaderProcess


class DocumentReader:
    """A reader process and what it is reading for whom. :func:`read` blocks: call it from a worker thread."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._pool: ProcessPoolExecutor | None = None
        self._progress: Any = None
        self._forwarder: threading.Thread | None = None
        self._listeners: dict[int, Callable[[int, int], None]] = {}
        self._tokens = itertools.count()

    def _started(self) -> ProcessPoolExecutor:
        with self._lock:
            if self._pool is None:
                context = _ReaderContext()
                self._progress = context.Queue()
                self._pool = ProcessPoolExecutor(1, mp_context=context, initializer=_start,
                                                 initargs=(self._progress, os.getpid()))
                self._forwarder = threading.Thread(target=self._forward, args=(self._progress,), daemon=True,
                                                   name="oit-reader-progress")  # fmt: skip
                self._forwarder.start()
            return self._pool

    def _forward(self, progress: Any) -> None:  # noqa: ANN401 - a multiprocessing queue
        while (event := progress.get()) is not None:
            token, done, total = event
            if listener := self._listeners.get(token):
                listener(done, total)

    def read(self, body: bytes, content_type: str, url: str, *, on_page: Callable[[int, int], None] | None = None,
             timeout: float | None = None, **options: Any) -> Extracted:  # noqa: ANN401
        """:func:`oitbase.extract.extract_in_pool` in the reader. ``timeout``: seconds to wait for it (the reader
        is stopped after that). Raises :class:`ReaderStopped`."""
        pool = self._started()
        token = next(self._tokens)
        if on_page is not None:
            self._listeners[token] = on_page
        try:
            return pool.submit(_read, token, body, content_type, url, options).result(timeout=timeout)
        except BrokenProcessPool as exc:
            self.stop()
            raise ReaderStopped("the reader process ended while reading this file (it crashed or was killed)") from exc
        except FutureTimeout as exc:
            self.stop()
            raise ReaderStopped(f"no result from the reader process after {timeout:.0f} s: it was stopped") from exc
        finally:
            self._listeners.pop(token, None)

    def pid(self) -> int | None:
        """The reader's process id, once it runs."""
        processes = list(getattr(self._pool, "_processes", None) or {})
        return processes[0] if processes else None

    def _take(self) -> tuple[ProcessPoolExecutor | None, Any]:
        """The running reader's pool and progress queue, which the next file will not use."""
        with self._lock:
            taken = self._pool, self._progress
            self._pool = self._progress = None
        return taken

    def close(self) -> None:
        """End the reader once it is idle, and wait for it."""
        forwarder = self._forwarder
        pool, progress = self._take()
        if pool is not None:
            pool.shutdown(wait=True)
            progress.put(None)  # ends its forwarding thread: wait for it, or the queue may be closed under it
            if forwarder is not None:
                forwarder.join(timeout=5)

    def stop(self) -> None:
        """End the reader now (a new one starts with the next file)."""
        pool, progress = self._take()
        if pool is None:
            return
        progress.put(None)
        for process in list((getattr(pool, "_processes", None) or {}).values()):
            process.kill()
        pool.shutdown(wait=False, cancel_futures=True)


#: The process's reader.
READER = DocumentReader()
