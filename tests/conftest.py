"""Session fixtures: generated unit websites served on 127.0.0.1 and checked once per session."""

from __future__ import annotations

import pytest

from tests.helpers import CheckedSite, check_site


@pytest.fixture(scope="session")
def demo_site(tmp_path_factory) -> CheckedSite:
    return check_site("DEMO_SPEC", tmp_path_factory)


@pytest.fixture(scope="session")
def second_site(tmp_path_factory) -> CheckedSite:
    return check_site("SECOND_SPEC", tmp_path_factory)
