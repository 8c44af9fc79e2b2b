"""Report <-> JSON dict (schema version 1, see ``docs/report-json.md``).

The JSON is written from the model (``oitbase.model``: its fields, their JSON places and the derived
fields are declared there) and read back with ``Report.model_validate``; the JSON Schema
``reports/report.schema.json`` is generated from the same model (``python -m reports.schema``).

``report_to_json_dict`` is also the view model that the HTML and Markdown renderers use, so
every format shows the same (rounded) numbers.
"""

from __future__ import annotations

import json
import re
from typing import Any

from oitbase.model import SCHEMA_VERSION, Report

__all__ = ["SCHEMA_VERSION", "natural_key", "report_from_json_dict", "report_to_json", "report_to_json_dict"]


def natural_key(code: str) -> tuple:
    """Sort key so that "9.2" < "9.10" < "10.1" and "O2" < "O10"."""
    return tuple((0, int(p), "") if p.isdigit() else (1, 0, p) for p in re.split(r"(\d+)", code) if p)


def report_to_json_dict(report: Report) -> dict[str, Any]:
    """The report as a JSON-ready dict (schema version 1); floats rounded to 2 decimals."""
    return report.to_json_dict()


def report_to_json(report: Report) -> str:
    return json.dumps(report_to_json_dict(report), ensure_ascii=False, indent=2) + "\n"


def report_from_json_dict(data: dict[str, Any]) -> Report:
    """Inverse of ``report_to_json_dict``. Derived fields (``url``, ``status_th``, ``review``, ``summary``,
    ``band`` is read back into the score card, the details of ``fixes``) are ignored; ``fixes`` gives back
    the list of item codes."""
    if str(data.get("schema_version")) != SCHEMA_VERSION:
        raise ValueError(f"unsupported report schema_version: {data.get('schema_version')!r}")
    return Report.model_validate(data)
