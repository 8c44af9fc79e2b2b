"""oit browse: the store in Datasette, read-only, with the canned queries across units (storage.browse)."""

from __future__ import annotations

import hashlib
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from oit.browse import QUERIES, datasette_command, metadata
from sitegen.ports import free_port
from storage import store
from storage.browse import CANNED_SQL
from tests.helpers import REPO, run_oit_here

SAMPLE = REPO / "tests" / "data" / "store-v3-sample.sql"


def sample_store(path: Path) -> Path:
    """A store made by this code's migrations, holding the sample rows of tests/data."""
    store.open_db(path).conn.close()
    conn = sqlite3.connect(path)
    conn.executescript(SAMPLE.read_text(encoding="utf-8"))
    conn.commit()
    conn.close()
    return path


#: Runs the CLI with SIGINT ignored, as a script's background job starts it (the ignore is inherited).
IGNORING_SIGINT = ("-c", "import runpy, signal; signal.signal(signal.SIGINT, signal.SIG_IGN); "
                   "runpy.run_module('oit.cli', run_name='__main__')")  # fmt: skip


def start_browse(db: Path, sigint_ignored: bool = False) -> tuple[str, subprocess.Popen]:
    """``oit browse --no-open`` on ``db`` in a new process, once it answers: (base URL of the database, process)."""
    port = free_port()
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    cli = IGNORING_SIGINT if sigint_ignored else ("-m", "oit.cli")
    proc = subprocess.Popen(
        [sys.executable, *cli, "browse", "--db", str(db), "--no-open", "--port", str(port)],
        env=env,
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            if httpx.get(f"{base}/-/versions.json", timeout=2).status_code == 200:
                return f"{base}/{db.stem}", proc
        except httpx.TransportError:
            pass
        if proc.poll() is not None or time.monotonic() > deadline:
            end(proc)
            out, err = proc.communicate()
            pytest.fail(f"oit browse did not start (exit {proc.returncode}):\n{out}\n{err}")
        time.sleep(0.2)


def end(proc: subprocess.Popen) -> None:
    """Kill the process group this test started (oit browse and its Datasette), if it still runs."""
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """``oit browse`` on the sample store: (base URL of the database, store path, the process)."""
    db = sample_store(tmp_path_factory.mktemp("browse") / "units.db")
    base, proc = start_browse(db)
    yield base, db, proc
    end(proc)


def rows(url: str, **params: str) -> list[dict]:
    response = httpx.get(url, params={**params, "_shape": "array"}, timeout=10)
    assert response.status_code == 200, response.text[:500]
    return response.json()


@pytest.mark.slow
def test_units_failing_item(server):
    base, _, _ = server
    found = rows(f"{base}/units_failing_item.json", code="o12")
    assert {(r["unit_code"], r["status"], r["run"], r["evaluation"]) for r in found} == {
        ("5340101", "fail", 3, 4),
        ("5340102", "fail", 2, 2),
    }
    assert {r["province"] for r in found} == {"เชียงใหม่", "ลำปาง"}
    # O13 is partial in unit 1's latest evaluation; O1 fails only in a superseded one (evaluation 3).
    assert [(r["unit_code"], r["status"]) for r in rows(f"{base}/units_failing_item.json", code="O13")] == [
        ("5340101", "partial")
    ]
    assert rows(f"{base}/units_failing_item.json", code="O1") == []


@pytest.mark.slow
def test_score_per_unit(server):
    base, _, _ = server
    found = rows(f"{base}/score_per_unit.json")
    assert [(r["unit_code"], r["oit_score"], r["band"], r["evaluation"]) for r in found] == [
        ("5340102", 90.0, "A", 2),
        ("5340101", 75.0, "B", 4),
    ]
    assert found[1]["finished"] == "2026-01-06T09:00:00"


@pytest.mark.slow
def test_evidence_disappeared(server):
    base, _, _ = server
    (row,) = rows(f"{base}/evidence_disappeared.json")
    assert (row["unit_code"], row["item"], row["status_now"], row["previous_run"], row["latest_run"]) == (
        "5340101",
        "O12",
        "fail",
        1,
        3,
    )
    assert set(row["previous_urls"].split(",")) == {
        "https://www.banmai.go.th/o12.pdf",
        "https://www.banmai.go.th/o12-q2.pdf",
    }


@pytest.mark.slow
def test_crawl_problems(server):
    base, _, _ = server
    (row,) = rows(f"{base}/crawl_problems.json")
    assert (row["unit_code"], row["problem_kind"], row["run"], row["batch"]) == ("5340103", "unreachable", 4, 1)
    assert "connection refused" in row["problem"]


@pytest.mark.slow
def test_titles_are_thai_and_english(server):
    base, _, _ = server
    page = httpx.get(f"{base}/score_per_unit", timeout=10).text
    assert "คะแนน OIT ของแต่ละหน่วยงาน (OIT score per unit)" in page


@pytest.mark.slow
def test_writes_refused(server):
    base, db, _ = server
    before = hashlib.sha256(db.read_bytes()).hexdigest()
    response = httpx.get(f"{base}.json", params={"sql": "delete from units", "_shape": "array"}, timeout=10)
    assert response.status_code == 400
    response = httpx.get(f"{base}.json", params={"sql": "select 1; delete from units"}, timeout=10)
    assert response.status_code == 400
    # Datasette 0.65 answers a POST to a read-only canned query with an error page (500: its own bug), never a write.
    response = httpx.post(f"{base}/crawl_problems", data={"sql": "delete from units"}, timeout=10)
    assert response.status_code >= 400
    assert len(rows(f"{base}/units.json")) == 3
    assert hashlib.sha256(db.read_bytes()).hexdigest() == before
    # Datasette opened the file immutable: it has no write connection at all.
    databases = httpx.get(f"{base.rsplit('/', 1)[0]}/-/databases.json", timeout=10).json()
    assert [d["is_mutable"] for d in databases if d["name"] == "units"] == [False]


@pytest.mark.slow
@pytest.mark.parametrize("sigint_ignored", [False, True], ids=["from a terminal", "parent ignores SIGINT"])
def test_ctrl_c_stops_it(tmp_path, sigint_ignored):
    base, proc = start_browse(sample_store(tmp_path / "units.db"), sigint_ignored)
    try:
        proc.send_signal(signal.SIGINT)
        proc.wait(15)
        assert proc.returncode == 0
        with pytest.raises(httpx.TransportError):
            httpx.get(f"{base}.json", timeout=2)
        assert f"{base.rsplit('/', 1)[0]}/units" in proc.stdout.read()
    finally:
        end(proc)


def test_metadata_has_every_query_and_none_writes():
    meta = metadata("units")
    queries = meta["databases"]["units"]["queries"]
    assert set(queries) == set(CANNED_SQL) == set(QUERIES)
    assert not any(q.get("write") for q in queries.values())
    command = datasette_command(Path("x.db"), Path("m.json"), "127.0.0.1", 8001)
    assert command[command.index("-i") + 1] == "x.db"


def test_refuses_a_file_that_is_not_a_store(tmp_path):
    bogus = tmp_path / "notes.db"
    bogus.write_bytes(b"these are not SQLite pages " * 100)
    result = run_oit_here("browse", "--db", str(bogus), "--no-open")
    assert result.returncode == 2
    assert "not an oit store" in result.stderr


def test_refuses_a_store_without_units(tmp_path):
    old = tmp_path / "old.db"
    with sqlite3.connect(old) as conn:  # a store of the release before units (version 2)
        conn.executescript((Path(__file__).parent / "data" / "store-v2.sql").read_text(encoding="utf-8"))
    conn.close()
    result = run_oit_here("browse", "--db", str(old), "--no-open")
    assert result.returncode == 2
    assert f"upgrade-store --db {old}" in result.stderr
