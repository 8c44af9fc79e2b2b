"""Report renderers: HTML (phone-friendly, self-contained), JSON, Markdown, CSV, ITAS answer sheet (CSV, XLSX)."""

from .answer_sheet import (
    answer_sheet_rows,
    write_answer_sheet,
    write_answer_sheet_csv,
    write_answer_sheet_xlsx,
)
from .jsonout import SCHEMA_VERSION, report_from_json_dict, report_to_json_dict
from .render import FORMATS, render, write_reports

__all__ = [
    "FORMATS",
    "SCHEMA_VERSION",
    "answer_sheet_rows",
    "render",
    "report_from_json_dict",
    "report_to_json_dict",
    "write_answer_sheet",
    "write_answer_sheet_csv",
    "write_answer_sheet_xlsx",
    "write_reports",
]
