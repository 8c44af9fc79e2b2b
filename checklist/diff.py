"""What changed between two catalogs (e.g. FY 2567 → 2568): items added, removed, renamed, renumbered, and
changed rules of the items both have. Items are paired by name similarity, not by code, because NACC
renumbers items when the list is re-cut.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from difflib import SequenceMatcher

from checklist.catalog import Catalog, Item
from oitbase.thai import fold

#: Two item names at least this similar (0..1) are the same item.
SAME_ITEM = 0.6
#: What kind of document a name starts with; names of different kinds are less alike.
DOCUMENT_KINDS = ("แผน", "รายงาน", "คู่มือ", "ประกาศ", "หลักเกณฑ์", "นโยบาย", "มาตรการ", "สรุปผล", "ข้อมูล")


def name_similarity(a: str, b: str) -> float:
    """0..1 on folded names; a name that contains the other whole counts as at least 0.8."""
    fa, fb = fold(a), fold(b)
    if not fa or not fb:
        return 0.0
    ratio = SequenceMatcher(None, fa, fb, autojunk=False).ratio()
    if fa in fb or fb in fa:
        ratio = max(ratio, 0.8)
    kind_a = next((k for k in DOCUMENT_KINDS if fa.startswith(fold(k))), None)
    kind_b = next((k for k in DOCUMENT_KINDS if fb.startswith(fold(k))), None)
    if kind_a and kind_b and kind_a != kind_b:
        ratio *= 0.75  # a plan is not a report, even with the same words after it
    return ratio


def _item_similarity(a: Item, b: Item) -> float:
    sims = [name_similarity(a.name, b.name)]
    if a.terms and b.terms:
        sims.append(name_similarity(a.terms[0], b.terms[0]))
    # Items that share one of their main search terms ("No Gift Policy") are probably the same item.
    if {fold(t) for t in a.terms[:3]} & {fold(t) for t in b.terms[:3]}:
        sims.append(SAME_ITEM + 0.05)
    return max(sims)


@dataclass
class ItemChange:
    old: Item
    new: Item
    similarity: float
    changes: list[str] = field(default_factory=list)

    @property
    def renumbered(self) -> bool:
        return self.old.code != self.new.code

    @property
    def renamed(self) -> bool:
        return fold(self.old.name) != fold(self.new.name)


@dataclass
class CatalogDiff:
    old: Catalog
    new: Catalog
    added: list[Item] = field(default_factory=list)
    removed: list[Item] = field(default_factory=list)
    paired: list[ItemChange] = field(default_factory=list)

    @property
    def changed(self) -> list[ItemChange]:
        return [p for p in self.paired if p.renumbered or p.renamed or p.changes]


def _element_summary(item: Item) -> dict[str, str]:
    out = {}
    for el in item.elements:
        flags = [] if el.required else ["optional"]
        flags += ["per_person"] if el.per_person else []
        flags += ["signed_by"] if el.signed_by else []
        out[el.id] = ",".join(flags)
    return out


def field_changes(a: Item, b: Item) -> list[str]:
    """Changed rules of one item: sub-indicator, year rule, elements, negative rules, off-site policy …"""
    out = []
    for name in ("sub_indicator", "year_rule", "offsite_counts", "evidence_kind", "unknown", "confidence"):
        va, vb = getattr(a, name), getattr(b, name)
        va, vb = getattr(va, "value", va), getattr(vb, "value", vb)
        if va != vb:
            out.append(f"{name}: {va} → {vb}")
    ea, eb = _element_summary(a), _element_summary(b)
    if set(ea) - set(eb):
        out.append("elements removed: " + ", ".join(sorted(set(ea) - set(eb))))
    if set(eb) - set(ea):
        out.append("elements added: " + ", ".join(sorted(set(eb) - set(ea))))
    for eid in sorted(set(ea) & set(eb)):
        old_el = next(e for e in a.elements if e.id == eid)
        new_el = next(e for e in b.elements if e.id == eid)
        if old_el.model_dump(exclude={"label"}) != new_el.model_dump(exclude={"label"}):
            out.append(f"element {eid} changed")
    fa, fb = {f.id for f in a.forbid}, {f.id for f in b.forbid}
    if fa != fb:
        out.append(f"forbid: {sorted(fa) or '-'} → {sorted(fb) or '-'}")
    if set(a.variants) != set(b.variants):
        out.append(f"variants: {sorted(a.variants) or '-'} → {sorted(b.variants) or '-'}")
    return out


def diff_catalogs(old: Catalog, new: Catalog) -> CatalogDiff:
    """Pair items greedily by similarity (same code breaks ties), then list what is left and what changed."""
    pairs = []
    for a in old.items:
        for b in new.items:
            sim = _item_similarity(a, b)
            if sim >= SAME_ITEM:
                pairs.append((sim, a.code == b.code, a, b))
    pairs.sort(key=lambda p: (-p[0], not p[1], int(p[2].code[1:]), int(p[3].code[1:])))
    used_a: set[str] = set()
    used_b: set[str] = set()
    out = CatalogDiff(old, new)
    for sim, _, a, b in pairs:
        if a.code in used_a or b.code in used_b:
            continue
        used_a.add(a.code)
        used_b.add(b.code)
        out.paired.append(ItemChange(a, b, sim, field_changes(a, b)))
    out.paired.sort(key=lambda c: int(c.new.code[1:]))
    out.removed = [a for a in old.items if a.code not in used_a]
    out.added = [b for b in new.items if b.code not in used_b]
    return out


def render_diff(d: CatalogDiff) -> list[str]:
    """Plain-text lines for ``oit catalog diff``."""
    lines = [
        f"{d.old.id} (FY{d.old.fiscal_year}, {len(d.old.items)} items) → {d.new.id} "
        f"(FY{d.new.fiscal_year}, {len(d.new.items)} items)"
    ]
    old_subs, new_subs = d.old.sub_indicator_names(), d.new.sub_indicator_names()
    for code in sorted(set(old_subs) | set(new_subs), key=lambda c: [int(x) for x in c.split(".")]):
        if old_subs.get(code) != new_subs.get(code):
            lines.append(f"~ sub-indicator {code}: {old_subs.get(code, '-')} → {new_subs.get(code, '-')}")
    for it in d.removed:
        lines.append(f"- {'removed':<19} {it.code:<4}        {it.name}")
    for it in d.added:
        lines.append(f"+ {'added':<19}         {it.code:<4}{it.name}")
    for c in d.changed:
        tags = [t for t, on in (("renumbered", c.renumbered), ("renamed", c.renamed)) if on] or ["changed"]
        head = f"~ {'/'.join(tags):<19} {c.old.code:<4}→ {c.new.code:<4} {c.new.name}"
        if c.renamed:
            head += f"  (was: {c.old.name}; similarity {c.similarity:.2f})"
        lines.append(head)
        lines += [f"      {ch}" for ch in c.changes]
    same = len(d.paired) - len(d.changed)
    lines.append(f"{len(d.removed)} removed, {len(d.added)} added, {len(d.changed)} changed, {same} unchanged")
    return lines
