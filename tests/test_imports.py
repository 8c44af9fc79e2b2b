"""Imports go down the layers (#12): the crawler and the checklist do not import each other, and the base layer
(``oitbase``) imports none of the packages above it."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
#: package → the packages it must not import.
FORBIDDEN = {
    "oitbase": {"storage", "crawler", "checklist", "scoring", "reports", "oit"},
    "crawler": {"checklist", "scoring", "reports", "oit"},
    "checklist": {"crawler", "scoring", "reports", "oit"},
}


def _imported(path: Path) -> set[str]:
    tree = ast.parse(path.read_text("utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.add(node.module.split(".")[0])
    return names


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_package_imports_only_lower_layers(package):
    wrong = {
        f"{path.relative_to(ROOT)} imports {name}"
        for path in sorted((ROOT / package).rglob("*.py"))
        for name in _imported(path) & FORBIDDEN[package]
    }
    assert not wrong, sorted(wrong)
