"""The JSON Schema of the JSON report, generated from the model (``oitbase.model.Report``).

``python -m reports.schema`` writes ``reports/report.schema.json``; ``python -m reports.schema --check``
exits 1 when the checked-in file differs from the generated one (``tests/test_reports.py`` checks it too).

The schema is pydantic's serialization schema of ``Report`` (dumped with ``by_alias=True``), laid out as the
JSON is: the ``group.key`` fields are nested under their group and the score card's band is written beside
the score (see the module docstring of ``oitbase.model``).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic.json_schema import GenerateJsonSchema

from oitbase.model import SCHEMA_VERSION, Report, nest
from oitbase.schemafile import write_or_check

SCHEMA_PATH = Path(__file__).with_name("report.schema.json")
REGENERATE = "python -m reports.schema"


class _Generator(GenerateJsonSchema):
    def field_title_should_be_set(self, schema: Any) -> bool:
        return False  # "Url", "Fiscal Year" … say nothing a description does not


def report_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of ``report_to_json_dict``'s output."""
    gen = Report.model_json_schema(mode="serialization", by_alias=True, schema_generator=_Generator)
    required = set(gen.pop("required", []))
    props: dict[str, Any] = gen.pop("properties")
    nested = nest(props)
    for name, value in nested.items():
        if name not in props:  # a group of ``group.key`` fields
            nested[name] = {
                "type": "object",
                "required": [k for k in value if f"{name}.{k}" in required],
                "additionalProperties": False,
                "properties": value,
            }
    score = gen["$defs"]["ScoreCard"]
    for key in ("band", "band_note"):  # written as the top-level ``band``
        score["properties"].pop(key)
        score["required"].remove(key)
    top_required = {k.partition(".")[0] for k in required}
    gen.pop("title", None)
    gen.pop("description", None)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"urn:oit-selfcheck:report:{SCHEMA_VERSION}",
        "title": "OIT self-check report",
        "description": f"JSON report of one OIT self-check run (schema version {SCHEMA_VERSION}), generated from "
        f"oitbase.model.Report by `{REGENERATE}`; see docs/report-json.md.",
        **gen,
        "required": [k for k in nested if k in top_required],
        "properties": nested,
    }


def schema_text() -> str:
    return json.dumps(report_schema(), ensure_ascii=False, indent=2) + "\n"


def main(argv: list[str] | None = None) -> int:
    return write_or_check(SCHEMA_PATH, schema_text(), REGENERATE, argv)


if __name__ == "__main__":
    raise SystemExit(main())
