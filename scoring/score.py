"""Predict the OIT score from item verdicts.

The roll-up reproduces the published indicator-10 figures of the seed documents
(``reference/oit-items.md``, medium confidence): each item is มี/ไม่มี (1/0); a sub-indicator
scores the share of its items that pass (×100); an indicator is the mean of its
sub-indicators; OIT is the weighted mean of the indicators with weights from the catalog.
Items the catalog marks ``unknown`` cannot be judged and are left out of the denominators.
"""

from __future__ import annotations

from collections.abc import Iterable

from checklist.catalog import Catalog
from oitbase.model import ItemResult, ScoreCard


def _round(x: float) -> float:
    return round(x + 1e-9, 2)


def compute_scores(catalog: Catalog, passed: dict[str, bool]) -> tuple[float, dict[str, float], dict[str, float]]:
    """(oit, indicators, sub_indicators) for item code → passed."""
    judged = {it.code: it.sub_indicator for it in catalog.items if not it.unknown}
    subs: dict[str, float] = {}
    for sub in catalog.sub_indicators:
        codes = [c for c, s in judged.items() if s == sub.code]
        if codes:
            subs[sub.code] = 100.0 * sum(passed.get(c, False) for c in codes) / len(codes)
    indicators: dict[str, float] = {}
    for ind in catalog.indicators:
        values = [v for code, v in subs.items() if _indicator_of(catalog, code) == ind.code]
        if values:
            indicators[ind.code] = sum(values) / len(values)
    weights = {ind.code: ind.weight for ind in catalog.indicators if ind.code in indicators}
    total_w = sum(weights.values())
    oit = sum(indicators[c] * w for c, w in weights.items()) / total_w if total_w else 0.0
    return oit, indicators, subs


def _indicator_of(catalog: Catalog, sub_code: str) -> str:
    for sub in catalog.sub_indicators:
        if sub.code == sub_code:
            return sub.indicator
    raise KeyError(sub_code)


def band_for(catalog: Catalog, score: float) -> str:
    reached = [b for b in catalog.bands if b.min <= score + 1e-9]
    return max(reached, key=lambda b: b.min).name if reached else catalog.bands[-1].name


def score_items(catalog: Catalog, items: Iterable[ItemResult]) -> ScoreCard:
    """Score a run and fill each failing item's ``gain`` (OIT points if it passed)."""
    items = list(items)
    passed = {it.code: it.passed for it in items}
    oit, indicators, subs = compute_scores(catalog, passed)
    unknown = {it.code for it in catalog.items if it.unknown}
    for it in items:
        if it.passed or it.code in unknown:
            it.gain = 0.0
            continue
        gained, _, _ = compute_scores(catalog, {**passed, it.code: True})
        it.gain = _round(gained - oit)
    return ScoreCard(
        oit=_round(oit),
        indicators={k: _round(v) for k, v in indicators.items()},
        sub_indicators={k: _round(v) for k, v in subs.items()},
        band=band_for(catalog, _round(oit)),
        band_note=catalog.band_note,
    )


def rank_fixes(items: Iterable[ItemResult]) -> list[str]:
    """Codes of the items that do not pass, largest score gain first (then catalog order)."""
    failing = [it for it in items if not it.passed]
    return [it.code for it in sorted(failing, key=lambda i: (-i.gain, int(i.code[1:])))]
