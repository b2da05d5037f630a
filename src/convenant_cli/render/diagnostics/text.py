"""Diagnostics as text for people and editors: `file:line:col: error[CODE]: message`,
the source line with a caret, the sums of a mismatch, and the hint; on a terminal that
wants it, the severity and the caret in colour.

The source line is shown as a window of at most `EXCERPT` characters around the column,
marked with `…` where it was cut, and the report is produced one problem at a time
(`iter_text`), so that a thousand problems on one 70 KB line cost a thousand short
excerpts, not a thousand copies of the line."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from convenant_cli.domain.insz import mask_in_text
from convenant_cli.domain.language import N_, _
from convenant_cli.domain.money import format_eur, format_number
from convenant_cli.domain.severity import Severity
from convenant_cli.domain.units import Unit
from convenant_cli.render.diagnostics.report import Report
from convenant_cli.render.safe_text import visible

_SUFFIX = {Unit.EURO: N_("euro"), Unit.FTE: N_("FTE"), Unit.DAYS: N_("days")}
_LABEL = {Severity.ERROR: N_("error"), Severity.WARNING: N_("warning")}
_STYLE = {Severity.ERROR: "1;31", Severity.WARNING: "1;33"}  # bold red, bold yellow
_BOLD, _CYAN = "1", "36"
EXCERPT = 120  # characters of a source line shown around the column
_INSZ_WIDTH = 15  # the longest way to write an INSZ: 85.07.30-033.28
_CUT = "…"


def excerpt(line: str, col: int, width: int = EXCERPT) -> tuple[str, int]:
    """The part of `line` shown around the 1-based column `col`, and the caret's offset in it.

    >>> excerpt("max_subsidy: 1166000.00", 14)
    ('max_subsidy: 1166000.00', 13)
    >>> text, caret = excerpt("x" * 200 + "ERR" + "y" * 200, 201, width=20)
    >>> text, caret, text[caret:caret + 3]
    ('…xxxxxxxxxxERRyyyyyyy…', 11, 'ERR')
    """
    start = 0
    if len(line) > width:
        start = min(max(0, col - 1 - width // 2), len(line) - width)
    # an INSZ is masked before the cut, so that a cut through one shows none of its digits
    margin = max(0, start - _INSZ_WIDTH)
    window = mask_in_text(line[margin:start + width + _INSZ_WIDTH])[start - margin:start - margin + width]
    before = (_CUT if start else "") + visible(window[: max(0, col - 1 - start)].replace("\t", " "))
    shown = (_CUT if start else "") + visible(window.replace("\t", " "))
    return shown + (_CUT if start + width < len(line) else ""), len(before)


def label(severity: Severity) -> str:
    """`error` or `warning`, in the run's language."""
    return _(_LABEL[severity])


def _figure(value: Decimal, unit: Unit) -> str:
    text = format_eur(value) if unit is Unit.EURO else format_number(value)
    return f"{text} {_(_SUFFIX[unit])}" if unit in _SUFFIX else text


def render_text(report: Report) -> str:
    """The whole report as one string (for a file, or a test)."""
    return "".join(iter_text(report))


def iter_text(report: Report) -> Iterator[str]:
    """`file:line:col: error[CODE]: message`, the source excerpt with a caret, sums, hint:
    one problem's lines at a time."""

    def paint(text: str, style: str) -> str:
        return f"\x1b[{style}m{text}\x1b[0m" if report.color else text

    labels = {severity: label(severity) for severity in _LABEL}
    sums = [_("expected:"), _("computed:"), _("difference:")]
    width = max(len(label) for label in sums) + 1
    hint = _("hint:")
    for d in report.diagnostics:
        loc = d.location
        style = _STYLE[d.severity]
        out = [f"{paint(f'{visible(loc.file)}:{loc.line}:{loc.col}:', _BOLD)} "
               f"{paint(f'{labels[d.severity]}[{d.code}]', style)}: {visible(d.message)}"]
        line = report.source_line(loc.file, loc.line)
        if line:
            shown, caret = excerpt(line, loc.col)
            gutter = f"{loc.line:>5} | "
            out.append(gutter + shown)
            out.append(" " * (len(gutter) - 2) + "| " + " " * caret + paint("^", style))
        if d.sums is not None:
            s = d.sums
            sign = "+" if s.difference > 0 else ""
            for name, figure in zip(sums, (_figure(s.expected, s.unit), _figure(s.computed, s.unit),
                                           sign + _figure(s.difference, s.unit)), strict=True):
                out.append(f"  {name:<{width}}{figure}")
        if d.hint:
            out.append(f"  {paint(hint, _CYAN)} {visible(d.hint)}")
        yield "\n".join(out) + "\n"
