"""Deterministic generator of realistic Thai government unit websites with OIT ground truth (truth.json)."""

from .build import build_site
from .model import ITEM_CODES, ITEM_NAMES, STATE_SUPPORT, ItemPlan, SiteSpec
from .plans import make_items, plan
from .sampler import sample_spec

__all__ = [
    "ITEM_CODES", "ITEM_NAMES", "STATE_SUPPORT", "ItemPlan", "SiteSpec", "build_site", "make_items", "plan",
    "sample_spec",
]
