"""Session fixtures: generated unit websites served on 127.0.0.1 and checked once per session."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

# The machines we run on set PYTHONDONTWRITEBYTECODE, so every run compiled every module and re-wrote every test's
# asserts again (~7 s of the quick loop's start, in each worker); the caches are in __pycache__ (git-ignored).
sys.dont_write_bytecode = False

from tests.helpers import CheckedSite, check_site  # noqa: E402 - after the bytecode switch above


@pytest.fixture(scope="session")
def demo_site(tmp_path_factory) -> CheckedSite:
    return check_site("DEMO_SPEC", tmp_path_factory)


@pytest.fixture(scope="session")
def second_site(tmp_path_factory) -> CheckedSite:
    return check_site("SECOND_SPEC", tmp_path_factory)


#: Modules whose tests crawl a served site in a subprocess, run OCR or a browser: the quick loop
#: (``pytest -m "not slow"``) leaves them to the full run, which CI does, except their tests marked ``quick``.
SLOW_MODULES = {
    "test_check_e2e", "test_crawl_many", "test_crawler_crawl", "test_crawler_render", "test_extract_ocr",
    "test_extract_realdocs", "test_interrupt", "test_pipeline_ocr", "test_sitegen_layouts", "test_sitegen_patterns",
    "test_skipped_links", "test_batch",
}  # fmt: skip


def pytest_collection_modifyitems(config, items):
    for item in items:
        if item.module.__name__.rsplit(".", 1)[-1] in SLOW_MODULES and not item.get_closest_marker("quick"):
            item.add_marker(pytest.mark.slow)


@pytest.fixture(scope="session")
def shots(tmp_path_factory) -> Path:
    """Where the browser tests put their screenshots: ``$OIT_SCREENSHOTS``, else a temporary directory."""
    where = Path(os.environ.get("OIT_SCREENSHOTS") or tmp_path_factory.mktemp("screenshots"))
    where.mkdir(parents=True, exist_ok=True)
    return where
