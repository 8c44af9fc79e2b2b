"""The score roll-up reproduces the published figures of the seed documents."""

from __future__ import annotations

import pytest

from checklist.catalog import Catalog, catalog_for_year
from oitbase.model import ItemResult
from scoring.score import compute_scores, rank_fixes, score_items


def _catalog_2565() -> Catalog:
    return catalog_for_year(2565)


def _passing(catalog: Catalog, codes: set[str]) -> dict[str, bool]:
    return {it.code: it.code in codes for it in catalog.items}


def test_seed_000_indicator_10_is_18_75():
    # Seed 000 (FY 2565): 10.1 passed 3 of 8 items, 10.2 passed 0 of 2 → (37.5 + 0) / 2.
    cat = _catalog_2565()
    sub101 = [it.code for it in cat.items if it.sub_indicator == "10.1"]
    assert len(sub101) == 8
    _, indicators, subs = compute_scores(cat, _passing(cat, set(sub101[:3])))
    assert subs["10.1"] == pytest.approx(37.5)
    assert subs["10.2"] == 0
    assert indicators["10"] == pytest.approx(18.75)


def test_seed_002_indicator_10_is_37_50():
    cat = _catalog_2565()
    sub101 = [it.code for it in cat.items if it.sub_indicator == "10.1"]
    _, indicators, _ = compute_scores(cat, _passing(cat, set(sub101[:6])))
    assert indicators["10"] == pytest.approx(37.5)


def _results(cat: Catalog, passing: set[str]) -> list[ItemResult]:
    return [
        ItemResult(
            code=it.code,
            name=it.name,
            sub_indicator=it.sub_indicator,
            status="pass" if it.code in passing else "fail",
            confidence=0.8,
        )
        for it in cat.items
    ]


def test_all_pass_scores_100_and_reaches_the_top_band():
    cat = catalog_for_year(2567)
    card = score_items(cat, _results(cat, {it.code for it in cat.items}))
    assert card.oit == 100
    assert card.band == max(cat.bands, key=lambda b: b.min).name


def test_gain_is_the_score_difference_and_fixes_rank_by_gain():
    cat = catalog_for_year(2567)
    everything = {it.code for it in cat.items}
    # O42/O43 sit in the smallest sub-indicator, so fixing one of them gains the most.
    results = _results(cat, everything - {"O1", "O43"})
    card = score_items(cat, results)
    by_code = {r.code: r for r in results}
    fixed, _, _ = compute_scores(cat, {c: c != "O1" for c in everything})
    assert by_code["O43"].gain == pytest.approx(round(fixed - card.oit, 2), abs=0.011)
    assert by_code["O43"].gain > by_code["O1"].gain > 0
    assert rank_fixes(results) == ["O43", "O1"]
    assert card.oit < 100
