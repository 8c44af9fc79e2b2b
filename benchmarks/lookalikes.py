"""Look-alike evidence judged by the engine: hard negatives and positives written from the reference only.

The cases (``tests/data/lookalikes/*.yaml``, format in its README) were written by someone who had read the
reference and real unit documents, not the engine's rules. Each case is one page or document that a unit
links from its ITA index row for one item; the engine judges it as it judges a crawled site (the case
becomes a three-page site: homepage → ITA index → the resource) and must agree with the assessor's
``expect`` (pass, or anything else for fail).

    .venv/bin/python -m benchmarks.lookalikes [--catalog nacc-2567] [--verbose]

prints the agreement by item and by class, and every disagreement with the engine's reasons.
"""

from __future__ import annotations

import argparse
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from checklist.catalog import Catalog, load_catalog
from checklist.engine import evaluate_site
from checklist.sitedata import ItaRow, Link, Resource, SiteData
from oit.extract import text_features
from oit.model import ItemResult

CASES_DIR = Path(__file__).resolve().parents[1] / "tests" / "data" / "lookalikes"
#: Cases written later by another helper and never used to tune the rules: the honest measure.
HELDOUT_DIR = CASES_DIR.parent / "lookalikes-heldout"
HOME = "https://www.unit.example.go.th/"
ITA = HOME + "ita/"
_SUFFIX = {"pdf": ".pdf", "docx": ".docx", "xlsx": ".xlsx", "html": ""}


@dataclass
class Case:
    id: str
    item: str
    fiscal_year: int
    unit_type: str
    expect: str
    cls: str
    why: str
    resource: dict

    @property
    def url(self) -> str:
        kind = self.resource.get("kind", "pdf")
        return f"{HOME}{'page' if kind == 'html' else 'files'}/{self.id.lower()}{_SUFFIX.get(kind, '')}"


def load_cases(root: Path = CASES_DIR) -> list[Case]:
    out = []
    for path in sorted(root.glob("*.yaml")):
        for raw in yaml.safe_load(path.read_text("utf-8")) or []:
            out.append(Case(id=raw["id"], item=raw["item"], fiscal_year=int(raw.get("fiscal_year", 2567)),
                            unit_type=raw.get("unit_type", "lao"), expect=raw["expect"], cls=raw.get("class", ""),
                            why=raw.get("why", ""), resource=raw["resource"]))
    return out


def case_site(case: Case) -> SiteData:
    """The case as a crawled site: a homepage, the unit's ITA index of the year, the linked resource."""
    r = case.resource
    kind = r.get("kind", "pdf")
    features = {**text_features(r.get("text", "")), **(r.get("features") or {})}
    methods = ["ocr"] if r.get("ocr") else []
    if r.get("ocr"):
        features.setdefault("pages_ocr", 1)
    link_text = r.get("link_text") or case.item
    res = Resource(url=case.url, kind=kind, title=r.get("title", ""), text=r.get("text", ""), features=features,
                   depth=2, methods=methods)
    home = Resource(url=HOME, kind="html", title="หน้าแรก", text="หน้าแรก\nข่าวประชาสัมพันธ์\nITA", depth=0)
    ita = Resource(url=ITA, kind="html", title=f"ITA ประจำปีงบประมาณ {case.fiscal_year}",
                   text=f"การประเมินคุณธรรมและความโปร่งใส (ITA) ประจำปีงบประมาณ {case.fiscal_year}\n{link_text}",
                   depth=1)
    return SiteData(
        home=HOME,
        resources={u.url: u for u in (home, ita, res)},
        links=[Link(HOME, ITA, "ITA"), Link(ITA, case.url, link_text)],
        ita_rows=[ItaRow(ITA, case.item, link_text, case.url)],
    )


@cache
def _catalog(name: str) -> Catalog:
    return load_catalog(name)


def judge(case: Case, catalog: str = "nacc-2567") -> ItemResult:
    cat = _catalog(catalog)
    return evaluate_site(cat, case_site(case), case.fiscal_year, case.unit_type, codes={case.item})[0]


def agrees(case: Case, result: ItemResult) -> bool:
    return result.passed == (case.expect == "pass")


def main() -> None:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.lookalikes", description=__doc__.split("\n\n")[0])
    ap.add_argument("--catalog", default="nacc-2567")
    ap.add_argument("--verbose", action="store_true", help="print the engine's reasons for every disagreement")
    ap.add_argument("--cases", type=Path, default=CASES_DIR,
                    help=f"folder of case files (default {CASES_DIR}; the held-out set: {HELDOUT_DIR})")
    args = ap.parse_args()
    cases = load_cases(args.cases)
    by_item: dict[str, Counter] = defaultdict(Counter)
    by_class: dict[str, Counter] = defaultdict(Counter)
    wrong = []
    for case in cases:
        result = judge(case, args.catalog)
        ok = agrees(case, result)
        key = "tp" if case.expect == "pass" and ok else "tn" if ok else "fn" if case.expect == "pass" else "fp"
        by_item[case.item][key] += 1
        by_class[case.cls][key] += 1
        if not ok:
            wrong.append((case, result))
    right = len(cases) - len(wrong)
    print(f"look-alike cases: {len(cases)} · engine agrees on {right} ({100 * right / max(len(cases), 1):.1f} %) · "
          f"false pass {sum(c['fp'] for c in by_item.values())} · false fail {sum(c['fn'] for c in by_item.values())}")
    print("\n| class | cases | agree | false pass | false fail |\n|---|---|---|---|---|")
    for cls, c in sorted(by_class.items()):
        print(f"| {cls} | {c.total()} | {c['tp'] + c['tn']} | {c['fp']} | {c['fn']} |")
    print("\n| item | cases | tp | fp | fn | tn | precision | recall |\n|---|---|---|---|---|---|---|---|")
    for item, c in sorted(by_item.items(), key=lambda kv: int(kv[0][1:])):
        prec = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else float("nan")
        rec = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else float("nan")
        print(f"| {item} | {c.total()} | {c['tp']} | {c['fp']} | {c['fn']} | {c['tn']} | {prec:.2f} | {rec:.2f} |")
    if wrong:
        print("\nDisagreements:")
    for case, result in wrong:
        print(f"- {case.id} ({case.cls}): expected {case.expect}, engine {result.status} — {case.why}")
        if args.verbose:
            for line in result.missing + result.notes:
                print(f"    · {line}")


if __name__ == "__main__":
    main()
