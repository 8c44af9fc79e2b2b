"""Comparison of one run with a generated site's ground truth, and the figures over many sites."""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass, field

from sitegen import ITEM_CODES
from sitegen.model import PATTERN_STATES


@dataclass
class SiteResult:
    seed: int
    layout: str
    options: dict
    items: list[dict]
    pred_oit: float | None
    true_oit: float
    build_seconds: float
    seconds: float
    error: str = ""
    unknown: list[str] = field(default_factory=list)

    @classmethod
    def make(cls, seed: int, truth: dict, report: dict | None, true_oit: float, unknown: set[str],
             built: float, seconds: float, error: str) -> SiteResult:
        got = {it["code"]: it for it in (report or {}).get("items", [])}
        items = []
        for code, t in truth["items"].items():
            r = got.get(code, {})
            items.append({"code": code, "state": t["state"], "expect": t["expect"],
                          "status": r.get("status", "error"), "missing": list(r.get("missing", []))[:2],
                          "notes": list(r.get("notes", []))[:1], "hard": t.get("hard", []), "url": t.get("url")})
        options = {k: truth.get(k) for k in ("fiscal_year", "ita_index", "js_menu", "js_only", "encoding",
                                             "pages_without_charset", "document_forms")}
        pred = report["score"]["oit"] if report else None
        return cls(seed, truth["layout"], options, items, pred, round(true_oit, 2), round(built, 1),
                   round(seconds, 1), error, sorted(unknown))

    def disagreements(self) -> list[dict]:
        return [it for it in self.items if (it["expect"] == "pass") != (it["status"] == "pass")]

    def line(self) -> str:
        n = len(self.items)
        ok = n - len(self.disagreements())
        pred = "ERROR" if self.pred_oit is None else f"{self.pred_oit:.2f}"
        flags = [self.layout, self.options["encoding"]] + (["js"] if self.options["js_menu"] else [])
        err = f" error: {self.error.strip().splitlines()[-1][:120]}" if self.error.strip() else ""
        return (f"site {self.seed} ({', '.join(flags)}): items {ok}/{n}, OIT {pred} vs truth {self.true_oit:.2f}, "
                f"{self.seconds:.0f} s{err}")

    def as_dict(self) -> dict:
        return asdict(self)


def _ratio(a: int, b: int) -> float | None:
    return round(a / b, 4) if b else None


def item_metrics(results: list[SiteResult]) -> dict[str, dict]:
    """Per item: tp/fp/fn/tn with positive = "pass", precision, recall, F1, accuracy."""
    out = {}
    for code in ITEM_CODES:
        c = Counter()
        for r in results:
            for it in r.items:
                if it["code"] == code:
                    c[("t" if (it["expect"] == "pass") == (it["status"] == "pass") else "f")
                      + ("p" if it["status"] == "pass" else "n")] += 1
        tp, fp, fn, tn = c["tp"], c["fp"], c["fn"], c["tn"]
        p, r = _ratio(tp, tp + fp), _ratio(tp, tp + fn)
        f1 = round(2 * p * r / (p + r), 4) if p and r else (0.0 if (tp + fp + fn) else None)
        out[code] = {"tp": tp, "fp": fp, "fn": fn, "tn": tn, "precision": p, "recall": r, "f1": f1,
                     "accuracy": _ratio(tp + tn, tp + fp + fn + tn)}
    return out


def cause(it: dict) -> str:
    """Why an item is hard for the tool: its misjudged-pattern state, else the first of its hard tags that a
    crawler/extractor must handle ("thai_scan": a poor scan whose dates are in Thai digits)."""
    if it.get("state") in PATTERN_STATES:  # a misjudged real-site pattern: put down to the pattern itself
        return it["state"]
    for tag in ("js_only", "thai_scan", "scan", "broken", "tis-620", "windows-874", "xlsx", "docx", "query_url"):
        if tag in it["hard"]:
            return tag
    return "engine"


def summarise(results: list[SiteResult]) -> dict:
    per_item = item_metrics(results)
    total = sum(len(r.items) for r in results)
    wrong = [dict(it, seed=r.seed, layout=r.layout) for r in results for it in r.disagreements()]
    scored = [r for r in results if r.pred_oit is not None]
    mae = sum(abs(r.pred_oit - r.true_oit) for r in scored) / len(scored) if scored else None
    by_item = Counter(w["code"] for w in wrong)
    return {
        "sites": len(results),
        "items_judged": total,
        "item_accuracy": _ratio(total - len(wrong), total),
        "score_mae": round(mae, 2) if mae is not None else None,
        "sites_failed": [r.seed for r in results if r.pred_oit is None],
        "false_pass": sum(1 for w in wrong if w["status"] == "pass"),
        "false_fail": sum(1 for w in wrong if w["status"] != "pass"),
        "per_item": per_item,
        "worst_items": by_item.most_common(10),
        "causes": dict(Counter(cause(w) for w in wrong).most_common()),
        "by_state": dict(Counter(w["state"] for w in wrong).most_common()),
        "disagreements": wrong,
        "seconds_per_site": round(sum(r.seconds for r in results) / len(results), 1) if results else None,
    }
