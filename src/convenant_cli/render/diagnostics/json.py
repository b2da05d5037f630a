"""Diagnostics as a stable JSON list for tools."""

from __future__ import annotations

import json

from convenant_cli.domain.diagnostics import Diagnostic
from convenant_cli.render.diagnostics.report import Report
from convenant_cli.render.safe_text import escape_json


def as_dict(d: Diagnostic) -> dict:
    item = {
        "file": d.location.file,
        "line": d.location.line,
        "column": d.location.col,
        "code": d.code,
        "severity": d.severity.value,
        "message": d.message,
        "hint": d.hint,
    }
    if d.sums is not None:
        item.update(expected=str(d.sums.expected), computed=str(d.sums.computed),
                    difference=str(d.sums.difference), unit=d.sums.unit.value)
    return item


def render_json(report: Report) -> str:
    return escape_json(json.dumps([as_dict(d) for d in report.diagnostics], indent=2, ensure_ascii=False)) + "\n"
