"""What a reader of a settlement must not miss, in the run's language: a settlement that waits
for the auditor's verdict (what it pays for certain, and if met), a payment capped at the
eligible costs, eligible costs given as a total without a cost statement, a cost line the
auditor does not accept, an amount floored at zero, and every assumption the figures rest on
(a beneficiary taken as fully staffed, a rule setting no file writes). Shown under the
table, on the workbook's summary, on the report's page of each beneficiary it is about and,
as codes, in JSON `warnings`.
"""

from __future__ import annotations

from dataclasses import dataclass

from convenant_cli.domain.identifiers import format_enterprise_number
from convenant_cli.domain.language import _
from convenant_cli.domain.money import ZERO
from convenant_cli.engine.settlement import Assumption, Settlement
from convenant_cli.render import vocabulary
from convenant_cli.render.settlement.explanation import rule_value
from convenant_cli.render.settlement.judgement import provisional_note


def assumption_text(settlement: Settlement, assumption: Assumption) -> str:
    if assumption.code == "fully_staffed":
        line = next(line for line in settlement.lines if line.enterprise_number == assumption.beneficiary)
        return (_("ASSUMPTION: {name} ({number}) is not in the staffing of the eindrapport and is taken as fully "
                  "staffed (no deduction)")
                .format(name=line.name, number=format_enterprise_number(line.enterprise_number)))
    setting = assumption.setting or ""
    value = rule_value(setting, getattr(settlement.rules.rules, setting))
    # the rule by its label; its key, as a file writes it, in code quotes (as a diagnostic names a key)
    return (_("ASSUMPTION: {rule} is set in no file; the default applies: {value} — set it with `rules.{key}`")
            .format(rule=vocabulary.translated(vocabulary.RULES)[setting], value=value, key=setting))


@dataclass(frozen=True)
class Note:
    """One note, and whom it is about: a beneficiary (by enterprise number) or the whole agreement (None)."""

    text: str
    beneficiary: str | None = None


def settlement_notes(settlement: Settlement) -> list[str]:
    return [note.text for note in owned_notes(settlement)]


def owned_notes(settlement: Settlement) -> list[Note]:
    """The notes in the order the table shows them, each with whom it is about (the HTML report
    shows a beneficiary's notes, and the agreement's, on that beneficiary's page)."""
    notes = [Note(provisional_note(settlement))] if settlement.provisional else []
    amount = vocabulary.amount
    for line in settlement.lines:
        def add(text: str, number: str = line.enterprise_number) -> None:
            notes.append(Note(text, number))

        if settlement.final and line.capped and line.eligible_costs is not None:
            add(_("{name}: payable capped at the eligible costs {costs} (effort + result {before}; R6)")
                .format(name=line.name, costs=amount(line.eligible_costs), before=amount(line.payable_before_cap)))
        if settlement.final and line.costs_without_statement and line.eligible_costs is not None:
            add(_("{name}: eligible costs {costs} without a cost statement: a total the eindrapport gives, "
                  "without lines to check (R6)").format(name=line.name, costs=amount(line.eligible_costs)))
        for cost in line.costs.lines if settlement.final and line.costs is not None else ():
            if cost.refused:
                add(_("{name}: cost line '{reference}' ({eligible}) not accepted by the auditor: {note}")
                    .format(name=line.name, reference=cost.reference, eligible=amount(cost.eligible),
                            note=cost.note or "—"))
        if settlement.final and line.floored:
            add(_("{name}: effort + result − deduction is negative; payable {zero} (R5)")
                .format(name=line.name, zero=amount(ZERO)))
    notes += [Note(assumption_text(settlement, assumption), assumption.beneficiary)
              for assumption in settlement.assumptions]
    return notes
