"""The explanation of a cost statement (rulebook R6, Art. 5 and 6), in the run's language,
from the engine's own days and amounts: the arithmetic of every line cut at the term or the
employment, each line the auditor does not accept, and the sum that caps the payable amount.
A line counted whole has no step of its own: the sum names it.
"""

from __future__ import annotations

from convenant_cli.domain.citations import cite
from convenant_cli.domain.language import _, ngettext
from convenant_cli.domain.terms import Span
from convenant_cli.engine.costs import CostLineOutcome, CostStatementOutcome
from convenant_cli.render import vocabulary
from convenant_cli.render.settlement.steps import Step, days, exact
from convenant_cli.render.vocabulary import amount, label


def cost_steps(subject: str, statement: CostStatementOutcome) -> list[Step]:
    steps = [_cut(subject, line) for line in statement.lines if line.cut]
    steps += [_refused(subject, line) for line in statement.lines if line.refused]
    lines = len(statement.lines)
    steps.append(Step(
        subject, label("eligible_costs"), *cite("eligible_costs"),
        _("cost statement of {lines}: declared {declared}, not eligible {outside}, not accepted {refused}")
        .format(lines=ngettext("{count} line", "{count} lines", lines).format(count=lines),
                declared=amount(statement.declared), outside=amount(statement.not_eligible),
                refused=amount(statement.refused)),
        f"{amount(statement.declared)} − {amount(statement.not_eligible)} − {amount(statement.refused)} = "
        f"{amount(statement.eligible)}"))
    return steps


def _what(line: CostLineOutcome) -> str:
    """The line as a person names it: its reference, kind and consultant."""
    who = f", {line.consultant}" if line.consultant else ""
    return f"{line.reference} ({vocabulary.translated(vocabulary.COST_KINDS)[line.kind]}{who})"


def _cut(subject: str, line: CostLineOutcome) -> Step:
    """Art. 5: only the days in the term (and the employment) are eligible, pro rata, rounded once."""
    limits = _("term {term}").format(term=_span(line.term))
    if line.employment is not None:
        limits += "; " + _("employed {employment}").format(employment=_span(line.employment))
    kept = days(line.eligible_span) if line.eligible_span is not None else _("no day")
    return Step(subject, _("Eligible part of a cost line"), "R6", "Art. 5",
                _("{line}: {amount} over {period}; {limits}; eligible {kept}")
                .format(line=_what(line), amount=amount(line.amount), period=days(line.period), limits=limits,
                        kept=kept),
                f"{amount(line.amount)} × {line.eligible_days} / {line.days} = {exact(line.eligible_exact)} → "
                f"{amount(line.eligible)}")


def _refused(subject: str, line: CostLineOutcome) -> Step:
    return Step(subject, _("Cost line not accepted"), "R6", "Art. 5",
                _("{line}: the auditor does not accept it: {note}").format(line=_what(line), note=line.note or "—"),
                _("{eligible} not counted").format(eligible=amount(line.eligible)))


def _span(span: Span) -> str:
    return f"{span.start} – {span.end}"
