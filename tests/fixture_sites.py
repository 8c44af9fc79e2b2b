"""Served fixture sites written from the OIT reference alone, as independent judges of the item rules.

Each site is data under ``tests/data/sites/<name>/``: ``site.yaml`` holds the unit (name, address, contact),
the menu, the pages as HTML fragments and the documents as HTML rendered to PDF (or DOCX); ``truth.yaml``
says how NACC's assessors are expected to judge every item (``pass``, ``partial``, ``fail``; ``unknown``
for items the reference does not name; ``unknown_variant`` for items that differ between units).

:func:`build_fixture_site` writes a site into a directory that :func:`sitegen.serve.serve_directory` can serve.
Every page is wrapped in one shared template (header with the unit's name, a menu, a footer with the
address), as real unit sites are; every local ``<img>`` a page shows gets a small placeholder PNG.
"""

from __future__ import annotations

import re
import struct
import zlib
from pathlib import Path

import yaml

from sitegen.pdfdoc import render_docx, render_pdf

SITES = Path(__file__).resolve().parent / "data" / "sites"
NAMES = ("agency-2570", "ovec-college-2569")
#: How many items each scheme's list has (reference: the 2569 agency list O1–O26, the OVEC list O1–O23).
ITEM_COUNTS = {"nacc": 26, "ovec": 23}
EXPECTS = ("pass", "partial", "fail", "unknown", "unknown_variant")

TEMPLATE = """<!DOCTYPE html>
<html lang="th">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title} | {name}</title>
<link rel="stylesheet" href="/assets/style.css">
</head>
<body>
<header class="site-header">
<a href="/"><img src="/assets/logo.png" alt="ตราสัญลักษณ์" width="72" height="72"></a>
<div class="site-name"><strong>{name}</strong><br><span>{name_en}</span></div>
</header>
<nav class="main-menu">
<ul>
{menu}
</ul>
</nav>
<main class="content">
{heading}{body}
</main>
<footer class="site-footer">
<p><strong>{name}</strong><br>
{address}<br>
โทรศัพท์ {phone} โทรสาร {fax}<br>
อีเมล {email}</p>
<p>เวลาทำการ วันจันทร์ - วันศุกร์ เวลา 08.30 - 16.30 น. (เว้นวันหยุดราชการ)</p>
<p>&copy; {copyright} {name} สงวนลิขสิทธิ์</p>
</footer>
</body>
</html>
"""

STYLE = """body { font-family: "TH Sarabun New", Tahoma, sans-serif; margin: 0; }
.site-header { display: flex; gap: 1em; align-items: center; background: #1f3b70; color: #fff; padding: .5em 1em; }
.main-menu ul { display: flex; gap: 1.5em; list-style: none; margin: 0; padding: .5em 1em; background: #e8edf5; }
.content { padding: 1em 2em; }
table { border-collapse: collapse; } td, th { border: 1px solid #999; padding: .2em .5em; }
.site-footer { background: #1f3b70; color: #fff; padding: 1em 2em; font-size: 90%; }
"""

ACTIVE = ' class="active"'
LOCAL_IMG = re.compile(r"""<img\b[^>]*\bsrc=["'](/[^"'?#]+\.png)["']""")


def load_site(name: str) -> tuple[dict, dict]:
    """(site, truth) of the fixture site ``name`` as written in its YAML files."""
    folder = SITES / name
    site = yaml.safe_load((folder / "site.yaml").read_text(encoding="utf-8"))
    truth = yaml.safe_load((folder / "truth.yaml").read_text(encoding="utf-8"))
    return site, truth


def wrap_page(site: dict, path: str, page: dict) -> str:
    """The whole HTML page: the fragment of ``page`` inside the shared template."""
    unit = site["unit"]
    items = []
    for label, href in site["menu"]:
        here = href.strip("/") in (path, path.removesuffix("index.html").strip("/"))
        items.append(f'<li{ACTIVE if here else ""}><a href="{href}">{label}</a></li>')
    menu = "\n".join(items)
    heading = "" if page.get("no_heading") else f"<h1>{page['title']}</h1>\n"
    return TEMPLATE.format(title=page["title"], menu=menu, heading=heading, body=page["body"], **unit)


def placeholder_png(width: int, height: int, seed: str) -> bytes:
    """A small RGB PNG, a colour band a row, coloured from ``seed`` (a stand-in for a photo or a chart)."""
    base = zlib.crc32(seed.encode("utf-8"))
    rows = bytearray()
    for y in range(height):
        shade = (base >> (8 * (y * 3 // height))) & 0xFF
        rows += b"\x00" + bytes((shade, 255 - shade, (shade * 7) & 0xFF)) * width

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(bytes(rows))) + chunk(b"IEND", b"")
    )


def build_fixture_site(name: str, dest: Path) -> dict:
    """Write the fixture site ``name`` into ``dest`` (pages, documents, images); return its truth."""
    site, truth = load_site(name)
    dest = Path(dest)
    images = {"/assets/logo.png"}
    for path, page in site["pages"].items():
        html = wrap_page(site, path, page)
        images.update(LOCAL_IMG.findall(html))
        target = dest / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(html, encoding="utf-8")
    for path, doc in site["documents"].items():
        target = dest / path
        target.parent.mkdir(parents=True, exist_ok=True)
        if target.suffix == ".docx":
            render_docx(doc["html"], target, doc["title"], str(doc["date"]))
        else:
            producer, landscape = doc.get("producer", 0), doc.get("landscape", False)
            render_pdf(doc["html"], target, doc["title"], str(doc["date"]), producer, landscape)
    for src in sorted(images):
        target = dest / src.lstrip("/")
        target.parent.mkdir(parents=True, exist_ok=True)
        wide = "chart" in src or "structure" in src
        target.write_bytes(placeholder_png(480 if wide else 120, 300 if wide else 150, src))
    (dest / "assets").mkdir(parents=True, exist_ok=True)
    (dest / "assets" / "style.css").write_text(STYLE, encoding="utf-8")
    return truth
