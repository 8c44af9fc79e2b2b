"""Vendor-CMS mega-menus of ``javascript:`` links, as Thai unit websites write them.

Every entry is an anchor a plain HTML crawler cannot follow, but whose target is written in the HTML:

- ``<a href="javascript:void(0)" onclick="window.location='/path'">``
- ``<a href="javascript:void(0);" onclick="location.href='/path'; return false;">``
- ``<a href="javascript:void(0)" onclick="window.open('/path','_blank')">``
- ``<a href="javascript:window.location.href='/path'">``
- ``<a href="#" onclick="window.location.href='/path';return false;">``
- ``<a href="javascript:void(0)" onclick="openLink('/path','_self')">`` (a small helper taking the path)
- ``<a href="javascript:gotoMenu(1143)">`` and ``viewDetail(4521)``, ``goPage(318)``, ``openMod('bWVudQ','MTI')``:
  named functions with an id argument, defined inline on every page (:data:`HELPERS`), e.g.
  ``function gotoMenu(id){ window.location.href = '/public/list/data/index/menu/' + id + '/'; }``

Section headings are dropdown toggles (``<a href="javascript:void(0)" class="dropdown-toggle">``) with no
target; the section page itself is the first entry of its panel.
"""

from __future__ import annotations

import random
import re

from .content import esc

#: Inline helpers of the id-style links (the same block on every page).
HELPERS = """<script type="text/javascript">
function gotoMenu(id){ window.location.href = '/public/list/data/index/menu/' + id + '/'; }
function viewDetail(id){ location.href = '/public/list/data/detail/id/' + id + '/'; }
function goPage(id){ window.location = '/?page_id=' + id; }
function openMod(m, t){ window.location.href = '/index.php?_mod=' + m + '&type=' + t; }
function openLink(url, target){
  if (target == '_blank') { window.open(url, '_blank'); } else { window.location.href = url; }
}
</script>"""

#: (function, URL pattern): URLs an id-style helper can reach.
ID_FUNCS = (
    ("gotoMenu", re.compile(r"^/public/list/data/index/menu/(\d+)/$")),
    ("viewDetail", re.compile(r"^/public/list/data/detail/id/(\d+)/$")),
    ("goPage", re.compile(r"^/\?page_id=(\d+)$")),
    ("openMod", re.compile(r"^/index\.php\?_mod=([\w-]+)&type=([\w-]+)$")),
)
STYLES = ("onclick_location", "onclick_href", "onclick_open", "href_location", "hash_onclick", "helper_path",
          "helper_id")

#: The anchor attributes of each style ({u}: the HTML-escaped URL).
_TEMPLATES = {
    "onclick_location": 'href="javascript:void(0)" onclick="window.location=\'{u}\'"',
    "onclick_href": 'href="javascript:void(0);" onclick="location.href=\'{u}\'; return false;"',
    "onclick_open": 'href="javascript:void(0)" onclick="window.open(\'{u}\',\'_blank\')"',
    "href_location": 'href="javascript:window.location.href=\'{u}\'"',
    "hash_onclick": 'href="#" onclick="window.location.href=\'{u}\';return false;"',
    "helper_blank": 'href="javascript:void(0)" onclick="openLink(\'{u}\',\'_blank\')"',
    "helper_path": 'href="javascript:void(0)" onclick="openLink(\'{u}\',\'_self\')"',
}
_CSS = (
    "<style>.megamenu{background:#0b5394}.megamenu>ul{list-style:none;margin:0;padding:0 12px;display:flex;"
    "flex-wrap:wrap}.megamenu>ul>li{position:relative}.megamenu>ul>li>a{display:block;padding:10px 12px;"
    "color:#fff;text-decoration:none;font-weight:bold}.megamenu .mega-panel{display:none;position:absolute;"
    "background:#fff;min-width:320px;z-index:20;box-shadow:0 2px 8px #0005}.megamenu li:hover>.mega-panel"
    "{display:block}.mega-panel a{display:block;padding:6px 12px;color:#222;text-decoration:none}</style>"
)


def anchor(url: str, label: str, style: str) -> str:
    """One ``javascript:`` link to ``url`` in ``style`` (off-site URLs always open in a new window)."""
    u = esc(url)
    text = esc(label)
    if url.startswith("http"):
        style = "onclick_open" if style in ("onclick_open", "helper_id", "href_location") else "helper_blank"
    if style == "helper_id":
        for func, pattern in ID_FUNCS:
            m = pattern.match(url)
            if m:
                args = ",".join(g if g.isdigit() else f"'{g}'" for g in m.groups())
                return f'<a href="javascript:{func}({args})">{text}</a>'
        style = "helper_path"
    return f"<a {_TEMPLATES.get(style, _TEMPLATES['helper_path']).format(u=u)}>{text}</a>"

class Styler:
    """Handler styles for successive links: every style appears, in a seeded order."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.queue: list[str] = []

    def next(self) -> str:
        if not self.queue:
            self.queue = list(STYLES)
            self.rng.shuffle(self.queue)
        return self.queue.pop()


def mega_menu(tree: list[tuple[str, str, list[tuple[str, str]]]], styler: Styler) -> str:
    """The mega-menu of ``tree`` ((label, url, [(url, title), …]) per top entry) with the helper script."""
    items = []
    for i, (label, url, subs) in enumerate(tree):
        if not subs:
            items.append(f"<li class='mega-item'>{anchor(url, label, styler.next())}</li>")
            continue
        own = "helper_id" if i % 2 else styler.next()  # gotoMenu(1143) on every other section
        panel = [f"<li>{anchor(url, 'หน้าหลัก' + label, own)}</li>"]
        panel += [f"<li>{anchor(u, t, styler.next())}</li>" for u, t in subs]
        items.append(f"<li class='mega-item'><a href=\"javascript:void(0)\" class=\"dropdown-toggle\">{esc(label)}"
                     f"</a><div class='mega-panel'><ul>{''.join(panel)}</ul></div></li>")
    return (f"{_CSS}<nav class='megamenu' id='mega-menu'><ul class='mega'>{''.join(items)}</ul></nav>"
            f"{HELPERS}")
