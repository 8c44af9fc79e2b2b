"""Build a generated site and its ground truth into a directory."""

from __future__ import annotations

import json
from pathlib import Path

from .content import Ctx, build_block
from .layouts import LAYOUTS, SiteModel, url_to_file
from .model import ITEM_CODES, ITEM_NAMES, Block, Doc, SiteSpec
from .noise import archive_docs, extra_pages, news_pages
from .pdfdoc import make_png, render_docx, render_pdf

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


def _write_doc(dest: Path, doc: Doc, n: int) -> None:
    path = dest / url_to_file(doc.path)
    if doc.fmt == "docx":
        render_docx(doc.html, path, doc.title, doc.date)
    else:
        render_pdf(f"<html><body>{doc.html}</body></html>", path, doc.title, doc.date, n, doc.landscape)


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
    model = SiteModel(ctx, blocks, news, extra_pages(ctx), archive_page, archive)
    layout = LAYOUTS[spec.layout](model)
    files = layout.build()
    for rel, text in sorted(files.items()):
        path = dest / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    docs = [d for b in blocks.values() if b is not None for d in b.docs] + archive
    for n, doc in enumerate(docs):
        _write_doc(dest, doc, n)
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
            entry["page"] = b.url
        items[code] = entry
    truth = {"unit_name": spec.unit_name, "fiscal_year": spec.fiscal_year, "layout": spec.layout,
             "ita_index": layout.ita_url, "seed": spec.seed,
             "pages": len(files), "documents": len(docs), "items": items}
    (dest / "truth.json").write_text(json.dumps(truth, ensure_ascii=False, indent=1), encoding="utf-8")
    return truth
