"""`convenant explain CODE`: one diagnostic code at length, as `ruff rule` explains a rule: its
severity and summary, what it means and how to mend it, an example of the mistake and its
fix, and the section of the documentation that gives the rule; in the run's language (the
example is file content, never translated)."""

from __future__ import annotations

from typing import Annotated

import typer

from convenant_cli.cli.output import guarded, single_command, write
from convenant_cli.domain.errors import UsageError
from convenant_cli.domain.language import N_, _

WIDTH = 88  # the explanation's paragraphs, wrapped for a terminal as `ruff rule` and git wrap theirs


def explanation_text(code: str) -> str:
    """The text `convenant explain CODE` prints: paragraphs wrapped, the example indented."""
    import textwrap

    from convenant_cli.domain.codes import CODES
    from convenant_cli.domain.explanations import EXPLANATIONS

    entry, explanation = CODES[code], EXPLANATIONS[code]
    label = N_("Rulebook:") if explanation.section.startswith("rulebook.md") else N_("Documentation:")
    lines = [textwrap.fill(f"{code} ({_(entry.severity.value)}): {_(entry.summary)}", WIDTH), "",
             textwrap.fill(_(explanation.text), WIDTH), ""]
    for title, example in ((N_("Mistake:"), explanation.mistake), (N_("Fix:"), explanation.fix)):
        lines += [_(title), textwrap.indent(example.rstrip("\n"), "    "), ""]
    lines.append(f"{_(label)} docs/{explanation.section}")
    return "\n".join(lines) + "\n"


def _known(code: str) -> str:
    """The code asked for, as the registry writes it (`cv518` is CV518); an unknown one is a
    usage error with the nearest known code."""
    from convenant_cli.domain.codes import CODES
    from convenant_cli.domain.diagnostics import did_you_mean
    from convenant_cli.render.safe_text import visible

    written = code.strip().upper()
    if written in CODES:
        return written
    raise UsageError(_("unknown code '{code}'").format(code=visible(code)),
                     did_you_mean(written, CODES) or _("docs/reference/codes.md lists every code"))


@guarded
def explain(
    code: Annotated[str, typer.Argument(metavar=N_("CODE"), help=N_("A diagnostic code, as CV518."))],
) -> None:
    write(explanation_text(_known(code)))


command = single_command("explain", explain, N_("Explain a diagnostic code: what it means, an example of the "
                                                "mistake and its fix, and the rule it comes from."))
