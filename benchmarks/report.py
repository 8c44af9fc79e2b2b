"""Printing the benchmark figures and appending them to docs/accuracy.md."""

from __future__ import annotations

from pathlib import Path

from sitegen import ITEM_CODES


def _f(x: float | None) -> str:
    return "-" if x is None else f"{x:.2f}"


def print_summary(s: dict) -> None:
    print("\nper item (positive = pass):")
    print(f"{'item':5} {'tp':>3} {'fp':>3} {'fn':>3} {'tn':>3} {'prec':>5} {'rec':>5} {'F1':>5}")
    for code in ITEM_CODES:
        m = s["per_item"][code]
        print(f"{code:5} {m['tp']:3} {m['fp']:3} {m['fn']:3} {m['tn']:3} {_f(m['precision']):>5} "
              f"{_f(m['recall']):>5} {_f(m['f1']):>5}")
    acc = s["item_accuracy"]
    print(f"\nsites: {s['sites']}  items: {s['items_judged']}  item accuracy: "
          f"{'-' if acc is None else f'{100 * acc:.1f} %'}  score MAE: {_f(s['score_mae'])} points")
    print(f"false pass: {s['false_pass']}  false fail: {s['false_fail']}  failed sites: {s['sites_failed'] or 'none'}")
    print("items that fail most: " + (", ".join(f"{c} ({n})" for c, n in s["worst_items"]) or "none"))
    print("disagreements by cause: " + (", ".join(f"{c} {n}" for c, n in s["causes"].items()) or "none"))
    print("disagreements by state: " + (", ".join(f"{c} {n}" for c, n in s["by_state"].items()) or "none"))
    if s["disagreements"]:
        print("\ndisagreements (site, item, state, truth, tool, hard, missing):")
        for w in s["disagreements"]:
            why = (w["missing"] or w["notes"] or [""])[0]
            print(f"  {w['seed']} {w['layout']:12} {w['code']:4} {w['state']:13} {w['expect']:4} -> "
                  f"{w['status']:8} {','.join(w['hard']) or '-':18} {why[:110]}")
    print(f"\ntime: {s['total_seconds']:.0f} s total, {s['seconds_per_site']} s per site "
          f"(commit {s['commit']}, {s['machine']['nproc']} cores, {s['machine']['ram']}, "
          f"Python {s['machine']['python']})")


_HEAD = """# Accuracy benchmark

`python -m benchmarks.accuracy --sites N --split report` builds N realistic unit websites with
`sitegen.sample_spec` (seeds 1000–1999: tuning split, 2000–2999: reporting split), serves each on
127.0.0.1, runs the real `oit check` (crawl included) in a fresh process and compares every item with the
site's ground truth (what a NACC assessor would decide, see `shared/reference/oit-items.md`). Positive =
"pass"; an item the tool marks partial/fail/unknown counts as "not pass". Score MAE compares the predicted
OIT score with the score computed from the truth by `scoring.score.compute_scores`.

Each run appends a section below.
"""


def append_docs(path: Path, s: dict) -> None:
    text = path.read_text(encoding="utf-8") if path.is_file() else _HEAD
    acc = s["item_accuracy"]
    m = s["machine"]
    weak = [(c, v) for c, v in s["per_item"].items() if v["f1"] is not None and (v["fp"] or v["fn"])]
    rows = "\n".join(f"| {c} | {v['tp']} | {v['fp']} | {v['fn']} | {v['tn']} | {_f(v['precision'])} | "
                     f"{_f(v['recall'])} | {_f(v['f1'])} |" for c, v in weak)
    section = f"""
## {s['date'][:10]}: {s['split']} split, {s['sites']} sites

- Date: {s['date']} · commit `{s['commit']}` · machine: {m['nproc']} cores, {m['ram']} RAM, Python {m['python']}
  ({m['platform']})
- Seeds: {s['seeds'][0]}–{s['seeds'][-1]}
- **Item accuracy: {'-' if acc is None else f'{100 * acc:.1f} %'}** ({s['items_judged']} items) ·
  **score MAE: {_f(s['score_mae'])} points** · false pass {s['false_pass']} · false fail {s['false_fail']}
- Time: {s['total_seconds']:.0f} s in all, {s['seconds_per_site']} s per site (two sites at a time)
- Items that fail most: {', '.join(f'{c} ({n})' for c, n in s['worst_items']) or 'none'}
- Disagreements by cause: {', '.join(f'{c} {n}' for c, n in s['causes'].items()) or 'none'}
- Failed sites: {s['sites_failed'] or 'none'}

Items with at least one disagreement (the others were all right):

| item | tp | fp | fn | tn | precision | recall | F1 |
|---|---|---|---|---|---|---|---|
{rows or '| - | | | | | | | |'}
"""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text.rstrip("\n") + "\n" + section, encoding="utf-8")
