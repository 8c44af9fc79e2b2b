"""Ports chosen for fixture servers stay clear of the ports the kernel hands out to connections and port-0 servers."""

from __future__ import annotations

import socket

from sitegen import ports
from sitegen.serve import serve_directory


def test_free_port_is_below_the_ephemeral_range_and_a_server_can_start_on_it(tmp_path) -> None:  # noqa: ANN001
    (tmp_path / "index.html").write_text("<p>หน้าแรก</p>", "utf-8")
    port = ports.free_port()
    assert port < ports.ephemeral_start()
    with serve_directory(tmp_path, port=port) as url:
        assert url == f"http://127.0.0.1:{port}/"


def test_a_port_something_listens_on_is_not_chosen(monkeypatch) -> None:  # noqa: ANN001
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", ports.free_port()))
        busy.listen()
        taken = busy.getsockname()[1]
        other = ports.free_port()
        picks = iter([taken, other])
        monkeypatch.setattr(ports._random, "randrange", lambda a, b: next(picks))
        assert ports.free_port() == other
