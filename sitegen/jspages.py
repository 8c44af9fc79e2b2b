"""Pages whose content is written by a script at load time, and pages whose rendering fails.

With ``SiteSpec.script_pages = N`` the main content of N pages (never the homepage) is replaced by an empty
``<div id='page-content'>`` and an inline script that writes it from ASCII-escaped pieces (as AJAX CMSs do;
neither the text nor the links are in the HTML, as in :mod:`jsmenu`). ``render_faults`` of them then fail
when a browser renders them; the faults are declared in ``_faults.json`` in the site root and played by
:mod:`sitegen.serve`:

- ``hang``: a statistics script at the end of the page (``/js/plugins/stat-N.js``) answers only after
  :data:`HANG_SECONDS`: the content is already written, but the load event never comes in time;
- ``poll``: the page polls ``/api/online/N.json``, which answers only after :data:`HANG_SECONDS` (the
  network never goes idle, the script never finishes);
- ``status``: the content itself comes from ``/api/content/N.json``, which answers 500;
- ``drop``: the page is served once; later requests (a renderer after the plain download) are answered by
  closing the connection without a response.

``hang`` and ``poll`` leave the content in the browser's page, so they may hit evidence pages; ``status``
and ``drop`` hide the content, so they only hit pages that are not evidence nor a way to it (news posts,
tourism, galleries): the ground truth of every item is the same as without faults.
"""

from __future__ import annotations

import json
import random
import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .layouts import Layout

MARK_OPEN, MARK_CLOSE = "<!--oit:content-->", "<!--/oit:content-->"
_MARKED = re.compile(re.escape(MARK_OPEN) + "(.*?)" + re.escape(MARK_CLOSE), re.S)
FAULTS_FILE = "_faults.json"
FAULT_KINDS = ("hang", "poll", "status", "drop")
#: Faults after which a browser user still sees the content.
NEUTRAL = {"hang", "poll"}
HANG_SECONDS = 300

_LOADING = "<div id='page-content' class='ajax-content'>กำลังโหลดข้อมูล...</div>"


def _js(text: str) -> str:
    return json.dumps(text, ensure_ascii=True).replace("</", "<\\/")


def inline_builder(html: str, rng: random.Random) -> str:
    """The placeholder and the script that writes ``html`` into it from pieces of 20–60 characters."""
    parts, i = [], 0
    while i < len(html):
        k = rng.randint(20, 60)
        parts.append(html[i:i + k])
        i += k
    data = ",\n  ".join(_js(p) for p in parts)
    return (f"{_LOADING}<script type='text/javascript'>\n(function () {{\n  var P = [\n  {data}];\n"
            "  document.getElementById('page-content').innerHTML = P.join('');\n})();\n</script>")


def fetch_builder(api: str) -> str:
    """The placeholder and the script that loads the content from ``api`` (a JSON ``{"html": …}``)."""
    return (f"{_LOADING}<script type='text/javascript'>\n(function () {{\n"
            "  var el = document.getElementById('page-content');\n"
            f"  fetch('{api}').then(function (r) {{ if (!r.ok) {{ throw new Error('HTTP ' + r.status); }}"
            " return r.json(); })\n"
            "    .then(function (d) { el.innerHTML = d.html; })\n"
            "    .catch(function (e) { el.textContent = 'ไม่สามารถโหลดข้อมูลได้ (' + e.message + ')'; });\n"
            "})();\n</script>")


def _tail(kind: str, n: int) -> str:
    if kind == "hang":
        return f"<script src='/js/plugins/stat-{n}.js'></script>"
    if kind == "poll":
        return ("<script>(function poll() { fetch('/api/online/" + str(n) + ".json')"
                ".then(function (r) { return r.json(); }).then(function () { setTimeout(poll, 1000); }); })();"
                "</script>")
    return ""


def script_pages(layout: Layout, files: dict[str, str]) -> None:
    """Turn ``script_pages`` pages of ``files`` into script-built ones, add faults; strip the markers."""
    spec = layout.c.spec
    rng = random.Random(spec.seed * 6151 + 29)
    candidates = []
    for url, evidence in layout.page_urls():
        rel = layout.file_for(url)
        m = _MARKED.search(files.get(rel, ""))
        if m and "<script" not in m.group(1):
            candidates.append((url, rel, evidence))
    chosen = rng.sample(candidates, min(spec.script_pages, len(candidates)))
    kinds: dict[str, str] = {url: "" for url, _, _ in chosen}
    quiet = [url for url, _, ev in chosen if not ev]
    rng.shuffle(quiet)
    loud = [url for url, _, ev in chosen if ev]
    rng.shuffle(loud)
    for i in range(min(spec.render_faults, len(chosen))):
        kind = FAULT_KINDS[i % len(FAULT_KINDS)]
        if kind not in NEUTRAL and not quiet:
            kind = FAULT_KINDS[i % 2]
        if kind in NEUTRAL:
            pool = loud if loud and (i % 3 or not quiet) else quiet
        else:
            pool = quiet
        if not pool:
            break
        kinds[pool.pop()] = kind
    ids = iter(rng.sample(range(100, 999), len(chosen)))
    for url, rel, _ in sorted(chosen, key=lambda c: c[1]):
        n, kind = next(ids), kinds[url]
        html = files[rel]
        content = _MARKED.search(html).group(1)
        if kind == "status":
            api = f"/api/content/{n}.json"
            layout.assets[api.lstrip("/")] = json.dumps({"html": content}, ensure_ascii=True)
            layout.faults[api] = {"status": 500}
            built = fetch_builder(api)
        else:
            built = inline_builder(content, rng)
        if kind == "hang":
            layout.assets[f"js/plugins/stat-{n}.js"] = f"/* visitor statistics */\nvar OIT_STAT = {n};\n"
            layout.faults[f"/js/plugins/stat-{n}.js"] = {"delay": HANG_SECONDS}
        elif kind == "poll":
            layout.assets[f"api/online/{n}.json"] = json.dumps({"online": n % 7 + 1})
            layout.faults[f"/api/online/{n}.json"] = {"delay": HANG_SECONDS}
        elif kind == "drop":
            layout.faults[url] = {"close": True, "after": 1}
        html = html.replace(_MARKED.search(html).group(0), built, 1)
        head, sep, end = html.rpartition("</body>")
        files[rel] = head + _tail(kind, n) + sep + end if sep else html + _tail(kind, n)
        layout.script_urls[url] = kind
    for rel, html in files.items():
        if MARK_OPEN in html:
            files[rel] = html.replace(MARK_OPEN, "").replace(MARK_CLOSE, "")
