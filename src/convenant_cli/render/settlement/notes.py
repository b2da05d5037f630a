"""What a reader of a settlement must not miss, in Dutch: a payment capped at the
eligible costs, an amount floored at zero, and every assumption the figures rest on
(a beneficiary taken as fully staffed, a rule setting no file writes). Shown under the
table, on the workbook's summary and, as codes, in JSON `warnings`.
"""

from __future__ import annotations

from convenant_cli.domain.identifiers import format_enterprise_number
from convenant_cli.domain.money import format_eur
from convenant_cli.engine.settlement import Assumption, Settlement
from convenant_cli.render import labels
from convenant_cli.render.settlement.explanation import rule_value


def assumption_text(settlement: Settlement, assumption: Assumption) -> str:
    if assumption.code == "fully_staffed":
        line = next(line for line in settlement.lines if line.enterprise_number == assumption.beneficiary)
        return (f"AANNAME: {line.name} ({format_enterprise_number(line.enterprise_number)}) staat niet in de "
                "personeelsgegevens van het eindrapport en is als volledig bezet beschouwd (geen vermindering)")
    setting = assumption.setting or ""
    value = rule_value(setting, getattr(settlement.rules.rules, setting))
    return f"AANNAME: {labels.RULES[setting]} ({setting}) staat in geen enkel bestand; standaard toegepast: {value}"


def settlement_notes(settlement: Settlement) -> list[str]:
    notes = []
    for line in settlement.lines:
        if settlement.final and line.capped and line.eligible_costs is not None:
            notes.append(f"{line.name}: uit te betalen beperkt tot de subsidiabele kosten "
                         f"{format_eur(line.eligible_costs)} (inspanning + resultaat "
                         f"{format_eur(line.payable_before_cap)}; R6)")
        if settlement.final and line.floored:
            notes.append(f"{line.name}: inspanning + resultaat − vermindering is negatief; uit te betalen 0,00 (R5)")
    notes += [assumption_text(settlement, assumption) for assumption in settlement.assumptions]
    return notes
