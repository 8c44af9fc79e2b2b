"""Helpers shared by the tests: ../shared paths, the oit CLI in a subprocess, checked sites."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"


def shared_path(*parts: str) -> Path:
    """A file under ../shared, or skip the test cleanly when it is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is not available")
    return path


def run_oit(*args: str, timeout: int = 600) -> subprocess.CompletedProcess:
    """Run the ``oit`` CLI as a user would (a new process: Scrapy's reactor runs once per process)."""
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.run(
        [sys.executable, "-m", "oit.cli", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=env,
        cwd=REPO,
    )


def run_oit_here(*args: str) -> subprocess.CompletedProcess:
    """``oit ARGS`` in this process, for commands that do not crawl (a usage error, the store, the catalogs): what
    :func:`run_oit` gives, in a hundredth of the time."""
    from oit.cli import main

    return run_here(main, args, "oit")


def run_here(command, args, prog_name: str) -> subprocess.CompletedProcess:  # noqa: ANN001 - a click command
    """The click ``command`` run in this process from the repository, as ``prog_name ARGS``. An exception that
    escapes the command is in ``stderr`` as the traceback a user would see."""
    import contextlib
    import traceback

    from click.testing import CliRunner

    with contextlib.chdir(REPO):
        result = CliRunner().invoke(command, list(args), prog_name=prog_name)
    stderr = result.stderr
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        stderr += "Traceback (most recent call last):\n" + "".join(traceback.format_exception(result.exception))
    return subprocess.CompletedProcess([prog_name, *args], result.exit_code, result.stdout, stderr)


def check_report(base_url: str, work: Path, name: str, *extra: str, year: str = "2567") -> dict:
    """``oit check`` of ``base_url`` into ``work`` (store ``work/x.db``); returns the JSON report ``name``."""
    result = run_oit(
        "check", base_url, "--year", year, "--db", str(work / "x.db"), "--out", str(work / name),
        "--json", str(work / f"{name}.json"), "--quiet", *extra,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads((work / f"{name}.json").read_text(encoding="utf-8"))


class CheckedSite:
    """A generated site, its ground truth, and the report of an ``oit check`` on it."""

    def __init__(self, root: Path, truth: dict, base_url: str, result: subprocess.CompletedProcess, out: Path):
        self.root = root
        self.truth = truth
        self.base_url = base_url
        self.result = result
        self.out = out
        self.db = out / "oit.db"
        self.report = json.loads((out / "report.json").read_text(encoding="utf-8"))
        self.items = {it["code"]: it for it in self.report["items"]}


def check_site(spec_name: str, tmp_path_factory) -> CheckedSite:
    import sitegen
    from sitegen import demo as demo_specs
    from sitegen.serve import serve_directory

    spec = getattr(demo_specs, spec_name)
    root = tmp_path_factory.mktemp(spec_name.lower())
    truth = sitegen.build_site(spec, root / "site")
    out = root / "out"
    with serve_directory(root / "site") as base_url:
        result = run_oit(
            "check",
            base_url,
            "--year",
            str(truth["fiscal_year"]),
            "--db",
            str(out / "oit.db"),
            "--out",
            str(out / "report"),
            "--json",
            str(out / "report.json"),
            "--quiet",
        )
    assert result.returncode == 0, result.stderr[-3000:]
    return CheckedSite(root / "site", truth, base_url, result, out)
