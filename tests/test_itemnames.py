"""The one item-name matcher (``oitbase.itemnames``): the crawl's focus and progress line use it."""

from __future__ import annotations

from oitbase.itemnames import ItemNames


def test_item_names_from_pairs_or_a_mapping():
    pairs = [("O1", ["โครงสร้าง"]), ("O2", ["ข้อมูลผู้บริหาร", "ผู้บริหาร"]), ("O3", [""])]
    for names in (pairs, dict(pairs)):
        matcher = ItemNames(names)
        assert matcher.total == 3
        assert matcher.codes_named("โครงสร้างองค์กร") == {"O1"}
        assert matcher.codes_named("ผู้บริหาร อบต.") == {"O2"}
        assert matcher.codes_named("ข่าวประชาสัมพันธ์") == set()  # an empty term names nothing


def test_item_names_match_folded_thai_and_remember_texts():
    matcher = ItemNames({"O10": ["แผนการดำเนินงานประจำปี"]})
    text = "แผนการดำเนินงาน\u200bประจำปี 2568"  # a zero-width space: matched folded, as the engine matches
    assert matcher.codes_named(text) == {"O10"}
    assert matcher.codes_named(text) is matcher.codes_named(text)  # menus repeat: read once


def test_item_names_from_the_crawl_setting():
    assert ItemNames.from_setting(None) is None
    assert ItemNames.from_setting({}) is None
    assert ItemNames.from_setting("") is None
    matcher = ItemNames.from_setting('{"O1": ["โครงสร้าง"]}')
    assert matcher is not None and matcher.codes_named("โครงสร้าง") == {"O1"}
