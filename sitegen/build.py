"""Build a generated site and its ground truth into a directory."""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

from .content import Ctx, build_block
from .docforms import make_broken, make_scan, render_xlsx, thai_digits_html
from .jspages import FAULTS_FILE
from .layouts import LAYOUTS as _BASIC_LAYOUTS
from .layouts import Layout, SiteModel
from .layouts_cms import CMS_LAYOUTS
from .model import ENCODINGS, ITEM_CODES, ITEM_NAMES, Block, Doc, SiteSpec
from .noise import archive_docs, extra_pages, news_pages
from .pdfdoc import make_png, render_docx, render_pdf

LAYOUTS = {**_BASIC_LAYOUTS, **CMS_LAYOUTS}
_META = re.compile(r"<meta[^>]*charset[^>]*>", re.I)

_PALETTE = [(52, 101, 164), (115, 210, 22), (204, 0, 0), (245, 121, 0), (117, 80, 123), (193, 125, 17)]


def _images(dest: Path, img_dir: str) -> None:
    base = dest / img_dir.strip("/")
    base.mkdir(parents=True, exist_ok=True)
    (base / "logo.png").write_bytes(make_png(48, 48, (11, 83, 148)))
    (base / "banner.png").write_bytes(make_png(160, 40, (61, 133, 198)))
    (base / "orgchart.png").write_bytes(make_png(120, 80, (230, 145, 56)))
    for i in range(1, 7):
        (base / f"exec{i}.png").write_bytes(make_png(30, 40, _PALETTE[i % len(_PALETTE)], figure=True))
    for i in range(1, 13):
        (base / f"gal{i}.png").write_bytes(make_png(40, 30, _PALETTE[i % len(_PALETTE)]))
    (base / "construction.png").write_bytes(make_png(64, 32, (241, 194, 50), stripes=True))


def _write_doc(path: Path, doc: Doc, n: int) -> None:
    if doc.fmt == "docx":
        render_docx(doc.html, path, doc.title, doc.date)
    elif doc.fmt == "xlsx":
        render_xlsx(doc.html, path, doc.title, doc.date)
    else:
        html = thai_digits_html(doc.html) if doc.thai_scan else doc.html
        render_pdf(f"<html><body>{html}</body></html>", path, doc.title, doc.date, n, doc.landscape)
        if doc.form == "scan":
            make_scan(path, doc.slug + doc.date, poor=doc.thai_scan)
        elif doc.form == "broken":
            make_broken(path, doc.slug + doc.date)


def _assign_forms(spec: SiteSpec, blocks: dict[str, Block | None], archive: list[Doc]) -> None:
    """Office formats of O16/O21 (``xlsx``) and the PDF form of every document, seeded by the spec.

    A block of a pattern state draws the forms of the documents its "ok" block had (``base_docs``), so every
    other document keeps its form; its own new documents draw theirs from a generator of their own. Thai-digit
    poor scans (``thai_scans``) are picked among the scans afterwards, from another generator.
    """
    rng = random.Random(spec.seed * 31 + 7)
    extra = random.Random(f"oit-sitegen-forms-{spec.seed}")

    def form(d: Doc, r: random.Random) -> None:
        if d.fmt != "pdf":
            d.form = d.fmt
            return
        x = r.random()
        d.form = "scan" if x < spec.scan_share else "broken" if x < spec.scan_share + spec.broken_share else "text"

    for code in ("O16", "O21"):
        b = blocks.get(code)
        if spec.xlsx and b is not None:
            for i, d in enumerate(b.docs if b.base_docs is None else b.base_docs):
                if code == "O16" or i % 2 == 0:
                    d.fmt = "xlsx"
    new: list[Doc] = []
    for b in blocks.values():
        if b is None:
            continue
        for d in b.docs if b.base_docs is None else b.base_docs:
            form(d, rng)
        if b.base_docs is not None:
            new += [d for d in b.docs if all(d is not o for o in b.base_docs)]
    for d in archive:
        form(d, rng)
    for d in new:
        form(d, extra)
    if spec.thai_scans:
        pick = random.Random(f"oit-sitegen-thai-scans-{spec.seed}")
        for d in [d for b in blocks.values() if b is not None for d in b.docs] + archive:
            d.thai_scan = d.form == "scan" and pick.random() < spec.thai_scans


def _encode(spec: SiteSpec, files: dict[str, str]) -> tuple[dict[str, bytes], str | None, int]:
    """(file → bytes, Content-Type for .html, pages that declare no charset at all)."""
    if spec.encoding not in ENCODINGS:
        raise ValueError(f"unknown encoding {spec.encoding!r}; known: {ENCODINGS}")
    if spec.encoding == "utf-8":
        return {rel: text.encode("utf-8") for rel, text in files.items()}, None, 0
    rng = random.Random(spec.seed * 13 + 5)
    header = "text/html; charset=tis-620" if spec.encoding == "tis-620" else "text/html"
    out, bare = {}, 0
    for rel, text in sorted(files.items()):
        if not rel.endswith(".html"):
            out[rel] = text.encode("utf-8")
            continue
        if spec.encoding == "tis-620":
            meta = "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=tis-620\">"
            drop = rng.random() < 0.3
        else:
            meta = "<meta http-equiv='Content-Type' content='text/html; charset=windows-874'>"
            drop = rng.random() < 0.15
            bare += drop
        text = _META.sub("" if drop else meta, text, count=1)
        out[rel] = text.encode("cp874", errors="xmlcharrefreplace")
    return out, header, bare


def _drop_broken(layout: Layout, blocks: dict[str, Block | None], files: dict[str, str]) -> set[str]:
    """Make the links of "broken_link" items answer 404; return the document URLs not to write."""
    skip: set[str] = set()
    for b in blocks.values():
        if b is None or not b.broken:
            continue
        skip |= {d.path for d in b.docs}
        for d in b.docs:
            layout.routes.pop(d.path, None)
        if b.evidence != "doc" or not b.docs:
            files.pop(layout.file_for(b.url), None)
            layout.routes.pop(b.url, None)
    return skip


def _hard(spec: SiteSpec, b: Block | None, layout: Layout) -> list[str]:
    """What makes an item's evidence hard to read for a crawler (used to explain benchmark errors)."""
    if b is None or b.empty or b.evidence == "external" or b.broken:
        return []
    hard = {d.form for d in b.docs if d.form != "text"}
    if any(d.thai_scan for d in b.docs):
        hard.add("thai_scan")
    if b.code in layout.js_only:
        hard.add("js_only")
    if b.code in layout.js_link_only:
        hard.add("js_link")
    if any(d.slug in layout.doc_names and "?" not in d.path for d in b.docs):
        hard.add("long_name")
    if b.url in layout.script_urls:
        hard.add("script_page")
        if layout.script_urls[b.url]:
            hard.add("render_fault")
    if spec.encoding != "utf-8" and b.evidence == "page":
        hard.add(spec.encoding)
    if "?" in (b.url or "") or any("?" in d.path for d in b.docs):
        hard.add("query_url")
    return sorted(hard)


def _reason(code: str, state: str, expect: str) -> str:
    return f"{ITEM_NAMES[code]}: state {state} -> {expect}"


def build_site(spec: SiteSpec, dest: Path) -> dict:
    """Write the site for ``spec`` under ``dest`` plus ``dest/truth.json``; return the truth dict."""
    dest = Path(dest)
    dest.mkdir(parents=True, exist_ok=True)
    if spec.layout not in LAYOUTS:
        raise ValueError(f"unknown layout {spec.layout!r}; known: {sorted(LAYOUTS)}")
    missing = [c for c in ITEM_CODES if c not in spec.items]
    if missing:
        raise ValueError(f"spec has no plan for {missing}")
    ctx = Ctx(spec)
    blocks: dict[str, Block | None] = {
        code: build_block(ctx, code, spec.items[code].state) for code in ITEM_CODES
    }
    b7 = blocks["O7"]
    news = news_pages(ctx) if b7 is not None and not b7.empty and b7.evidence != "external" else []
    archive_page, archive = archive_docs(ctx)
    _assign_forms(spec, blocks, archive)
    model = SiteModel(ctx, blocks, news, extra_pages(ctx), archive_page, archive)
    layout = LAYOUTS[spec.layout](model)
    files = layout.build()
    skip = _drop_broken(layout, blocks, files)
    encoded, html_type, bare = _encode(spec, files)
    for rel, data in sorted(encoded.items()):
        path = dest / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    docs = [d for b in blocks.values() if b is not None for d in b.docs] + archive
    for n, doc in enumerate(docs):
        if doc.path not in skip:
            _write_doc(dest / layout.file_for(doc.path), doc, n)
    for rel, text in sorted(layout.assets.items()):
        path = dest / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    if layout.faults:
        (dest / FAULTS_FILE).write_text(json.dumps({"faults": layout.faults}, ensure_ascii=False, indent=1),
                                        encoding="utf-8")
    if layout.routes or html_type:
        routes: dict = {"html_type": html_type} if html_type else {}
        strict = any("?" in url for url in layout.routes)
        routes.update({"strict_query": strict, "routes": layout.routes})
        (dest / "routes.json").write_text(json.dumps(routes, ensure_ascii=False, indent=1), encoding="utf-8")
    _images(dest, layout.img)

    items = {}
    for code in ITEM_CODES:
        plan = spec.items[code]
        b = blocks[code]
        url = None if b is None else b.evidence_url
        entry = {"name": ITEM_NAMES[code], "expect": plan.expect, "state": plan.state,
                 "reason": plan.reason or _reason(code, plan.state, plan.expect), "url": url,
                 "offsite": bool(url and url.startswith("http"))}
        if b is not None and b.docs and not b.empty:
            entry["documents"] = [d.path for d in b.docs]
            entry["forms"] = [d.form for d in b.docs]
            entry["page"] = b.url
        if b is not None and b.neighbour:
            entry["neighbour"] = b.neighbour
        entry["hard"] = _hard(spec, b, layout)
        items[code] = entry
    forms: dict[str, int] = {}
    for d in docs:
        forms[d.form] = forms.get(d.form, 0) + 1
    truth = {"unit_name": spec.unit_name, "unit_type": spec.unit_type, "fiscal_year": spec.fiscal_year,
             "layout": spec.layout, "ita_index": layout.ita_url, "seed": spec.seed,
             "js_menu": spec.js_menu, "js_only": sorted(layout.js_only), "encoding": spec.encoding,
             "pages_without_charset": bare, "document_forms": dict(sorted(forms.items())),
             "pages": len(files), "documents": len(docs), "items": items}
    if spec.long_names:
        truth["long_names"] = sorted(d.path for d in docs
                                     if d.slug in layout.doc_names and "?" not in d.path and d.path not in skip)
    if spec.js_links:
        truth["js_links"] = True
        truth["js_link_only"] = sorted(layout.js_link_only, key=ITEM_CODES.index)
    if spec.thai_scans:
        truth["thai_scans"] = sorted(d.path for d in docs if d.thai_scan and d.path not in skip)
    if spec.script_pages:
        truth["script_pages"] = sorted(layout.script_urls)
        truth["render_faults"] = {u: k for u, k in sorted(layout.script_urls.items()) if k}
    (dest / "truth.json").write_text(json.dumps(truth, ensure_ascii=False, indent=1), encoding="utf-8")
    return truth
