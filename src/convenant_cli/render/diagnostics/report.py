"""What a diagnostic renderer is given: the problems of a run, and what it may ask of the files."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from convenant_cli.domain.diagnostics import Diagnostic
from convenant_cli.domain.language import _
from convenant_cli.render.safe_text import visible

SourceLine = Callable[[str, int], str]  # (file as reported, 1-based line) -> the line, or "" if unknown


def no_source(name: str, number: int) -> str:
    return ""


@dataclass(frozen=True, eq=False)
class Report:
    """The problems of one run, in file, line and column order.

    `files` are the files checked, as reported (a JUnit suite lists a passing file too);
    with `strict`, a warning fails the run, and a format that has a verdict says so;
    `color` is for a terminal (text only).
    """

    diagnostics: Sequence[Diagnostic]
    source_line: SourceLine = no_source
    files: Sequence[str] = ()
    strict: bool = False
    color: bool = False

    def fails(self, diagnostic: Diagnostic) -> bool:
        return diagnostic.is_error or self.strict


def full_message(d: Diagnostic) -> str:
    """The message with its hint and the sums of a mismatch, one per line, for a CI
    format that shows one text per problem. The line breaks are ours: a break, or any
    control character, inside the message or hint (text from a file) is made visible, so
    that no line of it can start a CI command (`::error`, `##vso[`)."""
    text = visible(d.message) + (f"\n{_('hint:')} {visible(d.hint)}" if d.hint else "")
    if d.sums is not None:
        text += "\n" + _("expected {expected}, computed {computed}").format(expected=d.sums.expected,
                                                                         computed=d.sums.computed)
    return text


def end_of(d: Diagnostic) -> tuple[int, int] | None:
    """Where a problem that spans a value ends: its last line, and the column just after
    its last character (SARIF's `endColumn`, as ruff writes it for GitHub too)."""
    loc = d.location
    if loc.end_line is None or loc.end_col is None or (loc.end_line, loc.end_col) <= (loc.line, loc.col):
        return None
    return loc.end_line, loc.end_col + 1
