"""Report <-> JSON dict (schema version 1, see ``docs/report-json.md``).

``report_to_json_dict`` is also the view model that the HTML and Markdown renderers use, so
every format shows the same (rounded) numbers.
"""

from __future__ import annotations

import json
import re
from typing import Any

from oitbase.model import STATUS_TH, STATUSES, Evidence, ItemResult, Report, ScoreCard, SkippedLink, Unreadable

SCHEMA_VERSION = "1"


def _r(x: float) -> float:
    """Round a number to 2 decimals (every float in the JSON output goes through this)."""
    return round(float(x), 2)


def natural_key(code: str) -> tuple:
    """Sort key so that "9.2" < "9.10" < "10.1" and "O2" < "O10"."""
    return tuple((0, int(p), "") if p.isdigit() else (1, 0, p) for p in re.split(r"(\d+)", code) if p)


def summary_counts(items: list[ItemResult]) -> dict[str, int]:
    out = {"items_total": len(items)}
    for st in STATUSES:
        out[f"items_{st}"] = sum(1 for it in items if it.status == st)
    out["items_review"] = sum(1 for it in items if it.review)
    return out


def _evidence(ev: Evidence) -> dict[str, Any]:
    return {
        "url": ev.url,
        "title": ev.title,
        "snippet": ev.snippet,
        "kind": ev.kind,
        "offsite": ev.offsite,
        "where": ev.where,
        "fiscal_year": ev.fiscal_year,
        "score": _r(ev.score),
    }


def _item(it: ItemResult) -> dict[str, Any]:
    return {
        "code": it.code,
        "name": it.name,
        "sub_indicator": it.sub_indicator,
        "status": it.status,
        "status_th": STATUS_TH.get(it.status, it.status),
        "confidence": _r(it.confidence),
        "evidence": [_evidence(ev) for ev in it.evidence],
        "missing": list(it.missing),
        "found": list(it.found),
        "notes": list(it.notes),
        "fix": it.fix,
        "criterion": it.criterion,
        "gain": _r(it.gain),
        "catalog_confidence": it.catalog_confidence,
        "skipped": [_skipped(sk) for sk in it.skipped],
        "doubts": list(it.doubts),
        "review": it.review,
    }


def _skipped(sk: SkippedLink) -> dict[str, str]:
    return {"url": sk.url, "reason": sk.reason, "text": sk.text, "src": sk.src}


def _skipped_from(d: dict[str, Any]) -> SkippedLink:
    return SkippedLink(url=d["url"], reason=d["reason"], text=d.get("text", ""), src=d.get("src", ""))


def _fix(report: Report, code: str) -> dict[str, Any]:
    by_code = {it.code: it for it in report.items}
    it = by_code.get(code)
    if it is None:  # a fix code without an item: keep the code, leave the rest empty
        return {"code": code, "name": "", "gain": 0.0, "fix": "", "missing": []}
    return {"code": code, "name": it.name, "gain": _r(it.gain), "fix": it.fix, "missing": list(it.missing)}


def report_to_json_dict(report: Report) -> dict[str, Any]:
    """The report as a JSON-ready dict (schema version 1); floats rounded to 2 decimals."""
    sc = report.score
    return {
        "schema_version": SCHEMA_VERSION,
        "tool_version": report.tool_version,
        "unit": {"name": report.unit_name, "url": report.url, "unit_type": report.unit_type},
        "url": report.url,
        "fiscal_year": report.fiscal_year,
        "catalog": {
            "id": report.catalog_id,
            "version": report.catalog_version,
            "confidence": report.catalog_confidence,
            "title": report.catalog_title,
            "notice": report.catalog_notice,
            "items_unknown": report.catalog_items_unknown,
            "assumed_from": report.catalog_assumed_from,
        },
        "run": {
            "id": report.run_id,
            "started": report.started,
            "finished": report.finished,
            "partial": report.partial,
            "partial_reason": report.partial_reason,
        },
        "score": {
            "oit": _r(sc.oit),
            "indicators": {k: _r(v) for k, v in sc.indicators.items()},
            "sub_indicators": {k: _r(v) for k, v in sc.sub_indicators.items()},
        },
        "band": {"name": sc.band, "note": sc.band_note},
        "sub_indicator_names": dict(report.sub_indicator_names),
        "indicator_names": dict(report.indicator_names),
        "items": [_item(it) for it in report.items],
        "fixes": [_fix(report, code) for code in report.fixes],
        "unreadable": [{"url": u.url, "reason": u.reason} for u in report.unreadable],
        "skipped": [_skipped(sk) for sk in report.skipped],
        "stats": dict(report.stats),
        "warnings": list(report.warnings),
        "summary": summary_counts(report.items),
        "site_list": dict(report.site_list),
    }


def report_to_json(report: Report) -> str:
    return json.dumps(report_to_json_dict(report), ensure_ascii=False, indent=2) + "\n"


def _evidence_from(d: dict[str, Any]) -> Evidence:
    return Evidence(
        url=d["url"],
        title=d.get("title", ""),
        snippet=d.get("snippet", ""),
        kind=d.get("kind", "page"),
        offsite=bool(d.get("offsite", False)),
        where=d.get("where", ""),
        fiscal_year=d.get("fiscal_year"),
        score=float(d.get("score", 0.0)),
    )


def _item_from(d: dict[str, Any]) -> ItemResult:
    return ItemResult(
        code=d["code"],
        name=d["name"],
        sub_indicator=d["sub_indicator"],
        status=d["status"],
        confidence=float(d["confidence"]),
        evidence=[_evidence_from(e) for e in d.get("evidence", [])],
        missing=list(d.get("missing", [])),
        found=list(d.get("found", [])),
        notes=list(d.get("notes", [])),
        fix=d.get("fix", ""),
        criterion=d.get("criterion", ""),
        gain=float(d.get("gain", 0.0)),
        catalog_confidence=d.get("catalog_confidence", "medium"),
        skipped=[_skipped_from(sk) for sk in d.get("skipped", [])],
        doubts=list(d.get("doubts", [])),
    )


def report_from_json_dict(data: dict[str, Any]) -> Report:
    """Inverse of ``report_to_json_dict``. Derived fields (``url``, ``status_th``, ``summary``,
    the details of ``fixes``) are ignored; ``fixes`` gives back the list of item codes."""
    if str(data.get("schema_version")) != SCHEMA_VERSION:
        raise ValueError(f"unsupported report schema_version: {data.get('schema_version')!r}")
    unit, catalog, run, score, band = (data[k] for k in ("unit", "catalog", "run", "score", "band"))
    return Report(
        unit_name=unit["name"],
        url=unit["url"],
        fiscal_year=int(data["fiscal_year"]),
        unit_type=unit["unit_type"],
        catalog_id=catalog["id"],
        catalog_version=catalog["version"],
        catalog_confidence=catalog["confidence"],
        catalog_title=catalog.get("title", ""),
        catalog_notice=catalog.get("notice", ""),
        catalog_items_unknown=int(catalog.get("items_unknown", 0)),
        catalog_assumed_from=catalog.get("assumed_from", ""),
        site_list=data.get("site_list", {}),
        run_id=run["id"],
        started=run["started"],
        finished=run["finished"],
        partial=bool(run["partial"]),
        partial_reason=run.get("partial_reason", ""),
        score=ScoreCard(
            oit=float(score["oit"]),
            indicators={k: float(v) for k, v in score["indicators"].items()},
            sub_indicators={k: float(v) for k, v in score["sub_indicators"].items()},
            band=band["name"],
            band_note=band.get("note", ""),
        ),
        items=[_item_from(d) for d in data["items"]],
        fixes=[f["code"] for f in data.get("fixes", [])],
        unreadable=[Unreadable(url=u["url"], reason=u["reason"]) for u in data.get("unreadable", [])],
        skipped=[_skipped_from(sk) for sk in data.get("skipped", [])],
        stats=dict(data.get("stats", {})),
        sub_indicator_names=dict(data.get("sub_indicator_names", {})),
        indicator_names=dict(data.get("indicator_names", {})),
        warnings=list(data.get("warnings", [])),
        tool_version=data.get("tool_version", ""),
    )
