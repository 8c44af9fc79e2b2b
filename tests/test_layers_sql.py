"""All SQL is behind the store's API: no product package but ``storage`` touches SQLite, its tables or SQL text."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
PACKAGES = ("oitbase", "crawler", "checklist", "scoring", "reports", "oit")
SQL_MODULES = {"sqlite3", "sqlite_utils", "apsw", "sqlalchemy"}
#: Methods of sqlite3 connections/cursors and sqlite-utils databases/tables that run SQL or change a schema.
SQL_METHODS = {
    "execute", "executemany", "executescript", "query", "table_names", "add_column", "create_index",
    "create_view", "create_table", "enable_fts", "insert_all", "upsert", "upsert_all", "columns_dict",
}  # fmt: skip
SQL_TEXT = re.compile(
    r"\b(select\s.+\sfrom\s|insert\s+(or\s+\w+\s+)?into\s|delete\s+from\s|update\s+\w+\s+set\s"
    r"|(create|drop|alter)\s+(virtual\s+)?(table|index|view|trigger)\b|pragma\s+\w+)",
    re.IGNORECASE | re.DOTALL,
)


def looks_like_db(node: ast.expr) -> bool:
    """``db``, ``self.db``, ``conn``, ``store_db`` …: a name that holds a database."""
    name = node.id if isinstance(node, ast.Name) else node.attr if isinstance(node, ast.Attribute) else ""
    return bool(re.fullmatch(r"(\w+_)?(db|conn|connection|cursor|database)", name))


def sql_uses(source: str) -> list[tuple[int, str]]:
    """(line, what) of each SQLite use in ``source``."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [(node.lineno, f"import {a.name}") for a in node.names if a.name.split(".")[0] in SQL_MODULES]
        elif isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] in SQL_MODULES:
            found.append((node.lineno, f"from {node.module} import"))
        elif isinstance(node, ast.Attribute) and node.attr in SQL_METHODS and looks_like_db(node.value):
            found.append((node.lineno, f".{node.attr}"))
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in SQL_METHODS:
            if node.func.attr in {"execute", "executemany", "executescript", "query"} and node.args:
                first = node.args[0]
                if not isinstance(first, ast.Constant) or SQL_TEXT.search(str(first.value)):
                    found.append((node.lineno, f".{node.func.attr}(…)"))
        elif isinstance(node, ast.Subscript) and looks_like_db(node.value):
            found.append((node.lineno, "db[…]"))
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and SQL_TEXT.search(node.value):
            found.append((node.lineno, f"SQL text {node.value[:40]!r}"))
    return sorted(set(found))


def product_files() -> list[Path]:
    return sorted(p for pkg in PACKAGES for p in (REPO / pkg).rglob("*.py"))


def test_no_sql_outside_storage():
    offenders = [
        f"{path.relative_to(REPO)}:{line}: {what}"
        for path in product_files()
        for line, what in sql_uses(path.read_text(encoding="utf-8"))
    ]
    assert not offenders, "SQL outside storage/ (add a function to storage.store instead):\n" + "\n".join(offenders)


def test_the_scan_covers_the_packages():
    files = {str(p.relative_to(REPO)) for p in product_files()}
    assert {"checklist/sitedata.py", "crawler/pipelines.py", "crawler/resume.py", "oit/check.py"} <= files


@pytest.mark.parametrize(
    "source",
    [
        "import sqlite3\n",
        "import sqlite_utils.db\n",
        "from sqlite_utils.db import NotFoundError\n",
        "def f(db):\n    return db.execute('select 1 from runs')\n",
        "def f(self):\n    return list(self.db.query(sql, [1]))\n",
        "def f(db):\n    return db['runs'].get(1)\n",
        "def f(db):\n    db['resources'].add_column('x', int)\n",
        "def f(conn):\n    conn.executescript(script)\n",
        "def f(db):\n    return 'offsite' in db['resources'].columns_dict\n",
        "SQL = 'select url, depth from resources where run_id = ?'\n",
        "SQL = '''\n  insert or replace into results (run_id) values (?)\n'''\n",
        "SQL = 'CREATE INDEX idx ON links (run_id)'\n",
        "def f(db):\n    db.conn.execute('PRAGMA user_version = 3')\n",
    ],
)
def test_the_scan_finds_sql(source):
    assert sql_uses(source), source


@pytest.mark.parametrize(
    "source",
    [
        "from storage import store\n\ndef f(db):\n    return store.get_run(db, 1)\n",
        "TEXT = 'เลือก (select) จากรายการ'\n",
        "def f(parts):\n    return parts.query\n",
        "def f(d):\n    return d['key']\n",
        "def f(loop, job):\n    return loop.run_in_executor(None, job)\n",
    ],
)
def test_the_scan_leaves_other_code_alone(source):
    assert not sql_uses(source), source
