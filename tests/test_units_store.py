"""A unit keeps its identity across address changes: by its code, and by any address it was known by."""

from __future__ import annotations

import pytest

from oitbase.units import Unit, url_key
from storage import store
from storage import units as store_units


def test_url_key_ignores_what_does_not_change_the_site():
    same = ["https://www.abc.go.th/", "http://abc.go.th", "abc.go.th/index.php", "HTTP://WWW.ABC.GO.TH:80/home.html"]
    assert {url_key(u) for u in same} == {"abc.go.th"}
    assert url_key("https://sites.google.com/view/school-a/") != url_key("https://sites.google.com/view/school-b/")
    assert url_key("http://127.0.0.1:8001/") != url_key("http://127.0.0.1:8002/")


def test_a_new_address_keeps_the_unit_and_is_recorded(tmp_path):
    db = store.open_db(tmp_path / "s.db")
    unit = Unit(code="6340101", name="อบต.ก", url="http://abc.go.th/")
    uid, change, _ = store_units.save_unit(db, unit)
    assert change == "added"
    assert store_units.save_unit(db, unit) == (uid, "unchanged", "")
    moved = unit.model_copy(update={"url": "https://www.abc-new.go.th/"})
    assert store_units.save_unit(db, moved) == (uid, "url_changed", "http://abc.go.th/")
    assert [a["url"] for a in store_units.unit_addresses(db, uid)] == ["http://abc.go.th/", "https://www.abc-new.go.th/"]
    # found by its code or by any address it had, whatever the scheme or www
    for ref in ("6340101", "https://abc.go.th", "abc-new.go.th", "http://www.abc-new.go.th/index.php"):
        assert store_units.find_unit(db, ref)["id"] == uid
    assert store_units.unit_for_url(db, "https://abc-new.go.th/") == uid
    with pytest.raises(LookupError, match="no unit"):
        store_units.find_unit(db, "xyz.go.th")


def test_a_checked_site_is_one_unit_and_a_register_row_adopts_it(tmp_path):
    db = store.open_db(tmp_path / "s.db")
    checked = store_units.unit_for_url(db, "http://www.def.go.th/", "https://def.go.th/th/")  # it redirected
    assert store_units.unit_for_url(db, "https://def.go.th/th/") == checked
    uid, change, _ = store_units.save_unit(db, Unit(code="6340102", url="https://def.go.th/"))
    assert uid == checked and change == "updated" and store_units.find_unit(db, "6340102")["id"] == checked
    other, change, _ = store_units.save_unit(db, Unit(code="6340103", url="https://def.go.th/"))
    assert other != checked and change == "added"  # a unit with a code is never taken over by another code
