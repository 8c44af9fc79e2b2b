"""JavaScript rendering with scrapy-playwright and Debian's chromium (skipped without chromium)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.crawler_support import SiteServer, fetched_urls, html, pdf_bytes, run_spider

CHROMIUM = Path("/usr/bin/chromium")

MENU_SCRIPT = """<div id="menu"></div><script>
var items = [["/ita.html", "ITA"], ["/contact.html", "ติดต่อเรา"]];
var menu = document.getElementById("menu");
items.forEach(function (it) { var a = document.createElement("a"); a.href = it[0]; a.textContent = it[1];
  menu.appendChild(a); });
</script>"""


@pytest.mark.skipif(not CHROMIUM.exists(), reason="needs /usr/bin/chromium")
def test_script_built_menu_is_reached_only_with_rendering(tmp_path):
    pages = {
        "/": html("อบต.ทดสอบ", MENU_SCRIPT),
        "/ita.html": html("ITA", '<a href="/files/o1.pdf">O1 โครงสร้าง</a>'),
        "/contact.html": html("ติดต่อ", "โทร 042-000000"),
        "/files/o1.pdf": pdf_bytes("structure"),
    }
    site = SiteServer(pages)
    with site.serve() as base:
        run_spider(base, tmp_path / "plain.db", "OIT_RENDER_JS=False")
        plain = fetched_urls(tmp_path / "plain.db")
        run_spider(base, tmp_path / "js.db", timeout=180)
        rendered = fetched_urls(tmp_path / "js.db")
    assert base + "ita.html" not in plain
    assert base + "ita.html" in rendered and base + "files/o1.pdf" in rendered
    assert rendered[base]["rendered"] == "script-built menu"
    assert rendered[base + "ita.html"]["rendered"] == ""  # pages with static links are not rendered
