"""The alert payload (``oit-alert/1``): pydantic models, and the JSON Schema generated from them.

``python -m oit.alert_schema`` writes ``oit/alert.schema.json``; ``--check`` exits 1 when the checked-in file differs
(``tests/test_alerts.py`` checks it too). Two types, told apart by ``type``: ``regression`` (items newly failing or
whose evidence is gone) and ``crawl_problem`` (the unit's site could not be checked properly). See docs/alerts.md.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter
from pydantic.json_schema import GenerateJsonSchema

from oitbase.schemafile import write_or_check
from reports.changes import ItemChange

SCHEMA_ID = "oit-alert/1"
SCHEMA_PATH = Path(__file__).with_name("alert.schema.json")
REGENERATE = "python -m oit.alert_schema"

ProblemKind = Literal[
    "empty", "shrunk", "errors", "dns", "tls", "timeout", "robots", "blocked", "private", "down", "failed"
]
#: Thai description of each kind of crawl problem, for e-mails and the batch's output.
PROBLEM_TH: dict[str, str] = {
    "empty": "ไม่พบหน้าเว็บใดเลย",
    "shrunk": "พบหน้าเว็บและเอกสารน้อยกว่าครั้งก่อนมาก",
    "errors": "หน้าเว็บส่วนใหญ่ตอบกลับผิดพลาด",
    "dns": "ไม่พบชื่อโดเมนของเว็บไซต์ (DNS)",
    "tls": "ใบรับรอง HTTPS (TLS) ของเว็บไซต์ใช้ไม่ได้",
    "timeout": "เว็บไซต์ไม่ตอบภายในเวลาที่กำหนด",
    "robots": "robots.txt ของเว็บไซต์ไม่อนุญาตให้ตรวจ",
    "blocked": "เว็บไซต์ปิดกั้นการตรวจ (เช่น 403 หรือไฟร์วอลล์)",
    "private": "ที่อยู่เว็บไซต์อยู่ภายในเครือข่ายส่วนตัว จึงไม่ตรวจ",
    "down": "เว็บไซต์ล่ม (ตอบ 5xx หรือไม่รับการเชื่อมต่อ)",
    "failed": "ตรวจไม่สำเร็จซ้ำหลายครั้ง",
}


#: Every field is always in the payload: the schema requires it (defaults only serve the Python side).
STRICT = ConfigDict(extra="forbid", json_schema_serialization_defaults_required=True)


class _Strict(BaseModel):
    model_config = STRICT


class AlertItem(ItemChange):
    """One item that got worse (the fields of ``reports.changes.ItemChange``)."""

    model_config = STRICT


class AlertUnit(_Strict):
    """The unit the alert is about (from the units register)."""

    code: str = Field(description="The unit's code in the register.")
    name: str = Field(description="Thai name of the unit.")
    url: str = Field(description="The unit's website.")
    province: str = Field(description="Province (จังหวัด).")
    parent: str = Field(description="The body the unit reports to.")


class RegressionRun(_Strict):
    """The two checks compared."""

    before: int = Field(description="Run (crawl) id of the earlier check.")
    after: int = Field(description="Run (crawl) id of the later check.")
    evaluation_before: int = Field(description="Evaluation id of the earlier check (0: not stored).")
    evaluation_after: int = Field(description="Evaluation id of the later check (0: not stored).")
    finished_before: str = Field(description="When the earlier check finished (ISO 8601).")
    finished_after: str = Field(description="When the later check finished (ISO 8601).")


class AlertScore(_Strict):
    """Predicted OIT score (0–100) and band of the two checks."""

    before: float
    after: float
    band_before: str
    band_after: str


class RegressionAlert(_Strict):
    """Items of a unit got worse between two checks."""

    schema_: Literal["oit-alert/1"] = Field(SCHEMA_ID, alias="schema", description="Payload schema and version.")
    type: Literal["regression"] = "regression"
    unit: AlertUnit
    run: RegressionRun
    score: AlertScore
    items: list[AlertItem] = Field(description="The regressions: items newly failing or whose evidence is gone.")
    report_url: str = Field(description="Where the later check's report is published ('' if nowhere).")


class ProblemRun(_Strict):
    id: int = Field(description="Run (crawl) id of the check that had the problem.")


class Problem(_Strict):
    kind: ProblemKind = Field(description="What went wrong.")
    reason: str = Field(description="The detail (Thai or the error as the crawler saw it).")


class CrawlProblemAlert(_Strict):
    """A unit's site could not be checked properly: no verdicts were compared."""

    schema_: Literal["oit-alert/1"] = Field(SCHEMA_ID, alias="schema", description="Payload schema and version.")
    type: Literal["crawl_problem"] = "crawl_problem"
    unit: AlertUnit
    run: ProblemRun
    problem: Problem
    previous: dict[str, Any] | None = Field(
        None, description="What the unit's previous good check had (e.g. run id, pages, score), when known."
    )


Alert = Annotated[RegressionAlert | CrawlProblemAlert, Field(discriminator="type")]
ALERT = TypeAdapter(Alert)


class _Generator(GenerateJsonSchema):
    def field_title_should_be_set(self, schema: Any) -> bool:
        return False


def alert_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of an alert payload."""
    gen = ALERT.json_schema(mode="serialization", by_alias=True, schema_generator=_Generator)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "urn:oit-selfcheck:alert:1",
        "title": "OIT alert",
        "description": f"Payload POSTed to an alert webhook (schema {SCHEMA_ID}), generated by `{REGENERATE}`; "
        "see docs/alerts.md.",
        **gen,
    }


def schema_text() -> str:
    return json.dumps(alert_schema(), ensure_ascii=False, indent=2) + "\n"


def main(argv: list[str] | None = None) -> int:
    return write_or_check(SCHEMA_PATH, schema_text(), REGENERATE, argv)


if __name__ == "__main__":
    sys.exit(main())
