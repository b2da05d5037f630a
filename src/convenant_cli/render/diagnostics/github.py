"""Diagnostics as GitHub Actions workflow commands (annotations on the changed lines)."""

from __future__ import annotations

from convenant_cli.render.diagnostics.report import Report, end_of, full_message
from convenant_cli.render.safe_text import visible


def _escape(text: str, *, prop: bool = False) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if prop else text


def render_github(report: Report) -> str:
    """`::error file=F,line=L,col=C[,endLine=E,endColumn=C2],title=CODE::message`."""
    out = []
    for d in report.diagnostics:
        loc = d.location
        end = end_of(d)
        span = f",endLine={end[0]},endColumn={end[1]}" if end else ""
        out.append(f"::{d.severity.value} file={_escape(visible(loc.file), prop=True)},line={loc.line},"
                   f"col={loc.col}{span},title={d.code}::{_escape(f'[{d.code}] ' + full_message(d))}")
    return "\n".join(out) + ("\n" if out else "")
