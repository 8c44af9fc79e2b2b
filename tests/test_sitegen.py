"""Generated test sites: ground truth, reachability, serving, determinism."""

from __future__ import annotations

import concurrent.futures
import json
import re
import time
import urllib.request
from collections import deque
from pathlib import Path

import httpx
import pytest

from sitegen import ITEM_CODES, build_site
from sitegen.demo import DEMO_SPEC, SECOND_SPEC
from sitegen.layouts import url_to_file
from sitegen.serve import Pace, serve_directory

_COMMENT = re.compile(r"<!--.*?-->", re.S)
_LINK = re.compile(r"""(?:href|src)\s*=\s*['"]([^'"]+)['"]""", re.I)


@pytest.fixture(scope="module", params=["demo", "second"])
def site(request, tmp_path_factory) -> tuple[Path, dict]:
    spec = DEMO_SPEC if request.param == "demo" else SECOND_SPEC
    dest = tmp_path_factory.mktemp(request.param)
    return dest, build_site(spec, dest)


def crawl(root: Path) -> tuple[set[str], set[str]]:
    """BFS over on-site links from the homepage, ignoring HTML comments: (local URLs, off-site URLs)."""
    seen, offsite = {"/"}, set()
    queue = deque(["/"])
    while queue:
        url = queue.popleft()
        file = root / url_to_file(url)
        if file.suffix != ".html" or not file.is_file():
            continue
        html = _COMMENT.sub("", file.read_text(encoding="utf-8"))
        for link in _LINK.findall(html):
            if link.startswith(("http://", "https://")):
                offsite.add(link)
                continue
            if link.startswith("#") or not link.startswith("/"):
                continue
            link = link.split("#")[0]
            if link not in seen:
                seen.add(link)
                queue.append(link)
    return seen, offsite


def test_truth_lists_all_items(site):
    root, truth = site
    assert json.loads((root / "truth.json").read_text(encoding="utf-8")) == truth
    assert list(truth["items"]) == list(ITEM_CODES)
    for code, item in truth["items"].items():
        assert item["expect"] in ("pass", "fail"), code
        assert item["reason"], code
        assert (item["expect"] == "pass") == (item["state"] == "ok" or (
            item["state"] == "offsite_only" and code in ("O9", "O18"))), code


def test_defect_mix(site):
    _, truth = site
    fails = [c for c, i in truth["items"].items() if i["expect"] == "fail"]
    assert 6 <= len(fails) <= 12
    assert len({truth["items"][c]["state"] for c in fails}) >= 5


def test_pass_evidence_reachable(site):
    root, truth = site
    local, offsite = crawl(root)
    for code, item in truth["items"].items():
        if item["expect"] != "pass":
            continue
        url = item["url"]
        assert url, code
        if item["offsite"]:
            assert url in offsite, code
        else:
            assert (root / url_to_file(url)).is_file(), code
            assert url in local, code


def test_missing_items_have_no_evidence(site):
    root, truth = site
    for code, item in truth["items"].items():
        if item["state"] == "missing":
            assert item["url"] is None and "documents" not in item, code
    for item in truth["items"].values():
        if item["state"] == "placeholder":
            page = item["url"]
            assert page == "#" or "อยู่ระหว่างปรับปรุงข้อมูล" in (root / url_to_file(page)).read_text("utf-8")


def test_comment_links_not_counted(site):
    root, truth = site
    local, _ = crawl(root)
    assert "/public/list/data/detail/id/99999/" not in local
    if truth["layout"] == "lao_cms":
        assert "/public/list/data/detail/id/99999/" in (root / "index.html").read_text("utf-8")


def test_site_size(site):
    root, truth = site
    assert truth["pages"] >= 60 and truth["documents"] >= 30
    assert len(list(root.rglob("*.pdf"))) + len(list(root.rglob("*.docx"))) == truth["documents"]
    assert list(root.rglob("*.docx"))


def test_ita_index_only_on_demo(site):
    root, truth = site
    if truth["layout"] == "lao_cms":
        html = (root / url_to_file(truth["ita_index"])).read_text("utf-8")
        assert "การประเมินคุณธรรมและความโปร่งใส (ITA) ปีงบประมาณ พ.ศ. 2567" in html
        assert all(f"<td>{code}</td>" in html for code in ITEM_CODES)
    else:
        assert truth["ita_index"] is None


def test_year_defects_in_documents(site):
    import pymupdf

    root, truth = site
    o12 = truth["items"]["O12"]
    text = pymupdf.open(root / url_to_file(o12["url"]))[0].get_text()
    fy = truth["fiscal_year"]
    if o12["state"] == "ok":
        assert re.search(r"ต\.ค\. (\d\d|[๐-๙]{2}) – มี\.ค\. (\d\d|[๐-๙]{2})", text)
        assert "ตุลาคม" in text and "มีนาคม" in text
        yy = str(fy)[-2:]
        assert yy in text or yy.translate(str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")) in text
    else:
        assert "เมษายน" in text and "กันยายน" in text


def test_serve(site):
    root, truth = site
    pdf = next(i["url"] for i in truth["items"].values() if i["url"] and i["url"].endswith(".pdf"))
    tis = "<p>ทดสอบ</p>".encode("tis-620")
    routes = {"/tis620.html?x=1": (200, {"Content-Type": "text/html; charset=tis-620"}, tis)}
    with serve_directory(root, routes=routes) as base:
        assert re.fullmatch(r"http://127\.0\.0\.1:\d+/", base)
        with urllib.request.urlopen(base) as resp:
            assert resp.status == 200 and resp.headers["Content-Type"] == "text/html; charset=utf-8"
            assert "<html" in resp.read().decode("utf-8")
        with urllib.request.urlopen(base + pdf.lstrip("/")) as resp:
            assert resp.headers["Content-Type"] == "application/pdf"
            assert resp.read(5) == b"%PDF-"
        with urllib.request.urlopen(base + "tis620.html?x=1") as resp:
            assert resp.read() == tis
        with pytest.raises(urllib.error.HTTPError) as err:
            urllib.request.urlopen(base + "no/such/page.html")
        assert err.value.code == 404


def test_callable_route_and_redirect(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "index.html").write_text("<p>sub</p>", encoding="utf-8")

    def moved(handler) -> None:
        handler.send_response(302)
        handler.send_header("Location", "/sub/")
        handler.send_header("Content-Length", "0")
        handler.end_headers()

    with serve_directory(tmp_path, routes={"/old": moved}) as base:
        with urllib.request.urlopen(base + "old") as resp:
            assert resp.url.endswith("/sub/") and resp.read() == b"<p>sub</p>"
        with urllib.request.urlopen(base + "sub") as resp:
            assert resp.read() == b"<p>sub</p>"


@pytest.mark.slow  # builds the demo site twice
def test_deterministic(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    ta, tb = build_site(DEMO_SPEC, a), build_site(DEMO_SPEC, b)
    assert ta == tb
    files_a = sorted(p.relative_to(a) for p in a.rglob("*") if p.is_file())
    assert files_a == sorted(p.relative_to(b) for p in b.rglob("*") if p.is_file())
    for rel in files_a:
        if rel.suffix in (".html", ".json", ".png", ".pdf"):
            assert (a / rel).read_bytes() == (b / rel).read_bytes(), rel


def test_bad_state_rejected():
    from sitegen import plan

    with pytest.raises(ValueError):
        plan("O1", "no_map")


def test_a_paced_server_answers_late_and_at_most_its_rate(tmp_path):  # noqa: ANN001
    """The slow unit server of the throughput benchmarks: 200 ms a response, at most 10 responses a second here."""
    (tmp_path / "index.html").write_text("<html><body>หน้าแรก</body></html>", encoding="utf-8")
    with serve_directory(tmp_path, pace=Pace(latency=0.2, per_second=10)) as base:
        started = time.monotonic()
        with concurrent.futures.ThreadPoolExecutor(6) as pool:
            answers = list(pool.map(lambda _: httpx.get(base, timeout=10).status_code, range(6)))
        took = time.monotonic() - started
    assert answers == [200] * 6
    assert took >= 0.2 + 5 / 10 - 0.05  # the sixth waits for five turns of 0.1 s, then the latency
