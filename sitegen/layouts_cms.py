"""CMS layouts with query-string URLs: a PHP "files module" CMS and WordPress.

Both serve pages through ``routes.json`` (see :mod:`sitegen.serve`): the files-module CMS answers
``/index.php?_mod=<base64>&type=<base64>`` for pages, file lists and downloads; WordPress answers
``/?page_id=N`` for pages and keeps posts at ``/YYYY/MM/<Thai slug>/`` and uploads at
``/wp-content/uploads/YYYY/MM/``.
"""

from __future__ import annotations

import base64
import urllib.parse

from . import jsmenu
from .content import esc
from .layouts import Layout
from .model import SECTIONS, Doc

_DOC_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def b64(text: str) -> str:
    return base64.urlsafe_b64encode(text.encode()).decode().rstrip("=")


_FM_CSS = """
body{margin:0;font-family:Tahoma,sans-serif;font-size:14px;background:#dfe8d8}
#head{background:#3d6b35;color:#fff;padding:10px 20px}#head h1{margin:0;font-size:22px}
#page{display:flex;max-width:1180px;margin:auto;background:#fff}
#left{width:250px;background:#f4f8f0;padding:8px}#left ul{list-style:none;padding-left:8px}
#left a{color:#2b4d25;text-decoration:none}#main{flex:1;padding:12px 18px}
table{border-collapse:collapse;width:100%}td,th{border:1px solid #aaa;padding:4px}
.people{display:flex;flex-wrap:wrap;gap:12px}.person{width:170px;text-align:center}
#foot{background:#3d6b35;color:#eee;padding:10px 20px;font-size:12px}#foot a{color:#ffe}
"""


class FilesModuleLayout(Layout):
    """An old PHP CMS: every page is ``index.php?_mod=<base64>&type=<base64>``, downloads too."""

    name = "files_module"
    img = "/images/upload"

    def q(self, mod: str, typ: str | int) -> str:
        return f"/index.php?_mod={b64(mod)}&type={b64(str(typ))}"

    def assign(self) -> None:
        ids = iter(self.rng.sample(range(10, 999), 400))
        self.menu = {key: self.q("menu", next(ids)) for key in SECTIONS}
        self.ita = self.q("ita", self.c.fy)
        n_doc = 0
        for b in self.m.blocks.values():
            if b is None:
                continue
            if b.code == "O7":
                b.url = self.menu["news"]
            else:
                b.url = self.q("files" if b.evidence == "doc" else "content", next(ids))
            for d in b.docs:
                n_doc += 1
                d.path = self.doc_url(d, n_doc, next(ids))
        for p in self.m.news:
            p.url = self.q("news", next(ids))
        for p in self.m.extras:
            p.url = self.q("content", next(ids))
        self.m.archive_page.url = self.q("files", next(ids))
        for d in self.m.archive:
            n_doc += 1
            d.path = self.doc_url(d, n_doc, next(ids))

    def doc_url(self, d: Doc, n: int, file_id: int) -> str:
        """Every other file goes through the download module (no extension in the URL)."""
        if n % 2:
            return self.q("download", file_id)
        return f"/datafiles/{d.date[:4]}/{self.doc_hash(d)}.{d.fmt}"

    def section_link(self, key: str) -> str:
        return self.menu[key]

    def nav_tree(self) -> list[jsmenu.NavEntry]:
        tree = super().nav_tree()
        if self.ita_url:
            tree.append(("ITA", self.ita, []))
        return tree

    def left_menu(self) -> str:
        if self.c.spec.js_links:
            return self.mega("left")
        if self.c.spec.js_menu:
            return jsmenu.placeholder("left")
        out = []
        for label, url, subs in self.nav_tree():
            if any(url == self.menu.get(k) for k in SECTIONS):
                key = next(k for k in SECTIONS if self.menu[k] == url)
                subs = [(b.url, b.title) for b in self.visible_blocks(key) if b.url != url]
                subs += [(p.url, p.title) for p in self.m.section_pages(key)]
            sub = "".join(f"<li>- <a href='{esc(u)}'>{esc(t)}</a></li>" for u, t in subs)
            out.append(f"<li><b><a href='{esc(url)}'>{esc(label)}</a></b><ul>{sub}</ul></li>")
        return "<ul class='leftmenu'>" + "".join(out) + "</ul>"

    def shell(self, title: str, content: str) -> str:
        s = self.c.spec
        return (
            "<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Transitional//EN\">\n<html><head>"
            "<meta http-equiv='Content-Type' content='text/html; charset=utf-8'>"
            f"<title>{esc(self.c.name)} :: {esc(title)}</title><style>{_FM_CSS}</style></head><body>"
            f"<div id='head'><h1>{esc(self.c.name)}</h1>อำเภอ{esc(s.district)} จังหวัด{esc(s.province)}</div>"
            f"<div id='page'><div id='left'>{self.left_menu()}</div>"
            f"<div id='main'><h2>{esc(title)}</h2>{self.mark(content)}</div></div>"
            f"<div id='foot'>{self.sitemap()}{esc(self.c.name)} โทร. {s.postcode[:2]}-000-000 | Powered by "
            "ThaiLocalWeb CMS 3.2</div></body></html>"
        )

    def render(self) -> dict[str, str]:
        files: dict[str, str] = {}

        def put(url: str, html: str) -> None:
            files[self.file_for(url)] = html

        home = f"<h3>ข่าวประชาสัมพันธ์</h3>{self.news_list(self.m.news[:8])}"
        if self.ita_url and not self.scripted_nav:
            home = f"<p><a href='{self.ita}'><b>ITA {self.c.fy}: การเปิดเผยข้อมูลสาธารณะ (OIT)</b></a></p>" + home
        files["index.html"] = self.shell("หน้าแรก", home)
        for key, label in SECTIONS.items():
            links = [(b.url, b.title) for b in self.visible_blocks(key) if b.url != self.menu[key]]
            links += [(p.url, p.title) for p in self.m.section_pages(key)]
            body = "<ul>" + "".join(f"<li><a href='{esc(u)}'>{esc(t)}</a></li>" for u, t in links) + "</ul>"
            b7 = self.m.blocks.get("O7")
            if key == "news" and b7 is not None and not b7.empty:
                body = self.news_list(self.m.news) + body
            put(self.menu[key], self.shell(label, body))
        for b in self.m.blocks.values():
            if b is not None and b.url != self.menu["news"]:
                put(b.url, self.shell(b.title, self.block_content(b)))
        for p in self.m.news + self.m.extras:
            put(p.url, self.shell(p.title, self.fix(p.body)))
        ap = self.m.archive_page
        put(ap.url, self.shell(ap.title, ap.body + self.doc_list(self.m.archive)))
        if self.ita_url:
            put(self.ita, self.shell(f"ITA ประจำปีงบประมาณ {self.c.fy}", self.ita_rows()))
        for d in self.all_docs():
            if "?" in d.path:
                name = f"{self.doc_hash(d)}.{d.fmt}"
                disposition = f"attachment; filename=\"{name}\""
                if d.slug in self.doc_names:  # the long Thai name as RFC 5987 filename*
                    thai = urllib.parse.quote(f"{self.doc_names[d.slug]}.{d.fmt}", safe="")
                    disposition += f"; filename*=UTF-8''{thai}"
                self.file_for(d.path, _DOC_TYPES[d.fmt], {"Content-Disposition": disposition})
        return files


_WP_CSS = """
body{margin:0;font-family:'Sarabun',sans-serif;color:#333;background:#fafafa}
.site-header{background:#fff;border-bottom:1px solid #ddd;padding:16px 32px}.site-title{font-size:24px;margin:0}
.main-navigation{background:#1e3a5f}.main-navigation ul{list-style:none;margin:0;padding:0}
.main-navigation>ul>li{display:inline-block;position:relative}
.main-navigation a{color:#fff;display:block;padding:10px 14px;text-decoration:none}
.sub-menu{display:none;position:absolute;background:#1e3a5f;min-width:260px;z-index:9}
li:hover>.sub-menu{display:block}.site-content{display:flex;gap:24px;padding:24px 32px}
.entry-content{flex:3;background:#fff;padding:20px}.widget-area{flex:1}
table{border-collapse:collapse;width:100%}td,th{border:1px solid #ccc;padding:5px}
.people{display:flex;flex-wrap:wrap;gap:16px}.person{width:170px;text-align:center}
.site-footer{background:#222;color:#aaa;padding:16px 32px}.site-footer a{color:#ddd}
"""


class WordPressLayout(Layout):
    """A WordPress site: ``/?page_id=N`` pages, dated posts, ``/wp-content/uploads/`` files, wp menus."""

    name = "wordpress"
    img = "/wp-content/uploads/images"

    def assign(self) -> None:
        ids = iter(self.rng.sample(range(2, 4000), 300))
        self.sections = {key: f"/?page_id={next(ids)}" for key in SECTIONS}
        self.sections["news"] = "/category/news/"
        self.ita = f"/?page_id={next(ids)}"
        seen: set[str] = set()
        for b in self.m.blocks.values():
            if b is None:
                continue
            b.url = "/category/news/" if b.code == "O7" else f"/?page_id={next(ids)}"
            for d in b.docs:
                d.path = self.upload(d, b.slug, seen)
        for p in self.m.news:
            slug = urllib.parse.quote("-".join(p.title.split())[:60])
            p.url = f"/{p.date[:4]}/{p.date[4:6]}/{slug}/"
        for p in self.m.extras + [self.m.archive_page]:
            p.url = f"/?page_id={next(ids)}"
        for d in self.m.archive:
            d.path = self.upload(d, "archive", seen)

    @staticmethod
    def upload(d: Doc, slug: str, seen: set[str]) -> str:
        base = f"/wp-content/uploads/{d.date[:4]}/{d.date[4:6]}/{slug}-{d.year or 'doc'}"
        path, n = f"{base}.{d.fmt}", 1
        while path in seen:
            n += 1
            path = f"{base}-{n}.{d.fmt}"
        seen.add(path)
        return path

    def section_link(self, key: str) -> str:
        return self.sections[key]

    def nav_tree(self) -> list[jsmenu.NavEntry]:
        tree = super().nav_tree()
        if self.ita_url:
            tree.append(("ITA", self.ita, []))
        return tree

    def menu(self) -> str:
        if self.c.spec.js_links:
            return self.mega("main-navigation")
        if self.c.spec.js_menu:
            return jsmenu.placeholder("main-navigation")
        out = []
        for i, (label, url, subs) in enumerate(self.nav_tree()):
            keys = [k for k in SECTIONS if self.sections[k] == url]
            if keys:
                subs = [(b.url, b.title) for b in self.visible_blocks(keys[0]) if b.url != url]
                subs += [(p.url, p.title) for p in self.m.section_pages(keys[0])]
            sub = "".join(f"<li class='menu-item menu-item-type-post_type menu-item-object-page'>"
                          f"<a href='{esc(u)}'>{esc(t)}</a></li>" for u, t in subs)
            cls = "menu-item menu-item-type-post_type menu-item-object-page" + (
                " menu-item-has-children" if sub else "")
            out.append(f"<li id='menu-item-{100 + i}' class='{cls}'><a href='{esc(url)}'>{esc(label)}</a>"
                       + (f"<ul class='sub-menu'>{sub}</ul>" if sub else "") + "</li>")
        return ("<nav id='site-navigation' class='main-navigation'><ul id='primary-menu' class='menu'>"
                + "".join(out) + "</ul></nav>")

    def shell(self, title: str, content: str, body_class: str = "page") -> str:
        s = self.c.spec
        recent = "".join(f"<li><a href='{esc(p.url)}'>{esc(p.title)}</a></li>" for p in self.m.news[:5])
        return (
            "<!doctype html>\n<html lang=\"th\">\n<head>\n<meta charset=\"UTF-8\">\n"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
            f"<title>{esc(title)} &#8211; {esc(self.c.name)}</title>\n"
            "<meta name='generator' content='WordPress 6.4.3' />\n"
            "<link rel='https://api.w.org/' href='/wp-json/' />\n"
            f"<style id='theme-inline-css'>{_WP_CSS}</style>\n</head>\n"
            f"<body class=\"{body_class} wp-theme-astra\">\n<div id=\"page\" class=\"site\">"
            f"<header class='site-header'><p class='site-title'><a href='/' rel='home'>{esc(self.c.name)}</a></p>"
            f"<p class='site-description'>อำเภอ{esc(s.district)} จังหวัด{esc(s.province)}</p></header>"
            f"{self.menu()}<div class='site-content'><article class='entry-content'>"
            f"<h1 class='entry-title'>{esc(title)}</h1>{self.mark(content)}</article>"
            f"<aside class='widget-area'><section class='widget widget_recent_entries'><h2>เรื่องล่าสุด</h2>"
            f"<ul>{recent}</ul></section></aside></div>"
            f"<footer class='site-footer'>{self.sitemap()}© {s.fiscal_year} {esc(self.c.name)} | "
            "Powered by WordPress</footer></div>\n</body>\n</html>\n"
        )

    def render(self) -> dict[str, str]:
        files: dict[str, str] = {}
        pages: list[str] = []

        def put(url: str, html: str) -> None:
            files[self.file_for(url)] = html
            pages.append(url)

        home = f"<h2>ข่าวประชาสัมพันธ์</h2>{self.news_list(self.m.news[:8])}"
        if self.ita_url and not self.scripted_nav:
            home = f"<p><a href='{self.ita}'>ITA {self.c.fy}</a></p>" + home
        files["index.html"] = self.shell("หน้าแรก", home, "home")
        for key, label in SECTIONS.items():
            if key == "news":
                continue
            links = [(b.url, b.title) for b in self.visible_blocks(key)]
            links += [(p.url, p.title) for p in self.m.section_pages(key)]
            put(self.sections[key], self.shell(label, "<ul>" + "".join(
                f"<li><a href='{esc(u)}'>{esc(t)}</a></li>" for u, t in links) + "</ul>"))
        b7 = self.m.blocks.get("O7")
        news = self.news_list(self.m.news) if b7 is not None and not b7.empty else ""
        extra = [(b.url, b.title) for b in self.visible_blocks("news") if b.code != "O7"]
        extra += [(p.url, p.title) for p in self.m.section_pages("news")]
        files["category/news/index.html"] = self.shell("ข่าวประชาสัมพันธ์", news + "<ul>" + "".join(
            f"<li><a href='{esc(u)}'>{esc(t)}</a></li>" for u, t in extra) + "</ul>", "archive category")
        for b in self.m.blocks.values():
            if b is not None and b.code != "O7":
                put(b.url, self.shell(b.title, self.block_content(b)))
        for p in self.m.news:
            files[self.file_for(p.url)] = self.shell(p.title, self.fix(p.body), "single-post")
        for p in self.m.extras:
            put(p.url, self.shell(p.title, self.fix(p.body)))
        ap = self.m.archive_page
        put(ap.url, self.shell(ap.title, ap.body + self.doc_list(self.m.archive)))
        if self.ita_url:
            put(self.ita, self.shell(f"ITA {self.c.fy}", self.ita_rows()))
        files["sitemap.xml"] = wp_sitemap(["/", "/category/news/", *(p.url for p in self.m.news), *pages])
        return files


def wp_sitemap(urls: list[str]) -> str:
    """The ``/sitemap.xml`` a WordPress sitemap plugin writes: the posts, then the pages, as bare URLs (so a crawler
    reading it queues the item pages with no anchor, behind the news, before the ITA page names them). Relative:
    the fixture does not know the port it will be served on; crawlers join them to the sitemap's URL."""
    locs = "".join(f"<url><loc>{esc(u)}</loc></url>" for u in dict.fromkeys(urls))
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            f"{locs}</urlset>\n")


CMS_LAYOUTS: dict[str, type[Layout]] = {cls.name: cls for cls in (FilesModuleLayout, WordPressLayout)}
