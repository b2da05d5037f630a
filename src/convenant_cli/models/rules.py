"""Art. 8: the rules in force for a covenant or an addendum, and where each came from.

A covenant's settings are its own where it writes them, else the defaults of the rulebook.
An addendum names only what it changes; every other setting is its parent covenant's
("de bepalingen van het convenant zijn van toepassing"). This is the one place that
decides it. Pure: models in, values out.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from convenant_cli.models.agreement import Addendum, Agreement, Convenant, Rules


class Origin(StrEnum):
    DEFAULT = "default"
    CONVENANT = "convenant"
    ADDENDUM = "addendum"


# The text and article each setting comes from (for the explanation and the workbook).
LEGAL_SOURCES: dict[str, str] = {
    "effort_share": "Art. 2 (70% inspanningsverbintenissen)",
    "result_share": "Art. 2 (30% resultaatsverbintenissen)",
    "result_minimum": "Art. 2 (minstens de helft behaald)",
    "result_counting": "Art. 2 (a rato van de behaalde resultaatsverbintenissen)",
    "guaranteed_wage_days": "Art. 5; art. 70 wet van 3 juli 1978 (gewaarborgd loon)",
    "relapse_days": "art. 70 wet van 3 juli 1978 (herval: 14 dagen, 8 weken vanaf 1 januari 2026)",
    "deduction_base": "Art. 5 (vermindering) en Art. 2 (verdeling)",
}


@dataclass(frozen=True, eq=False)
class RulesInForce:
    rules: Rules
    origins: dict[str, Origin]  # setting: where its value came from
    sources: dict[Origin, str] = field(default_factory=dict)  # the id of the covenant or addendum of each origin


def _written(rules: object) -> set[str]:
    """The settings a file writes itself (pydantic records which fields were given)."""
    return {name for name in getattr(rules, "model_fields_set", set()) if getattr(rules, name) is not None}


def rules_in_force(agreement: Agreement, parent: Agreement | None = None) -> RulesInForce:
    """The settings that govern `agreement`: a covenant's own or the defaults; for an
    addendum, its overrides on top of its parent's (Art. 8).
    """
    if isinstance(agreement, Convenant):
        written = _written(agreement.rules)
        return RulesInForce(agreement.rules, {name: Origin.CONVENANT if name in written else Origin.DEFAULT
                                              for name in Rules.model_fields}, {Origin.CONVENANT: agreement.id})
    if not isinstance(agreement, Addendum):
        raise TypeError(f"no rules for {type(agreement).__name__}")
    base = rules_in_force(parent) if isinstance(parent, Convenant) else rules_in_force_default()
    overrides = {name: getattr(agreement.rules, name) for name in _written(agreement.rules)}
    origins = {name: Origin.ADDENDUM if name in overrides else base.origins[name] for name in Rules.model_fields}
    sources = {**base.sources, Origin.ADDENDUM: agreement.id}
    return RulesInForce(base.rules.model_copy(update=overrides), origins, sources)


def rules_in_force_default() -> RulesInForce:
    return RulesInForce(Rules(), dict.fromkeys(Rules.model_fields, Origin.DEFAULT))
