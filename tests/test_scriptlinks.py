"""Menus written in ``javascript:`` links are read without a browser, and handlers that go nowhere are
not taken for links."""

from __future__ import annotations

import pytest

from crawler.render import needs_rendering
from oitbase.extract import extract
from oitbase.extract.scriptlinks import navigating_functions, script_urls
from tests.helpers import shared_path

HELPERS = """
function gotoMenu(id){ window.location.href = '/public/list/data/index/menu/' + id + '/'; }
var viewDetail = function (id, cat) { location.href = "/public/list/data/detail/id/" + id + "/cat/" + cat; };
function openLink(url, target){
  if (target == '_blank') { window.open(url, '_blank'); } else { window.location.href = url; }
}
function openCity(evt, name) { document.getElementById(name).style.display = "block"; }
"""


@pytest.mark.parametrize(
    ("handler", "expected"),
    [
        ("window.location='/ita/o1.html'", ["/ita/o1.html"]),
        ("location.href='/ita/o2.html'; return false;", ["/ita/o2.html"]),
        ("window.open('/files/plan.pdf','_blank')", ["/files/plan.pdf"]),
        ("window.location.href=\"/index.php?_mod=bWVudQ&type=MTI\"", ["/index.php?_mod=bWVudQ&type=MTI"]),
        ("location.assign('/a.html')", ["/a.html"]),
        ("gotoMenu(1143)", ["/public/list/data/index/menu/1143/"]),
        ("viewDetail(77, 'news')", ["/public/list/data/detail/id/77/cat/news"]),
        ("openLink('/public/ita/data/index/menu/9','_self')", ["/public/ita/data/index/menu/9"]),
        ("popupWindow('../document/o10.pdf')", ["../document/o10.pdf"]),  # a helper from an external file
        ("window.location = base + '/x.html'", []),  # a variable we cannot know
        ("openCity(event, 'procure')", []),  # a tab switch
        ("alert('/not/a/link')", []),
        ("xhr.open('GET', '/api/list')", []),
        ("addScore($('input[name=vote_radio]:checked').val(),'0')", []),
        ("void(0)", []),
    ],
)
def test_script_targets_are_read_from_the_html(handler, expected):
    assert script_urls(handler, navigating_functions([HELPERS])) == expected


def test_a_vendor_cms_menu_of_javascript_links_needs_no_browser():
    entries = [
        '<a href="javascript:void(0)" onclick="window.location=\'/public/list/data/index/menu/11\'">โครงสร้าง</a>',
        '<a href="javascript:gotoMenu(12)">ข้อมูลผู้บริหาร</a>',
        '<a href="#" onclick="location.href=\'/public/list/data/index/menu/13\';return false;">อำนาจหน้าที่</a>',
        '<a href="javascript:void(0)" onclick="openLink(\'/public/list/data/index/menu/14\',\'_self\')">แผนพัฒนา</a>',
        '<a href="javascript:window.location.href=\'/public/list/data/index/menu/15\'">ข่าวประชาสัมพันธ์</a>',
        '<a href="javascript:gotoMenu(16)">การเปิดเผยข้อมูลสาธารณะ (OIT)</a>',
    ]
    body = (
        "<html><head><meta charset='utf-8'><title>อบต.ทดสอบ</title><script>" + HELPERS + "</script>"
        "<script>$(function(){ $('.mega').append('<span></span>'); });</script></head><body><nav class='mega'>"
        + "".join(entries) + "</nav><p>" + "ข่าวสาร " * 80 + "</p></body></html>"
    ).encode("utf-8")
    ext = extract(body, "text/html; charset=utf-8", "https://abt.example.go.th/")
    targets = {lk.url for lk in ext.links if lk.kind == "onclick"}
    assert targets == {f"https://abt.example.go.th/public/list/data/index/menu/{n}" + ("/" if n in (12, 16) else "")
                       for n in range(11, 17)}
    assert needs_rendering(body, ext) == ""


def test_the_saved_real_homepage_needs_no_browser_for_its_links():
    path = shared_path("realdocs", "phukradung-home-2567.html")
    body = path.read_bytes()
    ext = extract(body, "text/html; charset=utf-8", "https://www.phukradung.go.th/")
    assert needs_rendering(body, ext) == ""
    assert not any(lk.url.endswith(("/procure", "/egp")) for lk in ext.links)  # its tab switches are not links
