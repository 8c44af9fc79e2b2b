"""Bad sites give a one-line message (Thai and English) and a non-zero exit, never a traceback."""

from __future__ import annotations

import pytest

from sitegen.ports import free_port
from sitegen.serve import serve_directory
from tests.helpers import check_report, run_here, run_oit_here


def _assert_clean_failure(result, *words: str) -> None:
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    lines = [ln for ln in result.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("oit: ")
    for w in words:
        assert w in lines[0], lines[0]


def test_unreachable_site(tmp_path):
    result = run_oit_here("check", f"http://127.0.0.1:{free_port()}/", "--db", str(tmp_path / "x.db"), "--quiet")
    _assert_clean_failure(result, "connection refused", "เซิร์ฟเวอร์")


def test_dns_failure(tmp_path):
    result = run_oit_here("check", "http://no-such-unit.invalid/", "--db", str(tmp_path / "x.db"), "--quiet")
    _assert_clean_failure(result, "DNS")


def test_tls_error(tmp_path):
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "index.html").write_text("<html><body>ok</body></html>", encoding="utf-8")
    with serve_directory(tmp_path / "site") as base:
        https = base.replace("http://", "https://")
        result = run_oit_here("check", https, "--db", str(tmp_path / "x.db"), "--quiet")
    _assert_clean_failure(result, "TLS")


def test_non_html_homepage(tmp_path):
    (tmp_path / "site").mkdir()
    routes = {"/": (200, {"Content-Type": "application/pdf"}, b"%PDF-1.4\n%%EOF\n")}
    with serve_directory(tmp_path / "site", routes=routes) as base:
        result = run_oit_here("check", base, "--db", str(tmp_path / "x.db"), "--quiet")
    _assert_clean_failure(result, "HTML")


def test_unknown_year_names_the_bundled_catalogs(tmp_path):
    result = run_oit_here("check", "http://127.0.0.1:9/", "--year", "2550", "--quiet")
    _assert_clean_failure(result, "2550", "--catalog")


@pytest.mark.slow
@pytest.mark.parametrize("cap", [12])
def test_capped_crawl_still_reports_and_is_marked_partial(tmp_path, cap):
    from sitegen import build_site
    from sitegen.demo import DEMO_SPEC

    build_site(DEMO_SPEC, tmp_path / "site")
    with serve_directory(tmp_path / "site") as base:
        report = check_report(base, tmp_path, "r", "--max-pages", str(cap))
    assert report["run"]["partial"] is True
    assert report["run"]["partial_reason"]
    assert report["stats"]["pages"] + report["stats"]["documents"] <= cap
    assert len(report["items"]) == 43


def test_a_unit_type_the_catalog_has_no_list_for_is_refused_before_crawling(tmp_path):
    db = str(tmp_path / "x.db")
    result = run_oit_here("check", "http://127.0.0.1:9/", "--scheme", "ovec", "--unit-type", "lao", "--db", db)
    assert result.returncode == 2
    assert "school" in result.stderr and "lao" in result.stderr  # the catalog's unit types and the one given
    unknown = run_oit_here("check", "http://127.0.0.1:9/", "--scheme", "police", "--db", db)
    assert unknown.returncode == 2 and "nacc" in unknown.stderr and "ovec" in unknown.stderr  # the schemes it has


# ───────────────────── inputs checked before any network use, one line, no traceback ─────────────────────


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["check", "http://127.0.0.1:9/", "--format", "html,bogus"], ["--format", "bogus", "html, json, md, csv"]),
        (["check", "http://127.0.0.1:9/", "--max-pages", "0"], ["--max-pages"]),
        (["check", "http://127.0.0.1:9/", "--max-depth", "-1"], ["--max-depth"]),
        (["check", "http://127.0.0.1:9/", "--time-limit", "0"], ["--time-limit"]),
        (["check"], ["URL"]),
        (["frobnicate"], ["frobnicate"]),
        (["report", "--db", "/nonexistent/oit.db"], ["--db", "/nonexistent/oit.db"]),
        (["report", "--db", "pyproject.toml", "--format", "pdf"], ["--format", "pdf"]),
        (["check", "ftp://files.example.go.th/"], ["http", "ftp://files.example.go.th/"]),
        (["check", "http://127.0.0.1:9/", "--unit-type", "martian"], ["martian"]),
        (["check", "http://127.0.0.1:9/", "--catalog", "ovec-2569", "--year", "2568"], ["2568", "ovec-2569"]),
        (["catalog", "show", "nacc-2569", "--unit-type", "martian"], ["martian"]),
        (["catalog", "show", "no-such-list"], ["no-such-list"]),
        (["catalog", "diff", "nacc-2566", "no-such-list"], ["no-such-list"]),
        (["catalog", "new", "--year", "2571", "--from", "no-such-list"], ["no-such-list"]),
        (["catalog", "import", "/nonexistent.xlsx"], ["/nonexistent.xlsx"]),
        (["extract", "/nonexistent.pdf"], ["/nonexistent.pdf"]),
        (["check", "http://127.0.0.1:9/", "--year", "2026"], ["--year", "2026", "2569"]),
        (["check", "http://127.0.0.1:9/", "--year", "๒๕๖๙ก"], ["--year", "๒๕๖๙ก"]),
        (["check", "http://127.0.0.1:9/", "--out", "pyproject.toml"], ["--out", "pyproject.toml"]),
        (["check", "http://127.0.0.1:9/", "--db", "tests"], ["--db", "tests"]),
        (["check", "http://127.0.0.1:9/", "--json", "tests"], ["--json", "tests"]),
        (["search", "--db", "tests", "แผน"], ["--db", "tests"]),
        (["search", "--db", "pyproject.toml", "แผน", "--limit", "0"], ["--limit"]),
        (["search", "--db", "/nonexistent/oit.db", "แผน"], ["--db", "/nonexistent/oit.db"]),
        (["search", "--db", "pyproject.toml"], ["QUERY"]),
        (["report", "--db", "pyproject.toml", "--run", "0"], ["--run"]),
        (["report", "--db", "pyproject.toml", "-o", "tests"], ["--output", "tests"]),
        (["runs", "--db", "tests"], ["--db", "tests"]),
        (["catalog", "new", "--year", "2027", "--from", "nacc-2570"], ["--year", "2027", "2570"]),
    ],
    ids=["format", "max-pages", "max-depth", "time-limit", "no-url", "no-command", "no-store", "report-format",
         "ftp", "unit-type", "earlier-year", "show-unit-type", "show-missing", "diff-missing", "new-missing",
         "import-missing", "extract-missing", "christian-era-year", "not-a-year", "out-is-a-file", "db-is-a-dir",
         "json-is-a-dir", "search-db-dir", "search-limit", "search-no-store", "search-no-query", "report-run-0",
         "report-output-dir", "runs-db-dir", "new-christian-era-year"],  # fmt: skip
)
def test_bad_input_is_one_line_before_any_network_use(args, words):
    # 127.0.0.1:9 refuses connections: a message about the value (not the connection) shows it was checked first
    _assert_clean_failure(run_oit_here(*args), *words)


def _run_demo(*args: str):
    import os
    import subprocess
    import sys

    from tests.helpers import REPO

    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.run([sys.executable, "-m", "sitegen", "demo", *args], capture_output=True, text=True,
                          timeout=120, env=env, cwd=REPO)  # fmt: skip


@pytest.mark.parametrize(
    ("args", "words"),
    [(["--out", "pyproject.toml"], ["--out", "pyproject.toml"]), (["--out", "/proc/oit-demo"], ["/proc/oit-demo"]),
     (["--frobnicate"], ["--frobnicate"])],
    ids=["out-is-a-file", "out-not-writable", "unknown-option"],
)  # fmt: skip
def test_the_demo_fails_in_one_line(args, words):
    from sitegen.__main__ import main

    _assert_clean_failure(run_here(main, ["demo", *args], "python -m sitegen"), *words)


def test_the_demo_command_runs_from_the_repository():
    """``scripts/demo.sh`` runs ``python -m sitegen demo``: its usage error is one line, from a new process."""
    _assert_clean_failure(_run_demo("--frobnicate"), "--frobnicate", "python -m sitegen demo")


def _store_with_a_run(tmp_path):
    from checklist.catalog import load_catalog
    from oit.check import evaluate_run
    from storage import store

    path = tmp_path / "oit.db"
    db = store.open_db(path)
    cat = load_catalog("nacc-2569")
    run = store.start_run(
        db, unit_url="http://unit.example/", unit_type="agency", fiscal_year=2569, catalog_id=cat.id,
        catalog_version=cat.version, catalog_confidence=cat.confidence, catalog_path=str(cat.id), settings={},
        warnings=[], tool_version="test",
    )  # fmt: skip
    evaluate_run(db, run, cat, 2569, "agency", "nacc-2569")
    db.conn.close()
    return path


def _schema(path):
    import sqlite3

    with sqlite3.connect(path) as conn:
        return sorted(conn.execute("select name, sql from sqlite_master").fetchall())


def test_store_errors_are_one_line(tmp_path):
    path = _store_with_a_run(tmp_path)
    _assert_clean_failure(run_oit_here("report", "--db", str(path), "--run", "999"), "999")
    junk = tmp_path / "notes.txt"
    junk.write_text("not a database\n" * 100, encoding="utf-8")
    for command in (["runs"], ["report"], ["search", "แผน"]):
        _assert_clean_failure(run_oit_here(command[0], "--db", str(junk), *command[1:]), "notes.txt")


def test_reading_commands_leave_the_store_as_it_was(tmp_path):
    path = _store_with_a_run(tmp_path)
    before = _schema(path)
    for args in (["runs"], ["report", "--format", "json"], ["search", "แผน"]):
        result = run_oit_here(args[0], "--db", str(path), *args[1:])
        assert result.returncode == 0, result.stderr
    assert _schema(path) == before


def test_a_year_or_catalog_given_to_report_judges_again(tmp_path):
    """`oit report --year 2570` used to print the stored 2569 report and ignore the year."""
    import json

    path = _store_with_a_run(tmp_path)
    result = run_oit_here("report", "--db", str(path), "--year", "2570", "--format", "json")
    assert result.returncode == 0, result.stderr
    rep = json.loads(result.stdout)
    assert rep["fiscal_year"] == 2570 and rep["catalog"]["id"] == "nacc-2570"
