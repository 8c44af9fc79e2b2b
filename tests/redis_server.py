"""A real Redis server for tests: ``redis-server`` (Debian's, installed by scripts/setup.sh) on 127.0.0.1 on a free
port, without persistence; the test is skipped when the program is not installed."""

from __future__ import annotations

import contextlib
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from sitegen.ports import free_port


@contextlib.contextmanager
def redis_server(workdir: Path) -> Iterator[str]:
    """A running Redis server; yields its URL (database 0)."""
    program = shutil.which("redis-server")
    if program is None:
        pytest.skip("redis-server is not installed (bash scripts/setup.sh installs it)")
    port = free_port()
    workdir.mkdir(parents=True, exist_ok=True)
    args = [program, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
            "--dir", str(workdir), "--protected-mode", "yes"]  # fmt: skip
    server = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 10
        while True:
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=0.5) as s:
                s.sendall(b"PING\r\n")
                if s.recv(16).startswith(b"+PONG"):
                    break
            if time.monotonic() > deadline or server.poll() is not None:
                raise RuntimeError(f"redis-server did not start on port {port}")
            time.sleep(0.05)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        server.terminate()
        server.wait(timeout=10)
