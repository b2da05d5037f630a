"""Checks on a realisation's cost statement (rulebook R6, Art. 5 and 6): every line's
consultant in its beneficiary's staffing, references unique within a beneficiary, a wage
line's period in order and overlapping the employment, the parts outside the term or the
employment named (they are not eligible), one statement or one total per beneficiary, and
no cost lines in a progress report. What the lines add up to is the engine's.
"""

from __future__ import annotations

from convenant_cli.domain.diagnostics import Diagnostic, Vocabulary
from convenant_cli.domain.identifiers import format_enterprise_number
from convenant_cli.domain.language import _
from convenant_cli.domain.terms import Span
from convenant_cli.models import Agreement, Consultant, CostStatement, Realisation, WageLine
from convenant_cli.models.document import LoadedDocument
from convenant_cli.models.realisation import consultant_key
from convenant_cli.reading.events import KeyPath


def check_cost_statement(doc: LoadedDocument) -> list[Diagnostic]:
    """R6: each line of each beneficiary's cost statement against the staffing and the term."""
    model = doc.model_as(Realisation)
    if not model.costs:
        return []
    if model.as_of is not None:
        return [doc.problem("CV537", _("a progress report has no cost statement: its cost lines are not used"),
                            ("costs",), _("Art. 6: the financial part belongs to the eindrapport only; leave "
                                          "`costs` out of a report with `as_of`"), key=True)]
    agreement = doc.reference_as(Agreement)
    term = Span(agreement.period.start, agreement.period.end) if agreement is not None else None
    staffing = {s.beneficiary: s.consultants for s in model.staffing}
    found = _both(doc, model)
    for index, statement in enumerate(model.costs):
        found += _statement(doc, ("costs", index), statement, staffing.get(statement.beneficiary), term)
    return found


def _both(doc: LoadedDocument, model: Realisation) -> list[Diagnostic]:
    """One or the other: a beneficiary's cost lines, or its `eligible_costs` total."""
    lines = {statement.beneficiary: index for index, statement in enumerate(model.costs)}
    found = []
    for index, total in enumerate(model.eligible_costs):
        if total.beneficiary in lines:
            line = doc.locate("costs", lines[total.beneficiary]).line
            found.append(doc.problem(
                "CV535", _("{number} has cost lines and an `eligible_costs` total both")
                         .format(number=format_enterprise_number(total.beneficiary)),
                ("eligible_costs", index, "beneficiary"),
                _("its cost statement is at line {line}; the eligible costs are the sum of its lines: remove "
                  "this total").format(line=line)))
    return found


def _statement(doc: LoadedDocument, path: KeyPath, statement: CostStatement, consultants: list[Consultant] | None,
               term: Span | None) -> list[Diagnostic]:
    by_key = {consultant.key: consultant for consultant in consultants or []}
    keys = Vocabulary(sorted(by_key))
    number = format_enterprise_number(statement.beneficiary)
    found = []
    seen: dict[str, int] = {}
    for index, line in enumerate(statement.lines):
        where = (*path, "lines", index)
        if line.reference in seen:
            first = doc.locate(*path, "lines", seen[line.reference]).line
            found.append(doc.problem("CV531", _("{number}: the reference '{reference}' is given twice")
                                              .format(number=number, reference=line.reference),
                                     (*where, "reference"),
                                     _("the other line is at line {first}; each line has a reference of its own "
                                       "(the payslip, the invoice or the ledger line)").format(first=first)))
        else:
            seen[line.reference] = index
        consultant = None
        if line.consultant is not None:
            consultant = by_key.get(consultant_key(line.consultant))
            if consultant is None:
                found.append(_unknown(doc, (*where, "consultant"), line.consultant, number, keys, consultants))
        if isinstance(line, WageLine):
            found += _wage(doc, where, line, consultant, term)
        elif term is not None and not term.start <= line.date <= term.end:
            found.append(doc.problem("CV533", _("cost line '{reference}': dated {date}, outside the term {start} - "
                                                "{end}; it is not eligible")
                                              .format(reference=line.reference, date=line.date, start=term.start,
                                                      end=term.end), (*where, "date"),
                                     _("Art. 5: only costs made within the term count")))
    return found


def _unknown(doc: LoadedDocument, path: KeyPath, name: str, number: str, keys: Vocabulary,
             consultants: list[Consultant] | None) -> Diagnostic:
    if consultants is None:
        hint = _("{number} has no `staffing`: list the consultant there, with the same name").format(number=number)
    else:
        listed = [consultant.key for consultant in consultants]
        hint = keys.did_you_mean(name) or _("the staffing of {number} lists: {keys}").format(
            number=number, keys=", ".join(listed[:10]) + (", …" if len(listed) > 10 else ""))
    return doc.problem("CV530", _("'{name}' is not a consultant in the staffing of {number}")
                                .format(name=name, number=number), path, hint)


def _wage(doc: LoadedDocument, path: KeyPath, line: WageLine, consultant: Consultant | None,
          term: Span | None) -> list[Diagnostic]:
    """Art. 5: a wage line's period in order, overlapping the employment; the days outside
    the term or the employment are named (they are cut pro rata)."""
    if line.to < line.from_:
        return [doc.problem("CV536", _("cost line '{reference}': `from` {start} is after `to` {end}")
                                     .format(reference=line.reference, start=line.from_, end=line.to), (*path, "to"))]
    period = Span(line.from_, line.to)
    employed = consultant.employed if consultant is not None else None
    employment = Span(employed.start, employed.end) if employed is not None and employed.start <= employed.end \
        else None
    if employment is not None and not employment.overlaps(period):
        return [doc.problem("CV532", _("cost line '{reference}': {start} - {end} is outside the employment of {name} "
                                       "({start2} - {end2})")
                                     .format(reference=line.reference, start=period.start, end=period.end,
                                             name=line.consultant, start2=employment.start, end2=employment.end),
                            path, _("a wage line pays a consultant for days of the employment; check the dates, or "
                                    "the consultant's `employed`"))]
    if term is None:
        return []
    inside = period.clip(term)
    if inside is not None and employment is not None:
        inside = inside.clip(employment)
    kept = inside.days if inside is not None else 0
    if kept == period.days:
        return []
    limits = (_("the term {start} - {end}").format(start=term.start, end=term.end) if employment is None else
              _("the term {start} - {end} and the employment {start2} - {end2}")
              .format(start=term.start, end=term.end, start2=employment.start, end2=employment.end))
    return [doc.problem("CV534", _("cost line '{reference}': {outside} of its {days} days fall outside "
                                   "{limits}; that part is not eligible")
                                 .format(reference=line.reference, outside=period.days - kept, days=period.days,
                                         limits=limits), path,
                        _("Art. 5: the amount is cut pro rata by calendar days, {kept} of {days}")
                        .format(kept=kept, days=period.days))]


def check_cost_decisions(doc: LoadedDocument) -> list[Diagnostic]:
    """R6: every cost line an assessment refuses (or accepts) is a line of the cost statement of
    the realisation it judges, by beneficiary and reference: a decision on no line decides nothing."""
    from convenant_cli.models.assessment import Assessment  # only an assessment has decisions

    assessment = doc.model_as(Assessment)
    realisation = doc.reference.model if doc.reference is not None else None
    if not assessment.costs or not isinstance(realisation, Realisation):
        return []
    references = {statement.beneficiary: [line.reference for line in statement.lines]
                  for statement in realisation.costs}
    found = []
    for index, decision in enumerate(assessment.costs):
        lines = references.get(decision.beneficiary)
        if lines is not None and decision.reference in lines:
            continue
        number = format_enterprise_number(decision.beneficiary)
        hint = (_("the eindrapport gives no cost lines for {number}").format(number=number) if lines is None else
                Vocabulary(lines).did_you_mean(decision.reference) or
                _("its references: {references}").format(references=", ".join(lines[:10]) +
                                                         (", …" if len(lines) > 10 else "")))
        found.append(doc.problem("CV706", _("{number} has no cost line '{reference}' in the eindrapport")
                                          .format(number=number, reference=decision.reference),
                                 ("costs", index, "reference"), hint))
    return found
