"""Diagnostics as text for people and editors: `file:line:col: error[CODE]: message`,
the source line with a caret, the sums of a mismatch, and the hint; on a terminal that
wants it, the severity and the caret in colour."""

from __future__ import annotations

from decimal import Decimal

from convenant_cli.diagnostics import Severity
from convenant_cli.money import format_eur, format_number
from convenant_cli.render.diagnostics.report import Report
from convenant_cli.render.safe_text import visible
from convenant_cli.units import Unit

_SUFFIX = {Unit.EURO: " euro", Unit.FTE: " FTE", Unit.DAYS: " days"}
_STYLE = {Severity.ERROR: "1;31", Severity.WARNING: "1;33"}  # bold red, bold yellow
_BOLD, _CYAN = "1", "36"


def _figure(value: Decimal, unit: Unit) -> str:
    text = format_eur(value) if unit is Unit.EURO else format_number(value)
    return text + _SUFFIX.get(unit, "")


def render_text(report: Report) -> str:
    """`file:line:col: error[CODE]: message`, the source line with a caret, hint, sums."""

    def paint(text: str, style: str) -> str:
        return f"\x1b[{style}m{text}\x1b[0m" if report.color else text

    out = []
    for d in report.diagnostics:
        loc = d.location
        style = _STYLE[d.severity]
        out.append(f"{paint(f'{visible(loc.file)}:{loc.line}:{loc.col}:', _BOLD)} "
                   f"{paint(f'{d.severity.value}[{d.code}]', style)}: {visible(d.message)}")
        line = report.source_line(loc.file, loc.line).replace("\t", " ")
        if line:
            gutter = f"{loc.line:>5} | "
            out.append(gutter + visible(line))
            out.append(" " * (len(gutter) - 2) + "| " + " " * len(visible(line[: loc.col - 1])) + paint("^", style))
        if d.sums is not None:
            s = d.sums
            sign = "+" if s.difference > 0 else ""
            out.append(f"  expected:   {_figure(s.expected, s.unit)}")
            out.append(f"  computed:   {_figure(s.computed, s.unit)}")
            out.append(f"  difference: {sign}{_figure(s.difference, s.unit)}")
        if d.hint:
            out.append(f"  {paint('hint:', _CYAN)} {visible(d.hint)}")
    return "\n".join(out) + ("\n" if out else "")
