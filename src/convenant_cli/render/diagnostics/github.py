"""Diagnostics as GitHub Actions workflow commands (annotations on the changed lines)."""

from __future__ import annotations

from collections.abc import Iterable

from convenant_cli.diagnostics import Diagnostic
from convenant_cli.render.diagnostics.sources import SourceLine
from convenant_cli.render.safe_text import visible


def _escape(text: str, *, prop: bool = False) -> str:
    text = visible(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))
    return text.replace(":", "%3A").replace(",", "%2C") if prop else text


def render_github(diagnostics: Iterable[Diagnostic], source_line: SourceLine) -> str:
    """GitHub Actions workflow commands: `::error file=F,line=L,col=C::message`."""
    out = []
    for d in diagnostics:
        loc = d.location
        message = f"[{d.code}] {d.message}" + (f"\nhint: {d.hint}" if d.hint else "")
        if d.sums is not None:
            message += f"\nexpected {d.sums.expected}, computed {d.sums.computed}"
        out.append(f"::{d.severity.value} file={_escape(loc.file, prop=True)},line={loc.line},col={loc.col},"
                   f"title={d.code}::{_escape(message)}")
    return "\n".join(out) + ("\n" if out else "")
