"""The four real seed documents (O42/O43 type) are recognised as the right item and fiscal year."""

from __future__ import annotations

import pytest

from checklist.catalog import catalog_for_year
from checklist.engine import evaluate_site
from checklist.sitedata import Link, Resource, SiteData
from oitbase.thai import clean
from oitbase.thaidates import main_fiscal_year
from tests.helpers import shared_path

SEEDS = {
    "000_08b225a418d5661d.txt": ("O42", 2566),
    "002_4be8d9e52a581b85.txt": ("O42", 2566),
    "003_77543735710d352f.txt": ("O43", 2566),
}
HOME = "http://unit.example/"


def _seed_resource(name: str, text: str) -> Resource:
    text = clean(text.replace("**", "").replace("\\*", "*"))
    title = next(line for line in text.splitlines() if line.strip())
    return Resource(url=f"{HOME}files/{name}.pdf", kind="pdf", title=title, text=text)


def _site(names: list[str]) -> SiteData:
    home = Resource(url=HOME, kind="html", title="หน้าแรก", text="หน้าแรก เอกสารเผยแพร่")
    resources = {HOME: home}
    links = []
    for i, name in enumerate(names, 1):
        res = _seed_resource(name, shared_path("seeds", name).read_text(encoding="utf-8"))
        resources[res.url] = res
        links.append(Link(HOME, res.url, f"เอกสารเผยแพร่ {i}"))
    return SiteData(home=HOME, resources=resources, links=links)


@pytest.mark.parametrize("name,expected", SEEDS.items())
def test_seed_is_recognised_as_its_item_for_fy_2566(name, expected):
    code, year = expected
    site = _site([name])
    results = {r.code: r for r in evaluate_site(catalog_for_year(year), site, year, "lao")}
    found = [
        c for c, r in results.items() if r.evidence and r.evidence[0].url.endswith(name + ".pdf") and r.status == "pass"
    ]
    assert found == [code], {c: (r.status, r.missing) for c, r in results.items() if r.evidence}


def test_o42_and_o43_pick_their_own_seed_when_all_are_published():
    site = _site(list(SEEDS))
    results = {r.code: r for r in evaluate_site(catalog_for_year(2566), site, 2566, "lao")}
    assert results["O42"].status == "pass"
    assert results["O42"].evidence[0].url.split("/")[-1].split(".")[0] in {
        "000_08b225a418d5661d",
        "002_4be8d9e52a581b85",
    }
    assert results["O43"].status == "pass"
    assert "003_77543735710d352f" in results["O43"].evidence[0].url


def test_seed_o42_is_not_accepted_for_a_later_year():
    site = _site(["000_08b225a418d5661d.txt"])
    results = {r.code: r for r in evaluate_site(catalog_for_year(2567), site, 2567, "lao")}
    assert results["O42"].status != "pass"


def test_seed_fiscal_years():
    text = shared_path("seeds", "004_7085b3674d17acd7.txt").read_text(encoding="utf-8")
    assert main_fiscal_year(clean(text)) == 2568
    text = shared_path("seeds", "003_77543735710d352f.txt").read_text(encoding="utf-8")
    assert main_fiscal_year(clean(text)) == 2566
