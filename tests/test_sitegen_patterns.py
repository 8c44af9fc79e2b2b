"""Patterns of real unit websites that broke the crawler, as the generator writes them.

Long Thai file names behind percent-encoded hrefs, ``javascript:`` mega-menus whose targets resolve
statically, and many script-built pages of which some fail when rendered (``_faults.json``, oit.serve).
"""

from __future__ import annotations

import html as _html
import http.client
import json
import re
import socket
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import deque
from pathlib import Path

import pytest

from oit.serve import serve_directory
from oit.sitegen import SiteSpec, build_site, make_items, sample_spec
from oit.sitegen.demo import DEMO_SPEC, SECOND_SPEC
from oit.sitegen.filenames import MAX_THAI, MIN_THAI, thai_letters
from oit.sitegen.jspages import FAULTS_FILE

_COMMENT = re.compile(r"<!--.*?-->", re.S)
_A = re.compile(r"<a\s([^>]*)>", re.I)
_ATTR = re.compile(r"""([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_QUOTED = re.compile(r"""(?:location(?:\.href)?\s*=|window\.open\(|openLink\()\s*'([^']+)'""")
_CALL = re.compile(r"^javascript:(\w+)\(([^)]*)\)$")
_HELPER = re.compile(r"function (\w+)\(([^)]*)\)\{\s*(?:window\.)?location(?:\.href)? = ([^;]+);\s*\}")
_MEGA = re.compile(r"<nav class='megamenu'.*?</nav>", re.S)


def _spec(seed: int, layout: str, states: dict | None = None, **kw) -> SiteSpec:
    base = sample_spec(seed)
    fields = {**base.__dict__, "layout": layout, "items": make_items(states or {}), "encoding": "utf-8",
              "js_menu": False, "js_only": (), "scan_share": 0.0, "broken_share": 0.0, "long_names": 0.0,
              "js_links": False, "js_link_only": (), "script_pages": 0, "render_faults": 0, **kw}
    return SiteSpec(**fields)


def fetch(url: str, timeout: float = 10) -> tuple[int | str, dict, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as resp:
            return resp.status, dict(resp.headers), resp.read()
    except urllib.error.HTTPError as exc:
        return exc.code, dict(exc.headers), b""
    except TimeoutError:
        return "timeout", {}, b""
    except (http.client.RemoteDisconnected, ConnectionResetError):
        return "dropped", {}, b""
    except urllib.error.URLError as exc:
        if isinstance(exc.reason, (TimeoutError, socket.timeout)):
            return "timeout", {}, b""
        raise


def pages(root: Path) -> dict[str, str]:
    return {str(p.relative_to(root)): p.read_text(encoding="utf-8") for p in root.rglob("*.html")}


def helpers(page: str) -> dict[str, tuple[list[str], str]]:
    """Inline helper functions of a page: name → (parameters, the URL expression they navigate to)."""
    return {m[1]: ([p.strip() for p in m[2].split(",")], m[3]) for m in _HELPER.finditer(page)}


def _attrs(attrs: str) -> dict[str, str]:
    return {m[1].lower(): _html.unescape(m[2] if m[2] is not None else m[3]) for m in _ATTR.finditer(attrs)}


def resolve(attrs: str, funcs: dict[str, tuple[list[str], str]]) -> str | None:
    """Where a ``javascript:`` anchor leads, read from the HTML alone (None for a pure toggle)."""
    a = _attrs(attrs)
    code = a.get("onclick", "") + " " + a.get("href", "")
    m = _QUOTED.search(code)
    if m:
        return m.group(1)
    m = _CALL.match(a.get("href", ""))
    if not m or m.group(1) not in funcs:
        return None
    params, expr = funcs[m.group(1)]
    args = dict(zip(params, (x.strip().strip("'") for x in m.group(2).split(",")), strict=True))
    return "".join(args[t] if t in args else t.strip("'") for t in (x.strip() for x in expr.split("+")))


def links(page: str, scripts: bool) -> list[str]:
    """On-site link targets of a page; with ``scripts`` also the statically resolved ``javascript:`` ones."""
    page = _COMMENT.sub("", page)
    out = [_html.unescape(a.get("href") or "") for a in map(_attrs, _A.findall(page))]
    out = [u for u in out if not u.lower().startswith("javascript:") and not u.startswith("#")]
    if scripts:
        funcs = helpers(page)
        out += [t for t in (resolve(m, funcs) for m in _A.findall(page)) if t]
    return [u.split("#")[0] for u in out if u.startswith("/") and not u.endswith((".js", ".png", ".css"))]


def crawl(base: str, scripts: bool) -> set[str]:
    seen, queue = {"/"}, deque(["/"])
    while queue:
        status, headers, body = fetch(base + queue.popleft())
        if status != 200 or "html" not in headers.get("Content-Type", ""):
            continue
        for link in links(body.decode("utf-8"), scripts):
            if link not in seen:
                seen.add(link)
                queue.append(link)
    return seen


def test_demo_specs_use_none_of_the_patterns():
    for spec in (DEMO_SPEC, SECOND_SPEC):
        assert not (spec.long_names or spec.js_links or spec.js_link_only or spec.script_pages
                    or spec.render_faults)


def test_sampler_draws_the_patterns():
    specs = [sample_spec(s) for s in range(1000, 1200)]
    long_sites = [sp for sp in specs if sp.long_names]
    js_sites = [sp for sp in specs if sp.js_links]
    script_sites = [sp for sp in specs if sp.script_pages]
    assert 40 <= len(long_sites) <= 90 and 15 <= len(js_sites) <= 50 and 25 <= len(script_sites) <= 60
    assert {sp.layout for sp in long_sites} == {sp.layout for sp in specs}
    assert {"lao_cms", "files_module", "wordpress"} <= {sp.layout for sp in js_sites}
    for sp in js_sites:
        assert not sp.js_menu and 2 <= len(sp.js_link_only) <= 4
        assert all(sp.items[c].state not in ("missing", "offsite_only", "placeholder") for c in sp.js_link_only)
    assert all(sp.script_pages >= 60 and sp.render_faults >= 4 for sp in script_sites)
    assert not any(sp.js_link_only for sp in specs if not sp.js_links)
    # only the benchmark's seeds draw them unless asked; the other options of a seed do not change
    small = [sample_spec(s) for s in range(0, 60)]
    assert not any(sp.long_names or sp.js_links or sp.script_pages for sp in small)
    forced = [sample_spec(s, patterns=True) for s in range(0, 60)]
    assert any(sp.long_names for sp in forced) and any(sp.script_pages for sp in forced)
    new = ("long_names", "js_links", "js_link_only", "script_pages", "render_faults")
    for a, b in zip(small, forced, strict=True):
        assert {k: v for k, v in a.__dict__.items() if k not in new} == {
            k: v for k, v in b.__dict__.items() if k not in new}


# --- long Thai file names ------------------------------------------------------------------------------

LONG = {
    "wordpress": _spec(21, "wordpress", {"O3": "broken_link"}, long_names=1.0, xlsx=True),
    "files_module": _spec(22, "files_module", long_names=1.0),
}


def _served(spec: SiteSpec, root: Path):
    truth = build_site(spec, root)
    with serve_directory(root) as base:
        yield base.rstrip("/"), root, truth


@pytest.fixture(scope="module", params=sorted(LONG))
def long_site(request, tmp_path_factory):
    yield from _served(LONG[request.param], tmp_path_factory.mktemp("long-" + request.param))


def test_long_thai_file_names(long_site):
    base, root, truth = long_site
    names = truth["long_names"]
    assert len(names) >= 20
    site = "\n".join(pages(root).values())
    for url in names:
        name = urllib.parse.unquote(url.rsplit("/", 1)[-1]).rsplit(".", 1)[0]
        assert MIN_THAI <= thai_letters(name) <= MAX_THAI and " " in name, name
        assert len(url) > 400 and re.fullmatch(r"[\x21-\x7e]+", url), url  # percent-encoded, no raw Thai/space
        assert f"href='{url}'" in site, url  # linked as it is, with a plain <a href>
        if truth["layout"] == "wordpress":
            assert re.match(r"^/wp-content/uploads/\d{4}/\d{2}/%E0%B[89]", url), url
    assert sum("(" in urllib.parse.unquote(u) for u in names) >= len(names) // 2
    too_long = [u for u in names if len(urllib.parse.unquote(u.rsplit("/", 1)[-1]).encode()) > 255]
    for url in names[:12] + too_long[:3]:  # names no file system stores are served through routes.json
        status, headers, body = fetch(base + url)
        assert status == 200 and body[:4] in (b"%PDF", b"PK\x03\x04"), (url, status)
    # the evidence of every passing item is still where the truth says
    for code, item in truth["items"].items():
        if item["expect"] == "pass" and not item["offsite"]:
            assert fetch(base + item["url"])[0] == 200, code
    broken = truth["items"]["O3"]
    if broken["state"] == "broken_link":
        assert all(fetch(base + d)[0] == 404 for d in broken.get("documents", []))


def test_module_downloads_carry_the_thai_name(long_site):
    base, _, truth = long_site
    if truth["layout"] != "files_module":
        pytest.skip("files-module CMS only")
    downloads = [d for it in truth["items"].values() for d in it.get("documents", []) if "_mod=" in d]
    status, headers, _ = fetch(base + downloads[0])
    disposition = headers["Content-Disposition"]
    assert status == 200 and "filename*=UTF-8''" in disposition
    thai = urllib.parse.unquote(disposition.split("filename*=UTF-8''", 1)[1])
    assert thai_letters(thai) >= MIN_THAI


# --- javascript: mega-menus ----------------------------------------------------------------------------

JS = {
    "lao_cms": _spec(31, "lao_cms", {"O11": "broken_link"}, ita_index=True, js_links=True,
                     js_link_only=("O4", "O11", "O23", "O36")),
    "files_module": _spec(32, "files_module", ita_index=True, js_links=True, js_link_only=("O14", "O30")),
    "wordpress": _spec(33, "wordpress", ita_index=True, js_links=True, js_link_only=("O2", "O41")),
    "static": _spec(34, "static", ita_index=False, js_links=True, js_link_only=("O19", "O39")),
}


@pytest.fixture(scope="module", params=sorted(JS))
def js_site(request, tmp_path_factory):
    yield from _served(JS[request.param], tmp_path_factory.mktemp("js-" + request.param))


def test_javascript_menu_on_every_page(js_site):
    base, root, truth = js_site
    site = pages(root)
    broken = {u for it in truth["items"].values() if it["state"] == "broken_link"
              for u in [it["url"], *it.get("documents", [])] if u}
    targets: set[str] = set()
    styles: set[str] = set()
    for rel, page in site.items():
        mega = _MEGA.search(page)
        assert mega, f"no javascript: mega-menu on {rel}"
        funcs = helpers(page)
        assert {"gotoMenu", "viewDetail", "goPage", "openMod"} <= set(funcs), rel
        anchors = _A.findall(mega.group(0))
        assert len(anchors) >= 30
        for attrs in anchors:
            assert "javascript:" in attrs or 'href="#"' in attrs, attrs  # no plain link in the menu
            target = resolve(attrs, funcs)
            if target is None:
                assert 'class="dropdown-toggle"' in attrs and "onclick" not in attrs, attrs
                continue
            targets.add(target)
            styles.add(_style(attrs))
    if truth["layout"] == "lao_cms":
        assert any(re.search(r'href="javascript:gotoMenu\(\d+\)"', p) for p in site.values())
    assert len(styles) >= 6, styles
    for target in sorted(t for t in targets if t.startswith("/")):
        want = 404 if target in broken else 200
        assert fetch(base + target)[0] == want, target
    for code in truth["js_link_only"]:
        item = truth["items"][code]
        assert item["url"] in targets or item.get("page") in targets, code


def _style(attrs: str) -> str:
    for style, needle in (("helper_id", r'href="javascript:(gotoMenu|viewDetail|goPage|openMod)\('),
                          ("helper_path", r"openLink\("), ("onclick_open", r"window\.open\("),
                          ("hash_onclick", r'href="#"'), ("href_location", r'href="javascript:window'),
                          ("onclick_href", r"location\.href='.*return false"),
                          ("onclick_location", r"window\.location='")):
        if re.search(needle, attrs):
            return style
    return "?"


def test_javascript_only_items_need_the_scripts(js_site):
    base, _, truth = js_site
    plain, scripted = crawl(base, scripts=False), crawl(base, scripts=True)
    hidden = set(truth["js_link_only"])
    assert hidden
    for code, item in truth["items"].items():
        if item["expect"] != "pass" or item["offsite"] or not item["url"]:
            continue
        assert item["url"] in scripted, code
        assert (item["url"] not in plain) == (code in hidden), code
        if code in hidden:
            assert "js_link" in item["hard"]


# --- script-built pages and render faults --------------------------------------------------------------

SCRIPTED = _spec(41, "lao_cms", {"O20": "wrong_year"}, script_pages=70, render_faults=8, ita_index=True)
SCRIPTED_QUERY = _spec(42, "files_module", script_pages=60, render_faults=4)


@pytest.fixture(scope="module", params=["lao_cms", "files_module"])
def scripted(request, tmp_path_factory):
    spec = SCRIPTED if request.param == "lao_cms" else SCRIPTED_QUERY
    yield from _served(spec, tmp_path_factory.mktemp("scripted-" + request.param))


_PARTS = re.compile(r"var P = \[\s*(.*?)\];", re.S)


def test_script_built_pages(scripted):
    _, root, truth = scripted
    built = 0
    for page in pages(root).values():
        if "id='page-content'" not in page:
            continue
        built += 1
        m = _PARTS.search(page)
        if m is None:  # content loaded from /api/content/N.json
            assert re.search(r"fetch\('/api/content/\d+\.json'\)", page)
            continue
        data = m.group(1)
        assert not re.search("[\u0e01-\u0e5b]", data)  # the text is not in the HTML
        content = "".join(json.loads(f"[{data}]"))
        assert content.strip() and "<" in content
    assert built >= 60 and len(truth["script_pages"]) == built


def test_render_faults_served_as_declared(scripted):
    base, root, truth = scripted
    faults = json.loads((root / FAULTS_FILE).read_text(encoding="utf-8"))["faults"]
    kinds = truth["render_faults"]
    assert len(kinds) == (8 if truth["layout"] == "lao_cms" else 4)
    assert set(kinds.values()) == {"hang", "poll", "status", "drop"}
    # faults that hide the content from a browser never hit evidence or a way to it: the truth is unchanged
    evidence = {u for it in truth["items"].values() for u in (it["url"], it.get("page")) if u}
    evidence.add(truth["ita_index"])
    assert not {u for u, k in kinds.items() if k in ("status", "drop")} & evidence
    site = "\n".join(pages(root).values())
    for url, fault in faults.items():
        if fault.get("close"):
            assert kinds[url] == "drop" and fault["after"] == 1
            assert fetch(base + url)[0] == 200  # the first visit works
            assert fetch(base + url)[0] == "dropped"  # a renderer's second request is dropped
            continue
        assert f"'{url}'" in site, url  # a resource some page loads
        if fault.get("status"):
            assert fetch(base + url)[0] == fault["status"] == 500
        else:
            assert fault["delay"] >= 60
            started = time.monotonic()
            assert fetch(base + url, timeout=1)[0] == "timeout"
            assert time.monotonic() - started < 5
    assert fetch(base + "/" + FAULTS_FILE)[0] == 404
    for item in truth["items"].values():
        if item["url"] in kinds:
            assert "render_fault" in item["hard"] and "script_page" in item["hard"]


def test_fault_file_semantics(tmp_path):
    for name in ("a", "b", "c", "d"):
        (tmp_path / f"{name}.html").write_text(f"<p>{name}</p>", encoding="utf-8")
    (tmp_path / FAULTS_FILE).write_text(json.dumps({"faults": {
        "/a.html": {"delay": 0.4}, "/b.html": {"status": 503}, "/c.html": {"close": True, "after": 2},
        "/d.html": {"delay": 60}, "/ก.json": {"status": 500}}}), encoding="utf-8")
    with serve_directory(tmp_path) as base:
        started = time.monotonic()
        assert fetch(base + "a.html")[::2] == (200, b"<p>a</p>")
        assert time.monotonic() - started >= 0.4
        assert fetch(base + "b.html")[0] == 503
        assert [fetch(base + "c.html")[0] for _ in range(4)] == [200, 200, "dropped", "dropped"]
        assert fetch(base + "%E0%B8%81.json")[0] == 500  # matched after percent-decoding
        assert fetch(base + FAULTS_FILE)[0] == 404
        held = threading.Thread(target=fetch, args=(base + "d.html", 90), daemon=True)
        held.start()
        time.sleep(0.2)
        stopping = time.monotonic()
    assert time.monotonic() - stopping < 5  # stopping the server releases held requests
    held.join(5)
    assert not held.is_alive()
    (tmp_path / FAULTS_FILE).unlink()
    with serve_directory(tmp_path) as base:  # without the file nothing misbehaves
        assert [fetch(base + f"{n}.html")[0] for n in "abcd"] == [200, 200, 200, 200]
