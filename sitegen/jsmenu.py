"""Menus built by JavaScript: only a browser (or a crawler that runs scripts) sees their links.

The URLs are stored split in two halves and joined at run time, so a crawler that only reads the HTML or
greps the script for URLs does not find them either.
"""

from __future__ import annotations

import json

MENU_JS = "/js/menu.js"

#: (label, url, [(url, title), …]) of one top-level menu entry.
NavEntry = tuple[str, str, list[tuple[str, str]]]

_BUILDER = """
(function () {
  function link(label, a, b) {
    var el = document.createElement('a');
    el.href = a + b;
    el.textContent = label;
    return el;
  }
  var nav = document.getElementById('jsmenu');
  var ul = document.createElement('ul');
  for (var i = 0; i < MENU.length; i++) {
    var m = MENU[i], li = document.createElement('li');
    li.appendChild(link(m[0], m[1], m[2]));
    if (m[3].length) {
      var sub = document.createElement('ul');
      for (var j = 0; j < m[3].length; j++) {
        var s = document.createElement('li');
        s.appendChild(link(m[3][j][0], m[3][j][1], m[3][j][2]));
        sub.appendChild(s);
      }
      li.appendChild(sub);
    }
    ul.appendChild(li);
  }
  nav.appendChild(ul);
})();
"""


def split_url(url: str) -> tuple[str, str]:
    k = max(1, len(url) // 2)
    return url[:k], url[k:]


def menu_script(tree: list[NavEntry]) -> str:
    """The JavaScript file that builds the menu into ``<nav id='jsmenu'>`` (ASCII only: \\u escapes)."""
    data = [[label, *split_url(url), [[title, *split_url(u)] for u, title in subs]] for label, url, subs in tree]
    return "/* main menu */\nvar MENU = " + json.dumps(data, ensure_ascii=True) + ";\n" + _BUILDER


def placeholder(css_class: str = "main") -> str:
    """Where the menu goes: an empty nav followed by the script that fills it."""
    return f"<nav class='{css_class}' id='jsmenu'></nav><script src='{MENU_JS}'></script>"


def js_link(url: str, label: str) -> str:
    """A link written by an inline script (document.write), e.g. in an ITA table row."""
    a, b = (json.dumps(x, ensure_ascii=True) for x in split_url(url))
    text = json.dumps(label, ensure_ascii=True)
    return f"<script>document.write('<a href=\"' + {a} + {b} + '\">' + {text} + '</a>');</script>"
