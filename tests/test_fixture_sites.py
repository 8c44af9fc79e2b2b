"""Fixture sites written from the OIT reference alone: an independent judge of the item rules.

The fast tests check the fixtures themselves (they build, their truth covers every item in order, every link
of the ITA page answers, every document's text survives into its PDF). The slow tests crawl each site with
``oit check`` and compare every item's status with ``truth.yaml`` on pass vs not-pass.
"""

from __future__ import annotations

import re
import urllib.parse
import urllib.request

import pymupdf
import pytest
from lxml import html as lxml_html

from oitbase import thai
from sitegen.serve import serve_directory
from tests.fixture_sites import EXPECTS, ITEM_COUNTS, NAMES, build_fixture_site, load_site
from tests.helpers import check_report

#: ``oit check`` options of each site: the assessed year, the catalog and the unit type.
CHECK_OPTIONS = {
    "agency-2570": ("2570", "--catalog", "nacc-2570", "--unit-type", "agency"),
    "ovec-college-2569": ("2569", "--catalog", "ovec-2569", "--unit-type", "school"),
}
#: Marks that only say the reference cannot tell: left out of the pass/not-pass comparison.
UNSURE = {"unknown", "unknown_variant"}
HREF = re.compile(r"""\bhref=["']([^"'#]+)["']""")


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> dict:
    """Each fixture site built once: name -> (root, truth)."""
    root = tmp_path_factory.mktemp("fixture-sites")
    return {name: (root / name, build_fixture_site(name, root / name)) for name in NAMES}


def squash(text: str) -> str:
    """Text as compared between an HTML source and its PDF: cleaned Thai, without spaces or hyphens."""
    return re.sub(r"[\s\-\u00ad]+", "", thai.clean(text))


@pytest.mark.parametrize("name", NAMES)
def test_truth_covers_every_item_in_order(name, built):
    root, truth = built[name]
    site, _ = load_site(name)
    assert truth["unit_name"] == site["unit"]["name"]
    assert truth["unit_type"] in ("agency", "school")
    assert truth["scheme"] in ITEM_COUNTS
    assert isinstance(truth["fiscal_year"], int) and 2560 < truth["fiscal_year"] < 2600
    codes = list(truth["items"])
    assert codes == [f"O{i}" for i in range(1, ITEM_COUNTS[truth["scheme"]] + 1)]
    for code, item in truth["items"].items():
        assert item["expect"] in EXPECTS, code
        assert item["reason"].strip(), code
    for path in [*site["pages"], *site["documents"]]:
        assert (root / path).is_file(), path


@pytest.mark.parametrize("name", NAMES)
def test_ita_page_lists_every_item_and_its_links_answer(name, built):
    root, truth = built[name]
    ita = (root / "ita" / "index.html").read_text(encoding="utf-8")
    rows = re.findall(r"<td>(O\d+)</td>", ita)
    assert rows == list(truth["items"])
    with serve_directory(root) as base_url:
        page = urllib.parse.urljoin(base_url, "ita/index.html")
        local = [urllib.parse.urljoin(page, href) for href in HREF.findall(ita)]
        local = [url for url in local if url.startswith(base_url)]
        assert len(local) >= len(rows)
        for url in local:
            with urllib.request.urlopen(url, timeout=10) as answer:
                assert answer.status == 200, url
                assert answer.read(), url


@pytest.mark.parametrize("name", NAMES)
def test_every_local_link_of_every_page_exists(name, built):
    root, _ = built[name]
    site, _ = load_site(name)
    for path in site["pages"]:
        page = "/" + path
        for href in HREF.findall((root / path).read_text(encoding="utf-8")):
            target = urllib.parse.urlsplit(urllib.parse.urljoin(page, href))
            if target.scheme or target.netloc:
                continue
            local = urllib.parse.unquote(target.path).lstrip("/") or "index.html"
            if local.endswith("/"):
                local += "index.html"
            assert (root / local).is_file(), f"{path}: {href}"


@pytest.mark.parametrize("name", NAMES)
def test_documents_keep_all_their_thai_text(name, built):
    """Every PDF extracts with all its words, in Thai (nothing cut off by the page's edge)."""
    root, _ = built[name]
    site, _ = load_site(name)
    for path, doc in site["documents"].items():
        if not path.endswith(".pdf"):
            continue
        with pymupdf.open(root / path) as pdf:
            raw = "".join(page.get_text() for page in pdf)
        assert thai.thai_ratio(thai.clean(raw)) > 0.8, path
        text = squash(raw)
        source = lxml_html.fromstring(f"<div>{doc['html']}</div>")
        lost = [part.strip() for part in source.itertext() if part.strip() and squash(part) not in text]
        assert not lost, f"{path}: {lost[:3]}"


@pytest.mark.slow
@pytest.mark.parametrize("name", NAMES)
def test_check_agrees_with_truth(name, tmp_path):
    root = tmp_path / "site"
    truth = build_fixture_site(name, root)
    year, *options = CHECK_OPTIONS[name]
    with serve_directory(root) as base_url:
        report = check_report(base_url, tmp_path, "report", *options, year=year)
    assert report["fiscal_year"] == truth["fiscal_year"]
    assert report["unit"]["unit_type"] == truth["unit_type"]
    got = {item["code"]: item for item in report["items"]}
    assert sorted(got) == sorted(truth["items"])
    wrong = []
    for code, want in truth["items"].items():
        status = got[code]["status"]
        if want["expect"] == "unknown":
            if status != "unknown":
                wrong.append(f"{code}: {status}, expected unknown ({want['reason']})")
        elif want["expect"] not in UNSURE and (status == "pass") != (want["expect"] == "pass"):
            wrong.append(f"{code}: {status}, expected {want['expect']} ({want['reason']})")
    assert not wrong, f"{name}: {len(wrong)} items disagree with truth.yaml\n" + "\n".join(wrong)
