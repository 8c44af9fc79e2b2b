"""CSV output (UTF-8 with BOM so Excel shows Thai): one row per item. The ITAS answer sheet is in answer_sheet."""

from __future__ import annotations

import csv
import io

from oitbase.model import STATUS_TH, Report

from .safety import csv_cell

BOM = "\ufeff"
ITEM_COLUMNS = (
    "code",
    "name",
    "sub_indicator",
    "status",
    "status_th",
    "confidence",
    "review",
    "gain",
    "evidence_url",
    "evidence_where",
    "missing",
    "fix",
    "catalog",
)


def _to_csv(columns: tuple[str, ...], rows: list[dict]) -> str:
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=columns, lineterminator="\r\n")
    w.writeheader()
    w.writerows(rows)
    return BOM + buf.getvalue()


def item_rows(report: Report) -> list[dict]:
    rows = []
    for it in report.items:
        ev = it.evidence[0] if it.evidence else None
        rows.append(
            {
                "code": csv_cell(it.code),
                "name": csv_cell(it.name),
                "sub_indicator": csv_cell(it.sub_indicator),
                "status": it.status,
                "status_th": STATUS_TH.get(it.status, it.status),
                "confidence": f"{it.confidence:.2f}",
                "review": "yes" if it.review else "",
                "gain": f"{it.gain:.2f}",
                "evidence_url": csv_cell(ev.url) if ev else "",
                "evidence_where": csv_cell(ev.where) if ev else "",
                "missing": csv_cell(" | ".join(it.missing)),
                "fix": csv_cell(it.fix),
                "catalog": csv_cell(report.catalog_label),
            }
        )
    return rows


def render_csv(report: Report) -> str:
    """One row per item; starts with a BOM."""
    return _to_csv(ITEM_COLUMNS, item_rows(report))
