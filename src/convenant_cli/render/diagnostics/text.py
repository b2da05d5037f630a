"""Diagnostics as text for people and editors: `file:line:col: error[CODE]: message`,
the source line with a caret, the sums of a mismatch, and the hint."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from convenant_cli.diagnostics import Diagnostic
from convenant_cli.money import format_eur, format_number
from convenant_cli.render.diagnostics.sources import SourceLine
from convenant_cli.render.safe_text import visible
from convenant_cli.units import Unit

_SUFFIX = {Unit.EURO: " euro", Unit.FTE: " FTE", Unit.DAYS: " days"}


def _figure(value: Decimal, unit: Unit) -> str:
    text = format_eur(value) if unit is Unit.EURO else format_number(value)
    return text + _SUFFIX.get(unit, "")


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
