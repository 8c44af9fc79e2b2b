"""Units checked by workers through a real Redis broker (Celery): ``oit worker`` and ``oit batch --broker``.

The quick tests use a real ``redis-server`` on a free port and no crawl: the attempts of a task, the per-host turn,
``oit batch --status`` and the CLI's errors. The slow ones start workers as separate processes: two workers take 20
fixture units and one of them is killed (SIGKILL) midway, yet every unit ends with exactly one evaluation and one
report, with the same verdicts as the same units checked in one process; a unit that fails three times is recorded as
a crawl problem with the reasons.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from oit import tasks
from sitegen.fleet import serve_fleet, write_register
from storage import store
from tests.helpers import REPO, run_oit_here
from tests.redis_server import redis_server
from tests.test_batch import fleet  # noqa: F401 - the 20 fixture units (a fixture)

#: Full crawls (the verdicts are compared), without the browser and OCR.
CRAWL = ["--max-pages", "3000", "--no-render", "--no-ocr", "--time-limit", "3"]


@pytest.fixture(scope="module")
def broker(tmp_path_factory):  # noqa: ANN001, ANN201
    with redis_server(tmp_path_factory.mktemp("redis")) as url:
        yield url


@pytest.fixture
def client(broker):  # noqa: ANN001, ANN201
    tasks.configure(broker)
    tasks.redis_client().flushdb()
    return tasks.redis_client()


# --- quick: the parts, against a real Redis -----------------------------------------------------------------------


def test_a_unit_that_failed_three_times_is_given_up_with_each_reason(client):  # noqa: ANN001
    attempts = tasks.Attempts(client, "oit-t-1")
    assert attempts.begin() == 1
    attempts.failed("CrawlFailed: boom")
    assert attempts.begin() == 2  # its worker is then killed: nothing recorded
    assert attempts.begin() == 3
    attempts.failed("OSError: disk full")
    assert attempts.begin() == 4 > tasks.MAX_ATTEMPTS
    given_up = attempts.given_up()
    assert given_up.startswith("ตรวจไม่สำเร็จ 3 ครั้ง (failed 3 times)")
    assert "1. CrawlFailed: boom" in given_up and "2. ผู้ตรวจหยุดทำงานระหว่างตรวจ" in given_up
    assert "3. OSError: disk full" in given_up
    assert tasks.Attempts(client, "oit-t-2").begin() == 1  # counted per task


@pytest.mark.slow  # waits for a turn to lapse
def test_one_host_is_crawled_by_one_worker_at_a_time_and_a_dead_workers_turn_lapses(client):  # noqa: ANN001
    with tasks.host_turn(client, "127.0.0.1:8001", ttl=1.2) as mine:
        assert mine
        time.sleep(2.0)  # longer than the lock lives: the holder keeps extending it
        with tasks.host_turn(client, "127.0.0.1:8001") as other:
            assert not other
        with tasks.host_turn(client, "127.0.0.1:8002") as another_host:
            assert another_host
    with tasks.host_turn(client, "127.0.0.1:8001") as after:
        assert after  # released at the end
    # a worker killed while holding the turn never releases it: it lapses with its expiry
    client.lock("oit:host:127.0.0.1:8003", timeout=1, thread_local=False).acquire()
    with tasks.host_turn(client, "127.0.0.1:8003") as held:
        assert not held
    time.sleep(1.2)
    with tasks.host_turn(client, "127.0.0.1:8003") as lapsed:
        assert lapsed


def test_status_of_an_empty_queue_and_the_cli_errors(broker, client, tmp_path):  # noqa: ANN001
    shown = run_oit_here("batch", "--status", "--broker", broker, "--db", str(tmp_path / "none.db"), "--json")
    assert shown.returncode == 0, shown.stderr
    info = json.loads(shown.stdout)
    assert info["waiting"] == 0 and info["unacknowledged"] == 0 and info["batch"] is None
    text = run_oit_here("batch", "--status", "--broker", broker, "--db", str(tmp_path / "none.db"))
    assert "ไม่มีผู้ตรวจออนไลน์ (no worker online)" in text.stdout
    bad = run_oit_here("worker", "--broker", "http://127.0.0.1:1/")
    assert bad.returncode == 2 and "a Redis URL" in bad.stderr and "Traceback" not in bad.stderr
    alone = run_oit_here("batch", "--status")
    assert alone.returncode == 2 and "--status needs --broker" in alone.stderr
    stray = run_oit_here("batch", "--json", "--broker", broker)
    assert stray.returncode == 2 and "--json goes with --status" in stray.stderr
    # waiting for a busy host's turn is never counted as a failure, however long it lasts
    assert tasks.check_unit.max_retries is None
    register = tmp_path / "units.csv"
    register.write_text("code,name,url,type,province,parent\n1,อบต.หนึ่ง,http://127.0.0.1:9/,lao,ตาก,อำเภอเมือง\n",
                        encoding="utf-8")  # fmt: skip
    down = run_oit_here("batch", str(register), "--db", str(tmp_path / "b.db"), "--broker", "redis://127.0.0.1:1/0")
    assert down.returncode == 1 and "cannot reach the broker redis://127.0.0.1:1/0" in down.stderr
    assert "Traceback" not in down.stderr


# --- slow: workers in their own processes ---------------------------------------------------------------------------


def start_worker(broker: str, name: str, log: Path, concurrency: int = 2) -> subprocess.Popen:
    args = [sys.executable, "-m", "oit.cli", "worker", "--broker", broker, "--concurrency", str(concurrency),
            "--name", name, "--visibility-timeout", "45", "--restore-every", "1", "--loglevel", "INFO"]  # fmt: skip
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.Popen(args, cwd=REPO, env=env, stdout=log.open("w"), stderr=subprocess.STDOUT,
                            start_new_session=True)  # fmt: skip


def stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)


def children(pid: int) -> set[int]:
    """The processes whose parent is ``pid``."""
    out = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            out.add(int(stat.parent.name))
    return out


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def verdicts(db_path: Path) -> dict[str, tuple[float, dict[str, str]]]:
    """Each unit's score and item statuses in its newest evaluation."""
    db = store.open_db(db_path, read_only=True)
    out = {}
    sql = "select u.code, max(e.id) as id from evaluations e join units u on u.id = e.unit_id group by u.code"
    for row in db.query(sql):
        ev = store.get_evaluation(db, row["id"])
        rows = db.query("select code, status from results where evaluation_id = ?", [ev["id"]])
        statuses = {r["code"]: r["status"] for r in rows}
        out[row["code"]] = (json.loads(ev["score"])["oit"], statuses)
    return out


@pytest.mark.slow
def test_two_workers_one_killed_midway_every_unit_once_same_verdicts_as_one_process(fleet, broker, client, tmp_path):  # noqa: ANN001, F811
    instead = {fleet[0].code: fleet[1].site_dir}  # the fleet's down unit gets a site: 20 units to check
    logs = tmp_path / "logs"
    logs.mkdir()
    with serve_fleet(fleet, instead=instead):
        register = write_register(tmp_path / "units.csv", fleet)
        workers = {n: start_worker(broker, n, logs / f"{n}.log") for n in ("wa", "wb")}
        try:
            db_path, out = tmp_path / "oit.db", tmp_path / "out"
            args = ["batch", str(register), "--broker", broker, "--db", str(db_path), "--out", str(out), *CRAWL]
            env = {**os.environ, "PYTHONPATH": str(REPO)}
            coordinator = subprocess.Popen([sys.executable, "-m", "oit.cli", *args], cwd=REPO, env=env,
                                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)  # fmt: skip
            timer = threading.Timer(900, coordinator.kill)
            timer.start()
            judged, killed, orphans, local = 0, False, set(), None
            for line in coordinator.stderr:
                judged += "คะแนน" in line
                crawling = children(workers["wa"].pid)
                if not killed and judged >= 3 and crawling:  # wa is checking units: kill it, not its crawls
                    os.kill(workers["wa"].pid, signal.SIGKILL)
                    killed, orphans = True, crawling
                    # the same units in one process, for their verdicts, while wa's units wait to be delivered again
                    local_args = ["batch", str(register), "--db", str(tmp_path / "local.db"), "--out",
                                  str(tmp_path / "local"), "--concurrency", "2", *CRAWL]  # fmt: skip
                    local = subprocess.Popen([sys.executable, "-m", "oit.cli", *local_args], cwd=REPO, env=env,
                                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)  # fmt: skip
            coordinator.wait(timeout=60)
            timer.cancel()
            stdout = coordinator.stdout.read()
            assert killed, "worker wa was never seen crawling"
            assert coordinator.returncode == 0, (logs / "wb.log").read_text()[-3000:]
            # the killed worker's crawl processes ended with it
            deadline = time.monotonic() + 20
            while any(alive(p) for p in orphans) and time.monotonic() < deadline:
                time.sleep(0.2)
            assert not any(alive(p) for p in orphans)
            status = run_oit_here("batch", "--status", "--broker", broker, "--db", str(db_path), "--json")
        finally:
            for proc in workers.values():
                stop(proc)
        assert "20 checked, 0 crawl problems" in stdout
        # every unit: one run of the batch, exactly one evaluation, one report
        db = store.open_db(db_path, read_only=True)
        per_unit = list(db.query(
            "select u.code, count(distinct r.id) as runs, count(e.id) as evaluations from units u "
            "join runs r on r.unit_id = u.id left join evaluations e on e.run_id = r.id group by u.code"))  # fmt: skip
        assert len(per_unit) == 20 and all(r["runs"] == 1 and r["evaluations"] == 1 for r in per_unit), per_unit
        assert {r["state"] for r in db.query("select state from batch_units")} == {"done"}
        for unit in fleet:
            assert (out / "units" / unit.code / "oit-report.html").exists()
        assert len(json.loads((out / "rollup.json").read_text(encoding="utf-8"))["ranked"]) == 20
        # the killed worker's units were delivered again (their second attempt says why the first ended)
        again = [k for k in client.keys("oit:attempts:*") if int(client.get(k)) >= 2]
        assert again
        reasons = client.lrange(again[0].decode().replace("attempts", "errors"), 0, -1)
        assert b"the worker stopped while checking it" in reasons[0]
        # the status: wb online, wa offline; each unit counted done once, by the worker whose result was taken
        info = json.loads(status.stdout)
        assert info["workers"]["celery@wb"]["online"] and not info["workers"].get("celery@wa", {}).get("online")
        assert sum(w["done"] for w in info["workers"].values()) == 20 and info["waiting"] == 0
        assert info["batch"]["units"] == {"done": 20}
        # the same units in one process: the same verdicts
        assert local is not None
        _, local_err = local.communicate(timeout=600)
        assert local.returncode == 0, local_err[-2000:]
    assert verdicts(db_path) == verdicts(tmp_path / "local.db")


@pytest.mark.slow
def test_a_unit_failing_on_every_worker_becomes_a_crawl_problem_after_three_tries(fleet, broker, client, tmp_path):  # noqa: ANN001, F811
    # a catalog of the user's that extends a file beside it: the coordinator reads it, a worker gets only the file
    (tmp_path / "base.yaml").write_text("extends: nacc-2568\nid: base-2568\nfiscal_year: 2568\n", encoding="utf-8")
    child = tmp_path / "child.yaml"
    child.write_text("extends: base.yaml\nid: child-2568\nfiscal_year: 2568\n", encoding="utf-8")
    register = tmp_path / "units.csv"
    register.write_text(f"code,name,url,type,province,parent,year,catalog\n9001,อบต.ทดสอบ,{fleet[1].url},lao,ตาก,อำเภอเมือง,2568,{child}\n",
                        encoding="utf-8")  # fmt: skip
    worker = start_worker(broker, "wc", tmp_path / "wc.log", concurrency=1)
    try:
        with serve_fleet(fleet[1:2]):
            result = run_oit_here("batch", str(register), "--broker", broker, "--db", str(tmp_path / "oit.db"),
                                  "--out", str(tmp_path / "out"), *CRAWL)  # fmt: skip
    finally:
        stop(worker)
    assert result.returncode == 0, result.stderr
    assert "0 checked, 1 crawl problems" in result.stdout
    db = store.open_db(tmp_path / "oit.db", read_only=True)
    run = next(iter(db.query("select * from runs")))
    assert run["problem_kind"] == "failed" and "failed 3 times" in run["problem"]
    assert run["problem"].count("CatalogError: catalog not found: base.yaml") == 3
    assert not list(db.query("select id from evaluations"))


def test_a_task_that_ends_without_a_result_is_its_units_problem(broker, client, tmp_path):  # noqa: ANN001
    """No worker here: the task is queued, then Celery records it as failed (as when Redis failed in the middle of a
    task, or it was revoked): the coordinator does not wait for it for ever."""
    from oit.batch import BatchOptions, run_batch

    register = tmp_path / "units.csv"
    register.write_text("code,name,url,type,province,parent\n77,อบต.เจ็ดเจ็ด,http://127.0.0.1:9/,lao,ตาก,อำเภอเมือง\n",
                        encoding="utf-8")  # fmt: skip

    def fail_the_task() -> None:
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            for key in client.keys("oit:sent:*"):
                for task_id in client.smembers(key):
                    tasks.app.backend.store_result(task_id.decode(), RuntimeError("Redis went away"), "FAILURE")
                    return
            time.sleep(0.05)

    helper = threading.Thread(target=fail_the_task)
    helper.start()
    result = run_batch(register, tmp_path / "oit.db", tmp_path / "out", BatchOptions(broker=broker, alerts=None))
    helper.join()
    client.flushdb()  # the queued task: no worker will take it
    [row] = result.rows
    assert row.problem == "ตรวจไม่สำเร็จ (the task ended without a result: RuntimeError: Redis went away)"
    assert result.left == 0
