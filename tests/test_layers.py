"""The packages form layers that only point down (pyproject.toml ``[tool.importlinter]``, docs/architecture.md).

``lint-imports`` (import-linter) builds the import graph of every module, lazy imports inside functions included,
and fails on any import from a lower layer to a higher one or between the siblings ``checklist`` and ``crawler``;
so no two packages can import each other, directly or through a third.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def lint_imports() -> subprocess.CompletedProcess:
    exe = shutil.which("lint-imports") or str(Path(sys.executable).with_name("lint-imports"))
    if not Path(exe).exists():
        pytest.skip("import-linter is not installed (pip install -e '.[dev]')")
    return subprocess.run([exe, "--no-cache"], cwd=ROOT, capture_output=True, text=True, timeout=120)


def test_every_package_imports_only_the_layers_below_it():
    result = lint_imports()
    assert result.returncode == 0, result.stdout + result.stderr
    assert "1 kept, 0 broken" in result.stdout


def test_the_contract_names_every_product_package():
    """A new top-level package must be placed in a layer, or the contract would not see it."""
    import tomllib

    config = tomllib.loads((ROOT / "pyproject.toml").read_text())
    layered = set(config["tool"]["importlinter"]["root_packages"])
    packages = {p.parent.name for p in ROOT.glob("*/__init__.py")} - {"tests", "benchmarks"}
    assert packages == layered


def test_the_wheel_carries_every_data_file_of_the_product_and_not_the_generator():
    """`pip install oit-selfcheck` must find its catalogs, vocabulary, template and schema (vocabulary.yaml was
    once left out), and must not carry the sample-site generator."""
    import fnmatch
    import subprocess as sp
    import tomllib

    setuptools = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]
    assert "sitegen*" in setuptools["packages"]["find"]["exclude"]
    tracked = sp.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True).stdout.split()
    if not tracked:
        pytest.skip("not a git checkout")
    product = set(setuptools["packages"]["find"]["include"]) - {"oit*"} | {"oit"}
    for path in tracked:
        top, _, rest = path.partition("/")
        if path.endswith(".py") or not rest or not any(fnmatch.fnmatch(top, p.rstrip("*")) for p in product):
            continue
        globs = setuptools["package-data"].get(top, [])
        assert any(fnmatch.fnmatch(rest, g) for g in globs), f"{path} is not in [tool.setuptools.package-data]"
