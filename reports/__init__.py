"""Report renderers: HTML (phone-friendly, self-contained), JSON, Markdown, CSV, ITAS answer sheet (CSV, XLSX).

The names below load their module on first use, so that ``import reports.formats`` (the CLI's option list) does
not load Jinja2 and every renderer.
"""

from importlib import import_module

_WHERE = {
    "answer_sheet_rows": ".answer_sheet",
    "write_answer_sheet": ".answer_sheet",
    "write_answer_sheet_csv": ".answer_sheet",
    "write_answer_sheet_xlsx": ".answer_sheet",
    "SCHEMA_VERSION": ".jsonout",
    "report_from_json_dict": ".jsonout",
    "report_to_json_dict": ".jsonout",
    "FORMATS": ".formats",
    "RollupRow": ".rollup",
    "build_rollup": ".rollup",
    "write_rollup": ".rollup",
    "HistoryPoint": ".unit_history",
    "render_diff": ".unit_history",
    "render_history": ".unit_history",
    "render": ".output",
    "write_reports": ".output",
}

__all__ = sorted(_WHERE)


def __getattr__(name: str):  # noqa: ANN202 - a lazy import
    if name in _WHERE:
        return getattr(import_module(_WHERE[name], __name__), name)
    raise AttributeError(f"module 'reports' has no attribute {name!r}")
