"""Free ports for servers that tests and benchmarks start on 127.0.0.1 on a port chosen beforehand.

A port the kernel hands out for ``bind(("127.0.0.1", 0))`` comes from its ephemeral range, the range every outgoing
connection also takes its local port from. Between choosing such a port and starting the server on it (a fleet's
sites are served again and again on the same ports; a Redis or a web app is started in another process), a crawl's
connection or another test's server may take it, and the server fails with "Address already in use" (CI on ff3b7b4).
:func:`free_port` therefore chooses at random below the ephemeral range, where only servers that ask for a number
bind.
"""

from __future__ import annotations

import random
import socket
from pathlib import Path

#: The kernel's ephemeral range on Linux; ``ip_local_port_range`` says where it starts on this machine.
_PORT_RANGE = Path("/proc/sys/net/ipv4/ip_local_port_range")
_LOWEST = 10000
_random = random.SystemRandom()


def ephemeral_start() -> int:
    """The first port of the kernel's ephemeral range (32768 when the kernel does not say)."""
    try:
        return int(_PORT_RANGE.read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return 32768


def free_port(host: str = "127.0.0.1") -> int:
    """A port below the ephemeral range that nothing is bound to on ``host`` now."""
    top = ephemeral_start()
    if top <= _LOWEST + 1000:  # an unusual range: fall back to the kernel's choice
        return _kernel_port(host)
    for _ in range(200):
        port = _random.randrange(_LOWEST, top)
        with socket.socket() as s:
            try:
                s.bind((host, port))
            except OSError:
                continue
            return port
    return _kernel_port(host)


def _kernel_port(host: str) -> int:
    with socket.socket() as s:
        s.bind((host, 0))
        return s.getsockname()[1]
