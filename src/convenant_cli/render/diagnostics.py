"""Diagnostics as text (for people and editors), JSON (for tools) and GitHub
workflow annotations."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable

from convenant_cli.diagnostics import Diagnostic
from convenant_cli.money import format_eur, format_number
from convenant_cli.render.safe_text import escape_json, visible

SourceLine = Callable[[str, int], str]


def _figure(value, unit: str) -> str:
    text = format_eur(value) if unit == "euro" else format_number(value)
    return f"{text} {unit}".rstrip()


def render_text(diagnostics: Iterable[Diagnostic], source_line: SourceLine) -> str:
    """`file:line:col: error[CODE]: message`, the source line with a caret, hint, sums."""
    out = []
    for d in diagnostics:
        loc = d.location
        out.append(f"{visible(loc.file)}:{loc.line}:{loc.col}: {d.severity.value}[{d.code}]: {visible(d.message)}")
        line = source_line(loc.file, loc.line).replace("\t", " ")
        if line:
            gutter = f"{loc.line:>5} | "
            out.append(gutter + visible(line))
            out.append(" " * (len(gutter) - 2) + "| " + " " * len(visible(line[: loc.col - 1])) + "^")
        if d.sums is not None:
            s = d.sums
            sign = "+" if s.difference > 0 else ""
            out.append(f"  expected:   {_figure(s.expected, s.unit)}")
            out.append(f"  computed:   {_figure(s.computed, s.unit)}")
            out.append(f"  difference: {sign}{_figure(s.difference, s.unit)}")
        if d.hint:
            out.append(f"  hint: {visible(d.hint)}")
    return "\n".join(out) + ("\n" if out else "")


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
                    difference=str(d.sums.difference), unit=d.sums.unit)
    return item


def render_json(diagnostics: Iterable[Diagnostic]) -> str:
    return escape_json(json.dumps([as_dict(d) for d in diagnostics], indent=2, ensure_ascii=False)) + "\n"


def _escape(text: str, *, prop: bool = False) -> str:
    text = visible(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))
    return text.replace(":", "%3A").replace(",", "%2C") if prop else text


def render_github(diagnostics: Iterable[Diagnostic]) -> str:
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


RENDERERS = {"json": render_json, "github": render_github}  # text needs the source lines: render_text
