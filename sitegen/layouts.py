"""Site layouts: how the shared content (blocks, pages, documents) becomes URLs and HTML.

Each layout assigns URLs (``Block.url``, ``Doc.path``, ``Page.url``) and returns the HTML files to write.
Add a layout by subclassing :class:`Layout` and registering it in ``LAYOUTS``.
"""

from __future__ import annotations

import hashlib
import random
import urllib.parse
from dataclasses import dataclass, field

from . import filenames, jslinks, jsmenu, jspages
from .content import Ctx, esc
from .model import ITEM_CODES, ITEM_NAMES, SECTIONS, Block, Doc, Page
from .thai import date_th


@dataclass
class SiteModel:
    ctx: Ctx
    blocks: dict[str, Block | None]
    news: list[Page]
    extras: list[Page]
    archive_page: Page
    archive: list[Doc]
    images: list[str] = field(default_factory=list)

    def section_blocks(self, key: str) -> list[Block]:
        return [b for b in self.blocks.values() if b is not None and b.section == key]

    def section_pages(self, key: str) -> list[Page]:
        return [p for p in self.extras + [self.archive_page] if p.section == key]


def url_to_file(url: str) -> str:
    """Site path of the file that answers ``url`` ("/a/" → "a/index.html"; percent-escapes decoded)."""
    path = urllib.parse.unquote(url.split("#")[0].split("?")[0].lstrip("/"))
    return path + "index.html" if path == "" or path.endswith("/") else path


class Layout:
    name = "base"
    img = "/images"

    def __init__(self, model: SiteModel) -> None:
        self.m = model
        self.c = model.ctx
        self.rng = random.Random(model.ctx.spec.seed * 7919 + 17)
        self.files: dict[str, str] = {}
        #: Query-string URLs → routes.json entries (see sitegen.serve).
        self.routes: dict[str, dict] = {}
        #: Script-built pages (URL → fault kind or ""), ``_faults.json`` entries and their resources (jspages).
        self.script_urls: dict[str, str] = {}
        self.faults: dict[str, dict] = {}
        self.assets: dict[str, str] = {}
        #: Document slug → its long Thai file name (``long_names``).
        self.doc_names: dict[str, str] = {}
        self._mega: str | None = None

    # subclasses fill these in
    def assign(self) -> None:
        raise NotImplementedError

    def render(self) -> dict[str, str]:
        raise NotImplementedError

    def build(self) -> dict[str, str]:
        self.assign()
        self.rename_docs()
        files = self.render()
        if self.c.spec.js_menu:
            files[url_to_file(jsmenu.MENU_JS)] = jsmenu.menu_script(self.nav_tree())
        if self.c.spec.script_pages:
            jspages.script_pages(self, files)
        return files

    def all_docs(self) -> list[Doc]:
        return [d for b in self.m.blocks.values() if b is not None for d in b.docs] + self.m.archive

    # long Thai file names
    def rename_docs(self) -> None:
        """Give a ``long_names`` share of the documents long Thai file names (same folder as before)."""
        s = self.c.spec
        if s.long_names <= 0:
            return
        rng = random.Random(s.seed * 104729 + 3)
        extras = [s.unit_name, f"อำเภอ{s.district}", f"จังหวัด{s.province}"]
        seen: set[str] = set()
        for d in self.all_docs():
            if rng.random() >= s.long_names:
                continue
            name = filenames.long_name(d.title, extras, rng)
            base, n = name, 1
            while name in seen:
                n += 1
                name = f"{base} ({n})"
            seen.add(name)
            self.doc_names[d.slug] = name
            if "?" not in d.path:  # module downloads keep their URL; the name is in Content-Disposition
                d.path = f"{d.path.rsplit('/', 1)[0]}/{filenames.encode(name)}.{d.fmt}"

    # pages built by script
    def mark(self, content: str) -> str:
        """The page's main content, marked for :mod:`jspages` when the site has script-built pages."""
        return f"{jspages.MARK_OPEN}{content}{jspages.MARK_CLOSE}" if self.c.spec.script_pages else content

    def page_urls(self) -> list[tuple[str, bool]]:
        """(URL, is evidence or a way to it) of every page but the homepage."""
        out = [(self.section_link(k), True) for k in SECTIONS]
        out += [(b.url, True) for b in self.m.blocks.values() if b is not None and b.url and not b.broken]
        out += [(self.m.archive_page.url, True)]
        if self.ita_url:
            out.append((self.ita_url, True))
        out += [(p.url, False) for p in self.m.news + self.m.extras]
        seen: set[str] = set()
        return [(u, ev) for u, ev in out if u not in ("/", "/index.html") and not (u in seen or seen.add(u))]

    # URLs that carry a query string are served through routes.json
    def file_for(self, url: str, ctype: str | None = None, headers: dict[str, str] | None = None) -> str:
        """Site path of the file answering ``url``; query-string URLs get a routes.json entry."""
        if "?" not in url:
            rel = url_to_file(url)
            if all(len(part.encode()) <= 250 for part in rel.split("/")):
                return rel
            if url not in self.routes:  # a name no file system stores (long Thai file names)
                ext = "." + rel.rsplit(".", 1)[-1] if "." in rel.rsplit("/", 1)[-1] else ".html"
                self.routes[url] = {"file": "q/" + hashlib.sha1(url.encode()).hexdigest()[:16] + ext}
            return self.routes[url]["file"]
        if url in self.routes and not (ctype or headers):
            return self.routes[url]["file"]
        ext = {"pdf": ".pdf", "docx": ".docx", "xlsx": ".xlsx"}.get(url.rsplit(".", 1)[-1], ".html")
        if ctype and "pdf" in ctype:
            ext = ".pdf"
        elif ctype and "word" in ctype:
            ext = ".docx"
        elif ctype and "sheet" in ctype:
            ext = ".xlsx"
        rel = "q/" + hashlib.sha1(url.encode()).hexdigest()[:16] + ext
        entry: dict = {"file": rel}
        if ctype:
            entry["type"] = ctype
        if headers:
            entry["headers"] = headers
        self.routes[url] = entry
        return rel

    # JavaScript menus
    @property
    def js_only(self) -> set[str]:
        return set(self.c.spec.js_only) if self.c.spec.js_menu else set()

    @property
    def js_link_only(self) -> set[str]:
        return set(self.c.spec.js_link_only) if self.c.spec.js_links else set()

    @property
    def scripted_nav(self) -> bool:
        """The main menu is a script menu or a ``javascript:`` mega-menu (plain links only in the footer)."""
        return self.c.spec.js_menu or self.c.spec.js_links

    def visible_blocks(self, key: str) -> list[Block]:
        """Blocks of a section that plain HTML links to (JS-only ones are left to the script menus)."""
        hidden = self.js_only | self.js_link_only
        return [b for b in self.m.section_blocks(key) if b.code not in hidden]

    def mega(self, placeholder: str = "main") -> str:
        """The ``javascript:`` mega-menu (after the script menu's placeholder when both are on)."""
        if self._mega is None:
            hide: set[str] = set()
            for code in self.js_only:
                b = self.m.blocks.get(code)
                if b is not None:
                    hide |= {b.url, *(d.path for d in b.docs)}
            tree = [(label, url, [(u, t) for u, t in subs if u not in hide]) for label, url, subs in self.nav_tree()]
            rng = random.Random(self.c.spec.seed * 7127 + 11)
            self._mega = jslinks.mega_menu(tree, jslinks.Styler(rng))
        return (jsmenu.placeholder(placeholder) if self.c.spec.js_menu else "") + self._mega

    def nav_tree(self) -> list[jsmenu.NavEntry]:
        """The main menu with every block, for the JS menu; layouts override it to match their own menu."""
        tree: list[jsmenu.NavEntry] = [("หน้าหลัก", "/", [])]
        for key, label in SECTIONS.items():
            subs = [(b.url, b.title) for b in self.m.section_blocks(key) if b.url != self.section_link(key)]
            subs += [(p.url, p.title) for p in self.m.section_pages(key)]
            tree.append((label, self.section_link(key), subs))
        return tree

    def section_link(self, key: str) -> str:
        raise NotImplementedError

    def sitemap(self) -> str:
        """Plain links to the section pages: the way in for visitors (and crawlers) without JavaScript."""
        if not self.scripted_nav:
            return ""
        links = " | ".join(f"<a href='{esc(self.section_link(k))}'>{v}</a>" for k, v in SECTIONS.items())
        return f"<div class='sitemap'>แผนผังเว็บไซต์: {links}</div>"

    def ita_rows(self) -> str:
        rows = []
        styler = jslinks.Styler(random.Random(self.c.spec.seed * 7129 + 13))
        for code in ITEM_CODES:
            b = self.m.blocks[code]
            if b is None:
                link = "-"
            elif b.empty:
                link = "<a href='#'>คลิก</a>"
            elif b.evidence == "external":
                link = f"<a href='{esc(b.external or '#')}' target='_blank'>คลิก</a>"
            elif b.evidence == "doc" and len(b.docs) == 1 and self.rng.random() < 0.6:
                link = f"<a href='{esc(b.docs[0].path)}'>คลิก</a>"
            else:
                link = f"<a href='{esc(b.url)}'>คลิก</a>"
            if b is not None and code in self.js_only and not b.empty and b.evidence != "external":
                link = jsmenu.js_link(b.url, "คลิก")
            elif b is not None and code in self.js_link_only and not b.empty and b.evidence != "external":
                link = jslinks.anchor(b.url, "คลิก", styler.next())
            rows.append(f"<tr><td>{code}</td><td>{ITEM_NAMES[code]}</td><td>{link}</td></tr>")
        return "<table><tr><th>ข้อ</th><th>ข้อมูล</th><th>ลิงก์</th></tr>" + "".join(rows) + "</table>"

    #: Where the layout puts its ITA index page ("" for none).
    ita = ""

    @property
    def ita_url(self) -> str | None:
        return self.ita if self.ita and self.c.spec.ita_index else None

    # shared helpers
    def fix(self, body: str) -> str:
        return body.replace("{img}", self.img)

    def doc_hash(self, doc: Doc) -> str:
        return hashlib.sha1(f"{self.c.spec.seed}:{doc.slug}".encode()).hexdigest()[:13]

    def doc_list(self, docs: list[Doc]) -> str:
        if not docs:
            return ""
        rows = "".join(
            f"<tr><td>{i}</td><td><a href='{esc(d.path)}'>{esc(d.title)}</a></td>"
            f"<td><a href='{esc(d.path)}'>ดาวน์โหลด ({d.fmt.upper()})</a></td></tr>"
            for i, d in enumerate(docs, 1)
        )
        return f"<table class='docs'><tr><th>ลำดับ</th><th>ชื่อเอกสาร</th><th>ไฟล์</th></tr>{rows}</table>"

    def block_content(self, b: Block) -> str:
        if b.empty:
            return "<p class='empty'>อยู่ระหว่างปรับปรุงข้อมูล</p>"
        body = self.fix(b.body)
        if b.code == "O7":
            body += self.news_list(self.m.news)
        return body + self.doc_list(b.docs)

    def news_list(self, pages: list[Page]) -> str:
        items = "".join(
            f"<li><a href='{esc(p.url)}'>{esc(p.title)}</a> <span class='date'>"
            f"{date_th(int(p.date[6:]), int(p.date[4:6]), int(p.date[:4]) + 543, False, True)}</span></li>"
            for p in pages
        )
        return f"<ul class='news'>{items}</ul>"


_LAO_CSS = """
body{margin:0;font-family:Tahoma,'Sarabun',sans-serif;background:#eef3f7;color:#222}
.top{background:linear-gradient(#0b5394,#073763);color:#fff;padding:14px 24px;display:flex;align-items:center}
.top img{width:72px;height:72px;border-radius:50%;margin-right:16px;background:#fff}
.top h1{margin:0;font-size:26px}.top p{margin:4px 0 0}
nav.main{background:#f1c232}nav.main>ul{list-style:none;margin:0;padding:0 16px;display:flex;flex-wrap:wrap}
nav.main>ul>li{position:relative}
nav.main>ul>li>a{display:block;padding:10px 12px;color:#073763;font-weight:bold;text-decoration:none}
nav.main ul ul{display:none;position:absolute;background:#fff;list-style:none;padding:0;margin:0;
min-width:260px;z-index:9;box-shadow:0 2px 6px #0004}nav.main li:hover>ul{display:block}
nav.main ul ul a{display:block;padding:6px 10px;color:#222;text-decoration:none;font-size:14px}
.wrap{display:flex;gap:16px;padding:16px 24px}.content{flex:3;background:#fff;padding:16px;border-radius:6px}
.side{flex:1}.box{background:#fff;padding:12px;border-radius:6px;margin-bottom:12px}
.box h3{margin-top:0;border-bottom:3px solid #f1c232}.banner{width:100%;height:180px;display:block}
table{border-collapse:collapse;width:100%}td,th{border:1px solid #bbb;padding:6px}th{background:#cfe2f3}
.people{display:flex;flex-wrap:wrap;gap:16px}.person{width:180px;text-align:center}
footer{background:#073763;color:#ddd;padding:16px 24px;font-size:14px}footer a{color:#ffd966}
.date{color:#888;font-size:12px}.itabtn{display:block;background:#cc0000;color:#fff;padding:10px;text-align:center;
border-radius:6px;text-decoration:none;margin-bottom:8px}
"""


class LaoCmsLayout(Layout):
    """A vendor CMS for อปท.: numeric menu/detail ids, /upload/files/… documents, an ITA index page."""

    name = "lao_cms"
    img = "/upload/images"

    def assign(self) -> None:
        ids = self.rng.sample(range(1500, 2600), len(SECTIONS) + 2)
        self.menu = {key: f"/public/list/data/index/menu/{i}/" for key, i in zip(SECTIONS, ids, strict=False)}
        self.ita = f"/public/list/data/index/menu/{ids[-1]}/"
        detail = iter(self.rng.sample(range(1000, 9999), 200))
        for code in ITEM_CODES:
            b = self.m.blocks[code]
            if b is None:
                continue
            b.url = self.menu["news"] if b.code == "O7" else f"/public/list/data/detail/id/{next(detail)}/"
            for d in b.docs:
                d.path = f"/upload/files/{d.date[:4]}/{d.date[4:6]}/{self.doc_hash(d)}.{d.fmt}"
        for p in self.m.news + self.m.extras + [self.m.archive_page]:
            p.url = f"/public/list/data/detail/id/{next(detail)}/"
        for d in self.m.archive:
            d.path = f"/upload/files/{d.date[:4]}/{d.date[4:6]}/{self.doc_hash(d)}.{d.fmt}"

    def section_link(self, key: str) -> str:
        return self.menu[key]

    def nav_tree(self) -> list[jsmenu.NavEntry]:
        tree = super().nav_tree()
        if self.ita_url:
            at = 1 + list(SECTIONS).index("procurement") + 1
            tree.insert(at, ("ITA", self.ita, []))
        return tree

    def menu_html(self) -> str:
        if self.c.spec.js_links:
            return self.mega()
        if self.c.spec.js_menu:
            return jsmenu.placeholder()
        out = ["<li><a href='/'>หน้าหลัก</a></li>"]
        for key, label in SECTIONS.items():
            subs = [(b.url, b.title) for b in self.m.section_blocks(key) if b.url != self.menu[key]]
            subs += [(p.url, p.title) for p in self.m.section_pages(key)]
            sub = "".join(f"<li><a href='{esc(u)}'>{esc(t)}</a></li>" for u, t in subs)
            out.append(f"<li><a href='{self.menu[key]}'>{label}</a><ul>{sub}</ul></li>")
            if key == "procurement" and self.ita_url:
                out.append(f"<li><a href='{self.ita}'>ITA</a></li>")
        return "<nav class='main'><ul>" + "".join(out) + "</ul></nav>"

    def shell(self, title: str, content: str, side: bool = True) -> str:
        s = self.c.spec
        fb = self.m.blocks.get("O9")
        fb_link = fb.external if fb is not None and fb.external else "https://www.facebook.com/"
        side_html = ""
        if side:
            ita = f"<a class='itabtn' href='{self.ita}'>ITA {s.fiscal_year}</a>" if self.ita_url else ""
            if self.ita_url and self.scripted_nav:
                ita = ""  # the ITA page is in the script menu only
            latest = self.news_list(self.m.news[:5]) if self.m.news else ""
            side_html = f"<div class='side'>{ita}<div class='box'><h3>ข่าวล่าสุด</h3>{latest}</div></div>"
        comment = (
            "<!-- เมนูเดิม (ปิดไว้)\n<ul class='menu-old'>"
            "<li><a href='/index.php?option=com_content&view=ita'>ITA (เก่า)</a></li>"
            "<li><a href='/public/list/data/detail/id/99999/'>O1 โครงสร้าง (เก่า)</a></li>"
            "<li><a href='/upload/files/2019/01/old-structure.pdf'>โครงสร้างเก่า</a></li></ul>\n-->"
        )
        return (
            "<!DOCTYPE html><html lang='th'><head><meta charset='utf-8'>"
            f"<title>{esc(title)} - {esc(self.c.name)}</title><style>{_LAO_CSS}</style></head><body>"
            f"<div class='top'><img src='{self.img}/logo.png' alt='logo'><div><h1>{esc(self.c.name)}</h1>"
            f"<p>อำเภอ{esc(s.district)} จังหวัด{esc(s.province)}</p></div></div>{self.menu_html()}{comment}"
            f"<div class='wrap'><div class='content'><h2>{esc(title)}</h2>{self.mark(content)}</div>{side_html}</div>"
            f"<footer>{self.sitemap()}{esc(self.c.name)} อำเภอ{esc(s.district)} จังหวัด{esc(s.province)} {s.postcode}<br>"
            f"<a href='{esc(fb_link)}'>Facebook</a> | สงวนลิขสิทธิ์ © {s.fiscal_year} | "
            "พัฒนาโดย บริษัท ท้องถิ่นดิจิทัล จำกัด</footer></body></html>"
        )

    def ita_page(self) -> str:
        return self.shell(
            f"การประเมินคุณธรรมและความโปร่งใส (ITA) ปีงบประมาณ พ.ศ. {self.c.fy}",
            f"<p>การเปิดเผยข้อมูลสาธารณะ (OIT) ของ{esc(self.c.name)}</p>" + self.ita_rows(),
        )

    def render(self) -> dict[str, str]:
        files: dict[str, str] = {}
        home = (f"<img class='banner' src='{self.img}/banner.png' alt='banner'>"
                f"<h3>ข่าวประชาสัมพันธ์</h3>{self.news_list(self.m.news[:8])}"
                f"<p><a href='{self.menu['news']}'>ดูทั้งหมด</a></p>")
        files[url_to_file("/")] = self.shell("หน้าหลัก", home)
        for key, label in SECTIONS.items():
            links = [(b.url, b.title) for b in self.visible_blocks(key) if b.url != self.menu[key]]
            links += [(p.url, p.title) for p in self.m.section_pages(key)]
            body = "<ul>" + "".join(f"<li><a href='{esc(u)}'>{esc(t)}</a></li>" for u, t in links) + "</ul>"
            if key == "news":
                b7 = self.m.blocks.get("O7")
                body = (self.news_list(self.m.news) if b7 is not None and not b7.empty else "") + body
            files[url_to_file(self.menu[key])] = self.shell(label, body)
        for b in self.m.blocks.values():
            if b is not None and b.url != self.menu["news"]:
                files[url_to_file(b.url)] = self.shell(b.title, self.block_content(b))
        for p in self.m.news + self.m.extras:
            files[url_to_file(p.url)] = self.shell(p.title, self.fix(p.body))
        ap = self.m.archive_page
        files[url_to_file(ap.url)] = self.shell(ap.title, ap.body + self.doc_list(self.m.archive))
        if self.ita_url:
            files[url_to_file(self.ita)] = self.ita_page()
        return files


_STATIC_CSS = """
body{font-family:'Sarabun',Tahoma,sans-serif;max-width:1100px;margin:auto;background:#fff;color:#333}
header{border-bottom:4px solid #2e7d32;padding:12px 0;display:flex;align-items:center;gap:12px}
header img{width:64px;height:64px}header h1{font-size:24px;color:#2e7d32;margin:0}
nav a{display:inline-block;padding:8px 10px;color:#2e7d32;text-decoration:none;font-weight:bold}
nav{background:#e8f5e9;margin-bottom:12px}main{min-height:400px}
table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:5px}
.people{display:flex;flex-wrap:wrap;gap:20px}.person{text-align:center;width:170px}
footer{border-top:1px solid #ccc;margin-top:24px;padding:12px 0;font-size:13px;color:#666}
"""


class StaticLayout(Layout):
    """A hand-made static site: descriptive file names, /docs/ folder, no ITA index page."""

    name = "static"
    img = "/images"

    ita = "/ita.html"

    def section_url(self, key: str) -> str:
        return "/index.html" if key == "home" else f"/{key}.html"

    def section_link(self, key: str) -> str:
        return self.section_url(key)

    def nav_tree(self) -> list[jsmenu.NavEntry]:
        tree: list[jsmenu.NavEntry] = [("หน้าแรก", "/index.html", [])]
        for key, label in SECTIONS.items():
            subs = [self.link_for(b) for b in self.m.section_blocks(key) if b.code != "O7"]
            subs += [(p.url, p.title) for p in self.m.section_pages(key)]
            tree.append((label, self.section_url(key), subs))
        if self.ita_url:
            tree.append(("ITA", self.ita_url, []))
        return tree

    def assign(self) -> None:
        seen: set[str] = set()
        for b in self.m.blocks.values():
            if b is None:
                continue
            b.url = "/news.html" if b.code == "O7" else f"/{b.section}/{b.slug}.html"
            for d in b.docs:
                base = f"/docs/{b.slug}-{d.year or 'general'}"
                path, n = f"{base}.{d.fmt}", 1
                while path in seen:
                    n += 1
                    path = f"{base}-{n}.{d.fmt}"
                seen.add(path)
                d.path = path
        for p in self.m.news:
            p.url = f"/news/{p.slug}.html"
        for p in self.m.extras + [self.m.archive_page]:
            p.url = f"/{p.section}/{p.slug}.html"
        for d in self.m.archive:
            d.path = f"/docs/archive/{d.slug}-{d.year}.{d.fmt}"

    def shell(self, title: str, content: str) -> str:
        s = self.c.spec
        nav = "".join(f"<a href='{self.section_url(k)}'>{v}</a>" for k, v in
                      [("home", "หน้าแรก"), *SECTIONS.items()])
        if self.ita_url:
            nav += f"<a href='{self.ita_url}'>ITA {s.fiscal_year}</a>"
        if s.js_menu:
            nav = jsmenu.placeholder("main")
        if s.js_links:
            nav = self.mega()
        return (
            "<!DOCTYPE html>\n<html>\n<head>\n"
            "<meta http-equiv='Content-Type' content='text/html; charset=utf-8'>\n"
            f"<title>{esc(self.c.name)} | {esc(title)}</title>\n"
            f"<style>{_STATIC_CSS}</style>\n</head>\n<body>\n"
            f"<header><img src='/images/logo.png' alt=''><div><h1>{esc(self.c.name)}</h1>"
            f"<div>อำเภอ{esc(s.district)} จังหวัด{esc(s.province)}</div></div></header>\n<nav>{nav}</nav>\n"
            f"<main><h2>{esc(title)}</h2>\n{self.mark(content)}\n</main>\n"
            f"<footer>{self.sitemap()}{esc(self.c.name)} © {s.fiscal_year} ปรับปรุงล่าสุดโดยเจ้าหน้าที่ผู้ดูแลเว็บไซต์</footer>\n"
            "</body>\n</html>\n"
        )

    def link_for(self, b: Block) -> tuple[str, str]:
        """Where a section page points for this block: a single document directly, else the block page."""
        if b.evidence == "external" and b.external:
            return b.external, b.title
        if not b.empty and b.evidence == "doc" and len(b.docs) == 1:
            return b.docs[0].path, b.docs[0].title
        return b.url, b.title

    def render(self) -> dict[str, str]:
        files: dict[str, str] = {}
        home = (f"<p><img src='/images/banner.png' alt='' width='100%' height='160'></p>"
                f"<h3>ข่าวประชาสัมพันธ์ล่าสุด</h3>{self.news_list(self.m.news[:6])}")
        social = self.m.blocks.get("O9")
        if social is not None and social.external:
            home += f"<p>ติดตามเราได้ที่ <a href='{esc(social.external)}'>Facebook</a></p>"
        files["index.html"] = self.shell("หน้าแรก", home)
        for key, label in SECTIONS.items():
            links = [self.link_for(b) for b in self.visible_blocks(key) if b.code != "O7"]
            links += [(p.url, p.title) for p in self.m.section_pages(key)]
            body = "<ul>" + "".join(f"<li><a href='{esc(u)}'>{esc(t)}</a></li>" for u, t in links) + "</ul>"
            b7 = self.m.blocks.get("O7")
            if key == "news" and b7 is not None:
                body = self.block_content(b7) + body
            files[f"{key}.html"] = self.shell(label, body)
        for b in self.m.blocks.values():
            if b is not None and b.code != "O7":
                files[url_to_file(b.url)] = self.shell(b.title, self.block_content(b))
        for p in self.m.news + self.m.extras:
            files[url_to_file(p.url)] = self.shell(p.title, self.fix(p.body))
        ap = self.m.archive_page
        files[url_to_file(ap.url)] = self.shell(ap.title, ap.body + self.doc_list(self.m.archive))
        if self.ita_url:
            files[url_to_file(self.ita_url)] = self.shell(
                f"ITA {self.c.fy}", f"<p>ข้อมูลการเปิดเผยข้อมูลสาธารณะ (OIT) ปีงบประมาณ {self.c.fy}</p>" + self.ita_rows())
        return files


LAYOUTS: dict[str, type[Layout]] = {cls.name: cls for cls in (LaoCmsLayout, StaticLayout)}
